#!/bin/sh
# The role matrix of DESIGN.md §4 against the real server: sh tests/http/matrix.sh BINARY
#
# Makes a demo region in a temporary directory and, in it, two children with a course: A in
# Almelo (0141) — a help request with its analysis, an allocation by the municipality to provider
# P, a measure with GI G — and B in Hengelo (0164), with the same to provider Q and no measure.
# Then every role (not logged in, consulent of Almelo, verwijzer, gi, provider, contract manager,
# policy, admin) calls every endpoint of the API on A's records (its own: the consulent's
# municipality, the GI's measure, the provider's allocation) and on B's (another municipality's,
# linked to none of them). Each row of the table below is one test; a cell is
#   L  401 (log in first)             A  allowed: not 401, 403 or 404 (a bad body is then 422)
#   F  403 (the role may not)         N  404 with the very body an unknown id gets (no oracle)
#   *  anything but a server error (public endpoints)
# Every answer must be one its OpenAPI entry documents, and every documented endpoint must be in
# the table. After the table, the scenarios of issue 11, each a regression test of a finding: a
# child that moved (finding 4), a GI and the municipality's decisions (finding 4), the BSN and id
# oracles with their audit entries (finding 9), a provider's JW315 (finding 3), a help request on
# another family's household, and a GP after referring. Prints TAP; exits 0 when all passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-matrix-XXXXXX)
SERVER_PID=
cleanup() {
	# the server signs its last audit checkpoint as it stops: wait for it before removing
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1
die() { tap_bail "$1" "$(cat cli.err 2>/dev/null)"; }
J() { "$BIN" "$@" --db s.db --key s.key 2>cli.err; }
q() { sqlite3 s.db "$1"; }

# --- the region ---
export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
J init >/dev/null || die "init"
J demo --youth 300 --seed 1 --date 2026-11-23 >/dev/null || die "demo"
TODAY=$(date -u +%Y-%m-%d)
team() { J organisation list --kind local_team --municipality "$1" | jq -s '.[0].id'; }
user() { # user NAME ROLE [ORGANISATION]
	JEUGDROUTE_USER_PASSWORD="$1-wachtwoord" J user add --username "$1" --role "$2" \
		${3:+--organisation "$3"} >/dev/null || die "user $1"
}
# provider P (Almelo, form 2, product regime) and Q (Hengelo, form 2, another provider)
P=$(q "SELECT c.provider_id FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE c.municipality = '0141' AND c.forms LIKE '%,2,%' AND p.status = 'active' ORDER BY 1 LIMIT 1")
P_AGB=$(q "SELECT agb FROM providers WHERE id = $P")
PRODUCT=$(q "SELECT product_codes FROM contracts WHERE provider_id = $P AND municipality = '0141' LIMIT 1" | cut -d, -f1)
# a contract of P (issue 15 point 4: the contract manager's edits, ends and tariffs)
CT=$(q "SELECT id FROM contracts WHERE provider_id = $P ORDER BY id LIMIT 1")
Q=$(q "SELECT c.provider_id FROM contracts c JOIN providers p ON p.id = c.provider_id
	WHERE (c.municipality = '0164' OR c.municipality = '') AND c.forms LIKE '%,2,%'
	AND p.status = 'active' AND p.id <> $P ORDER BY 1 LIMIT 1")
P_ORG=$(J organisation add --kind provider --name "Zorgaanbieder $P_AGB" --agb "$P_AGB" | jq .id)
GP_ORG=$(J organisation list --kind gp_practice --municipality 0141 | jq -s '.[0].id')
GP_AGB=$(q "SELECT agb FROM organisations WHERE id = $GP_ORG")
G=$(q "SELECT id FROM organisations WHERE kind = 'gi' ORDER BY id LIMIT 1")
[ -n "$P" ] && [ -n "$Q" ] && [ -n "$PRODUCT" ] && [ -n "$G" ] || die "no provider, product or GI in the demo"
user c.almelo consulent "$(team 0141)"
user c.hengelo consulent "$(team 0164)"
user huisarts verwijzer "$GP_ORG"
user gi.werker gi "$G"
user aanbieder provider "$P_ORG"
user contract contract_manager
user beleid policy
user doel consulent "$(team 0141)" # the user the administrator's rows act on
V=$(q "SELECT id FROM users WHERE username = 'doel'")
TOK=$(J user token-add "$V" --name matrix | jq .id) || die "token-add"
# an organisation nobody works for, that the administrator's rows read, edit and deactivate
ORG=$(J organisation add --kind expert_team --name "Expertteam matrix" | jq .id) || die "organisation"

# A child of `municipality` in a household of its own municipality, with no course yet.
fresh_child() {
	q "SELECT p.id FROM persons p JOIN household_members m ON m.person_id = p.id AND m.role = 'child'
		JOIN households hh ON hh.id = m.household_id AND hh.municipality = p.municipality
		WHERE p.municipality = '$1' AND NOT EXISTS (SELECT 1 FROM help_requests h WHERE h.child_id = p.id)
		AND NOT EXISTS (SELECT 1 FROM measures x WHERE x.child_id = p.id) ORDER BY p.id LIMIT 1 OFFSET $2"
}
household_of() { q "SELECT household_id FROM household_members WHERE person_id = $1 LIMIT 1"; }
# help request, analysis (needed under a measure), allocation by the municipality
course() { # course CHILD HOUSEHOLD: "HELP_REQUEST"
	hr=$(J help-request add --child "$1" --household "$2" --raised-by school \
		--question "Gaat niet meer naar school." | jq .id) || die "help-request add"
	J help-request analysis "$hr" --needs behaviour=3,school=3 --explanation "Verzuim." \
		--participants "gezin, school" >/dev/null || die "analysis"
	echo "$hr"
}
A=$(fresh_child 0141 0)
HH_A=$(household_of "$A")
HR_A=$(course "$A" "$HH_A")
J care measure "$A" --kind ots --court-date 2026-06-01 --start 2026-06-01 --end 2027-05-31 --gi "$G" >/dev/null || die "measure"
M_A=$(q "SELECT id FROM measures WHERE child_id = $A")
# a measure of another GI, on a child of its own: out of G's reach
G_X=$(q "SELECT id FROM organisations WHERE kind = 'gi' AND id <> $G ORDER BY id LIMIT 1")
X=$(fresh_child 0153 0)
M_X=$(J care measure "$X" --kind ots --court-date 2026-06-01 --start 2026-06-01 --end 2027-05-31 \
	--gi "$G_X" | jq .id) || die "measure of another GI"
[ -n "$M_A" ] && [ -n "$M_X" ] || die "no measures to try"
AL_A=$(J care allocate "$HR_A" --provider "$P" --form 2 --municipal-decision ja --start 2026-12-01 \
	--product-code "$PRODUCT" --volume 2 --unit uur --frequency "per week" | jq .id) || die "allocate A"
B=$(fresh_child 0164 0)
HH_B=$(household_of "$B")
HR_B=$(course "$B" "$HH_B")
AL_B=$(J care allocate "$HR_B" --provider "$Q" --form 2 --municipal-decision ja --start 2026-12-01 \
	--result "Weer naar school." --intensity OB2 | jq .id) || die "allocate B"
# issue 15 point 1: a referral on each help request, for the local team's answer
REF_A=$(J care referral "$HR_A" --type 01 --name "Lokaal team" --form 2 | jq .id) || die "referral A"
REF_B=$(J care referral "$HR_B" --type 01 --name "Lokaal team" --form 2 | jq .id) || die "referral B"
BSN_A=$(J person show "$A" | jq -r .bsn)
BSN_B=$(J person show "$B" | jq -r .bsn)
UNKNOWN=999999999
UNKNOWN_BSN=123456782 # valid (elfproef), in no record
J person find --bsn "$UNKNOWN_BSN" >/dev/null 2>&1 && die "the unknown BSN is known"

"$BIN" serve --db s.db --key s.key --listen 127.0.0.1:0 --threads 2 --ready-file ready \
	>serve.out 2>serve.err &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
[ -s ready ] || tap_bail "the server did not start" "$(cat serve.err)"
U=$(cat ready)
JSON='Content-Type: application/json'

ROLES="anon consulent verwijzer gi provider contract_manager policy admin"
login_as() { # login_as ROLE USER PASSWORD: the jar m-ROLE and the CSRF token in m-ROLE.csrf
	curl -s -c "m-$1" -H "$JSON" -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$U/api/v1/login" |
		jq -r .csrf >"m-$1.csrf"
	[ -s "m-$1.csrf" ] && [ "$(cat "m-$1.csrf")" != null ] || die "login $2"
}
login_as consulent c.almelo c.almelo-wachtwoord
login_as verwijzer huisarts huisarts-wachtwoord
login_as gi gi.werker gi.werker-wachtwoord
login_as provider aanbieder aanbieder-wachtwoord
login_as contract_manager contract contract-wachtwoord
login_as policy beleid beleid-wachtwoord
login_as admin admin "$JEUGDROUTE_ADMIN_PASSWORD"
login_as hengelo c.hengelo c.hengelo-wachtwoord
for role in $ROLES hengelo; do
	[ "$role" = anon ] || eval "csrf_$role=$(cat "m-$role.csrf")"
done

# req ROLE METHOD PATH [BODY]: the status on stdout, the body in ./body
req() {
	role=$1 method=$2 path=$3 data=${4:-}
	[ -n "$data" ] || data='{}'
	set -- -s -o body -w '%{http_code}' -X "$method"
	if [ "$role" != anon ]; then
		eval "token=\$csrf_$role"
		set -- "$@" -b "m-$role" -H "X-CSRF-Token: $token"
	fi
	[ "$method" = POST ] && set -- "$@" -H "$JSON" --data-binary "$data"
	curl "$@" "$U$path"
}
# fill TEXT: the placeholders replaced by this region's ids; with `unknown`, by ids nobody has
fill() {
	if [ "${2:-}" = unknown ]; then
		echo "$1" | sed -e "s/{BSN_[AB]}/$UNKNOWN_BSN/g" -e "s/{[A-Z][A-Z_]*}/$UNKNOWN/g"
	else
		echo "$1" | sed -e "s/{A}/$A/g; s/{B}/$B/g; s/{HR_A}/$HR_A/g; s/{HR_B}/$HR_B/g" \
			-e "s/{AL_A}/$AL_A/g; s/{AL_B}/$AL_B/g; s/{HH_A}/$HH_A/g; s/{HH_B}/$HH_B/g" \
			-e "s/{P}/$P/g; s/{BSN_A}/$BSN_A/g; s/{BSN_B}/$BSN_B/g" \
			-e "s/{V}/$V/g; s/{TOK}/$TOK/g; s/{M_A}/$M_A/g; s/{M_X}/$M_X/g" \
			-e "s/{REF_A}/$REF_A/g; s/{REF_B}/$REF_B/g" \
			-e "s/{ORG}/$ORG/g; s/{CT}/$CT/g"
	fi
}
# the OpenAPI path of a request path: ids as {id}, without the query
pattern() { echo "${1%%\?*}" | sed -E 's#/[0-9]+(/|$)#/{id}\1#g; s#/[0-9]+(/|$)#/{id}\1#g'; }
: >statuses

# One row per endpoint and record: METHOD PATH BODY (- for none) and one cell per role in $ROLES.
# A write's body is one the endpoint refuses (422) once it has let the caller in, so that
# nothing changes, except the new help requests (which an allowed caller may make).
NEW='{"child_id":{A},"raised_by":"school","question":"Nieuw."}'
NEW_B='{"child_id":{B},"raised_by":"school","question":"Nieuw."}'
cat >table <<EOF
GET /healthz - * * * * * * * *
GET /api/v1/openapi.json - * * * * * * * *
POST /api/v1/login {} * * * * * * * *
GET /api/v1/me - L A A A A A A A
POST /api/v1/me/password {} L A A A A A A A
POST /api/v1/login/second-factor {} L A A A A A A A
GET /api/v1/me/second-factor - L A A A A A A A
POST /api/v1/me/second-factor {} L A A A A A A A
POST /api/v1/me/second-factor/confirm {} L A A A A A A A
POST /api/v1/route {} L A A A F F F F
GET /api/v1/persons?bsn={BSN_A} - L A F A A F F F
GET /api/v1/persons?bsn={BSN_B} - L N F N N F F F
GET /api/v1/persons/{A} - L A F A A F F F
GET /api/v1/persons/{B} - L N F N N F F F
GET /api/v1/persons/{A}/involvement - L A F A A F F F
GET /api/v1/persons/{B}/involvement - L N F N N F F F
GET /api/v1/persons/{A}/access-log - L A F A A F F F
GET /api/v1/persons/{B}/access-log - L N F N N F F F
GET /api/v1/persons/{A}/timeline - L A F A A F F F
GET /api/v1/persons/{B}/timeline - L N F N N F F F
GET /api/v1/households - L A F A A F F F
GET /api/v1/households/{HH_A} - L A F A A F F F
GET /api/v1/households/{HH_B} - L N F N N F F F
GET /api/v1/help-requests - L A F F F F F F
POST /api/v1/help-requests $NEW L A F A F F F F
POST /api/v1/help-requests $NEW_B L N F N F F F F
GET /api/v1/help-requests/{HR_A} - L A F A A F F F
GET /api/v1/help-requests/{HR_B} - L N F N N F F F
POST /api/v1/help-requests/{HR_A}/analysis {} L A F A F F F F
POST /api/v1/help-requests/{HR_B}/analysis {} L N F N F F F F
POST /api/v1/help-requests/{HR_A}/goals {} L A F A F F F F
POST /api/v1/help-requests/{HR_B}/goals {} L N F N F F F F
POST /api/v1/help-requests/{HR_A}/light-options {} L A F A F F F F
POST /api/v1/help-requests/{HR_B}/light-options {} L N F N F F F F
POST /api/v1/help-requests/{HR_A}/advice {"flags":"x"} L A F A F F F F
POST /api/v1/help-requests/{HR_B}/advice {"flags":"x"} L N F N F F F F
POST /api/v1/help-requests/{HR_A}/move {} L A F A F F F F
POST /api/v1/help-requests/{HR_B}/move {} L N F N F F F F
POST /api/v1/help-requests/{HR_A}/allocations {} L A F A F F F F
POST /api/v1/help-requests/{HR_B}/allocations {} L N F N F F F F
GET /api/v1/help-requests/{HR_A}/allocation-choices - L A F A F F F F
GET /api/v1/help-requests/{HR_B}/allocation-choices - L N F N F F F F
GET /api/v1/referrals - L F A F F F F F
POST /api/v1/referrals {} L F A F F F F F
GET /api/v1/referrals/choices - L F A F F F F F
GET /api/v1/referrals/{HR_B} - L F N F F F F F
GET /api/v1/help-requests/{HR_A}/referrals - L A F A F F F F
GET /api/v1/help-requests/{HR_B}/referrals - L N F N F F F F
POST /api/v1/referrals/{REF_A}/answer {} L A F F F F F F
POST /api/v1/referrals/{REF_B}/answer {} L N F F F F F F
GET /api/v1/allocations - L F F F A F F F
GET /api/v1/allocations/worklist - L F F F A F F F
GET /api/v1/allocations/worklist?group=ending&form=2 - L F F F A F F F
GET /api/v1/allocations/{AL_A}/claim?month=2026-11 - L F F F A F F F
GET /api/v1/allocations/{AL_B}/claim?month=2026-11 - L F F F N F F F
POST /api/v1/allocations/{AL_A}/claims {"month":"x"} L F F F A F F F
POST /api/v1/allocations/{AL_B}/claims {"month":"x"} L F F F N F F F
POST /api/v1/allocations/{AL_A}/start {"on":"x"} L F F F A F F F
POST /api/v1/allocations/{AL_B}/start {"on":"x"} L F F F N F F F
POST /api/v1/allocations/{AL_A}/stop {"on":"x"} L F F F A F F F
POST /api/v1/allocations/{AL_B}/stop {"on":"x"} L F F F N F F F
POST /api/v1/allocations/{AL_A}/change {} L A F F F F F F
POST /api/v1/allocations/{AL_B}/change {} L N F N F F F F
GET /api/v1/providers - L A F A F A F F
GET /api/v1/measures - L F F A F F F F
GET /api/v1/measures?status=running - L F F A F F F F
GET /api/v1/measures?status=ended - L F F A F F F F
POST /api/v1/measures {} L F F A F F F F
GET /api/v1/measures/{M_A} - L F F A F F F F
GET /api/v1/measures/{M_X} - L F F N F F F F
POST /api/v1/measures/{M_A}/extensions {} L F F A F F F F
POST /api/v1/measures/{M_X}/extensions {} L F F N F F F F
POST /api/v1/measures/{M_A}/authorisations {} L F F A F F F F
POST /api/v1/measures/{M_X}/authorisations {} L F F N F F F F
GET /api/v1/signals - L A F F F F F F
GET /api/v1/figures - L F F F F A A F
POST /api/v1/scenarios {} L F F F F F A F
GET /api/v1/monitor/targets?region=twente - L F F F F A A F
GET /api/v1/monitor/costs?region=twente - L F F F F A A F
GET /api/v1/monitor/waiting?region=twente - L F F F F A A F
GET /api/v1/monitor/capacity?region=twente - L F F F F A A F
POST /api/v1/providers/{P}/status {} L F F F F A F F
GET /api/v1/providers/{P}/contracts - L A F A F A F F
POST /api/v1/providers/{P}/contracts {} L F F F F A F F
GET /api/v1/contracts/{CT} - L A F A F A F F
POST /api/v1/contracts/{CT}/edit {} L F F F F A F F
POST /api/v1/contracts/{CT}/end {} L F F F F A F F
GET /api/v1/contracts/{CT}/tariffs - L A F A F A F F
POST /api/v1/contracts/{CT}/tariffs {} L F F F F A F F
GET /api/v1/providers/{P}/budget - L A F A F A F F
POST /api/v1/providers/{P}/budget {} L F F F F A F F
GET /api/v1/providers/{P}/capacity - L A F A F A F F
POST /api/v1/providers/{P}/capacity {} L F F F F A F F
GET /api/v1/users - L F F F F F F A
POST /api/v1/users {} L F F F F F F A
GET /api/v1/users/{V} - L F F F F F F A
POST /api/v1/users/{V}/role {} L F F F F F F A
GET /api/v1/users/{V}/tokens - L F F F F F F A
POST /api/v1/users/{V}/tokens {} L F F F F F F A
DELETE /api/v1/users/{V}/tokens/{TOK} - L F F F F F F A
POST /api/v1/users/{V}/password {} L F F F F F F A
POST /api/v1/users/{V}/deactivate {} L F F F F F F A
POST /api/v1/users/{V}/activate {} L F F F F F F A
GET /api/v1/organisations - L F F F F F F A
POST /api/v1/organisations {} L F F F F F F A
GET /api/v1/organisations/{ORG} - L F F F F F F A
POST /api/v1/organisations/{ORG} {} L F F F F F F A
POST /api/v1/organisations/{ORG}/deactivate {} L F F F F F F A
POST /api/v1/organisations/{ORG}/activate {} L F F F F F F A
POST /api/v1/users/{V}/details {"email":"x"} L F F F F F F A
DELETE /api/v1/users/{V}/second-factor - L F F F F F F A
GET /api/v1/socialmap - L A A A A F F F
GET /api/v1/vocabulary - L A A A A A A A
POST /api/v1/ijw/messages {} L F F F A F F F
GET /api/v1/ijw/allocations - L F F F A F F F
GET /api/v1/help-requests/{HR_A}/deadlines - L A F A A F F F
GET /api/v1/help-requests/{HR_B}/deadlines - L N F N N F F F
GET /api/v1/help-requests/{HR_A}/notes - L A N A N N N N
GET /api/v1/help-requests/{HR_B}/notes - L N N N N N N N
POST /api/v1/help-requests/{HR_A}/notes {} L A N A N N N N
POST /api/v1/help-requests/{HR_B}/notes {} L N N N N N N N
POST /api/v1/persons/search {"bsn":"{BSN_A}"} L A F A A F F F
GET /api/v1/help-requests/assignees - L A F F F F F F
POST /api/v1/help-requests/{HR_A}/assignee {} L A F F F F F F
POST /api/v1/help-requests/{HR_B}/assignee {} L N F N F F F F
POST /api/v1/persons/search {"bsn":"{BSN_B}"} L A F A A F F F
POST /api/v1/help-requests/{HR_A}/evaluations {} L A F A F F F F
POST /api/v1/help-requests/{HR_B}/evaluations {} L N F N F F F F
GET /api/v1/households/{HH_A}/coordinators - L A F F F F F F
GET /api/v1/households/{HH_B}/coordinators - L N F F F F F F
POST /api/v1/households/{HH_A}/coordinator {} L A F F F F F F
POST /api/v1/households/{HH_B}/coordinator {} L N F F F F F F
GET /api/v1/allocations/{AL_A}/letters - L A N N N N N N
GET /api/v1/allocations/{AL_B}/letters - L N N N N N N N
GET /api/v1/allocations/{AL_A}/letters/1 - L A N N N N N N
GET /api/v1/allocations/{AL_B}/letters/1 - L N N N N N N N
GET /api/v1/allocations/{AL_A}/letters/1?format=pdf - L A N N N N N N
EOF

while read -r method path body cells; do
	[ "$body" = - ] && body=
	real_path=$(fill "$path")
	real_body=$(fill "$body")
	pat=$(pattern "$real_path")
	wrong=
	rest="$cells "
	for role in $ROLES; do
		want=${rest%% *}
		rest=${rest#* }
		got=$(req "$role" "$method" "$real_path" "$real_body")
		echo "$method $pat $got" >>statuses
		case "$want:$got" in
		L:401 | F:403 | N:404) ;;
		A:401 | A:403 | A:404 | A:5*) wrong="$wrong $role: $got (expected allowed);" ;;
		A:*) ;;
		\*:5*) wrong="$wrong $role: $got;" ;;
		\*:*) ;;
		*) wrong="$wrong $role: $got (expected $want);" ;;
		esac
		if [ "$want:$got" = N:404 ]; then
			# out of reach is answered as unknown: the same body, byte for byte
			cp body seen
			got=$(req "$role" "$method" "$(fill "$path" unknown)" "$(fill "$body" unknown)")
			cmp -s body seen || wrong="$wrong $role: out of reach says $(cat seen), unknown ($got) $(cat body);"
		fi
	done
	if [ -z "$wrong" ]; then
		ok "matrix: $method $path"
	else
		not_ok "matrix: $method $path" "$wrong"
	fi
done <table

# every answer documented, every documented endpoint in the table
OPENAPI=$ROOT/web/openapi.json
jq -r '.paths | to_entries[] | .key as $p | .value | to_entries[] | .key as $m |
	.value.responses | keys[] | "\($m | ascii_upcase) \($p) \(.)"' "$OPENAPI" | sort -u >documented
undocumented=$(sort -u statuses | comm -23 - documented | tr '\n' ';')
if [ -z "$undocumented" ]; then
	ok "every answer of the matrix is one its OpenAPI entry documents"
else
	not_ok "every answer of the matrix is one its OpenAPI entry documents" "$undocumented"
fi
missing=
for route in $(cut -d' ' -f1,2 documented | sort -u | tr ' ' '@'); do
	[ "$route" = "POST@/api/v1/logout" ] && continue # ends the session; tested on its own below
	grep -q "^${route%%@*} ${route#*@} " statuses || missing="$missing $route"
done
if [ -z "$missing" ]; then ok "every documented endpoint is in the matrix"; else not_ok "every documented endpoint is in the matrix" "$missing"; fi
got=$(req anon POST /api/v1/logout)
[ "$got" = 401 ] && ok "matrix: POST /api/v1/logout not logged in: 401" || not_ok "matrix: logout not logged in" "got $got"

# check NAME WANT JQ ROLE METHOD PATH [BODY]: one request, its status and (unless JQ is -) jq -e
check() {
	name=$1 want=$2 expr=$3
	shift 3
	got=$(req "$@")
	if [ "$got" != "$want" ]; then
		not_ok "$name" "status $got, expected $want" "$(head -c 400 body)"
	elif [ "$expr" != - ] && ! jq -e "$expr" body >/dev/null 2>&1; then
		not_ok "$name" "jq $expr failed on:" "$(head -c 400 body)"
	else
		ok "$name"
	fi
}
audited() { q "SELECT COUNT(*) FROM audit_log WHERE action = '$1' AND object = '$2'"; }

# --- Search (issue 14): within reach only, nobody out of it revealed, audited without values.
A_NAME=$(q "SELECT family_name FROM persons WHERE id = $A")
B_NAME=$(q "SELECT family_name FROM persons WHERE id = $B")
for role in consulent gi provider; do
	check "search: $role finds A by BSN" 200 "[.results[].id] == [$A] and .criteria == [\"bsn\"]" \
		"$role" POST /api/v1/persons/search "{\"bsn\":\"$BSN_A\"}"
	check "search: $role does not find B by BSN (out of reach: as if nobody had it)" 200 \
		'.results == [] and .count == 0 and .more == false' \
		"$role" POST /api/v1/persons/search "{\"bsn\":\"$BSN_B\"}"
	check "search: $role finds no B by name" 200 "[.results[].id] | index($B) == null" \
		"$role" POST /api/v1/persons/search "{\"name\":\"$B_NAME\"}"
done
check "search: the Almelo consulent finds A by name, within its reach only" 200 \
	"[.results[].id] | index($A) != null" \
	consulent POST /api/v1/persons/search "{\"name\":\"$A_NAME\"}"
check "search: a bad BSN is 422 naming bsn" 422 '.error.field == "bsn"' \
	consulent POST /api/v1/persons/search '{"bsn":"123456789"}'
check "search: a name of one letter is 422 naming name" 422 '.error.field == "name"' \
	consulent POST /api/v1/persons/search '{"name":"a"}'
check "search: a verwijzer may not search (403)" 403 - verwijzer POST /api/v1/persons/search \
	"{\"bsn\":\"$BSN_A\"}"
n=$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'person.search' AND object = 'criteria:bsn' AND person_id = $A")
[ "$n" -ge 3 ] && ok "search: every result audited as person.search with the kinds of criteria" ||
	not_ok "search: results audited" "$n entries"
n=$(q "SELECT COUNT(*) FROM audit_log WHERE person_id = $B AND action LIKE 'person.search%' AND object LIKE 'criteria:%'")
[ "$n" = 0 ] && ok "search: a person left out is not in the searcher's audit entries" ||
	not_ok "search: B not audited as found" "$n entries"
n=$(q "SELECT COUNT(*) FROM audit_log WHERE object LIKE '%$BSN_A%' OR object LIKE '%$A_NAME%' OR reason LIKE '%$BSN_A%'")
[ "$n" = 0 ] && ok "search: no BSN or name in the audit log" || not_ok "search: values in the audit log" "$n"

# --- Finding 4: a child that moved. M lived in Almelo, which has a help request for it; it moves
# to Hengelo, whose consulent opens one there. Almelo reads on while its own runs and for
# reach.closed_case_days after, goes on with its own, but never touches Hengelo's nor opens one
# in Hengelo's name; then its reach ends.
M=$(fresh_child 0141 1)
HR_M_OLD=$(course "$M" "$(household_of "$M")")
J person update "$M" --municipality 0164 --version "$(J person show "$M" | jq .version)" >/dev/null || die "move"
check "moved: the new municipality opens a help request" 201 '.municipality == "0164"' \
	hengelo POST /api/v1/help-requests "{\"child_id\":$M,\"raised_by\":\"family\",\"question\":\"Verhuisd.\"}"
HR_M_NEW=$(jq .id body)
check "moved: the old municipality still reads the file (its own help request is open)" 200 ".id == $M" \
	consulent GET "/api/v1/persons/$M"
check "moved: the old municipality may not withdraw the new municipality's help request (403)" 403 \
	'.error.code == "forbidden"' consulent POST "/api/v1/help-requests/$HR_M_NEW/move" \
	'{"to":"withdrawn","version":1}'
[ "$(q "SELECT state FROM help_requests WHERE id = $HR_M_NEW")" = registered ] &&
	ok "moved: the new municipality's help request is untouched" ||
	not_ok "moved: the new municipality's help request is untouched"
check "moved: the old municipality opens no help request in the new one's name (403)" 403 \
	'.error.field == "child_id"' consulent POST /api/v1/help-requests \
	"{\"child_id\":$M,\"raised_by\":\"school\",\"question\":\"Nog een.\"}"
check "moved: nor does it allocate on the new municipality's help request (403)" 403 - \
	consulent POST "/api/v1/help-requests/$HR_M_NEW/allocations" \
	"{\"provider_id\":$P,\"form\":2,\"municipal_decision\":true,\"start\":\"2026-12-01\",\"product_code\":\"$PRODUCT\",\"volume\":1}"
check "moved: the new municipality may not change the old one's help request (403)" 403 - \
	hengelo POST "/api/v1/help-requests/$HR_M_OLD/goals" '{"text":"Een doel."}'
check "moved: the old municipality closes its own help request" 200 '.state == "withdrawn"' \
	consulent POST "/api/v1/help-requests/$HR_M_OLD/move" \
	"{\"to\":\"withdrawn\",\"version\":$(q "SELECT version FROM help_requests WHERE id = $HR_M_OLD")}"
check "moved: within reach.closed_case_days of closing, the old municipality still reads" 200 - \
	consulent GET "/api/v1/persons/$M"
q "UPDATE help_requests SET updated_at = '$(date -u -d '-183 days' +%Y-%m-%d)T12:00:00Z' WHERE id = $HR_M_OLD"
check "moved: 183 days after closing, the old municipality's reach has ended (404)" 404 \
	'.error.code == "not_found"' consulent GET "/api/v1/persons/$M"
check "moved: … also for the help request it once had" 404 - consulent GET "/api/v1/help-requests/$HR_M_OLD"
check "moved: the new municipality reads the file" 200 ".municipality == \"0164\"" hengelo GET "/api/v1/persons/$M"

# --- Finding 4: a GI takes no municipal decisions; its own allocations are its decision.
ALLOC="\"provider_id\":$P,\"form\":2,\"start\":\"2026-12-01\",\"product_code\":\"$PRODUCT\",\"volume\":1,\"unit\":\"uur\",\"frequency\":\"per week\""
check "GI: no municipal decision (403, municipal_decision)" 403 '.error.field == "municipal_decision"' \
	gi POST "/api/v1/help-requests/$HR_A/allocations" "{$ALLOC,\"municipal_decision\":true}"
check "GI: the municipality's allocation is not its to change (403)" 403 '.error.code == "forbidden"' \
	gi POST "/api/v1/allocations/$AL_A/change" '{"reason_code":"05","end":"2027-01-31"}'
[ -z "$(q "SELECT end_date FROM allocations WHERE id = $AL_A")" ] &&
	ok "GI: the municipality's allocation is unchanged" || not_ok "GI: the municipality's allocation is unchanged"
# one allocation of a kind at a time (issue 14 point 7): the municipality's care ends before the
# GI's own of the same form and product begins
q "UPDATE allocations SET end_date = '2026-12-31' WHERE id = $AL_A"
check "GI: allocates within its measure, its own decision" 201 ".provider_id == $P" \
	gi POST "/api/v1/help-requests/$HR_A/allocations" \
	"{\"provider_id\":$P,\"form\":2,\"start\":\"2027-01-01\",\"product_code\":\"$PRODUCT\",\"volume\":1,\"unit\":\"uur\",\"frequency\":\"per week\"}"
AL_GI=$(jq .id body)
check "GI: changes its own allocation" 200 '.end == "2027-03-31"' \
	gi POST "/api/v1/allocations/$AL_GI/change" '{"reason_code":"05","end":"2027-03-31"}'
check "GI: the municipality does not change the GI's decision (403)" 403 - \
	consulent POST "/api/v1/allocations/$AL_GI/change" '{"reason_code":"04","end":"2027-06-30"}'
q "UPDATE measures SET end_date = '$(date -u -d '-1 day' +%Y-%m-%d)' WHERE child_id = $A"
check "GI: the measure ended yesterday: it still reads" 200 - gi GET "/api/v1/persons/$A"
check "GI: … but no longer acts (403)" 403 - gi POST "/api/v1/help-requests/$HR_A/goals" '{"text":"Een doel."}'
q "UPDATE measures SET end_date = '$(date -u -d '-91 days' +%Y-%m-%d)' WHERE child_id = $A"
check "GI: reach.measure_ended_days after the measure, its reach has ended (404)" 404 - gi GET "/api/v1/persons/$A"

# --- Finding 9: out of reach and unknown answer alike, and both are audited (the audit entry of
# a 404 is kept: a lookup that finds nothing does not fail the request's transaction).
before_none=$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'person.search.none'")
before_denied=$(audited access.denied "person:$A")
check "BSN of another municipality's child: 404" 404 '.error.field == "bsn"' hengelo GET "/api/v1/persons?bsn=$BSN_A"
cp body seen
check "an unknown BSN: 404" 404 '.error.field == "bsn"' hengelo GET "/api/v1/persons?bsn=$UNKNOWN_BSN"
cmp -s body seen && ok "BSN: out of reach and unknown get the same body" ||
	not_ok "BSN: out of reach and unknown get the same body" "$(cat seen)" "$(cat body)"
[ "$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'person.search.none'")" -gt "$before_none" ] &&
	ok "BSN: the search that found nobody is audited" || not_ok "BSN: the search that found nobody is audited"
[ "$(audited access.denied "person:$A")" -gt "$before_denied" ] &&
	ok "BSN: the refusal of a child out of reach is audited on the child" ||
	not_ok "BSN: the refusal of a child out of reach is audited on the child"
for object in person help_request allocation household; do
	case $object in
	person) path=/api/v1/persons/$UNKNOWN ;;
	help_request) path=/api/v1/help-requests/$UNKNOWN ;;
	allocation) path=/api/v1/allocations/$UNKNOWN/change ;;
	household) path=/api/v1/households/$UNKNOWN ;;
	esac
	before=$(audited access.denied "$object:$UNKNOWN")
	method=GET
	[ "$object" = allocation ] && method=POST
	req consulent $method "$path" '{}' >/dev/null
	[ "$(audited access.denied "$object:$UNKNOWN")" -gt "$before" ] &&
		ok "an unknown $object: its 404 is audited" || not_ok "an unknown $object: its 404 is audited"
done

# --- Finding 3: a provider's JW315 opens no child's file to a municipality of its choosing nor
# to the referrer it names.
jw315() { # jw315 ID MUNICIPALITY BSN BIRTH FAMILY-NAME: a JW315 of provider P naming the GP
	sed -e "s/@AGB@/$P_AGB/; s/@GEMEENTE@/$2/; s/@ID@/$1/g; s/@BSN@/$3/" \
		-e "s|<ijw:Achternaam>Testkind<|<ijw:Achternaam>$5<|" \
		-e "s/@BIRTH@/$4/; s/@DAG@/$TODAY/; s/@CAT@/45/; s/@CODE@/45A02/" \
		-e "s/@START@/2027-01-01/; s/@END@/2027-06-30/; s/@VERWIJZER@/$GP_AGB/" \
		"$ROOT/tests/ijw/round/JW315.xml.in" >"$1.xml"
	curl -s -o body -w '%{http_code}' -b m-provider -H "X-CSRF-Token: $csrf_provider" \
		-H 'Content-Type: application/xml' --data-binary @"$1.xml" "$U/api/v1/ijw/messages"
}
B_HRS=$(q "SELECT COUNT(*) FROM help_requests WHERE child_id = $B")
B_BIRTH=$(q "SELECT birth_date FROM persons WHERE id = $B")
B_FAMILY=$(J person show "$B" | jq -r .family_name)
A_FAMILY=$(J person show "$A" | jq -r .family_name)
got=$(jw315 m1 0141 "$BSN_B" "$B_BIRTH" "$B_FAMILY")
if [ "$got" = 200 ] && jq -e '.accepted == true and (.refusals | length) == 1 and .refusals[0].bericht == "JW319"
	and .refusals[0].reden == "8" and .refusals[0].gemeente == "0164"' body >/dev/null; then
	ok "JW315 to Almelo for a child of Hengelo: refused with a JW319, reason 8 (woonplaatsbeginsel), naming Hengelo"
else
	not_ok "JW315 to Almelo for a child of Hengelo: refused with a JW319, reason 8" "status $got" "$(head -c 600 body)"
fi
jq -r '.refusals[0].xml' body >refusal.xml
if grep -q '<jw319:RedenAfwijzingVerzoek>8<' refusal.xml && grep -q '<jw319:Gemeente>0164<' refusal.xml &&
	"$BIN" ijw validate refusal.xml | jq -e '.valid == true and .bericht == "JW319"' >/dev/null; then
	ok "the JW319 is valid (XSD and the JW319 rules: TR377 with reason 8)"
else
	not_ok "the JW319 is valid" "$(cat refusal.xml | head -40)" "$("$BIN" ijw validate refusal.xml)"
fi
[ "$(q "SELECT COUNT(*) FROM help_requests WHERE child_id = $B")" = "$B_HRS" ] &&
	ok "JW315 to another municipality: no help request made" ||
	not_ok "JW315 to another municipality: no help request made"
check "JW315 to another municipality: Almelo's consulent still does not reach the child (404)" 404 - \
	consulent GET "/api/v1/persons/$B"
A_BIRTH=$(q "SELECT birth_date FROM persons WHERE id = $A")
A_HRS=$(q "SELECT COUNT(*) FROM help_requests WHERE child_id = $A")
# a known BSN with another child's birth date and family name: a mistyped BSN opens nothing
got=$(jw315 m0 0141 "$BSN_A" 2015-02-03 "Anderkind")
if [ "$got" = 422 ] && jq -e '.accepted == false and .answer == null and .problems[0].rule == "CLIENT"
	and (.problems[0].message | test("De geboortedatum en de achternaam passen niet"))' body >/dev/null &&
	[ "$(q "SELECT COUNT(*) FROM help_requests WHERE child_id = $A")" = "$A_HRS" ]; then
	ok "JW315 whose birth date and family name do not fit the BSN: refused as a whole, named in Dutch, nothing kept"
else
	not_ok "JW315 whose birth date and family name do not fit the BSN: refused" "status $got" "$(head -c 600 body)"
fi
got=$(jw315 m2 0141 "$BSN_A" "$A_BIRTH" "$A_FAMILY")
if [ "$got" = 200 ] && jq -e '.accepted == true and (has("refusals") | not)' body >/dev/null &&
	[ "$(q "SELECT municipality FROM help_requests WHERE child_id = $A ORDER BY id DESC LIMIT 1")" = 0141 ]; then
	ok "JW315 to the child's own municipality: taken in, a help request of Almelo"
else
	not_ok "JW315 to the child's own municipality: taken in" "status $got" "$(head -c 400 body)"
fi
check "JW315: the GP the message names does not reach the child (403)" 403 - verwijzer GET "/api/v1/persons/$A"
check "JW315: nor is the referral in the GP's list" 200 \
	"[.items[].referral.help_request_id] | index($(q "SELECT MAX(id) FROM help_requests WHERE child_id = $A")) == null" \
	verwijzer GET "/api/v1/referrals?per_page=200"
got=$(jw315 m3 0141 100000022 2016-05-06 Testkind)
NEW_CHILD=$(q "SELECT h.child_id FROM help_requests h WHERE h.question LIKE '%bericht VOT-m3%'")
if [ "$got" = 200 ] && [ -n "$NEW_CHILD" ] &&
	[ "$(q "SELECT municipality FROM persons WHERE id = $NEW_CHILD")" = 0141 ]; then
	ok "JW315 for a child new to the records: registered in the receiving municipality"
else
	not_ok "JW315 for a child new to the records: registered in the receiving municipality" "$(head -c 400 body)"
fi
check "… whose consulent reaches it (its resident)" 200 - consulent GET "/api/v1/persons/$NEW_CHILD"
check "… and the provider does not, before an allocation (404)" 404 - provider GET "/api/v1/persons/$NEW_CHILD"

# --- A help request only on a household the child belongs to.
check "a help request on another family's household: 422 naming household_id" 422 \
	'.error.field == "household_id"' consulent POST /api/v1/help-requests \
	"{\"child_id\":$A,\"household_id\":$HH_B,\"raised_by\":\"school\",\"question\":\"x\"}"
check "… and on an unknown household: the same answer" 422 '.error.field == "household_id"' \
	consulent POST /api/v1/help-requests \
	"{\"child_id\":$A,\"household_id\":$UNKNOWN,\"raised_by\":\"school\",\"question\":\"x\"}"
check "… on the child's own household it is made" 201 ".household_id == $HH_A" consulent POST \
	/api/v1/help-requests "{\"child_id\":$A,\"household_id\":$HH_A,\"raised_by\":\"school\",\"question\":\"x\"}"

# --- A GP after referring: its own referrals, with their progress, and no child's file.
C=$(fresh_child 0141 2)
C_JSON=$(q "SELECT json_object('given_names', given_names, 'family_name', family_name, 'birth_date', birth_date) FROM persons WHERE id = $C")
BSN_C=$(J person show "$C" | jq -r .bsn)
check "a GP refers a child of the records" 201 '.referral.id > 0' verwijzer POST /api/v1/referrals \
	"$(echo "$C_JSON" | jq -c --arg bsn "$BSN_C" '. + {bsn: $bsn, form: 2, question: "Angstig.", municipality: "0141", urgency: "regular", tried: "Gesprekken op de praktijk.", consent: "parents_and_youth"}')"
REF=$(jq .referral.id body)
check "the GP sees its referral in its list" 200 "[.items[].referral.id] | index($REF) != null" \
	verwijzer GET "/api/v1/referrals?per_page=200"
for path in "/api/v1/persons/$C" "/api/v1/persons/$C/timeline" "/api/v1/persons/$C/involvement" \
	"/api/v1/persons/$C/access-log" "/api/v1/persons?bsn=$BSN_C" \
	"/api/v1/help-requests/$(q "SELECT help_request_id FROM referrals WHERE id = $REF")" \
	"/api/v1/households/$(household_of "$C")"; do
	check "the GP after referring: no $path (403)" 403 - verwijzer GET "$path"
done

if "$BIN" audit verify --db s.db --key s.key >/dev/null 2>&1; then
	ok "the audit chain holds after all this"
else
	not_ok "the audit chain holds after all this"
fi
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=
tap_end
