// Trunk post-build hook: folds wasm-bindgen's `inline_js` snippet modules
// into medal-summary.js, so the browser loads embed.js -> medal-summary.js +
// wasm, instead of a third round of tiny module requests the glue only
// discovers once it is parsed (about 30-60 ms of first paint on the
// benchmark). Rewrites trunk's index.html to match: the snippets' preload
// links go and the glue's integrity hash is recomputed.
//
//   node scripts/inline-snippets.mjs [dir]   (default: $TRUNK_STAGING_DIR)
//
// A snippet is plain ES module text with `export function|const|let|class`
// declarations; anything else (imports, default exports, re-exports) stops
// the build rather than being inlined wrongly.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const GLUE = 'medal-summary.js';
const gluePath = path.join(dir, GLUE);
const fail = (msg) => { console.error(`inline-snippets: ${msg}`); process.exit(1); };
if (!existsSync(gluePath)) fail(`no ${GLUE} in ${dir}`);

let glue = readFileSync(gluePath, 'utf8');
const IMPORT = /^import\s+(\{[^}]*\}|\*\s+as\s+\w+)\s+from\s+(["'])\.\/(snippets\/[^"']+\.js)\2;?[ \t]*\r?\n/gm;
const modules = new Map(); // relative path -> variable name
const lines = [];
for (const m of glue.matchAll(IMPORT)) {
  const [, what, , rel] = m;
  if (!modules.has(rel)) modules.set(rel, `__snippet${modules.size}`);
  const v = modules.get(rel);
  lines.push(what.startsWith('*')
    ? `const ${what.replace(/^\*\s+as\s+/, '')} = ${v};`
    : `const ${what.replace(/\s+as\s+/g, ': ')} = ${v};`);
}
if (modules.size === 0) {
  if (/\.\/snippets\//.test(glue)) fail(`${GLUE} refers to snippets in a form this script does not know`);
  console.log('inline-snippets: no snippets to inline');
  process.exit(0);
}

const blocks = [];
for (const [rel, v] of modules) {
  const src = readFileSync(path.join(dir, rel), 'utf8');
  if (/^\s*(import\s|export\s+(default|\*|\{))/m.test(src)) fail(`${rel}: only \`export function|const|let|class\` snippets can be inlined`);
  const names = [...src.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm)].map((x) => x[1]);
  if (names.length === 0) fail(`${rel}: no exports found`);
  const body = src.replace(/^export\s+/gm, '');
  blocks.push(`// ${rel}\nconst ${v} = (() => {\n${body}\nreturn { ${names.join(', ')} };\n})();`);
}
glue = blocks.join('\n') + '\n' + lines.join('\n') + '\n' + glue.replace(IMPORT, '');
if (/from\s+["']\.\/snippets\//.test(glue)) fail('a snippet import was left behind');
writeFileSync(gluePath, glue);
rmSync(path.join(dir, 'snippets'), { recursive: true, force: true });

// trunk's own page preloads the snippets and pins the glue by hash.
const index = path.join(dir, 'index.html');
if (existsSync(index)) {
  const sri = `sha384-${createHash('sha384').update(glue).digest('base64')}`;
  let html = readFileSync(index, 'utf8')
    .replace(/<link\b[^>]*\bhref="[^"]*snippets\/[^"]*"[^>]*>\s*/g, '')
    .replace(/(<link\b[^>]*\bhref="[^"]*medal-summary\.js"[^>]*\bintegrity=")[^"]*(")/g, `$1${sri}$2`);
  if (/snippets\//.test(html)) fail('index.html still refers to snippets');
  writeFileSync(index, html);
}
console.log(`inline-snippets: ${modules.size} snippet module(s) folded into ${GLUE}`);
