#!/bin/sh
# Black-box tests of the second factor (issue 15 point 5): sh tests/http/second_factor.sh BINARY
# A tiny region (a local team, a consulent, the administrator), `jeugdroute serve
# --second-factor verplicht`, and curl, jq, sqlite3 and oathtool (oath-toolkit, the TOTP codes
# of RFC 6238 computed apart from the program): a user who must have a second factor is held to
# enrolment; the secret is shown once and confirmed with a first code; ten recovery codes, each
# used once; every later login asks for a code after the password, a code counts once, a wrong
# one waits; the administrator resets a user's second factor (its sessions end); audited.
# Prints TAP; exits 0 when everything passed.
set -u
. "$(dirname "$0")/../lib/tap.sh"
BIN=$1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
tap_need "$BIN" curl jq sqlite3 oathtool
WORK=$(mktemp -d /tmp/jr-2fa-XXXXXX)
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
CM=$(JEUGDROUTE_USER_PASSWORD=contract-wachtwoord "$BIN" user add $D --username contract \
	--role contract_manager | jq .id)
ALMELO=$(JEUGDROUTE_USER_PASSWORD=almelo-wachtwoord "$BIN" user add $D --username c.almelo \
	--role consulent --organisation "$TEAM" | jq .id)
[ -n "$ALMELO" ] && [ -n "$CM" ] || tap_bail "the region could not be made"

"$BIN" serve $D --listen 127.0.0.1:0 --threads 2 --ready-file ready --second-factor verplicht \
	>serve.out 2>serve.err &
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
login() { # login JAR USER PASSWORD: the CSRF token on stdout, the answer in login.json
	curl -s -c "$1" -H "$JSON" -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$U/api/v1/login" \
		>login.json
	jq -r .csrf login.json
}
audited() { sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE action = '$1'${2:+ AND object = '$2'}"; }
code_at() { oathtool --totp -b "$1" ${2:+-N "$2"}; } # code_at SECRET [WHEN]

# --- held to enrolment ---
C=$(login c.jar c.almelo almelo-wachtwoord)
tap_check "login with the password alone (nothing enrolled yet)" \
	jq -e '.second_factor == false and .second_factor_pending == false' login.json
call "a consulent without a second factor reads nothing" 403 '.error.code == "second_factor_enrolment_required"' \
	-b c.jar "$U/api/v1/help-requests"
call "it is told it must enrol" 200 '.required == true and .enrolled == false' \
	-b c.jar "$U/api/v1/me/second-factor"
C2=$(login cm.jar contract contract-wachtwoord)
call "a contract manager (no client data) need not" 200 '.required == false' \
	-b cm.jar "$U/api/v1/me/second-factor"
call "... and works without one" 200 - -b cm.jar "$U/api/v1/providers"

# --- enrolment ---
call "enrolment shows the secret once, as text and otpauth:// URI" 201 \
	'(.uri | startswith("otpauth://totp/jeugdroute:c.almelo?secret=")) and (.secret | test("^[A-Z2-7]{4}( [A-Z2-7]{4})+$"))' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" "$U/api/v1/me/second-factor"
SECRET=$(jq -r '.secret | gsub(" "; "")' body)
tap_check "the secret is stored sealed, not in the clear" \
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM second_factors WHERE instr(secret_sealed, '$SECRET') > 0")" = 0 ]
call "a wrong first code is refused on its field" 422 '.error.field == "code"' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d '{"code":"000000"}' \
	"$U/api/v1/me/second-factor/confirm"
FIRST=$(code_at "$SECRET")
call "the first code confirms it and gives ten recovery codes" 200 \
	'.enrolled == true and (.recovery_codes | length == 10) and (.recovery_codes | unique | length == 10)' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d "{\"code\":\"$FIRST\"}" \
	"$U/api/v1/me/second-factor/confirm"
jq -r '.recovery_codes[]' body >recovery.txt
R1=$(sed -n 1p recovery.txt)
tap_check "recovery codes are kept hashed (Argon2id), never in the clear" \
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM recovery_codes WHERE code_hash LIKE '\$argon2id\$%' AND instr(code_hash, '$(echo "$R1" | tr -d -)') = 0")" = 10 ]
call "a second enrolment over a confirmed one is refused" 409 - \
	-b c.jar -X POST -H "X-CSRF-Token: $C" "$U/api/v1/me/second-factor"
call "enrolled, the consulent works" 200 - -b c.jar "$U/api/v1/help-requests"
tap_check "enrolment audited" [ "$(audited second_factor.confirm "user:$ALMELO")" = 1 ]

# --- the second step of a login ---
curl -s -o /dev/null -b c.jar -X POST -H "X-CSRF-Token: $C" "$U/api/v1/logout"
C=$(login c.jar c.almelo almelo-wachtwoord)
tap_check "the password opens only a pending session" \
	jq -e '.second_factor == true and .second_factor_pending == true' login.json
call "a pending session reads nothing" 403 '.error.code == "second_factor_required"' \
	-b c.jar "$U/api/v1/help-requests"
call "... not even the enrolment" 403 - -b c.jar "$U/api/v1/me/second-factor"
call "... but says who it is" 200 '.second_factor_pending == true' -b c.jar "$U/api/v1/me"
call "the code of the enrolment counts once" 401 '.error.code == "bad_code" and .error.field == "code"' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d "{\"code\":\"$FIRST\"}" \
	"$U/api/v1/login/second-factor"
# the wait after a wrong code is counted in whole seconds, so that the first one may be over
# before the next request arrives on a busy machine: wrong codes at once until one is told to
# wait (at most three; the wait doubles), then as long as it says
waited=
for _ in 1 2 3; do
	got=$(curl -s -o body -D headers -w '%{http_code}' -b c.jar -X POST -H "X-CSRF-Token: $C" \
		-H "$JSON" -d '{"code":"123456"}' "$U/api/v1/login/second-factor")
	[ "$got" = 429 ] && { waited=yes; break; }
done
tap_check "right after wrong codes the next waits (429)" [ -n "$waited" ]
tap_check "... said as \"wait\"" jq -e '.error.code == "wait"' body
tap_check "... with Retry-After" grep -qi '^Retry-After: [0-9]' headers
sleep "$(($(sed -n 's/^Retry-After: *\([0-9]*\).*/\1/ip' headers | tr -d '\r' | head -1) + 1))"
NEXT=$(code_at "$SECRET" "now + 30 seconds")
call "the code of the next step (clock drift of one step) lets it in" 200 \
	'.second_factor_pending == false and .username == "c.almelo"' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d "{\"code\":\"$NEXT\"}" \
	"$U/api/v1/login/second-factor"
call "... and the session works" 200 - -b c.jar "$U/api/v1/help-requests"
tap_check "a wrong code and the passing audited" \
	[ "$(audited login.second_factor.failed "user:$ALMELO")" -ge 1 ] && [ "$(audited login.second_factor "user:$ALMELO")" = 1 ]

# --- recovery codes, each once ---
curl -s -o /dev/null -b c.jar -X POST -H "X-CSRF-Token: $C" "$U/api/v1/logout"
C=$(login c.jar c.almelo almelo-wachtwoord)
call "a recovery code lets it in" 200 '.second_factor_pending == false' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d "{\"code\":\"$R1\"}" \
	"$U/api/v1/login/second-factor"
call "nine are left" 200 '.recovery_codes_left == 9' -b c.jar "$U/api/v1/me/second-factor"
curl -s -o /dev/null -b c.jar -X POST -H "X-CSRF-Token: $C" "$U/api/v1/logout"
C=$(login c.jar c.almelo almelo-wachtwoord)
call "the same recovery code a second time is refused" 401 '.error.code == "bad_code"' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d "{\"code\":\"$R1\"}" \
	"$U/api/v1/login/second-factor"
sleep 2
R2=$(sed -n 2p recovery.txt | tr 'A-Z' 'a-z' | tr -d -)
call "another, typed in small letters without dashes, is taken" 200 '.second_factor_pending == false' \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d "{\"code\":\"$R2\"}" \
	"$U/api/v1/login/second-factor"
call "a code after the login is done is refused" 409 - \
	-b c.jar -X POST -H "X-CSRF-Token: $C" -H "$JSON" -d '{"code":"123456"}' \
	"$U/api/v1/login/second-factor"
call "a code without a session is refused" 401 - -H "$JSON" -d '{"code":"123456"}' \
	"$U/api/v1/login/second-factor"

# --- the administrator enrols too, and resets the consulent's ---
A=$(login a.jar admin beheer-wachtwoord-1)
call "the administrator is held to enrolment too" 403 '.error.code == "second_factor_enrolment_required"' \
	-b a.jar "$U/api/v1/users"
curl -s -o body -b a.jar -X POST -H "X-CSRF-Token: $A" "$U/api/v1/me/second-factor"
ASECRET=$(jq -r '.secret | gsub(" "; "")' body)
call "the administrator confirms its own" 200 '.enrolled == true' \
	-b a.jar -X POST -H "X-CSRF-Token: $A" -H "$JSON" -d "{\"code\":\"$(code_at "$ASECRET")\"}" \
	"$U/api/v1/me/second-factor/confirm"
call "the user list shows who has a second factor" 200 \
	".items | map(select(.username == \"c.almelo\"))[0].second_factor == true" -b a.jar "$U/api/v1/users"
call "a consulent may not reset anyone's" 403 - \
	-b c.jar -X DELETE -H "X-CSRF-Token: $C" "$U/api/v1/users/$ALMELO/second-factor"
call "an unknown user's reset: 404" 404 - \
	-b a.jar -X DELETE -H "X-CSRF-Token: $A" "$U/api/v1/users/99999/second-factor"
call "the administrator resets the consulent's second factor" 200 \
	'.second_factor == false and .sessions_ended >= 1' \
	-b a.jar -X DELETE -H "X-CSRF-Token: $A" "$U/api/v1/users/$ALMELO/second-factor"
call "the consulent's session ended with it" 401 - -b c.jar "$U/api/v1/me"
tap_check "the reset audited" [ "$(audited second_factor.reset "user:$ALMELO")" = 1 ]
tap_check "its recovery codes are gone" [ "$(sqlite3 s.db "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $ALMELO")" = 0 ]
C=$(login c.jar c.almelo almelo-wachtwoord)
tap_check "after the reset the password alone logs in again" jq -e '.second_factor_pending == false' login.json
call "... held to a new enrolment" 403 '.error.code == "second_factor_enrolment_required"' \
	-b c.jar "$U/api/v1/help-requests"
tap_check "no secret or code is in the audit log" \
	[ "$(sqlite3 s.db "SELECT COUNT(*) FROM audit_log WHERE object LIKE '%$SECRET%' OR object LIKE '%$R1%'")" = 0 ]

tap_end
