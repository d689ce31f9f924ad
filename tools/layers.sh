#!/bin/sh
# The layers of DESIGN.md §2, checked on the sources (run by `make test`, group "style"):
#   core    includes only core/ (and libc)            store   core/, store/
#   ijw     core/, ijw/                                json    core/, json/
#   report  core/, store/, json/ (its writer), report/ app     core, store, ijw, report, json, app
#   view    core, json, app, view                      http    core, json, app, view, http
#   demo    core, json, app, view, demo, store (the records' types, and the bulk transactions of
#           START_UP below; every record goes through the app layer)
#   cli     core, json, app, view, http, demo, cli
# and the adapters (src/http, src/cli) and the demo seeder (src/demo) call the record store only
# to open, close and hand out its connection and to make bulk transactions (START_UP below),
# never for a use case: that is the app layer's; nor do the adapters call the iJw layer's
# functions (jr_ijw_*): they reach iJw through app/ijw.h. A layer's subfolders (src/app/ijw/)
# belong to it: every .c and .h under src/LAYER/ is checked.
#
# tools/layers-debt.txt lists, as FILE:NAME, the store calls and includes the adapters still
# make around the app layer; issue 12 emptied it. A call or include not on the list fails the
# check; so does a line on the list that no longer occurs (the list only shrinks). Prints what is
# wrong; exits 0 when the layers hold.
set -eu
cd "$(dirname "$0")/.."
DEBT=tools/layers-debt.txt
START_UP='jr_store_open|jr_store_open_files|jr_store_close|jr_store_single_writer|jr_store_set_durable|jr_store_bulk_begin|jr_store_bulk_end|jr_store_keep_audit|jr_store_ping|jr_store_files|jr_store_defer_wal_checkpoints|jr_store_wal_checkpoint|jr_store_after_bulk_load|jr_store_bulk_defer_writes'
status=0
found=$(mktemp)
trap 'rm -f "$found"' EXIT

# allowed LAYER: the folders a layer may include
allowed() {
	case $1 in
	core) echo "core" ;;
	store) echo "core store" ;;
	ijw) echo "core ijw" ;;
	json) echo "core json" ;;
	report) echo "core store json report" ;;
	app) echo "core store ijw report json app" ;;
	view) echo "core json app view" ;;
	http) echo "core json app view http" ;;
	demo) echo "core json app view demo store" ;;
	cli) echo "core json app view http demo cli" ;;
	esac
}

for layer in core store ijw json report app view http demo cli; do
	ok=$(allowed "$layer")
	[ -d "src/$layer" ] || continue
	find "src/$layer" -type f \( -name '*.c' -o -name '*.h' \) | sort | while read -r f; do
		grep -o '^#include "[a-z_]*/' "$f" | sed 's/#include "//; s#/##' | sort -u | while read -r dir; do
			case " $ok " in
			*" $dir "*) ;;
			*) echo "$f:include:$dir" ;;
			esac
		done
	done
done >>"$found"
# the adapters' files, subfolders included
adapters=$(find src/http src/cli -type f \( -name '*.c' -o -name '*.h' \) | sort)
adapters_c=$(echo "$adapters" | grep '\.c$')
demo_c=$(find src/demo -type f -name '*.c' 2>/dev/null | sort)
# libxml2 stays inside ijw/ and app/ (the iJw document is opaque to the adapters)
# shellcheck disable=SC2086 # the file lists are split on purpose (no spaces in src/)
grep -l '#include <libxml' $adapters 2>/dev/null | sed 's/$/:include:libxml2/' >>"$found" || true
# the store's use cases called from the adapters and the demo seeder
# shellcheck disable=SC2086
grep -oE 'jr_store_[a-z_]+' $adapters_c $demo_c | grep -vE ":($START_UP)\$" | sort -u >>"$found" || true
# the iJw layer's functions called from the adapters (app/ijw.h has a jr_app_ijw_* for each)
# shellcheck disable=SC2086
grep -oE '(^|[^a-z_])jr_ijw_[a-z0-9_]+ *\(' $adapters_c | sed -E 's/:[^j]*jr_ijw_/:jr_ijw_/; s/ *\($//' |
	sort -u >>"$found" || true
sort -u -o "$found" "$found"

debts=$(mktemp)
trap 'rm -f "$found" "$debts"' EXIT
grep -v '^#' "$DEBT" | sort -u >"$debts"
new=$(comm -23 "$found" "$debts")
gone=$(comm -13 "$found" "$debts")
if [ -n "$new" ]; then
	echo "layers: these go around the layers (an adapter must call the app layer; see tools/layers.sh):"
	echo "$new" | sed 's/^/  /'
	status=1
fi
if [ -n "$gone" ]; then
	echo "layers: paid off, remove from $DEBT:"
	echo "$gone" | sed 's/^/  /'
	status=1
fi
[ "$status" -eq 0 ] && echo "layers: hold ($(wc -l <"$debts") debts left in $DEBT)"
exit "$status"
