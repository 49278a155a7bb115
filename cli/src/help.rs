//! The command line in the user's language: help in Vietnamese by default
//! (the doc comments of [`crate::args`]), English with `--lang en` (the
//! table [`EN`]), and clap's argument errors turned into the engine's
//! [`Diagnostic`] shape (code `argument.invalid`, the argument as path, a
//! message in both languages and a hint naming the usage).

use crate::args::Cli;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory};
use dxplan::{Code, Diagnostic, Lang, Text};

/// The English help of every command and argument, by path: the
/// subcommands, then the argument's id (`calendar plan`); `""` is the
/// program. `tests` checks that every entry of the command tree has one.
pub(crate) const EN: &[(&str, &str)] = &[
    ("", "Reporting calendar, days off, indicators and tasks of Kon Tum province's digital transformation"),
    ("json", "Machine-readable JSON output"),
    ("lang", "Language of human output: vi (default) or en"),
    ("rules", "Use the rule scripts (*.rhai) of this folder instead of the embedded defaults"),
    ("calendar", "Every reporting obligation of a year, sorted by deadline"),
    ("calendar year", "Year (1900–2100)"),
    ("calendar plan", "Only this plan (ids: city-2025, dti-2022, inspection-2024, action-03-2025; see `dxplan plans`)"),
    ("calendar level", "Only obligations of this level (unit, city_office, province_department, province)"),
    ("calendar policy", "Deadline policy for every plan, e.g. exclusive+keep (kept), inclusive+roll_forward (moved to the next working day)"),
    ("calendar overlap", "Rule for reports of nested periods: separate (both due) or supersede (the longer serves for the shorter)"),
    ("calendar inspection", "Dates of an inspection, START..END, to add its notice and summary (inspection-2024)"),
    ("calendar ics", "Also write an iCalendar file (`-` for standard output)"),
    ("calendar today", "Day written as the iCalendar DTSTAMP (default: today)"),
    ("holidays", "Days off of a year (holidays, Tết, compensatory days, swaps)"),
    ("holidays year", "Year (1900–2100)"),
    ("workdays", "Working-day arithmetic"),
    ("workdays add", "The day N working days after a date (N may be negative)"),
    ("workdays add date", "Date, dd/mm/yyyy or yyyy-mm-dd"),
    ("workdays add n", "Number of working days"),
    ("workdays between", "Working days after the first date up to and including the last"),
    ("workdays between from", "First date (not counted)"),
    ("workdays between to", "Last date (counted)"),
    ("workdays check", "Whether a date is a working day, and why not"),
    ("workdays check date", "Date"),
    ("status", "Submission status of one report"),
    ("status plan", "Plan id (see `dxplan plans`)"),
    ("status kind", "Report kind (quarterly, half_year, annual, plan_issue, self_inspection, inspection_report)"),
    ("status period", "Period (2025-Q1, 2025-H1, 2025, 2023-01-01..2024-09-15)"),
    ("status level", "Reporting level (default: unit)"),
    ("status submitted", "Day the report was submitted"),
    ("status today", "Day to compute the status for (default: today, Vietnam time)"),
    ("status policy", "Deadline policy, e.g. exclusive+roll_forward (moved to the next working day)"),
    ("plans", "The plans dxplan knows"),
    ("kpi", "Indicators: catalog and evaluation"),
    ("kpi list", "The indicator catalog with targets and sources"),
    ("kpi list plan", "Only targets of this plan"),
    ("kpi list year", "Only targets that apply in this year"),
    ("kpi list markdown", "Write the catalog as Markdown (docs/kpi-catalog.md)"),
    ("kpi eval", "Evaluate one unit's inputs, or a consolidation of several units (JSON file, `-` for standard input)"),
    ("kpi eval file", "Input file: {\"unit\", \"level\", \"period\", \"values\"} or {\"level\", \"period\", \"units\": [...]}"),
    ("kpi eval plan", "Evaluate against this plan only (repeatable; default: every plan with a target)"),
    ("kpi eval year", "Use the targets of this year instead of the period's year"),
    ("rules", "Rule scripts: check, test, diff, explain"),
    ("rules check", "Compile and apply rule scripts; print problems as file:line:col (exit 1 on error)"),
    ("rules check files", "Script files (default: the --rules folder, or the embedded rules)"),
    ("rules check documents", "Folder of the source documents (*.txt, *.md): every quote (trich_dan) is checked word for word"),
    ("rules test", "Run the test files (tests/*.test) that ship next to the scripts"),
    ("rules test dir", "Folder with *.rhai scripts and tests/*.test (default: the embedded rules)"),
    ("rules diff", "What changed between two years' rules (targets, deadlines, days off, recipients, checks)"),
    ("rules diff year_a", "Earlier year"),
    ("rules diff year_b", "Later year"),
    ("rules explain", "The value in force on a date and the chain of rules that produced it"),
    ("rules explain date", "Date (dd/mm/yyyy or yyyy-mm-dd)"),
    ("rules explain kpi", "Indicator id (see `dxplan kpi list`)"),
    ("rules explain deadline", "Report kind (quarterly, half_year, annual, …)"),
    ("rules explain plan", "Plan id (default for --kpi: every plan with a target)"),
    ("rules explain level", "Reporting level, for --deadline (default: unit)"),
    ("validate", "Validate a report (JSON file, `-` for standard input); exit 0 valid, 1 invalid, 2 bad input"),
    ("validate file", "Report file"),
    ("validate today", "Day to validate on (default: today, Vietnam time)"),
    ("workflow", "Report workflow: new draft, transitions with a sealed audit trail, roll-up, verification"),
    ("workflow new", "A draft record for a report (printed as JSON)"),
    ("workflow new report", "Report file"),
    ("workflow apply", "Apply a transition to a record; prints the new record (exit 1 when refused)"),
    ("workflow apply state", "Record file (from `workflow new` or a previous `apply`)"),
    ("workflow apply transition", "Transition file: {\"action\", \"by\": {\"role\", \"name\"}, \"at\", \"note\", \"reasons\"}"),
    ("workflow apply key_file", "The system's sealing key file (HMAC), when records are sealed with a key"),
    ("workflow rollup", "Roll up the accepted reports of a period into the next level"),
    ("workflow rollup states", "Record files"),
    ("workflow rollup level", "Level of the roll-up (city, province)"),
    ("workflow rollup period", "Period (2025-Q3, 2025-H1, 2025)"),
    ("workflow rollup plan", "Plan whose targets apply"),
    ("workflow rollup expected", "Units expected to report, comma-separated"),
    ("workflow rollup key_file", "The system's sealing key file (HMAC), when records are sealed with a key"),
    ("workflow verify", "Check that records were not edited outside the workflow (exit 1 when one does not match its seals)"),
    ("workflow verify states", "Record files"),
    ("workflow verify key_file", "The system's sealing key file (HMAC), when records are sealed with a key"),
    ("workflow seal", "Seal, once, a record written before seals existed; prints the new record"),
    ("workflow seal state", "The old record file"),
    ("workflow seal by", "Name of who seals (who checked the record against the original)"),
    ("workflow seal role", "Role of who seals (unit, city_office, province_department)"),
    ("workflow seal at", "Time of the sealing (yyyy-mm-ddThh:mm)"),
    ("workflow seal key_file", "The system's sealing key file (HMAC), when records are sealed with a key"),
    ("tasks", "Task register (city plan 2025 §V, plan for resolution 03 Appendix II) with status on a date"),
    ("tasks as_of", "Day of the status (default: today, Vietnam time)"),
    ("tasks agency", "Only tasks this agency leads or coordinates (part of its name)"),
    ("tasks progress", "Progress file: a JSON array of {task, on, kind, note}, or {events: [{event, on, starts, note}], progress: [...]}"),
    ("schema", "JSON Schema (2020-12) of a report kind, or the fields of its form (--fields)"),
    ("schema kind", "Report kind: quarterly, half_year, annual, plan_issue, self_inspection, inspection_report"),
    ("schema year", "Year whose form applies (default: this year)"),
    ("schema fields", "Print the form's fields (control name, label, type, required, unit, source) instead of the schema"),
];

/// The Vietnamese placeholder of an argument's value in the help, by
/// argument id (English: the id in capitals, or [`VALUE_EN`]).
const VALUE_VI: &[(&str, &str)] = &[
    ("lang", "NGÔN_NGỮ"),
    ("rules", "THƯ_MỤC"),
    ("year", "NĂM"),
    ("year_a", "NĂM"),
    ("year_b", "NĂM"),
    ("plan", "KẾ_HOẠCH"),
    ("level", "CẤP"),
    ("policy", "CHÍNH_SÁCH"),
    ("overlap", "QUY_TẮC"),
    ("inspection", "BẮT_ĐẦU..KẾT_THÚC"),
    ("ics", "TỆP"),
    ("today", "NGÀY"),
    ("date", "NGÀY"),
    ("submitted", "NGÀY"),
    ("as_of", "NGÀY"),
    ("from", "NGÀY_ĐẦU"),
    ("to", "NGÀY_CUỐI"),
    ("n", "N"),
    ("kind", "LOẠI"),
    ("deadline", "LOẠI"),
    ("period", "KỲ"),
    ("file", "TỆP"),
    ("files", "TỆP"),
    ("report", "TỆP"),
    ("state", "TỆP"),
    ("states", "TỆP"),
    ("transition", "TỆP"),
    ("progress", "TỆP"),
    ("expected", "ĐƠN_VỊ"),
    ("agency", "CƠ_QUAN"),
    ("kpi", "CHỈ_TIÊU"),
    ("dir", "THƯ_MỤC"),
];

/// English placeholders that are not the id in capitals.
const VALUE_EN: &[(&str, &str)] = &[
    ("rules", "DIR"),
    ("ics", "FILE"),
    ("inspection", "START..END"),
];

/// The words of the help's frame in each language.
struct Frame {
    usage: &'static str,
    options_word: &'static str,
    commands: &'static str,
    command: &'static str,
    arguments: &'static str,
    options: &'static str,
    help: &'static str,
    help_command: &'static str,
    version: &'static str,
}

fn frame(lang: Lang) -> Frame {
    match lang {
        Lang::Vi => Frame {
            usage: "Cách dùng",
            options_word: "[TÙY_CHỌN]",
            commands: "Lệnh",
            command: "LỆNH",
            arguments: "Tham số",
            options: "Tùy chọn",
            help: "In trợ giúp",
            help_command: "In trợ giúp của chương trình hoặc của một lệnh",
            version: "In phiên bản",
        },
        Lang::En => Frame {
            usage: "Usage",
            options_word: "[OPTIONS]",
            commands: "Commands",
            command: "COMMAND",
            arguments: "Arguments",
            options: "Options",
            help: "Print help",
            help_command: "Print this message or the help of the given command",
            version: "Print version",
        },
    }
}

/// The language asked for on the command line (`--lang en`, `--lang=en`),
/// before it is parsed: help and argument errors follow it.
pub(crate) fn lang_of(args: &[std::ffi::OsString]) -> Lang {
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(w) = words.next() {
        let value = match w.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(v) => v.strip_prefix('='),
            None => continue,
        };
        if value == Some("en") {
            return Lang::En;
        }
    }
    Lang::Vi
}

/// The command line's definition with its help in `lang`.
pub(crate) fn command(lang: Lang) -> clap::Command {
    // Lines as written, whatever the terminal: the same help everywhere.
    let mut cmd = localize(Cli::command().term_width(0), "", lang, true);
    // Usage lines in the language too: clap writes "[OPTIONS]".
    cmd.build();
    usages(&mut cmd, &frame(lang));
    cmd
}

/// Usage lines and the generated `help` command in the language.
fn usages(cmd: &mut clap::Command, f: &Frame) {
    let options = f.options_word;
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", options);
    *cmd = std::mem::take(cmd).override_usage(usage);
    for s in cmd.get_subcommands_mut() {
        if s.get_name() == "help" {
            *s = std::mem::take(s).about(f.help_command);
        }
        usages(s, f);
    }
}

fn localize(mut cmd: clap::Command, path: &str, lang: Lang, root: bool) -> clap::Command {
    let f = frame(lang);
    let key = |id: &str| {
        if path.is_empty() {
            id.to_string()
        } else {
            format!("{path} {id}")
        }
    };
    if lang == Lang::En {
        if let Some(about) = english(path) {
            cmd = cmd.about(about);
        }
    }
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let english_help = (lang == Lang::En).then(|| english(&key(&id))).flatten();
        let placeholder = value_name(&id, lang);
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(if positional { f.arguments } else { f.options });
            let takes_value = a.get_action().takes_values();
            let a = match placeholder {
                Some(v) if takes_value => a.value_name(v),
                _ => a,
            };
            match english_help {
                Some(h) => a.help(h),
                None => a,
            }
        });
    }
    cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            f.usage
        ))
        .subcommand_help_heading(f.commands)
        .subcommand_value_name(f.command)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(f.help)
                .help_heading(f.options),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(f.version)
                .help_heading(f.options),
        );
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = key(&name);
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &sub_path, lang, false));
    }
    cmd
}

fn value_name(id: &str, lang: Lang) -> Option<String> {
    let table = match lang {
        Lang::Vi => VALUE_VI,
        Lang::En => VALUE_EN,
    };
    match table.iter().find(|(i, _)| *i == id) {
        Some((_, v)) => Some((*v).to_string()),
        None if lang == Lang::En => Some(id.to_uppercase()),
        None => None,
    }
}

fn english(path: &str) -> Option<&'static str> {
    EN.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
}

/// The command line's error as a diagnostic: what is wrong, in both
/// languages (each from the command line in that language, so that the
/// usage shown is in it too), at the argument concerned.
pub(crate) fn usage_error(args: &[std::ffi::OsString], asked: &clap::Error) -> Diagnostic {
    let in_lang = |lang: Lang| command(lang).try_get_matches_from(args).err();
    let vi = in_lang(Lang::Vi);
    let en = in_lang(Lang::En);
    let (vi, en) = (
        explain(vi.as_ref().unwrap_or(asked)),
        explain(en.as_ref().unwrap_or(asked)),
    );
    let d = Diagnostic::error(
        Code::ArgumentInvalid,
        Text::new(vi.message.vi, en.message.en),
    )
    .with_hint(Text::new(vi.hint.vi, en.hint.en));
    if vi.path.is_empty() {
        d
    } else {
        d.at(vi.path)
    }
}

/// What an error says, in both languages, with the argument it is about.
struct Explained {
    message: Text,
    hint: Text,
    path: String,
}

fn explain(e: &clap::Error) -> Explained {
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let value = one(ContextKind::InvalidValue).unwrap_or_default();
    let suggested = one(ContextKind::SuggestedArg)
        .or_else(|| one(ContextKind::SuggestedSubcommand))
        .or_else(|| one(ContextKind::SuggestedValue));
    let (vi, en, path) = match e.kind() {
        ErrorKind::UnknownArgument => (
            format!("Không có tùy chọn hoặc tham số '{arg}'"),
            format!("unknown option or argument '{arg}'"),
            arg.clone(),
        ),
        ErrorKind::InvalidSubcommand => {
            let sub = one(ContextKind::InvalidSubcommand).unwrap_or_default();
            (
                format!("Không có lệnh '{sub}'"),
                format!("no command '{sub}'"),
                sub,
            )
        }
        ErrorKind::MissingRequiredArgument => (
            format!("Thiếu {arg}"),
            format!("{arg} is required"),
            arg.split([',', ' ']).next().unwrap_or_default().to_string(),
        ),
        ErrorKind::MissingSubcommand => (
            "Cần một lệnh".to_string(),
            "a command is required".to_string(),
            String::new(),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => (
            format!("Giá trị '{value}' không hợp lệ cho {arg}"),
            format!("'{value}' is not a valid value for {arg}"),
            arg.clone(),
        ),
        ErrorKind::ArgumentConflict => {
            let prior = one(ContextKind::PriorArg).unwrap_or_default();
            (
                format!("{arg} không dùng cùng với {prior}"),
                format!("{arg} cannot be used with {prior}"),
                arg.clone(),
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => (
            format!("Thừa giá trị '{value}' cho {arg}"),
            format!("too many values for {arg}: '{value}'"),
            arg.clone(),
        ),
        ErrorKind::TooFewValues | ErrorKind::NoEquals => (
            format!("Thiếu giá trị cho {arg}"),
            format!("{arg} needs a value"),
            arg.clone(),
        ),
        _ => (
            "Không hiểu dòng lệnh".to_string(),
            format!("the command line is not understood: {}", e.kind()),
            arg.clone(),
        ),
    };
    let usage = one(ContextKind::Usage)
        .map(|u| u.trim().trim_start_matches("Usage:").trim().to_string())
        .unwrap_or_else(|| "dxplan --help".into());
    let (hint_vi, hint_en) = match &suggested {
        Some(s) => (
            format!("Có phải ý là '{s}'? Cách dùng: {usage} (thêm --help để xem trợ giúp)"),
            format!("Did you mean '{s}'? Usage: {usage} (add --help for help)"),
        ),
        None => (
            format!("Cách dùng: {usage} (thêm --help để xem trợ giúp)"),
            format!("Usage: {usage} (add --help for help)"),
        ),
    };
    Explained {
        message: Text::new(vi, en),
        hint: Text::new(hint_vi, hint_en),
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its English help, and no entry of
    /// the table is left over from a removed one.
    #[test]
    fn every_entry_has_english() {
        fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
            let key = |id: &str| {
                if path.is_empty() {
                    id.to_string()
                } else {
                    format!("{path} {id}")
                }
            };
            out.push(path.to_string());
            for a in cmd
                .get_arguments()
                .filter(|a| !a.is_global_set() || path.is_empty())
            {
                out.push(key(a.get_id().as_str()));
            }
            for s in cmd.get_subcommands() {
                walk(s, &key(s.get_name()), out);
            }
        }
        let mut paths = Vec::new();
        walk(&Cli::command(), "", &mut paths);
        for p in &paths {
            assert!(english(p).is_some(), "no English help for '{p}'");
        }
        for (p, _) in EN {
            assert!(
                paths.iter().any(|q| q == p),
                "'{p}' is not in the command line"
            );
        }
    }
}
