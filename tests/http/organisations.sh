#!/bin/sh
# Black-box tests of the administrator's organisations and users' details (issue 15 point 5):
# sh tests/http/organisations.sh BINARY
# Organisations created, read, edited and deactivated with their kind (checked field by field,
# in Dutch); a kind that a user's role does not fit is refused; deactivating an organisation
# ends its users' sessions and API tokens at once and refuses their logins, reactivating brings
# no session back; users with a name and a checked e-mail address; only the administrator;
# every change audited. Prints TAP; exits 0 when everything passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-orgs-XXXXXX)
SERVER_PID=
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
D="--db s.db --key s.key"
"$BIN" init $D >/dev/null || tap_bail "init"
TEAM=$("$BIN" organisation add $D --kind local_team --name "Lokaal team Almelo" --municipality 0141 | jq .id)
ALMELO=$(JEUGDROUTE_USER_PASSWORD=almelo-wachtwoord "$BIN" user add $D --username c.almelo \
	--role consulent --organisation "$TEAM" | jq .id)
[ -n "$ALMELO" ] || tap_bail "the region could not be made"
TOKEN=$("$BIN" user token-add $D "$ALMELO" --name test | jq -r .token)

"$BIN" serve $D --listen 127.0.0.1:0 --threads 2 --ready-file ready >serve.out 2>serve.err &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s ready ] && break; sleep 0.1; done
[ -s ready ] || tap_bail "the server did not start" "$(cat serve.err)"
U=$(cat ready)
JSON='Content-Type: application/json'

call() { # call NAME STATUS JQ CURL-ARGS…
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
audited() { sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = '$1'${2:+ AND object = '$2'}"; }
A=$(login a.jar admin beheer-wachtwoord-1)
C=$(login c.jar c.almelo almelo-wachtwoord)
apost() { # apost PATH BODY: as the administrator
	curl -s -o body -w '%{http_code}' -b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d "$2" "$U$1"
}

# --- organisations ---
call "an organisation is created with its kind" 201 \
	'.kind == "gp_practice" and .name == "Huisartsenpraktijk Oost" and .agb == "01012345" and .active == true' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" \
	-d '{"kind":"gp_practice","name":"Huisartsenpraktijk Oost","municipality":"0141","agb":"01012345"}' \
	"$U/api/v1/organisations"
GP=$(jq .id body)
call "an unknown kind is refused on its field, in Dutch" 422 '.error.field == "kind"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d '{"kind":"bakery","name":"Bakker"}' \
	"$U/api/v1/organisations"
call "a local team without a municipality is refused" 422 '.error.field == "municipality"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d '{"kind":"local_team","name":"Team"}' \
	"$U/api/v1/organisations"
call "a municipality no policy names is refused" 422 '.error.field == "municipality"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d '{"kind":"local_team","name":"Team","municipality":"9999"}' \
	"$U/api/v1/organisations"
call "a bad AGB code is refused" 422 '.error.field == "agb"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d '{"kind":"gp_practice","name":"X","agb":"12"}' \
	"$U/api/v1/organisations"
call "an unknown field is refused" 422 - \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d '{"kind":"gp_practice","name":"X","colour":"red"}' \
	"$U/api/v1/organisations"
tap_check "nothing of the refusals was written" \
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM organisations")" = 2 ]
call "one organisation read" 200 ".id == $GP and .kind == \"gp_practice\"" -b a.jar "$U/api/v1/organisations/$GP"
call "an unknown one: 404" 404 - -b a.jar "$U/api/v1/organisations/99999"
call "an organisation edited" 200 '.name == "Huisartsen Oost" and (.agb == null or .agb == "")' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" \
	-d '{"kind":"gp_practice","name":"Huisartsen Oost","municipality":"0141"}' \
	"$U/api/v1/organisations/$GP"
call "a kind that its consulent's role does not fit is refused" 422 '.error.code == "refused" and .error.field == "kind"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" \
	-d '{"kind":"gp_practice","name":"Lokaal team Almelo","municipality":"0141"}' \
	"$U/api/v1/organisations/$TEAM"
tap_check "... and the kind stays" [ "$(sqlite3 s.db "SELECT kind FROM organisations WHERE id = $TEAM")" = local_team ]
tap_check "... the refusal audited" [ "$(audited organisation.update.refused "organisation:$TEAM")" = 1 ]
call "a user at an organisation of an unfitting kind cannot be made" 422 '.error.field == "role"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d "{\"username\":\"x.gp\",\"role\":\"consulent\",\"organisation_id\":$GP}" \
	"$U/api/v1/users"
call "a consulent may not create organisations" 403 - \
	-b c.jar -H "X-CSRF-Token: $C" -H "$JSON" -d '{"kind":"gp_practice","name":"X"}' "$U/api/v1/organisations"

# --- deactivation ends the sessions ---
call "the consulent works" 200 - -b c.jar "$U/api/v1/help-requests"
call "... and its API token too" 200 - -H "Authorization: Bearer $TOKEN" "$U/api/v1/help-requests"
call "the administrator deactivates the local team" 200 \
	'.organisation.active == false and .ended_sessions >= 2' \
	-b a.jar -X POST -H "X-CSRF-Token: $A" "$U/api/v1/organisations/$TEAM/deactivate"
call "the consulent's session ended at once" 401 - -b c.jar "$U/api/v1/help-requests"
call "... and its API token" 401 - -H "Authorization: Bearer $TOKEN" "$U/api/v1/help-requests"
call "it cannot log in while its organisation is inactive" 401 - \
	-H "$JSON" -d '{"username":"c.almelo","password":"almelo-wachtwoord"}' "$U/api/v1/login"
call "the list shows it inactive" 200 ".items | map(select(.id == $TEAM))[0].active == false" \
	-b a.jar "$U/api/v1/organisations"
call "no user is added to an inactive organisation" 409 \
	'.error.field == "organisation_id" and (.error.message | test("gedeactiveerd"))' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" \
	-d "{\"username\":\"c.almelo2\",\"role\":\"consulent\",\"organisation_id\":$TEAM}" \
	"$U/api/v1/users"
call "... and no user moved into it" 409 '.error.field == "organisation_id"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d "{\"role\":\"consulent\",\"organisation_id\":$TEAM}" \
	-X POST "$U/api/v1/users/$ALMELO/role"
call "the deactivated consulent is not reactivated on its own" 409 '.error.field == "organisation_id"' \
	-b a.jar -X POST -H "X-CSRF-Token: $A" "$U/api/v1/users/$ALMELO/activate"
call "the administrator reactivates it" 200 '.organisation.active == true and .ended_sessions == 0' \
	-b a.jar -X POST -H "X-CSRF-Token: $A" "$U/api/v1/organisations/$TEAM/activate"
call "no old session comes back" 401 - -b c.jar "$U/api/v1/help-requests"
sleep 1
C=$(login c.jar c.almelo almelo-wachtwoord)
call "a new login works" 200 - -b c.jar "$U/api/v1/help-requests"
tap_check "both audited" [ "$(audited organisation.deactivate "organisation:$TEAM")" = 1 ] && [ "$(audited organisation.activate "organisation:$TEAM")" = 1 ]

# --- users with name and e-mail ---
call "a user is made with a name and e-mail" 201 \
	'.full_name == "Anna de Vries" and .email == "a.devries@huisarts-oost.nl" and (.password | length) == 20' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" \
	-d "{\"username\":\"a.devries\",\"role\":\"verwijzer\",\"organisation_id\":$GP,\"full_name\":\"Anna de Vries\",\"email\":\"a.devries@huisarts-oost.nl\"}" \
	"$U/api/v1/users"
NEW=$(jq .id body)
for bad in 'anna' 'anna@' '@oost.nl' 'anna@oost' 'an na@oost.nl' 'anna@@oost.nl' 'anna@oost..nl' '.anna@oost.nl'; do
	call "the e-mail address '$bad' is refused" 422 '.error.field == "email"' \
		-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d "{\"email\":\"$bad\"}" "$U/api/v1/users/$NEW/details"
done
call "a new user with a bad e-mail is not made" 422 '.error.field == "email"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" \
	-d "{\"username\":\"b.bad\",\"role\":\"verwijzer\",\"organisation_id\":$GP,\"email\":\"b@\"}" "$U/api/v1/users"
tap_check "... nothing of it written" [ "$(sqlite3 s.db "SELECT COUNT(*) FROM users WHERE username = 'b.bad'")" = 0 ]
call "the details changed" 200 '.full_name == "Anna Jansen" and .email == "anna@oost.nl"' \
	-b a.jar -H "X-CSRF-Token: $A" -H "$JSON" -d '{"full_name":"Anna Jansen","email":"anna@oost.nl"}' \
	"$U/api/v1/users/$NEW/details"
call "a consulent may not change them" 403 - \
	-b c.jar -H "X-CSRF-Token: $C" -H "$JSON" -d '{"full_name":"X"}' "$U/api/v1/users/$NEW/details"
tap_check "details audited, never with the address" \
	[ "$(audited user.details "user:$NEW")" = 2 ] && [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE object LIKE '%oost.nl%'")" = 0 ]
tap_end
