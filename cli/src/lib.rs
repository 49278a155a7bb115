//! The `dxplan` command line, as a library so that tests can run it in-process.
//!
//! [`run`] takes the arguments and the date to use as "today" when `--today`
//! is not given, and returns the exit code and what would be printed. The
//! binary (`main.rs`) only reads the clock (UTC+7) and the arguments and
//! prints the [`Output`].
//!
//! Exit codes: 0 success; 1 the command ran but a file could not be written,
//! or `kpi eval` found errors in the data (its results are still printed);
//! 2 invalid input (bad date, unknown plan, period such as `2025-Q5`, year
//! 3000, a file that is not valid JSON…).
//!
//! ```
//! use chrono::NaiveDate;
//! let out = dxplan_cli::run(["dxplan", "workdays", "add", "2025-04-25", "5"], NaiveDate::MIN);
//! assert_eq!(out.code, 0);
//! assert_eq!(out.stdout.trim(), "06/05/2025 (Thứ Ba)");
//! ```

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use dxplan::rules::RuleSet;
use dxplan::{
    format_date, parse_date, status, weekday_name, year_calendar, Calendar, CalendarFilter,
    CalendarReport, Code, DayOffReason, DeadlinePolicy, Diagnostic, Lang, Level, ObligationKind,
    OverlapRule, Period, Plans, Severity, Text,
};
use serde::Serialize;
use std::ffi::OsString;
use std::fmt::Write as _;

mod forms_cmd;
mod kpi_cmd;
mod rules_cmd;

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Process exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

#[derive(Parser, Debug)]
#[command(
    name = "dxplan",
    version,
    about = "Lịch báo cáo, ngày nghỉ và ngày làm việc cho báo cáo chuyển đổi số (Kon Tum)\nDX reporting calendar, holidays and working days (Kon Tum province)"
)]
struct Cli {
    /// Machine-readable JSON output / Xuất JSON
    #[arg(long, global = true)]
    json: bool,
    /// Language of human output: vi (default) or en / Ngôn ngữ: vi hoặc en
    #[arg(long, global = true, default_value = "vi")]
    lang: String,
    /// Use the rule scripts (*.rhai) of this folder instead of the embedded defaults /
    /// Dùng các tệp quy tắc trong thư mục này thay cho quy tắc mặc định
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
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
    Rules(rules_cmd::RulesCommand),
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
enum Kpi {
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
enum WorkflowCommand {
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
struct CalendarArgs {
    /// Year (1900–2100)
    year: String,
    /// Only this plan (city-2025, dti-2022, inspection-2024)
    #[arg(long)]
    plan: Option<String>,
    /// Only obligations reported by this level (unit, city_office, province_department, province)
    #[arg(long)]
    level: Option<String>,
    /// Deadline policy for every plan, e.g. exclusive+keep, inclusive+roll_forward
    #[arg(long)]
    policy: Option<String>,
    /// Overlap rule for every plan: separate or supersede
    #[arg(long)]
    overlap: Option<String>,
    /// Dates of an inspection, START..END, to add its notice and summary (inspection-2024)
    #[arg(long)]
    inspection: Option<String>,
    /// Also write the obligations as an iCalendar file (`-` for standard output)
    #[arg(long, value_name = "FILE")]
    ics: Option<String>,
    /// Day written as the iCalendar DTSTAMP (default: today)
    #[arg(long)]
    today: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Workdays {
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
struct StatusArgs {
    /// Plan id
    #[arg(long)]
    plan: String,
    /// Report kind (quarterly, half_year, annual, plan_issue, self_inspection, inspection_report)
    #[arg(long)]
    kind: String,
    /// Period (2025-Q1, 2025-H1, 2025, 2023-01-01..2024-09-15)
    #[arg(long)]
    period: String,
    /// Reporting level (default: unit)
    #[arg(long, default_value = "unit")]
    level: String,
    /// Day the report was submitted
    #[arg(long)]
    submitted: Option<String>,
    /// Day to compute the status for (default: today, UTC+7)
    #[arg(long)]
    today: Option<String>,
    /// Deadline policy, e.g. exclusive+roll_forward
    #[arg(long)]
    policy: Option<String>,
}

/// Runs the command line with `args` (the first is the program name).
/// `clock_today` is used where `--today` is not given.
pub fn run<I, T>(args: I, clock_today: NaiveDate) -> Output
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            return if code == 0 {
                Output {
                    code,
                    stdout: text,
                    stderr: String::new(),
                }
            } else {
                Output {
                    code,
                    stdout: String::new(),
                    stderr: text,
                }
            };
        }
    };
    let json = cli.json;
    let lang = match cli.lang.parse::<Lang>() {
        Ok(l) => l,
        Err(d) => return failure(d.at("--lang"), Lang::Vi, json, 2),
    };
    let mut out = String::new();
    match execute(&cli, json, lang, clock_today, &mut out) {
        Ok(()) => Output {
            code: 0,
            stdout: out,
            stderr: String::new(),
        },
        Err(Failure::Input(d)) => failure(d, lang, json, 2),
        Err(Failure::Io(d)) => failure(d, lang, json, 1),
        Err(Failure::Findings(printed)) => Output {
            code: 1,
            stdout: printed,
            stderr: String::new(),
        },
        Err(Failure::Rules(diags, code)) => {
            let stderr = if json {
                to_json(&serde_json::json!({ "errors": diags }))
            } else {
                diags
                    .iter()
                    .map(|d| format!("{}\n", d.render(lang)))
                    .collect()
            };
            Output {
                code,
                stdout: out,
                stderr,
            }
        }
    }
}

pub(crate) enum Failure {
    Input(Diagnostic),
    Io(Diagnostic),
    /// The command ran and printed its output, but found errors in the data (exit 1).
    Findings(String),
    /// Rule scripts that do not load (exit 2), or failed rule checks and tests (exit 1).
    Rules(Vec<Diagnostic>, i32),
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::Input(d)
    }
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    error: &'a Diagnostic,
}

fn failure(d: Diagnostic, lang: Lang, json: bool, code: i32) -> Output {
    let stderr = if json {
        to_json(&ErrorJson { error: &d })
    } else {
        format!("{}\n", d.render(lang))
    };
    Output {
        code,
        stdout: String::new(),
        stderr,
    }
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising the engine's own types to a String cannot fail (no maps with
    // non-string keys, no I/O); an empty object is the fallback.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

pub(crate) fn parse_year(s: &str) -> Result<i32, Diagnostic> {
    let year: i32 = s.trim().parse().map_err(|_| {
        Diagnostic::error(
            Code::NumberInvalid,
            Text::new(
                format!("Năm không hợp lệ: '{s}'"),
                format!("not a year: '{s}'"),
            ),
        )
        .at("YEAR")
    })?;
    dxplan::check_year(year).map_err(|d| d.at("YEAR"))
}

/// A date option (`--today`, `--as-of`), or the clock's day when not given.
pub(crate) fn day_arg(
    value: Option<&str>,
    name: &str,
    clock_today: NaiveDate,
) -> Result<NaiveDate, Diagnostic> {
    match value {
        Some(t) => arg(parse_date(t), name),
        None => Ok(clock_today),
    }
}

fn arg<T>(r: Result<T, Diagnostic>, name: &str) -> Result<T, Diagnostic> {
    r.map_err(|d| d.at(name))
}

fn execute(
    cli: &Cli,
    json: bool,
    lang: Lang,
    clock_today: NaiveDate,
    out: &mut String,
) -> Result<(), Failure> {
    // `rules check/test` load scripts themselves; every other command uses the
    // rules of --rules DIR, or the embedded defaults.
    if let Command::Rules(r) = &cli.command {
        return rules_cmd::run(r, cli.rules.as_deref(), json, lang, out);
    }
    let active = rules_cmd::active_rules(cli.rules.as_deref())?;
    let rules: &RuleSet = &active;
    let cal = &rules.calendar;
    match &cli.command {
        Command::Calendar(a) => calendar_cmd(rules, a, json, lang, clock_today, out),
        Command::Holidays { year } => holidays_cmd(cal, year, json, lang, out),
        Command::Workdays(w) => workdays_cmd(cal, w, json, lang, out),
        Command::Status(a) => status_cmd(rules, a, json, lang, clock_today, out),
        Command::Plans => plans_cmd(&rules.plans, json, lang, out),
        Command::Kpi(k) => crate::kpi_cmd::run(rules, k_args(k), json, lang, out),
        Command::Rules(_) => Ok(()),
        Command::Validate { file, today } => {
            forms_cmd::validate(rules, file, today.as_deref(), clock_today, json, lang, out)
        }
        Command::Workflow(WorkflowCommand::New { report }) => forms_cmd::workflow_new(report, out),
        Command::Workflow(WorkflowCommand::Apply { state, transition }) => {
            forms_cmd::workflow_apply(rules, state, transition, out)
        }
        Command::Workflow(WorkflowCommand::Rollup {
            states,
            level,
            period,
            plan,
            expected,
        }) => forms_cmd::workflow_rollup(
            rules, states, level, period, plan, expected, json, lang, out,
        ),
        Command::Tasks {
            as_of,
            agency,
            progress,
        } => forms_cmd::tasks_cmd(
            as_of.as_deref(),
            agency.as_deref(),
            progress.as_deref(),
            clock_today,
            json,
            lang,
            out,
        ),
        Command::Schema { kind, year } => {
            forms_cmd::schema_cmd(rules, kind, year.as_deref(), clock_today, out)
        }
    }
}

fn k_args(k: &Kpi) -> kpi_cmd::KpiArgs<'_> {
    match k {
        Kpi::List {
            plan,
            year,
            markdown,
        } => kpi_cmd::KpiArgs::List {
            plan: plan.as_deref(),
            year: year.as_deref(),
            markdown: *markdown,
        },
        Kpi::Eval { file, plan, year } => kpi_cmd::KpiArgs::Eval {
            file,
            plans: plan,
            year: year.as_deref(),
        },
    }
}

fn plans_with(
    base: &Plans,
    policy: &Option<String>,
    overlap: &Option<String>,
) -> Result<Plans, Diagnostic> {
    let mut plans = base.clone();
    if let Some(p) = policy {
        plans = plans.with_policy(arg(p.parse::<DeadlinePolicy>(), "--policy")?);
    }
    if let Some(o) = overlap {
        plans = plans.with_overlap(arg(o.parse::<OverlapRule>(), "--overlap")?);
    }
    Ok(plans)
}

fn calendar_cmd(
    rules: &RuleSet,
    a: &CalendarArgs,
    json: bool,
    lang: Lang,
    clock_today: NaiveDate,
    out: &mut String,
) -> Result<(), Failure> {
    let cal = &rules.calendar;
    let year = parse_year(&a.year)?;
    let plans = plans_with(&rules.plans, &a.policy, &a.overlap)?;
    let level = match &a.level {
        Some(l) => Some(arg(l.parse::<Level>(), "--level")?),
        None => None,
    };
    let inspection = match &a.inspection {
        Some(s) => match arg(s.parse::<Period>(), "--inspection")? {
            p @ Period::Range { .. } => Some((p.start(), p.end())),
            _ => {
                return Err(Diagnostic::error(
                    Code::InspectionInvalid,
                    Text::new(
                        format!("Thời gian kiểm tra phải có dạng BẮT_ĐẦU..KẾT_THÚC: '{s}'"),
                        format!("inspection dates must be START..END: '{s}'"),
                    ),
                )
                .at("--inspection")
                .into())
            }
        },
        None => None,
    };
    let today = day_arg(a.today.as_deref(), "--today", clock_today)?;
    let filter = CalendarFilter {
        plan: a.plan.clone(),
        level,
        inspection,
    };
    let report = year_calendar(&plans, cal, year, &filter)
        .map_err(|d| d.at_if(Code::PlanUnknown, "--plan"))?;
    if let Some(target) = &a.ics {
        let ics = dxplan::to_icalendar(&report.obligations, today, lang);
        if target == "-" {
            out.push_str(&ics);
            return Ok(());
        }
        std::fs::write(target, ics).map_err(|e| {
            Failure::Io(
                Diagnostic::error(
                    Code::OutputWriteFailed,
                    Text::new(
                        format!("Không ghi được tệp '{target}': {e}"),
                        format!("cannot write '{target}': {e}"),
                    ),
                )
                .at("--ics"),
            )
        })?;
    }
    if json {
        out.push_str(&to_json(&report));
    } else {
        render_calendar(&report, lang, out);
    }
    Ok(())
}

pub(crate) fn vi_en<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// "trước ngày X" for an exclusive boundary, "đến hết ngày X" for an inclusive one.
fn due_label(o: &dxplan::Obligation, lang: Lang) -> String {
    let words = match o.policy.boundary {
        dxplan::Boundary::Exclusive => vi_en(lang, "trước ngày", "due before"),
        dxplan::Boundary::Inclusive => vi_en(lang, "đến hết ngày", "due by the end of"),
    };
    format!("{words} {}", format_date(o.due_before))
}

fn day_label(date: NaiveDate, lang: Lang) -> String {
    format!("{} ({})", format_date(date), weekday_name(date).get(lang))
}

fn render_calendar(r: &CalendarReport, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "{} {} — {} {}",
        vi_en(lang, "Lịch báo cáo năm", "Reporting calendar"),
        r.year,
        r.obligations.len(),
        vi_en(lang, "nghĩa vụ", "obligations")
    );
    for o in &r.obligations {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}  {} {} · {}",
            day_label(o.deadline, lang),
            o.kind.name().get(lang),
            o.period,
            o.plan
        );
        let _ = writeln!(
            out,
            "    {} → {}",
            o.level.name().get(lang),
            o.recipient.name.get(lang)
        );
        let _ = writeln!(
            out,
            "    {} · {} {} · {} {}",
            due_label(o, lang),
            vi_en(lang, "ngày cuối cùng đúng hạn", "last on-time day"),
            format_date(o.last_on_time_day),
            vi_en(lang, "chính sách", "policy"),
            o.policy
        );
        if let Some(reason) = &o.last_day_off_reason {
            let _ = writeln!(
                out,
                "    ⚠ {}: {} · keep {} · roll_forward {} · pull_back {}",
                vi_en(lang, "ngày nghỉ", "day off"),
                reason.get(lang),
                format_date(o.by_rule.keep),
                format_date(o.by_rule.roll_forward),
                format_date(o.by_rule.pull_back)
            );
        }
        if let Some(by) = &o.superseded_by {
            let _ = writeln!(
                out,
                "    ↳ {} {by}",
                vi_en(lang, "thay bằng", "superseded by")
            );
        }
        let _ = writeln!(out, "    {}: {}", vi_en(lang, "Nguồn", "Source"), o.source);
    }
    if !r.consolidation_windows.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            vi_en(
                lang,
                "Thời gian tổng hợp giữa các cấp:",
                "Consolidation windows between levels:"
            )
        );
        for w in &r.consolidation_windows {
            let _ = writeln!(
                out,
                "  {} {} {}: {} → {} = {} {} / {} {}{}",
                w.plan,
                w.kind.name().get(lang),
                w.period,
                format_date(w.from),
                format_date(w.to),
                w.days,
                vi_en(lang, "ngày", "days"),
                w.working_days,
                vi_en(lang, "ngày làm việc", "working days"),
                if w.too_short { "  ⚠" } else { "" }
            );
        }
    }
    if !r.diagnostics.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", vi_en(lang, "Lưu ý:", "Findings:"));
        for d in &r.diagnostics {
            let mark = match d.severity {
                Severity::Error => "✗",
                Severity::Warning => "⚠",
                Severity::Info => "ℹ",
            };
            let _ = writeln!(out, "  {mark} [{}] {}", d.code, d.message.get(lang));
        }
    }
}

fn holidays_cmd(
    cal: &Calendar,
    year: &str,
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    let year = parse_year(year)?;
    let y = cal.year_days(year)?;
    if json {
        out.push_str(&to_json(&y));
        return Ok(());
    }
    let (days_off, working_weekend_days) = (&y.days_off, &y.working_weekend_days);
    let _ = writeln!(
        out,
        "{} {year}",
        vi_en(lang, "Ngày nghỉ năm", "Days off in")
    );
    for d in days_off {
        let reason = match d.reason {
            DayOffReason::Holiday => vi_en(lang, "ngày lễ", "holiday"),
            DayOffReason::Compensatory => vi_en(lang, "nghỉ bù", "compensatory"),
            DayOffReason::Swap => vi_en(lang, "hoán đổi", "swap"),
        };
        let weekend = if d.on_weekend {
            vi_en(lang, " (trùng cuối tuần)", " (on a weekend)")
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:<24} {:<13} {}{weekend}",
            day_label(d.date, lang),
            reason,
            d.name.get(lang)
        );
    }
    for w in working_weekend_days {
        let _ = writeln!(
            out,
            "  {:<24} {:<13} {} {}",
            day_label(w.date, lang),
            vi_en(lang, "làm bù", "worked"),
            vi_en(lang, "đổi cho ngày", "in exchange for"),
            format_date(w.in_exchange_for)
        );
    }
    Ok(())
}

fn workdays_cmd(
    cal: &Calendar,
    w: &Workdays,
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    match w {
        Workdays::Add { date, n } => {
            let d = arg(parse_date(date), "DATE")?;
            let n: i64 = n.trim().parse().map_err(|_| {
                Diagnostic::error(
                    Code::NumberInvalid,
                    Text::new(
                        format!("Số ngày làm việc không hợp lệ: '{n}'"),
                        format!("not a whole number of working days: '{n}'"),
                    ),
                )
                .at("N")
            })?;
            let result = arg(cal.add_working_days(d, n), "N")?;
            if json {
                out.push_str(&to_json(&serde_json::json!({
                    "date": d, "working_days": n, "result": result,
                    "result_is_working_day": cal.is_working_day(result)?,
                })));
            } else {
                let _ = writeln!(out, "{}", day_label(result, lang));
            }
        }
        Workdays::Between { from, to } => {
            let a = arg(parse_date(from), "FROM")?;
            let b = arg(parse_date(to), "TO")?;
            let n = cal.working_days_between(a, b)?;
            if json {
                out.push_str(&to_json(&serde_json::json!({
                    "from": a, "to": b, "days": (b - a).num_days(), "working_days": n,
                })));
            } else {
                let _ = writeln!(
                    out,
                    "{n} {} ({} {}, {} → {})",
                    vi_en(lang, "ngày làm việc", "working days"),
                    (b - a).num_days(),
                    vi_en(lang, "ngày", "days"),
                    format_date(a),
                    format_date(b)
                );
            }
        }
        Workdays::Check { date } => {
            let d = arg(parse_date(date), "DATE")?;
            let check = cal.check_day(d)?;
            if json {
                out.push_str(&to_json(&check));
            } else {
                match check.reason {
                    None => {
                        let _ = writeln!(
                            out,
                            "{}: {}",
                            day_label(d, lang),
                            vi_en(lang, "ngày làm việc", "working day")
                        );
                    }
                    Some(r) => {
                        let _ = writeln!(
                            out,
                            "{}: {} — {}",
                            day_label(d, lang),
                            vi_en(lang, "ngày nghỉ", "day off"),
                            r.get(lang)
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

fn status_cmd(
    rules: &RuleSet,
    a: &StatusArgs,
    json: bool,
    lang: Lang,
    clock_today: NaiveDate,
    out: &mut String,
) -> Result<(), Failure> {
    let cal = &rules.calendar;
    let plans = plans_with(&rules.plans, &a.policy, &None)?;
    let kind = arg(a.kind.parse::<ObligationKind>(), "--kind")?;
    let period = arg(a.period.parse::<Period>(), "--period")?;
    let level = arg(a.level.parse::<Level>(), "--level")?;
    let submitted = match &a.submitted {
        Some(s) => Some(arg(parse_date(s), "--submitted")?),
        None => None,
    };
    let today = day_arg(a.today.as_deref(), "--today", clock_today)?;
    let o = plans
        .find(cal, &a.plan, kind, &period, level)
        .map_err(|d| d.at_if(Code::PlanUnknown, "--plan"))?;
    let report = status(cal, &o, submitted, today)?;
    if json {
        out.push_str(&to_json(&serde_json::json!({
            "obligation": o,
            "status": report,
        })));
    } else {
        let _ = writeln!(
            out,
            "{} {} · {} ({} → {})",
            o.kind.name().get(lang),
            o.period,
            o.plan,
            o.level.name().get(lang),
            o.recipient.name.get(lang)
        );
        let _ = writeln!(
            out,
            "{} · {} {} ({})",
            due_label(&o, lang),
            vi_en(lang, "ngày cuối cùng đúng hạn", "last on-time day"),
            day_label(o.deadline, lang),
            o.policy
        );
        let _ = writeln!(out, "{}", report.message.get(lang));
    }
    Ok(())
}

fn plans_cmd(plans: &Plans, json: bool, lang: Lang, out: &mut String) -> Result<(), Failure> {
    if json {
        out.push_str(&to_json(&plans.iter().collect::<Vec<_>>()));
        return Ok(());
    }
    for p in plans.iter() {
        let years = match p.last_year {
            Some(l) if l == p.first_year => format!("{l}"),
            Some(l) => format!("{}–{l}", p.first_year),
            None => format!("{}–", p.first_year),
        };
        let _ = writeln!(out, "{:<19} {:<10} {}", p.id, years, p.name.get(lang));
        let _ = writeln!(out, "{:<19} {:<10} {}", "", "", p.document);
    }
    Ok(())
}
