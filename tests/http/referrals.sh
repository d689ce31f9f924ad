#!/bin/sh
# Black-box tests of a referrer's referrals over the API: sh tests/http/referrals.sh BINARY
# (issue 11, finding 2: a GP could open any child's file with a BSN). Makes a small demo region in
# a temporary directory, starts the server on a free loopback port, and checks with curl, jq and
# sqlite3: a known BSN with a wrong birth date or family name, or without the child's details,
# is refused naming the fields, writes nothing and is audited; too many mismatches for one child
# stop referring it for a day; an adult is refused with the route to Wmo or Zvw; a double submit
# makes one referral; the Idempotency-Key replays and refuses misuse; a referrer lists its own
# referrals with their progress (received, accepted, allocated, closed) and nothing of the
# child's file; a referral named in a provider's JW315 is not in the GP's list; the form's
# choices come from the policies. Prints TAP; exits 0 when everything passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-referrals-XXXXXX)
SERVER_PID=
cleanup() {
	# the server signs its last audit checkpoint as it stops: wait for it before removing
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1
q() { sqlite3 s.db "$1"; }
# same NAME WANT GOT: ok when GOT is WANT
same() {
	if [ "$3" = "$2" ]; then ok "$1"; else not_ok "$1" "got '$3', expected '$2'"; fi
}
JR() { "$BIN" "$@" --db s.db --key s.key; }

# --- a region: the demo; two GP practices of Almelo, a consulent there, a provider ---
export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
JR init >/dev/null || tap_bail "init"
JR demo --youth 300 --seed 1 --date 2026-11-23 >/dev/null 2>&1 || tap_bail "demo"
gp() { JR organisation list --kind gp_practice --municipality 0141 | jq -s ".[$1].id"; }
GP_ORG=$(gp 0)
GP2_ORG=$(gp 1)
GP_AGB=$(q "SELECT agb FROM organisations WHERE id = $GP_ORG")
JEUGDROUTE_USER_PASSWORD=huisarts-wachtwoord JR user add --username huisarts --role verwijzer \
	--organisation "$GP_ORG" >/dev/null
JEUGDROUTE_USER_PASSWORD=huisarts2-wachtwoord JR user add --username huisarts2 --role verwijzer \
	--organisation "$GP2_ORG" >/dev/null
TEAM=$(JR organisation list --kind local_team --municipality 0141 | jq -s '.[0].id')
JEUGDROUTE_USER_PASSWORD=almelo-wachtwoord JR user add --username c.almelo --role consulent \
	--organisation "$TEAM" >/dev/null
PROVIDER=$(q "SELECT c.provider_id FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE c.municipality = '0141' AND c.forms LIKE '%,2,%' AND p.status = 'active'
	AND c.product_codes <> '' ORDER BY c.provider_id LIMIT 1")
PROVIDER_AGB=$(q "SELECT agb FROM providers WHERE id = $PROVIDER")
PROVIDER_NAME=$(q "SELECT name FROM providers WHERE id = $PROVIDER")
PRODUCT=$(q "SELECT product_codes FROM contracts WHERE provider_id = $PROVIDER AND municipality = '0141' LIMIT 1" | cut -d, -f1)
PROVIDER_ORG=$(JR organisation add --kind provider --name "Zorgaanbieder $PROVIDER_AGB" --agb "$PROVIDER_AGB" | jq .id)
JEUGDROUTE_USER_PASSWORD=aanbieder-wachtwoord JR user add --username aanbieder --role provider \
	--organisation "$PROVIDER_ORG" >/dev/null

# BSNs that pass the eleven-test and are not in the records: bsn N gives the N-th from 2000000xx
bsn() {
	awk -v want="$1" 'BEGIN {
		for (b = 200000000; ; b++) {
			s = 0; x = b
			for (i = 1; i <= 9; i++) { d = x % 10; x = int(x / 10); s += (i == 1 ? -d : i * d) }
			if (s % 11 == 0 && ++k == want) { print b; exit }
		}
	}'
}
for i in 1 2 3 4 5 6 7 8; do
	b=$(bsn $i)
	JR person find --bsn "$b" >/dev/null 2>&1 && tap_bail "BSN $b is taken by the demo"
done
TODAY=$(date +%Y-%m-%d)
ADULT_BIRTH=$(date -d '-19 years' +%Y-%m-%d)
NEARLY_ADULT_BIRTH=$(date -d '-18 years +1 day' +%Y-%m-%d)
# children the records know: Sanne van der Berg (known), Daan Smit (for the mismatch limit), an adult
KNOWN_BSN=$(bsn 1)
KNOWN=$(JR person add --bsn "$KNOWN_BSN" --given-names Sanne --family-name 'van der Berg' \
	--birth-date 2015-04-02 --municipality 0141 | jq .id)
LIMIT_BSN=$(bsn 2)
LIMIT_CHILD=$(JR person add --bsn "$LIMIT_BSN" --given-names Daan --family-name Smit \
	--birth-date 2014-01-10 --municipality 0141 | jq .id)
ADULT_BSN=$(bsn 3)
JR person add --bsn "$ADULT_BSN" --given-names Noor --family-name Bakker --birth-date "$ADULT_BIRTH" \
	--municipality 0141 >/dev/null
NEW_BSN=$(bsn 4)
NEW_ADULT_BSN=$(bsn 5)
NEARLY_BSN=$(bsn 6)
OTHER_BSN=$(bsn 7)

"$BIN" serve --listen 127.0.0.1:0 --threads 4 --ready-file ready --db s.db --key s.key >serve.out 2>serve.err &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
[ -s ready ] || tap_bail "the server did not start" "$(cat serve.err)"
U=$(cat ready)
JSON='Content-Type: application/json'

# call NAME STATUS JQ CURL-ARGS…: the status must match and, unless JQ is "-", jq -e JQ on the body.
call() {
	name=$1 want=$2 check=$3
	shift 3
	got=$(curl -s -o body -D headers -w '%{http_code}' "$@")
	if [ "$got" != "$want" ]; then
		not_ok "$name" "status $got, expected $want" "$(head -c 600 body)"
	elif [ "$check" != "-" ] && ! jq -e "$check" body >/dev/null 2>&1; then
		not_ok "$name" "jq $check failed on:" "$(head -c 600 body)"
	else
		ok "$name"
	fi
}
login() { # login JAR USER PASSWORD: the CSRF token on stdout
	curl -s -c "$1" -H "$JSON" -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$U/api/v1/login" | jq -r .csrf
}
GP_CSRF=$(login gp.jar huisarts huisarts-wachtwoord)
GP2_CSRF=$(login gp2.jar huisarts2 huisarts2-wachtwoord)
C_CSRF=$(login c.jar c.almelo almelo-wachtwoord)
P_CSRF=$(login p.jar aanbieder aanbieder-wachtwoord)
# refer AS BODY [CURL-ARGS…]: a POST /api/v1/referrals as GP (gp) or GP2 (gp2)
refer() {
	who=$1 body=$2
	shift 2
	csrf=$GP_CSRF
	[ "$who" = gp2 ] && csrf=$GP2_CSRF
	set -- -b "$who.jar" -H "$JSON" -H "X-CSRF-Token: $csrf" -d "$body" "$@" "$U/api/v1/referrals"
	curl -s -o body -D headers -w '%{http_code}' "$@"
}
# child BSN BIRTH FAMILY [FORM] [QUESTION] [GIVEN]: a request body, with its referral letter
child() {
	printf '{"bsn":"%s","birth_date":"%s","family_name":"%s","given_names":"%s","municipality":"0141","form":%s,"question":"%s","urgency":"regular","tried":"Gesprekken op de praktijk.","consent":"parents_and_youth"}' \
		"$1" "$2" "$3" "${6:-Sanne}" "${4:-2}" "${5:-Angstig, wil niet meer naar buiten.}"
}
# what a refusal must not have written: persons, help requests and referrals counted
rows() { q "SELECT (SELECT COUNT(*) FROM persons) || '/' || (SELECT COUNT(*) FROM help_requests) || '/' || (SELECT COUNT(*) FROM referrals)"; }
# refused NAME STATUS JQ BEFORE: the answer of the last refer() and that nothing was written
refused() {
	name=$1 want=$2 check=$3 before=$4
	after=$(rows)
	if [ "$got" != "$want" ]; then
		not_ok "$name" "status $got, expected $want" "$(head -c 600 body)"
	elif ! jq -e "$check" body >/dev/null 2>&1; then
		not_ok "$name" "jq $check failed on:" "$(head -c 600 body)"
	elif [ "$after" != "$before" ]; then
		not_ok "$name" "persons/help requests/referrals were $before, now $after"
	else
		ok "$name"
	fi
}
audited() { # audited NAME ACTION PERSON OBJECT: the last audit entry of GP_ORG with this action
	got_entry=$(q "SELECT COALESCE(person_id, 0) || ' ' || object FROM audit_log WHERE action = '$2'
		AND organisation_id = $GP_ORG ORDER BY id DESC LIMIT 1")
	same "$1" "$3 $4" "$got_entry"
}

# --- 1. the child must fit its BSN ---
BEFORE=$(rows)
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-03 'van der Berg')")
refused "a known BSN with a wrong birth date is refused (422), naming birth_date, nothing written" 422 \
	'.error.code == "identity_mismatch" and .error.field == "birth_date" and .error.fields == ["birth_date"]' "$BEFORE"
if grep -q '2015-04-02\|Berg\|Sanne' body; then
	not_ok "the refusal does not show what the records hold" "$(cat body)"
else
	ok "the refusal does not show what the records hold"
fi
audited "the refusal is audited with the child and the field" referral.mismatch "$KNOWN" "mismatch:birth_date"
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-02 'Bergen')")
refused "a known BSN with a wrong family name is refused (422), naming family_name, nothing written" 422 \
	'.error.code == "identity_mismatch" and .error.field == "family_name" and .error.fields == ["family_name"]' "$BEFORE"
got=$(refer gp "$(child "$KNOWN_BSN" 2016-04-02 'Jansen')")
refused "both wrong: both named" 422 '.error.fields == ["birth_date","family_name"] and (.error.message | test("geboortedatum en de achternaam"))' "$BEFORE"
audited "that refusal is audited with both fields" referral.mismatch "$KNOWN" "mismatch:birth_date,family_name"
got=$(refer gp "{\"bsn\":\"$KNOWN_BSN\",\"form\":2,\"question\":\"x\"}")
refused "a known BSN without the child's details is refused (422), naming the field, nothing written" 422 \
	'.error.code == "invalid" and .error.field == "birth_date"' "$BEFORE"
got=$(refer gp "{\"bsn\":\"$KNOWN_BSN\",\"birth_date\":\"2015-04-02\",\"family_name\":\"van der Berg\",\"form\":2,\"question\":\"x\",\"municipality\":\"0141\"}")
refused "without given names: refused, given_names named" 422 '.error.field == "given_names"' "$BEFORE"
audited "a missing field is audited too" referral.refused 0 "field:given_names"
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-02 'van der Berg' | sed 's/"0141"/"9999"/')")
refused "a municipality of no region: refused, municipality named" 422 '.error.field == "municipality"' "$BEFORE"

# --- 2. the right child: the family name as people write it ---
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-02 '  BERG,  Van der ')")
if [ "$got" = 201 ] && jq -e '.outcome == "made" and .referral.valid == true and .child.family_name == "van der Berg" and .child.birth_date == "2015-04-02" and (has("child_id") | not)' body >/dev/null; then
	ok "the known child with its name written otherwise: referred (201), no handle on its file"
else
	not_ok "the known child with its name written otherwise: referred (201)" "status $got" "$(head -c 600 body)"
fi
REF1=$(jq .referral.id body)
HR1=$(jq .referral.help_request_id body)
same "the referral is the organisation's own, made through the API" "api $GP_ORG $GP_AGB" \
	"$(q "SELECT source || ' ' || organisation_id || ' ' || agb FROM referrals WHERE id = ${REF1:-0}")"

# --- 3. twice the same: one referral ---
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-02 'van der Berg')")
if [ "$got" = 200 ] && jq -e ".outcome == \"same_day\" and .referral.id == $REF1 and (.message | test(\"al\"))" body >/dev/null; then
	ok "a double submit answers 200 with the first referral and says so"
else
	not_ok "a double submit answers 200 with the first referral" "status $got" "$(head -c 600 body)"
fi
same "a double submit records one referral and one help request" "1 1" \
	"$(q "SELECT COUNT(*) || ' ' || COUNT(DISTINCT r.help_request_id) FROM referrals r JOIN help_requests h ON h.id = r.help_request_id WHERE h.child_id = $KNOWN")"
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-02 'van der Berg' 3)")
same "another form the same day is another referral (201)" 201 "$got"
REF_FORM3=$(jq .referral.id body)
HR_FORM3=$(jq .referral.help_request_id body)

# --- 4. the Idempotency-Key ---
KEY=formulier-7f3a9c
BEFORE=$(rows)
got=$(refer gp "$(child "$NEW_BSN" 2017-06-01 Visser)" -H "Idempotency-Key: $KEY")
same "a new child with an Idempotency-Key: referred (201)" 201 "$got"
REF_KEY=$(jq .referral.id body)
got=$(refer gp "$(child "$NEW_BSN" 2017-06-01 Visser)" -H "Idempotency-Key: $KEY")
if [ "$got" = 200 ] && jq -e ".outcome == \"replayed\" and .referral.id == $REF_KEY" body >/dev/null; then
	ok "the same key again: 200 with the first answer's referral"
else
	not_ok "the same key again: 200 with the first answer's referral" "status $got" "$(head -c 600 body)"
fi
same "the key made one child, one help request, one referral" "$(echo "$BEFORE" | awk -F/ '{ print $1 + 1 "/" $2 + 1 "/" $3 + 1 }')" "$(rows)"
BEFORE=$(rows)
got=$(refer gp "$(child "$NEW_BSN" 2017-06-01 Visser 2 'Een andere vraag.')" -H "Idempotency-Key: $KEY")
refused "the same key with another body: refused (422) naming the header, nothing written" 422 \
	'.error.code == "idempotency_key_reused" and .error.field == "Idempotency-Key"' "$BEFORE"
audited "key misuse is audited" referral.refused 0 "idempotency-key"
got=$(refer gp "$(child "$OTHER_BSN" 2017-06-01 Visser)" -H "Idempotency-Key: twee woorden")
refused "a key with a space is refused (422), named" 422 '.error.field == "Idempotency-Key"' "$BEFORE"
got=$(refer gp "$(child "$OTHER_BSN" 2017-06-01 Visser)" -H "Idempotency-Key: $(printf 'k%.0s' $(seq 1 65))")
refused "a key of 65 characters is refused (422), named" 422 '.error.field == "Idempotency-Key"' "$BEFORE"
got=$(refer gp2 "$(child "$NEW_BSN" 2017-06-01 Visser)" -H "Idempotency-Key: $KEY")
if [ "$got" = 201 ] && jq -e ".outcome == \"made\" and .referral.id != $REF_KEY" body >/dev/null; then
	ok "the same key from another practice is its own referral (201), not the first's"
else
	not_ok "the same key from another practice is its own referral" "status $got" "$(head -c 600 body)"
fi
REF_GP2=$(jq .referral.id body)

# --- 5. adults ---
BEFORE=$(rows)
got=$(refer gp "$(child "$NEW_ADULT_BSN" "$ADULT_BIRTH" Bakker)")
refused "a new child of 19 is refused (422) naming birth_date, with the route to Wmo and Zvw" 422 \
	'.error.code == "adult" and .error.field == "birth_date" and (.error.message | test("Wmo") and test("Zorgverzekeringswet") and test("GGZ") and test("gemeente"))' "$BEFORE"
audited "the adult's refusal is audited" referral.refused 0 adult
got=$(refer gp "$(child "$ADULT_BSN" "$ADULT_BIRTH" Bakker 2 'Angstig.' Noor)")
refused "a known adult with the right details is refused too (422)" 422 '.error.code == "adult"' "$BEFORE"
got=$(refer gp "$(child "$NEARLY_BSN" "$NEARLY_ADULT_BIRTH" Dekker)")
same "a child that turns 18 tomorrow may still be referred (201)" 201 "$got"

# --- 6. guessing is stopped: at most five mismatches a day for one child ---
for d in 01 02 03 04 05; do refer gp "$(child "$LIMIT_BSN" "2014-02-$d" Smit)" >/dev/null; done
BEFORE=$(rows)
got=$(refer gp "$(child "$LIMIT_BSN" 2014-01-10 Smit)")
refused "after five mismatches even the right details are refused for a day (429), nothing written" 429 \
	'.error.code == "too_many_mismatches" and .error.field == "bsn"' "$BEFORE"
if grep -qi '^Retry-After: [0-9]' headers; then ok "429 says when to retry"; else not_ok "429 says when to retry" "$(cat headers)"; fi
got=$(refer gp2 "$(child "$LIMIT_BSN" 2014-01-10 Smit 2 'Angstig.' Daan)")
same "another practice is not stopped by those mismatches (201)" 201 "$got"

# --- 7. a referral named in a provider's JW315 is no referral of the GP ---
JW_CHILD_BSN=$(bsn 8)
sed -e "s/@AGB@/$PROVIDER_AGB/; s/@GEMEENTE@/0141/; s/@ID@/ref1/g; s/@BSN@/$JW_CHILD_BSN/" \
	-e "s/@BIRTH@/2016-05-06/; s/@DAG@/$TODAY/; s/@CAT@/45/; s/@CODE@/$PRODUCT/" \
	-e "s/@START@/2027-01-01/; s/@END@/2027-06-30/; s/@VERWIJZER@/$GP_AGB/" \
	"$ROOT/tests/ijw/round/JW315.xml.in" >jw315.xml
JR person add --bsn "$JW_CHILD_BSN" --given-names Tim --family-name Testkind --birth-date 2016-05-06 \
	--municipality 0141 >/dev/null
call "a provider's JW315 naming the GP's AGB is taken in" 200 '.bericht == "JW315" and .accepted == true' \
	-b p.jar -H 'Content-Type: application/xml' -H "X-CSRF-Token: $P_CSRF" --data-binary @jw315.xml "$U/api/v1/ijw/messages"
JW_REF=$(q "SELECT r.id FROM referrals r JOIN ijw_requests i ON i.referral_id = r.id WHERE r.agb = '$GP_AGB' ORDER BY r.id DESC LIMIT 1")
same "it is recorded as named in a JW315: source ijw, no organisation" "ijw " \
	"$(q "SELECT source || ' ' || COALESCE(organisation_id, '') FROM referrals WHERE id = ${JW_REF:-0}")"

# --- 8. the GP's own list, with progress, and nothing of the file ---
OWN=$(q "SELECT COUNT(*) FROM referrals WHERE organisation_id = $GP_ORG AND source <> 'ijw'")
call "the GP's list: its own referrals only, counted" 200 \
	".total == $OWN and ([.items[].referral.id] | index($REF1) != null and index($REF_KEY) != null and index($REF_GP2) == null and index(${JW_REF:-0}) == null)" \
	-b gp.jar "$U/api/v1/referrals?per_page=200"
call "the referral named in the provider's JW315 is not in the GP's list" 200 \
	"[.items[].referral.id] | index(${JW_REF:-0}) == null" -b gp.jar "$U/api/v1/referrals?per_page=200"
call "each item: the child by name and birth date only, the question, the progress" 200 \
	"[.items[] | (.child | keys) == [\"birth_date\",\"family_name\",\"given_names\"] and (has(\"question\")) and (.progress.step | IN(\"received\",\"accepted\",\"allocated\",\"closed\"))] | all" \
	-b gp.jar "$U/api/v1/referrals?per_page=200"
if grep -q '"bsn"\|"address"\|"street"\|"household\|"timeline"\|"child_id"' body; then
	not_ok "the list holds no BSN, address, household, timeline or child id" "$(head -c 600 body)"
else
	ok "the list holds no BSN, address, household, timeline or child id"
fi
call "a new referral: received, not yet accepted" 200 \
	".progress.step == \"received\" and .progress.accepted == false and .progress.allocation == null and .progress.closed == null and .progress.received_on == \"$TODAY\" and .child.given_names == \"Sanne\"" \
	-b gp.jar "$U/api/v1/referrals/$REF1"
call "another practice's list does not hold it" 200 "[.items[].referral.id] | index($REF1) == null and index($REF_GP2) != null" \
	-b gp2.jar "$U/api/v1/referrals?per_page=200"
call "another practice's referral: 404" 404 '.error.code == "not_found"' -b gp2.jar "$U/api/v1/referrals/$REF1"
same "looking at another's referral is audited" "$KNOWN referral:$REF1" \
	"$(q "SELECT person_id || ' ' || object FROM audit_log WHERE action = 'access.denied' AND organisation_id = $GP2_ORG ORDER BY id DESC LIMIT 1")"
call "a referral that does not exist: the same 404" 404 '.error.code == "not_found"' -b gp.jar "$U/api/v1/referrals/999999"
call "the JW315's referral is not the GP's: 404" 404 - -b gp.jar "$U/api/v1/referrals/${JW_REF:-0}"
call "a consulent has no referral list (403)" 403 - -b c.jar "$U/api/v1/referrals"

# the local team takes it up, allocates, and withdraws the other
HR_URL=$U/api/v1/help-requests
call "the consulent makes the broad analysis" 201 - -b c.jar -H "$JSON" -H "X-CSRF-Token: $C_CSRF" \
	-d '{"needs":{"mental_health":2},"explanation":"Angst sinds de verhuizing.","participants":"gezin, kind"}' \
	"$HR_URL/$HR1/analysis"
call "the GP sees it accepted" 200 '.progress.step == "accepted" and .progress.accepted == true and .progress.label == "opgepakt door het lokale team"' \
	-b gp.jar "$U/api/v1/referrals/$REF1"
call "the consulent allocates on the GP's referral" 201 - -b c.jar -H "$JSON" -H "X-CSRF-Token: $C_CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$REF1,\"start\":\"2027-01-04\",\"product_code\":\"$PRODUCT\",\"volume\":2,\"unit\":\"uur\",\"frequency\":\"per week\"}" \
	"$HR_URL/$HR1/allocations"
jq -n --arg name "$PROVIDER_NAME" '$name' >provider_name.json
call "the GP sees to which provider, from when" 200 \
	".progress.step == \"allocated\" and .progress.allocation.provider == $(cat provider_name.json) and .progress.allocation.from == \"2027-01-04\" and .progress.allocation.care_started_on == null" \
	-b gp.jar "$U/api/v1/referrals/$REF1"
call "the consulent withdraws the other help request" 200 - -b c.jar -H "$JSON" -H "X-CSRF-Token: $C_CSRF" \
	-d '{"to":"withdrawn","version":1}' "$HR_URL/$HR_FORM3/move"
call "the GP sees it closed, and how" 200 \
	".progress.step == \"closed\" and .progress.closed.how == \"withdrawn\" and .progress.closed.on == \"$TODAY\" and .progress.accepted == false" \
	-b gp.jar "$U/api/v1/referrals/$REF_FORM3"
call "the list shows the same progress" 200 \
	"([.items[] | select(.referral.id == $REF1) | .progress.step] == [\"allocated\"]) and ([.items[] | select(.referral.id == $REF_FORM3) | .progress.step] == [\"closed\"])" \
	-b gp.jar "$U/api/v1/referrals?per_page=200"

# --- 9. the form's choices come from the policies ---
call "the choices: every municipality by name, the forms by name, which the GP may refer to" 200 \
	'(.municipalities | map(select(.code == "0141" and .name == "Almelo" and .region == "twente")) | length) == 1 and (.municipalities | length) > 14 and .own_municipality == "0141" and ([.regions[] | select(.id == "twente") | .forms[] | select(.number == 2) | .may_refer] == [true]) and ([.regions[].forms[] | .name | length > 0] | all)' \
	-b gp.jar "$U/api/v1/referrals/choices"
call "a consulent has no referral form (403)" 403 - -b c.jar "$U/api/v1/referrals/choices"

# --- 10. issue 15: the given names fit too; the referral letter is required and kept ---
BEFORE=$(rows)
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-02 'van der Berg' 4 'x' Sophie)")
refused "the twin's name with a known BSN (same birth date and family name): refused (422) naming given_names" 422 \
	'.error.code == "identity_mismatch" and .error.fields == ["given_names"] and (.error.message | test("voornamen") and test("BSN zelf"))' "$BEFORE"
audited "that refusal is audited with the field" referral.mismatch "$KNOWN" "mismatch:given_names"
got=$(refer gp "$(child "$KNOWN_BSN" 2015-04-02 'van der Berg' 4 'x' 'S.')")
refused "an initial alone does not fit (422 given_names)" 422 '.error.fields == ["given_names"]' "$BEFORE"
for f in urgency tried consent; do
	got=$(refer gp "$(child "$OTHER_BSN" 2017-06-01 Visser | jq -c "del(.$f)")")
	refused "without $f: refused (422) naming $f, nothing written" 422 ".error.field == \"$f\"" "$BEFORE"
done
got=$(refer gp "$(child "$OTHER_BSN" 2017-06-01 Visser | jq -c '.urgency = "dringend"')")
refused "an urgency that is none of the choices: refused (422) naming urgency" 422 '.error.field == "urgency"' "$BEFORE"
got=$(refer gp "$(child "$OTHER_BSN" 2017-06-01 Visser | jq -c '.consent = "ja"')")
refused "a consent that is none of the choices: refused (422) naming consent" 422 '.error.field == "consent"' "$BEFORE"
got=$(refer gp "$(child "$OTHER_BSN" 2017-06-01 Visser | jq -c '.consent = "youth"')")
refused "a child of 9 referred with only its own consent: refused (422), the parents named" 422 \
	'.error.field == "consent" and (.error.message | test("ouders"))' "$BEFORE"
audited "a refused letter is audited as every refusal" referral.refused 0 "field:consent"
got=$(refer gp "$(child "$NEARLY_BSN" "$NEARLY_ADULT_BIRTH" Dekker 5 'x' | jq -c '.consent = "parents"')")
refused "a youth of 17 referred with only the parents' consent: refused (422)" 422 \
	'.error.field == "consent" and (.error.message | test("16 jaar"))' "$BEFORE"
got=$(refer gp "$(child "$OTHER_BSN" 2017-06-01 Visser 2 'Slaapt slecht.' | jq -c '.urgency = "soon" | .consent = "parents" | .tried = "Slaapadvies, twee gesprekken."')")
same "a referral with its letter: made (201)" 201 "$got"
REF_L=$(jq .referral.id body)
HR_L=$(jq .referral.help_request_id body)
same "the letter is kept with the referral" "soon|Slaapadvies, twee gesprekken.|parents" \
	"$(q "SELECT urgency || '|' || tried || '|' || consent FROM referrals WHERE id = ${REF_L:-0}")"
call "the GP sees its letter, with the labels" 200 \
	'.letter.urgency == "soon" and (.letter.urgency_label | test("voorrang")) and .letter.tried == "Slaapadvies, twee gesprekken." and .letter.consent == "parents" and (.letter.consent_label | test("ouders")) and .progress.answer == null' \
	-b gp.jar "$U/api/v1/referrals/$REF_L"
call "the choices hold the letter's words" 200 \
	'([.urgencies[].code] == ["regular","soon","urgent"]) and ([.consents[].code] == ["parents","youth","parents_and_youth"]) and ([.urgencies[], .consents[] | .label | length > 0] | all)' \
	-b gp.jar "$U/api/v1/referrals/choices"

# --- 11. the local team reads the letter and answers; the GP sees the answer ---
call "the consulent reads the referrals of the help request, with the letter" 200 \
	"(.items | length) == 1 and .items[0].referral.id == $REF_L and .items[0].letter.tried == \"Slaapadvies, twee gesprekken.\" and .items[0].question == \"Slaapt slecht.\"" \
	-b c.jar "$U/api/v1/help-requests/$HR_L/referrals"
same "reading it is audited" "referral:$REF_L" \
	"$(q "SELECT object FROM audit_log WHERE action = 'referral.read' AND role = 'consulent' ORDER BY id DESC LIMIT 1")"
call "the GP may not read the help request's referrals (403)" 403 - -b gp.jar "$U/api/v1/help-requests/$HR_L/referrals"
call "the provider may not either (403)" 403 - -b p.jar "$U/api/v1/help-requests/$HR_L/referrals"
answer() { # answer JAR CSRF REFERRAL BODY
	curl -s -o body -w '%{http_code}' -b "$1" -H "$JSON" -H "X-CSRF-Token: $2" -d "$4" "$U/api/v1/referrals/$3/answer"
}
got=$(answer c.jar "$C_CSRF" "$REF_L" '{"message":""}')
same "an empty answer: 422 naming message" "422 message" "$got $(jq -r .error.field body)"
got=$(answer c.jar "$C_CSRF" "$REF_L" "{\"message\":\"$(printf 'a%.0s' $(seq 1 601))\"}")
same "an answer of 601 characters: 422 naming message" "422 message" "$got $(jq -r .error.field body)"
got=$(answer c.jar "$C_CSRF" "$REF_L" '{"message":"x","extra":1}')
same "an unknown field: 422" 422 "$got"
got=$(answer gp.jar "$GP_CSRF" "$REF_L" '{"message":"Zelf geregeld."}')
same "the GP cannot answer its own referral (403)" 403 "$got"
got=$(answer c.jar "$C_CSRF" 999999 '{"message":"x"}')
UNKNOWN_BODY=$(cat body)
same "answering a referral that does not exist: 404" 404 "$got"
got=$(answer c.jar "$C_CSRF" "${JW_REF:-0}" '{"message":"x"}')
same "the JW315's referral has no referrer here to answer: the same 404" "404 $UNKNOWN_BODY" "$got $(cat body)"
same "nothing was answered by the refusals" 0 "$(q "SELECT COUNT(*) FROM referrals WHERE answer IS NOT NULL")"
got=$(answer c.jar "$C_CSRF" "$REF_L" '{"message":"Ontvangen. Wij bellen de ouders deze week voor een eerste gesprek."}')
if [ "$got" = 200 ] && jq -e ".referral.id == $REF_L and .progress.answer.message == \"Ontvangen. Wij bellen de ouders deze week voor een eerste gesprek.\" and .progress.answer.on == \"$TODAY\"" body >/dev/null; then
	ok "the consulent answers the GP (200), the referral with its answer"
else
	not_ok "the consulent answers the GP (200)" "status $got" "$(head -c 600 body)"
fi
same "the answer is audited with the child" "$(q "SELECT child_id FROM help_requests WHERE id = ${HR_L:-0}") referral:$REF_L" \
	"$(q "SELECT person_id || ' ' || object FROM audit_log WHERE action = 'referral.answer' ORDER BY id DESC LIMIT 1")"
call "the GP sees the answer in its list, without the child's file" 200 \
	"[.items[] | select(.referral.id == $REF_L) | .progress.answer.message] == [\"Ontvangen. Wij bellen de ouders deze week voor een eerste gesprek.\"]" \
	-b gp.jar "$U/api/v1/referrals?per_page=200"
if grep -q '"answered_by"\|c\.almelo' body; then
	not_ok "the GP's list does not name the consulent's account" "$(head -c 600 body)"
else
	ok "the GP's list does not name the consulent's account"
fi
got=$(answer c.jar "$C_CSRF" "$REF_L" '{"message":"Toegewezen; de aanbieder neemt contact op."}')
call "a later answer replaces the earlier one" 200 '.progress.answer.message == "Toegewezen; de aanbieder neemt contact op."' \
	-b gp.jar "$U/api/v1/referrals/$REF_L"
call "another practice does not see it (404)" 404 - -b gp2.jar "$U/api/v1/referrals/$REF_L"

if JR audit verify >/dev/null 2>&1; then ok "the audit chain holds after all this"; else not_ok "the audit chain holds after all this"; fi
tap_end
