// A small static server for the built site (dist/) plus scripted responses
// under /scenario/* that the end-to-end suite uses to exercise fetching:
// 200 with ETag/Last-Modified (and 304 on a match), 404, 500, slow, non-JSON,
// invalid data, truncated bodies, and a mutable file for live refresh.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { TYPES } from '../../scripts/chromium.mjs';


/**
 * Starts the server on an ephemeral port of 127.0.0.1.
 * @param {string} root directory to serve (the trunk build)
 * @returns {Promise<{url: string, close: () => Promise<void>, state: object}>}
 */
export async function startServer(root) {
  // `state.live` is the body of /scenario/live.json; tests replace it to simulate an update.
  const state = { live: null, liveModified: new Date('2024-08-11T20:00:00Z'), hits: {}, headers: {} };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const p = decodeURIComponent(url.pathname);
    state.hits[p] = (state.hits[p] || 0) + 1;
    state.headers[p] = req.headers;
    try {
      if (p.startsWith('/scenario/')) return await scenario(p.slice('/scenario/'.length), req, res, state, root);
      let file = path.join(root, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      let st = await stat(file).catch(() => null);
      if (st && st.isDirectory()) { file = path.join(file, 'index.html'); st = await stat(file).catch(() => null); }
      if (!st) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      // As a host of the widget for other sites must: module scripts and
      // the wasm are fetched with CORS from a page on another origin.
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
      res.end(await readFile(file));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

async function scenario(name, req, res, state, root) {
  const json = { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' };
  const good = () => readFile(path.join(root, 'data', 'aze-paris2024.json'), 'utf8');
  switch (name.replace(/\?.*$/, '')) {
    case 'ok.json': return res.writeHead(200, json).end(await good());
    case 'live.json': {
      const body = state.live ?? await good();
      const etag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 16) + '"';
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag, ...json }).end();
      return res.writeHead(200, { ...json, etag, 'last-modified': state.liveModified.toUTCString(), 'cache-control': 'no-cache' }).end(body);
    }
    case 'not-found.json': return res.writeHead(404, { 'content-type': 'text/plain' }).end('no such file');
    case 'server-error.json': return res.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
    case 'slow.json': {
      // Longer than the widget's fetch timeout; the timer is cleared if the client gives up.
      const t = setTimeout(async () => res.writeHead(200, json).end(await good()), 20_000);
      req.on('close', () => clearTimeout(t));
      return;
    }
    case 'not-json.json': return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Gateway says hi</p>');
    case 'invalid.json': {
      const doc = JSON.parse(await good());
      doc.table[12].gold = -3;
      return res.writeHead(200, json).end(JSON.stringify(doc));
    }
    case 'truncated.json': {
      const body = await good();
      return res.writeHead(200, json).end(body.slice(0, Math.floor(body.length / 2)));
    }
    case 'page': return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(scenarioPage(req));
    default: return res.writeHead(404).end();
  }
}

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// /scenario/page?src=A&src=B[&refresh=N][&twice]: a test page with one
// <medal-summary id="wN"> per `src`, loaded through /embed.js (included a
// second time from another URL with `twice`). Every load/error event is
// recorded in window.__events.
function scenarioPage(req) {
  const q = new URL(req.url, 'http://x').searchParams;
  const refresh = q.get('refresh');
  const widgets = q.getAll('src').map((src, i) =>
    `<medal-summary id="w${i}" src="${escapeAttr(src)}"${refresh ? ` refresh="${escapeAttr(refresh)}"` : ''}></medal-summary>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>scenario</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/embed.css">
<script>
  window.__events = [];
  for (const t of ['medal-summary-load', 'medal-summary-error'])
    document.addEventListener(t, (e) => window.__events.push({ type: e.type, id: e.target.id, detail: e.detail }));
</script>
<script type="module" src="/embed.js"></script>
${q.has('twice') ? '<script type="module" src="/embed.js?twice"></script>' : ''}
</head><body><main><h1>Scenario</h1>
${widgets.join('\n')}
</main></body></html>`;
}
