//! One obligation of a year, with every date derived from its deadline.

use super::*;
use crate::diagnostic::lower_first;
use crate::diagnostic::Severity;

/// The dates of a deadline under each day-off rule.
///
/// ```
/// let d = dxplan::obligations::DatesByRule { keep: chrono::NaiveDate::MIN, roll_forward: chrono::NaiveDate::MIN, pull_back: chrono::NaiveDate::MIN };
/// assert_eq!(d.get(dxplan::NonWorkingDayRule::Keep), chrono::NaiveDate::MIN);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DatesByRule {
    /// The last on-time day as named.
    pub keep: NaiveDate,
    /// Moved to the next working day if it is a day off.
    pub roll_forward: NaiveDate,
    /// Moved to the previous working day if it is a day off.
    pub pull_back: NaiveDate,
}

impl DatesByRule {
    /// The date under one rule.
    pub fn get(&self, rule: NonWorkingDayRule) -> NaiveDate {
        match rule {
            NonWorkingDayRule::Keep => self.keep,
            NonWorkingDayRule::RollForward => self.roll_forward,
            NonWorkingDayRule::PullBack => self.pull_back,
        }
    }
}

/// One report (or other act) due from one level for one period, with every
/// derived date.
///
/// ```
/// let cal = dxplan::defaults::rules().calendar.clone();
/// let all = dxplan::defaults::rules().plans.clone().obligations(&cal, 2025).unwrap();
/// let o = all.iter().find(|o| o.id == "city-2025/unit/plan_issue/2025").unwrap();
/// assert_eq!(o.due_before.to_string(), "2025-01-24");
/// assert_eq!(o.last_on_time_day.to_string(), "2025-01-23");
/// assert!(o.last_day_is_working_day);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Obligation {
    /// Stable id: `plan/level/kind/period`.
    pub id: String,
    /// Plan id.
    pub plan: String,
    /// What is due.
    pub kind: ObligationKind,
    /// The period reported on.
    pub period: Period,
    /// The Decree 09 data window, for reports on data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_window: Option<DataWindow>,
    /// Who reports.
    pub level: Level,
    /// Who receives it, as in force on the deadline.
    pub recipient: Recipient,
    /// The words of the document.
    pub rule_text: String,
    /// Document file, section and line.
    pub source: String,
    /// The policy applied.
    pub policy: DeadlinePolicy,
    /// The date named in "trước ngày X".
    pub due_before: NaiveDate,
    /// The last on-time day under the policy's boundary, before any day-off rule.
    pub last_on_time_day: NaiveDate,
    /// Whether `last_on_time_day` is a working day.
    pub last_day_is_working_day: bool,
    /// Why `last_on_time_day` is a day off, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_day_off_reason: Option<Text>,
    /// The last on-time day under each day-off rule.
    pub by_rule: DatesByRule,
    /// The effective last on-time day under the policy.
    pub deadline: NaiveDate,
    /// The deadline rests on days off that no government notice has fixed
    /// yet (the year has none declared): "dự kiến" until one is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
    /// Working days from the end of the data window to the deadline (Decree 09 art. 8(5)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_gap_working_days: Option<i64>,
    /// The report that also serves as this one, under the `supersede` overlap rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
    /// The successions that routed the report to `recipient` (the body the
    /// plan names ended and another took over), with their sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_via: Vec<String>,
    /// The recipient had ended by the deadline and no successor is declared:
    /// nobody can receive the report as the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_ended: Option<crate::bodies::Ended>,
    /// The reporting level itself had ended by the deadline (the district
    /// level, 1/7/2025): the reporter no longer exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter_ended: Option<crate::bodies::Ended>,
    /// The obligation in words for people, next to its ids: what is due,
    /// the plan, the level and the source as an official cites them.
    pub names: ObligationNames,
}

/// How people read an obligation's ids (`2025-Q3`, `city-2025`, a seed
/// file name): the texts a page or a calendar shows.
///
/// ```
/// let e = dxplan::Engine::with_defaults();
/// let cal = e.calendar(2025, &Default::default()).unwrap();
/// let o = cal.obligations.iter().find(|o| o.id == "city-2025/unit/quarterly/2025-Q3").unwrap();
/// assert_eq!(o.names.report.vi, "Báo cáo quý III/2025");
/// assert_eq!(o.names.plan.vi, "Kế hoạch Chuyển đổi số thành phố Kon Tum năm 2025");
/// assert_eq!(o.names.source.vi, "Kế hoạch Chuyển đổi số thành phố Kon Tum năm 2025, §VII.1, dòng 903–906");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ObligationNames {
    /// What is due for the period ("Báo cáo quý III/2025").
    pub report: Text,
    /// The plan's title.
    pub plan: Text,
    /// Who reports ("Đơn vị").
    pub level: Text,
    /// The source with the document's title instead of its file name.
    pub source: Text,
}

impl ObligationNames {
    fn of(plan: &Plan, kind: ObligationKind, period: &Period, level: Level, source: &str) -> Self {
        use crate::obligations::seeds::cite;
        ObligationNames {
            report: kind.title(period),
            plan: plan.name.clone(),
            level: level.name(),
            source: Text::new(cite(source, crate::Lang::Vi), cite(source, crate::Lang::En)),
        }
    }
}

impl Obligation {
    /// The obligation as an official names it: "Báo cáo quý III/2025 của
    /// đơn vị" (the stable id is [`Obligation::id`]).
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let cal = e.calendar(2025, &Default::default()).unwrap();
    /// let o = cal.obligations.iter().find(|o| o.id == "city-2025/unit/quarterly/2025-Q3").unwrap();
    /// assert_eq!(o.title().vi, "Báo cáo quý III/2025 của đơn vị");
    /// ```
    pub fn title(&self) -> Text {
        let (t, l) = (&self.names.report, &self.names.level);
        Text::new(
            format!("{} của {}", t.vi, lower_first(&l.vi)),
            format!("{} from the {}", t.en, lower_first(&l.en)),
        )
    }

    /// What a reader must know when the recipient or the reporter of this
    /// obligation no longer exists on its deadline (`recipient.dissolved`,
    /// `reporter.dissolved`), with the day it ended and how a rule script
    /// declares who takes over.
    pub fn ended_findings(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if let Some(e) = &self.recipient_ended {
            out.push(
                Diagnostic::new(
                    Severity::Warning,
                    Code::RecipientDissolved,
                    Text::new(
                        format!(
                            "{}: nơi nhận '{}' không còn từ {} (trước hạn {}) và chưa có cơ quan kế thừa",
                            self.title().vi,
                            self.recipient.name.vi,
                            format_date(e.since),
                            format_date(self.deadline)
                        ),
                        format!(
                            "{}: the recipient '{}' no longer exists from {} (before the deadline {}) and no successor is declared",
                            self.title().en,
                            self.recipient.name.en,
                            format_date(e.since),
                            format_date(self.deadline)
                        ),
                    ),
                )
                .with_source(e.source.clone())
                .with_hint(Text::new(
                    format!(
                        "Báo cáo vẫn gửi được. Khi có văn bản giao cơ quan nhận thay, cán bộ quản lý quy tắc khai báo cơ quan kế thừa trong tệp quy tắc của năm: `ket_thuc(#{{ ma: \"{}\", ten: \"...\", tu_ngay: \"{}\", ke_thua: #{{ ma, ten, ten_en }} }}, nguon)` hoặc `noi_nhan(\"{}\", \"{}\", \"{}\", ...)`.",
                        self.recipient.id,
                        e.since,
                        self.plan,
                        self.recipient.level.as_str(),
                        e.since
                    ),
                    format!(
                        "The report can still be sent. When a document names who receives instead, the rules' staff declare the successor in the year's rule file: `ket_thuc(#{{ ma: \"{}\", ten: \"...\", tu_ngay: \"{}\", ke_thua: #{{ ma, ten, ten_en }} }}, nguon)` or `noi_nhan(\"{}\", \"{}\", \"{}\", ...)`.",
                        self.recipient.id,
                        e.since,
                        self.plan,
                        self.recipient.level.as_str(),
                        e.since
                    ),
                )),
            );
        }
        if let Some(e) = &self.reporter_ended {
            out.push(
                Diagnostic::new(
                    Severity::Warning,
                    Code::ReporterDissolved,
                    Text::new(
                        format!(
                            "{}: cấp báo cáo '{}' không còn từ {} (trước hạn {})",
                            self.title().vi,
                            self.level.name().vi,
                            format_date(e.since),
                            format_date(self.deadline)
                        ),
                        format!(
                            "{}: the reporting level '{}' no longer exists from {} (before the deadline {})",
                            self.title().en,
                            self.level.name().en,
                            format_date(e.since),
                            format_date(self.deadline)
                        ),
                    ),
                )
                .with_source(e.source.clone()),
            );
        }
        out
    }

    /// The same obligation from another source (a deadline set by a rule
    /// script), its cited source following.
    pub(super) fn with_source(mut self, source: String) -> Self {
        use crate::obligations::seeds::cite;
        self.names.source = Text::new(
            cite(&source, crate::Lang::Vi),
            cite(&source, crate::Lang::En),
        );
        self.source = source;
        self
    }

    /// Derives an obligation's dates from its rule.
    pub(super) fn derive(
        cal: &Calendar,
        plan: &Plan,
        rule: &DeadlineRule,
        period: Period,
        due_before: NaiveDate,
    ) -> Result<Obligation> {
        let plan_policy = plan
            .policy_changes
            .iter()
            .filter(|c| c.from_year <= due_before.year())
            .max_by_key(|c| c.from_year)
            .map_or(plan.policy, |c| c.policy);
        let policy = rule.policy.unwrap_or(plan_policy);
        let last = match policy.boundary {
            policy::Boundary::Exclusive => due_before - Duration::days(1),
            policy::Boundary::Inclusive => due_before,
        };
        let working = cal.is_working_day(last)?;
        let by_rule = DatesByRule {
            keep: last,
            roll_forward: cal.working_day_on_or_after(last)?,
            pull_back: cal.working_day_on_or_before(last)?,
        };
        let deadline = by_rule.get(policy.non_working_day);
        let recipient = rule.recipient_at(deadline).cloned().ok_or_else(|| {
            Diagnostic::error(
                Code::ObligationNotFound,
                Text::new(
                    format!("Chưa có nơi nhận cho ngày {}", format_date(deadline)),
                    format!("no recipient in force on {}", format_date(deadline)),
                ),
            )
        })?;
        let data_window = rule.kind.reports_data().then(|| period.data_window());
        let data_gap_working_days = match data_window {
            Some(w) => Some(cal.working_days_between(w.end, deadline)?),
            None => None,
        };
        Ok(Obligation {
            id: format!(
                "{}/{}/{}/{}",
                plan.id,
                rule.level.as_str(),
                rule.kind.as_str(),
                period.id()
            ),
            plan: plan.id.clone(),
            kind: rule.kind,
            period,
            data_window,
            level: rule.level,
            recipient,
            rule_text: rule.rule_text.clone(),
            source: rule.source.clone(),
            policy,
            due_before,
            last_on_time_day: last,
            last_day_is_working_day: working,
            last_day_off_reason: cal.day_off_reason(last)?,
            by_rule,
            deadline,
            provisional: cal.is_provisional(last)? || cal.is_provisional(deadline)?,
            data_gap_working_days,
            superseded_by: None,
            recipient_via: Vec::new(),
            recipient_ended: None,
            reporter_ended: None,
            names: ObligationNames::of(plan, rule.kind, &period, rule.level, &rule.source),
        })
    }
}
