/* ijw_rules: the in-message rules of the iJw 3.2 rule report (ijw_rules.h). Each check names its
 * rule code; the texts say what is wrong without repeating personal data (no BSN, no names). */
#include "ijw/ijw_rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/ident.h"
#include "ijw/ijw_codes.h"

#define TECHNICAL "0001" /* WJ001: the message is rejected for technical reasons */

enum jr_err jr_ijw_finding_add(struct jr_ijw_findings *f, const char *rule, const char *code,
			       enum jr_ijw_place at, size_t index, int line, const char *fmt, ...)
{
	struct jr_ijw_finding *x;
	va_list ap;

	if (f->count == JR_IJW_FINDINGS_MAX) {
		f->dropped++;
		return JR_OK;
	}
	if (f->count == f->cap) {
		size_t cap = f->cap ? 2 * f->cap : 8;
		if (!(x = jr_realloc(f->items, cap * sizeof(*x))))
			return JR_ERR_NOMEM;
		f->items = x;
		f->cap = cap;
	}
	x = &f->items[f->count++];
	memset(x, 0, sizeof(*x));
	snprintf(x->rule, sizeof(x->rule), "%s", rule);
	snprintf(x->code, sizeof(x->code), "%s", code);
	x->at = at;
	x->index = index;
	x->line = line;
	va_start(ap, fmt);
	vsnprintf(x->message, sizeof(x->message), fmt, ap);
	va_end(ap);
	return JR_OK;
}

void jr_ijw_findings_release(struct jr_ijw_findings *f)
{
	jr_free(f->items);
	memset(f, 0, sizeof(*f));
}

bool jr_ijw_findings_technical(const struct jr_ijw_findings *f)
{
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->items[i].code, TECHNICAL) == 0)
			return true;
	return false;
}

/* The checks append through these, which stop at the first allocation failure. */
struct check {
	const struct jr_ijw_msg *m;
	struct jr_ijw_findings *f;
	enum jr_err err;
};

#define ON_LINE(c, i) JR_IJW_AT_LINE, (i), (c)->m->lines[i].line
#define ON_CLIENT(c, i) JR_IJW_AT_CLIENT, (i), (c)->m->clients[i].line
#define ON_HEADER(c) JR_IJW_AT_HEADER, 0, 0
#define ON_CLASS(c) JR_IJW_AT_CLASS, 0, 0

static void add(struct check *c, const char *rule, const char *code, enum jr_ijw_place at,
		size_t index, int line, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void add(struct check *c, const char *rule, const char *code, enum jr_ijw_place at,
		size_t index, int line, const char *fmt, ...)
{
	char text[240];
	va_list ap;

	if (c->err)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	c->err = jr_ijw_finding_add(c->f, rule, code, at, index, line, "%s", text);
}

static int month_of(jr_day d)
{
	int y, m, dd;
	jr_date_to_ymd(d, &y, &m, &dd);
	return y * 12 + m;
}

static bool first_of_month(jr_day d)
{
	int y, m, dd;
	jr_date_to_ymd(d, &y, &m, &dd);
	return dd == 1;
}

static bool last_of_month(jr_day d)
{
	return first_of_month(d + 1);
}

/* A code that is in its list (the structural check saw to that) but not valid on the message's
 * date: a code list's ingangsdatum and expiratiedatum (ijw_codes.h), named by the list. */
static void code_on(struct check *c, enum jr_ijw_codelist list, const char *code,
		    enum jr_ijw_place at, size_t index, int line)
{
	char day[JR_DATE_STRLEN];

	if (!code[0] || jr_ijw_code_valid(list, code, c->m->header.dagtekening))
		return;
	jr_date_format(c->m->header.dagtekening, day);
	add(c, jr_ijw_codelist_name(list), TECHNICAL, at, index, line,
	    "code %s van %s geldt niet op de dagtekening van het bericht (%s)", code,
	    jr_ijw_codelist_name(list), day);
}

/* Every code read, against the validity dates of its list. */
static void check_codes(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;

	for (size_t i = 0; i < m->client_count; i++) {
		const char sex[2] = {m->clients[i].sex, '\0'};
		code_on(c, JR_IJW_COD046, sex, ON_CLIENT(c, i));
		code_on(c, JR_IJW_COD170, m->clients[i].date_usage, ON_CLIENT(c, i));
	}
	code_on(c, JR_IJW_WJ758, m->change.reden, JR_IJW_AT_CLASS, 0, m->change.line);
	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		const char status[2] = {l->status, '\0'};
		code_on(c, JR_IJW_JZ020, l->product.categorie, ON_LINE(c, i));
		code_on(c, JR_IJW_WJ756, l->omvang.eenheid, ON_LINE(c, i));
		code_on(c, JR_IJW_WMO757, l->omvang.frequentie, ON_LINE(c, i));
		code_on(c, JR_IJW_COD467, status, ON_LINE(c, i));
		code_on(c, JR_IJW_JZ588, l->reden, ON_LINE(c, i));
		code_on(c, JR_IJW_COD327, l->verwijzer_type, ON_LINE(c, i));
	}
}

/* The rules on the header and the clients that every message in shares. */
static void check_common(struct check *c, jr_day today)
{
	const struct jr_ijw_msg *m = c->m;
	jr_day dag = m->header.dagtekening;

	/* TR135 (8848): the Dagtekening is not in the future */
	if (dag > today)
		add(c, "TR135", "8848", ON_HEADER(c),
		    "de dagtekening van het bericht ligt in de toekomst");
	for (size_t i = 0; i < m->client_count; i++) {
		const struct jr_ijw_client *cl = &m->clients[i];
		/* CS002: the BSN passes the eleven-test */
		if (!jr_bsn_valid(cl->bsn, strlen(cl->bsn)))
			add(c, "CS002", TECHNICAL, ON_CLIENT(c, i),
			    "het BSN van cliënt %zu voldoet niet aan de elfproef", i + 1);
		if (m->header.kind == JR_IJW_JW323 || !cl->birth_date)
			continue;
		/* TR134: the Geboortedatum is not after the Dagtekening */
		if (cl->birth_date > dag)
			add(c, "TR134", TECHNICAL, ON_CLIENT(c, i),
			    "de geboortedatum ligt na de dagtekening van het bericht");
		/* TR002: born at most 120 years before the Dagtekening, unless unknown (usage 3) */
		if (strcmp(cl->date_usage, "3") != 0 &&
		    cl->birth_date < jr_date_add_years(dag, -120))
			add(c, "TR002", TECHNICAL, ON_CLIENT(c, i),
			    "de geboortedatum ligt meer dan 120 jaar voor de dagtekening");
		/* CS139: DatumGebruik and Datum agree: 3 = 1900-01-01, 2 = 1 January, 1 = the
		 * first of a month */
		{
			int y, mo, d;
			bool ok = true;
			jr_date_to_ymd(cl->birth_date, &y, &mo, &d);
			if (strcmp(cl->date_usage, "3") == 0)
				ok = y == 1900 && mo == 1 && d == 1;
			else if (strcmp(cl->date_usage, "2") == 0)
				ok = mo == 1 && d == 1;
			else if (strcmp(cl->date_usage, "1") == 0)
				ok = d == 1;
			if (!ok)
				add(c, "CS139", TECHNICAL, ON_CLIENT(c, i),
				    "DatumGebruik %s past niet bij de geboortedatum", cl->date_usage);
		}
	}
}

/* JW305, JW307. */
static void check_delivery(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;
	bool stop = m->header.kind == JR_IJW_JW307;

	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		/* CS058: StatusAanlevering 1 (eerste aanlevering) or 3 (verwijderen) */
		if (l->status != '1' && l->status != '3')
			add(c, "CS058", TECHNICAL, ON_LINE(c, i),
			    "StatusAanlevering moet 1 (eerste aanlevering) of 3 (verwijderen) zijn");
		/* TR134: Begindatum (305) and Einddatum (307) not after the Dagtekening */
		if (!stop && l->begin > m->header.dagtekening)
			add(c, "TR134", TECHNICAL, ON_LINE(c, i),
			    "de begindatum ligt na de dagtekening van het bericht");
		if (stop && l->has_end && l->end > m->header.dagtekening)
			add(c, "TR134", TECHNICAL, ON_LINE(c, i),
			    "de einddatum ligt na de dagtekening van het bericht");
		/* TR018: the Einddatum of a stop is not before its Begindatum */
		if (stop && l->has_end && l->end < l->begin)
			add(c, "TR018", TECHNICAL, ON_LINE(c, i),
			    "de einddatum ligt voor de begindatum");
		/* TR101: no line twice (the logical key: ToewijzingNummer, Product, Begindatum,
		 * and for a stop RedenBeeindiging and Einddatum) */
		for (size_t k = 0; k < i; k++) {
			const struct jr_ijw_line *o = &m->lines[k];
			if (o->client == l->client && o->toewijzing_nummer == l->toewijzing_nummer &&
			    o->has_toewijzing_nummer == l->has_toewijzing_nummer &&
			    strcmp(o->product.categorie, l->product.categorie) == 0 &&
			    strcmp(o->product.code, l->product.code) == 0 && o->begin == l->begin &&
			    o->status == l->status &&
			    (!stop || (strcmp(o->reden, l->reden) == 0 && o->end == l->end))) {
				add(c, "TR101", TECHNICAL, ON_LINE(c, i),
				    "deze regel staat twee keer in het bericht (ook regel %zu)", k + 1);
				break;
			}
		}
	}
}

static bool referred_by_doctor(const char *type)
{
	return strcmp(type, "02") == 0 || strcmp(type, "03") == 0 || strcmp(type, "04") == 0 ||
	       strcmp(type, "05") == 0;
}

/* CS343 (JW315), CS338 (JW317): an extent in days and nights, day parts, euros or pieces (14,
 * 16, 83, 84) counts per week, per month or in total (2, 4, 6) — not per day. */
static bool daily_whole_units(const struct jr_ijw_line *l)
{
	const char *u = l->omvang.eenheid, *f = l->omvang.frequentie;

	return l->has_omvang &&
	       (strcmp(u, "14") == 0 || strcmp(u, "16") == 0 || strcmp(u, "83") == 0 ||
		strcmp(u, "84") == 0) &&
	       strcmp(f, "2") != 0 && strcmp(f, "4") != 0 && strcmp(f, "6") != 0;
}

/* JW315. */
static void check_request(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;
	const jr_day y2020_end = jr_date_from_ymd(2020, 12, 31);

	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		bool code = l->has_product && l->product.code[0];
		bool late = !l->has_end || l->end > y2020_end;
		/* CD041: Omvang is required when the product has a Code */
		if (code && !l->has_omvang)
			add(c, "CD041", TECHNICAL, ON_LINE(c, i),
			    "een product met een productcode vraagt een omvang");
		/* CD043: BeschikkingIngangsdatum if and only if a BeschikkingNummer */
		if (l->has_beschikking != l->has_beschikking_begin)
			add(c, "CD043", TECHNICAL, ON_LINE(c, i),
			    "een beschikkingnummer en een ingangsdatum van de beschikking horen samen");
		/* CD066, CD067, CD068: who referred, and with what */
		if (referred_by_doctor(l->verwijzer_type)) {
			if (l->verwijzer_agb[0] && l->verwijzer_naam[0])
				add(c, "CD066", TECHNICAL, ON_LINE(c, i),
				    "met een zorgverlenercode van de verwijzer blijft de naam leeg");
			if (!l->verwijzer_agb[0] && !l->verwijzer_naam[0])
				add(c, "CD067", TECHNICAL, ON_LINE(c, i),
				    "zonder zorgverlenercode van de verwijzer is de naam verplicht");
		} else if (l->verwijzer_agb[0]) {
			add(c, "CD068", TECHNICAL, ON_LINE(c, i),
			    "een verwijzer van type %s heeft geen zorgverlenercode",
			    l->verwijzer_type);
		}
		/* CD075: an end date when there is a Budget; CD076: and with Frequentie 2 (per
		 * week) */
		if (l->has_budget && !l->has_end)
			add(c, "CD075", TECHNICAL, ON_LINE(c, i),
			    "bij een budget is de einddatum verplicht");
		if (l->has_omvang && strcmp(l->omvang.frequentie, "2") == 0 && !l->has_end)
			add(c, "CD076", TECHNICAL, ON_LINE(c, i),
			    "bij een frequentie per week is de einddatum verplicht");
		/* CD077, CD078: Omvang and Budget exclude each other */
		if (l->has_budget && l->has_omvang)
			add(c, "CD077", TECHNICAL, ON_LINE(c, i),
			    "een budget en een omvang sluiten elkaar uit");
		/* CD079: without a Budget, a Product */
		if (!l->has_budget && !l->has_product)
			add(c, "CD079", TECHNICAL, ON_LINE(c, i),
			    "zonder budget is het product verplicht");
		/* CD095: no Code and an end after 2020 (or none): no Omvang */
		if (!code && late && l->has_omvang)
			add(c, "CD095", TECHNICAL, ON_LINE(c, i),
			    "zonder productcode blijft de omvang leeg");
		/* CS003: the end is not before the start */
		if (l->has_end && l->end < l->begin)
			add(c, "CS003", TECHNICAL, ON_LINE(c, i),
			    "de einddatum ligt voor de ingangsdatum");
		/* CS343: units 14, 16, 83, 84 with an end after 2020 (or none): per week, per month
		 * or in total (2, 4, 6) */
		if (late && daily_whole_units(l))
			add(c, "CS343", TECHNICAL, ON_LINE(c, i),
			    "bij eenheid %s is de frequentie per week, per maand of totaal (2, 4, 6)",
			    l->omvang.eenheid);
		for (size_t k = 0; k < i; k++) {
			const struct jr_ijw_line *o = &m->lines[k];
			/* TR383: ReferentieAanbieder unique within the message */
			if (strcmp(o->referentie, l->referentie) == 0)
				add(c, "TR383", TECHNICAL, ON_LINE(c, i),
				    "deze ReferentieAanbieder staat al bij product %zu", k + 1);
			/* TR386: the same product twice only for periods that do not overlap */
			if (o->has_product && l->has_product &&
			    strcmp(o->product.categorie, l->product.categorie) == 0 &&
			    strcmp(o->product.code, l->product.code) == 0 &&
			    (!o->has_end || o->end >= l->begin) && (!l->has_end || l->end >= o->begin))
				add(c, "TR386", TECHNICAL, ON_LINE(c, i),
				    "hetzelfde product wordt al gevraagd voor een periode die hiermee "
				    "overlapt (product %zu)",
				    k + 1);
			/* TR101: no line twice */
			if (o->has_product == l->has_product &&
			    strcmp(o->product.categorie, l->product.categorie) == 0 &&
			    strcmp(o->product.code, l->product.code) == 0 && o->begin == l->begin &&
			    o->has_end == l->has_end && (!l->has_end || o->end == l->end) &&
			    strcmp(o->referentie, l->referentie) == 0)
				add(c, "TR101", TECHNICAL, ON_LINE(c, i),
				    "deze regel staat twee keer in het bericht (ook regel %zu)", k + 1);
		}
	}
}

/* JW317. */
static void check_change(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;
	const jr_day y2020_end = jr_date_from_ymd(2020, 12, 31);
	size_t kept = 0, changed = 0, added = 0;

	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		bool code = l->has_product && l->product.code[0];
		bool late = !l->has_end || l->end > y2020_end;
		kept += l->kind == 'O';
		changed += l->kind == 'T';
		added += l->kind == 'N';
		if (l->kind == 'O')
			continue;
		/* CS003: the end is not before the wished start */
		if (l->has_end && l->end < l->begin)
			add(c, "CS003", TECHNICAL, ON_LINE(c, i),
			    "de einddatum ligt voor de gewenste ingangsdatum");
		/* CD075: an end date with a Budget; CD076: and with Frequentie 2 (per week) */
		if (l->has_budget && !l->has_end)
			add(c, "CD075", TECHNICAL, ON_LINE(c, i),
			    "bij een budget is de einddatum verplicht");
		if (l->has_omvang && strcmp(l->omvang.frequentie, "2") == 0 && !l->has_end)
			add(c, "CD076", TECHNICAL, ON_LINE(c, i),
			    "bij een frequentie per week is de einddatum verplicht");
		/* CD077, CD078: Omvang and Budget exclude each other */
		if (l->has_budget && l->has_omvang)
			add(c, "CD077", TECHNICAL, ON_LINE(c, i),
			    "een budget en een omvang sluiten elkaar uit");
		/* CS338: units 14, 16, 83, 84 with an end after 2020 (or none): 2, 4 or 6 */
		if (late && daily_whole_units(l))
			add(c, "CS338", TECHNICAL, ON_LINE(c, i),
			    "bij eenheid %s is de frequentie per week, per maand of totaal (2, 4, 6)",
			    l->omvang.eenheid);
		if (l->kind != 'N')
			continue;
		/* CD041: a new product with a Code has an Omvang; CD079: without a Budget, a
		 * Product; CD096: no Code and an end after 2020 (or none): no Omvang */
		if (code && !l->has_omvang)
			add(c, "CD041", TECHNICAL, ON_LINE(c, i),
			    "een product met een productcode vraagt een omvang");
		if (!l->has_budget && !l->has_product)
			add(c, "CD079", TECHNICAL, ON_LINE(c, i),
			    "zonder budget is het product verplicht");
		if (!code && late && l->has_omvang)
			add(c, "CD096", TECHNICAL, ON_LINE(c, i),
			    "zonder productcode blijft de omvang leeg");
		/* TR380: a new product starts after the Dagtekening */
		if (l->begin <= m->header.dagtekening)
			add(c, "TR380", TECHNICAL, ON_LINE(c, i),
			    "de gewenste ingangsdatum van een nieuw product ligt niet na de "
			    "dagtekening");
		/* TR410: the same new product twice only for periods that do not overlap */
		for (size_t k = 0; k < i; k++) {
			const struct jr_ijw_line *o = &m->lines[k];
			if (o->kind == 'N' && o->has_product && l->has_product &&
			    strcmp(o->product.categorie, l->product.categorie) == 0 &&
			    strcmp(o->product.code, l->product.code) == 0 &&
			    (!o->has_end || o->end >= l->begin) && (!l->has_end || l->end >= o->begin))
				add(c, "TR410", TECHNICAL, ON_LINE(c, i),
				    "hetzelfde nieuwe product wordt al gevraagd voor een periode die "
				    "hiermee overlapt (product %zu)",
				    k + 1);
		}
	}
	/* TR101: no allocation twice among the unchanged and the changed */
	for (size_t i = 0; i < m->line_count; i++)
		for (size_t k = 0; k < i; k++)
			if (m->lines[i].kind != 'N' && m->lines[k].kind != 'N' &&
			    m->lines[i].toewijzing_nummer == m->lines[k].toewijzing_nummer) {
				add(c, "TR101", TECHNICAL, ON_LINE(c, i),
				    "deze toewijzing staat twee keer in het verzoek (ook regel %zu)",
				    k + 1);
				break;
			}
	/* TR352: at least one unchanged or changed product; TR353: at least one changed or new */
	if (kept + changed == 0)
		add(c, "TR352", TECHNICAL, JR_IJW_AT_CLASS, 0, m->change.line,
		    "een verzoek om wijziging noemt minstens één ongewijzigd of te wijzigen product");
	if (changed + added == 0)
		add(c, "TR353", TECHNICAL, JR_IJW_AT_CLASS, 0, m->change.line,
		    "een verzoek om wijziging noemt minstens één te wijzigen of nieuw product");
}

/* JW323. */
static void check_claim(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;
	const struct jr_ijw_claim *d = &m->claim;
	int64_t sum = 0;

	/* CS100: no period before 2021 */
	if (d->begin < jr_date_from_ymd(2021, 1, 1))
		add(c, "CS100", TECHNICAL, ON_CLASS(c),
		    "de declaratieperiode begint voor 1 januari 2021");
	/* CS340: the DeclaratiePeriode is exactly one calendar month */
	if (!first_of_month(d->begin) || !last_of_month(d->end) ||
	    month_of(d->begin) != month_of(d->end))
		add(c, "CS340", TECHNICAL, ON_CLASS(c),
		    "de declaratieperiode is niet precies één kalendermaand");
	/* TR137: the period's end is not before its start, nor after the Dagtekening */
	if (d->end < d->begin || d->end > m->header.dagtekening)
		add(c, "TR137", TECHNICAL, ON_CLASS(c),
		    "de declaratieperiode eindigt voor haar begin of na de dagtekening");
	/* TR134: the period's start is not after the Dagtekening */
	if (d->begin > m->header.dagtekening)
		add(c, "TR134", TECHNICAL, ON_CLASS(c),
		    "de declaratieperiode begint na de dagtekening van het bericht");
	/* CS325: a total of 0 is Debet */
	if (d->totaal == 0 && !d->totaal_debet)
		add(c, "CS325", TECHNICAL, ON_CLASS(c), "een totaal van 0 is debet (D)");
	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		bool euros = strcmp(l->omvang.eenheid, "83") == 0;
		sum += l->debet ? l->bedrag : -l->bedrag;
		/* TR134, TR137: the ProductPeriode lies before the Dagtekening, in order */
		if (l->begin > m->header.dagtekening)
			add(c, "TR134", TECHNICAL, ON_LINE(c, i),
			    "de productperiode begint na de dagtekening van het bericht");
		if (l->end < l->begin || l->end > m->header.dagtekening)
			add(c, "TR137", TECHNICAL, ON_LINE(c, i),
			    "de productperiode eindigt voor haar begin of na de dagtekening");
		/* CS337: the ProductPeriode lies within one calendar month */
		if (month_of(l->begin) != month_of(l->end))
			add(c, "CS337", TECHNICAL, ON_LINE(c, i),
			    "de productperiode valt niet binnen één kalendermaand");
		/* TR335: the period ended at most 5 years before the DeclaratieDagtekening */
		if (l->end < jr_date_add_years(d->dagtekening, -5))
			add(c, "TR335", TECHNICAL, ON_LINE(c, i),
			    "de productperiode eindigde meer dan 5 jaar voor de declaratiedatum");
		/* CS339: in euros (83) the amount is the volume */
		if (euros && l->bedrag != l->omvang.volume)
			add(c, "CS339", TECHNICAL, ON_LINE(c, i),
			    "bij eenheid 83 (euro's) is het bedrag gelijk aan het geleverde volume");
		/* CD087: a ProductTarief except in euros */
		if (euros == l->has_tarief)
			add(c, "CD087", TECHNICAL, ON_LINE(c, i),
			    euros ? "bij eenheid 83 (euro's) blijft het tarief leeg"
				  : "het producttarief ontbreekt");
		/* CD060: a VorigReferentieNummer if and only if Credit */
		if (l->debet == (l->vorig_referentie[0] != '\0'))
			add(c, "CD060", TECHNICAL, ON_LINE(c, i),
			    l->debet ? "een debetregel heeft geen vorig referentienummer"
				     : "een creditregel noemt het vorige referentienummer");
		/* CS325: an amount of 0 is Debet */
		if (l->bedrag == 0 && !l->debet)
			add(c, "CS325", TECHNICAL, ON_LINE(c, i), "een bedrag van 0 is debet (D)");
		/* TR346 (9346): amount = volume x tariff, except in euros */
		if (!euros && l->has_tarief && l->bedrag != l->omvang.volume * l->tarief)
			add(c, "TR346", "9346", ON_LINE(c, i),
			    "het bedrag is niet het geleverde volume maal het tarief");
		for (size_t k = 0; k < i; k++) {
			const struct jr_ijw_line *o = &m->lines[k];
			/* TR101: no line twice */
			if (strcmp(o->referentie, l->referentie) == 0 && o->debet == l->debet) {
				add(c, "TR101", TECHNICAL, ON_LINE(c, i),
				    "deze prestatie staat twee keer in het bericht (ook regel %zu)",
				    k + 1);
				continue;
			}
			/* TR315: a VorigReferentieNummer once in a message */
			if (l->vorig_referentie[0] &&
			    strcmp(o->vorig_referentie, l->vorig_referentie) == 0)
				add(c, "TR315", TECHNICAL, ON_LINE(c, i),
				    "dit vorige referentienummer staat al bij regel %zu", k + 1);
			/* TR316: a debit line is not credited in the same message */
			if (!l->debet && o->debet && strcmp(o->referentie, l->vorig_referentie) == 0)
				add(c, "TR316", TECHNICAL, ON_LINE(c, i),
				    "deze creditregel crediteert een debetregel van hetzelfde bericht");
			/* TR416: one debit per ProductPeriode, product and ToewijzingNummer */
			if (l->debet && o->debet && o->toewijzing_nummer == l->toewijzing_nummer &&
			    strcmp(o->product.categorie, l->product.categorie) == 0 &&
			    strcmp(o->product.code, l->product.code) == 0 && o->begin == l->begin &&
			    o->end == l->end)
				add(c, "TR416", TECHNICAL, ON_LINE(c, i),
				    "voor deze periode, dit product en deze toewijzing staat al een "
				    "debetregel (regel %zu)",
				    k + 1);
		}
	}
	/* TR358: the total is the sum of the lines, debit minus credit */
	if ((d->totaal_debet ? d->totaal : -d->totaal) != sum)
		add(c, "TR358", TECHNICAL, ON_CLASS(c),
		    "het totaal ingediende bedrag is niet de som van de prestaties");
}

enum jr_err jr_ijw_check_rules(const struct jr_ijw_msg *m, jr_day today,
			       struct jr_ijw_findings *f)
{
	struct check c = {.m = m, .f = f};

	check_common(&c, today);
	check_codes(&c);
	switch (m->header.kind) {
	case JR_IJW_JW305:
	case JR_IJW_JW307: check_delivery(&c); break;
	case JR_IJW_JW315: check_request(&c); break;
	case JR_IJW_JW317: check_change(&c); break;
	case JR_IJW_JW323: check_claim(&c); break;
	default: break;
	}
	return c.err;
}
