#!/usr/bin/env bash
# worklist.sh: the consulent's work list of issue 14 point 2 (docs/BENCHMARKS.md, "Work list").
#
# Makes a demo region of YOUTH youths (SQLite, release build) — enough that the demo consulent's
# municipality (Enschede, 0153) has at least 2,000 open help requests, each with what its
# deadlines are computed from (allocations, goals, measures, provider's requests) — starts
# `jeugdroute serve`, logs in as the demo's consulent, takes ASSIGN help requests from the team's
# queue (POST …/assignee), and sends COUNT work-list requests of each kind over one kept-alive
# connection (curl with a config of many transfers):
#   all       GET /api/v1/help-requests?assignee=any&sort=deadline   every open request, nearest deadline first
#   queue     GET /api/v1/help-requests?assignee=none&sort=deadline  the team's queue
#   mine      GET /api/v1/help-requests?assignee=me&sort=deadline    "mijn cases"
#   overdue   GET /api/v1/help-requests?deadline=overdue&sort=deadline
# Each answer computes the nearest deadline of every open request of the municipality (to sort
# and to count per step) and returns a page of 25. Prints p50, p90, p99 and the maximum of each
# kind (curl's time_total, so the loopback round trip is in it), with how many were accepted
# (200) and refused; any refused request fails the run. Target: p99 under 50 ms.
#
# Baseline, in the same run: the sqlite3 shell running the five bare queries the store runs for
# the list (the help requests and the facts of their deadlines, store_deadlines.c), without the
# server, the deadlines' computation, the sort, the page, the audit or HTTP; reported as a
# ratio to the server's p50.
#
# Usage: bench/worklist.sh [YOUTH] [COUNT] [ASSIGN]   (defaults 160000 youths, 200 per kind, 100)
set -euo pipefail

cd "$(dirname "$0")/.."
YOUTH=${1:-160000}
COUNT=${2:-200}
ASSIGN=${3:-100}
for tool in jq sqlite3 curl meson ninja; do
	command -v "$tool" >/dev/null || { echo "worklist.sh: $tool is missing" >&2; exit 1; }
done
. bench/which_build.sh
JR=$B/jeugdroute
WORK=$(mktemp -d /tmp/jr-worklist-bench-XXXXXX)
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
echo "revision: $(cd "$OLDPWD" && jr_build_revision)"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
export JEUGDROUTE_DEMO_PASSWORD=benchmark-only-2
"$JR" init --db s.db --key s.key >/dev/null
start=$(date +%s)
"$JR" demo --db s.db --key s.key --youth "$YOUTH" --seed 1 --date 2026-11-23 --logins ja >/dev/null 2>&1
MUNI=$(sqlite3 s.db "SELECT o.municipality FROM users u JOIN organisations o ON o.id = u.organisation_id
	WHERE u.username = 'consulent'")
OPEN=$(sqlite3 s.db "SELECT COUNT(*) FROM help_requests WHERE municipality = '$MUNI'
	AND state NOT IN ('closed', 'withdrawn')")
echo "records:  $(sqlite3 s.db 'SELECT COUNT(*) FROM persons') persons, $(sqlite3 s.db 'SELECT COUNT(*) FROM help_requests') help requests (demo of $YOUTH youths in $(($(date +%s) - start)) s)"
echo "list:     $OPEN open help requests in $MUNI, $(sqlite3 s.db "SELECT COUNT(*) FROM allocations a
	JOIN help_requests h ON h.id = a.help_request_id WHERE h.municipality = '$MUNI'") allocations, $(sqlite3 s.db "SELECT COUNT(*)
	FROM goals g JOIN help_requests h ON h.id = g.help_request_id WHERE h.municipality = '$MUNI'") goals"
if [ "$OPEN" -lt 2000 ]; then
	echo "worklist.sh: $MUNI has $OPEN open help requests, fewer than 2,000: give more youths" >&2
	exit 1
fi

"$JR" serve --db s.db --key s.key --listen 127.0.0.1:0 --threads "$(nproc)" --ready-file ready \
	>serve.out 2>serve.err &
JR_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
URL=$(head -1 ready)
CSRF=$(curl -s -c jar -H 'Content-Type: application/json' \
	-d "{\"username\":\"consulent\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" "$URL/api/v1/login" | jq -r .csrf)
COOKIE=$(awk '/jr_session/ { print $7 }' jar) # per transfer: `next` resets every option
ME=$(sqlite3 s.db "SELECT id FROM users WHERE username = 'consulent'")

# "mijn cases": the consulent takes ASSIGN help requests from the team's queue, through the API
TAKEN=0
for id in $(sqlite3 s.db "SELECT id FROM help_requests WHERE municipality = '$MUNI'
	AND state NOT IN ('closed', 'withdrawn') ORDER BY random() LIMIT $ASSIGN"); do
	v=$(sqlite3 s.db "SELECT version FROM help_requests WHERE id = $id")
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "jr_session=$COOKIE" -H 'Content-Type: application/json' \
		-H "X-CSRF-Token: $CSRF" -d "{\"user_id\":$ME,\"version\":$v}" "$URL/api/v1/help-requests/$id/assignee")
	[ "$code" = 200 ] && TAKEN=$((TAKEN + 1))
done
echo "assigned: $TAKEN of $ASSIGN to the consulent"
[ "$TAKEN" = "$ASSIGN" ] || { echo "worklist.sh: an assignment was refused" >&2; exit 1; }

# percentiles of the milliseconds in times.txt ("CODE SECONDS" per line) under the name $1
report() {
	local bad n
	bad=$(awk '$1 != 200' times.txt | wc -l)
	n=$(wc -l <times.txt)
	awk '{ print $2 * 1000 }' times.txt | sort -n | awk -v kind="$1" -v n="$n" -v bad="$bad" '
		{ t[NR] = $1 }
		function at(q,   i) { i = int(n * q); if (i < 1) i = 1; return t[i] }
		END {
			printf "%-9s accepted %-4d refused %-3d p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n",
				kind, n - bad, bad, at(0.50), at(0.90), at(0.99), t[n]
		}'
	REFUSED=$((REFUSED + bad))
}

run() { # run KIND QUERY
	: >curl.cfg
	for _ in $(seq 1 "$COUNT"); do
		{
			[ -s curl.cfg ] && echo 'next'
			echo "url = \"$URL/api/v1/help-requests?$2&per_page=25\""
			echo "cookie = \"jr_session=$COOKIE\""
			echo 'output = "/dev/null"'
			echo 'write-out = "%{http_code} %{time_total}\n"'
		} >>curl.cfg
	done
	curl -s -K curl.cfg >times.txt
	report "$1"
	if [ "$1" = all ]; then
		ALL_P50=$(awk '{ print $2 * 1000 }' times.txt | sort -n | awk '{ t[NR] = $1 } END { i = int(NR / 2); if (i < 1) i = 1; print t[i] }')
	fi
	return 0
}

echo
echo "== GET /api/v1/help-requests as the consulent of $MUNI ($COUNT per kind, one connection, pages of 25)"
REFUSED=0
ALL_P50=
run all 'assignee=any&sort=deadline'
run queue 'assignee=none&sort=deadline'
run mine 'assignee=me&sort=deadline'
run overdue 'deadline=overdue&sort=deadline'
curl -s -b "jr_session=$COOKIE" "$URL/api/v1/help-requests?assignee=any&sort=deadline&per_page=1" |
	jq -r '"counts:   " + (.counts | to_entries | map("\(.key) \(.value)") | join(" · ")) + " (total \(.total))"'

# Baseline: the five bare queries of the list in the sqlite3 shell (the SQL of store_deadlines.c
# for a municipality's open requests), each timed by the shell (.timer, with the rows printed to
# a pipe, as the server reads them all); the p50 of their sum.
W="h.municipality = '$MUNI' AND h.state IN ('registered', 'analysed', 'planned', 'in_care', 'evaluated')"
cat >bare.sql <<EOF
.timer on
SELECT h.id, h.child_id, h.municipality, h.raised_on, h.state, p.birth_date, (SELECT COUNT(*) FROM allocations al WHERE al.help_request_id = h.id), COALESCE(h.assignee_user_id, 0) FROM help_requests h JOIN persons p ON p.id = h.child_id WHERE $W ORDER BY h.id;
SELECT r.help_request_id, MIN(r.id), r.kind, MIN(m.created_at), r.status FROM ijw_requests r JOIN ijw_messages m ON m.id = r.message_id JOIN help_requests h ON h.id = r.help_request_id WHERE $W AND r.status IN ('open', 'investigating') GROUP BY r.help_request_id, r.provider_id, r.reference, r.kind, r.status ORDER BY 1, 2;
SELECT al.help_request_id, al.id, al.number, al.start_date, al.end_date, (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = al.id), (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = al.id AND d.stopped_on IS NULL) FROM allocations al JOIN help_requests h ON h.id = al.help_request_id WHERE $W ORDER BY 1, 2;
SELECT g.help_request_id, g.id, g.review_on FROM goals g JOIN help_requests h ON h.id = g.help_request_id WHERE $W AND g.review_on IS NOT NULL ORDER BY 1, g.review_on, g.id;
SELECT h.id, m.id, m.kind, m.end_date FROM measures m JOIN help_requests h ON h.child_id = m.child_id WHERE $W AND m.end_date IS NOT NULL ORDER BY 1, m.end_date DESC, m.id;
EOF
for _ in $(seq 1 50); do
	sqlite3 s.db <bare.sql 2>&1 | awk '/^Run Time/ { s += $4 } END { printf "%.3f\n", s * 1000 }'
done | sort -n >bare.txt
BARE_P50=$(awk '{ t[NR] = $1 } END { i = int(NR / 2); if (i < 1) i = 1; print t[i] }' bare.txt)
echo
echo "== baseline: the five bare queries in the sqlite3 shell (50 runs)"
awk -v p50="$BARE_P50" -v srv="$ALL_P50" 'BEGIN {
	printf "bare      p50 %6.2f ms; the server'\''s work list (all) p50 %.2f ms = %.1f x the bare queries\n",
		p50, srv, (p50 > 0 ? srv / p50 : 0) }'

# every request here is one the consulent may make: a refused one is a failure, not a data point
if [ "$REFUSED" -gt 0 ]; then
	echo "worklist.sh: $REFUSED requests were refused (not 200); the timings above are not valid" >&2
	exit 1
fi
