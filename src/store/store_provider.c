/* store_provider: providers (zorgaanbieders) and their contracts over the database interface (see
 * store.h). SQL is written once, with $N placeholders, for both engines. A contract's forms are
 * kept as text such as ",1,2,3," so that "does it hold form 3" is LIKE '%,3,%' on either engine;
 * dates are "YYYY-MM-DD" text, which compares in date order. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/store_internal.h"

#define PROVIDER_COLUMNS "id, agb, kvk, name, status, quality, demo, version"

/* A provider row (PROVIDER_COLUMNS) into *p; JR_ERR_STORE when its status is unknown. */
static enum jr_err read_provider(struct jr_db_stmt *st, struct jr_provider *p)
{
	int status = jr_provider_status_parse(jr_db_col_text(st, 4));

	memset(p, 0, sizeof(*p));
	if (status < 0)
		return JR_ERR_STORE;
	p->id = jr_db_col_int(st, 0);
	snprintf(p->agb, sizeof(p->agb), "%s", jr_db_col_text(st, 1));
	snprintf(p->kvk, sizeof(p->kvk), "%s", jr_db_col_text(st, 2));
	snprintf(p->name, sizeof(p->name), "%s", jr_db_col_text(st, 3));
	p->status = (enum jr_provider_status)status;
	snprintf(p->quality, sizeof(p->quality), "%s", jr_db_col_text(st, 5));
	p->demo = jr_db_col_int(st, 6) != 0;
	p->version = (int)jr_db_col_int(st, 7);
	return JR_OK;
}

/* Looks a provider up by id inside the caller's transaction. */
static enum jr_err fetch_provider(struct jr_store *s, int64_t id, struct jr_provider *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_db_prepare(s->db, "SELECT " PROVIDER_COLUMNS " FROM providers WHERE id = $1", &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	err = read_provider(st, out);
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_provider_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_provider *p)
{
	struct jr_db_stmt *st = NULL;
	const char *status = jr_provider_status_name(p->status);
	char now[21];
	enum jr_err err;
	bool row = false;

	if (!status)
		return JR_ERR_INPUT;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO providers (agb, kvk, name, status, quality, demo, version,"
			  " created_at, updated_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id",
			  &st));
	TRY(jr_db_bind_text(st, 1, p->agb));
	TRY(jr_db_bind_text(st, 2, p->kvk[0] ? p->kvk : NULL));
	TRY(jr_db_bind_text(st, 3, p->name));
	TRY(jr_db_bind_text(st, 4, status));
	TRY(jr_db_bind_text(st, 5, p->quality));
	TRY(jr_db_bind_int(st, 6, p->demo));
	TRY(jr_db_bind_text(st, 7, now));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	p->id = jr_db_col_int(st, 0);
	p->version = 1;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "provider.add", 0));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_provider_get(struct jr_store *s, int64_t id, struct jr_provider *out)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(fetch_provider(s, id, out));
out:
	return jr_store_finish(s, err);
}

/* The record as it was, for record_history. A provider holds no personal data; still only what
 * its status change needs to be understood is kept. */
static enum jr_err provider_json(const struct jr_provider *p, struct jr_buf *b)
{
	enum jr_err err;

	TRY(jr_buf_printf(b, "{\"agb\":\"%s\",\"kvk\":\"%s\",\"name\":", p->agb, p->kvk));
	TRY(jr_buf_json_string(b, p->name));
	TRY(jr_buf_printf(b, ",\"status\":\"%s\",\"quality\":", jr_provider_status_name(p->status)));
	TRY(jr_buf_json_string(b, p->quality));
	TRY(jr_buf_printf(b, ",\"version\":%d}", p->version));
out:
	return err;
}

enum jr_err jr_store_provider_set_status(struct jr_store *s, const struct jr_actor *a,
					 struct jr_provider *p, enum jr_provider_status status)
{
	struct jr_db_stmt *st = NULL;
	struct jr_provider before;
	struct jr_buf old;
	const char *name = jr_provider_status_name(status);
	char now[21];
	enum jr_err err;
	bool row;

	if (!name)
		return JR_ERR_INPUT;
	jr_buf_init(&old, 4096);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(fetch_provider(s, p->id, &before));
	if (before.version != p->version) {
		err = JR_ERR_CONFLICT; /* someone changed it since this writer read it */
		goto out;
	}
	TRY(provider_json(&before, &old));
	TRY(jr_store_history(s, a, "providers", before.id, before.version, jr_buf_str(&old)));
	TRY(jr_db_prepare(s->db,
			  "UPDATE providers SET status = $1, version = version + 1, updated_at = $2"
			  " WHERE id = $3 AND version = $4",
			  &st));
	TRY(jr_db_bind_text(st, 1, name));
	TRY(jr_db_bind_text(st, 2, now));
	TRY(jr_db_bind_int(st, 3, before.id));
	TRY(jr_db_bind_int(st, 4, before.version));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "provider.status", 0));
	*p = before;
	p->status = status;
	p->version = before.version + 1;
out:
	jr_db_finalize(st);
	jr_buf_release(&old);
	return jr_store_finish(s, err);
}

/* The forms of a contract as ",1,2,3,"; JR_ERR_INPUT when there is none or one outside 1..10. */
static enum jr_err forms_text(unsigned forms, char out[32])
{
	size_t n = 0;

	if (forms == 0 || (forms & ~(((1u << JR_FORM_COUNT) - 1) << 1)) != 0)
		return JR_ERR_INPUT;
	out[n++] = ',';
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (forms & (1u << f))
			n += (size_t)snprintf(out + n, 32 - n, "%d,", f);
	return JR_OK;
}

enum jr_err jr_store_contract_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_contract *c)
{
	struct jr_db_stmt *st = NULL;
	char forms[32], start[JR_DATE_STRLEN], end[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row = false;

	if (forms_text(c->forms, forms) || !c->region[0] || (c->has_end && c->end < c->start) ||
	    c->tariff_cents < 0 || c->capacity < 0)
		return JR_ERR_INPUT;
	jr_date_format(c->start, start);
	if (c->has_end)
		jr_date_format(c->end, end);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM providers WHERE id = $1", c->provider_id));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO contracts (provider_id, region, municipality, forms,"
			  " product_codes, tariff_cents, unit, start_date, end_date, capacity,"
			  " created_at)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
			  &st));
	TRY(jr_db_bind_int(st, 1, c->provider_id));
	TRY(jr_db_bind_text(st, 2, c->region));
	TRY(jr_db_bind_text(st, 3, c->municipality[0] ? c->municipality : NULL));
	TRY(jr_db_bind_text(st, 4, forms));
	TRY(jr_db_bind_text(st, 5, c->product_codes));
	TRY(c->tariff_cents ? jr_db_bind_int(st, 6, c->tariff_cents) : jr_db_bind_null(st, 6));
	TRY(jr_db_bind_text(st, 7, c->unit[0] ? c->unit : NULL));
	TRY(jr_db_bind_text(st, 8, start));
	TRY(jr_db_bind_text(st, 9, c->has_end ? end : NULL));
	TRY(c->capacity ? jr_db_bind_int(st, 10, c->capacity) : jr_db_bind_null(st, 10));
	TRY(jr_db_bind_text(st, 11, now));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	c->id = jr_db_col_int(st, 0);
	c->version = 1;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_audit(s, a, "contract.add", 0));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* Whether `code` is one of the comma-separated `list`. */
static bool code_listed(const char *list, const char *code)
{
	size_t n = strlen(code);

	for (const char *p = list; *p;) {
		size_t k = strcspn(p, ",");
		if (k == n && strncmp(p, code, n) == 0)
			return true;
		p += k + (p[k] == ',');
	}
	return false;
}

enum jr_err jr_store_contract_covers_in(struct jr_store *s, int64_t provider_id, int form,
					const char *region, const char *municipality, jr_day date,
					const char *product_code, bool *covers, bool *listed)
{
	struct jr_db_stmt *st = NULL;
	char pattern[8], day[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	*covers = false;
	if (listed)
		*listed = !product_code || !product_code[0];
	if (form < 1 || form > JR_FORM_COUNT)
		return JR_ERR_INPUT;
	snprintf(pattern, sizeof(pattern), "%%,%d,%%", form);
	jr_date_format(date, day);
	TRY(jr_db_prepare(s->db,
			  "SELECT product_codes FROM contracts WHERE provider_id = $1 AND forms LIKE $2"
			  " AND start_date <= $3 AND (end_date IS NULL OR end_date >= $3)"
			  " AND (municipality = $4 OR (municipality IS NULL AND region = $5))",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	TRY(jr_db_bind_text(st, 2, pattern));
	TRY(jr_db_bind_text(st, 3, day));
	TRY(jr_db_bind_text(st, 4, municipality));
	TRY(jr_db_bind_text(st, 5, region));
	for (;;) {
		const char *codes;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		*covers = true;
		codes = jr_db_col_text(st, 0);
		/* a contract that lists no product codes leaves the code to the allocation */
		if (listed && (!codes[0] || code_listed(codes, product_code)))
			*listed = true;
		if (!listed || *listed)
			break;
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_contract_covers(struct jr_store *s, int64_t provider_id, int form,
				     const char *region, const char *municipality, jr_day date,
				     bool *covers)
{
	enum jr_err err;

	*covers = false;
	if (form < 1 || form > JR_FORM_COUNT)
		return JR_ERR_INPUT;
	TRY(jr_store_begin(s));
	TRY(jr_store_contract_covers_in(s, provider_id, form, region, municipality, date, NULL,
					covers, NULL));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_provider_each(struct jr_store *s, jr_provider_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_provider p;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT " PROVIDER_COLUMNS " FROM providers ORDER BY name, id", &st));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		TRY(read_provider(st, &p));
		TRY(fn(ctx, &p));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* A row's contract columns (CONTRACT_COLUMNS) from column `at` on into *c (provider_id left). */
#define CONTRACT_COLUMNS                                                                           \
	"c.id, c.region, COALESCE(c.municipality, ''), c.forms, c.product_codes,"                  \
	" COALESCE(c.tariff_cents, 0), COALESCE(c.unit, ''), c.start_date,"                        \
	" COALESCE(c.end_date, ''), COALESCE(c.capacity, 0), c.version, c.provider_id"
static enum jr_err read_contract(struct jr_db_stmt *st, int at, struct jr_contract *c)
{
	const char *forms, *start, *end;

	memset(c, 0, sizeof(*c));
	c->id = jr_db_col_int(st, at);
	snprintf(c->region, sizeof(c->region), "%s", jr_db_col_text(st, at + 1));
	snprintf(c->municipality, sizeof(c->municipality), "%s", jr_db_col_text(st, at + 2));
	/* forms are stored as ",1,2,3," */
	for (forms = jr_db_col_text(st, at + 3); *forms; forms++)
		if (forms[0] == ',' && forms[1] >= '1' && forms[1] <= '9') {
			int f = forms[1] - '0';
			if (forms[2] == '0')
				f = 10;
			c->forms |= 1u << f;
		}
	snprintf(c->product_codes, sizeof(c->product_codes), "%s", jr_db_col_text(st, at + 4));
	c->tariff_cents = jr_db_col_int(st, at + 5);
	snprintf(c->unit, sizeof(c->unit), "%s", jr_db_col_text(st, at + 6));
	start = jr_db_col_text(st, at + 7);
	end = jr_db_col_text(st, at + 8);
	if (jr_date_parse(start, strlen(start), &c->start))
		return JR_ERR_STORE;
	c->has_end = end[0] && !jr_date_parse(end, strlen(end), &c->end);
	c->capacity = (int)jr_db_col_int(st, at + 9);
	c->version = (int)jr_db_col_int(st, at + 10);
	c->provider_id = jr_db_col_int(st, at + 11);
	return JR_OK;
}

enum jr_err jr_store_contract_each(struct jr_store *s, int64_t provider_id, jr_contract_fn fn,
				   void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_contract c;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM providers WHERE id = $1", provider_id));
	TRY(jr_db_prepare(s->db,
			  "SELECT " CONTRACT_COLUMNS " FROM contracts c WHERE c.provider_id = $1"
			  " ORDER BY c.start_date, c.id",
			  &st));
	TRY(jr_db_bind_int(st, 1, provider_id));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		TRY(read_contract(st, 0, &c));
		c.provider_id = provider_id;
		TRY(fn(ctx, &c));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_contracted_each(struct jr_store *s, const char *region,
				     const char *municipality, jr_day date,
				     jr_contracted_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_provider p;
	struct jr_contract c;
	char day[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	jr_date_format(date, day);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT p.id, p.agb, p.kvk, p.name, p.status, p.quality, p.demo, p.version, "
			  CONTRACT_COLUMNS ", (SELECT COUNT(*) FROM organisations o"
			  " WHERE o.kind = 'gi' AND o.agb = p.agb)"
			  " FROM contracts c JOIN providers p ON p.id = c.provider_id"
			  " WHERE c.start_date <= $1 AND (c.end_date IS NULL OR c.end_date >= $1)"
			  " AND (c.municipality = $2 OR (c.municipality IS NULL AND c.region = $3))"
			  " ORDER BY p.name, p.id, COALESCE(c.municipality, '') DESC, c.start_date, c.id",
			  &st));
	TRY(jr_db_bind_text(st, 1, day));
	TRY(jr_db_bind_text(st, 2, municipality));
	TRY(jr_db_bind_text(st, 3, region));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		TRY(read_provider(st, &p));
		TRY(read_contract(st, 8, &c));
		c.provider_id = p.id;
		TRY(fn(ctx, &p, &c, jr_db_col_int(st, 20) > 0));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

/* Contract `id` inside the caller's transaction. */
static enum jr_err fetch_contract(struct jr_store *s, int64_t id, struct jr_contract *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_db_prepare(s->db, "SELECT " CONTRACT_COLUMNS " FROM contracts c WHERE c.id = $1",
			  &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	err = read_contract(st, 0, out);
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_contract_get(struct jr_store *s, int64_t id, struct jr_contract *out)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(fetch_contract(s, id, out));
out:
	return jr_store_finish(s, err);
}

/* The contract as it was, for record_history: no personal data, only its terms. */
static enum jr_err contract_json(const struct jr_contract *c, struct jr_buf *b)
{
	char forms[32], start[JR_DATE_STRLEN], end[JR_DATE_STRLEN] = "";
	enum jr_err err;

	TRY(forms_text(c->forms, forms));
	jr_date_format(c->start, start);
	if (c->has_end)
		jr_date_format(c->end, end);
	TRY(jr_buf_printf(b, "{\"region\":\"%s\",\"municipality\":\"%s\",\"forms\":\"%s\","
			     "\"product_codes\":",
			  c->region, c->municipality, forms));
	TRY(jr_buf_json_string(b, c->product_codes));
	TRY(jr_buf_printf(b, ",\"tariff_cents\":%lld,\"unit\":", (long long)c->tariff_cents));
	TRY(jr_buf_json_string(b, c->unit));
	TRY(jr_buf_printf(b, ",\"start\":\"%s\",\"end\":\"%s\",\"capacity\":%d,\"version\":%d}",
			  start, end, c->capacity, c->version));
out:
	return err;
}

enum jr_err jr_store_contract_update(struct jr_store *s, const struct jr_actor *a,
				     struct jr_contract *c, const char *action)
{
	struct jr_db_stmt *st = NULL;
	struct jr_contract before;
	struct jr_buf old;
	char forms[32], start[JR_DATE_STRLEN], end[JR_DATE_STRLEN], now[21], object[40];
	enum jr_err err;
	bool row;

	if (forms_text(c->forms, forms) || (c->has_end && c->end < c->start) ||
	    c->tariff_cents < 0 || c->capacity < 0)
		return JR_ERR_INPUT;
	jr_buf_init(&old, 4096);
	jr_date_format(c->start, start);
	if (c->has_end)
		jr_date_format(c->end, end);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(fetch_contract(s, c->id, &before));
	if (before.version != c->version) {
		err = JR_ERR_CONFLICT; /* someone changed it since this writer read it */
		goto out;
	}
	TRY(contract_json(&before, &old));
	TRY(jr_store_history(s, a, "contracts", before.id, before.version, jr_buf_str(&old)));
	TRY(jr_db_prepare(s->db,
			  "UPDATE contracts SET forms = $1, product_codes = $2, tariff_cents = $3,"
			  " unit = $4, start_date = $5, end_date = $6, capacity = $7,"
			  " version = version + 1, updated_at = $8 WHERE id = $9 AND version = $10",
			  &st));
	TRY(jr_db_bind_text(st, 1, forms));
	TRY(jr_db_bind_text(st, 2, c->product_codes));
	TRY(c->tariff_cents ? jr_db_bind_int(st, 3, c->tariff_cents) : jr_db_bind_null(st, 3));
	TRY(jr_db_bind_text(st, 4, c->unit[0] ? c->unit : NULL));
	TRY(jr_db_bind_text(st, 5, start));
	TRY(jr_db_bind_text(st, 6, c->has_end ? end : NULL));
	TRY(c->capacity ? jr_db_bind_int(st, 7, c->capacity) : jr_db_bind_null(st, 7));
	TRY(jr_db_bind_text(st, 8, now));
	TRY(jr_db_bind_int(st, 9, before.id));
	TRY(jr_db_bind_int(st, 10, before.version));
	TRY(jr_db_step(st, &row));
	snprintf(object, sizeof(object), "contract:%lld", (long long)before.id);
	TRY(jr_store_audit_object(s, a, action, 0, object));
	c->provider_id = before.provider_id;
	memcpy(c->region, before.region, sizeof(c->region));
	memcpy(c->municipality, before.municipality, sizeof(c->municipality));
	c->version = before.version + 1;
out:
	jr_db_finalize(st);
	jr_buf_release(&old);
	return jr_store_finish(s, err);
}
