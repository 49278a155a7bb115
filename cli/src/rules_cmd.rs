//! `dxplan rules check | test | diff | explain`, and `--rules DIR` loading.

use crate::{parse_year, to_json, vi_en, Failure};
use clap::Subcommand;
use dxplan::rules::{defaults, testing, RuleSet, RulesEngine, Script};
use dxplan::{format_date, parse_date, Code, Diagnostic, Lang, Level, ObligationKind, Text};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Subcommand, Debug)]
pub(crate) enum RulesCommand {
    /// Compile and apply rule scripts; print problems as file:line:col (exit 1 on error)
    Check {
        /// Script files (default: the --rules folder, or the embedded rules)
        files: Vec<String>,
    },
    /// Run the test files (tests/*.test) that ship next to the scripts
    Test {
        /// Folder with *.rhai scripts and tests/*.test (default: the embedded rules)
        dir: Option<String>,
    },
    /// What changed between two years' rules (targets, deadlines, holidays, recipients, checks)
    Diff {
        /// Earlier year
        year_a: String,
        /// Later year
        year_b: String,
    },
    /// The value in force on a date and the chain of rules that produced it
    Explain {
        /// Date (dd/mm/yyyy or yyyy-mm-dd)
        #[arg(long)]
        date: String,
        /// Indicator id
        #[arg(long, conflicts_with = "deadline")]
        kpi: Option<String>,
        /// Report kind (quarterly, half_year, annual, …)
        #[arg(long)]
        deadline: Option<String>,
        /// Plan id (default for --kpi: every plan with a target)
        #[arg(long)]
        plan: Option<String>,
        /// Reporting level, for --deadline
        #[arg(long, default_value = "unit")]
        level: String,
    },
}

fn file_error(path: &str, e: impl std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::RulesFile,
        Text::new(
            format!("Không đọc được '{path}': {e}"),
            format!("cannot read '{path}': {e}"),
        ),
    )
}

fn read_script(path: &Path) -> Result<Script, Diagnostic> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| file_error(&shown, e))?;
    let text =
        String::from_utf8(bytes).map_err(|_| file_error(&shown, "not UTF-8 / không phải UTF-8"))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(&shown);
    Script::new(name, &text)
}

fn files_in(dir: &Path, ext: &str) -> Result<Vec<std::path::PathBuf>, Diagnostic> {
    let shown = dir.display().to_string();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| file_error(&shown, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}

/// Test files as `(name, text)`.
type TestFiles = Vec<(String, String)>;

/// The scripts of a folder (`*.rhai`) and its tests (`tests/*.test`).
fn read_dir(dir: &str) -> Result<(Vec<Script>, TestFiles), Failure> {
    let path = Path::new(dir);
    let mut errors = Vec::new();
    let mut scripts = Vec::new();
    for f in files_in(path, "rhai").map_err(|d| Failure::Rules(vec![d], 2))? {
        match read_script(&f) {
            Ok(s) => scripts.push(s),
            Err(d) => errors.push(d),
        }
    }
    if scripts.is_empty() && errors.is_empty() {
        errors.push(
            Diagnostic::error(
                Code::RulesFile,
                Text::new(
                    format!("Thư mục '{dir}' không có tệp quy tắc nào (*.rhai)"),
                    format!("folder '{dir}' has no rule files (*.rhai)"),
                ),
            )
            .with_hint(Text::new(
                "Chép thư mục rules/ rồi sửa; --rules thay toàn bộ quy tắc mặc định.",
                "Copy the rules/ folder and edit it; --rules replaces all default rules.",
            )),
        );
    }
    let mut tests = Vec::new();
    let tests_dir = path.join("tests");
    if tests_dir.is_dir() {
        for f in files_in(&tests_dir, "test").map_err(|d| Failure::Rules(vec![d], 2))? {
            let name = f
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            match std::fs::read_to_string(&f) {
                Ok(t) => tests.push((name, t)),
                Err(e) => errors.push(file_error(&f.display().to_string(), e)),
            }
        }
    }
    if errors.is_empty() {
        Ok((scripts, tests))
    } else {
        Err(Failure::Rules(errors, 2))
    }
}

/// Loads the rule scripts of a folder (for `--rules DIR`); problems exit 2.
pub(crate) fn load_dir(dir: &str) -> Result<(RuleSet, TestFiles), Failure> {
    let (scripts, tests) = read_dir(dir)?;
    let rules = RulesEngine::new()
        .load(&scripts)
        .map_err(|d| Failure::Rules(d, 2))?;
    Ok((rules, tests))
}

/// The rules in force for a command: those of `--rules DIR`, or the embedded defaults.
pub(crate) fn active_rules(rules_dir: Option<&str>) -> Result<Cow<'static, RuleSet>, Failure> {
    Ok(match rules_dir {
        Some(dir) => Cow::Owned(load_dir(dir)?.0),
        None => Cow::Borrowed(defaults::rule_set()),
    })
}

fn embedded_tests() -> TestFiles {
    defaults::TESTS
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

pub(crate) fn run(
    cmd: &RulesCommand,
    rules_dir: Option<&str>,
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    match cmd {
        RulesCommand::Check { files } => {
            let scripts = if !files.is_empty() {
                let mut scripts = Vec::new();
                let mut errors = Vec::new();
                for f in files {
                    match read_script(Path::new(f)) {
                        Ok(s) => scripts.push(s),
                        Err(d) => errors.push(d),
                    }
                }
                if !errors.is_empty() {
                    return Err(Failure::Rules(errors, 1));
                }
                scripts
            } else if let Some(dir) = rules_dir {
                read_dir(dir)?.0
            } else {
                defaults::scripts()
            };
            let rules = RulesEngine::new()
                .load(&scripts)
                .map_err(|d| Failure::Rules(d, 1))?;
            if json {
                out.push_str(&to_json(&serde_json::json!({
                    "ok": true, "files": scripts.len(), "changes": rules.changes, "checks": rules.checks,
                })));
            } else {
                let _ = writeln!(
                    out,
                    "✓ {} {}, {} {}, {} {}",
                    scripts.len(),
                    vi_en(lang, "tệp quy tắc", "rule files"),
                    rules.changes.len(),
                    vi_en(lang, "thay đổi", "changes"),
                    rules.checks.len(),
                    vi_en(lang, "kiểm tra tùy chỉnh", "custom checks")
                );
                for c in &rules.changes {
                    let _ = writeln!(out, "  {}: {}", c.origin, c.summary.get(lang));
                }
            }
            Ok(())
        }
        RulesCommand::Test { dir } => {
            let dir = dir.as_deref().or(rules_dir);
            let (rules, tests) = match dir {
                Some(d) => load_dir(d).map_err(|f| match f {
                    Failure::Rules(d, _) => Failure::Rules(d, 1),
                    other => other,
                })?,
                None => (defaults::rule_set().clone(), embedded_tests()),
            };
            let mut outcomes = Vec::new();
            for (name, text) in &tests {
                outcomes.extend(testing::run(&rules, name, text));
            }
            let failed = outcomes.iter().filter(|o| !o.passed).count();
            if json {
                out.push_str(&to_json(&outcomes));
            } else {
                for o in &outcomes {
                    let mark = if o.passed { "✓" } else { "✗" };
                    let _ = writeln!(out, "{mark} {}: {} = {}", o.at, o.query, o.actual);
                }
                let _ = writeln!(
                    out,
                    "rules: {} passed, {failed} failed",
                    outcomes.len() - failed
                );
            }
            if failed > 0 {
                return Err(Failure::Rules(testing::failures(&outcomes), 1));
            }
            if outcomes.is_empty() {
                return Err(Failure::Rules(
                    vec![Diagnostic::error(
                        Code::RulesTestFailed,
                        Text::new(
                            "Không có tệp kiểm thử (tests/*.test)",
                            "no test files (tests/*.test)",
                        ),
                    )],
                    1,
                ));
            }
            Ok(())
        }
        RulesCommand::Diff { year_a, year_b } => {
            let a = parse_year(year_a).map_err(|d| d.at("YEAR_A"))?;
            let b = parse_year(year_b).map_err(|d| d.at("YEAR_B"))?;
            let rules = active_rules(rules_dir)?;
            diff(&rules, a.min(b), a.max(b), json, lang, out);
            Ok(())
        }
        RulesCommand::Explain {
            date,
            kpi,
            deadline,
            plan,
            level,
        } => {
            let d = parse_date(date).map_err(|e| e.at("--date"))?;
            let rules = active_rules(rules_dir)?;
            explain(
                &rules,
                d,
                kpi.as_deref(),
                deadline.as_deref(),
                plan.as_deref(),
                level,
                json,
                lang,
                out,
            )
        }
    }
}

fn diff(rules: &RuleSet, a: i32, b: i32, json: bool, lang: Lang, out: &mut String) {
    let d = rules.diff(a, b);
    if json {
        out.push_str(&to_json(&d));
        return;
    }
    let _ = writeln!(
        out,
        "{} {} → {}",
        vi_en(lang, "Thay đổi quy tắc", "Rule changes"),
        d.from_year,
        d.to_year
    );
    for c in &d.changes {
        let _ = writeln!(out, "  {}: {}", c.origin, c.summary.get(lang));
    }
    if !d.targets.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            vi_en(lang, "Mục tiêu khác nhau:", "Targets that differ:")
        );
        let text = |t: &Option<Text>| t.as_ref().map_or("—", |t| t.get(lang)).to_string();
        for t in &d.targets {
            let _ = writeln!(
                out,
                "  {} [{}]: {}: {} → {}: {}   ({})",
                t.kpi,
                t.plan,
                d.from_year,
                text(&t.from),
                d.to_year,
                text(&t.to),
                t.origin.get(lang)
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn explain(
    rules: &RuleSet,
    date: chrono::NaiveDate,
    kpi: Option<&str>,
    deadline: Option<&str>,
    plan: Option<&str>,
    level: &str,
    json: bool,
    lang: Lang,
    out: &mut String,
) -> Result<(), Failure> {
    use chrono::Datelike;
    let year = date.year();
    match (kpi, deadline) {
        (Some(k), _) => {
            let ind = rules.catalog.get(k).map_err(|d| d.at("--kpi"))?;
            let all = rules
                .explain_targets(k, plan, year)
                .map_err(|d| d.at("--plan"))?;
            if json {
                out.push_str(&to_json(
                    &serde_json::json!({"kpi": k, "date": date, "plans": all}),
                ));
                return Ok(());
            }
            let _ = writeln!(out, "{k} — {} · {}", ind.name.get(lang), format_date(date));
            for dxplan::rules::PlanSteps { plan: p, steps } in &all {
                if steps.is_empty() {
                    let _ = writeln!(
                        out,
                        "  [{p}] {}",
                        vi_en(lang, "không có mục tiêu năm này", "no target this year")
                    );
                }
                for s in steps {
                    let mark = if s.in_force { "→" } else { " " };
                    let _ = writeln!(out, "  {mark} {}: {}", s.origin, s.summary.get(lang));
                }
            }
            Ok(())
        }
        (None, Some(kind)) => {
            let kind: ObligationKind = kind.parse().map_err(|d: Diagnostic| d.at("--deadline"))?;
            let level: Level = level.parse().map_err(|d: Diagnostic| d.at("--level"))?;
            let plan_id = plan.ok_or_else(|| {
                Diagnostic::error(
                    Code::PlanUnknown,
                    Text::new("Cần --plan cùng với --deadline", "--deadline needs --plan"),
                )
                .at("--plan")
            })?;
            let e = rules
                .explain_deadline(plan_id, kind, level, date)
                .map_err(|d| d.at_if(Code::PlanUnknown, "--plan"))?;
            if json {
                out.push_str(&to_json(&e));
                return Ok(());
            }
            let _ = writeln!(
                out,
                "{plan_id} · {} · {} · {}",
                kind.name().get(lang),
                level.as_str(),
                format_date(date)
            );
            for o in &e.obligations {
                let _ = writeln!(
                    out,
                    "  {} {}: {} {} → {} ({})",
                    o.period,
                    vi_en(lang, "hạn", "due"),
                    vi_en(lang, "trước ngày", "before"),
                    format_date(o.due_before),
                    format_date(o.deadline),
                    o.source
                );
            }
            if let Some(recipients) = &e.recipients {
                let _ = writeln!(
                    out,
                    "  {}:",
                    vi_en(lang, "Nơi nhận theo thời gian", "Recipients over time")
                );
                for c in recipients {
                    let from = c.from.map(format_date).unwrap_or_else(|| "—".into());
                    let mark = if e.recipient_in_force.as_deref() == Some(c.recipient.id.as_str()) {
                        "→"
                    } else {
                        " "
                    };
                    let _ = writeln!(
                        out,
                        "  {mark} {} {from}: {} ({})",
                        vi_en(lang, "từ", "from"),
                        c.recipient.name.get(lang),
                        c.source
                    );
                }
            }
            Ok(())
        }
        (None, None) => Err(Failure::Input(
            Diagnostic::error(
                Code::KpiUnknown,
                Text::new("Cần --kpi hoặc --deadline", "give --kpi or --deadline"),
            )
            .at("--kpi"),
        )),
    }
}
