//! A plan's deadline rules and its reporting calendar for a year: the
//! obligations each rule yields, and the set of plans.

use super::*;
use crate::diagnostic::lower_first;

/// When a rule falls due.
///
/// ```
/// use dxplan::{PeriodKind, Schedule};
/// let s = Schedule::Recurring { period_kind: PeriodKind::Quarter, day_of_last_month: 20 };
/// assert!(matches!(s, Schedule::Recurring { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Schedule {
    /// Every period of a kind, due before day `day_of_last_month` of the
    /// period's last month ("trước ngày 20 tháng cuối của quý").
    Recurring {
        /// The kind of period (quarter, half-year, year, month).
        period_kind: PeriodKind,
        /// Day of the period's last month named in the text.
        day_of_last_month: u32,
    },
    /// One period, due before a fixed date.
    Once {
        /// The period reported on.
        period: Period,
        /// The date named in "trước ngày X".
        due_before: NaiveDate,
    },
}

/// One deadline of a plan, as the document states it.
///
/// ```
/// let plans = dxplan::defaults::rules().plans.clone();
/// let plan = plans.get("city-2025").unwrap();
/// assert!(plan.rules.iter().all(|r| r.source.starts_with("000_")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlineRule {
    /// What is due.
    pub kind: ObligationKind,
    /// Who reports.
    pub level: Level,
    /// To whom, effective-dated.
    pub recipients: Vec<RecipientChange>,
    /// When.
    pub schedule: Schedule,
    /// The words of the document.
    pub rule_text: String,
    /// Document file, section and line.
    pub source: String,
    /// A policy for this rule alone, overriding the plan's.
    pub policy: Option<DeadlinePolicy>,
}

impl DeadlineRule {
    /// The recipient in force on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let plans = dxplan::defaults::rules().plans.clone();
    /// let rule = &plans.get("dti-2022").unwrap().rules[0];
    /// let before = rule.recipient_at(NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()).unwrap();
    /// let after = rule.recipient_at(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()).unwrap();
    /// assert_eq!((before.id.as_str(), after.id.as_str()), ("so-tttt", "so-khcn"));
    /// ```
    pub fn recipient_at(&self, date: NaiveDate) -> Option<&Recipient> {
        self.recipients
            .iter()
            .filter(|c| c.from.is_none_or(|f| f <= date))
            .max_by_key(|c| c.from)
            .map(|c| &c.recipient)
    }
}

/// The inspection window of an inspection plan, with its notice and summary rules.
///
/// ```
/// let plans = dxplan::defaults::rules().plans.clone();
/// let w = plans.get("inspection-2024").unwrap().inspection.as_ref().unwrap();
/// assert_eq!(w.window.id(), "2024-10-01..2024-10-31");
/// assert_eq!((w.notice_working_days, w.summary_days), (5, 5));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InspectionWindow {
    /// When inspections take place.
    pub window: Period,
    /// Source of the window.
    pub window_source: String,
    /// The schedule is announced at least this many working days ahead.
    pub notice_working_days: i64,
    /// Words and source of the notice rule.
    pub notice_text: String,
    /// Source of the notice rule.
    pub notice_source: String,
    /// The summary is due this many days after the inspections end.
    pub summary_days: i64,
    /// Words of the summary rule.
    pub summary_text: String,
    /// Source of the summary rule.
    pub summary_source: String,
    /// Who is inspected (receives the notice).
    pub inspected: Recipient,
    /// Who announces the schedule.
    pub inspector: Recipient,
    /// Who writes the summary (level) and who receives it.
    pub summary_recipient: Recipient,
}

/// One source document's reporting calendar.
///
/// ```
/// let plans = dxplan::defaults::rules().plans.clone();
/// let p = plans.get("city-2025").unwrap();
/// assert_eq!(p.document, "000_b9c617fe6a001fd2.txt");
/// assert_eq!((p.first_year, p.last_year), (2025, Some(2025)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Plan {
    /// Stable id (`city-2025`).
    pub id: String,
    /// Title of the document.
    pub name: Text,
    /// Seed file it comes from.
    pub document: String,
    /// First year in force.
    pub first_year: i32,
    /// Last year in force (`None`: open-ended, "và các năm tiếp theo").
    pub last_year: Option<i32>,
    /// Deadline policy of the plan's rules.
    pub policy: DeadlinePolicy,
    /// How nested reports due in the same month relate.
    pub overlap: OverlapRule,
    /// The deadlines.
    pub rules: Vec<DeadlineRule>,
    /// The inspection window, for inspection plans.
    pub inspection: Option<InspectionWindow>,
    /// Deadlines set for one period by a rule script, replacing the rule's date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub due_overrides: Vec<DueOverride>,
    /// Deadline policies set by rule scripts from a year on (`chinh_sach_han`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_changes: Vec<PolicyChange>,
    /// When the plan was issued, where a document says so: nothing falls due
    /// before it (Decision 5c). `None` where the seeds do not give the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Issued>,
    /// Reports the document asks for without a day to compute a deadline
    /// from (004 §IV: "định kỳ sơ kết, tổng kết"): listed and flagged in
    /// the calendar, never given a date (Decision 5d).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undated: Vec<UndatedReport>,
}

/// A report a plan asks for without a day ("định kỳ hàng năm … theo quy
/// định"), as far as the text allows, and what it leaves open.
///
/// ```
/// let plans = dxplan::defaults::rules().plans.clone();
/// let p = plans.get("action-03-2025").unwrap();
/// let u = &p.undated[0];
/// assert_eq!(u.every, Some(dxplan::PeriodKind::Year));
/// assert!(u.open.vi.contains("ngày nộp"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UndatedReport {
    /// The plan asking for it.
    pub plan: String,
    /// What is reported.
    pub name: Text,
    /// Who reports.
    pub level: Level,
    /// To whom, in the document's words (a ministry, the people's committee).
    pub to: Text,
    /// How often, when the text says ("định kỳ hàng năm").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<PeriodKind>,
    /// What the text leaves open (the day, the period).
    pub open: Text,
    /// The words of the document.
    pub rule_text: String,
    /// Document file, section and lines.
    pub source: String,
}

impl UndatedReport {
    /// What a report without a day leaves open: the day, and the period
    /// when the text gives no frequency either.
    pub fn open_for(every: Option<PeriodKind>) -> Text {
        match every {
            Some(_) => Text::new(
                "văn bản không nêu ngày nộp",
                "the text gives no day to report by",
            ),
            None => Text::new(
                "văn bản không nêu kỳ báo cáo và ngày nộp",
                "the text gives neither a period nor a day to report by",
            ),
        }
    }
}

/// The day a plan was issued, with the document that says so.
///
/// ```
/// let plans = dxplan::defaults::rules().plans.clone();
/// let issued = plans.get("dti-2022").unwrap().issued.as_ref().unwrap();
/// assert_eq!(issued.on.to_string(), "2022-12-22");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Issued {
    /// Day of issue.
    pub on: NaiveDate,
    /// Number and issuer, as cited ("Kế hoạch số 4325/KH-BCĐCĐS").
    pub number: String,
    /// Document, section and line stating the number and date.
    pub source: String,
}

/// A deadline policy in force from a year on, set by a rule script.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyChange {
    /// First year (of the "trước ngày" date) it applies to.
    pub from_year: i32,
    /// The policy.
    pub policy: DeadlinePolicy,
    /// Where it was set.
    pub source: String,
}

/// A deadline set for one period by a rule script (`han_nop`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DueOverride {
    /// Report kind.
    pub kind: ObligationKind,
    /// Reporting level.
    pub level: Level,
    /// Period.
    pub period: Period,
    /// The new "trước ngày X".
    pub due_before: NaiveDate,
    /// Where it was set (`file:line:column`).
    pub source: String,
}

impl Plan {
    /// Whether the plan is in force in `year`.
    ///
    /// ```
    /// let plans = dxplan::defaults::rules().plans.clone();
    /// assert!(plans.get("dti-2022").unwrap().in_force(2030));
    /// assert!(!plans.get("city-2025").unwrap().in_force(2024));
    /// ```
    pub fn in_force(&self, year: i32) -> bool {
        year >= self.first_year && self.last_year.is_none_or(|l| year <= l)
    }

    /// The plan's obligations whose last on-time day falls in `year`, in rule order.
    ///
    /// ```
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let plans = dxplan::defaults::rules().plans.clone();
    /// let dti = plans.get("dti-2022").unwrap();
    /// assert_eq!(dti.obligations(&cal, 2025).unwrap().len(), 4);
    /// assert!(dti.obligations(&cal, 2021).unwrap().is_empty());
    /// // Issued on 22/12/2022 (001 line 426): no 2022 report was due under it.
    /// assert!(dti.obligations(&cal, 2022).unwrap().is_empty());
    /// ```
    pub fn obligations(&self, cal: &Calendar, year: i32) -> Result<Vec<Obligation>> {
        self.obligations_where(cal, year, &|_, _| true)
    }

    /// [`Plan::obligations`] of the rules and periods `keep` keeps: the
    /// others are not derived (deriving one words its names and citations,
    /// the most of what finding one report's deadline costs).
    fn obligations_where(
        &self,
        cal: &Calendar,
        year: i32,
        keep: &dyn Fn(&DeadlineRule, &Period) -> bool,
    ) -> Result<Vec<Obligation>> {
        check_year(year)?;
        let mut out = Vec::new();
        for rule in &self.rules {
            match &rule.schedule {
                Schedule::Recurring {
                    period_kind,
                    day_of_last_month,
                } => {
                    for py in [year - 1, year] {
                        if !self.in_force(py) || check_year(py).is_err() {
                            continue;
                        }
                        for period in Period::all_in_year(py, *period_kind)? {
                            if !keep(rule, &period) {
                                continue;
                            }
                            let end = period.end();
                            let Some(due) = NaiveDate::from_ymd_opt(
                                end.year(),
                                end.month(),
                                *day_of_last_month,
                            ) else {
                                continue;
                            };
                            let o = self.derive_with_overrides(cal, rule, period, due)?;
                            if o.last_on_time_day.year() == year && self.exists_by(&o) {
                                out.push(o);
                            }
                        }
                    }
                }
                Schedule::Once { period, due_before } => {
                    if !keep(rule, period) {
                        continue;
                    }
                    let o = self.derive_with_overrides(cal, rule, *period, *due_before)?;
                    if o.last_on_time_day.year() == year && self.exists_by(&o) {
                        out.push(o);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Whether the plan was issued by the obligation's last on-time day: a
    /// plan issued on 22/12/2022 has no report due on 14/12/2022.
    fn exists_by(&self, o: &Obligation) -> bool {
        self.issued
            .as_ref()
            .is_none_or(|i| i.on <= o.last_on_time_day)
    }

    /// Derives an obligation, using a script's deadline for the period when one is set.
    fn derive_with_overrides(
        &self,
        cal: &Calendar,
        rule: &DeadlineRule,
        period: Period,
        due: NaiveDate,
    ) -> Result<Obligation> {
        let over = self
            .due_overrides
            .iter()
            .rev()
            .find(|o| o.kind == rule.kind && o.level == rule.level && o.period == period);
        match over {
            Some(o) => {
                let ob = Obligation::derive(cal, self, rule, period, o.due_before)?;
                let source = format!("{}; {}", o.source, ob.source);
                Ok(ob.with_source(source))
            }
            None => Obligation::derive(cal, self, rule, period, due),
        }
    }

    /// The notice and summary obligations of an inspection held from `start`
    /// to `end`, plus warnings (an inspection outside the plan's window).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let plans = dxplan::defaults::rules().plans.clone();
    /// let plan = plans.get("inspection-2024").unwrap();
    /// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    /// let (obs, warnings) = plan.inspection_obligations(&cal, d(10, 14), d(10, 16)).unwrap();
    /// assert!(warnings.is_empty());
    /// // Notice at least 5 working days before Monday 14/10/2024: Monday 7/10.
    /// assert_eq!(obs[0].deadline, d(10, 7));
    /// // Summary 5 days after 16/10 (Civil Code art. 147–148): Monday 21/10.
    /// assert_eq!(obs[1].deadline, d(10, 21));
    /// ```
    pub fn inspection_obligations(
        &self,
        cal: &Calendar,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<(Vec<Obligation>, Vec<Diagnostic>)> {
        let window = self.inspection.as_ref().ok_or_else(|| {
            Diagnostic::error(
                Code::InspectionInvalid,
                Text::new(
                    format!("Kế hoạch '{}' không có đợt kiểm tra", self.id),
                    format!("plan '{}' has no inspection", self.id),
                ),
            )
        })?;
        let period = Period::range(start, end).map_err(|e| {
            Diagnostic::error(
                Code::InspectionInvalid,
                Text::new(
                    format!("Thời gian kiểm tra không hợp lệ: {}", e.message.vi),
                    format!("invalid inspection dates: {}", e.message.en),
                ),
            )
            .at("--inspection")
        })?;
        let mut warnings = Vec::new();
        if !window.window.covers(&period) {
            warnings.push(
                Diagnostic::new(
                    crate::diagnostic::Severity::Warning,
                    Code::InspectionInvalid,
                    Text::new(
                        format!(
                            "Đợt kiểm tra {}–{} nằm ngoài thời gian kiểm tra của kế hoạch ({}–{})",
                            format_date(start),
                            format_date(end),
                            format_date(window.window.start()),
                            format_date(window.window.end())
                        ),
                        format!(
                            "inspection {}–{} is outside the plan's inspection window ({}–{})",
                            format_date(start),
                            format_date(end),
                            format_date(window.window.start()),
                            format_date(window.window.end())
                        ),
                    ),
                )
                .at("--inspection")
                .with_source(window.window_source.clone()),
            );
        }
        let notice_last = cal.add_working_days(start, -window.notice_working_days)?;
        let notice_rule = DeadlineRule {
            kind: ObligationKind::InspectionNotice,
            level: window.inspector.level,
            recipients: vec![RecipientChange {
                from: None,
                recipient: window.inspected.clone(),
                source: window.notice_source.clone(),
            }],
            schedule: Schedule::Once {
                period,
                due_before: notice_last + Duration::days(1),
            },
            rule_text: window.notice_text.clone(),
            source: window.notice_source.clone(),
            policy: Some(DeadlinePolicy::default()),
        };
        let summary_rule = DeadlineRule {
            kind: ObligationKind::InspectionSummary,
            level: Level::ProvinceDepartment,
            recipients: vec![RecipientChange {
                from: None,
                recipient: window.summary_recipient.clone(),
                source: window.summary_source.clone(),
            }],
            schedule: Schedule::Once {
                period,
                due_before: end + Duration::days(window.summary_days),
            },
            rule_text: window.summary_text.clone(),
            source: window.summary_source.clone(),
            policy: Some(DeadlinePolicy::CIVIL_CODE_PERIOD),
        };
        let mut obligations = Vec::new();
        for rule in [&notice_rule, &summary_rule] {
            if let Schedule::Once { period, due_before } = rule.schedule {
                obligations.push(Obligation::derive(cal, self, rule, period, due_before)?);
            }
        }
        Ok((obligations, warnings))
    }
}

/// The set of plans the engine knows.
///
/// ```
/// let plans = dxplan::defaults::rules().plans.clone();
/// let ids: Vec<_> = plans.iter().map(|p| p.id.as_str()).collect();
/// assert_eq!(ids, ["city-2025", "dti-2022", "inspection-2024", "resolution-09-2022", "action-03-2025"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Plans {
    plans: Vec<Plan>,
    /// The bodies and levels that ended, by which every obligation's
    /// recipient is read on its deadline.
    pub bodies: Bodies,
}

impl Plans {
    /// The plans encoded in Rust from the seed documents (see [`seeds`]),
    /// before any rule script. With the shipped scripts' changes (e.g. the
    /// recipients after the 1/3/2025 merger) they are in
    /// [`crate::defaults::rules`].
    ///
    /// ```
    /// assert_eq!(dxplan::Plans::base().iter().count(), 5);
    /// ```
    pub fn base() -> Self {
        Plans {
            plans: seeds::all(),
            bodies: Bodies::default(),
        }
    }

    /// A set of plans.
    ///
    /// ```
    /// assert_eq!(dxplan::Plans::new(vec![]).iter().count(), 0);
    /// ```
    pub fn new(plans: Vec<Plan>) -> Self {
        Plans {
            plans,
            bodies: Bodies::default(),
        }
    }

    /// The same plans with every plan's deadline policy replaced (rules with
    /// a policy of their own, such as the Civil Code periods of the inspection
    /// plan, keep theirs).
    ///
    /// ```
    /// let p: dxplan::DeadlinePolicy = "inclusive+keep".parse().unwrap();
    /// let plans = dxplan::defaults::rules().plans.clone().with_policy(p);
    /// assert!(plans.iter().all(|plan| plan.policy == p));
    /// ```
    pub fn with_policy(mut self, policy: DeadlinePolicy) -> Self {
        for p in &mut self.plans {
            p.policy = policy;
            p.policy_changes.clear();
        }
        self
    }

    /// The same plans with every plan's overlap rule replaced.
    ///
    /// ```
    /// use dxplan::OverlapRule;
    /// let plans = dxplan::defaults::rules().plans.clone().with_overlap(OverlapRule::Supersede);
    /// assert!(plans.iter().all(|p| p.overlap == OverlapRule::Supersede));
    /// ```
    pub fn with_overlap(mut self, rule: OverlapRule) -> Self {
        for p in &mut self.plans {
            p.overlap = rule;
        }
        self
    }

    /// The plan with this id, to change it (rule scripts).
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Plan> {
        self.plans.iter_mut().find(|p| p.id == id)
    }

    /// The plans, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Plan> {
        self.plans.iter()
    }

    /// The plan with this id.
    ///
    /// ```
    /// let plans = dxplan::defaults::rules().plans.clone();
    /// assert_eq!(plans.get("nope").unwrap_err().code, dxplan::Code::PlanUnknown);
    /// ```
    pub fn get(&self, id: &str) -> Result<&Plan> {
        self.plans.iter().find(|p| p.id == id).ok_or_else(|| {
            let ids: Vec<&str> = self.plans.iter().map(|p| p.id.as_str()).collect();
            Diagnostic::error(
                Code::PlanUnknown,
                Text::new(
                    format!("Không có kế hoạch '{id}'"),
                    format!("unknown plan '{id}'"),
                ),
            )
            .with_hint(Text::new(
                format!("Các kế hoạch: {}.", ids.join(", ")),
                format!("Known plans: {}.", ids.join(", ")),
            ))
        })
    }

    /// Every obligation of every plan whose last on-time day falls in `year`,
    /// sorted by effective deadline, then level, plan and id.
    ///
    /// ```
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let all = dxplan::defaults::rules().plans.clone().obligations(&cal, 2025).unwrap();
    /// assert!(all.windows(2).all(|w| w[0].deadline <= w[1].deadline));
    /// ```
    pub fn obligations(&self, cal: &Calendar, year: i32) -> Result<Vec<Obligation>> {
        let mut out = Vec::new();
        for plan in &self.plans {
            out.extend(plan.obligations(cal, year)?);
        }
        self.route(&mut out);
        sort_obligations(&mut out);
        Ok(out)
    }

    /// Reads every obligation's recipient on its deadline through the bodies
    /// that ended: a successor takes over (and is recorded), a body that
    /// ended without one is flagged, and so is a reporting level that ended.
    ///
    /// ```
    /// use dxplan::{Level, ObligationKind};
    /// let rules = dxplan::defaults::rules();
    /// // 000 §VII.1: the Q3 2025 report goes to the city's Phòng VH&TT, but the
    /// // district level ended on 1/7/2025 (rules/2025.rhai).
    /// let o = rules.plans.find(&rules.calendar, "city-2025", ObligationKind::Quarterly,
    ///     &"2025-Q3".parse().unwrap(), Level::Unit).unwrap();
    /// assert_eq!(o.recipient_ended.unwrap().since.to_string(), "2025-07-01");
    /// ```
    pub fn route(&self, obligations: &mut [Obligation]) {
        for o in obligations {
            match self
                .bodies
                .fate(&o.recipient.id, o.recipient.level.as_str(), o.deadline)
            {
                Fate::Exists => {}
                Fate::Succeeded(via) => {
                    if let Some(s) = via.last().and_then(|e| e.successor.as_ref()) {
                        o.recipient =
                            Recipient::new(&s.id, &s.name.vi, &s.name.en, o.recipient.level);
                    }
                    o.recipient_via = via.iter().map(|e| e.source.clone()).collect();
                }
                Fate::Ended { since, source, via } => {
                    if let Some(s) = via.last().and_then(|e| e.successor.as_ref()) {
                        o.recipient =
                            Recipient::new(&s.id, &s.name.vi, &s.name.en, o.recipient.level);
                    }
                    o.recipient_via = via.iter().map(|e| e.source.clone()).collect();
                    o.recipient_ended = Some(Ended { since, source });
                }
            }
            if let Some(l) = self.bodies.level_end(o.level.as_str(), o.deadline) {
                o.reporter_ended = Some(Ended {
                    since: l.ends_on,
                    source: l.source.clone(),
                });
            }
        }
    }

    /// The obligation of a plan for a kind, period and reporting level.
    ///
    /// ```
    /// use dxplan::{Calendar, Level, ObligationKind, Plans};
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let o = dxplan::defaults::rules().plans.clone()
    ///     .find(&cal, "city-2025", ObligationKind::Annual, &"2025".parse().unwrap(), Level::CityOffice)
    ///     .unwrap();
    /// assert_eq!(o.due_before.to_string(), "2025-12-20");
    /// ```
    pub fn find(
        &self,
        cal: &Calendar,
        plan: &str,
        kind: ObligationKind,
        period: &Period,
        level: Level,
    ) -> Result<Obligation> {
        let p = self.get(plan)?;
        let mut candidates = Vec::new();
        // The deadline of a period's report falls in the period's year or the next.
        for year in [period.year_of(), period.year_of() + 1] {
            if check_year(year).is_ok() {
                let keep = |r: &DeadlineRule, p: &Period| {
                    r.kind == kind && r.level == level && p == period
                };
                candidates.extend(p.obligations_where(cal, year, &keep)?);
            }
        }
        self.route(&mut candidates);
        candidates
            .into_iter()
            .find(|o| o.kind == kind && &o.period == period && o.level == level)
            .ok_or_else(|| {
                Diagnostic::error(
                    Code::ObligationNotFound,
                    Text::new(
                        format!(
                            "{} không có {} của {}",
                            p.name.vi,
                            lower_first(&kind.title(period).vi),
                            lower_first(&level.name().vi)
                        ),
                        format!(
                            "the {} has no {} from the {}",
                            p.name.en,
                            lower_first(&kind.title(period).en),
                            lower_first(&level.name().en)
                        ),
                    ),
                )
                .with_hint(match p.issued.as_ref().filter(|i| period.start() <= i.on) {
                    Some(i) => Text::new(
                        format!(
                            "{} được ban hành ngày {}: không có báo cáo nào đến hạn trước ngày đó.",
                            i.number,
                            format_date(i.on)
                        ),
                        format!(
                            "{} was issued on {}: nothing falls due before that day.",
                            i.number,
                            format_date(i.on)
                        ),
                    ),
                    None => Text::new(
                        "Chọn một kỳ mà kế hoạch có báo cáo này: lịch báo cáo của năm liệt kê các kỳ (dòng lệnh: `dxplan calendar NĂM --plan KẾ_HOẠCH`).",
                        "Choose a period in which the plan has this report: the year's reporting calendar lists them (command line: `dxplan calendar YEAR --plan PLAN`).",
                    ),
                })
            })
    }
}

/// Sorts obligations by effective deadline, then level, plan and id.
pub(crate) fn sort_obligations(list: &mut [Obligation]) {
    list.sort_by(|a, b| {
        (a.deadline, a.level, &a.plan, &a.id).cmp(&(b.deadline, b.level, &b.plan, &b.id))
    });
}
