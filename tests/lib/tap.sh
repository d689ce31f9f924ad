# tap.sh: the one TAP helper of the shell test runners (tests/*/*.sh), sourced, POSIX sh:
#   . "$(dirname "$0")/../lib/tap.sh"
# A runner prints one TAP stream (https://testanything.org) on standard output and ends with
# tap_end, whose exit status is the runner's verdict. Nothing is ever skipped: a runner that
# misses a tool, a build product or a file fails loudly (tap_need, tap_bail), a test named
# "# SKIP" or "# TODO" counts as failed, and a run of no test at all fails too.
#
#   tap_plan N            print the plan "1..N" first, when the number is known up front; without
#                         it tap_end prints "1..COUNT" at the end
#   ok NAME               "ok N - NAME"
#   not_ok NAME [LINE…]   "not ok N - NAME", then each LINE (of several lines each) as "# " lines
#   tap_diag LINE…        diagnostics: every line of every LINE as "# LINE"
#   tap_check NAME CMD…   ok when CMD succeeds; it runs in a subshell (it can set no variable of
#                         the runner), its output shown only when it fails
#   tap_need WHAT…        each WHAT (a command name or an executable path) must be there; else
#                         bail out naming what is missing and how to get it
#   tap_bail REASON [LINE…]  "Bail out! REASON" and diagnostics; ends the runner with status 1
#   tap_end               the judge: the plan (when not printed first); fails when no test ran,
#                         when the count differs from the plan, or when a test failed; exits
#                         with 0 only when every planned test passed
# The counts are TAP_N (tests so far) and TAP_FAILED; names starting with _tap are the helper's.

TAP_N=0
TAP_FAILED=0
TAP_PLANNED=

tap_diag() {
	for _tap_line in "$@"; do
		printf '%s\n' "$_tap_line" | sed 's/^/# /'
	done
}

tap_plan() {
	case ${1:-} in
	'' | *[!0-9]*) tap_bail "tap_plan: '${1:-}' is not a number of tests" ;;
	esac
	[ "$1" -gt 0 ] || tap_bail "tap_plan 0: a group without tests counts as failed"
	TAP_PLANNED=$1
	echo "1..$1"
}

not_ok() {
	TAP_N=$((TAP_N + 1))
	TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $1"
	shift
	tap_diag "$@"
}

ok() {
	case $1 in
	*'# SKIP'* | *'# skip'* | *'# TODO'* | *'# todo'*)
		not_ok "$1" "a skipped test counts as failed: everything it needs must be here"
		return
		;;
	esac
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1"
}

tap_check() {
	_tap_name=$1
	shift
	if _tap_out=$("$@" 2>&1); then
		ok "$_tap_name"
	else
		not_ok "$_tap_name" "failed: $*" "$(printf '%s\n' "$_tap_out" | head -n 20)"
	fi
}

tap_bail() {
	echo "Bail out! $1"
	shift
	tap_diag "$@"
	exit 1
}

tap_need() {
	for _tap_what in "$@"; do
		case $_tap_what in
		*/*)
			[ -f "$_tap_what" ] && [ -x "$_tap_what" ] ||
				tap_bail "$_tap_what is missing: build it (ninja -C BUILD-DIR) or install it (make test-deps)"
			;;
		*)
			command -v "$_tap_what" >/dev/null 2>&1 ||
				tap_bail "the command $_tap_what is missing: \`make test-deps\` installs everything the tests need"
			;;
		esac
	done
}

tap_end() {
	[ "$TAP_N" -gt 0 ] || not_ok "the group ran no test at all"
	if [ -z "$TAP_PLANNED" ]; then
		echo "1..$TAP_N"
	elif [ "$TAP_N" -ne "$TAP_PLANNED" ]; then
		# the plan is printed already: one more line makes the difference visible to any reader
		_tap_ran=$TAP_N
		not_ok "planned $TAP_PLANNED tests, ran $_tap_ran"
	fi
	[ "$TAP_FAILED" -eq 0 ] && exit 0
	echo "# $TAP_FAILED of $TAP_N failed"
	exit 1
}
