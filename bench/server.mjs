// The benchmark's one HTTP server: 127.0.0.1, an ephemeral port, started and
// closed by the harness (bench.mjs) itself.
//
//   /                 the release build (dist/): embed.js, the wasm, demo pages
//   /__tljs/...       TimelineJS3 from bench/node_modules (js/, css/)
//   /__bench/NAME     pages and data the harness generates (setPage/setFile)
//   /__compare/...    a second build of the widget (bench.mjs --compare DIR)
//
// Text and wasm responses are gzip-compressed when the browser asks for it
// (as any production host would), the same for both widgets, so "bytes
// transferred" compares what a reader's connection actually carries. Files
// are read once and kept in memory so disk speed does not enter the timings.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { TYPES } from '../scripts/chromium.mjs';

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript)|image\/svg)/;

/**
 * @param {{dist: string, tljs: string, compare?: string}} roots absolute directories
 * @returns {Promise<{url: string, setPage(name: string, body: string|Buffer, type?: string): void,
 *   hits: Map<string, number>, close(): Promise<void>}>}
 */
export async function startServer(roots) {
  const pages = new Map(); // name -> {body, type}
  const cache = new Map(); // absolute file -> {body, gz}
  const hits = new Map();

  async function file(root, rel) {
    let f = path.join(root, path.normalize('/' + rel));
    if (!f.startsWith(root)) return null;
    let st = await stat(f).catch(() => null);
    if (st?.isDirectory()) { f = path.join(f, 'index.html'); st = await stat(f).catch(() => null); }
    if (!st) return null;
    const key = `${f}:${st.mtimeMs}:${st.size}`;
    if (!cache.has(key)) cache.set(key, { body: await readFile(f), type: TYPES[path.extname(f)] || 'application/octet-stream' });
    return cache.get(key);
  }

  function send(req, res, entry) {
    const headers = { 'content-type': entry.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    let body = entry.body;
    if (COMPRESSIBLE.test(entry.type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '') && body.length > 256) {
      entry.gz ??= gzipSync(body, { level: 9 });
      body = entry.gz;
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = http.createServer(async (req, res) => {
    try {
      const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      hits.set(p, (hits.get(p) || 0) + 1);
      let entry = null;
      if (p.startsWith('/__bench/')) entry = pages.get(p.slice('/__bench/'.length)) ?? null;
      else if (p.startsWith('/__tljs/')) entry = await file(roots.tljs, p.slice('/__tljs/'.length));
      else if (p.startsWith('/__compare/') && roots.compare) entry = await file(roots.compare, p.slice('/__compare/'.length));
      else entry = await file(roots.dist, p);
      if (!entry) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      send(req, res, entry);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    setPage(name, body, type = 'text/html; charset=utf-8') {
      pages.set(name, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), type });
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
