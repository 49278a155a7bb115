//! What the engine's operations take and give besides the domain types:
//! queries as a form, a command line or a JSON request sends them (text, read
//! by the engine so that every host reads them alike), and a few answers that
//! bundle domain values.

use crate::diagnostic::Diagnostic;
use crate::obligations::status::StatusReport;
use crate::obligations::Obligation;
use crate::rules::{Change, Check};
use crate::tasks::{Progress, TaskEvent};
use serde::{Deserialize, Serialize};

/// A rule script or a rule-test file as a host holds it: its file name
/// (which starts with its year, e.g. `2026.rhai`) and its text.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ScriptText {
    /// File name, e.g. `2026.rhai`.
    pub name: String,
    /// Text.
    pub source: String,
}

impl ScriptText {
    /// A script or test file.
    ///
    /// ```
    /// let s = dxplan::ScriptText::new("2026.rhai", "// ...");
    /// assert_eq!(s.name, "2026.rhai");
    /// ```
    pub fn new(name: &str, source: &str) -> ScriptText {
        ScriptText {
            name: name.to_string(),
            source: source.to_string(),
        }
    }
}

/// Filters and overrides of a year's reporting calendar.
///
/// ```
/// let q = dxplan::CalendarQuery { plan: Some("city-2025".into()), ..Default::default() };
/// assert!(q.level.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CalendarQuery {
    /// Only this plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// Only this reporting level (`unit`, `city_office`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Deadline policy for every plan, e.g. `exclusive+keep`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Overlap rule for every plan (`separate`, `supersede`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlap: Option<String>,
    /// Dates of an inspection (inspection-2024): first and last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection: Option<(String, String)>,
}

/// Which obligation a submission-status question is about.
///
/// ```
/// let q = dxplan::StatusQuery {
///     plan: "city-2025".into(), kind: "annual".into(), period: "2025".into(),
///     ..Default::default()
/// };
/// assert!(q.level.is_none()); // the unit level
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct StatusQuery {
    /// Plan id.
    pub plan: String,
    /// Report kind.
    pub kind: String,
    /// Period (`2025-Q1`, `2025-H1`, `2025`, `START..END`).
    pub period: String,
    /// Reporting level (default `unit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Day the report was submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<String>,
    /// Deadline policy, e.g. `exclusive+roll_forward`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
}

/// An obligation and its submission status.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusAnswer {
    /// The obligation.
    pub obligation: Obligation,
    /// Its status on the day asked.
    pub status: StatusReport,
}

/// Which targets a KPI evaluation or consolidation applies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct KpiOptions {
    /// Plans whose targets apply (default: every plan with a target).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<String>,
    /// Targets of this year instead of the period's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Whether each target quotes its document's words (`quote`); without
    /// it, only the citation (`source`) is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub explain: Option<bool>,
}

/// How a report is validated through the JSON entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ValidateOptions {
    /// Whether each KPI target quotes its document's words (`quote`);
    /// without it, only the citation (`source`): a form's answer stays small.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub explain: Option<bool>,
    /// The fields the form shows (JSON pointers): missing values are
    /// reported only there (see [`crate::validation::FormFields`]); without
    /// it, everywhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub fields: Option<Vec<String>>,
}

impl ValidateOptions {
    /// The fields the form shows, when given.
    pub fn form_fields(&self) -> Option<crate::validation::FormFields> {
        self.fields
            .as_ref()
            .map(|f| crate::validation::FormFields::new(f.iter().cloned()))
    }
}

/// Which accepted reports a roll-up consolidates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct RollupQuery {
    /// Level of the roll-up (`city`, `province`).
    pub level: String,
    /// Period.
    pub period: String,
    /// Plan whose targets apply.
    pub plan: String,
    /// Units expected to report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<String>,
}

/// Which tasks of the register to answer for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TasksQuery {
    /// Only tasks this agency leads or coordinates (part of its name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Progress records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<Progress>,
    /// Events, each declared once with the tasks it starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<TaskEvent>,
}

/// A document that sources quote (a seed plan, a notice), by the file name
/// the sources give as `tai_lieu`, with its text.
///
/// ```
/// let d = dxplan::DocumentText::new("003_08cb75b396c90965.txt", "…");
/// assert_eq!(d.name, "003_08cb75b396c90965.txt");
/// ```
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DocumentText {
    /// File name, as sources cite it.
    pub name: String,
    /// Text.
    pub text: String,
}

impl DocumentText {
    /// A document.
    pub fn new(name: &str, text: &str) -> DocumentText {
        DocumentText {
            name: name.to_string(),
            text: text.to_string(),
        }
    }
}

/// Whether rule scripts load, and what they change.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RulesCheck {
    /// Whether every script compiled and applied.
    pub ok: bool,
    /// Number of scripts.
    pub files: usize,
    /// The changes they make (empty when a script does not load).
    pub changes: Vec<Change>,
    /// The custom checks they register (empty when a script does not load).
    pub checks: Vec<Check>,
    /// The problems, with file, line and column: errors (then `ok` is
    /// false), and warnings about quotes that could not be checked.
    pub diagnostics: Vec<Diagnostic>,
    /// Quotes found word for word in the documents given (0 when none were
    /// given: see [`crate::rules::sources`]).
    pub quotes_checked: usize,
}
