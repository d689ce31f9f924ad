/* store_admin: the administrator's changes to organisations and users' details (admin.h). */
#include "store/admin.h"

#include <stdio.h>
#include <string.h>

#include "core/roles.h"
#include "store/store_internal.h"

static void object_of(const char *kind, int64_t id, char out[40])
{
	snprintf(out, 40, "%s:%lld", kind, (long long)id);
}

enum jr_err jr_store_organisation_update(struct jr_store *s, const struct jr_actor *a,
					 const struct jr_organisation *o)
{
	struct jr_db_stmt *st = NULL;
	char object[40];
	enum jr_err err;
	bool row = false, misfit = false;

	object_of("organisation", o->id, object);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT 1 FROM organisations WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, o->id));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	/* a new kind must fit the roles of the users who work there */
	TRY(jr_db_prepare(s->db, "SELECT role FROM users WHERE organisation_id = $1", &st));
	TRY(jr_db_bind_int(st, 1, o->id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (!jr_role_fits(jr_db_col_text(st, 0), o->kind))
			misfit = true;
	}
	jr_db_finalize(st);
	st = NULL;
	if (misfit) {
		TRY(jr_store_audit_object(s, a, "organisation.update.refused", 0, object));
		err = jr_store_finish(s, JR_OK);
		return err ? err : JR_ERR_REFUSED;
	}
	TRY(jr_db_prepare(s->db,
			  "UPDATE organisations SET kind = $2, name = $3, municipality = $4, agb = $5"
			  " WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, o->id));
	TRY(jr_db_bind_text(st, 2, o->kind));
	TRY(jr_db_bind_text(st, 3, o->name));
	TRY(jr_db_bind_text(st, 4, o->municipality[0] ? o->municipality : NULL));
	TRY(jr_db_bind_text(st, 5, o->agb[0] ? o->agb : NULL));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit_object(s, a, "organisation.update", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_organisation_set_active(struct jr_store *s, const struct jr_actor *a,
					     int64_t id, bool active, int64_t *ended)
{
	struct jr_db_stmt *st = NULL;
	char object[40];
	enum jr_err err;
	bool row = false;

	*ended = 0;
	object_of("organisation", id, object);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "UPDATE organisations SET active = $2 WHERE id = $1 RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_bind_int(st, 2, active ? 1 : 0));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	if (!active) {
		TRY(jr_db_prepare(s->db,
				  "DELETE FROM sessions WHERE user_id IN"
				  " (SELECT id FROM users WHERE organisation_id = $1) RETURNING id",
				  &st));
		TRY(jr_db_bind_int(st, 1, id));
		for (;;) {
			TRY(jr_db_step(st, &row));
			if (!row)
				break;
			(*ended)++;
		}
	}
	TRY(jr_store_audit_object(s, a, active ? "organisation.activate" : "organisation.deactivate",
				  0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_user_set_details(struct jr_store *s, const struct jr_actor *a, int64_t id,
				      const char *full_name, const char *email)
{
	struct jr_db_stmt *st = NULL;
	char object[40];
	enum jr_err err;
	bool row = false;

	object_of("user", id, object);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "UPDATE users SET full_name = $2, email = $3 WHERE id = $1 RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_bind_text(st, 2, full_name[0] ? full_name : NULL));
	TRY(jr_db_bind_text(st, 3, email[0] ? email : NULL));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(jr_store_audit_object(s, a, "user.details", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
