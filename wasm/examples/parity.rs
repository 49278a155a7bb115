//! Runs the parity corpus (`wasm/tests/parity/corpus.jsonl`) natively through
//! the JSON entry (`dxplan::ffi`) and prints one JSON line per case:
//! `{"id", "ok": result}` or `{"id", "error": [diagnostics]}`. The Node test
//! `wasm/tests/parity.test.mjs` runs the same cases through the WebAssembly
//! package and compares. Inputs are not pasted into the corpus: markers such
//! as `{"$example": "reports/valid/quarterly.json"}` stand for files (see
//! [`expand`]).
//!
//! ```text
//! cargo run -p dxplan-wasm --example parity -- wasm/tests/parity/corpus.jsonl
//! ```

use serde_json::Value;
use std::io::Write as _;
use std::path::Path;

/// The markers of the corpus replaced by what they stand for, everywhere in
/// `v`: `{"$example": PATH}` (the JSON of `examples/PATH`, with `$pointer`:
/// only that part, with `$set`: those values changed) and `{"$text": PATH}`
/// (the text of a file of the repository).
fn expand(v: Value, root: &Path) -> Result<Value, String> {
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
                    *doc.pointer_mut(p).ok_or(format!("{rel}: no {p}"))? = x.clone();
                }
            }
            doc
        }
        Value::Object(m) if m.contains_key("$text") => {
            Value::String(read(m["$text"].as_str().unwrap_or_default())?)
        }
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, x)| expand(x, root).map(|x| (k, x)))
                .collect::<Result<_, _>>()?,
        ),
        Value::Array(a) => Value::Array(
            a.into_iter()
                .map(|x| expand(x, root))
                .collect::<Result<_, _>>()?,
        ),
        other => other,
    })
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parity CORPUS.jsonl");
        std::process::exit(2);
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let engine = dxplan::Engine::with_defaults();
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    for (no, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let case = serde_json::from_str::<Value>(line)
            .map_err(|e| e.to_string())
            .and_then(|c| expand(c, &root));
        let case = match case {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{path}:{}: {e}", no + 1);
                std::process::exit(2);
            }
        };
        let id = &case["id"];
        let op = case["op"].as_str().unwrap_or_default();
        let args = case["args"].to_string();
        // A constructor answers with what the engine it built loaded.
        let answer = match dxplan::ffi::operation(op).map(|o| o.receiver) {
            Some(dxplan::ffi::Receiver::Constructor) => dxplan::ffi::construct(op, &args)
                .and_then(|e| dxplan::ffi::call(&e, "rulesSummary", "[]")),
            _ => dxplan::ffi::call(&engine, op, &args),
        };
        let _ = match answer {
            Ok(v) => writeln!(w, "{{\"id\":{id},\"ok\":{v}}}"),
            Err(d) => writeln!(w, "{{\"id\":{id},\"error\":{}}}", dxplan::ffi::to_json(&d)),
        };
    }
}
