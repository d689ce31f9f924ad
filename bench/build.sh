#!/usr/bin/env bash
# build.sh: an optimised build for the benchmarks, of the current checkout or of a git revision,
# so that "before" and "after" can be measured in one sitting (docs/BENCHMARKS.md, "Issue 12:
# before and after").
#
#   bench/build.sh DIR            the current checkout, built in DIR/build
#   bench/build.sh DIR REV        the revision REV (commit, tag, branch), exported with
#                                 `git archive` into DIR/src and built in DIR/build
#
# The build is meson's buildtype=release (-O3), no sanitizers, -Dtests=false. Then run a
# benchmark on it with JR_BUILD=DIR (or DIR/build):
#   JR_BUILD=/tmp/jr-before bench/ijw.sh 2000
# bench/route.sh, bench/http.sh and bench/ijw.sh honour JR_BUILD; the messages, requests and
# templates always come from the current checkout, so both builds get the same input. A build
# of a revision reads the policies of that revision (its own source tree).
set -euo pipefail

case ${1:-} in
'' | -h | --help)
	echo "usage: bench/build.sh DIR [REV]" >&2
	exit 2
	;;
esac
DIR=$1
REV=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
for tool in git meson ninja; do
	command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing" >&2; exit 1; }
done
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

if [ -n "$REV" ]; then
	COMMIT=$(git -C "$ROOT" rev-parse --verify "$REV^{commit}") ||
		{ echo "build.sh: $REV is no revision of $ROOT" >&2; exit 1; }
	SRC=$DIR/src
	# a fresh export: a tree left from another revision must not mix in
	if [ -f "$SRC/.jr-revision" ] && [ "$(cat "$SRC/.jr-revision")" != "$COMMIT" ]; then
		rm -rf "$SRC" "$DIR/build"
	fi
	if [ ! -f "$SRC/.jr-revision" ]; then
		mkdir -p "$SRC"
		git -C "$ROOT" archive "$COMMIT" | tar -x -C "$SRC"
		echo "$COMMIT" >"$SRC/.jr-revision"
	fi
else
	SRC=$ROOT
	COMMIT="$(git -C "$ROOT" rev-parse HEAD)$(git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || echo ' with uncommitted changes')"
fi

if [ ! -f "$DIR/build/build.ninja" ]; then
	meson setup "$DIR/build" "$SRC" -Dbuildtype=release -Db_sanitize=none -Dtests=false >/dev/null
fi
ninja -C "$DIR/build" -j"${JOBS:-2}" >/dev/null
echo "$(echo "$COMMIT" | cut -c1-12)${COMMIT:40}" >"$DIR/build/jr-revision.txt"
echo "build.sh: $COMMIT built in $DIR/build (buildtype=release, tests=false)"
echo "JR_BUILD=$DIR"
