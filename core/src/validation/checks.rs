//! The checks of one field against its definition: type, required, range,
//! choices, dates against today and the data window, KPI inputs.

use super::*;
use crate::diagnostic::lower_first;

pub(super) fn err(code: Code, path: &str, vi: String, en: String) -> Diagnostic {
    Diagnostic::error(code, Text::new(vi, en)).at(path)
}

pub(super) fn warn(code: Code, path: &str, vi: String, en: String) -> Diagnostic {
    Diagnostic::new(Severity::Warning, code, Text::new(vi, en)).at(path)
}

pub(crate) fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => match RawValue::deserialize(v) {
            Ok(RawValue::TooLarge) => RawValue::TooLarge.describe(),
            Ok(RawValue::TooPrecise) => RawValue::TooPrecise.describe(),
            _ => "number",
        },
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A diagnostic of a value (a date, a period) told about the field it is in:
/// "Ngày ban hành: Ngày 31/02/2025 không tồn tại".
/// Without a hint of its own, it gets the field's ("Nhập … dạng ngày/tháng/năm").
fn labelled(mut d: Diagnostic, field: &Field) -> Diagnostic {
    d.message = Text::new(
        format!("{}: {}", field.title.vi, d.message.vi),
        format!("{}: {}", field.title.en, d.message.en),
    );
    if d.hint.is_none() {
        d.hint = Some(field.ty.enter(&field.title));
    }
    d
}

pub(super) fn wrong_type(field: &Field, path: &str, v: &Value) -> Diagnostic {
    let t = field.ty.name();
    let d = err(
        Code::ReportType,
        path,
        format!(
            "{} phải là {}, không phải {}",
            field.title.vi,
            t.vi,
            json_kind(describe(v)).vi
        ),
        format!("{} must be {}, not a {}", field.title.en, t.en, describe(v)),
    );
    let d = match RawValue::deserialize(v) {
        Ok(RawValue::TooLarge) => d.with_hint(crate::diagnostic::inexact_hint(true)),
        Ok(RawValue::TooPrecise) => d.with_hint(crate::diagnostic::inexact_hint(false)),
        _ => d.with_hint(field.ty.enter(&field.title)),
    };
    d.with_source(field.source.clone())
}

pub(super) fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A number as sent: a JSON number or a numeric string ("1.500.000" is not
/// read; "1500000" and "65,5" are).
pub(super) fn number(v: &Value) -> Option<Exact> {
    match RawValue::deserialize(v).ok()? {
        RawValue::Number(n) => Some(n),
        _ => None,
    }
}

/// An amount as sent: a number, or text that reads as an amount in đồng
/// ("1.500.000 đồng").
pub(super) fn amount(v: &Value) -> Option<Exact> {
    match v {
        Value::String(s) => Exact::read_amount(s),
        _ => number(v),
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

pub(crate) fn pointer_push(path: &str, seg: &str) -> String {
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
pub(super) fn document_number_ok(s: &str) -> bool {
    let s = s.trim();
    let Some((num, sym)) = s.split_once('/') else {
        return false;
    };
    num.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !num.contains(char::is_whitespace)
        && !sym.is_empty()
        && !sym.contains(char::is_whitespace)
}

pub(super) fn check_field(
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
                        format!("Chưa có {}", lower_first(&field.title.vi)),
                        format!("{} is missing", field.title.en),
                    )
                    .with_hint(field.ty.enter(&field.title))
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
                    format!("{} dài {n} ký tự, tối đa {max}", field.title.vi),
                    format!("{} is {n} characters long, at most {max}", field.title.en),
                )
                .with_hint(Text::new(
                    format!("Rút gọn còn tối đa {max} ký tự."),
                    format!("Shorten it to at most {max} characters."),
                )));
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
                        format!("{}: '{s}' không có dạng số/ký hiệu văn bản", field.title.vi),
                        format!("{}: '{s}' is not of the form number/symbol", field.title.en),
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
                Err(d) => out.push(labelled(d, field).at(path)),
                Ok(date) => check_date_rule(*rule, date, field, path, ctx, out),
            }
        }
        FieldType::Count | FieldType::Money => {
            let n = match value {
                Value::String(s) if field.ty == FieldType::Money => Exact::read_amount(s),
                _ => number(value),
            };
            let Some(n) = n else {
                return out.push(wrong_type(field, path, value));
            };
            let count = field.ty == FieldType::Count;
            if n < Exact::ZERO || (count && !n.is_integer()) {
                let t = field.ty.name();
                out.push(
                    err(
                        Code::ReportOutOfRange,
                        path,
                        format!(
                            "{} phải là {}, không phải {}",
                            field.title.vi,
                            t.vi,
                            n.display_grouped().vi
                        ),
                        format!(
                            "{} must be {}, not {}",
                            field.title.en,
                            t.en,
                            n.display_grouped().en
                        ),
                    )
                    .with_hint(field.ty.enter(&field.title)),
                );
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
                            "{}: '{given}' không phải một lựa chọn của danh sách",
                            field.title.vi
                        ),
                        format!("{}: '{given}' is not one of the choices", field.title.en),
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
                format!(
                    "Biểu mẫu {} không nhận báo cáo loại '{k}'",
                    lower_first(&ctx.def.kind.name().vi)
                ),
                format!(
                    "the form of {} does not take a report of kind '{k}'",
                    lower_first(&ctx.def.kind.name().en)
                ),
            )
            .with_hint(Text::new(
                format!("Dùng biểu mẫu của loại báo cáo '{k}', hoặc bỏ ô loại báo cáo khỏi biểu mẫu này."),
                format!("Use the form of report kind '{k}', or leave the kind out of this form."),
            ))),
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
                Err(d) => out.push(labelled(d, field).at(path)),
                Ok(period) if period.kind() != *kind => out.push(
                    err(
                        Code::ReportPeriodMismatch,
                        path,
                        format!(
                            "{}: {} phải là kỳ {}, không phải '{p}'",
                            field.title.vi,
                            ctx.def.kind.name().vi,
                            period_kind_vi(*kind)
                        ),
                        format!(
                            "{}: a {} needs a {} period, not '{p}'",
                            field.title.en,
                            lower_first(&ctx.def.kind.name().en),
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
                        let on = ctx.window.map_or(ctx.today, |w| w.end);
                        check_kpi_input(ctx.rules, id, v, on, out);
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

pub(super) fn check_object(
    fields: &[Field],
    map: &serde_json::Map<String, Value>,
    path: &str,
    ctx: &Ctx,
    out: &mut Vec<Diagnostic>,
) {
    for f in fields {
        check_field(f, map.get(&f.id), &pointer_push(path, &f.id), ctx, out);
    }
    out.extend(unknown_fields(fields, map, path));
}

/// The warnings for the members of `map` (at `path`) that are not among
/// `fields`, in the map's order.
pub(super) fn unknown_fields(
    fields: &[Field],
    map: &serde_json::Map<String, Value>,
    path: &str,
) -> Vec<Diagnostic> {
    map.keys()
        .filter(|key| !fields.iter().any(|f| &f.id == *key))
        .map(|key| unknown_field(&pointer_push(path, key), key, fields))
        .collect()
}

pub(super) fn unknown_field(path: &str, key: &str, fields: &[Field]) -> Diagnostic {
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

pub(super) fn check_date_rule(
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
                    "{} ({}) không được sau hôm nay ({})",
                    field.title.vi,
                    format_date(date),
                    format_date(ctx.today)
                ),
                format!(
                    "{} ({}) cannot be after today ({})",
                    field.title.en,
                    format_date(date),
                    format_date(ctx.today)
                ),
            )
            .with_hint(Text::new(
                format!(
                    "Nhập {} là hôm nay hoặc một ngày đã qua.",
                    lower_first(&field.title.vi)
                ),
                format!(
                    "Enter {} as today or a day in the past.",
                    lower_first(&field.title.en)
                ),
            ))
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
                            "{} ({}) nằm ngoài kỳ lấy số liệu {}–{}",
                            field.title.vi,
                            format_date(date),
                            format_date(w.start),
                            format_date(w.end)
                        ),
                        format!(
                            "{} ({}) is outside the data window {}–{}",
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

pub(super) fn period_kind_vi(k: crate::PeriodKind) -> &'static str {
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

pub(super) fn period_kind_en(k: crate::PeriodKind) -> &'static str {
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

pub(super) use crate::forms::definition::period_example_of as period_example;

/// One KPI input alone: known id, type and range.
/// Checks one KPI input of a report; `on` is the day its value describes
/// (the end of the report's data window, or today), which bounds a rank.
pub(super) fn check_kpi_input(
    rules: &RuleSet,
    id: &str,
    v: &Value,
    on: NaiveDate,
    out: &mut Vec<Diagnostic>,
) {
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
    if let Err(d) = check_value(spec, &raw, "", on) {
        out.push(d);
    }
}
