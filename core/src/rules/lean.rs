//! The lean build (the `scripts` feature off): no Rhai. Rule sets come as
//! data ([`RuleSet::from_data`], the precompiled defaults of
//! [`crate::defaults`]); a rule set with custom checks cannot be checked
//! here, and every place that would run a script says so with
//! [`unavailable`] (`rules.unavailable`), naming what to use instead.

use super::{unavailable, RuleSet};
use crate::diagnostic::Diagnostic;
use crate::kpi::UnitInput;

/// Stands in for the script engine of the full build: it runs no script.
/// A custom check of the rules is never silently passed: where it would run
/// ([`RulesEngine::run_checks`], [`RulesEngine::run_report_checks`], so every
/// validation and KPI evaluation), each gives an error `rules.unavailable`.
/// [`crate::Engine::from_data`] refuses such rules outright; rules handed to
/// [`crate::Engine::from_rules`] get these errors in every answer instead.
#[derive(Debug, Default)]
pub struct RulesEngine {
    _private: (),
}

/// One function of the rule-script API (the full build lists them; the lean
/// one has no script engine, and `scriptApi` is refused).
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct ApiFunction {
    /// Name, as called in a script.
    pub name: &'static str,
    /// Its parameters, named in Vietnamese as in `rules/README.md`.
    pub params: &'static str,
    /// What it does, in Vietnamese.
    pub vi: &'static str,
    /// What it does, in English.
    pub en: &'static str,
}

impl RulesEngine {
    /// The lean engine.
    pub fn new() -> RulesEngine {
        RulesEngine::default()
    }

    /// No script runs here: nothing for rules without custom checks (such
    /// as the shipped defaults), else one `rules.unavailable` per check.
    pub fn run_checks(&self, rules: &RuleSet, _input: &UnitInput) -> Vec<Diagnostic> {
        not_run(rules)
    }

    /// As [`RulesEngine::run_checks`], for a whole report.
    pub fn run_report_checks(
        &self,
        rules: &RuleSet,
        _report: &serde_json::Value,
    ) -> Vec<Diagnostic> {
        not_run(rules)
    }

    /// Nothing to compile ahead here: a check that cannot run is reported
    /// when it would have run.
    pub fn prepare_checks(&self, _rules: &RuleSet) -> Vec<Diagnostic> {
        Vec::new()
    }
}

fn not_run(rules: &RuleSet) -> Vec<Diagnostic> {
    rules
        .checks
        .iter()
        .map(|c| {
            let mut d = check_unavailable(&c.id);
            d.check = Some(c.id.clone());
            d
        })
        .collect()
}

/// That the custom check `id` cannot run here (where it would run, and where
/// rule data holding it is refused: [`crate::Engine::from_data`]).
pub(crate) fn check_unavailable(id: &str) -> Diagnostic {
    unavailable(crate::diagnostic::Text::new(
        format!("chạy hàm kiểm tra thêm '{id}'"),
        format!("run the custom check '{id}'"),
    ))
}
