//! The documents' own words: a change that quotes its source
//! (`#{ tai_lieu, muc, trich_dan }`) is held against the documents a host
//! knows. The core reads no files: the host passes the documents (the CLI
//! reads a folder, a rule editor fetches them, the test suite reads
//! `shared/seeds/`).
//!
//! What is checked, exactly: a quote's fragments (split at ` … `) each
//! appear in the named document once both are normalised — whitespace
//! collapsed (a quote may span the document's line breaks) and Markdown
//! emphasis (`*`, `_`) dropped; nothing else (no change of case, no Unicode
//! normalisation: a quote copied from the document matches). A quote of a
//! document the host does not know is a warning, not an error: it cannot be
//! checked. A change without a quote (a text source) is not checked.

use super::Change;
use crate::diagnostic::{Code, Diagnostic, Severity, Text};
use std::collections::BTreeMap;

/// How many failed quotes get a "the document has … up to here" hint (each
/// costs a few searches of the document).
const HINTED: usize = 50;

/// Documents by name (the file name a source's `tai_lieu` gives), each kept
/// normalised.
#[derive(Clone, Debug, Default)]
pub struct Documents {
    texts: BTreeMap<String, String>,
}

impl Documents {
    /// No documents.
    pub fn new() -> Documents {
        Documents::default()
    }

    /// Adds (or replaces) the document `name` with its text.
    pub fn add(&mut self, name: &str, text: &str) {
        self.texts.insert(name.to_string(), normalise(text));
    }

    /// Whether no document is known.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// The documents' names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }
}

/// Collapses whitespace and drops Markdown emphasis (`*`, `_`), so that a
/// quote spanning line breaks of a plain-text document still matches.
///
/// ```
/// assert_eq!(dxplan::rules::sources::normalise("**Đến năm\n 2025**:  80%"), "Đến năm 2025: 80%");
/// ```
pub fn normalise(text: &str) -> String {
    text.replace(['*', '_'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What [`verify`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verified {
    /// Quotes found in their documents.
    pub quotes_found: usize,
    /// Errors (a quote not in its document) and warnings (a document not
    /// known), at the call that cited them.
    pub diagnostics: Vec<Diagnostic>,
}

/// Holds every quoted source of `changes` against `documents`.
///
/// ```
/// use dxplan::rules::sources::{verify, Documents};
/// let rules = dxplan::rules::RulesEngine::new().load(&dxplan::defaults::scripts()).unwrap();
/// let mut docs = Documents::new();
/// docs.add("003_08cb75b396c90965.txt", "một văn bản khác");
/// let v = verify(&rules.changes, &docs);
/// assert_eq!(v.diagnostics[0].code.as_str(), "rules.quote_not_found");
/// ```
pub fn verify(changes: &[Change], documents: &Documents) -> Verified {
    let mut out = Verified::default();
    let mut hinted = 0;
    for c in changes {
        let Some(cited) = &c.cited else { continue };
        let place = |d: Diagnostic| d.in_script(c.origin.clone());
        let Some(doc) = documents.texts.get(cited.document.trim()) else {
            let suggestion = super::api::closest(&cited.document, documents.names());
            let known = documents.names().collect::<Vec<_>>().join(", ");
            let mut d = Diagnostic::new(
                Severity::Warning,
                Code::RulesDocumentUnknown,
                Text::new(
                    format!(
                        "Chưa đối chiếu được câu trích: không có văn bản '{}' trong các văn bản đã biết",
                        crate::excerpt(&cited.document)
                    ),
                    format!(
                        "the quote could not be checked: '{}' is not among the documents known",
                        crate::excerpt(&cited.document)
                    ),
                ),
            );
            d = d.with_hint(match suggestion {
                Some(s) => Text::new(
                    format!("Có phải ý bạn là '{s}'?"),
                    format!("Did you mean '{s}'?"),
                ),
                None => Text::new(
                    format!("Các văn bản đã biết: {}.", crate::excerpt(&known)),
                    format!("Documents known: {}.", crate::excerpt(&known)),
                ),
            });
            out.diagnostics.push(place(d));
            continue;
        };
        let missing = cited
            .quote
            .split(" … ")
            .map(normalise)
            .find(|f| !doc.contains(f.as_str()));
        let Some(fragment) = missing else {
            out.quotes_found += 1;
            continue;
        };
        let mut d = Diagnostic::error(
            Code::RulesQuoteNotFound,
            Text::new(
                format!(
                    "Câu trích «{}» không có nguyên văn trong văn bản '{}'",
                    crate::excerpt(&fragment),
                    crate::excerpt(&cited.document)
                ),
                format!(
                    "the quote «{}» is not the words of '{}'",
                    crate::excerpt(&fragment),
                    crate::excerpt(&cited.document)
                ),
            ),
        );
        if hinted < HINTED {
            hinted += 1;
            d = d.with_hint(match found_up_to(doc, &fragment) {
                Some(prefix) => Text::new(
                    format!(
                        "Văn bản có «{}» nhưng phần sau khác: chép nguyên văn từ văn bản (dùng ' … ' để bỏ qua một đoạn).",
                        crate::excerpt(prefix)
                    ),
                    format!(
                        "The document has «{}» but not what follows: copy the words from the document (' … ' skips a passage).",
                        crate::excerpt(prefix)
                    ),
                ),
                None => Text::new(
                    "Chép nguyên văn câu đặt ra thay đổi từ văn bản (dùng ' … ' để bỏ qua một đoạn).",
                    "Copy the words that make the change from the document (' … ' skips a passage).",
                ),
            });
        }
        out.diagnostics.push(place(d));
    }
    out
}

/// The longest run of whole words at the start of `fragment` that the
/// document has (at least two words), found by halving.
fn found_up_to<'a>(doc: &str, fragment: &'a str) -> Option<&'a str> {
    let ends: Vec<usize> = fragment
        .match_indices(' ')
        .map(|(i, _)| i)
        .chain([fragment.len()])
        .collect();
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if doc.contains(&fragment[..ends[mid - 1]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    (lo >= 2).then(|| &fragment[..ends[lo - 1]])
}
