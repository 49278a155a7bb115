//! The reporting workflow: a report's lifecycle, its audit trail, and the
//! consolidation of accepted reports into the next level's report.
//!
//! ```text
//!  draft ──submit──▶ submitted ──accept──▶ accepted ──consolidate──▶ consolidated
//!                       │  ▲                   ▲
//!                  return  └──resubmit── returned
//!                       ▼                     │
//!                    returned ──resubmit──▶ resubmitted ──accept──┘ (or return again)
//! ```
//!
//! The author (the reporting unit, or a city office for the city's report)
//! submits and resubmits; the recipient named by the plan (the city office,
//! or the provincial department) returns, accepts and consolidates. A report
//! with errors cannot be submitted. Every transition adds an [`AuditEntry`]
//! (who, when, from, to, note, reasons) to the [`ReportRecord`] the caller
//! stores; the engine keeps no state and reads no clock (the transition
//! carries its time).
//!
//! ```
//! use dxplan::validation::Validator;
//! use dxplan::workflow::{apply, ReportRecord, State, Transition};
//! let v = Validator::new(dxplan::defaults::rules());
//! let report = serde_json::json!({
//!     "kind": "plan_issue", "plan": "city-2025", "period": "2025",
//!     "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
//!     "document": {"number": "15/KH-UBND", "summary": "Kế hoạch chuyển đổi số năm 2025",
//!                  "issued_on": "20/01/2025", "signer": "Nguyễn Văn A"}});
//! let draft = ReportRecord::new(report);
//! let t: Transition = serde_json::from_str(r#"{"action": "submit", "by": {"role": "unit", "name": "Nguyễn Văn A"}, "at": "2025-01-21T09:00"}"#).unwrap();
//! let sent = apply(&v, &draft, &t).unwrap();
//! assert_eq!(sent.state, State::Submitted);
//! assert_eq!(sent.history.len(), 1);
//! // Accepting is the city office's action, not the unit's.
//! let t: Transition = serde_json::from_str(r#"{"action": "accept", "by": {"role": "unit", "name": "Nguyễn Văn A"}, "at": "2025-01-22"}"#).unwrap();
//! let err = apply(&v, &sent, &t).unwrap_err();
//! assert_eq!(err[0].code.as_str(), "workflow.role_not_allowed");
//! assert_eq!(draft.state, State::Draft); // inputs are never changed
//! ```

use crate::calendar::date::{check_date, format_date, parse_date};
use crate::calendar::period::Period;
use crate::diagnostic::{Code, Diagnostic, Severity, Text};
use crate::kpi::{consolidate, AdminLevel, Consolidation, ConsolidationInput, UnitInput};
use crate::obligations::Level;
use crate::rules::RuleSet;
use crate::validation::{obligation_level, raw_values, Validator};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where a report is in its lifecycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Being written by its author.
    Draft,
    /// Sent to the recipient.
    Submitted,
    /// Sent back to the author with reasons.
    Returned,
    /// Sent again after a return.
    Resubmitted,
    /// Accepted by the recipient.
    Accepted,
    /// Rolled up into the recipient's own report.
    Consolidated,
}

impl State {
    /// Name, Vietnamese and English.
    pub fn name(self) -> Text {
        match self {
            State::Draft => Text::new("bản nháp", "draft"),
            State::Submitted => Text::new("đã gửi", "submitted"),
            State::Returned => Text::new("bị trả lại", "returned"),
            State::Resubmitted => Text::new("đã gửi lại", "resubmitted"),
            State::Accepted => Text::new("đã tiếp nhận", "accepted"),
            State::Consolidated => Text::new("đã tổng hợp", "consolidated"),
        }
    }
}

/// Who acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A reporting unit (agency, commune, ward).
    Unit,
    /// The city's culture and information office (000 §VII.1–2).
    CityOffice,
    /// The provincial department (Sở TT&TT, from 1/3/2025 Sở KH&CN).
    ProvinceDepartment,
}

impl Role {
    fn of_level(l: Level) -> Role {
        match l {
            Level::Unit => Role::Unit,
            Level::CityOffice => Role::CityOffice,
            Level::ProvinceDepartment | Level::Province => Role::ProvinceDepartment,
        }
    }

    /// The role that writes the reports of a unit of this level.
    fn of_admin(l: AdminLevel) -> Role {
        Role::of_level(obligation_level(l))
    }

    fn as_str(self) -> &'static str {
        match self {
            Role::Unit => "unit",
            Role::CityOffice => "city_office",
            Role::ProvinceDepartment => "province_department",
        }
    }
}

/// A person acting in a role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The role.
    pub role: Role,
    /// Name (and position), as the caller knows them.
    pub name: String,
}

/// What an actor does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Author: draft → submitted.
    Submit,
    /// Recipient: submitted / resubmitted → returned (with reasons).
    Return,
    /// Author: returned → resubmitted.
    Resubmit,
    /// Recipient: submitted / resubmitted → accepted.
    Accept,
    /// Recipient: accepted → consolidated.
    Consolidate,
}

/// A requested transition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The action.
    pub action: Action,
    /// Who takes it.
    pub by: Actor,
    /// When: `yyyy-mm-dd`, `dd/mm/yyyy`, or `yyyy-mm-ddThh:mm[:ss]`.
    pub at: String,
    /// A note for the audit trail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Reasons for a return (at least one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// The corrected report, on submit or resubmit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Value>,
}

/// One transition as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditEntry {
    /// The action.
    pub action: Action,
    /// Who took it.
    pub by: Actor,
    /// When.
    pub at: NaiveDateTime,
    /// State before.
    pub from: State,
    /// State after.
    pub to: State,
    /// The note, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Reasons of a return.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

/// A report and its workflow state: what the caller stores between
/// transitions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReportRecord {
    /// The report (see [`crate::forms`]).
    pub report: Value,
    /// Its state.
    pub state: State,
    /// The role that reviews it (the recipient's), set on first submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<Role>,
    /// Day of the first submission (for on time / late).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<NaiveDate>,
    /// The last on-time day of the report's deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// Every transition, oldest first.
    #[serde(default)]
    pub history: Vec<AuditEntry>,
}

impl ReportRecord {
    /// A new draft.
    pub fn new(report: Value) -> ReportRecord {
        ReportRecord {
            report,
            state: State::Draft,
            reviewer: None,
            submitted_on: None,
            deadline: None,
            history: Vec::new(),
        }
    }

    /// The unit id of the report.
    pub fn unit(&self) -> Option<&str> {
        self.report.pointer("/unit/id").and_then(Value::as_str)
    }

    /// Whether it was submitted after its deadline.
    pub fn late(&self) -> bool {
        matches!((self.submitted_on, self.deadline), (Some(s), Some(d)) if s > d)
    }
}

fn refuse(code: Code, path: &str, vi: String, en: String) -> Vec<Diagnostic> {
    vec![Diagnostic::error(code, Text::new(vi, en)).at(path)]
}

/// Reads a transition time.
fn parse_at(s: &str) -> Result<NaiveDateTime, Diagnostic> {
    let s = s.trim();
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%d/%m/%Y %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            check_date(t.date())?;
            return Ok(t);
        }
    }
    parse_date(s).map(|d| d.and_time(NaiveTime::MIN))
}

/// Applies a transition to a record and returns the new record; the record
/// and the transition are only read. On refusal, the first diagnostic says
/// why (`workflow.*`); for `workflow.report_invalid` the report's errors
/// follow.
pub fn apply<R: std::borrow::Borrow<RuleSet>>(
    validator: &Validator<R>,
    record: &ReportRecord,
    t: &Transition,
) -> Result<ReportRecord, Vec<Diagnostic>> {
    use Action as A;
    use State as S;
    let at = parse_at(&t.at).map_err(|d| vec![d.at("/at")])?;
    let to = match (t.action, record.state) {
        (A::Submit, S::Draft) => S::Submitted,
        (A::Return, S::Submitted | S::Resubmitted) => S::Returned,
        (A::Resubmit, S::Returned) => S::Resubmitted,
        (A::Accept, S::Submitted | S::Resubmitted) => S::Accepted,
        (A::Consolidate, S::Accepted) => S::Consolidated,
        (action, from) => {
            let allowed: Vec<&str> = allowed_from(from).iter().map(|a| action_name(*a)).collect();
            return Err(vec![Diagnostic::error(
                Code::WorkflowTransitionInvalid,
                Text::new(
                    format!(
                        "Không thể '{}' một báo cáo {}",
                        action_name(action),
                        from.name().vi
                    ),
                    format!(
                        "cannot '{}' a report that is {}",
                        action_name(action),
                        from.name().en
                    ),
                ),
            )
            .at("/action")
            .with_hint(Text::new(
                format!(
                    "Thao tác được phép: {}.",
                    if allowed.is_empty() {
                        "không có".to_string()
                    } else {
                        allowed.join(", ")
                    }
                ),
                format!(
                    "Allowed actions: {}.",
                    if allowed.is_empty() {
                        "none".to_string()
                    } else {
                        allowed.join(", ")
                    }
                ),
            ))]);
        }
    };
    if let Some(last) = record.history.last() {
        if at < last.at {
            return Err(refuse(
                Code::WorkflowTimeOrder,
                "/at",
                format!("Thời điểm {} trước thao tác trước đó ({})", at, last.at),
                format!("time {} is before the previous action ({})", at, last.at),
            ));
        }
    }
    let mut next = record.clone();
    match t.action {
        A::Submit | A::Resubmit => {
            if let Some(r) = &t.report {
                next.report = r.clone();
            }
            let author = next
                .report
                .pointer("/unit/level")
                .and_then(Value::as_str)
                .and_then(|l| l.parse::<AdminLevel>().ok())
                .map(Role::of_admin);
            if author.is_some_and(|a| a != t.by.role) {
                return Err(role_refused(t, author.map_or("unit", Role::as_str)));
            }
            let result = validator.validate(&next.report, at.date());
            if !result.valid {
                let mut out = vec![Diagnostic::error(
                    Code::WorkflowReportInvalid,
                    Text::new(
                        format!("Báo cáo còn {} lỗi, chưa gửi được", result.counts.errors),
                        format!(
                            "the report has {} errors and cannot be sent",
                            result.counts.errors
                        ),
                    ),
                )
                .at("/report")];
                out.extend(
                    result
                        .diagnostics
                        .into_iter()
                        .filter(|d| d.severity == Severity::Error),
                );
                return Err(out);
            }
            if let Some(d) = result.deadline {
                next.reviewer = Some(Role::of_level(d.recipient.level));
                if next.submitted_on.is_none() {
                    next.deadline = Some(d.status.deadline);
                }
            }
            if next.submitted_on.is_none() {
                next.submitted_on = Some(at.date());
            }
        }
        A::Return | A::Accept | A::Consolidate => {
            let reviewer = record.reviewer.unwrap_or(Role::CityOffice);
            if t.by.role != reviewer {
                return Err(role_refused(t, reviewer.as_str()));
            }
            if t.action == A::Return && t.reasons.iter().all(|r| r.trim().is_empty()) {
                return Err(refuse(
                    Code::WorkflowReasonRequired,
                    "/reasons",
                    "Trả lại báo cáo phải nêu ít nhất một lý do".into(),
                    "returning a report needs at least one reason".into(),
                ));
            }
        }
    }
    next.state = to;
    next.history.push(AuditEntry {
        action: t.action,
        by: t.by.clone(),
        at,
        from: record.state,
        to,
        note: t.note.clone(),
        reasons: t.reasons.clone(),
    });
    Ok(next)
}

fn action_name(a: Action) -> &'static str {
    match a {
        Action::Submit => "submit",
        Action::Return => "return",
        Action::Resubmit => "resubmit",
        Action::Accept => "accept",
        Action::Consolidate => "consolidate",
    }
}

/// The actions allowed from a state.
pub fn allowed_from(s: State) -> &'static [Action] {
    match s {
        State::Draft => &[Action::Submit],
        State::Submitted | State::Resubmitted => &[Action::Return, Action::Accept],
        State::Returned => &[Action::Resubmit],
        State::Accepted => &[Action::Consolidate],
        State::Consolidated => &[],
    }
}

fn role_refused(t: &Transition, expected: &str) -> Vec<Diagnostic> {
    refuse(
        Code::WorkflowRoleNotAllowed,
        "/by/role",
        format!(
            "Vai trò '{}' không được '{}' báo cáo này; cần vai trò '{expected}'",
            t.by.role.as_str(),
            action_name(t.action)
        ),
        format!(
            "role '{}' may not '{}' this report; it takes role '{expected}'",
            t.by.role.as_str(),
            action_name(t.action)
        ),
    )
}

/// A unit that submitted after its deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LateUnit {
    /// Unit id.
    pub unit: String,
    /// Day of first submission.
    pub submitted_on: NaiveDate,
    /// Last on-time day.
    pub deadline: NaiveDate,
    /// Calendar days late.
    pub days_late: i64,
}

/// The roll-up of accepted reports into the next level's report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rollup {
    /// The KPI consolidation of the accepted reports (sums of numerators and
    /// denominators, see [`crate::kpi::consolidate`]).
    pub kpi: Consolidation,
    /// Expected units without an accepted report.
    pub missing: Vec<String>,
    /// Reports received but not (yet) accepted, with their state.
    pub not_accepted: Vec<(String, State)>,
    /// Accepted reports that were submitted late.
    pub late: Vec<LateUnit>,
    /// Problems with the records (another period, a duplicate unit).
    pub diagnostics: Vec<Diagnostic>,
}

/// Consolidates the accepted (or already consolidated) reports of `records`
/// for `period` into a report of `level`, evaluated against `plan`, listing
/// the expected units that are missing and the late ones.
///
/// ```
/// use dxplan::workflow::{rollup, ReportRecord, State};
/// let rules = dxplan::defaults::rules();
/// let report = |unit: &str, online: i64, total: i64| serde_json::json!({
///     "kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
///     "unit": {"id": unit, "name": unit, "level": "commune"},
///     "values": {"dossiers_full_online": online, "dossiers_total": total}});
/// let mut a = ReportRecord::new(report("a", 1, 10));
/// a.state = State::Accepted;
/// let mut b = ReportRecord::new(report("b", 99, 100));
/// b.state = State::Accepted;
/// let c = ReportRecord::new(report("c", 5, 5)); // still a draft
/// let r = rollup(rules, &[a, b, c], &["a".into(), "b".into(), "c".into(), "d".into()],
///     dxplan::kpi::AdminLevel::City, &"2025-Q3".parse().unwrap(), "city-2025");
/// let rate = r.kpi.results.iter().find(|x| x.id() == "full_online_dossiers_rate").unwrap();
/// assert_eq!(rate.value.unwrap().to_decimal(2), "90.91"); // (1 + 99) / (10 + 100)
/// assert_eq!(r.missing, ["c", "d"]);
/// assert_eq!(r.not_accepted, [("c".to_string(), State::Draft)]);
/// ```
pub fn rollup(
    rules: &RuleSet,
    records: &[ReportRecord],
    expected_units: &[String],
    level: AdminLevel,
    period: &Period,
    plan: &str,
) -> Rollup {
    let mut units = Vec::new();
    let mut not_accepted = Vec::new();
    let mut late = Vec::new();
    let mut diagnostics = Vec::new();
    for (i, rec) in records.iter().enumerate() {
        let path = format!("/{i}");
        let unit = rec.unit().unwrap_or_default().to_string();
        let rp = rec
            .report
            .pointer("/period")
            .and_then(Value::as_str)
            .and_then(|p| p.parse::<Period>().ok());
        if rp.as_ref() != Some(period) {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    Code::KpiPeriodMismatch,
                    Text::new(
                        format!("Báo cáo của '{unit}' không thuộc kỳ {period}; bỏ qua"),
                        format!("the report of '{unit}' is not for {period}; left out"),
                    ),
                )
                .at(format!("{path}/report/period")),
            );
            continue;
        }
        if !matches!(rec.state, State::Accepted | State::Consolidated) {
            not_accepted.push((unit, rec.state));
            continue;
        }
        if let (Some(s), Some(d)) = (rec.submitted_on, rec.deadline) {
            if s > d {
                late.push(LateUnit {
                    unit: unit.clone(),
                    submitted_on: s,
                    deadline: d,
                    days_late: (s - d).num_days(),
                });
            }
        }
        let level = rec
            .report
            .pointer("/unit/level")
            .and_then(Value::as_str)
            .and_then(|l| l.parse().ok())
            .unwrap_or(AdminLevel::Unit);
        let values = match rec.report.get("values") {
            Some(Value::Object(m)) => raw_values(m),
            _ => Default::default(),
        };
        units.push(UnitInput {
            unit,
            level,
            period: *period,
            values,
        });
    }
    let input = ConsolidationInput {
        unit: None,
        level,
        period: *period,
        expected_units: expected_units.to_vec(),
        units,
    };
    let kpi = consolidate(&rules.catalog, &input, &[plan], None);
    diagnostics.extend(kpi.diagnostics.iter().cloned());
    Rollup {
        missing: kpi.units_missing.clone(),
        kpi,
        not_accepted,
        late,
        diagnostics,
    }
}

/// A short text of a late unit, for people.
pub fn describe_late(l: &LateUnit) -> Text {
    Text::new(
        format!(
            "{}: gửi {}, trễ {} ngày so với {}",
            l.unit,
            format_date(l.submitted_on),
            l.days_late,
            format_date(l.deadline)
        ),
        format!(
            "{}: sent {}, {} days after {}",
            l.unit,
            format_date(l.submitted_on),
            l.days_late,
            format_date(l.deadline)
        ),
    )
}
