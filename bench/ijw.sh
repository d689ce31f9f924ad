#!/usr/bin/env bash
# ijw.sh: the iJw benchmark (docs/BENCHMARKS.md, "iJw"): a realistic chain, every message meant to
# be accepted (issue 12; the benchmark of issue 5 mostly measured refusals).
#
# The demo region (SQLite) and C chains of care, each for a child new to the records, spread over
# the providers that hold a product contract for form 2 (hours per week) in a municipality of the
# region (the round's templates, tests/ijw/round/, filled in with each chain's own values):
#   1. JW315  the provider asks for an allocation                    `ijw import` (timed)
#   2.        the municipality decides: the child's address from the BRP (a JW301 needs it) and
#             the allocation, two `jeugdroute` commands per request (`person update`, `care
#             allocate`; form 2 needs no broad analysis; timed and shown, not a goal)
#   3. JW301  the allocations go out                                 `ijw export` (timed)
#   4. JW305  care starts                                            `ijw import` (timed)
#   5. JW323  the providers claim MONTHS months, month by month: per provider and municipality one
#             claim a month with a line for each of its clients, as a provider claims (TR318:
#             each period follows the last one claimed)            `ijw import` (timed)
#   6. JW307  care stops                                             `ijw import` (timed)
# Then, in the same run, over the same files of the four kinds taken in: `xmllint --noout
# --schema JWnnn.xsd` (structure only; the baseline) and `jeugdroute ijw validate` (structure and
# the rules within the message). Reports per kind the messages, accepted and refused, the time,
# messages per second and the ratio to xmllint over the same messages; for the claims their lines
# too. The answers (JW316, JW306, JW325, JW308) are written to a directory on the same disk.
#
# Exits 1 when a message meant to be accepted is refused, a claim line is rejected, or an
# allocation is not made or not exported: then it measured something else than the chain.
#
# Usage: bench/ijw.sh [CHAINS [MONTHS]]   (default 5000 chains, 3 months; needs xmllint,
#        sqlite3, jq, awk). A chain is 3 messages (JW315, JW305, JW307) and MONTHS claim lines.
#        JR_BUILD=DIR bench/ijw.sh …  measures the build made by bench/build.sh DIR [REV].
#        KEEP=1 keeps the work directory (bench/out/ijw-*) for a look.
set -euo pipefail

cd "$(dirname "$0")/.."
C=${1:-5000}
MONTHS=${2:-3}
case $C$MONTHS in
'' | *[!0-9]*) echo "usage: bench/ijw.sh [CHAINS [MONTHS]]" >&2; exit 2 ;;
esac
[ "$MONTHS" -ge 1 ] && [ "$MONTHS" -le 9 ] || { echo "ijw.sh: MONTHS is 1 to 9" >&2; exit 2; }
ROOT=$PWD
# the official schemas: JR_IJW_XSD, else in the repository, else beside it
XSD=$ROOT/../shared/reference/ijw/xsd
[ -d "$ROOT/data/ijw-3.2/xsd" ] && XSD=$ROOT/data/ijw-3.2/xsd
XSD=${JR_IJW_XSD:-$XSD}
for tool in xmllint sqlite3 jq awk meson ninja; do
	command -v "$tool" >/dev/null || { echo "ijw.sh: $tool is missing" >&2; exit 1; }
done
[ -f "$XSD/JW315.xsd" ] || { echo "ijw.sh: the schemas are not at $XSD" >&2; exit 1; }
. bench/which_build.sh
JR=$B/jeugdroute
REVISION=$(jr_build_revision)
mkdir -p bench/out
WORK=$(mktemp -d "$ROOT/bench/out/ijw-XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT # KEEP=1: the files stay, for a look
cd "$WORK"

echo "== machine"
echo "command: bench/ijw.sh $C $MONTHS${JR_BUILD:+ (JR_BUILD=$JR_BUILD)}"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:   $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "build:   $B ($REVISION), $(meson introspect "$B" --buildoptions |
	jq -r '[.[] | select(.name == "buildtype" or .name == "b_sanitize") | "\(.name)=\(.value)"] | join(" ")')"
echo "xmllint: $(xmllint --version 2>&1 | head -1)"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
J() { "$JR" "$@" --db s.db --key s.key; }
J init >/dev/null
J demo --youth 2000 --seed 1 >/dev/null 2>&1

# who: every provider with a product contract for form 2 in hours in a municipality of the region,
# with its first product code of category 45 and the contract's tariff; a GP of that municipality
sqlite3 -separator ' ' s.db "SELECT c.provider_id, p.agb, c.municipality, c.product_codes, c.tariff_cents,
	(SELECT MIN(o.agb) FROM organisations o WHERE o.kind = 'gp_practice' AND o.municipality = c.municipality)
	FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE c.forms LIKE '%,2,%' AND p.status = 'active' AND c.product_codes LIKE '%45%'
	AND c.tariff_cents > 0 AND c.unit = 'uur' AND c.municipality IS NOT NULL
	AND c.end_date IS NULL ORDER BY c.municipality, c.provider_id" |
	awk '$6 != "" { n = split($4, codes, ","); for (k = 1; k <= n; k++) if (codes[k] ~ /^45/) break
		if (k <= n) print $1, $2, $3, codes[k], $5, $6 }' >pairs.txt
P=$(wc -l <pairs.txt)
[ "$P" -gt 0 ] || { echo "ijw.sh: the demo region has no provider with a product contract for form 2" >&2; exit 1; }
echo "chains:  $C over $P providers and municipalities ($(cut -d' ' -f3 pairs.txt | sort -u | tr '\n' ' ')); $MONTHS months claimed"

# when: the allocations run a year from the first of the month MONTHS months ago; care starts two
# days later; the months up to last month are claimed; care stops today
TODAY=$(date +%F)
THIS=$(date +%Y-%m-01)
START=$(date -d "$THIS -$MONTHS month" +%F)
END=$(date -d "$START +1 year -1 day" +%F)
BEGIN=$(date -d "$START +2 day" +%F)

# the messages: the round's templates, each filled in with its own values (one pass of awk)
T=$ROOT/tests/ijw/round
mkdir -p m
# gen KIND: writes the messages of KIND (JW315: for each chain; JW305, JW307: for each chain with
# its allocation from alloc.txt; JW323: per provider, municipality and month, a line per client)
gen() {
	awk -v kind="$1" -v c="$C" -v months="$MONTHS" -v today="$TODAY" -v start="$START" \
		-v end="$END" -v begin="$BEGIN" -v this="$THIS" -v t315="$T/JW315.xml.in" \
		-v t305="$T/JW305.xml.in" -v t307="$T/JW307.xml.in" -v t323="$T/JW323.xml.in" '
function slurp(f,   line, s) { s = ""; while ((getline line < f) > 0) s = s line "\n"; close(f); return s }
# a template as literal pieces and the names between them, so that filling it is one pass
function prep(k, t,   n) {
	n = 0
	while (match(t, /@[A-Z0-9_]+@/)) {
		n++; lit[k, n] = substr(t, 1, RSTART - 1); name[k, n] = substr(t, RSTART + 1, RLENGTH - 2)
		t = substr(t, RSTART + RLENGTH)
	}
	cnt[k] = n; tail[k] = t
}
function fill(k,   s, n) { s = ""; for (n = 1; n <= cnt[k]; n++) s = s lit[k, n] v[name[k, n]]; return s tail[k] }
# the first valid BSN from 700,000,000 + 200 i: one of every 110 numbers in a row passes the elfproef
function bsn(i,   s, x, k, d, b) {
	b = 700000000 + i * 200
	do { b++; s = 0; x = b; for (k = 9; k >= 1; k--) { d[k] = x % 10; x = int(x / 10) }
	     for (k = 1; k <= 8; k++) s += d[k] * (10 - k); s -= d[9] } while (s % 11 != 0)
	return sprintf("%09d", b)
}
function ymd(s) { return (substr(s, 1, 4) + 0) * 12 + substr(s, 6, 2) - 1 }
function first(m) { return sprintf("%04d-%02d-01", int(m / 12), m % 12 + 1) }
function last(m,   y, mo, d) {
	y = int(m / 12); mo = m % 12 + 1
	d = mo == 2 ? ((y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28) : (mo == 4 || mo == 6 || mo == 9 || mo == 11) ? 30 : 31
	return sprintf("%04d-%02d-%02d", y, mo, d)
}
function chain(i,   p) {
	p = (i - 1) % np + 1
	v["ID"] = i; v["AGB"] = agb[p]; v["GEMEENTE"] = muni[p]; v["CODE"] = code[p]; v["VERWIJZER"] = gp[p]
	v["TARIFF"] = tariff[p]; v["BSN"] = bsn(i); v["BIRTH"] = sprintf("%04d-%02d-%02d", 2010 + i % 8, i % 12 + 1, i % 28 + 1)
	v["TOEWIJZING"] = alloc[i]
	return p
}
BEGIN {
	while ((getline line < "pairs.txt") > 0) {
		split(line, f, " "); np++; agb[np] = f[2]; muni[np] = f[3]; code[np] = f[4]; tariff[np] = f[5]; gp[np] = f[6]
	}
	if (kind != "JW315") while ((getline line < "alloc.txt") > 0) { split(line, f, " "); alloc[f[1]] = f[2] }
	v["CAT"] = "45"; v["DAG"] = today; v["START"] = start; v["END"] = end; v["BEGIN"] = begin; v["STOP"] = today
	if (kind == "JW315" || kind == "JW305" || kind == "JW307") {
		prep(kind, slurp(kind == "JW315" ? t315 : kind == "JW305" ? t305 : t307))
		for (i = 1; i <= c; i++) {
			chain(i); file = sprintf("m/%s-%07d.xml", kind, i)
			printf "%s", fill(kind) > file; close(file)
		}
		exit
	}
	# JW323: the template cut in three: the claim up to its clients, one client with one line
	# (the second Prestatie), and the rest
	t = slurp(t323)
	a = index(t, "<jw323:Client>"); z = index(t, "</jw323:Clienten>")
	cl = substr(t, a, z - a); sub(/[ \t]*<jw323:Prestatie>[^#]*<\/jw323:Prestatie>\n[ \t]*<jw323:Prestatie>/, "<jw323:Prestatie>", cl)
	prep("head", substr(t, 1, a - 1)); prep("client", cl); prep("tail", substr(t, z))
	m0 = ymd(start); id = 0
	for (j = 0; j < months; j++)
		for (p = 1; p <= np; p++) {
			id++; body = ""; total = 0
			v["MONTH_START"] = first(m0 + j); v["MONTH_END"] = last(m0 + j)
			v["LINE1_START"] = v["LINE2_START"] = v["MONTH_START"]; v["LINE1_END"] = v["LINE2_END"] = v["MONTH_END"]
			for (i = p; i <= c; i += np) {
				chain(i); v["ID"] = sprintf("%dM%d", i, j + 1); v["AMOUNT"] = 6 * tariff[p]
				total += 6 * tariff[p]; body = body fill("client")
			}
			if (body == "") continue
			v["ID"] = id; v["AGB"] = agb[p]; v["GEMEENTE"] = muni[p]; v["TOTAL"] = total
			file = sprintf("m/JW323-m%d-p%03d.xml", j + 1, p)
			printf "%s%s%s", fill("head"), body, fill("tail") > file; close(file)
		}
}'
}
gen JW315

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
# import KIND: takes in the messages of KIND, in the order of their names (the claims month by
# month); their outcomes in i-KIND.out, the time in I_KIND
mkdir -p answers
import() {
	local t0 t1
	t0=$(now)
	printf '%s\n' m/"$1"-*.xml | xargs "$JR" ijw import --db s.db --key s.key --out answers >"i-$1.out" 2>"i-$1.err" || true
	t1=$(now)
	printf -v "I_$1" '%s' "$(secs "$t0" "$t1")"
}
count() { # count KIND: "messages accepted refused lines lines_rejected" of its import
	jq -rs 'length as $n | [(map(select(.accepted)) | length), (map(select(.accepted | not)) | length),
		(map(.lines // 0) | add // 0), (map(.lines_rejected // 0) | add // 0)] as $c
		| "\($n) \($c[0]) \($c[1]) \($c[2]) \($c[3])"' "i-$1.out"
}
FAILED=0
verdict() { # verdict WHAT EXPECTED GOT
	if [ "$2" != "$3" ]; then
		echo "ijw.sh: $1: $3 where $2 were meant" >&2
		FAILED=1
	fi
}

echo
echo "== 1. JW315: the requests taken in"
import JW315
read -r n315 a315 r315 _ _ < <(count JW315)
echo "import:   $I_JW315 s, $(rate "$n315" "$I_JW315") messages/s; accepted $a315, refused $r315"
verdict "JW315 accepted" "$C" "$a315"
[ "$r315" = 0 ] || jq -c 'select(.accepted | not) | .problems[0]' i-JW315.out | sort | uniq -c | head -5 >&2

echo
echo "== 2. the municipality decides: the child's address from the BRP and the allocation (two commands each)"
# (form 2 needs no broad analysis in the region's policy; an allocation message needs the address)
sqlite3 -separator ' ' s.db "SELECT substr(r.reference, 5), r.help_request_id, r.referral_id, r.provider_id,
	p.id, p.version FROM ijw_requests r JOIN help_requests h ON h.id = r.help_request_id
	JOIN persons p ON p.id = h.child_id WHERE r.kind = 'JW315' AND r.reference LIKE 'REF-%'" |
	sort -n >requests.txt
t0=$(now)
: >alloc.txt
while read -r i hr ref provider child version; do
	J person update "$child" --version "$version" --street Benchmarkstraat --house-number "$i" \
		--postcode 7600AA --place Almelo >/dev/null 2>>allocate.err || true
	code=$(awk -v p="$provider" '$1 == p { print $4; exit }' pairs.txt)
	id=$(J care allocate "$hr" --provider "$provider" --form 2 --referral "$ref" --start "$START" --end "$END" \
		--product-code "$code" --volume 2 --unit uur --frequency "per week" 2>>allocate.err | jq -r '.id // empty')
	[ -n "$id" ] && echo "$i $id" >>alloc.txt
done <requests.txt
t1=$(now)
DECIDE=$(secs "$t0" "$t1")
nalloc=$(wc -l <alloc.txt)
echo "decide:   $DECIDE s for $(wc -l <requests.txt) requests, $(rate "$nalloc" "$DECIDE") allocations/s; allocated $nalloc"
verdict "allocations made" "$C" "$nalloc"
[ -s allocate.err ] && sort allocate.err | uniq -c | head -3 >&2

echo
echo "== 3. JW301: the allocations go out (ijw export)"
mkdir -p out301
t0=$(now)
J ijw export --since "$TODAY" --out out301 >e.out 2>e.err || true
t1=$(now)
E=$(secs "$t0" "$t1")
n301=$(ls out301 | grep -c '^JW301' || true)
# the demo's own allocations, made today too, go out with them: the chain's name its request
chain301=$(grep -l '<jw301:ReferentieAanbieder>REF-' out301/JW301-*.xml 2>/dev/null | wc -l)
echo "export:   $E s, $(rate "$n301" "$E") messages/s; written $n301: $chain301 of the chain, $((n301 - chain301)) of the demo's allocations"
verdict "JW301 of the chain written" "$nalloc" "$chain301"
ok301=$(printf '%s\n' out301/JW301-*.xml | xargs xmllint --noout --schema "$XSD/JW301.xsd" 2>&1 | grep -c ' validates$' || true)
echo "          valid by JW301.xsd (xmllint): $ok301 of $n301"
verdict "JW301 valid by xmllint" "$n301" "$ok301"

echo
echo "== 4-6. JW305 starts, JW323 claims ($MONTHS months), JW307 stops"
gen JW305
gen JW323
gen JW307
import JW305
import JW323
import JW307
read -r n305 a305 r305 _ _ < <(count JW305)
read -r n323 a323 r323 l323 lr323 < <(count JW323)
read -r n307 a307 r307 _ _ < <(count JW307)
echo "JW305:    $I_JW305 s, $(rate "$n305" "$I_JW305") messages/s; accepted $a305, refused $r305"
echo "JW323:    $I_JW323 s, $n323 claims of $l323 lines, $(rate "$l323" "$I_JW323") lines/s; accepted $a323, refused $r323; lines rejected $lr323"
echo "JW307:    $I_JW307 s, $(rate "$n307" "$I_JW307") messages/s; accepted $a307, refused $r307"
verdict "JW305 accepted" "$nalloc" "$a305"
verdict "JW323 accepted" "$n323" "$a323"
verdict "JW323 lines granted" "$l323" "$((l323 - lr323))"
verdict "JW323 lines" "$((nalloc * MONTHS))" "$l323"
verdict "JW307 accepted" "$nalloc" "$a307"
for k in JW305 JW323 JW307; do
	jq -c 'select((.accepted | not) or (.lines_rejected // 0) > 0) | [.bericht, (.problems[] | .rule)] | unique' "i-$k.out" |
		sort | uniq -c | head -3 >&2
done
echo "answers:  $(ls answers | wc -l) files; audit chain $(J audit verify | jq -c .)"

echo
echo "== 7. the same messages: xmllint --noout --schema (structure only) and ijw validate (structure and rules)"
for k in JW315 JW305 JW323 JW307; do
	t0=$(now)
	printf '%s\n' m/"$k"-*.xml | xargs xmllint --noout --schema "$XSD/$k.xsd" 2>"x-$k.err" >/dev/null || true
	t1=$(now)
	printf -v "X_$k" '%s' "$(secs "$t0" "$t1")"
	printf -v "XOK_$k" '%s' "$(grep -c ' validates$' "x-$k.err" || true)"
	t0=$(now)
	printf '%s\n' m/"$k"-*.xml | xargs "$JR" ijw validate >"v-$k.out" || true
	t1=$(now)
	printf -v "V_$k" '%s' "$(secs "$t0" "$t1")"
	printf -v "VOK_$k" '%s' "$(grep -c '"valid":true' "v-$k.out" || true)"
done

echo
echo "== per kind (messages/s; × xmllint: the ratio to xmllint's rate over the same files, > 1 faster)"
printf '%-6s %8s %8s %8s %10s %10s %10s %12s %10s\n' kind messages accepted refused "import/s" "× xmllint" \
	"validate/s" "× xmllint" "xmllint/s"
row() { # row KIND MESSAGES ACCEPTED REFUSED
	local x v i xo vo
	eval "x=\$X_$1 v=\$V_$1 i=\$I_$1 xo=\$XOK_$1 vo=\$VOK_$1"
	awk -v k="$1" -v n="$2" -v a="$3" -v r="$4" -v x="$x" -v v="$v" -v i="$i" 'BEGIN {
		printf "%-6s %8d %8d %8d %10.0f %10.2f %10.0f %12.2f %10.0f\n", k, n, a, r, n / i, x / i, n / v, x / v, n / x }'
	[ "$xo" = "$2" ] || verdict "$1 valid by xmllint" "$2" "$xo"
	[ "$vo" = "$2" ] || verdict "$1 valid by ijw validate" "$2" "$vo"
}
row JW315 "$n315" "$a315" "$r315"
row JW305 "$n305" "$a305" "$r305"
row JW323 "$n323" "$a323" "$r323"
row JW307 "$n307" "$a307" "$r307"
awk -v n="$((n315 + n305 + n323 + n307))" -v i="$I_JW315 $I_JW305 $I_JW323 $I_JW307" \
	-v x="$X_JW315 $X_JW305 $X_JW323 $X_JW307" -v l="$l323" -v il="$I_JW323" -v e="$E" -v n301="$n301" 'BEGIN {
	split(i, a, " "); split(x, b, " "); for (k = 1; k <= 4; k++) { ti += a[k]; tx += b[k] }
	printf "%-6s %8d %28s %10.0f %10.2f %34.0f\n", "all", n, "", n / ti, tx / ti, n / tx
	printf "claim lines taken in: %.0f/s; JW301 written: %.0f/s\n", l / il, n301 / e }'
if [ "$FAILED" != 0 ]; then
	echo "ijw.sh: not every message meant to be accepted was accepted: the figures above are not the chain's" >&2
	exit 1
fi
