//! [`Engine`]: the rules in force, their validator and script engine, and
//! every operation the command line, the WebAssembly package and a service
//! offer, as methods. The engine makes the decisions a host would otherwise
//! repeat: which plan ids exist, the default reporting level, deadline-policy
//! and overlap overrides, "the rules as they stood in year Y". Hosts only read
//! their arguments (a date from text, a file) and print or convert results.
//!
//! Errors are `Vec<Diagnostic>` (several when rule scripts fail to load); an
//! argument's problem is at its name (`plan`, `year`, `query` fields such as
//! `kind`, `inspection/0`), which a command line renames to its flag.
//!
//! ```
//! let engine = dxplan::Engine::with_defaults();
//! let report = serde_json::json!({"kind": "quarterly"});
//! let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
//! let v = engine.validate(&report, today);
//! assert!(!v.valid); // plan, period and unit are missing
//! ```

mod query;
mod session;

pub use query::{
    CalendarQuery, DocumentText, KpiOptions, RollupQuery, RulesCheck, ScriptText, StatusAnswer,
    StatusQuery, TasksQuery, ValidateOptions,
};
pub use session::{KpiKey, PathDiagnostics, ReportChange, ReportSession, MAX_PATH_DEPTH};

use crate::calendar::date::{check_year, parse_date};
use crate::calendar::holidays::{DayCheck, YearDaysOff};
use crate::calendar::period::Period;
use crate::defaults;
use crate::diagnostic::{Code, Diagnostic, Lang};
use crate::kpi::{AdminLevel, Consolidation, ConsolidationInput, Evaluation, Indicator, UnitInput};
use crate::obligations::consolidation::{
    calendar as year_calendar, CalendarFilter, CalendarReport,
};
use crate::obligations::ics::to_icalendar;
use crate::obligations::policy::DeadlinePolicy;
use crate::obligations::{Level, ObligationKind, OverlapRule, Plan, Plans};
use crate::rules::{testing, DeadlineExplanation, PlanSteps, RuleSet, RulesDiff};
#[cfg(feature = "scripts")]
use crate::rules::{RulesEngine, Script};
use crate::tasks::{Register, TaskStatus};
use crate::validation::{schema, FieldValidation, Validation, Validator};
use crate::workflow::{self, ReportRecord, Rollup, SealKey, Transition};
use chrono::{Datelike, NaiveDate};
use serde_json::Value;
use std::rc::Rc;
use std::sync::Arc;

/// Why an operation gave no answer: one or more errors.
pub type Errors = Vec<Diagnostic>;

fn one<T>(r: crate::Result<T>) -> Result<T, Errors> {
    r.map_err(|d| vec![d])
}

/// `text` read as `T`; a problem is at `name`.
fn parse<T: std::str::FromStr<Err = Diagnostic>>(text: &str, name: &str) -> Result<T, Errors> {
    text.parse::<T>().map_err(|d| vec![d.at(name)])
}

fn parse_opt<T: std::str::FromStr<Err = Diagnostic>>(
    text: &Option<String>,
    name: &str,
) -> Result<Option<T>, Errors> {
    text.as_deref().map(|t| parse(t, name)).transpose()
}

fn date(text: &str, name: &str) -> Result<NaiveDate, Errors> {
    parse_date(text).map_err(|d| vec![d.at(name)])
}

fn year(y: i32, name: &str) -> Result<i32, Errors> {
    check_year(y).map_err(|d| vec![d.at(name)])
}

/// The rules in force with their validator: built once, used for every call.
///
/// Results own their data (they share it with the rules by reference count),
/// so an engine can keep serving while earlier answers are kept. A clone is
/// the same engine (its rules and compiled checks are shared, not copied):
/// what a [`ReportSession`] keeps.
#[derive(Clone)]
pub struct Engine {
    validator: Rc<Validator<Arc<RuleSet>>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = self.rules();
        f.debug_struct("Engine")
            .field("scripts", &r.scripts.len())
            .field("changes", &r.changes.len())
            .field("checks", &r.checks.len())
            .finish()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::with_defaults()
    }
}

impl Engine {
    /// The embedded defaults: the seed documents and the shipped scripts
    /// (`rules/*.rhai`), see [`crate::defaults`].
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// assert_eq!(e.rules().scripts.len(), 7); // rules/2020.rhai … 2026.rhai
    /// ```
    pub fn with_defaults() -> Engine {
        Engine::from_rules(defaults::shared_rules())
    }

    /// The defaults as they stood in `year`: the shipped scripts of that year
    /// and before.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults_until(2024).unwrap();
    /// assert_eq!(e.rules().scripts.len(), 5); // rules/2020.rhai … 2024.rhai
    /// assert_eq!(dxplan::Engine::with_defaults_until(1800).unwrap_err()[0].code.as_str(), "date.out_of_range");
    /// ```
    ///
    /// Years from the last script's on are the precompiled defaults; an
    /// earlier year applies the scripts up to it, which the lean build
    /// (without the `scripts` feature) cannot: `rules.unavailable`.
    pub fn with_defaults_until(year: i32) -> Result<Engine, Errors> {
        let y = self::year(year, "year")?;
        if y >= defaults::last_year() {
            return Ok(Engine::with_defaults());
        }
        #[cfg(feature = "scripts")]
        {
            let rules = RulesEngine::new().load(&defaults::scripts_until(y))?;
            Ok(Engine::from_rules(Arc::new(rules)))
        }
        #[cfg(not(feature = "scripts"))]
        Err(vec![crate::rules::unavailable(
            crate::diagnostic::Text::new(
                format!("dùng quy tắc như chúng có vào năm {y}"),
                format!("use the rules as they stood in {y}"),
            ),
        )
        .at("year")])
    }

    #[cfg(feature = "scripts")]
    /// The base rules (the seed documents) plus `scripts`, applied
    /// atomically: any error, no engine. A script's problems are at its
    /// file, line and column; a file name without a year at `/i/name`.
    ///
    /// ```
    /// use dxplan::{Engine, ScriptText};
    /// let text = r#"nghi_le("tet", "2026-02-14", "2026-02-22", "Công điện 2026 (ví dụ)");"#;
    /// let e = Engine::from_scripts(&[ScriptText::new("2026.rhai", text)]).unwrap();
    /// assert_eq!(e.rules().changes.len(), 1);
    /// let bad = Engine::from_scripts(&[ScriptText::new("rules.rhai", text)]).unwrap_err();
    /// assert_eq!(bad[0].path.as_deref(), Some("/0/name"));
    /// ```
    pub fn from_scripts(texts: &[ScriptText]) -> Result<Engine, Errors> {
        let scripts = scripts(texts)?;
        Ok(Engine::from_rules(Arc::new(
            RulesEngine::new().load(&scripts)?,
        )))
    }

    /// An engine on rules loaded elsewhere (e.g. by a service that keeps
    /// each published rule version).
    pub fn from_rules(rules: Arc<RuleSet>) -> Engine {
        Engine {
            validator: Rc::new(Validator::new(rules)),
        }
    }

    /// An engine on rule data ([`RuleSet::to_data`]: a published rule
    /// version a service keeps, the bundle a form fetches), decoded without
    /// running a script. Data that is not rule data is refused at `data`;
    /// in the lean build (no `scripts` feature), so are rules with custom
    /// checks, which only a script engine runs (`rules.unavailable`).
    ///
    /// ```
    /// let data = dxplan::Engine::with_defaults().rules().to_data();
    /// let e = dxplan::Engine::from_data(&data).unwrap();
    /// assert_eq!(e.rules().changes, dxplan::Engine::with_defaults().rules().changes);
    /// assert_eq!(dxplan::Engine::from_data("{}").unwrap_err()[0].path.as_deref(), Some("data"));
    /// ```
    pub fn from_data(data: &str) -> Result<Engine, Errors> {
        if data.len() > crate::diagnostic::MAX_INPUT_BYTES {
            return Err(vec![Diagnostic::too_large("data", data.len())]);
        }
        let rules = one(RuleSet::from_data(data).map_err(|d| d.at("data")))?;
        #[cfg(not(feature = "scripts"))]
        if let Some(c) = rules.checks.first() {
            return Err(vec![crate::rules::check_unavailable(&c.id).at("data")]);
        }
        Ok(Engine::from_rules(Arc::new(rules)))
    }

    #[cfg(feature = "scripts")]
    /// Compiles and applies `texts` on the base rules, as a rule editor
    /// checks a draft: script errors are the answer here, not a failure.
    ///
    /// ```
    /// let r = dxplan::Engine::check_rules(&[dxplan::ScriptText::new("2025.rhai", "let x = ;")]);
    /// assert!(!r.ok);
    /// assert_eq!(r.diagnostics[0].code.as_str(), "rules.syntax");
    /// ```
    pub fn check_rules(texts: &[ScriptText]) -> RulesCheck {
        Engine::check_rules_against(texts, &[])
    }

    #[cfg(feature = "scripts")]
    /// Like [`Engine::check_rules`], and holds every quoted source
    /// (`trich_dan`) against `documents`: a quote that is not the words of
    /// its document is an error (`rules.quote_not_found`), a document not
    /// among them a warning (`rules.document_unknown`). See
    /// [`crate::rules::sources`] for exactly what is compared.
    ///
    /// ```
    /// use dxplan::{DocumentText, Engine, ScriptText};
    /// let script = ScriptText::new("2026.rhai", r#"muc_tieu("e_contract_enterprises_rate", "dti-2022", 2026, ">=", 85,
    ///     #{ tai_lieu: "003_08cb75b396c90965.txt", muc: "§V.6", trich_dan: "năm 2026 đạt 85%" });"#);
    /// let seed = DocumentText::new("003_08cb75b396c90965.txt", "… đến năm 2025 đạt tối thiểu 80% …");
    /// let r = Engine::check_rules_against(&[script], &[seed]);
    /// assert!(!r.ok);
    /// assert_eq!(r.diagnostics[0].code.as_str(), "rules.quote_not_found");
    /// ```
    pub fn check_rules_against(texts: &[ScriptText], documents: &[DocumentText]) -> RulesCheck {
        let loaded = scripts(texts).and_then(|s| RulesEngine::new().load(&s));
        match loaded {
            Ok(rules) => {
                let mut docs = crate::rules::sources::Documents::new();
                for d in documents {
                    docs.add(&d.name, &d.text);
                }
                let verified = if docs.is_empty() {
                    crate::rules::sources::Verified::default()
                } else {
                    crate::rules::sources::verify(&rules.changes, &docs)
                };
                RulesCheck {
                    ok: !verified
                        .diagnostics
                        .iter()
                        .any(|d| d.severity == crate::diagnostic::Severity::Error),
                    files: texts.len(),
                    changes: rules.changes,
                    checks: rules.checks,
                    diagnostics: verified.diagnostics,
                    quotes_checked: verified.quotes_found,
                }
            }
            Err(diagnostics) => RulesCheck {
                ok: false,
                files: texts.len(),
                changes: Vec::new(),
                checks: Vec::new(),
                diagnostics,
                quotes_checked: 0,
            },
        }
    }

    #[cfg(feature = "scripts")]
    /// The embedded default scripts as name and text, for a rule editor.
    pub fn default_scripts() -> Vec<ScriptText> {
        texts(defaults::SCRIPTS)
    }

    #[cfg(feature = "scripts")]
    /// The tests that ship with the default scripts (`rules/tests/*.test`).
    pub fn default_rule_tests() -> Vec<ScriptText> {
        texts(defaults::TESTS)
    }

    /// The rules in force.
    pub fn rules(&self) -> &RuleSet {
        self.validator.rules()
    }

    /// The rules in force, shared.
    pub fn shared_rules(&self) -> Arc<RuleSet> {
        Arc::clone(self.validator.rules_owner())
    }

    /// The validator (rules and prepared custom checks).
    pub fn validator(&self) -> &Validator<Arc<RuleSet>> {
        &self.validator
    }

    /// What the loaded scripts changed and the checks they registered.
    pub fn rules_summary(&self) -> RulesCheck {
        let r = self.rules();
        RulesCheck {
            ok: true,
            files: r.scripts.len(),
            changes: r.changes.clone(),
            checks: r.checks.clone(),
            diagnostics: Vec::new(),
            quotes_checked: 0,
        }
    }

    /// Validates a whole report on `today`: diagnostics at JSON pointers,
    /// the KPI evaluation against the report's plan, the deadline status.
    pub fn validate(&self, report: &Value, today: NaiveDate) -> Validation {
        self.validator.validate(report, today)
    }

    /// [`Engine::validate`] as a form asks for it: without `explain`, the
    /// KPI targets cite their documents without quoting their words.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
    ///     concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/reports/valid/quarterly.json")).unwrap()).unwrap();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 16).unwrap();
    /// let short = e.validate_with(&report, today, &dxplan::ValidateOptions::default());
    /// let json = serde_json::to_value(&short).unwrap();
    /// let target = &json["kpi"]["results"][0]["target"];
    /// assert!(target.get("quote").is_none() && target["source"].is_string());
    /// assert_eq!(short.diagnostics, e.validate(&report, today).diagnostics);
    /// ```
    pub fn validate_with(
        &self,
        report: &Value,
        today: NaiveDate,
        o: &ValidateOptions,
    ) -> Validation {
        let mut v = self.validator.validate(report, today);
        if o.explain != Some(true) {
            v.without_quotes();
        }
        if let Some(fields) = o.form_fields() {
            v.only_fields(&fields);
        }
        v
    }

    /// [`Engine::validate`] of a report received as JSON text, on a day
    /// received as text (`dd/mm/yyyy` or `yyyy-mm-dd`): what a service or a
    /// batch reads from a request or a file. Text over
    /// [`crate::MAX_INPUT_BYTES`] or not JSON is refused at `report`, a bad
    /// day at `today`.
    ///
    /// ```
    /// let engine = dxplan::Engine::with_defaults();
    /// let r = engine.validate_text(r#"{"kind": "quarterly"}"#, "10/09/2025").unwrap();
    /// assert!(!r.valid);
    /// let e = engine.validate_text("{", "10/09/2025").unwrap_err();
    /// assert_eq!(e[0].path.as_deref(), Some("report"));
    /// ```
    pub fn validate_text(&self, report: &str, today: &str) -> Result<Validation, Errors> {
        if report.len() > crate::diagnostic::MAX_INPUT_BYTES {
            return Err(vec![Diagnostic::too_large("report", report.len())]);
        }
        let value: Value = serde_json::from_str(report).map_err(|e| {
            vec![match crate::json::lone_surrogate(report) {
                Some((at, escape)) => crate::json::broken_character(&at, &escape),
                None => Diagnostic::invalid_input(
                    "report",
                    crate::diagnostic::Text::new("một báo cáo dạng JSON", "a report as JSON"),
                    &e.to_string(),
                ),
            }]
        })?;
        let today = date(today, "today")?;
        Ok(self.validate(&value, today))
    }

    /// Validates one field (`path`, a JSON pointer) of a report of `kind`
    /// being typed; `context` is the rest of the report.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let ctx = serde_json::json!({"unit": {"level": "commune"}});
    /// let r = e.validate_field("quarterly", "/values/dossiers_total", &serde_json::json!(-5), &ctx, today).unwrap();
    /// assert_eq!(r.diagnostics[0].code.as_str(), "kpi.input_invalid");
    /// ```
    pub fn validate_field(
        &self,
        kind: &str,
        path: &str,
        value: &Value,
        context: &Value,
        today: NaiveDate,
    ) -> Result<FieldValidation, Errors> {
        let kind: ObligationKind = parse(kind, "kind")?;
        Ok(self
            .validator
            .validate_field(kind, path, value, context, today))
    }

    /// The plans with a query's overrides of the deadline policy and the
    /// overlap rule applied.
    fn plans_with(
        &self,
        policy: &Option<String>,
        overlap: &Option<String>,
    ) -> Result<Plans, Errors> {
        let mut plans = self.rules().plans.clone();
        if let Some(p) = parse_opt::<DeadlinePolicy>(policy, "policy")? {
            plans = plans.with_policy(p);
        }
        if let Some(o) = parse_opt::<OverlapRule>(overlap, "overlap")? {
            plans = plans.with_overlap(o);
        }
        Ok(plans)
    }

    fn known_plan(&self, plan: &str, name: &str) -> Result<&Plan, Errors> {
        self.rules().plans.get(plan).map_err(|d| vec![d.at(name)])
    }

    /// The obligations of a year, sorted by deadline, with overlaps and
    /// consolidation windows.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let q = dxplan::CalendarQuery { plan: Some("city-2025".into()), ..Default::default() };
    /// let r = e.calendar(2025, &q).unwrap();
    /// assert!(r.obligations.iter().all(|o| o.plan == "city-2025"));
    /// ```
    pub fn calendar(&self, year: i32, q: &CalendarQuery) -> Result<CalendarReport, Errors> {
        let year = self::year(year, "year")?;
        let plans = self.plans_with(&q.policy, &q.overlap)?;
        let level = parse_opt::<Level>(&q.level, "level")?;
        let inspection = match &q.inspection {
            Some((a, b)) => Some((date(a, "inspection/0")?, date(b, "inspection/1")?)),
            None => None,
        };
        let filter = CalendarFilter {
            plan: q.plan.clone(),
            level,
            inspection,
        };
        year_calendar(&plans, &self.rules().calendar, year, &filter)
            .map_err(|d| vec![d.at_if(Code::PlanUnknown, "plan")])
    }

    /// The obligations of a year as an iCalendar (.ics) text stamped `stamp`.
    pub fn icalendar(
        &self,
        year: i32,
        q: &CalendarQuery,
        stamp: NaiveDate,
        lang: Lang,
    ) -> Result<String, Errors> {
        let report = self.calendar(year, q)?;
        Ok(to_icalendar(&report.obligations, stamp, lang))
    }

    /// A year's days off (holidays, compensatory days, swaps) and worked
    /// weekend days.
    pub fn holidays(&self, year: i32) -> Result<YearDaysOff, Errors> {
        let year = self::year(year, "year")?;
        one(self.rules().calendar.year_days(year))
    }

    /// `date` plus `n` working days (`n` may be negative).
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 4, 25).unwrap();
    /// // 26/4 is worked, 30/4–4/5 are off (2025 notice).
    /// assert_eq!(e.add_working_days(d, 5).unwrap().to_string(), "2025-05-06");
    /// ```
    pub fn add_working_days(&self, date: NaiveDate, n: i64) -> Result<NaiveDate, Errors> {
        self.rules()
            .calendar
            .add_working_days(date, n)
            .map_err(|e| vec![e.at("n")])
    }

    /// Working days after `from` up to and including `to`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, Errors> {
        one(self.rules().calendar.working_days_between(from, to))
    }

    /// Whether `date` is a working day, and why not.
    pub fn check_day(&self, date: NaiveDate) -> Result<DayCheck, Errors> {
        one(self.rules().calendar.check_day(date))
    }

    /// The submission status of one obligation on `today`; the level is
    /// the unit's when the query names none.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let q = dxplan::StatusQuery {
    ///     plan: "city-2025".into(), kind: "annual".into(), period: "2025".into(),
    ///     submitted: Some("15/12/2025".into()), ..Default::default()
    /// };
    /// let today = chrono::NaiveDate::from_ymd_opt(2025, 12, 16).unwrap();
    /// // 000 §VII.1: "trước ngày 15 tháng 12 năm 2025" — the 15th is late.
    /// let a = e.status(&q, today).unwrap();
    /// assert!(matches!(a.status.status, dxplan::SubmissionStatus::Late { .. }));
    /// ```
    pub fn status(&self, q: &StatusQuery, today: NaiveDate) -> Result<StatusAnswer, Errors> {
        let plans = self.plans_with(&q.policy, &None)?;
        let kind: ObligationKind = parse(&q.kind, "kind")?;
        let period: Period = parse(&q.period, "period")?;
        let level = parse_opt::<Level>(&q.level, "level")?.unwrap_or(Level::Unit);
        let submitted = match &q.submitted {
            Some(s) => Some(date(s, "submitted")?),
            None => None,
        };
        let cal = &self.rules().calendar;
        let obligation = plans
            .find(cal, &q.plan, kind, &period, level)
            .map_err(|d| vec![d.at_if(Code::PlanUnknown, "plan")])?;
        let status = one(crate::obligations::status::status(
            cal,
            &obligation,
            submitted,
            today,
        ))?;
        Ok(StatusAnswer { obligation, status })
    }

    /// The plans the rules know, with their deadline rules and sources.
    pub fn plans(&self) -> Vec<&Plan> {
        self.rules().plans.iter().collect()
    }

    /// The indicator catalog; with `plan` and/or `year`, only those targets.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// assert!(!e.kpi_catalog(Some("dti-2022"), Some(2024)).unwrap().is_empty());
    /// assert_eq!(e.kpi_catalog(Some("x"), None).unwrap_err()[0].path.as_deref(), Some("plan"));
    /// ```
    pub fn kpi_catalog(
        &self,
        plan: Option<&str>,
        year: Option<i32>,
    ) -> Result<Vec<Indicator>, Errors> {
        if let Some(p) = plan {
            self.known_plan(p, "plan")?;
        }
        if let Some(y) = year {
            self::year(y, "year")?;
        }
        Ok(self.rules().catalog.select(plan, year))
    }

    fn kpi_plans<'a>(&self, o: &'a KpiOptions) -> Result<Vec<&'a str>, Errors> {
        for (i, p) in o.plans.iter().enumerate() {
            self.known_plan(p, &format!("plans/{i}"))?;
        }
        if let Some(y) = o.year {
            self::year(y, "year")?;
        }
        Ok(o.plans.iter().map(String::as_str).collect())
    }

    /// Evaluates one unit's KPI inputs against the targets, with the
    /// scripts' custom checks.
    pub fn evaluate_kpi(&self, input: &UnitInput, o: &KpiOptions) -> Result<Evaluation, Errors> {
        let plans = self.kpi_plans(o)?;
        let mut ev = self
            .validator
            .scripts()
            .evaluate(self.rules(), input, &plans, o.year);
        if o.explain != Some(true) {
            ev.without_quotes();
        }
        Ok(ev)
    }

    /// Consolidates several units' KPI inputs (sums of numerators and
    /// denominators, missing units).
    pub fn consolidate_kpi(
        &self,
        input: &ConsolidationInput,
        o: &KpiOptions,
    ) -> Result<Consolidation, Errors> {
        let plans = self.kpi_plans(o)?;
        let mut c = self
            .validator
            .scripts()
            .consolidate(self.rules(), input, &plans, o.year);
        if o.explain != Some(true) {
            c.without_quotes();
        }
        Ok(c)
    }

    /// The field reference of a report kind's form for a year: each field's
    /// path and control name, label, type, whether it is required, unit and
    /// source (see [`crate::validation::reference`]).
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let f = e.field_reference("quarterly", 2025).unwrap();
    /// assert!(f.iter().any(|f| f.name == "values.dossiers_full_online"));
    /// assert_eq!(e.field_reference("monthly", 2025).unwrap_err()[0].path.as_deref(), Some("kind"));
    /// ```
    pub fn field_reference(
        &self,
        kind: &str,
        year: i32,
    ) -> Result<Vec<crate::validation::reference::FieldEntry>, Errors> {
        let kind: ObligationKind = parse(kind, "kind")?;
        let year = self::year(year, "year")?;
        one(crate::validation::reference::field_reference(
            self.rules(),
            kind,
            year,
        ))
    }

    /// The JSON Schema (2020-12) of a report kind for a year.
    pub fn schema(&self, kind: &str, year: i32) -> Result<Value, Errors> {
        let kind: ObligationKind = parse(kind, "kind")?;
        let year = self::year(year, "year")?;
        one(schema::schema(self.rules(), kind, year))
    }

    /// The targets of an indicator in force on `date`, per plan (or only
    /// `plan`), and the rules that set them.
    pub fn explain_target(
        &self,
        kpi: &str,
        plan: Option<&str>,
        date: NaiveDate,
    ) -> Result<Vec<PlanSteps>, Errors> {
        self.rules()
            .explain_targets(kpi, plan, date.year())
            .map_err(|d| {
                let at = if d.code == Code::KpiUnknown {
                    "kpi"
                } else {
                    "plan"
                };
                vec![d.at(at)]
            })
    }

    /// The deadlines of a report kind in the year of `date` and its
    /// recipients over time; the level is the unit's when none is named.
    pub fn explain_deadline(
        &self,
        plan: &str,
        kind: &str,
        level: Option<&str>,
        date: NaiveDate,
    ) -> Result<DeadlineExplanation, Errors> {
        let kind: ObligationKind = parse(kind, "kind")?;
        let level: Level = match level {
            Some(l) => parse(l, "level")?,
            None => Level::Unit,
        };
        self.rules()
            .explain_deadline(plan, kind, level, date)
            .map_err(|d| vec![d.at_if(Code::PlanUnknown, "plan")])
    }

    /// What changed between the rules of two years.
    pub fn diff(&self, year_a: i32, year_b: i32) -> Result<RulesDiff, Errors> {
        let a = year(year_a, "yearA")?;
        let b = year(year_b, "yearB")?;
        Ok(self.rules().diff(a, b))
    }

    /// Runs rule-script test files (`rules/tests/*.test`) against these rules.
    pub fn test_rules(&self, files: &[ScriptText]) -> Vec<testing::TestOutcome> {
        files
            .iter()
            .flat_map(|f| testing::run(self.rules(), &f.name, &f.source))
            .collect()
    }

    /// A draft workflow record holding `report`.
    pub fn workflow_new(report: Value) -> ReportRecord {
        ReportRecord::new(report)
    }

    /// Applies a workflow transition to a record: the new record, or why
    /// the transition is refused. The record is verified first; `key` is
    /// the host's sealing key when it seals with one (see
    /// [`workflow::seal`]).
    pub fn workflow_apply(
        &self,
        record: &ReportRecord,
        t: &Transition,
        key: Option<&SealKey>,
    ) -> Result<ReportRecord, Errors> {
        workflow::apply(&self.validator, record, t, key)
    }

    /// Verifies a stored record against its sealed history (see
    /// [`workflow::verify`]).
    pub fn workflow_verify(record: &ReportRecord, key: Option<&SealKey>) -> Result<(), Errors> {
        workflow::verify(record, key)
    }

    /// Seals, once, a record written before entries were sealed (see
    /// [`workflow::seal_unsealed`]).
    pub fn workflow_seal(
        &self,
        record: &ReportRecord,
        by: &workflow::Actor,
        at: &str,
        key: Option<&SealKey>,
    ) -> Result<ReportRecord, Errors> {
        workflow::seal_unsealed(&self.validator, record, by, at, key)
    }

    /// Rolls up the accepted reports of a period into the next level; each
    /// record is verified (with `key`) and left out when it does not.
    pub fn rollup(
        &self,
        records: &[ReportRecord],
        q: &RollupQuery,
        key: Option<&SealKey>,
    ) -> Result<Rollup, Errors> {
        let level: AdminLevel = parse(&q.level, "level")?;
        let period: Period = parse(&q.period, "period")?;
        self.known_plan(&q.plan, "plan")?;
        Ok(workflow::rollup(
            self.rules(),
            records,
            &q.expected,
            level,
            &period,
            &q.plan,
            key,
        ))
    }

    /// The task register (000 §V, 004 Appendix II) with each task's status
    /// on `as_of`.
    ///
    /// ```
    /// let e = dxplan::Engine::with_defaults();
    /// let as_of = chrono::NaiveDate::from_ymd_opt(2025, 10, 5).unwrap();
    /// assert_eq!(e.tasks(&Default::default(), as_of).unwrap().len(), 94);
    /// ```
    pub fn tasks(
        &self,
        q: &TasksQuery,
        as_of: NaiveDate,
    ) -> Result<Vec<TaskStatus<'static>>, Errors> {
        tasks_with(q, as_of, &self.rules().plans.bodies)
    }
}

/// [`Engine::tasks`] without an engine, on the default rules' bodies (the
/// package's free function `tasks`).
pub fn tasks(q: &TasksQuery, as_of: NaiveDate) -> Result<Vec<TaskStatus<'static>>, Errors> {
    tasks_with(q, as_of, &defaults::rules().plans.bodies)
}

fn tasks_with(
    q: &TasksQuery,
    as_of: NaiveDate,
    bodies: &crate::bodies::Bodies,
) -> Result<Vec<TaskStatus<'static>>, Errors> {
    let reg = one(Register::base())?;
    reg.statuses_with(q.agency.as_deref(), &q.progress, &q.events, as_of, bodies)
        .map_err(|d| {
            // `/progress/0/task` → `progress/0/task`: a place in the query.
            let path = d
                .path
                .as_deref()
                .unwrap_or("")
                .trim_start_matches('/')
                .to_string();
            vec![d.at(path)]
        })
}

#[cfg(feature = "scripts")]
/// Scripts from their texts; a name without a year is refused at `/i/name`.
fn scripts(texts: &[ScriptText]) -> Result<Vec<Script>, Errors> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        match Script::new(&t.name, &t.source) {
            Ok(s) => out.push(s),
            Err(d) => errors.push(d.at(format!("/{i}/name"))),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(feature = "scripts")]
fn texts(files: &[(&str, &str)]) -> Vec<ScriptText> {
    files
        .iter()
        .map(|(name, source)| ScriptText::new(name, source))
        .collect()
}
