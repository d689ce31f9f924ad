#!/bin/sh
# The browser journeys of the jeugdroute UI: sh tests/ui/run.sh BINARY SHOTS-DIR
# Installs the UI's and the tests' npm packages when missing (npm ci), makes a small demo region
# with one login per role, starts the server on a free loopback port, and runs
# tests/ui/journeys.mjs in Debian's Chromium (playwright-core, axe-core). Prints TAP.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
SHOTS=$2
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
case $SHOTS in /*) ;; *) SHOTS=$(pwd)/$SHOTS ;; esac
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
tap_need "$BIN" node npm sqlite3 "$CHROMIUM"
# Debian's Chromium speaks Dutch (a date field reads dd-mm-jjjj) only with its languages
if [ -d /usr/lib/chromium/locales ] && [ ! -e /usr/lib/chromium/locales/nl.pak ]; then
	tap_bail "Chromium has no Dutch: install chromium-l10n (make test-deps)"
fi
for dir in web tests/ui; do
	sh "$ROOT/tools/npm-ci.sh" "$dir" >/dev/null 2>&1 || tap_bail "npm ci in $dir failed"
done
WORK=$(mktemp -d /tmp/jr-ui-XXXXXX)
SERVER_PID=
cleanup() {
	# the server signs its last audit checkpoint as it stops: wait for it before removing
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1
export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
export JEUGDROUTE_DEMO_PASSWORD=demo-wachtwoord-1
"$BIN" init --db s.db --key s.key >/dev/null || tap_bail "init"
"$BIN" demo --db s.db --key s.key --youth 300 --seed 1 --date 2026-11-23 --logins ja >demo.json 2>&1 ||
	tap_bail "demo" "$(cat demo.json)"
# a child of the consulent's municipality, without an open help request
CHILD=$(sqlite3 s.db "SELECT p.id FROM persons p JOIN household_members m ON m.person_id = p.id
	AND m.role = 'child' WHERE p.municipality = (SELECT o.municipality FROM users u
	JOIN organisations o ON o.id = u.organisation_id WHERE u.username = 'consulent')
	AND NOT EXISTS (SELECT 1 FROM help_requests h WHERE h.child_id = p.id) ORDER BY p.id LIMIT 1")
MUNI=$(sqlite3 s.db "SELECT o.municipality FROM users u JOIN organisations o ON o.id = u.organisation_id
	WHERE u.username = 'consulent'")
# a family of that municipality with the consulent as its coordinator (regisseur)
FAMILY=$(sqlite3 s.db "SELECT m.household_id FROM household_members m JOIN persons p ON p.id = m.person_id
	WHERE m.role = 'child' AND p.municipality = '$MUNI' ORDER BY m.household_id LIMIT 1")
"$BIN" household coordinator "$FAMILY" --db s.db --key s.key \
	--user "$(sqlite3 s.db "SELECT id FROM users WHERE username = 'consulent'")" \
	--version "$(sqlite3 s.db "SELECT version FROM households WHERE id = $FAMILY")" >/dev/null ||
	tap_bail "the consulent as coordinator of a family"
# the demo's provider login, with a contract for that municipality and form 2 (made when missing)
PROVIDER=$(sqlite3 s.db "SELECT p.id FROM providers p JOIN organisations o ON o.agb = p.agb
	JOIN users u ON u.organisation_id = o.id WHERE u.username = 'aanbieder'")
# (product codes only where the municipality buys products: issue 15 point 4)
REGIME=$(jq -r --arg m "$MUNI" '.municipalities[] | select(.code == $m) | .regime' "$ROOT/policy/twente.json")
[ "$REGIME" = product ] && CODES="--product-codes 45A02" || CODES=
"$BIN" contract add --db s.db --key s.key --provider "$PROVIDER" --region twente --municipality "$MUNI" \
	--forms 2 --start 2025-01-01 $CODES >/dev/null ||
	tap_bail "a contract for the provider"
# the second region, as `make run` makes it: a demo Amersfoort after Twente, with its own logins
# (consulent.amersfoort, huisarts.amersfoort, beleid.amersfoort, ...)
"$BIN" demo --db s.db --key s.key --region amersfoort --youth 120 --seed 1 --date 2026-11-23 --logins ja \
	>demo-amersfoort.json 2>&1 || tap_bail "demo amersfoort" "$(cat demo-amersfoort.json)"
# a help request of the Amersfoort consulent, planned: analysed, a goal, the route advice and a
# light option of Amersfoort's weighed
J() { "$BIN" "$@" --db s.db --key s.key; }
AMF_CHILD=$(J person add --bsn 111222333 --given-names Noor --family-name Eemland --birth-date 2015-05-05 \
	--municipality 0307 | jq .id)
AMF_HR=$(J help-request add --child "$AMF_CHILD" --raised-by family --question "Veel ruzie thuis." | jq .id)
amf_version() { J help-request show "$AMF_HR" | jq .version; }
{ J help-request analysis "$AMF_HR" --needs parenting=2,family=2 --explanation "Spanningen in het gezin." \
	--participants "gezin, kind" &&
	J help-request move "$AMF_HR" --to analysed --version "$(amf_version)" &&
	J help-request goal "$AMF_HR" --text "Minder ruzie thuis." &&
	J help-request advice "$AMF_HR" &&
	J help-request light-option "$AMF_HR" --option themabijeenkomsten --tried ja --why-not-enough "Hielp te weinig." &&
	J help-request move "$AMF_HR" --to planned --version "$(amf_version)"; } >/dev/null ||
	tap_bail "a planned help request in Amersfoort"
# issue 14's keyboard-only journey (the last block of tests/ui/journeys.mjs): a consulent of
# its own in the consulent's local team, and a child of its own (no other journey uses them),
# whose help request was registered and assigned to that consulent beforehand
KB_TEAM=$(sqlite3 s.db "SELECT organisation_id FROM users WHERE username = 'consulent'")
JEUGDROUTE_USER_PASSWORD=$JEUGDROUTE_DEMO_PASSWORD J user add --username consulent.toetsenbord --role consulent \
	--organisation "$KB_TEAM" >/dev/null || tap_bail "the keyboard journey's consulent"
KB_PLACE=$(jq -r --arg m "$MUNI" '.municipalities[] | select(.code == $m) | .name' "$ROOT/policy/twente.json")
KB_CHILD=$(J person add --bsn 123456782 --given-names Sem --family-name Tabbinga --birth-date 2014-04-09 \
	--municipality "$MUNI" --street Toetsenweg --house-number 12 --postcode 7500AB --place "$KB_PLACE" | jq .id)
KB_HR=$(J help-request add --child "$KB_CHILD" --raised-by family --question "Sem gaat al weken niet naar school." | jq .id)
J help-request assign "$KB_HR" --to consulent.toetsenbord \
	--version "$(J help-request show "$KB_HR" | jq .version)" >/dev/null ||
	tap_bail "the keyboard journey's help request, assigned to its consulent"
# issue 15 point 3: a help request the demo GI (jeugdbescherming) opened under one of its running
# measures, planned (analysed, a goal, the route advice, its light options weighed), where the
# GI allocates as its own decision
GI_CHILD=$(sqlite3 s.db "SELECT m.child_id FROM measures m JOIN users u ON u.organisation_id = m.gi_organisation_id
	WHERE u.username = 'jeugdbescherming' AND (m.end_date IS NULL OR m.end_date > date('now'))
	AND m.kind IN ('ots', 'voogdij') ORDER BY m.id LIMIT 1")
GI_HR=$(J help-request add --child "$GI_CHILD" --raised-by gi --question "Veiligheid thuis." | jq .id)
gi_version() { J help-request show "$GI_HR" | jq .version; }
{ J help-request analysis "$GI_HR" --needs safety=3,parenting=3 --explanation "Onveilig thuis." \
	--participants "gezin, kind" &&
	J help-request move "$GI_HR" --to analysed --version "$(gi_version)" &&
	J help-request goal "$GI_HR" --text "Veilig thuis." &&
	J help-request advice "$GI_HR" >gi-advice.json &&
	for option in $(jq -r '.options[] | select(.kind == "social_base") | .id' gi-advice.json); do
		J help-request light-option "$GI_HR" --option "$option" --tried nee \
			--why-not-enough "Past niet bij de onveiligheid thuis." || exit 1
	done &&
	J help-request move "$GI_HR" --to planned --version "$(gi_version)"; } >/dev/null ||
	tap_bail "a planned help request of the GI under its measure"
# issue 15 point 2 (the provider's claim in the browser): a running result allocation of the demo's
# provider, in the month the provider claims next for its municipality (TR318: the month after
# its last claim there, as the demo's own claims left it; with none, last month), that started
# before that month, and a contract tariff for its result (TR418, CD087)
LAST_MONTH=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m-01)
claim_row=$(sqlite3 s.db "SELECT id, substr(next, 1, 7) FROM (SELECT a.id, a.start_date, a.end_date,
	COALESCE((SELECT date(MAX(c.period_end), '+1 day') FROM claims c JOIN ijw_messages m ON m.id = c.message_id
	WHERE c.provider_id = a.provider_id AND m.receiver = h.municipality), '$LAST_MONTH') AS next
	FROM allocations a JOIN help_requests h ON h.id = a.help_request_id
	WHERE a.provider_id = $PROVIDER AND a.regime = 'result' AND a.intensity IS NOT NULL
	AND EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id AND d.stopped_on IS NULL))
	WHERE start_date < next AND next <= '$LAST_MONTH' AND (end_date IS NULL OR end_date >= date(next, '+27 days'))
	ORDER BY id LIMIT 1")
CLAIM_AL=${claim_row%|*}
CLAIM_MONTH=${claim_row#*|}
[ -n "$claim_row" ] || tap_bail "no running result allocation of the provider to claim on"
"$BIN" contract add --db s.db --key s.key --provider "$PROVIDER" --region twente --forms 1,2,3,4 --start 2024-01-01 \
	--municipality "$(sqlite3 s.db "SELECT h.municipality FROM allocations a JOIN help_requests h ON h.id = a.help_request_id WHERE a.id = $CLAIM_AL")" \
	--tariff 12.50 --product-codes "$(sqlite3 s.db "SELECT substr(jz020, 1, 2) || 'OB' || intensity FROM allocations WHERE id = $CLAIM_AL")" \
	>/dev/null || tap_bail "a contract tariff for the claim"
CLAIM_NUMBER=$(sqlite3 s.db "SELECT number FROM allocations WHERE id = $CLAIM_AL")
# issue 15 point 4: accepted claims exist (a JW323 through `ijw import`), so that the contract
# manager's budget warning is real
claim=$(sh "$ROOT/tests/contracts/claim.sh" "$BIN" s.db s.key claims 2>claim.err) ||
	tap_bail "an accepted claim" "$(cat claim.err)"
CLAIMED_PROVIDER=${claim% *}
# the year of that claim, and what the provider's accepted claims of that year came to (the demo's
# own claims too): what the budget ceiling counts
CLAIM_YEAR=$(sqlite3 s.db "SELECT substr(period_start, 1, 4) FROM claim_lines
	WHERE provider_id = $CLAIMED_PROVIDER AND status = 'accepted' ORDER BY claim_id DESC LIMIT 1")
CLAIMED_CENTS=$(sqlite3 s.db "SELECT SUM(CASE WHEN debit = 1 THEN amount_cents ELSE -amount_cents END)
	FROM claim_lines WHERE provider_id = $CLAIMED_PROVIDER AND status = 'accepted'
	AND substr(period_start, 1, 4) = '$CLAIM_YEAR'")
# issue 15 point 6: a child of Amersfoort (municipality 0307) without a help request, whom the
# GP of Amersfoort refers in the browser
AMF_REFER_CHILD=$(sqlite3 s.db "SELECT p.id FROM persons p JOIN household_members m ON m.person_id = p.id
	AND m.role = 'child' WHERE p.municipality = '0307' AND p.birth_date > '2012-01-01'
	AND NOT EXISTS (SELECT 1 FROM help_requests h WHERE h.child_id = p.id) ORDER BY p.id LIMIT 1")
[ -n "$AMF_REFER_CHILD" ] || tap_bail "a child of Amersfoort to refer"
"$BIN" serve --db s.db --key s.key --listen 127.0.0.1:0 --web-dir "$ROOT/web" --ready-file ready \
	>serve.out 2>serve.err &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
[ -s ready ] || tap_bail "the server did not start" "$(cat serve.err)"
JR_URL=$(cat ready) JR_PASSWORD=$JEUGDROUTE_DEMO_PASSWORD JR_CHILD=$CHILD JR_MUNI=$MUNI \
	JR_ADMIN_PASSWORD=$JEUGDROUTE_ADMIN_PASSWORD \
	JR_PROVIDER=$PROVIDER JR_AMERSFOORT_REQUEST=$AMF_HR JR_AMERSFOORT_CHILD=$AMF_REFER_CHILD JR_GI_REQUEST=$GI_HR SHOTS=$SHOTS \
	JR_KEYBOARD_CHILD=$KB_CHILD JR_KEYBOARD_REQUEST=$KB_HR \
	JR_CLAIM_ALLOCATION=$CLAIM_NUMBER JR_CLAIM_MONTH=$CLAIM_MONTH \
	JR_CLAIMED_PROVIDER=$CLAIMED_PROVIDER JR_CLAIMED_CENTS=$CLAIMED_CENTS JR_CLAIM_YEAR=$CLAIM_YEAR \
	CHROMIUM=$CHROMIUM node "$ROOT/tests/ui/journeys.mjs"
