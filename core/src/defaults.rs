//! The embedded defaults, assembled in this one place: the rule set of the
//! seed documents ([`RuleSet::base`]: plans, indicators, holidays of the
//! Labour Code, report forms) plus the shipped rule scripts
//! (`rules/*.rhai`: yearly targets, deadlines, government notices, the 2025
//! mergers), and the tests that ship with them.
//!
//! Lower layers only know their own base (`Plans::base`, `Catalog::base`,
//! `HolidayRules::without_notices`); what the scripts add is known here and
//! above. [`crate::Engine::with_defaults`] is the usual way in.
//!
//! The defaults are **precompiled**: the shipped scripts were applied on the
//! base when the data in `rules/compiled/` was written, and [`rules`] decodes
//! that data, running no script (`full.json` with the documents' words and
//! the scripts' texts; `lean.json`, without them, in the lean build). A test
//! (`tests/compiled.rs`) fails when the data is not what applying the
//! scripts gives now, and writes it again with `DXPLAN_BLESS=1`.
//!
//! ```
//! let rules = dxplan::defaults::rules();
//! // 2025 notice (rules/2025.rhai): Saturday 26/04/2025 worked for Friday 02/05/2025.
//! let d = chrono::NaiveDate::from_ymd_opt(2025, 4, 26).unwrap();
//! assert!(rules.calendar.is_working_day(d).unwrap());
//! assert!(dxplan::defaults::load_errors().is_empty());
//! ```

use crate::diagnostic::Diagnostic;
use crate::rules::{RuleSet, Script};
use std::sync::{Arc, OnceLock};

/// `(file name, text)` of every shipped script, in year order.
pub const SCRIPTS: &[(&str, &str)] = &[
    ("2020.rhai", include_str!("../../rules/2020.rhai")),
    ("2021.rhai", include_str!("../../rules/2021.rhai")),
    ("2022.rhai", include_str!("../../rules/2022.rhai")),
    ("2023.rhai", include_str!("../../rules/2023.rhai")),
    ("2024.rhai", include_str!("../../rules/2024.rhai")),
    ("2025.rhai", include_str!("../../rules/2025.rhai")),
    ("2026.rhai", include_str!("../../rules/2026.rhai")),
];

/// `(file name, text)` of the tests that ship with the scripts (`rules/tests/*.test`).
pub const TESTS: &[(&str, &str)] = &[
    (
        "2020-2024.test",
        include_str!("../../rules/tests/2020-2024.test"),
    ),
    ("2025.test", include_str!("../../rules/tests/2025.test")),
    ("2026.test", include_str!("../../rules/tests/2026.test")),
];

/// The shipped scripts.
///
/// ```
/// assert_eq!(dxplan::defaults::scripts().len(), 7); // 2020–2026
/// ```
pub fn scripts() -> Vec<Script> {
    SCRIPTS
        .iter()
        .filter_map(|(name, text)| Script::new(name, text).ok())
        .collect()
}

/// The shipped scripts of `year` and before: the rules as they stood in
/// that year.
///
/// ```
/// let s = dxplan::defaults::scripts_until(2023);
/// assert_eq!(s.iter().map(|s| s.year).collect::<Vec<_>>(), [2020, 2021, 2022, 2023]);
/// ```
pub fn scripts_until(year: i32) -> Vec<Script> {
    scripts().into_iter().filter(|s| s.year <= year).collect()
}

/// The data of the shipped scripts applied on the base: what [`rules`]
/// decodes (`rules/compiled/full.json`, or `lean.json` in the lean build).
#[cfg(feature = "scripts")]
pub const COMPILED: &str = include_str!("../../rules/compiled/full.json");
/// The data of the shipped scripts applied on the base: what [`rules`]
/// decodes (`rules/compiled/full.json`, or `lean.json` in the lean build).
#[cfg(not(feature = "scripts"))]
pub const COMPILED: &str = include_str!("../../rules/compiled/lean.json");

/// The year of the last shipped script: the defaults "as they stood" in
/// that year or later are the defaults.
///
/// ```
/// assert_eq!(dxplan::defaults::last_year(), 2026);
/// ```
pub fn last_year() -> i32 {
    // From the decoded rules (which keep every script's name and year), not
    // from SCRIPTS: the lean build links none of the scripts' texts.
    rules()
        .scripts
        .iter()
        .map(|s| s.year)
        .max()
        .unwrap_or(i32::MIN)
}

/// The rule set of the shipped scripts, decoded once per process from
/// [`COMPILED`] (no script runs). The data is tested to decode and to be
/// what the scripts give; should it ever fail to decode, the base rule set
/// is used (none in the lean build) and [`load_errors`] says why.
///
/// ```
/// assert!(!dxplan::defaults::rules().changes.is_empty());
/// ```
pub fn rules() -> &'static RuleSet {
    &loaded().0
}

/// [`rules`], shared: an engine built on the defaults keeps this `Arc`
/// instead of a copy.
pub fn shared_rules() -> Arc<RuleSet> {
    Arc::clone(&loaded().0)
}

/// Why the shipped scripts failed to load (empty when they loaded).
pub fn load_errors() -> &'static [Diagnostic] {
    &loaded().1
}

fn loaded() -> &'static (Arc<RuleSet>, Vec<Diagnostic>) {
    static DEFAULTS: OnceLock<(Arc<RuleSet>, Vec<Diagnostic>)> = OnceLock::new();
    DEFAULTS.get_or_init(|| match RuleSet::from_data(COMPILED) {
        Ok(rules) => (Arc::new(rules), Vec::new()),
        Err(error) => (Arc::new(fallback()), vec![error]),
    })
}

/// The rules when the embedded data does not decode (a broken build, which
/// tests/compiled.rs keeps from shipping; the package's `withDefaults` then
/// throws [`load_errors`]): the full build's base of the seeds; the lean
/// build embeds no seed base, only the data, and so has no rules at all.
#[cfg(feature = "scripts")]
fn fallback() -> RuleSet {
    RuleSet::base()
}

#[cfg(not(feature = "scripts"))]
fn fallback() -> RuleSet {
    RuleSet::none()
}
