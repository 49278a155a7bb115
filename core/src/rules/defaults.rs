//! The default rule scripts, embedded from `rules/*.rhai` at build time, and
//! the rule set they make (loaded once per process).

use super::{RuleSet, RulesEngine, Script};
use std::sync::OnceLock;

/// `(file name, text)` of every shipped script, in year order.
pub const SOURCES: &[(&str, &str)] = &[
    ("2022.rhai", include_str!("../../../rules/2022.rhai")),
    ("2023.rhai", include_str!("../../../rules/2023.rhai")),
    ("2024.rhai", include_str!("../../../rules/2024.rhai")),
    ("2025.rhai", include_str!("../../../rules/2025.rhai")),
    ("2026.rhai", include_str!("../../../rules/2026.rhai")),
];

/// `(file name, text)` of the tests that ship with the scripts (`rules/tests/*.test`).
pub const TESTS: &[(&str, &str)] = &[
    (
        "2022-2024.test",
        include_str!("../../../rules/tests/2022-2024.test"),
    ),
    ("2025.test", include_str!("../../../rules/tests/2025.test")),
    ("2026.test", include_str!("../../../rules/tests/2026.test")),
];

/// The shipped scripts.
///
/// ```
/// assert_eq!(dxplan::rules::defaults::scripts().len(), 5);
/// ```
pub fn scripts() -> Vec<Script> {
    SOURCES
        .iter()
        .filter_map(|(name, text)| Script::new(name, text).ok())
        .collect()
}

/// The rule set of the shipped scripts, loaded on first use. The shipped
/// scripts are tested to load without error; should they ever fail, the base
/// rule set is used and [`load_errors`] says why.
///
/// ```
/// assert!(dxplan::rules::defaults::load_errors().is_empty());
/// assert!(!dxplan::rules::defaults::rule_set().changes.is_empty());
/// ```
pub fn rule_set() -> &'static RuleSet {
    &loaded().0
}

/// Why the shipped scripts failed to load (empty when they loaded).
pub fn load_errors() -> &'static [crate::Diagnostic] {
    &loaded().1
}

fn loaded() -> &'static (RuleSet, Vec<crate::Diagnostic>) {
    static DEFAULTS: OnceLock<(RuleSet, Vec<crate::Diagnostic>)> = OnceLock::new();
    DEFAULTS.get_or_init(|| match RulesEngine::new().load(&scripts()) {
        Ok(rules) => (rules, Vec::new()),
        Err(errors) => (RuleSet::base(), errors),
    })
}
