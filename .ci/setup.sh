#!/usr/bin/env bash
# Installs what building and testing Kinerja needs, idempotently: the wasm32 target, trunk, the
# wasm-bindgen CLI that matches Cargo.lock, wasm-split-cli, wasm-opt (npm binaryen), Playwright/axe-core (npm) and
# Debian's Chromium and poppler-utils. Nothing is downloaded by Trunk itself (no internet here except package registries).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132   # npm binaryen; must match Trunk.toml [tools] wasm_opt
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first (https://rustup.rs)"; exit 1; }
command -v npm >/dev/null || { echo "npm not found: install Node.js 20 or newer"; exit 1; }

# 1. WebAssembly target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. rustfmt and clippy for `make lint` (components of the installed toolchain)
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  say "adding the rustfmt and clippy components"
  rustup component add rustfmt clippy
fi

# 2. trunk (0.22 needs a newer rustc; built without its TLS/download features)
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes ~8 minutes once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features
fi

# 3. wasm-bindgen CLI: exactly the version in Cargo.lock
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WBG_VERSION"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (takes ~3 minutes once)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --locked
fi
grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml || { echo "Trunk.toml [tools] wasm_bindgen must be $WBG_VERSION"; exit 1; }

# 3b. wasm-split-cli: cuts the pages loaded on demand out of the app's WebAssembly (.ci/bin/wasm-bindgen)
WASM_SPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (takes ~4 minutes once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi

# 4. npm tools: wasm-opt, playwright-core, axe-core (exact versions from package-lock.json)
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (npm ci)"
  npm ci --no-audit --no-fund
fi
wasm-opt --version | grep -q "version $WASM_OPT_VERSION" || { echo "wasm-opt must be version $WASM_OPT_VERSION"; exit 1; }

# 5. Chromium for the end-to-end tests, and pdftotext (poppler-utils) to read printed A4 pages back
if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; then
  say "installing Chromium and poppler-utils (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, wasm-opt $(wasm-opt --version | awk '{print $3}'), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
