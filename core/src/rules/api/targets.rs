//! Targets and indicators: `muc_tieu`, `muc_tieu_cap`, `them_chi_tieu`, `bo_chi_tieu`.

use super::{
    changes, comparator, field, invalid, map_array, not_known, number, plan_hint, plan_name,
    serde_name, unknown, unknown_among, unknown_indicator, year, Shared, State,
};
use crate::diagnostic::{Diagnostic, Span, Text};
use crate::kpi::{AdminLevel, Target};
use crate::kpi::{Exact, ValueUnit};
use rhai::{Dynamic, Engine, NativeCallContext, INT};

/// `muc_tieu(…)` (see [`super::SCRIPT_API`]).
pub(super) fn muc_tieu(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, kpi: &str, plan: &str, y: INT, cmp: &str, v: Dynamic, nguon: Dynamic| {
            set_target(st, o, kpi, plan, y, None, cmp, &v, &nguon)
        }
    )
}

/// `muc_tieu_cap(…)` (see [`super::SCRIPT_API`]).
pub(super) fn muc_tieu_cap(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st,
         o,
         kpi: &str,
         plan: &str,
         y: INT,
         level: &str,
         cmp: &str,
         v: Dynamic,
         nguon: Dynamic| {
            let l: AdminLevel = level.parse().map_err(not_known)?;
            set_target(st, o, kpi, plan, y, Some(l), cmp, &v, &nguon)
        }
    )
}

/// `them_chi_tieu(…)` (see [`super::SCRIPT_API`]).
pub(super) fn them_chi_tieu(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, def: rhai::Map, nguon: Dynamic| { add_indicator(st, o, &def, &nguon) }
    )
}

/// `bo_chi_tieu(…)` (see [`super::SCRIPT_API`]).
pub(super) fn bo_chi_tieu(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, kpi: &str, from: INT, nguon: Dynamic| {
            let nguon = st.cite(&nguon)?.text();
            let y = year(from)?;
            st.not_before_script_year(y, ("chỉ tiêu", "indicators"))?;
            let ind = match st.rules.catalog.get_mut(kpi) {
                Some(ind) => ind,
                None => return Err(unknown_indicator(&st.rules, kpi)),
            };
            ind.retired_from = Some(y);
            ind.targets.retain(|t| t.from_year < y);
            for t in &mut ind.targets {
                t.to_year = t.to_year.min(y - 1);
            }
            let name = ind.name.clone();
            st.record(
                o,
                kpi,
                format!("bỏ chỉ tiêu \"{}\" từ năm {y} ({nguon})", name.vi),
                format!("retire \"{}\" from {y} ({nguon})", name.en),
            );
            Ok(())
        }
    )
}

#[allow(clippy::too_many_arguments)]
fn set_target(
    st: &mut State,
    origin: Span,
    kpi: &str,
    plan: &str,
    y: INT,
    level: Option<AdminLevel>,
    cmp: &str,
    v: &Dynamic,
    nguon: &Dynamic,
) -> Result<(), Diagnostic> {
    let y = year(y)?;
    st.not_before_script_year(y, ("mục tiêu", "targets"))?;
    st.rules.plans.get(plan).map_err(|_| {
        let ids = st.rules.plans.iter().map(|p| p.id.as_str());
        unknown_among("kế hoạch", "plan", plan, plan_hint(&st.rules), ids)
    })?;
    let comparator = comparator(cmp)?;
    let value = number(v)?;
    let source = st.cite(nguon)?.quoted()?;
    let ind = match st.rules.catalog.get_mut(kpi) {
        Some(ind) => ind,
        None => return Err(unknown_indicator(&st.rules, kpi)),
    };
    let (zero, hundred) = (Exact::int(0), Exact::int(100));
    if ind.unit == ValueUnit::Percent && (value < zero || value > hundred) {
        let shown = value.display();
        return Err(invalid(
            format!(
                "Mục tiêu {} % của chỉ tiêu '{kpi}' nằm ngoài 0–100 %: một tỷ lệ không thể như vậy",
                shown.vi
            ),
            format!(
                "target {} % of indicator '{kpi}' is outside 0–100 %: a rate cannot be that",
                shown.en
            ),
        )
        .with_hint(Text::new(
            "Viết tỷ lệ theo phần trăm: 80 nghĩa là 80 %.",
            "Write a rate in percent: 80 means 80 %.",
        )));
    }
    if matches!(
        ind.unit,
        ValueUnit::Count | ValueUnit::PerWeek | ValueUnit::Rank
    ) && value < zero
    {
        return Err(invalid(
            format!(
                "Mục tiêu của chỉ tiêu '{kpi}' không được âm ({})",
                value.display().vi
            ),
            format!(
                "the target of indicator '{kpi}' cannot be negative ({})",
                value.display().en
            ),
        ));
    }
    if let Some(l) = level {
        if !ind.levels.contains(&l) {
            return Err(invalid(
                format!("Chỉ tiêu '{kpi}' không áp dụng cho cấp '{}'", l.as_str()),
                format!("indicator '{kpi}' does not apply to level '{}'", l.as_str()),
            ));
        }
    }
    let target = Target {
        plan: plan.to_string(),
        from_year: y,
        to_year: y,
        horizon: false,
        level,
        comparator,
        value,
        source,
        set_by: Some(origin.clone()),
    };
    let text = target.describe(ind.unit);
    let name = ind.name.clone();
    ind.targets.push(target);
    let (at_vi, at_en) = level
        .map(|l| (format!(", {}", l.name().vi), format!(", {}", l.name().en)))
        .unwrap_or_default();
    let title = plan_name(plan);
    st.record(
        origin,
        kpi,
        format!(
            "mục tiêu \"{}\" của {} năm {y}{at_vi}: {}",
            name.vi, title.vi, text.vi
        ),
        format!(
            "target \"{}\" of the {} for {y}{at_en}: {}",
            name.en, title.en, text.en
        ),
    );
    Ok(())
}

/// `them_chi_tieu(#{ ... }, nguồn)`: a new indicator (its targets come with `muc_tieu`).
fn add_indicator(
    st: &mut State,
    origin: Span,
    def: &rhai::Map,
    nguon: &Dynamic,
) -> Result<(), Diagnostic> {
    use crate::kpi::{Aggregation, Formula, Group, Indicator, InputKind, InputSpec, ValueUnit};
    let nguon = st.cite(nguon)?.text();
    let id = field(
        def,
        "ma",
        ("Định nghĩa chỉ tiêu", "the indicator definition"),
    )?;
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(invalid(
            format!("Mã chỉ tiêu '{id}' chỉ gồm chữ thường không dấu, số và dấu gạch dưới"),
            format!("indicator id '{id}' must be lowercase ASCII letters, digits and underscores"),
        ));
    }
    if st.rules.catalog.get(&id).is_ok() {
        return Err(invalid(
            format!("Đã có chỉ tiêu '{id}'"),
            format!("indicator '{id}' already exists"),
        ));
    }
    let group: Group = serde_name(
        &field(def, "nhom", ("Định nghĩa chỉ tiêu", "the indicator definition"))?,
        "nhóm",
        "group",
        "leadership, infrastructure, human_resources, digital_government, digital_economy, digital_society, digital_data, security, communication, budget, overall, science",
    )?;
    let kind = field(
        def,
        "cong_thuc",
        ("Định nghĩa chỉ tiêu", "the indicator definition"),
    )?;
    let mut inputs = Vec::new();
    for item in map_array(def, "dau_vao")? {
        let m = item.try_cast::<rhai::Map>().ok_or_else(|| {
            invalid(
                "Mỗi đầu vào là một bảng #{ ma, ten, ten_en, loai }".into(),
                "each input is a map #{ ma, ten, ten_en, loai }".into(),
            )
        })?;
        let input_id = field(
            &m,
            "ma",
            ("Định nghĩa chỉ tiêu", "the indicator definition"),
        )?;
        let kind: InputKind = serde_name(
            &field(
                &m,
                "loai",
                ("Định nghĩa chỉ tiêu", "the indicator definition"),
            )?,
            "loại số liệu",
            "input kind",
            "count, money, percent, rank, boolean",
        )?;
        if let Some(existing) = st.rules.catalog.input(&input_id) {
            if existing.kind != kind {
                return Err(invalid(
                    format!("Số liệu '{input_id}' đã có với loại khác"),
                    format!("input '{input_id}' already exists with another kind"),
                ));
            }
        }
        inputs.push(InputSpec {
            id: input_id,
            name: Text::new(
                field(
                    &m,
                    "ten",
                    ("Định nghĩa chỉ tiêu", "the indicator definition"),
                )?,
                field(
                    &m,
                    "ten_en",
                    ("Định nghĩa chỉ tiêu", "the indicator definition"),
                )?,
            ),
            kind,
        });
    }
    let one = |n: usize| -> Result<(), Diagnostic> {
        if inputs.len() == n {
            Ok(())
        } else {
            Err(invalid(
                format!("Công thức '{kind}' cần {n} đầu vào, có {}", inputs.len()),
                format!("formula '{kind}' needs {n} inputs, got {}", inputs.len()),
            ))
        }
    };
    let first = || inputs.first().map(|i| i.id.clone()).unwrap_or_default();
    let (formula, unit) = match kind.as_str() {
        "rate" | "share" => {
            one(2)?;
            let (a, b) = (inputs[0].id.clone(), inputs[1].id.clone());
            let f = if kind == "rate" {
                Formula::Rate {
                    numerator: a,
                    denominator: b,
                }
            } else {
                Formula::Share { part: a, whole: b }
            };
            (f, ValueUnit::Percent)
        }
        "count" => {
            one(1)?;
            let per_year = def
                .get("theo_nam")
                .and_then(|v| v.as_bool().ok())
                .unwrap_or(false);
            (
                Formula::Count {
                    input: first(),
                    per_year,
                },
                ValueUnit::Count,
            )
        }
        "frequency" => {
            one(1)?;
            (Formula::Frequency { input: first() }, ValueUnit::PerWeek)
        }
        "rank" => {
            one(1)?;
            (Formula::Rank { input: first() }, ValueUnit::Rank)
        }
        "completion" => {
            one(1)?;
            (Formula::Completion { input: first() }, ValueUnit::Percent)
        }
        "reported" => {
            one(1)?;
            (Formula::Reported { input: first() }, ValueUnit::Percent)
        }
        other => {
            return Err(unknown(
                "công thức",
                "formula",
                other,
                Text::new(
                    "Công thức: rate, share, count, frequency, rank, completion, reported.",
                    "Formulas: rate, share, count, frequency, rank, completion, reported.",
                ),
            ))
        }
    };
    let mut levels = Vec::new();
    for l in map_array(def, "cap")? {
        let text = l.into_string().unwrap_or_default();
        levels.push(text.parse::<AdminLevel>().map_err(not_known)?);
    }
    let name = Text::new(
        field(
            def,
            "ten",
            ("Định nghĩa chỉ tiêu", "the indicator definition"),
        )?,
        field(
            def,
            "ten_en",
            ("Định nghĩa chỉ tiêu", "the indicator definition"),
        )?,
    );
    st.rules.catalog.push(Indicator {
        id: id.clone(),
        name: name.clone(),
        group,
        unit,
        aggregation: Aggregation::default_for(&formula),
        formula,
        inputs,
        levels,
        lead: None,
        targets: Vec::new(),
        retired_from: None,
    });
    st.record(
        origin,
        &id,
        format!("thêm chỉ tiêu {id} «{}» ({nguon})", name.vi),
        format!("add indicator {id} «{}» ({nguon})", name.en),
    );
    Ok(())
}
