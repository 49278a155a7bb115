//! Benchmark: every obligation and every holiday of 2020–2035, from a cold
//! calendar (holidays and lunar calendar computed from scratch) and a warm one.
//!
//! Run with `cargo bench -p dxplan --bench calendar`; results go to BENCHMARKS.md.

use dxplan::{year_calendar, Calendar, CalendarFilter, Plans};

fn main() {
    divan::main();
}

/// Days off and every obligation (with findings) of 2020–2035.
fn all_years(plans: &Plans, cal: &Calendar) -> usize {
    let mut n = 0;
    for year in 2020..=2035 {
        n += cal.days_off(year).map(|d| d.len()).unwrap_or(0);
        n += year_calendar(plans, cal, year, &CalendarFilter::default())
            .map(|r| r.obligations.len())
            .unwrap_or(0);
    }
    n
}

/// Everything a calendar page of 2020–2035 needs, on a fresh calendar each time.
#[divan::bench]
fn obligations_and_holidays_2020_2035_cold(bencher: divan::Bencher) {
    let plans = dxplan::defaults::rules().plans.clone();
    bencher.bench(|| {
        let cal = dxplan::defaults::rules().calendar.clone();
        divan::black_box(all_years(&plans, &cal))
    });
}

/// The same on a calendar whose years are already computed.
#[divan::bench]
fn obligations_and_holidays_2020_2035_warm(bencher: divan::Bencher) {
    let plans = dxplan::defaults::rules().plans.clone();
    let cal = dxplan::defaults::rules().calendar.clone();
    for year in 2020..=2035 {
        let _ = cal.days_off(year);
    }
    bencher.bench(|| divan::black_box(all_years(&plans, &cal)));
}

/// Tết of every supported year (the lunar calendar alone).
#[divan::bench]
fn tet_1900_2100() -> usize {
    let lunar = dxplan::LunarCalendar::VIETNAM;
    (1900..=2100)
        .filter(|&y| lunar.tet(divan::black_box(y)).is_ok())
        .count()
}

/// The hot path: `is_working_day` for every day of 2025 on a warm calendar (365 calls).
#[divan::bench]
fn is_working_day_365_days(bencher: divan::Bencher) {
    let cal = dxplan::defaults::rules().calendar.clone();
    let first = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let days: Vec<_> = first.iter_days().take(365).collect();
    let _ = cal.is_working_day(first);
    bencher.bench(|| {
        days.iter()
            .filter(|d| cal.is_working_day(divan::black_box(**d)).unwrap_or(false))
            .count()
    });
}
