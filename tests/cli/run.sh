#!/bin/sh
# Black-box tests of the jeugdroute binary: sh tests/cli/run.sh BINARY
# Prints TAP ("ok N - NNNN-name" / "not ok N - NNNN-name" plus "# " diagnostics, tests/lib/tap.sh);
# exits 0 when all cases pass, 1 otherwise (also when no case ran). Needs jq. Optional filter: sh tests/cli/run.sh BINARY 01 (cases 01..).
#
# One directory per case, tests/cli/cases/NNNN-name/, holding:
#   args          one line: the arguments after the binary, split as sh words (quotes allowed).
#                 Placeholders (unquoted): {POLICY_DIR} the repository's policy/, {EXAMPLES} its
#                 examples/, {CASE_DIR} this case's directory, {WORK} a fresh temp dir (the cwd).
#   stdin         optional: standard input (default: empty). A setup that writes {WORK}/stdin wins.
#   setup         optional: sh script run first in {WORK} with $POLICY_DIR, $EXAMPLES, $CASE_DIR
#                 and $JEUGDROUTE (the binary under test) set, e.g. to create a database first or
#                 to derive a broken policy file from the real one with jq.
#   exit          the expected exit status (default 0).
#   check.jq      optional: jq program run on stdout that must print exactly `true`; the helpers of
#                 tests/cli/lib.jq (yc, forms, codes, signal, whys_ok, home_first, ...) are in scope.
#   check-slurp.jq  optional: the same with jq -s (for the JSON Lines of --batch).
#   stdout.re, stderr.re  optional: extended regexes, one per line; each must match a line.
#   stdout.lines, stderr.lines  optional: the exact number of lines (bad input: stderr 1, stdout 0).
# Every run has --today or a "date": the suite never depends on the real date.
set -u
. "$(dirname "$0")/../lib/tap.sh"

if [ $# -lt 1 ]; then
	echo "usage: sh tests/cli/run.sh BINARY [CASE-PREFIX]" >&2
	exit 2
fi
case $1 in
/*) BIN=$1 ;;
*) BIN=$(pwd)/$1 ;;
esac
filter=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
POLICY_DIR=$(cd "$HERE/../../policy" && pwd)
EXAMPLES=$(cd "$HERE/../../examples" && pwd)
LIB=$HERE/lib.jq
export POLICY_DIR EXAMPLES
unset JEUGDROUTE_POLICY_DIR
tap_need "$BIN" jq
TIMEOUT=
command -v timeout >/dev/null && TIMEOUT="timeout 20"

diag= # failure reasons of the current case, one per line

fail() { diag="$diag$1
"; }

# Prints at most 3 lines of 160 characters of a file as "# " lines.
show() {
	if [ -s "$2" ]; then
		echo "# $1:"
		head -n 3 "$2" | cut -c 1-160 | sed 's/^/#     /'
	else
		echo "# $1: (empty)"
	fi
}

# Each line of the regex file $1 must match a line of the output $2.
match_lines() {
	while IFS= read -r re || [ -n "$re" ]; do
		[ -n "$re" ] || continue
		grep -Eq -e "$re" "$2" || fail "$3 does not match /$re/"
	done <"$1"
}

count_lines() {
	want=$(cat "$1")
	got=$(wc -l <"$2" | tr -d ' ')
	[ -s "$2" ] && [ -n "$(tail -c 1 "$2")" ] && got=$((got + 1))
	[ "$want" = "$got" ] || fail "$3 has $got lines, expected $want"
}

# run_jq PROGRAM-FILE OUTPUT [-s]: the program, after lib.jq, must print exactly `true`.
run_jq() {
	res=$(jq ${3:-} "$(cat "$LIB" "$1")" "$2" 2>&1)
	[ "$res" = true ] || fail "$(basename "$1") gave $(printf '%s' "$res" | head -c 200), expected true"
}

run_case() {
	dir=$1
	work=$(mktemp -d) || exit 1
	diag=
	args=$(head -n 1 "$dir/args")
	line=$(printf '%s\n' "$args" | sed -e 's|{POLICY_DIR}|"$POLICY_DIR"|g' -e 's|{EXAMPLES}|"$EXAMPLES"|g' \
		-e 's|{CASE_DIR}|"$CASE_DIR"|g' -e 's|{WORK}|"$WORK"|g')
	CASE_DIR=$dir
	WORK=$work
	JEUGDROUTE=$BIN
	export CASE_DIR WORK JEUGDROUTE
	if [ -f "$dir/setup" ] && ! (cd "$work" && sh "$dir/setup") >"$work/.setup" 2>&1; then
		fail "setup failed: $(head -c 300 "$work/.setup")"
	fi
	input=/dev/null
	[ -f "$dir/stdin" ] && input=$dir/stdin
	[ -f "$work/stdin" ] && input=$work/stdin
	(cd "$work" && eval "set -- $line" && exec $TIMEOUT "$BIN" "$@") <"$input" >"$work/.out" 2>"$work/.err"
	status=$?
	want=0
	[ -f "$dir/exit" ] && want=$(cat "$dir/exit")
	[ "$status" = "$want" ] || fail "exit status $status, expected $want"
	[ -f "$dir/stdout.re" ] && match_lines "$dir/stdout.re" "$work/.out" stdout
	[ -f "$dir/stderr.re" ] && match_lines "$dir/stderr.re" "$work/.err" stderr
	[ -f "$dir/stdout.lines" ] && count_lines "$dir/stdout.lines" "$work/.out" stdout
	[ -f "$dir/stderr.lines" ] && count_lines "$dir/stderr.lines" "$work/.err" stderr
	[ -f "$dir/check.jq" ] && run_jq "$dir/check.jq" "$work/.out"
	[ -f "$dir/check-slurp.jq" ] && run_jq "$dir/check-slurp.jq" "$work/.out" -s
	name=$(basename "$dir")
	if [ -z "$diag" ]; then
		ok "$name"
	else
		not_ok "$name" "command: jeugdroute $args"
		[ "$input" != /dev/null ] && tap_diag "stdin: $(head -c 160 "$input" | head -n 1)"
		printf '%s' "$diag" | sed 's/^/# /'
		show stdout "$work/.out"
		show stderr "$work/.err"
	fi
	rm -rf "$work"
}

total=0
for dir in "$HERE"/cases/"$filter"*/; do
	[ -f "$dir/args" ] && total=$((total + 1))
done
[ "$total" -gt 0 ] || tap_bail "no case in $HERE/cases matches '$filter'"
tap_plan "$total"
for dir in "$HERE"/cases/"$filter"*/; do
	[ -f "$dir/args" ] || continue
	run_case "${dir%/}"
done
tap_end
