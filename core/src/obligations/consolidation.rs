//! A year's calendar with its findings: overlapping reports, consolidation
//! windows between levels, and deadlines that leave no working day.
//!
//! - **Overlaps.** Two reports of the same plan and level whose periods nest
//!   and whose deadlines fall in the same month (Q2 and half-year in June; Q4
//!   and annual in December). Under the plan's [`OverlapRule::Supersede`]
//!   the shorter report is marked `superseded_by` the longer one.
//! - **Consolidation windows.** When a level reports the same period to the
//!   level above, the time the upper level has to consolidate: from the lower
//!   deadline to the upper one. Decree 09/2019 art. 8(5) wants deadlines set
//!   level by level with at least one working day between the end of the data
//!   and the submission; a window under one working day is flagged.
//! - **Data gap.** Working days between the end of the Decree 09 data window
//!   and the deadline; under one is flagged (art. 8(5)).
//!
//! ```
//! use dxplan::obligations::consolidation::{calendar, CalendarFilter};
//! use dxplan::{Calendar, Plans};
//!
//! let cal = dxplan::defaults::rules().calendar.clone();
//! let filter = CalendarFilter { plan: Some("city-2025".into()), ..Default::default() };
//! let report = calendar(&dxplan::defaults::rules().plans.clone(), &cal, 2025, &filter).unwrap();
//! let annual = report.consolidation_windows.iter().find(|w| w.period.id() == "2025").unwrap();
//! // Unit annual before 15/12, city annual before 20/12 (000 §VII.1–2): 5 days, 5 working days.
//! assert_eq!((annual.days, annual.working_days, annual.too_short), (5, 5, false));
//! let half = report.consolidation_windows.iter().find(|w| w.period.id() == "2025-H1").unwrap();
//! assert_eq!((half.days, half.working_days, half.too_short), (0, 0, true));
//! ```

use super::{
    sort_obligations, Level, Obligation, ObligationKind, OverlapRule, Plans, UndatedReport,
};
use crate::calendar::date::{check_year, format_date};
use crate::calendar::holidays::Calendar;
use crate::calendar::period::Period;
use crate::diagnostic::lower_first;
use crate::diagnostic::{Code, Diagnostic, Result, Severity, Text};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

const DECREE_09_ART_8_5: &str = "Nghị định 09/2019/NĐ-CP, Điều 8 khoản 5";
const CIVIL_CODE_148_5: &str = "Bộ luật Dân sự 2015, Điều 148 khoản 5";

/// Which obligations a calendar shows.
///
/// ```
/// let f = dxplan::obligations::consolidation::CalendarFilter::default();
/// assert!(f.plan.is_none() && f.level.is_none() && f.inspection.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarFilter {
    /// Only this plan.
    pub plan: Option<String>,
    /// Only obligations reported by this level.
    pub level: Option<Level>,
    /// Dates (first, last day) of an inspection, to add its notice and summary.
    pub inspection: Option<(NaiveDate, NaiveDate)>,
}

/// Two nested reports of one level due in the same month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Overlap {
    /// Plan id.
    pub plan: String,
    /// Reporting level.
    pub level: Level,
    /// Id of the report on the longer period.
    pub longer: String,
    /// Id of the report on the shorter (nested) period.
    pub shorter: String,
    /// Deadline of the longer report.
    pub longer_deadline: NaiveDate,
    /// Deadline of the shorter report.
    pub shorter_deadline: NaiveDate,
    /// Days from the longer report's deadline to the shorter one's (negative: the shorter is earlier).
    pub days_apart: i64,
    /// How the plan treats them.
    pub rule: OverlapRule,
}

/// The time an upper level has to consolidate the lower level's reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConsolidationWindow {
    /// Plan id.
    pub plan: String,
    /// Period reported on.
    pub period: Period,
    /// Kind of report.
    pub kind: ObligationKind,
    /// Id of the lower level's obligation.
    pub lower: String,
    /// Id of the upper level's obligation.
    pub upper: String,
    /// Lower deadline.
    pub from: NaiveDate,
    /// Upper deadline.
    pub to: NaiveDate,
    /// Calendar days between the deadlines.
    pub days: i64,
    /// Working days in `(from, to]`.
    pub working_days: i64,
    /// Fewer than one working day (Decree 09/2019 art. 8(5)).
    pub too_short: bool,
}

/// A year's obligations with their overlaps, consolidation windows and warnings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CalendarReport {
    /// The year.
    pub year: i32,
    /// Obligations sorted by effective deadline.
    pub obligations: Vec<Obligation>,
    /// Nested reports due in the same month.
    pub overlaps: Vec<Overlap>,
    /// Consolidation windows between levels.
    pub consolidation_windows: Vec<ConsolidationWindow>,
    /// Reports the plans in force ask for without a day: no deadline is
    /// computed, each is flagged (`obligation.no_day`, path `/undated/i`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undated: Vec<UndatedReport>,
    /// Warnings and notes, with `path` pointing into `obligations`.
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds the calendar of `year`.
///
/// ```
/// use dxplan::obligations::consolidation::{calendar, CalendarFilter};
/// let cal = dxplan::defaults::rules().calendar.clone();
/// let r = calendar(&dxplan::defaults::rules().plans.clone(), &cal, 2025, &CalendarFilter::default()).unwrap();
/// // city-2025: plan issue + 4 quarterly + half-year + annual (units) + 2 (city office);
/// // dti-2022: 4 quarterly.
/// assert_eq!(r.obligations.len(), 13);
/// ```
pub fn calendar(
    plans: &Plans,
    cal: &Calendar,
    year: i32,
    filter: &CalendarFilter,
) -> Result<CalendarReport> {
    check_year(year)?;
    let selected: Vec<_> = match &filter.plan {
        Some(id) => vec![plans.get(id)?],
        None => plans.iter().collect(),
    };
    let mut obligations = Vec::new();
    let mut diagnostics = Vec::new();
    for plan in &selected {
        let mut own = plan.obligations(cal, year)?;
        if let (Some((start, end)), Some(_)) = (filter.inspection, &plan.inspection) {
            let (extra, warnings) = plan.inspection_obligations(cal, start, end)?;
            own.extend(
                extra
                    .into_iter()
                    .filter(|o| o.last_on_time_day.year() == year),
            );
            diagnostics.extend(warnings);
        }
        obligations.extend(own);
    }
    plans.route(&mut obligations);
    if let (Some(_), true) = (
        filter.inspection,
        selected.iter().all(|p| p.inspection.is_none()),
    ) {
        return Err(Diagnostic::error(
            Code::InspectionInvalid,
            Text::new(
                "Các kế hoạch đã chọn không có đợt kiểm tra",
                "none of the selected plans has an inspection",
            ),
        )
        .at("--inspection")
        .with_hint(Text::new(
            "Dùng cùng --plan inspection-2024.",
            "Use it with --plan inspection-2024.",
        )));
    }

    let overlaps = find_overlaps(plans, &mut obligations)?;
    let consolidation_windows = find_windows(cal, &obligations)?;

    // Titles before the level filter: a message may name the other level's report.
    let titles: Vec<(String, Text)> = obligations
        .iter()
        .map(|o| (o.id.clone(), o.title()))
        .collect();
    if let Some(level) = filter.level {
        obligations.retain(|o| o.level == level);
    }
    sort_obligations(&mut obligations);
    let kept = |id: &str| obligations.iter().any(|o| o.id == id);
    let overlaps: Vec<Overlap> = overlaps
        .into_iter()
        .filter(|o| kept(&o.longer) || kept(&o.shorter))
        .collect();
    let consolidation_windows: Vec<ConsolidationWindow> = consolidation_windows
        .into_iter()
        .filter(|w| kept(&w.lower) || kept(&w.upper))
        .collect();

    let index_of = |id: &str| obligations.iter().position(|o| o.id == id);
    // An obligation named in a message by its title (ids stay in JSON).
    let title_of = |id: &str| {
        titles
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| Text::new(id, id))
    };
    for (i, o) in obligations.iter().enumerate() {
        diagnostics.extend(obligation_findings(o, i));
    }
    for w in consolidation_windows.iter().filter(|w| w.too_short) {
        let path = index_of(&w.upper).or(index_of(&w.lower)).unwrap_or(0);
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                Code::ConsolidationWindowShort,
                Text::new(
                    format!(
                        "Cấp trên chỉ có {} ngày làm việc để tổng hợp {}: hạn của {} {}, hạn của {} {}",
                        w.working_days, lower_first(&w.kind.title(&w.period).vi), title_of(&w.lower).vi, format_date(w.from), title_of(&w.upper).vi, format_date(w.to)
                    ),
                    format!(
                        "the upper level has {} working days to consolidate the {}: {} due {}, {} due {}",
                        w.working_days, lower_first(&w.kind.title(&w.period).en), title_of(&w.lower).en, format_date(w.from), title_of(&w.upper).en, format_date(w.to)
                    ),
                ),
            )
            .at(format!("/obligations/{path}"))
            .with_hint(Text::new(
                "Đặt hạn cho cấp dưới sớm hơn ít nhất 01 ngày làm việc, hoặc chọn quy tắc trùng kỳ phù hợp.",
                "Set the lower level's deadline at least one working day earlier.",
            ))
            .with_source(DECREE_09_ART_8_5),
        );
    }
    for o in &overlaps {
        let path = index_of(&o.shorter).or(index_of(&o.longer)).unwrap_or(0);
        let (vi_rule, en_rule) = match o.rule {
            OverlapRule::Separate => ("nộp riêng từng báo cáo", "both reports are due"),
            OverlapRule::Supersede => (
                "báo cáo kỳ dài thay cho báo cáo kỳ ngắn",
                "the longer report serves for the shorter one",
            ),
        };
        diagnostics.push(
            Diagnostic::new(
                Severity::Info,
                Code::ReportsOverlap,
                Text::new(
                    format!(
                        "{} (hạn {}) và {} (hạn {}) đến hạn cùng tháng: {vi_rule}",
                        title_of(&o.longer).vi,
                        format_date(o.longer_deadline),
                        title_of(&o.shorter).vi,
                        format_date(o.shorter_deadline),
                    ),
                    format!(
                        "{} (due {}) and {} (due {}) fall due in the same month: {en_rule}",
                        title_of(&o.longer).en,
                        format_date(o.longer_deadline),
                        title_of(&o.shorter).en,
                        format_date(o.shorter_deadline),
                    ),
                ),
            )
            .at(format!("/obligations/{path}")),
        );
    }
    let undated: Vec<UndatedReport> = selected
        .iter()
        .filter(|p| p.in_force(year) && p.issued.as_ref().is_none_or(|i| i.on.year() <= year))
        .flat_map(|p| p.undated.iter())
        .filter(|u| filter.level.is_none_or(|l| u.level == l))
        .cloned()
        .collect();
    for (i, u) in undated.iter().enumerate() {
        diagnostics.push(no_day(u, plans, year).at(format!("/undated/{i}")));
    }
    Ok(CalendarReport {
        year,
        obligations,
        overlaps,
        consolidation_windows,
        undated,
        diagnostics,
    })
}

/// `obligation.no_day`: what a report without a day leaves open, and how a
/// rule script gives it one.
fn no_day(u: &UndatedReport, plans: &Plans, year: i32) -> Diagnostic {
    let plan = plans
        .get(&u.plan)
        .map(|p| p.name.clone())
        .unwrap_or_else(|_| Text::new(u.plan.clone(), u.plan.clone()));
    // The bodies named that ended by the year's end, and who holds their work.
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    let (mut vi_now, mut en_now) = (String::new(), String::new());
    for r in plans.bodies.renamed_in(&u.to.vi, end) {
        if let Some(n) = &r.now {
            vi_now.push_str(&format!(" (từ {}: {})", format_date(r.since), n.name.vi));
            en_now.push_str(&format!(" (from {}: {})", format_date(r.since), n.name.en));
        }
    }
    Diagnostic::new(
        Severity::Warning,
        Code::ObligationNoDay,
        Text::new(
            format!(
                "{} yêu cầu {} gửi {}{vi_now} nhưng {}: dxplan không tính hạn cho báo cáo này",
                plan.vi,
                lower_first(&u.name.vi),
                u.to.vi,
                u.open.vi
            ),
            format!(
                "{} asks for {} to {}{en_now} but {}: dxplan computes no deadline for it",
                plan.en,
                lower_first(&u.name.en),
                u.to.en,
                u.open.en
            ),
        ),
    )
    .with_hint(Text::new(
        "Khi có văn bản quy định ngày nộp, khai báo báo cáo bằng bao_cao(#{ … }) trong quy tắc của năm đó.",
        "Once a document sets the day, declare the report with bao_cao(#{ … }) in that year's rules.",
    ))
    .with_source(u.source.clone())
}

/// Per-obligation findings: last day off, short data gap.
fn obligation_findings(o: &Obligation, index: usize) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let path = format!("/obligations/{index}");
    out.extend(o.ended_findings().into_iter().map(|d| d.at(path.clone())));
    if let Some(reason) = &o.last_day_off_reason {
        out.push(
            Diagnostic::new(
                Severity::Warning,
                Code::DeadlineOnDayOff,
                Text::new(
                    format!(
                        "{}: ngày cuối cùng đúng hạn {} là ngày nghỉ ({}); theo chính sách hạn ({}), hạn là {} (giữ nguyên: {}; lùi sang ngày làm việc kế tiếp: {}; đưa lên ngày làm việc trước: {})",
                        o.title().vi,
                        format_date(o.last_on_time_day),
                        reason.vi,
                        o.policy.name().vi,
                        format_date(o.deadline),
                        format_date(o.by_rule.keep),
                        format_date(o.by_rule.roll_forward),
                        format_date(o.by_rule.pull_back)
                    ),
                    format!(
                        "{}: the last on-time day {} is a day off ({}); under the deadline policy ({}) it is {} (kept: {}; next working day: {}; previous working day: {})",
                        o.title().en,
                        format_date(o.last_on_time_day),
                        reason.en,
                        o.policy.name().en,
                        format_date(o.deadline),
                        format_date(o.by_rule.keep),
                        format_date(o.by_rule.roll_forward),
                        format_date(o.by_rule.pull_back)
                    ),
                ),
            )
            .at(path.clone())
            .with_source(CIVIL_CODE_148_5),
        );
    }
    if let (Some(gap), Some(w)) = (o.data_gap_working_days, o.data_window) {
        if gap < 1 {
            out.push(
                Diagnostic::new(
                    Severity::Warning,
                    Code::DataWindowGapShort,
                    Text::new(
                        format!(
                            "{}: số liệu chốt đến {} nhưng hạn nộp là {} ({gap} ngày làm việc)",
                            o.title().vi,
                            format_date(w.end),
                            format_date(o.deadline)
                        ),
                        format!(
                            "{}: data is cut off on {} but the deadline is {} ({gap} working days)",
                            o.title().en,
                            format_date(w.end),
                            format_date(o.deadline)
                        ),
                    ),
                )
                .at(path)
                .with_hint(Text::new(
                    "Nghị định 09/2019 yêu cầu tối thiểu 01 ngày làm việc từ khi chốt số liệu đến hạn gửi báo cáo.",
                    "Decree 09/2019 wants at least one working day between the data cut-off and the deadline.",
                ))
                .with_source(DECREE_09_ART_8_5),
            );
        }
    }
    out
}

fn find_overlaps(plans: &Plans, obligations: &mut [Obligation]) -> Result<Vec<Overlap>> {
    let mut out = Vec::new();
    for i in 0..obligations.len() {
        for j in 0..obligations.len() {
            let (a, b) = (&obligations[i], &obligations[j]);
            let nested = a.period != b.period && a.period.covers(&b.period);
            let same_month =
                a.deadline.year() == b.deadline.year() && a.deadline.month() == b.deadline.month();
            if a.plan == b.plan && a.level == b.level && nested && same_month {
                let rule = plans.get(&a.plan)?.overlap;
                out.push((i, j, rule));
            }
        }
    }
    let mut overlaps = Vec::new();
    for (i, j, rule) in out {
        if rule == OverlapRule::Supersede {
            obligations[j].superseded_by = Some(obligations[i].id.clone());
        }
        let (a, b) = (&obligations[i], &obligations[j]);
        overlaps.push(Overlap {
            plan: a.plan.clone(),
            level: a.level,
            longer: a.id.clone(),
            shorter: b.id.clone(),
            longer_deadline: a.deadline,
            shorter_deadline: b.deadline,
            days_apart: (b.deadline - a.deadline).num_days(),
            rule,
        });
    }
    Ok(overlaps)
}

fn find_windows(cal: &Calendar, obligations: &[Obligation]) -> Result<Vec<ConsolidationWindow>> {
    let mut out = Vec::new();
    for lower in obligations {
        for upper in obligations {
            let chained = lower.plan == upper.plan
                && lower.kind == upper.kind
                && lower.period == upper.period
                && lower.level < upper.level
                && lower.recipient.level == upper.level;
            if chained {
                let working_days = cal.working_days_between(lower.deadline, upper.deadline)?;
                out.push(ConsolidationWindow {
                    plan: lower.plan.clone(),
                    period: lower.period,
                    kind: lower.kind,
                    lower: lower.id.clone(),
                    upper: upper.id.clone(),
                    from: lower.deadline,
                    to: upper.deadline,
                    days: (upper.deadline - lower.deadline).num_days(),
                    working_days,
                    too_short: working_days < 1,
                });
            }
        }
    }
    Ok(out)
}
