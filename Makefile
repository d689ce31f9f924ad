# jeugdroute: the two commands of the README, and the steps behind them.
#   make run   install what is missing, build, make a demo region, serve it on 127.0.0.1:8080
#   make test  install what is missing, build with sanitizers, run every test, fuzz briefly
# Meson + ninja do the building; this file only orders the steps.

BUILD      ?= build
TESTBUILD  ?= build-test
FUZZBUILD  ?= build-fuzz
FUZZ_RUNS  ?= 50000

# Debian 12 packages: the build, the libraries (JSON, SQLite, libpq, libsodium, libmicrohttpd),
# the unit-test framework, the fuzzer, a PostgreSQL server for the store tests (a throw-away
# cluster on loopback), the sqlite3 shell, jq and curl (black-box tests and benchmark baselines),
# libxml2 for iJw messages and its xmllint (the oracle of the iJw differential test); cairo and
# Pango with the DejaVu fonts for the decision letter's PDF (docs/letter.md); liboath
# (oath-toolkit) for the second factor's TOTP codes (docs/security.md).
PACKAGES = gcc make meson ninja-build pkg-config libjansson-dev libcmocka-dev \
           libsqlite3-dev libsodium-dev libpq-dev libmicrohttpd-dev sqlite3 postgresql-15 \
           clang libclang-rt-14-dev jq curl libxml2-dev libxml2-utils \
           libcairo2-dev libpango1.0-dev fonts-dejavu-core liboath-dev
# The browser tests: Debian's Chromium, driven by playwright-core from npm, with its languages
# (chromium-l10n: without them a date field shows mm/dd/yyyy, whatever the page's language);
# python3 for tests/ijw/run.sh, which re-runs the iJw table generators (tools/ijw/*.py) over
# data/ijw-3.2; oathtool computes the second factor's codes in the shell tests; pg_auto_failover
# (its PostgreSQL extension and pg_autoctl) and iproute2's ss for the failover trials
# (tests/ha/failover.sh).
TEST_PACKAGES = chromium chromium-l10n python3 oathtool postgresql-15-auto-failover \
                pg-auto-failover-cli iproute2

.PHONY: all build run examples test deps web-deps test-deps fuzz bench clean lint format

all: build

deps:
	@sh tools/deps.sh $(PACKAGES)

# The browser UI's packages (NL Design System CSS) from npm, with Node.js when it is missing.
web-deps:
	@command -v npm >/dev/null || sh tools/deps.sh nodejs npm
	@sh tools/npm-ci.sh web

test-deps: deps web-deps
	@sh tools/deps.sh $(TEST_PACKAGES)
	@sh tools/npm-ci.sh tests/ui

$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dtests=false

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: build web-deps
	@sh tools/run-server.sh $(BUILD)/jeugdroute

# The example requests of examples/, routed and shown readably (what `make run` did before the
# server).
examples: build
	@sh tools/run-examples.sh $(BUILD)/jeugdroute

$(TESTBUILD)/build.ninja:
	meson setup $(TESTBUILD) -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

$(FUZZBUILD)/build.ninja:
	CC=clang meson setup $(FUZZBUILD) -Dbuildtype=debug -Dtests=false -Dfuzz=true

# The release build of `make run` is built too: its optimiser warns where the debug build does
# not (-Werror=format-truncation), and a commit that breaks `make run` must not pass.
test: test-deps $(TESTBUILD)/build.ninja $(FUZZBUILD)/build.ninja $(BUILD)/build.ninja
	ninja -C $(BUILD)
	ninja -C $(TESTBUILD)
	ninja -C $(FUZZBUILD)
	@sh tests/run-all.sh $(TESTBUILD) $(FUZZBUILD) $(FUZZ_RUNS)

fuzz: deps $(FUZZBUILD)/build.ninja
	ninja -C $(FUZZBUILD)
	$(FUZZBUILD)/fuzz_route_request -max_total_time=300 tests/fuzz/corpus/route_request

bench: build
	sh bench/route.sh

lint:
	sh tools/banned.sh

format:
	clang-format -i $$(find src tests bench -name '*.[ch]')

clean:
	rm -rf $(BUILD) $(TESTBUILD) $(FUZZBUILD)
