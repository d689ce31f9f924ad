#!/bin/sh
# The full iJw round from the command line (issue 5): a provider's request for allocation
# (JW315) comes in; the municipality decides and allocates; the allocation goes out (JW301);
# care starts (JW305); the provider claims two months, one inside the allocation and one before
# it (JW323: accepted, one line rejected with TR307); care stops (JW307); the regional figures
# show it; a request for change (JW317) is refused (JW319), and one is honoured by a changed
# allocation (JW301 again, with RedenWijziging). Every answer jeugdroute writes (JW301, JW306, JW308, JW316, JW325) is checked with
# `xmllint --schema` against the official schemas; a message sent twice is refused (TR056) and
# changes nothing. jeugdroute's own JW301 and JW319 are checked as a provider's system checks
# them (`ijw validate --antwoord`): they pass every rule, and the JW302 and JW320 written for
# them validate and, taken in, acknowledge them; a broken JW301 gets a JW302 with 0001.
#   sh tests/ijw/round.sh BINARY     (prints TAP; the schemas are those of data/ijw-3.2/xsd)
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
XSD=$(cd "$HERE/../.." && pwd)/data/ijw-3.2/xsd
[ -d "$XSD" ] || tap_bail "$XSD is missing: the iJw 3.2 schemas belong in the repository"
tap_need "$BIN" xmllint sqlite3 jq
WORK=$(mktemp -d /tmp/jr-ijw-round-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
JR() { "$BIN" "$@" --db s.db --key s.key; }
# schema CODE FILE: the answer validates against its official schema
schema() { xmllint --noout --schema "$XSD/$1.xsd" "$2" 2>&1; }
# figure NAME: a regional figure (the row of the whole region)
# (the table of this calendar year of Twente, where the round's child lives)
figure() {
	JR figures --region twente --from "$(date +%Y)-01-01" --to "$(date +%Y)-12-31" |
		jq ".rows[] | select(.municipality == null) | .$1 // 0"
}

export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
JR init >/dev/null || tap_bail "init"
JR demo --youth 1000 --seed 3 >/dev/null 2>&1 || tap_bail "demo"

# who: a provider with a product contract in Almelo (product regime) for form 2; a GP there;
# a child of Almelo with an address and no help request yet
MUNI=0141
PROVIDER=$(sqlite3 s.db "SELECT c.provider_id FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE c.municipality = '$MUNI' AND c.forms LIKE '%,2,%' AND p.status = 'active'
	AND c.product_codes <> '' AND c.tariff_cents > 0 AND c.unit = 'uur' ORDER BY c.provider_id LIMIT 1")
AGB=$(sqlite3 s.db "SELECT agb FROM providers WHERE id = $PROVIDER")
CODE=$(sqlite3 s.db "SELECT product_codes FROM contracts WHERE provider_id = $PROVIDER AND municipality = '$MUNI'
	AND forms LIKE '%,2,%' LIMIT 1" | tr ',' '\n' | grep -m1 '^45')
TARIFF=$(sqlite3 s.db "SELECT tariff_cents FROM contracts WHERE provider_id = $PROVIDER AND municipality = '$MUNI'
	AND forms LIKE '%,2,%' LIMIT 1")
GP=$(JR organisation list --kind gp_practice --municipality $MUNI | jq -rs '.[0].agb')
CHILD=$(sqlite3 s.db "SELECT p.id FROM persons p JOIN household_members m ON m.person_id = p.id
	AND m.role = 'child' WHERE p.municipality = '$MUNI' AND p.street IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM help_requests h WHERE h.child_id = p.id) ORDER BY p.id LIMIT 1")
BSN=$(JR person show "$CHILD" | jq -r .bsn)
BIRTH=$(JR person show "$CHILD" | jq -r .birth_date)
FAMILY=$(JR person show "$CHILD" | jq -r .family_name) # a JW315's client must fit its BSN
if [ -z "$PROVIDER" ] || [ -z "$CODE" ] || [ -z "$CHILD" ] || [ -z "$GP" ]; then
	tap_bail "the demo region lacks what the round needs (provider $PROVIDER, code $CODE, child $CHILD, GP $GP)"
fi

# when: the allocation runs from the first of last month; care starts two days later; the claim
# is for last month and (wrongly) the month before; care stops today
TODAY=$(date +%F)
THIS=$(date +%Y-%m-01)
PM_START=$(date -d "$THIS -1 month" +%F)
PM_END=$(date -d "$THIS -1 day" +%F)
PPM_START=$(date -d "$THIS -2 month" +%F)
PPM_END=$(date -d "$PM_START -1 day" +%F)
BEGIN=$(date -d "$PM_START +2 day" +%F)
END=$(date -d "$PM_START +6 month" +%F)
AMOUNT=$((6 * TARIFF))
LATER_END=$(date -d "$END +3 month" +%F)
NEW_START=$(date -d "$TODAY +1 day" +%F)
NEW_END=$(date -d "$TODAY +3 month" +%F)
fill() { # fill TEMPLATE ID [TOEWIJZING]
	sed -e "s/@AGB@/$AGB/; s/@GEMEENTE@/$MUNI/; s/@ID@/$2/g; s/@BSN@/$BSN/g; s/@BIRTH@/$BIRTH/" \
		-e "s/@DAG@/${CLAIM_DAG:-$TODAY}/g; s/@CAT@/45/g; s/@CODE@/$CODE/g; s/@START@/$PM_START/g" \
		-e "s/@END@/$END/; s/@BEGIN@/$BEGIN/; s/@STOP@/$TODAY/; s/@VERWIJZER@/$GP/" \
		-e "s/@TOEWIJZING@/${3:-0}/g; s/@MONTH_START@/${CLAIM_START:-$PM_START}/" \
		-e "s/@MONTH_END@/${CLAIM_END:-$PM_END}/" \
		-e "s/@LINE1_START@/$PM_START/; s/@LINE1_END@/$PM_END/" \
		-e "s/@LINE2_START@/$PPM_START/; s/@LINE2_END@/$PPM_END/" \
		-e "s/@TARIFF@/$TARIFF/g; s/@AMOUNT@/$AMOUNT/g; s/@TOTAL@/$((2 * AMOUNT))/" \
		-e "s/@LATER_END@/$LATER_END/; s/@NEW_START@/$NEW_START/; s/@NEW_END@/$NEW_END/" \
		-e "s|<ijw:Achternaam>Testkind<|<ijw:Achternaam>$FAMILY<|" \
		"$HERE/round/$1.xml.in"
}
mkdir -p answers
HR_BEFORE=$(figure help_requests)
GP_BEFORE=$(figure referrals_type_02)
ENDED_BEFORE=$(figure care_ended)

# 1. the request for allocation
fill JW315 1 >JW315.xml
tap_check "JW315 is valid" "$BIN" ijw validate JW315.xml
out=$(JR ijw import JW315.xml --out answers)
if echo "$out" | jq -e '.accepted == true and .problems == []' >/dev/null; then
	ok "JW315 in: the request is taken in"
else
	not_ok "JW315 in: the request is taken in" "$out"
fi
ANSWER=$(echo "$out" | jq -r .answer)
tap_check "JW316 out validates against JW316.xsd" schema JW316 "$ANSWER"
HR=$(sqlite3 s.db "SELECT r.help_request_id FROM ijw_requests r WHERE r.reference = 'REF-1'")
REF=$(sqlite3 s.db "SELECT referral_id FROM ijw_requests WHERE reference = 'REF-1'")
if [ -n "$HR" ] && [ -n "$REF" ] && [ "$(sqlite3 s.db "SELECT status FROM referrals WHERE id = $REF")" = valid ]; then
	ok "the request made a help request and a valid GP referral (rule 7)"
else
	not_ok "the request made a help request and a valid GP referral (rule 7)" "help request '$HR', referral '$REF'"
fi

# 2. the municipality decides: the broad analysis, then the allocation in the product regime
JR help-request analysis "$HR" --needs behaviour=2,school=2 --explanation "Verzoek van de aanbieder beoordeeld." \
	--participants "ouders, kind" --made-on "$PPM_START" >/dev/null
out=$(JR care allocate "$HR" --provider "$PROVIDER" --form 2 --referral "$REF" --start "$PM_START" --end "$END" \
	--product-code "$CODE" --volume 2 --unit uur --frequency "per week" 2>&1)
ALLOCATION=$(echo "$out" | jq -r '.id // empty' 2>/dev/null)
if [ -n "$ALLOCATION" ]; then ok "the municipality allocates"; else not_ok "the municipality allocates" "$out"; fi

# 3. the allocation goes out
out=$(JR ijw export --since "$TODAY" --out answers 2>&1)
JW301=$(grep -l "<ijw:Identificatie>" answers/JW301-*.xml 2>/dev/null | xargs grep -l ">$ALLOCATION</jw301:ToewijzingNummer>" 2>/dev/null | head -1)
if [ -n "$JW301" ] && grep -q "<jw301:ReferentieAanbieder>REF-1<" "$JW301"; then
	ok "JW301 out: the allocation, naming the request it honours"
else
	not_ok "JW301 out: the allocation, naming the request it honours" "$out"
fi
tap_check "JW301 out validates against JW301.xsd" schema JW301 "$JW301"
OURS=$(sed -n 's|.*<ijw:Identificatie>\([^<]*\)</ijw:Identificatie>.*|\1|p' "$JW301" | head -1)
# every JW301 jeugdroute wrote, checked as a provider's system checks it (structure and every
# JW301 rule) and answered with the JW302 that system sends
mkdir -p back
out=$("$BIN" ijw validate answers/JW301-*.xml --antwoord back 2>&1)
if [ -n "$out" ] && echo "$out" | jq -se 'all(.valid == true and (.answer | type == "string"))' >/dev/null 2>&1; then
	ok "every JW301 jeugdroute wrote passes every JW301 rule ($(echo "$out" | wc -l) messages)"
else
	not_ok "every JW301 jeugdroute wrote passes every JW301 rule" "$(echo "$out" | grep -v '"valid":true' | head -5)"
fi
bad=""
for f in back/JW302-*.xml; do schema JW302 "$f" >/dev/null || bad="$bad $f"; done
if [ -z "$bad" ] && [ -e "$(ls back/JW302-*.xml | head -1)" ]; then
	ok "the JW302 answers to them validate against JW302.xsd"
else
	not_ok "the JW302 answers to them validate against JW302.xsd" "$bad"
fi
OWN302=$(echo "$out" | jq -r --arg f "answers/$(basename "$JW301")" 'select(.file == $f) | .answer')
out=$(JR ijw import "$OWN302" --out answers 2>&1)
if echo "$out" | jq -e '.accepted == true' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT status FROM ijw_messages WHERE direction = 'out' AND identification = '$OURS'")" = acknowledged ]; then
	ok "the JW302 written by ijw validate, taken in: the JW301 is acknowledged"
else
	not_ok "the JW302 written by ijw validate, taken in: the JW301 is acknowledged" "$out"
fi
# a JW301 broken in one place (a postcode that is not Dutch, CS089): the JW302 carries 0001
sed 's|<ijw:Postcode>[^<]*</ijw:Postcode>|<ijw:Postcode>ABC</ijw:Postcode>|' "$JW301" >JW301-broken.xml
out=$("$BIN" ijw validate JW301-broken.xml --antwoord back 2>&1)
BROKEN302=$(echo "$out" | jq -r '.answer // empty' 2>/dev/null)
if echo "$out" | jq -e '.valid == false and any(.problems[]; .rule == "CS089" and .code == "0001")' >/dev/null 2>&1 &&
	[ -n "$BROKEN302" ] && grep -q "<jw302:RetourCode>0001</jw302:RetourCode>" "$BROKEN302"; then
	ok "a broken JW301 (CS089) is answered with a JW302 with 0001"
else
	not_ok "a broken JW301 (CS089) is answered with a JW302 with 0001" "$out"
fi
tap_check "that JW302 validates against JW302.xsd" schema JW302 "$BROKEN302"
out=$(JR ijw import "$BROKEN302" --out answers 2>&1)
if echo "$out" | jq -e 'any(.problems[]; .rule == "RETOUR" and .code == "0001")' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT status || ' ' || answer_codes FROM ijw_messages WHERE direction = 'out' AND identification = '$OURS'")" = "rejected 0001" ]; then
	ok "that JW302 taken in: the JW301 is rejected with 0001"
else
	not_ok "that JW302 taken in: the JW301 is rejected with 0001" "$out"
fi
# the provider answers it (JW302): accepted; a second answer rejects it with 9332
answer302() { # answer302 ID CODES-XML
	sed -e "s/@GEMEENTE@/$MUNI/; s/@AGB@/$AGB/; s/@OURS@/$OURS/; s/@DAG@/$TODAY/g; s/@ID@/$1/" \
		-e "s|<!--CODES-->|$2|" "$HERE/round/JW302.xml.in"
}
answer302 1 "" >JW302.xml
tap_check "the provider's JW302 (test input) is valid by JW302.xsd" schema JW302 JW302.xml
out=$(JR ijw import JW302.xml --out answers)
if echo "$out" | jq -e '.accepted == true and .answer == null' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT status FROM ijw_messages WHERE direction = 'out' AND identification = '$OURS'")" = acknowledged ]; then
	ok "JW302 in: the JW301 is acknowledged"
else
	not_ok "JW302 in: the JW301 is acknowledged" "$out"
fi
answer302 2 "<jw302:RetourCodes><jw302:RetourCode>9332</jw302:RetourCode></jw302:RetourCodes>" >JW302-rejects.xml
out=$(JR ijw import JW302-rejects.xml --out answers)
if echo "$out" | jq -e 'any(.problems[]; .rule == "RETOUR" and .code == "9332")' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT status || ' ' || answer_codes FROM ijw_messages WHERE direction = 'out' AND identification = '$OURS'")" = "rejected 9332" ]; then
	ok "JW302 in: a rejection with its code is kept with the JW301"
else
	not_ok "JW302 in: a rejection with its code is kept with the JW301" "$out"
fi
sed "s/<ijw:Identificatie>$OURS</<ijw:Identificatie>JR9999999999</; s/ANT-1/ANT-3/" JW302.xml >JW302-unknown.xml
out=$(JR ijw import JW302-unknown.xml --out answers 2>&1)
if echo "$out" | jq -e '.accepted == false and .problems[0].rule == "ANTWOORD"' >/dev/null; then
	ok "an answer to a message never sent is refused"
else
	not_ok "an answer to a message never sent is refused" "$out"
fi

# 4. care starts
fill JW305 1 "$ALLOCATION" >JW305.xml
out=$(JR ijw import JW305.xml --out answers)
if echo "$out" | jq -e '.accepted == true' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT started_on FROM deliveries WHERE allocation_id = $ALLOCATION")" = "$BEGIN" ]; then
	ok "JW305 in: care started on $BEGIN"
else
	not_ok "JW305 in: care started" "$out"
fi
tap_check "JW306 out validates against JW306.xsd" schema JW306 "$(echo "$out" | jq -r .answer)"

# 5. the claim: last month granted, the month before rejected (before the allocation: TR307)
fill JW323 1 "$ALLOCATION" >JW323.xml
out=$(JR ijw import JW323.xml --out answers)
if echo "$out" | jq -e '.accepted == true and .lines == 2 and .lines_rejected == 1 and
	([.problems[] | select(.rule == "TR307" and .code == "9307" and .index == 2)] | length) == 1' >/dev/null; then
	ok "JW323 in: one line granted, the line before the allocation rejected (TR307, 9307)"
else
	not_ok "JW323 in: one line granted, one rejected (TR307)" "$out"
fi
ANSWER=$(echo "$out" | jq -r .answer)
tap_check "JW325 out validates against JW325.xsd" schema JW325 "$ANSWER"
if grep -q "<jw325:RetourCode>9307</jw325:RetourCode>" "$ANSWER" &&
	tr -d ' \n\t' <"$ANSWER" | grep -q "<jw325:TotaalToegekendBedrag><ijw:TotaalBedrag>$AMOUNT</ijw:TotaalBedrag>"; then
	ok "JW325: the rejected line with 9307, the granted amount $AMOUNT"
else
	not_ok "JW325: the rejected line with 9307, the granted amount" "$(cat "$ANSWER")"
fi
# (the lines of this claim: the demo's providers have claimed before)
LINES="SELECT status || ':' || codes FROM claim_lines WHERE claim_id = (SELECT MAX(id) FROM claims) ORDER BY id"
if [ "$(sqlite3 s.db "$LINES" | tr '\n' ' ')" = "accepted: rejected:9307 " ]; then
	ok "the claim is kept with its lines, each accepted or rejected"
else
	not_ok "the claim is kept with its lines" "$(sqlite3 s.db "$LINES")"
fi

# the same month claimed again (another claim number): out of turn (TR318, 8214), refused whole
fill JW323 4 "$ALLOCATION" >JW323-again.xml
before=$(sqlite3 s.db "SELECT COUNT(*) FROM claims")
out=$(JR ijw import JW323-again.xml --out answers)
ANSWER=$(echo "$out" | jq -r .answer)
if echo "$out" | jq -e 'any(.problems[]; .rule == "TR318" and .code == "8214")' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM claims")" = "$before" ] &&
	grep -q "<jw325:RetourCode>8214</jw325:RetourCode>" "$ANSWER" &&
	tr -d ' \n\t' <"$ANSWER" | grep -q "<jw325:TotaalToegekendBedrag><ijw:TotaalBedrag>0</ijw:TotaalBedrag>"; then
	ok "a claim for a month claimed before is refused whole (TR318, 8214), granting 0"
else
	not_ok "a claim for a month claimed before is refused whole (TR318, 8214)" "$out"
fi
tap_check "the refusal validates against JW325.xsd" schema JW325 "$ANSWER"
# claim_month ID MONTHS: a claim (JW323) for the month MONTHS after this one, sent on the first
# of the month after that (--date says so); its answer in $out
claim_month() {
	CLAIM_START=$(date -d "$THIS +$2 month" +%F)
	CLAIM_END=$(date -d "$THIS +$(($2 + 1)) month -1 day" +%F)
	CLAIM_DAG=$(date -d "$THIS +$(($2 + 1)) month" +%F)
	fill JW323 "$1" "$ALLOCATION" >"JW323-$1.xml"
	out=$(JR ijw import "JW323-$1.xml" --out answers --date "$CLAIM_DAG")
	CLAIM_START=
	CLAIM_END=
	CLAIM_DAG=
}
# next month claimed, skipping this one while care ran in it: TR318 too
claim_month 5 1
if echo "$out" | jq -e 'any(.problems[]; .rule == "TR318" and .code == "8214")' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM claims")" = "$before" ]; then
	ok "a claim that skips a month with care in it is refused whole (TR318)"
else
	not_ok "a claim that skips a month with care in it is refused whole (TR318)" "$out"
fi
# this month, sent next month: it follows the last one claimed (no TR318), and is kept
claim_month 6 0
if echo "$out" | jq -e '.valid == true and all(.problems[]; .rule != "TR318")' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM claims")" = $((before + 1)) ]; then
	ok "the claim of the month after the last one claimed follows it (no TR318) and is kept"
else
	not_ok "the claim of the month after the last one claimed follows it" "$out"
fi

# 6. care stops
fill JW307 1 "$ALLOCATION" >JW307.xml
out=$(JR ijw import JW307.xml --out answers)
if echo "$out" | jq -e '.accepted == true' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT stopped_on || ' ' || end_reason FROM deliveries WHERE allocation_id = $ALLOCATION")" = "$TODAY 31" ]; then
	ok "JW307 in: care stopped today, reason 31"
else
	not_ok "JW307 in: care stopped" "$out"
fi
tap_check "JW308 out validates against JW308.xsd" schema JW308 "$(echo "$out" | jq -r .answer)"

# 7. the figures show it
HR_AFTER=$(figure help_requests)
GP_AFTER=$(figure referrals_type_02)
ENDED_AFTER=$(figure care_ended)
if [ "$HR_AFTER" = $((HR_BEFORE + 1)) ] && [ "$GP_AFTER" = $((GP_BEFORE + 1)) ] &&
	[ "$ENDED_AFTER" = $((ENDED_BEFORE + 1)) ]; then
	ok "the figures: one more help request, GP referral and ended care"
else
	not_ok "the figures: one more help request, GP referral and ended care" \
		"help requests $HR_BEFORE -> $HR_AFTER, GP referrals $GP_BEFORE -> $GP_AFTER, care ended $ENDED_BEFORE -> $ENDED_AFTER"
fi

# 8. the start sent again: refused (TR056), nothing changes, the answer says so
before=$(sqlite3 s.db "SELECT (SELECT COUNT(*) FROM deliveries) || '/' || (SELECT COUNT(*) FROM ijw_messages)")
out=$(JR ijw import JW305.xml --out answers)
after=$(sqlite3 s.db "SELECT (SELECT COUNT(*) FROM deliveries) || '/' || (SELECT COUNT(*) FROM ijw_messages)")
ANSWER=$(echo "$out" | jq -r .answer)
if echo "$out" | jq -e '.accepted == false and any(.problems[]; .rule == "TR056" and .code == "9056")' >/dev/null &&
	[ "$before" = "$after" ] && grep -q "<jw306:RetourCode>9056</jw306:RetourCode>" "$ANSWER"; then
	ok "a message sent twice is refused (TR056, 9056) and changes nothing"
else
	not_ok "a message sent twice is refused (TR056) and changes nothing" "$out" "before $before, after $after"
fi
tap_check "the refusal validates against JW306.xsd" schema JW306 "$ANSWER"
# a start for an allocation of another provider: TR019, nothing changes
OTHER=$(sqlite3 s.db "SELECT id FROM allocations WHERE provider_id <> $PROVIDER ORDER BY id LIMIT 1")
fill JW305 2 "$OTHER" >JW305-other.xml
out=$(JR ijw import JW305-other.xml --out answers)
after2=$(sqlite3 s.db "SELECT (SELECT COUNT(*) FROM deliveries) || '/' || (SELECT COUNT(*) FROM ijw_messages)")
if echo "$out" | jq -e '.accepted == false and any(.problems[]; .rule == "TR019" and .code == "9019")' >/dev/null &&
	[ "$after2" = "$after" ]; then
	ok "a start for another provider's allocation is refused (TR019, 9019) and changes nothing"
else
	not_ok "a start for another provider's allocation is refused (TR019)" "$out"
fi
# 9. a request for change (JW317): the allocation longer and more hours, and a new product
fill JW317 1 "$ALLOCATION" >JW317.xml
out=$(JR ijw import JW317.xml --out answers)
if echo "$out" | jq -e '.accepted == true and .problems == []' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT COUNT(*) || ':' || COALESCE(MAX(change_of), 0) FROM ijw_requests WHERE kind = 'JW317' AND reference = 'VOW-1'")" = "2:$ALLOCATION" ]; then
	ok "JW317 in: the change and the new product wait for the municipality"
else
	not_ok "JW317 in: the change and the new product wait for the municipality" "$out"
fi
tap_check "JW318 out validates against JW318.xsd" schema JW318 "$(echo "$out" | jq -r .answer)"
# the municipality looks into it, once, and then refuses (no contract, WJ759 3): JW319
out=$(JR ijw answer VOW-1 --provider "$AGB" --investigating ja --out answers)
INVESTIGATING=$(echo "$out" | jq -r .file)
tap_check "JW319 out (in onderzoek) validates against JW319.xsd" schema JW319 "$INVESTIGATING"
# checked as the provider's system checks it (CD085, CD086, TR377, TR409), answered with a JW320
out=$("$BIN" ijw validate "$INVESTIGATING" --antwoord back 2>&1)
OWN320=$(echo "$out" | jq -r '.answer // empty' 2>/dev/null)
if echo "$out" | jq -e '.valid == true' >/dev/null 2>&1 && [ -n "$OWN320" ]; then
	ok "the JW319 jeugdroute wrote passes every JW319 rule"
else
	not_ok "the JW319 jeugdroute wrote passes every JW319 rule" "$out"
fi
tap_check "its JW320 validates against JW320.xsd" schema JW320 "$OWN320"
INV_ID=$(sed -n 's|.*<ijw:Identificatie>\([^<]*\)</ijw:Identificatie>.*|\1|p' "$INVESTIGATING" | head -1)
out=$(JR ijw import "$OWN320" --out answers 2>&1)
if echo "$out" | jq -e '.accepted == true' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT status FROM ijw_messages WHERE direction = 'out' AND code = 'JW319' AND identification = '$INV_ID'")" = acknowledged ]; then
	ok "that JW320 taken in: the JW319 is acknowledged"
else
	not_ok "that JW320 taken in: the JW319 is acknowledged" "$out"
fi
if ! err=$(JR ijw answer VOW-1 --provider "$AGB" --investigating ja --out answers 2>&1) && echo "$err" | grep -q TR360; then
	ok "an investigation is answered once (TR360)"
else
	not_ok "an investigation is answered once (TR360)" "$err"
fi
out=$(JR ijw answer VOW-1 --provider "$AGB" --refuse 3 --out answers)
ANSWER=$(echo "$out" | jq -r .file)
if grep -q "<jw319:VerzoekAntwoord>1</jw319:VerzoekAntwoord>" "$ANSWER" &&
	grep -q "<jw319:RedenAfwijzingVerzoek>3<" "$ANSWER" &&
	[ "$(sqlite3 s.db "SELECT DISTINCT status FROM ijw_requests WHERE reference = 'VOW-1'")" = refused ]; then
	ok "JW319 out: the request refused, reason 3"
else
	not_ok "JW319 out: the request refused, reason 3" "$out"
fi
tap_check "JW319 out (afgewezen) validates against JW319.xsd" schema JW319 "$ANSWER"
# the provider acknowledges the answer (JW320: the JW302 form with its own code)
OURS=$(sed -n 's|.*<ijw:Identificatie>\([^<]*\)</ijw:Identificatie>.*|\1|p' "$ANSWER" | head -1)
answer302 20 "" | sed 's/jw302/jw320/g; s/>437</>489</' >JW320.xml
tap_check "the provider's JW320 (test input) is valid by JW320.xsd" schema JW320 JW320.xml
out=$(JR ijw import JW320.xml --out answers)
if echo "$out" | jq -e '.accepted == true' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT status FROM ijw_messages WHERE direction = 'out' AND code = 'JW319' AND identification = '$OURS'")" = acknowledged ]; then
	ok "JW320 in: the JW319 is acknowledged"
else
	not_ok "JW320 in: the JW319 is acknowledged" "$out"
fi
if ! err=$(JR ijw answer VOW-1 --provider "$AGB" --refuse 3 --out answers 2>&1) && echo "$err" | grep -q TR365; then
	ok "a refused request is not answered again (TR365)"
else
	not_ok "a refused request is not answered again (TR365)" "$err"
fi
# the provider asks again (VOW-3); the municipality honours the change (longer, three hours a
# week): the next export sends the allocation again with RedenWijziging 04 and the request's
# reference, and its Toewijzingsdatum and -tijd are those of the change
fill JW317 3 "$ALLOCATION" >JW317-again.xml
out=$(JR ijw import JW317-again.xml --out answers)
if echo "$out" | jq -e '.accepted == true' >/dev/null; then ok "JW317 in again: a new request for change"; else not_ok "JW317 in again" "$out"; fi
out=$(JR care change "$ALLOCATION" --reason-code 04 --end "$LATER_END" --volume 3 2>&1)
if echo "$out" | jq -e '.requests_honoured == 1 and .volume == 3' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT status || ':' || allocation_id FROM ijw_requests WHERE reference = 'VOW-3' AND change_of = $ALLOCATION")" = "allocated:$ALLOCATION" ] &&
	[ "$(sqlite3 s.db "SELECT end_date || ' ' || volume || ' ' || change_reason || ' ' || version FROM allocations WHERE id = $ALLOCATION")" = "$LATER_END 3 04 2" ]; then
	ok "the municipality changes the allocation, and the request for change is honoured"
else
	not_ok "the municipality changes the allocation, and the request for change is honoured" "$out"
fi
if ! err=$(JR care change "$ALLOCATION" --reason-code 13 --end "$LATER_END" 2>&1) && echo "$err" | grep -q CS335 &&
	! err=$(JR care change "$ALLOCATION" --reason-code 01 --end "$END" 2>&1) && echo "$err" | grep -q JZ002 &&
	! err=$(JR care change "$ALLOCATION" --reason-code 04 --end "$LATER_END" 2>&1) && echo "$err" | grep -q "verandert niets"; then
	ok "a change is refused with its reason: 13 not ending on the start day (CS335), 01 (withdrawn), no change"
else
	not_ok "a change is refused with its reason" "$err"
fi
mkdir -p changed
JR ijw export --since "$TODAY" --out changed >/dev/null 2>&1
JW301C=$(grep -l ">$ALLOCATION</jw301:ToewijzingNummer>" changed/JW301-*.xml 2>/dev/null | head -1)
if [ -n "$JW301C" ] && tr -d ' \n\t' <"$JW301C" | grep -q "<jw301:ToewijzingNummer>$ALLOCATION</jw301:ToewijzingNummer>.*<jw301:Einddatum>$LATER_END</jw301:Einddatum>.*<jw301:RedenWijziging>04</jw301:RedenWijziging>.*<ijw:Volume>3</ijw:Volume>" &&
	grep -q "<jw301:ReferentieAanbieder>VOW-3<" "$JW301C"; then
	ok "JW301 out again: the changed allocation, with RedenWijziging 04 and the request's reference"
else
	not_ok "JW301 out again: the changed allocation" "$(cat "$JW301C" 2>/dev/null | head -60)"
fi
tap_check "the changed JW301 validates against JW301.xsd" schema JW301 "$JW301C"
tap_check "the changed JW301 passes every JW301 rule, as the provider checks it" "$BIN" ijw validate "$JW301C"
# a change of another provider's allocation, leaving out its own: TR351 and TR349, nothing kept
fill JW317 2 "$OTHER" >JW317-other.xml
before=$(sqlite3 s.db "SELECT COUNT(*) FROM ijw_requests")
out=$(JR ijw import JW317-other.xml --out answers)
if echo "$out" | jq -e '.accepted == false and any(.problems[]; .rule == "TR351" and .code == "9351") and
	any(.problems[]; .rule == "TR349" and .code == "9349")' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM ijw_requests")" = "$before" ]; then
	ok "a change of another's allocation is refused (TR351, TR349) and changes nothing"
else
	not_ok "a change of another's allocation is refused (TR351, TR349)" "$out"
fi
tap_check "the refusal validates against JW318.xsd" schema JW318 "$(echo "$out" | jq -r .answer)"
# 10. the generic regime (Amersfoort, taakgericht): no JW301 goes out, and a start names no
# ToewijzingNummer; it is tied to the provider's allocation for the child by category and date
JR contract add --provider "$PROVIDER" --region amersfoort --municipality 0307 --forms 2 \
	--start 2025-01-01 >/dev/null
G_CHILD=$(JR person add --bsn 100000034 --given-names Lotte --family-name Eemland --birth-date 2015-08-09 \
	--municipality 0307 --street Stationsplein --house-number 3 --postcode 3818LE --place Amersfoort | jq .id)
G_HR=$(JR help-request add --child "$G_CHILD" --raised-by gp --question "Somber en angstig." | jq .id)
JR help-request analysis "$G_HR" --needs mental_health=2 --explanation "Gesprek met ouders." \
	--participants "ouders" --made-on "$PPM_START" >/dev/null
G_REF=$(JR care referral "$G_HR" --type 02 --name "Huisartsenpraktijk Eemland" --agb "$GP" --form 2 \
	--referred-on "$PPM_START" | jq .id)
G_AL=$(JR care allocate "$G_HR" --provider "$PROVIDER" --form 2 --referral "$G_REF" --start "$PM_START" | jq .id)
JR ijw export --since "$TODAY" --out generic >/dev/null 2>&1 || true
if [ -n "$G_AL" ] && [ "$G_AL" != null ] && ! grep -qs ">$G_AL</jw301:ToewijzingNummer>" generic/*.xml; then
	ok "generic regime: the allocation is made, and no JW301 goes out for it"
else
	not_ok "generic regime: the allocation is made, and no JW301 goes out for it" "allocation '$G_AL'"
fi
sed -e "s/@AGB@/$AGB/; s/@GEMEENTE@/0307/; s/@ID@/3/g; s/@BSN@/100000034/; s/@BIRTH@/2015-08-09/" \
	-e "s/@DAG@/$TODAY/; s/@CAT@/45/; s/@START@/$PM_START/; s/@BEGIN@/$BEGIN/" \
	-e '/ToewijzingNummer/d; /<ijw:Code>/d' "$HERE/round/JW305.xml.in" >JW305-generic.xml
out=$(JR ijw import JW305-generic.xml --out answers)
if echo "$out" | jq -e '.accepted == true' >/dev/null &&
	[ "$(sqlite3 s.db "SELECT started_on FROM deliveries WHERE allocation_id = $G_AL")" = "$BEGIN" ]; then
	ok "generic regime: a start without ToewijzingNummer is tied by category and date"
else
	not_ok "generic regime: a start without ToewijzingNummer is tied by category and date" "$out"
fi
# referred_child BSN GIVEN FAMILY BIRTH HOUSE-NUMBER QUESTION: a child of Almelo with a help
# request, its broad analysis and a GP's referral for form 2, two months ago (HR_NEW, REF_NEW)
referred_child() {
	rc_child=$(JR person add --bsn "$1" --given-names "$2" --family-name "$3" --birth-date "$4" \
		--municipality $MUNI --street Grotestraat --house-number "$5" --postcode 7607AB --place Almelo | jq .id)
	HR_NEW=$(JR help-request add --child "$rc_child" --raised-by gp --question "$6" | jq .id)
	JR help-request analysis "$HR_NEW" --needs behaviour=2 --explanation "Gesprek met ouders." \
		--participants "ouders" --made-on "$PPM_START" >/dev/null
	REF_NEW=$(JR care referral "$HR_NEW" --type 02 --name "Huisartsenpraktijk" --agb "$GP" --form 2 \
		--referred-on "$PPM_START" | jq .id)
}
# 11. what the records allow but a provider's system would refuse is not sent: two allocations
# of one product to one provider whose periods overlap (TR302); the export says why
referred_child 100000046 Daan Overlap 2014-02-03 8 "Driftbuien thuis."
O_HR=$HR_NEW
O_REF=$REF_NEW
O_AL1=$(JR care allocate "$O_HR" --provider "$PROVIDER" --form 2 --referral "$O_REF" --start "$PM_START" --end "$END" \
	--product-code "$CODE" --volume 2 --unit uur --frequency "per week" | jq .id)
# the records refuse such a second allocation now (one allocation of a kind at a time); it is
# made behind their back, as records from before that rule may hold it, to test the export's
# own check
o_refused=$("$BIN" care allocate "$O_HR" --provider "$PROVIDER" --form 2 --referral "$O_REF" --start "$BEGIN" \
	--end "$END" --product-code "$CODE" --volume 1 --unit uur --frequency "per week" --db s.db --key s.key 2>&1)
o_status=$?
if [ "$o_status" = 2 ] && echo "$o_refused" | grep -q "er loopt al een toewijzing van deze vorm"; then
	ok "a second allocation of one product in an overlapping period is refused, naming the first"
else
	not_ok "a second allocation of one product in an overlapping period is refused, naming the first" "exit $o_status" "$o_refused"
fi
o_cols=$(sqlite3 s.db "SELECT group_concat(name, ', ') FROM pragma_table_info('allocations')
	WHERE name NOT IN ('id', 'number', 'start_date', 'volume')")
O_AL2=$(sqlite3 s.db "INSERT INTO allocations ($o_cols, number, start_date, volume)
	SELECT $o_cols, number || '2', '$BEGIN', 1 FROM allocations WHERE id = $O_AL1 RETURNING id")
mkdir -p overlap
err=$(JR ijw export --since "$TODAY" --out overlap 2>&1 >/dev/null)
if echo "$err" | grep -q "TR302" && ! grep -qs ">$O_AL1</jw301:ToewijzingNummer>" overlap/*.xml &&
	"$BIN" ijw validate overlap/*.xml >/dev/null 2>&1; then
	ok "two overlapping allocations of one product are not sent (TR302); what is sent passes every rule"
else
	not_ok "two overlapping allocations of one product are not sent (TR302)" "allocations $O_AL1 $O_AL2" "$err"
fi
# 12. OP087: an allocation goes out with all the provider's current allocations for the child,
# also one made before --since (here made, as it were, two months ago)
referred_child 100000058 Fenna Vervolg 2013-06-07 10 "Angstig op school."
N_HR=$HR_NEW
N_REF=$REF_NEW
N_AL1=$(JR care allocate "$N_HR" --provider "$PROVIDER" --form 2 --referral "$N_REF" --start "$PM_START" --end "$END" \
	--product-code "$CODE" --volume 2 --unit uur --frequency "per week" | jq .id)
sqlite3 s.db "UPDATE allocations SET created_at = '${PPM_START}T09:00:00Z' WHERE id = $N_AL1"
N_AL2=$(JR care allocate "$N_HR" --provider "$PROVIDER" --form 2 --referral "$N_REF" --start "$(date -d "$END +1 day" +%F)" \
	--end "$LATER_END" --product-code "$CODE" --volume 1 --unit uur --frequency "per week" | jq .id)
mkdir -p follow
JR ijw export --since "$TODAY" --out follow >/dev/null 2>&1
N_JW301=$(grep -l ">$N_AL2</jw301:ToewijzingNummer>" follow/*.xml 2>/dev/null | head -1)
if [ -n "$N_JW301" ] && grep -q ">$N_AL1</jw301:ToewijzingNummer>" "$N_JW301" &&
	"$BIN" ijw validate "$N_JW301" >/dev/null 2>&1; then
	ok "OP087: the JW301 holds the new allocation and the current one made before (valid by every rule)"
else
	not_ok "OP087: the JW301 holds the new allocation and the current one made before" \
		"allocations $N_AL1 $N_AL2, message '$N_JW301'"
fi
# 13. many messages: batches of a thousand, each batch's answers written while the next one is
# taken in; every message answered, the verdicts in the order of the files. Starts for an
# allocation nobody has (refused, TR019).
mkdir -p many many-answers
i=1
while [ $i -le 2100 ]; do
	fill JW305 "M$i" 999999999 >"many/m-$(printf %05d $i).xml"
	i=$((i + 1))
done
out=$(JR ijw import many/*.xml --out many-answers 2>&1)
if [ "$(echo "$out" | jq -s 'length')" = 2100 ] && [ "$(ls many-answers | wc -l)" -eq 2100 ] &&
	[ "$(echo "$out" | jq -r .file | tr '\n' ' ')" = "$(ls many/*.xml | tr '\n' ' ')" ] &&
	[ "$(echo "$out" | jq -s 'all(.[]; any(.problems[]; .rule == "TR019"))')" = true ]; then
	ok "2,100 messages in three batches: each answered, the verdicts in the order of the files"
else
	not_ok "2,100 messages in three batches: each answered, in order" "$(echo "$out" | head -3)"
fi
# the answers cannot be written (--out names a file): the import is refused before a message is
# taken in (else a batch would be kept whose answers never reach the provider), naming the map
# and why, and nothing is kept, not even in the audit log
: >not-a-directory
AUDIT_BEFORE=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log")
if ! out=$(JR ijw import $(ls many/*.xml | head -1100) --out not-a-directory 2>err.txt) && [ -z "$out" ] &&
	grep -q "het antwoord kan niet in not-a-directory geschreven worden: dat is geen map (--out)" err.txt &&
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log")" = "$AUDIT_BEFORE" ]; then
	ok "answers that cannot be written stop the import before anything is taken in"
else
	not_ok "answers that cannot be written stop the import before anything is taken in" "$out" "$(cat err.txt)"
fi
# 14. OP364: start and stop messages are no condition for a claim — a claim line may not be
# rejected for a missing JW305 (or JW307). N_AL1 (section 12) was never started; a claim in turn
# (the month after the last one claimed) grants its line inside the allocation and rejects only
# the line before it (TR307)
SAVED_BSN=$BSN
BSN=100000058
CLAIM_START=$(date -d "$THIS +1 month" +%F)
CLAIM_END=$(date -d "$THIS +2 month -1 day" +%F)
CLAIM_DAG=$(date -d "$THIS +2 month" +%F)
fill JW323 7 "$N_AL1" >JW323-unstarted.xml
out=$(JR ijw import JW323-unstarted.xml --out answers --date "$CLAIM_DAG")
BSN=$SAVED_BSN
CLAIM_START=
CLAIM_END=
CLAIM_DAG=
if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM deliveries WHERE allocation_id = $N_AL1")" = 0 ] &&
	echo "$out" | jq -e '.accepted == true and .lines_rejected == 1 and
	all(.problems[]; .index == 2) and any(.problems[]; .rule == "TR307")' >/dev/null; then
	ok "OP364: a claim for care never started (no JW305) is not refused for it"
else
	not_ok "OP364: a claim for care never started (no JW305) is not refused for it" "$out"
fi
tap_check "the audit chain holds" sh -c "\"$BIN\" audit verify --db s.db --key s.key | jq -e '.intact == true'"

tap_end
