#!/bin/sh
# `make run`: routes every example request in examples/ and prints the answers readably.
set -eu
bin=${1:-build/jeugdroute}
cd "$(dirname "$0")/.."
"$bin" policy check policy/*.json
for f in examples/*.json; do
	echo
	echo "================================================================================"
	echo "$f"
	jq -r '.comment // empty' "$f" 2>/dev/null | fold -s -w 100 | sed 's/^/  /'
	echo "--------------------------------------------------------------------------------"
	"$bin" route --text "$f"
done
