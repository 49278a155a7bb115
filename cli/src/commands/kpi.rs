//! `dxplan kpi list` and `dxplan kpi eval`.

use super::Ctx;
use crate::args::Kpi;
use crate::input::{invalid_json, parse_year, read_json};
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::kpi::verdict::with_unit;
use dxplan::kpi::{catalog::markdown_table, Consolidation, Evaluation, KpiResult, KpiStatus};
use dxplan::{Diagnostic, Engine, KpiOptions, Lang, Text};
use std::fmt::Write as _;

pub(crate) fn run(engine: &Engine, k: &Kpi, ctx: &Ctx, out: &mut String) -> Result<(), Failure> {
    match k {
        Kpi::List {
            plan,
            year,
            markdown,
        } => list(
            engine,
            plan.as_deref(),
            year.as_deref(),
            *markdown,
            ctx,
            out,
        ),
        Kpi::Eval { file, plan, year } => eval(engine, file, plan, year.as_deref(), ctx, out),
    }
}

/// `dxplan kpi list [--plan --year --markdown]`.
fn list(
    engine: &Engine,
    plan: Option<&str>,
    year: Option<&str>,
    markdown: bool,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    let year = match year {
        Some(y) => Some(parse_year(y).map_err(|d| d.at("--year"))?),
        None => None,
    };
    let selected = engine
        .kpi_catalog(plan, year)
        .flags(&[("plan", "--plan"), ("year", "--year")])?;
    if markdown {
        let rules = engine.rules();
        out.push_str(&markdown_table(&rules.catalog, &rules.plans));
        return Ok(());
    }
    if json {
        out.push_str(&to_json(&selected));
        return Ok(());
    }
    let _ = writeln!(
        out,
        "{} {} {}",
        selected.len(),
        vi_en(lang, "chỉ tiêu", "indicators"),
        match (plan, year) {
            (Some(p), Some(y)) => format!("({}, {y})", super::calendar::plan_title(p, lang)),
            (Some(p), None) => format!("({})", super::calendar::plan_title(p, lang)),
            (None, Some(y)) => format!("({y})"),
            (None, None) => String::new(),
        }
    );
    let mut group = None;
    for ind in &selected {
        if group != Some(ind.group) {
            group = Some(ind.group);
            let _ = writeln!(out, "\n== {} ==", ind.group.name().get(lang));
        }
        let _ = writeln!(out, "{}  {}", ind.id, ind.name.get(lang));
        for t in &ind.targets {
            let years = t.years_text();
            let level = t
                .level
                .map(|l| format!(" ({})", l.name().get(lang)))
                .unwrap_or_default();
            // The source names the plan's document; the plan is named too
            // when the target cites another one.
            let cited = dxplan::obligations::seeds::cite(&t.source.cite(), lang);
            let title = super::calendar::plan_title(&t.plan, lang);
            let source = if cited.starts_with(&title) {
                cited
            } else {
                format!("{title} — {cited}")
            };
            let _ = writeln!(
                out,
                "    {:<10} {}{level} · {source}",
                years,
                t.describe(ind.unit).get(lang),
            );
        }
    }
    Ok(())
}

fn kpi_hint() -> Text {
    Text::new(
        "Một đơn vị: {\"unit\", \"level\", \"period\", \"values\": {...}}; tổng hợp: {\"level\", \"period\", \"units\": [...]}. Xem thư mục examples/.",
        "One unit: {\"unit\", \"level\", \"period\", \"values\": {...}}; consolidation: {\"level\", \"period\", \"units\": [...]}. See examples/.",
    )
}

/// `dxplan kpi eval FILE [--plan P]… [--year Y]`: one unit, or a
/// consolidation when the file has `units`.
fn eval(
    engine: &Engine,
    file: &str,
    plans: &[String],
    year: Option<&str>,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    let options = KpiOptions {
        plans: plans.to_vec(),
        year: match year {
            Some(y) => Some(parse_year(y).map_err(|d| d.at("--year"))?),
            None => None,
        },
        // People reading the command line's answer see the documents' words.
        explain: Some(true),
    };
    let names = [("plans", "--plan"), ("year", "--year")];
    let value = read_json(file, &kpi_hint())?;
    let has_errors;
    if value.get("units").is_some() {
        let input =
            serde_json::from_value(value).map_err(|e| invalid_json(file, &e, &kpi_hint()))?;
        let c = engine.consolidate_kpi(&input, &options).flags(&names)?;
        has_errors = !c.valid;
        if json {
            out.push_str(&to_json(&c));
        } else {
            render_consolidation(&c, lang, out);
        }
    } else {
        let input =
            serde_json::from_value(value).map_err(|e| invalid_json(file, &e, &kpi_hint()))?;
        let ev = engine.evaluate_kpi(&input, &options).flags(&names)?;
        has_errors = !ev.valid;
        if json {
            out.push_str(&to_json(&ev));
        } else {
            render_evaluation(&ev, lang, out);
        }
    }
    if has_errors {
        Err(Failure::Findings(std::mem::take(out)))
    } else {
        Ok(())
    }
}

fn mark(status: KpiStatus) -> &'static str {
    match status {
        KpiStatus::Met => "✓",
        KpiStatus::NotMet => "✗",
        KpiStatus::InProgress => "…",
        KpiStatus::NoTarget => "·",
        KpiStatus::NotComputable => "?",
        KpiStatus::NotAggregated => "–",
    }
}

/// Results under the title of the plan whose target they are judged
/// against, plans in the order they first appear.
pub(crate) fn render_by_plan(results: &[KpiResult], lang: Lang, out: &mut String) {
    let mut plans: Vec<&str> = Vec::new();
    for r in results {
        if !plans.contains(&r.plan.as_str()) {
            plans.push(&r.plan);
        }
    }
    for p in plans {
        let _ = writeln!(
            out,
            "{} {}:",
            vi_en(lang, "Theo", "Per the"),
            super::calendar::plan_title(p, lang)
        );
        for r in results.iter().filter(|r| r.plan == p) {
            let mut line = String::new();
            render_result(r, lang, &mut line);
            for l in line.lines() {
                let _ = writeln!(out, "  {l}");
            }
        }
    }
}

fn render_result(r: &KpiResult, lang: Lang, out: &mut String) {
    let value = r
        .value_display()
        .map(|v| with_unit(v.get(lang), r.unit, lang))
        .unwrap_or_else(|| "—".into());
    let prorated = r
        .target
        .as_ref()
        .filter(|t| t.prorated)
        .map(|t| {
            format!(
                " ({} {})",
                vi_en(
                    lang,
                    "mục tiêu theo tỷ lệ kỳ:",
                    "target prorated to the period:"
                ),
                with_unit(t.effective_value.display().get(lang), t.unit, lang)
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} {}: {value} · {}{prorated}",
        mark(r.status),
        r.indicator.name.get(lang),
        r.summary().get(lang),
    );
    for d in &r.diagnostics {
        let _ = writeln!(out, "    [{}] {}", d.code, d.message.get(lang));
    }
    if let Some(n) = r.contributing_units {
        let _ = writeln!(
            out,
            "    {n} {}",
            vi_en(lang, "đơn vị có đủ số liệu", "units with every input")
        );
    }
}

fn render_diagnostics(diags: &[Diagnostic], lang: Lang, out: &mut String) {
    if diags.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        vi_en(lang, "Vấn đề về số liệu:", "Input problems:")
    );
    for d in diags {
        let _ = writeln!(
            out,
            "  [{}] {} ({})",
            d.code,
            d.message.get(lang),
            d.path.as_deref().unwrap_or("")
        );
    }
}

fn render_evaluation(ev: &Evaluation, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "{}: {} ({}) · {} · {} {}",
        vi_en(lang, "Đánh giá chỉ tiêu", "Indicator evaluation"),
        ev.unit,
        ev.level.name().get(lang),
        ev.period.name().get(lang),
        vi_en(lang, "mục tiêu năm", "targets of"),
        ev.year
    );
    render_diagnostics(&ev.diagnostics, lang, out);
    render_by_plan(&ev.results, lang, out);
    let met = ev
        .results
        .iter()
        .filter(|r| r.status == KpiStatus::Met)
        .count();
    let not_met = ev
        .results
        .iter()
        .filter(|r| r.status == KpiStatus::NotMet)
        .count();
    let mut parts = vec![
        format!("{met} {}", vi_en(lang, "đạt", "met")),
        format!("{not_met} {}", vi_en(lang, "không đạt", "not met")),
    ];
    if let Some(p) = in_progress_part(&ev.results, lang) {
        parts.push(p);
    }
    parts.push(format!(
        "{} {}",
        ev.not_reported.len(),
        vi_en(lang, "chỉ tiêu chưa báo cáo", "indicators not reported")
    ));
    let _ = writeln!(
        out,
        "{}: {}",
        vi_en(lang, "Tổng", "Total"),
        parts.join(" · ")
    );
}

/// "N đang thực hiện" when some horizon target is not yet due (Decision 34);
/// left out of the tallies of years where every target is judged.
fn in_progress_part(results: &[KpiResult], lang: Lang) -> Option<String> {
    let n = results
        .iter()
        .filter(|r| r.status == KpiStatus::InProgress)
        .count();
    (n > 0).then(|| format!("{n} {}", vi_en(lang, "đang thực hiện", "in progress")))
}

/// The outcomes of a set of results: met, not met, in progress (when any),
/// cannot be computed.
pub(crate) fn tally(results: &[KpiResult], lang: Lang) -> Vec<String> {
    let count = |st: KpiStatus| results.iter().filter(|r| r.status == st).count();
    let mut parts = vec![
        format!("{} {}", count(KpiStatus::Met), vi_en(lang, "đạt", "met")),
        format!(
            "{} {}",
            count(KpiStatus::NotMet),
            vi_en(lang, "không đạt", "not met")
        ),
    ];
    parts.extend(in_progress_part(results, lang));
    parts.push(format!(
        "{} {}",
        count(KpiStatus::NotComputable),
        vi_en(lang, "không tính được", "cannot be computed")
    ));
    parts
}

fn render_consolidation(c: &Consolidation, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "{}: {} ({}) · {} · {} {}",
        vi_en(lang, "Tổng hợp chỉ tiêu", "Consolidated indicators"),
        c.unit.as_deref().unwrap_or("-"),
        c.level.name().get(lang),
        c.period.name().get(lang),
        vi_en(lang, "mục tiêu năm", "targets of"),
        c.year
    );
    let _ = writeln!(
        out,
        "{} ({}): {}",
        vi_en(lang, "Đơn vị đã báo cáo", "Units reported"),
        c.units_reported.len(),
        c.units_reported.join(", ")
    );
    if !c.units_missing.is_empty() {
        let _ = writeln!(
            out,
            "{} ({}): {}",
            vi_en(lang, "Đơn vị chưa báo cáo", "Units missing"),
            c.units_missing.len(),
            c.units_missing.join(", ")
        );
    }
    render_diagnostics(&c.diagnostics, lang, out);
    let _ = writeln!(
        out,
        "{}",
        vi_en(lang, "Kết quả tổng hợp:", "Consolidated results:")
    );
    render_by_plan(&c.results, lang, out);
    let _ = writeln!(out, "{}", vi_en(lang, "Từng đơn vị:", "Each unit:"));
    for u in &c.per_unit {
        let parts = tally(&u.results, lang);
        let _ = writeln!(out, "  {}: {}", u.unit, parts.join(" · "));
    }
}
