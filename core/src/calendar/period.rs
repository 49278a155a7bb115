//! Reporting periods and their data cut-off windows.
//!
//! A [`Period`] is what a report is about: a week, month, quarter, half-year,
//! year, or an arbitrary date range (the inspection plan 2024 reviews
//! 01/01/2023–15/09/2024). Each has a stable text id:
//!
//! | kind      | id                       |
//! |-----------|--------------------------|
//! | week      | `2025-W05` (ISO 8601)    |
//! | month     | `2025-03`                |
//! | quarter   | `2025-Q1`                |
//! | half-year | `2025-H1`                |
//! | year      | `2025`                   |
//! | range     | `2023-01-01..2024-09-15` |
//!
//! The data a periodic report covers is not the calendar period itself but the
//! cut-off window of Decree 09/2019/NĐ-CP art. 12, see [`Period::data_window`].
//!
//! ```
//! use dxplan::Period;
//! let q: Period = "2025-Q2".parse().unwrap();
//! assert_eq!(q.id(), "2025-Q2");
//! let w = q.data_window();
//! assert_eq!(w.start.to_string(), "2025-03-15");
//! assert_eq!(w.end.to_string(), "2025-06-14");
//! ```

use crate::calendar::date::{check_date, check_year, format_date, parse_date};
use crate::diagnostic::{Code, Diagnostic, Result, Text};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The kind of a [`Period`].
///
/// ```
/// use dxplan::{Period, PeriodKind};
/// assert_eq!("2025-H2".parse::<Period>().unwrap().kind(), PeriodKind::HalfYear);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// An ISO 8601 week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// January–June or July–December.
    HalfYear,
    /// A calendar year.
    Year,
    /// Any range of days, both ends included.
    Range,
}

impl PeriodKind {
    /// How often, in words ("hằng quý" / "quarterly").
    ///
    /// ```
    /// assert_eq!(dxplan::PeriodKind::Year.every().vi, "hằng năm");
    /// ```
    pub fn every(self) -> Text {
        match self {
            PeriodKind::Week => Text::new("hằng tuần", "weekly"),
            PeriodKind::Month => Text::new("hằng tháng", "monthly"),
            PeriodKind::Quarter => Text::new("hằng quý", "quarterly"),
            PeriodKind::HalfYear => Text::new("6 tháng một lần", "every half-year"),
            PeriodKind::Year => Text::new("hằng năm", "yearly"),
            PeriodKind::Range => Text::new("theo đợt", "per range of days"),
        }
    }
}

/// A reporting period. See the [module documentation](self) for the ids.
///
/// ```
/// use dxplan::Period;
/// let p = Period::quarter(2025, 4).unwrap();
/// assert_eq!(p.to_string(), "2025-Q4");
/// assert_eq!(p.end().to_string(), "2025-12-31");
/// assert!(Period::quarter(2025, 5).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// ISO week `week` of ISO week-year `year`.
    Week {
        /// ISO week-year.
        year: i32,
        /// Week number, 1–53.
        week: u32,
    },
    /// Month `month` (1–12) of `year`.
    Month {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u32,
    },
    /// Quarter `quarter` (1–4) of `year`.
    Quarter {
        /// Year.
        year: i32,
        /// Quarter, 1–4.
        quarter: u32,
    },
    /// Half `half` (1 = January–June, 2 = July–December) of `year`.
    HalfYear {
        /// Year.
        year: i32,
        /// Half, 1 or 2.
        half: u32,
    },
    /// The whole of `year`.
    Year {
        /// Year.
        year: i32,
    },
    /// The days from `start` to `end`, both included.
    Range {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
}

/// The data cut-off window of a period: the days whose data a report covers.
///
/// ```
/// let w = dxplan::Period::year(2025).unwrap().data_window();
/// assert_eq!(w.start.to_string(), "2024-12-15");
/// assert_eq!(w.end.to_string(), "2025-12-14");
/// assert!(w.source.contains("09/2019"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DataWindow {
    /// First day of data.
    pub start: NaiveDate,
    /// Last day of data.
    pub end: NaiveDate,
    /// Where the window comes from.
    pub source: &'static str,
}

const DECREE_09_ART_12: &str = "Nghị định 09/2019/NĐ-CP, Điều 12 (thời gian chốt số liệu)";
const NO_DECREE_WINDOW: &str =
    "Không quy định trong Nghị định 09/2019/NĐ-CP: dùng chính kỳ báo cáo (not set by Decree 09/2019)";

fn invalid_period(input: &str) -> Diagnostic {
    Diagnostic::error(
        Code::PeriodInvalid,
        Text::new(
            format!("Kỳ báo cáo không hợp lệ: '{}'", crate::excerpt(input)),
            format!("invalid reporting period: '{}'", crate::excerpt(input)),
        ),
    )
    .with_hint(Text::new(
        "Dạng hợp lệ: 2025 (năm), 2025-H1 (6 tháng), 2025-Q1 (quý 1–4), 2025-03 (tháng), 2025-W05 (tuần), 2023-01-01..2024-09-15 (khoảng ngày).",
        "Valid forms: 2025 (year), 2025-H1 (half-year), 2025-Q1 (quarter 1–4), 2025-03 (month), 2025-W05 (ISO week), 2023-01-01..2024-09-15 (date range).",
    ))
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Callers pass a checked year (1900–2100), a month 1–12 and a day 1–28, or
    // the last day of a month computed below: such dates always exist.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    ymd(ny, nm, 1) - Duration::days(1)
}

/// The 15th of the month before (`year`, `month`), start of a Decree 09 window.
fn fifteenth_of_previous_month(year: i32, month: u32) -> NaiveDate {
    if month == 1 {
        ymd(year - 1, 12, 15)
    } else {
        ymd(year, month - 1, 15)
    }
}

impl Period {
    /// A month, checked.
    ///
    /// ```
    /// assert_eq!(dxplan::Period::month(2025, 3).unwrap().id(), "2025-03");
    /// assert!(dxplan::Period::month(2025, 13).is_err());
    /// ```
    pub fn month(year: i32, month: u32) -> Result<Period> {
        check_year(year)?;
        if !(1..=12).contains(&month) {
            return Err(invalid_period(&format!("{year}-{month:02}")));
        }
        Ok(Period::Month { year, month })
    }

    /// A quarter (1–4), checked.
    ///
    /// ```
    /// assert_eq!(dxplan::Period::quarter(2025, 2).unwrap().id(), "2025-Q2");
    /// ```
    pub fn quarter(year: i32, quarter: u32) -> Result<Period> {
        check_year(year)?;
        if !(1..=4).contains(&quarter) {
            return Err(invalid_period(&format!("{year}-Q{quarter}")));
        }
        Ok(Period::Quarter { year, quarter })
    }

    /// A half-year (1 or 2), checked.
    ///
    /// ```
    /// assert_eq!(dxplan::Period::half_year(2025, 1).unwrap().id(), "2025-H1");
    /// ```
    pub fn half_year(year: i32, half: u32) -> Result<Period> {
        check_year(year)?;
        if !(1..=2).contains(&half) {
            return Err(invalid_period(&format!("{year}-H{half}")));
        }
        Ok(Period::HalfYear { year, half })
    }

    /// A year, checked.
    ///
    /// ```
    /// assert_eq!(dxplan::Period::year(2025).unwrap().id(), "2025");
    /// ```
    pub fn year(year: i32) -> Result<Period> {
        check_year(year)?;
        Ok(Period::Year { year })
    }

    /// An ISO 8601 week, checked (week 53 exists only in long years).
    ///
    /// ```
    /// assert_eq!(dxplan::Period::week(2025, 5).unwrap().start().to_string(), "2025-01-27");
    /// assert!(dxplan::Period::week(2025, 53).is_err());
    /// assert!(dxplan::Period::week(2026, 53).is_ok());
    /// ```
    pub fn week(year: i32, week: u32) -> Result<Period> {
        check_year(year)?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .ok_or_else(|| invalid_period(&format!("{year}-W{week:02}")))?;
        check_date(monday)?;
        check_date(monday + Duration::days(6))?;
        Ok(Period::Week { year, week })
    }

    /// A range of days, both ends included, checked (`end` ≥ `start`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let a = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    /// let b = NaiveDate::from_ymd_opt(2024, 9, 15).unwrap();
    /// assert_eq!(dxplan::Period::range(a, b).unwrap().id(), "2023-01-01..2024-09-15");
    /// assert!(dxplan::Period::range(b, a).is_err());
    /// ```
    pub fn range(start: NaiveDate, end: NaiveDate) -> Result<Period> {
        check_date(start)?;
        check_date(end)?;
        if end < start {
            return Err(
                invalid_period(&format!("{start}..{end}")).with_hint(Text::new(
                    "Ngày cuối phải không sớm hơn ngày đầu.",
                    "The end must not be before the start.",
                )),
            );
        }
        Ok(Period::Range { start, end })
    }

    /// The stable text id of the period.
    ///
    /// ```
    /// assert_eq!(dxplan::Period::week(2025, 5).unwrap().id(), "2025-W05");
    /// ```
    pub fn id(&self) -> String {
        match *self {
            Period::Week { year, week } => format!("{year}-W{week:02}"),
            Period::Month { year, month } => format!("{year}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Period::HalfYear { year, half } => format!("{year}-H{half}"),
            Period::Year { year } => format!("{year}"),
            Period::Range { start, end } => format!("{start}..{end}"),
        }
    }

    /// The period as an official writes it: "quý III/2025", "6 tháng đầu
    /// năm 2025", "năm 2025", "tháng 10/2025" (the id stays in JSON).
    ///
    /// ```
    /// use dxplan::Period;
    /// assert_eq!(Period::quarter(2025, 3).unwrap().name().vi, "quý III/2025");
    /// assert_eq!(Period::half_year(2025, 1).unwrap().name().vi, "6 tháng đầu năm 2025");
    /// assert_eq!(Period::quarter(2025, 3).unwrap().name().en, "Q3 2025");
    /// ```
    pub fn name(&self) -> Text {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        match *self {
            Period::Week { year, week } => Text::new(
                format!("tuần {week}/{year}"),
                format!("week {week} of {year}"),
            ),
            Period::Month { year, month } => Text::new(
                format!("tháng {month}/{year}"),
                format!("{month:02}/{year}"),
            ),
            Period::Quarter { year, quarter } => Text::new(
                format!(
                    "quý {}/{year}",
                    ROMAN.get(quarter as usize - 1).copied().unwrap_or("?")
                ),
                format!("Q{quarter} {year}"),
            ),
            Period::HalfYear { year, half: 1 } => Text::new(
                format!("6 tháng đầu năm {year}"),
                format!("first half of {year}"),
            ),
            Period::HalfYear { year, .. } => Text::new(
                format!("6 tháng cuối năm {year}"),
                format!("second half of {year}"),
            ),
            Period::Year { year } => Text::new(format!("năm {year}"), format!("{year}")),
            Period::Range { start, end } => Text::new(
                format!("từ {} đến {}", format_date(start), format_date(end)),
                format!("{} to {}", format_date(start), format_date(end)),
            ),
        }
    }

    /// The kind of period.
    ///
    /// ```
    /// use dxplan::{Period, PeriodKind};
    /// assert_eq!(Period::year(2025).unwrap().kind(), PeriodKind::Year);
    /// ```
    pub fn kind(&self) -> PeriodKind {
        match self {
            Period::Week { .. } => PeriodKind::Week,
            Period::Month { .. } => PeriodKind::Month,
            Period::Quarter { .. } => PeriodKind::Quarter,
            Period::HalfYear { .. } => PeriodKind::HalfYear,
            Period::Year { .. } => PeriodKind::Year,
            Period::Range { .. } => PeriodKind::Range,
        }
    }

    /// First day of the period.
    ///
    /// ```
    /// assert_eq!(dxplan::Period::half_year(2025, 2).unwrap().start().to_string(), "2025-07-01");
    /// ```
    pub fn start(&self) -> NaiveDate {
        match *self {
            Period::Week { year, week } => {
                NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).unwrap_or(NaiveDate::MIN)
            }
            Period::Month { year, month } => ymd(year, month, 1),
            Period::Quarter { year, quarter } => ymd(year, 3 * quarter - 2, 1),
            Period::HalfYear { year, half } => ymd(year, 6 * half - 5, 1),
            Period::Year { year } => ymd(year, 1, 1),
            Period::Range { start, .. } => start,
        }
    }

    /// Last day of the period.
    ///
    /// ```
    /// assert_eq!(dxplan::Period::month(2024, 2).unwrap().end().to_string(), "2024-02-29");
    /// ```
    pub fn end(&self) -> NaiveDate {
        match *self {
            Period::Week { .. } => self.start() + Duration::days(6),
            Period::Month { year, month } => last_day_of_month(year, month),
            Period::Quarter { year, quarter } => last_day_of_month(year, 3 * quarter),
            Period::HalfYear { year, half } => last_day_of_month(year, 6 * half),
            Period::Year { year } => ymd(year, 12, 31),
            Period::Range { end, .. } => end,
        }
    }

    /// The year the period belongs to (for a range, the year of its last day).
    ///
    /// ```
    /// assert_eq!(dxplan::Period::quarter(2025, 3).unwrap().year_of(), 2025);
    /// ```
    pub fn year_of(&self) -> i32 {
        match *self {
            Period::Week { year, .. }
            | Period::Month { year, .. }
            | Period::Quarter { year, .. }
            | Period::HalfYear { year, .. }
            | Period::Year { year } => year,
            Period::Range { end, .. } => end.year(),
        }
    }

    /// Whether `date` is one of the period's days.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let q = dxplan::Period::quarter(2025, 1).unwrap();
    /// assert!(q.contains(NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()));
    /// assert!(!q.contains(NaiveDate::from_ymd_opt(2025, 4, 1).unwrap()));
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start() <= date && date <= self.end()
    }

    /// Whether every day of `other` is a day of this period.
    ///
    /// ```
    /// use dxplan::Period;
    /// assert!(Period::half_year(2025, 1).unwrap().covers(&Period::quarter(2025, 2).unwrap()));
    /// assert!(!Period::half_year(2025, 1).unwrap().covers(&Period::quarter(2025, 3).unwrap()));
    /// ```
    pub fn covers(&self, other: &Period) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }

    /// The data cut-off window of Decree 09/2019/NĐ-CP art. 12: monthly from
    /// the 15th of the previous month to the 14th; quarterly from the 15th of
    /// the month before the quarter to the 14th of its last month; half-years
    /// 15/12–14/6 and 15/6–14/12; annual 15/12 of the previous year to 14/12.
    /// Weeks and ranges are not set by the decree: their window is the period.
    ///
    /// ```
    /// let w = dxplan::Period::month(2025, 1).unwrap().data_window();
    /// assert_eq!((w.start.to_string(), w.end.to_string()), ("2024-12-15".into(), "2025-01-14".into()));
    /// ```
    pub fn data_window(&self) -> DataWindow {
        let (start, end, source) = match *self {
            Period::Month { year, month } => (
                fifteenth_of_previous_month(year, month),
                ymd(year, month, 14),
                DECREE_09_ART_12,
            ),
            Period::Quarter { year, quarter } => (
                fifteenth_of_previous_month(year, 3 * quarter - 2),
                ymd(year, 3 * quarter, 14),
                DECREE_09_ART_12,
            ),
            Period::HalfYear { year, half } => (
                fifteenth_of_previous_month(year, 6 * half - 5),
                ymd(year, 6 * half, 14),
                DECREE_09_ART_12,
            ),
            Period::Year { year } => (ymd(year - 1, 12, 15), ymd(year, 12, 14), DECREE_09_ART_12),
            Period::Week { .. } | Period::Range { .. } => {
                (self.start(), self.end(), NO_DECREE_WINDOW)
            }
        };
        DataWindow { start, end, source }
    }

    /// The periods of a kind that make up a year, in order (12 months, 4
    /// quarters, 2 halves, the year itself, or the ISO weeks of the week-year).
    ///
    /// ```
    /// use dxplan::{Period, PeriodKind};
    /// let qs = Period::all_in_year(2025, PeriodKind::Quarter).unwrap();
    /// assert_eq!(qs.len(), 4);
    /// assert_eq!(Period::all_in_year(2026, PeriodKind::Week).unwrap().len(), 53);
    /// ```
    pub fn all_in_year(year: i32, kind: PeriodKind) -> Result<Vec<Period>> {
        check_year(year)?;
        Ok(match kind {
            PeriodKind::Month => (1..=12)
                .map(|month| Period::Month { year, month })
                .collect(),
            PeriodKind::Quarter => (1..=4)
                .map(|quarter| Period::Quarter { year, quarter })
                .collect(),
            PeriodKind::HalfYear => (1..=2)
                .map(|half| Period::HalfYear { year, half })
                .collect(),
            PeriodKind::Year => vec![Period::Year { year }],
            PeriodKind::Week => (1..=53)
                .filter_map(|week| Period::week(year, week).ok())
                .collect(),
            PeriodKind::Range => Vec::new(),
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

impl FromStr for Period {
    type Err = Diagnostic;

    fn from_str(input: &str) -> Result<Period> {
        let s = input.trim();
        if let Some((a, b)) = s.split_once("..") {
            let start = parse_date(a).map_err(|e| e.at("period.start"))?;
            let end = parse_date(b).map_err(|e| e.at("period.end"))?;
            return Period::range(start, end);
        }
        let bad = || invalid_period(input);
        let num = |t: &str, min: usize, max: usize| -> Result<u32> {
            if (min..=max).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse::<u32>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (ys, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        let year = i32::try_from(num(ys, 4, 4)?).map_err(|_| bad())?;
        let Some(rest) = rest else {
            return Period::year(year);
        };
        let upper = rest.to_ascii_uppercase();
        let period = if let Some(q) = upper.strip_prefix('Q') {
            Period::quarter(year, num(q, 1, 1)?)
        } else if let Some(h) = upper.strip_prefix('H') {
            Period::half_year(year, num(h, 1, 1)?)
        } else if let Some(w) = upper.strip_prefix('W') {
            Period::week(year, num(w, 2, 2)?)
        } else {
            Period::month(year, num(&upper, 2, 2)?)
        };
        // Keep the caller's text in the message when the parts were out of range.
        period.map_err(|e| {
            if e.code == Code::PeriodInvalid {
                bad()
            } else {
                e
            }
        })
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.id())
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Period, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|e: Diagnostic| serde::de::Error::custom(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for id in [
            "2025",
            "2025-H1",
            "2025-H2",
            "2025-Q1",
            "2025-Q4",
            "2025-01",
            "2025-12",
            "2025-W01",
            "2026-W53",
            "2023-01-01..2024-09-15",
        ] {
            assert_eq!(id.parse::<Period>().unwrap().id(), id);
        }
        assert_eq!("2025-q3".parse::<Period>().unwrap().id(), "2025-Q3");
    }

    #[test]
    fn rejects_bad_ids() {
        for bad in [
            "2025-Q5", "2025-Q0", "2025-H3", "2025-13", "2025-00", "2025-W54", "2025-W53", "25-Q1",
            "2025-", "Q1-2025", "2025-1", "", "2025-Q1x",
        ] {
            let e = bad.parse::<Period>().unwrap_err();
            assert_eq!(e.code, Code::PeriodInvalid, "{bad}");
        }
        assert_eq!(
            "3000".parse::<Period>().unwrap_err().code,
            Code::DateOutOfRange
        );
        assert_eq!(
            "2025-02-31..2025-03-01".parse::<Period>().unwrap_err().code,
            Code::DateInvalid
        );
    }

    #[test]
    fn decree_09_windows() {
        // DOMAIN.md, "Law behind the calendar": Decree 09/2019 art. 12.
        let w = |id: &str| {
            let w = id.parse::<Period>().unwrap().data_window();
            (w.start.to_string(), w.end.to_string())
        };
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(w("2025-03"), s("2025-02-15", "2025-03-14"));
        assert_eq!(w("2025-Q1"), s("2024-12-15", "2025-03-14"));
        assert_eq!(w("2025-Q3"), s("2025-06-15", "2025-09-14"));
        assert_eq!(w("2025-H1"), s("2024-12-15", "2025-06-14"));
        assert_eq!(w("2025-H2"), s("2025-06-15", "2025-12-14"));
        assert_eq!(w("2025"), s("2024-12-15", "2025-12-14"));
    }
}
