#!/usr/bin/env bash
# The benchmark (issue 8): one command, not part of the default test run.
#   bench/run.sh                 full run (~6 minutes on 2 cores), results in bench/results/latest.json
#   bench/run.sh --quick         development run (few rounds)
#   bench/run.sh --no-build ...  reuse the existing dist/ (skip trunk build --release)
# Other options go to bench/bench.mjs (--only paint,interaction,reader,scale,lighthouse,compare,
# --rounds N, --reps N, --reader-rounds N, --scale-rounds N, --lh-runs N, --compare DIR;
# --help lists them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
T0=$SECONDS

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,8p' "$ROOT/bench/run.sh" | sed 's/^# \{0,1\}//'; echo; exec node bench/bench.mjs --help ;;
    *) args+=("$a") ;;
  esac
done

# Tools on PATH (trunk, wasm-bindgen, wasm-opt), Debian's Chromium, the e2e packages.
# shellcheck source=../scripts/setup.sh
source scripts/setup.sh
setup_test

# The benchmark's own npm packages (TimelineJS3, Lighthouse 12, playwright-core),
# kept out of the root package.json so the default test run never installs them.
want=$(sha256sum bench/package-lock.json | cut -c1-16)
have=$(cat bench/node_modules/.bench-lock 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  printf '\033[1m[bench]\033[0m npm ci in bench/\n' >&2
  (cd bench && npm ci --silent --no-audit --no-fund && echo "$want" > node_modules/.bench-lock)
fi

if [ "$build" = 1 ]; then
  printf '\033[1m[bench]\033[0m trunk build --release\n' >&2
  trunk build --release
fi

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"  # for Lighthouse's chrome-launcher
node bench/bench.mjs ${args[@]+"${args[@]}"}
echo "bench/run.sh took $((SECONDS - T0))s"
