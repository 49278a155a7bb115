//! [`ReportSession`]: a report being filled in, kept by the engine between
//! keystrokes. A form sends one value per change ([`ReportSession::set`]) and
//! gets back only what changed (the diagnostics of the paths whose problems
//! changed, the KPI results that changed, the new counts), instead of sending
//! the whole report and reading the whole validation each time.
//!
//! A session keeps its validation in parts (each top-level field of the form,
//! fields the form does not have, cross-field rules, KPI, deadline, custom
//! checks) and a change recomputes the parts it can reach: a text in the
//! outline, that field and the cross-field rules; a figure under `/values`,
//! also the KPI evaluation; the day sent, also the deadline; the report's
//! identity (kind, plan, period, unit), everything. Custom checks of rule
//! scripts see the whole report and run on every change. So a session's
//! [`ReportSession::validation`] is always exactly what a fresh validation of
//! [`ReportSession::report`] gives (the session tests hold the two side by
//! side after every change): a change to one field updates the fields
//! checked against it, totals, KPI results and custom checks alike.
//!
//! ```
//! use serde_json::json;
//! let engine = dxplan::Engine::with_defaults();
//! let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
//! let report = json!({"kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
//!     "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
//!     "values": {"dossiers_total": 20}});
//! let mut session = engine.open_report(report, today).unwrap();
//! // 25 fully online dossiers out of 20 cannot be (a rate's numerator is part of its denominator).
//! let change = session.set("/values/dossiers_full_online", json!(25)).unwrap();
//! let at = change.diagnostics.iter().find(|p| p.path.as_deref() == Some("/values/dossiers_full_online")).unwrap();
//! assert_eq!(at.diagnostics[0].code.as_str(), "kpi.numerator_exceeds_denominator");
//! // Typing 15 clears it: the path comes back with no diagnostics.
//! let change = session.set("/values/dossiers_full_online", json!(15)).unwrap();
//! let at = change.diagnostics.iter().find(|p| p.path.as_deref() == Some("/values/dossiers_full_online")).unwrap();
//! assert!(at.diagnostics.is_empty());
//! assert_eq!(session.validation(), &engine.validate(session.report(), today));
//! ```

use super::{Engine, Errors};
use crate::diagnostic::{Code, Counts, Diagnostic, Text, MAX_INPUT_BYTES, MAX_TEXT_ARG_BYTES};
use crate::kpi::{Evaluation, KpiResult};
use crate::obligations::ObligationKind;
use crate::validation::{
    describe, pointer_push, DeadlineStatus, FormFields, Kept, Parts, Refreshed, Validation,
};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use std::cell::OnceCell;

/// The most tokens a session path may have (`/appendices/investments/0/disbursed`
/// has four; no form nests deeper than five).
pub const MAX_PATH_DEPTH: usize = 32;

/// A report being filled in: the report, the day it is validated on and its
/// latest validation, with the engine that validates it (a clone shares the
/// engine's rules). Built by [`Engine::open_report`].
#[derive(Clone)]
pub struct ReportSession {
    engine: Engine,
    report: Value,
    today: NaiveDate,
    /// The validation in its parts.
    kept: Kept,
    /// The parts assembled, once asked for after a change.
    whole: OnceCell<Validation>,
    /// At least the size of the report as JSON text: grown by the size of
    /// each value set, measured again only when it passes the input limit.
    weight: usize,
    /// Whether KPI targets in its answers quote their documents' words.
    explain: bool,
    /// The fields the form shows, when its missing values are limited to them.
    fields: Option<FormFields>,
}

impl std::fmt::Debug for ReportSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportSession")
            .field("today", &self.today)
            .field("report", &self.report)
            .finish()
    }
}

/// The diagnostics now at one path (empty: its problems are gone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PathDiagnostics {
    /// The JSON pointer; `null` for problems of the report as a whole.
    pub path: Option<String>,
    /// Every diagnostic at that path now, in the validation's order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Which KPI result: the indicator and the plan whose target applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KpiKey {
    /// The indicator's id.
    pub indicator: String,
    /// The plan's id.
    pub plan: String,
}

/// What one change to a session's report changed in its validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReportChange {
    /// The report kind, when it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ObligationKind>,
    /// No error now (warnings allowed).
    pub valid: bool,
    /// The counts now.
    pub counts: Counts,
    /// Every path whose diagnostics changed, with all its diagnostics now:
    /// first the paths in the order of the validation, then the paths whose
    /// problems are all gone.
    pub diagnostics: Vec<PathDiagnostics>,
    /// The KPI results that are new or changed.
    pub kpi: Vec<KpiResult>,
    /// The KPI results there are no more.
    pub kpi_removed: Vec<KpiKey>,
    /// When the deadline status changed: the new one (`null`: the report no
    /// longer says which obligation it answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub deadline: Option<Option<DeadlineStatus>>,
}

impl ReportChange {
    /// Whether nothing changed.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let mut s = e.open_report(serde_json::json!({"kind": "quarterly"}), today).unwrap();
    /// assert!(s.remove("/values/dossiers_total").unwrap().is_empty()); // there was none
    /// ```
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
            && self.kpi.is_empty()
            && self.kpi_removed.is_empty()
            && self.deadline.is_none()
    }
}

impl Engine {
    /// Opens a session on `report` validated on `today` (see
    /// [`ReportSession`]); a report over [`MAX_INPUT_BYTES`] as JSON text is
    /// refused at `report`.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let s = e.open_report(serde_json::json!({"kind": "quarterly"}), today).unwrap();
    /// assert!(!s.validation().valid); // plan, period and unit are missing
    /// ```
    pub fn open_report(&self, report: Value, today: NaiveDate) -> Result<ReportSession, Errors> {
        let weight = json_size(&report);
        if weight > MAX_INPUT_BYTES {
            return Err(vec![Diagnostic::too_large("report", weight)]);
        }
        let kept = self.validator().kept(&report, today);
        Ok(ReportSession {
            engine: self.clone(),
            report,
            today,
            kept,
            whole: OnceCell::new(),
            weight,
            explain: true,
            fields: None,
        })
    }
}

impl ReportSession {
    /// The session answering with (`true`, the default) or without the
    /// documents' words of the KPI targets (their citations stay): a form's
    /// answers stay small (see [`crate::ValidateOptions`]).
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let report = serde_json::json!({"kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
    ///     "unit": {"id": "a", "name": "UBND phường A", "level": "commune"}, "values": {"dossiers_total": 20}});
    /// let mut s = e.open_report(report, today).unwrap().explain(false);
    /// let c = s.set("/values/dossiers_full_online", 15.into()).unwrap();
    /// let target = serde_json::to_value(&c.kpi[0]).unwrap()["target"].clone();
    /// assert!(target.get("quote").is_none() && target["source"].is_string());
    /// ```
    pub fn explain(mut self, yes: bool) -> ReportSession {
        self.explain = yes;
        self.whole = OnceCell::new();
        self
    }

    /// The session reporting missing values only at the fields a form shows
    /// (see [`FormFields`]); its validation and every change say the same.
    ///
    /// ```
    /// use dxplan::validation::FormFields;
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let report = serde_json::json!({"kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
    ///     "unit": {"id": "a", "name": "UBND phường A", "level": "commune"}});
    /// let shown = FormFields::new(["/values/dossiers_total", "/values/dossiers_full_online"]);
    /// let mut s = e.open_report(report, today).unwrap().only_fields(shown);
    /// s.set("/values/dossiers_total", 20.into()).unwrap();
    /// let c = s.set("/values/dossiers_full_online", 15.into()).unwrap();
    /// // Not one warning about the indicators the form does not ask for.
    /// assert!(s.validation().diagnostics.iter().all(|d| d.code.as_str() != "report.kpi_not_reported"));
    /// assert_eq!(c.counts, s.validation().counts);
    /// ```
    pub fn only_fields(mut self, fields: FormFields) -> ReportSession {
        self.fields = Some(fields);
        self.whole = OnceCell::new();
        self
    }

    /// The report as it stands.
    pub fn report(&self) -> &Value {
        &self.report
    }

    /// The day it is validated on.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Its validation as it stands: the same as [`Engine::validate`] of
    /// [`ReportSession::report`] on [`ReportSession::today`].
    pub fn validation(&self) -> &Validation {
        self.whole.get_or_init(|| {
            let mut v = self.kept.validation();
            if !self.explain {
                v.without_quotes();
            }
            if let Some(fields) = &self.fields {
                v.only_fields(fields);
            }
            v
        })
    }

    /// Sets `value` at `path`, a JSON pointer (`""`: the whole report), and
    /// says what that changed. Objects and arrays on the way that are missing
    /// (or `null`) are created: an array when the next token is an index
    /// (`0` or `-`; a new table starts at row 0), an object otherwise; in an
    /// array, the index after the last row (or `-`) adds a row. A path that
    /// cannot lead into the report (through a number or text, past the end of
    /// a table, not a JSON pointer, over [`MAX_PATH_DEPTH`] tokens) is refused
    /// with `session.path_invalid` at `path`, and a report that would grow
    /// over [`MAX_INPUT_BYTES`] with `input.too_large` at the path; a refused
    /// change changes nothing.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let mut s = e.open_report(serde_json::json!({"kind": "quarterly"}), today).unwrap();
    /// s.set("/appendices/investments/0/name", "Wifi công cộng".into()).unwrap();
    /// assert_eq!(s.report()["appendices"]["investments"][0]["name"], "Wifi công cộng");
    /// let err = s.set("/kind/x", 1.into()).unwrap_err();
    /// assert_eq!(err[0].code.as_str(), "session.path_invalid");
    /// ```
    pub fn set(&mut self, path: &str, value: Value) -> Result<ReportChange, Errors> {
        let tokens = tokens(path)?;
        reachable(&self.report, &tokens).map_err(|(vi, en)| vec![path_error(path, vi, en)])?;
        // An upper bound of what the report grows by: the value, and a
        // container with its key for every token.
        let added = json_size(&value) + path.len() + 4 * tokens.len();
        if self.weight + added > MAX_INPUT_BYTES {
            self.weight = json_size(&self.report);
            if self.weight + added > MAX_INPUT_BYTES {
                let at = crate::diagnostic::excerpt(path);
                return Err(vec![Diagnostic::too_large(&at, self.weight + added)]);
            }
        }
        self.weight += added;
        place(&mut self.report, &tokens, value);
        Ok(self.revalidate(&tokens))
    }

    /// Removes the member or table row at `path` (later rows move up) and
    /// says what that changed; nothing there is no change. A path that is not
    /// a JSON pointer is refused with `session.path_invalid` at `path`.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let mut s = e.open_report(serde_json::json!({"kind": "quarterly", "plan": "city-2025"}), today).unwrap();
    /// let c = s.remove("/plan").unwrap();
    /// assert!(c.diagnostics.iter().any(|p| p.path.as_deref() == Some("/plan")));
    /// assert_eq!(s.report(), &serde_json::json!({"kind": "quarterly"}));
    /// ```
    pub fn remove(&mut self, path: &str) -> Result<ReportChange, Errors> {
        let tokens = tokens(path)?;
        let Some((last, parents)) = tokens.split_last() else {
            // The whole report: what is left is an empty one.
            self.report = Value::Object(Map::new());
            return Ok(self.revalidate(&tokens));
        };
        let mut at = &mut self.report;
        for t in parents {
            at = match at {
                Value::Object(m) => match m.get_mut(t.as_str()) {
                    Some(v) => v,
                    None => return Ok(self.unchanged()),
                },
                Value::Array(a) => match index(t, a.len()) {
                    Some(i) if i < a.len() => &mut a[i],
                    _ => return Ok(self.unchanged()),
                },
                _ => return Ok(self.unchanged()),
            };
        }
        let removed = match at {
            Value::Object(m) => m.remove(last.as_str()).is_some(),
            Value::Array(a) => match index(last, a.len()) {
                Some(i) if i < a.len() => {
                    a.remove(i);
                    true
                }
                _ => false,
            },
            _ => false,
        };
        Ok(if removed {
            self.revalidate(&tokens)
        } else {
            self.unchanged()
        })
    }

    /// The counts of what a form showing `fields` reports now.
    fn counts_now(&self, fields: &FormFields) -> Counts {
        match &self.kept {
            Kept::Early(v) => Counts::of(v.diagnostics.iter().filter(|d| fields.keeps(d))),
            Kept::Parts(p) => Counts::of(p.diagnostics().filter(|d| fields.keeps(d))),
        }
    }

    fn unchanged(&self) -> ReportChange {
        let (kind, counts) = match &self.kept {
            Kept::Early(v) => (v.kind, v.counts),
            Kept::Parts(p) => (Some(p.kind), Counts::of(p.diagnostics())),
        };
        let counts = match &self.fields {
            Some(f) => self.counts_now(f),
            None => counts,
        };
        ReportChange {
            kind,
            valid: counts.errors == 0,
            counts,
            diagnostics: Vec::new(),
            kpi: Vec::new(),
            kpi_removed: Vec::new(),
            deadline: None,
        }
    }

    /// The change a new value at `tokens` made: the parts it can reach
    /// recomputed, or the whole validation when it reaches the identity.
    fn revalidate(&mut self, tokens: &[String]) -> ReportChange {
        let mut change = self.recompute(tokens);
        if !self.explain {
            change.kpi.iter_mut().for_each(KpiResult::without_quotes);
        }
        if let Some(fields) = &self.fields {
            for p in &mut change.diagnostics {
                p.diagnostics.retain(|d| fields.keeps(d));
            }
            change.counts = self.counts_now(fields);
            change.valid = change.counts.errors == 0;
        }
        change
    }

    fn recompute(&mut self, tokens: &[String]) -> ReportChange {
        self.whole = OnceCell::new();
        let validator = self.engine.validator();
        if let Kept::Parts(parts) = &mut self.kept {
            if let Some(mut old) = validator.refresh(parts, &self.report, self.today, tokens) {
                return partial(parts, &mut old);
            }
        }
        let before = self.kept.validation();
        self.kept = validator.kept(&self.report, self.today);
        change(&before, &self.kept.validation())
    }
}

/// What changed when the parts kept in `old` (as they were) became those of
/// `parts` (as they are now).
fn partial(parts: &mut Parts, old: &mut Refreshed) -> ReportChange {
    // The paths the recomputed parts have now, then those only they had.
    let mut paths = Vec::new();
    old.swap(parts); // `old` holds the new parts for a moment
    note_paths(old.diagnostics(), &mut paths);
    old.swap(parts);
    note_paths(old.diagnostics(), &mut paths);
    let now = at_paths(|| parts.diagnostics(), &paths);
    old.swap(parts); // `parts` as they were
    let diagnostics = changed_paths(paths, now, || parts.diagnostics());
    old.swap(parts); // `parts` as they are
    let (kpi, kpi_removed) = match &old.kpi {
        Some((_, before)) => kpi_change(before.as_ref(), parts.kpi.as_ref()),
        None => (Vec::new(), Vec::new()),
    };
    let deadline = match &old.deadline {
        Some((_, before)) if before != &parts.deadline => Some(parts.deadline.clone()),
        _ => None,
    };
    let counts = Counts::of(parts.diagnostics());
    ReportChange {
        kind: Some(parts.kind),
        valid: counts.errors == 0,
        counts,
        diagnostics,
        kpi,
        kpi_removed,
        deadline,
    }
}

/// The KPI results new or changed from `before` to `after`, and those gone.
fn kpi_change(
    before: Option<&Evaluation>,
    after: Option<&Evaluation>,
) -> (Vec<KpiResult>, Vec<KpiKey>) {
    fn results(e: Option<&Evaluation>) -> &[KpiResult] {
        e.map_or(&[][..], |e| &e.results[..])
    }
    let (old, new) = (results(before), results(after));
    let same = |a: &KpiResult, b: &KpiResult| a.indicator.id == b.indicator.id && a.plan == b.plan;
    let changed = new
        .iter()
        .filter(|r| !old.iter().any(|o| same(o, r) && o == *r))
        .cloned()
        .collect();
    let removed = old
        .iter()
        .filter(|o| !new.iter().any(|r| same(o, r)))
        .map(|r| KpiKey {
            indicator: r.indicator.id.to_string(),
            plan: r.plan.clone(),
        })
        .collect();
    (changed, removed)
}

/// Adds to `paths` the path of each of `diagnostics` not there yet.
fn note_paths<'a>(
    diagnostics: impl Iterator<Item = &'a Diagnostic>,
    paths: &mut Vec<Option<String>>,
) {
    for d in diagnostics {
        if !paths.contains(&d.path) {
            paths.push(d.path.clone());
        }
    }
}

/// For each of `paths`, the diagnostics `all` gives at it, in order.
fn at_paths<'a, I: Iterator<Item = &'a Diagnostic>>(
    all: impl Fn() -> I,
    paths: &[Option<String>],
) -> Vec<Vec<Diagnostic>> {
    paths
        .iter()
        .map(|p| all().filter(|d| &d.path == p).cloned().collect())
        .collect()
}

/// The paths whose diagnostics `now` (one list per path) differ from those
/// `then` gives there, with their diagnostics now.
fn changed_paths<'a, I: Iterator<Item = &'a Diagnostic>>(
    paths: Vec<Option<String>>,
    now: Vec<Vec<Diagnostic>>,
    then: impl Fn() -> I,
) -> Vec<PathDiagnostics> {
    paths
        .into_iter()
        .zip(now)
        .filter(|(path, now)| !then().filter(|d| &d.path == path).eq(now.iter()))
        .map(|(path, diagnostics)| PathDiagnostics { path, diagnostics })
        .collect()
}

/// What changed from `before` to `after`.
fn change(before: &Validation, after: &Validation) -> ReportChange {
    let mut paths = Vec::new();
    note_paths(
        after.diagnostics.iter().chain(&before.diagnostics),
        &mut paths,
    );
    let now = at_paths(|| after.diagnostics.iter(), &paths);
    let diagnostics = changed_paths(paths, now, || before.diagnostics.iter());
    let (kpi, kpi_removed) = kpi_change(before.kpi.as_ref(), after.kpi.as_ref());
    ReportChange {
        kind: after.kind,
        valid: after.valid,
        counts: after.counts,
        diagnostics,
        kpi,
        kpi_removed,
        deadline: (before.deadline != after.deadline).then(|| after.deadline.clone()),
    }
}

fn path_error(path: &str, vi: String, en: String) -> Diagnostic {
    Diagnostic::error(
        Code::SessionPathInvalid,
        Text::new(
            format!(
                "Không đặt được giá trị tại '{}': {vi}",
                crate::diagnostic::excerpt(path)
            ),
            format!(
                "cannot set a value at '{}': {en}",
                crate::diagnostic::excerpt(path)
            ),
        ),
    )
    .at("path")
    .with_hint(Text::new(
        "Dùng đường dẫn của trường trong biểu mẫu, ví dụ /values/dossiers_total hoặc /appendices/investments/0/disbursed (lấy từ schema của loại báo cáo).",
        "Use the field's path in the form, e.g. /values/dossiers_total or /appendices/investments/0/disbursed (from the report kind's schema).",
    ))
}

/// The tokens of a JSON pointer (RFC 6901), unescaped.
fn tokens(path: &str) -> Result<Vec<String>, Errors> {
    if path.len() > MAX_TEXT_ARG_BYTES {
        return Err(vec![path_error(
            path,
            format!("đường dẫn dài quá {MAX_TEXT_ARG_BYTES} byte"),
            format!("the path is longer than {MAX_TEXT_ARG_BYTES} bytes"),
        )]);
    }
    if path.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = path.strip_prefix('/') else {
        return Err(vec![path_error(
            path,
            "đường dẫn phải bắt đầu bằng '/'".into(),
            "a path starts with '/'".into(),
        )]);
    };
    let raw: Vec<&str> = rest.split('/').collect();
    if raw.len() > MAX_PATH_DEPTH {
        return Err(vec![path_error(
            path,
            format!("đường dẫn có {} cấp, tối đa {MAX_PATH_DEPTH}", raw.len()),
            format!(
                "the path has {} levels, at most {MAX_PATH_DEPTH}",
                raw.len()
            ),
        )]);
    }
    raw.into_iter()
        .map(|t| {
            let mut out = String::with_capacity(t.len());
            let mut chars = t.chars();
            while let Some(c) = chars.next() {
                match (c, c == '~') {
                    (_, false) => out.push(c),
                    (_, true) => match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => {
                            return Err(vec![path_error(
                                path,
                                "'~' chỉ được viết là ~0 (dấu ~) hoặc ~1 (dấu /)".into(),
                                "'~' is written ~0 (a ~) or ~1 (a /)".into(),
                            )])
                        }
                    },
                }
            }
            Ok(out)
        })
        .collect()
}

/// The array index `token` names in an array of `len` rows (`-`: after the
/// last); `None` when it is not an index (RFC 6901: no leading zeros).
fn index(token: &str, len: usize) -> Option<usize> {
    if token == "-" {
        return Some(len);
    }
    let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    if !digits || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    token.parse().ok()
}

/// Whether a missing container before `next` is an array (a table row).
fn array_next(next: &str) -> bool {
    next == "-" || (!next.is_empty() && next.bytes().all(|b| b.is_ascii_digit()))
}

/// Why `tokens` cannot lead to a place in `root` where [`place`] can set a
/// value (Vietnamese, English); `Ok` when it can.
fn reachable(root: &Value, tokens: &[String]) -> Result<(), (String, String)> {
    let mut at = Some(root);
    for (i, t) in tokens.iter().enumerate() {
        match at {
            // Missing or null: created, as an array iff the token is an index.
            None | Some(Value::Null) => {
                if array_next(t) && index(t, 0) != Some(0) {
                    return Err((
                        format!("bảng mới chỉ có hàng 0, không có hàng {t}"),
                        format!("a new table starts at row 0, not row {t}"),
                    ));
                }
                at = None;
            }
            Some(Value::Object(m)) => at = m.get(t.as_str()),
            Some(Value::Array(a)) => match index(t, a.len()) {
                Some(n) if n < a.len() => at = Some(&a[n]),
                Some(n) if n == a.len() => at = None,
                Some(_) => {
                    return Err((
                        format!("bảng có {} hàng, không thêm được hàng {t}", a.len()),
                        format!("the table has {} rows, row {t} cannot be added", a.len()),
                    ))
                }
                None => {
                    return Err((
                        format!(
                            "'{}' là một bảng, '{t}' không phải số hàng",
                            prefix(tokens, i)
                        ),
                        format!(
                            "'{}' is a table, '{t}' is not a row number",
                            prefix(tokens, i)
                        ),
                    ))
                }
            },
            Some(v) => {
                let kind = crate::diagnostic::json_kind(describe(v));
                return Err((
                    format!(
                        "'{}' là {}, không chứa trường nào",
                        prefix(tokens, i),
                        kind.vi
                    ),
                    format!(
                        "'{}' is a {}, it holds no fields",
                        prefix(tokens, i),
                        kind.en
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The pointer of the first `n` tokens.
fn prefix(tokens: &[String], n: usize) -> String {
    tokens[..n]
        .iter()
        .fold(String::new(), |at, t| pointer_push(&at, t))
}

/// Sets `value` at `tokens`, which [`reachable`] accepted.
fn place(root: &mut Value, tokens: &[String], value: Value) {
    let mut at = root;
    for t in tokens {
        if at.is_null() {
            *at = if array_next(t) {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            };
        }
        at = match at {
            Value::Object(m) => m.entry(t.clone()).or_insert(Value::Null),
            Value::Array(a) => {
                let n = index(t, a.len()).unwrap_or(a.len());
                if n >= a.len() {
                    a.push(Value::Null);
                }
                let last = a.len() - 1;
                &mut a[n.min(last)]
            }
            // Refused by `reachable`.
            _ => return,
        };
    }
    *at = value;
}

/// The length of `v` as compact JSON text, without writing it.
fn json_size(v: &Value) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0 += b.len();
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut c = Count(0);
    // Writing a Value to a sink that cannot fail cannot fail.
    let _ = serde_json::to_writer(&mut c, v);
    c.0
}
