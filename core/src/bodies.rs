//! Bodies through time: which agency, office or level ended on which day,
//! and who took over. The 2025 reorganisation (DOMAIN.md) ended bodies
//! *within* a year — Sở TT&TT merged into Sở KH&CN on 1/3/2025, Kon Tum
//! province into Quảng Ngãi and the district level (Kon Tum city included)
//! ended on 1/7/2025 — so a report's recipient and a task's lead agency are
//! read on a date: an ended body with a successor is followed to it; one
//! without is flagged, never silently kept.
//!
//! The rule scripts declare the changes (`ket_thuc`, `ket_thuc_cap`); this
//! module only holds and reads them, and the number of provinces, which
//! bounds every provincial rank.
//!
//! ```
//! use chrono::NaiveDate;
//! use dxplan::bodies::{Bodies, BodyEnd, Successor};
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let mut b = Bodies::default();
//! b.ends.push(BodyEnd {
//!     id: "so-tttt".into(),
//!     names: vec!["Sở Thông tin và Truyền thông".into()],
//!     ends_on: d(2025, 3, 1),
//!     successor: Some(Successor { id: "so-khcn".into(), name: dxplan::Text::new("Sở Khoa học và Công nghệ", "Department of Science and Technology") }),
//!     source: "DOMAIN.md".into(),
//! });
//! assert!(b.end_of("so-tttt", d(2025, 2, 28)).is_none());
//! assert_eq!(b.end_of("so-tttt", d(2025, 3, 1)).unwrap().successor.as_ref().unwrap().id, "so-khcn");
//! assert_eq!(dxplan::bodies::provinces_on(d(2025, 6, 30)).0, 63);
//! assert_eq!(dxplan::bodies::provinces_on(d(2025, 7, 1)).0, 34);
//! ```

use crate::diagnostic::Text;
use chrono::NaiveDate;
use serde::Serialize;

/// Who takes over from a body that ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Successor {
    /// Its id (as a recipient).
    pub id: String,
    /// Its name.
    pub name: Text,
}

/// A body (agency, office) that ends on a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BodyEnd {
    /// Its id as a recipient of reports (`so-tttt`).
    pub id: String,
    /// How the documents name it (a task's lead agency contains one of these).
    pub names: Vec<String>,
    /// The first day it no longer exists.
    pub ends_on: NaiveDate,
    /// Who takes over, when a source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<Successor>,
    /// Where the change is declared (document, or rule file:line:column).
    pub source: String,
}

/// A reporting level that ends on a day (the district level, 1/7/2025):
/// every body of that level ends with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LevelEnd {
    /// The reporting level's id (`city_office`).
    pub level: String,
    /// The first day it no longer exists.
    pub ends_on: NaiveDate,
    /// Where the change is declared.
    pub source: String,
}

/// A body (or its level) that ended, as an obligation records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ended {
    /// The first day it no longer existed.
    pub since: NaiveDate,
    /// Where the end is declared.
    pub source: String,
}

/// The changes of bodies and levels the rules know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Bodies {
    /// Bodies that end.
    pub ends: Vec<BodyEnd>,
    /// Levels that end.
    pub levels: Vec<LevelEnd>,
}

/// What became of a body by a day: still there, followed to its successor
/// (possibly through several), or ended without one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate<'b> {
    /// It exists on that day.
    Exists,
    /// It ended; these took over, in order (the last one is in office).
    Succeeded(Vec<&'b BodyEnd>),
    /// It ended (or its level did) and no successor is declared.
    Ended {
        /// The first day it no longer existed.
        since: NaiveDate,
        /// Where the end is declared.
        source: String,
        /// The successions followed before it (when a successor ended too).
        via: Vec<&'b BodyEnd>,
    },
}

impl Bodies {
    /// The end of the body `id` on or before `on`, if it has ended.
    pub fn end_of(&self, id: &str, on: NaiveDate) -> Option<&BodyEnd> {
        self.ends
            .iter()
            .filter(|e| e.id == id && e.ends_on <= on)
            .min_by_key(|e| e.ends_on)
    }

    /// The end of the level `level` on or before `on`, if it has ended.
    pub fn level_end(&self, level: &str, on: NaiveDate) -> Option<&LevelEnd> {
        self.levels
            .iter()
            .filter(|e| e.level == level && e.ends_on <= on)
            .min_by_key(|e| e.ends_on)
    }

    /// What became of the body `id` (of level `level`) by `on`.
    pub fn fate(&self, id: &str, level: &str, on: NaiveDate) -> Fate<'_> {
        let mut via: Vec<&BodyEnd> = Vec::new();
        let mut current = id.to_string();
        // A chain is as long as the declared ends at most (no cycles followed).
        for _ in 0..=self.ends.len() {
            match self.end_of(&current, on) {
                Some(end) => match &end.successor {
                    Some(s) if !via.iter().any(|v| v.id == s.id) => {
                        via.push(end);
                        current = s.id.clone();
                    }
                    _ => {
                        return Fate::Ended {
                            since: end.ends_on,
                            source: end.source.clone(),
                            via,
                        }
                    }
                },
                None => break,
            }
        }
        if via.is_empty() {
            if let Some(l) = self.level_end(level, on) {
                return Fate::Ended {
                    since: l.ends_on,
                    source: l.source.clone(),
                    via,
                };
            }
            return Fate::Exists;
        }
        Fate::Succeeded(via)
    }

    /// The successions of the bodies named in `text` (a task's lead agency)
    /// that happened by `on`, each with the name found and who is in office
    /// now (following a chain of successions).
    pub fn renamed_in(&self, text: &str, on: NaiveDate) -> Vec<Renamed> {
        let mut out: Vec<Renamed> = Vec::new();
        for end in self.ends.iter().filter(|e| e.ends_on <= on) {
            let Some(name) = end.names.iter().find(|n| text.contains(n.as_str())) else {
                continue;
            };
            if out.iter().any(|r| r.named == *name) {
                continue;
            }
            let mut now = end.successor.clone();
            let mut since = end.ends_on;
            let mut source = end.source.clone();
            // Follow the successor's own end (Sở KH&CN Kon Tum → Quảng Ngãi).
            for _ in 0..self.ends.len() {
                let Some(next) = now.as_ref().and_then(|s| self.end_of(&s.id, on)) else {
                    break;
                };
                now = next.successor.clone();
                since = next.ends_on;
                source = format!("{source}; {}", next.source);
            }
            out.push(Renamed {
                named: name.clone(),
                now,
                since,
                source,
            });
        }
        out
    }
}

/// A body named in a text that ended, and who holds its work now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Renamed {
    /// The name as the text writes it.
    pub named: String,
    /// Who holds its work now (`None`: no successor declared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<Successor>,
    /// Since when (the last change followed).
    pub since: NaiveDate,
    /// Where the changes are declared.
    pub source: String,
}

/// The number of provinces on `on`, with its source: 63 until 30/6/2025 (the
/// count of every year of the plans, since Resolution 15/2008/QH12 merged Hà
/// Tây into Hà Nội on 1/8/2008), 34 from 1/7/2025 (Resolution 202/2025/QH15,
/// DOMAIN.md). A provincial rank (DTI, PCI, digital competitiveness) is
/// between 1 and that number.
pub fn provinces_on(on: NaiveDate) -> (u32, &'static str) {
    if NaiveDate::from_ymd_opt(2025, 7, 1).is_some_and(|d| on >= d) {
        (
            34,
            "Nghị quyết 202/2025/QH15: 34 tỉnh, thành phố từ 01/07/2025 (DOMAIN.md)",
        )
    } else {
        (
            63,
            "Nghị quyết 15/2008/QH12: 63 tỉnh, thành phố từ 01/08/2008 đến 30/06/2025",
        )
    }
}
