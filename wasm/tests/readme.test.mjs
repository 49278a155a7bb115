// The package README's examples, run exactly as written (issue 18): the
// browser page (```html page) and its script (```js page) in Chromium under
// a strict CSP, driven from the keyboard only, checked with axe-core; the
// Node examples (```js node, in order, as one module) with the installed
// package. The day is fixed in the browser and the Node example passes its
// own: 16/06/2025, before the Q2 deadline of 000 §VII.1 (before 20/06/2025).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, countCspViolations, fileServer, launchChromium, serveLocally } from './chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = join(root, 'wasm', 'pkg');
const artefacts = join(root, 'target', 'test-artifacts');
const readme = readFileSync(join(root, 'wasm', 'js', 'README.md'), 'utf8');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/** The code blocks of the README whose info string is `info`, in order. */
function blocks(info) {
  const out = [];
  const re = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  for (const m of readme.matchAll(re)) if (m[1].trim() === info) out.push(m[2]);
  return out;
}

let server, base, browser;
const received = [];

before(async () => {
  mkdirSync(artefacts, { recursive: true });
  assert.equal(readFileSync(join(pkg, 'README.md'), 'utf8'), readme, 'wasm/pkg is built from this README (bash scripts/build-wasm.sh)');
  const [html] = blocks('html page');
  const [js] = blocks('js page');
  assert.ok(html && js, 'the README has its page and its script');
  const files = fileServer((p) => join(pkg, p.slice('/dxplan/'.length)), [pkg], CSP);
  ({ server, base } = await serveLocally((req, res) => {
    const url = new URL(req.url, 'http://x');
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CSP });
      res.end(body);
    };
    if (url.pathname === '/' ) return send(200, 'text/html; charset=utf-8', html);
    if (url.pathname === '/js/report.js') return send(200, 'text/javascript', js);
    if (url.pathname === '/api/reports' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ type: req.headers['content-type'], body: JSON.parse(body) });
        send(201, 'application/json', '{}');
      });
      return undefined;
    }
    if (url.pathname.startsWith('/dxplan/')) return files(req, res);
    return send(url.pathname === '/favicon.ico' ? 204 : 404, 'text/plain', '');
  }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const visibleErrors = (page) =>
  page.$$eval('.dx-error-message:not([hidden])', (ps) => ps.map((p) => p.textContent));

test('the README page: type, leave, submit with errors, follow the summary, fix, submit — keyboard only', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await countCspViolations(page);
  await page.clock.setFixedTime(new Date('2025-06-16T09:00:00+07:00'));
  const response = await page.goto(base + '/');
  assert.equal(response.headers()['content-security-policy'], CSP);
  // Ready once the adapter took the form over.
  await page.waitForFunction(() => document.getElementById('report').noValidate === true, null, { timeout: 15000 });
  const title = 'Báo cáo quý II/2025 — UBND phường A';
  assert.equal(await page.title(), title);

  // Nothing on load: no message, no summary (the form shows four figures; nothing else is asked for).
  assert.deepEqual(await visibleErrors(page), []);
  assert.equal(await page.$eval('.dx-error-summary', (s) => s.hidden), true);
  assert.deepEqual(await axeViolations(page), []);

  // Tab to the first field, type the Vietnamese way, leave: nothing wrong yet.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'total');
  await page.keyboard.type('1.850');
  await page.keyboard.press('Tab');
  // More dossiers fully online than in total: nothing while typing…
  await page.keyboard.type('2.000');
  assert.deepEqual(await visibleErrors(page), []);
  // … the message once the field is left, linked to it, after a hidden "Lỗi:".
  await page.keyboard.press('Tab');
  const online = await page.$eval('#online', (el) => ({
    invalid: el.getAttribute('aria-invalid'),
    describedBy: el.getAttribute('aria-describedby'),
  }));
  assert.equal(online.invalid, 'true');
  assert.deepEqual(online.describedBy.split(' '), ['online-hint', 'online-error']);
  const message = await page.textContent('#online-error');
  assert.match(message, /^Lỗi: Số hồ sơ trực tuyến toàn trình \(2\.000\) không được lớn hơn tổng số hồ sơ thủ tục hành chính \(1\.850\)\. Số hồ sơ/);
  assert.equal(await page.$eval('#online-error .dx-visually-hidden', (s) => s.textContent.trim()), 'Lỗi:');
  assert.doesNotMatch(message, /dossiers|_/, 'a label, not an id');

  // Amounts in đồng, a day that June does not have.
  await page.keyboard.type('12.500.000 đồng');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1.000.000.000');
  await page.keyboard.press('Tab');
  await page.keyboard.type('31/06/2025');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BUTTON');
  assert.match(await page.textContent('#sent-on-error'), /Ngày gửi báo cáo: Ngày 31\/06\/2025 không tồn tại/);
  assert.equal(await page.getAttribute('#spending', 'aria-invalid'), null, '12.500.000 đồng is an amount');

  // Submit from the keyboard: stopped, the summary takes the focus.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement.classList.contains('dx-error-summary'));
  const summary = await page.$eval('.dx-error-summary', (s) => ({
    role: s.getAttribute('role'),
    hidden: s.hidden,
    title: s.querySelector('h2').textContent,
    links: [...s.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]),
  }));
  assert.equal(summary.role, 'alert');
  assert.equal(summary.hidden, false);
  assert.equal(summary.title, 'Có lỗi cần sửa');
  assert.deepEqual(summary.links.map(([href]) => href), ['#online', '#sent-on']);
  assert.equal(await page.title(), 'Lỗi: ' + title);
  assert.equal(received.length, 0, 'nothing sent');
  assert.deepEqual(await axeViolations(page), [], 'no violation with the errors showing');
  await page.screenshot({ path: join(artefacts, 'readme-form-errors.png'), fullPage: true });

  // The first link moves the focus to its field; fix it and leave it.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#online');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'online');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.320');
  await page.keyboard.press('Tab');
  assert.equal(await page.getAttribute('#online', 'aria-invalid'), null);
  assert.equal(await page.getAttribute('#online', 'aria-describedby'), 'online-hint');
  assert.deepEqual(await page.$$eval('.dx-error-summary a', (as) => as.map((a) => a.getAttribute('href'))), ['#sent-on']);

  // Fix the day and submit: it goes, as the page's own handler sends it.
  await page.keyboard.press('Tab'); // recurrent
  await page.keyboard.press('Tab'); // sent-on
  await page.keyboard.press('Control+A');
  await page.keyboard.type('16/06/2025');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('sent').textContent !== '');
  assert.equal(await page.textContent('#sent'), 'Đã gửi báo cáo.');
  assert.equal(await page.title(), title);
  assert.equal(await page.$eval('.dx-error-summary', (s) => s.hidden), true);
  assert.equal(received.length, 1);
  assert.equal(received[0].type, 'application/json');
  assert.deepEqual(received[0].body, {
    kind: 'quarterly', plan: 'city-2025', period: '2025-Q2',
    unit: { id: 'phuong-a', name: 'UBND phường A', level: 'commune' },
    values: {
      dossiers_total: '1.850', dossiers_full_online: '1.320',
      dx_spending_vnd: '12.500.000 đồng', recurrent_spending_vnd: '1.000.000.000',
    },
    submitted_on: '16/06/2025',
  });
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: join(artefacts, 'readme-form-sent.png'), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the README Node examples run as written with the installed package', () => {
  const code = blocks('js node');
  assert.ok(code.length >= 2, 'the Node and session examples');
  const dir = mkdtempSync(join(tmpdir(), 'dxplan-readme-'));
  mkdirSync(join(dir, 'node_modules'));
  if (!existsSync(join(dir, 'node_modules', 'dxplan'))) symlinkSync(pkg, join(dir, 'node_modules', 'dxplan'), 'dir');
  writeFileSync(join(dir, 'example.mjs'), code.join('\n'));
  const out = execFileSync(process.execPath, [join(dir, 'example.mjs')], { encoding: 'utf8' });
  // The Node example's line: the report has no outline (001 Đề cương), so it is not valid.
  assert.match(out.split('\n')[0], /^false \{/);
});
