//! Validation of a report against its definition, the KPI catalog, the
//! calendar and the rule scripts' custom checks; the JSON Schema of a form.
//!
//! - [`Validator`]: whole-report validation ([`Validator::validate`]) with
//!   diagnostics at JSON pointers, KPI results and the deadline status, and
//!   single-field validation for live typing ([`Validator::validate_field`]).
//! - [`schema::schema`]: JSON Schema 2020-12 per kind and year.
//!
//! Validation only reads the report: unknown fields are reported (a warning),
//! never dropped, and the input is not changed.
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::validation::Validator;
//! let v = Validator::new(dxplan::defaults::rules());
//! let report = serde_json::json!({
//!     "kind": "plan_issue", "plan": "city-2025", "period": "2025",
//!     "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
//!     "document": {"number": "15/KH-UBND", "summary": "Kế hoạch chuyển đổi số năm 2025",
//!                  "issued_on": "20/01/2025", "signer": "Nguyễn Văn A"}
//! });
//! let r = v.validate(&report, NaiveDate::from_ymd_opt(2025, 2, 1).unwrap());
//! assert!(r.valid, "{:?}", r.diagnostics);
//! // Issued on 20/01/2025, before the deadline "trước ngày 24 tháng 01 năm 2025" (000 §VII.1).
//! assert!(matches!(r.deadline.unwrap().status.status, dxplan::SubmissionStatus::OnTime { .. }));
//! ```

mod checks;
mod cross;
mod field;
pub mod reference;
mod report;
pub mod schema;

use checks::*;
pub(crate) use checks::{describe, pointer_push, raw_values};
use cross::*;
pub(crate) use report::{Kept, Parts, Refreshed};

use crate::calendar::date::{format_date, parse_date};
use crate::calendar::period::{DataWindow, Period};
use crate::diagnostic::{json_kind, Code, Counts, Diagnostic, Severity, Text};
use crate::forms::definition::{
    unescape, Constraint, DateRule, Field, FieldType, FormDefinition, MAX_LINE_CHARS, MAX_ROWS,
    MAX_TEXT_CHARS,
};
use crate::kpi::eval::{check_value, evaluate_again, numerator_exceeds};
use crate::kpi::input::RawValue;
use crate::kpi::{evaluate, AdminLevel, Evaluation, Exact, Formula, UnitInput};
use crate::obligations::status::{status, StatusReport};
use crate::obligations::{Level, ObligationKind, Recipient};
use crate::rules::{RuleSet, RulesEngine};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Borrow;

/// The deadline the report answers to, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlineStatus {
    /// Who receives the report on its deadline.
    pub recipient: Recipient,
    /// The document and section that set the deadline.
    pub source: String,
    /// Status on `today` (submitted on time / late, or days left).
    #[serde(flatten)]
    pub status: StatusReport,
    /// The obligation in words: the report, plan, level and cited source.
    pub names: crate::obligations::ObligationNames,
}

/// The outcome of validating a whole report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Validation {
    /// The report kind, when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ObligationKind>,
    /// No error (warnings allowed).
    pub valid: bool,
    /// Diagnostics by severity.
    pub counts: Counts,
    /// Every problem found, in document order, then cross-field, KPI, deadline
    /// and custom checks.
    pub diagnostics: Vec<Diagnostic>,
    /// The KPI evaluation of the report's inputs against its plan's targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kpi: Option<Evaluation>,
    /// The report's deadline status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<DeadlineStatus>,
}

impl Validation {
    /// Its JSON without the documents' words of the KPI targets (the
    /// citations stay): what a form needs.
    pub fn without_quotes(&mut self) {
        if let Some(k) = &mut self.kpi {
            k.without_quotes();
        }
    }

    /// Keeps only the missing-value diagnostics a form showing `fields` can
    /// act on (see [`FormFields`]), and counts again.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let report = serde_json::json!({"kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
    ///     "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
    ///     "values": {"dossiers_total": 20, "dossiers_full_online": 15}});
    /// let mut v = e.validate(&report, today);
    /// assert!(v.diagnostics.iter().any(|d| d.code.as_str() == "report.kpi_not_reported"));
    /// let shown = dxplan::validation::FormFields::new(["/kind", "/plan", "/period", "/unit",
    ///     "/values/dossiers_total", "/values/dossiers_full_online"]);
    /// v.only_fields(&shown);
    /// assert!(!v.diagnostics.iter().any(|d| d.code.as_str() == "report.kpi_not_reported"));
    /// assert!(v.valid); // the outline is required, but this form does not show it
    /// assert!(!e.validate(&report, today).valid); // a full validation still asks for it
    /// ```
    pub fn only_fields(&mut self, fields: &FormFields) {
        self.diagnostics.retain(|d| fields.keeps(d));
        self.counts = Counts::of(&self.diagnostics);
        self.valid = self.counts.errors == 0;
    }
}

/// The fields a form shows, as JSON pointers: what its missing-value
/// diagnostics are limited to. A form for a few indicators should not
/// warn about the hundred others it does not ask for.
///
/// A value that is missing (`report.required`, `report.kpi_not_reported`,
/// `kpi.input_missing`: the other half of a rate the form does not ask for)
/// is reported when its path is one of the fields, lies under one (a cell
/// of a table row on the form) or above one (a section the form fills in
/// part of). Every other diagnostic is kept: a wrong value is wrong
/// wherever it is. A report limited so can pass while a full validation
/// (the service's, on submission) still finds a required field missing:
/// matching the form's fields to what the report requires is the form
/// builder's part, and the field reference (`schema`) lists them.
///
/// ```
/// use dxplan::validation::FormFields;
/// let f = FormFields::new(["/values/dossiers_total", "/appendices/news"]);
/// assert!(f.covers("/values/dossiers_total"));
/// assert!(f.covers("/appendices/news/0/title")); // under a field
/// assert!(f.covers("/values"));                  // above a field
/// assert!(!f.covers("/values/households_total"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormFields(std::collections::BTreeSet<String>);

impl FormFields {
    /// The fields at these JSON pointers.
    pub fn new<S: Into<String>>(paths: impl IntoIterator<Item = S>) -> FormFields {
        FormFields(paths.into_iter().map(Into::into).collect())
    }

    /// Whether `path` is a field, under one or above one.
    pub fn covers(&self, path: &str) -> bool {
        if self.0.contains(path) {
            return true;
        }
        // Above a field: a field starts with `path/`.
        let below = format!("{path}/");
        if self
            .0
            .range(below.clone()..)
            .next()
            .is_some_and(|f| f.starts_with(&below))
        {
            return true;
        }
        // Under a field: one of the path's ancestors is a field.
        path.match_indices('/')
            .any(|(i, _)| i > 0 && self.0.contains(&path[..i]))
    }

    /// Whether a form showing these fields reports `d`.
    pub fn keeps(&self, d: &Diagnostic) -> bool {
        let missing = matches!(
            d.code,
            Code::ReportRequired | Code::ReportKpiNotReported | Code::KpiInputMissing
        );
        !missing || d.path.as_deref().is_some_and(|p| self.covers(p))
    }
}

/// The outcome of validating one field while it is typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldValidation {
    /// The field's JSON pointer.
    pub path: String,
    /// Every path whose diagnostics this result replaces: the field, its
    /// sub-fields, and fields checked against it (the other side of a
    /// cross-field constraint).
    pub checked: Vec<String>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a field check needs to know about the rest of the report.
pub(super) struct Ctx<'a> {
    pub(super) rules: &'a RuleSet,
    pub(super) today: NaiveDate,
    pub(super) level: Option<AdminLevel>,
    pub(super) window: Option<DataWindow>,
    pub(super) def: &'a FormDefinition,
}

/// The obligation level of a unit's administrative level: communes and
/// agencies report as units; a city reports through its office; the province
/// through its department.
pub fn obligation_level(level: AdminLevel) -> Level {
    match level {
        AdminLevel::Unit | AdminLevel::Commune => Level::Unit,
        AdminLevel::City => Level::CityOffice,
        AdminLevel::Province => Level::ProvinceDepartment,
    }
}

/// The report's identification, read leniently (problems are reported by
/// the field checks).
pub(super) struct Ident {
    pub(super) plan: Option<String>,
    pub(super) period: Option<Period>,
    pub(super) level: Option<AdminLevel>,
    pub(super) unit: Option<String>,
}

pub(super) fn ident(report: &Value) -> Ident {
    let s = |p: &str| report.pointer(p).and_then(Value::as_str).map(str::trim);
    Ident {
        plan: s("/plan").map(str::to_string),
        period: s("/period").and_then(|p| p.parse().ok()),
        level: s("/unit/level").and_then(|l| l.parse().ok()),
        unit: s("/unit/id").map(str::to_string),
    }
}

pub(super) fn window_of(def: &FormDefinition, period: Option<&Period>) -> Option<DataWindow> {
    let p = period?;
    if p.kind() != def.period_kind {
        return None;
    }
    Some(p.data_window())
}

/// Validates reports and fields against a rule set. Holds the rule engine
/// that runs the scripts' custom checks (built once, reused).
///
/// ```
/// use chrono::{Datelike, NaiveDate};
/// use dxplan::validation::Validator;
/// let rules = dxplan::defaults::rules();
/// let v = Validator::new(rules);
/// let report: serde_json::Value = serde_json::from_str(r#"{
///   "kind": "quarterly", "plan": "city-2025", "period": "2025-Q3",
///   "unit": {"id": "phuong-a", "name": "UBND phường A", "level": "commune"},
///   "values": {"dossiers_full_online": 25, "dossiers_total": 20}
/// }"#).unwrap();
/// let today = NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
/// let result = v.validate(&report, today);
/// assert!(!result.valid);
/// let d = result.diagnostics.iter().find(|d| d.code.as_str() == "kpi.numerator_exceeds_denominator").unwrap();
/// assert_eq!(d.path.as_deref(), Some("/values/dossiers_full_online"));
/// ```
pub struct Validator<R: Borrow<RuleSet>> {
    rules: R,
    engine: RulesEngine,
    /// Scripts whose checks did not compile (reported by every validation).
    check_errors: Vec<Diagnostic>,
}

impl<R: Borrow<RuleSet>> Validator<R> {
    /// A validator for `rules`: borrowed (`&RuleSet`) or shared
    /// (`Arc<RuleSet>`), e.g. by an engine object that keeps both. The
    /// scripts' custom checks are compiled here, once.
    pub fn new(rules: R) -> Validator<R> {
        let engine = RulesEngine::new();
        let check_errors = engine.prepare_checks(rules.borrow());
        Validator {
            rules,
            engine,
            check_errors,
        }
    }

    /// The rule set it validates against.
    pub fn rules(&self) -> &RuleSet {
        self.rules.borrow()
    }

    /// The rule set as it was given (`&RuleSet`, `Arc<RuleSet>`…).
    pub fn rules_owner(&self) -> &R {
        &self.rules
    }

    /// The script engine with the rules' custom checks prepared, for KPI
    /// evaluations that run the same checks without building a second engine.
    ///
    /// ```
    /// let v = dxplan::validation::Validator::new(dxplan::rules::RuleSet::base());
    /// assert!(v.scripts().run_report_checks(v.rules(), &serde_json::json!({})).is_empty());
    /// ```
    pub fn scripts(&self) -> &RulesEngine {
        &self.engine
    }

    /// The definition of a report kind for a year, as the rules extend it.
    pub fn definition(&self, kind: ObligationKind, year: i32) -> crate::Result<FormDefinition> {
        self.rules().forms.get(kind, year).map(|d| d.into_owned())
    }
}

pub(super) fn finish(
    kind: Option<ObligationKind>,
    diagnostics: Vec<Diagnostic>,
    kpi: Option<Evaluation>,
    deadline: Option<DeadlineStatus>,
) -> Validation {
    let counts = Counts::of(&diagnostics);
    Validation {
        kind,
        valid: counts.errors == 0,
        counts,
        diagnostics,
        kpi,
        deadline,
    }
}
