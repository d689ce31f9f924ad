/* store_signals: gathers, for every open help request, the case that core/signals.c judges: the
 * child's allocations and care (across all its help requests, so hopping between agencies shows),
 * waiting referrals, the latest analysis, the organisations involved and whether the household
 * has a coordinator. One read transaction, one audit entry for the scan.
 *
 * The scan is set-based: one statement per kind of fact, each over all open requests (or their
 * children) and ordered by key, merged here in memory. Not statements per request: on
 * PostgreSQL each statement is a round trip, and four per open request made the scan many times
 * slower than on SQLite. A child's facts are read once and shared by its open requests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "store/store_internal.h"

/* That help request `t` is still open; the children of the open help requests. */
#define OPEN(t) t "state <> 'closed' AND " t "state <> 'withdrawn'"
#define OPEN_CHILDREN "(SELECT o.child_id FROM help_requests o WHERE " OPEN("o.") ")"

/* A bound on each of the scan's arrays: 16 million, more open requests (or allocations of their
 * children) than the country has children. */
#define SCAN_ROWS_MAX ((size_t)1 << 24)

/* What one open help request has of its own. */
struct request_facts {
	int64_t id;
	int64_t child;
	char municipality[5];
	int referrals_waiting;
	jr_day oldest_referral;
	bool analysis;
	jr_day analysis_on;
	unsigned char needs[JR_NEED_COUNT];
};

/* What a child has, shared by its open requests: its items are items[first .. first + count). */
struct child_facts {
	int64_t id;
	size_t first, count;
	int organisations;
	bool coordinator;
};

/* Everything the scan read: requests by id, children by id, and where a statement's rows, which
 * come ordered by the same key, have got to in them. */
struct scan {
	struct request_facts *req;
	size_t req_count, req_cap;
	struct child_facts *child;
	size_t child_count;
	struct jr_case_item *items;
	size_t item_count, item_cap;
	size_t at;
};

static void scan_release(struct scan *sc)
{
	jr_free(sc->req);
	jr_free(sc->child);
	jr_free(sc->items);
}

/* Makes room for one more element of `size` in `items` (holding `count` of *cap): *out is the
 * array to use from now on (`items` itself while there is room). */
static enum jr_err grow(void *items, size_t size, size_t count, size_t *cap, void **out)
{
	size_t more;
	void *p;

	*out = items;
	if (count < *cap)
		return JR_OK;
	more = *cap ? 2 * *cap : 256;
	if (more > SCAN_ROWS_MAX)
		return JR_ERR_TOO_BIG;
	if (!(p = jr_realloc(items, more * size)))
		return JR_ERR_NOMEM;
	*out = p;
	*cap = more;
	return JR_OK;
}

typedef enum jr_err (*row_fn)(struct scan *sc, struct jr_db_stmt *st);

/* Runs one statement of the scan and hands each row to `fn`, from the start of the lists. */
static enum jr_err each_row(struct jr_store *s, const char *sql, row_fn fn, struct scan *sc)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	sc->at = 0;
	TRY(jr_db_prepare(s->db, sql, &st));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		TRY(fn(sc, st));
	}
out:
	jr_db_finalize(st);
	return err;
}

/* The open request `id`, moving on from where the previous row was (the rows come ordered by
 * request); NULL when it is not open. */
static struct request_facts *request_at(struct scan *sc, int64_t id)
{
	while (sc->at < sc->req_count && sc->req[sc->at].id < id)
		sc->at++;
	return sc->at < sc->req_count && sc->req[sc->at].id == id ? &sc->req[sc->at] : NULL;
}

/* The same for a child (the rows come ordered by child). */
static struct child_facts *child_at(struct scan *sc, int64_t id)
{
	while (sc->at < sc->child_count && sc->child[sc->at].id < id)
		sc->at++;
	return sc->at < sc->child_count && sc->child[sc->at].id == id ? &sc->child[sc->at] : NULL;
}

/* Children in order of id (qsort, bsearch). */
static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct child_facts *)a)->id, y = ((const struct child_facts *)b)->id;

	return (x > y) - (x < y);
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

static enum jr_err add_request(struct scan *sc, struct jr_db_stmt *st)
{
	struct request_facts *r;
	void *p;
	enum jr_err err = grow(sc->req, sizeof(*sc->req), sc->req_count, &sc->req_cap, &p);

	sc->req = p;
	if (err)
		return err;
	r = &sc->req[sc->req_count++];
	memset(r, 0, sizeof(*r));
	r->id = jr_db_col_int(st, 0);
	r->child = jr_db_col_int(st, 1);
	snprintf(r->municipality, sizeof(r->municipality), "%s", jr_db_col_text(st, 2));
	return JR_OK;
}

/* The children of the open requests, each once, by id. */
static enum jr_err list_children(struct scan *sc)
{
	size_t n = 0;

	if (!sc->req_count)
		return JR_OK;
	if (!(sc->child = jr_calloc(sc->req_count, sizeof(*sc->child))))
		return JR_ERR_NOMEM;
	for (size_t i = 0; i < sc->req_count; i++)
		sc->child[i].id = sc->req[i].child;
	qsort(sc->child, sc->req_count, sizeof(*sc->child), by_id);
	for (size_t i = 0; i < sc->req_count; i++)
		if (n == 0 || sc->child[n - 1].id != sc->child[i].id)
			sc->child[n++].id = sc->child[i].id;
	sc->child_count = n;
	return JR_OK;
}

/* An allocation of the child with its care: kept while the child has fewer than
 * JR_CASE_ITEMS_MAX, in the order of the rows, unless its start date does not parse. The cursor
 * only moves forward, so a child's items lie together. */
static enum jr_err add_item(struct scan *sc, struct jr_db_stmt *st)
{
	struct child_facts *k = child_at(sc, jr_db_col_int(st, 0));
	struct jr_case_item it = {0};
	const char *goals, *reason;
	void *p;
	enum jr_err err;

	if (!k || k->count >= JR_CASE_ITEMS_MAX)
		return JR_OK;
	it.form = (int)jr_db_col_int(st, 1);
	if (!parse_day(jr_db_col_text(st, 2), &it.allocated))
		return JR_OK;
	it.started = parse_day(jr_db_col_text(st, 3), &it.start);
	it.stopped = parse_day(jr_db_col_text(st, 4), &it.stop);
	goals = jr_db_col_text(st, 5);
	reason = jr_db_col_text(st, 6);
	it.negative = it.stopped && (strcmp(goals, "no") == 0 || strcmp(reason, "32") == 0 ||
				     strcmp(reason, "33") == 0);
	err = grow(sc->items, sizeof(*sc->items), sc->item_count, &sc->item_cap, &p);
	sc->items = p;
	if (err)
		return err;
	if (k->count == 0)
		k->first = sc->item_count;
	sc->items[sc->item_count++] = it;
	k->count++;
	return JR_OK;
}

static enum jr_err add_referrals(struct scan *sc, struct jr_db_stmt *st)
{
	struct request_facts *r = request_at(sc, jr_db_col_int(st, 0));

	if (r && jr_db_col_int(st, 1) > 0 && parse_day(jr_db_col_text(st, 2), &r->oldest_referral))
		r->referrals_waiting = (int)jr_db_col_int(st, 1);
	return JR_OK;
}

static enum jr_err add_analysis(struct scan *sc, struct jr_db_stmt *st)
{
	struct request_facts *r = request_at(sc, jr_db_col_int(st, 0));

	if (r) {
		r->analysis = parse_day(jr_db_col_text(st, 1), &r->analysis_on);
		parse_needs(jr_db_col_text(st, 2), r->needs);
	}
	return JR_OK;
}

/* Organisations involved: counted in two statements (providers, measures), added up. */
static enum jr_err add_organisations(struct scan *sc, struct jr_db_stmt *st)
{
	struct child_facts *k = child_at(sc, jr_db_col_int(st, 0));

	if (k)
		k->organisations += (int)jr_db_col_int(st, 1);
	return JR_OK;
}

static enum jr_err add_coordinator(struct scan *sc, struct jr_db_stmt *st)
{
	struct child_facts *k = child_at(sc, jr_db_col_int(st, 0));

	if (k)
		k->coordinator = jr_db_col_int(st, 1) > 0;
	return JR_OK;
}

/* Each statement reads one kind of fact for all open requests or their children, ordered by the
 * key its rows are merged on. */
static const char SQL_REQUESTS[] =
	"SELECT id, child_id, municipality FROM help_requests WHERE " OPEN("") " ORDER BY id";

/* The children's allocations and care, across all their help requests. */
static const char SQL_ITEMS[] =
	"SELECT h.child_id, a.form, a.start_date, d.started_on, d.stopped_on, d.goals_reached,"
	" d.end_reason FROM allocations a"
	" JOIN help_requests h ON a.help_request_id = h.id"
	" LEFT JOIN deliveries d ON d.allocation_id = a.id"
	" WHERE h.child_id IN " OPEN_CHILDREN " ORDER BY h.child_id, a.id, d.id";

/* Valid referrals of an open request that has no allocation yet. */
static const char SQL_REFERRALS[] =
	"SELECT r.help_request_id, COUNT(*), MIN(r.referred_on) FROM referrals r"
	" JOIN help_requests h ON r.help_request_id = h.id"
	" WHERE " OPEN("h.") " AND r.status = 'valid' AND NOT EXISTS"
	" (SELECT 1 FROM allocations a WHERE a.help_request_id = r.help_request_id)"
	" GROUP BY r.help_request_id ORDER BY r.help_request_id";

/* The latest analysis of an open request (the highest id). */
static const char SQL_ANALYSES[] =
	"SELECT b.help_request_id, b.made_on, b.needs FROM broad_analyses b"
	" JOIN help_requests h ON b.help_request_id = h.id"
	" WHERE " OPEN("h.") " AND b.id = (SELECT MAX(b2.id) FROM broad_analyses b2"
	" WHERE b2.help_request_id = b.help_request_id)"
	" ORDER BY b.help_request_id";

/* Involved now: providers with care allocated and not stopped, and the GI of a measure in force
 * unless it is already counted as the provider of the measure itself (form 10). */
static const char SQL_PROVIDERS[] =
	"SELECT h.child_id, COUNT(DISTINCT a.provider_id) FROM allocations a"
	" JOIN help_requests h ON a.help_request_id = h.id"
	" LEFT JOIN deliveries d ON d.allocation_id = a.id"
	" WHERE h.child_id IN " OPEN_CHILDREN " AND d.stopped_on IS NULL"
	" GROUP BY h.child_id ORDER BY h.child_id";
static const char SQL_MEASURES[] =
	"SELECT m.child_id, COUNT(*) FROM measures m"
	" WHERE m.child_id IN " OPEN_CHILDREN " AND m.end_date IS NULL"
	" AND NOT EXISTS (SELECT 1 FROM allocations a2"
	" JOIN help_requests h2 ON a2.help_request_id = h2.id"
	" WHERE h2.child_id = m.child_id AND a2.form = 10)"
	" GROUP BY m.child_id ORDER BY m.child_id";

static const char SQL_COORDINATORS[] =
	"SELECT hm.person_id, COUNT(*) FROM household_members hm"
	" JOIN households hh ON hm.household_id = hh.id"
	" WHERE hm.person_id IN " OPEN_CHILDREN " AND hh.coordinator_user_id IS NOT NULL"
	" GROUP BY hm.person_id ORDER BY hm.person_id";

static enum jr_err read_scan(struct jr_store *s, struct scan *sc)
{
	enum jr_err err;

	TRY(each_row(s, SQL_REQUESTS, add_request, sc));
	TRY(list_children(sc));
	TRY(each_row(s, SQL_ITEMS, add_item, sc));
	TRY(each_row(s, SQL_REFERRALS, add_referrals, sc));
	TRY(each_row(s, SQL_ANALYSES, add_analysis, sc));
	TRY(each_row(s, SQL_PROVIDERS, add_organisations, sc));
	TRY(each_row(s, SQL_MEASURES, add_organisations, sc));
	TRY(each_row(s, SQL_COORDINATORS, add_coordinator, sc));
out:
	return err;
}

/* The case of open request `r`, with its child's facts. */
static void fill_case(const struct scan *sc, const struct request_facts *r, struct jr_case *c)
{
	struct child_facts key = {.id = r->child};
	const struct child_facts *k =
		sc->child_count ? bsearch(&key, sc->child, sc->child_count, sizeof(key), by_id) : NULL;

	memset(c, 0, sizeof(*c));
	c->help_request_id = r->id;
	c->child_id = r->child;
	memcpy(c->municipality, r->municipality, sizeof(c->municipality));
	c->referrals_waiting = r->referrals_waiting;
	c->oldest_referral = r->oldest_referral;
	c->analysis = r->analysis;
	c->analysis_on = r->analysis_on;
	memcpy(c->needs, r->needs, sizeof(c->needs));
	if (!k)
		return;
	if (k->count)
		memcpy(c->items, &sc->items[k->first], k->count * sizeof(*c->items));
	c->item_count = k->count;
	c->organisations = k->organisations;
	c->coordinator = k->coordinator;
}

enum jr_err jr_store_each_case(struct jr_store *s, const struct jr_actor *a, jr_case_fn fn,
			       void *ctx)
{
	struct scan sc = {0};
	struct jr_case *c = jr_calloc(1, sizeof(*c));
	enum jr_err err;

	if (!c)
		return JR_ERR_NOMEM;
	TRY(jr_store_begin(s));
	TRY(read_scan(s, &sc));
	for (size_t i = 0; i < sc.req_count; i++) {
		fill_case(&sc, &sc.req[i], c);
		TRY(fn(ctx, c));
	}
	TRY(jr_store_audit(s, a, "signals.scan", 0));
out:
	scan_release(&sc);
	jr_free(c);
	return jr_store_finish(s, err);
}
