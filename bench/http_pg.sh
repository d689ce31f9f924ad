#!/usr/bin/env bash
# http_pg.sh: the family page on PostgreSQL with two servers against one server on SQLite (issue
# 17 point 5; docs/BENCHMARKS.md, "The family page on PostgreSQL").
#
# The same demo region (YOUTH youths, default 16,000, with one login per role) is made twice: in
# a SQLite file, and in a PostgreSQL database of a throw-away cluster on loopback
# (tools/pg-test.sh: fsync off, which a page that only reads does not feel). Then, in one run:
#   1. one `jeugdroute serve` on the SQLite file, wrk -t2 -cCONNECTIONS for SECONDS against
#      GET /api/v1/households/{id} (a family's page, as the consulent of its municipality);
#   2. two `jeugdroute serve` processes on the PostgreSQL database, one wrk -t1 -c(CONNECTIONS/2)
#      against each at once, the rates added;
# and reports requests/s, p50/p99 and the ratio of 2 to 1. Every answer must be 200, else it fails.
# All of it shares the machine's cores: on a machine of two cores both servers, PostgreSQL and
# wrk take turns on the same two, so the ratio is that of the work each request costs, not of
# what a second machine would add.
#
# Usage: bench/http_pg.sh [SECONDS] [CONNECTIONS] [YOUTH]   (defaults 20 s, 64, 16000)
# Needs: wrk, jq, sqlite3, psql, postgresql-15.
set -euo pipefail

cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNS=${2:-64}
YOUTH=${3:-16000}
for tool in wrk jq sqlite3 psql meson ninja; do
	command -v "$tool" >/dev/null || { echo "http_pg.sh: $tool is missing" >&2; exit 1; }
done
. bench/which_build.sh
JR=$B/jeugdroute
ROOT=$PWD
WORK=$(mktemp -d /tmp/jr-http-pg-XXXXXX)
PGDIR=$(mktemp -d -u /tmp/jr-http-pg-cluster-XXXXXX) # beside WORK: the cluster's user must reach it
PIDS=
cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	sh "$ROOT/tools/pg-test.sh" stop "$PGDIR" >/dev/null 2>&1 || true
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

echo "== machine"
echo "command: bench/http_pg.sh $SECONDS_EACH $CONNS $YOUTH${JR_BUILD:+ (JR_BUILD=$JR_BUILD)}"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:   $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "wrk:     $(wrk -v 2>&1 | head -1)"
echo "build:   $B, $(cd "$ROOT" && jr_build_revision)"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
export JEUGDROUTE_DEMO_PASSWORD=benchmark-only-2
(cd / && sh "$ROOT/tools/pg-test.sh" start "$PGDIR" >/dev/null)
PG=$(cat "$PGDIR/url")
echo "postgres: $(psql -X -A -t "$PG" -c 'SELECT version()' | cut -d, -f1)"
key() { [ "$1" = s.db ] && echo sqlite.key || echo pg.key; } # a key (and audit files) per database
for db in s.db "$PG"; do
	"$JR" init --db "$db" --key "$(key "$db")" >/dev/null
	t0=$(date +%s.%N)
	"$JR" demo --db "$db" --key "$(key "$db")" --youth "$YOUTH" --seed 1 --date 2026-11-23 --logins ja \
		>demo.json 2>/dev/null
	echo "demo on $([ "$db" = s.db ] && echo SQLite || echo PostgreSQL): $(jq -c '{youths, persons, households}' demo.json) in $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-6) s"
done

start() { # NAME DB: a server, its URL in ready-NAME
	"$JR" serve --db "$2" --key "$(key "$2")" --listen 127.0.0.1:0 --threads "$(nproc)" \
		--ready-file "ready-$1" >"serve-$1.out" 2>"serve-$1.err" &
	PIDS="$PIDS $!"
	for _ in $(seq 1 100); do [ -s "ready-$1" ] && break; sleep 0.1; done
	[ -s "ready-$1" ] || { echo "http_pg.sh: server $1 did not start: $(cat "serve-$1.err")" >&2; exit 1; }
}
cookie() { # URL → the consulent's session cookie
	curl -s -c "c.jar" -H 'Content-Type: application/json' \
		-d "{\"username\":\"consulent\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" "$1/api/v1/login" >/dev/null
	awk '/jr_session/ { print $7 }' c.jar
}
# the consulent's municipality's family with the most members in care (the same in both
# databases: the demo is seeded)
MUNI=$(sqlite3 s.db "SELECT o.municipality FROM users u JOIN organisations o ON o.id = u.organisation_id
	WHERE u.username = 'consulent'")
HOUSEHOLD=$(sqlite3 s.db "SELECT hm.household_id FROM household_members hm
	JOIN help_requests h ON h.child_id = hm.person_id JOIN allocations a ON a.help_request_id = h.id
	JOIN persons p ON p.id = hm.person_id WHERE p.municipality = '$MUNI'
	GROUP BY hm.household_id ORDER BY COUNT(*) DESC, hm.household_id LIMIT 1")
[ -n "$HOUSEHOLD" ] || { echo "http_pg.sh: no family in care in $MUNI: take more youths" >&2; exit 1; }
# wrk with latency: "rps p50 p99 non2xx"
run() { # NAME THREADS CONNS COOKIE URL
	wrk -t"$2" -c"$3" -d"${SECONDS_EACH}s" --latency -H "Cookie: jr_session=$4" "$5" >"wrk-$1.txt" 2>&1
	awk '/Requests\/sec:/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
		/Non-2xx or 3xx responses:/ { bad = $5 }
		END { printf "%s %s %s %s\n", rps, p50, p99, bad ? bad : 0 }' "wrk-$1.txt"
}

echo
echo "== GET /api/v1/households/$HOUSEHOLD, wrk ${SECONDS_EACH}s, $CONNS connections in all"
start sqlite s.db
U=$(cat ready-sqlite)
CK=$(cookie "$U")
curl -s -b "jr_session=$CK" "$U/api/v1/households/$HOUSEHOLD" >family-sqlite.json
read -r S_RPS S_P50 S_P99 S_BAD < <(run sqlite 2 "$CONNS" "$CK" "$U/api/v1/households/$HOUSEHOLD")
echo "SQLite, one server:          $S_RPS req/s, p50 $S_P50, p99 $S_P99, non-2xx $S_BAD ($(stat -c %s family-sqlite.json) bytes)"
kill $PIDS
wait 2>/dev/null || true
PIDS=
start a "$PG"
start b "$PG"
UA=$(cat ready-a)
UB=$(cat ready-b)
CK=$(cookie "$UA") # sessions live in the database: one for both
curl -s -b "jr_session=$CK" "$UA/api/v1/households/$HOUSEHOLD" >family-pg.json
run pg-a 1 $((CONNS / 2)) "$CK" "$UA/api/v1/households/$HOUSEHOLD" >pg-a.out &
WA=$!
run pg-b 1 $((CONNS / 2)) "$CK" "$UB/api/v1/households/$HOUSEHOLD" >pg-b.out &
WB=$!
wait "$WA" "$WB"
read -r A_RPS A_P50 A_P99 A_BAD <pg-a.out
read -r B_RPS B_P50 B_P99 B_BAD <pg-b.out
echo "PostgreSQL, server a:        $A_RPS req/s, p50 $A_P50, p99 $A_P99, non-2xx $A_BAD"
echo "PostgreSQL, server b:        $B_RPS req/s, p50 $B_P50, p99 $B_P99, non-2xx $B_BAD"
P_RPS=$(echo "$A_RPS + $B_RPS" | bc)
echo "PostgreSQL, two servers:     $P_RPS req/s ($(stat -c %s family-pg.json) bytes)"
echo
echo "== ratio: two PostgreSQL servers / one SQLite server"
echo "scale=3; $P_RPS / $S_RPS" | bc
if [ "$S_BAD" != 0 ] || [ "$A_BAD" != 0 ] || [ "$B_BAD" != 0 ] || ! cmp -s family-sqlite.json family-pg.json; then
	echo "http_pg.sh: a page was answered other than 200, or the two engines' pages differ: the figures above are not of the work meant" >&2
	exit 1
fi
