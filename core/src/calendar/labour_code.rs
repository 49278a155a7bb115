//! Which Labour Code grants the public holidays on a date.
//!
//! - Bộ luật Lao động 2012 (số 10/2012/QH13), in force 01/05/2013 –
//!   31/12/2020: art. 115(1) ten days (National Day one day, 2/9); art.
//!   115(3) a holiday on a weekly rest day is compensated on the next day.
//! - Bộ luật Lao động 2019 (số 45/2019/QH14), in force from 01/01/2021: art.
//!   112(1) eleven days (National Day 2/9 and one adjacent day); art. 111(3)
//!   compensation.
//!
//! The holidays of the two codes differ only in National Day (one day, then
//! two); the clause letters of the holiday lists are the same. Days before
//! 01/05/2013 are computed with the 2012 code too, and every output says so
//! ([`LabourCode::unmodelled_before`]): the codes before it (1994, amended
//! 2002, 2006, 2007) are not modelled.
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::LabourCode;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(LabourCode::in_force_on(d(2020, 9, 3)), LabourCode::Code2012);
//! assert_eq!(LabourCode::in_force_on(d(2021, 1, 1)), LabourCode::Code2019);
//! assert_eq!(LabourCode::Code2012.national_day_days(), 1);
//! ```

use crate::diagnostic::Text;
use chrono::NaiveDate;
use serde::Serialize;

/// A Labour Code, as the source of the public holidays.
///
/// ```
/// assert_eq!(serde_json::to_string(&dxplan::LabourCode::Code2019).unwrap(), "\"2019\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LabourCode {
    /// Bộ luật Lao động 2012 (số 10/2012/QH13), Điều 115.
    #[serde(rename = "2012")]
    Code2012,
    /// Bộ luật Lao động 2019 (số 45/2019/QH14), Điều 111–112.
    #[serde(rename = "2019")]
    Code2019,
}

impl LabourCode {
    /// The code whose holidays apply on `date`: 2019 from 01/01/2021
    /// (Bộ luật Lao động 2019, Điều 220 khoản 1), 2012 before.
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
    /// assert_eq!(dxplan::LabourCode::in_force_on(d), dxplan::LabourCode::Code2012);
    /// ```
    pub fn in_force_on(date: NaiveDate) -> LabourCode {
        if date >= LabourCode::Code2019.in_force_from() {
            LabourCode::Code2019
        } else {
            LabourCode::Code2012
        }
    }

    /// The first day the code is in force.
    ///
    /// ```
    /// assert_eq!(dxplan::LabourCode::Code2012.in_force_from().to_string(), "2013-05-01");
    /// ```
    pub fn in_force_from(self) -> NaiveDate {
        let (y, m, d) = match self {
            // Bộ luật Lao động 2012, Điều 242: hiệu lực từ 01/05/2013.
            LabourCode::Code2012 => (2013, 5, 1),
            // Bộ luật Lao động 2019, Điều 220 khoản 1: hiệu lực từ 01/01/2021.
            LabourCode::Code2019 => (2021, 1, 1),
        };
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// The day before which no modelled code was in force: dates before it
    /// are computed with the 2012 code and marked as such.
    ///
    /// ```
    /// assert_eq!(dxplan::LabourCode::unmodelled_before().to_string(), "2013-05-01");
    /// ```
    pub fn unmodelled_before() -> NaiveDate {
        LabourCode::Code2012.in_force_from()
    }

    /// The code's name and number.
    ///
    /// ```
    /// assert_eq!(dxplan::LabourCode::Code2012.name().vi, "Bộ luật Lao động 2012 (số 10/2012/QH13)");
    /// ```
    pub fn name(self) -> Text {
        match self {
            LabourCode::Code2012 => Text::new(
                "Bộ luật Lao động 2012 (số 10/2012/QH13)",
                "Labour Code 2012 (No. 10/2012/QH13)",
            ),
            LabourCode::Code2019 => Text::new(
                "Bộ luật Lao động 2019 (số 45/2019/QH14)",
                "Labour Code 2019 (No. 45/2019/QH14)",
            ),
        }
    }

    /// The clause that lists the public holidays.
    ///
    /// ```
    /// assert_eq!(dxplan::LabourCode::Code2019.holiday_clause(), "Bộ luật Lao động 2019, Điều 112 khoản 1");
    /// ```
    pub fn holiday_clause(self) -> &'static str {
        match self {
            LabourCode::Code2012 => "Bộ luật Lao động 2012, Điều 115 khoản 1",
            LabourCode::Code2019 => "Bộ luật Lao động 2019, Điều 112 khoản 1",
        }
    }

    /// The clause that compensates a holiday falling on a weekly rest day.
    ///
    /// ```
    /// assert_eq!(dxplan::LabourCode::Code2012.compensation_clause(), "Bộ luật Lao động 2012, Điều 115 khoản 3 (nghỉ bù)");
    /// ```
    pub fn compensation_clause(self) -> &'static str {
        match self {
            LabourCode::Code2012 => "Bộ luật Lao động 2012, Điều 115 khoản 3 (nghỉ bù)",
            LabourCode::Code2019 => "Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)",
        }
    }

    /// Days off for National Day: 2/9 alone (2012), or 2/9 and one adjacent
    /// day chosen by the government (2019).
    ///
    /// ```
    /// assert_eq!(dxplan::LabourCode::Code2019.national_day_days(), 2);
    /// ```
    pub fn national_day_days(self) -> u32 {
        match self {
            LabourCode::Code2012 => 1,
            LabourCode::Code2019 => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2019_code_starts_on_new_year_2021() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            LabourCode::in_force_on(d(2020, 12, 31)),
            LabourCode::Code2012
        );
        assert_eq!(LabourCode::in_force_on(d(2021, 1, 1)), LabourCode::Code2019);
        assert_eq!(LabourCode::in_force_on(d(1990, 1, 1)), LabourCode::Code2012);
    }
}
