//! The functions a rule script can call (documented in `rules/README.md`).
//!
//! Every call checks its arguments at once and fails at its own line and
//! column with a bilingual message; a successful call changes the working
//! rule set and records a [`Change`] with its origin.

use super::{Change, Check, RuleSet, Script};
use crate::calendar::date::parse_date;
use crate::calendar::holidays::HolidayGroup;
use crate::diagnostic::{Code, Diagnostic, Severity, Span, Text};
use crate::kpi::{AdminLevel, Comparator, Exact, Source, Target};
use crate::obligations::{DueOverride, Level, ObligationKind, Recipient, RecipientChange};
use crate::Period;
use chrono::{Datelike, NaiveDate, Weekday};
use rhai::{Dynamic, Engine, EvalAltResult, NativeCallContext, AST, INT};
use std::cell::RefCell;
use std::rc::Rc;

/// One function of the rule-script API, as a rule editor offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ApiFunction {
    /// Name, as called in a script.
    pub name: &'static str,
    /// Its parameters, named in Vietnamese as in `rules/README.md`.
    pub params: &'static str,
    /// What it does, in Vietnamese.
    pub vi: &'static str,
    /// What it does, in English.
    pub en: &'static str,
}

const fn f(
    name: &'static str,
    params: &'static str,
    vi: &'static str,
    en: &'static str,
) -> ApiFunction {
    ApiFunction {
        name,
        params,
        vi,
        en,
    }
}

/// The rule-script API (documented in `rules/README.md`), for completion in
/// an editor and for "unknown function" hints.
///
/// ```
/// let names: Vec<_> = dxplan::rules::SCRIPT_API.iter().map(|f| f.name).collect();
/// assert!(names.contains(&"muc_tieu") && names.contains(&"kiem_tra"));
/// ```
pub const SCRIPT_API: &[ApiFunction] = &[
    f(
        "muc_tieu",
        "chỉ_tiêu, kế_hoạch, năm, so_sánh, giá_trị, nguồn",
        "đặt mục tiêu của một chỉ tiêu từ năm đó",
        "set an indicator's target from that year",
    ),
    f(
        "muc_tieu_cap",
        "chỉ_tiêu, kế_hoạch, năm, cấp, so_sánh, giá_trị, nguồn",
        "mục tiêu riêng cho một cấp",
        "a target for one administrative level",
    ),
    f(
        "them_chi_tieu",
        "định_nghĩa, nguồn",
        "thêm chỉ tiêu mới",
        "add a new indicator",
    ),
    f(
        "bo_chi_tieu",
        "chỉ_tiêu, từ_năm, nguồn",
        "bỏ một chỉ tiêu từ năm đó",
        "drop an indicator from that year",
    ),
    f(
        "chinh_sach_han",
        "kế_hoạch, chính_sách, nguồn",
        "chính sách hạn nộp từ năm của tệp",
        "deadline policy from the script's year",
    ),
    f(
        "nghi_le",
        "ngày_lễ, từ_ngày, đến_ngày, nguồn",
        "ngày nghỉ lễ theo thông báo",
        "holiday days off per the yearly notice",
    ),
    f(
        "hoan_doi",
        "ngày_nghỉ, ngày_làm_bù, nguồn",
        "hoán đổi ngày làm việc",
        "swap a working day",
    ),
    f(
        "noi_nhan",
        "kế_hoạch, cấp_nhận, từ_ngày, mã, tên, tên_tiếng_Anh, nguồn",
        "đổi nơi nhận báo cáo",
        "change the recipient of reports",
    ),
    f(
        "bao_cao",
        "định_nghĩa",
        "thêm một nghĩa vụ báo cáo của kế hoạch",
        "add a reporting obligation to a plan",
    ),
    f(
        "han_nop",
        "kế_hoạch, loại, cấp, kỳ, trước_ngày, nguồn",
        "đổi hạn nộp của một kỳ",
        "change one period's deadline",
    ),
    f(
        "kiem_tra",
        "mã, tên_hàm",
        "đăng ký một kiểm tra thêm",
        "register a custom check",
    ),
    f(
        "them_truong",
        "loại, nhóm, #{ ma, kieu, ten, ten_en, bat_buoc }, nguồn",
        "thêm ô vào biểu mẫu",
        "add a field to a form",
    ),
    f(
        "loi",
        "đường_dẫn, tiếng_Việt, tiếng_Anh",
        "một lỗi do kiểm tra thêm trả về",
        "an error returned by a custom check",
    ),
    f(
        "canh_bao",
        "đường_dẫn, tiếng_Việt, tiếng_Anh",
        "một cảnh báo do kiểm tra thêm trả về",
        "a warning returned by a custom check",
    ),
];

pub(crate) type Shared = Rc<RefCell<Option<State>>>;

/// The working rule set of one script run.
pub(crate) struct State {
    rules: RuleSet,
    script: Script,
    error: Option<Diagnostic>,
    /// Script functions and their number of parameters (for `kiem_tra`).
    functions: Vec<(String, usize)>,
}

impl State {
    pub(crate) fn new(rules: RuleSet, script: Script, ast: &AST) -> State {
        let functions = ast
            .iter_functions()
            .map(|f| (f.name.to_string(), f.params.len()))
            .collect();
        State {
            rules,
            script,
            error: None,
            functions,
        }
    }

    /// The rule set after the run, and the error a call recorded, if any.
    pub(crate) fn finish(self) -> (RuleSet, Option<Diagnostic>) {
        (self.rules, self.error)
    }

    fn record(&mut self, origin: Span, subject: &str, vi: String, en: String) {
        self.rules.changes.push(Change {
            origin,
            year: self.script.year,
            summary: Text::new(vi, en),
            subject: subject.to_string(),
        });
    }

    /// A script of year Y changes Y and later years only.
    fn not_before_script_year(&self, year: i32, what: (&str, &str)) -> Result<(), Diagnostic> {
        let (what_vi, what_en) = what;
        if year < self.script.year {
            return Err(Diagnostic::error(
                Code::RulesInvalidValue,
                Text::new(
                    format!(
                        "Tệp quy tắc năm {} không được thay đổi {what_vi} của năm {year}",
                        self.script.year
                    ),
                    format!(
                        "a {} rule file cannot change the {what_en} of {year}",
                        self.script.year
                    ),
                ),
            )
            .with_hint(Text::new(
                format!("Sửa trong tệp quy tắc của năm {year}."),
                format!("Change it in the rule file of {year}."),
            )));
        }
        Ok(())
    }
}

fn unknown(what_vi: &str, what_en: &str, value: &str, hint: Text) -> Diagnostic {
    Diagnostic::error(
        Code::RulesUnknownId,
        Text::new(
            format!("Không có {what_vi} '{value}'"),
            format!("unknown {what_en} '{value}'"),
        ),
    )
    .with_hint(hint)
}

fn invalid(vi: String, en: String) -> Diagnostic {
    Diagnostic::error(Code::RulesInvalidValue, Text::new(vi, en))
}

fn date(text: &str) -> Result<NaiveDate, Diagnostic> {
    parse_date(text).map_err(|d| {
        Diagnostic::error(Code::RulesInvalidValue, d.message.clone()).with_hint(Text::new(
            "Viết ngày trong dấu nháy: \"2025-03-01\" hoặc \"01/03/2025\".",
            "Write dates in quotes: \"2025-03-01\" or \"01/03/2025\".",
        ))
    })
}

fn comparator(text: &str) -> Result<Comparator, Diagnostic> {
    match text.trim() {
        ">=" | "≥" => Ok(Comparator::Ge),
        ">" => Ok(Comparator::Gt),
        "<=" | "≤" => Ok(Comparator::Le),
        "<" => Ok(Comparator::Lt),
        "=" | "==" => Ok(Comparator::Eq),
        other => Err(invalid(
            format!("Phép so sánh không hợp lệ: '{other}'"),
            format!("invalid comparator: '{other}'"),
        )
        .with_hint(Text::new(
            "Dùng \">=\" (tối thiểu), \">\" (trên), \"<=\" (thứ hạng, tối đa), \"<\" hoặc \"=\".",
            "Use \">=\" (at least), \">\" (above), \"<=\" (rank, at most), \"<\" or \"=\".",
        ))),
    }
}

fn number(v: &Dynamic) -> Result<Exact, Diagnostic> {
    let parsed = if let Ok(i) = v.as_int() {
        Some(Exact::int(i))
    } else if let Ok(f) = v.as_float() {
        Exact::from_f64(f)
    } else if let Ok(s) = v.clone().into_string() {
        Exact::parse(&s)
    } else {
        None
    };
    parsed.ok_or_else(|| {
        invalid(
            format!("Giá trị mục tiêu phải là số (chi tiết: {})", v.type_name()),
            format!("a target value must be a number, got {}", v.type_name()),
        )
    })
}

fn year(y: INT) -> Result<i32, Diagnostic> {
    i32::try_from(y)
        .ok()
        .filter(|y| crate::calendar::date::check_year(*y).is_ok())
        .ok_or_else(|| {
            invalid(
                format!("Năm không hợp lệ: {y}"),
                format!("invalid year: {y}"),
            )
        })
}

fn holiday_group(text: &str) -> Result<HolidayGroup, Diagnostic> {
    Ok(match text.trim() {
        "tet_duong_lich" | "new_year" => HolidayGroup::NewYear,
        "tet" | "tet_am_lich" => HolidayGroup::Tet,
        "gio_to" | "hung_kings" => HolidayGroup::HungKings,
        "30_4" | "reunification" => HolidayGroup::Reunification,
        "1_5" | "labour_day" => HolidayGroup::LabourDay,
        "quoc_khanh" | "national_day" => HolidayGroup::NationalDay,
        other => {
            return Err(unknown(
                "ngày lễ",
                "holiday",
                other,
                Text::new(
                    "Ngày lễ: tet_duong_lich, tet, gio_to, 30_4, 1_5, quoc_khanh.",
                    "Holidays: tet_duong_lich, tet, gio_to, 30_4, 1_5, quoc_khanh.",
                ),
            ))
        }
    })
}

fn kpi_hint() -> Text {
    Text::new(
        "Xem mã chỉ tiêu bằng `dxplan kpi list`.",
        "List indicator ids with `dxplan kpi list`.",
    )
}

fn plan_hint(rules: &RuleSet) -> Text {
    let ids: Vec<&str> = rules.plans.iter().map(|p| p.id.as_str()).collect();
    Text::new(
        format!("Các kế hoạch: {}.", ids.join(", ")),
        format!("Plans: {}.", ids.join(", ")),
    )
}

/// Runs `f` on the working state; on failure records the diagnostic at the
/// call's position and stops the script.
fn with_state<F>(state: &Shared, ctx: &NativeCallContext, f: F) -> Result<(), Box<EvalAltResult>>
where
    F: FnOnce(&mut State, Span) -> Result<(), Diagnostic>,
{
    let pos = ctx.call_position();
    let mut guard = state.borrow_mut();
    let Some(st) = guard.as_mut() else {
        return Err(Box::new(EvalAltResult::ErrorRuntime(
            "rule functions are only available while rules load".into(),
            pos,
        )));
    };
    let origin = Span {
        file: st.script.name.clone(),
        line: pos.line().unwrap_or(0),
        column: pos.position().unwrap_or(0),
    };
    match f(st, origin.clone()) {
        Ok(()) => Ok(()),
        Err(d) => {
            let message = d.message.en.clone();
            st.error = Some(d.in_script(origin));
            Err(Box::new(EvalAltResult::ErrorRuntime(message.into(), pos)))
        }
    }
}

/// The document a script cites: `#{ tai_lieu: "003_….txt", muc: "§V.6", trich_dan: "…" }`.
fn cited(nguon: &rhai::Map) -> Result<Source, Diagnostic> {
    let get = |k: &str| {
        field(nguon, k, ("Nguồn", "the source")).map_err(|d| {
            d.with_hint(Text::new(
                "Nguồn: #{ tai_lieu: \"003_08cb75b396c90965.txt\", muc: \"§V.6\", trich_dan: \"nguyên văn câu đặt chỉ tiêu\" }",
                "Source: #{ tai_lieu: \"003_08cb75b396c90965.txt\", muc: \"§V.6\", trich_dan: \"the document's words\" }",
            ))
        })
    };
    Ok(Source {
        document: get("tai_lieu")?,
        section: get("muc")?,
        quote: get("trich_dan")?,
    })
}

/// A non-empty text field `k` of a map; `what` names the map in messages
/// (Vietnamese, English), e.g. ("Nguồn", "the source").
fn field(m: &rhai::Map, k: &str, what: (&str, &str)) -> Result<String, Diagnostic> {
    m.get(k)
        .and_then(|v| v.clone().into_string().ok())
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| {
            invalid(
                format!("{} thiếu trường '{k}'", what.0),
                format!("{} lacks '{k}'", what.1),
            )
            .with_hint(Text::new(
                "Xem mẫu của hàm này trong rules/README.md.",
                "See this function's example in rules/README.md.",
            ))
        })
}

/// A source given as text must not be empty.
fn source_text(nguon: &str) -> Result<String, Diagnostic> {
    if nguon.trim().is_empty() {
        return Err(invalid(
            "Thiếu nguồn (văn bản, điều/mục) của thay đổi".into(),
            "the change lacks its source (document and section)".into(),
        ));
    }
    Ok(nguon.trim().to_string())
}

#[allow(clippy::too_many_arguments)]
fn set_target(
    st: &mut State,
    origin: Span,
    kpi: &str,
    plan: &str,
    y: INT,
    level: Option<AdminLevel>,
    cmp: &str,
    v: &Dynamic,
    nguon: &rhai::Map,
) -> Result<(), Diagnostic> {
    let y = year(y)?;
    st.not_before_script_year(y, ("mục tiêu", "targets"))?;
    st.rules
        .plans
        .get(plan)
        .map_err(|_| unknown("kế hoạch", "plan", plan, plan_hint(&st.rules)))?;
    let comparator = comparator(cmp)?;
    let value = number(v)?;
    let source = cited(nguon)?;
    let ind = st
        .rules
        .catalog
        .get_mut(kpi)
        .ok_or_else(|| unknown("chỉ tiêu", "indicator", kpi, kpi_hint()))?;
    if let Some(l) = level {
        if !ind.levels.contains(&l) {
            return Err(invalid(
                format!("Chỉ tiêu '{kpi}' không áp dụng cho cấp '{}'", l.as_str()),
                format!("indicator '{kpi}' does not apply to level '{}'", l.as_str()),
            ));
        }
    }
    let target = Target {
        plan: plan.to_string(),
        from_year: y,
        to_year: y,
        horizon: false,
        level,
        comparator,
        value,
        source,
        set_by: Some(origin.clone()),
    };
    let text = target.describe(ind.unit);
    ind.targets.push(target);
    let at = level
        .map(|l| format!(" [{}]", l.as_str()))
        .unwrap_or_default();
    st.record(
        origin,
        kpi,
        format!("mục tiêu {kpi} của {plan} năm {y}{at}: {}", text.vi),
        format!("target {kpi} of {plan} for {y}{at}: {}", text.en),
    );
    Ok(())
}

fn map_array(m: &rhai::Map, k: &str) -> Result<rhai::Array, Diagnostic> {
    m.get(k)
        .and_then(|v| v.clone().try_cast::<rhai::Array>())
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            invalid(
                format!("Định nghĩa chỉ tiêu thiếu danh sách '{k}'"),
                format!("the indicator definition lacks the list '{k}'"),
            )
        })
}

fn serde_name<T: serde::de::DeserializeOwned>(
    text: &str,
    what_vi: &str,
    what_en: &str,
    valid: &str,
) -> Result<T, Diagnostic> {
    use serde::de::IntoDeserializer;
    let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        text.into_deserializer();
    T::deserialize(de).map_err(|_| {
        unknown(
            what_vi,
            what_en,
            text,
            Text::new(format!("Hợp lệ: {valid}."), format!("Valid: {valid}.")),
        )
    })
}

/// `bao_cao(#{ ... })`: a reporting obligation of a plan — once (`ky` +
/// `truoc_ngay`) or recurring (`lap_lai` + `ngay_thang_cuoi`) — with its
/// recipient, the document's words and section.
fn add_report_rule(st: &mut State, origin: Span, def: &rhai::Map) -> Result<(), Diagnostic> {
    use crate::obligations::{DeadlineRule, Schedule};
    use crate::PeriodKind;
    let plan_id = field(def, "ke_hoach", ("Báo cáo", "the report definition"))?;
    let kind: ObligationKind = field(def, "loai", ("Báo cáo", "the report definition"))?
        .parse()
        .map_err(|d: Diagnostic| {
            Diagnostic::error(Code::RulesUnknownId, d.message.clone())
                .with_hint(d.hint.clone().unwrap_or_else(kpi_hint))
        })?;
    let level: Level = field(def, "cap", ("Báo cáo", "the report definition"))?
        .parse()
        .map_err(|d: Diagnostic| Diagnostic::error(Code::RulesUnknownId, d.message.clone()))?;
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
        .map_err(|d: Diagnostic| Diagnostic::error(Code::RulesUnknownId, d.message.clone()))?;
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
                .map_err(|d: Diagnostic| Diagnostic::error(Code::RulesInvalidValue, d.message.clone()))?;
            let due = date(&field(def, "truoc_ngay", ("Báo cáo", "the report definition"))?)?;
            st.not_before_script_year(period.year_of().max(due.year()), ("báo cáo", "reports"))?;
            Schedule::Once { period, due_before: due }
        }
        (None, Some(_)) => {
            let period_kind = match field(def, "lap_lai", ("Báo cáo", "the report definition"))?.as_str() {
                "month" | "thang" => PeriodKind::Month,
                "quarter" | "quy" => PeriodKind::Quarter,
                "half_year" | "6_thang" => PeriodKind::HalfYear,
                "year" | "nam" => PeriodKind::Year,
                other => {
                    return Err(invalid(
                        format!("Kỳ lặp lại không hợp lệ: '{other}' (quy, 6_thang, nam, thang)"),
                        format!("invalid recurrence: '{other}' (quarter, half_year, year, month)"),
                    ))
                }
            };
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
    let hint = plan_hint(&st.rules);
    let plan = st
        .rules
        .plans
        .get_mut(&plan_id)
        .ok_or_else(|| unknown("kế hoạch", "plan", &plan_id, hint))?;
    let source = format!("{} {section}", plan.document);
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
            "{plan_id}: {} của cấp {} ({source})",
            kind.name().vi.to_lowercase(),
            level.as_str()
        ),
        format!(
            "{plan_id}: {} from level {} ({source})",
            kind.name().en.to_lowercase(),
            level.as_str()
        ),
    );
    Ok(())
}

/// `them_chi_tieu(#{ ... }, nguồn)`: a new indicator (its targets come with `muc_tieu`).
fn add_indicator(
    st: &mut State,
    origin: Span,
    def: &rhai::Map,
    nguon: &str,
) -> Result<(), Diagnostic> {
    use crate::kpi::{Aggregation, Formula, Group, Indicator, InputKind, InputSpec, ValueUnit};
    let nguon = source_text(nguon)?;
    let id = field(
        def,
        "ma",
        ("Định nghĩa chỉ tiêu", "the indicator definition"),
    )?;
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(invalid(
            format!("Mã chỉ tiêu '{id}' chỉ gồm chữ thường không dấu, số và dấu gạch dưới"),
            format!("indicator id '{id}' must be lowercase ASCII letters, digits and underscores"),
        ));
    }
    if st.rules.catalog.get(&id).is_ok() {
        return Err(invalid(
            format!("Đã có chỉ tiêu '{id}'"),
            format!("indicator '{id}' already exists"),
        ));
    }
    let group: Group = serde_name(
        &field(def, "nhom", ("Định nghĩa chỉ tiêu", "the indicator definition"))?,
        "nhóm",
        "group",
        "leadership, infrastructure, human_resources, digital_government, digital_economy, digital_society, digital_data, security, communication, budget, overall, science",
    )?;
    let kind = field(
        def,
        "cong_thuc",
        ("Định nghĩa chỉ tiêu", "the indicator definition"),
    )?;
    let mut inputs = Vec::new();
    for item in map_array(def, "dau_vao")? {
        let m = item.try_cast::<rhai::Map>().ok_or_else(|| {
            invalid(
                "Mỗi đầu vào là một bảng #{ ma, ten, ten_en, loai }".into(),
                "each input is a map #{ ma, ten, ten_en, loai }".into(),
            )
        })?;
        let input_id = field(
            &m,
            "ma",
            ("Định nghĩa chỉ tiêu", "the indicator definition"),
        )?;
        let kind: InputKind = serde_name(
            &field(
                &m,
                "loai",
                ("Định nghĩa chỉ tiêu", "the indicator definition"),
            )?,
            "loại số liệu",
            "input kind",
            "count, money, percent, rank, boolean",
        )?;
        if let Some(existing) = st.rules.catalog.input(&input_id) {
            if existing.kind != kind {
                return Err(invalid(
                    format!("Số liệu '{input_id}' đã có với loại khác"),
                    format!("input '{input_id}' already exists with another kind"),
                ));
            }
        }
        inputs.push(InputSpec {
            id: input_id,
            name: Text::new(
                field(
                    &m,
                    "ten",
                    ("Định nghĩa chỉ tiêu", "the indicator definition"),
                )?,
                field(
                    &m,
                    "ten_en",
                    ("Định nghĩa chỉ tiêu", "the indicator definition"),
                )?,
            ),
            kind,
        });
    }
    let one = |n: usize| -> Result<(), Diagnostic> {
        if inputs.len() == n {
            Ok(())
        } else {
            Err(invalid(
                format!("Công thức '{kind}' cần {n} đầu vào, có {}", inputs.len()),
                format!("formula '{kind}' needs {n} inputs, got {}", inputs.len()),
            ))
        }
    };
    let first = || inputs.first().map(|i| i.id.clone()).unwrap_or_default();
    let (formula, unit) = match kind.as_str() {
        "rate" | "share" => {
            one(2)?;
            let (a, b) = (inputs[0].id.clone(), inputs[1].id.clone());
            let f = if kind == "rate" {
                Formula::Rate {
                    numerator: a,
                    denominator: b,
                }
            } else {
                Formula::Share { part: a, whole: b }
            };
            (f, ValueUnit::Percent)
        }
        "count" => {
            one(1)?;
            let per_year = def
                .get("theo_nam")
                .and_then(|v| v.as_bool().ok())
                .unwrap_or(false);
            (
                Formula::Count {
                    input: first(),
                    per_year,
                },
                ValueUnit::Count,
            )
        }
        "frequency" => {
            one(1)?;
            (Formula::Frequency { input: first() }, ValueUnit::PerWeek)
        }
        "rank" => {
            one(1)?;
            (Formula::Rank { input: first() }, ValueUnit::Rank)
        }
        "completion" => {
            one(1)?;
            (Formula::Completion { input: first() }, ValueUnit::Percent)
        }
        "reported" => {
            one(1)?;
            (Formula::Reported { input: first() }, ValueUnit::Percent)
        }
        other => {
            return Err(unknown(
                "công thức",
                "formula",
                other,
                Text::new(
                    "Công thức: rate, share, count, frequency, rank, completion, reported.",
                    "Formulas: rate, share, count, frequency, rank, completion, reported.",
                ),
            ))
        }
    };
    let mut levels = Vec::new();
    for l in map_array(def, "cap")? {
        let text = l.into_string().unwrap_or_default();
        levels.push(
            text.parse::<AdminLevel>()
                .map_err(|d| Diagnostic::error(Code::RulesUnknownId, d.message.clone()))?,
        );
    }
    let name = Text::new(
        field(
            def,
            "ten",
            ("Định nghĩa chỉ tiêu", "the indicator definition"),
        )?,
        field(
            def,
            "ten_en",
            ("Định nghĩa chỉ tiêu", "the indicator definition"),
        )?,
    );
    st.rules.catalog.push(Indicator {
        id: id.clone(),
        name: name.clone(),
        group,
        unit,
        aggregation: Aggregation::default_for(&formula),
        formula,
        inputs,
        levels,
        lead: None,
        targets: Vec::new(),
        retired_from: None,
    });
    st.record(
        origin,
        &id,
        format!("thêm chỉ tiêu {id} «{}» ({nguon})", name.vi),
        format!("add indicator {id} «{}» ({nguon})", name.en),
    );
    Ok(())
}

/// Registers the API on the engine.
/// `them_truong(loai, cha, #{ ma, kieu, ten, ten_en, bat_buoc }, nguon)`: a
/// new field of a report form, from the script's year on.
fn add_form_field(
    st: &mut State,
    origin: Span,
    kind: &str,
    parent: &str,
    def: &rhai::Map,
    nguon: &str,
) -> Result<(), Diagnostic> {
    use crate::forms::{DateRule, Field, FieldType, Required};
    let nguon = source_text(nguon)?;
    let what = ("Định nghĩa trường", "the field definition");
    let k: ObligationKind = kind.parse().map_err(|d: Diagnostic| {
        Diagnostic::error(Code::RulesUnknownId, d.message.clone())
            .with_hint(crate::forms::definition::kinds_hint())
    })?;
    let id = field(def, "ma", what)?;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(invalid(
            format!("Mã trường '{id}' chỉ gồm chữ thường không dấu, số và dấu gạch dưới"),
            format!("field id '{id}' must be lowercase ASCII letters, digits and underscores"),
        ));
    }
    let ty = match field(def, "kieu", what)?.as_str() {
        "text" => FieldType::Text { multiline: false },
        "paragraph" => FieldType::Text { multiline: true },
        "document_number" => FieldType::DocumentNumber,
        "date" => FieldType::Date { rule: DateRule::Past },
        "date_in_period" => FieldType::Date { rule: DateRule::PastInWindow },
        "count" => FieldType::Count,
        "money" => FieldType::Money,
        "bool" => FieldType::Bool,
        other => {
            return Err(invalid(
                format!("Không có kiểu trường '{other}'"),
                format!("unknown field type '{other}'"),
            )
            .with_hint(Text::new(
                "Kiểu hợp lệ: text, paragraph, document_number, date, date_in_period, count, money, bool.",
                "Valid types: text, paragraph, document_number, date, date_in_period, count, money, bool.",
            )))
        }
    };
    let required = match def.get("bat_buoc") {
        None => Required::No,
        Some(v) if v.is_bool() => {
            if v.as_bool().unwrap_or(false) {
                Required::Always
            } else {
                Required::No
            }
        }
        Some(v) => {
            let levels = v.clone().try_cast::<rhai::Array>().ok_or_else(|| {
                invalid(
                    "'bat_buoc' là true/false hoặc mảng các cấp, ví dụ [\"commune\"]".into(),
                    "'bat_buoc' is true/false or an array of levels, e.g. [\"commune\"]".into(),
                )
            })?;
            let mut out = Vec::new();
            for l in levels {
                let text = l.into_string().map_err(|_| {
                    invalid(
                        "Cấp phải là chuỗi".into(),
                        "a level must be a string".into(),
                    )
                })?;
                out.push(text.parse::<AdminLevel>().map_err(|d: Diagnostic| {
                    Diagnostic::error(Code::RulesUnknownId, d.message.clone())
                })?);
            }
            Required::Levels(out)
        }
    };
    let mut f = Field::new(
        &id,
        &field(def, "ten", what)?,
        &field(def, "ten_en", what)?,
        ty,
        &format!("{nguon} ({origin})"),
    );
    f.required = required;
    f.from_year = Some(st.script.year);
    let form = st.rules.forms.get_mut(k).ok_or_else(|| {
        invalid(
            format!("Loại '{kind}' không có biểu mẫu"),
            format!("kind '{kind}' has no form"),
        )
        .with_hint(crate::forms::definition::kinds_hint())
    })?;
    form.add_field(parent, f)?;
    st.record(
        origin,
        kind,
        format!(
            "thêm trường {parent}/{id} vào biểu mẫu {kind} từ năm {}",
            st.script.year
        ),
        format!(
            "add field {parent}/{id} to the {kind} form from {}",
            st.script.year
        ),
    );
    Ok(())
}

pub(crate) fn register(engine: &mut Engine, state: &Shared) {
    let s = state.clone();
    engine.register_fn("bao_cao", move |ctx: NativeCallContext, def: rhai::Map| {
        with_state(&s, &ctx, |st, o| add_report_rule(st, o, &def))
    });
    let s = state.clone();
    engine.register_fn(
        "them_chi_tieu",
        move |ctx: NativeCallContext, def: rhai::Map, nguon: &str| {
            with_state(&s, &ctx, |st, o| add_indicator(st, o, &def, nguon))
        },
    );
    let s = state.clone();
    engine.register_fn(
        "chinh_sach_han",
        move |ctx: NativeCallContext, plan: &str, policy: &str, nguon: &str| {
            with_state(&s, &ctx, |st, o| {
                let nguon = source_text(nguon)?;
                let p: crate::DeadlinePolicy = policy.parse().map_err(|d: Diagnostic| {
                    Diagnostic::error(Code::RulesInvalidValue, d.message.clone())
                        .with_hint(d.hint.clone().unwrap_or_else(kpi_hint))
                })?;
                let year = st.script.year;
                let hint = plan_hint(&st.rules);
                let pl = st
                    .rules
                    .plans
                    .get_mut(plan)
                    .ok_or_else(|| unknown("kế hoạch", "plan", plan, hint))?;
                pl.policy_changes.push(crate::obligations::PolicyChange {
                    from_year: year,
                    policy: p,
                    source: format!("{nguon} ({o})"),
                });
                st.record(
                    o,
                    plan,
                    format!("từ năm {year}, chính sách hạn của {plan}: {p}"),
                    format!("from {year}, deadline policy of {plan}: {p}"),
                );
                Ok(())
            })
        },
    );
    let s = state.clone();
    engine.register_fn(
        "muc_tieu",
        move |ctx: NativeCallContext,
              kpi: &str,
              plan: &str,
              y: INT,
              cmp: &str,
              v: Dynamic,
              nguon: rhai::Map| {
            with_state(&s, &ctx, |st, o| {
                set_target(st, o, kpi, plan, y, None, cmp, &v, &nguon)
            })
        },
    );
    let s = state.clone();
    engine.register_fn(
        "muc_tieu_cap",
        move |ctx: NativeCallContext,
              kpi: &str,
              plan: &str,
              y: INT,
              level: &str,
              cmp: &str,
              v: Dynamic,
              nguon: rhai::Map| {
            with_state(&s, &ctx, |st, o| {
                let l: AdminLevel = level.parse().map_err(|d: Diagnostic| {
                    Diagnostic::error(Code::RulesUnknownId, d.message.clone())
                        .with_hint(d.hint.clone().unwrap_or_else(kpi_hint))
                })?;
                set_target(st, o, kpi, plan, y, Some(l), cmp, &v, &nguon)
            })
        },
    );
    let s = state.clone();
    engine.register_fn(
        "bo_chi_tieu",
        move |ctx: NativeCallContext, kpi: &str, from: INT, nguon: &str| {
            with_state(&s, &ctx, |st, o| {
                let nguon = source_text(nguon)?;
                let y = year(from)?;
                st.not_before_script_year(y, ("chỉ tiêu", "indicators"))?;
                let ind = st
                    .rules
                    .catalog
                    .get_mut(kpi)
                    .ok_or_else(|| unknown("chỉ tiêu", "indicator", kpi, kpi_hint()))?;
                ind.retired_from = Some(y);
                ind.targets.retain(|t| t.from_year < y);
                for t in &mut ind.targets {
                    t.to_year = t.to_year.min(y - 1);
                }
                st.record(
                    o,
                    kpi,
                    format!("bỏ chỉ tiêu {kpi} từ năm {y} ({nguon})"),
                    format!("retire {kpi} from {y} ({nguon})"),
                );
                Ok(())
            })
        },
    );
    let s = state.clone();
    engine.register_fn("nghi_le", move |ctx: NativeCallContext, group: &str, first: &str, last: &str, nguon: &str| {
        with_state(&s, &ctx, |st, o| {
            let nguon = source_text(nguon)?;
            let g = holiday_group(group)?;
            let (a, b) = (date(first)?, date(last)?);
            if a.year() != b.year() || b < a {
                return Err(invalid(
                    format!("Khoảng nghỉ {first}–{last} phải trong cùng một năm, ngày đầu trước ngày cuối"),
                    format!("the days off {first}–{last} must be in one year, first before last"),
                ));
            }
            st.not_before_script_year(a.year(), ("ngày nghỉ", "days off"))?;
            let source = format!("{nguon} ({o})");
            let notice = st.rules.holidays.notice_mut(a.year(), &source);
            notice
                .days
                .insert(g, a.iter_days().take_while(|d| *d <= b).collect());
            notice.sources.insert(g, source);

            st.record(
                o,
                &a.year().to_string(),
                format!("nghỉ {} từ {first} đến {last}", g.name().vi),
                format!("{} days off from {first} to {last}", g.name().en),
            );
            Ok(())
        })
    });
    let s = state.clone();
    engine.register_fn("hoan_doi", move |ctx: NativeCallContext, off: &str, worked: &str, nguon: &str| {
        with_state(&s, &ctx, |st, o| {
            let nguon = source_text(nguon)?;
            let (a, b) = (date(off)?, date(worked)?);
            let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            if weekend(a) || !weekend(b) {
                return Err(invalid(
                    format!("Hoán đổi: {off} phải là ngày làm việc và {worked} phải là thứ Bảy hoặc Chủ Nhật"),
                    format!("swap: {off} must be a weekday and {worked} a Saturday or Sunday"),
                ));
            }
            st.not_before_script_year(a.year().min(b.year()), ("ngày nghỉ", "days off"))?;
            let source = format!("{nguon} ({o})");
            // A swap across New Year belongs to both years' notices: each year
            // applies the half (day off or day worked) that falls in it.
            let mut years = vec![a.year(), b.year()];
            years.dedup();
            for y in years {
                st.rules.holidays.notice_mut(y, &source).swaps.push(
                    crate::calendar::holidays::Swap {
                        day_off: a,
                        worked_day: b,
                        source: source.clone(),
                    },
                );
            }
            st.record(
                o,
                &a.year().to_string(),
                format!("nghỉ ngày {off}, làm bù ngày {worked}"),
                format!("{off} off, {worked} worked in exchange"),
            );
            Ok(())
        })
    });
    let s = state.clone();
    engine.register_fn(
        "noi_nhan",
        move |ctx: NativeCallContext,
              plan: &str,
              level: &str,
              from: &str,
              id: &str,
              vi: &str,
              en: &str,
              nguon: &str| {
            with_state(&s, &ctx, |st, o| {
                let nguon = source_text(nguon)?;
                let l: Level = level.parse().map_err(|d: Diagnostic| {
                    Diagnostic::error(Code::RulesUnknownId, d.message.clone())
                })?;
                let d = date(from)?;
                st.not_before_script_year(d.year(), ("nơi nhận", "recipients"))?;
                let hint = plan_hint(&st.rules);
                let p = st
                    .rules
                    .plans
                    .get_mut(plan)
                    .ok_or_else(|| unknown("kế hoạch", "plan", plan, hint))?;
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
                        format!("Kế hoạch '{plan}' không có báo cáo nào gửi cấp '{level}'"),
                        format!("plan '{plan}' has no report sent to level '{level}'"),
                    ));
                }
                st.record(
                    o,
                    plan,
                    format!("từ {from}, báo cáo {plan} gửi cấp {level} đến {vi}"),
                    format!("from {from}, {plan} reports to level {level} go to {en}"),
                );
                Ok(())
            })
        },
    );
    let s = state.clone();
    engine.register_fn(
        "han_nop",
        move |ctx: NativeCallContext,
              plan: &str,
              kind: &str,
              level: &str,
              period: &str,
              due: &str,
              nguon: &str| {
            with_state(&s, &ctx, |st, o| {
                let nguon = source_text(nguon)?;
                let k: ObligationKind = kind.parse().map_err(|d: Diagnostic| {
                    Diagnostic::error(Code::RulesUnknownId, d.message.clone())
                        .with_hint(d.hint.clone().unwrap_or_else(kpi_hint))
                })?;
                let l: Level = level.parse().map_err(|d: Diagnostic| {
                    Diagnostic::error(Code::RulesUnknownId, d.message.clone())
                })?;
                let p: Period = period.parse().map_err(|d: Diagnostic| {
                    Diagnostic::error(Code::RulesInvalidValue, d.message.clone())
                        .with_hint(d.hint.clone().unwrap_or_else(kpi_hint))
                })?;
                let d = date(due)?;
                st.not_before_script_year(p.year_of().max(d.year()), ("hạn nộp", "deadlines"))?;
                let hint = plan_hint(&st.rules);
                let pl = st
                    .rules
                    .plans
                    .get_mut(plan)
                    .ok_or_else(|| unknown("kế hoạch", "plan", plan, hint))?;
                if !pl.rules.iter().any(|r| r.kind == k && r.level == l) {
                    return Err(invalid(
                        format!(
                            "Kế hoạch '{plan}' không có {} của cấp '{level}'",
                            k.name().vi.to_lowercase()
                        ),
                        format!(
                            "plan '{plan}' has no {} from level '{level}'",
                            k.name().en.to_lowercase()
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
                        "hạn {} {period} cấp {level} của {plan}: trước ngày {due}",
                        k.name().vi.to_lowercase()
                    ),
                    format!(
                        "deadline of the {} {period} from {level} of {plan}: before {due}",
                        k.name().en.to_lowercase()
                    ),
                );
                Ok(())
            })
        },
    );
    let s = state.clone();
    engine.register_fn("kiem_tra", move |ctx: NativeCallContext, id: &str, function: &str| {
        with_state(&s, &ctx, |st, o| {
            if !st.functions.iter().any(|(n, arity)| n == function && *arity == 1) {
                return Err(Diagnostic::error(
                    Code::RulesUnknownFunction,
                    Text::new(
                        format!("Không có hàm '{function}' nhận 1 tham số (báo cáo) trong tệp này"),
                        format!("no function '{function}' taking 1 parameter (the report) in this file"),
                    ),
                )
                .with_hint(Text::new(
                    format!("Khai báo: fn {function}(bc) {{ ... }}"),
                    format!("Declare: fn {function}(bc) {{ ... }}"),
                )));
            }
            st.rules.checks.retain(|c| c.id != id);
            st.rules.checks.push(Check {
                id: id.to_string(),
                function: function.to_string(),
                script: st.script.name.clone(),
                origin: o.clone(),
                script_hash: super::text_hash(&st.script.source),
            });
            st.record(o, id, format!("kiểm tra {id} (hàm {function})"), format!("check {id} (function {function})"));
            Ok(())
        })
    });
    let s = state.clone();
    engine.register_fn(
        "them_truong",
        move |ctx: NativeCallContext, kind: &str, parent: &str, def: rhai::Map, nguon: &str| {
            with_state(&s, &ctx, |st, o| {
                add_form_field(st, o, kind, parent, &def, nguon)
            })
        },
    );
    engine.register_fn("loi", |path: &str, vi: &str, en: &str| {
        finding("loi", path, vi, en)
    });
    engine.register_fn("canh_bao", |path: &str, vi: &str, en: &str| {
        finding("canh_bao", path, vi, en)
    });
}

fn finding(severity: &str, path: &str, vi: &str, en: &str) -> rhai::Map {
    let mut m = rhai::Map::new();
    m.insert("muc_do".into(), severity.into());
    m.insert("duong_dan".into(), path.into());
    m.insert("vi".into(), vi.into());
    m.insert("en".into(), en.into());
    m
}

/// Turns what a check function returned into diagnostics.
pub(crate) fn check_results(v: Dynamic, check: &Check) -> Vec<Diagnostic> {
    let bad_shape = || {
        let mut d = Diagnostic::error(
            Code::RulesType,
            Text::new(
                format!(
                    "Hàm kiểm tra '{}' phải trả về một mảng các loi(...) / canh_bao(...)",
                    check.function
                ),
                format!(
                    "check function '{}' must return an array of loi(...) / canh_bao(...)",
                    check.function
                ),
            ),
        )
        .in_script(check.origin.clone());
        d.check = Some(check.id.clone());
        d
    };
    let Some(items) = v.try_cast::<rhai::Array>() else {
        return vec![bad_shape()];
    };
    items
        .into_iter()
        .map(|item| {
            let Some(m) = item.try_cast::<rhai::Map>() else {
                return bad_shape();
            };
            let get = |k: &str| {
                m.get(k)
                    .and_then(|v| v.clone().into_string().ok())
                    .unwrap_or_default()
            };
            let severity = if get("muc_do") == "loi" {
                Severity::Error
            } else {
                Severity::Warning
            };
            let mut d =
                Diagnostic::new(severity, Code::RulesCheck, Text::new(get("vi"), get("en")))
                    .at(get("duong_dan"))
                    .with_source(format!("{}", check.origin));
            d.check = Some(check.id.clone());
            d
        })
        .collect()
}
