//! Indicators (chỉ tiêu) of the five plans, their targets and their evaluation.
//!
//! - [`Indicator`]: a stable id, names, the [`Formula`] that computes its value
//!   from raw inputs, the inputs it needs ([`InputSpec`]), the administrative
//!   levels it applies to, the lead agency, and its [`Target`]s — one per plan
//!   and year range, each with its [`Source`] (document, section and the words
//!   that set it).
//! - [`Catalog::base`]: every quantified target of the seed documents (with
//!   the shipped scripts' targets in [`crate::defaults::rules`]).
//! - [`evaluate`] and [`consolidate`]:
//!   computed value, applicable target, met / not met, gap, and diagnostics
//!   when a value cannot be computed.
//!
//! Plans disagree and both are kept: for e-contracts in 2025 the city plan
//! says "trên 80 %" and the DTI plan "tối thiểu 80 %"; 80 meets one and not
//! the other, so every result names its plan.
//!
//! ```
//! use dxplan::kpi::{Catalog, Comparator};
//! let catalog = dxplan::defaults::rules().catalog.clone();
//! let ind = catalog.get("e_contract_enterprises_rate").unwrap();
//! let city = ind.target_for("city-2025", 2025, None).unwrap();
//! let dti = ind.target_for("dti-2022", 2025, None).unwrap();
//! assert_eq!((city.comparator, dti.comparator), (Comparator::Gt, Comparator::Ge));
//! ```

pub mod catalog;
pub mod eval;
pub mod exact;
pub mod input;
pub mod verdict;

pub use catalog::Catalog;
pub use eval::{
    consolidate, consolidate_totals, evaluate, evaluate_for_year, AppliedTarget, Consolidation,
    Evaluation, KpiResult, KpiStatus,
};
pub use exact::Exact;
pub use input::{ConsolidationInput, InputValue, UnitInput};

use crate::diagnostic::{Code, Diagnostic, Text};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// Administrative level a target applies to.
///
/// ```
/// assert_eq!("commune".parse::<dxplan::kpi::AdminLevel>().unwrap(), dxplan::kpi::AdminLevel::Commune);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AdminLevel {
    /// The province as a whole (cấp tỉnh).
    Province,
    /// A district or the city (cấp huyện / thành phố).
    City,
    /// A commune or ward (cấp xã).
    Commune,
    /// An agency or unit (sở, ban, ngành, phòng, đơn vị).
    Unit,
}

impl AdminLevel {
    /// All levels.
    pub const ALL: [AdminLevel; 4] = [
        AdminLevel::Province,
        AdminLevel::City,
        AdminLevel::Commune,
        AdminLevel::Unit,
    ];

    /// Stable id.
    pub fn as_str(self) -> &'static str {
        match self {
            AdminLevel::Province => "province",
            AdminLevel::City => "city",
            AdminLevel::Commune => "commune",
            AdminLevel::Unit => "unit",
        }
    }

    /// The level in words ("cấp xã" / "commune").
    ///
    /// ```
    /// assert_eq!(dxplan::kpi::AdminLevel::Commune.name().vi, "cấp xã");
    /// ```
    pub fn name(self) -> Text {
        match self {
            AdminLevel::Province => Text::new("cấp tỉnh", "province"),
            AdminLevel::City => Text::new("cấp huyện, thành phố", "district or city"),
            AdminLevel::Commune => Text::new("cấp xã", "commune"),
            AdminLevel::Unit => Text::new("cơ quan, đơn vị", "agency or unit"),
        }
    }
}

impl FromStr for AdminLevel {
    type Err = Diagnostic;
    fn from_str(s: &str) -> crate::Result<Self> {
        AdminLevel::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim())
            .ok_or_else(|| {
                Diagnostic::error(
                    Code::LevelUnknown,
                    Text::new(
                        format!("Không có cấp hành chính '{}'", crate::excerpt(s)),
                        format!("unknown administrative level '{}'", crate::excerpt(s)),
                    ),
                )
                .with_hint(Text::new(
                    "Cấp hợp lệ: province, city, commune, unit.",
                    "Valid levels: province, city, commune, unit.",
                ))
            })
    }
}

/// How a value compares with its target.
///
/// ```
/// use dxplan::kpi::{Comparator, Exact};
/// assert!(Comparator::Ge.holds(Exact::int(80), Exact::int(80)));
/// assert!(!Comparator::Gt.holds(Exact::int(80), Exact::int(80)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Comparator {
    /// At least ("tối thiểu", "ít nhất", "đạt … trở lên", and "đạt X %" of a rate to reach).
    #[serde(rename = ">=")]
    Ge,
    /// More than ("trên").
    #[serde(rename = ">")]
    Gt,
    /// At most (ranks: "thứ bậc 45" or better).
    #[serde(rename = "<=")]
    Le,
    /// Less than.
    #[serde(rename = "<")]
    Lt,
    /// Exactly.
    #[serde(rename = "=")]
    Eq,
}

impl Comparator {
    /// Whether `value` meets `target` under this comparator.
    pub fn holds(self, value: Exact, target: Exact) -> bool {
        match self {
            Comparator::Ge => value >= target,
            Comparator::Gt => value > target,
            Comparator::Le => value <= target,
            Comparator::Lt => value < target,
            Comparator::Eq => value == target,
        }
    }

    /// The symbol (`≥`, `>`, `≤`, `<`, `=`).
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
        }
    }
}

/// Unit of an indicator's value.
///
/// ```
/// assert_eq!(dxplan::kpi::ValueUnit::Percent.symbol(), "%");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ValueUnit {
    /// Percent.
    Percent,
    /// A number of items (news items, enterprises, localities).
    Count,
    /// Occurrences per week.
    PerWeek,
    /// A rank among provinces (1 is best).
    Rank,
}

impl ValueUnit {
    /// Short symbol for display.
    pub fn symbol(self) -> &'static str {
        match self {
            ValueUnit::Percent => "%",
            ValueUnit::Count => "",
            ValueUnit::PerWeek => "/tuần",
            ValueUnit::Rank => "",
        }
    }
}

/// How an indicator's value is computed from its inputs.
///
/// ```
/// use dxplan::kpi::Formula;
/// let f = Formula::Rate { numerator: "a".into(), denominator: "b".into() };
/// assert_eq!(f.kind(), "rate");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Formula {
    /// numerator / denominator × 100 (counts).
    Rate {
        /// Input id of the numerator.
        numerator: String,
        /// Input id of the denominator.
        denominator: String,
    },
    /// part / whole × 100 of two amounts of money (budget shares).
    Share {
        /// Input id of the part.
        part: String,
        /// Input id of the whole.
        whole: String,
    },
    /// A count. `per_year`: a flow over the period ("20 tin, bài … trong
    /// năm"), whose yearly target is prorated to shorter periods by their
    /// days; otherwise a stock at the end of the period ("≥ 3 doanh nghiệp"),
    /// never prorated.
    Count {
        /// Input id of the count.
        input: String,
        /// Whether the target is a yearly flow (prorated) rather than a stock.
        per_year: bool,
    },
    /// Occurrences per complete week of the period: count / ⌊days / 7⌋ (at
    /// least one week). "1 lần/tuần" over a year (52 complete weeks) is met
    /// by 52 occurrences; over a quarter of 90 days (12 weeks) by 12.
    Frequency {
        /// Input id of the number of occurrences in the period.
        input: String,
    },
    /// A rank (lower is better); never aggregated across units.
    Rank {
        /// Input id of the rank.
        input: String,
    },
    /// Yes/no completion by a unit; across units (at city level), the
    /// percentage of units that answer yes.
    Completion {
        /// Input id of the yes/no answer.
        input: String,
    },
    /// A percentage reported as such (a figure published by another body,
    /// e.g. the digital economy's share of GRDP).
    Reported {
        /// Input id of the percentage.
        input: String,
    },
}

impl Formula {
    /// Stable name of the formula kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Formula::Rate { .. } => "rate",
            Formula::Share { .. } => "share",
            Formula::Count { .. } => "count",
            Formula::Frequency { .. } => "frequency",
            Formula::Rank { .. } => "rank",
            Formula::Completion { .. } => "completion",
            Formula::Reported { .. } => "reported",
        }
    }

    /// Input ids, in order.
    pub fn inputs(&self) -> Vec<&str> {
        match self {
            Formula::Rate {
                numerator,
                denominator,
            } => vec![numerator, denominator],
            Formula::Share { part, whole } => vec![part, whole],
            Formula::Count { input, .. }
            | Formula::Frequency { input }
            | Formula::Rank { input }
            | Formula::Completion { input }
            | Formula::Reported { input } => vec![input],
        }
    }
}

/// How an indicator rolls up from units to the level above.
///
/// ```
/// use dxplan::kpi::{Aggregation, Catalog};
/// let c = dxplan::defaults::rules().catalog.clone();
/// assert_eq!(c.get("full_online_dossiers_rate").unwrap().aggregation, Aggregation::Sum);
/// // 000 §V.4.1 sets 20 items for each unit's own website: not summed.
/// assert_eq!(c.get("dx_news_items").unwrap().aggregation, Aggregation::EachUnit);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Sum every input over the units, then compute (rates: Σ numerators / Σ denominators).
    Sum,
    /// Every unit must meet the target itself; the consolidated value is the lowest unit's.
    EachUnit,
    /// The percentage of units answering yes (yes/no indicators).
    ShareOfUnits,
    /// Not aggregated (ranks, published percentages).
    None,
}

impl Aggregation {
    /// The rule that fits a formula when the documents say nothing more.
    pub fn default_for(formula: &Formula) -> Aggregation {
        match formula {
            Formula::Rate { .. } | Formula::Share { .. } | Formula::Count { .. } => {
                Aggregation::Sum
            }
            Formula::Frequency { .. } => Aggregation::EachUnit,
            Formula::Completion { .. } => Aggregation::ShareOfUnits,
            Formula::Rank { .. } | Formula::Reported { .. } => Aggregation::None,
        }
    }
}

/// What kind of raw number an input is, and so its valid range.
///
/// ```
/// assert_eq!(dxplan::kpi::InputKind::Count.describe().en, "a whole number ≥ 0");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// A whole number ≥ 0.
    Count,
    /// An amount of money in VND, ≥ 0.
    Money,
    /// A percentage, 0–100.
    Percent,
    /// A rank among provinces, a whole number from 1 to the number of
    /// provinces on the period's date (63, 34 from 1/7/2025: [`crate::bodies::provinces_on`]).
    Rank,
    /// Yes or no.
    Boolean,
}

impl InputKind {
    /// The valid range in words.
    pub fn describe(self) -> Text {
        match self {
            InputKind::Count => Text::new("số nguyên không âm", "a whole number ≥ 0"),
            InputKind::Money => Text::new("số tiền (đồng) không âm", "an amount in VND ≥ 0"),
            InputKind::Percent => {
                Text::new("tỷ lệ phần trăm từ 0 đến 100", "a percentage from 0 to 100")
            }
            InputKind::Rank => Text::new(
                "thứ hạng, số nguyên từ 1 đến số tỉnh, thành phố (63; 34 từ 01/07/2025)",
                "a rank, a whole number from 1 to the number of provinces (63; 34 from 1/7/2025)",
            ),
            InputKind::Boolean => Text::new("có hoặc không", "yes or no"),
        }
    }

    /// What a person filling a form is asked to do, for the hint of a
    /// value that is not of this kind.
    ///
    /// ```
    /// assert_eq!(dxplan::kpi::InputKind::Count.enter().vi, "Nhập số nguyên không âm, ví dụ 1.250.");
    /// ```
    pub fn enter(self) -> Text {
        match self {
            InputKind::Count => Text::new(
                "Nhập số nguyên không âm, ví dụ 1.250.",
                "Enter a whole number of 0 or more, e.g. 1,250.",
            ),
            InputKind::Money => Text::new(
                "Nhập số tiền bằng đồng, không âm, ví dụ 1.500.000.",
                "Enter an amount in VND of 0 or more, e.g. 1,500,000.",
            ),
            InputKind::Percent => Text::new(
                "Nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 97,5.",
                "Enter a percentage from 0 to 100, e.g. 97.5.",
            ),
            InputKind::Rank => Text::new(
                "Nhập thứ hạng là số nguyên từ 1 đến số tỉnh, thành phố.",
                "Enter a rank, a whole number from 1 to the number of provinces.",
            ),
            InputKind::Boolean => Text::new("Chọn có hoặc không.", "Choose yes or no."),
        }
    }
}

/// A raw input an indicator needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InputSpec {
    /// Stable snake_case id (the field name in input files and forms).
    pub id: String,
    /// Name.
    pub name: Text,
    /// Kind and valid range.
    pub kind: InputKind,
}

/// Where a target comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Source {
    /// Seed file.
    pub document: String,
    /// Section of the document.
    pub section: String,
    /// The document's words that set the target (verbatim; checked by the
    /// tests). Empty, and left out of the JSON, in the lean build's rules
    /// ([`crate::RuleSet::to_lean_data`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>", optional))]
    pub quote: String,
}

impl Source {
    /// `file §section`, for display.
    pub fn cite(&self) -> String {
        format!("{} {}", self.document, self.section)
    }
}

/// A target of one plan for a range of years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Target {
    /// Plan id (see [`crate::Plans`]).
    pub plan: String,
    /// First year the target applies to.
    pub from_year: i32,
    /// Last year the target applies to; for a horizon ("đến năm 2030") the year by
    /// the end of which it is to be reached.
    pub to_year: i32,
    /// Whether `to_year` is a horizon (reach by the end of it) rather than a yearly target.
    pub horizon: bool,
    /// The administrative level it is set for (`None`: every level of the indicator).
    pub level: Option<AdminLevel>,
    /// How the value compares.
    pub comparator: Comparator,
    /// The target value, exact.
    pub value: Exact,
    /// Where it comes from.
    pub source: Source,
    /// The rule-script call that set it (`None`: the base encoding).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_by: Option<crate::diagnostic::Span>,
}

impl Target {
    /// The years it applies to: `2025` or `2022–2025`.
    ///
    /// ```
    /// let c = dxplan::defaults::rules().catalog.clone();
    /// let t = &c.get("smedx_participation_rate").unwrap().targets[0];
    /// assert_eq!(t.years_text(), "2022–2025");
    /// ```
    pub fn years_text(&self) -> String {
        if self.from_year == self.to_year {
            self.to_year.to_string()
        } else {
            format!("{}–{}", self.from_year, self.to_year)
        }
    }

    /// Whether the target is due for a result on `period`: a yearly target
    /// always is; a horizon ("đến năm 2025", "vào cuối năm 2025") only when
    /// the period reaches the end of its year (DESIGN.md, Decision 34).
    ///
    /// ```
    /// let c = dxplan::defaults::rules().catalog.clone();
    /// let ind = c.get("online_processed_dossiers_rate").unwrap();
    /// let t = ind.target_for("dti-2022", 2023, None).unwrap(); // 80 % by the end of 2025
    /// assert!(!t.due_for(&"2023".parse().unwrap()));
    /// assert!(!t.due_for(&"2025-Q3".parse().unwrap()));
    /// assert!(t.due_for(&"2025".parse().unwrap()));
    /// ```
    pub fn due_for(&self, period: &crate::calendar::period::Period) -> bool {
        if !self.horizon {
            return true;
        }
        match chrono::NaiveDate::from_ymd_opt(self.to_year, 12, 31) {
            Some(end) => period.end() >= end,
            None => true,
        }
    }

    /// ` [level]` when the target is set for one level, else empty.
    pub fn level_text(&self) -> String {
        self.level
            .map(|l| format!(" [{}]", l.as_str()))
            .unwrap_or_default()
    }

    /// The target in words, e.g. "≥ 65 %".
    pub fn describe(&self, unit: ValueUnit) -> Text {
        let v = self.value.display();
        let sym = unit.symbol();
        let sep = if sym.is_empty() || sym.starts_with('/') {
            ""
        } else {
            " "
        };
        let en_sym = if unit == ValueUnit::PerWeek {
            "/week"
        } else {
            sym
        };
        Text::new(
            format!("{} {}{sep}{sym}", self.comparator.symbol(), v.vi),
            format!("{} {}{sep}{en_sym}", self.comparator.symbol(), v.en),
        )
    }
}

/// Thematic group of an indicator, following the plans' sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Leadership and supervision.
    Leadership,
    /// Digital infrastructure.
    Infrastructure,
    /// Digital human resources.
    HumanResources,
    /// Digital government.
    DigitalGovernment,
    /// Digital economy.
    DigitalEconomy,
    /// Digital society.
    DigitalSociety,
    /// Digital data.
    DigitalData,
    /// Information security.
    Security,
    /// Communication about DX.
    Communication,
    /// Budget.
    Budget,
    /// Rankings and overall results.
    Overall,
    /// Science, technology and innovation.
    Science,
}

impl Group {
    /// Name of the group.
    pub fn name(self) -> Text {
        match self {
            Group::Leadership => Text::new("Lãnh đạo, chỉ đạo", "Leadership"),
            Group::Infrastructure => Text::new("Hạ tầng số", "Digital infrastructure"),
            Group::HumanResources => Text::new("Nhân lực số", "Digital human resources"),
            Group::DigitalGovernment => Text::new("Chính quyền số", "Digital government"),
            Group::DigitalEconomy => Text::new("Kinh tế số", "Digital economy"),
            Group::DigitalSociety => Text::new("Xã hội số", "Digital society"),
            Group::DigitalData => Text::new("Dữ liệu số", "Digital data"),
            Group::Security => Text::new("An toàn thông tin", "Information security"),
            Group::Communication => Text::new("Truyền thông", "Communication"),
            Group::Budget => Text::new("Kinh phí", "Budget"),
            Group::Overall => Text::new("Xếp hạng, tổng thể", "Rankings and overall"),
            Group::Science => Text::new("Khoa học, công nghệ", "Science and technology"),
        }
    }
}

/// One indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Indicator {
    /// Stable snake_case id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Thematic group.
    pub group: Group,
    /// Unit of the value.
    pub unit: ValueUnit,
    /// How the value is computed.
    pub formula: Formula,
    /// How it rolls up across units.
    pub aggregation: Aggregation,
    /// The inputs, with their kinds.
    pub inputs: Vec<InputSpec>,
    /// Levels it applies to.
    pub levels: Vec<AdminLevel>,
    /// Lead agency (cơ quan chủ trì / theo dõi) where a document names one for
    /// this target; `None` when it does not (the engine does not guess).
    pub lead: Option<Text>,
    /// Targets by plan and years.
    pub targets: Vec<Target>,
    /// First year without the indicator, when a rule script retired it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_from: Option<i32>,
}

impl Indicator {
    /// The target of `plan` for `year` (and `level`, when the plan sets
    /// per-level targets). A target set for one level wins over one set for
    /// every level; among several, the one with the nearest end year, and
    /// among those the one added last (a rule script's).
    ///
    /// ```
    /// use dxplan::kpi::{AdminLevel, Catalog};
    /// let c = dxplan::defaults::rules().catalog.clone();
    /// let ind = c.get("e_contract_enterprises_rate").unwrap();
    /// // DTI plan (003 §V.6): 50 % in 2022 … 80 % in 2025.
    /// assert_eq!(ind.target_for("dti-2022", 2022, None).unwrap().value.to_string(), "50");
    /// assert!(ind.target_for("dti-2022", 2026, None).is_none());
    /// ```
    pub fn target_for(&self, plan: &str, year: i32, level: Option<AdminLevel>) -> Option<&Target> {
        self.target_index_for(plan, year, level)
            .map(|i| &self.targets[i])
    }

    /// The position in [`Indicator::targets`] of [`Indicator::target_for`]'s answer.
    pub(crate) fn target_index_for(
        &self,
        plan: &str,
        year: i32,
        level: Option<AdminLevel>,
    ) -> Option<usize> {
        self.targets
            .iter()
            .enumerate()
            .filter(|(_, t)| t.plan == plan && t.from_year <= year && year <= t.to_year)
            .filter(|(_, t)| t.level.is_none() || t.level == level || level.is_none())
            // Among equals the last one wins: a rule script's target replaces the base.
            .rev()
            .min_by_key(|(_, t)| (t.level.is_none() || level.is_none(), t.to_year))
            .map(|(i, _)| i)
    }

    /// The position of the latest target of `plan` already due on `period`
    /// that ends before the target at `applied` does: the milestone a value
    /// must not fall below while a horizon target is in progress (003 §V.19:
    /// "trên 70% vào cuối năm 2022" before "80% vào cuối năm 2025").
    pub(crate) fn milestone_index_for(
        &self,
        plan: &str,
        level: Option<AdminLevel>,
        period: &crate::calendar::period::Period,
        applied: usize,
    ) -> Option<usize> {
        let horizon = self.targets.get(applied)?.to_year;
        self.targets
            .iter()
            .enumerate()
            .filter(|(i, t)| *i != applied && t.plan == plan && t.to_year < horizon)
            .filter(|(_, t)| t.level.is_none() || t.level == level || level.is_none())
            .filter(|(_, t)| t.due_for(period))
            .rev()
            .max_by_key(|(_, t)| t.to_year)
            .map(|(i, _)| i)
    }

    /// Plans that set a target for this indicator.
    pub fn plans(&self) -> Vec<&str> {
        let mut p: Vec<&str> = self.targets.iter().map(|t| t.plan.as_str()).collect();
        p.dedup();
        p
    }
}
