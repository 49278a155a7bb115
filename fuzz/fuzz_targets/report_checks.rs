//! Rule script text with custom checks (`kiem_tra`) → loaded onto the shipped
//! rule set, then the quarterly example report validated with it, as a form
//! does on every change. Each validation must stay within the per-check work
//! budget (far inside the memory and time budget), answer the same twice and
//! leave the report unchanged; a check that fails says which check it was.
//! Seeded with the scripts of tests/golden/rules-hostile/ that declare checks.
#![no_main]

use dxplan::defaults;
use dxplan::rules::{RulesEngine, Script};
use dxplan::validation::Validator;
use dxplan_fuzz::{within_budget, Counting};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::cell::RefCell;
use std::sync::OnceLock;

#[global_allocator]
static ALLOC: Counting = Counting;

thread_local! {
    static ENGINE: RefCell<RulesEngine> = RefCell::new(RulesEngine::new());
}

/// The quarterly example report (examples/reports/valid/).
fn report() -> &'static Value {
    static REPORT: OnceLock<Value> = OnceLock::new();
    REPORT.get_or_init(|| {
        serde_json::from_str(include_str!("../../examples/reports/valid/quarterly.json"))
            .expect("the example report is JSON")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if !text.contains("kiem_tra") {
        return;
    }
    let Ok(script) = Script::new("2025.rhai", &text) else {
        return;
    };
    let Some(today) = chrono::NaiveDate::from_ymd_opt(2025, 9, 16) else {
        return;
    };
    let loaded = ENGINE.with(|e| {
        let base = defaults::rules().clone();
        within_budget("loading the script", || {
            e.borrow_mut().load_onto(base, &[script])
        })
    });
    let Ok(rules) = loaded else {
        return;
    };
    if rules.checks.is_empty() {
        return;
    }
    let report = report();
    let validator = Validator::new(&rules);
    let first = within_budget("validating with the checks", || {
        validator.validate(report, today)
    });
    for d in &first.diagnostics {
        if d.code == dxplan::diagnostic::Code::RulesCheck {
            assert!(
                d.check.is_some(),
                "a failed check does not say which: {d:?}"
            );
        }
    }
    let second = validator.validate(report, today);
    assert_eq!(
        serde_json::to_string(&first).ok(),
        serde_json::to_string(&second).ok(),
        "validation with checks is not deterministic"
    );
});
