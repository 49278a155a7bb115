// dxplan form adapter: live validation for an existing HTML form, in the
// error-summary and inline-message patterns of the GOV.UK Design System and
// USWDS, without a framework, inline styles or eval (it works under
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`).
//
//   import { init, Engine } from 'dxplan';
//   import { attachValidation } from 'dxplan/form';
//   await init();
//   const engine = Engine.withDefaults();
//   attachValidation(document.querySelector('form'), engine, { kind: 'quarterly', base: { … } });
//
// Each control is mapped to a report path by its `data-dx-path` attribute (a
// JSON pointer) or its `name` (`values.dossiers_total`,
// `appendices[investments][0][disbursed]`). The report lives in a session of
// the engine (`engine.openReport`): a keystroke sends that one value and gets
// back what changed anywhere in the report; a change event and a submit send
// the whole form again, so the session holds exactly what the page shows.
//
// What the person sees: a field's messages appear next to it once they
// leave it after changing it (and the messages its change caused on other
// fields, such as a total), or on submit; not while the page loads. A
// submit with errors is stopped, the error summary at the top of the form
// lists each error as a link to its field, takes the focus, and the page
// title starts with "Lỗi: ". Only the fields on the form (and the identity
// passed in `base`) are asked for: a form for ten indicators is not told
// about the hundred others.

const TEXT = {
  vi: {
    title: 'Có lỗi cần sửa',
    review: 'Cần xem lại',
    error: 'Lỗi:',
    warning: 'Cảnh báo:',
    pageTitle: 'Lỗi: ',
    noField: 'Biểu mẫu này không có ô cho mục này; hãy báo cho người quản lý biểu mẫu.',
    failed: 'Không kiểm tra được biểu mẫu',
  },
  en: {
    title: 'There is a problem',
    review: 'Please check',
    error: 'Error:',
    warning: 'Warning:',
    pageTitle: 'Error: ',
    noField: 'This form has no field for it; tell whoever looks after the form.',
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

/** The JSON pointers of the values in `value` (objects walked, anything
 *  else a leaf): the fields a page passes in `base`. */
function leavesOf(value, at = '', out = []) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) leavesOf(value[key], at + '/' + escapeSegment(key), out);
  } else if (at !== '') {
    out.push(at);
  }
  return out;
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
    // The text as typed ("1.234.567", "97,5", "1.500.000 đồng"): the engine
    // reads numbers written in Vietnamese, so the form, the command line and
    // a service give one verdict for the same text.
    const text = el.value.trim();
    return text === '' ? undefined : text;
  }
  if (type === 'boolean') return el.value === 'true' ? true : el.value === 'false' ? false : undefined;
  const text = el.value.trim();
  return text === '' ? undefined : el.value;
}

/** Adds or removes one id in a control's `aria-describedby`, keeping the
 *  page's own ids (a hint's) in their order. */
function describedBy(el, id, on) {
  const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
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
  const show = ['blur', 'input', 'submit', 'now'].includes(option('show')) ? option('show') : 'blur';
  const scope = option('scope') === 'all' ? 'all' : 'form';
  const today = () =>
    typeof option('today') === 'function' ? option('today')() : option('today') || todayInVietnam();
  const doc = form.ownerDocument;
  const pageTitle = doc.title;

  // The summary: the page's element, or one made at the top of the form.
  let madeSummary = false;
  let summary = option('summary') || null;
  if (!summary) {
    summary = doc.createElement('div');
    summary.hidden = true;
    form.prepend(summary);
    madeSummary = true;
  }
  summary.classList.add('dx-error-summary');
  summary.setAttribute('tabindex', '-1');
  if (!summary.id) summary.id = (form.id || 'dx-form') + '-error-summary';

  /** @type {Map<string, object[]>} diagnostics by path */
  let byPath = new Map();
  let last = null;
  let failure = null;
  let submitted = false;
  /** Controls whose messages are shown. */
  const revealed = new Set();
  /** For each control being edited: the paths its edits changed. */
  const pending = new Map();
  /** Message elements the adapter made (removed by `detach`). */
  const made = new Set();

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

  function base() {
    const b = option('base');
    return clone(typeof b === 'function' ? b() : b);
  }

  function report() {
    const r = base();
    for (const el of controls()) setAt(r, pathOf(el), valueOf(el));
    if (option('kind') && r.kind === undefined) r.kind = option('kind');
    return r;
  }

  /** The fields the form shows: its controls and the identity in `base`. */
  function fields() {
    const paths = new Set(leavesOf(base()));
    if (option('kind')) paths.add('/kind');
    for (const el of controls()) paths.add(pathOf(el));
    return [...paths].sort();
  }

  function controlFor(path, all) {
    if (!path) return null;
    const exact = all.find((el) => pathOf(el) === path);
    if (exact) return exact;
    return all.find((el) => pathOf(el).startsWith(path + '/')) || null;
  }

  function idOf(el) {
    if (!el.id) el.id = 'dx-' + pathOf(el).replace(/[^A-Za-z0-9_-]/g, '-');
    return el.id;
  }

  /** The element for a control's messages of one kind (`error`, `warning`):
   *  the page's own (`#ID-error`), or one made just before the control (after
   *  its label when the label wraps it: a message is not part of a name). */
  function slot(el, kind) {
    const id = `${idOf(el)}-${kind}`;
    let p = doc.getElementById(id);
    if (!p) {
      p = doc.createElement('p');
      p.id = id;
      p.hidden = true;
      const wrap = el.closest('label');
      if (wrap && form.contains(wrap)) wrap.insertAdjacentElement('afterend', p);
      else el.insertAdjacentElement('beforebegin', p);
      made.add(p);
    }
    p.classList.add(kind === 'error' ? 'dx-error-message' : 'dx-warning-message');
    return p;
  }

  function fill(p, prefix, diags) {
    p.replaceChildren();
    const hidden = doc.createElement('span');
    hidden.className = 'dx-visually-hidden';
    hidden.textContent = prefix + ' ';
    p.append(hidden);
    diags.forEach((d, i) => {
      if (i > 0) p.append(doc.createElement('br'));
      const m = doc.createElement('span');
      m.className = 'dx-message';
      m.textContent = d.message[lang];
      p.append(m);
      if (d.hint) {
        const h = doc.createElement('span');
        h.className = 'dx-message-hint';
        h.textContent = (/[.!?:]$/.test(d.message[lang]) ? ' ' : '. ') + d.hint[lang];
        p.append(h);
      }
    });
  }

  function render() {
    const all = controls();
    const shown = new Map(all.map((el) => [el, { errors: [], warnings: [] }]));
    const unplaced = [];
    for (const [path, diags] of byPath) {
      const el = controlFor(path, all);
      for (const d of diags) {
        if (d.severity === 'info') continue;
        if (!el) unplaced.push(d);
        else (d.severity === 'error' ? shown.get(el).errors : shown.get(el).warnings).push(d);
      }
    }
    const placedErrors = [];
    for (const [el, { errors, warnings }] of shown) {
      const visible = submitted || show === 'now' || revealed.has(el);
      const e = visible ? errors : [];
      const w = visible ? warnings : [];
      for (const [kind, list, prefix] of [['error', e, words.error], ['warning', w, words.warning]]) {
        const id = `${idOf(el)}-${kind}`;
        if (list.length) {
          const p = slot(el, kind);
          fill(p, prefix, list);
          p.hidden = false;
        } else {
          const p = doc.getElementById(id);
          if (p) {
            p.hidden = true;
            p.replaceChildren();
          }
        }
        describedBy(el, id, list.length > 0);
      }
      el.setCustomValidity(e.map((d) => d.message[lang]).join('\n'));
      el.classList.toggle('dx-input--error', e.length > 0);
      const group = el.closest('.dx-field');
      if (group) group.classList.toggle('dx-field--error', e.length > 0);
      if (e.length) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
      for (const d of e) placedErrors.push([d, el]);
    }
    renderSummary(placedErrors, unplaced);
    if (typeof option('onResult') === 'function') option('onResult')(last, byPath);
  }

  function item(d, el) {
    const li = doc.createElement('li');
    li.dataset.code = d.code;
    if (d.path) li.dataset.path = d.path;
    if (el) {
      const a = doc.createElement('a');
      a.href = '#' + idOf(el);
      a.textContent = d.message[lang];
      a.addEventListener('click', (e) => {
        e.preventDefault();
        const label = el.labels && el.labels[0];
        (label || el).scrollIntoView({ block: 'start' });
        el.focus({ preventScroll: true });
      });
      li.append(a);
    } else {
      li.textContent = d.message[lang];
      const why = doc.createElement('span');
      why.className = 'dx-message-hint';
      const end = /[.!?:]$/.test(d.message[lang]) ? ' ' : '. ';
      why.textContent = end + (d.hint ? d.hint[lang] + ' ' : '') + words.noField;
      li.append(why);
    }
    return li;
  }

  function renderSummary(placedErrors, unplaced) {
    const errors = [...placedErrors, ...unplaced.filter((d) => d.severity === 'error').map((d) => [d, null])];
    const warnings = unplaced.filter((d) => d.severity === 'warning');
    const visible = failure !== null || (submitted && errors.length + warnings.length > 0) ||
      (show === 'now' && errors.length > 0);
    summary.replaceChildren();
    summary.hidden = !visible;
    const titled = errors.length > 0 || failure !== null;
    doc.title = visible && titled ? words.pageTitle + pageTitle : pageTitle;
    if (!visible) {
      summary.removeAttribute('role');
      summary.removeAttribute('aria-labelledby');
      return;
    }
    const title = doc.createElement('h2');
    title.className = 'dx-error-summary__title';
    title.id = summary.id + '-title';
    title.textContent = titled ? words.title : words.review;
    summary.setAttribute('aria-labelledby', title.id);
    if (titled) summary.setAttribute('role', 'alert');
    else summary.removeAttribute('role');
    summary.classList.toggle('dx-error-summary--review', !titled);
    summary.append(title);
    const list = doc.createElement('ul');
    list.className = 'dx-error-summary__list';
    if (failure) list.append(item(failure, null));
    for (const [d, el] of errors) list.append(item(d, el));
    if (warnings.length) {
      for (const d of warnings) {
        const li = item(d, null);
        li.classList.add('dx-error-summary__warning');
        list.append(li);
      }
    }
    summary.append(list);
  }

  function failed(e) {
    failure = {
      severity: 'error',
      code: e && e.code ? e.code : 'engine.failed',
      message: {
        vi: `${TEXT.vi.failed}: ${e && e.messageVi ? e.messageVi : e}`,
        en: `${TEXT.en.failed}: ${e && e.messageEn ? e.messageEn : e}`,
      },
    };
    render();
  }

  /** The report session, opened on the first validation and again when the
   *  day or the form's fields change (a table row added). */
  let session = null;
  let sessionKey = null;

  function closeSession() {
    if (session !== null) session.free();
    session = null;
    sessionKey = null;
  }

  function keyNow() {
    return today() + '\n' + (scope === 'form' ? fields().join('\n') : '');
  }

  function openSession(day) {
    closeSession();
    const opts = scope === 'form' ? { fields: fields() } : {};
    session = engine.openReport(report(), day, opts);
    sessionKey = keyNow();
  }

  function collect(result) {
    byPath = new Map();
    for (const d of result.diagnostics) {
      const key = d.path || '';
      if (!byPath.has(key)) byPath.set(key, []);
      byPath.get(key).push(d);
    }
  }

  function validateAll() {
    try {
      const key = keyNow();
      if (session === null || sessionKey !== key) openSession(today());
      else session.set('', report());
      last = session.validate();
      failure = null;
      collect(last);
      render();
    } catch (e) {
      last = null;
      failed(e);
    }
    return last;
  }

  /** One control's value sent; returns the paths whose diagnostics changed. */
  function validateOne(el) {
    const path = pathOf(el);
    if (!path || session === null || sessionKey !== keyNow()) {
      const before = new Map(byPath);
      validateAll();
      const changed = [];
      for (const k of new Set([...before.keys(), ...byPath.keys()])) {
        if (JSON.stringify(before.get(k)) !== JSON.stringify(byPath.get(k))) changed.push(k);
      }
      return changed;
    }
    try {
      const v = valueOf(el);
      const change = v === undefined ? session.remove(path) : session.set(path, v);
      const changed = [];
      for (const { path: at, diagnostics } of change.diagnostics) {
        const key = at || '';
        changed.push(key);
        const shown = diagnostics.filter((d) => d.severity !== 'info');
        if (shown.length === 0) byPath.delete(key);
        else byPath.set(key, diagnostics);
      }
      failure = null;
      render();
      return changed;
    } catch (e) {
      failed(e);
      return [];
    }
  }

  /** Shows the messages of `el` and of the fields its edits changed. */
  function reveal(el) {
    const all = controls();
    revealed.add(el);
    for (const path of pending.get(el) || []) {
      const other = controlFor(path, all);
      if (other) revealed.add(other);
    }
    pending.delete(el);
  }

  const isControl = (el) => el && form.contains(el) && typeof el.setCustomValidity === 'function' && safePathOf(el);

  const onInput = (e) => {
    const el = e.target;
    if (!isControl(el)) return;
    const changed = validateOne(el);
    const set = pending.get(el) || new Set();
    changed.forEach((p) => set.add(p));
    pending.set(el, set);
    if (show === 'input') {
      reveal(el);
      render();
    }
  };
  const onChange = (e) => {
    const el = e.target;
    validateAll();
    if (isControl(el) && show !== 'submit') {
      reveal(el);
      render();
    }
  };
  const onFocusOut = (e) => {
    const el = e.target;
    if (isControl(el) && pending.has(el) && show !== 'submit') {
      reveal(el);
      render();
    }
  };
  const onSubmit = (e) => {
    submitted = true;
    const result = validateAll();
    if (!result || !result.valid) {
      e.preventDefault();
      e.stopImmediatePropagation();
      summary.focus();
    }
  };

  // The adapter checks and stops a submit with errors; a page's own submit
  // handler, attached after it, runs only for a report without errors.
  form.noValidate = true;
  form.addEventListener('input', onInput);
  form.addEventListener('change', onChange);
  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('submit', onSubmit);
  if (option('validateNow') !== false) validateAll();

  return {
    validate: validateAll,
    report,
    fields,
    get result() {
      return last;
    },
    get diagnostics() {
      return [...byPath.values()].flat();
    },
    showAll() {
      submitted = true;
      render();
    },
    detach() {
      closeSession();
      form.removeEventListener('input', onInput);
      form.removeEventListener('change', onChange);
      form.removeEventListener('focusout', onFocusOut);
      form.removeEventListener('submit', onSubmit);
      for (const el of controls()) {
        el.setCustomValidity('');
        el.removeAttribute('aria-invalid');
        el.classList.remove('dx-input--error');
        for (const kind of ['error', 'warning']) describedBy(el, `${idOf(el)}-${kind}`, false);
      }
      for (const p of made) p.remove();
      if (madeSummary) summary.remove();
      else {
        summary.replaceChildren();
        summary.hidden = true;
      }
      doc.title = pageTitle;
    },
  };
}
