// The iframe page (embed.html): builds one <medal-summary> from the query
// string and tells the embedding page how tall it is, so a site that cannot
// allow WebAssembly (or any third-party script) still gets the widget.
//
//   embed.html?src=data/aze-paris2024.json&lang=fr&view=table&ranking=total&theme=dark&height=640
//
// Messages to the parent: {type:'medal-summary:height', height} whenever the
// height changes, and {type:'medal-summary:load'|'medal-summary:error', detail}.
import './embed.js';

const params = new URLSearchParams(location.search);
const el = document.createElement('medal-summary');
el.id = 'widget';
for (const name of ['src', 'lang', 'view', 'ranking', 'theme', 'refresh', 'height']) {
  const v = params.get(name);
  if (v !== null && v !== '') el.setAttribute(name, v);
}
if (!el.hasAttribute('src')) el.setAttribute('src', 'data/aze-paris2024.json');
document.getElementById('frame').append(el);

let last = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'medal-summary:height', height }, '*');
}
new ResizeObserver(postHeight).observe(document.documentElement);
for (const type of ['medal-summary-load', 'medal-summary-error']) {
  el.addEventListener(type, (e) => {
    // Only structured-clonable data crosses: the detail is plain objects.
    if (window.parent !== window) window.parent.postMessage({ type: type.replace('medal-summary-', 'medal-summary:'), detail: e.detail }, '*');
    postHeight();
  });
}
postHeight();
