#!/bin/sh
# Backup and restore of the SQLite records (jeugdroute backup, docs/backup.md), against the real
# binary:   sh tests/cli/backup_restore.sh BINARY     (prints TAP; run by tests/run-all.sh)
#   restore      a demo region is backed up, more is written to it, and the backup is restored
#                as the docs say (the files copied into place): the restored records are those
#                of the moment of the backup, their audit chain verifies, and a server and a read
#                command work on them.
#   concurrency  backups made while a server and a loop of commands write to the records: every
#                copy passes quick_check and audit verify, and holds what was written before it
#                began (and no more than was written by its end).
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=${1:-}
[ -n "$BIN" ] || tap_bail "usage: sh tests/cli/backup_restore.sh BINARY"
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
POLICY_DIR=$(cd "$(dirname "$0")/../../policy" && pwd)
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-backup-XXXXXX)
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
unset JEUGDROUTE_POLICY_DIR
J() { "$BIN" "$@" --policy-dir "$POLICY_DIR"; }

# A valid BSN (eleven test) from a number below 10^6: 99 and six digits, and the check digit;
# nothing when the number gives none.
bsn() {
	awk -v n="$1" 'BEGIN { b = sprintf("99%06d", n); s = 0
		for (i = 1; i <= 8; i++) s += substr(b, i, 1) * (10 - i)
		if (s % 11 < 10) printf "%s%d\n", b, s % 11 }'
}
# person_add N: one more child in the records of the current directory (var/)
person_add() {
	b=$(bsn "$1")
	[ -n "$b" ] || return 0
	J person add --bsn "$b" --given-names Kind --family-name Test --birth-date 2015-04-02 \
		--municipality 0153 >/dev/null
}
persons() { sqlite3 "$1" 'SELECT COUNT(*) FROM persons'; }
# serve DB-DIR NAME: a server on the records under DB-DIR, its address in $WORK/ready-NAME
serve() {
	(cd "$1" && exec "$BIN" serve --policy-dir "$POLICY_DIR" --listen 127.0.0.1:0 --threads 2 \
		--ready-file "$WORK/ready-$2") >"$WORK/serve-$2.out" 2>"$WORK/serve-$2.err" &
	PIDS="$PIDS $!"
	for _ in $(seq 1 100); do [ -s "$WORK/ready-$2" ] && break; sleep 0.1; done
	[ -s "$WORK/ready-$2" ] || tap_bail "server $2 did not start" "$(cat "$WORK/serve-$2.err")"
}
# login URL JAR: the demo's case worker; prints the CSRF token
login() {
	curl -s -c "$2" -H 'Content-Type: application/json' \
		-d "{\"username\":\"consulent\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" \
		"$1/api/v1/login" | jq -r .csrf
}

mkdir src && cd src || exit 1
J init >/dev/null 2>init.err || tap_bail "init" "$(cat init.err)"
J demo --youth 200 --seed 1 --date 2026-11-23 --logins ja >/dev/null 2>demo.err ||
	tap_bail "demo" "$(tail -3 demo.err)"

# --- restore ---------------------------------------------------------------------------------
AT_BACKUP=$(persons var/jeugdroute.db)
tap_check "backup of the demo region" sh -c "'$BIN' backup --out '$WORK/bk' >'$WORK/bk.json' &&
	jq -e '.database == \"jeugdroute.db\" and .pages > 0' '$WORK/bk.json'"
person_add 1 && person_add 2
AFTER=$(persons var/jeugdroute.db)
tap_check "more records written to the source after the backup ($AT_BACKUP, then $AFTER)" \
	test "$AFTER" -gt "$AT_BACKUP"
LAST=$(sqlite3 var/jeugdroute.db 'SELECT MAX(id) FROM persons')
cd "$WORK" || exit 1

# restore as docs/backup.md says: the server stopped, the files copied to where --db and --key
# point (var/ by default), with their modes
mkdir -m 700 restored restored/var
cp -p bk/jeugdroute.db bk/jeugdroute.db.key bk/jeugdroute.db.audit.key bk/jeugdroute.db.checkpoints \
	restored/var/
cd restored || exit 1
tap_check "the restored records are those of the moment of the backup ($AT_BACKUP persons)" \
	test "$(persons var/jeugdroute.db)" = "$AT_BACKUP"
tap_check "audit verify passes on the restored records" sh -c \
	"'$BIN' audit verify >'$WORK/verify-restored.json' && jq -e '.intact and .checkpoints >= 1' '$WORK/verify-restored.json'"
tap_check "a read command works on them (person show 1)" sh -c \
	"'$BIN' person show 1 --policy-dir '$POLICY_DIR' | jq -e '.id == 1'"
tap_check "a person added after the backup is not in them" sh -c \
	"! '$BIN' person show $LAST --policy-dir '$POLICY_DIR' >/dev/null 2>&1"
serve "$WORK/restored" restored
URL=$(cat "$WORK/ready-restored")
CSRF=$(login "$URL" "$WORK/restored.jar")
tap_check "a server on the restored records: healthy, a login, the help requests" sh -c \
	"curl -sf '$URL/healthz' >/dev/null && [ -n '$CSRF' ] && [ '$CSRF' != null ] &&
	 curl -sf -b '$WORK/restored.jar' '$URL/api/v1/help-requests?state=all&per_page=5' |
	 jq -e '.items | length > 0' >/dev/null"
cd "$WORK" || exit 1

# --- concurrency -----------------------------------------------------------------------------
# a server writing help requests, and a loop of commands adding persons, while backups are made
serve "$WORK/src" src
URL=$(cat "$WORK/ready-src")
CSRF=$(login "$URL" "$WORK/src.jar")
[ -n "$CSRF" ] && [ "$CSRF" != null ] || tap_bail "login on the source's server"
CHILD=$(curl -s -b "$WORK/src.jar" "$URL/api/v1/help-requests?state=all&per_page=5" |
	jq -r '[.items[].help_request.child_id] | first // empty')
[ -n "$CHILD" ] || tap_bail "a child to write help requests for"
(cd src && i=10 && while [ ! -f "$WORK/stop" ]; do
	person_add "$i" 2>>"$WORK/writer.err" || echo "person add $i failed" >>"$WORK/writer.err"
	i=$((i + 1))
done) &
WRITER=$!
(i=0 && while [ ! -f "$WORK/stop" ]; do
	curl -s -o /dev/null -w '%{http_code}\n' -b "$WORK/src.jar" -H 'Content-Type: application/json' \
		-H "X-CSRF-Token: $CSRF" -d "{\"child_id\":$CHILD,\"raised_by\":\"school\",\"question\":\"back-up $i\"}" \
		"$URL/api/v1/help-requests" >>"$WORK/codes"
	i=$((i + 1))
done) &
POSTER=$!
PIDS="$PIDS $WRITER $POSTER"
sleep 1
COPIES="c1 c2 c3 c4"
for c in $COPIES; do
	before=$(persons src/var/jeugdroute.db)
	(cd src && "$BIN" backup --out "$WORK/$c") >"$c.json" 2>"$c.err"
	echo "$? $before $(persons src/var/jeugdroute.db)" >"$c.status"
	sleep 0.5
done
touch "$WORK/stop"
wait "$WRITER" "$POSTER"
tap_check "the writers wrote while the backups were made" sh -c \
	"[ ! -s '$WORK/writer.err' ] && [ \$(grep -c '^201\$' '$WORK/codes') -ge 5 ] &&
	 [ \$(grep -vc '^201\$' '$WORK/codes') = 0 ] &&
	 [ \$(sqlite3 src/var/jeugdroute.db 'SELECT COUNT(*) FROM persons') -gt $AFTER ]"
for c in $COPIES; do
	read -r status before after <"$c.status"
	copy=$(jq -r .database "$c.json" 2>/dev/null)
	in_copy=$(persons "$c/$copy" 2>/dev/null)
	tap_check "backup $c during the writes: made, quick_check, audit verify, $before <= $in_copy <= $after persons" sh -c \
		"[ $status = 0 ] && [ \"\$(sqlite3 '$c/$copy' 'PRAGMA quick_check')\" = ok ] &&
		 '$BIN' audit verify --db '$c/$copy' --key '$c/jeugdroute.db.key' | jq -e .intact &&
		 [ '$before' -le '$in_copy' ] && [ '$in_copy' -le '$after' ]"
	[ "$status" = 0 ] || tap_diag "$(cat "$c.err")"
done
tap_check "the source's own audit chain holds after it all, with a backup.made per backup" sh -c \
	"cd src && '$BIN' audit verify | jq -e .intact >/dev/null &&
	 [ \$(sqlite3 var/jeugdroute.db \"SELECT COUNT(*) FROM audit_log WHERE action = 'backup.made'\") = 5 ]"
tap_end
