//! `dxplan calendar`, `dxplan holidays`, `dxplan workdays`.

use super::{day_label, due_label, Ctx};
use crate::args::{CalendarArgs, Workdays};
use crate::input::{arg, date_arg, day_arg, parse_year};
use crate::output::{to_json, vi_en, Failure, Flags};
use chrono::Datelike as _;
use dxplan::obligations::seeds::cite;
use dxplan::{
    format_date, CalendarQuery, CalendarReport, Code, DayOffReason, Diagnostic, Engine, Lang,
    Period, Severity, Text,
};
use std::fmt::Write as _;

/// A plan's title for people (its id when it is not a seed plan).
pub(crate) fn plan_title(id: &str, lang: Lang) -> String {
    dxplan::obligations::seeds::plan_title(id)
        .map(|t| t.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// `dxplan calendar YEAR [--plan --level --policy --overlap --inspection --ics --today]`.
pub(crate) fn calendar(
    engine: &Engine,
    a: &CalendarArgs,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    let year = parse_year(&a.year)?;
    let inspection = match &a.inspection {
        Some(s) => match arg(s.parse::<Period>(), "--inspection")? {
            p @ Period::Range { .. } => Some((p.start().to_string(), p.end().to_string())),
            _ => {
                return Err(Diagnostic::error(
                    Code::InspectionInvalid,
                    Text::new(
                        format!("Thời gian kiểm tra phải có dạng BẮT_ĐẦU..KẾT_THÚC: '{s}'"),
                        format!("inspection dates must be START..END: '{s}'"),
                    ),
                )
                .at("--inspection")
                .into())
            }
        },
        None => None,
    };
    let today = day_arg(a.today.as_deref(), "--today", ctx.clock_today)?;
    let query = CalendarQuery {
        plan: a.plan.clone(),
        level: a.level.clone(),
        policy: a.policy.clone(),
        overlap: a.overlap.clone(),
        inspection,
    };
    let report = engine.calendar(year, &query).flags(&[
        ("plan", "--plan"),
        ("level", "--level"),
        ("policy", "--policy"),
        ("overlap", "--overlap"),
        ("inspection", "--inspection"),
    ])?;
    if let Some(target) = &a.ics {
        let ics = dxplan::to_icalendar(&report.obligations, today, lang);
        if target == "-" {
            out.push_str(&ics);
            return Ok(());
        }
        std::fs::write(target, ics).map_err(|e| {
            Failure::Io(
                Diagnostic::error(
                    Code::OutputWriteFailed,
                    Text::new(
                        format!("Không ghi được tệp '{target}': {e}"),
                        format!("cannot write '{target}': {e}"),
                    ),
                )
                .at("--ics"),
            )
        })?;
    }
    if json {
        out.push_str(&to_json(&report));
    } else {
        render_calendar(&report, lang, out);
        // Decision 5c: a plan issued during the year obliges from that day.
        for p in engine.plans() {
            let Some(i) = &p.issued else { continue };
            if a.plan.as_deref().is_some_and(|id| id != p.id) || i.on.year() < year {
                continue;
            }
            let note = Text::new(
                format!(
                    "Lưu ý: {} ({}) được ban hành ngày {}; không có báo cáo nào đến hạn trước ngày đó. Nguồn: {}",
                    p.name.vi,
                    i.number,
                    format_date(i.on),
                    cite(&i.source, Lang::Vi)
                ),
                format!(
                    "Note: {} ({}) was issued on {}; nothing falls due before that day. Source: {}",
                    p.name.en,
                    i.number,
                    format_date(i.on),
                    cite(&i.source, Lang::En)
                ),
            );
            let _ = writeln!(out);
            let _ = writeln!(out, "{}", note.get(lang));
        }
        if report.obligations.iter().any(|o| o.provisional) {
            let why = engine.holidays(year).flags(&[])?.provisional;
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "{}{}",
                vi_en(
                    lang,
                    "(dự kiến): hạn tính trên ngày nghỉ chưa có thông báo của Chính phủ",
                    "(provisional): the deadline rests on days off no government notice has fixed yet"
                ),
                why.map(|t| format!(" — {}", t.get(lang))).unwrap_or_default()
            );
        }
    }
    Ok(())
}

/// A section of the calendar: a blank line, then its title.
fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out);
    let _ = writeln!(out, "{title}");
}

fn render_calendar(r: &CalendarReport, lang: Lang, out: &mut String) {
    let _ = writeln!(
        out,
        "{} {} — {} {}",
        vi_en(lang, "Lịch báo cáo năm", "Reporting calendar"),
        r.year,
        r.obligations.len(),
        vi_en(lang, "nghĩa vụ", "obligations")
    );
    for o in &r.obligations {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}{}  {}",
            day_label(o.deadline, lang),
            if o.provisional {
                vi_en(lang, " (dự kiến)", " (provisional)")
            } else {
                ""
            },
            o.names.report.get(lang),
        );
        let _ = writeln!(out, "    {}", o.names.plan.get(lang));
        let _ = writeln!(
            out,
            "    {} → {}",
            o.names.level.get(lang),
            o.recipient.name.get(lang)
        );
        let _ = writeln!(
            out,
            "    {} · {} {} · {}: {}",
            due_label(o, lang),
            vi_en(lang, "ngày cuối cùng đúng hạn", "last on-time day"),
            format_date(o.last_on_time_day),
            vi_en(lang, "gặp ngày nghỉ", "on a day off"),
            o.policy.non_working_day.name().get(lang)
        );
        if let Some(reason) = &o.last_day_off_reason {
            use dxplan::NonWorkingDayRule as R;
            let _ = writeln!(
                out,
                "    ⚠ {}: {} · {} {} · {} {} · {} {}",
                vi_en(lang, "ngày nghỉ", "day off"),
                reason.get(lang),
                R::Keep.name().get(lang),
                format_date(o.by_rule.keep),
                R::RollForward.name().get(lang),
                format_date(o.by_rule.roll_forward),
                R::PullBack.name().get(lang),
                format_date(o.by_rule.pull_back)
            );
        }
        if let Some(e) = &o.recipient_ended {
            let _ = writeln!(
                out,
                "    ⚠ {} {} · {}",
                vi_en(
                    lang,
                    "nơi nhận không còn từ",
                    "the recipient no longer exists from"
                ),
                format_date(e.since),
                vi_en(lang, "chưa có cơ quan kế thừa", "no successor declared")
            );
        }
        if !o.recipient_via.is_empty() {
            let _ = writeln!(
                out,
                "    ↳ {}: {}",
                vi_en(lang, "cơ quan kế thừa theo", "successor per"),
                o.recipient_via.join("; ")
            );
        }
        if let Some(e) = &o.reporter_ended {
            let _ = writeln!(
                out,
                "    ⚠ {} {}",
                vi_en(
                    lang,
                    "cấp báo cáo không còn từ",
                    "the reporting level no longer exists from"
                ),
                format_date(e.since)
            );
        }
        if let Some(by) = &o.superseded_by {
            let _ = writeln!(
                out,
                "    ↳ {} {by}",
                vi_en(lang, "thay bằng", "superseded by")
            );
        }
        let _ = writeln!(
            out,
            "    {}: {}",
            vi_en(lang, "Nguồn", "Source"),
            o.names.source.get(lang)
        );
    }
    if !r.undated.is_empty() {
        heading(
            out,
            vi_en(
                lang,
                "Văn bản yêu cầu nhưng không nêu ngày nộp (dxplan không tính hạn):",
                "Asked for without a day to report by (no deadline computed):",
            ),
        );
        for u in &r.undated {
            let every = match u.every {
                Some(k) => format!("{} · ", k.every().get(lang)),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "  {} · {}",
                u.name.get(lang),
                plan_title(&u.plan, lang)
            );
            let _ = writeln!(out, "    {} → {}", u.level.name().get(lang), u.to.get(lang));
            let _ = writeln!(out, "    {every}{}", u.open.get(lang));
            let _ = writeln!(
                out,
                "    {}: {}",
                vi_en(lang, "Nguồn", "Source"),
                cite(&u.source, lang)
            );
        }
    }
    if !r.consolidation_windows.is_empty() {
        heading(
            out,
            vi_en(
                lang,
                "Thời gian tổng hợp giữa các cấp:",
                "Consolidation windows between levels:",
            ),
        );
        for w in &r.consolidation_windows {
            let _ = writeln!(
                out,
                "  {} ({}): {} → {} = {} {} / {} {}{}",
                w.kind.title(&w.period).get(lang),
                plan_title(&w.plan, lang),
                format_date(w.from),
                format_date(w.to),
                w.days,
                vi_en(lang, "ngày", "days"),
                w.working_days,
                vi_en(lang, "ngày làm việc", "working days"),
                if w.too_short { "  ⚠" } else { "" }
            );
        }
    }
    if !r.diagnostics.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", vi_en(lang, "Lưu ý:", "Findings:"));
        for d in &r.diagnostics {
            let mark = match d.severity {
                Severity::Error => "✗",
                Severity::Warning => "⚠",
                Severity::Info => "ℹ",
            };
            let _ = writeln!(out, "  {mark} [{}] {}", d.code, d.message.get(lang));
        }
    }
}

/// `dxplan holidays YEAR`.
pub(crate) fn holidays(
    engine: &Engine,
    year: &str,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    let year = parse_year(year)?;
    let y = engine.holidays(year).flags(&[("year", "YEAR")])?;
    if json {
        out.push_str(&to_json(&y));
        return Ok(());
    }
    let _ = writeln!(
        out,
        "{} {year} — {}",
        vi_en(lang, "Ngày nghỉ năm", "Days off in"),
        y.labour_code.name().get(lang)
    );
    if let Some(why) = &y.provisional {
        let _ = writeln!(
            out,
            "⚠ {}: {}",
            vi_en(lang, "Dự kiến", "Provisional"),
            why.get(lang)
        );
    }
    for n in &y.notices {
        let _ = writeln!(out, "{}: {n}", vi_en(lang, "Căn cứ", "Notice"));
    }
    // Days off and worked weekend days, in date order.
    let mut rows: Vec<(chrono::NaiveDate, String)> = Vec::new();
    for d in &y.days_off {
        let reason = match d.reason {
            DayOffReason::Holiday => vi_en(lang, "ngày lễ", "holiday"),
            DayOffReason::Compensatory => vi_en(lang, "nghỉ bù", "compensatory"),
            DayOffReason::Swap => vi_en(lang, "hoán đổi", "swap"),
        };
        let weekend = if d.on_weekend {
            vi_en(lang, " (trùng cuối tuần)", " (on a weekend)")
        } else {
            ""
        };
        let provisional = if d.provisional {
            vi_en(lang, " (dự kiến)", " (provisional)")
        } else {
            ""
        };
        rows.push((
            d.date,
            format!(
                "  {:<24} {:<13} {}{weekend}{provisional}",
                day_label(d.date, lang),
                reason,
                d.name.get(lang)
            ),
        ));
    }
    for w in &y.working_weekend_days {
        rows.push((
            w.date,
            format!(
                "  {:<24} {:<13} {} {}",
                day_label(w.date, lang),
                vi_en(lang, "làm bù", "worked"),
                vi_en(lang, "đổi cho ngày", "in exchange for"),
                format_date(w.in_exchange_for)
            ),
        ));
    }
    rows.sort_by_key(|(date, _)| *date);
    for (_, row) in rows {
        let _ = writeln!(out, "{row}");
    }
    Ok(())
}

/// `dxplan workdays add | between | check`.
pub(crate) fn workdays(
    engine: &Engine,
    w: &Workdays,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let (json, lang) = (ctx.json, ctx.lang);
    match w {
        Workdays::Add { date, n } => {
            let d = date_arg(date, "DATE")?;
            let n: i64 = n.trim().parse().map_err(|_| {
                Diagnostic::error(
                    Code::NumberInvalid,
                    Text::new(
                        format!("Số ngày làm việc không hợp lệ: '{n}'"),
                        format!("not a whole number of working days: '{n}'"),
                    ),
                )
                .at("N")
            })?;
            let result = engine.add_working_days(d, n).flags(&[("n", "N")])?;
            if json {
                out.push_str(&to_json(&serde_json::json!({
                    "date": d, "working_days": n, "result": result,
                    "result_is_working_day": engine.check_day(result).flags(&[])?.is_working_day,
                })));
            } else {
                let _ = writeln!(out, "{}", day_label(result, lang));
            }
        }
        Workdays::Between { from, to } => {
            let a = date_arg(from, "FROM")?;
            let b = date_arg(to, "TO")?;
            let n = engine.working_days_between(a, b).flags(&[])?;
            if json {
                out.push_str(&to_json(&serde_json::json!({
                    "from": a, "to": b, "days": (b - a).num_days(), "working_days": n,
                })));
            } else {
                let _ = writeln!(
                    out,
                    "{n} {} ({} {}, {} → {})",
                    vi_en(lang, "ngày làm việc", "working days"),
                    (b - a).num_days(),
                    vi_en(lang, "ngày", "days"),
                    format_date(a),
                    format_date(b)
                );
            }
        }
        Workdays::Check { date } => {
            let d = date_arg(date, "DATE")?;
            let check = engine.check_day(d).flags(&[])?;
            if json {
                out.push_str(&to_json(&check));
            } else {
                let provisional = if check.provisional {
                    vi_en(lang, " (dự kiến)", " (provisional)")
                } else {
                    ""
                };
                match check.reason {
                    None => {
                        let _ = writeln!(
                            out,
                            "{}: {}{provisional}",
                            day_label(d, lang),
                            vi_en(lang, "ngày làm việc", "working day")
                        );
                    }
                    Some(r) => {
                        let _ = writeln!(
                            out,
                            "{}: {} — {}{provisional}",
                            day_label(d, lang),
                            vi_en(lang, "ngày nghỉ", "day off"),
                            r.get(lang)
                        );
                    }
                }
            }
        }
    }
    Ok(())
}
