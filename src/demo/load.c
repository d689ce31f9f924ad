/* load: the families of a demo region and the bulk load that makes them, with its progress on
 * stderr — and the interface of demo.h. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo/demo_internal.h"

/* One household: one or two parents and up to `room` children of 0-17, in one municipality;
 * then the help of each child, and the coordinator the stories asked for. */
static enum jr_err household(struct jr_demo *d, long room, long *kids)
{
	static const int kid_mix[DEMO_KIDS_MAX] = {35, 45, 15, 5};
	struct rng *r = &d->rng;
	struct demo_household *hh = &d->hh;
	struct demo_muni *m;
	struct jr_person parent;
	struct jr_address home;
	char fam[64];
	int count = 1 + rng_weighted(r, kid_mix, DEMO_KIDS_MAX),
	    parents = rng_permille(r, 280) ? 1 : 2;
	int age = rng_range(r, 0, 17);
	bool girl, mother;
	jr_day eldest = 0;
	size_t mi;
	enum jr_err err;

	memset(hh, 0, sizeof(*hh));
	mi = jr_demo_pick_muni(d);
	m = &d->munis[mi];
	memcpy(hh->rec.municipality, m->pm->code, sizeof(hh->rec.municipality));
	if ((err = jr_demo_household_add(d, &hh->rec)))
		return err;
	jr_demo_family_name(r, fam, sizeof(fam));
	jr_demo_household_address(d, m, &home);
	if (count > room)
		count = (int)room;
	/* Children, eldest first, one to four years apart. */
	for (int k = 0; k < count && age >= 0; k++) {
		struct demo_child *c = &hh->kids[hh->kid_count];
		memset(c, 0, sizeof(*c));
		c->mi = mi;
		c->age = age;
		c->measure_provider = -1;
		c->household_id = hh->rec.id;
		c->person.birth_date = jr_date_add_years(d->today, -age) - rng_range(r, 0, 364);
		if (k == 0)
			eldest = c->person.birth_date;
		girl = rng_permille(r, 500);
		snprintf(c->person.given_names, sizeof(c->person.given_names), "%s",
		         girl ? PICK(r, jr_demo_girls) : PICK(r, jr_demo_boys));
		c->person.sex = girl ? '2' : '1';
		c->person.address = home;
		snprintf(c->person.family_name, sizeof(c->person.family_name), "%s", fam);
		memcpy(c->person.municipality, m->pm->code, sizeof(c->person.municipality));
		if ((err = jr_demo_person_add(d, &c->person)) ||
		    (err = jr_demo_member_add(d, hh->rec.id, c->person.id, "child")))
			return err;
		d->n.children++;
		hh->kid_count++;
		age -= rng_range(r, 1, 4);
	}
	for (int k = 0; k < parents; k++) {
		memset(&parent, 0, sizeof(parent));
		parent.birth_date =
		    jr_date_add_years(eldest, -rng_range(r, 22, 40)) - rng_range(r, 0, 364);
		mother = (k == 0) == rng_permille(r, 850);
		snprintf(parent.given_names, sizeof(parent.given_names), "%s",
		         mother ? PICK(r, jr_demo_mothers) : PICK(r, jr_demo_fathers));
		parent.sex = mother ? '2' : '1';
		parent.address = home;
		if (k == 0 || rng_permille(r, 500))
			snprintf(parent.family_name, sizeof(parent.family_name), "%s", fam);
		else
			jr_demo_family_name(r, parent.family_name, sizeof(parent.family_name));
		memcpy(parent.municipality, m->pm->code, sizeof(parent.municipality));
		if ((err = jr_demo_person_add(d, &parent)) ||
		    (err = jr_demo_member_add(d, hh->rec.id, parent.id, "parent")))
			return err;
		d->n.parents++;
	}
	*kids = (long)hh->kid_count;
	/* Youth care: the municipality's share, for children from two years old (scaled so the
	 * share holds over all youths). */
	for (size_t k = 0; k < hh->kid_count; k++) {
		struct demo_child *c = &hh->kids[k];
		if (c->age < 2)
			continue;
		if (rng_permille(r, m->care_permille * 18 / 16)) {
			if ((err = jr_demo_child_care(d, c, hh)))
				return err;
		} else if ((err = jr_demo_child_settled(d, c, m->care_permille / 2))) {
			return err;
		}
	}
	if ((err = jr_demo_claims_note(d, hh)))
		return err;
	if (hh->coordinator && !hh->no_coordinator) {
		int64_t user = hh->coordinator == 2 ? d->gi_user_id : m->consulent_id;
		if ((err = jr_demo_set_coordinator(d, &hh->rec, user)))
			return err;
	}
	return JR_OK;
}

static void progress(struct jr_demo *d, long done, long total)
{
	int tenth = (int)(done * 10 / total);

	if (d->tty) {
		fprintf(stderr, "\rjeugdroute: demo: %ld van %ld jongeren…", done, total);
		if (done == total)
			fputc('\n', stderr);
	} else if (tenth > d->last_tenth) {
		fprintf(stderr, "jeugdroute: demo: %ld van %ld jongeren…\n", done, total);
	}
	d->last_tenth = tenth;
	fflush(stderr);
}

/* Loads `total` youths in bulk transactions of about DEMO_BATCH. */
static enum jr_err load(struct jr_demo *d, long total)
{
	long done = 0;
	enum jr_err err = JR_OK;

	while (done < total) {
		long in_batch = 0;
		if ((err = jr_store_bulk_begin(d->store)))
			return err;
		while (done < total && in_batch < DEMO_BATCH) {
			long kids = 0;
			if ((err = household(d, total - done, &kids)))
				break;
			done += kids;
			in_batch += kids;
		}
		if (err) {
			jr_store_bulk_end(d->store, false);
			return err;
		}
		if ((err = jr_store_bulk_end(d->store, true)))
			return err;
		progress(d, done, total);
	}
	if ((err = jr_demo_claims_make(d)))
		return err;
	return jr_demo_suspend_providers(d);
}

struct jr_demo *jr_demo_new(const struct jr_demo_options *o)
{
	struct jr_demo *d = calloc(1, sizeof(*d));
	int y, mo, dd;

	if (!d)
		return NULL;
	jr_buf_init(&d->out, 1 << 20);
	jr_buf_init(&d->scratch, 1 << 16);
	d->store = o->store;
	d->actor = o->actor;
	d->p = o->policy;
	d->ref = jr_demo_region_ref(d->p->id);
	d->today = o->today;
	d->youths = o->youths;
	d->logins = o->logins;
	d->password = o->password;
	d->rng.state = o->seed;
	d->rng_address.state = o->seed ^ UINT64_C(0x5bd1e9955bd1e995);
	d->rng_settled.state = o->seed ^ UINT64_C(0x2545f4914f6cdd1d);
	d->rng_claims.state = o->seed ^ UINT64_C(0x9fb21c651e98df25);
	d->tty = o->progress_tty;
	d->last_tenth = 0;
	d->agb_next = 1;
	jr_date_to_ymd(d->today, &y, &mo, &dd);
	d->contract_start = jr_date_from_ymd(y - 4, 1, 1);
	d->span_days = o->years > 0 ? o->years * 365 : 1000;
	d->earliest = d->contract_start > d->p->valid_from ? d->contract_start : d->p->valid_from;
	jr_demo_setup_munis(d);
	jr_demo_app_init(d);
	return d;
}

void jr_demo_free(struct jr_demo *d)
{
	if (!d)
		return;
	jr_buf_release(&d->out);
	jr_buf_release(&d->scratch);
	jr_demo_claims_release(d);
	sodium_memzero(d, sizeof(*d));
	free(d);
}

enum jr_err jr_demo_prepare(struct jr_demo *d)
{
	enum jr_err err;

	if ((err = jr_demo_find_run(d)))
		return err;
	err = jr_demo_find_bsn_start(d);
	if (err == JR_ERR_TOO_BIG) { /* the demo BSNs are used up: no room (jr_demo_room) */
		d->bsn_next = BSN_OFFSET_MAX;
		err = JR_OK;
	}
	return err;
}

bool jr_demo_room(const struct jr_demo *d)
{
	/* the youths, their parents and room to spare */
	unsigned long long youths = (unsigned long long)d->youths;
	return d->bsn_next + youths * 3 + youths / 2 + 1000 < BSN_OFFSET_MAX;
}

enum jr_err jr_demo_load(struct jr_demo *d)
{
	enum jr_err err;

	/* any failure ends the load, so its writes need not wait for each other */
	if ((err = jr_store_bulk_defer_writes(d->store, true)) ||
	    (err = jr_store_bulk_begin(d->store)))
		return err;
	err = jr_demo_setup(d);
	if (err) {
		jr_store_bulk_end(d->store, false);
		return err;
	}
	if ((err = jr_store_bulk_end(d->store, true)) || (err = load(d, d->youths)) ||
	    (err = jr_store_bulk_defer_writes(d->store, false)) ||
	    (err = jr_store_after_bulk_load(d->store)))
		return err;
	return d->logins ? jr_demo_make_logins(d) : JR_OK;
}

bool jr_demo_progress_open(const struct jr_demo *d)
{
	return d->tty && d->last_tenth;
}

const struct jr_demo_counts *jr_demo_counts(const struct jr_demo *d)
{
	return &d->n;
}

const struct jr_demo_login *jr_demo_logins(const struct jr_demo *d, size_t *count)
{
	*count = d->login_count;
	return d->login;
}
