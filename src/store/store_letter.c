/* store_letter: the decision letters of allocations, append-only (see letter.h). There is no
 * UPDATE and no DELETE of decision_letters here; the table's triggers refuse them. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

void jr_store_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static enum jr_err parse_day(const char *s, jr_day *out)
{
	if (!s[0]) {
		*out = 0;
		return JR_OK;
	}
	return jr_date_parse(s, strlen(s) < 10 ? strlen(s) : 10, out) ? JR_ERR_STORE : JR_OK;
}

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

enum jr_err jr_store_letter_source(struct jr_store *s, int64_t id, struct jr_letter_source *o)
{
	struct jr_db_stmt *st = NULL;
	int64_t household = 0;
	enum jr_err err;
	bool row;

	memset(o, 0, sizeof(*o));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(
	    s->db,
	    "SELECT a.help_request_id, a.number, a.provider_id, COALESCE(a.referral_id, 0), a.form,"
	    " a.jz020, a.regime, COALESCE(a.result_description, ''), COALESCE(a.intensity, 0),"
	    " COALESCE(a.product_code, ''), COALESCE(a.volume, 0), COALESCE(a.unit, ''),"
	    " COALESCE(a.frequency, ''), a.start_date, COALESCE(a.end_date, ''),"
	    " COALESCE(a.gi_organisation_id, 0), COALESCE(a.responsible_municipality, ''),"
	    " COALESCE(a.change_reason, ''), CASE WHEN a.changed_at IS NULL THEN 0 ELSE 1 END,"
	    " p.name, p.agb,"
	    " h.municipality, h.child_id, COALESCE(h.household_id, 0), h.raised_on,"
	    " c.given_names, c.family_name, c.birth_date, COALESCE(c.street, ''),"
	    " COALESCE(c.house_number, 0), COALESCE(c.house_letter, ''),"
	    " COALESCE(c.house_addition, ''), COALESCE(c.postcode, ''), COALESCE(c.place, '')"
	    " FROM allocations a JOIN providers p ON p.id = a.provider_id"
	    " JOIN help_requests h ON h.id = a.help_request_id JOIN persons c ON c.id = h.child_id"
	    " WHERE a.id = $1",
	    &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	o->al.id = id;
	o->al.help_request_id = jr_db_col_int(st, 0);
	COPY(o->al.number, jr_db_col_text(st, 1));
	o->al.provider_id = jr_db_col_int(st, 2);
	o->al.referral_id = jr_db_col_int(st, 3);
	o->al.form = (int)jr_db_col_int(st, 4);
	COPY(o->al.jz020, jr_db_col_text(st, 5));
	{
		int regime = jr_regime_parse(jr_db_col_text(st, 6));
		o->al.regime = regime < 0 ? JR_REGIME_RESULT : (enum jr_regime)regime;
	}
	COPY(o->al.result_description, jr_db_col_text(st, 7));
	o->al.intensity = (int)jr_db_col_int(st, 8);
	COPY(o->al.product_code, jr_db_col_text(st, 9));
	o->al.volume = (int)jr_db_col_int(st, 10);
	COPY(o->al.unit, jr_db_col_text(st, 11));
	COPY(o->al.frequency, jr_db_col_text(st, 12));
	TRY(parse_day(jr_db_col_text(st, 13), &o->al.start));
	TRY(parse_day(jr_db_col_text(st, 14), &o->al.end));
	o->al.has_end = jr_db_col_text(st, 14)[0] != '\0';
	o->al.gi_organisation_id = jr_db_col_int(st, 15);
	COPY(o->al.responsible, jr_db_col_text(st, 16));
	COPY(o->change_reason, jr_db_col_text(st, 17));
	o->changed = jr_db_col_int(st, 18) != 0;
	snprintf(o->provider, sizeof(o->provider), "%s", jr_db_col_text(st, 19));
	COPY(o->municipality, jr_db_col_text(st, 21));
	o->child_id = jr_db_col_int(st, 22);
	household = jr_db_col_int(st, 23);
	TRY(parse_day(jr_db_col_text(st, 24), &o->raised_on));
	COPY(o->child_given, jr_db_col_text(st, 25));
	COPY(o->child_family, jr_db_col_text(st, 26));
	TRY(parse_day(jr_db_col_text(st, 27), &o->child_birth));
	COPY(o->address.street, jr_db_col_text(st, 28));
	o->address.house_number = (int)jr_db_col_int(st, 29);
	COPY(o->address.house_letter, jr_db_col_text(st, 30));
	COPY(o->address.house_addition, jr_db_col_text(st, 31));
	COPY(o->address.postcode, jr_db_col_text(st, 32));
	COPY(o->address.place, jr_db_col_text(st, 33));
	jr_db_finalize(st);
	st = NULL;

	/* the parents and carers: of the help request's household, else of the child's */
	TRY(jr_db_prepare(
	    s->db,
	    "SELECT p.given_names, p.family_name, m.role FROM household_members m"
	    " JOIN persons p ON p.id = m.person_id"
	    " WHERE m.role IN ('parent', 'carer') AND m.household_id IN (CASE WHEN $2 > 0"
	    "  THEN (SELECT $2) ELSE (SELECT x.household_id FROM household_members x"
	    "  WHERE x.person_id = $1 ORDER BY x.household_id LIMIT 1) END)"
	    " ORDER BY m.role DESC, p.id LIMIT 4",
	    &st));
	TRY(jr_db_bind_int(st, 1, o->child_id));
	TRY(jr_db_bind_int(st, 2, household));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row || o->parent_count >= JR_LETTER_PARENT_ROWS)
			break;
		COPY(o->parents[o->parent_count].given, jr_db_col_text(st, 0));
		COPY(o->parents[o->parent_count].family, jr_db_col_text(st, 1));
		COPY(o->parents[o->parent_count].role, jr_db_col_text(st, 2));
		o->parent_count++;
	}
	jr_db_finalize(st);
	st = NULL;

	if (o->al.referral_id) {
		TRY(jr_db_prepare(s->db,
		                  "SELECT referrer_type, referrer_name, referred_on FROM referrals"
		                  " WHERE id = $1",
		                  &st));
		TRY(jr_db_bind_int(st, 1, o->al.referral_id));
		TRY(jr_db_step(st, &row));
		if (row) {
			o->referrer_type = (int)strtol(jr_db_col_text(st, 0), NULL, 10);
			COPY(o->referrer_name, jr_db_col_text(st, 1));
			TRY(parse_day(jr_db_col_text(st, 2), &o->referred_on));
		}
		jr_db_finalize(st);
		st = NULL;
	}
	TRY(jr_db_prepare(
	    s->db,
	    "SELECT (SELECT MAX(made_on) FROM broad_analyses WHERE help_request_id = $1),"
	    " (SELECT MAX(given_at) FROM route_advice WHERE help_request_id = $1)",
	    &st));
	TRY(jr_db_bind_int(st, 1, o->al.help_request_id));
	TRY(jr_db_step(st, &row));
	if (row) {
		TRY(parse_day(jr_db_col_text(st, 0), &o->analysis_on));
		TRY(parse_day(jr_db_col_text(st, 1), &o->advice_on));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_letter_next(struct jr_store *s, int64_t allocation_id, int *sequence)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*sequence = 1;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
	                  "SELECT COALESCE(MAX(sequence), 0) FROM decision_letters"
	                  " WHERE allocation_id = $1",
	                  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_step(st, &row));
	if (row)
		*sequence = (int)jr_db_col_int(st, 0) + 1;
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

static void audit_object(char *out, size_t size, int64_t allocation_id, int sequence,
                         const char *sha256)
{
	snprintf(out, size, "letter:%lld/%d sha256:%s", (long long)allocation_id, sequence, sha256);
}

enum jr_err jr_store_letter_add(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
                                int64_t child_id, jr_day issued_on, bool change, const char *facts,
                                const char *html, struct jr_letter_row *out)
{
	struct jr_db_stmt *st = NULL;
	char date[JR_DATE_STRLEN], object[128];
	enum jr_err err;
	bool row;

	memset(out, 0, sizeof(*out));
	out->allocation_id = allocation_id;
	out->issued_on = issued_on;
	COPY(out->kind, change ? "change" : "allocation");
	jr_store_sha256_hex(html, strlen(html), out->sha256);
	jr_store_stamp(s, out->created_at);
	jr_date_format(issued_on, date);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
	                  "SELECT (SELECT COUNT(*) FROM allocations WHERE id = $1),"
	                  " (SELECT COALESCE(MAX(sequence), 0) FROM decision_letters"
	                  "  WHERE allocation_id = $1)",
	                  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_step(st, &row));
	if (!row || jr_db_col_int(st, 0) == 0) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	out->sequence = (int)jr_db_col_int(st, 1) + 1;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_db_prepare(
	    s->db,
	    "INSERT INTO decision_letters (allocation_id, child_id, sequence, issued_on,"
	    " kind, facts, html, sha256, created_at)"
	    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
	    &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_bind_int(st, 2, child_id));
	TRY(jr_db_bind_int(st, 3, out->sequence));
	TRY(jr_db_bind_text(st, 4, date));
	TRY(jr_db_bind_text(st, 5, out->kind));
	TRY(jr_db_bind_text(st, 6, facts));
	TRY(jr_db_bind_text(st, 7, html));
	TRY(jr_db_bind_text(st, 8, out->sha256));
	TRY(jr_db_bind_text(st, 9, out->created_at));
	TRY(jr_db_step(st, &row));
	audit_object(object, sizeof(object), allocation_id, out->sequence, out->sha256);
	TRY(jr_store_audit_object(s, a, "letter.issue", child_id, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

#define ROW_COLUMNS "sequence, issued_on, kind, sha256, created_at, child_id"

static enum jr_err read_row(struct jr_db_stmt *st, int64_t allocation_id, struct jr_letter_row *l,
                            int64_t *child)
{
	memset(l, 0, sizeof(*l));
	l->allocation_id = allocation_id;
	l->sequence = (int)jr_db_col_int(st, 0);
	COPY(l->kind, jr_db_col_text(st, 2));
	COPY(l->sha256, jr_db_col_text(st, 3));
	COPY(l->created_at, jr_db_col_text(st, 4));
	*child = jr_db_col_int(st, 5);
	return parse_day(jr_db_col_text(st, 1), &l->issued_on);
}

enum jr_err jr_store_letters_list(struct jr_store *s, const struct jr_actor *a,
                                  int64_t allocation_id, jr_letter_fn fn, void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_letter_row l;
	char object[48];
	int64_t child = 0;
	bool row, audited = false;
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
	                  "SELECT " ROW_COLUMNS " FROM decision_letters WHERE allocation_id = $1"
	                  " ORDER BY sequence",
	                  &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	snprintf(object, sizeof(object), "allocation:%lld", (long long)allocation_id);
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		TRY(read_row(st, allocation_id, &l, &child));
		if (!audited) { /* before the first letter is handed on */
			TRY(jr_store_audit_object(s, a, "letter.list", child, object));
			audited = true;
		}
		TRY(fn(ctx, &l));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_letter_get(struct jr_store *s, const struct jr_actor *a, int64_t allocation_id,
                                int sequence, struct jr_letter_row *out, struct jr_buf *html,
                                bool *intact)
{
	struct jr_db_stmt *st = NULL;
	char object[128], hash[65];
	const char *doc;
	int64_t child = 0;
	enum jr_err err;
	bool row;

	*intact = false;
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(
	    s->db,
	    "SELECT " ROW_COLUMNS ", html FROM decision_letters"
	    " WHERE allocation_id = $1 AND sequence = CASE WHEN $2 > 0 THEN $2"
	    "  ELSE (SELECT MAX(sequence) FROM decision_letters WHERE allocation_id = $1)"
	    " END",
	    &st));
	TRY(jr_db_bind_int(st, 1, allocation_id));
	TRY(jr_db_bind_int(st, 2, sequence));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	TRY(read_row(st, allocation_id, out, &child));
	doc = jr_db_col_text(st, 6);
	jr_store_sha256_hex(doc, strlen(doc), hash);
	*intact = sodium_memcmp(hash, out->sha256, 64) == 0;
	TRY(jr_buf_puts(html, doc));
	audit_object(object, sizeof(object), allocation_id, out->sequence, out->sha256);
	TRY(jr_store_audit_object(s, a, "letter.read", child, object));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
