//! Report forms: valid reports of every kind, one invalid report per
//! diagnostic code (`golden/report_diagnostics.txt`), single-field
//! validation, rule-script extensions and the JSON Schema export.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use dxplan::defaults;
use dxplan::forms::{FieldType, FORM_KINDS};
use dxplan::rules::{RulesEngine, Script};
use dxplan::validation::{schema::schema, Validator};
use dxplan::{Code, ObligationKind, Severity, SubmissionStatus};
use dxplan_tests::{example_json, read_table};
use serde_json::{json, Value};

/// A report of `examples/reports/`.
fn load(rel: &str) -> Value {
    example_json(&format!("reports/{rel}"))
}

fn day(s: &str) -> NaiveDate {
    dxplan::parse_date(s).unwrap()
}

/// One valid report per kind, validated the day after it was sent: no
/// diagnostic at all, and on time against the seed's deadline.
#[test]
fn valid_reports_of_every_kind() {
    // (file, today, last on-time day # source)
    let cases = [
        // 000 §VII.1 quarterly "trước ngày 20 tháng cuối của quý" → 19/09/2025.
        ("valid/quarterly.json", "2025-09-16", "2025-09-19"),
        // 000 §VII.1 "trước ngày 20 tháng 6 năm 2025" → 19/06/2025.
        ("valid/half_year.json", "2025-06-19", "2025-06-19"),
        // 000 §VII.1 "trước ngày 15 tháng 12 năm 2025" → Sunday 14/12/2025 (kept).
        ("valid/annual.json", "2025-12-11", "2025-12-14"),
        // 000 §VII.1 "trước ngày 24 tháng 01 năm 2025" → 23/01/2025.
        ("valid/plan_issue.json", "2025-02-01", "2025-01-23"),
        // 001 §IV.1.b self-report before 20/9/2024 → 19/09/2024.
        ("valid/self_inspection.json", "2024-09-19", "2024-09-19"),
    ];
    let v = Validator::new(defaults::rules());
    let mut kinds = Vec::new();
    for (file, today, deadline) in cases {
        let report = load(file);
        let before = report.clone();
        let r = v.validate(&report, day(today));
        assert_eq!(report, before, "{file}: input mutated");
        // The city plan's Q3 and annual 2025 reports are due after the district
        // level (and the city's Phòng VH&TT, their recipient) ended on 1/7/2025
        // (DOMAIN.md, rules/2025.rhai): valid, with that warning and nothing else.
        let ended = file == "valid/quarterly.json" || file == "valid/annual.json";
        let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
        let expected: &[&str] = if ended { &["recipient.dissolved"] } else { &[] };
        assert!(r.valid && codes == expected, "{file}: {:#?}", r.diagnostics);
        let d = r
            .deadline
            .as_ref()
            .unwrap_or_else(|| panic!("{file}: no deadline"));
        assert_eq!(d.status.deadline, day(deadline), "{file}");
        assert!(
            matches!(d.status.status, SubmissionStatus::OnTime { .. }),
            "{file}: {:?}",
            d.status
        );
        kinds.push(r.kind.unwrap());
    }
    // Every kind a unit writes has an example (inspection_report shares the self-report's form).
    for k in FORM_KINDS
        .iter()
        .filter(|k| **k != ObligationKind::InspectionReport)
    {
        assert!(kinds.contains(k), "no valid example of {k:?}");
    }
}

/// The quarterly example's KPI results: 1320/1850 full-online dossiers is
/// 71.35 % ≥ 65 % (000 §III.3); 6 news items meet the yearly 20 prorated to
/// Q3's 92 days, 20 × 92 / 365 = 5.04 (000 §III, "20 tin, bài").
#[test]
fn quarterly_example_kpi_results() {
    let v = Validator::new(defaults::rules());
    let r = v.validate(&load("valid/quarterly.json"), day("2025-09-16"));
    let kpi = r.kpi.unwrap();
    let get = |id: &str| kpi.results.iter().find(|x| x.id() == id).unwrap();
    let online = get("full_online_dossiers_rate");
    assert_eq!(online.value.unwrap().to_decimal(2), "71.35");
    assert_eq!(online.met, Some(true));
    let news = get("dx_news_items");
    assert_eq!(
        news.target.as_ref().unwrap().effective_value.to_decimal(2),
        "5.04"
    );
    assert_eq!(news.met, Some(true));
    // 4210/4380 households with fibre: 96.12 % < 100 % (000 §III.1).
    assert_eq!(get("households_fiber_rate").met, Some(false));
}

#[test]
fn one_invalid_report_per_diagnostic_code() {
    let v = Validator::new(defaults::rules());
    let mut codes = Vec::new();
    for row in read_table("report_diagnostics.txt", 5) {
        let ctx = format!("{} (line {}, {})", row.cell(0), row.line, row.citation);
        let report = load(&format!("invalid/{}", row.cell(0)));
        let before = report.clone();
        let r = v.validate(&report, day(row.cell(1)));
        assert_eq!(report, before, "{ctx}: input mutated");
        let hit = r
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == row.cell(2) && d.path.as_deref() == Some(row.cell(3)))
            .unwrap_or_else(|| {
                panic!(
                    "{ctx}: no {} at {} among {:#?}",
                    row.cell(2),
                    row.cell(3),
                    r.diagnostics
                )
            });
        let sev = match row.cell(4) {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            other => panic!("{ctx}: severity {other}"),
        };
        assert_eq!(hit.severity, sev, "{ctx}");
        assert!(
            !hit.message.vi.is_empty() && !hit.message.en.is_empty(),
            "{ctx}"
        );
        assert_eq!(r.valid, r.counts.errors == 0, "{ctx}");
        if sev == Severity::Error {
            assert!(!r.valid, "{ctx}");
        }
        codes.push(row.cell(2).to_string());
    }
    // Every report.* code has its example.
    for code in Code::ALL
        .iter()
        .filter(|c| c.as_str().starts_with("report."))
    {
        assert!(
            codes.iter().any(|c| c == code.as_str()),
            "no example of {code}"
        );
    }
}

#[test]
fn whole_report_shape_errors_do_not_panic() {
    let v = Validator::new(defaults::rules());
    let today = day("2025-09-16");
    for (input, code, path) in [
        (json!([1, 2]), "report.type", ""),
        (json!("báo cáo"), "report.type", ""),
        (json!({}), "report.required", "/kind"),
        (json!({"kind": 3}), "report.type", "/kind"),
        (
            json!({"kind": "inspection_notice"}),
            "kind.unknown",
            "/kind",
        ),
        (
            json!({"kind": "quarterly", "unit": "phuong-a"}),
            "report.type",
            "/unit",
        ),
        (
            json!({"kind": "quarterly", "values": [1]}),
            "report.type",
            "/values",
        ),
        (
            json!({"kind": "quarterly", "appendices": {"news": [7]}}),
            "report.type",
            "/appendices/news/0",
        ),
    ] {
        let r = v.validate(&input, today);
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.code.as_str() == code && d.path.as_deref() == Some(path)),
            "{input}: {:#?}",
            r.diagnostics
        );
        assert!(!r.valid);
    }
}

/// Live typing: one field against the rest of the report.
#[test]
fn single_field_validation() {
    let v = Validator::new(defaults::rules());
    let ctx = load("valid/quarterly.json");
    let today = day("2025-09-16");
    let k = ObligationKind::Quarterly;
    let codes = |path: &str, value: Value| -> Vec<String> {
        v.validate_field(k, path, &value, &ctx, today)
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.path.as_deref().unwrap_or("")))
            .collect()
    };
    // The valid values of the example give nothing.
    assert!(codes("/appendices/investments/0/disbursed", json!(120000000)).is_empty());
    assert!(codes("/values/dossiers_full_online", json!(1320)).is_empty());
    // Disbursed above the estimate of 150 000 000 (001 Phụ lục 04).
    assert_eq!(
        codes("/appendices/investments/0/disbursed", json!(150000001)),
        ["report.exceeds /appendices/investments/0/disbursed"]
    );
    // Lowering the estimate puts the error on the disbursed column, which is listed as re-checked.
    let r = v.validate_field(
        k,
        "/appendices/investments/0/total_estimate",
        &json!(100000000),
        &ctx,
        today,
    );
    assert_eq!(
        r.diagnostics[0].path.as_deref(),
        Some("/appendices/investments/0/disbursed")
    );
    assert!(r
        .checked
        .iter()
        .any(|p| p == "/appendices/investments/0/disbursed"));
    // Numerator above the denominator of 1850 (000 §III.3); typing the denominator re-checks the numerator.
    assert_eq!(
        codes("/values/dossiers_full_online", json!(1851)),
        ["kpi.numerator_exceeds_denominator /values/dossiers_full_online"]
    );
    assert_eq!(
        codes("/values/dossiers_total", json!(1000)),
        ["kpi.numerator_exceeds_denominator /values/dossiers_full_online"]
    );
    // Types and ranges; "1.320" is not a number a form should send, "1320" is.
    assert_eq!(
        codes("/values/workforce_total", json!("hai mươi")),
        ["kpi.input_invalid /values/workforce_total"]
    );
    assert!(codes("/values/workforce_total", json!("24")).is_empty());
    assert_eq!(
        codes("/values/dossier_total", json!(3)),
        ["kpi.input_unknown /values/dossier_total"]
    );
    assert_eq!(
        codes("/appendices/news/0/published_on", json!("31/02/2025")),
        ["date.invalid /appendices/news/0/published_on"]
    );
    assert_eq!(
        codes("/appendices/news/0/published_on", json!("2025-09-17")),
        ["report.date_in_future /appendices/news/0/published_on"]
    );
    // Q3 data window 15/06–14/09/2025 (Decree 09/2019 art. 12).
    assert_eq!(
        codes("/appendices/news/0/published_on", json!("2025-06-14")),
        ["report.date_outside_window /appendices/news/0/published_on"]
    );
    assert!(codes("/appendices/news/0/published_on", json!("2025-06-15")).is_empty());
    assert_eq!(
        codes("/outline/situation/funding", json!("  ")),
        ["report.required /outline/situation/funding"]
    );
    assert_eq!(
        codes("/period", json!("2025-H2")),
        ["report.period_mismatch /period"]
    );
    assert_eq!(
        codes("/appendices/investments/0/form", json!(2)),
        Vec::<String>::new()
    );
    assert_eq!(
        codes("/appendices/investments/0/form", json!("(2)")),
        ["report.invalid_choice /appendices/investments/0/form"]
    );
    assert_eq!(
        codes("/chu_ky", json!("x")),
        ["report.unknown_field /chu_ky"]
    );
}

/// A year's script adds a required field from its year on, and a custom
/// check that sees the whole report; a 2025 report is not affected.
#[test]
fn rule_scripts_extend_forms() {
    let script = Script::new(
        "2026-bieu-mau.rhai",
        r#"
        them_truong("quarterly", "/outline/situation", #{
            ma: "ai_applications", kieu: "paragraph", bat_buoc: ["commune", "city"],
            ten: "Ứng dụng trí tuệ nhân tạo", ten_en: "AI applications" },
            "000_b9c617fe6a001fd2.txt §V.2.4 (ứng dụng AI)");
        fn it_nhat_mot_tin(bc) {
            if bc.loai == "quarterly" && bc.bao_cao.appendices.news.len() == 0 {
                return [canh_bao("/appendices/news", "Chưa có tin bài nào trong quý", "No news item in the quarter")];
            }
            []
        }
        kiem_tra("it_nhat_mot_tin", "it_nhat_mot_tin");
        "#,
    )
    .unwrap();
    let mut engine = RulesEngine::new();
    let mut scripts = defaults::scripts();
    scripts.push(script);
    let rules = engine.load(&scripts).unwrap();
    let def = rules.forms.get(ObligationKind::Quarterly, 2026).unwrap();
    let f = def.field("/outline/situation/ai_applications").unwrap();
    assert_eq!(f.ty, FieldType::Text { multiline: true });
    assert!(rules
        .forms
        .get(ObligationKind::Quarterly, 2025)
        .unwrap()
        .field("/outline/situation/ai_applications")
        .is_none());

    let v = Validator::new(&rules);
    let mut report = load("valid/quarterly.json");
    report["period"] = json!("2026-Q1");
    report["plan"] = json!("dti-2022");
    report["submitted_on"] = json!("2026-03-10");
    report["appendices"]["news"] = json!([]);
    let r = v.validate(&report, day("2026-03-11"));
    let has = |code: &str, path: &str| {
        r.diagnostics
            .iter()
            .any(|d| d.code.as_str() == code && d.path.as_deref() == Some(path))
    };
    assert!(
        has("report.required", "/outline/situation/ai_applications"),
        "{:#?}",
        r.diagnostics
    );
    let check = r
        .diagnostics
        .iter()
        .find(|d| d.code == Code::RulesCheck)
        .unwrap();
    assert_eq!(
        (check.check.as_deref(), check.path.as_deref()),
        (Some("it_nhat_mot_tin"), Some("/appendices/news"))
    );
    // The 2025 report is unchanged by the 2026 script.
    let r25 = v.validate(&load("valid/quarterly.json"), day("2025-09-16"));
    assert!(!r25
        .diagnostics
        .iter()
        .any(|d| d.code == Code::ReportRequired));

    // A broken field definition is a script error at its line, and nothing is applied.
    let bad = Script::new("2026.rhai", "them_truong(\"quarterly\", \"/khong_co\", #{ ma: \"x\", kieu: \"text\", ten: \"X\", ten_en: \"X\" }, \"nguồn\");").unwrap();
    let errs = engine.load(&[bad]).unwrap_err();
    assert_eq!(
        (errs[0].code, errs[0].span.as_ref().unwrap().line),
        (Code::RulesInvalidValue, 1)
    );
}

/// A minimal checker for the keywords the export uses (type, properties,
/// required, additionalProperties, items, enum, const, minimum, maximum,
/// maxItems, minLength, pattern by prefix), enough to show the valid examples
/// conform and the schema says what validation says.
/// The instance paths where a real JSON Schema 2020-12 validator refuses `v`
/// (`pattern`, `maxItems`, `if`/`then` and the rest, not a subset).
fn schema_errors(schema: &Value, v: &Value) -> Vec<String> {
    let validator =
        jsonschema::draft202012::new(schema).expect("the schema is valid JSON Schema 2020-12");
    let mut paths: Vec<String> = validator
        .iter_errors(v)
        .map(|e| e.instance_path().to_string())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

#[test]
fn json_schema_export() {
    let rules = defaults::rules();
    for kind in FORM_KINDS {
        let s = schema(rules, kind, 2025).unwrap();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["properties"]["kind"]["const"], kind.as_str());
        assert!(!s["title"].as_str().unwrap().is_empty());
    }
    let q = schema(rules, ObligationKind::Quarterly, 2025).unwrap();
    // Vietnamese titles, the seed's words: 001 Phụ lục 04 "Tổng kinh phí giải ngân (đồng)".
    let inv = &q["properties"]["appendices"]["properties"]["investments"];
    assert_eq!(
        inv["items"]["properties"]["disbursed"]["title"],
        "Tổng kinh phí giải ngân (đồng)"
    );
    assert_eq!(
        inv["items"]["properties"]["disbursed"]["x-title-en"],
        "Total disbursed (VND)"
    );
    // Plans with a quarterly report in 2025: the city plan (000 §VII.1) and the DTI plan (003 §V).
    assert_eq!(
        q["properties"]["plan"]["enum"],
        json!(["city-2025", "dti-2022"])
    );
    // The grassroots radio section is required of communes and cities only (001 §I.2).
    let all_of = q["allOf"].as_array().unwrap();
    let commune = all_of
        .iter()
        .find(|c| c["if"]["properties"]["unit"]["properties"]["level"]["const"] == "commune")
        .unwrap();
    assert_eq!(
        commune["then"]["properties"]["outline"]["properties"]["situation"]["required"],
        json!(["grassroots_radio"])
    );
    assert!(!all_of
        .iter()
        .any(|c| c["if"]["properties"]["unit"]["properties"]["level"]["const"] == "unit"));
    // Every valid example conforms to its kind's schema (ISO dates, numbers as numbers).
    for (file, kind, year) in [
        ("valid/quarterly.json", ObligationKind::Quarterly, 2025),
        ("valid/half_year.json", ObligationKind::HalfYear, 2025),
        ("valid/annual.json", ObligationKind::Annual, 2025),
        ("valid/plan_issue.json", ObligationKind::PlanIssue, 2025),
        (
            "valid/self_inspection.json",
            ObligationKind::SelfInspection,
            2024,
        ),
    ] {
        let s = schema(rules, kind, year).unwrap();
        let errs = schema_errors(&s, &load(file));
        assert!(errs.is_empty(), "{file}: {errs:#?}");
    }
    // The schema refuses, at the same place, what validation refuses and a
    // schema can say: every invalid example of tests/golden/report_diagnostics.txt
    // whose code is one of these (the others need today, the data window,
    // the deadline or the targets, which a schema cannot know).
    let said_by_schema = [
        "report.required",
        "report.type",
        "report.unknown_field",
        "report.out_of_range",
        "report.invalid_choice",
        "report.format",
        "report.period_mismatch",
        "kind.unknown",
        "plan.unknown",
        "level.unknown",
    ];
    for row in read_table("report_diagnostics.txt", 5) {
        let (file, code, path) = (row.cell(0), row.cell(2), row.cell(3));
        let report = load(&format!("invalid/{file}"));
        let kind = report["kind"]
            .as_str()
            .and_then(|k| k.parse::<ObligationKind>().ok())
            .unwrap_or(ObligationKind::Quarterly);
        let s = schema(rules, kind, 2025).unwrap();
        let errs = schema_errors(&s, &report);
        // A missing or unknown field is a keyword (`required`,
        // `additionalProperties`) of the object holding it.
        let at = if code == "report.required" || code == "report.unknown_field" {
            path.rsplit_once('/').map_or("", |(parent, _)| parent)
        } else {
            path
        };
        if said_by_schema.contains(&code) {
            assert!(
                errs.iter().any(|e| e == at),
                "line {} ({file}): the schema does not refuse {path} ({code}): {errs:?}",
                row.line
            );
        }
    }
    // Conditional requirements (allOf if/then): the grassroots-radio section is
    // required of a commune (001 §I.2) and not of an agency.
    let mut commune = load("valid/quarterly.json");
    commune["outline"]["situation"]
        .as_object_mut()
        .unwrap()
        .remove("grassroots_radio");
    assert!(schema_errors(&q, &commune)
        .iter()
        .any(|e| e == "/outline/situation"));
    let mut agency = commune.clone();
    agency["unit"]["level"] = json!("unit");
    assert!(!schema_errors(&q, &agency)
        .iter()
        .any(|e| e == "/outline/situation"));
    // maxItems: a table longer than MAX_ROWS rows is refused by both.
    let mut long = load("valid/quarterly.json");
    let row = long["appendices"]["news"][0].clone();
    long["appendices"]["news"] = Value::Array(vec![row; dxplan::forms::definition::MAX_ROWS + 1]);
    assert!(schema_errors(&q, &long)
        .iter()
        .any(|e| e == "/appendices/news"));
    let v = Validator::new(rules)
        .validate(&long, chrono::NaiveDate::from_ymd_opt(2025, 9, 16).unwrap());
    assert!(v
        .diagnostics
        .iter()
        .any(|d| d.path.as_deref() == Some("/appendices/news")));
    // A year's schema carries the fields of that year's rules only.
    assert!(schema(rules, ObligationKind::InspectionNotice, 2025).is_err());
}

/// The label a form shows for `path`, from the JSON Schema of the form.
fn label_of(schema: &Value, path: &str) -> Option<String> {
    let mut node = schema;
    for seg in path.split('/').skip(1) {
        node = if seg.bytes().all(|b| b.is_ascii_digit()) {
            node.get("items")?
        } else {
            node.get("properties")?.get(seg)?
        };
    }
    node.get("title")?.as_str().map(str::to_string)
}

/// A label as a sentence carries it: without an outline heading's number
/// ("9. Kinh phí…"), in lower case.
fn in_sentence(label: &str) -> String {
    let rest = match label.split_once(". ") {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit() || c == '.') => rest,
        _ => label,
    };
    rest.to_lowercase()
}

/// Snake-case ids and English words outside what a message quotes.
fn jargon(vi: &str) -> Vec<String> {
    let english = [
        "string",
        "number",
        "boolean",
        "array",
        "object",
        "null",
        "true",
        "false",
        "got",
        "expected",
        "undefined",
        "field",
        "input",
    ];
    let mut own = String::new();
    let mut closing: Option<char> = None;
    for c in vi.split("chi tiết:").next().unwrap_or(vi).chars() {
        match (closing, c) {
            (Some(end), c) if c == end => closing = None,
            (Some(_), _) => {}
            (None, '\'' | '`' | '"') => closing = Some(c),
            (None, '«') => closing = Some('»'),
            (None, c) => own.push(c),
        }
    }
    own.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| w.contains('_') || english.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// Every diagnostic a form can show about one of its fields speaks to the
/// person filling it in (docs/diagnostics.md, the style guide; issue 18):
/// the field by its label, never its id; no English word in the Vietnamese;
/// and for an error, a hint that says what to do. The reports: every invalid
/// example of `golden/report_diagnostics.txt` (one per code a report can
/// get), every row of the diagnostics catalogue that validates a report
/// (`golden/diagnostics.txt`), and the other ways a typed value can be wrong (text in a number, a
/// day that does not exist, a figure too large to be exact, a negative
/// count, no answer to a yes/no question, a numerator above its
/// denominator, a zero denominator).
#[test]
fn form_messages_name_fields_by_label_and_say_what_to_do() {
    let v = Validator::new(defaults::rules());
    let mut reports: Vec<(String, Value, NaiveDate)> = read_table("report_diagnostics.txt", 5)
        .into_iter()
        .map(|row| {
            let r = load(&format!("invalid/{}", row.cell(0)));
            (row.cell(0).to_string(), r, day(row.cell(1)))
        })
        .collect();
    // The catalogue's rows that validate a report (tests/golden/diagnostics.txt).
    for row in read_table("diagnostics.txt", 3) {
        if row.cell(1) != "validate" {
            continue;
        }
        let args = dxplan_tests::expand(serde_json::from_str(row.cell(2)).unwrap()).unwrap();
        let today = args[1].as_str().map_or_else(|| day("2025-09-16"), day);
        reports.push((
            format!("catalogue line {}", row.line),
            args[0].clone(),
            today,
        ));
    }
    let base = load("valid/quarterly.json");
    let variants: [(&str, &str, Value); 9] = [
        (
            "text in a count",
            "/values/dossiers_total",
            json!("một trăm"),
        ),
        ("negative count", "/values/dossiers_total", json!(-5)),
        ("too large", "/values/dossiers_total", json!(1e300)),
        (
            "fraction of a count",
            "/values/households_total",
            json!("12,5"),
        ),
        (
            "yes/no as text",
            "/values/unit_has_dx_focal_point",
            json!("có"),
        ),
        (
            "numerator above denominator",
            "/values/dossiers_full_online",
            json!(5000),
        ),
        ("zero denominator", "/values/respondents_total", json!(0)),
        (
            "a day that does not exist",
            "/appendices/news/0/published_on",
            json!("31/02/2025"),
        ),
        (
            "text in an amount",
            "/appendices/investments/0/disbursed",
            json!("nhiều"),
        ),
    ];
    for (what, path, value) in variants {
        let mut r = base.clone();
        *r.pointer_mut(path)
            .unwrap_or_else(|| panic!("{path} in the example")) = value;
        reports.push((what.to_string(), r, day("2025-09-16")));
    }
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (what, report, today) in &reports {
        // A report of a kind no form has (kind.unknown) has no labels to check.
        let year = report["period"]
            .as_str()
            .and_then(|p| p.get(..4)?.parse().ok());
        let schema = report["kind"]
            .as_str()
            .and_then(|k| k.parse().ok())
            .zip(year)
            .and_then(|(k, y)| schema(defaults::rules(), k, y).ok())
            .unwrap_or(Value::Null);
        for d in v.validate(report, *today).diagnostics {
            let Some(path) = d.path.as_deref().filter(|p| p.starts_with('/')) else {
                continue;
            };
            if d.severity == Severity::Info {
                continue;
            }
            seen.insert(d.code.as_str());
            let at = format!("{what}: {} at {path}: {}", d.code, d.message.vi);
            // The page sent a name its form does not have: the message must
            // quote that name (for the form's builder), not a label.
            let misnamed = matches!(
                d.code,
                Code::ReportUnknownField | Code::KpiInputUnknown | Code::KindUnknown
            );
            let hint = d.hint.as_ref().map_or("", |h| h.vi.as_str());
            if !misnamed {
                for w in jargon(&d.message.vi).into_iter().chain(jargon(hint)) {
                    problems.push(format!("{at}: '{w}' is an id or an English word"));
                }
            }
            let about_a_value = ["report.", "kpi.", "date."]
                .iter()
                .any(|p| d.code.as_str().starts_with(p));
            if let (Some(label), true, false) = (label_of(&schema, path), about_a_value, misnamed) {
                if !d.message.vi.to_lowercase().contains(&in_sentence(&label)) {
                    problems.push(format!("{at}: does not name the field '{label}'"));
                }
            }
            if d.severity == Severity::Error && hint.is_empty() {
                problems.push(format!("{at}: an error says what to do (hint)"));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    // The reports reach every code a form's field can get.
    for code in [
        "report.required",
        "report.type",
        "report.out_of_range",
        "report.invalid_choice",
        "report.date_in_future",
        "report.date_outside_window",
        "report.format",
        "report.exceeds",
        "report.appendix_mismatch",
        "report.kpi_not_reported",
        "kpi.input_invalid",
        "kpi.input_missing",
        "kpi.denominator_zero",
        "kpi.numerator_exceeds_denominator",
        "date.invalid",
        "report.period_mismatch",
    ] {
        assert!(seen.contains(code), "no report gives {code}: {seen:?}");
    }
}

/// Amounts typed the Vietnamese way, with their currency ("1.500.000 đồng",
/// "120.000.000đ"), are the same amounts as the figures: the same
/// diagnostics and the same KPI results (issue 18: money in đồng). A count
/// with a currency is still not a count.
#[test]
fn amounts_typed_with_their_currency_are_the_same_amounts() {
    let v = Validator::new(defaults::rules());
    let plain = load("valid/quarterly.json");
    let mut typed = plain.clone();
    for (path, text) in [
        ("/values/dx_spending_vnd", "{} đồng"),
        ("/values/recurrent_spending_vnd", "{}đ"),
        ("/appendices/investments/0/disbursed", "{} VNĐ"),
        ("/appendices/investments/0/total_estimate", "{} ₫"),
    ] {
        let n = plain
            .pointer(path)
            .unwrap_or_else(|| panic!("{path}"))
            .as_i64()
            .unwrap();
        let grouped = n
            .to_string()
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(".");
        *typed.pointer_mut(path).unwrap() = json!(text.replace("{}", &grouped));
    }
    let (a, b) = (
        v.validate(&plain, day("2025-09-16")),
        v.validate(&typed, day("2025-09-16")),
    );
    assert_eq!(a.diagnostics, b.diagnostics);
    assert_eq!(a.kpi, b.kpi);
    // Disbursed above the estimate (001 Phụ lục 04) is found in typed amounts too.
    *typed
        .pointer_mut("/appendices/investments/0/disbursed")
        .unwrap() = json!("999.999.999.999 đồng");
    let r = v.validate(&typed, day("2025-09-16"));
    assert!(
        r.diagnostics.iter().any(|d| d.code == Code::ReportExceeds),
        "{:#?}",
        r.diagnostics
    );
    let mut count = plain.clone();
    *count.pointer_mut("/values/dossiers_total").unwrap() = json!("1.850 đồng");
    let r = v.validate(&count, day("2025-09-16"));
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == Code::KpiInputInvalid),
        "{:#?}",
        r.diagnostics
    );
}

/// `docs/fields.md`, the field reference of every form for 2025 (the year of
/// the city's plan, 000), is what the engine gives
/// (`engine.fieldReference(kind, year)`, `dxplan schema KIND --fields`);
/// update it with `DXPLAN_BLESS=1 cargo test -p dxplan-tests --test forms`.
#[test]
fn the_field_reference_in_docs_is_current() {
    use dxplan::validation::reference::{field_reference, markdown};
    let mut doc = String::from(
        "# Danh sách ô của biểu mẫu / Form field reference\n\n\
         <!-- Generated by tests/forms.rs from the engine's field reference: do not edit. \
         Update: DXPLAN_BLESS=1 cargo test -p dxplan-tests --test forms -->\n\n\
         Mỗi ô của biểu mẫu năm 2025: tên ô (`name` của thẻ `<input>`, hoặc đường dẫn JSON \
         trong `data-dx-path`), nhãn, kiểu, bắt buộc hay không, đơn vị, nguồn. Năm khác: \
         `engine.fieldReference(loại, năm)` trong gói WebAssembly, `Engine::field_reference` \
         trong Rust, `dxplan schema LOẠI --year NĂM --fields [--json]` ở dòng lệnh. `0` trong \
         tên ô của một bảng là số dòng (0, 1, …).\n\
         *Every field of each 2025 form: the control `name` (or the JSON pointer for \
         `data-dx-path`), label, type, whether it is required, unit and source. Other years: \
         `engine.fieldReference(kind, year)`, `Engine::field_reference`, or \
         `dxplan schema KIND --year YEAR --fields [--json]`. In a table's names, `0` is the \
         row number.*\n",
    );
    for kind in FORM_KINDS {
        let fields = field_reference(defaults::rules(), kind, 2025).unwrap();
        doc.push_str(&format!(
            "\n## {} (`{}`)\n\n",
            kind.name().vi,
            kind.as_str()
        ));
        doc.push_str(&markdown(&fields));
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/fields.md");
    if std::env::var_os("DXPLAN_BLESS").is_some() {
        std::fs::write(&path, &doc).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == doc,
        "docs/fields.md is not current: run DXPLAN_BLESS=1 cargo test -p dxplan-tests --test forms"
    );
    // Every path of the reference is one the validator knows: a report with a
    // value at each gets no `report.unknown_field`.
    let v = Validator::new(defaults::rules());
    let fields = field_reference(defaults::rules(), ObligationKind::Quarterly, 2025).unwrap();
    let mut report = load("valid/quarterly.json");
    for f in &fields {
        let pointer = f.path.replace('*', "0");
        if report.pointer(&pointer).is_none() {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            if let Some(Value::Object(m)) = report.pointer_mut(parent) {
                m.insert(key.to_string(), Value::Null);
            }
        }
    }
    let r = v.validate(&report, day("2025-09-16"));
    assert!(
        !r.diagnostics
            .iter()
            .any(|d| d.code == Code::ReportUnknownField),
        "{:#?}",
        r.diagnostics
    );
}
