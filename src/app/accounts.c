/* accounts: account administration and a user's own password (accounts.h). */
#include "app/accounts.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app/password.h"
#include "app/access.h"
#include "core/roles.h"
#include "core/person.h"
#include "core/text.h"
#include "store/admin.h"

/* The administrator who acts: the logged-in user, or 0 for the operator at the command line. */
static int64_t acting_user(const struct jr_app *app)
{
	return app->principal ? app->principal->user_id : 0;
}

/* An administrator acting on its own account: refused and audited as `action`.refused. */
static enum jr_err refuse_self(struct jr_app *app, const char *action, int64_t id,
			       const char *message)
{
	char name[48], object[32];
	enum jr_err err;

	snprintf(name, sizeof(name), "%s.refused", action);
	snprintf(object, sizeof(object), "user:%lld", (long long)id);
	err = jr_store_audit_event(app->store, app->actor, name, 0, object);
	return err ? err : jr_app_fail(app, JR_ERR_CONFLICT, "id", "%s", message);
}

/* Explains in app->diag why `role` does not fit an organisation of `kind`: JR_ERR_REFUSED, or
 * JR_ERR_INPUT for a role that is not known at all. */
static enum jr_err misfit(struct jr_app *app, enum jr_err err, const char *role, const char *kind)
{
	char message[JR_DIAG_MESSAGE_MAX];
	const char *field = jr_role_misfit(role, kind, message, sizeof(message));

	if (!field)
		return jr_app_fail(app, err, "role", "de rol past niet bij de organisatie");
	return jr_app_fail(app, err, field, "%s", message);
}

/* Explains why user `id`'s role does not fit its organisation (the user exists). */
static enum jr_err explain_misfit(struct jr_app *app, int64_t id)
{
	struct jr_user u;
	enum jr_err err = jr_store_user_get(app->store, id, &u);

	return err ? err : misfit(app, JR_ERR_REFUSED, u.role, u.org_kind);
}

enum jr_err jr_app_password_acceptable(struct jr_app *app, const char *username, const char *old,
				       const char *candidate)
{
	size_t chars;
	bool same = true;

	if (strlen(candidate) > JR_PASSWORD_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "new_password",
				   "het wachtwoord is langer dan %d tekens; kies een korter",
				   JR_PASSWORD_MAX);
	if (!jr_text_valid(candidate, JR_PASSWORD_MAX + 1, false))
		return jr_app_fail(app, JR_ERR_INPUT, "new_password",
				   "het wachtwoord bevat stuurtekens of is geen geldige tekst; kies "
				   "letters, cijfers, spaties of leestekens");
	chars = jr_text_chars(candidate);
	if (chars < JR_PASSWORD_MIN)
		return jr_app_fail(app, JR_ERR_INPUT, "new_password",
				   "het wachtwoord is te kort: kies er een van ten minste %d tekens, "
				   "bijvoorbeeld een zin van een paar woorden",
				   JR_PASSWORD_MIN);
	if (strcasecmp(candidate, username) == 0)
		return jr_app_fail(app, JR_ERR_INPUT, "new_password",
				   "het wachtwoord is gelijk aan de gebruikersnaam; kies een ander");
	if (old && strcmp(candidate, old) == 0)
		return jr_app_fail(app, JR_ERR_INPUT, "new_password",
				   "het nieuwe wachtwoord is het huidige; kies een ander");
	for (size_t i = 1; candidate[i]; i++)
		same &= candidate[i] == candidate[0];
	if (same)
		return jr_app_fail(app, JR_ERR_INPUT, "new_password",
				   "het wachtwoord is één teken herhaald; kies er een dat moeilijker "
				   "te raden is");
	return JR_OK;
}

/* Checks that organisation `organisation_id` (0 = none) exists and fits `role`; refusals are
 * audited as `action`.refused. */
static enum jr_err check_fit(struct jr_app *app, const char *action, const char *role,
			     int64_t organisation_id)
{
	struct jr_organisation org = {0};
	const char *kind = org.kind;
	char name[48], object[64], message[JR_DIAG_MESSAGE_MAX];
	enum jr_err err;

	if (!jr_role_known(role)) {
		jr_role_misfit(role, "", message, sizeof(message));
		return jr_app_fail(app, JR_ERR_INPUT, "role", "%s", message);
	}
	if (organisation_id) {
		err = jr_store_organisation_get(app->store, organisation_id, &org);
		if (err == JR_ERR_NOT_FOUND)
			return jr_app_fail(app, JR_ERR_INPUT, "organisation_id",
					   "deze organisatie bestaat niet");
		if (err)
			return err;
		/* Its users could not log in (docs/security.md): adding one there would only
		 * look like it worked. */
		if (!org.active)
			return jr_app_fail(app, JR_ERR_CONFLICT, "organisation_id",
					   "de organisatie %s is gedeactiveerd; activeer haar eerst "
					   "of kies een andere",
					   org.name);
	}
	if (!jr_role_misfit(role, kind, message, sizeof(message)))
		return JR_OK;
	snprintf(name, sizeof(name), "%s.refused", action);
	snprintf(object, sizeof(object), "role:%s/organisation:%lld", role, (long long)organisation_id);
	err = jr_store_audit_event(app->store, app->actor, name, 0, object);
	return err ? err : misfit(app, JR_ERR_REFUSED, role, kind);
}

enum jr_err jr_app_user_add(struct jr_app *app, const char *username, const char *role,
			    int64_t organisation_id, const char *password, int64_t *id)
{
	enum jr_err err;

	*id = 0;
	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)) ||
	    (err = check_fit(app, "user.add", role, organisation_id)))
		return err;
	err = jr_store_user_add_in(app->store, app->actor, username, role, organisation_id,
				   password, id);
	if (err == JR_ERR_INPUT)
		return jr_app_fail(app, err, "username",
				   "verwacht 3 tot 32 tekens: kleine letters, cijfers, punt, liggend "
				   "streepje of koppelteken");
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, "username",
				   "de gebruikersnaam is al in gebruik; kies een andere");
	if (err == JR_ERR_NOT_FOUND) /* gone since it was checked */
		return jr_app_fail(app, JR_ERR_INPUT, "organisation_id",
				   "deze organisatie bestaat niet");
	return err;
}

/* A user of a deactivated organisation stays deactivated: it could not log in anyway. A user
 * that does not exist is left to the store, which audits the refusal. */
static enum jr_err check_organisation_active(struct jr_app *app, int64_t id)
{
	struct jr_organisation org;
	struct jr_user u;
	enum jr_err err = jr_store_user_get(app->store, id, &u);

	if (err == JR_ERR_NOT_FOUND || (!err && !u.organisation_id))
		return JR_OK;
	if (!err)
		err = jr_store_organisation_get(app->store, u.organisation_id, &org);
	if (err)
		return err;
	if (!org.active)
		return jr_app_fail(app, JR_ERR_CONFLICT, "organisation_id",
				   "de organisatie %s is gedeactiveerd; activeer eerst de organisatie",
				   org.name);
	return JR_OK;
}

enum jr_err jr_app_user_set_active(struct jr_app *app, int64_t id, bool active, int64_t *ended)
{
	enum jr_err err;

	*ended = 0;
	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	if (!active && acting_user(app) == id)
		return refuse_self(app, "user.deactivate", id,
				   "u kunt uw eigen account niet deactiveren; laat een andere "
				   "beheerder dat doen");
	if (active && (err = check_organisation_active(app, id)))
		return err;
	err = jr_store_user_set_active(app->store, app->actor, id, active, ended);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "deze gebruiker bestaat niet");
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, "id",
				   "dit is de laatste actieve beheerder; maak eerst een andere "
				   "beheerder aan of activeer er een");
	if (err == JR_ERR_REFUSED)
		return explain_misfit(app, id);
	return err;
}

enum jr_err jr_app_user_set_role(struct jr_app *app, int64_t id, const char *role,
				 int64_t organisation_id, int64_t *ended)
{
	enum jr_err err;

	*ended = 0;
	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	if (acting_user(app) == id)
		return refuse_self(app, "user.role", id,
				   "u kunt uw eigen rol niet wijzigen; laat een andere beheerder dat "
				   "doen");
	if ((err = check_fit(app, "user.role", role, organisation_id)))
		return err;
	err = jr_store_user_set_role(app->store, app->actor, id, role, organisation_id, ended);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "deze gebruiker of organisatie bestaat niet");
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, "role",
				   "dit is de laatste actieve beheerder; maak eerst een andere "
				   "beheerder aan");
	if (err == JR_ERR_REFUSED)
		return jr_app_fail(app, err, "role", "de rol past niet bij de organisatie");
	if (err == JR_ERR_INPUT)
		return jr_app_fail(app, err, "role", "onbekende rol");
	return err;
}

enum jr_err jr_app_user_reset_password_to(struct jr_app *app, int64_t id, const char *password,
					  int64_t *ended)
{
	enum jr_err err;

	*ended = 0;
	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	if (acting_user(app) == id)
		return refuse_self(app, "user.password_reset", id,
				   "u kunt uw eigen wachtwoord hier niet herstellen; wijzig het "
				   "met uw huidige wachtwoord");
	err = jr_store_user_reset_password(app->store, app->actor, id, password, true, ended);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "deze gebruiker bestaat niet");
	return err;
}

enum jr_err jr_app_user_reset_password(struct jr_app *app, int64_t id, char *password,
				       int64_t *ended)
{
	enum jr_err err;

	jr_app_password(password, JR_RESET_PASSWORD_LEN + 1);
	err = jr_app_user_reset_password_to(app, id, password, ended);
	if (err) {
		sodium_memzero(password, JR_RESET_PASSWORD_LEN + 1);
		password[0] = '\0';
	}
	return err;
}

enum jr_err jr_app_password_change(struct jr_app *app, const char *old, const char *new_password,
				   int64_t now, int *retry_after)
{
	const struct jr_principal *p = app->principal;
	enum jr_err err;

	*retry_after = 0;
	if (!p) /* the operator has no password of its own; it resets a user's */
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "alleen een ingelogde gebruiker wijzigt zijn eigen wachtwoord");
	if ((err = jr_app_password_acceptable(app, p->username, old, new_password)))
		return err;
	err = jr_store_user_change_password(app->store, app->actor, p->user_id, old, new_password,
					    now, p->csrf, retry_after);
	if (err == JR_ERR_REFUSED && *retry_after > 0)
		return jr_app_fail(app, err, "old_password",
				   "te veel mislukte pogingen; wacht %d seconden en probeer het dan "
				   "opnieuw",
				   *retry_after);
	if (err == JR_ERR_REFUSED)
		return jr_app_fail(app, err, "old_password", "het huidige wachtwoord klopt niet");
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL, "uw account bestaat niet meer");
	return err;
}

/* Issues the token of jr_app_token_issue: JR_ERR_INPUT for a bad name or lifetime,
 * JR_ERR_NOT_FOUND for no such user, JR_ERR_CONFLICT for a deactivated one, JR_ERR_REFUSED for
 * one whose role does not fit its organisation; each explained. */
static enum jr_err token_add(struct jr_app *app, int64_t user_id, const char *name, int days,
			     int64_t now, char token_out[JR_TOKEN_LEN + 1], int64_t *id)
{
	struct jr_user u;
	enum jr_err err;

	token_out[0] = '\0';
	*id = 0;
	if (!jr_text_valid(name, 101, false))
		return jr_app_fail(app, JR_ERR_INPUT, "name",
				   "geef de naam van het token: 1 tot 100 tekens, zonder stuurtekens");
	if (days < 1 || days > JR_TOKEN_DAYS_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "days",
				   "verwacht een looptijd van 1 tot %d dagen", JR_TOKEN_DAYS_MAX);
	err = jr_store_api_token_add(app->store, app->actor, user_id, name, days, now, token_out,
				     id);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "deze gebruiker bestaat niet");
	if (err != JR_ERR_REFUSED)
		return err;
	if ((err = jr_store_user_get(app->store, user_id, &u)))
		return err;
	if (!u.active)
		return jr_app_fail(app, JR_ERR_CONFLICT, "id",
				   "de gebruiker is gedeactiveerd; activeer hem eerst");
	return explain_misfit(app, user_id);
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

enum jr_err jr_app_user_exists(struct jr_app *app, const char *username, bool *exists)
{
	enum jr_err err;

	*exists = false;
	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	return jr_store_user_exists(app->store, username, exists);
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
	if ((err = token_add(app, user_id, own, days, now, token_out, &id)))
		return err;
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

bool jr_app_email_valid(const char *email)
{
	static const char local_ok[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				       "0123456789.!#$%&'*+/=?^_`{|}~-";
	const char *at = strchr(email, '@'), *p, *label;
	size_t n = strlen(email), local;
	bool dot = false;

	if (!at || n > 254 || strchr(at + 1, '@'))
		return false;
	local = (size_t)(at - email);
	if (local < 1 || local > 64 || email[0] == '.' || at[-1] == '.')
		return false;
	for (p = email; p < at; p++)
		if (!strchr(local_ok, *p) || (*p == '.' && p[1] == '.'))
			return false;
	for (label = p = at + 1;; p++) {
		if (*p == '.' || *p == '\0') {
			size_t len = (size_t)(p - label);
			if (len < 1 || len > 63 || label[0] == '-' || p[-1] == '-')
				return false;
			if (*p == '\0')
				break;
			dot = true;
			label = p + 1;
		} else if (!(('a' <= *p && *p <= 'z') || ('A' <= *p && *p <= 'Z') ||
			     ('0' <= *p && *p <= '9') || *p == '-')) {
			return false;
		}
	}
	return dot;
}

enum jr_err jr_app_user_set_details(struct jr_app *app, int64_t id, const char *full_name,
				    const char *email)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	if (full_name[0] && !jr_name_valid(full_name))
		return jr_app_fail(app, JR_ERR_INPUT, "full_name",
				   "verwacht de naam: 1 tot 100 tekens, zonder stuurtekens");
	if (email[0] && !jr_app_email_valid(email))
		return jr_app_fail(app, JR_ERR_INPUT, "email",
				   "verwacht een e-mailadres zoals naam@gemeente.nl");
	err = jr_store_user_set_details(app->store, app->actor, id, full_name, email);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "gebruiker niet gevonden");
	return err;
}
