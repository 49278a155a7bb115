// The package as a project installs it (issue 17, "a package that installs"):
// `npm pack` of wasm/pkg, `npm install` of the tarball into an empty folder,
// then the package imported from there by Node (bare name, both entries),
// by a plain <script type="module"> page in Chromium (its path in
// node_modules) and through a Vite build (bare name) — each page under the
// strict CSP. A file left out of the package's `files` fails here, as it
// would fail every project that installs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, pageServer, serveLocally } from './chromium.mjs';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'wasm/tests/fixtures/installed');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

let work, project, dist, server, base, browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'dxplan-install-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work, join(root, 'wasm/pkg')], {
    encoding: 'utf8',
  }).trim().split('\n').pop();
  project = join(work, 'project');
  cpSync(fixture, project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'portal-form', private: true, type: 'module' }));
  // A local tarball with no dependencies: nothing is fetched.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(work, tarball)], { cwd: project });
  // The plain page has no bundler: it names the files by their path.
  const plain = readFileSync(join(fixture, 'main.js'), 'utf8')
    .replace("from 'dxplan';", "from './node_modules/dxplan/index.js';")
    .replace("from 'dxplan/rules';", "from './node_modules/dxplan/rules/index.js';")
    .replace("from 'dxplan/form';", "from './node_modules/dxplan/form.js';");
  writeFileSync(join(project, 'plain.js'), plain);
  writeFileSync(join(project, 'plain.html'), readFileSync(join(fixture, 'index.html'), 'utf8').replace('./main.js', './plain.js'));
  dist = join(work, 'dist');
  process.env.DXPLAN_INSTALLED = project;
  process.env.DXPLAN_VITE_OUT = dist;
  await build({ configFile: join(fixture, 'vite.config.js'), base: '/dist/' });
  ({ server, base } = await serveLocally(serve));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const serve = pageServer(() => ({ base: project, dist, roots: [project, dist, join(root, 'examples')] }), CSP);

test('the tarball holds every file the package imports', () => {
  const installed = join(project, 'node_modules', 'dxplan');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const imports = (file) =>
    [...readFileSync(join(installed, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
  const files = [
    ...readdirSync(installed).filter((f) => f.endsWith('.js')),
    ...readdirSync(join(installed, 'rules')).filter((f) => f.endsWith('.js')).map((f) => `rules/${f}`),
  ];
  assert.ok(files.includes('rules/dxplan.js') && files.includes('rules/node.js'), String(files));
  for (const file of files) {
    const dir = join(installed, file, '..');
    for (const rel of imports(file)) {
      assert.ok(existsSync(join(dir, rel)), `${file} imports ${rel}, which the package leaves out (files: ${manifest.files})`);
    }
  }
});

test('Node imports the installed package by name, every entry', () => {
  const script = `
    import { Engine, DxplanError } from 'dxplan';
    import * as rules from 'dxplan/rules';
    import { isSafePath } from 'dxplan/form';
    import { readFileSync } from 'node:fs';
    const report = JSON.parse(readFileSync(${JSON.stringify(join(root, 'examples/reports/valid/quarterly.json'))}, 'utf8'));
    const e = Engine.withDefaults();
    const full = rules.Engine.fromScripts(rules.defaultScripts());
    let refused = null;
    try { Engine.fromScripts(rules.defaultScripts()); } catch (x) { refused = x instanceof DxplanError && x instanceof rules.DxplanError && x.code; }
    console.log(JSON.stringify({
      valid: e.validate(report, '2025-09-16').valid,
      fullValid: full.validate(report, '2025-09-16').valid,
      refused,
      safe: isSafePath('/__proto__/x'),
    }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), { valid: true, fullValid: true, refused: 'rules.unavailable', safe: false });
});

async function page(url) {
  const p = await browser.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  p.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await p.goto(base + url);
  await p.waitForFunction(() => document.getElementById('status').textContent !== 'đang tải…');
  const status = await p.textContent('#status');
  const violations = await p.evaluate(() => window.cspViolations || 0);
  await p.close();
  // The example report is valid on 16/09/2025; a negative count is one error.
  assert.equal(status, 'hợp lệ: true; lỗi: 1; biểu mẫu: function; quy tắc: rules.syntax; gọn: rules.unavailable', problems.join('\n'));
  assert.equal(violations, 0, 'no CSP violation');
  assert.deepEqual(problems, []);
}

test('a plain <script type="module"> page loads the installed package under a strict CSP', async () => {
  await page('/plain.html');
});

test('a Vite build of the installed package runs under a strict CSP', async () => {
  await page('/dist/index.html');
});
