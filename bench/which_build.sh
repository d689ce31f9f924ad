# which_build.sh: sourced by the bench scripts (bash, run from the checkout's root). Sets B to the
# build directory to measure: JR_BUILD when set (a meson build directory, or the DIR given to
# bench/build.sh, whose build is DIR/build), else build/ of this checkout, set up with
# -Dtests=false (release) and brought up to date. Prints nothing.
if [ -n "${JR_BUILD:-}" ]; then
	B=$JR_BUILD
	[ -x "$B/jeugdroute" ] || B=$JR_BUILD/build
	if [ ! -x "$B/jeugdroute" ]; then
		echo "$(basename "$0"): JR_BUILD=$JR_BUILD holds no jeugdroute (make it with bench/build.sh DIR [REV])" >&2
		exit 1
	fi
	B=$(cd "$B" && pwd)
else
	test -d build || meson setup build -Dtests=false >/dev/null
	ninja -C build >/dev/null
	B=$PWD/build
fi
# the revision built, for the report: what bench/build.sh noted, else this checkout's HEAD
jr_build_revision() {
	if [ -f "$B/jr-revision.txt" ]; then
		cat "$B/jr-revision.txt"
	else
		echo "$(git rev-parse --short=12 HEAD)$(git diff --quiet HEAD -- 2>/dev/null || echo ' with uncommitted changes')"
	fi
}
