/* worklist: the consulent's work list and the assignment of help requests (worklist.h). */
#include "app/worklist.h"

#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "app/deadlines.h"
#include "core/alloc.h"
#include "store/course.h"

/* A work list holds at most this many help requests (a municipality's open ones fit many times
 * over; past it the list is refused rather than cut, so that no count lies). */
#define WORK_LIST_MAX 200000

/* A help request that passed the query, as sorting and paging need it. */
struct key {
	int64_t id;
	jr_day raised_on;
	bool has_deadline;
	struct jr_work_deadline_item deadline;
};

struct pass {
	const struct jr_work_query *q;
	const struct jr_norms *norms;
	struct jr_deadlines *dl; /* scratch: one help request's deadlines */
	struct jr_work_counts *counts;
	struct key *keys;
	size_t n, cap;
};

/* Whether the step passes the query's step filter (review_due: with a goal's review overdue). */
static bool step_passes(const struct jr_work_query *q, enum jr_hr_state s, bool review_overdue)
{
	bool open = s != JR_HR_CLOSED && s != JR_HR_WITHDRAWN;

	switch (q->steps) {
	case JR_WORK_ALL:
		return true;
	case JR_WORK_REVIEW_DUE:
		return open && review_overdue;
	case JR_WORK_STEP:
		return s == q->step;
	case JR_WORK_OPEN:
	default:
		return open;
	}
}

/* One help request with its facts: its deadlines (core/deadlines.c), the filters, the counts. */
static enum jr_err one(void *ctx, const struct jr_deadline_request *r,
		       const struct jr_deadline_facts *f)
{
	struct pass *p = ctx;
	const struct jr_deadline *near;
	bool review_overdue = false;
	struct key *k;

	jr_deadlines_compute(f, p->norms, p->dl);
	near = p->dl->count ? &p->dl->items[0] : NULL;
	for (size_t i = 0; i < p->dl->count; i++)
		if (p->dl->items[i].kind == JR_DEADLINE_GOAL_REVIEW &&
		    p->dl->items[i].state == JR_DEADLINE_OVERDUE)
			review_overdue = true;
	/* the deadline filter looks at the nearest deadline, the one the list shows */
	if (p->q->deadline == JR_WORK_DEADLINE_OVERDUE &&
	    (!near || near->state != JR_DEADLINE_OVERDUE))
		return JR_OK;
	if (p->q->deadline == JR_WORK_DEADLINE_SOON && (!near || near->state != JR_DEADLINE_WARNING))
		return JR_OK;
	if ((unsigned)r->state < JR_HR_STATE_COUNT)
		p->counts->per_step[r->state]++;
	if (!step_passes(p->q, r->state, review_overdue))
		return JR_OK;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		struct key *grown;

		if (p->n >= WORK_LIST_MAX)
			return JR_ERR_TOO_BIG;
		if (!(grown = jr_realloc(p->keys, cap * sizeof *grown)))
			return JR_ERR_NOMEM;
		p->keys = grown;
		p->cap = cap;
	}
	k = &p->keys[p->n++];
	memset(k, 0, sizeof *k);
	k->id = r->id;
	k->raised_on = f->raised_on;
	if (near) {
		k->has_deadline = true;
		k->deadline.kind = near->kind;
		k->deadline.due = near->due;
		k->deadline.days_left = near->days_left;
		k->deadline.workdays = near->workdays;
		k->deadline.state = near->state;
		memcpy(k->deadline.label, near->label, sizeof k->deadline.label);
	}
	return JR_OK;
}

/* Nearest deadline first, those without one last; then the newest raised first. */
static int by_deadline(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->has_deadline != y->has_deadline)
		return x->has_deadline ? -1 : 1;
	if (x->has_deadline && x->deadline.due != y->deadline.due)
		return x->deadline.due < y->deadline.due ? -1 : 1;
	if (x->raised_on != y->raised_on)
		return x->raised_on > y->raised_on ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

/* The newest raised first (the work list as it always was). */
static int by_raised(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->raised_on != y->raised_on)
		return x->raised_on > y->raised_on ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

/* A page's row with its deadline, to the caller's fn. */
struct page {
	const struct key *keys;
	size_t n, at;
	jr_work_item_fn fn;
	void *ctx;
	struct jr_work_item item;
};

static enum jr_err page_row(void *ctx, const struct jr_help_request_row *row)
{
	struct page *pg = ctx;

	while (pg->at < pg->n && pg->keys[pg->at].id != row->h.id)
		pg->at++; /* rows come in the keys' order; one gone is skipped */
	if (pg->at >= pg->n)
		return JR_ERR_INTERNAL;
	memset(&pg->item, 0, sizeof pg->item);
	pg->item.row = *row;
	pg->item.has_deadline = pg->keys[pg->at].has_deadline;
	pg->item.deadline = pg->keys[pg->at].deadline;
	pg->at++;
	return pg->fn ? pg->fn(pg->ctx, &pg->item) : JR_OK;
}

/* The municipality whose list the principal reads (its own), or the command line's; fails
 * explained. */
static enum jr_err whose(struct jr_app *app, const char *asked, const char **municipality)
{
	enum jr_err err;

	if (!app->principal) {
		if (!asked || !asked[0])
			return jr_app_fail(app, JR_ERR_INPUT, "municipality",
					   "geef de gemeente (CBS-code, bijv. 0153)");
		*municipality = asked;
		return JR_OK;
	}
	if ((err = jr_app_access_require(app, JR_CAP_WORK_LIST)))
		return err;
	if (!app->principal->municipality[0])
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "uw organisatie hoort bij geen gemeente");
	*municipality = app->principal->municipality;
	return JR_OK;
}

enum jr_err jr_app_work_list(struct jr_app *app, const struct jr_work_query *q,
			     jr_work_item_fn fn, void *ctx, struct jr_work_counts *counts)
{
	struct pass p = {.q = q, .counts = counts};
	struct jr_deadline_facts *f = NULL;
	struct jr_deadline_scope scope = {0};
	struct page pg = {.fn = fn, .ctx = ctx};
	int64_t *ids = NULL;
	size_t from, count = 0;
	enum jr_app_tx tx;
	enum jr_err err;

	memset(counts, 0, sizeof *counts);
	if ((err = whose(app, q->municipality, &scope.municipality)))
		return err;
	if (q->assignee == JR_ASSIGNEE_USER && q->user_id <= 0)
		return jr_app_fail(app, JR_ERR_INPUT, "assignee",
				   "kies me, none of het nummer van een consulent");
	scope.assignee = q->assignee;
	scope.user_id = q->user_id;
	/* closed and withdrawn ones are read only when asked for: a municipality's past is large */
	counts->all_steps = q->steps == JR_WORK_ALL ||
			    (q->steps == JR_WORK_STEP &&
			     (q->step == JR_HR_CLOSED || q->step == JR_HR_WITHDRAWN));
	scope.open_only = !counts->all_steps;
	if ((err = jr_app_deadline_norms(app, scope.municipality, &p.norms)))
		return err;
	f = jr_calloc(1, sizeof *f);
	p.dl = jr_calloc(1, sizeof *p.dl);
	if (!f || !p.dl) {
		err = JR_ERR_NOMEM;
		goto done;
	}
	f->today = app->today;
	/* the counts and the page read in one transaction, so that they agree */
	if ((err = jr_app_tx_begin(app, &tx)))
		goto done;
	err = jr_store_deadline_facts_of(app->store, &scope, f, one, &p);
	if (err == JR_ERR_TOO_BIG)
		err = jr_app_fail(app, err, NULL,
				  "de werklijst is te groot; kies een stap, termijn of consulent");
	if (!err) {
		if (p.n)
			qsort(p.keys, p.n, sizeof *p.keys,
			      q->sort == JR_WORK_SORT_DEADLINE ? by_deadline : by_raised);
		counts->total = (int64_t)p.n;
		from = q->offset < 0 ? 0 : (size_t)q->offset;
		if (from < p.n && q->limit > 0)
			count = p.n - from < (size_t)q->limit ? p.n - from : (size_t)q->limit;
		if (count && !(ids = jr_calloc(count, sizeof *ids)))
			err = JR_ERR_NOMEM;
	}
	if (!err && count) {
		for (size_t i = 0; i < count; i++)
			ids[i] = p.keys[from + i].id;
		pg.keys = p.keys + from;
		pg.n = count;
		err = jr_store_help_request_rows(app->store, app->actor, ids, count, page_row, &pg);
	}
	err = jr_app_tx_end(app, tx, err);
done:
	jr_free(ids);
	jr_free(p.keys);
	jr_free(p.dl);
	jr_free(f);
	return err;
}

enum jr_err jr_app_assignees(struct jr_app *app, const char *municipality, jr_assignee_fn fn,
			     void *ctx)
{
	const char *m = NULL;
	enum jr_err err;

	if ((err = whose(app, municipality, &m)))
		return err;
	return jr_store_assignees(app->store, m, fn, ctx);
}

enum jr_err jr_app_help_request_assign(struct jr_app *app, int64_t id, int64_t user_id,
				       int version, struct jr_course_view *out)
{
	struct jr_help_request h;
	char name[33];
	enum jr_app_tx tx;
	enum jr_err err;
	bool fits;

	if (user_id < 0)
		return jr_app_fail(app, JR_ERR_INPUT, "user_id",
				   "geef het nummer van een consulent, of null om de toewijzing op "
				   "te heffen");
	if ((err = jr_app_help_request_reach(app, id, true)))
		return err;
	if (app->principal && !jr_app_access_may(app->principal, JR_CAP_WORK_LIST))
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "alleen een consulent van de gemeente wijst een hulpvraag toe");
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = jr_store_help_request_get(app->store, app->actor, id, &h);
	if (err == JR_ERR_NOT_FOUND) {
		err = jr_app_fail(app, err, NULL, "hulpvraag niet gevonden: geen hulpvraag met dit "
						  "nummer");
		goto out;
	}
	if (err)
		goto out;
	if (app->principal && strcmp(app->principal->municipality, h.municipality) != 0) {
		err = jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				  "alleen een consulent van de gemeente van de hulpvraag (%s) wijst "
				  "haar toe",
				  h.municipality);
		goto out;
	}
	if (h.version != version) {
		err = jr_app_fail(app, JR_ERR_CONFLICT, "version",
				  "de hulpvraag is intussen gewijzigd; lees opnieuw en geef de "
				  "nieuwe versie");
		goto out;
	}
	if (user_id) {
		if ((err = jr_store_assignee_fits(app->store, h.municipality, user_id, &fits,
						  name)))
			goto out;
		if (!fits) {
			err = name[0] ? jr_app_fail(app, JR_ERR_INPUT, "user_id",
						    "%s is geen actieve consulent van het lokale "
						    "team van de gemeente van de hulpvraag (%s)",
						    name, h.municipality)
				      : jr_app_fail(app, JR_ERR_INPUT, "user_id",
						    "gebruiker %lld niet gevonden",
						    (long long)user_id);
			goto out;
		}
	}
	if (h.assignee_id != user_id) {
		err = jr_store_help_request_assign(app->store, app->actor, &h, user_id);
		if (err == JR_ERR_CONFLICT)
			err = jr_app_fail(app, err, "version",
					  "de hulpvraag is intussen gewijzigd; lees opnieuw en geef "
					  "de nieuwe versie");
	}
	if (!err)
		err = jr_app_help_request_get(app, id, out);
out:
	return jr_app_tx_end(app, tx, err);
}
