#!/bin/sh
# The in-message rules of iJw 3.2 (src/ijw/ijw_rules.c), each broken on purpose: for every rule a
# valid message is changed in one place, and `jeugdroute ijw validate` must reject it naming
# that rule and its return code. The valid messages themselves must pass.
#   sh tests/ijw/rules.sh BINARY     (prints TAP)
# The messages are the round's templates (tests/ijw/round/*.xml.in) with fixed values.
set -u
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /tmp/jr-ijw-rules-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
n=0
failures=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	failures=$((failures + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

# the valid messages: a start and a stop in May 2026, a request, a claim for April 2026
fill() { # fill TEMPLATE > FILE
	sed -e 's/@AGB@/12345678/; s/@GEMEENTE@/0141/; s/@ID@/1/g; s/@BSN@/123456782/' \
		-e 's/@BIRTH@/2015-03-04/; s/@CAT@/45/g; s/@CODE@/45A02/g; s/@TOEWIJZING@/77/g' \
		-e 's/@START@/2026-04-01/g; s/@END@/2026-12-31/; s/@BEGIN@/2026-05-01/' \
		-e 's/@STOP@/2026-05-08/; s/@VERWIJZER@/01234567/' \
		-e 's/@MONTH_START@/2026-04-01/; s/@MONTH_END@/2026-04-30/' \
		-e 's/@LINE1_START@/2026-04-01/; s/@LINE1_END@/2026-04-30/' \
		-e 's/@LINE2_START@/2026-04-01/; s/@LINE2_END@/2026-04-30/' \
		-e 's/@TARIFF@/7800/g; s/@AMOUNT@/46800/g; s/@TOTAL@/93600/' \
		-e 's/@LATER_END@/2027-03-31/; s/@NEW_START@/2026-06-01/; s/@NEW_END@/2026-12-31/' \
		-e 's/P1B</P2B</' "$1"
}
fill "$HERE/round/JW305.xml.in" | sed 's/@DAG@/2026-05-10/' >JW305.xml
fill "$HERE/round/JW307.xml.in" | sed 's/@DAG@/2026-05-10/' >JW307.xml
fill "$HERE/round/JW315.xml.in" | sed 's/@DAG@/2026-05-10/' >JW315.xml
fill "$HERE/round/JW317.xml.in" | sed 's/@DAG@/2026-05-10/' >JW317.xml
# the claim's second line: the same month of another product, so that it is no double debit
fill "$HERE/round/JW323.xml.in" | sed 's/@DAG@/2026-05-05/' |
	awk '/<jw323:Prestatie>/ { k++ } k == 2 && /ProductCode/ { sub(/45A02/, "45A03") } { print }' \
		>JW323.xml

for m in JW305 JW307 JW315 JW317 JW323; do
	if out=$("$BIN" ijw validate $m.xml 2>&1) && echo "$out" | jq -e '.valid == true' >/dev/null; then
		ok "$m: the valid message passes"
	else
		not_ok "$m: the valid message passes" "$out"
	fi
done

# case RULE CODE MESSAGE FILTER WHAT: MESSAGE.xml through FILTER (sed or awk) must be refused
# naming RULE with return code CODE
case_() {
	rule=$1 code=$2 msg=$3 filter=$4 what=$5
	sh -c "$filter" <"$msg.xml" >"case.xml"
	out=$("$BIN" ijw validate case.xml 2>&1)
	if echo "$out" | jq -e --arg r "$rule" --arg c "$code" \
		'.valid == false and any(.problems[]; .rule == $r and .code == $c)' >/dev/null 2>&1; then
		ok "$rule ($code) $msg: $what"
	else
		not_ok "$rule ($code) $msg: $what" "$out"
	fi
}
# duplicates the lines from the first match of START to the first match of END after it
# (printf, not echo: sh's echo would turn the backslashes of an awk string into characters)
dup() { printf '%s' "awk -v s='$1' -v e='$2' '{ print } index(\$0, s) && !d { on = 1 } on { buf = buf \$0 ORS } on && index(\$0, e) { on = 0; d = 1; printf \"%s\", buf }'"; }

# rules every message has
case_ CS002 0001 JW305 "sed s/123456782/123456789/" "the BSN fails the eleven-test"
case_ TR134 0001 JW305 "sed s/2015-03-04/2026-06-01/" "born after the message's date"
case_ TR002 0001 JW315 "sed s/2015-03-04/1900-05-06/" "born more than 120 years before"
case_ CS139 0001 JW305 "sed 's|<ijw:Datum>2015-03-04</ijw:Datum>|<ijw:Datum>2015-03-04</ijw:Datum><ijw:DatumGebruik>2</ijw:DatumGebruik>|'" \
	"date usage 2 (only the year) on a date that is not 1 January"
case_ TR135 8848 JW305 "sed 's|<ijw:Dagtekening>2026-05-10|<ijw:Dagtekening>2099-05-10|'" "dated in the future"
# the validity dates of the code lists: unit 84 (pieces, effort) exists from 1 January 2021
case_ WJ756 0001 JW315 "sed 's|<ijw:Dagtekening>2026-05-10|<ijw:Dagtekening>2020-12-15|; s|<ijw:Eenheid>04|<ijw:Eenheid>84|'" \
	"a code before its list says it is valid"
# JW305, JW307
case_ CS058 0001 JW305 "sed 's|StatusAanlevering>1<|StatusAanlevering>2<|'" "status 2 (a correction) is not allowed"
case_ TR134 0001 JW305 "sed 's|<jw305:Begindatum>2026-05-01|<jw305:Begindatum>2026-05-20|'" "care began after the message's date"
case_ TR101 0001 JW305 "$(dup '<jw305:StartProduct>' '</jw305:StartProduct>')" "the same start twice"
case_ TR018 0001 JW307 "sed 's|<jw307:Einddatum>2026-05-08|<jw307:Einddatum>2026-04-28|'" "stopped before it began"
case_ TR134 0001 JW307 "sed 's|<jw307:Einddatum>2026-05-08|<jw307:Einddatum>2026-05-28|'" "stopped after the message's date"
# JW315
case_ CD041 0001 JW315 "sed '/<jw315:Omvang>/,/<\/jw315:Omvang>/d'" "a product code without an extent"
case_ CD043 0001 JW315 "sed 's|<jw315:ReferentieAanbieder>REF-1</jw315:ReferentieAanbieder>|&<jw315:BeschikkingNummer>42</jw315:BeschikkingNummer>|'" \
	"a decision number without its date"
case_ CD066 0001 JW315 "sed 's|<ijw:ZorgverlenerCode>|<ijw:Naam>Dokter</ijw:Naam>&|'" "a GP with an AGB code and a name"
case_ CD067 0001 JW315 "sed '/ZorgverlenerCode/d'" "a GP with neither AGB code nor name"
case_ CD068 0001 JW315 "sed 's|<ijw:Type>02|<ijw:Type>01|'" "a municipality as referrer with an AGB code"
case_ CD075 0001 JW315 "sed '/<jw315:Omvang>/,/<\/jw315:Omvang>/d; /ToewijzingEinddatum/d; s|</jw315:ToewijzingIngangsdatum>|&<jw315:Budget>100000</jw315:Budget>|'" \
	"a budget without an end date"
case_ CD076 0001 JW315 "sed '/ToewijzingEinddatum/d'" "per week without an end date"
case_ CD077 0001 JW315 "sed 's|</jw315:Omvang>|&<jw315:Budget>100000</jw315:Budget>|'" "a budget and an extent"
case_ CD079 0001 JW315 "sed '/<jw315:Product>/,/<\/jw315:Product>/d'" "no budget and no product"
case_ CD095 0001 JW315 "sed '/<ijw:Code>/d'" "no product code, yet an extent"
case_ CS003 0001 JW315 "sed 's|<jw315:ToewijzingEinddatum>2026-12-31|<jw315:ToewijzingEinddatum>2026-03-31|'" "ends before it starts"
case_ CS343 0001 JW315 "sed 's|<ijw:Eenheid>04|<ijw:Eenheid>14|; s|<ijw:Frequentie>2|<ijw:Frequentie>1|'" "days and nights per day"
case_ TR383 0001 JW315 "$(dup '<jw315:AangevraagdProduct>' '</jw315:AangevraagdProduct>')" "one reference for two products"
case_ TR386 0001 JW315 "$(dup '<jw315:AangevraagdProduct>' '</jw315:AangevraagdProduct>') | awk '/REF-1/ && ++k == 2 { sub(/REF-1/, \"REF-2\") } { print }'" \
	"the same product twice for overlapping periods"
# JW317
case_ TR352 0001 JW317 "sed '/<jw317:TeWijzigenProducten>/,/<\/jw317:TeWijzigenProducten>/d'" "only new products: nothing kept or changed"
case_ TR353 0001 JW317 "sed '/<jw317:NieuweProducten>/,/<\/jw317:NieuweProducten>/d; s|TeWijzigenProducten>|OngewijzigdeProducten>|; s|TeWijzigenProduct>|OngewijzigdProduct>|; /GewensteIngangsdatum>2026-04-01/d; /2027-03-31/d; /<jw317:Omvang>/,/<\/jw317:Omvang>/d'" \
	"nothing changed and nothing new"
case_ CS003 0001 JW317 "sed 's|<jw317:Einddatum>2026-12-31|<jw317:Einddatum>2026-05-31|'" "a new product ends before it starts"
case_ TR380 0001 JW317 "sed 's|<jw317:GewensteIngangsdatum>2026-06-01|<jw317:GewensteIngangsdatum>2026-05-10|'" "a new product starting on the message's date"
case_ CD041 0001 JW317 "awk '/<jw317:NieuwProduct>/ { n = 1 } n && /Omvang>/ { skip = !skip; next } !skip { print }'" "a new product code without an extent"
case_ CD096 0001 JW317 "sed '/<ijw:Code>/d'" "a new product without a code, yet an extent"
case_ CD076 0001 JW317 "sed '/2027-03-31/d'" "a change per week without an end date"
case_ CD077 0001 JW317 "sed 's|</jw317:Omvang>\(.*\)|&|; 0,/<\/jw317:Omvang>/s|</jw317:Omvang>|&<jw317:Budget>5000</jw317:Budget>|'" "a budget and an extent"
case_ CS338 0001 JW317 "sed '0,/<ijw:Eenheid>04/s|<ijw:Eenheid>04|<ijw:Eenheid>14|; 0,/<ijw:Frequentie>2/s|<ijw:Frequentie>2|<ijw:Frequentie>1|'" "days and nights per day"
case_ TR410 0001 JW317 "$(dup '<jw317:NieuwProduct>' '</jw317:NieuwProduct>')" "the same new product twice, overlapping"
case_ TR101 0001 JW317 "$(dup '<jw317:TeWijzigenProduct>' '</jw317:TeWijzigenProduct>')" "the same allocation twice"
# JW323
case_ CS100 0001 JW323 "sed 's|<ijw:Begindatum>2026-04-01</ijw:Begindatum>|<ijw:Begindatum>2020-12-01</ijw:Begindatum>|; s|<ijw:Einddatum>2026-04-30</ijw:Einddatum>|<ijw:Einddatum>2020-12-31</ijw:Einddatum>|'" \
	"a claim for 2020"
case_ CS340 0001 JW323 "awk '/DeclaratiePeriode/ { p = !p } p && /Begindatum/ { sub(/2026-04-01/, \"2026-04-02\") } { print }'" "the claim's period is not a whole month"
case_ TR137 0001 JW323 "sed 's|<ijw:Dagtekening>2026-05-05|<ijw:Dagtekening>2026-04-15|; s|<jw323:DeclaratieDagtekening>2026-05-05|<jw323:DeclaratieDagtekening>2026-04-15|'" \
	"the period ends after the message's date"
case_ CS337 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 1 && /Einddatum/ { sub(/2026-04-30/, \"2026-05-01\") } { print }'" "a line's period spans two months"
case_ CS339 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 1 && /<jw323:Eenheid>/ { sub(/04/, \"83\") } k == 1 && /ProductTarief/ { next } { print }'" \
	"in euros the amount is not the volume"
case_ CD087 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 1 && /ProductTarief/ { next } { print }'" "hours without a tariff"
case_ CD060 0001 JW323 "sed 's|<ijw:ReferentieNummer>P1A</ijw:ReferentieNummer>|&<ijw:VorigReferentieNummer>P0</ijw:VorigReferentieNummer>|'" \
	"a debit line that names a previous line"
case_ CS325 0001 JW323 "sed 's|<ijw:TotaalBedrag>93600</ijw:TotaalBedrag>|<ijw:TotaalBedrag>0</ijw:TotaalBedrag>|; /<ijw:TotaalBedrag>0/{n; s|>D<|>C<|}'" \
	"a total of 0 as credit"
case_ TR358 0001 JW323 "sed 's|<ijw:TotaalBedrag>93600|<ijw:TotaalBedrag>93601|'" "the total is not the sum of the lines"
case_ TR346 9346 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 1 && /<ijw:Bedrag>/ { sub(/46800/, \"46801\") } { print }' | sed 's|<ijw:TotaalBedrag>93600|<ijw:TotaalBedrag>93601|'" \
	"the amount is not volume times tariff"
case_ TR335 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 2 && /Begindatum/ { sub(/2026-04-01/, \"2021-04-01\") } k == 2 && /Einddatum/ { sub(/2026-04-30/, \"2021-04-30\") } { print }'" \
	"a line more than five years old"
case_ TR101 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 2 && /ReferentieNummer/ { sub(/P2B/, \"P1A\") } { print }'" "the same line twice"
case_ TR416 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 2 && /ProductCode/ { sub(/45A03/, \"45A02\") } { print }'" \
	"two debit lines for one period, product and allocation"
case_ TR316 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k == 2 && /ReferentieNummer/ { print; print \"<ijw:VorigReferentieNummer>P1A</ijw:VorigReferentieNummer>\"; next } k == 2 && /DebetCredit/ { sub(/>D</, \">C<\") } { print }' | sed 's|<ijw:TotaalBedrag>93600|<ijw:TotaalBedrag>0|'" \
	"a debit line credited in the same message"
case_ TR315 0001 JW323 "awk '/<jw323:Prestatie>/ { k++ } k >= 1 && /ReferentieNummer/ { print; print \"<ijw:VorigReferentieNummer>P0</ijw:VorigReferentieNummer>\"; next } k >= 1 && /DebetCredit/ { sub(/>D</, \">C<\") } /TotaalBedrag/ { sub(/93600/, \"93600\") } /<jw323:TotaalIngediendBedrag>/ { t = 1 } t && /DebetCredit/ { sub(/>D</, \">C<\"); t = 0 } { print }'" \
	"two credit lines for one previous line"
case_ TR134 0001 JW323 "sed 's|<ijw:Dagtekening>2026-05-05|<ijw:Dagtekening>2026-03-20|; s|<jw323:DeclaratieDagtekening>2026-05-05|<jw323:DeclaratieDagtekening>2026-03-20|'" \
	"a claim period that begins after the message's date"

echo "1..$n"
[ "$failures" -eq 0 ]
