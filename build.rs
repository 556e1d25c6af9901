//! Build script: the shadow root's stylesheet for `embed::STYLE`, with its
//! comments and runs of whitespace taken out. The wasm carries it and every
//! prerendered snapshot inlines it, so the comments (a quarter of the
//! bytes) are worth leaving in the sources only. Also the wasm's stack size.

use std::{env, fs, path::Path};

/// The wasm's shadow stack, in bytes (Rust's wasm32 default is 1 MiB,
/// placed first in linear memory). Measured peak: 13.4 KB (the real dataset
/// in every view and language, 10,000 rows, 1,000 events, the invalid
/// corpus, nesting at the parsers' limit); 128 KiB keeps a 9x margin and
/// takes 896 KiB off every page's memory. tests/e2e/memory.test.mjs holds
/// the peak under a quarter of it. Set here rather than in RUSTFLAGS, which
/// any caller's own RUSTFLAGS would replace.
const WASM_STACK: u32 = 128 * 1024;

/// The stylesheet's parts, in cascade order.
const PARTS: [&str; 3] = ["src/embed/shadow.css", "www/widget.css", "www/timeline.css"];

fn main() {
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        // The binary and every test binary (the browser tests run with it).
        println!("cargo:rustc-link-arg=-zstack-size={WASM_STACK}");
    }
    let mut out = String::new();
    for part in PARTS {
        println!("cargo:rerun-if-changed={part}");
        let css = fs::read_to_string(part).unwrap_or_else(|e| panic!("reading {part}: {e}"));
        out.push_str(&minify(&css));
        out.push('\n');
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("style.css");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("writing {}: {e}", dest.display()));
}

/// `css` without comments; each run of whitespace becomes one space, or
/// none next to `{`, `}` and `;`, after `:`, `,` and `>`, or before `!`
/// and `>`. Strings are copied as they are. (No selector has a space after
/// a colon or a comma; `>` is a combinator or a range comparison, both
/// whole without spaces. tests/e2e/css.test.mjs checks that the result
/// parses to the same rules as the sources.)
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for d in chars.by_ref() {
                    if prev == '*' && d == '/' {
                        break;
                    }
                    prev = d;
                }
                // A comment separates tokens as whitespace does.
                space = true;
            }
            '"' | '\'' => {
                separate(&mut out, &mut space, c);
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                separate(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space before `next`, unless punctuation makes it moot.
fn separate(out: &mut String, space: &mut bool, next: char) {
    let moot_after = |c: char| matches!(c, '{' | '}' | ';' | ':' | ',' | '>');
    let moot_before = |c: char| matches!(c, '{' | '}' | ';' | '!' | '>');
    if *space && !moot_before(next) && out.chars().next_back().is_some_and(|c| !moot_after(c)) {
        out.push(' ');
    }
    *space = false;
}
