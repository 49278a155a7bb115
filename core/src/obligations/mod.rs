//! Report obligations: who reports what, to whom, by when.
//!
//! A [`Plan`] is one source document's reporting calendar, made of
//! [`DeadlineRule`]s. For a year, each rule yields [`Obligation`]s with their
//! derived dates: the date the document names (`due_before`), the last
//! on-time day under the deadline [`policy`], whether that day is a working
//! day, and the date under every day-off rule. The seed plans are in
//! [`seeds`]; overlaps and consolidation windows in [`consolidation`];
//! submission status in [`status`]; iCalendar export in [`ics`].
//!
//! ```
//! use dxplan::{Calendar, Plans, ObligationKind, Level, Period};
//! let cal = dxplan::defaults::rules().calendar.clone();
//! let plans = dxplan::defaults::rules().plans.clone();
//! let q1 = plans
//!     .find(&cal, "dti-2022", ObligationKind::Quarterly, &"2025-Q1".parse().unwrap(), Level::Unit)
//!     .unwrap();
//! // 003, last paragraph: quarterly "trước ngày 15 tháng cuối quý".
//! assert_eq!(q1.due_before.to_string(), "2025-03-15");
//! assert_eq!(q1.last_on_time_day.to_string(), "2025-03-14");
//! ```

pub mod consolidation;
pub mod ics;
pub mod policy;
pub mod seeds;
pub mod status;

mod obligation;
mod plan;
mod vocabulary;

pub use obligation::{DatesByRule, Obligation, ObligationNames};
pub(crate) use plan::sort_obligations;
pub use plan::{
    DeadlineRule, DueOverride, InspectionWindow, Issued, Plan, Plans, PolicyChange, Schedule,
    UndatedReport,
};
pub use vocabulary::{Level, ObligationKind, OverlapRule, Recipient, RecipientChange};

use crate::bodies::{Bodies, Ended, Fate};
use crate::calendar::date::{check_year, format_date};
use crate::calendar::holidays::Calendar;
use crate::calendar::period::{DataWindow, Period, PeriodKind};
use crate::diagnostic::{Code, Diagnostic, Result, Text};
use chrono::{Datelike, Duration, NaiveDate};
use policy::{DeadlinePolicy, NonWorkingDayRule};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
