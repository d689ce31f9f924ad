/* store_signals: gathers, for every open help request, the case that core/signals.c judges: the
 * child's allocations and care (across all its help requests, so hopping between agencies shows),
 * waiting referrals, the latest analysis, the organisations involved and whether the household
 * has a coordinator. One read transaction, one audit entry for the scan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "store/store_internal.h"

struct open_request {
	int64_t id;
	int64_t child;
	char municipality[5];
};

static enum jr_err open_requests(struct jr_store *s, struct open_request **out, size_t *count)
{
	struct jr_db_stmt *st = NULL;
	struct open_request *list = NULL;
	size_t cap = 0;
	enum jr_err err;
	bool row;

	*count = 0;
	TRY(jr_db_prepare(s->db,
			  "SELECT id, child_id, municipality FROM help_requests"
			  " WHERE state <> 'closed' AND state <> 'withdrawn' ORDER BY id",
			  &st));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		if (*count == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			struct open_request *n = jr_realloc(list, ncap * sizeof(*list));
			if (!n) {
				err = JR_ERR_NOMEM;
				goto out;
			}
			list = n;
			cap = ncap;
		}
		list[*count].id = jr_db_col_int(st, 0);
		list[*count].child = jr_db_col_int(st, 1);
		snprintf(list[*count].municipality, 5, "%s", jr_db_col_text(st, 2));
		(*count)++;
	}
out:
	jr_db_finalize(st);
	if (err) {
		jr_free(list);
		list = NULL;
		*count = 0;
	}
	*out = list;
	return err;
}

/* The severities of an analysis's needs as stored, {"parenting":2,…} (one digit per domain,
 * written by the store itself); unknown names and values are skipped. */
static void parse_needs(const char *s, unsigned char needs[JR_NEED_COUNT])
{
	char name[32];

	memset(needs, 0, JR_NEED_COUNT);
	while ((s = strchr(s, '"'))) {
		const char *end = strchr(++s, '"');
		size_t len;
		int d;
		if (!end)
			return;
		len = (size_t)(end - s);
		s = end + 1;
		if (len >= sizeof(name) || s[0] != ':' || s[1] < '0' || s[1] > '4')
			continue;
		memcpy(name, end - len, len);
		name[len] = '\0';
		if ((d = jr_need_parse(name)) >= 0)
			needs[d] = (unsigned char)(s[1] - '0');
	}
}

static bool parse_day(const char *s, jr_day *out)
{
	return s[0] && jr_date_parse(s, strlen(s), out) == JR_OK;
}

static enum jr_err gather_items(struct jr_store *s, struct jr_case *c)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db,
			  "SELECT a.form, a.start_date, d.started_on, d.stopped_on, d.goals_reached,"
			  " d.end_reason FROM allocations a"
			  " JOIN help_requests h ON a.help_request_id = h.id"
			  " LEFT JOIN deliveries d ON d.allocation_id = a.id"
			  " WHERE h.child_id = $1 ORDER BY a.id, d.id",
			  &st));
	TRY(jr_db_bind_int(st, 1, c->child_id));
	while (c->item_count < JR_CASE_ITEMS_MAX) {
		struct jr_case_item *it = &c->items[c->item_count];
		const char *goals, *reason;
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		memset(it, 0, sizeof(*it));
		it->form = (int)jr_db_col_int(st, 0);
		if (!parse_day(jr_db_col_text(st, 1), &it->allocated))
			continue;
		it->started = parse_day(jr_db_col_text(st, 2), &it->start);
		it->stopped = parse_day(jr_db_col_text(st, 3), &it->stop);
		goals = jr_db_col_text(st, 4);
		reason = jr_db_col_text(st, 5);
		it->negative = it->stopped && (strcmp(goals, "no") == 0 || strcmp(reason, "32") == 0 ||
					       strcmp(reason, "33") == 0);
		c->item_count++;
	}
out:
	jr_db_finalize(st);
	return err;
}

static enum jr_err gather_rest(struct jr_store *s, struct jr_case *c)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	TRY(jr_db_prepare(s->db,
			  "SELECT COUNT(*), MIN(r.referred_on) FROM referrals r"
			  " WHERE r.help_request_id = $1 AND r.status = 'valid' AND NOT EXISTS"
			  " (SELECT 1 FROM allocations a WHERE a.help_request_id = r.help_request_id)",
			  &st));
	TRY(jr_db_bind_int(st, 1, c->help_request_id));
	TRY(jr_db_step(st, &row));
	if (row && jr_db_col_int(st, 0) > 0 && parse_day(jr_db_col_text(st, 1), &c->oldest_referral))
		c->referrals_waiting = (int)jr_db_col_int(st, 0);
	jr_db_finalize(st);
	st = NULL;

	TRY(jr_db_prepare(s->db,
			  "SELECT made_on, needs FROM broad_analyses WHERE help_request_id = $1"
			  " ORDER BY id DESC LIMIT 1",
			  &st));
	TRY(jr_db_bind_int(st, 1, c->help_request_id));
	TRY(jr_db_step(st, &row));
	if (row) {
		/* needs as stored: {"parenting":2,…}, one digit per domain */
		c->analysis = parse_day(jr_db_col_text(st, 0), &c->analysis_on);
		parse_needs(jr_db_col_text(st, 1), c->needs);
	}
	jr_db_finalize(st);
	st = NULL;

	/* Involved now: providers with care allocated and not stopped, and the GI of a measure in
	 * force unless it is already counted as the provider of the measure itself (form 10). */
	TRY(jr_db_prepare(s->db,
			  "SELECT (SELECT COUNT(DISTINCT a.provider_id) FROM allocations a"
			  "  JOIN help_requests h ON a.help_request_id = h.id"
			  "  LEFT JOIN deliveries d ON d.allocation_id = a.id"
			  "  WHERE h.child_id = $1 AND d.stopped_on IS NULL)"
			  " + (SELECT COUNT(*) FROM measures m WHERE m.child_id = $1"
			  "  AND m.end_date IS NULL AND NOT EXISTS (SELECT 1 FROM allocations a2"
			  "  JOIN help_requests h2 ON a2.help_request_id = h2.id"
			  "  WHERE h2.child_id = $1 AND a2.form = 10)),"
			  " (SELECT COUNT(*) FROM household_members hm JOIN households hh"
			  "  ON hm.household_id = hh.id WHERE hm.person_id = $1"
			  "  AND hh.coordinator_user_id IS NOT NULL)",
			  &st));
	TRY(jr_db_bind_int(st, 1, c->child_id));
	TRY(jr_db_step(st, &row));
	if (row) {
		c->organisations = (int)jr_db_col_int(st, 0);
		c->coordinator = jr_db_col_int(st, 1) > 0;
	}
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_each_case(struct jr_store *s, const struct jr_actor *a, jr_case_fn fn,
			       void *ctx)
{
	struct open_request *list = NULL;
	struct jr_case *c = jr_calloc(1, sizeof(*c));
	size_t count = 0;
	enum jr_err err;

	if (!c)
		return JR_ERR_NOMEM;
	TRY(jr_store_begin(s));
	TRY(open_requests(s, &list, &count));
	for (size_t i = 0; i < count; i++) {
		memset(c, 0, sizeof(*c));
		c->help_request_id = list[i].id;
		c->child_id = list[i].child;
		memcpy(c->municipality, list[i].municipality, sizeof(c->municipality));
		TRY(gather_items(s, c));
		TRY(gather_rest(s, c));
		TRY(fn(ctx, c));
	}
	TRY(jr_store_audit(s, a, "signals.scan", 0));
out:
	jr_free(list);
	jr_free(c);
	return jr_store_finish(s, err);
}
