/* figures: the regional figures as one use case (see figures.h). */
#include "app/figures.h"

#include "app/access.h"
#include "core/region.h"
#include "report/figures.h"

/* Names as the version in force at the end of the period names them (principle 11). */
struct names {
	const struct jr_policy_set *set;
	jr_day day;
};

static const char *municipality_name(void *ctx, const char *code)
{
	const struct names *n = ctx;

	return jr_region_municipality_name(n->set, code, n->day);
}

enum jr_err jr_app_figures(struct jr_app *app, jr_day from, jr_day to,
			   enum jr_app_figures_format format, struct jr_buf *out)
{
	struct jr_figures_raw rows[JR_MUNICIPALITY_MAX * 4];
	struct names ctx = {app->policies, to};
	void *names = &ctx;
	size_t count = 0;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_FIGURES)))
		return err;
	if (from > to)
		return jr_app_fail(app, JR_ERR_INPUT, "from", "het begin ligt na het einde");
	if ((err = jr_store_figures(app->store, app->actor, from, to, rows,
				    sizeof(rows) / sizeof(rows[0]), &count)))
		return err;
	err = format == JR_APP_FIGURES_CSV
		      ? jr_figures_csv(out, rows, count, municipality_name, names)
		      : jr_figures_json(out, rows, count, from, to, municipality_name, names);
	jr_store_figures_release(rows, count);
	if (err == JR_ERR_TOO_BIG)
		return jr_app_fail(app, err, NULL,
				   "de cijfers zijn per regio: de gegevens gaan over meer dan %d "
				   "gemeenten, meer dan één regio heeft",
				   JR_FIGURES_MAX_ROWS);
	return err;
}
