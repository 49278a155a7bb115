// The reporting calendar of a year: every obligation by level (deadline as
// the plan words it and the last on-time day), the consolidation windows
// between levels, holidays and swapped days, and an .ics file to download.
import { Engine } from 'dxplan';
import { fail, h, ready, today, vnDate } from './common.js';

const main = document.querySelector('main');
let engine;

function query() {
  const level = document.getElementById('level').value;
  return level ? { level } : {};
}

function render() {
  const year = Number(document.getElementById('year').value);
  const cal = engine.calendar(year, query());
  document.querySelector('#obligations tbody').replaceChildren(...cal.obligations.map((o) => h('tr', {
    'data-id': o.id, class: o.last_day_is_working_day ? '' : 'day-off',
  },
    h('td', {}, vnDate(o.deadline), o.last_day_is_working_day ? '' : h('small', {}, ` (${o.last_day_off_reason?.vi ?? 'ngày nghỉ'})`),
      o.provisional ? h('small', { class: 'provisional' }, ' (dự kiến)') : ''),
    h('td', {}, o.names.report.vi, h('br'), h('small', {}, `hạn: trước ngày ${vnDate(o.due_before)}`)),
    h('td', {}, o.names.plan.vi),
    h('td', {}, `${o.names.level.vi} → ${o.recipient.name.vi}`),
    h('td', {}, h('small', {}, o.names.source.vi)))));
  // A window is named by the report the upper level consolidates.
  const names = new Map(cal.obligations.map((o) => [o.id, o.names]));
  document.getElementById('windows').replaceChildren(...cal.consolidation_windows.map((w) => {
    const n = names.get(w.upper) ?? names.get(w.lower);
    return h('li', { class: w.too_short ? 'warn' : '' },
      `${n ? `${n.report.vi} (${n.plan.vi})` : ''}: ${vnDate(w.from)} → ${vnDate(w.to)}, ${w.working_days} ngày làm việc${w.too_short ? ' — quá ngắn' : ''}`);
  }));
  const hol = engine.holidays(year);
  // The notices the days follow, or why they are only provisional.
  document.getElementById('holidays-basis').replaceChildren(
    hol.provisional ? h('p', { class: 'warn', id: 'holidays-provisional' }, `Dự kiến: ${hol.provisional.vi}`) : '',
    ...hol.notices.map((n) => h('p', {}, h('small', {}, `Căn cứ: ${n}`))),
  );
  document.getElementById('holidays').replaceChildren(
    ...hol.days_off.map((d) => h('li', { 'data-date': d.date }, `${vnDate(d.date)}: ${d.name.vi}`,
      d.reason === 'compensatory' ? ' (nghỉ bù)' : d.reason === 'swap' ? ' (hoán đổi)' : '',
      d.provisional ? ' (dự kiến)' : '')),
    ...hol.working_weekend_days.map((w) => h('li', { 'data-date': w.date, class: 'worked' },
      `${vnDate(w.date)}: đi làm bù cho ngày ${vnDate(w.in_exchange_for)}`)),
  );
}

function download() {
  const year = Number(document.getElementById('year').value);
  const ics = engine.icalendar(year, today(), query(), 'vi');
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
  const a = h('a', { href: url, download: `dxplan-lich-bao-cao-${year}.ics` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function start() {
  await ready();
  engine = Engine.withDefaults();
  const years = document.getElementById('year');
  const shown = Number(new URLSearchParams(location.search).get('year')) || 2025;
  for (let y = 2022; y <= 2026; y++) years.append(h('option', { value: String(y), selected: y === shown }, String(y)));
  years.addEventListener('change', render);
  document.getElementById('level').addEventListener('change', render);
  document.getElementById('ics').addEventListener('click', download);
  render();
  document.body.dataset.ready = 'true';
}

start().catch((e) => fail(main, e));
