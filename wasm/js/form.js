// dxplan form adapter: live validation for an existing HTML form, without a
// framework and without eval (works under `script-src 'self' 'wasm-unsafe-eval'`).
//
//   import { init, Engine } from 'dxplan';
//   import { attachValidation } from 'dxplan/form';
//   await init();
//   const engine = Engine.withDefaults();
//   attachValidation(document.querySelector('form'), engine, {
//     kind: 'quarterly', summary: document.querySelector('#dx-summary'),
//   });
//
// Each control is mapped to a report path by its `data-dx-path` attribute (a
// JSON pointer) or its `name` (`values.dossiers_total`,
// `appendices[investments][0][disbursed]`). The report lives in a session of
// the engine (`engine.openReport`): a keystroke sends that one value and gets
// back what changed anywhere in the report (the field, the fields checked
// against it, totals, KPI results); a change event, and a submit, send the
// whole form once more so the session holds exactly what the page shows.
// Messages go through the Constraint Validation API, in Vietnamese unless
// `lang: 'en'`.

const TEXT = {
  vi: {
    errors: (n) => `${n} lỗi`,
    warnings: (n) => `${n} cảnh báo`,
    none: 'Không có lỗi.',
    failed: 'Không kiểm tra được biểu mẫu',
  },
  en: {
    errors: (n) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n) => `${n} warning${n === 1 ? '' : 's'}`,
    none: 'No problems.',
    failed: 'The form could not be checked',
  },
};

/** Today in Vietnam (UTC+7) as yyyy-mm-dd: the default clock, read here and passed to the engine. */
export function todayInVietnam(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function escapeSegment(s) {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(s) {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The report path (JSON pointer) of a control name: `a.b.0.c`, `a[b][0][c]`
 * and `/a/b/0/c` all give `/a/b/0/c`.
 */
export function pointerOf(name) {
  if (!name) return null;
  if (name.startsWith('/')) return name;
  const parts = name.replace(/\]/g, '').split(/\[|\./).filter((p) => p !== '');
  return parts.length === 0 ? null : '/' + parts.map(escapeSegment).join('/');
}

/** Path segments that would reach an object's prototype: a control named
 *  `__proto__.today` must not change every object of the page. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a report path is one the adapter writes (no prototype segment). */
export function isSafePath(pointer) {
  return pointer.split('/').slice(1).map(unescapeSegment).every((p) => !FORBIDDEN_SEGMENTS.has(p));
}

/** Sets `value` at `pointer`, creating the objects and arrays on the way;
 *  with `value` undefined, only creates them (an empty table row is a row).
 *  Writes own properties only, never through a prototype. */
function setAt(target, pointer, value) {
  const parts = pointer.split('/').slice(1).map(unescapeSegment);
  if (parts.some((p) => FORBIDDEN_SEGMENTS.has(p))) return;
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const own = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    if (own === undefined || own === null || typeof own !== 'object') {
      node[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    }
    node = node[key];
  }
  if (value !== undefined) node[parts[parts.length - 1]] = value;
}

/** `options[key]` when `options` has it as its own property (a polluted
 *  `Object.prototype` cannot supply an option). */
function ownOption(options, key) {
  return options !== null && typeof options === 'object' && Object.prototype.hasOwnProperty.call(options, key)
    ? options[key]
    : undefined;
}

function clone(value) {
  return value === undefined ? {} : JSON.parse(JSON.stringify(value));
}

/** The value a control contributes to the report (`undefined`: nothing). */
export function valueOf(el) {
  const type = (el.getAttribute('data-dx-type') || el.type || '').toLowerCase();
  if (el.type === 'checkbox') return el.checked;
  if (el.type === 'radio') return el.checked ? el.value : undefined;
  if (el.tagName === 'SELECT' && el.multiple) {
    return Array.from(el.selectedOptions, (o) => o.value);
  }
  if (type === 'number' || type === 'integer' || type === 'range') {
    // A number input with text the browser cannot read: keep it visible to
    // the engine as text, so it says "not a number" at this path.
    if (el.validity && el.validity.badInput) return el.value || '?';
    // The text as typed ("1.234.567", "97,5"): the engine reads numbers
    // written in Vietnamese (Exact::read), so the form, the command line and
    // a service give one verdict for the same text.
    const text = el.value.trim();
    return text === '' ? undefined : text;
  }
  if (type === 'boolean') return el.value === 'true' ? true : el.value === 'false' ? false : undefined;
  return el.value === '' ? undefined : el.value;
}

/**
 * Attaches live validation to `form`.
 * @param {HTMLFormElement} form
 * @param {import('./index.js').Engine} engine
 * @param {import('./form.js').AttachOptions} [options]
 * @returns {import('./form.js').FormValidation}
 */
export function attachValidation(form, engine, options = {}) {
  const option = (key) => ownOption(options, key);
  const lang = option('lang') === 'en' ? 'en' : 'vi';
  const words = TEXT[lang];
  const attribute = option('attribute') || 'data-dx-path';
  const summary = option('summary') || null;
  const reportOn = option('reportOn') || 'change';
  const today = () =>
    typeof option('today') === 'function' ? option('today')() : option('today') || todayInVietnam();
  /** @type {Map<string, object[]>} diagnostics by path */
  let byPath = new Map();
  let last = null;

  const pathOf = (el) => el.getAttribute(attribute) || pointerOf(el.name);
  const warned = new WeakSet();
  /** A control's path, or null when it has none or one the adapter refuses. */
  const safePathOf = (el) => {
    const path = pathOf(el);
    if (!path || isSafePath(path)) return path;
    if (!warned.has(el)) {
      warned.add(el);
      console.warn(`dxplan: control ignored, its path ${JSON.stringify(path)} names __proto__, constructor or prototype`);
    }
    return null;
  };
  const controls = () =>
    Array.from(form.elements).filter(
      (el) => el.tagName !== 'BUTTON' && el.tagName !== 'FIELDSET' && el.type !== 'submit' && safePathOf(el),
    );

  function report() {
    const base = option('base');
    const r = clone(typeof base === 'function' ? base() : base);
    for (const el of controls()) setAt(r, pathOf(el), valueOf(el));
    if (option('kind') && r.kind === undefined) r.kind = option('kind');
    return r;
  }

  const message = (d) => d.message[lang];

  function controlFor(path, all) {
    const exact = all.find((el) => pathOf(el) === path);
    if (exact) return exact;
    return all.find((el) => pathOf(el).startsWith(path + '/')) || null;
  }

  function render() {
    const all = controls();
    const shown = new Map(all.map((el) => [el, { errors: [], warnings: [] }]));
    for (const [path, diags] of byPath) {
      const el = controlFor(path, all);
      if (!el) continue; // shown in the summary only
      for (const d of diags) {
        const slot = shown.get(el);
        (d.severity === 'error' ? slot.errors : slot.warnings).push(message(d));
      }
    }
    for (const [el, { errors, warnings }] of shown) {
      el.setCustomValidity(errors.join('\n'));
      if (errors.length) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
      if (warnings.length) el.setAttribute('data-dx-warning', warnings.join('\n'));
      else el.removeAttribute('data-dx-warning');
    }
    if (summary) renderSummary(all);
    if (typeof option('onResult') === 'function') option('onResult')(last, byPath);
  }

  function renderSummary(all) {
    const diags = [...byPath.values()].flat();
    const errors = diags.filter((d) => d.severity === 'error').length;
    const warnings = diags.filter((d) => d.severity === 'warning').length;
    summary.replaceChildren();
    const head = document.createElement('p');
    head.className = 'dx-summary-head';
    head.textContent = errors + warnings === 0 ? words.none : `${words.errors(errors)}, ${words.warnings(warnings)}`;
    summary.append(head);
    if (errors + warnings === 0) return;
    const list = document.createElement('ul');
    for (const d of diags) {
      if (d.severity === 'info') continue;
      const item = document.createElement('li');
      item.className = d.severity === 'error' ? 'dx-error' : 'dx-warning';
      item.dataset.code = d.code;
      if (d.path) item.dataset.path = d.path;
      const el = d.path ? controlFor(d.path, all) : null;
      if (el) {
        const link = document.createElement('a');
        if (!el.id) el.id = 'dx-' + pathOf(el).replace(/[^A-Za-z0-9_-]/g, '-');
        link.href = '#' + el.id;
        link.textContent = message(d);
        link.addEventListener('click', (e) => {
          e.preventDefault();
          el.focus();
        });
        item.append(link);
      } else {
        item.textContent = message(d);
      }
      if (d.hint) {
        const hint = document.createElement('small');
        hint.textContent = ' — ' + d.hint[lang];
        item.append(hint);
      }
      list.append(item);
    }
    summary.append(list);
    summary.hidden = false;
  }

  function failed(e) {
    const d = {
      severity: 'error',
      code: e && e.code ? e.code : 'engine.failed',
      path: e && e.path && e.path.startsWith('/') ? e.path : undefined,
      message: { vi: `${TEXT.vi.failed}: ${e && e.messageVi ? e.messageVi : e}`, en: `${TEXT.en.failed}: ${e && e.messageEn ? e.messageEn : e}` },
    };
    byPath = new Map([[d.path || '', [d]]]);
    render();
  }

  /** The report session, opened on the first validation and again when the day changes. */
  let session = null;
  let sessionDay = null;

  function closeSession() {
    if (session !== null) session.free();
    session = null;
    sessionDay = null;
  }

  function validateAll() {
    try {
      const day = today();
      if (session === null || sessionDay !== day) {
        closeSession();
        session = engine.openReport(report(), day);
        sessionDay = day;
      } else {
        session.set('', report());
      }
      last = session.validate();
      byPath = new Map();
      for (const d of last.diagnostics) {
        const key = d.path || '';
        if (!byPath.has(key)) byPath.set(key, []);
        byPath.get(key).push(d);
      }
      render();
    } catch (e) {
      last = null;
      failed(e);
    }
    return last;
  }

  function validateOne(el) {
    const path = pathOf(el);
    if (!path || session === null || sessionDay !== today()) return validateAll();
    try {
      const v = valueOf(el);
      const change = v === undefined ? session.remove(path) : session.set(path, v);
      for (const { path: at, diagnostics } of change.diagnostics) {
        const key = at || '';
        if (diagnostics.length === 0) byPath.delete(key);
        else byPath.set(key, diagnostics);
      }
      render();
    } catch (e) {
      failed(e);
    }
  }

  const onInput = (e) => {
    const el = e.target;
    if (!el || !form.contains(el) || !pathOf(el)) return;
    validateOne(el);
    if (reportOn === 'input') el.reportValidity();
  };
  const onChange = (e) => {
    validateAll();
    const el = e.target;
    // A change on a control (not on the form itself) shows that control's message.
    if (reportOn !== 'submit' && el && el.validity && !el.validity.valid) {
      el.reportValidity();
    }
  };
  const onSubmit = (e) => {
    const result = validateAll();
    if (!result || !result.valid) {
      e.preventDefault();
      form.reportValidity();
    }
  };

  form.addEventListener('input', onInput);
  form.addEventListener('change', onChange);
  form.addEventListener('submit', onSubmit);
  if (option('validateNow') !== false) validateAll();

  return {
    validate: validateAll,
    report,
    get result() {
      return last;
    },
    get diagnostics() {
      return [...byPath.values()].flat();
    },
    detach() {
      closeSession();
      form.removeEventListener('input', onInput);
      form.removeEventListener('change', onChange);
      form.removeEventListener('submit', onSubmit);
      for (const el of controls()) {
        el.setCustomValidity('');
        el.removeAttribute('aria-invalid');
        el.removeAttribute('data-dx-warning');
      }
      if (summary) summary.replaceChildren();
    },
  };
}
