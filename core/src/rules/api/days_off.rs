//! Days off as the government notices give them: `nghi_le`, `hoan_doi`.

use super::{changes, date, invalid, unknown, Shared};
use crate::calendar::date::format_date;
use crate::calendar::holidays::HolidayGroup;
use crate::diagnostic::{Diagnostic, Text};
use chrono::{Datelike, NaiveDate, Weekday};
use rhai::{Dynamic, Engine, NativeCallContext};

/// `nghi_le(…)` (see [`super::SCRIPT_API`]).
pub(super) fn nghi_le(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, group: &str, first: &str, last: &str, nguon: Dynamic| {
            let nguon = st.cite(&nguon)?.text();
            let g = holiday_group(group)?;
            let (a, b) = (date(first)?, date(last)?);
            if a.year() != b.year() || b < a {
                return Err(invalid(
                    format!("Khoảng nghỉ {first}–{last} phải trong cùng một năm, ngày đầu trước ngày cuối"),
                    format!("the days off {first}–{last} must be in one year, first before last"),
                ));
            }
            st.not_before_script_year(a.year(), ("ngày nghỉ", "days off"))?;
            plausible_break(g, a, b)?;
            if let Some(n) = st.rules.holidays.notice(a.year()) {
                if let Some(s) = n.swaps.iter().find(|s| (a..=b).contains(&s.worked_day)) {
                    return Err(both_off_and_worked(s.worked_day));
                }
            }
            let source = format!("{nguon} ({o})");
            let notice = st.rules.holidays.notice_mut(a.year(), &source);
            notice
                .days
                .insert(g, a.iter_days().take_while(|d| *d <= b).collect());
            notice.sources.insert(g, source);
            notice.add_document(&nguon);

            st.record(
                o,
                &a.year().to_string(),
                format!(
                    "nghỉ {} từ {} đến {}",
                    g.name().vi,
                    format_date(a),
                    format_date(b)
                ),
                format!(
                    "{} days off from {} to {}",
                    g.name().en,
                    format_date(a),
                    format_date(b)
                ),
            );
            Ok(())
        }
    )
}

/// `hoan_doi(…)` (see [`super::SCRIPT_API`]).
pub(super) fn hoan_doi(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, off: &str, worked: &str, nguon: Dynamic| {
            let nguon = st.cite(&nguon)?.text();
            let (a, b) = (date(off)?, date(worked)?);
            let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            if weekend(a) || !weekend(b) {
                return Err(invalid(
                    format!("Hoán đổi: {off} phải là ngày làm việc và {worked} phải là thứ Bảy hoặc Chủ Nhật"),
                    format!("swap: {off} must be a weekday and {worked} a Saturday or Sunday"),
                ));
            }
            st.not_before_script_year(a.year().min(b.year()), ("ngày nghỉ", "days off"))?;
            for y in [a.year(), b.year()] {
                let Some(n) = st.rules.holidays.notice(y) else {
                    continue;
                };
                let holiday = |d: NaiveDate| {
                    n.days
                        .iter()
                        .find(|(_, days)| days.contains(&d))
                        .map(|(g, _)| *g)
                };
                if let Some(g) = holiday(a) {
                    return Err(invalid(
                        format!(
                            "Hoán đổi: {} đã là ngày nghỉ {}, không cần làm bù",
                            format_date(a),
                            g.name().vi
                        ),
                        format!(
                            "swap: {} is already a day off ({}), nothing to make up",
                            format_date(a),
                            g.name().en
                        ),
                    ));
                }
                if holiday(b).is_some() {
                    return Err(both_off_and_worked(b));
                }
                if let Some(s) = n.swaps.iter().find(|s| s.day_off == b || s.worked_day == a) {
                    let d = if s.day_off == b { b } else { a };
                    return Err(both_off_and_worked(d));
                }
            }
            let source = format!("{nguon} ({o})");
            // A swap across New Year belongs to both years' notices: each year
            // applies the half (day off or day worked) that falls in it.
            let mut years = vec![a.year(), b.year()];
            years.dedup();
            for y in years {
                st.rules
                    .holidays
                    .notice_mut(y, &source)
                    .add_document(&nguon);
                st.rules.holidays.notice_mut(y, &source).swaps.push(
                    crate::calendar::holidays::Swap {
                        day_off: a,
                        worked_day: b,
                        source: source.clone(),
                    },
                );
            }
            st.record(
                o,
                &a.year().to_string(),
                format!(
                    "nghỉ ngày {}, làm bù ngày {}",
                    format_date(a),
                    format_date(b)
                ),
                format!(
                    "{} off, {} worked in exchange",
                    format_date(a),
                    format_date(b)
                ),
            );
            Ok(())
        }
    )
}

/// The day a holiday is for in `year` (its first day for Tết).
fn anchor(g: HolidayGroup, year: i32) -> Option<NaiveDate> {
    use crate::calendar::lunar::{LunarCalendar, LunarDate};
    match g {
        HolidayGroup::NewYear => NaiveDate::from_ymd_opt(year, 1, 1),
        HolidayGroup::Tet => LunarCalendar::VIETNAM.tet(year).ok(),
        HolidayGroup::HungKings => LunarCalendar::VIETNAM
            .to_solar(LunarDate::new(year, 3, 10))
            .ok(),
        HolidayGroup::Reunification => NaiveDate::from_ymd_opt(year, 4, 30),
        HolidayGroup::LabourDay => NaiveDate::from_ymd_opt(year, 5, 1),
        HolidayGroup::NationalDay => NaiveDate::from_ymd_opt(year, 9, 2),
    }
}

/// Calendar days a break may last: the days the Labour Code 2019 (art. 112)
/// grants plus the weekends and swapped days notices add (Tết 2025 was
/// nine days, 25/1–2/2; Quốc khánh 2025 four, 30/8–2/9).
fn longest_break(g: HolidayGroup) -> i64 {
    match g {
        HolidayGroup::Tet => 12,
        _ => 7,
    }
}

/// A break that makes sense: it contains the day of its holiday and is no
/// longer than notices make such breaks (a month/day mix-up made a 250-day
/// Tết, issue 15).
fn plausible_break(g: HolidayGroup, a: NaiveDate, b: NaiveDate) -> Result<(), Diagnostic> {
    let days = (b - a).num_days() + 1;
    if let Some(day) = anchor(g, a.year()) {
        if !(a..=b).contains(&day) {
            return Err(invalid(
                format!(
                    "Khoảng nghỉ {} {}–{} không chứa ngày {} ({}): có nhầm ngày với tháng không?",
                    g.name().vi,
                    format_date(a),
                    format_date(b),
                    format_date(day),
                    if g == HolidayGroup::Tet {
                        "mùng 1 Tết"
                    } else {
                        "ngày lễ"
                    }
                ),
                format!(
                    "the {} break {}–{} does not contain {}: are the day and month swapped?",
                    g.name().en,
                    format_date(a),
                    format_date(b),
                    format_date(day)
                ),
            )
            .with_hint(Text::new(
                "Ngày viết yyyy-mm-dd (2027-02-04) hoặc dd/mm/yyyy (04/02/2027).",
                "Dates are yyyy-mm-dd (2027-02-04) or dd/mm/yyyy (04/02/2027).",
            )));
        }
    }
    let most = longest_break(g);
    if days > most {
        return Err(invalid(
            format!(
                "Khoảng nghỉ {} dài {days} ngày (tối đa {most} ngày kể cả cuối tuần và ngày hoán đổi)",
                g.name().vi
            ),
            format!(
                "the {} break is {days} days long (at most {most}, weekends and swapped days included)",
                g.name().en
            ),
        ));
    }
    Ok(())
}

fn both_off_and_worked(d: NaiveDate) -> Diagnostic {
    invalid(
        format!(
            "Ngày {} vừa là ngày nghỉ vừa là ngày làm bù",
            format_date(d)
        ),
        format!("{} is both a day off and a day worked", format_date(d)),
    )
}

fn holiday_group(text: &str) -> Result<HolidayGroup, Diagnostic> {
    Ok(match text.trim() {
        "tet_duong_lich" | "new_year" => HolidayGroup::NewYear,
        "tet" | "tet_am_lich" => HolidayGroup::Tet,
        "gio_to" | "hung_kings" => HolidayGroup::HungKings,
        "30_4" | "reunification" => HolidayGroup::Reunification,
        "1_5" | "labour_day" => HolidayGroup::LabourDay,
        "quoc_khanh" | "national_day" => HolidayGroup::NationalDay,
        other => {
            return Err(unknown(
                "ngày lễ",
                "holiday",
                other,
                Text::new(
                    "Ngày lễ: tet_duong_lich, tet, gio_to, 30_4, 1_5, quoc_khanh.",
                    "Holidays: tet_duong_lich, tet, gio_to, 30_4, 1_5, quoc_khanh.",
                ),
            ))
        }
    })
}
