/* second_factor: TOTP codes with liboath, recovery codes with libsodium (second_factor.h). */
#include "app/second_factor.h"

#include <ctype.h>
#include <liboath/oath.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"

static pthread_once_t oath_once = PTHREAD_ONCE_INIT;
static bool oath_ready;

static void oath_start(void)
{
	oath_ready = oath_init() == OATH_OK;
}

bool jr_app_second_factor_role(const char *role)
{
	static const char *const roles[] = {"consulent", "verwijzer", "gi", "provider", "admin"};

	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(role, roles[i]) == 0)
			return true;
	return false;
}

enum jr_err jr_app_totp_code(const unsigned char *secret, size_t len, int64_t now, char out[7])
{
	out[0] = '\0';
	pthread_once(&oath_once, oath_start);
	if (!oath_ready ||
	    oath_totp_generate((const char *)secret, len, (time_t)now, JR_TOTP_STEP,
			       OATH_TOTP_DEFAULT_START_TIME, 6, out) != OATH_OK) {
		out[0] = '\0';
		return JR_ERR_INTERNAL;
	}
	return JR_OK;
}

bool jr_app_totp_matches(const unsigned char *secret, size_t len, int64_t now, const char *code,
			 int64_t *step)
{
	uint64_t counter = 0;
	int pos = 0;

	*step = 0;
	if (strlen(code) != 6 || strspn(code, "0123456789") != 6)
		return false;
	pthread_once(&oath_once, oath_start);
	if (!oath_ready ||
	    oath_totp_validate3((const char *)secret, len, (time_t)now, JR_TOTP_STEP,
				OATH_TOTP_DEFAULT_START_TIME, JR_TOTP_WINDOW, &pos, &counter,
				code) < 0)
		return false;
	*step = (int64_t)counter;
	return true;
}

/* The principal, who acts on its own second factor. */
static enum jr_err self(struct jr_app *app)
{
	if (!app->principal)
		return jr_app_fail(app, JR_ERR_USAGE, NULL,
				   "een tweede factor hoort bij een aanmelding; log in als de gebruiker");
	return JR_OK;
}

/* `in` without spaces and dashes, in capitals, into out (at most max-1 characters). */
static void normalise(const char *in, char *out, size_t max)
{
	size_t n = 0;

	for (; *in && n + 1 < max; in++)
		if (*in != ' ' && *in != '-')
			out[n++] = (char)toupper((unsigned char)*in);
	out[n] = '\0';
}

enum jr_err jr_app_second_factor_begin(struct jr_app *app, struct jr_second_factor_enrolment *out)
{
	unsigned char secret[JR_TOTP_SECRET_BYTES];
	char *b32 = NULL;
	size_t b32_len = 0, n = 0;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = self(app)))
		return err;
	pthread_once(&oath_once, oath_start);
	randombytes_buf(secret, sizeof(secret));
	if (!oath_ready ||
	    oath_base32_encode((const char *)secret, sizeof(secret), &b32, &b32_len) != OATH_OK) {
		err = JR_ERR_INTERNAL;
		goto out;
	}
	err = jr_store_second_factor_begin(app->store, app->actor, app->principal->user_id, secret,
					   sizeof(secret));
	if (err == JR_ERR_CONFLICT) {
		err = jr_app_fail(app, err, NULL,
				  "u hebt al een tweede factor; laat de beheerder die eerst herstellen");
		goto out;
	}
	if (err)
		goto out;
	snprintf(out->uri, sizeof(out->uri),
		 "otpauth://totp/jeugdroute:%s?secret=%s&issuer=jeugdroute&algorithm=SHA1&digits=6"
		 "&period=30",
		 app->principal->username, b32);
	for (size_t i = 0; i < b32_len && n + 2 < sizeof(out->secret); i++) {
		if (i && i % 4 == 0)
			out->secret[n++] = ' ';
		out->secret[n++] = b32[i];
	}
	out->secret[n] = '\0';
out:
	if (b32) {
		sodium_memzero(b32, b32_len);
		free(b32);
	}
	sodium_memzero(secret, sizeof(secret));
	return err;
}

enum jr_err jr_app_second_factor_confirm(struct jr_app *app, const char *code, int64_t now,
					 struct jr_recovery_codes *out)
{
	/* no look-alikes (0/O, 1/I/L): they are written down from a screen */
	static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
	char lookup[JR_RECOVERY_CODES][JR_RECOVERY_LOOKUP_LEN + 1];
	char hash[JR_RECOVERY_CODES][128];
	struct jr_second_factor f;
	char digits[16];
	int64_t step;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = self(app)))
		return err;
	normalise(code ? code : "", digits, sizeof(digits));
	if ((err = jr_store_second_factor_get(app->store, app->principal->user_id, &f)))
		goto out;
	if (!f.found || f.confirmed) {
		err = jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
				  "er wacht geen tweede factor op bevestiging; begin opnieuw");
		goto out;
	}
	if (!jr_app_totp_matches(f.secret, f.secret_len, now, digits, &step)) {
		err = jr_app_fail(app, JR_ERR_INPUT, "code",
				  "deze code klopt niet; geef de code van 6 cijfers die de app nu "
				  "toont");
		goto out;
	}
	for (int i = 0; i < JR_RECOVERY_CODES; i++) {
		char plain[16];
		size_t n = 0;
		for (int k = 0; k < 12; k++)
			plain[k] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
		plain[12] = '\0';
		memcpy(lookup[i], plain, JR_RECOVERY_LOOKUP_LEN);
		lookup[i][JR_RECOVERY_LOOKUP_LEN] = '\0';
		if (crypto_pwhash_str(hash[i], plain, 12, crypto_pwhash_OPSLIMIT_INTERACTIVE,
				      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
			err = JR_ERR_NOMEM;
			goto out;
		}
		for (int k = 0; k < 12; k++) {
			if (k && k % 4 == 0)
				out->code[i][n++] = '-';
			out->code[i][n++] = plain[k];
		}
		out->code[i][n] = '\0';
		sodium_memzero(plain, sizeof(plain));
	}
	err = jr_store_second_factor_confirm(app->store, app->actor, app->principal->user_id, step,
					     (const char(*)[JR_RECOVERY_LOOKUP_LEN + 1])lookup,
					     (const char(*)[128])hash);
out:
	sodium_memzero(&f, sizeof(f));
	if (err)
		sodium_memzero(out, sizeof(*out));
	return err;
}

enum jr_err jr_app_second_factor_login(struct jr_app *app, const char *code, int64_t now,
				       int *retry_after, bool *must_wait)
{
	struct jr_second_factor f;
	char given[32], hash[128], lookup[JR_RECOVERY_LOOKUP_LEN + 1];
	int64_t step = 0, code_id = 0;
	bool good = false, fresh = false, found = false;
	enum jr_err err;

	*retry_after = 0;
	*must_wait = false;
	if ((err = self(app)))
		return err;
	if (!app->principal->second_factor_pending)
		return jr_app_fail(app, JR_ERR_CONFLICT, NULL,
				   "er wacht geen aanmelding op een code; log opnieuw in");
	normalise(code ? code : "", given, sizeof(given));
	if ((err = jr_store_second_factor_get(app->store, app->principal->user_id, &f)))
		goto out;
	if (f.next_at > now) {
		*retry_after = (int)(f.next_at - now);
		*must_wait = true;
		err = JR_ERR_REFUSED;
		goto out;
	}
	if (f.confirmed && jr_app_totp_matches(f.secret, f.secret_len, now, given, &step)) {
		if ((err = jr_store_second_factor_step(app->store, app->principal->user_id, step,
						       &fresh)))
			goto out;
		good = fresh; /* a code already used is refused as a wrong one */
	} else if (f.confirmed && strlen(given) == 12) {
		memcpy(lookup, given, JR_RECOVERY_LOOKUP_LEN);
		lookup[JR_RECOVERY_LOOKUP_LEN] = '\0';
		if ((err = jr_store_recovery_code_find(app->store, app->principal->user_id, lookup,
						       hash, &code_id, &found)))
			goto out;
		if (found && crypto_pwhash_str_verify(hash, given, 12) == 0) {
			if ((err = jr_store_recovery_code_use(app->store, app->actor, code_id,
							      &fresh)))
				goto out;
			good = fresh;
		}
	}
	if (!good) {
		if ((err = jr_store_second_factor_failed(app->store, app->actor,
							 app->principal->user_id, now, retry_after)))
			goto out;
		err = JR_ERR_REFUSED;
		goto out;
	}
	err = jr_store_second_factor_passed(app->store, app->actor, app->principal->user_id,
					    app->principal->csrf, now);
	if (err == JR_ERR_NOT_FOUND)
		err = jr_app_fail(app, JR_ERR_CONFLICT, NULL,
				  "er wacht geen aanmelding op een code; log opnieuw in");
out:
	sodium_memzero(&f, sizeof(f));
	sodium_memzero(given, sizeof(given));
	return err;
}

enum jr_err jr_app_second_factor_reset(struct jr_app *app, int64_t id, int64_t *ended)
{
	enum jr_err err;

	*ended = 0;
	if ((err = jr_app_access_require(app, JR_CAP_ADMIN)))
		return err;
	err = jr_store_second_factor_reset(app->store, app->actor, id, ended);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, "id", "gebruiker niet gevonden");
	return err;
}

enum jr_err jr_app_recovery_codes_left(struct jr_app *app, int *left)
{
	enum jr_err err;

	*left = 0;
	if ((err = self(app)))
		return err;
	return jr_store_recovery_codes_left(app->store, app->principal->user_id, left);
}
