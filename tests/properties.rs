//! Property tests: invariants of the calendar that must hold for every input.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, NaiveDate};
use dxplan::{
    status, Boundary, Calendar, DeadlinePolicy, LunarCalendar, NonWorkingDayRule, Period,
    SubmissionStatus,
};
use proptest::prelude::*;

fn cal() -> &'static Calendar {
    &dxplan::defaults::rules().calendar
}

/// Any day of 1902–2098: the supported range 1900–2100 less room for the
/// ±400 working days (≈ 1.6 years) the arithmetic properties add.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1902, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2098, 12, 31).unwrap();
    (0..=(last - first).num_days()).prop_map(move |d| first + Duration::days(d))
}

fn any_policy() -> impl Strategy<Value = DeadlinePolicy> {
    (
        prop_oneof![Just(Boundary::Exclusive), Just(Boundary::Inclusive)],
        prop_oneof![
            Just(NonWorkingDayRule::Keep),
            Just(NonWorkingDayRule::RollForward),
            Just(NonWorkingDayRule::PullBack)
        ],
    )
        .prop_map(|(boundary, non_working_day)| DeadlinePolicy {
            boundary,
            non_working_day,
        })
}

/// Fixed seed: CI runs the same 400 cases every time (a failure is reproducible
/// from the seed alone). Change the seed locally to explore other cases.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 400,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20_251_215),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn adding_working_days_never_lands_on_a_day_off(d in any_date(), n in prop_oneof![-400i64..=-1, 1i64..=400]) {
        let r = cal().add_working_days(d, n).unwrap();
        prop_assert!(cal().is_working_day(r).unwrap());
        prop_assert_eq!(r > d, n > 0);
    }

    #[test]
    fn add_then_count_round_trips(d in any_date(), n in 0i64..=400) {
        let r = cal().add_working_days(d, n).unwrap();
        prop_assert_eq!(cal().working_days_between(d, r).unwrap(), n);
    }

    #[test]
    fn subtract_then_count_round_trips_from_a_working_day(d in any_date(), n in 1i64..=400) {
        let start = cal().working_day_on_or_after(d).unwrap();
        let r = cal().add_working_days(start, -n).unwrap();
        prop_assert_eq!(cal().working_days_between(start, r).unwrap(), -n);
    }

    #[test]
    fn counting_is_additive(a in any_date(), x in 0i64..200, y in 0i64..200) {
        let b = a + Duration::days(x);
        let c = b + Duration::days(y);
        let ab = cal().working_days_between(a, b).unwrap();
        let bc = cal().working_days_between(b, c).unwrap();
        prop_assert_eq!(ab + bc, cal().working_days_between(a, c).unwrap());
        prop_assert!(ab <= x);
    }

    #[test]
    fn next_working_day_skips_only_days_off(d in any_date()) {
        let n = cal().next_working_day(d).unwrap();
        prop_assert!(n > d && cal().is_working_day(n).unwrap());
        let mut x = d + Duration::days(1);
        while x < n {
            prop_assert!(!cal().is_working_day(x).unwrap());
            x += Duration::days(1);
        }
    }

    #[test]
    fn lunar_round_trip(d in any_date()) {
        let vn = LunarCalendar::VIETNAM;
        let l = vn.to_lunar(d).unwrap();
        prop_assert_eq!(vn.to_solar(l).unwrap(), d);
        prop_assert!((1..=12).contains(&l.month) && (1..=30).contains(&l.day));
    }

    #[test]
    fn period_ids_round_trip(year in 1900i32..=2100, kind in 0u8..5, n in 1u32..=53) {
        let p = match kind {
            0 => Period::month(year, (n - 1) % 12 + 1),
            1 => Period::quarter(year, (n - 1) % 4 + 1),
            2 => Period::half_year(year, (n - 1) % 2 + 1),
            3 => Period::year(year),
            _ => Period::week(year, n),
        };
        if let Ok(p) = p {
            prop_assert_eq!(p.id().parse::<Period>().unwrap(), p);
            prop_assert!(p.start() <= p.end());
            let w = p.data_window();
            prop_assert!(w.start <= w.end);
        }
    }

    #[test]
    fn deadline_dates_follow_the_policy(policy in any_policy(), year in 2022i32..=2030) {
        let plans = dxplan::defaults::rules().plans.clone().with_policy(policy);
        for o in plans.obligations(cal(), year).unwrap() {
            if o.policy != policy {
                continue; // a rule with its own policy (none in the yearly plans today)
            }
            let expected_last = match policy.boundary {
                Boundary::Exclusive => o.due_before - Duration::days(1),
                Boundary::Inclusive => o.due_before,
            };
            prop_assert_eq!(o.last_on_time_day, expected_last);
            prop_assert!(o.by_rule.pull_back <= o.by_rule.keep && o.by_rule.keep <= o.by_rule.roll_forward);
            prop_assert!(cal().is_working_day(o.by_rule.pull_back).unwrap());
            prop_assert!(cal().is_working_day(o.by_rule.roll_forward).unwrap());
            prop_assert_eq!(o.last_day_is_working_day, o.by_rule.roll_forward == o.by_rule.pull_back);
            prop_assert_eq!(o.deadline, o.by_rule.get(policy.non_working_day));
        }
    }

    #[test]
    fn status_agrees_with_the_deadline(offset in -60i64..60, submitted in proptest::bool::ANY) {
        let plans = dxplan::defaults::rules().plans.clone();
        for o in plans.obligations(cal(), 2025).unwrap() {
            let day = o.deadline + Duration::days(offset);
            let s = status(cal(), &o, submitted.then_some(day), day).unwrap();
            let ok = match s.status {
                SubmissionStatus::OnTime { days_early, .. } => submitted && offset <= 0 && days_early == -offset,
                SubmissionStatus::Late { days_late, .. } => submitted && offset > 0 && days_late == offset,
                SubmissionStatus::Overdue { days_late, .. } => !submitted && offset > 0 && days_late == offset,
                SubmissionStatus::Due { days_left, .. } | SubmissionStatus::NotYetDue { days_left, .. } => {
                    !submitted && offset <= 0 && days_left == -offset
                }
            };
            prop_assert!(ok, "{:?} for {} at offset {}", s.status, o.id, offset);
        }
    }
}

mod kpi {
    use super::config;
    use dxplan::kpi::input::RawValue;
    use dxplan::kpi::{
        consolidate, evaluate, AdminLevel, Catalog, ConsolidationInput, Exact, UnitInput,
    };
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn catalog() -> &'static Catalog {
        &dxplan::defaults::rules().catalog
    }

    fn unit(i: usize, online: u32, total: u32, news: u32) -> UnitInput {
        let mut values = BTreeMap::new();
        values.insert(
            "dossiers_full_online".to_string(),
            RawValue::Number(Exact::int(i64::from(online))),
        );
        values.insert(
            "dossiers_total".to_string(),
            RawValue::Number(Exact::int(i64::from(total))),
        );
        values.insert(
            "dx_news_items".to_string(),
            RawValue::Number(Exact::int(i64::from(news))),
        );
        UnitInput {
            unit: format!("u{i}"),
            level: AdminLevel::Commune,
            period: dxplan::Period::Year { year: 2025 },
            values,
        }
    }

    fn units() -> impl Strategy<Value = Vec<(u32, u32, u32)>> {
        prop::collection::vec((0u32..500, 1u32..500, 0u32..40), 1..30)
            .prop_map(|v| v.into_iter().map(|(a, b, n)| (a.min(b), b, n)).collect())
    }

    proptest! {
        #![proptest_config(config())]

        /// A consolidated rate is Σ numerators / Σ denominators, exactly.
        #[test]
        fn consolidated_rate_is_the_sum_of_its_parts(parts in units()) {
            let input = ConsolidationInput {
                unit: None,
                level: AdminLevel::City,
                period: dxplan::Period::Year { year: 2025 },
                expected_units: Vec::new(),
                units: parts.iter().enumerate().map(|(i, &(a, b, n))| unit(i, a, b, n)).collect(),
            };
            let c = consolidate(catalog(), &input, &["city-2025"], None);
            let r = c.results.iter().find(|r| r.id() == "full_online_dossiers_rate").unwrap();
            let num: i128 = parts.iter().map(|p| i128::from(p.0)).sum();
            let den: i128 = parts.iter().map(|p| i128::from(p.1)).sum();
            prop_assert_eq!(r.value.unwrap(), Exact::ratio(num * 100, den).unwrap());
            prop_assert_eq!(r.contributing_units, Some(parts.len()));
            // News items are per unit: the consolidated value is the weakest unit's.
            let news = c.results.iter().find(|r| r.id() == "dx_news_items").unwrap();
            let min = parts.iter().map(|p| p.2).min().unwrap();
            prop_assert_eq!(news.value.unwrap(), Exact::int(i64::from(min)));
        }

        /// Evaluation never changes its input, and never reports a value it could not compute.
        #[test]
        fn evaluation_does_not_mutate_its_input(a in -5i64..600, b in -5i64..600, flag in proptest::bool::ANY) {
            let mut values = BTreeMap::new();
            values.insert("dossiers_full_online".to_string(), RawValue::Number(Exact::int(a)));
            values.insert("dossiers_total".to_string(), RawValue::Number(Exact::int(b)));
            values.insert("unit_has_dx_focal_point".to_string(), RawValue::Bool(flag));
            let input = UnitInput { unit: "x".into(), level: AdminLevel::Commune, period: dxplan::Period::Year { year: 2025 }, values };
            let before = input.clone();
            let ev = evaluate(catalog(), &input, &[]);
            prop_assert_eq!(&input, &before);
            for r in &ev.results {
                prop_assert_eq!(r.value.is_some(), r.status != dxplan::kpi::KpiStatus::NotComputable);
            }
        }
    }
}

mod forms {
    use super::config;
    use chrono::NaiveDate;
    use dxplan::defaults;
    use dxplan::validation::Validator;
    use dxplan::ObligationKind;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn example() -> Value {
        dxplan_tests::example_json("reports/valid/quarterly.json")
    }

    /// Any JSON value a form could send: scalars of every kind, small arrays and maps.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e12f64..1e12).prop_map(|f| json!(f)),
            "[0-9/.,a-zđ -]{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A field of the example report (or a new one next to it).
    fn any_pointer() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "/values/dossiers_total",
            "/values/dossiers_full_online",
            "/values/unit_head_leads_dx_plan",
            "/values/new_field",
            "/period",
            "/kind",
            "/plan",
            "/unit/level",
            "/submitted_on",
            "/appendices/news",
            "/appendices/news/0/published_on",
            "/appendices/investments/0/disbursed",
            "/appendices/investments/0/form",
            "/outline/situation/funding",
            "/outline",
            "/extra",
        ])
        .prop_map(str::to_string)
    }

    fn set(report: &mut Value, pointer: &str, value: Value) {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match report.pointer_mut(parent) {
            Some(Value::Object(o)) => {
                o.insert(key.to_string(), value);
            }
            Some(Value::Array(a)) => {
                if let Some(slot) = key.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                    *slot = value;
                }
            }
            _ => {}
        }
    }

    proptest! {
        #![proptest_config(config())]

        /// Whatever a form sends, validation answers (no panic), leaves the
        /// report untouched, gives the same answer twice, and a field check
        /// of the changed field answers at that field.
        #[test]
        fn validation_never_mutates_and_is_deterministic(
            changes in prop::collection::vec((any_pointer(), any_json()), 1..5),
            day in 0u32..400,
        ) {
            let mut report = example();
            for (p, v) in &changes {
                set(&mut report, p, v.clone());
            }
            let before = report.clone();
            let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(u64::from(day));
            let v = Validator::new(defaults::rules());
            let first = serde_json::to_string(&v.validate(&report, today)).unwrap();
            prop_assert_eq!(&report, &before);
            let second = serde_json::to_string(&v.validate(&report, today)).unwrap();
            prop_assert_eq!(first, second);
            let (pointer, value) = &changes[0];
            let field = v.validate_field(ObligationKind::Quarterly, pointer, value, &report, today);
            prop_assert_eq!(&report, &before);
            prop_assert!(field.checked.contains(pointer));
        }
    }
}
