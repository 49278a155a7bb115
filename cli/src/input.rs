//! Reading what the command line is given: dates and years typed as
//! arguments, JSON documents and rule scripts from files. Everything else is
//! read by the engine.

use crate::output::Failure;
use chrono::NaiveDate;
use dxplan::{parse_date, Code, Diagnostic, DocumentText, ScriptText, Text};
use std::path::{Path, PathBuf};

/// `r` with its error at the argument `name`.
pub(crate) fn arg<T>(r: Result<T, Diagnostic>, name: &str) -> Result<T, Diagnostic> {
    r.map_err(|d| d.at(name))
}

/// A year argument (1900–2100), at `YEAR`.
pub(crate) fn parse_year(s: &str) -> Result<i32, Diagnostic> {
    let year: i32 = s.trim().parse().map_err(|_| {
        Diagnostic::error(
            Code::NumberInvalid,
            Text::new(
                format!("Năm không hợp lệ: '{s}'"),
                format!("not a year: '{s}'"),
            ),
        )
        .at("YEAR")
    })?;
    dxplan::check_year(year).map_err(|d| d.at("YEAR"))
}

/// A date argument at `name`.
pub(crate) fn date_arg(text: &str, name: &str) -> Result<NaiveDate, Diagnostic> {
    arg(parse_date(text), name)
}

/// A date option (`--today`, `--as-of`), or the clock's day when not given.
pub(crate) fn day_arg(
    value: Option<&str>,
    name: &str,
    clock_today: NaiveDate,
) -> Result<NaiveDate, Diagnostic> {
    match value {
        Some(t) => date_arg(t, name),
        None => Ok(clock_today),
    }
}

/// Reads a JSON document from a file (`-`: standard input); `hint` says what
/// shape is expected.
pub(crate) fn read_json(file: &str, hint: &Text) -> Result<serde_json::Value, Failure> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(file)
    }
    .map_err(|e| {
        Failure::Input(
            Diagnostic::error(
                Code::InputInvalidJson,
                Text::new(
                    format!("Không đọc được tệp '{file}': {e}"),
                    format!("cannot read '{file}': {e}"),
                ),
            )
            .at("FILE"),
        )
    })?;
    if bytes.len() > dxplan::MAX_INPUT_BYTES {
        return Err(Failure::Input(
            Diagnostic::too_large("FILE", bytes.len()).with_hint(hint.clone()),
        ));
    }
    serde_json::from_slice(&bytes).map_err(|e| invalid_json(file, &e, hint))
}

/// A JSON document of `file` read as `T`.
pub(crate) fn read_as<T: serde::de::DeserializeOwned>(
    file: &str,
    hint: &Text,
) -> Result<T, Failure> {
    serde_json::from_value(read_json(file, hint)?).map_err(|e| invalid_json(file, &e, hint))
}

/// A file whose JSON is not of the expected shape, with what to send.
pub(crate) fn invalid_json(file: &str, e: &serde_json::Error, hint: &Text) -> Failure {
    Failure::Input(
        Diagnostic::error(
            Code::InputInvalidJson,
            Text::new(
                format!("Tệp '{file}' không đúng định dạng (chi tiết: {e})"),
                format!("'{file}' is not a valid input document: {e}"),
            ),
        )
        .at("FILE")
        .with_hint(hint.clone()),
    )
}

fn file_error(path: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::RulesFile,
        Text::new(
            format!("Không đọc được '{path}': {e}"),
            format!("cannot read '{path}': {e}"),
        ),
    )
}

/// A text file as its name and text (rule scripts, rule tests).
pub(crate) fn read_text(path: &Path) -> Result<ScriptText, Diagnostic> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| file_error(&shown, e))?;
    let text =
        String::from_utf8(bytes).map_err(|_| file_error(&shown, "not UTF-8 / không phải UTF-8"))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(&shown);
    Ok(ScriptText::new(name, &text))
}

/// The documents of a folder (`*.txt`, `*.md`) that sources quote, by file
/// name; a folder without any is an error, not a check that passes.
pub(crate) fn read_documents(dir: &str) -> Result<Vec<DocumentText>, Failure> {
    let path = Path::new(dir);
    let mut files = files_in(path, "txt").map_err(|d| Failure::Rules(vec![d], 2))?;
    files.extend(files_in(path, "md").map_err(|d| Failure::Rules(vec![d], 2))?);
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match read_text(&f) {
            Ok(t) => docs.push(DocumentText::new(&t.name, &t.source)),
            Err(d) => errors.push(d),
        }
    }
    if docs.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::error(
            Code::RulesFile,
            Text::new(
                format!(
                    "Thư mục '{dir}' không có văn bản nào (*.txt, *.md) để đối chiếu câu trích"
                ),
                format!("folder '{dir}' has no documents (*.txt, *.md) to check quotes against"),
            ),
        ));
    }
    if errors.is_empty() {
        Ok(docs)
    } else {
        Err(Failure::Rules(errors, 2))
    }
}

fn files_in(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let shown = dir.display().to_string();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| file_error(&shown, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}

/// The rule scripts of a folder and the tests next to them.
pub(crate) struct RulesDir {
    /// `*.rhai`, by name.
    pub scripts: Vec<ScriptText>,
    /// Their paths, in the same order (where a script's problem is).
    pub paths: Vec<String>,
    /// `tests/*.test`.
    pub tests: Vec<ScriptText>,
}

/// Reads the scripts of a folder (`*.rhai`) and its tests (`tests/*.test`);
/// a folder without scripts is an error, not a silent fallback.
pub(crate) fn read_rules_dir(dir: &str) -> Result<RulesDir, Failure> {
    let path = Path::new(dir);
    let mut errors = Vec::new();
    let mut scripts = Vec::new();
    let mut paths = Vec::new();
    for f in files_in(path, "rhai").map_err(|d| Failure::Rules(vec![d], 2))? {
        match read_text(&f) {
            Ok(s) => {
                scripts.push(s);
                paths.push(f.display().to_string());
            }
            Err(d) => errors.push(d),
        }
    }
    if scripts.is_empty() && errors.is_empty() {
        errors.push(
            Diagnostic::error(
                Code::RulesFile,
                Text::new(
                    format!("Thư mục '{dir}' không có tệp quy tắc nào (*.rhai)"),
                    format!("folder '{dir}' has no rule files (*.rhai)"),
                ),
            )
            .with_hint(Text::new(
                "Chép thư mục rules/ rồi sửa; --rules thay toàn bộ quy tắc mặc định.",
                "Copy the rules/ folder and edit it; --rules replaces all default rules.",
            )),
        );
    }
    let mut tests = Vec::new();
    let tests_dir = path.join("tests");
    if tests_dir.is_dir() {
        for f in files_in(&tests_dir, "test").map_err(|d| Failure::Rules(vec![d], 2))? {
            match read_text(&f) {
                Ok(t) => tests.push(t),
                Err(d) => errors.push(d),
            }
        }
    }
    if errors.is_empty() {
        Ok(RulesDir {
            scripts,
            paths,
            tests,
        })
    } else {
        Err(Failure::Rules(errors, 2))
    }
}

/// A script's problem at `/i/name` (its file name has no year) is at the file.
pub(crate) fn at_files(errors: Vec<Diagnostic>, paths: &[String]) -> Vec<Diagnostic> {
    errors
        .into_iter()
        .map(|d| {
            let file = d
                .path
                .as_deref()
                .and_then(|p| p.strip_prefix('/'))
                .and_then(|p| p.strip_suffix("/name"))
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| paths.get(i));
            match file {
                Some(f) => d.at(f.clone()),
                None => d,
            }
        })
        .collect()
}
