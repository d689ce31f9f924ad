/* store_scenario: the population of a scenario from the records (see scenario.h). One query:
 * every help request with the child's birth date, its latest broad analysis, the measure in
 * force on the day it was raised and, one row each,
 * its allocations; the rows of one help request are folded together here. */
#include <stdio.h>
#include <string.h>

#include "store/scenario.h"
#include "store/store_internal.h"

static bool wanted(const char (*codes)[5], size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return true;
	return false;
}

/* The needs as jr_store_analysis_add writes them: {"parenting":2,…}, one digit each. */
static void parse_needs(const char *needs, unsigned char *out)
{
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		char key[40];
		const char *at;
		snprintf(key, sizeof(key), "\"%s\":", jr_need_name((enum jr_need)d));
		at = strstr(needs, key);
		out[d] = at && at[strlen(key)] >= '0' && at[strlen(key)] <= '4'
				 ? (unsigned char)(at[strlen(key)] - '0')
				 : 0;
	}
}

enum jr_err jr_store_scenario_population(struct jr_store *s, const struct jr_actor *a,
					 const char (*codes)[5], size_t n,
					 enum jr_err (*each)(void *ctx,
							     const struct jr_scen_record *r),
					 void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_scen_record rec;
	int64_t current = 0;
	bool row, have = false;
	enum jr_err err;

	memset(&rec, 0, sizeof(rec));
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT h.id, h.municipality, h.raised_on, p.birth_date,"
			  " (SELECT b.needs FROM broad_analyses b WHERE b.help_request_id = h.id"
			  " ORDER BY b.id DESC LIMIT 1),"
			  " (SELECT m.kind FROM measures m WHERE m.child_id = h.child_id"
			  " AND m.start_date <= h.raised_on AND (m.end_date IS NULL OR"
			  " m.end_date >= h.raised_on) ORDER BY m.id DESC LIMIT 1), a.form"
			  " FROM help_requests h JOIN persons p ON p.id = h.child_id"
			  " LEFT JOIN allocations a ON a.help_request_id = h.id ORDER BY h.id",
			  &st));
	for (;;) {
		int64_t id;
		const char *code, *raised, *born;
		TRY(jr_db_step(st, &row));
		id = row ? jr_db_col_int(st, 0) : 0;
		if (have && (!row || id != current)) {
			TRY(each(ctx, &rec));
			have = false;
		}
		if (!row)
			break;
		code = jr_db_col_text(st, 1);
		if (!wanted(codes, n, code))
			continue;
		if (!have) {
			memset(&rec, 0, sizeof(rec));
			snprintf(rec.municipality, sizeof(rec.municipality), "%s", code);
			raised = jr_db_col_text(st, 2);
			born = jr_db_col_text(st, 3);
			if (jr_date_parse(raised, strlen(raised), &rec.raised_on) ||
			    jr_date_parse(born, strlen(born), &rec.birth_date)) {
				err = JR_ERR_STORE;
				goto out;
			}
			rec.has_analysis = !jr_db_col_null(st, 4);
			if (rec.has_analysis)
				parse_needs(jr_db_col_text(st, 4), rec.needs);
			if (!jr_db_col_null(st, 5) && jr_measure_parse(jr_db_col_text(st, 5)) > 0)
				rec.measure = (enum jr_measure)jr_measure_parse(jr_db_col_text(st, 5));
			current = id;
			have = true;
		}
		if (!jr_db_col_null(st, 6)) {
			int64_t form = jr_db_col_int(st, 6);
			if (form >= 1 && form <= JR_FORM_COUNT)
				rec.allocated |= 1u << form;
		}
	}
	TRY(jr_store_audit_object(s, a, "scenario.read", 0, "help_requests"));
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
