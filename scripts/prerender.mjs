#!/usr/bin/env node
// Prerendering: writes what each <medal-summary> of a page shows into the
// page itself, as a declarative shadow root, so readers see the widget with
// the first paint of the HTML instead of after the WebAssembly has loaded,
// and readers without JavaScript see it at all.
//
//   node scripts/prerender.mjs PAGE.html [--root DIR] [--width PX] [-o OUT.html]
//
// PAGE is loaded in headless Chromium (playwright-core; CHROMIUM_BIN, default
// /usr/bin/chromium) as if served from DIR (default: PAGE's folder), with
// its relative URLs (embed.js, data files) answered from DIR; absolute URLs
// load as usual. Once every widget has rendered, the snapshot of each one
// that shows data goes right after its opening tag:
//
//   <medal-summary …><template shadowrootmode="open">
//     <style data-ms-prerendered>…</style><div class="ms-root" data-ms-prerendered>…</div>
//   </template>…</medal-summary>
//
// The <style> holds the rules of the widget's stylesheet that the
// snapshot's elements can match (parseCss, styleRules, printCss below).
//
// The snapshot's buttons and inputs are written disabled (no code answers
// them). The widget keeps the snapshot on screen until it has data to
// show, then swaps the two in that task, or once its view has placed
// itself (src/embed/mod.rs, `reveal`); if
// its data cannot be loaded, the snapshot stays with the failure over its
// foot. Running the script again on its own output replaces the
// snapshots. A widget that shows an error is left without one. Snapshots
// use <style> and style attributes, which a page whose CSP forbids inline
// styles blocks: do not prerender for such pages (the widget itself works
// there). The layout is the one at --width (default 720 px, an article
// column); the live widget relays it out for the reader's width.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, TYPES } from './chromium.mjs';
import { pathToFileURL } from 'node:url';

// An opening tag; a quoted attribute value may hold '>' (title="a > b").
const OPEN_TAG = /<medal-summary(?=[\s>/])(?:"[^"]*"|'[^']*'|[^'">])*>/gi;
// A snapshot an earlier run wrote right after the tag: replaced, never nested.
const WITH_SNAPSHOT = new RegExp(`(${OPEN_TAG.source})\\s*<template\\s+shadowrootmode=(["']?)open\\2(?:"[^"]*"|'[^']*'|[^'">])*>[\\s\\S]*?</template>`, 'gi');
const MARK = 'data-ms-prerender-slot';

// Where a tag is only text: comments and the contents of elements the
// parser reads as text (a tag in a script's string is not a widget).
const TEXT_RANGES = /<!--[\s\S]*?-->|<(script|style|textarea|title|noscript|xmp)\b(?:"[^"]*"|'[^']*'|[^'">])*>[\s\S]*?<\/\1\s*>/gi;
/** A test of whether offset `at` of `html` lies in such text. */
function textTest(html) {
  const ranges = [...html.matchAll(TEXT_RANGES)].map((m) => [m.index, m.index + m[0].length]);
  return (at) => ranges.some(([a, b]) => at > a && at < b);
}

/**
 * Prerenders `html`, loaded at `url` in a page of `context` (the page's own
 * request is answered with `html`; every other request goes wherever the
 * context sends it). Resolves with the new HTML and, per widget in source
 * order, the state it reached.
 */
export async function prerenderHtml(context, url, html, { width = 720, height = 900, timeout = 30_000 } = {}) {
  const inHtmlText = textTest(html);
  const source = html.replace(WITH_SNAPSHOT, (m, tag, _q, at) => (inHtmlText(at) ? m : tag));
  const inText = textTest(source);
  // Number the source's tags so the snapshots go back to the right ones
  // (widgets a script creates have no number and are skipped).
  const tags = [];
  const marked = source.replace(OPEN_TAG, (tag, at) => {
    if (inText(at)) return tag;
    tags.push(at + tag.length);
    return tag.replace(/^<medal-summary/i, `<medal-summary ${MARK}="${tags.length - 1}"`);
  });
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width, height });
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: marked }));
    await page.goto(url);
    // A loading="lazy" widget out of view would wait for a scroll: every
    // widget gets its snapshot. (Only this copy of the page changes; the
    // output is made from the source, so the attribute stays as written.)
    await page.evaluate((mark) => {
      for (const h of document.querySelectorAll(`medal-summary[${mark}][loading]`)) h.setAttribute('loading', 'eager');
    }, MARK);
    // Ready, and every view that places itself after measuring has done so
    // (a snapshot taken before would keep it hidden: .ms-unplaced).
    await page.waitForFunction((mark) => customElements.get('medal-summary')
      && [...document.querySelectorAll(`medal-summary[${mark}]`)]
        .every((h) => ['ready', 'error'].includes(h.getAttribute('data-ms-state'))
          && !h.shadowRoot?.querySelector('.ms-unplaced:not([data-ms-placed])')), MARK, { timeout, polling: 50 });
    // Two frames: resize observers and effects have run.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // The styles as written (the CSSOM would expand `all: initial` into
    // every longhand there is), split into rules; each snapshot keeps those
    // that can apply to it.
    const sheet = parseCss(await page.evaluate(() => customElements.get('medal-summary')?.styleText ?? ''));
    const tests = [...new Set(styleRules(sheet).flatMap((r) => r.tests))];
    const shots = await page.evaluate(({ mark, tests }) => [...document.querySelectorAll(`medal-summary[${mark}]`)].map((host) => {
      const slot = Number(host.getAttribute(mark));
      const state = host.getAttribute('data-ms-state');
      const shadow = host.shadowRoot;
      const root = shadow?.querySelector('.ms-root');
      if (state !== 'ready' || !root) return { slot, state };
      const used = tests.filter((t) => {
        try { return shadow.querySelector(t) !== null; } catch { return true; }
      });
      const clone = root.cloneNode(true);
      clone.setAttribute('data-ms-prerendered', '');
      // Form state lives in properties, which serialising drops: write it
      // into the attributes, or the static copy shows no radio checked.
      const copies = clone.querySelectorAll('input, option, textarea');
      root.querySelectorAll('input, option, textarea').forEach((el, i) => {
        const c = copies[i];
        if (el.tagName === 'OPTION') c.toggleAttribute('selected', el.selected);
        else if (el.type === 'checkbox' || el.type === 'radio') c.toggleAttribute('checked', el.checked);
        else if (el.tagName === 'TEXTAREA') c.textContent = el.value;
        else c.setAttribute('value', el.value);
      });
      // No code answers the copy's controls (until the widget replaces it,
      // or ever, without scripts): say so, rather than offer dead ones.
      for (const c of clone.querySelectorAll('button, input, select, textarea')) c.setAttribute('disabled', '');
      // The height attribute reaches the box through --ms-height (set by
      // embed.js); the snapshot must reserve the same box before it runs.
      const height = host.style.getPropertyValue('--ms-height').trim();
      return { slot, state, used, height, html: clone.outerHTML };
    }), { mark: MARK, tests });
    for (const s of shots) {
      if (!s.html) continue;
      const css = printCss(sheet, new Set(s.used));
      s.css = s.height ? `${css}\n:host{--ms-height:${s.height}}` : css;
    }
    const bySlot = new Map(shots.map((s) => [s.slot, s]));
    let out = '';
    let from = 0;
    tags.forEach((end, i) => {
      out += source.slice(from, end);
      from = end;
      const s = bySlot.get(i);
      if (s?.html) {
        if (/<\/style/i.test(s.css)) throw new Error('the widget styles contain "</style": cannot inline them');
        // A browser that leaves '<' unescaped in attribute values (Chromium
        // before 138) could let a data string close the template early.
        if (/<\/template|<!--/i.test(s.html)) throw new Error(`widget ${i + 1}: its markup contains "</template" or "<!--": cannot inline it`);
        out += `<template shadowrootmode="open"><style data-ms-prerendered>${s.css}</style>${s.html}</template>`;
      }
    });
    out += source.slice(from);
    return { html: out, widgets: tags.map((_, i) => bySlot.get(i)?.state ?? 'missing') };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------
// The stylesheet, cut to what a snapshot can use. The widget's sheet (built
// without comments, build.rs) is plain CSS: rules, and @media, @container,
// @supports blocks of rules; @keyframes and the like are kept whole.
// ---------------------------------------------------------------------------

/** Index just past the string starting at `i`. */
function skipString(css, i) {
  const q = css[i];
  for (i++; i < css.length && css[i] !== q; i++) if (css[i] === '\\') i++;
  return i + 1;
}

/** `css` as a tree: `{prelude, body}` (declarations) or `{prelude, children}`. */
export function parseCss(css) {
  let i = 0;
  const list = () => {
    const nodes = [];
    for (;;) {
      while (i < css.length && /\s/.test(css[i])) i++;
      if (i >= css.length) return nodes;
      if (css[i] === '}') { i++; return nodes; }
      const start = i;
      while (i < css.length && css[i] !== '{' && css[i] !== ';') i = css[i] === '"' || css[i] === "'" ? skipString(css, i) : i + 1;
      const prelude = css.slice(start, i).trim();
      if (css[i] !== '{') { i++; nodes.push({ prelude, statement: true }); continue; }
      i++;
      if (/^@(media|supports|container)\b/i.test(prelude)) { nodes.push({ prelude, children: list() }); continue; }
      const body = i;
      for (let depth = 1; i < css.length && depth > 0;) {
        if (css[i] === '"' || css[i] === "'") { i = skipString(css, i); continue; }
        if (css[i] === '{') depth++;
        else if (css[i] === '}') depth--;
        i++;
      }
      nodes.push({ prelude, body: css.slice(body, i - 1) });
    }
  };
  return list();
}

// What a static copy never is: hovered, focused, pressed; pseudo-elements
// exist when their element does.
const DYNAMIC = /::?(?:hover|focus-visible|focus-within|focus|active|visited|before|after|marker|placeholder|selection|details-content)(?![\w-])/gi;

/** Selectors split at top-level commas. */
function selectors(prelude) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { out.push(prelude.slice(start, i)); start = i + 1; }
  }
  out.push(prelude.slice(start));
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Every style rule in `nodes`, with the querySelector tests that keep it
 * (none: always kept, as for :host rules and at-rules like @keyframes). */
export function styleRules(nodes) {
  return nodes.flatMap((n) => {
    if (n.children) return styleRules(n.children);
    if (n.statement || n.prelude.startsWith('@') || /:host/i.test(n.prelude)) return [];
    n.tests = selectors(n.prelude).map((sel) => sel.replace(DYNAMIC, '').trim() || '*');
    return [n];
  });
}

/** The rules of `nodes` that some element of the snapshot matches (a
 * test in `used`), and every block holding one, as CSS text. */
export function printCss(nodes, used) {
  return nodes.map((n) => {
    if (n.statement) return `${n.prelude};`;
    if (n.children) {
      const inner = printCss(n.children, used);
      return inner ? `${n.prelude}{${inner}}` : '';
    }
    if (n.tests && !n.tests.some((t) => used.has(t))) return '';
    return `${n.prelude}{${n.body}}`;
  }).join('');
}

const ORIGIN = 'http://medal-summary.prerender';

/** The command: see the header. */
async function main(argv) {
  const o = { width: 720 };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') o.root = argv[++i];
    else if (a === '--width') o.width = Number(argv[++i]);
    else if (a === '-o' || a === '--out') o.out = argv[++i];
    else if (a === '-h' || a === '--help') { console.log('usage: node scripts/prerender.mjs PAGE.html [--root DIR] [--width PX] [-o OUT.html]'); return 0; }
    else rest.push(a);
  }
  if (rest.length !== 1 || !(o.width >= 240 && o.width <= 4000)) {
    console.error('usage: node scripts/prerender.mjs PAGE.html [--root DIR] [--width PX (240–4000)] [-o OUT.html]');
    return 2;
  }
  const file = path.resolve(rest[0]);
  const root = path.resolve(o.root ?? path.dirname(file));
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    console.error(`prerender: ${file} is not inside --root ${root}`);
    return 2;
  }
  const html = await readFile(file, 'utf8');
  const browser = await launch('ms-prerender-');
  const { context } = browser;
  try {
    // Relative URLs are answered from --root without a server.
    await context.route(`${ORIGIN}/**`, async (route) => {
      const p = decodeURIComponent(new URL(route.request().url()).pathname);
      const f = path.join(root, path.normalize(p));
      if (!f.startsWith(root)) return route.fulfill({ status: 403 });
      const body = await readFile(f).catch(() => null);
      if (!body) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, body, contentType: TYPES[path.extname(f)] ?? 'application/octet-stream' });
    });
    const url = `${ORIGIN}/${rel.split(path.sep).map(encodeURIComponent).join('/')}`;
    const result = await prerenderHtml(context, url, html, { width: o.width });
    if (o.out) await writeFile(o.out, result.html);
    else process.stdout.write(result.html);
    result.widgets.forEach((s, i) => console.error(`prerender: widget ${i + 1}: ${s === 'ready' ? 'snapshot written' : `no snapshot (${s})`}`));
    return 0;
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(`prerender: ${e.message}`);
    process.exit(1);
  });
}
