#!/bin/sh
# The layers of tools/layers.sh, checked on what was built: each layer's compiled objects may
# refer only to functions defined by the layers it may use (the libraries of a build directory,
# and the command line's objects). tools/layers.sh reads the sources; this reads the linker's
# view, so a call that a macro or an include of an include hides is caught too.
#   sh tools/layers-link.sh BUILD-DIR
# Store functions called from the adapters are the source check's to judge (start-up and the
# debts of tools/layers-debt.txt), so http/cli/demo may refer to store/. Prints what is wrong;
# exits 0 when the layers hold.
set -eu
build=${1:?usage: sh tools/layers-link.sh BUILD-DIR}
command -v nm >/dev/null || { echo "layers-link: nm (binutils) is missing" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the layers' libraries, and the command line's objects as layer "cli"
layers="core store ijw json report app view demo http"
for l in $layers; do
	[ -f "$build/libjr$l.a" ] || continue
	nm -g --defined-only "$build/libjr$l.a" 2>/dev/null | awk '$2 ~ /^[TDBR]$/ && $3 ~ /^jr_/ {print $3}' |
		sed "s/\$/ $l/" >>"$tmp/defined"
	nm -u "$build/libjr$l.a" 2>/dev/null | awk '$2 ~ /^jr_/ {print $2}' | sort -u >"$tmp/uses.$l"
done
ls "$build"/jeugdroute.p/src_cli_*.o >/dev/null 2>&1 || { echo "layers-link: no command-line objects in $build" >&2; exit 1; }
nm -u "$build"/jeugdroute.p/src_cli_*.o 2>/dev/null | awk '$2 ~ /^jr_/ {print $2}' | sort -u >"$tmp/uses.cli"
sort -u -o "$tmp/defined" "$tmp/defined"

# may LAYER: the layers whose functions it may call (its own are defined inside it)
may() {
	case $1 in
	core) echo "core" ;;
	store) echo "core store" ;;
	ijw) echo "core ijw" ;;
	json) echo "core json" ;;
	report) echo "core store json report" ;;
	app) echo "core store ijw report json app" ;;
	view) echo "core json app view" ;;
	demo) echo "core json app view store demo" ;;
	http) echo "core json app view store http" ;;
	cli) echo "core json app view store http demo cli" ;;
	esac
}

status=0
for l in $layers cli; do
	[ -f "$tmp/uses.$l" ] || continue
	ok=$(may "$l")
	while read -r sym; do
		owner=$(awk -v s="$sym" '$1 == s {print $2; exit}' "$tmp/defined")
		[ -n "$owner" ] || continue # a symbol of the layer's own objects, or libc's
		case " $ok " in
		*" $owner "*) ;;
		*)
			echo "layers-link: $l calls $sym of $owner"
			status=1
			;;
		esac
	done <"$tmp/uses.$l"
done
[ $status -eq 0 ] && echo "layers-link: hold ($(echo $layers cli | wc -w) layers)"
exit $status
