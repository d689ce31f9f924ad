#!/bin/sh
# Makes accepted claims exist in a demo region, as a provider's system would: for the first
# allocation in the product regime whose care runs, a JW323 for the month the provider claims
# next for that municipality (TR318: the month after its last claim there, as the demo's
# claims left it; with none, the month the allocation started), from the first of that month
# or the allocation's start to the month's end, one unit at the contract's tariff, is imported
# with `jeugdroute ijw import`, and must be accepted.
#   sh tests/contracts/claim.sh BINARY DB KEY OUT-DIR
# Prints "PROVIDER-ID AMOUNT-IN-CENTS" of the accepted claim; exits 1 (with the reason on
# stderr) when the region has no such allocation or the claim was not accepted.
set -u
BIN=$1 DB=$2 KEY=$3 OUT=$4
HERE=$(cd "$(dirname "$0")" && pwd)
q() { sqlite3 "$DB" "$1"; }
row=$(q "WITH last AS (SELECT c.provider_id, m.receiver AS muni, MAX(c.period_end) AS end_day
	FROM claims c JOIN ijw_messages m ON m.id = c.message_id GROUP BY 1, 2),
	cand AS (SELECT a.*, h.child_id, COALESCE(a.responsible_municipality, h.municipality) AS muni,
	p.agb, COALESCE(date(l.end_day, '+1 day'), date(a.start_date, 'start of month')) AS first
	FROM allocations a JOIN help_requests h ON h.id = a.help_request_id
	JOIN providers p ON p.id = a.provider_id
	JOIN deliveries d ON d.allocation_id = a.id AND d.stopped_on IS NULL
	LEFT JOIN last l ON l.provider_id = a.provider_id
	AND l.muni = COALESCE(a.responsible_municipality, h.municipality)
	WHERE a.product_code IS NOT NULL AND a.product_code <> ''
	AND a.unit IN ('uur', 'etmaal', 'dagdeel', 'minuut', 'stuks'))
	SELECT number, provider_id, product_code, unit, MAX(start_date, first), first, child_id, muni, agb
	FROM cand WHERE first >= date(start_date, 'start of month')
	AND (end_date IS NULL OR end_date >= date(first, '+1 month', '-1 day'))
	AND NOT EXISTS (SELECT 1 FROM claim_lines x WHERE x.allocation_id = cand.id
	AND x.period_end >= first)
	ORDER BY id LIMIT 1")
[ -n "$row" ] || { echo "claim.sh: no allocation in the product regime with running care" >&2; exit 1; }
IFS='|' read -r NUMBER PROVIDER CODE UNIT START FIRST CHILD MUNI AGB <<ROW
$row
ROW
TARIFF=$(q "SELECT COALESCE(MAX(tariff_cents), 0) FROM contracts WHERE provider_id = $PROVIDER
	AND (municipality = '$MUNI' OR municipality IS NULL)")
[ "$TARIFF" -gt 0 ] || TARIFF=10000
case $UNIT in minuut) U=01 ;; uur) U=04 ;; etmaal) U=14 ;; dagdeel) U=16 ;; *) U=84 ;; esac
BSN=$("$BIN" person show "$CHILD" --db "$DB" --key "$KEY" | jq -r .bsn)
LAST=$(date -d "$FIRST +1 month -1 day" +%F)
CAT=$(printf '%s' "$CODE" | cut -c1-2)
ID=$(date +%H%M%S)
mkdir -p "$OUT"
sed -e "s/@AGB@/$AGB/; s/@GEMEENTE@/$MUNI/; s/@ID@/$ID/g; s/@BSN@/$BSN/; s/@DAG@/$(date +%F)/g" \
	-e "s/@CAT@/$CAT/; s/@CODE@/$CODE/; s/@TOEWIJZING@/$NUMBER/; s/@MONTH_START@/$FIRST/" \
	-e "s/@MONTH_END@/$LAST/; s/@LINE1_START@/$START/; s/@LINE1_END@/$LAST/; s/@VOLUME@/1/" \
	-e "s/@UNIT@/$U/; s/@TARIFF@/$TARIFF/; s/@AMOUNT@/$TARIFF/; s/@TOTAL@/$TARIFF/" \
	"$HERE/JW323.xml.in" >"$OUT/JW323-claim.xml"
out=$("$BIN" ijw import "$OUT/JW323-claim.xml" --out "$OUT" --db "$DB" --key "$KEY" 2>&1)
if ! printf '%s' "$out" | jq -e '.accepted == true and .lines_rejected == 0' >/dev/null 2>&1; then
	echo "claim.sh: the claim was not accepted: $out" >&2
	exit 1
fi
echo "$PROVIDER $TARIFF"
