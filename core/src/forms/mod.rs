//! Report forms as data: the fields of each report kind, as the plans
//! define them.
//!
//! - [`FormDefinition`]: the fields of each report kind — the unit's
//!   periodic report (quarterly, half-year, annual: identification, the KPI
//!   inputs of the unit's level, the outline of 001 §I–III and its appendices
//!   01–04 as typed tables), the implementation plan (000 §VII.1) and the
//!   inspection self-report (001). A year's rule script may add a field
//!   (`them_truong`) or a check (`kiem_tra`).
//! - Validating a report against its definition and exporting its JSON
//!   Schema are in [`crate::validation`], above the rules that extend the
//!   forms.
//!
//! ```
//! use dxplan::{forms::Forms, ObligationKind};
//! let forms = Forms::builtin();
//! let def = forms.get(ObligationKind::Quarterly, 2025).unwrap();
//! assert!(def.fields.iter().any(|f| f.id == "appendices"));
//! ```

pub mod definition;

pub use definition::{
    Choice, Constraint, DateRule, Field, FieldType, FormDefinition, Forms, Required, FORM_KINDS,
};
