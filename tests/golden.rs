//! Golden tests: expected values from the seed documents and the law, kept in
//! table fixtures (`tests/golden/*.txt`, one cited row per case) and in
//! command-line snapshots (`tests/golden/cli/*.snap`).
//!
//! Snapshots: `DXPLAN_BLESS=1 cargo test -p dxplan-tests --test golden`
//! rewrites them from the current output; review the diff before committing.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use dxplan::{
    parse_date, status, DayOffReason, DeadlinePolicy, Level, ObligationKind, Period,
    SubmissionStatus,
};
use dxplan_tests::{golden_dir, normalise, read_table, seeds_or_skip, Row};

fn date(row: &Row, i: usize) -> NaiveDate {
    parse_date(row.cell(i)).unwrap_or_else(|e| panic!("line {}: {e}", row.line))
}

#[test]
fn deadlines_of_the_seed_plans() {
    let cal = dxplan::defaults::rules().calendar.clone();
    let plans = dxplan::defaults::rules().plans.clone();
    let mut all = Vec::new();
    for year in 2022..=2025 {
        all.extend(plans.obligations(&cal, year).unwrap());
    }
    for row in read_table("deadlines.txt", 8) {
        let o = all
            .iter()
            .find(|o| o.id == row.cell(0))
            .unwrap_or_else(|| panic!("line {}: no obligation {}", row.line, row.cell(0)));
        let ctx = format!("line {} ({})", row.line, row.citation);
        assert_eq!(o.due_before, date(&row, 1), "due_before, {ctx}");
        assert_eq!(o.last_on_time_day, date(&row, 2), "last_on_time_day, {ctx}");
        assert_eq!(
            o.last_day_is_working_day,
            row.cell(3) == "yes",
            "working, {ctx}"
        );
        assert_eq!(o.by_rule.keep, date(&row, 4), "keep, {ctx}");
        assert_eq!(o.by_rule.roll_forward, date(&row, 5), "roll_forward, {ctx}");
        assert_eq!(o.by_rule.pull_back, date(&row, 6), "pull_back, {ctx}");
        assert_eq!(o.deadline, o.by_rule.keep, "default policy keeps, {ctx}");
        assert_eq!(o.recipient.id, row.cell(7), "recipient, {ctx}");
        assert!(!o.source.is_empty() && !o.rule_text.is_empty(), "{ctx}");
    }
}

#[test]
fn days_off() {
    let cal = dxplan::defaults::rules().calendar.clone();
    for row in read_table("holidays.txt", 3) {
        let d = date(&row, 0);
        let ctx = format!("{} line {} ({})", row.cell(0), row.line, row.citation);
        let working = cal.is_working_day(d).unwrap();
        assert_eq!(working, row.cell(1) == "work", "{ctx}");
        let listed = cal
            .days_off(chrono::Datelike::year(&d))
            .unwrap()
            .into_iter()
            .find(|o| o.date == d);
        let reason = match (working, listed) {
            (true, _) => "working",
            (false, Some(o)) => match o.reason {
                DayOffReason::Holiday => "holiday",
                DayOffReason::Compensatory => "compensatory",
                DayOffReason::Swap => "swap",
            },
            (false, None) => "weekend",
        };
        assert_eq!(reason, row.cell(2), "{ctx}");
    }
}

#[test]
fn working_day_arithmetic() {
    let cal = dxplan::defaults::rules().calendar.clone();
    for row in read_table("workdays.txt", 4) {
        let ctx = format!("line {} ({})", row.line, row.citation);
        let a = date(&row, 1);
        match row.cell(0) {
            "add" => {
                let n: i64 = row.cell(2).parse().unwrap();
                assert_eq!(cal.add_working_days(a, n).unwrap(), date(&row, 3), "{ctx}");
            }
            "between" => {
                let b = date(&row, 2);
                let n: i64 = row.cell(3).parse().unwrap();
                assert_eq!(cal.working_days_between(a, b).unwrap(), n, "{ctx}");
            }
            other => panic!("line {}: unknown op {other}", row.line),
        }
    }
}

#[test]
fn submission_status() {
    let cal = dxplan::defaults::rules().calendar.clone();
    for row in read_table("status.txt", 10) {
        let ctx = format!("line {} ({})", row.line, row.citation);
        let policy: DeadlinePolicy = row.cell(4).parse().unwrap();
        let plans = dxplan::defaults::rules().plans.clone().with_policy(policy);
        let kind: ObligationKind = row.cell(1).parse().unwrap();
        let period: Period = row.cell(2).parse().unwrap();
        let level: Level = row.cell(3).parse().unwrap();
        let o = plans
            .find(&cal, row.cell(0), kind, &period, level)
            .unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let submitted = (row.cell(5) != "-").then(|| date(&row, 5));
        let s = status(&cal, &o, submitted, date(&row, 6)).unwrap();
        let days: i64 = row.cell(8).parse().unwrap();
        let wdays: i64 = row.cell(9).parse().unwrap();
        let (state, d, w) = match s.status {
            SubmissionStatus::NotYetDue {
                days_left,
                working_days_left,
            } => ("not_yet_due", days_left, working_days_left),
            SubmissionStatus::Due {
                days_left,
                working_days_left,
            } => ("due", days_left, working_days_left),
            SubmissionStatus::Overdue {
                days_late,
                working_days_late,
            } => ("overdue", days_late, working_days_late),
            SubmissionStatus::OnTime {
                days_early,
                working_days_early,
            } => ("on_time", days_early, working_days_early),
            SubmissionStatus::Late {
                days_late,
                working_days_late,
            } => ("late", days_late, working_days_late),
        };
        assert_eq!((state, d, w), (row.cell(7), days, wdays), "{ctx}");
    }
}

/// The checks DOMAIN.md names explicitly ("Questions the engine must answer").
#[test]
fn domain_questions_are_answered() {
    use dxplan::obligations::consolidation::{calendar, CalendarFilter};
    let cal = dxplan::defaults::rules().calendar.clone();
    let r = calendar(
        &dxplan::defaults::rules().plans.clone(),
        &cal,
        2025,
        &CalendarFilter::default(),
    )
    .unwrap();
    // Consolidation windows: unit annual (before 15/12) → city annual (before 20/12) = 5 days;
    // unit and city half-year both before 20/6 = 0 days, flagged (Decree 09 art. 8(5)).
    let w = |p: &str| {
        r.consolidation_windows
            .iter()
            .find(|w| w.period.id() == p)
            .unwrap()
    };
    assert_eq!((w("2025").days, w("2025").too_short), (5, false));
    assert_eq!((w("2025-H1").days, w("2025-H1").too_short), (0, true));
    // Overlaps: June (Q2 with half-year, same day) and December (annual 5 days before Q4).
    let ov: Vec<_> = r
        .overlaps
        .iter()
        .filter(|o| o.plan == "city-2025")
        .map(|o| (o.longer.as_str(), o.shorter.as_str(), o.days_apart))
        .collect();
    assert!(ov.contains(&(
        "city-2025/unit/half_year/2025-H1",
        "city-2025/unit/quarterly/2025-Q2",
        0
    )));
    assert!(ov.contains(&(
        "city-2025/unit/annual/2025",
        "city-2025/unit/quarterly/2025-Q4",
        5
    )));
    // DTI quarterly "before the 15th" leaves no working day after the Decree 09
    // data cut-off (14th): flagged for every quarter.
    let dti_gaps = r
        .diagnostics
        .iter()
        .filter(|d| {
            let at = d
                .path
                .as_deref()
                .and_then(|p| p.strip_prefix("/obligations/"));
            let plan = at.and_then(|i| r.obligations.get(i.parse::<usize>().ok()?));
            d.code == dxplan::Code::DataWindowGapShort && plan.is_some_and(|o| o.plan == "dti-2022")
        })
        .count();
    assert_eq!(dti_gaps, 4);
}

#[test]
fn supersede_rule_marks_the_shorter_report() {
    use dxplan::obligations::consolidation::{calendar, CalendarFilter};
    let cal = dxplan::defaults::rules().calendar.clone();
    let plans = dxplan::defaults::rules()
        .plans
        .clone()
        .with_overlap(dxplan::OverlapRule::Supersede);
    let filter = CalendarFilter {
        plan: Some("city-2025".into()),
        ..Default::default()
    };
    let r = calendar(&plans, &cal, 2025, &filter).unwrap();
    let q4 = r
        .obligations
        .iter()
        .find(|o| o.id == "city-2025/unit/quarterly/2025-Q4")
        .unwrap();
    assert_eq!(
        q4.superseded_by.as_deref(),
        Some("city-2025/unit/annual/2025")
    );
    let q1 = r
        .obligations
        .iter()
        .find(|o| o.id == "city-2025/unit/quarterly/2025-Q1")
        .unwrap();
    assert_eq!(q1.superseded_by, None);
}

/// Every rule's words are a verbatim quote of its seed document. The seeds are
/// read from `shared/seeds/` (present in CI); on a machine without them the
/// test says so and passes, unless `CI` is set.
#[test]
fn rule_texts_are_quotes_of_their_seed() {
    let Some(dir) = seeds_or_skip() else {
        return;
    };
    let plans = dxplan::defaults::rules().plans.clone();
    let mut checked = 0;
    for plan in plans.iter() {
        let seed = normalise(&std::fs::read_to_string(dir.join(&plan.document)).unwrap());
        let mut texts: Vec<(&str, &str)> = plan
            .rules
            .iter()
            .map(|r| (r.rule_text.as_str(), r.source.as_str()))
            .collect();
        if let Some(w) = &plan.inspection {
            texts.push((&w.notice_text, &w.notice_source));
            texts.push((&w.summary_text, &w.summary_source));
        }
        for (text, source) in texts {
            assert!(source.starts_with(&plan.document), "{source}");
            for fragment in text.split(" … ").flat_map(|f| f.split(". ")) {
                let fragment = normalise(fragment.trim().trim_end_matches('.'));
                assert!(
                    seed.contains(&fragment),
                    "{}: not a quote of {}: «{fragment}»",
                    plan.id,
                    plan.document
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "only {checked} fragments checked");
}

/// The words of a command line as a shell splits them: at spaces, except
/// inside double quotes (`--by "Nguyễn Văn An"` is two words).
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// A command-line snapshot: header lines, then the expected output.
///
/// ```text
/// # what it shows and where the values come from
/// $ dxplan calendar 2025 --lang en
/// today: 2025-06-01
/// exit: 0
/// --- stdout
/// …
/// --- stderr
/// …
/// ```
#[test]
fn cli_snapshots() {
    let dir = golden_dir().join("cli");
    let bless = std::env::var_os("DXPLAN_BLESS").is_some();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "snap"))
        .collect();
    entries.sort();
    assert!(
        entries.len() >= 6,
        "expected the CLI snapshots in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        let (header, _) = text.split_once("--- stdout\n").unwrap_or((&text, ""));
        let mut args: Vec<String> = Vec::new();
        let mut today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let mut comments = Vec::new();
        for line in header.lines() {
            if let Some(cmd) = line.strip_prefix("$ ") {
                args = shell_words(cmd);
            } else if let Some(t) = line.strip_prefix("today: ") {
                today = parse_date(t).unwrap();
            } else if line.starts_with('#') {
                comments.push(line.to_string());
            }
        }
        assert!(
            !comments.is_empty(),
            "{}: needs a header comment",
            path.display()
        );
        assert_eq!(
            args.first().map(String::as_str),
            Some("dxplan"),
            "{}",
            path.display()
        );
        let out = dxplan_cli::run(&args, today);
        let rendered = format!(
            "{}\n$ {}\ntoday: {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
            comments.join("\n"),
            args.iter()
                .map(|a| if a.contains(char::is_whitespace) {
                    format!("\"{a}\"")
                } else {
                    a.clone()
                })
                .collect::<Vec<_>>()
                .join(" "),
            today,
            out.code,
            out.stdout,
            out.stderr
        );
        if bless {
            std::fs::write(&path, &rendered).unwrap();
        } else if rendered != text {
            failures.push(format!(
                "{}: output differs (run with DXPLAN_BLESS=1 to update, then review)\n{}",
                path.display(),
                first_difference(&text, &rendered)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1);
        }
    }
    format!(
        "lengths differ: expected {} lines, actual {}",
        expected.lines().count(),
        actual.lines().count()
    )
}

#[test]
fn recipients_follow_the_2025_reorganisation() {
    let rules = dxplan::defaults::rules();
    let dash = |c: &str| {
        if c == "—" {
            None
        } else {
            Some(parse_date(c).unwrap())
        }
    };
    let rows = read_table("reorganisation.txt", 7);
    assert!(rows.len() >= 9);
    for row in rows {
        let ctx = format!("line {} ({})", row.line, row.citation);
        let o = rules
            .plans
            .find(
                &rules.calendar,
                row.cell(0),
                row.cell(1).parse().unwrap(),
                &row.cell(3).parse().unwrap(),
                row.cell(2).parse().unwrap(),
            )
            .unwrap();
        assert_eq!(o.recipient.id, row.cell(4), "{ctx}");
        assert_eq!(
            o.recipient_ended.as_ref().map(|e| e.since),
            dash(row.cell(5)),
            "{ctx}"
        );
        assert_eq!(
            o.reporter_ended.as_ref().map(|e| e.since),
            dash(row.cell(6)),
            "{ctx}"
        );
        // A flag always carries where the end is declared.
        for e in o.recipient_ended.iter().chain(o.reporter_ended.iter()) {
            assert!(e.source.contains("2025.rhai"), "{ctx}: {}", e.source);
        }
    }
}

#[test]
fn tasks_name_their_agencies_and_who_holds_the_work_now() {
    use dxplan::tasks::Register;
    let reg = Register::base().unwrap();
    let bodies = &dxplan::defaults::rules().plans.bodies;
    let on = |s: &str| parse_date(s).unwrap();
    let named = |t: &dxplan::tasks::Task, n: &str| {
        t.lead.contains(n) || t.coordinating.as_deref().is_some_and(|c| c.contains(n))
    };
    // 22 tasks of 000 §V and 004 Phụ lục II name Sở TT&TT; from 01/03/2025 Sở KH&CN holds their
    // work (DOMAIN.md), so asking for Sở KH&CN on 30/11/2025 finds them as well as its own.
    let tttt: Vec<_> = reg
        .iter()
        .filter(|t| named(t, "Sở Thông tin và Truyền thông"))
        .collect();
    assert_eq!(tttt.len(), 22);
    let found = reg
        .statuses_with(
            Some("Sở Khoa học và Công nghệ"),
            &[],
            &[],
            on("2025-11-30"),
            bodies,
        )
        .unwrap();
    for t in &tttt {
        let s = found
            .iter()
            .find(|s| s.task.id == t.id)
            .unwrap_or_else(|| panic!("{} not found", t.id));
        let r = s
            .agencies_changed
            .iter()
            .find(|r| r.named == "Sở Thông tin và Truyền thông")
            .unwrap();
        assert_eq!(r.now.as_ref().unwrap().id, "so-khcn-quang-ngai", "{}", t.id);
    }
    // Before the merger, Sở KH&CN's own tasks only, and nothing renamed.
    let before = reg
        .statuses_with(
            Some("Sở Khoa học và Công nghệ"),
            &[],
            &[],
            on("2025-02-28"),
            bodies,
        )
        .unwrap();
    assert!(before.len() < found.len());
    assert!(before.iter().all(|s| s.agencies_changed.is_empty()));
}

/// Issue 14 §5: what people read names periods, plans, sources and
/// policies in words. The human calendar and `.ics` of every seed year, in
/// both languages, carry none of the ids that JSON keeps: no `2025-Q3` or
/// `2025-H1`, no plan id, no seed file name, no policy token, no ISO date.
#[test]
fn human_output_has_no_internal_tokens() {
    let plan_ids = [
        "city-2025",
        "dti-2022",
        "inspection-2024",
        "resolution-09-2022",
        "action-03-2025",
    ];
    let policy = [
        "exclusive",
        "inclusive",
        "keep",
        "roll_forward",
        "pull_back",
    ];
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    for year in 2022..=2026 {
        for lang in ["vi", "en"] {
            for extra in [&[][..], &["--ics", "-"][..]] {
                let y = year.to_string();
                let mut args = vec!["dxplan", "--lang", lang, "calendar", y.as_str()];
                args.extend_from_slice(extra);
                let out = dxplan_cli::run(&args, today);
                assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
                // The .ics keeps ids only in its UID lines (stable event ids).
                let text: String = out
                    .stdout
                    .replace("\r\n ", "")
                    .lines()
                    .filter(|l| !l.starts_with("UID:"))
                    .collect::<Vec<_>>()
                    .join("\n");
                let words: Vec<&str> = text
                    .split(|c: char| c.is_whitespace() || "(),;:·'\"".contains(c))
                    .collect();
                for w in &words {
                    let w = w.trim_end_matches('.');
                    let b = w.as_bytes();
                    let iso_like =
                        b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
                    assert!(!iso_like, "{args:?}: '{w}' is an id or an ISO date");
                    assert!(!plan_ids.contains(&w), "{args:?}: plan id '{w}'");
                    assert!(
                        !policy.iter().any(|p| w.contains(p)),
                        "{args:?}: policy token '{w}'"
                    );
                    assert!(!w.ends_with(".txt"), "{args:?}: file name '{w}'");
                }
            }
        }
    }
}
