#!/bin/sh
# The SIGKILL crash test (issue 3 §5): a writer loop (crash_writer) is killed with SIGKILL at a
# random moment, twenty times, on the same SQLite database. After each kill every write the writer
# acknowledged (its "ack" / "ack-update" lines) must be in the database and PRAGMA integrity_check
# must say ok; the next round's writer must open the crashed database and go on. The checks open
# the database read-only, so they leave the crashed state (WAL and all) for that next writer to
# recover. Prints TAP.
#   sh tests/crash/run.sh BUILD      (BUILD holds crash_writer; needs the sqlite3 shell)
# The kill moments come from awk's srand with a fixed seed per round, so runs are reproducible.
set -u
. "$(dirname "$0")/../lib/tap.sh"
build=${1:?usage: run.sh BUILD}
writer=$build/crash_writer
rounds=20

tap_need "$writer" sqlite3 awk

dir=$(mktemp -d /tmp/jr-crash-XXXXXX) || exit 1
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

db=$dir/db
key=$dir/key
acks=$dir/acks.log
errs=$dir/writer.err
: >"$acks"
: >"$errs"

# Seconds (50..400 ms) to let round $1's writer run before the kill.
delay() {
	awk -v seed="$1" 'BEGIN { srand(seed * 7919 + 17); printf "%.3f\n", (50 + int(rand() * 351)) / 1000 }'
}

# Starts the writer in the background with BSNs from $1; sets pid.
start_writer() {
	"$writer" "$db" "$key" "$1" >>"$acks" 2>>"$errs" &
	pid=$!
}

# Kills the writer with SIGKILL; fails (status 1) when it had ended by itself already.
kill_writer() {
	alive=0
	kill -0 "$pid" 2>/dev/null && alive=1
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	status=$?
	pid=
	[ "$alive" -eq 1 ] && [ "$status" -eq 137 ]
}

# Creating the database and key file is not part of what is killed: run the writer once until it
# has acknowledged its first write (the store exists then), and crash it there.
start_writer 100000000
i=0
while ! grep -q '^ack ' "$acks"; do
	i=$((i + 1))
	if [ "$i" -gt 400 ] || ! kill -0 "$pid" 2>/dev/null; then
		tap_bail "crash_writer did not create the store:" "$(tail -20 "$errs")"
	fi
	sleep 0.05
done
kill_writer

tap_plan "$rounds"
n=1
while [ "$n" -le "$rounds" ]; do
	reason=
	start_writer $((100000000 + n * 1000000))
	sleep "$(delay "$n")"
	if ! kill_writer; then
		reason="the writer ended by itself before the kill (status $status)"
	fi

	integrity=
	if [ -z "$reason" ]; then
		integrity=$(sqlite3 -readonly "$db" 'PRAGMA integrity_check;' 2>&1)
		[ "$integrity" = ok ] || reason="integrity_check: $(echo "$integrity" | head -3)"
	fi

	if [ -z "$reason" ]; then
		# What was acknowledged, as SQL; a line cut short by the kill is not an acknowledgement.
		awk '
			BEGIN {
				print "CREATE TEMP TABLE acks (id INTEGER PRIMARY KEY);"
				print "CREATE TEMP TABLE updates (id INTEGER, version INTEGER);"
				print "BEGIN;"
			}
			/^ack [0-9]+ [0-9]+$/ { print "INSERT OR IGNORE INTO temp.acks VALUES (" $2 ");" }
			/^ack-update [0-9]+ [0-9]+$/ {
				print "INSERT INTO temp.updates VALUES (" $2 ", " $3 ");"
			}
			END {
				print "COMMIT;"
				print "SELECT (SELECT COUNT(*) FROM temp.acks),"
				print " (SELECT COUNT(*) FROM temp.acks a"
				print "  WHERE NOT EXISTS (SELECT 1 FROM main.persons p WHERE p.id = a.id)),"
				print " (SELECT COUNT(*) FROM temp.updates),"
				print " (SELECT COUNT(*) FROM temp.updates u WHERE NOT EXISTS"
				print "  (SELECT 1 FROM main.persons p WHERE p.id = u.id AND p.version >= u.version)),"
				print " (SELECT COUNT(*) FROM main.persons);"
			}' "$acks" >"$dir/check.sql"
		if counts=$(sqlite3 -readonly -separator ' ' "$db" <"$dir/check.sql" 2>&1); then
			# shellcheck disable=SC2086
			set -- $counts
			if [ $# -ne 5 ]; then
				reason="unexpected answer from sqlite3: $counts"
			elif [ "$2" -ne 0 ]; then
				reason="$2 of $1 acknowledged persons are missing"
			elif [ "$4" -ne 0 ]; then
				reason="$4 of $3 acknowledged updates are missing"
			elif [ "$5" -lt "$1" ]; then
				reason="$5 persons stored but $1 acknowledged"
			else
				added=$1
				updated=$3
			fi
		else
			reason="sqlite3 failed: $(echo "$counts" | head -3)"
		fi
	fi

	if [ -z "$reason" ]; then
		ok "crash round $n: $((added + updated)) acknowledged writes present ($added adds, $updated updates), integrity ok"
	else
		not_ok "crash round $n" "$reason"
		[ -s "$errs" ] && tail -20 "$errs" | sed 's/^/# writer: /'
	fi
	n=$((n + 1))
done

tap_end
