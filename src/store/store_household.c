/* store_household: organisations, users beyond the first administrator, and households with their
 * members and coordinator (regisseur), over the database interface (see store.h). SQL is written
 * once, with $N placeholders, for both engines. A household holds no names: its members are
 * person ids with a role, so reading it shows who belongs together, not who they are. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/ident.h"
#include "core/roles.h"
#include "store/store_internal.h"

#define ORGANISATION_COLUMNS "id, kind, name, municipality, agb, active"
#define HOUSEHOLD_COLUMNS "id, municipality, coordinator_user_id, version"

static const char *const org_kinds[] = {"local_team", "gp_practice", "youth_health", "hospital",
					"gi", "provider", "regional_office", "expert_team"};

static bool one_of(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* A user name: 3 to 32 of a-z, 0-9, '.', '_' and '-'. */
static bool username_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 32)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

enum jr_err jr_store_organisation_add(struct jr_store *s, const struct jr_actor *a,
				      struct jr_organisation *o)
{
	struct jr_db_stmt *st = NULL;
	char now[21];
	enum jr_err err;
	bool row = false;

	if (!one_of(o->kind, org_kinds, sizeof(org_kinds) / sizeof(org_kinds[0])) ||
	    !jr_name_valid(o->name) ||
	    (o->municipality[0] && !jr_cbs_code_valid(o->municipality, strlen(o->municipality))) ||
	    (o->agb[0] && !jr_agb_valid(o->agb, strlen(o->agb))))
		return JR_ERR_INPUT;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO organisations (kind, name, municipality, agb, created_at)"
			  " VALUES ($1, $2, $3, $4, $5) RETURNING id",
			  &st));
	TRY(jr_db_bind_text(st, 1, o->kind));
	TRY(jr_db_bind_text(st, 2, o->name));
	TRY(jr_db_bind_text(st, 3, o->municipality[0] ? o->municipality : NULL));
	TRY(jr_db_bind_text(st, 4, o->agb[0] ? o->agb : NULL));
	TRY(jr_db_bind_text(st, 5, now));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	o->id = jr_db_col_int(st, 0);
	o->active = true;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "organisation.add", 0));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_org_kind(struct jr_store *s, int64_t id, char kind[JR_ORG_KIND_MAX],
			      bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	kind[0] = '\0';
	*found = false;
	TRY(jr_db_prepare(s->db, "SELECT kind FROM organisations WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, found));
	if (*found)
		snprintf(kind, JR_ORG_KIND_MAX, "%s", jr_db_col_text(st, 0));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_organisation_kind(struct jr_store *s, int64_t id,
				       char kind[JR_ORG_KIND_MAX], bool *found)
{
	enum jr_err err;

	kind[0] = '\0';
	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_store_org_kind(s, id, kind, found));
out:
	return jr_store_finish(s, err);
}

static void read_organisation(struct jr_db_stmt *st, struct jr_organisation *out)
{
	memset(out, 0, sizeof(*out));
	out->id = jr_db_col_int(st, 0);
	snprintf(out->kind, sizeof(out->kind), "%s", jr_db_col_text(st, 1));
	snprintf(out->name, sizeof(out->name), "%s", jr_db_col_text(st, 2));
	snprintf(out->municipality, sizeof(out->municipality), "%s", jr_db_col_text(st, 3));
	snprintf(out->agb, sizeof(out->agb), "%s", jr_db_col_text(st, 4));
	out->active = jr_db_col_int(st, 5) != 0;
}

enum jr_err jr_store_organisation_get(struct jr_store *s, int64_t id, struct jr_organisation *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT " ORGANISATION_COLUMNS " FROM organisations WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	read_organisation(st, out);
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_organisation_each(struct jr_store *s, const char *kind,
				       const char *municipality, jr_organisation_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_organisation o;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT " ORGANISATION_COLUMNS " FROM organisations"
			  " WHERE ($1 = '' OR kind = $1) AND ($2 = '' OR municipality = $2) ORDER BY id",
			  &st));
	TRY(jr_db_bind_text(st, 1, kind));
	TRY(jr_db_bind_text(st, 2, municipality));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		read_organisation(st, &o);
		TRY(fn(ctx, &o));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* Users: never the password hash (JR_USER_SELECT). */
void jr_store_read_user(struct jr_db_stmt *st, struct jr_user *out)
{
	memset(out, 0, sizeof(*out));
	out->id = jr_db_col_int(st, 0);
	snprintf(out->username, sizeof(out->username), "%s", jr_db_col_text(st, 1));
	snprintf(out->role, sizeof(out->role), "%s", jr_db_col_text(st, 2));
	out->organisation_id = jr_db_col_int(st, 3);
	snprintf(out->created_at, sizeof(out->created_at), "%s", jr_db_col_text(st, 4));
	snprintf(out->org_kind, sizeof(out->org_kind), "%s", jr_db_col_text(st, 5));
	out->active = jr_db_col_int(st, 6) != 0;
	out->must_change_password = jr_db_col_int(st, 7) != 0;
	snprintf(out->full_name, sizeof(out->full_name), "%s", jr_db_col_text(st, 8));
	snprintf(out->email, sizeof(out->email), "%s", jr_db_col_text(st, 9));
	out->second_factor = jr_db_col_int(st, 10) != 0;
}

enum jr_err jr_store_user_get(struct jr_store *s, int64_t id, struct jr_user *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, JR_USER_SELECT " WHERE u.id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	jr_store_read_user(st, out);
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_user_each(struct jr_store *s, jr_user_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_user u;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, JR_USER_SELECT " ORDER BY u.id", &st));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		jr_store_read_user(st, &u);
		TRY(fn(ctx, &u));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_user_add_in(struct jr_store *s, const struct jr_actor *a, const char *username,
				 const char *role, int64_t organisation_id, const char *password,
				 int64_t *id)
{
	struct jr_db_stmt *st = NULL;
	char hash[crypto_pwhash_STRBYTES], now[21], kind[JR_ORG_KIND_MAX] = "";
	enum jr_err err;
	bool row = false;

	*id = 0;
	if (!username_valid(username) || !jr_role_known(role) || organisation_id < 0 || !password[0])
		return JR_ERR_INPUT;
	if ((err = jr_store_password_hash(s, password, hash)))
		return err;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	if (organisation_id) {
		TRY(jr_store_org_kind(s, organisation_id, kind, &row));
		if (!row) {
			err = JR_ERR_NOT_FOUND;
			goto out;
		}
	}
	if (!jr_role_fits(role, kind)) {
		err = JR_ERR_REFUSED; /* a consulent at a GP practice would read a municipality */
		goto out;
	}
	/* Looked up first: on PostgreSQL a violated constraint spoils the whole transaction. */
	TRY(jr_store_user_exists(s, username, &row));
	if (row) {
		err = JR_ERR_CONFLICT;
		goto out;
	}
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO users (username, role, organisation_id, password_hash,"
			  " created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
			  &st));
	TRY(jr_db_bind_text(st, 1, username));
	TRY(jr_db_bind_text(st, 2, role));
	TRY(organisation_id ? jr_db_bind_int(st, 3, organisation_id) : jr_db_bind_null(st, 3));
	TRY(jr_db_bind_text(st, 4, hash));
	TRY(jr_db_bind_text(st, 5, now));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	*id = jr_db_col_int(st, 0);
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "user.add", 0));
out:
	jr_db_finalize(st);
	sodium_memzero(hash, sizeof(hash));
	err = jr_store_finish(s, err);
	if (err)
		*id = 0;
	return err;
}

enum jr_err jr_store_household_add(struct jr_store *s, const struct jr_actor *a,
				   struct jr_household *h)
{
	struct jr_db_stmt *st = NULL;
	char now[21];
	enum jr_err err;
	bool row = false;

	if (!jr_cbs_code_valid(h->municipality, strlen(h->municipality)))
		return JR_ERR_INPUT;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO households (municipality, version, created_at)"
			  " VALUES ($1, 1, $2) RETURNING id",
			  &st));
	TRY(jr_db_bind_text(st, 1, h->municipality));
	TRY(jr_db_bind_text(st, 2, now));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	h->id = jr_db_col_int(st, 0);
	h->coordinator_user_id = 0;
	h->version = 1;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "household.add", 0));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* Looks a household up by id inside the caller's transaction. */
static enum jr_err fetch_household(struct jr_store *s, int64_t id, struct jr_household *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_db_prepare(s->db, "SELECT " HOUSEHOLD_COLUMNS " FROM households WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	out->id = jr_db_col_int(st, 0);
	snprintf(out->municipality, sizeof(out->municipality), "%s", jr_db_col_text(st, 1));
	out->coordinator_user_id = jr_db_col_null(st, 2) ? 0 : jr_db_col_int(st, 2);
	out->version = (int)jr_db_col_int(st, 3);
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_household_add_member(struct jr_store *s, const struct jr_actor *a,
					  int64_t household_id, int64_t person_id, const char *role)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;
	int64_t members;

	if (!jr_household_role_label(role))
		return JR_ERR_INPUT;
	TRY(jr_store_begin(s));
	/* Both exist, and the household's members: one statement, for on PostgreSQL each is a
	 * round trip and the demo adds every person this way. */
	TRY(jr_db_prepare(s->db,
			  "SELECT (SELECT COUNT(*) FROM households WHERE id = $1),"
			  " (SELECT COUNT(*) FROM persons WHERE id = $2),"
			  " COUNT(*), COALESCE(SUM(CASE WHEN person_id = $2 THEN 1 ELSE 0 END), 0)"
			  " FROM household_members WHERE household_id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, household_id));
	TRY(jr_db_bind_int(st, 2, person_id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	if (jr_db_col_int(st, 0) == 0 || jr_db_col_int(st, 1) == 0) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	members = jr_db_col_int(st, 2);
	if (jr_db_col_int(st, 3) > 0) {
		err = JR_ERR_CONFLICT; /* already a member */
		goto out;
	}
	if (members >= JR_HOUSEHOLD_MEMBERS_MAX) {
		err = JR_ERR_TOO_BIG; /* more than a household's read can return */
		goto out;
	}
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO household_members (household_id, person_id, role)"
			  " VALUES ($1, $2, $3)",
			  &st));
	TRY(jr_db_bind_int(st, 1, household_id));
	TRY(jr_db_bind_int(st, 2, person_id));
	TRY(jr_db_bind_text(st, 3, role));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "household.member.add", person_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_household_children(struct jr_store *s, int64_t id, int64_t *children,
					size_t *count, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*count = 0;
	*found = false;
	TRY(jr_store_begin(s));
	/* whether it exists and its children in one query (each a round trip on PostgreSQL): a
	 * household without children is one row without a person */
	TRY(jr_db_prepare(s->db,
			  "SELECT m.person_id FROM households h LEFT JOIN household_members m"
			  " ON m.household_id = h.id AND m.role = 'child' WHERE h.id = $1"
			  " ORDER BY m.person_id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	while (*count < JR_HOUSEHOLD_MEMBERS_MAX) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		*found = true;
		if (!jr_db_col_null(st, 0))
			children[(*count)++] = jr_db_col_int(st, 0);
	}
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	if (err)
		*count = 0;
	return err;
}

enum jr_err jr_store_household_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				   struct jr_household *out, struct jr_household_member *members,
				   size_t *count)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*count = 0;
	TRY(jr_store_begin(s));
	TRY(fetch_household(s, id, out));
	TRY(jr_db_prepare(s->db,
			  "SELECT person_id, role FROM household_members WHERE household_id = $1"
			  " ORDER BY person_id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	while (*count < JR_HOUSEHOLD_MEMBERS_MAX) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		members[*count].person_id = jr_db_col_int(st, 0);
		snprintf(members[*count].role, sizeof(members[*count].role), "%s",
			 jr_db_col_text(st, 1));
		(*count)++;
	}
	TRY(jr_store_audit(s, a, "household.read", 0));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	if (err)
		*count = 0;
	return err;
}

/* The record as it was, for record_history. */
static enum jr_err household_json(const struct jr_household *h, struct jr_buf *b)
{
	enum jr_err err;

	TRY(jr_buf_printf(b, "{\"municipality\":\"%s\",\"coordinator_user_id\":", h->municipality));
	TRY(h->coordinator_user_id
		    ? jr_buf_printf(b, "%lld", (long long)h->coordinator_user_id)
		    : jr_buf_puts(b, "null"));
	TRY(jr_buf_printf(b, ",\"version\":%d}", h->version));
out:
	return err;
}

/* jr_store_household_set_coordinator inside the caller's transaction. */
static enum jr_err set_coordinator_in(struct jr_store *s, const struct jr_actor *a,
				      struct jr_household *h, int64_t user_id)
{
	struct jr_db_stmt *st = NULL;
	struct jr_household before;
	struct jr_buf old;
	enum jr_err err;
	bool row;

	if (user_id <= 0)
		return JR_ERR_INPUT;
	jr_buf_init(&old, 1024);
	TRY(fetch_household(s, h->id, &before));
	if (before.version != h->version) {
		err = JR_ERR_CONFLICT; /* someone changed it since this writer read it */
		goto out;
	}
	TRY(jr_store_must_exist(s, "SELECT 1 FROM users WHERE id = $1", user_id));
	TRY(household_json(&before, &old));
	TRY(jr_store_history(s, a, "households", before.id, before.version, jr_buf_str(&old)));
	TRY(jr_db_prepare(s->db,
			  "UPDATE households SET coordinator_user_id = $1, version = version + 1"
			  " WHERE id = $2 AND version = $3",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_int(st, 2, before.id));
	TRY(jr_db_bind_int(st, 3, before.version));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "household.coordinator", 0));
	*h = before;
	h->coordinator_user_id = user_id;
	h->version = before.version + 1;
out:
	jr_db_finalize(st);
	jr_buf_release(&old);
	return err;
}

enum jr_err jr_store_household_set_coordinator(struct jr_store *s, const struct jr_actor *a,
					       struct jr_household *h, int64_t user_id)
{
	enum jr_err err;

	if (user_id <= 0)
		return JR_ERR_INPUT;
	TRY(jr_store_begin(s));
	err = set_coordinator_in(s, a, h, user_id);
out:
	return jr_store_finish(s, err);
}

/* The first child of a household (lowest person id) and its family name, the children, and the
 * help requests of its children that are neither closed nor withdrawn. */
#define HOUSEHOLD_ROW                                                                              \
	"SELECT h.id, h.municipality, h.version,"                                                  \
	" COALESCE((SELECT MIN(m.person_id) FROM household_members m"                              \
	"  WHERE m.household_id = h.id AND m.role = 'child'), 0) AS first_child,"                  \
	" (SELECT COUNT(*) FROM household_members m WHERE m.household_id = h.id"                   \
	"  AND m.role = 'child'),"                                                                 \
	" (SELECT COUNT(*) FROM household_members m JOIN help_requests r ON r.child_id ="          \
	"  m.person_id WHERE m.household_id = h.id AND m.role = 'child'"                           \
	"  AND r.state <> 'closed' AND r.state <> 'withdrawn')"                                    \
	" FROM households h WHERE h.coordinator_user_id = $1"

enum jr_err jr_store_households_coordinated(struct jr_store *s, const struct jr_actor *a,
					    int64_t user_id, int64_t offset, int64_t limit,
					    jr_household_row_fn fn, void *ctx, int64_t *total)
{
	struct jr_db_stmt *st = NULL;
	struct jr_household_row row;
	enum jr_err err;
	bool more;

	TRY(jr_store_begin(s));
	TRY(jr_store_count(s, "SELECT COUNT(*) FROM households WHERE coordinator_user_id = $1", NULL,
			   user_id, total));
	/* by the family name shown, then by household: a stable order for paging */
	TRY(jr_db_prepare(s->db,
			  "SELECT x.*, COALESCE(p.family_name, '') FROM (" HOUSEHOLD_ROW ") x"
			  " LEFT JOIN persons p ON p.id = x.first_child"
			  " ORDER BY COALESCE(p.family_name, ''), x.id LIMIT $2 OFFSET $3",
			  &st));
	TRY(jr_db_bind_int(st, 1, user_id));
	TRY(jr_db_bind_int(st, 2, limit));
	TRY(jr_db_bind_int(st, 3, offset));
	for (;;) {
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		memset(&row, 0, sizeof(row));
		row.id = jr_db_col_int(st, 0);
		snprintf(row.municipality, sizeof(row.municipality), "%s", jr_db_col_text(st, 1));
		row.version = (int)jr_db_col_int(st, 2);
		row.first_child_id = jr_db_col_int(st, 3);
		row.children = (int)jr_db_col_int(st, 4);
		row.open_help_requests = (int)jr_db_col_int(st, 5);
		snprintf(row.family_name, sizeof(row.family_name), "%s", jr_db_col_text(st, 6));
		/* the name shown is an access to that child's record */
		if (row.first_child_id)
			TRY(jr_store_audit(s, a, "household.list", row.first_child_id));
		TRY(fn(ctx, &row));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_households_hand_over(struct jr_store *s, const struct jr_actor *a,
					  int64_t from, int64_t to, int64_t *moved)
{
	struct jr_db_stmt *st = NULL;
	struct jr_household h;
	enum jr_err err;
	bool more;

	*moved = 0;
	if (from <= 0 || to <= 0 || from == to)
		return JR_ERR_INPUT;
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM users WHERE id = $1", to));
	/* one at a time, each through the one change of coordinator with its history; the query
	 * is asked again each round, since every change takes a household out of its answer */
	for (;;) {
		TRY(jr_db_prepare(s->db,
				  "SELECT " HOUSEHOLD_COLUMNS " FROM households"
				  " WHERE coordinator_user_id = $1 ORDER BY id LIMIT 1",
				  &st));
		TRY(jr_db_bind_int(st, 1, from));
		TRY(jr_db_step(st, &more));
		if (!more)
			break;
		h.id = jr_db_col_int(st, 0);
		snprintf(h.municipality, sizeof(h.municipality), "%s", jr_db_col_text(st, 1));
		h.coordinator_user_id = jr_db_col_int(st, 2);
		h.version = (int)jr_db_col_int(st, 3);
		jr_db_finalize(st);
		st = NULL;
		TRY(set_coordinator_in(s, a, &h, to));
		(*moved)++;
	}
out:
	jr_db_finalize(st);
	if (err)
		*moved = 0;
	return jr_store_finish(s, err);
}
