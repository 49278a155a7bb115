//! `dxplan tasks [--as-of DATE] [--agency NAME] [--progress FILE]`.

use super::Ctx;
use crate::input::{day_arg, invalid_json, read_json};
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::tasks::{Progress, TaskEvent};
use dxplan::{Engine, TasksQuery, Text};
use std::fmt::Write as _;

/// A progress file with events: `{"events": [...], "progress": [...]}`.
#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Log {
    #[serde(default)]
    events: Vec<TaskEvent>,
    #[serde(default)]
    progress: Vec<Progress>,
}

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
    let hint = Text::new(
        "Tiến độ: [{\"task\": \"000-V-4.3\", \"on\": \"2025-10-10\", \"kind\": \"progress|done|triggered\", \"note\": \"...\"}], hoặc {\"events\": [{\"event\": \"Trung ương ban hành văn bản hướng dẫn\", \"on\": \"2025-06-02\", \"starts\": [\"004-II-15\"]}], \"progress\": [...]}",
        "Progress: [{\"task\": \"000-V-4.3\", \"on\": \"2025-10-10\", \"kind\": \"progress|done|triggered\", \"note\": \"...\"}], or {\"events\": [{\"event\": \"...\", \"on\": \"2025-06-02\", \"starts\": [\"004-II-15\"]}], \"progress\": [...]}",
    );
    // A progress file is a list of records, or an object with `events` and
    // `progress`; a problem is shown at its place in the file.
    let (log, whole_file) = match progress {
        Some(f) => match read_json(f, &hint)? {
            v @ serde_json::Value::Array(_) => (
                Log {
                    progress: serde_json::from_value(v).map_err(|e| invalid_json(f, &e, &hint))?,
                    events: Vec::new(),
                },
                false,
            ),
            v => (
                serde_json::from_value(v).map_err(|e| invalid_json(f, &e, &hint))?,
                true,
            ),
        },
        None => (Log::default(), false),
    };
    let query = TasksQuery {
        agency: agency.map(str::to_string),
        progress: log.progress,
        events: log.events,
    };
    let statuses = match engine.tasks(&query, as_of) {
        Err(errors) if whole_file => {
            let errors: Vec<_> = errors
                .into_iter()
                .map(|d| {
                    let path = format!("/{}", d.path.as_deref().unwrap_or(""));
                    d.at(path)
                })
                .collect();
            Err(errors).flags(&[])?
        }
        r => r.flags(&[("progress", "")])?,
    };
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
        if let Some(r) = &s.task.reading {
            let _ = writeln!(
                out,
                "    {}: {r}",
                vi_en(lang, "Cách đọc văn bản", "Reading of the text")
            );
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
