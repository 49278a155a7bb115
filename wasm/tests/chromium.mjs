// Debian's Chromium driven by playwright-core, started the one way every
// browser test and benchmark of the project needs (headless, as root, with
// the machine's closed network: no background connections), and a localhost
// server for the pages it opens.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Starts headless Chromium; fails clearly when the Debian package is missing. */
export function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: scripts/test.sh installs Debian's chromium package`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serves `handler` on a free port of 127.0.0.1: `{ server, base }`. */
export async function serveLocally(handler) {
  const server = createServer(handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };

/**
 * A request handler serving files under the strict `csp`: `resolve(pathname)`
 * names the file, which must lie in one of `roots`; the favicon is empty and
 * anything else is a 404.
 */
export function fileServer(resolve, roots, csp) {
  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, { 'Content-Security-Policy': csp });
      return res.end();
    }
    const file = resolve(url.pathname);
    const inside = roots.some((r) => file.startsWith(r));
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Security-Policy': csp });
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Content-Security-Policy': csp });
    res.end(readFileSync(file));
  };
}

const EXAMPLE = fileURLToPath(new URL('../../examples/reports/valid/quarterly.json', import.meta.url));

/**
 * A request handler for the test pages under the strict `csp`:
 * `/fixtures/quarterly.json` is the example report, `/dist/…` a file of the
 * Vite build, anything else a file under `base`. `where()` gives `{ base,
 * dist, roots }` when a request comes (the folders are made by a test's
 * `before`); files outside `roots` are a 404.
 */
export function pageServer(where, csp) {
  return (req, res) => {
    const { base, dist, roots } = where();
    const resolve = (path) =>
      path === '/fixtures/quarterly.json'
        ? EXAMPLE
        : path.startsWith('/dist/')
          ? join(dist, normalize(path.slice('/dist/'.length)))
          : join(base, normalize(path));
    return fileServer(resolve, roots, csp)(req, res);
  };
}

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));

/**
 * The WCAG 2.2 A/AA violations axe-core finds on `page` as it is now (in
 * the element `within` selects, or the whole page):
 * `[{ id, impact, help, nodes: [selector…] }]`. axe-core is evaluated through
 * the browser's debugging protocol, so the page's strict CSP stays as served.
 */
export async function axeViolations(page, within = null) {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate((sel) =>
    // eslint-disable-next-line no-undef
    axe.run(sel ? { include: [[sel]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }), within);
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/**
 * Counts the page's Content Security Policy violations in
 * `window.__cspViolations` (an init script, so the page needs no code for it).
 */
export async function countCspViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}
