/* ijw_allocation: the JW301 allocation message (ijw_allocation.h). */
#include "ijw/ijw_allocation.h"

#include <stdio.h>
#include <string.h>

#include "ijw/ijw_retour.h"

/* The first failure sticks; the rest is skipped. */
struct out {
	struct jr_buf *b;
	enum jr_err err;
};

static void raw(struct out *o, const char *s)
{
	if (!o->err)
		o->err = jr_buf_puts(o->b, s);
}

/* <jw301:name>value</jw301:name>, or ijw: with `basis`. */
static void leaf(struct out *o, bool basis, const char *name, const char *value)
{
	const char *p = basis ? "ijw" : "jw301";

	if (!o->err)
		o->err = jr_buf_printf(o->b, "<%s:%s>", p, name);
	if (!o->err)
		o->err = jr_ijw_put_text(o->b, value);
	if (!o->err)
		o->err = jr_buf_printf(o->b, "</%s:%s>", p, name);
}

static void number(struct out *o, bool basis, const char *name, int64_t v)
{
	char s[24];
	snprintf(s, sizeof(s), "%lld", (long long)v);
	leaf(o, basis, name, s);
}

static void date(struct out *o, bool basis, const char *name, jr_day d)
{
	char s[JR_DATE_STRLEN];
	jr_date_format(d, s);
	leaf(o, basis, name, s);
}

static void tag(struct out *o, bool basis, const char *name, bool open)
{
	if (!o->err)
		o->err = jr_buf_printf(o->b, open ? "<%s:%s>" : "</%s:%s>", basis ? "ijw" : "jw301",
				       name);
}

void jr_ijw_split_family_name(const char *name, char *prefix, size_t prefix_cap, char *rest,
			      size_t rest_cap)
{
	size_t cut = 0, at = 0;

	/* the leading words in lower case are the prefix: "van der", "op den", "ter" */
	while (name[at] >= 'a' && name[at] <= 'z') {
		size_t end = at;
		while (name[end] >= 'a' && name[end] <= 'z')
			end++;
		if (name[end] != ' ' || name[end + 1] == '\0')
			break;
		cut = end;
		at = end + 1;
	}
	if (cut > 10 || cut >= prefix_cap) /* longer than the standard's Voorvoegsel allows */
		cut = 0, at = 0;
	snprintf(prefix, prefix_cap, "%.*s", (int)cut, name);
	snprintf(rest, rest_cap, "%s", name + at);
}

/* The initials of the given names: the first letter of each (A-Z only; at most 6). */
static void initials(const char *given, char *out, size_t cap)
{
	size_t n = 0;
	bool start = true;

	for (const char *p = given; *p && n + 1 < cap && n < 6; p++) {
		if (*p == ' ' || *p == '-') {
			start = true;
			continue;
		}
		if (start && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
			out[n++] = (char)(*p >= 'a' ? *p - 'a' + 'A' : *p);
		start = false;
	}
	out[n] = '\0';
}

static void client(struct out *o, const struct jr_person *p)
{
	char prefix[4 * 10 + 1], rest[sizeof(p->family_name)], init[8], sex[2] = {0};
	const struct jr_address *a = &p->address;

	sex[0] = p->sex ? p->sex : '0';
	jr_ijw_split_family_name(p->family_name, prefix, sizeof(prefix), rest, sizeof(rest));
	initials(p->given_names, init, sizeof(init));
	tag(o, false, "Client", true);
	leaf(o, false, "Bsn", p->bsn);
	tag(o, false, "Geboortedatum", true);
	date(o, true, "Datum", p->birth_date);
	tag(o, false, "Geboortedatum", false);
	leaf(o, false, "Geslacht", sex);
	tag(o, false, "Naam", true);
	tag(o, true, "Geslachtsnaam", true);
	leaf(o, true, "Achternaam", rest);
	if (prefix[0])
		leaf(o, true, "Voorvoegsel", prefix);
	tag(o, true, "Geslachtsnaam", false);
	leaf(o, true, "Voornamen", p->given_names);
	if (init[0])
		leaf(o, true, "Voorletters", init);
	leaf(o, true, "NaamGebruik", "1"); /* COD700: own name */
	tag(o, false, "Naam", false);
	/* TR061: the BRP address (COD757 01) */
	tag(o, false, "Contactgegevens", true);
	tag(o, false, "Contact", true);
	leaf(o, false, "Soort", "01");
	tag(o, false, "Adres", true);
	tag(o, true, "Huis", true);
	number(o, true, "Huisnummer", a->house_number);
	if (a->house_letter[0])
		leaf(o, true, "Huisletter", a->house_letter);
	if (a->house_addition[0])
		leaf(o, true, "HuisnummerToevoeging", a->house_addition);
	tag(o, true, "Huis", false);
	leaf(o, true, "Postcode", a->postcode);
	leaf(o, true, "Straatnaam", a->street);
	leaf(o, true, "Plaatsnaam", a->place);
	leaf(o, true, "LandCode", "NL");
	tag(o, false, "Adres", false);
	tag(o, false, "Contact", false);
	tag(o, false, "Contactgegevens", false);
}

static void product(struct out *o, const struct jr_ijw_assigned *t)
{
	tag(o, false, "ToegewezenProduct", true);
	number(o, false, "ToewijzingNummer", t->toewijzing_nummer);
	if (t->referentie[0])
		leaf(o, false, "ReferentieAanbieder", t->referentie);
	if (t->has_product) {
		tag(o, false, "Product", true);
		leaf(o, true, "Categorie", t->product.categorie);
		if (t->product.code[0])
			leaf(o, true, "Code", t->product.code);
		tag(o, false, "Product", false);
	}
	date(o, false, "Toewijzingsdatum", t->toewijzingsdatum);
	leaf(o, false, "Toewijzingstijd", t->toewijzingstijd);
	date(o, false, "Ingangsdatum", t->ingangsdatum);
	if (t->has_end)
		date(o, false, "Einddatum", t->einddatum);
	if (t->reden_wijziging[0])
		leaf(o, false, "RedenWijziging", t->reden_wijziging);
	if (t->has_omvang) {
		tag(o, false, "Omvang", true);
		number(o, true, "Volume", t->omvang.volume);
		leaf(o, true, "Eenheid", t->omvang.eenheid);
		leaf(o, true, "Frequentie", t->omvang.frequentie);
		tag(o, false, "Omvang", false);
	}
	tag(o, false, "ToegewezenProduct", false);
}

/* CS338: a unit of whole days, day parts, euros or pieces (14, 16, 83, 84) does not count per
 * day (1) in an allocation that ends after 2020 or not at all. */
static bool daily_whole_units(const struct jr_ijw_assigned *t)
{
	const char *u = t->omvang.eenheid;

	return t->has_omvang && strcmp(t->omvang.frequentie, "1") == 0 &&
	       (!t->has_end || t->einddatum > jr_date_from_ymd(2020, 12, 31)) &&
	       (strcmp(u, "14") == 0 || strcmp(u, "16") == 0 || strcmp(u, "83") == 0 ||
		strcmp(u, "84") == 0);
}

/* TR302: two allocations of one product (by code, or by category when one has no code) whose
 * periods overlap. */
static bool overlapping(const struct jr_ijw_assigned *a, const struct jr_ijw_assigned *b)
{
	bool same = !a->has_product || !b->has_product ||
		    (strcmp(a->product.categorie, b->product.categorie) == 0 &&
		     (!a->product.code[0] || !b->product.code[0] ||
		      strcmp(a->product.code, b->product.code) == 0));

	return same && (!a->has_end || a->einddatum >= b->ingangsdatum) &&
	       (!b->has_end || b->einddatum >= a->ingangsdatum);
}

/* The rules of the JW301 that the records alone do not guarantee, as its receiver checks them
 * (ijw_rules.c): a message that breaks one would be refused whole (0001), so it is not written.
 * NULL, or why in Dutch. The others (the address, the name, the BSN, CD041, CD080, …) are met
 * by how the message is built. */
static const char *breaks_rules(const struct jr_ijw_allocation_msg *m)
{
	for (size_t i = 0; i < m->product_count; i++) {
		const struct jr_ijw_assigned *t = &m->products[i];
		if (t->toewijzingsdatum > m->dagtekening) /* TR134 */
			return "de toewijzing is vastgelegd na de dagtekening van het bericht (TR134)";
		if (t->has_end && t->einddatum < t->ingangsdatum) /* CS003 */
			return "de einddatum van een toewijzing ligt voor de ingangsdatum (CS003)";
		if (daily_whole_units(t)) /* CS338 */
			return "etmalen, dagdelen, euro's of stuks worden per week, per maand of in "
			       "totaal toegewezen, niet per dag (CS338)";
		for (size_t k = 0; k < i; k++)
			if (overlapping(&m->products[k], t)) /* TR302 */
				return "twee toewijzingen van hetzelfde product aan deze aanbieder "
				       "overlappen in de tijd (TR302)";
	}
	return NULL;
}

enum jr_err jr_ijw_allocation_write(const struct jr_ijw_allocation_msg *m, struct jr_buf *out,
				    const char **why)
{
	struct out o = {.b = out};

	*why = NULL;
	if (!m->client->address.street[0]) {
		*why = "van dit kind is geen adres bekend; een toewijzingsbericht vraagt het "
		       "BRP-adres (TR061)";
		return JR_ERR_INPUT;
	}
	if (m->product_count == 0) {
		*why = "er is geen toewijzing om te sturen";
		return JR_ERR_INPUT;
	}
	if ((*why = breaks_rules(m)))
		return JR_ERR_INPUT;
	if (!o.err)
		o.err = jr_buf_printf(out,
				      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				      "<jw301:Bericht xmlns:jw301=\"%s\" xmlns:ijw=\"%s\">",
				      jr_ijw_namespace(JR_IJW_JW301), JR_IJW_BASIS_NAMESPACE);
	tag(&o, false, "Header", true);
	number(&o, false, "BerichtCode", jr_ijw_message_code(JR_IJW_JW301));
	leaf(&o, false, "BerichtVersie", "3");
	leaf(&o, false, "BerichtSubversie", "2");
	leaf(&o, false, "Afzender", m->gemeente);
	leaf(&o, false, "Ontvanger", m->aanbieder);
	tag(&o, false, "BerichtIdentificatie", true);
	leaf(&o, true, "Identificatie", m->identificatie);
	date(&o, true, "Dagtekening", m->dagtekening);
	tag(&o, false, "BerichtIdentificatie", false);
	tag(&o, false, "XsdVersie", true);
	leaf(&o, true, "BasisschemaXsdVersie", JR_IJW_XSD_VERSION);
	leaf(&o, true, "BerichtXsdVersie", JR_IJW_XSD_VERSION);
	tag(&o, false, "XsdVersie", false);
	tag(&o, false, "Header", false);
	client(&o, m->client);
	tag(&o, false, "ToegewezenProducten", true);
	for (size_t i = 0; i < m->product_count; i++)
		product(&o, &m->products[i]);
	tag(&o, false, "ToegewezenProducten", false);
	tag(&o, false, "Client", false);
	tag(&o, false, "Bericht", false);
	raw(&o, "\n");
	return o.err;
}
