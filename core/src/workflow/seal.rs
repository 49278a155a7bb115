//! Tamper evidence of a stored record: every audit entry is sealed, and a
//! record is verified before any use.
//!
//! An entry's seal is a SHA-256 digest — or, when the host passes a
//! [`SealKey`], an HMAC-SHA-256 — of the entry (action, actor, time, states,
//! note, reasons, the reviewer and deadline fixed at the first submission),
//! of the digest of the report as it stood after the entry, and of the
//! previous entry's seal. The record's state, reviewer, first submission
//! day and deadline are what its history says; the report is the one the
//! last entry sealed (a correction travels with the resubmission). DESIGN.md (Decision 36) says what each mode protects
//! against and what it does not.
//!
//! ```
//! use dxplan::workflow::{verify, ReportRecord};
//! let mut draft = ReportRecord::new(serde_json::json!({"kind": "quarterly"}));
//! assert!(verify(&draft, None).is_ok()); // a draft has nothing to seal yet
//! draft.state = dxplan::workflow::State::Accepted; // edited by hand
//! assert_eq!(verify(&draft, None).unwrap_err()[0].code.as_str(), "workflow.tampered");
//! ```

use super::{next_state, AuditEntry, ReportRecord, Role, State};
use crate::diagnostic::{Code, Diagnostic, Text};
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// A host's secret for sealing entries (HMAC-SHA-256): at least 16 bytes.
#[derive(Clone)]
pub struct SealKey(Vec<u8>);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(…)")
    }
}

/// The shortest key accepted, in bytes.
pub const MIN_KEY_BYTES: usize = 16;

impl SealKey {
    /// A key of `bytes`; shorter than [`MIN_KEY_BYTES`] is refused.
    ///
    /// ```
    /// assert!(dxplan::workflow::SealKey::new(b"short").is_err());
    /// assert!(dxplan::workflow::SealKey::new(b"a secret of the portal service").is_ok());
    /// ```
    pub fn new(bytes: &[u8]) -> Result<SealKey, Diagnostic> {
        if bytes.len() < MIN_KEY_BYTES {
            return Err(Diagnostic::error(
                Code::WorkflowKeyRequired,
                Text::new(
                    format!(
                        "Khóa niêm phong quá ngắn: {} byte, cần ít nhất {MIN_KEY_BYTES}",
                        bytes.len()
                    ),
                    format!(
                        "the sealing key is too short: {} bytes, at least {MIN_KEY_BYTES} needed",
                        bytes.len()
                    ),
                ),
            )
            .at("key"));
        }
        Ok(SealKey(bytes.to_vec()))
    }
}

const DIGEST: &str = "sha256:";
const KEYED: &str = "hmac-sha256:";

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The digest of a report's content: SHA-256 of its canonical JSON,
/// `sha256:` and hex. Canonical, so that a record stored by a native host
/// and read back by a page (or the reverse) keeps its digest: object keys
/// sorted, whatever the JSON library's map order; every number written from
/// the value JavaScript holds for it (`10.0` and `10` alike, `-0` as `0`,
/// shortest round-trip digits, no exponent); strings escaped as JSON does.
///
/// ```
/// let a = dxplan::workflow::report_digest(&serde_json::json!({"b": 10.0, "a": [71.35, -0.0]}));
/// let b = dxplan::workflow::report_digest(&serde_json::from_str(r#"{"a": [71.35, 0], "b": 10}"#).unwrap());
/// assert_eq!(a, b);
/// assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
/// ```
pub fn report_digest(report: &serde_json::Value) -> String {
    let mut h = Sha256::new();
    canonical(report, &mut h);
    format!("{DIGEST}{}", hex(&h.finalize()))
}

/// Writes `v` as canonical JSON into `h`.
fn canonical(v: &serde_json::Value, h: &mut Sha256) {
    use serde_json::Value;
    match v {
        Value::Null => h.update(b"null"),
        Value::Bool(b) => h.update(if *b { &b"true"[..] } else { &b"false"[..] }),
        Value::Number(n) => h.update(number(n).as_bytes()),
        Value::String(t) => h.update(serde_json::to_string(t).unwrap_or_default().as_bytes()),
        Value::Array(a) => {
            h.update(b"[");
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    h.update(b",");
                }
                canonical(x, h);
            }
            h.update(b"]");
        }
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            h.update(b"{");
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    h.update(b",");
                }
                h.update(serde_json::to_string(k).unwrap_or_default().as_bytes());
                h.update(b":");
                canonical(&m[k], h);
            }
            h.update(b"}");
        }
    }
}

/// A number as the value JavaScript holds for it (a 64-bit float), written
/// the one way: whole numbers as their digits, others by Rust's shortest
/// round-trip digits.
fn number(n: &serde_json::Number) -> String {
    let f = n.as_f64().unwrap_or(0.0);
    if f == 0.0 {
        "0".to_string()
    } else if f.fract() == 0.0 && f.abs() < 1e21 {
        format!("{f:.0}")
    } else {
        format!("{f}")
    }
}

/// What a seal covers, in a fixed order.
#[derive(Serialize)]
struct Sealed<'a> {
    format: u8,
    previous: &'a str,
    action: super::Action,
    by: &'a super::Actor,
    at: &'a chrono::NaiveDateTime,
    from: State,
    to: State,
    note: &'a Option<String>,
    reasons: &'a [String],
    report: &'a str,
    reviewer: Option<Role>,
    deadline: Option<chrono::NaiveDate>,
}

/// The seal of `entry` after `previous` (the previous entry's seal, empty
/// for the first).
pub(crate) fn seal(entry: &AuditEntry, previous: &str, key: Option<&SealKey>) -> String {
    let sealed = Sealed {
        format: 1,
        previous,
        action: entry.action,
        by: &entry.by,
        at: &entry.at,
        from: entry.from,
        to: entry.to,
        note: &entry.note,
        reasons: &entry.reasons,
        report: &entry.report,
        reviewer: entry.reviewer,
        deadline: entry.deadline,
    };
    let bytes = serde_json::to_vec(&sealed).unwrap_or_default();
    match key {
        None => format!("{DIGEST}{}", hex(&Sha256::digest(&bytes))),
        Some(k) => {
            // HMAC takes a key of any length; were it refused, the empty
            // seal would verify nothing.
            let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&k.0) else {
                return String::new();
            };
            mac.update(&bytes);
            format!("{KEYED}{}", hex(&mac.finalize().into_bytes()))
        }
    }
}

fn tampered(path: String, vi: String, en: String) -> Diagnostic {
    Diagnostic::error(
        Code::WorkflowTampered,
        Text::new(
            format!("Hồ sơ đã bị sửa ngoài quy trình: {vi}"),
            format!("the record was edited outside the workflow: {en}"),
        ),
    )
    .at(path)
    .with_hint(Text::new(
        "Không dùng hồ sơ này; lấy lại bản đã lưu từ hệ thống, hoặc báo quản trị viên kiểm tra nhật ký.",
        "Do not use this record; fetch the stored copy again, or ask the administrator to check the audit log.",
    ))
}

/// What a record's history says, once verified.
pub(crate) struct Derived {
    pub(crate) state: State,
    pub(crate) reviewer: Option<Role>,
    pub(crate) submitted_on: Option<chrono::NaiveDate>,
    pub(crate) deadline: Option<chrono::NaiveDate>,
}

/// Verifies a stored record: every entry's seal (with `key` when the host
/// sealed with one), the chain of states, times and roles, and that the
/// record's state, reviewer, dates and report are what its history says.
/// The first entry or field that fails is named (`workflow.tampered`); a
/// record written before seals existed is `workflow.unsealed`; one sealed
/// with a key, checked without it, `workflow.key_required`.
///
/// ```
/// use dxplan::workflow::{apply, verify, ReportRecord, Transition};
/// let v = dxplan::validation::Validator::new(dxplan::defaults::rules());
/// let report = serde_json::json!({
///     "kind": "plan_issue", "plan": "city-2025", "period": "2025",
///     "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
///     "document": {"number": "15/KH-UBND", "summary": "Kế hoạch chuyển đổi số năm 2025",
///                  "issued_on": "20/01/2025", "signer": "Nguyễn Văn A"}});
/// let t: Transition = serde_json::from_str(r#"{"action": "submit",
///     "by": {"role": "unit", "name": "Nguyễn Văn A"}, "at": "2025-01-21T09:00"}"#).unwrap();
/// let mut sent = apply(&v, &ReportRecord::new(report), &t, None).unwrap();
/// assert!(verify(&sent, None).is_ok());
/// sent.report["document"]["number"] = "16/KH-UBND".into(); // changed after sending
/// let e = verify(&sent, None).unwrap_err();
/// assert_eq!((e[0].code.as_str(), e[0].path.as_deref()), ("workflow.tampered", Some("/report")));
/// ```
pub fn verify(record: &ReportRecord, key: Option<&SealKey>) -> Result<(), Vec<Diagnostic>> {
    derive(record, key).map(|_| ()).map_err(|d| vec![d])
}

pub(crate) fn derive(record: &ReportRecord, key: Option<&SealKey>) -> Result<Derived, Diagnostic> {
    let mut d = Derived {
        state: State::Draft,
        reviewer: None,
        submitted_on: None,
        deadline: None,
    };
    let mut previous = "";
    let mut last_at = None;
    let author = super::author_role(&record.report);
    let sealed_any = record.history.iter().any(|e| !e.seal.is_empty());
    // The one migration entry, if any: the entries before it are the old
    // ones (no report digest), those from it on are sealed as they happened.
    let mut seals = record
        .history
        .iter()
        .enumerate()
        .filter(|(_, e)| e.action == super::Action::Seal)
        .map(|(i, _)| i);
    let migration = seals.next();
    if let Some(second) = seals.next() {
        return Err(tampered(
            format!("/history/{second}"),
            format!(
                "mục {} là lần niêm phong thứ hai: hồ sơ chỉ được niêm phong một lần",
                second + 1
            ),
            format!(
                "entry {} is a second sealing: a record is sealed once",
                second + 1
            ),
        ));
    }
    for (i, e) in record.history.iter().enumerate() {
        let at = |field: &str| format!("/history/{i}{field}");
        if e.seal.is_empty() && sealed_any {
            return Err(tampered(
                at("/seal"),
                format!("dấu niêm phong của mục {} đã bị xoá", i + 1),
                format!("the seal of entry {} was removed", i + 1),
            ));
        }
        if e.seal.is_empty() {
            return Err(Diagnostic::error(
                Code::WorkflowUnsealed,
                Text::new(
                    format!("Mục {} của nhật ký không có dấu niêm phong: hồ sơ được ghi trước khi có niêm phong", i + 1),
                    format!("entry {} of the history has no seal: the record was written before seals existed", i + 1),
                ),
            )
            .at(at("/seal"))
            .with_hint(Text::new(
                "Niêm phong một lần bằng `dxplan workflow seal TỆP --by \"Họ tên\" --role VAI_TRÒ --at THỜI_ĐIỂM` (hoặc workflowSeal của gói) sau khi đã đối chiếu hồ sơ với bản gốc; việc niêm phong được ghi vào nhật ký.",
                "Seal it once with `dxplan workflow seal FILE --by \"Name\" --role ROLE --at TIME` (or the package's workflowSeal) after checking it against the original; the sealing is written to the history.",
            )));
        }
        match (key, e.seal.starts_with(KEYED)) {
            (None, true) => {
                return Err(Diagnostic::error(
                    Code::WorkflowKeyRequired,
                    Text::new(
                        "Hồ sơ được niêm phong bằng khóa của hệ thống: cần khóa đó để kiểm tra",
                        "the record is sealed with the system's key: that key is needed to verify it",
                    ),
                )
                .at(at("/seal")));
            }
            (Some(_), false) => {
                return Err(tampered(
                    at("/seal"),
                    format!("mục {} không được niêm phong bằng khóa của hệ thống", i + 1),
                    format!("entry {} is not sealed with the system's key", i + 1),
                ));
            }
            _ => {}
        }
        if seal(e, previous, key) != e.seal {
            return Err(tampered(
                at(""),
                format!("mục {} của nhật ký không khớp dấu niêm phong (nội dung, thời điểm hoặc thứ tự đã bị đổi)", i + 1),
                format!("entry {} of the history does not match its seal (its content, time or order was changed)", i + 1),
            ));
        }
        let legal = e.from == d.state
            && if e.action == super::Action::Seal {
                e.to == e.from
            } else {
                next_state(e.action, e.from) == Some(e.to)
            };
        if !legal || last_at.is_some_and(|t| e.at < t) {
            return Err(tampered(
                at(""),
                format!(
                    "mục {} không nối tiếp mục trước (trạng thái hoặc thời điểm)",
                    i + 1
                ),
                format!(
                    "entry {} does not follow the one before (state or time)",
                    i + 1
                ),
            ));
        }
        if e.action == super::Action::Submit {
            d.reviewer = e.reviewer;
            d.submitted_on = Some(e.at.date());
            d.deadline = e.deadline;
        }
        let role_ok = match e.action {
            super::Action::Submit | super::Action::Resubmit => {
                author.is_none_or(|a| a == e.by.role)
                    && super::reviewer_or_default(d.reviewer) != e.by.role
            }
            super::Action::Return | super::Action::Accept | super::Action::Consolidate => {
                e.by.role == super::reviewer_or_default(d.reviewer) && author != Some(e.by.role)
            }
            super::Action::Seal => true,
        };
        if !role_ok {
            return Err(tampered(
                at("/by/role"),
                format!(
                    "mục {}: vai trò {} không được làm việc này",
                    i + 1,
                    e.by.role.name().vi
                ),
                format!("entry {}: {} may not do this", i + 1, e.by.role.name().en),
            ));
        }
        let old_entry = migration.is_some_and(|m| i < m);
        if e.report.is_empty() != old_entry {
            return Err(tampered(
                at("/report"),
                format!("mục {} không ghi đúng nội dung báo cáo", i + 1),
                format!(
                    "entry {} does not record the report's content as it should",
                    i + 1
                ),
            ));
        }
        d.state = e.to;
        previous = &e.seal;
        last_at = Some(e.at);
    }
    let fields = [
        ("/state", "trạng thái", record.state != d.state),
        ("/reviewer", "nơi duyệt", record.reviewer != d.reviewer),
        (
            "/submitted_on",
            "ngày gửi lần đầu",
            record.submitted_on != d.submitted_on,
        ),
        ("/deadline", "hạn nộp", record.deadline != d.deadline),
    ];
    if let Some((field, name, _)) = fields.iter().find(|(_, _, differs)| *differs) {
        return Err(tampered(
            field.to_string(),
            format!("{name} khác với điều nhật ký ghi"),
            format!("'{}' is not what the history says", &field[1..]),
        ));
    }
    if let Some(last) = record.history.last() {
        // A correction travels with the resubmission (`Transition::report`),
        // so the stored report is always the one last sealed.
        if last.report != report_digest(&record.report) {
            return Err(tampered(
                "/report".into(),
                format!(
                    "nội dung báo cáo đã đổi sau mục {} của nhật ký",
                    record.history.len()
                ),
                format!(
                    "the report was changed after entry {} of the history",
                    record.history.len()
                ),
            ));
        }
    }
    Ok(d)
}
