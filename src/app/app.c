/* app: the context of a use case and its one transaction (see app.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "core/region.h"

enum jr_err jr_app_tx_begin(struct jr_app *app, enum jr_app_tx *tx)
{
	if (jr_store_in_part(app->store)) {
		*tx = JR_APP_TX_JOINED;
		return JR_OK;
	}
	*tx = jr_store_in_bulk(app->store) ? JR_APP_TX_PART : JR_APP_TX_OWN;
	return *tx == JR_APP_TX_PART ? jr_store_part_begin(app->store) : jr_store_bulk_begin(app->store);
}

enum jr_err jr_app_tx_end(struct jr_app *app, enum jr_app_tx tx, enum jr_err err)
{
	enum jr_err end;

	if (tx == JR_APP_TX_JOINED)
		return err;
	end = tx == JR_APP_TX_PART ? jr_store_part_end(app->store, err == JR_OK)
				   : jr_store_bulk_end(app->store, err == JR_OK);
	if (!err && end)
		return end == JR_ERR_REFUSED ? JR_ERR_STORE : end;
	return err;
}
void jr_app_stamp_day(struct jr_app *app, jr_day day)
{
	if (!app->principal)
		jr_store_set_record_day(app->store, day);
}

enum jr_err jr_app_fail(struct jr_app *app, enum jr_err err, const char *path, const char *fmt, ...)
{
	va_list ap;

	if (!app->diag)
		return err;
	snprintf(app->diag->path, sizeof(app->diag->path), "%s", path ? path : "");
	va_start(ap, fmt);
	vsnprintf(app->diag->message, sizeof(app->diag->message), fmt, ap);
	va_end(ap);
	return err;
}

enum jr_err jr_app_region(struct jr_app *app, enum jr_err err, const char *code, jr_day day,
			  const struct jr_policy **p)
{
	char msg[JR_DIAG_MESSAGE_MAX];

	*p = jr_region_find(app->policies, code, day);
	if (*p || !jr_region_knows(app->policies, code))
		return JR_OK;
	jr_region_no_policy_message(app->policies, code, day, msg, sizeof(msg));
	return jr_app_fail(app, err, "date", "%s", msg);
}

bool jr_app_db_is_postgres(const char *db_url)
{
	return jr_store_url_is_postgres(db_url);
}

void jr_app_db_shown(const char *db_url, char *out, size_t cap)
{
	const char *scheme = strstr(db_url, "://"), *p = db_url;
	size_t n = 0;

	if (cap == 0)
		return;
	/* postgres://user:secret@host…: the userinfo's password */
	if (scheme && jr_app_db_is_postgres(db_url)) {
		const char *auth = scheme + 3, *at = auth + strcspn(auth, "@/?");
		const char *colon = memchr(auth, ':', (size_t)(at - auth));
		if (*at == '@' && colon) {
			n = (size_t)snprintf(out, cap, "%.*s:***", (int)(colon - db_url), db_url);
			p = at;
		}
	}
	/* password=… in the query (up to &) or the key=value form (up to a space, or quoted) */
	while (*p && n + 1 < cap) {
		bool starts = p == db_url || p[-1] == ' ' || p[-1] == '?' || p[-1] == '&';
		if (starts && strncmp(p, "password=", 9) == 0) {
			n += (size_t)snprintf(out + n, cap - n, "password=***");
			p += 9;
			if (*p == '\'') {
				for (p++; *p && *p != '\''; p += *p == '\\' && p[1] ? 2 : 1)
					;
				p += *p == '\'';
			} else {
				p += strcspn(p, "& ");
			}
			continue;
		}
		out[n++] = *p++;
	}
	if (n >= cap)
		n = cap - 1;
	out[n] = '\0';
}
