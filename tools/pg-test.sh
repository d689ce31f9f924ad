#!/bin/sh
# A throw-away PostgreSQL 15 cluster on loopback for the store tests.
#   sh tools/pg-test.sh start DIR   creates DIR/data, starts the server on a free port, creates the
#                                   database jr_test, writes its URL to DIR/url
#   sh tools/pg-test.sh newdb DIR NAME  creates one more database, prints its URL
#   sh tools/pg-test.sh stop DIR    stops the server and removes DIR
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -eu
bin=/usr/lib/postgresql/15/bin
cmd=$1
dir=$2
run() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
case $cmd in
start)
	[ -x "$bin/initdb" ] || { echo "pg-test: $bin/initdb is missing (postgresql-15)" >&2; exit 1; }
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	run "$bin/initdb" -D "$dir/data" -U jr --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
	for port in $(seq 55400 55499); do
		if run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
			-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null 2>&1; then
			run "$bin/createdb" -h 127.0.0.1 -p "$port" -U jr jr_test
			echo "postgres://jr@127.0.0.1:$port/jr_test" >"$dir/url"
			exit 0
		fi
	done
	echo "pg-test: no free port in 55400-55499; see $dir/server.log" >&2
	exit 1
	;;
newdb)
	url=$(cat "$dir/url")
	port=${url##*:}
	port=${port%%/*}
	run "$bin/createdb" -h 127.0.0.1 -p "$port" -U jr "$3"
	echo "postgres://jr@127.0.0.1:$port/$3"
	;;
stop)
	[ -d "$dir/data" ] && run "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
esac
