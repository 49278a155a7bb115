//! Reading, checking and writing calendar dates.
//!
//! The engine works on [`chrono::NaiveDate`] (a civil date with no time zone:
//! every date in the plans is a local Vietnamese date). Input is accepted as
//! ISO `yyyy-mm-dd` or Vietnamese `dd/mm/yyyy`; people are shown `dd/mm/yyyy`
//! and machines (JSON) ISO dates.

use crate::diagnostic::{Code, Diagnostic, Result, Text};
use chrono::{Datelike, NaiveDate};

/// First year the calendar supports.
pub const MIN_YEAR: i32 = 1900;
/// Last year the calendar supports.
pub const MAX_YEAR: i32 = 2100;

/// Reads a date written `yyyy-mm-dd` or `dd/mm/yyyy`, checking that the day
/// exists and that the year is in 1900–2100.
///
/// ```
/// use chrono::NaiveDate;
/// use dxplan::{parse_date, Code};
///
/// let d = NaiveDate::from_ymd_opt(2025, 12, 15).unwrap();
/// assert_eq!(parse_date("2025-12-15").unwrap(), d);
/// assert_eq!(parse_date("15/12/2025").unwrap(), d);
/// assert_eq!(parse_date("31/02/2025").unwrap_err().code, Code::DateInvalid);
/// assert_eq!(parse_date("3000-01-01").unwrap_err().code, Code::DateOutOfRange);
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate> {
    let s = input.trim();
    let parts: Vec<&str> = if s.contains('/') {
        let mut p: Vec<&str> = s.split('/').collect();
        p.reverse();
        p
    } else {
        s.split('-').collect()
    };
    let bad_format = || {
        Diagnostic::error(
            Code::DateInvalid,
            Text::new(
                format!("Ngày không đúng định dạng: '{}'", crate::excerpt(input)),
                format!("not a date: '{}'", crate::excerpt(input)),
            ),
        )
        .with_hint(Text::new(
            "Viết ngày theo dạng dd/mm/yyyy (ví dụ 15/12/2025) hoặc yyyy-mm-dd.",
            "Write dates as dd/mm/yyyy (e.g. 15/12/2025) or yyyy-mm-dd.",
        ))
    };
    if parts.len() != 3 {
        return Err(bad_format());
    }
    let (ys, ms, ds) = (parts[0], parts[1], parts[2]);
    let digits = |t: &str, min: usize, max: usize| {
        (min..=max).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(ys, 4, 4) || !digits(ms, 1, 2) || !digits(ds, 1, 2) {
        return Err(bad_format());
    }
    let (Ok(y), Ok(m), Ok(d)) = (ys.parse::<i32>(), ms.parse::<u32>(), ds.parse::<u32>()) else {
        return Err(bad_format());
    };
    check_year(y)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        Diagnostic::error(
            Code::DateInvalid,
            Text::new(
                format!("Ngày {d:02}/{m:02}/{y} không tồn tại"),
                format!("{d:02}/{m:02}/{y} is not a day of the calendar"),
            ),
        )
        .with_hint(Text::new(
            "Kiểm tra lại ngày và tháng (tháng có 28–31 ngày).",
            "Check the day and month (months have 28–31 days).",
        ))
    })
}

/// Checks that a year is in the supported range 1900–2100.
///
/// ```
/// assert!(dxplan::check_year(2025).is_ok());
/// assert_eq!(dxplan::check_year(1800).unwrap_err().code, dxplan::Code::DateOutOfRange);
/// ```
pub fn check_year(year: i32) -> Result<i32> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(Diagnostic::error(
            Code::DateOutOfRange,
            Text::new(
                format!("Năm {year} nằm ngoài phạm vi hỗ trợ {MIN_YEAR}–{MAX_YEAR}"),
                format!("year {year} is outside the supported range {MIN_YEAR}–{MAX_YEAR}"),
            ),
        ))
    }
}

/// Checks that a date is in the supported range 1900–2100.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2101, 1, 1).unwrap();
/// assert!(dxplan::check_date(d).is_err());
/// ```
pub fn check_date(date: NaiveDate) -> Result<NaiveDate> {
    check_year(date.year()).map(|_| date)
}

/// Writes a date the Vietnamese way, `dd/mm/yyyy`.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2025, 1, 24).unwrap();
/// assert_eq!(dxplan::format_date(d), "24/01/2025");
/// ```
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Julian day number of a civil date (the Julian day that begins at noon of that date).
pub(crate) fn julian_day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + 1_721_425
}

/// The civil date of a Julian day number, if chrono can represent it.
pub(crate) fn from_julian_day_number(jdn: i64) -> Option<NaiveDate> {
    let days = i32::try_from(jdn - 1_721_425).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The name of a weekday in Vietnamese and English.
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2025, 12, 14).unwrap();
/// assert_eq!(dxplan::weekday_name(d).vi, "Chủ Nhật");
/// ```
pub fn weekday_name(date: NaiveDate) -> Text {
    use chrono::Weekday::*;
    let (vi, en) = match date.weekday() {
        Mon => ("Thứ Hai", "Monday"),
        Tue => ("Thứ Ba", "Tuesday"),
        Wed => ("Thứ Tư", "Wednesday"),
        Thu => ("Thứ Năm", "Thursday"),
        Fri => ("Thứ Sáu", "Friday"),
        Sat => ("Thứ Bảy", "Saturday"),
        Sun => ("Chủ Nhật", "Sunday"),
    };
    Text::new(vi, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_day_number_of_j2000() {
        // J2000.0 is JD 2451545.0, noon of 1 January 2000 (Meeus, Astronomical Algorithms, ch. 7).
        let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        assert_eq!(julian_day_number(d), 2_451_545);
        assert_eq!(from_julian_day_number(2_451_545), Some(d));
    }

    #[test]
    fn rejects_malformed_dates() {
        for bad in [
            "",
            "2025",
            "2025-1",
            "25-12-2025",
            "2025/12/15",
            "15/12/25",
            "x/y/z",
            "2025-12-15T00",
        ] {
            assert_eq!(
                parse_date(bad).unwrap_err().code,
                Code::DateInvalid,
                "{bad}"
            );
        }
    }

    #[test]
    fn leap_day_exists_only_in_leap_years() {
        assert!(parse_date("29/02/2024").is_ok());
        assert_eq!(
            parse_date("29/02/2025").unwrap_err().code,
            Code::DateInvalid
        );
        // 1900 is not a leap year in the Gregorian calendar.
        assert_eq!(
            parse_date("1900-02-29").unwrap_err().code,
            Code::DateInvalid
        );
    }
}
