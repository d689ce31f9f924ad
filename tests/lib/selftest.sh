#!/bin/sh
# The self-test of tests/lib/tap.sh, the TAP helper every shell runner uses: small scripts that
# source it are run, and their output and exit status must be what the helper promises, above
# all that a skipped test, a missing tool and a group without tests fail.
#   sh tests/lib/selftest.sh     (prints TAP)
set -u
LIB=$(cd "$(dirname "$0")" && pwd)/tap.sh
. "$LIB"
WORK=$(mktemp -d /tmp/jr-tap-selftest-XXXXXX) || exit 1
trap 'rm -rf "$WORK"' EXIT

# run BODY: runs BODY in a fresh sh after sourcing the helper; its output in $WORK/out, its
# exit status in $WORK/status
run() {
	printf '. "%s"\n%s\n' "$LIB" "$1" >"$WORK/t.sh"
	sh "$WORK/t.sh" >"$WORK/out" 2>&1
	echo $? >"$WORK/status"
}
status() { [ "$(cat "$WORK/status")" = "$1" ]; }
# has LINE…: every LINE is a whole line of the output
has() {
	for want in "$@"; do
		grep -qxF -e "$want" "$WORK/out" || return 1
	done
}
# expect NAME: ok when the condition commands after it all succeeded ($? of the last test)
expect() {
	if [ "$2" -eq 0 ]; then ok "$1"; else not_ok "$1" "output:" "$(cat "$WORK/out")" "status $(cat "$WORK/status")"; fi
}

run 'ok one; ok two; tap_end'
status 0 && has 'ok 1 - one' 'ok 2 - two' '1..2'
expect "passing tests: numbered, the plan at the end, status 0" $?

run 'tap_plan 2; ok one; ok two; tap_end'
status 0 && [ "$(head -n 1 "$WORK/out")" = 1..2 ] && [ "$(grep -c '^1\.\.' "$WORK/out")" = 1 ]
expect "a plan given first is printed once, first" $?

run 'ok one; not_ok two "first line
second line" "ok 3 - not a test"; ok three; tap_end'
status 1 && has 'ok 1 - one' 'not ok 2 - two' '# first line' '# second line' '# ok 3 - not a test' \
	'ok 3 - three' '1..3' && [ "$(grep -c '^ok ' "$WORK/out")" = 2 ]
expect "a failure: status 1, every line of its diagnostics behind '# '" $?

run 'tap_end'
status 1 && has 'not ok 1 - the group ran no test at all' '1..1'
expect "a group that ran no test fails" $?

run 'tap_plan 3; ok one; tap_end'
status 1 && grep -q '^not ok .*planned 3 tests, ran 1' "$WORK/out"
expect "fewer tests than planned fail" $?

run 'tap_plan 0; ok one; tap_end'
status 1 && grep -q '^Bail out! ' "$WORK/out"
expect "a plan of no tests bails out" $?

run 'ok "one # SKIP no time"; ok "two # TODO later"; tap_end'
status 1 && [ "$(grep -c '^not ok ' "$WORK/out")" = 2 ] && ! grep -q '^ok ' "$WORK/out"
expect "a skipped or to-do test counts as failed" $?

run 'tap_need sh sed; ok after; tap_end'
status 0 && has 'ok 1 - after'
expect "tap_need: commands that are there" $?

run 'tap_need sh no-such-command-jr; ok after; tap_end'
status 1 && grep -q '^Bail out! .*no-such-command-jr is missing' "$WORK/out" && ! grep -q after "$WORK/out"
expect "tap_need: a missing command bails out naming it, nothing after it runs" $?

: >"$WORK/not-executable"
run "tap_need '$WORK/not-executable'; ok after; tap_end"
status 1 && grep -q '^Bail out! .*not-executable is missing' "$WORK/out"
expect "tap_need: a path that is not an executable bails out" $?

run 'tap_check yes true; tap_check no sh -c "echo why; exit 3"; x=1; tap_check sets sh -c "x=2"; [ $x = 1 ] && ok kept; tap_end'
status 1 && has 'ok 1 - yes' 'not ok 2 - no' '# why' 'ok 3 - sets' 'ok 4 - kept'
expect "tap_check: the command's verdict, its output only on failure, run apart" $?

run 'ok one; tap_bail "the store did not open" "details"; ok never'
status 1 && has 'Bail out! the store did not open' '# details' && ! grep -q never "$WORK/out"
expect "tap_bail: Bail out!, diagnostics, status 1, nothing after" $?

tap_end
