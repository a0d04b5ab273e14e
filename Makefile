# Quire: `make run` opens the bundled vault, `make test` runs every test.
# Both install the Debian packages Quire builds against when they are missing.

SWIFT ?= swift
PREFIX ?= /usr/local
DEBS := libcmark-gfm-dev libcmark-gfm-extensions-dev libncursesw5-dev libsqlite3-dev tmux graphviz
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build release deps install bench fuzz test-sanitize clean completions

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

# Installs each missing Debian package (as root, or through sudo).
deps:
	@missing=""; for p in $(DEBS); do \
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
bench: deps
	$(SWIFT) build -c release --product quire-bench
	$$($(SWIFT) build -c release --show-bin-path)/quire-bench $(BENCH_ARGS)

clean:
	rm -rf .build
