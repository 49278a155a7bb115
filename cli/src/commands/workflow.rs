//! `dxplan workflow new | apply | rollup`.

use super::kpi::render_by_plan;
use super::report::report_hint;
use super::Ctx;
use crate::args::WorkflowCommand;
use crate::input::{read_as, read_json};
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::workflow::{describe_late, ReportRecord, Transition};
use dxplan::{Engine, RollupQuery, Text};
use std::fmt::Write as _;

pub(crate) fn record_hint() -> Text {
    Text::new(
        "Trạng thái: {\"report\": {...}, \"state\": \"draft\", \"history\": []} (tạo bằng `dxplan workflow new BÁO_CÁO.json`); thao tác: {\"action\", \"by\": {\"role\", \"name\"}, \"at\", \"note\", \"reasons\"}.",
        "State: {\"report\": {...}, \"state\": \"draft\", \"history\": []} (made by `dxplan workflow new REPORT.json`); transition: {\"action\", \"by\": {\"role\", \"name\"}, \"at\", \"note\", \"reasons\"}.",
    )
}

pub(crate) fn run(
    engine: &Engine,
    w: &WorkflowCommand,
    ctx: &Ctx,
    out: &mut String,
) -> Result<(), Failure> {
    let lang = ctx.lang;
    match w {
        // `dxplan workflow new REPORT.json`: a draft record.
        WorkflowCommand::New { report } => {
            let report = read_json(report, &report_hint())?;
            out.push_str(&to_json(&Engine::workflow_new(report)));
            Ok(())
        }
        // `dxplan workflow apply STATE.json TRANSITION.json`: the new record on
        // standard output; a refused transition exits 1 with its reasons.
        WorkflowCommand::Apply { state, transition } => {
            let record: ReportRecord = read_as(state, &record_hint())?;
            let t: Transition = read_as(transition, &record_hint())?;
            match engine.workflow_apply(&record, &t) {
                Ok(next) => {
                    out.push_str(&to_json(&next));
                    Ok(())
                }
                Err(diags) => Err(Failure::Rules(diags, 1)),
            }
        }
        // `dxplan workflow rollup STATE.json… --level L --period P --plan ID [--expected a,b]`.
        WorkflowCommand::Rollup {
            states,
            level,
            period,
            plan,
            expected,
        } => {
            let query = RollupQuery {
                level: level.clone(),
                period: period.clone(),
                plan: plan.clone(),
                expected: expected.clone(),
            };
            let mut records = Vec::new();
            for f in states {
                records.push(read_as::<ReportRecord>(f, &record_hint())?);
            }
            let r = engine.rollup(&records, &query).flags(&[
                ("level", "--level"),
                ("period", "--period"),
                ("plan", "--plan"),
            ])?;
            if ctx.json {
                out.push_str(&to_json(&r));
                return Ok(());
            }
            let _ = writeln!(
                out,
                "{} {} · {} · {} {}",
                vi_en(lang, "Tổng hợp", "Roll-up"),
                r.kpi.period.name().get(lang),
                super::calendar::plan_title(plan, lang),
                r.kpi.units_reported.len(),
                vi_en(lang, "đơn vị đã tiếp nhận", "accepted units"),
            );
            let list = |v: &[String]| {
                if v.is_empty() {
                    "—".to_string()
                } else {
                    v.join(", ")
                }
            };
            let _ = writeln!(
                out,
                "{}: {}",
                vi_en(lang, "Chưa có báo cáo được tiếp nhận", "No accepted report"),
                list(&r.missing)
            );
            for (u, s) in &r.not_accepted {
                let _ = writeln!(out, "  {u}: {}", s.name().get(lang));
            }
            let _ = writeln!(
                out,
                "{}: {}",
                vi_en(lang, "Gửi trễ hạn", "Sent late"),
                if r.late.is_empty() { "—" } else { "" }
            );
            for l in &r.late {
                let _ = writeln!(out, "  {}", describe_late(l).get(lang));
            }
            for d in &r.diagnostics {
                let _ = writeln!(out, "  {}", d.render(lang));
            }
            render_by_plan(&r.kpi.results, lang, out);
            Ok(())
        }
    }
}
