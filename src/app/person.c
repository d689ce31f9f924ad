/* person: the use cases on a person's records (person.h). */
#include "app/person.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/access.h"
#include "core/ident.h"
#include "core/region.h"
#include "json/policy_set.h"

static const char person_unseen[] = "geen persoon met dit nummer binnen uw bereik";

enum jr_err jr_app_person_reach(struct jr_app *app, int64_t id)
{
	struct jr_person_links links;
	enum jr_access_verdict v;
	enum jr_err err;

	if (!app->principal)
		return JR_OK;
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_READ)))
		return err;
	err = jr_app_access_person(app->store, app->actor, app->principal, app->policies, id,
	                           app->today, &links, &v);
	if (err)
		return err;
	return jr_app_access_answer(app, v, "persoon", NULL, NULL, NULL);
}

/* A store's NOT_FOUND of person `id`, explained: for a user in the words of one out of reach
 * (it was in reach a moment ago), for the operator by its number. */
static enum jr_err not_found(struct jr_app *app, enum jr_err err, int64_t id)
{
	if (err != JR_ERR_NOT_FOUND)
		return err;
	if (app->principal)
		return jr_app_fail(app, err, NULL, person_unseen);
	return jr_app_fail(app, err, NULL, "persoon %lld niet gevonden", (long long)id);
}

/* Copies `value` into a field of `size` bytes; one that does not fit is left empty (the check
 * then says what is wrong), and a given empty value empties the field. */
static void copy_field(char *field, size_t size, const char *value)
{
	if (!value)
		return;
	snprintf(field, size, "%s", strlen(value) < size ? value : "");
}

/* The given fields of `in` over *p; JR_ERR_INPUT (explained) for a date or address that cannot
 * be read. The other fields are checked afterwards, all at once (check). */
static enum jr_err apply(struct jr_app *app, const struct jr_person_input *in, struct jr_person *p)
{
	struct jr_address *addr = &p->address;

	if (in->bsn) /* a value of the wrong length is left empty, so that the check rejects it */
		snprintf(p->bsn, sizeof(p->bsn), "%s", strlen(in->bsn) == 9 ? in->bsn : "");
	copy_field(p->given_names, sizeof(p->given_names), in->given_names);
	copy_field(p->family_name, sizeof(p->family_name), in->family_name);
	if (in->birth_date && jr_date_parse(in->birth_date, strlen(in->birth_date), &p->birth_date))
		return jr_app_fail(app, JR_ERR_INPUT, "birth_date",
		                   "geen bestaande datum; verwacht JJJJ-MM-DD");
	if (in->municipality)
		snprintf(p->municipality, sizeof(p->municipality), "%s",
		         strlen(in->municipality) == 4 ? in->municipality : "");
	if (in->sex)
		p->sex = strlen(in->sex) == 1 ? in->sex[0] : '?';
	copy_field(addr->street, sizeof(addr->street), in->street);
	copy_field(addr->house_letter, sizeof(addr->house_letter), in->house_letter);
	copy_field(addr->house_addition, sizeof(addr->house_addition), in->house_addition);
	copy_field(addr->postcode, sizeof(addr->postcode), in->postcode);
	copy_field(addr->place, sizeof(addr->place), in->place);
	if (in->house_number) {
		char *end = NULL;
		long n = strtol(in->house_number, &end, 10);
		addr->house_number =
		    *in->house_number && *end == '\0' && n > 0 && n <= 99999 ? (int)n : 0;
	}
	if (!addr->street[0] && (addr->house_number || addr->postcode[0] || addr->place[0]))
		return jr_app_fail(app, JR_ERR_INPUT, "address.street",
		                   "een adres heeft een straat; geef --street");
	return JR_OK;
}

#define RUNNING_MAX 32

enum jr_err jr_app_responsibility(struct jr_app *app, const struct jr_person *child,
                                  struct jr_responsibility *out)
{
	struct jr_running_care care[RUNNING_MAX];
	size_t count = 0;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	memcpy(out->code, child->municipality, sizeof(out->code));
	if ((err = jr_store_running_care(app->store, child->id, app->today, care, RUNNING_MAX,
	                                 &count)))
		return err;
	out->running = count;
	for (size_t i = 0; i < count && i < RUNNING_MAX; i++) {
		const struct jr_running_care *c = &care[i];
		const struct jr_policy *p =
		        app->policies ? jr_policy_set_find(app->policies, c->responsible, app->today) : NULL;
		if (strcmp(c->responsible, child->municipality) != 0) {
			if (!out->elsewhere++)
				memcpy(out->other, c->responsible, sizeof(out->other));
		}
		/* the latest stay decides (the store gives the latest start first) */
		if (!out->before_stay && p && c->form >= 1 && c->form <= JR_FORM_COUNT &&
		    jr_setting_is_stay(p->forms[c->form].setting)) {
			out->before_stay = true;
			out->stay_form = c->form;
			memcpy(out->code, c->responsible, sizeof(out->code));
		}
	}
	return JR_OK;
}

/* The person as shown: who is responsible for the child (principle 13). */
static enum jr_err show_responsible(struct jr_app *app, struct jr_person *p)
{
	struct jr_responsibility r;
	enum jr_err err = jr_app_responsibility(app, p, &r);

	if (err)
		return err;
	memcpy(p->responsible, r.code, sizeof(p->responsible));
	p->responsible_before_stay = r.before_stay;
	return JR_OK;
}

/* After a move to another municipality: running care keeps the municipality responsible for
 * it (the woonplaatsbeginsel for a stay; for other care the records do not move it silently),
 * and the answer says so. */
static enum jr_err move_notice(struct jr_app *app, const char *from, struct jr_person *p)
{
	struct jr_responsibility r;
	const char *name, *to;
	enum jr_err err;

	if (!from[0] || strcmp(from, p->municipality) == 0)
		return JR_OK;
	if ((err = jr_app_responsibility(app, p, &r)) || !r.elsewhere)
		return err;
	name = jr_region_municipality_name(app->policies, r.other, app->today);
	to = jr_region_municipality_name(app->policies, p->municipality, app->today);
	snprintf(p->notice, sizeof(p->notice),
	         "verhuisd naar %s (%s), maar de verantwoordelijkheid voor lopende jeugdhulp "
	         "(%zu toewijzing%s) blijft bij %s (%s)%s; de verhuizing verplaatst die niet",
	         to ? to : "gemeente", p->municipality, r.elsewhere, r.elsewhere == 1 ? "" : "en",
	         name ? name : "gemeente", r.other,
	         r.before_stay ? ", de woonplaats vóór het verblijf (woonplaatsbeginsel, art. 1.1 "
	                         "Jeugdwet)"
	                       : "");
	return JR_OK;
}

/* Every field of a person to be written, and its municipality one of a policy file. */
static enum jr_err check(struct jr_app *app, const struct jr_person *p)
{
	const char *field, *message;

	if (jr_person_check(p, app->today, &field, &message))
		return jr_app_fail(app, JR_ERR_INPUT, field, "%s", message);
	if (!app->policies || !jr_region_knows(app->policies, p->municipality))
		return jr_app_fail(app, JR_ERR_INPUT, "municipality",
		                   "gemeente %s staat in geen beleidsbestand", p->municipality);
	return JR_OK;
}

enum jr_err jr_app_person_add(struct jr_app *app, const struct jr_person_input *in,
                              struct jr_person *out)
{
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_WRITE)))
		return err;
	out->demo = in->demo;
	if ((err = apply(app, in, out)))
		return err;
	return jr_app_person_add_record(app, out);
}

enum jr_err jr_app_person_add_record(struct jr_app *app, struct jr_person *p)
{
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_PERSON_WRITE)) || (err = check(app, p)))
		return err;
	err = jr_store_person_add(app->store, app->actor, p);
	if (err == JR_ERR_CONFLICT)
		return jr_app_fail(app, err, NULL,
		                   "er staat al een persoon met dit BSN in de dossiers");
	return err;
}

enum jr_err jr_app_person_get(struct jr_app *app, int64_t id, struct jr_person *out)
{
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_person_reach(app, id)))
		return err;
	err = not_found(app, jr_store_person_get(app->store, app->actor, id, out), id);
	return err ? err : show_responsible(app, out);
}

enum jr_err jr_app_person_find_bsn(struct jr_app *app, const char *bsn, struct jr_person *out)
{
	enum jr_access_verdict v;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_READ)))
		return err;
	if (!bsn || !jr_bsn_valid(bsn, strlen(bsn)))
		return jr_app_fail(app, JR_ERR_INPUT, "bsn",
		                   "verwacht een geldig BSN (9 cijfers, elfproef)");
	if (!app->principal) {
		err = jr_store_person_find_bsn(app->store, app->actor, bsn, out);
		return err == JR_ERR_NOT_FOUND
		           ? jr_app_fail(app, err, "bsn", "niemand met dit BSN in de dossiers")
		       : err ? err
		             : show_responsible(app, out);
	}
	err = jr_app_access_person_bsn(app->store, app->actor, app->principal, app->policies, bsn,
	                               app->today, out, &v);
	if (!err && v != JR_ACCESS_ALLOWED) {
		memset(out, 0, sizeof(*out));
		return jr_app_fail(app, JR_ERR_NOT_FOUND, "bsn",
		                   "niemand met dit BSN binnen uw bereik");
	}
	return err ? err : show_responsible(app, out);
}

enum jr_err jr_app_person_update(struct jr_app *app, int64_t id, int version,
                                 const struct jr_person_input *in, struct jr_person *out)
{
	struct jr_person_input change = *in;
	enum jr_app_tx tx;
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	if ((err = jr_app_access_require(app, JR_CAP_PERSON_WRITE)))
		return err;
	if ((err = jr_app_person_reach(app, id)))
		return err;
	change.bsn = NULL; /* a BSN identifies the person; it is not edited */
	change.demo = false;
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = not_found(app, jr_store_person_get(app->store, app->actor, id, out), id);
	if (!err) {
		char from[5];
		memcpy(from, out->municipality, sizeof(from));
		out->version = version;
		if (!(err = apply(app, &change, out)) && !(err = check(app, out)))
			err = jr_store_person_update(app->store, app->actor, out);
		/* principle 13: the move keeps running care where it was, and says so */
		if (!err && !(err = move_notice(app, from, out)))
			err = show_responsible(app, out);
		if (err == JR_ERR_CONFLICT)
			err = jr_app_fail(app, err, NULL,
			                  "de persoon is intussen gewijzigd; lees opnieuw (person "
			                  "show) en geef de nieuwe --version");
	}
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_person_involvement(struct jr_app *app, int64_t id, jr_day on,
                                      struct jr_involvement *out, size_t max, size_t *count)
{
	enum jr_err err;

	*count = 0;
	if ((err = jr_app_person_reach(app, id)))
		return err;
	return not_found(app, jr_store_involvement(app->store, app->actor, id, on, out, max, count),
	                 id);
}

enum jr_err jr_app_person_timeline(struct jr_app *app, int64_t id, jr_timeline_fn fn, void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_person_reach(app, id)))
		return err;
	return not_found(app, jr_store_timeline(app->store, app->actor, id, fn, ctx), id);
}

enum jr_err jr_app_person_access_log(struct jr_app *app, int64_t id, int limit, jr_audit_fn fn,
                                     void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_person_reach(app, id)))
		return err;
	return not_found(app, jr_store_audit_of_person(app->store, app->actor, id, limit, fn, ctx),
	                 id);
}
