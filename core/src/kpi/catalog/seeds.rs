//! The indicators of the five seed documents and their targets, each with
//! the document, section and the document's own words (checked against
//! `shared/seeds/` by the tests).

use super::super::{AdminLevel, Aggregation, Comparator, Group, Indicator, InputKind};
use super::dsl::*;
use AdminLevel::{City, Commune, Province, Unit};
use Comparator::{Ge, Gt, Le};

// Inputs shared by several indicators.
pub(super) const ENTERPRISES: In = (
    "enterprises_total",
    "Tổng số doanh nghiệp",
    "Enterprises (total)",
    InputKind::Count,
);
pub(super) const SMES: In = (
    "smes_total",
    "Tổng số doanh nghiệp nhỏ và vừa",
    "Small and medium enterprises (total)",
    InputKind::Count,
);
pub(super) const ADULTS: In = (
    "adults_total",
    "Dân số trưởng thành",
    "Adult population",
    InputKind::Count,
);
pub(super) const POPULATION: In = ("population_total", "Dân số", "Population", InputKind::Count);
pub(super) const HOUSEHOLDS: In = (
    "households_total",
    "Tổng số hộ gia đình",
    "Households (total)",
    InputKind::Count,
);
pub(super) const COMMUNES: In = (
    "communes_total",
    "Tổng số xã, phường",
    "Communes and wards (total)",
    InputKind::Count,
);
pub(super) const STAFF: In = (
    "staff_total",
    "Tổng số cán bộ, công chức, viên chức",
    "Civil servants and public employees (total)",
    InputKind::Count,
);
pub(super) const INFO_SYSTEMS: In = (
    "info_systems_total",
    "Tổng số hệ thống thông tin",
    "Information systems (total)",
    InputKind::Count,
);
pub(super) const PROCEDURES: In = (
    "procedures_total",
    "Tổng số thủ tục hành chính",
    "Administrative procedures (total)",
    InputKind::Count,
);
pub(super) const ONLINE_SERVICES: In = (
    "online_services_total",
    "Tổng số dịch vụ công trực tuyến",
    "Online public services (total)",
    InputKind::Count,
);
pub(super) const DOSSIERS: In = (
    "dossiers_total",
    "Tổng số hồ sơ thủ tục hành chính",
    "Administrative dossiers (total)",
    InputKind::Count,
);
pub(super) const RECURRENT_SPENDING: In = (
    "recurrent_spending_vnd",
    "Tổng chi thường xuyên của cấp ngân sách (đồng)",
    "Recurrent spending of the budget level (VND)",
    InputKind::Money,
);
pub(super) const DX_SPENDING: In = (
    "dx_spending_vnd",
    "Kinh phí chi cho chuyển đổi số (đồng)",
    "Spending on digital transformation (VND)",
    InputKind::Money,
);
pub(super) const DIGITAL_ECONOMY_GRDP: In = (
    "digital_economy_grdp_percent",
    "Tỷ trọng kinh tế số trong GRDP (%)",
    "Digital economy share of GRDP (%)",
    InputKind::Percent,
);

/// Resolution 09-NQ/TU §II.7: the yearly budget rule, "mỗi năm".
const R09_BUDGET_RULE: &str = "Mỗi năm ưu tiên bố trí tối thiểu 01% tổng chi thường xuyên của từng cấp ngân sách (tỉnh, huyện, xã) để triển khai thực hiện các hoạt động, chương trình, đề án phục vụ chuyển đổi số";
/// Resolution 09-NQ/TU §II.7: the cybersecurity part of that budget.
const R09_CYBER_RULE: &str = "trong đó đảm bảo 10% chi phí đầu tư cho an toàn, an ninh mạng";

#[allow(clippy::too_many_lines)]
pub(super) fn indicators() -> Vec<Indicator> {
    use Group::*;
    let stttt = "Sở Thông tin và Truyền thông";
    let stttt_en = "Department of Information and Communications";
    vec![
        // ── Leadership (000 §II) ────────────────────────────────────────────
        completion("unit_heads_lead_dx_plan", "Thủ trưởng đơn vị lãnh đạo, chỉ đạo xây dựng kế hoạch chuyển đổi số năm", "Unit heads direct the year's DX plan", Leadership,
            bool_in("unit_head_leads_dx_plan", "Thủ trưởng đã chỉ đạo xây dựng kế hoạch chuyển đổi số năm", "The head directed the year's DX plan"))
            .levels(&[Unit, Commune, City])
            .t(city(Ge, "100", "§II.1", "100% Thủ trưởng các đơn vị, địa phương lãnh đạo, chỉ đạo xây dựng kế hoạch chuyển đổi số năm 2025"))
            .done(),
        completion("unit_heads_tech_pioneers", "Thủ trưởng đơn vị tiên phong ứng dụng, sử dụng thành thạo công nghệ", "Unit heads pioneer the use of technology", Leadership,
            bool_in("unit_head_tech_pioneer", "Thủ trưởng tiên phong ứng dụng công nghệ và tổ chức đào tạo nhận thức số", "The head pioneers technology and organises digital-awareness training"))
            .levels(&[Unit, Commune, City])
            .t(city(Ge, "100", "§II.1", "100% Thủ trưởng các đơn vị, địa phương tiên phong về ứng dụng và sử dụng thành thạo công nghệ trong công việc"))
            .done(),
        completion("units_quarterly_dx_inspection", "Đơn vị tự kiểm tra, đánh giá công tác chuyển đổi số hằng quý", "Units inspect their DX work every quarter", Leadership,
            bool_in("unit_quarterly_dx_inspection_done", "Đơn vị đã tự kiểm tra, đánh giá chuyển đổi số trong quý", "The unit inspected its DX work this quarter"))
            .levels(&[Unit, Commune, City])
            .t(city(Ge, "100", "§II.2", "100% đơn vị, địa phương định kỳ hằng quý tổ chức kiểm tra, đánh giá công tác chuyển đổi số"))
            .done(),
        // ── Infrastructure (000 §III.1, 002, 003, 004) ──────────────────────
        rate("villages_4g_coverage_rate", "Tỷ lệ thôn có điện lưới quốc gia được phủ sóng di động 4G", "Villages on the grid with 4G coverage", Infrastructure,
            count_in("villages_4g_covered", "Số thôn có điện lưới được phủ sóng 4G", "Villages on the grid with 4G"),
            count_in("villages_on_grid_total", "Tổng số thôn có điện lưới quốc gia", "Villages on the national grid"))
            .levels(&[City, Commune])
            .t(city(Ge, "100", "§III.1", "100% các thôn đã có điện lưới quốc gia được phủ sóng di động 4G"))
            .done(),
        rate("villages_mobile_coverage_rate", "Tỷ lệ thôn (làng), điểm dân cư được phủ sóng và sử dụng ổn định mạng di động", "Villages and settlements with stable mobile coverage", Infrastructure,
            count_in("villages_mobile_covered", "Số thôn (làng), điểm dân cư được phủ sóng di động ổn định", "Villages and settlements with stable mobile coverage"),
            count_in("villages_total", "Tổng số thôn (làng), điểm dân cư", "Villages and settlements (total)"))
            .levels(&[Province, City, Commune])
            .lead(stttt, stttt_en)
            .t(r09_2025(Ge, "100", "§II.2", "phấn đấu 100% thôn (làng), điểm dân cư trên địa bàn tỉnh được phủ sóng và sử dụng ổn định mạng di động"))
            .done(),
        rate("communes_5g_coverage_rate", "Tỷ lệ xã, phường được phủ sóng di động 5G", "Communes and wards with 5G coverage", Infrastructure,
            count_in("communes_5g_covered", "Số xã, phường được phủ sóng 5G", "Communes and wards with 5G"), COMMUNES)
            .levels(&[City])
            .t(city(Ge, "100", "§III.1", "100% các xã, phường được phủ sóng di động 5G"))
            .done(),
        rate("households_fiber_rate", "Tỷ lệ hộ gia đình có khả năng tiếp cận Internet cáp quang băng rộng", "Households with access to fibre broadband", Infrastructure,
            count_in("households_fiber", "Số hộ gia đình tiếp cận được cáp quang băng rộng", "Households with fibre access"), HOUSEHOLDS)
            .levels(&[Province, City, Commune])
            .t(city(Ge, "100", "§III.1", "100% số hộ gia đình có khả năng tiếp cận dịch vụ Internet cáp quang băng rộng"))
            .t(r09_2025(Gt, "80", "§I.2.2.1.c", "Hạ tầng mạng băng rộng cáp quang phủ trên 80% hộ gia đình"))
            .done(),
        rate("fixed_broadband_1gbps_rate", "Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định tốc độ trên 1Gb/s", "Users able to get fixed broadband above 1 Gb/s", Infrastructure,
            count_in("users_1gbps_capable", "Số người sử dụng truy nhập được băng rộng cố định trên 1Gb/s", "Users able to get > 1 Gb/s fixed broadband"),
            count_in("internet_users_total", "Tổng số người sử dụng Internet", "Internet users (total)"))
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(a03_2030(Ge, "100", "Phụ lục I, mục I.6.1", "Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s. % 100%"))
            .done(),
        rate("population_5g_coverage_rate", "Tỷ lệ dân số được phủ sóng 5G", "Population covered by 5G", Infrastructure,
            count_in("population_5g_covered", "Dân số được phủ sóng 5G", "Population covered by 5G"), POPULATION)
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(a03_2030(Ge, "99", "Phụ lục I, mục I.6.2", "Phủ sóng 5G cho người dân % dân số 99"))
            .done(),
        rate("postal_points_broadband_rate", "Tỷ lệ điểm phục vụ bưu chính công cộng có Internet băng rộng cố định", "Public postal service points with fixed broadband", Infrastructure,
            count_in("postal_points_broadband", "Số điểm phục vụ bưu chính có băng rộng cố định", "Postal points with fixed broadband"),
            count_in("postal_points_total", "Tổng số điểm phục vụ của mạng bưu chính công cộng", "Public postal service points (total)"))
            .levels(&[Province])
            .lead("Bưu điện tỉnh", "Provincial post office")
            .t(dti((2022, 2025), false, Ge, "50", "§V.15", "Triển khai kết nối Internet băng rộng cố định cho các điểm phục vụ của mạng bưu chính công cộng đảm bảo tối thiểu đạt 50%"))
            .done(),
        // ── Human resources (000 §III.2, 002, 003, 004) ─────────────────────
        completion("units_dx_focal_point", "Đơn vị phân công đầu mối thực hiện chuyển đổi số", "Units with an assigned DX focal point", HumanResources,
            bool_in("unit_has_dx_focal_point", "Đơn vị đã phân công đầu mối chuyển đổi số", "The unit has assigned a DX focal point"))
            .levels(&[Unit, Commune, City])
            .t(city(Ge, "100", "§III.2", "100% các đơn vị phòng, ban thành phố; Ủy ban nhân dân cấp xã phân công đầu mối thực hiện nhiệm vụ, giải pháp chuyển đổi số"))
            .done(),
        rate("staff_dx_trained_rate", "Tỷ lệ cán bộ, công chức, viên chức được đào tạo, tập huấn về chuyển đổi số", "Civil servants trained in digital transformation", HumanResources,
            count_in("staff_dx_trained", "Số cán bộ, công chức, viên chức được tập huấn chuyển đổi số", "Civil servants trained in DX"), STAFF)
            .levels(&[Province, City, Commune, Unit])
            .t(r09_2025(Ge, "80", "§I.2.2.1.a", "80% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng về kiến thức chuyển đổi số"))
            .done(),
        // The city plan counts a wider population than the resolution: its
        // 100 % includes người lao động and the community teams' members
        // (Decision 34), so it is an indicator of its own.
        rate("workforce_dx_trained_rate", "Tỷ lệ cán bộ, công chức, viên chức, người lao động và thành viên Tổ công nghệ số cộng đồng được đào tạo, tập huấn về chuyển đổi số và an toàn thông tin", "Civil servants, employees and community digital team members trained in DX and cybersecurity", HumanResources,
            count_in("workforce_dx_trained", "Số cán bộ, công chức, viên chức, người lao động, thành viên Tổ công nghệ số cộng đồng được tập huấn", "Civil servants, employees and community team members trained"),
            count_in("workforce_total", "Tổng số cán bộ, công chức, viên chức, người lao động và thành viên Tổ công nghệ số cộng đồng", "Civil servants, employees and community team members (total)"))
            .levels(&[City, Commune, Unit])
            .t(city(Ge, "100", "§III.2", "100% cán bộ, công chức, viên chức, người lao động, Tổ công nghệ số cộng đồng được đào tạo, tập huấn, bồi dưỡng công tác chuyển đổi số và an toàn an ninh thông tin mạng"))
            .done(),
        rate("staff_basic_science_dx_trained_rate", "Tỷ lệ cán bộ, công chức được đào tạo kiến thức cơ bản về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số", "Civil servants trained in the basics of science, technology, innovation and DX", HumanResources,
            count_in("staff_basic_science_dx_trained", "Số cán bộ, công chức được đào tạo kiến thức cơ bản KH, CN, ĐMST, CĐS", "Civil servants trained in the basics of S&T, innovation and DX"), STAFF)
            .levels(&[Province, City, Commune, Unit])
            .t(a03_2025(Ge, "100", "§II.1", "Phấn đấu đến hết năm 2025, 100% cán bộ, công chức được đào tạo kiến thức cơ bản về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số"))
            .done(),
        rate("it_staff_dx_trained_rate", "Tỷ lệ cán bộ phụ trách công nghệ thông tin được đào tạo, bồi dưỡng về chuyển đổi số", "IT officers trained in digital transformation", HumanResources,
            count_in("it_staff_dx_trained", "Số cán bộ phụ trách CNTT được đào tạo về chuyển đổi số", "IT officers trained in DX"),
            count_in("it_staff_total", "Tổng số cán bộ được phân công phụ trách CNTT", "IT officers (total)"))
            .levels(&[Province, City])
            .t(r09_2025(Ge, "100", "§I.2.2.1.a", "100% cán bộ được phân công phụ trách về công nghệ thông tin của các sở, ban, ngành, ủy ban nhân dân cấp huyện được đào tạo, bồi dưỡng kiến thức, kỹ năng về chuyển đổi số"))
            .done(),
        rate("community_tech_teams_active_rate", "Tỷ lệ Tổ công nghệ số cộng đồng thường xuyên hoạt động hướng dẫn người dân", "Community digital technology teams regularly active", HumanResources,
            count_in("community_tech_teams_active", "Số Tổ công nghệ số cộng đồng hoạt động thường xuyên", "Active community digital technology teams"),
            count_in("community_tech_teams_total", "Tổng số Tổ công nghệ số cộng đồng", "Community digital technology teams (total)"))
            .levels(&[City, Commune])
            .t(city(Ge, "100", "§III.2", "100% Tổ công nghệ số cộng đồng thường xuyên tổ chức các hoạt động hướng dẫn người dân"))
            .done(),
        rate("communes_with_community_tech_team_rate", "Tỷ lệ xã thành lập Tổ công nghệ số cộng đồng", "Communes with a community digital technology team", HumanResources,
            count_in("communes_with_community_tech_team", "Số xã đã thành lập Tổ công nghệ số cộng đồng", "Communes with a community digital technology team"), COMMUNES)
            .levels(&[Province, City])
            .t(dti((2022, 2025), false, Ge, "100", "§III.4", "đảm bảo 100% các xã thành lập Tổ CNSCD"))
            .done(),
        // ── Digital government (000 §III.3, 002, 003, 004) ──────────────────
        rate("full_online_eligible_procedures_rate", "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình", "Eligible procedures offered as fully online services", DigitalGovernment,
            count_in("procedures_full_online", "Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình", "Procedures offered fully online"), PROCEDURES)
            .levels(&[City, Province])
            .t(city(Ge, "95", "§III.3", "thực hiện rà soát thủ tục hành chính có đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến (DVCTT) toàn trình đạt 95%"))
            .done(),
        rate("online_services_on_national_portal_rate", "Tỷ lệ dịch vụ công trực tuyến được tích hợp trên Cổng Dịch vụ công quốc gia", "Online public services integrated on the National Public Service Portal", DigitalGovernment,
            count_in("online_services_on_national_portal", "Số dịch vụ công trực tuyến tích hợp trên Cổng DVC quốc gia", "Online services on the national portal"), ONLINE_SERVICES)
            .levels(&[Province, City])
            .t(city(Ge, "100", "§III.3", "đảm bảo 100% dịch vụ công trực tuyến đủ điều kiện được tích hợp trên Cổng Dịch vụ công quốc gia"))
            .t(r09_2025(Ge, "100", "§I.2.2.1.a", "100% dịch vụ công trực tuyến mức độ 3, 4 phổ biến, liên quan tới nhiều người dân, doanh nghiệp được tích hợp lên Cổng Dịch vụ công quốc gia"))
            .done(),
        rate("online_services_multichannel_rate", "Tỷ lệ dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện, kể cả thiết bị di động", "Level-4 online services available on several channels, mobile included", DigitalGovernment,
            count_in("online_services_multichannel", "Số dịch vụ công trực tuyến mức độ 4 trên nhiều phương tiện", "Level-4 online services on several channels"), ONLINE_SERVICES)
            .levels(&[Province])
            .t(r09_2030(Ge, "100", "§I.2.2.2.a", "100% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện khác nhau, bao gồm cả thiết bị di động"))
            .done(),
        rate("full_online_dossiers_rate", "Tỷ lệ hồ sơ trực tuyến toàn trình", "Dossiers processed fully online", DigitalGovernment,
            count_in("dossiers_full_online", "Số hồ sơ trực tuyến toàn trình", "Dossiers processed fully online"), DOSSIERS)
            .levels(&[City, Commune])
            .t(city(Ge, "65", "§III.3", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 65%"))
            .done(),
        rate("online_processed_dossiers_rate", "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "Administrative dossiers processed online", DigitalGovernment,
            count_in("dossiers_online", "Số hồ sơ được xử lý trực tuyến", "Dossiers processed online"), DOSSIERS)
            .levels(&[Province, City, Unit])
            .t(dti((2022, 2022), true, Gt, "70", "§V.19", "tăng tỷ lệ hồ sơ xử lý trực tuyến lên trên 70% vào cuối năm 2022"))
            .t(dti((2023, 2025), true, Ge, "80", "§V.19", "80% vào cuối năm 2025"))
            .done(),
        rate("vneid_authenticated_users_rate", "Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh, xác thực qua VNeID", "Online-service users identified and authenticated through VNeID", DigitalGovernment,
            count_in("online_service_users_vneid", "Số người dùng DVCTT được xác thực qua VNeID", "Online-service users authenticated through VNeID"),
            count_in("online_service_users_total", "Tổng số người dân, doanh nghiệp sử dụng DVCTT", "Online-service users (total)"))
            .levels(&[City, Commune])
            .t(city(Ge, "100", "§III.3", "thông qua định danh điện tử VNeID đạt 100%"))
            .done(),
        rate("electronic_results_rate", "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", "Procedure results issued electronically", DigitalGovernment,
            count_in("results_electronic", "Số kết quả giải quyết TTHC cấp bản điện tử", "Results issued electronically"),
            count_in("results_total", "Tổng số kết quả giải quyết TTHC", "Procedure results (total)"))
            .levels(&[City, Commune])
            .t(city(Ge, "100", "§III.3", "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt 100%"))
            .done(),
        rate("procedure_satisfaction_rate", "Tỷ lệ người dân, doanh nghiệp hài lòng trong giải quyết thủ tục hành chính", "Citizen and business satisfaction with administrative procedures", DigitalGovernment,
            count_in("respondents_satisfied", "Số người được khảo sát hài lòng", "Respondents satisfied"),
            count_in("respondents_total", "Tổng số người được khảo sát", "Respondents (total)"))
            .levels(&[City, Commune])
            .t(city(Ge, "95", "§III.3", "Tỷ lệ người dân, doanh nghiệp hài lòng trong giải quyết thủ tục hành … chính đạt 95% trở lên"))
            .done(),
        rate("reports_on_reporting_system_rate", "Tỷ lệ chế độ báo cáo, chỉ tiêu tổng hợp được kết nối, chia sẻ dữ liệu trên Hệ thống thông tin báo cáo", "Reporting regimes connected to the reporting information system", DigitalGovernment,
            count_in("reporting_regimes_connected", "Số chế độ báo cáo đã kết nối, chia sẻ dữ liệu số", "Reporting regimes connected"),
            count_in("reporting_regimes_total", "Tổng số chế độ báo cáo, chỉ tiêu tổng hợp", "Reporting regimes (total)"))
            .levels(&[Province, City])
            .t(city(Ge, "100", "§III.3", "100% chế độ báo cáo, chỉ tiêu tổng hợp báo cáo định kỳ và báo cáo thống kê về kinh tế - xã hội phục vụ sự chỉ đạo, điều hành của Ủy ban nhân dân thành phố"))
            .t(r09_2025(Ge, "100", "§I.2.2.1.a", "100% chế độ báo cáo, chỉ tiêu tổng hợp báo cáo định k và báo cáo thống kê về kinh tế - xã hội phục vụ sự chỉ đạo, điều hành của Ủy ban nhân dân tỉnh"))
            .done(),
        rate("electronic_documents_rate", "Tỷ lệ văn bản (trừ văn bản mật) trao đổi giữa các cơ quan dưới dạng điện tử, ký số", "Documents exchanged electronically and digitally signed (non-secret)", DigitalGovernment,
            count_in("documents_electronic", "Số văn bản trao đổi dưới dạng điện tử, ký số", "Documents exchanged electronically"),
            count_in("documents_total", "Tổng số văn bản trao đổi (trừ văn bản mật)", "Documents exchanged (non-secret, total)"))
            .levels(&[City, Commune, Unit])
            .t(city(Ge, "100", "§III.3", "100% văn bản (trừ văn bản mật) trao đổi giữa các cơ quan được thực hiện dưới dạng điện tử, ký số theo quy định"))
            .done(),
        rate("work_records_online_rate", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)", "Work files processed online (non-secret)", DigitalGovernment,
            count_in("work_records_online", "Số hồ sơ công việc xử lý trên môi trường mạng", "Work files processed online"),
            count_in("work_records_total", "Tổng số hồ sơ công việc (trừ hồ sơ mật)", "Work files (non-secret, total)"))
            .levels(&[Province, City, Commune, Unit])
            .t(city(Ge, "100", "§III.3", "thành phố đạt 100%").at(City))
            .t(city(Ge, "100", "§III.3", "cấp xã đạt 100%").at(Commune))
            .t(r09_2025(Ge, "100", "§I.2.2.1.a", "100% hồ sơ công việc tại cấp tỉnh, cấp huyện và cấp xã được xử lý trên môi trường mạng"))
            .t(r09_2030(Ge, "100", "§I.2.2.2.a", "Tiếp tục duy trì thực hiện 100% hồ sơ công việc tại cấp tỉnh, cấp huyện và cấp xã được xử lý trên môi trường mạng"))
            .done(),
        rate("management_data_digitised_rate", "Tỷ lệ dữ liệu quản lý được số hóa, lưu trữ tập trung tại Trung tâm tích hợp dữ liệu tỉnh", "Management data digitised and stored in the provincial data centre", DigitalGovernment,
            count_in("data_sets_digitised", "Số bộ dữ liệu quản lý đã số hóa, lưu trữ tập trung", "Management data sets digitised"),
            count_in("data_sets_total", "Tổng số bộ dữ liệu quản lý", "Management data sets (total)"))
            .levels(&[Province, Unit])
            .t(r09_2025(Ge, "80", "§I.2.2.1.a", "80% dữ liệu quản lý của các cơ quan, đơn vị được số hóa, lưu trữ tập trung tại Trung tâm tích hợp dữ liệu của tỉnh"))
            .t(r09_2030(Ge, "100", "§I.2.2.2.a", "100% dữ liệu quản lý của các cơ quan, đơn vị được số hóa, lưu trữ tập trung tại Trung tâm tích hợp dữ liệu của tỉnh"))
            .done(),
        rate("digital_inspections_rate", "Tỷ lệ hoạt động kiểm tra của cơ quan quản lý nhà nước thực hiện qua môi trường số", "Inspections by state bodies carried out digitally", DigitalGovernment,
            count_in("inspections_digital", "Số cuộc kiểm tra thực hiện qua môi trường số", "Inspections carried out digitally"),
            count_in("inspections_total", "Tổng số cuộc kiểm tra", "Inspections (total)"))
            .levels(&[Province, Unit])
            .t(r09_2025(Ge, "50", "§I.2.2.1.a", "50% hoạt động kiểm tra của các cơ quan quản lý nhà nước được thực hiện thông qua môi trường số"))
            .t(r09_2030(Ge, "70", "§I.2.2.2.a", "70% hoạt động kiểm tra của các cơ quan quản lý nhà nước được thực hiện thông qua môi trường số"))
            .done(),
        rate("communes_basic_dx_criteria_rate", "Tỷ lệ đơn vị cấp xã hoàn thành các chỉ tiêu cơ bản chuyển đổi số cấp xã", "Communes meeting the basic commune-level DX criteria", DigitalGovernment,
            count_in("communes_basic_dx_criteria_met", "Số xã hoàn thành chỉ tiêu cơ bản chuyển đổi số", "Communes meeting the basic DX criteria"), COMMUNES)
            .levels(&[City])
            .t(r09_2030(Ge, "80", "§I.2.2.2.a", "Mỗi đơn vị cấp huyện xây dựng 80% đơn vị cấp xã hoàn thành các chỉ tiêu cơ bản chuyển đổi số"))
            .done(),
        rate("business_procedures_online_rate", "Tỷ lệ thủ tục liên quan đến doanh nghiệp được thực hiện trực tuyến", "Business-related procedures carried out online", DigitalGovernment,
            count_in("business_procedures_online", "Số thủ tục liên quan đến doanh nghiệp thực hiện trực tuyến", "Business procedures carried out online"),
            count_in("business_procedures_total", "Tổng số thủ tục liên quan đến doanh nghiệp", "Business procedures (total)"))
            .levels(&[Province])
            .t(a03_2025(Ge, "100", "§II.5", "Đảm bảo đến hết năm 2025, 100% thủ tục liên quan đến doanh nghiệp được thực hiện trực tuyến"))
            .done(),
        rate("online_public_service_usage_rate", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "Use of online public services by citizens and businesses", DigitalGovernment,
            count_in("dossiers_submitted_online", "Số hồ sơ người dân, doanh nghiệp nộp trực tuyến", "Dossiers submitted online"), DOSSIERS)
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(a03_2030(Ge, "80", "Phụ lục I, mục I.5", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp % ≥ 80"))
            .done(),
        rate("digital_state_management_rate", "Tỷ lệ quản lý nhà nước trên môi trường số, kết nối thông suốt trong hệ thống chính trị", "State management on digital platforms, connected across the political system", DigitalGovernment,
            count_in("management_processes_digital", "Số quy trình quản lý thực hiện trên môi trường số, kết nối thông suốt", "Management processes run digitally and connected"),
            count_in("management_processes_total", "Tổng số quy trình quản lý nhà nước", "State management processes (total)"))
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(a03_2030(Ge, "100", "Phụ lục I, mục I.8", "Quản lý nhà nước từ Trung ương đến địa phương trên môi trường số, kết nối và vận hành thông suốt giữa các cơ quan trong hệ thống chính trị % 100%"))
            .done(),
        // ── Digital economy (000 §III.4, 002, 003, 004) ─────────────────────
        rate("e_contract_enterprises_rate", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử", "Enterprises using electronic contracts", DigitalEconomy,
            count_in("enterprises_e_contract", "Số doanh nghiệp sử dụng hợp đồng điện tử", "Enterprises using e-contracts"), ENTERPRISES)
            .levels(&[Province, City])
            .lead("Sở Công Thương", "Department of Industry and Trade")
            .t(city(Gt, "80", "§III.4", "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử trong lĩnh vực thương mại đạt trên 80%"))
            // The DTI plan's yearly targets (003 §V.6: 50/60/70/80 %) are set by rules/2022–2025.rhai.
            .done(),
        rate("smes_digital_platforms_rate", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "Small and medium enterprises using digital platforms", DigitalEconomy,
            count_in("smes_digital_platforms", "Số DNNVV sử dụng nền tảng số", "SMEs using digital platforms"), SMES)
            .levels(&[Province, City])
            .lead("Sở Kế hoạch và Đầu tư", "Department of Planning and Investment")
            .t(city(Gt, "50", "§III.4", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt trên 50%"))
            .t(dti((2022, 2025), true, Ge, "50", "§V.5", "triển khai các giải pháp thúc đẩy các doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt tối thiểu 50% số doanh nghiệp nhỏ và vừa trên địa bàn tỉnh"))
            .done(),
        rate("smedx_participation_rate", "Tỷ lệ doanh nghiệp nhỏ và vừa tham gia chương trình SMEdx", "SMEs taking part in the SMEdx programme", DigitalEconomy,
            count_in("smes_smedx", "Số DNNVV tham gia chương trình SMEdx", "SMEs in SMEdx"), SMES)
            .levels(&[Province])
            .lead("Sở Kế hoạch và Đầu tư", "Department of Planning and Investment")
            .t(dti((2022, 2025), true, Ge, "10", "§V.5", "tham gia chương trình SMEdx đảm bảo đến năm 2025 đạt tối thiểu 10% số DNNVV trên địa bàn tỉnh"))
            .done(),
        rate("e_tax_enterprises_rate", "Tỷ lệ doanh nghiệp nộp thuế điện tử", "Enterprises paying tax electronically", DigitalEconomy,
            count_in("enterprises_e_tax", "Số doanh nghiệp nộp thuế điện tử", "Enterprises paying tax electronically"), ENTERPRISES)
            .levels(&[Province])
            .lead("Cục Thuế tỉnh", "Provincial tax department")
            .t(dti((2022, 2025), false, Ge, "100", "§V.10", "Thúc đẩy các doanh nghiệp nộp thuế điện tử đạt 100% số doanh nghiệp trên địa bàn tỉnh"))
            .done(),
        rate("malls_e_invoice_rate", "Tỷ lệ trung tâm thương mại triển khai hóa đơn điện tử khởi tạo từ máy tính tiền", "Shopping centres issuing e-invoices from cash registers", DigitalEconomy,
            count_in("malls_e_invoice", "Số trung tâm thương mại dùng hóa đơn điện tử từ máy tính tiền", "Shopping centres with cash-register e-invoices"),
            count_in("malls_total", "Tổng số trung tâm thương mại", "Shopping centres (total)"))
            .levels(&[City])
            .t(city(Ge, "100", "§III.4", "100% Trung tâm thương mại trên địa bàn thành phố"))
            .done(),
        rate("retail_e_invoice_rate", "Tỷ lệ cơ sở ăn uống, bán lẻ thuộc diện triển khai hóa đơn điện tử khởi tạo từ máy tính tiền", "Food and retail outlets in scope issuing cash-register e-invoices", DigitalEconomy,
            count_in("retail_outlets_e_invoice", "Số cơ sở đã triển khai hóa đơn điện tử từ máy tính tiền", "Outlets issuing cash-register e-invoices"),
            count_in("retail_outlets_in_scope", "Số cơ sở thuộc diện triển khai theo kế hoạch ngành thuế", "Outlets in the tax plan's scope"))
            .levels(&[City])
            .t(city(Ge, "80", "§III.4", "80% cơ sở cung cấp dịch vụ ăn uống, bán lẻ hàng hóa tại các trung tâm thương mại, cửa hàng bán lẻ hàng tiêu dùng thuộc diện triển khai theo kế hoạch năm của ngành thuế"))
            .done(),
        reported("digital_economy_grdp_share", "Tỷ trọng kinh tế số trong GRDP", "Digital economy share of GRDP", DigitalEconomy, DIGITAL_ECONOMY_GRDP)
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(r09_2025(Ge, "20", "§I.2.2.1.b", "Phấn đấu kinh tế số chiếm 20% GRDP của tỉnh"))
            .t(r09_2030(Ge, "25", "§I.2.2.2.b", "Kinh tế số chiếm 25% GRDP của tỉnh"))
            .t(a03_2030(Ge, "25", "Phụ lục I, mục I.4", "Quy mô kinh tế số % GRDP ≥ 25"))
            .t(a03_2045(Ge, "50", "Phụ lục I, mục II.1", "Quy mô kinh tế số % GRDP ≥ 50"))
            .done(),
        reported("digital_economy_sector_share", "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực (ngành thấp nhất)", "Digital economy share within each sector (lowest sector)", DigitalEconomy,
            ("digital_economy_lowest_sector_percent", "Tỷ trọng kinh tế số của ngành, lĩnh vực thấp nhất (%)", "Digital economy share of the lowest sector (%)", InputKind::Percent))
            .levels(&[Province])
            .t(r09_2025(Ge, "10", "§I.2.2.1.b", "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt ít nhất 10%"))
            .t(r09_2030(Gt, "25", "§I.2.2.2.b", "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực đạt trên 25%"))
            .done(),
        reported("sector_digital_economy_of_digital_economy", "Tỷ trọng kinh tế số các ngành, lĩnh vực trong tổng kinh tế số", "Sector digital economy as a share of the whole digital economy", DigitalEconomy,
            ("sector_digital_economy_percent", "Kinh tế số các ngành, lĩnh vực trên tổng kinh tế số (%)", "Sector digital economy over the whole digital economy (%)", InputKind::Percent))
            .levels(&[Province])
            .t(a03_2030(Ge, "70", "§II.6", "bảo đảm kinh tế số các ngành, lĩnh vực chiếm tối thiểu 70% kinh tế số"))
            .done(),
        rate("enterprises_dx_rate", "Tỷ lệ doanh nghiệp thực hiện chuyển đổi số trong quản lý, sản xuất, kinh doanh", "Enterprises applying digital transformation", DigitalEconomy,
            count_in("enterprises_dx", "Số doanh nghiệp thực hiện chuyển đổi số", "Enterprises applying DX"), ENTERPRISES)
            .levels(&[Province])
            .t(r09_2025(Ge, "80", "§I.2.2.1.b", "Phấn đấu 80% doanh nghiệp trên địa bàn tỉnh thực hiện chuyển đổi số"))
            .t(r09_2030(Ge, "90", "§I.2.2.2.b", "90% doanh nghiệp trên địa bàn ứng dụng chuyển đổi số"))
            .done(),
        rate("enterprises_e_transactions_rate", "Tỷ lệ doanh nghiệp thực hiện giao dịch điện tử trong hoạt động tài chính", "Enterprises making electronic financial transactions", DigitalEconomy,
            count_in("enterprises_e_transactions", "Số doanh nghiệp giao dịch điện tử về tài chính", "Enterprises with electronic financial transactions"), ENTERPRISES)
            .levels(&[Province])
            .t(r09_2025(Ge, "95", "§I.2.2.1.b", "95% doanh nghiệp thực hiện giao dịch điện tử trong các hoạt động về tài chính"))
            .t(r09_2030(Ge, "100", "§I.2.2.2.b", "100% doanh nghiệp thực hiện giao dịch điện tử trong các hoạt động về tài chính"))
            .done(),
        count("competitive_digital_enterprises", "Số doanh nghiệp công nghệ số có năng lực cạnh tranh", "Competitive digital technology enterprises", DigitalEconomy,
            count_in("competitive_digital_enterprises", "Số doanh nghiệp công nghệ số có năng lực cạnh tranh", "Competitive digital technology enterprises"))
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(a03_2030(Ge, "3", "Phụ lục I, mục I.3", "Số doanh nghiệp công nghệ số có năng lực cạnh tranh Doanh nghiệp ≥ 3"))
            .done(),
        count("provincial_ecommerce_platforms", "Số sàn thương mại điện tử quảng bá, tiêu thụ sản phẩm đặc trưng của tỉnh", "E-commerce platforms for the province's own products", DigitalEconomy,
            count_in("provincial_ecommerce_platforms", "Số sàn thương mại điện tử của tỉnh đã xây dựng", "Provincial e-commerce platforms built"))
            .levels(&[Province])
            .lead("Sở Công Thương", "Department of Industry and Trade")
            // "sớm" gives no year: the resolution's own horizon, 2025.
            .t(r09_2025(Ge, "1", "§II.4", "phấn đấu sớm xây dựng 01 sàn thương mại điện tử để quảng bá, tiêu thụ các sản phẩm đặc trưng của tỉnh"))
            .done(),
        rate("ecommerce_postal_share", "Tỷ lệ giao dịch trên sàn Vỏ sò, Postmart trên tổng số bưu gửi chuyển phát hàng hóa", "Voso/Postmart transactions among goods parcels", DigitalEconomy,
            count_in("ecommerce_postal_transactions", "Số giao dịch trên sàn Vỏ sò và Postmart", "Voso and Postmart transactions"),
            count_in("goods_parcels_total", "Tổng số bưu gửi chuyển phát hàng hóa", "Goods parcels (total)"))
            .levels(&[Province])
            .lead("Bưu điện tỉnh", "Provincial post office")
            .t(dti((2022, 2025), false, Ge, "5", "§V.15", "đảm bảo tối thiểu 5% số lượng giao dịch trên tổng số bưu gửi chuyển phát hàng hóa qua Bưu điện tỉnh và Viettel Post tại địa bàn"))
            .done(),
        rate("ecommerce_viettel_post_share", "Tỷ lệ giao dịch trên sàn Vỏ sò, Postmart trên tổng số bưu gửi chuyển phát hàng hóa của Viettel Post tỉnh", "Voso/Postmart transactions among Viettel Post's goods parcels", DigitalEconomy,
            count_in("viettel_post_ecommerce_transactions", "Số giao dịch trên sàn Vỏ sò và Postmart qua Viettel Post tỉnh", "Voso and Postmart transactions through Viettel Post"),
            count_in("viettel_post_goods_parcels_total", "Tổng số bưu gửi chuyển phát hàng hóa của Viettel Post tỉnh", "Viettel Post goods parcels (total)"))
            .levels(&[Province])
            .lead("Viettel Post tỉnh", "Viettel Post (province)")
            .t(dti((2022, 2025), false, Ge, "5", "§V.16", "Triển khai các giải pháp thúc đẩy nhanh việc giao dịch trên sàn thương mại điện tử Vò sò và Postmart tại địa bàn, đảm bảo tối thiểu 5% số lượng giao dịch trên tổng số bưu gửi chuyển phát hàng hóa"))
            .done(),
        // ── Digital society (000 §III.5, 002, 003, 004) ─────────────────────
        rate("adults_digital_signature_rate", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "Adults with a digital or electronic signature", DigitalSociety,
            count_in("adults_digital_signature", "Số người trưởng thành có chữ ký số/điện tử", "Adults with a digital or electronic signature"), ADULTS)
            .levels(&[Province, City])
            .lead(stttt, stttt_en)
            .t(city(Gt, "50", "§III.5", "Phấn đấu tỷ lệ dân số trưởng thành được cấp chứng thư chữ ký số, chứng thư chữ ký điện tử đạt trên 50%"))
            .t(a03_2030(Ge, "70", "Phụ lục I, mục I.9", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân % ≥ 70"))
            .done(),
        rate("heritage_records_digitised_rate", "Tỷ lệ hồ sơ tư liệu di sản văn hóa đã ghi danh, xếp hạng được số hóa", "Listed cultural heritage records digitised", DigitalSociety,
            count_in("heritage_records_digitised", "Số hồ sơ di sản đã số hóa, hiện diện trên môi trường số", "Heritage records digitised"),
            count_in("heritage_records_total", "Tổng số hồ sơ di sản đã ghi danh, công nhận, xếp hạng", "Listed heritage records (total)"))
            .levels(&[City])
            .t(city(Ge, "100", "§III.5", "được số hóa, hiện diện trên môi trường số đạt tỷ lệ 100%"))
            .done(),
        rate("digital_school_records_rate", "Tỷ lệ triển khai học bạ số và bảng điểm số", "Digital school records and transcripts deployed", DigitalSociety,
            count_in("students_digital_records", "Số học sinh có học bạ số, bảng điểm số", "Students with digital records"),
            count_in("students_total", "Tổng số học sinh", "Students (total)"))
            .levels(&[City])
            .t(city(Ge, "100", "§III.5", "Phấn đấu đạt tỷ lệ triển khai học bạ số đối với học sinh và bảng điểm số đối với học sinh tại các đơn vị trường học thuộc thành phố đạt 100%"))
            .done(),
        rate("cashless_tuition_schools_rate", "Tỷ lệ cơ sở giáo dục công lập thu học phí không dùng tiền mặt", "Public schools collecting fees without cash", DigitalSociety,
            count_in("schools_cashless_tuition", "Số cơ sở giáo dục công lập thu học phí không dùng tiền mặt", "Public schools with cashless fees"),
            count_in("public_schools_total", "Tổng số cơ sở giáo dục công lập", "Public schools (total)"))
            .levels(&[City])
            .t(city(Ge, "70", "§III.5", "tỷ lệ các cơ sở giáo dục công lập trên địa bàn thành phố triển khai thanh toán học phí không dùng tiền mặt đạt tỷ lệ 70%"))
            .done(),
        rate("hospitals_e_health_book_rate", "Tỷ lệ bệnh viện, cơ sở khám chữa bệnh triển khai Sổ sức khỏe điện tử trên VNeID", "Hospitals and clinics offering the e-health book on VNeID", DigitalSociety,
            count_in("clinics_e_health_book", "Số cơ sở khám chữa bệnh triển khai Sổ sức khỏe điện tử", "Clinics with the e-health book"),
            count_in("clinics_total", "Tổng số bệnh viện, cơ sở khám chữa bệnh", "Hospitals and clinics (total)"))
            .levels(&[City])
            .t(city(Ge, "100", "§III.5", "Tỷ lệ các bệnh viện, cơ sở khám chữa bệnh triển khai Sổ sức khỏe điện tử tích hợp trên ứng dụng VNeID đạt 100%"))
            .done(),
        rate("e_payment_accounts_rate", "Tỷ lệ người dân có tài khoản thanh toán điện tử", "People with an electronic payment account", DigitalSociety,
            count_in("people_e_payment_account", "Số người có tài khoản thanh toán điện tử", "People with an e-payment account"), POPULATION)
            .levels(&[Province])
            .t(r09_2025(Ge, "30", "§I.2.2.1.c", "ít nhất 30% người dân có tài khoản thanh toán điện tử"))
            .t(r09_2030(Gt, "50", "§I.2.2.2.c", "trên 50% người dân có tài khoản thanh toán điện tử"))
            .done(),
        rate("citizens_in_need_digital_gov_access_rate", "Tỷ lệ người dân có nhu cầu được tiếp cận dịch vụ của chính quyền số", "People in need who can reach digital-government services", DigitalSociety,
            count_in("citizens_in_need_with_access", "Số người dân có nhu cầu được tiếp cận dịch vụ chính quyền số", "People in need with access"),
            count_in("citizens_in_need_total", "Số người dân có nhu cầu sử dụng dịch vụ chính quyền số", "People needing digital-government services"))
            .levels(&[Province])
            .t(r09_2025(Ge, "90", "§I.2.2.1.c", "90% người dân có nhu cầu được tiếp cận với các dịch vụ của chính quyền số"))
            .done(),
        rate("citizens_digital_gov_smart_city_access_rate", "Tỷ lệ người dân được tiếp cận dịch vụ của chính quyền số, đô thị thông minh", "People who can reach digital-government and smart-city services", DigitalSociety,
            count_in("citizens_with_digital_services_access", "Số người dân được tiếp cận dịch vụ chính quyền số, đô thị thông minh", "People with access to digital-government and smart-city services"), POPULATION)
            .levels(&[Province])
            .t(r09_2030(Ge, "80", "§I.2.2.2.c", "80% người dân được tiếp cận với các dịch vụ của chính quyền số, đô thị thông minh"))
            .done(),
        rate("citizens_eid_rate", "Tỷ lệ người dân được cấp tài khoản định danh điện tử", "People with an electronic identification account", DigitalSociety,
            count_in("citizens_eid", "Số người dân có tài khoản định danh điện tử", "People with an e-ID account"), POPULATION)
            .levels(&[Province])
            .lead("Công an tỉnh", "Provincial police")
            .t(dti((2022, 2023), true, Ge, "80", "§V.1", "Đảm bảo đến hết năm 2023 đạt 80% người dân trên địa bàn tỉnh được cấp tài khoản định danh điện tử"))
            .done(),
        count("smart_city_localities", "Số địa phương hoàn thành xây dựng đô thị thông minh", "Localities with a completed smart city", DigitalSociety,
            count_in("smart_city_localities", "Số huyện, thành phố hoàn thành đô thị thông minh", "Districts or cities with a completed smart city"))
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(r09_2025(Ge, "2", "§I.2.2.1.c", "Tập trung đầu tư, xây dựng thành phố Kon Tum, huyện Kon Plong theo hướng đô thị thông minh"))
            .t(a03_2030(Ge, "2", "Phụ lục I, mục I.7", "Hoàn thành xây dựng đô thị thông minh TP Kon Tum và huyện KonPlông và một số địa phương có đủ điều kiện Huyện, Thành phố, ≥ 2"))
            .done(),
        count("smart_city_services_per_district", "Số loại dịch vụ đô thị thông minh của huyện", "Smart-city services of a district", DigitalSociety,
            count_in("smart_city_services", "Số loại dịch vụ đô thị thông minh đã xây dựng", "Smart-city services built"))
            .levels(&[City])
            .aggregate(Aggregation::EachUnit)
            .t(r09_2025(Ge, "1", "§I.2.2.1.c", "khuyến khích các huyện còn lại có đủ tiềm lực phấn đấu xây dựng đô thị thông minh hoặc xây dựng ít nhất 1 loại dịch vụ đô thị thông minh"))
            .done(),
        // ── Digital data (000 §III.6) ───────────────────────────────────────
        rate("tasks_monitored_by_data_rate", "Tỷ lệ nhiệm vụ được giao được theo dõi, giám sát, đánh giá bằng dữ liệu số", "Assigned tasks monitored with digital data", DigitalData,
            count_in("tasks_monitored_digitally", "Số nhiệm vụ được theo dõi bằng dữ liệu số", "Tasks monitored with digital data"),
            count_in("tasks_assigned_total", "Tổng số nhiệm vụ được giao", "Assigned tasks (total)"))
            .levels(&[City])
            .t(city(Ge, "100", "§III.6", "Phấn đấu 100% nhiệm vụ Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân thành phố, Ủy ban nhân dân thành phố giao được theo dõi, giám sát, đánh giá bằng dữ liệu số"))
            .done(),
        rate("statistics_as_digital_data_rate", "Tỷ lệ chỉ tiêu thống kê được cung cấp dưới dạng dữ liệu số", "Statistical indicators provided as digital data", DigitalData,
            count_in("statistics_digital", "Số chỉ tiêu thống kê cung cấp dưới dạng dữ liệu số", "Statistical indicators provided digitally"),
            count_in("statistics_total", "Tổng số chỉ tiêu thống kê", "Statistical indicators (total)"))
            .levels(&[City])
            .t(city(Ge, "50", "§III.6", "Phấn đấu 50% chỉ tiêu thống kê của thành phố được cung cấp phục vụ công tác chỉ đạo, điều hành dưới dạng dữ liệu số"))
            .done(),
        rate("local_data_integrated_rate", "Tỷ lệ thông tin, dữ liệu của địa phương được tích hợp, chia sẻ với hệ thống của Trung ương", "Local data integrated with central systems", DigitalData,
            count_in("local_data_sets_integrated", "Số bộ thông tin, dữ liệu đã tích hợp, chia sẻ", "Local data sets integrated"),
            count_in("local_data_sets_total", "Tổng số bộ thông tin, dữ liệu của địa phương", "Local data sets (total)"))
            .levels(&[City])
            .t(city(Ge, "100", "§III.6", "phấn đấu 100% các thông tin, dữ liệu của địa phương được tích hợp, kết nối, chia sẻ với các hệ thống thông tin của Chính phủ, Trung ương Đảng, Quốc hội"))
            .done(),
        rate("government_resolution_indicators_monitored_rate", "Tỷ lệ chỉ tiêu theo Nghị quyết 01/NQ-CP, 02/NQ-CP và Quyết định 288/QĐ-TTg được theo dõi bằng dữ liệu số", "Indicators of Government resolutions 01, 02 and decision 288 monitored with digital data", DigitalData,
            count_in("resolution_indicators_monitored", "Số chỉ tiêu được theo dõi bằng dữ liệu số", "Indicators monitored with digital data"),
            count_in("resolution_indicators_total", "Tổng số chỉ tiêu theo các nghị quyết, quyết định", "Indicators of the resolutions (total)"))
            .levels(&[City])
            .t(city(Ge, "100", "§III.6", "phấn đấu 100% chỉ tiêu theo Nghị quyết số 01/NQ-CP5, Nghị quyết số 02/NQ-CP6 hằng năm của Chính phủ"))
            .done(),
        rate("shared_open_databases_updated_rate", "Tỷ lệ CSDL dùng chung, CSDL mở được cập nhật đúng quy định", "Shared and open databases kept up to date", DigitalData,
            count_in("databases_updated", "Số CSDL dùng chung, CSDL mở được cập nhật", "Shared/open databases updated"),
            count_in("databases_total", "Tổng số CSDL dùng chung, CSDL mở (Quyết định 528/QĐ-UBND)", "Shared/open databases (decision 528, total)"))
            .levels(&[City, Unit])
            .t(city(Ge, "100", "§III.6", "phấn đấu 100% CSDL dùng chung, CSDL mở (ban hành kèm theo Quyết định số 528/QĐ-UBND ngày 27 tháng 10 năm 2023) được cập nhật đảm bảo, đúng quy định"))
            .done(),
        // ── Security (000 §III.7, §V.7.2) ───────────────────────────────────
        rate("info_systems_security_level_approved_rate", "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn", "Information systems with an approved security level", Security,
            count_in("info_systems_level_approved", "Số hệ thống thông tin đã được phê duyệt cấp độ", "Information systems with an approved level"), INFO_SYSTEMS)
            .levels(&[City, Unit])
            .t(city(Ge, "100", "§III.7", "Tỷ lệ phê duyệt cấp độ an toàn hệ thống thông tin của các cơ quan nhà nước đạt 100%"))
            .t(dti((2022, 2025), false, Ge, "100", "§V.19", "Xây dựng hồ sơ đề xuất cấp độ cho các hệ thống thông tin của các cơ quan nhà nước, đảm bảo các hệ thống thông tin đều được phê duyệt hồ sơ đề xuất cấp độ"))
            .done(),
        rate("info_systems_protection_deployed_rate", "Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn theo cấp độ", "Information systems with their level's protection fully deployed", Security,
            count_in("info_systems_protection_deployed", "Số hệ thống thông tin triển khai đủ phương án bảo đảm an toàn", "Information systems with full protection deployed"), INFO_SYSTEMS)
            .levels(&[City, Unit])
            .lead("Văn phòng HĐND và UBND thành phố", "City people's council and committee office")
            .t(city(Ge, "100", "§III.7", "Tỷ lệ triển khai đầy đủ phương án bảo đảm an toàn hệ thống thông tin theo cấp độ của các cơ quan nhà nước đạt 100%"))
            .done(),
        completion("units_fast_recovery", "Đơn vị triển khai giải pháp phục hồi nhanh hệ thống thông tin trong vòng 24 giờ", "Units able to restore their information systems within 24 hours", Security,
            bool_in("unit_fast_recovery_ready", "Đơn vị đã triển khai giải pháp phục hồi nhanh (24 giờ)", "The unit can restore its systems within 24 hours"))
            .levels(&[Unit, Commune, City])
            .t(city(Ge, "100", "§III.7", "Tỷ lệ các đơn vị phòng, ban thành phố, Uỷ ban nhân dân cấp xã triển khai giải pháp sẵn sàng phục hồi nhanh hoạt động của hệ thống thông tin … trong vòng 24 tiếng hoặc theo yêu cầu nghiệp vụ đạt 100%"))
            .done(),
        // ── Communication (000 §V.4.1, 003 §V) ──────────────────────────────
        frequency("dx_page_updates_per_week", "Tần suất cập nhật Chuyên trang Chuyển đổi số của thành phố", "Updates of the city's DX page per week", Communication,
            count_in("dx_page_updates", "Số lần cập nhật Chuyên trang Chuyển đổi số trong kỳ", "DX page updates in the period"))
            .levels(&[City])
            .lead("Trung tâm VH-TT-DL & Truyền thông thành phố", "City culture, sports, tourism and media centre")
            .t(city(Ge, "1", "§V.4.1", "Chuyên trang Chuyển đổi số của thành phố: Tần suất cập nhật 01 tuần/1 lần"))
            .done(),
        count("dx_news_items", "Số tin, bài về chuyển đổi số trên cổng/trang thông tin điện tử trong năm", "DX news items on the portal or website per year", Communication,
            count_in("dx_news_items", "Số tin, bài về chuyển đổi số đã đăng trong kỳ", "DX news items published in the period"))
            .levels(&[Province, City, Commune, Unit])
            // Each unit's own website must carry 20 items a year (000 §V.4.1): not summed.
            .aggregate(Aggregation::EachUnit)
            .per_year()
            .t(city(Ge, "20", "§V.4.1", "Trang Thông tin điện tử thành phố: Tối thiểu 20 tin, bài về Chuyển đổi số trong năm").at(City))
            .t(city(Ge, "20", "§V.4.1", "Trang thông tin điện tử: Số lượng tin, bài về Chuyển đổi số trong năm đạt 20 tin/bài").at(Unit))
            .t(city(Ge, "20", "§V.4.1", "Trang thông tin điện tử: Số lượng tin, bài về Chuyển đổi số trong năm đạt 20 tin/bài").at(Commune))
            .t(dti((2022, 2025), false, Ge, "20", "§V.2", "cập nhật số lượng tin, bài về chuyển đổi số trên chuyên mục “Chuyển đổi số” trong năm đạt từ 20 tin bài trở lên").at(Province))
            .done(),
        frequency("dx_broadcasts_per_week", "Tần suất phát sóng chuyên mục chuyển đổi số trên phát thanh, truyền hình", "DX programme broadcasts on radio and television per week", Communication,
            count_in("dx_broadcasts", "Số lần phát sóng chuyên mục chuyển đổi số trong kỳ", "DX programme broadcasts in the period"))
            .levels(&[Province, City])
            .t(city(Ge, "1", "§V.4.1", "Phát sóng chuyên mục riêng về chuyển đổi số trên sóng phát thanh, truyền hình: Tần suất 1 tuần/1 lần").at(City))
            .t(dti((2022, 2025), false, Ge, "1", "§V.13", "tần suất phát sóng ít nhất 01 tuần/1 lần").at(Province))
            .done(),
        frequency("grassroots_dx_broadcasts_per_week", "Tần suất phát chuyên mục chuyển đổi số trên hệ thống thông tin cơ sở", "DX programme on grassroots loudspeaker systems per week", Communication,
            count_in("grassroots_dx_broadcasts", "Số lần phát chuyên mục chuyển đổi số trên hệ thống thông tin cơ sở trong kỳ", "Grassroots DX broadcasts in the period"))
            .levels(&[City, Commune])
            .t(city(Ge, "1", "§V.4.1", "Hệ thống thông tin cơ sở: Tần suất 1 tuần/1 lần"))
            .t(dti((2022, 2025), false, Ge, "1", "§V.19", "phát sóng trên hệ thống truyền thanh cơ sở phát chuyên mục chuyển đổi số với tần suất tối thiểu 1 lần/1 tuần").at(City))
            .done(),
        // ── Budget (000 §VII, 002, 003 §III.5 and §IV, 004 §II.3) ───────────
        share("dx_budget_share", "Tỷ lệ chi cho chuyển đổi số trên tổng chi thường xuyên của cấp ngân sách", "DX spending as a share of the budget level's recurrent spending", Budget,
            DX_SPENDING, RECURRENT_SPENDING)
            .levels(&[Province, City, Commune])
            .lead("Phòng Tài chính - Kế hoạch thành phố", "City finance and planning office")
            .t(city(Ge, "1", "§VII.1", "Ưu tiên bố trí tối thiểu 01% tổng chi thường xuyên của từng cấp ngân sách (thành phố, xã)"))
            .t(dti((2022, 2025), false, Ge, "1", "§IV", "Hàng năm ưu tiên bố trí tối thiểu 01% tổng chi thường xuyên của từng cấp ngân sách (tỉnh, huyện, xã)"))
            // The resolution's rule holds every year of its span (to 2030);
            // the district level ends on 1/7/2025, so its city target stops
            // with 2025 (Decision 5b).
            .t(r09_yearly((2022, 2030), Ge, "1", R09_BUDGET_RULE).at(Province))
            .t(r09_yearly((2022, 2025), Ge, "1", R09_BUDGET_RULE).at(City))
            .t(r09_yearly((2022, 2030), Ge, "1", R09_BUDGET_RULE).at(Commune))
            .done(),
        share("cybersecurity_budget_share", "Tỷ lệ chi cho an toàn, an ninh mạng trên kinh phí chuyển đổi số", "Cybersecurity spending as a share of DX spending", Budget,
            ("cybersecurity_spending_vnd", "Kinh phí chi cho an toàn, an ninh mạng (đồng)", "Spending on cybersecurity (VND)", InputKind::Money), DX_SPENDING)
            .levels(&[Province, City, Commune])
            .t(dti((2022, 2025), false, Ge, "10", "§III.5", "Kinh phí chi cho ATTT tối thiểu bằng 10% tổng chi ngân sách nhà nước cho chuyển đổi số"))
            .done(),
        // The city plan and the resolution divide by the investment, not by
        // all DX spending (000 §VII.1, 002 §II.7; Decision 34).
        share("cybersecurity_investment_share", "Tỷ lệ chi phí đầu tư cho an toàn, an ninh mạng trên chi phí đầu tư chuyển đổi số", "Cybersecurity share of DX investment", Budget,
            ("cybersecurity_investment_vnd", "Chi phí đầu tư cho an toàn, an ninh mạng (đồng)", "Investment in cybersecurity (VND)", InputKind::Money),
            ("dx_investment_vnd", "Chi phí đầu tư cho chuyển đổi số, đô thị thông minh (đồng)", "Investment in DX and smart city (VND)", InputKind::Money))
            .levels(&[Province, City, Commune])
            .t(city(Ge, "10", "§VII.1", "trong đó đảm bảo 10% chi phí đầu tư cho an toàn, an ninh mạng"))
            .t(r09_yearly((2022, 2030), Ge, "10", R09_CYBER_RULE).at(Province))
            .t(r09_yearly((2022, 2025), Ge, "10", R09_CYBER_RULE).at(City))
            .t(r09_yearly((2022, 2030), Ge, "10", R09_CYBER_RULE).at(Commune))
            .done(),
        share("science_budget_new_tech_share", "Tỷ lệ chi sự nghiệp khoa học dành cho nghiên cứu, chuyển giao, ứng dụng công nghệ mới", "Science budget spent on research, transfer and use of new technology", Science,
            ("science_new_tech_spending_vnd", "Chi sự nghiệp khoa học cho nghiên cứu, chuyển giao, ứng dụng công nghệ mới (đồng)", "Science budget spent on new technology (VND)", InputKind::Money),
            ("science_budget_vnd", "Tổng ngân sách nhà nước chi sự nghiệp khoa học (đồng)", "State science budget (VND)", InputKind::Money))
            .levels(&[Province])
            .lead("Sở Khoa học và Công nghệ", "Department of Science and Technology")
            .t(target(A03, (2025, 2030), false, Ge, "15", (DOC_A03, "§II.3", "Bố trí ít nhất 15% ngân sách nhà nước chi sự nghiệp khoa học phục vụ nghiên cứu, chuyển giao, ứng dụng các công nghệ mới")))
            .done(),
        // ── Rankings (002, 004 Appendix I) ──────────────────────────────────
        rank("dx_index_rank", "Xếp hạng chuyển đổi số (DTI) của tỉnh", "Provincial digital transformation index (DTI) rank",
            ("dx_index_rank", "Thứ hạng DTI của tỉnh", "Province's DTI rank", InputKind::Rank))
            .levels(&[Province])
            .t(r09_2025(Le, "35", "§I.2.2.1.a", "Phấn đấu tỉnh Kon Tum thuộc nhóm 35 tỉnh/thành trong cả nước thực hiện tốt nhất về chuyển đổi số"))
            .t(dti((2022, 2025), true, Le, "35", "chú thích 1", "đến năm 2025 Kon Tum thuộc nhóm 35 tỉnh/thành trong cả nước thực hiện tốt nhất về chuyển đổi số"))
            .done(),
        rank("digital_competitiveness_rank", "Xếp hạng năng lực cạnh tranh số", "Digital competitiveness rank",
            ("digital_competitiveness_rank", "Thứ hạng năng lực cạnh tranh số", "Digital competitiveness rank", InputKind::Rank))
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(a03_2030(Le, "45", "Phụ lục I, mục I.1", "Xếp hạng năng lực cạnh tranh số Thứ bậc 45 các tỉnh, thành"))
            .done(),
        rank("e_government_rank", "Xếp hạng chỉ số phát triển Chính phủ điện tử, Chính phủ số", "E-government / digital government development rank",
            ("e_government_rank", "Thứ hạng chỉ số Chính phủ điện tử, Chính phủ số", "E-government index rank", InputKind::Rank))
            .levels(&[Province])
            .lead(stttt, stttt_en)
            .t(a03_2030(Le, "45", "Phụ lục I, mục I.2", "Xếp hạng chỉ số phát triển Chính phủ điện tử, Chính phủ số Thứ bậc 45 các tỉnh, thành"))
            .done(),
    ]
}
