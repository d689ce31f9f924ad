/* figures: the regional figures of issue 4 §4 (report/figures.c) for a period, per municipality
 * and for the region — the one use case behind `jeugdroute figures` and GET /api/v1/figures.
 *
 * The figures are a published table, not a record: report/ makes it, with the small cells
 * suppressed together with the figures they could be recomputed from; the JSON and the CSV hide
 * the same ones. So this use case returns the table as report/ writes it, and the adapters send
 * it as it is. */
#ifndef JR_APP_FIGURES_H
#define JR_APP_FIGURES_H

#include "app/app.h"
#include "core/buf.h"

enum jr_app_figures_format {
	JR_APP_FIGURES_JSON,
	JR_APP_FIGURES_CSV, /* semicolons, one line per municipality and figure */
};

/* Appends the figures of `from` to `to` (inclusive; from <= to) to `out`. Municipalities are
 * named from app->policies (may be NULL: no names). JR_ERR_FORBIDDEN for a role without the
 * figures; JR_ERR_INPUT when from > to; JR_ERR_TOO_BIG when the records hold more
 * municipalities than a region has; each explained in app->diag. */
enum jr_err jr_app_figures(struct jr_app *app, jr_day from, jr_day to,
			   enum jr_app_figures_format format, struct jr_buf *out);

#endif
