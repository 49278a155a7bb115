//! The task register: every task of 000 §V and 004 Appendix II, checked
//! against its seed, every term kind understood, and statuses on chosen
//! dates (`golden/tasks.txt`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use dxplan::tasks::{Progress, Register, TaskEvent, TaskState, Term};
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
        s.message.vi.contains("khởi động ngày 20/03/2025"),
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

/// An event is declared once and starts every task it names: the central
/// guidance of examples/tasks/events-2025.json (02/06/2025) starts 004
/// Phụ lục II.15 and II.16 ("Sau khi có văn bản hướng dẫn của Trung ương",
/// lines 1095–1156); progress before it does not count, after it does.
#[test]
fn events_start_every_task_waiting_on_them() {
    #[derive(serde::Deserialize)]
    struct Log {
        events: Vec<TaskEvent>,
        progress: Vec<Progress>,
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/tasks/events-2025.json");
    let log: Log = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    let reg = Register::base().unwrap();
    let bodies = dxplan::defaults::rules();
    let on = |d: &str| dxplan::parse_date(d).unwrap();
    let state = |day: &str, id: &str| {
        let all = reg
            .statuses_with(
                None,
                &log.progress,
                &log.events,
                on(day),
                &bodies.plans.bodies,
            )
            .unwrap();
        let s = all.into_iter().find(|s| s.task.id == id).unwrap();
        (s.state, s.triggered_on, s.message.vi)
    };
    // Before the event: waiting, though II.16 has a record of 20/05.
    assert_eq!(
        state("2025-06-01", "004-II-16").0,
        TaskState::WaitingForTrigger
    );
    assert_eq!(
        state("2025-06-01", "004-II-15").0,
        TaskState::WaitingForTrigger
    );
    // After it: both started on 02/06/2025, with the event's words.
    let (s15, t15, m15) = state("2025-06-20", "004-II-15");
    assert_eq!((s15, t15), (TaskState::NotStarted, Some(on("2025-06-02"))));
    assert!(
        m15.contains("khởi động ngày 02/06/2025: Trung ương ban hành"),
        "{m15}"
    );
    // II.16: the 20/05 record predates the event, the 10/07 one follows it.
    assert_eq!(state("2025-06-20", "004-II-16").0, TaskState::NotStarted);
    assert_eq!(state("2025-07-10", "004-II-16").0, TaskState::InProgress);
    // A task the event does not name still waits (II.22, same term).
    assert_eq!(
        state("2025-09-01", "004-II-22").0,
        TaskState::WaitingForTrigger
    );
    // The input is left as it was.
    let again: Log = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/tasks/events-2025.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(again.events, log.events);
}

/// An event is refused when it names a dated task, an unknown one, none,
/// or says nothing, each at its place.
#[test]
fn events_are_checked() {
    let reg = Register::base().unwrap();
    let events: Vec<TaskEvent> = serde_json::from_str(
        r#"[{"event": "Tỉnh ban hành Kế hoạch", "on": "2025-03-20", "starts": ["000-V-1.2", "000-V-4.3", "000-V-99"]},
            {"event": "  ", "on": "2025-03-20", "starts": []}]"#,
    )
    .unwrap();
    let d = reg.check_events(&events);
    let got: Vec<(&str, &str)> = d
        .iter()
        .map(|d| (d.code.as_str(), d.path.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("task.not_event_triggered", "/0/starts/1"),
            ("task.unknown", "/0/starts/2"),
            ("task.event_invalid", "/1/event"),
            ("task.event_invalid", "/1/starts"),
        ]
    );
    let e = reg
        .statuses_with(
            None,
            &[],
            &events,
            dxplan::parse_date("2025-04-01").unwrap(),
            &Default::default(),
        )
        .unwrap_err();
    assert_eq!(e.path.as_deref(), Some("/events/0/starts/1"));
}

/// 004 Phụ lục II.11, 12 and 23 keep every cell the text gives them, with
/// how it was read (lines 965–1022, 1374–1420).
#[test]
fn split_cells_are_kept() {
    let reg = Register::base().unwrap();
    let t11 = reg.get("004-II-11").unwrap();
    assert_eq!(t11.output.as_deref(), Some("Kế hoạch, Chương trình"));
    let t12 = reg.get("004-II-12").unwrap();
    assert_eq!(
        t12.term_text,
        "Sau khi có hướng dẫn của Trung ương; Thường xuyên"
    );
    assert!(matches!(t12.term, Term::Event { .. }));
    let t23 = reg.get("004-II-23").unwrap();
    assert!(t23
        .coordinating
        .as_deref()
        .unwrap()
        .ends_with("Các Sở, ban, ngành, UBND các huyện, thành phố"));
    for t in [t11, t12, t23] {
        assert!(
            t.reading.as_deref().is_some_and(|r| r.contains("dòng")),
            "{}",
            t.id
        );
    }
}
