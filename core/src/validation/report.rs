//! Whole-report validation.

use super::*;

impl<R: Borrow<RuleSet>> Validator<R> {
    /// Validates a whole report on `today`. The report is only read.
    pub fn validate(&self, report: &Value, today: NaiveDate) -> Validation {
        let rules: &RuleSet = self.rules.borrow();
        let mut out = Vec::new();
        let Value::Object(map) = report else {
            out.push(err(
                Code::ReportType,
                "",
                format!(
                    "Báo cáo phải là một đối tượng JSON, nhận được {}",
                    json_kind(describe(report)).vi
                ),
                format!("a report must be a JSON object, got a {}", describe(report)),
            ));
            return finish(None, out, None, None);
        };
        let id = ident(report);
        let kind = match map.get("kind") {
            None | Some(Value::Null) => {
                out.push(
                    err(
                        Code::ReportRequired,
                        "/kind",
                        "Thiếu 'Loại báo cáo'".into(),
                        "'Report kind' is required".into(),
                    )
                    .with_hint(crate::forms::definition::kinds_hint()),
                );
                return finish(None, out, None, None);
            }
            Some(Value::String(k)) => match k.parse::<ObligationKind>() {
                Ok(k) => k,
                Err(d) => return finish(None, vec![d.at("/kind")], None, None),
            },
            Some(other) => {
                out.push(err(
                    Code::ReportType,
                    "/kind",
                    format!(
                        "'Loại báo cáo' phải là chuỗi ký tự, nhận được {}",
                        json_kind(describe(other)).vi
                    ),
                    format!("'Report kind' must be text, got a {}", describe(other)),
                ));
                return finish(None, out, None, None);
            }
        };
        let year = id.period.map_or(today.year(), |p| p.year_of());
        let def = match rules.forms.get(kind, year) {
            Ok(d) => d,
            Err(d) => return finish(Some(kind), vec![d.at("/kind")], None, None),
        };
        let ctx = Ctx {
            rules,
            today,
            level: id.level,
            window: window_of(&def, id.period.as_ref()),
            def: &def,
        };
        check_object(&def.fields, map, "", &ctx, &mut out);
        constraints(&def, report, ctx.window, &mut out);

        // KPI evaluation against the report's plan.
        let mut kpi = None;
        let plan_ok = id
            .plan
            .as_deref()
            .is_some_and(|p| rules.plans.get(p).is_ok());
        if let (Some(level), Some(period), Some(Value::Object(values))) = (
            id.level,
            id.period.filter(|_| ctx.window.is_some()),
            map.get("values"),
        ) {
            let input = UnitInput {
                unit: id.unit.clone().unwrap_or_default(),
                level,
                period,
                values: raw_values(values),
            };
            let plans: Vec<&str> = id.plan.as_deref().filter(|_| plan_ok).into_iter().collect();
            let ev = evaluate(&rules.catalog, &input, &plans);
            let mut seen: Vec<(Code, Option<String>)> = Vec::new();
            for d in ev
                .diagnostics
                .iter()
                .chain(ev.results.iter().flat_map(|r| r.diagnostics.iter()))
            {
                let key = (d.code, d.path.clone());
                if !seen.contains(&key) {
                    seen.push(key);
                    out.push(d.clone());
                }
            }
            if plan_ok && required_values(&def) {
                let plan = id.plan.as_deref().unwrap_or_default();
                for ind_id in &ev.not_reported {
                    let Ok(ind) = rules.catalog.get(ind_id) else {
                        continue;
                    };
                    if let Some(t) = ind.target_for(plan, period.year_of(), Some(level)) {
                        let first = ind
                            .formula
                            .inputs()
                            .first()
                            .map(|s| s.to_string())
                            .unwrap_or_default();
                        out.push(
                            warn(
                                Code::ReportKpiNotReported,
                                &pointer_push("/values", &first),
                                format!(
                                    "Chưa có số liệu của chỉ tiêu '{}' ({}), mục tiêu {}",
                                    ind.name.vi,
                                    ind.id,
                                    t.describe(ind.unit).vi
                                ),
                                format!(
                                    "no input for indicator '{}' ({}), target {}",
                                    ind.name.en,
                                    ind.id,
                                    t.describe(ind.unit).en
                                ),
                            )
                            .with_source(t.source.cite()),
                        );
                    }
                }
            }
            kpi = Some(ev);
        }

        // Deadline status.
        let mut deadline = None;
        if let (Some(plan), Some(period), Some(level)) = (
            id.plan.as_deref().filter(|_| plan_ok),
            id.period.filter(|p| p.kind() == def.period_kind),
            id.level,
        ) {
            // A city or the province reports through its office or department
            // when the plan has such a level (000 §VII.2); otherwise, as in the
            // inspection and DTI plans, every reporter is a unit. A plan that
            // has other levels but not this report for this level (city-2025:
            // no quarterly report of the city office, nothing of the
            // province) has no obligation here: borrowing the units' one
            // would make the city office the reviewer of its own report, or
            // of the province's (issue 16).
            let lvl = obligation_level(level);
            let plan_has_levels = rules
                .plans
                .get(plan)
                .is_ok_and(|p| p.rules.iter().any(|r| r.level != Level::Unit));
            let found = rules
                .plans
                .find(&rules.calendar, plan, kind, &period, lvl)
                .or_else(|e| match lvl {
                    Level::Unit => Err(e),
                    _ if plan_has_levels => Err(e),
                    _ => rules
                        .plans
                        .find(&rules.calendar, plan, kind, &period, Level::Unit)
                        .map_err(|_| e),
                });
            match found {
                Err(d) => out.push(d.at("/period")),
                Ok(o) => {
                    // The recipient or the reporter no longer exists on the deadline.
                    out.extend(o.ended_findings().into_iter().map(|d| d.at("/plan")));
                    let submitted = report
                        .pointer(&def.submitted_path)
                        .and_then(Value::as_str)
                        .and_then(|s| parse_date(s).ok())
                        .filter(|d| *d <= today);
                    if let Ok(st) = status(&rules.calendar, &o, submitted, today) {
                        deadline = Some(DeadlineStatus {
                            recipient: o.recipient.clone(),
                            source: o.source.clone(),
                            names: o.names.clone(),
                            status: st,
                        });
                    }
                }
            }
        }

        // Custom checks of the rule scripts.
        out.extend(self.check_errors.iter().cloned());
        out.extend(self.engine.run_report_checks(rules, report));
        finish(Some(kind), out, kpi, deadline)
    }
}
