# Quire: `make run` opens the bundled vault, `make test` runs every test.
# Both install the Debian packages Quire builds against when they are missing.

SWIFT ?= swift
PREFIX ?= /usr/local
DEBS := libcmark-gfm-dev libcmark-gfm-extensions-dev libncursesw5-dev libsqlite3-dev tmux graphviz
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build release deps bench-deps install-debs install bench fuzz test-sanitize test-asan test-tsan clean completions

run: deps
	$(SWIFT) build --product quire
	$$($(SWIFT) build --show-bin-path)/quire --vault Notes

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product quire

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	bash Tests/Terminal/run-tmux-tests.sh

# The tools `make bench` measures Quire against (and callgrind, for instruction counts).
BENCH_DEBS := cmark-gfm ripgrep sqlite3 valgrind

# Installs each missing Debian package (as root, or through sudo).
deps:
	@$(MAKE) --no-print-directory install-debs PACKAGES="$(DEBS)"

bench-deps:
	@$(MAKE) --no-print-directory install-debs PACKAGES="$(BENCH_DEBS)"

install-debs:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

install: release completions
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $$($(SWIFT) build -c release --show-bin-path)/quire $(DESTDIR)$(PREFIX)/bin/quire
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 644 .build/completions/quire.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/quire
	install -m 644 .build/completions/_quire $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_quire
	install -m 644 .build/completions/quire.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/quire.fish

completions: release
	mkdir -p .build/completions
	bin=$$($(SWIFT) build -c release --show-bin-path)/quire; \
	$$bin --generate-completion-script bash > .build/completions/quire.bash; \
	$$bin --generate-completion-script zsh > .build/completions/_quire; \
	$$bin --generate-completion-script fish > .build/completions/quire.fish

# Prints load, search and redraw figures on generated vaults (see docs/PERFORMANCE.md).
bench: deps bench-deps
	$(SWIFT) build -c release --product quire-bench
	$(SWIFT) build -c release --product quire
	$$($(SWIFT) build -c release --show-bin-path)/quire-bench $(BENCH_ARGS)

# Runs the test suite under AddressSanitizer, then ThreadSanitizer, each in its own build
# folder (the flags differ, so sharing .build would rebuild everything twice). Builds once
# with --build-tests and runs with --skip-build. The hostile corpus is written at its
# small scale there (every kind of case, smaller files): sanitized debug code is slow.
# Leak checks are off: LeakSanitizer reports Swift runtime and Foundation caches at exit.
SANITIZE_FILTER ?=
test-sanitize: test-asan test-tsan

test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	QUIRE_HOSTILE_SCALE=small ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan $(SANITIZE_FILTER)

test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	QUIRE_HOSTILE_SCALE=small TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(SANITIZE_FILTER)

# Runs each libFuzzer target (Fuzz/) for FUZZ_SECONDS, seeded from the test fixtures and
# Fuzz/Seeds. A crash stops it and leaves the input in .build-fuzz/crashes/; make it a
# regression test under Tests/. Leak checks are off: LeakSanitizer misreads Swift's
# tagged pointers in global values and reports their storage as leaked.
FUZZ_SECONDS ?= 60
# A fixed seed makes a CI run repeat the mutations of the last one that passed;
# `make fuzz FUZZ_SEED=0` lets libFuzzer pick one.
FUZZ_SEED ?= 1
FUZZ_TARGETS := FuzzLoader FuzzSearchQuery
FUZZ_BUILD := $(CURDIR)/.build-fuzz
fuzz: deps
	cd Fuzz && $(SWIFT) build --scratch-path $(FUZZ_BUILD) -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	rm -rf $(FUZZ_BUILD)/seeds && mkdir -p $(FUZZ_BUILD)/seeds/FuzzLoader $(FUZZ_BUILD)/seeds/FuzzSearchQuery $(FUZZ_BUILD)/crashes
	find Tests -path '*Fixtures*' -name '*.md' -type f | while IFS= read -r f; do \
	  cp "$$f" "$(FUZZ_BUILD)/seeds/FuzzLoader/$$(cksum < "$$f" | cut -d' ' -f1)"; done
	cp Fuzz/Seeds/FuzzLoader/* $(FUZZ_BUILD)/seeds/FuzzLoader/
	cp Fuzz/Seeds/FuzzSearchQuery/* $(FUZZ_BUILD)/seeds/FuzzSearchQuery/
	bin=$$(cd Fuzz && $(SWIFT) build --scratch-path $(FUZZ_BUILD) --show-bin-path); \
	for target in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$target; \
	  echo "== fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 $$bin/$$target $(FUZZ_BUILD)/corpus/$$target $(FUZZ_BUILD)/seeds/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) -timeout=20 -rss_limit_mb=3072 -max_len=65536 -detect_leaks=0 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crashes/$$target- || exit 1; \
	done

clean:
	rm -rf .build
