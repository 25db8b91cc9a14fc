# sayso — `make serve` builds and serves the app; `make test` runs every test.
# Both install what they need first (scripts/setup), skipping what is already there.
SHELL := /bin/bash
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
JOBS ?= 2
WASM := wasm32-unknown-unknown
E2E_DIST := target/e2e-dist

.PHONY: serve test setup setup-test build lint test-native test-browser test-e2e eval bench bench-browser bench-compromise clean

## Build the app in release mode and serve it on http://127.0.0.1:8080
serve: setup
	@echo "sayso: building, then serving at http://127.0.0.1:8080"
	trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080

## Run every test: formatting, lints (host and wasm32), native, browser and end-to-end tests.
test: setup-test lint test-native test-browser test-e2e
	@echo "sayso: all tests passed"

setup:
	scripts/setup

setup-test:
	scripts/setup test

build: setup
	trunk build --release

lint:
	cargo fmt --all -- --check
	scripts/check-purity
	cargo clippy -j $(JOBS) --all-targets -- -D warnings
	cargo clippy -j $(JOBS) --all-targets --target $(WASM) -- -D warnings

test-native:
	cargo test -j $(JOBS)

test-browser:
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
	  cargo test -j $(JOBS) --target $(WASM) --test browser

test-e2e:
	trunk build --release --dist $(E2E_DIST)
	SAYSO_DIST=$(E2E_DIST) cargo test -j $(JOBS) --test e2e -- --ignored --test-threads=1

## Benchmarks: print figures, assert no timings.
# Real articles too, when the evaluation data sits beside the repository (read at run time only).
EVAL_NEWS ?= ../shared/eval/polnear_train.jsonl
bench:
	cargo run --profile native -j $(JOBS) --bin sayso-bench
	@if [ -f $(EVAL_NEWS) ]; then target/native/sayso-bench --jsonl $(EVAL_NEWS); fi
	@echo "stages (generated news, 2 MB):"; target/native/sayso-bench --stages

bench-browser:
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=600 \
	  cargo test --release -j $(JOBS) --target $(WASM) --test bench_browser -- --nocapture

## sayso's engine against npm compromise + compromise-dates, MB/s in the same headless Chromium.
bench-compromise:
	scripts/setup bench
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=1200 \
	  cargo test --release -j $(JOBS) --target $(WASM) --features bench-compromise \
	  --test bench_compromise -- --nocapture

## Accuracy on ../shared/eval (measuring only).
eval:
	scripts/eval

clean:
	cargo clean
	rm -rf dist $(E2E_DIST)
