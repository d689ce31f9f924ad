#!/bin/sh
# `make test`: runs every test layer and ends with the line "N passed, N failed". Nothing is
# skipped: a group that cannot run (a tool, a build product or a file missing), a skipped test, a
# group that ran no test or fewer than it planned, counts as failed. Everything the groups read is
# in the repository (the iJw 3.2 schemas and code lists in data/ijw-3.2); nothing beside it is used.
#   selftest    the TAP helper of the shell runners (tests/lib/tap.sh, tests/lib/selftest.sh)
#   unit tests  cmocka, one executable per module, TAP output (under ASan + UBSan); the store and
#               app tests (unit_store*, unit_app_*) once more on PostgreSQL, each in a fresh
#               database of a throw-away cluster on loopback (tools/pg-test.sh); and two servers
#               on one PostgreSQL database at once, whose audit chain must hold
#               (tests/http/pg_chain.sh)
#   failover    a pg_auto_failover monitor and two nodes, two servers writing; the primary's
#               node killed three times: nothing acknowledged lost, the chain intact, the bad
#               URLs one clear line each (tests/ha/failover.sh)
#   PITR        a base backup and point-in-time recovery of the records on PostgreSQL
#               (tests/ha/pitr.sh)
#   black-box   numbered cases against the real binary (tests/cli/run.sh)
#   backup      a backup restored in place of the records, and backups made while a server and
#               commands write (tests/cli/backup_restore.sh)
#   ijw         the generated iJw tables against data/ijw-3.2 and the differential test against
#               xmllint (tests/ijw/run.sh); every in-message rule broken on purpose
#               (tests/ijw/rules.sh); the full round from request to claim, each answer checked
#               with xmllint (tests/ijw/round.sh)
#   server      the HTTP API of `jeugdroute serve` with curl (tests/http/run.sh), and its
#               defences: login throttling, headers, deadlines, limits (tests/http/guard.sh)
#               a referrer's referrals: who the child is, adults, once only, its own list
#               (tests/http/referrals.sh)
#               the accounts an administrator manages (tests/http/accounts.sh)
#               the provider at work: work list, stop, claims, JW301 names (tests/http/provider.sh)
#               the second factor and the organisations (tests/http/second_factor.sh,
#               tests/http/organisations.sh)
#               the contract manager at work (tests/http/contracts.sh)
#               every role on every endpoint, own and another's records, and issue 11's reach
#               scenarios (tests/http/matrix.sh)
#   browser     journeys through the UI in Chromium with axe (tests/ui/run.sh); screenshots of
#               every screen in build/screenshots/
#   fuzz        each libFuzzer target over its seed corpus plus FUZZ_RUNS new inputs
#   style       banned-function check; the layers in the built objects (tools/layers-link.sh:
#               what each layer's code calls); the layers (tools/layers.sh: includes per layer, and no
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

# Judges the TAP of one group in $log: counts its "ok" and "not ok" lines. A skipped or to-do
# test ("# SKIP", "# TODO") counts as failed, and so does the group once more when it bailed out,
# printed no plan, ran another number of tests than its plans say, ran no test at all, or exited
# with an error without a failing test to show for it.
tally() {
	name=$1
	status=$2
	ok=$(grep -c '^ok ' "$log")
	bad=$(grep -c '^not ok ' "$log")
	ran=$((ok + bad))
	skipped=$(grep -c -E '^ok [^#]*# *(SKIP|TODO)' "$log")
	planned=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$log" | awk '{ n += $1 } END { print n + 0 }')
	grep -E '^(not ok |ok [^#]*# *(SKIP|TODO))' "$log"
	ok=$((ok - skipped))
	bad=$((bad + skipped))
	why=
	if grep -q '^Bail out!' "$log"; then
		why="bailed out: $(grep -m 1 '^Bail out!' "$log" | cut -c 11-)"
	elif [ "$ran" -eq 0 ]; then
		why="ran no test"
	elif ! grep -q '^1\.\.' "$log"; then
		why="printed no plan"
	elif [ "$planned" -ne "$ran" ]; then
		why="planned $planned tests, ran $ran"
	elif [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
		why="exited with status $status"
	fi
	if [ -n "$why" ]; then
		bad=$((bad + 1))
		echo "not ok - $name $why"
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	echo "# $name: $ok passed, $bad failed"
}

# a group that is a single check: "ok - NAME" or "not ok - NAME" with "1..1"
one() {
	if [ "$1" -eq 0 ]; then echo "ok - $2"; else echo "not ok - $2"; fi
	echo "1..1"
}

sh tests/lib/selftest.sh >"$log" 2>&1
tally "selftest (tests/lib/tap.sh)" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -40

units=0
for t in "$testbuild"/unit_*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	units=$((units + 1))
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
	tally "$(basename "$t")" $?
	grep -v -E '^(ok |1\.\.|# )' "$log" | head -40
done

[ "$units" -gt 0 ] || { one 1 "unit tests: none built in $testbuild" >"$log"; tally "unit" 0; }

pgdir=$(mktemp -d -u /tmp/jr-pg-XXXXXX)
if sh tools/pg-test.sh start "$pgdir" >"$log" 2>&1; then
	for t in "$testbuild"/unit_store* "$testbuild"/unit_app_*; do
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
	one 1 "PostgreSQL test cluster did not start" >"$log"
	tally "unit_store, unit_app (PostgreSQL)" 0
fi
sh tools/pg-test.sh stop "$pgdir"

sh tests/ha/failover.sh "$testbuild/jeugdroute" 3 >"$log" 2>&1
tally "failover (pg_auto_failover, three trials)" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -40

sh tests/ha/pitr.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "PostgreSQL base backup and point-in-time recovery" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -40

sh tests/cli/run.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "black-box" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/cli/backup_restore.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "backup and restore" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/ijw/run.sh "$testbuild" >"$log" 2>&1
tally "ijw" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

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

sh tests/http/provider.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "provider" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/second_factor.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "second factor" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/organisations.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "organisations" $?
grep -v -E '^(ok |1\.\.)' "$log" | head -60

sh tests/http/contracts.sh "$testbuild/jeugdroute" >"$log" 2>&1
tally "contracts" $?
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

fuzzers=0
for f in "$fuzzbuild"/fuzz_*; do
	[ -f "$f" ] && [ -x "$f" ] || continue
	fuzzers=$((fuzzers + 1))
	name=$(basename "$f")
	corpus=tests/fuzz/corpus/${name#fuzz_}
	work=$(mktemp -d)
	if [ ! -d "$corpus" ]; then
		one 1 "$name: its seed corpus $corpus is missing" >"$log"
	elif "$f" -runs="$fuzzruns" -seed=1 "$work" "$corpus" >"$work.log" 2>&1; then
		one 0 "$name ($fuzzruns runs)" >"$log"
	else
		one 1 "$name" >"$log"
		tail -30 "$work.log"
	fi
	rm -rf "$work" "$work.log"
	tally "$name" 0
done
[ "$fuzzers" -gt 0 ] || { one 1 "fuzz targets: none built in $fuzzbuild" >"$log"; tally "fuzz" 0; }

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
if sh tools/layers-link.sh "$testbuild" >"$log.2" 2>&1; then
	echo "ok - the layers hold in the built objects ($(cat "$log.2"))" >>"$log"
else
	echo "not ok - the built objects cross the layers" >>"$log"
	cat "$log.2"
fi
echo "1..3" >>"$log"
rm -f "$log.2"
tally "style" 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
