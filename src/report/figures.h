/* figures: the regional figures the region's policy is steered by (issue 4 §4), from the raw
 * counts of the store, per municipality and for the region as a whole:
 *
 *   help requests; the share settled without youth care (in the social base); children in youth
 *   care per form; the light-to-heavy mix (forms 1-3 against 4-10); children away from home
 *   (forms 5-8); compulsory against voluntary allocations; the referrer mix (COD327); waiting
 *   times from referral to allocation and from allocation to start of care (median and 90th
 *   percentile, in days); outcomes of care that ended (goals reached, partly, not; going on
 *   without help); children with a repeat request.
 *
 * Small cells are suppressed so that no child can be recognised: a count of 1 to 4 is null, and
 * so is a share or waiting time computed over fewer than 5, and a share whose numerator or
 * complement is 1 to 4 (3 of 40 is a small cell too). Then, because totals and shares would let
 * a reader work hidden cells out again, as few other figures as needed are hidden as well
 * (secondary suppression, report/suppress.c; the method in docs/security.md): every hidden cell
 * of 1 to 4 can, as far as anyone can tell from what is shown, be 5 or more, and no hidden figure
 * can be recomputed. A null does not say why it is null: that would tell which cells are small.
 * JSON and CSV hide exactly the same figures. Deterministic. Pure functions: no I/O. */
#ifndef JR_REPORT_FIGURES_H
#define JR_REPORT_FIGURES_H

#include <stddef.h>

#include "core/buf.h"
#include "store/store.h"

#define JR_FIGURES_SMALL 5 /* counts below this (but above 0) are suppressed */
/* At most this many municipalities in one table (a region's most); more: JR_ERR_TOO_BIG. */
#define JR_FIGURES_MAX_ROWS JR_MUNICIPALITY_MAX

/* The name of a municipality by CBS code, or NULL (the caller's policies). */
typedef const char *(*jr_municipality_name_fn)(void *ctx, const char *code);

/* Appends the figures as JSON, through the JSON writer (json/json_writer.h), and a newline:
 * {"period":…, "suppressed_below":5, "rows":[…, region last]}; a suppressed figure is null. JR_ERR_TOO_BIG beyond JR_FIGURES_MAX_ROWS municipalities. */
enum jr_err jr_figures_json(struct jr_buf *out, const struct jr_figures_raw *rows, size_t count,
			    jr_day from, jr_day to, jr_municipality_name_fn name, void *ctx);
/* Appends the same as CSV (semicolons, as Dutch spreadsheets expect): one line per municipality
 * and figure — municipality code; name; figure; value — suppressed cells empty (the same ones
 * as in the JSON). */
enum jr_err jr_figures_csv(struct jr_buf *out, const struct jr_figures_raw *rows, size_t count,
			   jr_municipality_name_fn name, void *ctx);

/* One period of a series: its label ("2026-03", "2026-K1", "2026"), its days and the raw counts
 * of the region's municipalities in it. */
struct jr_figures_period {
	char label[16];
	jr_day from, to;
	const struct jr_figures_raw *rows;
	size_t count;
};

/* What a series is of: the region's id, the whole period and the grain's word. */
struct jr_figures_series_head {
	const char *region;
	jr_day from, to;
	const char *grain;
};

/* ---- the published pattern: whole calendar years -------------------------------------------
 *
 * Whatever a reader asks — one month, a quarter, a year, a series of any of them — is cut from
 * one pattern of hidden cells, made over whole calendar years: every month, quarter and year
 * table of the region, each suppressed on its own (as jr_figures_json's table) and then
 * together, so that a hidden cell cannot be worked out from the tables of other periods either
 * (a quarter minus two of its months, a year minus its other quarters; docs/figures.md,
 * suppression step 4). Periods that are not a month, a quarter or a calendar year are not
 * published: their totals would be new margins. */
enum jr_figures_level { JR_FIGURES_MONTH, JR_FIGURES_QUARTER, JR_FIGURES_YEAR };

struct jr_figures_years;

/* Makes the pattern of `years` consecutive calendar years from their periods: levels[0] the
 * 12 × years months from the first January, levels[1] the 4 × years quarters, levels[2] the
 * years; every period with the same municipalities in the same order (else JR_ERR_INPUT). The
 * periods (labels, days, rows) must outlive *out, which is owned: jr_figures_years_release,
 * also after an error. */
enum jr_err jr_figures_years_make(const struct jr_figures_period *const levels[3], size_t years,
				  struct jr_figures_years **out);
void jr_figures_years_release(struct jr_figures_years *y);

/* Appends periods first..first+n-1 of a level as a series, JSON and a newline:
 * {"region","from","to","grain","suppressed_below","series":[{"period","from","to","rows":[…,
 * region last]}]}; or as CSV: gemeentecode;gemeente;periode;indicator;waarde (the region's
 * total with an empty code and the name "regio"), suppressed cells empty. JR_ERR_INPUT for
 * periods outside the pattern. */
enum jr_err jr_figures_years_series_json(struct jr_buf *out, const struct jr_figures_years *y,
					 const struct jr_figures_series_head *head,
					 enum jr_figures_level level, size_t first, size_t n,
					 jr_municipality_name_fn name, void *ctx);
enum jr_err jr_figures_years_series_csv(struct jr_buf *out, const struct jr_figures_years *y,
					enum jr_figures_level level, size_t first, size_t n,
					jr_municipality_name_fn name, void *ctx);
/* Appends the table of one period of a level as jr_figures_json and jr_figures_csv write it,
 * with the pattern's hidden cells. */
enum jr_err jr_figures_years_table_json(struct jr_buf *out, const struct jr_figures_years *y,
					enum jr_figures_level level, size_t index,
					jr_municipality_name_fn name, void *ctx);
enum jr_err jr_figures_years_table_csv(struct jr_buf *out, const struct jr_figures_years *y,
				       enum jr_figures_level level, size_t index,
				       jr_municipality_name_fn name, void *ctx);
/* One published figure (its JSON key, e.g. "settled_without_youth_care_share") of a row (a
 * municipality by index, or the region at index count) of one period: true and *value when it
 * is shown, false when it is hidden, not over anything, or unknown. So other tables (the
 * monitor's targets) publish a figure only where the pattern shows it. */
bool jr_figures_years_value(const struct jr_figures_years *y, enum jr_figures_level level,
			    size_t index, size_t row, const char *figure, double *value);

#endif
