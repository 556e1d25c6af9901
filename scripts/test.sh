#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh test), then runs every test:
# fmt, clippy (native + wasm), native cargo tests, browser tests in headless
# Chromium and Firefox, the release build with its size line, and the
# end-to-end suite (playwright-core + axe-core) against the built site.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
source scripts/setup.sh
setup_test

LOG_DIR="$ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log
passed=0 failed=0
T0=$SECONDS

step() { # name, command...
  local name=$1; shift
  local t=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$name"
  if "$@" 2>&1 | tee "$LOG_DIR/$name.log"; then
    printf '\033[1m== %s: ok (%ss)\033[0m\n' "$name" $((SECONDS - t))
  else
    printf '\033[1;31m== %s: FAILED (%ss)\033[0m\n' "$name" $((SECONDS - t))
    count
    echo "tests: $passed passed, $((failed > 0 ? failed : 1)) failed"
    exit 1
  fi
}

# Adds up the runners' own summary lines (cargo: "test result: ... N passed; M failed", node: "# pass N" / "# fail N").
count() {
  read -r passed failed < <(cat "$LOG_DIR"/*.log 2>/dev/null | awk '
    /^test result: / { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed;/) p += $i; if ($(i+1) ~ /^failed;/) f += $i } }
    /^(ℹ|#) pass [0-9]+$/ { p += $3 }
    /^(ℹ|#) fail [0-9]+$/ { f += $3 }
    END { print p + 0, f + 0 }')
}

export WASM_BINDGEN_TEST_TIMEOUT=180
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

step fmt cargo fmt --all -- --check
step clippy-native cargo clippy --all-targets -- -D warnings
step clippy-wasm cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step native cargo test
step chromium env -u GECKODRIVER CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test 'browser_*'
step firefox env -u CHROMEDRIVER GECKODRIVER="$MEDAL_TOOLS/bin/geckodriver" \
  cargo test --target wasm32-unknown-unknown --test 'browser_*'
step build trunk build --release
step size node scripts/size.mjs dist
step e2e node --test --test-concurrency=1 --test-reporter=spec tests/e2e/

count
echo
echo "all layers ran in $((SECONDS - T0))s: fmt, clippy (native, wasm), native, chromium, firefox, release build, size, e2e"
echo "tests: $passed passed, $failed failed"
