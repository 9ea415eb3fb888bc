# Kinerja: the two everyday commands are `make serve` and `make test`.
# Every target installs what it needs first (see .ci/setup.sh); running it again is cheap.

# .ci/bin comes first: its wasm-bindgen cuts the pages loaded on demand out of the app before the real one runs.
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/.ci/bin:$(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080

.PHONY: setup serve test lint test-native test-e2e build dist bench clean

## Install the toolchain (idempotent).
setup:
	@.ci/setup.sh

## Serve the app with the embedded data on http://127.0.0.1:$(PORT)/
serve: setup
	trunk serve --release --no-autoreload --port $(PORT)

## Run every test: formatting and lints, native unit and dataset tests, then end-to-end tests in headless Chromium.
test: setup lint test-native build test-e2e

## Formatting (rustfmt.toml) and clippy with warnings as errors, for the native build and the WebAssembly.
lint:
	cargo fmt --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --lib --bin kinerja --target wasm32-unknown-unknown --locked -- -D warnings

test-native:
	cargo test --locked

build:
	trunk build --release --locked

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## Build dist/ for a static host. The same files work at the site root or under any sub-path,
## e.g. copy dist/* to https://maluku.kpu.go.id/kinerja/
## PUBLISH=<folder> publishes that folder's exported *.json files in the public view (dist/data/)
## instead of the built-in 2024 dataset.
dist: setup
	PUBLISH="$(if $(PUBLISH),$(abspath $(PUBLISH)),)" trunk build --release --locked
	@echo "dist/ is ready: copy its contents to the web server folder (for example /var/www/html/kinerja/)."

## Benchmark at province and national scale (release build, headless Chromium); see README.
bench: setup build
	mkdir -p tests/bench/.data
	cargo run --release --locked --bin generate -- --offices 12 --seed 1 --out tests/bench/.data/province.json
	cargo run --release --locked --bin generate -- --offices 552 --seed 1 --out tests/bench/.data/national.json
	cargo run --release --locked --bin generate -- --offices 12 --seed 1 --year 2016 --years 10 --measured --compact --out tests/bench/.data/ten-years.json
	cd tests/bench/trivial && trunk build --release --locked
	node tests/bench/bench.mjs

clean:
	cargo clean
	rm -rf dist
