//! Runs the parity corpus (`wasm/tests/parity/corpus.jsonl`) natively and
//! prints one JSON line per case: `{"id", "ok": result}` or
//! `{"id", "error": [diagnostics]}`. The Node test `wasm/tests/parity.test.mjs`
//! runs the same cases through the WebAssembly package and compares.
//!
//! ```text
//! cargo run -p dxplan-wasm --example parity -- wasm/tests/parity/corpus.jsonl
//! ```

use dxplan::Diagnostic;
use dxplan_wasm::ops::{self, Core, Outcome};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::io::Write as _;

fn arg<T: DeserializeOwned + Default>(args: &[Value], i: usize) -> Outcome<T> {
    match args.get(i) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| {
            vec![Diagnostic::invalid_input(
                &format!("args/{i}"),
                dxplan::Text::new("đúng kiểu", "of the right type"),
                &e.to_string(),
            )]
        }),
    }
}

/// The result as JSON text, written straight from the Rust value as the
/// WebAssembly build writes it (a `serde_json::Value` would sort the keys).
fn out<T: Serialize>(r: Outcome<T>) -> Outcome<String> {
    r.map(|v| serde_json::to_string(&v).unwrap_or_else(|e| format!("\"{e}\"")))
}

fn run(core: &mut Core, op: &str, a: &[Value]) -> Outcome<String> {
    let s = |i: usize| {
        a.get(i)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let n = |i: usize| a.get(i).and_then(Value::as_i64).unwrap_or_default();
    let opt_s = |i: usize| a.get(i).and_then(Value::as_str).map(str::to_string);
    let v = |i: usize| a.get(i).cloned().unwrap_or(Value::Null);
    match op {
        "calendar" => out(core.calendar(n(0) as i32, &arg(a, 1)?)),
        "icalendar" => out(core.icalendar(n(0) as i32, &arg(a, 1)?, &s(2), &s(3))),
        "holidays" => out(core.holidays(n(0) as i32)),
        "checkDay" => out(core.check_day(&s(0))),
        "addWorkingDays" => out(core.add_working_days(&s(0), n(1)).map(|d| d.to_string())),
        "workingDaysBetween" => out(core.working_days_between(&s(0), &s(1))),
        "status" => {
            let q: ops::StatusQuery = serde_json::from_value(v(0)).map_err(|e| {
                vec![Diagnostic::invalid_input(
                    "query",
                    dxplan::Text::new("{plan, kind, period}", "{plan, kind, period}"),
                    &e.to_string(),
                )]
            })?;
            out(core.status(&q, &s(1)))
        }
        "plans" => out(Ok(core.plans())),
        "kpiCatalog" => {
            let year = a.get(1).and_then(Value::as_i64).map(|y| y as i32);
            out(core.kpi_catalog(opt_s(0).as_deref(), year))
        }
        "evaluateKpi" => {
            let input: dxplan::kpi::UnitInput =
                serde_json::from_value(v(0)).map_err(|e| vec![bad("input", &e)])?;
            out(core.evaluate_kpi(&input, &arg(a, 1)?))
        }
        "consolidateKpi" => {
            let input: dxplan::kpi::ConsolidationInput =
                serde_json::from_value(v(0)).map_err(|e| vec![bad("input", &e)])?;
            out(core.consolidate_kpi(&input, &arg(a, 1)?))
        }
        "validate" => out(core.validate(&v(0), &s(1))),
        "validateField" => out(core.validate_field(&s(0), &s(1), &v(2), &v(3), &s(4))),
        "schema" => out(core.schema(&s(0), n(1) as i32)),
        "explainTarget" => out(core.explain_target(&s(0), opt_s(2).as_deref(), &s(1))),
        "explainDeadline" => out(core.explain_deadline(&s(0), &s(1), &s(2), &s(3))),
        "diff" => out(core.diff(n(0) as i32, n(1) as i32)),
        "checkRules" => out(Ok(ops::check_rules(&arg::<Vec<ops::ScriptText>>(a, 0)?))),
        "fromScripts" => {
            let texts: Vec<ops::ScriptText> = arg(a, 0)?;
            out(Core::from_scripts(&texts).map(|c| c.rules_summary()))
        }
        "testRules" => out(Ok(core.test_rules(&arg::<Vec<ops::ScriptText>>(a, 0)?))),
        "workflowNew" => out(Ok(ops::workflow_new(v(0)))),
        "workflowApply" => {
            let record = serde_json::from_value(v(0)).map_err(|e| vec![bad("record", &e)])?;
            let t = serde_json::from_value(v(1)).map_err(|e| vec![bad("transition", &e)])?;
            out(core.workflow_apply(&record, &t))
        }
        "rollup" => {
            let records: Vec<dxplan::workflow::ReportRecord> =
                serde_json::from_value(v(0)).map_err(|e| vec![bad("records", &e)])?;
            let q: ops::RollupQuery =
                serde_json::from_value(v(1)).map_err(|e| vec![bad("query", &e)])?;
            out(core.rollup(&records, &q))
        }
        "tasks" => out(ops::tasks(&arg(a, 1)?, &s(0))),
        other => Err(vec![Diagnostic::invalid_input(
            "op",
            dxplan::Text::new("một phép của gói", "an operation of the package"),
            other,
        )]),
    }
}

fn bad(name: &str, e: &serde_json::Error) -> Diagnostic {
    Diagnostic::invalid_input(
        name,
        dxplan::Text::new("đúng kiểu", "of the right type"),
        &e.to_string(),
    )
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parity CORPUS.jsonl");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let mut core = match Core::defaults(None) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("default rules: {d:?}");
            std::process::exit(1);
        }
    };
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    for (no, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let case: Value = match serde_json::from_str(line) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{path}:{}: {e}", no + 1);
                std::process::exit(2);
            }
        };
        let id = case["id"].clone();
        let op = case["op"].as_str().unwrap_or_default();
        let args = case["args"].as_array().cloned().unwrap_or_default();
        let _ = match run(&mut core, op, &args) {
            Ok(v) => writeln!(w, "{{\"id\":{id},\"ok\":{v}}}"),
            Err(d) => writeln!(
                w,
                "{{\"id\":{id},\"error\":{}}}",
                out(Ok(d)).unwrap_or_default()
            ),
        };
    }
}
