#!/usr/bin/env bash
# provider_worklist.sh: the provider's work list of issue 15 point 2 (docs/BENCHMARKS.md,
# "Issue 15: provider work list").
#
# Makes a demo region of YOUTH youths (SQLite, release build), then gives the demo's provider
# (login "aanbieder") ALLOC allocations: every allocation of the demo is made over to it, and
# when the demo holds fewer, its allocations are copied (with their deliveries, under new
# numbers) until there are ALLOC — a provider with that many children in every stage: new, not
# started after the term, running, ending soon, ended. Starts `jeugdroute serve`, logs in as
# the provider and sends COUNT requests of each kind over one kept-alive connection (curl with a
# config of many transfers):
#   all          GET /api/v1/allocations/worklist                    every group, newest first
#   new          GET /api/v1/allocations/worklist?group=new
#   not_started  GET /api/v1/allocations/worklist?group=not_started  the oldest start first
#   running      GET /api/v1/allocations/worklist?group=running
#   ending       GET /api/v1/allocations/worklist?group=ending       the nearest end first
#   deep         GET /api/v1/allocations/worklist?page=40            a page far down the list
# Each answer counts every group over all the provider's allocations and returns a page of 25
# (each child on it audited). Prints p50, p90, p99 and the maximum of each kind (curl's
# time_total, so the loopback round trip is in it), with how many were accepted (200) and
# refused; any refused request fails the run. Target: p99 under 50 ms. Beside each kind, the
# server's own CPU time per request (from /proc), and at the end the bare statements in the
# sqlite3 shell: on a shared machine these say what the work costs, the wall clock what the
# machine's load adds.
#
# Usage: bench/provider_worklist.sh [YOUTH] [ALLOC] [COUNT]   (defaults 20000 youths, 5000, 200)
set -euo pipefail

cd "$(dirname "$0")/.."
YOUTH=${1:-20000}
ALLOC=${2:-5000}
COUNT=${3:-200}
for tool in jq sqlite3 curl meson ninja; do
	command -v "$tool" >/dev/null || { echo "provider_worklist.sh: $tool is missing" >&2; exit 1; }
done
. bench/which_build.sh
JR=$B/jeugdroute
WORK=$(mktemp -d /tmp/jr-provider-worklist-XXXXXX)
JR_PID=
cleanup() {
	[ -n "$JR_PID" ] && kill "$JR_PID" 2>/dev/null && wait "$JR_PID" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

echo "== machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:    $(nproc)"
echo "cpu:      $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
echo "revision: $(cd "$OLDPWD" && jr_build_revision)"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
export JEUGDROUTE_DEMO_PASSWORD=benchmark-only-2
"$JR" init --db s.db --key s.key >/dev/null
start=$(date +%s)
"$JR" demo --db s.db --key s.key --youth "$YOUTH" --seed 1 --date 2026-11-23 --logins ja >/dev/null 2>&1
echo "records:  $(sqlite3 s.db 'SELECT COUNT(*) FROM persons') persons, $(sqlite3 s.db 'SELECT COUNT(*) FROM allocations') allocations (demo of $YOUTH youths in $(($(date +%s) - start)) s)"

# the demo provider's own provider record (by the AGB code of its organisation)
P=$(sqlite3 s.db "SELECT p.id FROM users u JOIN organisations o ON o.id = u.organisation_id
	JOIN providers p ON p.agb = o.agb WHERE u.username = 'aanbieder'")
[ -n "$P" ] || { echo "provider_worklist.sh: the demo has no provider login" >&2; exit 1; }
sqlite3 s.db "UPDATE allocations SET provider_id = $P"
while [ "$(sqlite3 s.db 'SELECT COUNT(*) FROM allocations')" -lt "$ALLOC" ]; do
	sqlite3 s.db "BEGIN;
	CREATE TEMP TABLE src AS SELECT id FROM allocations ORDER BY id
		LIMIT $ALLOC - (SELECT COUNT(*) FROM allocations);
	CREATE TEMP TABLE base AS SELECT MAX(id) AS m FROM allocations;
	INSERT INTO allocations (id, help_request_id, number, provider_id, referral_id, form, jz020,
		regime, result_description, intensity, product_code, volume, unit, frequency, start_date,
		end_date, change_reason, version, created_at, responsible_municipality)
		SELECT a.id + base.m, a.help_request_id, CAST(a.id + base.m AS TEXT), a.provider_id,
		a.referral_id, a.form, a.jz020, a.regime, a.result_description, a.intensity,
		a.product_code, a.volume, a.unit, a.frequency, a.start_date, a.end_date, a.change_reason,
		a.version, a.created_at, a.responsible_municipality
		FROM allocations a JOIN src ON src.id = a.id, base;
	INSERT INTO deliveries (allocation_id, started_on, stopped_on, end_reason, goals_reached,
		continues_without_help, satisfaction, created_at)
		SELECT d.allocation_id + base.m, d.started_on, d.stopped_on, d.end_reason, d.goals_reached,
		d.continues_without_help, d.satisfaction, d.created_at
		FROM deliveries d JOIN src ON src.id = d.allocation_id, base;
	COMMIT;"
done
echo "provider: $(sqlite3 s.db "SELECT COUNT(*) FROM allocations WHERE provider_id = $P") allocations, $(sqlite3 s.db "SELECT COUNT(*) FROM deliveries d JOIN allocations a ON a.id = d.allocation_id WHERE a.provider_id = $P") deliveries"

"$JR" serve --db s.db --key s.key --listen 127.0.0.1:0 --threads "$(nproc)" --ready-file ready \
	>serve.out 2>serve.err &
JR_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
URL=$(head -1 ready)
curl -s -c jar -H 'Content-Type: application/json' \
	-d "{\"username\":\"aanbieder\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" "$URL/api/v1/login" >/dev/null
COOKIE=$(awk '/jr_session/ { print $7 }' jar) # per transfer: `next` resets every option
[ -n "$COOKIE" ] || { echo "provider_worklist.sh: the provider could not log in" >&2; exit 1; }

# percentiles of the milliseconds in times.txt ("CODE SECONDS" per line) under the name $1
report() {
	local bad n
	bad=$(awk '$1 != 200' times.txt | wc -l)
	n=$(wc -l <times.txt)
	awk '{ print $2 * 1000 }' times.txt | sort -n | awk -v kind="$1" -v n="$n" -v bad="$bad" '
		{ t[NR] = $1 }
		function at(q,   i) { i = int(n * q); if (i < 1) i = 1; return t[i] }
		END {
			printf "%-12s accepted %-4d refused %-3d p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n",
				kind, n - bad, bad, at(0.50), at(0.90), at(0.99), t[n]
		}'
	REFUSED=$((REFUSED + bad))
}

run() { # run KIND QUERY
	: >curl.cfg
	for _ in $(seq 1 "$COUNT"); do
		{
			[ -s curl.cfg ] && echo 'next'
			echo "url = \"$URL/api/v1/allocations/worklist?$2&per_page=25\""
			echo "cookie = \"jr_session=$COOKIE\""
			echo 'output = "/dev/null"'
			echo 'write-out = "%{http_code} %{time_total}\n"'
		} >>curl.cfg
	done
	local before after
	before=$(cpu_ms)
	curl -s -K curl.cfg >times.txt
	after=$(cpu_ms)
	report "$1"
	echo "$1 $before $after" | awk -v n="$COUNT" '{ printf "%-12s server CPU %.2f ms per request (user + system of the server process)\n", $1, ($3 - $2) / n }'
}
# the server's CPU time so far in ms (user + system, from /proc): less bound to the machine's
# load than the wall-clock times, which include the waits for a core
cpu_ms() {
	awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$JR_PID/stat"
}

echo
echo "== GET /api/v1/allocations/worklist as the provider ($COUNT per kind, one connection, pages of 25)"
REFUSED=0
run all 'group=all'
run new 'group=new'
run not_started 'group=not_started'
run running 'group=running'
run ending 'group=ending'
run deep 'group=all&page=40'
curl -s -b "jr_session=$COOKIE" "$URL/api/v1/allocations/worklist?per_page=1" |
	jq -r '"counts:   " + (.counts | to_entries | map("\(.key) \(.value)") | join(" · "))'

# Baseline: the work list's two statements (the counts, and the page of `all` cut before its
# joins) in the sqlite3 shell, without the server, the audit or HTTP; `user` CPU time per run,
# averaged over 20 runs in one shell session (a measure of the work, less of the machine's load).
AGB=$(sqlite3 s.db "SELECT agb FROM providers WHERE id = $P")
TODAY=$(date +%Y-%m-%d)
W="WITH w AS (SELECT al.id AS id, al.start_date AS start_date, al.end_date AS end_date, CASE
 WHEN EXISTS (SELECT 1 FROM deliveries de WHERE de.allocation_id = al.id AND de.stopped_on IS NULL)
 THEN CASE WHEN al.end_date IS NOT NULL AND al.end_date <= date('$TODAY', '+42 days') THEN 3 ELSE 2 END
 WHEN NOT EXISTS (SELECT 1 FROM deliveries de WHERE de.allocation_id = al.id)
 AND (al.end_date IS NULL OR al.end_date >= '$TODAY')
 THEN CASE WHEN al.start_date < date('$TODAY', '-28 days') THEN 1 ELSE 0 END ELSE 4 END AS grp
 FROM allocations al WHERE al.provider_id IN (SELECT id FROM providers WHERE agb = '$AGB'))"
{
	echo '.timer on'
	for _ in $(seq 1 20); do
		echo "$W SELECT grp, COUNT(*) FROM w GROUP BY grp;"
		echo "$W SELECT al.id, p.given_names, p.family_name FROM (SELECT x.id, x.grp, x.start_date FROM w x
 ORDER BY x.grp, x.start_date DESC, x.id DESC LIMIT 25) pg JOIN allocations al ON al.id = pg.id
 JOIN help_requests h ON h.id = al.help_request_id JOIN persons p ON p.id = h.child_id;"
	done
} >bare.sql
sqlite3 s.db <bare.sql | awk '/^Run Time/ { u += $6; n++ } END {
	printf "\n== baseline: the two statements in the sqlite3 shell\nbare      counts + page, user CPU %.2f ms per request (mean of %d)\n", u / n * 2 * 1000, n / 2 }'
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the run"

# every request here is one the provider may make: a refused one is a failure, not a data point
if [ "$REFUSED" -gt 0 ]; then
	echo "provider_worklist.sh: $REFUSED requests were refused (not 200); the timings above are not valid" >&2
	exit 1
fi
