//! Report forms: definitions, validation, JSON Schema.
//!
//! - [`FormDefinition`]: the fields of each report kind — the unit's
//!   periodic report (quarterly, half-year, annual: identification, the KPI
//!   inputs of the unit's level, the outline of 001 §I–III and its appendices
//!   01–04 as typed tables), the implementation plan (000 §VII.1) and the
//!   inspection self-report (001). Definitions are data; a year's rule script
//!   may add a field (`them_truong`) or a check (`kiem_tra`).
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
//! use dxplan::forms::Validator;
//! let mut v = Validator::new(dxplan::rules::defaults::rule_set());
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

pub mod definition;
pub mod schema;
mod validate;

pub use definition::{
    Choice, Constraint, DateRule, Field, FieldType, FormDefinition, Forms, Required, FORM_KINDS,
};
pub(crate) use validate::raw_values;
pub use validate::{
    obligation_level, Counts, DeadlineStatus, FieldValidation, Validation, Validator,
};
