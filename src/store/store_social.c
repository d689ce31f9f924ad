/* store_social: the social map (see store.h). Needs are stored as ",parenting,school," so that a
 * LIKE '%,school,%' finds them on both engines. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/store_internal.h"

enum jr_err jr_store_social_add(struct jr_store *s, const struct jr_actor *a,
				struct jr_social_entry *e)
{
	struct jr_db_stmt *st = NULL;
	struct jr_buf needs;
	char verified[JR_DATE_STRLEN], now[21];
	enum jr_err err = JR_OK;
	bool row = false;

	jr_buf_init(&needs, 512);
	for (int d = 0; d < JR_NEED_COUNT && !err; d++)
		if (e->needs & (1u << d))
			err = jr_buf_printf(&needs, ",%s", jr_need_name((enum jr_need)d));
	if (!err)
		err = jr_buf_putc(&needs, ',');
	if (err)
		goto done;
	jr_date_format(e->verified_on, verified);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO social_map (organisation, service, location, municipality,"
			  " categories, needs, age_min, age_max, cost, no_referral, contact,"
			  " verified_on, demo, created_at, description, address, phone, email, website)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
			  " $16, $17, $18, $19) RETURNING id",
			  &st));
	TRY(jr_db_bind_text(st, 1, e->organisation));
	TRY(jr_db_bind_text(st, 2, e->service));
	TRY(jr_db_bind_text(st, 3, e->location[0] ? e->location : NULL));
	TRY(jr_db_bind_text(st, 4, e->municipality));
	TRY(jr_db_bind_text(st, 5, e->categories));
	TRY(jr_db_bind_text(st, 6, jr_buf_str(&needs)));
	TRY(e->age_min >= 0 ? jr_db_bind_int(st, 7, e->age_min) : jr_db_bind_null(st, 7));
	TRY(e->age_max >= 0 ? jr_db_bind_int(st, 8, e->age_max) : jr_db_bind_null(st, 8));
	TRY(jr_db_bind_text(st, 9, e->cost[0] ? e->cost : NULL));
	TRY(jr_db_bind_int(st, 10, e->no_referral));
	TRY(jr_db_bind_text(st, 11, e->contact[0] ? e->contact : NULL));
	TRY(jr_db_bind_text(st, 12, verified));
	TRY(jr_db_bind_int(st, 13, e->demo));
	TRY(jr_db_bind_text(st, 14, now));
	TRY(jr_db_bind_text(st, 15, e->description[0] ? e->description : NULL));
	TRY(jr_db_bind_text(st, 16, e->address[0] ? e->address : NULL));
	TRY(jr_db_bind_text(st, 17, e->phone[0] ? e->phone : NULL));
	TRY(jr_db_bind_text(st, 18, e->email[0] ? e->email : NULL));
	TRY(jr_db_bind_text(st, 19, e->website[0] ? e->website : NULL));
	TRY(jr_db_step(st, &row));
	e->id = row ? jr_db_col_int(st, 0) : 0;
	TRY(jr_store_audit(s, a, "social_map.add", 0));
out:
	jr_db_finalize(st);
	err = jr_store_finish(s, err);
done:
	jr_buf_release(&needs);
	return err;
}

static void read_entry(struct jr_db_stmt *st, struct jr_social_entry *e)
{
	const char *needs = jr_db_col_text(st, 6), *verified = jr_db_col_text(st, 12);

	memset(e, 0, sizeof(*e));
	e->id = jr_db_col_int(st, 0);
	snprintf(e->organisation, sizeof(e->organisation), "%s", jr_db_col_text(st, 1));
	snprintf(e->service, sizeof(e->service), "%s", jr_db_col_text(st, 2));
	snprintf(e->location, sizeof(e->location), "%s", jr_db_col_text(st, 3));
	snprintf(e->municipality, sizeof(e->municipality), "%s", jr_db_col_text(st, 4));
	snprintf(e->categories, sizeof(e->categories), "%s", jr_db_col_text(st, 5));
	for (int d = 0; d < JR_NEED_COUNT; d++) {
		char key[40];
		snprintf(key, sizeof(key), ",%s,", jr_need_name((enum jr_need)d));
		if (strstr(needs, key))
			e->needs |= 1u << d;
	}
	e->age_min = jr_db_col_null(st, 7) ? -1 : (int)jr_db_col_int(st, 7);
	e->age_max = jr_db_col_null(st, 8) ? -1 : (int)jr_db_col_int(st, 8);
	snprintf(e->cost, sizeof(e->cost), "%s", jr_db_col_text(st, 9));
	e->no_referral = jr_db_col_int(st, 10) != 0;
	snprintf(e->contact, sizeof(e->contact), "%s", jr_db_col_text(st, 11));
	if (jr_date_parse(verified, strlen(verified), &e->verified_on))
		e->verified_on = 0;
	e->demo = jr_db_col_int(st, 13) != 0;
	snprintf(e->description, sizeof(e->description), "%s", jr_db_col_text(st, 14));
	snprintf(e->address, sizeof(e->address), "%s", jr_db_col_text(st, 15));
	snprintf(e->phone, sizeof(e->phone), "%s", jr_db_col_text(st, 16));
	snprintf(e->email, sizeof(e->email), "%s", jr_db_col_text(st, 17));
	snprintf(e->website, sizeof(e->website), "%s", jr_db_col_text(st, 18));
}

enum jr_err jr_store_social_each(struct jr_store *s, const char *municipality, jr_social_fn fn,
				 void *ctx)
{
	struct jr_db_stmt *st = NULL;
	struct jr_social_entry e;
	enum jr_err err;
	bool row;

	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "SELECT id, organisation, service, location, municipality, categories, needs,"
			  " age_min, age_max, cost, no_referral, contact, verified_on, demo,"
			  " description, address, phone, email, website FROM social_map WHERE ($1 = '' OR municipality = $1) ORDER BY id",
			  &st));
	TRY(jr_db_bind_text(st, 1, municipality));
	for (;;) {
		TRY(jr_db_step(st, &row));
		if (!row)
			break;
		read_entry(st, &e);
		TRY(fn(ctx, &e));
	}
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
