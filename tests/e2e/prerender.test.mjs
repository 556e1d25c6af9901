// End-to-end: scripts/prerender.mjs on the demo article (two widgets: inline
// data on the card, a fetched file on the timeline), then that page
// read with scripts off (the snapshot alone tells the story) and on (the
// live widget takes over in place: the same text, no layout shift, working
// controls, no accessibility violations, nothing of the snapshot left).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { useSite, axe, screenshot, DIST } from './browser.mjs';
import { prerenderHtml, parseCss, styleRules, printCss } from '../../scripts/prerender.mjs';

const site = useSite();
const PAGE = '/demo/article.html';
const SERVED = '/demo/article-prerendered.html';
const WIDGETS = ['inline-widget', 'src-widget'];

let made;
/** The demo article, prerendered once for the whole file. */
function prerendered() {
  made ??= (async () => {
    const html = await readFile(path.join(DIST, PAGE), 'utf8');
    // At the width the pages below are read at, so the layouts can be compared.
    return { source: html, ...(await prerenderHtml(site.browser.context, `${site.server.url}${PAGE}`, html, { width: 1024 })) };
  })();
  return made;
}

/** Opens the prerendered page (answered by the test, next to the demo page). */
async function openPrerendered({ scripts = true, failData = false } = {}) {
  const { html } = await prerendered();
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1024, height: 900 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.route(`${site.server.url}${SERVED}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  if (failData) await page.route('**/data/aze-paris2024.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  if (!scripts) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  }
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push(e.value); })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${site.server.url}${SERVED}`);
  return { page, errors };
}

/** What each widget's shadow root holds, as text and structure, by host id. */
const inspect = (page) => page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  const roots = root ? [...root.querySelectorAll('.ms-root')] : [];
  const shown = roots.find((r) => getComputedStyle(r).visibility === 'visible');
  const box = host.getBoundingClientRect();
  return [id, {
    hasShadow: !!root,
    roots: roots.map((r) => r.className),
    snapshotNodes: root ? root.querySelectorAll('[data-ms-prerendered]').length : 0,
    text: shown ? shown.innerText.replace(/\s+/g, ' ').trim() : '',
    box: { x: box.x, y: box.y, width: box.width, height: box.height },
    font: shown ? getComputedStyle(shown).fontFamily : '',
    // Where the things a reader looks at are drawn: tabs, counts, markers.
    rects: shown ? [...shown.querySelectorAll('[role="tab"], .ms-count, .ms-tl-marker, .ms-country')].map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.className || e.getAttribute('role')} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }) : [],
    enabledControls: shown ? [...shown.querySelectorAll('button, input, select, textarea')].filter((c) => !c.disabled).length : 0,
  }];
})), WIDGETS);

test('prerendering writes one snapshot per widget, and running it again changes nothing', async () => {
  const r = await prerendered();
  assert.deepEqual(r.widgets, ['ready', 'ready']);
  const snapshots = /<template shadowrootmode="open"><style data-ms-prerendered>[\s\S]*?<\/style><div class="ms-root" data-ms-prerendered="">[\s\S]*?<\/template>/g;
  assert.equal(r.html.match(snapshots)?.length, 2);
  // Each snapshot sits right after its widget's opening tag, and the page
  // around them is left byte for byte as it was.
  for (const id of WIDGETS) assert.match(r.html, new RegExp(`<medal-summary id="${id}"[^>]*><template shadowrootmode="open">`));
  assert.equal(r.html.replace(snapshots, ''), r.source);
  const again = await prerenderHtml(site.browser.context, `${site.server.url}${SERVED}`, r.html, { width: 1024 });
  const at = [...again.html].findIndex((c, i) => c !== r.html[i]);
  assert.ok(again.html === r.html, `the second run differs from character ${at}: …${again.html.slice(Math.max(0, at - 80), at + 80)}…`);
});

test('without scripts the prerendered page still shows the widget, styled, in its reserved box', async () => {
  const { page, errors } = await openPrerendered({ scripts: false });
  try {
    const s = await inspect(page);
    for (const id of WIDGETS) {
      assert.ok(s[id].hasShadow, `${id}: the parser attached the declarative shadow root`);
      assert.deepEqual(s[id].roots, ['ms-root'], id);
      assert.ok(s[id].snapshotNodes >= 2, `${id}: the snapshot and its style`);
      assert.equal(s[id].box.height, 680, `${id}: the reserved box`);
      assert.match(s[id].font, /system-ui/, `${id}: the inlined styles apply inside the shadow root`);
      assert.equal(s[id].enabledControls, 0, `${id}: no control without code to answer it`);
    }
    assert.match(s['inline-widget'].text, /Azerbaijan.*30th of 91, shared with Croatia/);
    assert.match(s['src-widget'].text, /2015 European Games.*2017 Islamic Solidarity Games.*2019 European Youth Olympic/);
    assert.equal(await page.evaluate(() => customElements.get('medal-summary')), undefined, 'no script ran');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('with scripts the live widget replaces the snapshot in place: same text, no shift, working, accessible', async () => {
  const off = await openPrerendered({ scripts: false });
  const before = await inspect(off.page);
  await off.page.close();

  const { page, errors } = await openPrerendered();
  try {
    await page.waitForSelector('medal-summary[data-ms-state="ready"]');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForFunction(() => [...document.querySelectorAll('medal-summary')].every((h) => h.dataset.msState === 'ready'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const after = await inspect(page);
    for (const id of WIDGETS) {
      assert.deepEqual(after[id].roots, ['ms-root'], `${id}: one live root, not pending`);
      assert.equal(after[id].snapshotNodes, 0, `${id}: nothing of the snapshot is left`);
      assert.equal(after[id].text, before[id].text, `${id}: the snapshot showed what the live widget shows`);
      assert.deepEqual(after[id].box, before[id].box, id);
      assert.ok(after[id].rects.length >= 5, `${id}: tabs and more to compare`);
      assert.deepEqual(after[id].rects, before[id].rects, `${id}: everything is drawn where the snapshot drew it`);
      assert.ok(after[id].enabledControls > 0, `${id}: the live controls are enabled`);
    }
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift');
    // The live controls work: the table tab shows the medal table.
    await page.locator('#inline-widget [role="tab"][data-view="table"]').click();
    await page.locator('#inline-widget table.ms-table tbody tr[data-code="AZE"]').waitFor();
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a tag in a comment or a script string is not a widget; a ">" in an attribute value is not the tag\'s end', async () => {
  const source = await readFile(path.join(DIST, 'demo/plain.html'), 'utf8');
  const plain = source.replace('<medal-summary id="widget"', '<medal-summary title="Medals > 2024" id="widget"');
  assert.notEqual(plain, source);
  const extra = `<!-- <medal-summary view="card"></medal-summary> -->
  <script>window.__tag = '<medal-summary view="table">';</script>
</body>`;
  const html = plain.replace('</body>', extra);
  assert.notEqual(html, plain);
  const r = await prerenderHtml(site.browser.context, `${site.server.url}/demo/plain-extra.html`, html);
  assert.deepEqual(r.widgets, ['ready'], 'only the real widget');
  assert.equal(r.html.match(/<template shadowrootmode=/g)?.length, 1);
  assert.match(r.html, /<medal-summary title="Medals > 2024" id="widget" src="..\/data\/aze-paris2024.json"><template shadowrootmode="open">/);
  assert.ok(r.html.includes(extra), 'the comment and the script are unchanged');
});

test('a failed load keeps the snapshot on screen, with the failure and Retry over its foot', async () => {
  const { page, errors } = await openPrerendered({ failData: true });
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('medal-summary')].map((h) => h.dataset.msState).join() === 'ready,error');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const s = await page.evaluate(() => {
      const root = document.getElementById('src-widget').shadowRoot;
      const snap = root.querySelector('.ms-root[data-ms-prerendered]');
      const live = root.querySelector('.ms-root:not([data-ms-prerendered])');
      const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
      return {
        snapshot: snap ? snap.innerText.replace(/\s+/g, ' ') : '',
        live: live.className,
        visible: getComputedStyle(live).visibility,
        error: live.querySelector('.ms-embed-error')?.innerText.replace(/\s+/g, ' ') ?? '',
        enabled: [...snap.querySelectorAll('button, input')].filter((b) => !b.disabled).length,
        host: box(document.getElementById('src-widget')),
        panel: box(live),
      };
    });
    assert.match(s.snapshot, /2015 European Games/, 'the snapshot stays');
    assert.equal(s.live, 'ms-root ms-over-snapshot');
    assert.equal(s.visible, 'visible');
    assert.match(s.error, /503/);
    assert.match(s.error, /Showing the figures published with this page\./);
    assert.match(s.error, /Retry/);
    assert.equal(s.enabled, 0, 'the snapshot\'s dead controls are disabled');
    assert.equal(s.panel.bottom, s.host.bottom, 'the panel sits at the foot of the box');
    assert.ok(s.panel.top > s.host.top, 'and leaves the top of the snapshot in view');
    // All of the snapshot can scroll out from under the panel.
    const foot = await page.evaluate(() => {
      const root = document.getElementById('src-widget').shadowRoot;
      const snap = root.querySelector('.ms-root[data-ms-prerendered]');
      snap.scrollTop = snap.scrollHeight;
      // Seen boxes only: a closed <details>' list keeps boxes nobody sees.
      const last = [...snap.querySelectorAll('*')].filter((e) => e.getClientRects().length && e.checkVisibility()).at(-1);
      return { last: last.getBoundingClientRect().bottom, panel: root.querySelector('.ms-over-snapshot').getBoundingClientRect().top };
    });
    assert.ok(foot.last <= foot.panel, `the snapshot's last line (${foot.last}) scrolls above the panel (${foot.panel})`);
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift');
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'prerendered-failed-load');
    // Retry once the data is back: the live view replaces the snapshot.
    await page.unroute('**/data/aze-paris2024.json');
    await page.locator('#src-widget .ms-embed-retry').click();
    await page.waitForSelector('#src-widget[data-ms-state="ready"]');
    assert.equal(await page.evaluate(() => document.getElementById('src-widget').shadowRoot.querySelectorAll('[data-ms-prerendered]').length), 0);
    assert.deepEqual(errors.filter((e) => !/503/.test(e)), []);
  } finally {
    await page.close();
  }
});

test('a snapshot keeps the style rules its elements can match, and every rule that has no selector to test', () => {
  const css = ':host{all:initial}.a{color:red}.b:hover{color:blue}.c::before{content:"{x}"}'
    + '@media print{.a{color:black}.d{color:green}}@container ms (min-width: 30em){.d{float:left}}'
    + '@keyframes pulse{50%{opacity:.5}}:is(.a, .e):focus-visible{outline:1px solid}';
  const sheet = parseCss(css);
  const tests = styleRules(sheet).map((r) => r.tests);
  assert.deepEqual(tests, [['.a'], ['.b'], ['.c'], ['.a'], ['.d'], ['.d'], [':is(.a, .e)']]);
  // Nothing dropped when every test matches: the same text back.
  assert.equal(printCss(sheet, new Set(tests.flat())), css);
  // Only `.a` and `:is(.a, .e)` match: :host, @keyframes and the matching
  // rules stay, empty @media/@container blocks go.
  assert.equal(printCss(sheet, new Set(['.a', ':is(.a, .e)'])),
    ':host{all:initial}.a{color:red}@media print{.a{color:black}}@keyframes pulse{50%{opacity:.5}}:is(.a, .e):focus-visible{outline:1px solid}');
});
