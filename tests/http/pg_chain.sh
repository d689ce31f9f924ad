#!/bin/sh
# The audit chain under writers in several processes, on PostgreSQL: two `jeugdroute serve`
# processes on one database, each with several workers, are read from and written to at once;
# afterwards `audit verify` must find the chain intact, with exactly one entry per access made,
# and the checkpoints both servers signed into one file valid, the last at the chain's end.
#   sh tests/http/pg_chain.sh BINARY DATABASE-URL     (prints TAP)
# The URL names an empty database (tools/pg-test.sh newdb). On PostgreSQL every worker has its
# own connection, so entries from different processes and connections race for the chain's end;
# the row lock on audit_head must order them.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
URL=$2
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq
WORK=$(mktemp -d /tmp/jr-pg-chain-XXXXXX)
PIDS=
cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
export JEUGDROUTE_DEMO_PASSWORD=demo-wachtwoord-1
"$BIN" init --db "$URL" --key s.key >/dev/null 2>init.err || tap_bail "init on PostgreSQL" "$(cat init.err)"
"$BIN" demo --db "$URL" --key s.key --youth 150 --seed 2 --date 2026-11-23 --logins ja >demo.json 2>&1 ||
	tap_bail "demo on PostgreSQL" "$(tail -3 demo.json)"

# two server processes on the one database
for s in a b; do
	"$BIN" serve --db "$URL" --key s.key --listen 127.0.0.1:0 --threads 3 --ready-file "ready-$s" \
		>"serve-$s.out" 2>"serve-$s.err" &
	PIDS="$PIDS $!"
done
for s in a b; do
	for _ in $(seq 1 100); do [ -s "ready-$s" ] && break; sleep 0.1; done
	[ -s "ready-$s" ] || tap_bail "server $s did not start" "$(cat "serve-$s.err")"
done
UA=$(cat ready-a)
UB=$(cat ready-b)
# one session, valid on both (sessions live in the database)
curl -s -c c.jar -H 'Content-Type: application/json' \
	-d "{\"username\":\"consulent\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" "$UA/api/v1/login" >login.json
CSRF=$(jq -r .csrf login.json)
[ -n "$CSRF" ] && [ "$CSRF" != null ] || tap_bail "login" "$(cat login.json)"
CHILDREN=$(curl -s -b c.jar "$UA/api/v1/help-requests?state=all&per_page=20" | jq -r '[.items[].help_request.child_id] | unique | .[]')
set -- $CHILDREN
[ $# -ge 2 ] || tap_bail "children to read" "found $#"
CHILD=$1

# four clients per server at once: each reads a child's record 30 times (one audit entry each)
# and records 5 help requests (written durably, audited)
ROUNDS=30
WRITES=5
client() { # client URL TAG
	i=0
	while [ $i -lt $ROUNDS ]; do
		curl -s -o /dev/null -w '%{http_code}\n' -b c.jar "$1/api/v1/persons/$CHILD" >>"codes-$2"
		if [ $i -lt $WRITES ]; then
			curl -s -o /dev/null -w '%{http_code}\n' -b c.jar -H 'Content-Type: application/json' \
				-H "X-CSRF-Token: $CSRF" -d "{\"child_id\":$CHILD,\"raised_by\":\"school\",\"question\":\"ketentest $2 $i\"}" \
				"$1/api/v1/help-requests" >>"codes-$2"
		fi
		i=$((i + 1))
	done
}
CLIENTS=
for k in 1 2 3 4; do
	client "$UA" "a$k" &
	CLIENTS="$CLIENTS $!"
	client "$UB" "b$k" &
	CLIENTS="$CLIENTS $!"
done
for c in $CLIENTS; do wait "$c"; done
CODES=$(cat codes-* | sort | uniq -c | tr -s ' ' | tr '\n' ';')
WANT=$((8 * (ROUNDS + WRITES)))
GOT=$(cat codes-* | grep -c -E '^(200|201)$')
if [ "$GOT" -eq "$WANT" ]; then
	ok "two servers, eight clients: every request answered ($WANT)"
else
	not_ok "two servers, eight clients: every request answered" "expected $WANT successes, got $GOT: $CODES"
fi

# every access left exactly one entry, and the chain holds (recording a help request reads the
# child as well: one more person.read per write)
READS=$(psql -X -A -t "$URL" -c "SELECT COUNT(*) FROM audit_log WHERE actor = 'user:consulent'
	AND action = 'person.read' AND person_id = $CHILD" 2>&1)
ADDS=$(psql -X -A -t "$URL" -c "SELECT COUNT(*) FROM audit_log WHERE actor = 'user:consulent'
	AND action = 'help_request.add' AND person_id = $CHILD" 2>&1)
if [ "$READS" = $((8 * (ROUNDS + WRITES))) ] && [ "$ADDS" = $((8 * WRITES)) ]; then
	ok "one audit entry per read and per write ($READS reads, $ADDS writes)"
else
	not_ok "one audit entry per read and per write" "reads $READS (want $((8 * (ROUNDS + WRITES)))), writes $ADDS (want $((8 * WRITES)))"
fi
GAPS=$(psql -X -A -t "$URL" -c "SELECT COUNT(*) - (MAX(seq) - MIN(seq) + 1) FROM audit_log" 2>&1)
VERIFY=$("$BIN" audit verify --db "$URL" --key s.key 2>&1)
if [ "$GAPS" = 0 ] && echo "$VERIFY" | jq -e '.intact == true' >/dev/null 2>&1; then
	ok "the chain is intact after concurrent writers in two processes ($(echo "$VERIFY" | jq .entries) entries, no gaps)"
else
	not_ok "the chain is intact after concurrent writers in two processes" "gaps: $GAPS" "verify: $VERIFY"
fi

# both servers signed checkpoints into the one file while writing (each line whole, each
# signature valid), and the last one each wrote at its stop attests the end of the chain
for p in $PIDS; do kill -TERM "$p"; done
for p in $PIDS; do wait "$p"; done
PIDS=
VERIFY=$("$BIN" audit verify --db "$URL" --key s.key 2>&1)
if echo "$VERIFY" | jq -e '.intact == true and .checkpoints >= 4 and .last_checkpoint_seq == .entries
	and (has("bad_checkpoint_line") | not)' >/dev/null 2>&1; then
	ok "two servers signed checkpoints into one file; the last attests the end ($(echo "$VERIFY" | jq .checkpoints) checkpoints)"
else
	not_ok "two servers signed checkpoints into one file; the last attests the end" "verify: $VERIFY"
fi
tap_end
