# The README's commands. `make run` builds (Release) and serves on http://localhost:8080;
# `make test` builds (optimised, with ASan/UBSan) and runs every test: unit, API on SQLite and
# PostgreSQL, browser, benchmark smoke. Both install what is missing first (scripts/install-deps).

DVLD_DB ?= sqlite:var/dvld.db
DVLD_LISTEN ?= 127.0.0.1:8080
export DVLD_DB DVLD_LISTEN

WEB_SOURCES := $(shell find web/src web/public web/index.html web/package.json web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null)
JOBS ?= $(shell nproc)

.PHONY: run test deps build release ci web web-test bench bench-large bench-micro format clean

run: deps release web/dist/index.html
	build/release/src/dvld init --db "$(DVLD_DB)" --demo
	exec build/release/src/dvld serve --db "$(DVLD_DB)" --listen "$(DVLD_LISTEN)" --web-root web/dist

test: deps ci web/dist/index.html
	ctest --test-dir build/ci --output-on-failure --no-tests=error -j 2 --timeout 1200

deps:
	@scripts/install-deps

release:
	@cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

ci:
	@cmake --preset ci >/dev/null
	cmake --build --preset ci -j $(JOBS)

web/dist/index.html: $(WEB_SOURCES) web/package-lock.json
	cd web && npm run build
	@touch $@

# Benchmarks (bench/README.md): the Google Benchmark micro-benchmarks (bench/micro), then the load
# scenarios: a generated database cached in var/bench/, the ceiling (/api/v1/health) and each
# scenario with wrk, results in bench/results/ and docs/performance.md.
# BENCH_ARGS adds options, e.g. make bench BENCH_ARGS="--db postgres".
BENCH_ARGS ?=
bench: deps release bench-micro
	bench/run --people 1000000 --licenses 800000 --vehicles 200000 --update-docs $(BENCH_ARGS)

bench-large: deps release bench-micro
	bench/run --people 10000000 --licenses 8000000 --vehicles 2000000 --update-docs $(BENCH_ARGS)

bench-micro: release
	cmake --build --preset release -j $(JOBS) --target dvld-micro-bench

format:
	find src tests bench -name '*.h' -o -name '*.cpp' | xargs clang-format -i

clean:
	rm -rf build web/dist
