#!/usr/bin/env bash
# Optional smallest release build: nightly Rust rebuilding std with the
# `immediate-abort` panic strategy (no panic messages or unwinding code in
# the wasm). Output in dist-min/; compare with `node scripts/size.mjs dist-min`.
# Not part of the default build: it needs the nightly toolchain and rust-src.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
source scripts/setup.sh
setup_serve
grep -q '^nightly' <<<"$(rustup toolchain list)" || rustup toolchain install nightly --profile minimal
rustup component add rust-src --toolchain nightly >/dev/null
rustup target add wasm32-unknown-unknown --toolchain nightly >/dev/null
export RUSTUP_TOOLCHAIN=nightly CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_TARGET_DIR="$ROOT/target/min"
# trunk builds offline: std's own dependencies must be in cargo's cache first.
cargo fetch --target wasm32-unknown-unknown
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  trunk build --release --dist dist-min
node scripts/size.mjs dist-min
