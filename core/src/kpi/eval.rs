//! Evaluating a unit's inputs, and consolidating several units.
//!
//! For each indicator that applies to the unit's level and for which the unit
//! gave at least one input: the computed value, the applicable target of each
//! plan for the period's year, met / not met, the gap (value − target), or the
//! reason it cannot be computed. Nothing is silently zero: a missing input, a
//! zero denominator or a numerator above its denominator is a diagnostic.
//!
//! Consolidation follows each indicator's [`Aggregation`]: it sums
//! numerators and denominators (never averages percentages) over the units
//! that gave every input of an indicator, counts the "yes" answers of yes/no
//! indicators, requires every unit to meet a frequency or a per-unit count,
//! and does not aggregate ranks or reported percentages. Expected units that
//! did not report are listed, not zeroed.
//!
//! ```
//! use dxplan::kpi::{evaluate, Catalog, KpiStatus, UnitInput};
//! let input: UnitInput = serde_json::from_str(r#"{
//!     "unit": "phuong-a", "level": "commune", "period": "2025",
//!     "values": { "dossiers_full_online": 13, "dossiers_total": 20 } }"#).unwrap();
//! let catalog = dxplan::defaults::rules().catalog.clone();
//! let ev = evaluate(&catalog, &input, &["city-2025"]);
//! let r = ev.results.iter().find(|r| r.id() == "full_online_dossiers_rate").unwrap();
//! // 000 §III.3: "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 65%"; 13/20 = 65 % exactly.
//! assert_eq!(r.status, KpiStatus::Met);
//! assert_eq!(r.value.unwrap().to_string(), "65");
//! ```

use super::input::{ConsolidationInput, InputValue, RawValue, UnitInput};
use super::{
    AdminLevel, Aggregation, Catalog, Comparator, Exact, Formula, Indicator, InputKind, InputSpec,
    Target, ValueUnit,
};
use crate::bodies::provinces_on;
use crate::calendar::date::format_date;
use crate::calendar::period::Period;
use crate::diagnostic::{json_kind, lower_first, Code, Counts, Diagnostic, Severity, Text};
use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Outcome of one indicator against one plan's target.
///
/// ```
/// assert_eq!(serde_json::to_string(&dxplan::kpi::KpiStatus::NotMet).unwrap(), "\"not_met\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum KpiStatus {
    /// The value meets the target.
    Met,
    /// The value misses the target.
    NotMet,
    /// A horizon target ("đến năm 2025") whose year the period has not
    /// reached: "đang thực hiện", with the gap to it and the latest
    /// milestone already due (DESIGN.md, Decision 34).
    InProgress,
    /// The value could be computed but the plan sets no target for this year and level.
    NoTarget,
    /// The value cannot be computed (see the diagnostics).
    NotComputable,
    /// Not aggregated across units (ranks, reported percentages).
    NotAggregated,
}

/// The target as applied: the plan's target, and the value compared with.
/// It shares its indicator with the catalog, so a result outlives the rules
/// that produced it without copying the target's texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedTarget {
    indicator: Arc<Indicator>,
    index: usize,
    /// Unit of the indicator's value (for the target's text).
    pub unit: ValueUnit,
    /// Target value compared with (prorated for counts over a part of a year).
    pub effective_value: Exact,
    /// Whether the value was prorated to the period's length.
    pub prorated: bool,
    /// Whether its JSON quotes the document's words (`quote`): yes unless
    /// [`AppliedTarget::without_quote`] (a form's results, issue 17).
    quoted: bool,
}

impl AppliedTarget {
    /// The plan's target, as encoded in the catalog.
    pub fn target(&self) -> &Target {
        &self.indicator.targets[self.index]
    }

    /// Its JSON without the document's words (the citation stays).
    pub fn without_quote(&mut self) {
        self.quoted = false;
    }
}

/// The JSON of an [`AppliedTarget`]: the plan's target with the value
/// compared with.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "AppliedTarget"))]
pub(crate) struct AppliedTargetJson<'a> {
    comparator: Comparator,
    value: Exact,
    effective_value: Exact,
    prorated: bool,
    text: Text,
    from_year: i32,
    to_year: i32,
    horizon: bool,
    level: Option<AdminLevel>,
    source: String,
    /// The document's words, when the answer explains (`explain: true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    quote: Option<&'a str>,
}

impl AppliedTarget {
    fn json(&self) -> AppliedTargetJson<'_> {
        let t = self.target();
        AppliedTargetJson {
            comparator: t.comparator,
            value: t.value,
            effective_value: self.effective_value,
            prorated: self.prorated,
            text: t.describe(self.unit),
            from_year: t.from_year,
            to_year: t.to_year,
            horizon: t.horizon,
            level: t.level,
            source: t.source.cite(),
            quote: (self.quoted && !t.source.quote.is_empty()).then_some(t.source.quote.as_str()),
        }
    }
}

impl Serialize for AppliedTarget {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.json().serialize(s)
    }
}

/// One indicator evaluated against one plan. The indicator (its id, name and
/// targets) is shared with the catalog, not copied; display texts are
/// computed when asked for (or serialised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KpiResult {
    /// The indicator, as the catalog defines it (`indicator.id`, `indicator.name`).
    pub indicator: Arc<Indicator>,
    /// Unit of the value.
    pub unit: ValueUnit,
    /// Plan whose target is applied.
    pub plan: String,
    /// Year of the target.
    pub year: i32,
    /// The outcome.
    pub status: KpiStatus,
    /// Computed value, exact (`65`, `200/3`).
    pub value: Option<Exact>,
    /// The target applied.
    pub target: Option<AppliedTarget>,
    /// Whether the value meets the target.
    pub met: Option<bool>,
    /// value − effective target (negative: below the target).
    pub gap: Option<Exact>,
    /// While a horizon target is in progress: the latest target of the same
    /// plan already due, the floor the value must keep.
    pub milestone: Option<AppliedTarget>,
    /// Whether the value meets [`KpiResult::milestone`].
    pub milestone_met: Option<bool>,
    /// Units whose inputs went into a consolidated value.
    pub contributing_units: Option<usize>,
    /// Why it cannot be computed, or notes.
    pub diagnostics: Vec<Diagnostic>,
}

impl KpiResult {
    /// Its JSON without the documents' words of its targets (the citations
    /// stay): what a form needs.
    pub fn without_quotes(&mut self) {
        for t in self.target.iter_mut().chain(self.milestone.iter_mut()) {
            t.without_quote();
        }
    }

    /// The indicator's id.
    pub fn id(&self) -> &str {
        &self.indicator.id
    }

    /// The value for people: 2 decimals, or more when needed so that a value
    /// just off its target never looks equal to it (0.997 is not "1").
    pub fn value_display(&self) -> Option<Text> {
        let v = self.value?;
        Some(match &self.target {
            Some(t) => v.display_distinct_from(t.effective_value),
            None => v.display(),
        })
    }

    /// The gap for people, never shown as 0 when it is not 0.
    pub fn gap_display(&self) -> Option<Text> {
        self.gap.map(|g| g.display_distinct_from(Exact::ZERO))
    }
}

/// The JSON of a [`KpiResult`]: the indicator's id and name, the value
/// (exact, and rounded for people), the target applied and the outcome.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "KpiResult"))]
pub(crate) struct KpiResultJson<'a> {
    indicator: &'a str,
    name: &'a Text,
    unit: ValueUnit,
    plan: &'a str,
    year: i32,
    status: KpiStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_display: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<AppliedTargetJson<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    met: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gap: Option<Exact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gap_display: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    milestone: Option<AppliedTargetJson<'a>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    milestone_met: Option<bool>,
    /// The outcome in words, for people (what is met, what is missing).
    summary: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contributing_units: Option<usize>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    diagnostics: &'a [Diagnostic],
}

impl Serialize for KpiResult {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        KpiResultJson {
            indicator: &self.indicator.id,
            name: &self.indicator.name,
            unit: self.unit,
            plan: &self.plan,
            year: self.year,
            status: self.status,
            value: self.value,
            value_display: self.value_display(),
            target: self.target.as_ref().map(AppliedTarget::json),
            met: self.met,
            gap: self.gap,
            gap_display: self.gap_display(),
            milestone: self.milestone.as_ref().map(AppliedTarget::json),
            milestone_met: self.milestone_met,
            summary: self.summary(),
            contributing_units: self.contributing_units,
            diagnostics: &self.diagnostics,
        }
        .serialize(s)
    }
}

/// The evaluation of one unit's inputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Evaluation {
    /// Unit id.
    pub unit: String,
    /// Its level.
    pub level: AdminLevel,
    /// Period.
    pub period: Period,
    /// Year whose targets apply.
    pub year: i32,
    /// No error in the inputs or the results (warnings allowed).
    pub valid: bool,
    /// Diagnostics by severity, of the inputs and of every result.
    pub counts: Counts,
    /// One result per (indicator, plan).
    pub results: Vec<KpiResult>,
    /// Indicators that apply to the level but for which the unit gave no input.
    pub not_reported: Vec<String>,
    /// Problems with the inputs themselves (unknown field, wrong type, out of range).
    pub diagnostics: Vec<Diagnostic>,
}

/// The consolidation of several units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Consolidation {
    /// Consolidating body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Level of the consolidated result.
    pub level: AdminLevel,
    /// Period.
    pub period: Period,
    /// Year whose targets apply.
    pub year: i32,
    /// No error in the inputs or the results (warnings allowed).
    pub valid: bool,
    /// Diagnostics by severity, of the inputs and of every result.
    pub counts: Counts,
    /// Units that reported.
    pub units_reported: Vec<String>,
    /// Expected units that did not report (listed, not zeroed).
    pub units_missing: Vec<String>,
    /// Consolidated results.
    pub results: Vec<KpiResult>,
    /// Each unit's own evaluation (empty from [`consolidate_totals`]).
    pub per_unit: Vec<Evaluation>,
    /// Problems with the consolidation input and with each unit's inputs.
    pub diagnostics: Vec<Diagnostic>,
}

fn counts_of(diagnostics: &[Diagnostic], results: &[KpiResult]) -> Counts {
    Counts::of(
        diagnostics
            .iter()
            .chain(results.iter().flat_map(|r| r.diagnostics.iter())),
    )
}

impl Evaluation {
    /// Counts the diagnostics again (after checks added some).
    pub(crate) fn recount(&mut self) {
        self.counts = counts_of(&self.diagnostics, &self.results);
        self.valid = self.counts.errors == 0;
    }

    /// Its JSON without the documents' words of the targets (see
    /// [`KpiResult::without_quotes`]).
    pub fn without_quotes(&mut self) {
        self.results.iter_mut().for_each(KpiResult::without_quotes);
    }
}

impl Consolidation {
    /// Counts the diagnostics again (after checks added some).
    pub(crate) fn recount(&mut self) {
        self.counts = counts_of(&self.diagnostics, &self.results);
        self.valid = self.counts.errors == 0;
    }

    /// Its JSON without the documents' words of the targets (see
    /// [`KpiResult::without_quotes`]).
    pub fn without_quotes(&mut self) {
        self.results.iter_mut().for_each(KpiResult::without_quotes);
        self.per_unit
            .iter_mut()
            .for_each(Evaluation::without_quotes);
    }
}

fn diag(severity: Severity, code: Code, path: String, vi: String, en: String) -> Diagnostic {
    Diagnostic::new(severity, code, Text::new(vi, en)).at(path)
}

/// Checks one raw value against its input's kind; `prefix` is the unit's
/// JSON pointer (the path is only built for an error). Messages name the
/// input by its label, as a form shows it.
pub(crate) fn check_value(
    spec: &InputSpec,
    raw: &RawValue,
    prefix: &str,
    on: NaiveDate,
) -> Result<InputValue, Diagnostic> {
    let (id, kind, name) = (spec.id.as_str(), spec.kind, &spec.name);
    let invalid = |vi: String, en: String| {
        diag(
            Severity::Error,
            Code::KpiInputInvalid,
            format!("{prefix}/values/{id}"),
            vi,
            en,
        )
        .with_hint(kind.enter())
    };
    match (kind, raw) {
        (InputKind::Boolean, RawValue::Bool(b)) => Ok(InputValue::Bool(*b)),
        // An amount typed with its currency ("1.500.000 đồng").
        (InputKind::Money, RawValue::Text(s))
            if Exact::read_amount(s).is_some_and(|n| n >= Exact::ZERO) =>
        {
            Ok(InputValue::Number(
                Exact::read_amount(s).unwrap_or(Exact::ZERO),
            ))
        }
        (InputKind::Boolean, _) => Err(invalid(
            format!("{}: chỉ chọn có hoặc không", name.vi),
            format!("{}: choose yes or no", name.en),
        )),
        (_, RawValue::Number(n)) => {
            let n = *n;
            let zero = Exact::ZERO;
            let ok = match kind {
                InputKind::Count => n.is_integer() && n >= zero,
                InputKind::Money => n >= zero,
                InputKind::Percent => n >= zero && n <= Exact::HUNDRED,
                InputKind::Rank => {
                    let (provinces, source) = provinces_on(on);
                    if !(n.is_integer() && n >= Exact::int(1))
                        || n > Exact::int(i64::from(provinces))
                    {
                        return Err(diag(
                            Severity::Error,
                            Code::KpiInputInvalid,
                            format!("{prefix}/values/{id}"),
                            format!(
                                "{} phải là thứ hạng từ 1 đến {provinces} (số tỉnh, thành phố ngày {}), không phải {}",
                                name.vi,
                                format_date(on),
                                n.display().vi,
                            ),
                            format!(
                                "{} must be a rank from 1 to {provinces} (the number of provinces on {}), not {}",
                                name.en,
                                format_date(on),
                                n.display().en,
                            ),
                        )
                        .with_hint(Text::new(
                            format!("Nhập số nguyên từ 1 đến {provinces}."),
                            format!("Enter a whole number from 1 to {provinces}."),
                        ))
                        .with_source(source));
                    }
                    true
                }
                InputKind::Boolean => false,
            };
            if ok {
                Ok(InputValue::Number(n))
            } else {
                Err(invalid(
                    format!(
                        "{} phải là {}, không phải {}",
                        name.vi,
                        kind.describe().vi,
                        n.display().vi
                    ),
                    format!(
                        "{} must be {}, not {}",
                        name.en,
                        kind.describe().en,
                        n.display().en
                    ),
                ))
            }
        }
        (_, RawValue::TooLarge | RawValue::TooPrecise) => {
            let large = *raw == RawValue::TooLarge;
            let (vi, en) = if large {
                (
                    format!(
                        "{} là một số quá lớn để tính chính xác (quá 9.007.199.254.740.991)",
                        name.vi
                    ),
                    format!(
                        "{} is a number too large to be exact (over 9,007,199,254,740,991)",
                        name.en
                    ),
                )
            } else {
                (
                    format!(
                        "{} có quá nhiều chữ số thập phân để tính chính xác (quá 30)",
                        name.vi
                    ),
                    format!("{} has too many decimals to be exact (over 30)", name.en),
                )
            };
            Err(invalid(vi, en).with_hint(crate::diagnostic::inexact_hint(large)))
        }
        (_, other) => Err(invalid(
            format!(
                "{} phải là {}, không phải {}",
                name.vi,
                kind.describe().vi,
                json_kind(other.describe()).vi
            ),
            format!(
                "{} must be {}, not a {}",
                name.en,
                kind.describe().en,
                other.describe()
            ),
        )),
    }
}

/// The diagnostic for a rate whose numerator `n` is above its denominator
/// `d`; `prefix` is the unit's JSON pointer.
pub(crate) fn numerator_exceeds(
    prefix: &str,
    n: (&InputSpec, Exact),
    d: (&InputSpec, Exact),
) -> Diagnostic {
    let ((ns, n), (ds, d)) = (n, d);
    diag(
        Severity::Error,
        Code::KpiNumeratorExceedsDenominator,
        format!("{prefix}/values/{}", ns.id),
        format!(
            "{} ({}) không được lớn hơn {} ({})",
            ns.name.vi,
            n.display_grouped().vi,
            lower_first(&ds.name.vi),
            d.display_grouped().vi
        ),
        format!(
            "{} ({}) cannot be greater than {} ({})",
            ns.name.en,
            n.display_grouped().en,
            lower_first(&ds.name.en),
            d.display_grouped().en
        ),
    )
    .with_hint(Text::new(
        format!(
            "{} được tính trong {}: kiểm tra lại hai số liệu.",
            ns.name.vi,
            lower_first(&ds.name.vi)
        ),
        format!(
            "{} are counted within {}: check both figures.",
            ns.name.en,
            lower_first(&ds.name.en)
        ),
    ))
}

/// A unit's validated values, by the catalog's dense input slots.
#[derive(Clone, Debug)]
struct Values {
    /// The valid value of each slot.
    valid: Vec<Option<InputValue>>,
    /// Whether the unit gave the slot at all (valid or not, but not `null`).
    given: Vec<bool>,
}

impl Values {
    fn get(&self, slot: usize) -> Option<InputValue> {
        self.valid.get(slot).copied().flatten()
    }
    fn given(&self, slot: usize) -> bool {
        self.given.get(slot).copied().unwrap_or(false)
    }
    /// The values of `slots`, in order (a formula's inputs).
    fn of(&self, slots: &[usize]) -> Vec<Option<InputValue>> {
        slots.iter().map(|s| self.get(*s)).collect()
    }
}

/// Validates a unit's raw values: known ids, types and ranges. `prefix` is the
/// JSON pointer of the unit (empty for a single unit).
fn validate_values(
    catalog: &Catalog,
    input: &UnitInput,
    prefix: &str,
) -> (Values, Vec<Diagnostic>) {
    let mut values = Values {
        valid: vec![None; catalog.slot_count()],
        given: vec![false; catalog.slot_count()],
    };
    let mut diags = Vec::new();
    for (id, raw) in &input.values {
        match catalog.input_slot(id) {
            None => diags.push(
                diag(
                    Severity::Warning,
                    Code::KpiInputUnknown,
                    format!("{prefix}/values/{id}"),
                    format!("Trường '{id}' không thuộc chỉ tiêu nào; đã bỏ qua khi tính"),
                    format!("field '{id}' is not an input of any indicator; not used"),
                )
                .with_hint(Text::new(
                    "Kiểm tra chính tả; danh sách trường có trong `dxplan kpi list --json`.",
                    "Check the spelling; the fields are listed by `dxplan kpi list --json`.",
                )),
            ),
            Some(_) if *raw == RawValue::Null => {}
            Some((slot, spec)) => {
                values.given[slot] = true;
                match check_value(spec, raw, prefix, input.period.end()) {
                    Ok(v) => values.valid[slot] = Some(v),
                    Err(d) => diags.push(d),
                }
            }
        }
    }
    (values, diags)
}

fn num(v: Option<InputValue>) -> Option<Exact> {
    match v {
        Some(InputValue::Number(n)) => Some(n),
        _ => None,
    }
}

/// Days in a period and in its year, for proration and frequencies.
fn period_days(period: &Period) -> (i64, i64) {
    let days = (period.end() - period.start()).num_days() + 1;
    let y = period.end().year();
    let year_days = if chrono::NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
        366
    } else {
        365
    };
    (days, year_days)
}

/// Complete weeks in a period (at least 1): "1 lần/tuần" over a year of 52
/// complete weeks is met by 52 occurrences.
fn complete_weeks(period: &Period) -> i64 {
    (period_days(period).0 / 7).max(1)
}

/// The spec of one of an indicator's inputs (an input it does not declare,
/// which the catalog refuses, is named by its id).
fn input_spec(ind: &Indicator, id: &str) -> InputSpec {
    ind.inputs
        .iter()
        .find(|s| s.id == id)
        .cloned()
        .unwrap_or_else(|| InputSpec {
            id: id.to_string(),
            name: Text::new(id, id),
            kind: InputKind::Count,
        })
}

/// The label of one of an indicator's inputs.
fn input_name(ind: &Indicator, id: &str) -> Text {
    input_spec(ind, id).name
}

/// Computes an indicator's value from the values of its formula's inputs
/// (`vals`, in formula order). `Err` carries the reasons.
fn compute(
    ind: &Indicator,
    vals: &[Option<InputValue>],
    period: &Period,
    path: &str,
) -> Result<Exact, Vec<Diagnostic>> {
    let ids = ind.formula.inputs();
    let missing: Vec<Diagnostic> = ids
        .iter()
        .zip(vals)
        .filter(|(_, v)| v.is_none())
        .map(|(id, _)| {
            let name = input_name(ind, id);
            diag(
                Severity::Error,
                Code::KpiInputMissing,
                format!("{path}/values/{id}"),
                format!(
                    "Thiếu {} để tính {}",
                    lower_first(&name.vi),
                    lower_first(&ind.name.vi)
                ),
                format!(
                    "{} is missing to compute {}",
                    name.en,
                    lower_first(&ind.name.en)
                ),
            )
            .with_hint(Text::new(
                format!("Nhập {}.", lower_first(&name.vi)),
                format!("Enter {}.", lower_first(&name.en)),
            ))
        })
        .collect();
    if !missing.is_empty() || vals.len() < ids.len() {
        return Err(missing);
    }
    let overflow = || {
        vec![diag(
            Severity::Error,
            Code::KpiOverflow,
            path.to_string(),
            format!(
                "Số liệu của chỉ tiêu {} quá lớn để tính chính xác",
                lower_first(&ind.name.vi)
            ),
            format!(
                "the inputs of {} are too large to compute exactly",
                lower_first(&ind.name.en)
            ),
        )]
    };
    let first = vals.first().copied().flatten();
    match &ind.formula {
        Formula::Rate { .. } | Formula::Share { .. } => {
            let (n_id, d_id) = (ids[0], ids[1]);
            let (Some(n), Some(d)) = (num(vals[0]), num(vals[1])) else {
                return Err(overflow());
            };
            if d == Exact::ZERO {
                let name = input_name(ind, d_id);
                return Err(vec![diag(
                    Severity::Error,
                    Code::KpiDenominatorZero,
                    format!("{path}/values/{d_id}"),
                    format!(
                        "{} bằng 0 nên không tính được {}",
                        name.vi,
                        lower_first(&ind.name.vi)
                    ),
                    format!(
                        "{} is 0, so {} cannot be computed",
                        name.en,
                        lower_first(&ind.name.en)
                    ),
                )
                .with_hint(Text::new(
                    format!(
                        "Nhập {} lớn hơn 0, hoặc để trống cả hai ô khi chưa có số liệu.",
                        lower_first(&name.vi)
                    ),
                    format!(
                        "Enter {} above 0, or leave both fields empty when there are no figures yet.",
                        lower_first(&name.en)
                    ),
                ))]);
            }
            if n > d {
                return Err(vec![numerator_exceeds(
                    path,
                    (&input_spec(ind, n_id), n),
                    (&input_spec(ind, d_id), d),
                )]);
            }
            n.checked_div(d)
                .and_then(Exact::times_100)
                .ok_or_else(overflow)
        }
        Formula::Count { .. } | Formula::Rank { .. } | Formula::Reported { .. } => {
            num(first).ok_or_else(overflow)
        }
        Formula::Frequency { .. } => {
            let n = num(first).ok_or_else(overflow)?;
            n.checked_div(Exact::int(complete_weeks(period)))
                .ok_or_else(overflow)
        }
        Formula::Completion { .. } => match first {
            Some(InputValue::Bool(true)) => Ok(Exact::HUNDRED),
            Some(InputValue::Bool(false)) => Ok(Exact::ZERO),
            _ => Err(overflow()),
        },
    }
}

fn applied(ind: &Arc<Indicator>, index: usize, period: &Period) -> AppliedTarget {
    let t = &ind.targets[index];
    let (days, year_days) = period_days(period);
    let prorated = matches!(ind.formula, Formula::Count { per_year: true, .. }) && days < year_days;
    let effective_value = if prorated {
        t.value
            .checked_mul(Exact::int(days))
            .and_then(|x| x.checked_div(Exact::int(year_days)))
            .unwrap_or(t.value)
    } else {
        t.value
    };
    AppliedTarget {
        indicator: Arc::clone(ind),
        index,
        unit: ind.unit,
        effective_value,
        prorated,
        quoted: true,
    }
}

/// Builds the result of one indicator for one plan from a computed value (or its failure).
fn result(
    ind: &Arc<Indicator>,
    plan: &str,
    year: i32,
    level: AdminLevel,
    period: &Period,
    value: Result<Exact, Vec<Diagnostic>>,
) -> KpiResult {
    let target = ind
        .target_index_for(plan, year, Some(level))
        .map(|i| applied(ind, i, period));
    let mut r = KpiResult {
        indicator: Arc::clone(ind),
        unit: ind.unit,
        plan: plan.to_string(),
        year,
        status: KpiStatus::NotComputable,
        value: None,
        target,
        met: None,
        gap: None,
        milestone: None,
        milestone_met: None,
        contributing_units: None,
        diagnostics: Vec::new(),
    };
    match value {
        Err(d) => r.diagnostics = d,
        Ok(v) => {
            r.value = Some(v);
            match &r.target {
                Some(t) if !t.target().due_for(period) => {
                    // A horizon not yet reached: in progress, held to the
                    // latest milestone already due.
                    r.status = KpiStatus::InProgress;
                    r.gap = v.checked_sub(t.effective_value);
                    let horizon = t.index;
                    if let Some(m) = ind.milestone_index_for(plan, Some(level), period, horizon) {
                        let m = applied(ind, m, period);
                        let ok = m.target().comparator.holds(v, m.effective_value);
                        if !ok {
                            r.diagnostics.push(behind_milestone(ind, v, &m));
                        }
                        r.milestone_met = Some(ok);
                        r.milestone = Some(m);
                    }
                }
                Some(t) => {
                    let met = t.target().comparator.holds(v, t.effective_value);
                    r.met = Some(met);
                    r.status = if met {
                        KpiStatus::Met
                    } else {
                        KpiStatus::NotMet
                    };
                    r.gap = v.checked_sub(t.effective_value);
                }
                None => {
                    r.status = KpiStatus::NoTarget;
                    r.diagnostics.push(Diagnostic::new(
                        Severity::Info,
                        Code::KpiNoTarget,
                        Text::new(
                            format!(
                                "Kế hoạch '{plan}' không đặt mục tiêu cho chỉ tiêu {} năm {year}, {}",
                                lower_first(&ind.name.vi),
                                level.name().vi
                            ),
                            format!(
                                "plan '{plan}' sets no target for '{}' in {year} at level {}",
                                ind.id,
                                level.as_str()
                            ),
                        ),
                    ));
                }
            }
        }
    }
    if let Some(d) = r
        .target
        .as_ref()
        .and_then(|t| rank_target_obsolete(ind, t, period))
    {
        r.diagnostics.push(d);
    }
    r
}

/// `kpi.rank_target_obsolete`: a rank target no province can miss, because
/// it was set for more provinces than exist on the period's end (a top 35
/// of 63 judged among the 34 provinces from 1/7/2025).
fn rank_target_obsolete(ind: &Indicator, t: &AppliedTarget, period: &Period) -> Option<Diagnostic> {
    if !matches!(ind.formula, Formula::Rank { .. }) {
        return None;
    }
    let on = period.end();
    let (provinces, source) = provinces_on(on);
    let n = Exact::int(i64::from(provinces));
    let target = t.target();
    let cannot_fail = match target.comparator {
        Comparator::Le => target.value >= n,
        Comparator::Lt => target.value > n,
        _ => false,
    };
    cannot_fail.then(|| {
        let want = target.describe(t.unit);
        Diagnostic::new(
            Severity::Warning,
            Code::KpiRankTargetObsolete,
            Text::new(
                format!(
                    "{}: mục tiêu {} ({}) không còn ý nghĩa khi cả nước có {provinces} tỉnh, thành phố (ngày {}): thứ hạng nào cũng đạt",
                    ind.name.vi,
                    want.vi,
                    target.source.cite(),
                    format_date(on)
                ),
                format!(
                    "{}: the target {} ({}) is moot with {provinces} provinces (on {}): every rank meets it",
                    ind.name.en,
                    want.en,
                    target.source.cite(),
                    format_date(on)
                ),
            ),
        )
        .with_hint(Text::new(
            "Kế hoạch cần đặt lại mục tiêu xếp hạng theo số tỉnh, thành phố mới (muc_tieu trong tệp quy tắc của năm).",
            "The plan needs a new rank target for the new number of provinces (muc_tieu in the year's rule script).",
        ))
        .with_source(source)
    })
}

/// `kpi.behind_milestone`: a value in progress towards its horizon has
/// fallen below a milestone already due.
fn behind_milestone(ind: &Indicator, value: Exact, m: &AppliedTarget) -> Diagnostic {
    let t = m.target();
    let want = t.describe(m.unit);
    let v = value.display_distinct_from(m.effective_value);
    Diagnostic::new(
        Severity::Warning,
        Code::KpiBehindMilestone,
        Text::new(
            format!(
                "{}: {} chưa đạt mốc đã đến hạn {} (cuối năm {}, {})",
                ind.name.vi,
                super::verdict::with_unit(&v.vi, m.unit, crate::Lang::Vi),
                want.vi,
                t.to_year,
                t.source.cite()
            ),
            format!(
                "{}: {} falls short of the milestone already due, {} (end of {}, {})",
                ind.name.en,
                super::verdict::with_unit(&v.en, m.unit, crate::Lang::En),
                want.en,
                t.to_year,
                t.source.cite()
            ),
        ),
    )
}

/// The plans to evaluate an indicator against: the requested ones, or every
/// plan with a target for the year.
fn plans_for<'a>(
    ind: &'a Indicator,
    plans: &'a [&'a str],
    year: i32,
    level: AdminLevel,
) -> Vec<&'a str> {
    if plans.is_empty() {
        let mut p: Vec<&str> = ind
            .targets
            .iter()
            .filter(|t| t.from_year <= year && year <= t.to_year)
            .filter(|t| t.level.is_none() || t.level == Some(level))
            .map(|t| t.plan.as_str())
            .collect();
        p.dedup();
        p
    } else {
        plans.to_vec()
    }
}

/// Evaluates one unit's inputs against `plans` (all plans with a target when
/// empty), using the targets of the period's year.
pub fn evaluate(catalog: &Catalog, input: &UnitInput, plans: &[&str]) -> Evaluation {
    evaluate_at(catalog, input, plans, input.period.year_of(), "").0
}

/// Like [`evaluate`], with the targets of another year (e.g. 2024 data against
/// the 2025 target).
///
/// ```
/// use dxplan::kpi::{evaluate_for_year, Catalog, UnitInput};
/// let input: UnitInput = serde_json::from_str(r#"{"unit": "tinh", "level": "province",
///     "period": "2024", "values": {"enterprises_e_contract": 75, "enterprises_total": 100}}"#).unwrap();
/// let catalog = dxplan::defaults::rules().catalog.clone();
/// let ev = evaluate_for_year(&catalog, &input, &["dti-2022"], 2025);
/// assert_eq!(ev.results[0].target.as_ref().unwrap().target().value.to_string(), "80");
/// ```
pub fn evaluate_for_year(
    catalog: &Catalog,
    input: &UnitInput,
    plans: &[&str],
    year: i32,
) -> Evaluation {
    evaluate_at(catalog, input, plans, year, "").0
}

/// Evaluates one unit and also returns its validated values (for consolidation).
/// [`evaluate`] again after one input (`changed`) of `input` changed, from
/// the evaluation `before` of the same unit, level, period and plans: the
/// indicators that do not read `changed` keep their results (a report
/// session's keystroke in a figure).
pub(crate) fn evaluate_again(
    catalog: &Catalog,
    input: &UnitInput,
    plans: &[&str],
    before: &Evaluation,
    changed: &str,
) -> Evaluation {
    let kept = |ind: &Indicator| {
        (!ind.formula.inputs().contains(&changed)).then(|| {
            before
                .results
                .iter()
                .filter(|r| r.indicator.id == ind.id)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    evaluate_with(catalog, input, plans, input.period.year_of(), "", &kept).0
}

fn evaluate_at(
    catalog: &Catalog,
    input: &UnitInput,
    plans: &[&str],
    year: i32,
    prefix: &str,
) -> (Evaluation, Values) {
    evaluate_with(catalog, input, plans, year, prefix, &|_| None)
}

/// The evaluation, with the results `kept` gives for an indicator (computed
/// only when it gives none).
fn evaluate_with(
    catalog: &Catalog,
    input: &UnitInput,
    plans: &[&str],
    year: i32,
    prefix: &str,
    kept: &dyn Fn(&Indicator) -> Option<Vec<KpiResult>>,
) -> (Evaluation, Values) {
    let (values, diagnostics) = validate_values(catalog, input, prefix);
    let mut results = Vec::new();
    let mut not_reported = Vec::new();
    for (ind, slots) in catalog
        .with_slots()
        .filter(|(i, _)| i.levels.contains(&input.level))
    {
        // An indicator counts as reported when its own first input (numerator,
        // part, count, answer) is given; denominators are shared by many.
        if !slots.first().is_some_and(|s| values.given(*s)) {
            not_reported.push(ind.id.clone());
            continue;
        }
        if let Some(same) = kept(ind) {
            results.extend(same);
            continue;
        }
        // Inputs given but invalid are already reported; do not repeat them as missing.
        let invalid_given = slots
            .iter()
            .any(|s| values.given(*s) && values.get(*s).is_none());
        let value = if invalid_given {
            Err(Vec::new())
        } else {
            compute(ind, &values.of(slots), &input.period, prefix)
        };
        for plan in plans_for(ind, plans, year, input.level) {
            results.push(result(
                ind,
                plan,
                year,
                input.level,
                &input.period,
                value.clone(),
            ));
        }
    }
    let mut evaluation = Evaluation {
        unit: input.unit.clone(),
        level: input.level,
        period: input.period,
        year,
        valid: true,
        counts: Counts::default(),
        results,
        not_reported,
        diagnostics,
    };
    evaluation.recount();
    (evaluation, values)
}

/// Consolidates several units' inputs into the level above, using the targets
/// of `year` (the period's year when `None`).
///
/// ```
/// use dxplan::kpi::{consolidate, Catalog, ConsolidationInput};
/// let input: ConsolidationInput = serde_json::from_str(r#"{
///   "level": "city", "period": "2025", "expected_units": ["a", "b", "c"],
///   "units": [
///     {"unit": "a", "level": "commune", "period": "2025", "values": {"dossiers_full_online": 1, "dossiers_total": 10}},
///     {"unit": "b", "level": "commune", "period": "2025", "values": {"dossiers_full_online": 99, "dossiers_total": 100}}
///   ]}"#).unwrap();
/// let catalog = dxplan::defaults::rules().catalog.clone();
/// let c = consolidate(&catalog, &input, &["city-2025"], None);
/// let r = c.results.iter().find(|r| r.id() == "full_online_dossiers_rate").unwrap();
/// // (1 + 99) / (10 + 100) = 90.91 %, not the average of 10 % and 99 %.
/// assert_eq!(r.value.unwrap().to_decimal(2), "90.91");
/// assert_eq!(c.units_missing, ["c"]);
/// ```
pub fn consolidate(
    catalog: &Catalog,
    input: &ConsolidationInput,
    plans: &[&str],
    year: Option<i32>,
) -> Consolidation {
    consolidate_impl(catalog, input, plans, year, true)
}

/// Like [`consolidate`] without keeping each unit's evaluation: for services
/// rolling up many units, where only the totals, the missing units and the
/// input problems matter.
///
/// ```
/// use dxplan::kpi::{consolidate_totals, Catalog, ConsolidationInput};
/// let input: ConsolidationInput = serde_json::from_str(r#"{"level": "city", "period": "2025", "units": [
///   {"unit": "a", "level": "commune", "period": "2025", "values": {"dossiers_full_online": 13, "dossiers_total": 20}}]}"#).unwrap();
/// let catalog = dxplan::defaults::rules().catalog.clone();
/// let c = consolidate_totals(&catalog, &input, &[], None);
/// assert!(c.per_unit.is_empty());
/// assert_eq!(c.results[0].value.unwrap().to_string(), "65");
/// ```
pub fn consolidate_totals(
    catalog: &Catalog,
    input: &ConsolidationInput,
    plans: &[&str],
    year: Option<i32>,
) -> Consolidation {
    consolidate_impl(catalog, input, plans, year, false)
}

fn consolidate_impl(
    catalog: &Catalog,
    input: &ConsolidationInput,
    plans: &[&str],
    year: Option<i32>,
    keep_per_unit: bool,
) -> Consolidation {
    let year = year.unwrap_or_else(|| input.period.year_of());
    let mut diagnostics = Vec::new();
    let mut seen = BTreeSet::new();
    let mut per_unit = Vec::new();
    let mut accepted: Vec<(Values, &UnitInput)> = Vec::new();
    for (i, u) in input.units.iter().enumerate() {
        let prefix = format!("/units/{i}");
        if !seen.insert(u.unit.clone()) {
            diagnostics.push(diag(
                Severity::Error,
                Code::KpiUnitDuplicate,
                format!("{prefix}/unit"),
                format!(
                    "Đơn vị '{}' có nhiều hơn một báo cáo; chỉ dùng báo cáo đầu tiên",
                    u.unit
                ),
                format!(
                    "unit '{}' reported more than once; only the first report is used",
                    u.unit
                ),
            ));
            continue;
        }
        if u.period != input.period {
            diagnostics.push(diag(
                Severity::Error,
                Code::KpiPeriodMismatch,
                format!("{prefix}/period"),
                format!(
                    "Đơn vị '{}' báo cáo kỳ {}, không phải kỳ tổng hợp {}; không dùng",
                    u.unit, u.period, input.period
                ),
                format!(
                    "unit '{}' reports period {}, not the consolidated period {}; not used",
                    u.unit, u.period, input.period
                ),
            ));
            continue;
        }
        if keep_per_unit {
            let (ev, values) = evaluate_at(catalog, u, plans, year, &prefix);
            diagnostics.extend(ev.diagnostics.iter().cloned());
            accepted.push((values, u));
            per_unit.push(ev);
        } else {
            let (values, mut problems) = validate_values(catalog, u, &prefix);
            diagnostics.append(&mut problems);
            accepted.push((values, u));
        }
    }
    let units_reported: Vec<String> = accepted.iter().map(|(_, u)| u.unit.clone()).collect();
    let units_missing: Vec<String> = input
        .expected_units
        .iter()
        .filter(|e| !units_reported.contains(e))
        .cloned()
        .collect();

    let mut results = Vec::new();
    for (ind, slots) in catalog
        .with_slots()
        .filter(|(i, _)| i.levels.contains(&input.level))
    {
        // Units that gave every input of this indicator, validly.
        let contributing: Vec<&Values> = accepted
            .iter()
            .map(|(v, _)| v)
            .filter(|v| slots.iter().all(|s| v.get(*s).is_some()))
            .collect();
        if contributing.is_empty() {
            continue;
        }
        let n_units = contributing.len();
        let value: Result<Exact, Vec<Diagnostic>> = match ind.aggregation {
            Aggregation::Sum => {
                let mut sums = Vec::with_capacity(slots.len());
                let mut overflowed = false;
                for s in slots {
                    let mut total = Exact::ZERO;
                    for v in &contributing {
                        match num(v.get(*s)).and_then(|x| total.checked_add(x)) {
                            Some(t) => total = t,
                            None => overflowed = true,
                        }
                    }
                    sums.push(Some(InputValue::Number(total)));
                }
                if overflowed {
                    Err(vec![diag(
                        Severity::Error,
                        Code::KpiOverflow,
                        String::new(),
                        format!("Tổng số liệu của '{}' quá lớn để tính chính xác", ind.id),
                        format!(
                            "the totals of '{}' are too large to compute exactly",
                            ind.id
                        ),
                    )])
                } else {
                    compute(ind, &sums, &input.period, "")
                }
            }
            Aggregation::ShareOfUnits => {
                let yes = contributing
                    .iter()
                    .filter(|v| {
                        slots
                            .iter()
                            .all(|s| v.get(*s) == Some(InputValue::Bool(true)))
                    })
                    .count();
                Exact::ratio(yes as i128 * 100, n_units as i128).ok_or_else(Vec::new)
            }
            Aggregation::EachUnit => {
                // Every unit must meet the target: the consolidated value is the lowest unit's.
                let mut lowest: Option<Exact> = None;
                let mut errors = Vec::new();
                for v in &contributing {
                    match compute(ind, &v.of(slots), &input.period, "") {
                        Ok(x) => lowest = Some(lowest.map_or(x, |l| l.min(x))),
                        Err(mut d) => errors.append(&mut d),
                    }
                }
                lowest.ok_or(errors)
            }
            Aggregation::None => {
                for plan in plans_for(ind, plans, year, input.level) {
                    let mut r =
                        result(ind, plan, year, input.level, &input.period, Err(Vec::new()));
                    r.status = KpiStatus::NotAggregated;
                    r.contributing_units = Some(n_units);
                    r.diagnostics.push(Diagnostic::new(
                        Severity::Info,
                        Code::KpiNotAggregated,
                        Text::new(
                            format!("'{}' không cộng gộp giữa các đơn vị (thứ hạng hoặc tỷ lệ công bố); xem kết quả từng đơn vị", ind.id),
                            format!("'{}' is not aggregated across units (a rank or a published percentage); see each unit's result", ind.id),
                        ),
                    ));
                    results.push(r);
                }
                continue;
            }
        };
        for plan in plans_for(ind, plans, year, input.level) {
            let mut r = result(ind, plan, year, input.level, &input.period, value.clone());
            r.contributing_units = Some(n_units);
            results.push(r);
        }
    }
    let mut c = Consolidation {
        unit: input.unit.clone(),
        level: input.level,
        period: input.period,
        year,
        valid: true,
        counts: Counts::default(),
        units_reported,
        units_missing,
        results,
        per_unit,
        diagnostics,
    };
    c.recount();
    c
}
