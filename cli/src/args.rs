//! The command line's arguments (clap): commands, their options and help.
//! The help below is Vietnamese, as people read it by default; the English
//! of every line is in [`crate::help`] (`--lang en`).

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "dxplan",
    version,
    about = "Lịch báo cáo, ngày nghỉ, chỉ tiêu và nhiệm vụ chuyển đổi số của tỉnh Kon Tum"
)]
pub(crate) struct Cli {
    /// Xuất kết quả dạng JSON cho máy đọc
    #[arg(long, global = true)]
    pub(crate) json: bool,
    /// Ngôn ngữ hiển thị: vi (mặc định) hoặc en
    #[arg(long, global = true, default_value = "vi", hide_default_value = true)]
    pub(crate) lang: String,
    /// Dùng các tệp quy tắc (*.rhai) trong thư mục này thay cho quy tắc mặc định
    #[arg(long, global = true)]
    pub(crate) rules: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Các nghĩa vụ báo cáo trong năm, theo thứ tự hạn nộp
    Calendar(CalendarArgs),
    /// Ngày nghỉ trong năm (lễ, Tết, nghỉ bù, hoán đổi)
    Holidays {
        /// Năm (1900–2100)
        year: String,
    },
    /// Tính ngày làm việc
    #[command(subcommand)]
    Workdays(Workdays),
    /// Tình trạng nộp một báo cáo
    Status(StatusArgs),
    /// Các kế hoạch dxplan biết
    Plans,
    /// Chỉ tiêu: danh mục và đánh giá
    #[command(subcommand)]
    Kpi(Kpi),
    /// Tệp quy tắc: kiểm tra, kiểm thử, so sánh, giải thích
    #[command(subcommand)]
    Rules(Rules),
    /// Kiểm tra một báo cáo (tệp JSON, `-` để đọc từ đầu vào chuẩn); mã thoát 0 hợp lệ, 1 có lỗi, 2 đầu vào sai
    Validate {
        /// Tệp báo cáo
        file: String,
        /// Ngày kiểm tra (mặc định: hôm nay, giờ Việt Nam)
        #[arg(long)]
        today: Option<String>,
    },
    /// Quy trình báo cáo: tạo bản nháp, chuyển trạng thái có nhật ký niêm phong, tổng hợp, kiểm tra
    #[command(subcommand)]
    Workflow(WorkflowCommand),
    /// Danh mục nhiệm vụ (Kế hoạch thành phố 2025 §V, Kế hoạch thực hiện Nghị quyết 03 Phụ lục II) và tiến độ
    Tasks {
        /// Ngày xem tiến độ (mặc định: hôm nay, giờ Việt Nam)
        #[arg(long)]
        as_of: Option<String>,
        /// Chỉ các nhiệm vụ cơ quan này chủ trì hoặc phối hợp (một phần tên)
        #[arg(long)]
        agency: Option<String>,
        /// Tệp tiến độ: mảng JSON {task, on, kind, note}, hoặc {events: [{event, on, starts, note}], progress: [...]}
        #[arg(long)]
        progress: Option<String>,
    },
    /// Lược đồ JSON (2020-12) của một loại báo cáo, hoặc danh sách ô của biểu mẫu (--fields)
    Schema {
        /// Loại báo cáo: quarterly, half_year, annual, plan_issue, self_inspection, inspection_report
        kind: String,
        /// Năm của biểu mẫu (mặc định: năm nay)
        #[arg(long)]
        year: Option<String>,
        /// In danh sách ô (tên ô, nhãn, kiểu, bắt buộc, đơn vị, nguồn) thay cho lược đồ
        #[arg(long)]
        fields: bool,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum Kpi {
    /// Danh mục chỉ tiêu, mục tiêu và nguồn
    List {
        /// Chỉ mục tiêu của kế hoạch này
        #[arg(long)]
        plan: Option<String>,
        /// Chỉ mục tiêu áp dụng trong năm này
        #[arg(long)]
        year: Option<String>,
        /// Xuất danh mục dạng Markdown (docs/kpi-catalog.md)
        #[arg(long)]
        markdown: bool,
    },
    /// Đánh giá số liệu của một đơn vị, hoặc tổng hợp nhiều đơn vị (tệp JSON, `-` để đọc từ đầu vào chuẩn)
    Eval {
        /// Tệp số liệu: {"unit", "level", "period", "values"} hoặc {"level", "period", "units": [...]}
        file: String,
        /// Chỉ đánh giá theo kế hoạch này (dùng nhiều lần được; mặc định: mọi kế hoạch có mục tiêu)
        #[arg(long)]
        plan: Vec<String>,
        /// Dùng mục tiêu của năm này thay cho năm của kỳ
        #[arg(long)]
        year: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum WorkflowCommand {
    /// Tạo bản ghi nháp cho một báo cáo (in ra JSON)
    New {
        /// Tệp báo cáo
        report: String,
    },
    /// Chuyển trạng thái một bản ghi; in bản ghi mới (mã thoát 1 khi bị từ chối)
    Apply {
        /// Tệp bản ghi (từ `workflow new` hoặc lần `apply` trước)
        state: String,
        /// Tệp thao tác: {"action", "by": {"role", "name"}, "at", "note", "reasons"}
        transition: String,
        /// Tệp chứa khóa niêm phong của hệ thống (HMAC), khi hồ sơ được niêm phong bằng khóa
        #[arg(long, value_name = "TỆP")]
        key_file: Option<String>,
    },
    /// Tổng hợp các báo cáo đã tiếp nhận của một kỳ lên cấp trên
    Rollup {
        /// Các tệp bản ghi
        #[arg(required = true)]
        states: Vec<String>,
        /// Cấp tổng hợp (city, province)
        #[arg(long)]
        level: String,
        /// Kỳ báo cáo (2025-Q3, 2025-H1, 2025)
        #[arg(long)]
        period: String,
        /// Kế hoạch có mục tiêu áp dụng
        #[arg(long)]
        plan: String,
        /// Các đơn vị phải báo cáo, cách nhau bằng dấu phẩy
        #[arg(long, value_delimiter = ',')]
        expected: Vec<String>,
        /// Tệp chứa khóa niêm phong của hệ thống (HMAC), khi hồ sơ được niêm phong bằng khóa
        #[arg(long, value_name = "TỆP")]
        key_file: Option<String>,
    },
    /// Kiểm tra hồ sơ có bị sửa ngoài quy trình không (mã thoát 1 khi có hồ sơ không khớp niêm phong)
    Verify {
        /// Các tệp bản ghi
        #[arg(required = true)]
        states: Vec<String>,
        /// Tệp chứa khóa niêm phong của hệ thống (HMAC), khi hồ sơ được niêm phong bằng khóa
        #[arg(long, value_name = "TỆP")]
        key_file: Option<String>,
    },
    /// Niêm phong một lần hồ sơ ghi trước khi có niêm phong; in bản ghi mới
    Seal {
        /// Tệp bản ghi cũ
        state: String,
        /// Họ tên người niêm phong (người đã đối chiếu hồ sơ với bản gốc)
        #[arg(long)]
        by: String,
        /// Vai trò của người niêm phong (unit, city_office, province_department)
        #[arg(long)]
        role: String,
        /// Thời điểm niêm phong (yyyy-mm-ddThh:mm)
        #[arg(long)]
        at: String,
        /// Tệp chứa khóa niêm phong của hệ thống (HMAC), khi hồ sơ được niêm phong bằng khóa
        #[arg(long, value_name = "TỆP")]
        key_file: Option<String>,
    },
}

#[derive(Args, Debug)]
pub(crate) struct CalendarArgs {
    /// Năm (1900–2100)
    pub(crate) year: String,
    /// Chỉ kế hoạch này (mã: city-2025, dti-2022, inspection-2024, action-03-2025; xem `dxplan plans`)
    #[arg(long)]
    pub(crate) plan: Option<String>,
    /// Chỉ nghĩa vụ của cấp này (unit, city_office, province_department, province)
    #[arg(long)]
    pub(crate) level: Option<String>,
    /// Chính sách hạn cho mọi kế hoạch, ví dụ exclusive+keep (giữ nguyên), inclusive+roll_forward (lùi sang ngày làm việc kế tiếp)
    #[arg(long)]
    pub(crate) policy: Option<String>,
    /// Quy tắc khi báo cáo trùng kỳ: separate (nộp riêng) hoặc supersede (kỳ dài thay kỳ ngắn)
    #[arg(long)]
    pub(crate) overlap: Option<String>,
    /// Thời gian một đợt kiểm tra, BẮT_ĐẦU..KẾT_THÚC, để thêm thông báo và báo cáo tổng hợp (inspection-2024)
    #[arg(long)]
    pub(crate) inspection: Option<String>,
    /// Ghi thêm tệp iCalendar (`-` để in ra màn hình)
    #[arg(long)]
    pub(crate) ics: Option<String>,
    /// Ngày ghi vào DTSTAMP của iCalendar (mặc định: hôm nay)
    #[arg(long)]
    pub(crate) today: Option<String>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Workdays {
    /// Ngày sau N ngày làm việc kể từ một ngày (N có thể âm)
    Add {
        /// Ngày, dd/mm/yyyy hoặc yyyy-mm-dd
        date: String,
        /// Số ngày làm việc
        #[arg(allow_hyphen_values = true)]
        n: String,
    },
    /// Số ngày làm việc sau ngày đầu đến hết ngày cuối
    Between {
        /// Ngày đầu (không tính)
        from: String,
        /// Ngày cuối (có tính)
        to: String,
    },
    /// Một ngày có phải ngày làm việc không, và vì sao
    Check {
        /// Ngày
        date: String,
    },
}

#[derive(Args, Debug)]
pub(crate) struct StatusArgs {
    /// Mã kế hoạch (xem `dxplan plans`)
    #[arg(long)]
    pub(crate) plan: String,
    /// Loại báo cáo (quarterly, half_year, annual, plan_issue, self_inspection, inspection_report)
    #[arg(long)]
    pub(crate) kind: String,
    /// Kỳ báo cáo (2025-Q1, 2025-H1, 2025, 2023-01-01..2024-09-15)
    #[arg(long)]
    pub(crate) period: String,
    /// Cấp báo cáo (mặc định: unit)
    #[arg(long)]
    pub(crate) level: Option<String>,
    /// Ngày đã nộp báo cáo
    #[arg(long)]
    pub(crate) submitted: Option<String>,
    /// Ngày xem tình trạng (mặc định: hôm nay, giờ Việt Nam)
    #[arg(long)]
    pub(crate) today: Option<String>,
    /// Chính sách hạn, ví dụ exclusive+roll_forward (lùi sang ngày làm việc kế tiếp)
    #[arg(long)]
    pub(crate) policy: Option<String>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Rules {
    /// Biên dịch và áp dụng tệp quy tắc; báo lỗi theo tệp:dòng:cột (mã thoát 1 khi có lỗi)
    Check {
        /// Các tệp quy tắc (mặc định: thư mục --rules, hoặc quy tắc mặc định)
        files: Vec<String>,
        /// Thư mục văn bản gốc (*.txt, *.md): đối chiếu nguyên văn các câu trích (trich_dan)
        #[arg(long, value_name = "THƯ_MỤC")]
        documents: Option<String>,
    },
    /// Chạy các tệp kiểm thử (tests/*.test) đi kèm tệp quy tắc
    Test {
        /// Thư mục có tệp *.rhai và tests/*.test (mặc định: quy tắc mặc định)
        dir: Option<String>,
    },
    /// Những gì thay đổi giữa quy tắc của hai năm (mục tiêu, hạn nộp, ngày nghỉ, nơi nhận, kiểm tra)
    Diff {
        /// Năm trước
        year_a: String,
        /// Năm sau
        year_b: String,
    },
    /// Giá trị có hiệu lực vào một ngày và chuỗi quy tắc tạo ra nó
    Explain {
        /// Ngày (dd/mm/yyyy hoặc yyyy-mm-dd)
        #[arg(long)]
        date: String,
        /// Mã chỉ tiêu (xem `dxplan kpi list`)
        #[arg(long, conflicts_with = "deadline")]
        kpi: Option<String>,
        /// Loại báo cáo (quarterly, half_year, annual, …)
        #[arg(long)]
        deadline: Option<String>,
        /// Mã kế hoạch (mặc định với --kpi: mọi kế hoạch có mục tiêu)
        #[arg(long)]
        plan: Option<String>,
        /// Cấp báo cáo, dùng với --deadline (mặc định: unit)
        #[arg(long)]
        level: Option<String>,
    },
}
