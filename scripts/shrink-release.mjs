// Trunk post-build step (scripts/post-build.mjs), release builds only, after
// inline-snippets.mjs:
// makes the JS glue and the wasm's import section smaller without changing
// what either does.
//
// 1. Every import the wasm takes from the glue is named by wasm-bindgen as
//    `__wbg_<js name>_<16 hex digits>`, and each name is written twice: in
//    the wasm's import section and as a key of the glue's import object.
//    The hex digits are random to gzip, so the 200-odd names cost about
//    4 KB gzip. Each is renamed to a short one (`_0`, `_1`, ...) in both
//    files, and so are the import modules (`./medal-summary_bg.js`, the
//    snippets' paths, repeated in the wasm for every import), and so are
//    the closures' entry points the wasm exports, named the same way.
// 2. The glue is minified with terser (68 KB of readable, indented JS), and
//    so are the loaders (embed.js, embed-frame.js; their commented sources
//    stay in www/). A source map next to each (`medal-summary.js.map`, ...,
//    with the readable text inside) is what browser devtools show; readers
//    never fetch it.
//
// A name is only renamed when it appears exactly once in the glue, as an
// object key (or, for an export, a `wasm.` member); anything else is left as
// it was. The result is checked before anything is written: the rewritten
// wasm must compile, and the minified glue, run in node up to the point
// where it instantiates the wasm, must hand over a function for every
// import the wasm asks for. trunk's index.html pins the glue and the wasm
// by hash, so those hashes are recomputed.
//
//   node scripts/shrink-release.mjs [dir]   (default: $TRUNK_STAGING_DIR, else dist)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readName, sections as wasmSections, uleb } from './wasm-sections.mjs';

if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') {
  console.log('shrink-release: debug build, left readable');
  process.exit(0);
}
const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const GLUE = 'medal-summary.js';
const WASM = 'medal-summary_bg.wasm';
const fail = (msg) => { console.error(`shrink-release: ${msg}`); process.exit(1); };
for (const f of [GLUE, WASM]) if (!existsSync(path.join(dir, f))) fail(`no ${f} in ${dir}`);
// Run twice (by hand), it would minify minified code and overwrite each
// source map with a map of it.
const SHRUNK = /\/\/# sourceMappingURL=\S+\.map\s*$/;
if (SHRUNK.test(readFileSync(path.join(dir, GLUE), 'utf8'))) {
  console.log(`shrink-release: ${dir} is already shrunk`);
  process.exit(0);
}

// --- the wasm's sections ---------------------------------------------------
const wasm = readFileSync(path.join(dir, WASM));
function encodeUleb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
const encodeName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encodeUleb(b.length), b]); };

let sections; // { id, head, start, end } of each section
try {
  sections = wasmSections(wasm);
} catch (e) {
  fail(`${WASM}: ${e.message}`);
}
const importSection = sections.find((s) => s.id === 2);
if (!importSection) fail(`${WASM} has no import section`);

// Each import: module name, field name, then its description (copied as is).
const imports = [];
{
  let at = importSection.start;
  let count;
  [count, at] = uleb(wasm, at);
  const name = () => {
    let text;
    [text, at] = readName(wasm, at);
    return text;
  };
  const limits = () => {
    const flags = wasm[at++]; // 1: a maximum; 2: shared; 4: 64-bit; 8: a page size
    if (flags > 15) fail(`unknown limits flags ${flags}`);
    [, at] = uleb(wasm, at);
    if (flags & 1) [, at] = uleb(wasm, at);
    if (flags & 8) [, at] = uleb(wasm, at);
  };
  // A one-byte value or reference type; the GC proposal's typed references
  // (0x63, 0x64 and a heap type) are not expected from wasm-bindgen.
  const valueType = () => {
    const t = wasm[at++];
    if (t === 0x63 || t === 0x64) fail(`import of a typed reference (0x${t.toString(16)}): not supported here`);
  };
  for (let i = 0; i < count; i++) {
    const module = name();
    const field = name();
    const descStart = at;
    const kind = wasm[at++];
    if (kind === 0) [, at] = uleb(wasm, at); // function: type index
    else if (kind === 1) { valueType(); limits(); } // table: reference type, limits
    else if (kind === 2) limits(); // memory
    else if (kind === 3) { valueType(); at++; } // global: value type, mutability
    else if (kind === 4) { at++; [, at] = uleb(wasm, at); } // tag
    else fail(`import ${module}.${field}: unknown kind ${kind}`);
    imports.push({ module, field, desc: wasm.subarray(descStart, at) });
  }
  if (at !== importSection.end) fail('the import section did not parse to its end');
}

// --- new names, where the glue allows them ----------------------------------
let glue = readFileSync(path.join(dir, GLUE), 'utf8');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (re) => (glue.match(re) || []).length;

let next = 0; // the next short name, shared by modules, fields and exports
/** The next `_<base 36>` name not yet in the glue. */
const freshName = () => {
  let short;
  do short = `_${(next++).toString(36)}`; while (glue.includes(short));
  return short;
};
const moduleNames = new Map();
for (const m of new Set(imports.map((i) => i.module))) {
  const literal = new RegExp(`(["'])${escape(m)}\\1(?=\\s*:)`, 'g');
  // Every mention must be an import-object key; the snippets' paths may be
  // keys more than once (two wasm-bindgen import objects for one module).
  if (count(literal) === 0 || count(new RegExp(escape(m), 'g')) !== count(literal)) continue;
  let short;
  do short = (next++).toString(36); while (new RegExp(`["']${short}["']`).test(glue));
  moduleNames.set(m, short);
  glue = glue.replace(literal, `"${short}"`);
}

const fieldNames = new Map();
for (const { field } of imports) {
  if (fieldNames.has(field) || !/^[A-Za-z_$][\w$]*$/.test(field) || field.length <= 3) continue;
  const word = new RegExp(`(?<![\\w$])${escape(field)}(?![\\w$])`, 'g');
  const key = new RegExp(`(?<![\\w$.])${escape(field)}(?=\\s*:)`, 'g');
  if (count(word) !== 1 || count(key) !== 1) continue;
  const short = freshName();
  fieldNames.set(field, short);
  glue = glue.replace(key, short);
}

// The closures' entry points are exports named the same way
// (`wasm_bindgen__convert__closures_____invoke__h<16 hex digits>`), each
// called once from the glue as `wasm.<name>` (from a JS function of the same
// name, which terser renames anyway).
const exportSection = sections.find((s) => s.id === 7);
const exports = [];
if (exportSection) {
  let at = exportSection.start;
  let n;
  [n, at] = uleb(wasm, at);
  for (let i = 0; i < n; i++) {
    let name;
    [name, at] = readName(wasm, at);
    const descStart = at;
    at++;
    [, at] = uleb(wasm, at);
    exports.push({ name, desc: wasm.subarray(descStart, at) });
  }
  if (at !== exportSection.end) fail('the export section did not parse to its end');
}
const exportNames = new Map();
for (const { name } of exports) {
  if (!/_h[0-9a-f]{16}$/.test(name)) continue;
  const member = new RegExp(`\\.${escape(name)}(?![\\w$])`, 'g');
  if (count(member) !== 1) continue;
  const short = freshName();
  exportNames.set(name, short);
  glue = glue.replace(member, `.${short}`);
}

// --- the wasm, with the import and export sections rewritten ---------------
const section = (id, entries) => {
  const payload = Buffer.concat([encodeUleb(entries.length), ...entries]);
  return Buffer.concat([Buffer.from([id]), encodeUleb(payload.length), payload]);
};
const rewritten = new Map([
  [importSection, section(2, imports.map(({ module, field, desc }) => Buffer.concat([
    encodeName(moduleNames.get(module) ?? module),
    encodeName(fieldNames.get(field) ?? field),
    desc,
  ])))],
]);
if (exportSection) {
  rewritten.set(exportSection, section(7, exports.map(({ name, desc }) => Buffer.concat([
    encodeName(exportNames.get(name) ?? name),
    desc,
  ]))));
}
const outWasm = Buffer.concat([
  wasm.subarray(0, 8),
  ...sections.map((s) => rewritten.get(s) ?? wasm.subarray(s.head, s.end)),
]);
let compiled;
try {
  compiled = new WebAssembly.Module(outWasm);
} catch (e) {
  fail(`the rewritten wasm does not compile: ${e.message}`);
}
const exported = new Set(WebAssembly.Module.exports(compiled).map((e) => e.name));
for (const short of exportNames.values()) {
  if (!exported.has(short)) fail(`the rewritten wasm does not export ${short}`);
}

// --- the glue and the loaders, minified ---------------------------------------
const { minify } = await import('terser').catch(() => fail('terser is missing: run scripts/setup.sh serve'));
const shrink = async (file, text) => {
  const out = await minify({ [file]: text }, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    // The element's class keeps its name in devtools.
    keep_classnames: true,
    format: { comments: false },
    sourceMap: { filename: file, url: `${file}.map`, includeSources: true },
  });
  return { file, code: out.code, map: out.map };
};
const min = await shrink(GLUE, glue);

// The proof: the minified glue, run in node, hands WebAssembly.Instance an
// import object with a function at every (module, name) the rewritten wasm
// imports. Instantiation itself is stopped there (no browser to run in).
{
  const probe = path.join(tmpdir(), `medal-summary-glue-${process.pid}-${Date.now()}.mjs`);
  writeFileSync(probe, min.code.replace(SHRUNK, ''));
  const Instance = WebAssembly.Instance;
  let given = null;
  WebAssembly.Instance = function capture(_module, importObject) {
    given = importObject;
    throw new Error('captured');
  };
  try {
    const g = await import(pathToFileURL(probe).href);
    try {
      g.initSync({ module: compiled });
    } catch (e) {
      if (e.message !== 'captured') throw e;
    }
  } catch (e) {
    fail(`the minified glue did not run in node: ${e.message}`);
  } finally {
    WebAssembly.Instance = Instance;
    rmSync(probe, { force: true });
  }
  if (!given) fail('the minified glue never instantiated the wasm');
  const missing = WebAssembly.Module.imports(compiled)
    .filter(({ module, name }) => typeof given[module]?.[name] !== 'function')
    .map(({ module, name }) => `${module}.${name}`);
  if (missing.length) fail(`the minified glue does not provide ${missing.join(', ')}`);
}

const outputs = [min];
for (const file of ['embed.js', 'embed-frame.js']) {
  const f = path.join(dir, file);
  if (existsSync(f)) outputs.push(await shrink(file, readFileSync(f, 'utf8')));
}
for (const { file, code, map } of outputs) {
  writeFileSync(path.join(dir, file), code);
  writeFileSync(path.join(dir, `${file}.map`), map);
}
writeFileSync(path.join(dir, WASM), outWasm);
const loaders = outputs.slice(1).map((o) => `${o.file} -> ${Buffer.byteLength(o.code)}`);

// trunk's own page pins both files by hash: every <link> to one that has
// an integrity attribute gets the new hash, whatever its attribute order.
const index = path.join(dir, 'index.html');
if (existsSync(index)) {
  const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;
  let html = readFileSync(index, 'utf8');
  for (const [file, body] of [[GLUE, min.code], [WASM, outWasm]]) {
    const hash = sri(body);
    const href = new RegExp(`\\bhref=(["'])[^"']*\\b${escape(file)}\\1`);
    html = html.replace(/<link\b[^>]*>/g, (tag) => (href.test(tag)
      ? tag.replace(/\bintegrity=(["'])[^"']*\1/, `integrity="${hash}"`)
      : tag));
    const stale = (html.match(/<link\b[^>]*>/g) || [])
      .filter((tag) => href.test(tag) && /\bintegrity=/.test(tag) && !tag.includes(hash));
    if (stale.length) fail(`index.html: could not update the integrity of ${stale.join(' ')}`);
  }
  writeFileSync(index, html);
}
const kept = imports.filter((i) => !fieldNames.has(i.field)).map((i) => i.field);
console.log(`shrink-release: ${fieldNames.size} of ${imports.length} imports, ${moduleNames.size} modules and ${exportNames.size} exports renamed`
  + ` (kept: ${[...new Set(kept)].join(', ') || 'none'}); glue ${Buffer.byteLength(glue)} -> ${Buffer.byteLength(min.code)} bytes, wasm ${wasm.length} -> ${outWasm.length}; ${loaders.join(', ')}`);
