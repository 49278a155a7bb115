//! Helpers for the workspace-level tests: reading the table fixtures in
//! `tests/golden/*.txt` and the command-line snapshots in `tests/golden/cli/`.
//!
//! A table fixture is plain text. Lines starting with `#` are comments (each
//! file starts with one that explains its columns); every other non-blank
//! line is a row of `|`-separated cells followed by `# citation`, the seed
//! document or law its values come from. A row without a citation is an
//! error: every expected value must say where it comes from.

// Test support: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

/// One row of a table fixture.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line number in the fixture file.
    pub line: usize,
    /// The cells, trimmed.
    pub cells: Vec<String>,
    /// The citation after `#`.
    pub citation: String,
}

impl Row {
    /// Cell `i`, or a panic naming the line (test code only).
    pub fn cell(&self, i: usize) -> &str {
        match self.cells.get(i) {
            Some(c) => c,
            None => panic!("line {}: missing column {}", self.line, i + 1),
        }
    }
}

/// Folder of the golden files.
pub fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("golden")
}

/// Reads a table fixture, checking that it has a header comment and that every
/// row has `columns` cells and a citation.
pub fn read_table(name: &str, columns: usize) -> Vec<Row> {
    let path = golden_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        text.starts_with('#'),
        "{name}: a fixture starts with a header comment explaining it"
    );
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (data, citation) = match line.split_once(" # ") {
            Some((d, c)) => (d, c.trim().to_string()),
            None => panic!("{name}:{}: row without a citation (`# source`)", i + 1),
        };
        assert!(!citation.is_empty(), "{name}:{}: empty citation", i + 1);
        let cells: Vec<String> = data.split('|').map(|c| c.trim().to_string()).collect();
        assert_eq!(
            cells.len(),
            columns,
            "{name}:{}: expected {columns} columns",
            i + 1
        );
        rows.push(Row {
            line: i + 1,
            cells,
            citation,
        });
    }
    assert!(!rows.is_empty(), "{name}: no rows");
    rows
}

/// Folder of the seed documents: `$DXPLAN_SEEDS`, else `shared/seeds/` beside the checkout.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("DXPLAN_SEEDS") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds"),
    };
    dir.is_dir().then_some(dir)
}

/// The seeds folder for a test that checks quotes. Without it the test is
/// skipped with a note — except in CI (`CI` set), where the seeds must be there.
pub fn seeds_or_skip() -> Option<PathBuf> {
    let dir = seeds_dir();
    if dir.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have shared/seeds beside the checkout (or DXPLAN_SEEDS)"
        );
        eprintln!("note: shared/seeds not found; quote check skipped");
    }
    dir
}

/// Collapses whitespace and drops Markdown emphasis: the engine's own
/// comparison of a quote with its document.
pub use dxplan::rules::sources::normalise;

/// A JSON file of the repository (e.g. `web-demo/data/units.json`), parsed;
/// a panic naming the file when it is missing or not JSON (test code only).
pub fn repo_json(rel: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A JSON file of `examples/` (e.g. `reports/valid/quarterly.json`), parsed;
/// a panic naming the file when it is missing or not JSON (test code only).
pub fn example_json(rel: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An operation of the package called by name with its arguments as JSON
/// text, as the WebAssembly package calls it (`dxplan::ffi`); a constructor
/// (`withDefaults`, `fromScripts`) answers with the summary of the engine it
/// built, as the Node tests' dispatch does. `session` is a report session:
/// `[report, today, [[METHOD, ARGS…], …]]` opens one and answers the array
/// of its methods' answers (the first error stops it).
pub fn call_op(
    engine: &dxplan::Engine,
    op: &str,
    args: &str,
) -> Result<String, Vec<dxplan::Diagnostic>> {
    if op == "session" {
        return session(engine, args);
    }
    match dxplan::ffi::operation(op).map(|o| o.receiver) {
        Some(dxplan::ffi::Receiver::Constructor) => dxplan::ffi::construct(op, args)
            .and_then(|e| dxplan::ffi::call(&e, "rulesSummary", "[]")),
        _ => dxplan::ffi::call(engine, op, args),
    }
}

fn session(engine: &dxplan::Engine, args: &str) -> Result<String, Vec<dxplan::Diagnostic>> {
    use serde_json::Value;
    // The steps are bounded one by one, as the package's calls are.
    let a: Vec<Value> = serde_json::from_str(args).map_err(|e| {
        vec![dxplan::Diagnostic::invalid_input(
            "args",
            dxplan::Text::new("một mảng JSON", "a JSON array"),
            &e.to_string(),
        )]
    })?;
    let open = Value::Array(a.iter().take(2).cloned().collect()).to_string();
    let mut s = dxplan::ffi::open(engine, "openReport", &open)?;
    // The answers as the engine wrote them (their keys in its order).
    let mut out = Vec::new();
    for step in a.get(2).and_then(Value::as_array).into_iter().flatten() {
        let step = step.as_array().expect("a step is [METHOD, ARGS…]");
        let method = step[0].as_str().expect("a step starts with its method");
        let args = Value::Array(step[1..].to_vec()).to_string();
        out.push(dxplan::ffi::call_session(&mut s, method, &args)?);
    }
    Ok(format!("[{}]", out.join(",")))
}

/// A hostile or broken rule script of `tests/golden/rules-hostile/`, with
/// the error it must stop with, written in the file itself:
/// `// Lỗi: LINE:COLUMN CODE` (the position in the file as it is) when
/// loading it fails, or `// Kiểm tra: LINE:COLUMN CODE CHECK` when it loads
/// and its custom check `CHECK` fails on the quarterly example report; the
/// next comment line says why the case matters.
#[derive(Debug, Clone)]
pub struct HostileScript {
    /// File name (`2025-infinite-loop.rhai`: the script's year first).
    pub name: String,
    /// The whole file.
    pub source: String,
    /// The expected code.
    pub code: String,
    /// The expected line and column.
    pub line: usize,
    /// The expected column.
    pub column: usize,
    /// The custom check that fails when a report is validated (`None`: the
    /// load fails).
    pub check: Option<String>,
    /// Why the case matters.
    pub why: String,
}

/// Every script of `tests/golden/rules-hostile/`, by name.
pub fn hostile_scripts() -> Vec<HostileScript> {
    let dir = golden_dir().join("rules-hostile");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rhai"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            let source = std::fs::read_to_string(&p).unwrap();
            let mut lines = source.lines();
            let (expect, at_validation) = lines
                .by_ref()
                .find_map(|l| {
                    let l = l.trim();
                    l.strip_prefix("// Lỗi:")
                        .map(|e| (e, false))
                        .or_else(|| l.strip_prefix("// Kiểm tra:").map(|e| (e, true)))
                })
                .unwrap_or_else(|| {
                    panic!("{name}: no `// Lỗi: LINE:COLUMN CODE` or `// Kiểm tra: …` line")
                });
            let why = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("//"))
                .unwrap_or_else(|| panic!("{name}: the line after `// Lỗi:` says why"))
                .trim()
                .to_string();
            let mut words = expect.split_whitespace();
            let (at, code) = (words.next().unwrap(), words.next().unwrap());
            let check = at_validation.then(|| {
                words
                    .next()
                    .unwrap_or_else(|| panic!("{name}: `// Kiểm tra:` names the check"))
                    .to_string()
            });
            let (line, column) = at.split_once(':').unwrap();
            HostileScript {
                name,
                check,
                code: code.trim().to_string(),
                line: line.parse().unwrap(),
                column: column.parse().unwrap(),
                why,
                source,
            }
        })
        .collect()
}

/// The markers of the parity corpus and the diagnostics table replaced by
/// what they stand for, everywhere in `v`: `{"$example": PATH}` (the JSON of
/// `examples/PATH`; with `"$pointer"`, only that part; with `"$set": {POINTER:
/// VALUE}`, those values changed), `{"$text": PATH}` (the text of a file of the
/// repository) and `{"$big": N}` (a text of N bytes).
pub fn expand(v: serde_json::Value) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let read = |rel: &str| {
        let path = root.join(rel);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    Ok(match v {
        Value::Object(m) if m.contains_key("$example") => {
            let rel = format!("examples/{}", m["$example"].as_str().unwrap_or_default());
            let mut doc: Value =
                serde_json::from_str(&read(&rel)?).map_err(|e| format!("{rel}: {e}"))?;
            if let Some(p) = m.get("$pointer").and_then(Value::as_str) {
                doc = doc.pointer(p).cloned().ok_or(format!("{rel}: no {p}"))?;
            }
            if let Some(Value::Object(set)) = m.get("$set") {
                for (p, x) in set {
                    let x = &expand(x.clone())?;
                    let (parent, key) = p.rsplit_once('/').ok_or(format!("{rel}: {p}"))?;
                    let target = if parent.is_empty() {
                        Some(&mut doc)
                    } else {
                        doc.pointer_mut(parent)
                    };
                    match target {
                        Some(Value::Object(o)) => {
                            o.insert(key.replace("~1", "/").replace("~0", "~"), x.clone());
                        }
                        Some(Value::Array(a)) => {
                            let i: usize = key.parse().map_err(|_| format!("{rel}: {p}"))?;
                            *a.get_mut(i).ok_or(format!("{rel}: no {p}"))? = x.clone();
                        }
                        _ => return Err(format!("{rel}: no {parent}")),
                    }
                }
            }
            doc
        }
        Value::Object(m) if m.contains_key("$text") => {
            Value::String(read(m["$text"].as_str().unwrap_or_default())?)
        }
        Value::Object(m) if m.contains_key("$big") => {
            Value::String("a".repeat(m["$big"].as_u64().unwrap_or(0) as usize))
        }
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, x)| expand(x).map(|x| (k, x)))
                .collect::<Result<_, _>>()?,
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(expand).collect::<Result<_, _>>()?),
        other => other,
    })
}
