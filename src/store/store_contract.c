/* store_contract: tariffs, budget ceilings and capacity over the database interface (see
 * contract.h). SQL written once with $N placeholders; dates are "YYYY-MM-DD" text. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/policy.h"
#include "store/store_internal.h"

enum jr_err jr_store_tariff_add(struct jr_store *s, const struct jr_actor *a,
				struct jr_tariff *t)
{
	struct jr_db_stmt *st = NULL;
	char from[JR_DATE_STRLEN], to[JR_DATE_STRLEN], now[21], object[40];
	enum jr_err err;
	bool row = false;

	if (t->amount_cents < 0 || (t->has_to && t->valid_to < t->valid_from) ||
	    (!t->product_code[0]) == (t->level == 0) || !t->unit[0])
		return JR_ERR_INPUT;
	jr_date_format(t->valid_from, from);
	if (t->has_to)
		jr_date_format(t->valid_to, to);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM contracts WHERE id = $1", t->contract_id));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO contract_tariffs (contract_id, product_code, level,"
			  " amount_cents, unit, valid_from, valid_to, created_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, t->contract_id));
	TRY(jr_db_bind_text(st, 2, t->product_code));
	TRY(jr_db_bind_int(st, 3, t->level));
	TRY(jr_db_bind_int(st, 4, t->amount_cents));
	TRY(jr_db_bind_text(st, 5, t->unit));
	TRY(jr_db_bind_text(st, 6, from));
	TRY(jr_db_bind_text(st, 7, t->has_to ? to : NULL));
	TRY(jr_db_bind_text(st, 8, now));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	t->id = jr_db_col_int(st, 0);
	snprintf(object, sizeof(object), "contract:%lld", (long long)t->contract_id);
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit_object(s, a, "contract.tariff", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_tariff_each(struct jr_store *s, int64_t contract_id, jr_tariff_fn fn,
				 void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_tariff t;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM contracts WHERE id = $1", contract_id));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, product_code, level, amount_cents, unit, valid_from,"
			  " COALESCE(valid_to, '') FROM contract_tariffs WHERE contract_id = $1"
			  " ORDER BY product_code, level, valid_from, id",
			  &st));
	TRY(jr_db_bind_int(st, 1, contract_id));
	for (;;) {
		const char *from, *to;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(&t, 0, sizeof(t));
		t.id = jr_db_col_int(st, 0);
		t.contract_id = contract_id;
		snprintf(t.product_code, sizeof(t.product_code), "%s", jr_db_col_text(st, 1));
		t.level = (int)jr_db_col_int(st, 2);
		t.amount_cents = jr_db_col_int(st, 3);
		snprintf(t.unit, sizeof(t.unit), "%s", jr_db_col_text(st, 4));
		from = jr_db_col_text(st, 5);
		to = jr_db_col_text(st, 6);
		if (jr_date_parse(from, strlen(from), &t.valid_from)) {
			err = JR_ERR_STORE;
			goto out;
		}
		t.has_to = to[0] && !jr_date_parse(to, strlen(to), &t.valid_to);
		TRY(fn(ctx, &t));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* The ceiling and the claims of b->provider_id in b->year, inside the caller's transaction. */
static enum jr_err fetch_budget(struct jr_store *s, struct jr_budget *b)
{
	struct jr_db_stmt *st = NULL;
	char first[16], last[16];
	enum jr_err err;
	bool row = false;

	b->has_ceiling = false;
	b->ceiling_cents = 0;
	b->version = 0;
	b->claimed_cents = 0;
	TRY(jr_db_prepare(s->db,
			  "SELECT amount_cents, version FROM budget_ceilings"
			  " WHERE provider_id = $1 AND year = $2",
			  &st));
	TRY(jr_db_bind_int(st, 1, b->provider_id));
	TRY(jr_db_bind_int(st, 2, b->year));
	TRY(jr_db_step(st, &row));
	if (row) {
		b->has_ceiling = true;
		b->ceiling_cents = jr_db_col_int(st, 0);
		b->version = (int)jr_db_col_int(st, 1);
	}
	jr_db_finalize(st);
	st = NULL;
	/* the accepted lines of the provider's claims (JW323) whose period starts in the year */
	snprintf(first, sizeof(first), "%04d-01-01", b->year);
	snprintf(last, sizeof(last), "%04d-12-31", b->year);
	TRY(jr_db_prepare(s->db,
			  "SELECT COALESCE(SUM(CASE WHEN debit = 1 THEN amount_cents"
			  " ELSE -amount_cents END), 0) FROM claim_lines"
			  " WHERE provider_id = $1 AND status = 'accepted'"
			  " AND period_start >= $2 AND period_start <= $3",
			  &st));
	TRY(jr_db_bind_int(st, 1, b->provider_id));
	TRY(jr_db_bind_text(st, 2, first));
	TRY(jr_db_bind_text(st, 3, last));
	TRY(jr_db_step(st, &row));
	b->claimed_cents = row ? jr_db_col_int(st, 0) : 0;
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_budget_get(struct jr_store *s, int64_t provider_id, int year,
				struct jr_budget *out)
{
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	out->provider_id = provider_id;
	out->year = year;
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM providers WHERE id = $1", provider_id));
	TRY(fetch_budget(s, out));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_budget_set(struct jr_store *s, const struct jr_actor *a,
				struct jr_budget *b)
{
	struct jr_db_stmt *st = NULL;
	struct jr_budget before = {.provider_id = b->provider_id, .year = b->year};
	char now[21], old[96], object[40];
	int64_t ceiling = b->ceiling_cents;
	enum jr_err err;
	bool row;

	if (ceiling < 1 || b->year < 2000 || b->year > 2100)
		return JR_ERR_INPUT;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM providers WHERE id = $1", b->provider_id));
	TRY(fetch_budget(s, &before));
	if (before.version != b->version) {
		err = JR_ERR_CONFLICT; /* changed (or made) since it was read */
		goto out;
	}
	if (before.has_ceiling) {
		int64_t id = 0;
		TRY(jr_db_prepare(s->db,
				  "SELECT id FROM budget_ceilings WHERE provider_id = $1 AND year = $2",
				  &st));
		TRY(jr_db_bind_int(st, 1, b->provider_id));
		TRY(jr_db_bind_int(st, 2, b->year));
		TRY(jr_db_step(st, &row));
		id = row ? jr_db_col_int(st, 0) : 0;
		jr_db_finalize(st);
		st = NULL;
		snprintf(old, sizeof(old), "{\"year\":%d,\"amount_cents\":%lld,\"version\":%d}",
			 before.year, (long long)before.ceiling_cents, before.version);
		TRY(jr_store_history(s, a, "budget_ceilings", id, before.version, old));
		TRY(jr_db_prepare(s->db,
				  "UPDATE budget_ceilings SET amount_cents = $1, version = version + 1,"
				  " updated_at = $2 WHERE id = $3 AND version = $4",
				  &st));
		TRY(jr_db_bind_int(st, 1, ceiling));
		TRY(jr_db_bind_text(st, 2, now));
		TRY(jr_db_bind_int(st, 3, id));
		TRY(jr_db_bind_int(st, 4, before.version));
	} else {
		TRY(jr_db_prepare(s->db,
				  "INSERT INTO budget_ceilings (provider_id, year, amount_cents, version,"
				  " created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $4)",
				  &st));
		TRY(jr_db_bind_int(st, 1, b->provider_id));
		TRY(jr_db_bind_int(st, 2, b->year));
		TRY(jr_db_bind_int(st, 3, ceiling));
		TRY(jr_db_bind_text(st, 4, now));
	}
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	snprintf(object, sizeof(object), "provider:%lld", (long long)b->provider_id);
	TRY(jr_store_audit_object(s, a, "provider.budget", 0, object));
	TRY(fetch_budget(s, b));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_capacity_each(struct jr_store *s, int64_t provider_id, jr_day today,
				   jr_capacity_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	int places[JR_FORM_COUNT + 1] = {0}, occupied[JR_FORM_COUNT + 1] = {0};
	char day[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	jr_date_format(today, day);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM providers WHERE id = $1", provider_id));
	TRY(jr_db_prepare(s->db,
			  "SELECT form, places FROM provider_capacities WHERE provider_id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	for (;;) {
		int64_t f;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		f = jr_db_col_int(st, 0);
		if (f >= 1 && f <= JR_FORM_COUNT)
			places[f] = (int)jr_db_col_int(st, 1);
	}
	jr_db_finalize(st);
	st = NULL;
	/* running: in its period today, and its care not stopped (a stop with no start after it) */
	TRY(jr_db_prepare(s->db,
			  "SELECT a.form, COUNT(*) FROM allocations a WHERE a.provider_id = $1"
			  " AND a.start_date <= $2 AND (a.end_date IS NULL OR a.end_date >= $2)"
			  " AND NOT (EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id"
			  "  AND d.stopped_on IS NOT NULL AND d.stopped_on <= $2)"
			  "  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id"
			  "  AND d.stopped_on IS NULL))"
			  " GROUP BY a.form",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_text(st, 2, day));
	for (;;) {
		int64_t f;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		f = jr_db_col_int(st, 0);
		if (f >= 1 && f <= JR_FORM_COUNT)
			occupied[f] = (int)jr_db_col_int(st, 1);
	}
	jr_db_finalize(st);
	st = NULL;
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		struct jr_capacity c = {f, places[f], occupied[f]};
		if (places[f] || occupied[f])
			TRY(fn(ctx, &c));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_capacity_set(struct jr_store *s, const struct jr_actor *a,
				  int64_t provider_id, int form, int places)
{
	struct jr_db_stmt *st = NULL;
	char now[21], object[40];
	enum jr_err err;
	bool row;

	if (form < 1 || form > JR_FORM_COUNT || places < 0)
		return JR_ERR_INPUT;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM providers WHERE id = $1", provider_id));
	if (places == 0) {
		TRY(jr_db_prepare(s->db,
				  "DELETE FROM provider_capacities WHERE provider_id = $1 AND form = $2",
				  &st));
		TRY(jr_db_bind_int(st, 1, provider_id));
		TRY(jr_db_bind_int(st, 2, form));
	} else {
		TRY(jr_db_prepare(s->db,
				  "INSERT INTO provider_capacities (provider_id, form, places, updated_at)"
				  " VALUES ($1, $2, $3, $4) ON CONFLICT (provider_id, form)"
				  " DO UPDATE SET places = $3, updated_at = $4",
				  &st));
		TRY(jr_db_bind_int(st, 1, provider_id));
		TRY(jr_db_bind_int(st, 2, form));
		TRY(jr_db_bind_int(st, 3, places));
		TRY(jr_db_bind_text(st, 4, now));
	}
	TRY(jr_db_step(st, &row));
	snprintf(object, sizeof(object), "provider:%lld", (long long)provider_id);
	TRY(jr_store_audit_object(s, a, "provider.capacity", 0, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
