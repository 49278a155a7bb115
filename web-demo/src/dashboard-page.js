// The city's roll-up of its units' Q3 2025 reports (data/records-2025-q3.json,
// made with `dxplan workflow`): the accepted reports summed into each KPI, a
// bar per KPI against the plan's target, and the missing, not accepted and
// late units.
import { Engine } from 'dxplan';
import data from '../data/records-2025-q3.json';
import units from '../data/units.json';
import { fail, h, ready, vnDate } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const main = document.querySelector('main');

function svg(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** An exact number as the engine writes it ("65", "97.5", "33125/348") as a float, for drawing only. */
function num(text) {
  if (typeof text !== 'string') return NaN;
  const [n, d] = text.split('/');
  return d === undefined ? Number(n) : Number(n) / Number(d);
}

/** A horizontal bar of the value on a 0–100 % scale (or 0–max for counts) with the target marked. */
const BAR_CLASS = { met: 'met', in_progress: 'in-progress' };

function chart(r) {
  const value = num(r.value);
  const target = num(r.target?.effective_value ?? r.target?.value);
  const max = r.unit === 'percent' ? 100 : Math.max(value, target, 1) * 1.1;
  const width = 320;
  const x = (v) => Math.max(0, Math.min(width, (v / max) * width));
  const g = svg('svg', { viewBox: `0 0 ${width} 28`, width, height: 28, role: 'img', 'aria-label': `${r.name.vi}: ${r.value_display?.vi ?? '—'}, mục tiêu ${r.target?.text.vi ?? '—'}` });
  g.append(svg('rect', { x: 0, y: 6, width, height: 14, class: 'track' }));
  if (Number.isFinite(value)) g.append(svg('rect', { x: 0, y: 6, width: x(value), height: 14, class: `bar ${BAR_CLASS[r.status] ?? 'not-met'}` }));
  if (Number.isFinite(target)) g.append(svg('line', { x1: x(target), x2: x(target), y1: 2, y2: 26, class: 'target' }));
  return g;
}

async function start() {
  await ready();
  const engine = Engine.withDefaults();
  document.getElementById('about').textContent = data.about;
  const r = engine.rollup(data.records, { level: data.level, period: data.period, plan: data.plan, expected: data.expected });
  const name = (id) => units.find((u) => u.id === id)?.name ?? id;
  document.getElementById('missing').replaceChildren(
    ...r.missing.map((u) => h('li', { 'data-unit': u }, name(u),
      r.not_accepted.some(([id]) => id === u) ? ` — ${r.not_accepted.find(([id]) => id === u)[1] === 'submitted' ? 'đã gửi, chờ tiếp nhận' : 'chưa được tiếp nhận'}` : ' — chưa gửi')));
  document.getElementById('late').replaceChildren(
    ...r.late.map((l) => h('li', { 'data-unit': l.unit }, `${name(l.unit)}: gửi ${vnDate(l.submitted_on)}, trễ ${l.days_late} ngày so với ${vnDate(l.deadline)}`)));
  document.getElementById('accepted').replaceChildren(...r.kpi.units_reported.map((u) => h('li', {}, name(u))));
  const results = r.kpi.results.filter((x) => x.target && x.value !== null);
  document.getElementById('charts').replaceChildren(...results.map((x) => h('figure', { 'data-kpi': x.indicator, 'data-status': x.status },
    h('figcaption', {}, x.name.vi),
    chart(x),
    h('p', { class: `status ${x.status}` }, `${x.value_display?.vi ?? '—'} ${x.unit === 'percent' ? '%' : ''} · ${x.summary.vi}`,
      x.contributing_units !== null && x.contributing_units !== undefined ? ` · ${x.contributing_units} đơn vị` : ''))));
  document.body.dataset.ready = 'true';
}

start().catch((e) => fail(main, e));
