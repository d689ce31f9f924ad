/* figures: the regional figures as one use case (see figures.h). */
#include "app/figures.h"

#include <string.h>

#include "app/access.h"
#include "json/policy_set.h"
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

/* A user of a regional organisation that sits in a municipality (the regional office of a
 * region) sees its own region's figures only: the rows of the municipalities of the region that
 * policy of that municipality describes, moved to the front (the others after them, still to be
 * released). Without a municipality (the command line, an office of no region) every row
 * counts. Returns how many rows count. */
static size_t own_region(const struct jr_app *app, struct jr_figures_raw *rows, size_t count,
			 jr_day day)
{
	const struct jr_policy *own, *pol;
	size_t kept = 0;

	if (!app->principal || !app->principal->municipality[0] || !app->policies ||
	    !(own = jr_policy_set_find(app->policies, app->principal->municipality, day)))
		return count;
	for (size_t i = 0; i < count; i++) {
		pol = jr_policy_set_find(app->policies, rows[i].municipality, day);
		if (pol && strcmp(pol->id, own->id) == 0) {
			if (i != kept) {
				struct jr_figures_raw t = rows[kept];
				rows[kept] = rows[i];
				rows[i] = t;
			}
			kept++;
		}
	}
	return kept;
}

enum jr_err jr_app_figures(struct jr_app *app, jr_day from, jr_day to,
			   enum jr_app_figures_format format, struct jr_buf *out)
{
	struct jr_figures_raw rows[JR_MUNICIPALITY_MAX * 4];
	struct names ctx = {app->policies, to};
	void *names = &ctx;
	size_t count = 0, kept;
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_FIGURES)))
		return err;
	if (from > to)
		return jr_app_fail(app, JR_ERR_INPUT, "from", "het begin ligt na het einde");
	if ((err = jr_store_figures(app->store, app->actor, from, to, rows,
				    sizeof(rows) / sizeof(rows[0]), &count)))
		return err;
	kept = own_region(app, rows, count, to);
	err = format == JR_APP_FIGURES_CSV
		      ? jr_figures_csv(out, rows, kept, municipality_name, names)
		      : jr_figures_json(out, rows, kept, from, to, municipality_name, names);
	jr_store_figures_release(rows, count);
	if (err == JR_ERR_TOO_BIG)
		return jr_app_fail(app, err, NULL,
				   "de cijfers zijn per regio: de gegevens gaan over meer dan %d "
				   "gemeenten, meer dan één regio heeft",
				   JR_FIGURES_MAX_ROWS);
	return err;
}
