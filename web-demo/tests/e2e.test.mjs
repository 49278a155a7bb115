// End-to-end tests of the demo in headless Chromium (Debian's package,
// driven by playwright-core), on the built pages (scripts/demo.sh --build)
// served with the demo's strict Content Security Policy. Expected values come
// from the seeds: 000 §VII.1 (quarterly before day 20 of the quarter's last
// month; annual before 15/12/2025), 000 §III (65 % of dossiers fully online),
// the 2025 holiday notice (Tết 28/01–02/02/2025). Screenshots go to
// target/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, countCspViolations, launchChromium, serveLocally } from '../../wasm/tests/chromium.mjs';
import { handler } from '../serve.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dist = here('../dist');
const artefacts = here('../../target/test-artifacts');
let server, base, browser;

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), 'the demo is built (bash scripts/demo.sh --build)');
  mkdirSync(artefacts, { recursive: true });
  ({ server, base } = await serveLocally(handler(dist)));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page of the demo, with every console error and CSP violation collected. */
async function open(path) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await countCspViolations(page);
  const response = await page.goto(base + path);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(response.headers()['content-security-policy'], /'unsafe-eval'|'unsafe-inline'/);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, problems };
}

const message = (page, sel) => page.$eval(sel, (el) => el.validationMessage);
const kpiStatus = (page, id) => page.getAttribute(`#kpi-results tr[data-kpi="${id}"]`, 'data-status');
const ruleStatus = (page) => page.getAttribute('#rule-status', 'data-state');

async function typeInEditor(page, text) {
  await page.locator('#editor .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape'); // close a completion list, if one is open
}

test('report form: messages after leaving a field, the error summary on submit, no violation (issue 18)', async () => {
  const { page, problems } = await open('/index.html?today=2025-09-16');
  const online = '[name="values.dossiers_full_online"]';
  const total = '[name="values.dossiers_total"]';
  const title = await page.title();
  // The example report of phường Quyết Thắng is valid on 16/09/2025; nothing shows on load.
  assert.equal(await message(page, online), '');
  assert.equal(await page.$eval('.dx-error-summary', (s) => s.hidden), true);
  assert.equal((await page.$$('.dx-error-message:not([hidden])')).length, 0);
  // Sent 15/09/2025; 000 §VII.1: before 20/09 → last on-time day 19/09, 4 days (4 working days) early.
  assert.equal(await page.getAttribute('#deadline', 'data-state'), 'on_time');
  assert.match(await page.textContent('#deadline'), /19\/09\/2025/);
  assert.match(await page.textContent('#deadline'), /4 ngày \(4 ngày làm việc\)/);
  // The form and its panel (the rule editor below is the portal app's, issue 20).
  assert.deepEqual(await axeViolations(page, 'main'), []);
  // Fewer dossiers in total than fully online: shown once the total is left, on the online field.
  await page.fill(total, '5');
  assert.equal(await message(page, online), '');
  await page.press(total, 'Tab');
  assert.match(await message(page, online), /lớn hơn/);
  assert.equal(await page.getAttribute(online, 'aria-invalid'), 'true');
  const describedBy = await page.getAttribute(online, 'aria-describedby');
  assert.match(await page.textContent(`#${describedBy}`), /^Lỗi: Số hồ sơ trực tuyến toàn trình \(1\.320\) không được lớn hơn/);
  await page.screenshot({ path: join(artefacts, 'demo-form-invalid.png'), fullPage: true });
  // Submit: stopped; the summary at the top of the form takes the focus, the title says "Lỗi: ".
  await page.click('#send');
  await page.waitForFunction(() => document.activeElement.classList.contains('dx-error-summary'));
  assert.equal(await page.getAttribute('.dx-error-summary', 'role'), 'alert');
  assert.equal(await page.textContent('.dx-error-summary h2'), 'Có lỗi cần sửa');
  assert.equal(await page.title(), 'Lỗi: ' + title);
  assert.equal(await page.textContent('#sent'), '');
  // What no field of the form can show is listed with what it means: the Q3 report's
  // recipient (Phòng VH&TT) ended with the district level on 1/7/2025 (DOMAIN.md).
  assert.match(await page.textContent('.dx-error-summary li[data-code="recipient.dissolved"]'),
    /không còn từ 01\/07\/2025.*Biểu mẫu này không có ô cho mục này/);
  assert.deepEqual(await axeViolations(page, 'main'), [], 'no violation with the errors showing');
  await page.screenshot({ path: join(artefacts, 'demo-form-summary.png'), fullPage: true });
  await page.fill(total, '1850');
  await page.press(total, 'Tab');
  assert.equal(await message(page, online), '');
  assert.equal((await page.$$('.dx-error-summary a')).length, 0);
  assert.equal(await page.title(), title);
  // Appendix rows: a new empty row is an error (required cells), removing it clears it.
  const rows = await page.$$('[data-table="news"] tbody tr');
  await page.click('[data-table="news"] button.add');
  await page.click('#send');
  const paths = await page.$$eval('.dx-error-summary li', (li) => li.map((x) => x.dataset.path));
  assert.ok(paths.some((p) => p?.startsWith(`/appendices/news/${rows.length}`)), paths.join(','));
  await page.click(`[data-table="news"] tbody tr:nth-child(${rows.length + 1}) button.remove`);
  assert.equal((await page.$$('.dx-error-summary a')).length, 0);
  // Valid: the page's own handler runs.
  await page.click('#send');
  assert.match(await page.textContent('#sent'), /^Báo cáo hợp lệ/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(problems, []);
  await page.close();
});

test('rule editor: a target edit flips a KPI; a broken edit shows its line and keeps the last working rules', async () => {
  const { page, problems } = await open('/index.html?today=2025-09-16');
  const kpi = 'full_online_dossiers_rate';
  // 1320 of 1850 dossiers fully online = 71.35 %, against "≥ 65 %" (000 §III).
  assert.equal(await kpiStatus(page, kpi), 'met');
  await typeInEditor(page, 'muc_tieu("full_online_dossiers_rate", "city-2025", 2025, ">=", 90, #{ tai_lieu: "000_b9c617fe6a001fd2.txt", muc: "§III", trich_dan: "thử nâng mục tiêu" });');
  await page.waitForFunction((id) => document.querySelector(`#kpi-results tr[data-kpi="${id}"]`)?.dataset.status === 'not_met', kpi);
  assert.equal(await ruleStatus(page), 'ok');
  await page.screenshot({ path: join(artefacts, 'demo-rules-target.png'), fullPage: true });

  await typeInEditor(page, 'let x = ;');
  await page.waitForFunction(() => document.getElementById('rule-status').dataset.state === 'error');
  const editingLine = await page.textContent('#editor .cm-activeLineGutter');
  assert.equal(await page.getAttribute('#rule-status', 'data-line'), editingLine.trim());
  assert.match(await page.textContent('#rule-status'), new RegExp(`2025\\.rhai:${editingLine.trim()}:`));
  assert.ok((await page.$$('#editor .cm-lint-marker-error')).length >= 1, 'inline marker in the gutter');
  await page.screenshot({ path: join(artefacts, 'demo-rules-error.png'), fullPage: true });
  // The form still validates, with the previous (working) rules: the 90 % target stays.
  assert.equal(await kpiStatus(page, kpi), 'not_met');
  await page.fill('[name="values.dossiers_total"]', '5');
  await page.press('[name="values.dossiers_total"]', 'Tab');
  assert.match(await message(page, '[name="values.dossiers_full_online"]'), /lớn hơn/);

  // Completion: the script API's functions and the catalog's indicator ids.
  await page.locator('#editor .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('muc_');
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('#editor .cm-tooltip-autocomplete');
  const offered = await page.$$eval('#editor .cm-completionLabel', (l) => l.map((x) => x.textContent));
  assert.ok(offered.includes('muc_tieu') && offered.includes('muc_tieu_cap'), offered.join(','));
  await page.keyboard.press('Escape');
  await page.keyboard.type('("full_onl');
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('#editor .cm-tooltip-autocomplete');
  const ids = await page.$$eval('#editor .cm-completionLabel', (l) => l.map((x) => x.textContent));
  assert.ok(ids.includes('full_online_dossiers_rate'), ids.join(','));
  await page.keyboard.press('Escape');

  // Diff with last year: the 2025 script's changes (000 reorganisation, targets).
  await page.click('#diff-btn');
  assert.match(await page.textContent('#diff h3'), /2024 sang năm 2025/);
  assert.ok((await page.$$('#diff li')).length >= 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('calendar: the seeds\' 2025 dates, holidays, and an .ics download', async () => {
  const { page, problems } = await open('/calendar.html');
  const deadline = (id) => page.textContent(`#obligations tr[data-id="${id}"] td:first-child`);
  assert.match(await deadline('city-2025/unit/quarterly/2025-Q3'), /^19\/09\/2025/);
  assert.match(await deadline('city-2025/unit/half_year/2025-H1'), /^19\/06\/2025/); // "trước ngày 20 tháng 6 năm 2025"
  assert.match(await deadline('city-2025/unit/annual/2025'), /^14\/12\/2025 \(Chủ Nhật/); // "trước ngày 15 tháng 12", a Sunday
  // People read the period, plan and source in words, not ids or file names (issue 14 §5).
  const row = await page.textContent('#obligations tr[data-id="city-2025/unit/quarterly/2025-Q3"]');
  assert.match(row, /Báo cáo quý III\/2025/);
  assert.match(row, /Kế hoạch Chuyển đổi số thành phố Kon Tum năm 2025, §VII\.1/);
  assert.doesNotMatch(await page.textContent('#obligations'), /2025-Q\d|city-2025|dti-2022|\.txt/);
  assert.ok(await page.$('#holidays li[data-date="2025-01-29"]'), 'Mùng 1 Tết Ất Tỵ');
  assert.ok(await page.$('#holidays li.worked[data-date="2025-04-26"]'), 'Saturday 26/04 worked for 02/05');
  assert.match(await page.textContent('#holidays-basis'), /Căn cứ: Công văn số 8726\/VPCP-KGVX/);
  assert.equal(await page.$('#holidays-provisional'), null);
  // 2026 has no declared notice: the year and its deadlines say "dự kiến".
  await page.selectOption('#year', '2026');
  assert.match(await page.textContent('#holidays-provisional'), /^Dự kiến: Chưa có thông báo nghỉ lễ, Tết năm 2026/);
  assert.match(await page.textContent('#holidays li[data-date="2026-02-17"]'), /\(dự kiến\)$/);
  assert.match(await deadline('dti-2022/unit/quarterly/2026-Q1'), /\(dự kiến\)$/);
  await page.selectOption('#year', '2025');
  await page.selectOption('#level', 'city_office');
  assert.equal(await page.$('#obligations tr[data-id="city-2025/unit/quarterly/2025-Q3"]'), null);
  await page.selectOption('#level', 'unit');
  await page.screenshot({ path: join(artefacts, 'demo-calendar.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ics')]);
  assert.equal(download.suggestedFilename(), 'dxplan-lich-bao-cao-2025.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR'));
  assert.match(ics, /DTSTART;VALUE=DATE:20250919\r\n/);
  const rows = (await page.$$('#obligations tbody tr')).length;
  assert.equal((ics.match(/BEGIN:VEVENT/g) || []).length, rows);
  assert.deepEqual(problems, []);
  await page.close();
});

test('dashboard: the roll-up with each KPI against its target and the missing and late units', async () => {
  const { page, problems } = await open('/dashboard.html');
  const missing = await page.$$eval('#missing li', (li) => li.map((x) => x.dataset.unit));
  assert.deepEqual(missing.sort(), ['xa-ia-chim', 'xa-ngok-bay']);
  assert.match(await page.textContent('#late li[data-unit="xa-dak-cam"]'), /trễ 5 ngày so với 19\/09\/2025/);
  assert.equal((await page.$$('#accepted li')).length, 4);
  assert.equal(await page.getAttribute('figure[data-kpi="full_online_dossiers_rate"]', 'data-status'), 'met');
  assert.equal(await page.getAttribute('figure[data-kpi="households_fiber_rate"]', 'data-status'), 'not_met');
  assert.ok((await page.$$('figure svg line.target')).length >= 10);
  await page.screenshot({ path: join(artefacts, 'demo-dashboard.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
