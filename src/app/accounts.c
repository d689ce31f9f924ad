/* accounts: account administration and a user's own password (accounts.h). */
#include "app/accounts.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app/password.h"
#include "app/access.h"
#include "core/roles.h"
#include "core/text.h"

__attribute__((format(printf, 3, 4))) static void say(struct jr_account_refusal *why,
						      const char *field, const char *fmt, ...)
{
	va_list ap;

	why->field = field;
	va_start(ap, fmt);
	vsnprintf(why->message, sizeof(why->message), fmt, ap);
	va_end(ap);
}

static void clear(struct jr_account_refusal *why)
{
	why->field = NULL;
	why->message[0] = '\0';
}

/* An administrator acting on its own account: refused and audited as `action`.refused. */
static enum jr_err refuse_self(struct jr_store *s, const struct jr_actor *a, const char *action,
			       int64_t id, struct jr_account_refusal *why, const char *message)
{
	char name[48], object[32];
	enum jr_err err;

	snprintf(name, sizeof(name), "%s.refused", action);
	snprintf(object, sizeof(object), "user:%lld", (long long)id);
	say(why, "id", "%s", message);
	err = jr_store_audit_event(s, a, name, 0, object);
	return err ? err : JR_ERR_CONFLICT;
}

/* Explains why user `id`'s role does not fit its organisation (the user exists). */
static enum jr_err explain_misfit(struct jr_store *s, int64_t id, struct jr_account_refusal *why)
{
	struct jr_user u;
	enum jr_err err = jr_store_user_get(s, id, &u);

	if (err)
		return err;
	why->field = jr_role_misfit(u.role, u.org_kind, why->message, sizeof(why->message));
	if (!why->field)
		say(why, "role", "de rol past niet bij de organisatie");
	return JR_ERR_REFUSED;
}

enum jr_err jr_app_password_acceptable(const char *username, const char *old,
				       const char *candidate, struct jr_account_refusal *why)
{
	size_t chars;
	bool same = true;

	clear(why);
	if (strlen(candidate) > JR_PASSWORD_MAX) {
		say(why, "new_password", "het wachtwoord is langer dan %d tekens; kies een korter",
		    JR_PASSWORD_MAX);
		return JR_ERR_INPUT;
	}
	if (!jr_text_valid(candidate, JR_PASSWORD_MAX + 1, false)) {
		say(why, "new_password",
		    "het wachtwoord bevat stuurtekens of is geen geldige tekst; kies letters, cijfers, "
		    "spaties of leestekens");
		return JR_ERR_INPUT;
	}
	chars = jr_text_chars(candidate);
	if (chars < JR_PASSWORD_MIN) {
		say(why, "new_password",
		    "het wachtwoord is te kort: kies er een van ten minste %d tekens, bijvoorbeeld een "
		    "zin van een paar woorden",
		    JR_PASSWORD_MIN);
		return JR_ERR_INPUT;
	}
	if (strcasecmp(candidate, username) == 0) {
		say(why, "new_password", "het wachtwoord is gelijk aan de gebruikersnaam; kies een ander");
		return JR_ERR_INPUT;
	}
	if (old && strcmp(candidate, old) == 0) {
		say(why, "new_password", "het nieuwe wachtwoord is het huidige; kies een ander");
		return JR_ERR_INPUT;
	}
	for (size_t i = 1; candidate[i]; i++)
		same &= candidate[i] == candidate[0];
	if (same) {
		say(why, "new_password",
		    "het wachtwoord is één teken herhaald; kies er een dat moeilijker te raden is");
		return JR_ERR_INPUT;
	}
	return JR_OK;
}

/* Checks that organisation `organisation_id` (0 = none) exists and fits `role`; refusals are
 * audited as `action`.refused. */
static enum jr_err check_fit(struct jr_store *s, const struct jr_actor *a, const char *action,
			     const char *role, int64_t organisation_id,
			     struct jr_account_refusal *why)
{
	char kind[JR_ORG_KIND_MAX] = "", name[48], object[64];
	enum jr_err err;
	bool found = true;

	if (!jr_role_known(role)) {
		jr_role_misfit(role, "", why->message, sizeof(why->message));
		why->field = "role";
		return JR_ERR_INPUT;
	}
	if (organisation_id && (err = jr_store_organisation_kind(s, organisation_id, kind, &found)))
		return err;
	if (!found) {
		say(why, "organisation_id", "deze organisatie bestaat niet");
		return JR_ERR_INPUT;
	}
	why->field = jr_role_misfit(role, kind, why->message, sizeof(why->message));
	if (!why->field)
		return JR_OK;
	snprintf(name, sizeof(name), "%s.refused", action);
	snprintf(object, sizeof(object), "role:%s/organisation:%lld", role, (long long)organisation_id);
	err = jr_store_audit_event(s, a, name, 0, object);
	return err ? err : JR_ERR_REFUSED;
}

enum jr_err jr_app_user_add(struct jr_store *s, const struct jr_actor *a, const char *username,
			    const char *role, int64_t organisation_id, const char *password,
			    int64_t *id, struct jr_account_refusal *why)
{
	enum jr_err err;

	*id = 0;
	clear(why);
	if ((err = check_fit(s, a, "user.add", role, organisation_id, why)))
		return err;
	err = jr_store_user_add_in(s, a, username, role, organisation_id, password, id);
	if (err == JR_ERR_INPUT)
		say(why, "username",
		    "verwacht 3 tot 32 tekens: kleine letters, cijfers, punt, liggend streepje of "
		    "koppelteken");
	else if (err == JR_ERR_CONFLICT)
		say(why, "username", "de gebruikersnaam is al in gebruik; kies een andere");
	else if (err == JR_ERR_NOT_FOUND) /* gone since it was checked */
		say(why, "organisation_id", "deze organisatie bestaat niet");
	return err == JR_ERR_NOT_FOUND ? JR_ERR_INPUT : err;
}

enum jr_err jr_app_user_set_active(struct jr_store *s, const struct jr_actor *a,
				   int64_t acting_user, int64_t id, bool active, int64_t *ended,
				   struct jr_account_refusal *why)
{
	enum jr_err err;

	*ended = 0;
	clear(why);
	if (!active && acting_user == id)
		return refuse_self(s, a, "user.deactivate", id, why,
				   "u kunt uw eigen account niet deactiveren; laat een andere "
				   "beheerder dat doen");
	err = jr_store_user_set_active(s, a, id, active, ended);
	if (err == JR_ERR_NOT_FOUND)
		say(why, "id", "deze gebruiker bestaat niet");
	else if (err == JR_ERR_CONFLICT)
		say(why, "id",
		    "dit is de laatste actieve beheerder; maak eerst een andere beheerder aan of "
		    "activeer er een");
	else if (err == JR_ERR_REFUSED)
		err = explain_misfit(s, id, why);
	return err;
}

enum jr_err jr_app_user_set_role(struct jr_store *s, const struct jr_actor *a, int64_t acting_user,
				 int64_t id, const char *role, int64_t organisation_id,
				 int64_t *ended, struct jr_account_refusal *why)
{
	enum jr_err err;

	*ended = 0;
	clear(why);
	if (acting_user == id)
		return refuse_self(s, a, "user.role", id, why,
				   "u kunt uw eigen rol niet wijzigen; laat een andere beheerder dat "
				   "doen");
	if ((err = check_fit(s, a, "user.role", role, organisation_id, why)))
		return err;
	err = jr_store_user_set_role(s, a, id, role, organisation_id, ended);
	if (err == JR_ERR_NOT_FOUND)
		say(why, "id", "deze gebruiker of organisatie bestaat niet");
	else if (err == JR_ERR_CONFLICT)
		say(why, "role",
		    "dit is de laatste actieve beheerder; maak eerst een andere beheerder aan");
	else if (err == JR_ERR_REFUSED)
		say(why, "role", "de rol past niet bij de organisatie");
	else if (err == JR_ERR_INPUT)
		say(why, "role", "onbekende rol");
	return err;
}

enum jr_err jr_app_user_reset_password_to(struct jr_store *s, const struct jr_actor *a,
					  int64_t acting_user, int64_t id, const char *password,
					  int64_t *ended, struct jr_account_refusal *why)
{
	enum jr_err err;

	*ended = 0;
	clear(why);
	if (acting_user == id)
		return refuse_self(s, a, "user.password_reset", id, why,
				   "u kunt uw eigen wachtwoord hier niet herstellen; wijzig het "
				   "met uw huidige wachtwoord");
	err = jr_store_user_reset_password(s, a, id, password, true, ended);
	if (err == JR_ERR_NOT_FOUND)
		say(why, "id", "deze gebruiker bestaat niet");
	return err;
}

enum jr_err jr_app_user_reset_password(struct jr_store *s, const struct jr_actor *a,
				       int64_t acting_user, int64_t id, char *password,
				       int64_t *ended, struct jr_account_refusal *why)
{
	enum jr_err err;

	jr_app_password(password, JR_RESET_PASSWORD_LEN + 1);
	err = jr_app_user_reset_password_to(s, a, acting_user, id, password, ended, why);
	if (err) {
		sodium_memzero(password, JR_RESET_PASSWORD_LEN + 1);
		password[0] = '\0';
	}
	return err;
}

enum jr_err jr_app_password_change(struct jr_store *s, const struct jr_actor *a,
				   const struct jr_principal *p, const char *old,
				   const char *new_password, int64_t now, int *retry_after,
				   struct jr_account_refusal *why)
{
	enum jr_err err;

	*retry_after = 0;
	clear(why);
	if ((err = jr_app_password_acceptable(p->username, old, new_password, why)))
		return err;
	err = jr_store_user_change_password(s, a, p->user_id, old, new_password, now, p->csrf,
					    retry_after);
	if (err == JR_ERR_REFUSED && *retry_after > 0)
		say(why, "old_password",
		    "te veel mislukte pogingen; wacht %d seconden en probeer het dan opnieuw",
		    *retry_after);
	else if (err == JR_ERR_REFUSED)
		say(why, "old_password", "het huidige wachtwoord klopt niet");
	else if (err == JR_ERR_NOT_FOUND)
		say(why, NULL, "uw account bestaat niet meer");
	return err;
}

enum jr_err jr_app_token_add(struct jr_store *s, const struct jr_actor *a, int64_t user_id,
			     const char *name, int days, int64_t now,
			     char token_out[JR_TOKEN_LEN + 1], int64_t *id,
			     struct jr_account_refusal *why)
{
	struct jr_user u;
	enum jr_err err;

	token_out[0] = '\0';
	*id = 0;
	clear(why);
	if (!jr_text_valid(name, 101, false)) {
		say(why, "name", "geef de naam van het token: 1 tot 100 tekens, zonder stuurtekens");
		return JR_ERR_INPUT;
	}
	if (days < 1 || days > JR_TOKEN_DAYS_MAX) {
		say(why, "days", "verwacht een looptijd van 1 tot %d dagen", JR_TOKEN_DAYS_MAX);
		return JR_ERR_INPUT;
	}
	err = jr_store_api_token_add(s, a, user_id, name, days, now, token_out, id);
	if (err == JR_ERR_NOT_FOUND)
		say(why, "id", "deze gebruiker bestaat niet");
	else if (err == JR_ERR_REFUSED) {
		if ((err = jr_store_user_get(s, user_id, &u)))
			return err;
		if (!u.active) {
			say(why, "id", "de gebruiker is gedeactiveerd; activeer hem eerst");
			return JR_ERR_CONFLICT;
		}
		return explain_misfit(s, user_id, why);
	}
	return err;
}

static enum jr_err user_missing(struct jr_app *app, int64_t id)
{
	return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
			   "gebruiker niet gevonden: er is geen gebruiker met nummer %lld",
			   (long long)id);
}

enum jr_err jr_app_users(struct jr_app *app, jr_user_fn fn, void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	return jr_store_user_each(app->store, fn, ctx);
}

enum jr_err jr_app_user_get(struct jr_app *app, int64_t id, struct jr_user *u)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	err = jr_store_user_get(app->store, id, u);
	return err == JR_ERR_NOT_FOUND ? user_missing(app, id) : err;
}

enum jr_err jr_app_tokens(struct jr_app *app, int64_t user_id, jr_api_token_fn fn, void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	err = jr_store_api_token_each(app->store, user_id, (int64_t)time(NULL), fn, ctx);
	return err == JR_ERR_NOT_FOUND ? user_missing(app, user_id) : err;
}

enum jr_err jr_app_token_revoke(struct jr_app *app, int64_t user_id, int64_t token_id)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	err = jr_store_api_token_revoke(app->store, app->actor, user_id, token_id);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "gebruiker %lld heeft geen API-token %lld",
				   (long long)user_id, (long long)token_id);
	return err;
}

enum jr_err jr_app_token_issue(struct jr_app *app, int64_t user_id, const char *name, int days,
			       char token_out[JR_TOKEN_LEN + 1], struct jr_api_token *t)
{
	struct jr_account_refusal why;
	char own[sizeof(t->name)];
	int64_t now = (int64_t)time(NULL), id = 0;
	time_t tt = (time_t)now;
	struct tm tm;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	/* `name` may be t->name: a copy of its own, before t is filled */
	if (strlen(name) >= sizeof(own))
		return jr_app_fail(app, JR_ERR_INPUT, "name",
				   "geef de naam van het token: 1 tot 100 tekens, zonder stuurtekens");
	snprintf(own, sizeof(own), "%s", name);
	err = jr_app_token_add(app->store, app->actor, user_id, own, days, now, token_out, &id,
			       &why);
	if (err)
		return why.message[0] ? jr_app_fail(app, err, why.field, "%s", why.message) : err;
	memset(t, 0, sizeof(*t));
	memcpy(t->name, own, sizeof(t->name));
	t->id = id;
	t->expires_at = now + (int64_t)days * 86400;
	if (gmtime_r(&tt, &tm))
		strftime(t->created_at, sizeof(t->created_at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return JR_OK;
}

enum jr_err jr_app_admin_organisations(struct jr_app *app, jr_organisation_fn fn, void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	return jr_store_organisation_each(app->store, "", "", fn, ctx);
}

void jr_app_password_prepare(struct jr_app *app, const char *password, const char *hash,
			     const char *checked, const char *against, bool ok)
{
	jr_store_password_prepare(app->store, password, hash, checked, against, ok);
}

enum jr_err jr_app_password_stored(struct jr_app *app, int64_t user_id, int64_t now,
				   char hash[128], bool *must_wait, bool *found)
{
	return jr_store_user_password_hash(app->store, user_id, now, hash, must_wait, found);
}
