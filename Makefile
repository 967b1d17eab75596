# StackBridge: the two commands the README promises, plus a few helpers.
#   make run    installs what is missing, builds, and runs `stackbridge demo` (built-in CloudStack simulator)
#   make test   installs what is missing (system libraries, Python test clients), builds, runs every test
SHELL := /bin/bash
.DEFAULT_GOAL := help

APT_PACKAGES := libevent-dev libssl-dev pkg-config libsqlite3-dev openssl openssh-client curl python3 python3-pip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON ?= python3
SWIFT ?= swift
BUILD_FLAGS ?=
# Extra `stackbridge demo` options for make run, e.g. DEMO_FLAGS=--https or DEMO_FLAGS="--state-dir demo".
DEMO_FLAGS ?=
# pytest-xdist workers for the end-to-end tests; each worker starts its own bridge and simulator.
E2E_WORKERS ?= 2

.PHONY: help deps system-deps python-deps build build-tests run test test-swift test-e2e test-release fuzz-replay fuzz test-asan test-tsan format format-check release bench clean

help:
	@echo "make run     - build and run StackBridge in front of the built-in CloudStack simulator (demo)"
	@echo "make test    - install test dependencies, build, and run every test (Swift + Python clients)"
	@echo "make release - optimised build at .build/release/stackbridge"
	@echo "make test-release - the real clients against the release build, over CloudStack pages of 7 (CI)"
	@echo "make bench   - benchmarks (see docs/performance.md)"
	@echo "make format  - apply .swift-format to the whole tree (make test checks it)"

deps: system-deps python-deps

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

python-deps:
	@$(PYTHON) -c "import pytest, xdist, boto3, botocore, awscli, libcloud, cs, googleapiclient, google.cloud.compute_v1, google.auth, sslyze, cryptography, ansible, ansible_collections.amazon.aws.plugins.module_utils.ec2" 2>/dev/null \
		|| $(PYTHON) -m pip install -q -r Tests/e2e/requirements.txt

build: system-deps
	$(SWIFT) build $(BUILD_FLAGS)

build-tests: system-deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)

release: system-deps
	$(SWIFT) build -c release --product stackbridge

run: build
	$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/stackbridge demo $(if $(CONFIG),--config $(CONFIG),) $(DEMO_FLAGS)

test: deps format-check build-tests test-swift fuzz-replay test-e2e

test-swift:
	# Parallel: timing behaviour runs on an injected manual clock (Pipeline's Clock), the front end's idle
	# and request deadlines included (HTTPServer.checkDeadlines). The real-socket targets run in parallel
	# with each other but after the rest: next to the 10,000-request stress tests on two cores their
	# libevent backstop timeouts and fault deadlines (real time by nature) still starve (docs/performance.md).
	$(SWIFT) test --skip-build --parallel --skip 'EventLoopsTests|IntegrationTests' $(BUILD_FLAGS)
	$(SWIFT) test --skip-build --parallel --filter 'EventLoopsTests|IntegrationTests' $(BUILD_FLAGS)

test-e2e:
	STACKBRIDGE_BINARY=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/stackbridge $(PYTHON) -m pytest -q -n $(E2E_WORKERS) Tests/e2e

# The real clients against the release build, with CloudStack pages of 7 rows so every list longer than that walks
# several of them (listAll's concurrent pages, NextToken/pageToken walks, read-ahead): a release-only miscompile
# once broke exactly that (docs/notes/swift-release-pitfalls.md) while every debug test passed. CI runs it after
# `make test`.
RELEASE_E2E := Tests/e2e/ec2 Tests/e2e/gce Tests/e2e/test_lists_at_scale.py
test-release: release python-deps
	STACKBRIDGE_BINARY=$$($(SWIFT) build -c release --show-bin-path)/stackbridge STACKBRIDGE_PAGE_SIZE=7 \
		$(PYTHON) -m pytest -q -n $(E2E_WORKERS) $(RELEASE_E2E)

bench: system-deps
	cd Benchmarks && $(SWIFT) package benchmark

# Fuzzing (docs/reliability.md "Fuzzing"). fuzz-replay runs every committed corpus input, crash inputs
# included, through the debug build; fuzz builds with libFuzzer and AddressSanitizer into .build-fuzz and
# runs each target for FUZZ_SECONDS, adding what it finds to a scratch corpus beside the committed one.
FUZZ_CORPUS := Tests/Fuzz/Corpus
FUZZ_SECONDS ?= 600
# Targets fuzzed at a time (each is one libFuzzer process).
FUZZ_JOBS ?= 1
FUZZ_FLAGS := --scratch-path .build-fuzz -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld

fuzz-replay:
	@bin=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/stackbridge-fuzz; \
	for dir in $(FUZZ_CORPUS)/*/; do target=$$(basename $$dir); $$bin $$target $$dir || exit 1; done

fuzz: system-deps
	$(SWIFT) build $(FUZZ_FLAGS) --product stackbridge-fuzz
	scripts/fuzz.sh $$($(SWIFT) build $(FUZZ_FLAGS) --show-bin-path)/stackbridge-fuzz $(FUZZ_SECONDS) $(FUZZ_JOBS)

# Sanitizers (docs/reliability.md "Sanitizers"): the whole Swift suite under AddressSanitizer with
# LeakSanitizer (suppressions only for the toolchain's own libraries: Tests/Sanitizers/lsan.supp), and under
# ThreadSanitizer, each in its own build folder. Not part of make test: each is a full build of its own.
SAN_UNIT := --parallel --skip 'EventLoopsTests|IntegrationTests'
SAN_SOCKETS := --no-parallel --filter 'EventLoopsTests|IntegrationTests'

test-asan: system-deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan $(SAN_UNIT)
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan $(SAN_SOCKETS)

test-tsan: system-deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/Tests/Sanitizers/tsan.supp" $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(SAN_UNIT)
	TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/Tests/Sanitizers/tsan.supp" $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(SAN_SOCKETS)

# The tree swift-format owns; generated EmbeddedTemplates.swift opts out in its first line.
FORMAT_PATHS := Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Benchmarks Benchmarks/Sources

format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

format-check:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

clean:
	rm -rf .build
