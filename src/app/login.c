/* login: the three steps of a password login and the guard's throttling (login.h). */
#include "app/login.h"

#include <ctype.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/throttle.h"

/* One guesser at one account: 1, 2, 4, … seconds, at most a quarter of an hour. */
static const struct jr_throttle_rule per_name_address = {
	.free = 0, .first_delay = 1, .max_delay = JR_LOGIN_WAIT_MAX, .forget_after = 86400};
/* One address trying many names (a spray): free for the typos of a shared office address, then
 * doubling waits; forgotten an hour after its last failure. */
static const struct jr_throttle_rule per_address = {
	.free = JR_LOGIN_ADDRESS_FREE, .first_delay = 1, .max_delay = JR_LOGIN_WAIT_MAX,
	.forget_after = 3600};
/* One name from anywhere: only counted (no wait of its own), for the account limit of names
 * that are not users' — so that they answer as users' do. */
static const struct jr_throttle_rule per_name = {
	.free = (unsigned)-1, .first_delay = 0, .max_delay = 0, .forget_after = 86400};

struct jr_login_guard {
	pthread_mutex_t lock;
	unsigned char key[crypto_shorthash_KEYBYTES]; /* keys the hashes: not guessable outside */
	struct jr_throttle name_address, address, name;
};

enum jr_err jr_login_guard_new(struct jr_login_guard **out)
{
	struct jr_login_guard *g = jr_calloc(1, sizeof(*g));
	enum jr_err err = JR_ERR_NOMEM;

	*out = NULL;
	if (!g)
		return err;
	pthread_mutex_init(&g->lock, NULL);
	randombytes_buf(g->key, sizeof(g->key));
	if ((err = jr_throttle_init(&g->name_address, 1u << 16)) ||
	    (err = jr_throttle_init(&g->address, 1u << 14)) ||
	    (err = jr_throttle_init(&g->name, 1u << 16))) {
		jr_login_guard_free(g);
		return err;
	}
	*out = g;
	return JR_OK;
}

void jr_login_guard_free(struct jr_login_guard *g)
{
	if (!g)
		return;
	jr_throttle_release(&g->name_address);
	jr_throttle_release(&g->address);
	jr_throttle_release(&g->name);
	pthread_mutex_destroy(&g->lock);
	sodium_memzero(g->key, sizeof(g->key));
	jr_free(g);
}

/* A key of the guard's tables: a keyed hash of a kind letter and the parts; never 0. */
static uint64_t key_of(const struct jr_login_guard *g, char kind, const char *a, const char *b)
{
	unsigned char text[JR_LOGIN_NAME_MAX + 64 + 4], out[crypto_shorthash_BYTES];
	size_t n = 0, la = strlen(a), lb = b ? strlen(b) : 0;
	uint64_t key = 0;

	text[n++] = (unsigned char)kind;
	la = la > JR_LOGIN_NAME_MAX + 32 ? JR_LOGIN_NAME_MAX + 32 : la;
	lb = lb > 63 ? 63 : lb;
	memcpy(text + n, a, la);
	n += la;
	text[n++] = 0;
	if (lb)
		memcpy(text + n, b, lb);
	n += lb;
	crypto_shorthash(out, text, n, g->key);
	for (int i = 0; i < 8; i++)
		key = key << 8 | out[i];
	return key ? key : 1;
}

/* The client's address as throttling sees it: an IPv6 address by its /64 network (one
 * subscriber's share), an IPv4 address whole. */
static void address_of(const char *origin, char out[64])
{
	int colons = 0;
	size_t n = 0;

	for (const char *p = origin; *p && n < 63; p++) {
		if (*p == ':' && ++colons == 4)
			break;
		out[n++] = *p;
	}
	out[n] = '\0';
}

enum jr_err jr_app_login_begin(struct jr_store *s, const struct jr_actor *a,
			       struct jr_login_guard *g, const char *username, int64_t now,
			       struct jr_login *l)
{
	char address[64], name[JR_LOGIN_NAME_MAX + 1];
	int64_t wait, w;
	unsigned remembered;
	int failures;
	enum jr_err err;

	memset(l, 0, sizeof(*l));
	snprintf(l->username, sizeof(l->username), "%s", username);
	for (size_t i = 0; i <= strlen(l->username); i++)
		name[i] = (char)tolower((unsigned char)l->username[i]);
	address_of(a->origin ? a->origin : "", address);
	l->key_name_address = key_of(g, 'b', name, address);
	l->key_address = key_of(g, 'a', address, NULL);
	l->key_name = key_of(g, 'n', name, NULL);
	if ((err = jr_store_login_account(s, username, a->origin ? a->origin : "", &l->acc)))
		return err;
	pthread_mutex_lock(&g->lock);
	wait = jr_throttle_wait(&g->name_address, &per_name_address, l->key_name_address, now);
	w = jr_throttle_wait(&g->address, &per_address, l->key_address, now);
	remembered = jr_throttle_failures(&g->name, &per_name, l->key_name, now);
	pthread_mutex_unlock(&g->lock);
	wait = w > wait ? w : wait;
	/* the account's limit: for a user the durable count (every server's), for any name the
	 * count of this server, so that a name that is no user's reaches it alike */
	failures = l->acc.found && l->acc.failures > (int)remembered ? l->acc.failures
								     : (int)remembered;
	if (failures >= JR_LOGIN_ACCOUNT_LIMIT && !l->acc.known_address && wait < JR_LOGIN_WAIT_MAX)
		wait = JR_LOGIN_WAIT_MAX;
	if (wait > 0) {
		bool by_both, by_address, by_name;
		l->retry_after = (int)wait;
		/* written down once a minute per name and address (and per address): a guesser
		 * answered 429 thousands of times a second must not fill the audit log; each is
		 * asked, so that each starts its minute */
		pthread_mutex_lock(&g->lock);
		by_both = jr_throttle_note(&g->name_address, l->key_name_address, now, 60);
		by_address = jr_throttle_note(&g->address, l->key_address, now, 60);
		by_name = jr_throttle_note(&g->name, l->key_name, now, 60);
		pthread_mutex_unlock(&g->lock);
		if (by_both || by_address || by_name)
			err = jr_store_login_waited(s, a, &l->acc);
		jr_app_login_release(l);
	}
	return err;
}

void jr_app_login_check(struct jr_login *l, const char *password, size_t len)
{
	const char *hash = l->acc.found ? l->acc.hash : jr_store_decoy_hash;

	/* a deactivated user, or one whose role does not fit, is checked all the same (the time
	 * tells nothing) and refused as a wrong password is */
	l->good = crypto_pwhash_str_verify(hash, password, len) == 0 && l->acc.found &&
		  l->acc.usable;
}

enum jr_err jr_app_login_finish(struct jr_store *s, const struct jr_actor *a,
				struct jr_login_guard *g, struct jr_login *l, int64_t now,
				char token[JR_TOKEN_LEN + 1], struct jr_principal *p)
{
	enum jr_err err;

	token[0] = '\0';
	memset(p, 0, sizeof(*p));
	if (l->good) {
		err = jr_store_login_open(s, a, &l->acc, now, token, p);
		if (!err) {
			pthread_mutex_lock(&g->lock);
			jr_throttle_forget(&g->name_address, l->key_name_address);
			jr_throttle_forget(&g->name, l->key_name);
			pthread_mutex_unlock(&g->lock);
		}
	} else {
		pthread_mutex_lock(&g->lock);
		jr_throttle_fail(&g->name_address, &per_name_address, l->key_name_address, now);
		jr_throttle_fail(&g->address, &per_address, l->key_address, now);
		jr_throttle_fail(&g->name, &per_name, l->key_name, now);
		pthread_mutex_unlock(&g->lock);
		err = jr_store_login_failed(s, a, &l->acc);
		if (!err)
			err = JR_ERR_REFUSED;
	}
	jr_app_login_release(l);
	return err;
}

void jr_app_login_release(struct jr_login *l)
{
	sodium_memzero(l->acc.hash, sizeof(l->acc.hash));
}

enum jr_err jr_app_session_find(struct jr_app *app, const char *token, int64_t now,
				struct jr_principal *p)
{
	return jr_store_session_find(app->store, app->actor, token, now, p);
}

enum jr_err jr_app_session_end(struct jr_app *app, const char *token)
{
	return jr_store_session_end(app->store, app->actor, token);
}
