#!/usr/bin/env bash
# login.sh: the login benchmark of issue 11 (docs/BENCHMARKS.md, "Login under guessing").
#
# With 8 connections guessing passwords, does GET /api/v1/me of a logged-in user stay fast?
# Makes a small demo region (SQLite), starts `jeugdroute serve` (release build) behind a
# "trusted proxy" of 127.0.0.1 so that the guessers can come from many addresses
# (X-Forwarded-For), and runs bench/login_load.c twice: the guessers from one address, for one
# name that is nobody's (they are throttled), and every guess from another address and for
# another name (none is throttled: every one costs an Argon2id check). Each run measures GET /me
# alone first, as its baseline.
#
# Usage: bench/login.sh [GUESSERS] [SECONDS]   (defaults 8 guessers, 10 s per phase)
set -euo pipefail

cd "$(dirname "$0")/.."
GUESSERS=${1:-8}
SECONDS_EACH=${2:-10}
for tool in jq meson ninja cc; do
	command -v "$tool" >/dev/null || { echo "login.sh: $tool is missing" >&2; exit 1; }
done
test -d build || meson setup build -Dtests=false
ninja -C build >/dev/null
JR=$PWD/build/jeugdroute
ROOT=$PWD
WORK=$(mktemp -d /tmp/jr-login-bench-XXXXXX)
JR_PID=
cleanup() {
	[ -n "$JR_PID" ] && kill "$JR_PID" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
cc -O2 -pthread -o "$WORK/login_load" "$ROOT/bench/login_load.c"
cd "$WORK"

echo "== machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:   $(nproc)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "build:   $(meson introspect "$ROOT/build" --buildoptions |
	jq -r '[.[] | select(.name == "buildtype") | "\(.name)=\(.value)"] | join(" ")')"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
export JEUGDROUTE_DEMO_PASSWORD=benchmark-only-2
"$JR" init --db s.db --key s.key >/dev/null
"$JR" demo --db s.db --key s.key --youth 2000 --seed 1 --date 2026-11-23 --logins ja >/dev/null 2>&1

run() { # run MODE
	rm -f ready
	"$JR" serve --db s.db --key s.key --listen 127.0.0.1:0 --threads "$(nproc)" \
		--trusted-proxy 127.0.0.1 --ready-file ready >serve.out 2>serve.err &
	JR_PID=$!
	for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
	local url port cookie
	url=$(head -1 ready)
	port=${url##*:}
	curl -s -c jar -H 'Content-Type: application/json' -H 'X-Forwarded-For: 192.0.2.1' \
		-d "{\"username\":\"consulent\",\"password\":\"$JEUGDROUTE_DEMO_PASSWORD\"}" \
		"$url/api/v1/login" >/dev/null
	cookie=$(awk '/jr_session/ { print $7 }' jar)
	echo
	echo "== $GUESSERS guessers, $1"
	./login_load 127.0.0.1 "$port" "$cookie" "$GUESSERS" "$SECONDS_EACH" "$1"
	kill "$JR_PID"
	wait "$JR_PID" 2>/dev/null || true
	JR_PID=
}
run one
run spread
