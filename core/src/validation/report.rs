//! Whole-report validation.

use super::*;
use crate::diagnostic::lower_first;

impl<R: Borrow<RuleSet>> Validator<R> {
    /// Validates a whole report on `today`. The report is only read.
    pub fn validate(&self, report: &Value, today: NaiveDate) -> Validation {
        self.kept(report, today).into_validation()
    }

    /// [`Validator::validate`] kept in its parts, so that a report session
    /// can recompute only the parts a change can reach ([`Validator::refresh`]).
    pub(crate) fn kept(&self, report: &Value, today: NaiveDate) -> Kept {
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
            return Kept::Early(finish(None, out, None, None));
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
                return Kept::Early(finish(None, out, None, None));
            }
            Some(Value::String(k)) => match k.parse::<ObligationKind>() {
                Ok(k) => k,
                Err(d) => return Kept::Early(finish(None, vec![d.at("/kind")], None, None)),
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
                return Kept::Early(finish(None, out, None, None));
            }
        };
        let year = id.period.map_or(today.year(), |p| p.year_of());
        let def = match rules.forms.get(kind, year) {
            Ok(d) => d,
            Err(d) => return Kept::Early(finish(Some(kind), vec![d.at("/kind")], None, None)),
        };
        let ctx = Ctx::of(rules, today, &id, &def);
        let fields = def
            .fields
            .iter()
            .map(|f| field_part(f, map.get(&f.id), &ctx))
            .collect();
        let (kpi_diagnostics, kpi) = self.kpi_part(&def, &id, &ctx, map, None);
        let (deadline_diagnostics, deadline) = self.deadline_part(&def, &id, kind, report, today);
        Kept::Parts(Parts {
            kind,
            submitted_path: def.submitted_path.clone(),
            fields,
            unknown: unknown_fields(&def.fields, map, ""),
            constraints: constraints_of(&def, &self.rules().catalog, report, ctx.window),
            kpi_diagnostics,
            kpi,
            deadline_diagnostics,
            deadline,
            checks: self.checks_part(report),
        })
    }

    /// Recomputes in `parts` (of `report` before a change at `path`, a JSON
    /// pointer's tokens) what the change can reach, and answers which parts
    /// it recomputed; `None` when the change reaches the report's identity
    /// (kind, plan, period, unit: everything depends on them) and only a
    /// whole validation ([`Validator::kept`]) will do.
    pub(crate) fn refresh(
        &self,
        parts: &mut Parts,
        report: &Value,
        today: NaiveDate,
        path: &[String],
    ) -> Option<Refreshed> {
        let rules: &RuleSet = self.rules.borrow();
        let first = path.first()?;
        if IDENTITY.contains(&first.as_str()) {
            return None;
        }
        let Value::Object(map) = report else {
            return None;
        };
        let id = ident(report);
        let year = id.period.map_or(today.year(), |p| p.year_of());
        let def = rules.forms.get(parts.kind, year).ok()?;
        let ctx = Ctx::of(rules, today, &id, &def);
        let mut done = Refreshed::default();
        if let Some(i) = def.fields.iter().position(|f| &f.id == first) {
            let f = &def.fields[i];
            let value = map.get(&f.id);
            // A change inside one member of a group (a table of the
            // appendices, a text of the outline): only that member, and the
            // members the form does not have.
            let member = match (members_of(f, value), path.get(1)) {
                (Some((subs, m)), Some(second)) if parts.fields[i].members.len() == subs.len() => {
                    subs.iter()
                        .position(|x| &x.id == second)
                        .map(|j| (subs, m, j))
                }
                _ => None,
            };
            match member {
                Some((subs, m, j)) => {
                    let at = pointer_push("", &f.id);
                    let mut out = Vec::new();
                    let sub = &subs[j];
                    check_field(
                        sub,
                        m.get(&sub.id),
                        &pointer_push(&at, &sub.id),
                        &ctx,
                        &mut out,
                    );
                    let part = &mut parts.fields[i];
                    let unknown = unknown_fields(subs, m, &at);
                    done.member = Some((
                        i,
                        j,
                        std::mem::replace(&mut part.members[j], out),
                        std::mem::replace(&mut part.unknown, unknown),
                    ));
                }
                None => {
                    let part = field_part(f, value, &ctx);
                    done.field = Some((i, std::mem::replace(&mut parts.fields[i], part)));
                }
            }
        }
        done.unknown = Some(std::mem::replace(
            &mut parts.unknown,
            unknown_fields(&def.fields, map, ""),
        ));
        // Cross-field rules read their tables and the KPI inputs.
        let read = |c: &Constraint| match c {
            Constraint::NotGreater { table, .. }
            | Constraint::RowsMatchInput { table, .. }
            | Constraint::SumNotAboveInput { table, .. } => on_one_line(table, path),
        };
        if first == "values" || def.constraints.iter().any(read) {
            done.constraints = Some(std::mem::replace(
                &mut parts.constraints,
                constraints_of(&def, &self.rules().catalog, report, ctx.window),
            ));
        }
        if first == "values" {
            // One figure changed: the indicators that do not read it keep
            // their results.
            let changed = match path {
                [_, input] => parts.kpi.as_ref().map(|before| (before, input.as_str())),
                _ => None,
            };
            let (d, k) = self.kpi_part(&def, &id, &ctx, map, changed);
            done.kpi = Some((
                std::mem::replace(&mut parts.kpi_diagnostics, d),
                std::mem::replace(&mut parts.kpi, k),
            ));
        }
        if on_one_line(&parts.submitted_path, path) {
            let (d, s) = self.deadline_part(&def, &id, parts.kind, report, today);
            done.deadline = Some((
                std::mem::replace(&mut parts.deadline_diagnostics, d),
                std::mem::replace(&mut parts.deadline, s),
            ));
        }
        if !rules.checks.is_empty() {
            done.checks = Some(std::mem::replace(
                &mut parts.checks,
                self.checks_part(report),
            ));
        }
        Some(done)
    }

    /// The KPI evaluation against the report's plan, and its diagnostics
    /// (each code once per path) with the indicators not reported.
    fn kpi_part(
        &self,
        def: &FormDefinition,
        id: &Ident,
        ctx: &Ctx,
        map: &serde_json::Map<String, Value>,
        again: Option<(&Evaluation, &str)>,
    ) -> (Vec<Diagnostic>, Option<Evaluation>) {
        let rules: &RuleSet = self.rules.borrow();
        let mut out = Vec::new();
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
            let ev = match again {
                Some((before, changed)) => {
                    evaluate_again(&rules.catalog, &input, &plans, before, changed)
                }
                None => evaluate(&rules.catalog, &input, &plans),
            };
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
            if plan_ok && required_values(def) {
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
                        let input = rules
                            .catalog
                            .input(&first)
                            .map_or_else(|| ind.name.clone(), |s| s.name.clone());
                        out.push(
                            warn(
                                Code::ReportKpiNotReported,
                                &pointer_push("/values", &first),
                                format!(
                                    "Chưa có {}: chưa tính được chỉ tiêu {} (mục tiêu {})",
                                    lower_first(&input.vi),
                                    lower_first(&ind.name.vi),
                                    t.describe(ind.unit).vi
                                ),
                                format!(
                                    "No {} yet: the indicator {} cannot be computed (target {})",
                                    lower_first(&input.en),
                                    lower_first(&ind.name.en),
                                    t.describe(ind.unit).en
                                ),
                            )
                            .with_hint(Text::new(
                                "Nhập số liệu khi đã có.",
                                "Enter the figure once it is known.",
                            ))
                            .with_source(t.source.cite()),
                        );
                    }
                }
            }
            kpi = Some(ev);
        }
        (out, kpi)
    }

    /// The deadline status of the report, and the problems of its obligation.
    fn deadline_part(
        &self,
        def: &FormDefinition,
        id: &Ident,
        kind: ObligationKind,
        report: &Value,
        today: NaiveDate,
    ) -> (Vec<Diagnostic>, Option<DeadlineStatus>) {
        let rules: &RuleSet = self.rules.borrow();
        let mut out = Vec::new();
        let plan_ok = id
            .plan
            .as_deref()
            .is_some_and(|p| rules.plans.get(p).is_ok());
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

        (out, deadline)
    }

    /// The custom checks of the rule scripts, with the scripts whose checks
    /// did not compile.
    fn checks_part(&self, report: &Value) -> Vec<Diagnostic> {
        let mut out = self.check_errors.clone();
        out.extend(self.engine.run_report_checks(self.rules.borrow(), report));
        out
    }
}

impl<'a> Ctx<'a> {
    /// What the field checks of a report identified as `id` need.
    fn of(rules: &'a RuleSet, today: NaiveDate, id: &Ident, def: &'a FormDefinition) -> Ctx<'a> {
        Ctx {
            rules,
            today,
            level: id.level,
            window: window_of(def, id.period.as_ref()),
            def,
        }
    }
}

/// Whether `pointer` (a form's path, no escapes) and the tokens `path` lie on
/// one line: one is the other or inside it.
fn on_one_line(pointer: &str, path: &[String]) -> bool {
    pointer
        .split('/')
        .skip(1)
        .zip(path)
        .all(|(a, b)| a == b.as_str())
}

/// The top-level members that say which report this is: every part of a
/// validation depends on them.
const IDENTITY: [&str; 4] = ["kind", "plan", "period", "unit"];

/// The members of a group field given as an object (what check_field
/// checks one by one), or `None` for any other field or value.
fn members_of<'f, 'v>(
    f: &'f Field,
    value: Option<&'v Value>,
) -> Option<(&'f [Field], &'v serde_json::Map<String, Value>)> {
    match (&f.ty, value) {
        (FieldType::Object { fields }, Some(Value::Object(m))) => Some((fields, m)),
        _ => None,
    }
}

/// The diagnostics of a top-level field, split by member for a group.
fn field_part(f: &Field, value: Option<&Value>, ctx: &Ctx) -> FieldPart {
    let at = pointer_push("", &f.id);
    let mut part = FieldPart::default();
    match members_of(f, value) {
        // What check_field does for a group given as an object, member by member.
        Some((subs, m)) => {
            part.members = subs
                .iter()
                .map(|sub| {
                    let mut out = Vec::new();
                    check_field(
                        sub,
                        m.get(&sub.id),
                        &pointer_push(&at, &sub.id),
                        ctx,
                        &mut out,
                    );
                    out
                })
                .collect();
            part.unknown = unknown_fields(subs, m, &at);
        }
        None => check_field(f, value, &at, ctx, &mut part.own),
    }
    part
}

/// The diagnostics of one top-level field: its own (any field but a group
/// given as an object), or its members' in the form's order, then the
/// members the form does not have.
#[derive(Clone, Default)]
pub(crate) struct FieldPart {
    own: Vec<Diagnostic>,
    members: Vec<Vec<Diagnostic>>,
    unknown: Vec<Diagnostic>,
}

impl FieldPart {
    fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.own
            .iter()
            .chain(self.members.iter().flatten())
            .chain(&self.unknown)
    }
}

fn constraints_of(
    def: &FormDefinition,
    catalog: &crate::kpi::Catalog,
    report: &Value,
    window: Option<DataWindow>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    constraints(def, catalog, report, window, &mut out);
    out
}

/// A whole validation, or the answer of one that stopped early (not an
/// object, no kind, no form for it).
#[derive(Clone)]
pub(crate) enum Kept {
    Early(Validation),
    Parts(Parts),
}

/// A validation in its parts, in the order [`Parts::assemble`] lists them.
#[derive(Clone)]
pub(crate) struct Parts {
    pub(crate) kind: ObligationKind,
    submitted_path: String,
    /// The diagnostics of each top-level field of the form, in its order.
    pub(crate) fields: Vec<FieldPart>,
    pub(crate) unknown: Vec<Diagnostic>,
    pub(crate) constraints: Vec<Diagnostic>,
    pub(crate) kpi_diagnostics: Vec<Diagnostic>,
    pub(crate) kpi: Option<Evaluation>,
    pub(crate) deadline_diagnostics: Vec<Diagnostic>,
    pub(crate) deadline: Option<DeadlineStatus>,
    pub(crate) checks: Vec<Diagnostic>,
}

/// What [`Validator::refresh`] recomputed, with the parts as they were.
#[derive(Default)]
pub(crate) struct Refreshed {
    pub(crate) field: Option<(usize, FieldPart)>,
    /// One member of a group field, and the group's unknown members.
    pub(crate) member: Option<(usize, usize, Vec<Diagnostic>, Vec<Diagnostic>)>,
    pub(crate) unknown: Option<Vec<Diagnostic>>,
    pub(crate) constraints: Option<Vec<Diagnostic>>,
    pub(crate) kpi: Option<(Vec<Diagnostic>, Option<Evaluation>)>,
    pub(crate) deadline: Option<(Vec<Diagnostic>, Option<DeadlineStatus>)>,
    pub(crate) checks: Option<Vec<Diagnostic>>,
}

impl Kept {
    /// The validation kept.
    pub(crate) fn validation(&self) -> Validation {
        match self {
            Kept::Early(v) => v.clone(),
            Kept::Parts(p) => p.assemble(),
        }
    }

    fn into_validation(self) -> Validation {
        match self {
            Kept::Early(v) => v,
            Kept::Parts(p) => p.assemble(),
        }
    }
}

impl Refreshed {
    /// Swaps the parts kept here with those of `parts`: the parts as they
    /// were and as they are now change places.
    pub(crate) fn swap(&mut self, parts: &mut Parts) {
        use std::mem::swap;
        if let Some((i, f)) = &mut self.field {
            swap(f, &mut parts.fields[*i]);
        }
        if let Some((i, j, m, u)) = &mut self.member {
            swap(m, &mut parts.fields[*i].members[*j]);
            swap(u, &mut parts.fields[*i].unknown);
        }
        if let Some(u) = &mut self.unknown {
            swap(u, &mut parts.unknown);
        }
        if let Some(c) = &mut self.constraints {
            swap(c, &mut parts.constraints);
        }
        if let Some((d, k)) = &mut self.kpi {
            swap(d, &mut parts.kpi_diagnostics);
            swap(k, &mut parts.kpi);
        }
        if let Some((d, s)) = &mut self.deadline {
            swap(d, &mut parts.deadline_diagnostics);
            swap(s, &mut parts.deadline);
        }
        if let Some(c) = &mut self.checks {
            swap(c, &mut parts.checks);
        }
    }

    /// The diagnostics of the parts kept here.
    pub(crate) fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        let field = self.field.iter().flat_map(|(_, f)| f.diagnostics());
        let member = self
            .member
            .iter()
            .flat_map(|(_, _, m, u)| m.iter().chain(u));
        field
            .chain(member)
            .chain(self.unknown.iter().flatten())
            .chain(self.constraints.iter().flatten())
            .chain(self.kpi.iter().flat_map(|(d, _)| d))
            .chain(self.deadline.iter().flat_map(|(d, _)| d))
            .chain(self.checks.iter().flatten())
    }
}

impl Parts {
    /// Every diagnostic in the order of a whole validation: the fields in
    /// the form's order, fields the form does not have, cross-field, KPI,
    /// deadline and custom checks.
    pub(crate) fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.fields
            .iter()
            .flat_map(FieldPart::diagnostics)
            .chain(&self.unknown)
            .chain(&self.constraints)
            .chain(&self.kpi_diagnostics)
            .chain(&self.deadline_diagnostics)
            .chain(&self.checks)
    }

    /// The validation these parts make.
    pub(crate) fn assemble(&self) -> Validation {
        finish(
            Some(self.kind),
            self.diagnostics().cloned().collect(),
            self.kpi.clone(),
            self.deadline.clone(),
        )
    }
}
