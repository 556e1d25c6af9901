// The wasm's shadow stack: 128 KiB (build.rs) instead of Rust's
// 1 MiB default, which was most of every page's wasm memory. The stack sits
// first in linear memory, [0, size), starts zeroed and grows down, so the
// lowest byte ever written shows how deep it went. This holds the deepest
// use of a heavy session under a quarter of the stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { useSite, open, DIST } from './browser.mjs';
import { sections, uleb } from '../../scripts/wasm-sections.mjs';

const site = useSite();

/** Page init script: the wasm's memories, as it instantiates, in `window.__memories`. */
function keepMemories() {
  window.__memories = [];
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((r) => {
      const instance = r instanceof WebAssembly.Instance ? r : r.instance;
      for (const v of Object.values(instance.exports)) if (v instanceof WebAssembly.Memory) window.__memories.push(v);
      return r;
    });
  };
}
const STACK = 128 * 1024;

/** The offset of the wasm's first data segment: with the stack placed first, the stack's size. */
function dataStart(wasm) {
  const data = sections(wasm).find((s) => s.id === 11);
  if (!data) throw new Error('no data section');
  let [, p] = uleb(wasm, data.start); // segment count
  assert.equal(wasm[p++], 0, 'an active segment in memory 0');
  assert.equal(wasm[p++], 0x41, 'at an i32.const offset');
  return uleb(wasm, p)[0]; // positive and below 2^31: its sleb reads as a uleb
}

test('the wasm stack is 128 KiB and a heavy session uses under a quarter of it', async () => {
  assert.equal(dataStart(await readFile(path.join(DIST, 'medal-summary_bg.wasm'))), STACK);

  const doc = await readFile(path.join(DIST, 'data/aze-paris2024.json'), 'utf8');
  const url = `${site.server.url}/stack-probe.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stack</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/embed.css"><script type="module" src="/embed.js"></script></head>
<body><medal-summary id="w"><script type="application/json">${doc.replace(/</g, '\\u003c')}</script></medal-summary></body></html>`;
  const { page, errors } = await open(site.browser.context, 'about:blank');
  await page.addInitScript(keepMemories);
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  await page.waitForSelector('#w[data-ms-state="ready"]', { timeout: 30_000 });
  const used = () => page.evaluate((size) => {
    const stack = new Uint8Array(window.__memories[0].buffer, 0, size);
    let i = 0;
    while (i < size && stack[i] === 0) i++;
    return size - i;
  }, STACK);
  const afterLoad = await used();

  // Every view, the table's sorts, ranking and search, the timeline's keys, the exports.
  for (const view of ['card', 'medalists', 'table', 'history', 'timeline']) {
    await page.click(`#w [role=tab][data-view="${view}"]`);
    if (view === 'table') {
      for (const col of ['name', 'gold', 'total', 'name']) await page.click(`#w th[data-col="${col}"] button`);
      await page.click('#w .ms-ranking input[value="total"]');
      await page.fill('#w input[type="search"]', 'an');
      await page.fill('#w input[type="search"]', '');
    }
    if (view === 'timeline') {
      await page.focus('#w .ms-tl-marker[tabindex="0"]');
      for (const key of ['ArrowRight', 'ArrowRight', 'End', 'Home']) await page.keyboard.press(key);
    }
  }
  // Documents nested as deep as the two readers allow, and deeper.
  const deep = (n) => { let v = 0; for (let i = 0; i < n; i++) v = [v]; return v; };
  for (const depth of [30, 40]) {
    await page.evaluate(([d, v]) => { const w = document.getElementById('w'); w.data = { ...JSON.parse(d), extra: v }; }, [doc, deep(depth)]);
    await page.waitForFunction(() => document.getElementById('w').getAttribute('data-ms-state') !== 'loading');
  }
  for (const lang of ['az', 'fr', 'ru']) {
    await page.evaluate((l) => { const w = document.getElementById('w'); w.lang = l; w.data = null; }, lang);
    await page.waitForSelector('#w[data-ms-state="ready"]');
  }
  const text = `{"version":1,"country":{"code":"AZE","name":"Azerbaijan"},"extra":${'['.repeat(40)}${']'.repeat(40)}}`;
  await page.evaluate((t) => new Promise((resolve) => {
    const w = document.createElement('medal-summary');
    const s = document.createElement('script');
    s.type = 'application/json';
    s.textContent = t;
    w.append(s);
    document.body.append(w);
    const check = () => (['ready', 'error'].includes(w.getAttribute('data-ms-state')) ? resolve() : setTimeout(check, 10));
    check();
  }), text);
  const peak = await used();

  assert.ok(afterLoad > 1000, `the scan sees the stack in use: ${afterLoad} B after load`);
  assert.ok(peak >= afterLoad);
  assert.ok(peak < STACK / 4, `deepest stack use ${peak} B of ${STACK}`);
  assert.deepEqual(errors, []);
  await page.close();
});

// A live page swaps its data for hours (`refresh`, or `el.data` from the
// page's own feed). Each swap frees the old document and its rendered rows,
// so the wasm memory, which only ever grows, must level off once the
// allocator has room for one swap; a leak or a fragmenting allocator keeps
// growing it. 2,000-row tables, every row's name changed on each swap.
test('swapping a 2,000-row table 24 times: the wasm memory levels off', async () => {
  const ROWS = 2000;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = [];
  for (const x of letters) for (const y of letters) for (const z of letters) if (codes.length < ROWS) codes.push(x + y + z);
  const url = `${site.server.url}/swap-probe.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>swap</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/embed.css"><script type="module" src="/embed.js"></script></head>
<body><medal-summary id="w" view="table"></medal-summary></body></html>`;
  const { page, errors } = await open(site.browser.context, 'about:blank');
  await page.addInitScript(keepMemories);
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  await page.evaluate(() => customElements.whenDefined('medal-summary'));
  const swap = (round) => page.evaluate(([codes, round]) => {
    const table = codes.map((code, i) => {
      const gold = (i * 7 + round) % 5;
      const silver = (i * 3) % 4;
      const bronze = (i + round) % 3;
      return { code, name: `Team ${code} round ${round}`, gold, silver, bronze, total: gold + silver + bronze };
    });
    document.getElementById('w').data = { version: 1, country: { code: codes[0], name: `Team ${codes[0]} round ${round}` }, table };
  }, [codes, round]);
  const shown = (round) => page.waitForFunction(([round, rows]) => {
    const root = document.getElementById('w').shadowRoot;
    const body = root?.querySelector('[role=tabpanel][data-view=table]:not([hidden]) tbody');
    return body?.rows.length === rows && [...body.rows].every((r) => r.textContent.includes(`round ${round}`));
  }, [round, ROWS], { timeout: 30_000 });
  const memory = () => page.evaluate(() => window.__memories[0].buffer.byteLength);

  const sizes = [];
  for (let round = 1; round <= 24; round++) {
    await swap(round);
    await shown(round);
    sizes.push(await memory());
  }
  const warm = sizes[3];
  const last = sizes[sizes.length - 1];
  assert.equal(await page.locator('#w').getAttribute('data-ms-state'), 'ready');
  assert.ok(warm > 1 << 20, `the table is in wasm memory: ${warm} B after 4 swaps`);
  assert.ok(last - warm <= 1 << 20, `memory after each swap (B): ${sizes.join(', ')}`);
  assert.deepEqual(errors, []);
  await page.close();
});
