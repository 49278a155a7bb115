//! Submission status of an obligation on a given day.
//!
//! The caller passes *today*; the engine never reads a clock. Day counts are
//! calendar days; working-day counts follow [`Calendar::working_days_between`]
//! (the first day is not counted, the last is).
//!
//! | state          | when                                                                 |
//! |----------------|----------------------------------------------------------------------|
//! | `not_yet_due`  | not submitted, and the report's data window has not closed yet        |
//! | `due`          | not submitted, data window closed (or none), deadline not passed      |
//! | `overdue`      | not submitted, today is after the deadline                           |
//! | `on_time`      | submitted on or before the deadline                                  |
//! | `late`         | submitted after the deadline                                         |
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::{status, Calendar, Level, ObligationKind, Plans, SubmissionStatus};
//!
//! let cal = dxplan::defaults::rules().calendar.clone();
//! let o = dxplan::defaults::rules().plans.clone()
//!     .find(&cal, "city-2025", ObligationKind::Annual, &"2025".parse().unwrap(), Level::Unit)
//!     .unwrap();
//! // Submitted Monday 15/12/2025: the last on-time day was Sunday 14/12 (policy keep).
//! let s = status(&cal, &o, Some(NaiveDate::from_ymd_opt(2025, 12, 15).unwrap()), NaiveDate::from_ymd_opt(2025, 12, 16).unwrap()).unwrap();
//! assert_eq!(s.status, SubmissionStatus::Late { days_late: 1, working_days_late: 1 });
//! ```

use super::Obligation;
use crate::calendar::date::{check_date, format_date};
use crate::calendar::holidays::Calendar;
use crate::diagnostic::{Result, Text};
use chrono::NaiveDate;
use serde::Serialize;

/// Where an obligation stands.
///
/// ```
/// let s = dxplan::SubmissionStatus::Due { days_left: 3, working_days_left: 2 };
/// assert_eq!(serde_json::to_value(&s).unwrap()["state"], "due");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SubmissionStatus {
    /// Not submitted; the data window is still open.
    NotYetDue {
        /// Calendar days from today to the deadline.
        days_left: i64,
        /// Working days after today up to and including the deadline.
        working_days_left: i64,
    },
    /// Not submitted; the deadline has not passed.
    Due {
        /// Calendar days from today to the deadline (0: the deadline is today).
        days_left: i64,
        /// Working days after today up to and including the deadline.
        working_days_left: i64,
    },
    /// Not submitted; the deadline has passed.
    Overdue {
        /// Calendar days since the deadline.
        days_late: i64,
        /// Working days after the deadline up to and including today.
        working_days_late: i64,
    },
    /// Submitted on or before the deadline.
    OnTime {
        /// Calendar days the submission came before the deadline.
        days_early: i64,
        /// Working days after the submission up to and including the deadline.
        working_days_early: i64,
    },
    /// Submitted after the deadline.
    Late {
        /// Calendar days after the deadline.
        days_late: i64,
        /// Working days after the deadline up to and including the submission day.
        working_days_late: i64,
    },
}

/// The status of one obligation, with a sentence for people.
///
/// ```
/// # use chrono::NaiveDate;
/// # use dxplan::{status, Calendar, Level, ObligationKind, Plans};
/// # let cal = dxplan::defaults::rules().calendar.clone();
/// # let o = dxplan::defaults::rules().plans.clone().find(&cal, "dti-2022", ObligationKind::Quarterly, &"2025-Q3".parse().unwrap(), Level::Unit).unwrap();
/// let s = status(&cal, &o, None, NaiveDate::from_ymd_opt(2025, 9, 10).unwrap()).unwrap();
/// assert_eq!(s.message.en, "not yet due: 4 days (2 working days) to the last on-time day 14/09/2025");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusReport {
    /// The obligation's id.
    pub obligation: String,
    /// The effective last on-time day.
    pub deadline: NaiveDate,
    /// The day the status is computed for.
    pub today: NaiveDate,
    /// The submission day, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<NaiveDate>,
    /// The status.
    pub status: SubmissionStatus,
    /// The status in words.
    pub message: Text,
}

/// Computes the status of `obligation` given its submission day (if any) and today.
///
/// ```
/// # use chrono::NaiveDate;
/// # use dxplan::{status, Calendar, Level, ObligationKind, Plans, SubmissionStatus};
/// # let cal = dxplan::defaults::rules().calendar.clone();
/// # let o = dxplan::defaults::rules().plans.clone().find(&cal, "city-2025", ObligationKind::Quarterly, &"2025-Q1".parse().unwrap(), Level::Unit).unwrap();
/// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
/// let s = status(&cal, &o, Some(d(3, 17)), d(3, 20)).unwrap();
/// assert_eq!(s.status, SubmissionStatus::OnTime { days_early: 2, working_days_early: 2 });
/// ```
pub fn status(
    cal: &Calendar,
    obligation: &Obligation,
    submitted: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<StatusReport> {
    check_date(today)?;
    let deadline = obligation.deadline;
    let st = match submitted {
        Some(s) => {
            check_date(s)?;
            if s <= deadline {
                SubmissionStatus::OnTime {
                    days_early: (deadline - s).num_days(),
                    working_days_early: cal.working_days_between(s, deadline)?,
                }
            } else {
                SubmissionStatus::Late {
                    days_late: (s - deadline).num_days(),
                    working_days_late: cal.working_days_between(deadline, s)?,
                }
            }
        }
        None if today > deadline => SubmissionStatus::Overdue {
            days_late: (today - deadline).num_days(),
            working_days_late: cal.working_days_between(deadline, today)?,
        },
        None => {
            let days_left = (deadline - today).num_days();
            let working_days_left = cal.working_days_between(today, deadline)?;
            match obligation.data_window {
                Some(w) if today <= w.end => SubmissionStatus::NotYetDue {
                    days_left,
                    working_days_left,
                },
                _ => SubmissionStatus::Due {
                    days_left,
                    working_days_left,
                },
            }
        }
    };
    Ok(StatusReport {
        obligation: obligation.id.clone(),
        deadline,
        today,
        submitted,
        status: st,
        message: describe(&st, deadline),
    })
}

/// "1 day", "2 days".
fn en_days(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("{n} {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn describe(st: &SubmissionStatus, deadline: NaiveDate) -> Text {
    let d = format_date(deadline);
    match *st {
        SubmissionStatus::NotYetDue {
            days_left,
            working_days_left,
        } => Text::new(
            format!("chưa đến kỳ nộp: còn {days_left} ngày ({working_days_left} ngày làm việc) đến ngày cuối cùng đúng hạn {d}"),
            format!("not yet due: {} ({}) to the last on-time day {d}", en_days(days_left, "day"), en_days(working_days_left, "working day")),
        ),
        SubmissionStatus::Due {
            days_left: 0, ..
        } => Text::new(
            format!("đến hạn: hôm nay ({d}) là ngày cuối cùng đúng hạn"),
            format!("due: today ({d}) is the last on-time day"),
        ),
        SubmissionStatus::Due {
            days_left,
            working_days_left,
        } => Text::new(
            format!("đến hạn sau {days_left} ngày ({working_days_left} ngày làm việc), ngày cuối cùng đúng hạn {d}"),
            format!("due in {} ({}), last on-time day {d}", en_days(days_left, "day"), en_days(working_days_left, "working day")),
        ),
        SubmissionStatus::Overdue {
            days_late,
            working_days_late,
        } => Text::new(
            format!("quá hạn {days_late} ngày ({working_days_late} ngày làm việc), chưa nộp; ngày cuối cùng đúng hạn {d}"),
            format!("overdue by {} ({}), not submitted; last on-time day {d}", en_days(days_late, "day"), en_days(working_days_late, "working day")),
        ),
        SubmissionStatus::OnTime {
            days_early,
            working_days_early,
        } => Text::new(
            format!("đúng hạn: nộp trước {days_early} ngày ({working_days_early} ngày làm việc) so với ngày cuối cùng {d}"),
            format!("on time: submitted {} ({}) before the last on-time day {d}", en_days(days_early, "day"), en_days(working_days_early, "working day")),
        ),
        SubmissionStatus::Late {
            days_late,
            working_days_late,
        } => Text::new(
            format!("trễ hạn {days_late} ngày ({working_days_late} ngày làm việc) so với ngày cuối cùng đúng hạn {d}"),
            format!("late by {} ({}) after the last on-time day {d}", en_days(days_late, "day"), en_days(working_days_late, "working day")),
        ),
    }
}
