#!/bin/sh
# Black-box tests of the accounts an administrator manages (issue 11, finding 10):
# sh tests/http/accounts.sh BINARY
# Makes a tiny region in a temporary directory (a local team, a GP practice, one child, a few
# users), starts `jeugdroute serve` on a free loopback port and checks with curl and jq: a role
# must fit its organisation's kind (also when planted straight in the database: then it reads
# nothing), deactivation ends sessions and API tokens at once and refuses a login as a wrong
# password is refused, a password reset shown once and replaced at the next login, a user's own
# password change, API tokens issued, listed, used and revoked, and every action audited.
# Prints TAP; exits 0 when everything passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3
WORK=$(mktemp -d /tmp/jr-accounts-XXXXXX)
SERVER_PID=
cleanup() {
	# the server signs its last audit checkpoint as it stops: wait for it before removing
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1

# --- the region: a local team of Almelo and a GP practice there, one child, five users ---
export JEUGDROUTE_ADMIN_PASSWORD=beheer-wachtwoord-1
D="--db s.db --key s.key"
"$BIN" init $D >/dev/null || tap_bail "init"
TEAM=$("$BIN" organisation add $D --kind local_team --name "Lokaal team Almelo" --municipality 0141 | jq .id)
GP=$("$BIN" organisation add $D --kind gp_practice --name "Huisartsenpraktijk De Linde" \
	--municipality 0141 --agb 01012345 | jq .id)
CHILD=$("$BIN" person add $D --bsn 123456782 --given-names Sem --family-name Jansen \
	--birth-date 2015-04-01 --municipality 0141 | jq .id)
adduser() { # adduser NAME ROLE PASSWORD [ORGANISATION]: the new user's id
	JEUGDROUTE_USER_PASSWORD=$3 "$BIN" user add $D --username "$1" --role "$2" \
		${4:+--organisation "$4"} | jq .id
}
ALMELO=$(adduser c.almelo consulent almelo-wachtwoord "$TEAM")
PLANT=$(adduser c.plant consulent plant-wachtwoord "$TEAM")
GP_USER=$(adduser huisarts verwijzer huisarts-wachtwoord "$GP")
BEHEER2=$(adduser beheer2 admin tweede-beheerder-1)
ADMIN_ID=$(sqlite3 s.db "SELECT id FROM users WHERE username = 'admin'")
[ -n "$CHILD" ] && [ -n "$ALMELO" ] && [ -n "$PLANT" ] && [ -n "$GP_USER" ] && [ -n "$BEHEER2" ] ||
	tap_bail "the region could not be made"

"$BIN" serve $D --listen 127.0.0.1:0 --threads 2 --ready-file ready >serve.out 2>serve.err &
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
# wait_out USER PASSWORD: while a login of USER from here must wait (429, after failed attempts
# from this address), waits as long as Retry-After says
# (a login that gets through is logged out again, so that it leaves no session behind)
wait_out() {
	for _ in 1 2 3 4 5 6; do
		curl -s -o wait.json -D wait.headers -c wait.jar -H "$JSON" \
			-d "{\"username\":\"$1\",\"password\":\"$2\"}" "$U/api/v1/login"
		if ! grep -q '^HTTP/[0-9.]* 429' wait.headers; then
			curl -s -o /dev/null -b wait.jar -X POST -H "X-CSRF-Token: $(jq -r .csrf wait.json)" \
				"$U/api/v1/logout"
			return 0
		fi
		sleep "$(sed -n 's/^Retry-After: *\([0-9]*\).*/\1/ip' wait.headers)"
	done
}
audited() { # audited ACTION [OBJECT]: how many audit entries
	sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = '$1'${2:+ AND object = '$2'}"
}
ADMIN=$(login admin.jar admin "$JEUGDROUTE_ADMIN_PASSWORD")
# acall NAME STATUS JQ METHOD PATH [BODY]: call as the administrator
acall() {
	if [ $# -ge 6 ]; then
		call "$1" "$2" "$3" -X "$4" -b admin.jar -H "X-CSRF-Token: $ADMIN" -H "$JSON" -d "$6" "$U$5"
	else
		call "$1" "$2" "$3" -X "$4" -b admin.jar -H "X-CSRF-Token: $ADMIN" "$U$5"
	fi
}

# --- 1. a role must fit its organisation's kind ---
acall "the consulent of a GP practice cannot be made (422, field role)" 422 \
	'.error.field == "role" and (.error.message | test("lokaal team")) and (.error.message | test("huisartsenpraktijk"))' \
	POST /api/v1/users "{\"username\":\"c.huisarts\",\"role\":\"consulent\",\"organisation_id\":$GP}"
tap_check "... and nothing of it was written" [ "$(sqlite3 s.db "SELECT COUNT(*) FROM users WHERE username = 'c.huisarts'")" = 0 ]
tap_check "... but the refusal is audited" [ "$(audited user.add.refused)" -ge 1 ]
acall "a consulent without an organisation cannot be made (422, field organisation_id)" 422 \
	'.error.field == "organisation_id"' \
	POST /api/v1/users '{"username":"c.nergens","role":"consulent"}'
acall "an administrator at an organisation cannot be made (422, field organisation_id)" 422 \
	'.error.field == "organisation_id" and (.error.message | test("geen organisatie"))' \
	POST /api/v1/users "{\"username\":\"beheer.team\",\"role\":\"admin\",\"organisation_id\":$TEAM}"
acall "a referrer at a GP practice can" 201 \
	'.role == "verwijzer" and .organisation_kind == "gp_practice" and .role_fits and .active and (.password | test("^[A-Za-z0-9]{20}$"))' \
	POST /api/v1/users "{\"username\":\"huisarts2\",\"role\":\"verwijzer\",\"organisation_id\":$GP}"
acall "a role change must fit too (422, field role)" 422 '.error.field == "role"' \
	POST "/api/v1/users/$ALMELO/role" "{\"role\":\"consulent\",\"organisation_id\":$GP}"
acall "a role change to an unknown organisation: 422 organisation_id" 422 '.error.field == "organisation_id"' \
	POST "/api/v1/users/$ALMELO/role" '{"role":"consulent","organisation_id":999999}'
acall "a role change of an unknown user: 404" 404 '.error.field == "id"' \
	POST /api/v1/users/999999/role "{\"role\":\"consulent\",\"organisation_id\":$TEAM}"
acall "an unknown role is named" 422 '.error.field == "role"' \
	POST "/api/v1/users/$ALMELO/role" '{"role":"ouder"}'

# --- 2. the old "consulent at a GP practice", planted in the database, reads nothing ---
PLANT_CSRF=$(login plant.jar c.plant plant-wachtwoord)
call "before: the consulent of Almelo reads an Almelo child" 200 ".id == $CHILD" -b plant.jar "$U/api/v1/persons/$CHILD"
sqlite3 s.db "UPDATE users SET organisation_id = $GP WHERE id = $PLANT"
call "planted at a GP practice: its session reads nothing (401)" 401 '.error.code == "login_required"' \
	-b plant.jar "$U/api/v1/persons/$CHILD"
call "... not even who it is (401)" 401 '.error.code == "login_required"' -b plant.jar "$U/api/v1/me"
curl -s -o unknown.json -H "Authorization: Bearer $(printf 'x%.0s' $(seq 1 43))" "$U/api/v1/me"
tap_check "... the same answer as an unknown session" [ "$(jq -c .error body)" = "$(jq -c .error unknown.json)" ]
tap_check "... audited as a refused session" [ "$(audited session.refused.role "user:$PLANT")" -ge 2 ]
curl -s -o wrong.json -H "$JSON" -d '{"username":"niemand.hier","password":"fout-wachtwoord"}' "$U/api/v1/login"
call "planted: the right password gets the answer of a wrong one (401)" 401 '.error.code == "bad_credentials"' \
	-H "$JSON" -d '{"username":"c.plant","password":"plant-wachtwoord"}' "$U/api/v1/login"
tap_check "... the very same answer" [ "$(jq -c .error body)" = "$(jq -c .error wrong.json)" ]
tap_check "... no session cookie" sh -c '! grep -qi "^Set-Cookie: jr_session=[A-Za-z0-9]" headers'
tap_check "... audited as a refused login" [ "$(audited login.refused c.plant)" -ge 1 ]
acall "the administrator sees it does not fit" 200 \
	"(.items[] | select(.id == $PLANT) | .role_fits == false and .organisation_kind == \"gp_practice\") and ([.items[] | select(.id != $PLANT) | .role_fits] | all)" \
	GET /api/v1/users
acall "no API token for a user whose role does not fit (422, field role)" 422 '.error.field == "role"' \
	POST "/api/v1/users/$PLANT/tokens" '{"name":"suite"}'
acall "repaired with a role that fits: its old session ends" 200 \
	'.role == "verwijzer" and .role_fits and .ended_sessions == 1' \
	POST "/api/v1/users/$PLANT/role" "{\"role\":\"verwijzer\",\"organisation_id\":$GP}"
call "... and the old session stays gone" 401 - -b plant.jar "$U/api/v1/me"

# --- 3. deactivation: sessions and tokens end at once; no login, answered as a wrong password ---
CSRF=$(login almelo.jar c.almelo almelo-wachtwoord)
acall "an API token for the consulent, shown once" 201 \
	".user_id == $ALMELO and .name == \"wijkteam-suite\" and (.token | test(\"^[A-Za-z0-9_-]{43}\$\")) and .last_used_at == null" \
	POST "/api/v1/users/$ALMELO/tokens" '{"name":"wijkteam-suite","days":30}'
TOKEN=$(jq -r .token body)
TOKEN_ID=$(jq -r .id body)
call "the token works" 200 ".user_id == $ALMELO and .role == \"consulent\"" -H "Authorization: Bearer $TOKEN" "$U/api/v1/me"
call "the session works" 200 ".id == $CHILD" -b almelo.jar "$U/api/v1/persons/$CHILD"
acall "deactivated: two sessions and tokens ended" 200 '.active == false and .ended_sessions == 2' \
	POST "/api/v1/users/$ALMELO/deactivate"
call "the next request with the session is 401" 401 '.error.code == "login_required"' -b almelo.jar "$U/api/v1/persons/$CHILD"
call "the next request with the token is 401" 401 '.error.code == "login_required"' \
	-H "Authorization: Bearer $TOKEN" "$U/api/v1/me"
tap_check "... the same answer as an unknown session" [ "$(jq -c .error body)" = "$(jq -c .error unknown.json)" ]
call "a deactivated user's right password gets the answer of a wrong one" 401 '.error.code == "bad_credentials"' \
	-H "$JSON" -d '{"username":"c.almelo","password":"almelo-wachtwoord"}' "$U/api/v1/login"
tap_check "... the very same answer" [ "$(jq -c .error body)" = "$(jq -c .error wrong.json)" ]
acall "no new token for a deactivated user (409)" 409 '.error.field == "id"' \
	POST "/api/v1/users/$ALMELO/tokens" '{"name":"nog een"}'
acall "an administrator cannot deactivate itself (409)" 409 '.error.field == "id"' \
	POST "/api/v1/users/$ADMIN_ID/deactivate"
tap_check "... audited as refused" [ "$(audited user.deactivate.refused "user:$ADMIN_ID")" = 1 ]
acall "nor change its own role (409)" 409 '.error.field == "id"' \
	POST "/api/v1/users/$ADMIN_ID/role" '{"role":"policy"}'
acall "deactivating an unknown user: 404" 404 '.error.field == "id"' POST /api/v1/users/999999/deactivate
acall "another administrator can be deactivated" 200 '.active == false' POST "/api/v1/users/$BEHEER2/deactivate"
call "... and then cannot log in" 401 '.error.code == "bad_credentials"' \
	-H "$JSON" -d '{"username":"beheer2","password":"tweede-beheerder-1"}' "$U/api/v1/login"
acall "reactivated" 200 '.active == true and .ended_sessions == 0' POST "/api/v1/users/$ALMELO/activate"
call "... the old session does not come back" 401 - -b almelo.jar "$U/api/v1/me"
call "... nor the old token" 401 - -H "Authorization: Bearer $TOKEN" "$U/api/v1/me"
# the deactivated user's attempt above counted as a failed one from this address: its wait first
wait_out c.almelo almelo-wachtwoord
call "... a new login works" 200 '.username == "c.almelo" and .must_change_password == false' -c almelo.jar \
	-H "$JSON" -d '{"username":"c.almelo","password":"almelo-wachtwoord"}' "$U/api/v1/login"
CSRF=$(jq -r .csrf body)

# --- 4. a password reset: shown once, never kept, to be replaced at the next login ---
acall "an administrator resets a password; it is shown once" 200 \
	'(.password | test("^[A-HJ-NP-Za-km-z2-9]{20}$")) and .must_change_password and .ended_sessions == 1' \
	POST "/api/v1/users/$ALMELO/password"
NEWPW=$(jq -r .password body)
tap_check "... not to be cached (Cache-Control: no-store)" grep -qi '^Cache-Control: no-store' headers
tap_check "... not in the database in clear" [ "$(sqlite3 s.db "SELECT COUNT(*) FROM users WHERE password_hash LIKE '%$NEWPW%'")" = 0 ]
tap_check "... not in the audit log" [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE object LIKE '%$NEWPW%' OR reason LIKE '%$NEWPW%'")" = 0 ]
tap_check "... not in the server's log" sh -c "! grep -q '$NEWPW' serve.out serve.err"
tap_check "... the reset is audited" [ "$(audited user.password_reset "user:$ALMELO")" = 1 ]
call "the reset ended the session" 401 - -b almelo.jar "$U/api/v1/me"
call "the new password works, and says a new password must be chosen" 200 '.must_change_password == true' \
	-c almelo.jar -H "$JSON" -d "{\"username\":\"c.almelo\",\"password\":\"$NEWPW\"}" "$U/api/v1/login"
CSRF=$(jq -r .csrf body)
call "until then nothing else is open (403)" 403 '.error.code == "password_change_required"' \
	-b almelo.jar "$U/api/v1/persons/$CHILD"
call "... but who am I is" 200 '.must_change_password == true' -b almelo.jar "$U/api/v1/me"
pw() { # pw OLD NEW: the body of a password change
	jq -cn --arg o "$1" --arg n "$2" '{old_password: $o, new_password: $n}'
}
call "a new password of 11 characters is too short (422, new_password)" 422 '.error.field == "new_password"' \
	-b almelo.jar -H "X-CSRF-Token: $CSRF" -H "$JSON" -d "$(pw "$NEWPW" kort-genoeg)" "$U/api/v1/me/password"
call "the user name is no password (422, new_password)" 422 '.error.field == "new_password"' \
	-b almelo.jar -H "X-CSRF-Token: $CSRF" -H "$JSON" -d "$(pw "$NEWPW" C.ALMELO)" "$U/api/v1/me/password"
call "nor the password it replaces (422, new_password)" 422 '.error.field == "new_password"' \
	-b almelo.jar -H "X-CSRF-Token: $CSRF" -H "$JSON" -d "$(pw "$NEWPW" "$NEWPW")" "$U/api/v1/me/password"
call "a misspelt field is named" 422 '.error.field == "new"' \
	-b almelo.jar -H "X-CSRF-Token: $CSRF" -H "$JSON" -d '{"old_password":"x","new":"y"}' "$U/api/v1/me/password"
call "a change without the CSRF token: 403" 403 '.error.code == "csrf"' \
	-b almelo.jar -H "$JSON" -d "$(pw "$NEWPW" "een zin van de consulent")" "$U/api/v1/me/password"
call "the user chooses its own password" 200 '.changed and .must_change_password == false' \
	-b almelo.jar -H "X-CSRF-Token: $CSRF" -H "$JSON" -d "$(pw "$NEWPW" "een zin van de consulent")" \
	"$U/api/v1/me/password"
call "... and may work again in the same session" 200 ".id == $CHILD" -b almelo.jar "$U/api/v1/persons/$CHILD"
tap_check "... the change is audited" [ "$(audited user.password_change "user:$ALMELO")" = 1 ]
call "the password before the reset no longer works" 401 '.error.code == "bad_credentials"' \
	-H "$JSON" -d '{"username":"c.almelo","password":"almelo-wachtwoord"}' "$U/api/v1/login"
GP_CSRF=$(login gp.jar huisarts huisarts-wachtwoord)
call "a wrong current password is named (422, old_password)" 422 '.error.field == "old_password"' \
	-b gp.jar -H "X-CSRF-Token: $GP_CSRF" -H "$JSON" -d "$(pw "niet-het-wachtwoord" "weer een andere zin")" \
	"$U/api/v1/me/password"
tap_check "... counts as a failed login" [ "$(sqlite3 s.db "SELECT failed_logins FROM users WHERE id = $GP_USER")" = 1 ]
tap_check "... and is audited as refused" [ "$(audited user.password_change.refused "user:$GP_USER")" = 1 ]
acall "an administrator does not reset its own password (409)" 409 '.error.field == "id"' \
	POST "/api/v1/users/$ADMIN_ID/password"
acall "resetting an unknown user: 404" 404 - POST /api/v1/users/999999/password

# --- 5. API tokens: issued, listed without the secret, used, revoked ---
acall "a token for the GP" 201 '.name == "his-koppeling" and (.expires_at | test("^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"))' \
	POST "/api/v1/users/$GP_USER/tokens" '{"name":"his-koppeling","days":30}'
GP_TOKEN=$(jq -r .token body)
GP_TOKEN_ID=$(jq -r .id body)
tap_check "only its hash is stored" [ "$(sqlite3 s.db "SELECT COUNT(*) FROM sessions WHERE token_hash = '$GP_TOKEN' OR name LIKE '%$GP_TOKEN%' OR csrf = '$GP_TOKEN'")" = 0 ]
acall "the list names it, never the token" 200 \
	".count == 1 and .items[0].id == $GP_TOKEN_ID and .items[0].last_used_at == null and ([.items[] | has(\"token\") or has(\"token_hash\")] | any | not)" \
	GET "/api/v1/users/$GP_USER/tokens"
tap_check "... nor anything like it" sh -c "! grep -q '$GP_TOKEN' body"
call "the token works" 200 '.role == "verwijzer"' -H "Authorization: Bearer $GP_TOKEN" "$U/api/v1/me"
call "a token cannot change the password (403)" 403 '.error.code == "forbidden"' -H "Authorization: Bearer $GP_TOKEN" \
	-H "$JSON" -d "$(pw huisarts-wachtwoord "een nieuw wachtwoord")" "$U/api/v1/me/password"
acall "the list says when it was last used" 200 '.items[0].last_used_at | test("^20")' GET "/api/v1/users/$GP_USER/tokens"
acall "revoking it under another user: 404" 404 - DELETE "/api/v1/users/$ALMELO/tokens/$GP_TOKEN_ID"
acall "revoked" 200 ".revoked and .id == $GP_TOKEN_ID" DELETE "/api/v1/users/$GP_USER/tokens/$GP_TOKEN_ID"
call "the next request with it is 401" 401 '.error.code == "login_required"' -H "Authorization: Bearer $GP_TOKEN" "$U/api/v1/me"
acall "revoked twice: 404" 404 - DELETE "/api/v1/users/$GP_USER/tokens/$GP_TOKEN_ID"
acall "the list is empty" 200 '.count == 0' GET "/api/v1/users/$GP_USER/tokens"
acall "a token needs a name (422, name)" 422 '.error.field == "name"' POST "/api/v1/users/$GP_USER/tokens" '{"days":5}'
acall "a lifetime of 0 days: 422 days" 422 '.error.field == "days"' \
	POST "/api/v1/users/$GP_USER/tokens" '{"name":"x","days":0}'
acall "a lifetime over ten years: 422 days" 422 '.error.field == "days"' \
	POST "/api/v1/users/$GP_USER/tokens" '{"name":"x","days":3661}'
acall "a token for an unknown user: 404" 404 '.error.field == "id"' POST /api/v1/users/999999/tokens '{"name":"x"}'
acall "the tokens of an unknown user: 404" 404 - GET /api/v1/users/999999/tokens
acall "one user, by its number" 200 ".id == $GP_USER and .username == \"huisarts\" and (has(\"password\") | not)" GET "/api/v1/users/$GP_USER"
# only an administrator manages accounts, its own tokens included
call "a consulent may not issue tokens (403)" 403 - -b almelo.jar -H "X-CSRF-Token: $CSRF" -H "$JSON" \
	-d '{"name":"eigen"}' "$U/api/v1/users/$ALMELO/tokens"
call "nor list them (403)" 403 - -b almelo.jar "$U/api/v1/users/$ALMELO/tokens"
call "nor deactivate anyone (403)" 403 - -X POST -b almelo.jar -H "X-CSRF-Token: $CSRF" "$U/api/v1/users/$GP_USER/deactivate"
call "nor reset a password (403)" 403 - -X POST -b almelo.jar -H "X-CSRF-Token: $CSRF" "$U/api/v1/users/$GP_USER/password"
call "without a login: 401" 401 - -X POST "$U/api/v1/users/$GP_USER/deactivate"

# --- 6. every administrative action is audited: who, which user, what ---
tap_check "deactivation, reactivation, role, reset and tokens are audited as the administrator" [ "$(sqlite3 s.db \
	"SELECT COUNT(DISTINCT action) FROM audit_log WHERE actor = 'user:admin' AND action IN ('user.deactivate',
	'user.activate', 'user.role', 'user.password_reset', 'api_token.add', 'api_token.revoke')")" = 6 ]
tap_check "each names the user acted on" [ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE actor = 'user:admin'
	AND action IN ('user.deactivate', 'user.activate', 'user.role', 'user.password_reset') AND object NOT LIKE 'user:%'")" = 0 ]
if "$BIN" audit verify $D >/dev/null 2>&1; then
	ok "the audit chain holds after all this"
else
	not_ok "the audit chain holds after all this" "$("$BIN" audit verify $D 2>&1 | head -3)"
fi

tap_end
