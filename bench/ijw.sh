#!/usr/bin/env bash
# ijw.sh: the iJw benchmark of issue 5 (docs/BENCHMARKS.md, "iJw").
#
# Makes the demo region (SQLite) and N varied messages of the four kinds jeugdroute takes in —
# JW315 (requests for allocation, each for a child new to the records), JW305 (starts), JW307
# (stops), JW323 (claims of two lines) — all valid in structure and by the rules within the
# message, with their own BSNs, dates, references and amounts. Then, in the same run:
#   1. xmllint --noout --schema JWnnn.xsd over the files of each kind   (structure only)
#   2. jeugdroute ijw validate over all files                            (structure and rules)
#   3. jeugdroute ijw import over all files into the demo region         (all four levels;
#      the requests are taken in, the starts and stops name allocations the region does not have
#      and are refused by TR019 after every check, rolled back, audited; the claims' periods are
#      months at random, so all but the first few are refused whole by TR318)
#   3b. the same into a copy with the answers in /dev/shm               (the records alone,
#      without the file system's cost of creating the answer files; shown, not the goal's figure)
#   4. jeugdroute ijw import over the requests alone into a fresh copy   (every one taken in)
# and reports files per second and the ratios. The answers go to a directory on the same disk.
#
# Usage: bench/ijw.sh [N]     (default 100000; needs xmllint, sqlite3, jq, awk)
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-100000}
ROOT=$PWD
XSD=$ROOT/../shared/reference/ijw/xsd
for tool in xmllint sqlite3 jq awk meson ninja; do
	command -v "$tool" >/dev/null || { echo "ijw.sh: $tool is missing" >&2; exit 1; }
done
[ -d "$XSD" ] || { echo "ijw.sh: the schemas are not at $XSD" >&2; exit 1; }
test -d build || meson setup build -Dtests=false
ninja -C build >/dev/null
JR=$ROOT/build/jeugdroute
WORK=$(mktemp -d "$ROOT/bench/out/ijw-XXXXXX" 2>/dev/null || mktemp -d /tmp/jr-ijw-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

echo "== machine"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores:   $(nproc)"
echo "cpu:     $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "xmllint: $(xmllint --version 2>&1 | head -1)"

export JEUGDROUTE_ADMIN_PASSWORD=benchmark-only-1
"$JR" init --db s.db --key s.key >/dev/null
"$JR" demo --db s.db --key s.key --youth 2000 --seed 1 >/dev/null 2>&1
AGB=$(sqlite3 s.db "SELECT agb FROM providers ORDER BY id LIMIT 1")
GP=$(sqlite3 s.db "SELECT agb FROM organisations WHERE kind = 'gp_practice' LIMIT 1")
cp s.db fresh.db
cp s.key fresh.key
cp s.db mem.db
cp s.key mem.key

# the messages: the round's templates, each filled with its own values
mkdir -p m
T=$ROOT/tests/ijw/round
awk -v n="$N" -v agb="$AGB" -v gp="$GP" -v t315="$T/JW315.xml.in" -v t305="$T/JW305.xml.in" \
	-v t307="$T/JW307.xml.in" -v t323="$T/JW323.xml.in" '
function slurp(f,   line, s) { s = ""; while ((getline line < f) > 0) s = s line "\n"; close(f); return s }
# a template as literal pieces and the names between them, so that filling it is one pass
function prep(k, t,   c) {
	c = 0
	while (match(t, /@[A-Z0-9_]+@/)) {
		c++; lit[k, c] = substr(t, 1, RSTART - 1); name[k, c] = substr(t, RSTART + 1, RLENGTH - 2)
		t = substr(t, RSTART + RLENGTH)
	}
	cnt[k] = c; tail[k] = t
}
function fill(k,   s, c) { s = ""; for (c = 1; c <= cnt[k]; c++) s = s lit[k, c] v[name[k, c]]; return s tail[k] }
function bsn(   s, x, k, d) {
	do { b++; s = 0; x = b; for (k = 9; k >= 1; k--) { d[k] = x % 10; x = int(x / 10) }
	     for (k = 1; k <= 8; k++) s += d[k] * (10 - k); s -= d[9] } while (s % 11 != 0)
	return sprintf("%09d", b)
}
function day(y, m, d) { return sprintf("%04d-%02d-%02d", y, m, d) }
function last(m) { return m == 2 ? 28 : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31 }
BEGIN {
	prep("JW315", slurp(t315)); prep("JW305", slurp(t305)); prep("JW307", slurp(t307)); prep("JW323", slurp(t323))
	split("JW315 JW305 JW307 JW323", kinds, " ")
	b = 700000000
	v["AGB"] = agb; v["GEMEENTE"] = "0141"; v["DAG"] = "2026-11-20"; v["CAT"] = "45"; v["VERWIJZER"] = gp
	for (i = 1; i <= n; i++) {
		k = kinds[(i - 1) % 4 + 1]
		mo = (i % 9) + 1                 # months 1..9 of 2026
		tar = 6000 + (i % 40) * 100
		v["ID"] = i; v["BSN"] = bsn(); v["BIRTH"] = day(2008 + i % 10, i % 12 + 1, i % 28 + 1)
		v["CODE"] = sprintf("45A0%d", i % 4 + 1)
		v["START"] = day(2026, mo, 1); v["END"] = day(2027, mo, 1)
		v["BEGIN"] = day(2026, mo, i % 20 + 2); v["STOP"] = day(2026, mo, 27)
		v["TOEWIJZING"] = 900000000 + i
		v["MONTH_START"] = day(2026, mo + 1, 1); v["MONTH_END"] = day(2026, mo + 1, last(mo + 1))
		v["LINE1_START"] = v["MONTH_START"]; v["LINE1_END"] = v["MONTH_END"]
		v["LINE2_START"] = day(2026, mo, 1); v["LINE2_END"] = day(2026, mo, last(mo))
		v["TARIFF"] = tar; v["AMOUNT"] = 6 * tar; v["TOTAL"] = 12 * tar
		f = sprintf("m/%s-%07d.xml", k, i)
		printf "%s", fill(k) > f; close(f)
	}
}'
echo "files:   $(ls m | wc -l) ($(du -sh m | cut -f1)); per kind: $(ls m | cut -c1-5 | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"

secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
now() { date +%s.%N; }

echo
echo "== 1. xmllint --noout --schema (structure only), per kind"
t0=$(now)
for k in JW305 JW307 JW315 JW323; do
	find m -name "$k-*.xml" | xargs xmllint --noout --schema "$XSD/$k.xsd" 2>x-$k.err >/dev/null || true
done
t1=$(now)
X_OK=$(cat x-*.err | grep -c ' validates$' || true)
X=$(secs "$t0" "$t1")
echo "xmllint:  $X s, $X_OK of $N valid, $(awk -v n="$N" -v s="$X" 'BEGIN { printf "%.0f", n / s }') files/s"

echo
echo "== 2. jeugdroute ijw validate (structure and the rules within the message)"
t0=$(now)
find m -name '*.xml' | xargs "$JR" ijw validate >v.out || true
t1=$(now)
V=$(secs "$t0" "$t1")
V_OK=$(grep -c '"valid":true' v.out || true)
echo "validate: $V s, $V_OK of $N valid, $(awk -v n="$N" -v s="$V" 'BEGIN { printf "%.0f", n / s }') files/s"

echo
echo "== 3. jeugdroute ijw import, all kinds, into the demo region"
mkdir -p answers
t0=$(now)
find m -name '*.xml' | xargs "$JR" ijw import --db s.db --key s.key --out answers >i.out || true
t1=$(now)
I=$(secs "$t0" "$t1")
echo "import:   $I s, $(awk -v n="$N" -v s="$I" 'BEGIN { printf "%.0f", n / s }') messages/s; " \
	"$(jq -s -c 'group_by(.bericht) | map({(.[0].bericht): {accepted: map(select(.accepted)) | length, refused: map(select(.accepted | not)) | length}}) | add' i.out)"
echo "answers:  $(ls answers | wc -l) files; audit chain $("$JR" audit verify --db s.db --key s.key | jq -c .)"

# 3b. the same import into a copy with the answers in memory: what the records cost without the
# file system's cost of creating a hundred thousand files (not a figure for the goal)
if [ -d /dev/shm ] && SHM=$(mktemp -d /dev/shm/jr-ijw-bench-XXXXXX 2>/dev/null); then
	echo
	echo "== 3b. the same, into a copy, the answers in memory ($SHM): the records without the files"
	t0=$(now)
	find m -name '*.xml' | xargs "$JR" ijw import --db mem.db --key mem.key --out "$SHM" >/dev/null || true
	t1=$(now)
	M=$(secs "$t0" "$t1")
	echo "import:   $M s, $(awk -v n="$N" -v s="$M" 'BEGIN { printf "%.0f", n / s }') messages/s, $(ls "$SHM" | wc -l) answers"
	rm -rf "$SHM"
fi

echo
echo "== 4. jeugdroute ijw import, the requests (JW315) alone, every one taken in"
R=$(ls m | grep -c '^JW315' || true)
mkdir -p answers2
t0=$(now)
find m -name 'JW315-*.xml' | xargs "$JR" ijw import --db fresh.db --key fresh.key --out answers2 >r.out || true
t1=$(now)
Q=$(secs "$t0" "$t1")
echo "import:   $Q s for $R requests, $(awk -v n="$R" -v s="$Q" 'BEGIN { printf "%.0f", n / s }') messages/s, accepted $(grep -c '"accepted":true' r.out || true)"

echo
echo "== ratios"
awk -v x="$X" -v v="$V" 'BEGIN { printf "validate (structure + rules) is %.2f times as fast as xmllint (structure only)\n", x / v }'
