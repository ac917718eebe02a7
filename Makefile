# The two commands of the README: `make demo` and `make test`.
# Both install missing Debian packages first (scripts/install-deps.sh).
BUILD_DIR ?= build
ASAN_DIR  ?= build-asan
JOBS      ?= $(shell nproc)
DB        ?= newsgraph.db

.PHONY: all deps build demo test sanitize bench fuzz clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Ingest the corpus into ./newsgraph.db and show what the graph holds.
demo: build
	./$(BUILD_DIR)/newsgraph --db $(DB) ingest corpus
	./$(BUILD_DIR)/newsgraph --db $(DB) stats

# The whole suite through ctest.
test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The same suite under AddressSanitizer + UBSan.
sanitize: deps
	@cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DNEWSGRAPH_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/run.sh

# libFuzzer targets under clang with ASan + UBSan (FUZZ_SECONDS each).
fuzz:
	@bash scripts/install-deps.sh --fuzz
	bash fuzz/run.sh

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) build-fuzz
