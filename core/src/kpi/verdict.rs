//! An indicator's outcome in words: what is met, and what is still missing.
//!
//! One sentence per result, written by the engine so that the CLI, the
//! package and the forms say the same thing. A miss says what the target
//! needs ("cần trên 80 %"), never a bare "chênh lệch 0" under a strict
//! target; a horizon not yet due says "đang thực hiện", with the gap and the
//! milestone already due.
//!
//! ```
//! use dxplan::kpi::{evaluate, UnitInput};
//! let input: UnitInput = serde_json::from_str(r#"{"unit": "tinh", "level": "province",
//!     "period": "2023", "values": {"dossiers_online": 75, "dossiers_total": 100}}"#).unwrap();
//! let ev = evaluate(&dxplan::defaults::rules().catalog, &input, &["dti-2022"]);
//! // 003 §V.19: "trên 70% vào cuối năm 2022, 80% vào cuối năm 2025".
//! assert_eq!(
//!     ev.results[0].summary().vi,
//!     "đang thực hiện: mục tiêu ≥ 80 % vào cuối năm 2025, còn thiếu 5 điểm phần trăm; đạt mốc > 70 % (cuối năm 2022)"
//! );
//! ```

use super::eval::{AppliedTarget, KpiResult, KpiStatus};
use super::{Comparator, Exact, ValueUnit};
use crate::diagnostic::{Lang, Text};

/// `value` with its unit: `80 %`, `1/tuần`, `35`.
///
/// ```
/// use dxplan::kpi::{verdict::with_unit, ValueUnit};
/// assert_eq!(with_unit("97,5", ValueUnit::Percent, dxplan::Lang::Vi), "97,5 %");
/// assert_eq!(with_unit("1", ValueUnit::PerWeek, dxplan::Lang::En), "1/week");
/// ```
pub fn with_unit(value: &str, unit: ValueUnit, lang: Lang) -> String {
    match unit {
        ValueUnit::Percent => format!("{value} %"),
        ValueUnit::PerWeek => match lang {
            Lang::Vi => format!("{value}/tuần"),
            Lang::En => format!("{value}/week"),
        },
        ValueUnit::Count | ValueUnit::Rank => value.to_string(),
    }
}

/// What the target asks for, in words: "trên 80 %", "ít nhất 65 %",
/// "thứ hạng 35 trở lên".
fn wanted(t: &AppliedTarget) -> Text {
    let v = t.effective_value.display();
    let (vi, en) = (
        with_unit(&v.vi, t.unit, Lang::Vi),
        with_unit(&v.en, t.unit, Lang::En),
    );
    let rank = t.unit == ValueUnit::Rank;
    match t.target().comparator {
        Comparator::Gt => Text::new(format!("trên {vi}"), format!("more than {en}")),
        Comparator::Ge => Text::new(format!("ít nhất {vi}"), format!("at least {en}")),
        Comparator::Le if rank => Text::new(
            format!("thứ hạng {vi} trở lên"),
            format!("rank {en} or better"),
        ),
        Comparator::Le => Text::new(format!("nhiều nhất {vi}"), format!("at most {en}")),
        Comparator::Lt if rank => Text::new(
            format!("thứ hạng trên {vi}"),
            format!("a rank better than {en}"),
        ),
        Comparator::Lt => Text::new(format!("dưới {vi}"), format!("less than {en}")),
        Comparator::Eq => Text::new(format!("đúng {vi}"), format!("exactly {en}")),
    }
}

/// How far the value is from the target, when it misses: "còn thiếu 5 điểm
/// phần trăm", "cần trên 80 %" (a strict target met with equality), "còn
/// cách 3 bậc".
fn missing(value: Exact, t: &AppliedTarget) -> Text {
    // Equality misses only a strict comparator: say what it needs, as when
    // the gap is too large to compute.
    let gap = match value.checked_sub(t.effective_value) {
        Some(g) if g != Exact::ZERO => g,
        _ => {
            let w = wanted(t);
            return Text::new(format!("cần {}", w.vi), format!("needs {}", w.en));
        }
    };
    let size = if gap < Exact::ZERO {
        Exact::ZERO.checked_sub(gap).unwrap_or(gap)
    } else {
        gap
    };
    let d = size.display_distinct_from(Exact::ZERO);
    match t.unit {
        ValueUnit::Percent => Text::new(
            format!("còn thiếu {} điểm phần trăm", d.vi),
            format!("{} percentage points short", d.en),
        ),
        ValueUnit::Rank => Text::new(
            format!("còn cách {} bậc", d.vi),
            format!("{} places away", d.en),
        ),
        ValueUnit::Count => Text::new(format!("còn thiếu {}", d.vi), format!("{} short", d.en)),
        ValueUnit::PerWeek => Text::new(
            format!("còn thiếu {}/tuần", d.vi),
            format!("{}/week short", d.en),
        ),
    }
}

impl KpiResult {
    /// The outcome in one sentence, Vietnamese and English.
    ///
    /// ```
    /// use dxplan::kpi::{evaluate, UnitInput};
    /// let input: UnitInput = serde_json::from_str(r#"{"unit": "tinh", "level": "province",
    ///     "period": "2022", "values": {"dossiers_online": 70, "dossiers_total": 100}}"#).unwrap();
    /// let ev = evaluate(&dxplan::defaults::rules().catalog, &input, &["dti-2022"]);
    /// // 003 §V.19 "trên 70% vào cuối năm 2022": exactly 70 % misses, and says what is needed.
    /// assert_eq!(ev.results[0].summary().vi, "không đạt mục tiêu > 70 %: cần trên 70 %");
    /// ```
    pub fn summary(&self) -> Text {
        let target = self.target.as_ref();
        let describe = |t: &AppliedTarget| t.target().describe(t.unit);
        match (self.status, self.value, target) {
            (KpiStatus::Met, _, Some(t)) => Text::new(
                format!("đạt mục tiêu {}", describe(t).vi),
                format!("meets the target {}", describe(t).en),
            ),
            (KpiStatus::NotMet, Some(v), Some(t)) => {
                let m = missing(v, t);
                Text::new(
                    format!("không đạt mục tiêu {}: {}", describe(t).vi, m.vi),
                    format!("misses the target {}: {}", describe(t).en, m.en),
                )
            }
            (KpiStatus::InProgress, Some(v), Some(t)) => {
                let year = t.target().to_year;
                let (gap_vi, gap_en) = if t.target().comparator.holds(v, t.effective_value) {
                    (
                        "đã đạt mức của mục tiêu".to_string(),
                        "already at the target's level".to_string(),
                    )
                } else {
                    let m = missing(v, t);
                    (m.vi, m.en)
                };
                let mut vi = format!(
                    "đang thực hiện: mục tiêu {} vào cuối năm {year}, {gap_vi}",
                    describe(t).vi
                );
                let mut en = format!(
                    "in progress: target {} by the end of {year}, {gap_en}",
                    describe(t).en
                );
                if let (Some(m), Some(ok)) = (&self.milestone, self.milestone_met) {
                    let y = m.target().to_year;
                    if ok {
                        vi.push_str(&format!("; đạt mốc {} (cuối năm {y})", describe(m).vi));
                        en.push_str(&format!(
                            "; meets the milestone {} (end of {y})",
                            describe(m).en
                        ));
                    } else {
                        vi.push_str(&format!(
                            "; chưa đạt mốc {} đã đến hạn (cuối năm {y})",
                            describe(m).vi
                        ));
                        en.push_str(&format!(
                            "; below the milestone {} already due (end of {y})",
                            describe(m).en
                        ));
                    }
                }
                Text::new(vi, en)
            }
            (KpiStatus::NotAggregated, _, _) => Text::new(
                "không cộng gộp giữa các đơn vị; xem kết quả từng đơn vị",
                "not aggregated across units; see each unit's result",
            ),
            (KpiStatus::NoTarget, _, _) => Text::new(
                format!("kế hoạch không đặt mục tiêu cho năm {}", self.year),
                format!("the plan sets no target for {}", self.year),
            ),
            _ => Text::new(
                "không tính được (xem các lưu ý)",
                "cannot be computed (see the findings)",
            ),
        }
    }
}
