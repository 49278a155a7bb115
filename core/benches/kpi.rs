//! Benchmark: KPI consolidation of many unit reports × every indicator that
//! applies to communes, natively. Results go to BENCHMARKS.md (`bash scripts/bench.sh`).
//!
//! Each synthetic unit reports every input of every commune-level indicator,
//! with valid values (numerators ≤ denominators), so every indicator is computed.

use dxplan::kpi::input::RawValue;
use dxplan::kpi::{
    consolidate, consolidate_totals, AdminLevel, Catalog, ConsolidationInput, Exact, Formula,
    InputKind, UnitInput,
};
use std::collections::{BTreeMap, BTreeSet};

fn main() {
    divan::main();
}

fn units(catalog: &Catalog, n: usize) -> ConsolidationInput {
    let period = "2025"
        .parse()
        .unwrap_or(dxplan::Period::Year { year: 2025 });
    let indicators: Vec<_> = catalog
        .iter()
        .filter(|i| i.levels.contains(&AdminLevel::Commune))
        .collect();
    let denominators: BTreeSet<&str> = indicators
        .iter()
        .filter_map(|i| match &i.formula {
            Formula::Rate { denominator, .. } => Some(denominator.as_str()),
            Formula::Share { whole, .. } => Some(whole.as_str()),
            _ => None,
        })
        .collect();
    let units = (0..n)
        .map(|u| {
            let mut values = BTreeMap::new();
            for spec in indicators.iter().flat_map(|i| i.inputs.iter()) {
                let v = match spec.kind {
                    InputKind::Boolean => RawValue::Bool(u % 3 != 0),
                    InputKind::Rank => RawValue::Number(Exact::int(30)),
                    InputKind::Percent => RawValue::Number(Exact::int(50)),
                    InputKind::Money if denominators.contains(spec.id.as_str()) => {
                        RawValue::Number(Exact::int(1_000_000_000))
                    }
                    InputKind::Money => RawValue::Number(Exact::int(12_000_000 + u as i64)),
                    InputKind::Count if denominators.contains(spec.id.as_str()) => {
                        RawValue::Number(Exact::int(100))
                    }
                    InputKind::Count => RawValue::Number(Exact::int(50 + (u % 50) as i64)),
                };
                values.insert(spec.id.clone(), v);
            }
            UnitInput {
                unit: format!("unit-{u}"),
                level: AdminLevel::Commune,
                period,
                values,
            }
        })
        .collect();
    ConsolidationInput {
        unit: Some("city".into()),
        level: AdminLevel::City,
        period,
        expected_units: Vec::new(),
        units,
    }
}

/// Totals only (`consolidate_totals`): 1k, 10k and 100k units.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 10)]
fn consolidate_totals_units(bencher: divan::Bencher, n: usize) {
    let catalog = dxplan::defaults::rules().catalog.clone();
    let input = units(&catalog, n);
    bencher.bench(|| {
        let c = consolidate_totals(&catalog, divan::black_box(&input), &[], None);
        c.results.len()
    });
}

/// With every unit's own evaluation kept (`consolidate`): 1k and 10k units.
#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn consolidate_with_per_unit(bencher: divan::Bencher, n: usize) {
    let catalog = dxplan::defaults::rules().catalog.clone();
    let input = units(&catalog, n);
    bencher.bench(|| {
        let c = consolidate(&catalog, divan::black_box(&input), &[], None);
        c.per_unit.len()
    });
}
