//! Custom checks: `kiem_tra` registers a script function; `loi` and
//! `canh_bao` are what it returns.

use super::{changes, Shared};
use crate::diagnostic::{Code, Diagnostic, Severity, Text};
use crate::rules::Check;
use rhai::{Dynamic, Engine, NativeCallContext};

/// `kiem_tra(…)` (see [`super::SCRIPT_API`]).
pub(super) fn kiem_tra(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(engine, name, state, |st, o, id: &str, function: &str| {
        super::named(id, ("Mã kiểm tra", "the check's id"))?;
        if !st.functions.contains(&(function.to_string(), 1)) {
            return Err(Diagnostic::error(
                Code::RulesUnknownFunction,
                Text::new(
                    format!("Không có hàm '{function}' nhận 1 tham số (báo cáo) trong tệp này"),
                    format!(
                        "no function '{function}' taking 1 parameter (the report) in this file"
                    ),
                ),
            )
            .with_hint(Text::new(
                format!("Khai báo: fn {function}(bc) {{ ... }}"),
                format!("Declare: fn {function}(bc) {{ ... }}"),
            )));
        }
        let check = Check {
            id: id.to_string(),
            function: function.to_string(),
            script: st.script.name.clone(),
            origin: o.clone(),
            script_hash: st.script_hash,
        };
        // A check declared again replaces the earlier one (and runs last).
        if let Some(i) = st.rules.checks.iter().position(|c| c.id == id) {
            st.rules.checks.remove(i);
        }
        st.rules.checks.push(check);
        st.record(
            o,
            id,
            format!("kiểm tra {id} (hàm {function})"),
            format!("check {id} (function {function})"),
        );
        Ok(())
    })
}

/// `loi(…)` (see [`super::SCRIPT_API`]).
pub(super) fn loi(engine: &mut Engine, name: &'static str, _: &Shared) {
    engine.register_type_with_name::<Finding>("ket_qua_kiem_tra");
    engine.register_fn(name, |path: &str, vi: &str, en: &str| {
        Finding::new(Severity::Error, path, vi, en)
    });
}

/// `canh_bao(…)` (see [`super::SCRIPT_API`]).
pub(super) fn canh_bao(engine: &mut Engine, name: &'static str, _: &Shared) {
    engine.register_type_with_name::<Finding>("ket_qua_kiem_tra");
    engine.register_fn(name, |path: &str, vi: &str, en: &str| {
        Finding::new(Severity::Warning, path, vi, en)
    });
}

/// What `loi` and `canh_bao` return: one value (not a map), so that a check
/// may return as many findings as an array holds.
#[derive(Clone, Debug)]
struct Finding {
    severity: Severity,
    path: rhai::ImmutableString,
    message: Text,
}

impl Finding {
    fn new(severity: Severity, path: &str, vi: &str, en: &str) -> Finding {
        Finding {
            severity,
            path: path.into(),
            message: Text::new(vi, en),
        }
    }
}

/// Turns what a check function returned into diagnostics.
pub(crate) fn check_results(v: Dynamic, check: &Check) -> Vec<Diagnostic> {
    let bad_shape = || {
        let mut d = Diagnostic::error(
            Code::RulesType,
            Text::new(
                format!(
                    "Hàm kiểm tra '{}' phải trả về một mảng các `loi(...)` / `canh_bao(...)`",
                    check.function
                ),
                format!(
                    "check function '{}' must return an array of loi(...) / canh_bao(...)",
                    check.function
                ),
            ),
        )
        .in_script(check.origin.clone());
        d.check = Some(check.id.clone());
        d
    };
    let Some(items) = v.try_cast::<rhai::Array>() else {
        return vec![bad_shape()];
    };
    items
        .into_iter()
        .map(|item| {
            let Some(f) = item.try_cast::<Finding>() else {
                return bad_shape();
            };
            let mut d = Diagnostic::new(f.severity, Code::RulesCheck, f.message)
                .at(f.path.as_str())
                .with_source(format!("{}", check.origin));
            d.check = Some(check.id.clone());
            d
        })
        .collect()
}
