/* monitor: the Regiovisie monitor's tables (issue 16; docs/monitor.md) — targets with their
 * state ("op koers", "niet op koers", "onbekend"), costs against budgets, the waiting list and
 * the waits per month, contracted places against occupancy — each with the small cells
 * suppressed (report/suppress.c) together with the figures they could be worked out from.
 *
 * A table is columns and rows of cells kept as text (a number column holds a number's JSON
 * spelling); a hidden or missing cell is null. Pure: no I/O; the store's rows come in, the
 * tables go out as JSON, CSV (semicolons) or text. */
#ifndef JR_REPORT_MONITOR_H
#define JR_REPORT_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/monitor.h"
#include "core/policy.h"
#include "store/monitor.h"

#define JR_MON_SMALL 5 /* counts of 1..4 are hidden, as in the figures */
#define JR_MON_CELL_MAX 176
#define JR_MON_ROWS_MAX 100000

enum jr_mon_state { JR_MON_STATE_UNKNOWN, JR_MON_STATE_ON_TRACK, JR_MON_STATE_OFF_TRACK };

/* "onbekend", "op koers", "niet op koers" */
const char *jr_mon_state_label(enum jr_mon_state s);
/* "unknown", "on_track", "off_track" */
const char *jr_mon_state_name(enum jr_mon_state s);

/* The target line of `t` for `year`, for the region (municipality -1) or the municipality at
 * that index of the policy: the baseline in its year; a relative target compounds
 * change_percent a year; values per year are linear between the known points and the last
 * value after the last year. A count's line for a municipality starts from the municipality's
 * own baseline (values per year scaled by it). False when there is no line: a year before the
 * baseline, a count without the municipality's baseline. */
bool jr_mon_target_line(const struct jr_mon_target *t, int municipality, int year, double *out);

/* On track when the value is as good as the line or better (higher or lower as the indicator
 * wants); unknown without a value or a line. */
enum jr_mon_state jr_mon_on_track(enum jr_mon_indicator i, bool has_value, double value,
				  bool has_line, double line);

/* Secondary suppression of a table of counts with its row totals, column totals and grand
 * total all published: cells[r * cols + c]. Fills the hidden flags (cell_hidden rows*cols,
 * row_hidden rows, col_hidden cols). Counts of 1..JR_MON_SMALL-1 are hidden, and as few other
 * counts as needed so that none of them can be worked out from the rest. */
enum jr_err jr_mon_suppress_grid(size_t rows, size_t cols, const int64_t *cells,
				 bool *cell_hidden, bool *row_hidden, bool *col_hidden,
				 bool *grand_hidden);

/* The median of a list of days (sorted in place); n > 0. */
int jr_mon_median(int *days, size_t n);

struct jr_mon_col {
	const char *key;   /* JSON key */
	const char *label; /* Dutch column name (CSV, text) */
	bool number;
};

struct jr_mon_table {
	const char *name;  /* "targets", "costs_municipality_form", ... */
	const char *title; /* Dutch */
	const struct jr_mon_col *cols;
	size_t ncols, nrows, caprows;
	char *cells; /* nrows * ncols * JR_MON_CELL_MAX */
	bool *null;
};

void jr_mon_table_init(struct jr_mon_table *t, const char *name, const char *title,
		       const struct jr_mon_col *cols, size_t ncols);
void jr_mon_table_release(struct jr_mon_table *t);
/* Appends a row of null cells; its index in *row. JR_ERR_TOO_BIG beyond JR_MON_ROWS_MAX. */
enum jr_err jr_mon_table_row(struct jr_mon_table *t, size_t *row);
void jr_mon_table_text(struct jr_mon_table *t, size_t row, size_t col, const char *s);
void jr_mon_table_int(struct jr_mon_table *t, size_t row, size_t col, int64_t v);
void jr_mon_table_num(struct jr_mon_table *t, size_t row, size_t col, double v, int decimals);
/* Euro cents as euros with two decimals. */
void jr_mon_table_euro(struct jr_mon_table *t, size_t row, size_t col, int64_t cents);
/* The cell's text, NULL when null. */
const char *jr_mon_table_get(const struct jr_mon_table *t, size_t row, size_t col);

enum jr_mon_format { JR_MON_JSON, JR_MON_CSV, JR_MON_TEXT };

/* Writes `what` ("targets", ...), the region and the period words (`period_key`: "year" or
 * "date", `period` its value) and the tables in `format`. */
enum jr_err jr_mon_write(struct jr_buf *out, enum jr_mon_format format, const char *what,
			 const struct jr_policy *p, const char *period_key, const char *period,
			 const struct jr_mon_table *tables, size_t ntables);

/* What the published figures of a year (report/figures.h, their pattern of hidden cells) show
 * of one row for a target: whether it is shown, and its parts (a share's numerator and
 * denominator) or value (a wait). */
struct jr_mon_published {
	bool shown[JR_MON_INDICATOR_COUNT];
	int64_t num[JR_MON_INDICATOR_COUNT], den[JR_MON_INDICATOR_COUNT];
	double value[JR_MON_INDICATOR_COUNT];
};

/* Targets: one row per municipality of `p` and indicator with a target, then the region's.
 * rows are the store's counts (any order; municipalities not of `p` are left out). With
 * `published` (p->municipality_count rows in the policy's order, then the region's), every
 * target the figures also publish (all but the secure admissions) takes its value from there
 * and is shown only where the figures show it, so the monitor and the figures cannot be set
 * against each other; without it (NULL), the targets table is suppressed on its own. */
enum jr_err jr_mon_targets(const struct jr_policy *p, int year, const struct jr_mon_counts *rows,
			   size_t count, const struct jr_mon_published *published,
			   struct jr_mon_table *t);

/* Costs: collected per municipality of the policy and form, and per provider. */
struct jr_mon_cost_cell {
	int64_t allocations, expected_cents, actual_cents, without_tariff;
};
struct jr_mon_cost_provider {
	int64_t provider_id;
	char name[JR_MON_PROVIDER_NAME_MAX];
	struct jr_mon_cost_cell c;
};
struct jr_mon_costs {
	const struct jr_policy *p;
	int year;
	struct jr_mon_cost_cell cell[JR_MUNICIPALITY_MAX][JR_FORM_COUNT + 1];
	struct jr_mon_cost_provider *providers;
	size_t nproviders, capproviders;
};
void jr_mon_costs_init(struct jr_mon_costs *c, const struct jr_policy *p, int year);
void jr_mon_costs_release(struct jr_mon_costs *c);
/* The store's callbacks (ctx: struct jr_mon_costs *). */
enum jr_err jr_mon_costs_alloc(void *ctx, const struct jr_mon_alloc *al);
enum jr_err jr_mon_costs_claim(void *ctx, const struct jr_mon_claim *cl);
/* Three tables: per municipality against its budget (and the main provider's), per
 * municipality and form, per provider. t[3] initialised here. */
enum jr_err jr_mon_costs_tables(const struct jr_mon_costs *c, struct jr_mon_table t[3]);

/* The waiting list on a day and the waits per month. */
struct jr_mon_waiting_acc {
	const struct jr_policy *p;
	jr_day day;
	struct jr_mon_cost_provider *rows; /* c.allocations per provider: reused as counts */
	size_t nrows, caprows;
	int64_t (*by)[JR_FORM_COUNT + 1]; /* rows x forms */
	int *month_days[12];
	size_t month_count[12], month_cap[12];
	int month_year[12], month_month[12];
};
void jr_mon_waiting_init(struct jr_mon_waiting_acc *w, const struct jr_policy *p, jr_day day);
void jr_mon_waiting_release(struct jr_mon_waiting_acc *w);
enum jr_err jr_mon_waiting_item(void *ctx, const struct jr_mon_waiting *it);
enum jr_err jr_mon_waiting_wait(void *ctx, const struct jr_mon_wait *it);
/* The first day of the twelve months the series covers. */
jr_day jr_mon_waiting_from(jr_day day);
/* Two tables: the list by provider and form, the waits per month. */
enum jr_err jr_mon_waiting_tables(struct jr_mon_waiting_acc *w, struct jr_mon_table t[2]);

/* Capacity: rows of the store, by provider and form. */
struct jr_mon_capacity_acc {
	struct jr_mon_capacity *rows;
	size_t nrows, caprows;
};
enum jr_err jr_mon_capacity_item(void *ctx, const struct jr_mon_capacity *c);
void jr_mon_capacity_release(struct jr_mon_capacity_acc *c);
enum jr_err jr_mon_capacity_table(const struct jr_policy *p, const struct jr_mon_capacity_acc *c,
				  struct jr_mon_table *t);

#endif
