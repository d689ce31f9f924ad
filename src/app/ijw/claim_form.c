/* ijw/claim_form (app): a claim entered in the browser by a provider without a system of its
 * own (issue 15 point 2). The form is prefilled from the allocation — its product, the part of
 * the month it runs, the units it allows — and what the provider sends is written as a JW323
 * and taken in by the same road as a JW323 file (jr_app_ijw_import: the structure, the rules
 * within the message, and claim.c's checks against the records), answered with the JW325. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app/care.h"
#include "app/ijw/internal.h"
#include "core/alloc.h"

struct tariff {
	const char *municipality, *code;
	jr_day on;
	bool found;
	int64_t cents;
};

/* The contract tariff of the product on the day (as claim.c's TR418 looks it up). */
static enum jr_err see_contract(void *ctx, const struct jr_contract *c)
{
	struct tariff *t = ctx;
	size_t n = strlen(t->code);
	const char *p = c->product_codes;

	if (!n || (c->municipality[0] && strcmp(c->municipality, t->municipality) != 0) ||
	    c->start > t->on || (c->has_end && c->end < t->on) || c->tariff_cents <= 0)
		return JR_OK;
	for (; (p = strstr(p, t->code)); p += n)
		if ((p == c->product_codes || p[-1] == ',') && (p[n] == ',' || p[n] == '\0')) {
			t->found = true;
			t->cents = c->tariff_cents;
		}
	return JR_OK;
}

/* The first and last day of the month of `d`. */
static void month_of(jr_day d, jr_day *first, jr_day *last)
{
	int y, m, dd;

	jr_date_to_ymd(d, &y, &m, &dd);
	*first = jr_date_from_ymd(y, m, 1);
	*last = jr_date_add_months(*first, 1) - 1;
}

/* The allocation and the form's facts, inside the caller's transaction. */
static enum jr_err form_of(struct jr_app *app, int64_t id, jr_day month,
			   struct jr_app_claim_form *f, struct jr_ijw_allocation *al)
{
	struct jr_ijw_product product;
	struct tariff t = {0};
	const char *unit, *freq;
	bool found = false;
	enum jr_err err;

	memset(f, 0, sizeof(*f));
	f->allocation_id = id;
	month_of(month, &f->month_start, &f->month_end);
	if ((err = jr_store_ijw_allocation(app->store, id, al, &found)))
		return err;
	if (!found)
		return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
				   "toewijzing niet gevonden: geen toewijzing met dit nummer");
	if (strcmp(al->regime, "generic") == 0)
		return jr_app_fail(app, JR_ERR_REFUSED, NULL,
				   "in de taakgerichte uitvoeringsvariant is er geen toewijzingsbericht "
				   "en declareert u niet per toewijzing (JW323)");
	if (al->start > f->month_end || (al->has_end && al->end < f->month_start))
		return jr_app_fail(app, JR_ERR_INPUT, "month",
				   "de toewijzing loopt niet in deze maand: kies een maand binnen de "
				   "toewijzing");
	jr_app_ijw_product_of(al, &product);
	snprintf(f->category, sizeof(f->category), "%s", product.categorie);
	snprintf(f->product_code, sizeof(f->product_code), "%s", product.code);
	f->begin = al->start > f->month_start ? al->start : f->month_start;
	f->end = al->has_end && al->end < f->month_end ? al->end : f->month_end;
	if (strcmp(al->regime, "result") == 0) {
		unit = "82"; /* a result is claimed as one piece */
		snprintf(f->unit, sizeof(f->unit), "stuks");
		f->volume = 1;
	} else {
		unit = jr_app_ijw_unit_code(al->unit);
		snprintf(f->unit, sizeof(f->unit), "%s", al->unit);
		freq = jr_app_ijw_frequency_code(al->frequency);
		f->volume = freq && al->volume > 0
				    ? jr_app_ijw_period_allowance(al, freq, f->begin, f->end)
				    : al->volume;
	}
	if (!unit)
		return jr_app_fail(app, JR_ERR_REFUSED, NULL,
				   "de eenheid van deze toewijzing heeft geen iJw-code: declareer via "
				   "uw eigen systeem");
	snprintf(f->unit_code, sizeof(f->unit_code), "%s", unit);
	t.municipality = al->municipality;
	t.code = f->product_code;
	t.on = f->begin;
	if ((err = jr_store_contract_each(app->store, al->provider_id, see_contract, &t)))
		return err;
	f->has_tariff = t.found;
	f->tariff_cents = t.cents;
	return JR_OK;
}

/* The form with its allocation, reach checked first, in one read. */
static enum jr_err form_read(struct jr_app *app, int64_t id, jr_day month,
			     struct jr_app_claim_form *f, struct jr_ijw_allocation *al)
{
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = jr_app_allocation_reach(app, id, JR_ALLOCATION_CARE)) ||
	    (err = jr_app_tx_begin(app, &tx)))
		return err;
	err = form_of(app, id, month, f, al);
	return jr_app_tx_end(app, tx, err);
}

enum jr_err jr_app_claim_form(struct jr_app *app, int64_t id, jr_day month,
			      struct jr_app_claim_form *f)
{
	struct jr_ijw_allocation al;

	return form_read(app, id, month, f, &al);
}

/* Euro cents as the standard writes an amount: whole cents. */
static enum jr_err write_claim(struct jr_buf *x, const struct jr_app_claim_form *f,
			       const struct jr_ijw_allocation *al, const char *agb, const char *bsn,
			       const char *ident, jr_day today, const struct jr_app_claim_line *lines,
			       size_t n)
{
	char day[JR_DATE_STRLEN], a[JR_DATE_STRLEN], b[JR_DATE_STRLEN];
	int64_t total = 0;
	enum jr_err err;

	for (size_t i = 0; i < n; i++)
		total += f->has_tariff ? f->tariff_cents * lines[i].volume : 0;
	jr_date_format(today, day);
	jr_date_format(f->month_start, a);
	jr_date_format(f->month_end, b);
	TRY(jr_buf_printf(
	    x,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<jw323:Bericht xmlns:jw323=\"http://www.istandaarden.nl/ijw/3_2/jw323/schema\""
	    " xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\">\n"
	    "<jw323:Header><jw323:BerichtCode>490</jw323:BerichtCode>"
	    "<jw323:BerichtVersie>3</jw323:BerichtVersie>"
	    "<jw323:BerichtSubversie>2</jw323:BerichtSubversie>"
	    "<jw323:Afzender>%s</jw323:Afzender><jw323:Ontvanger>%s</jw323:Ontvanger>"
	    "<jw323:BerichtIdentificatie><ijw:Identificatie>%s</ijw:Identificatie>"
	    "<ijw:Dagtekening>%s</ijw:Dagtekening></jw323:BerichtIdentificatie>"
	    "<jw323:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>"
	    "<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw323:XsdVersie></jw323:Header>\n"
	    "<jw323:Declaratie><jw323:DeclaratieNummer>%s</jw323:DeclaratieNummer>"
	    "<jw323:DeclaratiePeriode><ijw:Begindatum>%s</ijw:Begindatum>"
	    "<ijw:Einddatum>%s</ijw:Einddatum></jw323:DeclaratiePeriode>"
	    "<jw323:DeclaratieDagtekening>%s</jw323:DeclaratieDagtekening>"
	    "<jw323:TotaalIngediendBedrag><ijw:TotaalBedrag>%lld</ijw:TotaalBedrag>"
	    "<ijw:DebetCredit>D</ijw:DebetCredit></jw323:TotaalIngediendBedrag>\n"
	    "<jw323:Clienten><jw323:Client><jw323:Bsn>%s</jw323:Bsn><jw323:Prestaties>\n",
	    agb, al->municipality, ident, day, ident, a, b, day, (long long)total, bsn));
	for (size_t i = 0; i < n; i++) {
		jr_date_format(lines[i].begin, a);
		jr_date_format(lines[i].end, b);
		TRY(jr_buf_printf(x,
				  "<jw323:Prestatie><jw323:ProductReferentie>"
				  "<ijw:ReferentieNummer>%s-%zu</ijw:ReferentieNummer>"
				  "</jw323:ProductReferentie>"
				  "<jw323:ToewijzingNummer>%lld</jw323:ToewijzingNummer>"
				  "<jw323:ProductCategorie>%s</jw323:ProductCategorie>",
				  ident, i + 1, (long long)al->id, f->category));
		if (f->product_code[0])
			TRY(jr_buf_printf(x, "<jw323:ProductCode>%s</jw323:ProductCode>",
					  f->product_code));
		TRY(jr_buf_printf(x,
				  "<jw323:ProductPeriode><ijw:Begindatum>%s</ijw:Begindatum>"
				  "<ijw:Einddatum>%s</ijw:Einddatum></jw323:ProductPeriode>"
				  "<jw323:GeleverdVolume>%lld</jw323:GeleverdVolume>"
				  "<jw323:Eenheid>%s</jw323:Eenheid>",
				  a, b, (long long)lines[i].volume, f->unit_code));
		if (f->has_tariff)
			TRY(jr_buf_printf(x, "<jw323:ProductTarief>%lld</jw323:ProductTarief>",
					  (long long)f->tariff_cents));
		TRY(jr_buf_printf(x,
				  "<jw323:IngediendBedrag><ijw:Bedrag>%lld</ijw:Bedrag>"
				  "<ijw:DebetCredit>D</ijw:DebetCredit></jw323:IngediendBedrag>"
				  "</jw323:Prestatie>\n",
				  (long long)(f->has_tariff ? f->tariff_cents * lines[i].volume : 0)));
	}
	TRY(jr_buf_puts(x, "</jw323:Prestaties></jw323:Client></jw323:Clienten></jw323:Declaratie>"
			   "</jw323:Bericht>\n"));
out:
	return err;
}

enum jr_err jr_app_claim_submit(struct jr_app *app, int64_t id, jr_day month,
				const struct jr_app_claim_line *lines, size_t n,
				struct jr_ijw_outcome *o)
{
	struct jr_app_claim_form f;
	struct jr_ijw_allocation al;
	struct jr_ijw_parser *parser = NULL;
	struct jr_person child;
	struct jr_buf xml;
	char ident[13];
	uint64_t rnd;
	enum jr_err err;

	if (!app->principal || !app->principal->agb[0])
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "declareren kan alleen een zorgaanbieder met een AGB-code");
	if ((err = form_read(app, id, month, &f, &al)))
		return err;
	if (n == 0 || n > JR_APP_CLAIM_LINES_MAX)
		return jr_app_fail(app, JR_ERR_INPUT, "lines", "geef 1 tot en met %d regels",
				   JR_APP_CLAIM_LINES_MAX);
	for (size_t i = 0; i < n; i++) {
		char path[32];
		snprintf(path, sizeof(path), "lines[%zu]", i);
		if (lines[i].end < lines[i].begin || lines[i].begin < f.month_start ||
		    lines[i].end > f.month_end)
			return jr_app_fail(app, JR_ERR_INPUT, path,
					   "de periode ligt niet binnen de gekozen maand, of eindigt "
					   "voor hij begint");
		if (lines[i].volume < 1 || lines[i].volume > 99999999)
			return jr_app_fail(app, JR_ERR_INPUT, path,
					   "het aantal eenheden is een geheel getal groter dan 0");
	}
	if ((err = jr_store_person_get(app->store, app->actor, al.child_id, &child)))
		return err;
	/* unique for the sender (TR056): eleven random digits; a claim sent twice is refused by
	 * its lines (TR389: this period of this product is claimed already) */
	randombytes_buf(&rnd, sizeof(rnd));
	snprintf(ident, sizeof(ident), "W%011llu", (unsigned long long)(rnd % 100000000000ull));
	jr_buf_init(&xml, 1 << 20);
	/* the message is taken in by the road of a JW323 file, in a transaction of its own (or
	 * its own part of the server's request), so that a rejected one leaves nothing */
	if (!(err = write_claim(&xml, &f, &al, app->principal->agb, child.bsn, ident, app->today,
				lines, n)) &&
	    !(err = jr_app_ijw_parser_new(&parser)))
		err = jr_app_ijw_import(app, parser, jr_buf_str(&xml), xml.len, app->principal->agb,
					o);
	jr_app_ijw_parser_free(parser);
	jr_buf_release(&xml);
	memset(&child, 0, sizeof(child));
	return err;
}
