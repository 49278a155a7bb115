// The form adapter in a real browser (Debian's Chromium, driven by
// playwright-core), on a plain HTML form served with a strict Content
// Security Policy: loaded as a plain <script type="module"> and as a Vite
// bundle. Typing an invalid value puts the engine's message on the field
// through the Constraint Validation API; fixing it clears the message; a
// submit with errors is blocked. Screenshots go to target/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, pageServer, serveLocally } from './chromium.mjs';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artefacts = join(root, 'target', 'test-artifacts');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

let server, base, browser, dist;

const serve = pageServer(() => ({ base: root, dist, roots: [root, dist] }), CSP);

before(async () => {
  mkdirSync(artefacts, { recursive: true });
  dist = mkdtempSync(join(tmpdir(), 'dxplan-vite-'));
  process.env.DXPLAN_VITE_OUT = dist;
  await build({ configFile: join(root, 'wasm/tests/fixtures/form/vite.config.js'), base: '/dist/' });
  ({ server, base } = await serveLocally(serve));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function check(t, url, name) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await page.goto(base + url);
  await page.waitForFunction(() => document.getElementById('status').textContent !== 'đang tải…');
  assert.equal(await page.textContent('#status'), 'sẵn sàng', problems.join('\n'));
  const message = (sel) => page.$eval(sel, (el) => el.validationMessage);

  // The example report is valid on 16/09/2025: no message anywhere.
  assert.equal(await message('#online'), '');
  assert.equal(await page.$eval('#report', (f) => f.checkValidity()), true);

  // Fewer dossiers in total than fully online (1320): once the total is left,
  // the numerator field gets the message.
  await page.fill('#total', '5');
  assert.equal(await message('#online'), '', 'nothing while typing');
  await page.press('#total', 'Tab');
  assert.match(await message('#online'), /lớn hơn/);
  assert.equal(await page.$eval('#online', (el) => el.getAttribute('aria-invalid')), 'true');
  await page.screenshot({ path: join(artefacts, `form-${name}-invalid.png`), fullPage: true });
  await page.fill('#total', '2000');
  assert.equal(await message('#online'), '');

  // Disbursed above the estimate (001 Phụ lục 04), typed the Vietnamese way.
  await page.fill('#disbursed', '999.999.999.999');
  await page.press('#disbursed', 'Tab');
  assert.match(await message('#disbursed'), /vượt|lớn hơn/);
  // In the page's own element, not one the adapter made.
  const own = await page.$eval('#disbursed-error', (p) => ({ hidden: p.hidden, cls: p.className, text: p.textContent }));
  assert.equal(own.hidden, false);
  assert.match(own.cls, /portal-error/);
  assert.match(own.text, /^Lỗi: Tổng kinh phí giải ngân/);
  assert.equal(await page.$$eval('[id="disbursed-error"]', (ps) => ps.length), 1);
  assert.equal(await page.getAttribute('#disbursed', 'aria-describedby'), 'disbursed-error');
  await page.fill('#disbursed', '1.000 đồng');
  assert.equal(await message('#disbursed'), '');

  // A warning sits next to its field too, in its own style, and does not mark it invalid:
  // a news item of 18/05/2025 lies outside Q3's data window 15/06–14/09/2025 (Decree 09 art. 12).
  await page.fill('#news-date', '18/05/2025');
  await page.press('#news-date', 'Tab');
  const warning = await page.$eval('#news-date-warning', (p) => ({ hidden: p.hidden, cls: p.className, text: p.textContent }));
  assert.equal(warning.hidden, false);
  assert.match(warning.cls, /dx-warning-message/);
  assert.match(warning.text, /^Cảnh báo: Thời gian đăng tải \(18\/05\/2025\) nằm ngoài kỳ lấy số liệu 15\/06\/2025–14\/09\/2025/);
  assert.equal(await page.getAttribute('#news-date', 'aria-describedby'), 'news-date-warning');
  assert.equal(await page.getAttribute('#news-date', 'aria-invalid'), null);
  await page.fill('#news-date', '18/07/2025');
  await page.press('#news-date', 'Tab');
  assert.equal(await page.$eval('#news-date-warning', (p) => p.hidden), true);

  // A submit with an error is blocked (the page's own handler never runs)
  // and the summary lists it with a link.
  await page.fill('#total', '5');
  await page.click('#send');
  assert.equal(await page.evaluate(() => window.submitted || 0), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'summary');
  const items = await page.$$eval('#summary li a', (li) => li.map((x) => x.textContent));
  assert.ok(items.some((t) => /lớn hơn/.test(t)), items.join('\n'));
  await page.screenshot({ path: join(artefacts, `form-${name}-summary.png`), fullPage: true });

  // A fixed form submits.
  await page.fill('#total', '2000');
  await page.click('#send');
  assert.equal(await page.evaluate(() => window.submitted || 0), 1);

  assert.equal(await page.evaluate(() => window.cspViolations || 0), 0, 'no CSP violation');
  assert.deepEqual(problems, []);
  await page.close();
}

test('plain <script type="module"> under a strict CSP', async (t) => {
  await check(t, '/wasm/tests/fixtures/form/index.html', 'plain');
});

test('Vite bundle under a strict CSP', async (t) => {
  await check(t, '/dist/index.html', 'vite');
});

test('controls cannot write to Object.prototype, and options are read as own properties (issue 15)', async () => {
  const page = await browser.newPage();
  const warnings = [];
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(base + '/wasm/tests/fixtures/form/index.html');
  await page.waitForFunction(() => document.getElementById('status').textContent !== 'đang tải…');
  assert.equal(await page.textContent('#status'), 'sẵn sàng', problems.join('\n'));

  // Controls whose paths reach a prototype, as a hostile or careless page could write them.
  const polluted = await page.evaluate(() => {
    const form = document.getElementById('report');
    for (const [attr, value, text] of [
      ['data-dx-path', '/__proto__/polluted', 'yes'],
      ['name', '__proto__.today', '2030-01-01'],
      ['name', 'values.constructor.prototype.x', '1'],
      ['name', 'appendices[prototype][0]', 'z'],
    ]) {
      const el = document.createElement('input');
      el.setAttribute(attr, value);
      el.value = text;
      form.append(el);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    window.dxForm.validate();
    const probe = {};
    return [probe.polluted, probe.today, probe.x, Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')];
  });
  assert.deepEqual(polluted, [undefined, undefined, undefined, false]);
  for (const path of ['/__proto__/polluted', '/__proto__/today', '/values/constructor/prototype/x', '/appendices/prototype/0']) {
    assert.ok(warnings.some((w) => w.includes('dxplan') && w.includes(path)), `no warning for ${path}: ${warnings.join('\n')}`);
  }
  // The adapter still validates the real fields.
  await page.fill('#total', '5');
  await page.press('#total', 'Tab');
  assert.match(await page.$eval('#online', (el) => el.validationMessage), /lớn hơn/);

  // An option inherited from a polluted Object.prototype is not an option.
  const message = await page.evaluate(async () => {
    const { Engine } = await import('/wasm/pkg/index.js');
    const { attachValidation } = await import('/wasm/pkg/form.js');
    Object.prototype.lang = 'en';
    try {
      const form = document.createElement('form');
      form.innerHTML = '<input type="number" name="values.dossiers_total" value="-5">';
      document.body.append(form);
      const base = await (await fetch('/fixtures/quarterly.json')).json();
      const v = attachValidation(form, Engine.withDefaults(), { base, today: '2025-09-16', show: 'now' });
      const text = form.elements[0].validationMessage;
      v.detach();
      form.remove();
      return text;
    } finally {
      delete Object.prototype.lang;
    }
  });
  assert.notEqual(message, '');
  assert.match(message, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, `not Vietnamese: ${message}`);
  assert.deepEqual(problems, []);
  await page.close();
});
