//! The reporting calendars of the seed documents (`shared/seeds/`), each rule
//! with its words and source (file, section, line).
//!
//! | plan id           | document                                                      |
//! |-------------------|---------------------------------------------------------------|
//! | `city-2025`       | 000: Kế hoạch chuyển đổi số thành phố Kon Tum năm 2025          |
//! | `dti-2022`        | 003: Kế hoạch nâng cao Chỉ số chuyển đổi số tỉnh Kon Tum (2022–) |
//! | `inspection-2024` | 001: Kế hoạch kiểm tra công tác chuyển đổi số năm 2024           |
//!
//! Recipients change within a year: the provincial information department
//! (Sở TT&TT) merged into the Department of Science and Technology (Sở KH&CN)
//! from 1/3/2025 (`DOMAIN.md`, "2025 reorganisation"). That change is made by
//! the rule script `rules/2025.rhai`; the recipient of an obligation is the
//! one in force on its deadline.
//!
//! Every `rule_text` is a verbatim quote of its seed (fragments joined by
//! " … "); `tests/golden.rs` checks this against `shared/seeds/`.
//!
//! ```
//! let plans = dxplan::obligations::seeds::all();
//! assert_eq!(plans.len(), 5);
//! assert!(plans.iter().all(|p| p.rules.iter().all(|r| !r.source.is_empty() && !r.rule_text.is_empty())));
//! ```

use super::{
    DeadlineRule, InspectionWindow, Issued, Level, ObligationKind, OverlapRule, Plan, Recipient,
    RecipientChange, Schedule,
};
use crate::calendar::period::{Period, PeriodKind};
use crate::diagnostic::Text;
use crate::obligations::policy::DeadlinePolicy;
use chrono::NaiveDate;

const CITY: &str = "000_b9c617fe6a001fd2.txt";
const INSPECTION: &str = "001_3cf3dc78aaf01fbd.txt";
const DTI: &str = "003_08cb75b396c90965.txt";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    // Literal dates of the seed documents; all exist.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The provincial department that receives DX reports, as the documents name it
/// (Sở TT&TT). Its merger into Sở KH&CN from 1/3/2025 is set by `rules/2025.rhai`.
fn province_department(source: &str) -> Vec<RecipientChange> {
    vec![RecipientChange {
        from: None,
        recipient: Recipient::new(
            "so-tttt",
            "Sở Thông tin và Truyền thông tỉnh Kon Tum",
            "Kon Tum Department of Information and Communications",
            Level::ProvinceDepartment,
        ),
        source: source.to_string(),
    }]
}

/// Kon Tum city plan for digital transformation 2025 (000). Its reporting
/// calendar (§VII.1–2: the units' plan, quarterly, half-year and annual reports,
/// and the city office's half-year and annual reports) is a yearly rule and is
/// set by `rules/2025.rhai`.
pub fn city_2025() -> Plan {
    plan_without_rules(
        "city-2025",
        "Kế hoạch Chuyển đổi số thành phố Kon Tum năm 2025",
        "Kon Tum city digital transformation plan 2025",
        CITY,
        (2025, 2025),
    )
}

/// Plan to raise the provincial DX index (DTI), 2022 and following years (003, last paragraph).
pub fn dti_2022() -> Plan {
    let src = format!("{DTI} §V (đoạn cuối), dòng 205");
    Plan {
        id: "dti-2022".into(),
        name: Text::new(
            "Kế hoạch nâng cao Chỉ số Chuyển đổi số tỉnh Kon Tum năm 2022 và các năm tiếp theo",
            "Plan to raise Kon Tum's provincial digital transformation index (DTI), 2022 onward",
        ),
        document: DTI.into(),
        first_year: 2022,
        last_year: None,
        policy: DeadlinePolicy::default(),
        overlap: OverlapRule::Separate,
        rules: vec![DeadlineRule {
            kind: ObligationKind::Quarterly,
            level: Level::Unit,
            recipients: province_department(&src),
            schedule: Schedule::Recurring {
                period_kind: PeriodKind::Quarter,
                day_of_last_month: 15,
            },
            rule_text: "Các sở, ban ngành, Ủy ban nhân dân các huyện, thành phố, các Thành viên Ban chỉ đạo Chuyển đổi số tỉnh báo cáo kết quả tình hình triển khai thực hiện nhiệm vụ thuộc phạm vi phụ trách của Kế hoạch này định kỳ hàng quý (trước ngày 15 tháng cuối quý) và đột xuất khi có yêu cầu; gửi về Sở Thông tin và Truyền thông để tổng hợp báo cáo Ủy ban nhân dân tỉnh, Ban Chỉ đạo tỉnh.".into(),
            source: src.clone(),
            policy: None,
        }],
        inspection: None,
        due_overrides: Vec::new(),
        policy_changes: Vec::new(),
        // 001 §IV.2.a (line 426–427) names the plan and its date; 003 itself
        // is the unsigned text.
        undated: Vec::new(),
        issued: Some(Issued {
            on: date(2022, 12, 22),
            number: "Kế hoạch số 4325/KH-BCĐCĐS".into(),
            source: format!("{INSPECTION} dòng 426–427"),
        }),
    }
}

/// Provincial steering committee inspection plan 2024 (001 §IV–V).
pub fn inspection_2024() -> Plan {
    let reviewed = Period::Range {
        start: date(2023, 1, 1),
        end: date(2024, 9, 15),
    };
    let team = Recipient::new(
        "doan-kiem-tra",
        "Đoàn kiểm tra của Ban Chỉ đạo về chuyển đổi số tỉnh (qua Sở Thông tin và Truyền thông)",
        "Inspection team of the provincial DX steering committee (through the information department)",
        Level::ProvinceDepartment,
    );
    let to_team = |source: &str| {
        vec![RecipientChange {
            from: None,
            recipient: team.clone(),
            source: source.to_string(),
        }]
    };
    let self_src = format!("{INSPECTION} §IV.1.b, dòng 207–211; kỳ kiểm tra §IV.2, dòng 213");
    let report_src = format!("{INSPECTION} §V.1, dòng 231–234");
    Plan {
        id: "inspection-2024".into(),
        name: Text::new(
            "Kế hoạch kiểm tra công tác chuyển đổi số trên địa bàn tỉnh Kon Tum năm 2024",
            "Kon Tum provincial digital transformation inspection plan 2024",
        ),
        document: INSPECTION.into(),
        first_year: 2024,
        last_year: Some(2024),
        policy: DeadlinePolicy::default(),
        overlap: OverlapRule::Separate,
        due_overrides: Vec::new(),
        policy_changes: Vec::new(),
        issued: None,
        undated: Vec::new(),
        rules: vec![
            DeadlineRule {
                kind: ObligationKind::SelfInspection,
                level: Level::Unit,
                recipients: to_team(&self_src),
                schedule: Schedule::Once {
                    period: reviewed,
                    due_before: date(2024, 9, 20),
                },
                rule_text: "Kiểm tra qua báo cáo: Các sở, ban, ngành và Ủy ban nhân các huyện, thành phố (ngoài các đơn vị, địa phương tại mục a) tự kiểm tra, báo cáo kết quả về Đoàn kiểm tra (qua Sở Thông tin và Truyền thông) trước ngày 20 tháng 9 năm 2024. Kỳ kiểm tra: Từ ngày 01 tháng 01 năm 2023 đến ngày 15 tháng 9 năm 2024.".into(),
                source: self_src.clone(),
                policy: None,
            },
            DeadlineRule {
                kind: ObligationKind::InspectionReport,
                level: Level::Unit,
                recipients: to_team(&report_src),
                schedule: Schedule::Once {
                    period: reviewed,
                    due_before: date(2024, 9, 20),
                },
                rule_text: "Trách nhiệm của các đơn vị, địa phương được kiểm tra trực tiếp … Xây dựng báo cáo theo đề cương và gửi về Sở Thông tin và Truyền thông trước ngày 20 tháng 9 năm 2024.".into(),
                source: report_src,
                policy: None,
            },
        ],
        inspection: Some(InspectionWindow {
            window: Period::Range {
                start: date(2024, 10, 1),
                end: date(2024, 10, 31),
            },
            window_source: format!("{INSPECTION} §IV.3, dòng 215"),
            notice_working_days: 5,
            notice_text: "lịch kiểm tra cụ thể do Trưởng đoàn kiểm tra thông báo cho các đơn vị, địa phương trước 05 ngày làm việc.".into(),
            notice_source: format!("{INSPECTION} §IV.3, dòng 215–216"),
            summary_days: 5,
            summary_text: "Sau 05 ngày kể từ ngày kết thúc kiểm tra, tổng hợp báo cáo đánh giá về kết quả kiểm tra".into(),
            summary_source: format!("{INSPECTION} §V.3, dòng 251–252; cách tính: Bộ luật Dân sự 2015, Điều 147–148"),
            inspected: Recipient::new(
                "don-vi-duoc-kiem-tra",
                "Đơn vị, địa phương được kiểm tra trực tiếp",
                "Units inspected on site",
                Level::Unit,
            ),
            inspector: team,
            summary_recipient: Recipient::new(
                "bcd-tinh",
                "Ban Chỉ đạo về chuyển đổi số tỉnh / UBND tỉnh",
                "Provincial DX steering committee / provincial people's committee",
                Level::Province,
            ),
        }),
    }
}

/// A plan's identity without deadline rules: its targets are in [`crate::kpi`]
/// and its reporting calendar, if it has one, comes from a rule script.
fn plan_without_rules(id: &str, vi: &str, en: &str, document: &str, years: (i32, i32)) -> Plan {
    Plan {
        id: id.into(),
        name: Text::new(vi, en),
        document: document.into(),
        first_year: years.0,
        last_year: Some(years.1),
        policy: DeadlinePolicy::default(),
        overlap: OverlapRule::Separate,
        rules: Vec::new(),
        inspection: None,
        due_overrides: Vec::new(),
        policy_changes: Vec::new(),
        issued: None,
        undated: Vec::new(),
    }
}

/// Provincial Party resolution 09-NQ/TU (002): targets to 2025 and 2030; its
/// reporting is done through the other plans.
pub fn resolution_09_2022() -> Plan {
    plan_without_rules(
        "resolution-09-2022",
        "Nghị quyết 09-NQ/TU ngày 18/02/2022 về chuyển đổi số tỉnh Kon Tum đến năm 2025, định hướng đến năm 2030",
        "Provincial Party resolution 09-NQ/TU (2022): digital transformation to 2025, vision 2030",
        "002_b2bbd07fcc9b5795.txt",
        (2022, 2030),
    )
}

/// Provincial plan implementing Government resolution 03/NQ-CP (004): its
/// reporting is "định kỳ hàng năm" (§IV) without a date.
pub fn action_03_2025() -> Plan {
    plan_without_rules(
        "action-03-2025",
        "Kế hoạch triển khai thực hiện Nghị quyết 03/NQ-CP ngày 09/01/2025 của Chính phủ",
        "Provincial plan implementing Government resolution 03/NQ-CP (2025)",
        "004_22cd2849f6c7996c.txt",
        (2025, 2045),
    )
}

/// All seed plans: the three with a reporting calendar, then the two that only set targets.
pub fn all() -> Vec<Plan> {
    vec![
        city_2025(),
        dti_2022(),
        inspection_2024(),
        resolution_09_2022(),
        action_03_2025(),
    ]
}

/// How an official cites a seed document: the title of the plan it holds,
/// with its number and date where a document gives them (`None` for a file
/// that is not a seed).
///
/// ```
/// use dxplan::obligations::seeds::document_title;
/// let t = document_title("003_08cb75b396c90965.txt").unwrap();
/// assert!(t.vi.starts_with("Kế hoạch nâng cao Chỉ số Chuyển đổi số"));
/// assert!(t.vi.contains("số 4325/KH-BCĐCĐS ngày 22/12/2022"));
/// ```
pub fn document_title(file: &str) -> Option<Text> {
    titles()
        .iter()
        .find(|t| t.document == file)
        .map(|t| t.cited.clone())
}

/// One seed plan as people name it: its id, its seed file, its title, and
/// the title with its number and date where a document gives them.
struct SeedTitle {
    id: String,
    document: String,
    name: Text,
    cited: Text,
}

/// The seed plans' titles, built once: [`cite`] runs for every obligation
/// derived, so it must not rebuild the plans.
fn titles() -> &'static [SeedTitle] {
    use std::sync::OnceLock;
    static TITLES: OnceLock<Vec<SeedTitle>> = OnceLock::new();
    TITLES.get_or_init(|| {
        all()
            .into_iter()
            .map(|p| {
                let cited = match &p.issued {
                    Some(i) => {
                        let number = i.number.trim_start_matches("Kế hoạch số ");
                        let on = crate::calendar::date::format_date(i.on);
                        Text::new(
                            format!("{} (số {number} ngày {on})", p.name.vi),
                            format!("{} (No. {number} of {on})", p.name.en),
                        )
                    }
                    None => p.name.clone(),
                };
                SeedTitle {
                    id: p.id,
                    document: p.document,
                    name: p.name,
                    cited,
                }
            })
            .collect()
    })
}

/// The title of a seed plan, for people (`None` for an unknown id).
///
/// ```
/// let t = dxplan::obligations::seeds::plan_title("city-2025").unwrap();
/// assert_eq!(t.vi, "Kế hoạch Chuyển đổi số thành phố Kon Tum năm 2025");
/// ```
pub fn plan_title(id: &str) -> Option<Text> {
    titles().iter().find(|t| t.id == id).map(|t| t.name.clone())
}

/// `source` as people read it: each seed file name is replaced by its
/// document's title ([`document_title`]); the rest (section, lines) stays.
/// JSON keeps the file names.
///
/// ```
/// use dxplan::{obligations::seeds::cite, Lang};
/// assert_eq!(
///     cite("000_b9c617fe6a001fd2.txt §VII.1, dòng 903–906", Lang::Vi),
///     "Kế hoạch Chuyển đổi số thành phố Kon Tum năm 2025, §VII.1, dòng 903–906"
/// );
/// ```
pub fn cite(source: &str, lang: crate::Lang) -> String {
    let mut out = source.to_string();
    for t in titles().iter().filter(|t| source.contains(&t.document)) {
        let name = t.cited.get(lang);
        out = out
            .replace(&format!("{} ", t.document), &format!("{name}, "))
            .replace(&t.document, name);
    }
    out
}
