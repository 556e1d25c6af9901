// Datasets and pages the benchmark serves under /__bench/. Everything is
// generated deterministically (a seeded PRNG), so two runs measure the same
// documents. Generated documents follow docs/data-format.md: unique
// 3-letter codes, no `rank` fields (given ranks must equal the computed
// gold-first rank; leaving them out is always valid), hosted ids unique,
// dates real days within 1896–2100 with start <= end and year == start year,
// names <= 200 characters.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SOURCE = path.join(ROOT, 'www/data/aze-paris2024.json');

/** The default dataset, read fresh (callers mutate their copy). */
export function realDoc() {
  return JSON.parse(readFileSync(SOURCE, 'utf8'));
}

/** The three multi-sport events Baku hosted (2015, 2017, 2019), as in the data. */
export function bakuEvents() {
  return realDoc().hosted.filter((e) => (e.category ?? 'multi-sport') === 'multi-sport');
}

/** Our document for the first-paint comparison: version, country and the three events only. */
export function bakuDoc() {
  return { version: 1, country: { code: 'AZE', name: 'Azerbaijan' }, hosted: bakuEvents() };
}

/** mulberry32: a small seeded PRNG, so generated data is the same every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unused 3-capital-letter codes, in a fixed order (AAA, AAB, ... skipping codes in `taken`). */
function* freshCodes(taken) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const x of A) for (const y of A) for (const z of A) {
    const c = x + y + z;
    if (!taken.has(c)) yield c;
  }
}

/**
 * The default document with its medal table grown to `rows` rows: the real
 * 92 rows plus synthetic NOC-like rows (unique codes, ranked). `counts`:
 * 'zero' gives every synthetic row 0/0/0 (the 206-row interaction table),
 * 'random' small seeded counts (the scale tables, so ranking has real work).
 * Every `rank` field is dropped.
 */
export function tableDoc(rows, counts = 'zero') {
  const doc = realDoc();
  const table = doc.table.map(({ rank, ...r }) => r); // eslint-disable-line no-unused-vars
  if (rows < table.length) throw new Error(`tableDoc: ${rows} < ${table.length} real rows`);
  const codes = freshCodes(new Set(table.map((r) => r.code)));
  const rnd = prng(rows);
  let i = 0;
  while (table.length < rows) {
    const code = codes.next().value;
    const [g, s, b] = counts === 'zero' ? [0, 0, 0] : [0, 0, 0].map(() => Math.floor(rnd() * rnd() * 6));
    table.push({ code, name: `Team ${code} ${++i}`, gold: g, silver: s, bronze: b, total: g + s + b });
  }
  doc.table = table;
  return doc;
}

const CITIES = ['Baku', 'Ganja', 'Sumqayit', 'Lankaran', 'Shaki', 'Mingachevir', 'Nakhchivan', 'Quba', 'Shamakhi', 'Gabala'];

/** `n` generated hosted events spread over 1896–2100, half multi-sport. */
export function generatedEvents(n) {
  const rnd = prng(1000 + n);
  const day = 86_400_000;
  const lo = Date.UTC(1896, 0, 1);
  const hi = Date.UTC(2100, 11, 1); // leaves room for `end` within 2100
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const events = [];
  for (let i = 0; i < n; i++) {
    const start = lo + Math.floor(rnd() * ((hi - lo) / day)) * day;
    const end = start + Math.floor(rnd() * 21) * day;
    const city = CITIES[i % CITIES.length];
    const year = new Date(start).getUTCFullYear();
    const multi = i % 2 === 0;
    events.push({
      id: `gen-${String(i + 1).padStart(5, '0')}`,
      name: `${year} ${multi ? 'Multi-sport Games' : 'Championship'} no. ${i + 1} in ${city}`,
      year,
      city,
      start: iso(start),
      end: iso(end),
      category: multi ? 'multi-sport' : 'other',
      summary: `Generated event ${i + 1} for the benchmark: ${city}, ${iso(start)} to ${iso(end)}.`,
    });
  }
  return events;
}

/** Our document for the timeline scale runs. */
export function eventsDoc(n) {
  return { version: 1, country: { code: 'AZE', name: 'Azerbaijan' }, hosted: generatedEvents(n) };
}

/** JSON safe inside <script>: no `</script>` or `<!--` can appear. */
function inlineJson(doc) {
  return JSON.stringify(doc).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const HEAD = (title) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">`;

/**
 * Our widget: dist/embed.js (the embed layer's loader) and one
 * <medal-summary> with inline data. `loader` is 'embed' (dist/embed.js) or
 * 'trunk' (the wasm-bindgen module trunk emits, for builds without embed.js).
 * `base`: where the build is served from (another build, for --compare).
 */
export function oursPage(doc, view, { loader = 'embed', title = 'medal-summary benchmark', base = '' } = {}) {
  const script = loader === 'embed'
    ? `<script type="module" src="${base}/embed.js"></script>`
    : `<script type="module">import init from '/medal-summary.js'; init({ module_or_path: '/medal-summary_bg.wasm' });</script>`;
  return `${HEAD(title)}
${script}
<style>body{margin:0;padding:16px;font-family:system-ui,sans-serif}</style>
</head>
<body>
<main>
<medal-summary view="${view}"><script type="application/json">${inlineJson(doc)}</script></medal-summary>
</main>
</body>
</html>
`;
}

/** A hosted event as a TimelineJS3 slide. */
function tlEvent(e) {
  const date = (s) => { const [year, month, day] = s.split('-').map(Number); return { year, month, day }; };
  return {
    unique_id: e.id,
    start_date: date(e.start),
    end_date: date(e.end),
    text: { headline: e.name, text: e.summary ? `<p>${e.summary}</p>` : '' },
    group: e.category === 'other' ? 'Other events' : undefined,
  };
}

/**
 * TimelineJS3 with the same events, self-hosted: its js and css from
 * /__tljs/, `font: null` (the default, "default", loads PT Sans/PT Serif
 * from Google Fonts), no theme, English (built in, no locale request), no
 * analytics id, no media: nothing leaves localhost.
 */
export function timelinePage(events, { title = 'TimelineJS3 benchmark' } = {}) {
  const data = { events: events.map(tlEvent) };
  const options = { font: null, theme: null, language: 'en', script_path: '/__tljs/js/', hash_bookmark: false, ga_measurement_id: null };
  return `${HEAD(title)}
<link rel="stylesheet" href="/__tljs/css/timeline.css">
<script src="/__tljs/js/timeline.js"></script>
<style>body{margin:0;padding:16px;font-family:system-ui,sans-serif}#timeline{width:100%;height:600px}</style>
</head>
<body>
<main>
<div id="timeline"></div>
</main>
<script>window.timeline = new TL.Timeline('timeline', ${inlineJson(data)}, ${JSON.stringify(options)});</script>
</body>
</html>
`;
}

/**
 * The floor: the three event names as static HTML, no script or stylesheet.
 * Whatever it takes to paint is the harness's fixed cost (fresh context,
 * navigation, first frame), which neither widget can go below.
 */
export function floorPage(events, { title = 'static floor' } = {}) {
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const items = events.map((e) => `<li class="floor-marker">${esc(e.name)} (${esc(e.start)})</li>`).join('\n');
  return `${HEAD(title)}
<style>body{margin:0;padding:16px;font-family:system-ui,sans-serif}</style>
</head>
<body>
<main>
<ol>
${items}
</ol>
</main>
</body>
</html>
`;
}
