// Prints what a page loads for the widget (wasm + js + css of the built site)
// gzip -9 and brotli, and fails when the gzip total passes the budget in
// size-budget.json, so a size regression cannot slip through unnoticed.
//   node scripts/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] || 'dist');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const budget = JSON.parse(readFileSync(path.join(root, 'size-budget.json'), 'utf8'));

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    // Every level: wasm-bindgen's snippets/<crate-hash>/*.js sit two deep.
    if (statSync(p).isDirectory()) { walk(p); continue; }
    if (/\.(wasm|js|css)$/.test(name)) files.push(p);
  }
})(dist);
files.sort();

let raw = 0, gz = 0, br = 0;
const parts = [];
for (const f of files) {
  const buf = readFileSync(f);
  const g = zlib.gzipSync(buf, { level: 9 }).length;
  const b = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += buf.length; gz += g; br += b;
  parts.push(`${path.relative(dist, f)}=${g}`);
}
console.log(`size: ${gz} bytes gzip -9, ${br} brotli, ${raw} raw (wasm+js+css): ${parts.join(' ')}`);
if (files.length === 0) { console.error('size: no wasm/js/css in', dist); process.exit(1); }
if (gz > budget.gzip_bytes) {
  console.error(`size: OVER BUDGET: ${gz} > ${budget.gzip_bytes} bytes gzip (size-budget.json)`);
  process.exit(1);
}
console.log(`size: within budget (${gz} <= ${budget.gzip_bytes} bytes gzip, ${budget.gzip_bytes - gz} to spare)`);
