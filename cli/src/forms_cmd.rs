//! `dxplan validate` and `dxplan schema`.

use crate::kpi_cmd::{read_json, render_result};
use crate::{day_arg, parse_year, to_json, vi_en, Failure};
use chrono::NaiveDate;
use dxplan::forms::{schema, Validation, Validator};
use dxplan::kpi::{AdminLevel, KpiStatus};
use dxplan::rules::RuleSet;
use dxplan::workflow::{apply, describe_late, rollup, ReportRecord, Transition};
use dxplan::Period;
use dxplan::{Lang, ObligationKind, Severity, Text};
use std::fmt::Write as _;

fn report_hint() -> Text {
    Text::new(
        "Báo cáo là một đối tượng JSON {\"kind\", \"plan\", \"period\", \"unit\", ...}; xem `dxplan schema quarterly` và thư mục examples/reports/.",
        "A report is a JSON object {\"kind\", \"plan\", \"period\", \"unit\", ...}; see `dxplan schema quarterly` and examples/reports/.",
    )
}

/// `dxplan validate FILE [--today DATE]`: exit 0 valid, 1 invalid, 2 bad input.
pub(crate) fn validate(
    rules: &RuleSet,
    file: &str,
    today: Option<&str>,
    clock_today: NaiveDate,
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    let today = day_arg(today, "--today", clock_today)?;
    let report = read_json(file, &report_hint())?;
    let mut validator = Validator::new(rules);
    let result = validator.validate(&report, today);
    let mut text = String::new();
    if json {
        text = to_json(&result);
    } else {
        render(&result, &report, lang, &mut text);
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
    let kind = r
        .kind
        .map(|k| k.name().get(lang).to_string())
        .unwrap_or_else(|| s("/kind").to_string());
    let _ = writeln!(
        out,
        "{kind} {} · {} · {} ({})",
        s("/period"),
        s("/plan"),
        s("/unit/name"),
        s("/unit/level")
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
        let count = |st: KpiStatus| ev.results.iter().filter(|x| x.status == st).count();
        let _ = writeln!(
            out,
            "{}: {} {}, {} {}, {} {}",
            vi_en(lang, "Chỉ tiêu", "Indicators"),
            count(KpiStatus::Met),
            vi_en(lang, "đạt", "met"),
            count(KpiStatus::NotMet),
            vi_en(lang, "không đạt", "not met"),
            count(KpiStatus::NotComputable),
            vi_en(lang, "không tính được", "not computable"),
        );
        for x in &ev.results {
            render_result(x, lang, out);
        }
    }
}

/// `dxplan schema KIND [--year Y]`: the JSON Schema of a report kind.
pub(crate) fn schema_cmd(
    rules: &RuleSet,
    kind: &str,
    year: Option<&str>,
    clock_today: NaiveDate,
    out: &mut String,
) -> Result<(), Failure> {
    let k: ObligationKind = kind.parse().map_err(|d: dxplan::Diagnostic| d.at("KIND"))?;
    let year = match year {
        Some(y) => parse_year(y).map_err(|d| d.at("--year"))?,
        None => chrono::Datelike::year(&clock_today),
    };
    let s = schema::schema(rules, k, year).map_err(|d| d.at("KIND"))?;
    out.push_str(&to_json(&s));
    Ok(())
}

fn record_hint() -> Text {
    Text::new(
        "Trạng thái: {\"report\": {...}, \"state\": \"draft\", \"history\": []} (tạo bằng `dxplan workflow new BÁO_CÁO.json`); thao tác: {\"action\", \"by\": {\"role\", \"name\"}, \"at\", \"note\", \"reasons\"}.",
        "State: {\"report\": {...}, \"state\": \"draft\", \"history\": []} (made by `dxplan workflow new REPORT.json`); transition: {\"action\", \"by\": {\"role\", \"name\"}, \"at\", \"note\", \"reasons\"}.",
    )
}

fn from_json<T: serde::de::DeserializeOwned>(
    file: &str,
    value: serde_json::Value,
) -> Result<T, Failure> {
    serde_json::from_value(value).map_err(|e| {
        Failure::Input(
            dxplan::Diagnostic::error(
                dxplan::Code::InputInvalidJson,
                Text::new(
                    format!("Tệp '{file}' không đúng định dạng: {e}"),
                    format!("'{file}' is not of the expected shape: {e}"),
                ),
            )
            .at("FILE")
            .with_hint(record_hint()),
        )
    })
}

/// `dxplan workflow new REPORT.json`: a draft record.
pub(crate) fn workflow_new(file: &str, out: &mut String) -> Result<(), Failure> {
    let report = read_json(file, &report_hint())?;
    out.push_str(&to_json(&ReportRecord::new(report)));
    Ok(())
}

/// `dxplan workflow apply STATE.json TRANSITION.json`: the new record on
/// standard output; a refused transition exits 1 with its reasons.
pub(crate) fn workflow_apply(
    rules: &RuleSet,
    state: &str,
    transition: &str,
    out: &mut String,
) -> Result<(), Failure> {
    let record: ReportRecord = from_json(state, read_json(state, &record_hint())?)?;
    let t: Transition = from_json(transition, read_json(transition, &record_hint())?)?;
    let mut v = Validator::new(rules);
    match apply(&mut v, &record, &t) {
        Ok(next) => {
            out.push_str(&to_json(&next));
            Ok(())
        }
        Err(diags) => Err(Failure::Rules(diags, 1)),
    }
}

/// `dxplan workflow rollup STATE.json… --level L --period P --plan ID [--expected a,b]`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn workflow_rollup(
    rules: &RuleSet,
    files: &[String],
    level: &str,
    period: &str,
    plan: &str,
    expected: &[String],
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    let level: AdminLevel = level
        .parse()
        .map_err(|d: dxplan::Diagnostic| d.at("--level"))?;
    let period: Period = period
        .parse()
        .map_err(|d: dxplan::Diagnostic| d.at("--period"))?;
    rules.plans.get(plan).map_err(|d| d.at("--plan"))?;
    let mut records = Vec::new();
    for f in files {
        records.push(from_json::<ReportRecord>(f, read_json(f, &record_hint())?)?);
    }
    let r = rollup(rules, &records, expected, level, &period, plan);
    if json {
        out.push_str(&to_json(&r));
        return Ok(());
    }
    let _ = writeln!(
        out,
        "{} {period} · {plan} · {} {}",
        vi_en(lang, "Tổng hợp", "Roll-up"),
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
    for x in &r.kpi.results {
        render_result(x, lang, out);
    }
    Ok(())
}

/// `dxplan tasks [--as-of DATE] [--agency NAME] [--progress FILE]`.
pub(crate) fn tasks_cmd(
    as_of: Option<&str>,
    agency: Option<&str>,
    progress: Option<&str>,
    clock_today: NaiveDate,
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    use dxplan::tasks::{Progress, Register};
    let as_of = day_arg(as_of, "--as-of", clock_today)?;
    let reg = Register::seeds()?;
    let records: Vec<Progress> = match progress {
        Some(f) => {
            let hint = Text::new(
                "Tiến độ: [{\"task\": \"000-V-4.3\", \"on\": \"2025-10-10\", \"kind\": \"progress|done|triggered\", \"note\": \"...\"}]",
                "Progress: [{\"task\": \"000-V-4.3\", \"on\": \"2025-10-10\", \"kind\": \"progress|done|triggered\", \"note\": \"...\"}]",
            );
            let v = read_json(f, &hint)?;
            from_json(f, v)?
        }
        None => Vec::new(),
    };
    let statuses = reg.statuses(agency, &records, as_of)?;
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
