//! One diagnostic type for every error, warning and note the engine produces.
//!
//! Every problem with caller input is reported as a [`Diagnostic`]: a stable
//! machine-readable [`Code`], a [`Severity`], the location of the bad value
//! (a JSON pointer or a command-line argument name), a bilingual message
//! (Vietnamese first, English second) and an optional hint. Nothing in the
//! engine panics on bad input; functions return [`Result`] instead.
//!
//! ```
//! use dxplan::{Code, Period};
//!
//! let err = "2025-Q5".parse::<Period>().unwrap_err();
//! assert_eq!(err.code, Code::PeriodInvalid);
//! assert_eq!(err.code.as_str(), "period.invalid");
//! assert!(err.message.vi.contains("2025-Q5"));
//! ```

use serde::Serialize;
use std::fmt;

/// A short text in Vietnamese and English.
///
/// ```
/// use dxplan::{Lang, Text};
/// let t = Text::new("Ngày nghỉ", "Day off");
/// assert_eq!(t.get(Lang::Vi), "Ngày nghỉ");
/// assert_eq!(t.get(Lang::En), "Day off");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Text {
    /// Vietnamese text (the primary language of the product).
    pub vi: String,
    /// English text.
    pub en: String,
}

impl Text {
    /// Builds a text from its Vietnamese and English versions.
    ///
    /// ```
    /// let t = dxplan::Text::new("Quý", "Quarter");
    /// assert_eq!(t.en, "Quarter");
    /// ```
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in the requested language.
    ///
    /// ```
    /// use dxplan::{Lang, Text};
    /// assert_eq!(Text::new("Năm", "Year").get(Lang::En), "Year");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Output language for human-readable text.
///
/// ```
/// assert_eq!("en".parse::<dxplan::Lang>(), Ok(dxplan::Lang::En));
/// assert_eq!(dxplan::Lang::default(), dxplan::Lang::Vi);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Vietnamese (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl std::str::FromStr for Lang {
    type Err = Diagnostic;
    fn from_str(s: &str) -> std::result::Result<Self, Diagnostic> {
        match s {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(Diagnostic::error(
                Code::LangUnknown,
                Text::new(
                    format!("Ngôn ngữ không hỗ trợ: '{s}'"),
                    format!("unsupported language: '{s}'"),
                ),
            )
            .with_hint(Text::new("Dùng 'vi' hoặc 'en'.", "Use 'vi' or 'en'."))),
        }
    }
}

/// The largest input one call accepts as JSON (a report, a record, rule
/// scripts): 8 MiB. A quarterly report with its appendices is about 20 KB; the
/// limit stops runaway payloads at the WebAssembly and JSON boundaries.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The longest text argument (a date, a kind, a form path) an operation
/// reads; reports and scripts travel as JSON and have [`MAX_INPUT_BYTES`].
pub const MAX_TEXT_ARG_BYTES: usize = 4 * 1024;

/// The longest path a diagnostic keeps.
pub const MAX_PATH_BYTES: usize = 512;

/// How serious a diagnostic is.
///
/// ```
/// assert!(dxplan::Severity::Error > dxplan::Severity::Warning);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational note; nothing to fix.
    Info,
    /// Something a person should look at; processing goes on.
    Warning,
    /// The input cannot be used as given.
    Error,
}

/// Declares [`Code`] from one list, so that the variants, [`Code::ALL`],
/// [`Code::as_str`] and [`Code::meaning`] cannot disagree.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $text:literal,)+) => {
        /// Stable diagnostic codes. The string form ([`Code::as_str`]) never
        /// changes once released: callers may match on it. Every code, with
        /// its messages and an example that triggers it, is listed in
        /// `docs/diagnostics.md` (generated from [`Code::ALL`]).
        ///
        /// ```
        /// assert_eq!(dxplan::Code::DateInvalid.as_str(), "date.invalid");
        /// assert!(dxplan::Code::ALL.contains(&dxplan::Code::RulesSyntax));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, in the order of the catalogue.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The stable string form of the code.
            ///
            /// ```
            /// assert_eq!(dxplan::Code::PlanUnknown.as_str(), "plan.unknown");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)+
                }
            }

            /// What the code means, in one sentence (English, for the catalogue).
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),+).trim_ascii(),)+
                }
            }
        }
    };
}

codes! {
    /// A date string could not be read, or names a day that does not exist (31/02).
    DateInvalid = "date.invalid",
    /// A date or year is outside the supported range 1900–2100.
    DateOutOfRange = "date.out_of_range",
    /// A period id could not be read (`2025-Q5`, `2025-13`).
    PeriodInvalid = "period.invalid",
    /// A number argument could not be read or is out of its range.
    NumberInvalid = "number.invalid",
    /// No plan has this id.
    PlanUnknown = "plan.unknown",
    /// No report kind has this id.
    KindUnknown = "kind.unknown",
    /// No administrative level has this id.
    LevelUnknown = "level.unknown",
    /// No deadline policy has this name.
    PolicyUnknown = "policy.unknown",
    /// The plan has no obligation of this kind for this period.
    ObligationNotFound = "obligation.not_found",
    /// The plan asks for a report without a day to compute its deadline from.
    ObligationNoDay = "obligation.no_day",
    /// The output language is not supported.
    LangUnknown = "lang.unknown",
    /// An inspection date range is unusable (end before start, outside the window).
    InspectionInvalid = "inspection.invalid",
    /// The last on-time day of a deadline is not a working day.
    DeadlineOnDayOff = "deadline.on_day_off",
    /// Fewer than one working day between two levels' deadlines (Decree 09/2019 art. 8(5)).
    ConsolidationWindowShort = "consolidation.window_short",
    /// Fewer than one working day between the end of the data window and the deadline
    /// (Decree 09/2019 art. 8(5)).
    DataWindowGapShort = "deadline.data_window_gap_short",
    /// Two reports of the same level fall due in the same month for nested periods.
    ReportsOverlap = "deadline.reports_overlap",
    /// A report's recipient had ended by its deadline and no successor is declared.
    RecipientDissolved = "recipient.dissolved",
    /// The reporting level of an obligation had ended by its deadline.
    ReporterDissolved = "reporter.dissolved",
    /// An output file could not be written (command line only; the core does no I/O).
    OutputWriteFailed = "output.write_failed",
    /// The command line has an unknown, missing or extra argument (command line only).
    ArgumentInvalid = "argument.invalid",
    /// An engine or a report session of the package used after `free()` (WebAssembly only).
    EngineFreed = "engine.freed",
    /// An input document is not valid JSON or not of the expected shape.
    InputInvalidJson = "input.invalid_json",
    /// A string holds half of a UTF-16 surrogate pair (JavaScript can pass it,
    /// Unicode text cannot hold it).
    InputBrokenCharacter = "input.broken_character",
    /// A number is NaN or infinite: JavaScript can pass them, JSON cannot hold them.
    InputNotFinite = "input.not_finite",
    /// An input is larger than [`MAX_INPUT_BYTES`].
    InputTooLarge = "input.too_large",
    /// A path given to a report session does not lead to a place in the report
    /// (not a JSON pointer, through a number or text, past the end of a table).
    SessionPathInvalid = "session.path_invalid",
    /// No indicator has this id.
    KpiUnknown = "kpi.unknown",
    /// A field of the inputs is not the input of any indicator.
    KpiInputUnknown = "kpi.input_unknown",
    /// An input has the wrong type or is out of its range.
    KpiInputInvalid = "kpi.input_invalid",
    /// An input an indicator needs is missing.
    KpiInputMissing = "kpi.input_missing",
    /// A rate's or share's denominator is zero.
    KpiDenominatorZero = "kpi.denominator_zero",
    /// A rate's numerator is greater than its denominator.
    KpiNumeratorExceedsDenominator = "kpi.numerator_exceeds_denominator",
    /// The plan sets no target for this indicator, year and level.
    KpiNoTarget = "kpi.no_target",
    /// A value in progress towards a horizon target falls short of a milestone already due.
    KpiBehindMilestone = "kpi.behind_milestone",
    /// A rank target set for more provinces than exist on the period's end: every rank meets it.
    KpiRankTargetObsolete = "kpi.rank_target_obsolete",
    /// Values too large to compute exactly.
    KpiOverflow = "kpi.overflow",
    /// A unit appears twice in a consolidation.
    KpiUnitDuplicate = "kpi.unit_duplicate",
    /// A unit reports another period than the consolidation.
    KpiPeriodMismatch = "kpi.period_mismatch",
    /// An indicator that is not aggregated across units (ranks, published percentages).
    KpiNotAggregated = "kpi.not_aggregated",
    /// A rule script does not parse.
    RulesSyntax = "rules.syntax",
    /// A rule script uses a variable that is not defined (strict variables).
    RulesUnknownVariable = "rules.unknown_variable",
    /// A rule script calls a function that does not exist.
    RulesUnknownFunction = "rules.unknown_function",
    /// A rule script passes a value of the wrong type.
    RulesType = "rules.type",
    /// A rule script names an indicator, plan, level or kind that does not exist.
    RulesUnknownId = "rules.unknown_id",
    /// A rule script passes an invalid value (date, comparator, number).
    RulesInvalidValue = "rules.invalid_value",
    /// A rule script ran over a sandbox limit (operations, call depth, nesting, data size).
    RulesLimit = "rules.limit",
    /// A rule file is larger than the engine accepts (bytes, lines, or a
    /// line too long for its positions to be exact).
    RulesTooLarge = "rules.too_large",
    /// A rule script failed at run time for another reason.
    RulesRuntime = "rules.runtime",
    /// A change quotes its document, and the document (known to the host)
    /// does not have those words.
    RulesQuoteNotFound = "rules.quote_not_found",
    /// A change quotes a document the host does not know: not checked.
    RulesDocumentUnknown = "rules.document_unknown",
    /// A rule file cannot be read, or its name does not start with a year.
    RulesFile = "rules.file",
    /// A rule test expectation failed.
    RulesTestFailed = "rules.test_failed",
    /// Found by a custom check of a rule script (see the diagnostic's `check`).
    RulesCheck = "rules.check",
    /// Rule scripts or custom checks given to the lean build, which has no
    /// script engine (the package's default entry `dxplan`, or the crate
    /// without its `scripts` feature): the message names `dxplan/rules`.
    RulesUnavailable = "rules.unavailable",
    /// A required field of a report is missing or empty.
    ReportRequired = "report.required",
    /// A field of a report has the wrong type (text where a number is expected, …).
    ReportType = "report.type",
    /// A report has a field its definition does not know (reported, not dropped).
    ReportUnknownField = "report.unknown_field",
    /// A number, a text length or a number of rows is out of its range.
    ReportOutOfRange = "report.out_of_range",
    /// A value is not one of the field's allowed values.
    ReportInvalidChoice = "report.invalid_choice",
    /// A date of something that already happened is after today.
    ReportDateInFuture = "report.date_in_future",
    /// A date falls outside the report's data window.
    ReportDateOutsideWindow = "report.date_outside_window",
    /// The period is not of the report kind's period kind (a quarter for a quarterly report).
    ReportPeriodMismatch = "report.period_mismatch",
    /// A value does not have its expected form (a document number `125/KH-UBND`).
    ReportFormat = "report.format",
    /// A value is greater than the value it is bounded by (disbursed > total estimate).
    ReportExceeds = "report.exceeds",
    /// An appendix table disagrees with the indicator input it details.
    ReportAppendixMismatch = "report.appendix_mismatch",
    /// An indicator with a target in force for the unit's level has no input.
    ReportKpiNotReported = "report.kpi_not_reported",
    /// A workflow action is not allowed from the report's current state.
    WorkflowTransitionInvalid = "workflow.transition_invalid",
    /// The actor's role may not take this workflow action.
    WorkflowRoleNotAllowed = "workflow.role_not_allowed",
    /// Returning a report needs at least one reason.
    WorkflowReasonRequired = "workflow.reason_required",
    /// A workflow action is dated before the previous one.
    WorkflowTimeOrder = "workflow.time_order",
    /// A report with errors cannot be submitted.
    WorkflowReportInvalid = "workflow.report_invalid",
    /// A stored record does not match its sealed history (edited outside the workflow).
    WorkflowTampered = "workflow.tampered",
    /// A stored record was written before entries were sealed.
    WorkflowUnsealed = "workflow.unsealed",
    /// A record sealed with the host's key is checked without it, or the key is unfit.
    WorkflowKeyRequired = "workflow.key_required",
    /// A resubmission changes the report's unit, plan, kind or period.
    WorkflowIdentityChanged = "workflow.identity_changed",
    /// A report would be reviewed by its author's own role.
    WorkflowSelfReview = "workflow.self_review",
    /// A transition without the actor's name.
    WorkflowActorRequired = "workflow.actor_required",
    /// A record left out of a roll-up (another plan, kind, level or period, no unit, a duplicate, not verified).
    WorkflowLeftOut = "workflow.left_out",
    /// No task of the register has this id.
    TaskUnknown = "task.unknown",
    /// A task's completion term cannot be read.
    TaskTermInvalid = "task.term_invalid",
    /// A `triggered` record for a task whose term waits for no event.
    TaskNotEventTriggered = "task.not_event_triggered",
    /// An event that is not worded or starts no task.
    TaskEventInvalid = "task.event_invalid",
}

/// A name as it reads inside a sentence: its first letter in lower case,
/// the rest as written ("Báo cáo quý III/2025" → "báo cáo quý III/2025",
/// "Ban Chỉ đạo / UBND tỉnh" keeps its "UBND").
pub(crate) fn lower_first(s: &str) -> String {
    // An outline heading's list number ("9. Kinh phí…", "II.1. …") does not
    // read inside a sentence.
    let s = match s.split_once(". ") {
        Some((n, rest))
            if !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || "IVX".contains(c)) =>
        {
            rest
        }
        _ => s,
    };
    let mut chars = s.chars();
    match (chars.next(), chars.clone().next()) {
        // An acronym ("CSDL", "DTI") or a name keeps its capitals.
        (Some(c), Some(next)) if next.is_uppercase() => std::iter::once(c).chain(chars).collect(),
        (Some(c), _) => c.to_lowercase().chain(chars).collect(),
        (None, _) => String::new(),
    }
}

/// At most this many characters of a bad input are quoted in a message.
pub const QUOTE_CHARS: usize = 60;

/// A bad input as a message quotes it: whole when short, else its first
/// [`QUOTE_CHARS`] characters and "…" (issue 15: a 50-million-character
/// date made a 100-million-character message).
///
/// ```
/// assert_eq!(dxplan::excerpt("31/02/2025"), "31/02/2025");
/// assert_eq!(dxplan::excerpt(&"x".repeat(1000)).chars().count(), 61);
/// ```
pub fn excerpt(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(QUOTE_CHARS) {
        None => std::borrow::Cow::Borrowed(s),
        Some((i, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..i])),
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A place in a text file (a rule script): 1-based line and column.
///
/// ```
/// let s = dxplan::Span { file: "2025.rhai".into(), line: 3, column: 5 };
/// assert_eq!(s.to_string(), "2025.rhai:3:5");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Span {
    /// File name.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1 (0 when unknown).
    pub column: usize,
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// An error, warning or note about some input, with where it is and how to fix it.
///
/// ```
/// use dxplan::{Code, Diagnostic, Severity, Text};
/// let d = Diagnostic::error(Code::PlanUnknown, Text::new("Không có kế hoạch 'x'", "no plan 'x'"))
///     .at("--plan");
/// assert_eq!(d.severity, Severity::Error);
/// assert_eq!(d.path.as_deref(), Some("--plan"));
/// assert_eq!(d.to_string(), "plan.unknown: Không có kế hoạch 'x' (no plan 'x') [--plan]");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable code, see [`Code`].
    pub code: Code,
    /// Where the problem is: a JSON pointer (`/period`) or an argument name (`--period`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What is wrong, Vietnamese and English.
    pub message: Text,
    /// How to fix it, when there is something useful to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// The document or law the check comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where in a rule script, when the problem is in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The id of the rule-script check that found it (code `rules.check`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
}

impl Diagnostic {
    /// A new diagnostic of the given severity.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Severity, Text};
    /// let d = Diagnostic::new(Severity::Warning, Code::DeadlineOnDayOff, Text::new("a", "b"));
    /// assert_eq!(d.severity, Severity::Warning);
    /// ```
    pub fn new(severity: Severity, code: Code, message: Text) -> Self {
        Diagnostic {
            severity,
            code,
            path: None,
            message,
            hint: None,
            source: None,
            span: None,
            check: None,
        }
    }

    /// A new error.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Text};
    /// let d = Diagnostic::error(Code::DateInvalid, Text::new("Ngày sai", "bad date"));
    /// assert_eq!(d.code, Code::DateInvalid);
    /// ```
    pub fn error(code: Code, message: Text) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// Sets the location of the problem.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Text};
    /// let d = Diagnostic::error(Code::DateInvalid, Text::new("a", "b")).at("/due_before");
    /// assert_eq!(d.path.as_deref(), Some("/due_before"));
    /// ```
    pub fn at(mut self, path: impl Into<String>) -> Self {
        let path: String = path.into();
        // A place is short; a longer one (a form path of any length) is cut.
        self.path = Some(if path.len() > MAX_PATH_BYTES {
            let mut end = MAX_PATH_BYTES;
            while !path.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}…", &path[..end])
        } else {
            path
        });
        self
    }

    /// Sets the location only when the diagnostic has `code`: an argument
    /// that names a plan is where `plan.unknown` belongs, while other errors of
    /// the same call keep their own place.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Text};
    /// let d = Diagnostic::error(Code::PlanUnknown, Text::new("a", "b")).at_if(Code::PlanUnknown, "--plan");
    /// assert_eq!(d.path.as_deref(), Some("--plan"));
    /// let e = Diagnostic::error(Code::DateInvalid, Text::new("a", "b")).at_if(Code::PlanUnknown, "--plan");
    /// assert_eq!(e.path, None);
    /// ```
    pub fn at_if(self, code: Code, path: impl Into<String>) -> Self {
        if self.code == code {
            self.at(path)
        } else {
            self
        }
    }

    /// Adds a hint on how to fix the problem.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Text};
    /// let d = Diagnostic::error(Code::DateInvalid, Text::new("a", "b"))
    ///     .with_hint(Text::new("Dùng dd/mm/yyyy", "Use dd/mm/yyyy"));
    /// assert!(d.hint.is_some());
    /// ```
    pub fn with_hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Names the document or law behind the check.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Severity, Text};
    /// let d = Diagnostic::new(Severity::Warning, Code::DataWindowGapShort, Text::new("a", "b"))
    ///     .with_source("Nghị định 09/2019/NĐ-CP, Điều 8 khoản 5");
    /// assert!(d.source.unwrap().contains("09/2019"));
    /// ```
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Sets the place in a rule script.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Span, Text};
    /// let d = Diagnostic::error(Code::RulesSyntax, Text::new("a", "b"))
    ///     .in_script(Span { file: "2025.rhai".into(), line: 2, column: 7 });
    /// assert_eq!(d.span.unwrap().line, 2);
    /// ```
    pub fn in_script(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Renders the diagnostic in one language, for people.
    ///
    /// ```
    /// use dxplan::{Code, Diagnostic, Lang, Text};
    /// let d = Diagnostic::error(Code::PlanUnknown, Text::new("Không có kế hoạch", "no such plan"))
    ///     .with_hint(Text::new("Xem danh sách", "See the list"));
    /// assert_eq!(d.render(Lang::En), "error[plan.unknown]: no such plan\n  hint: See the list");
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        let sev = match (self.severity, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::Vi) => "ghi chú",
            (Severity::Info, Lang::En) => "note",
        };
        let mut out = match &self.span {
            Some(span) => format!("{span}: {sev}[{}]: {}", self.code, self.message.get(lang)),
            None => format!("{sev}[{}]: {}", self.code, self.message.get(lang)),
        };
        if let Some(path) = &self.path {
            let at = match lang {
                Lang::Vi => "tại",
                Lang::En => "at",
            };
            out.push_str(&format!("\n  {at}: {path}"));
        }
        if let Some(hint) = &self.hint {
            let label = match lang {
                Lang::Vi => "gợi ý",
                Lang::En => "hint",
            };
            out.push_str(&format!("\n  {label}: {}", hint.get(lang)));
        }
        out
    }
}

impl Diagnostic {
    /// The error for a NaN or infinite number at `path` (a JSON pointer) in
    /// input that did not come as JSON text (e.g. a JavaScript object).
    ///
    /// ```
    /// let d = dxplan::Diagnostic::not_finite("/values/dossiers_total", "NaN");
    /// assert_eq!(d.code.as_str(), "input.not_finite");
    /// assert_eq!(d.path.as_deref(), Some("/values/dossiers_total"));
    /// ```
    pub fn not_finite(path: &str, value: &str) -> Diagnostic {
        Diagnostic::error(
            Code::InputNotFinite,
            Text::new(
                format!("Giá trị {value} không phải là một số hữu hạn"),
                format!("{value} is not a finite number"),
            ),
        )
        .at(path)
        .with_hint(Text::new(
            "Để trống ô (null) nếu chưa có số liệu; không gửi NaN hay Infinity.",
            "Leave the field empty (null) when there is no figure; never send NaN or Infinity.",
        ))
    }

    /// The error for an input of `bytes` bytes, over [`MAX_INPUT_BYTES`].
    ///
    /// ```
    /// let d = dxplan::Diagnostic::too_large("report", 10 << 20);
    /// assert_eq!(d.code.as_str(), "input.too_large");
    /// assert!(d.message.en.contains("10485760"));
    /// ```
    pub fn too_large(path: &str, bytes: usize) -> Diagnostic {
        Diagnostic::error(
            Code::InputTooLarge,
            Text::new(
                format!("Dữ liệu quá lớn: {bytes} byte (tối đa {MAX_INPUT_BYTES})"),
                format!("the input is too large: {bytes} bytes (at most {MAX_INPUT_BYTES})"),
            ),
        )
        .at(path)
        .with_hint(Text::new(
            "Một báo cáo thường dưới 1 MB; tổng hợp nhiều đơn vị hãy gọi thư viện Rust trực tiếp.",
            "A report is usually under 1 MB; consolidate many units through the Rust library.",
        ))
    }

    /// The error for a text argument over [`MAX_TEXT_ARG_BYTES`] at `path`.
    ///
    /// ```
    /// let d = dxplan::Diagnostic::text_too_large("today", 50_000_000);
    /// assert_eq!(d.code.as_str(), "input.too_large");
    /// assert!(d.message.vi.len() < 200);
    /// ```
    pub fn text_too_large(path: &str, bytes: usize) -> Diagnostic {
        Diagnostic::error(
            Code::InputTooLarge,
            Text::new(
                format!("Chuỗi quá dài: {bytes} byte (tối đa {MAX_TEXT_ARG_BYTES})"),
                format!("the text is too long: {bytes} bytes (at most {MAX_TEXT_ARG_BYTES})"),
            ),
        )
        .at(path)
        .with_hint(Text::new(
            "Ngày, loại báo cáo, mã và đường dẫn trường là chuỗi ngắn; kiểm tra giá trị đã truyền.",
            "Dates, report kinds, ids and field paths are short texts; check the value passed.",
        ))
    }

    /// The error for input of the wrong shape at `path`: `what` says what was
    /// expected (Vietnamese, English), `detail` what the parser found.
    ///
    /// ```
    /// use dxplan::{Diagnostic, Text};
    /// let d = Diagnostic::invalid_input("report", Text::new("một đối tượng", "an object"), "invalid type: string");
    /// assert_eq!(d.code.as_str(), "input.invalid_json");
    /// ```
    pub fn invalid_input(path: &str, what: Text, detail: &str) -> Diagnostic {
        Diagnostic::error(
            Code::InputInvalidJson,
            Text::new(
                format!(
                    "'{}' phải là {} (chi tiết: {})",
                    excerpt(path),
                    what.vi,
                    excerpt(detail)
                ),
                format!(
                    "'{}' must be {}: {}",
                    excerpt(path),
                    what.en,
                    excerpt(detail)
                ),
            ),
        )
        .at(path)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({})",
            self.code, self.message.vi, self.message.en
        )?;
        if let Some(path) = &self.path {
            write!(f, " [{path}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// The name of a kind of JSON value (`"string"`, `"number"`, …) for
/// messages: Vietnamese words in Vietnamese text, the JSON name in English.
///
/// ```
/// assert_eq!(dxplan::diagnostic::json_kind("string").vi, "một chuỗi chữ");
/// assert_eq!(dxplan::diagnostic::json_kind("string").en, "string");
/// ```
pub fn json_kind(kind: &str) -> Text {
    let vi = match kind {
        "string" => "một chuỗi chữ",
        "number" => "một số",
        "boolean" => "một giá trị có/không",
        "null" => "ô để trống",
        "array" => "một danh sách",
        "object" => "một nhóm trường",
        "non-finite number" => "một số không hữu hạn",
        "number too large to be exact" => "một số quá lớn để tính chính xác",
        "number with too many decimals" => "một số có quá nhiều chữ số thập phân",
        other => other,
    };
    Text::new(vi, kind)
}

/// Whether a text says nothing: empty, or only spaces and invisible
/// characters (zero-width spaces and joiners, the byte-order mark, a soft
/// hyphen). Names, reasons, sources and ids that say nothing are refused.
///
/// ```
/// assert!(dxplan::diagnostic::is_blank(" \u{200b}\t"));
/// assert!(!dxplan::diagnostic::is_blank("Thiếu số liệu"));
/// ```
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
    })
}

/// The hint for a JSON number the engine cannot read exactly
/// ([`crate::kpi::input::RawValue::TooLarge`] or `TooPrecise`).
pub(crate) fn inexact_hint(too_large: bool) -> Text {
    if too_large {
        Text::new(
            "Giá trị kiểu số chỉ chính xác đến 9.007.199.254.740.991; kiểm tra lại số đã nhập, \
             hoặc gửi số lớn hơn dưới dạng chuỗi chữ số (\"12345678901234567890\").",
            "JSON numbers are exact up to 9,007,199,254,740,991; check the figure, or send a \
             larger one as a string of digits (\"12345678901234567890\").",
        )
    } else {
        Text::new(
            "Làm tròn số, tối đa 30 chữ số thập phân.",
            "Round the number to at most 30 decimals.",
        )
    }
}

/// Counts of diagnostics by severity.
///
/// ```
/// use dxplan::{Code, Counts, Diagnostic, Severity, Text};
/// let d = [Diagnostic::new(Severity::Warning, Code::KpiInputMissing, Text::new("a", "b"))];
/// assert_eq!(Counts::of(&d), Counts { errors: 0, warnings: 1, infos: 0 });
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Counts {
    /// Errors: the input cannot be used as is.
    pub errors: usize,
    /// Warnings: worth a look.
    pub warnings: usize,
    /// Notes.
    pub infos: usize,
}

impl Counts {
    /// The counts of `diags`.
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

/// Result type of every fallible engine function.
pub type Result<T> = std::result::Result<T, Diagnostic>;
