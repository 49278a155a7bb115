//! What changed between two years' rules, and where a deadline comes from:
//! the answers behind `dxplan rules diff | explain` and the WebAssembly
//! engine's `rulesDiff` / `explainDeadline`.

use super::{Change, RuleSet};
use crate::diagnostic::lower_first;
use crate::diagnostic::{Code, Diagnostic, Lang, Result, Text};
use crate::kpi::Target;
use crate::obligations::{Level, Obligation, ObligationKind, RecipientChange};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// An indicator whose target differs between two years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TargetDiff {
    /// Indicator id.
    pub kpi: String,
    /// Plan id.
    pub plan: String,
    /// The target in the earlier year (`None`: no target).
    pub from: Option<Text>,
    /// The target in the later year (`None`: no target).
    pub to: Option<Text>,
    /// Where the later target comes from, or when the earlier one ended.
    pub origin: Text,
}

/// The differences between the rules of two years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RulesDiff {
    /// The earlier year.
    pub from_year: i32,
    /// The later year.
    pub to_year: i32,
    /// Script changes of the years after `from_year` up to `to_year`.
    pub changes: Vec<Change>,
    /// Targets that differ.
    pub targets: Vec<TargetDiff>,
}

/// The deadlines of one report kind in a year, and its recipients over time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlineExplanation {
    /// Plan id.
    pub plan: String,
    /// The report kind.
    pub kind: ObligationKind,
    /// The reporting level.
    pub level: Level,
    /// The day asked about.
    pub date: NaiveDate,
    /// The obligations of that kind and level in the date's year.
    pub obligations: Vec<Obligation>,
    /// The recipients, effective-dated (`None` when the plan has no such rule).
    pub recipients: Option<Vec<RecipientChange>>,
    /// The recipient in force on `date`.
    pub recipient_in_force: Option<String>,
}

/// Where a target was set, the seed named by its title.
fn cite(t: &Target, lang: Lang) -> String {
    let source = crate::obligations::seeds::cite(&t.source.cite(), lang);
    match &t.set_by {
        Some(by) => format!("{by} ({source})"),
        None => source,
    }
}

impl RuleSet {
    /// What changed from year `a` to year `b` (in either order): the script
    /// changes in between and every target that differs.
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let d = rules.diff(2024, 2023);
    /// assert_eq!((d.from_year, d.to_year), (2023, 2024));
    /// assert!(d.changes.iter().all(|c| c.year == 2024));
    /// ```
    pub fn diff(&self, a: i32, b: i32) -> RulesDiff {
        let (a, b) = (a.min(b), a.max(b));
        let changes = self
            .changes
            .iter()
            .filter(|c| c.year > a && c.year <= b)
            .cloned()
            .collect();
        let mut targets: Vec<TargetDiff> = Vec::new();
        for ind in self.catalog.iter() {
            for plan in ind.plans() {
                let ta = ind.target_for(plan, a, None);
                let tb = ind.target_for(plan, b, None);
                let from = ta.map(|t| t.describe(ind.unit));
                let to = tb.map(|t| t.describe(ind.unit));
                if from == to {
                    continue;
                }
                let origin = match (ta, tb) {
                    (_, Some(t)) => Text::new(cite(t, Lang::Vi), cite(t, Lang::En)),
                    (Some(t), None) => Text::new(
                        format!("hết hiệu lực sau năm {}: {}", t.to_year, cite(t, Lang::Vi)),
                        format!("ended after {}: {}", t.to_year, cite(t, Lang::En)),
                    ),
                    (None, None) => Text::new("", ""),
                };
                let row = TargetDiff {
                    kpi: ind.id.clone(),
                    plan: plan.to_string(),
                    from,
                    to,
                    origin,
                };
                if targets.last() != Some(&row) {
                    targets.push(row);
                }
            }
        }
        RulesDiff {
            from_year: a,
            to_year: b,
            changes,
            targets,
        }
    }

    /// The deadlines of `kind` reported by `level` under `plan` in the year of
    /// `date`, with the recipients over time and the one in force on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use dxplan::{Level, ObligationKind};
    /// let rules = dxplan::defaults::rules();
    /// let day = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    /// let e = rules.explain_deadline("dti-2022", ObligationKind::Quarterly, Level::Unit, day).unwrap();
    /// // 003 §V: reports go to the Department of Science and Technology from 01/03/2025.
    /// assert_eq!(e.recipient_in_force.as_deref(), Some("so-khcn"));
    /// assert_eq!(e.obligations.len(), 4);
    /// ```
    pub fn explain_deadline(
        &self,
        plan: &str,
        kind: ObligationKind,
        level: Level,
        date: NaiveDate,
    ) -> Result<DeadlineExplanation> {
        let p = self.plans.get(plan)?;
        let mut obligations: Vec<Obligation> = p
            .obligations(&self.calendar, date.year())?
            .into_iter()
            .filter(|o| o.kind == kind && o.level == level)
            .collect();
        self.plans.route(&mut obligations);
        let rule = p.rules.iter().find(|r| r.kind == kind && r.level == level);
        if obligations.is_empty() && rule.is_none() {
            return Err(Diagnostic::error(
                Code::ObligationNotFound,
                Text::new(
                    format!(
                        "{} không quy định {} của {}",
                        p.name.vi,
                        lower_first(&kind.name().vi),
                        lower_first(&level.name().vi)
                    ),
                    format!(
                        "the {} sets no {} from the {}",
                        p.name.en,
                        lower_first(&kind.name().en),
                        lower_first(&level.name().en)
                    ),
                ),
            ));
        }
        Ok(DeadlineExplanation {
            plan: plan.to_string(),
            kind,
            level,
            date,
            obligations,
            recipients: rule.map(|r| r.recipients.clone()),
            recipient_in_force: rule
                .and_then(|r| r.recipient_at(date))
                .map(|r| r.id.clone()),
        })
    }
}
