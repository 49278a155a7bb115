// The error every function and method of the package throws, one class for
// both entries (`dxplan` and `dxplan/rules`), so that `instanceof
// DxplanError` holds whichever module threw it.

/** What every function and method throws on bad input. */
export class DxplanError extends Error {
  /** @param {Array<object>} diagnostics */
  constructor(diagnostics) {
    const first = diagnostics[0] ?? {
      code: 'input.invalid_json',
      severity: 'error',
      message: { vi: 'Lỗi không xác định', en: 'unknown error' },
    };
    super(first.message.vi);
    this.name = 'DxplanError';
    this.code = first.code;
    this.severity = first.severity;
    this.messageVi = first.message.vi;
    this.messageEn = first.message.en;
    this.path = first.path ?? null;
    this.hint = first.hint ?? null;
    this.file = first.span?.file ?? null;
    this.line = first.span?.line ?? null;
    this.column = first.span?.column ?? null;
    this.diagnostics = diagnostics;
  }
}

