//! Rule scripts: policy staff change the rules every year in Rhai, without Rust.
//!
//! A [`RuleSet`] is the engine's data — plans and deadlines, indicators and
//! targets, holidays — as the base encoded from the seed documents plus the
//! changes of every rule script up to a year. Scripts are named by year
//! (`2025.rhai`, or `2025-anything.rhai`) and run in year order: a year's rules
//! are the previous year's plus its own changes, and a script may only change
//! its own year and later ones. Each change remembers the file, line and
//! column that made it, so that [`RuleSet::explain_target`] can say which rule
//! set a value.
//!
//! Scripts are untrusted input. The [`RulesEngine`] runs them in a sandbox:
//! no standard library beyond strings, arrays and maps, no I/O, no clock, no
//! module loading, no `eval`, strict variables, and a limit on every resource
//! (operations, call depth, expression depth, string/array/map sizes, source
//! size). Loading is atomic: [`RulesEngine::load`] returns a new rule set or
//! the diagnostics, never a half-applied one.
//!
//! ```
//! use dxplan::rules::{RulesEngine, Script};
//!
//! let mut engine = RulesEngine::new();
//! let text = r#"
//!     let nguon = #{ tai_lieu: "003_08cb75b396c90965.txt", muc: "§V.6", trich_dan: "…" };
//!     muc_tieu("e_contract_enterprises_rate", "dti-2022", 2026, ">=", 85, nguon);
//! "#;
//! let rules = engine.load(&[Script::new("2026.rhai", text).unwrap()]).unwrap();
//! let ind = rules.catalog.get("e_contract_enterprises_rate").unwrap();
//! assert_eq!(ind.target_for("dti-2022", 2026, None).unwrap().value.to_string(), "85");
//!
//! let broken = text.replace("e_contract_enterprises_rate", "khong_co");
//! let errors = engine.load(&[Script::new("2026.rhai", &broken).unwrap()]).unwrap_err();
//! assert_eq!(errors[0].code, dxplan::Code::RulesUnknownId);
//! assert_eq!(errors[0].span.as_ref().unwrap().line, 3);
//! ```

#[cfg(feature = "scripts")]
mod api;
#[cfg(feature = "scripts")]
mod engine;
mod evaluation;
mod explain;
#[cfg(not(feature = "scripts"))]
mod lean;
#[cfg(feature = "scripts")]
mod sandbox;
#[cfg(feature = "scripts")]
pub mod sources;
pub mod testing;

#[cfg(feature = "scripts")]
pub use api::{ApiFunction, SCRIPT_API};
#[cfg(feature = "scripts")]
pub use engine::RulesEngine;
pub use explain::{DeadlineExplanation, RulesDiff, TargetDiff};
#[cfg(not(feature = "scripts"))]
pub(crate) use lean::check_unavailable;
#[cfg(not(feature = "scripts"))]
pub use lean::{ApiFunction, RulesEngine};

use crate::calendar::holidays::{Calendar, HolidayRules};
use crate::diagnostic::{Code, Diagnostic, Result, Span, Text};
use crate::kpi::{Catalog, Target};
use crate::obligations::Plans;
use serde::Serialize;

/// Why `what` (what was asked, in words) cannot be done by the lean build
/// (the `scripts` feature off), and what to use instead: the package's
/// `dxplan/rules` entry, or the crate's `scripts` feature.
///
/// ```
/// use dxplan::Text;
/// let d = dxplan::rules::unavailable(Text::new("nạp tệp quy tắc", "load rule scripts"));
/// assert_eq!(d.code.as_str(), "rules.unavailable");
/// assert!(d.message.vi.contains("'dxplan/rules'") && d.message.vi.contains("nạp tệp quy tắc"));
/// ```
pub fn unavailable(what: Text) -> Diagnostic {
    Diagnostic::error(
        Code::RulesUnavailable,
        Text::new(
            format!(
                "Bản gọn của dxplan không chạy tệp quy tắc (Rhai), nên không thể {}: \
                 hãy dùng gói 'dxplan/rules' thay cho 'dxplan' (Rust: bật tính năng 'scripts' của dxplan)",
                what.vi
            ),
            format!(
                "the lean dxplan module does not run rule scripts (Rhai), so it cannot {}: \
                 use 'dxplan/rules' instead of 'dxplan' (Rust: enable dxplan's 'scripts' feature)",
                what.en
            ),
        ),
    )
}

/// Largest rule script accepted, in bytes.
pub const MAX_SCRIPT_BYTES: usize = 200_000;

/// Lines in one rule file, and characters in one line: positions (line,
/// column) are exact up to here (Rhai keeps them in 16 bits).
pub const MAX_SCRIPT_LINES: usize = 65_000;

/// A rule script: its file name (which starts with its year) and text.
///
/// ```
/// let s = dxplan::rules::Script::new("2025-to-chuc.rhai", "// ...").unwrap();
/// assert_eq!(s.year, 2025);
/// assert!(dxplan::rules::Script::new("rules.rhai", "").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Script {
    /// File name, e.g. `2025.rhai`.
    pub name: String,
    /// The year it is for (the first four characters of the name).
    pub year: i32,
    /// Script text.
    pub source: String,
}

impl Script {
    /// A script; its name must start with a year in 1900–2100.
    pub fn new(name: &str, source: &str) -> Result<Script> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let year = base
            .get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| crate::calendar::date::check_year(*y).is_ok())
            .ok_or_else(|| {
                let base = crate::excerpt(base);
                Diagnostic::error(
                    Code::RulesFile,
                    Text::new(
                        format!("Tên tệp quy tắc phải bắt đầu bằng năm (ví dụ 2025.rhai): '{base}'"),
                        format!("a rule file's name must start with its year (e.g. 2025.rhai): '{base}'"),
                    ),
                )
            })?;
        Ok(Script {
            name: base.to_string(),
            year,
            source: source.to_string(),
        })
    }
}

/// Where a rule script made a change.
pub type Origin = Span;

/// One change a script made, with where it made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Change {
    /// File, line and column of the call.
    pub origin: Origin,
    /// The script's year.
    pub year: i32,
    /// What the call did, in words (Vietnamese and English).
    pub summary: Text,
    /// The indicator, plan or holiday year it touched (for explain and diff).
    pub subject: String,
    /// The document, section and words the call cited, when it quoted them
    /// (`#{ tai_lieu, muc, trich_dan }`): what [`sources::verify`] holds
    /// against the documents a host knows.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub cited: Option<crate::kpi::Source>,
}

/// A custom check registered by a script: a script function that receives a
/// report and returns diagnostics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Check {
    /// The check's id (its diagnostics' `check` field).
    pub id: String,
    /// The script function to call.
    pub function: String,
    /// The script that defines it.
    pub script: String,
    /// Where it was registered.
    pub origin: Origin,
    /// Hash of the script's text when it was registered.
    #[serde(skip)]
    pub(crate) script_hash: u64,
}

/// Hash of a script's text (compiled scripts are cached under it).
pub(crate) fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The engine's rules in force: the base from the seed documents plus the
/// changes of the loaded scripts.
#[derive(Clone, Debug)]
pub struct RuleSet {
    /// Plans and their deadlines.
    pub plans: Plans,
    /// Indicators and targets.
    pub catalog: Catalog,
    /// Holiday rules (Labour Code 2019 plus yearly notices).
    pub holidays: HolidayRules,
    /// The working-day calendar of `holidays`.
    pub calendar: Calendar,
    /// Every change the scripts made, in order.
    pub changes: Vec<Change>,
    /// Custom checks.
    pub checks: Vec<Check>,
    /// The scripts, by name (custom checks run in them).
    pub scripts: Vec<Script>,
    /// Report form definitions (built in, plus fields scripts added).
    pub forms: crate::forms::Forms,
}

/// One step of an explanation: where a value came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExplainStep {
    /// `document §section` or `file:line:column`.
    pub origin: String,
    /// What it set.
    pub summary: Text,
    /// Whether this step is the one in force.
    pub in_force: bool,
}

/// The explanation of an indicator's target under one plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanSteps {
    /// Plan id.
    pub plan: String,
    /// Base target and script changes, oldest first.
    pub steps: Vec<ExplainStep>,
}

/// A rule set as data: everything but the working-day calendar, which is
/// built again from the holiday rules (what a build can embed instead of
/// running the scripts, what a service can keep per published version).
#[derive(Serialize)]
struct Written<'a> {
    plans: &'a Plans,
    catalog: &'a Catalog,
    holidays: &'a HolidayRules,
    changes: &'a [Change],
    checks: &'a [Check],
    scripts: &'a [Script],
    forms: &'a crate::forms::Forms,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Read {
    plans: Plans,
    catalog: Catalog,
    holidays: HolidayRules,
    changes: Vec<Change>,
    checks: Vec<Check>,
    scripts: Vec<Script>,
    forms: crate::forms::Forms,
}

impl Serialize for RuleSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        Written {
            plans: &self.plans,
            catalog: &self.catalog,
            holidays: &self.holidays,
            changes: &self.changes,
            checks: &self.checks,
            scripts: &self.scripts,
            forms: &self.forms,
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for RuleSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<RuleSet, D::Error> {
        let r = Read::deserialize(d)?;
        let mut checks = r.checks;
        for c in &mut checks {
            if let Some(script) = r.scripts.iter().find(|s| s.name == c.script) {
                c.script_hash = text_hash(&script.source);
            }
        }
        Ok(RuleSet {
            plans: r.plans,
            catalog: r.catalog,
            calendar: Calendar::new(r.holidays.clone()),
            holidays: r.holidays,
            changes: r.changes,
            checks,
            scripts: r.scripts,
            forms: r.forms,
        })
    }
}

impl RuleSet {
    /// The rule set as JSON data (without the calendar, which is derived).
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let again = dxplan::RuleSet::from_data(&rules.to_data()).unwrap();
    /// assert_eq!(again.to_data(), rules.to_data());
    /// assert_eq!(again.scripts.len(), 7);
    /// ```
    pub fn to_data(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// [`RuleSet::to_data`] without the documents' words (targets' and
    /// changes' quotes) and the scripts' texts: what the lean build embeds
    /// as its defaults (`rules/compiled/lean.json`), whose answers cite
    /// documents and sections but quote nothing. Only for rules without
    /// custom checks (their scripts must be kept to run them); with checks,
    /// the full data.
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let lean = dxplan::RuleSet::from_data(&rules.to_lean_data()).unwrap();
    /// assert_eq!(lean.scripts.len(), 7);
    /// assert!(lean.scripts.iter().all(|s| s.source.is_empty()));
    /// assert!(lean.catalog.iter().flat_map(|i| &i.targets).all(|t| t.source.quote.is_empty()));
    /// ```
    pub fn to_lean_data(&self) -> String {
        if !self.checks.is_empty() {
            return self.to_data();
        }
        let mut lean = self.clone();
        let ids: Vec<String> = lean.catalog.iter().map(|i| i.id.clone()).collect();
        for id in ids {
            if let Some(i) = lean.catalog.get_mut(&id) {
                for t in &mut i.targets {
                    t.source.quote.clear();
                }
            }
        }
        for c in &mut lean.changes {
            if let Some(cited) = &mut c.cited {
                cited.quote.clear();
            }
        }
        for s in &mut lean.scripts {
            s.source.clear();
        }
        lean.to_data()
    }

    /// A rule set from [`RuleSet::to_data`]'s JSON.
    pub fn from_data(text: &str) -> Result<RuleSet> {
        serde_json::from_str(text).map_err(|e| {
            Diagnostic::invalid_input(
                "rules",
                Text::new(
                    "dữ liệu quy tắc (JSON của một phiên bản quy tắc)",
                    "rule data (the JSON of a rule version, RuleSet::to_data)",
                ),
                &e.to_string(),
            )
        })
    }

    /// No rules at all: no plan, indicator or form, the Labour Code's
    /// holidays only (what the lean build falls back on, see
    /// [`crate::defaults::load_errors`]).
    #[cfg(not(feature = "scripts"))]
    pub(crate) fn none() -> RuleSet {
        let holidays = HolidayRules::without_notices();
        RuleSet {
            plans: Plans::new(Vec::new()),
            catalog: Catalog::new(Vec::new()),
            calendar: Calendar::new(holidays.clone()),
            holidays,
            changes: Vec::new(),
            checks: Vec::new(),
            scripts: Vec::new(),
            forms: crate::forms::Forms::none(),
        }
    }

    /// The base: everything encoded from the seed documents, before any script.
    pub fn base() -> RuleSet {
        let holidays = HolidayRules::without_notices();
        RuleSet {
            plans: Plans::base(),
            catalog: Catalog::base(),
            calendar: Calendar::new(holidays.clone()),
            holidays,
            changes: Vec::new(),
            checks: Vec::new(),
            scripts: Vec::new(),
            forms: crate::forms::Forms::builtin(),
        }
    }

    /// [`RuleSet::explain_target`] for every plan with a target for the
    /// indicator (or only `plan`).
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let all = rules.explain_targets("e_contract_enterprises_rate", None, 2025).unwrap();
    /// assert!(all.iter().any(|p| p.plan == "dti-2022"));
    /// ```
    pub fn explain_targets(
        &self,
        kpi: &str,
        plan: Option<&str>,
        year: i32,
    ) -> Result<Vec<PlanSteps>> {
        let ind = self.catalog.get(kpi)?;
        let plans = match plan {
            Some(p) => vec![p],
            None => ind.plans(),
        };
        plans
            .into_iter()
            .map(|p| {
                Ok(PlanSteps {
                    plan: p.to_string(),
                    steps: self.explain_target(kpi, p, year)?,
                })
            })
            .collect()
    }

    /// The targets of an indicator for a plan and year, oldest first, with the
    /// one in force marked: the base target (with its document quote) and
    /// every script change.
    ///
    /// ```
    /// let rules = dxplan::rules::RulesEngine::new().load(&dxplan::defaults::scripts()).unwrap();
    /// let steps = rules.explain_target("e_contract_enterprises_rate", "dti-2022", 2025).unwrap();
    /// assert!(steps.iter().any(|s| s.in_force));
    /// ```
    pub fn explain_target(&self, kpi: &str, plan: &str, year: i32) -> Result<Vec<ExplainStep>> {
        let ind = self.catalog.get(kpi)?;
        self.plans.get(plan)?;
        let in_force: Option<&Target> = ind.target_for(plan, year, None);
        Ok(ind
            .targets
            .iter()
            .filter(|t| t.plan == plan && t.from_year <= year && year <= t.to_year)
            .map(|t| ExplainStep {
                origin: match &t.set_by {
                    Some(by) => format!("{by} ({})", t.source.cite()),
                    None => t.source.cite(),
                },
                summary: {
                    // The lean build's rules cite without quoting (to_lean_data).
                    let quoted = |described: String| match t.source.quote.as_str() {
                        "" => format!("{}: {described}", t.years_text()),
                        quote => format!("{}: {described} — «{quote}»", t.years_text()),
                    };
                    let d = t.describe(ind.unit);
                    Text::new(quoted(d.vi), quoted(d.en))
                },
                in_force: in_force.is_some_and(|f| std::ptr::eq(f, t)),
            })
            .collect())
    }
}
