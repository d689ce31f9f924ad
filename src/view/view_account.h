/* view_account: users, API tokens and organisations as the administrator sees them, the same for
 * `jeugdroute user …` and /api/v1/users…, /api/v1/organisations — never a password, its hash or
 * a token's secret (a made password or a new token is shown once by the caller, after these
 * members).
 *   user          "id","username","role","organisation_id" (null: none),"organisation_kind",
 *                 "active","role_fits","must_change_password","created_at"
 *   token         "id","name","created_at","expires_at","last_used_at" (null: never)
 *   organisation  {"id","kind","name","municipality","agb"}
 *   principal     who is logged in (GET /api/v1/me, POST /api/v1/login): {"user_id","username",
 *                 "role","organisation":{"id","kind","municipality"} or null,
 *                 "must_change_password"[,"csrf"]}
 * The member functions write the members only, inside an object the caller opened, so that it
 * can add what belongs to its answer ("ended_sessions", "password", "token"). */
#ifndef JR_VIEW_VIEW_ACCOUNT_H
#define JR_VIEW_VIEW_ACCOUNT_H

#include "app/accounts.h"
#include "json/json_writer.h"

void jr_view_user_members(struct jr_json_writer *w, const struct jr_user *u);
/* {…the user's members…} */
void jr_view_user(struct jr_json_writer *w, const struct jr_user *u);
void jr_view_token_members(struct jr_json_writer *w, const struct jr_api_token *t);
/* {…the token's members…} */
void jr_view_token(struct jr_json_writer *w, const struct jr_api_token *t);
/* {"id","user_id","revoked":true} */
void jr_view_token_revoked(struct jr_json_writer *w, int64_t user_id, int64_t token_id);
void jr_view_organisation(struct jr_json_writer *w, const struct jr_organisation *o);
/* The principal; with its CSRF token when `csrf` (a browser session's answer). */
void jr_view_principal(struct jr_json_writer *w, const struct jr_principal *p, bool csrf);

#endif
