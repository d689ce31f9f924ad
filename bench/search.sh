#!/usr/bin/env bash
# search.sh: the person search of issue 14 (docs/BENCHMARKS.md, "Search").
#
# Makes a demo region of YOUTH children (SQLite, release build), starts `jeugdroute serve`, logs
# in as the demo's consulent and sends COUNT searches over one kept-alive connection (curl with
# a config of many transfers): by a name prefix of 3 to 6 letters of a family name on record, by
# a given name with a birth date, by a birth date alone and by BSN — each POST
# /api/v1/persons/search, through the consulent's reach. Prints p50, p90, p99 and the maximum of
# each kind (curl's time_total, so the loopback round trip is in it).
#
# Usage: bench/search.sh [YOUTH] [COUNT]   (defaults 20000 children, 400 searches per kind)
#        JR_SEARCH_DEMO=DIR bench/search.sh - [COUNT]   (DIR/s.db and DIR/s.key of a demo made
#        before with JEUGDROUTE_ADMIN_PASSWORD and JEUGDROUTE_DEMO_PASSWORD as below)
set -euo pipefail

cd "$(dirname "$0")/.."
YOUTH=${1:-20000}
COUNT=${2:-400}
for tool in jq sqlite3 curl meson ninja; do
	command -v "$tool" >/dev/null || { echo "search.sh: $tool is missing" >&2; exit 1; }
done
. bench/which_build.sh
JR=$B/jeugdroute
WORK=$(mktemp -d /tmp/jr-search-bench-XXXXXX)
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
if [ -n "${JR_SEARCH_DEMO:-}" ]; then
	# a demo made before (a million persons takes minutes), used in place, with its audit
	# key and checkpoints beside it (the searches add audit entries); made with the passwords
	# above. The scratch files of the run go there too.
	cd "$JR_SEARCH_DEMO"
	echo "persons:  $(sqlite3 s.db 'SELECT COUNT(*) FROM persons') (the demo in $JR_SEARCH_DEMO)"
else
	"$JR" init --db s.db --key s.key >/dev/null
	start=$(date +%s)
	"$JR" demo --db s.db --key s.key --youth "$YOUTH" --seed 1 --date 2026-11-23 --logins ja >/dev/null 2>&1
	echo "persons:  $(sqlite3 s.db 'SELECT COUNT(*) FROM persons') (demo of $YOUTH youths in $(($(date +%s) - start)) s)"
fi
echo "keys:     $(sqlite3 s.db 'SELECT COUNT(*) FROM person_name_keys') name keys"

rm -f ready # a run before in the same place left its own
"$JR" serve --db s.db --key s.key --listen 127.0.0.1:0 --threads "$(nproc)" --ready-file ready \
	>serve.out 2>serve.err &
JR_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
URL=$(head -1 ready)
CSRF=$(curl -s -c jar -H 'Content-Type: application/json' \
	-d "{\"username\":\"consulent\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" "$URL/api/v1/login" | jq -r .csrf)
COOKIE=$(awk '/jr_session/ { print $7 }' jar) # per transfer: `next` resets every option
MUNI=$(sqlite3 s.db "SELECT o.municipality FROM users u JOIN organisations o ON o.id = u.organisation_id
	WHERE u.username = 'consulent'")

# the bodies of one kind, one JSON per line, from persons of the consulent's municipality
bodies() {
	case $1 in
	name) sqlite3 s.db "SELECT family_name FROM persons WHERE municipality = '$MUNI'
		ORDER BY random() LIMIT $COUNT" |
		while read -r n; do jq -cn --arg n "${n:0:$((3 + RANDOM % 4))}" '{name: $n}'; done ;;
	name_birth) sqlite3 -separator '|' s.db "SELECT given_names, birth_date FROM persons
		WHERE municipality = '$MUNI' ORDER BY random() LIMIT $COUNT" |
		while IFS='|' read -r g b; do jq -cn --arg n "$g" --arg b "$b" '{name: $n, birth_date: $b}'; done ;;
	birth) sqlite3 s.db "SELECT birth_date FROM persons WHERE municipality = '$MUNI'
		ORDER BY random() LIMIT $COUNT" | while read -r b; do jq -cn --arg b "$b" '{birth_date: $b}'; done ;;
	bsn) # BSNs are sealed: read a sample through the CLI
		for id in $(sqlite3 s.db "SELECT id FROM persons WHERE municipality = '$MUNI'
			ORDER BY random() LIMIT $(( COUNT < 100 ? COUNT : 100 ))"); do
			"$JR" person show "$id" --db s.db --key s.key | jq -c '{bsn: .bsn}'
		done ;;
	esac
}

run() { # run KIND
	bodies "$1" >bodies.txt
	: >curl.cfg
	while read -r b; do
		{
			[ -s curl.cfg ] && echo 'next'
			echo "url = \"$URL/api/v1/persons/search\""
			echo 'request = "POST"'
			echo "cookie = \"jr_session=$COOKIE\""
			echo 'header = "Content-Type: application/json"'
			echo "header = \"X-CSRF-Token: $CSRF\""
			echo "data = $(jq -Rn --arg b "$b" '$b')"
			echo 'output = "/dev/null"'
			echo 'write-out = "%{http_code} %{time_total}\n"'
		} >>curl.cfg
	done <bodies.txt
	curl -s -K curl.cfg >times.txt
	local bad n
	bad=$(awk '$1 != 200' times.txt | wc -l)
	n=$(wc -l <times.txt)
	awk '{ print $2 * 1000 }' times.txt | sort -n | awk -v kind="$1" -v n="$n" -v bad="$bad" '
		{ t[NR] = $1 }
		function at(q,   i) { i = int(n * q); if (i < 1) i = 1; return t[i] }
		END {
			printf "%-11s accepted %-4d refused %-3d p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms\n",
				kind, n - bad, bad, at(0.50), at(0.90), at(0.99), t[n]
			printf "%s %f %f\n", kind, at(0.50), at(0.99) >> "quantiles.txt"
		}'
	REFUSED=$((REFUSED + bad))
}

echo
echo "== POST /api/v1/persons/search as the consulent of $MUNI ($COUNT per kind, one connection)"
REFUSED=0
: >quantiles.txt
for kind in name name_birth birth bsn; do run "$kind"; done
# the baseline of the same run: a BSN lookup through the same server, session, audit and
# connection (one indexed row), so that the machine's load cancels out of the ratio
echo
echo "== each kind against the BSN lookup of this run (p50 ratio, p99 ratio)"
awk '{ p50[$1] = $2; p99[$1] = $3 } END {
	for (k in p50) if (k != "bsn") printf "%-11s %5.1fx  %5.1fx\n", k, p50[k] / p50["bsn"], p99[k] / p99["bsn"]
}' quantiles.txt | sort
# every search here is one the consulent may make: a refused one is a failure, not a data point
if [ "$REFUSED" -gt 0 ]; then
	echo "search.sh: $REFUSED searches were refused (not 200); the timings above are not valid" >&2
	exit 1
fi
