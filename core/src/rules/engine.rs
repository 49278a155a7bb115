//! The sandboxed Rhai engine that runs rule scripts.

use super::api::{self, Kind, Shared, State};
use super::sandbox::{self, Meter, View};
use super::{Check, RuleSet, Script, MAX_SCRIPT_BYTES, MAX_SCRIPT_LINES};
use crate::diagnostic::{Code, Diagnostic, Severity, Span, Text};
use crate::kpi::input::RawValue;
use crate::kpi::UnitInput;
use rhai::{Dynamic, Engine, EvalAltResult, ParseError, ParseErrorType, Position, Scope, AST};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub use super::sandbox::limits;

/// Script name → the functions-only AST of each version (text hash) seen.
type CheckAsts = HashMap<String, Vec<(u64, Rc<AST>)>>;

/// How many versions of one script the engine keeps compiled (a rule editor
/// re-checks the file being edited after each change: the last few are
/// what comes back), and how many script names: an engine that lives as
/// long as a service or a page holds a bounded cache whatever it is fed.
const CACHED_VERSIONS: usize = 4;
const CACHED_NAMES: usize = 64;

/// Keeps `value` as the newest version `h` of `name` in `cache`, forgetting
/// the oldest version beyond [`CACHED_VERSIONS`] and every name once there
/// are [`CACHED_NAMES`].
fn remember<T>(cache: &mut HashMap<String, Vec<(u64, T)>>, name: &str, h: u64, value: T) {
    if !cache.contains_key(name) && cache.len() >= CACHED_NAMES {
        cache.clear();
    }
    let versions = cache.entry(name.to_string()).or_default();
    if versions.iter().any(|(v, _)| *v == h) {
        return;
    }
    if versions.len() >= CACHED_VERSIONS {
        versions.remove(0);
    }
    versions.push((h, value));
}

/// Runs rule scripts in a sandbox; build it once and reuse it (compiled
/// scripts are cached by name and text).
pub struct RulesEngine {
    engine: Engine,
    meter: Rc<Meter>,
    state: Shared,
    /// Compiled scripts by name, the last few versions (text hash) of each.
    cache: HashMap<String, Vec<(u64, AST)>>,
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
            .field(
                "cached_scripts",
                &self.cache.values().map(Vec::len).sum::<usize>(),
            )
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
        let (mut engine, meter) = sandbox::engine();
        let state: Shared = Rc::new(RefCell::new(None));
        api::register(&mut engine, &state);
        RulesEngine {
            engine,
            meter,
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
            self.meter.start(limits::OPERATIONS);
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
                errors.push(recorded_error.unwrap_or_else(|| {
                    let start = Span {
                        file: script.name.clone(),
                        line: 1,
                        column: 1,
                    };
                    located(convert_eval(&e, script), &start)
                }));
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

    /// Compiles a script (cached: the last few versions of each name), or
    /// says where it is wrong.
    pub fn compile(&mut self, script: &Script) -> Result<AST, Diagnostic> {
        let h = hash(&script.source);
        let cached = self
            .cache
            .get(&script.name)
            .and_then(|v| v.iter().find(|(x, _)| *x == h));
        if let Some((_, ast)) = cached {
            return Ok(ast.clone());
        }
        let ast = self.compile_fresh(script)?;
        remember(&mut self.cache, &script.name, h, ast.clone());
        Ok(ast)
    }

    /// Compiles a script (not cached).
    fn compile_fresh(&self, script: &Script) -> Result<AST, Diagnostic> {
        if let Some(d) = too_large(script) {
            return Err(d);
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
        self.run_checks_on(rules, report_map(input), Some(input.period.year_of()))
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
        let year = report
            .get("period")
            .and_then(serde_json::Value::as_str)
            .and_then(|p| p.trim().parse::<crate::calendar::period::Period>().ok())
            .map(|p| p.year_of());
        self.run_checks_on(rules, report_view(report), year)
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
        remember(
            &mut self.check_asts.borrow_mut(),
            &script.name,
            h,
            Rc::clone(&ast),
        );
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

    /// Runs the checks in force in `year` (declared in that year's script
    /// or an earlier one; every check when the year is unknown), each with
    /// its own budget.
    fn run_checks_on(
        &self,
        rules: &RuleSet,
        report: Dynamic,
        year: Option<i32>,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for check in &rules.checks {
            let Some(script) = rules.scripts.iter().find(|s| s.name == check.script) else {
                continue;
            };
            if year.is_some_and(|y| script.year > y) {
                continue;
            }
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
            self.meter.start(limits::CHECK_OPERATIONS);
            let result = self.engine.call_fn_with_options::<Dynamic>(
                options,
                &mut Scope::new(),
                &ast,
                &check.function,
                (report.clone(),),
            );
            match result {
                Ok(v) => out.extend(api::check_results(v, check)),
                Err(e) => out.push(check_failed(&e, script, check)),
            }
        }
        out
    }
}

/// A custom check that failed: where (the check's registration when the
/// error has no place of its own) and which check.
fn check_failed(e: &EvalAltResult, script: &Script, check: &Check) -> Diagnostic {
    let mut d = convert_eval(e, script);
    if sandbox::is_spent(e.unwrap_inner()) {
        let n = grouped(limits::CHECK_OPERATIONS);
        d.message = Text::new(
            format!(
                "Kiểm tra '{}' chạy quá {} phép tính trên một báo cáo",
                check.id, n.vi
            ),
            format!(
                "check '{}' ran over {} operations on one report",
                check.id, n.en
            ),
        );
        d.hint = Some(Text::new(
            format!(
                "Một kiểm tra chạy mỗi lần người dùng gõ: hãy duyệt mỗi dòng của báo cáo một lần; {}.",
                sandbox::METERED.0
            ),
            format!(
                "A check runs as the user types: visit each row of the report once; {}.",
                sandbox::METERED.1
            ),
        ));
    }
    // Rhai places a limit reached inside a function at the function's
    // outermost call, which for a check is the engine's own: the check
    // function's declaration says more.
    let declared = declaration(script, &check.function).unwrap_or_else(|| check.origin.clone());
    let mut d = located(d, &declared);
    d.check = Some(check.id.clone());
    d
}

/// Where `fn name(` is written in a script (`None` when it cannot be found).
fn declaration(script: &Script, name: &str) -> Option<Span> {
    for (i, line) in script.source.lines().enumerate() {
        let mut from = 0;
        while let Some(at) = line[from..].find("fn ") {
            let start = from + at;
            let before_ok = line[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            let rest = line[start + 3..].trim_start();
            let after = rest.strip_prefix(name).map(str::trim_start);
            if before_ok && after.is_some_and(|a| a.starts_with('(')) {
                return Some(Span {
                    file: script.name.clone(),
                    line: i + 1,
                    column: line[..start].chars().count() + 1,
                });
            }
            from = start + 3;
        }
    }
    None
}

fn grouped(n: u64) -> Text {
    crate::kpi::Exact::int(n as i64).display_grouped()
}

/// `d`, placed at `fallback` when its error carried no position.
fn located(mut d: Diagnostic, fallback: &Span) -> Diagnostic {
    if d.span.as_ref().is_none_or(|s| s.line == 0) {
        d.span = Some(fallback.clone());
    }
    d
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

/// The report as a script sees it: `#{ don_vi, cap, ky, gia_tri }`, where
/// `gia_tri` is a [`View`] of the inputs (numbers, booleans, texts).
fn report_map(input: &UnitInput) -> Dynamic {
    let values = View::object(
        input
            .values
            .iter()
            .map(|(id, raw)| (id.to_string(), raw_dynamic(raw))),
    );
    let mut m = rhai::Map::new();
    m.insert("don_vi".into(), Dynamic::from(input.unit.clone()));
    m.insert(
        "cap".into(),
        Dynamic::from(input.level.as_str().to_string()),
    );
    m.insert("ky".into(), Dynamic::from(input.period.id()));
    m.insert("gia_tri".into(), values);
    Dynamic::from(m)
}

/// The view of a whole report given to check functions: the report itself
/// as `bao_cao`, a [`View`] that copies nothing however large the report.
fn report_view(report: &serde_json::Value) -> Dynamic {
    let s = |p: &str| {
        report
            .pointer(p)
            .and_then(serde_json::Value::as_str)
            .map_or(Dynamic::UNIT, |v| Dynamic::from(v.trim().to_string()))
    };
    let entries = report
        .get("values")
        .and_then(serde_json::Value::as_object)
        .into_iter()
        .flatten()
        .map(|(id, v)| {
            let raw = RawValue::deserialize(v).unwrap_or(RawValue::Null);
            (id.clone(), raw_dynamic(&raw))
        });
    let mut m = rhai::Map::new();
    m.insert("don_vi".into(), s("/unit/id"));
    m.insert("cap".into(), s("/unit/level"));
    m.insert("ky".into(), s("/period"));
    m.insert("loai".into(), s("/kind"));
    m.insert("ke_hoach".into(), s("/plan"));
    m.insert("gia_tri".into(), View::object(entries));
    m.insert("bao_cao".into(), View::of(report));
    Dynamic::from(m)
}

/// A file larger than the engine accepts: more bytes than
/// [`MAX_SCRIPT_BYTES`], more lines than [`MAX_SCRIPT_LINES`], or a line
/// longer than that (its positions could not be exact).
fn too_large(script: &Script) -> Option<Diagnostic> {
    let at = |line: usize| Span {
        file: script.name.clone(),
        line,
        column: 1,
    };
    let n = |v: usize| grouped(v as u64);
    let (vi, en, span) = if script.source.len() > MAX_SCRIPT_BYTES {
        (
            format!(
                "Tệp quy tắc quá lớn: {} byte (tối đa {})",
                n(script.source.len()).vi,
                n(MAX_SCRIPT_BYTES).vi
            ),
            format!(
                "rule file too large: {} bytes (at most {})",
                n(script.source.len()).en,
                n(MAX_SCRIPT_BYTES).en
            ),
            at(1),
        )
    } else if let Some((i, line)) = script
        .source
        .lines()
        .enumerate()
        .find(|(_, l)| l.len() > MAX_SCRIPT_LINES && l.chars().count() > MAX_SCRIPT_LINES)
    {
        (
            format!(
                "Dòng {} dài {} ký tự (tối đa {})",
                i + 1,
                n(line.chars().count()).vi,
                n(MAX_SCRIPT_LINES).vi
            ),
            format!(
                "line {} is {} characters long (at most {})",
                i + 1,
                n(line.chars().count()).en,
                n(MAX_SCRIPT_LINES).en
            ),
            at(i + 1),
        )
    } else {
        let lines = script.source.lines().count();
        if lines <= MAX_SCRIPT_LINES {
            return None;
        }
        (
            format!(
                "Tệp quy tắc có {} dòng (tối đa {})",
                n(lines).vi,
                n(MAX_SCRIPT_LINES).vi
            ),
            format!(
                "rule file has {} lines (at most {})",
                n(lines).en,
                n(MAX_SCRIPT_LINES).en
            ),
            at(MAX_SCRIPT_LINES + 1),
        )
    };
    Some(
        Diagnostic::error(Code::RulesTooLarge, Text::new(vi, en))
            .in_script(span)
            .with_hint(Text::new(
                "Tách tệp theo năm, bỏ các dòng trống hay chú thích dài; vị trí lỗi chỉ chính xác trong giới hạn này.",
                "Split the file by year, or remove blank lines and long comments; error positions are exact only within these limits.",
            )),
    )
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

/// What a call that matches no function means: an API function called
/// with wrong arguments (which one, what it takes, what it got), or a name
/// that is not a function (with the closest name of the API).
fn function_not_found(sig: &str) -> (Code, Text, Text) {
    let name = sig.split([' ', '(']).next().unwrap_or(sig).trim();
    let given: Vec<Kind> = sig
        .find('(')
        .and_then(|i| sig[i + 1..].strip_suffix(')'))
        .map(|inner| {
            split_top(inner)
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .map(Kind::of_type)
                .collect()
        })
        .unwrap_or_default();
    let listed = |lang: usize| {
        given
            .iter()
            .map(|k| if lang == 0 { k.name().0 } else { k.name().1 })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(f) = api::SCRIPT_API.iter().find(|f| f.name == name) {
        let params = split_top(f.params);
        let usage = format!("{}({})", f.name, f.params);
        let hint = Text::new(
            format!("Cách gọi: {usage} — {}.", f.vi),
            format!("Usage: {usage} — {}.", f.en),
        );
        let text = if params.len() != given.len() {
            Text::new(
                format!(
                    "Hàm {name} cần {} đối số ({}), nhận {}",
                    params.len(),
                    f.params,
                    given.len()
                ),
                format!(
                    "{name} takes {} arguments ({}), got {}",
                    params.len(),
                    f.params,
                    given.len()
                ),
            )
        } else {
            let wrong = params
                .iter()
                .zip(&given)
                .enumerate()
                .find(|(_, (p, g))| !expected_kind(p).accepts(g));
            match wrong {
                Some((i, (p, g))) => {
                    let want = expected_kind(p);
                    Text::new(
                        format!(
                            "Đối số thứ {} ({}) của {name} phải là {}, nhận {}",
                            i + 1,
                            p.trim(),
                            want.vi(),
                            g.name().0
                        ),
                        format!(
                            "argument {} ({}) of {name} must be {}, got {}",
                            i + 1,
                            p.trim(),
                            want.en(),
                            g.name().1
                        ),
                    )
                }
                None => Text::new(
                    format!("Hàm {name} không nhận các đối số này ({})", listed(0)),
                    format!("{name} does not take these arguments ({})", listed(1)),
                ),
            }
        };
        return (Code::RulesType, text, hint);
    }
    let names = api::SCRIPT_API.iter().map(|f| f.name);
    let list = names.clone().collect::<Vec<_>>().join(", ");
    let mut text = Text::new(
        format!("Không có hàm '{}'", crate::excerpt(name)),
        format!("no function '{}'", crate::excerpt(name)),
    );
    if let Some(close) = api::closest(name, names) {
        text.vi.push_str(&format!("; có phải ý bạn là '{close}'?"));
        text.en.push_str(&format!("; did you mean '{close}'?"));
    } else if !given.is_empty() {
        text.vi
            .push_str(&format!(" nhận các đối số ({})", listed(0)));
        text.en.push_str(&format!(" taking ({})", listed(1)));
    }
    (
        Code::RulesUnknownFunction,
        text,
        Text::new(
            format!("Các hàm của quy tắc: {list}."),
            format!("Rule functions: {list}."),
        ),
    )
}

/// `text` split at the commas outside brackets and quotes.
fn split_top(text: &str) -> Vec<&str> {
    let (mut depth, mut start, mut out) = (0i32, 0, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// What a documented parameter of the API takes, read from its name.
#[derive(Clone, Copy)]
enum Want {
    Text,
    Whole,
    Number,
    Map,
    TextOrMap,
}

fn expected_kind(param: &str) -> Want {
    let p = param.trim();
    if p.starts_with("#{") || p == "định_nghĩa" || p == "chính_sách" {
        Want::Map
    } else if p == "nguồn" {
        Want::TextOrMap
    } else if p == "năm" || p == "từ_năm" {
        Want::Whole
    } else if p == "giá_trị" {
        Want::Number
    } else {
        Want::Text
    }
}

impl Want {
    fn accepts(self, given: &Kind) -> bool {
        match self {
            Want::Text => *given == Kind::Text,
            Want::Whole => *given == Kind::Whole,
            Want::Number => matches!(given, Kind::Whole | Kind::Decimal),
            Want::Map => *given == Kind::Map,
            Want::TextOrMap => matches!(given, Kind::Text | Kind::Map),
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Want::Text => "một chuỗi trong dấu nháy (\"…\")",
            Want::Whole => "một số nguyên (không có dấu nháy)",
            Want::Number => "một số (không có dấu nháy)",
            Want::Map => "một bảng #{ … }",
            Want::TextOrMap => {
                "một chuỗi (\"Công văn …, mục …\") hoặc bảng #{ tai_lieu, muc, trich_dan }"
            }
        }
    }

    fn en(self) -> &'static str {
        match self {
            Want::Text => "a text in quotes (\"…\")",
            Want::Whole => "a whole number (no quotes)",
            Want::Number => "a number (no quotes)",
            Want::Map => "a map #{ … }",
            Want::TextOrMap => {
                "a text (\"Decision …, section …\") or a map #{ tai_lieu, muc, trich_dan }"
            }
        }
    }
}

/// The position of the innermost part of a chain of errors that has one: a
/// native function's error has none of its own, its call has.
fn innermost_position(e: &EvalAltResult) -> Position {
    let mut best = e.position();
    let mut e = e;
    while let EvalAltResult::ErrorInFunctionCall(_, _, inner, _) = e {
        e = inner;
        if !e.position().is_none() {
            best = e.position();
        }
    }
    best
}

/// Converts a run-time error to a diagnostic at its real position (inside a
/// script function, not at its call).
pub(crate) fn convert_eval(e: &EvalAltResult, script: &Script) -> Diagnostic {
    let inner = e.unwrap_inner();
    let pos = innermost_position(e);
    let (code, vi, en, hint) = match inner {
        EvalAltResult::ErrorTooManyOperations(_) | EvalAltResult::ErrorTerminated(..) => (
            Code::RulesLimit,
            format!(
                "Tệp quy tắc chạy quá {} phép tính (vòng lặp vô hạn?)",
                grouped(limits::OPERATIONS).vi
            ),
            format!(
                "the rule file ran over {} operations (an endless loop?)",
                grouped(limits::OPERATIONS).en
            ),
            Some(Text::new(
                format!(
                    "Kiểm tra điều kiện dừng của vòng lặp; {}.",
                    sandbox::METERED.0
                ),
                format!("Check the loop's exit condition; {}.", sandbox::METERED.1),
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
        EvalAltResult::ErrorDataTooLarge(what, _) => {
            let (vi, en) = if what.contains("string") {
                (
                    format!(
                        "một chuỗi dài quá {} byte",
                        grouped(limits::STRING_SIZE as u64).vi
                    ),
                    format!(
                        "a string longer than {} bytes",
                        grouped(limits::STRING_SIZE as u64).en
                    ),
                )
            } else if what.contains("array") {
                (
                    format!(
                        "một mảng quá {} phần tử (tính cả các mảng lồng bên trong)",
                        limits::ARRAY_SIZE
                    ),
                    format!(
                        "an array of more than {} items (nested arrays included)",
                        limits::ARRAY_SIZE
                    ),
                )
            } else if what.contains("map") {
                (
                    format!("một bảng #{{…}} quá {} mục (tính cả các bảng bên trong, kể cả trong mảng)", limits::MAP_SIZE),
                    format!("an object map of more than {} entries (maps inside it, or inside its arrays, included)", limits::MAP_SIZE),
                )
            } else if what == sandbox::NESTING {
                (
                    format!("mảng và bảng lồng nhau quá {} cấp", limits::DATA_DEPTH),
                    format!(
                        "arrays and maps nested deeper than {} levels",
                        limits::DATA_DEPTH
                    ),
                )
            } else {
                (what.to_string(), what.to_string())
            };
            (
                Code::RulesLimit,
                format!("Dữ liệu quá lớn: {vi}"),
                format!("data too large: {en}"),
                Some(Text::new(
                    "Giữ dữ liệu của tệp quy tắc nhỏ: gọi hàm của quy tắc ngay cho từng mục thay vì gom vào một mảng hay bảng lớn.",
                    "Keep a rule file's data small: call the rule functions for each item instead of collecting them in a large array or map.",
                )),
            )
        }
        EvalAltResult::ErrorTooManyVariables(_) | EvalAltResult::ErrorTooManyModules(_) => (
            Code::RulesLimit,
            "Quá nhiều biến hoặc mô-đun".to_string(),
            "too many variables or modules".to_string(),
            None,
        ),
        EvalAltResult::ErrorRuntime(token, _)
            if token
                .clone()
                .into_immutable_string()
                .is_ok_and(|t| t == sandbox::MIXED_SORT) =>
        {
            (
                Code::RulesType,
                "Không sắp xếp được một mảng có nhiều loại giá trị (ví dụ số lẫn chuỗi)"
                    .to_string(),
                "cannot sort an array of mixed kinds (numbers with texts, say)".to_string(),
                Some(Text::new(
                    "Mọi phần tử phải cùng một loại: số, chuỗi, ký tự hoặc đúng/sai.",
                    "Every item must be of one kind: numbers, texts, characters or booleans.",
                )),
            )
        }
        EvalAltResult::ErrorArithmetic(what, _) => {
            let w = what.to_lowercase();
            let vi = if w.contains("division by zero") {
                "phép chia cho 0".to_string()
            } else if w.contains("step") && w.contains("zero") {
                "bước nhảy của range(…) bằng 0: vòng lặp không bao giờ đến đích".to_string()
            } else if w.contains("overflow") || w.contains("underflow") {
                "kết quả vượt quá khoảng số nguyên".to_string()
            } else {
                format!("phép tính không hợp lệ (chi tiết: {what})")
            };
            (
                Code::RulesRuntime,
                format!("Lỗi số học: {vi}"),
                format!("arithmetic error: {what}"),
                None,
            )
        }
        EvalAltResult::ErrorVariableNotFound(name, _) => (
            Code::RulesUnknownVariable,
            format!("Biến '{name}' chưa được khai báo"),
            format!("variable '{name}' is not defined"),
            None,
        ),
        EvalAltResult::ErrorFunctionNotFound(sig, _) => {
            let (code, text, hint) = function_not_found(sig);
            (code, text.vi, text.en, Some(hint))
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule editor re-checks its file after every keystroke on one engine:
    /// what the engine keeps compiled stays bounded (the fuzz target feeds
    /// it millions of versions).
    #[test]
    fn the_compile_cache_is_bounded_whatever_it_is_fed() {
        let mut engine = RulesEngine::new();
        for i in 0..200 {
            let edit = Script::new("2026.rhai", &format!("let x = {i};")).unwrap();
            engine.compile(&edit).unwrap();
            let other = Script::new(&format!("2026-{i}.rhai"), "let y = 1;").unwrap();
            engine.compile(&other).unwrap();
        }
        let held: usize = engine.cache.values().map(Vec::len).sum();
        assert!(
            held <= CACHED_NAMES * CACHED_VERSIONS,
            "{held} compiled scripts kept"
        );
        // The newest version is still there and served from the cache.
        let last = Script::new("2026-199.rhai", "let y = 1;").unwrap();
        assert!(engine.cache["2026-199.rhai"]
            .iter()
            .any(|(h, _)| *h == hash(&last.source)));
    }
}
