/* ijw/claim (app): a claim (JW323) against the records — every line checked against its
 * allocation, the contract and the claims before it (TR304 … TR418), and kept with its lines,
 * each granted or rejected (IV087). */
#include <stdio.h>
#include <string.h>

#include "app/ijw/internal.h"
#include "core/alloc.h"

/* The contract tariff for a claim line: of a contract of the provider for the municipality and
 * the line's product code, running on the line's start (TR418). */
struct tariff_look {
	const char *municipality, *code;
	jr_day on;
	bool found;
	int64_t tariff;
};

static enum jr_err see_contract(void *ctx, const struct jr_contract *c)
{
	struct tariff_look *t = ctx;
	size_t n = strlen(t->code);
	const char *p = c->product_codes;

	if ((c->municipality[0] && strcmp(c->municipality, t->municipality) != 0) ||
	    c->start > t->on || (c->has_end && c->end < t->on) || c->tariff_cents <= 0)
		return JR_OK;
	for (; (p = strstr(p, t->code)); p += n)
		if ((p == c->product_codes || p[-1] == ',') && (p[n] == ',' || p[n] == '\0')) {
			t->found = true;
			t->tariff = c->tariff_cents;
		}
	return JR_OK;
}

/* The most that may be claimed in one product period: the allocation's volume per day, week or
 * month over the period, or its total. IV076 (inspanningsgericht; weekly frequencies occur only
 * there): a week split over two months counts in full in each, as the weeks (Monday to Sunday)
 * the period touches. */
static int64_t period_allowance(const struct jr_ijw_allocation *al, const char *freq,
				jr_day start, jr_day end)
{
	int64_t days = end - start + 1;

	if (strcmp(freq, "1") == 0)
		return al->volume * days;
	if (strcmp(freq, "2") == 0)
		return al->volume * jr_date_weeks_touched(start, end);
	return al->volume; /* per month, or the total */
}

int64_t jr_app_ijw_period_allowance(const struct jr_ijw_allocation *al, const char *freq,
				    jr_day start, jr_day end)
{
	return period_allowance(al, freq, start, end);
}

static bool first_of_month(jr_day d)
{
	int y, mo, dd;
	jr_date_to_ymd(d, &y, &mo, &dd);
	return dd == 1;
}

/* The checks of one claim line against the records; findings go to line i. */
static enum jr_err check_claim_line(struct import *im, size_t i, int64_t child,
				    struct jr_ijw_allocation *al, bool *linked)
{
	const struct jr_ijw_line *l = &im->m->lines[i];
	struct jr_ijw_findings *f = &im->o->findings;
	struct jr_ijw_product product;
	struct tariff_look look = {0};
	const char *unit, *freq;
	bool used, debited, credited, already;
	int64_t claimed;
	enum jr_err err;

	*linked = false;
	/* TR338: a claim line names an allocation (to this provider) by ToewijzingNummer */
	if ((err = jr_store_ijw_allocation(im->s, l->toewijzing_nummer, al, linked)))
		return err;
	if (!*linked || al->provider_id != im->provider.id) {
		*linked = false;
		return jr_ijw_finding_add(f, "TR338", "9338", LINE_AT(im, i),
					  "deze prestatie hoort bij geen toewijzing aan deze "
					  "aanbieder");
	}
	/* TR304: of this client */
	if (al->child_id != child)
		TRY_FINDING(jr_ijw_finding_add(f, "TR304", "8187", LINE_AT(im, i),
					       "de prestatie hoort niet bij deze cliënt"));
	/* TR384: not on a deleted allocation */
	if (strcmp(al->change_reason, "13") == 0)
		TRY_FINDING(jr_ijw_finding_add(f, "TR384", "9384", LINE_AT(im, i),
					       "de toewijzing is verwijderd (reden 13)"));
	jr_app_ijw_product_of(al, &product);
	/* TR339, TR340: the category, and the code when the allocation has one */
	if (strcmp(product.categorie, l->product.categorie) != 0)
		TRY_FINDING(jr_ijw_finding_add(f, "TR339", "9339", LINE_AT(im, i),
					       "de productcategorie is niet die van de toewijzing"));
	if (product.code[0] && strcmp(product.code, l->product.code) != 0)
		TRY_FINDING(jr_ijw_finding_add(f, "TR340", "9340", LINE_AT(im, i),
					       "de productcode is niet die van de toewijzing"));
	/* TR341: the unit fits the allocation's (hours may be claimed in minutes) */
	unit = strcmp(al->regime, "result") == 0 ? "82" : jr_app_ijw_unit_code(al->unit);
	if (unit && strcmp(unit, l->omvang.eenheid) != 0 &&
	    !(strcmp(unit, "04") == 0 && strcmp(l->omvang.eenheid, "01") == 0))
		TRY_FINDING(jr_ijw_finding_add(f, "TR341", "9341", LINE_AT(im, i),
					       "de eenheid past niet bij die van de toewijzing"));
	/* TR307, TR308: the product period lies within the allocation */
	if (l->begin < al->start)
		TRY_FINDING(jr_ijw_finding_add(f, "TR307", "9307", LINE_AT(im, i),
					       "de productperiode begint voor de toewijzing"));
	if (al->has_end && l->end > al->end)
		TRY_FINDING(jr_ijw_finding_add(f, "TR308", "9308", LINE_AT(im, i),
					       "de productperiode eindigt na de toewijzing"));
	/* TR387, TR388: a whole month, unless the allocation starts or ends within it */
	if (!first_of_month(l->begin) && !(l->begin == al->start))
		TRY_FINDING(jr_ijw_finding_add(f, "TR387", "9387", LINE_AT(im, i),
					       "de productperiode begint niet op de eerste van de "
					       "maand of op de ingangsdatum van de toewijzing"));
	if (!first_of_month(l->end + 1) && !(al->has_end && l->end == al->end))
		TRY_FINDING(jr_ijw_finding_add(f, "TR388", "9388", LINE_AT(im, i),
					       "de productperiode eindigt niet op de laatste van de "
					       "maand of op de einddatum van de toewijzing"));
	/* TR319: within the claim's period or one before it */
	if (l->end > im->m->claim.end)
		TRY_FINDING(jr_ijw_finding_add(f, "TR319", "9319", LINE_AT(im, i),
					       "de productperiode valt na de declaratieperiode"));
	/* TR314, TR323, TR390: references */
	if ((err = jr_store_claim_reference(im->s, im->provider.id, l->referentie, &used, &debited,
					    &credited)))
		return err;
	if (used)
		TRY_FINDING(jr_ijw_finding_add(f, "TR314", "8021", LINE_AT(im, i),
					       "dit referentienummer is al eerder gebruikt"));
	if (!l->debet) {
		if ((err = jr_store_claim_reference(im->s, im->provider.id, l->vorig_referentie,
						    &used, &debited, &credited)))
			return err;
		if (!debited)
			TRY_FINDING(jr_ijw_finding_add(f, "TR323", "8017", LINE_AT(im, i),
						       "van deze creditregel is geen goedgekeurde "
						       "debetregel bekend"));
		else if (credited)
			TRY_FINDING(jr_ijw_finding_add(f, "TR390", "9390", LINE_AT(im, i),
						       "deze debetregel is al gecrediteerd"));
		return JR_OK;
	}
	/* TR389: one debit per allocation, product and period until it is credited */
	if ((err = jr_store_claim_period_debited(im->s, al->id, l->product.code, l->begin, l->end,
						 &already)))
		return err;
	if (already)
		TRY_FINDING(jr_ijw_finding_add(f, "TR389", "9389", LINE_AT(im, i),
					       "voor deze periode en dit product is al gedeclareerd"));
	/* TR321, TR322: within the allocated volume (the product regime's Omvang) */
	freq = strcmp(al->regime, "product") == 0 ? jr_app_ijw_frequency_code(al->frequency) : NULL;
	if (freq && al->volume > 0) {
		int64_t in_minutes = strcmp(l->omvang.eenheid, "01") == 0 &&
						     strcmp(unit ? unit : "", "04") == 0
					     ? 60
					     : 1;
		if (l->omvang.volume > period_allowance(al, freq, l->begin, l->end) * in_minutes)
			TRY_FINDING(jr_ijw_finding_add(f, "TR321", "9321", LINE_AT(im, i),
						       "het geleverde volume is groter dan toegewezen"));
		if (strcmp(freq, "6") == 0) {
			if ((err = jr_store_claimed_volume(im->s, al->id, &claimed)))
				return err;
			if (claimed + l->omvang.volume > al->volume * in_minutes)
				TRY_FINDING(jr_ijw_finding_add(
				    f, "TR322", "9322", LINE_AT(im, i),
				    "met deze prestatie gaat de som over het toegewezen volume"));
		}
	}
	/* TR418: the tariff of the contract */
	if (l->has_tarief) {
		look.municipality = al->municipality;
		look.code = l->product.code;
		look.on = l->begin;
		if ((err = jr_store_contract_each(im->s, im->provider.id, see_contract, &look)))
			return err;
		if (!look.found || look.tariff != l->tarief)
			TRY_FINDING(jr_ijw_finding_add(f, "TR418", "0611", LINE_AT(im, i),
						       "het tarief is niet het contracttarief van "
						       "dit product"));
	}
	return JR_OK;
}

/* The return codes of line i, comma-separated, for the claim line's record. */
static void codes_of_line(const struct jr_ijw_findings *f, size_t i, char *out, size_t cap)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t k = 0; k < f->count; k++)
		if (f->items[k].at == JR_IJW_AT_LINE && f->items[k].index == i &&
		    !strstr(out, f->items[k].code)) {
			int w = snprintf(out + len, cap - len, "%s%s", len ? "," : "",
					 f->items[k].code);
			if (w < 0 || (size_t)w >= cap - len)
				break;
			len += (size_t)w;
		}
}

/* JW323: every line checked; the claim is kept with its lines, each accepted or rejected
 * (IV087: a line is granted whole or rejected whole). A finding on the Declaratie itself
 * (TR333) rejects the whole claim: nothing is kept. */
enum jr_err jr_app_ijw_import_claim(struct import *im)
{
	const struct jr_ijw_msg *m = im->m;
	struct jr_ijw_findings *f = &im->o->findings;
	struct jr_claim_rec claim = {0};
	struct jr_ijw_allocation *al;
	struct jr_person *children;
	bool *linked = NULL, known;
	int64_t granted = 0;
	enum jr_err err;

	/* TR333: a claim number once per provider */
	if ((err = jr_store_claim_known(im->s, im->provider.id, m->claim.nummer, &known)))
		return err;
	if (known)
		return jr_ijw_finding_add(f, "TR333", "9333", JR_IJW_AT_CLASS, 0, 0,
					  "dit declaratienummer is al eerder gebruikt");
	/* TR318: the period is the month after the last one claimed, unless no care was
	 * delivered in the months between (then it is the month care was delivered again) */
	{
		bool has_previous, delivered;
		jr_day previous_end;
		if ((err = jr_store_claim_previous(im->s, im->provider.id, m->header.ontvanger,
						   m->claim.begin, &has_previous, &previous_end,
						   &delivered)))
			return err;
		if (has_previous && (m->claim.begin <= previous_end || delivered))
			return jr_ijw_finding_add(
			    f, "TR318", "8214", JR_IJW_AT_CLASS, 0, 0,
			    m->claim.begin <= previous_end
				? "deze declaratieperiode is al gedeclareerd of ligt vóór de vorige"
				: "de declaratieperiode volgt niet op de vorige, terwijl er tussendoor "
				  "zorg is geleverd");
	}
	al = jr_calloc(m->line_count ? m->line_count : 1, sizeof(*al));
	children = jr_calloc(m->client_count ? m->client_count : 1, sizeof(*children));
	linked = jr_calloc(m->line_count ? m->line_count : 1, sizeof(*linked));
	if (!al || !children || !linked) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t c = 0; c < m->client_count; c++) {
		bool found;
		if ((err = jr_app_ijw_person_of(im, c, &children[c], &found)))
			goto out;
		if (!found)
			children[c].id = 0;
	}
	for (size_t i = 0; i < m->line_count; i++)
		if ((err = check_claim_line(im, i, children[m->lines[i].client].id, &al[i],
					    &linked[i])))
			goto out;
	claim.message_id = im->message_id;
	claim.provider_id = im->provider.id;
	snprintf(claim.number, sizeof(claim.number), "%s", m->claim.nummer);
	claim.start = m->claim.begin;
	claim.end = m->claim.end;
	claim.submitted_cents = m->claim.totaal_debet ? m->claim.totaal : -m->claim.totaal;
	for (size_t i = 0; i < m->line_count; i++) {
		char codes[64];
		codes_of_line(f, i, codes, sizeof(codes));
		if (!codes[0])
			granted += m->lines[i].debet ? m->lines[i].bedrag : -m->lines[i].bedrag;
		else
			im->o->lines_rejected++;
	}
	claim.granted_cents = granted;
	if ((err = jr_store_claim_add(im->s, im->a, &claim)))
		goto out;
	for (size_t i = 0; i < m->line_count && !err; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		struct jr_claim_line_rec r = {0};
		r.claim_id = claim.id;
		r.provider_id = im->provider.id;
		r.allocation_id = linked[i] ? al[i].id : 0;
		r.child_id = children[l->client].id;
		snprintf(r.reference, sizeof(r.reference), "%.80s", l->referentie);
		snprintf(r.previous_reference, sizeof(r.previous_reference), "%s",
			 l->vorig_referentie);
		snprintf(r.jz020, sizeof(r.jz020), "%s", l->product.categorie);
		snprintf(r.product_code, sizeof(r.product_code), "%s", l->product.code);
		r.start = l->begin;
		r.end = l->end;
		r.volume = l->omvang.volume;
		snprintf(r.unit, sizeof(r.unit), "%s", l->omvang.eenheid);
		r.has_tariff = l->has_tarief;
		r.tariff_cents = l->tarief;
		r.amount_cents = l->bedrag;
		r.debit = l->debet;
		codes_of_line(f, i, r.codes, sizeof(r.codes));
		r.accepted = r.codes[0] == '\0';
		err = jr_store_claim_line_add(im->s, im->a, &r);
	}
out:
	jr_free(al);
	jr_free(children);
	jr_free(linked);
	return err;
}

