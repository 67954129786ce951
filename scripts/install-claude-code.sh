#!/usr/bin/env bash
# Installs one Claude Code release from the npm registry into a cache OUTSIDE the checkout and
# prints the path of its `claude` binary on the last line:
#   $CLAUDE_CODE_CACHE_DIR (default ${XDG_CACHE_HOME:-~/.cache}/claude-code-wingman/claude-code)/VERSION/node_modules/.bin/claude
# The newest tested release is the dev dependency (node_modules/.bin/claude); this is for the
# others (the oldest supported one in CI, a new release being adopted with capture-screens).
# Idempotent and safe to run concurrently (flock). Usage: scripts/install-claude-code.sh VERSION
set -euo pipefail

VERSION="${1:-}"
if [[ ! "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "usage: scripts/install-claude-code.sh VERSION   (e.g. 2.1.197)" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CLAUDE_CODE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/claude-code-wingman/claude-code}"
DIR="$(realpath -m "$CACHE/$VERSION")"
case "$DIR/" in
  "$(realpath "$ROOT")/"*) echo "CLAUDE_CODE_CACHE_DIR must be outside the repository ($DIR)" >&2; exit 2 ;;
esac
mkdir -p "$DIR"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.install.lock"
  flock 9
fi
cd "$DIR"
BIN="$DIR/node_modules/.bin/claude"
have="$("$BIN" --version 2>/dev/null | sed -n 's/^\([0-9.]*\).*/\1/p' || true)"
if [[ "$have" == "$VERSION" ]]; then
  echo "[install-claude-code] $VERSION already installed" >&2
else
  echo "[install-claude-code] installing @anthropic-ai/claude-code@$VERSION" >&2
  [[ -f package.json ]] || printf '{\n  "name": "claude-code-cache",\n  "private": true\n}\n' > package.json
  # Its postinstall copies the platform binary over the placeholder: scripts must run.
  npm install --no-fund --no-audit --loglevel=error --save "@anthropic-ai/claude-code@$VERSION" >&2
  have="$("$BIN" --version | sed -n 's/^\([0-9.]*\).*/\1/p')"
  [[ "$have" == "$VERSION" ]] || { echo "installed claude reports '$have', not $VERSION" >&2; exit 1; }
fi
echo "$BIN"
