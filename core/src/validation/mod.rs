//! Validation of a report against its definition, the KPI catalog, the
//! calendar and the rule scripts' custom checks; the JSON Schema of a form.
//!
//! - [`Validator`]: whole-report validation ([`Validator::validate`]) with
//!   diagnostics at JSON pointers, KPI results and the deadline status, and
//!   single-field validation for live typing ([`Validator::validate_field`]).
//! - [`schema::schema`]: JSON Schema 2020-12 per kind and year.
//!
//! Validation only reads the report: unknown fields are reported (a warning),
//! never dropped, and the input is not changed.
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::validation::Validator;
//! let v = Validator::new(dxplan::defaults::rules());
//! let report = serde_json::json!({
//!     "kind": "plan_issue", "plan": "city-2025", "period": "2025",
//!     "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
//!     "document": {"number": "15/KH-UBND", "summary": "Kế hoạch chuyển đổi số năm 2025",
//!                  "issued_on": "20/01/2025", "signer": "Nguyễn Văn A"}
//! });
//! let r = v.validate(&report, NaiveDate::from_ymd_opt(2025, 2, 1).unwrap());
//! assert!(r.valid, "{:?}", r.diagnostics);
//! // Issued on 20/01/2025, before the deadline "trước ngày 24 tháng 01 năm 2025" (000 §VII.1).
//! assert!(matches!(r.deadline.unwrap().status.status, dxplan::SubmissionStatus::OnTime { .. }));
//! ```

pub mod schema;

use crate::calendar::date::{format_date, parse_date};
use crate::calendar::period::{DataWindow, Period};
use crate::diagnostic::{json_kind, Code, Counts, Diagnostic, Severity, Text};
use crate::forms::definition::{
    unescape, Constraint, DateRule, Field, FieldType, FormDefinition, MAX_LINE_CHARS, MAX_ROWS,
    MAX_TEXT_CHARS,
};
use crate::kpi::eval::{check_value, numerator_exceeds};
use crate::kpi::input::RawValue;
use crate::kpi::{evaluate, AdminLevel, Evaluation, Exact, Formula, UnitInput};
use crate::obligations::status::{status, StatusReport};
use crate::obligations::{Level, ObligationKind, Recipient};
use crate::rules::{RuleSet, RulesEngine};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Borrow;

/// The deadline the report answers to, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlineStatus {
    /// Who receives the report on its deadline.
    pub recipient: Recipient,
    /// The document and section that set the deadline.
    pub source: String,
    /// Status on `today` (submitted on time / late, or days left).
    #[serde(flatten)]
    pub status: StatusReport,
}

/// The outcome of validating a whole report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Validation {
    /// The report kind, when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ObligationKind>,
    /// No error (warnings allowed).
    pub valid: bool,
    /// Diagnostics by severity.
    pub counts: Counts,
    /// Every problem found, in document order, then cross-field, KPI, deadline
    /// and custom checks.
    pub diagnostics: Vec<Diagnostic>,
    /// The KPI evaluation of the report's inputs against its plan's targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<Evaluation>,
    /// The report's deadline status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineStatus>,
}

/// The outcome of validating one field while it is typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldValidation {
    /// The field's JSON pointer.
    pub path: String,
    /// Every path whose diagnostics this result replaces: the field, its
    /// sub-fields, and fields checked against it (the other side of a
    /// cross-field constraint).
    pub checked: Vec<String>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a field check needs to know about the rest of the report.
struct Ctx<'a> {
    rules: &'a RuleSet,
    today: NaiveDate,
    level: Option<AdminLevel>,
    window: Option<DataWindow>,
    def: &'a FormDefinition,
}

/// The obligation level of a unit's administrative level: communes and
/// agencies report as units; a city reports through its office; the province
/// through its department.
pub fn obligation_level(level: AdminLevel) -> Level {
    match level {
        AdminLevel::Unit | AdminLevel::Commune => Level::Unit,
        AdminLevel::City => Level::CityOffice,
        AdminLevel::Province => Level::ProvinceDepartment,
    }
}

fn err(code: Code, path: &str, vi: String, en: String) -> Diagnostic {
    Diagnostic::error(code, Text::new(vi, en)).at(path)
}

fn warn(code: Code, path: &str, vi: String, en: String) -> Diagnostic {
    Diagnostic::new(Severity::Warning, code, Text::new(vi, en)).at(path)
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn wrong_type(field: &Field, path: &str, v: &Value) -> Diagnostic {
    let t = field.ty.name();
    err(
        Code::ReportType,
        path,
        format!(
            "'{}' phải là {}, nhận được {}",
            field.title.vi,
            t.vi,
            json_kind(describe(v)).vi
        ),
        format!(
            "'{}' must be {}, got a {}",
            field.title.en,
            t.en,
            describe(v)
        ),
    )
    .with_source(field.source.clone())
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A number as sent: a JSON number or a numeric string ("1.500.000" is not
/// read; "1500000" and "65,5" are).
fn number(v: &Value) -> Option<Exact> {
    match RawValue::deserialize(v).ok()? {
        RawValue::Number(n) => Some(n),
        _ => None,
    }
}

/// The KPI inputs of a report's `values` object, read leniently (a value
/// that cannot be read is kept as structured, and reported by validation).
pub(crate) fn raw_values(
    values: &serde_json::Map<String, Value>,
) -> std::collections::BTreeMap<String, RawValue> {
    values
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                RawValue::deserialize(v).unwrap_or(RawValue::Structured("value")),
            )
        })
        .collect()
}

fn pointer_push(path: &str, seg: &str) -> String {
    let mut p = String::with_capacity(path.len() + seg.len() + 1);
    p.push_str(path);
    p.push('/');
    for c in seg.chars() {
        match c {
            '~' => p.push_str("~0"),
            '/' => p.push_str("~1"),
            c => p.push(c),
        }
    }
    p
}

/// `số/ký hiệu`: digits, then `/`, then a symbol without spaces
/// (`125/KH-UBND`, `09-NQ/TU`), as documents are numbered under Decree
/// 30/2020/NĐ-CP.
fn document_number_ok(s: &str) -> bool {
    let s = s.trim();
    let Some((num, sym)) = s.split_once('/') else {
        return false;
    };
    num.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !num.contains(char::is_whitespace)
        && !sym.is_empty()
        && !sym.contains(char::is_whitespace)
}

fn check_field(
    field: &Field,
    value: Option<&Value>,
    path: &str,
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
) {
    let value = match value {
        Some(v) if !is_blank(v) => v,
        _ => {
            if field.required.applies(ctx.level) {
                out.push(
                    err(
                        Code::ReportRequired,
                        path,
                        format!("Thiếu '{}'", field.title.vi),
                        format!("'{}' is required", field.title.en),
                    )
                    .with_source(field.source.clone()),
                );
            }
            return;
        }
    };
    match &field.ty {
        FieldType::Text { multiline } => {
            let Value::String(s) = value else {
                return out.push(wrong_type(field, path, value));
            };
            let max = if *multiline {
                MAX_TEXT_CHARS
            } else {
                MAX_LINE_CHARS
            };
            let n = s.chars().count();
            if n > max {
                out.push(err(
                    Code::ReportOutOfRange,
                    path,
                    format!("'{}' dài {n} ký tự, tối đa {max}", field.title.vi),
                    format!("'{}' is {n} characters long, at most {max}", field.title.en),
                ));
            }
        }
        FieldType::DocumentNumber => {
            let Value::String(s) = value else {
                return out.push(wrong_type(field, path, value));
            };
            if !document_number_ok(s) {
                out.push(
                    warn(
                        Code::ReportFormat,
                        path,
                        format!("'{s}' không có dạng số/ký hiệu văn bản"),
                        format!("'{s}' is not of the form number/symbol"),
                    )
                    .with_hint(Text::new(
                        "Ví dụ: 125/KH-UBND (Nghị định 30/2020/NĐ-CP, Phụ lục I).",
                        "For example 125/KH-UBND (Decree 30/2020/NĐ-CP, Appendix I).",
                    ))
                    .with_source("Nghị định 30/2020/NĐ-CP, Phụ lục I (số, ký hiệu của văn bản)"),
                );
            }
        }
        FieldType::Date { rule } => {
            let Value::String(s) = value else {
                return out.push(wrong_type(field, path, value));
            };
            match parse_date(s) {
                Err(d) => out.push(d.at(path)),
                Ok(date) => check_date_rule(*rule, date, field, path, ctx, out),
            }
        }
        FieldType::Count | FieldType::Money => {
            let Some(n) = number(value) else {
                return out.push(wrong_type(field, path, value));
            };
            let count = field.ty == FieldType::Count;
            if n < Exact::ZERO || (count && !n.is_integer()) {
                let t = field.ty.name();
                out.push(err(
                    Code::ReportOutOfRange,
                    path,
                    format!("'{}' = {} phải là {}", field.title.vi, n.display().vi, t.vi),
                    format!("'{}' = {} must be {}", field.title.en, n.display().en, t.en),
                ));
            }
        }
        FieldType::Bool => {
            if !value.is_boolean() {
                out.push(wrong_type(field, path, value));
            }
        }
        FieldType::Choice { options } => {
            let given = match value {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                _ => return out.push(wrong_type(field, path, value)),
            };
            if !options.iter().any(|o| o.value == given) {
                let list: Vec<String> = options
                    .iter()
                    .map(|o| format!("{} = {}", o.value, o.title.vi))
                    .collect();
                let list_en: Vec<String> = options
                    .iter()
                    .map(|o| format!("{} = {}", o.value, o.title.en))
                    .collect();
                out.push(
                    err(
                        Code::ReportInvalidChoice,
                        path,
                        format!(
                            "'{}': giá trị '{given}' không có trong danh sách",
                            field.title.vi
                        ),
                        format!("'{}': '{given}' is not an allowed value", field.title.en),
                    )
                    .with_hint(Text::new(list.join("; "), list_en.join("; ")))
                    .with_source(field.source.clone()),
                );
            }
        }
        FieldType::Kind => match value.as_str() {
            None => out.push(wrong_type(field, path, value)),
            Some(k) if k.trim() != ctx.def.kind.as_str() => out.push(err(
                Code::KindUnknown,
                path,
                format!("Biểu mẫu '{}' nhận được loại '{k}'", ctx.def.kind.as_str()),
                format!("form '{}' got kind '{k}'", ctx.def.kind.as_str()),
            )),
            Some(_) => {}
        },
        FieldType::Plan => match value.as_str() {
            None => out.push(wrong_type(field, path, value)),
            Some(p) => {
                if let Err(d) = ctx.rules.plans.get(p.trim()) {
                    out.push(d.at(path));
                }
            }
        },
        FieldType::Period { kind } => match value.as_str() {
            None => out.push(wrong_type(field, path, value)),
            Some(p) => match p.parse::<Period>() {
                Err(d) => out.push(d.at(path)),
                Ok(period) if period.kind() != *kind => out.push(
                    err(
                        Code::ReportPeriodMismatch,
                        path,
                        format!(
                            "{} phải là kỳ {}, nhận được '{p}'",
                            ctx.def.kind.name().vi,
                            period_kind_vi(*kind)
                        ),
                        format!(
                            "a {} needs a {} period, got '{p}'",
                            ctx.def.kind.name().en.to_lowercase(),
                            period_kind_en(*kind)
                        ),
                    )
                    .with_hint(Text::new(
                        format!("Ví dụ: {}", period_example(*kind)),
                        format!("For example {}", period_example(*kind)),
                    )),
                ),
                Ok(_) => {}
            },
        },
        FieldType::Level => match value.as_str() {
            None => out.push(wrong_type(field, path, value)),
            Some(l) => {
                if let Err(d) = l.parse::<AdminLevel>() {
                    out.push(d.at(path));
                }
            }
        },
        FieldType::KpiValues => match value {
            Value::Object(map) => {
                // Without a level and period (reported at /unit and /period)
                // the values are only checked one by one here; the whole
                // report's KPI evaluation does the rest.
                if ctx.level.is_none() || ctx.window.is_none() {
                    for (id, v) in map {
                        check_kpi_input(ctx.rules, id, v, out);
                    }
                }
            }
            _ => out.push(wrong_type(field, path, value)),
        },
        FieldType::Object { fields } => {
            let Value::Object(map) = value else {
                return out.push(wrong_type(field, path, value));
            };
            check_object(fields, map, path, ctx, out);
        }
        FieldType::Table { columns } => {
            let Value::Array(rows) = value else {
                return out.push(wrong_type(field, path, value));
            };
            if rows.len() > MAX_ROWS {
                return out.push(err(
                    Code::ReportOutOfRange,
                    path,
                    format!(
                        "'{}' có {} dòng, tối đa {MAX_ROWS}",
                        field.title.vi,
                        rows.len()
                    ),
                    format!(
                        "'{}' has {} rows, at most {MAX_ROWS}",
                        field.title.en,
                        rows.len()
                    ),
                ));
            }
            for (i, row) in rows.iter().enumerate() {
                let p = format!("{path}/{i}");
                match row {
                    Value::Object(map) => check_object(columns, map, &p, ctx, out),
                    other => out.push(err(
                        Code::ReportType,
                        &p,
                        format!(
                            "Mỗi dòng của '{}' phải là một nhóm trường, nhận được {}",
                            field.title.vi,
                            json_kind(describe(other)).vi
                        ),
                        format!(
                            "each row of '{}' must be an object, got a {}",
                            field.title.en,
                            describe(other)
                        ),
                    )),
                }
            }
        }
    }
}

fn check_object(
    fields: &[Field],
    map: &serde_json::Map<String, Value>,
    path: &str,
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
) {
    for f in fields {
        check_field(f, map.get(&f.id), &pointer_push(path, &f.id), ctx, out);
    }
    for key in map.keys() {
        if !fields.iter().any(|f| &f.id == key) {
            out.push(unknown_field(&pointer_push(path, key), key, fields));
        }
    }
}

fn unknown_field(path: &str, key: &str, fields: &[Field]) -> Diagnostic {
    let known: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
    warn(
        Code::ReportUnknownField,
        path,
        format!("Trường '{key}' không có trong biểu mẫu; giữ nguyên nhưng không dùng"),
        format!("field '{key}' is not in the form; kept but not used"),
    )
    .with_hint(Text::new(
        format!("Các trường ở đây: {}.", known.join(", ")),
        format!("Fields here: {}.", known.join(", ")),
    ))
}

fn check_date_rule(
    rule: DateRule,
    date: NaiveDate,
    field: &Field,
    path: &str,
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
) {
    if rule == DateRule::Any {
        return;
    }
    if date > ctx.today {
        out.push(
            err(
                Code::ReportDateInFuture,
                path,
                format!(
                    "'{}' ({}) sau ngày hôm nay ({})",
                    field.title.vi,
                    format_date(date),
                    format_date(ctx.today)
                ),
                format!(
                    "'{}' ({}) is after today ({})",
                    field.title.en,
                    format_date(date),
                    format_date(ctx.today)
                ),
            )
            .with_source(field.source.clone()),
        );
        return;
    }
    if rule == DateRule::PastInWindow {
        if let Some(w) = ctx.window {
            if date < w.start || date > w.end {
                out.push(
                    warn(
                        Code::ReportDateOutsideWindow,
                        path,
                        format!(
                            "'{}' ({}) nằm ngoài kỳ lấy số liệu {}–{}",
                            field.title.vi,
                            format_date(date),
                            format_date(w.start),
                            format_date(w.end)
                        ),
                        format!(
                            "'{}' ({}) is outside the data window {}–{}",
                            field.title.en,
                            format_date(date),
                            format_date(w.start),
                            format_date(w.end)
                        ),
                    )
                    .with_hint(Text::new(
                        "Mục này thuộc báo cáo của kỳ khác; kiểm tra lại ngày hoặc kỳ báo cáo.",
                        "The item belongs to another period's report; check the date or the period.",
                    ))
                    .with_source(w.source),
                );
            }
        }
    }
}

fn period_kind_vi(k: crate::PeriodKind) -> &'static str {
    use crate::PeriodKind as K;
    match k {
        K::Week => "tuần",
        K::Month => "tháng",
        K::Quarter => "quý",
        K::HalfYear => "6 tháng",
        K::Year => "năm",
        K::Range => "khoảng ngày",
    }
}

fn period_kind_en(k: crate::PeriodKind) -> &'static str {
    use crate::PeriodKind as K;
    match k {
        K::Week => "week",
        K::Month => "month",
        K::Quarter => "quarter",
        K::HalfYear => "half-year",
        K::Year => "year",
        K::Range => "date-range",
    }
}

fn period_example(k: crate::PeriodKind) -> &'static str {
    use crate::PeriodKind as K;
    match k {
        K::Week => "2025-W05",
        K::Month => "2025-03",
        K::Quarter => "2025-Q3",
        K::HalfYear => "2025-H1",
        K::Year => "2025",
        K::Range => "2023-01-01..2024-09-15",
    }
}

/// One KPI input alone: known id, type and range.
fn check_kpi_input(rules: &RuleSet, id: &str, v: &Value, out: &mut Vec<Diagnostic>) {
    let path = pointer_push("/values", id);
    let Some(spec) = rules.catalog.input(id) else {
        out.push(
            warn(
                Code::KpiInputUnknown,
                &path,
                format!("Trường '{id}' không thuộc chỉ tiêu nào; đã bỏ qua khi tính"),
                format!("field '{id}' is not an input of any indicator; not used"),
            )
            .with_hint(Text::new(
                "Kiểm tra chính tả; danh sách trường có trong `dxplan kpi list --json`.",
                "Check the spelling; the fields are listed by `dxplan kpi list --json`.",
            )),
        );
        return;
    };
    let raw = RawValue::deserialize(v).unwrap_or(RawValue::Structured("value"));
    if raw == RawValue::Null {
        return;
    }
    if let Err(d) = check_value(spec.kind, &raw, "", id) {
        out.push(d);
    }
}

/// The report's identification, read leniently (problems are reported by
/// the field checks).
struct Ident {
    plan: Option<String>,
    period: Option<Period>,
    level: Option<AdminLevel>,
    unit: Option<String>,
}

fn ident(report: &Value) -> Ident {
    let s = |p: &str| report.pointer(p).and_then(Value::as_str).map(str::trim);
    Ident {
        plan: s("/plan").map(str::to_string),
        period: s("/period").and_then(|p| p.parse().ok()),
        level: s("/unit/level").and_then(|l| l.parse().ok()),
        unit: s("/unit/id").map(str::to_string),
    }
}

fn window_of(def: &FormDefinition, period: Option<&Period>) -> Option<DataWindow> {
    let p = period?;
    if p.kind() != def.period_kind {
        return None;
    }
    Some(p.data_window())
}

/// Validates reports and fields against a rule set. Holds the rule engine
/// that runs the scripts' custom checks (built once, reused).
///
/// ```
/// use chrono::{Datelike, NaiveDate};
/// use dxplan::validation::Validator;
/// let rules = dxplan::defaults::rules();
/// let v = Validator::new(rules);
/// let report: serde_json::Value = serde_json::from_str(r#"{
///   "kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
///   "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
///   "values": {"dossiers_full_online": 25, "dossiers_total": 20}
/// }"#).unwrap();
/// let today = NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
/// let result = v.validate(&report, today);
/// assert!(!result.valid);
/// let d = result.diagnostics.iter().find(|d| d.code.as_str() == "kpi.numerator_exceeds_denominator").unwrap();
/// assert_eq!(d.path.as_deref(), Some("/values/dossiers_full_online"));
/// ```
pub struct Validator<R: Borrow<RuleSet>> {
    rules: R,
    engine: RulesEngine,
    /// Scripts whose checks did not compile (reported by every validation).
    check_errors: Vec<Diagnostic>,
}

impl<R: Borrow<RuleSet>> Validator<R> {
    /// A validator for `rules`: borrowed (`&RuleSet`) or shared
    /// (`Arc<RuleSet>`), e.g. by an engine object that keeps both. The
    /// scripts' custom checks are compiled here, once.
    pub fn new(rules: R) -> Validator<R> {
        let mut engine = RulesEngine::new();
        let check_errors = engine.prepare_checks(rules.borrow());
        Validator {
            rules,
            engine,
            check_errors,
        }
    }

    /// The rule set it validates against.
    pub fn rules(&self) -> &RuleSet {
        self.rules.borrow()
    }

    /// The rule set as it was given (`&RuleSet`, `Arc<RuleSet>`…).
    pub fn rules_owner(&self) -> &R {
        &self.rules
    }

    /// The script engine with the rules' custom checks prepared, for KPI
    /// evaluations that run the same checks without building a second engine.
    ///
    /// ```
    /// let v = dxplan::validation::Validator::new(dxplan::rules::RuleSet::base());
    /// assert!(v.scripts().run_report_checks(v.rules(), &serde_json::json!({})).is_empty());
    /// ```
    pub fn scripts(&self) -> &RulesEngine {
        &self.engine
    }

    /// The definition of a report kind for a year, as the rules extend it.
    pub fn definition(&self, kind: ObligationKind, year: i32) -> crate::Result<FormDefinition> {
        self.rules().forms.get(kind, year).map(|d| d.into_owned())
    }

    /// Validates a whole report on `today`. The report is only read.
    pub fn validate(&self, report: &Value, today: NaiveDate) -> Validation {
        let rules: &RuleSet = self.rules.borrow();
        let mut out = Vec::new();
        let Value::Object(map) = report else {
            out.push(err(
                Code::ReportType,
                "",
                format!(
                    "Báo cáo phải là một đối tượng JSON, nhận được {}",
                    json_kind(describe(report)).vi
                ),
                format!("a report must be a JSON object, got a {}", describe(report)),
            ));
            return finish(None, out, None, None);
        };
        let id = ident(report);
        let kind = match map.get("kind") {
            None | Some(Value::Null) => {
                out.push(
                    err(
                        Code::ReportRequired,
                        "/kind",
                        "Thiếu 'Loại báo cáo'".into(),
                        "'Report kind' is required".into(),
                    )
                    .with_hint(crate::forms::definition::kinds_hint()),
                );
                return finish(None, out, None, None);
            }
            Some(Value::String(k)) => match k.parse::<ObligationKind>() {
                Ok(k) => k,
                Err(d) => return finish(None, vec![d.at("/kind")], None, None),
            },
            Some(other) => {
                out.push(err(
                    Code::ReportType,
                    "/kind",
                    format!(
                        "'Loại báo cáo' phải là chuỗi ký tự, nhận được {}",
                        json_kind(describe(other)).vi
                    ),
                    format!("'Report kind' must be text, got a {}", describe(other)),
                ));
                return finish(None, out, None, None);
            }
        };
        let year = id.period.map_or(today.year(), |p| p.year_of());
        let def = match rules.forms.get(kind, year) {
            Ok(d) => d,
            Err(d) => return finish(Some(kind), vec![d.at("/kind")], None, None),
        };
        let ctx = Ctx {
            rules,
            today,
            level: id.level,
            window: window_of(&def, id.period.as_ref()),
            def: &def,
        };
        check_object(&def.fields, map, "", &ctx, &mut out);
        constraints(&def, report, ctx.window, &mut out);

        // KPI evaluation against the report's plan.
        let mut kpi = None;
        let plan_ok = id
            .plan
            .as_deref()
            .is_some_and(|p| rules.plans.get(p).is_ok());
        if let (Some(level), Some(period), Some(Value::Object(values))) = (
            id.level,
            id.period.filter(|_| ctx.window.is_some()),
            map.get("values"),
        ) {
            let input = UnitInput {
                unit: id.unit.clone().unwrap_or_default(),
                level,
                period,
                values: raw_values(values),
            };
            let plans: Vec<&str> = id.plan.as_deref().filter(|_| plan_ok).into_iter().collect();
            let ev = evaluate(&rules.catalog, &input, &plans);
            let mut seen: Vec<(Code, Option<String>)> = Vec::new();
            for d in ev
                .diagnostics
                .iter()
                .chain(ev.results.iter().flat_map(|r| r.diagnostics.iter()))
            {
                let key = (d.code, d.path.clone());
                if !seen.contains(&key) {
                    seen.push(key);
                    out.push(d.clone());
                }
            }
            if plan_ok && required_values(&def) {
                let plan = id.plan.as_deref().unwrap_or_default();
                for ind_id in &ev.not_reported {
                    let Ok(ind) = rules.catalog.get(ind_id) else {
                        continue;
                    };
                    if let Some(t) = ind.target_for(plan, period.year_of(), Some(level)) {
                        let first = ind
                            .formula
                            .inputs()
                            .first()
                            .map(|s| s.to_string())
                            .unwrap_or_default();
                        out.push(
                            warn(
                                Code::ReportKpiNotReported,
                                &pointer_push("/values", &first),
                                format!(
                                    "Chưa có số liệu của chỉ tiêu '{}' ({}), mục tiêu {}",
                                    ind.name.vi,
                                    ind.id,
                                    t.describe(ind.unit).vi
                                ),
                                format!(
                                    "no input for indicator '{}' ({}), target {}",
                                    ind.name.en,
                                    ind.id,
                                    t.describe(ind.unit).en
                                ),
                            )
                            .with_source(t.source.cite()),
                        );
                    }
                }
            }
            kpi = Some(ev);
        }

        // Deadline status.
        let mut deadline = None;
        if let (Some(plan), Some(period), Some(level)) = (
            id.plan.as_deref().filter(|_| plan_ok),
            id.period.filter(|p| p.kind() == def.period_kind),
            id.level,
        ) {
            // A city or the province reports through its office or department
            // when the plan has such a level (000 §VII.2); otherwise, as in the
            // inspection and DTI plans, every reporter is a unit.
            let lvl = obligation_level(level);
            let found = rules
                .plans
                .find(&rules.calendar, plan, kind, &period, lvl)
                .or_else(|e| match lvl {
                    Level::Unit => Err(e),
                    _ => rules
                        .plans
                        .find(&rules.calendar, plan, kind, &period, Level::Unit)
                        .map_err(|_| e),
                });
            match found {
                Err(d) => out.push(d.at("/period")),
                Ok(o) => {
                    let submitted = report
                        .pointer(&def.submitted_path)
                        .and_then(Value::as_str)
                        .and_then(|s| parse_date(s).ok())
                        .filter(|d| *d <= today);
                    if let Ok(st) = status(&rules.calendar, &o, submitted, today) {
                        deadline = Some(DeadlineStatus {
                            recipient: o.recipient.clone(),
                            source: o.source.clone(),
                            status: st,
                        });
                    }
                }
            }
        }

        // Custom checks of the rule scripts.
        out.extend(self.check_errors.iter().cloned());
        out.extend(self.engine.run_report_checks(rules, report));
        finish(Some(kind), out, kpi, deadline)
    }

    /// Validates one field while it is typed: `value` at `path` (a JSON
    /// pointer), with the rest of the report in `context` (its kind, level,
    /// period; the other side of cross-field constraints). Custom checks of
    /// rule scripts look at the whole report and run in [`Validator::validate`].
    ///
    /// ```
    /// use chrono::{Datelike, NaiveDate};
    /// use dxplan::{validation::Validator, ObligationKind};
    /// let v = Validator::new(dxplan::defaults::rules());
    /// let ctx: serde_json::Value = serde_json::from_str(r#"{"period": "2025-Q3", "unit": {"level": "commune"},
    ///   "appendices": {"investments": [{"name": "Wifi", "total_estimate": 100000000, "form": "3"}]}}"#).unwrap();
    /// let today = NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let r = v.validate_field(ObligationKind::Quarterly, "/appendices/investments/0/disbursed",
    ///     &serde_json::json!(150000000), &ctx, today);
    /// assert_eq!(r.diagnostics[0].code.as_str(), "report.exceeds");
    /// ```
    pub fn validate_field(
        &self,
        kind: ObligationKind,
        path: &str,
        value: &Value,
        context: &Value,
        today: NaiveDate,
    ) -> FieldValidation {
        let rules: &RuleSet = self.rules.borrow();
        let id = ident(context);
        let mut out = Vec::new();
        let mut checked = vec![path.to_string()];
        let year = id.period.map_or(today.year(), |p| p.year_of());
        let def = match rules.forms.get(kind, year) {
            Ok(d) => d,
            Err(d) => {
                return FieldValidation {
                    path: path.to_string(),
                    checked,
                    diagnostics: vec![d.at(path)],
                };
            }
        };
        // The level and period being typed count over those of the context.
        let level = match path {
            "/unit/level" => value.as_str().and_then(|l| l.parse().ok()),
            _ => id.level,
        };
        let period = match path {
            "/period" => value.as_str().and_then(|p| p.parse().ok()),
            _ => id.period,
        };
        let ctx = Ctx {
            rules,
            today,
            level,
            window: window_of(&def, period.as_ref()),
            def: &def,
        };
        if let Some(input) = path.strip_prefix("/values/") {
            let input = unescape(input);
            check_kpi_input(rules, &input, value, &mut out);
            if out.is_empty() {
                kpi_pairs(rules, &input, value, context, &mut out, &mut checked);
            }
        } else {
            match def.field(path) {
                None => {
                    let key = path.rsplit('/').next().unwrap_or(path);
                    out.push(unknown_field(path, &unescape(key), &[]));
                }
                Some(field) => {
                    check_field(field, Some(value), path, &ctx, &mut out);
                    // Cross-field constraints that involve this field: only its
                    // row is read (no copy of the report).
                    for c in &def.constraints {
                        let Constraint::NotGreater {
                            table,
                            field: f,
                            limit,
                            source,
                        } = c
                        else {
                            continue;
                        };
                        let Some(row) = row_of(path, table) else {
                            continue;
                        };
                        let col = path.rsplit('/').next().unwrap_or_default();
                        if col != f && col != limit {
                            continue;
                        }
                        let target = format!("{table}/{row}/{f}");
                        checked.push(target.clone());
                        let row_v = context.pointer(&format!("{table}/{row}"));
                        let side = |name: &str| {
                            if col == name {
                                number(value)
                            } else {
                                row_v.and_then(|r| r.get(name)).and_then(number)
                            }
                        };
                        if let (Some(x), Some(y)) = (side(f), side(limit)) {
                            if x > y {
                                if let Some(d) =
                                    exceeds(&def, table, &target, f, limit, x, y, source)
                                {
                                    out.push(d);
                                }
                            }
                        }
                    }
                }
            }
        }
        checked.sort();
        checked.dedup();
        FieldValidation {
            path: path.to_string(),
            checked,
            diagnostics: out,
        }
    }
}

/// The row index when `path` is a column of a row of `table`.
fn row_of<'p>(path: &'p str, table: &str) -> Option<&'p str> {
    let rest = path.strip_prefix(table)?.strip_prefix('/')?;
    let (row, _col) = rest.split_once('/')?;
    row.bytes().all(|b| b.is_ascii_digit()).then_some(row)
}

/// Numerator ≤ denominator for the rates that use `input`, against the
/// other side in the context.
fn kpi_pairs(
    rules: &RuleSet,
    input: &str,
    value: &Value,
    context: &Value,
    out: &mut Vec<Diagnostic>,
    checked: &mut Vec<String>,
) {
    let Some(v) = number(value) else { return };
    for ind in rules.catalog.iter() {
        let Formula::Rate {
            numerator,
            denominator,
        } = &ind.formula
        else {
            continue;
        };
        let (n_id, d_id, n, d) = if numerator == input {
            let Some(d) = context
                .pointer(&pointer_push("/values", denominator))
                .and_then(number)
            else {
                continue;
            };
            (numerator, denominator, v, d)
        } else if denominator == input {
            let Some(n) = context
                .pointer(&pointer_push("/values", numerator))
                .and_then(number)
            else {
                continue;
            };
            (numerator, denominator, n, v)
        } else {
            continue;
        };
        let n_path = pointer_push("/values", n_id);
        if !checked.contains(&n_path) {
            checked.push(n_path.clone());
        }
        if n > d
            && !out
                .iter()
                .any(|x| x.path.as_deref() == Some(n_path.as_str()))
        {
            out.push(numerator_exceeds("", n_id, n, d_id, d));
        }
    }
}

fn required_values(def: &FormDefinition) -> bool {
    def.fields
        .iter()
        .any(|f| f.id == "values" && f.required.applies(None))
}

/// `field` (at `path`) greater than `limit` in a row of `table`.
#[allow(clippy::too_many_arguments)]
fn exceeds(
    def: &FormDefinition,
    table: &str,
    path: &str,
    field: &str,
    limit: &str,
    a: Exact,
    b: Exact,
    source: &str,
) -> Option<Diagnostic> {
    let fd = def.field(&format!("{table}/0/{field}"))?;
    let ld = def.field(&format!("{table}/0/{limit}"))?;
    Some(
        err(
            Code::ReportExceeds,
            path,
            format!(
                "'{}' ({}) lớn hơn '{}' ({})",
                fd.title.vi,
                a.display_grouped().vi,
                ld.title.vi,
                b.display_grouped().vi
            ),
            format!(
                "'{}' ({}) is greater than '{}' ({})",
                fd.title.en,
                a.display_grouped().en,
                ld.title.en,
                b.display_grouped().en
            ),
        )
        .with_source(source.to_string()),
    )
}

/// The rows of an appendix table and the KPI input it details, when both are given.
fn table_and_input<'v>(
    report: &'v Value,
    table: &str,
    input: &str,
) -> Option<(&'v Vec<Value>, Exact)> {
    let rows = report.pointer(table)?.as_array()?;
    let n = report
        .pointer(&pointer_push("/values", input))
        .and_then(number)?;
    Some((rows, n))
}

fn constraints(
    def: &FormDefinition,
    report: &Value,
    window: Option<DataWindow>,
    out: &mut Vec<Diagnostic>,
) {
    for c in &def.constraints {
        match c {
            Constraint::NotGreater {
                table,
                field,
                limit,
                source,
            } => {
                let Some(Value::Array(rows)) = report.pointer(table) else {
                    continue;
                };
                for (i, row) in rows.iter().enumerate() {
                    let (Some(a), Some(b)) = (
                        row.get(field).and_then(number),
                        row.get(limit).and_then(number),
                    ) else {
                        continue;
                    };
                    if a > b {
                        let target = format!("{table}/{i}/{field}");
                        out.extend(exceeds(def, table, &target, field, limit, a, b, source));
                    }
                }
            }
            Constraint::RowsMatchInput {
                table,
                date,
                input,
                source,
            } => {
                let Some((rows, n)) = table_and_input(report, table, input) else {
                    continue;
                };
                if rows.is_empty() {
                    continue;
                }
                let in_window = rows
                    .iter()
                    .filter(|r| {
                        let d = r
                            .get(date)
                            .and_then(Value::as_str)
                            .and_then(|s| parse_date(s).ok());
                        match (d, window) {
                            (Some(d), Some(w)) => w.start <= d && d <= w.end,
                            (Some(_), None) => true,
                            (None, _) => false,
                        }
                    })
                    .count();
                if Exact::int(in_window as i64) != n {
                    out.push(
                        warn(
                            Code::ReportAppendixMismatch,
                            table,
                            format!("Phụ lục liệt kê {in_window} mục trong kỳ nhưng '{input}' = {}", n.display().vi),
                            format!("the appendix lists {in_window} items in the period but '{input}' = {}", n.display().en),
                        )
                        .with_source(source.clone()),
                    );
                }
            }
            Constraint::SumNotAboveInput {
                table,
                field,
                input,
                source,
            } => {
                let Some((rows, limit)) = table_and_input(report, table, input) else {
                    continue;
                };
                let mut sum = Exact::ZERO;
                for r in rows {
                    if let Some(v) = r.get(field).and_then(number) {
                        match sum.checked_add(v) {
                            Some(s) => sum = s,
                            None => break,
                        }
                    }
                }
                if sum > limit {
                    out.push(
                        warn(
                            Code::ReportAppendixMismatch,
                            table,
                            format!("Tổng '{field}' của phụ lục ({}) lớn hơn '{input}' ({})", sum.display_grouped().vi, limit.display_grouped().vi),
                            format!("the appendix's total '{field}' ({}) is greater than '{input}' ({})", sum.display_grouped().en, limit.display_grouped().en),
                        )
                        .with_source(source.clone()),
                    );
                }
            }
        }
    }
}

fn finish(
    kind: Option<ObligationKind>,
    diagnostics: Vec<Diagnostic>,
    kpi: Option<Evaluation>,
    deadline: Option<DeadlineStatus>,
) -> Validation {
    let counts = Counts::of(&diagnostics);
    Validation {
        kind,
        valid: counts.errors == 0,
        counts,
        diagnostics,
        kpi,
        deadline,
    }
}
