//! The task register: the tasks of the city plan 2025 (000 §V, 51 tasks,
//! task 8.1 kept as its eight items with their own terms)
//! and of the provincial plan for resolution 03/NQ-CP (004 Appendix II, 43
//! tasks), with lead and coordinating agencies, expected output, completion
//! term, and their status on a date given progress records.
//!
//! Terms come in the kinds of the seeds ([`Term`]): a month ("Tháng 10 năm
//! 2025", "12/2025"), a quarter, a year ("Năm 2025", "2026"), a range
//! ("2025-2026"), weekly ("Hằng tuần"), yearly ("Hằng năm", "Năm 2025 và
//! những năm tiếp theo"), continuous ("Thường xuyên"), and event-triggered
//! ("Sau khi Tỉnh ban hành Kế hoạch", "Khi Trung ương ban hành"), which only
//! start when a progress record says the event happened.
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::tasks::{Register, TaskState, Term};
//! let reg = Register::base().unwrap();
//! let t = reg.get("000-V-4.3").unwrap(); // "hưởng ứng Ngày chuyển đổi số quốc gia 10/10"
//! assert_eq!(t.term, Term::Month { year: 2025, month: 10 });
//! let s = reg.status(t, &[], NaiveDate::from_ymd_opt(2025, 10, 15).unwrap());
//! assert!(matches!(s.state, TaskState::DueSoon { days_left: 16 }));
//! ```

use crate::bodies::{Bodies, Renamed};
use crate::calendar::date::format_date;
use crate::diagnostic::{Code, Diagnostic, Result, Text};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Days before a due date when a task is "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

/// A completion term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Term {
    /// Within a month.
    Month {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u32,
    },
    /// Within a quarter.
    Quarter {
        /// Year.
        year: i32,
        /// Quarter 1–4.
        quarter: u32,
    },
    /// Within a year.
    Year {
        /// Year.
        year: i32,
    },
    /// Over several years, done by the end of `to`.
    Range {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
    },
    /// Every week.
    Weekly,
    /// Every year (from a year on, when the seed says so).
    Yearly {
        /// First year, if given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<i32>,
    },
    /// Ongoing ("Thường xuyên").
    Continuous,
    /// Starts when an event happens ("Sau khi …", "Khi …").
    Event {
        /// The event, in the seed's words.
        event: String,
    },
}

fn roman(s: &str) -> Option<u32> {
    match s {
        "i" => Some(1),
        "ii" => Some(2),
        "iii" => Some(3),
        "iv" => Some(4),
        _ => None,
    }
}

/// The four-digit numbers in a text, in order.
fn years_in(s: &str) -> Vec<i32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .collect()
}

impl Term {
    /// Reads a term in the seeds' words.
    ///
    /// ```
    /// use dxplan::tasks::Term;
    /// assert_eq!(Term::parse("12/2025").unwrap(), Term::Month { year: 2025, month: 12 });
    /// assert_eq!(Term::parse("Quý I năm 2025").unwrap(), Term::Quarter { year: 2025, quarter: 1 });
    /// assert_eq!(Term::parse("2025- 2026").unwrap(), Term::Range { from: 2025, to: 2026 });
    /// assert_eq!(Term::parse("Năm 2025 và những năm tiếp theo").unwrap(), Term::Yearly { from: Some(2025) });
    /// assert!(matches!(Term::parse("Sau khi Tỉnh ban hành Kế hoạch").unwrap(), Term::Event { .. }));
    /// assert!(Term::parse("sớm").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Term> {
        let t = text.trim().trim_end_matches('.').trim();
        let l = t.to_lowercase();
        let words: Vec<&str> = l.split_whitespace().collect();
        let years = years_in(&l);
        let term =
            if l.starts_with("sau khi") || l.starts_with("khi ") || l.starts_with("ngay sau khi") {
                Some(Term::Event {
                    event: t.to_string(),
                })
            } else if l == "thường xuyên" || l == "thực hiện thường xuyên" {
                Some(Term::Continuous)
            } else if l == "hằng tuần" || l.contains("1 tuần/1 lần") || l.contains("01 tuần/1 lần")
            {
                Some(Term::Weekly)
            } else if l == "hằng năm" {
                Some(Term::Yearly { from: None })
            } else if (l.contains("tiếp theo") || l.contains("tiếp tục duy trì"))
                && years.len() == 1
            {
                Some(Term::Yearly {
                    from: years.first().copied(),
                })
            } else if let Some(i) = words.iter().position(|w| *w == "quý") {
                match (words.get(i + 1).and_then(|q| roman(q)), years.first()) {
                    (Some(q), Some(y)) => Some(Term::Quarter {
                        year: *y,
                        quarter: q,
                    }),
                    _ => None,
                }
            } else if let Some(i) = words.iter().position(|w| *w == "tháng") {
                let m = words
                    .get(i + 1)
                    .and_then(|m| m.parse::<u32>().ok())
                    .filter(|m| (1..=12).contains(m));
                match (m, years.first()) {
                    (Some(m), Some(y)) => Some(Term::Month { year: *y, month: m }),
                    _ => None,
                }
            } else if let Some((m, y)) = l.split_once('/').filter(|_| words.len() == 1) {
                match (
                    m.parse::<u32>().ok().filter(|m| (1..=12).contains(m)),
                    y.parse::<i32>().ok(),
                ) {
                    (Some(month), Some(year)) => Some(Term::Month { year, month }),
                    _ => None,
                }
            } else if years.len() == 2 && l.contains('-') {
                Some(Term::Range {
                    from: years[0],
                    to: years[1],
                })
            } else if years.len() == 1 {
                Some(Term::Year { year: years[0] })
            } else {
                None
            };
        term.filter(|t| t.years_ok()).ok_or_else(|| {
            Diagnostic::error(
                Code::TaskTermInvalid,
                Text::new(format!("Không đọc được thời hạn '{t}'"), format!("cannot read the term '{t}'")),
            )
            .with_hint(Text::new(
                "Dạng được hiểu: Tháng 10 năm 2025, 12/2025, Quý I năm 2025, Năm 2025, 2025-2026, Hằng tuần, Hằng năm, Thường xuyên, Sau khi …, Khi ….",
                "Understood: Tháng 10 năm 2025, 12/2025, Quý I năm 2025, Năm 2025, 2025-2026, Hằng tuần, Hằng năm, Thường xuyên, Sau khi …, Khi ….",
            ))
        })
    }

    fn years_ok(&self) -> bool {
        let ok = |y: i32| crate::calendar::date::check_year(y).is_ok();
        match *self {
            Term::Month { year, .. } | Term::Quarter { year, .. } | Term::Year { year } => ok(year),
            Term::Range { from, to } => ok(from) && ok(to) && from <= to,
            Term::Yearly { from: Some(y) } => ok(y),
            _ => true,
        }
    }

    /// The last day of a dated term (month, quarter, year, range).
    pub fn due(&self) -> Option<NaiveDate> {
        let end_of_month = |y: i32, m: u32| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
        };
        match *self {
            Term::Month { year, month } => end_of_month(year, month),
            Term::Quarter { year, quarter } => end_of_month(year, quarter * 3),
            Term::Year { year } | Term::Range { to: year, .. } => {
                NaiveDate::from_ymd_opt(year, 12, 31)
            }
            _ => None,
        }
    }
}

#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
struct RawTask {
    id: String,
    #[serde(default)]
    part_of: Option<String>,
    document: String,
    section: String,
    lines: [usize; 2],
    title: String,
    lead: Option<String>,
    coordinating: Option<String>,
    output: Option<String>,
    term: String,
    #[serde(default)]
    reading: Option<String>,
}

/// A task of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Task {
    /// Stable id: document, section and number (`000-V-4.3`, `004-II-17`;
    /// `000-V-8.1.2` for the second item of a task listed in items).
    pub id: String,
    /// The task this one is an item of, when the document lists items with
    /// terms of their own (000 §V.8.1: eight items, four due in Quý I/2025).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// The task, in the seed's words (long ones shortened at a sentence).
    pub title: String,
    /// Lead agency (cơ quan chủ trì).
    pub lead: String,
    /// Coordinating agencies (cơ quan phối hợp), when named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinating: Option<String>,
    /// Expected output (kết quả), when named (004 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// The term as written.
    pub term_text: String,
    /// The term as understood.
    pub term: Term,
    /// Document, section and lines.
    pub source: String,
    /// How dxplan read a cell whose place the document's layout leaves
    /// open (004 Appendix II tasks 11, 12, 23), with the lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
}

/// An event that event-triggered tasks wait for ("Trung ương ban hành văn
/// bản hướng dẫn", "Tỉnh ban hành Kế hoạch"), declared once with its day and
/// the tasks it starts: each of them is as if it had a `triggered` record
/// that day, noted with the event.
///
/// ```
/// use chrono::NaiveDate;
/// use dxplan::tasks::{Register, TaskEvent, TaskState};
/// let reg = Register::base().unwrap();
/// let day = |d| NaiveDate::from_ymd_opt(2025, 6, d).unwrap();
/// let e = TaskEvent {
///     event: "Bộ Khoa học và Công nghệ ban hành văn bản hướng dẫn".into(),
///     on: day(2),
///     starts: vec!["004-II-15".into(), "004-II-16".into()],
///     note: None,
/// };
/// let all = reg.statuses_with(None, &[], &[e], day(10), &Default::default()).unwrap();
/// let s = all.iter().find(|s| s.task.id == "004-II-16").unwrap();
/// assert_eq!(s.state, TaskState::NotStarted); // started, nothing done yet
/// assert_eq!(s.triggered_on, Some(day(2)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TaskEvent {
    /// What happened, in words (the document issued, by whom).
    pub event: String,
    /// The day it happened.
    pub on: NaiveDate,
    /// The ids of the event-triggered tasks it starts.
    pub starts: Vec<String>,
    /// A note (the document's number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl TaskEvent {
    /// The event as the `triggered` progress records it stands for.
    fn records(&self) -> impl Iterator<Item = Progress> + '_ {
        let said = match &self.note {
            Some(n) if !n.trim().is_empty() => format!("{} — {}", self.event.trim(), n.trim()),
            _ => self.event.trim().to_string(),
        };
        self.starts.iter().map(move |t| Progress {
            task: t.clone(),
            on: self.on,
            kind: ProgressKind::Triggered,
            note: Some(said.clone()),
        })
    }
}

/// What a progress record says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProgressKind {
    /// Work was done on the task.
    Progress,
    /// The task is complete.
    Done,
    /// The event an event-triggered task waits for happened.
    Triggered,
}

/// A progress record, as the caller keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Task id.
    pub task: String,
    /// Day of the record.
    pub on: NaiveDate,
    /// What it says.
    pub kind: ProgressKind,
    /// A note (the document issued, the event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a task stands on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum TaskState {
    /// No progress recorded yet, and not due soon.
    NotStarted,
    /// Progress recorded, not due soon.
    InProgress,
    /// Not done and due within [`DUE_SOON_DAYS`] days.
    DueSoon {
        /// Days to the due date.
        days_left: i64,
    },
    /// Not done and past its due date (or, weekly, no record in the last week).
    Overdue {
        /// Days past.
        days_late: i64,
    },
    /// Completed.
    Done {
        /// Day of completion.
        on: NaiveDate,
    },
    /// Event-triggered and the event has not happened yet.
    WaitingForTrigger,
}

/// A task's status on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TaskStatus<'r> {
    /// The task.
    pub task: &'r Task,
    /// Its state.
    #[serde(flatten)]
    pub state: TaskState,
    /// Due date of a dated term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// For an event-triggered task, the day its event was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triggered_on: Option<NaiveDate>,
    /// The event, as its record or [`TaskEvent`] words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triggered_by: Option<String>,
    /// The state in words.
    pub message: Text,
    /// The agencies named by the task (lead or coordinating) that had ended
    /// by the day, and who holds their work now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies_changed: Vec<Renamed>,
}

/// The register of tasks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Register {
    tasks: Vec<Task>,
}

const SEED_TASKS: &str = include_str!("register.json");

impl Register {
    /// Reads a register from JSON (the format of `core/src/tasks/register.json`).
    pub fn from_json(text: &str) -> Result<Register> {
        let raw: Vec<RawTask> = serde_json::from_str(text).map_err(|e| {
            Diagnostic::error(
                Code::InputInvalidJson,
                Text::new(
                    format!("Danh mục nhiệm vụ không đọc được: {e}"),
                    format!("cannot read the task register: {e}"),
                ),
            )
        })?;
        let mut tasks = Vec::with_capacity(raw.len());
        for (i, r) in raw.into_iter().enumerate() {
            let term = Term::parse(&r.term).map_err(|d| d.at(format!("/{i}/term")))?;
            tasks.push(Task {
                source: format!(
                    "{} {}, dòng {}–{}",
                    r.document, r.section, r.lines[0], r.lines[1]
                ),
                id: r.id,
                part_of: r.part_of,
                title: r.title,
                lead: r.lead.unwrap_or_default(),
                coordinating: r.coordinating,
                output: r.output,
                term_text: r.term,
                term,
                reading: r.reading,
            });
        }
        Ok(Register { tasks })
    }

    /// The tasks of 000 §V and 004 Appendix II.
    pub fn base() -> Result<&'static Register> {
        static SEEDS: OnceLock<Result<Register>> = OnceLock::new();
        SEEDS
            .get_or_init(|| Register::from_json(SEED_TASKS))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Every task, in document order.
    pub fn iter(&self) -> impl Iterator<Item = &Task> {
        self.tasks.iter()
    }

    /// The number of tasks.
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Whether there is no task.
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The task with this id. A task kept as its items (000-V-8.1) is not a
    /// task of its own: the error names its items.
    ///
    /// ```
    /// let reg = dxplan::tasks::Register::base().unwrap();
    /// let e = reg.get("000-V-8.1").unwrap_err();
    /// assert!(e.hint.unwrap().vi.contains("000-V-8.1.1"));
    /// ```
    pub fn get(&self, id: &str) -> Result<&Task> {
        self.tasks.iter().find(|t| t.id == id).ok_or_else(|| {
            let items: Vec<&str> = self
                .tasks
                .iter()
                .filter(|t| t.part_of.as_deref() == Some(id))
                .map(|t| t.id.as_str())
                .collect();
            let hint = if items.is_empty() {
                Text::new(
                    "Xem danh sách bằng `dxplan tasks`.",
                    "List them with `dxplan tasks`.",
                )
            } else {
                Text::new(
                    format!(
                        "Nhiệm vụ {id} được theo dõi theo từng ý, mỗi ý một thời hạn: {}.",
                        items.join(", ")
                    ),
                    format!(
                        "Task {id} is followed item by item, each with its own term: {}.",
                        items.join(", ")
                    ),
                )
            };
            Diagnostic::error(
                Code::TaskUnknown,
                Text::new(
                    format!("Không có nhiệm vụ '{id}'"),
                    format!("no task '{id}'"),
                ),
            )
            .with_hint(hint)
        })
    }

    /// The tasks an agency leads or coordinates (case-insensitive match on its name).
    ///
    /// ```
    /// let reg = dxplan::tasks::Register::base().unwrap();
    /// assert!(reg.for_agency("Phòng Giáo dục").iter().any(|t| t.id == "000-V-3.5"));
    /// ```
    pub fn for_agency(&self, name: &str) -> Vec<&Task> {
        let n = name.trim().to_lowercase();
        self.tasks
            .iter()
            .filter(|t| {
                t.lead.to_lowercase().contains(&n)
                    || t.coordinating
                        .as_deref()
                        .is_some_and(|c| c.to_lowercase().contains(&n))
            })
            .collect()
    }

    /// Checks progress records: each names a task of the register and a
    /// supported date; a `triggered` record is for an event-triggered task.
    /// Returns the diagnostics (`/i/task`, `/i/kind`, `/i/on`).
    pub fn check_progress(&self, records: &[Progress]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, p) in records.iter().enumerate() {
            match self.get(&p.task) {
                Err(d) => out.push(d.at(format!("/{i}/task"))),
                Ok(t) if p.kind == ProgressKind::Triggered => {
                    out.extend(waits_for_event(t).map(|d| d.at(format!("/{i}/kind"))));
                }
                Ok(_) => {}
            }
            if let Err(d) = crate::calendar::date::check_date(p.on) {
                out.push(d.at(format!("/{i}/on")));
            }
        }
        out
    }

    /// Checks events: each is worded, names at least one task, and every
    /// task it starts exists and waits for an event. Returns the diagnostics
    /// (`/i/event`, `/i/starts`, `/i/starts/j`, `/i/on`).
    ///
    /// ```
    /// use dxplan::tasks::{Register, TaskEvent};
    /// let reg = Register::base().unwrap();
    /// let e = TaskEvent {
    ///     event: "Tỉnh ban hành Kế hoạch".into(),
    ///     on: chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap(),
    ///     starts: vec!["000-V-1.2".into(), "000-V-4.3".into()],
    ///     note: None,
    /// };
    /// let d = reg.check_events(&[e]);
    /// assert_eq!(d[0].code.as_str(), "task.not_event_triggered");
    /// assert_eq!(d[0].path.as_deref(), Some("/0/starts/1"));
    /// ```
    pub fn check_events(&self, events: &[TaskEvent]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, e) in events.iter().enumerate() {
            if e.event.trim().is_empty() {
                out.push(
                    Diagnostic::error(
                        Code::TaskEventInvalid,
                        Text::new(
                            "Sự kiện chưa ghi nội dung: cần nêu việc gì đã xảy ra",
                            "the event is not worded: say what happened",
                        ),
                    )
                    .with_hint(Text::new(
                        "Ví dụ: \"event\": \"Bộ Khoa học và Công nghệ ban hành văn bản hướng dẫn\".",
                        "For example: \"event\": \"Bộ Khoa học và Công nghệ ban hành văn bản hướng dẫn\".",
                    ))
                    .at(format!("/{i}/event")),
                );
            }
            if e.starts.is_empty() {
                out.push(
                    Diagnostic::error(
                        Code::TaskEventInvalid,
                        Text::new(
                            format!("Sự kiện \"{}\" không khởi động nhiệm vụ nào", e.event.trim()),
                            format!("the event \"{}\" starts no task", e.event.trim()),
                        ),
                    )
                    .with_hint(Text::new(
                        "Ghi mã các nhiệm vụ chờ sự kiện này trong \"starts\", ví dụ [\"004-II-15\", \"004-II-16\"].",
                        "List the ids of the tasks waiting for it in \"starts\", e.g. [\"004-II-15\", \"004-II-16\"].",
                    ))
                    .at(format!("/{i}/starts")),
                );
            }
            for (j, id) in e.starts.iter().enumerate() {
                match self.get(id) {
                    Err(d) => out.push(d.at(format!("/{i}/starts/{j}"))),
                    Ok(t) => {
                        out.extend(waits_for_event(t).map(|d| d.at(format!("/{i}/starts/{j}"))))
                    }
                }
            }
            if let Err(d) = crate::calendar::date::check_date(e.on) {
                out.push(d.at(format!("/{i}/on")));
            }
        }
        out
    }

    /// The status on `as_of` of every task (or of the tasks `agency` leads or
    /// coordinates), after checking the progress records: the first bad
    /// record is the error.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let reg = dxplan::tasks::Register::base().unwrap();
    /// let day = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
    /// let all = reg.statuses(None, &[], day).unwrap();
    /// assert_eq!(all.len(), reg.len());
    /// ```
    pub fn statuses(
        &self,
        agency: Option<&str>,
        records: &[Progress],
        as_of: NaiveDate,
    ) -> crate::Result<Vec<TaskStatus<'_>>> {
        self.statuses_with(agency, records, &[], as_of, &Bodies::default())
    }

    /// [`Register::statuses`] with events ([`TaskEvent`]) and the agencies
    /// read on `as_of` through the bodies that ended: a task names the agency
    /// as the document wrote it, its status says who holds the work now, and
    /// `agency` finds a task by either name. The first bad record or event is
    /// the error, at `/progress/i/…` or `/events/i/…`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let reg = dxplan::tasks::Register::base().unwrap();
    /// let bodies = &dxplan::defaults::rules().plans.bodies;
    /// let day = NaiveDate::from_ymd_opt(2025, 11, 30).unwrap();
    /// // Sở TT&TT merged into Sở KH&CN on 1/3/2025 (rules/2025.rhai): its 22 tasks are found too.
    /// let found = reg.statuses_with(Some("Sở Khoa học và Công nghệ"), &[], &[], day, bodies).unwrap();
    /// assert!(found.len() >= 22);
    /// ```
    pub fn statuses_with(
        &self,
        agency: Option<&str>,
        records: &[Progress],
        events: &[TaskEvent],
        as_of: NaiveDate,
        bodies: &Bodies,
    ) -> crate::Result<Vec<TaskStatus<'_>>> {
        let bad = self
            .check_progress(records)
            .into_iter()
            .map(|d| prefixed(d, "/progress"))
            .chain(
                self.check_events(events)
                    .into_iter()
                    .map(|d| prefixed(d, "/events")),
            )
            .next();
        if let Some(d) = bad {
            return Err(d);
        }
        let started: Vec<Progress> = events.iter().flat_map(TaskEvent::records).collect();
        let all: Vec<Progress> = records.iter().cloned().chain(started).collect();
        let records = all.as_slice();
        let named = |t: &Task| {
            let mut text = t.lead.clone();
            if let Some(c) = &t.coordinating {
                text.push_str("; ");
                text.push_str(c);
            }
            bodies.renamed_in(&text, as_of)
        };
        let wanted = agency.map(|a| a.trim().to_lowercase());
        Ok(self
            .tasks
            .iter()
            .filter_map(|t| {
                let changed = named(t);
                if let Some(a) = &wanted {
                    let in_text = t.lead.to_lowercase().contains(a)
                        || t.coordinating
                            .as_deref()
                            .is_some_and(|c| c.to_lowercase().contains(a));
                    let in_successor = changed.iter().any(|r| {
                        r.now
                            .as_ref()
                            .is_some_and(|s| s.name.vi.to_lowercase().contains(a))
                    });
                    if !in_text && !in_successor {
                        return None;
                    }
                }
                let mut s = self.status(t, records, as_of);
                s.agencies_changed = changed;
                Some(s)
            })
            .collect())
    }

    /// The status of `task` on `as_of`, given the progress records (records
    /// of other tasks and records after `as_of` are ignored).
    pub fn status<'r>(
        &self,
        task: &'r Task,
        records: &[Progress],
        as_of: NaiveDate,
    ) -> TaskStatus<'r> {
        let mine: Vec<&Progress> = records
            .iter()
            .filter(|p| p.task == task.id && p.on <= as_of)
            .collect();
        let due = task.term.due();
        // Only an event-triggered task has a trigger (check_progress and
        // check_events refuse others); the first event recorded starts it.
        let trigger = match task.term {
            Term::Event { .. } => mine
                .iter()
                .filter(|p| p.kind == ProgressKind::Triggered)
                .min_by_key(|p| p.on),
            _ => None,
        };
        let triggered_on = trigger.map(|p| p.on);
        let triggered_by = trigger.and_then(|p| p.note.clone());
        let progress_since = |from: Option<NaiveDate>| {
            mine.iter()
                .filter(|p| p.kind == ProgressKind::Progress && from.is_none_or(|f| p.on >= f))
                .map(|p| p.on)
                .max()
        };
        let state = if let Some(on) = mine
            .iter()
            .filter(|p| p.kind == ProgressKind::Done)
            .map(|p| p.on)
            .min()
        {
            TaskState::Done { on }
        } else {
            match &task.term {
                Term::Event { .. } => match triggered_on {
                    None => TaskState::WaitingForTrigger,
                    Some(t) if progress_since(Some(t)).is_some() => TaskState::InProgress,
                    Some(_) => TaskState::NotStarted,
                },
                Term::Continuous => {
                    if progress_since(None).is_some() {
                        TaskState::InProgress
                    } else {
                        TaskState::NotStarted
                    }
                }
                Term::Weekly => match progress_since(None) {
                    None => TaskState::NotStarted,
                    Some(last) if (as_of - last).num_days() < 7 => TaskState::InProgress,
                    Some(last) => TaskState::Overdue {
                        days_late: (as_of - last).num_days() - 6,
                    },
                },
                Term::Yearly { from } => {
                    let year_start = NaiveDate::from_ymd_opt(as_of.year(), 1, 1);
                    let year_end = NaiveDate::from_ymd_opt(as_of.year(), 12, 31);
                    if from.is_some_and(|f| as_of.year() < f) {
                        TaskState::NotStarted
                    } else if progress_since(year_start).is_some() {
                        TaskState::InProgress
                    } else {
                        match year_end.map(|e| (e - as_of).num_days()) {
                            Some(d) if d <= DUE_SOON_DAYS => TaskState::DueSoon { days_left: d },
                            _ => TaskState::NotStarted,
                        }
                    }
                }
                _ => match due {
                    Some(d) if as_of > d => TaskState::Overdue {
                        days_late: (as_of - d).num_days(),
                    },
                    Some(d) if (d - as_of).num_days() <= DUE_SOON_DAYS => TaskState::DueSoon {
                        days_left: (d - as_of).num_days(),
                    },
                    _ if progress_since(None).is_some() => TaskState::InProgress,
                    _ => TaskState::NotStarted,
                },
            }
        };
        let mut message = describe(&state, due);
        if let (Some(on), false) = (triggered_on, matches!(state, TaskState::Done { .. })) {
            let what = triggered_by
                .as_deref()
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
            message = Text::new(
                format!("{} (khởi động ngày {}{what})", message.vi, format_date(on)),
                format!("{} (started on {}{what})", message.en, format_date(on)),
            );
        }
        TaskStatus {
            task,
            state,
            due,
            triggered_on,
            triggered_by,
            message,
            agencies_changed: Vec::new(),
        }
    }
}

/// `d` with its path under `prefix`.
fn prefixed(d: Diagnostic, prefix: &str) -> Diagnostic {
    let path = format!("{prefix}{}", d.path.as_deref().unwrap_or(""));
    d.at(path)
}

/// `task.not_event_triggered` for a task whose term waits for no event.
fn waits_for_event(t: &Task) -> Option<Diagnostic> {
    if matches!(t.term, Term::Event { .. }) {
        return None;
    }
    Some(
        Diagnostic::error(
            Code::TaskNotEventTriggered,
            Text::new(
                format!(
                    "Nhiệm vụ {} có thời hạn \"{}\", không chờ sự kiện nào: không thể ghi sự kiện khởi động cho nhiệm vụ này",
                    t.id, t.term_text
                ),
                format!(
                    "task {} is due \"{}\" and waits for no event: it cannot be started by one",
                    t.id, t.term_text
                ),
            ),
        )
        .with_hint(Text::new(
            "Ghi tiến độ bằng \"progress\" hoặc \"done\"; sự kiện khởi động chỉ dành cho nhiệm vụ có thời hạn \"Sau khi …\", \"Khi …\".",
            "Record \"progress\" or \"done\"; events start only tasks due \"Sau khi …\" or \"Khi …\".",
        )),
    )
}

fn describe(s: &TaskState, due: Option<NaiveDate>) -> Text {
    let d = due.map(format_date).unwrap_or_default();
    match s {
        TaskState::NotStarted => Text::new("chưa thực hiện", "not started"),
        TaskState::InProgress => Text::new("đang thực hiện", "in progress"),
        TaskState::DueSoon { days_left } if d.is_empty() => Text::new(
            format!("sắp đến hạn cuối năm: còn {days_left} ngày"),
            format!("due at the end of the year: {days_left} days left"),
        ),
        TaskState::DueSoon { days_left } => Text::new(
            format!("sắp đến hạn {d}: còn {days_left} ngày"),
            format!("due {d}: {days_left} days left"),
        ),
        TaskState::Overdue { days_late } if d.is_empty() => Text::new(
            format!("quá hạn: {days_late} ngày không có cập nhật hằng tuần"),
            format!("overdue: weekly update missing for {days_late} days"),
        ),
        TaskState::Overdue { days_late } => Text::new(
            format!("quá hạn {d}: trễ {days_late} ngày"),
            format!("overdue since {d}: {days_late} days late"),
        ),
        TaskState::Done { on } => Text::new(
            format!("đã hoàn thành ngày {}", format_date(*on)),
            format!("done on {}", format_date(*on)),
        ),
        TaskState::WaitingForTrigger => {
            Text::new("chờ sự kiện khởi động", "waiting for its trigger")
        }
    }
}
