//! # dxplan
//!
//! The rules-and-workflow engine behind the periodic digital-transformation
//! (chuyển đổi số, DX) reporting of Kon Tum province. This crate is the pure
//! core: no I/O and no clock. Every function that needs "today" takes it as an
//! argument, so the same inputs give the same outputs natively and in
//! WebAssembly.
//!
//! [`Engine`] is the way in: the rules in force (the embedded defaults, a
//! year's rules, or scripts of your own), their validator, and every
//! operation of the command line and the WebAssembly package as a method.
//! Validating a report sent by a form, with the defaults:
//!
//! ```
//! fn main() -> Result<(), dxplan::Errors> {
//!     let engine = dxplan::Engine::with_defaults();
//!     // A quarterly report as a form sends it (examples/reports/valid/quarterly.json).
//!     let report = include_str!("../../examples/reports/valid/quarterly.json");
//!     let result = engine.validate_text(report, "16/09/2025")?;
//!     assert!(result.valid, "{:?}", result.diagnostics);
//!     println!("{} lỗi, {} cảnh báo", result.counts.errors, result.counts.warnings);
//!     Ok(())
//! }
//! ```
//!
//! The modules, from the bottom layer up (ARCHITECTURE.md):
//!
//! - [`diagnostic`]: the one error/warning type, bilingual, and the code
//!   catalogue ([`Code::ALL`], `docs/diagnostics.md`).
//! - [`calendar`]: dates, periods and Decree 09 data windows, the Vietnamese
//!   lunar calendar, public holidays and working-day arithmetic.
//! - [`obligations`]: the seed plans' reporting calendars, deadline policies,
//!   overlaps and consolidation windows, submission status, iCalendar export.
//! - [`tasks`]: the task register of 000 §V and 004 Appendix II, with
//!   terms and status on a date.
//! - [`kpi`]: the indicator catalog of the five plans, exact evaluation of a
//!   unit's inputs against each plan's target, consolidation across units.
//! - [`forms`]: report form definitions, as data.
//! - [`rules`]: yearly Rhai rule scripts that change targets, deadlines,
//!   holidays and recipients, in a sandbox, with provenance.
//! - [`validation`]: validation of whole reports and single fields, JSON
//!   Schema export.
//! - [`workflow`]: a report's lifecycle with its audit trail, and the
//!   roll-up of accepted reports.
//! - [`defaults`]: the embedded defaults (the seeds plus `rules/*.rhai`).
//! - [`engine`]: the [`Engine`] and its queries.
//! - [`ffi`]: the operations by name with JSON text, for WebAssembly and
//!   services.
//!
//! The lower layers are usable on their own:
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::{Level, ObligationKind};
//!
//! let rules = dxplan::defaults::rules();
//! // Annual report of the city plan 2025 (000 §VII.1): "trước ngày 15 tháng 12 năm 2025".
//! let o = rules
//!     .plans
//!     .find(&rules.calendar, "city-2025", ObligationKind::Annual, &"2025".parse().unwrap(), Level::Unit)
//!     .unwrap();
//! assert_eq!(o.due_before, NaiveDate::from_ymd_opt(2025, 12, 15).unwrap());
//! assert_eq!(o.last_on_time_day, NaiveDate::from_ymd_opt(2025, 12, 14).unwrap());
//! assert!(!o.last_day_is_working_day); // a Sunday
//! ```

pub mod bodies;
pub mod calendar;
pub mod defaults;
pub mod diagnostic;
pub mod engine;
pub mod ffi;
pub mod forms;
pub mod json;
pub mod kpi;
pub mod obligations;
pub mod rules;
pub mod tasks;
pub mod validation;
pub mod workflow;

pub use calendar::date::{
    check_date, check_year, format_date, parse_date, weekday_name, MAX_YEAR, MIN_YEAR,
};
pub use calendar::holidays::{
    Calendar, DayCheck, DayOff, DayOffReason, HolidayGroup, HolidayRules, WorkingWeekendDay,
    YearDaysOff, YearNotice,
};
pub use calendar::labour_code::LabourCode;
pub use calendar::lunar::{LunarCalendar, LunarDate};
pub use calendar::period::{DataWindow, Period, PeriodKind};
pub use diagnostic::{
    excerpt, Code, Counts, Diagnostic, Lang, Result, Severity, Span, Text, MAX_INPUT_BYTES,
    MAX_TEXT_ARG_BYTES,
};
pub use engine::{
    CalendarQuery, DocumentText, Engine, Errors, KpiOptions, ReportChange, ReportSession,
    RollupQuery, RulesCheck, ScriptText, StatusAnswer, StatusQuery, TasksQuery, ValidateOptions,
};
pub use kpi::{Consolidation, ConsolidationInput, Evaluation, Exact, UnitInput};
pub use obligations::consolidation::{calendar as year_calendar, CalendarFilter, CalendarReport};
pub use obligations::ics::to_icalendar;
pub use obligations::policy::{Boundary, DeadlinePolicy, NonWorkingDayRule};
pub use obligations::status::{status, StatusReport, SubmissionStatus};
pub use obligations::{
    DeadlineRule, Level, Obligation, ObligationKind, OverlapRule, Plan, Plans, Recipient,
    RecipientChange, Schedule,
};

pub use rules::{RuleSet, Script};
pub use validation::{FieldValidation, Validation};
pub use workflow::{ReportRecord, Rollup, Transition};

/// The examples of README.md, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
