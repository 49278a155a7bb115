//! One module per group of commands: each reads its arguments, calls the
//! engine and prints the answer.

pub(crate) mod calendar;
pub(crate) mod kpi;
pub(crate) mod report;
pub(crate) mod rules;
pub(crate) mod status;
pub(crate) mod tasks;
pub(crate) mod workflow;

use crate::input::{at_files, read_rules_dir};
use crate::output::{vi_en, Failure};
use chrono::NaiveDate;
use dxplan::{format_date, weekday_name, Engine, Lang};

/// What every command knows besides its own arguments.
pub(crate) struct Ctx<'a> {
    /// Print JSON instead of text.
    pub json: bool,
    /// Language of the text.
    pub lang: Lang,
    /// "Today" when `--today` is not given.
    pub clock_today: NaiveDate,
    /// `--rules DIR`.
    pub rules_dir: Option<&'a str>,
}

impl Ctx<'_> {
    /// The engine of `--rules DIR`, or of the embedded defaults; a folder
    /// whose scripts do not load stops every command (exit 2).
    pub fn engine(&self) -> Result<Engine, Failure> {
        match self.rules_dir {
            None => Ok(Engine::with_defaults()),
            Some(dir) => {
                let d = read_rules_dir(dir)?;
                Engine::from_scripts(&d.scripts)
                    .map_err(|e| Failure::Rules(at_files(e, &d.paths), 2))
            }
        }
    }
}

/// "trước ngày X" for an exclusive boundary, "đến hết ngày X" for an inclusive one.
pub(crate) fn due_label(o: &dxplan::Obligation, lang: Lang) -> String {
    let words = match o.policy.boundary {
        dxplan::Boundary::Exclusive => vi_en(lang, "trước ngày", "due before"),
        dxplan::Boundary::Inclusive => vi_en(lang, "đến hết ngày", "due by the end of"),
    };
    format!("{words} {}", format_date(o.due_before))
}

/// `dd/mm/yyyy (weekday)`.
pub(crate) fn day_label(date: NaiveDate, lang: Lang) -> String {
    format!("{} ({})", format_date(date), weekday_name(date).get(lang))
}
