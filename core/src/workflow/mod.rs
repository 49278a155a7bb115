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
//! carries its time). Every entry is sealed to the one before it and to
//! the report it concerns ([`seal`]): a record edited outside the workflow
//! is refused, never applied.
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
//! let sent = apply(&v, &draft, &t, None).unwrap();
//! assert_eq!(sent.state, State::Submitted);
//! assert_eq!(sent.history.len(), 1);
//! // Accepting is the city office's action, not the unit's.
//! let t: Transition = serde_json::from_str(r#"{"action": "accept", "by": {"role": "unit", "name": "Nguyễn Văn A"}, "at": "2025-01-22"}"#).unwrap();
//! let err = apply(&v, &sent, &t, None).unwrap_err();
//! assert_eq!(err[0].code.as_str(), "workflow.role_not_allowed");
//! assert_eq!(draft.state, State::Draft); // inputs are never changed
//! ```

use crate::calendar::date::{check_date, parse_date};
use crate::diagnostic::{is_blank, Code, Diagnostic, Severity, Text};
use crate::kpi::AdminLevel;
use crate::obligations::Level;
use crate::rules::RuleSet;
use crate::validation::{obligation_level, Validator};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod rollup;
pub mod seal;

pub use rollup::{describe_late, rollup, LateUnit, Rollup};
pub use seal::{report_digest, verify, SealKey};

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

    /// The role in words, as messages name it.
    ///
    /// ```
    /// assert_eq!(dxplan::workflow::Role::CityOffice.name().vi, "phòng cấp thành phố");
    /// ```
    pub fn name(self) -> Text {
        match self {
            Role::Unit => Text::new("đơn vị báo cáo", "the reporting unit"),
            Role::CityOffice => Text::new("phòng cấp thành phố", "the city office"),
            Role::ProvinceDepartment => Text::new("sở cấp tỉnh", "the provincial department"),
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
    /// Host: seals, once, a record written before entries were sealed
    /// ([`seal_unsealed`]); the state does not change. Not a transition a
    /// person requests: [`apply`] refuses it.
    Seal,
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
    /// The digest of the report as it stood after this entry
    /// ([`report_digest`]); empty on entries sealed by a migration, whose
    /// content was not known.
    #[serde(default)]
    pub report: String,
    /// The role that reviews the report, fixed at the first submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<Role>,
    /// The last on-time day, fixed at the first submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    /// This entry's seal over its content, the report's digest and the
    /// previous seal (see [`seal`]); empty in a record written before seals.
    #[serde(default)]
    pub seal: String,
}

/// A report and its workflow state: what the caller stores between
/// transitions. `state`, `reviewer`, `submitted_on` and `deadline` repeat
/// what the sealed history says, for the caller to read; they are checked
/// against it, never trusted.
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
            // chrono reads second 60 as a leap second; Vietnam's clocks and
            // the portal's records have none.
            if t.and_utc().timestamp_subsec_nanos() >= 1_000_000_000 {
                return Err(Diagnostic::error(
                    Code::DateInvalid,
                    Text::new(
                        format!(
                            "Thời điểm '{}' có giây thứ 60: không có giây nhuận trong hồ sơ",
                            crate::excerpt(s)
                        ),
                        format!(
                            "time '{}' has a 60th second: records have no leap seconds",
                            crate::excerpt(s)
                        ),
                    ),
                ));
            }
            return Ok(t);
        }
    }
    parse_date(s).map(|d| d.and_time(NaiveTime::MIN))
}

/// The state an action leads to from `from`, if it may be taken there.
pub(crate) fn next_state(action: Action, from: State) -> Option<State> {
    use Action as A;
    use State as S;
    Some(match (action, from) {
        (A::Submit, S::Draft) => S::Submitted,
        (A::Return, S::Submitted | S::Resubmitted) => S::Returned,
        (A::Resubmit, S::Returned) => S::Resubmitted,
        (A::Accept, S::Submitted | S::Resubmitted) => S::Accepted,
        (A::Consolidate, S::Accepted) => S::Consolidated,
        _ => return None,
    })
}

/// The role that writes a report, by its unit's level.
pub(crate) fn author_role(report: &Value) -> Option<Role> {
    report
        .pointer("/unit/level")
        .and_then(Value::as_str)
        .and_then(|l| l.parse::<AdminLevel>().ok())
        .map(Role::of_admin)
}

/// What a report is a report of: unit (and its level, which says who wrote
/// it), plan, kind and period, fixed at the first submission.
const IDENTITY: [&str; 5] = ["/unit/id", "/unit/level", "/plan", "/kind", "/period"];

/// The role that reviews a report: the one fixed at its first submission,
/// else (a plan whose obligation gave no deadline) the city office.
pub(crate) fn reviewer_or_default(r: Option<Role>) -> Role {
    r.unwrap_or(Role::CityOffice)
}

/// Applies a transition to a record and returns the new record; the record
/// and the transition are only read. The record is verified first
/// ([`verify`], with `key` when the host seals with one): a record edited
/// outside the workflow is refused (`workflow.tampered`). On refusal, the
/// first diagnostic says why (`workflow.*`); for `workflow.report_invalid`
/// the report's errors follow.
pub fn apply<R: std::borrow::Borrow<RuleSet>>(
    validator: &Validator<R>,
    record: &ReportRecord,
    t: &Transition,
    key: Option<&SealKey>,
) -> Result<ReportRecord, Vec<Diagnostic>> {
    use Action as A;
    let derived = seal::derive(record, key).map_err(|d| vec![d])?;
    let at = parse_at(&t.at).map_err(|d| vec![d.at("/at")])?;
    if is_blank(&t.by.name) {
        return Err(refuse(
            Code::WorkflowActorRequired,
            "/by/name",
            "Thiếu họ tên người thực hiện: nhật ký phải ghi ai đã làm".into(),
            "the actor's name is missing: the history records who acted".into(),
        ));
    }
    let Some(to) = next_state(t.action, record.state) else {
        let allowed: Vec<Text> = allowed_from(record.state)
            .iter()
            .map(|a| action_name(*a))
            .collect();
        let list = |none: &str, en: bool| {
            if allowed.is_empty() {
                none.to_string()
            } else {
                let words: Vec<&str> = allowed
                    .iter()
                    .map(|t| if en { t.en.as_str() } else { t.vi.as_str() })
                    .collect();
                words.join(", ")
            }
        };
        return Err(vec![Diagnostic::error(
            Code::WorkflowTransitionInvalid,
            Text::new(
                format!(
                    "Không thể {} một báo cáo {}",
                    action_name(t.action).vi,
                    record.state.name().vi
                ),
                format!(
                    "cannot {} a report that is {}",
                    action_name(t.action).en,
                    record.state.name().en
                ),
            ),
        )
        .at("/action")
        .with_hint(Text::new(
            format!("Thao tác được phép: {}.", list("không có", false)),
            format!("Allowed actions: {}.", list("none", true)),
        ))]);
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
    let mut entry_reviewer = None;
    let mut entry_deadline = None;
    match t.action {
        A::Submit | A::Resubmit => {
            if let Some(r) = &t.report {
                if t.action == A::Resubmit {
                    identity_kept(&record.report, r)?;
                }
                next.report = r.clone();
            }
            let author = author_role(&next.report);
            if author.is_some_and(|a| a != t.by.role) {
                return Err(role_refused(t, author.unwrap_or(Role::Unit)));
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
            if t.action == A::Submit {
                let reviewer = result
                    .deadline
                    .as_ref()
                    .map(|d| Role::of_level(d.recipient.level));
                if reviewer.is_some() && reviewer == author {
                    return Err(refuse(
                        Code::WorkflowSelfReview,
                        "/report/unit/level",
                        format!(
                            "Báo cáo của {} lại do chính {} tiếp nhận: không ai tự duyệt báo cáo của mình",
                            t.by.role.name().vi,
                            t.by.role.name().vi
                        ),
                        format!(
                            "the report of {} would be reviewed by {} itself: nobody reviews their own report",
                            t.by.role.name().en,
                            t.by.role.name().en
                        ),
                    ));
                }
                entry_reviewer = reviewer;
                entry_deadline = result.deadline.map(|d| d.status.deadline);
                next.reviewer = entry_reviewer;
                next.deadline = entry_deadline;
                next.submitted_on = Some(at.date());
            }
        }
        A::Return | A::Accept | A::Consolidate => {
            let reviewer = reviewer_or_default(derived.reviewer);
            if t.by.role != reviewer {
                return Err(role_refused(t, reviewer));
            }
            if t.action == A::Return {
                if let Some(i) = t.reasons.iter().position(|r| is_blank(r)) {
                    return Err(refuse(
                        Code::WorkflowReasonRequired,
                        &format!("/reasons/{i}"),
                        format!(
                            "Lý do thứ {} để trống: mỗi lý do trả lại phải nói điều cần sửa",
                            i + 1
                        ),
                        format!(
                            "reason {} is blank: each reason for a return says what to fix",
                            i + 1
                        ),
                    ));
                }
                if t.reasons.is_empty() {
                    return Err(refuse(
                        Code::WorkflowReasonRequired,
                        "/reasons",
                        "Trả lại báo cáo phải nêu ít nhất một lý do".into(),
                        "returning a report needs at least one reason".into(),
                    ));
                }
            }
        }
        // next_state has no transition for Seal: never reached.
        A::Seal => {}
    }
    next.state = to;
    push_sealed(
        &mut next,
        AuditEntry {
            action: t.action,
            by: t.by.clone(),
            at,
            from: record.state,
            to,
            note: t.note.clone(),
            reasons: t.reasons.clone(),
            report: String::new(),
            reviewer: entry_reviewer,
            deadline: entry_deadline,
            seal: String::new(),
        },
        key,
    );
    Ok(next)
}

/// Seals `entry` to the report `record` now holds and to the last entry,
/// and appends it.
fn push_sealed(record: &mut ReportRecord, mut entry: AuditEntry, key: Option<&SealKey>) {
    entry.report = report_digest(&record.report);
    let previous = record.history.last().map_or("", |e| e.seal.as_str());
    entry.seal = seal::seal(&entry, previous, key);
    record.history.push(entry);
}

/// A resubmission corrects the report; it does not make it another report.
fn identity_kept(before: &Value, after: &Value) -> Result<(), Vec<Diagnostic>> {
    for p in IDENTITY {
        let (a, b) = (before.pointer(p), after.pointer(p));
        if a != b {
            let shown = |v: Option<&Value>| {
                crate::excerpt(&v.map_or("(không có)".to_string(), Value::to_string)).into_owned()
            };
            return Err(refuse(
                Code::WorkflowIdentityChanged,
                &format!("/report{p}"),
                format!(
                    "Gửi lại không được đổi '{}' của báo cáo ({} thành {}): đơn vị, kế hoạch, loại và kỳ cố định từ lần gửi đầu",
                    &p[1..],
                    shown(a),
                    shown(b)
                ),
                format!(
                    "a resubmission may not change the report's '{}' ({} to {}): unit, plan, kind and period are fixed at the first submission",
                    &p[1..],
                    shown(a),
                    shown(b)
                ),
            )
            .into_iter()
            .map(|d| {
                d.with_hint(Text::new(
                    "Tạo hồ sơ mới cho báo cáo khác.",
                    "Start a new record for another report.",
                ))
            })
            .collect());
        }
    }
    Ok(())
}

/// The first day records were written with seals: an entry dated from then
/// on that has none had its seal removed, and is not migrated.
pub const SEALS_SINCE: (i32, u32, u32) = (2026, 12, 3);

/// Seals, once, a record written before entries were sealed. Its entries
/// keep their action, actor, time, states, note and reasons; their reports'
/// contents were not kept, so they carry no report digest; the reviewer
/// and deadline of the first submission are worked out again from the
/// report by `validator` (never copied from the record); a final entry
/// `seal` by `by` at `at` records the migration, sealed to the report the
/// record holds now. Refused: a record with any seal, one with an entry
/// dated from [`SEALS_SINCE`] (its seals were removed), one that is not
/// consistent as it stands (states and times in order, fields matching its
/// history).
///
/// ```
/// use dxplan::workflow::{seal_unsealed, verify, Actor, ReportRecord, Role};
/// let v = dxplan::validation::Validator::new(dxplan::defaults::rules());
/// let old: ReportRecord = serde_json::from_value(serde_json::json!({
///     "report": {"kind": "plan_issue", "plan": "city-2025", "period": "2025",
///         "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
///         "document": {"number": "15/KH-UBND", "summary": "Kế hoạch chuyển đổi số năm 2025",
///                      "issued_on": "20/01/2025", "signer": "Nguyễn Văn A"}},
///     "state": "submitted", "reviewer": "city_office", "submitted_on": "2025-01-21",
///     "deadline": "2025-01-23",
///     "history": [{"action": "submit", "by": {"role": "unit", "name": "Nguyễn Văn A"},
///                  "at": "2025-01-21T09:00:00", "from": "draft", "to": "submitted"}]})).unwrap();
/// assert_eq!(verify(&old, None).unwrap_err()[0].code.as_str(), "workflow.unsealed");
/// let admin = Actor { role: Role::CityOffice, name: "Quản trị hệ thống".into() };
/// let sealed = seal_unsealed(&v, &old, &admin, "2026-12-03T09:00", None).unwrap();
/// assert!(verify(&sealed, None).is_ok());
/// assert_eq!(sealed.history.last().unwrap().action, dxplan::workflow::Action::Seal);
/// ```
pub fn seal_unsealed<R: std::borrow::Borrow<RuleSet>>(
    validator: &Validator<R>,
    record: &ReportRecord,
    by: &Actor,
    at: &str,
    key: Option<&SealKey>,
) -> Result<ReportRecord, Vec<Diagnostic>> {
    let at = parse_at(at).map_err(|d| vec![d.at("/at")])?;
    if is_blank(&by.name) {
        return Err(refuse(
            Code::WorkflowActorRequired,
            "/by/name",
            "Thiếu họ tên người niêm phong".into(),
            "the name of who seals is missing".into(),
        ));
    }
    if record.history.is_empty() || record.history.iter().any(|e| !e.seal.is_empty()) {
        return Err(refuse(
            Code::WorkflowTransitionInvalid,
            "/history",
            "Chỉ niêm phong hồ sơ cũ chưa có dấu niêm phong nào".into(),
            "only an old record without any seal is sealed".into(),
        ));
    }
    let (y, m, d) = SEALS_SINCE;
    let since = NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    if let Some(i) = record.history.iter().position(|e| e.at.date() >= since) {
        return Err(vec![Diagnostic::error(
            Code::WorkflowTampered,
            Text::new(
                format!(
                    "Hồ sơ đã bị sửa ngoài quy trình: mục {} ghi ngày {}, khi hồ sơ đã được niêm phong — dấu niêm phong đã bị xoá, không niêm phong lại",
                    i + 1,
                    crate::calendar::date::format_date(record.history[i].at.date())
                ),
                format!(
                    "the record was edited outside the workflow: entry {} is dated {}, when records were sealed — its seals were removed; it is not sealed again",
                    i + 1,
                    crate::calendar::date::format_date(record.history[i].at.date())
                ),
            ),
        )
        .at(format!("/history/{i}/seal"))]);
    }
    let mut next = record.clone();
    let mut previous = String::new();
    for e in &mut next.history {
        e.report = String::new();
        e.reviewer = None;
        e.deadline = None;
        if e.action == Action::Submit {
            let result = validator.validate(&record.report, e.at.date());
            e.reviewer = result
                .deadline
                .as_ref()
                .map(|d| Role::of_level(d.recipient.level));
            e.deadline = result.deadline.map(|d| d.status.deadline);
        }
        e.seal = seal::seal(e, &previous, key);
        previous = e.seal.clone();
    }
    if next.history.last().is_some_and(|e| at < e.at) {
        return Err(refuse(
            Code::WorkflowTimeOrder,
            "/at",
            format!("Thời điểm niêm phong {at} trước mục cuối của nhật ký"),
            format!("the sealing time {at} is before the history's last entry"),
        ));
    }
    push_sealed(
        &mut next,
        AuditEntry {
            action: Action::Seal,
            by: by.clone(),
            at,
            from: record.state,
            to: record.state,
            note: Some("Niêm phong hồ sơ ghi trước khi có niêm phong (chuyển đổi một lần) / sealed a record written before seals (one-time migration)".into()),
            reasons: Vec::new(),
            report: String::new(),
            reviewer: None,
            deadline: None,
            seal: String::new(),
        },
        key,
    );
    seal::derive(&next, key).map_err(|d| vec![d])?;
    Ok(next)
}

/// An action in words (the verb), as messages name it.
fn action_name(a: Action) -> Text {
    match a {
        Action::Submit => Text::new("gửi", "submit"),
        Action::Return => Text::new("trả lại", "return"),
        Action::Resubmit => Text::new("gửi lại", "resubmit"),
        Action::Accept => Text::new("tiếp nhận", "accept"),
        Action::Consolidate => Text::new("tổng hợp", "consolidate"),
        Action::Seal => Text::new("niêm phong", "seal"),
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

fn role_refused(t: &Transition, expected: Role) -> Vec<Diagnostic> {
    refuse(
        Code::WorkflowRoleNotAllowed,
        "/by/role",
        format!(
            "Vai trò {} không được {} báo cáo này; việc này là của {}",
            t.by.role.name().vi,
            action_name(t.action).vi,
            expected.name().vi
        ),
        format!(
            "{} may not {} this report; that is for {}",
            t.by.role.name().en,
            action_name(t.action).en,
            expected.name().en
        ),
    )
}
