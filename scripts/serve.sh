#!/usr/bin/env bash
# Installs whatever is missing (scripts/setup.sh serve), then serves the widget
# with `trunk serve` (rebuilds on change) at http://127.0.0.1:8080/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=setup.sh
source scripts/setup.sh
setup_serve
echo "serving the widget at http://127.0.0.1:${PORT:-8080}/ (demo pages under /demo/)"
exec trunk serve --port "${PORT:-8080}" "$@"
