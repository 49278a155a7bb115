//! `dxplan validate` and `dxplan schema`.

use super::kpi::render_by_plan;
use super::Ctx;
use crate::input::{day_arg, parse_year, read_json};
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::validation::Validation;
use dxplan::{Engine, Lang, Severity, Text};
use std::fmt::Write as _;

pub(crate) fn report_hint() -> Text {
    Text::new(
        "Báo cáo là một đối tượng JSON {\"kind\", \"plan\", \"period\", \"unit\", ...}; xem `dxplan schema quarterly` và thư mục examples/reports/.",
        "A report is a JSON object {\"kind\", \"plan\", \"period\", \"unit\", ...}; see `dxplan schema quarterly` and examples/reports/.",
    )
}

/// `dxplan validate FILE [--today DATE]`: exit 0 valid, 1 invalid, 2 bad input.
pub(crate) fn validate(
    engine: &Engine,
    file: &str,
    today: Option<&str>,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let today = day_arg(today, "--today", ctx.clock_today)?;
    let report = read_json(file, &report_hint())?;
    let result = engine.validate(&report, today);
    let mut text = String::new();
    if ctx.json {
        text = to_json(&result);
    } else {
        render(&result, &report, ctx.lang, &mut text);
    }
    if result.valid {
        out.push_str(&text);
        Ok(())
    } else {
        Err(Failure::Findings(text))
    }
}

fn render(r: &Validation, report: &serde_json::Value, lang: Lang, out: &mut String) {
    let s = |p: &str| report.pointer(p).and_then(|v| v.as_str()).unwrap_or("?");
    // The report's identity in words: "Báo cáo quý III/2025", the plan's
    // title, the unit's level (its ids are in the file).
    let period = s("/period").parse::<dxplan::Period>().ok();
    let title = match (r.kind, period) {
        (Some(k), Some(p)) => k.title(&p).get(lang).to_string(),
        (Some(k), None) => format!("{} {}", k.name().get(lang), s("/period")),
        (None, _) => format!("{} {}", s("/kind"), s("/period")),
    };
    let level = s("/unit/level")
        .parse::<dxplan::kpi::AdminLevel>()
        .map(|l| l.name().get(lang).to_string())
        .unwrap_or_else(|_| s("/unit/level").to_string());
    let _ = writeln!(
        out,
        "{title} · {} · {} ({level})",
        super::calendar::plan_title(s("/plan"), lang),
        s("/unit/name"),
    );
    if let Some(d) = &r.deadline {
        let _ = writeln!(
            out,
            "{}: {} → {}",
            vi_en(lang, "Hạn nộp", "Deadline"),
            d.status.message.get(lang),
            d.recipient.name.get(lang)
        );
    }
    let c = r.counts;
    let verdict = if r.valid {
        vi_en(lang, "✓ hợp lệ", "✓ valid")
    } else {
        vi_en(lang, "✗ không hợp lệ", "✗ invalid")
    };
    let n = |k: usize, vi: &str, en: &str| match lang {
        Lang::Vi => format!("{k} {vi}"),
        Lang::En if k == 1 => format!("{k} {en}"),
        Lang::En => format!("{k} {en}s"),
    };
    let _ = writeln!(
        out,
        "{verdict}: {}, {}, {}",
        n(c.errors, "lỗi", "error"),
        n(c.warnings, "cảnh báo", "warning"),
        n(c.infos, "ghi chú", "note"),
    );
    for d in &r.diagnostics {
        let sev = match d.severity {
            Severity::Error => vi_en(lang, "lỗi", "error"),
            Severity::Warning => vi_en(lang, "cảnh báo", "warning"),
            Severity::Info => vi_en(lang, "ghi chú", "note"),
        };
        let _ = writeln!(
            out,
            "  {sev:<9} {:<40} {}: {}",
            d.path.as_deref().unwrap_or(""),
            d.code,
            d.message.get(lang)
        );
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "            → {}", h.get(lang));
        }
    }
    if let Some(ev) = r.kpi.as_ref().filter(|ev| !ev.results.is_empty()) {
        let parts = super::kpi::tally(&ev.results, lang);
        let _ = writeln!(
            out,
            "{}: {}",
            vi_en(lang, "Chỉ tiêu", "Indicators"),
            parts.join(", ")
        );
        render_by_plan(&ev.results, lang, out);
    }
}

/// `dxplan schema KIND [--year Y]`: the JSON Schema of a report kind.
pub(crate) fn schema(
    engine: &Engine,
    kind: &str,
    year: Option<&str>,
    fields: bool,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let year = match year {
        Some(y) => parse_year(y).map_err(|d| d.at("--year"))?,
        None => chrono::Datelike::year(&ctx.clock_today),
    };
    if fields {
        let f = engine
            .field_reference(kind, year)
            .map_err(at_kind)
            .flags(&[("kind", "KIND"), ("year", "--year")])?;
        out.push_str(&if ctx.json {
            to_json(&f)
        } else {
            dxplan::validation::reference::markdown(&f)
        });
        return Ok(());
    }
    let s = engine
        .schema(kind, year)
        .map_err(at_kind)
        .flags(&[("kind", "KIND"), ("year", "--year")])?;
    out.push_str(&to_json(&s));
    Ok(())
}

/// A kind without a form is a problem of KIND too.
fn at_kind(e: Vec<dxplan::Diagnostic>) -> Vec<dxplan::Diagnostic> {
    e.into_iter()
        .map(|d| if d.path.is_none() { d.at("kind") } else { d })
        .collect()
}
