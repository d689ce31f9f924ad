/* claims: what the providers of a demo region claimed for the care they delivered — per
 * provider, municipality and month one claim (JW323), accepted whole and answered (JW325), as
 * the exchange records a claim it took in (app/ijw.h, jr_app_ijw_claim_accepted), so that the
 * Regiovisie monitor's actual costs (docs/monitor.md) have something to add up.
 *
 * Each line is a month of delivered care priced with the allocation's contract tariff, as the
 * monitor prices its expected costs: a result (OB1..OB4) once, in the month care started; a day
 * (etmaal) per day of care; a month per month with care; an hour per hour delivered of the
 * hours allocated per week (a provider delivers 80 to 100 % of them). The generic regime has
 * no claims per allocation. A provider claims up to the month before the peildatum or the one
 * before that; about one care in twenty is not claimed yet. The care is noted family by family
 * and claimed after the last batch; draws come from rng_claims only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/ijw.h"
#include "core/alloc.h"
#include "demo/demo_internal.h"

#define CLAIMS_PER_BATCH   500 /* claims per bulk transaction */
#define UNCLAIMED_PERMILLE 50

enum price { PRICE_RESULT, PRICE_DAY, PRICE_MONTH, PRICE_HOUR };

/* One allocation's care as it will be claimed. */
struct demo_claimable {
	int64_t allocation_id;
	int provider;
	int mi;
	enum price price;
	const char *unit;
	int64_t tariff_cents;
	int64_t per_week;            /* PRICE_HOUR: hours allocated per week */
	int realised;                /* PRICE_HOUR: permille of them delivered */
	jr_day start, end;           /* the allocation; end 0: open */
	jr_day care_start, care_end; /* care_end: the last day of care */
};

/* How the care of `it` in municipality `mi` is priced; false when it is not claimed per
 * allocation (the generic regime) or has no tariff to claim with. */
static bool price_of(const struct jr_demo *d, const struct demo_item *it, size_t mi,
                     struct demo_claimable *c)
{
	const struct demo_provider *pr = &d->providers[it->provider];
	enum jr_regime regime = d->munis[mi].pm->regime;
	int capacity;

	if (regime == JR_REGIME_GENERIC)
		return false;
	if (regime == JR_REGIME_RESULT && !pr->regional && it->level >= 1 && it->level <= 4) {
		c->price = PRICE_RESULT;
		c->unit = "stuks";
		c->tariff_cents = jr_demo_result_tariffs[it->level];
		return true;
	}
	jr_demo_contract_tariff(pr->forms, &c->tariff_cents, &c->unit, &capacity);
	if (strcmp(c->unit, "etmaal") == 0)
		c->price = PRICE_DAY;
	else if (strcmp(c->unit, "maand") == 0)
		c->price = PRICE_MONTH;
	else if (it->volume > 0)
		c->price = PRICE_HOUR;
	else
		return false;
	c->per_week = it->volume;
	return true;
}

enum jr_err jr_demo_claims_note(struct jr_demo *d, const struct demo_household *hh)
{
	for (size_t k = 0; k < hh->kid_count; k++) {
		const struct demo_child *ch = &hh->kids[k];
		for (size_t i = 0; i < ch->item_count; i++) {
			const struct demo_item *it = &ch->items[i];
			struct demo_claimable c;
			if (!it->started || it->provider < 0)
				continue;
			memset(&c, 0, sizeof(c));
			if (!price_of(d, it, ch->mi, &c) ||
			    rng_permille(&d->rng_claims, UNCLAIMED_PERMILLE))
				continue;
			c.realised =
			    c.price == PRICE_HOUR ? rng_range(&d->rng_claims, 800, 1000) : 1000;
			c.allocation_id = it->allocation_id;
			c.provider = it->provider;
			c.mi = (int)ch->mi;
			c.start = it->start;
			c.end = it->has_end ? it->end : 0;
			c.care_start = it->care_start;
			c.care_end = it->stopped ? it->stop : d->today;
			if (d->claimable_count == d->claimable_cap) {
				size_t cap = d->claimable_cap ? d->claimable_cap * 2 : 1024;
				struct demo_claimable *grown;
				if (cap > (size_t)JR_DEMO_YOUTH_MAX * DEMO_ITEMS_MAX)
					return JR_ERR_TOO_BIG;
				if (!(grown = jr_realloc(d->claimable, cap * sizeof(*grown))))
					return JR_ERR_NOMEM;
				d->claimable = grown;
				d->claimable_cap = cap;
			}
			d->claimable[d->claimable_count++] = c;
		}
	}
	return JR_OK;
}

void jr_demo_claims_release(struct jr_demo *d)
{
	jr_free(d->claimable);
	d->claimable = NULL;
	d->claimable_count = d->claimable_cap = 0;
}

static int by_provider_municipality(const void *a, const void *b)
{
	const struct demo_claimable *x = a, *y = b;

	if (x->provider != y->provider)
		return x->provider < y->provider ? -1 : 1;
	if (x->mi != y->mi)
		return x->mi < y->mi ? -1 : 1;
	return (x->allocation_id > y->allocation_id) - (x->allocation_id < y->allocation_id);
}

static jr_day first_of_month(jr_day day)
{
	int y, m, dd;

	jr_date_to_ymd(day, &y, &m, &dd);
	return jr_date_from_ymd(y, m, 1);
}

/* The line of care `c` in the month [first, last]; false when there is nothing to claim. */
static bool line_in_month(const struct demo_claimable *c, jr_day first, jr_day last,
                          struct jr_app_accepted_line *l)
{
	jr_day from, to, care_from, care_to;
	int64_t days;

	from = c->start > first ? c->start : first;
	to = c->end && c->end < last ? c->end : last;
	care_from = c->care_start > from ? c->care_start : from;
	care_to = c->care_end < to ? c->care_end : to;
	if (from > to || care_from > care_to)
		return false;
	days = care_to - care_from + 1;
	memset(l, 0, sizeof(*l));
	l->allocation_id = c->allocation_id;
	l->begin = from; /* the first of the month or the allocation's start (TR387, TR388) */
	l->end = to;
	l->unit = c->unit;
	l->has_tariff = true;
	l->tariff_cents = c->tariff_cents;
	switch (c->price) {
	case PRICE_RESULT: /* the trajectory, in the month its care started */
		if (c->care_start < first || c->care_start > last)
			return false;
		l->volume = 1;
		break;
	case PRICE_DAY: l->volume = days; break;
	case PRICE_MONTH: l->volume = 1; break;
	default: {
		int64_t most = c->per_week * jr_date_weeks_touched(from, to);
		l->volume = c->per_week * days * c->realised / 7000;
		if (l->volume > most)
			l->volume = most;
		break;
	}
	}
	if (l->volume <= 0)
		return false;
	l->amount_cents = l->volume * c->tariff_cents;
	return true;
}

/* One claim of the lines, sent a few days after the month; counted. */
static enum jr_err claim(struct jr_demo *d, const struct demo_claimable *c, jr_day first,
                         jr_day last, const struct jr_app_accepted_line *lines, size_t n)
{
	const struct demo_provider *pr = &d->providers[c->provider];
	struct jr_app_accepted_claim cl;
	unsigned long seq = (unsigned long)(d->n.claims + 1) % 1000000000ul;
	unsigned run = (unsigned)d->run % 100u;
	enum jr_err err;

	memset(&cl, 0, sizeof(cl));
	cl.provider_id = pr->rec.id;
	snprintf(cl.provider_agb, sizeof(cl.provider_agb), "%s", pr->rec.agb);
	memcpy(cl.municipality, d->munis[c->mi].pm->code, sizeof(cl.municipality));
	snprintf(cl.number, sizeof(cl.number), "D%02u%09lu", run, seq);
	snprintf(cl.answer_ident, sizeof(cl.answer_ident), "R%02u%09lu", run, seq);
	cl.begin = first;
	cl.end = last;
	cl.sent = last + rng_range(&d->rng_claims, 3, 20);
	if (cl.sent >= d->today)
		cl.sent = d->today - 1;
	cl.lines = lines;
	cl.line_count = n;
	if ((err = jr_app_ijw_claim_accepted(&d->app, &cl)))
		return err == JR_ERR_INPUT ? JR_ERR_INTERNAL : err; /* a generator bug */
	d->n.claims++;
	d->n.claim_lines += (long)n;
	for (size_t i = 0; i < n; i++)
		d->n.claimed_cents += lines[i].amount_cents;
	return JR_OK;
}

/* The claims of one provider in one municipality: the care of claimable[from, to), month by
 * month up to `limit` (the first month not claimed yet). */
static enum jr_err claim_group(struct jr_demo *d, size_t from, size_t to, jr_day limit,
                               struct jr_app_accepted_line *lines, size_t *in_batch)
{
	jr_day month = 0;
	enum jr_err err;

	for (size_t i = from; i < to; i++) {
		jr_day f = first_of_month(d->claimable[i].care_start);
		if (!month || f < month)
			month = f;
	}
	for (; month < limit; month = jr_date_add_months(month, 1)) {
		jr_day last = jr_date_add_months(month, 1) - 1;
		size_t n = 0;
		for (size_t i = from; i < to; i++)
			n += line_in_month(&d->claimable[i], month, last, &lines[n]);
		if (!n)
			continue;
		if ((err = claim(d, &d->claimable[from], month, last, lines, n)))
			return err;
		if (++*in_batch >= CLAIMS_PER_BATCH) {
			if ((err = jr_store_bulk_end(d->store, true)) ||
			    (err = jr_store_bulk_begin(d->store)))
				return err;
			*in_batch = 0;
		}
	}
	return JR_OK;
}

/* The end of the group of claimable[i]: the same provider and municipality (sorted). */
static size_t group_end(const struct jr_demo *d, size_t i)
{
	size_t j = i;

	while (j < d->claimable_count && d->claimable[j].provider == d->claimable[i].provider &&
	       d->claimable[j].mi == d->claimable[i].mi)
		j++;
	return j;
}

enum jr_err jr_demo_claims_make(struct jr_demo *d)
{
	struct jr_app_accepted_line *lines = NULL;
	int lag[DEMO_PROVIDERS_MAX];
	jr_day this_month = first_of_month(d->today);
	size_t biggest = 0, in_batch = 0;
	enum jr_err err = JR_OK;

	/* each provider's pace: the month before the peildatum claimed already, or not yet */
	for (size_t p = 0; p < d->provider_count; p++)
		lag[p] = rng_permille(&d->rng_claims, 600) ? 1 : 2;
	if (!d->claimable_count)
		goto out;
	qsort(d->claimable, d->claimable_count, sizeof(*d->claimable), by_provider_municipality);
	for (size_t i = 0, j; i < d->claimable_count; i = j)
		if ((j = group_end(d, i)) - i > biggest)
			biggest = j - i;
	if (!(lines = jr_calloc(biggest, sizeof(*lines)))) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	if ((err = jr_store_bulk_begin(d->store)))
		goto out;
	for (size_t i = 0, j; !err && i < d->claimable_count; i = j) {
		const struct demo_claimable *c = &d->claimable[i];
		j = group_end(d, i);
		err = claim_group(d, i, j, jr_date_add_months(this_month, 1 - lag[c->provider]),
		                  lines, &in_batch);
	}
	if (err)
		jr_store_bulk_end(d->store, false);
	else
		err = jr_store_bulk_end(d->store, true);
out:
	jr_free(lines);
	jr_demo_claims_release(d);
	return err;
}
