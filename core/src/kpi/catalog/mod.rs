//! The indicator catalog of the seed documents.
//!
//! Each indicator is declared once; its targets come from every plan that sets
//! one, each with the document, section and the document's own words
//! (`quote`, verified against `shared/seeds/` by the tests). Plan ids:
//!
//! | plan                  | document | years                                          |
//! |-----------------------|----------|------------------------------------------------|
//! | `city-2025`           | 000      | 2025                                           |
//! | `resolution-09-2022`  | 002      | "đến năm 2025" (2022–2025), "đến năm 2030" (2026–2030) |
//! | `dti-2022`            | 003      | per year 2022–2025, or as the sentence dates it |
//! | `action-03-2025`      | 004      | 2025, "đến năm 2030" (2025–2030), "đến năm 2045" (2031–2045) |
//!
//! Comparators follow the words: "tối thiểu", "ít nhất", "trở lên" → ≥;
//! "trên" → >; "đạt X %" / "X %" of something to achieve → ≥; "thứ bậc N" → ≤ N.
//!
//! ```
//! let c = dxplan::defaults::rules().catalog.clone();
//! assert!(c.len() >= 70);
//! assert!(c.iter().all(|i| !i.targets.is_empty()));
//! ```

use super::{Indicator, InputSpec};
use crate::diagnostic::{Code, Diagnostic, Result, Text};
use serde::Serialize;
use std::sync::Arc;

mod dsl;
mod markdown;
mod seeds;

pub use markdown::markdown_table;

/// The set of indicators, with an index of their inputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Catalog {
    /// Shared with evaluation results, which keep their indicator without
    /// borrowing the catalog; a rule script's change copies only the
    /// indicator it changes.
    indicators: Vec<Arc<Indicator>>,
    /// Input id → (dense slot, indicator index, input index). Validated values
    /// are stored by slot, so evaluation never compares strings.
    #[serde(skip)]
    input_index: std::collections::HashMap<String, (usize, usize, usize)>,
    /// Per indicator, the slots of its formula's inputs, in order.
    #[serde(skip)]
    formula_slots: Vec<Vec<usize>>,
    /// Indicator id → position: lookups and additions by a rule script stay
    /// linear in the number of calls (issue 15: 16,000 additions took 63 s).
    #[serde(skip)]
    ids: std::collections::HashMap<String, usize>,
    /// Whether some formula names an input no indicator declares (then an
    /// addition re-indexes, since it may declare it).
    #[serde(skip)]
    unresolved: bool,
}

impl<'de> serde::Deserialize<'de> for Catalog {
    /// Read as it is written (its indicators), with its indexes built again.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Catalog, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            indicators: Vec<Indicator>,
        }
        Ok(Catalog::new(Written::deserialize(d)?.indicators))
    }
}

impl Catalog {
    /// The indicators encoded in Rust from the seed documents, before any
    /// rule script. With the targets the shipped scripts set (e.g. the DTI
    /// plan's target for each year) they are in [`crate::defaults::rules`].
    pub fn base() -> Catalog {
        Catalog::new(seeds::indicators())
    }

    /// A catalog of the given indicators. An input shared by several
    /// indicators is described by its first declaration.
    pub fn new(indicators: Vec<Indicator>) -> Catalog {
        let mut input_index = std::collections::HashMap::new();
        for (i, ind) in indicators.iter().enumerate() {
            for (j, spec) in ind.inputs.iter().enumerate() {
                let slot = input_index.len();
                input_index.entry(spec.id.clone()).or_insert((slot, i, j));
            }
        }
        let formula_slots: Vec<Vec<usize>> = indicators
            .iter()
            .map(|ind| {
                ind.formula
                    .inputs()
                    .iter()
                    .map(|id| input_index.get(*id).map_or(usize::MAX, |e| e.0))
                    .collect()
            })
            .collect();
        let unresolved = formula_slots.iter().any(|s| s.contains(&usize::MAX));
        let mut ids = std::collections::HashMap::new();
        for (i, ind) in indicators.iter().enumerate() {
            ids.entry(ind.id.clone()).or_insert(i);
        }
        Catalog {
            indicators: indicators.into_iter().map(Arc::new).collect(),
            input_index,
            formula_slots,
            ids,
            unresolved,
        }
    }

    /// The indicators with a target of `plan` (any plan when `None`) in force
    /// in `year` (any year when `None`), each keeping only those targets.
    ///
    /// ```
    /// let c = dxplan::defaults::rules().catalog.clone();
    /// let sel = c.select(Some("dti-2022"), Some(2025));
    /// assert!(sel.iter().all(|i| i.targets.iter().all(|t| t.plan == "dti-2022")));
    /// ```
    pub fn select(&self, plan: Option<&str>, year: Option<i32>) -> Vec<Indicator> {
        self.iter()
            .map(|i| {
                let mut i = i.clone();
                i.targets.retain(|t| {
                    plan.is_none_or(|p| t.plan == p)
                        && year.is_none_or(|y| t.from_year <= y && y <= t.to_year)
                });
                i
            })
            .filter(|i| !i.targets.is_empty())
            .collect()
    }

    /// Number of indicators.
    pub fn len(&self) -> usize {
        self.indicators.len()
    }

    /// Whether the catalog is empty.
    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty()
    }

    /// The indicators, in catalog order.
    pub fn iter(&self) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().map(|i| &**i)
    }

    /// The indicator with this id.
    ///
    /// ```
    /// let c = dxplan::defaults::rules().catalog.clone();
    /// assert_eq!(c.get("nope").unwrap_err().code, dxplan::Code::KpiUnknown);
    /// ```
    pub fn get(&self, id: &str) -> Result<&Indicator> {
        self.ids
            .get(id)
            .and_then(|&i| self.indicators.get(i))
            .map(|i| &**i)
            .ok_or_else(|| {
                Diagnostic::error(
                    Code::KpiUnknown,
                    Text::new(
                        format!("Không có chỉ tiêu '{id}'"),
                        format!("unknown indicator '{id}'"),
                    ),
                )
                .with_hint(Text::new(
                    "Xem danh sách bằng `dxplan kpi list`.",
                    "List the indicators with `dxplan kpi list`.",
                ))
            })
    }

    /// The indicator with this id, to change its targets (rule scripts).
    pub fn get_mut(&mut self, id: &str) -> Option<&mut Indicator> {
        let &i = self.ids.get(id)?;
        self.indicators.get_mut(i).map(Arc::make_mut)
    }

    /// Adds an indicator (rule scripts); its inputs join the index. The
    /// same catalog as [`Catalog::new`] on all the indicators, in time
    /// proportional to the new indicator.
    ///
    /// ```
    /// let mut c = dxplan::kpi::Catalog::base();
    /// let mut extra = c.get("dx_budget_share").unwrap().clone();
    /// extra.id = "dx_budget_share_copy".into();
    /// c.push(extra);
    /// let all: Vec<_> = c.iter().cloned().collect();
    /// assert_eq!(c, dxplan::kpi::Catalog::new(all));
    /// ```
    pub fn push(&mut self, indicator: Indicator) {
        if self.unresolved {
            let mut all: Vec<Indicator> = std::mem::take(&mut self.indicators)
                .into_iter()
                .map(Arc::unwrap_or_clone)
                .collect();
            all.push(indicator);
            *self = Catalog::new(all);
            return;
        }
        let i = self.indicators.len();
        for (j, spec) in indicator.inputs.iter().enumerate() {
            let slot = self.input_index.len();
            self.input_index
                .entry(spec.id.clone())
                .or_insert((slot, i, j));
        }
        let slots: Vec<usize> = indicator
            .formula
            .inputs()
            .iter()
            .map(|id| self.input_index.get(*id).map_or(usize::MAX, |e| e.0))
            .collect();
        self.unresolved = slots.contains(&usize::MAX);
        self.formula_slots.push(slots);
        self.ids.entry(indicator.id.clone()).or_insert(i);
        self.indicators.push(Arc::new(indicator));
    }

    /// The input spec with this id, from whichever indicator declares it.
    pub fn input(&self, id: &str) -> Option<&InputSpec> {
        let &(_, i, j) = self.input_index.get(id)?;
        self.indicators.get(i)?.inputs.get(j)
    }

    /// Dense slot of an input and its spec.
    pub(crate) fn input_slot(&self, id: &str) -> Option<(usize, &InputSpec)> {
        let &(slot, i, j) = self.input_index.get(id)?;
        Some((slot, self.indicators.get(i)?.inputs.get(j)?))
    }

    /// Number of distinct inputs.
    pub(crate) fn slot_count(&self) -> usize {
        self.input_index.len()
    }

    /// Indicators with the slots of their formula inputs.
    pub(crate) fn with_slots(&self) -> impl Iterator<Item = (&Arc<Indicator>, &[usize])> {
        self.indicators
            .iter()
            .zip(self.formula_slots.iter().map(Vec::as_slice))
    }

    /// Every distinct input id, sorted.
    pub fn input_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .indicators
            .iter()
            .flat_map(|i| i.inputs.iter().map(|s| s.id.as_str()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
