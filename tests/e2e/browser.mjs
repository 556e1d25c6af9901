// Launches Debian's Chromium through playwright-core, the way this machine
// allows: headless, no sandbox (root), no background network, fresh profile.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { mkdtemp, rm, readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
/** The built site the suites serve: dist/, or $MS_DIST. */
export const DIST = path.resolve(process.env.MS_DIST || path.join(path.dirname(new URL(import.meta.url).pathname), '../../dist'));
export const ARTIFACTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'artifacts');

/** Starts a browser with its own throw-away profile; `close()` removes both. */
export async function launch() {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ms-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  return {
    context,
    async close() { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

/** Opens `url` in a new page, recording console errors and page errors into `errors`. */
export async function open(context, url, { viewport = { width: 1024, height: 900 }, colorScheme = 'light' } = {}) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => { if (!r.url().includes('/scenario/')) errors.push(`requestfailed: ${r.url()}`); });
  await page.goto(url);
  return { page, errors };
}

/** Runs axe-core on the whole document (it descends into open shadow roots). */
export async function axe(page, context = 'document') {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async (ctx) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(ctx === 'document' ? document : ctx, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, context);
  return result;
}

/** Saves a screenshot for human review under tests/e2e/artifacts/. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Registers the suite's hooks: serve the built site and start a browser
 * before the first test, close both after the last. The returned object is
 * filled in by then: `{ server, browser }`.
 */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await startServer(DIST);
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
