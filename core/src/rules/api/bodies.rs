//! Bodies and levels that end, and who succeeds them: `ket_thuc`,
//! `ket_thuc_cap`.

use super::{changes, date, field, invalid, not_known, Shared, State};
use crate::bodies::{BodyEnd, LevelEnd, Successor};
use crate::diagnostic::{Diagnostic, Span, Text};
use crate::obligations::Level;
use chrono::Datelike;
use rhai::{Dynamic, Engine, NativeCallContext};

/// `ket_thuc(…)` (see [`super::SCRIPT_API`]).
pub(super) fn ket_thuc(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, def: rhai::Map, nguon: Dynamic| { end_body(st, o, &def, &nguon) }
    )
}

/// `ket_thuc_cap(…)` (see [`super::SCRIPT_API`]).
pub(super) fn ket_thuc_cap(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, level: &str, from: &str, nguon: Dynamic| {
            let nguon = st.cite(&nguon)?.text();
            let l: Level = level.parse().map_err(not_known)?;
            let d = date(from)?;
            st.not_before_script_year(d.year(), ("cơ quan", "bodies"))?;
            st.rules.plans.bodies.levels.push(LevelEnd {
                level: l.as_str().to_string(),
                ends_on: d,
                source: format!("{nguon} ({o})"),
            });
            st.record(
                o,
                l.as_str(),
                format!(
                    "cấp báo cáo '{}' kết thúc từ {}",
                    l.name().vi,
                    d.format("%d/%m/%Y")
                ),
                format!(
                    "the reporting level '{}' ends from {}",
                    l.name().en,
                    d.format("%d/%m/%Y")
                ),
            );
            Ok(())
        }
    )
}

/// `ket_thuc(#{ ma, ten, tu_ngay, ke_thua: #{ ma, ten, ten_en } }, nguon)`: a
/// body ends on `tu_ngay`; `ten` is how documents name it (a text or a list);
/// `ke_thua`, when a source names it, is who takes over.
fn end_body(
    st: &mut State,
    origin: Span,
    def: &rhai::Map,
    nguon: &Dynamic,
) -> Result<(), Diagnostic> {
    let what = ("Định nghĩa cơ quan", "the body definition");
    let nguon = st.cite(nguon)?.text();
    let id = field(def, "ma", what)?;
    let names: Vec<String> = match def.get("ten") {
        Some(v) if v.is_array() => v
            .clone()
            .into_array()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|n| n.into_string().ok())
            .filter(|n| !n.trim().is_empty())
            .collect(),
        _ => vec![field(def, "ten", what)?],
    };
    if names.is_empty() {
        return Err(invalid(
            "'ten' phải là tên cơ quan hoặc danh sách tên".into(),
            "'ten' must be the body's name or a list of names".into(),
        ));
    }
    let d = date(&field(def, "tu_ngay", what)?)?;
    st.not_before_script_year(d.year(), ("cơ quan", "bodies"))?;
    let successor = match def.get("ke_thua") {
        None => None,
        Some(v) => {
            let m = v.clone().try_cast::<rhai::Map>().ok_or_else(|| {
                invalid(
                    "'ke_thua' là #{ ma, ten, ten_en } của cơ quan kế thừa".into(),
                    "'ke_thua' is the successor's #{ ma, ten, ten_en }".into(),
                )
            })?;
            let what = ("Cơ quan kế thừa", "the successor");
            Some(Successor {
                id: field(&m, "ma", what)?,
                name: Text::new(field(&m, "ten", what)?, field(&m, "ten_en", what)?),
            })
        }
    };
    let (vi, en) = match &successor {
        Some(s) => (
            format!(
                "{} kết thúc từ {}, {} kế thừa",
                names[0],
                d.format("%d/%m/%Y"),
                s.name.vi
            ),
            format!(
                "{} ends from {}, succeeded by {}",
                names[0],
                d.format("%d/%m/%Y"),
                s.name.en
            ),
        ),
        None => (
            format!(
                "{} kết thúc từ {} (chưa có cơ quan kế thừa)",
                names[0],
                d.format("%d/%m/%Y")
            ),
            format!(
                "{} ends from {} (no successor declared)",
                names[0],
                d.format("%d/%m/%Y")
            ),
        ),
    };
    st.rules.plans.bodies.ends.push(BodyEnd {
        id: id.clone(),
        names,
        ends_on: d,
        successor,
        source: format!("{nguon} ({origin})"),
    });
    st.record(origin, &id, vi, en);
    Ok(())
}
