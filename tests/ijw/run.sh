#!/bin/sh
# iJw tests against the reference material beside the repository (../shared/reference/ijw):
#   sh tests/ijw/run.sh BUILD-DIR
#   generated     the committed tables (src/ijw/*_tables.c) equal what tools/ijw/gen-schema.py
#                 and gen-codes.py make of the reference now (needs python3)
#   differential  for each of the 14 messages, `jeugdroute ijw validate` and
#                 `xmllint --noout --schema JWnnn.xsd` give the same verdict (valid or not) on
#                 every file: the example message of the standard, two skeleton messages built
#                 from the tables (every element / only the required ones, BUILD/ijw_mutate) and
#                 the mutants ijw_mutate derives from each of them (needs xmllint)
# Prints TAP. Without the reference material it prints a skip plan and exits 77 (the code meson
# and tests/run-all.sh read as "skipped"); a missing tool skips only the part that needs it.
# Nothing is copied into the repository: the files live in a temp dir for the run (kept, and
# named at the end, when JR_IJW_KEEP is set).
set -u
build=${1:-build-test}
cd "$(dirname "$0")/../.."
root=$(pwd)
ref=$root/../shared/reference/ijw
bin=$build/jeugdroute
mutate=$build/ijw_mutate
messages="JW301 JW302 JW305 JW306 JW307 JW308 JW315 JW316 JW317 JW318 JW319 JW320 JW323 JW325"

if [ ! -d "$ref/xsd" ] || [ ! -d "$ref/voorbeeldberichten" ] || [ ! -d "$ref/codelijsten" ]; then
	echo "1..0 # SKIP no reference material at $ref"
	exit 77
fi
for f in "$bin" "$mutate"; do
	if [ ! -x "$f" ]; then
		echo "Bail out! $f is not built"
		exit 1
	fi
done

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

work=$(mktemp -d /tmp/jr-ijw-XXXXXX) || exit 1
[ -n "${JR_IJW_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
echo "1..$((2 + $(echo $messages | wc -w)))"

# --- generated tables -------------------------------------------------------------------------
for gen in schema codes; do
	name="generated ijw_${gen}_tables.c equals tools/ijw/gen-$gen.py over the reference"
	if ! command -v python3 >/dev/null 2>&1; then
		ok "$name # SKIP python3 is not installed"
		continue
	fi
	if [ $gen = schema ]; then src=$ref/xsd; else src=$ref; fi
	if python3 tools/ijw/gen-$gen.py "$src" "$work/$gen.c" 2>"$work/gen.err" &&
		cmp -s "$work/$gen.c" "src/ijw/ijw_${gen}_tables.c"; then
		ok "$name"
	else
		not_ok "$name"
		sed 's/^/# /' "$work/gen.err"
		diff "src/ijw/ijw_${gen}_tables.c" "$work/$gen.c" 2>/dev/null | head -20 | sed 's/^/# /'
	fi
done

# --- differential against xmllint ---------------------------------------------------------------
if ! command -v xmllint >/dev/null 2>&1; then
	for m in $messages; do
		ok "$m: differential test # SKIP xmllint is not installed (libxml2-utils)"
	done
	exit 0
fi
total=0
for m in $messages; do
	dir=$work/$m
	mkdir "$dir"
	cp "$ref/voorbeeldberichten/$m.xml" "$dir/src-example.xml"
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
	xargs xmllint --noout --schema "$ref/xsd/$m.xsd" <"$work/files" 2>&1 >/dev/null |
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
				xmllint --noout --schema "$ref/xsd/$m.xsd" "$f" 2>&1 | head -1 |
					cut -c1-300 | sed 's/^/#     /'
			fi
		done
	else
		ok "$m: $count files ($valid valid), jeugdroute and xmllint agree on each"
	fi
done
echo "# differential: $total files in all"
[ -n "${JR_IJW_KEEP:-}" ] && echo "# files kept in $work"
[ "$failed" -eq 0 ]
