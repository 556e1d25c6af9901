// Reading a wasm binary's top level: LEB128 numbers and the list of
// sections. Shared by scripts/shrink-release.mjs (which rewrites two
// sections) and tests/e2e/memory.test.mjs (which reads the data's offset).

/** The unsigned LEB128 number at `at` in `buf`, and the offset after it. */
export function uleb(buf, at) {
  let n = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at++];
    n += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [n, at];
}

/** The length-prefixed UTF-8 name at `at` in `buf`, and the offset after it. */
export function readName(buf, at) {
  const [len, from] = uleb(buf, at);
  return [buf.toString('utf8', from, from + len), from + len];
}

/**
 * The module's sections in order: `id`, `head` (where the section starts),
 * `start` and `end` (its payload). Throws if `wasm` is not a wasm module.
 */
export function sections(wasm) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const out = [];
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, body] = uleb(wasm, at + 1);
    out.push({ id, head: at, start: body, end: body + size });
    at = body + size;
  }
  return out;
}
