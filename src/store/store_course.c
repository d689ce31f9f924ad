/* store_course: help requests and their course — analysis, goals, light options weighed, route
 * advice, and the steps from registered to closed (see store.h; the rules are core/course.c,
 * checked by the app: app/course.c). */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/store_internal.h"

/* The help request's columns, with its assignee's id and name (issue 14 point 2). */
#define HELP_REQUEST_COLUMNS                                                                       \
	"id, child_id, household_id, raised_by, raised_on, question, municipality, state, version,"  \
	" COALESCE(assignee_user_id, 0),"                                                          \
	" COALESCE((SELECT u.username FROM users u WHERE u.id = assignee_user_id), '')"
/* The same, qualified by the table's name: beside columns of other tables. */
#define HELP_REQUEST_COLUMNS_HR                                                                    \
	"help_requests.id, help_requests.child_id, help_requests.household_id,"                    \
	" help_requests.raised_by, help_requests.raised_on, help_requests.question,"               \
	" help_requests.municipality, help_requests.state, help_requests.version,"                 \
	" COALESCE(help_requests.assignee_user_id, 0),"                                            \
	" COALESCE((SELECT u.username FROM users u WHERE u.id = help_requests.assignee_user_id),"  \
	" '')"
#define HELP_REQUEST_COLUMNS_H                                                                     \
	"h.id, h.child_id, h.household_id, h.raised_by, h.raised_on, h.question, h.municipality,"  \
	" h.state, h.version, COALESCE(h.assignee_user_id, 0),"                                    \
	" COALESCE((SELECT u.username FROM users u WHERE u.id = h.assignee_user_id), '')"

/* Runs a one-parameter query whose first column is an integer; *found tells whether it gave a
 * row. */
static enum jr_err query_int(struct jr_store *s, const char *sql, int64_t param, int64_t *value,
			     bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*value = 0;
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, param));
	TRY(jr_db_step(st, found));
	if (*found)
		*value = jr_db_col_int(st, 0);
out:
	jr_db_finalize(st);
	return err;
}

/* The child of a help request; JR_ERR_NOT_FOUND when there is no such request. */
static enum jr_err child_of(struct jr_store *s, int64_t help_request_id, int64_t *child)
{
	bool found;
	enum jr_err err = query_int(s, "SELECT child_id FROM help_requests WHERE id = $1",
				    help_request_id, child, &found);
	return err ? err : found ? JR_OK : JR_ERR_NOT_FOUND;
}

static enum jr_err read_help_request(struct jr_db_stmt *st, struct jr_help_request *h)
{
	const char *raised = jr_db_col_text(st, 4);
	int state = jr_hr_state_parse(jr_db_col_text(st, 7));

	memset(h, 0, sizeof(*h));
	h->id = jr_db_col_int(st, 0);
	h->child_id = jr_db_col_int(st, 1);
	h->household_id = jr_db_col_null(st, 2) ? 0 : jr_db_col_int(st, 2);
	snprintf(h->raised_by, sizeof(h->raised_by), "%s", jr_db_col_text(st, 3));
	snprintf(h->question, sizeof(h->question), "%s", jr_db_col_text(st, 5));
	snprintf(h->municipality, sizeof(h->municipality), "%s", jr_db_col_text(st, 6));
	h->version = (int)jr_db_col_int(st, 8);
	h->assignee_id = jr_db_col_int(st, 9);
	snprintf(h->assignee, sizeof(h->assignee), "%s", jr_db_col_text(st, 10));
	if (state < 0 || jr_date_parse(raised, strlen(raised), &h->raised_on))
		return JR_ERR_STORE;
	h->state = (enum jr_hr_state)state;
	return JR_OK;
}

/* Columns 11 and 12 after the help request's own: the basis of the municipality responsible
 * and the residence (a running stay's: the one before it). */
static void read_residence(struct jr_db_stmt *st, struct jr_help_request *h)
{
	h->before_stay = strcmp(jr_db_col_text(st, 11), "residence_before_stay") == 0;
	snprintf(h->residence, sizeof(h->residence), "%s", jr_db_col_text(st, 12));
}

static enum jr_err fetch_help_request(struct jr_store *s, int64_t id, struct jr_help_request *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db,
			  "SELECT " HELP_REQUEST_COLUMNS ", responsible_basis,"
			  " COALESCE(residence_municipality, municipality) FROM help_requests"
			  " WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	err = row ? read_help_request(st, out) : JR_ERR_NOT_FOUND;
	if (!err)
		read_residence(st, out);
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_help_request_child(struct jr_store *s, int64_t id, int64_t *child_id)
{
	enum jr_err err;
	bool found = false;

	*child_id = 0;
	TRY(jr_store_begin(s));
	TRY(query_int(s, "SELECT child_id FROM help_requests WHERE id = $1", id, child_id, &found));
	if (!found)
		err = JR_ERR_NOT_FOUND;
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_help_request_owner(struct jr_store *s, int64_t id, int64_t *child_id,
					char municipality[5], bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*child_id = 0;
	municipality[0] = '\0';
	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT child_id, municipality FROM help_requests WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, found));
	if (*found) {
		*child_id = jr_db_col_int(st, 0);
		snprintf(municipality, 5, "%s", jr_db_col_text(st, 1));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* JR_ERR_INPUT unless person `child` is a member of household `household`, inside the caller's
 * transaction. */
static enum jr_err must_be_member(struct jr_store *s, int64_t household, int64_t child)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool member = false;

	TRY(jr_db_prepare(s->db,
			  "SELECT 1 FROM household_members WHERE household_id = $1 AND person_id = $2",
			  &st));
	TRY(jr_db_bind_int(st, 1, household));
	TRY(jr_db_bind_int(st, 2, child));
	TRY(jr_db_step(st, &member));
	if (!member)
		err = JR_ERR_INPUT;
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_help_request_add(struct jr_store *s, const struct jr_actor *a,
				      struct jr_help_request *h)
{
	struct jr_db_stmt *st = NULL;
	char raised[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row = false;

	jr_date_format(h->raised_on, raised);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM persons WHERE id = $1", h->child_id));
	if (h->household_id)
		TRY(must_be_member(s, h->household_id, h->child_id));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO help_requests (child_id, household_id, raised_by, raised_on,"
			  " question, municipality, state, version, created_at, updated_at,"
			  " responsible_basis, residence_municipality)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9, $10) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, h->child_id));
	TRY(h->household_id ? jr_db_bind_int(st, 2, h->household_id) : jr_db_bind_null(st, 2));
	TRY(jr_db_bind_text(st, 3, h->raised_by));
	TRY(jr_db_bind_text(st, 4, raised));
	TRY(jr_db_bind_text(st, 5, h->question));
	TRY(jr_db_bind_text(st, 6, h->municipality));
	TRY(jr_db_bind_text(st, 7, jr_hr_state_name(JR_HR_REGISTERED)));
	TRY(jr_db_bind_text(st, 8, now));
	TRY(jr_db_bind_text(st, 9, h->before_stay ? "residence_before_stay" : "residence"));
	TRY(jr_db_bind_text(st, 10, h->residence[0] ? h->residence : h->municipality));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	h->id = jr_db_col_int(st, 0);
	h->state = JR_HR_REGISTERED;
	h->version = 1;
	TRY(jr_store_audit(s, a, "help_request.add", h->child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_help_request_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				      struct jr_help_request *out)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(fetch_help_request(s, id, out));
	TRY(jr_store_audit(s, a, "help_request.read", out->child_id));
out:
	return jr_store_finish(s, err);
}

/* The course facts of help request $1, as columns beside the help request's own (FROM
 * help_requests, COURSE_FACTS_FROM WHERE help_requests.id = $1): the demo and every step of a
 * course read them, and on PostgreSQL each statement is a round trip. */
#define COURSE_FACTS_COLUMNS                                                                       \
	"(SELECT COUNT(*) FROM broad_analyses WHERE help_request_id = $1),"                        \
	" (SELECT COUNT(*) FROM goals WHERE help_request_id = $1),"                                \
	" (SELECT COUNT(*) FROM route_advice r WHERE r.help_request_id = $1"                       \
	"  AND EXISTS (SELECT 1 FROM light_options l WHERE l.help_request_id = r.help_request_id)),"\
	" d.started, d.running, d.outcomes_missing,"                                               \
	" (SELECT COUNT(*) FROM allocations WHERE help_request_id = $1)"
#define COURSE_FACTS_FROM                                                                          \
	" (SELECT COUNT(*) AS started,"                                                            \
	"  COUNT(CASE WHEN dd.stopped_on IS NULL THEN 1 END) AS running,"                          \
	"  COUNT(CASE WHEN dd.stopped_on IS NOT NULL AND dd.goals_reached IS NULL"                 \
	"   THEN 1 END) AS outcomes_missing"                                                       \
	"  FROM deliveries dd JOIN allocations a ON dd.allocation_id = a.id"                       \
	"  WHERE a.help_request_id = $1) d"

/* Reads COURSE_FACTS_COLUMNS from column `first` on; the state is the caller's. */
static void read_facts(struct jr_db_stmt *st, int first, struct jr_course_facts *f)
{
	f->broad_analysis = jr_db_col_int(st, first) > 0;
	f->goals = (int)jr_db_col_int(st, first + 1);
	f->light_options_weighed = jr_db_col_int(st, first + 2) > 0;
	f->care_started = (int)jr_db_col_int(st, first + 3);
	f->care_running = (int)jr_db_col_int(st, first + 4);
	f->outcomes_missing = (int)jr_db_col_int(st, first + 5);
	f->allocations = (int)jr_db_col_int(st, first + 6);
}

/* The course facts, inside the caller's transaction. */
static enum jr_err gather_facts(struct jr_store *s, int64_t id, struct jr_course_facts *f)
{
	struct jr_db_stmt *st = NULL;
	bool row;
	int state;
	enum jr_err err;

	memset(f, 0, sizeof(*f));
	TRY(jr_db_prepare(s->db,
			  "SELECT help_requests.state, " COURSE_FACTS_COLUMNS " FROM help_requests,"
			  COURSE_FACTS_FROM " WHERE help_requests.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	if ((state = jr_hr_state_parse(jr_db_col_text(st, 0))) < 0) {
		err = JR_ERR_STORE;
		goto out;
	}
	f->state = (enum jr_hr_state)state;
	read_facts(st, 1, f);
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_help_request_course(struct jr_store *s, const struct jr_actor *a, int64_t id,
					 struct jr_help_request *h, struct jr_course_facts *f)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	memset(f, 0, sizeof(*f));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT " HELP_REQUEST_COLUMNS_HR ", help_requests.responsible_basis,"
			  " COALESCE(help_requests.residence_municipality, help_requests.municipality),"
			  " " COURSE_FACTS_COLUMNS " FROM help_requests," COURSE_FACTS_FROM
			  " WHERE help_requests.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(read_help_request(st, h));
	read_residence(st, h);
	f->state = h->state;
	read_facts(st, 13, f);
	TRY(jr_store_audit(s, a, "help_request.read", h->child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_course_facts(struct jr_store *s, int64_t id, struct jr_course_facts *f)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(gather_facts(s, id, f));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_help_request_move(struct jr_store *s, const struct jr_actor *a,
				       struct jr_help_request *h, enum jr_hr_state to)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf before;
	char now[21];
	enum jr_err err;
	bool row = false;

	jr_buf_init(&before, 256);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	/* The version read is the state read: the UPDATE moves only that version, and says whether
	 * it did (a writer that moved it since wins; this one gets a conflict, and the history
	 * row written before goes with the transaction). No read first: on PostgreSQL that is a
	 * round trip, and a read under READ COMMITTED could not stop a writer in between anyway. */
	TRY(jr_buf_printf(&before, "{\"state\":\"%s\",\"version\":%d}", jr_hr_state_name(h->state),
			  h->version));
	TRY(jr_store_history(s, a, "help_requests", h->id, h->version, jr_buf_str(&before)));
	TRY(jr_db_prepare(s->db,
			  "UPDATE help_requests SET state = $1, version = version + 1, updated_at = $2"
			  " WHERE id = $3 AND version = $4 RETURNING version",
			  &st));
	TRY(jr_db_bind_text(st, 1, jr_hr_state_name(to)));
	TRY(jr_db_bind_text(st, 2, now));
	TRY(jr_db_bind_int(st, 3, h->id));
	TRY(jr_db_bind_int(st, 4, h->version));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_CONFLICT; /* someone moved it since this writer read it */
		goto out;
	}
	TRY(jr_store_audit(s, a, "help_request.move", h->child_id));
	h->state = to;
	h->version++;
out:
	jr_db_finalize(st);
	jr_buf_release(&before);
	return jr_store_finish(s, err);
}

/* A value to bind: an integer, a text, or NULL (text NULL). */
struct param {
	bool is_int;
	int64_t i;
	const char *t;
};
#define INT_PARAM(v) ((struct param){.is_int = true, .i = (v)})
#define TEXT_PARAM(v) ((struct param){.t = (v)})

/* Adds one row that belongs to a help request: checks the request exists (JR_ERR_NOT_FOUND),
 * inserts with `params` bound to $1…, and writes the audit entry for the child. One
 * transaction. */
static enum jr_err add_to_request(struct jr_store *s, const struct jr_actor *a,
				  int64_t help_request_id, const char *action, const char *sql,
				  const struct param *params, int count)
{
	struct jr_db_stmt *st = NULL;
	int64_t child;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(child_of(s, help_request_id, &child));
	TRY(jr_db_prepare(s->db, sql, &st));
	for (int i = 0; i < count; i++)
		TRY(params[i].is_int ? jr_db_bind_int(st, i + 1, params[i].i)
				     : jr_db_bind_text(st, i + 1, params[i].t));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, action, child));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_analysis_add(struct jr_store *s, const struct jr_actor *a,
				  const struct jr_broad_analysis *b)
{
	struct jr_buf needs;
	char made[JR_DATE_STRLEN], now[21];
	enum jr_err err = JR_OK;

	jr_buf_init(&needs, 512);
	jr_date_format(b->made_on, made);
	jr_store_stamp(s, now);
	for (int d = 0; d < JR_NEED_COUNT && !err; d++)
		err = jr_buf_printf(&needs, "%s\"%s\":%d", d ? "," : "{",
				    jr_need_name((enum jr_need)d), b->needs[d]);
	if (!err)
		err = jr_buf_putc(&needs, '}');
	if (!err) {
		const struct param params[] = {
			INT_PARAM(b->help_request_id), TEXT_PARAM(made),
			TEXT_PARAM(jr_buf_str(&needs)), TEXT_PARAM(b->explanation),
			TEXT_PARAM(b->participants),   TEXT_PARAM(b->hypotheses),
			TEXT_PARAM(now),
		};
		err = add_to_request(s, a, b->help_request_id, "analysis.add",
				     "INSERT INTO broad_analyses (help_request_id, made_on, needs,"
				     " explanation, participants, hypotheses, created_at)"
				     " VALUES ($1, $2, $3, $4, $5, $6, $7)",
				     params, 7);
	}
	jr_buf_release(&needs);
	return err;
}

enum jr_err jr_store_analysis_latest(struct jr_store *s, int64_t help_request_id,
				     struct jr_broad_analysis *out)
{
	struct jr_db_stmt *st = NULL;
	const char *needs, *made;
	enum jr_err err;
	bool row;

	memset(out, 0, sizeof(*out));
	TRY(jr_db_prepare(s->db,
			  "SELECT made_on, needs, explanation, participants, hypotheses"
			  " FROM broad_analyses WHERE help_request_id = $1 ORDER BY id DESC LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, help_request_id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	out->help_request_id = help_request_id;
	made = jr_db_col_text(st, 0);
	needs = jr_db_col_text(st, 1);
	if (jr_date_parse(made, strlen(made), &out->made_on)) {
		err = JR_ERR_STORE;
		goto out;
	}
	/* The needs as written by jr_store_analysis_add: {"parenting":2,…}, one digit each. */
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		char key[40];
		const char *at;
		snprintf(key, sizeof(key), "\"%s\":", jr_need_name((enum jr_need)d));
		at = strstr(needs, key);
		if (at && at[strlen(key)] >= '0' && at[strlen(key)] <= '4')
			out->needs[d] = (unsigned char)(at[strlen(key)] - '0');
	}
	snprintf(out->explanation, sizeof(out->explanation), "%s", jr_db_col_text(st, 2));
	snprintf(out->participants, sizeof(out->participants), "%s", jr_db_col_text(st, 3));
	snprintf(out->hypotheses, sizeof(out->hypotheses), "%s", jr_db_col_text(st, 4));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_goal_add(struct jr_store *s, const struct jr_actor *a, int64_t help_request_id,
			      const char *text, bool has_review, jr_day review_on)
{
	char review[JR_DATE_STRLEN], now[21];
	const struct param params[] = {
		INT_PARAM(help_request_id),
		TEXT_PARAM(text),
		TEXT_PARAM(has_review ? review : NULL),
		TEXT_PARAM(now),
	};

	jr_date_format(review_on, review);
	jr_store_stamp(s, now);
	return add_to_request(s, a, help_request_id, "goal.add",
			      "INSERT INTO goals (help_request_id, text, review_on, created_at)"
			      " VALUES ($1, $2, $3, $4)",
			      params, 4);
}

enum jr_err jr_store_light_option_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *kind,
				      const char *option_id, bool tried, const char *why_not_enough)
{
	char now[21];
	const struct param params[] = {
		INT_PARAM(help_request_id), TEXT_PARAM(kind),  TEXT_PARAM(option_id),
		INT_PARAM(tried),	    TEXT_PARAM(why_not_enough), TEXT_PARAM(now),
	};

	jr_store_stamp(s, now);
	return add_to_request(s, a, help_request_id, "light_option.add",
			      "INSERT INTO light_options (help_request_id, kind, option_id, tried,"
			      " why_not_enough, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
			      params, 6);
}

enum jr_err jr_store_route_advice_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *region,
				      const char *answer_json)
{
	char now[21];
	const struct param params[] = {
		INT_PARAM(help_request_id),
		TEXT_PARAM(now),
		TEXT_PARAM(region),
		TEXT_PARAM(answer_json),
	};

	jr_store_stamp(s, now);
	return add_to_request(s, a, help_request_id, "route_advice.add",
			      "INSERT INTO route_advice (help_request_id, given_at, policy_region,"
			      " answer) VALUES ($1, $2, $3, $4)",
			      params, 4);
}

enum jr_err jr_store_help_request_rows(struct jr_store *s, const struct jr_actor *a,
				       const int64_t *ids, size_t n, jr_help_request_row_fn fn,
				       void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_help_request_row row;
	enum jr_err err;
	bool more;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT " HELP_REQUEST_COLUMNS_H ", p.given_names, p.family_name,"
			  " p.birth_date FROM help_requests h JOIN persons p ON p.id = h.child_id"
			  " WHERE h.id = $1",
			  &st));
	for (size_t i = 0; i < n; i++) {
		const char *birth;

		TRY(jr_db_reset(st));
		TRY(jr_db_bind_int(st, 1, ids[i]));
		TRY(jr_db_step(st, &more));
		if (!more)
			continue; /* gone since the list was read (erased): not shown */
		memset(&row, 0, sizeof(row));
		TRY(read_help_request(st, &row.h));
		snprintf(row.given_names, sizeof(row.given_names), "%s", jr_db_col_text(st, 11));
		snprintf(row.family_name, sizeof(row.family_name), "%s", jr_db_col_text(st, 12));
		birth = jr_db_col_text(st, 13);
		if (jr_date_parse(birth, strlen(birth), &row.birth_date)) {
			err = JR_ERR_STORE;
			goto out;
		}
		/* every child listed is an access to its record */
		TRY(jr_store_audit(s, a, "help_request.list", row.h.child_id));
		TRY(fn(ctx, &row));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
