//! Public holidays and days off of Vietnamese state agencies.
//!
//! Law (see `DOMAIN.md`, "Law behind the calendar"), as in force on each
//! date ([`LabourCode::in_force_on`]):
//! - Labour Code 2019 art. 112(1), from 01/01/2021: 1/1; Tết (lunar new year)
//!   5 days; Hùng Kings day 10/3 lunar; 30/4; 1/5; 2/9 plus one adjacent day.
//!   Labour Code 2012 art. 115(1), before: the same with National Day one day.
//! - Art. 111(3) (2019), art. 115(3) (2012): a holiday that falls on a weekly
//!   rest day is compensated on the next working day.
//! - State agencies rest on Saturday and Sunday.
//! - Which 5 days of Tết, which day next to 2/9, and any day swaps are fixed
//!   each year by a government notice. Those are data: a [`YearNotice`]
//!   replaces the computed days of a holiday group and adds swaps. The rule
//!   scripts declare them, each with its notice's number and date
//!   (`rules/2020.rhai` … `rules/2025.rhai`).
//!
//! Without a notice the engine computes a documented default: Tết is the last
//! day of the old lunar year plus the first four days of the new one; the day
//! next to 2/9 is the one that joins the holiday to a weekend (1/9 when 2/9 is
//! a Tuesday, Friday or Saturday, otherwise 3/9). A year without any notice is
//! provisional ("dự kiến", [`YearDaysOff::provisional`]), and so is each day
//! the default chose in place of a notice ([`DayOff::provisional`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::{Calendar, DayOffReason};
//!
//! let cal = dxplan::defaults::rules().calendar.clone();
//! let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
//! assert!(!cal.is_working_day(d(1, 29)).unwrap()); // mùng 1 Tết
//! assert!(cal.is_working_day(d(4, 26)).unwrap()); // Saturday worked in exchange for 2/5
//! let off = cal.days_off(2025).unwrap();
//! assert_eq!(off.iter().find(|o| o.date == d(5, 2)).unwrap().reason, DayOffReason::Swap);
//! ```

use crate::calendar::date::{check_date, check_year, format_date, MAX_YEAR, MIN_YEAR};
use crate::calendar::labour_code::LabourCode;
use crate::calendar::lunar::{LunarCalendar, LunarDate};
use crate::diagnostic::lower_first;
use crate::diagnostic::{Result, Text};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A public holiday of Labour Code 2019 art. 112(1) (2012: art. 115(1)).
///
/// ```
/// assert_eq!(dxplan::HolidayGroup::Tet.name().en, "Lunar New Year (Tết)");
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum HolidayGroup {
    /// Tết Dương lịch, 1 January.
    NewYear,
    /// Tết Âm lịch (Tết Nguyên đán), 5 days.
    Tet,
    /// Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.
    HungKings,
    /// Ngày Chiến thắng, 30 April.
    Reunification,
    /// Ngày Quốc tế lao động, 1 May.
    LabourDay,
    /// Quốc khánh, 2 September and one adjacent day.
    NationalDay,
}

impl HolidayGroup {
    /// All holiday groups, in calendar order.
    pub const ALL: [HolidayGroup; 6] = [
        HolidayGroup::NewYear,
        HolidayGroup::Tet,
        HolidayGroup::HungKings,
        HolidayGroup::Reunification,
        HolidayGroup::LabourDay,
        HolidayGroup::NationalDay,
    ];

    /// The holiday's name.
    ///
    /// ```
    /// assert_eq!(dxplan::HolidayGroup::NationalDay.name().vi, "Quốc khánh");
    /// ```
    pub fn name(self) -> Text {
        match self {
            HolidayGroup::NewYear => Text::new("Tết Dương lịch", "New Year's Day"),
            HolidayGroup::Tet => Text::new("Tết Âm lịch (Tết Nguyên đán)", "Lunar New Year (Tết)"),
            HolidayGroup::HungKings => {
                Text::new("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day")
            }
            HolidayGroup::Reunification => {
                Text::new("Ngày Chiến thắng (30/4)", "Reunification Day (30 April)")
            }
            HolidayGroup::LabourDay => Text::new(
                "Ngày Quốc tế lao động (1/5)",
                "International Labour Day (1 May)",
            ),
            HolidayGroup::NationalDay => Text::new("Quốc khánh", "National Day"),
        }
    }

    /// The clause of the Labour Code in force that grants it (the two codes
    /// list the holidays under the same letters).
    fn source(self, code: LabourCode) -> String {
        let point = match self {
            HolidayGroup::NewYear => "a",
            HolidayGroup::Tet => "b",
            HolidayGroup::Reunification => "c",
            HolidayGroup::LabourDay => "d",
            HolidayGroup::NationalDay => "đ",
            HolidayGroup::HungKings => "e",
        };
        format!("{} điểm {point}", code.holiday_clause())
    }
}

/// Why a day is off.
///
/// ```
/// use dxplan::DayOffReason;
/// assert_eq!(serde_json::to_string(&DayOffReason::Compensatory).unwrap(), "\"compensatory\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DayOffReason {
    /// A public holiday (art. 112).
    Holiday,
    /// Compensation for a holiday that fell on a weekly rest day (art. 111(3)).
    Compensatory,
    /// A working day given off in exchange for a weekend day worked (government notice).
    Swap,
}

/// A day off other than an ordinary weekend.
///
/// ```
/// use chrono::NaiveDate;
/// let cal = dxplan::defaults::rules().calendar.clone();
/// let off = cal.days_off(2025).unwrap();
/// let tet = off.iter().find(|o| o.date == NaiveDate::from_ymd_opt(2025, 1, 29).unwrap()).unwrap();
/// assert_eq!(tet.group, Some(dxplan::HolidayGroup::Tet));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DayOff {
    /// The day.
    pub date: NaiveDate,
    /// Why it is off.
    pub reason: DayOffReason,
    /// The holiday it belongs to (for a compensatory day, the holiday it compensates).
    pub group: Option<HolidayGroup>,
    /// Name, Vietnamese and English.
    pub name: Text,
    /// Whether the day is a Saturday or Sunday anyway.
    pub on_weekend: bool,
    /// The law or notice behind it.
    pub source: String,
    /// The day is the documented default for a holiday whose days a
    /// government notice fixes (Tết, the day next to National Day), and no
    /// notice has been declared for it: "dự kiến".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

/// A year's days off and worked weekend days.
///
/// ```
/// let y = dxplan::defaults::rules().calendar.clone().year_days(2024).unwrap();
/// assert_eq!(y.year, 2024);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearDaysOff {
    /// The year.
    pub year: i32,
    /// Holidays, compensatory days and swapped days off, in date order.
    pub days_off: Vec<DayOff>,
    /// Weekend days worked in exchange for a swapped day off.
    pub working_weekend_days: Vec<WorkingWeekendDay>,
    /// The Labour Code whose holidays apply (on 2/9 of the year).
    pub labour_code: LabourCode,
    /// The government notices the year's days follow, as declared by the
    /// rule scripts (empty when none is).
    pub notices: Vec<String>,
    /// Why the year's days off are only provisional ("dự kiến"): no notice
    /// has been declared for it, or it is before the 2012 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisional: Option<Text>,
}

/// Whether a day is a working day, and why not.
///
/// ```
/// use chrono::NaiveDate;
/// let d = dxplan::defaults::rules().calendar.clone().check_day(NaiveDate::from_ymd_opt(2025, 9, 3).unwrap()).unwrap();
/// assert!(d.is_working_day && d.reason.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DayCheck {
    /// The day.
    pub date: NaiveDate,
    /// Whether it is a working day.
    pub is_working_day: bool,
    /// Why it is not (weekly rest day, holiday, …).
    pub reason: Option<Text>,
    /// The answer follows the documented default, not a notice ("dự kiến"):
    /// the year has no declared notice, or the day is a provisional day off.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

/// A Saturday or Sunday that is a working day because of a swap.
///
/// ```
/// let cal = dxplan::defaults::rules().calendar.clone();
/// let worked = cal.working_weekend_days(2025).unwrap();
/// assert_eq!(worked[0].date.to_string(), "2025-04-26");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WorkingWeekendDay {
    /// The day worked.
    pub date: NaiveDate,
    /// The day given off in exchange.
    pub in_exchange_for: NaiveDate,
    /// The notice behind it.
    pub source: String,
}

/// A day swap: `day_off` (a working day) is given off and `worked_day` (a
/// weekend day) is worked instead.
///
/// ```
/// use chrono::NaiveDate;
/// let s = dxplan::calendar::holidays::Swap {
///     day_off: NaiveDate::from_ymd_opt(2025, 5, 2).unwrap(),
///     worked_day: NaiveDate::from_ymd_opt(2025, 4, 26).unwrap(),
///     source: String::new(),
/// };
/// assert!(s.worked_day < s.day_off);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Swap {
    /// The working day given off.
    pub day_off: NaiveDate,
    /// The weekend day worked in exchange.
    pub worked_day: NaiveDate,
    /// Where this swap was declared (empty: the notice's source).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// What a government notice fixes for one year: the exact days off of some
/// holidays (replacing the computed ones, including their compensation) and
/// day swaps.
///
/// ```
/// use chrono::NaiveDate;
/// use dxplan::{HolidayGroup, YearNotice};
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let n = YearNotice::new(2026, "Thông báo nghỉ Tết 2026")
///     .with_days(HolidayGroup::Tet, d(2, 14), d(2, 22));
/// assert_eq!(n.days[&HolidayGroup::Tet].len(), 9);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearNotice {
    /// The year the notice is for.
    pub year: i32,
    /// Days off declared per holiday, weekend days included.
    pub days: BTreeMap<HolidayGroup, Vec<NaiveDate>>,
    /// Day swaps.
    pub swaps: Vec<Swap>,
    /// The notice (document and number, or where the fact was taken from).
    pub source: String,
    /// Where each holiday's days were declared, when not the notice's source.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<HolidayGroup, String>,
    /// The notices themselves (number, date, issuer), once each, as a rule
    /// script names them; empty when `source` is the only one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
}

impl YearNotice {
    /// An empty notice for `year`.
    ///
    /// ```
    /// let n = dxplan::YearNotice::new(2027, "x");
    /// assert!(n.days.is_empty() && n.swaps.is_empty());
    /// ```
    pub fn new(year: i32, source: impl Into<String>) -> Self {
        YearNotice {
            year,
            days: BTreeMap::new(),
            swaps: Vec::new(),
            source: source.into(),
            sources: BTreeMap::new(),
            documents: Vec::new(),
        }
    }

    /// Records a notice document (once).
    ///
    /// ```
    /// let mut n = dxplan::YearNotice::new(2024, "x");
    /// n.add_document("Công văn số 2450/VPCP-KGVX ngày 12/4/2024");
    /// n.add_document("Công văn số 2450/VPCP-KGVX ngày 12/4/2024");
    /// assert_eq!(n.documents.len(), 1);
    /// ```
    pub fn add_document(&mut self, document: &str) {
        if !self.documents.iter().any(|d| d == document) {
            self.documents.push(document.to_string());
        }
    }

    /// Declares the days off of `group` as the range `first..=last`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    /// let n = dxplan::YearNotice::new(2025, "x").with_days(dxplan::HolidayGroup::NationalDay, d(8, 30), d(9, 2));
    /// assert_eq!(n.days[&dxplan::HolidayGroup::NationalDay].len(), 4);
    /// ```
    pub fn with_days(mut self, group: HolidayGroup, first: NaiveDate, last: NaiveDate) -> Self {
        let days = first
            .iter_days()
            .take_while(|d| *d <= last)
            .collect::<Vec<_>>();
        self.days.insert(group, days);
        self
    }

    /// Adds a swap: `day_off` is given off, `worked_day` is worked.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    /// let n = dxplan::YearNotice::new(2025, "x").with_swap(d(5, 2), d(4, 26));
    /// assert_eq!(n.swaps.len(), 1);
    /// ```
    pub fn with_swap(mut self, day_off: NaiveDate, worked_day: NaiveDate) -> Self {
        self.swaps.push(Swap {
            day_off,
            worked_day,
            source: String::new(),
        });
        self
    }
}

/// The holiday rules: the Labour Code in force on each date plus the
/// government notices per year.
///
/// ```
/// let rules = dxplan::defaults::rules().calendar.clone().rules().clone();
/// assert!(rules.notice(2024).is_some()); // rules/2024.rhai
/// assert!(rules.notice(2026).is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HolidayRules {
    notices: BTreeMap<i32, YearNotice>,
}

impl HolidayRules {
    /// The Labour Codes alone, without any government notice. The notices
    /// (2020–2025, later years as they come) are set by the rule scripts;
    /// [`crate::defaults::rules`] includes them.
    ///
    /// ```
    /// assert!(dxplan::HolidayRules::without_notices().notice(2025).is_none());
    /// ```
    pub fn without_notices() -> Self {
        HolidayRules::default()
    }

    /// Sets (or replaces) the notice of a year.
    ///
    /// ```
    /// let mut rules = dxplan::HolidayRules::default();
    /// rules.set_notice(dxplan::YearNotice::new(2026, "x"));
    /// assert!(rules.notice(2026).is_some());
    /// ```
    pub fn set_notice(&mut self, notice: YearNotice) {
        self.notices.insert(notice.year, notice);
    }

    /// The notice of a year, created empty (with `source`) when there is none.
    pub fn notice_mut(&mut self, year: i32, source: &str) -> &mut YearNotice {
        self.notices
            .entry(year)
            .or_insert_with(|| YearNotice::new(year, source))
    }

    /// The notice of a year, if there is one.
    ///
    /// ```
    /// assert_eq!(dxplan::defaults::rules().calendar.clone().rules().notice(2025).unwrap().swaps.len(), 1);
    /// ```
    pub fn notice(&self, year: i32) -> Option<&YearNotice> {
        self.notices.get(&year)
    }
}

/// One day of a holiday as the law alone gives it.
struct DefaultDay {
    group: HolidayGroup,
    date: NaiveDate,
    name: Text,
    /// A government notice decides this day (Tết, the day next to 2/9).
    by_notice: bool,
}

/// Everything the calendar knows about one year, computed once.
#[derive(Clone, Debug)]
struct YearDays {
    days_off: Vec<DayOff>,
    working_weekend: Vec<WorkingWeekendDay>,
    /// Bit `i` is set when day `i` (0 = 1 January) is a working day.
    working: [u64; 6],
}

/// The working-day calendar of Vietnamese state agencies: weekends, holidays,
/// compensatory days and swaps, for the years 1900–2100.
///
/// Years are computed on first use and kept; a `Calendar` is cheap to share
/// between threads.
///
/// ```
/// use chrono::NaiveDate;
/// let cal = dxplan::defaults::rules().calendar.clone();
/// let d = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
/// assert!(!cal.is_working_day(d).unwrap()); // day next to National Day
/// ```
#[derive(Debug)]
pub struct Calendar {
    rules: HolidayRules,
    lunar: LunarCalendar,
    years: Box<[OnceLock<YearDays>]>,
}

impl Clone for Calendar {
    fn clone(&self) -> Self {
        Calendar::new(self.rules.clone())
    }
}

impl Calendar {
    /// A calendar with the given holiday rules.
    ///
    /// ```
    /// let cal = dxplan::Calendar::new(dxplan::HolidayRules::default());
    /// assert!(cal.rules().notice(2025).is_none());
    /// ```
    pub fn new(rules: HolidayRules) -> Self {
        let count = (MAX_YEAR - MIN_YEAR + 1) as usize;
        Calendar {
            rules,
            lunar: LunarCalendar::VIETNAM,
            years: (0..count).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The holiday rules in force.
    ///
    /// ```
    /// assert!(dxplan::defaults::rules().calendar.clone().rules().notice(2025).is_some());
    /// ```
    pub fn rules(&self) -> &HolidayRules {
        &self.rules
    }

    /// Days off of a year other than ordinary weekends, in date order.
    ///
    /// ```
    /// let off = dxplan::defaults::rules().calendar.clone().days_off(2024).unwrap();
    /// assert_eq!(off[0].date.to_string(), "2024-01-01");
    /// ```
    pub fn days_off(&self, year: i32) -> Result<Vec<DayOff>> {
        Ok(self.year(year)?.days_off.clone())
    }

    /// Weekend days that are working days because of swaps, in date order.
    ///
    /// ```
    /// // Công văn 2450/VPCP-KGVX: Saturday 4/5/2024 worked for Monday 29/4.
    /// let worked = dxplan::defaults::rules().calendar.working_weekend_days(2024).unwrap();
    /// assert_eq!(worked[0].date.to_string(), "2024-05-04");
    /// assert!(dxplan::defaults::rules().calendar.working_weekend_days(2023).unwrap().is_empty());
    /// ```
    pub fn working_weekend_days(&self, year: i32) -> Result<Vec<WorkingWeekendDay>> {
        Ok(self.year(year)?.working_weekend.clone())
    }

    /// The days off and worked weekend days of a year, together.
    ///
    /// ```
    /// let y = dxplan::defaults::rules().calendar.clone().year_days(2025).unwrap();
    /// // Notice of the Ministry of Home Affairs: Saturday 26/04/2025 worked for Friday 02/05/2025.
    /// assert_eq!(y.working_weekend_days[0].date.to_string(), "2025-04-26");
    /// ```
    pub fn year_days(&self, year: i32) -> Result<YearDaysOff> {
        let days = self.year(year)?;
        let notices = match self.rules.notice(year) {
            Some(n) if n.documents.is_empty() => vec![n.source.clone()],
            Some(n) => n.documents.clone(),
            None => Vec::new(),
        };
        Ok(YearDaysOff {
            year,
            days_off: days.days_off.clone(),
            working_weekend_days: days.working_weekend.clone(),
            labour_code: LabourCode::in_force_on(
                NaiveDate::from_ymd_opt(year, 9, 2).unwrap_or(NaiveDate::MIN),
            ),
            notices,
            provisional: self.provisional(year)?,
        })
    }

    /// Why the days off of `year` are only provisional ("dự kiến"), or
    /// `None` when a government notice has been declared for it.
    ///
    /// ```
    /// let cal = &dxplan::defaults::rules().calendar;
    /// assert!(cal.provisional(2024).unwrap().is_none()); // rules/2024.rhai
    /// assert!(cal.provisional(2026).unwrap().unwrap().vi.contains("dự kiến"));
    /// ```
    pub fn provisional(&self, year: i32) -> Result<Option<Text>> {
        check_year(year)?;
        let mut vi = Vec::new();
        let mut en = Vec::new();
        if self.rules.notice(year).is_none() {
            vi.push(format!(
                "chưa có thông báo nghỉ lễ, Tết năm {year}: ngày nghỉ Tết, ngày nghỉ liền kề Quốc khánh và việc hoán đổi ngày làm việc là dự kiến theo cách tính mặc định"
            ));
            en.push(format!(
                "no holiday notice for {year} has been declared: Tết, the day next to National Day and any day swaps are provisional, by the documented default"
            ));
        }
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let start = LabourCode::unmodelled_before();
        if first < start {
            vi.push(format!(
                "trước ngày {} (ngày {} có hiệu lực), ngày nghỉ vẫn được tính theo Bộ luật này chứ không theo luật khi đó",
                format_date(start),
                LabourCode::Code2012.name().vi
            ));
            en.push(format!(
                "before {} (when the {} took effect) the days are still computed by that code, not by the law of the time",
                format_date(start),
                LabourCode::Code2012.name().en
            ));
        }
        if vi.is_empty() {
            return Ok(None);
        }
        Ok(Some(Text::new(
            upper_first(&vi.join("; ")),
            upper_first(&en.join("; ")),
        )))
    }

    /// Whether `date` is a working day, and why not.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = dxplan::defaults::rules().calendar.clone().check_day(NaiveDate::from_ymd_opt(2025, 9, 2).unwrap()).unwrap();
    /// assert!(!d.is_working_day);
    /// assert_eq!(d.reason.unwrap().vi, "Quốc khánh (2/9)");
    /// ```
    pub fn check_day(&self, date: NaiveDate) -> Result<DayCheck> {
        let reason = self.day_off_reason(date)?;
        Ok(DayCheck {
            date,
            is_working_day: reason.is_none(),
            reason,
            provisional: self.is_provisional(date)?,
        })
    }

    /// Whether the status of `date` follows the documented default rather
    /// than a notice: its year has no declared notice, it is before the 2012
    /// code, or it is a provisional day off.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = &dxplan::defaults::rules().calendar;
    /// assert!(!cal.is_provisional(NaiveDate::from_ymd_opt(2024, 2, 8).unwrap()).unwrap());
    /// assert!(cal.is_provisional(NaiveDate::from_ymd_opt(2026, 2, 16).unwrap()).unwrap());
    /// ```
    pub fn is_provisional(&self, date: NaiveDate) -> Result<bool> {
        check_date(date)?;
        if self.rules.notice(date.year()).is_none() || date < LabourCode::unmodelled_before() {
            return Ok(true);
        }
        let days = self.year(date.year())?;
        Ok(days
            .days_off
            .iter()
            .any(|o| o.date == date && o.provisional))
    }

    /// Whether `date` is a working day of state agencies.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2025, 12, 12).unwrap()).unwrap());
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2025, 12, 14).unwrap()).unwrap());
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        check_date(date)?;
        let days = self.year(date.year())?;
        let i = date.ordinal0() as usize;
        Ok(days.working[i / 64] & (1 << (i % 64)) != 0)
    }

    /// Why `date` is not a working day, or `None` when it is one.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = dxplan::defaults::rules().calendar.clone();
    /// let why = cal.day_off_reason(NaiveDate::from_ymd_opt(2025, 12, 14).unwrap()).unwrap();
    /// assert_eq!(why.unwrap().en, "Sunday (weekly rest day)");
    /// ```
    pub fn day_off_reason(&self, date: NaiveDate) -> Result<Option<Text>> {
        if self.is_working_day(date)? {
            return Ok(None);
        }
        let days = self.year(date.year())?;
        if let Some(off) = days.days_off.iter().find(|o| o.date == date) {
            return Ok(Some(off.name.clone()));
        }
        Ok(Some(match date.weekday() {
            Weekday::Sat => Text::new("Thứ Bảy (nghỉ hằng tuần)", "Saturday (weekly rest day)"),
            _ => Text::new("Chủ Nhật (nghỉ hằng tuần)", "Sunday (weekly rest day)"),
        }))
    }

    fn year(&self, year: i32) -> Result<&YearDays> {
        check_year(year)?;
        let slot = &self.years[(year - MIN_YEAR) as usize];
        Ok(slot.get_or_init(|| self.compute_year(year)))
    }

    /// The computed (default) days of each holiday of a year, under the
    /// Labour Code in force on each day. The flag is set on the days a
    /// government notice decides (Tết, the day next to National Day).
    fn default_days(&self, year: i32) -> Vec<DefaultDay> {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(year, m, day).unwrap_or(NaiveDate::MIN);
        let fixed = |group: HolidayGroup, date: NaiveDate, name: Text| DefaultDay {
            group,
            date,
            name,
            by_notice: false,
        };
        let mut out = vec![fixed(
            HolidayGroup::NewYear,
            d(1, 1),
            HolidayGroup::NewYear.name(),
        )];
        if let Ok(tet) = self.lunar.tet(year) {
            let last_day = tet - Duration::days(1);
            out.push(DefaultDay {
                group: HolidayGroup::Tet,
                date: last_day,
                name: Text::new(
                    "Tết Âm lịch – ngày cuối năm âm lịch",
                    "Lunar New Year – last day of the lunar year",
                ),
                by_notice: true,
            });
            for i in 0..4 {
                out.push(DefaultDay {
                    group: HolidayGroup::Tet,
                    date: tet + Duration::days(i),
                    name: Text::new(
                        format!("Tết Âm lịch – mùng {}", i + 1),
                        format!("Lunar New Year – day {}", i + 1),
                    ),
                    by_notice: true,
                });
            }
        }
        if let Ok(hung) = self.lunar.to_solar(LunarDate::new(year, 3, 10)) {
            out.push(fixed(
                HolidayGroup::HungKings,
                hung,
                Text::new(
                    "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
                    "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
                ),
            ));
        }
        out.push(fixed(
            HolidayGroup::Reunification,
            d(4, 30),
            HolidayGroup::Reunification.name(),
        ));
        out.push(fixed(
            HolidayGroup::LabourDay,
            d(5, 1),
            HolidayGroup::LabourDay.name(),
        ));
        let national = d(9, 2);
        out.push(fixed(
            HolidayGroup::NationalDay,
            national,
            Text::new("Quốc khánh (2/9)", "National Day (2 September)"),
        ));
        // Labour Code 2019 art. 112(1)(đ): "02 ngày (ngày 02 tháng 9 dương
        // lịch và 01 ngày liền kề trước hoặc sau)"; the 2012 code gave 2/9 only.
        if LabourCode::in_force_on(national).national_day_days() == 2 {
            let adjacent = match national.weekday() {
                Weekday::Tue | Weekday::Fri | Weekday::Sat => d(9, 1),
                _ => d(9, 3),
            };
            out.push(DefaultDay {
                group: HolidayGroup::NationalDay,
                date: adjacent,
                name: Text::new("Quốc khánh – ngày liền kề", "National Day – adjacent day"),
                by_notice: true,
            });
        }
        out
    }

    /// The name of a day off a notice declares: Tết days by their lunar
    /// date ("29 tháng Chạp", "mùng 3"), 2/9 as itself, the rest by holiday.
    fn notice_day_name(&self, group: HolidayGroup, date: NaiveDate) -> Text {
        match group {
            HolidayGroup::Tet => match self.lunar.to_lunar(date) {
                Ok(l) if l.month == 12 && !l.leap => Text::new(
                    format!("Tết Âm lịch – {} tháng Chạp", l.day),
                    format!("Lunar New Year – day {} of the 12th lunar month", l.day),
                ),
                Ok(l) if l.month == 1 && !l.leap => Text::new(
                    format!("Tết Âm lịch – mùng {}", l.day),
                    format!("Lunar New Year – day {}", l.day),
                ),
                _ => group.name(),
            },
            HolidayGroup::NationalDay if date.month() == 9 && date.day() == 2 => {
                Text::new("Quốc khánh (2/9)", "National Day (2 September)")
            }
            HolidayGroup::NationalDay => Text::new(
                "Quốc khánh – ngày nghỉ theo thông báo",
                "National Day – day off by notice",
            ),
            _ => group.name(),
        }
    }

    fn compute_year(&self, year: i32) -> YearDays {
        let notice = self.rules.notice(year);
        let is_weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        let mut off: BTreeMap<NaiveDate, DayOff> = BTreeMap::new();
        let mut to_compensate = Vec::new();

        let unmodelled = |d: NaiveDate| d < LabourCode::unmodelled_before();
        for day in self.default_days(year) {
            let DefaultDay {
                group, date, name, ..
            } = day;
            if notice.is_some_and(|n| n.days.contains_key(&group)) {
                continue;
            }
            let provisional = day.by_notice || unmodelled(date);
            if is_weekend(date) {
                to_compensate.push((group, date, provisional));
            }
            off.entry(date).or_insert(DayOff {
                date,
                reason: DayOffReason::Holiday,
                group: Some(group),
                name,
                on_weekend: is_weekend(date),
                source: group.source(LabourCode::in_force_on(date)),
                provisional,
            });
        }
        if let Some(n) = notice {
            for (group, days) in &n.days {
                for &date in days.iter().filter(|d| d.year() == year) {
                    off.insert(
                        date,
                        DayOff {
                            date,
                            reason: DayOffReason::Holiday,
                            group: Some(*group),
                            name: self.notice_day_name(*group, date),
                            on_weekend: is_weekend(date),
                            source: format!(
                                "{}; {}",
                                group.source(LabourCode::in_force_on(date)),
                                n.sources.get(group).unwrap_or(&n.source)
                            ),
                            provisional: unmodelled(date),
                        },
                    );
                }
            }
        }
        // Swaps are applied before compensation so that a compensatory day
        // never lands on a day already given off.
        let mut working_weekend = Vec::new();
        if let Some(n) = notice {
            for s in &n.swaps {
                if s.day_off.year() == year {
                    off.entry(s.day_off).or_insert(DayOff {
                        date: s.day_off,
                        reason: DayOffReason::Swap,
                        group: None,
                        name: Text::new(
                            format!(
                                "Nghỉ hoán đổi (làm bù ngày {})",
                                s.worked_day.format("%d/%m/%Y")
                            ),
                            format!(
                                "Swapped day off (worked on {})",
                                s.worked_day.format("%d/%m/%Y")
                            ),
                        ),
                        on_weekend: is_weekend(s.day_off),
                        source: swap_source(s, n),
                        provisional: unmodelled(s.day_off),
                    });
                }
                if s.worked_day.year() == year {
                    working_weekend.push(WorkingWeekendDay {
                        date: s.worked_day,
                        in_exchange_for: s.day_off,
                        source: swap_source(s, n),
                    });
                }
            }
        }
        let worked: Vec<NaiveDate> = working_weekend.iter().map(|w| w.date).collect();
        // Art. 111(3): each holiday on a weekend is compensated on the next
        // day that is neither a weekend nor already off. Tết is the
        // exception (its days are the government's choice, art. 112(3)): the
        // default moves a Tết day on a Saturday to the working day before and
        // one on a Sunday to the working day after, as every notice of
        // 2020–2025 did (DESIGN.md, Decision 33).
        for (group, date, provisional) in to_compensate {
            let back = group == HolidayGroup::Tet && date.weekday() == Weekday::Sat;
            let step = Duration::days(if back { -1 } else { 1 });
            let mut c = date + step;
            while (is_weekend(c) && !worked.contains(&c)) || off.contains_key(&c) {
                c += step;
            }
            if c.year() != year {
                continue;
            }
            let source = if group == HolidayGroup::Tet {
                format!(
                    "{} điểm b; cách tính mặc định: ngày Tết trùng thứ Bảy nghỉ vào ngày làm việc liền trước, trùng Chủ Nhật vào ngày làm việc liền sau",
                    LabourCode::in_force_on(date).holiday_clause()
                )
            } else {
                LabourCode::in_force_on(date)
                    .compensation_clause()
                    .to_string()
            };
            off.insert(
                c,
                DayOff {
                    date: c,
                    reason: DayOffReason::Compensatory,
                    group: Some(group),
                    name: Text::new(
                        format!(
                            "Nghỉ bù {} ({})",
                            lower_first(&group.name().vi),
                            date.format("%d/%m")
                        ),
                        format!(
                            "Compensatory day for {} ({})",
                            group.name().en,
                            date.format("%d/%m")
                        ),
                    ),
                    on_weekend: false,
                    source,
                    provisional,
                },
            );
        }

        let mut working = [0u64; 6];
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        for date in first.iter_days().take_while(|d| d.year() == year) {
            let works = if off.contains_key(&date) {
                false
            } else {
                !is_weekend(date) || worked.contains(&date)
            };
            if works {
                let i = date.ordinal0() as usize;
                working[i / 64] |= 1 << (i % 64);
            }
        }
        working_weekend.sort_by_key(|w| w.date);
        YearDays {
            days_off: off.into_values().collect(),
            working_weekend,
            working,
        }
    }
}

/// A swap's own source, or its notice's.
fn swap_source(s: &Swap, n: &YearNotice) -> String {
    if s.source.is_empty() {
        n.source.clone()
    } else {
        s.source.clone()
    }
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The 2025 notice as DOMAIN.md gives it: "2025: Tết 25/1–2/2; 30/4–4/5
    /// with Saturday 26/4 worked in exchange for Friday 2/5; National Day
    /// 30/8–2/9." (The shipped rules declare it in rules/2025.rhai; the
    /// workspace tests check those.)
    fn notice_2025() -> HolidayRules {
        let mut rules = HolidayRules::without_notices();
        let days = |a: NaiveDate, b: NaiveDate| a.iter_days().take_while(|d| *d <= b).collect();
        let n = rules.notice_mut(2025, "DOMAIN.md, Labour Code 2019 art. 112");
        n.days
            .insert(HolidayGroup::Tet, days(ymd(2025, 1, 25), ymd(2025, 2, 2)));
        n.days.insert(
            HolidayGroup::NationalDay,
            days(ymd(2025, 8, 30), ymd(2025, 9, 2)),
        );
        n.swaps.push(Swap {
            day_off: ymd(2025, 5, 2),
            worked_day: ymd(2025, 4, 26),
            source: String::new(),
        });
        rules
    }

    #[test]
    fn a_year_notice_replaces_the_computed_days_off() {
        let cal = Calendar::new(notice_2025());
        for d in ymd(2025, 1, 25).iter_days().take(9) {
            assert!(!cal.is_working_day(d).unwrap(), "{d}");
        }
        assert!(cal.is_working_day(ymd(2025, 1, 24)).unwrap());
        assert!(cal.is_working_day(ymd(2025, 2, 3)).unwrap());
        for d in ymd(2025, 4, 30).iter_days().take(5) {
            assert!(!cal.is_working_day(d).unwrap(), "{d}");
        }
        assert!(cal.is_working_day(ymd(2025, 4, 26)).unwrap());
        for d in ymd(2025, 8, 30).iter_days().take(4) {
            assert!(!cal.is_working_day(d).unwrap(), "{d}");
        }
        assert!(cal.is_working_day(ymd(2025, 9, 3)).unwrap());
        // Hùng Kings 2025: 07/04 (DOMAIN.md check value), a Monday.
        assert!(!cal.is_working_day(ymd(2025, 4, 7)).unwrap());
    }

    #[test]
    fn compensation_for_holidays_on_weekends() {
        let cal = Calendar::new(HolidayRules::without_notices());
        // 2023: 2/9 is a Saturday, 1/9 Friday is the adjacent day, Monday 4/9 compensates.
        let off = cal.days_off(2023).unwrap();
        let comp: Vec<_> = off
            .iter()
            .filter(|o| o.reason == DayOffReason::Compensatory)
            .map(|o| o.date)
            .collect();
        assert!(comp.contains(&ymd(2023, 9, 4)), "{comp:?}");
        assert!(!cal.is_working_day(ymd(2023, 9, 1)).unwrap());
        // 2022: 1/1 is a Saturday, compensated on Monday 3/1.
        assert!(!cal.is_working_day(ymd(2022, 1, 3)).unwrap());
        // 2024: Tết 10/2 is a Saturday; 9/2 (last day of the lunar year) to 13/2
        // are Tết, mùng 1 on Saturday moves to Thursday 8/2, mùng 2 on Sunday
        // to Wednesday 14/2: 8–14/2, as Công văn 8662/VPCP-KGVX gave it.
        for d in ymd(2024, 2, 8).iter_days().take(7) {
            assert!(!cal.is_working_day(d).unwrap(), "{d}");
        }
        assert!(cal.is_working_day(ymd(2024, 2, 7)).unwrap());
        assert!(cal.is_working_day(ymd(2024, 2, 15)).unwrap());
    }

    #[test]
    fn holiday_days_follow_the_labour_code_in_force() {
        // Labour Code 2019 art. 112(1): 1 + 5 + 1 + 1 + 1 + 2 = 11 days, from
        // 01/01/2021; Labour Code 2012 art. 115(1): National Day one day, 10.
        let cal = Calendar::new(HolidayRules::default());
        for (y, n) in [
            (1900, 10),
            (1985, 10),
            (2020, 10),
            (2021, 11),
            (2024, 11),
            (2100, 11),
        ] {
            let count = cal
                .days_off(y)
                .unwrap()
                .iter()
                .filter(|o| o.reason == DayOffReason::Holiday)
                .count();
            assert_eq!(count, n, "{y}");
        }
        // 2/9/2020 is a Wednesday: under the 2012 code, Thursday 3/9/2020 is worked.
        assert!(cal.is_working_day(ymd(2020, 9, 3)).unwrap());
        assert!(!cal.is_working_day(ymd(2020, 9, 2)).unwrap());
        assert_eq!(
            cal.year_days(2020).unwrap().labour_code,
            LabourCode::Code2012
        );
        let source = &cal.days_off(2020).unwrap()[0].source;
        assert_eq!(source, "Bộ luật Lao động 2012, Điều 115 khoản 1 điểm a");
    }

    #[test]
    fn a_year_without_a_notice_is_provisional() {
        let cal = Calendar::new(notice_2025());
        let y2026 = cal.year_days(2026).unwrap();
        assert!(y2026.notices.is_empty());
        assert!(y2026.provisional.unwrap().vi.contains("dự kiến"));
        // Tết days and the day next to 2/9 are the default's choice; 1/1 is the law's.
        let off = &y2026.days_off;
        let tet: Vec<_> = off
            .iter()
            .filter(|o| o.group == Some(HolidayGroup::Tet))
            .collect();
        assert!(tet.iter().all(|o| o.provisional), "{tet:?}");
        assert!(!off[0].provisional, "{:?}", off[0]);
        assert!(cal.check_day(ymd(2026, 7, 15)).unwrap().provisional);
        // 2025 has its notice: nothing is provisional.
        let y2025 = cal.year_days(2025).unwrap();
        assert!(y2025.provisional.is_none());
        assert!(y2025.days_off.iter().all(|o| !o.provisional));
        assert!(!cal.check_day(ymd(2025, 7, 15)).unwrap().provisional);
        // Before the 2012 code: provisional whatever the notices.
        assert!(cal
            .provisional(2012)
            .unwrap()
            .unwrap()
            .vi
            .contains("01/05/2013"));
    }

    /// The documented default, without any notice, gives the same Tết
    /// working days as every notice of 2020–2025 did (the notices' ranges as
    /// rules/2020.rhai … 2025.rhai declare them), and the same day next to
    /// National Day as 2021–2025.
    #[test]
    fn the_default_reproduces_the_notices_2020_to_2025() {
        let cal = Calendar::new(HolidayRules::without_notices());
        let weekdays = |a: NaiveDate, b: NaiveDate| -> Vec<NaiveDate> {
            a.iter_days()
                .take_while(|d| *d <= b)
                .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
                .collect()
        };
        let tet = [
            (ymd(2020, 1, 23), ymd(2020, 1, 29)), // Thông báo 4544/TB-LĐTBXH
            (ymd(2021, 2, 10), ymd(2021, 2, 16)), // Công văn 9895/VPCP-KGVX
            (ymd(2022, 1, 31), ymd(2022, 2, 4)),  // Công văn 245/VPCP-KGVX
            (ymd(2023, 1, 20), ymd(2023, 1, 26)), // Công văn 8056/VPCP-KGVX
            (ymd(2024, 2, 8), ymd(2024, 2, 14)),  // Công văn 8662/VPCP-KGVX
            (ymd(2025, 1, 25), ymd(2025, 2, 2)),  // Công văn 8726/VPCP-KGVX
        ];
        for (a, b) in tet {
            let default: Vec<NaiveDate> = cal
                .days_off(a.year())
                .unwrap()
                .iter()
                .filter(|o| o.group == Some(HolidayGroup::Tet) && !o.on_weekend)
                .map(|o| o.date)
                .collect();
            assert_eq!(default, weekdays(a, b), "Tết {}", a.year());
        }
        let national = [
            (2021, ymd(2021, 9, 3)),
            (2022, ymd(2022, 9, 1)),
            (2023, ymd(2023, 9, 1)),
            (2024, ymd(2024, 9, 3)),
            (2025, ymd(2025, 9, 1)),
        ];
        for (y, adjacent) in national {
            assert!(!cal.is_working_day(adjacent).unwrap(), "{y}");
        }
    }
}
