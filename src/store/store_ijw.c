/* store_ijw: the records of the iJw exchange — messages in and out (without their content),
 * requests for allocation, starts and stops of care keyed as iJw keys them, and claims with
 * their lines (see store.h). Every change of a child's records is audited on the child. */
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"

/* *yes = whether `sql` (a SELECT 1 … with $1 an id and $2 a text) finds a row, inside the
 * caller's transaction. */
static enum jr_err exists(struct jr_store *s, const char *sql, int64_t id, const char *text,
			  bool *yes)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*yes = false;
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_bind_text(st, 2, text));
	TRY(jr_db_step(st, yes));
out:
	jr_db_finalize(st);
	return err;
}

static enum jr_err bind_day(struct jr_db_stmt *st, int idx, jr_day d)
{
	char s[JR_DATE_STRLEN];
	jr_date_format(d, s);
	return jr_db_bind_text(st, idx, s);
}

static enum jr_err bind_text_or_null(struct jr_db_stmt *st, int idx, const char *s)
{
	return s[0] ? jr_db_bind_text(st, idx, s) : jr_db_bind_null(st, idx);
}

/* jr_store_ijw_message_known inside the caller's transaction. */
static enum jr_err message_known_in(struct jr_store *s, const char *direction, const char *code,
				    const char *sender, const char *identification, bool *known)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*known = false;
	TRY(jr_db_prepare(s->db,
			  "SELECT 1 FROM ijw_messages WHERE direction = $1 AND code = $2"
			  " AND sender = $3 AND identification = $4",
			  &st));
	TRY(jr_db_bind_text(st, 1, direction));
	TRY(jr_db_bind_text(st, 2, code));
	TRY(jr_db_bind_text(st, 3, sender));
	TRY(jr_db_bind_text(st, 4, identification));
	TRY(jr_db_step(st, known));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_ijw_message_known(struct jr_store *s, const char *direction,
				       const char *code, const char *sender,
				       const char *identification, bool *known)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	err = message_known_in(s, direction, code, sender, identification, known);
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_message_add(struct jr_store *s, const struct jr_actor *a,
				     struct jr_ijw_message_rec *m)
{
	struct jr_db_stmt *st = NULL;
	char now[21];
	enum jr_err err;
	bool row = false, known;

	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	if (!m->identification[0]) {
		/* the next number of jeugdroute's own messages: the writer holds the lock */
		TRY(jr_db_prepare(s->db, "SELECT COALESCE(MAX(id), 0) + 1 FROM ijw_messages", &st));
		TRY(jr_db_step(st, &row));
		snprintf(m->identification, sizeof(m->identification), "JR%010lld",
			 (long long)jr_db_col_int(st, 0));
		jr_db_finalize(st);
		st = NULL;
	}
	TRY(message_known_in(s, m->direction, m->code, m->sender, m->identification, &known));
	if (known) {
		err = JR_ERR_CONFLICT;
		goto out;
	}
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO ijw_messages (direction, code, identification, dagtekening,"
			  " sender, receiver, status, answers, created_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
			  &st));
	TRY(jr_db_bind_text(st, 1, m->direction));
	TRY(jr_db_bind_text(st, 2, m->code));
	TRY(jr_db_bind_text(st, 3, m->identification));
	TRY(bind_day(st, 4, m->dagtekening));
	TRY(jr_db_bind_text(st, 5, m->sender));
	TRY(jr_db_bind_text(st, 6, m->receiver));
	TRY(jr_db_bind_text(st, 7, m->status));
	TRY(m->answers ? jr_db_bind_int(st, 8, m->answers) : jr_db_bind_null(st, 8));
	TRY(jr_db_bind_text(st, 9, now));
	TRY(jr_db_step(st, &row));
	m->id = row ? jr_db_col_int(st, 0) : 0;
	jr_db_finalize(st);
	st = NULL;
	{
		char object[48];
		snprintf(object, sizeof(object), "ijw:%s:%s", m->code, m->direction);
		TRY(jr_store_audit_object(s, a, "ijw.message", 0, object));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_message_answered(struct jr_store *s, const struct jr_actor *a,
					  const char *code, const char *sender,
					  const char *identification, const char *codes,
					  bool *found)
{
	struct jr_db_stmt *st = NULL;
	char object[64];
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(message_known_in(s, "out", code, sender, identification, found));
	if (!*found)
		goto out;
	TRY(jr_db_prepare(s->db,
			  "UPDATE ijw_messages SET status = $1, answer_codes = $2 WHERE direction ="
			  " 'out' AND code = $3 AND sender = $4 AND identification = $5",
			  &st));
	TRY(jr_db_bind_text(st, 1, codes[0] ? "rejected" : "acknowledged"));
	TRY(jr_db_bind_text(st, 2, codes));
	TRY(jr_db_bind_text(st, 3, code));
	TRY(jr_db_bind_text(st, 4, sender));
	TRY(jr_db_bind_text(st, 5, identification));
	TRY(jr_db_step(st, &row));
	snprintf(object, sizeof(object), "ijw:%s:answered", code);
	TRY(jr_store_audit_object(s, a, "ijw.message", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_provider_find_agb(struct jr_store *s, const char *agb,
				       struct jr_provider *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;
	int64_t id = 0;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT id FROM providers WHERE agb = $1", &st));
	TRY(jr_db_bind_text(st, 1, agb));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	id = jr_db_col_int(st, 0);
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
	return err ? err : jr_store_provider_get(s, id, out);
}

#define IJW_ALLOCATION                                                                             \
	"SELECT al.id, al.provider_id, pr.agb, h.child_id, h.municipality, al.form, al.jz020,"     \
	" al.regime, COALESCE(al.product_code, ''), COALESCE(al.intensity, 0),"                    \
	" COALESCE(al.volume, 0), COALESCE(al.unit, ''), COALESCE(al.frequency, ''),"              \
	" al.start_date, al.end_date, COALESCE(al.change_reason, ''),"                             \
	" COALESCE(al.changed_at, al.created_at),"                                                 \
	" COALESCE(al.referral_id, 0), al.help_request_id"                                         \
	" FROM allocations al JOIN providers pr ON pr.id = al.provider_id"                         \
	" JOIN help_requests h ON h.id = al.help_request_id"

static enum jr_err read_ijw_allocation(struct jr_db_stmt *st, struct jr_ijw_allocation *al)
{
	const char *created;
	enum jr_err err;

	memset(al, 0, sizeof(*al));
	al->id = jr_db_col_int(st, 0);
	al->provider_id = jr_db_col_int(st, 1);
	snprintf(al->provider_agb, sizeof(al->provider_agb), "%s", jr_db_col_text(st, 2));
	al->child_id = jr_db_col_int(st, 3);
	snprintf(al->municipality, sizeof(al->municipality), "%s", jr_db_col_text(st, 4));
	al->form = (int)jr_db_col_int(st, 5);
	snprintf(al->jz020, sizeof(al->jz020), "%s", jr_db_col_text(st, 6));
	snprintf(al->regime, sizeof(al->regime), "%s", jr_db_col_text(st, 7));
	snprintf(al->product_code, sizeof(al->product_code), "%s", jr_db_col_text(st, 8));
	al->intensity = (int)jr_db_col_int(st, 9);
	al->volume = jr_db_col_int(st, 10);
	snprintf(al->unit, sizeof(al->unit), "%s", jr_db_col_text(st, 11));
	snprintf(al->frequency, sizeof(al->frequency), "%s", jr_db_col_text(st, 12));
	if ((err = jr_store_day_col(st, 13, &al->start, NULL)) || (err = jr_store_day_col(st, 14, &al->end, &al->has_end)))
		return err;
	snprintf(al->change_reason, sizeof(al->change_reason), "%s", jr_db_col_text(st, 15));
	created = jr_db_col_text(st, 16); /* YYYY-MM-DDTHH:MM:SSZ */
	if (strlen(created) < 19 || jr_date_parse(created, 10, &al->decided))
		return JR_ERR_STORE;
	snprintf(al->decided_at, sizeof(al->decided_at), "%.8s", created + 11);
	al->referral_id = jr_db_col_int(st, 17);
	al->help_request_id = jr_db_col_int(st, 18);
	return JR_OK;
}

enum jr_err jr_store_ijw_allocation(struct jr_store *s, int64_t id, struct jr_ijw_allocation *out,
				    bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, IJW_ALLOCATION " WHERE al.id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, found));
	if (*found)
		TRY(read_ijw_allocation(st, out));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_allocation_generic(struct jr_store *s, int64_t provider_id,
					    int64_t child_id, const char *jz020, jr_day on,
					    struct jr_ijw_allocation *out, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  IJW_ALLOCATION " WHERE al.provider_id = $1 AND h.child_id = $2"
					 " AND al.regime = 'generic' AND al.jz020 = $3"
					 " AND al.start_date <= $4"
					 " AND (al.end_date IS NULL OR al.end_date >= $4)"
					 " ORDER BY al.start_date DESC, al.id DESC LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_int(st, 2, child_id));
	TRY(jr_db_bind_text(st, 3, jz020));
	TRY(bind_day(st, 4, on));
	TRY(jr_db_step(st, found));
	if (*found)
		TRY(read_ijw_allocation(st, out));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_allocations_current(struct jr_store *s, int64_t provider_id,
					     int64_t child_id, jr_day on,
					     struct jr_ijw_allocation *out, size_t max, size_t *count)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*count = 0;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  IJW_ALLOCATION " WHERE al.provider_id = $1 AND h.child_id = $2"
					 " AND (al.end_date IS NULL OR al.end_date >= $3)"
					 " AND COALESCE(al.change_reason, '') <> '13' ORDER BY al.id",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_int(st, 2, child_id));
	TRY(bind_day(st, 3, on));
	while (*count < max) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		TRY(read_ijw_allocation(st, &out[(*count)++]));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_allocations_since(struct jr_store *s, jr_day since,
					   jr_ijw_allocation_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_ijw_allocation al;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  IJW_ALLOCATION " WHERE al.created_at >= $1 OR al.changed_at >= $1"
					 " ORDER BY al.id",
			  &st));
	TRY(bind_day(st, 1, since));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		TRY(read_ijw_allocation(st, &al));
		TRY(fn(ctx, &al));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_request_add(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
				     struct jr_ijw_request_rec *r)
{
	struct jr_db_stmt *st = NULL;
	char now[21];
	enum jr_err err;
	bool row = false;

	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO ijw_requests (message_id, provider_id, help_request_id,"
			  " referral_id, reference, jz020, product_code, start_date, end_date, volume,"
			  " unit, frequency, budget_cents, status, created_at, kind, change_of)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
			  " $16, $17) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, r->message_id));
	TRY(jr_db_bind_int(st, 2, r->provider_id));
	TRY(jr_db_bind_int(st, 3, r->help_request_id));
	TRY(r->referral_id ? jr_db_bind_int(st, 4, r->referral_id) : jr_db_bind_null(st, 4));
	TRY(jr_db_bind_text(st, 5, r->reference));
	TRY(bind_text_or_null(st, 6, r->jz020));
	TRY(bind_text_or_null(st, 7, r->product_code));
	TRY(bind_day(st, 8, r->start));
	TRY(r->has_end ? bind_day(st, 9, r->end) : jr_db_bind_null(st, 9));
	TRY(r->has_volume ? jr_db_bind_int(st, 10, r->volume) : jr_db_bind_null(st, 10));
	TRY(bind_text_or_null(st, 11, r->unit));
	TRY(bind_text_or_null(st, 12, r->frequency));
	TRY(r->has_budget ? jr_db_bind_int(st, 13, r->budget_cents) : jr_db_bind_null(st, 13));
	TRY(jr_db_bind_text(st, 14, r->status[0] ? r->status : "open"));
	TRY(jr_db_bind_text(st, 15, now));
	TRY(jr_db_bind_text(st, 16, r->kind[0] ? r->kind : "JW315"));
	TRY(r->change_of ? jr_db_bind_int(st, 17, r->change_of) : jr_db_bind_null(st, 17));
	TRY(jr_db_step(st, &row));
	r->id = row ? jr_db_col_int(st, 0) : 0;
	TRY(jr_store_audit(s, a, "ijw.request", child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_request_seen(struct jr_store *s, int64_t provider_id,
				      const char *reference, int64_t child_id, bool *reference_used,
				      bool *open_for_child)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*reference_used = *open_for_child = false;
	TRY(jr_store_begin(s));
	TRY(exists(s, "SELECT 1 FROM ijw_requests WHERE provider_id = $1 AND reference = $2",
		   provider_id, reference, reference_used));
	TRY(jr_db_prepare(s->db,
			  /* from the child's few help requests, not the provider's many requests */
			  "SELECT 1 FROM ijw_requests r WHERE r.help_request_id IN (SELECT h.id"
			  " FROM help_requests h WHERE h.child_id = $2) AND +r.provider_id = $1"
			  " AND r.status = 'open'",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_int(st, 2, child_id));
	TRY(jr_db_step(st, open_for_child));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* The first request the query (with $1) finds: its id, reference and status; zeroed if none. */
static enum jr_err request_found(struct jr_store *s, const char *sql, int64_t id,
				 struct jr_ijw_request_rec *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (row) {
		out->id = jr_db_col_int(st, 0);
		snprintf(out->reference, sizeof(out->reference), "%s", jr_db_col_text(st, 1));
		snprintf(out->status, sizeof(out->status), "%s", jr_db_col_text(st, 2));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_request_of_referral(struct jr_store *s, int64_t referral_id,
					     struct jr_ijw_request_rec *out)
{
	enum jr_err err = request_found(s,
					"SELECT id, reference, status FROM ijw_requests"
					" WHERE referral_id = $1 ORDER BY id LIMIT 1",
					referral_id, out);
	if (!err && out->id)
		out->referral_id = referral_id;
	return err;
}

enum jr_err jr_store_ijw_request_of_change(struct jr_store *s, int64_t allocation_id,
					   struct jr_ijw_request_rec *out)
{
	return request_found(s,
			     "SELECT id, reference, status FROM ijw_requests WHERE change_of = $1"
			     " AND status = 'allocated' ORDER BY id DESC LIMIT 1",
			     allocation_id, out);
}

/* jr_store_ijw_request_state inside the caller's transaction. */
static enum jr_err request_state_in(struct jr_store *s, int64_t provider_id, const char *reference,
				    bool *found, char status[14], char municipality[5],
				    int64_t *child_id)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*found = false;
	status[0] = municipality[0] = '\0';
	*child_id = 0;
	TRY(jr_db_prepare(s->db,
			  "SELECT r.status, h.municipality, h.child_id FROM ijw_requests r"
			  " JOIN help_requests h ON h.id = r.help_request_id"
			  " WHERE r.provider_id = $1 AND r.reference = $2 ORDER BY r.id LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_text(st, 2, reference));
	TRY(jr_db_step(st, found));
	if (*found) {
		snprintf(status, 14, "%s", jr_db_col_text(st, 0));
		snprintf(municipality, 5, "%s", jr_db_col_text(st, 1));
		*child_id = jr_db_col_int(st, 2);
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_ijw_request_state(struct jr_store *s, int64_t provider_id,
				       const char *reference, bool *found, char status[14],
				       char municipality[5], int64_t *child_id)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	err = request_state_in(s, provider_id, reference, found, status, municipality, child_id);
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_request_set_status(struct jr_store *s, const struct jr_actor *a,
					    int64_t provider_id, const char *reference,
					    const char *status)
{
	struct jr_db_stmt *st = NULL;
	char state[14], municipality[5];
	int64_t child;
	enum jr_err err;
	bool found, row;

	TRY(jr_store_begin(s));
	TRY(request_state_in(s, provider_id, reference, &found, state, municipality, &child));
	if (!found) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(jr_db_prepare(s->db,
			  "UPDATE ijw_requests SET status = $3 WHERE provider_id = $1"
			  " AND reference = $2",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_text(st, 2, reference));
	TRY(jr_db_bind_text(st, 3, status));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "ijw.answer", child));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_ijw_request_allocated(struct jr_store *s, int64_t request_id,
					   int64_t allocation_id)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "UPDATE ijw_requests SET status = 'allocated', allocation_id = $2"
			  " WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, request_id));
	TRY(jr_db_bind_int(st, 2, allocation_id));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_claim_add(struct jr_store *s, const struct jr_actor *a, struct jr_claim_rec *c)
{
	struct jr_db_stmt *st = NULL;
	char now[21], object[48];
	enum jr_err err;
	bool row = false;

	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO claims (message_id, provider_id, number, period_start,"
			  " period_end, submitted_cents, granted_cents, created_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, c->message_id));
	TRY(jr_db_bind_int(st, 2, c->provider_id));
	TRY(jr_db_bind_text(st, 3, c->number));
	TRY(bind_day(st, 4, c->start));
	TRY(bind_day(st, 5, c->end));
	TRY(jr_db_bind_int(st, 6, c->submitted_cents));
	TRY(jr_db_bind_int(st, 7, c->granted_cents));
	TRY(jr_db_bind_text(st, 8, now));
	TRY(jr_db_step(st, &row));
	c->id = row ? jr_db_col_int(st, 0) : 0;
	snprintf(object, sizeof(object), "claim:%lld", (long long)c->id);
	TRY(jr_store_audit_object(s, a, "claim.add", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_claim_line_add(struct jr_store *s, const struct jr_actor *a,
				    const struct jr_claim_line_rec *l)
{
	struct jr_db_stmt *st = NULL;
	char now[21];
	enum jr_err err;
	bool row;

	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO claim_lines (claim_id, provider_id, allocation_id, reference,"
			  " previous_reference, jz020, product_code, period_start, period_end, volume,"
			  " unit, tariff_cents, amount_cents, debit, status, codes, created_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
			  " $16, $17)",
			  &st));
	TRY(jr_db_bind_int(st, 1, l->claim_id));
	TRY(jr_db_bind_int(st, 2, l->provider_id));
	TRY(l->allocation_id ? jr_db_bind_int(st, 3, l->allocation_id) : jr_db_bind_null(st, 3));
	TRY(jr_db_bind_text(st, 4, l->reference));
	TRY(bind_text_or_null(st, 5, l->previous_reference));
	TRY(jr_db_bind_text(st, 6, l->jz020));
	TRY(jr_db_bind_text(st, 7, l->product_code));
	TRY(bind_day(st, 8, l->start));
	TRY(bind_day(st, 9, l->end));
	TRY(jr_db_bind_int(st, 10, l->volume));
	TRY(jr_db_bind_text(st, 11, l->unit));
	TRY(l->has_tariff ? jr_db_bind_int(st, 12, l->tariff_cents) : jr_db_bind_null(st, 12));
	TRY(jr_db_bind_int(st, 13, l->amount_cents));
	TRY(jr_db_bind_int(st, 14, l->debit));
	TRY(jr_db_bind_text(st, 15, l->accepted ? "accepted" : "rejected"));
	TRY(jr_db_bind_text(st, 16, l->codes));
	TRY(jr_db_bind_text(st, 17, now));
	TRY(jr_db_step(st, &row));
	if (l->child_id)
		TRY(jr_store_audit(s, a, "claim.line", l->child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_claim_known(struct jr_store *s, int64_t provider_id, const char *number,
				 bool *known)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	err = exists(s, "SELECT 1 FROM claims WHERE provider_id = $1 AND number = $2", provider_id,
		     number, known);
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_claim_previous(struct jr_store *s, int64_t provider_id,
				    const char *municipality, jr_day begin, bool *has_previous,
				    jr_day *previous_end, bool *delivered_between)
{
	struct jr_db_stmt *st = NULL;
	jr_day after;
	enum jr_err err;
	bool row = false;

	*has_previous = *delivered_between = false;
	*previous_end = 0;
	TRY(jr_store_begin(s));
	/* the latest period, also one after `begin`: a claim out of its turn follows none */
	TRY(jr_db_prepare(s->db,
			  "SELECT MAX(c.period_end) FROM claims c"
			  " JOIN ijw_messages m ON m.id = c.message_id"
			  " WHERE c.provider_id = $1 AND m.receiver = $2",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_text(st, 2, municipality));
	TRY(jr_db_step(st, &row));
	if (row)
		TRY(jr_store_day_col(st, 0, previous_end, has_previous));
	jr_db_finalize(st);
	st = NULL;
	after = *previous_end + 1;
	if (!*has_previous || after >= begin)
		goto out;
	TRY(jr_db_prepare(s->db,
			  "SELECT 1 FROM deliveries d JOIN allocations al ON al.id = d.allocation_id"
			  " JOIN help_requests h ON h.id = al.help_request_id"
			  " WHERE al.provider_id = $1 AND h.municipality = $2 AND d.started_on < $4"
			  " AND (d.stopped_on IS NULL OR d.stopped_on >= $3) LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_text(st, 2, municipality));
	TRY(bind_day(st, 3, after));
	TRY(bind_day(st, 4, begin));
	TRY(jr_db_step(st, delivered_between));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_claim_reference(struct jr_store *s, int64_t provider_id,
				     const char *reference, bool *used, bool *debit_accepted,
				     bool *credited)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*used = *debit_accepted = *credited = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT COUNT(*),"
			  " COALESCE(SUM(CASE WHEN debit = 1 AND status = 'accepted' THEN 1 ELSE 0"
			  " END), 0) FROM claim_lines WHERE provider_id = $1 AND reference = $2",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_text(st, 2, reference));
	TRY(jr_db_step(st, used));
	*used = jr_db_col_int(st, 0) > 0;
	*debit_accepted = jr_db_col_int(st, 1) > 0;
	TRY(exists(s,
		   "SELECT 1 FROM claim_lines WHERE provider_id = $1 AND previous_reference = $2"
		   " AND debit = 0 AND status = 'accepted'",
		   provider_id, reference, credited));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_claimed_volume(struct jr_store *s, int64_t allocation_id, int64_t *volume)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*volume = 0;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT COALESCE(SUM(CASE WHEN debit = 1 THEN volume ELSE -volume END), 0)"
			  " FROM claim_lines WHERE allocation_id = $1 AND status = 'accepted'",
			  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_step(st, &row));
	*volume = row ? jr_db_col_int(st, 0) : 0;
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_claim_period_debited(struct jr_store *s, int64_t allocation_id,
					  const char *product_code, jr_day start, jr_day end,
					  bool *debited)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*debited = false;
	TRY(jr_store_begin(s));
	/* a debit counts until a credit referring to it is accepted */
	TRY(jr_db_prepare(s->db,
			  "SELECT 1 FROM claim_lines d WHERE d.allocation_id = $1"
			  " AND d.product_code = $2 AND d.period_start = $3 AND d.period_end = $4"
			  " AND d.debit = 1 AND d.status = 'accepted' AND NOT EXISTS (SELECT 1"
			  " FROM claim_lines c WHERE c.provider_id = d.provider_id"
			  " AND c.previous_reference = d.reference AND c.debit = 0"
			  " AND c.status = 'accepted')",
			  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_bind_text(st, 2, product_code));
	TRY(bind_day(st, 3, start));
	TRY(bind_day(st, 4, end));
	TRY(jr_db_step(st, debited));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
