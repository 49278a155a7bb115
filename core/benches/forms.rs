//! Benchmark: report validation, whole form and single field, on the
//! realistic quarterly report of `examples/reports/valid/quarterly.json` and
//! on a 700-field stress report (the same report with long appendix tables).
//! Results go to BENCHMARKS.md (`bash scripts/bench.sh`).

use chrono::NaiveDate;
use divan::Bencher;
use dxplan::defaults;
use dxplan::validation::Validator;
use dxplan::ObligationKind;
use serde_json::{json, Value};

fn main() {
    println!("stress report: {} fields", leaves(&stress()));
    divan::main();
}

const QUARTERLY: &str = include_str!("../../examples/reports/valid/quarterly.json");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 16).unwrap_or_default()
}

fn quarterly() -> Value {
    serde_json::from_str(QUARTERLY).unwrap_or(Value::Null)
}

/// Leaf values (fields a person fills in) of a report.
fn leaves(v: &Value) -> usize {
    match v {
        Value::Object(m) => m.values().map(leaves).sum(),
        Value::Array(a) => a.iter().map(leaves).sum(),
        _ => 1,
    }
}

/// The quarterly report with appendix tables long enough for 700 fields.
fn stress() -> Value {
    let mut r = quarterly();
    let mut news = Vec::new();
    let mut docs = Vec::new();
    let mut equipment = Vec::new();
    let mut investments = Vec::new();
    let mut i = 0;
    while leaves(&r) < 700 {
        let day = 15 + i % 80;
        let date = NaiveDate::from_ymd_opt(2025, 6, 15)
            .and_then(|d| d.checked_add_days(chrono::Days::new(day % 90)))
            .map(|d| d.to_string())
            .unwrap_or_default();
        news.push(json!({"title": format!("Tin bài chuyển đổi số số {i}"), "published_on": date}));
        docs.push(json!({"number": format!("{}/UBND-VP", 100 + i), "summary": "Về chuyển đổi số", "issued_on": date, "signer": "Chủ tịch UBND phường"}));
        equipment.push(json!({"group": "it", "name": format!("Máy tính {i}"), "configuration": "Core i5, RAM 8 GB"}));
        investments.push(json!({"name": format!("Dự án {i}"), "total_estimate": 10_000_000, "disbursed": 1_000_000, "form": "3"}));
        r["appendices"] = json!({"news": news, "documents": docs, "equipment": equipment, "investments": investments});
        r["values"]["dx_news_items"] = json!(news.len());
        i += 1;
    }
    r
}

#[divan::bench]
fn whole_form_quarterly(b: Bencher) {
    let v = Validator::new(defaults::rules());
    let report = quarterly();
    b.bench_local(|| v.validate(&report, today()).valid);
}

#[divan::bench]
fn whole_form_700_fields(b: Bencher) {
    let v = Validator::new(defaults::rules());
    let report = stress();
    b.bench_local(|| v.validate(&report, today()).valid);
}

#[divan::bench(args = ["/values/dossiers_full_online", "/appendices/investments/0/disbursed", "/outline/situation/funding"])]
fn single_field_quarterly(b: Bencher, path: &str) {
    let v = Validator::new(defaults::rules());
    let report = quarterly();
    let value = report.pointer(path).cloned().unwrap_or(Value::Null);
    b.bench_local(|| {
        v.validate_field(ObligationKind::Quarterly, path, &value, &report, today())
            .diagnostics
            .len()
    });
}

#[divan::bench(args = ["/values/dossiers_full_online", "/appendices/investments/0/disbursed", "/appendices/news/0/published_on"])]
fn single_field_700_fields(b: Bencher, path: &str) {
    let v = Validator::new(defaults::rules());
    let report = stress();
    let value = report.pointer(path).cloned().unwrap_or(Value::Null);
    b.bench_local(|| {
        v.validate_field(ObligationKind::Quarterly, path, &value, &report, today())
            .diagnostics
            .len()
    });
}

/// The same quarterly report through the JSON entry a WebAssembly page or a
/// service uses (`dxplan::ffi`): reading the arguments' text and writing the
/// answer's, on top of `whole_form_quarterly`.
#[divan::bench]
fn whole_form_quarterly_json_entry(b: Bencher) {
    let engine = dxplan::Engine::with_defaults();
    let args = format!("[{}, \"2025-09-16\"]", quarterly());
    b.bench_local(|| {
        dxplan::ffi::call(&engine, "validate", &args)
            .map(|t| t.len())
            .unwrap_or(0)
    });
}
