// The unit's quarterly DX report form: a plain HTML form whose KPI inputs,
// outline sections and appendix tables follow the engine's JSON Schema for
// the unit's level; dxplan's form adapter validates it as the user types.
// The panel shows errors and warnings, each KPI met or not against the plan's
// target, and the deadline; the rule editor below re-validates on every edit.
import { Engine } from 'dxplan';
import { attachValidation } from 'dxplan/form';
import 'dxplan/form.css';
import example from '../../examples/reports/valid/quarterly.json';
import units from '../data/units.json';
import { fail, h, ready, today, vnDate } from './common.js';

const form = document.getElementById('report');
const panel = document.getElementById('panel');
const day = today();
let engine;
let adapter;

function clone(v) {
  return JSON.parse(JSON.stringify(v));
}

/** The report being edited: the example report of 001/000, re-pointed at the chosen unit and period. */
const state = { report: clone(example) };

function unit() {
  return units.find((u) => u.id === document.getElementById('unit').value) ?? units[0];
}

function schema() {
  return engine.schema('quarterly', Number(document.getElementById('period').value.slice(0, 4)));
}

/** The schema's properties in the form's order: required ones as listed (the
 *  order of the 001 outline and appendices), then the optional ones. */
function ordered(node) {
  const props = Object.entries(node.properties ?? {});
  const rank = (k) => {
    const i = (node.required ?? []).indexOf(k);
    return i < 0 ? 1000 : i;
  };
  return props.sort(([a], [b]) => rank(a) - rank(b));
}

/** Input ids in catalog order, so a rate's numerator and denominator sit together. */
let inputOrder = new Map();

function isoOf(v) {
  return typeof v === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(v) ? v.split('/').reverse().join('-') : v ?? '';
}

function control(path, prop, value) {
  const name = path.slice(1).split('/').join('.');
  const title = prop.title ?? name;
  if (prop.type === 'boolean') {
    return h('label', { class: 'check' }, h('input', { type: 'checkbox', name, checked: value === true }), ' ', title);
  }
  if (prop.enum) {
    const titles = prop['x-enum-titles'] ?? prop.enum;
    return h('select', { name, 'aria-label': title },
      h('option', { value: '' }, '—'),
      prop.enum.map((v, i) => h('option', { value: v, selected: v === value }, titles[i])));
  }
  if (prop.type === 'integer' || prop.type === 'number') {
    return h('input', { type: 'text', inputmode: 'decimal', 'data-dx-type': 'number', name, value: value ?? '', 'aria-label': title });
  }
  if (prop.pattern && prop.pattern.includes('\\d{4}-\\d{2}-\\d{2}')) {
    return h('input', { type: 'date', name, value: isoOf(value), 'aria-label': title });
  }
  return h('input', { type: 'text', name, value: value ?? '', 'aria-label': title });
}

function renderKpiInputs(s) {
  const level = unit().level;
  const values = s.properties.values.properties;
  const box = document.getElementById('kpi-inputs');
  box.replaceChildren(
    ...Object.entries(values)
      .filter(([, p]) => (p['x-levels'] ?? []).includes(level))
      .sort(([a], [b]) => (inputOrder.get(a) ?? 1e9) - (inputOrder.get(b) ?? 1e9))
      .map(([id, p]) => {
        const c = control(`/values/${id}`, p, state.report.values?.[id]);
        return p.type === 'boolean' ? h('div', { class: 'field' }, c) : h('label', { class: 'field' }, p.title, c);
      }),
  );
}

function renderOutline(s) {
  const box = document.getElementById('outline-fields');
  const sections = [];
  const walk = (node, path) => {
    for (const [k, p] of ordered(node)) {
      const here = `${path}/${k}`;
      if (p.type === 'object') {
        sections.push(h('h4', {}, p.title ?? k));
        walk(p, here);
      } else {
        const value = here.split('/').slice(1).reduce((o, key) => o?.[key], state.report);
        sections.push(h('label', { class: 'field wide' }, p.title ?? k,
          h('textarea', { name: here.slice(1).split('/').join('.'), rows: 2 }, value ?? '')));
      }
    }
  };
  walk(s.properties.outline, '/outline');
  box.replaceChildren(...sections);
}

function renderAppendices(s) {
  const box = document.getElementById('appendix-tables');
  box.replaceChildren();
  for (const [key, table] of Object.entries(s.properties.appendices.properties)) {
    const cols = ordered(table.items);
    const rows = state.report.appendices?.[key] ?? [];
    const body = h('tbody');
    const addRow = (row = {}) => {
      const tr = h('tr', {}, cols.map(([c, p]) => h('td', {}, control(`/appendices/${key}/0/${c}`, p, row[c]))),
        h('td', {}, h('button', { type: 'button', class: 'remove', 'aria-label': 'Xóa dòng', onclick: () => { tr.remove(); renumber(body, key); adapter?.validate(); } }, '×')));
      body.append(tr);
      renumber(body, key);
    };
    rows.forEach(addRow);
    box.append(
      h('section', { class: 'appendix', 'data-table': key },
        h('h4', {}, table.title),
        h('table', {}, h('thead', {}, h('tr', {}, cols.map(([, p]) => h('th', {}, p.title)), h('th'))), body),
        h('button', { type: 'button', class: 'add', onclick: () => { addRow(); adapter?.validate(); } }, '+ Thêm dòng')),
    );
  }
}

/** Rows are numbered by position: after a removal the names follow the table. */
function renumber(body, key) {
  [...body.rows].forEach((tr, i) => {
    for (const el of tr.querySelectorAll('[name]')) {
      el.name = el.name.replace(new RegExp(`^appendices\\.${key}\\.\\d+\\.`), `appendices.${key}.${i}.`);
    }
  });
}

function base() {
  const u = unit();
  return {
    kind: 'quarterly',
    plan: 'city-2025',
    period: document.getElementById('period').value,
    unit: { id: u.id, name: u.name, level: u.level },
    // Tables the user emptied are still sent, as empty tables.
    appendices: Object.fromEntries([...document.querySelectorAll('[data-table]')].map((t) => [t.dataset.table, []])),
  };
}

function renderForm() {
  const s = schema();
  renderKpiInputs(s);
  renderOutline(s);
  renderAppendices(s);
}

function showResult(result) {
  const kpiBody = document.querySelector('#kpi-results tbody');
  const deadline = document.getElementById('deadline');
  if (!result) return;
  const d = result.deadline;
  if (d) {
    // The engine's message already counts days and working days.
    deadline.className = `deadline ${d.status.state}`;
    deadline.dataset.state = d.status.state;
    deadline.replaceChildren(
      h('strong', {}, `Hạn nộp: ${vnDate(d.deadline)}`), ` → ${d.recipient.name.vi}`, h('br'),
      d.message.vi, h('br'), h('small', {}, `Nguồn: ${d.names.source.vi}`));
  } else {
    deadline.replaceChildren();
  }
  const rows = (result.kpi?.results ?? []).filter((r) => r.status !== 'no_target');
  kpiBody.replaceChildren(...rows.map((r) => h('tr', { 'data-kpi': r.indicator, 'data-status': r.status },
    h('td', {}, r.name.vi),
    h('td', { class: 'num' }, r.value_display?.vi ?? '—'),
    h('td', {}, r.target?.text.vi ?? '—'),
    h('td', { class: `status ${r.status}` }, STATUS_LABEL[r.status] ?? 'Chưa tính được', h('br'), h('small', {}, r.summary.vi)))));
}

// A horizon target not yet due is "đang thực hiện", not "chưa đạt" (DESIGN.md, Decision 34).
const STATUS_LABEL = { met: 'Đạt', not_met: 'Chưa đạt', in_progress: 'Đang thực hiện' };

function attach() {
  adapter?.detach();
  adapter = attachValidation(form, engine, {
    base,
    today: day,
    onResult: (result) => showResult(result),
  });
}

async function main() {
  await ready();
  engine = Engine.withDefaults();
  const catalog = engine.kpiCatalog();
  inputOrder = new Map(catalog.flatMap((i) => i.inputs.map((x) => x.id)).map((id, n) => [id, n]));
  document.getElementById('today-label').textContent = vnDate(day);
  const unitSelect = document.getElementById('unit');
  for (const u of units) unitSelect.append(h('option', { value: u.id, selected: u.id === example.unit.id }, u.name));
  const period = document.getElementById('period');
  for (const q of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']) {
    period.append(h('option', { value: q, selected: q === example.period }, `Quý ${'I II III IV'.split(' ')[Number(q.slice(-1)) - 1]}/${q.slice(0, 4)}`));
  }
  document.getElementById('submitted').value = isoOf(example.submitted_on);
  renderForm();
  const rerender = () => {
    state.report = { ...state.report, ...adapter.report() };
    renderForm();
    adapter.validate();
  };
  unitSelect.addEventListener('change', rerender);
  period.addEventListener('change', rerender);
  attach();
  // Runs only for a report without errors: the adapter stops the others and
  // shows its error summary at the top of the form.
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const r = adapter.result;
    document.getElementById('sent').textContent =
      `Báo cáo hợp lệ, sẵn sàng gửi ${r?.deadline?.recipient.name.vi ?? ''}.`;
  });
  // The form works from here on; the rule editor brings the full module, and
  // if that fails to load the form keeps working without it.
  try {
    const { ruleEditor } = await import('./rule-editor.js');
    await ruleEditor(document.getElementById('rules'), {
      indicators: catalog,
      onRules: (next) => {
        engine = next;
        attach();
      },
    });
  } catch (e) {
    document.getElementById('rule-status').textContent = `Không tải được trình biên tập quy tắc: ${e.message ?? e}`;
  }
  document.body.dataset.ready = 'true';
}

main().catch((e) => fail(panel, e));
