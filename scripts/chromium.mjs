// What the scripts, the end-to-end tests and the benchmark share about
// running pages locally: Debian's Chromium started through playwright-core
// the way this machine allows (headless, no sandbox as root, no background
// network, a throw-away profile), and the content types files are served with.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The browser binary: $CHROMIUM_BIN, else Debian's Chromium. */
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/**
 * Starts Chromium with its own temporary profile (named after `prefix`);
 * `close()` ends it and removes the profile. Playwright hides scrollbars in
 * headless Chromium; `scrollbars: true` keeps the classic ones a Windows or
 * Linux desktop shows, which take room from the content. `mobile: true`
 * makes every page a phone's: a touch screen (coarse pointer) whose
 * scrollbars are drawn over the content and take no room, as on Android
 * (the desktop's hidden scrollbars still keep a 15 px gutter).
 * @returns {Promise<{context: import('playwright-core').BrowserContext, close: () => Promise<void>}>}
 */
export async function launch(prefix = 'ms-chromium-', { scrollbars = false, mobile = false } = {}) {
  const profile = await mkdtemp(path.join(os.tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...(mobile ? { isMobile: true, hasTouch: true } : {}),
    ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : [],
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  return {
    context,
    async close() { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

/** Content type by file extension; anything else is application/octet-stream. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.map': 'application/json',
};
