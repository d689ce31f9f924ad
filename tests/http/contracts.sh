#!/bin/sh
# Black-box tests of the contract manager at work (issue 15 point 4): sh tests/http/contracts.sh BINARY
# Makes a small demo region with a contract manager's login (its providers' own claims
# included), makes one more accepted claim exist (tests/contracts/claim.sh: a JW323 through
# `jeugdroute ijw import`), starts the server and
# checks with curl and jq: a region must be one of the policies loaded (the field named, nothing
# written; the regions come from /api/v1/vocabulary), product codes only in the product regime
# and in the iJw format, a contract edited from the version read (409 when stale, the old one
# in the history, audited) and ended, tariffs per product code or result level, the budget
# ceiling with the claims of the year and the warnings at 80 % and 100 %, and the places per
# form with their occupancy. Prints TAP; exits 0 when everything passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-contracts-XXXXXX)
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
D="--db s.db --key s.key"
"$BIN" init $D >/dev/null || tap_bail "init"
"$BIN" demo $D --youth 300 --seed 1 --date 2026-11-23 --logins ja >/dev/null 2>&1 || tap_bail "demo"
claim=$(sh "$ROOT/tests/contracts/claim.sh" "$BIN" s.db s.key claims 2>claim.err) ||
	tap_bail "an accepted claim" "$(cat claim.err)"
P=${claim% *}
# the year of that claim, and what the provider's accepted claims of that year came to (the demo's
# own claims too): what the budget ceiling counts
YEAR=$(sqlite3 s.db "SELECT substr(period_start, 1, 4) FROM claim_lines WHERE provider_id = $P
	AND status = 'accepted' ORDER BY claim_id DESC LIMIT 1")
CLAIMED=$(sqlite3 s.db "SELECT SUM(CASE WHEN debit = 1 THEN amount_cents ELSE -amount_cents END)
	FROM claim_lines WHERE provider_id = $P AND status = 'accepted' AND substr(period_start, 1, 4) = '$YEAR'")
q() { sqlite3 s.db "$1"; }

"$BIN" serve $D --listen 127.0.0.1:0 --threads 2 --ready-file ready >serve.out 2>serve.err &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
[ -s ready ] || tap_bail "the server did not start" "$(cat serve.err)"
U=$(cat ready)
JSON='Content-Type: application/json'

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
login() { # login JAR USER PASSWORD: the CSRF token on stdout
	curl -s -c "$1" -H "$JSON" -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$U/api/v1/login" |
		jq -r .csrf
}
CM=$(login cm.jar contractbeheer "$JEUGDROUTE_DEMO_PASSWORD")
CONS=$(login cons.jar consulent "$JEUGDROUTE_DEMO_PASSWORD")
# m NAME STATUS JQ METHOD PATH [BODY]: as the contract manager
m() {
	if [ $# -ge 6 ]; then
		call "$1" "$2" "$3" -X "$4" -b cm.jar -H "X-CSRF-Token: $CM" -H "$JSON" -d "$6" "$U$5"
	else
		call "$1" "$2" "$3" -X "$4" -b cm.jar -H "X-CSRF-Token: $CM" "$U$5"
	fi
}
audited() { q "SELECT COUNT(*) FROM audit_log WHERE action = '$1'"; }
contracts() { q "SELECT COUNT(*) FROM contracts"; }

# --- 1. the region: one of the policies loaded ---
m "the regions to choose from come from the API (the policies loaded)" 200 \
	'[.regions[].code] | index("twente") != null and index("amersfoort") != null' GET /api/v1/vocabulary
before=$(contracts)
m "a region typed in another case is refused, naming the field" 422 \
	'.error.field == "region" and (.error.message | test("twente"))' \
	POST "/api/v1/providers/$P/contracts" '{"region":"Twente","forms":[5],"start":"2027-01-01"}'
m "an unknown region is refused, naming the field" 422 '.error.field == "region"' \
	POST "/api/v1/providers/$P/contracts" '{"region":"drenthe","forms":[5],"start":"2027-01-01"}'
tap_check "... and nothing was written" [ "$(contracts)" = "$before" ]

# --- 2. product codes: only in the product regime, in the iJw format ---
m "product codes where no municipality buys products (Enschede, result regime): 422" 422 \
	'.error.field == "product_codes" and (.error.message | test("productgericht"))' \
	POST "/api/v1/providers/$P/contracts" '{"region":"twente","municipality":"0153","forms":[3],"start":"2027-01-01","product_codes":"45A03"}'
m "a product code longer than the iJw's 5 characters: 422" 422 '.error.field == "product_codes"' \
	POST "/api/v1/providers/$P/contracts" '{"region":"twente","municipality":"0141","forms":[3],"start":"2027-01-01","product_codes":"45A0301"}'
m "a contract for Almelo (product regime) with its product codes" 201 \
	'.region == "twente" and .municipality == "0141" and .product_codes == "45A03,45A04" and .version == 1 and .end == null' \
	POST "/api/v1/providers/$P/contracts" '{"region":"twente","municipality":"0141","forms":[3,4],"start":"2027-01-01","product_codes":"45A03,45A04"}'
C=$(jq .id body)

# --- 3. edited from the version read, and ended ---
m "an edit: another product code and a tariff" 200 \
	'.version == 2 and .product_codes == "45A03,45A04,45A05" and .tariff == "81.25"' \
	POST "/api/v1/contracts/$C/edit" '{"version":1,"product_codes":"45A03,45A04,45A05","tariff_cents":8125,"unit":"uur"}'
m "an edit from a stale version: 409, field version" 409 '.error.field == "version"' \
	POST "/api/v1/contracts/$C/edit" '{"version":1,"forms":[3]}'
m "an edit with an end before the start: 422, field end" 422 '.error.field == "end"' \
	POST "/api/v1/contracts/$C/edit" '{"version":2,"end":"2026-12-31"}'
tap_check "the earlier version is kept in the history" \
	[ "$(q "SELECT COUNT(*) FROM record_history WHERE record_table = 'contracts' AND record_id = $C")" = 1 ]
tap_check "the edit is audited" [ "$(audited contract.edit)" -ge 1 ]
m "the contract as it is now" 200 ".id == $C and .version == 2" GET "/api/v1/contracts/$C"
m "ending it" 200 '.end == "2027-06-30" and .version == 3' \
	POST "/api/v1/contracts/$C/end" '{"version":2,"end":"2027-06-30"}'
tap_check "the end is audited" [ "$(audited contract.end)" -ge 1 ]
m "ending it later than its end: 422" 422 '.error.field == "end"' \
	POST "/api/v1/contracts/$C/end" '{"version":3,"end":"2027-12-31"}'
m "an unknown contract: 404" 404 - GET /api/v1/contracts/999999

# --- 4. tariffs per product code or result level ---
m "a tariff for a product code of the contract" 201 \
	'.product_code == "45A04" and .level == null and .amount == "95.00" and .amount_cents == 9500 and .unit == "uur" and .valid_to == null' \
	POST "/api/v1/contracts/$C/tariffs" '{"product_code":"45A04","amount_cents":9500,"unit":"uur","valid_from":"2027-01-01"}'
m "a tariff for a product code the contract does not list: 422" 422 '.error.field == "product_code"' \
	POST "/api/v1/contracts/$C/tariffs" '{"product_code":"45A09","amount_cents":9500,"unit":"uur","valid_from":"2027-01-01"}'
m "a result level where Almelo buys products: 422" 422 '.error.field == "level"' \
	POST "/api/v1/contracts/$C/tariffs" '{"level":2,"amount_cents":9500,"unit":"uur","valid_from":"2027-01-01"}'
m "a tariff in a unit outside the iJw list: 422" 422 '.error.field == "unit"' \
	POST "/api/v1/contracts/$C/tariffs" '{"product_code":"45A04","amount_cents":9500,"unit":"week","valid_from":"2027-01-01"}'
m "a tariff after the contract's end: 422" 422 '.error.field == "valid_from"' \
	POST "/api/v1/contracts/$C/tariffs" '{"product_code":"45A04","amount_cents":9500,"unit":"uur","valid_from":"2027-08-01"}'
E=$(q "SELECT id FROM contracts WHERE municipality = '0153' AND provider_id = $P LIMIT 1")
m "a result level (OB3) in Enschede's result regime" 201 '.level == 3 and .product_code == null' \
	POST "/api/v1/contracts/$E/tariffs" '{"level":3,"amount_cents":120000,"unit":"stuks","valid_from":"2026-01-01","valid_to":"2026-12-31"}'
m "the tariffs of the contract" 200 '.count == 1 and .items[0].product_code == "45A04"' GET "/api/v1/contracts/$C/tariffs"

# --- 5. the budget ceiling and the claims of the year ---
m "no ceiling yet: what was claimed, no warning" 200 \
	".ceiling == null and .claimed_cents == $CLAIMED and .level == \"none\" and .warning == null and .version == 0" \
	GET "/api/v1/providers/$P/budget?year=$YEAR"
# a ceiling of which the claim is 50 %, then 80 %, then 100 %
m "a ceiling twice the claims: under 80 %, no warning" 200 \
	'.percent == 50 and .level == "under" and .warning == null and .version == 1' \
	POST "/api/v1/providers/$P/budget" "{\"year\":$YEAR,\"ceiling_cents\":$((CLAIMED * 2)),\"version\":0}"
m "a ceiling of which the claims are 80 %: the warning" 200 \
	'.percent == 80 and .level == "near" and (.warning | test("80 %")) and .version == 2' \
	POST "/api/v1/providers/$P/budget" "{\"year\":$YEAR,\"ceiling_cents\":$((CLAIMED * 5 / 4)),\"version\":1}"
m "a ceiling the claims reach: the ceiling is reached" 200 \
	'.percent == 100 and .level == "reached" and (.warning | test("bereikt")) and .left == "0.00"' \
	POST "/api/v1/providers/$P/budget" "{\"year\":$YEAR,\"ceiling_cents\":$CLAIMED,\"version\":2}"
m "a ceiling from a stale version: 409" 409 '.error.field == "version"' \
	POST "/api/v1/providers/$P/budget" "{\"year\":$YEAR,\"ceiling_cents\":$CLAIMED,\"version\":1}"
m "a ceiling of 0: 422, field ceiling_cents" 422 '.error.field == "ceiling_cents"' \
	POST "/api/v1/providers/$P/budget" "{\"year\":$YEAR,\"ceiling_cents\":0,\"version\":3}"
m "another year has no claims" 200 '.claimed_cents == 0 and .ceiling == null' \
	GET "/api/v1/providers/$P/budget?year=2019"
m "a year that is not one: 422" 422 '.error.field == "year"' GET "/api/v1/providers/$P/budget?year=twee"
tap_check "the ceilings are audited" [ "$(audited provider.budget)" = 3 ]
call "a consulent reads the budget (it may read providers)" 200 ".provider_id == $P" -b cons.jar "$U/api/v1/providers/$P/budget?year=$YEAR"
call "... but may not set it (403)" 403 - -X POST -b cons.jar -H "X-CSRF-Token: $CONS" -H "$JSON" \
	-d "{\"year\":$YEAR,\"ceiling_cents\":1}" "$U/api/v1/providers/$P/budget"

# --- 6. places per form and their occupancy ---
RUNNING=$(q "SELECT COUNT(*) FROM allocations a WHERE a.provider_id = $P AND a.form = 3
	AND a.start_date <= date('now') AND (a.end_date IS NULL OR a.end_date >= date('now'))
	AND NOT (EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id AND d.stopped_on IS NOT NULL
	AND d.stopped_on <= date('now')) AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id
	AND d.stopped_on IS NULL))")
m "places for form 3" 200 \
	"[.items[] | select(.form == 3)] | length == 1 and .[0].places == 40 and .[0].occupied == $RUNNING and .[0].free == (40 - $RUNNING)" \
	POST "/api/v1/providers/$P/capacity" '{"form":3,"places":40}'
m "places for a form outside 1-10: 422" 422 '.error.field == "form"' \
	POST "/api/v1/providers/$P/capacity" '{"form":11,"places":4}'
m "negative places: 422" 422 '.error.field == "places"' \
	POST "/api/v1/providers/$P/capacity" '{"form":3,"places":-1}'
m "the capacity as it is" 200 '[.items[] | select(.form == 3) | .places] == [40]' GET "/api/v1/providers/$P/capacity"
tap_check "the places are audited" [ "$(audited provider.capacity)" = 1 ]
m "an unknown provider's capacity: 404" 404 - GET /api/v1/providers/999999/capacity
tap_check "nothing of a person in the audit entries of contract management" \
	[ "$(q "SELECT COUNT(*) FROM audit_log WHERE action IN ('contract.edit','contract.end','contract.tariff','provider.budget','provider.capacity') AND person_id IS NOT NULL AND person_id <> 0")" = 0 ]
tap_end
