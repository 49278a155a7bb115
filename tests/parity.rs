//! Runs the parity corpus (`wasm/tests/parity/corpus.jsonl`) natively through
//! the JSON entry (`dxplan::ffi`) and prints one JSON line per case:
//! `{"id", "ok": result}` or `{"id", "error": [diagnostics]}`. The Node test
//! `wasm/tests/parity.test.mjs` runs the same cases through the WebAssembly
//! package and compares. Inputs are not pasted into the corpus: markers such
//! as `{"$example": "reports/valid/quarterly.json"}` stand for files
//! ([`dxplan_tests::expand`]).
//!
//! ```text
//! cargo run -p dxplan-tests --example parity -- wasm/tests/parity/corpus.jsonl
//! ```

use serde_json::Value;
use std::io::Write as _;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parity CORPUS.jsonl");
        std::process::exit(2);
    };
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
            .and_then(dxplan_tests::expand);
        let case = match case {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{path}:{}: {e}", no + 1);
                std::process::exit(2);
            }
        };
        let id = &case["id"];
        let op = case["op"].as_str().unwrap_or_default();
        let answer = dxplan_tests::call_op(&engine, op, &case["args"].to_string());
        let _ = match answer {
            Ok(v) => writeln!(w, "{{\"id\":{id},\"ok\":{v}}}"),
            Err(d) => writeln!(w, "{{\"id\":{id},\"error\":{}}}", dxplan::ffi::to_json(&d)),
        };
    }
}
