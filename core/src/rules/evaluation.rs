//! KPI evaluation and consolidation with the rules' custom checks: the same
//! in both builds, whether a script engine runs the checks (feature
//! `scripts`) or the lean engine stands in for it (no checks can be loaded).

use super::{RuleSet, RulesEngine};
use crate::kpi::{evaluate_for_year, Consolidation, ConsolidationInput, Evaluation, UnitInput};

impl RulesEngine {
    /// Evaluates one unit's inputs against the targets of `plans` (every plan
    /// with a target when empty) for `year` (the period's year when `None`),
    /// then runs the scripts' custom checks on them.
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let input: dxplan::kpi::UnitInput = serde_json::from_str(r#"{"unit": "a", "level": "commune",
    ///   "period": "2025", "values": {"dossiers_full_online": 13, "dossiers_total": 20}}"#).unwrap();
    /// let ev = dxplan::rules::RulesEngine::new().evaluate(rules, &input, &[], None);
    /// assert!(!ev.results.is_empty());
    /// ```
    pub fn evaluate(
        &self,
        rules: &RuleSet,
        input: &UnitInput,
        plans: &[&str],
        year: Option<i32>,
    ) -> Evaluation {
        let mut ev = evaluate_for_year(
            &rules.catalog,
            input,
            plans,
            year.unwrap_or_else(|| input.period.year_of()),
        );
        ev.diagnostics.extend(self.run_checks(rules, input));
        ev.recount();
        ev
    }

    /// Consolidates several units' inputs (see [`crate::kpi::consolidate`])
    /// and runs the custom checks on each unit, at `/units/i…`.
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let input: dxplan::kpi::ConsolidationInput = serde_json::from_str(r#"{"level": "city",
    ///   "period": "2025", "units": [{"unit": "a", "level": "commune", "period": "2025",
    ///   "values": {"dossiers_full_online": 13, "dossiers_total": 20}}]}"#).unwrap();
    /// let c = dxplan::rules::RulesEngine::new().consolidate(rules, &input, &[], None);
    /// assert_eq!(c.units_reported.len(), 1);
    /// ```
    pub fn consolidate(
        &self,
        rules: &RuleSet,
        input: &ConsolidationInput,
        plans: &[&str],
        year: Option<i32>,
    ) -> Consolidation {
        let mut c = crate::kpi::consolidate(&rules.catalog, input, plans, year);
        for (i, u) in input.units.iter().enumerate() {
            c.diagnostics
                .extend(self.run_checks(rules, u).into_iter().map(|d| {
                    let path = format!("/units/{i}{}", d.path.as_deref().unwrap_or(""));
                    d.at(path)
                }));
        }
        c.recount();
        c
    }
}
