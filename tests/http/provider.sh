#!/bin/sh
# The provider at work (issue 15 point 2) against the real server: sh tests/http/provider.sh BINARY
#
# Makes a demo region in a temporary directory with its provider login ("aanbieder") and a second
# provider with a login of its own, starts the server, and checks: the work list (groups that
# hold every allocation once, counts that agree with the pages, the policy's terms, filters and
# their refusals, only one's own allocations, every child listed audited), the stop that takes
# no outcome for granted (each outcome field named when missing, nothing half-written), the
# claim entered in the browser (prefilled from the allocation, checked as a JW323 file is,
# answered with the JW325, a second claim of the same period refused by its line), and the JW301
# downloads named by allocation and child, names that never reach the server's log.
# Prints TAP; exits 0 when all passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-provider-XXXXXX)
SERVER_PID=
cleanup() {
	# the server signs its last audit checkpoint as it stops: wait for it before removing
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1
q() { sqlite3 s.db "$1"; }
JR() { "$BIN" "$@" --db s.db --key s.key; }

export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
export JEUGDROUTE_DEMO_PASSWORD=demo-wachtwoord-1
JR init >/dev/null || tap_bail "init"
JR demo --youth 300 --seed 1 --date 2026-11-23 --logins ja >/dev/null 2>&1 || tap_bail "demo"
P=$(q "SELECT p.id FROM providers p JOIN organisations o ON o.agb = p.agb
	JOIN users u ON u.organisation_id = o.id WHERE u.username = 'aanbieder'")
[ -n "$P" ] || tap_bail "the demo has no provider login"
# a running allocation of P in the result regime to claim on, in the month P claims next for its
# municipality (TR318: the month after its last claim there, as the demo's own claims left it;
# with none, last month), that started before that month ($LAST_MONTH: the month claimed)
PREVIOUS=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m-01)
row=$(q "SELECT id, substr(next, 1, 7) FROM (SELECT a.id, a.start_date, a.end_date,
	COALESCE((SELECT date(MAX(c.period_end), '+1 day') FROM claims c JOIN ijw_messages m ON m.id = c.message_id
	WHERE c.provider_id = a.provider_id AND m.receiver = h.municipality), '$PREVIOUS') AS next
	FROM allocations a JOIN help_requests h ON h.id = a.help_request_id
	WHERE a.provider_id = $P AND a.regime = 'result' AND a.intensity IS NOT NULL
	AND EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id AND d.stopped_on IS NULL))
	WHERE start_date < next AND next <= '$PREVIOUS' AND (end_date IS NULL OR end_date >= date(next, '+27 days'))
	ORDER BY id LIMIT 1")
AL=${row%|*}
LAST_MONTH=${row#*|}
[ -n "$row" ] || tap_bail "the demo's provider has no running result allocation to claim on"
AL_MUNI=$(q "SELECT h.municipality FROM allocations a JOIN help_requests h ON h.id = a.help_request_id WHERE a.id = $AL")
AL_CODE=$(q "SELECT substr(jz020, 1, 2) || 'OB' || intensity FROM allocations WHERE id = $AL")
# the contract's tariff for that result (TR418 and CD087 ask for one)
JR contract add --provider "$P" --region twente --municipality "$AL_MUNI" --forms 1,2,3,4 \
	--start 2024-01-01 --tariff 12.50 --product-codes "$AL_CODE" >/dev/null || tap_bail "a contract with a tariff"
# a second provider with a login, and one allocation of its own
Q=$(q "SELECT a.provider_id FROM allocations a WHERE a.provider_id <> $P ORDER BY a.id LIMIT 1")
Q_AL=$(q "SELECT id FROM allocations WHERE provider_id = $Q ORDER BY id LIMIT 1")
Q_ORG=$(JR organisation add --kind provider --name "Tweede aanbieder" --agb "$(q "SELECT agb FROM providers WHERE id = $Q")" | jq .id)
JEUGDROUTE_USER_PASSWORD=tweede-wachtwoord JR user add --username tweede --role provider --organisation "$Q_ORG" >/dev/null ||
	tap_bail "the second provider's login"

# the binary itself, not the JR function: a function in the background is a subshell, and
# killing that would leave the server running after the test
"$BIN" serve --db s.db --key s.key --listen 127.0.0.1:0 --threads 2 --ready-file ready \
	>serve.out 2>serve.err &
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
P_CSRF=$(login p.jar aanbieder "$JEUGDROUTE_DEMO_PASSWORD")
Q_CSRF=$(login q.jar tweede tweede-wachtwoord)
C_CSRF=$(login c.jar consulent "$JEUGDROUTE_DEMO_PASSWORD")
[ -n "$P_CSRF" ] && [ "$P_CSRF" != null ] && [ -n "$Q_CSRF" ] && [ -n "$C_CSRF" ] || tap_bail "a login failed"
WL="$U/api/v1/allocations/worklist"

# --- the work list ---
MINE=$(q "SELECT COUNT(*) FROM allocations WHERE provider_id = $P")
call "the work list counts every allocation of the provider, and no other" 200 \
	".counts.all == $MINE and .total == $MINE and (.counts | .new + .not_started + .running + .ending + .ended) == $MINE" \
	-b p.jar "$WL?per_page=200"
ALL_IDS=$(jq -c '[.items[].id] | sort' body)
OWN_IDS=$(q "SELECT id FROM allocations WHERE provider_id = $P ORDER BY id" | jq -s -c .)
tap_check "the list holds exactly the provider's own allocations" [ "$ALL_IDS" = "$OWN_IDS" ]
call "the terms are the policy's (norms.start_within_days, norms.ending_within_days)" 200 \
	'.terms.start_within_days == 28 and .terms.ending_within_days == 42' -b p.jar "$WL?per_page=1"
call "each row: the child, the period, the extent, the group and the consulent to contact" 200 \
	'[.items[] | (.child.given_names | length > 0) and (.child.birth_date | test("^[0-9-]{10}$"))
	 and (.start | test("^[0-9-]{10}$")) and has("end") and has("volume") and has("result")
	 and (.contact.municipality_name | length > 0) and has("group")] | all' -b p.jar "$WL?per_page=200"
for g in new not_started running ending ended; do
	want=$(jq ".counts.$g" body)
	call "the group $g pages exactly the allocations its count says, all of that group" 200 \
		".total == $want and .count == ([.items[] | select(.group == \"$g\")] | length)" \
		-b p.jar "$WL?group=$g&per_page=200"
done
# the groups against the records: the running ones have a delivery without a stop
RUNNING_DB=$(q "SELECT COUNT(*) FROM allocations a WHERE a.provider_id = $P AND EXISTS
	(SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id AND d.stopped_on IS NULL)")
call "running and ending together are the allocations whose care runs" 200 \
	"(.counts.running + .counts.ending) == $RUNNING_DB" -b p.jar "$WL?per_page=1"
FIRST2=$(curl -s -b p.jar "$WL?per_page=2" | jq -c '[.items[].id]')
SECOND=$(curl -s -b p.jar "$WL?per_page=1&page=2" | jq -c '.items[0].id')
tap_check "page 2 of pages of 1 is the second of a page of 2" [ "$(echo "$FIRST2" | jq '.[1]')" = "$SECOND" ]
FORM=$(q "SELECT form FROM allocations WHERE id = $AL")
FORM_N=$(q "SELECT COUNT(*) FROM allocations WHERE provider_id = $P AND form = $FORM")
call "the filter by form" 200 ".counts.all == $FORM_N and ([.items[].form] | all(. == $FORM))" \
	-b p.jar "$WL?form=$FORM&per_page=200"
call "an unknown group is refused, naming it" 422 '.error.field == "group"' -b p.jar "$WL?group=soon"
call "a form out of range is refused, naming it" 422 '.error.field == "form"' -b p.jar "$WL?form=11"
call "a consulent has no provider work list (403)" 403 - -b c.jar "$WL"
call "not logged in: 401" 401 - "$WL"
call "the second provider sees only its own" 200 \
	"[.items[].id] | index($AL) == null and index($Q_AL) != null" -b q.jar "$WL?per_page=200"
BEFORE=$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'allocation.list'")
curl -s -o /dev/null -b p.jar "$WL?per_page=3"
AFTER=$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'allocation.list'")
tap_check "every child on the page is audited (allocation.list)" [ "$((AFTER - BEFORE))" = 3 ]

# --- the stop takes no outcome for granted ---
STOP="$U/api/v1/allocations/$AL/stop"
full='"goals_reached":"partly","continues_without_help":false,"satisfaction":7,"end_reason":"31"'
for f in goals_reached continues_without_help satisfaction end_reason; do
	body=$(echo "{$full}" | jq -c "del(.$f)")
	call "a stop without $f is refused, naming it" 422 ".error.field == \"$f\"" \
		-b p.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" -d "$body" "$STOP"
done
tap_check "after the refused stops the care still runs: nothing half-written" \
	[ "$(q "SELECT COUNT(*) FROM deliveries WHERE allocation_id = $AL AND stopped_on IS NULL")" = 1 ]

# --- a claim entered in the browser ---
CF="$U/api/v1/allocations/$AL/claim"
call "the claim form is prefilled from the allocation: the product, the month, the units, the tariff" 200 \
	".month == \"$LAST_MONTH\" and .product.code == \"$AL_CODE\" and .line.start == \"$LAST_MONTH-01\"
	 and (.line.end | startswith(\"$LAST_MONTH-\")) and .line.units == 1 and .unit_code == \"82\" and .tariff_cents == 1250" \
	-b p.jar "$CF?month=$LAST_MONTH"
call "a month that is not one is refused, naming it" 422 '.error.field == "month"' -b p.jar "$CF?month=2026-13"
call "a month outside the allocation is refused, naming it" 422 '.error.field == "month"' -b p.jar "$CF?month=1990-01"
call "another provider's allocation: 404" 404 - -b q.jar "$CF?month=$LAST_MONTH"
call "a consulent may not claim (403)" 403 - -b c.jar "$CF?month=$LAST_MONTH"
LINE=$(curl -s -b p.jar "$CF?month=$LAST_MONTH" | jq -c '{start: .line.start, end: .line.end, units: .line.units}')
CLAIMS="$U/api/v1/allocations/$AL/claims"
call "the claim is taken in as a JW323 and answered with the JW325: accepted" 200 \
	'.bericht == "JW323" and .accepted == true and .lines == 1 and .lines_rejected == 0 and .answer.bericht == "JW325"
	 and (.answer.xml | test("jw325"))' \
	-b p.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" -d "{\"month\":\"$LAST_MONTH\",\"lines\":[$LINE]}" "$CLAIMS"
call "the same period claimed again: refused by the JW323 rules (TR318, the period is claimed already)" 200 \
	'.accepted == false and .lines_rejected == 1 and ([.problems[] | select(.rule == "TR318" or .rule == "TR389")] | length) >= 1
	 and .answer.bericht == "JW325"' \
	-b p.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" -d "{\"month\":\"$LAST_MONTH\",\"lines\":[$LINE]}" "$CLAIMS"
call "a line outside the month is refused, naming it" 422 '.error.field == "lines[0]"' \
	-b p.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" \
	-d "{\"month\":\"$LAST_MONTH\",\"lines\":[{\"start\":\"1990-01-01\",\"end\":\"1990-01-31\",\"units\":1}]}" "$CLAIMS"
call "a line without units is refused, naming it" 422 '.error.field == "units"' \
	-b p.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" \
	-d "{\"month\":\"$LAST_MONTH\",\"lines\":[{\"start\":\"$LAST_MONTH-01\",\"end\":\"$LAST_MONTH-02\"}]}" "$CLAIMS"
call "a claim without lines is refused" 422 '.error.field == "lines"' \
	-b p.jar -H "$JSON" -H "X-CSRF-Token: $P_CSRF" -d "{\"month\":\"$LAST_MONTH\",\"lines\":[]}" "$CLAIMS"
call "another provider cannot claim on it (404)" 404 - \
	-b q.jar -H "$JSON" -H "X-CSRF-Token: $Q_CSRF" -d "{\"month\":\"$LAST_MONTH\",\"lines\":[$LINE]}" "$CLAIMS"

# --- JW301 downloads named by allocation and child ---
call "the JW301 downloads are named by allocation and the child's initials" 200 \
	'.count > 0 and ([.items[].name | test("^JW301-[0-9]+(-[A-Z]+)?\\.xml$")] | all)' \
	-b p.jar "$U/api/v1/ijw/allocations?since=2020-01-01"
NAMES=$(jq -r '.items[].name' body)
leak=
for n in $NAMES; do
	grep -q -- "$n" serve.out serve.err && leak="$leak $n"
done
tap_check "no download name is in the server's log" [ -z "$leak" ]

if JR audit verify >/dev/null 2>&1; then ok "the audit chain holds after all this"; else not_ok "the audit chain holds after all this"; fi
tap_end
