/* store_involvement: which organisations are involved with a child, derived from the records and
 * never typed in: the local team of the municipality for every open help request, the referrer
 * of every referral on an open request (unless the referral came from the municipality itself or
 * from no one), the provider of every allocation whose care has not stopped, and the GI of every
 * measure in force. The multi_agency signal counts the two kinds that work with the child
 * (providers and GIs, store_signals.c); this list is what a consulent and the family see.
 * And the links of a principal's organisation to a person that the reach rules of app/access.c
 * decide on (jr_store_person_links). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Open help requests: neither closed nor withdrawn. Columns: via, object id, organisation id,
 * kind, name, AGB, since, COD327 referrer type ("" when not a referral). */
static const char involvement_sql[] =
	"SELECT 'help_request', h.id, COALESCE(o.id, 0), 'local_team', COALESCE(o.name, ''),"
	" COALESCE(o.agb, ''), h.raised_on, ''"
	" FROM help_requests h LEFT JOIN organisations o ON o.id ="
	"  (SELECT MIN(id) FROM organisations WHERE kind = 'local_team'"
	"   AND municipality = h.municipality)"
	" WHERE h.child_id = $1 AND h.state <> 'closed' AND h.state <> 'withdrawn'"
	" UNION ALL"
	" SELECT 'referral', r.id, COALESCE(o.id, 0), 'referrer', r.referrer_name,"
	" COALESCE(r.agb, ''), r.referred_on, r.referrer_type"
	" FROM referrals r JOIN help_requests h ON r.help_request_id = h.id"
	" LEFT JOIN organisations o ON o.id ="
	"  (SELECT MIN(id) FROM organisations WHERE agb = r.agb)"
	" WHERE h.child_id = $1 AND h.state <> 'closed' AND h.state <> 'withdrawn'"
	" AND r.referrer_type <> '01' AND r.referrer_type <> '06'"
	" UNION ALL"
	" SELECT 'allocation', a.id, a.provider_id, 'provider', p.name, p.agb, a.start_date, ''"
	" FROM allocations a JOIN help_requests h ON a.help_request_id = h.id"
	" JOIN providers p ON p.id = a.provider_id"
	" WHERE h.child_id = $1 AND NOT EXISTS (SELECT 1 FROM deliveries d"
	"  WHERE d.allocation_id = a.id AND d.stopped_on IS NOT NULL)"
	" UNION ALL"
	" SELECT 'measure', m.id, COALESCE(o.id, 0), 'gi', COALESCE(o.name, ''),"
	" COALESCE(o.agb, ''), m.start_date, ''"
	" FROM measures m LEFT JOIN organisations o ON o.id = m.gi_organisation_id"
	" WHERE m.child_id = $1 AND m.start_date <= $2"
	" AND (m.end_date IS NULL OR m.end_date >= $2)"
	" ORDER BY 7, 1, 2";

enum jr_err jr_store_involvement(struct jr_store *s, const struct jr_actor *a, int64_t child_id,
				 jr_day on, struct jr_involvement *out, size_t max, size_t *count)
{
	struct jr_db_stmt *st = NULL;
	char day[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	*count = 0;
	jr_date_format(on, day);
	TRY(jr_store_begin(s));
	TRY(jr_store_must_exist(s, "SELECT 1 FROM persons WHERE id = $1", child_id));
	TRY(jr_db_prepare(s->db, involvement_sql, &st));
	TRY(jr_db_bind_int(st, 1, child_id));
	TRY(jr_db_bind_text(st, 2, day));
	for (;; (*count)++) {
		struct jr_involvement *inv = &out[*count];
		const char *since;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (*count >= max)
			continue; /* counted, not kept */
		memset(inv, 0, sizeof(*inv));
		snprintf(inv->via, sizeof(inv->via), "%s", jr_db_col_text(st, 0));
		inv->object_id = jr_db_col_int(st, 1);
		inv->organisation_id = jr_db_col_int(st, 2);
		snprintf(inv->kind, sizeof(inv->kind), "%s", jr_db_col_text(st, 3));
		snprintf(inv->name, sizeof(inv->name), "%s", jr_db_col_text(st, 4));
		snprintf(inv->agb, sizeof(inv->agb), "%s", jr_db_col_text(st, 5));
		since = jr_db_col_text(st, 6);
		if (jr_date_parse(since, strlen(since), &inv->since)) {
			err = JR_ERR_STORE; /* the store writes only valid dates */
			goto out;
		}
		inv->referrer_type = (int)strtol(jr_db_col_text(st, 7), NULL, 10);
	}
	TRY(jr_store_audit(s, a, "person.involvement", child_id));
out:
	jr_db_finalize(st);
	if (err)
		*count = 0;
	return jr_store_finish(s, err);
}

/* A date column or "" into *day (0 for ""); JR_ERR_STORE for a malformed one. */
static enum jr_err day_of(const char *text, jr_day *day)
{
	*day = 0;
	return text[0] && jr_date_parse(text, strlen(text), day) ? JR_ERR_STORE : JR_OK;
}

/* The links of many persons are read a kind at a time, for all of them in one statement: the
 * ids are the placeholders $first … of "IN (…)" (after the principal's value in $1 when
 * `first` is 2). The statement's text is in *sql, which must outlive it (the statement cache
 * takes it at jr_db_finalize): the caller releases it after. */
static enum jr_err prepare_many(struct jr_store *s, const char *head, const char *tail,
				const int64_t *ids, size_t n, size_t first, struct jr_buf *sql,
				struct jr_db_stmt **st)
{
	enum jr_err err;

	*st = NULL;
	TRY(jr_buf_printf(sql, "%s IN (", head));
	for (size_t i = 0; i < n; i++)
		TRY(jr_buf_printf(sql, "%s$%zu", i ? ", " : "", i + first));
	TRY(jr_buf_printf(sql, ")%s", tail));
	TRY(jr_db_prepare(s->db, jr_buf_str(sql), st));
	for (size_t i = 0; i < n; i++)
		TRY(jr_db_bind_int(*st, (int)(i + first), ids[i]));
out:
	return err;
}

/* The place of `id` among ids (n when absent; n is small: a page of a search). */
static size_t place_of(const int64_t *ids, size_t n, int64_t id)
{
	size_t i = 0;

	while (i < n && ids[i] != id)
		i++;
	return i;
}

/* The consulent's link: the help requests of `municipality` for each person. */
static enum jr_err case_links(struct jr_store *s, const int64_t *ids, size_t n,
			      const char *municipality, struct jr_person_links *out)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf sql;
	enum jr_err err;
	bool row;

	jr_buf_init(&sql, 4096);

	TRY(prepare_many(s,
			 /* the municipality is compared in the aggregates, not the WHERE: so
			  * the plan reads the children's requests by child, never the
			  * municipality's whole work list */
			 "SELECT child_id, COALESCE(MAX(CASE WHEN municipality = $1"
			 " AND state <> 'closed' AND state <> 'withdrawn' THEN 1 ELSE 0 END), 0),"
			 " COALESCE(MAX(CASE WHEN municipality = $1 AND (state = 'closed'"
			 " OR state = 'withdrawn') THEN SUBSTR(updated_at, 1, 10) END), '')"
			 " FROM help_requests WHERE child_id",
			 " GROUP BY child_id", ids, n, 2, &sql, &st));
	TRY(jr_db_bind_text(st, 1, municipality));
	for (;;) {
		size_t i;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if ((i = place_of(ids, n, jr_db_col_int(st, 0))) == n)
			continue;
		out[i].case_open = jr_db_col_int(st, 1) != 0;
		TRY(day_of(jr_db_col_text(st, 2), &out[i].case_closed_on));
	}
out:
	jr_db_finalize(st);
	jr_buf_release(&sql);
	return err;
}

/* Which of the links allocation_ends fills. */
enum allocation_link { PROVIDER_LINK, RESPONSIBLE_LINK };

/* The ends of each person's allocations that `where` picks ($1 the text it compares): one
 * without an end makes the link open, else the last end is its end. An allocation ends on its
 * end date, or on the day its care stopped for good (no start running, the last stop not the
 * temporary one, JZ588 20) when that comes first. */
static enum jr_err allocation_ends(struct jr_store *s, const int64_t *ids, size_t n,
				   const char *where, const char *value, enum allocation_link link,
				   struct jr_person_links *out)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf head, sql;
	enum jr_err err;
	bool row;

	jr_buf_init(&head, 2048);
	jr_buf_init(&sql, 4096);
	TRY(jr_buf_printf(
	    &head,
	    "SELECT h.child_id, COALESCE(a.end_date, ''),"
	    " (SELECT COUNT(*) FROM deliveries d WHERE d.allocation_id = a.id"
	    "  AND d.stopped_on IS NULL),"
	    " COALESCE((SELECT d.stopped_on FROM deliveries d WHERE d.allocation_id = a.id"
	    "  AND d.stopped_on IS NOT NULL AND COALESCE(d.end_reason, '') <> '20'"
	    "  ORDER BY d.stopped_on DESC LIMIT 1), '')"
	    /* the children's requests, then their allocations, then the provider (SQLite keeps
	     * the left of a CROSS JOIN outside): else a provider's AGB would lead, through all
	     * its allocations for each child */
	    " FROM help_requests h CROSS JOIN allocations a CROSS JOIN providers pr"
	    " WHERE a.help_request_id = h.id AND pr.id = a.provider_id AND %s AND h.child_id",
	    where));
	TRY(prepare_many(s, jr_buf_str(&head), "", ids, n, 2, &sql, &st));
	TRY(jr_db_bind_text(st, 1, value));
	for (;;) {
		jr_day end, stopped;
		bool *open;
		jr_day *ended_on;
		size_t i;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if ((i = place_of(ids, n, jr_db_col_int(st, 0))) == n)
			continue;
		open = link == PROVIDER_LINK ? &out[i].allocation_open : &out[i].care_open;
		ended_on = link == PROVIDER_LINK ? &out[i].allocation_ended_on : &out[i].care_ended_on;
		TRY(day_of(jr_db_col_text(st, 1), &end));
		TRY(day_of(jr_db_col_text(st, 3), &stopped));
		if (jr_db_col_int(st, 2) == 0 && stopped && (!end || stopped < end))
			end = stopped;
		if (!end)
			*open = true;
		else if (end > *ended_on)
			*ended_on = end;
	}
out:
	jr_db_finalize(st);
	jr_buf_release(&head);
	jr_buf_release(&sql);
	return err;
}

/* The GI's link: the measures with this organisation as GI. */
static enum jr_err measure_links(struct jr_store *s, const int64_t *ids, size_t n,
				 int64_t organisation_id, struct jr_person_links *out)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf sql;
	enum jr_err err;
	bool row;

	jr_buf_init(&sql, 4096);

	TRY(prepare_many(s,
			 "SELECT child_id, COALESCE(MAX(CASE WHEN end_date IS NULL THEN 1 ELSE 0 END),"
			 " 0), COALESCE(MAX(end_date), '')"
			 " FROM measures WHERE gi_organisation_id = $1 AND child_id",
			 " GROUP BY child_id", ids, n, 2, &sql, &st));
	TRY(jr_db_bind_int(st, 1, organisation_id));
	for (;;) {
		size_t i;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if ((i = place_of(ids, n, jr_db_col_int(st, 0))) == n)
			continue;
		out[i].measure_open = jr_db_col_int(st, 1) != 0;
		TRY(day_of(jr_db_col_text(st, 2), &out[i].measure_ended_on));
	}
out:
	jr_db_finalize(st);
	jr_buf_release(&sql);
	return err;
}

enum jr_err jr_store_person_links_many(struct jr_store *s, const int64_t *ids, size_t n,
				       const struct jr_principal *p, struct jr_person_links *out)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf sql;
	enum jr_err err;
	bool row;

	memset(out, 0, n * sizeof(*out));
	if (!n)
		return JR_OK;
	if (n > JR_PERSON_LINKS_MANY)
		return JR_ERR_INTERNAL;
	jr_buf_init(&sql, 4096);
	TRY(jr_store_begin(s));
	TRY(prepare_many(s, "SELECT id, municipality FROM persons WHERE id", "", ids, n, 1, &sql,
			 &st));
	for (;;) {
		size_t i;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if ((i = place_of(ids, n, jr_db_col_int(st, 0))) == n)
			continue;
		out[i].found = true;
		snprintf(out[i].municipality, sizeof(out[i].municipality), "%s",
			 jr_db_col_text(st, 1));
	}
	if (p->municipality[0]) {
		TRY(case_links(s, ids, n, p->municipality, out));
		/* principle 13: the care it is responsible for, wherever the child lives now */
		TRY(allocation_ends(s, ids, n,
				    "COALESCE(a.responsible_municipality, h.municipality) = $1",
				    p->municipality, RESPONSIBLE_LINK, out));
	}
	if (p->agb[0]) /* the provider's: the allocations to the provider with this AGB */
		TRY(allocation_ends(s, ids, n, "pr.agb = $1", p->agb, PROVIDER_LINK, out));
	if (p->organisation_id > 0)
		TRY(measure_links(s, ids, n, p->organisation_id, out));
	/* the links of a person not on record stay empty: found false */
	for (size_t i = 0; i < n; i++)
		if (!out[i].found)
			memset(&out[i], 0, sizeof(out[i]));
out:
	jr_db_finalize(st);
	jr_buf_release(&sql);
	if (err)
		memset(out, 0, n * sizeof(*out));
	return jr_store_finish(s, err);
}

enum jr_err jr_store_person_links(struct jr_store *s, int64_t person_id,
				  const struct jr_principal *p, struct jr_person_links *out)
{
	return jr_store_person_links_many(s, &person_id, 1, p, out);
}

enum jr_err jr_store_running_care(struct jr_store *s, int64_t child_id, jr_day today,
				  struct jr_running_care *out, size_t max, size_t *count)
{
	struct jr_db_stmt *st = NULL;
	char day[JR_DATE_STRLEN];
	enum jr_err err;
	bool row;

	*count = 0;
	jr_date_format(today, day);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(
	    s->db,
	    "SELECT a.id, a.form, a.start_date, COALESCE(a.responsible_municipality, h.municipality)"
	    " FROM allocations a JOIN help_requests h ON a.help_request_id = h.id"
	    " WHERE h.child_id = $1 AND a.start_date <= $2"
	    " AND (a.end_date IS NULL OR a.end_date >= $2)"
	    " AND (EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id"
	    "  AND d.stopped_on IS NULL)"
	    "  OR NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.allocation_id = a.id"
	    "  AND d.stopped_on IS NOT NULL AND d.stopped_on < $2"
	    "  AND COALESCE(d.end_reason, '') <> '20'))"
	    " ORDER BY a.start_date DESC, a.id DESC",
	    &st));
	TRY(jr_db_bind_int(st, 1, child_id));
	TRY(jr_db_bind_text(st, 2, day));
	for (;; (*count)++) {
		struct jr_running_care *c = &out[*count];
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (*count >= max)
			continue; /* counted, not kept */
		memset(c, 0, sizeof(*c));
		c->allocation_id = jr_db_col_int(st, 0);
		c->form = (int)jr_db_col_int(st, 1);
		TRY(day_of(jr_db_col_text(st, 2), &c->start));
		snprintf(c->responsible, sizeof(c->responsible), "%s", jr_db_col_text(st, 3));
	}
out:
	jr_db_finalize(st);
	if (err)
		*count = 0;
	return jr_store_finish(s, err);
}
