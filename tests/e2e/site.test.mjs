// End-to-end: the release build (dist/) served on localhost, opened in
// Debian's Chromium. The front page must render the default dataset, pass
// axe-core with no violation and log no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useSite, open, axe, screenshot } from './browser.mjs';

const site = useSite();

/** Opens the front page and waits until its widget has rendered its data. */
async function frontPage(options) {
  const { page, errors } = await open(site.browser.context, `${site.server.url}/`, options);
  await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
  return { page, errors };
}

test('front page shows Azerbaijan at Paris 2024 from the default data', async () => {
  const { page, errors } = await frontPage();
  const card = page.locator('#widget .ms-card');
  await card.waitFor();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /Azerbaijan/);
  assert.match(text, /Paris 2024/);
  // The tally as the card shows it: gold, silver, bronze, total.
  const counts = await page.locator('#widget .ms-tally .ms-count').allInnerTexts();
  assert.deepEqual(counts.map((c) => c.trim()), ['2', '2', '3', '7']);
  assert.match(text, /=30/);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`front page has no axe-core violation (${colorScheme})`, async () => {
    const { page, errors } = await frontPage({ colorScheme });
    const violations = await axe(page);
    assert.deepEqual(violations, []);
    await screenshot(page, `front-${colorScheme}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the widget loads as glue + wasm: wasm-bindgen snippets are folded into the glue', async () => {
  const requests = [];
  const { page: probe } = await open(site.browser.context, 'about:blank');
  probe.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await probe.goto(`${site.server.url}/`);
  await probe.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
  assert.ok(requests.includes('/medal-summary.js') && requests.includes('/medal-summary_bg.wasm'), requests.join(' '));
  assert.deepEqual(requests.filter((p) => p.includes('/snippets/')), []);
  const glue = await (await fetch(`${site.server.url}/medal-summary.js`)).text();
  assert.doesNotMatch(glue, /from\s+["']\.\/snippets\//);
  assert.match(glue, /\bdefine_element\b/);
  await probe.close();
});

test('the release build names the wasm\'s imports short and ships the glue and the loaders minified, with source maps', async () => {
  // scripts/shrink-release.mjs: wasm-bindgen's names (`__wbg_<name>_<16 hex
  // digits>`, ./medal-summary_bg.js for every import) cost ~4 KB gzip.
  const wasm = await (await fetch(`${site.server.url}/medal-summary_bg.wasm`)).arrayBuffer();
  const module = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  assert.deepEqual([...new Set(imports.map((i) => i.module))].filter((m) => m.length > 1), []);
  const long = imports.filter((i) => i.name.length > 4).map((i) => i.name);
  assert.ok(long.length <= 5, `long import names: ${long.join(' ')}`);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name).filter((n) => /_h[0-9a-f]{16}$/.test(n)), []);
  const glue = await (await fetch(`${site.server.url}/medal-summary.js`)).text();
  assert.doesNotMatch(glue, /__wbg_|\n {4}/);
  assert.match(glue, /\/\/# sourceMappingURL=medal-summary\.js\.map\s*$/);
  const map = await (await fetch(`${site.server.url}/medal-summary.js.map`)).json();
  assert.deepEqual(map.sources, ['medal-summary.js']);
  assert.match(map.sourcesContent[0], /function __wbg_get_imports\(\)/);
  for (const file of ['embed.js', 'embed-frame.js']) {
    const source = await readFile(new URL(`../../www/${file}`, import.meta.url), 'utf8');
    const built = await (await fetch(`${site.server.url}/${file}`)).text();
    assert.ok(built.length < source.length * 0.6, `${file}: ${built.length} of ${source.length} bytes`);
    assert.doesNotMatch(built, /^\s*\/\/(?!# sourceMappingURL)/m, file);
    assert.match(built, new RegExp(`//# sourceMappingURL=${file.replace('.', '\\.')}\\.map\\s*$`));
    const m = await (await fetch(`${site.server.url}/${file}.map`)).json();
    assert.equal(m.sourcesContent[0], source);
  }
});

test('the built site publishes the JSON Schema of the data format', async () => {
  const res = await fetch(`${site.server.url}/schema/medal-summary.v1.schema.json`);
  assert.equal(res.status, 200);
  const schema = await res.json();
  assert.match(schema.$schema, /json-schema\.org/);
  assert.ok(schema.required.includes('version') && schema.required.includes('country'));
});

test('print style: tabs and controls hidden, card and table printed black on white', async () => {
  const { page, errors } = await frontPage();
  // What the browser sends before printing: the widget mounts the card and table panels.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const tablist = page.locator('#widget [role=tablist]');
  assert.equal(await tablist.isVisible(), false, 'tabs are not printed');
  const card = page.locator('#widget .ms-card');
  assert.equal(await card.isVisible(), true, 'the card is printed');
  const table = page.locator('#widget table.ms-table');
  await table.waitFor({ state: 'visible' });
  // Every row is on paper: nothing is cut by the on-screen frame height.
  const rows = await table.locator('tbody tr').count();
  const hostHeight = await page.locator('#widget').evaluate((el) => el.getBoundingClientRect().height);
  const tableBottom = await table.evaluate((el) => el.getBoundingClientRect().bottom);
  const hostTop = await page.locator('#widget').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(rows >= 92, `rows: ${rows}`);
  assert.ok(tableBottom <= hostTop + hostHeight + 1, 'the table fits inside the printed widget');
  const colours = await card.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color };
  });
  assert.equal(colours.color, 'rgb(0, 0, 0)');
  // The data's sources are listed, closed list or not, each with its address.
  const sources = await page.locator('#widget').evaluate((host) => {
    const d = host.shadowRoot.querySelector('.ms-sources');
    return {
      open: d.open,
      shown: [...d.querySelectorAll('li')].filter((li) => li.checkVisibility()).length,
      all: d.querySelectorAll('li').length,
      address: getComputedStyle(d.querySelector('a[href]'), '::after').content,
    };
  });
  assert.equal(sources.open, false);
  assert.ok(sources.all >= 8, `sources: ${sources.all}`);
  assert.equal(sources.shown, sources.all, 'every source is printed');
  assert.match(sources.address, /^" \(" attr\(href\) "\)"$|^" \(https:/);
  await screenshot(page, 'print');
  assert.deepEqual(errors, []);
  await page.close();
});
