// The stylesheets as Chromium parses them. A declaration the browser does not
// understand is dropped without a word, and so is a whole query whose
// condition is invalid: for five sessions the widget's container queries
// were written `(max-width: calc(30 * var(--ms-rem)))`, a var() where none is
// allowed, and no breakpoint ever applied. This finds that kind of mistake
// in every file, whatever it styles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, DIST } from './browser.mjs';
import { startServer } from './server.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const FILES = [
  'src/embed/shadow.css', 'www/widget.css', 'www/timeline.css',
  'www/embed.css', 'www/embed-frame.css', 'www/page.css', 'www/demo/demo.css',
];

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await browser.context.newPage();
});
after(async () => { await browser?.close(); });

/** What Chromium makes of `css`: declarations it drops, conditions with var(), and its rule count. */
function audit(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const problems = [];
  for (const m of text.matchAll(/@(media|container|supports)([^{]*)\{/g)) {
    if (/var\(/.test(m[2])) problems.push(`@${m[1]}${m[2].trimEnd()}: var() is not allowed in a condition`);
  }
  const keeps = (prop, value) => {
    const el = document.createElement('div');
    el.style.setProperty(prop, value);
    return el.style.getPropertyValue(prop) !== '' || CSS.supports(prop, value);
  };
  // A value with var() parses whatever it holds, so the var()s are tried
  // as sample values of each kind: the declaration is kept if one fits.
  const SAMPLES = ['16px', '1', '#000', 'auto', 'none', 'sans-serif', '1px solid #000', '0 0 0 1px #000'];
  const VAR = /var\(--[\w-]+(?:\s*,[^()]*(?:\([^()]*\))?[^()]*)?\)/g;
  for (const m of text.matchAll(/[{;]\s*(-?[a-z][a-z-]*)\s*:\s*([^;{}]+?)\s*(?=[;}])/g)) {
    const [, prop, raw] = m;
    const value = raw.replace(/\s*!important$/, '');
    // Each var() on its own: `var(--lanes) * var(--lane-px)` needs a number and a length.
    const tries = (v) => {
      const first = v.match(new RegExp(VAR.source));
      if (!first) return keeps(prop, v);
      return SAMPLES.some((x) => tries(v.slice(0, first.index) + x + v.slice(first.index + first[0].length)));
    };
    const ok = tries(value);
    if (!ok) problems.push(`${prop}: ${value}`);
  }
  // Every block is a rule Chromium kept (a bad selector drops a whole rule).
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const count = (rules) => [...rules].reduce((n, r) => n + 1 + (r.cssRules ? count(r.cssRules) : 0), 0);
  const blocks = [...text.matchAll(/\{/g)].length;
  const rules = count(sheet.cssRules);
  if (rules !== blocks) problems.push(`${blocks - rules} of ${blocks} blocks dropped`);
  return { problems, rules, declarations: [...text.matchAll(/:\s*[^;{}]+;/g)].length };
}

test('every declaration in every stylesheet is one Chromium keeps, and no query condition uses var()', async () => {
  for (const f of FILES) {
    const got = await page.evaluate(audit, await readFile(path.join(ROOT, f), 'utf8'));
    assert.ok(got.rules > 0 && got.declarations > 0, `${f}: nothing was read`);
    assert.deepEqual(got.problems, [], f);
  }
});

test('the audit finds what it looks for', async () => {
  const got = await page.evaluate(audit, `
    .a { display: flexx; color: red }
    @container ms (max-width: calc(30 * var(--ms-rem))) { .b { gap: 1px; font-size: 12pz } }
    .c { margin: 0 auto; inset-inline: bogus !important; padding: calc(2 * var(--ms-rem)) var(--x, 1px) }
    .d { width: calc(3 * var(--ms-rem)) solid; color: var(--ms-fg) }
    .e:hoverr { color: red }`);
  assert.deepEqual(got.problems, [
    '@container ms (max-width: calc(30 * var(--ms-rem))): var() is not allowed in a condition',
    'display: flexx', 'font-size: 12pz', 'inset-inline: bogus', 'width: calc(3 * var(--ms-rem)) solid',
    '1 of 6 blocks dropped',
  ]);
});

// build.rs takes the comments and most whitespace out of the shadow root's
// stylesheet (it is in the wasm and in every prerendered snapshot). The
// sheet the widget adopts must parse to the same rules as its sources.
test('the stylesheet the widget adopts, minified at build time, is its sources rule for rule', async () => {
  const server = await startServer(DIST);
  const p = await browser.context.newPage();
  try {
    await p.goto(`${server.url}/`);
    await p.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
    const sources = (await Promise.all(['src/embed/shadow.css', 'www/widget.css', 'www/timeline.css']
      .map((f) => readFile(path.join(ROOT, f), 'utf8')))).join('\n');
    const { built, parsed, bytes } = await p.evaluate((src) => {
      const flat = (rules) => [...rules].map((r) => r.cssText);
      const adopted = document.getElementById('widget').shadowRoot.adoptedStyleSheets;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(src);
      return { built: adopted.flatMap((s) => flat(s.cssRules)), parsed: flat(sheet.cssRules), bytes: src.length };
    }, sources);
    assert.ok(parsed.length > 100, `${parsed.length} rules in ${bytes} bytes of sources`);
    // Chromium serializes what it parsed, except values holding var() and
    // custom properties, which it keeps as written: there a space after a
    // comma or a colon, which build.rs drops, is the only difference
    // allowed (it means nothing there).
    const same = (rules) => rules.map((r) => r.replace(/([,:])\s+/g, '$1'));
    assert.deepEqual(same(built), same(parsed));
  } finally {
    await p.close();
    await server.close();
  }
});
