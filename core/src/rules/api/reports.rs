//! Reporting obligations, deadlines, policies and recipients: `bao_cao`,
//! `han_nop`, `chinh_sach_han`, `noi_nhan`.

use super::{
    changes, date, field, invalid, named, not_known, not_valid, plan_mut, plan_name, Shared, State,
};
use crate::calendar::date::format_date;
use crate::calendar::period::Period;
use crate::diagnostic::lower_first;
use crate::diagnostic::{Diagnostic, Span};
use crate::obligations::{DueOverride, Level, ObligationKind, Recipient, RecipientChange};
use chrono::Datelike;
use rhai::{Dynamic, Engine, NativeCallContext};

/// `bao_cao(…)` (see [`super::SCRIPT_API`]).
pub(super) fn bao_cao(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, def: rhai::Map| add_report_rule(st, o, &def)
    )
}

/// `bao_cao_chua_co_ngay(…)` (see [`super::SCRIPT_API`]).
pub(super) fn bao_cao_chua_co_ngay(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(engine, name, state, |st, o, def: rhai::Map| {
        add_undated_report(st, o, &def)
    })
}

/// `han_nop(…)` (see [`super::SCRIPT_API`]).
pub(super) fn han_nop(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, plan: &str, kind: &str, level: &str, period: &str, due: &str, nguon: Dynamic| {
            let nguon = st.cite(&nguon)?.text();
            let k: ObligationKind = kind.parse().map_err(not_known)?;
            let l: Level = level.parse().map_err(not_known)?;
            let p: Period = period.parse().map_err(not_valid)?;
            let d = date(due)?;
            st.not_before_script_year(p.year_of().max(d.year()), ("hạn nộp", "deadlines"))?;
            let pl = plan_mut(&mut st.rules, plan)?;
            if !pl.rules.iter().any(|r| r.kind == k && r.level == l) {
                return Err(invalid(
                    format!(
                        "{} không có {} của {}",
                        plan_name(plan).vi,
                        lower_first(&k.name().vi),
                        lower_first(&l.name().vi)
                    ),
                    format!(
                        "the {} has no {} from the {}",
                        plan_name(plan).en,
                        lower_first(&k.name().en),
                        lower_first(&l.name().en)
                    ),
                ));
            }
            pl.due_overrides.push(DueOverride {
                kind: k,
                level: l,
                period: p,
                due_before: d,
                source: format!("{nguon} ({o})"),
            });
            st.record(
                o,
                plan,
                format!(
                    "{}: hạn {} của {}: trước ngày {}",
                    plan_name(plan).vi,
                    lower_first(&k.title(&p).vi),
                    lower_first(&l.name().vi),
                    format_date(d)
                ),
                format!(
                    "{}: deadline of the {} from the {}: before {}",
                    plan_name(plan).en,
                    lower_first(&k.title(&p).en),
                    lower_first(&l.name().en),
                    format_date(d)
                ),
            );
            Ok(())
        }
    )
}

/// `chinh_sach_han(…)` (see [`super::SCRIPT_API`]).
pub(super) fn chinh_sach_han(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st, o, plan: &str, policy: &str, nguon: Dynamic| {
            let nguon = st.cite(&nguon)?.text();
            let p: crate::DeadlinePolicy = policy.parse().map_err(not_valid)?;
            let year = st.script.year;
            let pl = plan_mut(&mut st.rules, plan)?;
            pl.policy_changes.push(crate::obligations::PolicyChange {
                from_year: year,
                policy: p,
                source: format!("{nguon} ({o})"),
            });
            st.record(
                o,
                plan,
                format!(
                    "từ năm {year}, chính sách hạn của {}: {}",
                    plan_name(plan).vi,
                    p.name().vi
                ),
                format!(
                    "from {year}, deadline policy of the {}: {}",
                    plan_name(plan).en,
                    p.name().en
                ),
            );
            Ok(())
        }
    )
}

/// `noi_nhan(…)` (see [`super::SCRIPT_API`]).
pub(super) fn noi_nhan(engine: &mut Engine, name: &'static str, state: &Shared) {
    changes!(
        engine,
        name,
        state,
        |st,
         o,
         plan: &str,
         level: &str,
         from: &str,
         id: &str,
         vi: &str,
         en: &str,
         nguon: Dynamic| {
            let nguon = st.cite(&nguon)?.text();
            named(id, ("Mã nơi nhận", "the recipient's id"))?;
            named(vi, ("Tên nơi nhận", "the recipient's name"))?;
            named(
                en,
                ("Tên tiếng Anh của nơi nhận", "the recipient's English name"),
            )?;
            let l: Level = level.parse().map_err(not_known)?;
            let d = date(from)?;
            st.not_before_script_year(d.year(), ("nơi nhận", "recipients"))?;
            let p = plan_mut(&mut st.rules, plan)?;
            let mut changed = 0;
            for rule in &mut p.rules {
                if rule.recipients.iter().any(|r| r.recipient.level == l) {
                    rule.recipients.push(RecipientChange {
                        from: Some(d),
                        recipient: Recipient::new(id, vi, en, l),
                        source: format!("{nguon} ({o})"),
                    });
                    changed += 1;
                }
            }
            if changed == 0 {
                return Err(invalid(
                    format!(
                        "{} không có báo cáo nào gửi {}",
                        plan_name(plan).vi,
                        lower_first(&l.name().vi)
                    ),
                    format!(
                        "the {} has no report sent to the {}",
                        plan_name(plan).en,
                        lower_first(&l.name().en)
                    ),
                ));
            }
            st.record(
                o,
                plan,
                format!(
                    "từ {}, {}: báo cáo gửi {} chuyển đến {vi}",
                    format_date(d),
                    plan_name(plan).vi,
                    lower_first(&l.name().vi)
                ),
                format!(
                    "from {}, {}: reports to the {} go to {en}",
                    format_date(d),
                    plan_name(plan).en,
                    lower_first(&l.name().en)
                ),
            );
            Ok(())
        }
    )
}

/// `bao_cao(#{ ... })`: a reporting obligation of a plan — once (`ky` +
/// `truoc_ngay`) or recurring (`lap_lai` + `ngay_thang_cuoi`) — with its
/// recipient, the document's words and section.
fn add_report_rule(st: &mut State, origin: Span, def: &rhai::Map) -> Result<(), Diagnostic> {
    use crate::obligations::{DeadlineRule, Schedule};
    let plan_id = field(def, "ke_hoach", ("Báo cáo", "the report definition"))?;
    let kind: ObligationKind = field(def, "loai", ("Báo cáo", "the report definition"))?
        .parse()
        .map_err(not_known)?;
    let level: Level = field(def, "cap", ("Báo cáo", "the report definition"))?
        .parse()
        .map_err(not_known)?;
    let to = def
        .get("noi_nhan")
        .and_then(|v| v.clone().try_cast::<rhai::Map>())
        .ok_or_else(|| {
            invalid(
                "Thiếu 'noi_nhan' #{ ma, ten, ten_en, cap }".into(),
                "missing 'noi_nhan' #{ ma, ten, ten_en, cap }".into(),
            )
        })?;
    let to_level: Level = field(&to, "cap", ("Báo cáo", "the report definition"))?
        .parse()
        .map_err(not_known)?;
    let recipient = Recipient::new(
        &field(&to, "ma", ("Báo cáo", "the report definition"))?,
        &field(&to, "ten", ("Báo cáo", "the report definition"))?,
        &field(&to, "ten_en", ("Báo cáo", "the report definition"))?,
        to_level,
    );
    let words = field(def, "nguyen_van", ("Báo cáo", "the report definition"))?;
    let section = field(def, "muc", ("Báo cáo", "the report definition"))?;
    let schedule = match (def.get("ky"), def.get("lap_lai")) {
        (Some(_), None) => {
            let period: Period = field(def, "ky", ("Báo cáo", "the report definition"))?
                .parse()
                .map_err(not_valid)?;
            let due = date(&field(def, "truoc_ngay", ("Báo cáo", "the report definition"))?)?;
            st.not_before_script_year(period.year_of().max(due.year()), ("báo cáo", "reports"))?;
            Schedule::Once { period, due_before: due }
        }
        (None, Some(_)) => {
            let period_kind = recurrence(&field(def, "lap_lai", ("Báo cáo", "the report definition"))?)?;
            let day = def.get("ngay_thang_cuoi").and_then(|v| v.as_int().ok()).filter(|d| (1..=28).contains(d)).ok_or_else(|| {
                invalid(
                    "'ngay_thang_cuoi' phải là ngày 1–28 của tháng cuối kỳ".into(),
                    "'ngay_thang_cuoi' must be a day 1–28 of the period's last month".into(),
                )
            })?;
            Schedule::Recurring { period_kind, day_of_last_month: day as u32 }
        }
        _ => {
            return Err(invalid(
                "Báo cáo cần hoặc 'ky' + 'truoc_ngay' (một lần) hoặc 'lap_lai' + 'ngay_thang_cuoi' (định kỳ)".into(),
                "a report needs either 'ky' + 'truoc_ngay' (once) or 'lap_lai' + 'ngay_thang_cuoi' (recurring)".into(),
            ))
        }
    };
    let plan = plan_mut(&mut st.rules, &plan_id)?;
    let source = format!("{} {section}", plan.document);
    let shown = section.clone();
    plan.rules.push(DeadlineRule {
        kind,
        level,
        recipients: vec![RecipientChange {
            from: None,
            recipient,
            source: source.clone(),
        }],
        schedule,
        rule_text: words,
        source: source.clone(),
        policy: None,
    });
    st.record(
        origin,
        &plan_id,
        format!(
            "{}: {} của {} ({})",
            plan_name(&plan_id).vi,
            lower_first(&kind.name().vi),
            lower_first(&level.name().vi),
            shown
        ),
        format!(
            "{}: {} from the {} ({})",
            plan_name(&plan_id).en,
            lower_first(&kind.name().en),
            lower_first(&level.name().en),
            shown
        ),
    );
    Ok(())
}

/// `bao_cao_chua_co_ngay(#{ ... })`: a report a plan asks for without a day
/// (004 §IV), with how often when the text says (`lap_lai: "nam"`).
fn add_undated_report(st: &mut State, origin: Span, def: &rhai::Map) -> Result<(), Diagnostic> {
    use crate::obligations::UndatedReport;
    let what = ("Báo cáo chưa có ngày", "the undated report");
    let plan_id = field(def, "ke_hoach", what)?;
    let level: Level = field(def, "cap", what)?.parse().map_err(not_known)?;
    let every = match def.get("lap_lai") {
        None => None,
        Some(_) => Some(recurrence(&field(def, "lap_lai", what)?)?),
    };
    if def.contains_key("truoc_ngay") || def.contains_key("ngay_thang_cuoi") {
        return Err(invalid(
            "Báo cáo đã có ngày nộp: khai báo bằng bao_cao(#{ … })".into(),
            "the report has a day: declare it with bao_cao(#{ … })".into(),
        ));
    }
    let report = UndatedReport {
        plan: plan_id.clone(),
        name: crate::Text::new(field(def, "ten", what)?, field(def, "ten_en", what)?),
        level,
        to: crate::Text::new(field(def, "gui", what)?, field(def, "gui_en", what)?),
        every,
        open: UndatedReport::open_for(every),
        rule_text: field(def, "nguyen_van", what)?,
        source: String::new(),
    };
    let section = field(def, "muc", what)?;
    let plan = plan_mut(&mut st.rules, &plan_id)?;
    let source = format!("{} {section}", plan.document);
    let (name_vi, name_en) = (report.name.vi.clone(), report.name.en.clone());
    plan.undated.push(UndatedReport {
        source: source.clone(),
        ..report
    });
    st.record(
        origin,
        &plan_id,
        format!(
            "{}: {} của {}, văn bản không nêu ngày nộp ({})",
            plan_name(&plan_id).vi,
            lower_first(&name_vi),
            lower_first(&level.name().vi),
            section
        ),
        format!(
            "{}: {} from the {}, with no day in the text ({})",
            plan_name(&plan_id).en,
            lower_first(&name_en),
            lower_first(&level.name().en),
            section
        ),
    );
    Ok(())
}

/// `lap_lai`: how often a report recurs (`quy`, `6_thang`, `nam`, `thang`,
/// or their English ids).
fn recurrence(text: &str) -> Result<crate::PeriodKind, Diagnostic> {
    use crate::PeriodKind;
    match text {
        "month" | "thang" => Ok(PeriodKind::Month),
        "quarter" | "quy" => Ok(PeriodKind::Quarter),
        "half_year" | "6_thang" => Ok(PeriodKind::HalfYear),
        "year" | "nam" => Ok(PeriodKind::Year),
        other => Err(invalid(
            format!(
                "Kỳ lặp lại không hợp lệ: '{}' (quy, 6_thang, nam, thang)",
                crate::excerpt(other)
            ),
            format!(
                "invalid recurrence: '{}' (quarter, half_year, year, month)",
                crate::excerpt(other)
            ),
        )),
    }
}
