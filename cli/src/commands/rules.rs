//! `dxplan rules check | test | diff | explain`.

use super::calendar::plan_title;
use super::Ctx;
use crate::args::Rules;
use crate::input::{at_files, date_arg, parse_year, read_documents, read_rules_dir, read_text};
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::obligations::seeds::cite;
use dxplan::rules::testing;
use dxplan::{format_date, Code, Diagnostic, Engine, Lang, ScriptText, Text};
use std::fmt::Write as _;
use std::path::Path;

pub(crate) fn run(cmd: &Rules, ctx: &Ctx, out: &mut String) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    match cmd {
        Rules::Check { files, documents } => {
            let (scripts, paths) = if !files.is_empty() {
                let mut scripts = Vec::new();
                let mut errors = Vec::new();
                for f in files {
                    match read_text(Path::new(f)) {
                        Ok(s) => scripts.push(s),
                        Err(d) => errors.push(d),
                    }
                }
                if !errors.is_empty() {
                    return Err(Failure::Rules(errors, 1));
                }
                (scripts, files.clone())
            } else if let Some(dir) = ctx.rules_dir {
                let d = read_rules_dir(dir)?;
                (d.scripts, d.paths)
            } else {
                (Engine::default_scripts(), Vec::new())
            };
            let documents = match documents {
                Some(dir) => read_documents(dir)?,
                None => Vec::new(),
            };
            let check = Engine::check_rules_against(&scripts, &documents);
            if !check.ok {
                return Err(Failure::Rules(at_files(check.diagnostics, &paths), 1));
            }
            let warnings = at_files(check.diagnostics, &paths);
            if json {
                out.push_str(&to_json(&serde_json::json!({
                    "ok": true, "files": check.files, "changes": check.changes, "checks": check.checks,
                    "quotes_checked": check.quotes_checked, "warnings": warnings,
                })));
            } else {
                let _ = writeln!(
                    out,
                    "✓ {} {}, {} {}, {} {}",
                    check.files,
                    vi_en(lang, "tệp quy tắc", "rule files"),
                    check.changes.len(),
                    vi_en(lang, "thay đổi", "changes"),
                    check.checks.len(),
                    vi_en(lang, "kiểm tra tùy chỉnh", "custom checks")
                );
                for c in &check.changes {
                    let _ = writeln!(out, "  {}: {}", c.origin, c.summary.get(lang));
                }
                if documents.is_empty() {
                    let _ = writeln!(
                        out,
                        "{}",
                        vi_en(
                            lang,
                            "Câu trích chưa được đối chiếu với văn bản gốc (thêm --documents THƯ_MỤC).",
                            "Quotes were not checked against their documents (add --documents FOLDER)."
                        )
                    );
                } else {
                    let _ = writeln!(
                        out,
                        "✓ {} {}",
                        check.quotes_checked,
                        vi_en(
                            lang,
                            "câu trích đúng nguyên văn",
                            "quotes match their documents"
                        )
                    );
                }
                for w in &warnings {
                    let _ = writeln!(out, "{}", w.render(lang));
                }
            }
            Ok(())
        }
        Rules::Test { dir } => {
            let (engine, tests): (Engine, Vec<ScriptText>) = match dir.as_deref().or(ctx.rules_dir)
            {
                Some(d) => {
                    let d = read_rules_dir(d).map_err(|f| match f {
                        Failure::Rules(d, _) => Failure::Rules(d, 1),
                        other => other,
                    })?;
                    let engine = Engine::from_scripts(&d.scripts)
                        .map_err(|e| Failure::Rules(at_files(e, &d.paths), 1))?;
                    (engine, d.tests)
                }
                None => (Engine::with_defaults(), Engine::default_rule_tests()),
            };
            let outcomes = engine.test_rules(&tests);
            let failed = outcomes.iter().filter(|o| !o.passed).count();
            if json {
                out.push_str(&to_json(&outcomes));
            } else {
                for o in &outcomes {
                    let mark = if o.passed { "✓" } else { "✗" };
                    let _ = writeln!(out, "{mark} {}: {} = {}", o.at, o.query, o.actual);
                }
                let _ = writeln!(
                    out,
                    "rules: {} passed, {failed} failed",
                    outcomes.len() - failed
                );
            }
            if failed > 0 {
                return Err(Failure::Rules(testing::failures(&outcomes), 1));
            }
            if outcomes.is_empty() {
                return Err(Failure::Rules(
                    vec![Diagnostic::error(
                        Code::RulesTestFailed,
                        Text::new(
                            "Không có tệp kiểm thử (tests/*.test)",
                            "no test files (tests/*.test)",
                        ),
                    )],
                    1,
                ));
            }
            Ok(())
        }
        Rules::Diff { year_a, year_b } => {
            let a = parse_year(year_a).map_err(|d| d.at("YEAR_A"))?;
            let b = parse_year(year_b).map_err(|d| d.at("YEAR_B"))?;
            let engine = ctx.engine()?;
            let d = engine
                .diff(a, b)
                .flags(&[("yearA", "YEAR_A"), ("yearB", "YEAR_B")])?;
            render_diff(&engine, &d, json, lang, out);
            Ok(())
        }
        Rules::Explain {
            date,
            kpi,
            deadline,
            plan,
            level,
        } => {
            let d = date_arg(date, "--date")?;
            explain(
                &ctx.engine()?,
                d,
                kpi.as_deref(),
                deadline.as_deref(),
                plan.as_deref(),
                level.as_deref(),
                json,
                lang,
                out,
            )
        }
    }
}

fn render_diff(
    engine: &Engine,
    d: &dxplan::rules::RulesDiff,
    json: bool,
    lang: Lang,
    out: &mut String,
) {
    if json {
        out.push_str(&to_json(d));
        return;
    }
    let _ = writeln!(
        out,
        "{} {} → {}",
        vi_en(lang, "Thay đổi quy tắc", "Rule changes"),
        d.from_year,
        d.to_year
    );
    for c in &d.changes {
        let _ = writeln!(out, "  {}: {}", c.origin, c.summary.get(lang));
    }
    if !d.targets.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            vi_en(lang, "Mục tiêu khác nhau:", "Targets that differ:")
        );
        let text = |t: &Option<Text>| t.as_ref().map_or("—", |t| t.get(lang)).to_string();
        for t in &d.targets {
            let name = engine
                .rules()
                .catalog
                .get(&t.kpi)
                .map(|i| i.name.get(lang).to_string())
                .unwrap_or_else(|_| t.kpi.clone());
            let _ = writeln!(
                out,
                "  {name} ({}): {}: {} → {}: {}   ({})",
                plan_title(&t.plan, lang),
                d.from_year,
                text(&t.from),
                d.to_year,
                text(&t.to),
                t.origin.get(lang)
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn explain(
    engine: &Engine,
    date: chrono::NaiveDate,
    kpi: Option<&str>,
    deadline: Option<&str>,
    plan: Option<&str>,
    level: Option<&str>,
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    match (kpi, deadline) {
        (Some(k), _) => {
            let all = engine
                .explain_target(k, plan, date)
                .flags(&[("kpi", "--kpi"), ("plan", "--plan")])?;
            let ind = engine.rules().catalog.get(k).map_err(|d| d.at("--kpi"))?;
            if json {
                out.push_str(&to_json(
                    &serde_json::json!({"kpi": k, "date": date, "plans": all}),
                ));
                return Ok(());
            }
            let _ = writeln!(out, "{} · {}", ind.name.get(lang), format_date(date));
            for dxplan::rules::PlanSteps { plan: p, steps } in &all {
                let _ = writeln!(out, "  {}:", plan_title(p, lang));
                if steps.is_empty() {
                    let _ = writeln!(
                        out,
                        "      {}",
                        vi_en(lang, "không có mục tiêu năm này", "no target this year")
                    );
                }
                for s in steps {
                    let mark = if s.in_force { "→" } else { " " };
                    let _ = writeln!(
                        out,
                        "    {mark} {}: {}",
                        cite(&s.origin, lang),
                        s.summary.get(lang)
                    );
                }
            }
            Ok(())
        }
        (None, Some(kind)) => {
            let plan_id = plan.ok_or_else(|| {
                Diagnostic::error(
                    Code::PlanUnknown,
                    Text::new("Cần --plan cùng với --deadline", "--deadline needs --plan"),
                )
                .at("--plan")
            })?;
            let e = engine
                .explain_deadline(plan_id, kind, level, date)
                .flags(&[
                    ("kind", "--deadline"),
                    ("level", "--level"),
                    ("plan", "--plan"),
                ])?;
            if json {
                out.push_str(&to_json(&e));
                return Ok(());
            }
            let _ = writeln!(
                out,
                "{} · {} · {} · {}",
                plan_title(plan_id, lang),
                e.kind.name().get(lang),
                e.level.name().get(lang),
                format_date(date)
            );
            for o in &e.obligations {
                let _ = writeln!(
                    out,
                    "  {} {}: {} {} → {} ({})",
                    o.period.name().get(lang),
                    vi_en(lang, "hạn", "due"),
                    vi_en(lang, "trước ngày", "before"),
                    format_date(o.due_before),
                    format_date(o.deadline),
                    cite(&o.source, lang)
                );
            }
            if let Some(recipients) = &e.recipients {
                let _ = writeln!(
                    out,
                    "  {}:",
                    vi_en(lang, "Nơi nhận theo thời gian", "Recipients over time")
                );
                for c in recipients {
                    let from = c.from.map(format_date).unwrap_or_else(|| "—".into());
                    let mark = if e.recipient_in_force.as_deref() == Some(c.recipient.id.as_str()) {
                        "→"
                    } else {
                        " "
                    };
                    let _ = writeln!(
                        out,
                        "  {mark} {} {from}: {} ({})",
                        vi_en(lang, "từ", "from"),
                        c.recipient.name.get(lang),
                        cite(&c.source, lang)
                    );
                }
            }
            Ok(())
        }
        (None, None) => Err(Failure::Input(
            Diagnostic::error(
                Code::KpiUnknown,
                Text::new("Cần --kpi hoặc --deadline", "give --kpi or --deadline"),
            )
            .at("--kpi"),
        )),
    }
}
