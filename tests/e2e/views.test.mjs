// End-to-end over every view of the built widget: axe-core finds no
// violation in any view, language and colour scheme, and screenshots of each
// view at 360 px and 1024 px (and of the card in each language) are saved
// under tests/e2e/artifacts/ for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, axe, screenshot, launch } from './browser.mjs';

const VIEWS = ['card', 'medalists', 'table', 'history', 'timeline'];
const LANGS = { en: 'Azerbaijan', fr: 'Azerbaïdjan', az: 'Azərbaycan', ru: 'Азербайджан' };
const site = useSite();

/** Opens the front page and switches its widget to `view` / `lang` through attributes. */
async function show({ view = 'card', lang = 'en', width = 1024, colorScheme = 'light', context = site.browser.context } = {}) {
  const { page, errors } = await open(context, `${site.server.url}/`, { viewport: { width, height: 900 }, colorScheme });
  await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
  await page.evaluate(([v, l]) => {
    const el = document.getElementById('widget');
    el.setAttribute('lang', l);
    el.setAttribute('view', v);
  }, [view, lang]);
  // The selected tab and its visible panel are the widget's own proof the view is shown.
  await page.locator(`#widget [role=tab][aria-selected=true]`).waitFor();
  const panel = page.locator(`#widget [role=tabpanel][data-view="${view}"]:not([hidden])`);
  await panel.waitFor({ state: 'visible' });
  return { page, errors, panel };
}

/**
 * Holds the page's `ms` timers (the widget's rest timers, app.rs) instead of
 * letting the clock run them; the returned function runs the ones still
 * held and says how many. A timer the page clears is dropped from the hold,
 * as the widget clears one that a newer sign replaces.
 */
async function holdTimers(page, ms) {
  await page.evaluate((ms) => {
    const held = new Map();
    let next = 1e9;
    const { setTimeout, clearTimeout } = window;
    window.setTimeout = function (f, delay, ...args) {
      if (delay !== ms || typeof f !== 'function') return setTimeout.call(this, f, delay, ...args);
      held.set(next, f);
      return next++;
    };
    window.clearTimeout = function (id) {
      if (!held.delete(id)) clearTimeout.call(this, id);
    };
    window.__runHeld = () => {
      const due = [...held.values()];
      held.clear();
      for (const f of due) f();
      return due.length;
    };
  }, ms);
  return () => page.evaluate(() => window.__runHeld());
}

for (const colorScheme of ['light', 'dark']) {
  for (const view of VIEWS) {
    test(`${view} view: axe-core clean (${colorScheme})`, async () => {
      const { page, errors, panel } = await show({ view, colorScheme });
      assert.ok((await panel.innerText()).trim().length > 0, 'panel has content');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

for (const width of [360, 1024]) {
  test(`screenshots of every view at ${width} px, no page-level horizontal scroll`, async () => {
    for (const view of VIEWS) {
      const { page, errors } = await show({ view, width });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${view} at ${width}px scrolls the page sideways by ${overflow}px`);
      await screenshot(page, `view-${view}-${width}`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
}

for (const [lang, name] of Object.entries(LANGS)) {
  for (const colorScheme of ['light', 'dark']) {
    test(`card in ${lang}: country name translated, axe-core clean (${colorScheme})`, async () => {
      const { page, errors, panel } = await show({ view: 'card', lang, colorScheme });
      assert.match(await panel.innerText(), new RegExp(name));
      // The chart's row labels stay inside the chart (a long or bold one is cut).
      const spill = await page.locator('#widget').evaluate((host) => {
        const svg = host.shadowRoot.querySelector('.ms-breakdown svg');
        const left = svg.getBoundingClientRect().left;
        return [...svg.querySelectorAll('.ms-bar-label')]
          .filter((t) => t.getBoundingClientRect().left < left - 0.5)
          .map((t) => `${t.textContent} starts ${(left - t.getBoundingClientRect().left).toFixed(1)}px left of the chart`);
      });
      assert.deepEqual(spill, []);
      assert.deepEqual(await axe(page), []);
      if (colorScheme === 'light') await screenshot(page, `card-${lang}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

test('timeline under a strict CSP (no inline styles): markers are positioned apart', async () => {
  const { page, errors } = await open(site.browser.context, `${site.server.url}/demo/strict-csp.html`);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
  await page.evaluate(() => document.getElementById('widget').setAttribute('view', 'timeline'));
  const markers = page.locator('#widget .ms-tl-marker');
  await markers.first().waitFor({ state: 'visible' });
  const xs = await markers.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  assert.ok(xs.length >= 3, `markers: ${xs.length}`);
  assert.equal(new Set(xs).size, xs.length, `markers overlap at x = ${xs.join(', ')}`);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await page.close();
});

// The layout follows the widget's own width, in its own unit: container
// queries in em, which there is the root's font size, --ms-rem (a var()
// inside a query's condition is invalid, and such a query never matches).
test('breakpoints follow the widget width and --ms-rem: phone table, wide card and medallists', async () => {
  const probe = (host) => {
    const r = host.shadowRoot;
    const shown = (sel) => { const el = r.querySelector(sel); return !!el && getComputedStyle(el).display !== 'none'; };
    const cols = (sel) => { const el = r.querySelector(sel); return el ? getComputedStyle(el).gridTemplateColumns.split(' ').length : 0; };
    const top = (sel) => r.querySelector(sel)?.getBoundingClientRect().top;
    return {
      code: shown('.ms-table-view tbody td:nth-child(3)'),
      tally: cols('.ms-tally'),
      card: r.querySelector('.ms-card') ? getComputedStyle(r.querySelector('.ms-card')).display : null,
      dateBesideNames: top('.ms-medalist .ms-date') !== undefined && Math.abs(top('.ms-medalist .ms-date') - top('.ms-medalist .ms-athletes')) < 8,
    };
  };
  const at = async (width, rem) => {
    const { page, errors } = await show({ view: 'table', width });
    // The front page's column is 46rem; let the widget take the window's width.
    await page.evaluate(() => { document.querySelector('main').style.maxWidth = 'none'; });
    if (rem) await page.evaluate((v) => document.getElementById('widget').style.setProperty('--ms-rem', v), rem);
    const seen = {};
    for (const view of ['table', 'card', 'medalists']) {
      await page.evaluate((v) => document.getElementById('widget').setAttribute('view', v), view);
      await page.locator(`#widget [role=tabpanel][data-view="${view}"]:not([hidden])`).waitFor({ state: 'visible' });
      seen[view] = await page.locator('#widget').evaluate(probe);
    }
    assert.deepEqual(errors, []);
    await page.close();
    return { code: seen.table.code, tally: seen.card.tally, card: seen.card.card, dateBesideNames: seen.medalists.dateBesideNames };
  };
  // 360 px: the phone table drops its code column; one column of names and dates.
  assert.deepEqual(await at(360), { code: false, tally: 2, card: 'block', dateBesideNames: false });
  // 1024 px: every column, the tally in a row of four, the card in two columns.
  assert.deepEqual(await at(1024), { code: true, tally: 4, card: 'grid', dateBesideNames: true });
  // The same width with a larger unit is, to the widget, a narrower screen.
  assert.deepEqual(await at(1024, '20px'), { code: true, tally: 4, card: 'block', dateBesideNames: true });
});

// Every row of the medal table is in the browser's accessibility tree, not
// only the rows in view. (Laying rows out as grids with content-visibility:
// auto, to skip the rows out of view, sped a sort from 62 to 50 ms, but
// Chromium then leaves each row it has not yet rendered out of the tree,
// ignored as "notRendered": 41 of the 92 row headers were left.)
test('medal table: headers on one line; every row and header is in Chromium\'s accessibility tree', async () => {
  const { page, errors } = await show({ view: 'table' });
  // The headers' words sit on one line, sortable or not.
  const tops = await page.locator('#widget').evaluate((host) => [...host.shadowRoot.querySelectorAll('.ms-table-view thead th')]
    .map((th) => Math.round(th.firstElementChild.getBoundingClientRect().top)));
  assert.equal(tops.length, 7);
  assert.ok(Math.max(...tops) - Math.min(...tops) <= 1, `header tops ${tops}`);
  // Counts line up at the end of their column, under their headers; the
  // body cells are found by position (they carry no class).
  const align = await page.locator('#widget').evaluate((host) => ['thead th', 'tbody tr:first-child > *']
    .map((sel) => [...host.shadowRoot.querySelectorAll(`.ms-table-view ${sel}`)].map((c) => getComputedStyle(c).textAlign).join()));
  assert.deepEqual(align, ['start,start,start,end,end,end,end', 'start,start,start,end,end,end,end']);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const live = nodes.filter((n) => !n.ignored);
  const count = (role) => live.filter((n) => n.role?.value === role).length;
  assert.ok(live.some((n) => n.role?.value === 'table' && n.name?.value === 'Medal table, Paris 2024'), 'a table named by its caption');
  assert.equal(count('columnheader'), 7);
  assert.equal(count('row'), 93, 'the header row and 92 teams');
  const teams = live.filter((n) => n.role?.value === 'rowheader').map((n) => n.name?.value);
  assert.equal(teams.length, 92);
  assert.equal(teams[0], 'United States');
  assert.equal(teams.at(-1), 'Individual Neutral Athletes', 'the last row, far out of view, is there too');
  assert.equal(count('cell'), 92 * 6);
  assert.deepEqual(live.filter((n) => n.role?.value === 'columnheader').map((n) => n.name?.value),
    ['Rank', 'Team', 'Code', 'Gold', 'Silver', 'Bronze', 'Total']);
  assert.deepEqual(errors, []);
  await page.close();
});

// A panel once visited stays mounted when another tab is chosen, and keeps
// its layout (content-visibility: hidden, where the browser has it): the
// 92-row table then comes back in one frame instead of a fresh layout. It
// must still be out of reach as display: none made it: not in the
// accessibility tree, not in the tab order; and a timeline hidden while the
// widget changed width must be laid out for the new width when shown.
test('hidden panels: kept laid out, out of the accessibility tree and the tab order; shown again at a new width, laid out for it', async () => {
  const { page, errors } = await show({ view: 'timeline', width: 1024 });
  const tab = (v) => page.locator(`#widget [role=tab][data-view="${v}"]`).click();
  const placed = () => page.locator('#widget').evaluate((host) => {
    const r = host.shadowRoot;
    const axis = r.querySelector('.ms-tl-axis').getBoundingClientRect();
    const boxes = [...r.querySelectorAll('.ms-tl-marker')].map((m) => m.getBoundingClientRect());
    const out = boxes.filter((b) => b.left < axis.left - 1 || b.right > axis.right + 1).length;
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
      }
    }
    return { markers: boxes.length, width: Math.round(axis.width), out, overlaps };
  });
  const wide = await placed();
  assert.equal(wide.out + wide.overlaps, 0, JSON.stringify(wide));
  await tab('table');
  await page.locator('#widget [role=tabpanel][data-view=table] tbody tr').first().waitFor();
  await tab('card');
  await page.locator('#widget [role=tabpanel][data-view=card]:not([hidden])').waitFor();
  const hidden = await page.locator('#widget').evaluate((host) => [...host.shadowRoot.querySelectorAll('.ms-panel[hidden]')].map((p) => {
    const s = getComputedStyle(p);
    const kept = s.display !== 'none' && s.contentVisibility === 'hidden';
    return `${p.dataset.view}: ${p.inert ? 'inert' : 'NOT inert'}, ${kept ? 'kept' : s.display === 'none' ? 'dropped' : `SEEN (${s.display}, ${s.contentVisibility})`}, ${p.getBoundingClientRect().height} px`;
  }));
  // Chromium has content-visibility: the hidden panels keep their layout.
  assert.deepEqual(hidden, ['medalists: inert, kept, 0 px', 'table: inert, kept, 0 px', 'history: inert, kept, 0 px', 'timeline: inert, kept, 0 px']);
  // The browser's own accessibility tree has the card, and nothing of the hidden table or timeline.
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const live = nodes.filter((n) => !n.ignored);
  const roles = (role) => live.filter((n) => n.role?.value === role).map((n) => n.name?.value);
  assert.deepEqual(roles('rowheader'), [], 'no table row');
  assert.equal(roles('table').length, 0, 'no table');
  assert.ok(!live.some((n) => /European Games/.test(n.name?.value ?? '')), 'no timeline marker');
  assert.deepEqual(roles('tabpanel'), ['Summary'], 'one panel: the card');
  // Tab goes from the selected tab through the card and out, never into a hidden panel.
  await page.locator('#widget [role=tab][aria-selected=true]').focus();
  const reached = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const f = await page.locator('#widget').evaluate((host) => {
      const a = host.shadowRoot.activeElement;
      return a ? (a.closest('.ms-panel')?.dataset.view ?? 'outside panels') : null;
    });
    if (f === null) break;
    reached.push(f);
  }
  assert.ok(reached.includes('card'), `focus reached: ${reached}`);
  assert.deepEqual(reached.filter((v) => !['card', 'outside panels'].includes(v)), [], 'no hidden panel takes focus');
  // Narrower while the timeline is hidden, then shown: laid out for 560 px.
  await page.setViewportSize({ width: 560, height: 900 });
  await tab('timeline');
  await page.locator('#widget [role=tabpanel][data-view=timeline]:not([hidden]) .ms-tl[data-ms-placed]').waitFor();
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  const narrow = await placed();
  assert.ok(narrow.width < wide.width - 150, `axis ${wide.width} -> ${narrow.width} px`);
  assert.equal(narrow.markers, wide.markers);
  assert.equal(narrow.out + narrow.overlaps, 0, JSON.stringify(narrow));
  // And the table, shown again, is all there, for a screen reader too.
  await tab('table');
  assert.equal(await page.locator('#widget [role=tabpanel][data-view=table]:not([hidden]) tbody tr').count(), 92);
  const again = await page.context().newCDPSession(page);
  const tree = (await again.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored);
  await again.detach();
  assert.equal(tree.filter((n) => n.role?.value === 'rowheader').length, 92, 'every row header back in the accessibility tree');
  assert.deepEqual(errors, []);
  await page.close();
});

// A hidden panel that keeps its layout must not move anything around it:
// every box of the widget sits where it would with the hidden panels not
// laid out at all (display: none), in every view, wide and narrow. (Left in
// the flow, their containment stopped margins collapsing through them: the
// card's chart and the actions under it went from 16 to 32 px apart.)
test('hidden panels take no room: every view is laid out as with display: none', async () => {
  for (const width of [720, 1024, 360]) {
    const { page, errors } = await show({ view: 'card', width });
    const tab = (v) => page.locator(`#widget [role=tab][data-view="${v}"]`).click();
    for (const v of VIEWS) await tab(v);
    const bad = [];
    for (const v of VIEWS) {
      await tab(v);
      await page.locator(`#widget [role=tabpanel][data-view="${v}"]:not([hidden])`).waitFor();
      const diff = await page.locator('#widget').evaluate((host) => {
        const r = host.shadowRoot;
        const boxes = () => [...r.querySelectorAll('.ms-widget > *:not([hidden]), .ms-panel:not([hidden]) > *, .ms-panel:not([hidden]) > * > *')]
          .map((el) => { const b = el.getBoundingClientRect(); return `${el.className || el.tagName}: ${Math.round(b.top)} ${Math.round(b.left)} ${Math.round(b.width)}x${Math.round(b.height)}`; });
        const kept = boxes();
        const none = new CSSStyleSheet();
        none.replaceSync('.ms-panel[hidden] { display: none !important; }');
        r.adoptedStyleSheets = [...r.adoptedStyleSheets, none];
        const dropped = boxes();
        r.adoptedStyleSheets = r.adoptedStyleSheets.filter((x) => x !== none);
        return kept.map((k, i) => (k === dropped[i] ? null : `${k} (with display: none: ${dropped[i]})`)).filter(Boolean);
      });
      bad.push(...diff.map((d) => `${v} at ${width}px: ${d}`));
    }
    assert.deepEqual(bad, []);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// A Windows or Linux desktop draws classic scrollbars, which take room from
// what they scroll. The widget's frame scrolls some views and not others, so
// without room kept for the bar (`scrollbar-gutter` on .ms-root) going from
// a view that scrolls to one that fits made the tabs and the view 15 px
// wider: a sideways jump, and the timeline laid out again for the new width.
test('with classic scrollbars, every view has the same width whether it scrolls or fits', async () => {
  const browser = await launch({ scrollbars: true });
  try {
    // At 1024 px the timeline fits in the frame and the other views scroll
    // (at 360 px every view scrolls).
    for (const width of [1024]) {
      const { page, errors } = await open(browser.context, `${site.server.url}/`, { viewport: { width, height: 900 } });
      await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
      const seen = [];
      for (const v of VIEWS) {
        await page.locator(`#widget [role=tab][data-view="${v}"]`).click();
        await page.locator(`#widget [role=tabpanel][data-view="${v}"]:not([hidden])`).waitFor();
        seen.push(await page.locator('#widget').evaluate((host, v) => {
          const root = host.shadowRoot.querySelector('.ms-root:not([data-ms-prerendered])');
          const box = (el) => { const b = el.getBoundingClientRect(); return `${Math.round(b.left)}+${Math.round(b.width)}`; };
          return {
            view: v,
            scrolls: root.scrollHeight > root.clientHeight,
            bar: root.offsetWidth - root.clientWidth,
            boxes: `tabs ${box(root.querySelector('[role=tablist]'))}, view ${box(root.querySelector('.ms-panel:not([hidden])'))}`,
          };
        }, v));
      }
      // The test means something only if scrollbars take room here, and some
      // views scroll while others fit.
      assert.ok(seen.every((s) => !s.scrolls || s.bar > 0), `scrollbars take no room: ${JSON.stringify(seen)}`);
      assert.deepEqual([...new Set(seen.map((s) => s.scrolls))].sort(), [false, true], `at ${width}px: ${JSON.stringify(seen)}`);
      const first = seen[0].boxes;
      assert.deepEqual(seen.filter((s) => s.boxes !== first).map((s) => `${s.view}: ${s.boxes} (${seen[0].view}: ${first})`), [], `at ${width}px`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    await browser.close();
  }
});

// The timeline measures its panel before its first render and draws its
// markers in that render (timeline.rs, `early`). The panel is measured
// empty; drawn, the timeline may overflow the frame and bring a classic
// scrollbar, and were that to take room, the markers drawn at the measured
// width would be drawn again at once at another: a visible jump.
test('with classic scrollbars, a timeline that overflows the frame is drawn once, at its final width', async () => {
  const browser = await launch({ scrollbars: true });
  try {
    // Wide: the frame scrolls. Narrow (a list): the list scrolls in its own box too.
    for (const width of [1024, 400]) {
      const { page, errors } = await open(browser.context, `${site.server.url}/`, { viewport: { width, height: 900 } });
      await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
      const widths = await page.locator('#widget').evaluate(async (host) => {
        // Enough events for the narrow list to pass its box's height.
        const doc = await (await fetch(new URL(host.getAttribute('src'), document.baseURI))).json();
        const more = doc.hosted.map((e) => ({ ...e, id: `${e.id}-again` }));
        doc.hosted.push(...more, ...more.map((e) => ({ ...e, id: `${e.id}-2` })));
        host.data = doc;
        if (await host.refreshNow() !== 'ready') return { error: host.getAttribute('data-ms-state') };
        host.setAttribute('height', '300');
        const seen = [];
        const note = () => {
          const track = host.shadowRoot.querySelector('.ms-tl-track');
          const w = track?.getAttribute('data-ms-style')?.match(/--w:([^;]+)/)?.[1];
          if (w && seen.at(-1) !== w) seen.push(w);
        };
        const mo = new MutationObserver(note);
        mo.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ms-style'] });
        host.setAttribute('view', 'timeline');
        const root = host.shadowRoot.querySelector('.ms-root:not([data-ms-prerendered])');
        // Until placed, then two more frames for any re-measure to land.
        for (let i = 0; i < 600 && !root.querySelector('.ms-tl[data-ms-placed] .ms-tl-marker'); i++) {
          await new Promise((r) => requestAnimationFrame(r));
        }
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
        note();
        mo.disconnect();
        const axis = root.querySelector('.ms-tl-axis');
        return {
          seen,
          scrolls: root.scrollHeight > root.clientHeight,
          bar: root.offsetWidth - root.clientWidth,
          axisScrolls: axis.scrollHeight > axis.clientHeight,
        };
      });
      assert.ok(widths.scrolls && widths.bar > 0, `at ${width}px the timeline must overflow a frame with a scrollbar: ${JSON.stringify(widths)}`);
      if (width < 480) assert.ok(widths.axisScrolls, `at ${width}px the list must scroll in its box: ${JSON.stringify(widths)}`);
      assert.equal(widths.seen.length, 1, `at ${width}px, track widths drawn: ${widths.seen.join(' then ')}`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    await browser.close();
  }
});

// A tab the pointer rests on has its view built and laid out ahead of the
// click (app.rs, `data-prep` in widget.css), unseen: the panel must take no
// room, not grow the page or the widget's frame (its rows, 3,000 px of
// them, are clipped to its zero height), and stay out of the accessibility
// tree; the click then shows all of it. A pointer passing over a tab
// builds nothing.
test('a tab the pointer rests on is prepared unseen: nothing moves, nothing grows, and the click shows it all', async () => {
  for (const width of [1024, 360]) {
    const at = `${width} px`;
    const { page, errors } = await show({ view: 'card', width });
    const widget = page.locator('#widget');
    const center = async (v) => {
      const b = await page.locator(`#widget [role=tab][data-view=${v}]`).boundingBox();
      return [b.x + b.width / 2, b.y + b.height / 2];
    };
    const look = () => widget.evaluate((host) => {
      const r = host.shadowRoot;
      return {
        boxes: [...r.querySelectorAll('.ms-widget > *:not([hidden]), .ms-panel:not([hidden]) *')].map((el) => {
          const b = el.getBoundingClientRect();
          return `${el.className?.baseVal ?? el.className ?? el.tagName}: ${Math.round(b.top)} ${Math.round(b.left)} ${Math.round(b.width)}x${Math.round(b.height)}`;
        }),
        sizes: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, scrollX, scrollY,
          ...[...r.querySelectorAll('.ms-root')].map((f) => `${f.scrollWidth}x${f.scrollHeight}`)].join(),
      };
    });
    const built = (v) => widget.evaluate((host, v) => host.shadowRoot.querySelector(`.ms-panel[data-view=${v}]`).childElementCount, v);
    // The widget's 100 ms hover timers are held and run by the test, so a
    // pass over a tab is a pass however slow the machine.
    const runRests = await holdTimers(page, 100);
    // Passing over the medal table's tab on the way to the timeline's.
    await page.mouse.move(...(await center('table')));
    await page.mouse.move(...(await center('timeline')));
    assert.equal(await runRests(), 1, `${at}: the timeline's timer replaced the table's`);
    await page.locator('#widget [role=tabpanel][data-view=timeline][hidden][data-prep] .ms-tl').waitFor({ state: 'attached' });
    assert.equal(await built('table'), 0, `${at}: passed over, the table is not built`);
    // Now resting on the table's tab.
    await page.mouse.move(...(await center('table')));
    assert.equal(await runRests(), 1);
    await page.locator('#widget [role=tabpanel][data-view=table][hidden][data-prep] tbody tr').first().waitFor({ state: 'attached' });
    const state = await widget.evaluate((host) => [...host.shadowRoot.querySelectorAll('.ms-panel[data-prep]')].map((p) => {
      const s = getComputedStyle(p);
      return `${p.dataset.view}: ${p.hidden ? 'hidden' : 'SHOWN'}, ${p.inert ? 'inert' : 'NOT inert'}, content-visibility ${s.contentVisibility}, ${p.getBoundingClientRect().height} px, ${p.querySelectorAll('tbody tr').length} rows`;
    }));
    assert.deepEqual(state, ['table: hidden, inert, content-visibility visible, 0 px, 92 rows', 'timeline: hidden, inert, content-visibility visible, 0 px, 0 rows'], at);
    assert.equal((await page.locator('#widget [role=tab][aria-selected=true]').getAttribute('data-view')), 'card', `${at}: preparing selects nothing`);
    // Against the same widget with its prepared panels as any hidden one:
    // the same boxes, sizes and pixels.
    const tableAt = await center('table');
    await page.mouse.move(0, 0);
    const prepared = { ...(await look()), shot: await widget.screenshot() };
    const marks = await widget.evaluate((host) => [...host.shadowRoot.querySelectorAll('.ms-panel[data-prep]')].map((p) => { p.removeAttribute('data-prep'); return p.dataset.view; }));
    const plain = { ...(await look()), shot: await widget.screenshot() };
    await widget.evaluate((host, marks) => { for (const v of marks) host.shadowRoot.querySelector(`.ms-panel[data-view=${v}]`).setAttribute('data-prep', ''); }, marks);
    assert.deepEqual(prepared.boxes, plain.boxes, `${at}: nothing on screen moved`);
    assert.equal(prepared.sizes, plain.sizes, `${at}: the page and the widget's frame did not grow`);
    assert.ok(prepared.shot.equals(plain.shot), `${at}: the widget looks the same`);
    const cdp = await page.context().newCDPSession(page);
    const rowheaders = async () => (await cdp.send('Accessibility.getFullAXTree')).nodes.filter((n) => !n.ignored && n.role?.value === 'rowheader').length;
    assert.equal(await rowheaders(), 0, `${at}: prepared rows are not in the accessibility tree`);
    await page.mouse.click(...tableAt);
    await page.locator('#widget [role=tabpanel][data-view=table]:not([hidden]):not([data-prep])').waitFor();
    assert.equal(await page.locator('#widget [role=tabpanel][data-view=table] tbody tr').count(), 92);
    assert.equal(await rowheaders(), 92, `${at}: shown, every row is in the accessibility tree`);
    await cdp.detach();
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// A touch screen has no hover: the press itself prepares the view, and the
// click, when the finger lifts, only shows it.
test('a press on a tab builds its view before the click (a touch screen: no hover)', async () => {
  const { page, errors } = await show({ view: 'card', width: 360 });
  const b = await page.locator('#widget [role=tab][data-view=medalists]').boundingBox();
  const point = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const state = () => page.locator('#widget').evaluate((host) => {
    const r = host.shadowRoot;
    const p = r.querySelector('.ms-panel[data-view=medalists]');
    return `selected ${r.querySelector('[role=tab][aria-selected=true]').dataset.view}; medalists: ${p.hidden ? 'hidden' : 'shown'}, ${p.hasAttribute('data-prep') ? 'prepared' : 'not prepared'}, ${p.querySelectorAll('li').length > 0 ? 'built' : 'empty'}`;
  });
  assert.equal(await state(), 'selected card; medalists: hidden, not prepared, empty');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await page.locator('#widget .ms-panel[data-view=medalists][data-prep] li').first().waitFor({ state: 'attached' });
  assert.equal(await state(), 'selected card; medalists: hidden, prepared, built', 'the finger is still down');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.locator('#widget .ms-panel[data-view=medalists]:not([hidden])').waitFor();
  assert.equal(await state(), 'selected medalists; medalists: shown, not prepared, built');
  await cdp.detach();
  assert.deepEqual(errors, []);
  await page.close();
});

// The keyboard selects as it moves, so the widget prepares the next view
// while keyboard focus rests on a tab (300 ms); a focus a click gave
// prepares nothing. The page's 300 ms timers are held and run by the test,
// so nothing here waits on the clock.
test('keyboard focus resting on a tab prepares the next view; the focus a click gives does not', async () => {
  const { page, errors } = await show({ view: 'card', width: 1024 });
  const widget = page.locator('#widget');
  const runRests = await holdTimers(page, 300);
  const state = () => widget.evaluate((host) => [...host.shadowRoot.querySelectorAll('.ms-panel')]
    .map((p) => `${p.dataset.view}: ${p.hidden ? (p.hasAttribute('data-prep') ? 'prepared' : p.childElementCount ? 'kept' : 'empty') : 'shown'}`).join(', '));
  // A click on the medalists tab focuses it, and that focus rests: nothing more is built.
  await page.locator('#widget [role=tab][data-view=medalists]').click();
  await page.locator('#widget [role=tabpanel][data-view=medalists]:not([hidden])').waitFor();
  assert.equal(await runRests(), 1, 'the focus set its timer');
  assert.equal(await state(), 'card: kept, medalists: shown, table: empty, history: empty, timeline: empty');
  // The right arrow selects the table and moves keyboard focus to its tab; resting there prepares history.
  await page.keyboard.press('ArrowRight');
  await page.locator('#widget [role=tabpanel][data-view=table]:not([hidden])').waitFor();
  assert.equal(await runRests(), 1);
  await page.locator('#widget [role=tabpanel][data-view=history][data-prep]').waitFor({ state: 'attached' });
  assert.equal(await state(), 'card: kept, medalists: kept, table: shown, history: prepared, timeline: empty');
  // Which the arrow then shows.
  await page.keyboard.press('ArrowRight');
  await page.locator('#widget [role=tabpanel][data-view=history]:not([hidden])').waitFor();
  assert.equal(await state(), 'card: kept, medalists: kept, table: kept, history: shown, timeline: empty');
  // Resting there prepares the timeline; back on the table, whose next view
  // (history) is built, the focus sets no timer at all.
  assert.equal(await runRests(), 1);
  await page.locator('#widget [role=tabpanel][data-view=timeline][data-prep]').waitFor({ state: 'attached' });
  await page.keyboard.press('ArrowLeft');
  await page.locator('#widget [role=tabpanel][data-view=table]:not([hidden])').waitFor();
  assert.equal(await runRests(), 0, 'no timer for a view already built');
  assert.equal(await state(), 'card: kept, medalists: kept, table: shown, history: kept, timeline: prepared');
  assert.deepEqual(errors, []);
  await page.close();
});

test('"Show Azerbaijan" brings its row into sight in the table box and in the widget frame, on a phone too', async () => {
  for (const width of [360, 1024]) {
    for (const reducedMotion of ['reduce', 'no-preference']) {
      const { page, errors } = await show({ view: 'table', width });
      await page.emulateMedia({ reducedMotion });
      const pageScroll = await page.evaluate(() => window.scrollY);
      await page.locator('#widget .ms-show').click();
      // Wait until nothing scrolls any more (the box may scroll smoothly).
      await page.waitForFunction(() => {
        const r = document.getElementById('widget').shadowRoot;
        const now = [r.querySelector('.ms-table-scroll').scrollTop, r.querySelector('.ms-root:not([data-ms-prerendered])').scrollTop].join();
        const same = window.__lastScroll === now;
        window.__lastScroll = now;
        return same;
      }, null, { polling: 100 });
      const got = await page.locator('#widget').evaluate((host) => {
        const r = host.shadowRoot;
        const featured = r.querySelector('tr.ms-featured');
        const row = featured.getBoundingClientRect();
        const box = featured.closest('.ms-table-scroll').getBoundingClientRect();
        // Stuck to the top of the box, or on a phone to the top of the frame.
        const head = featured.closest('table').tHead.rows[0].cells[0].getBoundingClientRect();
        const frame = host.getBoundingClientRect();
        return {
          inBox: row.top >= head.bottom - 1 && row.bottom <= box.bottom + 1,
          inFrame: row.top >= frame.top - 1 && row.bottom <= frame.bottom + 1,
          // On a phone, right under the header stuck to the frame's top
          // (the frame's foot is often below the screen's).
          underHead: Math.abs(row.top - head.bottom) <= 2,
        };
      });
      const where = `${width}px, ${reducedMotion} motion`;
      assert.deepEqual(got, { inBox: true, inFrame: true, underHead: width === 360 ? true : got.underHead }, where);
      assert.equal(await page.evaluate(() => window.scrollY), pageScroll, `${where}: the page itself did not scroll`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});

// A phone's medal table: every column in sight, with no sideways scroll
// (Bronze and Total were behind one at 320-375 px), and one scroller: the
// rows scroll with the frame, under a header stuck to the frame's top.
test('on a phone every table column is in sight and the header sticks to the frame', async () => {
  const phone = await launch({ mobile: true });
  try {
  for (const lang of Object.keys(LANGS)) {
    for (const width of [320, 375, 414]) {
      for (const view of ['table', 'history']) {
        const where = `${view}, ${lang}, ${width}px`;
        const { page, errors } = await show({ view, lang, width, context: phone.context });
        // The frame's scroll then moves at once.
        await page.emulateMedia({ reducedMotion: 'reduce' });
        const got = await page.locator('#widget').evaluate((host, view) => {
          const r = host.shadowRoot;
          const frame = r.querySelector('.ms-root:not([data-ms-prerendered])');
          const table = r.querySelector(`.ms-panel[data-view="${view}"] table`);
          const f = frame.getBoundingClientRect();
          const right = f.left + frame.clientLeft + frame.clientWidth;
          const cut = [...table.querySelectorAll('thead th')]
            .filter((th) => th.checkVisibility() && th.getBoundingClientRect().right > right + 0.5)
            .map((th) => th.textContent.trim());
          const sideways = frame.scrollWidth - frame.clientWidth;
          // Words split across lines (no hyphenation here): none, as long as
          // whole words fit.
          const broken = new Set();
          const walk = document.createTreeWalker(table.tBodies[0], NodeFilter.SHOW_TEXT);
          for (let n; (n = walk.nextNode());) {
            for (const m of n.textContent.matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(n, m.index);
              range.setEnd(n, m.index + m[0].length);
              const lines = new Set([...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
              if (lines.size > 1) broken.add(m[0]);
            }
          }
          const box = table.closest('.ms-table-scroll');
          // (Within a pixel: the table may be a fraction wider than its box.)
          const boxScrolls = box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
          // Scroll the frame until the table's top is well above its top.
          frame.scrollTop += table.getBoundingClientRect().top - f.top + 200;
          // The header's cells stick (the row group itself does not move).
          const head = table.tHead.rows[0].cells[0].getBoundingClientRect();
          const stuck = Math.abs(head.top - (f.top + frame.clientTop)) <= 1;
          return { cut, sideways, boxScrolls, stuck, broken: [...broken] };
        }, view);
        assert.deepEqual(got, { cut: [], sideways: 0, boxScrolls: false, stuck: true, broken: [] }, where);
        assert.deepEqual(errors, []);
        await page.close();
      }
    }
  }
  } finally {
    await phone.close();
  }
});

// A table box with nothing to scroll (a short table, from 38em up) keeps
// its header in itself: the row, in sight, must not be scrolled to under a
// header that is not stuck to the frame.
test('"Show Azerbaijan" leaves the frame alone when a short table\'s row is in sight', async () => {
  const { page, errors } = await show({ view: 'table', width: 1024 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() => { document.querySelector('main').style.maxWidth = 'none'; });
  const state = await page.evaluate(async () => {
    const doc = await (await fetch('data/aze-paris2024.json')).json();
    doc.table = doc.table.filter((r, i) => i < 8 || r.code === 'AZE');
    doc.table[8].rank = 9;
    const el = document.getElementById('widget');
    el.data = doc;
    return el.refreshNow();
  });
  assert.equal(state, 'ready');
  await page.waitForFunction(() => document.getElementById('widget').shadowRoot.querySelectorAll('.ms-panel[data-view=table] tbody tr').length === 9);
  const where = () => page.locator('#widget').evaluate((host) => {
    const r = host.shadowRoot;
    const frame = r.querySelector('.ms-root:not([data-ms-prerendered])');
    const box = r.querySelector('.ms-panel[data-view=table] .ms-table-scroll');
    const row = r.querySelector('tr.ms-featured').getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    return { frame: frame.scrollTop, box: box.scrollTop, rowInSight: row.top >= f.top && row.bottom <= f.bottom, boxScrolls: box.scrollHeight > box.clientHeight };
  });
  const before = await where();
  assert.deepEqual(before, { frame: 0, box: 0, rowInSight: true, boxScrolls: false });
  await page.locator('#widget .ms-show').click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await where(), before);
  assert.deepEqual(errors, []);
  await page.close();
});

// Chromium keeps a scroller's content in place by following an element in
// view (scroll anchoring); a sort moves the rows, and the frame scrolling
// the phone's table jumped after the row it followed (2500 -> 2139 px).
test('on a phone a sort leaves the frame where the reader is', async () => {
  const { page, errors } = await show({ view: 'table', width: 360 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const before = await page.locator('#widget').evaluate((host) => {
    const frame = host.shadowRoot.querySelector('.ms-root:not([data-ms-prerendered])');
    frame.scrollTop = 2500;
    return frame.scrollTop;
  });
  assert.ok(before > 2000, `the frame scrolled to ${before}`);
  for (const col of ['name', 'total', 'name']) {
    await page.locator(`#widget th[data-col="${col}"] button`).click();
    await page.locator(`#widget th[data-col="${col}"][aria-sort]`).waitFor();
    // The frame the new order is laid out and painted in.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const now = await page.locator('#widget').evaluate((host) => host.shadowRoot.querySelector('.ms-root:not([data-ms-prerendered])').scrollTop);
    assert.equal(now, before, `after sorting by ${col}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('chart segment labels stay inside their segments (card and history, phone and desktop)', async () => {
  for (const width of [320, 1024]) {
    for (const view of ['card', 'history']) {
      const { page, errors } = await show({ view, width });
      const got = await page.locator('#widget').evaluate((host, v) => {
        const panel = host.shadowRoot.querySelector(`[role=tabpanel][data-view="${v}"]`);
        const out = { labels: 0, spill: [] };
        for (const seg of panel.querySelectorAll('.ms-seg')) {
          const t = seg.querySelector('.ms-seg-label');
          if (!t) continue;
          out.labels++;
          const a = t.getBBox();
          const b = seg.querySelector('rect').getBBox();
          if (a.x < b.x - 0.5 || a.y < b.y - 0.5 || a.x + a.width > b.x + b.width + 0.5 || a.y + a.height > b.y + b.height + 0.5) {
            out.spill.push(`${t.textContent}: text ${a.width.toFixed(1)}x${a.height.toFixed(1)} in a ${b.width.toFixed(1)}x${b.height.toFixed(1)} segment`);
          }
        }
        return out;
      }, view);
      assert.ok(got.labels > 0, `${view} at ${width}px: some segment is labelled`);
      assert.deepEqual(got.spill, [], `${view} at ${width}px`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});

// Tabbing through a view: every control that takes focus is whole inside
// the widget's frame, clear of its edges by the focus ring, and inside the
// table's own scroll box (Chromium leaves a control that is partly in a
// scroll box where it is, so the table brings it in itself).
test('keyboard focus: each focused control and its ring are inside the frame and the table box', async () => {
  for (const [view, lang, width] of [['table', 'fr', 320], ['table', 'en', 1024], ['medalists', 'en', 1024], ['medalists', 'ru', 320], ['card', 'en', 320], ['history', 'az', 320], ['timeline', 'en', 1024]]) {
    const { page, errors } = await show({ view, lang, width });
    // Scrolling is then immediate, so each Tab's outcome is there at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(() => document.activeElement?.blur());
    await page.locator('#widget [role=tab][aria-selected=true]').focus();
    const bad = [];
    let seen = 0;
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const f = await page.locator('#widget').evaluate((host) => {
        const a = host.shadowRoot.activeElement;
        if (!a) return null;
        const RING = 2;
        const e = a.getBoundingClientRect();
        const h = host.getBoundingClientRect();
        const what = `${a.tagName.toLowerCase()}.${a.className} "${(a.textContent || '').trim().slice(0, 24)}"`;
        // A region or panel taller than the frame cannot fit; its top must.
        const tall = e.height > h.height - 2 * RING;
        const out = [];
        if (e.top < h.top + RING || (!tall && e.bottom > h.bottom - RING)) out.push(`${what}: ${Math.round(e.top - h.top)}..${Math.round(e.bottom - h.top)} in a ${Math.round(h.height)} px frame`);
        // The box clips only where it scrolls (not in the phone form).
        const box = a.closest('.ms-table-scroll');
        if (box && box !== a && getComputedStyle(box).overflowX !== 'visible') {
          const b = box.getBoundingClientRect();
          if (e.left < b.left + RING || e.right > b.left + box.clientWidth - RING) out.push(`${what}: ${Math.round(e.left - b.left)}..${Math.round(e.right - b.left)} in a ${box.clientWidth} px box`);
        }
        return out;
      });
      if (f === null) break; // focus left the widget
      seen++;
      bad.push(...f);
    }
    const where = `${view}, ${lang}, ${width}px`;
    assert.ok(seen >= 2, `${where}: focus moved through the widget`);
    assert.deepEqual(bad, [], where);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// The table brings a keyboard-focused control into its box; a mouse press
// focuses too, and scrolling the box then would move the button from under
// the pointer and lose the click.
test('a click on a sort button half out of the table box sorts (the box does not scroll under the pointer)', async () => {
  const { page, errors } = await show({ view: 'table', width: 1024 });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  // The widget as wide as the window (the page's column would do too: the
  // table has its own scrolling box from 38em up).
  await page.evaluate(() => { document.querySelector('main').style.maxWidth = 'none'; });
  const pt = await page.locator('#widget').evaluate((host) => {
    const r = host.shadowRoot;
    // The table fits its box at every width with this data (the phone
    // form's marks); a table wider than its box (longer names, a larger
    // type) scrolls sideways in it.
    const wide = new CSSStyleSheet();
    wide.replaceSync('.ms-table { min-width: 150%; }');
    r.adoptedStyleSheets = [...r.adoptedStyleSheets, wide];
    const scroller = r.querySelector('.ms-table-scroll');
    const right = scroller.getBoundingClientRect().left + scroller.clientWidth;
    // The first sort button that the box's right edge reaches, scrolled to
    // be cut in half by it (where the columns fall depends on the fonts).
    const b = [...r.querySelectorAll('.ms-table-view th button')].find((x) => x.getBoundingClientRect().right > right);
    if (!b) return null;
    const half = b.getBoundingClientRect();
    scroller.scrollBy({ left: Math.round(half.left + half.width / 2 - right), behavior: 'instant' });
    const e = b.getBoundingClientRect();
    if (!(e.left < right - 4 && e.right > right)) return null;
    return { x: right - 2, y: e.top + e.height / 2, col: b.closest('th').dataset.col };
  });
  assert.ok(pt, 'a sort button is cut by the box edge');
  // Held like a person's click, long enough for a smooth scroll to move the button.
  await page.mouse.click(pt.x, pt.y, { delay: 150 });
  await page.locator(`#widget th[data-col="${pt.col}"][aria-sort]`).waitFor({ timeout: 2_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('at 320 px no view scrolls the page sideways and every control is at least 24 px', async () => {
  for (const view of VIEWS) {
    const { page, errors } = await show({ view, width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${view} at 320px scrolls the page sideways by ${overflow}px`);
    const small = await page.locator('#widget').evaluate((host) => {
      const out = [];
      // The sources' links are targets too, once their list is open.
      for (const d of host.shadowRoot.querySelectorAll('details')) d.open = true;
      for (const el of host.shadowRoot.querySelectorAll('button, input, select, a[href], [role=tab], summary')) {
        const r = el.getBoundingClientRect();
        // Not shown in this view (a hidden panel keeps its boxes: content-visibility).
        // A radio is visually hidden; what shows is its label.
        const shown = el.type === 'radio' || el.type === 'checkbox' ? (el.closest('label') ?? el) : el;
        if (!shown.checkVisibility()) continue;
        if (el.type === 'radio' || el.type === 'checkbox') {
          // A radio's target is its label, which wraps it.
          const label = el.closest('label');
          const lr = label ? label.getBoundingClientRect() : r;
          if (lr.width < 24 || lr.height < 24) out.push(`${el.outerHTML.slice(0, 60)} label ${lr.width}x${lr.height}`);
          continue;
        }
        if (r.width < 24 || r.height < 24) out.push(`${el.outerHTML.slice(0, 60)} ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
      return out;
    });
    assert.deepEqual(small, [], `${view}: controls under 24 px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// Every distinct font (family, size, weight, style) that text on screen uses
// costs the browser a font lookup on its first layout: 1–3 ms each here
// (Chromium on Linux asks the browser process for each). Fonts were over half
// of the card's first layout until the type scale was cut to 24, 16, 14 and
// 12 px (11 px in charts) and weights 400 and 700: the card went from 9 faces
// to 6 and its first layout from about 41 to 28 ms (traced, median of 6).
// These budgets are today's counts, so a new face shows up here first.
const FACE_BUDGET = { card: 6, medalists: 6, table: 7, history: 8, timeline: 4 };

test('each view draws its text in a few font faces (each one is a font lookup on first layout)', async () => {
  const all = new Set();
  for (const view of VIEWS) {
    const { page, errors } = await show({ view, width: 412 });
    const faces = await page.locator('#widget').evaluate((host) => {
      const out = new Set();
      for (const el of host.shadowRoot.querySelectorAll('*')) {
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        // Not in this view: a hidden panel keeps its boxes (content-visibility), so ask.
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        const cs = getComputedStyle(el);
        out.add(`${cs.fontFamily} ${cs.fontSize} ${cs.fontWeight} ${cs.fontStyle}`);
      }
      return [...out].sort();
    });
    for (const f of faces) all.add(f);
    assert.ok(faces.length > 1, `${view}: faces were counted`);
    assert.ok(faces.length <= FACE_BUDGET[view], `${view} uses ${faces.length} font faces, budget ${FACE_BUDGET[view]}:\n${faces.join('\n')}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
  assert.ok(all.size <= 10, `the views use ${all.size} font faces in all:\n${[...all].join('\n')}`);
});

test('on a slow CPU the timeline\'s markers are shown placed in the first frame that has them', async () => {
  // 20x slower, a render takes longer than the 16 ms after which Yew lets the
  // browser paint before running the render's effects. The markers' places
  // are copied to the CSSOM by a MutationObserver in the render's own task,
  // so no frame has markers hidden (waiting to be placed) or unplaced.
  const events = JSON.parse(await (await fetch(`${site.server.url}/data/aze-paris2024.json`)).text()).hosted;
  const doc = { version: 1, country: { code: 'AZE', name: 'Azerbaijan' }, hosted: events };
  const url = `${site.server.url}/slow-timeline.html`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>slow</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/embed.css"><script type="module" src="/embed.js"></script></head>
<body><medal-summary id="w" view="timeline"><script type="application/json">${JSON.stringify(doc).replace(/</g, '\\u003c')}</script></medal-summary></body></html>`;
  const { page, errors } = await open(site.browser.context, 'about:blank');
  await page.addInitScript(() => {
    // What each frame is about to paint (requestAnimationFrame runs before the frame's style and layout).
    const frames = { hidden: 0, unplaced: 0, placed: 0 };
    window.__frames = frames;
    const look = () => {
      const root = document.getElementById('w')?.shadowRoot;
      const section = root?.querySelector('.ms-root:not([data-ms-prerendered]) .ms-tl');
      const markers = section ? section.querySelectorAll('.ms-tl-marker').length : 0;
      if (markers) {
        if (!section.hasAttribute('data-ms-placed')) frames.hidden++;
        else if ([...section.querySelectorAll('[data-ms-style]')].some((e) => !e.style.length)) frames.unplaced++;
        else frames.placed++;
      }
      if (frames.placed < 3) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  await page.waitForFunction(() => window.__frames.placed >= 3, null, { timeout: 60_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  assert.deepEqual(await page.evaluate(() => window.__frames), { hidden: 0, unplaced: 0, placed: 3 });
  assert.equal(await page.locator('#w .ms-tl-marker').count(), events.length);
  assert.deepEqual(errors, []);
  await page.close();
});

// A tab's label is bold when selected. Each tab keeps its bold width, so
// going from tab to tab moves no tab and, where the tabs wrap (a phone), the
// strip keeps its rows: the view below does not jump.
test('selecting a tab moves no tab and keeps the strip\'s height, in every language', async () => {
  for (const [lang, width] of [['en', 375], ['az', 375], ['fr', 375], ['ru', 320], ['en', 1024]]) {
    const { page, errors } = await show({ lang, width });
    const seen = [];
    for (const v of VIEWS) {
      await page.locator(`#widget [role=tab][data-view="${v}"]`).click();
      await page.locator(`#widget [role=tabpanel][data-view="${v}"]:not([hidden])`).waitFor();
      seen.push(await page.locator('#widget').evaluate((host) => {
        const list = host.shadowRoot.querySelector('[role=tablist]');
        const tabs = [...list.querySelectorAll('[role=tab]')].map((t) => { const r = t.getBoundingClientRect(); return `${Math.round(r.left)},${Math.round(r.top - list.getBoundingClientRect().top)},${Math.round(r.width)}`; });
        return `strip ${Math.round(list.getBoundingClientRect().height)}: ${tabs.join(' ')}`;
      }));
    }
    assert.deepEqual(seen.filter((s) => s !== seen[0]), [], `${lang} at ${width}px, first ${seen[0]}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// Where the card takes two columns, its four medal tiles share half the
// width: no label may break inside a word there, in any language.
test('the medal tiles\' labels never break inside a word', async () => {
  for (const lang of Object.keys(LANGS)) {
    for (const width of [900, 940, 1024, 1100, 1300]) {
      const { page, errors } = await show({ lang, width });
      await page.evaluate(() => { document.querySelector('main').style.maxWidth = 'none'; });
      const broken = await page.locator('#widget').evaluate((host) => [...host.shadowRoot.querySelectorAll('.ms-tally .ms-label')]
        .filter((l) => {
          // More line boxes than words: a word was split.
          const r = document.createRange();
          r.selectNodeContents(l);
          const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
          return lines > l.textContent.trim().split(/\s+/).length;
        })
        .map((l) => `"${l.textContent}" ${Math.round(l.getBoundingClientRect().width)}px`));
      assert.deepEqual(broken, [], `${lang} at ${width}px`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
});
