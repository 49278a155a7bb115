//! `dxplan workflow new | apply | rollup | verify | seal`.

use super::kpi::render_by_plan;
use super::report::report_hint;
use super::Ctx;
use crate::args::WorkflowCommand;
use crate::input::{read_as, read_json};
use crate::output::{to_json, vi_en, Failure, Flags};
use dxplan::workflow::{describe_late, Actor, ReportRecord, Role, SealKey, Transition};
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
        WorkflowCommand::Apply {
            state,
            transition,
            key_file,
        } => {
            let record: ReportRecord = read_as(state, &record_hint())?;
            let t: Transition = read_as(transition, &record_hint())?;
            let key = read_key(key_file.as_deref())?;
            match engine.workflow_apply(&record, &t, key.as_ref()) {
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
            key_file,
        } => {
            let key = read_key(key_file.as_deref())?;
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
            let r = engine.rollup(&records, &query, key.as_ref()).flags(&[
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
        // `dxplan workflow verify STATE.json…`: each record against its sealed history.
        WorkflowCommand::Verify { states, key_file } => {
            let key = read_key(key_file.as_deref())?;
            let mut failed = Vec::new();
            let mut report = Vec::new();
            for f in states {
                let record: ReportRecord = read_as(f, &record_hint())?;
                match Engine::workflow_verify(&record, key.as_ref()) {
                    Ok(()) => {
                        report.push(serde_json::json!({"file": f, "ok": true}));
                        if !ctx.json {
                            let _ = writeln!(
                                out,
                                "✓ {f}: {}",
                                vi_en(lang, "khớp niêm phong", "matches its seals")
                            );
                        }
                    }
                    Err(diags) => {
                        report.push(serde_json::json!({"file": f, "ok": false, "errors": diags}));
                        failed.extend(diags.into_iter().map(|d| {
                            let path = d.path.clone().unwrap_or_default();
                            d.at(format!("{f}:{path}"))
                        }));
                    }
                }
            }
            if ctx.json {
                out.push_str(&to_json(&report));
            }
            if failed.is_empty() {
                Ok(())
            } else {
                Err(Failure::Rules(failed, 1))
            }
        }
        // `dxplan workflow seal STATE.json --by NAME --role ROLE --at TIME`.
        WorkflowCommand::Seal {
            state,
            by,
            role,
            at,
            key_file,
        } => {
            let record: ReportRecord = read_as(state, &record_hint())?;
            let key = read_key(key_file.as_deref())?;
            let role: Role = serde_json::from_value(serde_json::Value::String(role.clone()))
                .map_err(|_| {
                    Failure::Rules(
                        vec![dxplan::Diagnostic::invalid_input(
                            "--role",
                            Text::new(
                                "một vai trò: unit, city_office, province_department",
                                "a role: unit, city_office, province_department",
                            ),
                            role,
                        )],
                        2,
                    )
                })?;
            let actor = Actor {
                role,
                name: by.clone(),
            };
            match engine.workflow_seal(&record, &actor, at, key.as_ref()) {
                Ok(next) => {
                    out.push_str(&to_json(&next));
                    Ok(())
                }
                Err(diags) => Err(Failure::Rules(diags, 1)),
            }
        }
    }
}

/// The sealing key in `file` (its bytes, without a final line break).
fn read_key(file: Option<&str>) -> Result<Option<SealKey>, Failure> {
    let Some(f) = file else { return Ok(None) };
    let bytes = std::fs::read(f).map_err(|e| {
        Failure::Rules(
            vec![dxplan::Diagnostic::error(
                dxplan::Code::RulesFile,
                Text::new(
                    format!("Không đọc được tệp khóa '{f}': {e}"),
                    format!("cannot read the key file '{f}': {e}"),
                ),
            )],
            2,
        )
    })?;
    let trimmed = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
    SealKey::new(trimmed)
        .map(Some)
        .map_err(|d| Failure::Rules(vec![d.at("--key-file")], 2))
}
