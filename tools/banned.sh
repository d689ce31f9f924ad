#!/bin/sh
# Fails when the C sources use a banned function (unbounded or unsafe): DESIGN.md §3.
set -eu
cd "$(dirname "$0")/.."
if grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets)\s*\(' \
	$(find src tests bench -name '*.c' -o -name '*.h' 2>/dev/null) ; then
	echo "banned function used (see above); use snprintf, memcpy with a bound, strtol" >&2
	exit 1
fi
