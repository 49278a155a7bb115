//! Report JSON → whole-form and single-field validation. Any bytes: what is
//! not JSON is what the CLI refuses; what is JSON must validate without a
//! panic, leave the report unchanged and answer the same twice, within the
//! memory and time budget.
#![no_main]

use dxplan::validation::Validator;
use dxplan::ObligationKind;
use dxplan_fuzz::{within_budget, Counting};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use std::cell::RefCell;

#[global_allocator]
static ALLOC: Counting = Counting;

thread_local! {
    static VALIDATOR: RefCell<Validator<&'static dxplan::rules::RuleSet>> =
        RefCell::new(Validator::new(dxplan::defaults::rules()));
}

fuzz_target!(|data: &[u8]| {
    let Ok(report) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let Some(today) = chrono::NaiveDate::from_ymd_opt(2025, 9, 16) else {
        return;
    };
    within_budget("validating the report", || {
        VALIDATOR.with(|v| {
            let v = v.borrow();
            let before = report.clone();
            let first = serde_json::to_string(&v.validate(&report, today)).ok();
            assert_eq!(report, before, "validation mutated its input");
            let second = serde_json::to_string(&v.validate(&report, today)).ok();
            assert_eq!(first, second, "validation is not deterministic");
            for path in [
                "/values/dossiers_total",
                "/period",
                "/appendices/investments/0/disbursed",
            ] {
                let value = report.pointer(path).cloned().unwrap_or(Value::Null);
                let r = v.validate_field(ObligationKind::Quarterly, path, &value, &report, today);
                assert!(r.checked.iter().any(|p| p == path));
            }
        })
    });
});
