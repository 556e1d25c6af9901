#!/usr/bin/env bash
# Installs whatever the project needs and is missing, then puts it first on PATH.
# Idempotent: a second run only checks versions (seconds). Source it or run it:
#   scripts/setup.sh serve   -> what `trunk serve` needs
#   scripts/setup.sh test    -> that plus browsers, drivers and the e2e npm packages
# Tools go to $MEDAL_TOOLS (default ~/.cache/medal-summary), outside the repo,
# so a fresh clone on the same machine reuses them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEDAL_TOOLS="${MEDAL_TOOLS:-$HOME/.cache/medal-summary}"
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132.0.0
export MEDAL_TOOLS
export PATH="$MEDAL_TOOLS/bin:$MEDAL_TOOLS/npm/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_crates() {
  # Trunk builds with --offline (offline = true), so every crate must be fetched first.
  (cd "$ROOT" && cargo fetch --quiet)
}

ensure_wasm_target() {
  # Each list is read whole before grep sees it (here-strings): a pipe
  # into `grep -q` fails under pipefail when grep quits early (SIGPIPE).
  grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)" \
    || { say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
}

ensure_cargo_tool() { # crate version binary [--locked]
  local crate=$1 version=$2 bin=$3 locked=${4:-}
  # The output is read whole before it is matched: `--version | grep -q`
  # under pipefail fails when grep quits at the first match while the tool
  # is still writing (SIGPIPE; geckodriver prints several lines), and the
  # tool was then reinstalled for minutes, now and then.
  local have=""
  if [ -x "$MEDAL_TOOLS/bin/$bin" ]; then have=$("$MEDAL_TOOLS/bin/$bin" --version 2>/dev/null || true); fi
  if [[ "$have" == *"$version"* ]]; then
    return 0
  fi
  say "installing $crate $version (one-off, several minutes on 2 cores)"
  cargo install "$crate" --version "$version" --root "$MEDAL_TOOLS" --force $locked
}

ensure_wasm_bindgen() {
  local want; want=$(wasm_bindgen_version)
  [ -n "$want" ] || { say "no wasm-bindgen in Cargo.lock"; exit 1; }
  # Without --locked: its own lock file names a crate version this registry lacks.
  ensure_cargo_tool wasm-bindgen-cli "$want" wasm-bindgen
  local have; have=$(wasm-bindgen --version | awk '{print $2}')
  if [ "$have" != "$want" ]; then
    say "FATAL: wasm-bindgen on PATH is $have ($(command -v wasm-bindgen)) but Cargo.lock has $want"
    exit 1
  fi
  have=$(wasm-bindgen-test-runner --version | awk '{print $2}')
  if [ "$have" != "$want" ]; then
    say "FATAL: wasm-bindgen-test-runner on PATH is $have but Cargo.lock has $want"
    exit 1
  fi
}

ensure_trunk() { ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked; }

ensure_wasm_opt() {
  # Debian's binaryen is too old for today's Rust wasm; npm's package ships v132.
  if ! grep -q "version 132" <<<"$(wasm-opt --version 2>/dev/null || true)"; then
    say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
    mkdir -p "$MEDAL_TOOLS/npm"
    npm install --silent --no-audit --no-fund --prefix "$MEDAL_TOOLS/npm" "binaryen@$BINARYEN_VERSION"
  fi
}

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_browsers() {
  apt_install chromium chromium-driver firefox-esr
  ensure_cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver --locked
}

ensure_node_modules() {
  # The stamp records which package-lock.json node_modules was installed from.
  local want have
  want=$(sha256sum "$ROOT/package-lock.json" | cut -c1-16)
  have=$(cat "$ROOT/node_modules/.medal-lock" 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    say "npm ci (terser and the end-to-end packages)"
    (cd "$ROOT" && npm ci --silent --no-audit --no-fund && echo "$want" > node_modules/.medal-lock)
  fi
}

ensure_components() {
  local installed; installed=$(rustup component list --installed)
  grep -q '^clippy' <<<"$installed" || rustup component add clippy
  grep -q '^rustfmt' <<<"$installed" || rustup component add rustfmt
}

setup_serve() {
  ensure_wasm_target
  ensure_crates
  ensure_wasm_bindgen
  ensure_trunk
  ensure_wasm_opt
  # terser, for the release build's glue and loaders (scripts/shrink-release.mjs).
  ensure_node_modules
}

setup_test() {
  setup_serve
  ensure_components
  ensure_browsers
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-test}" in
    serve) setup_serve ;;
    test) setup_test ;;
    *) echo "usage: scripts/setup.sh serve|test" >&2; exit 2 ;;
  esac
  say "tools ready in $MEDAL_TOOLS"
fi
