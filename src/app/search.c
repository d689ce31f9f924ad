/* search: finding a child within one's reach (search.h). */
#include "app/search.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "core/alloc.h"
#include "core/ident.h"
#include "core/text.h"

#define PAGE 64 /* candidates read at a time, their reach at once */
_Static_assert(PAGE <= JR_PERSON_LINKS_MANY && JR_SEARCH_LIMIT <= PAGE, "a page of candidates");

static bool given(const char *s)
{
	return s && *s;
}

/* Appends the kind of a criterion to the audit's "bsn+name" (kinds only, never values). */
static void add_criterion(char criteria[32], const char *kind)
{
	size_t len = strlen(criteria);

	snprintf(criteria + len, 32 - len, "%s%s", len ? "+" : "", kind);
}

/* Reads and checks the criteria into *q (name folded into `name`). */
static enum jr_err read_query(struct jr_app *app, const struct jr_search_input *in,
			      struct jr_person_query *q, char name[JR_NAME_KEY_MAX],
			      char criteria[32])
{
	memset(q, 0, sizeof(*q));
	criteria[0] = '\0';
	if (!given(in->bsn) && !given(in->name) && !given(in->birth_date))
		return jr_app_fail(app, JR_ERR_INPUT, NULL,
				   "geef ten minste één zoekgegeven: BSN, naam of geboortedatum");
	if (given(in->bsn)) {
		if (!jr_bsn_valid(in->bsn, strlen(in->bsn)))
			return jr_app_fail(app, JR_ERR_INPUT, "bsn",
					   "verwacht een geldig BSN (9 cijfers, elfproef)");
		q->bsn = in->bsn;
		add_criterion(criteria, "bsn");
	}
	if (given(in->name)) {
		if (!jr_text_valid(in->name, JR_NAME_KEY_MAX, false))
			return jr_app_fail(app, JR_ERR_INPUT, "name",
					   "verwacht een naam van ten hoogste 255 tekens");
		jr_name_fold(in->name, name, JR_NAME_KEY_MAX);
		if (jr_name_chars(name) < 2)
			return jr_app_fail(app, JR_ERR_INPUT, "name",
					   "geef ten minste 2 letters van de naam");
		q->name = name;
		add_criterion(criteria, "name");
	}
	if (given(in->birth_date)) {
		if (jr_date_parse(in->birth_date, strlen(in->birth_date), &q->birth_date))
			return jr_app_fail(app, JR_ERR_INPUT, "birth_date",
					   "geen bestaande datum; verwacht JJJJ-MM-DD");
		q->has_birth_date = true;
		add_criterion(criteria, "birth_date");
	}
	return JR_OK;
}

enum jr_err jr_app_person_search(struct jr_app *app, const struct jr_search_input *in,
				 struct jr_search_answer *out)
{
	struct jr_person_hit page[PAGE];
	struct jr_person_query q;
	struct jr_open_request *open = NULL;
	char name[JR_NAME_KEY_MAX], after[JR_NAME_KEY_MAX] = "";
	int64_t after_id = 0, ids[PAGE];
	size_t scanned = 0, got, open_count[JR_SEARCH_LIMIT];
	bool seen[PAGE];
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_READ)))
		return err;
	if ((err = read_query(app, in, &q, name, out->criteria)))
		return err;
	q.linked = app->principal; /* a user: only candidates the records link to it at all */
	/* page through the candidates in name order until the limit is met (one more, to know
	 * there are more) among those in reach; each page's reach is read at once */
	do {
		if ((err = jr_store_person_candidates(app->store, &q, after, after_id, page, PAGE,
						      &got)))
			return err;
		for (size_t i = 0; i < got; i++) {
			ids[i] = page[i].id;
			seen[i] = true;
		}
		if (app->principal &&
		    (err = jr_app_access_sees_people(app->store, app->principal, app->policies, ids,
						     got, app->today, seen)))
			return err;
		for (size_t i = 0; i < got; i++) {
			scanned++;
			if (!seen[i])
				continue;
			if (out->count == JR_SEARCH_LIMIT) {
				out->more = true;
				goto found;
			}
			out->results[out->count++].person = page[i];
		}
		if (got) {
			memcpy(after, page[got - 1].sort, sizeof(after));
			after_id = page[got - 1].id;
		}
		/* a user's search that looks at many without filling the page stops; the answer
		 * asks to refine it rather than keep reading the register */
		if (got == PAGE && app->principal && scanned >= JR_SEARCH_SCAN_MAX) {
			out->more = true;
			break;
		}
	} while (got == PAGE);
found:
	for (size_t i = 0; i < out->count; i++)
		ids[i] = out->results[i].person.id;
	open = jr_calloc(JR_SEARCH_LIMIT * JR_SEARCH_OPEN_MAX, sizeof(*open));
	if (!open)
		return JR_ERR_NOMEM;
	if ((err = jr_store_open_help_requests(app->store, ids, out->count, open,
					       JR_SEARCH_OPEN_MAX, open_count)))
		goto out;
	for (size_t i = 0; i < out->count; i++) {
		struct jr_search_result *r = &out->results[i];
		r->age = jr_date_age_years(r->person.birth_date, app->today);
		r->open_count = open_count[i];
		memcpy(r->open, &open[i * JR_SEARCH_OPEN_MAX], sizeof(r->open));
	}
	/* NEN 7513: who searched, with which kinds of criteria, and whom it showed */
	err = jr_store_person_search_audit(app->store, app->actor, out->criteria, ids, out->count);
out:
	jr_free(open);
	return err;
}
