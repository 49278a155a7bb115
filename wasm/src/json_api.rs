//! The package's operations called by name with JSON arguments, natively:
//! what the parity corpus and the bad-input catalogue run to compare with the
//! WebAssembly exports (same names, same argument order), and a JSON entry
//! point for native callers that receive requests as text.
//!
//! ```
//! use dxplan_wasm::{json_api, ops::Core};
//! let mut core = Core::defaults(None).unwrap();
//! let out = json_api::call_text(&mut core, "checkDay", r#"["02/09/2025"]"#).unwrap();
//! assert!(out.contains(r#""is_working_day":false"#)); // Quốc khánh
//! ```

use crate::ops::{self, Core, Outcome};
use dxplan::Diagnostic;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Calls `op` with `args`, a JSON array as text: refused over
/// [`dxplan::MAX_INPUT_BYTES`] (`input.too_large`) or when it is not JSON,
/// nested too deeply included (`input.invalid_json`), at path `args`.
pub fn call_text(core: &mut Core, op: &str, args: &str) -> Outcome<String> {
    if args.len() > dxplan::MAX_INPUT_BYTES {
        return Err(vec![Diagnostic::too_large("args", args.len())]);
    }
    let parsed: Vec<Value> = serde_json::from_str(args).map_err(|e| {
        vec![Diagnostic::invalid_input(
            "args",
            dxplan::Text::new("một mảng JSON các đối số", "a JSON array of arguments"),
            &e.to_string(),
        )]
    })?;
    call(core, op, &parsed)
}

fn bad(name: &str, what: dxplan::Text, detail: &str) -> Vec<Diagnostic> {
    vec![Diagnostic::invalid_input(name, what, detail)]
}

/// Argument `i` decoded as `T` (absent or null: `T::default()`); errors at `name`.
fn arg<T: DeserializeOwned + Default>(a: &[Value], i: usize, name: &str) -> Outcome<T> {
    match a.get(i) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v) => serde_json::from_value(v.clone()).map_err(|e| {
            bad(
                name,
                dxplan::Text::new("đúng kiểu", "of the right type"),
                &e.to_string(),
            )
        }),
    }
}

/// Argument `i` decoded as `T`, required.
fn req<T: DeserializeOwned>(a: &[Value], i: usize, name: &str) -> Outcome<T> {
    serde_json::from_value(a.get(i).cloned().unwrap_or(Value::Null)).map_err(|e| {
        bad(
            name,
            dxplan::Text::new("đúng kiểu", "of the right type"),
            &e.to_string(),
        )
    })
}

fn text(a: &[Value], i: usize, name: &str) -> Outcome<String> {
    match a.get(i) {
        Some(Value::String(s)) => Ok(s.clone()),
        other => Err(bad(
            name,
            dxplan::Text::new("một chuỗi", "a string"),
            &format!("{}", other.unwrap_or(&Value::Null)),
        )),
    }
}

fn opt_text(a: &[Value], i: usize, name: &str) -> Outcome<Option<String>> {
    match a.get(i) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => text(a, i, name).map(Some),
    }
}

/// A whole number (a year, a count of days): what the WebAssembly exports
/// accept as a JavaScript number without fraction.
fn whole(a: &[Value], i: usize, name: &str) -> Outcome<i64> {
    match a.get(i) {
        Some(Value::Number(n)) if n.as_i64().is_some() => Ok(n.as_i64().unwrap_or_default()),
        other => Err(bad(
            name,
            dxplan::Text::new("một số nguyên", "a whole number"),
            &format!("{}", other.unwrap_or(&Value::Null)),
        )),
    }
}

fn year(a: &[Value], i: usize, name: &str) -> Outcome<i32> {
    let y = whole(a, i, name)?;
    i32::try_from(y).map_err(|_| bad(name, dxplan::Text::new("một năm", "a year"), &y.to_string()))
}

fn opt_year(a: &[Value], i: usize, name: &str) -> Outcome<Option<i32>> {
    match a.get(i) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => year(a, i, name).map(Some),
    }
}

/// The result as JSON text, written straight from the Rust value as the
/// WebAssembly build writes it (a `serde_json::Value` would sort the keys).
pub fn out<T: Serialize>(r: Outcome<T>) -> Outcome<String> {
    r.map(|v| serde_json::to_string(&v).unwrap_or_else(|e| format!("\"{e}\"")))
}

/// Calls the operation named like the WebAssembly export (`validate`,
/// `calendar`, …) with decoded JSON arguments, in the export's order; the
/// result as JSON text. Argument errors name the export's parameter.
pub fn call(core: &mut Core, op: &str, a: &[Value]) -> Outcome<String> {
    let v = |i: usize| a.get(i).cloned().unwrap_or(Value::Null);
    match op {
        "calendar" => out(core.calendar(year(a, 0, "year")?, &arg(a, 1, "query")?)),
        "icalendar" => {
            let lang = opt_text(a, 3, "lang")?.unwrap_or_else(|| "vi".into());
            out(core.icalendar(
                year(a, 0, "year")?,
                &arg(a, 2, "query")?,
                &text(a, 1, "today")?,
                &lang,
            ))
        }
        "holidays" => out(core.holidays(year(a, 0, "year")?)),
        "checkDay" => out(core.check_day(&text(a, 0, "date")?)),
        "addWorkingDays" => out(core
            .add_working_days(&text(a, 0, "date")?, whole(a, 1, "n")?)
            .map(|d| d.to_string())),
        "workingDaysBetween" => {
            out(core.working_days_between(&text(a, 0, "from")?, &text(a, 1, "to")?))
        }
        "status" => out(core.status(&req(a, 0, "query")?, &text(a, 1, "today")?)),
        "plans" => out(Ok(core.plans())),
        "kpiCatalog" => {
            out(core.kpi_catalog(opt_text(a, 0, "plan")?.as_deref(), opt_year(a, 1, "year")?))
        }
        "evaluateKpi" => out(core.evaluate_kpi(&req(a, 0, "input")?, &arg(a, 1, "options")?)),
        "consolidateKpi" => out(core.consolidate_kpi(&req(a, 0, "input")?, &arg(a, 1, "options")?)),
        "validate" => out(core.validate(&v(0), &text(a, 1, "today")?)),
        "validateField" => out(core.validate_field(
            &text(a, 0, "kind")?,
            &text(a, 1, "path")?,
            &v(2),
            &v(3),
            &text(a, 4, "today")?,
        )),
        "schema" => out(core.schema(&text(a, 0, "kind")?, year(a, 1, "year")?)),
        "explainTarget" => out(core.explain_target(
            &text(a, 0, "kpi")?,
            opt_text(a, 2, "plan")?.as_deref(),
            &text(a, 1, "date")?,
        )),
        "explainDeadline" => out(core.explain_deadline(
            &text(a, 0, "plan")?,
            &text(a, 1, "kind")?,
            &text(a, 2, "level")?,
            &text(a, 3, "date")?,
        )),
        "diff" => out(core.diff(year(a, 0, "yearA")?, year(a, 1, "yearB")?)),
        "checkRules" => out(Ok(ops::check_rules(&req::<Vec<ops::ScriptText>>(
            a, 0, "scripts",
        )?))),
        "fromScripts" => {
            let texts: Vec<ops::ScriptText> = req(a, 0, "scripts")?;
            out(Core::from_scripts(&texts).map(|c| c.rules_summary()))
        }
        "testRules" => out(Ok(
            core.test_rules(&req::<Vec<ops::ScriptText>>(a, 0, "scripts")?)
        )),
        "workflowNew" => out(Ok(ops::workflow_new(v(0)))),
        "workflowApply" => {
            let record = req(a, 0, "record")?;
            let t = req(a, 1, "transition")?;
            out(core.workflow_apply(&record, &t))
        }
        "rollup" => {
            let records: Vec<dxplan::workflow::ReportRecord> = req(a, 0, "records")?;
            out(core.rollup(&records, &req(a, 1, "query")?))
        }
        "tasks" => out(ops::tasks(&arg(a, 1, "query")?, &text(a, 0, "asOf")?)),
        other => Err(bad(
            "op",
            dxplan::Text::new("một phép của gói", "an operation of the package"),
            other,
        )),
    }
}
