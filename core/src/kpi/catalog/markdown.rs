//! `docs/kpi-catalog.md`: the catalog as a Markdown table.

use super::Catalog;
use crate::kpi::Group;

/// The catalog as a Markdown document (`docs/kpi-catalog.md`), generated so
/// that the documentation cannot drift from the code.
///
/// ```
/// let md = dxplan::kpi::catalog::markdown_table(&dxplan::defaults::rules().catalog.clone(), &dxplan::defaults::rules().plans.clone());
/// assert!(md.contains("| `full_online_dossiers_rate` |"));
/// assert!(md.contains("city-2025 2025: ≥ 65 %"));
/// ```
pub fn markdown_table(catalog: &Catalog, plans: &crate::Plans) -> String {
    use std::fmt::Write as _;
    let targets: usize = catalog.iter().map(|i| i.targets.len()).sum();
    let mut out = String::new();
    let _ = writeln!(out, "# Danh mục chỉ tiêu / Indicator catalog\n");
    let _ = writeln!(
        out,
        "Tệp này được sinh từ mã nguồn — đừng sửa tay: `cargo run -p dxplan-cli -- kpi list --markdown > docs/kpi-catalog.md`.  \n*Generated from the code; do not edit.*\n"
    );
    let _ = writeln!(
        out,
        "{} chỉ tiêu, {targets} mục tiêu / {} indicators, {targets} targets.\n",
        catalog.len(),
        catalog.len()
    );
    let _ = writeln!(
        out,
        "| kế hoạch / plan | tài liệu / document | tên / title |\n|---|---|---|"
    );
    for p in plans.iter() {
        let _ = writeln!(out, "| `{}` | `{}` | {} |", p.id, p.document, p.name.vi);
    }
    let mut groups: Vec<Group> = catalog.iter().map(|i| i.group).collect();
    groups.sort();
    groups.dedup();
    for g in groups {
        let name = g.name();
        let _ = writeln!(out, "\n## {} / {}\n", name.vi, name.en);
        let _ = writeln!(
            out,
            "| id | chỉ tiêu / indicator | công thức / formula | cấp / levels | mục tiêu theo kế hoạch, năm / targets | nguồn / source |\n|---|---|---|---|---|---|"
        );
        for ind in catalog.iter().filter(|i| i.group == g) {
            let levels: Vec<&str> = ind.levels.iter().map(|l| l.as_str()).collect();
            let targets: Vec<String> = ind
                .targets
                .iter()
                .map(|t| {
                    let horizon = if t.horizon && t.from_year != t.to_year {
                        format!(" (đến / by {})", t.to_year)
                    } else {
                        String::new()
                    };
                    let years = format!("{}{horizon}", t.years_text());
                    let level = t.level_text();
                    format!("{} {years}{level}: {}", t.plan, t.describe(ind.unit).vi)
                })
                .collect();
            let mut sources: Vec<String> = ind
                .targets
                .iter()
                .map(|t| {
                    let doc = t.source.document.get(..3).unwrap_or(&t.source.document);
                    format!("{doc} {}", t.source.section)
                })
                .collect();
            sources.dedup();
            let _ = writeln!(
                out,
                "| `{}` | {}<br>*{}* | {} | {} | {} | {} |",
                ind.id,
                ind.name.vi.replace('|', "/"),
                ind.name.en.replace('|', "/"),
                ind.formula.kind(),
                levels.join(", "),
                targets.join("<br>"),
                sources.join("<br>")
            );
        }
    }
    out
}
