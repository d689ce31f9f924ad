#!/bin/sh
# A base backup and point-in-time recovery of jeugdroute's records on PostgreSQL 15, the way
# docs/backup.md tells an administrator to do it:
#   1. a cluster that archives its WAL (archive_mode, archive_command into an archive directory);
#   2. jeugdroute's records on it, and a base backup with pg_basebackup;
#   3. more writes after the backup: an account made before the moment to go back to, and one
#      after it; the checkpoint file as it was at that moment is kept aside;
#   4. the cluster is lost; a new one is made from the base backup and the archive, recovered to
#      the moment (recovery_target_time) and promoted;
# and then:
#   - the account made before the moment is there, the one after it is not;
#   - `jeugdroute audit verify` with the checkpoints of that moment finds the chain intact;
#   - with the checkpoint file as it is now, it says the chain lost entries at its end (the
#     restore went back past what was attested): the audit log tells what a restore undid.
#   sh tests/ha/pitr.sh BINARY   (prints TAP)
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
PGBIN=/usr/lib/postgresql/15/bin
tap_need "$BIN" jq psql ss "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PGBIN/pg_basebackup"
WORK=$(mktemp -d /tmp/jr-pitr-XXXXXX)
chmod 755 "$WORK"
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
cleanup() {
	for d in data restored; do
		[ -f "$WORK/$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$WORK/$d" -m immediate stop >/dev/null 2>&1
	done
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
free_port() {
	for p in $(seq "$1" $(($1 + 99))); do
		[ -z "$(ss -Htln "sport = :$p")" ] && { echo "$p"; return 0; }
	done
	return 1
}
PORT=$(free_port 55700) || tap_bail "no free port from 55700"
URL="postgres://jr@127.0.0.1:$PORT/jr"
sql() { psql -X -A -t "$URL" -c "$1" 2>&1; }

# 1. a cluster that archives every WAL segment it completes
as_pg mkdir -m 700 "$WORK/archive"
as_pg "$PGBIN/initdb" -D "$WORK/data" -U jr --auth=trust -E UTF8 --locale=C >initdb.log 2>&1 ||
	tap_bail "initdb" "$(tail -3 initdb.log)"
cat >>"$WORK/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $WORK/archive/%f && cp %p $WORK/archive/%f'
EOF
as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/data.log" -w start >/dev/null 2>&1 ||
	tap_bail "the cluster did not start" "$(tail -3 "$WORK/data.log")"
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U jr jr || tap_bail "createdb"

# 2. the records, and the base backup
export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
"$BIN" init --db "$URL" --key s.key >init.out 2>&1 || tap_bail "init" "$(cat init.out)"
"$BIN" demo --db "$URL" --key s.key --youth 40 --seed 4 --date 2026-11-23 >demo.out 2>&1 ||
	tap_bail "demo" "$(tail -3 demo.out)"
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PORT" -U jr -D "$WORK/base" --checkpoint=fast \
	-X stream >basebackup.log 2>&1 || tap_bail "pg_basebackup" "$(tail -3 basebackup.log)"
ok "a base backup of the records ($(du -sk "$WORK/base" | cut -f1) kB)"

# 3. an account before the moment, the moment, an account after it
JEUGDROUTE_USER_PASSWORD=voor-het-moment-1 "$BIN" user add --db "$URL" --key s.key \
	--username voor.moment --role policy >/dev/null 2>user1.err || tap_bail "user add" "$(cat user1.err)"
sleep 1.1
MOMENT=$(sql "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
END_AT_MOMENT=$(sql "SELECT seq FROM audit_head")
cp s.checkpoints checkpoints-at-moment
sleep 1.1
JEUGDROUTE_USER_PASSWORD=na-het-moment-1 "$BIN" user add --db "$URL" --key s.key \
	--username na.moment --role policy >/dev/null 2>user2.err || tap_bail "user add" "$(cat user2.err)"
END_NOW=$(sql "SELECT seq FROM audit_head")
# close the last WAL segment so that it reaches the archive, and wait until it is there
SEGMENT=$(sql "SELECT pg_walfile_name(pg_switch_wal())")
for _ in $(seq 1 300); do
	[ -f "$WORK/archive/$SEGMENT" ] && break
	sleep 0.2
done
[ -f "$WORK/archive/$SEGMENT" ] || tap_bail "the WAL segment $SEGMENT was not archived"

# 4. the cluster is lost; recovery from the base backup and the archive, to the moment
as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1
as_pg rm -rf "$WORK/data"
as_pg cp -a "$WORK/base" "$WORK/restored"
cat >>"$WORK/restored/postgresql.conf" <<EOF
restore_command = 'cp $WORK/archive/%f %p'
recovery_target_time = '$MOMENT'
recovery_target_action = 'promote'
archive_mode = off
EOF
as_pg touch "$WORK/restored/recovery.signal"
as_pg "$PGBIN/pg_ctl" -D "$WORK/restored" -l "$WORK/restored.log" -w -t 60 start >/dev/null 2>&1 ||
	tap_bail "the restored cluster did not start" "$(tail -5 "$WORK/restored.log")"
for _ in $(seq 1 300); do
	[ "$(sql 'SELECT pg_is_in_recovery()')" = f ] && break
	sleep 0.2
done
if [ "$(sql 'SELECT pg_is_in_recovery()')" = f ] && grep -q "recovery stopping before" "$WORK/restored.log"; then
	ok "recovered to $MOMENT and promoted"
else
	not_ok "recovered to $MOMENT and promoted" "$(tail -5 "$WORK/restored.log")"
fi

BEFORE=$(sql "SELECT COUNT(*) FROM users WHERE username = 'voor.moment'")
AFTER=$(sql "SELECT COUNT(*) FROM users WHERE username = 'na.moment'")
END_RESTORED=$(sql "SELECT seq FROM audit_head")
if [ "$BEFORE" = 1 ] && [ "$AFTER" = 0 ] && [ "$END_RESTORED" = "$END_AT_MOMENT" ]; then
	ok "what was written before the moment is there, what came after is not (audit end $END_RESTORED of $END_NOW)"
else
	not_ok "what was written before the moment is there, what came after is not" \
		"before: $BEFORE (want 1), after: $AFTER (want 0), audit end $END_RESTORED (want $END_AT_MOMENT)"
fi
# audit verify writes an entry of its own: the one with the checkpoints of now first, so that
# both see the chain end as the restore left it
VERIFY_NOW=$("$BIN" audit verify --db "$URL" --key s.key 2>verify-now.err)
VERIFY_MOMENT=$("$BIN" audit verify --db "$URL" --key s.key --audit-checkpoints checkpoints-at-moment 2>verify-moment.err)
if echo "$VERIFY_MOMENT" | jq -e '.intact == true and .checkpoints >= 1' >/dev/null 2>&1; then
	ok "audit verify with the checkpoints of the moment: intact ($(echo "$VERIFY_MOMENT" | jq .entries) entries)"
else
	not_ok "audit verify with the checkpoints of the moment: intact" "$VERIFY_MOMENT" "$(cat verify-moment.err)"
fi
if echo "$VERIFY_NOW" | jq -e ".intact == false and .first_bad_entry == $((END_RESTORED + 1))" >/dev/null 2>&1 &&
	grep -q "afgekapt" verify-now.err; then
	ok "audit verify with the checkpoints of now: the chain is cut after entry $END_RESTORED, as the restore did"
else
	not_ok "audit verify with the checkpoints of now: the chain is cut after entry $END_RESTORED" \
		"$VERIFY_NOW" "$(cat verify-now.err)"
fi
tap_end
