//! Who reports what to whom: reporting levels, report kinds, recipients
//! (effective-dated), and how nested reports due together are treated.

use super::*;

/// An administrative level in the reporting chain
/// (unit → city office → province department → province).
///
/// ```
/// assert_eq!("city_office".parse::<dxplan::Level>().unwrap(), dxplan::Level::CityOffice);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// An agency, unit or commune that reports (cơ quan, đơn vị, địa phương).
    Unit,
    /// The city's culture and information office, which consolidates the city's report.
    CityOffice,
    /// The provincial department that consolidates for the province (Sở TT&TT, from
    /// 1/3/2025 Sở KH&CN).
    ProvinceDepartment,
    /// The provincial steering committee / people's committee.
    Province,
}

impl Level {
    /// All levels, bottom up.
    pub const ALL: [Level; 4] = [
        Level::Unit,
        Level::CityOffice,
        Level::ProvinceDepartment,
        Level::Province,
    ];

    /// Stable id.
    ///
    /// ```
    /// assert_eq!(dxplan::Level::ProvinceDepartment.as_str(), "province_department");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Unit => "unit",
            Level::CityOffice => "city_office",
            Level::ProvinceDepartment => "province_department",
            Level::Province => "province",
        }
    }

    /// Name of the level.
    ///
    /// ```
    /// assert_eq!(dxplan::Level::Unit.name().vi, "Đơn vị");
    /// ```
    pub fn name(self) -> Text {
        match self {
            Level::Unit => Text::new("Đơn vị", "Reporting unit"),
            Level::CityOffice => Text::new("Phòng cấp thành phố", "City office"),
            Level::ProvinceDepartment => Text::new("Sở cấp tỉnh", "Provincial department"),
            Level::Province => {
                Text::new("Ban Chỉ đạo / UBND tỉnh", "Provincial steering committee")
            }
        }
    }
}

impl FromStr for Level {
    type Err = Diagnostic;
    fn from_str(s: &str) -> Result<Self> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == s.trim())
            .ok_or_else(|| {
                Diagnostic::error(
                    Code::LevelUnknown,
                    Text::new(
                        format!("Không có cấp '{}'", crate::excerpt(s)),
                        format!("unknown level '{}'", crate::excerpt(s)),
                    ),
                )
                .with_hint(Text::new(
                    "Cấp hợp lệ: unit, city_office, province_department, province.",
                    "Valid levels: unit, city_office, province_department, province.",
                ))
            })
    }
}

/// What an obligation asks for.
///
/// ```
/// assert_eq!("half_year".parse::<dxplan::ObligationKind>().unwrap(), dxplan::ObligationKind::HalfYear);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    /// The unit's own implementation plan (kế hoạch triển khai).
    PlanIssue,
    /// Quarterly report.
    Quarterly,
    /// Half-year report.
    HalfYear,
    /// Annual report.
    Annual,
    /// Self-inspection report of a unit inspected through reports.
    SelfInspection,
    /// Report ahead of an on-site inspection.
    InspectionReport,
    /// Announcement of an inspection schedule to the inspected unit.
    InspectionNotice,
    /// Summary of inspection results.
    InspectionSummary,
}

impl ObligationKind {
    /// All kinds.
    pub const ALL: [ObligationKind; 8] = [
        ObligationKind::PlanIssue,
        ObligationKind::Quarterly,
        ObligationKind::HalfYear,
        ObligationKind::Annual,
        ObligationKind::SelfInspection,
        ObligationKind::InspectionReport,
        ObligationKind::InspectionNotice,
        ObligationKind::InspectionSummary,
    ];

    /// Stable id.
    ///
    /// ```
    /// assert_eq!(dxplan::ObligationKind::PlanIssue.as_str(), "plan_issue");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ObligationKind::PlanIssue => "plan_issue",
            ObligationKind::Quarterly => "quarterly",
            ObligationKind::HalfYear => "half_year",
            ObligationKind::Annual => "annual",
            ObligationKind::SelfInspection => "self_inspection",
            ObligationKind::InspectionReport => "inspection_report",
            ObligationKind::InspectionNotice => "inspection_notice",
            ObligationKind::InspectionSummary => "inspection_summary",
        }
    }

    /// Name of the kind.
    ///
    /// ```
    /// assert_eq!(dxplan::ObligationKind::Annual.name().vi, "Báo cáo năm");
    /// ```
    pub fn name(self) -> Text {
        match self {
            ObligationKind::PlanIssue => Text::new(
                "Ban hành kế hoạch triển khai",
                "Issue the implementation plan",
            ),
            ObligationKind::Quarterly => Text::new("Báo cáo quý", "Quarterly report"),
            ObligationKind::HalfYear => Text::new("Báo cáo 6 tháng", "Half-year report"),
            ObligationKind::Annual => Text::new("Báo cáo năm", "Annual report"),
            ObligationKind::SelfInspection => {
                Text::new("Báo cáo tự kiểm tra", "Self-inspection report")
            }
            ObligationKind::InspectionReport => Text::new(
                "Báo cáo phục vụ kiểm tra trực tiếp",
                "Report ahead of an on-site inspection",
            ),
            ObligationKind::InspectionNotice => {
                Text::new("Thông báo lịch kiểm tra", "Inspection schedule notice")
            }
            ObligationKind::InspectionSummary => Text::new(
                "Báo cáo tổng hợp kết quả kiểm tra",
                "Inspection summary report",
            ),
        }
    }

    /// The obligation of a period as an official names it: "Báo cáo quý
    /// III/2025", "Báo cáo 6 tháng đầu năm 2025", "Ban hành kế hoạch triển
    /// khai năm 2025".
    ///
    /// ```
    /// use dxplan::{ObligationKind, Period};
    /// let q3 = Period::quarter(2025, 3).unwrap();
    /// assert_eq!(ObligationKind::Quarterly.title(&q3).vi, "Báo cáo quý III/2025");
    /// assert_eq!(ObligationKind::Quarterly.title(&q3).en, "Quarterly report, Q3 2025");
    /// ```
    pub fn title(self, period: &crate::Period) -> Text {
        let (name, p) = (self.name(), period.name());
        match self {
            // The period's name already says which report it is.
            ObligationKind::Quarterly | ObligationKind::HalfYear | ObligationKind::Annual => {
                Text::new(
                    format!("Báo cáo {}", p.vi),
                    format!("{}, {}", name.en, p.en),
                )
            }
            _ => Text::new(
                format!("{} {}", name.vi, p.vi),
                format!("{}, {}", name.en, p.en),
            ),
        }
    }

    /// Whether the obligation reports on data of its period (and so has a
    /// Decree 09 data window to respect).
    ///
    /// ```
    /// assert!(dxplan::ObligationKind::Quarterly.reports_data());
    /// assert!(!dxplan::ObligationKind::PlanIssue.reports_data());
    /// ```
    pub fn reports_data(self) -> bool {
        matches!(
            self,
            ObligationKind::Quarterly
                | ObligationKind::HalfYear
                | ObligationKind::Annual
                | ObligationKind::SelfInspection
                | ObligationKind::InspectionReport
        )
    }
}

impl FromStr for ObligationKind {
    type Err = Diagnostic;
    fn from_str(s: &str) -> Result<Self> {
        ObligationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                let valid: Vec<&str> = ObligationKind::ALL.iter().map(|k| k.as_str()).collect();
                Diagnostic::error(
                    Code::KindUnknown,
                    Text::new(
                        format!("Không có loại báo cáo '{}'", crate::excerpt(s)),
                        format!("unknown report kind '{}'", crate::excerpt(s)),
                    ),
                )
                .with_hint(Text::new(
                    format!("Loại hợp lệ: {}.", valid.join(", ")),
                    format!("Valid kinds: {}.", valid.join(", ")),
                ))
            })
    }
}

/// Who receives a report.
///
/// ```
/// let r = dxplan::Recipient::new("so-khcn", "Sở Khoa học và Công nghệ", "Department of Science and Technology", dxplan::Level::ProvinceDepartment);
/// assert_eq!(r.id, "so-khcn");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Recipient {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Its level.
    pub level: Level,
}

impl Recipient {
    /// A recipient.
    pub fn new(id: &str, vi: &str, en: &str, level: Level) -> Self {
        Recipient {
            id: id.to_string(),
            name: Text::new(vi, en),
            level,
        }
    }
}

/// A recipient from a date on (`None`: from the start).
///
/// ```
/// use dxplan::{Level, Recipient, RecipientChange};
/// let c = RecipientChange { from: None, recipient: Recipient::new("a", "A", "A", Level::Unit), source: String::new() };
/// assert!(c.from.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecipientChange {
    /// First day the recipient is in force.
    pub from: Option<NaiveDate>,
    /// The recipient.
    pub recipient: Recipient,
    /// Why: the document or reorganisation behind the change.
    pub source: String,
}

/// How two reports of the same level whose periods nest and whose deadlines
/// fall in the same month relate (Q2 and half-year in June; Q4 and annual in
/// December).
///
/// ```
/// assert_eq!(dxplan::OverlapRule::default(), dxplan::OverlapRule::Separate);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum OverlapRule {
    /// Both reports are due, each on its own date (the plans' literal text).
    #[default]
    Separate,
    /// The longer period's report also serves as the shorter one's.
    Supersede,
}

impl FromStr for OverlapRule {
    type Err = Diagnostic;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "separate" => Ok(OverlapRule::Separate),
            "supersede" => Ok(OverlapRule::Supersede),
            _ => Err(Diagnostic::error(
                Code::PolicyUnknown,
                Text::new(
                    format!("Quy tắc trùng kỳ không hợp lệ: '{}'", crate::excerpt(s)),
                    format!("unknown overlap rule: '{}'", crate::excerpt(s)),
                ),
            )
            .with_hint(Text::new(
                "Dùng separate hoặc supersede.",
                "Use separate or supersede.",
            ))),
        }
    }
}
