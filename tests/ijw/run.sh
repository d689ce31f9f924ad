#!/bin/sh
# iJw tests against the standard's schemas and code lists in the repository (data/ijw-3.2):
#   sh tests/ijw/run.sh BUILD-DIR
#   generated     the committed tables (src/ijw/*_tables.c) equal what tools/ijw/gen-schema.py
#                 and gen-codes.py make of data/ijw-3.2 now (python3)
#   differential  for each of the 14 messages, `jeugdroute ijw validate` and
#                 `xmllint --noout --schema JWnnn.xsd` give the same verdict (valid or not) on
#                 every file: a filled-in message of the round's templates (tests/ijw/round/*.xml.in,
#                 where the message has one), two skeleton messages built from the tables (every
#                 element / only the required ones, BUILD/ijw_mutate) and the mutants ijw_mutate
#                 derives from each of them (xmllint)
# Prints TAP (tests/lib/tap.sh); a missing file or tool fails the run, nothing is skipped. The
# files live in a temp dir for the run (kept, and named at the end, when JR_IJW_KEEP is set).
set -u
build=${1:-build-test}
cd "$(dirname "$0")/../.."
root=$(pwd)
. "$root/tests/lib/tap.sh"
. "$root/tests/ijw/round/fill.sh"
data=$root/data/ijw-3.2
bin=$build/jeugdroute
mutate=$build/ijw_mutate
messages="JW301 JW302 JW305 JW306 JW307 JW308 JW315 JW316 JW317 JW318 JW319 JW320 JW323 JW325"

for d in "$data/xsd" "$data/codelijsten"; do
	[ -d "$d" ] || tap_bail "$d is missing: the iJw 3.2 schemas and code lists belong in the repository"
done
tap_need python3 xmllint "$bin" "$mutate"

work=$(mktemp -d /tmp/jr-ijw-XXXXXX) || exit 1
[ -n "${JR_IJW_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
tap_plan $((2 + $(echo $messages | wc -w)))

# --- generated tables -------------------------------------------------------------------------
for gen in schema codes; do
	name="generated ijw_${gen}_tables.c equals tools/ijw/gen-$gen.py over data/ijw-3.2"
	if [ $gen = schema ]; then src=$data/xsd; else src=$data; fi
	if python3 tools/ijw/gen-$gen.py "$src" "$work/$gen.c" 2>"$work/gen.err" &&
		cmp -s "$work/$gen.c" "src/ijw/ijw_${gen}_tables.c"; then
		ok "$name"
	else
		not_ok "$name" "$(cat "$work/gen.err")" \
			"$(diff "src/ijw/ijw_${gen}_tables.c" "$work/$gen.c" 2>/dev/null | head -20)"
	fi
done

# --- differential against xmllint ---------------------------------------------------------------
total=0
for m in $messages; do
	dir=$work/$m
	mkdir "$dir"
	if [ -f "tests/ijw/round/$m.xml.in" ]; then
		fill "tests/ijw/round/$m.xml.in" | sed 's/@DAG@/2026-05-10/; s/@OURS@/1/' >"$dir/src-filled.xml"
	fi
	"$mutate" skeleton $m full "$dir/src-full.xml" &&
		"$mutate" skeleton $m min "$dir/src-min.xml" || { not_ok "$m: skeletons"; continue; }
	bad=
	for src in "$dir"/src-*.xml; do
		kind=$(basename "$src" .xml)
		"$mutate" mutate "$src" "$dir" "$m-${kind#src-}" >/dev/null || bad="$bad $kind"
	done
	if [ -n "$bad" ]; then
		not_ok "$m: mutants of$bad could not be written"
		continue
	fi
	find "$dir" -name "$m-*.xml" | sort >"$work/files"
	count=$(wc -l <"$work/files" | tr -d ' ')
	total=$((total + count))
	# xmllint says "FILE validates" or "FILE fails to validate" on stderr, one line per file.
	xargs xmllint --noout --schema "$data/xsd/$m.xsd" <"$work/files" 2>&1 >/dev/null |
		sed -n 's/ validates$//p' | sort >"$work/x.valid"
	xargs "$bin" ijw validate --rules nee <"$work/files" >"$work/j.out" 2>"$work/j.err"
	grep -c '^{"file":' "$work/j.out" >"$work/j.count"
	grep "\"bericht\":\"$m\",\"valid\":true" "$work/j.out" |
		sed 's/^{"file":"\([^"]*\)".*/\1/' | sort >"$work/j.valid"
	comm -3 "$work/x.valid" "$work/j.valid" >"$work/diff"
	valid=$(wc -l <"$work/x.valid" | tr -d ' ')
	if [ "$(cat "$work/j.count")" != "$count" ]; then
		not_ok "$m: jeugdroute judged $(cat "$work/j.count") of $count files"
		head -5 "$work/j.err" | sed 's/^/# /'
	elif [ -s "$work/diff" ]; then
		not_ok "$m: $(wc -l <"$work/diff" | tr -d ' ') of $count files judged otherwise than xmllint"
		head -10 "$work/diff" | while read -r f; do
			if grep -qx "$f" "$work/x.valid"; then
				echo "#   $(basename "$f"): xmllint valid, jeugdroute:"
				grep -F "\"file\":\"$f\"" "$work/j.out" | cut -c1-300 | sed 's/^/#     /'
			else
				echo "#   $(basename "$f"): jeugdroute valid, xmllint:"
				xmllint --noout --schema "$data/xsd/$m.xsd" "$f" 2>&1 | head -1 |
					cut -c1-300 | sed 's/^/#     /'
			fi
		done
	else
		ok "$m: $count files ($valid valid), jeugdroute and xmllint agree on each"
	fi
done
echo "# differential: $total files in all"
[ -n "${JR_IJW_KEEP:-}" ] && echo "# files kept in $work"
tap_end
