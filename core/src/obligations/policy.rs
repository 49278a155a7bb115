//! Deadline policies: how "trước ngày X" becomes a last on-time day.
//!
//! Two questions the plans leave open, each answered by a named policy
//! (`DOMAIN.md`, "Questions the engine must answer explicitly"):
//!
//! 1. **Boundary.** "trước ngày 20" literally means *before* the 20th, so the
//!    last on-time day is the 19th ([`Boundary::Exclusive`], the default).
//!    [`Boundary::Inclusive`] reads it as "by the 20th". The law does not
//!    define "trước ngày X".
//! 2. **Day off.** When that last day is a weekend or holiday:
//!    [`NonWorkingDayRule::Keep`] (default) keeps the date the document
//!    names and flags it; [`NonWorkingDayRule::RollForward`] moves it to the
//!    next working day, as Civil Code 2015 art. 148(5) does for periods counted
//!    in days; [`NonWorkingDayRule::PullBack`] moves it to the previous working
//!    day, so that the report is in the recipient's hands on a working day.
//!
//! `Keep` is the default because a plan's "trước ngày X" names a calendar
//! date, not a period counted in days, and the engine should not silently
//! give more time than the document does; every obligation reports the date
//! under all three rules so that a caller can see the difference.
//!
//! ```
//! use dxplan::{Boundary, DeadlinePolicy, NonWorkingDayRule};
//! let p: DeadlinePolicy = "inclusive+roll_forward".parse().unwrap();
//! assert_eq!(p.boundary, Boundary::Inclusive);
//! assert_eq!(p.non_working_day, NonWorkingDayRule::RollForward);
//! assert_eq!(DeadlinePolicy::default().to_string(), "exclusive+keep");
//! ```

use crate::diagnostic::{Code, Diagnostic, Result, Text};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Whether the day named in "trước ngày X" is itself on time.
///
/// ```
/// assert_eq!("exclusive".parse::<dxplan::Boundary>().unwrap(), dxplan::Boundary::Exclusive);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Boundary {
    /// "Before X": the last on-time day is the day before X.
    #[default]
    Exclusive,
    /// "By X": X itself is on time.
    Inclusive,
}

/// What to do when the last on-time day is not a working day.
///
/// ```
/// assert_eq!(dxplan::NonWorkingDayRule::PullBack.as_str(), "pull_back");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NonWorkingDayRule {
    /// Keep the day the document names (and flag it).
    #[default]
    Keep,
    /// Move to the next working day (Civil Code 2015 art. 148(5)).
    RollForward,
    /// Move to the previous working day.
    PullBack,
}

impl NonWorkingDayRule {
    /// All rules, in the order they are reported.
    pub const ALL: [NonWorkingDayRule; 3] = [
        NonWorkingDayRule::Keep,
        NonWorkingDayRule::RollForward,
        NonWorkingDayRule::PullBack,
    ];

    /// The stable name of the rule.
    ///
    /// ```
    /// assert_eq!(dxplan::NonWorkingDayRule::RollForward.as_str(), "roll_forward");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NonWorkingDayRule::Keep => "keep",
            NonWorkingDayRule::RollForward => "roll_forward",
            NonWorkingDayRule::PullBack => "pull_back",
        }
    }

    /// The rule in words, for people ("lùi sang ngày làm việc kế tiếp").
    ///
    /// ```
    /// assert_eq!(dxplan::NonWorkingDayRule::Keep.name().vi, "giữ nguyên");
    /// ```
    pub fn name(self) -> Text {
        match self {
            NonWorkingDayRule::Keep => Text::new("giữ nguyên", "kept"),
            NonWorkingDayRule::RollForward => Text::new(
                "lùi sang ngày làm việc kế tiếp",
                "moved to the next working day",
            ),
            NonWorkingDayRule::PullBack => Text::new(
                "đưa lên ngày làm việc trước",
                "moved to the previous working day",
            ),
        }
    }
}

impl Boundary {
    /// The stable name of the boundary.
    ///
    /// ```
    /// assert_eq!(dxplan::Boundary::Inclusive.as_str(), "inclusive");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Boundary::Exclusive => "exclusive",
            Boundary::Inclusive => "inclusive",
        }
    }

    /// The boundary in words, for people.
    ///
    /// ```
    /// assert_eq!(dxplan::Boundary::Exclusive.name().vi, "\"trước ngày X\": hạn là ngày liền trước X");
    /// ```
    pub fn name(self) -> Text {
        match self {
            Boundary::Exclusive => Text::new(
                "\"trước ngày X\": hạn là ngày liền trước X",
                "\"before day X\": due the day before X",
            ),
            Boundary::Inclusive => Text::new("hạn là chính ngày X", "due on day X itself"),
        }
    }
}

fn unknown_policy(input: &str) -> Diagnostic {
    Diagnostic::error(
        Code::PolicyUnknown,
        Text::new(
            format!("Chính sách hạn không hợp lệ: '{}'", crate::excerpt(input)),
            format!("unknown deadline policy: '{}'", crate::excerpt(input)),
        ),
    )
    .with_hint(Text::new(
        "Ranh giới: exclusive | inclusive; ngày nghỉ: keep | roll_forward | pull_back; ví dụ exclusive+keep.",
        "Boundary: exclusive | inclusive; day off: keep | roll_forward | pull_back; e.g. exclusive+keep.",
    ))
}

impl FromStr for Boundary {
    type Err = Diagnostic;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "exclusive" => Ok(Boundary::Exclusive),
            "inclusive" => Ok(Boundary::Inclusive),
            _ => Err(unknown_policy(s)),
        }
    }
}

impl FromStr for NonWorkingDayRule {
    type Err = Diagnostic;
    fn from_str(s: &str) -> Result<Self> {
        NonWorkingDayRule::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| unknown_policy(s))
    }
}

/// A named deadline policy: boundary plus day-off rule. Written
/// `boundary+rule`, e.g. `exclusive+keep` (the default).
///
/// ```
/// let p = dxplan::DeadlinePolicy::default();
/// assert_eq!(p.to_string(), "exclusive+keep");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeadlinePolicy {
    /// Whether the named day is on time.
    pub boundary: Boundary,
    /// What to do when the last on-time day is a day off.
    pub non_working_day: NonWorkingDayRule,
}

impl DeadlinePolicy {
    /// The policy of Civil Code 2015 art. 147–148 for periods counted in days
    /// ("sau 05 ngày kể từ…"): the last day counts, and a last day that is a
    /// day off moves to the next working day.
    ///
    /// ```
    /// assert_eq!(dxplan::DeadlinePolicy::CIVIL_CODE_PERIOD.to_string(), "inclusive+roll_forward");
    /// ```
    pub const CIVIL_CODE_PERIOD: DeadlinePolicy = DeadlinePolicy {
        boundary: Boundary::Inclusive,
        non_working_day: NonWorkingDayRule::RollForward,
    };
}

impl DeadlinePolicy {
    /// The policy in words, for people: the boundary, then what a last day
    /// that is a day off becomes (the stable id is [`fmt::Display`]).
    ///
    /// ```
    /// let p: dxplan::DeadlinePolicy = "exclusive+keep".parse().unwrap();
    /// assert_eq!(p.name().vi, "\"trước ngày X\": hạn là ngày liền trước X; gặp ngày nghỉ: giữ nguyên");
    /// ```
    pub fn name(&self) -> Text {
        let (b, r) = (self.boundary.name(), self.non_working_day.name());
        Text::new(
            format!("{}; gặp ngày nghỉ: {}", b.vi, r.vi),
            format!("{}; a day off is {}", b.en, r.en),
        )
    }
}

impl fmt::Display for DeadlinePolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}+{}",
            self.boundary.as_str(),
            self.non_working_day.as_str()
        )
    }
}

impl FromStr for DeadlinePolicy {
    type Err = Diagnostic;
    fn from_str(s: &str) -> Result<Self> {
        let (b, r) = s.split_once('+').ok_or_else(|| unknown_policy(s))?;
        Ok(DeadlinePolicy {
            boundary: b.parse().map_err(|_| unknown_policy(s))?,
            non_working_day: r.parse().map_err(|_| unknown_policy(s))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_combination_and_rejects_others() {
        for b in ["exclusive", "inclusive"] {
            for r in ["keep", "roll_forward", "pull_back"] {
                let text = format!("{b}+{r}");
                assert_eq!(text.parse::<DeadlinePolicy>().unwrap().to_string(), text);
            }
        }
        for bad in [
            "",
            "keep",
            "exclusive",
            "exclusive+",
            "before+keep",
            "exclusive+later",
        ] {
            assert_eq!(
                bad.parse::<DeadlinePolicy>().unwrap_err().code,
                Code::PolicyUnknown,
                "{bad}"
            );
        }
    }
}
