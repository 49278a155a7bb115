//! Report definitions: which fields a report of each kind has, their types,
//! when they are required, and the cross-field constraints between them.
//!
//! A definition is data, not code: validation
//! ([`crate::validation::Validator`]) and the JSON Schema export
//! ([`crate::validation::schema`]) both walk it, and a year's rule
//! script may add a field (`them_truong`) or a check (`kiem_tra`).
//!
//! ```
//! use dxplan::forms::{FieldType, FormDefinition};
//! use dxplan::ObligationKind;
//! let def = FormDefinition::builtin(ObligationKind::Quarterly).unwrap();
//! let news = def.field("/appendices/news").unwrap();
//! assert!(matches!(news.ty, FieldType::Table { .. }));
//! assert_eq!(news.title.vi, "Phụ lục 01. Danh sách tin bài tuyên truyền trên trang thông tin điện tử");
//! ```

use crate::diagnostic::{lower_first, Code, Diagnostic, Result, Text};
use crate::kpi::AdminLevel;
use crate::obligations::ObligationKind;
use crate::PeriodKind;
use serde::Serialize;
use std::borrow::Cow;

/// The outline and appendices of a unit's DX report (001, "Đề cương báo cáo").
pub const OUTLINE_SOURCE: &str = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo";

/// Longest single-line text, in characters.
pub const MAX_LINE_CHARS: usize = 1_000;
/// Longest multi-line text, in characters.
pub const MAX_TEXT_CHARS: usize = 50_000;
/// Most rows of one appendix table.
pub const MAX_ROWS: usize = 5_000;

/// One allowed value of a [`FieldType::Choice`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Choice {
    /// The value sent in the report.
    pub value: String,
    /// What it means.
    pub title: Text,
}

/// Which dates a date field accepts, besides being a real day in 1900–2100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DateRule {
    /// Any date.
    Any,
    /// Not after today (something that already happened: a publication, an
    /// issued document).
    Past,
    /// Not after today, and inside the report's data window (a warning when
    /// outside: the item belongs to another period's report).
    PastInWindow,
}

/// The type of a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldType {
    /// Text; `multiline` for a section of the outline.
    Text {
        /// Whether it is a paragraph rather than one line.
        multiline: bool,
    },
    /// A document number and symbol, `số/ký hiệu` (e.g. `125/KH-UBND`).
    DocumentNumber,
    /// A date, `yyyy-mm-dd` or `dd/mm/yyyy`.
    Date {
        /// Which dates are accepted.
        rule: DateRule,
    },
    /// A whole number ≥ 0.
    Count,
    /// An amount in đồng, ≥ 0.
    Money,
    /// Yes / no.
    Bool,
    /// One of a list of values.
    Choice {
        /// The allowed values.
        options: Vec<Choice>,
    },
    /// The report kind (fixed by the definition).
    Kind,
    /// A plan id that has obligations of the report's kind.
    Plan,
    /// A period id of the given kind.
    Period {
        /// The kind of period the report covers.
        kind: PeriodKind,
    },
    /// An administrative level (`province`, `city`, `commune`, `unit`).
    Level,
    /// The KPI inputs of the catalog: an object keyed by input id.
    KpiValues,
    /// A group of fields.
    Object {
        /// Its fields.
        fields: Vec<Field>,
    },
    /// A repeatable table (an appendix): an array of rows.
    Table {
        /// The columns of a row.
        columns: Vec<Field>,
    },
}

impl FieldType {
    /// The type's name, for messages and schemas.
    pub fn name(&self) -> Text {
        match self {
            FieldType::Text { .. } => Text::new("chuỗi ký tự", "text"),
            FieldType::DocumentNumber => Text::new("số, ký hiệu văn bản", "a document number"),
            FieldType::Date { .. } => Text::new("ngày (dd/mm/yyyy)", "a date (dd/mm/yyyy)"),
            FieldType::Count => Text::new("số nguyên không âm", "a whole number ≥ 0"),
            FieldType::Money => Text::new("số tiền (đồng) không âm", "an amount (VND) ≥ 0"),
            FieldType::Bool => Text::new("có/không", "true or false"),
            FieldType::Choice { .. } | FieldType::Kind | FieldType::Plan | FieldType::Level => {
                Text::new("một giá trị trong danh sách", "one of the listed values")
            }
            FieldType::Period { .. } => Text::new("mã kỳ báo cáo", "a period id"),
            FieldType::KpiValues | FieldType::Object { .. } => {
                Text::new("một nhóm trường", "a group of fields")
            }
            FieldType::Table { .. } => {
                Text::new("một bảng (danh sách dòng)", "a table (a list of rows)")
            }
        }
    }

    /// What a person filling the form is asked to do for a field of this
    /// type titled `title`: the hint of its missing or wrong value.
    ///
    /// ```
    /// use dxplan::{forms::definition::FieldType, Text};
    /// let t = Text::new("Ngày ban hành", "Issued on");
    /// let date = FieldType::Date { rule: dxplan::forms::definition::DateRule::Past };
    /// assert_eq!(date.enter(&t).vi, "Nhập ngày ban hành dạng ngày/tháng/năm, ví dụ 15/09/2025.");
    /// ```
    pub fn enter(&self, title: &Text) -> Text {
        let (vi, en) = (lower_first(&title.vi), lower_first(&title.en));
        match self {
            FieldType::Text { .. } => Text::new(format!("Nhập {vi}."), format!("Enter {en}.")),
            FieldType::DocumentNumber => Text::new(
                format!("Nhập {vi} dạng số/ký hiệu, ví dụ 125/KH-UBND."),
                format!("Enter {en} as number/symbol, e.g. 125/KH-UBND."),
            ),
            FieldType::Date { .. } => Text::new(
                format!("Nhập {vi} dạng ngày/tháng/năm, ví dụ 15/09/2025."),
                format!("Enter {en} as day/month/year, e.g. 15/09/2025."),
            ),
            FieldType::Count => Text::new(
                format!("Nhập {vi} là số nguyên không âm, ví dụ 1.250."),
                format!("Enter {en} as a whole number of 0 or more, e.g. 1,250."),
            ),
            FieldType::Money => Text::new(
                format!("Nhập {vi} bằng đồng, số không âm, ví dụ 1.500.000."),
                format!("Enter {en} in VND, 0 or more, e.g. 1,500,000."),
            ),
            FieldType::Bool => Text::new(
                format!("Chọn có hoặc không cho {vi}."),
                format!("Choose yes or no for {en}."),
            ),
            FieldType::Choice { .. } | FieldType::Kind | FieldType::Plan | FieldType::Level => {
                Text::new(
                    format!("Chọn {vi} trong danh sách."),
                    format!("Choose {en} from the list."),
                )
            }
            FieldType::Period { kind } => Text::new(
                format!("Chọn {vi}, ví dụ {}.", period_example_of(*kind)),
                format!("Choose {en}, e.g. {}.", period_example_of(*kind)),
            ),
            FieldType::KpiValues | FieldType::Object { .. } | FieldType::Table { .. } => {
                Text::new(format!("Điền {vi}."), format!("Fill in {en}."))
            }
        }
    }
}

/// When a field must be given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Required {
    /// Always.
    Always,
    /// Never (optional).
    No,
    /// Only for units of these administrative levels.
    Levels(Vec<AdminLevel>),
}

impl Required {
    /// Whether the field is required of a unit of `level` (`None`: level unknown).
    pub fn applies(&self, level: Option<AdminLevel>) -> bool {
        match self {
            Required::Always => true,
            Required::No => false,
            Required::Levels(ls) => level.is_some_and(|l| ls.contains(&l)),
        }
    }
}

/// A field of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Field {
    /// Key in the report's JSON.
    pub id: String,
    /// Label, Vietnamese and English.
    pub title: Text,
    /// What to write, when the label is not enough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Its type.
    #[serde(flatten)]
    pub ty: FieldType,
    /// When it must be given.
    pub required: Required,
    /// The document and section that asks for it.
    pub source: String,
    /// The first year it applies to, for a field a rule script added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<i32>,
}

impl Field {
    /// A field of `ty`, required, with its source.
    ///
    /// ```
    /// use dxplan::forms::{Field, FieldType, Required};
    /// let f = Field::new("ten", "Tên", "Name", FieldType::Text { multiline: false }, "001 Phụ lục 01");
    /// assert_eq!(f.required, Required::Always);
    /// ```
    pub fn new(id: &str, vi: &str, en: &str, ty: FieldType, source: &str) -> Field {
        Field {
            id: id.to_string(),
            title: Text::new(vi, en),
            description: None,
            ty,
            required: Required::Always,
            source: source.to_string(),
            from_year: None,
        }
    }

    /// The same field, optional.
    pub fn optional(mut self) -> Field {
        self.required = Required::No;
        self
    }

    /// The same field, required only of these levels.
    pub fn required_of(mut self, levels: &[AdminLevel]) -> Field {
        self.required = Required::Levels(levels.to_vec());
        self
    }

    /// The same field with a description.
    pub fn describe(mut self, vi: &str, en: &str) -> Field {
        self.description = Some(Text::new(vi, en));
        self
    }

    /// The sub-fields of an object, or the columns of a table.
    pub fn children(&self) -> &[Field] {
        match &self.ty {
            FieldType::Object { fields } => fields,
            FieldType::Table { columns } => columns,
            _ => &[],
        }
    }

    #[cfg(feature = "scripts")]
    fn children_mut(&mut self) -> Option<&mut Vec<Field>> {
        match &mut self.ty {
            FieldType::Object { fields } => Some(fields),
            FieldType::Table { columns } => Some(columns),
            _ => None,
        }
    }
}

/// A cross-field constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Constraint {
    /// In every row of `table`, column `field` ≤ column `limit` (disbursed ≤
    /// total estimate). An error.
    NotGreater {
        /// JSON pointer of the table.
        table: String,
        /// The column that must not be greater.
        field: String,
        /// The column it is compared with.
        limit: String,
        /// The document that implies it.
        source: String,
    },
    /// The number of rows of `table` within the data window equals the KPI
    /// input `input` when both are given. A warning.
    RowsMatchInput {
        /// JSON pointer of the table.
        table: String,
        /// The date column that places a row in the period.
        date: String,
        /// KPI input id.
        input: String,
        /// The document that implies it.
        source: String,
    },
    /// The sum of column `field` of `table` ≤ the KPI input `input` when both
    /// are given. A warning.
    SumNotAboveInput {
        /// JSON pointer of the table.
        table: String,
        /// The column summed.
        field: String,
        /// KPI input id.
        input: String,
        /// The document that implies it.
        source: String,
    },
}

/// The definition of one report kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormDefinition {
    /// The report kind.
    pub kind: ObligationKind,
    /// Form title.
    pub title: Text,
    /// The document that defines the report.
    pub source: String,
    /// Kind of period reported on.
    pub period_kind: PeriodKind,
    /// JSON pointer of the date that counts as submission for the deadline
    /// (`/submitted_on`, or the plan's issue date for `plan_issue`).
    pub submitted_path: String,
    /// Top-level fields.
    pub fields: Vec<Field>,
    /// Cross-field constraints.
    pub constraints: Vec<Constraint>,
}

/// The report kinds that have a form (the others are notices and summaries
/// written by the inspection team, not by a unit).
pub const FORM_KINDS: [ObligationKind; 6] = [
    ObligationKind::Quarterly,
    ObligationKind::HalfYear,
    ObligationKind::Annual,
    ObligationKind::PlanIssue,
    ObligationKind::SelfInspection,
    ObligationKind::InspectionReport,
];

fn text(id: &str, vi: &str, en: &str, source: &str) -> Field {
    Field::new(id, vi, en, FieldType::Text { multiline: false }, source)
}

fn para(id: &str, vi: &str, en: &str, source: &str) -> Field {
    Field::new(id, vi, en, FieldType::Text { multiline: true }, source)
}

fn object(id: &str, vi: &str, en: &str, source: &str, fields: Vec<Field>) -> Field {
    Field::new(id, vi, en, FieldType::Object { fields }, source)
}

fn table(id: &str, vi: &str, en: &str, source: &str, columns: Vec<Field>) -> Field {
    Field::new(id, vi, en, FieldType::Table { columns }, source).optional()
}

fn note(source: &str) -> Field {
    text("note", "Ghi chú", "Note", source).optional()
}

fn identification(kind: ObligationKind, period_kind: PeriodKind) -> Vec<Field> {
    let src = "dxplan: định danh báo cáo (loại, kế hoạch, kỳ, đơn vị)";
    vec![
        Field::new("kind", "Loại báo cáo", "Report kind", FieldType::Kind, src)
            .describe(kind.name().vi.as_str(), kind.name().en.as_str()),
        Field::new("plan", "Kế hoạch", "Plan", FieldType::Plan, src).describe(
            "Mã kế hoạch quy định báo cáo, ví dụ city-2025 (000 §VII.1) hoặc dti-2022 (003 §V).",
            "Id of the plan that requires the report, e.g. city-2025 (000 §VII.1) or dti-2022 (003 §V).",
        ),
        Field::new(
            "period",
            "Kỳ báo cáo",
            "Reporting period",
            FieldType::Period { kind: period_kind },
            src,
        )
        .describe(
            "Mã kỳ: 2025-Q3 (quý), 2025-H1 (6 tháng), 2025 (năm), 2023-01-01..2024-09-15 (khoảng ngày).",
            "Period id: 2025-Q3 (quarter), 2025-H1 (half-year), 2025 (year), 2023-01-01..2024-09-15 (range).",
        ),
        object(
            "unit",
            "Đơn vị báo cáo",
            "Reporting unit",
            src,
            vec![
                text("id", "Mã đơn vị", "Unit id", src),
                text("name", "Tên đơn vị", "Unit name", src),
                Field::new("level", "Cấp", "Administrative level", FieldType::Level, src),
            ],
        ),
        Field::new(
            "submitted_on",
            "Ngày gửi báo cáo",
            "Date sent",
            FieldType::Date { rule: DateRule::Past },
            src,
        )
        .optional()
        .describe(
            "Để trống khi còn là bản nháp; dùng để tính đúng hạn / trễ hạn.",
            "Leave empty while a draft; used to tell on time from late.",
        ),
    ]
}

fn outline() -> Field {
    let s1 = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo §I";
    let s2 = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo §II";
    let s3 = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo §III";
    object(
        "outline",
        "Nội dung báo cáo (theo Đề cương)",
        "Report text (per the outline)",
        OUTLINE_SOURCE,
        vec![
            object(
                "situation",
                "I. Tình hình thực hiện chuyển đổi số tại đơn vị",
                "I. Digital transformation at the unit",
                s1,
                vec![
                    para("organisation", "1. Công tác tổ chức, triển khai thực hiện các văn bản chỉ đạo điều hành về chuyển đổi số", "1. Organising and carrying out the directives on DX", s1),
                    para("communication", "2. Công tác tuyên truyền, phổ biến nâng cao nhận thức về chuyển đổi số", "2. Communication and awareness of DX", s1),
                    para("institutions", "3. Thể chế số", "3. Digital institutions", s1),
                    para("infrastructure", "4. Về hạ tầng số", "4. Digital infrastructure", s1),
                    para(
                        "grassroots_radio",
                        "Tuyên truyền qua hệ thống truyền thanh cơ sở; tình hình quản lý đài truyền thanh cấp xã ứng dụng CNTT-VT",
                        "Grassroots radio: DX programmes and the IT-telecom commune radio stations",
                        "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo §I.2 và §I.4 (đối với cấp huyện, xã)",
                    )
                    .required_of(&[AdminLevel::City, AdminLevel::Commune]),
                    para("workforce", "5. Nhân lực số", "5. Digital workforce", s1),
                    para("cybersecurity", "6. An toàn thông tin mạng", "6. Cybersecurity", s1),
                    para("digital_government", "7. Hoạt động chính quyền số", "7. Digital government", s1),
                    para("digital_economy_society", "8. Hoạt động kinh tế số, Xã hội số", "8. Digital economy and society", s1),
                    para("funding", "9. Kinh phí thực hiện nội dung chuyển đổi số", "9. Funding of DX", s1),
                ],
            ),
            object(
                "assessment",
                "II. Đánh giá chung",
                "II. Overall assessment",
                s2,
                vec![
                    para("strengths", "1. Ưu điểm", "1. Strengths", s2),
                    para("weaknesses", "2. Khuyết điểm", "2. Weaknesses", s2),
                    para("causes", "3. Nguyên nhân", "3. Causes", s2),
                    para("remedies", "4. Giải pháp khắc phục", "4. Remedies", s2),
                ],
            ),
            para("recommendations", "III. Đề xuất kiến nghị", "III. Recommendations", s3).optional(),
        ],
    )
}

fn appendices() -> Field {
    let a1 = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo, Phụ lục 01";
    let a2 = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo, Phụ lục 02";
    let a3 = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo, Phụ lục 03";
    let a4 = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo, Phụ lục 04";
    let in_window = FieldType::Date {
        rule: DateRule::PastInWindow,
    };
    object(
        "appendices",
        "Phụ lục",
        "Appendices",
        OUTLINE_SOURCE,
        vec![
            table(
                "news",
                "Phụ lục 01. Danh sách tin bài tuyên truyền trên trang thông tin điện tử",
                "Appendix 01. News items published on the unit's website",
                a1,
                vec![
                    text("title", "Tên bài viết", "Title", a1),
                    Field::new("published_on", "Thời gian đăng tải", "Published on", in_window.clone(), a1),
                    note(a1),
                ],
            ),
            table(
                "documents",
                "Phụ lục 02. Danh mục các loại văn bản, chính sách đã ban hành",
                "Appendix 02. Documents and policies issued",
                a2,
                vec![
                    Field::new("number", "Số ký hiệu", "Number and symbol", FieldType::DocumentNumber, a2),
                    para("summary", "Trích yếu", "Summary", a2),
                    Field::new("issued_on", "Ngày ban hành", "Issued on", in_window, a2),
                    text("signer", "Người ký", "Signed by", a2),
                    note(a2),
                ],
            ),
            table(
                "equipment",
                "Phụ lục 03. Danh mục hạ tầng công nghệ thông tin, Đài truyền thanh ứng dụng CNTT-VT",
                "Appendix 03. IT infrastructure and IT-telecom radio stations",
                a3,
                vec![
                    Field::new(
                        "group",
                        "Nhóm",
                        "Group",
                        FieldType::Choice {
                            options: vec![
                                Choice { value: "it".into(), title: Text::new("I. Hạ tầng CNTT", "I. IT infrastructure") },
                                Choice { value: "radio".into(), title: Text::new("II. Thiết bị Đài CNTT-VT", "II. IT-telecom radio station equipment") },
                            ],
                        },
                        a3,
                    ),
                    text("name", "Tên thiết bị", "Equipment", a3),
                    para("configuration", "Cấu hình", "Configuration", a3),
                    note(a3),
                ],
            ),
            table(
                "investments",
                "Phụ lục 04. Danh mục đầu tư cho công nghệ thông tin phục vụ chuyển đổi số",
                "Appendix 04. IT investments serving DX",
                a4,
                vec![
                    text("name", "Tên nhiệm vụ/dự án", "Task or project", a4),
                    Field::new("total_estimate", "Tổng dự toán/ Tổng mức đầu tư (đồng)", "Total estimate / investment (VND)", FieldType::Money, a4),
                    Field::new("disbursed", "Tổng kinh phí giải ngân (đồng)", "Total disbursed (VND)", FieldType::Money, a4),
                    Field::new(
                        "form",
                        "Theo hình thức",
                        "Form",
                        FieldType::Choice {
                            options: vec![
                                Choice { value: "1".into(), title: Text::new("(1) Lập dự án", "(1) Investment project") },
                                Choice { value: "2".into(), title: Text::new("(2) Lập Kế hoạch thuê dịch vụ công nghệ thông tin", "(2) Plan to rent IT services") },
                                Choice { value: "3".into(), title: Text::new("(3) Lập đề cương và dự toán chi tiết", "(3) Outline and detailed estimate") },
                            ],
                        },
                        a4,
                    ),
                    note(a4),
                ],
            ),
        ],
    )
}

/// 001 line 524–529: districts and the city report the DX budget of 2023 and
/// of 2024 *up to 30/4/2024* — a cut-off of its own, earlier than the
/// inspection's period (1/1/2023–15/9/2024) — against the recurrent budget of
/// their level (Resolution 09-NQ/TU: at least 1 %).
fn district_funding() -> Field {
    let src = "001_3cf3dc78aaf01fbd.txt, Đề cương báo cáo §I.9, dòng 524–529";
    let year = |id: &str, vi: &str, en: &str| {
        object(
            id,
            vi,
            en,
            src,
            vec![
                Field::new(
                    "dx_budget_vnd",
                    "Tổng kinh phí bố trí thực hiện các hoạt động, chương trình, đề án phục vụ chuyển đổi số (đồng)",
                    "Budget allotted to DX activities, programmes and projects (VND)",
                    FieldType::Money,
                    src,
                ),
                Field::new(
                    "recurrent_spending_vnd",
                    "Tổng chi thường xuyên ngân sách cấp huyện, thành phố (đồng)",
                    "Recurrent spending of the district or city budget (VND)",
                    FieldType::Money,
                    src,
                ),
            ],
        )
    };
    object(
        "district_funding",
        "Kinh phí bố trí cho chuyển đổi số của cấp huyện, thành phố",
        "DX budget of the district or city level",
        src,
        vec![
            year("year_2023", "Năm 2023", "2023"),
            year(
                "year_2024",
                "Năm 2024 (số liệu đến ngày 30/04/2024)",
                "2024 (figures up to 30/04/2024)",
            )
            .describe(
                "Số liệu năm 2024 tính đến hết ngày 30/04/2024, không đến hết kỳ kiểm tra (15/09/2024).",
                "The 2024 figures run to 30/04/2024, not to the end of the inspection period (15/09/2024).",
            ),
        ],
    )
    .required_of(&[AdminLevel::City])
}

fn kpi_values(required: bool) -> Field {
    let f = Field::new(
        "values",
        "Số liệu chỉ tiêu",
        "Indicator inputs",
        FieldType::KpiValues,
        "docs/kpi-catalog.md (000 §III, 002 §I.2.2, 003, 004 Phụ lục I)",
    )
    .describe(
        "Các trường số liệu của chỉ tiêu áp dụng cho cấp của đơn vị; xem `dxplan kpi list`.",
        "The inputs of the indicators that apply to the unit's level; see `dxplan kpi list`.",
    );
    if required {
        f
    } else {
        f.optional()
    }
}

fn outline_constraints() -> Vec<Constraint> {
    vec![
        Constraint::NotGreater {
            table: "/appendices/investments".into(),
            field: "disbursed".into(),
            limit: "total_estimate".into(),
            source: "001_3cf3dc78aaf01fbd.txt, Phụ lục 04 (kinh phí giải ngân thuộc tổng dự toán / tổng mức đầu tư)".into(),
        },
        Constraint::RowsMatchInput {
            table: "/appendices/news".into(),
            date: "published_on".into(),
            input: "dx_news_items".into(),
            source: "001_3cf3dc78aaf01fbd.txt §I.2 (Danh sách tin/bài theo Phụ lục 01); 000 §III (số tin, bài về chuyển đổi số)".into(),
        },
        Constraint::SumNotAboveInput {
            table: "/appendices/investments".into(),
            field: "disbursed".into(),
            input: "dx_spending_vnd".into(),
            source: "001_3cf3dc78aaf01fbd.txt §I.9 (Phụ lục 04 là chi tiết của tổng kinh phí chi cho chuyển đổi số)".into(),
        },
    ]
}

impl FormDefinition {
    /// The built-in definition of a report kind, from the seed documents.
    ///
    /// ```
    /// use dxplan::ObligationKind;
    /// let def = dxplan::forms::FormDefinition::builtin(ObligationKind::PlanIssue).unwrap();
    /// assert_eq!(def.submitted_path, "/document/issued_on");
    /// assert!(dxplan::forms::FormDefinition::builtin(ObligationKind::InspectionNotice).is_err());
    /// ```
    pub fn builtin(kind: ObligationKind) -> Result<FormDefinition> {
        let periodic = |period_kind: PeriodKind, source: &str| {
            let mut fields = identification(kind, period_kind);
            fields.push(kpi_values(true));
            fields.push(outline());
            fields.push(appendices());
            FormDefinition {
                kind,
                title: kind.name(),
                source: source.to_string(),
                period_kind,
                submitted_path: "/submitted_on".into(),
                fields,
                constraints: outline_constraints(),
            }
        };
        Ok(match kind {
            ObligationKind::Quarterly => periodic(
                PeriodKind::Quarter,
                "000_b9c617fe6a001fd2.txt §VII.1; 003_08cb75b396c90965.txt §V; nội dung theo 001 Đề cương báo cáo",
            ),
            ObligationKind::HalfYear => periodic(
                PeriodKind::HalfYear,
                "000_b9c617fe6a001fd2.txt §VII.1–2; nội dung theo 001 Đề cương báo cáo",
            ),
            ObligationKind::Annual => periodic(
                PeriodKind::Year,
                "000_b9c617fe6a001fd2.txt §VII.1–2; nội dung theo 001 Đề cương báo cáo",
            ),
            ObligationKind::SelfInspection | ObligationKind::InspectionReport => {
                let mut def = periodic(
                    PeriodKind::Range,
                    "001_3cf3dc78aaf01fbd.txt §IV.1–2, §V.1 và Đề cương báo cáo",
                );
                // The outline asks for figures in words; the KPI inputs are optional here.
                if let Some(v) = def.fields.iter_mut().find(|f| f.id == "values") {
                    *v = kpi_values(false);
                }
                def.fields.push(district_funding());
                def
            }
            ObligationKind::PlanIssue => {
                let src = "000_b9c617fe6a001fd2.txt §VII.1 (xây dựng Kế hoạch triển khai trước ngày 24/01/2025)";
                let mut fields = identification(kind, PeriodKind::Year);
                fields.push(object(
                    "document",
                    "Kế hoạch triển khai của đơn vị",
                    "The unit's implementation plan",
                    src,
                    vec![
                        Field::new("number", "Số ký hiệu", "Number and symbol", FieldType::DocumentNumber, src),
                        para("summary", "Trích yếu", "Summary", src),
                        Field::new("issued_on", "Ngày ban hành", "Issued on", FieldType::Date { rule: DateRule::Past }, src),
                        text("signer", "Người ký", "Signed by", src),
                        Field::new("tasks_count", "Số nhiệm vụ trong kế hoạch", "Number of tasks in the plan", FieldType::Count, src).optional(),
                    ],
                ));
                FormDefinition {
                    kind,
                    title: Text::new(
                        "Kế hoạch triển khai chuyển đổi số của đơn vị",
                        "The unit's DX implementation plan",
                    ),
                    source: src.into(),
                    period_kind: PeriodKind::Year,
                    submitted_path: "/document/issued_on".into(),
                    fields,
                    constraints: Vec::new(),
                }
            }
            other => {
                return Err(Diagnostic::error(
                    Code::KindUnknown,
                    Text::new(
                        format!("Không có biểu mẫu cho loại '{}' (do đoàn kiểm tra lập, không do đơn vị)", other.as_str()),
                        format!("no form for kind '{}' (written by the inspection team, not by a unit)", other.as_str()),
                    ),
                )
                .with_hint(kinds_hint()))
            }
        })
    }

    /// The field at a JSON pointer; table rows are skipped
    /// (`/appendices/news/3/title` → the `title` column).
    ///
    /// ```
    /// let def = dxplan::forms::FormDefinition::builtin(dxplan::ObligationKind::Annual).unwrap();
    /// assert_eq!(def.field("/appendices/investments/0/disbursed").unwrap().id, "disbursed");
    /// assert!(def.field("/nothing").is_none());
    /// ```
    pub fn field(&self, pointer: &str) -> Option<&Field> {
        let mut fields: &[Field] = &self.fields;
        let mut found: Option<&Field> = None;
        for seg in pointer.split('/').skip(1) {
            if matches!(found.map(|f| &f.ty), Some(FieldType::Table { .. }))
                && seg.bytes().all(|b| b.is_ascii_digit())
                && !seg.is_empty()
            {
                continue;
            }
            let seg = unescape(seg);
            let f = fields.iter().find(|f| f.id == seg)?;
            fields = f.children();
            found = Some(f);
        }
        found
    }

    #[cfg(feature = "scripts")]
    /// Adds a field under `parent` (a JSON pointer to an object or table, `""`
    /// for the top level); used by rule scripts (`them_truong`).
    pub(crate) fn add_field(&mut self, parent: &str, field: Field) -> Result<()> {
        let list = if parent.is_empty() || parent == "/" {
            &mut self.fields
        } else {
            let mut fields = &mut self.fields;
            for seg in parent.split('/').skip(1) {
                let f = fields
                    .iter_mut()
                    .find(|f| f.id == seg)
                    .ok_or_else(|| no_parent(parent))?;
                fields = f.children_mut().ok_or_else(|| no_parent(parent))?;
            }
            fields
        };
        if list.iter().any(|f| f.id == field.id) {
            return Err(Diagnostic::error(
                Code::RulesInvalidValue,
                Text::new(
                    format!("Đã có trường '{}' trong '{parent}'", field.id),
                    format!("'{parent}' already has a field '{}'", field.id),
                ),
            ));
        }
        list.push(field);
        Ok(())
    }

    /// Whether a rule script added a field for a year after `year`.
    fn has_fields_after(&self, year: i32) -> bool {
        fn any(fields: &[Field], year: i32) -> bool {
            fields
                .iter()
                .any(|f| f.from_year.is_some_and(|y| y > year) || any(f.children(), year))
        }
        any(&self.fields, year)
    }

    /// The definition as it applies to `year`: fields added by a later year's
    /// script are left out.
    pub fn for_year(&self, year: i32) -> FormDefinition {
        fn keep(fields: &[Field], year: i32) -> Vec<Field> {
            fields
                .iter()
                .filter(|f| f.from_year.is_none_or(|y| y <= year))
                .map(|f| {
                    let mut f = f.clone();
                    match &mut f.ty {
                        FieldType::Object { fields } => *fields = keep(fields, year),
                        FieldType::Table { columns } => *columns = keep(columns, year),
                        _ => {}
                    }
                    f
                })
                .collect()
        }
        FormDefinition {
            fields: keep(&self.fields, year),
            ..self.clone()
        }
    }
}

/// Reads one JSON pointer segment (`~1` is `/`, `~0` is `~`).
pub(crate) fn unescape(seg: &str) -> String {
    seg.replace("~1", "/").replace("~0", "~")
}

#[cfg(feature = "scripts")]
fn no_parent(parent: &str) -> Diagnostic {
    Diagnostic::error(
        Code::RulesInvalidValue,
        Text::new(
            format!("Không có nhóm hoặc bảng '{parent}' trong biểu mẫu"),
            format!("the form has no group or table '{parent}'"),
        ),
    )
    .with_hint(Text::new(
        "Ví dụ: \"/outline/situation\", \"/appendices/news\"; \"\" là cấp trên cùng.",
        "For example \"/outline/situation\", \"/appendices/news\"; \"\" is the top level.",
    ))
}

/// Hint listing the kinds that have a form.
pub(crate) fn kinds_hint() -> Text {
    let list: Vec<&str> = FORM_KINDS.iter().map(|k| k.as_str()).collect();
    Text::new(
        format!("Loại có biểu mẫu: {}.", list.join(", ")),
        format!("Kinds with a form: {}.", list.join(", ")),
    )
}

/// The form definitions of a rule set: the built-in ones plus the fields
/// rule scripts added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Forms {
    /// Shared until a script changes one (a rule set is cloned for every
    /// load onto it; the definitions are most of what it holds).
    defs: Vec<std::sync::Arc<FormDefinition>>,
}

impl Default for Forms {
    fn default() -> Self {
        Forms::builtin()
    }
}

impl Forms {
    /// No form at all (the lean build's rules when its data fails, see
    /// [`crate::defaults::load_errors`]).
    #[cfg(not(feature = "scripts"))]
    pub(crate) fn none() -> Forms {
        Forms { defs: Vec::new() }
    }
}

impl Forms {
    /// The built-in definitions of every kind in [`FORM_KINDS`].
    pub fn builtin() -> Forms {
        Forms {
            defs: FORM_KINDS
                .iter()
                .filter_map(|k| FormDefinition::builtin(*k).ok())
                .map(std::sync::Arc::new)
                .collect(),
        }
    }

    /// The definition of `kind` as it applies to `year`.
    ///
    /// ```
    /// let forms = dxplan::forms::Forms::builtin();
    /// let def = forms.get(dxplan::ObligationKind::HalfYear, 2025).unwrap();
    /// assert_eq!(def.period_kind, dxplan::PeriodKind::HalfYear);
    /// ```
    pub fn get(&self, kind: ObligationKind, year: i32) -> Result<Cow<'_, FormDefinition>> {
        match self.defs.iter().find(|d| d.kind == kind) {
            // Most years have no field added later: no copy.
            Some(d) if !d.has_fields_after(year) => Ok(Cow::Borrowed(&**d)),
            Some(d) => Ok(Cow::Owned(d.for_year(year))),
            None => FormDefinition::builtin(kind).map(Cow::Owned),
        }
    }

    #[cfg(feature = "scripts")]
    pub(crate) fn get_mut(&mut self, kind: ObligationKind) -> Option<&mut FormDefinition> {
        self.defs
            .iter_mut()
            .find(|d| d.kind == kind)
            .map(std::sync::Arc::make_mut)
    }
}

/// An example period id of a kind, as the hints show it.
pub(crate) fn period_example_of(k: PeriodKind) -> &'static str {
    match k {
        PeriodKind::Week => "2025-W05",
        PeriodKind::Month => "2025-03",
        PeriodKind::Quarter => "2025-Q3",
        PeriodKind::HalfYear => "2025-H1",
        PeriodKind::Year => "2025",
        PeriodKind::Range => "2023-01-01..2024-09-15",
    }
}
