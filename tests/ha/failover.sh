#!/bin/sh
# Failover without loss, on loopback: a pg_auto_failover monitor and two PostgreSQL 15 nodes
# (a primary and its synchronous standby), two `jeugdroute serve` processes on the multi-host URL
# (target_session_attrs=read-write), and a writer per server that keeps a GP referring new
# children and a consulent allocating care on each referral. In each trial the primary's node
# dies at once — its pg_autoctl, its postgres and every backend killed with SIGKILL, as when the
# machine goes — while the writes go on. After the monitor has promoted the standby:
#   - every write a server acknowledged (201) is in the new primary, and nothing else was
#     answered than 201 or 503 with Retry-After (never a false success, never an error of
#     another kind);
#   - the writes succeed again on the new primary within seconds, on both servers;
#   - `jeugdroute audit verify` finds one intact chain, its checkpoints included.
# Then the dead node is started again and rejoins as the standby, and the next trial kills the
# other one. Before the trials: the bad URLs of the issue (a refused port, a host that never
# answers, a standby as the only host, a database of a newer schema) each end in one clear line
# with exit status 1, never a hang.
#   sh tests/ha/failover.sh BINARY [TRIALS [REPORT]]   (prints TAP; TRIALS defaults to 3)
# REPORT, when given, receives one line per trial: "trial N: primary gone to new primary
# answering S s, acknowledged A (R referrals, L allocations), 503s F" (bench/failover.sh).
# Needs the Debian packages postgresql-15, postgresql-15-auto-failover and pg-auto-failover-cli
# (make test-deps installs them). As root, PostgreSQL runs as the user postgres.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
TRIALS=${2:-3}
REPORT=${3:-}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
PGBIN=/usr/lib/postgresql/15/bin
tap_need "$BIN" curl jq psql pg_autoctl python3 ss "$PGBIN/pg_ctl"
WORK=$(mktemp -d /tmp/jr-ha-XXXXXX)
chmod 755 "$WORK"
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
SERVER_PIDS=
WRITER_PIDS=
cleanup() {
	touch "$WORK/stop"
	for p in $WRITER_PIDS $SERVER_PIDS; do kill "$p" 2>/dev/null; done
	# every process of the cluster: the pg_autoctl and postgres of each node, in its own group
	for f in "$WORK"/*.pgid; do
		[ -f "$f" ] && kill -KILL "-$(cat "$f")" 2>/dev/null
	done
	wait 2>/dev/null
	[ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

# Runs a command as the owner of the cluster, with its pg_autoctl state kept under $WORK.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- env HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" \
			XDG_DATA_HOME="$WORK/share" "$@"
	else
		env HOME="$WORK" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share" "$@"
	fi
}
# Starts a pg_autoctl command in a process group of its own (its id in NAME.pgid), so that the
# node can be killed whole.
start_group() { # NAME COMMAND…
	name=$1
	shift
	as_pg setsid sh -c 'echo $$ >"$0.pgid"; exec "$@"' "$WORK/$name" "$@" >>"$WORK/$name.log" 2>&1 &
}
free_port() {
	for p in $(seq "$1" $(($1 + 99))); do
		[ -z "$(ss -Htln "sport = :$p")" ] && { echo "$p"; return 0; }
	done
	return 1
}
sql() { # PORT SQL
	as_pg psql -X -A -t -h 127.0.0.1 -p "$1" -d jr -c "$2" 2>/dev/null
}
now_ms() { date +%s%3N; }
# The port of the node that is primary now, and takes writes ("" when none).
primary_port() {
	for p in $P1 $P2; do
		# what target_session_attrs=read-write asks: a node that takes writes
		[ "$(sql "$p" 'SHOW transaction_read_only')" = off ] && { echo "$p"; return 0; }
	done
	echo ""
}
# Waits until the monitor reports a primary and a secondary (a node that rejoined and caught up).
wait_pair() {
	for _ in $(seq 1 240); do
		states=$(as_pg psql -X -A -t -h 127.0.0.1 -p "$PM" -d pg_auto_failover -c \
			"SELECT string_agg(reportedstate::text, ',' ORDER BY reportedstate::text)
			 FROM pgautofailover.node" 2>/dev/null)
		[ "$states" = "primary,secondary" ] && return 0
		# a base backup waits for a checkpoint: make it now rather than at the next timeout
		for p in $P1 $P2; do sql "$p" CHECKPOINT >/dev/null; done
		sleep 0.5
	done
	return 1
}

PM=$(free_port 55600) || tap_bail "no free port from 55600"
P1=$(free_port $((PM + 1))) || tap_bail "no free port"
P2=$(free_port $((P1 + 1))) || tap_bail "no free port"
as_pg pg_autoctl create monitor --pgctl "$PGBIN/pg_ctl" --pgdata "$WORK/monitor" --pgport "$PM" \
	--hostname 127.0.0.1 --auth trust --no-ssl >monitor-create.log 2>&1 ||
	tap_bail "pg_autoctl create monitor" "$(tail -5 monitor-create.log)"
start_group monitor pg_autoctl run --pgdata "$WORK/monitor"
MONITOR="postgres://autoctl_node@127.0.0.1:$PM/pg_auto_failover?sslmode=disable"
# Notice a dead node in about three seconds rather than twenty: on loopback nothing is slow.
# (each ALTER SYSTEM a statement of its own: it cannot run in a transaction)
tune_monitor() {
	as_pg psql -X -q -h 127.0.0.1 -p "$PM" -d pg_auto_failover \
		-c 'ALTER SYSTEM SET pgautofailover.health_check_period = 1000' \
		-c 'ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000' \
		-c 'ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1' \
		-c 'ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500' \
		-c 'ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 3000' \
		-c 'SELECT pg_reload_conf()' >tune.log 2>&1
}
# The monitor's postgres may take a while to answer on a busy machine (a CI run once found it
# still refusing after 20 s): the settings are idempotent, so try them until they take, for up
# to two minutes, and say what the monitor printed when they never do.
tuned=
for _ in $(seq 1 240); do
	tune_monitor && { tuned=1; break; }
	sleep 0.5
done
[ -n "$tuned" ] || tap_bail "tuning the monitor" "$(cat tune.log; tail -5 monitor.log)"
for n in 1 2; do
	eval "port=\$P$n"
	start_group "n$n" pg_autoctl create postgres --pgctl "$PGBIN/pg_ctl" --pgdata "$WORK/n$n" \
		--pgport "$port" --hostname 127.0.0.1 --name "n$n" --dbname jr --monitor "$MONITOR" \
		--auth trust --no-ssl --run
	if [ "$n" = 1 ]; then
		for _ in $(seq 1 300); do [ "$(primary_port)" = "$P1" ] && break; sleep 0.2; done
		[ "$(primary_port)" = "$P1" ] || tap_bail "the first node did not start" "$(tail -5 n1.log)"
	fi
done
wait_pair || tap_bail "the standby did not join" "$(tail -5 n2.log)"
SYNC=$(sql "$P1" 'SHOW synchronous_standby_names')
if [ -n "$SYNC" ]; then
	ok "a monitor and two nodes; the primary replicates synchronously ($SYNC)"
else
	not_ok "a monitor and two nodes; the primary replicates synchronously" "synchronous_standby_names is empty"
fi

# the cluster's superuser: the user pg_autoctl ran as
DBUSER=$(as_pg id -un)
URL="postgres://$DBUSER@127.0.0.1:$P1,127.0.0.1:$P2/jr?target_session_attrs=read-write"
export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
"$BIN" init --db "$URL" --key s.key >init.out 2>&1 || tap_bail "init on the cluster" "$(cat init.out)"
"$BIN" demo --db "$URL" --key s.key --youth 150 --seed 3 --date 2026-11-23 >demo.out 2>&1 ||
	tap_bail "demo on the cluster" "$(tail -3 demo.out)"

# --- the bad URLs: one line, exit 1, never a hang ---
bad_url() { # NAME URL PATTERN
	t0=$(now_ms)
	timeout 30 "$BIN" audit verify --db "$2" --key s.key >bad.out 2>bad.err
	status=$?
	secs=$(( ($(now_ms) - t0) / 1000 ))
	if [ "$status" = 1 ] && [ "$(wc -l <bad.err)" = 1 ] && grep -q -E "$3" bad.err && [ "$secs" -le 10 ]; then
		ok "$1: exit 1 in ${secs} s, one line"
	else
		not_ok "$1: exit 1 with one clear line" "status $status after $secs s" "$(cat bad.err)"
	fi
}
bad_url "a port where nothing listens" "postgres://$DBUSER@127.0.0.1:$(free_port $((P2 + 1)))/jr" \
	'Connection refused'
# a host that takes the connection and never answers: connect_timeout (5 s) ends the wait
SILENT=$(free_port $((P2 + 10)))
python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $SILENT)); s.listen(8); time.sleep(60)" &
SILENT_PID=$!
# listening before it is asked (a busy machine starts python slowly: a refused connection is
# not what this case tests)
for _ in $(seq 1 100); do
	[ -n "$(ss -Htln "sport = :$SILENT")" ] && break
	sleep 0.1
done
bad_url "a host that never answers" "postgres://$DBUSER@127.0.0.1:$SILENT/jr" 'timeout expired'
kill "$SILENT_PID" 2>/dev/null
bad_url "a standby given as the only host" "postgres://$DBUSER@127.0.0.1:$P2/jr" 'is een standby'
sql "$P1" 'CREATE DATABASE jr_newer' >/dev/null
NEWER="postgres://$DBUSER@127.0.0.1:$P1/jr_newer"
"$BIN" init --db "$NEWER" --key newer.key >/dev/null 2>&1
as_pg psql -X -q -h 127.0.0.1 -p "$P1" -d jr_newer -c \
	"INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'later', '2030-01-01')" >/dev/null
bad_url "a database of a newer schema" "$NEWER" 'nieuwer dan deze jeugdroute'

# --- who writes: a GP of Almelo who refers, a consulent of Almelo who allocates ---
team() { "$BIN" organisation list --db "$URL" --key s.key --kind local_team --municipality "$1" | jq -s '.[0].id'; }
JEUGDROUTE_USER_PASSWORD=almelo-wachtwoord "$BIN" user add --db "$URL" --key s.key \
	--username c.almelo --role consulent --organisation "$(team 0141)" >/dev/null ||
	tap_bail "user c.almelo"
GP_ORG=$("$BIN" organisation list --db "$URL" --key s.key --kind gp_practice --municipality 0141 | jq -s '.[0].id')
JEUGDROUTE_USER_PASSWORD=huisarts-wachtwoord "$BIN" user add --db "$URL" --key s.key \
	--username huisarts --role verwijzer --organisation "$GP_ORG" >/dev/null || tap_bail "user huisarts"
PROVIDER=$(psql -X -A -t "$URL" -c "SELECT c.provider_id FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE c.municipality = '0141' AND c.forms LIKE '%,2,%' AND p.status = 'active' ORDER BY c.provider_id LIMIT 1")
PRODUCT=$(psql -X -A -t "$URL" -c "SELECT product_codes FROM contracts WHERE provider_id = $PROVIDER
	AND municipality = '0141' LIMIT 1" | cut -d, -f1)
[ -n "$PROVIDER" ] && [ -n "$PRODUCT" ] || tap_bail "a provider with a contract for Almelo and form 2"

for s in a b; do
	"$BIN" serve --db "$URL" --key s.key --listen 127.0.0.1:0 --threads 3 --ready-file "ready-$s" \
		>"serve-$s.out" 2>"serve-$s.err" &
	SERVER_PIDS="$SERVER_PIDS $!"
done
for s in a b; do
	for _ in $(seq 1 600); do [ -s "ready-$s" ] && break; sleep 0.1; done
	[ -s "ready-$s" ] || tap_bail "server $s did not start" "$(cat "serve-$s.err")"
done
login() { # JAR USER PASSWORD SERVER → the CSRF token
	curl -s -c "$1" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$2\",\"password\":\"$3\"}" "$4/api/v1/login" | jq -r .csrf
}

# A BSN that passes the eleven-test, from eight digits (nothing when the check digit would be 10).
bsn() {
	echo "$1" | awk '{ s = 0; for (i = 1; i <= 8; i++) s += substr($1, i, 1) * (10 - i);
		c = s % 11; if (c < 10) print $1 c }'
}
# A 503 must say when to try again: one without Retry-After is logged as "503-no-retry-after".
retry_said() { # STATUS HEADERS
	if [ "$1" = 503 ] && ! grep -q -i '^Retry-After: [0-9]' "$2"; then
		echo 503-no-retry-after
	else
		echo "$1"
	fi
}
# The writer of one server: refers a new child, then allocates on the referral, until told to
# stop; each answer as a line "MS STATUS KIND ID" in w-TAG.log.
writer() { # TAG SERVER GP_CSRF CONSULENT_CSRF
	tag=$1 u=$2 gp=$3 cons=$4 i=0
	while [ ! -f "stop-$tag" ]; do
		i=$((i + 1))
		b=$(bsn "$(printf '3%s%06d' "$(echo "$tag" | tr ab 12)" $((TRIAL * 10000 + i)))")
		[ -n "$b" ] || continue
		code=$(curl -s -m 30 -o "body-$tag" -D "head-$tag" -w '%{http_code}' -b "gp-$tag.jar" \
			-H 'Content-Type: application/json' -H "X-CSRF-Token: $gp" \
			-d "{\"bsn\":\"$b\",\"form\":2,\"question\":\"Angstig, wil niet meer naar buiten.\",\"given_names\":\"Sam\",\"family_name\":\"Failover\",\"birth_date\":\"2015-05-05\",\"municipality\":\"0141\",\"urgency\":\"regular\",\"tried\":\"Gesprekken.\",\"consent\":\"parents\"}" \
			"$u/api/v1/referrals")
		code=$(retry_said "$code" "head-$tag")
		if [ "$code" != 201 ]; then
			echo "$(now_ms) $code referral -" >>"w-$tag.log"
			continue
		fi
		ref=$(jq -r '.referral.id' "body-$tag")
		hr=$(jq -r '.referral.help_request_id' "body-$tag")
		echo "$(now_ms) $code referral $ref" >>"w-$tag.log"
		code=$(curl -s -m 30 -o "body-$tag" -D "head-$tag" -w '%{http_code}' -b "c-$tag.jar" \
			-H 'Content-Type: application/json' -H "X-CSRF-Token: $cons" \
			-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$ref,\"start\":\"2026-12-01\",\"product_code\":\"$PRODUCT\",\"volume\":2,\"unit\":\"uur\",\"frequency\":\"per week\"}" \
			"$u/api/v1/help-requests/$hr/allocations")
		code=$(retry_said "$code" "head-$tag")
		echo "$(now_ms) $code allocation $([ "$code" = 201 ] && jq -r .id "body-$tag" || echo -)" >>"w-$tag.log"
	done
}

for s in a b; do
	u=$(cat "ready-$s")
	eval "GP_$s=\$(login gp-$s.jar huisarts huisarts-wachtwoord $u)"
	eval "C_$s=\$(login c-$s.jar c.almelo almelo-wachtwoord $u)"
	cp "gp-$s.jar" "gp-$s.jar.keep"
done
[ -n "$GP_a" ] && [ "$GP_a" != null ] && [ -n "$C_b" ] && [ "$C_b" != null ] || tap_bail "logins"

TRIAL=0
while [ "$TRIAL" -lt "$TRIALS" ]; do
	TRIAL=$((TRIAL + 1))
	OLD=$(primary_port)
	[ -n "$OLD" ] || tap_bail "trial $TRIAL: no primary"
	if [ "$OLD" = "$P1" ]; then DEAD=n1 NEW=$P2; else DEAD=n2 NEW=$P1; fi
	rm -f w-a.log w-b.log stop-a stop-b
	touch w-a.log w-b.log
	WRITER_PIDS=
	writer a "$(cat ready-a)" "$GP_a" "$C_a" &
	WRITER_PIDS="$WRITER_PIDS $!"
	writer b "$(cat ready-b)" "$GP_b" "$C_b" &
	WRITER_PIDS="$WRITER_PIDS $!"
	sleep 2
	# the primary's machine goes: pg_autoctl, postgres and every backend at once
	KILLED_AT=$(now_ms)
	kill -KILL "-$(cat "$DEAD.pgid")"
	PROMOTED_AT=
	for _ in $(seq 1 600); do
		[ "$(primary_port)" = "$NEW" ] && { PROMOTED_AT=$(now_ms); break; }
		sleep 0.1
	done
	FAILOVER_S=$(awk -v a="$KILLED_AT" -v b="${PROMOTED_AT:-0}" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
	[ -n "$PROMOTED_AT" ] || {
		touch stop-a stop-b
		tap_bail "trial $TRIAL: the standby was not promoted in 60 s" "$(tail -5 monitor.log)"
	}
	sleep 4 # writes on the new primary
	touch stop-a stop-b
	for p in $WRITER_PIDS; do wait "$p"; done
	WRITER_PIDS=

	cat w-a.log w-b.log >w.log
	ACKED_REF=$(awk '$2 == 201 && $3 == "referral" { print $4 }' w.log | paste -sd, -)
	ACKED_ALLOC=$(awk '$2 == 201 && $3 == "allocation" { print $4 }' w.log | paste -sd, -)
	N_REF=$(awk '$2 == 201 && $3 == "referral"' w.log | wc -l)
	N_ALLOC=$(awk '$2 == 201 && $3 == "allocation"' w.log | wc -l)
	N_503=$(awk '$2 == 503' w.log | wc -l)
	OTHER=$(awk '$2 != 201 && $2 != 503 { print $2 " " $3 }' w.log | sort | uniq -c | tr -s ' ' | tr '\n' ';')
	HAVE_REF=$(sql "$NEW" "SELECT COUNT(*) FROM referrals WHERE id IN (${ACKED_REF:-0})")
	HAVE_ALLOC=$(sql "$NEW" "SELECT COUNT(*) FROM allocations WHERE id IN (${ACKED_ALLOC:-0})")
	if [ "$N_REF" -gt 0 ] && [ "$HAVE_REF" = "$N_REF" ] && [ "$HAVE_ALLOC" = "$N_ALLOC" ] && [ -z "$OTHER" ]; then
		ok "trial $TRIAL: every acknowledged write is on the new primary ($N_REF referrals, $N_ALLOC allocations; $N_503 answered 503; writable again after $FAILOVER_S s)"
	else
		not_ok "trial $TRIAL: every acknowledged write is on the new primary" \
			"referrals acknowledged $N_REF, present $HAVE_REF; allocations acknowledged $N_ALLOC, present $HAVE_ALLOC" \
			"answers other than 201 and 503: ${OTHER:-none}"
	fi
	# after the new primary answers, both servers write again within three seconds, and do not
	# fail after that
	LATE=$(awk -v t=$((PROMOTED_AT + 3000)) '$1 > t && $2 != 201' w.log | wc -l)
	A_OK=$(awk -v t="$PROMOTED_AT" '$1 > t && $2 == 201' w-a.log | wc -l)
	B_OK=$(awk -v t="$PROMOTED_AT" '$1 > t && $2 == 201' w-b.log | wc -l)
	if [ "$LATE" = 0 ] && [ "$A_OK" -gt 0 ] && [ "$B_OK" -gt 0 ]; then
		ok "trial $TRIAL: both servers write on the new primary ($A_OK and $B_OK writes after it answered)"
	else
		not_ok "trial $TRIAL: both servers write on the new primary" \
			"writes after promotion: server a $A_OK, server b $B_OK; failures later than 3 s: $LATE"
	fi
	VERIFY=$("$BIN" audit verify --db "$URL" --key s.key 2>&1)
	if echo "$VERIFY" | jq -e '.intact == true and (has("bad_checkpoint_line") | not)' >/dev/null 2>&1; then
		ok "trial $TRIAL: audit verify: one intact chain ($(echo "$VERIFY" | jq .entries) entries, $(echo "$VERIFY" | jq .checkpoints) checkpoints)"
	else
		not_ok "trial $TRIAL: audit verify: one intact chain" "$VERIFY"
	fi
	[ -n "$REPORT" ] && echo "trial $TRIAL: primary gone to new primary answering $FAILOVER_S s, acknowledged $((N_REF + N_ALLOC)) ($N_REF referrals, $N_ALLOC allocations), 503s $N_503" >>"$REPORT"

	# the dead node comes back and rejoins as the standby
	start_group "$DEAD" pg_autoctl run --pgdata "$WORK/$DEAD"
	wait_pair || tap_bail "trial $TRIAL: $DEAD did not rejoin" "$(tail -8 "$DEAD.log")"
done
tap_end
