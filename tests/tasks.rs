//! The task register: every task of 000 §V and 004 Appendix II, checked
//! against its seed, every term kind understood, and statuses on chosen
//! dates (`golden/tasks.txt`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use dxplan::tasks::{Progress, Register, TaskState, Term};
use dxplan_tests::{normalise, read_table, seeds_or_skip};
use std::path::Path;

fn progress() -> Vec<Progress> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/tasks/progress-2025.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// 000 §V has 44 numbered tasks (1.1–10.2), 004 Appendix II 43 (1–43);
/// 000 §V.8.1 is kept as its eight items (lines 722–761), each with its term.
#[test]
fn register_holds_both_plans() {
    let reg = Register::base().unwrap();
    assert_eq!(
        reg.iter().filter(|t| t.id.starts_with("000-")).count(),
        44 - 1 + 8
    );
    let items: Vec<_> = reg
        .iter()
        .filter(|t| t.part_of.as_deref() == Some("000-V-8.1"))
        .collect();
    assert_eq!(items.len(), 8);
    // Lines 724, 728, 732, 745: "Hoàn thành trong Quý I năm 2025".
    let q1 = Term::Quarter {
        year: 2025,
        quarter: 1,
    };
    assert_eq!(items.iter().filter(|t| t.term == q1).count(), 4);
    assert_eq!(reg.iter().filter(|t| t.id.starts_with("004-")).count(), 43);
    for t in reg.iter() {
        assert!(!t.lead.is_empty(), "{}: no lead agency", t.id);
    }
    // Every term kind of DOMAIN.md appears.
    let has = |f: &dyn Fn(&Term) -> bool| reg.iter().any(|t| f(&t.term));
    assert!(has(&|t| matches!(t, Term::Month { .. })));
    assert!(has(&|t| matches!(t, Term::Year { .. })));
    assert!(has(&|t| matches!(t, Term::Range { .. })));
    assert!(has(&|t| matches!(t, Term::Weekly)));
    assert!(has(&|t| matches!(t, Term::Yearly { .. })));
    assert!(has(&|t| matches!(t, Term::Continuous)));
    assert!(has(&|t| matches!(t, Term::Event { .. })));
    assert!(has(&|t| matches!(t, Term::Quarter { .. })));
    assert_eq!(
        Term::parse("Quý III năm 2025").unwrap(),
        Term::Quarter {
            year: 2025,
            quarter: 3
        }
    );
    assert_eq!(
        reg.get("004-II-14").unwrap().term,
        Term::Month {
            year: 2028,
            month: 12
        }
    );
    assert_eq!(reg.get("nope").unwrap_err().code.as_str(), "task.unknown");
}

/// Each task's title, lead agency and term are the seed's words, found
/// within the lines it cites.
#[test]
fn tasks_are_quotes_of_their_seed() {
    let Some(dir) = seeds_or_skip() else { return };
    let reg = Register::base().unwrap();
    for t in reg.iter() {
        let doc = t.source.split_whitespace().next().unwrap();
        let text = std::fs::read_to_string(dir.join(doc)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let range = t.source.rsplit("dòng ").next().unwrap();
        let (a, b) = range.split_once('–').unwrap();
        let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
        let window = normalise(&lines[a - 1..b.min(lines.len())].join(" "));
        // An item of a task (000-V-8.1.2) shares the lead and coordinating
        // agencies written after the last item.
        let agencies = match &t.part_of {
            Some(parent) => {
                let last = reg
                    .iter()
                    .filter(|s| s.part_of.as_ref() == Some(parent))
                    .filter_map(|s| s.source.rsplit('–').next()?.parse::<usize>().ok())
                    .max()
                    .unwrap();
                normalise(&lines[last..(last + 8).min(lines.len())].join(" "))
            }
            None => window.clone(),
        };
        let title = t.title.trim_end_matches('.');
        assert!(
            window.contains(&normalise(title)),
            "{}: title not in lines {a}–{b}",
            t.id
        );
        // The first words of the lead agency (004's table splits names across columns).
        let first_lead: String = t
            .lead
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            agencies.contains(&normalise(&first_lead)),
            "{}: lead '{first_lead}' not in lines {a}–{b}",
            t.id
        );
        let term_head = t.term_text.split_whitespace().next().unwrap();
        assert!(
            window.contains(term_head),
            "{}: term '{}' not in lines {a}–{b}",
            t.id,
            t.term_text
        );
    }
}

#[test]
fn statuses_on_chosen_dates() {
    let reg = Register::base().unwrap();
    let records = progress();
    assert!(reg.check_progress(&records).is_empty());
    for row in read_table("tasks.txt", 3) {
        let ctx = format!("line {} ({})", row.line, row.citation);
        let task = reg.get(row.cell(0)).unwrap();
        let before = records.clone();
        let s = reg.status(task, &records, dxplan::parse_date(row.cell(1)).unwrap());
        assert_eq!(records, before, "{ctx}");
        let got = match &s.state {
            TaskState::NotStarted => "not_started".to_string(),
            TaskState::InProgress => "in_progress".to_string(),
            TaskState::DueSoon { days_left } => format!("due_soon {days_left}"),
            TaskState::Overdue { days_late } => format!("overdue {days_late}"),
            TaskState::Done { on } => format!("done {on}"),
            TaskState::WaitingForTrigger => "waiting_for_trigger".to_string(),
        };
        assert_eq!(got, row.cell(2), "{ctx}");
        assert!(!s.message.vi.is_empty() && !s.message.en.is_empty());
    }
    // A record for a task that does not exist is reported at its JSON pointer.
    let bad: Vec<Progress> =
        serde_json::from_str(r#"[{"task": "000-V-99.1", "on": "2025-01-01", "kind": "done"}]"#)
            .unwrap();
    assert_eq!(reg.check_progress(&bad)[0].path.as_deref(), Some("/0/task"));
}

/// An event-triggered task shows the day its event was recorded (000 §V.1.2
/// "Sau khi Tỉnh ban hành Kế hoạch"; examples/tasks/progress-2025.json records
/// the province's plan on 20/03/2025); a trigger on a dated task is refused.
#[test]
fn triggers_are_shown_and_only_for_event_tasks() {
    let reg = Register::base().unwrap();
    let on = dxplan::parse_date("15/04/2025").unwrap();
    let s = reg.status(reg.get("000-V-1.2").unwrap(), &progress(), on);
    assert_eq!(
        s.triggered_on,
        Some(dxplan::parse_date("20/03/2025").unwrap())
    );
    assert!(
        s.message.vi.contains("sự kiện khởi động ngày 20/03/2025"),
        "{}",
        s.message.vi
    );
    // 000 §V.4.3 is due "Tháng 10 năm 2025": nothing to trigger.
    let bad: Vec<Progress> =
        serde_json::from_str(r#"[{"task": "000-V-4.3", "on": "2025-09-01", "kind": "triggered"}]"#)
            .unwrap();
    let d = reg.check_progress(&bad);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code.as_str(), "task.not_event_triggered");
    assert_eq!(d[0].path.as_deref(), Some("/0/kind"));
}
