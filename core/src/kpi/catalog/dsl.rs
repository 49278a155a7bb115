//! A small language to write the seed indicators and their targets as the
//! documents state them: `rate(id, vi, en, group, numerator, denominator)`,
//! then `.t(city(Ge, "65", "§III.3", "the document's words"))` per target.

use super::super::{
    AdminLevel, Aggregation, Comparator, Exact, Formula, Group, Indicator, InputKind, InputSpec,
    Source, Target, ValueUnit,
};
use crate::diagnostic::Text;

pub(super) const CITY: &str = "city-2025";
pub(super) const R09: &str = "resolution-09-2022";
pub(super) const DTI: &str = "dti-2022";
pub(super) const A03: &str = "action-03-2025";

pub(super) const DOC_CITY: &str = "000_b9c617fe6a001fd2.txt";
pub(super) const DOC_R09: &str = "002_b2bbd07fcc9b5795.txt";
pub(super) const DOC_DTI: &str = "003_08cb75b396c90965.txt";
pub(super) const DOC_A03: &str = "004_22cd2849f6c7996c.txt";

/// An input: id, Vietnamese name, English name, kind.
pub(super) type In = (&'static str, &'static str, &'static str, InputKind);

pub(super) fn spec(i: In) -> InputSpec {
    InputSpec {
        id: i.0.to_string(),
        name: Text::new(i.1, i.2),
        kind: i.3,
    }
}

/// Builder for one indicator.
pub(super) struct B(Indicator);

pub(super) fn new(
    id: &str,
    vi: &str,
    en: &str,
    group: Group,
    unit: ValueUnit,
    formula: Formula,
    inputs: Vec<In>,
) -> B {
    B(Indicator {
        id: id.to_string(),
        name: Text::new(vi, en),
        group,
        unit,
        aggregation: Aggregation::default_for(&formula),
        formula,
        inputs: inputs.into_iter().map(spec).collect(),
        levels: Vec::new(),
        lead: None,
        targets: Vec::new(),
        retired_from: None,
    })
}

pub(super) fn rate(id: &str, vi: &str, en: &str, group: Group, num: In, den: In) -> B {
    let f = Formula::Rate {
        numerator: num.0.into(),
        denominator: den.0.into(),
    };
    new(id, vi, en, group, ValueUnit::Percent, f, vec![num, den])
}

pub(super) fn share(id: &str, vi: &str, en: &str, group: Group, part: In, whole: In) -> B {
    let f = Formula::Share {
        part: part.0.into(),
        whole: whole.0.into(),
    };
    new(id, vi, en, group, ValueUnit::Percent, f, vec![part, whole])
}

pub(super) fn count(id: &str, vi: &str, en: &str, group: Group, input: In) -> B {
    let f = Formula::Count {
        input: input.0.into(),
        per_year: false,
    };
    new(id, vi, en, group, ValueUnit::Count, f, vec![input])
}

pub(super) fn frequency(id: &str, vi: &str, en: &str, group: Group, input: In) -> B {
    let f = Formula::Frequency {
        input: input.0.into(),
    };
    new(id, vi, en, group, ValueUnit::PerWeek, f, vec![input])
}

pub(super) fn rank(id: &str, vi: &str, en: &str, input: In) -> B {
    let f = Formula::Rank {
        input: input.0.into(),
    };
    new(id, vi, en, Group::Overall, ValueUnit::Rank, f, vec![input])
}

pub(super) fn completion(id: &str, vi: &str, en: &str, group: Group, input: In) -> B {
    let f = Formula::Completion {
        input: input.0.into(),
    };
    new(id, vi, en, group, ValueUnit::Percent, f, vec![input])
}

pub(super) fn reported(id: &str, vi: &str, en: &str, group: Group, input: In) -> B {
    let f = Formula::Reported {
        input: input.0.into(),
    };
    new(id, vi, en, group, ValueUnit::Percent, f, vec![input])
}

/// A target before it is attached: plan, years, horizon, comparator, value, source.
pub(super) struct T(Target);

/// `(document, section, quote)` of a target.
pub(super) type Src<'a> = (&'a str, &'a str, &'a str);

pub(super) fn target(
    plan: &str,
    years: (i32, i32),
    horizon: bool,
    cmp: Comparator,
    value: &str,
    src: Src<'_>,
) -> T {
    let (doc, section, quote) = src;
    T(Target {
        plan: plan.into(),
        from_year: years.0,
        to_year: years.1,
        horizon,
        level: None,
        comparator: cmp,
        // Literal target values of the catalog; every one is a plain decimal.
        value: Exact::parse(value).unwrap_or(Exact::ZERO),
        source: Source {
            document: doc.into(),
            section: section.into(),
            quote: quote.into(),
        },
        set_by: None,
    })
}

/// City plan 2025 (000), year 2025.
pub(super) fn city(cmp: Comparator, value: &str, section: &str, quote: &str) -> T {
    target(
        CITY,
        (2025, 2025),
        false,
        cmp,
        value,
        (DOC_CITY, section, quote),
    )
}
/// Resolution 09-NQ/TU (002 §I.2.2.1), "đến năm 2025".
pub(super) fn r09_2025(cmp: Comparator, value: &str, section: &str, quote: &str) -> T {
    target(
        R09,
        (2022, 2025),
        true,
        cmp,
        value,
        (DOC_R09, section, quote),
    )
}
/// Resolution 09-NQ/TU (002 §I.2.2.2), "đến năm 2030".
pub(super) fn r09_2030(cmp: Comparator, value: &str, section: &str, quote: &str) -> T {
    target(
        R09,
        (2026, 2030),
        true,
        cmp,
        value,
        (DOC_R09, section, quote),
    )
}
/// Resolution 09-NQ/TU §II.7, a yearly ("mỗi năm") target, not a horizon.
pub(super) fn r09_yearly(years: (i32, i32), cmp: Comparator, value: &str, quote: &str) -> T {
    target(R09, years, false, cmp, value, (DOC_R09, "§II.7", quote))
}
/// DTI plan (003) for the given years.
pub(super) fn dti(
    years: (i32, i32),
    horizon: bool,
    cmp: Comparator,
    value: &str,
    section: &str,
    quote: &str,
) -> T {
    target(DTI, years, horizon, cmp, value, (DOC_DTI, section, quote))
}
/// Resolution 03/NQ-CP plan (004), "đến năm 2030" (Appendix I.I).
pub(super) fn a03_2030(cmp: Comparator, value: &str, section: &str, quote: &str) -> T {
    target(
        A03,
        (2025, 2030),
        true,
        cmp,
        value,
        (DOC_A03, section, quote),
    )
}
/// Resolution 03/NQ-CP plan (004), "đến năm 2045" (Appendix I.II).
pub(super) fn a03_2045(cmp: Comparator, value: &str, section: &str, quote: &str) -> T {
    target(
        A03,
        (2031, 2045),
        true,
        cmp,
        value,
        (DOC_A03, section, quote),
    )
}
/// Resolution 03/NQ-CP plan (004), "đến hết năm 2025".
pub(super) fn a03_2025(cmp: Comparator, value: &str, section: &str, quote: &str) -> T {
    target(
        A03,
        (2025, 2025),
        true,
        cmp,
        value,
        (DOC_A03, section, quote),
    )
}

impl T {
    pub(super) fn at(mut self, level: AdminLevel) -> T {
        self.0.level = Some(level);
        self
    }
}

impl B {
    pub(super) fn levels(mut self, levels: &[AdminLevel]) -> B {
        self.0.levels = levels.to_vec();
        self
    }
    /// Marks a count as a yearly flow, prorated to shorter periods.
    pub(super) fn per_year(mut self) -> B {
        if let Formula::Count { per_year, .. } = &mut self.0.formula {
            *per_year = true;
        }
        self
    }
    pub(super) fn aggregate(mut self, a: Aggregation) -> B {
        self.0.aggregation = a;
        self
    }
    pub(super) fn lead(mut self, vi: &str, en: &str) -> B {
        self.0.lead = Some(Text::new(vi, en));
        self
    }
    pub(super) fn t(mut self, t: T) -> B {
        self.0.targets.push(t.0);
        self
    }
    pub(super) fn done(self) -> Indicator {
        self.0
    }
}

pub(super) fn bool_in(id: &'static str, vi: &'static str, en: &'static str) -> In {
    (id, vi, en, InputKind::Boolean)
}
pub(super) fn count_in(id: &'static str, vi: &'static str, en: &'static str) -> In {
    (id, vi, en, InputKind::Count)
}
