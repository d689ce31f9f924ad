#!/bin/sh
# Black-box tests of `jeugdroute serve`: sh tests/http/run.sh BINARY
# Makes a small demo region in a temporary directory, starts the server on a free loopback port,
# and checks the API with curl and jq: health and metrics, login and its limits, sessions,
# CSRF, who may see which person, the access log, bad input (404, 405, 413, 415, 400, 422),
# keep-alive, and a graceful stop on SIGTERM. Prints TAP; exits 0 when everything passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EXAMPLES=$(cd "$(dirname "$0")/../../examples" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-http-XXXXXX)
SERVER_PID=
cleanup() {
	# the server signs its last audit checkpoint as it stops: wait for it before removing
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

# --- a region to serve: the demo, one consulent of Almelo, one of Hengelo, a policy maker ---
export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
"$BIN" init --db s.db --key s.key >/dev/null || tap_bail "init"
"$BIN" demo --db s.db --key s.key --youth 300 --seed 1 --date 2026-11-23 >/dev/null 2>&1 ||
	tap_bail "demo"
team() { "$BIN" organisation list --db s.db --key s.key --kind local_team --municipality "$1" | jq -s '.[0].id'; }
JEUGDROUTE_USER_PASSWORD=almelo-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username c.almelo --role consulent --organisation "$(team 0141)" >/dev/null
JEUGDROUTE_USER_PASSWORD=hengelo-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username c.hengelo --role consulent --organisation "$(team 0164)" >/dev/null
JEUGDROUTE_USER_PASSWORD=beleid-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username beleid --role policy >/dev/null
JEUGDROUTE_USER_PASSWORD=geraden-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username c.gokker --role consulent --organisation "$(team 0153)" >/dev/null
ALMELO_CHILD=$(sqlite3 s.db "SELECT id FROM persons WHERE municipality = '0141' ORDER BY id LIMIT 1")
# a provider with a contract for Almelo and form 2, as an organisation with a login; a GP practice
PROVIDER=$(sqlite3 s.db "SELECT c.provider_id FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE c.municipality = '0141' AND c.forms LIKE '%,2,%' AND p.status = 'active' ORDER BY c.provider_id LIMIT 1")
PROVIDER_AGB=$(sqlite3 s.db "SELECT agb FROM providers WHERE id = $PROVIDER")
PRODUCT=$(sqlite3 s.db "SELECT product_codes FROM contracts WHERE provider_id = $PROVIDER AND municipality = '0141' LIMIT 1" | cut -d, -f1)
PROVIDER_ORG=$("$BIN" organisation add --db s.db --key s.key --kind provider --name "Zorgaanbieder $PROVIDER_AGB" \
	--agb "$PROVIDER_AGB" | jq .id)
JEUGDROUTE_USER_PASSWORD=aanbieder-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username aanbieder --role provider --organisation "$PROVIDER_ORG" >/dev/null
GP_ORG=$("$BIN" organisation list --db s.db --key s.key --kind gp_practice --municipality 0141 | jq -s '.[0].id')
JEUGDROUTE_USER_PASSWORD=huisarts-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username huisarts --role verwijzer --organisation "$GP_ORG" >/dev/null
# a household of Almelo whose child has a course (help request, analysis, allocation, …)
ALMELO_HOUSEHOLD=$(sqlite3 s.db "SELECT hm.household_id FROM household_members hm
	JOIN help_requests h ON h.child_id = hm.person_id JOIN allocations a ON a.help_request_id = h.id
	WHERE h.municipality = '0141' ORDER BY hm.household_id LIMIT 1")
# c.almelo holds the regie of that household
C_ALMELO=$(sqlite3 s.db "SELECT id FROM users WHERE username = 'c.almelo'")
"$BIN" household coordinator "$ALMELO_HOUSEHOLD" --db s.db --key s.key --user "$C_ALMELO" \
	--version "$(sqlite3 s.db "SELECT version FROM households WHERE id = $ALMELO_HOUSEHOLD")" >/dev/null
TODAY=$(date -u +%Y-%m-%d)

"$BIN" serve --db s.db --key s.key --listen 127.0.0.1:0 --threads 4 --ready-file ready \
	--metrics-listen 127.0.0.1:0 --max-connections-per-address 512 >serve.out 2>serve.err &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
[ -s ready ] || tap_bail "the server did not start" "$(cat serve.err)"
U=$(head -1 ready)
M=$(sed -n 2p ready) # /metrics, on a listener of its own

# call NAME STATUS JQ CURL-ARGS…: the status must match and, unless JQ is "-", jq -e JQ on the body.
call() {
	name=$1 want=$2 check=$3
	shift 3
	got=$(curl -s -o body -D headers -w '%{http_code}' "$@")
	if [ "$got" != "$want" ]; then
		not_ok "$name" "status $got, expected $want" "$(head -c 400 body)"
	elif [ "$check" != "-" ] && ! jq -e "$check" body >/dev/null 2>&1; then
		not_ok "$name" "jq $check failed on:" "$(head -c 400 body)"
	else
		ok "$name"
	fi
}
header_has() {
	if grep -qi "$2" headers; then ok "$1"; else not_ok "$1" "no header /$2/" "$(cat headers)"; fi
}
login() { # login JAR USER PASSWORD: the CSRF token on stdout
	curl -s -c "$1" -H 'Content-Type: application/json' \
		-d "{\"username\":\"$2\",\"password\":\"$3\"}" "$U/api/v1/login" | jq -r .csrf
}
JSON='Content-Type: application/json'

call "healthz" 200 '.status == "ok" and .database == "ok"' "$U/healthz"
call "metrics, on their own listener" 200 - "$M"
if grep -q '^jeugdroute_http_requests_total{class="2xx"} [1-9]' body &&
	grep -q 'jeugdroute_http_request_duration_seconds_bucket{le="+Inf"}' body &&
	grep -q '^jeugdroute_store_transaction_seconds_count [1-9]' body &&
	grep -q '^jeugdroute_store_transaction_seconds_max [0-9]' body &&
	grep -q '^jeugdroute_store_lock_wait_seconds_total [0-9]' body; then
	ok "metrics: Prometheus text with counters, a latency histogram and database timings"
else
	not_ok "metrics: Prometheus text" "$(head -20 body)"
fi
call "me without login: 401" 401 '.error.code == "login_required"' "$U/api/v1/me"
call "unknown path: 404" 404 '.error.code == "not_found"' "$U/api/v1/nothing"
call "wrong method: 405" 405 '.error.code == "method_not_allowed"' -X DELETE "$U/api/v1/me"
header_has "405 names the allowed methods" '^Allow: GET'
call "login: not JSON is 415" 415 '.error.code == "unsupported_media_type"' -d 'x' "$U/api/v1/login"
call "login: broken JSON is 400" 400 '.error.code == "bad_json"' -H "$JSON" -d '{"username":' \
	"$U/api/v1/login"
call "login: too deep JSON is 400" 400 '.error.code == "too_deep"' -H "$JSON" \
	-d "$(printf '%0.s[' $(seq 1 40))" "$U/api/v1/login"
call "login: a missing field is 422 and named" 422 '.error.field == "password"' -H "$JSON" \
	-d '{"username":"c.almelo"}' "$U/api/v1/login"
head -c 1100000 /dev/zero | tr '\0' ' ' >big.json
call "a body over 1 MiB is 413" 413 '.error.code == "too_large"' -H "$JSON" --data-binary @big.json \
	"$U/api/v1/login"
call "login: wrong password is 401" 401 '.error.code == "bad_credentials"' -H "$JSON" \
	-d '{"username":"c.gokker","password":"fout"}' "$U/api/v1/login"
call "login: unknown user gets the same answer" 401 '.error.code == "bad_credentials"' -H "$JSON" \
	-d '{"username":"niemand","password":"fout"}' "$U/api/v1/login"
# The delay doubles with every miss (1, 2, 4, … s), so guessing on is soon refused unchecked,
# however long a password check takes on this machine.
got=
for _ in 1 2 3 4 5 6 7 8; do
	got=$(curl -s -o body -D headers -w '%{http_code}' -H "$JSON" \
		-d '{"username":"c.gokker","password":"geraden-wachtwoord"}' "$U/api/v1/login")
	[ "$got" = 429 ] && break
	curl -s -o /dev/null -H "$JSON" -d '{"username":"c.gokker","password":"fout"}' "$U/api/v1/login"
done
if [ "$got" = 429 ] && jq -e '.error.code == "wait"' body >/dev/null; then
	ok "login: guessing on must wait (429), even with the right password"
else
	not_ok "login: guessing on must wait (429)" "last status $got"
fi
header_has "429 says when to retry" '^Retry-After: [0-9]'
call "login: consulent" 200 '.role == "consulent" and .organisation.municipality == "0141" and (.csrf | length) == 43' \
	-c almelo.jar -H "$JSON" -d '{"username":"c.almelo","password":"almelo-wachtwoord"}' "$U/api/v1/login"
header_has "the session cookie is HttpOnly and SameSite=Strict" '^Set-Cookie: jr_session=.*HttpOnly; SameSite=Strict'
CSRF=$(jq -r .csrf body)
call "me" 200 '.username == "c.almelo" and (.csrf | length) == 43' -b almelo.jar "$U/api/v1/me"
call "a person of one's own municipality" 200 ".id == $ALMELO_CHILD and (.bsn | length) == 9" \
	-b almelo.jar "$U/api/v1/persons/$ALMELO_CHILD"
header_has "the record's version as ETag" '^ETag: "[0-9]*"'
call "an unknown person: 404" 404 - -b almelo.jar "$U/api/v1/persons/999999"
ALMELO_BSN=$(curl -s -b almelo.jar "$U/api/v1/persons/$ALMELO_CHILD" | jq -r .bsn)
call "find a child by BSN" 200 ".id == $ALMELO_CHILD" -b almelo.jar "$U/api/v1/persons?bsn=$ALMELO_BSN"
call "find by BSN: a bad BSN is named" 422 '.error.field == "bsn"' -b almelo.jar "$U/api/v1/persons?bsn=123"
call "involvement" 200 ".person_id == $ALMELO_CHILD and (.involved | type) == \"array\"" -b almelo.jar \
	"$U/api/v1/persons/$ALMELO_CHILD/involvement"
call "the access log shows the consulent's reading" 200 \
	'[.entries[] | select(.who == "user:c.almelo" and .action == "person.read")] | length >= 1' \
	-b almelo.jar "$U/api/v1/persons/$ALMELO_CHILD/access-log"
call "a family's page: members and one timeline" 200 \
	'(.members | map(.role) | index("parent")) != null and ([.timeline[].kind] | index("help_request") != null and index("allocation") != null) and ([.timeline[].day] == ([.timeline[].day] | sort))' \
	-b almelo.jar "$U/api/v1/households/$ALMELO_HOUSEHOLD"
call "a child's timeline" 200 ".person_id == $ALMELO_CHILD and (.timeline | type) == \"array\"" \
	-b almelo.jar "$U/api/v1/persons/$ALMELO_CHILD/timeline"
call "route without the CSRF token: 403" 403 '.error.code == "csrf"' -b almelo.jar -H "$JSON" \
	--data-binary @"$EXAMPLES/01-enschede-lichte-opvoedvraag.json" "$U/api/v1/route"
call "route with the CSRF token" 200 '.municipality.code == "0153" and (.options | length) > 0' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	--data-binary @"$EXAMPLES/01-enschede-lichte-opvoedvraag.json" "$U/api/v1/route"
call "route: a bad field is 422 and named" 422 '.error.field == "age" or .error.field == "birth_date"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"municipality":"0153","birth_date":"2090-01-01","needs":{}}' "$U/api/v1/route"
# principle 13: during a running stay the municipality of residence before it is responsible
call "route: the responsible municipality before a running stay" 200 \
	'.municipality.code == "0164" and .responsible_municipality.code == "0164" and .responsible_municipality.basis == "residence_before_stay" and (.responsible_municipality.why | test("woonplaatsbeginsel"))' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	--data-binary @"$EXAMPLES/13-hengelo-pleegkind-in-enschede.json" "$U/api/v1/route"
call "route: residence_before_stay without a running stay is 422 and named" 422 \
	'.error.field == "residence_before_stay"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"municipality":"0153","birth_date":"2015-01-01","residence_before_stay":"0164"}' "$U/api/v1/route"
# issue 13, principle 11: the version in force on the request's date; none is 422 on `date`
call "route: a date before any version of the region's policy is 422 on date" 422 \
	'.error.field == "date" and (.error.message | test("geen beleid voor deze gemeente \\(0307\\) op 2018-06-01"))' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"municipality":"0307","birth_date":"2010-01-01","date":"2018-06-01"}' "$U/api/v1/route"
call "route: a 2023 Amersfoort request gets the arrangement before the main provider" 200 \
	'.municipality.regime == "product" and all(.options[]; .kind != "no_referral")' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	--data-binary @"$EXAMPLES/15-amersfoort-2023-voor-metmaya.json" "$U/api/v1/route"
# principle 9: the crisis option names the region's 24/7 service; urgent youth mental health
call "route: the crisis option names the 24/7 crisis service, urgent mental health next" 200 \
	'.options[0].crisis_service.name == "Coördinatiepunt Spoedhulp Jeugd Twente" and .options[1].urgent == true and .options[1].form == 4' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	--data-binary @"$EXAMPLES/16-hengelo-acute-psychiatrische-crisis.json" "$U/api/v1/route"
call "route: secure care first under the judge's authorisation (example 09)" 200 \
	'.options[0].form == 9 and .options[0].setting == "secure" and .framework == "compulsory"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	--data-binary @"$EXAMPLES/14-almelo-machtiging-gesloten.json" "$U/api/v1/route"
call "route: a machtiging uithuisplaatsing without an OTS is 422 and named" 422 \
	'.error.field == "authorisations" and (.error.message | test("ondertoezichtstelling"))' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"municipality":"0153","birth_date":"2014-01-01","court_measure":"voogdij","authorisations":["uithuisplaatsing"]}' \
	"$U/api/v1/route"
call "route: an unknown authorisation is 422 and named" 422 '.error.field == "authorisations"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"municipality":"0153","birth_date":"2014-01-01","court_measure":"voorlopige_ots","authorisations":["spoed"]}' \
	"$U/api/v1/route"

call "route: the family in debt gets debt help, no youth care (issue 13, principle 6)" 200 \
	'.options[0].kind == "other_domain" and .options[0].help == "debt_help" and ([.options[] | select(.kind == "youth_care")] | length) == 0' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	--data-binary @"$EXAMPLES/17-enschede-gezin-met-schulden.json" "$U/api/v1/route"
call "route: an unknown family context is 422 and named" 422 '.error.field == "family_context[0]"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"municipality":"0153","birth_date":"2015-01-01","family_context":["poverty"]}' "$U/api/v1/route"

# A consulent takes a child from help request to plan through the API.
HR_URL=$U/api/v1/help-requests
call "the work list of one's municipality" 200 '.municipality == "0141" and .total >= 1 and (.items | length) >= 1 and .items[0].child.family_name != null' \
	-b almelo.jar "$HR_URL?per_page=5"
call "the work list: a bad page is 422" 422 '.error.field == "page"' -b almelo.jar "$HR_URL?page=0"
DUE=$(sqlite3 s.db "SELECT COUNT(*) FROM help_requests h WHERE h.municipality = '0141'
	AND h.state NOT IN ('closed', 'withdrawn') AND EXISTS (SELECT 1 FROM goals g
	WHERE g.help_request_id = h.id AND g.review_on < '$TODAY')")
call "overdue: the open help requests whose goal review date has passed" 200 \
	".total == $DUE and .count == ([$DUE, 50] | min) and ([.items[].help_request.state] | all(. != \"closed\" and . != \"withdrawn\"))" \
	-b almelo.jar "$HR_URL?state=review_due"
call "the work list: an unknown state is named" 422 '.error.field == "state"' -b almelo.jar "$HR_URL?state=late"
call "my families: the households one coordinates" 200 \
	".total == 1 and .items[0].id == $ALMELO_HOUSEHOLD and .items[0].children >= 1 and (.items[0].family_name | length) > 0" \
	-b almelo.jar "$U/api/v1/households"
call "a new help request" 201 '.state == "registered" and .version == 1 and .municipality == "0141"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"child_id\":$ALMELO_CHILD,\"raised_by\":\"school\",\"question\":\"Hij gaat niet meer naar school.\"}" "$HR_URL"
HR=$(jq .id body)
call "a misspelt field is refused, not ignored" 422 '.error.field == "questoin"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"child_id\":$ALMELO_CHILD,\"raised_by\":\"school\",\"questoin\":\"x\"}" "$HR_URL"
call "analysed without an analysis is refused, with the reason" 422 '.error.code == "refused" and (.error.message | length) > 10' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"to":"analysed","version":1}' "$HR_URL/$HR/move"
call "the broad analysis" 201 '.course.broad_analysis == true' -b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"needs":{"school":3,"behaviour":2},"explanation":"Schoolverzuim sinds de zomer.","participants":"gezin, kind, school"}' \
	"$HR_URL/$HR/analysis"
call "the analysis: a severity out of range is named" 422 '.error.field == "needs.school"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"needs":{"school":7},"explanation":"x","participants":"x"}' "$HR_URL/$HR/analysis"
call "move to analysed" 200 '.state == "analysed" and .version == 2' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"to":"analysed","version":1}' "$HR_URL/$HR/move"
call "a stale version is 409" 409 '.error.code == "conflict"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"to":"planned","version":1}' "$HR_URL/$HR/move"
call "a goal" 201 '.course.goals == 1' -b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"text":"Hij gaat weer elke dag naar school.","review_on":"2027-03-01"}' "$HR_URL/$HR/goals"
call "the route advice from the records" 201 '(.options | length) > 0 and .municipality.code == "0141"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"flags":["not_participating"]}' "$HR_URL/$HR/advice"
call "the route advice with the parents' own problems" 201 \
	'[.options[] | select(.kind == "other_domain") | .help] == ["debt_help", "addiction_care", "wmo"]' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"flags":["not_participating"],"family_context":["debts","parent_addiction"]}' "$HR_URL/$HR/advice"
call "the route advice: an unknown family context is 422 and named" 422 '.error.field == "family_context"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"family_context":["poverty"]}' "$HR_URL/$HR/advice"
call "a light option weighed" 201 '.course.light_options_weighed == true' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"option_id":"opvoedondersteuning","tried":true,"why_not_enough":"Het verzuim bleef."}' \
	"$HR_URL/$HR/light-options"
call "an offer the region does not have is named" 422 '.error.field == "option_id"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"option_id":"bestaat-niet","tried":false,"why_not_enough":"x"}' \
	"$HR_URL/$HR/light-options"
call "move to planned" 200 '.state == "planned" and .version == 3' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"to":"planned","version":2}' "$HR_URL/$HR/move"
call "the help request" 200 '.state == "planned" and .course.goals == 1' -b almelo.jar "$HR_URL/$HR"
# A GP refers a new child; the consulent allocates; the provider starts and stops care.
GP_CSRF=$(login gp.jar huisarts huisarts-wachtwoord)
call "a GP refers a child new to the records" 201 '.referral.valid == true and .referral.type == "02" and (.referral.why | length) > 10' \
	-b gp.jar -H "$JSON" -H "X-CSRF-Token: $GP_CSRF" \
	-d '{"bsn":"100000009","form":2,"question":"Angstig, wil niet meer naar buiten.","given_names":"Mila","family_name":"Verwijsma","birth_date":"2016-03-03","municipality":"0141","urgency":"regular","tried":"Gesprekken op de praktijk.","consent":"parents"}' \
	"$U/api/v1/referrals"
REF_HR=$(jq .referral.help_request_id body)
REF_ID=$(jq .referral.id body)
call "a GP refers: a child without its details is refused and named" 422 '.error.field == "birth_date"' \
	-b gp.jar -H "$JSON" -H "X-CSRF-Token: $GP_CSRF" -d '{"bsn":"100000010","form":2,"question":"x"}' "$U/api/v1/referrals"
call "a GP sees its own referrals" 200 "[.items[].referral.id] | index($REF_ID) != null" -b gp.jar "$U/api/v1/referrals"
call "a GP may not allocate (403)" 403 - -b gp.jar -H "$JSON" -H "X-CSRF-Token: $GP_CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"start\":\"2026-12-01\"}" "$HR_URL/$REF_HR/allocations"
call "the providers, to allocate to" 200 "[.items[].id] | index($PROVIDER) != null" -b almelo.jar "$U/api/v1/providers"
call "an allocation the rules refuse says why (no product for Almelo's regime)" 422 '.error.code == "refused" and (.error.message | length) > 10' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$REF_ID,\"start\":\"2026-12-01\"}" "$HR_URL/$REF_HR/allocations"
call "the consulent allocates on the GP's referral" 201 ".provider_id == $PROVIDER and .regime == \"product\" and (.number | length) > 0" \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$REF_ID,\"start\":\"2026-12-01\",\"product_code\":\"$PRODUCT\",\"volume\":2,\"unit\":\"uur\",\"frequency\":\"per week\"}" \
	"$HR_URL/$REF_HR/allocations"
ALLOCATION=$(jq .id body)
ALLOCATION_NUMBER=$(jq -r .number body)
# --- issue 14 point 7: the allocation form's choices, and what the server refuses ---
if jq -e '.end == null and .product_code != null and .volume == 2 and .unit == "uur" and .frequency == "per week" and .result == null' body >/dev/null; then
	ok "the allocation made says what was allocated (its end, product and extent)"
else
	not_ok "the allocation made says what was allocated" "$(head -c 400 body)"
fi
call "the allocation form's choices: Almelo's product regime and its fields" 200 \
	'.regime == "product" and .municipality == "0141" and (.forms | length) == 10 and (.forms[] | select(.number == 2) | .fields) == ["product_code","volume","unit","frequency","end"]' \
	-b almelo.jar "$HR_URL/$REF_HR/allocation-choices"
# the providers offered for form 2 are exactly those the records contract for it, today, in
# Almelo or the whole region: not suspended, never a GI
jq -c '[.forms[] | select(.number == 2) | .providers[].id] | sort' body >choices.json
sqlite3 s.db "SELECT DISTINCT p.id FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE c.forms LIKE '%,2,%' AND c.start_date <= '$TODAY' AND (c.end_date IS NULL OR c.end_date >= '$TODAY')
	AND (c.municipality = '0141' OR (c.municipality IS NULL AND c.region = 'twente')) AND p.status <> 'suspended'
	AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.kind = 'gi' AND o.agb = p.agb)" | jq -s -c 'sort' >records.json
if [ "$(cat choices.json)" = "$(cat records.json)" ] && [ "$(cat choices.json)" != "[]" ]; then
	ok "the providers offered for a form are those contracted for it in the municipality"
else
	not_ok "the providers offered for a form are those contracted for it" "API $(cat choices.json)" "records $(cat records.json)"
fi
GI_PROVIDER=$(sqlite3 s.db "SELECT p.id FROM providers p JOIN organisations o ON o.agb = p.agb AND o.kind = 'gi' ORDER BY p.id LIMIT 1")
call "the choices never offer a GI (form 10 has no provider to choose)" 200 \
	"([.forms[].providers[].id] | index($GI_PROVIDER)) == null and (.forms[] | select(.number == 10) | .providers) == []" \
	-b almelo.jar "$HR_URL/$REF_HR/allocation-choices"
call "the choices of one form, with the contract's product codes" 200 \
	"(.forms | length) == 1 and .forms[0].number == 2 and ([.forms[0].providers[] | select(.id == $PROVIDER) | .product_codes[]] | index(\"$PRODUCT\")) != null" \
	-b almelo.jar "$HR_URL/$REF_HR/allocation-choices?form=2"
call "the choices on a start date before every contract: none" 200 '[.forms[].providers[]] == [] and .date == "2019-06-01"' \
	-b almelo.jar "$HR_URL/$REF_HR/allocation-choices?form=2&start=2019-06-01"
call "the choices: a form that does not exist is named (422)" 422 '.error.field == "form"' \
	-b almelo.jar "$HR_URL/$REF_HR/allocation-choices?form=11"
call "the choices: a start that is no date is named (422)" 422 '.error.field == "start"' \
	-b almelo.jar "$HR_URL/$REF_HR/allocation-choices?start=morgen"
login choices-hengelo.jar c.hengelo hengelo-wachtwoord >/dev/null
call "the choices of another municipality's help request: 404" 404 '.error.code == "not_found"' \
	-b choices-hengelo.jar "$HR_URL/$REF_HR/allocation-choices"
call "a GP may not see the allocation form's choices (403)" 403 - -b gp.jar "$HR_URL/$REF_HR/allocation-choices"
call "an overlapping allocation of the same kind is refused, naming the one it overlaps" 422 \
	".error.field == \"start\" and (.error.message | test(\"toewijzing $ALLOCATION_NUMBER, van 01-12-2026 zonder einddatum\"))" \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$REF_ID,\"start\":\"2027-03-01\",\"end\":\"2027-08-31\",\"product_code\":\"$PRODUCT\",\"volume\":1,\"unit\":\"uur\",\"frequency\":\"per week\"}" \
	"$HR_URL/$REF_HR/allocations"
call "a field of another regime is named (an intensity in Almelo's product regime)" 422 '.error.field == "intensity"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$REF_ID,\"start\":\"2027-03-01\",\"product_code\":\"$PRODUCT\",\"volume\":1,\"intensity\":2}" \
	"$HR_URL/$REF_HR/allocations"
call "a GI is no provider to choose (422, provider_id)" 422 '.error.field == "provider_id" and (.error.message | test("gecertificeerde instelling"))' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$GI_PROVIDER,\"form\":10,\"municipal_decision\":true,\"start\":\"2027-03-01\"}" \
	"$HR_URL/$REF_HR/allocations"
UNCONTRACTED=$(sqlite3 s.db "SELECT p.id FROM providers p WHERE NOT EXISTS (SELECT 1 FROM contracts c WHERE c.provider_id = p.id
	AND c.forms LIKE '%,3,%' AND (c.municipality = '0141' OR c.municipality IS NULL)) ORDER BY p.id LIMIT 1")
call "a provider without a contract for the form is named (422, provider_id)" 422 '.error.field == "provider_id" and (.error.message | test("geen contract"))' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$UNCONTRACTED,\"form\":3,\"municipal_decision\":true,\"start\":\"2027-03-01\"}" \
	"$HR_URL/$REF_HR/allocations"
call "a product the contract does not list is named (422, product_code)" 422 '.error.field == "product_code"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$REF_ID,\"start\":\"2027-03-01\",\"product_code\":\"99Z99\",\"volume\":1,\"unit\":\"uur\",\"frequency\":\"per week\"}" \
	"$HR_URL/$REF_HR/allocations"
call "an end before the start is named (422, end)" 422 '.error.field == "end"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"referral_id\":$REF_ID,\"start\":\"2027-03-01\",\"end\":\"2027-02-28\",\"product_code\":\"$PRODUCT\",\"volume\":1}" \
	"$HR_URL/$REF_HR/allocations"
if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM allocations WHERE help_request_id = $REF_HR")" = 1 ]; then
	ok "nothing of the refused allocations was written"
else
	not_ok "nothing of the refused allocations was written"
fi
P_CSRF=$(login prov.jar aanbieder aanbieder-wachtwoord)
call "the provider sees the allocation" 200 "[.items[].id] | index($ALLOCATION) != null" -b prov.jar "$U/api/v1/allocations"
# paging: pages of one, in order, counted, the same total on each; a bad page is named
P_TOTAL=$(sqlite3 s.db "SELECT COUNT(*) FROM allocations a JOIN providers p ON p.id = a.provider_id WHERE p.agb = '$PROVIDER_AGB'")
call "a provider's allocations in pages: the first of one" 200 \
	".count == 1 and .page == 1 and .per_page == 1 and .total == $P_TOTAL and (.items | length) == 1" \
	-b prov.jar "$U/api/v1/allocations?per_page=1"
FIRST=$(jq '.items[0].id' body)
if [ "$P_TOTAL" -ge 2 ]; then
	call "the second page holds the next one" 200 ".page == 2 and .total == $P_TOTAL and .items[0].id != $FIRST" \
		-b prov.jar "$U/api/v1/allocations?per_page=1&page=2"
else
	call "past the last page: no items, the same total" 200 ".count == 0 and .total == $P_TOTAL" \
		-b prov.jar "$U/api/v1/allocations?per_page=1&page=2"
fi
call "per_page over 200 is named (422)" 422 '.error.field == "per_page"' -b prov.jar "$U/api/v1/allocations?per_page=201"
call "a page that is no number is named (422)" 422 '.error.field == "page"' -b prov.jar "$U/api/v1/allocations?page=twee"
call "the provider starts care" 200 '.care.running == true and .care.started_on == "2026-12-02"' -b prov.jar -H "$JSON" \
	-H "X-CSRF-Token: $P_CSRF" -d '{"on":"2026-12-02"}' "$U/api/v1/allocations/$ALLOCATION/start"
call "starting twice is 409" 409 - -b prov.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" -d '{"on":"2026-12-03"}' \
	"$U/api/v1/allocations/$ALLOCATION/start"
call "stopping with an unknown end reason is named" 422 '.error.field == "end_reason"' -b prov.jar -H "$JSON" \
	-H "X-CSRF-Token: $P_CSRF" -d '{"on":"2027-02-01","goals_reached":"yes","continues_without_help":true,"satisfaction":8,"end_reason":"99"}' \
	"$U/api/v1/allocations/$ALLOCATION/stop"
call "the provider stops care with the outcome" 200 '.care.running == false and .care.stopped_on == "2027-02-01"' -b prov.jar -H "$JSON" \
	-H "X-CSRF-Token: $P_CSRF" -d '{"on":"2027-02-01","goals_reached":"yes","continues_without_help":true,"satisfaction":8,"end_reason":"31"}' \
	"$U/api/v1/allocations/$ALLOCATION/stop"
# the municipality changes the allocation (longer, more hours), with its JZ002 reason
call "the consulent changes the allocation: longer, three hours a week" 200 \
	'.reason_code == "04" and .end == "2027-06-30" and .volume == 3 and .requests_honoured == 0' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"reason_code":"04","end":"2027-06-30","volume":3}' \
	"$U/api/v1/allocations/$ALLOCATION/change"
call "a change that changes nothing is refused with the reason (422)" 422 '.error.code == "refused" and (.error.message | test("verandert niets"))' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"reason_code":"04","end":"2027-06-30"}' \
	"$U/api/v1/allocations/$ALLOCATION/change"
call "a change without its reason is named (422)" 422 '.error.field == "reason_code"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"end":"2027-07-31"}' "$U/api/v1/allocations/$ALLOCATION/change"
# The journal (issue 14 point 4): the consulent writes a note and a correction; the provider that
# cares for the child and the GP that referred it get 404, as for a help request that does not exist.
NOTES=$HR_URL/$REF_HR/notes
call "journal: empty, with the kinds of note from the API" 200 \
	'.notes == [] and ([.kinds[].label] == ["gesprek", "telefoongesprek", "huisbezoek", "consultatie"])' \
	-b almelo.jar "$NOTES"
call "journal: a note" 201 '.kind == "home_visit" and .kind_label == "huisbezoek" and .author == "user:c.almelo" and .date == "2026-12-01" and .corrects == null' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d '{"kind":"home_visit","date":"2026-12-01","text":"Huisbezoek: Mila was er niet bij."}' "$NOTES"
NOTE=$(jq .id body)
call "journal: a correction names the note it corrects" 201 ".corrects == $NOTE and .kind == \"phone_call\"" \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"kind\":\"telefoongesprek\",\"date\":\"2026-12-01\",\"text\":\"Verbetering: Mila was er wel bij.\",\"corrects\":$NOTE}" "$NOTES"
FIX=$(jq .id body)
call "journal: newest first, the original kept and shown as corrected" 200 \
	"[.notes[].id] == [$FIX, $NOTE] and .notes[1].corrected_by == $FIX and .notes[1].text == \"Huisbezoek: Mila was er niet bij.\"" \
	-b almelo.jar "$NOTES"
call "journal: an unknown kind is named (422)" 422 '.error.field == "kind"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"kind":"brief","text":"x"}' "$NOTES"
call "journal: a note without text is named (422)" 422 '.error.field == "text"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"kind":"gesprek","text":""}' "$NOTES"
call "journal: a date ahead is named (422)" 422 '.error.field == "date"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d '{"kind":"gesprek","text":"x","date":"2099-01-01"}' "$NOTES"
call "journal: a correction of another help request's note is named (422)" 422 '.error.field == "corrects"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d "{\"kind\":\"gesprek\",\"text\":\"x\",\"corrects\":$NOTE}" \
	"$HR_URL/$HR/notes"
call "journal: no way to change a note (405)" 405 - -b almelo.jar -X DELETE -H "X-CSRF-Token: $CSRF" "$NOTES"
curl -s -o unknown.body -b prov.jar "$HR_URL/999999/notes"
call "journal: the provider caring for the child gets 404" 404 - -b prov.jar "$NOTES"
cmp -s body unknown.body && ok "journal: the provider's 404 is the one of an unknown help request" ||
	not_ok "journal: the provider's 404 is the one of an unknown help request" "$(cat body)" "$(cat unknown.body)"
call "journal: the provider may not write either (404)" 404 - -b prov.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" \
	-d '{"kind":"gesprek","text":"x"}' "$NOTES"
call "journal: the GP that referred the child gets 404" 404 - -b gp.jar "$NOTES"
READS=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'journal.read' AND object = 'help_request:$REF_HR'")
ADDS=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'journal.add' AND object = 'help_request:$REF_HR'")
DENIED=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND object = 'journal:$REF_HR'")
[ "$READS" = 2 ] && [ "$ADDS" = 2 ] && [ "$DENIED" = 3 ] && ok "journal: every read, write and refusal is audited" ||
	not_ok "journal: every read, write and refusal is audited" "reads $READS adds $ADDS denied $DENIED"
# The case page (issue 14 point 6): who the child is, the BSN masked (the whole number only from
# the person's own, audited read), the course; evaluations never assumed; the history keeps the
# change of the allocation with its reason.
call "case page: the child with its birth date, age and masked BSN, never the whole BSN" 200 \
	'.child.given_names == "Mila" and .child.birth_date == "2016-03-03" and (.child.age | type) == "number" and .child.bsn_masked == "*****0009" and (.child | has("bsn") | not) and (tostring | test("100000009") | not) and .goals == [] and .evaluations == [] and .analysis == null and .advice == null' \
	-b almelo.jar "$HR_URL/$REF_HR"
READ=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'person.read' AND person_id = (SELECT child_id FROM help_requests WHERE id = $REF_HR)")
[ "$READ" -ge 1 ] && ok "case page: reading it is audited as a read of the person" || not_ok "case page: audited as a person read" "$READ"
call "case page: the history keeps the change of the allocation with its JZ002 reason" 200 \
	'[.timeline[] | select(.kind == "alloc_change") | .extra] == ["04"]' \
	-b almelo.jar "$U/api/v1/persons/$(sqlite3 s.db "SELECT child_id FROM help_requests WHERE id = $REF_HR")/timeline"
EVAL=$HR_URL/$REF_HR/evaluations
call "evaluation: while no care runs there is no interim one (422 on kind)" 422 '.error.field == "kind" and .error.code == "refused"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"kind":"interim","goals_reached":"yes","family_view":"Goed."}' "$EVAL"
call "evaluation: whether goals were reached is never assumed (422 on goals_reached)" 422 '.error.field == "goals_reached"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"kind":"closing","family_view":"Goed."}' "$EVAL"
call "evaluation: a day ahead is named (422 on held_on)" 422 '.error.field == "held_on"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"kind":"closing","goals_reached":"yes","family_view":"Goed.","held_on":"2099-01-01"}' "$EVAL"
call "evaluation: the closing one after care stopped" 201 \
	'.evaluation.kind == "closing" and .evaluation.kind_label == "Eindevaluatie" and .evaluation.goals_reached_label == "Ja" and .evaluation.author == "user:c.almelo" and .help_request.id == '"$REF_HR" \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d '{"kind":"closing","goals_reached":"yes","family_view":"Mila gaat weer naar buiten.","next_steps":"Geen."}' "$EVAL"
call "evaluation: on the case page and in the history" 200 '[.evaluations[].kind] == ["closing"]' -b almelo.jar "$HR_URL/$REF_HR"
call "evaluation: the provider may not write one (403: its role does not)" 403 '.error.code == "forbidden"' -b prov.jar -H "$JSON" \
	-H "X-CSRF-Token: $P_CSRF" -d '{"kind":"closing","goals_reached":"yes","family_view":"x"}' "$EVAL"
[ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'evaluation.add'")" = 1 ] &&
	ok "evaluation: audited" || not_ok "evaluation: audited"
# The regisseur: a consulent of the family's municipality, assigned from the version read.
CASE_HH=$(sqlite3 s.db "SELECT h.id FROM households h JOIN household_members m ON m.household_id = h.id
	JOIN persons p ON p.id = m.person_id WHERE m.role = 'child' AND p.municipality = '0141' ORDER BY h.id LIMIT 1")
CASE_HR=$(sqlite3 s.db "SELECT id FROM help_requests WHERE child_id IN (SELECT person_id FROM household_members
	WHERE household_id = $CASE_HH AND role = 'child') ORDER BY id LIMIT 1")
ME=$(sqlite3 s.db "SELECT id FROM users WHERE username = 'c.almelo'")
HENGELO=$(sqlite3 s.db "SELECT id FROM users WHERE username = 'c.hengelo'")
HH_VERSION=$(sqlite3 s.db "SELECT version FROM households WHERE id = $CASE_HH")
call "regisseur: the consulents of the family's municipality are offered" 200 \
	"[.items[].user_id] | (index($ME) != null and index($HENGELO) == null)" -b almelo.jar "$U/api/v1/households/$CASE_HH/coordinators"
call "regisseur: a consulent of another municipality is refused (422 on user_id)" 422 '.error.field == "user_id"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d "{\"user_id\":$HENGELO,\"version\":$HH_VERSION}" \
	"$U/api/v1/households/$CASE_HH/coordinator"
call "regisseur: the consulent makes herself the family's regisseur" 200 \
	".coordinator.user_id == $ME and .coordinator.name == \"c.almelo\" and .version == $((HH_VERSION + 1))" \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d "{\"user_id\":$ME,\"version\":$HH_VERSION}" \
	"$U/api/v1/households/$CASE_HH/coordinator"
call "regisseur: from a version read before is 409" 409 '.error.code == "conflict"' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" -d "{\"user_id\":$ME,\"version\":$HH_VERSION}" \
	"$U/api/v1/households/$CASE_HH/coordinator"
if [ -n "$CASE_HR" ]; then
	call "regisseur: named on the case page" 200 ".household.id == $CASE_HH and .household.coordinator.name == \"c.almelo\"" \
		-b almelo.jar "$HR_URL/$CASE_HR"
fi
login hengelo.jar c.hengelo hengelo-wachtwoord >/dev/null
call "regisseur: another municipality's consulent cannot reach the family (404)" 404 - \
	-b hengelo.jar "$U/api/v1/households/$CASE_HH/coordinators"
# The decision letter (issue 14 point 5): the allocation and its change each made one, kept with
# its hash; printed again as kept (HTML and PDF), read only by the municipality's consulents.
LETTERS=$U/api/v1/allocations/$ALLOCATION/letters
call "letters: the allocation's and its change's, each with its hash" 200 \
	'[.letters[].sequence] == [1, 2] and [.letters[].kind] == ["allocation", "change"] and ([.letters[].sha256 | test("^[0-9a-f]{64}$")] | all)' \
	-b almelo.jar "$LETTERS"
# issue 15: the list names the help request, the letter screen's way back
[ "$(jq .help_request_id body)" = "$REF_HR" ] &&
	ok "letters: the list names its help request" || not_ok "letters: the list names its help request"
SHA1=$(jq -r '.letters[0].sha256' body)
[ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'letter.issue' AND object = 'letter:$ALLOCATION/1 sha256:$SHA1'")" = 1 ] &&
	ok "letters: the hash is in the audit entry letter.issue" || not_ok "letters: the hash is in the audit entry letter.issue"
curl -s -o letter1.html -D headers -b almelo.jar "$LETTERS/1"
if grep -qi '^Content-Type: text/html' headers && grep -q 'bezwaar' letter1.html &&
	grep -q 'voorlopige voorziening' letter1.html && grep -q '/letter.css' letter1.html &&
	[ "$(sha256sum <letter1.html | cut -d' ' -f1)" = "$SHA1" ] &&
	grep -qi "^X-Letter-SHA256: $SHA1" headers; then
	ok "letters: letter 1 as kept: HTML with the bezwaar text, its hash the one kept"
else
	not_ok "letters: letter 1 as kept" "$(head -c 300 letter1.html)"
fi
curl -s -o again.html -b almelo.jar "$LETTERS/1"
cmp -s letter1.html again.html && ok "letters: printed again, the same document" ||
	not_ok "letters: printed again, the same document"
curl -s -o letter1.pdf -D headers -b almelo.jar "$LETTERS/1?format=pdf"
if grep -qi '^Content-Type: application/pdf' headers && [ "$(head -c 5 letter1.pdf)" = "%PDF-" ]; then
	ok "letters: letter 1 as PDF"
else
	not_ok "letters: letter 1 as PDF" "$(head -c 200 headers)"
fi
curl -s -o again.pdf -b almelo.jar "$LETTERS/1?format=pdf"
cmp -s letter1.pdf again.pdf && ok "letters: the PDF again, the same bytes" || not_ok "letters: the PDF again, the same bytes"
call "letters: letter 2 tells the change" 200 - -b almelo.jar "$LETTERS/2"
call "letters: an unknown format is named (422)" 422 '.error.field == "format"' -b almelo.jar "$LETTERS/1?format=doc"
call "letters: no letter 9 (404)" 404 - -b almelo.jar "$LETTERS/9"
curl -s -o unknown.body -b prov.jar "$U/api/v1/allocations/999999/letters/1"
call "letters: the provider the care is allocated to gets 404" 404 - -b prov.jar "$LETTERS/1"
cmp -s body unknown.body && ok "letters: the provider's 404 is the one of an unknown allocation" ||
	not_ok "letters: the provider's 404 is the one of an unknown allocation" "$(cat body)" "$(cat unknown.body)"
call "letters: the GP that referred gets 404" 404 - -b gp.jar "$LETTERS"
call "letters: no way to change a letter (405)" 405 - -b almelo.jar -X DELETE -H "X-CSRF-Token: $CSRF" "$LETTERS/1"
L_READS=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'letter.read' AND object LIKE 'letter:$ALLOCATION/%'")
[ "$L_READS" -ge 5 ] && ok "letters: every read is audited (letter.read)" || not_ok "letters: every read is audited" "$L_READS"
call "the provider may not change an allocation (403)" 403 - -b prov.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" \
	-d '{"reason_code":"05","end":"2027-03-31"}' "$U/api/v1/allocations/$ALLOCATION/change"
if [ "$(sqlite3 s.db "SELECT end_date || ' ' || volume || ' ' || change_reason || ' ' || version FROM allocations WHERE id = $ALLOCATION")" = "2027-06-30 3 04 2" ]; then
	ok "the change is kept once, with its reason and a new version"
else
	not_ok "the change is kept once" "$(sqlite3 s.db "SELECT end_date, volume, change_reason, version FROM allocations WHERE id = $ALLOCATION")"
fi
OTHER_ALLOCATION=$(sqlite3 s.db "SELECT a.id FROM allocations a JOIN providers p ON p.id = a.provider_id WHERE p.agb <> '$PROVIDER_AGB' LIMIT 1")
call "another provider's allocation: 404, as an unknown one" 404 '.error.code == "not_found"' -b prov.jar -H "$JSON" \
	-H "X-CSRF-Token: $P_CSRF" -d '{"on":"2026-12-02"}' "$U/api/v1/allocations/$OTHER_ALLOCATION/start"
call "the provider sees the child of its allocation" 200 '.id > 0' -b prov.jar \
	"$U/api/v1/persons/$(sqlite3 s.db "SELECT child_id FROM help_requests WHERE id = $REF_HR")"
# iJw over the API: the provider sends a request for allocation (JW315) of its own
GP_AGB=$(sqlite3 s.db "SELECT agb FROM organisations WHERE id = $GP_ORG")
sed -e "s/@AGB@/$PROVIDER_AGB/; s/@GEMEENTE@/0141/; s/@ID@/http1/g; s/@BSN@/100000022/" \
	-e "s/@BIRTH@/2016-05-06/; s/@DAG@/$(date +%F)/; s/@CAT@/45/; s/@CODE@/45A02/" \
	-e "s/@START@/2027-01-01/; s/@END@/2027-06-30/; s/@VERWIJZER@/$GP_AGB/" \
	"$ROOT/tests/ijw/round/JW315.xml.in" >jw315.xml
XML='Content-Type: application/xml'
call "iJw: a provider's request for allocation is taken in, with its JW316" 200 \
	'.bericht == "JW315" and .accepted == true and .problems == [] and .answer.bericht == "JW316" and (.answer.xml | startswith("<?xml"))' \
	-b prov.jar -H "$XML" -H "X-CSRF-Token: $P_CSRF" --data-binary @jw315.xml "$U/api/v1/ijw/messages"
call "iJw: the same message again is refused by TR056 (9056)" 200 \
	'.accepted == false and any(.problems[]; .rule == "TR056" and .code == "9056")' \
	-b prov.jar -H "$XML" -H "X-CSRF-Token: $P_CSRF" --data-binary @jw315.xml "$U/api/v1/ijw/messages"
# Deadlines (issue 14, point 3): the JW315 just taken in is to be answered within 5 working days
HR_315=$(sqlite3 s.db "SELECT help_request_id FROM ijw_requests ORDER BY id DESC LIMIT 1")
call "deadlines: the consulent sees the JW315 to answer within 5 working days (OP274)" 200 \
	'any(.deadlines[]; .kind == "ijw_answer" and .unit == "workdays" and .days_left <= 5 and (.source | test("OP274")) and (.state | IN("ok", "warning"))) and ([.deadlines[].due] == ([.deadlines[].due] | sort)) and (.counts | .ok + .warning + .overdue) == (.deadlines | length)' \
	-b almelo.jar "$U/api/v1/help-requests/$HR_315/deadlines"
if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'help_request.deadlines' AND person_id = (SELECT child_id FROM help_requests WHERE id = $HR_315)")" -ge 1 ]; then
	ok "deadlines: the read is audited on the child"
else
	not_ok "deadlines: the read is audited on the child" "no help_request.deadlines entry"
fi
call "deadlines of an unknown help request: 404" 404 '.error.code == "not_found"' -b almelo.jar "$U/api/v1/help-requests/999999/deadlines"
call "deadlines: not without logging in (401)" 401 - "$U/api/v1/help-requests/$HR_315/deadlines"
sed "s/<jw315:Afzender>$PROVIDER_AGB</<jw315:Afzender>$GP_AGB</; s/VOT-http1/VOT-http2/" jw315.xml >other.xml
call "iJw: a message in another's name is refused (403), untouched" 403 '.error.code == "forbidden"' \
	-b prov.jar -H "$XML" -H "X-CSRF-Token: $P_CSRF" --data-binary @other.xml "$U/api/v1/ijw/messages"
call "iJw: a message that is no XML is refused with its line (422)" 422 \
	'.accepted == false and .answer == null and .problems[0].rule == "XML" and .problems[0].line >= 1' \
	-b prov.jar -H "$XML" -H "X-CSRF-Token: $P_CSRF" --data-binary '<jw305:Bericht>' "$U/api/v1/ijw/messages"
call "iJw: JSON is not an iJw message (415)" 415 - -b prov.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" \
	-d '{}' "$U/api/v1/ijw/messages"
call "iJw: a consulent sends no provider messages (403)" 403 - -b almelo.jar -H "$XML" -H "X-CSRF-Token: $CSRF" \
	--data-binary @jw315.xml "$U/api/v1/ijw/messages"
# (an allocation the standard cannot say — per week without an end date, CD076 — is held back, with why)
call "iJw: the provider downloads its allocation messages (JW301), only its own" 200 \
	".count >= 1 and ([.items[].xml | test(\"<jw301:Ontvanger>$PROVIDER_AGB<\")] | all) and (.skipped_why | test(\"toewijzing $ALLOCATION: \"))" \
	-b prov.jar "$U/api/v1/ijw/allocations?since=2000-01-01"
OURS=$(jq -r '.items[0].xml' body | sed -n 's|.*<ijw:Identificatie>\([^<]*\)</ijw:Identificatie>.*|\1|p' | head -1)
OURS_MUNI=$(jq -r '.items[0].xml' body | sed -n 's|.*<jw301:Afzender>\([0-9]*\)</jw301:Afzender>.*|\1|p' | head -1)
sed -e "s/@GEMEENTE@/$OURS_MUNI/; s/@AGB@/$PROVIDER_AGB/; s/@OURS@/$OURS/; s/@DAG@/$(date +%F)/g" \
	-e "s/@ID@/http/; s|<!--CODES-->||" "$ROOT/tests/ijw/round/JW302.xml.in" >jw302.xml
call "iJw: the provider's answer (JW302) acknowledges the JW301 it downloaded" 200 \
	'.bericht == "JW302" and .accepted == true and .answer == null' \
	-b prov.jar -H "$XML" -H "X-CSRF-Token: $P_CSRF" --data-binary @jw302.xml "$U/api/v1/ijw/messages"
call "iJw: a bad date is named (422)" 422 '.error.field == "since"' -b prov.jar "$U/api/v1/ijw/allocations?since=gisteren"
BELEID=$(curl -s -c - -H "$JSON" -d '{"username":"beleid","password":"beleid-wachtwoord"}' "$U/api/v1/login" | awk '/jr_session/ { print $7 }')
call "the regional figures are per region: a policy maker of no region must name one (422), never a mix" 422 \
	'.error.field == "region"' --cookie "jr_session=$BELEID" "$U/api/v1/figures?from=2026-01-01&to=2026-12-31"
call "figures: a bad date is named" 422 '.error.field == "from"' --cookie "jr_session=$BELEID" "$U/api/v1/figures?from=2026-13-01"
call "a consulent gets no regional figures (403)" 403 - -b almelo.jar "$U/api/v1/figures"
# Contract management and user administration: no client data, and only for their roles.
JEUGDROUTE_USER_PASSWORD=contract-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username contract --role contract_manager >/dev/null
CM=$(login cm.jar contract contract-wachtwoord)
call "a contract manager lists the providers" 200 "[.items[].id] | index($PROVIDER) != null" -b cm.jar "$U/api/v1/providers"
PVERSION=$(jq ".items[] | select(.id == $PROVIDER) | .version" body)
call "a contract manager suspends a provider" 200 '.status == "suspended"' -b cm.jar -H "$JSON" -H "X-CSRF-Token: $CM" \
	-d "{\"status\":\"suspended\",\"version\":$PVERSION}" "$U/api/v1/providers/$PROVIDER/status"
call "a stale status change is 409" 409 - -b cm.jar -H "$JSON" -H "X-CSRF-Token: $CM" \
	-d "{\"status\":\"active\",\"version\":$PVERSION}" "$U/api/v1/providers/$PROVIDER/status"
call "no allocation to a suspended provider" 422 '.error.code == "refused" and (.error.message | test("geschorst"))' \
	-b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"provider_id\":$PROVIDER,\"form\":2,\"municipal_decision\":true,\"start\":\"2026-12-01\",\"product_code\":\"$PRODUCT\",\"volume\":1}" \
	"$HR_URL/$REF_HR/allocations"
call "a provider's contracts" 200 '.count >= 1 and ([.items[].forms[]] | index(2)) != null' -b cm.jar "$U/api/v1/providers/$PROVIDER/contracts"
call "a contract manager adds a contract" 201 '.forms == [4,5] and .municipality == "0141" and .end == "2027-12-31"' \
	-b cm.jar -H "$JSON" -H "X-CSRF-Token: $CM" \
	-d '{"region":"twente","municipality":"0141","forms":[4,5],"start":"2027-01-01","end":"2027-12-31"}' \
	"$U/api/v1/providers/$PROVIDER/contracts"
call "a contract ending before it starts is refused" 422 - -b cm.jar -H "$JSON" -H "X-CSRF-Token: $CM" \
	-d '{"region":"twente","forms":[4],"start":"2027-01-01","end":"2026-12-31"}' "$U/api/v1/providers/$PROVIDER/contracts"
call "a contract manager reads no client data (403)" 403 - -b cm.jar "$U/api/v1/persons/$ALMELO_CHILD"
call "a consulent may not suspend (403)" 403 - -b almelo.jar -H "$JSON" -H "X-CSRF-Token: $CSRF" \
	-d "{\"status\":\"active\",\"version\":1}" "$U/api/v1/providers/$PROVIDER/status"
ADMIN_COOKIE=$(curl -s -c - -H "$JSON" -d "{\"username\":\"admin\",\"password\":\"$JEUGDROUTE_ADMIN_PASSWORD\"}" "$U/api/v1/login" | tee admin.jar | awk '/jr_session/ { print $7 }')
ADMIN_CSRF=$(curl -s --cookie "jr_session=$ADMIN_COOKIE" "$U/api/v1/me" | jq -r .csrf)
call "an admin lists the users, without passwords" 200 '([.items[].username] | index("c.almelo")) != null and ([.items[] | has("password") or has("password_hash")] | any | not)' \
	--cookie "jr_session=$ADMIN_COOKIE" "$U/api/v1/users"
call "an admin adds a user; the password is shown once" 201 '.username == "nieuwe.consulent" and (.password | test("^[A-Za-z0-9]{20}$"))' \
	--cookie "jr_session=$ADMIN_COOKIE" -H "$JSON" -H "X-CSRF-Token: $ADMIN_CSRF" \
	-d "{\"username\":\"nieuwe.consulent\",\"role\":\"consulent\",\"organisation_id\":$(team 0141)}" "$U/api/v1/users"
call "a taken user name is 409" 409 '.error.field == "username"' --cookie "jr_session=$ADMIN_COOKIE" -H "$JSON" \
	-H "X-CSRF-Token: $ADMIN_CSRF" -d "{\"username\":\"nieuwe.consulent\",\"role\":\"consulent\",\"organisation_id\":$(team 0141)}" "$U/api/v1/users"
call "an admin lists the organisations" 200 '.count > 10' --cookie "jr_session=$ADMIN_COOKIE" "$U/api/v1/organisations"
call "a consulent may not manage users (403)" 403 - -b almelo.jar "$U/api/v1/users"
call "the social map of one's municipality, stale entries flagged" 200 '.municipality == "0141" and .count >= 1 and ([.items[].stale] | all(type == "boolean")) and ([.items[].municipality] | unique) == ["0141"]' \
	-b almelo.jar "$U/api/v1/socialmap"
call "the social map, filtered by need and age" 200 '[.items[] | (.age_min <= 9 or .age_min == -1) and (.age_max >= 9 or .age_max == -1)] | all' \
	-b almelo.jar "$U/api/v1/socialmap?need=school&age=9"
call "the social map: an unknown need is named" 422 '.error.field == "need"' -b almelo.jar "$U/api/v1/socialmap?need=x"
# --- issue 14 point 8: text search, address, ages and the offer's own contact ---
call "the social map: a word of a description finds the offer, case and accents aside" 200 \
	'.count >= 1 and ([.items[] | (.organisation + " " + .service + " " + .description) | test("huiswerk"; "i")] | all) and ([.items[] | (.address | length) > 0 and (.phone | length) > 0 and (.email | test("@")) and (.website | startswith("https://"))] | all)' \
	-b almelo.jar "$U/api/v1/socialmap?q=HUISW%C3%89RK"
call "the social map: words and the child's age together" 200 \
	'[.items[] | .age_min <= 3 and .age_max >= 3] | all' -b almelo.jar "$U/api/v1/socialmap?q=peuters&age=3"
call "the social map: a search that finds nothing is an empty list" 200 '.count == 0 and .items == []' \
	-b almelo.jar "$U/api/v1/socialmap?q=zzqxw"
call "the social map: a text of one letter is named (422, q)" 422 '.error.field == "q"' -b almelo.jar "$U/api/v1/socialmap?q=a"
call "the social map: a text over 100 characters is named (422, q)" 422 '.error.field == "q"' \
	-b almelo.jar "$U/api/v1/socialmap?q=$(printf 'a%.0s' $(seq 1 101))"
call "the social map: an age that is no number is named (422, age)" 422 '.error.field == "age"' -b almelo.jar "$U/api/v1/socialmap?age=tien"
# the words of the screens (GET /api/v1/vocabulary): the region's from its policy file, the
# standard's as far as the records accept them, the records' own
TWENTE=$ROOT/policy/twente.json
AMERSFOORT=$ROOT/policy/amersfoort.json
call "the words of one's own region: the policy's forms, light to heavy" 200 \
	".region.code == \"twente\" and .municipality == \"0141\" and [.forms[] | [.number, .label]] == $(jq -c '[.forms[] | [.form, .name]]' "$TWENTE") and [.forms[].code] == [range(1; 11) | tostring]" \
	-b almelo.jar "$U/api/v1/vocabulary"
call "the words of one's own region: its municipalities, regimes and light options" 200 \
	"[.municipalities[] | [.code, .label, .regime]] == $(jq -c '[.municipalities[] | [.code, .name, .regime]]' "$TWENTE") and (.regimes[] | select(.code == \"product\") | .terms) == $(jq -c .regimes.product.frequencies "$TWENTE") and (.regimes[] | select(.code == \"result\") | .terms) == $(jq -c .regimes.result.intensities "$TWENTE") and [.light_options[].code] == $(jq -c '[.social_base[].id, .no_referral[].id]' "$TWENTE") and [.referrer_types[] | [.code, .label]] == $(jq -c '[.referrers[] | [.code, .name]]' "$TWENTE")" \
	-b almelo.jar "$U/api/v1/vocabulary"
call "the words of another region, by a municipality of it (Amersfoort: generic, help without referral)" 200 \
	".region.code == \"amersfoort\" and .municipality == \"0307\" and [.regimes[].code] == [\"generic\"] and [.municipalities[].label] == $(jq -c '[.municipalities[].name]' "$AMERSFOORT") and [.light_options[] | select(.kind == \"no_referral\") | .code] == $(jq -c '[.no_referral[].id]' "$AMERSFOORT")" \
	-b almelo.jar "$U/api/v1/vocabulary?municipality=0307"
call "the words of the family's other domains: the option kind, the family context, the help (issue 13, principle 6)" 200 \
	'([.option_kinds[].code] | index("other_domain")) != null and [.family_context[].code] == ["debts","housing","parent_mental_health","parent_addiction","fighting_divorce"] and ([.other_domain_help[].code] | index("debt_help")) != null' \
	-b almelo.jar "$U/api/v1/vocabulary"
call "the words of a region by its id" 200 '.region.code == "amersfoort" and .municipality == null' \
	-b almelo.jar "$U/api/v1/vocabulary?region=amersfoort"
call "the words: each region once, though Amersfoort keeps two versions (principle 11)" 200 \
	'[.regions[].code] == ["amersfoort", "twente"] and (.regions | length) == 2' \
	-b almelo.jar "$U/api/v1/vocabulary"
call "the words: an unknown municipality is named" 422 '.error.field == "municipality"' \
	-b almelo.jar "$U/api/v1/vocabulary?municipality=9999"
call "the words: an unknown region is named" 422 '.error.field == "region"' \
	-b almelo.jar "$U/api/v1/vocabulary?region=nergens"
call "the words: not without a login" 401 '.error.code == "login_required"' "$U/api/v1/vocabulary"
call "the words of the iJw standard: what the records accept, with the standard's text" 200 \
	'([.end_reasons[].code] | index("31")) != null and (.end_reasons[] | select(.code == "31") | .label) == "Levering is volgens plan beeindigd." and ([.change_reasons[].code] | index("01")) == null and ([.change_reasons[].code] | index("04")) != null and (.units[] | select(.code == "uur") | .ijw) == "04"' \
	-b almelo.jar "$U/api/v1/vocabulary"
call "the records' own words: the course in order, who raised a request, the roles" 200 \
	'[.help_request_states[] | [.code, .next]] == [["registered","analysed"],["analysed","planned"],["planned","in_care"],["in_care","evaluated"],["evaluated","closed"],["closed",null],["withdrawn",null]] and ([.raised_by[].code] | index("veilig_thuis")) != null and [.roles[].code] == ["consulent","verwijzer","gi","provider","contract_manager","policy","admin"] and ([.measures[].code] | index("ots")) != null and (.needs | length) == 11' \
	-b almelo.jar "$U/api/v1/vocabulary"
curl -s -b almelo.jar "$U/api/v1/vocabulary" >vocabulary.json
call "the words: every kind of event on a family's timeline has its word" 200 \
	"(.timeline | length) > 0 and ([.timeline[].kind] - $(jq -c '[.event_kinds[].code]' vocabulary.json)) == []" \
	-b almelo.jar "$U/api/v1/households/$ALMELO_HOUSEHOLD"
COURSE_CHILD=$(sqlite3 s.db "SELECT hm.person_id FROM household_members hm JOIN help_requests h ON h.child_id = hm.person_id
	WHERE hm.household_id = $ALMELO_HOUSEHOLD AND h.state NOT IN ('closed', 'withdrawn') ORDER BY 1 LIMIT 1")
call "the words: every kind of organisation involved with a child has its word" 200 \
	"(.involved | length) > 0 and ([.involved[].kind] - $(jq -c '[.involvement_kinds[].code]' vocabulary.json)) == []" \
	-b almelo.jar "$U/api/v1/persons/${COURSE_CHILD:-0}/involvement"
call "the words for a policy maker of no municipality, with two regions: no region, every region named" 200 \
	".region == null and .forms == [] and .municipalities == [] and [.regions[].code] == [\"amersfoort\", \"twente\"] and (.signals | length) > 0" \
	--cookie "jr_session=$(curl -s -c - -H "$JSON" -d '{"username":"beleid","password":"beleid-wachtwoord"}' "$U/api/v1/login" | awk '/jr_session/ { print $7 }')" \
	"$U/api/v1/vocabulary"
call "the signals of one's municipality" 200 '.municipality == "0141" and ([.signals[].subject.municipality // "0141"] | unique) == ["0141"] and .count == (.signals | length)' \
	-b almelo.jar "$U/api/v1/signals?date=2026-11-23"

call "login: consulent of Hengelo" 200 - -c hengelo.jar -H "$JSON" \
	-d '{"username":"c.hengelo","password":"hengelo-wachtwoord"}' "$U/api/v1/login"
H_CSRF=$(jq -r .csrf body)
call "my families: none for a consulent who coordinates none" 200 '.total == 0 and .items == []' \
	-b hengelo.jar "$U/api/v1/households"
call "another municipality's allocation may not be changed (404: out of reach)" 404 '.error.code == "not_found"' -b hengelo.jar \
	-H "$JSON" -H "X-CSRF-Token: $H_CSRF" -d '{"reason_code":"05","end":"2027-03-31"}' \
	"$U/api/v1/allocations/$ALLOCATION/change"
call "another municipality's child: 404, as an unknown one" 404 '.error.code == "not_found"' -b hengelo.jar \
	"$U/api/v1/persons/$ALMELO_CHILD"
call "another municipality's family page: 404" 404 '.error.code == "not_found"' -b hengelo.jar \
	"$U/api/v1/households/$ALMELO_HOUSEHOLD"
call "another municipality's help request: 404" 404 '.error.code == "not_found"' -b hengelo.jar \
	"$HR_URL/$HR"
call "the work list is the local team's: a policy maker gets 403" 403 - \
	--cookie "jr_session=$(curl -s -c - -H "$JSON" -d '{"username":"beleid","password":"beleid-wachtwoord"}' "$U/api/v1/login" | awk '/jr_session/ { print $7 }')" \
	"$HR_URL"
# The work list (issue 14 point 2): assignment to a consulent of the municipality, "mijn cases",
# the team's queue, filters, the nearest deadline and the counts per step.
C_HENGELO=$(sqlite3 s.db "SELECT id FROM users WHERE username = 'c.hengelo'")
call "work list: the consulents one may assign to are the municipality's" 200 \
	"any(.items[]; .id == $C_ALMELO and .username == \"c.almelo\") and all(.items[]; .id != $C_HENGELO) and .municipality == \"0141\"" \
	-b almelo.jar "$HR_URL/assignees"
V=$(curl -s -b almelo.jar "$HR_URL/$HR_315" | jq .version)
call "work list: a help request is assigned to a consulent of another municipality: 422 on user_id" 422 \
	'.error.field == "user_id" and (.error.message | test("geen actieve consulent"))' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d "{\"user_id\":$C_HENGELO,\"version\":$V}" "$HR_URL/$HR_315/assignee"
call "work list: without user_id: 422 naming it" 422 '.error.field == "user_id"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d "{\"version\":$V}" "$HR_URL/$HR_315/assignee"
call "work list: the consulent takes the help request (assigned to itself)" 200 \
	".assignee == {\"id\": $C_ALMELO, \"username\": \"c.almelo\"} and .version == $((V + 1))" -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d "{\"user_id\":$C_ALMELO,\"version\":$V}" "$HR_URL/$HR_315/assignee"
call "work list: a stale version is 409 on version" 409 '.error.field == "version"' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d "{\"user_id\":null,\"version\":$V}" "$HR_URL/$HR_315/assignee"
call "work list: another municipality's consulent cannot assign it (404: out of reach)" 404 '.error.code == "not_found"' \
	-b hengelo.jar -H "$JSON" -H "X-CSRF-Token: $H_CSRF" -d "{\"user_id\":$C_HENGELO,\"version\":$((V + 1))}" \
	"$HR_URL/$HR_315/assignee"
call "work list: mine holds it, with its nearest deadline and the counts per step" 200 \
	"any(.items[]; .help_request.id == $HR_315 and .deadline.kind == \"ijw_answer\" and .deadline.unit == \"workdays\") and all(.items[]; .help_request.assignee.id == $C_ALMELO) and (.counts | has(\"registered\") and has(\"evaluated\") and (has(\"closed\") | not)) and ([.counts[]] | add) >= .total" \
	-b almelo.jar "$HR_URL?assignee=me&per_page=100"
call "work list: the team's queue does not hold it" 200 \
	"all(.items[]; .help_request.id != $HR_315 and .help_request.assignee == null) and .total > 0" \
	-b almelo.jar "$HR_URL?assignee=none&per_page=100"
call "work list: sorted by the nearest deadline, those without one last" 200 \
	'[.items[] | .deadline.due // "9999-99-99"] as $d | $d == ($d | sort) and .total > 0' \
	-b almelo.jar "$HR_URL?sort=deadline&per_page=100"
call "work list: by step, with the counts of every open step" 200 \
	'all(.items[]; .help_request.state == "registered") and .total == .counts.registered' \
	-b almelo.jar "$HR_URL?state=registered&per_page=5"
call "work list: overdue only" 200 'all(.items[]; .deadline.state == "overdue")' \
	-b almelo.jar "$HR_URL?deadline=overdue&sort=deadline"
call "work list: an unknown deadline filter is named (422)" 422 '.error.field == "deadline"' \
	-b almelo.jar "$HR_URL?deadline=gisteren"
call "work list: an unknown assignee filter is named (422)" 422 '.error.field == "assignee"' \
	-b almelo.jar "$HR_URL?assignee=iemand"
call "work list: an unknown step is named (422)" 422 '.error.field == "state"' -b almelo.jar "$HR_URL?state=klaar"
call "work list: the assignment is in the child's history" 200 \
	'any(.timeline[]; .kind == "assignment" and .text == "c.almelo")' \
	-b almelo.jar "$U/api/v1/persons/$(sqlite3 s.db "SELECT child_id FROM help_requests WHERE id = $HR_315")/timeline"
if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'help_request.assign' AND person_id = (SELECT child_id FROM help_requests WHERE id = $HR_315)")" = 1 ] &&
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM record_history WHERE record_table = 'help_requests' AND record_id = $HR_315 AND before_json LIKE '%assignee_user_id%'")" = 1 ]; then
	ok "work list: the assignment is audited and its before kept in record_history"
else
	not_ok "work list: the assignment is audited and its before kept in record_history"
fi
call "work list: back to the team's queue (user_id null)" 200 '.assignee == null' -b almelo.jar -H "$JSON" \
	-H "X-CSRF-Token: $CSRF" -d "{\"user_id\":null,\"version\":$((V + 1))}" "$HR_URL/$HR_315/assignee"
DENIED=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND person_id = $ALMELO_CHILD")
if [ "$DENIED" -ge 1 ]; then ok "a refused access is audited"; else not_ok "a refused access is audited"; fi
call "policy maker: no client data (403)" 403 '.error.code == "forbidden"' \
	"$U/api/v1/persons/$ALMELO_CHILD" \
	--cookie "jr_session=$(curl -s -c - -H "$JSON" -d '{"username":"beleid","password":"beleid-wachtwoord"}' "$U/api/v1/login" | awk '/jr_session/ { print $7 }')"
call "admin: no client data (403)" 403 - \
	--cookie "jr_session=$(curl -s -c - -H "$JSON" -d "{\"username\":\"admin\",\"password\":\"$JEUGDROUTE_ADMIN_PASSWORD\"}" "$U/api/v1/login" | awk '/jr_session/ { print $7 }')" \
	"$U/api/v1/persons/$ALMELO_CHILD"

# The role matrix, every role on every endpoint, is tests/http/matrix.sh.
GI_ORG=$(sqlite3 s.db "SELECT gi_organisation_id FROM measures WHERE gi_organisation_id IS NOT NULL
	GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1")
# a child young enough for an OTS of 300 days and its extension (a child-protection measure ends
# at the eighteenth birthday, issue 15 point 3)
GI_CHILD=$(sqlite3 s.db "SELECT m.child_id FROM measures m JOIN persons p ON p.id = m.child_id
	WHERE m.gi_organisation_id = $GI_ORG AND p.birth_date > date('now', '-16 years') ORDER BY m.id LIMIT 1")
JEUGDROUTE_USER_PASSWORD=gi-wachtwoord-123 "$BIN" user add --db s.db --key s.key \
	--username gi.werker --role gi --organisation "$GI_ORG" >/dev/null
# session cookie and CSRF token per role (fresh logins)
session() { # session USER PASSWORD: "COOKIE CSRF"
	curl -s -c "m-$1.jar" -H "$JSON" -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$U/api/v1/login" >"m-$1.json"
	echo "$(awk '/jr_session/ { print $7 }' "m-$1.jar") $(jq -r .csrf "m-$1.json")"
}
GI_SESSION=$(session gi.werker gi-wachtwoord-123)
call "a GI lists the measures with it as GI" 200 "[.items[].child_id] | index($GI_CHILD) != null" \
	--cookie "jr_session=${GI_SESSION% *}" "$U/api/v1/measures?per_page=200"
call "a consulent has no measure list (403)" 403 - -b almelo.jar "$U/api/v1/measures"
# Principle 8 of issue 13: the GI records the judge's extension of its OTS and an authorisation
GI_OTS_END=$(date -u -d "$TODAY +300 days" +%Y-%m-%d)
# the child's entries before (the demo records the judge's extensions of its OTSes too)
P8_BEFORE=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action IN ('measure.extend', 'measure.authorise')
	AND person_id = $GI_CHILD")
GI_OTS=$("$BIN" care measure "$GI_CHILD" --db s.db --key s.key --kind ots --gi "$GI_ORG" \
	--court-date "$(date -u -d "$TODAY -30 days" +%Y-%m-%d)" --start "$(date -u -d "$TODAY -30 days" +%Y-%m-%d)" \
	--end "$GI_OTS_END" | jq .id)
NEW_END=$(date -u -d "$GI_OTS_END +182 days" +%Y-%m-%d)
AUTH_END=$(date -u -d "$TODAY +200 days" +%Y-%m-%d)
GI_CSRF=${GI_SESSION#* }
gi_post() { # gi_post PATH BODY: as the GI worker
	curl -s -o body -w '%{http_code}' --cookie "jr_session=${GI_SESSION% *}" -H "X-CSRF-Token: $GI_CSRF" \
		-H "$JSON" -d "$2" "$U$1"
}
gi_call() { # gi_call NAME STATUS JQ PATH BODY
	got=$(gi_post "$4" "$5")
	if [ "$got" != "$2" ]; then
		not_ok "$1" "status $got, expected $2" "$(head -c 400 body)"
	elif ! jq -e "$3" body >/dev/null 2>&1; then
		not_ok "$1" "jq $3 failed on:" "$(head -c 400 body)"
	else
		ok "$1"
	fi
}
gi_call "a GI may not extend an OTS by more than a year (422, end)" 422 \
	'.error.field == "end" and (.error.message | test("1:260 BW"))' "/api/v1/measures/$GI_OTS/extensions" \
	"{\"court_date\":\"$TODAY\",\"end\":\"$(date -u -d "$GI_OTS_END +1 year +1 day" +%Y-%m-%d)\"}"
gi_call "an extension without the court's date is 422 and named" 422 '.error.field == "court_date"' \
	"/api/v1/measures/$GI_OTS/extensions" "{\"end\":\"$NEW_END\"}"
gi_call "the GI records the judge's extension of its OTS" 201 \
	".measure_id == $GI_OTS and .previous_end == \"$GI_OTS_END\" and .end == \"$NEW_END\" and .measure.end == \"$NEW_END\"" \
	"/api/v1/measures/$GI_OTS/extensions" "{\"court_date\":\"$TODAY\",\"end\":\"$NEW_END\"}"
gi_call "a machtiging uithuisplaatsing lasts at most a year (422, end)" 422 \
	'.error.field == "end" and (.error.message | test("1:265c BW"))' "/api/v1/measures/$GI_OTS/authorisations" \
	"{\"kind\":\"uithuisplaatsing\",\"court_date\":\"$TODAY\",\"start\":\"$TODAY\",\"end\":\"$NEW_END\"}"
gi_call "the GI records a machtiging uithuisplaatsing beside its OTS" 201 \
	".measure_id == $GI_OTS and .kind == \"uithuisplaatsing\" and .end == \"$AUTH_END\"" \
	"/api/v1/measures/$GI_OTS/authorisations" \
	"{\"kind\":\"uithuisplaatsing\",\"court_date\":\"$TODAY\",\"start\":\"$TODAY\",\"end\":\"$AUTH_END\"}"
gi_call "an unknown authorisation is 422 and named" 422 '.error.field == "kind"' \
	"/api/v1/measures/$GI_OTS/authorisations" \
	"{\"kind\":\"spoed\",\"court_date\":\"$TODAY\",\"start\":\"$TODAY\",\"end\":\"$AUTH_END\"}"
gi_call "another GI's or an unknown measure is not found (404)" 404 '.error.code == "not_found"' \
	"/api/v1/measures/999999999/authorisations" \
	"{\"kind\":\"gesloten\",\"court_date\":\"$TODAY\",\"start\":\"$TODAY\",\"end\":\"$AUTH_END\"}"
call "a consulent records no extension (403)" 403 '.error.code == "forbidden"' -b almelo.jar \
	-H "$JSON" -H "X-CSRF-Token: $CSRF" -d "{\"court_date\":\"$TODAY\",\"end\":\"$NEW_END\"}" \
	"$U/api/v1/measures/$GI_OTS/extensions"
P8_AUDIT=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action IN ('measure.extend', 'measure.authorise')
	AND person_id = (SELECT child_id FROM measures WHERE id = $GI_OTS)")
if [ "$((P8_AUDIT - P8_BEFORE))" -eq 2 ]; then ok "the extension and the authorisation are audited on the child"; else
	not_ok "the extension and the authorisation are audited on the child" "$P8_AUDIT entries"; fi
call "the vocabulary names the provisional OTS and the authorisations" 200 \
	'([.measures[].code] | index("voorlopige_ots")) != null and [.authorisations[].code] == ["uithuisplaatsing","gesloten"]' \
	-b almelo.jar "$U/api/v1/vocabulary"

# Issue 15 point 3: the GI records its own measure for a child it names by BSN, birth date and
# family name (a child new to the records also by given names and municipality), checked by kind
GI_BSN=999990019
VOTS_END=$(date -u -d "$TODAY +60 days" +%Y-%m-%d)
OTS_START=$(date -u -d "$TODAY -20 days" +%Y-%m-%d)
gi_call "a measure for a child new to the records needs its given names (422, named)" 422 \
	'.error.field == "given_names"' /api/v1/measures \
	"{\"bsn\":\"$GI_BSN\",\"birth_date\":\"2016-03-04\",\"family_name\":\"Kuipers\",\"kind\":\"voorlopige_ots\",\"court_date\":\"$TODAY\",\"reference\":\"C/08/9001 / JE RK 26-77\",\"start\":\"$TODAY\",\"end\":\"$VOTS_END\"}"
gi_call "a provisional OTS beyond three months is refused (422, end, art. 1:257 BW)" 422 \
	'.error.field == "end" and (.error.message | test("1:257 BW"))' /api/v1/measures \
	"{\"bsn\":\"$GI_BSN\",\"birth_date\":\"2016-03-04\",\"family_name\":\"Kuipers\",\"given_names\":\"Noor\",\"municipality\":\"0153\",\"kind\":\"voorlopige_ots\",\"court_date\":\"$TODAY\",\"reference\":\"C/08/9001 / JE RK 26-77\",\"start\":\"$TODAY\",\"end\":\"$(date -u -d "$TODAY +4 months" +%Y-%m-%d)\"}"
if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM measures WHERE reference = 'C/08/9001 / JE RK 26-77'")" -eq 0 ]; then
	ok "a refused measure leaves nothing behind"; else not_ok "a refused measure leaves nothing behind"; fi
gi_call "the GI records a provisional OTS of a child new to the records" 201 \
	".kind == \"voorlopige_ots\" and .reference == \"C/08/9001 / JE RK 26-77\" and .end == \"$VOTS_END\"" /api/v1/measures \
	"{\"bsn\":\"$GI_BSN\",\"birth_date\":\"2016-03-04\",\"family_name\":\"Kuipers\",\"given_names\":\"Noor\",\"municipality\":\"0153\",\"kind\":\"voorlopige_ots\",\"court_date\":\"$TODAY\",\"reference\":\"C/08/9001 / JE RK 26-77\",\"start\":\"$TODAY\",\"end\":\"$VOTS_END\"}"
GI_VOTS=$(jq .id body)
gi_call "a birth date that does not fit the BSN is refused, and says only that (422)" 422 \
	'.error.field == "birth_date" and (.error.message | test("past niet bij dit BSN"))' /api/v1/measures \
	"{\"bsn\":\"$GI_BSN\",\"birth_date\":\"2016-03-05\",\"family_name\":\"Kuipers\",\"kind\":\"ots\",\"court_date\":\"$OTS_START\",\"reference\":\"JE RK 26-78\",\"start\":\"$OTS_START\",\"end\":\"$VOTS_END\"}"
if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'measure.mismatch'")" -ge 1 ]; then
	ok "the mismatch is audited"; else not_ok "the mismatch is audited"; fi
gi_call "an OTS of more than a year is refused (422, end, art. 1:258 BW)" 422 \
	'.error.field == "end" and (.error.message | test("1:258 BW"))' /api/v1/measures \
	"{\"bsn\":\"$GI_BSN\",\"birth_date\":\"2016-03-04\",\"family_name\":\"Kuipers\",\"kind\":\"ots\",\"court_date\":\"$OTS_START\",\"reference\":\"JE RK 26-78\",\"start\":\"$OTS_START\",\"end\":\"$(date -u -d "$OTS_START +1 year +1 day" +%Y-%m-%d)\"}"
gi_call "a misspelt field is refused, not ignored (422)" 422 '.error.field == "einde"' /api/v1/measures \
	"{\"bsn\":\"$GI_BSN\",\"einde\":\"$VOTS_END\"}"
call "a consulent records no measure (403)" 403 '.error.code == "forbidden"' -b almelo.jar \
	-H "$JSON" -H "X-CSRF-Token: $CSRF" -d "{\"bsn\":\"$GI_BSN\"}" "$U/api/v1/measures"
call "the running measures: the new one, with its deadline (ending within three months)" 200 \
	"[.items[] | select(.id == $GI_VOTS)] | length == 1 and .[0].running and .[0].deadline.kind == \"measure_ending\" and .[0].deadline.due == \"$VOTS_END\"" \
	--cookie "jr_session=${GI_SESSION% *}" "$U/api/v1/measures?status=running&per_page=200"
call "the ended measures: not the new one, none running" 200 \
	"([.items[] | select(.id == $GI_VOTS)] | length == 0) and all(.items[]; .running == false)" \
	--cookie "jr_session=${GI_SESSION% *}" "$U/api/v1/measures?status=ended&per_page=200"
call "an unknown status is 422 and named" 422 '.error.field == "status"' \
	--cookie "jr_session=${GI_SESSION% *}" "$U/api/v1/measures?status=lopend"
gi_call "the judge extends the provisional OTS within its three months, with its reference" 201 \
	'.reference == "JE RK 26-79"' "/api/v1/measures/$GI_VOTS/extensions" \
	"{\"court_date\":\"$TODAY\",\"end\":\"$(date -u -d "$VOTS_END +10 days" +%Y-%m-%d)\",\"reference\":\"JE RK 26-79\"}"
call "one measure: its extensions kept, each with its previous end and reference" 200 \
	".reference == \"C/08/9001 / JE RK 26-77\" and (.extensions | length) == 1 and .extensions[0].previous_end == \"$VOTS_END\" and .extensions[0].reference == \"JE RK 26-79\"" \
	--cookie "jr_session=${GI_SESSION% *}" "$U/api/v1/measures/$GI_VOTS"
call "another GI's or an unknown measure is not read (404)" 404 '.error.code == "not_found"' \
	--cookie "jr_session=${GI_SESSION% *}" "$U/api/v1/measures/999999999"
if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action IN ('measure.add', 'measure.read')
	AND person_id = (SELECT child_id FROM measures WHERE id = $GI_VOTS)")" -ge 2 ]; then
	ok "recording and reading the measure are audited on the child"; else
	not_ok "recording and reading the measure are audited on the child"; fi

# 256 keep-alive connections at once, twenty requests each, none stalled or closed
LOAD=$(dirname "$BIN")/http_load
PORT=${U##*:}
if [ -x "$LOAD" ]; then
	if line=$("$LOAD" 127.0.0.1 "$PORT" 256 20 /healthz); then
		ok "${line#ok - }"
	else
		# what the database did meanwhile: the longest transaction, the time spent waiting
		not_ok "load: 256 keep-alive connections" "$line" \
			"$(curl -s "$M" | grep -E '^jeugdroute_store_(transaction_seconds_max|lock_wait)')"
	fi
else
	not_ok "load: $LOAD is missing (meson -Dtests=true)"
fi

# keep-alive: two requests on one connection
if curl -sv -o /dev/null -o /dev/null "$U/healthz" "$U/healthz" 2>&1 | grep -q 'Re-using existing connection'; then
	ok "keep-alive: the second request reuses the connection"
else
	not_ok "keep-alive: the second request reuses the connection"
fi

# Every route of the OpenAPI document answers, logged in and not, with a status it documents.
call "the OpenAPI document" 200 '.openapi == "3.1.0"' "$U/api/v1/openapi.json"
cp body openapi.json
DOC_CSRF=$(login doc.jar c.almelo almelo-wachtwoord)
undocumented=
for route in $(jq -r '.paths | to_entries[] | .key as $p | .value | keys[] | "\(.)@\($p)"' openapi.json |
	grep -v '^post@/api/v1/logout$'); do
	method=${route%%@*}
	path=$(echo "${route#*@}" | sed "s/{id}/$ALMELO_CHILD/g")
	for who in anonymous consulent; do
		set -- -X "$(echo "$method" | tr a-z A-Z)"
		[ "$method" = post ] && set -- "$@" -H "$JSON" -d '{}'
		[ "$who" = consulent ] && set -- "$@" -b doc.jar -H "X-CSRF-Token: $DOC_CSRF"
		got=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$U$path")
		if ! jq -e --arg p "${route#*@}" --arg m "$method" --arg s "$got" \
			'.paths[$p][$m].responses | has($s)' openapi.json >/dev/null; then
			undocumented="$undocumented $method $path ($who): $got;"
		fi
	done
done
if [ -z "$undocumented" ]; then
	ok "every route answers with a status its OpenAPI entry documents"
else
	not_ok "every route answers with a status its OpenAPI entry documents" "$undocumented"
fi

# Search (issue 14): POST with the criteria in the body, so that no BSN or name is in a URL.
search() { # search NAME STATUS JQ BODY: as the Almelo consulent
	call "$1" "$2" "$3" -b almelo.jar -X POST -H "$JSON" -H "X-CSRF-Token: $CSRF" -d "$4" \
		"$U/api/v1/persons/search"
}
ALMELO_NAME=$(sqlite3 s.db "SELECT family_name FROM persons WHERE id = $ALMELO_CHILD")
ALMELO_BIRTH=$(sqlite3 s.db "SELECT birth_date FROM persons WHERE id = $ALMELO_CHILD")
search "search: by BSN" 200 "[.results[].id] == [$ALMELO_CHILD] and .criteria == [\"bsn\"]" \
	"{\"bsn\":\"$ALMELO_BSN\"}"
search "search: by name in capitals and birth date, with age, municipality and open help requests" 200 \
	"(.results | map(select(.id == $ALMELO_CHILD)) | length) == 1 and all(.results[]; .birth_date == \"$ALMELO_BIRTH\" and (.age | type) == \"number\" and (.open_help_requests | type) == \"array\")" \
	"$(jq -cn --arg n "$(echo "$ALMELO_NAME" | tr '[:lower:]' '[:upper:]')" --arg b "$ALMELO_BIRTH" '{name: $n, birth_date: $b}')"
search "search: none given is 422" 422 '.error.code != null' '{}'
search "search: a misspelt field is refused, naming it" 422 '.error.field == "nam"' '{"nam":"de vries"}'
search "search: a bad birth date is 422 naming it" 422 '.error.field == "birth_date"' '{"birth_date":"01-02-2015"}'
call "search: without the CSRF token, refused" 403 - -b almelo.jar -X POST -H "$JSON" \
	-d "{\"bsn\":\"$ALMELO_BSN\"}" "$U/api/v1/persons/search"
call "search: the family's access log shows the search, without the BSN" 200 \
	"[.entries[] | select(.action == \"person.search\")] | length >= 1" \
	-b almelo.jar "$U/api/v1/persons/$ALMELO_CHILD/access-log"
if grep -q "$ALMELO_BSN" serve.out serve.err 2>/dev/null; then
	not_ok "search: the BSN searched for is in no server log"
else
	ok "search: the BSN searched for is in no server log"
fi

# --- issue 16: the Regiovisie monitor (targets, costs, waiting, capacity) ---
{
	MON_YEAR=$(date +%Y)
	call "monitor: targets for a policy maker, with the state of each" 200 \
		'.monitor == "targets" and .region == "twente" and .suppressed_below == 5 and (.tables[0].rows | length) > 0 and all(.tables[0].rows[]; [.state] | inside(["on_track", "off_track", "unknown"])) and all(.tables[0].rows[]; .numerator == null or .numerator < 1 or .numerator > 4)' \
		--cookie "jr_session=$BELEID" "$U/api/v1/monitor/targets?region=twente&year=$MON_YEAR"
	call "monitor: costs against the budgets" 200 \
		'(.tables | map(.name)) == ["costs_municipality", "costs_municipality_form", "costs_provider"] and .tables[0].rows[-1].municipality == "regio" and .tables[0].rows[-1].budget > 0' \
		--cookie "jr_session=$BELEID" "$U/api/v1/monitor/costs?region=twente&year=$MON_YEAR"
	call "monitor: the waiting list and twelve months of waits" 200 \
		'(.tables[1].rows | length) == 12 and all(.tables[0].rows[]; .waiting == null or .waiting > 4)' \
		--cookie "jr_session=$BELEID" "$U/api/v1/monitor/waiting?region=twente"
	call "monitor: capacity for a contract manager" 200 '.tables[0].name == "capacity"' \
		-b cm.jar "$U/api/v1/monitor/capacity?region=twente"
	call "monitor: as CSV" 200 - --cookie "jr_session=$BELEID" "$U/api/v1/monitor/capacity?region=twente&format=csv"
	if head -1 body | grep -q '^aanbieder;vorm;vorm van jeugdhulp;plaatsen;bezet;vrij;bezetting'; then
		ok "monitor: the CSV has Dutch column names"
	else
		not_ok "monitor: the CSV has Dutch column names" "$(head -2 body)"
	fi
	call "monitor: a bad year is named (422)" 422 '.error.field == "year"' \
		--cookie "jr_session=$BELEID" "$U/api/v1/monitor/targets?region=twente&year=20x6"
	call "monitor: waiting takes a date, not a year (422)" 422 '.error.field == "year"' \
		--cookie "jr_session=$BELEID" "$U/api/v1/monitor/waiting?region=twente&year=2026"
	call "monitor: an unknown region is named (422)" 422 '.error.field == "region"' \
		--cookie "jr_session=$BELEID" "$U/api/v1/monitor/costs?region=utrecht"
	call "monitor: a consulent gets no monitor (403)" 403 - -b almelo.jar "$U/api/v1/monitor/targets?region=twente"
	call "monitor: not without logging in (401)" 401 - "$U/api/v1/monitor/targets?region=twente"
	MON_ORG=$("$BIN" organisation add --db s.db --key s.key --kind regional_office --name "Regio Amersfoort monitor" \
		--municipality 0307 | jq .id)
	JEUGDROUTE_USER_PASSWORD=amf-beleid-wachtwoord "$BIN" user add --db s.db --key s.key \
		--username amfbeleid --role policy --organisation "$MON_ORG" >/dev/null
	AMF=$(login amf.jar amfbeleid amf-beleid-wachtwoord)
	call "monitor: a policy maker of Amersfoort gets Twente's monitor refused (403)" 403 '.error.field == "region"' \
		-b amf.jar "$U/api/v1/monitor/targets?region=twente"
	call "monitor: and without a region gets its own" 200 '.region == "amersfoort"' \
		-b amf.jar "$U/api/v1/monitor/costs?year=$MON_YEAR"
	MON_READS=$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action IN ('monitor.targets.read', 'monitor.costs.read', 'monitor.waiting.read', 'monitor.capacity.read')")
	if [ "${MON_READS:-0}" -ge 5 ]; then
		ok "monitor: every read is in the audit log"
	else
		not_ok "monitor: every read is in the audit log" "$MON_READS entries"
	fi
}

# --- issue 16: figures per region, period and grain (a series) ---
FIG_ORG=$("$BIN" organisation add --db s.db --key s.key --kind regional_office --name "Regiobureau Twente (cijfers)" \
	--municipality 0141 | jq '.id')
JEUGDROUTE_USER_PASSWORD=beleid-twente-wachtwoord "$BIN" user add --db s.db --key s.key \
	--username beleid-twente --role policy --organisation "$FIG_ORG" >/dev/null
login fig.jar beleid-twente beleid-twente-wachtwoord >/dev/null
call "the regional figures of a year for a policy maker of the region" 200 \
	'.period.from == "2026-01-01" and .period.to == "2026-12-31" and (.rows | length) == 15 and .rows[-1].name == "regio" and .suppressed_below == 5 and ([.rows[] | .help_requests | select(. != null and . > 0 and . < 5)] | length) == 0 and ([.rows[].municipality | select(. == "0307")] | length) == 0' \
	-b fig.jar "$U/api/v1/figures?from=2026-01-01&to=2026-12-31"
call "the figures as CSV (default: this calendar year)" 200 - -b fig.jar "$U/api/v1/figures?format=csv"
if head -1 body | grep -q '^gemeente;naam;cijfer;waarde' && grep -q '^;regio;help_requests;' body; then
	ok "the CSV has a header and the region's rows"
else
	not_ok "the CSV has a header and the region's rows" "$(head -3 body)"
fi
call "figures: a table of a period that is not one month, quarter or year is named (422), with what to choose" 422 \
	'.error.field == "from" and (.error.message | test("één maand, één kwartaal of één kalenderjaar"))' \
	-b fig.jar "$U/api/v1/figures?from=2025-11-24&to=2026-11-23"
call "figures: the table of a quarter is that quarter of the series (one pattern)" 200 '.period.from == "2026-04-01"' \
	-b fig.jar "$U/api/v1/figures?from=2026-04-01&to=2026-06-30"
jq -c '.rows' body >fig-table.json
curl -s -b fig.jar "$U/api/v1/figures?from=2026-01-01&to=2026-12-31&grain=kwartaal" | jq -c '.series[1].rows' >fig-series.json
if cmp -s fig-table.json fig-series.json; then
	ok "figures: the quarter's table and the series' quarter hide the same cells"
else
	not_ok "figures: the quarter's table and the series' quarter hide the same cells" "$(head -c 300 fig-table.json)"
fi
call "figures series: one region per quarter, only its municipalities and its total" 200 \
	'.region == "twente" and .grain == "kwartaal" and (.series | length) == 4 and .series[0].period == "2026-K1" and .series[0].from == "2026-01-01" and .series[-1].to == "2026-12-31" and ([.series[].rows[-1].name] | all(. == "regio")) and ([.series[].rows[].municipality | select(. == "0307")] | length) == 0 and ([.series[].rows[] | .help_requests | select(. != null and . > 0 and . < 5)] | length) == 0' \
	-b fig.jar "$U/api/v1/figures?region=twente&from=2026-01-01&to=2026-12-31&grain=kwartaal"
call "figures series: the user's own region when none is asked for; whole months" 200 '.region == "twente" and .grain == "maand" and (.series | length) == 2 and .from == "2026-01-01" and .to == "2026-02-28"' \
	-b fig.jar "$U/api/v1/figures?from=2026-01-15&to=2026-02-10&grain=maand"
call "figures series: as CSV with Dutch column names" 200 - -b fig.jar "$U/api/v1/figures?region=twente&from=2026-01-01&to=2026-06-30&grain=kwartaal&format=csv"
if head -1 body | grep -q '^gemeentecode;gemeente;periode;indicator;waarde' && grep -q '^;regio;2026-K2;help_requests;' body \
	&& ! grep -q '^0307;' body; then
	ok "figures series: the CSV has its header, the region's total, no other region"
else
	not_ok "figures series: the CSV has its header, the region's total, no other region" "$(head -3 body)"
fi
call "figures series: another region is 403" 403 - -b fig.jar "$U/api/v1/figures?region=amersfoort&grain=jaar"
call "figures series: an unknown region is named (422)" 422 '.error.field == "region"' -b fig.jar "$U/api/v1/figures?region=atlantis"
call "figures series: an unknown grain is named (422)" 422 '.error.field == "grain"' -b fig.jar "$U/api/v1/figures?region=twente&grain=week"
call "figures series: to before from is named (422)" 422 '.error.field == "from"' -b fig.jar "$U/api/v1/figures?region=twente&from=2026-05-01&to=2026-04-01"
call "figures series: a bad date is named (422)" 422 '.error.field == "to"' -b fig.jar "$U/api/v1/figures?grain=maand&to=2026-02-30"
call "figures series: a policy user of no region must name one and may see none" 422 '.error.field == "region"' \
	--cookie "jr_session=$BELEID" "$U/api/v1/figures?grain=jaar"
call "figures series: a consulent gets none (403)" 403 - -b almelo.jar "$U/api/v1/figures?region=twente&grain=jaar"

call "logout" 200 '.logged_out == true' -b almelo.jar -X POST -H "X-CSRF-Token: $CSRF" "$U/api/v1/logout"
call "after logout the session is gone" 401 - -b almelo.jar "$U/api/v1/me"
if "$BIN" audit verify --db s.db --key s.key >/dev/null 2>&1; then
	ok "the audit chain holds after all this"
else
	not_ok "the audit chain holds after all this"
fi

# --- issue 16: scenarios (POST /api/v1/scenarios) ---
{
	SC_CSRF=$(login scen.jar beleid beleid-wachtwoord)
	SCEN=$ROOT/examples/scenarios/twente-drempel-jeugdhulp-2.json
	jq -c '{policy: ., region: "twente", resamples: 200}' "$SCEN" >scen-body.json
	call "scenario: a lower threshold over the region's help requests, with the spread" 200 \
		'.region == "twente" and .outcomes == "ja" and .resamples == 200 and .population.read > 0 and (.forms | length) == 12 and (.municipalities | length) == 14 and (.total.youth_care.scenario == null or (.total.youth_care.scenario | .p5 <= .p95)) and ([.municipalities[].forms[].allocations.base | select(. != null and . > 0 and . < 5)] | length) == 0' \
		-b scen.jar -H "$JSON" -H "X-CSRF-Token: $SC_CSRF" --data-binary @scen-body.json "$U/api/v1/scenarios"
	cp body scen-first.json
	call "scenario: asked again" 200 - \
		-b scen.jar -H "$JSON" -H "X-CSRF-Token: $SC_CSRF" --data-binary @scen-body.json "$U/api/v1/scenarios"
	if cmp -s body scen-first.json; then
		ok "scenario: the same seed gives the same answer"
	else
		not_ok "scenario: the same seed gives the same answer" "$(head -c 300 body)"
	fi
	jq -c '{policy: (.thresholds.youth_care_min = 9), region: "twente"}' "$SCEN" >scen-bad.json
	call "scenario: a policy that fails the check is 422 naming the field" 422 \
		'.error.field == "policy.thresholds.youth_care_min"' \
		-b scen.jar -H "$JSON" -H "X-CSRF-Token: $SC_CSRF" --data-binary @scen-bad.json "$U/api/v1/scenarios"
	jq -c '{policy: ., region: "utrecht"}' "$SCEN" >scen-region.json
	call "scenario: an unknown region is 422 on region" 422 '.error.field == "region"' \
		-b scen.jar -H "$JSON" -H "X-CSRF-Token: $SC_CSRF" --data-binary @scen-region.json "$U/api/v1/scenarios"
	jq -c '{policy: ., region: "twente", resamples: 0}' "$SCEN" >scen-res.json
	call "scenario: resamples out of range is 422 on resamples" 422 '.error.field == "resamples"' \
		-b scen.jar -H "$JSON" -H "X-CSRF-Token: $SC_CSRF" --data-binary @scen-res.json "$U/api/v1/scenarios"
	SC_ALMELO=$(login scen-almelo.jar c.almelo almelo-wachtwoord)
	call "scenario: a consulent may not (403)" 403 '.error.code == "forbidden"' \
		-b scen-almelo.jar -H "$JSON" -H "X-CSRF-Token: $SC_ALMELO" --data-binary @scen-body.json "$U/api/v1/scenarios"
	call "scenario: without the CSRF token, refused" 403 - \
		-b scen.jar -H "$JSON" --data-binary @scen-body.json "$U/api/v1/scenarios"
	# a policy maker of Amersfoort's regional office: Twente is another region
	AMF_ORG=$("$BIN" organisation add --db s.db --key s.key --kind regional_office \
		--name "Regio Amersfoort beleid" --municipality 0307 | jq .id)
	JEUGDROUTE_USER_PASSWORD=amersfoort-wachtwoord "$BIN" user add --db s.db --key s.key \
		--username beleid.amf --role policy --organisation "$AMF_ORG" >/dev/null
	SC_AMF=$(login scen-amf.jar beleid.amf amersfoort-wachtwoord)
	call "scenario: another region than one's own is 403" 403 '.error.code == "forbidden"' \
		-b scen-amf.jar -H "$JSON" -H "X-CSRF-Token: $SC_AMF" --data-binary @scen-body.json "$U/api/v1/scenarios"
	if [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = 'scenario.read'")" -ge 2 ]; then
		ok "scenario: each run over the records is in the audit log (scenario.read)"
	else
		not_ok "scenario: each run over the records is in the audit log (scenario.read)"
	fi
}

kill -TERM "$SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=
if [ "$status" -eq 0 ] && grep -q 'stoppen (SIGTERM)' serve.err; then
	ok "SIGTERM stops the server cleanly"
else
	not_ok "SIGTERM stops the server cleanly" "exit $status" "$(cat serve.err)"
fi
tap_end
