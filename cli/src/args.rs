//! The command line's arguments (clap): commands, their options and help.

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "dxplan",
    version,
    about = "Lịch báo cáo, ngày nghỉ và ngày làm việc cho báo cáo chuyển đổi số (Kon Tum)\nDX reporting calendar, holidays and working days (Kon Tum province)"
)]
pub(crate) struct Cli {
    /// Machine-readable JSON output / Xuất JSON
    #[arg(long, global = true)]
    pub(crate) json: bool,
    /// Language of human output: vi (default) or en / Ngôn ngữ: vi hoặc en
    #[arg(long, global = true, default_value = "vi")]
    pub(crate) lang: String,
    /// Use the rule scripts (*.rhai) of this folder instead of the embedded defaults /
    /// Dùng các tệp quy tắc trong thư mục này thay cho quy tắc mặc định
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) rules: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Every obligation of a year, sorted by deadline / Các nghĩa vụ báo cáo trong năm
    Calendar(CalendarArgs),
    /// Days off of a year (holidays, compensatory days, swaps) / Ngày nghỉ trong năm
    Holidays {
        /// Year (1900–2100)
        year: String,
    },
    /// Working-day arithmetic / Tính ngày làm việc
    #[command(subcommand)]
    Workdays(Workdays),
    /// Submission status of one obligation / Tình trạng nộp báo cáo
    Status(StatusArgs),
    /// The plans the engine knows / Các kế hoạch
    Plans,
    /// Indicators: catalog and evaluation / Chỉ tiêu: danh mục và đánh giá
    #[command(subcommand)]
    Kpi(Kpi),
    /// Rule scripts: check, test, diff, explain / Tệp quy tắc: kiểm tra, kiểm thử, so sánh, giải thích
    #[command(subcommand)]
    Rules(Rules),
    /// Validate a report (JSON file, `-` for stdin); exit 0 valid, 1 invalid, 2 bad input /
    /// Kiểm tra một báo cáo
    Validate {
        /// Report file
        file: String,
        /// Day to validate on (default: today, UTC+7)
        #[arg(long)]
        today: Option<String>,
    },
    /// Report workflow: new draft, transitions with audit trail, roll-up /
    /// Quy trình báo cáo: tạo, chuyển trạng thái, tổng hợp
    #[command(subcommand)]
    Workflow(WorkflowCommand),
    /// Task register of 000 §V and 004 Appendix II with status on a date /
    /// Danh mục nhiệm vụ và tiến độ
    Tasks {
        /// Day of the status (default: today, UTC+7)
        #[arg(long)]
        as_of: Option<String>,
        /// Only tasks this agency leads or coordinates (part of its name)
        #[arg(long)]
        agency: Option<String>,
        /// Progress records (JSON array of {task, on, kind, note})
        #[arg(long)]
        progress: Option<String>,
    },
    /// JSON Schema (2020-12) of a report kind / Lược đồ JSON của một loại báo cáo
    Schema {
        /// quarterly, half_year, annual, plan_issue, self_inspection, inspection_report
        kind: String,
        /// Year whose form applies (default: this year)
        #[arg(long)]
        year: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum Kpi {
    /// The indicator catalog with targets and sources / Danh mục chỉ tiêu
    List {
        /// Only targets of this plan
        #[arg(long)]
        plan: Option<String>,
        /// Only targets that apply in this year
        #[arg(long)]
        year: Option<String>,
        /// Write the catalog as Markdown (docs/kpi-catalog.md)
        #[arg(long)]
        markdown: bool,
    },
    /// Evaluate one unit's inputs, or a consolidation of several units (JSON file, `-` for stdin)
    Eval {
        /// Input file: {"unit", "level", "period", "values"} or {"level", "period", "units": [...]}
        file: String,
        /// Evaluate against this plan only (repeatable; default: every plan with a target)
        #[arg(long)]
        plan: Vec<String>,
        /// Use the targets of this year instead of the period's year
        #[arg(long)]
        year: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum WorkflowCommand {
    /// A draft record for a report (printed as JSON)
    New {
        /// Report file
        report: String,
    },
    /// Apply a transition to a record; prints the new record (exit 1 when refused)
    Apply {
        /// Record file (from `workflow new` or a previous `apply`)
        state: String,
        /// Transition file: {"action", "by": {"role", "name"}, "at", "note", "reasons"}
        transition: String,
    },
    /// Roll up the accepted reports of a period into the next level
    Rollup {
        /// Record files
        #[arg(required = true)]
        states: Vec<String>,
        /// Level of the roll-up (city, province)
        #[arg(long)]
        level: String,
        /// Period (2025-Q3, 2025-H1, 2025)
        #[arg(long)]
        period: String,
        /// Plan whose targets apply
        #[arg(long)]
        plan: String,
        /// Units expected to report, comma-separated
        #[arg(long, value_delimiter = ',')]
        expected: Vec<String>,
    },
}

#[derive(Args, Debug)]
pub(crate) struct CalendarArgs {
    /// Year (1900–2100)
    pub(crate) year: String,
    /// Only this plan (city-2025, dti-2022, inspection-2024)
    #[arg(long)]
    pub(crate) plan: Option<String>,
    /// Only obligations reported by this level (unit, city_office, province_department, province)
    #[arg(long)]
    pub(crate) level: Option<String>,
    /// Deadline policy for every plan, e.g. exclusive+keep, inclusive+roll_forward
    #[arg(long)]
    pub(crate) policy: Option<String>,
    /// Overlap rule for every plan: separate or supersede
    #[arg(long)]
    pub(crate) overlap: Option<String>,
    /// Dates of an inspection, START..END, to add its notice and summary (inspection-2024)
    #[arg(long)]
    pub(crate) inspection: Option<String>,
    /// Also write the obligations as an iCalendar file (`-` for standard output)
    #[arg(long, value_name = "FILE")]
    pub(crate) ics: Option<String>,
    /// Day written as the iCalendar DTSTAMP (default: today)
    #[arg(long)]
    pub(crate) today: Option<String>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Workdays {
    /// DATE plus N working days (N may be negative)
    Add {
        /// Date, dd/mm/yyyy or yyyy-mm-dd
        date: String,
        /// Number of working days
        #[arg(allow_hyphen_values = true)]
        n: String,
    },
    /// Working days after FROM up to and including TO
    Between {
        /// First date (not counted)
        from: String,
        /// Last date (counted)
        to: String,
    },
    /// Whether DATE is a working day, and why not
    Check {
        /// Date
        date: String,
    },
}

#[derive(Args, Debug)]
pub(crate) struct StatusArgs {
    /// Plan id
    #[arg(long)]
    pub(crate) plan: String,
    /// Report kind (quarterly, half_year, annual, plan_issue, self_inspection, inspection_report)
    #[arg(long)]
    pub(crate) kind: String,
    /// Period (2025-Q1, 2025-H1, 2025, 2023-01-01..2024-09-15)
    #[arg(long)]
    pub(crate) period: String,
    /// Reporting level (default: unit)
    #[arg(long)]
    pub(crate) level: Option<String>,
    /// Day the report was submitted
    #[arg(long)]
    pub(crate) submitted: Option<String>,
    /// Day to compute the status for (default: today, UTC+7)
    #[arg(long)]
    pub(crate) today: Option<String>,
    /// Deadline policy, e.g. exclusive+roll_forward
    #[arg(long)]
    pub(crate) policy: Option<String>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Rules {
    /// Compile and apply rule scripts; print problems as file:line:col (exit 1 on error)
    Check {
        /// Script files (default: the --rules folder, or the embedded rules)
        files: Vec<String>,
    },
    /// Run the test files (tests/*.test) that ship next to the scripts
    Test {
        /// Folder with *.rhai scripts and tests/*.test (default: the embedded rules)
        dir: Option<String>,
    },
    /// What changed between two years' rules (targets, deadlines, holidays, recipients, checks)
    Diff {
        /// Earlier year
        year_a: String,
        /// Later year
        year_b: String,
    },
    /// The value in force on a date and the chain of rules that produced it
    Explain {
        /// Date (dd/mm/yyyy or yyyy-mm-dd)
        #[arg(long)]
        date: String,
        /// Indicator id
        #[arg(long, conflicts_with = "deadline")]
        kpi: Option<String>,
        /// Report kind (quarterly, half_year, annual, …)
        #[arg(long)]
        deadline: Option<String>,
        /// Plan id (default for --kpi: every plan with a target)
        #[arg(long)]
        plan: Option<String>,
        /// Reporting level, for --deadline (default: unit)
        #[arg(long)]
        level: Option<String>,
    },
}
