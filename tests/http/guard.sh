#!/bin/sh
# Black-box tests of the server's defences (issue 11): sh tests/http/guard.sh BINARY
#   server A, behind a trusted proxy (127.0.0.1, so that curl can be many clients through
#   X-Forwarded-For): a made-up session cookie does not switch off the login's defences; login
#   throttling per client and name, alike for names that are nobody's; the Secure cookie over
#   HTTPS; the security headers; only the UI's own files; /metrics on its own listener; a
#   refused request audited, its writes undone.
#   server B, direct: the limit of connections per address, and the deadlines for a request's
#   head and body that a slow client cannot stretch.
# Prints TAP; exits 0 when everything passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
SLOW=$(dirname "$BIN")/http_slow
tap_need "$BIN" "$SLOW" curl jq sqlite3 npm
# the server serves the UI's npm packages (NL Design System CSS) from web/node_modules
sh "$(dirname "$0")/../../tools/npm-ci.sh" web >/dev/null 2>&1 || tap_bail "npm ci in web failed (make web-deps)"
WORK=$(mktemp -d /tmp/jr-guard-XXXXXX)
PIDS=
cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	for p in $PIDS; do wait "$p" 2>/dev/null; done
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
"$BIN" init --db g.db --key g.key >/dev/null || tap_bail "init"
"$BIN" demo --db g.db --key g.key --youth 60 --seed 3 --date 2026-11-23 >/dev/null 2>&1 ||
	tap_bail "demo"
TEAM=$("$BIN" organisation list --db g.db --key g.key --kind local_team --municipality 0141 | jq -s '.[0].id')
JEUGDROUTE_USER_PASSWORD=almelo-wachtwoord "$BIN" user add --db g.db --key g.key \
	--username c.almelo --role consulent --organisation "$TEAM" >/dev/null

start() { # start NAME OPTIONS…: a server; its URL in NAME.url (and NAME.metrics)
	name=$1
	shift
	"$BIN" serve --db g.db --key g.key --listen 127.0.0.1:0 --threads 2 --ready-file "$name.ready" \
		"$@" >"$name.out" 2>"$name.err" &
	PIDS="$PIDS $!"
	for _ in $(seq 1 100); do [ -s "$name.ready" ] && break; sleep 0.1; done
	[ -s "$name.ready" ] || tap_bail "server $name did not start" "$(cat "$name.err")"
	head -1 "$name.ready" >"$name.url"
	sed -n 2p "$name.ready" >"$name.metrics"
}
start a --trusted-proxy 127.0.0.1 --metrics-listen 127.0.0.1:0
start b --max-connections-per-address 4 --request-timeout 2
A=$(cat a.url)
AM=$(cat a.metrics)
B=$(cat b.url)
B_PORT=${B##*:}
JSON='Content-Type: application/json'

# post_login NAME STATUS ADDRESS USER PASSWORD [CURL-ARGS…]: a login from ADDRESS (via the proxy)
post_login() {
	name=$1 want=$2 from=$3 user=$4 password=$5
	shift 5
	got=$(curl -s -o body -D headers -w '%{http_code}' -H "$JSON" -H "X-Forwarded-For: $from" "$@" \
		-d "{\"username\":\"$user\",\"password\":\"$password\"}" "$A/api/v1/login")
	if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "status $got, expected $want" "$(head -c 300 body)"; fi
}
audit_count() { sqlite3 g.db "SELECT COUNT(*) FROM audit_log WHERE $1"; }
# guess ADDRESS USER [CURL-ARGS…]: wrong passwords, each at once followed by another attempt,
# until one must wait (429; the waits double, so this comes within a few rounds whatever the
# machine's speed); 0 when it came, 1 when ten rounds never waited.
guess() {
	from=$1 user=$2
	shift 2
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		curl -s -o /dev/null -H "$JSON" -H "X-Forwarded-For: $from" "$@" \
			-d "{\"username\":\"$user\",\"password\":\"fout\"}" "$A/api/v1/login"
		got=$(curl -s -o body -D headers -w '%{http_code}' -H "$JSON" -H "X-Forwarded-For: $from" "$@" \
			-d "{\"username\":\"$user\",\"password\":\"fout\"}" "$A/api/v1/login")
		[ "$got" = 429 ] && return 0
	done
	return 1
}

# --- finding 1: a made-up session cookie switched off the login's defences ---
BOGUS='jr_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
before=$(audit_count "action = 'login.failed'")
post_login "a made-up cookie: a wrong password is 401" 401 10.1.0.1 c.almelo fout -H "Cookie: $BOGUS"
tap_check "… and the failure is counted and audited" [ "$(audit_count "action = 'login.failed'")" -eq $((before + 1)) ]
tap_check "… so guessing on with it must wait (429)" guess 10.1.0.1 c.almelo -H "Cookie: $BOGUS"
post_login "a stale cookie does not keep the user out: the right password is 200" 200 10.1.0.2 \
	c.almelo almelo-wachtwoord -H "Cookie: $BOGUS"
tap_check "… with a new session cookie" grep -qi '^Set-Cookie: jr_session=[A-Za-z0-9_-]\{43\};' headers
got=$(curl -s -o body -D headers -w '%{http_code}' -H "Cookie: $BOGUS" "$A/api/v1/me")
tap_check "a request with a stale cookie is 401 and the cookie is cleared" \
	sh -c "[ $got = 401 ] && grep -qi '^Set-Cookie: jr_session=;.*Max-Age=0' headers"

# --- finding 5: throttling per client and name; no lock-out from everywhere; no enumeration ---
tap_check "a guesser must wait (429)" guess 203.0.113.7 c.almelo
tap_check "… and is told how long" grep -qi '^Retry-After: [1-9]' headers
post_login "the user, elsewhere, is not locked out by the guesser" 200 192.0.2.10 c.almelo almelo-wachtwoord
tap_check "the audit log names the client behind the proxy" \
	[ "$(audit_count "action = 'login' AND origin = '192.0.2.10'")" -eq 1 ]
post_login "a name that is nobody's: 401" 401 198.51.100.4 niemand fout
cp body unknown.body
post_login "a user's name, wrong password: 401" 401 198.51.100.5 c.almelo fout
tap_check "… the same answer for both" cmp -s body unknown.body
tap_check "a name that is nobody's is throttled too (429)" guess 198.51.100.4 niemand
cp body unknown.body
tap_check "… as a user's name is" guess 198.51.100.5 c.almelo
tap_check "… with the same answer" cmp -s body unknown.body

# --- finding 10: hardening ---
post_login "over HTTPS (the proxy says so) the cookie is Secure" 200 192.0.2.11 c.almelo almelo-wachtwoord \
	-H "X-Forwarded-Proto: https" -c https.jar
tap_check "… Secure" grep -qi '^Set-Cookie: jr_session=.*; Secure' headers
curl -s -o body -D headers "$A/"
tap_check "CSP: only this site's own files, never framed" \
	grep -qi "^Content-Security-Policy: default-src 'self'.*frame-ancestors 'none'" headers
tap_check "X-Frame-Options DENY" grep -qi '^X-Frame-Options: DENY' headers
tap_check "X-Content-Type-Options nosniff" grep -qi '^X-Content-Type-Options: nosniff' headers
tap_check "Referrer-Policy" grep -qi '^Referrer-Policy: no-referrer' headers
curl -s -o body -D headers "$A/api/v1/me"
tap_check "the API's answers carry the headers too" \
	grep -qi "^Content-Security-Policy: default-src 'self'" headers
for path in / /app.js /app.css /node_modules/@utrecht/design-tokens/dist/index.css \
	/node_modules/@utrecht/component-library-css/dist/index.css /search.js /worklist.js /casepage.js /dates.js \
	/gi.js /referrer.js /provider.js /admin.js /secondfactor.js /contracts.js /figures.js; do
	got=$(curl -s -o /dev/null -w '%{http_code}' "$A$path")
	tap_check "the UI's own file $path is served" [ "$got" = 200 ]
done
for path in /package.json /package-lock.json /node_modules/@utrecht/design-tokens/package.json \
	/node_modules/.package-lock.json /openapi.json; do
	got=$(curl -s -o /dev/null -w '%{http_code}' "$A$path")
	tap_check "nothing else under web/: $path is 404" [ "$got" = 404 ]
done
got=$(curl -s -o /dev/null -w '%{http_code}' "$A/metrics")
tap_check "/metrics is not on the API's listener" [ "$got" = 404 ]
got=$(curl -s -o body -w '%{http_code}' "$AM")
tap_check "/metrics on its own listener" sh -c "[ $got = 200 ] && grep -q '^jeugdroute_http_requests_total' body"
got=$(curl -s -o /dev/null -w '%{http_code}' "${AM%/metrics}/api/v1/me")
tap_check "… which serves nothing else" [ "$got" = 404 ]

# --- a refusal is audited; what the request wrote is undone ---
CSRF=$(curl -s -c c.jar -H "$JSON" -H "X-Forwarded-For: 192.0.2.10" \
	-d '{"username":"c.almelo","password":"almelo-wachtwoord"}' "$A/api/v1/login" | jq -r .csrf)
got=$(curl -s -o body -w '%{http_code}' -b c.jar "$A/api/v1/persons/99999999")
tap_check "a logged-in refusal (404) is audited with what was asked" sh -c "[ $got = 404 ] && \
	[ \$(sqlite3 g.db \"SELECT COUNT(*) FROM audit_log WHERE action = 'request.refused'
		AND actor = 'user:c.almelo' AND object = 'GET /api/v1/persons/99999999 404'\") -eq 1 ]"
got=$(curl -s -o body -w '%{http_code}' -b c.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"child_id":1,"raised_by":"school","questoin":"x"}' "$A/api/v1/help-requests")
tap_check "a refused write is audited, naming the field" sh -c "[ $got = 422 ] && \
	[ \$(sqlite3 g.db \"SELECT COUNT(*) FROM audit_log WHERE action = 'request.refused'
		AND object = 'POST /api/v1/help-requests 422 questoin'\") -eq 1 ]"
tap_check "the audit chain holds after all of it" \
	sh -c "'$BIN' audit verify --db g.db --key g.key >/dev/null 2>&1"

# --- server B: connections per address, deadlines ---
open=$("$SLOW" 127.0.0.1 "$B_PORT" hold 6)
tap_check "at most 4 connections from one address (--max-connections-per-address 4): $open open" [ "$open" = 4 ]
if out=$("$SLOW" 127.0.0.1 "$B_PORT" head 15); then
	ok "a head sent a line a second is cut off at the deadline (2 s): $out"
else
	not_ok "a slow head is cut off" "$out"
fi
if out=$("$SLOW" 127.0.0.1 "$B_PORT" body 20); then
	ok "a body sent a byte a second is cut off at its deadline (4 s): $out"
else
	not_ok "a slow body is cut off" "$out"
fi
got=$(curl -s -o body -w '%{http_code}' "$B/healthz")
tap_check "server B serves on" [ "$got" = 200 ]
got=$(curl -s "$(cat a.metrics)" | grep '^jeugdroute_http_connections_expired_total' | cut -d' ' -f2)
tap_check "the metrics count connections cut off (server A: none)" [ "$got" = 0 ]

tap_end
