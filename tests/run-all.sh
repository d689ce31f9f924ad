#!/bin/sh
# `make test`: runs every test layer and ends with the line "N passed, N failed".
#   unit tests  cmocka, one executable per module, TAP output (under ASan + UBSan); the store tests
#               once more on PostgreSQL, each in a fresh database of a throw-away cluster on
#               loopback (tools/pg-test.sh); and two servers on one PostgreSQL database at once,
#               whose audit chain must hold (tests/http/pg_chain.sh)
#   black-box   numbered cases against the real binary (tests/cli/run.sh)
#   ijw         the iJw tables against the reference material and the differential test against
#               xmllint (tests/ijw/run.sh; skipped without ../shared/reference/ijw); every
#               in-message rule broken on purpose (tests/ijw/rules.sh); the full round from
#               request to claim, each answer checked with xmllint (tests/ijw/round.sh)
#   server      the HTTP API of `jeugdroute serve` with curl (tests/http/run.sh), and its
#               defences: login throttling, headers, deadlines, limits (tests/http/guard.sh)
#               a referrer's referrals: who the child is, adults, once only, its own list
#               (tests/http/referrals.sh)
#               the accounts an administrator manages (tests/http/accounts.sh)
#               every role on every endpoint, own and another's records, and issue 11's reach
#               scenarios (tests/http/matrix.sh)
#   browser     journeys through the UI in Chromium with axe (tests/ui/run.sh); screenshots of
#               every screen in build/screenshots/
#   fuzz        each libFuzzer target over its seed corpus plus FUZZ_RUNS new inputs
#   style       banned-function check; the layers (tools/layers.sh: includes per layer, and no
#               use case of the store called from an adapter but the debts still listed)
set -u
testbuild=${1:-build-test}
fuzzbuild=${2:-build-fuzz}
fuzzruns=${3:-50000}
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Counts TAP "ok"/"not ok" lines of one layer; a runner that dies without them counts as a failure.
tally() {
	name=$1
	status=$2
	ok=$(grep -c '^ok ' "$log")
	bad=$(grep -c '^not ok ' "$log")
	if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
		bad=1
		echo "not ok - $name exited with status $status"
	fi
	grep '^not ok ' "$log"
	passed=$((passed + ok))
	failed=$((failed + bad))
	echo "# $name: $ok passed, $bad failed"
}

for t in "$testbuild"/unit_*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
	tally "$(basename "$t")" $?
	grep -v -E '^(ok |1\.\.|# )' "$log" | head -40
done

pgdir=$(mktemp -d -u /tmp/jr-pg-XXXXXX)
if sh tools/pg-test.sh start "$pgdir" >"$log" 2>&1; then
	for t in "$testbuild"/unit_store*; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		name=$(basename "$t")
		url=$(sh tools/pg-test.sh newdb "$pgdir" "$name")
		JR_TEST_DB_URL=$url CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
		tally "$name (PostgreSQL)" $?
		grep -v -E '^(ok |1\.\.|# )' "$log" | head -40
	done
	sh tests/http/pg_chain.sh "$testbuild/jeugdroute" "$(sh tools/pg-test.sh newdb "$pgdir" http_chain)" \
		>"$log" 2>&1
	tally "server on PostgreSQL, two processes" $?
	grep -v -E '^(ok |1\.\.)' "$log" | head -40
else
	cat "$log"
	echo "not ok - PostgreSQL test cluster did not start" >"$log"
	tally "unit_store (PostgreSQL)" 0
fi
sh tools/pg-test.sh stop "$pgdir"

sh tests/cli/run.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "black-box" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/ijw/run.sh "$testbuild" >"$log" 2>&1
status=$?
[ "$status" -eq 77 ] && status=0 # no reference material beside the repository: skipped
tally "ijw" $status
grep -v -E '^(ok |1\.\.[1-9])' "$log" | head -60

sh tests/ijw/rules.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "ijw rules" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/ijw/round.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "ijw round" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/run.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "server" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/guard.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "server defences" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/referrals.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "server: referrals" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/accounts.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "accounts" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/matrix.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "role matrix" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/ui/run.sh "$testbuild/jeugdroute" build/screenshots >"$log" 2>&1
tally "browser" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/crash/run.sh "$testbuild" >"$log" 2>&1
tally "crash" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

for f in "$fuzzbuild"/fuzz_*; do
	[ -f "$f" ] && [ -x "$f" ] || continue
	name=$(basename "$f")
	corpus=tests/fuzz/corpus/${name#fuzz_}
	work=$(mktemp -d)
	if "$f" -runs="$fuzzruns" -seed=1 "$work" "$corpus" >"$work.log" 2>&1; then
		echo "ok - $name ($fuzzruns runs)" >"$log"
	else
		echo "not ok - $name" >"$log"
		tail -30 "$work.log"
	fi
	rm -rf "$work" "$work.log"
	tally "$name" 0
done

if sh tools/banned.sh >"$log.2" 2>&1; then
	echo "ok - banned functions" >"$log"
else
	echo "not ok - banned functions" >"$log"
	cat "$log.2"
fi
if sh tools/layers.sh >"$log.2" 2>&1; then
	echo "ok - the layers hold ($(cat "$log.2"))" >>"$log"
else
	echo "not ok - the layers do not hold" >>"$log"
	cat "$log.2"
fi
rm -f "$log.2"
tally "style" 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
