/* store_care: referrals, allocations and the start and stop of care (see store.h). The rules
 * are the app's (app/care.c): the store reads the facts they need (jr_store_allocation_facts,
 * jr_store_allocation_state, jr_store_care_running) and writes what the app decided. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* The child and municipality of a help request; JR_ERR_NOT_FOUND when there is none. */
static enum jr_err request_of(struct jr_store *s, int64_t id, int64_t *child, char municipality[5])
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db, "SELECT child_id, municipality FROM help_requests WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	*child = jr_db_col_int(st, 0);
	snprintf(municipality, 5, "%s", jr_db_col_text(st, 1));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_referral_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_referral *r)
{
	struct jr_db_stmt *st = NULL;
	char type[4], on[JR_DATE_STRLEN], now[21], municipality[5], once[64], object[40];
	int64_t child;
	enum jr_err err;
	bool row = false;

	if (!r->source[0])
		return JR_ERR_INPUT;
	snprintf(type, sizeof(type), "%02d", r->referrer_type);
	jr_date_format(r->referred_on, on);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(request_of(s, r->help_request_id, &child, municipality));
	snprintf(once, sizeof(once), "%lld/%d/%s", (long long)child, r->form, on);
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO referrals (help_request_id, referrer_type, agb, referrer_name,"
			  " referred_on, form, status, created_at, source, organisation_id,"
			  " idempotency_key, fingerprint, once_key, urgency, tried, consent)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
			  " $16) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, r->help_request_id));
	TRY(jr_db_bind_text(st, 2, type));
	TRY(jr_db_bind_text(st, 3, r->agb[0] ? r->agb : NULL));
	TRY(jr_db_bind_text(st, 4, r->referrer_name));
	TRY(jr_db_bind_text(st, 5, on));
	TRY(jr_db_bind_int(st, 6, r->form));
	TRY(jr_db_bind_text(st, 7, r->valid ? "valid" : "invalid"));
	TRY(jr_db_bind_text(st, 8, now));
	TRY(jr_db_bind_text(st, 9, r->source));
	TRY(r->organisation_id ? jr_db_bind_int(st, 10, r->organisation_id)
			       : jr_db_bind_null(st, 10));
	TRY(r->idempotency_key[0] ? jr_db_bind_text(st, 11, r->idempotency_key)
				  : jr_db_bind_null(st, 11));
	TRY(r->fingerprint[0] ? jr_db_bind_text(st, 12, r->fingerprint) : jr_db_bind_null(st, 12));
	TRY(r->once_a_day && r->organisation_id ? jr_db_bind_text(st, 13, once)
						: jr_db_bind_null(st, 13));
	TRY(r->urgency[0] ? jr_db_bind_text(st, 14, r->urgency) : jr_db_bind_null(st, 14));
	TRY(r->tried[0] ? jr_db_bind_text(st, 15, r->tried) : jr_db_bind_null(st, 15));
	TRY(r->consent[0] ? jr_db_bind_text(st, 16, r->consent) : jr_db_bind_null(st, 16));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	r->id = jr_db_col_int(st, 0);
	snprintf(object, sizeof(object), "referral:%lld", (long long)r->id);
	TRY(jr_store_audit_object(s, a, "referral.add", child, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

void jr_store_fingerprint(const struct jr_store *s, const char *text,
			  char out[JR_FINGERPRINT_HEX + 1])
{
	static const char domain[] = "jeugdroute referral request\n";
	unsigned char hash[JR_FINGERPRINT_HEX / 2];
	crypto_generichash_state state;

	crypto_generichash_init(&state, s->vault.hash_key, sizeof(s->vault.hash_key), sizeof(hash));
	crypto_generichash_update(&state, (const unsigned char *)domain, sizeof(domain) - 1);
	crypto_generichash_update(&state, (const unsigned char *)text, strlen(text));
	crypto_generichash_final(&state, hash, sizeof(hash));
	sodium_bin2hex(out, JR_FINGERPRINT_HEX + 1, hash, sizeof(hash));
	sodium_memzero(&state, sizeof(state));
}

#define REFERRAL_COLUMNS                                                                           \
	"r.id, r.help_request_id, r.referrer_type, COALESCE(r.agb, ''), r.referrer_name,"          \
	" r.referred_on, r.form, r.status, r.source, COALESCE(r.organisation_id, 0),"              \
	" COALESCE(r.idempotency_key, ''), COALESCE(r.fingerprint, ''),"                           \
	" CASE WHEN r.once_key IS NULL THEN 0 ELSE 1 END"

/* One referral of REFERRAL_COLUMNS, from column `c` on. */
static enum jr_err read_referral(struct jr_db_stmt *st, int c, struct jr_referral *r)
{
	const char *on = jr_db_col_text(st, c + 5);

	memset(r, 0, sizeof(*r));
	r->id = jr_db_col_int(st, c);
	r->help_request_id = jr_db_col_int(st, c + 1);
	r->referrer_type = (int)strtol(jr_db_col_text(st, c + 2), NULL, 10);
	snprintf(r->agb, sizeof(r->agb), "%s", jr_db_col_text(st, c + 3));
	snprintf(r->referrer_name, sizeof(r->referrer_name), "%s", jr_db_col_text(st, c + 4));
	if (jr_date_parse(on, strlen(on), &r->referred_on))
		return JR_ERR_STORE;
	r->form = (int)jr_db_col_int(st, c + 6);
	r->valid = strcmp(jr_db_col_text(st, c + 7), "valid") == 0;
	snprintf(r->source, sizeof(r->source), "%s", jr_db_col_text(st, c + 8));
	r->organisation_id = jr_db_col_int(st, c + 9);
	snprintf(r->idempotency_key, sizeof(r->idempotency_key), "%s", jr_db_col_text(st, c + 10));
	snprintf(r->fingerprint, sizeof(r->fingerprint), "%s", jr_db_col_text(st, c + 11));
	r->once_a_day = jr_db_col_int(st, c + 12) != 0;
	return JR_OK;
}

enum jr_err jr_store_referral_by_key(struct jr_store *s, int64_t org, const char *key,
				     struct jr_referral *out, bool *found)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*found = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT " REFERRAL_COLUMNS " FROM referrals r"
			  " WHERE r.organisation_id = $1 AND r.idempotency_key = $2",
			  &st));
	TRY(jr_db_bind_int(st, 1, org));
	TRY(jr_db_bind_text(st, 2, key));
	TRY(jr_db_step(st, found));
	if (*found)
		TRY(read_referral(st, 0, out));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_referral_same_day(struct jr_store *s, int64_t org, int64_t child_id, int form,
				       jr_day day, struct jr_referral *out, bool *found)
{
	struct jr_db_stmt *st = NULL;
	char on[JR_DATE_STRLEN];
	enum jr_err err;

	*found = false;
	jr_date_format(day, on);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT " REFERRAL_COLUMNS " FROM referrals r"
			  " JOIN help_requests h ON h.id = r.help_request_id"
			  " WHERE r.organisation_id = $1 AND h.child_id = $2 AND r.form = $3"
			  " AND r.referred_on = $4 AND r.source = 'api' ORDER BY r.id LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, org));
	TRY(jr_db_bind_int(st, 2, child_id));
	TRY(jr_db_bind_int(st, 3, form));
	TRY(jr_db_bind_text(st, 4, on));
	TRY(jr_db_step(st, found));
	if (*found)
		TRY(read_referral(st, 0, out));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_referral_mismatches(struct jr_store *s, int64_t org, int64_t person_id,
					 const char *since, int64_t *count)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*count = 0;
	TRY(jr_store_begin(s));
	/* the entries this transaction has not inserted yet count too */
	TRY(jr_store_audit_write_pending(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT COUNT(*) FROM audit_log WHERE person_id = $1 AND organisation_id = $2"
			  " AND action = 'referral.mismatch' AND at >= $3",
			  &st));
	TRY(jr_db_bind_int(st, 1, person_id));
	TRY(jr_db_bind_int(st, 2, org));
	TRY(jr_db_bind_text(st, 3, since));
	TRY(jr_db_step(st, &row));
	*count = row ? jr_db_col_int(st, 0) : 0;
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* The court measure of a child on a date (JR_MEASURE_NONE when none is in force) and, when
 * `id` is not NULL, its id (0 when none). */
static enum jr_err measure_of(struct jr_store *s, int64_t child, jr_day day, enum jr_measure *m,
			      int64_t *id)
{
	struct jr_db_stmt *st = NULL;
	char d[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	*m = JR_MEASURE_NONE;
	if (id)
		*id = 0;
	jr_date_format(day, d);
	TRY(jr_db_prepare(s->db,
			  "SELECT kind, id FROM measures WHERE child_id = $1 AND start_date <= $2"
			  " AND (end_date IS NULL OR end_date >= $2) ORDER BY id DESC LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, child));
	TRY(jr_db_bind_text(st, 2, d));
	TRY(jr_db_step(st, &row));
	if (row && jr_measure_parse(jr_db_col_text(st, 0)) > 0) {
		*m = (enum jr_measure)jr_measure_parse(jr_db_col_text(st, 0));
		if (id)
			*id = jr_db_col_int(st, 1);
	}
out:
	jr_db_finalize(st);
	return err;
}

/* The judge's authorisations beside measure `id` in force on `day` (JR_AUTH_BIT mask). */
static enum jr_err authorisations_of(struct jr_store *s, int64_t id, jr_day day, unsigned *mask)
{
	struct jr_db_stmt *st = NULL;
	char d[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	*mask = 0;
	jr_date_format(day, d);
	TRY(jr_db_prepare(s->db,
			  "SELECT kind FROM measure_authorisations WHERE measure_id = $1"
			  " AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2)",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_bind_text(st, 2, d));
	for (;;) {
		int k;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if ((k = jr_authorisation_parse(jr_db_col_text(st, 0))) >= 0)
			*mask |= JR_AUTH_BIT(k);
	}
out:
	jr_db_finalize(st);
	return err;
}

static enum jr_err measure_on(struct jr_store *s, int64_t child, jr_day day, enum jr_measure *m)
{
	return measure_of(s, child, day, m, NULL);
}

enum jr_err jr_store_measure_on(struct jr_store *s, int64_t child_id, jr_day day,
				enum jr_measure *kind)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(measure_on(s, child_id, day, kind));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_measure_add(struct jr_store *s, const struct jr_actor *a,
				 struct jr_measure_record *m)
{
	struct jr_db_stmt *st = NULL;
	char court[JR_DATE_STRLEN], start[JR_DATE_STRLEN], end[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row = false;

	if (m->kind <= JR_MEASURE_NONE || m->kind >= JR_MEASURE_COUNT)
		return JR_ERR_INPUT;
	jr_date_format(m->court_date, court);
	jr_date_format(m->start, start);
	jr_date_format(m->end, end);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM persons WHERE id = $1", m->child_id));
	if (m->gi_organisation_id)
		TRY(jr_store_must_exist(s, "SELECT 1 FROM organisations WHERE id = $1",
					m->gi_organisation_id));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO measures (child_id, kind, court_date, gi_organisation_id,"
			  " start_date, end_date, created_at, reference)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, m->child_id));
	TRY(jr_db_bind_text(st, 2, jr_measure_name(m->kind)));
	TRY(jr_db_bind_text(st, 3, court));
	TRY(m->gi_organisation_id ? jr_db_bind_int(st, 4, m->gi_organisation_id)
				  : jr_db_bind_null(st, 4));
	TRY(jr_db_bind_text(st, 5, start));
	TRY(jr_db_bind_text(st, 6, m->has_end ? end : NULL));
	TRY(jr_db_bind_text(st, 7, now));
	TRY(jr_db_bind_text(st, 8, m->reference[0] ? m->reference : NULL));
	TRY(jr_db_step(st, &row));
	m->id = row ? jr_db_col_int(st, 0) : 0;
	TRY(jr_store_audit(s, a, "measure.add", m->child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_allocation_facts(struct jr_store *s, const struct jr_allocation *al,
				      const char *region, struct jr_allocation_facts *f)
{
	struct jr_db_stmt *st = NULL;
	char municipality[5];
	int64_t child, measure_id;
	enum jr_err err;
	bool row;

	f->broad_analysis = f->provider_known = f->referral_valid = f->contract_covers = false;
	f->provider_gi = false;
	f->product_listed = !al->product_code[0];
	f->referrer_type = 0;
	f->authorisations = 0;
	TRY(jr_store_begin(s));
	TRY(request_of(s, al->help_request_id, &child, municipality));
	TRY(measure_of(s, child, al->start, &f->measure, &measure_id));
	if (measure_id) /* principle 8: a stay under an OTS needs the judge's authorisation */
		TRY(authorisations_of(s, measure_id, al->start, &f->authorisations));
	TRY(jr_db_prepare(s->db, "SELECT COUNT(*) FROM broad_analyses WHERE help_request_id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, al->help_request_id));
	TRY(jr_db_step(st, &row));
	f->broad_analysis = row && jr_db_col_int(st, 0) > 0;
	jr_db_finalize(st);
	st = NULL;
	/* a provider that is also a certified institution: an organisation of kind gi with its AGB */
	TRY(jr_db_prepare(s->db,
			  "SELECT p.status, (SELECT COUNT(*) FROM organisations o WHERE o.kind = 'gi'"
			  " AND o.agb = p.agb) FROM providers p WHERE p.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, al->provider_id));
	TRY(jr_db_step(st, &row));
	f->provider_known = row && jr_provider_status_parse(jr_db_col_text(st, 0)) >= 0;
	if (f->provider_known) {
		f->provider_status =
			(enum jr_provider_status)jr_provider_status_parse(jr_db_col_text(st, 0));
		f->provider_gi = jr_db_col_int(st, 1) > 0;
	}
	jr_db_finalize(st);
	st = NULL;
	if (al->referral_id) {
		/* A referral counts only for this help request, this form, and when it was valid. */
		TRY(jr_db_prepare(s->db,
				  "SELECT referrer_type FROM referrals WHERE id = $1 AND"
				  " help_request_id = $2 AND form = $3 AND status = 'valid'",
				  &st));
		TRY(jr_db_bind_int(st, 1, al->referral_id));
		TRY(jr_db_bind_int(st, 2, al->help_request_id));
		TRY(jr_db_bind_int(st, 3, al->form));
		TRY(jr_db_step(st, &f->referral_valid));
		f->referrer_type =
		    f->referral_valid ? (int)strtol(jr_db_col_text(st, 0), NULL, 10) : 0;
	}
	if (f->provider_known && al->form >= 1 && al->form <= JR_FORM_COUNT)
		TRY(jr_store_contract_covers_in(s, al->provider_id, al->form, region, municipality,
						al->start, al->product_code, &f->contract_covers,
						&f->product_listed));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_allocations_held(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, int form,
				      jr_allocation_held_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_allocation_held h;
	char municipality[5];
	int64_t child;
	enum jr_err err;
	bool row, any_stop;

	TRY(jr_store_begin(s));
	TRY(request_of(s, help_request_id, &child, municipality));
	TRY(jr_store_audit(s, a, "allocation.overlap_check", child));
	/* stopped: care was stopped and none runs (one running start per allocation) */
	TRY(jr_db_prepare(s->db,
			  "SELECT a.id, a.number, COALESCE(a.product_code, ''), a.start_date,"
			  " a.end_date, COALESCE(a.change_reason, ''),"
			  " (SELECT MAX(d.stopped_on) FROM deliveries d WHERE d.allocation_id = a.id),"
			  " (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = a.id"
			  "  AND d.stopped_on IS NULL)"
			  " FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
			  " WHERE h.child_id = $1 AND a.form = $2 ORDER BY a.start_date, a.id",
			  &st));
	TRY(jr_db_bind_int(st, 1, child));
	TRY(jr_db_bind_int(st, 2, form));
	for (;;) {
		bool has_start;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&h, 0, sizeof(h));
		h.id = jr_db_col_int(st, 0);
		snprintf(h.number, sizeof(h.number), "%s", jr_db_col_text(st, 1));
		h.period.form = form;
		snprintf(h.period.product_code, sizeof(h.period.product_code), "%s",
			 jr_db_col_text(st, 2));
		TRY(jr_store_day_col(st, 3, &h.period.start, &has_start));
		TRY(jr_store_day_col(st, 4, &h.period.end, &h.period.has_end));
		h.period.withdrawn = strcmp(jr_db_col_text(st, 5), "13") == 0;
		TRY(jr_store_day_col(st, 6, &h.period.stopped_on, &any_stop));
		h.period.stopped = any_stop && jr_db_col_int(st, 7) == 0;
		if (!has_start) {
			err = JR_ERR_STORE;
			goto out;
		}
		TRY(fn(ctx, &h));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_allocation_state(struct jr_store *s, int64_t id,
				      struct jr_allocation_state *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	memset(out, 0, sizeof(*out));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT start_date, COALESCE(end_date, ''), volume FROM allocations"
			  " WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(jr_store_day_col(st, 0, &out->start, NULL));
	TRY(jr_store_day_col(st, 1, &out->end, &out->has_end));
	out->has_volume = !jr_db_col_null(st, 2);
	out->volume = (int)jr_db_col_int(st, 2);
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_allocation_change(struct jr_store *s, const struct jr_actor *a, int64_t id,
				       const struct jr_allocation_change *c, int *honoured)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf before;
	char end[JR_DATE_STRLEN], now[21], object[48], changed_on[11];
	bool row = false;
	int64_t child, old_volume;
	int version;
	enum jr_err err;

	*honoured = 0;
	jr_buf_init(&before, 4096);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT al.start_date, COALESCE(al.end_date, ''), al.volume,"
			  " COALESCE(al.change_reason, ''), al.version, h.child_id"
			  " FROM allocations al JOIN help_requests h ON h.id = al.help_request_id"
			  " WHERE al.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	old_volume = jr_db_col_int(st, 2);
	version = (int)jr_db_col_int(st, 4);
	child = jr_db_col_int(st, 5);
	TRY(jr_buf_printf(&before,
			  "{\"end_date\":\"%s\",\"volume\":%lld,\"change_reason\":\"%s\","
			  "\"version\":%d}",
			  jr_db_col_text(st, 1), (long long)old_volume, jr_db_col_text(st, 3), version));
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_history(s, a, "allocations", id, version, jr_buf_str(&before)));
	jr_date_format(c->end, end);
	jr_store_stamp(s, now);
	TRY(jr_db_prepare(s->db,
			  "UPDATE allocations SET end_date = CASE WHEN $2 = 1 THEN $3 ELSE end_date"
			  " END, volume = CASE WHEN $4 = 1 THEN $5 ELSE volume END,"
			  " change_reason = $6, changed_at = $7, version = version + 1"
			  " WHERE id = $1 AND version = $8",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_bind_int(st, 2, c->has_end));
	TRY(jr_db_bind_text(st, 3, end));
	TRY(jr_db_bind_int(st, 4, c->has_volume));
	TRY(jr_db_bind_int(st, 5, c->volume));
	TRY(jr_db_bind_text(st, 6, c->reason));
	TRY(jr_db_bind_text(st, 7, now));
	TRY(jr_db_bind_int(st, 8, version));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	/* the change as a row of its own, for the history of the case (migration 24) */
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO allocation_changes (allocation_id, changed_on, reason, end_date,"
			  " volume, created_at) SELECT id, $2, $3, end_date, volume, $4"
			  " FROM allocations WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	memcpy(changed_on, now, 10); /* the day of the stamp "YYYY-MM-DDTHH:MM:SSZ" */
	changed_on[10] = '\0';
	TRY(jr_db_bind_text(st, 2, changed_on));
	TRY(jr_db_bind_text(st, 3, c->reason));
	TRY(jr_db_bind_text(st, 4, now));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	/* the provider's requests to change it (JW317) that wait: honoured by this change */
	TRY(jr_db_prepare(s->db,
			  "UPDATE ijw_requests SET status = 'allocated', allocation_id = $1"
			  " WHERE change_of = $1 AND status IN ('open', 'investigating')"
			  " RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		++*honoured;
	}
	snprintf(object, sizeof(object), "allocation:%lld:%s", (long long)id, c->reason);
	TRY(jr_store_audit_object(s, a, "allocation.change", child, object));
out:
	jr_db_finalize(st);
	jr_buf_release(&before);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_allocation_add(struct jr_store *s, const struct jr_actor *a,
				    struct jr_allocation *al)
{
	struct jr_db_stmt *st = NULL;
	unsigned char nonce[8];
	char pending[24], start[JR_DATE_STRLEN], end[JR_DATE_STRLEN], now[21], municipality[5];
	int64_t child;
	enum jr_err err;
	bool row = false;

	/* A placeholder number, unique, replaced by the allocation's id once it has one. */
	randombytes_buf(nonce, sizeof(nonce));
	memcpy(pending, "p-", 2);
	sodium_bin2hex(pending + 2, sizeof(pending) - 2, nonce, sizeof(nonce));
	jr_date_format(al->start, start);
	jr_date_format(al->end, end);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(request_of(s, al->help_request_id, &child, municipality));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO allocations (help_request_id, number, provider_id, referral_id,"
			  " form, jz020, regime, result_description, intensity, product_code, volume,"
			  " unit, frequency, start_date, end_date, version, created_at,"
			  " gi_organisation_id, responsible_municipality) VALUES"
			  " ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16,"
			  " $17, $18) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, al->help_request_id));
	TRY(jr_db_bind_text(st, 2, pending));
	TRY(jr_db_bind_int(st, 3, al->provider_id));
	TRY(al->referral_id ? jr_db_bind_int(st, 4, al->referral_id) : jr_db_bind_null(st, 4));
	TRY(jr_db_bind_int(st, 5, al->form));
	TRY(jr_db_bind_text(st, 6, al->jz020));
	TRY(jr_db_bind_text(st, 7, jr_regime_name(al->regime)));
	TRY(jr_db_bind_text(st, 8, al->result_description[0] ? al->result_description : NULL));
	TRY(al->intensity ? jr_db_bind_int(st, 9, al->intensity) : jr_db_bind_null(st, 9));
	TRY(jr_db_bind_text(st, 10, al->product_code[0] ? al->product_code : NULL));
	TRY(al->volume ? jr_db_bind_int(st, 11, al->volume) : jr_db_bind_null(st, 11));
	TRY(jr_db_bind_text(st, 12, al->unit[0] ? al->unit : NULL));
	TRY(jr_db_bind_text(st, 13, al->frequency[0] ? al->frequency : NULL));
	TRY(jr_db_bind_text(st, 14, start));
	TRY(jr_db_bind_text(st, 15, al->has_end ? end : NULL));
	TRY(jr_db_bind_text(st, 16, now));
	TRY(al->gi_organisation_id ? jr_db_bind_int(st, 17, al->gi_organisation_id)
				   : jr_db_bind_null(st, 17));
	if (!al->responsible[0])
		memcpy(al->responsible, municipality, sizeof(al->responsible));
	TRY(jr_db_bind_text(st, 18, al->responsible));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	al->id = jr_db_col_int(st, 0);
	jr_db_finalize(st);
	st = NULL;
	/* ToewijzingNummer: an integer up to 999999999 (iJw LDT_Nummer), unique per municipality. */
	snprintf(al->number, sizeof(al->number), "%lld", (long long)al->id);
	TRY(jr_db_prepare(s->db, "UPDATE allocations SET number = $1 WHERE id = $2", &st));
	TRY(jr_db_bind_text(st, 1, al->number));
	TRY(jr_db_bind_int(st, 2, al->id));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "allocation.add", child));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* The child behind an allocation (for the audit entry); JR_ERR_NOT_FOUND when there is none. */
static enum jr_err child_of_allocation(struct jr_store *s, int64_t allocation_id, int64_t *child)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db,
			  "SELECT h.child_id FROM allocations a JOIN help_requests h"
			  " ON a.help_request_id = h.id WHERE a.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	*child = jr_db_col_int(st, 0);
out:
	jr_db_finalize(st);
	return err;
}

/* The running delivery of an allocation (0 when none runs). */
static enum jr_err running_delivery(struct jr_store *s, int64_t allocation_id, int64_t *id,
				    jr_day *started)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*id = 0;
	TRY(jr_db_prepare(s->db,
			  "SELECT id, started_on FROM deliveries WHERE allocation_id = $1"
			  " AND stopped_on IS NULL",
			  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_step(st, &row));
	if (row) {
		const char *on = jr_db_col_text(st, 1);
		*id = jr_db_col_int(st, 0);
		if (jr_date_parse(on, strlen(on), started))
			err = JR_ERR_STORE;
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_care_running(struct jr_store *s, int64_t allocation_id, int64_t *delivery_id,
				  jr_day *started)
{
	enum jr_err err;
	int64_t child;

	*delivery_id = 0;
	*started = 0;
	TRY(jr_store_begin(s));
	TRY(child_of_allocation(s, allocation_id, &child));
	TRY(running_delivery(s, allocation_id, delivery_id, started));
out:
	return jr_store_finish(s, err);
}

/* A start of care on `on`, inside the caller's transaction; *id is the new delivery's. */
static enum jr_err insert_delivery(struct jr_store *s, int64_t allocation_id, jr_day on,
				   int64_t *id)
{
	struct jr_db_stmt *st = NULL;
	char day[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row = false;

	jr_date_format(on, day);
	jr_store_stamp(s, now);
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO deliveries (allocation_id, started_on, created_at)"
			  " VALUES ($1, $2, $3) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_bind_text(st, 2, day));
	TRY(jr_db_bind_text(st, 3, now));
	TRY(jr_db_step(st, &row));
	*id = row ? jr_db_col_int(st, 0) : 0;
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_care_start(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
				jr_day on, int64_t *delivery_id)
{
	int64_t child;
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(child_of_allocation(s, allocation_id, &child));
	TRY(insert_delivery(s, allocation_id, on, delivery_id));
	TRY(jr_store_audit(s, a, "care.start", child));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_care_stop(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
			       jr_day on, const struct jr_care_outcome *o)
{
	struct jr_db_stmt *st = NULL;
	char day[JR_DATE_STRLEN];
	int64_t child, running;
	jr_day started;
	enum jr_err err;
	bool row;

	jr_date_format(on, day);
	TRY(jr_store_begin(s));
	TRY(child_of_allocation(s, allocation_id, &child));
	TRY(running_delivery(s, allocation_id, &running, &started));
	if (!running) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(jr_db_prepare(s->db,
			  "UPDATE deliveries SET stopped_on = $1, end_reason = $2, goals_reached = $3,"
			  " continues_without_help = $4, satisfaction = $5 WHERE id = $6",
			  &st));
	TRY(jr_db_bind_text(st, 1, day));
	TRY(jr_db_bind_text(st, 2, o->end_reason));
	TRY(jr_db_bind_text(st, 3, o->goals_reached));
	TRY(jr_db_bind_int(st, 4, o->continues_without_help));
	TRY(jr_db_bind_int(st, 5, o->satisfaction));
	TRY(jr_db_bind_int(st, 6, running));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "care.stop", child));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* The deliveries of an allocation as the iJw exchange keys them (by start), and their start,
 * stop and withdrawal one by one: jr_store_deliveries_of, jr_store_delivery_*. */
enum jr_err jr_store_deliveries_of(struct jr_store *s, int64_t allocation_id,
				   struct jr_delivery_rec *out, size_t *count)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*count = 0;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, started_on, stopped_on, COALESCE(end_reason, '')"
			  " FROM deliveries WHERE allocation_id = $1 ORDER BY started_on, id",
			  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	while (*count < JR_DELIVERIES_MAX) {
		struct jr_delivery_rec *d = &out[*count];
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(d, 0, sizeof(*d));
		d->id = jr_db_col_int(st, 0);
		TRY(jr_store_day_col(st, 1, &d->started, NULL));
		TRY(jr_store_day_col(st, 2, &d->stopped_on, &d->stopped));
		snprintf(d->end_reason, sizeof(d->end_reason), "%s", jr_db_col_text(st, 3));
		(*count)++;
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* One statement on a delivery of an allocation, audited as `action` on the child. */
static enum jr_err delivery_change(struct jr_store *s, const struct jr_actor *a,
				   int64_t allocation_id, const char *action, const char *sql,
				   int64_t delivery_id, const char *day, const char *reason)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	int64_t child = 0;
	bool row;

	TRY(jr_store_begin(s));
	TRY(child_of_allocation(s, allocation_id, &child));
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, delivery_id));
	TRY(jr_db_bind_int(st, 2, allocation_id));
	if (day)
		TRY(jr_db_bind_text(st, 3, day));
	if (reason)
		TRY(jr_db_bind_text(st, 4, reason));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, action, child));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_delivery_start(struct jr_store *s, const struct jr_actor *a,
				    int64_t allocation_id, jr_day on, int64_t *id)
{
	enum jr_err err;
	int64_t child = 0;

	TRY(jr_store_begin(s));
	TRY(child_of_allocation(s, allocation_id, &child));
	TRY(insert_delivery(s, allocation_id, on, id));
	TRY(jr_store_audit(s, a, "care.start", child));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_delivery_stop(struct jr_store *s, const struct jr_actor *a,
				   int64_t allocation_id, int64_t delivery_id, jr_day on,
				   const char *reason)
{
	char day[JR_DATE_STRLEN];

	jr_date_format(on, day);
	return delivery_change(s, a, allocation_id, "care.stop",
			       "UPDATE deliveries SET stopped_on = $3, end_reason = $4"
			       " WHERE id = $1 AND allocation_id = $2",
			       delivery_id, day, reason);
}

enum jr_err jr_store_delivery_unstop(struct jr_store *s, const struct jr_actor *a,
				     int64_t allocation_id, int64_t delivery_id)
{
	return delivery_change(s, a, allocation_id, "care.unstop",
			       "UPDATE deliveries SET stopped_on = NULL, end_reason = NULL"
			       " WHERE id = $1 AND allocation_id = $2",
			       delivery_id, NULL, NULL);
}

enum jr_err jr_store_delivery_remove(struct jr_store *s, const struct jr_actor *a,
				     int64_t allocation_id, int64_t delivery_id)
{
	return delivery_change(s, a, allocation_id, "care.unstart",
			       "DELETE FROM deliveries WHERE id = $1 AND allocation_id = $2",
			       delivery_id, NULL, NULL);
}

/* ---- principle 8: extensions and authorisations of measures ---- */

static enum jr_err day_col(struct jr_db_stmt *st, int col, bool *has, jr_day *day)
{
	const char *t = jr_db_col_text(st, col);

	*has = t && *t;
	*day = 0;
	return *has && jr_date_parse(t, strlen(t), day) ? JR_ERR_STORE : JR_OK;
}

/* The measure `id` inside the caller's transaction. */
static enum jr_err measure_get(struct jr_store *s, int64_t id, struct jr_measure_record *m)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row, has;
	int kind;

	TRY(jr_db_prepare(s->db,
			  "SELECT child_id, kind, court_date, COALESCE(gi_organisation_id, 0),"
			  " start_date, COALESCE(end_date, ''), COALESCE(reference, '')"
			  " FROM measures WHERE id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	kind = jr_measure_parse(jr_db_col_text(st, 1));
	if (kind <= 0) {
		err = JR_ERR_STORE;
		goto out;
	}
	memset(m, 0, sizeof(*m));
	m->id = id;
	m->child_id = jr_db_col_int(st, 0);
	m->kind = (enum jr_measure)kind;
	m->gi_organisation_id = jr_db_col_int(st, 3);
	TRY(day_col(st, 2, &has, &m->court_date));
	TRY(day_col(st, 4, &has, &m->start));
	TRY(day_col(st, 5, &m->has_end, &m->end));
	snprintf(m->reference, sizeof(m->reference), "%s", jr_db_col_text(st, 6));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_measure_get(struct jr_store *s, int64_t id, struct jr_measure_record *m)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(measure_get(s, id, m));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_measure_extend(struct jr_store *s, const struct jr_actor *a,
				    struct jr_measure_extension *e)
{
	struct jr_db_stmt *st = NULL;
	struct jr_measure_record m;
	char court[JR_DATE_STRLEN], prev[JR_DATE_STRLEN], next[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row = false;

	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(measure_get(s, e->measure_id, &m));
	if (!m.has_end) {
		err = JR_ERR_INPUT;
		goto out;
	}
	e->previous_end = m.end;
	jr_date_format(e->court_date, court);
	jr_date_format(e->previous_end, prev);
	jr_date_format(e->new_end, next);
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO measure_extensions (measure_id, court_date, previous_end,"
			  " new_end, created_at, reference) VALUES ($1, $2, $3, $4, $5, $6)"
			  " RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, e->measure_id));
	TRY(jr_db_bind_text(st, 2, court));
	TRY(jr_db_bind_text(st, 3, prev));
	TRY(jr_db_bind_text(st, 4, next));
	TRY(jr_db_bind_text(st, 5, now));
	TRY(jr_db_bind_text(st, 6, e->reference[0] ? e->reference : NULL));
	TRY(jr_db_step(st, &row));
	e->id = row ? jr_db_col_int(st, 0) : 0;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(s->db, "UPDATE measures SET end_date = $1 WHERE id = $2", &st));
	TRY(jr_db_bind_text(st, 1, next));
	TRY(jr_db_bind_int(st, 2, e->measure_id));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "measure.extend", m.child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_measure_read(struct jr_store *s, const struct jr_actor *a, int64_t id,
				  struct jr_measure_record *m, jr_measure_extension_fn fn,
				  void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_measure_extension e;
	enum jr_err err;
	bool row, has;

	TRY(jr_store_begin(s));
	TRY(measure_get(s, id, m));
	TRY(jr_store_audit(s, a, "measure.read", m->child_id));
	if (!fn)
		goto out;
	TRY(jr_db_prepare(s->db,
			  "SELECT id, court_date, previous_end, new_end, COALESCE(reference, '')"
			  " FROM measure_extensions WHERE measure_id = $1 ORDER BY id",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&e, 0, sizeof(e));
		e.id = jr_db_col_int(st, 0);
		e.measure_id = id;
		TRY(day_col(st, 1, &has, &e.court_date));
		TRY(day_col(st, 2, &has, &e.previous_end));
		TRY(day_col(st, 3, &has, &e.new_end));
		snprintf(e.reference, sizeof(e.reference), "%s", jr_db_col_text(st, 4));
		TRY(fn(ctx, &e));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_authorisation_add(struct jr_store *s, const struct jr_actor *a,
				       struct jr_measure_authorisation *au)
{
	struct jr_db_stmt *st = NULL;
	struct jr_measure_record m;
	char court[JR_DATE_STRLEN], start[JR_DATE_STRLEN], end[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row = false;

	if ((unsigned)au->kind >= JR_AUTH_COUNT)
		return JR_ERR_INPUT;
	jr_date_format(au->court_date, court);
	jr_date_format(au->start, start);
	jr_date_format(au->end, end);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(measure_get(s, au->measure_id, &m));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO measure_authorisations (measure_id, kind, court_date,"
			  " start_date, end_date, created_at) VALUES ($1, $2, $3, $4, $5, $6)"
			  " RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, au->measure_id));
	TRY(jr_db_bind_text(st, 2, jr_authorisation_name(au->kind)));
	TRY(jr_db_bind_text(st, 3, court));
	TRY(jr_db_bind_text(st, 4, start));
	TRY(jr_db_bind_text(st, 5, au->has_end ? end : NULL));
	TRY(jr_db_bind_text(st, 6, now));
	TRY(jr_db_step(st, &row));
	au->id = row ? jr_db_col_int(st, 0) : 0;
	TRY(jr_store_audit(s, a, "measure.authorise", m.child_id));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_measure_in_force(struct jr_store *s, int64_t child_id, jr_day day,
				      enum jr_measure *kind, unsigned *authorisations)
{
	int64_t id;
	enum jr_err err;

	*authorisations = 0;
	TRY(jr_store_begin(s));
	TRY(measure_of(s, child_id, day, kind, &id));
	if (id)
		TRY(authorisations_of(s, id, day, authorisations));
out:
	return jr_store_finish(s, err);
}
