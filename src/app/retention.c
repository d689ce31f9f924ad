/* retention: the retention period's candidates, and their erasure (retention.h). */
#include "app/retention.h"

#include "core/alloc.h"

static enum jr_err operator_only(struct jr_app *app)
{
	if (app->principal)
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
		                   "dossiers na de bewaartermijn wissen gebeurt alleen op de "
		                   "opdrachtregel (jeugdroute retention)");
	return JR_OK;
}

enum jr_err jr_app_retention_candidates(struct jr_app *app, jr_day date, jr_retention_fn fn,
                                        void *ctx)
{
	enum jr_err err;

	if ((err = operator_only(app)))
		return err;
	return jr_store_retention_candidates(app->store, app->actor,
	                                     jr_date_add_years(date, -JR_RETENTION_YEARS), fn, ctx);
}

/* The candidates' ids, collected first and erased after: the scan's transaction must end
 * before the erasing ones begin. */
struct ids {
	int64_t *id;
	size_t count, cap;
};

static enum jr_err collect(void *arg, int64_t child, jr_day last)
{
	struct ids *ids = arg;

	(void)last;
	if (ids->count == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 64;
		int64_t *n = jr_realloc(ids->id, cap * sizeof(*n));
		if (!n)
			return JR_ERR_NOMEM;
		ids->id = n;
		ids->cap = cap;
	}
	ids->id[ids->count++] = child;
	return JR_OK;
}

enum jr_err jr_app_retention_erase(struct jr_app *app, jr_day date, jr_erased_fn fn, void *ctx)
{
	struct ids ids = {0};
	enum jr_err err = jr_app_retention_candidates(app, date, collect, &ids);

	for (size_t i = 0; !err && i < ids.count; i++) {
		err = jr_store_erase_child(app->store, app->actor, ids.id[i]);
		if (!err)
			err = fn(ctx, ids.id[i]);
	}
	jr_free(ids.id);
	return err;
}
