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
#include "report/figures.h"

enum jr_app_figures_format {
	JR_APP_FIGURES_JSON,
	JR_APP_FIGURES_CSV, /* semicolons, one line per municipality and figure */
};

/* ---- one region, a period, as one table or as a series of months, quarters or years
 * (docs/figures.md) ---- */

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

/* Appends the table of one region for one period — a month, a quarter or a calendar year,
 * from its first to its last day — per municipality and for the region, as
 * {"period":{"from","to"},"suppressed_below","rows":[…, region last]} or CSV
 * (gemeente;naam;cijfer;waarde); q->grain is not used. Cut from the region's published pattern
 * of that year (report/figures.h), as every series is. The region: q->region, else the user's
 * own, else (the command line) the only region of the policies. JR_ERR_INPUT naming "from"
 * (after to, or not one month, quarter or year) or "region" (unknown, or none to be found);
 * JR_ERR_FORBIDDEN for a role without the figures or another region than the user's own. */
enum jr_err jr_app_figures(struct jr_app *app, const struct jr_app_figures_query *q,
			   enum jr_app_figures_format format, struct jr_buf *out);

/* Parses a grain word ("maand", "kwartaal", "jaar"); JR_ERR_INPUT for any other. */
enum jr_err jr_app_figures_grain_parse(const char *text, enum jr_app_figures_grain *out);
/* The word of a grain ("maand", …). */
const char *jr_app_figures_grain_word(enum jr_app_figures_grain grain);

/* Appends the series of figures of one region — only that region's municipalities, each period
 * a table of its own with the region's total, suppressed as jr_app_figures' table is — as
 * {"region","from","to","grain","suppressed_below","series":[{"period","from","to","rows"}]},
 * or as CSV (gemeentecode;gemeente;periode;indicator;waarde). Periods follow the calendar
 * (a month, a quarter, a year) and are whole: from goes back to the first day of its period,
 * to on to the last day of its own (the answer's from and to say so). Cut from the region's
 * published pattern of those years, as jr_app_figures is. JR_ERR_INPUT naming "from" (to
 * before from), "to" (more than JR_APP_FIGURES_PERIODS_MAX periods, or more than ten calendar
 * years) or "region" (unknown; or none to be found); JR_ERR_FORBIDDEN for a role without the
 * figures or for another region than the user's own. */
enum jr_err jr_app_figures_series(struct jr_app *app, const struct jr_app_figures_query *q,
				  enum jr_app_figures_format format, struct jr_buf *out);

/* ---- the pattern itself, for other tables that publish the same figures ---- */

/* The published pattern of one region over whole calendar years (report/figures.h): every
 * month, quarter and year of first_year .. first_year + years - 1, read from the store once per
 * level. Whatever is answered is cut from it, so that no two answers can be set against each
 * other to work out a hidden cell; other tables of the same figures (the monitor's targets)
 * take their values from it. period[level][i].rows hold the region's municipalities in the
 * pattern's row order. No access check: the callers have made theirs. */
struct jr_app_figures_pattern {
	int first_year;
	size_t years;
	struct jr_figures_period *period[3];
	struct jr_figures_raw *all[3]; /* the store's rows, of every municipality */
	size_t *nall[3];
	struct jr_figures_raw *rows[3]; /* the region's rows per period */
	struct jr_figures_years *y;
};

/* Fills *pt (release it also after an error). JR_ERR_TOO_BIG: more municipalities than a
 * region has. */
enum jr_err jr_app_figures_pattern_make(struct jr_app *app, const char *region, int first_year,
					size_t years, struct jr_app_figures_pattern *pt);
void jr_app_figures_pattern_release(struct jr_app_figures_pattern *pt);

#endif
