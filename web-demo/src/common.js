// What the three pages share: loading the engine once, the day the page
// works on, Vietnamese date display, and small DOM helpers (no innerHTML, so
// that text from reports and rules is never parsed as HTML).
import { init } from 'dxplan';
import { todayInVietnam } from 'dxplan/form';

export async function ready() {
  await init();
}

/** The day the page works on: `?today=yyyy-mm-dd` (tests, demos), else today in Vietnam. */
export function today() {
  const asked = new URLSearchParams(location.search).get('today');
  return asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : todayInVietnam();
}

/** yyyy-mm-dd → dd/mm/yyyy. */
export function vnDate(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso ?? '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An element with attributes and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Shows an error where the page's content would be. */
export function fail(where, e) {
  where.replaceChildren(h('p', { class: 'error', role: 'alert' }, `Lỗi / error: ${e?.messageVi ?? e?.message ?? e}`));
}
