//! The checks across fields: a rate's numerator and denominator, a part
//! and its whole (disbursed ≤ estimate), an appendix and the KPI input it
//! details.

use super::*;
use crate::diagnostic::lower_first;

/// The row index when `path` is a column of a row of `table`.
pub(super) fn row_of<'p>(path: &'p str, table: &str) -> Option<&'p str> {
    let rest = path.strip_prefix(table)?.strip_prefix('/')?;
    let (row, _col) = rest.split_once('/')?;
    row.bytes().all(|b| b.is_ascii_digit()).then_some(row)
}

/// Numerator ≤ denominator for the rates that use `input`, against the
/// other side in the context.
pub(super) fn kpi_pairs(
    rules: &RuleSet,
    input: &str,
    value: &Value,
    context: &Value,
    out: &mut Vec<Diagnostic>,
    checked: &mut Vec<String>,
) {
    let Some(v) = number(value) else { return };
    for ind in rules.catalog.iter() {
        let Formula::Rate {
            numerator,
            denominator,
        } = &ind.formula
        else {
            continue;
        };
        let (n_id, d_id, n, d) = if numerator == input {
            let Some(d) = context
                .pointer(&pointer_push("/values", denominator))
                .and_then(number)
            else {
                continue;
            };
            (numerator, denominator, v, d)
        } else if denominator == input {
            let Some(n) = context
                .pointer(&pointer_push("/values", numerator))
                .and_then(number)
            else {
                continue;
            };
            (numerator, denominator, n, v)
        } else {
            continue;
        };
        let n_path = pointer_push("/values", n_id);
        if !checked.contains(&n_path) {
            checked.push(n_path.clone());
        }
        if n > d
            && !out
                .iter()
                .any(|x| x.path.as_deref() == Some(n_path.as_str()))
        {
            let (Some(ns), Some(ds)) = (rules.catalog.input(n_id), rules.catalog.input(d_id))
            else {
                continue;
            };
            out.push(numerator_exceeds("", (ns, n), (ds, d)));
        }
    }
}

pub(super) fn required_values(def: &FormDefinition) -> bool {
    def.fields
        .iter()
        .any(|f| f.id == "values" && f.required.applies(None))
}

/// `field` (at `path`) greater than `limit` in a row of `table`.
#[allow(clippy::too_many_arguments)]
pub(super) fn exceeds(
    def: &FormDefinition,
    table: &str,
    path: &str,
    field: &str,
    limit: &str,
    a: Exact,
    b: Exact,
    source: &str,
) -> Option<Diagnostic> {
    let fd = def.field(&format!("{table}/0/{field}"))?;
    let ld = def.field(&format!("{table}/0/{limit}"))?;
    Some(
        err(
            Code::ReportExceeds,
            path,
            format!(
                "{} ({}) không được lớn hơn {} ({})",
                fd.title.vi,
                a.display_grouped().vi,
                lower_first(&ld.title.vi),
                b.display_grouped().vi
            ),
            format!(
                "{} ({}) cannot be greater than {} ({})",
                fd.title.en,
                a.display_grouped().en,
                lower_first(&ld.title.en),
                b.display_grouped().en
            ),
        )
        .with_hint(Text::new(
            format!(
                "Kiểm tra lại hai số liệu của dòng này: {} là một phần của {}.",
                lower_first(&fd.title.vi),
                lower_first(&ld.title.vi)
            ),
            format!(
                "Check both figures of this row: {} is part of {}.",
                lower_first(&fd.title.en),
                lower_first(&ld.title.en)
            ),
        ))
        .with_source(source.to_string()),
    )
}

/// The label of a KPI input, as the form shows it (its id when the catalog
/// has no such input).
fn input_label(catalog: &crate::kpi::Catalog, id: &str) -> Text {
    catalog
        .input(id)
        .map_or_else(|| Text::new(id, id), |s| s.name.clone())
}

/// The title of an appendix table.
fn table_title(def: &FormDefinition, table: &str) -> Text {
    def.field(table)
        .map_or_else(|| Text::new("Phụ lục", "The appendix"), |f| f.title.clone())
}

/// The rows of an appendix table and the KPI input it details, when both are given.
pub(super) fn table_and_input<'v>(
    report: &'v Value,
    table: &str,
    input: &str,
) -> Option<(&'v Vec<Value>, Exact)> {
    let rows = report.pointer(table)?.as_array()?;
    let n = report
        .pointer(&pointer_push("/values", input))
        .and_then(amount)?;
    Some((rows, n))
}

pub(super) fn constraints(
    def: &FormDefinition,
    catalog: &crate::kpi::Catalog,
    report: &Value,
    window: Option<DataWindow>,
    out: &mut Vec<Diagnostic>,
) {
    for c in &def.constraints {
        match c {
            Constraint::NotGreater {
                table,
                field,
                limit,
                source,
            } => {
                let Some(Value::Array(rows)) = report.pointer(table) else {
                    continue;
                };
                for (i, row) in rows.iter().enumerate() {
                    let (Some(a), Some(b)) = (
                        row.get(field).and_then(amount),
                        row.get(limit).and_then(amount),
                    ) else {
                        continue;
                    };
                    if a > b {
                        let target = format!("{table}/{i}/{field}");
                        out.extend(exceeds(def, table, &target, field, limit, a, b, source));
                    }
                }
            }
            Constraint::RowsMatchInput {
                table,
                date,
                input,
                source,
            } => {
                let Some((rows, n)) = table_and_input(report, table, input) else {
                    continue;
                };
                if rows.is_empty() {
                    continue;
                }
                let in_window = rows
                    .iter()
                    .filter(|r| {
                        let d = r
                            .get(date)
                            .and_then(Value::as_str)
                            .and_then(|s| parse_date(s).ok());
                        match (d, window) {
                            (Some(d), Some(w)) => w.start <= d && d <= w.end,
                            (Some(_), None) => true,
                            (None, _) => false,
                        }
                    })
                    .count();
                if Exact::int(in_window as i64) != n {
                    let name = input_label(catalog, input);
                    let title = table_title(def, table);
                    out.push(
                        warn(
                            Code::ReportAppendixMismatch,
                            table,
                            format!("{} liệt kê {in_window} mục trong kỳ, nhưng {} là {}", title.vi, lower_first(&name.vi), n.display().vi),
                            format!("{} lists {in_window} items in the period, but {} is {}", title.en, lower_first(&name.en), n.display().en),
                        )
                        .with_hint(Text::new(
                            format!("Thêm hoặc bỏ dòng trong phụ lục, hoặc sửa {}, cho khớp nhau.", lower_first(&name.vi)),
                            format!("Add or remove rows of the appendix, or correct {}, so that they agree.", lower_first(&name.en)),
                        ))
                        .with_source(source.clone()),
                    );
                }
            }
            Constraint::SumNotAboveInput {
                table,
                field,
                input,
                source,
            } => {
                let Some((rows, limit)) = table_and_input(report, table, input) else {
                    continue;
                };
                let mut sum = Exact::ZERO;
                for r in rows {
                    if let Some(v) = r.get(field).and_then(amount) {
                        match sum.checked_add(v) {
                            Some(s) => sum = s,
                            None => break,
                        }
                    }
                }
                if sum > limit {
                    let name = input_label(catalog, input);
                    let column = def.field(&format!("{table}/0/{field}")).map_or_else(
                        || Text::new(field.as_str(), field.as_str()),
                        |f| f.title.clone(),
                    );
                    let title = table_title(def, table);
                    out.push(
                        warn(
                            Code::ReportAppendixMismatch,
                            table,
                            format!(
                                "Cộng cột {} của {} ({}) lớn hơn {} ({})",
                                lower_first(&column.vi),
                                lower_first(&title.vi),
                                sum.display_grouped().vi,
                                lower_first(&name.vi),
                                limit.display_grouped().vi
                            ),
                            format!(
                                "The column {} of {} adds up to {}, more than {} ({})",
                                lower_first(&column.en),
                                lower_first(&title.en),
                                sum.display_grouped().en,
                                lower_first(&name.en),
                                limit.display_grouped().en
                            ),
                        )
                        .with_hint(Text::new(
                            "Kiểm tra lại các dòng của phụ lục và số liệu tổng.",
                            "Check the appendix's rows and the total.",
                        ))
                        .with_source(source.clone()),
                    );
                }
            }
        }
    }
}
