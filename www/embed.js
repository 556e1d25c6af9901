// medal-summary loader: the one script a news page includes.
//
//   <link rel="stylesheet" href="https://example.org/medal-summary/embed.css">
//   <script type="module" src="https://example.org/medal-summary/embed.js"></script>
//   <medal-summary src="https://example.org/data/aze-paris2024.json"></medal-summary>
//
// It reserves the widgets' boxes (embed.css, added here if the page forgot
// it), then loads the WebAssembly build next to this file, which defines
// <medal-summary>. Including it twice, or from two URLs, is harmless: the
// first copy to run does the work and the others return its promise.
const KEY = Symbol.for('medal-summary.loader');

function reserveBoxes() {
  const css = new URL('./embed.css', import.meta.url).href;
  const present = [...document.querySelectorAll('link[rel~="stylesheet"]')].some((l) => l.href === css);
  if (!present) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    document.head.append(link);
  }
  // The `height` attribute, applied before the widget code arrives (CSSOM
  // writes are allowed by a strict style-src; a style attribute is not).
  for (const el of document.querySelectorAll('medal-summary[height]')) {
    const h = el.getAttribute('height').trim();
    const m = /^(\d+(?:\.\d+)?)(px|rem|em|vh|svh|dvh)?$/.exec(h);
    if (m && Number(m[1]) > 0) el.style.setProperty('--ms-height', m[2] ? h : `${m[1]}px`);
  }
}

// A later task (scheduler.yield() keeps the page's task priority).
const nextTask = () => (globalThis.scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

const lazy = (h) => (h.getAttribute('loading') || '').trim().toLowerCase() === 'lazy';

// Resolves when a widget comes within a screen of the viewport (the margin
// the element itself uses, src/embed/element.rs) or one that is not lazy
// appears, or a lazy one stops being lazy.
function near() {
  return new Promise((resolve) => {
    const done = () => { io.disconnect(); mo.disconnect(); resolve(); };
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) done();
    }, { rootMargin: '100% 0px' });
    const check = () => {
      for (const h of document.querySelectorAll('medal-summary')) {
        if (!lazy(h)) return done();
        io.observe(h);
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['loading'] });
    check();
  });
}

async function start() {
  reserveBoxes();
  // Already defined by another copy of the build (e.g. trunk's own loader).
  if (customElements.get('medal-summary')) return;
  const hosts = [...document.querySelectorAll('medal-summary')];
  if (hosts.length && hosts.every(lazy) && typeof IntersectionObserver === 'function') {
    // Every widget is `loading="lazy"`: the page pays nothing, not even the
    // download, until the reader scrolls towards one.
    await near();
  } else {
    // The page's first frame goes out before the widget's downloads and
    // start-up compete with it for the network and the CPU. Prerendered
    // widgets (scripts/prerender.mjs) are in that frame (measured: painted
    // ~30 ms sooner on 2 cores); so is the article's text, whose paint
    // Lighthouse otherwise ties to the wasm download when that starts
    // first (its simulated phone then put LCP at 2.4 s in 1 run of 4).
    // The timer: a hidden tab runs no animation frames.
    await new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, 250);
    });
  }
  // Fetch the wasm while the JS glue loads, instead of after it: the two
  // requests overlap, so the widget paints sooner.
  const wasm = fetch(new URL('./medal-summary_bg.wasm', import.meta.url));
  const { default: init } = await import('./medal-summary.js');
  // Compiled (streaming, off the main thread) in one task, instantiated and
  // started in a later one: together they would be one task long enough to
  // hold up the page's input on a slow phone. A response that is not served
  // as application/wasm goes to wasm-bindgen's own fallback instead.
  const res = await wasm;
  let module = res;
  if (res.ok && (res.headers.get('content-type') || '').split(';')[0].trim() === 'application/wasm') {
    module = await WebAssembly.compileStreaming(res);
    await nextTask();
  }
  // Runs main(), which defines the element in a task of its own.
  await init({ module_or_path: module });
  await customElements.whenDefined('medal-summary');
}

// Where this loader runs from, for the widget's "copy embed code" (the
// first copy to run, like the rest).
const URL_KEY = Symbol.for('medal-summary.loader-url');
if (!globalThis[URL_KEY]) globalThis[URL_KEY] = import.meta.url;
if (!globalThis[KEY]) {
  globalThis[KEY] = start().catch((e) => {
    console.error('medal-summary: could not start', e);
    for (const el of document.querySelectorAll('medal-summary')) el.setAttribute('data-ms-state', 'error');
  });
}

/** Resolves once <medal-summary> is defined (or the build failed to load). */
export default globalThis[KEY];
