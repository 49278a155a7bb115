// The WebAssembly benchmarks in headless Chromium (Debian's package, driven
// by playwright-core): the suite (suite.mjs) in a cross-origin-isolated page
// (for fine-grained timers), and 15 cold starts in fresh pages. Prints JSON.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveLocally } from '../tests/chromium.mjs';
import { hostileScripts } from '../tests/hostile.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const { server, base: origin } = await serveLocally((req, res) => {
  const file = join(root, normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' };
  if (req.url === '/hostile.json') {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
    return res.end(JSON.stringify(hostileScripts()));
  }
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
const base = `${origin}/wasm/bench/page.html`;
const browser = await launchChromium();
const version = browser.version();
async function results(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.results || document.getElementById('status').textContent !== 'running…', null, { timeout: 300000 });
  const r = await page.evaluate(() => window.results);
  await page.close();
  if (!r) throw new Error(`benchmark page failed: ${errors.join('\n')}`);
  return r;
}
const out = await results(base);
const cold = [];
for (let i = 0; i < 15; i++) cold.push((await results(`${base}?cold`)).cold_ms);
cold.sort((a, b) => a - b);
out.cold_start_ms = { median: Math.round(cold[7] * 10) / 10, max: Math.round(cold[14] * 10) / 10, runs: 15 };
out.runtime = `Chromium ${version}`;
await browser.close();
server.close();
console.log(JSON.stringify(out, null, 1));
