#!/bin/sh
# The in-message rules of iJw 3.2 (src/ijw/ijw_rules.c), each broken on purpose: for every rule a
# valid message is changed in one place, and `jeugdroute ijw validate` must reject it naming
# that rule and its return code. The valid messages themselves must pass. jeugdroute's own
# JW301 and JW319 are checked as their receiver checks them: there `ijw validate --antwoord`
# must also write the return message (JW302, JW320) with that code, valid by its schema
# (xmllint).
#   sh tests/ijw/rules.sh BINARY     (prints TAP)
# The messages are the round's templates (tests/ijw/round/*.xml.in) with fixed values.
set -u
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../lib/tap.sh"
. "$HERE/round/fill.sh"
XSD=$HERE/../../data/ijw-3.2/xsd
tap_need "$BIN" jq xmllint awk
[ -d "$XSD" ] || tap_bail "$XSD is missing: the iJw 3.2 schemas belong in the repository"
WORK=$(mktemp -d /tmp/jr-ijw-rules-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

# the valid messages (fill.sh): a start and a stop in May 2026, a request, a claim for April 2026
fill "$HERE/round/JW305.xml.in" | sed 's/@DAG@/2026-05-10/' >JW305.xml
fill "$HERE/round/JW307.xml.in" | sed 's/@DAG@/2026-05-10/' >JW307.xml
fill "$HERE/round/JW315.xml.in" | sed 's/@DAG@/2026-05-10/' >JW315.xml
fill "$HERE/round/JW317.xml.in" | sed 's/@DAG@/2026-05-10/' >JW317.xml
# the claim's second line: the same month of another product, so that it is no double debit
fill "$HERE/round/JW323.xml.in" | sed 's/@DAG@/2026-05-05/' |
	awk '/<jw323:Prestatie>/ { k++ } k == 2 && /ProductCode/ { sub(/45A02/, "45A03") } { print }' \
		>JW323.xml
fill "$HERE/round/JW301.xml.in" | sed 's/@DAG@/2026-05-10/' >JW301.xml
fill "$HERE/round/JW319.xml.in" | sed 's/@DAG@/2026-05-10/' >JW319.xml

for m in JW301 JW305 JW307 JW315 JW317 JW319 JW323; do
	if out=$("$BIN" ijw validate $m.xml 2>&1) && echo "$out" | jq -e '.valid == true' >/dev/null; then
		ok "$m: the valid message passes"
	else
		not_ok "$m: the valid message passes" "$out"
	fi
done

# case RULE CODE MESSAGE FILTER WHAT: MESSAGE.xml through FILTER (sed or awk) must be refused
# naming RULE with return code CODE
# For a JW301 or JW319 the return message written (JW302, JW320) must carry CODE too.
case_() {
	rule=$1 code=$2 msg=$3 filter=$4 what=$5
	sh -c "$filter" <"$msg.xml" >"case.xml"
	case $msg in
	JW301 | JW319)
		rm -rf ans && mkdir ans
		out=$("$BIN" ijw validate case.xml --antwoord ans 2>&1)
		retour=$(echo "$out" | jq -r '.answer // empty' 2>/dev/null)
		kind=JW302
		[ "$msg" = JW319 ] && kind=JW320
		prefix=$(echo "$kind" | tr JW jw)
		if [ -z "$retour" ] || ! grep -q "<$prefix:RetourCode>$code</$prefix:RetourCode>" "$retour"; then
			not_ok "$rule ($code) $msg: $what; the $kind carries $code" "$out" "$(cat "$retour" 2>/dev/null)"
			return
		fi
		if ! lint=$(xmllint --noout --schema "$XSD/$kind.xsd" "$retour" 2>&1); then
			not_ok "$rule ($code) $msg: $what; the $kind validates" "$lint"
			return
		fi
		;;
	*) out=$("$BIN" ijw validate case.xml 2>&1) ;;
	esac
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
# JW301 (as a provider's system checks it; answered with a JW302 with 0001)
case_ CS002 0001 JW301 "sed s/123456782/123456789/" "the BSN fails the eleven-test"
case_ TR134 0001 JW301 "sed s/2015-03-04/2026-06-01/" "the client born after the message's date"
case_ TR002 0001 JW301 "sed s/2015-03-04/1900-05-06/" "the client born more than 120 years before"
case_ CS139 0001 JW301 "sed 's|<ijw:Datum>2015-03-04</ijw:Datum>|&<ijw:DatumGebruik>2</ijw:DatumGebruik>|'" \
	"date usage 2 on a date that is not 1 January"
case_ TR134 0001 JW301 "sed s/1985-06-07/2026-06-01/" "a relation born after the message's date"
case_ TR134 0001 JW301 "sed '0,/<jw301:Toewijzingsdatum>2026-04-01/s//<jw301:Toewijzingsdatum>2026-05-20/'" \
	"allocated after the message's date"
case_ TR135 8848 JW301 "sed 's|<ijw:Dagtekening>2026-05-10|<ijw:Dagtekening>2099-05-10|'" "dated in the future"
case_ CS050 0001 JW301 "sed '0,/NaamGebruik>1</s//NaamGebruik>2</'" "the partner's name in use, without a partner's name"
case_ CS318 0001 JW301 "sed '0,/NaamGebruik>1</s//NaamGebruik>6</'" "the client as a non-natural person"
case_ CD007 0001 JW301 "sed '0,/<\/jw301:Naam>/s||&<jw301:Communicatie><ijw:Vorm>1</ijw:Vorm></jw301:Communicatie>|'" \
	"an interpreter without a language"
case_ TR061 0001 JW301 "sed 's|<jw301:Soort>01</jw301:Soort>|<jw301:Soort>04</jw301:Soort>|'" \
	"the client's only address is a temporary one"
case_ TR006 0001 JW301 "sed '/<jw301:Telefoon>/,/<\/jw301:Telefoon>/d'" "a relation's contact without phone or address"
case_ CD005 0001 JW301 "sed '/<ijw:LandCode>/d'" "a postcode without a country"
case_ CD009 0001 JW301 "sed 's|</jw301:Adres>|&<jw301:Periode><ijw:Begindatum>2026-01-01</ijw:Begindatum></jw301:Periode>|'" \
	"a period on a BRP address"
case_ CS003 0001 JW301 "sed 's|<jw301:Soort>02</jw301:Soort>|<jw301:Soort>04</jw301:Soort>|; s|</jw301:Telefoon>|&<jw301:Periode><ijw:Begindatum>2026-03-01</ijw:Begindatum><ijw:Einddatum>2026-02-01</ijw:Einddatum></jw301:Periode>|'" \
	"a temporary address that ends before it begins"
case_ CD025 0001 JW301 "sed '/<ijw:Huis>/,/<\/ijw:Huis>/d'" "a Dutch address without a house number"
case_ CD034 0001 JW301 "sed '/<ijw:Postcode>/d'" "a BRP address without a postcode"
case_ CS089 0001 JW301 "sed 's|7511AB|0511AB|'" "a Dutch postcode that is none"
case_ TR101 0001 JW301 "sed 's|</jw301:Contactgegevens>|<jw301:Contact><jw301:Soort>01</jw301:Soort><jw301:Adres><ijw:Huis><ijw:Huisnummer>3</ijw:Huisnummer></ijw:Huis><ijw:Postcode>7511AC</ijw:Postcode><ijw:LandCode>NL</ijw:LandCode></jw301:Adres></jw301:Contact>&|'" \
	"two BRP addresses"
case_ TR101 0001 JW301 "$(dup '<jw301:Relatie>' '</jw301:Relatie>')" "the same relation twice"
case_ TR101 0001 JW301 "$(dup '<jw301:ToegewezenProduct>' '</jw301:ToegewezenProduct>')" "the same allocation twice"
case_ TR302 0001 JW301 "$(dup '<jw301:ToegewezenProduct>' '</jw301:ToegewezenProduct>') | awk '/>77</ && ++k == 2 { sub(/>77</, \">79<\") } { print }'" \
	"the same product twice for overlapping periods"
case_ CD041 0001 JW301 "sed '/<jw301:Omvang>/,/<\/jw301:Omvang>/d'" "a product code without an extent"
case_ CD075 0001 JW301 "awk '/<jw301:Einddatum>/ && ++k == 2 { next } { print }'" "a budget without an end date"
case_ CD076 0001 JW301 "awk '/<jw301:Einddatum>/ && ++k == 1 { next } { print }'" "per week without an end date"
case_ CD077 0001 JW301 "sed 's|</jw301:Omvang>|&<jw301:Budget>5000</jw301:Budget>|'" "an extent with a budget (on the extent)"
case_ CD078 0001 JW301 "sed 's|</jw301:Omvang>|&<jw301:Budget>5000</jw301:Budget>|'" "an extent with a budget (on the budget)"
case_ CD079 0001 JW301 "awk '/<jw301:Product>/ && !d { skip = 1 } !skip { print } /<\\/jw301:Product>/ && skip { skip = 0; d = 1 }'" \
	"no budget and no product"
case_ CD080 0001 JW301 "sed '/<ijw:Code>/d'" "no product code, yet an extent"
case_ CS338 0001 JW301 "sed 's|<ijw:Eenheid>04|<ijw:Eenheid>14|; s|<ijw:Frequentie>2|<ijw:Frequentie>1|'" "days and nights per day"
case_ CS003 0001 JW301 "awk '/<jw301:Einddatum>/ && ++k == 1 { sub(/2026-12-31/, \"2026-03-31\") } { print }'" \
	"an allocation that ends before it starts"
case_ CS335 0001 JW301 "awk '{ print } /<jw301:Einddatum>/ && ++k == 2 { print \"<jw301:RedenWijziging>13</jw301:RedenWijziging>\" }'" \
	"removed (13), yet it does not end on the day it starts"
case_ CS336 0001 JW301 "awk '{ print } /<jw301:Einddatum>/ && ++k == 2 { print \"<jw301:RedenWijziging>01</jw301:RedenWijziging>\" }'" \
	"change reason 01, which is no longer used"
# the validity dates of the code lists: change reason 12 exists from 1 January 2021
case_ JZ002 0001 JW301 "sed 's/2026-04-01/2020-04-01/g; s/2026-12-31/2020-12-31/; s|<ijw:Dagtekening>2026-05-10|<ijw:Dagtekening>2020-12-15|' | awk '{ print } /<jw301:Einddatum>/ && ++k == 2 { print \"<jw301:RedenWijziging>12</jw301:RedenWijziging>\" }'" \
	"a change reason before its list says it is valid"
# JW319 (as a provider's system checks it; answered with a JW320)
case_ CD085 0001 JW319 "sed '/RedenAfwijzingVerzoek/d; /<jw319:Woonplaatsbeginsel>/,/<\/jw319:Woonplaatsbeginsel>/d'" \
	"refused without a reason"
case_ CD086 0001 JW319 "sed 's|<jw319:VerzoekAntwoord>1|<jw319:VerzoekAntwoord>2|'" "under investigation, yet with a reason"
case_ TR377 0001 JW319 "sed '/<jw319:Woonplaatsbeginsel>/,/<\/jw319:Woonplaatsbeginsel>/d'" \
	"the residence principle without the municipality responsible"
case_ TR409 0001 JW319 "sed 's|<jw319:RedenAfwijzingVerzoek>8|<jw319:RedenAfwijzingVerzoek>3|'" \
	"a municipality responsible with another reason"
case_ TR135 8848 JW319 "sed 's|<ijw:Dagtekening>2026-05-10|<ijw:Dagtekening>2099-05-10|'" "dated in the future"

# a claim of 1,500 lines that all debit the same period, product and allocation (each its own
# reference): refused (TR416), the findings capped at a thousand; the checks of every pair of
# lines stop once the message is rejected whole, so this takes no longer than a valid one
awk '/<jw323:Prestatie>/ { inl = 1; blk = "" } inl { blk = blk $0 "\n"; if (/<\/jw323:Prestatie>/) { inl = 0; if (!done) { for (i = 1; i <= 1500; i++) { b = blk; sub(/P1A</, "Q" i "<", b); printf "%s", b } done = 1 } } next } { print }' \
	JW323.xml >JW323-many.xml
if ! out=$("$BIN" ijw validate JW323-many.xml 2>&1) &&
	echo "$out" | jq -e '.valid == false and (.problems | length) == 1000 and all(.problems[]; .rule == "TR416" or .rule == "TR358")' >/dev/null; then
	ok "1,500 lines debiting one period twice and more: refused (TR416), a thousand findings"
else
	not_ok "1,500 lines debiting one period: refused (TR416), a thousand findings" "$(echo "$out" | head -c 600)"
fi

tap_end
