// The WebAssembly benchmarks in headless Chromium (Debian's package, driven
// by playwright-core): the suite (suite.mjs) in a cross-origin-isolated page
// (for fine-grained timers), 15 cold starts in fresh pages, and the time to
// interactive of a form page over emulated networks (CDP
// Network.emulateNetworkConditions, cache off) from a server that compresses
// with gzip as a portal would. Prints JSON.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveLocally } from '../tests/chromium.mjs';
import { hostileScripts } from '../tests/hostile.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
/** The preload hints the package README recommends, for the module in `dir` (pkg/ or pkg/rules/). */
const preload = (dir) => [
  `<link rel="preload" href="/wasm/${dir}dxplan_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
  ...['index.js', 'dxplan.js', 'api.js', 'runtime.js'].map((f) => `<link rel="modulepreload" href="/wasm/${dir}${f}">`),
  '<link rel="modulepreload" href="/wasm/pkg/error.js">',
  '<link rel="modulepreload" href="/wasm/pkg/form.js">',
  '<link rel="modulepreload" href="/wasm/bench/tti.mjs">',
].join('');

/** The project's files; with `compress`, gzipped (level 9) for a client that accepts it. */
const files = (compress) => (req, res) => {
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
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  let body = readFileSync(file);
  // tti.html?preload: the same page with the preload hints the package
  // README recommends (of the full module's files with module=full).
  const q = new URL(req.url, 'http://x').searchParams;
  if (file.endsWith('tti.html') && q.has('preload')) {
    const hints = preload(q.get('module') === 'full' ? 'pkg/rules/' : 'pkg/');
    body = Buffer.from(body.toString().replace('<head>', `<head>${hints}`));
  }
  if (compress && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    return res.end(gzipSync(body, { level: 9 }));
  }
  res.writeHead(200, { ...headers, 'Content-Type': type });
  res.end(body);
};
const { server, base: origin } = await serveLocally(files(false));
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
const out = { modules: {} };
for (const name of ['lean', 'full']) {
  const r = await results(`${base}?module=${name}`);
  const cold = [];
  for (let i = 0; i < 15; i++) cold.push((await results(`${base}?cold&module=${name}`)).cold_ms);
  cold.sort((a, b) => a - b);
  r.cold_start_ms = { median: Math.round(cold[7] * 10) / 10, max: Math.round(cold[14] * 10) / 10, runs: 15 };
  r.time_to_interactive_ms = {};
  out.modules[name] = r;
}

// Time to interactive of a form page (tti.html: the package, the form
// adapter, the default rules, a report session opened), from navigation to
// ready, over emulated links; the median of 3 fresh pages each.
const { server: gzipServer, base: gzipOrigin } = await serveLocally(files(true));
const links = {
  '1.6 Mbit/s, 300 ms': { latency: 300, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.768e6 / 8 },
  '10 Mbit/s, 40 ms': { latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 },
};
const pages = { '': '', ', preload hints': '&preload' };
for (const [module, name, file, link] of ['lean', 'full'].flatMap((m) =>
  Object.entries(pages).flatMap(([variant, q]) =>
    Object.entries(links).map(([l, conditions]) => [m, `${l}${variant}`, `tti.html?module=${m}${q}`, conditions]),
  ),
)) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...link });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    await page.goto(`${gzipOrigin}/wasm/bench/${file}`, { waitUntil: 'commit', timeout: 120000 });
    await page.waitForFunction(() => window.tti !== undefined, null, { timeout: 120000 });
    const { tti, error } = await page.evaluate(() => ({ tti: window.tti, error: window.ttiError }));
    if (error) throw new Error(`tti page: ${error}`);
    runs.push({ tti, bytes });
    await page.close();
  }
  runs.sort((a, b) => a.tti - b.tti);
  out.modules[module].time_to_interactive_ms[name] = { median: Math.round(runs[1].tti), max: Math.round(runs[2].tti), transferred_bytes: runs[1].bytes, runs: 3 };
}
gzipServer.close();
out.runtime = `Chromium ${version}`;
await browser.close();
server.close();
console.log(JSON.stringify(out, null, 1));
