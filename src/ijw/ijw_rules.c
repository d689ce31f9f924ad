/* ijw_rules: the in-message rules of the iJw 3.2 rule report (ijw_rules.h). Each check names its
 * rule code; the texts say what is wrong without repeating personal data (no BSN, no names). */
#include "ijw/ijw_rules.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
	bool technical; /* a finding with 0001: the message is rejected whole */
};

/* Whether more checking can change nothing: the findings are full and the message is rejected
 * whole already. The checks of every pair of lines stop then, so that a message of thousands of
 * repeated lines costs no more than a few findings' worth of work. */
static bool settled(const struct check *c)
{
	return c->err || (c->technical && c->f->count == JR_IJW_FINDINGS_MAX);
}

#define ON_LINE(c, i) JR_IJW_AT_LINE, (i), (c)->m->lines[i].line
#define ON_CLIENT(c, i) JR_IJW_AT_CLIENT, (i), (c)->m->clients[i].line
#define ON_HEADER(c) JR_IJW_AT_HEADER, 0, 0
#define ON_CLASS(c) JR_IJW_AT_CLASS, 0, 0
#define ON_RELATION(c, i) JR_IJW_AT_RELATION, (i), (c)->m->relations[i].line
#define ON_CONTACT(c, i) JR_IJW_AT_CONTACT, (i), (c)->m->contacts[i].line

static void add(struct check *c, const char *rule, const char *code, enum jr_ijw_place at,
		size_t index, int line, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void add(struct check *c, const char *rule, const char *code, enum jr_ijw_place at,
		size_t index, int line, const char *fmt, ...)
{
	char text[240];
	va_list ap;

	if (c->err)
		return;
	c->technical |= strcmp(code, TECHNICAL) == 0;
	if (c->f->count == JR_IJW_FINDINGS_MAX) { /* counted, not written: no text to make */
		c->f->dropped++;
		return;
	}
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
		const struct jr_ijw_client *cl = &m->clients[i];
		const char sex[2] = {cl->sex, '\0'};
		code_on(c, JR_IJW_COD046, sex, ON_CLIENT(c, i));
		code_on(c, JR_IJW_COD170, cl->date_usage, ON_CLIENT(c, i));
		code_on(c, JR_IJW_COD700, cl->naam_gebruik, ON_CLIENT(c, i));
		code_on(c, JR_IJW_COD747, cl->communicatie_vorm, ON_CLIENT(c, i));
		code_on(c, JR_IJW_WJ232, cl->juridische_status, ON_CLIENT(c, i));
		code_on(c, JR_IJW_WJ003, cl->vertegenwoordiging, ON_CLIENT(c, i));
	}
	for (size_t i = 0; i < m->relation_count; i++) {
		const struct jr_ijw_relation *r = &m->relations[i];
		const char sex[2] = {r->sex, '\0'};
		code_on(c, JR_IJW_COD472, r->soort, ON_RELATION(c, i));
		code_on(c, JR_IJW_COD046, sex, ON_RELATION(c, i));
		code_on(c, JR_IJW_COD170, r->date_usage, ON_RELATION(c, i));
		code_on(c, JR_IJW_COD700, r->naam_gebruik, ON_RELATION(c, i));
	}
	for (size_t i = 0; i < m->contact_count; i++) {
		code_on(c, JR_IJW_COD757, m->contacts[i].soort, ON_CONTACT(c, i));
		code_on(c, JR_IJW_COD032, m->contacts[i].landcode, ON_CONTACT(c, i));
	}
	code_on(c, JR_IJW_WJ760, m->reply.antwoord, JR_IJW_AT_CLASS, 0, m->reply.line);
	code_on(c, JR_IJW_WJ759, m->reply.reden, JR_IJW_AT_CLASS, 0, m->reply.line);
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
		code_on(c, JR_IJW_JZ002, l->reden_wijziging, ON_LINE(c, i));
	}
}

/* TR134, TR002, CS139: a Geboortedatum (of a client, or in a JW301 of a relation) with its
 * DatumGebruik, against the message's Dagtekening. */
static void check_birth(struct check *c, jr_day birth, const char *usage, enum jr_ijw_place at,
			size_t index, int line)
{
	jr_day dag = c->m->header.dagtekening;
	int y, mo, d;
	bool ok = true;

	if (!birth)
		return;
	/* TR134: the Geboortedatum is not after the Dagtekening */
	if (birth > dag)
		add(c, "TR134", TECHNICAL, at, index, line,
		    "de geboortedatum ligt na de dagtekening van het bericht");
	/* TR002: born at most 120 years before the Dagtekening, unless unknown (usage 3) */
	if (strcmp(usage, "3") != 0 && birth < jr_date_add_years(dag, -120))
		add(c, "TR002", TECHNICAL, at, index, line,
		    "de geboortedatum ligt meer dan 120 jaar voor de dagtekening");
	/* CS139: DatumGebruik and Datum agree: 3 = 1900-01-01, 2 = 1 January, 1 = the first of
	 * a month */
	jr_date_to_ymd(birth, &y, &mo, &d);
	if (strcmp(usage, "3") == 0)
		ok = y == 1900 && mo == 1 && d == 1;
	else if (strcmp(usage, "2") == 0)
		ok = mo == 1 && d == 1;
	else if (strcmp(usage, "1") == 0)
		ok = d == 1;
	if (!ok)
		add(c, "CS139", TECHNICAL, at, index, line,
		    "DatumGebruik %s past niet bij de geboortedatum", usage);
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
		if (m->header.kind != JR_IJW_JW323)
			check_birth(c, cl->birth_date, cl->date_usage, ON_CLIENT(c, i));
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
		for (size_t k = 0; k < i && !settled(c); k++) {
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
		for (size_t k = 0; k < i && !settled(c); k++) {
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
		for (size_t k = 0; k < i && !settled(c); k++) {
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
		for (size_t k = 0; k < i && !settled(c); k++)
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

/* JW323's checks of pairs of claim lines (TR101, TR315, TR316, TR416) visit only the earlier
 * lines that share a key with the line — its reference, the reference it credits, its previous
 * reference, the period, product and allocation of its debit — found in lists sorted by those
 * keys, in the order of the lines as before. A claim may hold tens of thousands of lines, and
 * comparing every pair took about a second. */
struct keyed {
	const char *text; /* the key, for the lists by text */
	const struct jr_ijw_line *l;
	size_t index;
};

static int by_index(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

static int by_text(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int r = strcmp(x->text, y->text);
	return r ? r : by_index(x->index, y->index);
}

/* TR416's key: ToewijzingNummer, product, ProductPeriode. */
static int by_debit(const void *a, const void *b)
{
	const struct jr_ijw_line *x = ((const struct keyed *)a)->l, *y = ((const struct keyed *)b)->l;
	int r;

	if (x->toewijzing_nummer != y->toewijzing_nummer)
		return x->toewijzing_nummer < y->toewijzing_nummer ? -1 : 1;
	if ((r = strcmp(x->product.categorie, y->product.categorie)) ||
	    (r = strcmp(x->product.code, y->product.code)))
		return r;
	if (x->begin != y->begin)
		return x->begin < y->begin ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return by_index(((const struct keyed *)a)->index, ((const struct keyed *)b)->index);
}

/* The entries of `list` (sorted by cmp) with the key of `probe` and an index below `before`:
 * [*from, *to), in the order of the lines. */
static void earlier(const struct keyed *list, size_t n, int (*cmp)(const void *, const void *),
		    struct keyed probe, size_t before, size_t *from, size_t *to)
{
	size_t bounds[2];

	for (int b = 0; b < 2; b++) {
		size_t lo = 0, hi = n;
		probe.index = b ? before : 0;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cmp(&list[mid], &probe) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		bounds[b] = lo;
	}
	*from = bounds[0];
	*to = bounds[1];
}

/* The pairs of claim lines, each line with the earlier lines that share one of its keys. */
static void check_claim_pairs(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;
	size_t n = m->line_count, nv = 0, nd = 0;
	struct keyed *refs = jr_calloc(n ? n : 1, sizeof(*refs)),
		     *prev = jr_calloc(n ? n : 1, sizeof(*prev)),
		     *debits = jr_calloc(n ? n : 1, sizeof(*debits));

	if (!refs || !prev || !debits) {
		c->err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		refs[i] = (struct keyed){l->referentie, l, i};
		if (l->vorig_referentie[0])
			prev[nv++] = (struct keyed){l->vorig_referentie, l, i};
		if (l->debet)
			debits[nd++] = (struct keyed){"", l, i};
	}
	qsort(refs, n, sizeof(*refs), by_text);
	qsort(prev, nv, sizeof(*prev), by_text);
	qsort(debits, nd, sizeof(*debits), by_debit);
	for (size_t i = 0; i < n && !settled(c); i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		/* the candidates: four runs of earlier lines, each in the order of the lines */
		const struct keyed *run[4] = {refs, refs, prev, debits};
		size_t at[4] = {0}, end[4] = {0};
		earlier(refs, n, by_text, (struct keyed){l->referentie, l, 0}, i, &at[0], &end[0]);
		if (!l->debet && l->vorig_referentie[0]) /* TR316: the debit it credits */
			earlier(refs, n, by_text, (struct keyed){l->vorig_referentie, l, 0}, i, &at[1],
				&end[1]);
		if (l->vorig_referentie[0]) /* TR315 */
			earlier(prev, nv, by_text, (struct keyed){l->vorig_referentie, l, 0}, i, &at[2],
				&end[2]);
		if (l->debet) /* TR416 */
			earlier(debits, nd, by_debit, (struct keyed){"", l, 0}, i, &at[3], &end[3]);
		while (!settled(c)) {
			const struct jr_ijw_line *o;
			size_t k = SIZE_MAX;
			for (int r = 0; r < 4; r++)
				if (at[r] < end[r] && run[r][at[r]].index < k)
					k = run[r][at[r]].index;
			if (k == SIZE_MAX)
				break;
			for (int r = 0; r < 4; r++) /* each earlier line once */
				if (at[r] < end[r] && run[r][at[r]].index == k)
					at[r]++;
			o = &m->lines[k];
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
out:
	jr_free(refs);
	jr_free(prev);
	jr_free(debits);
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
	}
	check_claim_pairs(c);
	/* TR358: the total is the sum of the lines, debit minus credit */
	if ((d->totaal_debet ? d->totaal : -d->totaal) != sum)
		add(c, "TR358", TECHNICAL, ON_CLASS(c),
		    "het totaal ingediende bedrag is niet de som van de prestaties");
}

/* CS050: with a Partnernaam, NaamGebruik 1 to 4; without, 1 or 6. */
static bool name_usage_ok(const char *usage, bool partner)
{
	if (!usage[0])
		return true;
	if (partner)
		return strlen(usage) == 1 && usage[0] >= '1' && usage[0] <= '4';
	return strcmp(usage, "1") == 0 || strcmp(usage, "6") == 0;
}

/* CS089: a Dutch postcode, [1-9][0-9]{3}[a-zA-Z]{2}. */
static bool dutch_postcode(const char *p)
{
	if (strlen(p) != 6 || p[0] < '1' || p[0] > '9')
		return false;
	for (int i = 1; i < 4; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	for (int i = 4; i < 6; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
			return false;
	return true;
}

/* TR302: an allocation removed (end = start, RedenWijziging 13 verwijderd, or 01
 * administratieve correctie) is no current allocation and overlaps nothing. */
static bool removed(const struct jr_ijw_line *l)
{
	return l->has_end && l->end == l->begin &&
	       (strcmp(l->reden_wijziging, "13") == 0 || strcmp(l->reden_wijziging, "01") == 0);
}

/* TR302: whether two ToegewezenProducts are the same product: by code when both have one, by
 * category when one has none, and any two when one has no Product at all. */
static bool same_product(const struct jr_ijw_line *a, const struct jr_ijw_line *b)
{
	if (!a->has_product || !b->has_product)
		return true;
	if (strcmp(a->product.categorie, b->product.categorie) != 0)
		return false;
	return !a->product.code[0] || !b->product.code[0] ||
	       strcmp(a->product.code, b->product.code) == 0;
}

static bool overlap(const struct jr_ijw_line *a, const struct jr_ijw_line *b)
{
	return (!a->has_end || a->end >= b->begin) && (!b->has_end || b->end >= a->begin);
}

/* JW301: the client, its relations and contacts. */
static void check_allocation_people(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;

	for (size_t i = 0; i < m->client_count; i++) {
		const struct jr_ijw_client *cl = &m->clients[i];
		bool home = false;
		/* CS318: a client is a natural person: NaamGebruik not 6 */
		if (strcmp(cl->naam_gebruik, "6") == 0)
			add(c, "CS318", TECHNICAL, ON_CLIENT(c, i),
			    "NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor een cliënt");
		/* CS050: NaamGebruik fits the Partnernaam */
		else if (!name_usage_ok(cl->naam_gebruik, cl->has_partner))
			add(c, "CS050", TECHNICAL, ON_CLIENT(c, i),
			    "NaamGebruik %s past niet bij %s partnernaam", cl->naam_gebruik,
			    cl->has_partner ? "een" : "het ontbreken van een");
		/* CD007: Taal if and only if the Communicatie is 1 (tolk taal) */
		if (cl->communicatie_vorm[0] &&
		    (strcmp(cl->communicatie_vorm, "1") == 0) != cl->has_taal)
			add(c, "CD007", TECHNICAL, ON_CLIENT(c, i),
			    cl->has_taal ? "een taal hoort alleen bij communicatievorm 1 (tolk taal)"
					 : "bij communicatievorm 1 (tolk taal) is de taal verplicht");
		/* TR061: at least one address of kind 01, 02 or 03 */
		for (size_t k = 0; k < m->contact_count; k++) {
			const struct jr_ijw_contact *x = &m->contacts[k];
			if (x->client == i && x->relation == JR_IJW_NO_RELATION && x->has_adres &&
			    (strcmp(x->soort, "01") == 0 || strcmp(x->soort, "02") == 0 ||
			     strcmp(x->soort, "03") == 0))
				home = true;
		}
		if (!home)
			add(c, "TR061", TECHNICAL, ON_CLIENT(c, i),
			    "de cliënt heeft geen adres van soort 01 (BRP), 02 (correspondentie) of 03 "
			    "(verblijf)");
	}
	for (size_t i = 0; i < m->relation_count; i++) {
		const struct jr_ijw_relation *r = &m->relations[i];
		/* TR134, TR002, CS139 on the relation's Geboortedatum */
		check_birth(c, r->birth_date, r->date_usage, ON_RELATION(c, i));
		/* CS050 */
		if (!name_usage_ok(r->naam_gebruik, r->has_partner))
			add(c, "CS050", TECHNICAL, ON_RELATION(c, i),
			    "NaamGebruik %s past niet bij %s partnernaam", r->naam_gebruik,
			    r->has_partner ? "een" : "het ontbreken van een");
		/* TR101: a relation (its Nummer) once per client */
		for (size_t k = 0; k < i && !settled(c); k++)
			if (m->relations[k].client == r->client &&
			    strcmp(m->relations[k].nummer, r->nummer) == 0) {
				add(c, "TR101", TECHNICAL, ON_RELATION(c, i),
				    "deze relatie staat twee keer bij de cliënt (ook relatie %zu)",
				    k + 1);
				break;
			}
	}
	for (size_t i = 0; i < m->contact_count; i++) {
		const struct jr_ijw_contact *x = &m->contacts[i];
		bool nl = strcmp(x->landcode, "NL") == 0;
		/* TR006: a Telefoon, or Huis and Postcode */
		if (!x->has_telefoon && !(x->has_huis && x->postcode[0]))
			add(c, "TR006", TECHNICAL, ON_CONTACT(c, i),
			    "een contact heeft een telefoonnummer of een huisnummer met postcode");
		/* CD005: LandCode if and only if there is a Postcode */
		if (x->has_adres && (x->postcode[0] != '\0') != (x->landcode[0] != '\0'))
			add(c, "CD005", TECHNICAL, ON_CONTACT(c, i),
			    x->postcode[0] ? "bij een postcode is de landcode verplicht"
					   : "zonder postcode blijft de landcode leeg");
		/* CD009: a Periode only for a temporary address (04) */
		if (x->has_periode && strcmp(x->soort, "04") != 0)
			add(c, "CD009", TECHNICAL, ON_CONTACT(c, i),
			    "een periode hoort alleen bij een tijdelijk adres (soort 04)");
		/* CS003: the Periode's end not before its start */
		if (x->has_begin && x->has_end && x->end < x->begin)
			add(c, "CS003", TECHNICAL, ON_CONTACT(c, i),
			    "de einddatum van de periode ligt voor de begindatum");
		/* CD025: in the Netherlands, a Huis */
		if (nl && !x->has_huis)
			add(c, "CD025", TECHNICAL, ON_CONTACT(c, i),
			    "bij een adres in Nederland is het huisnummer verplicht");
		/* CD034: a BRP address (01) or residence (03) has a Postcode */
		if ((strcmp(x->soort, "01") == 0 || strcmp(x->soort, "03") == 0) && !x->postcode[0])
			add(c, "CD034", TECHNICAL, ON_CONTACT(c, i),
			    "bij adressoort %s is de postcode verplicht", x->soort);
		/* CS089: a Dutch postcode in the Netherlands */
		if (nl && x->postcode[0] && !dutch_postcode(x->postcode))
			add(c, "CS089", TECHNICAL, ON_CONTACT(c, i),
			    "de postcode is geen Nederlandse postcode (1234AB)");
		/* TR101: a kind of address once per client or relation (the key is Soort) */
		for (size_t k = 0; k < i && !settled(c); k++)
			if (m->contacts[k].client == x->client &&
			    m->contacts[k].relation == x->relation &&
			    strcmp(m->contacts[k].soort, x->soort) == 0) {
				add(c, "TR101", TECHNICAL, ON_CONTACT(c, i),
				    "een contact van soort %s staat al bij dezelfde persoon (contact "
				    "%zu)",
				    x->soort, k + 1);
				break;
			}
	}
}

/* JW301: the ToegewezenProducts. */
static void check_allocation(struct check *c)
{
	const struct jr_ijw_msg *m = c->m;
	const jr_day y2020_end = jr_date_from_ymd(2020, 12, 31);

	check_allocation_people(c);
	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		bool code = l->has_product && l->product.code[0];
		bool late = !l->has_end || l->end > y2020_end;
		/* TR134: the Toewijzingsdatum is not after the Dagtekening */
		if (l->toewijzingsdatum > m->header.dagtekening)
			add(c, "TR134", TECHNICAL, ON_LINE(c, i),
			    "de toewijzingsdatum ligt na de dagtekening van het bericht");
		/* CS003: the Einddatum is not before the Ingangsdatum */
		if (l->has_end && l->end < l->begin)
			add(c, "CS003", TECHNICAL, ON_LINE(c, i),
			    "de einddatum ligt voor de ingangsdatum");
		/* CD041: an Omvang when the Product has a Code */
		if (code && !l->has_omvang)
			add(c, "CD041", TECHNICAL, ON_LINE(c, i),
			    "een product met een productcode vraagt een omvang");
		/* CD075: an Einddatum with a Budget; CD076: with Frequentie 2 (per week) */
		if (l->has_budget && !l->has_end)
			add(c, "CD075", TECHNICAL, ON_LINE(c, i),
			    "bij een budget is de einddatum verplicht");
		if (l->has_omvang && strcmp(l->omvang.frequentie, "2") == 0 && !l->has_end)
			add(c, "CD076", TECHNICAL, ON_LINE(c, i),
			    "bij een frequentie per week is de einddatum verplicht");
		/* CD077 (on the Omvang) and CD078 (on the Budget): the two exclude each other */
		if (l->has_budget && l->has_omvang) {
			add(c, "CD077", TECHNICAL, ON_LINE(c, i),
			    "bij een budget blijft de omvang leeg");
			add(c, "CD078", TECHNICAL, ON_LINE(c, i),
			    "bij een omvang blijft het budget leeg");
		}
		/* CD079: without a Budget, a Product */
		if (!l->has_budget && !l->has_product)
			add(c, "CD079", TECHNICAL, ON_LINE(c, i),
			    "zonder budget is het product verplicht");
		/* CD080: no Code and an end after 2020 (or none): no Omvang */
		if (!code && late && l->has_omvang)
			add(c, "CD080", TECHNICAL, ON_LINE(c, i),
			    "zonder productcode blijft de omvang leeg");
		/* CS338: units 14, 16, 83, 84 with an end after 2020 (or none): 2, 4 or 6 */
		if (late && daily_whole_units(l))
			add(c, "CS338", TECHNICAL, ON_LINE(c, i),
			    "bij eenheid %s is de frequentie per week, per maand of totaal (2, 4, 6)",
			    l->omvang.eenheid);
		/* CS335: RedenWijziging 13 (verwijderd) only when it ends on the day it starts */
		if (strcmp(l->reden_wijziging, "13") == 0 && (!l->has_end || l->end != l->begin))
			add(c, "CS335", TECHNICAL, ON_LINE(c, i),
			    "reden wijziging 13 (verwijderd) vraagt een einddatum gelijk aan de "
			    "ingangsdatum");
		/* CS336: RedenWijziging 01 (administratieve correctie, vervallen) is not used */
		if (strcmp(l->reden_wijziging, "01") == 0)
			add(c, "CS336", TECHNICAL, ON_LINE(c, i),
			    "reden wijziging 01 (administratieve correctie) wordt niet meer gebruikt");
		for (size_t k = 0; k < i && !settled(c); k++) {
			const struct jr_ijw_line *o = &m->lines[k];
			if (o->client != l->client)
				continue;
			/* TR101: a ToewijzingNummer once per client */
			if (o->toewijzing_nummer == l->toewijzing_nummer) {
				add(c, "TR101", TECHNICAL, ON_LINE(c, i),
				    "deze toewijzing staat twee keer in het bericht (ook regel %zu)",
				    k + 1);
				continue;
			}
			/* TR302: the same product twice only for periods that do not overlap,
			 * removed allocations aside */
			if (!removed(o) && !removed(l) && same_product(o, l) && overlap(o, l))
				add(c, "TR302", TECHNICAL, ON_LINE(c, i),
				    "hetzelfde product is al toegewezen voor een periode die hiermee "
				    "overlapt (regel %zu)",
				    k + 1);
		}
	}
}

/* JW319: the Antwoord. The findings are on the Antwoord (the message's own class), also those
 * of its Woonplaatsbeginsel (TR377 is about one that is missing). */
static void check_reply(struct check *c)
{
	const struct jr_ijw_reply *r = &c->m->reply;
	bool refused = strcmp(r->antwoord, "1") == 0, eight = strcmp(r->reden, "8") == 0;

	/* CD085: a refusal (1) has a RedenAfwijzingVerzoek */
	if (refused && !r->reden[0])
		add(c, "CD085", TECHNICAL, JR_IJW_AT_CLASS, 0, r->line,
		    "bij een afgewezen verzoek (1) is de reden van afwijzing verplicht");
	/* CD086: under investigation (2), no reason */
	if (strcmp(r->antwoord, "2") == 0 && r->reden[0])
		add(c, "CD086", TECHNICAL, JR_IJW_AT_CLASS, 0, r->line,
		    "bij een aanvraag in onderzoek (2) blijft de reden van afwijzing leeg");
	/* TR377: reason 8 (woonplaatsbeginsel) names the municipality responsible */
	if (eight && !r->has_woonplaats)
		add(c, "TR377", TECHNICAL, JR_IJW_AT_CLASS, 0, r->line,
		    "bij reden 8 (woonplaatsbeginsel) hoort de klasse Woonplaatsbeginsel");
	/* TR409: and only reason 8 does */
	if (!eight && r->has_woonplaats)
		add(c, "TR409", TECHNICAL, JR_IJW_AT_CLASS, 0, r->line,
		    "de klasse Woonplaatsbeginsel hoort alleen bij reden 8 (woonplaatsbeginsel)");
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
	case JR_IJW_JW301: check_allocation(&c); break;
	case JR_IJW_JW319: check_reply(&c); break;
	default: break;
	}
	return c.err;
}
