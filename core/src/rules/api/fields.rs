//! Form fields a year's rules add: `them_truong`.

use super::{changes, field, invalid, not_known, Shared, State};
use crate::diagnostic::lower_first;
use crate::diagnostic::{Diagnostic, Span, Text};
use crate::kpi::AdminLevel;
use crate::obligations::ObligationKind;
use rhai::{Dynamic, Engine, NativeCallContext};

/// `them_truong(…)` (see [`super::SCRIPT_API`]).
pub(super) fn them_truong(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, kind: &str, parent: &str, def: rhai::Map, nguon: Dynamic| {
            add_form_field(st, o, kind, parent, &def, &nguon)
        }
    )
}

/// `them_truong(loai, cha, #{ ma, kieu, ten, ten_en, bat_buoc }, nguon)`: a
/// new field of a report form, from the script's year on.
fn add_form_field(
    st: &mut State,
    origin: Span,
    kind: &str,
    parent: &str,
    def: &rhai::Map,
    nguon: &Dynamic,
) -> Result<(), Diagnostic> {
    use crate::forms::{DateRule, Field, FieldType, Required};
    let nguon = st.cite(nguon)?.text();
    let what = ("Định nghĩa trường", "the field definition");
    let k: ObligationKind = kind.parse().map_err(not_known)?;
    let id = field(def, "ma", what)?;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(invalid(
            format!("Mã trường '{id}' chỉ gồm chữ thường không dấu, số và dấu gạch dưới"),
            format!("field id '{id}' must be lowercase ASCII letters, digits and underscores"),
        ));
    }
    let ty = match field(def, "kieu", what)?.as_str() {
        "text" => FieldType::Text { multiline: false },
        "paragraph" => FieldType::Text { multiline: true },
        "document_number" => FieldType::DocumentNumber,
        "date" => FieldType::Date { rule: DateRule::Past },
        "date_in_period" => FieldType::Date { rule: DateRule::PastInWindow },
        "count" => FieldType::Count,
        "money" => FieldType::Money,
        "bool" => FieldType::Bool,
        other => {
            return Err(invalid(
                format!("Không có kiểu trường '{other}'"),
                format!("unknown field type '{other}'"),
            )
            .with_hint(Text::new(
                "Kiểu hợp lệ: text, paragraph, document_number, date, date_in_period, count, money, bool.",
                "Valid types: text, paragraph, document_number, date, date_in_period, count, money, bool.",
            )))
        }
    };
    let required = match def.get("bat_buoc") {
        None => Required::No,
        Some(v) if v.is_bool() => {
            if v.as_bool().unwrap_or(false) {
                Required::Always
            } else {
                Required::No
            }
        }
        Some(v) => {
            let levels = v.clone().try_cast::<rhai::Array>().ok_or_else(|| {
                invalid(
                    "'bat_buoc' là true/false hoặc mảng các cấp, ví dụ [\"commune\"]".into(),
                    "'bat_buoc' is true/false or an array of levels, e.g. [\"commune\"]".into(),
                )
            })?;
            let mut out = Vec::new();
            for l in levels {
                let text = l.into_string().map_err(|_| {
                    invalid(
                        "Cấp phải là chuỗi".into(),
                        "a level must be a string".into(),
                    )
                })?;
                out.push(text.parse::<AdminLevel>().map_err(not_known)?);
            }
            Required::Levels(out)
        }
    };
    let mut f = Field::new(
        &id,
        &field(def, "ten", what)?,
        &field(def, "ten_en", what)?,
        ty,
        &format!("{nguon} ({origin})"),
    );
    f.required = required;
    f.from_year = Some(st.script.year);
    let form = st.rules.forms.get_mut(k).ok_or_else(|| {
        invalid(
            format!("Loại '{kind}' không có biểu mẫu"),
            format!("kind '{kind}' has no form"),
        )
        .with_hint(crate::forms::definition::kinds_hint())
    })?;
    let field_name = crate::Text::new(field(def, "ten", what)?, field(def, "ten_en", what)?);
    form.add_field(parent, f)?;
    st.record(
        origin,
        kind,
        format!(
            "thêm ô \"{}\" vào biểu mẫu {} từ năm {}",
            field_name.vi,
            lower_first(&k.name().vi),
            st.script.year
        ),
        format!(
            "add the field \"{}\" to the {} form from {}",
            field_name.en,
            lower_first(&k.name().en),
            st.script.year
        ),
    );
    Ok(())
}
