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

/* ---- series: one region, a period cut into months, quarters or years (docs/figures.md) ---- */

enum jr_app_figures_grain {
	JR_APP_FIGURES_MONTH,   /* "maand" */
	JR_APP_FIGURES_QUARTER, /* "kwartaal" */
	JR_APP_FIGURES_YEAR,    /* "jaar" */
};

/* At most this many periods in one series (ten years of months). */
#define JR_APP_FIGURES_PERIODS_MAX 120

struct jr_app_figures_query {
	char region[JR_ID_MAX]; /* a region id of the policies; "" = the user's own region */
	jr_day from, to;        /* inclusive */
	enum jr_app_figures_grain grain;
};

/* Parses a grain word ("maand", "kwartaal", "jaar"); JR_ERR_INPUT for any other. */
enum jr_err jr_app_figures_grain_parse(const char *text, enum jr_app_figures_grain *out);
/* The word of a grain ("maand", …). */
const char *jr_app_figures_grain_word(enum jr_app_figures_grain grain);

/* Appends the series of figures of one region — only that region's municipalities, each period
 * a table of its own with the region's total, suppressed as jr_app_figures' table is — as
 * {"region","from","to","grain","suppressed_below","series":[{"period","from","to","rows"}]},
 * or as CSV (gemeentecode;gemeente;periode;indicator;waarde). Periods follow the calendar
 * (a month, a quarter, a year), the first and last cut to from..to. JR_ERR_INPUT naming
 * "from" (to before from), "to" (more than JR_APP_FIGURES_PERIODS_MAX periods) or "region"
 * (unknown; or none given where the user has no region); JR_ERR_FORBIDDEN for a role without
 * the figures or for another region than the user's own. */
enum jr_err jr_app_figures_series(struct jr_app *app, const struct jr_app_figures_query *q,
				  enum jr_app_figures_format format, struct jr_buf *out);

#endif
