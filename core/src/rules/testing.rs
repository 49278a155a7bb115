//! Rule test files (`rules/tests/*.test`): what policy staff expect their
//! scripts to produce, checked by `dxplan rules test`.
//!
//! One expectation a line, `query = expected`, optionally followed by
//! `# source`. Blank lines and lines starting with `#` are comments.
//!
//! | query                                        | expected                      |
//! |----------------------------------------------|-------------------------------|
//! | `target KPI PLAN YEAR`                       | `>= 80` (comparator and value) |
//! | `target KPI PLAN YEAR LEVEL`                 | `>= 100`                      |
//! | `working DATE`                               | `yes` or `no`                 |
//! | `deadline PLAN KIND LEVEL PERIOD`            | the "trước ngày" date          |
//! | `recipient PLAN KIND LEVEL PERIOD`           | the recipient's id             |
//!
//! ```
//! let rules = dxplan::defaults::rules();
//! let text = "# ví dụ\nworking 2025-04-26 = yes # DOMAIN.md swap\n";
//! let outcomes = dxplan::rules::testing::run(rules, "vi-du.test", text);
//! assert!(outcomes[0].passed);
//! ```

use super::RuleSet;
use crate::calendar::date::parse_date;
use crate::diagnostic::{Code, Diagnostic, Span, Text};
use crate::kpi::AdminLevel;
use crate::obligations::{Level, ObligationKind};
use crate::Period;
use serde::Serialize;

/// The outcome of one expectation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TestOutcome {
    /// File and line of the expectation.
    pub at: Span,
    /// The query.
    pub query: String,
    /// What the file expects.
    pub expected: String,
    /// What the rules give (or the error).
    pub actual: String,
    /// Whether they agree.
    pub passed: bool,
}

/// Runs the expectations of one test file against a rule set.
pub fn run(rules: &RuleSet, file: &str, text: &str) -> Vec<TestOutcome> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split(" # ").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = Span {
            file: file.to_string(),
            line: i + 1,
            column: 1,
        };
        let (query, expected) = match line.split_once(" = ") {
            Some((q, e)) => (q.trim().to_string(), e.trim().to_string()),
            None => (line.to_string(), String::new()),
        };
        let actual = answer(rules, &query).unwrap_or_else(|d| format!("error: {}", d.message.en));
        out.push(TestOutcome {
            passed: !expected.is_empty() && actual == expected,
            at,
            query,
            expected,
            actual,
        });
    }
    out
}

/// The failures of `outcomes` as diagnostics (`file:line: query: expected X, got Y`).
pub fn failures(outcomes: &[TestOutcome]) -> Vec<Diagnostic> {
    outcomes
        .iter()
        .filter(|o| !o.passed)
        .map(|o| {
            Diagnostic::error(
                Code::RulesTestFailed,
                Text::new(
                    format!(
                        "{}: mong đợi '{}', kết quả '{}'",
                        o.query, o.expected, o.actual
                    ),
                    format!("{}: expected '{}', got '{}'", o.query, o.expected, o.actual),
                ),
            )
            .in_script(o.at.clone())
        })
        .collect()
}

fn bad_query(query: &str) -> Diagnostic {
    Diagnostic::error(
        Code::RulesTestFailed,
        Text::new(
            format!("Câu hỏi không hợp lệ: '{query}'"),
            format!("invalid query: '{query}'"),
        ),
    )
}

fn answer(rules: &RuleSet, query: &str) -> crate::Result<String> {
    let words: Vec<&str> = query.split_whitespace().collect();
    match words.as_slice() {
        ["target", kpi, plan, year, rest @ ..] => {
            let year: i32 = year.parse().map_err(|_| bad_query(query))?;
            let level = match rest {
                [] => None,
                [l] => Some(l.parse::<AdminLevel>()?),
                _ => return Err(bad_query(query)),
            };
            let ind = rules.catalog.get(kpi)?;
            rules.plans.get(plan)?;
            Ok(match ind.target_for(plan, year, level) {
                Some(t) => format!("{} {}", serde_comparator(t.comparator), t.value),
                None => "none".into(),
            })
        }
        ["working", date] => {
            let d = parse_date(date)?;
            Ok(if rules.calendar.is_working_day(d)? {
                "yes"
            } else {
                "no"
            }
            .into())
        }
        [what @ ("deadline" | "recipient"), plan, kind, level, period] => {
            let kind: ObligationKind = kind.parse()?;
            let level: Level = level.parse()?;
            let period: Period = period.parse()?;
            let o = rules
                .plans
                .find(&rules.calendar, plan, kind, &period, level)?;
            Ok(if *what == "deadline" {
                o.due_before.to_string()
            } else {
                o.recipient.id
            })
        }
        _ => Err(bad_query(query)),
    }
}

fn serde_comparator(c: crate::kpi::Comparator) -> &'static str {
    use crate::kpi::Comparator::*;
    match c {
        Ge => ">=",
        Gt => ">",
        Le => "<=",
        Lt => "<",
        Eq => "=",
    }
}
