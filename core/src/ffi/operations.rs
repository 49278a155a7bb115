//! The table of operations and how each reads its arguments. Every handler
//! only reads arguments and calls one [`Engine`] method (or a free engine
//! function); the decisions are the engine's.

use super::args::Args;
use super::{Call, Operation, Param, Receiver};
use crate::calendar::holidays::{DayCheck, YearDaysOff};
use crate::diagnostic::{Lang, Text};
#[cfg(feature = "scripts")]
use crate::engine::DocumentText;
use crate::engine::{
    CalendarQuery, Engine, Errors, KpiOptions, ReportChange, ReportSession, RollupQuery,
    RulesCheck, ScriptText, StatusAnswer, StatusQuery, TasksQuery, ValidateOptions,
};
use crate::kpi::{Consolidation, ConsolidationInput, Evaluation, Indicator, UnitInput};
use crate::obligations::consolidation::CalendarReport;
use crate::obligations::Plan;
use crate::rules::testing::TestOutcome;
use crate::rules::{ApiFunction, DeadlineExplanation, PlanSteps, RulesDiff};
use crate::tasks::TaskStatus;
use crate::validation::reference::FieldEntry;
use crate::validation::{FieldValidation, Validation};
use crate::workflow::{Actor, ReportRecord, Rollup, SealKey, Transition};
use serde_json::Value;

/// A parameter: `req!("name": Type)` or `opt!("name": Type)`.
macro_rules! param {
    ($name:literal, $t:ty, $optional:expr, $pointer:expr) => {
        Param {
            name: $name,
            optional: $optional,
            pointer_of: $pointer,
            #[cfg(feature = "ts")]
            ts: super::ts::of::<$t>,
        }
    };
}
macro_rules! req {
    ($name:literal: $t:ty) => {
        param!($name, $t, false, None)
    };
}
macro_rules! opt {
    ($name:literal: $t:ty) => {
        param!($name, $t, true, None)
    };
}

/// An operation whose handler's answer type is the declared one (checked by
/// the compiler), so the generated TypeScript says what is really written.
macro_rules! op {
    // The one place an entry is written; the arms below say what differs.
    (@entry $name:literal, $receiver:ident, $doc:literal, [$($p:expr),*], $returns:expr, $call:expr) => {
        Operation {
            name: $name,
            receiver: Receiver::$receiver,
            doc: $doc,
            params: &[$($p),*],
            #[cfg(feature = "ts")]
            returns: $returns,
            call: $call,
        }
    };
    (engine $name:literal, $doc:literal, [$($p:expr),* $(,)?] -> $ret:ty, $f:path) => {
        op!(@entry $name, Engine, $doc, [$($p),*], super::ts::of::<$ret>, Call::Engine(|e, a| {
            let r: Result<$ret, Errors> = $f(e, a);
            r.map(|v| super::to_json(&v))
        }))
    };
    (free $name:literal, $doc:literal, [$($p:expr),* $(,)?] -> $ret:ty, $f:path) => {
        op!(@entry $name, Free, $doc, [$($p),*], super::ts::of::<$ret>, Call::Free(|a| {
            let r: Result<$ret, Errors> = $f(a);
            r.map(|v| super::to_json(&v))
        }))
    };
    (open $name:literal, $doc:literal, [$($p:expr),* $(,)?], $f:path) => {
        op!(@entry $name, Opener, $doc, [$($p),*], super::ts::session, Call::Open($f))
    };
    (session $name:literal, $doc:literal, [$($p:expr),* $(,)?] -> $ret:ty, $f:path) => {
        op!(@entry $name, Session, $doc, [$($p),*], super::ts::of::<$ret>, Call::Session(|s, a| {
            let r: Result<$ret, Errors> = $f(s, a);
            r.map(|v| super::to_json(&v))
        }))
    };
    (change $name:literal, $doc:literal, [$($p:expr),* $(,)?], $f:path) => {
        op!(@entry $name, Session, $doc, [$($p),*], super::ts::of::<ReportChange>, Call::Change($f))
    };
    (new $name:literal, $doc:literal, [$($p:expr),* $(,)?], $f:path) => {
        op!(@entry $name, Constructor, $doc, [$($p),*], super::ts::engine, Call::New($f))
    };
}

/// Every operation of the package, in the order of its documentation.
pub const OPERATIONS: &[Operation] = &[
    op!(new "withDefaults", "The embedded default rules (rules/*.rhai, precompiled: no script runs); with `year`, the rules as they stood in that year (before the last script's year, only in the `dxplan/rules` entry).",
        [opt!("year": i32)], with_defaults),
    op!(new "fromScripts", "The base rules plus the given scripts, applied atomically: a script error throws with its file, line and column. Only in the `dxplan/rules` entry (the default entry refuses it: rules.unavailable).",
        [req!("scripts": Vec<ScriptText>)], from_scripts),
    op!(new "fromData", "An engine on rule data (the JSON text of a published rule version, as a portal serves it), decoded without running a script. The default entry refuses rules with custom checks (rules.unavailable).",
        [req!("data": String)], from_data),
    op!(engine "rulesSummary", "What the loaded scripts changed and the checks they registered.",
        [] -> RulesCheck, rules_summary),
    op!(engine "validate", "Validates a whole report on `today` (dd/mm/yyyy or yyyy-mm-dd); KPI targets cite their documents, and quote their words with `{ explain: true }`; with `{ fields: [pointers] }`, missing values are reported only at the fields a form shows.",
        [req!("report": Value), req!("today": String), opt!("options": ValidateOptions)] -> Validation, validate),
    op!(engine "validateField", "Validates one field (`path`, a JSON pointer) of a report of `kind` being typed; `context` is the rest of the report.",
        [req!("kind": String), req!("path": String), param!("value", Value, false, Some(1)),
         req!("context": Value), req!("today": String)] -> FieldValidation, validate_field),
    op!(open "openReport", "Opens a session on a report being filled in, validated on `today`: the report stays inside the engine, each change sends one value and answers only what changed (KPI targets quoting their documents with `{ explain: true }`; missing values only at the form's `fields` when given).",
        [req!("report": Value), req!("today": String), opt!("options": ValidateOptions)], open_report),
    op!(change "set", "Sets `value` at `path` (a JSON pointer; missing objects and table rows on the way are created) and answers what changed: the diagnostics of every path whose problems changed, the KPI results that changed, the counts.",
        [req!("path": String), param!("value", Value, false, Some(0))], session_set),
    op!(change "remove", "Removes the field or table row at `path` (later rows move up) and answers what changed.",
        [req!("path": String)], session_remove),
    op!(session "validate", "The whole validation of the report as it stands (the same as `Engine.validate` of `report()`).",
        [] -> Validation, session_validate),
    op!(session "report", "The report as it stands.",
        [] -> Value, session_report),
    op!(engine "calendar", "The obligations of a year, sorted by deadline, with overlaps and consolidation windows.",
        [req!("year": i32), opt!("query": CalendarQuery)] -> CalendarReport, calendar),
    op!(engine "icalendar", "The obligations of a year as an iCalendar (.ics) text stamped `today`, in Vietnamese (`lang` vi, the default) or English (en).",
        [req!("year": i32), req!("today": String), opt!("query": CalendarQuery), opt!("lang": String)] -> String, icalendar),
    op!(engine "holidays", "A year's days off (holidays, compensatory days, swaps) and worked weekend days.",
        [req!("year": i32)] -> YearDaysOff, holidays),
    op!(engine "checkDay", "Whether `date` is a working day, and why not.",
        [req!("date": String)] -> DayCheck, check_day),
    op!(engine "addWorkingDays", "`date` plus `n` working days (negative: before), as yyyy-mm-dd.",
        [req!("date": String), req!("n": i64)] -> String, add_working_days),
    op!(engine "workingDaysBetween", "Working days after `from` up to and including `to`.",
        [req!("from": String), req!("to": String)] -> i64, working_days_between),
    op!(engine "status", "The submission status of one obligation on `today`.",
        [req!("query": StatusQuery), req!("today": String)] -> StatusAnswer, status),
    op!(engine "plans", "The plans the rules know, with their deadline rules and sources.",
        [] -> Vec<Plan>, plans),
    op!(engine "kpiCatalog", "The indicator catalog; with `plan` and/or `year`, only those targets.",
        [opt!("plan": String), opt!("year": i32)] -> Vec<Indicator>, kpi_catalog),
    op!(engine "evaluateKpi", "Evaluates one unit's KPI inputs against the targets.",
        [req!("input": UnitInput), opt!("options": KpiOptions)] -> Evaluation, evaluate_kpi),
    op!(engine "consolidateKpi", "Consolidates several units' KPI inputs (sums of numerators and denominators, missing units).",
        [req!("input": ConsolidationInput), opt!("options": KpiOptions)] -> Consolidation, consolidate_kpi),
    op!(engine "schema", "The JSON Schema (2020-12) of a report kind for a year.",
        [req!("kind": String), req!("year": i32)] -> Value, schema),
    op!(engine "fieldReference", "The fields of a report kind's form for a year: each one's control `name` and path, label, type, whether it is required, unit and source — what a form builder maps controls to.",
        [req!("kind": String), req!("year": i32)] -> Vec<FieldEntry>, field_reference),
    op!(engine "explainTarget", "The targets of an indicator in force on `date`, per plan, and the rules that set them.",
        [req!("kpi": String), req!("date": String), opt!("plan": String)] -> Vec<PlanSteps>, explain_target),
    op!(engine "explainDeadline", "The deadlines of a report kind in the year of `date` and its recipients over time.",
        [req!("plan": String), req!("kind": String), req!("level": String), req!("date": String)] -> DeadlineExplanation, explain_deadline),
    op!(engine "diff", "What changed between the rules of two years.",
        [req!("yearA": i32), req!("yearB": i32)] -> RulesDiff, diff),
    op!(engine "testRules", "Runs rule-script test files (rules/tests/*.test) against these rules.",
        [req!("files": Vec<ScriptText>)] -> Vec<TestOutcome>, test_rules),
    op!(engine "workflowApply", "Applies a workflow transition to a record: the new record, or why the transition is refused. The record is verified against its sealed history first (workflow.tampered); `key` is the host's sealing key, when it seals with one.",
        [req!("record": ReportRecord), req!("transition": Transition), opt!("key": String)] -> ReportRecord, workflow_apply),
    op!(engine "workflowSeal", "Seals, once, a record written before entries were sealed (its first submission's reviewer and deadline worked out again from the report); the sealing is an entry of its history.",
        [req!("record": ReportRecord), req!("by": Actor), req!("at": String), opt!("key": String)] -> ReportRecord, workflow_seal),
    op!(engine "rollup", "Rolls up the accepted reports of a period into the next level; a record that does not verify (with `key`, when the host seals with one), or is of another plan, kind, period or level, without a unit or a duplicate, is left out with a diagnostic naming it.",
        [req!("records": Vec<ReportRecord>), req!("query": RollupQuery), opt!("key": String)] -> Rollup, rollup),
    op!(free "version", "The package version.",
        [] -> String, version),
    op!(free "checkRules", "Compiles and applies rule scripts on the base rules; script errors are returned as `diagnostics` (with file, line and column), not thrown. With `documents`, every quoted source is held against them (rules.quote_not_found, rules.document_unknown). Only in the `dxplan/rules` entry (the default entry refuses it: rules.unavailable).",
        [req!("scripts": Vec<ScriptText>), opt!("documents": Vec<DocumentText>)] -> RulesCheck, check_rules),
    op!(free "defaultScripts", "The embedded default scripts, for a rule editor. Only in the `dxplan/rules` entry (the default entry refuses it: rules.unavailable).",
        [] -> Vec<ScriptText>, default_scripts),
    op!(free "defaultRuleTests", "The test files shipped with the default scripts (rules/tests/*.test). Only in the `dxplan/rules` entry (the default entry refuses it: rules.unavailable).",
        [] -> Vec<ScriptText>, default_rule_tests),
    op!(free "scriptApi", "The functions of the rule-script API with their parameters and what they do, for completion in a rule editor. Only in the `dxplan/rules` entry (the default entry refuses it: rules.unavailable).",
        [] -> Vec<ApiFunction>, script_api),
    op!(free "workflowNew", "A draft workflow record holding `report`.",
        [req!("report": Value)] -> ReportRecord, workflow_new),
    op!(free "workflowVerify", "Verifies a stored record against its sealed history: nothing, or why it does not verify (workflow.tampered naming the first entry or field, workflow.unsealed, workflow.key_required).",
        [req!("record": ReportRecord), opt!("key": String)] -> (), workflow_verify),
    op!(free "tasks", "The task register (000 §V, 004 Appendix II) with each task's status on `asOf`.",
        [req!("asOf": String), opt!("query": TasksQuery)] -> Vec<TaskStatus<'static>>, tasks),
];

fn scripts_text() -> Text {
    Text::new("một mảng {name, source}", "an array of {name, source}")
}

fn calendar_query_text() -> Text {
    Text::new(
        "{plan?, level?, policy?, overlap?, inspection?: [bắt đầu, kết thúc]}",
        "{plan?, level?, policy?, overlap?, inspection?: [start, end]}",
    )
}

fn kpi_options_text() -> Text {
    Text::new(
        "{plans?: [...], year?, explain?}",
        "{plans?: [...], year?, explain?}",
    )
}

fn with_defaults(a: &Args) -> Result<Engine, Errors> {
    let broken = crate::defaults::load_errors();
    if !broken.is_empty() {
        return Err(broken.to_vec());
    }
    match a.opt_year(0, "year")? {
        None => Ok(Engine::with_defaults()),
        Some(y) => Engine::with_defaults_until(y),
    }
}

/// What the lean build answers for an operation only the full one has.
#[cfg(not(feature = "scripts"))]
fn lean<T>(vi: &str, en: &str) -> Result<T, Errors> {
    Err(vec![crate::rules::unavailable(Text::new(vi, en))])
}

#[cfg(feature = "scripts")]
fn from_scripts(a: &Args) -> Result<Engine, Errors> {
    Engine::from_scripts(&a.req::<Vec<ScriptText>>(0, "scripts", scripts_text())?)
}

#[cfg(not(feature = "scripts"))]
fn from_scripts(_: &Args) -> Result<Engine, Errors> {
    lean(
        "nạp tệp quy tắc (Engine.fromScripts)",
        "load rule scripts (Engine.fromScripts)",
    )
}

fn from_data(a: &Args) -> Result<Engine, Errors> {
    // Rule data is long (the defaults: 200 KB): not a short text argument;
    // the whole call is bounded by MAX_INPUT_BYTES.
    let data: String = a.req(
        0,
        "data",
        Text::new("dữ liệu quy tắc (văn bản JSON)", "rule data (JSON text)"),
    )?;
    Engine::from_data(&data)
}

fn rules_summary(e: &Engine, _: &Args) -> Result<RulesCheck, Errors> {
    Ok(e.rules_summary())
}

fn validate_options_text() -> Text {
    Text::new("{explain?, fields?}", "{explain?, fields?}")
}

fn validate(e: &Engine, a: &Args) -> Result<Validation, Errors> {
    let report = a.value(0, "report")?;
    let today = a.date(1, "today")?;
    let o: ValidateOptions = a.opt(2, "options", validate_options_text())?;
    Ok(e.validate_with(&report, today, &o))
}

fn open_report(e: &Engine, a: &Args) -> Result<ReportSession, Errors> {
    let report = a.value(0, "report")?;
    let today = a.date(1, "today")?;
    let o: ValidateOptions = a.opt(2, "options", validate_options_text())?;
    let session = e
        .open_report(report, today)?
        .explain(o.explain == Some(true));
    Ok(match o.form_fields() {
        Some(fields) => session.only_fields(fields),
        None => session,
    })
}

fn session_set(s: &mut ReportSession, a: &Args) -> Result<ReportChange, Errors> {
    let path = a.text(0, "path")?;
    let value = a.value(1, &path)?;
    s.set(&path, value)
}

fn session_remove(s: &mut ReportSession, a: &Args) -> Result<ReportChange, Errors> {
    s.remove(&a.text(0, "path")?)
}

fn session_validate(s: &mut ReportSession, _: &Args) -> Result<Validation, Errors> {
    Ok(s.validation().clone())
}

fn session_report(s: &mut ReportSession, _: &Args) -> Result<Value, Errors> {
    Ok(s.report().clone())
}

fn validate_field(e: &Engine, a: &Args) -> Result<FieldValidation, Errors> {
    let kind = a.text(0, "kind")?;
    let path = a.text(1, "path")?;
    let value = a.value(2, &path)?;
    let context = a.value(3, "context")?;
    let today = a.date(4, "today")?;
    e.validate_field(&kind, &path, &value, &context, today)
}

fn calendar(e: &Engine, a: &Args) -> Result<CalendarReport, Errors> {
    let year = a.year(0, "year")?;
    let q: CalendarQuery = a.opt(1, "query", calendar_query_text())?;
    e.calendar(year, &q)
}

fn icalendar(e: &Engine, a: &Args) -> Result<String, Errors> {
    let year = a.year(0, "year")?;
    let stamp = a.date(1, "today")?;
    let q: CalendarQuery = a.opt(2, "query", calendar_query_text())?;
    let lang = a.opt_text(3, "lang")?.unwrap_or_else(|| "vi".into());
    let lang: Lang = lang
        .parse()
        .map_err(|d: crate::Diagnostic| vec![d.at("lang")])?;
    e.icalendar(year, &q, stamp, lang)
}

fn holidays(e: &Engine, a: &Args) -> Result<YearDaysOff, Errors> {
    e.holidays(a.year(0, "year")?)
}

fn check_day(e: &Engine, a: &Args) -> Result<DayCheck, Errors> {
    e.check_day(a.date(0, "date")?)
}

fn add_working_days(e: &Engine, a: &Args) -> Result<String, Errors> {
    let date = a.date(0, "date")?;
    let n = a.whole(1, "n")?;
    e.add_working_days(date, n).map(|d| d.to_string())
}

fn working_days_between(e: &Engine, a: &Args) -> Result<i64, Errors> {
    let from = a.date(0, "from")?;
    let to = a.date(1, "to")?;
    e.working_days_between(from, to)
}

fn status(e: &Engine, a: &Args) -> Result<StatusAnswer, Errors> {
    let q: StatusQuery = a.req(
        0,
        "query",
        Text::new(
            "{plan, kind, period, level?, submitted?, policy?}",
            "{plan, kind, period, level?, submitted?, policy?}",
        ),
    )?;
    e.status(&q, a.date(1, "today")?)
}

fn plans(e: &Engine, _: &Args) -> Result<Vec<Plan>, Errors> {
    Ok(e.plans().into_iter().cloned().collect())
}

fn kpi_catalog(e: &Engine, a: &Args) -> Result<Vec<Indicator>, Errors> {
    let plan = a.opt_text(0, "plan")?;
    let year = a.opt_year(1, "year")?;
    e.kpi_catalog(plan.as_deref(), year)
}

fn unit_input_text() -> Text {
    Text::new(
        "{unit, level, period, values: {...}}",
        "{unit, level, period, values: {...}}",
    )
}

fn evaluate_kpi(e: &Engine, a: &Args) -> Result<Evaluation, Errors> {
    let input: UnitInput = a.req(0, "input", unit_input_text())?;
    let o: KpiOptions = a.opt(1, "options", kpi_options_text())?;
    e.evaluate_kpi(&input, &o)
}

fn consolidate_kpi(e: &Engine, a: &Args) -> Result<Consolidation, Errors> {
    let input: ConsolidationInput = a.req(
        0,
        "input",
        Text::new(
            "{level, period, units: [...], expected_units?}",
            "{level, period, units: [...], expected_units?}",
        ),
    )?;
    let o: KpiOptions = a.opt(1, "options", kpi_options_text())?;
    e.consolidate_kpi(&input, &o)
}

fn field_reference(e: &Engine, a: &Args) -> Result<Vec<FieldEntry>, Errors> {
    let kind = a.text(0, "kind")?;
    let year = a.year(1, "year")?;
    e.field_reference(&kind, year)
}

fn schema(e: &Engine, a: &Args) -> Result<Value, Errors> {
    let kind = a.text(0, "kind")?;
    let year = a.year(1, "year")?;
    e.schema(&kind, year)
}

fn explain_target(e: &Engine, a: &Args) -> Result<Vec<PlanSteps>, Errors> {
    let kpi = a.text(0, "kpi")?;
    let date = a.date(1, "date")?;
    let plan = a.opt_text(2, "plan")?;
    e.explain_target(&kpi, plan.as_deref(), date)
}

fn explain_deadline(e: &Engine, a: &Args) -> Result<DeadlineExplanation, Errors> {
    let plan = a.text(0, "plan")?;
    let kind = a.text(1, "kind")?;
    let level = a.text(2, "level")?;
    let date = a.date(3, "date")?;
    e.explain_deadline(&plan, &kind, Some(&level), date)
}

fn diff(e: &Engine, a: &Args) -> Result<RulesDiff, Errors> {
    e.diff(a.year(0, "yearA")?, a.year(1, "yearB")?)
}

fn test_rules(e: &Engine, a: &Args) -> Result<Vec<TestOutcome>, Errors> {
    Ok(e.test_rules(&a.req::<Vec<ScriptText>>(0, "files", scripts_text())?))
}

fn workflow_apply(e: &Engine, a: &Args) -> Result<ReportRecord, Errors> {
    let record: ReportRecord = a.req(
        0,
        "record",
        Text::new(
            "{report, state, history, ...} (từ workflowNew)",
            "{report, state, history, ...} (from workflowNew)",
        ),
    )?;
    let t: Transition = a.req(
        1,
        "transition",
        Text::new(
            "{action, by: {role, name}, at, note?, reasons?}",
            "{action, by: {role, name}, at, note?, reasons?}",
        ),
    )?;
    e.workflow_apply(&record, &t, key(a, 2)?.as_ref())
}

/// The sealing key argument `i` (its UTF-8 bytes), if given.
fn key(a: &Args, i: usize) -> Result<Option<SealKey>, Errors> {
    match a.opt_text(i, "key")? {
        None => Ok(None),
        Some(k) => SealKey::new(k.as_bytes()).map(Some).map_err(|d| vec![d]),
    }
}

fn record_arg(a: &Args) -> Result<ReportRecord, Errors> {
    a.req(
        0,
        "record",
        Text::new(
            "{report, state, history, ...} (từ workflowNew)",
            "{report, state, history, ...} (from workflowNew)",
        ),
    )
}

fn workflow_verify(a: &Args) -> Result<(), Errors> {
    Engine::workflow_verify(&record_arg(a)?, key(a, 1)?.as_ref())
}

fn workflow_seal(e: &Engine, a: &Args) -> Result<ReportRecord, Errors> {
    let by: Actor = a.req(1, "by", Text::new("{role, name}", "{role, name}"))?;
    let at = a.text(2, "at")?;
    e.workflow_seal(&record_arg(a)?, &by, &at, key(a, 3)?.as_ref())
}

fn rollup(e: &Engine, a: &Args) -> Result<Rollup, Errors> {
    let records: Vec<ReportRecord> = a.req(
        0,
        "records",
        Text::new("một mảng hồ sơ báo cáo", "an array of report records"),
    )?;
    let q: RollupQuery = a.req(
        1,
        "query",
        Text::new(
            "{level, period, plan, expected?}",
            "{level, period, plan, expected?}",
        ),
    )?;
    e.rollup(&records, &q, key(a, 2)?.as_ref())
}

fn version(_: &Args) -> Result<String, Errors> {
    Ok(env!("CARGO_PKG_VERSION").to_string())
}

#[cfg(feature = "scripts")]
fn check_rules(a: &Args) -> Result<RulesCheck, Errors> {
    let scripts = a.req::<Vec<ScriptText>>(0, "scripts", scripts_text())?;
    let documents = a.opt::<Vec<DocumentText>>(
        1,
        "documents",
        Text::new(
            "một danh sách văn bản {name, text}",
            "a list of documents {name, text}",
        ),
    )?;
    Ok(Engine::check_rules_against(&scripts, &documents))
}

#[cfg(feature = "scripts")]
fn default_scripts(_: &Args) -> Result<Vec<ScriptText>, Errors> {
    Ok(Engine::default_scripts())
}

#[cfg(feature = "scripts")]
fn default_rule_tests(_: &Args) -> Result<Vec<ScriptText>, Errors> {
    Ok(Engine::default_rule_tests())
}

#[cfg(feature = "scripts")]
fn script_api(_: &Args) -> Result<Vec<ApiFunction>, Errors> {
    Ok(crate::rules::SCRIPT_API.to_vec())
}

#[cfg(not(feature = "scripts"))]
fn check_rules(_: &Args) -> Result<RulesCheck, Errors> {
    lean(
        "kiểm tra tệp quy tắc (checkRules)",
        "check rule scripts (checkRules)",
    )
}

#[cfg(not(feature = "scripts"))]
fn default_scripts(_: &Args) -> Result<Vec<ScriptText>, Errors> {
    lean(
        "đưa ra các tệp quy tắc đi kèm (defaultScripts)",
        "list the shipped rule scripts (defaultScripts)",
    )
}

#[cfg(not(feature = "scripts"))]
fn default_rule_tests(_: &Args) -> Result<Vec<ScriptText>, Errors> {
    lean(
        "đưa ra các bài kiểm thử quy tắc đi kèm (defaultRuleTests)",
        "list the shipped rule tests (defaultRuleTests)",
    )
}

#[cfg(not(feature = "scripts"))]
fn script_api(_: &Args) -> Result<Vec<ApiFunction>, Errors> {
    lean(
        "liệt kê các hàm của tệp quy tắc (scriptApi)",
        "list the rule-script functions (scriptApi)",
    )
}

fn workflow_new(a: &Args) -> Result<ReportRecord, Errors> {
    Ok(Engine::workflow_new(a.value(0, "report")?))
}

fn tasks(a: &Args) -> Result<Vec<TaskStatus<'static>>, Errors> {
    let as_of = a.date(0, "asOf")?;
    let q: TasksQuery = a.opt(
        1,
        "query",
        Text::new(
            "{agency?, progress?, events?}",
            "{agency?, progress?, events?}",
        ),
    )?;
    crate::engine::tasks(&q, as_of)
}
