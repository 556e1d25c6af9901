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

async function start() {
  reserveBoxes();
  // Already defined by another copy of the build (e.g. trunk's own loader).
  if (customElements.get('medal-summary')) return;
  // Prerendered widgets (scripts/prerender.mjs) are on screen already: let
  // that first frame go out before compiling and starting the wasm competes
  // with it for the CPU (measured: painted ~30 ms sooner on 2 cores).
  const hosts = [...document.querySelectorAll('medal-summary')];
  if (hosts.length && hosts.every((h) => h.shadowRoot)) {
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
  // Runs main(), which defines the element.
  await init({ module_or_path: wasm });
}

if (!globalThis[KEY]) {
  globalThis[KEY] = start().catch((e) => {
    console.error('medal-summary: could not start', e);
    for (const el of document.querySelectorAll('medal-summary')) el.setAttribute('data-ms-state', 'error');
  });
}

/** Resolves once <medal-summary> is defined (or the build failed to load). */
export default globalThis[KEY];
