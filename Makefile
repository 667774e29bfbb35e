# Preflight: `make scan` scans a directory (DIR, default .) with the built-in rules; `make test` runs the tests.
# Both install the Debian packages the build needs when they are missing.

SWIFT ?= swift
DIR ?= .
SCAN_ARGS ?=
DEB_PACKAGES := libpcre2-dev libyaml-dev pkg-config
# The tests also render the markdown report with GitHub's Markdown implementation, drive real git repositories and
# open the HTML report in headless Chromium.
TEST_PACKAGES := cmark-gfm git chromium

.PHONY: deps build scan test docs screenshots clean

deps:
	@missing=""; \
	for package in $(DEB_PACKAGES) $(EXTRA_PACKAGES); do \
		dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product scan

scan: build
	.build/release/scan $(SCAN_ARGS) $(DIR)

test:
	$(MAKE) deps EXTRA_PACKAGES="$(TEST_PACKAGES)"
	$(SWIFT) test

# Regenerates the rule reference pages (docs/rules/<pack>.md) from Rules/.
docs: deps
	$(SWIFT) build --product scan
	mkdir -p docs/rules
	.build/debug/scan rules --docs docs/rules

# Renders the HTML report of each scenario repository in headless Chromium and keeps the screenshots in docs/.
screenshots:
	$(MAKE) deps EXTRA_PACKAGES="$(TEST_PACKAGES)"
	PREFLIGHT_SCREENSHOTS=$(CURDIR)/docs/screenshots $(SWIFT) test --filter HTMLReportBrowserTests

clean:
	rm -rf .build
