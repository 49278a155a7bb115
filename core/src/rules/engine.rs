//! The sandboxed Rhai engine that runs rule scripts.

use super::api::{self, Shared, State};
use super::{RuleSet, Script, MAX_SCRIPT_BYTES};
use crate::diagnostic::{Code, Diagnostic, Severity, Span, Text};
use crate::kpi::input::RawValue;
use crate::kpi::{evaluate_for_year, Consolidation, ConsolidationInput, Evaluation, UnitInput};
use rhai::packages::{
    BasicArrayPackage, BasicMapPackage, CorePackage, LogicPackage, MoreStringPackage, Package,
};
use rhai::{Dynamic, Engine, EvalAltResult, ParseError, ParseErrorType, Position, Scope, AST};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Sandbox limits (documented in `rules/README.md`).
pub mod limits {
    /// Operations one script run may perform (an infinite loop stops here).
    pub const OPERATIONS: u64 = 500_000;
    /// Nested function calls (runaway recursion stops here).
    pub const CALL_LEVELS: usize = 32;
    /// Expression nesting at the top level and inside functions.
    pub const EXPR_DEPTH: (usize, usize) = (64, 32);
    /// Characters in one string.
    pub const STRING_SIZE: usize = 10_000;
    /// Items in one array.
    pub const ARRAY_SIZE: usize = 10_000;
    /// Entries in one object map.
    pub const MAP_SIZE: usize = 1_000;
    /// Variables alive at once.
    pub const VARIABLES: usize = 256;
    /// Functions one script may define.
    pub const FUNCTIONS: usize = 256;
}

/// Script name → the functions-only AST of each version (text hash) seen.
type CheckAsts = HashMap<String, Vec<(u64, Rc<AST>)>>;

/// Runs rule scripts in a sandbox; build it once and reuse it (compiled
/// scripts are cached by name and text).
pub struct RulesEngine {
    engine: Engine,
    state: Shared,
    cache: HashMap<(String, u64), AST>,
    /// Functions-only ASTs of the scripts with custom checks, by script name,
    /// one per version (text hash): a validation looks them up without
    /// hashing or cloning the script, whichever loaded rule set it checks.
    /// Compiled on first use when the rules were loaded by another engine.
    check_asts: RefCell<CheckAsts>,
}

impl Default for RulesEngine {
    fn default() -> Self {
        RulesEngine::new()
    }
}

impl std::fmt::Debug for RulesEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RulesEngine")
            .field("cached_scripts", &self.cache.len())
            .finish()
    }
}

use super::text_hash as hash;

fn span(script: &Script, pos: Position) -> Span {
    Span {
        file: script.name.clone(),
        line: pos.line().unwrap_or(0),
        column: pos.position().unwrap_or(0),
    }
}

impl RulesEngine {
    /// A sandboxed engine with the rule-script API registered.
    pub fn new() -> RulesEngine {
        let mut engine = Engine::new_raw();
        // Language core, arithmetic, logic, strings, arrays and maps — nothing
        // that reaches the outside world (no print target, no clock, no files).
        engine.register_global_module(CorePackage::new().as_shared_module());
        engine.register_global_module(LogicPackage::new().as_shared_module());
        engine.register_global_module(MoreStringPackage::new().as_shared_module());
        engine.register_global_module(BasicArrayPackage::new().as_shared_module());
        engine.register_global_module(BasicMapPackage::new().as_shared_module());
        engine.on_print(|_| {});
        engine.on_debug(|_, _, _| {});
        engine.disable_symbol("eval");
        engine.set_strict_variables(true);
        engine.set_max_operations(limits::OPERATIONS);
        engine.set_max_call_levels(limits::CALL_LEVELS);
        engine.set_max_expr_depths(limits::EXPR_DEPTH.0, limits::EXPR_DEPTH.1);
        engine.set_max_string_size(limits::STRING_SIZE);
        engine.set_max_array_size(limits::ARRAY_SIZE);
        engine.set_max_map_size(limits::MAP_SIZE);
        engine.set_max_variables(limits::VARIABLES);
        engine.set_max_functions(limits::FUNCTIONS);
        let state: Shared = Rc::new(RefCell::new(None));
        api::register(&mut engine, &state);
        RulesEngine {
            engine,
            state,
            cache: HashMap::new(),
            check_asts: RefCell::new(HashMap::new()),
        }
    }

    /// The base rule set plus `scripts`, run in year order. Atomic: either the
    /// new rule set, or every problem found (the caller keeps its old rules).
    pub fn load(&mut self, scripts: &[Script]) -> Result<RuleSet, Vec<Diagnostic>> {
        self.load_onto(RuleSet::base(), scripts)
    }

    /// Like [`RulesEngine::load`], onto a given rule set instead of the base.
    pub fn load_onto(
        &mut self,
        base: RuleSet,
        scripts: &[Script],
    ) -> Result<RuleSet, Vec<Diagnostic>> {
        let mut ordered: Vec<&Script> = scripts.iter().collect();
        ordered.sort_by(|a, b| (a.year, &a.name).cmp(&(b.year, &b.name)));
        let mut errors = Vec::new();
        let mut rules = base;
        let mut spent = api::Spent::default();
        for script in ordered {
            let ast = match self.compile(script) {
                Ok(ast) => ast,
                Err(d) => {
                    errors.push(d);
                    continue;
                }
            };
            *self.state.borrow_mut() = Some(State::new(rules, script.clone(), &ast, spent));
            let outcome = self.engine.run_ast_with_scope(&mut Scope::new(), &ast);
            let state = self.state.borrow_mut().take();
            let Some(state) = state else {
                errors.push(runtime_lost(script));
                return Err(errors);
            };
            let (next, recorded_error, now) = state.finish();
            rules = next;
            spent = now;
            if rules.checks.iter().any(|c| c.script == script.name) {
                self.keep_check_ast(script, &ast);
            }
            if let Err(e) = outcome {
                errors.push(recorded_error.unwrap_or_else(|| convert_eval(&e, script)));
            }
            rules.scripts.push(script.clone());
        }
        if errors.is_empty() {
            rules.calendar = crate::calendar::holidays::Calendar::new(rules.holidays.clone());
            Ok(rules)
        } else {
            Err(errors)
        }
    }

    /// Compiles a script (cached), or says where it is wrong.
    pub fn compile(&mut self, script: &Script) -> Result<AST, Diagnostic> {
        let key = (script.name.clone(), hash(&script.source));
        if let Some(ast) = self.cache.get(&key) {
            return Ok(ast.clone());
        }
        let ast = self.compile_fresh(script)?;
        self.cache.insert(key, ast.clone());
        Ok(ast)
    }

    /// Compiles a script (not cached).
    fn compile_fresh(&self, script: &Script) -> Result<AST, Diagnostic> {
        if script.source.len() > MAX_SCRIPT_BYTES {
            return Err(Diagnostic::error(
                Code::RulesLimit,
                Text::new(
                    format!(
                        "Tệp quy tắc quá lớn: {} byte (tối đa {MAX_SCRIPT_BYTES})",
                        script.source.len()
                    ),
                    format!(
                        "rule file too large: {} bytes (at most {MAX_SCRIPT_BYTES})",
                        script.source.len()
                    ),
                ),
            )
            .in_script(Span {
                file: script.name.clone(),
                line: 1,
                column: 1,
            }));
        }
        let mut ast = self
            .engine
            .compile(&script.source)
            .map_err(|e| convert_parse(&e, script))?;
        ast.set_source(script.name.as_str());
        Ok(ast)
    }

    /// Runs the custom checks of `rules` on a unit's inputs.
    ///
    /// ```
    /// use dxplan::rules::{RulesEngine, Script};
    /// let mut engine = RulesEngine::new();
    /// let script = Script::new("2026.rhai", r#"
    ///     fn it_nhat_10_ho_so(bc) {
    ///         if bc.gia_tri.dossiers_total < 10 {
    ///             return [canh_bao("/values/dossiers_total", "Ít hơn 10 hồ sơ", "Fewer than 10 dossiers")];
    ///         }
    ///         []
    ///     }
    ///     kiem_tra("it_nhat_10_ho_so", "it_nhat_10_ho_so");
    /// "#).unwrap();
    /// let rules = engine.load(&[script]).unwrap();
    /// let input: dxplan::kpi::UnitInput = serde_json::from_str(
    ///     r#"{"unit": "a", "level": "commune", "period": "2026", "values": {"dossiers_total": 3}}"#).unwrap();
    /// let found = engine.run_checks(&rules, &input);
    /// assert_eq!(found[0].check.as_deref(), Some("it_nhat_10_ho_so"));
    /// ```
    pub fn run_checks(&self, rules: &RuleSet, input: &UnitInput) -> Vec<Diagnostic> {
        if rules.checks.is_empty() {
            return Vec::new();
        }
        self.run_checks_on(rules, report_map(input))
    }

    /// Evaluates one unit's inputs against the targets of `plans` (every plan
    /// with a target when empty) for `year` (the period's year when `None`),
    /// then runs the scripts' custom checks on them.
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let input: dxplan::kpi::UnitInput = serde_json::from_str(r#"{"unit": "a", "level": "commune",
    ///   "period": "2025", "values": {"dossiers_full_online": 13, "dossiers_total": 20}}"#).unwrap();
    /// let ev = dxplan::rules::RulesEngine::new().evaluate(rules, &input, &[], None);
    /// assert!(!ev.results.is_empty());
    /// ```
    pub fn evaluate(
        &self,
        rules: &RuleSet,
        input: &UnitInput,
        plans: &[&str],
        year: Option<i32>,
    ) -> Evaluation {
        let mut ev = evaluate_for_year(
            &rules.catalog,
            input,
            plans,
            year.unwrap_or_else(|| input.period.year_of()),
        );
        ev.diagnostics.extend(self.run_checks(rules, input));
        ev.recount();
        ev
    }

    /// Consolidates several units' inputs (see [`crate::kpi::consolidate`])
    /// and runs the custom checks on each unit, at `/units/i…`.
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let input: dxplan::kpi::ConsolidationInput = serde_json::from_str(r#"{"level": "city",
    ///   "period": "2025", "units": [{"unit": "a", "level": "commune", "period": "2025",
    ///   "values": {"dossiers_full_online": 13, "dossiers_total": 20}}]}"#).unwrap();
    /// let c = dxplan::rules::RulesEngine::new().consolidate(rules, &input, &[], None);
    /// assert_eq!(c.units_reported.len(), 1);
    /// ```
    pub fn consolidate(
        &self,
        rules: &RuleSet,
        input: &ConsolidationInput,
        plans: &[&str],
        year: Option<i32>,
    ) -> Consolidation {
        let mut c = crate::kpi::consolidate(&rules.catalog, input, plans, year);
        for (i, u) in input.units.iter().enumerate() {
            c.diagnostics
                .extend(self.run_checks(rules, u).into_iter().map(|d| {
                    let path = format!("/units/{i}{}", d.path.as_deref().unwrap_or(""));
                    d.at(path)
                }));
        }
        c.recount();
        c
    }

    /// Runs the custom checks on a whole report (a form, see
    /// [`crate::forms`]). A check function sees `bc.don_vi`, `bc.cap`,
    /// `bc.ky`, `bc.gia_tri` (the KPI inputs, numbers) as for
    /// [`RulesEngine::run_checks`], plus `bc.loai` (the kind), `bc.ke_hoach`
    /// (the plan) and `bc.bao_cao` (the whole report as sent).
    ///
    /// ```
    /// use dxplan::rules::{RulesEngine, Script};
    /// let mut engine = RulesEngine::new();
    /// let script = Script::new("2026.rhai", r#"
    ///     fn co_tin_bai(bc) {
    ///         if bc.loai == "annual" && bc.bao_cao.appendices.news.len() == 0 {
    ///             return [loi("/appendices/news", "Báo cáo năm phải có Phụ lục 01", "An annual report needs Appendix 01")];
    ///         }
    ///         []
    ///     }
    ///     kiem_tra("co_tin_bai", "co_tin_bai");
    /// "#).unwrap();
    /// let rules = engine.load(&[script]).unwrap();
    /// let report = serde_json::json!({"kind": "annual", "appendices": {"news": []}});
    /// let found = engine.run_report_checks(&rules, &report);
    /// assert_eq!(found[0].path.as_deref(), Some("/appendices/news"));
    /// ```
    pub fn run_report_checks(
        &self,
        rules: &RuleSet,
        report: &serde_json::Value,
    ) -> Vec<Diagnostic> {
        if rules.checks.is_empty() {
            return Vec::new();
        }
        self.run_checks_on(rules, report_view(report))
    }

    /// Compiles the functions of every script of `rules` that registers a
    /// custom check now rather than at the first check (a validator does it
    /// when it is built). [`RulesEngine::load`] does it for the rules it
    /// returns. Returns the scripts that do not compile (they cannot: they
    /// loaded).
    ///
    /// ```
    /// let rules = dxplan::defaults::rules();
    /// let engine = dxplan::rules::RulesEngine::new();
    /// assert!(engine.prepare_checks(rules).is_empty());
    /// ```
    pub fn prepare_checks(&self, rules: &RuleSet) -> Vec<Diagnostic> {
        rules
            .checks
            .iter()
            .filter_map(|check| {
                let script = rules.scripts.iter().find(|s| s.name == check.script)?;
                self.check_ast(script, check.script_hash).err()
            })
            .collect()
    }

    fn keep_check_ast(&self, script: &Script, ast: &AST) -> Rc<AST> {
        let h = hash(&script.source);
        let ast = Rc::new(ast.clone_functions_only());
        let mut asts = self.check_asts.borrow_mut();
        let versions = asts.entry(script.name.clone()).or_default();
        if !versions.iter().any(|(v, _)| *v == h) {
            versions.push((h, Rc::clone(&ast)));
        }
        ast
    }

    /// The functions of the version `h` of `script`, compiled once (by
    /// [`RulesEngine::load`], [`RulesEngine::prepare_checks`] or here).
    fn check_ast(&self, script: &Script, h: u64) -> Result<Rc<AST>, Diagnostic> {
        let known = self
            .check_asts
            .borrow()
            .get(&script.name)
            .and_then(|v| v.iter().find(|(x, _)| *x == h))
            .map(|(_, ast)| Rc::clone(ast));
        match known {
            Some(ast) => Ok(ast),
            None => Ok(self.keep_check_ast(script, &self.compile_fresh(script)?)),
        }
    }

    fn run_checks_on(&self, rules: &RuleSet, report: Dynamic) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for check in &rules.checks {
            let Some(script) = rules.scripts.iter().find(|s| s.name == check.script) else {
                continue;
            };
            let ast = match self.check_ast(script, check.script_hash) {
                Ok(ast) => ast,
                Err(d) => {
                    out.push(d);
                    continue;
                }
            };
            // Only the check function runs, not the file's top-level statements again.
            let options = rhai::CallFnOptions::new()
                .eval_ast(false)
                .rewind_scope(true);
            let result = self.engine.call_fn_with_options::<Dynamic>(
                options,
                &mut Scope::new(),
                &ast,
                &check.function,
                (report.clone(),),
            );
            match result {
                Ok(v) => out.extend(api::check_results(v, check)),
                Err(e) => out.push(convert_eval(&e, script)),
            }
        }
        out
    }
}

/// A KPI input as a script sees it.
fn raw_dynamic(raw: &RawValue) -> Dynamic {
    match raw {
        RawValue::Number(n) if n.is_integer() => i64::try_from(n.numerator())
            .map(Dynamic::from)
            .unwrap_or(Dynamic::UNIT),
        RawValue::Number(n) => Dynamic::from(n.numerator() as f64 / n.denominator() as f64),
        RawValue::Bool(b) => Dynamic::from(*b),
        RawValue::Text(t) => Dynamic::from(t.clone()),
        _ => Dynamic::UNIT,
    }
}

/// The report as a script sees it: `#{ don_vi, cap, ky, gia_tri: #{ id: number | bool } }`.
fn report_map(input: &UnitInput) -> Dynamic {
    let mut values = rhai::Map::new();
    for (id, raw) in &input.values {
        values.insert(id.as_str().into(), raw_dynamic(raw));
    }
    let mut m = rhai::Map::new();
    m.insert("don_vi".into(), Dynamic::from(input.unit.clone()));
    m.insert(
        "cap".into(),
        Dynamic::from(input.level.as_str().to_string()),
    );
    m.insert("ky".into(), Dynamic::from(input.period.id()));
    m.insert("gia_tri".into(), Dynamic::from(values));
    Dynamic::from(m)
}

/// A JSON value as a script sees it (numbers as integers when whole).
fn json_dynamic(v: &serde_json::Value, depth: usize) -> Dynamic {
    use serde_json::Value;
    if depth > 64 {
        return Dynamic::UNIT;
    }
    match v {
        Value::Null => Dynamic::UNIT,
        Value::Bool(b) => Dynamic::from(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Dynamic::from(i),
            None => n.as_f64().map_or(Dynamic::UNIT, Dynamic::from),
        },
        Value::String(s) => Dynamic::from(s.clone()),
        Value::Array(a) => Dynamic::from(
            a.iter()
                .map(|x| json_dynamic(x, depth + 1))
                .collect::<rhai::Array>(),
        ),
        Value::Object(m) => Dynamic::from(
            m.iter()
                .map(|(k, x)| (k.as_str().into(), json_dynamic(x, depth + 1)))
                .collect::<rhai::Map>(),
        ),
    }
}

/// The view of a whole report given to check functions.
fn report_view(report: &serde_json::Value) -> Dynamic {
    let s = |p: &str| {
        report
            .pointer(p)
            .and_then(serde_json::Value::as_str)
            .map_or(Dynamic::UNIT, |v| Dynamic::from(v.trim().to_string()))
    };
    let mut values = rhai::Map::new();
    if let Some(serde_json::Value::Object(m)) = report.get("values") {
        for (id, v) in m {
            let raw = RawValue::deserialize(v).unwrap_or(RawValue::Null);
            values.insert(id.as_str().into(), raw_dynamic(&raw));
        }
    }
    let mut m = rhai::Map::new();
    m.insert("don_vi".into(), s("/unit/id"));
    m.insert("cap".into(), s("/unit/level"));
    m.insert("ky".into(), s("/period"));
    m.insert("loai".into(), s("/kind"));
    m.insert("ke_hoach".into(), s("/plan"));
    m.insert("gia_tri".into(), Dynamic::from(values));
    m.insert("bao_cao".into(), json_dynamic(report, 0));
    Dynamic::from(m)
}

fn runtime_lost(script: &Script) -> Diagnostic {
    Diagnostic::error(
        Code::RulesRuntime,
        Text::new(
            format!("Không chạy được tệp quy tắc '{}'", script.name),
            format!("cannot run rule file '{}'", script.name),
        ),
    )
}

fn convert_parse(e: &ParseError, script: &Script) -> Diagnostic {
    let (code, vi, hint) = match e.err_type() {
        ParseErrorType::VariableUndefined(name) => (
            Code::RulesUnknownVariable,
            format!("Biến '{name}' chưa được khai báo"),
            Some(Text::new(
                format!("Khai báo trước khi dùng: let {name} = ...; hoặc kiểm tra chính tả."),
                format!("Declare it first: let {name} = ...; or check the spelling."),
            )),
        ),
        ParseErrorType::ExprTooDeep | ParseErrorType::LiteralTooLarge(..) => (
            Code::RulesLimit,
            "Biểu thức lồng nhau quá sâu hoặc quá lớn".to_string(),
            Some(Text::new(
                "Tách biểu thức thành nhiều câu lệnh ngắn hơn.",
                "Split the expression into shorter statements.",
            )),
        ),
        _ => (
            Code::RulesSyntax,
            "Lỗi cú pháp".to_string(),
            Some(Text::new(
                "Kiểm tra dấu ngoặc, dấu chấm phẩy cuối câu và dấu nháy của chuỗi.",
                "Check brackets, the semicolon at the end of each statement and string quotes.",
            )),
        ),
    };
    let d = Diagnostic::error(
        code,
        Text::new(format!("{vi}: {}", e.err_type()), e.err_type().to_string()),
    )
    .in_script(span(script, e.position()));
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// Converts a run-time error to a diagnostic at its real position (inside a
/// script function, not at its call).
pub(crate) fn convert_eval(e: &EvalAltResult, script: &Script) -> Diagnostic {
    let inner = e.unwrap_inner();
    let pos = inner.position();
    let (code, vi, en, hint) = match inner {
        EvalAltResult::ErrorTooManyOperations(_) => (
            Code::RulesLimit,
            format!(
                "Tệp quy tắc chạy quá {} phép tính (vòng lặp vô hạn?)",
                limits::OPERATIONS
            ),
            format!(
                "the rule file ran over {} operations (an endless loop?)",
                limits::OPERATIONS
            ),
            Some(Text::new(
                "Kiểm tra điều kiện dừng của vòng lặp.",
                "Check the loop's exit condition.",
            )),
        ),
        EvalAltResult::ErrorStackOverflow(_) => (
            Code::RulesLimit,
            format!(
                "Gọi hàm lồng nhau quá {} cấp (đệ quy không dừng?)",
                limits::CALL_LEVELS
            ),
            format!(
                "function calls nested deeper than {} levels (runaway recursion?)",
                limits::CALL_LEVELS
            ),
            Some(Text::new(
                "Kiểm tra điều kiện dừng của hàm đệ quy.",
                "Check the recursion's base case.",
            )),
        ),
        EvalAltResult::ErrorDataTooLarge(what, _) => (
            Code::RulesLimit,
            format!("Dữ liệu quá lớn: {what}"),
            format!("data too large: {what}"),
            None,
        ),
        EvalAltResult::ErrorTooManyVariables(_) | EvalAltResult::ErrorTooManyModules(_) => (
            Code::RulesLimit,
            "Quá nhiều biến hoặc mô-đun".to_string(),
            "too many variables or modules".to_string(),
            None,
        ),
        EvalAltResult::ErrorVariableNotFound(name, _) => (
            Code::RulesUnknownVariable,
            format!("Biến '{name}' chưa được khai báo"),
            format!("variable '{name}' is not defined"),
            None,
        ),
        EvalAltResult::ErrorFunctionNotFound(sig, _) => (
            Code::RulesUnknownFunction,
            format!(
                "Không có hàm '{}' nhận các đối số này (chi tiết: {sig})",
                sig.split(' ').next().unwrap_or(sig)
            ),
            format!("no function {sig}"),
            Some(Text::new(
                format!(
                    "Các hàm của quy tắc: {}. Kiểm tra số và kiểu tham số.",
                    api::SCRIPT_API
                        .iter()
                        .map(|f| f.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!(
                    "Rule functions: {}. Check the number and types of arguments.",
                    api::SCRIPT_API
                        .iter()
                        .map(|f| f.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        ),
        EvalAltResult::ErrorMismatchDataType(want, got, _)
        | EvalAltResult::ErrorMismatchOutputType(want, got, _) => (
            Code::RulesType,
            format!("Sai kiểu dữ liệu (chi tiết: cần {want}, nhận {got})"),
            format!("wrong type: expected {want}, got {got}"),
            None,
        ),
        other => (
            Code::RulesRuntime,
            format!("Lỗi khi chạy tệp quy tắc: {other}"),
            format!("rule file failed: {other}"),
            None,
        ),
    };
    let d = Diagnostic::new(Severity::Error, code, Text::new(vi, en)).in_script(span(script, pos));
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}
