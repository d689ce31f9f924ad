#!/usr/bin/env bash
# http.sh: the server benchmark of issue 4 §7 (docs/BENCHMARKS.md, "Server").
#
# Makes the demo region of 16,000 youths (SQLite, with one login per role), starts
# `jeugdroute serve` on loopback, and runs wrk against
#   1. GET  /api/v1/households/{id}   a family's page data, as the consulent of its municipality
#   2. POST /api/v1/route             the routing engine (examples/01-…json)
#   3. POST /api/v1/referrals         a GP's referral of a child new to the records (each request
#                                     another, bench/http_referral.lua): the child, a help request
#                                     and a referral, written durably (synchronous=FULL), audited;
#                                     every one must be 201 Created, or the script fails
# and, in the same run, nginx (Debian) serving a static JSON file of the same size as the family
# page, as the ceiling. Reports requests/s, p50 and p99 latency, and the ratio to nginx.
#
# Usage: bench/http.sh [SECONDS] [CONNECTIONS]   (defaults 20 s, 64 connections; wrk -t2)
# JR_BUILD=DIR bench/http.sh … measures the build made by bench/build.sh DIR [REV].
# Needs: wrk, nginx (apt-get install wrk nginx-light), jq, sqlite3.
set -euo pipefail

cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNS=${2:-64}
for tool in wrk nginx jq sqlite3 meson ninja; do
	command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
		{ echo "http.sh: $tool is missing" >&2; exit 1; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
. bench/which_build.sh
JR=$B/jeugdroute
ROOT=$PWD

WORK=$(mktemp -d /tmp/jr-http-bench-XXXXXX)
JR_PID=
NGINX_PID=
cleanup() {
	[ -n "$JR_PID" ] && kill "$JR_PID" 2>/dev/null || true
	[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

echo "== machine"
echo "command: bench/http.sh $SECONDS_EACH $CONNS${JR_BUILD:+ (JR_BUILD=$JR_BUILD)}"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:   $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "wrk:     $(wrk -v 2>&1 | head -1)"
echo "nginx:   $("$NGINX" -v 2>&1)"
echo "build:   $B, $(cd "$ROOT" && jr_build_revision), $(meson introspect "$B" --buildoptions |
	jq -r '[.[] | select(.name == "buildtype") | "\(.name)=\(.value)"] | join(" ")')"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
export JEUGDROUTE_DEMO_PASSWORD=benchmark-only-2
"$JR" init --db s.db --key s.key >/dev/null
"$JR" demo --db s.db --key s.key --youth 16000 --seed 1 --date 2026-11-23 --logins ja \
	>demo.json 2>/dev/null
echo "demo:    $(jq -c '{youths, persons, households, help_requests, allocations}' demo.json)"

PORT=18480
NGINX_PORT=18481
"$JR" serve --db s.db --key s.key --listen 127.0.0.1:$PORT --threads "$(nproc)" \
	--ready-file ready >serve.out 2>serve.err &
JR_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
U=http://127.0.0.1:$PORT

# login NAME: "COOKIE CSRF"
login() {
	curl -s -c "$1.jar" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$1\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" "$U/api/v1/login" >"$1.json"
	echo "$(awk '/jr_session/ { print $7 }' "$1.jar") $(jq -r .csrf "$1.json")"
}
read -r C_COOKIE C_CSRF < <(login consulent)
read -r G_COOKIE G_CSRF < <(login huisarts)
MUNI=$(sqlite3 s.db "SELECT o.municipality FROM users u JOIN organisations o ON o.id = u.organisation_id
	WHERE u.username = 'consulent'")
HOUSEHOLD=$(sqlite3 s.db "SELECT hm.household_id FROM household_members hm
	JOIN help_requests h ON h.child_id = hm.person_id JOIN allocations a ON a.help_request_id = h.id
	JOIN persons p ON p.id = hm.person_id WHERE p.municipality = '$MUNI'
	GROUP BY hm.household_id ORDER BY COUNT(*) DESC LIMIT 1")
curl -s -b "jr_session=$C_COOKIE" "$U/api/v1/households/$HOUSEHOLD" >family.json
BYTES=$(stat -c %s family.json)
echo "family:  household $HOUSEHOLD of $MUNI, $BYTES bytes, $(jq '.timeline | length' family.json) timeline events"

# nginx: the same number of bytes as a static file, keep-alive, no logging
mkdir -p www
cp family.json www/family.json
chmod 755 "$WORK" www # nginx's workers run as www-data
chmod 644 www/family.json
cat >nginx.conf <<EOF
worker_processes $(nproc);
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
	access_log off;
	keepalive_requests 1000000;
	client_body_temp_path $WORK/tmp;
	proxy_temp_path $WORK/tmp;
	fastcgi_temp_path $WORK/tmp;
	uwsgi_temp_path $WORK/tmp;
	scgi_temp_path $WORK/tmp;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $WORK/www;
		default_type application/json;
	}
}
EOF
mkdir -p tmp
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
sleep 1

cat >post.lua <<'EOF'
-- wrk: POST the body in the file named by BODY with the headers in HEADERS ("Name: value|…")
local f = assert(io.open(os.getenv("BODY"), "r"))
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
for h in string.gmatch(os.getenv("HEADERS"), "[^|]+") do
	local name, value = h:match("^([^:]+):%s*(.*)$")
	wrk.headers[name] = value
end
EOF
cp "$ROOT/examples/01-enschede-lichte-opvoedvraag.json" route.json
GP_MUNI=$(sqlite3 s.db "SELECT o.municipality FROM users u JOIN organisations o ON o.id = u.organisation_id
	WHERE u.username = 'huisarts'")

# run NAME ARGS…: wrk with latency; prints "rps p50_ms p99_ms non2xx"
run() {
	local name=$1
	shift
	wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency "$@" >"wrk-$name.txt" 2>&1
	awk -v name="$name" '
		/Requests\/sec:/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
		/Non-2xx or 3xx responses:/ { bad = $5 }
		END { printf "%s %s %s %s\n", rps, p50, p99, bad ? bad : 0 }' "wrk-$name.txt"
}

echo
echo "== wrk -t2 -c$CONNS -d${SECONDS_EACH}s"
read -r N_RPS N_P50 N_P99 N_BAD < <(run nginx "http://127.0.0.1:$NGINX_PORT/family.json")
echo "nginx static $BYTES bytes:   $N_RPS req/s, p50 $N_P50, p99 $N_P99, non-2xx $N_BAD"
read -r F_RPS F_P50 F_P99 F_BAD < <(run family -H "Cookie: jr_session=$C_COOKIE" "$U/api/v1/households/$HOUSEHOLD")
echo "GET family page:            $F_RPS req/s, p50 $F_P50, p99 $F_P99, non-2xx $F_BAD"
read -r R_RPS R_P50 R_P99 R_BAD < <(BODY=route.json \
	HEADERS="Content-Type: application/json|Cookie: jr_session=$C_COOKIE|X-CSRF-Token: $C_CSRF" \
	run route -s post.lua "$U/api/v1/route")
echo "POST /api/v1/route:         $R_RPS req/s, p50 $R_P50, p99 $R_P99, non-2xx $R_BAD"
before=$(sqlite3 s.db "SELECT COUNT(*) FROM referrals")
read -r W_RPS W_P50 W_P99 W_BAD < <(MUNI=$GP_MUNI COOKIE=$G_COOKIE CSRF=$G_CSRF \
	run referral -s "$ROOT/bench/http_referral.lua" "$U/api/v1/referrals")
echo "POST /api/v1/referrals:     $W_RPS req/s, p50 $W_P50, p99 $W_P99, non-2xx $W_BAD"
read -r W_ANSWERS W_CREATED < <(sed -n 's/^referral answers: \([0-9]*\), of which 201 created: \([0-9]*\)$/\1 \2/p' wrk-referral.txt)
W_WRITTEN=$(($(sqlite3 s.db "SELECT COUNT(*) FROM referrals") - before))
echo "referrals:                  $W_ANSWERS answered, $W_CREATED of them 201 Created; $W_WRITTEN written (children new to the records, $GP_MUNI)"
echo "audit chain:                $("$JR" audit verify --db s.db --key s.key)"

FAILED=
[ "$F_BAD" = 0 ] && [ "$R_BAD" = 0 ] || FAILED="a family page or a route was answered other than 2xx"
if [ "$W_BAD" != 0 ] || [ "${W_ANSWERS:-0}" = 0 ] || [ "$W_ANSWERS" != "$W_CREATED" ] ||
	[ "$W_WRITTEN" -lt "$W_CREATED" ]; then
	FAILED="not every referral was made (201 Created and written)"
fi

echo
echo "== ratio to nginx (requests/s)"
awk -v n="$N_RPS" -v f="$F_RPS" -v r="$R_RPS" -v w="$W_RPS" 'BEGIN {
	printf "family page %.3f, route %.3f, referral %.3f\n", f / n, r / n, w / n }'
if [ -n "$FAILED" ]; then
	echo "http.sh: $FAILED: the figures above are not of the work meant" >&2
	exit 1
fi
