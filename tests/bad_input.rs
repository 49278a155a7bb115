//! The bad-input catalogue (`tests/golden/bad_input.txt`), natively: the
//! package's operations through their JSON entry (`dxplan::ffi`,
//! what a native service receiving JSON text would call) and the command
//! line. WebAssembly runs the same table in `wasm/tests/bad-input.test.mjs`.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use dxplan_tests::{call_op, example_json, read_table, Row};
use serde_json::Value;

/// `examples/reports/valid/KIND.json`, or `examples/NAME` for a name with a
/// folder (`workflow/accepted.json`).
fn example(name: &str) -> Value {
    if name.contains('/') {
        example_json(name)
    } else {
        example_json(&format!("reports/valid/{name}.json"))
    }
}

/// Replaces `{"$example": NAME, "$pointer"?: P, "$set": {...}}` objects by
/// the (part of the) example, changed.
fn examples(v: Value) -> Value {
    match v {
        Value::Object(m) if m.contains_key("$example") => {
            let mut report = example(m["$example"].as_str().unwrap());
            if let Some(p) = m.get("$pointer").and_then(Value::as_str) {
                report = report.pointer(p).unwrap().clone();
            }
            if let Some(Value::Object(set)) = m.get("$set") {
                for (pointer, value) in set {
                    let value = &examples(value.clone());
                    let (parent, key) = pointer.rsplit_once('/').unwrap();
                    let target = if parent.is_empty() {
                        &mut report
                    } else {
                        report.pointer_mut(parent).unwrap()
                    };
                    match target {
                        Value::Object(o) => {
                            o.insert(key.to_string(), value.clone());
                        }
                        Value::Array(a) => a[key.parse::<usize>().unwrap()] = value.clone(),
                        other => panic!("cannot set {pointer} in {other}"),
                    }
                }
            }
            report
        }
        Value::Array(a) => Value::Array(a.into_iter().map(examples).collect()),
        other => other,
    }
}

/// One marker as the JSON text a native caller would receive.
fn marker_text(marker: &str) -> Option<String> {
    Some(match marker {
        "$NaN" => "NaN".into(),
        "$Infinity" => "Infinity".into(),
        "$-Infinity" => "-Infinity".into(),
        // Half an emoji, as JSON.stringify writes a JavaScript string that
        // holds one (a Rust string cannot).
        "$lone-high" => r#""a\ud83d""#.into(),
        "$lone-low-key" => r#""\udc00k""#.into(),
        m if m.starts_with("$deep:") => {
            let n: usize = m[6..].parse().unwrap();
            format!("{}1{}", "[".repeat(n), "]".repeat(n))
        }
        m if m.starts_with("$big:") => {
            let n: usize = m[5..].parse().unwrap();
            format!("\"{}\"", "a".repeat(n))
        }
        m if m.starts_with("$lines:") => {
            let n: usize = m[7..].parse().unwrap();
            format!("\"{}\"", "\\n".repeat(n))
        }
        _ => return None,
    })
}

/// The arguments as JSON text, markers written as the raw text they stand for.
fn args_text(cell: &str) -> String {
    let args = examples(serde_json::from_str(cell).unwrap());
    let mut text = serde_json::to_string(&args).unwrap();
    for m in [
        "$NaN",
        "$Infinity",
        "$-Infinity",
        "$lone-high",
        "$lone-low-key",
    ] {
        text = text.replace(&format!("\"{m}\""), &marker_text(m).unwrap());
    }
    for prefix in ["$deep:", "$big:", "$lines:"] {
        while let Some(start) = text.find(&format!("\"{prefix}")) {
            let end = start + 1 + text[start + 1..].find('"').unwrap();
            let marker = text[start + 1..end].to_string();
            text.replace_range(start..=end, &marker_text(&marker).unwrap());
        }
    }
    text
}

/// The content of a CLI input file.
fn file_bytes(marker: &str) -> Vec<u8> {
    if let Some(hex) = marker.strip_prefix("$bytes:") {
        return (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
    }
    if let Some(text) = marker.strip_prefix("$text:") {
        return text.as_bytes().to_vec();
    }
    marker_text(marker).unwrap().into_bytes()
}

struct Expect {
    kind: String,
    code: String,
    path: String,
}

fn expect(cell: &str, row: &Row) -> Option<Expect> {
    if cell == "n/a" {
        return None;
    }
    let (head, path) = cell
        .split_once(" at")
        .unwrap_or_else(|| panic!("line {}: {cell}", row.line));
    let mut words = head.split_whitespace();
    let kind = words.next().unwrap().to_string();
    let code = if kind == "exit" {
        format!("{} {}", words.next().unwrap(), words.next().unwrap())
    } else {
        words.next().unwrap().to_string()
    };
    Some(Expect {
        kind,
        code,
        path: path.trim().to_string(),
    })
}

/// Whether `v` holds a diagnostic with `code` at `path` anywhere.
fn has_diagnostic(v: &Value, code: &str, path: &str) -> bool {
    match v {
        Value::Object(m) => {
            let here = m.get("code").and_then(Value::as_str) == Some(code)
                && (path == "*" || m.get("path").and_then(Value::as_str).unwrap_or("") == path);
            here || m.values().any(|x| has_diagnostic(x, code, path))
        }
        Value::Array(a) => a.iter().any(|x| has_diagnostic(x, code, path)),
        _ => false,
    }
}

fn run_cli(row: &Row, args: &[String], e: &Expect) {
    let dir = std::env::temp_dir().join(format!("dxplan-bad-input-{}", row.line));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<String> = args
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let f = dir.join(format!("input-{i}.json"));
            std::fs::write(&f, file_bytes(m)).unwrap();
            f.display().to_string()
        })
        .collect();
    let mut argv: Vec<String> = vec!["dxplan".into(), "--json".into()];
    match row.cell(1) {
        "cli:validate" => argv.extend(["validate".into(), files[0].clone()]),
        "cli:kpi-eval" => argv.extend(["kpi".into(), "eval".into(), files[0].clone()]),
        "cli:workflow-apply" => argv.extend([
            "workflow".into(),
            "apply".into(),
            files[0].clone(),
            files[1].clone(),
        ]),
        other => panic!("line {}: unknown CLI op {other}", row.line),
    }
    let out = dxplan_cli::run(argv, NaiveDate::from_ymd_opt(2025, 9, 16).unwrap());
    let (exit, code) = e.code.split_once(' ').unwrap();
    assert_eq!(
        out.code.to_string(),
        exit,
        "line {}: {}",
        row.line,
        out.stderr
    );
    let err: Value = serde_json::from_str(&out.stderr).unwrap();
    assert!(
        has_diagnostic(&err, code, &e.path),
        "line {} ({}): expected {code} at {}, got {}",
        row.line,
        row.cell(0),
        e.path,
        out.stderr
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_bad_input_gets_its_exact_error_natively() {
    let engine = dxplan::Engine::with_defaults();
    let valid = format!(
        "[{}, \"2025-09-16\"]",
        serde_json::to_string(&example("quarterly")).unwrap()
    );
    let rows = read_table("bad_input.txt", 5);
    assert!(rows.len() >= 50, "{} cases", rows.len());
    let mut checked = 0;
    for row in &rows {
        let ctx = format!("line {} ({}; {})", row.line, row.cell(0), row.citation);
        let native = match row.cell(4) {
            "same" => row.cell(3),
            other => other,
        };
        let Some(e) = expect(native, row) else {
            continue;
        };
        checked += 1;
        if row.cell(1).starts_with("cli:") {
            let args: Vec<String> = serde_json::from_str(row.cell(2)).unwrap();
            run_cli(row, &args, &e);
            continue;
        }
        let result = call_op(&engine, row.cell(1), &args_text(row.cell(2)));
        match (e.kind.as_str(), &result) {
            ("throws", Err(diags)) => {
                let d = &diags[0];
                assert_eq!(d.code.as_str(), e.code, "{ctx}: {d:?}");
                if e.path != "*" {
                    assert_eq!(d.path.as_deref().unwrap_or(""), e.path, "{ctx}: {d:?}");
                }
                assert!(
                    !d.message.vi.is_empty() && !d.message.en.is_empty(),
                    "{ctx}"
                );
                // Bad input is quoted by a short prefix, never whole (issue
                // 15: a 50-million-character date gave a 100-million one).
                for m in [&d.message.vi, &d.message.en] {
                    assert!(
                        m.chars().count() <= 600,
                        "{ctx}: a message of {} characters",
                        m.chars().count()
                    );
                }
            }
            ("reports", Ok(text)) => {
                let v: Value = serde_json::from_str(text).unwrap();
                assert!(
                    has_diagnostic(&v, &e.code, &e.path),
                    "{ctx}: no {} at '{}' in {}",
                    e.code,
                    e.path,
                    &text[..text.len().min(2000)]
                );
            }
            (kind, other) => panic!("{ctx}: expected {kind} {}, got {other:?}", e.code),
        }
        // The same engine still validates the example report as valid.
        let ok = dxplan::ffi::call(&engine, "validate", &valid).unwrap();
        assert!(
            ok.contains("\"valid\":true"),
            "{ctx}: engine unusable after"
        );
    }
    assert!(checked >= 50, "{checked} native cases");
}
