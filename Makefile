# The README's commands. `make run` builds (Release) and serves on http://localhost:8080;
# `make test` builds (optimised, with ASan/UBSan) and runs every test: unit, API on SQLite and
# PostgreSQL, browser. Both install what is missing first (scripts/install-deps).

DVLD_DB ?= sqlite:var/dvld.db
DVLD_LISTEN ?= 127.0.0.1:8080
export DVLD_DB DVLD_LISTEN

WEB_SOURCES := $(shell find web/src web/public web/index.html web/package.json web/vite.config.ts web/tsconfig*.json -type f 2>/dev/null)
JOBS ?= $(shell nproc)

.PHONY: run test deps build release ci web web-test bench format clean

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

# Micro-benchmarks (bench/micro/README.md): built only on request, then run.
bench: deps release
	cmake --build --preset release --target dvld-micro-bench -j $(JOBS)
	build/release/bench/micro/dvld-micro-bench

format:
	find src tests bench -name '*.h' -o -name '*.cpp' | xargs clang-format -i

clean:
	rm -rf build web/dist
