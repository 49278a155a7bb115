// Debian's Chromium driven by playwright-core, started the one way every
// browser test and benchmark of the project needs (headless, as root, with
// the machine's closed network: no background connections), and a localhost
// server for the pages it opens.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
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
