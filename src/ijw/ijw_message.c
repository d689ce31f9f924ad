/* ijw_message: an incoming iJw message read into C values (ijw_message.h). */
#include "ijw/ijw_message.h"

#include <libxml/tree.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* The first child element called `name` (local name; the structural check has checked the
 * namespaces), or NULL. */
static xmlNode *child(const xmlNode *n, const char *name)
{
	if (!n)
		return NULL;
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

/* The next sibling element called like `n`. */
static xmlNode *next_same(const xmlNode *n)
{
	for (xmlNode *c = n->next; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, (const char *)n->name) == 0)
			return c;
	return NULL;
}

/* The text of element `n` into out[cap]: "" when n is NULL or the text does not fit. */
static void text_of(const xmlNode *n, char *out, size_t cap)
{
	size_t len = 0;

	out[0] = '\0';
	if (!n)
		return;
	for (const xmlNode *t = n->children; t; t = t->next) {
		size_t k;
		if (t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE)
			continue;
		k = strlen((const char *)t->content);
		if (len + k >= cap) {
			out[0] = '\0';
			return;
		}
		memcpy(out + len, t->content, k);
		len += k;
	}
	out[len] = '\0';
}

/* The text of child `name` of n. */
static void field(const xmlNode *n, const char *name, char *out, size_t cap)
{
	text_of(child(n, name), out, cap);
}

/* xs:integer text (the schema has checked it; surrounding whitespace is allowed). */
static bool integer_of(const xmlNode *n, int64_t *out)
{
	char text[32], *end = NULL;
	long long v;

	text_of(n, text, sizeof(text));
	if (!text[0])
		return false;
	v = strtoll(text, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
		end++;
	if (*end != '\0')
		return false;
	*out = (int64_t)v;
	return true;
}

/* xs:date text, with its whitespace collapsed as the schema does. */
static bool date_of(const xmlNode *n, jr_day *out)
{
	char text[32];
	const char *s = text;
	size_t len;

	text_of(n, text, sizeof(text));
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
		       s[len - 1] == '\r'))
		len--;
	return len && jr_date_parse(s, len, out) == 0;
}

static int line_of(const xmlNode *n)
{
	return n ? (int)xmlGetLineNo(n) : 0;
}

static enum jr_err read_header(const xmlNode *root, enum jr_ijw_message kind,
			       struct jr_ijw_header *h)
{
	xmlNode *head = child(root, "Header"), *id, *xsd;

	memset(h, 0, sizeof(*h));
	h->kind = kind;
	h->node = head;
	if (!head)
		return JR_ERR_INPUT;
	field(head, "Afzender", h->afzender, sizeof(h->afzender));
	field(head, "Ontvanger", h->ontvanger, sizeof(h->ontvanger));
	id = child(head, "BerichtIdentificatie");
	field(id, "Identificatie", h->identificatie, sizeof(h->identificatie));
	if (!date_of(child(id, "Dagtekening"), &h->dagtekening))
		return JR_ERR_INPUT;
	xsd = child(head, "XsdVersie");
	field(xsd, "BasisschemaXsdVersie", h->basisschema_xsd, sizeof(h->basisschema_xsd));
	field(xsd, "BerichtXsdVersie", h->bericht_xsd, sizeof(h->bericht_xsd));
	return JR_OK;
}

static void read_client(xmlNode *n, struct jr_ijw_client *c)
{
	xmlNode *birth = child(n, "Geboortedatum"), *naam = child(n, "Naam"),
		*geslachtsnaam = child(naam, "Geslachtsnaam");
	char sex[4];

	memset(c, 0, sizeof(*c));
	c->node = n;
	c->line = line_of(n);
	field(n, "Bsn", c->bsn, sizeof(c->bsn));
	if (birth) {
		date_of(child(birth, "Datum"), &c->birth_date);
		field(birth, "DatumGebruik", c->date_usage, sizeof(c->date_usage));
	}
	field(n, "Geslacht", sex, sizeof(sex));
	c->sex = strlen(sex) == 1 ? sex[0] : '\0';
	field(geslachtsnaam, "Achternaam", c->family_name, sizeof(c->family_name));
	field(geslachtsnaam, "Voorvoegsel", c->prefix, sizeof(c->prefix));
	field(naam, "Voornamen", c->given_names, sizeof(c->given_names));
	field(naam, "Voorletters", c->initials, sizeof(c->initials));
	field(naam, "NaamGebruik", c->naam_gebruik, sizeof(c->naam_gebruik));
	c->has_partner = child(naam, "Partnernaam") != NULL;
	field(child(n, "Communicatie"), "Vorm", c->communicatie_vorm, sizeof(c->communicatie_vorm));
	c->has_taal = child(child(n, "Communicatie"), "Taal") != NULL;
	field(n, "JuridischeStatus", c->juridische_status, sizeof(c->juridische_status));
	field(n, "WettelijkeVertegenwoordiging", c->vertegenwoordiging,
	      sizeof(c->vertegenwoordiging));
}

/* JW301 Relatie. */
static void read_relation(xmlNode *n, size_t client, struct jr_ijw_relation *r)
{
	xmlNode *birth = child(n, "Geboortedatum"), *naam = child(n, "Naam");
	char sex[4];

	memset(r, 0, sizeof(*r));
	r->client = client;
	r->node = n;
	r->line = line_of(n);
	field(n, "Nummer", r->nummer, sizeof(r->nummer));
	field(n, "Soort", r->soort, sizeof(r->soort));
	if (birth) {
		date_of(child(birth, "Datum"), &r->birth_date);
		field(birth, "DatumGebruik", r->date_usage, sizeof(r->date_usage));
	}
	field(n, "Geslacht", sex, sizeof(sex));
	r->sex = strlen(sex) == 1 ? sex[0] : '\0';
	field(naam, "NaamGebruik", r->naam_gebruik, sizeof(r->naam_gebruik));
	r->has_partner = child(naam, "Partnernaam") != NULL;
}

/* JW301 Contact (of the client or of relation `relation`). */
static void read_contact(xmlNode *n, size_t client, size_t relation, struct jr_ijw_contact *k)
{
	xmlNode *adres = child(n, "Adres"), *periode = child(n, "Periode");

	memset(k, 0, sizeof(*k));
	k->client = client;
	k->relation = relation;
	k->node = n;
	k->line = line_of(n);
	field(n, "Soort", k->soort, sizeof(k->soort));
	k->has_adres = adres != NULL;
	k->has_huis = child(adres, "Huis") != NULL;
	field(adres, "Postcode", k->postcode, sizeof(k->postcode));
	field(adres, "LandCode", k->landcode, sizeof(k->landcode));
	k->has_telefoon = child(n, "Telefoon") != NULL;
	k->has_periode = periode != NULL;
	k->has_begin = date_of(child(periode, "Begindatum"), &k->begin);
	k->has_end = date_of(child(periode, "Einddatum"), &k->end);
}

static void read_product(const xmlNode *n, struct jr_ijw_product *p)
{
	field(n, "Categorie", p->categorie, sizeof(p->categorie));
	field(n, "Code", p->code, sizeof(p->code));
}

static void read_omvang(const xmlNode *n, struct jr_ijw_line *l)
{
	if (!n)
		return;
	l->has_omvang = integer_of(child(n, "Volume"), &l->omvang.volume);
	field(n, "Eenheid", l->omvang.eenheid, sizeof(l->omvang.eenheid));
	field(n, "Frequentie", l->omvang.frequentie, sizeof(l->omvang.frequentie));
}

/* JW305 StartProduct, JW307 StopProduct. */
static void read_delivery(xmlNode *n, struct jr_ijw_line *l)
{
	char status[4];
	xmlNode *product = child(n, "Product");

	l->has_toewijzing_nummer = integer_of(child(n, "ToewijzingNummer"), &l->toewijzing_nummer);
	if ((l->has_product = product != NULL))
		read_product(product, &l->product);
	l->has_toewijzing_begin = date_of(child(n, "ToewijzingIngangsdatum"), &l->toewijzing_begin);
	date_of(child(n, "Begindatum"), &l->begin);
	field(n, "RedenBeeindiging", l->reden, sizeof(l->reden));
	l->has_end = date_of(child(n, "Einddatum"), &l->end);
	field(n, "StatusAanlevering", status, sizeof(status));
	l->status = strlen(status) == 1 ? status[0] : '\0';
}

/* JW315 AangevraagdProduct. */
static void read_request(xmlNode *n, struct jr_ijw_line *l)
{
	xmlNode *product = child(n, "Product"), *verwijzer = child(n, "Verwijzer");

	field(n, "ReferentieAanbieder", l->referentie, sizeof(l->referentie));
	l->has_beschikking = integer_of(child(n, "BeschikkingNummer"), &l->beschikking_nummer);
	if ((l->has_product = product != NULL))
		read_product(product, &l->product);
	l->has_beschikking_begin =
		date_of(child(n, "BeschikkingIngangsdatum"), &l->beschikking_begin);
	date_of(child(n, "ToewijzingIngangsdatum"), &l->begin);
	l->has_end = date_of(child(n, "ToewijzingEinddatum"), &l->end);
	read_omvang(child(n, "Omvang"), l);
	l->has_budget = integer_of(child(n, "Budget"), &l->budget);
	field(verwijzer, "Type", l->verwijzer_type, sizeof(l->verwijzer_type));
	field(verwijzer, "Naam", l->verwijzer_naam, sizeof(l->verwijzer_naam));
	field(verwijzer, "ZorgverlenerCode", l->verwijzer_agb, sizeof(l->verwijzer_agb));
}

/* An amount with DebetCredit: Bedrag or TotaalBedrag. */
static void read_amount(const xmlNode *n, const char *name, int64_t *amount, bool *debet)
{
	char dc[4];

	integer_of(child(n, name), amount);
	field(n, "DebetCredit", dc, sizeof(dc));
	*debet = strcmp(dc, "C") != 0;
}

/* JW323 Prestatie. */
static void read_claim_line(xmlNode *n, struct jr_ijw_line *l)
{
	xmlNode *ref = child(n, "ProductReferentie"), *period = child(n, "ProductPeriode");

	field(ref, "ReferentieNummer", l->referentie, sizeof(l->referentie));
	field(ref, "VorigReferentieNummer", l->vorig_referentie, sizeof(l->vorig_referentie));
	l->has_toewijzing_nummer = integer_of(child(n, "ToewijzingNummer"), &l->toewijzing_nummer);
	l->has_product = true;
	field(n, "ProductCategorie", l->product.categorie, sizeof(l->product.categorie));
	field(n, "ProductCode", l->product.code, sizeof(l->product.code));
	date_of(child(period, "Begindatum"), &l->begin);
	l->has_end = date_of(child(period, "Einddatum"), &l->end);
	l->has_omvang = integer_of(child(n, "GeleverdVolume"), &l->omvang.volume);
	field(n, "Eenheid", l->omvang.eenheid, sizeof(l->omvang.eenheid));
	l->has_tarief = integer_of(child(n, "ProductTarief"), &l->tarief);
	read_amount(child(n, "IngediendBedrag"), "Bedrag", &l->bedrag, &l->debet);
}

/* JW317 OngewijzigdProduct, TeWijzigenProduct, NieuwProduct. */
static void read_change(xmlNode *n, struct jr_ijw_line *l)
{
	xmlNode *product = child(n, "Product");
	const char *name = (const char *)n->name;

	l->kind = strcmp(name, "OngewijzigdProduct") == 0   ? 'O'
		  : strcmp(name, "TeWijzigenProduct") == 0 ? 'T'
							    : 'N';
	l->has_toewijzing_nummer = integer_of(child(n, "ToewijzingNummer"), &l->toewijzing_nummer);
	if ((l->has_product = product != NULL))
		read_product(product, &l->product);
	date_of(child(n, "GewensteIngangsdatum"), &l->begin);
	l->has_end = date_of(child(n, "Einddatum"), &l->end);
	read_omvang(child(n, "Omvang"), l);
	l->has_budget = integer_of(child(n, "Budget"), &l->budget);
}

/* JW301 ToegewezenProduct. */
static void read_assigned(xmlNode *n, struct jr_ijw_line *l)
{
	xmlNode *product = child(n, "Product");

	l->has_toewijzing_nummer = integer_of(child(n, "ToewijzingNummer"), &l->toewijzing_nummer);
	field(n, "ReferentieAanbieder", l->referentie, sizeof(l->referentie));
	if ((l->has_product = product != NULL))
		read_product(product, &l->product);
	date_of(child(n, "Toewijzingsdatum"), &l->toewijzingsdatum);
	date_of(child(n, "Ingangsdatum"), &l->begin);
	l->has_end = date_of(child(n, "Einddatum"), &l->end);
	field(n, "RedenWijziging", l->reden_wijziging, sizeof(l->reden_wijziging));
	read_omvang(child(n, "Omvang"), l);
	l->has_budget = integer_of(child(n, "Budget"), &l->budget);
}

/* Makes room for one more item of `size` bytes in `items` (holding `count` of *cap): *out is
 * the array to use from now on (`items` itself while there is room). */
static enum jr_err grow(void *items, size_t size, size_t count, size_t *cap, size_t first,
			void **out)
{
	size_t more;
	void *p;

	*out = items;
	if (count < *cap)
		return JR_OK;
	more = *cap ? 2 * *cap : first;
	if (more > JR_IJW_LINES_MAX)
		return JR_ERR_TOO_BIG;
	if (!(p = jr_realloc(items, more * size)))
		return JR_ERR_NOMEM;
	*out = p;
	*cap = more;
	return JR_OK;
}

static enum jr_err add_client(struct jr_ijw_msg *m, xmlNode *n, size_t *cap)
{
	void *p;
	enum jr_err err = grow(m->clients, sizeof(*m->clients), m->client_count, cap, 4, &p);

	m->clients = p;
	if (!err)
		read_client(n, &m->clients[m->client_count++]);
	return err;
}

static enum jr_err add_contact(struct jr_ijw_msg *m, xmlNode *n, size_t relation, size_t *cap)
{
	void *p;
	enum jr_err err = grow(m->contacts, sizeof(*m->contacts), m->contact_count, cap, 4, &p);

	m->contacts = p;
	if (!err)
		read_contact(n, m->client_count - 1, relation, &m->contacts[m->contact_count++]);
	return err;
}

/* JW301: the client's relations, each with its Contact, and the client's own contacts. */
static enum jr_err add_people(struct jr_ijw_msg *m, xmlNode *client, size_t *relation_cap,
			      size_t *contact_cap)
{
	size_t ci = m->client_count - 1;
	enum jr_err err = JR_OK;

	for (xmlNode *r = child(child(client, "Relaties"), "Relatie"); r && !err; r = next_same(r)) {
		xmlNode *k = child(r, "Contact");
		void *p;
		err = grow(m->relations, sizeof(*m->relations), m->relation_count, relation_cap, 4,
			   &p);
		m->relations = p;
		if (err)
			break;
		read_relation(r, ci, &m->relations[m->relation_count++]);
		if (k)
			err = add_contact(m, k, m->relation_count - 1, contact_cap);
	}
	for (xmlNode *k = child(child(client, "Contactgegevens"), "Contact"); k && !err;
	     k = next_same(k))
		err = add_contact(m, k, JR_IJW_NO_RELATION, contact_cap);
	return err;
}

/* JW319 Antwoord. */
static void read_reply(xmlNode *root, struct jr_ijw_reply *r)
{
	xmlNode *a = child(root, "Antwoord");

	memset(r, 0, sizeof(*r));
	r->node = a;
	r->line = line_of(a);
	field(a, "ReferentieAanbieder", r->referentie, sizeof(r->referentie));
	field(a, "VerzoekAntwoord", r->antwoord, sizeof(r->antwoord));
	field(a, "RedenAfwijzingVerzoek", r->reden, sizeof(r->reden));
	r->woonplaats_node = child(a, "Woonplaatsbeginsel");
	r->has_woonplaats = r->woonplaats_node != NULL;
	field(r->woonplaats_node, "Gemeente", r->gemeente, sizeof(r->gemeente));
}

static enum jr_err add_line(struct jr_ijw_msg *m, enum jr_ijw_message kind, xmlNode *n,
			    size_t *cap)
{
	struct jr_ijw_line *l;
	void *p;
	enum jr_err err = grow(m->lines, sizeof(*m->lines), m->line_count, cap, 8, &p);

	m->lines = p;
	if (err)
		return err;
	l = &m->lines[m->line_count++];
	memset(l, 0, sizeof(*l));
	l->client = m->client_count - 1;
	l->node = n;
	l->line = line_of(n);
	switch (kind) {
	case JR_IJW_JW305:
	case JR_IJW_JW307: read_delivery(n, l); break;
	case JR_IJW_JW315: read_request(n, l); break;
	case JR_IJW_JW317: read_change(n, l); break;
	case JR_IJW_JW301: read_assigned(n, l); break;
	default: read_claim_line(n, l); break;
	}
	return JR_OK;
}

/* Every RetourCode below n but 0200 (no remark) and 0233 (not judged), each once. */
static void collect_codes(const xmlNode *n, struct jr_ijw_retour *r)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		char code[8];
		bool seen = false;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "RetourCode") != 0) {
			collect_codes(c, r);
			continue;
		}
		text_of(c, code, sizeof(code));
		if (strlen(code) != 4 || strcmp(code, "0200") == 0 || strcmp(code, "0233") == 0)
			continue;
		for (size_t i = 0; i < r->code_count; i++)
			seen |= strcmp(r->codes[i], code) == 0;
		if (!seen && r->code_count < JR_IJW_RETOUR_CODES)
			memcpy(r->codes[r->code_count++], code, 5);
	}
}

enum jr_err jr_ijw_read(xmlDoc *doc, enum jr_ijw_message kind, struct jr_ijw_msg *msg)
{
	/* where the lines of each message are, under its Client */
	static const struct {
		enum jr_ijw_message kind;
		const char *list, *item;
	} where[] = {
		{JR_IJW_JW305, "StartProducten", "StartProduct"},
		{JR_IJW_JW307, "StopProducten", "StopProduct"},
		{JR_IJW_JW315, "AangevraagdeProducten", "AangevraagdProduct"},
		{JR_IJW_JW323, "Prestaties", "Prestatie"},
		{JR_IJW_JW317, "Verzoek", NULL},
		{JR_IJW_JW301, "ToegewezenProducten", "ToegewezenProduct"},
		{JR_IJW_JW319, NULL, NULL},
	};
	xmlNode *root = xmlDocGetRootElement(doc), *clients, *c;
	size_t client_cap = 0, line_cap = 0, relation_cap = 0, contact_cap = 0, w = 0;
	enum jr_err err = JR_OK;

	memset(msg, 0, sizeof(*msg));
	if ((kind == JR_IJW_JW302 || kind == JR_IJW_JW320) && root) {
		/* an answer to one of ours: whose, and what it says */
		xmlNode *head = child(root, "Header");
		if ((err = read_header(root, kind, &msg->header)))
			return err;
		field(head, "IdentificatieRetour", msg->retour.identificatie,
		      sizeof(msg->retour.identificatie));
		date_of(child(head, "DagtekeningRetour"), &msg->retour.dagtekening);
		collect_codes(root, &msg->retour);
		return JR_OK;
	}
	while (w < sizeof(where) / sizeof(where[0]) && where[w].kind != kind)
		w++;
	if (w == sizeof(where) / sizeof(where[0]) || !root)
		return JR_ERR_INPUT;
	if ((err = read_header(root, kind, &msg->header)))
		goto out;
	if (kind == JR_IJW_JW323) {
		xmlNode *d = child(root, "Declaratie"), *period = child(d, "DeclaratiePeriode");
		field(d, "DeclaratieNummer", msg->claim.nummer, sizeof(msg->claim.nummer));
		date_of(child(period, "Begindatum"), &msg->claim.begin);
		date_of(child(period, "Einddatum"), &msg->claim.end);
		date_of(child(d, "DeclaratieDagtekening"), &msg->claim.dagtekening);
		read_amount(child(d, "TotaalIngediendBedrag"), "TotaalBedrag", &msg->claim.totaal,
			    &msg->claim.totaal_debet);
		clients = child(d, "Clienten");
		c = child(clients, "Client");
	} else if (kind == JR_IJW_JW319) {
		read_reply(root, &msg->reply); /* no client: the answer names the request only */
		c = NULL;
	} else {
		c = child(root, "Client");
	}
	for (; c && !err; c = next_same(c)) {
		xmlNode *item = where[w].item ? child(child(c, where[w].list), where[w].item) : NULL;
		if ((err = add_client(msg, c, &client_cap)))
			break;
		if (kind == JR_IJW_JW301 &&
		    (err = add_people(msg, c, &relation_cap, &contact_cap)))
			break;
		for (; item && !err; item = next_same(item))
			err = add_line(msg, kind, item, &line_cap);
		if (kind == JR_IJW_JW317) {
			/* the Verzoek, and its products in the order of the schema */
			static const char *const lists[][2] = {
				{"OngewijzigdeProducten", "OngewijzigdProduct"},
				{"TeWijzigenProducten", "TeWijzigenProduct"},
				{"NieuweProducten", "NieuwProduct"}};
			xmlNode *v = child(c, "Verzoek");
			msg->change.node = v;
			msg->change.line = line_of(v);
			field(v, "ReferentieAanbieder", msg->change.referentie,
			      sizeof(msg->change.referentie));
			field(v, "RedenVerzoek", msg->change.reden, sizeof(msg->change.reden));
			for (size_t k = 0; k < 3 && !err; k++)
				for (item = child(child(v, lists[k][0]), lists[k][1]); item && !err;
				     item = next_same(item))
					err = add_line(msg, kind, item, &line_cap);
		}
	}
out:
	if (err)
		jr_ijw_msg_release(msg);
	return err;
}

void jr_ijw_msg_release(struct jr_ijw_msg *msg)
{
	jr_free(msg->clients);
	jr_free(msg->lines);
	jr_free(msg->relations);
	jr_free(msg->contacts);
	memset(msg, 0, sizeof(*msg));
}
