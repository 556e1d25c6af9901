// The benchmark harness (issue 8). Run it through bench/run.sh, which
// installs what is missing and builds dist/ first; `node bench/bench.mjs
// --help` lists the options. It serves everything from one local server
// (server.mjs) and drives Debian's Chromium with playwright-core:
//
//   paint        first paint of the Baku timeline: TimelineJS3 (A) vs ours (B),
//                and ours prerendered (C, scripts/prerender.mjs), alternating,
//                fresh context (cold cache) per round
//   interaction  sort / tabs / gold-total switch on a 206-row medal table
//   reader       a reader's first minute with the real dataset: each action
//                once (first visit of a view, first sort by name, a view shown
//                again), fresh context per round
//   scale        first render and heap with 206 / 1,000 / 10,000 table rows and
//                3 / 100 / 1,000 timeline events (TimelineJS3 too, for events)
//   lighthouse   Lighthouse 12 on the demo article page (mobile and desktop),
//                as published and prerendered (scripts/prerender.mjs), and
//                on the same article without the widget (mobile)
//   compare      only with --compare DIR: the first paint of the Baku timeline
//                from dist/ and from another build, in paired rounds
//
// Results go to bench/results/latest.json; a summary goes to stdout.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile, readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './server.mjs';
import { prerenderHtml } from '../scripts/prerender.mjs';
import { ROOT, realDoc, bakuDoc, bakuEvents, tableDoc, eventsDoc, generatedEvents, oursPage, timelinePage, floorPage } from './pages.mjs';

// ---------------------------------------------------------------------------
// Selectors: the one place that knows the widget's DOM. Everything under the
// host is looked up inside its (open) shadow root.
// ---------------------------------------------------------------------------
const SEL = {
  host: 'medal-summary',
  // Set by the embed layer on the host once the data has rendered.
  ready: 'medal-summary[data-ms-state="ready"]',
  // Our timeline: one button per event (src/components/timeline.rs).
  // Only once placed: until then the timeline is hidden (.ms-unplaced in www/widget.css).
  marker: '.ms-tl[data-ms-placed] .ms-tl-list .ms-tl-marker',
  // Our medal table rows (src/components/table.rs).
  row: 'table.ms-table tbody tr',
  // The view tabs (src/components/app.rs, APG tabs): role=tab, data-view=card|medalists|table|history|timeline.
  tab: (view) => `[role="tab"][data-view="${view}"]`,
  panel: (view) => `[role="tabpanel"][data-view="${view}"]`,
  // Sortable column headers: th[data-col] carries aria-sort, its button sorts.
  sortHeader: (col) => `th[data-col="${col}"]`,
  sortButton: (col) => `th[data-col="${col}"] button`,
  // The gold-first / total-first switch: radio inputs with value gold|total.
  ranking: (by) => `.ms-ranking input[type="radio"][value="${by}"]`,
  // TimelineJS3: one .tl-timemarker per event in the time navigator.
  tlMarker: '.tl-timenav .tl-timemarker',
};
const VIEWS = ['card', 'medalists', 'table', 'history', 'timeline'];
const SORT_COLS = ['name', 'gold', 'total', 'rank', 'silver', 'bronze'];

const CHROMIUM = process.env.CHROMIUM_BIN || process.env.CHROME_PATH || '/usr/bin/chromium';
// Nothing but 127.0.0.1 resolves: a request to the internet fails at once
// (and is listed in the results) instead of reaching out.
const NO_NETWORK = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic',
  '--disable-sync', '--disable-extensions', '--mute-audio', NO_NETWORK];
const VIEWPORT = { width: 1024, height: 900 };
const BENCH = path.join(ROOT, 'bench');
const DIST = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(ROOT, 'dist'); // BENCH_DIST: another build, for development
const TLJS = path.join(BENCH, 'node_modules/@knight-lab/timelinejs/dist');

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------
const HELP = `usage: node bench/bench.mjs [options]
  --only LIST        sections to run, comma-separated: paint,interaction,reader,scale,lighthouse,compare (default: all)
  --compare DIR      also run "compare": the first paint of the three Baku events from dist/ (A) and from
                     the build in DIR (B), interleaved in the same rounds (--rounds pairs); prints each side's
                     median and p95 and the median of the per-round differences B - A
  --cpu N            with --compare: Chromium's CPU slowed N times (DevTools throttling), as on a phone
  --rounds N         first-paint rounds per side, alternating A/B (default 10, minimum 10 for a real run)
  --reps N           repetitions per interaction (default 50)
  --scale-rounds N   rounds per scale point (default 3)
  --lh-runs N        Lighthouse runs per form factor; the median-performance run is kept (default 3)
  --reader-rounds N  fresh pages for the reader section (default 8)
  --reader-rest MS   how long the pointer rests on a tab before the reader section clicks it (default 300; 0: at once)
  --reader-press MS  how long the reader section's clicks hold the button down (default 0)
  --quick            development run: 2 rounds, 10 reps, 2 reader pages, 1 scale round, 1 Lighthouse run, no 10,000-row point
  --out FILE         results file (default bench/results/latest.json)
  --print FILE       only print the summary of an earlier results file
  --markdown         with --print: print the README's "Performance" section instead
  --help`;
function options(argv) {
  const o = { only: null, cpu: 1, rounds: 10, reps: 50, scaleRounds: 3, lhRuns: 3, readerRounds: 8, readerRest: 300, readerPress: 0, quick: false, out: path.join(BENCH, 'results/latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => { const n = Number(argv[++i]); if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a whole number ≥ 1`); return n; };
    if (a === '--only') o.only = new Set(argv[++i].split(','));
    else if (a === '--rounds') o.rounds = num();
    else if (a === '--reps') o.reps = num();
    else if (a === '--scale-rounds') o.scaleRounds = num();
    else if (a === '--lh-runs') o.lhRuns = num();
    else if (a === '--reader-rounds') o.readerRounds = num();
    else if (a === '--reader-rest' || a === '--reader-press') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number of ms ≥ 0`);
      o[a === '--reader-rest' ? 'readerRest' : 'readerPress'] = v;
    }
    else if (a === '--quick') Object.assign(o, { quick: true, rounds: 2, reps: 10, scaleRounds: 1, lhRuns: 1, readerRounds: 2 });
    else if (a === '--compare') o.compare = path.resolve(argv[++i]);
    else if (a === '--cpu') o.cpu = num();
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--print') o.print = path.resolve(argv[++i]);
    else if (a === '--markdown') o.markdown = true;
    else if (a === '--help' || a === '-h') { console.log(HELP); process.exit(0); }
    else throw new Error(`unknown option ${a}\n${HELP}`);
  }
  return o;
}

// ---------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------
function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (xs) => quantile(xs, 0.5);
const stats = (xs) => ({ n: xs.length, median: median(xs), p95: quantile(xs, 0.95), min: quantile(xs, 0), max: quantile(xs, 1) });
// How many loads had their paint timed by two animation frames, not the probe's observer.
const timedByFrames = (loads) => loads.filter((m) => m.paintedBy !== 'resize').length;
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const ms = (x) => (x == null ? '—' : `${x.toFixed(x < 100 ? 1 : 0)} ms`);
const kb = (x) => (x == null ? '—' : `${(x / 1024).toFixed(1)} KiB`);
const mb = (x) => (x == null ? '—' : `${(x / 1048576).toFixed(2)} MiB`);
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100);
const log = (...a) => console.error('[bench]', ...a);

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r, i) => {
    const line = r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
    return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

// ---------------------------------------------------------------------------
// In-page probes (serialised into the page, so they see no closure)
// ---------------------------------------------------------------------------

/**
 * Installed by addInitScript before any page script. Watches the document
 * and every shadow root as it is attached (attachShadow is wrapped) with a
 * MutationObserver; once `probe.count` elements match `probe.selector` (inside
 * the shadow roots of `probe.host`, or in the document) it stamps `dom`, then
 * `painted` after the frame showing them has been produced: a
 * ResizeObserver on the first of them is called in that frame, after its
 * layout and before its paint, and a setTimeout(0) from there runs once the
 * frame is done. (A requestAnimationFrame asked for at `dom` would be a
 * frame late for elements a page adds inside a frame, from its own
 * ResizeObserver callback: that frame's animation frames have run by
 * then; such an element is reported in that frame if it lies deeper in
 * the tree than what the page's observer watches, as our markers lie
 * under the timeline's axis, else in the next.) The observer is called
 * for an element with no box too (a first report of 0×0); the selector is
 * what makes sure the markers are shown. Should it not be called (its
 * report put off by the depth rule, or the element in a skipped
 * `content-visibility` subtree), two animation frames stand in:
 * `paintedBy` says which it was. Times are performance.now(): ms since
 * navigation start.
 */
function firstPaintProbe(probe) {
  // `live`: when a widget host first reports data-ms-state="ready" (for a
  // prerendered page, when the live widget has replaced the snapshot).
  const st = { dom: null, painted: null, paintedBy: null, live: null, count: 0, mutations: 0 };
  Object.defineProperty(window, '__bench', { value: st });
  // The harness awaits this promise with one page.evaluate: polling with
  // waitForFunction would inject Playwright's selector engine (~25 ms of
  // script) into the page in the middle of the load being measured.
  let done;
  Object.defineProperty(window, '__benchPainted', { value: new Promise((r) => { done = r; }) });
  // The matching elements: one NodeList per shadow root of a host (or the document's).
  const matches = () => (probe.host
    ? [...document.querySelectorAll(probe.host)].flatMap((h) => (h.shadowRoot ? [h.shadowRoot.querySelectorAll(probe.selector)] : []))
    : [document.querySelectorAll(probe.selector)]);
  // Attributes too: our markers count once their timeline is marked placed.
  const opts = { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ms-placed'] };
  // Declarative shadow roots (a prerendered page) are made by the parser,
  // not attachShadow: observe each one the first time its host is seen.
  const seen = new WeakSet();
  const watchRoots = () => {
    if (!probe.host) return;
    for (const h of document.querySelectorAll(probe.host)) {
      if (h.shadowRoot && !seen.has(h.shadowRoot)) { seen.add(h.shadowRoot); mo.observe(h.shadowRoot, opts); }
    }
  };
  let liveDone;
  Object.defineProperty(window, '__benchLive', { value: new Promise((r) => { liveDone = r; }) });
  const live = new MutationObserver(() => {
    if (document.querySelector('[data-ms-state="ready"]')) st.live = performance.now();
    // An error ends the wait too (st.live stays null), or the harness would hang.
    if (st.live !== null || document.querySelector('[data-ms-state="error"]')) {
      live.disconnect();
      liveDone();
    }
  });
  live.observe(document, { attributes: true, attributeFilter: ['data-ms-state'], subtree: true });
  const check = () => {
    st.mutations++;
    if (st.dom !== null) return;
    watchRoots();
    const lists = matches();
    const n = lists.reduce((sum, l) => sum + l.length, 0);
    st.count = n;
    if (n >= probe.count) {
      st.dom = performance.now();
      mo.disconnect();
      const painted = (by) => {
        if (st.painted !== null) return;
        st.painted = performance.now();
        st.paintedBy = by;
        done();
      };
      const ro = new ResizeObserver(() => { ro.disconnect(); setTimeout(() => painted('resize'), 0); });
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => { ro.disconnect(); painted('frames'); }, 0)));
      const el = lists.find((l) => l.length)?.[0];
      if (el) ro.observe(el);
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, opts);
  document.addEventListener('DOMContentLoaded', check, { once: true });
  // Wasm linear memory lives outside the V8 heap: keep every instance's
  // exported memories so the harness can add their size to the JS heap.
  const memories = [];
  Object.defineProperty(window, '__benchWasm', { value: memories });
  const grab = (r) => {
    try {
      const inst = r instanceof WebAssembly.Instance ? r : r?.instance;
      for (const v of Object.values(inst?.exports ?? {})) if (v instanceof WebAssembly.Memory) memories.push(v);
    } catch { /* not an instance */ }
    return r;
  };
  for (const k of ['instantiate', 'instantiateStreaming']) {
    const f = WebAssembly[k];
    if (f) WebAssembly[k] = function wrapped(...a) { return f.apply(this, a).then(grab); };
  }
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    if (st.dom === null) { seen.add(root); mo.observe(root, opts); }
    return root;
  };
}

/**
 * One measured interaction, run in the page: waits for a frame boundary,
 * clicks `selector` (inside the host's shadow root), and reports
 *   sync   the click's event dispatch (our handlers run synchronously)
 *   dom    until the last DOM mutation the click caused (Yew renders in microtasks)
 *   paint  until the next paint: requestAnimationFrame + setTimeout(0)
 *   raf2   until the second requestAnimationFrame after the click (double rAF)
 */
async function interactionProbe({ host, selector }) {
  const root = document.querySelector(host).shadowRoot;
  const el = root.querySelector(selector);
  if (!el) return { error: `no element for ${selector}` };
  // Start right after a frame so every repetition has the same phase.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  let last = null;
  let mutations = 0;
  const mo = new MutationObserver((recs) => { last = performance.now(); mutations += recs.length; });
  mo.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  const t0 = performance.now();
  el.click();
  const sync = performance.now() - t0;
  const paint = await new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now() - t0), 0)));
  const raf2 = await new Promise((r) => requestAnimationFrame(() => r(performance.now() - t0)));
  // raf2 above is the second rAF after the click (the first ran inside the paint probe).
  mo.disconnect();
  return { sync, dom: last == null ? sync : last - t0, paint, raf2, mutations };
}

/**
 * Trusted clicks (real input through CDP, as a reader's mouse): installed
 * once in the interaction page. A capture listener on window sees the click
 * before the widget does and, from the event's own timestamp (the input's
 * arrival; the press's, when there was one), stamps the same three times as `interactionProbe`; Event Timing
 * (PerformanceObserver type "event", the API behind INP) adds the browser's
 * own input-to-next-frame duration (8 ms granularity; entries under 16 ms are
 * not reported, counted as 16).
 */
function installTrusted({ host }) {
  const root = document.querySelector(host).shadowRoot;
  const st = { armed: false, result: null, entries: [] };
  Object.defineProperty(window, '__benchI', { value: st });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) st.entries.push({ id: e.interactionId, name: e.name, duration: e.duration, start: e.startTime });
    }
  }).observe({ type: 'event', durationThreshold: 16 });
  let last = null;
  let mutations = 0;
  new MutationObserver((recs) => { last = performance.now(); mutations += recs.length; })
    .observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  // From the press: the widget starts building a view when its tab is
  // pressed (app.rs), and these clicks press and release at once, so timing
  // from the click would leave that build out.
  let down = null;
  window.addEventListener('pointerdown', (ev) => { if (st.armed) down = ev.timeStamp; }, { capture: true });
  window.addEventListener('click', (ev) => {
    if (!st.armed) return;
    st.armed = false;
    const t0 = down ?? ev.timeStamp;
    down = null;
    last = null;
    mutations = 0;
    const res = { t0 };
    requestAnimationFrame(() => setTimeout(() => {
      res.paint = performance.now() - t0;
      requestAnimationFrame(() => {
        res.raf2 = performance.now() - t0;
        res.dom = last == null ? 0 : last - t0;
        res.mutations = mutations;
        st.result = res;
      });
    }, 0));
  }, { capture: true });
}

/** Where to click `selector` (inside the shadow root), if a real click there would reach it. */
function clickPoint({ host, selector }) {
  const root = document.querySelector(host).shadowRoot;
  let el = root.querySelector(selector);
  if (!el) return { error: `no element for ${selector}` };
  // A visually hidden radio input is clicked through its label.
  if (el.labels?.length && el.getBoundingClientRect().width < 4) [el] = el.labels;
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const hit = root.elementFromPoint(x, y);
  const input = el.control ?? el;
  const ok = !!hit && (el === hit || el.contains(hit) || [...(input.labels ?? [])].some((l) => l.contains(hit)));
  return { x, y, ok };
}

// ---------------------------------------------------------------------------
// Browser plumbing
// ---------------------------------------------------------------------------

/** A fresh context (own cache, cookies, storage: a cold cache) and one page with CDP network accounting. */
async function freshPage(browser, { initScript, initArg, cpu = 1 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', locale: 'en-US' });
  if (initScript) await context.addInitScript(initScript, initArg);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const net = { requests: [], external: [], failed: [], encoded: 0, decoded: 0 };
  cdp.on('Network.requestWillBeSent', (e) => {
    net.requests.push(e.request.url);
    const u = e.request.url;
    if (!/^(data:|blob:|about:)/.test(u) && !/^https?:\/\/127\.0\.0\.1[:/]/.test(u)) net.external.push(u);
  });
  cdp.on('Network.dataReceived', (e) => { net.decoded += e.dataLength; });
  cdp.on('Network.loadingFinished', (e) => { net.encoded += e.encodedDataLength; });
  cdp.on('Network.loadingFailed', (e) => { if (!e.canceled) net.failed.push(e.errorText); });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return { context, page, cdp, net, errors };
}

/** Heap after a forced GC: V8 (`used`), ArrayBuffer stores (`backing`; wasm memories are not among them, see __benchWasm), Blink (`embedder`), live DOM nodes. */
async function heap(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.disable');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  return { used: u.usedSize, total: u.totalSize, backing: u.backingStorageSize ?? null, embedder: u.embedderHeapUsedSize ?? null,
    nodes: dom.nodes ?? null, listeners: dom.jsEventListeners ?? null };
}

/**
 * Loads `url` in a fresh context and measures one first paint: the time until
 * `probe` is satisfied and painted, bytes, requests and the heap after load.
 */
async function measureLoad(browser, url, probe, { timeout = 60_000, cpu = 1 } = {}) {
  const { context, page, cdp, net, errors } = await freshPage(browser, { initScript: firstPaintProbe, initArg: probe, cpu });
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    let timer;
    await Promise.race([
      page.evaluate(() => window.__benchPainted),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), timeout); }),
    ]).finally(() => clearTimeout(timer)).catch(async () => { throw new Error(`timed out: ${JSON.stringify(await page.evaluate(() => window.__bench))} ${errors.join('; ')}`); });
    // Our widget: wait until it is live (the prerendered page paints first).
    if (probe.host) {
      await Promise.race([page.evaluate(() => window.__benchLive), new Promise((r) => { setTimeout(r, timeout).unref(); })]);
    }
    // Let late requests (fonts, lazy chunks) finish so the byte count is whole.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const st = await page.evaluate(() => ({
      ...window.__bench,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
      load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null,
    }));
    const h = await heap(cdp);
    const wasm = await page.evaluate(() => window.__benchWasm.reduce((a, m) => a + m.buffer.byteLength, 0));
    return {
      // Nothing shows before the browser's first contentful paint (its
      // presentation time): a frame produced early but presented late (a
      // busy raster thread) counts from when it was presented.
      dom: st.dom, painted: st.fcp != null ? Math.max(st.painted, st.fcp) : st.painted, probePainted: st.painted, paintedBy: st.paintedBy, live: st.live, fcp: st.fcp, domContentLoaded: st.domContentLoaded, load: st.load, count: st.count,
      bytes: net.encoded, bodyBytes: net.decoded, requests: net.requests.length, urls: net.requests,
      external: net.external, failed: net.failed, heap: h.used, heapTotal: h.total, backing: h.backing, embedder: h.embedder, wasm, nodes: h.nodes, listeners: h.listeners, errors,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

/**
 * Two builds of the widget, paired: in every round one load of the Baku
 * page from dist/ (A) and one from the build in --compare (B), in
 * alternating order, so drift on a busy machine falls on both alike and
 * each round's difference B - A is measured minutes apart at most.
 */
async function sectionCompare(browser, server, o) {
  const where = (dir) => (dir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dir) : dir);
  const probe = { host: SEL.host, selector: SEL.marker, count: bakuEvents().length };
  const A = `${server.url}/__bench/ours-baku.html`;
  const B = `${server.url}/__bench/ours-baku-compare.html`;
  const cpu = o.cpu;
  await measureLoad(browser, A, probe, { cpu });
  await measureLoad(browser, B, probe, { cpu });
  const runs = { a: [], b: [] };
  for (let i = 0; i < o.rounds; i++) {
    for (const key of i % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
      const m = await measureLoad(browser, key === 'a' ? A : B, probe, { cpu });
      if (m.errors.length) throw new Error(`${key.toUpperCase()}: ${m.errors.join('; ')}`);
      runs[key].push(m);
      log(`compare ${i + 1}/${o.rounds} ${key.toUpperCase()} painted ${ms(m.painted)}  bytes ${kb(m.bytes)}`);
    }
  }
  const side = (xs, dir) => ({ dir, painted: stats(xs.map((m) => m.painted)), paintedByFrames: timedByFrames(xs), bytes: median(xs.map((m) => m.bytes)) });
  const diffs = runs.a.map((m, i) => runs.b[i].painted - m.painted);
  // How sure the median difference is: a 95% bootstrap interval (2,000
  // resamples of the rounds, drawn by mulberry32 from a fixed seed, so the
  // same rounds always give the same interval). An interval that holds 0
  // is no difference this run could tell.
  let seed = 12345;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const medians = Array.from({ length: 2000 }, () => median(diffs.map(() => diffs[Math.floor(rand() * diffs.length)])));
  return {
    rounds: o.rounds,
    cpu,
    a: side(runs.a, where(DIST)),
    b: side(runs.b, where(o.compare)),
    difference: { ...stats(diffs), p05: quantile(diffs, 0.05), ci95: [quantile(medians, 0.025), quantile(medians, 0.975)], bFaster: diffs.filter((d) => d < 0).length, perRound: diffs.map(r1) },
  };
}

async function sectionPaint(browser, server, o) {
  const n = bakuEvents().length;
  const A = { name: 'TimelineJS3 3.9.11', url: `${server.url}/__bench/tljs-baku.html`, probe: { selector: SEL.tlMarker, count: n } };
  const B = { name: 'medal-summary', url: `${server.url}/__bench/ours-baku.html`, probe: { host: SEL.host, selector: SEL.marker, count: n } };
  // The harness's own floor: a static page with the three names and no
  // script, so the fixed cost of a fresh context and a first frame shows.
  const F = { name: 'static HTML', url: `${server.url}/__bench/floor-baku.html`, probe: { selector: '.floor-marker', count: n } };
  // The same page as B after scripts/prerender.mjs: the timeline is in the
  // HTML (a declarative shadow root) and the live widget takes over later.
  const C = { name: 'medal-summary, prerendered', url: `${server.url}/__bench/ours-baku-prerendered.html`, probe: { host: SEL.host, selector: SEL.marker, count: n } };
  const runs = { theirs: [], ours: [], prerendered: [], floor: [] };
  // Warm-up load of each (not counted): first-ever process start-up costs.
  await measureLoad(browser, A.url, A.probe);
  await measureLoad(browser, B.url, B.probe);
  for (let i = 0; i < o.rounds; i++) {
    // Alternate which goes first so drift on a busy machine hits all alike.
    const order = i % 2 === 0 ? [['theirs', A], ['ours', B], ['prerendered', C], ['floor', F]] : [['floor', F], ['prerendered', C], ['ours', B], ['theirs', A]];
    for (const [key, side] of order) {
      const m = await measureLoad(browser, side.url, side.probe);
      runs[key].push(m);
      log(`paint ${i + 1}/${o.rounds} ${key.padEnd(6)} painted ${ms(m.painted)}  bytes ${kb(m.bytes)}  heap ${mb(m.heap)}${m.external.length ? `  EXTERNAL: ${m.external.join(' ')}` : ''}`);
    }
  }
  const summarize = (xs, side) => ({
    name: side.name,
    url: side.url.replace(server.url, ''),
    markers: xs[0]?.count,
    painted: stats(xs.map((m) => m.painted)),
    paintedByFrames: timedByFrames(xs),
    dom: stats(xs.map((m) => m.dom)),
    live: stats(xs.map((m) => m.live)),
    fcp: stats(xs.map((m) => m.fcp)),
    load: stats(xs.map((m) => m.load)),
    bytes: median(xs.map((m) => m.bytes)),
    bodyBytes: median(xs.map((m) => m.bodyBytes)),
    requests: median(xs.map((m) => m.requests)),
    heap: median(xs.map((m) => m.heap)),
    backing: median(xs.map((m) => m.backing)),
    wasm: median(xs.map((m) => m.wasm)),
    embedder: median(xs.map((m) => m.embedder)),
    nodes: median(xs.map((m) => m.nodes)),
    listeners: median(xs.map((m) => m.listeners)),
    requestUrls: [...new Set(xs.flatMap((m) => m.urls.map((u) => u.replace(server.url, ''))))],
    external: [...new Set(xs.flatMap((m) => m.external))],
    errors: [...new Set(xs.flatMap((m) => m.errors))],
  });
  const theirs = summarize(runs.theirs, A);
  const ours = summarize(runs.ours, B);
  const floor = summarize(runs.floor, F);
  const prerendered = summarize(runs.prerendered, C);
  return {
    rounds: o.rounds,
    theirs,
    ours,
    prerendered,
    floor,
    ratio: {
      painted: ratio(ours.painted.median, theirs.painted.median),
      prerenderedPainted: ratio(prerendered.painted.median, theirs.painted.median),
      // Each widget's own cost: its time above the static page's.
      aboveFloor: ratio(ours.painted.median - floor.painted.median, theirs.painted.median - floor.painted.median),
      bytes: ratio(ours.bytes, theirs.bytes),
      heap: ratio(ours.heap, theirs.heap),
      heapPlusWasm: ratio(ours.heap + ours.wasm, theirs.heap + theirs.wasm),
    },
  };
}

async function sectionInteraction(browser, server, o) {
  const url = `${server.url}/__bench/ours-table206.html`;
  const { context, page, errors } = await freshPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(({ host, row }) => document.querySelector(host)?.shadowRoot?.querySelectorAll(row).length >= 206,
      { host: SEL.host, row: SEL.row }, { timeout: 60_000, polling: 50 });
    const rows = await page.evaluate(({ host, row }) => document.querySelector(host).shadowRoot.querySelectorAll(row).length, { host: SEL.host, row: SEL.row });
    const click = (selector) => page.evaluate(interactionProbe, { host: SEL.host, selector });
    await page.evaluate(installTrusted, { host: SEL.host });
    // A real click at the element's centre (falls back to element.click() when something covers it).
    const trusted = async (selector) => {
      const pt = await page.evaluate(clickPoint, { host: SEL.host, selector });
      if (pt.error) return pt;
      if (!pt.ok) return { ...(await click(selector)), synthetic: true };
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      await page.evaluate(() => { window.__benchI.armed = true; window.__benchI.result = null; window.__benchI.entries.length = 0; });
      await page.mouse.click(pt.x, pt.y);
      const res = await (await page.waitForFunction(() => window.__benchI.result, null, { timeout: 30_000, polling: 'raf' })).jsonValue();
      // Event Timing entries arrive after the frame is presented.
      await page.waitForTimeout(30);
      const entries = await page.evaluate(() => window.__benchI.entries.slice());
      const mine = entries.filter((e) => e.start >= res.t0 - 1);
      res.inp = mine.length ? Math.max(...mine.map((e) => e.duration)) : 16;
      res.inpUnder16 = mine.length === 0;
      return res;
    };
    const WARMUP = 3;

    async function series(name, next) {
      const out = [];
      for (let i = 0; i < o.reps + WARMUP; i++) {
        const { selector, label } = next(i);
        const m = await trusted(selector);
        if (m.error) throw new Error(`${name}: ${m.error}`);
        if (i >= WARMUP) out.push({ ...m, label });
      }
      const noop = out.filter((m) => m.mutations === 0).length;
      const s = {
        reps: out.length,
        warmup: WARMUP,
        raf2: stats(out.map((m) => m.raf2)),
        paint: stats(out.map((m) => m.paint)),
        dom: stats(out.map((m) => m.dom)),
        inp: stats(out.filter((m) => m.inp != null).map((m) => m.inp)),
        inpUnder16: out.filter((m) => m.inpUnder16).length,
        synthetic: out.filter((m) => m.synthetic).length,
        noMutation: noop,
        samples: out.map((m) => ({ label: m.label, raf2: r1(m.raf2), paint: r1(m.paint), dom: r1(m.dom), inp: m.inp, mutations: m.mutations, synthetic: m.synthetic })),
      };
      log(`interaction ${name}: double-rAF median ${ms(s.raf2.median)} p95 ${ms(s.raf2.p95)}; DOM done median ${ms(s.dom.median)} p95 ${ms(s.dom.p95)}; Event Timing median ${ms(s.inp.median)} p95 ${ms(s.inp.p95)}${s.synthetic ? `; ${s.synthetic} synthetic clicks` : ''}${noop ? `; ${noop} clicks changed nothing` : ''}`);
      return s;
    }

    // Sorting: cycle through the columns; each click re-sorts all 206 rows.
    const sort = await series('sort', (i) => {
      const col = SORT_COLS[i % SORT_COLS.length];
      return { selector: SEL.sortButton(col), label: col };
    });
    // Back to the rank order (so the ranking switch below reorders rows).
    await click(SEL.sortButton('rank'));
    const dir = await page.evaluate(({ host, sel }) => document.querySelector(host).shadowRoot.querySelector(sel)?.getAttribute('aria-sort'),
      { host: SEL.host, sel: SEL.sortHeader('rank') });
    if (dir !== 'ascending') await click(SEL.sortButton('rank'));
    // Gold-first / total-first: every click re-ranks and re-renders the table.
    const ranking = await series('ranking', (i) => {
      const by = i % 2 === 0 ? 'total' : 'gold';
      return { selector: SEL.ranking(by), label: by };
    });
    // Tabs: visit every view in turn; the first visit mounts a panel (in the warm-up or early samples).
    const order = VIEWS.filter((v) => v !== 'table').concat('table');
    const present = await page.evaluate(({ host, sels }) => sels.map((s) => !!document.querySelector(host).shadowRoot.querySelector(s)),
      { host: SEL.host, sels: order.map(SEL.tab) });
    const tabs = order.filter((_, i) => present[i]);
    const firstVisits = [];
    for (const v of tabs) {
      const m = await trusted(SEL.tab(v));
      firstVisits.push({ view: v, raf2: r1(m.raf2), dom: r1(m.dom), inp: m.inp, mutations: m.mutations });
    }
    const tabSeries = await series('tabs', (i) => {
      const v = tabs[i % tabs.length];
      return { selector: SEL.tab(v), label: v };
    });
    tabSeries.firstVisits = firstVisits;
    const floor = await sortFloor(browser, rows, o);
    log(`interaction sort floor: ${rows} plain table rows reversed by plain JS on a bare page, median ${ms(floor.median)} p95 ${ms(floor.p95)}`);
    return { url: url.replace(server.url, ''), rows, sort, ranking, tabs: tabSeries, floor, errors };
  } finally {
    await context.close();
  }
}

/**
 * The DOM's own price for a sort, without the widget: the same number of
 * rows (7 cells each, as ours) in a plain table on a bare page, all of them
 * moved by plain JS (reversed: every row but one moves, as in our sorts that
 * reverse a column), timed in the page; one reversal after each frame.
 */
async function sortFloor(browser, rows, o) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="en"><title>floor</title><body><table><tbody></tbody></table></body></html>');
    const times = await page.evaluate(async ({ rows, reps }) => {
      const tb = document.querySelector('tbody');
      for (let i = 0; i < rows; i++) {
        const tr = document.createElement('tr');
        for (let c = 0; c < 7; c++) {
          const cell = document.createElement(c === 1 ? 'th' : 'td');
          cell.textContent = String(i * 7 + c);
          tr.append(cell);
        }
        tb.append(tr);
      }
      const out = [];
      for (let i = 0; i < reps + 3; i++) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const order = [...tb.children].reverse();
        const t0 = performance.now();
        for (const tr of order) tb.insertBefore(tr, null);
        if (i >= 3) out.push(performance.now() - t0);
      }
      return out;
    }, { rows, reps: o.reps });
    return stats(times);
  } finally {
    await context.close();
  }
}

// What the interaction section's repetitions hide: a reader does most things
// once. The first visit of a view mounts it; the first sort by name builds
// the browser's collator (its collation data, ~21 ms here); a view shown
// again comes back from the panel kept hidden. Each action once per fresh
// page, real mouse input; before the sort the pointer rests on the header
// for 300 ms, as a reader's does before a click.
// The third column: how long the pointer rests on the target before the
// click, in ms; `tab` means --reader-rest (default 300; 0 clicks the tabs at
// once, as a pointer that does not stop before clicking, which the widget
// cannot prepare for).
const READER_STEPS = [
  ['open the medal table (first visit)', SEL.tab('table'), 'tab'],
  ['sort by name, first time', SEL.sortButton('name'), 300],
  ['sort by name again', SEL.sortButton('name'), 300],
  ['back to the summary', SEL.tab('card'), 'tab'],
  ['the medal table again', SEL.tab('table'), 'tab'],
  ['open hosted events (first visit)', SEL.tab('timeline'), 'tab'],
  ['the medal table, third time', SEL.tab('table'), 'tab'],
  ['hosted events again', SEL.tab('timeline'), 'tab'],
];

async function sectionReader(browser, server, o) {
  const url = `${server.url}/__bench/ours-real.html`;
  const steps = READER_STEPS.map(([name]) => ({ name, work: [], frame: [] }));
  const errors = [];
  for (let round = 0; round < o.readerRounds; round++) {
    const { context, page, errors: pageErrors } = await freshPage(browser);
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector(SEL.ready, { timeout: 60_000 });
      // Let the start-up's later tasks finish, as a reader's first seconds do.
      await page.waitForTimeout(800);
      await page.evaluate((host) => {
        const st = { result: null };
        Object.defineProperty(window, '__benchR', { value: st });
        // From the input's own timestamp: to the widget's last DOM change
        // (its render runs in microtasks right after the click), and to the
        // frame showing it (double rAF).
        let last = null;
        new MutationObserver(() => { last = performance.now(); })
          .observe(document.querySelector(host).shadowRoot, { childList: true, subtree: true, attributes: true, characterData: true });
        window.addEventListener('click', (ev) => {
          const t0 = ev.timeStamp;
          last = null;
          requestAnimationFrame(() => requestAnimationFrame(() => {
            st.result = { work: last == null ? 0 : last - t0, frame: performance.now() - t0 };
          }));
        }, { capture: true });
      }, SEL.host);
      await page.mouse.move(2, 2);
      for (const [i, [name, selector, restFor]] of READER_STEPS.entries()) {
        const rest = restFor === 'tab' ? o.readerRest : restFor;
        const box = await page.locator(`${SEL.host} ${selector}`).first().boundingBox();
        if (!box) throw new Error(`${name}: ${selector} is not on screen`);
        const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
        if (rest) {
          await page.mouse.move(x, y, { steps: 4 });
          await page.waitForTimeout(rest);
        }
        await page.evaluate(() => { window.__benchR.result = null; });
        await page.mouse.click(x, y, { delay: o.readerPress });
        const m = await (await page.waitForFunction(() => window.__benchR.result, null, { timeout: 30_000, polling: 'raf' })).jsonValue();
        steps[i].work.push(m.work);
        steps[i].frame.push(m.frame);
      }
    } finally {
      errors.push(...pageErrors);
      await context.close();
    }
  }
  const out = steps.map((st) => ({ name: st.name, work: stats(st.work), frame: stats(st.frame) }));
  for (const st of out) log(`reader ${st.name}: to the frame ${ms(st.frame.median)} (DOM done ${ms(st.work.median)})`);
  return { url: url.replace(server.url, ''), rounds: o.readerRounds, rest: o.readerRest, press: o.readerPress, steps: out, errors };
}

async function sectionScale(browser, server, o) {
  const points = [
    { what: 'table rows', n: 206, widget: 'medal-summary', page: 'ours-table206.html', probe: { host: SEL.host, selector: SEL.row, count: 206 } },
    { what: 'table rows', n: 1000, widget: 'medal-summary', page: 'ours-table1000.html', probe: { host: SEL.host, selector: SEL.row, count: 1000 } },
    { what: 'table rows', n: 10000, widget: 'medal-summary', page: 'ours-table10000.html', probe: { host: SEL.host, selector: SEL.row, count: 10000 } },
    { what: 'timeline events', n: 3, widget: 'medal-summary', page: 'ours-baku.html', probe: { host: SEL.host, selector: SEL.marker, count: 3 } },
    { what: 'timeline events', n: 100, widget: 'medal-summary', page: 'ours-events100.html', probe: { host: SEL.host, selector: SEL.marker, count: 100 } },
    { what: 'timeline events', n: 1000, widget: 'medal-summary', page: 'ours-events1000.html', probe: { host: SEL.host, selector: SEL.marker, count: 1000 } },
    { what: 'timeline events', n: 3, widget: 'TimelineJS3', page: 'tljs-baku.html', probe: { selector: SEL.tlMarker, count: 3 } },
    { what: 'timeline events', n: 100, widget: 'TimelineJS3', page: 'tljs-events100.html', probe: { selector: SEL.tlMarker, count: 100 } },
    { what: 'timeline events', n: 1000, widget: 'TimelineJS3', page: 'tljs-events1000.html', probe: { selector: SEL.tlMarker, count: 1000 } },
  ].filter((p) => !(o.quick && p.n === 10000));
  const out = [];
  for (const p of points) {
    const xs = [];
    for (let i = 0; i < o.scaleRounds; i++) {
      try {
        xs.push(await measureLoad(browser, `${server.url}/__bench/${p.page}`, p.probe, { timeout: 120_000 }));
      } catch (e) {
        log(`scale ${p.widget} ${p.n} ${p.what}: ${e.message.slice(0, 300)}`);
        break;
      }
    }
    const r = {
      what: p.what, n: p.n, widget: p.widget, page: `/__bench/${p.page}`, rounds: xs.length,
      painted: median(xs.map((m) => m.painted)), dom: median(xs.map((m) => m.dom)),
      heap: median(xs.map((m) => m.heap)), backing: median(xs.map((m) => m.backing)), wasm: median(xs.map((m) => m.wasm)),
      nodes: median(xs.map((m) => m.nodes)), embedder: median(xs.map((m) => m.embedder)),
      bytes: median(xs.map((m) => m.bytes)), errors: [...new Set(xs.flatMap((m) => m.errors))],
      external: [...new Set(xs.flatMap((m) => m.external))],
    };
    log(`scale ${p.widget} ${p.n} ${p.what}: painted ${ms(r.painted)} heap ${mb(r.heap)} (+${mb(r.wasm)} wasm memory)`);
    out.push(r);
  }
  return out;
}

async function sectionLighthouse(server, o) {
  const article = existsSync(path.join(DIST, 'demo/article.html')) ? '/demo/article.html' : '/index.html';
  const result = await lighthousePage(server, o, article);
  if (article === '/index.html') result.note = 'dist/demo/article.html does not exist yet: measured dist/index.html';
  // The same article after scripts/prerender.mjs (made in main()).
  if (server.prerenderedArticle) result.prerendered = await lighthousePage(server, o, server.prerenderedArticle);
  // The same article without embed.js (its boxes still reserved): what the
  // page alone scores, so what the widget adds shows. The phone only.
  if (server.bareArticle) result.bare = await lighthousePage(server, o, server.bareArticle, ['mobile']);
  return result;
}

/** Lighthouse on one page, mobile and desktop, `o.lhRuns` runs each. */
async function lighthousePage(server, o, page, formFactors = ['mobile', 'desktop']) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const url = `${server.url}${page}`;
  const result = { page };
  for (const [formFactor, config] of [['mobile', undefined], ['desktop', desktopConfig]].filter(([f]) => formFactors.includes(f))) {
    const runs = [];
    for (let i = 0; i < o.lhRuns; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', NO_NETWORK],
        logLevel: 'silent',
      });
      try {
        const r = await lighthouse(url, {
          port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        }, config);
        const lhr = r.lhr;
        const audit = (id) => lhr.audits[id]?.numericValue ?? null;
        const requests = (lhr.audits['network-requests']?.details?.items ?? []).map((it) => it.url);
        const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
        const failing = (c) => (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
          .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}`);
        runs.push({
          performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'),
          cls: audit('cumulative-layout-shift'), fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'), speedIndex: audit('speed-index'), tti: audit('interactive'),
          requests: requests.length,
          external: requests.filter((u) => !/^(data:|blob:)/.test(u) && !u.startsWith(server.url)),
          failing: { accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
          runWarnings: lhr.runWarnings, lighthouseVersion: lhr.lighthouseVersion, userAgent: lhr.environment?.hostUserAgent,
        });
        const x = runs.at(-1);
        log(`lighthouse ${page} ${formFactor} ${i + 1}/${o.lhRuns}: perf ${x.performance} a11y ${x.accessibility} bp ${x.bestPractices} CLS ${x.cls?.toFixed(3)} LCP ${ms(x.lcp)}`);
      } finally {
        await chrome.kill();
      }
    }
    // Keep the run with the median performance score (Lighthouse's own advice for variance).
    const sorted = [...runs].sort((a, b) => a.performance - b.performance);
    result[formFactor] = {
      ...sorted[Math.floor((sorted.length - 1) / 2)], runs: runs.length,
      performanceScores: runs.map((r) => r.performance), tbts: runs.map((r) => Math.round(r.tbt)),
    };
  }
  return result;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function distSizes() {
  // What the widget itself consists of: wasm, js, css under dist/ (not the demo pages or data).
  const out = {};
  async function walk(dir) {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (!['demo', 'data', 'schema', '.stage'].includes(e.name)) await walk(p); continue; }
      if (!/\.(js|wasm|css)$/.test(e.name)) continue;
      const body = await readFile(p);
      out[path.relative(DIST, p)] = { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }
  }
  await walk(DIST);
  return out;
}

function machine(browserVersion) {
  const cpus = os.cpus();
  let debian = null;
  try { debian = execFileSync('cat', ['/etc/debian_version']).toString().trim(); } catch { /* not Debian */ }
  let chromium = null;
  try { chromium = execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { /* below */ }
  return {
    cores: cpus.length, cpu: cpus[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    debian, chromium: chromium || `Chromium ${browserVersion}`, node: process.version,
    load: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function summary(res) {
  const out = [];
  const m = res.machine;
  out.push(`medal-summary benchmark — ${res.date}`);
  out.push(`machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Debian ${m.debian ?? '?'}, ${m.chromium}, Node ${m.node}; load at start ${m.load.join(' ')}`);
  if (res.dist) {
    const total = Object.values(res.dist).reduce((a, b) => a + b.gzip, 0);
    out.push(`build (dist/*.js|wasm|css, gzip -9): ${Object.entries(res.dist).map(([f, s]) => `${f} ${kb(s.gzip)}`).join(', ')}; total ${kb(total)}`);
  }
  for (const f of res.failed ?? []) out.push(`${f}: FAILED: ${res[f].error}`);
  const ok = (x) => x && !x.error;
  const p = res.paint;
  if (ok(p)) {
    out.push('', `First paint of the three Baku events (${p.rounds} rounds each, alternating, cold cache; medians)`);
    out.push(table([
      ['', 'TimelineJS3 (A)', 'medal-summary (B)', 'B / A'],
      ['markers painted', ms(p.theirs.painted.median), ms(p.ours.painted.median), p.ratio.painted ?? '—'],
      ['  p95', ms(p.theirs.painted.p95), ms(p.ours.painted.p95), ''],
      ...(p.floor ? [['  above a static page\'s ' + ms(p.floor.painted.median), ms(p.theirs.painted.median - p.floor.painted.median), ms(p.ours.painted.median - p.floor.painted.median), p.ratio.aboveFloor ?? '—']] : []),
      ['first contentful paint', ms(p.theirs.fcp.median), ms(p.ours.fcp.median), ratio(p.ours.fcp.median, p.theirs.fcp.median) ?? '—'],
      ...(p.prerendered ? [
        ['prerendered page (C): markers painted', ms(p.theirs.painted.median), ms(p.prerendered.painted.median), p.ratio.prerenderedPainted ?? '—'],
        ['  p95', ms(p.theirs.painted.p95), ms(p.prerendered.painted.p95), ''],
        ['  widget live (interactive)', '', ms(p.prerendered.live.median), ''],
        ['  bytes transferred', '', kb(p.prerendered.bytes), ratio(p.prerendered.bytes, p.theirs.bytes) ?? '—'],
      ] : []),
      ['bytes transferred', kb(p.theirs.bytes), kb(p.ours.bytes), p.ratio.bytes ?? '—'],
      ['  uncompressed', kb(p.theirs.bodyBytes), kb(p.ours.bodyBytes), ratio(p.ours.bodyBytes, p.theirs.bodyBytes) ?? '—'],
      ['requests', p.theirs.requests, p.ours.requests, ''],
      ['JS heap after load (GC)', mb(p.theirs.heap), mb(p.ours.heap), p.ratio.heap ?? '—'],
      ['wasm linear memory', mb(p.theirs.wasm), mb(p.ours.wasm), ''],
      ['JS heap + wasm memory', mb(p.theirs.heap + p.theirs.wasm), mb(p.ours.heap + p.ours.wasm), p.ratio.heapPlusWasm ?? '—'],
      ['DOM heap (Blink, CDP embedder)', mb(p.theirs.embedder), mb(p.ours.embedder), ratio(p.ours.embedder, p.theirs.embedder) ?? '—'],
      ['DOM nodes (live, after GC)', p.theirs.nodes ?? '—', p.ours.nodes ?? '—', ratio(p.ours.nodes, p.theirs.nodes) ?? '—'],
    ]));
    const ext = [...p.theirs.external, ...p.ours.external];
    out.push(ext.length ? `EXTERNAL REQUESTS (blocked): ${ext.join(' ')}` : 'requests outside 127.0.0.1: none');
    const byFrames = [['A', p.theirs], ['B', p.ours], ['C', p.prerendered], ['floor', p.floor]].filter(([, x]) => x?.paintedByFrames);
    if (byFrames.length) out.push(`paints timed by two frames (no observer call): ${byFrames.map(([k, x]) => `${k} ${x.paintedByFrames}`).join(', ')}`);
    for (const e of [...p.theirs.errors.map((x) => `A ${x}`), ...p.ours.errors.map((x) => `B ${x}`), ...(p.prerendered?.errors ?? []).map((x) => `C ${x}`)]) out.push(`page error: ${e}`);
  }
  const it = res.interaction;
  if (ok(it)) {
    out.push('', `Interaction on the ${it.rows}-row medal table (${it.sort.reps} clicks each after ${it.sort.warmup} warm-up)`);
    out.push(table([
      ['action', 'double rAF median', 'p95', 'next paint median', 'p95', 'DOM done median', 'p95', 'Event Timing median', 'p95'],
      ...[['sort a column', it.sort], ['switch gold/total ranking', it.ranking], ['switch tab', it.tabs]]
        .map(([n, s]) => [n, ms(s.raf2.median), ms(s.raf2.p95), ms(s.paint.median), ms(s.paint.p95), ms(s.dom.median), ms(s.dom.p95), ms(s.inp.median), ms(s.inp.p95)]),
    ]));
    out.push(`first visit of each tab (mounts the view), double rAF: ${it.tabs.firstVisits.map((f) => `${f.view} ${ms(f.raf2)}`).join(', ')}`);
    if (it.floor) out.push(`the DOM's own price for a sort: ${it.rows} rows of a plain table on a bare page reversed by plain JS, median ${ms(it.floor.median)} p95 ${ms(it.floor.p95)}`);
  }
  const rd = res.reader;
  if (ok(rd)) {
    out.push('', `A reader's first minute (${rd.url}, real dataset, each action once per fresh page, ${rd.rounds} pages; pointer rest before a tab ${rd.rest ?? 0} ms, before a sort 300 ms; press ${rd.press ?? 0} ms; from the click)`);
    out.push(table([
      ['action', 'to the frame, median', 'p95', 'DOM done, median'],
      ...rd.steps.map((st) => [st.name, ms(st.frame.median), ms(st.frame.p95), ms(st.work.median)]),
    ]));
  }
  if (ok(res.scale)) {
    out.push('', `Scale: first render (navigation start → all items painted) and memory after load, medians of ${res.options.scaleRounds}; × = against the smallest point of the same widget`);
    out.push(table([
      ['widget', 'items', 'painted', '× time', 'JS heap', 'wasm memory', '× memory', 'DOM nodes', 'bytes'],
      ...res.scale.map((s) => {
        // Growth against the smallest point of the same widget and kind.
        const base = res.scale.find((b) => b.widget === s.widget && b.what === s.what);
        const mem = (x) => (x.heap ?? 0) + (x.wasm ?? 0);
        return [s.widget, `${s.n.toLocaleString('en')} ${s.what}`, ms(s.painted), ratio(s.painted, base.painted) ?? '—',
          mb(s.heap), mb(s.wasm), ratio(mem(s), mem(base)) ?? '—', s.nodes ?? '—', kb(s.bytes)];
      }),
    ]));
  }
  const lh = res.lighthouse;
  if (ok(lh)) {
    for (const x of [lh, lh.prerendered, lh.bare].filter(Boolean)) {
      const what = x === lh.bare ? ', the article without the widget' : '';
      out.push('', `Lighthouse ${x.mobile?.lighthouseVersion ?? ''} on ${x.page}${what}${x.note ? ` (${x.note})` : ''}, median-performance run of ${x.mobile?.runs}`);
      out.push(table([
        ['form factor', 'performance', 'accessibility', 'best practices', 'CLS', 'FCP', 'LCP', 'TBT'],
        ...['mobile', 'desktop'].filter((f) => x[f]).map((f) => [f, x[f].performance, x[f].accessibility, x[f].bestPractices,
          x[f].cls?.toFixed(3), ms(x[f].fcp), ms(x[f].lcp), ms(x[f].tbt)]),
      ]));
      for (const f of ['mobile', 'desktop']) {
        if (!x[f]) continue;
        if (x[f].tbts) out.push(`${f}, every run: performance ${x[f].performanceScores.join(', ')}; TBT ${x[f].tbts.map((t) => `${t} ms`).join(', ')}`);
        if (x[f].external.length) out.push(`${f}: EXTERNAL REQUESTS: ${x[f].external.join(' ')}`);
        const fails = [...x[f].failing.accessibility, ...x[f].failing.bestPractices];
        if (fails.length) out.push(`${f}: audits below 100: ${fails.join('; ')}`);
      }
    }
  }
  const c = res.compare;
  if (ok(c)) {
    out.push('', `Two builds compared: first paint of the three Baku events, ${c.rounds} rounds, one load of each per round${c.cpu > 1 ? `, CPU slowed ${c.cpu}×` : ''}`);
    out.push(table([
      ['', 'median', 'p95', 'bytes'],
      [`A ${c.a.dir}`, ms(c.a.painted.median), ms(c.a.painted.p95), kb(c.a.bytes)],
      [`B ${c.b.dir}`, ms(c.b.painted.median), ms(c.b.painted.p95), kb(c.b.bytes)],
    ]));
    out.push(`B - A per round: median ${ms(c.difference.median)}, 95% interval of that median ${ms(c.difference.ci95[0])} to ${ms(c.difference.ci95[1])}${c.difference.ci95[0] <= 0 && c.difference.ci95[1] >= 0 ? ' (holds 0: no difference this run can tell)' : ''}; B faster in ${c.difference.bFaster} of ${c.rounds}`);
    out.push(`  each round's difference, 5th to 95th percentile: ${ms(c.difference.p05)} to ${ms(c.difference.p95)}`);
    if (c.a.paintedByFrames || c.b.paintedByFrames) out.push(`paints timed by two frames (no observer call): A ${c.a.paintedByFrames}, B ${c.b.paintedByFrames}`);
  }

  return out.join('\n');
}

/** The README's "Performance" section, from a results file (`--print FILE --markdown`). */
function markdown(res) {
  const m = res.machine;
  const o = [];
  const ok = (x) => x && !x.error;
  const chromium = (m.chromium || '').replace(/ built on .*/, '');
  o.push('## Performance', '');
  o.push(`Measured by \`bench/run.sh\` (see [bench/README.md](bench/README.md)) on ${res.date.slice(0, 10)}: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Debian ${m.debian}, ${chromium} headless, Node ${m.node}; release build, served gzip from localhost, cold cache for every load. Medians unless marked p95; the machine is small and shared, so read ratios rather than absolute times.`);
  const p = res.paint;
  if (ok(p)) {
    o.push('', `**First paint against TimelineJS3 ${res.versions?.timelinejs ?? ''}**, the same three Baku events, ${p.rounds} alternating rounds each:`, '');
    o.push('| | TimelineJS3 | medal-summary | ratio |', '| --- | ---: | ---: | ---: |');
    o.push(`| events painted (from navigation start) | ${ms(p.theirs.painted.median)} | ${ms(p.ours.painted.median)} | ${p.ratio.painted} |`);
    o.push(`| … p95 | ${ms(p.theirs.painted.p95)} | ${ms(p.ours.painted.p95)} | |`);
    if (p.floor) o.push(`| … above a static page with the three names (${ms(p.floor.painted.median)}) | ${ms(p.theirs.painted.median - p.floor.painted.median)} | ${ms(p.ours.painted.median - p.floor.painted.median)} | ${p.ratio.aboveFloor} |`);
    if (p.prerendered) {
      o.push(`| events painted, prerendered page (\`scripts/prerender.mjs\`) | ${ms(p.theirs.painted.median)} | ${ms(p.prerendered.painted.median)} | ${p.ratio.prerenderedPainted} |`);
      o.push(`| … p95 | ${ms(p.theirs.painted.p95)} | ${ms(p.prerendered.painted.p95)} | |`);
      o.push(`| … widget live (interactive) | | ${ms(p.prerendered.live.median)} | |`);
    }
    o.push(`| bytes transferred (gzip) | ${kb(p.theirs.bytes)} | ${kb(p.ours.bytes)} | ${p.ratio.bytes} |`);
    o.push(`| requests | ${p.theirs.requests} | ${p.ours.requests} | |`);
    o.push(`| JS heap after load | ${mb(p.theirs.heap)} | ${mb(p.ours.heap)} | ${p.ratio.heap} |`);
    o.push(`| JS heap + wasm memory | ${mb(p.theirs.heap + p.theirs.wasm)} | ${mb(p.ours.heap + p.ours.wasm)} | ${p.ratio.heapPlusWasm} |`);
    o.push(`| DOM nodes | ${p.theirs.nodes} | ${p.ours.nodes} | ${ratio(p.ours.nodes, p.theirs.nodes)} |`);
  }
  const it = res.interaction;
  if (ok(it)) {
    o.push('', `**Interaction**, ${it.rows}-row medal table, ${it.sort.reps} real clicks each, click to the frame that shows the change (double requestAnimationFrame):`, '');
    o.push('| action | median | p95 | widget work (DOM done), median |', '| --- | ---: | ---: | ---: |');
    for (const [n, x] of [['sort a column', it.sort], ['switch gold/total ranking', it.ranking], ['switch tab', it.tabs]]) {
      o.push(`| ${n} | ${ms(x.raf2.median)} | ${ms(x.raf2.p95)} | ${ms(x.dom.median)} |`);
    }
    if (it.floor) o.push(`| no widget: ${it.rows} rows of a plain table on a bare page reversed by plain JS (the DOM's own price for a sort) | | | ${ms(it.floor.median)} (p95 ${ms(it.floor.p95)}) |`);
  }
  const rd = res.reader;
  if (ok(rd)) {
    o.push('', `**A reader's first minute**, the real dataset, each action once on a fresh page (${rd.rounds} pages), real clicks, from the click to the frame that shows it (double requestAnimationFrame); before each sort the pointer rests on the header for 300 ms${rd.rest == null ? '' : rd.rest ? `, before each tab for ${rd.rest} ms` : ', the tabs are clicked at once'}${rd.press ? `; each press lasts ${rd.press} ms` : ''}:`, '');
    o.push('| action | median | p95 | widget work (DOM done), median |', '| --- | ---: | ---: | ---: |');
    for (const st of rd.steps) o.push(`| ${st.name} | ${ms(st.frame.median)} | ${ms(st.frame.p95)} | ${ms(st.work.median)} |`);
  }
  if (ok(res.scale)) {
    o.push('', '**Scale**: first render of all items and memory after load (JS heap + wasm memory):', '');
    o.push('| widget | data | first render | memory |', '| --- | --- | ---: | ---: |');
    for (const x of res.scale) o.push(`| ${x.widget} | ${x.n.toLocaleString('en')} ${x.what} | ${ms(x.painted)} | ${mb((x.heap ?? 0) + (x.wasm ?? 0))} |`);
  }
  const lh = res.lighthouse;
  if (ok(lh)) {
    o.push('', `**Lighthouse ${lh.mobile?.lighthouseVersion}** on \`${lh.page.replace(/^\//, '')}\` (of ${lh.mobile?.runs} runs per form factor, the one with the median performance score):`, '');
    o.push('| page | | performance | accessibility | best practices | CLS | LCP | TBT |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const pages = [['as published', lh], ['prerendered', lh.prerendered], ['without the widget', lh.bare]];
    for (const [name, x] of pages) {
      if (!x) continue;
      for (const f of ['mobile', 'desktop']) if (x[f]) o.push(`| ${name} | ${f} | ${x[f].performance} | ${x[f].accessibility} | ${x[f].bestPractices} | ${x[f].cls?.toFixed(3)} | ${ms(x[f].lcp)} | ${ms(x[f].tbt)} |`);
    }
    const every = pages
      .filter(([, x]) => x?.mobile?.tbts)
      .map(([name, x]) => `${name}: performance ${x.mobile.performanceScores.join(', ')}; TBT ${x.mobile.tbts.map((t) => `${t}`).join(', ')} ms`);
    if (every.length) o.push('', `Every mobile run — ${every.join(' · ')}.`);
  }
  return o.join('\n');
}

async function main() {
  const o = options(process.argv.slice(2));
  if (o.print) {
    const res = JSON.parse(await readFile(o.print, 'utf8'));
    console.log(o.markdown ? markdown(res) : summary(res));
    return;
  }
  const want = (s) => !o.only || o.only.has(s);
  if (!existsSync(path.join(TLJS, 'js/timeline.js'))) throw new Error('TimelineJS3 is not installed: run bench/run.sh (npm ci in bench/)');
  if (!existsSync(DIST)) throw new Error('no dist/: run bench/run.sh (it runs trunk build --release)');
  const loader = existsSync(path.join(DIST, 'embed.js')) ? 'embed' : 'trunk';
  if (loader === 'trunk') log('dist/embed.js is missing: loading the widget through trunk\'s medal-summary.js instead');

  if (want('compare') && o.only && !o.compare) throw new Error('--only compare needs --compare DIR');
  // Both builds load through their own embed.js (it finds the glue and the
  // wasm next to itself); trunk's loader would take dist/'s files for both.
  if (o.compare) {
    for (const dir of [DIST, o.compare]) {
      for (const f of ['embed.js', 'medal-summary.js', 'medal-summary_bg.wasm']) {
        if (!existsSync(path.join(dir, f))) throw new Error(`--compare: no ${f} in ${dir}`);
      }
    }
  }
  const server = await startServer({ dist: DIST, tljs: TLJS, compare: o.compare });
  const pages = {
    'ours-baku.html': oursPage(bakuDoc(), 'timeline', { loader }),
    'tljs-baku.html': timelinePage(bakuEvents()),
    'floor-baku.html': floorPage(bakuEvents()),
    'ours-table206.html': oursPage(tableDoc(206, 'zero'), 'table', { loader }),
    'ours-real.html': oursPage(realDoc(), 'card', { loader }),
    'ours-table1000.html': oursPage(tableDoc(1000, 'random'), 'table', { loader }),
    'ours-table10000.html': oursPage(tableDoc(10000, 'random'), 'table', { loader }),
    'ours-events100.html': oursPage(eventsDoc(100), 'timeline', { loader }),
    'ours-events1000.html': oursPage(eventsDoc(1000), 'timeline', { loader }),
    'tljs-events100.html': timelinePage(generatedEvents(100)),
    'tljs-events1000.html': timelinePage(generatedEvents(1000)),
  };
  if (o.compare) pages['ours-baku-compare.html'] = oursPage(bakuDoc(), 'timeline', { loader, base: '/__compare' });
  for (const [name, html] of Object.entries(pages)) server.setPage(name, html);
  // Prerendered once, by the same script a newsroom runs, at the viewport's width.
  // The demo article for Lighthouse, prerendered at a phone's width (the
  // mobile run is the one the score is about; desktop relays out on boot).
  // Served next to a copy of its stylesheet so its relative URLs resolve.
  const prerenderedArticle = async (browser) => {
    const source = path.join(DIST, 'demo/article.html');
    if (!existsSync(source)) return;
    server.setPage('demo.css', await readFile(path.join(DIST, 'demo/demo.css')), 'text/css; charset=utf-8');
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1, colorScheme: 'light', locale: 'en-US' });
    try {
      const r = await prerenderHtml(context, `${server.url}/__bench/article-prerendered.html`, await readFile(source, 'utf8'), { width: 412, height: 823 });
      if (r.widgets.some((w) => w !== 'ready')) throw new Error(`prerendering the article: ${r.widgets.join()}`);
      server.setPage('article-prerendered.html', r.html);
      server.prerenderedArticle = '/__bench/article-prerendered.html';
      const html = await readFile(source, 'utf8');
      const bare = html.replace(/<script\b[^>]*\bsrc="[^"]*embed\.js"[^>]*><\/script>\s*/g, '');
      if (bare === html) throw new Error('the article has no embed.js script to leave out');
      server.setPage('article-bare.html', bare);
      server.bareArticle = '/__bench/article-bare.html';
    } finally {
      await context.close();
    }
  };
  const prerendered = async (browser) => {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', locale: 'en-US' });
    try {
      const r = await prerenderHtml(context, `${server.url}/__bench/ours-baku-prerendered.html`, pages['ours-baku.html'], { width: VIEWPORT.width, height: VIEWPORT.height });
      if (r.widgets.join() !== 'ready') throw new Error(`prerendering the Baku page: ${r.widgets.join()}`);
      server.setPage('ours-baku-prerendered.html', r.html);
    } finally {
      await context.close();
    }
  };
  log(`serving ${server.url} (dist/ at /, TimelineJS3 at /__tljs/, benchmark pages at /__bench/); loader: ${loader}`);

  const t0 = Date.now();
  const res = { date: new Date().toISOString(), options: { ...o, only: o.only ? [...o.only] : null, out: undefined }, loader };
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS });
    res.machine = machine(browser.version());
    if (want('paint')) await prerendered(browser);
    if (want('lighthouse')) await prerenderedArticle(browser);
    res.dist = await distSizes();
    const version = async (pkg) => JSON.parse(await readFile(path.join(BENCH, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    res.versions = { timelinejs: await version('@knight-lab/timelinejs'), lighthouse: await version('lighthouse'), playwright: await version('playwright-core') };
    res.selectors = Object.fromEntries(Object.entries(SEL).map(([k, v]) => [k, typeof v === 'function' ? v('X') : v]));
    // A section that fails is recorded as {error} and the others still run.
    const run = async (name, f) => {
      if (!want(name)) return;
      const t = Date.now();
      try { res[name] = await f(); } catch (e) { res[name] = { error: e.message }; res.failed = [...(res.failed ?? []), name]; log(`${name} FAILED: ${e.message}`); }
      (res.sectionSeconds ??= {})[name] = Math.round((Date.now() - t) / 1000);
    };
    await run('paint', () => sectionPaint(browser, server, o));
    await run('interaction', () => sectionInteraction(browser, server, o));
    await run('reader', () => sectionReader(browser, server, o));
    await run('scale', () => sectionScale(browser, server, o));
    if (o.compare) await run('compare', () => sectionCompare(browser, server, o));
    await browser.close();
    browser = null;
    await run('lighthouse', () => sectionLighthouse(server, o));
  } finally {
    await browser?.close();
    await server.close();
  }
  res.seconds = Math.round((Date.now() - t0) / 1000);
  await mkdir(path.dirname(o.out), { recursive: true });
  await writeFile(o.out, `${JSON.stringify(res, null, 2)}\n`);
  console.log(summary(res));
  console.log(`\nharness ran in ${res.seconds}s (${Object.entries(res.sectionSeconds ?? {}).map(([k, v]) => `${k} ${v}s`).join(', ')}); results in ${path.relative(process.cwd(), o.out) || o.out}`);
  if (res.failed) process.exitCode = 1;
}

export { SEL, CHROME_ARGS, CHROMIUM, measureLoad, freshPage, interactionProbe, installTrusted, clickPoint, summary };

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
}

