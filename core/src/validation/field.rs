//! Single-field validation while a person types.

use super::*;

impl<R: Borrow<RuleSet>> Validator<R> {
    /// Validates one field while it is typed: `value` at `path` (a JSON
    /// pointer), with the rest of the report in `context` (its kind, level,
    /// period; the other side of cross-field constraints). Custom checks of
    /// rule scripts look at the whole report and run in [`Validator::validate`].
    ///
    /// ```
    /// use chrono::{Datelike, NaiveDate};
    /// use dxplan::{validation::Validator, ObligationKind};
    /// let v = Validator::new(dxplan::defaults::rules());
    /// let ctx: serde_json::Value = serde_json::from_str(r#"{"period": "2025-Q3", "unit": {"level": "commune"},
    ///   "appendices": {"investments": [{"name": "Wifi", "total_estimate": 100000000, "form": "3"}]}}"#).unwrap();
    /// let today = NaiveDate::from_ymd_opt(2025, 9, 10).unwrap();
    /// let r = v.validate_field(ObligationKind::Quarterly, "/appendices/investments/0/disbursed",
    ///     &serde_json::json!(150000000), &ctx, today);
    /// assert_eq!(r.diagnostics[0].code.as_str(), "report.exceeds");
    /// ```
    pub fn validate_field(
        &self,
        kind: ObligationKind,
        path: &str,
        value: &Value,
        context: &Value,
        today: NaiveDate,
    ) -> FieldValidation {
        let rules: &RuleSet = self.rules.borrow();
        let id = ident(context);
        let mut out = Vec::new();
        let mut checked = vec![path.to_string()];
        let year = id.period.map_or(today.year(), |p| p.year_of());
        let def = match rules.forms.get(kind, year) {
            Ok(d) => d,
            Err(d) => {
                return FieldValidation {
                    path: path.to_string(),
                    checked,
                    diagnostics: vec![d.at(path)],
                };
            }
        };
        // The level and period being typed count over those of the context.
        let level = match path {
            "/unit/level" => value.as_str().and_then(|l| l.parse().ok()),
            _ => id.level,
        };
        let period = match path {
            "/period" => value.as_str().and_then(|p| p.parse().ok()),
            _ => id.period,
        };
        let ctx = Ctx {
            rules,
            today,
            level,
            window: window_of(&def, period.as_ref()),
            def: &def,
        };
        if let Some(input) = path.strip_prefix("/values/") {
            let input = unescape(input);
            let on = ctx.window.map_or(today, |w| w.end);
            check_kpi_input(rules, &input, value, on, &mut out);
            if out.is_empty() {
                kpi_pairs(rules, &input, value, context, &mut out, &mut checked);
            }
        } else {
            match def.field(path) {
                None => {
                    let key = path.rsplit('/').next().unwrap_or(path);
                    out.push(unknown_field(path, &unescape(key), &[]));
                }
                Some(field) => {
                    check_field(field, Some(value), path, &ctx, &mut out);
                    // Cross-field constraints that involve this field: only its
                    // row is read (no copy of the report).
                    for c in &def.constraints {
                        let Constraint::NotGreater {
                            table,
                            field: f,
                            limit,
                            source,
                        } = c
                        else {
                            continue;
                        };
                        let Some(row) = row_of(path, table) else {
                            continue;
                        };
                        let col = path.rsplit('/').next().unwrap_or_default();
                        if col != f && col != limit {
                            continue;
                        }
                        let target = format!("{table}/{row}/{f}");
                        checked.push(target.clone());
                        let row_v = context.pointer(&format!("{table}/{row}"));
                        let side = |name: &str| {
                            if col == name {
                                number(value)
                            } else {
                                row_v.and_then(|r| r.get(name)).and_then(number)
                            }
                        };
                        if let (Some(x), Some(y)) = (side(f), side(limit)) {
                            if x > y {
                                if let Some(d) =
                                    exceeds(&def, table, &target, f, limit, x, y, source)
                                {
                                    out.push(d);
                                }
                            }
                        }
                    }
                }
            }
        }
        checked.sort();
        checked.dedup();
        FieldValidation {
            path: path.to_string(),
            checked,
            diagnostics: out,
        }
    }
}
