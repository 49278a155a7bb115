//! The operations of the package in plain Rust: arguments already decoded,
//! results still Rust values. The wasm-bindgen layer ([`crate::Engine`])
//! only converts JavaScript values to and from these; native tests run the
//! same functions to check that both builds give the same answers.
//!
//! Every operation is one call (or a few) into the `dxplan` core; nothing
//! here decides anything about dates, targets or reports.

use chrono::NaiveDate;
use dxplan::forms::{schema::schema, FieldValidation, Validation, Validator};
use dxplan::kpi::{Consolidation, ConsolidationInput, Evaluation, Indicator, UnitInput};
use dxplan::rules::{
    defaults, testing, Change, Check, DeadlineExplanation, PlanSteps, RuleSet, RulesDiff,
    RulesEngine, Script,
};
use dxplan::tasks::{Progress, Register, TaskStatus};
use dxplan::workflow::{apply, rollup, ReportRecord, Rollup, Transition};
use dxplan::{
    parse_date, CalendarFilter, CalendarReport, DayCheck, DeadlinePolicy, Diagnostic, Lang, Level,
    Obligation, ObligationKind, OverlapRule, Period, Plan, Plans, StatusReport, YearDaysOff,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Why an operation gave no result: one or more errors (several when rule
/// scripts fail to load).
pub type Failure = Vec<Diagnostic>;

/// The result of an operation.
pub type Outcome<T> = Result<T, Failure>;

fn one<T>(r: dxplan::Result<T>) -> Outcome<T> {
    r.map_err(|d| vec![d])
}

/// Parses a date argument (`dd/mm/yyyy` or `yyyy-mm-dd`); errors point at `name`.
pub fn date_arg(text: &str, name: &str) -> Outcome<NaiveDate> {
    parse_date(text).map_err(|d| vec![d.at(name)])
}

fn parse_arg<T: std::str::FromStr<Err = Diagnostic>>(text: &str, name: &str) -> Outcome<T> {
    text.parse::<T>().map_err(|d| vec![d.at(name)])
}

fn year_arg(year: i32, name: &str) -> Outcome<i32> {
    dxplan::check_year(year).map_err(|d| vec![d.at(name)])?;
    Ok(year)
}

/// A rule script supplied by the page: its file name (which starts with its
/// year) and its text.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptText {
    /// File name, e.g. `2026.rhai`.
    pub name: String,
    /// Script text.
    pub source: String,
}

fn scripts(texts: &[ScriptText]) -> Outcome<Vec<Script>> {
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

/// What `checkRules` says about rule scripts: whether they load, and what
/// they change.
#[derive(Clone, Debug, Serialize)]
pub struct RulesCheck {
    /// Whether every script compiled and applied.
    pub ok: bool,
    /// Number of scripts.
    pub files: usize,
    /// The changes they make (empty when not ok).
    pub changes: Vec<Change>,
    /// The custom checks they register (empty when not ok).
    pub checks: Vec<Check>,
    /// The problems, with file, line and column (empty when ok).
    pub diagnostics: Vec<Diagnostic>,
}

/// Compiles and applies `texts` on the base rules, as `dxplan rules check`:
/// script errors are data here (the rule editor shows them), not a failure.
pub fn check_rules(texts: &[ScriptText]) -> RulesCheck {
    let loaded = scripts(texts).and_then(|s| RulesEngine::new().load(&s));
    match loaded {
        Ok(rules) => RulesCheck {
            ok: true,
            files: texts.len(),
            changes: rules.changes,
            checks: rules.checks,
            diagnostics: Vec::new(),
        },
        Err(diagnostics) => RulesCheck {
            ok: false,
            files: texts.len(),
            changes: Vec::new(),
            checks: Vec::new(),
            diagnostics,
        },
    }
}

/// The embedded default scripts (`rules/*.rhai`) as name and text, for a
/// rule editor to start from.
pub fn default_scripts() -> Vec<ScriptText> {
    defaults::SOURCES
        .iter()
        .map(|(name, source)| ScriptText {
            name: (*name).to_string(),
            source: (*source).to_string(),
        })
        .collect()
}

/// Filters of a calendar query.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarQuery {
    /// Only this plan.
    #[serde(default)]
    pub plan: Option<String>,
    /// Only this reporting level (`unit`, `city_office`, …).
    #[serde(default)]
    pub level: Option<String>,
    /// Deadline policy for every plan, e.g. `exclusive+keep`.
    #[serde(default)]
    pub policy: Option<String>,
    /// Overlap rule for every plan (`separate`, `supersede`).
    #[serde(default)]
    pub overlap: Option<String>,
    /// Dates of an inspection (inspection-2024): first and last day.
    #[serde(default)]
    pub inspection: Option<(String, String)>,
}

/// Arguments of a submission-status query.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusQuery {
    /// Plan id.
    pub plan: String,
    /// Report kind.
    pub kind: String,
    /// Period (`2025-Q1`, `2025-H1`, `2025`, `START..END`).
    pub period: String,
    /// Reporting level (default `unit`).
    #[serde(default)]
    pub level: Option<String>,
    /// Day the report was submitted.
    #[serde(default)]
    pub submitted: Option<String>,
    /// Deadline policy, e.g. `exclusive+roll_forward`.
    #[serde(default)]
    pub policy: Option<String>,
}

/// An obligation and its submission status.
#[derive(Clone, Debug, Serialize)]
pub struct StatusAnswer {
    /// The obligation.
    pub obligation: Obligation,
    /// Its status on the day asked.
    pub status: StatusReport,
}

/// Options of a KPI evaluation or consolidation.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiOptions {
    /// Plans whose targets apply (default: every plan with a target).
    #[serde(default)]
    pub plans: Vec<String>,
    /// Targets of this year instead of the period's.
    #[serde(default)]
    pub year: Option<i32>,
}

/// Arguments of a roll-up.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollupQuery {
    /// Level of the roll-up (`city`, `province`).
    pub level: String,
    /// Period.
    pub period: String,
    /// Plan whose targets apply.
    pub plan: String,
    /// Units expected to report.
    #[serde(default)]
    pub expected: Vec<String>,
}

/// Arguments of a task-register query.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TasksQuery {
    /// Only tasks this agency leads or coordinates (part of its name).
    #[serde(default)]
    pub agency: Option<String>,
    /// Progress records.
    #[serde(default)]
    pub progress: Vec<Progress>,
}

/// One rule-script test file: name and text (`rules/tests/*.test`).
pub type TestFile = ScriptText;

/// An engine: a rule set and its validator, built once and reused.
pub struct Core {
    validator: Validator<RuleSet>,
}

impl Core {
    /// The embedded default rules; with `up_to_year`, only the scripts of
    /// that year and before (the rules as they stood in that year).
    pub fn defaults(up_to_year: Option<i32>) -> Outcome<Core> {
        let rules = match up_to_year {
            None => defaults::rule_set().clone(),
            Some(y) => {
                let y = year_arg(y, "year")?;
                let chosen: Vec<Script> = defaults::scripts()
                    .into_iter()
                    .filter(|s| s.year <= y)
                    .collect();
                RulesEngine::new().load(&chosen)?
            }
        };
        Ok(Core::with(rules))
    }

    /// The base rules plus `texts`, applied atomically (any error: no engine).
    pub fn from_scripts(texts: &[ScriptText]) -> Outcome<Core> {
        let s = scripts(texts)?;
        Ok(Core::with(RulesEngine::new().load(&s)?))
    }

    fn with(rules: RuleSet) -> Core {
        Core {
            validator: Validator::new(rules),
        }
    }

    /// The rules in force.
    pub fn rules(&self) -> &RuleSet {
        self.validator.rules()
    }

    /// What the loaded scripts changed.
    pub fn rules_summary(&self) -> RulesCheck {
        let r = self.rules();
        RulesCheck {
            ok: true,
            files: r.scripts.len(),
            changes: r.changes.clone(),
            checks: r.checks.clone(),
            diagnostics: Vec::new(),
        }
    }

    /// Validates a whole report on `today`.
    pub fn validate(&mut self, report: &Value, today: &str) -> Outcome<Validation> {
        let today = date_arg(today, "today")?;
        Ok(self.validator.validate(report, today))
    }

    /// Validates one field of a report being typed.
    pub fn validate_field(
        &self,
        kind: &str,
        path: &str,
        value: &Value,
        context: &Value,
        today: &str,
    ) -> Outcome<FieldValidation> {
        let kind: ObligationKind = parse_arg(kind, "kind")?;
        let today = date_arg(today, "today")?;
        Ok(self
            .validator
            .validate_field(kind, path, value, context, today))
    }

    fn plans_with(&self, policy: &Option<String>, overlap: &Option<String>) -> Outcome<Plans> {
        let mut plans = self.rules().plans.clone();
        if let Some(p) = policy {
            plans = plans.with_policy(parse_arg::<DeadlinePolicy>(p, "policy")?);
        }
        if let Some(o) = overlap {
            plans = plans.with_overlap(parse_arg::<OverlapRule>(o, "overlap")?);
        }
        Ok(plans)
    }

    /// The obligations of a year, with overlaps and consolidation windows.
    pub fn calendar(&self, year: i32, q: &CalendarQuery) -> Outcome<CalendarReport> {
        let year = year_arg(year, "year")?;
        let plans = self.plans_with(&q.policy, &q.overlap)?;
        let level = match &q.level {
            Some(l) => Some(parse_arg::<Level>(l, "level")?),
            None => None,
        };
        let inspection = match &q.inspection {
            Some((a, b)) => Some((date_arg(a, "inspection/0")?, date_arg(b, "inspection/1")?)),
            None => None,
        };
        let filter = CalendarFilter {
            plan: q.plan.clone(),
            level,
            inspection,
        };
        one(dxplan::year_calendar(
            &plans,
            &self.rules().calendar,
            year,
            &filter,
        ))
    }

    /// The obligations of a year as an iCalendar file, stamped `stamp`.
    pub fn icalendar(
        &self,
        year: i32,
        q: &CalendarQuery,
        stamp: &str,
        lang: &str,
    ) -> Outcome<String> {
        let report = self.calendar(year, q)?;
        let stamp = date_arg(stamp, "today")?;
        let lang: Lang = parse_arg(lang, "lang")?;
        Ok(dxplan::to_icalendar(&report.obligations, stamp, lang))
    }

    /// A year's days off.
    pub fn holidays(&self, year: i32) -> Outcome<YearDaysOff> {
        let year = year_arg(year, "year")?;
        one(self.rules().calendar.year_days(year))
    }

    /// `date` plus `n` working days (`n` may be negative).
    pub fn add_working_days(&self, date: &str, n: i64) -> Outcome<NaiveDate> {
        let d = date_arg(date, "date")?;
        self.rules()
            .calendar
            .add_working_days(d, n)
            .map_err(|e| vec![e.at("n")])
    }

    /// Working days after `from` up to and including `to`.
    pub fn working_days_between(&self, from: &str, to: &str) -> Outcome<i64> {
        let a = date_arg(from, "from")?;
        let b = date_arg(to, "to")?;
        one(self.rules().calendar.working_days_between(a, b))
    }

    /// Whether `date` is a working day, and why not.
    pub fn check_day(&self, date: &str) -> Outcome<DayCheck> {
        let d = date_arg(date, "date")?;
        one(self.rules().calendar.check_day(d))
    }

    /// The submission status of one obligation on `today`.
    pub fn status(&self, q: &StatusQuery, today: &str) -> Outcome<StatusAnswer> {
        let plans = self.plans_with(&q.policy, &None)?;
        let kind: ObligationKind = parse_arg(&q.kind, "kind")?;
        let period: Period = parse_arg(&q.period, "period")?;
        let level: Level = parse_arg(q.level.as_deref().unwrap_or("unit"), "level")?;
        let submitted = match &q.submitted {
            Some(s) => Some(date_arg(s, "submitted")?),
            None => None,
        };
        let today = date_arg(today, "today")?;
        let cal = &self.rules().calendar;
        let obligation = plans
            .find(cal, &q.plan, kind, &period, level)
            .map_err(|d| vec![d.at_if(dxplan::Code::PlanUnknown, "plan")])?;
        let status = one(dxplan::status(cal, &obligation, submitted, today))?;
        Ok(StatusAnswer { obligation, status })
    }

    /// The plans the rules know.
    pub fn plans(&self) -> Vec<&Plan> {
        self.rules().plans.iter().collect()
    }

    /// The indicator catalog, optionally only the targets of a plan and year.
    pub fn kpi_catalog(&self, plan: Option<&str>, year: Option<i32>) -> Outcome<Vec<Indicator>> {
        if let Some(p) = plan {
            self.rules().plans.get(p).map_err(|d| vec![d.at("plan")])?;
        }
        if let Some(y) = year {
            year_arg(y, "year")?;
        }
        Ok(self.rules().catalog.select(plan, year))
    }

    fn kpi_plans<'a>(&self, o: &'a KpiOptions) -> Outcome<Vec<&'a str>> {
        for (i, p) in o.plans.iter().enumerate() {
            self.rules()
                .plans
                .get(p)
                .map_err(|d| vec![d.at(format!("plans/{i}"))])?;
        }
        if let Some(y) = o.year {
            year_arg(y, "year")?;
        }
        Ok(o.plans.iter().map(String::as_str).collect())
    }

    /// Evaluates one unit's KPI inputs (with the scripts' custom checks).
    pub fn evaluate_kpi(&mut self, input: &UnitInput, o: &KpiOptions) -> Outcome<Evaluation> {
        let plans = self.kpi_plans(o)?;
        let (rules, engine) = self.validator.rules_and_engine();
        Ok(engine.evaluate(rules, input, &plans, o.year))
    }

    /// Consolidates several units' KPI inputs.
    pub fn consolidate_kpi(
        &mut self,
        input: &ConsolidationInput,
        o: &KpiOptions,
    ) -> Outcome<Consolidation> {
        let plans = self.kpi_plans(o)?;
        let (rules, engine) = self.validator.rules_and_engine();
        Ok(engine.consolidate(rules, input, &plans, o.year))
    }

    /// The JSON Schema (2020-12) of a report kind for a year.
    pub fn schema(&self, kind: &str, year: i32) -> Outcome<Value> {
        let kind: ObligationKind = parse_arg(kind, "kind")?;
        let year = year_arg(year, "year")?;
        one(schema(self.rules(), kind, year))
    }

    /// The targets of an indicator in force on `date`, per plan, and the
    /// rules that set them.
    pub fn explain_target(
        &self,
        kpi: &str,
        plan: Option<&str>,
        date: &str,
    ) -> Outcome<Vec<PlanSteps>> {
        use chrono::Datelike;
        let date = date_arg(date, "date")?;
        self.rules()
            .explain_targets(kpi, plan, date.year())
            .map_err(|d| {
                let at = if d.code == dxplan::Code::KpiUnknown {
                    "kpi"
                } else {
                    "plan"
                };
                vec![d.at(at)]
            })
    }

    /// The deadlines of a report kind on `date` and its recipients over time.
    pub fn explain_deadline(
        &self,
        plan: &str,
        kind: &str,
        level: &str,
        date: &str,
    ) -> Outcome<DeadlineExplanation> {
        let kind: ObligationKind = parse_arg(kind, "kind")?;
        let level: Level = parse_arg(level, "level")?;
        let date = date_arg(date, "date")?;
        self.rules()
            .explain_deadline(plan, kind, level, date)
            .map_err(|d| vec![d.at_if(dxplan::Code::PlanUnknown, "plan")])
    }

    /// What changed between the rules of two years.
    pub fn diff(&self, year_a: i32, year_b: i32) -> Outcome<RulesDiff> {
        let a = year_arg(year_a, "yearA")?;
        let b = year_arg(year_b, "yearB")?;
        Ok(self.rules().diff(a, b))
    }

    /// Runs rule-script test files (`rules/tests/*.test`) against these rules.
    pub fn test_rules(&self, files: &[TestFile]) -> Vec<testing::TestOutcome> {
        files
            .iter()
            .flat_map(|f| testing::run(self.rules(), &f.name, &f.source))
            .collect()
    }

    /// Applies a workflow transition to a record.
    pub fn workflow_apply(
        &mut self,
        record: &ReportRecord,
        t: &Transition,
    ) -> Outcome<ReportRecord> {
        apply(&mut self.validator, record, t)
    }

    /// Rolls up the accepted reports of a period.
    pub fn rollup(&self, records: &[ReportRecord], q: &RollupQuery) -> Outcome<Rollup> {
        let level = parse_arg(&q.level, "level")?;
        let period: Period = parse_arg(&q.period, "period")?;
        self.rules()
            .plans
            .get(&q.plan)
            .map_err(|d| vec![d.at("plan")])?;
        Ok(rollup(
            self.rules(),
            records,
            &q.expected,
            level,
            &period,
            &q.plan,
        ))
    }
}

/// A draft workflow record holding `report`.
pub fn workflow_new(report: Value) -> ReportRecord {
    ReportRecord::new(report)
}

/// The task register's statuses on `as_of`.
pub fn tasks(q: &TasksQuery, as_of: &str) -> Outcome<Vec<TaskStatus<'static>>> {
    let as_of = date_arg(as_of, "asOf")?;
    let reg = one(Register::seeds())?;
    reg.statuses(q.agency.as_deref(), &q.progress, as_of)
        .map_err(|d| {
            let path = format!("progress{}", d.path.as_deref().unwrap_or(""));
            vec![d.at(path)]
        })
}
