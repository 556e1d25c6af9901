// End-to-end: the embed as a news page uses it. The release build (dist/)
// served by ./server.mjs, opened in Debian's Chromium: every fetch failure
// shows its message and fires the error event while a neighbour keeps
// working; live refresh with conditional requests, stale data and the
// aria-live announcement; no layout shift; immunity to page CSS; a strict
// CSP; double inclusion; the iframe page; clean removal.
import { test } from 'node:test';
import http from 'node:http';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { useSite, open, DIST } from './browser.mjs';

const site = useSite();

const settled = (sel = 'medal-summary') =>
  `${sel}[data-ms-state="ready"], ${sel}[data-ms-state="error"]`;

/** Text inside a widget's shadow root (playwright locators pierce it). */
async function shadowText(page, id, sel = '.ms-root') {
  return (await page.locator(`#${id} ${sel}`).first().innerText()).replace(/\s+/g, ' ');
}

/** From the next navigation on, `window.__cls` sums the page's layout shifts not caused by input. */
const sumLayoutShifts = (page) => page.addInitScript(() => {
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
});

function pageUrl(srcs, extra = '') {
  return `${site.server.url}/scenario/page?${srcs.map((s) => `src=${encodeURIComponent(s)}`).join('&')}${extra}`;
}

test('data = null then refreshNow() in the same task goes back to src and settles ready', async () => {
  site.server.state.live = null;
  // Its own URL: the browser's cache entry for it must not reach the live-refresh test.
  const { page, errors } = await open(site.browser.context, pageUrl(['/scenario/live.json?for=data-null']));
  await page.waitForSelector('#w0[data-ms-state="ready"]', { timeout: 10_000 });
  const counts = () => page.locator('#w0 .ms-tally .ms-count').allInnerTexts().then((a) => a.map((c) => c.trim()));
  const doc = JSON.parse(await readFile(path.join(DIST, 'data/aze-paris2024.json'), 'utf8'));
  const row = doc.table.find((r) => r.code === 'AZE');
  doc.medals.push({ medal: 'bronze', athletes: ['Test Athlete'], sport: 'Judo', event: 'Test event', date: '2024-08-11' });
  row.bronze += 1; row.total += 1;
  for (const r of doc.table) delete r.rank;
  for (let round = 0; round < 3; round++) {
    // The property's data is shown...
    assert.equal(await page.evaluate((d) => { const el = document.getElementById('w0'); el.data = d; return el.refreshNow(); }, doc), 'ready');
    assert.deepEqual(await counts(), ['2', '2', '4', '8']);
    // ...then dropped, and the same task asks for a refresh: the file's data comes back.
    assert.equal(await page.evaluate(() => { const el = document.getElementById('w0'); el.data = null; return el.refreshNow(); }), 'ready', `round ${round}`);
    assert.deepEqual(await counts(), ['2', '2', '3', '7']);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

// Data set through the property replaces a `src`'s; going back to the `src`
// (`data = null`) whose first request fails must not let a retry send the
// `src`'s old validators: its server's 304 would "confirm" the property's
// data as the file's.
test('a failed return to src, then a retry: the file\'s data comes back, not a 304 for the other data', async () => {
  site.server.state.live = null;
  const { page, errors } = await open(site.browser.context, pageUrl(['/scenario/live.json?for=replace-retry']));
  await page.waitForSelector('#w0[data-ms-state="ready"]', { timeout: 10_000 });
  const name = () => page.locator('#w0 .ms-country').innerText();
  assert.equal(await name(), 'Azerbaijan');
  const doc = JSON.parse(await readFile(path.join(DIST, 'data/aze-paris2024.json'), 'utf8'));
  doc.country.name = 'Property data';
  assert.equal(await page.evaluate((d) => { const el = document.getElementById('w0'); el.data = d; return el.refreshNow(); }, doc), 'ready');
  assert.equal(await name(), 'Property data');
  // The way back to the file fails once (the network drops it)...
  let drop = true;
  await page.route('**/scenario/live.json?for=replace-retry', (route) => (drop ? (drop = false, route.abort()) : route.continue()));
  const failed = page.evaluate(() => new Promise((resolve) => document.getElementById('w0').addEventListener('medal-summary-error', (e) => resolve(e.detail.stale), { once: true })));
  await page.evaluate(() => { document.getElementById('w0').data = null; });
  assert.equal(await failed, true, 'the failure is beside the data shown');
  assert.equal(await name(), 'Property data');
  // ...and the retry brings the file's own data.
  site.server.state.headers['/scenario/live.json'] = null;
  assert.equal(await page.evaluate(() => document.getElementById('w0').refreshNow()), 'ready');
  assert.equal(site.server.state.headers['/scenario/live.json']['if-none-match'], undefined, 'no validators of the old response');
  assert.equal(await name(), 'Azerbaijan');
  assert.equal(await page.locator('#w0 .ms-embed-stale').count(), 0);
  // The dropped request's own console line is expected.
  assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_FAILED')), []);
  await page.close();
});

// The widget handles an attribute's change after the script that made it,
// when the host may hold later changes too; each must be acted on (a
// `refresh` set just before a new `src` used to swallow the new source).
test('refresh and src set one after the other: the new source is loaded', async () => {
  const { page, errors } = await open(site.browser.context, pageUrl(['/data/minimal.json']));
  await page.waitForSelector('#w0[data-ms-state="ready"]', { timeout: 10_000 });
  assert.equal(await page.locator('#w0 .ms-rank-badge').count(), 0, 'the minimal file has no table to rank');
  await page.evaluate(() => {
    const el = document.getElementById('w0');
    el.setAttribute('refresh', '600');
    el.setAttribute('src', '/scenario/ok.json');
  });
  await page.locator('#w0 .ms-rank-badge').waitFor({ timeout: 10_000 });
  assert.equal((await page.locator('#w0 .ms-rank-badge').innerText()).trim(), '=30');
  assert.deepEqual(errors, []);
  await page.close();
});

test('every fetch failure is explained in its widget and fires the error event; the neighbour keeps working', async () => {
  const cases = {
    'not-found.json': { kind: 'http', text: /404 Not Found/ },
    'server-error.json': { kind: 'http', text: /500 Internal Server Error/ },
    'slow.json': { kind: 'timeout', text: /did not answer within 8 seconds/ },
    'not-json.json': { kind: 'not-json', text: /not valid JSON.*HTML page/ },
    'truncated.json': { kind: 'not-json', text: /not valid JSON/ },
    'invalid.json': { kind: 'invalid', text: /table\[12\]\.gold/, partial: true },
  };
  const names = Object.keys(cases);
  const srcs = [...names.map((n) => `/scenario/${n}`), '/scenario/ok.json'];
  const { page, errors } = await open(site.browser.context, pageUrl(srcs));
  const okId = `w${names.length}`;
  // The good one is ready long before the slow one times out.
  await page.waitForSelector(`#${okId}[data-ms-state="ready"]`, { timeout: 5_000 });
  await page.waitForFunction((n) => document.querySelectorAll('medal-summary[data-ms-state="loading"]').length === 0
    && window.__events.filter((e) => e.type === 'medal-summary-error').length >= n, names.length, { timeout: 15_000 });
  const events = await page.evaluate(() => window.__events);
  for (const [i, name] of names.entries()) {
    const want = cases[name];
    const id = `w${i}`;
    const ev = events.find((e) => e.id === id && e.type === 'medal-summary-error');
    assert.ok(ev, `${name}: error event`);
    assert.equal(ev.detail.kind, want.kind, name);
    assert.equal(ev.detail.url, `${site.server.url}/scenario/${name}`, name);
    assert.ok(ev.detail.problems.length > 0 && ev.detail.problems.every((p) => p.path && p.message && p.severity), name);
    const text = await shadowText(page, id);
    assert.match(text, want.text, name);
    if (want.partial) {
      // Partly broken data is shown with the broken part marked.
      assert.equal(await page.getAttribute(`#${id}`, 'data-ms-state'), 'ready', name);
      assert.equal(ev.detail.partial, true);
      assert.match(text, /Azerbaijan/);
    } else {
      assert.equal(await page.getAttribute(`#${id}`, 'data-ms-state'), 'error', name);
      assert.ok(text.includes(`${site.server.url}/scenario/${name}`), `${name}: the URL is named`);
      assert.equal(await page.locator(`#${id} .ms-embed-retry`).count(), 1, `${name}: Retry button`);
    }
  }
  const ok = events.find((e) => e.id === okId);
  assert.equal(ok.type, 'medal-summary-load');
  assert.equal(ok.detail.country, 'AZE');
  assert.deepEqual(
    (await page.locator(`#${okId} .ms-tally .ms-count`).allInnerTexts()).map((c) => c.trim()),
    ['2', '2', '3', '7'],
  );
  // Retry asks again.
  const hits = site.server.state.hits['/scenario/server-error.json'];
  await page.locator('#w1 .ms-embed-retry').click();
  await page.waitForFunction(() => window.__events.filter((e) => e.id === 'w1').length >= 2);
  assert.equal(site.server.state.hits['/scenario/server-error.json'], hits + 1);
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await page.close();
});

test('live refresh: conditional requests, announcement of a new bronze, last good data kept on failure', async () => {
  site.server.state.live = null;
  const { page, errors } = await open(site.browser.context, pageUrl(['/scenario/live.json'], '&refresh=3600'));
  await page.waitForSelector('#w0[data-ms-state="ready"]', { timeout: 10_000 });
  const counts = () => page.locator('#w0 .ms-tally .ms-count').allInnerTexts().then((a) => a.map((c) => c.trim()));
  assert.deepEqual(await counts(), ['2', '2', '3', '7']);

  // Unchanged file: the second request is conditional and answered 304.
  const first = { ...site.server.state.headers['/scenario/live.json'] };
  assert.equal(first['if-none-match'], undefined);
  assert.equal(await page.evaluate(() => document.getElementById('w0').refreshNow()), 'ready');
  const second = site.server.state.headers['/scenario/live.json'];
  assert.match(second['if-none-match'] ?? '', /^"[0-9a-f]{16}"$/);
  assert.equal(second['if-modified-since'], site.server.state.liveModified.toUTCString());
  assert.equal(await page.evaluate(() => window.__events.length), 1, '304: no new load event');

  // A bronze is added to the file.
  const doc = JSON.parse(await readFile(path.join(DIST, 'data/aze-paris2024.json'), 'utf8'));
  doc.medals.push({ medal: 'bronze', athletes: ['Test Athlete'], sport: 'Judo', event: 'Test event', date: '2024-08-11' });
  const row = doc.table.find((r) => r.code === 'AZE');
  row.bronze += 1; row.total += 1;
  for (const r of doc.table) delete r.rank;
  site.server.state.live = JSON.stringify(doc);
  assert.equal(await page.evaluate(() => document.getElementById('w0').refreshNow()), 'ready');
  assert.deepEqual(await counts(), ['2', '2', '4', '8']);
  const live = page.locator('#w0 [aria-live="polite"]');
  assert.equal((await live.innerText()).trim(), 'Azerbaijan: new bronze medal, 4 bronze now');
  const loads = await page.evaluate(() => window.__events.filter((e) => e.type === 'medal-summary-load'));
  assert.equal(loads.length, 2);
  assert.equal(loads[1].detail.refreshed, true);

  // The file breaks: the last good data stays, with a discreet note.
  site.server.state.live = '{"version": 1, "country": ';
  assert.equal(await page.evaluate(() => document.getElementById('w0').refreshNow()), 'ready');
  assert.deepEqual(await counts(), ['2', '2', '4', '8']);
  const note = await shadowText(page, 'w0', '.ms-embed-stale');
  assert.match(note, /^Could not update, last updated \d{1,2}:\d{2}/);
  const err = await page.evaluate(() => window.__events.at(-1));
  assert.equal(err.type, 'medal-summary-error');
  assert.equal(err.detail.stale, true);
  assert.equal(err.detail.kind, 'not-json');
  // The announcement was made once and is not repeated by the failure.
  assert.equal((await live.innerText()).trim(), 'Azerbaijan: new bronze medal, 4 bronze now');

  // Fixed again: the note goes away.
  site.server.state.live = JSON.stringify(doc);
  await page.evaluate(() => document.getElementById('w0').refreshNow());
  assert.equal(await page.locator('#w0 .ms-embed-stale').count(), 0);
  assert.deepEqual(errors, []);
  site.server.state.live = null;
  await page.close();
});

test('the news article shows both widgets with no layout shift and no console error', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1024, height: 900 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  // Hold the wasm back so the reserved boxes are painted before the widgets render.
  await page.route('**/medal-summary_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  await sumLayoutShifts(page);
  await page.goto(`${site.server.url}/demo/article.html`);
  const before = await page.evaluate(() => [...document.querySelectorAll('medal-summary')].map((e) => e.getBoundingClientRect().height));
  await page.waitForFunction(() => [...document.querySelectorAll('medal-summary')].every((e) => e.getAttribute('data-ms-state') === 'ready'), null, { timeout: 15_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const afterH = await page.evaluate(() => [...document.querySelectorAll('medal-summary')].map((e) => e.getBoundingClientRect().height));
  assert.deepEqual(afterH, before, 'the reserved height is the final height');
  const cls = await page.evaluate(() => window.__cls);
  assert.equal(cls, 0, `CLS ${cls}`);
  assert.match(await shadowText(page, 'inline-widget', '.ms-country'), /Azerbaijan/);
  assert.equal(await page.getAttribute('#src-widget [role=tab][aria-selected=true]', 'data-view'), 'timeline');
  assert.deepEqual(errors, []);
  await page.close();
});

test("the article's inline data is the default dataset, unchanged", async () => {
  const html = await readFile(path.join(DIST, 'demo/article.html'), 'utf8');
  const inline = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)[1];
  const file = await readFile(path.join(DIST, 'data/aze-paris2024.json'), 'utf8');
  assert.deepEqual(JSON.parse(inline), JSON.parse(file));
});

test('page CSS cannot change the widget: hostile page lays out like the plain one', async () => {
  const measure = async (url) => {
    const { page, errors } = await open(site.browser.context, url);
    await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 10_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const rects = await page.evaluate(() => {
      const host = document.getElementById('widget');
      const h = host.getBoundingClientRect();
      const out = { host: [h.width, h.height] };
      for (const sel of ['.ms-root', '.ms-tabs', '[role=tab]', '[role=tab]:last-child', '.ms-country', '.ms-tally',
        '.ms-medal:nth-child(3)', '.ms-count', '.ms-chart', '.ms-rank-basis']) {
        const el = host.shadowRoot.querySelector(sel);
        if (!el) { out[sel] = null; continue; }
        const r = el.getBoundingClientRect();
        out[sel] = [r.x - h.x, r.y - h.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
      }
      const count = host.shadowRoot.querySelector('.ms-count');
      const cs = getComputedStyle(count);
      out.font = [cs.fontFamily, cs.fontSize, cs.lineHeight, cs.letterSpacing, cs.textTransform, cs.fontStyle];
      return out;
    });
    await page.close();
    return { rects, errors };
  };
  const plain = await measure(`${site.server.url}/demo/plain.html`);
  const hostile = await measure(`${site.server.url}/demo/hostile.html`);
  assert.ok(plain.rects['.ms-chart'], 'the chart is measured');
  assert.deepEqual(hostile.rects, plain.rects);
  assert.deepEqual([...plain.errors, ...hostile.errors], []);
});

test('strict CSP page renders with no violation', async () => {
  const { page, errors } = await open(site.browser.context, `${site.server.url}/demo/strict-csp.html`);
  await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 10_000 });
  assert.match(await shadowText(page, 'widget', '.ms-country'), /Azerbaijan/);
  // Styles applied: the frame has its reserved height and the tabs are styled.
  assert.equal(await page.evaluate(() => document.getElementById('widget').getBoundingClientRect().height), 680);
  assert.equal(await page.evaluate(() => document.getElementById('widget').shadowRoot.adoptedStyleSheets.length), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('including embed.js twice is harmless', async () => {
  const { page, errors } = await open(site.browser.context, pageUrl(['/scenario/ok.json', '/scenario/ok.json'], '&twice'));
  await page.waitForFunction(() => document.querySelectorAll('medal-summary[data-ms-state="ready"]').length === 2, null, { timeout: 10_000 });
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  assert.equal(wasm, 1, 'the wasm is fetched once');
  assert.equal(await page.evaluate(() => window.__events.length), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('iframe page reports its height and the snippet sizes the frame', async () => {
  const { page, errors } = await open(site.browser.context, `${site.server.url}/demo/iframe.html`);
  const frame = page.frameLocator('iframe.medal-summary-frame');
  await frame.locator('#widget[data-ms-state="ready"]').waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => document.querySelector('iframe.medal-summary-frame').style.height !== '');
  const { style, inner } = await page.evaluate(() => {
    const f = document.querySelector('iframe.medal-summary-frame');
    return { style: f.style.height, inner: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height) };
  });
  assert.equal(style, `${inner}px`);
  assert.match(await frame.locator('#widget .ms-country').innerText(), /Azerbaijan/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('removing a widget aborts its fetch and another keeps working', async () => {
  const { page, errors } = await open(site.browser.context, pageUrl(['/scenario/slow.json', '/scenario/ok.json']));
  await page.waitForSelector('#w1[data-ms-state="ready"]', { timeout: 10_000 });
  const aborted = page.waitForEvent('requestfailed', { predicate: (r) => r.url().endsWith('/scenario/slow.json'), timeout: 3_000 });
  await page.evaluate(() => document.getElementById('w0').remove());
  const failure = (await aborted).failure()?.errorText ?? '';
  assert.match(failure, /ABORTED/);
  // The removed element never reports anything.
  assert.equal(await page.evaluate(() => window.__events.filter((e) => e.id === 'w0').length), 0);
  // Re-attaching the survivor (a move) keeps it rendered.
  await page.evaluate(() => document.body.prepend(document.getElementById('w1')));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  assert.equal(await page.getAttribute('#w1', 'data-ms-state'), 'ready');
  assert.match(await shadowText(page, 'w1', '.ms-country'), /Azerbaijan/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('live refresh runs on its interval and pauses while the page is hidden', async () => {
  site.server.state.live = null;
  const hits = () => site.server.state.hits['/scenario/live.json'] || 0;
  const { page, errors } = await open(site.browser.context, pageUrl(['/scenario/live.json'], '&refresh=10'));
  await page.waitForSelector('#w0[data-ms-state="ready"]', { timeout: 10_000 });
  const waitForHit = async (after, ms) => {
    const end = Date.now() + ms;
    while (hits() <= after && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    return hits() > after;
  };
  // Visible: the 10-second interval fetches again by itself.
  const start = hits();
  assert.ok(await waitForHit(start, 13_000), 'a refresh within 13 s while visible');

  // Hidden: the interval comes due, but nothing is fetched.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const hidden = hits();
  assert.equal(await waitForHit(hidden, 12_000), false, 'no fetch while the page is hidden');

  // Visible again: the refresh that came due runs at once.
  await page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  assert.ok(await waitForHit(hidden, 3_000), 'the due refresh runs when the page is shown');
  assert.deepEqual(errors, []);
  await page.close();
});

/** In the page: whether `sel` is within a screen of the viewport, from an
 * observer made after the loader's and the element's, so their first reports
 * have been handled when it answers (observers are notified in creation order). */
const nearViewport = (page, sel) => page.evaluate((sel) => new Promise((resolve) => {
  const io = new IntersectionObserver((es) => { io.disconnect(); resolve(es[0].isIntersecting); }, { rootMargin: '100% 0px' });
  io.observe(document.querySelector(sel));
}), sel);

test('on a phone the article\'s lazy timeline loads only as the reader nears it, with no layout shift', async () => {
  const requests = [];
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 412, height: 823 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await sumLayoutShifts(page);
  await page.goto(`${site.server.url}/demo/article.html`);
  await page.waitForSelector('#inline-widget[data-ms-state="ready"]');
  assert.equal(await nearViewport(page, '#src-widget'), false, 'four paragraphs down, the timeline is out of reach');
  // The first widget is live; the second has not even asked for its data.
  assert.equal(await page.getAttribute('#src-widget', 'loading'), 'lazy');
  assert.equal(await page.getAttribute('#src-widget', 'data-ms-state'), null);
  assert.equal(await page.evaluate(() => document.querySelector('#src-widget').shadowRoot), null);
  assert.ok(!requests.some((p) => p.endsWith('/data/aze-paris2024.json')), requests.join(' '));
  // Its reserved box shows the skeleton meanwhile.
  assert.equal(await page.evaluate(() => document.querySelector('#src-widget').getBoundingClientRect().height), 680);
  assert.match(await page.evaluate(() => getComputedStyle(document.querySelector('#src-widget')).backgroundImage), /linear-gradient/);
  // To a screen reader it is a busy region named in its language (a
  // reader's cursor can land on it, which brings it into view), not an
  // empty box; the host's own attributes are untouched.
  // The host's own node in Chromium's accessibility tree.
  const host = async () => {
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#src-widget' });
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { backendNodeId: node.backendNodeId, fetchRelatives: false });
    await cdp.detach();
    const n = nodes[0];
    const busy = n.properties?.some((p) => p.name === 'busy' && p.value.value);
    return n.ignored ? 'ignored' : `${n.role?.value}: ${n.name?.value ?? ''}${busy ? ' (busy)' : ''}`;
  };
  assert.equal(await host(), 'region: Loading medal data… (busy)');
  assert.deepEqual(await page.evaluate(() => ['role', 'aria-label', 'aria-busy'].map((a) => document.querySelector('#src-widget').getAttribute(a))), [null, null, null]);
  await page.evaluate(() => document.querySelector('#src-widget').setAttribute('lang', 'fr'));
  assert.equal(await host(), 'region: Chargement des données des médailles… (busy)');
  await page.evaluate(() => document.querySelector('#src-widget').removeAttribute('lang'));
  assert.equal(await host(), 'region: Loading medal data… (busy)');

  // Scrolling towards it starts it; it is ready by the time it is reached.
  await page.evaluate(() => document.querySelector('#src-widget').scrollIntoView({ block: 'center' }));
  await page.waitForSelector('#src-widget[data-ms-state="ready"]');
  assert.ok(requests.some((p) => p.endsWith('/data/aze-paris2024.json')));
  assert.equal(await page.getAttribute('#src-widget [role=tab][aria-selected=true]', 'data-view'), 'timeline');
  assert.doesNotMatch(await host(), /region|Loading/, 'the waiting name goes once it is live');
  const hosted = JSON.parse(await readFile(path.join(DIST, 'data/aze-paris2024.json'), 'utf8')).hosted.length;
  assert.equal(await page.locator('#src-widget .ms-tl-marker').count(), hosted);
  assert.equal(await page.evaluate(() => document.querySelector('#src-widget').getBoundingClientRect().height), 680);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.__cls), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page whose widgets are all lazy downloads no widget code until the reader scrolls to one', async () => {
  const doc = await readFile(path.join(DIST, 'data/minimal.json'), 'utf8');
  const url = `${site.server.url}/lazy-only.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lazy</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/embed.css"><script type="module" src="/embed.js"></script></head>
<body><p>Top of the story.</p><div style="height:3000px"></div>
<medal-summary id="far" loading="lazy"><script type="application/json">${doc.replace(/</g, '\\u003c')}</script></medal-summary>
</body></html>`;
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  assert.equal(await nearViewport(page, '#far'), false);
  assert.deepEqual(requests.filter((p) => /medal-summary(_bg\.wasm|\.js)$/.test(p)), [], 'no widget code fetched');
  assert.equal(await page.evaluate(() => customElements.get('medal-summary')), undefined);

  await page.evaluate(() => document.querySelector('#far').scrollIntoView());
  await page.waitForSelector('#far[data-ms-state="ready"]');
  assert.deepEqual(requests.filter((p) => /medal-summary(_bg\.wasm|\.js)$/.test(p)).sort(), ['/medal-summary.js', '/medal-summary_bg.wasm']);
  assert.match(await page.locator('#far .ms-country').innerText(), /Azerbaijan/);
  await page.close();
});

test('the loader and the element wait by the same margin', async () => {
  // The sources: the release build minifies both (scripts/shrink-release.mjs).
  const loader = await readFile(new URL('../../www/embed.js', import.meta.url), 'utf8');
  const element = await readFile(new URL('../../src/embed/element.rs', import.meta.url), 'utf8');
  const a = /rootMargin: '([^']+)'/.exec(loader)?.[1];
  const b = /const NEAR = '([^']+)'/.exec(element)?.[1];
  assert.ok(a && b, 'both found');
  assert.equal(a, b);
});

test('"Copy embed code" gives code that works alone: pasted into an empty page, it shows the same view with no layout shift', async () => {
  const { page, errors } = await open(site.browser.context, `${site.server.url}/`);
  await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText(t) { window.__copied = t; return Promise.resolve(); } } });
    document.getElementById('widget').setAttribute('view', 'history');
  });
  await page.locator('#widget .ms-actions [data-action=embed]').click();
  const code = await page.waitForFunction(() => window.__copied).then((h) => h.jsonValue());
  const base = site.server.url;
  const lines = code.split('\n');
  assert.equal(lines.length, 3, code);
  assert.equal(lines[0], `<link rel="stylesheet" href="${base}/embed.css">`);
  assert.equal(lines[1], `<script type="module" src="${base}/embed.js"></script>`);
  assert.equal(lines[2], `<medal-summary src="${base}/data/aze-paris2024.json" lang="en" view="history" ranking="gold"></medal-summary>`);
  assert.deepEqual(errors, []);
  await page.close();

  // A page on another origin (another port) with nothing but the copied code.
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>pasted</title></head><body><p>Before.</p>\n${code}\n<p id="after">After.</p></body></html>`;
  const other = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
  await new Promise((r) => other.listen(0, '127.0.0.1', r));
  other.unref(); // a failed assertion must not keep the run alive
  const elsewhere = `http://127.0.0.1:${other.address().port}`;
  assert.notEqual(elsewhere, base);
  const pasted = await site.browser.context.newPage();
  const perrors = [];
  pasted.on('console', (m) => { if (m.type() === 'error') perrors.push(m.text()); });
  pasted.on('pageerror', (e) => perrors.push(e.message));
  await pasted.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await pasted.goto(`${elsewhere}/pasted.html`);
  await pasted.waitForSelector('medal-summary[data-ms-state="ready"]', { timeout: 30_000 });
  await pasted.locator('medal-summary [role=tabpanel][data-view="history"]:not([hidden])').waitFor({ state: 'visible' });
  assert.equal(await pasted.evaluate(() => window.__cls), 0, 'no layout shift');
  assert.deepEqual(perrors, []);
  await pasted.close();
  other.closeAllConnections();
  await new Promise((r) => other.close(r));
});

test('theme="dark" is dark from the reserved box on, with dark form controls, whatever the reader\'s scheme', async () => {
  const url = `${site.server.url}/theme-probe.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>theme</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/embed.css"></head>
<body><medal-summary id="dark" theme="dark" view="table" src="/data/aze-paris2024.json"></medal-summary>
<medal-summary id="light" theme="light" view="table" src="/data/aze-paris2024.json"></medal-summary></body></html>`;
  for (const scheme of ['light', 'dark']) {
    const page = await site.browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    // Before any widget code: the reserved box (embed.css alone).
    const box = (id) => page.evaluate((id) => getComputedStyle(document.getElementById(id)).backgroundColor, id);
    assert.equal(await box('dark'), 'rgb(20, 23, 28)', `reader ${scheme}: the dark placeholder`);
    assert.equal(await box('light'), 'rgb(255, 255, 255)', `reader ${scheme}: the light placeholder`);
    // Then the widget: its controls and scrollbars follow the theme.
    await page.addScriptTag({ type: 'module', url: '/embed.js' });
    await page.waitForSelector('#dark[data-ms-state="ready"]');
    await page.waitForSelector('#light[data-ms-state="ready"]');
    const schemes = (id) => page.locator(`#${id}`).evaluate((host) => [
      getComputedStyle(host.shadowRoot.querySelector('.ms-root:not([data-ms-prerendered])')).colorScheme,
      getComputedStyle(host.shadowRoot.querySelector('.ms-ranking input[type=radio]')).colorScheme,
    ]);
    assert.deepEqual(await schemes('dark'), ['dark', 'dark'], `reader ${scheme}`);
    assert.deepEqual(await schemes('light'), ['light', 'light'], `reader ${scheme}`);
    await page.close();
  }
});
