// The rule editor for policy staff: one year's Rhai script in CodeMirror,
// with highlighting, completion of the script API and of indicator ids, and
// the engine's diagnostics inline at their line and column. Every edit is
// checked with checkRules; when the scripts load, `onRules` receives a new
// engine (the form re-validates with it); when they do not, the error is
// shown and the last working rules stay in use.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { autocompletion } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
// The full module (rule scripts, Rhai): loaded only with the editor, the
// form itself runs on the lean default entry.
import { init, Engine, checkRules, defaultScripts, scriptApi } from 'dxplan/rules';
import { rhai } from './rhai-language.js';
import { h } from './common.js';

const DEBOUNCE_MS = 250;

/**
 * @param {HTMLElement} root where the editor goes (expects #editor, #rule-year, #rule-status, #diff-btn, #diff)
 * @param {{ indicators: {id: string, name: {vi: string}}[], onRules: (engine: import('dxplan/rules').Engine, year: number) => void }} options
 */
export async function ruleEditor(root, { indicators, onRules }) {
  await init();
  const scripts = defaultScripts();
  const api = scriptApi();
  const status = root.querySelector('#rule-status');
  const yearSelect = root.querySelector('#rule-year');
  const diffBox = root.querySelector('#diff');
  let current = scripts.length - 2; // 2025.rhai: the year the seeds' plans run
  let timer = null;
  let engine = null;

  for (const [i, s] of scripts.entries()) {
    yearSelect.append(h('option', { value: String(i), selected: i === current }, s.name));
  }

  const complete = (ctx) => {
    const word = ctx.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
    const quoted = ctx.matchBefore(/"[A-Za-z_0-9]*/);
    if (quoted) {
      return {
        from: quoted.from + 1,
        options: indicators.map((i) => ({ label: i.id, type: 'constant', detail: i.name.vi })),
      };
    }
    if (!word && !ctx.explicit) return null;
    return {
      from: word ? word.from : ctx.pos,
      options: api.map((f) => ({
        label: f.name,
        type: 'function',
        detail: `(${f.params})`,
        info: `${f.vi} — ${f.en}`,
        apply: `${f.name}(`,
      })),
    };
  };

  // The editor lives in a shadow root: CodeMirror then styles it with a
  // constructed style sheet instead of a <style> element, which the page's
  // Content-Security-Policy (style-src 'self') would block.
  const host = root.querySelector('#editor');
  const shadow = host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  shadow.append(parent);
  const view = new EditorView({ parent, root: shadow, state: state(scripts[current].source) });

  function state(doc) {
    return EditorState.create({
      doc,
      extensions: [
        basicSetup,
        rhai(new Set(api.map((f) => f.name))),
        autocompletion({ override: [complete] }),
        lintGutter(),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) schedule();
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'Tệp quy tắc' }),
        EditorView.theme({ '&': { maxHeight: '28rem', fontSize: '14px' }, '.cm-scroller': { overflow: 'auto' } }),
      ],
    });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(apply, DEBOUNCE_MS);
  }

  function position(span) {
    const doc = view.state.doc;
    const line = doc.line(Math.min(Math.max(span.line, 1), doc.lines));
    return Math.min(line.from + Math.max(span.column - 1, 0), line.to);
  }

  function apply() {
    scripts[current] = { name: scripts[current].name, source: view.state.doc.toString() };
    const check = checkRules(scripts);
    if (!check.ok) {
      const diags = check.diagnostics.map((d) => {
        const mine = d.span && d.span.file === scripts[current].name;
        const from = mine ? position(d.span) : 0;
        return {
          from,
          to: Math.min(from + 1, view.state.doc.length),
          severity: d.severity === 'warning' ? 'warning' : 'error',
          message: `${d.message.vi}${d.hint ? ` — ${d.hint.vi}` : ''}`,
        };
      });
      view.dispatch(setDiagnostics(view.state, diags));
      const first = check.diagnostics[0];
      const where = first.span ? `${first.span.file}:${first.span.line}:${first.span.column}` : '';
      status.className = 'rule-status error';
      status.replaceChildren(
        h('strong', {}, 'Quy tắc lỗi, vẫn dùng quy tắc trước đó. '),
        `${where} ${first.message.vi}`,
      );
      status.dataset.state = 'error';
      status.dataset.line = first.span ? String(first.span.line) : '';
      return;
    }
    view.dispatch(setDiagnostics(view.state, []));
    const next = Engine.fromScripts(scripts);
    engine?.free();
    engine = next;
    status.className = 'rule-status ok';
    status.dataset.state = 'ok';
    status.dataset.line = '';
    status.replaceChildren(
      `Đã áp dụng ${check.files} tệp quy tắc (${check.changes.length} thay đổi). Biểu mẫu đã được kiểm tra lại.`,
    );
    onRules(engine, Number(scripts[current].name.slice(0, 4)));
  }

  function showDiff() {
    const year = Number(scripts[current].name.slice(0, 4));
    const d = (engine ?? Engine.withDefaults()).diff(year - 1, year);
    diffBox.replaceChildren(
      h('h3', {}, `Thay đổi từ năm ${d.from_year} sang năm ${d.to_year}`),
      d.changes.length === 0 ? h('p', {}, 'Không có thay đổi của tệp quy tắc.') : null,
      h('ul', {}, d.changes.map((c) => h('li', {}, h('code', {}, `${c.origin.file}:${c.origin.line}`), ' ', c.summary.vi))),
      d.targets.length
        ? h('table', { class: 'diff-targets' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Chỉ tiêu'), h('th', {}, 'Kế hoạch'), h('th', {}, String(d.from_year)), h('th', {}, String(d.to_year)), h('th', {}, 'Nguồn'))),
          h('tbody', {}, d.targets.map((t) => h('tr', {},
            h('td', {}, t.kpi), h('td', {}, t.plan), h('td', {}, t.from?.vi ?? '—'), h('td', {}, t.to?.vi ?? '—'), h('td', {}, t.origin.vi)))))
        : h('p', {}, 'Không có mục tiêu nào khác nhau.'),
    );
    diffBox.hidden = false;
  }

  yearSelect.addEventListener('change', () => {
    current = Number(yearSelect.value);
    view.setState(state(scripts[current].source));
    diffBox.hidden = true;
  });
  root.querySelector('#diff-btn').addEventListener('click', showDiff);
  status.textContent = `Quy tắc mặc định: ${scripts.map((s) => s.name).join(', ')}.`;
  status.dataset.state = 'ok';

  return { view, apply };
}
