import type { Diagnostic, Engine, JsonValue, Validation } from './index.js';

export interface AttachOptions {
  /** Report kind when the form has no `kind` control (e.g. `quarterly`). */
  kind?: string;
  /** Fields the form does not show (plan, period, unit…), merged under the controls' values; they count as fields of the form. */
  base?: JsonValue | (() => JsonValue);
  /** Day to validate on, `yyyy-mm-dd` or `dd/mm/yyyy` (default: today in Vietnam, UTC+7). */
  today?: string | (() => string);
  /** Message language (default `vi`). */
  lang?: "vi" | "en";
  /** Attribute holding a control's report path (default `data-dx-path`; else its `name`). */
  attribute?: string;
  /** The error summary's element (default: one made at the top of the form). It is shown after a submit with errors, focused, with `role="alert"`. */
  summary?: HTMLElement | null;
  /**
   * When a field's messages appear: `blur` (default) once the person leaves a field they
   * changed, with the messages that change caused on other fields, and on submit;
   * `input` as they type; `submit` only on submit; `now` at once, even on load.
   */
  show?: "blur" | "input" | "submit" | "now";
  /** Which missing values are reported: `form` (default) only at the form's fields and `base`; `all` everywhere. */
  scope?: "form" | "all";
  /** Validate the whole form at once when attached (default true; nothing is shown until `show` says so). */
  validateNow?: boolean;
  /** Called after every validation with the last whole-form result and the diagnostics by path. */
  onResult?: (result: Validation | null, byPath: Map<string, Diagnostic[]>) => void;
}

export interface FormValidation {
  /** Validates the whole form now. */
  validate(): Validation | null;
  /** The report the form's controls make now. */
  report(): JsonValue;
  /** The fields the form shows (JSON pointers): its controls and `base`. */
  fields(): string[];
  /** The last whole-form result. */
  readonly result: Validation | null;
  /** The diagnostics now (shown or not yet shown). */
  readonly diagnostics: Diagnostic[];
  /** Shows every field's messages and the summary, as a submit does, without submitting. */
  showAll(): void;
  /** Removes the listeners, the messages and the elements it made, and frees the form's report session. */
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
