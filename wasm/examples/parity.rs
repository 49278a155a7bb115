//! Runs the parity corpus (`wasm/tests/parity/corpus.jsonl`) natively and
//! prints one JSON line per case: `{"id", "ok": result}` or
//! `{"id", "error": [diagnostics]}`. The Node test `wasm/tests/parity.test.mjs`
//! runs the same cases through the WebAssembly package and compares.
//!
//! ```text
//! cargo run -p dxplan-wasm --example parity -- wasm/tests/parity/corpus.jsonl
//! ```

use dxplan_wasm::{json_api, ops::Core};
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
    let mut core = match Core::defaults(None) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("default rules: {d:?}");
            std::process::exit(1);
        }
    };
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    for (no, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let case: Value = match serde_json::from_str(line) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{path}:{}: {e}", no + 1);
                std::process::exit(2);
            }
        };
        let id = case["id"].clone();
        let op = case["op"].as_str().unwrap_or_default();
        let args = case["args"].as_array().cloned().unwrap_or_default();
        let _ = match json_api::call(&mut core, op, &args) {
            Ok(v) => writeln!(w, "{{\"id\":{id},\"ok\":{v}}}"),
            Err(d) => writeln!(
                w,
                "{{\"id\":{id},\"error\":{}}}",
                json_api::out(Ok(d)).unwrap_or_default()
            ),
        };
    }
}
