//! Report sessions (`Engine::open_report`): a form sends one value per
//! change and gets back only what changed. The changes, applied one after
//! another to what the form shows, always give what a fresh validation of the
//! report gives; refused changes change nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use dxplan::{Diagnostic, Engine, ReportChange, ReportSession, Validation};
use dxplan_tests::example_json;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn today() -> NaiveDate {
    // The day after the example was sent (000 §VII.1: due before 20/09/2025).
    NaiveDate::from_ymd_opt(2025, 9, 16).unwrap()
}

fn quarterly() -> Value {
    example_json("reports/valid/quarterly.json")
}

/// What a form shows: the diagnostics at each path.
type View = BTreeMap<Option<String>, Vec<Diagnostic>>;

fn view_of(v: &Validation) -> View {
    let mut out = View::new();
    for d in &v.diagnostics {
        out.entry(d.path.clone()).or_default().push(d.clone());
    }
    out
}

/// The form's view after a change: each changed path replaced.
fn apply(view: &mut View, change: &ReportChange) {
    for p in &change.diagnostics {
        if p.diagnostics.is_empty() {
            view.remove(&p.path);
        } else {
            view.insert(p.path.clone(), p.diagnostics.clone());
        }
    }
}

/// The KPI results a form shows, by (indicator, plan), as JSON.
fn kpi_of(v: &Validation) -> BTreeMap<(String, String), Value> {
    v.kpi
        .iter()
        .flat_map(|e| &e.results)
        .map(|r| {
            (
                (r.indicator.id.to_string(), r.plan.clone()),
                serde_json::to_value(r).unwrap(),
            )
        })
        .collect()
}

fn apply_kpi(kpi: &mut BTreeMap<(String, String), Value>, change: &ReportChange) {
    for k in &change.kpi_removed {
        kpi.remove(&(k.indicator.clone(), k.plan.clone()));
    }
    for r in &change.kpi {
        kpi.insert(
            (r.indicator.id.to_string(), r.plan.clone()),
            serde_json::to_value(r).unwrap(),
        );
    }
}

/// The result of `full_online_dossiers_rate` (000 §III.3: "Tỷ lệ hồ sơ
/// trực tuyến toàn trình đạt tối thiểu 65%") in a change.
fn full_online(change: &ReportChange) -> Value {
    let r = change
        .kpi
        .iter()
        .find(|r| &*r.indicator.id == "full_online_dossiers_rate")
        .expect("the rate changed");
    serde_json::to_value(r).unwrap()
}

#[test]
fn a_rate_at_its_target_boundary_is_met_exactly() {
    let engine = Engine::with_defaults();
    let mut s = engine.open_report(quarterly(), today()).unwrap();
    // 1,300 of 2,000 dossiers fully online: exactly 65 %, and the target is
    // "tối thiểu 65%" (000 §III.3).
    s.set("/values/dossiers_total", json!(2000)).unwrap();
    let r = full_online(&s.set("/values/dossiers_full_online", json!(1300)).unwrap());
    assert_eq!(r["value"], "65");
    assert_eq!(r["status"], "met");
    assert_eq!(r["target"]["source"], "000_b9c617fe6a001fd2.txt §III.3");
    // One dossier fewer: 64.95 %, below.
    let c = s.set("/values/dossiers_full_online", json!(1299)).unwrap();
    let r = full_online(&c);
    assert_eq!(r["value"], "1299/20");
    assert_eq!(r["status"], "not_met");
    // Only that result changed, and the report is still valid (a missed
    // target is not an error of the form).
    assert_eq!(c.kpi.len(), 1);
    assert!(c.valid);
    assert_eq!(s.validation(), &engine.validate(s.report(), today()));
}

#[test]
fn a_change_to_one_field_updates_the_fields_checked_against_it() {
    let engine = Engine::with_defaults();
    let mut s = engine.open_report(quarterly(), today()).unwrap();
    let disbursed = "/appendices/investments/0/disbursed";
    // Disbursed 160,000,000 of an estimate of 150,000,000 (the example's row).
    let c = s.set(disbursed, json!(160_000_000)).unwrap();
    let at = c
        .diagnostics
        .iter()
        .find(|p| p.path.as_deref() == Some(disbursed))
        .unwrap();
    assert_eq!(at.diagnostics[0].code.as_str(), "report.exceeds");
    assert!(!c.valid);
    assert_eq!(c.counts.errors, 1);
    // Raising the estimate (another field) clears the disbursed amount's error.
    let c = s
        .set(
            "/appendices/investments/0/total_estimate",
            json!(200_000_000),
        )
        .unwrap();
    let at = c
        .diagnostics
        .iter()
        .find(|p| p.path.as_deref() == Some(disbursed))
        .unwrap();
    assert!(at.diagnostics.is_empty());
    assert!(c.valid);
}

#[test]
fn rows_are_added_at_the_end_and_removed_with_later_rows_moving_up() {
    let engine = Engine::with_defaults();
    let mut s = engine.open_report(quarterly(), today()).unwrap();
    s.set(
        "/appendices/documents/-",
        json!({"number": "130/UBND-VP", "summary": "Về chữ ký số", "issued_on": "2025-09-01", "signer": "Chủ tịch UBND phường"}),
    )
    .unwrap();
    s.set("/appendices/documents/2/number", json!("131/UBND-VP"))
        .unwrap();
    assert_eq!(
        s.report()["appendices"]["documents"][2]["number"],
        "131/UBND-VP"
    );
    let c = s.remove("/appendices/documents/0").unwrap();
    let docs = s.report()["appendices"]["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["number"], "112/UBND-VP");
    assert_eq!(docs[1]["number"], "131/UBND-VP");
    assert_eq!(c.diagnostics, vec![]); // every row is still complete
                                       // A new table starts at row 0.
    s.set("/appendices/training/0/name", json!("Tập huấn kỹ năng số"))
        .unwrap();
    assert!(s.report()["appendices"]["training"].is_array());
}

#[test]
fn refused_changes_change_nothing() {
    let engine = Engine::with_defaults();
    let mut s = engine.open_report(quarterly(), today()).unwrap();
    let before = s.report().clone();
    let cases = [
        ("/kind/x", "'/kind' là một chuỗi chữ, không chứa trường nào"),
        (
            "/appendices/news/9/title",
            "bảng có 6 hàng, không thêm được hàng 9",
        ),
        (
            "/appendices/news/x",
            "'/appendices/news' là một bảng, 'x' không phải số hàng",
        ),
        (
            "/appendices/training/3/name",
            "bảng mới chỉ có hàng 0, không có hàng 3",
        ),
        ("values/dossiers_total", "đường dẫn phải bắt đầu bằng '/'"),
        (
            "/values/a~2b",
            "'~' chỉ được viết là ~0 (dấu ~) hoặc ~1 (dấu /)",
        ),
    ];
    for (path, why) in cases {
        let e = s.set(path, json!(1)).unwrap_err();
        assert_eq!(e[0].code.as_str(), "session.path_invalid", "{path}");
        assert_eq!(e[0].path.as_deref(), Some("path"));
        assert!(
            e[0].message.vi.ends_with(why),
            "{path}: {}",
            e[0].message.vi
        );
        assert_eq!(s.report(), &before, "{path}");
    }
    let deep = "/a".repeat(dxplan::engine::MAX_PATH_DEPTH + 1);
    let e = s.set(&deep, json!(1)).unwrap_err();
    assert!(
        e[0].message.vi.contains("33 cấp, tối đa 32"),
        "{}",
        e[0].message.vi
    );
    // A report may not grow past the input limit (8 MiB), however it grows.
    let big = json!("x".repeat(dxplan::diagnostic::MAX_INPUT_BYTES / 2));
    s.set("/outline/recommendations", big.clone()).unwrap();
    let grown = s.report().clone();
    let e = s.set("/outline/situation/funding", big).unwrap_err();
    assert_eq!(e[0].code.as_str(), "input.too_large");
    assert_eq!(e[0].path.as_deref(), Some("/outline/situation/funding"));
    assert_eq!(s.report(), &grown);
    // Opening a report over the limit is refused at `report`.
    let e = engine.open_report(grown.clone(), today());
    assert!(e.is_ok(), "under the limit");
    let mut huge = grown;
    huge["outline"]["causes"] = json!("y".repeat(dxplan::diagnostic::MAX_INPUT_BYTES));
    let e = engine.open_report(huge, today()).unwrap_err();
    assert_eq!(e[0].path.as_deref(), Some("report"));
}

#[test]
fn the_same_session_through_the_json_entry() {
    let engine = Engine::with_defaults();
    let report = quarterly().to_string();
    let mut s = dxplan::ffi::open(
        &engine,
        "openReport",
        &format!("[{report}, \"16/09/2025\"]"),
    )
    .unwrap();
    // Half an emoji (JSON.stringify writes it) is refused at the field's path, as validateField does.
    let e = dxplan::ffi::call_session(&mut s, "set", r#"["/unit/name", "a\ud83d"]"#).unwrap_err();
    assert_eq!(e[0].code.as_str(), "input.broken_character");
    assert_eq!(e[0].path.as_deref(), Some("/unit/name"));
    let text =
        dxplan::ffi::call_session(&mut s, "set", r#"["/values/dossiers_total", -5]"#).unwrap();
    let c: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(c["valid"], false);
    let at = c["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["path"] == "/values/dossiers_total")
        .unwrap();
    assert_eq!(at["diagnostics"][0]["code"], "kpi.input_invalid");
    // Through the JSON entry a form's answers cite the targets' documents
    // without quoting them, unless it asks ({"explain": true}).
    let whole = dxplan::ffi::call_session(&mut s, "validate", "[]").unwrap();
    let fresh = engine.validate_with(s.report(), today(), &Default::default());
    assert_eq!(whole, dxplan::ffi::to_json(&fresh));
    assert!(
        !whole.contains(r#""quote":"#)
            && whole.contains(r#""source":"000_b9c617fe6a001fd2.txt §III.3""#)
    );
    let report = s.report().to_string();
    let mut explained = dxplan::ffi::open(
        &engine,
        "openReport",
        &format!(r#"[{report}, "16/09/2025", {{"explain": true}}]"#),
    )
    .unwrap();
    let whole = dxplan::ffi::call_session(&mut explained, "validate", "[]").unwrap();
    assert_eq!(
        whole,
        dxplan::ffi::to_json(&engine.validate(s.report(), today()))
    );
    // 000 §III.3, quoted word for word.
    assert!(whole.contains(r#""quote":"Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 65%""#));
    let e = dxplan::ffi::open(
        &engine,
        "openReport",
        &format!(r#"[{report}, "16/09/2025", {{"explian": true}}]"#),
    )
    .unwrap_err();
    assert_eq!(e[0].code.as_str(), "input.invalid_json");
    let back = dxplan::ffi::call_session(&mut s, "report", "[]").unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&back).unwrap()["values"]["dossiers_total"],
        -5
    );
    // The engine's own methods are not a session's.
    let e = dxplan::ffi::call_session(&mut s, "calendar", "[2025]").unwrap_err();
    assert_eq!(e[0].path.as_deref(), Some("op"));
}

/// Paths a form would send: every leaf of the example, rows after the last,
/// the identity, and fields the form does not have.
fn paths() -> Vec<String> {
    fn leaves(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => m
                .iter()
                .for_each(|(k, x)| leaves(x, &format!("{at}/{k}"), out)),
            Value::Array(a) => {
                a.iter()
                    .enumerate()
                    .for_each(|(i, x)| leaves(x, &format!("{at}/{i}"), out));
                out.push(format!("{at}/-"));
            }
            _ => out.push(at.to_string()),
        }
    }
    let mut out = Vec::new();
    leaves(&quarterly(), "", &mut out);
    out.extend(
        [
            "/unit",
            "/appendices",
            "/appendices/investments",
            "/appendices/khong_co",
            "/outline",
            "/values/khong_co",
            "/ghi_chu",
        ]
        .map(String::from),
    );
    out
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-10i64..3000).prop_map(Value::from),
        Just(json!(150_000_001)),
        Just(json!(1.5)),
        Just(json!("")),
        Just(json!("2025-Q4")),
        Just(json!("city")),
        Just(json!("32/09/2025")),
        Just(json!("12/09/2025")),
        Just(json!(true)),
        Just(Value::Null),
        Just(json!({"name": "Máy chủ", "total_estimate": 5, "disbursed": 9, "form": "1"})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of changes: the form's view (the opening validation with
    /// each change applied) is the fresh validation's, and so are the KPI
    /// results, the counts and the deadline.
    #[test]
    fn changes_applied_in_turn_are_a_fresh_validation(
        steps in proptest::collection::vec((0usize..1000, any_value(), any::<bool>()), 1..24)
    ) {
        let engine = Engine::with_defaults();
        let paths = paths();
        let mut s: ReportSession = engine.open_report(quarterly(), today()).unwrap();
        let mut view = view_of(s.validation());
        let mut kpi = kpi_of(s.validation());
        let mut deadline = s.validation().deadline.clone();
        for (i, value, remove) in steps {
            let path = &paths[i % paths.len()];
            let before = s.report().clone();
            let change = if remove { s.remove(path) } else { s.set(path, value) };
            let Ok(change) = change else {
                prop_assert_eq!(s.report(), &before);
                continue;
            };
            apply(&mut view, &change);
            apply_kpi(&mut kpi, &change);
            if let Some(d) = &change.deadline {
                deadline = d.clone();
            }
            let fresh = engine.validate(s.report(), today());
            prop_assert_eq!(&view, &view_of(&fresh));
            prop_assert_eq!(&kpi, &kpi_of(&fresh));
            prop_assert_eq!(&deadline, &fresh.deadline);
            prop_assert_eq!(change.counts, fresh.counts);
            prop_assert_eq!(change.valid, fresh.valid);
            prop_assert_eq!(s.validation(), &fresh);
        }
    }

    /// The same with a form that shows only some fields: its view, counts
    /// and validity are those of a validation limited to the same fields
    /// (missing values reported only where the form can take them).
    #[test]
    fn a_session_limited_to_a_form_s_fields_is_a_limited_validation(
        steps in proptest::collection::vec((0usize..1000, any_value(), any::<bool>()), 1..16),
        shown in proptest::collection::vec(any::<bool>(), 32)
    ) {
        let engine = Engine::with_defaults();
        let paths = paths();
        let fields: Vec<String> = ["/kind", "/plan", "/period", "/unit"]
            .into_iter()
            .map(String::from)
            .chain(paths.iter().zip(shown.iter().cycle()).filter(|(_, s)| **s).map(|(p, _)| p.clone()))
            .collect();
        let options = dxplan::ValidateOptions { explain: Some(true), fields: Some(fields.clone()) };
        let mut s = engine
            .open_report(quarterly(), today())
            .unwrap()
            .only_fields(dxplan::validation::FormFields::new(fields));
        let mut view = view_of(s.validation());
        prop_assert_eq!(&view, &view_of(&engine.validate_with(s.report(), today(), &options)));
        for (i, value, remove) in steps {
            let path = &paths[i % paths.len()];
            let change = if remove { s.remove(path) } else { s.set(path, value) };
            let Ok(change) = change else { continue };
            apply(&mut view, &change);
            let fresh = engine.validate_with(s.report(), today(), &options);
            prop_assert_eq!(&view, &view_of(&fresh));
            prop_assert_eq!(change.counts, fresh.counts);
            prop_assert_eq!(change.valid, fresh.valid);
            prop_assert_eq!(s.validation(), &fresh);
        }
    }
}
