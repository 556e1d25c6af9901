// Trunk's post-build hook. Trunk runs the hooks of one stage side by side,
// and both steps rewrite the glue, so they run here one after the other:
// inline-snippets.mjs (the snippet modules folded into the glue), then
// shrink-release.mjs (short import names, the glue and the loaders
// minified; release only).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

for (const step of ['inline-snippets.mjs', 'shrink-release.mjs']) {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL(step, import.meta.url)), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
