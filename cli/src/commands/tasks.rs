//! `dxplan tasks [--as-of DATE] [--agency NAME] [--progress FILE]`.

use super::Ctx;
use crate::input::{day_arg, read_as};
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::{Engine, TasksQuery, Text};
use std::fmt::Write as _;

pub(crate) fn run(
    engine: &Engine,
    as_of: Option<&str>,
    agency: Option<&str>,
    progress: Option<&str>,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    let as_of = day_arg(as_of, "--as-of", ctx.clock_today)?;
    let query = TasksQuery {
        agency: agency.map(str::to_string),
        progress: match progress {
            Some(f) => {
                let hint = Text::new(
                    "Tiến độ: [{\"task\": \"000-V-4.3\", \"on\": \"2025-10-10\", \"kind\": \"progress|done|triggered\", \"note\": \"...\"}]",
                    "Progress: [{\"task\": \"000-V-4.3\", \"on\": \"2025-10-10\", \"kind\": \"progress|done|triggered\", \"note\": \"...\"}]",
                );
                read_as(f, &hint)?
            }
            None => Vec::new(),
        },
    };
    // A problem in a record is at its place in the progress file.
    let statuses = engine.tasks(&query, as_of).flags(&[("progress", "")])?;
    if json {
        out.push_str(&to_json(&statuses));
        return Ok(());
    }
    let _ = writeln!(
        out,
        "{} {} — {} {}",
        vi_en(lang, "Nhiệm vụ ngày", "Tasks as of"),
        dxplan::format_date(as_of),
        statuses.len(),
        vi_en(lang, "nhiệm vụ", "tasks")
    );
    for s in &statuses {
        let _ = writeln!(out, "\n{:<11} {}", s.task.id, s.task.title);
        let _ = writeln!(
            out,
            "    {}: {}",
            vi_en(lang, "Chủ trì", "Lead"),
            s.task.lead
        );
        for r in &s.agencies_changed {
            let now = match &r.now {
                Some(n) => n.name.get(lang).to_string(),
                None => vi_en(lang, "chưa có cơ quan kế thừa", "no successor declared").to_string(),
            };
            let _ = writeln!(
                out,
                "    {} {}: {} → {now}",
                vi_en(lang, "Từ", "From"),
                dxplan::format_date(r.since),
                r.named
            );
        }
        if let Some(c) = &s.task.coordinating {
            let _ = writeln!(out, "    {}: {c}", vi_en(lang, "Phối hợp", "With"));
        }
        if let Some(o) = &s.task.output {
            let _ = writeln!(out, "    {}: {o}", vi_en(lang, "Kết quả", "Output"));
        }
        let _ = writeln!(
            out,
            "    {}: {} · {}",
            vi_en(lang, "Thời hạn", "Term"),
            s.task.term_text,
            s.message.get(lang)
        );
    }
    Ok(())
}
