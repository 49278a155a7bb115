//! `dxplan status` and `dxplan plans`.

use super::{day_label, due_label, Ctx};
use crate::args::StatusArgs;
use crate::input::day_arg;
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::{Engine, StatusQuery};
use std::fmt::Write as _;

/// `dxplan status --plan --kind --period [--level --submitted --today --policy]`.
pub(crate) fn status(
    engine: &Engine,
    a: &StatusArgs,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    let today = day_arg(a.today.as_deref(), "--today", ctx.clock_today)?;
    let query = StatusQuery {
        plan: a.plan.clone(),
        kind: a.kind.clone(),
        period: a.period.clone(),
        level: a.level.clone(),
        submitted: a.submitted.clone(),
        policy: a.policy.clone(),
    };
    let answer = engine.status(&query, today).flags(&[
        ("plan", "--plan"),
        ("kind", "--kind"),
        ("period", "--period"),
        ("level", "--level"),
        ("submitted", "--submitted"),
        ("policy", "--policy"),
    ])?;
    let (o, report) = (&answer.obligation, &answer.status);
    if json {
        out.push_str(&to_json(&answer));
    } else {
        let _ = writeln!(
            out,
            "{} · {} ({} → {})",
            o.names.report.get(lang),
            o.names.plan.get(lang),
            o.names.level.get(lang),
            o.recipient.name.get(lang)
        );
        let _ = writeln!(
            out,
            "{} · {} {} ({} {})",
            due_label(o, lang),
            vi_en(lang, "ngày cuối cùng đúng hạn", "last on-time day"),
            day_label(o.deadline, lang),
            vi_en(lang, "gặp ngày nghỉ:", "on a day off:"),
            o.policy.non_working_day.name().get(lang)
        );
        let _ = writeln!(out, "{}", report.message.get(lang));
    }
    Ok(())
}

/// `dxplan plans`.
pub(crate) fn plans(engine: &Engine, ctx: &Ctx, out: &mut String) -> Result<(), Failure> {
    let lang = ctx.lang;
    let plans = engine.plans();
    if ctx.json {
        out.push_str(&to_json(&plans));
        return Ok(());
    }
    for p in plans {
        let years = match p.last_year {
            Some(l) if l == p.first_year => format!("{l}"),
            Some(l) => format!("{}–{l}", p.first_year),
            None => format!("{}–", p.first_year),
        };
        let _ = writeln!(out, "{:<19} {:<10} {}", p.id, years, p.name.get(lang));
        if let Some(i) = &p.issued {
            let _ = writeln!(
                out,
                "{:<19} {:<10} {} {} {}",
                "",
                "",
                i.number,
                vi_en(lang, "ngày", "of"),
                dxplan::format_date(i.on)
            );
        }
    }
    Ok(())
}
