//! Benchmark: rule scripts. Results go to BENCHMARKS.md (`bash scripts/bench.sh`).
//!
//! The year script has 300 lines: 96 `muc_tieu` calls (three lines each, with
//! their source) over the catalog's rate indicators, plus a custom check.

use dxplan::kpi::{Catalog, Formula, UnitInput};
use dxplan::rules::{RulesEngine, Script};

fn main() {
    divan::main();
}

fn year_script() -> Script {
    let catalog = Catalog::base();
    let rates: Vec<&str> = catalog
        .iter()
        .filter(|i| matches!(i.formula, Formula::Rate { .. }))
        .map(|i| i.id.as_str())
        .collect();
    let mut text = String::from("// 300-line benchmark script\n");
    let mut n = 0;
    while text.lines().count() < 288 {
        let id = rates[n % rates.len()];
        text.push_str(&format!(
            "muc_tieu(\"{id}\", \"dti-2022\", 2026, \">=\", {},\n    #{{ tai_lieu: \"003_08cb75b396c90965.txt\", muc: \"§V\", trich_dan: \"dòng {n}\" }});\n// {n}\n",
            50 + n % 50
        ));
        n += 1;
    }
    text.push_str(
        "fn kiem_tra_ho_so(bc) {\n    let tong = bc.gia_tri.dossiers_total;\n    let tt = bc.gia_tri.dossiers_full_online;\n    let kq = [];\n    if tong != () && tong < 10 { kq.push(canh_bao(\"/values/dossiers_total\", \"ít\", \"few\")); }\n    if tong != () && tt != () && tt > tong { kq.push(loi(\"/values/dossiers_full_online\", \"lớn\", \"above\")); }\n    kq\n}\nkiem_tra(\"ho_so\", \"kiem_tra_ho_so\");\n",
    );
    Script::new("2026.rhai", &text).unwrap_or_else(|_| Script {
        name: "2026.rhai".into(),
        year: 2026,
        source: String::new(),
    })
}

/// Building the sandboxed engine with the API registered (done once per process or thread).
#[divan::bench]
fn engine_new() -> RulesEngine {
    RulesEngine::new()
}

/// Compile + apply the 300-line script on a fresh engine (nothing cached).
#[divan::bench]
fn compile_and_apply_300_lines(bencher: divan::Bencher) {
    let script = year_script();
    bencher
        .with_inputs(RulesEngine::new)
        .bench_local_values(|mut engine| engine.load(std::slice::from_ref(&script)).is_ok());
}

/// Apply only: the same script again on the same engine (compiled form cached).
#[divan::bench]
fn apply_300_lines_cached(bencher: divan::Bencher) {
    let script = year_script();
    let mut engine = RulesEngine::new();
    let _ = engine.load(std::slice::from_ref(&script));
    bencher.bench_local(|| engine.load(std::slice::from_ref(&script)).is_ok());
}

/// One validation's custom checks (one check function on one report).
#[divan::bench]
fn custom_checks_per_validation(bencher: divan::Bencher) {
    let script = year_script();
    let mut engine = RulesEngine::new();
    let Ok(rules) = engine.load(std::slice::from_ref(&script)) else {
        return;
    };
    let input: UnitInput = serde_json::from_str(
        r#"{"unit": "a", "level": "commune", "period": "2026", "values": {"dossiers_total": 4, "dossiers_full_online": 5}}"#,
    )
    .unwrap_or_else(|_| UnitInput {
        unit: String::new(),
        level: dxplan::kpi::AdminLevel::Commune,
        period: dxplan::Period::Year { year: 2026 },
        values: Default::default(),
    });
    bencher.bench_local(|| engine.run_checks(&rules, &input).len());
}

/// The hostile and broken scripts of `tests/golden/rules-hostile/`, each
/// refused on one reused engine: the time budget of the sandbox's limits.
/// `(file name, script)`, by name.
fn hostile_rows() -> Vec<(String, String)> {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/rules-hostile");
    let mut rows: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "rhai"))
                .filter_map(|p| {
                    let name = p.file_name()?.to_str()?.to_string();
                    Some((name, std::fs::read_to_string(&p).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    rows.sort();
    rows
}

fn hostile_cases() -> Vec<String> {
    hostile_rows().into_iter().map(|(name, _)| name).collect()
}

#[divan::bench(args = hostile_cases())]
fn hostile_script_refused(bencher: divan::Bencher, case: &String) {
    let source = hostile_rows()
        .into_iter()
        .find(|(name, _)| name == case)
        .map(|(_, source)| source)
        .unwrap_or_default();
    let Ok(script) = Script::new(case, &source) else {
        return;
    };
    let mut engine = RulesEngine::new();
    bencher.bench_local(|| engine.load(std::slice::from_ref(&script)).is_err());
}
