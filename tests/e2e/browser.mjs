// The suites' browser: Debian's Chromium as scripts/chromium.mjs launches
// it (headless, no sandbox as root, no background network, fresh profile),
// serving the built site, plus axe-core and screenshots.
import { before, after } from 'node:test';
import { startServer } from './server.mjs';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { launch as launchChromium } from '../../scripts/chromium.mjs';

const require = createRequire(import.meta.url);
export { CHROMIUM } from '../../scripts/chromium.mjs';
/** The built site the suites serve: dist/, or $MS_DIST. */
export const DIST = path.resolve(process.env.MS_DIST || path.join(path.dirname(new URL(import.meta.url).pathname), '../../dist'));
export const ARTIFACTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'artifacts');

/** Starts a browser with its own throw-away profile; `close()` removes both. */
export const launch = (options) => launchChromium('ms-e2e-', options);

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
