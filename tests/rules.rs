//! Rule scripts: hostile and broken scripts (`tests/golden/rules-hostile/*.rhai`),
//! atomic loading, provenance of the shipped scripts, custom checks.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dxplan::defaults;
use dxplan::kpi::UnitInput;
use dxplan::rules::{RuleSet, RulesEngine, Script};
use dxplan::validation::Validator;
use dxplan::{Code, Level, ObligationKind};

/// The DTI plan's quarterly obligation of a unit for `period` under `rules`.
fn dti_quarter(rules: &RuleSet, period: &str) -> dxplan::Obligation {
    rules
        .plans
        .find(
            &rules.calendar,
            "dti-2022",
            ObligationKind::Quarterly,
            &period.parse().unwrap(),
            Level::Unit,
        )
        .unwrap()
}

#[test]
fn hostile_scripts_stop_with_the_exact_error_and_the_engine_survives() {
    let mut engine = RulesEngine::new();
    let cases = dxplan_tests::hostile_scripts();
    assert!(cases.len() >= 19, "{} hostile scripts", cases.len());
    let report = dxplan_tests::example_json("reports/valid/quarterly.json");
    for case in cases {
        let ctx = format!("{} ({})", case.name, case.why);
        let script = Script::new(&case.name, &case.source).unwrap();
        let first = match &case.check {
            None => engine.load(&[script]).expect_err(&ctx).remove(0),
            Some(id) => {
                let rules = engine
                    .load(&[script])
                    .unwrap_or_else(|e| panic!("{ctx}: {e:?}"));
                let found = Validator::new(&rules).validate(&report, "2025-09-16".parse().unwrap());
                let d = found
                    .diagnostics
                    .into_iter()
                    .find(|d| d.check.as_deref() == Some(id.as_str()))
                    .unwrap_or_else(|| panic!("{ctx}: check {id} reported nothing"));
                assert_eq!(d.severity, dxplan::Severity::Error, "{ctx}");
                d
            }
        };
        assert_eq!(first.code.as_str(), case.code, "{ctx}: {first:?}");
        let span = first
            .span
            .as_ref()
            .unwrap_or_else(|| panic!("{ctx}: no position"));
        assert_eq!(span.file, case.name, "{ctx}");
        assert_eq!(
            (span.line, span.column),
            (case.line, case.column),
            "{ctx}: {first:?}"
        );
        assert!(
            !first.message.vi.is_empty() && !first.message.en.is_empty(),
            "{ctx}"
        );
    }
    // Still usable: the shipped rules load on the same engine.
    assert!(engine.load(&defaults::scripts()).is_ok());
}

#[test]
fn very_long_source_is_refused_before_parsing() {
    let text = "// x\n".repeat(50_000);
    let errors = RulesEngine::new()
        .load(&[Script::new("2025.rhai", &text).unwrap()])
        .unwrap_err();
    assert_eq!(errors[0].code, Code::RulesTooLarge);
}

/// Decision 11: a year's script changes that year and later ones only; a
/// custom check declared in 2030.rhai made 2025 reports invalid (issue 15).
#[test]
fn a_later_years_check_leaves_earlier_reports_alone() {
    let text = r#"fn luon_loi(bc) { [loi("/values", "Luôn lỗi", "Always an error")] }
kiem_tra("luon_loi", "luon_loi");"#;
    let rules = RulesEngine::new()
        .load(&[Script::new("2030.rhai", text).unwrap()])
        .unwrap();
    let v = Validator::new(&rules);
    let mut report = dxplan_tests::example_json("reports/valid/quarterly.json");
    let fired = |report: &serde_json::Value, today: &str| {
        v.validate(report, today.parse().unwrap())
            .diagnostics
            .iter()
            .any(|d| d.check.as_deref() == Some("luon_loi"))
    };
    assert_eq!(report["period"], "2025-Q3");
    assert!(!fired(&report, "2025-09-16"), "a 2030 check ran on 2025-Q3");
    report["period"] = serde_json::json!("2030-Q3");
    assert!(
        fired(&report, "2030-09-16"),
        "the 2030 check did not run on 2030-Q3"
    );
    // The KPI entry point follows the same rule.
    let input: UnitInput = serde_json::from_str(
        r#"{"unit": "a", "level": "commune", "period": "2025", "values": {}}"#,
    )
    .unwrap();
    assert!(RulesEngine::new().run_checks(&rules, &input).is_empty());
}

#[test]
fn a_failing_script_never_half_applies() {
    let mut engine = RulesEngine::new();
    let base = RuleSet::base();
    // The first call is valid, the second fails: nothing of the file may be kept.
    let text = r#"
        muc_tieu("e_contract_enterprises_rate", "dti-2022", 2026, ">=", 90,
                 #{ tai_lieu: "003_08cb75b396c90965.txt", muc: "§V.6", trich_dan: "x" });
        muc_tieu("khong_co", "dti-2022", 2026, ">=", 90,
                 #{ tai_lieu: "003_08cb75b396c90965.txt", muc: "§V.6", trich_dan: "x" });
    "#;
    let result = engine.load_onto(base.clone(), &[Script::new("2026.rhai", text).unwrap()]);
    assert!(result.is_err());
    assert_eq!(base.catalog, RuleSet::base().catalog);
    // Loading the valid part alone works, so the failure was the second call's.
    let valid = text.lines().take(3).collect::<Vec<_>>().join("\n");
    let rules = engine
        .load_onto(base, &[Script::new("2026.rhai", &valid).unwrap()])
        .unwrap();
    let ind = rules.catalog.get("e_contract_enterprises_rate").unwrap();
    assert_eq!(
        ind.target_for("dti-2022", 2026, None)
            .unwrap()
            .value
            .to_string(),
        "90"
    );
}

#[test]
fn shipped_scripts_load_and_say_where_each_value_comes_from() {
    assert!(
        defaults::load_errors().is_empty(),
        "{:?}",
        defaults::load_errors()
    );
    let rules = defaults::rules();
    // 003 §V.6: 50/60/70/80 % for 2022–2025, each set by its year's file.
    for (year, value) in [(2022, "50"), (2023, "60"), (2024, "70"), (2025, "80")] {
        let ind = rules.catalog.get("e_contract_enterprises_rate").unwrap();
        let t = ind.target_for("dti-2022", year, None).unwrap();
        assert_eq!(t.value.to_string(), value, "{year}");
        let by = t.set_by.as_ref().unwrap();
        assert_eq!(by.file, format!("{year}.rhai"));
        assert_eq!(t.source.section, "§V.6");
        let steps = rules
            .explain_target("e_contract_enterprises_rate", "dti-2022", year)
            .unwrap();
        assert_eq!(steps.iter().filter(|s| s.in_force).count(), 1);
    }
    // DOMAIN.md 2025: Saturday 26/4 worked for Friday 2/5 — set by 2025.rhai.
    let d = |m, day| chrono::NaiveDate::from_ymd_opt(2025, m, day).unwrap();
    assert!(rules.calendar.is_working_day(d(4, 26)).unwrap());
    assert!(!rules.calendar.is_working_day(d(5, 2)).unwrap());
    assert!(rules
        .changes
        .iter()
        .any(|c| c.origin.file == "2025.rhai" && c.summary.en.contains("02/05/2025")));
    // Recipients by date (DOMAIN.md): Sở TT&TT, Sở KH&CN from 1/3, Quảng Ngãi from 1/7/2025.
    let q = |p: &str| dti_quarter(rules, p).recipient.id;
    assert_eq!(q("2024-Q4"), "so-tttt");
    assert_eq!(q("2025-Q2"), "so-khcn");
    assert_eq!(q("2025-Q3"), "so-khcn-quang-ngai");
    // Without scripts (the Rust base), the 2025 swap is not there.
    assert!(!RuleSet::base().calendar.is_working_day(d(4, 26)).unwrap());
}

#[test]
fn deadline_override_and_custom_check() {
    let mut engine = RulesEngine::new();
    let text = r#"
        han_nop("dti-2022", "quarterly", "unit", "2026-Q1", "2026-03-20", "Công văn số 12 (ví dụ kiểm thử)");
        fn co_du_ho_so(bc) {
            if bc.gia_tri.dossiers_total < 10 {
                return [loi("/values/dossiers_total", "Ít hơn 10 hồ sơ", "Fewer than 10 dossiers")];
            }
            []
        }
        kiem_tra("co_du_ho_so", "co_du_ho_so");
    "#;
    let rules = engine
        .load(&[Script::new("2026.rhai", text).unwrap()])
        .unwrap();
    let o = dti_quarter(&rules, "2026-Q1");
    assert_eq!(o.due_before.to_string(), "2026-03-20");
    assert!(o.source.contains("2026.rhai:2:"), "{}", o.source);
    let input: UnitInput = serde_json::from_str(
        r#"{"unit": "a", "level": "commune", "period": "2026-Q1", "values": {"dossiers_total": 4}}"#,
    )
    .unwrap();
    let found = engine.run_checks(&rules, &input);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, Code::RulesCheck);
    assert_eq!(found[0].check.as_deref(), Some("co_du_ho_so"));
    assert_eq!(found[0].path.as_deref(), Some("/values/dossiers_total"));
    assert_eq!(found[0].severity, dxplan::Severity::Error);
    // A check of a file that is not loaded: registering an absent function is an error.
    let bad = Script::new("2026.rhai", r#"kiem_tra("x", "khong_co_ham");"#).unwrap();
    assert_eq!(
        engine.load(&[bad]).unwrap_err()[0].code,
        Code::RulesUnknownFunction
    );
}

/// The tests that ship next to the scripts pass on the default rules.
#[test]
fn shipped_rule_tests_pass() {
    let rules = defaults::rules();
    let mut count = 0;
    for (name, text) in defaults::TESTS {
        let outcomes = dxplan::rules::testing::run(rules, name, text);
        let failures = dxplan::rules::testing::failures(&outcomes);
        assert!(failures.is_empty(), "{failures:#?}");
        count += outcomes.len();
    }
    assert!(count >= 24, "{count} expectations");
    // A wrong expectation is reported with its line.
    let out = dxplan::rules::testing::run(rules, "x.test", "# c\nworking 2025-05-02 = yes\n");
    let f = dxplan::rules::testing::failures(&out);
    assert_eq!(f[0].span.as_ref().unwrap().line, 2);
}

/// Every example of rules/README.md runs (as a 2025 file on the base rules).
#[test]
fn readme_examples_run() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/README.md"))
        .unwrap();
    let blocks: Vec<&str> = text
        .split("```rhai\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert!(blocks.len() >= 11, "{} examples", blocks.len());
    let mut engine = RulesEngine::new();
    for (i, block) in blocks.iter().enumerate() {
        let script = Script::new("2025.rhai", block).unwrap();
        if let Err(e) = engine.load(&[script]) {
            panic!("example {} of rules/README.md fails: {e:?}\n{block}", i + 1);
        }
    }
}

/// Two rule sets with a same-named script: each validation runs its own version.
#[test]
fn checks_never_run_a_stale_version_of_a_script() {
    let mut engine = RulesEngine::new();
    let version = |msg: &str| {
        format!(
            "fn c(bc) {{ [canh_bao(\"/values/x\", \"{msg}\", \"{msg}\")] }}\nkiem_tra(\"c\", \"c\");"
        )
    };
    let r1 = engine
        .load(&[Script::new("2026.rhai", &version("một")).unwrap()])
        .unwrap();
    let r2 = engine
        .load(&[Script::new("2026.rhai", &version("hai")).unwrap()])
        .unwrap();
    let input: UnitInput = serde_json::from_str(
        r#"{"unit": "a", "level": "commune", "period": "2026", "values": {}}"#,
    )
    .unwrap();
    for (rules, expected) in [(&r1, "một"), (&r2, "hai"), (&r1, "một")] {
        let found = engine.run_checks(rules, &input);
        assert_eq!(found[0].message.vi, expected);
    }
}

/// `chinh_sach_han` applies from its file's year; earlier deadlines keep theirs.
#[test]
fn deadline_policy_changes_from_the_files_year() {
    let mut engine = RulesEngine::new();
    let text = r#"chinh_sach_han("dti-2022", "exclusive+roll_forward", "kiểm thử: BLDS 2015 Điều 148.5");"#;
    let rules = engine
        .load_onto(
            defaults::rules().clone(),
            &[Script::new("2026.rhai", text).unwrap()],
        )
        .unwrap();
    let find = |p: &str| dti_quarter(&rules, p);
    // 2026-Q1: before 15/3/2026, last day Saturday 14/3 → Monday 16/3 under roll_forward.
    assert_eq!(find("2026-Q1").deadline.to_string(), "2026-03-16");
    // 2025-Q4 keeps the default keep: Sunday 14/12/2025 (003 §V, DOMAIN.md).
    assert_eq!(find("2025-Q4").deadline.to_string(), "2025-12-14");
}

/// A script adds an indicator, sets its target, and a unit's inputs are evaluated against it.
#[test]
fn added_indicator_is_evaluated() {
    let mut engine = RulesEngine::new();
    let text = r#"
        them_chi_tieu(#{
            ma: "ai_services_rate", ten: "Tỷ lệ dịch vụ có AI", ten_en: "Services using AI",
            nhom: "digital_government", cong_thuc: "rate",
            dau_vao: [
                #{ ma: "online_services_with_ai", ten: "Số dịch vụ có AI", ten_en: "Services using AI", loai: "count" },
                #{ ma: "online_services_total", ten: "Tổng số dịch vụ công trực tuyến", ten_en: "Online public services (total)", loai: "count" }
            ],
            cap: ["province"]
        }, "kiểm thử");
        muc_tieu("ai_services_rate", "action-03-2025", 2026, ">=", 30,
                 #{ tai_lieu: "004_22cd2849f6c7996c.txt", muc: "§II.5", trich_dan: "kiểm thử" });
    "#;
    let rules = engine
        .load(&[Script::new("2026.rhai", text).unwrap()])
        .unwrap();
    let input: UnitInput = serde_json::from_str(
        r#"{"unit": "tinh", "level": "province", "period": "2026",
            "values": {"online_services_with_ai": 3, "online_services_total": 10}}"#,
    )
    .unwrap();
    let ev = dxplan::kpi::evaluate(&rules.catalog, &input, &["action-03-2025"]);
    let r = ev
        .results
        .iter()
        .find(|r| r.id() == "ai_services_rate")
        .unwrap();
    assert_eq!(r.status, dxplan::kpi::KpiStatus::Met);
    assert_eq!(r.value.unwrap().to_string(), "30");
    // An existing id, or a known input with another kind, is refused at its line.
    let existing = text.replace(
        "ma: \"ai_services_rate\"",
        "ma: \"full_online_dossiers_rate\"",
    );
    let e = engine
        .load(&[Script::new("2026.rhai", &existing).unwrap()])
        .unwrap_err();
    assert_eq!(
        (e[0].code, e[0].span.as_ref().unwrap().line),
        (Code::RulesInvalidValue, 2)
    );
    assert!(e[0].message.en.contains("already exists"), "{:?}", e[0]);
    let wrong_kind = text.replacen(
        "loai: \"count\" }\n            ]",
        "loai: \"money\" }\n            ]",
        1,
    );
    assert_ne!(wrong_kind, text);
    let e = engine
        .load(&[Script::new("2026.rhai", &wrong_kind).unwrap()])
        .unwrap_err();
    assert!(e[0].message.en.contains("another kind"), "{:?}", e[0]);
}

/// Each holiday and swap of a notice cites the script line that declared it.
#[test]
fn each_declared_day_cites_its_own_line() {
    let (_, text) = defaults::SCRIPTS
        .iter()
        .find(|(n, _)| *n == "2025.rhai")
        .unwrap();
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(needle))
            .map(|i| format!("2025.rhai:{}:", i + 1))
            .unwrap()
    };
    let off = defaults::rules().calendar.days_off(2025).unwrap();
    let source = |d: &str| {
        off.iter()
            .find(|o| o.date.to_string() == d)
            .unwrap()
            .source
            .clone()
    };
    assert!(source("2025-01-29").contains(&line_of("nghi_le(\"tet\"")));
    assert!(source("2025-05-02").contains(&line_of("hoan_doi(")));
    assert!(source("2025-09-01").contains(&line_of("nghi_le(\"quoc_khanh\"")));
}

/// Every rule function takes its source in one shape: a text or a map; a
/// target needs the document's own words (`trich_dan`).
#[test]
fn every_function_takes_its_source_in_one_shape() {
    let load = |text: &str| RulesEngine::new().load(&[Script::new("2026.rhai", text).unwrap()]);
    let as_map = r#"nghi_le("tet", "2026-02-14", "2026-02-22", #{ tai_lieu: "Công điện (ví dụ)", muc: "§1" });"#;
    let rules = load(as_map).unwrap();
    assert!(rules
        .holidays
        .notice(2026)
        .unwrap()
        .source
        .starts_with("Công điện (ví dụ) §1"));
    let as_text = r#"bo_chi_tieu("dx_news_items", 2026, "Quyết định (ví dụ), Điều 2");"#;
    assert!(load(as_text).is_ok());
    let target_without_words =
        r#"muc_tieu("e_contract_enterprises_rate", "dti-2022", 2026, ">=", 85, "003 §V.6");"#;
    let errors = load(target_without_words).unwrap_err();
    assert_eq!(errors[0].code, dxplan::Code::RulesInvalidValue);
    assert!(errors[0].message.en.contains("document's words"));
    let empty = r#"bo_chi_tieu("dx_news_items", 2026, "  ");"#;
    assert_eq!(
        load(empty).unwrap_err()[0].code,
        dxplan::Code::RulesInvalidValue
    );
}

/// Issue 15: a wrong call names the argument, what it takes and what it got,
/// with the documented signature; a misspelt name gets the closest one.
#[test]
fn wrong_calls_say_which_argument_and_misspellings_get_a_suggestion() {
    let first = |text: &str| {
        RulesEngine::new()
            .load(&[Script::new("2025.rhai", text).unwrap()])
            .unwrap_err()
            .remove(0)
    };
    let d = first(r#"muc_tieu("e_contract_enterprises_rate", "dti-2022", "2025", ">=", 80, #{});"#);
    assert_eq!(d.code, Code::RulesType);
    assert_eq!(
        d.message.vi,
        "Đối số thứ 3 (năm) của muc_tieu phải là một số nguyên (không có dấu nháy), nhận chuỗi"
    );
    assert!(d
        .hint
        .unwrap()
        .vi
        .starts_with("Cách gọi: muc_tieu(chỉ_tiêu, kế_hoạch, năm, so_sánh, giá_trị, nguồn)"));
    let d = first(r#"hoan_doi("2025-05-03", "2025-05-05");"#);
    assert_eq!(
        d.message.en,
        "hoan_doi takes 3 arguments (ngày_nghỉ, ngày_làm_bù, nguồn), got 2"
    );
    let d = first(r#"hoan_doy("2025-05-03", "2025-05-05", "x");"#);
    assert_eq!(d.code, Code::RulesUnknownFunction);
    assert!(
        d.message.vi.ends_with("có phải ý bạn là 'hoan_doi'?"),
        "{}",
        d.message.vi
    );
    let d = first(
        r#"muc_tieu("e_contract_enterprise_rate", "dti-2022", 2025, ">=", 80, #{ tai_lieu: "003_08cb75b396c90965.txt", muc: "§V.6", trich_dan: "x" });"#,
    );
    assert_eq!(d.code, Code::RulesUnknownId);
    assert!(d
        .message
        .en
        .ends_with("did you mean 'e_contract_enterprises_rate'?"));
    let d = first(
        r#"muc_tieu("e_contract_enterprises_rate", "dti-2023", 2025, ">=", 80, #{ tai_lieu: "003_08cb75b396c90965.txt", muc: "§V.6", trich_dan: "x" });"#,
    );
    assert!(
        d.message.en.ends_with("did you mean 'dti-2022'?"),
        "{}",
        d.message.en
    );
    // Nothing close: no guess.
    let d = first(r#"dat_muc_tieu("x");"#);
    assert!(!d.message.vi.contains("có phải"), "{}", d.message.vi);
}

/// The seed documents as the host passes them (`shared/seeds/*.txt`).
fn seed_documents(dir: &std::path::Path) -> Vec<dxplan::DocumentText> {
    let mut docs: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            dxplan::DocumentText::new(&name, &std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    docs
}

/// A quote is held against its document when the host knows the document
/// (issue 15: `trich_dan: "câu không có trong văn bản nào"` passed `rules
/// check`); an unknown document is a warning, with the closest name.
#[test]
fn quotes_are_held_against_the_documents_the_host_knows() {
    let Some(dir) = dxplan_tests::seeds_or_skip() else {
        return;
    };
    let docs = seed_documents(&dir);
    let script = dxplan::ScriptText::new(
        "2025.rhai",
        concat!(
            // 003 §V.6 has "2025 đạt tối thiểu 80%", not what follows.
            r#"muc_tieu("e_contract_enterprises_rate", "dti-2022", 2025, ">=", 80, #{ tai_lieu: "003_08cb75b396c90965.txt", muc: "§V.6", trich_dan: "2025 đạt tối thiểu 80% và câu không có trong văn bản nào" });"#,
            "\n",
            r#"muc_tieu("e_contract_enterprises_rate", "dti-2022", 2025, ">=", 80, #{ tai_lieu: "khong_ton_tai.txt", muc: "§1", trich_dan: "câu không có trong văn bản nào" });"#,
            "\n",
            r#"muc_tieu("e_contract_enterprises_rate", "dti-2022", 2025, ">=", 80, #{ tai_lieu: "003_08cb75b396c90965.tx", muc: "§V.6", trich_dan: "2025 đạt tối thiểu 80%" });"#,
            "\n",
        ),
    );
    let r = dxplan::Engine::check_rules_against(&[script], &docs);
    assert!(!r.ok, "{:?}", r.diagnostics);
    let found: Vec<_> = r
        .diagnostics
        .iter()
        .map(|d| {
            let s = d.span.as_ref().unwrap();
            (d.code.as_str(), d.severity, s.line, s.column)
        })
        .collect();
    use dxplan::Severity::{Error, Warning};
    assert_eq!(
        found,
        [
            ("rules.quote_not_found", Error, 1, 1),
            ("rules.document_unknown", Warning, 2, 1),
            ("rules.document_unknown", Warning, 3, 1),
        ]
    );
    let hint = |i: usize| r.diagnostics[i].hint.as_ref().unwrap().vi.clone();
    assert!(hint(0).contains("«2025 đạt tối thiểu 80%»"), "{}", hint(0));
    assert!(
        hint(2).contains("Có phải ý bạn là '003_08cb75b396c90965.txt'?"),
        "{}",
        hint(2)
    );
    // The shipped scripts' quotes are all their documents' words.
    let shipped = dxplan::Engine::check_rules_against(&dxplan::Engine::default_scripts(), &docs);
    let quotes = dxplan::Engine::default_scripts()
        .iter()
        .map(|s| s.source.matches("trich_dan").count())
        .sum::<usize>();
    assert!(
        shipped.ok && shipped.diagnostics.is_empty(),
        "{:?}",
        shipped.diagnostics
    );
    assert_eq!(shipped.quotes_checked, quotes);
    // Without documents nothing is claimed: no diagnostics, no quote checked.
    let unchecked = dxplan::Engine::check_rules(&dxplan::Engine::default_scripts());
    assert_eq!((unchecked.ok, unchecked.quotes_checked), (true, 0));
    // The command line: `rules check --documents FOLDER` says how many quotes
    // matched, and without the flag that none were checked.
    let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 16).unwrap();
    let run = |extra: &[&str]| {
        let mut argv: Vec<String> = ["dxplan", "rules", "check"].map(String::from).to_vec();
        argv.extend(extra.iter().map(|s| s.to_string()));
        dxplan_cli::run(argv, today)
    };
    let with = run(&["--documents", dir.to_str().unwrap()]);
    assert_eq!(with.code, 0, "{}", with.stderr);
    assert!(
        with.stdout
            .contains(&format!("✓ {quotes} câu trích đúng nguyên văn")),
        "{}",
        with.stdout
    );
    let without = run(&[]);
    assert!(
        without.stdout.contains("Câu trích chưa được đối chiếu"),
        "{}",
        without.stdout
    );
}

/// A rule set is data (issue 17: what a build can embed instead of running
/// the scripts, what a service can store per published version): the shipped
/// scripts' rule set written and read back is the same rule set, its
/// calendar built again from its holiday rules.
#[test]
fn a_rule_set_read_back_from_its_data_is_the_same() {
    let applied = dxplan::defaults::rules();
    let data = applied.to_data();
    let decoded = dxplan::RuleSet::from_data(&data).unwrap();
    assert_eq!(decoded.to_data(), data);
    assert_eq!(decoded.plans, applied.plans);
    assert_eq!(decoded.catalog, applied.catalog);
    assert_eq!(decoded.holidays, applied.holidays);
    assert_eq!(decoded.changes, applied.changes);
    assert_eq!(decoded.checks, applied.checks);
    assert_eq!(decoded.scripts, applied.scripts);
    assert_eq!(decoded.forms, applied.forms);
    // Saturday 26/04/2025 was worked for Friday 02/05/2025 (rules/2025.rhai).
    let d = chrono::NaiveDate::from_ymd_opt(2025, 4, 26).unwrap();
    assert!(decoded.calendar.is_working_day(d).unwrap());
    // The same answers: the quarterly example validated by both.
    let report = dxplan_tests::example_json("reports/valid/quarterly.json");
    let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 16).unwrap();
    let a = dxplan::Engine::with_defaults().validate(&report, today);
    let b = dxplan::Engine::from_rules(std::sync::Arc::new(decoded)).validate(&report, today);
    assert_eq!(a, b);
    // A custom check's script is found again by its text.
    let text = r#"fn kiem(r) { [] } kiem_tra("k", "kiem");"#;
    let with_check =
        dxplan::Engine::from_scripts(&[dxplan::ScriptText::new("2026.rhai", text)]).unwrap();
    let again = dxplan::RuleSet::from_data(&with_check.rules().to_data()).unwrap();
    assert_eq!(again.checks, with_check.rules().checks);
    assert!(dxplan::Engine::from_rules(std::sync::Arc::new(again))
        .validate(&report, today)
        .diagnostics
        .iter()
        .all(|d| d.code.as_str() != "rules.check_failed"));
    // Broken data is a structured error, not a panic.
    let e = dxplan::RuleSet::from_data(&data[..data.len() / 2]).unwrap_err();
    assert_eq!(e.code.as_str(), "input.invalid_json");
}
