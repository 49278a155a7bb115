//! The `dxplan` command line, as a library so that tests can run it in-process.
//!
//! [`run`] takes the arguments and the date to use as "today" when `--today`
//! is not given, and returns the exit code and what would be printed. The
//! binary (`main.rs`) only reads the clock (UTC+7) and the arguments and
//! prints the [`Output`].
//!
//! The command line is a facade over [`dxplan::Engine`]: it reads its
//! arguments and files, calls the engine, and prints the answer for people
//! (Vietnamese by default) or as JSON. It decides nothing about dates,
//! targets or reports; the engine's argument names in errors are renamed to
//! the flags (`plan` → `--plan`).
//!
//! Exit codes: 0 success; 1 the command ran but a file could not be written,
//! or `kpi eval` found errors in the data (its results are still printed);
//! 2 invalid input (bad date, unknown plan, period such as `2025-Q5`, year
//! 3000, a file that is not valid JSON…).
//!
//! ```
//! use chrono::NaiveDate;
//! let out = dxplan_cli::run(["dxplan", "workdays", "add", "2025-04-25", "5"], NaiveDate::MIN);
//! assert_eq!(out.code, 0);
//! assert_eq!(out.stdout.trim(), "06/05/2025 (Thứ Ba)");
//! ```

mod args;
mod commands;
mod help;
mod input;
mod output;

pub use output::Output;

use args::{Cli, Command};
use chrono::NaiveDate;
use clap::error::ErrorKind;
use clap::FromArgMatches as _;
use dxplan::Lang;
use output::{failure, failures, Failure};
use std::ffi::OsString;

/// Runs the command line with `args` (the first is the program name).
/// `clock_today` is used where `--today` is not given.
pub fn run<I, T>(args: I, clock_today: NaiveDate) -> Output
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // Help and argument errors speak the language asked for, before parsing.
    let asked = help::lang_of(&args);
    let cli = match help::command(asked)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => {
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => Output {
                    code: 0,
                    stdout: e.render().to_string(),
                    stderr: String::new(),
                },
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Output {
                    code: 2,
                    stdout: String::new(),
                    stderr: e.render().to_string(),
                },
                _ => failure(
                    help::usage_error(&args, &e),
                    asked,
                    args.iter().any(|a| a == "--json"),
                    2,
                ),
            };
        }
    };
    let json = cli.json;
    let lang = match cli.lang.parse::<Lang>() {
        Ok(l) => l,
        Err(d) => return failure(d.at("--lang"), Lang::Vi, json, 2),
    };
    let ctx = commands::Ctx {
        json,
        lang,
        clock_today,
        rules_dir: cli.rules.as_deref(),
    };
    let mut out = String::new();
    match execute(&cli.command, &ctx, &mut out) {
        Ok(()) => Output {
            code: 0,
            stdout: out,
            stderr: String::new(),
        },
        Err(Failure::Input(d)) => failure(d, lang, json, 2),
        Err(Failure::Io(d)) => failure(d, lang, json, 1),
        Err(Failure::Findings(printed)) => Output {
            code: 1,
            stdout: printed,
            stderr: String::new(),
        },
        Err(Failure::Rules(diags, code)) => failures(&diags, out, lang, json, code),
    }
}

fn execute(command: &Command, ctx: &commands::Ctx, out: &mut String) -> Result<(), Failure> {
    use commands::*;
    // `rules check/test` load scripts themselves; every other command runs on
    // the engine of --rules DIR, or of the embedded defaults.
    if let Command::Rules(r) = command {
        return rules::run(r, ctx, out);
    }
    let engine = ctx.engine()?;
    match command {
        Command::Calendar(a) => calendar::calendar(&engine, a, ctx, out),
        Command::Holidays { year } => calendar::holidays(&engine, year, ctx, out),
        Command::Workdays(w) => calendar::workdays(&engine, w, ctx, out),
        Command::Status(a) => status::status(&engine, a, ctx, out),
        Command::Plans => status::plans(&engine, ctx, out),
        Command::Kpi(k) => kpi::run(&engine, k, ctx, out),
        Command::Rules(_) => Ok(()),
        Command::Validate { file, today } => {
            report::validate(&engine, file, today.as_deref(), ctx, out)
        }
        Command::Schema { kind, year, fields } => {
            report::schema(&engine, kind, year.as_deref(), *fields, ctx, out)
        }
        Command::Workflow(w) => workflow::run(&engine, w, ctx, out),
        Command::Tasks {
            as_of,
            agency,
            progress,
        } => tasks::run(
            &engine,
            as_of.as_deref(),
            agency.as_deref(),
            progress.as_deref(),
            ctx,
            out,
        ),
    }
}
