//! The diagnostics catalogue: every code of `dxplan::Code::ALL` has a row in
//! `tests/golden/diagnostics.txt` with an input that triggers it; each row is
//! run, must give its code, and `docs/diagnostics.md` is written from the
//! messages the engine really gives (a test keeps it current; update it with
//! `DXPLAN_BLESS=1 cargo test -p dxplan-tests --test diagnostics`). The
//! Vietnamese messages are held to the style guide of that document.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use dxplan::Code;
use dxplan_tests::{call_op, expand, read_table, Row};
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Every object of `v` that is a diagnostic (has `code` and `message`).
fn diagnostics_in(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(m) => {
            if m.contains_key("code") && m.contains_key("message") {
                out.push(v.clone());
            }
            m.values().for_each(|x| diagnostics_in(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| diagnostics_in(x, out)),
        _ => {}
    }
}

fn answer(r: Result<String, Vec<dxplan::Diagnostic>>) -> Value {
    match r {
        Ok(text) => serde_json::from_str(&text).unwrap(),
        Err(d) => serde_json::to_value(&d).unwrap(),
    }
}

/// Runs a row: every diagnostic it gives, as JSON.
fn run(engine: &dxplan::Engine, row: &Row) -> Vec<Value> {
    let op = row.cell(1);
    let args = expand(serde_json::from_str(row.cell(2)).unwrap()).unwrap();
    let a = args.as_array().unwrap();
    let found = match op {
        "cli" => {
            let mut argv = vec!["dxplan".to_string(), "--json".to_string()];
            argv.extend(a.iter().map(|x| x.as_str().unwrap().to_string()));
            let out = dxplan_cli::run(argv, chrono::NaiveDate::from_ymd_opt(2025, 9, 16).unwrap());
            let mut v = Vec::new();
            for text in [out.stdout, out.stderr] {
                if let Ok(x) = serde_json::from_str::<Value>(&text) {
                    v.push(x);
                }
            }
            Value::Array(v)
        }
        "internal" => match a[0].as_str().unwrap() {
            // What the package's runtime reports for a NaN typed into a form.
            "not_finite" => json!([dxplan::ffi::input_error(
                "not_finite",
                "report",
                "/values/dossiers_total",
                "NaN"
            )]),
            // What the package's runtime reports for an engine used after free().
            "freed" => json!([dxplan::ffi::input_error("freed", "validate", "", "")]),
            // A term the register could not read (none of the seeds' terms).
            "term_invalid" => json!([dxplan::tasks::Term::parse("Sắp tới").unwrap_err()]),
            // What the lean build answers for fromScripts (it has no Rhai).
            "lean" => json!([dxplan::rules::unavailable(dxplan::Text::new(
                "nạp tệp quy tắc (Engine.fromScripts)",
                "load rule scripts (Engine.fromScripts)"
            ))]),
            other => panic!("line {}: no internal case {other}", row.line),
        },
        _ => match op.strip_prefix("fromScripts+") {
            Some(then) => {
                let e = dxplan::ffi::construct("fromScripts", &json!([a[0]]).to_string()).unwrap();
                answer(dxplan::ffi::call(
                    &e,
                    then,
                    &Value::Array(a[1..].to_vec()).to_string(),
                ))
            }
            // "$lone-high": a string holding half a surrogate pair, as
            // JSON.stringify writes it (a Rust string cannot hold it).
            None => answer(call_op(
                engine,
                op,
                &args.to_string().replace(r#""$lone-high""#, r#""a\ud83d""#),
            )),
        },
    };
    let mut out = Vec::new();
    diagnostics_in(&found, &mut out);
    out
}

fn domain(code: &str) -> &'static str {
    match code.split('.').next().unwrap() {
        "input" | "output" | "number" | "lang" | "argument" | "engine" => {
            "Dữ liệu vào và ra / Input and output"
        }
        "date" | "period" => "Ngày và kỳ / Dates and periods",
        "plan" | "kind" | "level" | "policy" | "obligation" | "inspection" | "deadline"
        | "recipient" | "reporter" | "consolidation" => "Kế hoạch và hạn nộp / Plans and deadlines",
        "kpi" => "Chỉ tiêu / Indicators",
        "rules" => "Tệp quy tắc / Rule scripts",
        "report" | "session" => "Biểu mẫu báo cáo / Report forms",
        "workflow" => "Quy trình / Workflow",
        "task" => "Nhiệm vụ / Tasks",
        other => panic!("no domain for {other}"),
    }
}

fn text(v: &Value, key: &str, lang: &str) -> String {
    v[key][lang].as_str().unwrap_or("").to_string()
}

/// The example as a reader would run it.
fn example(row: &Row) -> String {
    let args: Value = serde_json::from_str(row.cell(2)).unwrap();
    let show = |v: &Value| -> String {
        let s = v.to_string();
        // Markers stand for files: name the file.
        let s = regex_lite_markers(&s);
        if s.chars().count() > 140 {
            format!("{}…", s.chars().take(140).collect::<String>())
        } else {
            s
        }
    };
    match row.cell(1) {
        "cli" => format!(
            "`dxplan {}`",
            args.as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "internal" => "—".to_string(),
        op => {
            let inner = args
                .as_array()
                .unwrap()
                .iter()
                .map(show)
                .collect::<Vec<_>>();
            format!("`{op}({})`", inner.join(", "))
        }
    }
}

/// `{"$example":"x.json"}` → `examples/x.json`, `{"$text":"p"}` → `p`
/// (with a `$set`/`$pointer`, the file and `…`).
fn regex_lite_markers(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("{\"$") {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = matching_brace(tail) else {
            out.push_str(tail);
            return out;
        };
        let marker: Value = serde_json::from_str(&tail[..=end]).unwrap();
        let shown = if let Some(p) = marker["$example"].as_str() {
            let changed = marker.get("$set").or(marker.get("$pointer")).is_some();
            format!("examples/{p}{}", if changed { " (changed)" } else { "" })
        } else if let Some(p) = marker["$text"].as_str() {
            p.to_string()
        } else if let Some(n) = marker["$big"].as_u64() {
            format!("<{n} bytes>")
        } else {
            tail[..=end].to_string()
        };
        out.push_str(&shown);
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

fn matching_brace(s: &str) -> Option<usize> {
    let mut depth = 0;
    let mut in_str = false;
    let mut esc = false;
    for (i, c) in s.char_indices() {
        if in_str {
            match (esc, c) {
                (true, _) => esc = false,
                (false, '\\') => esc = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The Vietnamese message without what it quotes ('…', «…», `…`, "…") and
/// without the parser's own words (after "chi tiết:").
fn own_words(vi: &str) -> String {
    let vi = vi.split("chi tiết:").next().unwrap_or(vi);
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in vi.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '\'' => closing = Some('\''),
                '«' => closing = Some('»'),
                '`' => closing = Some('`'),
                '"' => closing = Some('"'),
                _ => out.push(c),
            },
        }
    }
    out
}

const STYLE: &str = "## Cách viết lời nhắn / Message style guide

- **Tiếng Việt trước.** Mỗi lời nhắn có bản tiếng Việt và bản tiếng Anh; giao diện
  hiện tiếng Việt, tiếng Anh là bản dịch. *Vietnamese first, English second.*
- **Nói điều người dùng thấy.** Gọi ô bằng nhãn của nó trên biểu mẫu (\"Tổng số hồ sơ\"),
  không bằng mã nội bộ; mã và đường dẫn đã có ở `code` và `path`. *Name a field by its
  label; ids and pointers are in `code` and `path`.*
- **Không dùng tên kiểu tiếng Anh trong câu tiếng Việt**: \"chuỗi\", \"số\", \"có/không\",
  \"danh sách\", \"nhóm trường\", \"để trống\" — không \"string\", \"number\", \"boolean\",
  \"array\", \"object\", \"null\". Lời của bộ đọc JSON (tiếng Anh) chỉ đứng sau
  \"chi tiết:\". *No English type names in Vietnamese text; a parser's own words only after
  \"chi tiết:\" (checked by this file's test).*
- **Nói cách sửa.** Khi có điều hữu ích để nói, `hint` nói làm gì (\"Viết ngày dạng
  dd/mm/yyyy\"), dẫn văn bản nếu quy định từ đó (`source`). *Say what to do.*
- **Một mã, một nghĩa.** Mã không bao giờ đổi khi đã phát hành; mã mới cho nghĩa mới.
  *A released code never changes.*
";

#[test]
fn every_code_has_an_example_that_gives_it_and_the_catalogue_is_current() {
    let rows = read_table("diagnostics.txt", 3);
    let engine = dxplan::Engine::with_defaults();
    let mut problems = Vec::new();
    let mut found: Vec<(Code, &Row, Value)> = Vec::new();
    for code in Code::ALL {
        let Some(row) = rows.iter().find(|r| r.cell(0) == code.as_str()) else {
            problems.push(format!("{code}: no row in tests/golden/diagnostics.txt"));
            continue;
        };
        let diags = run(&engine, row);
        match diags.into_iter().find(|d| d["code"] == code.as_str()) {
            Some(d) => found.push((*code, row, d)),
            None => problems.push(format!(
                "line {} ({code}): the example does not give {code}",
                row.line
            )),
        }
    }
    for row in &rows {
        if !Code::ALL.iter().any(|c| c.as_str() == row.cell(0)) {
            problems.push(format!("line {}: {} is not a code", row.line, row.cell(0)));
        }
    }
    // The style guide, where a test can see it.
    let english = [
        "string", "number", "boolean", "array", "object", "null", "got", "expected",
    ];
    for (code, row, d) in &found {
        let (vi, en) = (text(d, "message", "vi"), text(d, "message", "en"));
        if vi.trim().is_empty() || en.trim().is_empty() {
            problems.push(format!("{code}: a message in each language"));
        }
        let own = own_words(&vi).to_lowercase();
        // Internal ids (snake_case) are for `code` and `path`, not for the
        // Vietnamese sentence; what a message quotes ('…') may be one.
        // A cited seed document is named by its file (`003_….txt §V.19`).
        let own_ids = own.replace(".txt", "");
        if let Some(id) = own_ids
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .find(|w| w.contains('_') && !w.starts_with(|c: char| c.is_ascii_digit()))
        {
            problems.push(format!(
                "line {} ({code}): the id '{id}' in the Vietnamese message: {vi}",
                row.line
            ));
        }
        for w in english {
            if own
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == w)
            {
                problems.push(format!(
                    "line {} ({code}): English \"{w}\" in the Vietnamese message: {vi}",
                    row.line
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));

    let mut doc = String::from(
        "# Mã chẩn đoán / Diagnostic codes\n\n\
         <!-- Generated by tests/diagnostics.rs from dxplan::Code::ALL and the examples of \
         tests/golden/diagnostics.txt: do not edit. Update: \
         DXPLAN_BLESS=1 cargo test -p dxplan-tests --test diagnostics -->\n\n\
         Mọi lỗi, cảnh báo và ghi chú của dxplan có một mã cố định (`code`), mức độ, chỗ\n\
         (`path`: JSON Pointer hoặc tên đối số), lời nhắn tiếng Việt và tiếng Anh, và khi có\n\
         thể thì gợi ý (`hint`) và nguồn (`source`). Dưới đây là từng mã với một ví dụ gây ra\n\
         nó và lời nhắn thật của ví dụ đó.\n\
         *Every error, warning and note has a stable code, a severity, a place, a Vietnamese\n\
         and an English message, and when useful a hint and a source. Below, each code with\n\
         an input that triggers it and the engine's real message for it.*\n\n",
    );
    doc.push_str(STYLE);
    // By domain, in the order of the layers; within one, in Code::ALL's order.
    let order = [
        "Dữ liệu vào và ra / Input and output",
        "Ngày và kỳ / Dates and periods",
        "Kế hoạch và hạn nộp / Plans and deadlines",
        "Nhiệm vụ / Tasks",
        "Chỉ tiêu / Indicators",
        "Tệp quy tắc / Rule scripts",
        "Biểu mẫu báo cáo / Report forms",
        "Quy trình / Workflow",
    ];
    found.sort_by_key(|(code, _, _)| {
        order
            .iter()
            .position(|t| *t == domain(code.as_str()))
            .unwrap_or(usize::MAX)
    });
    let mut heading = "";
    for (code, row, d) in &found {
        let title = domain(code.as_str());
        if title != heading {
            heading = title;
            let _ = write!(doc, "\n## {title}\n");
        }
        let sev = match d["severity"].as_str().unwrap_or("") {
            "error" => "lỗi / error",
            "warning" => "cảnh báo / warning",
            _ => "ghi chú / note",
        };
        let _ = write!(
            doc,
            "\n### `{}`\n\n{}\n\n| | |\n|---|---|\n| mức độ / severity | {sev} |\n| ví dụ / example | {} — {} |\n",
            code.as_str(),
            code.meaning(),
            example(row).replace('|', "\\|"),
            row.citation.replace('|', "\\|"),
        );
        if let Some(p) = d["path"].as_str() {
            let _ = writeln!(doc, "| chỗ / path | `{p}` |");
        }
        let cell = |s: String| s.replace('|', "\\|").replace('\n', " ");
        let _ = writeln!(doc, "| tiếng Việt | {} |", cell(text(d, "message", "vi")));
        let _ = writeln!(doc, "| English | {} |", cell(text(d, "message", "en")));
        if d.get("hint").is_some() {
            let _ = writeln!(
                doc,
                "| gợi ý / hint | {} — *{}* |",
                cell(text(d, "hint", "vi")),
                cell(text(d, "hint", "en"))
            );
        }
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/diagnostics.md");
    if std::env::var_os("DXPLAN_BLESS").is_some() {
        std::fs::write(&path, &doc).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == doc,
        "docs/diagnostics.md is not current: run DXPLAN_BLESS=1 cargo test -p dxplan-tests --test diagnostics"
    );
}
