
// ---- Shapes of the arguments and results (the JSON of `dxplan … --json`) ----

/** A text in Vietnamese (first) and English. */
export interface Text { vi: string; en: string }
/** A day as `yyyy-mm-dd` (results); arguments also accept `dd/mm/yyyy`. */
export type IsoDate = string;
export type Severity = "error" | "warning" | "info";
export interface Span { file: string; line: number; column: number }

/** One finding: stable code, JSON pointer, bilingual message, hint, source. */
export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. `report.required`, `kpi.numerator_exceeds_denominator`, `rules.syntax`. */
  code: string;
  /** JSON pointer into the input (`/values/dossiers_total`) or the argument's name. */
  path?: string;
  message: Text;
  hint?: Text;
  /** The document or law the check comes from. */
  source?: string;
  /** Where in a rule script. */
  span?: Span;
  /** The id of the script check that found it. */
  check?: string;
}

/** What every export throws: an `Error` carrying the first diagnostic's fields and all of them. */
export interface DxplanError extends Error {
  name: "DxplanError";
  code: string;
  severity: Severity;
  messageVi: string;
  messageEn: string;
  path: string | null;
  hint: Text | null;
  file: string | null;
  line: number | null;
  column: number | null;
  diagnostics: Diagnostic[];
}

export type ReportKind =
  | "quarterly" | "half_year" | "annual" | "plan_issue" | "self_inspection" | "inspection_report";
export type AdminLevel = "province" | "city" | "commune" | "unit";
export type ReportingLevel = "unit" | "city_office" | "province_department" | "province";

/** A report as the forms send it; see `schema(kind, year)` for each kind's fields. */
export interface Report {
  kind?: ReportKind | string;
  plan?: string;
  period?: string;
  unit?: { id?: string; name?: string; level?: AdminLevel | string; [key: string]: unknown };
  submitted_on?: string;
  values?: Record<string, number | string | boolean | null>;
  [field: string]: unknown;
}

export interface Counts { errors: number; warnings: number; infos: number }

export type SubmissionState =
  | { state: "not_yet_due"; days_left: number; working_days_left: number }
  | { state: "due"; days_left: number; working_days_left: number }
  | { state: "overdue"; days_late: number; working_days_late: number }
  | { state: "on_time"; days_early: number; working_days_early: number }
  | { state: "late"; days_late: number; working_days_late: number };

export interface Recipient { id: string; name: Text; level: ReportingLevel }

export interface StatusReport {
  obligation: string;
  deadline: IsoDate;
  today: IsoDate;
  submitted?: IsoDate;
  status: SubmissionState;
  message: Text;
}

export interface DeadlineStatus extends StatusReport { recipient: Recipient; source: string }

export type ValueUnit = "percent" | "count" | "per_week" | "rank";

export type KpiStatus = "met" | "not_met" | "no_target" | "not_computable" | "not_aggregated";

export interface AppliedTarget {
  comparator: ">=" | ">" | "<=" | "<" | "=";
  /** Exact number as text: `"65"`, `"97.5"` or a fraction `"33125/348"`. */
  value: string;
  effective_value: string;
  prorated: boolean;
  text: Text;
  from_year: number;
  to_year: number;
  horizon: boolean;
  level: AdminLevel | null;
  source: string;
  quote: string;
}

export interface KpiResult {
  indicator: string;
  name: Text;
  unit: ValueUnit;
  plan: string;
  year: number;
  status: KpiStatus;
  /** Exact number as text (`"65"`, `"33125/348"`); null when not computable. `value_display` is rounded for people. */
  value: string | null;
  value_display?: Text | null;
  target: AppliedTarget | null;
  met: boolean | null;
  gap: string | null;
  gap_display?: Text | null;
  contributing_units?: number | null;
  diagnostics: Diagnostic[];
}

export interface Evaluation {
  unit: string;
  level: AdminLevel;
  period: string;
  year: number;
  results: KpiResult[];
  not_reported: string[];
  diagnostics: Diagnostic[];
}

export interface Consolidation {
  unit?: string;
  level: AdminLevel;
  period: string;
  year: number;
  units_reported: string[];
  units_missing: string[];
  results: KpiResult[];
  per_unit: Evaluation[];
  diagnostics: Diagnostic[];
}

export interface Validation {
  kind: ReportKind | null;
  valid: boolean;
  counts: Counts;
  diagnostics: Diagnostic[];
  kpi: Evaluation | null;
  deadline: DeadlineStatus | null;
}

export interface FieldValidation {
  path: string;
  /** Every path this check covered (the field and the other side of cross-field rules): clear their messages. */
  checked: string[];
  diagnostics: Diagnostic[];
}

export interface DeadlinePolicy { boundary: "exclusive" | "inclusive"; non_working_day: "keep" | "roll_forward" | "pull_back" }

export interface DataWindow { start: IsoDate; end: IsoDate; source: string }

export interface Obligation {
  id: string;
  plan: string;
  kind: ReportKind;
  period: string;
  data_window?: DataWindow;
  level: ReportingLevel;
  recipient: Recipient;
  rule_text: string;
  source: string;
  policy: DeadlinePolicy;
  due_before: IsoDate;
  last_on_time_day: IsoDate;
  last_day_is_working_day: boolean;
  last_day_off_reason?: Text;
  by_rule: { keep: IsoDate; roll_forward: IsoDate; pull_back: IsoDate };
  deadline: IsoDate;
  data_gap_working_days?: number;
  superseded_by?: string;
}

export interface Overlap {
  plan: string;
  level: ReportingLevel;
  longer: string;
  shorter: string;
  longer_deadline: IsoDate;
  shorter_deadline: IsoDate;
  days_apart: number;
  rule: "separate" | "supersede";
}

export interface ConsolidationWindow {
  plan: string;
  period: string;
  kind: ReportKind;
  lower: string;
  upper: string;
  from: IsoDate;
  to: IsoDate;
  days: number;
  working_days: number;
  too_short: boolean;
}

export interface CalendarReport {
  year: number;
  obligations: Obligation[];
  overlaps: Overlap[];
  consolidation_windows: ConsolidationWindow[];
  diagnostics: Diagnostic[];
}

export interface CalendarQuery {
  plan?: string;
  level?: ReportingLevel;
  /** e.g. `exclusive+keep`, `inclusive+roll_forward`. */
  policy?: string;
  overlap?: "separate" | "supersede";
  /** First and last day of an inspection (inspection-2024). */
  inspection?: [string, string];
}

export interface DayOff {
  date: IsoDate;
  reason: "holiday" | "compensatory" | "swap";
  group: string;
  name: Text;
  on_weekend: boolean;
  source: string;
}

export interface WorkingWeekendDay { date: IsoDate; in_exchange_for: IsoDate; source: string }
export interface Holidays { year: number; days_off: DayOff[]; working_weekend_days: WorkingWeekendDay[] }
export interface DayCheck { date: IsoDate; is_working_day: boolean; reason: Text | null }

export interface StatusQuery {
  plan: string;
  kind: ReportKind;
  /** `2025-Q1`, `2025-H1`, `2025`, `2023-01-01..2024-09-15`. */
  period: string;
  level?: ReportingLevel;
  submitted?: string;
  policy?: string;
}

export interface StatusAnswer { obligation: Obligation; status: StatusReport }

export interface RecipientChange { from: IsoDate | null; recipient: Recipient; source: string }

export type Schedule =
  | { type: "recurring"; period_kind: "week" | "month" | "quarter" | "half_year" | "year"; day_of_last_month: number }
  | { type: "once"; period: string; due_before: IsoDate };

export interface DeadlineRule {
  kind: ReportKind;
  level: ReportingLevel;
  recipients: RecipientChange[];
  schedule: Schedule;
  rule_text: string;
  source: string;
  policy: DeadlinePolicy | null;
}

export interface Plan {
  id: string;
  name: Text;
  document: string;
  first_year: number;
  last_year: number | null;
  policy: DeadlinePolicy;
  overlap: "separate" | "supersede";
  rules: DeadlineRule[];
  inspection: { [key: string]: unknown } | null;
  [key: string]: unknown;
}

export interface IndicatorTarget {
  plan: string;
  from_year: number;
  to_year: number;
  horizon: boolean;
  level: AdminLevel | null;
  comparator: ">=" | ">" | "<=" | "<" | "=";
  value: string;
  source: { document: string; section: string; quote: string };
  set_by?: string;
}

export interface Indicator {
  id: string;
  name: Text;
  group: string;
  unit: ValueUnit;
  formula: { kind: string; [key: string]: unknown };
  aggregation: string;
  inputs: { id: string; name: Text; kind: string }[];
  levels: string[];
  lead: string | null;
  targets: IndicatorTarget[];
}

export interface UnitInput {
  unit: string;
  level: AdminLevel;
  period: string;
  values: Record<string, number | string | boolean | null>;
}

export interface ConsolidationInput {
  unit?: string;
  level: AdminLevel;
  period: string;
  expected_units?: string[];
  units: UnitInput[];
}

export interface KpiOptions { plans?: string[]; year?: number }

/** A JSON Schema (2020-12) document. */
export interface JsonSchema { $schema: string; title: string; type: string; [keyword: string]: unknown }

export interface ScriptText { name: string; source: string }

/** A function of the rule-script API: name, parameters (Vietnamese names), what it does. */
export interface ApiFunction { name: string; params: string; vi: string; en: string }

export interface Change { origin: Span; year: number; summary: Text; subject: string }
export interface Check { id: string; function: string; script: string; origin: Span }

export interface RulesCheck {
  ok: boolean;
  files: number;
  changes: Change[];
  checks: Check[];
  diagnostics: Diagnostic[];
}

export interface ExplainStep { origin: string; summary: Text; in_force: boolean }
export interface PlanSteps { plan: string; steps: ExplainStep[] }

export interface DeadlineExplanation {
  plan: string;
  date: IsoDate;
  obligations: Obligation[];
  recipients: RecipientChange[] | null;
  recipient_in_force: string | null;
}

export interface TargetDiff { kpi: string; plan: string; from: Text | null; to: Text | null; origin: Text }
export interface RulesDiff { from_year: number; to_year: number; changes: Change[]; targets: TargetDiff[] }

export interface TestOutcome { at: Span; query: string; expected: string; actual: string; passed: boolean }

export type WorkflowState = "draft" | "submitted" | "returned" | "resubmitted" | "accepted" | "consolidated";
export type Role = "unit" | "city_office" | "province_department";
export type Action = "submit" | "return" | "resubmit" | "accept" | "consolidate";
export interface Actor { role: Role; name: string }

export interface Transition {
  action: Action;
  by: Actor;
  /** `yyyy-mm-ddThh:mm[:ss]` or a day. */
  at: string;
  note?: string;
  reasons?: string[];
  /** The corrected report, with `resubmit`. */
  report?: Report;
}

export interface AuditEntry {
  action: Action;
  by: Actor;
  at: string;
  from: WorkflowState;
  to: WorkflowState;
  note?: string;
  reasons?: string[];
}

export interface ReportRecord {
  report: Report;
  state: WorkflowState;
  reviewer?: Role;
  submitted_on?: IsoDate;
  deadline?: IsoDate;
  history: AuditEntry[];
}

export interface RollupQuery { level: AdminLevel; period: string; plan: string; expected?: string[] }
export interface LateUnit { unit: string; submitted_on: IsoDate; deadline: IsoDate; days_late: number }

export interface Rollup {
  kpi: Consolidation;
  missing: string[];
  not_accepted: [string, WorkflowState][];
  late: LateUnit[];
  diagnostics: Diagnostic[];
}

export type Term =
  | { kind: "month"; year: number; month: number }
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "year"; year: number }
  | { kind: "range"; from: number; to: number }
  | { kind: "weekly" }
  | { kind: "yearly"; from?: number }
  | { kind: "continuous" }
  | { kind: "event"; event: string };

export interface Task {
  id: string;
  title: string;
  lead: string;
  coordinating?: string;
  output?: string;
  term_text: string;
  term: Term;
  source: string;
}

export interface Progress { task: string; on: string; kind: "progress" | "done" | "triggered"; note?: string }
export interface TasksQuery { agency?: string; progress?: Progress[] }

export type TaskStatus = {
  task: Task;
  due?: IsoDate;
  message: Text;
} & (
  | { state: "not_started" }
  | { state: "in_progress" }
  | { state: "due_soon"; days_left: number }
  | { state: "overdue"; days_late: number }
  | { state: "done"; on: IsoDate }
  | { state: "waiting_for_trigger" }
);
