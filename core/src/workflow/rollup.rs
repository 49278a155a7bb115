//! The roll-up of a period's accepted reports into the next level's report:
//! only verified records of the plan, kind, period and levels below, one per
//! unit; every record left out is named with the reason.

use super::{seal, ReportRecord, SealKey, State};
use crate::calendar::date::format_date;
use crate::calendar::period::{Period, PeriodKind};
use crate::diagnostic::{is_blank, Code, Diagnostic, Severity, Text};
use crate::kpi::{consolidate, AdminLevel, Consolidation, ConsolidationInput, UnitInput};
use crate::rules::RuleSet;
use crate::validation::raw_values;
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

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
    /// Reports received but not (yet) accepted, with their state (drafts
    /// were not sent, so are not listed: their units are missing).
    pub not_accepted: Vec<(String, State)>,
    /// Accepted reports that were submitted late.
    pub late: Vec<LateUnit>,
    /// Records left out (not verified, another plan, kind, period or level,
    /// no unit, a duplicate) and the consolidation's own findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Consolidates the accepted (or already consolidated) reports of `records`
/// for `period` into a report of `level`, evaluated against `plan`, listing
/// the expected units that are missing and the late ones. Each record is
/// verified first (with `key` when the host seals with one); a record that
/// does not verify, or is of another plan, another kind of report than the
/// period's, another period, a level not below `level`, without a unit, or a
/// unit with more than one record (each of them), is left out with a
/// diagnostic naming it
/// (`workflow.left_out`, the verification's own code for a record that
/// does not verify).
///
/// ```
/// use dxplan::workflow::{rollup, ReportRecord, State};
/// let rules = dxplan::defaults::rules();
/// let mut forged = ReportRecord::new(serde_json::json!({
///     "kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
///     "unit": {"id": "a", "name": "Phường A", "level": "commune"},
///     "values": {"dossiers_full_online": 10, "dossiers_total": 10}}));
/// forged.state = State::Accepted; // never submitted: written by hand
/// let r = rollup(rules, &[forged], &["a".into()], dxplan::kpi::AdminLevel::City,
///     &"2025-Q3".parse().unwrap(), "city-2025", None);
/// assert_eq!(r.diagnostics[0].code.as_str(), "workflow.tampered");
/// assert_eq!(r.diagnostics[0].path.as_deref(), Some("/0/state"));
/// assert_eq!(r.missing, ["a"]); // left out: the unit has not reported
/// ```
pub fn rollup(
    rules: &RuleSet,
    records: &[ReportRecord],
    expected_units: &[String],
    level: AdminLevel,
    period: &Period,
    plan: &str,
    key: Option<&SealKey>,
) -> Rollup {
    let mut units: Vec<UnitInput> = Vec::new();
    let mut not_accepted = Vec::new();
    let mut late = Vec::new();
    // Records left out, by their place in `records`.
    let mut left: Vec<(usize, Diagnostic)> = Vec::new();
    // Records that pass, with their unit and level; a unit with two is left
    // out altogether (which one is genuine is not the roll-up's to guess).
    let mut kept: Vec<(usize, String, AdminLevel)> = Vec::new();
    let kind = match period.kind() {
        PeriodKind::Quarter => Some("quarterly"),
        PeriodKind::HalfYear => Some("half_year"),
        PeriodKind::Year => Some("annual"),
        _ => None,
    };
    for (i, rec) in records.iter().enumerate() {
        let path = format!("/{i}");
        let unit = rec.unit().unwrap_or_default().to_string();
        let text = |p: &str| rec.report.pointer(p).and_then(Value::as_str);
        let shown = if is_blank(&unit) {
            format!("#{}", i + 1)
        } else {
            crate::excerpt(&unit).into_owned()
        };
        let left_out = |field: &str, vi: String, en: String| {
            Diagnostic::new(
                Severity::Warning,
                Code::WorkflowLeftOut,
                Text::new(
                    format!("Hồ sơ {} ({shown}) {vi}; không tính vào tổng hợp", i + 1),
                    format!("record {} ({shown}) {en}; left out of the roll-up", i + 1),
                ),
            )
            .at(format!("{path}{field}"))
        };
        if let Err(d) = seal::derive(rec, key) {
            let at = d.path.as_deref().unwrap_or("").to_string();
            left.push((i, d.at(format!("{path}{at}"))));
            continue;
        }
        let rp = text("/period").and_then(|p| p.parse::<Period>().ok());
        let rl = text("/unit/level").and_then(|l| l.parse::<AdminLevel>().ok());
        let quoted = |p: &str| crate::excerpt(text(p).unwrap_or("?")).into_owned();
        let refusal = if text("/plan") != Some(plan) {
            let p = quoted("/plan");
            Some(left_out(
                "/report/plan",
                format!("thuộc kế hoạch khác ({p})"),
                format!("is of another plan ({p})"),
            ))
        } else if rp.as_ref() != Some(period) {
            Some(left_out(
                "/report/period",
                format!("không thuộc kỳ {}", period.name().vi),
                format!("is not for {}", period.name().en),
            ))
        } else if kind.is_some() && text("/kind") != kind {
            let k = quoted("/kind");
            Some(left_out(
                "/report/kind",
                format!("là loại báo cáo khác ({k})"),
                format!("is another kind of report ({k})"),
            ))
        } else if rl.is_none_or(|l| rank(l) >= rank(level)) {
            Some(left_out(
                "/report/unit/level",
                "không thuộc cấp dưới của cấp tổng hợp".to_string(),
                "is not of a level below the roll-up's".to_string(),
            ))
        } else if is_blank(&unit) {
            Some(left_out(
                "/report/unit/id",
                "không ghi đơn vị".to_string(),
                "names no unit".to_string(),
            ))
        } else {
            None
        };
        match refusal {
            Some(d) => left.push((i, d)),
            // A draft was never sent: the reviewer has not received it (and
            // is not told it exists); its unit is missing.
            None if rec.state == State::Draft => {}
            None => kept.push((i, unit, rl.unwrap_or(AdminLevel::Unit))),
        }
    }
    for (i, unit, unit_level) in &kept {
        let (i, rec) = (*i, &records[*i]);
        let others: Vec<String> = kept
            .iter()
            .filter(|(j, u, _)| u == unit && *j != i)
            .map(|(j, _, _)| (j + 1).to_string())
            .collect();
        if !others.is_empty() {
            let shown = crate::excerpt(unit);
            left.push((
                i,
                Diagnostic::new(
                    Severity::Warning,
                    Code::WorkflowLeftOut,
                    Text::new(
                        format!(
                            "Hồ sơ {} ({shown}) trùng đơn vị với hồ sơ {}; không hồ sơ nào của đơn vị được tính vào tổng hợp",
                            i + 1,
                            others.join(", ")
                        ),
                        format!(
                            "record {} ({shown}) is of the same unit as record {}; no record of the unit is counted in the roll-up",
                            i + 1,
                            others.join(", ")
                        ),
                    ),
                )
                .at(format!("/{i}/report/unit/id")),
            ));
            continue;
        }
        let unit = unit.clone();
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
        let values = match rec.report.get("values") {
            Some(Value::Object(m)) => raw_values(m),
            _ => Default::default(),
        };
        units.push(UnitInput {
            unit,
            level: *unit_level,
            period: *period,
            values,
        });
    }
    left.sort_by_key(|(i, _)| *i);
    let mut diagnostics: Vec<Diagnostic> = left.into_iter().map(|(_, d)| d).collect();
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

/// Levels from the bottom: an agency or unit reports to a city or the
/// province, a commune to the city (or, after 1/7/2025, the province), a city
/// to the province.
fn rank(l: AdminLevel) -> u8 {
    match l {
        AdminLevel::Unit => 0,
        AdminLevel::Commune => 1,
        AdminLevel::City => 2,
        AdminLevel::Province => 3,
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
