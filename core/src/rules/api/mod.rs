//! The functions a rule script can call (documented in `rules/README.md`),
//! declared once in [`SCRIPT_API`]: its name, parameters and what it does
//! (what a rule editor offers) and how it is registered on the sandbox, by
//! domain: targets and indicators ([`targets`]), days off ([`days_off`]),
//! reports, deadlines and recipients ([`reports`]), form fields ([`fields`])
//! and custom checks ([`checks`]).
//!
//! Every call checks its arguments at once and fails at its own line and
//! column with a bilingual message; a successful call changes the working
//! rule set and records a [`Change`] with its origin. Every change takes its
//! source (`nguon`) in one shape, read by [`source`]: a text ("Công văn
//! 123/UBND, mục 2") or a map `#{ tai_lieu, muc, trich_dan }`; a target needs
//! the map with the document's own words (`trich_dan`).

mod bodies;
mod checks;
mod days_off;
mod fields;
mod reports;
mod targets;

pub(crate) use checks::check_results;

use super::{Change, RuleSet, Script};
use crate::calendar::date::parse_date;
use crate::diagnostic::{Code, Diagnostic, Span, Text};
use crate::kpi::{Comparator, Exact, Source};
use chrono::NaiveDate;
use rhai::{Dynamic, Engine, EvalAltResult, NativeCallContext, AST, INT};
use std::cell::RefCell;
use std::rc::Rc;

/// How a function is registered on the sandbox (by its name).
type Register = fn(&mut Engine, &'static str, &Shared);

/// One function of the rule-script API: what a rule editor offers, and how
/// the sandbox gets it.
#[derive(Clone, Copy, Debug, serde::Serialize)]
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
    #[serde(skip)]
    #[cfg_attr(feature = "ts", ts(skip))]
    register: Register,
}

const fn f(
    name: &'static str,
    params: &'static str,
    vi: &'static str,
    en: &'static str,
    register: Register,
) -> ApiFunction {
    ApiFunction {
        name,
        params,
        vi,
        en,
        register,
    }
}

/// The rule-script API (documented in `rules/README.md`): what a rule editor
/// completes, what "unknown function" hints list, and what the sandbox
/// registers — one table.
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
        targets::muc_tieu,
    ),
    f(
        "muc_tieu_cap",
        "chỉ_tiêu, kế_hoạch, năm, cấp, so_sánh, giá_trị, nguồn",
        "mục tiêu riêng cho một cấp",
        "a target for one administrative level",
        targets::muc_tieu_cap,
    ),
    f(
        "them_chi_tieu",
        "định_nghĩa, nguồn",
        "thêm chỉ tiêu mới",
        "add a new indicator",
        targets::them_chi_tieu,
    ),
    f(
        "bo_chi_tieu",
        "chỉ_tiêu, từ_năm, nguồn",
        "bỏ một chỉ tiêu từ năm đó",
        "drop an indicator from that year",
        targets::bo_chi_tieu,
    ),
    f(
        "chinh_sach_han",
        "kế_hoạch, chính_sách, nguồn",
        "chính sách hạn nộp từ năm của tệp",
        "deadline policy from the script's year",
        reports::chinh_sach_han,
    ),
    f(
        "nghi_le",
        "ngày_lễ, từ_ngày, đến_ngày, nguồn",
        "ngày nghỉ lễ theo thông báo",
        "holiday days off per the yearly notice",
        days_off::nghi_le,
    ),
    f(
        "hoan_doi",
        "ngày_nghỉ, ngày_làm_bù, nguồn",
        "hoán đổi ngày làm việc",
        "swap a working day",
        days_off::hoan_doi,
    ),
    f(
        "noi_nhan",
        "kế_hoạch, cấp_nhận, từ_ngày, mã, tên, tên_tiếng_Anh, nguồn",
        "đổi nơi nhận báo cáo",
        "change the recipient of reports",
        reports::noi_nhan,
    ),
    f(
        "bao_cao",
        "định_nghĩa",
        "thêm một nghĩa vụ báo cáo của kế hoạch",
        "add a reporting obligation to a plan",
        reports::bao_cao,
    ),
    f(
        "bao_cao_chua_co_ngay",
        "#{ ke_hoach, ten, ten_en, cap, gui, gui_en, lap_lai?, nguyen_van, muc }",
        "một báo cáo văn bản yêu cầu mà không nêu ngày nộp",
        "a report the text asks for without a day",
        reports::bao_cao_chua_co_ngay,
    ),
    f(
        "han_nop",
        "kế_hoạch, loại, cấp, kỳ, trước_ngày, nguồn",
        "đổi hạn nộp của một kỳ",
        "change one period's deadline",
        reports::han_nop,
    ),
    f(
        "ket_thuc",
        "#{ ma, ten, tu_ngay, ke_thua: #{ ma, ten, ten_en } }, nguồn",
        "một cơ quan kết thúc từ một ngày, và cơ quan kế thừa",
        "a body ends from a day, and who succeeds it",
        bodies::ket_thuc,
    ),
    f(
        "ket_thuc_cap",
        "cấp, từ_ngày, nguồn",
        "một cấp báo cáo kết thúc từ một ngày",
        "a reporting level ends from a day",
        bodies::ket_thuc_cap,
    ),
    f(
        "kiem_tra",
        "mã, tên_hàm",
        "đăng ký một kiểm tra thêm",
        "register a custom check",
        checks::kiem_tra,
    ),
    f(
        "them_truong",
        "loại, nhóm, #{ ma, kieu, ten, ten_en, bat_buoc }, nguồn",
        "thêm ô vào biểu mẫu",
        "add a field to a form",
        fields::them_truong,
    ),
    f(
        "loi",
        "đường_dẫn, tiếng_Việt, tiếng_Anh",
        "một lỗi do kiểm tra thêm trả về",
        "an error returned by a custom check",
        checks::loi,
    ),
    f(
        "canh_bao",
        "đường_dẫn, tiếng_Việt, tiếng_Anh",
        "một cảnh báo do kiểm tra thêm trả về",
        "a warning returned by a custom check",
        checks::canh_bao,
    ),
];

/// Registers every function of [`SCRIPT_API`] on the engine.
pub(crate) fn register(engine: &mut Engine, state: &Shared) {
    for function in SCRIPT_API {
        (function.register)(engine, function.name, state);
    }
}

/// Registers a function that changes the working rule set: its arguments,
/// then `with_state` runs the body at the call's position.
macro_rules! changes {
    ($engine:ident, $name:ident, $state:ident, |$st:ident, $o:ident $(, $arg:ident : $ty:ty)*| $body:expr) => {{
        let s = $state.clone();
        $engine.register_fn($name, move |ctx: NativeCallContext $(, $arg: $ty)*| {
            // What the call may store is charged to the load before it runs.
            let weight = 0 $(+ super::Weigh::weigh(&$arg))*;
            super::with_state(&s, &ctx, weight, |$st, $o| $body)
        });
    }};
}
use changes;

/// What one load (every script of a `load`, `checkRules` included) may
/// accumulate: each change is charged the bytes of its arguments, since
/// that is what the rule set stores (names, sources, provenance). The
/// limits sit far above the shipped scripts (about 40 changes, 20 KB) and far
/// below what endangers memory (issue 15: 100 KB per call in a loop grew a
/// WebAssembly instance to 4 GiB).
pub mod budget {
    /// Changes (calls of the script API that change the rules) per load.
    pub const CHANGES: usize = 5_000;
    /// Bytes of text passed to those calls per load.
    pub const BYTES: usize = 2_000_000;
}

/// What a load has spent of [`budget`], carried from script to script.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Spent {
    changes: usize,
    bytes: usize,
}

/// The bytes an argument of the script API may make the rule set store.
pub(crate) trait Weigh {
    fn weigh(&self) -> usize;
}

impl Weigh for &str {
    fn weigh(&self) -> usize {
        self.len()
    }
}

impl Weigh for INT {
    fn weigh(&self) -> usize {
        8
    }
}

impl Weigh for Dynamic {
    fn weigh(&self) -> usize {
        weigh_dynamic(self, 0)
    }
}

impl Weigh for rhai::Map {
    fn weigh(&self) -> usize {
        self.iter()
            .map(|(k, v)| k.len() + weigh_dynamic(v, 1))
            .sum()
    }
}

fn weigh_dynamic(v: &Dynamic, depth: usize) -> usize {
    if depth > 8 {
        return 8;
    }
    if let Some(s) = v.read_lock::<rhai::ImmutableString>() {
        return s.len();
    }
    if let Some(m) = v.read_lock::<rhai::Map>() {
        return m
            .iter()
            .map(|(k, x)| k.len() + weigh_dynamic(x, depth + 1))
            .sum();
    }
    if let Some(a) = v.read_lock::<rhai::Array>() {
        return a.iter().map(|x| weigh_dynamic(x, depth + 1)).sum();
    }
    8
}

pub(crate) type Shared = Rc<RefCell<Option<State>>>;

/// The working rule set of one script run.
pub(crate) struct State {
    rules: RuleSet,
    script: Script,
    error: Option<Diagnostic>,
    /// Script functions and their number of parameters (for `kiem_tra`).
    functions: std::collections::HashSet<(String, usize)>,
    /// What the load has accumulated so far.
    spent: Spent,
    /// The hash of the script's text, computed once (custom checks keep it).
    script_hash: u64,
    /// The quoted source read by the current call, for its change record.
    cited: Option<Source>,
}

impl State {
    pub(crate) fn new(rules: RuleSet, script: Script, ast: &AST, spent: Spent) -> State {
        let functions = ast
            .iter_functions()
            .map(|f| (f.name.to_string(), f.params.len()))
            .collect();
        let script_hash = crate::rules::text_hash(&script.source);
        State {
            rules,
            script,
            error: None,
            functions,
            spent,
            script_hash,
            cited: None,
        }
    }

    /// Reads the current call's source (see [`source`]), keeping the
    /// document's words, when quoted, for the change the call records.
    fn cite(&mut self, nguon: &Dynamic) -> Result<Cited, Diagnostic> {
        let c = source(nguon)?;
        self.cited = c.quote.as_ref().map(|quote| Source {
            document: c.document.clone(),
            section: c.section.clone(),
            quote: quote.clone(),
        });
        Ok(c)
    }

    /// The rule set after the run, the error a call recorded, if any, and
    /// what the load has spent.
    pub(crate) fn finish(self) -> (RuleSet, Option<Diagnostic>, Spent) {
        (self.rules, self.error, self.spent)
    }

    /// Charges one change of `bytes` to the load, or refuses it.
    fn charge(&mut self, bytes: usize) -> Result<(), Diagnostic> {
        self.spent.changes += 1;
        self.spent.bytes = self.spent.bytes.saturating_add(bytes);
        let (vi, en) = if self.spent.changes > budget::CHANGES {
            (
                format!(
                    "Quá nhiều thay đổi trong một lần nạp quy tắc: tối đa {} lệnh thay đổi",
                    budget::CHANGES
                ),
                format!(
                    "too many changes in one load of the rules: at most {} calls that change them",
                    budget::CHANGES
                ),
            )
        } else if self.spent.bytes > budget::BYTES {
            (
                format!(
                    "Các lệnh thay đổi quy tắc lưu quá nhiều chữ: tối đa {} byte cho một lần nạp",
                    budget::BYTES
                ),
                format!(
                    "the calls that change the rules store too much text: at most {} bytes per load",
                    budget::BYTES
                ),
            )
        } else {
            return Ok(());
        };
        Err(Diagnostic::error(Code::RulesLimit, Text::new(vi, en)).with_hint(Text::new(
            "Một tệp quy tắc khai báo từng thay đổi một lần; một vòng lặp gọi hàm thay đổi quy tắc là dấu hiệu nhầm lẫn.",
            "A rule file declares each change once; a loop calling a function that changes the rules is a mistake.",
        )))
    }

    fn record(&mut self, origin: Span, subject: &str, vi: String, en: String) {
        self.rules.changes.push(Change {
            origin,
            year: self.script.year,
            summary: Text::new(vi, en),
            subject: subject.to_string(),
            cited: self.cited.take(),
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
    unknown_among(what_vi, what_en, value, hint, std::iter::empty())
}

/// Like [`unknown`], with "có phải ý bạn là …?" when one of `known` is
/// close to `value`.
fn unknown_among<'a>(
    what_vi: &str,
    what_en: &str,
    value: &str,
    hint: Text,
    known: impl Iterator<Item = &'a str>,
) -> Diagnostic {
    let mut message = Text::new(
        format!("Không có {what_vi} '{}'", crate::excerpt(value)),
        format!("unknown {what_en} '{}'", crate::excerpt(value)),
    );
    if let Some(close) = closest(value, known) {
        message
            .vi
            .push_str(&format!("; có phải ý bạn là '{close}'?"));
        message.en.push_str(&format!("; did you mean '{close}'?"));
    }
    Diagnostic::error(Code::RulesUnknownId, message).with_hint(hint)
}

/// The name of `known` closest to `value`, when it is close enough to be
/// a misspelling (at most a third of its letters differ).
pub(crate) fn closest<'a>(value: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let value = value.trim();
    if value.is_empty() || value.len() > 200 {
        return None;
    }
    known
        .filter(|k| *k != value)
        .map(|k| (strsim::damerau_levenshtein(value, k), k))
        .filter(|(d, k)| *d <= (k.chars().count().max(3) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn invalid(vi: String, en: String) -> Diagnostic {
    Diagnostic::error(Code::RulesInvalidValue, Text::new(vi, en))
}

fn date(text: &str) -> Result<NaiveDate, Diagnostic> {
    parse_date(text).map_err(not_valid)
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
        if v.is_int() || v.is_float() {
            let shown = crate::excerpt(&v.to_string()).into_owned();
            return invalid(
                format!("Giá trị mục tiêu {shown} quá lớn hoặc có quá nhiều chữ số thập phân để tính chính xác"),
                format!("target value {shown} is too large or has too many decimals to compute exactly"),
            )
            .with_hint(Text::new(
                "Một mục tiêu là một tỷ lệ, một số đếm hay một thứ hạng: viết nó như trong văn bản (80, 97,5 → 97.5).",
                "A target is a rate, a count or a rank: write it as the document does (80, 97.5).",
            ));
        }
        invalid(
            format!("Giá trị mục tiêu phải là một số, nhận {}", Kind::of(v).name().0),
            format!("a target value must be a number, got {}", Kind::of(v).name().1),
        )
    })
}

/// The kind of a script value, as a policy writer names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Whole,
    Decimal,
    Bool,
    Map,
    Array,
    Unit,
    Char,
    /// A view of the report given to a check.
    Report,
    /// Another type, by its Rhai name.
    Other(String),
    /// A value of another type (Rust names its type, not a script writer).
    Unknown,
}

impl Kind {
    /// The kind of a value.
    pub(crate) fn of(v: &Dynamic) -> Kind {
        match Kind::of_type(v.type_name()) {
            Kind::Other(_) => Kind::Unknown,
            k => k,
        }
    }

    /// The kind of a type as Rhai names it in signatures (`&str |
    /// ImmutableString | String`, `i64`, `map`…).
    pub(crate) fn of_type(rhai_type: &str) -> Kind {
        let t = rhai_type.trim_start_matches('&').trim();
        if t.contains("ImmutableString") || t.contains("String") || t == "str" || t == "string" {
            Kind::Text
        } else if t == "i64" || t == "i32" || t == "int" {
            Kind::Whole
        } else if t == "f64" || t == "f32" || t == "float" {
            Kind::Decimal
        } else if t == "bool" {
            Kind::Bool
        } else if t == "map" || t.ends_with("Map") {
            Kind::Map
        } else if t == "array" || t.ends_with("Array") {
            Kind::Array
        } else if t == "()" {
            Kind::Unit
        } else if t == "char" {
            Kind::Char
        } else if t == "du_lieu" {
            Kind::Report
        } else {
            Kind::Other(t.to_string())
        }
    }

    /// Its name (Vietnamese, English).
    pub(crate) fn name(&self) -> (&str, &str) {
        match self {
            Kind::Text => ("chuỗi", "a text"),
            Kind::Whole => ("số nguyên", "a whole number"),
            Kind::Decimal => ("số thập phân", "a decimal number"),
            Kind::Bool => ("đúng/sai", "a boolean"),
            Kind::Map => ("bảng #{…}", "a map"),
            Kind::Array => ("mảng […]", "an array"),
            Kind::Unit => ("() (không có giá trị)", "() (no value)"),
            Kind::Char => ("ký tự", "a character"),
            Kind::Report => ("dữ liệu báo cáo", "report data"),
            Kind::Other(t) => (t.as_str(), t.as_str()),
            Kind::Unknown => ("một giá trị khác", "another value"),
        }
    }
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

/// `rules.unknown_id` for an indicator id, with the closest id.
fn unknown_indicator(rules: &RuleSet, id: &str) -> Diagnostic {
    let ids = rules.catalog.iter().map(|i| i.id.as_str());
    unknown_among("chỉ tiêu", "indicator", id, kpi_hint(), ids)
}

fn kpi_hint() -> Text {
    Text::new(
        "Xem mã chỉ tiêu bằng `dxplan kpi list`.",
        "List indicator ids with `dxplan kpi list`.",
    )
}

/// The plan a script changes; `rules.unknown_id` naming the plans when
/// there is none with that id.
fn plan_mut<'a>(rules: &'a mut RuleSet, id: &str) -> Result<&'a mut crate::Plan, Diagnostic> {
    if rules.plans.get(id).is_err() {
        let ids = rules.plans.iter().map(|p| p.id.as_str());
        return Err(unknown_among("kế hoạch", "plan", id, plan_hint(rules), ids));
    }
    // Found above: the error below cannot happen (the borrow checker wants
    // the lookup done twice).
    rules
        .plans
        .get_mut(id)
        .ok_or_else(|| unknown("kế hoạch", "plan", id, Text::new("", "")))
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
fn with_state<F>(
    state: &Shared,
    ctx: &NativeCallContext,
    weight: usize,
    f: F,
) -> Result<(), Box<EvalAltResult>>
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
    st.cited = None;
    match st.charge(weight).and_then(|()| f(st, origin.clone())) {
        Ok(()) => Ok(()),
        Err(d) => {
            let message = d.message.en.clone();
            st.error = Some(d.in_script(origin));
            Err(Box::new(EvalAltResult::ErrorRuntime(message.into(), pos)))
        }
    }
}

/// A change's source, in the one shape every function takes: a text, or a
/// map `#{ tai_lieu, muc, trich_dan }`.
pub(crate) struct Cited {
    document: String,
    section: String,
    quote: Option<String>,
}

impl Cited {
    /// The source as one text: "document section", or the text given.
    fn text(&self) -> String {
        if self.section.is_empty() {
            self.document.clone()
        } else {
            format!("{} {}", self.document, self.section)
        }
    }

    /// The source with the document's own words, as a target needs it.
    fn quoted(self) -> Result<Source, Diagnostic> {
        match self.quote {
            Some(quote) => Ok(Source {
                document: self.document,
                section: self.section,
                quote,
            }),
            None => Err(invalid(
                "Mục tiêu cần nguồn có nguyên văn: #{ tai_lieu, muc, trich_dan }".into(),
                "a target needs its source with the document's words: #{ tai_lieu, muc, trich_dan }"
                    .into(),
            )
            .with_hint(source_hint())),
        }
    }
}

fn source_hint() -> Text {
    Text::new(
        "Nguồn: #{ tai_lieu: \"003_08cb75b396c90965.txt\", muc: \"§V.6\", trich_dan: \"nguyên văn câu đặt chỉ tiêu\" }",
        "Source: #{ tai_lieu: \"003_08cb75b396c90965.txt\", muc: \"§V.6\", trich_dan: \"the document's words\" }",
    )
}

/// Reads a change's source (`nguon`): a non-empty text, or a map with
/// `tai_lieu` and `muc` (and `trich_dan`, the document's words).
pub(crate) fn source(nguon: &Dynamic) -> Result<Cited, Diagnostic> {
    if let Some(m) = nguon.read_lock::<rhai::Map>() {
        let get =
            |k: &str| field(&m, k, ("Nguồn", "the source")).map_err(|d| d.with_hint(source_hint()));
        return Ok(Cited {
            document: get("tai_lieu")?,
            section: get("muc")?,
            quote: match m.get("trich_dan") {
                Some(_) => Some(get("trich_dan")?),
                None => None,
            },
        });
    }
    match nguon.clone().into_string() {
        Ok(text) if !blank(&text) => Ok(Cited {
            document: text.trim().to_string(),
            section: String::new(),
            quote: None,
        }),
        _ => Err(invalid(
            "Thiếu nguồn (văn bản, điều/mục) của thay đổi".into(),
            "the change lacks its source (document and section)".into(),
        )
        .with_hint(source_hint())),
    }
}

pub(crate) use crate::diagnostic::is_blank as blank;

/// `text`, or `rules.invalid_value` naming `what` (Vietnamese, English)
/// when it says nothing (see [`blank`]).
pub(crate) fn named(text: &str, what: (&str, &str)) -> Result<(), Diagnostic> {
    if blank(text) {
        return Err(invalid(
            format!("{} trống hoặc chỉ có khoảng trắng, ký tự vô hình", what.0),
            format!(
                "{} is empty, or only spaces or invisible characters",
                what.1
            ),
        ));
    }
    Ok(())
}

/// A non-empty text field `k` of a map; `what` names the map in messages
/// (Vietnamese, English), e.g. ("Nguồn", "the source").
fn field(m: &rhai::Map, k: &str, what: (&str, &str)) -> Result<String, Diagnostic> {
    m.get(k)
        .and_then(|v| v.clone().into_string().ok())
        .filter(|s| !blank(s))
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
        unknown_among(
            what_vi,
            what_en,
            text,
            Text::new(format!("Hợp lệ: {valid}."), format!("Valid: {valid}.")),
            valid.split(", "),
        )
    })
}

/// An id a script names that the engine does not know (kind, level…):
/// the parser's words and hint, as a rule-script error.
fn not_known(d: Diagnostic) -> Diagnostic {
    in_script_terms(Code::RulesUnknownId, d)
}

/// A value a script gives that does not read (a period…), as a rule-script error.
fn not_valid(d: Diagnostic) -> Diagnostic {
    in_script_terms(Code::RulesInvalidValue, d)
}

fn in_script_terms(code: Code, d: Diagnostic) -> Diagnostic {
    let out = Diagnostic::error(code, d.message);
    match d.hint {
        Some(h) => out.with_hint(h),
        None => out,
    }
}

/// A plan's title for the change records people read (the id when the plan
/// is not a seed).
pub(super) fn plan_name(id: &str) -> crate::Text {
    crate::obligations::seeds::plan_title(id).unwrap_or_else(|| crate::Text::new(id, id))
}
