//! The invariants of ARCHITECTURE.md, checked on the source:
//!
//! - the core's modules import only layers below their own (the layer table
//!   of ARCHITECTURE.md is read from the file, so the document and the check
//!   cannot drift apart);
//! - the core does no I/O and reads no clock;
//! - the WebAssembly facade reaches the engine only through `dxplan::ffi`.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `module → layer` from the table of ARCHITECTURE.md: rows
/// `| N | `module` | … |` under the heading "Layers of the core".
fn layers() -> BTreeMap<String, u32> {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = text
        .find("## Layers of the core")
        .expect("ARCHITECTURE.md has a section \"## Layers of the core\"");
    let mut out = BTreeMap::new();
    for line in text[start..].lines().skip(1) {
        if line.starts_with("## ") {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        let (Ok(layer), Some(module)) = (
            cells[1].parse::<u32>(),
            cells[2].strip_prefix('`').and_then(|c| c.strip_suffix('`')),
        ) else {
            continue;
        };
        out.insert(module.to_string(), layer);
    }
    assert!(out.len() >= 10, "layer table too short: {out:?}");
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without comments (doc comments included: their
/// examples are a user's code, which may use any layer) and without string
/// literals' contents, as numbered lines; a `use` whose braces span lines is
/// joined into the line where it starts.
fn code(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut open_use: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let mut line = String::new();
        let mut in_str = false;
        let mut prev = ' ';
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            if in_str {
                if c == '"' && prev != '\\' {
                    in_str = false;
                    line.push('"');
                }
                prev = if prev == '\\' && c == '\\' { ' ' } else { c };
                continue;
            }
            if c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' {
                in_str = true;
            }
            line.push(c);
            prev = c;
        }
        if let Some((start, mut acc)) = open_use.take() {
            acc.push(' ');
            acc.push_str(line.trim());
            if line.contains('}') {
                lines.push((start, acc));
            } else {
                open_use = Some((start, acc));
            }
            continue;
        }
        if line.contains("crate::{") && !line.contains('}') {
            open_use = Some((i + 1, line));
            continue;
        }
        if !line.trim().is_empty() {
            lines.push((i + 1, line));
        }
    }
    lines
}

/// Names the crate root re-exports (`pub use module::…::{A, B}`), with the
/// module each comes from, so that `crate::Period` counts as `calendar`.
fn root_exports() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("core/src/lib.rs")).unwrap();
    let mut out = BTreeMap::new();
    for stmt in text.split(';') {
        let Some(rest) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module = rest.split("::").next().unwrap().trim().to_string();
        let names = match rest.find('{') {
            Some(i) => rest[i + 1..].trim_end_matches('}').to_string(),
            None => rest.rsplit("::").next().unwrap().to_string(),
        };
        for name in names.split(',') {
            let name = name.split(" as ").last().unwrap().trim();
            if !name.is_empty() {
                out.insert(name.to_string(), module.clone());
            }
        }
    }
    out
}

/// The modules of the crate a line refers to (`crate::kpi::…`,
/// `crate::{kpi, forms}`, a root re-export).
fn referenced(line: &str, exports: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            group
                .split('}')
                .next()
                .unwrap_or("")
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap_or(""))
                .collect()
        } else {
            vec![rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")]
        };
        for n in names {
            if let Some(m) = exports.get(n) {
                out.push(m.clone());
            } else if !n.is_empty() {
                out.push(n.to_string());
            }
        }
    }
    out
}

#[test]
fn every_module_imports_only_layers_below_its_own() {
    let layers = layers();
    let exports = root_exports();
    let src = root().join("core/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap();
        let module = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" {
            continue;
        }
        let Some(&own) = layers.get(&module) else {
            problems.push(format!(
                "core/src/{}: module `{module}` is not in ARCHITECTURE.md's layer table",
                rel.display()
            ));
            continue;
        };
        // `super::` in a top-level file is the crate root.
        let top_level = rel.components().count() == 1;
        for (no, line) in code(&f) {
            let mut refs = referenced(&line, &exports);
            if top_level && line.contains("super::") {
                refs.push("(crate root through super::)".into());
            }
            for m in refs {
                if m == module || m == "Result" {
                    continue;
                }
                match layers.get(&m) {
                    Some(&l) if l < own => {}
                    Some(&l) => problems.push(format!(
                        "core/src/{}:{no}: `{module}` (layer {own}) imports `{m}` (layer {l}): {}",
                        rel.display(),
                        line.trim()
                    )),
                    None => problems.push(format!(
                        "core/src/{}:{no}: `{module}` refers to `{m}`, which is not a layer: {}",
                        rel.display(),
                        line.trim()
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_core_does_no_io_and_reads_no_clock() {
    let src = root().join("core/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let forbidden = [
        "std::fs",
        "std::net",
        "std::env",
        "std::process",
        "std::io::std",
        "println!",
        "eprintln!",
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
    ];
    let mut problems = Vec::new();
    for f in files {
        for (no, line) in code(&f) {
            for word in forbidden {
                if line.contains(word) {
                    problems.push(format!("{}:{no}: {word}", f.display()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_webassembly_facade_only_calls_the_operation_table() {
    let mut files = Vec::new();
    rust_files(&root().join("wasm/src"), &mut files);
    let allowed = [
        "dxplan::ffi",
        "dxplan::Engine",
        "dxplan::ReportSession",
        "dxplan::Errors",
    ];
    let mut problems = Vec::new();
    for f in files
        .iter()
        .filter(|f| !f.to_string_lossy().contains("/bin/"))
    {
        for (no, line) in code(f) {
            let mut rest = line.as_str();
            while let Some(i) = rest.find("dxplan::") {
                let tail = &rest[i..];
                if !allowed.iter().any(|a| tail.starts_with(a)) {
                    problems.push(format!("{}:{no}: {}", f.display(), line.trim()));
                }
                rest = &rest[i + "dxplan::".len()..];
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
