//! The precompiled defaults (`rules/compiled/`): the data the engine decodes
//! instead of running the shipped scripts must be exactly what applying the
//! scripts on the base gives now — with the documents' words and the
//! scripts' texts in `full.json`, without them in `lean.json` (the lean
//! build's). After changing a shipped script or the base, write the data
//! again with `DXPLAN_BLESS=1 cargo test -p dxplan-tests --test compiled`.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dxplan::rules::{RuleSet, RulesEngine};
use std::path::PathBuf;

fn compiled(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../rules/compiled")
        .join(name)
}

/// The shipped scripts applied now, with Rhai (not through the defaults,
/// which decode the data under test).
fn applied() -> RuleSet {
    RulesEngine::new()
        .load(&dxplan::defaults::scripts())
        .unwrap()
}

/// `data`, one top-level part a line: a change to the rules shows as a
/// change of its part in a diff, not of one 200 KB line.
fn written(data: &str) -> String {
    let v: serde_json::Map<String, serde_json::Value> = serde_json::from_str(data).unwrap();
    let parts: Vec<String> = v
        .iter()
        .map(|(k, x)| format!("{}:{}", serde_json::to_string(k).unwrap(), x))
        .collect();
    format!("{{\n{}\n}}\n", parts.join(",\n"))
}

fn hold(name: &str, want: &str) {
    let path = compiled(name);
    if std::env::var_os("DXPLAN_BLESS").is_some() {
        std::fs::write(&path, want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap();
    assert!(
        have == want,
        "rules/compiled/{name} is not what the shipped scripts give now: \
         run DXPLAN_BLESS=1 cargo test -p dxplan-tests --test compiled"
    );
}

#[test]
fn the_full_data_is_the_shipped_scripts_applied() {
    hold("full.json", &written(&applied().to_data()));
}

#[test]
fn the_lean_data_is_the_full_data_without_quotes_and_script_texts() {
    hold("lean.json", &written(&applied().to_lean_data()));
}

#[test]
fn the_defaults_decode_the_data_and_are_the_scripts_applied() {
    assert!(dxplan::defaults::load_errors().is_empty());
    let defaults = dxplan::defaults::rules();
    let scripts = applied();
    assert_eq!(defaults.to_data(), scripts.to_data());
    // The calendar is derived again from the holiday rules, not stored:
    // 26/04/2025 is a worked Saturday by the 2025 notice (rules/2025.rhai).
    let d = chrono::NaiveDate::from_ymd_opt(2025, 4, 26).unwrap();
    assert!(defaults.calendar.is_working_day(d).unwrap());
    assert_eq!(
        defaults.calendar.is_working_day(d),
        scripts.calendar.is_working_day(d)
    );
}

#[test]
fn the_lean_data_differs_from_the_full_data_only_in_words_left_out() {
    let full =
        RuleSet::from_data(&std::fs::read_to_string(compiled("full.json")).unwrap()).unwrap();
    let lean =
        RuleSet::from_data(&std::fs::read_to_string(compiled("lean.json")).unwrap()).unwrap();
    assert_eq!(full.to_lean_data(), lean.to_data());
    // What was left out is really there in the full data: the quote of the
    // DTI plan's 2025 target (003 §V.6) and the text of rules/2025.rhai.
    let quotes = |r: &RuleSet| {
        r.catalog
            .iter()
            .flat_map(|i| &i.targets)
            .filter(|t| !t.source.quote.is_empty())
            .count()
    };
    assert!(quotes(&full) > 50, "{}", quotes(&full));
    assert_eq!(quotes(&lean), 0);
    assert!(full.scripts[5].source.contains("nghi_le"));
    assert!(lean.scripts[5].source.is_empty());
}
