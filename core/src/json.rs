//! JSON text the engine receives, when it is not quite JSON: where a text
//! that a page wrote went wrong, so the error names the field rather than
//! the whole document.
//!
//! A JavaScript string may hold half of a UTF-16 surrogate pair (text cut in
//! the middle of an emoji, a bad paste); `JSON.stringify` writes it as an
//! escape such as `\ud800`, which no Unicode text can hold, so the whole
//! JSON text is refused. [`lone_surrogate`] finds the string that holds it.

use crate::diagnostic::{Code, Diagnostic, Text};
use serde_json::Value;

/// A noncharacter no form text holds: stands for a broken escape while the
/// text is read again to find where it was.
const MARK: char = '\u{FDD0}';

/// The JSON pointer of the first string (or key) of `text` that holds a
/// lone surrogate escape, and that escape (`\ud800`); `None` when `text`
/// has none, or is not JSON for another reason as well.
///
/// ```
/// let (at, esc) = dxplan::json::lone_surrogate(r#"{"unit": {"name": "Phường \ud83d"}}"#).unwrap();
/// assert_eq!((at.as_str(), esc.as_str()), ("/unit/name", r"\ud83d"));
/// assert!(dxplan::json::lone_surrogate(r#"{"a": "\ud83d\ude00"}"#).is_none()); // a whole pair: 😀
/// ```
pub fn lone_surrogate(text: &str) -> Option<(String, String)> {
    let b = text.as_bytes();
    let hex = |i: usize| {
        b.get(i..i + 6)
            .filter(|e| e[0] == b'\\' && e[1] == b'u')
            .and_then(|e| std::str::from_utf8(&e[2..]).ok())
            .and_then(|h| u16::from_str_radix(h, 16).ok())
    };
    let (mut repaired, mut first, mut from) = (String::new(), None, 0);
    let (mut i, mut in_string) = (0, false);
    while i < b.len() {
        match b[i] {
            b'"' => in_string = !in_string,
            b'\\' if in_string => match hex(i) {
                Some(0xD800..=0xDBFF) if matches!(hex(i + 6), Some(0xDC00..=0xDFFF)) => {
                    i += 12;
                    continue;
                }
                Some(0xD800..=0xDFFF) => {
                    first.get_or_insert_with(|| text[i..i + 6].to_string());
                    repaired.push_str(&text[from..i]);
                    repaired.push(MARK);
                    from = i + 6;
                    i += 6;
                    continue;
                }
                _ => i += 1, // the escaped byte is skipped below
            },
            _ => {}
        }
        i += 1;
    }
    let escape = first?;
    repaired.push_str(&text[from..]);
    let doc: Value = serde_json::from_str(&repaired).ok()?;
    Some((marked(&doc, String::new())?, escape))
}

fn marked(v: &Value, at: String) -> Option<String> {
    let seg = |k: &str| format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
    match v {
        Value::String(s) if s.contains(MARK) => Some(at),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| marked(x, format!("{at}/{i}"))),
        Value::Object(m) => m.iter().find_map(|(k, x)| {
            if k.contains(MARK) {
                // The key itself: named with U+FFFD where the half was.
                Some(seg(&k.replace(MARK, "\u{FFFD}")))
            } else {
                marked(x, seg(k))
            }
        }),
        _ => None,
    }
}

/// The error for a lone surrogate `escape` in the string at `path`.
///
/// ```
/// let d = dxplan::json::broken_character("/unit/name", r"\ud83d");
/// assert_eq!(d.code.as_str(), "input.broken_character");
/// assert_eq!(d.path.as_deref(), Some("/unit/name"));
/// ```
pub fn broken_character(path: &str, escape: &str) -> Diagnostic {
    Diagnostic::error(
        Code::InputBrokenCharacter,
        Text::new(
            format!(
                "Chữ ở '{}' có một ký tự hỏng ({escape}: nửa của một ký tự bị tách khỏi nửa kia)",
                crate::excerpt(path)
            ),
            format!(
                "the text at '{}' holds a broken character ({escape}: half of a UTF-16 surrogate pair, alone)",
                crate::excerpt(path)
            ),
        ),
    )
    .at(path)
    .with_hint(Text::new(
        "Xoá rồi gõ lại ký tự ở chỗ đó (thường do văn bản bị cắt hoặc dán giữa một biểu tượng cảm xúc).",
        "Delete and retype the character there (usually text cut or pasted in the middle of an emoji).",
    ))
}
