//! Working-day arithmetic on a [`Calendar`].
//!
//! Counting follows the Civil Code 2015: the first day of a period counted in
//! days is not counted (art. 147(2)), so [`Calendar::working_days_between`]
//! counts the working days in `(from, to]`, and adding `n` working days to a
//! date and counting back from it gives `n` again.
//!
//! ```
//! use chrono::NaiveDate;
//! let cal = &dxplan::defaults::rules().calendar;
//! let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
//! // Five working days after Friday 25/04/2025: Saturday 26/04 is worked,
//! // 30/04, 1/5 and 2/5 are off.
//! assert_eq!(cal.add_working_days(d(4, 25), 5).unwrap(), d(5, 6));
//! assert_eq!(cal.working_days_between(d(4, 25), d(5, 6)).unwrap(), 5);
//! ```

use crate::calendar::date::check_date;
use crate::calendar::holidays::Calendar;
use crate::diagnostic::{Code, Diagnostic, Result, Text};
use chrono::{Duration, NaiveDate};

/// Largest number of working days accepted by [`Calendar::add_working_days`]
/// (more than the whole supported range holds).
pub const MAX_WORKING_DAY_STEP: i64 = 60_000;

impl Calendar {
    /// The first working day strictly after `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let sun = NaiveDate::from_ymd_opt(2025, 12, 14).unwrap();
    /// assert_eq!(cal.next_working_day(sun).unwrap().to_string(), "2025-12-15");
    /// ```
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.step_to_working_day(date, 1)
    }

    /// The last working day strictly before `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let sun = NaiveDate::from_ymd_opt(2025, 12, 14).unwrap();
    /// assert_eq!(cal.previous_working_day(sun).unwrap().to_string(), "2025-12-12");
    /// ```
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.step_to_working_day(date, -1)
    }

    /// `date` itself when it is a working day, else the next working day.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let fri = NaiveDate::from_ymd_opt(2025, 12, 12).unwrap();
    /// assert_eq!(cal.working_day_on_or_after(fri).unwrap(), fri);
    /// ```
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.next_working_day(date)
        }
    }

    /// `date` itself when it is a working day, else the previous working day.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let sat = NaiveDate::from_ymd_opt(2025, 12, 13).unwrap();
    /// assert_eq!(cal.working_day_on_or_before(sat).unwrap().to_string(), "2025-12-12");
    /// ```
    pub fn working_day_on_or_before(&self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.previous_working_day(date)
        }
    }

    /// Adds `n` working days to `date` (subtracts when `n` is negative). The
    /// result of a non-zero `n` is always a working day; `n = 0` gives `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    /// // Inspection plan 2024 (001 §IV.3): schedule announced 5 working days ahead.
    /// assert_eq!(cal.add_working_days(d(10, 14), -5).unwrap(), d(10, 7));
    /// ```
    pub fn add_working_days(&self, date: NaiveDate, n: i64) -> Result<NaiveDate> {
        check_date(date)?;
        // unsigned_abs: i64::MIN has no positive counterpart.
        if n.unsigned_abs() > MAX_WORKING_DAY_STEP.unsigned_abs() {
            return Err(Diagnostic::error(
                Code::NumberInvalid,
                Text::new(
                    format!("Số ngày làm việc quá lớn: {n} (tối đa ±{MAX_WORKING_DAY_STEP})"),
                    format!("too many working days: {n} (at most ±{MAX_WORKING_DAY_STEP})"),
                ),
            ));
        }
        let dir = if n < 0 { -1 } else { 1 };
        let mut d = date;
        for _ in 0..n.abs() {
            d = self.step_to_working_day(d, dir)?;
        }
        Ok(d)
    }

    /// Working days in `(from, to]`: `from` is not counted, `to` is
    /// (Civil Code 2015 art. 147(2)). Negative when `to` is before `from`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    /// assert_eq!(cal.working_days_between(d(12, 14), d(12, 19)).unwrap(), 5);
    /// assert_eq!(cal.working_days_between(d(12, 19), d(12, 14)).unwrap(), -5);
    /// assert_eq!(cal.working_days_between(d(6, 19), d(6, 19)).unwrap(), 0);
    /// ```
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        check_date(from)?;
        check_date(to)?;
        let (a, b, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0;
        let mut d = a;
        while d < b {
            d += Duration::days(1);
            if self.is_working_day(d)? {
                count += 1;
            }
        }
        Ok(sign * count)
    }

    fn step_to_working_day(&self, date: NaiveDate, dir: i64) -> Result<NaiveDate> {
        check_date(date)?;
        let mut d = date;
        loop {
            d += Duration::days(dir);
            // Leaving 1900–2100 is reported by is_working_day as out of range.
            if self.is_working_day(d)? {
                return Ok(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaving_the_range_is_an_error_not_a_panic() {
        let cal = Calendar::new(crate::calendar::holidays::HolidayRules::without_notices());
        let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        assert_eq!(
            cal.next_working_day(last).unwrap_err().code,
            Code::DateOutOfRange
        );
        let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        assert_eq!(
            cal.add_working_days(first, -1).unwrap_err().code,
            Code::DateOutOfRange
        );
        assert_eq!(
            cal.add_working_days(first, 1_000_000).unwrap_err().code,
            Code::NumberInvalid
        );
    }
}
