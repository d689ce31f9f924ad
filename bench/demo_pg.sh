#!/usr/bin/env bash
# demo_pg.sh: bulk work on PostgreSQL against SQLite (issue 17 point 5; docs/BENCHMARKS.md,
# "Issue 17: PostgreSQL at speed").
#
# In one run, on the same machine: `jeugdroute demo --youth YOUTH` (seeded) into a SQLite file,
# then into a PostgreSQL database of a throw-away cluster on loopback (tools/pg-test.sh); then
# `jeugdroute signals` over each. Reports the wall time of each and the ratio PostgreSQL /
# SQLite (the target: at most 3). It fails when a demo refuses work (the two demos must load the
# same records) or the two engines' signals differ: the figures would not be of the same work.
#
# Usage: bench/demo_pg.sh [YOUTH]   (default 16000; national scale: 500000, about half an hour)
# Needs: jq, psql, postgresql-15.
set -euo pipefail

cd "$(dirname "$0")/.."
YOUTH=${1:-16000}
for tool in jq psql meson ninja; do
	command -v "$tool" >/dev/null || { echo "demo_pg.sh: $tool is missing" >&2; exit 1; }
done
. bench/which_build.sh
JR=$B/jeugdroute
ROOT=$PWD
WORK=$(mktemp -d /tmp/jr-demo-pg-XXXXXX)
PGDIR=$(mktemp -d -u /tmp/jr-demo-pg-cluster-XXXXXX) # beside WORK: the cluster's user must reach it
cleanup() {
	sh "$ROOT/tools/pg-test.sh" stop "$PGDIR" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

echo "== machine"
echo "command: bench/demo_pg.sh $YOUTH${JR_BUILD:+ (JR_BUILD=$JR_BUILD)}"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:   $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "build:   $B, $(cd "$ROOT" && jr_build_revision)"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
export JEUGDROUTE_DEMO_PASSWORD=benchmark-only-2
(cd / && sh "$ROOT/tools/pg-test.sh" start "$PGDIR" >/dev/null)
PG=$(cat "$PGDIR/url")
echo "postgres: $(psql -X -A -t "$PG" -c 'SELECT version()' | cut -d, -f1)"
echo

seconds() { # the wall time /usr/bin/time wrote to time-NAME
	cut -d' ' -f1 "time-$1"
}
for engine in sqlite pg; do
	if [ "$engine" = sqlite ]; then db=$WORK/s.db; else db=$PG; fi
	"$JR" init --db "$db" --key "$engine.key" >/dev/null
	/usr/bin/time -f '%e %M' -o "time-demo-$engine" "$JR" demo --db "$db" --key "$engine.key" \
		--youth "$YOUTH" --seed 1 --date 2026-11-23 >"demo-$engine.json" 2>"demo-$engine.err" || {
		cat "demo-$engine.err" >&2
		exit 1
	}
	/usr/bin/time -f '%e %M' -o "time-signals-$engine" "$JR" signals --db "$db" \
		--key "$engine.key" --date 2026-11-23 >"signals-$engine.jsonl" 2>"signals-$engine.err" || {
		cat "signals-$engine.err" >&2
		exit 1
	}
	echo "$engine: demo $(seconds "demo-$engine") s ($(jq -c '{youths, persons, help_requests, allocations, allocations_refused, moves_refused}' "demo-$engine.json")); signals $(seconds "signals-$engine") s ($(wc -l <"signals-$engine.jsonl") signals)"
done

# the same records, the same signals: else the times are not of the same work
for f in demo-sqlite.json demo-pg.json; do jq -S 'del(.elapsed_seconds)' "$f" >"$f.cmp"; done
if ! cmp -s demo-sqlite.json.cmp demo-pg.json.cmp; then
	diff demo-sqlite.json.cmp demo-pg.json.cmp >&2 || true
	echo "demo_pg.sh: the two demos loaded different records" >&2
	exit 1
fi
if [ "$(jq '.allocations_refused + .moves_refused' demo-pg.json)" != 0 ]; then
	echo "demo_pg.sh: the demo refused work" >&2
	exit 1
fi
if ! cmp -s signals-sqlite.jsonl signals-pg.jsonl; then
	echo "demo_pg.sh: the two engines' signals differ" >&2
	exit 1
fi
echo
echo "== ratio PostgreSQL / SQLite (target: at most 3)"
echo "demo:    $(echo "scale=2; $(seconds demo-pg) / $(seconds demo-sqlite)" | bc)"
echo "signals: $(echo "scale=2; $(seconds signals-pg) / $(seconds signals-sqlite)" | bc)"
