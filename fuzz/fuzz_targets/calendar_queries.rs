//! Calendar and working-day queries on any dates (inside and outside
//! 1900–2100) and any step: an answer or a diagnostic, never a panic, and the
//! working-day invariants hold, within the memory and time budget.
#![no_main]

use chrono::{Datelike, NaiveDate};
use dxplan::{parse_date, Calendar, Period};
use dxplan_fuzz::{within_budget, Counting};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: Counting = Counting;

/// The calendar of the embedded defaults (Labour Code and the notices of rules/*.rhai).
fn cal() -> &'static Calendar {
    &dxplan::defaults::rules().calendar
}

fuzz_target!(|data: &[u8]| within_budget("calendar queries", || queries(data)));

fn queries(data: &[u8]) {
    if data.len() < 12 {
        return;
    }
    let day = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
    let n = i64::from_le_bytes([
        data[4], data[5], data[6], data[7], data[8], data[9], data[10], data[11],
    ]);
    let text = String::from_utf8_lossy(&data[12..]);
    let _ = parse_date(&text);
    let _ = text.parse::<Period>();
    // Days from 1850 to 2150 around the supported range.
    let Some(date) = NaiveDate::from_ymd_opt(1850, 1, 1).and_then(|d| {
        d.checked_add_days(chrono::Days::new(u64::from(day.unsigned_abs() % 110_000)))
    }) else {
        return;
    };
    let c = cal();
    let _ = c.is_working_day(date);
    let _ = c.day_off_reason(date);
    let _ = c.days_off(date.year());
    let step = n % 5_000;
    if let Ok(after) = c.add_working_days(date, step) {
        if step != 0 {
            assert!(
                c.is_working_day(after).unwrap_or(false),
                "landed on a day off"
            );
        }
        // Counting (from, to] round-trips forwards always, backwards from a
        // working day (Civil Code 2015 art. 147: the first day is not counted).
        if step > 0 || c.is_working_day(date).unwrap_or(false) {
            if let Ok(count) = c.working_days_between(date, after) {
                assert_eq!(count, step, "add and count disagree");
            }
        }
    }
}
