/* monitor: the Regiovisie monitor's tables (see monitor.h and docs/monitor.md). */
#include "report/monitor.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "json/json_writer.h"
#include "report/suppress.h"

const char *jr_mon_state_label(enum jr_mon_state s)
{
	return s == JR_MON_STATE_ON_TRACK    ? "op koers"
	       : s == JR_MON_STATE_OFF_TRACK ? "niet op koers"
					     : "onbekend";
}

const char *jr_mon_state_name(enum jr_mon_state s)
{
	return s == JR_MON_STATE_ON_TRACK    ? "on_track"
	       : s == JR_MON_STATE_OFF_TRACK ? "off_track"
					     : "unknown";
}

bool jr_mon_target_line(const struct jr_mon_target *t, int municipality, int year, double *out)
{
	double base = t->baseline_value, scale = 1, v;
	int prev_year;
	double prev;

	*out = 0;
	if (year < t->baseline_year)
		return false;
	if (municipality >= 0) {
		if (municipality >= JR_MON_MUNICIPALITY_MAX)
			return false;
		if (t->has_municipal_baseline[municipality]) {
			base = t->municipal_baseline[municipality];
			if (jr_mon_indicator_is_count(t->indicator))
				scale = t->baseline_value > 0 ? base / t->baseline_value : 0;
		} else if (jr_mon_indicator_is_count(t->indicator)) {
			return false;
		}
	}
	if (t->relative) {
		v = base;
		for (int y = t->baseline_year; y < year; y++)
			v *= 1 + t->change_percent / 100;
		*out = v;
		return true;
	}
	prev_year = t->baseline_year;
	prev = base;
	for (size_t i = 0; i < t->point_count; i++) {
		double pv = t->points[i].value * scale;
		if (year <= t->points[i].year) {
			*out = prev + (pv - prev) * (year - prev_year) /
					      (t->points[i].year - prev_year);
			return true;
		}
		prev_year = t->points[i].year;
		prev = pv;
	}
	*out = prev;
	return true;
}

enum jr_mon_state jr_mon_on_track(enum jr_mon_indicator i, bool has_value, double value,
				  bool has_line, double line)
{
	const double eps = 1e-9;

	if (!has_value || !has_line)
		return JR_MON_STATE_UNKNOWN;
	if (jr_mon_indicator_higher_is_better(i))
		return value + eps >= line ? JR_MON_STATE_ON_TRACK : JR_MON_STATE_OFF_TRACK;
	return value <= line + eps ? JR_MON_STATE_ON_TRACK : JR_MON_STATE_OFF_TRACK;
}

enum jr_err jr_mon_suppress_grid(size_t rows, size_t cols, const int64_t *cells,
				 bool *cell_hidden, bool *row_hidden, bool *col_hidden,
				 bool *grand_hidden)
{
	struct jr_sup s;
	struct jr_sup_term *terms = NULL;
	int *cu = NULL, *cc = NULL, *ru = NULL, *rc = NULL, *ku = NULL, *kc = NULL, gu, gc;
	int64_t grand = 0, *rowsum = NULL, *colsum = NULL;
	size_t n = rows * cols, k;
	enum jr_err err = JR_OK;

	jr_sup_init(&s, JR_MON_SMALL);
	*grand_hidden = false;
	if (rows == 0 || cols == 0)
		goto out;
	if (n + rows + cols + 1 > JR_SUP_MAX_CELLS) {
		err = JR_ERR_TOO_BIG;
		goto out;
	}
	cu = jr_calloc(n, sizeof(*cu));
	cc = jr_calloc(n, sizeof(*cc));
	ru = jr_calloc(rows, sizeof(*ru));
	rc = jr_calloc(rows, sizeof(*rc));
	ku = jr_calloc(cols, sizeof(*ku));
	kc = jr_calloc(cols, sizeof(*kc));
	rowsum = jr_calloc(rows, sizeof(*rowsum));
	colsum = jr_calloc(cols, sizeof(*colsum));
	terms = jr_calloc((rows > cols ? rows : cols) + 1, sizeof(*terms));
	if (!cu || !cc || !ru || !rc || !ku || !kc || !rowsum || !colsum || !terms) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < cols; c++) {
			rowsum[r] += cells[r * cols + c];
			colsum[c] += cells[r * cols + c];
			grand += cells[r * cols + c];
		}
	/* hiding a cell costs least, a total more, the grand total most */
	for (size_t i = 0; i < n; i++)
		if ((err = jr_sup_unit(&s, 1, &cu[i])) ||
		    (err = jr_sup_cell(&s, cu[i], 0, (int)(i / cols), cells[i], 1, &cc[i])))
			goto out;
	/* a line of one cell is its own total: the cell stands for it (a second unit of the same
	 * count would let the programme move one without the other) */
	for (size_t r = 0; r < rows; r++) {
		if (cols == 1) {
			ru[r] = cu[r];
			rc[r] = cc[r];
		} else if ((err = jr_sup_unit(&s, 4, &ru[r])) ||
			   (err = jr_sup_cell(&s, ru[r], 0, -1, rowsum[r], 1, &rc[r]))) {
			goto out;
		}
	}
	for (size_t c = 0; c < cols; c++) {
		if (rows == 1) {
			ku[c] = cu[c];
			kc[c] = cc[c];
		} else if ((err = jr_sup_unit(&s, 4, &ku[c])) ||
			   (err = jr_sup_cell(&s, ku[c], 0, -1, colsum[c], 1, &kc[c]))) {
			goto out;
		}
	}
	if (cols == 1 || rows == 1) { /* the one column's (or row's) total is the grand total */
		gu = cols == 1 ? ku[0] : ru[0];
		gc = cols == 1 ? kc[0] : rc[0];
	} else if ((err = jr_sup_unit(&s, 16, &gu)) ||
		   (err = jr_sup_cell(&s, gu, 0, -1, grand, 1, &gc))) {
		goto out;
	}
	for (size_t r = 0; r < rows && cols > 1; r++) {
		for (k = 0; k < cols; k++)
			terms[k] = (struct jr_sup_term){.cell = cc[r * cols + k], .coef = 1};
		terms[k] = (struct jr_sup_term){.cell = rc[r], .coef = -1};
		if ((err = jr_sup_relation(&s, false, false, terms, cols + 1, 0)))
			goto out;
	}
	for (size_t c = 0; c < cols && rows > 1; c++) {
		for (k = 0; k < rows; k++)
			terms[k] = (struct jr_sup_term){.cell = cc[k * cols + c], .coef = 1};
		terms[k] = (struct jr_sup_term){.cell = kc[c], .coef = -1};
		if ((err = jr_sup_relation(&s, false, false, terms, rows + 1, 0)))
			goto out;
	}
	for (k = 0; k < rows; k++)
		terms[k] = (struct jr_sup_term){.cell = rc[k], .coef = 1};
	terms[k] = (struct jr_sup_term){.cell = gc, .coef = -1};
	if (cols > 1 && rows > 1 && (err = jr_sup_relation(&s, false, false, terms, rows + 1, 0)))
		goto out;
	if ((err = jr_sup_run(&s)))
		goto out;
	for (size_t i = 0; i < n; i++)
		cell_hidden[i] = jr_sup_hidden(&s, cu[i]);
	for (size_t r = 0; r < rows; r++)
		row_hidden[r] = jr_sup_hidden(&s, ru[r]);
	for (size_t c = 0; c < cols; c++)
		col_hidden[c] = jr_sup_hidden(&s, ku[c]);
	*grand_hidden = jr_sup_hidden(&s, gu);
out:
	jr_free(cu);
	jr_free(cc);
	jr_free(ru);
	jr_free(rc);
	jr_free(ku);
	jr_free(kc);
	jr_free(rowsum);
	jr_free(colsum);
	jr_free(terms);
	jr_sup_release(&s);
	return err;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int jr_mon_median(int *days, size_t n)
{
	qsort(days, n, sizeof(*days), cmp_int);
	return n % 2 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2] + 1) / 2;
}

/* ---- tables ---- */

void jr_mon_table_init(struct jr_mon_table *t, const char *name, const char *title,
		       const struct jr_mon_col *cols, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->title = title;
	t->cols = cols;
	t->ncols = ncols;
}

void jr_mon_table_release(struct jr_mon_table *t)
{
	JR_FREE(t->cells);
	JR_FREE(t->null);
	t->nrows = t->caprows = 0;
}

enum jr_err jr_mon_table_row(struct jr_mon_table *t, size_t *row)
{
	if (t->nrows >= JR_MON_ROWS_MAX)
		return JR_ERR_TOO_BIG;
	if (t->nrows == t->caprows) {
		size_t ncap = t->caprows ? t->caprows * 2 : 32;
		char *cells = jr_realloc(t->cells, ncap * t->ncols * JR_MON_CELL_MAX);
		bool *null;
		if (!cells)
			return JR_ERR_NOMEM;
		t->cells = cells;
		null = jr_realloc(t->null, ncap * t->ncols * sizeof(*null));
		if (!null)
			return JR_ERR_NOMEM;
		t->null = null;
		t->caprows = ncap;
	}
	*row = t->nrows++;
	for (size_t c = 0; c < t->ncols; c++) {
		t->null[*row * t->ncols + c] = true;
		t->cells[(*row * t->ncols + c) * JR_MON_CELL_MAX] = '\0';
	}
	return JR_OK;
}

__attribute__((format(printf, 4, 5))) static void cell_put(struct jr_mon_table *t, size_t row,
							   size_t col, const char *fmt, ...)
{
	va_list ap;

	if (row >= t->nrows || col >= t->ncols)
		return;
	va_start(ap, fmt);
	vsnprintf(t->cells + (row * t->ncols + col) * JR_MON_CELL_MAX, JR_MON_CELL_MAX, fmt, ap);
	va_end(ap);
	t->null[row * t->ncols + col] = false;
}

void jr_mon_table_text(struct jr_mon_table *t, size_t row, size_t col, const char *s)
{
	cell_put(t, row, col, "%s", s);
}

void jr_mon_table_int(struct jr_mon_table *t, size_t row, size_t col, int64_t v)
{
	cell_put(t, row, col, "%lld", (long long)v);
}

void jr_mon_table_num(struct jr_mon_table *t, size_t row, size_t col, double v, int decimals)
{
	cell_put(t, row, col, "%.*f", decimals, v);
}

void jr_mon_table_euro(struct jr_mon_table *t, size_t row, size_t col, int64_t cents)
{
	int64_t a = cents < 0 ? -cents : cents;
	cell_put(t, row, col, "%s%lld.%02lld", cents < 0 ? "-" : "", (long long)(a / 100),
		 (long long)(a % 100));
}

const char *jr_mon_table_get(const struct jr_mon_table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->ncols || t->null[row * t->ncols + col])
		return NULL;
	return t->cells + (row * t->ncols + col) * JR_MON_CELL_MAX;
}

/* A CSV field: quoted when it holds the separator, a quote or a line end. */
static enum jr_err csv_field(struct jr_buf *out, const char *s)
{
	enum jr_err err = JR_OK;

	if (!strpbrk(s, ";\"\r\n"))
		return jr_buf_append(out, s, strlen(s));
	err = jr_buf_append(out, "\"", 1);
	for (; !err && *s; s++)
		err = *s == '"' ? jr_buf_append(out, "\"\"", 2) : jr_buf_append(out, s, 1);
	return err ? err : jr_buf_append(out, "\"", 1);
}

static enum jr_err write_csv(struct jr_buf *out, const struct jr_mon_table *tables, size_t n)
{
	enum jr_err err = JR_OK;

	for (size_t i = 0; i < n && !err; i++) {
		const struct jr_mon_table *t = &tables[i];
		if (i)
			err = jr_buf_append(out, "\n", 1);
		for (size_t c = 0; c < t->ncols && !err; c++) {
			if (c)
				err = jr_buf_append(out, ";", 1);
			if (!err)
				err = csv_field(out, t->cols[c].label);
		}
		if (!err)
			err = jr_buf_append(out, "\n", 1);
		for (size_t r = 0; r < t->nrows && !err; r++) {
			for (size_t c = 0; c < t->ncols && !err; c++) {
				const char *v = jr_mon_table_get(t, r, c);
				if (c)
					err = jr_buf_append(out, ";", 1);
				if (!err && v)
					err = csv_field(out, v);
			}
			if (!err)
				err = jr_buf_append(out, "\n", 1);
		}
	}
	return err;
}

static enum jr_err write_text(struct jr_buf *out, const char *head,
			      const struct jr_mon_table *tables, size_t n)
{
	enum jr_err err = jr_buf_printf(out, "%s\n", head);

	for (size_t i = 0; i < n && !err; i++) {
		const struct jr_mon_table *t = &tables[i];
		err = jr_buf_printf(out, "\n%s\n", t->title);
		for (size_t r = 0; r < t->nrows && !err; r++) {
			err = jr_buf_append(out, " ", 1);
			for (size_t c = 0; c < t->ncols && !err; c++) {
				const char *v = jr_mon_table_get(t, r, c);
				err = jr_buf_printf(out, " %s: %s%s", t->cols[c].label, v ? v : "–",
						    c + 1 < t->ncols ? ";" : "");
			}
			if (!err)
				err = jr_buf_append(out, "\n", 1);
		}
		if (!err && !t->nrows)
			err = jr_buf_printf(out, "  (geen gegevens)\n");
	}
	return err;
}

enum jr_err jr_mon_write(struct jr_buf *out, enum jr_mon_format format, const char *what,
			 const struct jr_policy *p, const char *period_key, const char *period,
			 const struct jr_mon_table *tables, size_t ntables)
{
	struct jr_json_writer w;
	char head[512];

	if (format == JR_MON_CSV)
		return write_csv(out, tables, ntables);
	if (format == JR_MON_TEXT) {
		snprintf(head, sizeof(head), "Monitor %s — regio %s, %s %s (cellen van 1 tot en met %d "
			 "niet getoond: –)", what, p->name, strcmp(period_key, "year") == 0 ? "jaar"
			 : "peildatum", period, JR_MON_SMALL - 1);
		return write_text(out, head, tables, ntables);
	}
	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "monitor", what);
	jr_jw_kstring(&w, "region", p->id);
	jr_jw_kstring(&w, "region_name", p->name);
	if (strcmp(period_key, "year") == 0) /* a year is a number, as everywhere in the API */
		jr_jw_kint(&w, period_key, strtol(period, NULL, 10));
	else
		jr_jw_kstring(&w, period_key, period);
	jr_jw_kint(&w, "suppressed_below", JR_MON_SMALL);
	jr_jw_key(&w, "tables");
	jr_jw_array(&w);
	for (size_t i = 0; i < ntables; i++) {
		const struct jr_mon_table *t = &tables[i];
		jr_jw_object(&w);
		jr_jw_kstring(&w, "name", t->name);
		jr_jw_kstring(&w, "title", t->title);
		jr_jw_key(&w, "columns");
		jr_jw_array(&w);
		for (size_t c = 0; c < t->ncols; c++) {
			jr_jw_object(&w);
			jr_jw_kstring(&w, "key", t->cols[c].key);
			jr_jw_kstring(&w, "label", t->cols[c].label);
			jr_jw_kbool(&w, "number", t->cols[c].number);
			jr_jw_end(&w);
		}
		jr_jw_end(&w);
		jr_jw_key(&w, "rows");
		jr_jw_array(&w);
		for (size_t r = 0; r < t->nrows; r++) {
			jr_jw_object(&w);
			for (size_t c = 0; c < t->ncols; c++) {
				const char *v = jr_mon_table_get(t, r, c);
				jr_jw_key(&w, t->cols[c].key);
				if (!v)
					jr_jw_null(&w);
				else if (t->cols[c].number)
					jr_jw_raw(&w, v);
				else
					jr_jw_string(&w, v);
			}
			jr_jw_end(&w);
		}
		jr_jw_end(&w);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	jr_jw_end(&w);
	return jr_jw_finish(&w);
}

/* ---- targets ---- */

static const struct jr_mon_col target_cols[] = {
	{"municipality", "gemeentecode", false},
	{"municipality_name", "gemeente", false},
	{"indicator", "indicator", false},
	{"target", "doel", false},
	{"baseline_year", "jaar nulmeting", true},
	{"baseline", "nulmeting", true},
	{"target_value", "streefwaarde", true},
	{"value", "waarde", true},
	{"numerator", "teller", true},
	{"denominator", "noemer", true},
	{"state", "status", false},
	{"state_label", "op koers", false},
};
enum { TC_CODE, TC_NAME, TC_IND, TC_TARGET, TC_BYEAR, TC_BASE, TC_LINE, TC_VALUE, TC_NUM,
       TC_DEN, TC_STATE, TC_LABEL, TC_COUNT };

static const struct jr_mon_counts *counts_of(const struct jr_mon_counts *rows, size_t count,
					     const char *code)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(rows[i].municipality, code) == 0)
			return &rows[i];
	return NULL;
}

/* The two parts of a share indicator: (numerator, the rest of the denominator). */
static void share_parts(enum jr_mon_indicator ind, const struct jr_mon_counts *c, int64_t *num,
			int64_t *rest)
{
	*num = *rest = 0;
	if (!c)
		return;
	switch (ind) {
	case JR_MON_AT_HOME_SHARE:
		*num = c->children_in_care - c->children_away;
		*rest = c->children_away;
		break;
	case JR_MON_SOCIAL_BASE_SHARE:
		*num = c->settled;
		*rest = c->help_requests - c->settled;
		break;
	case JR_MON_COMPULSORY_SHARE:
		*num = c->compulsory;
		*rest = c->allocations - c->compulsory;
		break;
	case JR_MON_SECURE_ADMISSIONS:
		*num = c->secure_admissions;
		break;
	default:
		break;
	}
	if (*num < 0)
		*num = 0;
	if (*rest < 0)
		*rest = 0;
}

/* One row: the words, the baseline and line, the value (has_value) and the state. */
static enum jr_err target_row(struct jr_mon_table *t, const struct jr_policy *p,
			      const struct jr_mon_target *tg, int m, int year, bool has_value,
			      double value, bool show_parts, int64_t num, int64_t den)
{
	const struct jr_mon_target *x = tg;
	double line, base = x->baseline_value;
	bool has_line = jr_mon_target_line(tg, m, year, &line);
	bool is_count = jr_mon_indicator_is_count(tg->indicator);
	size_t r;
	enum jr_err err = jr_mon_table_row(t, &r);

	if (err)
		return err;
	jr_mon_table_text(t, r, TC_CODE, m >= 0 ? p->municipalities[m].code : "regio");
	jr_mon_table_text(t, r, TC_NAME, m >= 0 ? p->municipalities[m].name : p->name);
	jr_mon_table_text(t, r, TC_IND, jr_mon_indicator_name(tg->indicator));
	jr_mon_table_text(t, r, TC_TARGET,
			  tg->name[0] ? tg->name : jr_mon_indicator_label(tg->indicator));
	jr_mon_table_int(t, r, TC_BYEAR, tg->baseline_year);
	if (m >= 0 && tg->has_municipal_baseline[m])
		base = tg->municipal_baseline[m];
	if (m < 0 || tg->has_municipal_baseline[m] || !is_count)
		jr_mon_table_num(t, r, TC_BASE, base, is_count ? 0 : 1);
	if (has_line)
		jr_mon_table_num(t, r, TC_LINE, line, 1);
	if (has_value)
		jr_mon_table_num(t, r, TC_VALUE, value, is_count ? 0 : 1);
	if (show_parts) {
		jr_mon_table_int(t, r, TC_NUM, num);
		jr_mon_table_int(t, r, TC_DEN, den);
	}
	{
		enum jr_mon_state s = jr_mon_on_track(tg->indicator, has_value, value, has_line,
						      line);
		jr_mon_table_text(t, r, TC_STATE, jr_mon_state_name(s));
		jr_mon_table_text(t, r, TC_LABEL, jr_mon_state_label(s));
	}
	return JR_OK;
}

static enum jr_err target_waits(struct jr_mon_table *t, const struct jr_policy *p,
				const struct jr_mon_target *tg, int year,
				const struct jr_mon_counts *rows, size_t count)
{
	size_t total = 0, at = 0;
	int *all = NULL;
	enum jr_err err = JR_OK;

	for (size_t m = 0; m < p->municipality_count; m++) {
		const struct jr_mon_counts *c = counts_of(rows, count, p->municipalities[m].code);
		total += c ? c->wait_count : 0;
	}
	if (total && !(all = jr_calloc(total, sizeof(*all))))
		return JR_ERR_NOMEM;
	for (size_t m = 0; m < p->municipality_count && !err; m++) {
		const struct jr_mon_counts *c = counts_of(rows, count, p->municipalities[m].code);
		size_t n = c ? c->wait_count : 0;
		bool shown = n >= JR_MON_SMALL;
		double med = 0;
		if (n) {
			memcpy(all + at, c->waits, n * sizeof(*all));
			if (shown)
				med = jr_mon_median(all + at, n);
			at += n;
		}
		err = target_row(t, p, tg, (int)m, year, shown, med, false, 0, 0);
	}
	if (!err)
		err = target_row(t, p, tg, -1, year, total >= JR_MON_SMALL,
				 total >= JR_MON_SMALL ? jr_mon_median(all, total) : 0, false, 0,
				 0);
	jr_free(all);
	return err;
}

/* The rows of one target from the published figures: municipality by municipality, then the
 * region. */
static enum jr_err target_published(struct jr_mon_table *t, const struct jr_policy *p,
				    const struct jr_mon_target *tg, int year,
				    const struct jr_mon_published *pub)
{
	enum jr_mon_indicator i = tg->indicator;
	enum jr_err err = JR_OK;

	for (size_t m = 0; m <= p->municipality_count && !err; m++) {
		const struct jr_mon_published *r = &pub[m];
		bool wait = i == JR_MON_WAIT_DAYS;
		bool has = r->shown[i] && (wait || r->den[i] > 0);
		double v = wait ? r->value[i] : has ? 100.0 * (double)r->num[i] / (double)r->den[i] : 0;
		err = target_row(t, p, tg, m < p->municipality_count ? (int)m : -1, year, has, v,
				 r->shown[i] && !wait, r->num[i], r->den[i]);
	}
	return err;
}

enum jr_err jr_mon_targets(const struct jr_policy *p, int year, const struct jr_mon_counts *rows,
			   size_t count, const struct jr_mon_published *published,
			   struct jr_mon_table *t)
{
	size_t R = p->municipality_count;
	int64_t cells[JR_MUNICIPALITY_MAX * 2];
	bool ch[JR_MUNICIPALITY_MAX * 2], rh[JR_MUNICIPALITY_MAX], kh[2], gh;
	enum jr_err err = JR_OK;

	jr_mon_table_init(t, "targets", "Doelen van de regiovisie: waarde, streefwaarde en koers",
			  target_cols, TC_COUNT);
	for (size_t i = 0; i < p->monitor.target_count && !err; i++) {
		const struct jr_mon_target *tg = &p->monitor.targets[i];
		bool is_count = jr_mon_indicator_is_count(tg->indicator);
		size_t C = is_count ? 1 : 2;
		int64_t tot[2] = {0, 0};

		if (published && !is_count) {
			err = target_published(t, p, tg, year, published);
			continue;
		}
		if (tg->indicator == JR_MON_WAIT_DAYS) {
			err = target_waits(t, p, tg, year, rows, count);
			continue;
		}
		for (size_t m = 0; m < R; m++) {
			int64_t num, rest;
			share_parts(tg->indicator, counts_of(rows, count, p->municipalities[m].code),
				    &num, &rest);
			cells[m * C] = num;
			if (C == 2)
				cells[m * C + 1] = rest;
			tot[0] += num;
			tot[1] += rest;
		}
		if ((err = jr_mon_suppress_grid(R, C, cells, ch, rh, kh, &gh)))
			break;
		for (size_t m = 0; m < R && !err; m++) {
			int64_t num = cells[m * C], den = is_count ? num : num + cells[m * C + 1];
			bool hidden = ch[m * C] || (C == 2 && (ch[m * C + 1] || rh[m]));
			bool has = !hidden && (is_count || den > 0);
			double v = is_count ? (double)num : den ? 100.0 * num / den : 0;
			err = target_row(t, p, tg, (int)m, year, has, v, !hidden && !is_count, num,
					 den);
		}
		if (!err) {
			int64_t num = tot[0], den = is_count ? num : tot[0] + tot[1];
			bool hidden = kh[0] || (C == 2 && (kh[1] || gh));
			bool has = !hidden && (is_count || den > 0);
			double v = is_count ? (double)num : den ? 100.0 * num / den : 0;
			err = target_row(t, p, tg, -1, year, has, v, !hidden && !is_count, num, den);
		}
	}
	return err;
}

/* ---- costs ---- */

void jr_mon_costs_init(struct jr_mon_costs *c, const struct jr_policy *p, int year)
{
	memset(c, 0, sizeof(*c));
	c->p = p;
	c->year = year;
}

void jr_mon_costs_release(struct jr_mon_costs *c)
{
	JR_FREE(c->providers);
	c->nproviders = c->capproviders = 0;
}

static int municipality_index(const struct jr_policy *p, const char *code)
{
	for (size_t i = 0; i < p->municipality_count; i++)
		if (strcmp(p->municipalities[i].code, code) == 0)
			return (int)i;
	return -1;
}

static enum jr_err cost_provider(struct jr_mon_costs *c, int64_t id, const char *name,
				 struct jr_mon_cost_provider **out)
{
	for (size_t i = 0; i < c->nproviders; i++)
		if (c->providers[i].provider_id == id) {
			*out = &c->providers[i];
			return JR_OK;
		}
	if (c->nproviders >= JR_MON_ROWS_MAX)
		return JR_ERR_TOO_BIG;
	if (c->nproviders == c->capproviders) {
		size_t ncap = c->capproviders ? c->capproviders * 2 : 32;
		struct jr_mon_cost_provider *g = jr_realloc(c->providers, ncap * sizeof(*g));
		if (!g)
			return JR_ERR_NOMEM;
		c->providers = g;
		c->capproviders = ncap;
	}
	*out = &c->providers[c->nproviders++];
	memset(*out, 0, sizeof(**out));
	(*out)->provider_id = id;
	snprintf((*out)->name, sizeof((*out)->name), "%s", name);
	return JR_OK;
}

enum jr_err jr_mon_costs_alloc(void *ctx, const struct jr_mon_alloc *al)
{
	struct jr_mon_costs *c = ctx;
	int m = municipality_index(c->p, al->municipality);
	struct jr_mon_cost_provider *pr;
	int64_t cents = 0;
	bool known;
	enum jr_err err;

	if (m < 0 || al->form < 1 || al->form > JR_FORM_COUNT)
		return JR_OK; /* another region's */
	/* a price per result in pieces (stuks) is one per trajectory */
	known = al->has_tariff &&
		jr_mon_expected_cents(al->tariff_cents,
				      al->per_result && strcmp(al->unit, "stuks") == 0 ? "traject"
										 : al->unit,
				      al->volume,
							al->frequency, al->days,
							al->starts_in_year, &cents);
	if ((err = cost_provider(c, al->provider_id, al->provider, &pr)))
		return err;
	c->cell[m][al->form].allocations++;
	c->cell[m][al->form].expected_cents += cents;
	c->cell[m][al->form].without_tariff += !known;
	pr->c.allocations++;
	pr->c.expected_cents += cents;
	pr->c.without_tariff += !known;
	return JR_OK;
}

enum jr_err jr_mon_costs_claim(void *ctx, const struct jr_mon_claim *cl)
{
	struct jr_mon_costs *c = ctx;
	int m = municipality_index(c->p, cl->municipality);
	struct jr_mon_cost_provider *pr;
	enum jr_err err;

	if (m < 0 || cl->form < 1 || cl->form > JR_FORM_COUNT)
		return JR_OK;
	if ((err = cost_provider(c, cl->provider_id, cl->provider, &pr)))
		return err;
	c->cell[m][cl->form].actual_cents += cl->cents;
	pr->c.actual_cents += cl->cents;
	return JR_OK;
}

static const struct jr_mon_col cost_muni_cols[] = {
	{"municipality", "gemeentecode", false},
	{"municipality_name", "gemeente", false},
	{"budget", "budget (euro)", true},
	{"expected", "verwacht (euro)", true},
	{"actual", "werkelijk (euro)", true},
	{"actual_percent_of_budget", "werkelijk van budget (%)", true},
	{"expected_percent_of_budget", "verwacht van budget (%)", true},
	{"allocations", "toewijzingen", true},
	{"main_provider", "hoofdaanbieder", false},
	{"main_provider_budget", "budget hoofdaanbieder (euro)", true},
	{"main_provider_expected", "verwacht hoofdaanbieder (euro)", true},
	{"main_provider_actual", "werkelijk hoofdaanbieder (euro)", true},
};
enum { CM_CODE, CM_NAME, CM_BUDGET, CM_EXP, CM_ACT, CM_ACTPCT, CM_EXPPCT, CM_N, CM_MAIN,
       CM_MAINB, CM_MAINE, CM_MAINA, CM_COUNT };

static const struct jr_mon_col cost_form_cols[] = {
	{"municipality", "gemeentecode", false},
	{"municipality_name", "gemeente", false},
	{"form", "vorm", true},
	{"form_name", "vorm van jeugdhulp", false},
	{"allocations", "toewijzingen", true},
	{"expected", "verwacht (euro)", true},
	{"actual", "werkelijk (euro)", true},
	{"without_tariff", "zonder tarief", true},
};
enum { CF_CODE, CF_NAME, CF_FORM, CF_FNAME, CF_N, CF_EXP, CF_ACT, CF_NOTAR, CF_COUNT };

static const struct jr_mon_col cost_provider_cols[] = {
	{"provider", "aanbieder", false},
	{"allocations", "toewijzingen", true},
	{"expected", "verwacht (euro)", true},
	{"actual", "werkelijk (euro)", true},
	{"without_tariff", "zonder tarief", true},
};

static void cost_cells(struct jr_mon_table *t, size_t r, size_t cn, size_t ce, size_t ca,
		       size_t cw, const struct jr_mon_cost_cell *c)
{
	jr_mon_table_int(t, r, cn, c->allocations);
	jr_mon_table_euro(t, r, ce, c->expected_cents);
	jr_mon_table_euro(t, r, ca, c->actual_cents);
	if (cw < t->ncols)
		jr_mon_table_int(t, r, cw, c->without_tariff);
}

static void cost_add(struct jr_mon_cost_cell *sum, const struct jr_mon_cost_cell *c)
{
	sum->allocations += c->allocations;
	sum->expected_cents += c->expected_cents;
	sum->actual_cents += c->actual_cents;
	sum->without_tariff += c->without_tariff;
}

static void percent_of(struct jr_mon_table *t, size_t r, size_t col, int64_t part, int64_t whole)
{
	if (whole > 0)
		jr_mon_table_num(t, r, col, 100.0 * (double)part / (double)whole, 1);
}

/* What the main provider had: under the generic regime it gives every local form. */
static void main_provider_cells(const struct jr_mon_costs *c, struct jr_mon_table *t, size_t r,
				int m, bool shown)
{
	const struct jr_policy *p = c->p;
	const struct jr_mon_main_budget *b = NULL;
	struct jr_mon_cost_cell sum = {0};

	for (size_t i = 0; i < p->monitor.main_budget_count; i++)
		if (p->monitor.main_budgets[i].year == c->year &&
		    strcmp(p->monitor.main_budgets[i].municipality, p->municipalities[m].code) == 0)
			b = &p->monitor.main_budgets[i];
	if (!b)
		return;
	jr_mon_table_text(t, r, CM_MAIN, b->provider);
	jr_mon_table_euro(t, r, CM_MAINB, b->cents);
	if (!shown)
		return;
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (p->forms[f].contracting == JR_CONTRACTING_LOCAL)
			cost_add(&sum, &c->cell[m][f]);
	jr_mon_table_euro(t, r, CM_MAINE, sum.expected_cents);
	jr_mon_table_euro(t, r, CM_MAINA, sum.actual_cents);
}

enum jr_err jr_mon_costs_tables(const struct jr_mon_costs *c, struct jr_mon_table t[3])
{
	const struct jr_policy *p = c->p;
	size_t R = p->municipality_count, C = JR_FORM_COUNT, P = c->nproviders, r;
	int64_t cells[JR_MUNICIPALITY_MAX * JR_FORM_COUNT], *pc = NULL;
	bool ch[JR_MUNICIPALITY_MAX * JR_FORM_COUNT], rh[JR_MUNICIPALITY_MAX], kh[JR_FORM_COUNT], gh;
	bool *pch = NULL, *prh = NULL, pkh, pgh;
	struct jr_mon_cost_cell region = {0};
	int64_t region_budget = 0;
	bool all_budgets = R > 0;
	enum jr_err err;

	jr_mon_table_init(&t[0], "costs_municipality", "Kosten per gemeente tegen het budget",
			  cost_muni_cols, CM_COUNT);
	jr_mon_table_init(&t[1], "costs_municipality_form", "Kosten per gemeente en vorm",
			  cost_form_cols, CF_COUNT);
	jr_mon_table_init(&t[2], "costs_provider", "Kosten per aanbieder", cost_provider_cols, 5);
	for (size_t m = 0; m < R; m++)
		for (size_t f = 0; f < C; f++)
			cells[m * C + f] = c->cell[m][f + 1].allocations;
	if ((err = jr_mon_suppress_grid(R, C, cells, ch, rh, kh, &gh)))
		return err;
	for (size_t m = 0; m < R; m++) {
		struct jr_mon_cost_cell row = {0};
		int64_t budget = 0;
		bool has_budget = jr_monitor_budget(&p->monitor, p->municipalities[m].code, c->year,
						   &budget);
		bool any_hidden = rh[m];
		for (size_t f = 0; f < C; f++) {
			cost_add(&row, &c->cell[m][f + 1]);
			any_hidden |= ch[m * C + f];
		}
		cost_add(&region, &row);
		if (has_budget)
			region_budget += budget;
		else
			all_budgets = false;
		if ((err = jr_mon_table_row(&t[0], &r)))
			return err;
		jr_mon_table_text(&t[0], r, CM_CODE, p->municipalities[m].code);
		jr_mon_table_text(&t[0], r, CM_NAME, p->municipalities[m].name);
		if (has_budget)
			jr_mon_table_euro(&t[0], r, CM_BUDGET, budget);
		if (!rh[m]) {
			cost_cells(&t[0], r, CM_N, CM_EXP, CM_ACT, CM_COUNT, &row);
			if (has_budget) {
				percent_of(&t[0], r, CM_ACTPCT, row.actual_cents, budget);
				percent_of(&t[0], r, CM_EXPPCT, row.expected_cents, budget);
			}
		}
		main_provider_cells(c, &t[0], r, (int)m, !any_hidden);
		for (size_t f = 0; f < C; f++) {
			const struct jr_mon_cost_cell *x = &c->cell[m][f + 1];
			if (!x->allocations && !x->actual_cents)
				continue;
			if ((err = jr_mon_table_row(&t[1], &r)))
				return err;
			jr_mon_table_text(&t[1], r, CF_CODE, p->municipalities[m].code);
			jr_mon_table_text(&t[1], r, CF_NAME, p->municipalities[m].name);
			jr_mon_table_int(&t[1], r, CF_FORM, (int64_t)f + 1);
			jr_mon_table_text(&t[1], r, CF_FNAME, p->forms[f + 1].name);
			if (!ch[m * C + f])
				cost_cells(&t[1], r, CF_N, CF_EXP, CF_ACT, CF_NOTAR, x);
		}
	}
	if ((err = jr_mon_table_row(&t[0], &r)))
		return err;
	jr_mon_table_text(&t[0], r, CM_CODE, "regio");
	jr_mon_table_text(&t[0], r, CM_NAME, p->name);
	if (all_budgets)
		jr_mon_table_euro(&t[0], r, CM_BUDGET, region_budget);
	if (!gh) {
		cost_cells(&t[0], r, CM_N, CM_EXP, CM_ACT, CM_COUNT, &region);
		if (all_budgets) {
			percent_of(&t[0], r, CM_ACTPCT, region.actual_cents, region_budget);
			percent_of(&t[0], r, CM_EXPPCT, region.expected_cents, region_budget);
		}
	}
	/* providers: one column of counts and its total */
	if (P) {
		pc = jr_calloc(P, sizeof(*pc));
		pch = jr_calloc(P, sizeof(*pch));
		prh = jr_calloc(P, sizeof(*prh));
		if (!pc || !pch || !prh) {
			err = JR_ERR_NOMEM;
			goto out;
		}
		for (size_t i = 0; i < P; i++)
			pc[i] = c->providers[i].c.allocations;
		if ((err = jr_mon_suppress_grid(P, 1, pc, pch, prh, &pkh, &pgh)))
			goto out;
	}
	for (size_t i = 0; i < P; i++) {
		if ((err = jr_mon_table_row(&t[2], &r)))
			goto out;
		jr_mon_table_text(&t[2], r, 0, c->providers[i].name);
		if (!pch[i])
			cost_cells(&t[2], r, 1, 2, 3, 4, &c->providers[i].c);
	}
out:
	jr_free(pc);
	jr_free(pch);
	jr_free(prh);
	return err;
}

/* ---- waiting ---- */

jr_day jr_mon_waiting_from(jr_day day)
{
	int y, m, d;
	jr_date_to_ymd(day, &y, &m, &d);
	/* the first of the month eleven months back: twelve months with this one */
	m -= 11;
	if (m < 1) {
		m += 12;
		y--;
	}
	return jr_date_from_ymd(y, m, 1);
}

void jr_mon_waiting_init(struct jr_mon_waiting_acc *w, const struct jr_policy *p, jr_day day)
{
	jr_day d;
	memset(w, 0, sizeof(*w));
	w->p = p;
	w->day = day;
	d = jr_mon_waiting_from(day);
	for (int i = 0; i < 12; i++) {
		int y, m, dd;
		jr_date_to_ymd(d, &y, &m, &dd);
		w->month_year[i] = y;
		w->month_month[i] = m;
		d = jr_date_from_ymd(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
	}
}

void jr_mon_waiting_release(struct jr_mon_waiting_acc *w)
{
	JR_FREE(w->rows);
	JR_FREE(w->by);
	for (int i = 0; i < 12; i++)
		JR_FREE(w->month_days[i]);
	w->nrows = w->caprows = 0;
}

enum jr_err jr_mon_waiting_item(void *ctx, const struct jr_mon_waiting *it)
{
	struct jr_mon_waiting_acc *w = ctx;
	size_t i;

	if (municipality_index(w->p, it->municipality) < 0 || it->form < 1 ||
	    it->form > JR_FORM_COUNT)
		return JR_OK;
	for (i = 0; i < w->nrows; i++)
		if (w->rows[i].provider_id == it->provider_id)
			break;
	if (i == w->nrows) {
		if (w->nrows >= JR_MON_ROWS_MAX)
			return JR_ERR_TOO_BIG;
		if (w->nrows == w->caprows) {
			size_t ncap = w->caprows ? w->caprows * 2 : 32;
			struct jr_mon_cost_provider *g = jr_realloc(w->rows, ncap * sizeof(*g));
			int64_t(*b)[JR_FORM_COUNT + 1];
			if (!g)
				return JR_ERR_NOMEM;
			w->rows = g;
			b = jr_realloc(w->by, ncap * sizeof(*b));
			if (!b)
				return JR_ERR_NOMEM;
			w->by = b;
			w->caprows = ncap;
		}
		memset(&w->rows[i], 0, sizeof(w->rows[i]));
		memset(w->by[i], 0, sizeof(w->by[i]));
		w->rows[i].provider_id = it->provider_id;
		snprintf(w->rows[i].name, sizeof(w->rows[i].name), "%s",
			 it->provider_id ? it->provider : "verwezen, nog niet toegewezen");
		w->nrows++;
	}
	w->by[i][it->form]++;
	w->rows[i].c.allocations++;
	return JR_OK;
}

enum jr_err jr_mon_waiting_wait(void *ctx, const struct jr_mon_wait *it)
{
	struct jr_mon_waiting_acc *w = ctx;

	if (municipality_index(w->p, it->municipality) < 0)
		return JR_OK;
	for (int i = 0; i < 12; i++)
		if (w->month_year[i] == it->year && w->month_month[i] == it->month) {
			if (w->month_count[i] == w->month_cap[i]) {
				size_t ncap = w->month_cap[i] ? w->month_cap[i] * 2 : 32;
				int *g = jr_realloc(w->month_days[i], ncap * sizeof(*g));
				if (!g)
					return JR_ERR_NOMEM;
				w->month_days[i] = g;
				w->month_cap[i] = ncap;
			}
			w->month_days[i][w->month_count[i]++] = it->days;
		}
	return JR_OK;
}

static const struct jr_mon_col waiting_cols[] = {
	{"provider", "aanbieder", false},
	{"form", "vorm", true},
	{"form_name", "vorm van jeugdhulp", false},
	{"waiting", "wachtend", true},
};

static const struct jr_mon_col wait_month_cols[] = {
	{"month", "maand", false},
	{"allocations", "toewijzingen", true},
	{"median_days", "wachttijd mediaan (dagen)", true},
	{"p90_days", "wachttijd 90e percentiel (dagen)", true},
};

enum jr_err jr_mon_waiting_tables(struct jr_mon_waiting_acc *w, struct jr_mon_table t[2])
{
	size_t R = w->nrows, C = JR_FORM_COUNT, r;
	int64_t *cells = NULL;
	bool *ch = NULL, *rh = NULL, kh[JR_FORM_COUNT], gh;
	enum jr_err err = JR_OK;

	jr_mon_table_init(&t[0], "waiting", "Wachtlijst per aanbieder en vorm", waiting_cols, 4);
	jr_mon_table_init(&t[1], "waits_per_month",
			  "Wachttijd van verwijzing tot toewijzing per maand", wait_month_cols, 4);
	if (R) {
		cells = jr_calloc(R * C, sizeof(*cells));
		ch = jr_calloc(R * C, sizeof(*ch));
		rh = jr_calloc(R, sizeof(*rh));
		if (!cells || !ch || !rh) {
			err = JR_ERR_NOMEM;
			goto out;
		}
		for (size_t i = 0; i < R; i++)
			for (size_t f = 0; f < C; f++)
				cells[i * C + f] = w->by[i][f + 1];
		if ((err = jr_mon_suppress_grid(R, C, cells, ch, rh, kh, &gh)))
			goto out;
	}
	for (size_t i = 0; i < R; i++)
		for (size_t f = 0; f < C; f++) {
			if (!cells[i * C + f])
				continue;
			if ((err = jr_mon_table_row(&t[0], &r)))
				goto out;
			jr_mon_table_text(&t[0], r, 0, w->rows[i].name);
			jr_mon_table_int(&t[0], r, 1, (int64_t)f + 1);
			jr_mon_table_text(&t[0], r, 2, w->p->forms[f + 1].name);
			if (!ch[i * C + f])
				jr_mon_table_int(&t[0], r, 3, cells[i * C + f]);
		}
	for (int i = 0; i < 12; i++) {
		char month[16];
		size_t n = w->month_count[i];
		if ((err = jr_mon_table_row(&t[1], &r)))
			goto out;
		snprintf(month, sizeof(month), "%04d-%02d", w->month_year[i], w->month_month[i]);
		jr_mon_table_text(&t[1], r, 0, month);
		if (n == 0) {
			jr_mon_table_int(&t[1], r, 1, 0);
		} else if (n >= JR_MON_SMALL) {
			jr_mon_table_int(&t[1], r, 1, (int64_t)n);
			jr_mon_table_int(&t[1], r, 2, jr_mon_median(w->month_days[i], n));
			/* sorted by the median: the 90th percentile by nearest rank */
			jr_mon_table_int(&t[1], r, 3, w->month_days[i][(n * 9 + 9) / 10 - 1]);
		}
	}
out:
	jr_free(cells);
	jr_free(ch);
	jr_free(rh);
	return err;
}

/* ---- capacity ---- */

enum jr_err jr_mon_capacity_item(void *ctx, const struct jr_mon_capacity *c)
{
	struct jr_mon_capacity_acc *a = ctx;

	if (c->form < 1 || c->form > JR_FORM_COUNT)
		return JR_OK;
	if (a->nrows >= JR_MON_ROWS_MAX)
		return JR_ERR_TOO_BIG;
	if (a->nrows == a->caprows) {
		size_t ncap = a->caprows ? a->caprows * 2 : 32;
		struct jr_mon_capacity *g = jr_realloc(a->rows, ncap * sizeof(*g));
		if (!g)
			return JR_ERR_NOMEM;
		a->rows = g;
		a->caprows = ncap;
	}
	a->rows[a->nrows++] = *c;
	return JR_OK;
}

void jr_mon_capacity_release(struct jr_mon_capacity_acc *c)
{
	JR_FREE(c->rows);
	c->nrows = c->caprows = 0;
}

static const struct jr_mon_col capacity_cols[] = {
	{"provider", "aanbieder", false},
	{"form", "vorm", true},
	{"form_name", "vorm van jeugdhulp", false},
	{"places", "plaatsen", true},
	{"occupied", "bezet", true},
	{"free", "vrij", true},
	{"occupied_percent", "bezetting (%)", true},
};

enum jr_err jr_mon_capacity_table(const struct jr_policy *p, const struct jr_mon_capacity_acc *c,
				  struct jr_mon_table *t)
{
	/* rows: providers in the order they come; columns: forms */
	size_t P = 0, C = JR_FORM_COUNT, r;
	int64_t *cells = NULL, *ids = NULL;
	bool *ch = NULL, *rh = NULL, kh[JR_FORM_COUNT], gh;
	enum jr_err err = JR_OK;

	jr_mon_table_init(t, "capacity", "Gecontracteerde plaatsen en bezetting", capacity_cols, 7);
	if (!c->nrows)
		return JR_OK;
	cells = jr_calloc(c->nrows * C, sizeof(*cells));
	ids = jr_calloc(c->nrows, sizeof(*ids));
	ch = jr_calloc(c->nrows * C, sizeof(*ch));
	rh = jr_calloc(c->nrows, sizeof(*rh));
	if (!cells || !ids || !ch || !rh) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < c->nrows; i++) {
		size_t k;
		for (k = 0; k < P; k++)
			if (ids[k] == c->rows[i].provider_id)
				break;
		if (k == P)
			ids[P++] = c->rows[i].provider_id;
		cells[k * C + (size_t)(c->rows[i].form - 1)] += c->rows[i].occupied;
	}
	if ((err = jr_mon_suppress_grid(P, C, cells, ch, rh, kh, &gh)))
		goto out;
	for (size_t i = 0; i < c->nrows; i++) {
		const struct jr_mon_capacity *x = &c->rows[i];
		size_t k, cell;
		for (k = 0; k < P; k++)
			if (ids[k] == x->provider_id)
				break;
		cell = k * C + (size_t)(x->form - 1);
		if ((err = jr_mon_table_row(t, &r)))
			goto out;
		jr_mon_table_text(t, r, 0, x->provider);
		jr_mon_table_int(t, r, 1, x->form);
		jr_mon_table_text(t, r, 2, p->forms[x->form].name);
		if (x->places)
			jr_mon_table_int(t, r, 3, x->places);
		if (!ch[cell]) {
			jr_mon_table_int(t, r, 4, x->occupied);
			if (x->places) {
				jr_mon_table_int(t, r, 5, x->places - x->occupied);
				percent_of(t, r, 6, x->occupied, x->places);
			}
		}
	}
out:
	jr_free(cells);
	jr_free(ids);
	jr_free(ch);
	jr_free(rh);
	return err;
}
