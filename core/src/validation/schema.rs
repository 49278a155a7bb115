//! JSON Schema (draft 2020-12) of a report kind for a year, generated from
//! its [`crate::forms::FormDefinition`], with Vietnamese titles and descriptions (English
//! under `x-title-en` / `x-description-en`), so that form builders can
//! generate or check their forms.
//!
//! The schema says what to send; [`super::Validator`] is more lenient on
//! input (numeric strings such as `"65,5"`, unknown fields as warnings) and
//! checks what a schema cannot: dates against today and the data window, the
//! deadline, the targets and the rule scripts' checks.
//!
//! ```
//! use dxplan::{validation::schema, ObligationKind};
//! let rules = dxplan::defaults::rules();
//! let s = schema::schema(rules, ObligationKind::Quarterly, 2025).unwrap();
//! assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(s["properties"]["appendices"]["properties"]["investments"]["items"]["properties"]["form"]["enum"],
//!            serde_json::json!(["1", "2", "3"]));
//! ```

use crate::forms::definition::{
    Field, FieldType, Required, MAX_LINE_CHARS, MAX_ROWS, MAX_TEXT_CHARS,
};
use crate::kpi::{AdminLevel, InputKind};
use crate::obligations::ObligationKind;
use crate::rules::RuleSet;
use serde_json::{json, Map, Value};

/// Accepted date forms (`yyyy-mm-dd` or `dd/mm/yyyy`).
pub const DATE_PATTERN: &str = r"^(\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4})$";

/// The JSON Schema of `kind` for `year`.
pub fn schema(rules: &RuleSet, kind: ObligationKind, year: i32) -> crate::Result<Value> {
    let def = rules.forms.get(kind, year)?;
    let mut root = object_schema(rules, &def.fields, kind, year);
    let Value::Object(m) = &mut root else {
        return Ok(root);
    };
    let mut head = Map::new();
    head.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    head.insert(
        "$id".into(),
        json!(format!(
            "https://dxplan.local/schema/{}/{year}.json",
            kind.as_str()
        )),
    );
    head.insert("title".into(), json!(format!("{} — {year}", def.title.vi)));
    head.insert(
        "x-title-en".into(),
        json!(format!("{} — {year}", def.title.en)),
    );
    head.insert(
        "description".into(),
        json!(format!("Nguồn: {}", def.source)),
    );
    head.insert("x-source".into(), json!(def.source));
    head.extend(std::mem::take(m));
    // Fields required of some levels only: one if/then per level.
    let mut all_of = Vec::new();
    for level in AdminLevel::ALL {
        let then = level_required(&def.fields, level);
        if let Some(then) = then {
            all_of.push(json!({
                "if": {"properties": {"unit": {"properties": {"level": {"const": level.as_str()}}, "required": ["level"]}}, "required": ["unit"]},
                "then": then,
            }));
        }
    }
    if !all_of.is_empty() {
        head.insert("allOf".into(), Value::Array(all_of));
    }
    Ok(Value::Object(head))
}

/// `{"properties": {...}, "required": [...]}` for the fields required of
/// `level` beyond the always-required ones, nested; `None` when there are none.
fn level_required(fields: &[Field], level: AdminLevel) -> Option<Value> {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in fields {
        if matches!(&f.required, Required::Levels(_)) && f.required.applies(Some(level)) {
            required.push(json!(f.id));
        }
        if let FieldType::Object { fields } = &f.ty {
            if let Some(inner) = level_required(fields, level) {
                props.insert(f.id.clone(), inner);
            }
        }
    }
    if props.is_empty() && required.is_empty() {
        return None;
    }
    let mut m = Map::new();
    if !props.is_empty() {
        m.insert("properties".into(), Value::Object(props));
    }
    if !required.is_empty() {
        m.insert("required".into(), Value::Array(required));
    }
    Some(Value::Object(m))
}

fn object_schema(rules: &RuleSet, fields: &[Field], kind: ObligationKind, year: i32) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in fields {
        props.insert(f.id.clone(), field_schema(rules, f, kind, year));
        if f.required == Required::Always {
            required.push(json!(f.id));
        }
    }
    json!({
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": false,
    })
}

fn annotate(mut s: Value, f: &Field) -> Value {
    if let Value::Object(m) = &mut s {
        m.insert("title".into(), json!(f.title.vi));
        m.insert("x-title-en".into(), json!(f.title.en));
        if let Some(d) = &f.description {
            m.insert("description".into(), json!(d.vi));
            m.insert("x-description-en".into(), json!(d.en));
        }
        m.insert("x-source".into(), json!(f.source));
    }
    s
}

fn input_schema(kind: InputKind) -> Value {
    match kind {
        InputKind::Count => json!({"type": "integer", "minimum": 0}),
        InputKind::Money => json!({"type": "number", "minimum": 0}),
        InputKind::Percent => json!({"type": "number", "minimum": 0, "maximum": 100}),
        InputKind::Rank => json!({"type": "integer", "minimum": 1, "maximum": 63}),
        InputKind::Boolean => json!({"type": "boolean"}),
    }
}

fn field_schema(rules: &RuleSet, f: &Field, kind: ObligationKind, year: i32) -> Value {
    let s = match &f.ty {
        FieldType::Text { multiline } => json!({
            "type": "string",
            "minLength": 1,
            "maxLength": if *multiline { MAX_TEXT_CHARS } else { MAX_LINE_CHARS },
        }),
        FieldType::DocumentNumber => json!({"type": "string", "pattern": r"^\d\S*/\S+$"}),
        FieldType::Date { .. } => json!({"type": "string", "pattern": DATE_PATTERN}),
        FieldType::Count => json!({"type": "integer", "minimum": 0}),
        FieldType::Money => json!({"type": "number", "minimum": 0}),
        FieldType::Bool => json!({"type": "boolean"}),
        FieldType::Choice { options } => json!({
            "enum": options.iter().map(|o| json!(o.value)).collect::<Vec<_>>(),
            "x-enum-titles": options.iter().map(|o| json!(o.title.vi)).collect::<Vec<_>>(),
        }),
        FieldType::Kind => json!({"const": kind.as_str()}),
        FieldType::Plan => {
            let ids: Vec<Value> = rules
                .plans
                .iter()
                .filter(|p| p.in_force(year) && p.rules.iter().any(|r| r.kind == kind))
                .map(|p| json!(p.id))
                .collect();
            json!({"enum": ids})
        }
        FieldType::Period { kind } => json!({"type": "string", "pattern": period_pattern(*kind)}),
        FieldType::Level => {
            json!({"enum": AdminLevel::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>()})
        }
        FieldType::KpiValues => {
            let mut props = Map::new();
            for ind in rules.catalog.iter() {
                for input in &ind.inputs {
                    if props.contains_key(&input.id) {
                        continue;
                    }
                    let mut s = input_schema(input.kind);
                    if let Value::Object(m) = &mut s {
                        m.insert("title".into(), json!(input.name.vi));
                        m.insert("x-title-en".into(), json!(input.name.en));
                        let levels: Vec<&str> = ind.levels.iter().map(|l| l.as_str()).collect();
                        m.insert("x-levels".into(), json!(levels));
                    }
                    props.insert(input.id.clone(), s);
                }
            }
            json!({"type": "object", "properties": props, "additionalProperties": false})
        }
        FieldType::Object { fields } => object_schema(rules, fields, kind, year),
        FieldType::Table { columns } => json!({
            "type": "array",
            "maxItems": MAX_ROWS,
            "items": object_schema(rules, columns, kind, year),
        }),
    };
    annotate(s, f)
}

fn period_pattern(kind: crate::PeriodKind) -> &'static str {
    use crate::PeriodKind as K;
    match kind {
        K::Week => r"^\d{4}-W\d{2}$",
        K::Month => r"^\d{4}-\d{2}$",
        K::Quarter => r"^\d{4}-Q[1-4]$",
        K::HalfYear => r"^\d{4}-H[12]$",
        K::Year => r"^\d{4}$",
        K::Range => r"^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$",
    }
}
