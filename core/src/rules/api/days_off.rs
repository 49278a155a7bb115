//! Days off as the government notices give them: `nghi_le`, `hoan_doi`.

use super::{changes, date, invalid, source, unknown, Shared};
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
            let nguon = source(&nguon)?.text();
            let g = holiday_group(group)?;
            let (a, b) = (date(first)?, date(last)?);
            if a.year() != b.year() || b < a {
                return Err(invalid(
                    format!("Khoảng nghỉ {first}–{last} phải trong cùng một năm, ngày đầu trước ngày cuối"),
                    format!("the days off {first}–{last} must be in one year, first before last"),
                ));
            }
            st.not_before_script_year(a.year(), ("ngày nghỉ", "days off"))?;
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
            let nguon = source(&nguon)?.text();
            let (a, b) = (date(off)?, date(worked)?);
            let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            if weekend(a) || !weekend(b) {
                return Err(invalid(
                    format!("Hoán đổi: {off} phải là ngày làm việc và {worked} phải là thứ Bảy hoặc Chủ Nhật"),
                    format!("swap: {off} must be a weekday and {worked} a Saturday or Sunday"),
                ));
            }
            st.not_before_script_year(a.year().min(b.year()), ("ngày nghỉ", "days off"))?;
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
