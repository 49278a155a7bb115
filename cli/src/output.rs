//! What a run prints and how it ends: the exit code, errors rendered for
//! people or as JSON, and the renaming of the engine's argument names to
//! this command line's flags.

use dxplan::{Diagnostic, Errors, Lang};
use serde::Serialize;

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Process exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Why a command did not succeed.
pub(crate) enum Failure {
    /// Bad input (exit 2).
    Input(Diagnostic),
    /// A file could not be written (exit 1).
    Io(Diagnostic),
    /// The command ran and printed its output, but found errors in the data (exit 1).
    Findings(String),
    /// Rule scripts that do not load (exit 2), or failed rule checks and
    /// tests or a refused transition (exit 1).
    Rules(Vec<Diagnostic>, i32),
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Self {
        Failure::Input(d)
    }
}

/// A result of the engine whose argument names are this command's flags.
pub(crate) trait Flags<T> {
    /// Renames each error's path by `names` (engine name → flag) and makes
    /// it a failure: one error is bad input, several (rule scripts) too.
    fn flags(self, names: &[(&str, &str)]) -> Result<T, Failure>;
}

impl<T> Flags<T> for Result<T, Errors> {
    fn flags(self, names: &[(&str, &str)]) -> Result<T, Failure> {
        self.map_err(|errors| {
            let mut errors: Vec<Diagnostic> =
                errors.into_iter().map(|d| rename(d, names)).collect();
            if errors.len() == 1 {
                Failure::Input(errors.remove(0))
            } else {
                Failure::Rules(errors, 2)
            }
        })
    }
}

/// `plan` → `--plan`, `plans/1` → `--plan`, `inspection/0` → `--inspection`;
/// a pointer inside an input file keeps its rest: `progress/0/task` with
/// `("progress", "")` → `/0/task`.
fn rename(mut d: Diagnostic, names: &[(&str, &str)]) -> Diagnostic {
    let Some(path) = d.path.clone() else {
        return d;
    };
    for (from, to) in names {
        let rest = match path.strip_prefix(*from) {
            Some("") => "",
            Some(r) if r.starts_with('/') => r,
            _ => continue,
        };
        let renamed = if to.is_empty() {
            rest.to_string()
        } else {
            (*to).to_string()
        };
        d.path = Some(renamed);
        return d;
    }
    d
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    error: &'a Diagnostic,
}

/// The output of a failed run with one error.
pub(crate) fn failure(d: Diagnostic, lang: Lang, json: bool, code: i32) -> Output {
    let stderr = if json {
        to_json(&ErrorJson { error: &d })
    } else {
        format!("{}\n", d.render(lang))
    };
    Output {
        code,
        stdout: String::new(),
        stderr,
    }
}

/// The output of a run with several errors (rule scripts), after what the
/// command printed.
pub(crate) fn failures(
    diags: &[Diagnostic],
    printed: String,
    lang: Lang,
    json: bool,
    code: i32,
) -> Output {
    let stderr = if json {
        to_json(&serde_json::json!({ "errors": diags }))
    } else {
        diags
            .iter()
            .map(|d| format!("{}\n", d.render(lang)))
            .collect()
    };
    Output {
        code,
        stdout: printed,
        stderr,
    }
}

/// Pretty JSON with a final newline.
pub(crate) fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising the engine's own types to a String cannot fail (no maps with
    // non-string keys, no I/O); an empty object is the fallback.
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// The Vietnamese or the English of a label.
pub(crate) fn vi_en<'a>(lang: Lang, vi: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
