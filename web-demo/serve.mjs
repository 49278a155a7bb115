// Serves the built demo (dist/) on localhost with a strict Content Security
// Policy: scripts only from this origin, WebAssembly allowed, no eval, no
// inline script or style. Usage: node serve.mjs [port] (default 8080).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.ics': 'text/calendar',
};

/** A request handler serving `root`. */
export function handler(root) {
  return (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let file = join(root, normalize(path));
    if (file.endsWith('/') || (existsSync(file) && statSync(file).isDirectory())) file = join(file, 'index.html');
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404, headers);
      return res.end(path === '/favicon.ico' ? undefined : 'Không tìm thấy / not found');
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('./dist', import.meta.url));
  if (!existsSync(root)) {
    console.error('dist/ is missing: run `bash scripts/demo.sh` (or `npx vite build`) first');
    process.exit(2);
  }
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  createServer(handler(root)).listen(port, '127.0.0.1', () => {
    console.log(`dxplan demo: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  });
}
