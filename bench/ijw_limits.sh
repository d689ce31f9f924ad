#!/usr/bin/env bash
# ijw_limits.sh: is any 16 MiB message judged in well under a second? (issue 11, finding 6;
# docs/BENCHMARKS.md, "iJw: messages made to hurt").
#
# Writes messages of up to 16 MiB (the most jeugdroute takes) built to cost an XML parser
# dearly — one element with as many attributes as fit (libxml2 checks them against each other:
# quadratic), as many namespace declarations in scope as the limits allow and half a million
# elements looking them up, more elements than the limit, nesting far past the limit, one text
# of 16 MiB, 16 MiB of comments, half a million elements each with a text, just under the
# limit — and the heaviest
# message that is meant to be accepted: a claim (JW323) of as many valid lines as fit. Times
# `jeugdroute ijw validate` (structure and the rules within the message) on each, and in the
# same run `xmllint --noout` (well-formedness only, no schema) as the baseline, each at most 60 s.
# Prints the verdict of each: a refusal of a message made to hurt is what is meant; the claim
# must be judged valid (the run fails when it is not).
#
# Usage: bench/ijw_limits.sh      (needs xmllint, awk; about a minute)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
for tool in xmllint awk meson ninja; do
	command -v "$tool" >/dev/null || { echo "ijw_limits.sh: $tool is missing" >&2; exit 1; }
done
test -d build || meson setup build -Dtests=false
ninja -C build >/dev/null
JR=$ROOT/build/jeugdroute
WORK=$(mktemp -d /tmp/jr-ijw-limits-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
MAX=$((16 * 1024 * 1024))

echo "== machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:   $(nproc)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "xmllint: $(xmllint --version 2>&1 | head -1)"
echo

NS='xmlns:jw323="http://www.istandaarden.nl/ijw/3_2/jw323/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema"'
# each generator writes at most MAX bytes to its file
awk -v max=$MAX -v ns="$NS" 'BEGIN {
	s = "<jw323:Bericht " ns; n = length(s); printf "%s", s
	for (i = 0; n + 40 < max; i++) { a = sprintf(" a%d=\"%d\"", i, i); n += length(a); printf "%s", a }
	print "/>" }' >attributes.xml
awk -v max=$MAX 'BEGIN {
	for (d = 0; d < 2; d++) { printf "<n%d:a", d; for (i = 0; i < 30; i++) printf " xmlns:n%d_%d=\"urn:x:%d\"", d, i, i
		printf " xmlns:n%d=\"urn:n\">", d }
	n = 4000; s = "<n1_29:b/>"
	for (; n + 40 < max && k < 499000; k++) { printf "%s", s; n += length(s) }
	print "</n1:a></n0:a>" }' >namespaces.xml
awk -v max=$MAX 'BEGIN { printf "<a>"; for (n = 10; n + 10 < max; n += 4) printf "<b/>"; print "</a>" }' >elements.xml
awk -v max=$MAX 'BEGIN { printf "<a>"; f = sprintf("%5s", ""); gsub(/ /, "x", f)
	for (i = 0; i < 499990; i++) printf "<b>%s</b>", f; print "</a>" }' >elements-at-limit.xml
awk -v max=$MAX 'BEGIN { for (n = 0; n + 3 < max; n += 3) printf "<a>"; print "" }' >depth.xml
awk -v max=$MAX 'BEGIN { printf "<a>"; s = sprintf("%1000s", ""); gsub(/ /, "x", s)
	for (n = 10; n + 1010 < max; n += 1000) printf "%s", s; print "</a>" }' >text.xml
awk -v max=$MAX 'BEGIN { printf "<a>"; for (n = 10; n + 30 < max; n += 23) printf "<!-- een commentaar -->"; print "</a>" }' >comments.xml
# the claim: the round's template, its line repeated with its own reference until 16 MiB
T=$ROOT/tests/ijw/round/JW323.xml.in
awk -v max=$MAX -v t="$T" 'BEGIN {
	while ((getline line < t) > 0) doc = doc line "\n"
	sub(/<!--[^>]*-->\n/, "", doc)
	i = index(doc, "<jw323:Prestatie>"); j = index(doc, "</jw323:Prestaties>")
	head = substr(doc, 1, i - 1); one = substr(doc, i, index(substr(doc, i), "</jw323:Prestatie>") + 17)
	tail = substr(doc, j)
	fill["@AGB@"] = "12345678"; fill["@GEMEENTE@"] = "0153"; fill["@ID@"] = "1"
	fill["@DAG@"] = "2026-11-30"; fill["@MONTH_START@"] = "2026-10-01"; fill["@MONTH_END@"] = "2026-10-31"
	fill["@BSN@"] = "999990019"; fill["@CAT@"] = "45"
	fill["@CODE@"] = "45A03"; fill["@TARIFF@"] = "6500"; fill["@AMOUNT@"] = "39000"
	for (k in fill) { gsub(k, fill[k], head); gsub(k, fill[k], one) }
	n = length(head) + length(tail); lines = 0
	while (n + length(one) + 16 < max) { n += length(one) + 4; lines++ }
	total = lines * 39000
	sub("<ijw:TotaalBedrag>@TOTAL@", "<ijw:TotaalBedrag>" total, head)
	printf "%s", head
	for (l = 1; l <= lines; l++) {
		s = one; sub("P1A", "P" l, s); gsub("@TOEWIJZING@", l, s)
		d = (l % 28) + 1; day = sprintf("2026-10-%02d", d)
		sub("@LINE1_START@", day, s); sub("@LINE1_END@", day, s)
		printf "%s", s
	}
	printf "%s", tail
	print lines > "claim.lines" }' >claim.xml

printf '%-18s %9s  %-11s %-60s  %s\n' message MiB jeugdroute verdict "xmllint --noout"
for f in attributes namespaces elements elements-at-limit depth text comments claim; do
	size=$(awk -v b="$(stat -c %s $f.xml)" 'BEGIN { printf "%.1f", b / 1048576 }')
	start=$(date +%s.%N)
	verdict=$("$JR" ijw validate "$f.xml" 2>&1 | tr '\n' ' ' | cut -c1-60) || true
	jr=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f s", e - s }')
	start=$(date +%s.%N)
	if timeout 60 xmllint --noout "$f.xml" >/dev/null 2>&1; then xl=ok; else xl=refused; fi
	[ $? -eq 124 ] && xl=">60 s"
	xt=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f s", e - s }')
	printf '%-18s %9s  %-11s %-60s  %s (%s)\n' "$f" "$size" "$jr" "$verdict" "$xt" "$xl"
	if [ "$f" = claim ] && ! "$JR" ijw validate claim.xml >/dev/null 2>&1; then
		echo "FAILED: the claim of $(cat claim.lines) lines, meant to be accepted, was refused:"
		"$JR" ijw validate claim.xml 2>&1 | head -c 600; echo
		exit 1
	fi
done
echo "the claim holds $(cat claim.lines) lines"
