/* view_account: users, tokens and organisations as JSON (see view_account.h). */
#include "view/view_account.h"

#include <time.h>

#include "core/roles.h"

/* Unix seconds as "YYYY-MM-DDTHH:MM:SSZ", or null for 0. */
static void unix_time(struct jr_json_writer *w, const char *key, int64_t t)
{
	char text[24];
	time_t tt = (time_t)t;
	struct tm tm;

	jr_jw_key(w, key);
	if (t && gmtime_r(&tt, &tm) && strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &tm))
		jr_jw_string(w, text);
	else
		jr_jw_null(w);
}

void jr_view_user_members(struct jr_json_writer *w, const struct jr_user *u)
{
	jr_jw_kint(w, "id", u->id);
	jr_jw_kstring(w, "username", u->username);
	jr_jw_kstring(w, "role", u->role);
	jr_jw_key(w, "organisation_id");
	if (u->organisation_id)
		jr_jw_int(w, u->organisation_id);
	else
		jr_jw_null(w);
	jr_jw_kstring(w, "organisation_kind", u->org_kind[0] ? u->org_kind : NULL);
	jr_jw_kbool(w, "active", u->active);
	jr_jw_kbool(w, "role_fits", jr_role_fits(u->role, u->org_kind));
	jr_jw_kbool(w, "must_change_password", u->must_change_password);
	jr_jw_kstring(w, "full_name", u->full_name[0] ? u->full_name : NULL);
	jr_jw_kstring(w, "email", u->email[0] ? u->email : NULL);
	jr_jw_kbool(w, "second_factor", u->second_factor);
	jr_jw_kstring(w, "created_at", u->created_at);
}

void jr_view_user(struct jr_json_writer *w, const struct jr_user *u)
{
	jr_jw_object(w);
	jr_view_user_members(w, u);
	jr_jw_end(w);
}

void jr_view_token_members(struct jr_json_writer *w, const struct jr_api_token *t)
{
	jr_jw_kint(w, "id", t->id);
	jr_jw_kstring(w, "name", t->name);
	jr_jw_kstring(w, "created_at", t->created_at);
	unix_time(w, "expires_at", t->expires_at);
	unix_time(w, "last_used_at", t->last_used_at);
}

void jr_view_token(struct jr_json_writer *w, const struct jr_api_token *t)
{
	jr_jw_object(w);
	jr_view_token_members(w, t);
	jr_jw_end(w);
}

void jr_view_token_revoked(struct jr_json_writer *w, int64_t user_id, int64_t token_id)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", token_id);
	jr_jw_kint(w, "user_id", user_id);
	jr_jw_kbool(w, "revoked", true);
	jr_jw_end(w);
}

void jr_view_organisation(struct jr_json_writer *w, const struct jr_organisation *o)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", o->id);
	jr_jw_kstring(w, "kind", o->kind);
	jr_jw_kstring(w, "name", o->name);
	jr_jw_kstring(w, "municipality", o->municipality);
	jr_jw_kstring(w, "agb", o->agb);
	jr_jw_kbool(w, "active", o->active);
	jr_jw_end(w);
}

void jr_view_principal(struct jr_json_writer *w, const struct jr_principal *p, bool csrf)
{
	jr_jw_object(w);
	jr_jw_kint(w, "user_id", p->user_id);
	jr_jw_kstring(w, "username", p->username);
	jr_jw_kstring(w, "role", p->role);
	jr_jw_key(w, "organisation");
	if (p->organisation_id) {
		jr_jw_object(w);
		jr_jw_kint(w, "id", p->organisation_id);
		jr_jw_kstring(w, "kind", p->org_kind);
		jr_jw_kstring(w, "municipality", p->municipality[0] ? p->municipality : NULL);
		jr_jw_end(w);
	} else {
		jr_jw_null(w);
	}
	jr_jw_kbool(w, "must_change_password", p->must_change_password);
	jr_jw_kbool(w, "second_factor", p->second_factor);
	jr_jw_kbool(w, "second_factor_pending", p->second_factor_pending);
	if (csrf)
		jr_jw_kstring(w, "csrf", p->csrf);
	jr_jw_end(w);
}
