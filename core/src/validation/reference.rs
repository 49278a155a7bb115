//! The field reference of a report form: every field a page can map a
//! control to, with its label, path, type, whether it is required and its
//! unit — what a form builder needs to write the form (issue 18), from the
//! same definition that validates it.
//!
//! ```
//! use dxplan::{validation::reference::field_reference, ObligationKind};
//! let fields = field_reference(dxplan::defaults::rules(), ObligationKind::Quarterly, 2025).unwrap();
//! let total = fields.iter().find(|f| f.path == "/values/dossiers_total").unwrap();
//! assert_eq!(total.label.vi, "Tổng số hồ sơ thủ tục hành chính");
//! assert_eq!(total.name, "values.dossiers_total");
//! assert!(total.plans.contains(&"city-2025".to_string()));
//! let row = fields.iter().find(|f| f.path == "/appendices/investments/*/disbursed").unwrap();
//! assert_eq!(row.unit.as_ref().unwrap().vi, "đồng");
//! ```

use super::*;
use crate::forms::definition::Required;
use crate::kpi::InputKind;

/// One field of a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldEntry {
    /// Its JSON pointer in the report; `*` stands for a table's row number
    /// (0, 1, …).
    pub path: String,
    /// The `name` a control can carry for it (`values.dossiers_total`,
    /// `appendices[investments][0][disbursed]` for a row's cell).
    pub name: String,
    /// The label the form shows.
    pub label: Text,
    /// Its type in words.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "ts", ts(rename = "type"))]
    pub ty: Text,
    /// Whether it must be given, in words ("bắt buộc", "bắt buộc với cấp xã").
    pub required: Text,
    /// Whether it must be given whatever the unit's level.
    pub always_required: bool,
    /// Its unit (`đồng`, `%`), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub unit: Option<Text>,
    /// The values it takes, for a choice (`value = meaning`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    /// For a KPI input: the plans with a target that uses it in the year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<String>,
    /// The document and section that ask for it.
    pub source: String,
}

/// Every field of the form of `kind` in `year`, in the form's order: the
/// identification, the KPI inputs that a plan in force with this report
/// has a target for (other inputs of the catalog are accepted too; `dxplan
/// kpi list` has them all), the outline and each appendix's columns.
pub fn field_reference(
    rules: &RuleSet,
    kind: ObligationKind,
    year: i32,
) -> crate::Result<Vec<FieldEntry>> {
    let def = rules.forms.get(kind, year)?;
    let plans: Vec<&str> = rules
        .plans
        .iter()
        .filter(|p| p.in_force(year) && p.rules.iter().any(|r| r.kind == kind))
        .map(|p| p.id.as_str())
        .collect();
    let mut out = Vec::new();
    for f in &def.fields {
        entries(rules, &plans, f, "", year, &mut out);
    }
    Ok(out)
}

fn entries(
    rules: &RuleSet,
    plans: &[&str],
    f: &Field,
    parent: &str,
    year: i32,
    out: &mut Vec<FieldEntry>,
) {
    let path = pointer_push(parent, &f.id);
    match &f.ty {
        FieldType::Object { fields } => {
            for c in fields {
                entries(rules, plans, c, &path, year, out);
            }
        }
        FieldType::Table { columns } => {
            let rows = format!("{path}/*");
            for c in columns {
                entries(rules, plans, c, &rows, year, out);
            }
        }
        FieldType::KpiValues => {
            let mut seen = std::collections::BTreeSet::new();
            for ind in rules.catalog.iter() {
                let with_target: Vec<String> = plans
                    .iter()
                    .filter(|p| {
                        ind.targets
                            .iter()
                            .any(|t| t.plan == **p && t.from_year <= year && year <= t.to_year)
                    })
                    .map(|p| p.to_string())
                    .collect();
                if with_target.is_empty() {
                    continue;
                }
                for input in &ind.inputs {
                    if !seen.insert(input.id.clone()) {
                        if let Some(e) =
                            out.iter_mut().find(|e| e.name == name_of(&path, &input.id))
                        {
                            for p in &with_target {
                                if !e.plans.contains(p) {
                                    e.plans.push(p.clone());
                                }
                            }
                        }
                        continue;
                    }
                    out.push(FieldEntry {
                        path: pointer_push(&path, &input.id),
                        name: name_of(&path, &input.id),
                        label: input.name.clone(),
                        ty: input.kind.describe(),
                        required: Text::new(
                            "không bắt buộc (chỉ tiêu chưa tính được khi thiếu)",
                            "optional (the indicator is not computed without it)",
                        ),
                        always_required: false,
                        unit: match input.kind {
                            InputKind::Money => Some(Text::new("đồng", "VND")),
                            InputKind::Percent => Some(Text::new("%", "%")),
                            _ => None,
                        },
                        choices: Vec::new(),
                        plans: with_target.clone(),
                        source: ind
                            .targets
                            .iter()
                            .find(|t| with_target.contains(&t.plan))
                            .map_or_else(String::new, |t| t.source.cite()),
                    });
                }
            }
        }
        ty => out.push(FieldEntry {
            required: {
                let r = required_text(&f.required);
                if parent.ends_with("/*") && f.required != Required::No {
                    Text::new(
                        format!("{} (trong mỗi dòng)", r.vi),
                        format!("{} (in each row)", r.en),
                    )
                } else {
                    r
                }
            },
            name: name_of(parent, &f.id),
            path,
            label: f.title.clone(),
            ty: ty.name(),
            always_required: f.required == Required::Always,
            unit: (*ty == FieldType::Money).then(|| Text::new("đồng", "VND")),
            choices: match ty {
                FieldType::Choice { options } => options
                    .iter()
                    .map(|o| format!("{} = {}", o.value, o.title.vi))
                    .collect(),
                _ => Vec::new(),
            },
            plans: Vec::new(),
            source: f.source.clone(),
        }),
    }
}

fn required_text(r: &Required) -> Text {
    match r {
        Required::Always => Text::new("bắt buộc", "required"),
        Required::No => Text::new("không bắt buộc", "optional"),
        Required::Levels(ls) => {
            let (vi, en): (Vec<String>, Vec<String>) = ls
                .iter()
                .map(|l| (l.name().vi.to_string(), l.name().en.to_string()))
                .unzip();
            Text::new(
                format!("bắt buộc với {}", vi.join(", ")),
                format!("required of {}", en.join(", ")),
            )
        }
    }
}

/// The control name of a field: `values.dossiers_total`, or with brackets
/// under a table (`appendices[investments][0][disbursed]`).
fn name_of(parent: &str, id: &str) -> String {
    let mut segs: Vec<String> = parent
        .split('/')
        .skip(1)
        .map(|s| {
            if s == "*" {
                "0".to_string()
            } else {
                unescape(s)
            }
        })
        .collect();
    segs.push(id.to_string());
    if segs.iter().any(|s| s == "0") {
        let (first, rest) = segs
            .split_first()
            .map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
        let mut n = first.to_string();
        for s in rest {
            n.push('[');
            n.push_str(s);
            n.push(']');
        }
        n
    } else {
        segs.join(".")
    }
}

/// The field reference as a Markdown table (Vietnamese, with the English
/// label under each): what `dxplan schema KIND --fields` prints and
/// `docs/fields.md` holds.
///
/// ```
/// use dxplan::{validation::reference::*, ObligationKind};
/// let f = field_reference(dxplan::defaults::rules(), ObligationKind::PlanIssue, 2025).unwrap();
/// let md = markdown(&f);
/// assert!(md.contains("| `document.signer` | Người ký"));
/// ```
pub fn markdown(fields: &[FieldEntry]) -> String {
    let mut s = String::from(
        "| tên ô (`name`) / đường dẫn | nhãn / label | kiểu | bắt buộc | đơn vị | nguồn |\n|---|---|---|---|---|---|\n",
    );
    for f in fields {
        let mut ty = f.ty.vi.clone();
        if !f.choices.is_empty() {
            ty.push_str(": ");
            ty.push_str(&f.choices.join("; "));
        }
        let mut required = f.required.vi.clone();
        if !f.plans.is_empty() {
            required.push_str(&format!("; mục tiêu của {}", f.plans.join(", ")));
        }
        let cell = |t: &str| t.replace('|', "\\|");
        s.push_str(&format!(
            "| `{}` | {} *({})* | {} | {} | {} | {} |\n",
            f.name,
            cell(&f.label.vi),
            cell(&f.label.en),
            cell(&ty),
            cell(&required),
            f.unit.as_ref().map_or("", |u| u.vi.as_str()),
            cell(&f.source),
        ));
    }
    s
}
