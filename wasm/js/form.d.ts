import type { Diagnostic, Engine, JsonValue, Validation } from './index.js';

export interface AttachOptions {
  /** Report kind when the form has no `kind` control (e.g. `quarterly`). */
  kind?: string;
  /** Fields the form does not show (plan, period, unit…), merged under the controls' values. */
  base?: JsonValue | (() => JsonValue);
  /** Day to validate on, `yyyy-mm-dd` or `dd/mm/yyyy` (default: today in Vietnam, UTC+7). */
  today?: string | (() => string);
  /** Message language (default `vi`). */
  lang?: "vi" | "en";
  /** Attribute holding a control's report path (default `data-dx-path`; else its `name`). */
  attribute?: string;
  /** Element that lists every error and warning, with links to the fields. */
  summary?: HTMLElement | null;
  /** When the browser shows a field's message bubble (default `change`). */
  reportOn?: "input" | "change" | "submit";
  /** Validate the whole form at once when attached (default true). */
  validateNow?: boolean;
  /** Called after every validation with the last whole-form result and the diagnostics by path. */
  onResult?: (result: Validation | null, byPath: Map<string, Diagnostic[]>) => void;
}

export interface FormValidation {
  /** Validates the whole form now. */
  validate(): Validation | null;
  /** The report the form's controls make now. */
  report(): JsonValue;
  /** The last whole-form result. */
  readonly result: Validation | null;
  /** The diagnostics shown now. */
  readonly diagnostics: Diagnostic[];
  /** Removes the listeners and the messages, and frees the form's report session. */
  detach(): void;
}

export function attachValidation(form: HTMLFormElement, engine: Engine, options?: AttachOptions): FormValidation;
/** The report path (JSON pointer) of a control name. */
export function pointerOf(name: string): string | null;
/** Whether the adapter writes a report path: false when a segment is `__proto__`, `constructor` or `prototype` (such controls are ignored with a console warning). */
export function isSafePath(pointer: string): boolean;
/** The value a control contributes to the report (`undefined`: nothing). */
export function valueOf(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): unknown;
/** Today in Vietnam (UTC+7) as `yyyy-mm-dd`. */
export function todayInVietnam(now?: Date): string;
