//! # dxplan-wasm
//!
//! The dxplan engine for web pages and Node, through wasm-bindgen. This crate
//! only converts values: JavaScript arguments are decoded (and refused with a
//! structured error when malformed), the call goes to [`ops`], which calls the
//! `dxplan` core, and the result comes back as a plain JavaScript object
//! shaped like the JSON of `dxplan … --json`.
//!
//! Every export returns a `Result`, so nothing panics across the boundary and
//! the instance stays usable after any error. Errors reach JavaScript as
//! `Error` objects named `DxplanError` with `code`, `path`, `messageVi`,
//! `messageEn`, `hint`, `file`/`line`/`column` (rule scripts) and every
//! `diagnostics` entry. The clock is never read: every "today" comes from
//! the caller.
//!
//! ```
//! // The same operations natively (what the parity tests compare against):
//! let mut core = dxplan_wasm::ops::Core::defaults(None).unwrap();
//! let report = serde_json::json!({"kind": "quarterly"});
//! let v = core.validate(&report, "10/09/2025").unwrap();
//! assert!(!v.valid);
//! ```

pub mod json_api;
pub mod ops;

use dxplan::{Diagnostic, Text};
use js_sys::{Array, Object, Reflect};
use ops::{Core, Failure, Outcome};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// TypeScript declarations of every argument and result (`src/types.d.ts`).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn text_value(t: &Text) -> JsValue {
    let o = Object::new();
    set(&o, "vi", &JsValue::from_str(&t.vi));
    set(&o, "en", &JsValue::from_str(&t.en));
    o.into()
}

/// A `DxplanError`: the first diagnostic's fields on an `Error`, all of them
/// in `diagnostics`.
fn js_error(diags: Failure) -> JsValue {
    let first = diags.first().cloned().unwrap_or_else(|| {
        Diagnostic::error(
            dxplan::Code::InputInvalidJson,
            Text::new("Lỗi không xác định", "unknown error"),
        )
    });
    let err = js_sys::Error::new(&first.message.vi);
    err.set_name("DxplanError");
    let obj: &Object = err.as_ref();
    set(obj, "code", &JsValue::from_str(first.code.as_str()));
    let severity = match first.severity {
        dxplan::Severity::Info => "info",
        dxplan::Severity::Warning => "warning",
        dxplan::Severity::Error => "error",
    };
    set(obj, "severity", &JsValue::from_str(severity));
    set(obj, "messageVi", &JsValue::from_str(&first.message.vi));
    set(obj, "messageEn", &JsValue::from_str(&first.message.en));
    let path = first
        .path
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    set(obj, "path", &path);
    let hint = first.hint.as_ref().map_or(JsValue::NULL, text_value);
    set(obj, "hint", &hint);
    match &first.span {
        Some(s) => {
            set(obj, "file", &JsValue::from_str(&s.file));
            set(obj, "line", &JsValue::from_f64(s.line as f64));
            set(obj, "column", &JsValue::from_f64(s.column as f64));
        }
        None => {
            set(obj, "file", &JsValue::NULL);
            set(obj, "line", &JsValue::NULL);
            set(obj, "column", &JsValue::NULL);
        }
    }
    let all = to_js(&diags).unwrap_or_else(|_| Array::new().into());
    set(obj, "diagnostics", &all);
    err.into()
}

/// Converts a result to a JavaScript value: serde_json writes it (the same
/// JSON as `dxplan … --json`) and the engine's `JSON.parse` builds the
/// objects, which is one boundary crossing instead of one per field.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let failed = |e: String| {
        js_error(vec![Diagnostic::error(
            dxplan::Code::OutputWriteFailed,
            Text::new(
                format!("Không chuyển được kết quả sang JavaScript: {e}"),
                format!("cannot convert the result to JavaScript: {e}"),
            ),
        )])
    };
    let text = serde_json::to_string(value).map_err(|e| failed(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| failed("JSON.parse".to_string()))
}

fn answer<T: Serialize>(r: Outcome<T>) -> Result<JsValue, JsValue> {
    match r {
        Ok(v) => to_js(&v),
        Err(d) => Err(js_error(d)),
    }
}

// Arguments cross the boundary as JSON text written by the engine's own
// JSON.stringify (one call, native speed), with a replacer that refuses what
// JSON cannot hold and what would be too much: NaN and infinite numbers (JSON
// would write them as null, silently), payloads over MAX_INPUT_BYTES (counted
// as the text grows, so a huge payload stops early) — each at its JSON
// pointer. Cycles and runaway nesting make JSON.stringify or serde_json's
// recursion limit (128) refuse the value. Converting field by field through
// serde-wasm-bindgen cost about 0.4 ms for a quarterly report; this, ~20 µs.
#[wasm_bindgen(inline_js = r#"
export function encode(value, prefix, max) {
  const paths = new WeakMap();
  let size = 0;
  const at = (holder, key) => {
    const base = paths.get(holder);
    return base === undefined ? prefix : `${base}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  };
  try {
    const text = JSON.stringify(value, function (key, v) {
      size += 8 + key.length;
      if (typeof v === 'string') {
        size += v.length;
        if (size > max) throw { dxplan: 'too_large', path: at(this, key), size };
      } else if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw { dxplan: 'not_finite', path: at(this, key), value: String(v) };
      } else if (v !== null && typeof v === 'object') {
        paths.set(v, at(this, key));
      }
      return v;
    });
    return text === undefined ? 'null' : text;
  } catch (e) {
    if (e && e.dxplan) return e;
    return { dxplan: 'invalid', path: prefix, detail: String(e && e.message ? e.message : e) };
  }
}
"#)]
extern "C" {
    fn encode(value: &JsValue, prefix: &str, max: f64) -> JsValue;
}

fn field(obj: &JsValue, key: &str) -> String {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string().or_else(|| v.as_f64().map(|n| n.to_string())))
        .unwrap_or_default()
}

/// The JSON text of a JavaScript value (see `encode`), or why it has none.
fn json_text(v: &JsValue, name: &str, prefix: &str) -> Result<String, Diagnostic> {
    let out = encode(v, prefix, dxplan::MAX_INPUT_BYTES as f64);
    if let Some(text) = out.as_string() {
        return Ok(text);
    }
    let path = field(&out, "path");
    let at = if path.is_empty() {
        "/".to_string()
    } else {
        path
    };
    Err(match field(&out, "dxplan").as_str() {
        "not_finite" => Diagnostic::not_finite(&at, &field(&out, "value")),
        "too_large" => Diagnostic::too_large(
            &at,
            field(&out, "size").parse::<f64>().unwrap_or(0.0) as usize,
        ),
        _ => Diagnostic::invalid_input(
            name,
            Text::new(
                "dữ liệu JSON (không vòng lặp, không lồng quá sâu)",
                "JSON data (no cycles, not nested too deeply)",
            ),
            &field(&out, "detail"),
        ),
    })
}

/// Decodes argument `name` as `T`; `what` says what it should be.
fn input<T: DeserializeOwned>(v: JsValue, name: &str, what: Text) -> Result<T, JsValue> {
    input_at(v, name, what, "")
}

/// [`input`] for a value that sits at `prefix` in a larger document (the
/// field of `validateField`): its problems are reported at their full path.
fn input_at<T: DeserializeOwned>(
    v: JsValue,
    name: &str,
    what: Text,
    prefix: &str,
) -> Result<T, JsValue> {
    let text = json_text(&v, name, prefix).map_err(|d| js_error(vec![d]))?;
    // serde_json refuses nesting deeper than 128 levels and unknown fields
    // where the type says so, and words its errors as natively.
    serde_json::from_str(&text)
        .map_err(|e| js_error(vec![Diagnostic::invalid_input(name, what, &e.to_string())]))
}

/// An optional object argument (`undefined` or `null`: the defaults).
fn optional<T: DeserializeOwned + Default>(
    v: Option<Object>,
    name: &str,
    what: Text,
) -> Result<T, JsValue> {
    match v {
        Some(v) => input(v.into(), name, what),
        None => Ok(T::default()),
    }
}

fn json(v: JsValue, name: &str) -> Result<serde_json::Value, JsValue> {
    if v.is_undefined() {
        return Ok(serde_json::Value::Null);
    }
    input(v, name, Text::new("dữ liệu JSON", "JSON data"))
}

fn year(v: f64, name: &str) -> Result<i32, JsValue> {
    if v.fract() == 0.0 && (-1e9..=1e9).contains(&v) {
        Ok(v as i32)
    } else {
        Err(js_error(vec![Diagnostic::invalid_input(
            name,
            Text::new("một năm (số nguyên)", "a year (a whole number)"),
            &format!("{v}"),
        )]))
    }
}

fn scripts_arg(v: JsValue) -> Result<Vec<ops::ScriptText>, JsValue> {
    input(
        v,
        "scripts",
        Text::new("một mảng {name, source}", "an array of {name, source}"),
    )
}

/// The package version (the workspace version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Compiles and applies rule scripts on the base rules; script errors are
/// returned as `diagnostics` (with file, line and column), not thrown.
#[wasm_bindgen(js_name = checkRules, unchecked_return_type = "RulesCheck")]
pub fn check_rules(
    #[wasm_bindgen(unchecked_param_type = "ScriptText[]")] scripts: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scripts_arg(scripts)?;
    to_js(&ops::check_rules(&s))
}

/// The embedded default scripts and their test files, for a rule editor.
#[wasm_bindgen(js_name = defaultScripts, unchecked_return_type = "ScriptText[]")]
pub fn default_scripts() -> Result<JsValue, JsValue> {
    to_js(&ops::default_scripts())
}

/// The functions of the rule-script API with their parameters and what they
/// do, for completion in a rule editor.
#[wasm_bindgen(js_name = scriptApi, unchecked_return_type = "ApiFunction[]")]
pub fn script_api() -> Result<JsValue, JsValue> {
    to_js(dxplan::rules::SCRIPT_API)
}

/// The test files shipped with the default scripts (`rules/tests/*.test`).
#[wasm_bindgen(js_name = defaultRuleTests, unchecked_return_type = "ScriptText[]")]
pub fn default_rule_tests() -> Result<JsValue, JsValue> {
    let tests: Vec<ops::ScriptText> = dxplan::rules::defaults::TESTS
        .iter()
        .map(|(name, source)| ops::ScriptText {
            name: (*name).to_string(),
            source: (*source).to_string(),
        })
        .collect();
    to_js(&tests)
}

/// A draft workflow record holding `report`.
#[wasm_bindgen(js_name = workflowNew, unchecked_return_type = "ReportRecord")]
pub fn workflow_new(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
) -> Result<JsValue, JsValue> {
    let r = json(report, "report")?;
    to_js(&ops::workflow_new(r))
}

/// The task register (000 §V, 004 Appendix II) with each task's status on `asOf`.
#[wasm_bindgen(unchecked_return_type = "TaskStatus[]")]
pub fn tasks(
    #[wasm_bindgen(js_name = asOf)] as_of: &str,
    #[wasm_bindgen(unchecked_param_type = "TasksQuery")] query: Option<Object>,
) -> Result<JsValue, JsValue> {
    let q: ops::TasksQuery = optional(
        query,
        "query",
        Text::new("{agency?, progress?}", "{agency?, progress?}"),
    )?;
    answer(ops::tasks(&q, as_of))
}

/// An engine: rules (embedded or supplied) and a validator, built once and
/// used for every call. Free it with `free()` or let the garbage collector
/// do it.
#[wasm_bindgen]
pub struct Engine {
    core: Core,
}

#[wasm_bindgen]
impl Engine {
    /// The embedded default rules (`rules/*.rhai`); with `year`, only the
    /// scripts of that year and before.
    #[wasm_bindgen(js_name = withDefaults)]
    pub fn with_defaults(year: Option<f64>) -> Result<Engine, JsValue> {
        let y = match year {
            Some(v) => Some(self::year(v, "year")?),
            None => None,
        };
        Core::defaults(y)
            .map(|core| Engine { core })
            .map_err(js_error)
    }

    /// The base rules plus the given scripts, applied atomically: a script
    /// error throws a `DxplanError` with its file, line and column.
    #[wasm_bindgen(js_name = fromScripts)]
    pub fn from_scripts(
        #[wasm_bindgen(unchecked_param_type = "ScriptText[]")] scripts: JsValue,
    ) -> Result<Engine, JsValue> {
        let s = scripts_arg(scripts)?;
        Core::from_scripts(&s)
            .map(|core| Engine { core })
            .map_err(js_error)
    }

    /// What the loaded scripts changed and the checks they registered.
    #[wasm_bindgen(js_name = rulesSummary, unchecked_return_type = "RulesCheck")]
    pub fn rules_summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.core.rules_summary())
    }

    /// Validates a whole report on `today` (`dd/mm/yyyy` or `yyyy-mm-dd`).
    #[wasm_bindgen(unchecked_return_type = "Validation")]
    pub fn validate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let r = json(report, "report")?;
        answer(self.core.validate(&r, today))
    }

    /// Validates one field (`path`, a JSON pointer) of a report of `kind`
    /// being typed; `context` is the rest of the report.
    #[wasm_bindgen(js_name = validateField, unchecked_return_type = "FieldValidation")]
    pub fn validate_field(
        &self,
        kind: &str,
        path: &str,
        #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Report")] context: JsValue,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let v = if value.is_undefined() {
            serde_json::Value::Null
        } else {
            input_at(value, path, Text::new("dữ liệu JSON", "JSON data"), path)?
        };
        let c = json(context, "context")?;
        answer(self.core.validate_field(kind, path, &v, &c, today))
    }

    /// The obligations of a year, sorted by deadline, with overlaps and
    /// consolidation windows.
    #[wasm_bindgen(unchecked_return_type = "CalendarReport")]
    pub fn calendar(
        &self,
        year: f64,
        #[wasm_bindgen(unchecked_param_type = "CalendarQuery")] query: Option<Object>,
    ) -> Result<JsValue, JsValue> {
        let y = self::year(year, "year")?;
        let q = optional(query, "query", calendar_query_text())?;
        answer(self.core.calendar(y, &q))
    }

    /// The obligations of a year as an iCalendar (.ics) text stamped `today`,
    /// in Vietnamese (`lang`: `vi`, default) or English (`en`).
    pub fn icalendar(
        &self,
        year: f64,
        today: &str,
        #[wasm_bindgen(unchecked_param_type = "CalendarQuery")] query: Option<Object>,
        lang: Option<String>,
    ) -> Result<String, JsValue> {
        let y = self::year(year, "year")?;
        let q = optional(query, "query", calendar_query_text())?;
        self.core
            .icalendar(y, &q, today, lang.as_deref().unwrap_or("vi"))
            .map_err(js_error)
    }

    /// A year's days off (holidays, compensatory days, swaps) and worked
    /// weekend days.
    #[wasm_bindgen(unchecked_return_type = "Holidays")]
    pub fn holidays(&self, year: f64) -> Result<JsValue, JsValue> {
        let y = self::year(year, "year")?;
        answer(self.core.holidays(y))
    }

    /// `date` plus `n` working days (negative: before); the day as `yyyy-mm-dd`.
    #[wasm_bindgen(js_name = addWorkingDays)]
    pub fn add_working_days(&self, date: &str, n: f64) -> Result<String, JsValue> {
        if !n.is_finite() || n.fract() != 0.0 {
            return Err(js_error(vec![Diagnostic::invalid_input(
                "n",
                Text::new(
                    "một số nguyên ngày làm việc",
                    "a whole number of working days",
                ),
                &format!("{n}"),
            )]));
        }
        self.core
            .add_working_days(date, n as i64)
            .map(|d| d.to_string())
            .map_err(js_error)
    }

    /// Working days after `from` up to and including `to`.
    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(&self, from: &str, to: &str) -> Result<f64, JsValue> {
        self.core
            .working_days_between(from, to)
            .map(|n| n as f64)
            .map_err(js_error)
    }

    /// Whether `date` is a working day, and why not.
    #[wasm_bindgen(js_name = checkDay, unchecked_return_type = "DayCheck")]
    pub fn check_day(&self, date: &str) -> Result<JsValue, JsValue> {
        answer(self.core.check_day(date))
    }

    /// The submission status of one obligation on `today`.
    #[wasm_bindgen(unchecked_return_type = "StatusAnswer")]
    pub fn status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "StatusQuery")] query: JsValue,
        today: &str,
    ) -> Result<JsValue, JsValue> {
        let q: ops::StatusQuery = input(
            query,
            "query",
            Text::new(
                "{plan, kind, period, level?, submitted?, policy?}",
                "{plan, kind, period, level?, submitted?, policy?}",
            ),
        )?;
        answer(self.core.status(&q, today))
    }

    /// The plans the rules know, with their deadline rules and sources.
    #[wasm_bindgen(unchecked_return_type = "Plan[]")]
    pub fn plans(&self) -> Result<JsValue, JsValue> {
        to_js(&self.core.plans())
    }

    /// The indicator catalog; with `plan` and/or `year`, only those targets.
    #[wasm_bindgen(js_name = kpiCatalog, unchecked_return_type = "Indicator[]")]
    pub fn kpi_catalog(&self, plan: Option<String>, year: Option<f64>) -> Result<JsValue, JsValue> {
        let y = match year {
            Some(v) => Some(self::year(v, "year")?),
            None => None,
        };
        answer(self.core.kpi_catalog(plan.as_deref(), y))
    }

    /// Evaluates one unit's KPI inputs against the targets.
    #[wasm_bindgen(js_name = evaluateKpi, unchecked_return_type = "Evaluation")]
    pub fn evaluate_kpi(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "UnitInput")] input_value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "KpiOptions")] options: Option<Object>,
    ) -> Result<JsValue, JsValue> {
        let i: dxplan::kpi::UnitInput = input(input_value, "input", unit_input_text())?;
        let o = optional(options, "options", kpi_options_text())?;
        answer(self.core.evaluate_kpi(&i, &o))
    }

    /// Consolidates several units' KPI inputs (sums of numerators and
    /// denominators, missing units).
    #[wasm_bindgen(js_name = consolidateKpi, unchecked_return_type = "Consolidation")]
    pub fn consolidate_kpi(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ConsolidationInput")] input_value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "KpiOptions")] options: Option<Object>,
    ) -> Result<JsValue, JsValue> {
        let i: dxplan::kpi::ConsolidationInput = input(
            input_value,
            "input",
            Text::new(
                "{level, period, units: [...], expected_units?}",
                "{level, period, units: [...], expected_units?}",
            ),
        )?;
        let o = optional(options, "options", kpi_options_text())?;
        answer(self.core.consolidate_kpi(&i, &o))
    }

    /// The JSON Schema (2020-12) of a report kind for a year.
    #[wasm_bindgen(unchecked_return_type = "JsonSchema")]
    pub fn schema(&self, kind: &str, year: f64) -> Result<JsValue, JsValue> {
        let y = self::year(year, "year")?;
        answer(self.core.schema(kind, y))
    }

    /// The target of an indicator in force on `date`, per plan, and the
    /// rules that set it.
    #[wasm_bindgen(js_name = explainTarget, unchecked_return_type = "PlanSteps[]")]
    pub fn explain_target(
        &self,
        kpi: &str,
        date: &str,
        plan: Option<String>,
    ) -> Result<JsValue, JsValue> {
        answer(self.core.explain_target(kpi, plan.as_deref(), date))
    }

    /// The deadlines of a report kind in the year of `date` and its
    /// recipients over time.
    #[wasm_bindgen(js_name = explainDeadline, unchecked_return_type = "DeadlineExplanation")]
    pub fn explain_deadline(
        &self,
        plan: &str,
        kind: &str,
        level: &str,
        date: &str,
    ) -> Result<JsValue, JsValue> {
        answer(self.core.explain_deadline(plan, kind, level, date))
    }

    /// What changed between the rules of two years.
    #[wasm_bindgen(unchecked_return_type = "RulesDiff")]
    pub fn diff(&self, year_a: f64, year_b: f64) -> Result<JsValue, JsValue> {
        let a = self::year(year_a, "yearA")?;
        let b = self::year(year_b, "yearB")?;
        answer(self.core.diff(a, b))
    }

    /// Runs rule-script test files against these rules.
    #[wasm_bindgen(js_name = testRules, unchecked_return_type = "TestOutcome[]")]
    pub fn test_rules(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ScriptText[]")] files: JsValue,
    ) -> Result<JsValue, JsValue> {
        let f = scripts_arg(files)?;
        to_js(&self.core.test_rules(&f))
    }

    /// Applies a workflow transition to a record; the new record, or a
    /// `DxplanError` saying why the transition is refused.
    #[wasm_bindgen(js_name = workflowApply, unchecked_return_type = "ReportRecord")]
    pub fn workflow_apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ReportRecord")] record: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Transition")] transition: JsValue,
    ) -> Result<JsValue, JsValue> {
        let r: dxplan::workflow::ReportRecord = input(
            record,
            "record",
            Text::new(
                "{report, state, history, ...} (từ workflowNew)",
                "{report, state, history, ...} (from workflowNew)",
            ),
        )?;
        let t: dxplan::workflow::Transition = input(
            transition,
            "transition",
            Text::new(
                "{action, by: {role, name}, at, note?, reasons?}",
                "{action, by: {role, name}, at, note?, reasons?}",
            ),
        )?;
        answer(self.core.workflow_apply(&r, &t))
    }

    /// Rolls up the accepted reports of a period into the next level.
    #[wasm_bindgen(unchecked_return_type = "Rollup")]
    pub fn rollup(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportRecord[]")] records: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RollupQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let r: Vec<dxplan::workflow::ReportRecord> = input(
            records,
            "records",
            Text::new("một mảng hồ sơ báo cáo", "an array of report records"),
        )?;
        let q: ops::RollupQuery = input(
            query,
            "query",
            Text::new(
                "{level, period, plan, expected?}",
                "{level, period, plan, expected?}",
            ),
        )?;
        answer(self.core.rollup(&r, &q))
    }
}

fn calendar_query_text() -> Text {
    Text::new(
        "{plan?, level?, policy?, overlap?, inspection?: [bắt đầu, kết thúc]}",
        "{plan?, level?, policy?, overlap?, inspection?: [start, end]}",
    )
}

fn kpi_options_text() -> Text {
    Text::new("{plans?: [...], year?}", "{plans?: [...], year?}")
}

fn unit_input_text() -> Text {
    Text::new(
        "{unit, level, period, values: {...}}",
        "{unit, level, period, values: {...}}",
    )
}
