/* ijw_retour: return messages and the claim answer (ijw_retour.h). A client with findings (a
 * JW319's Antwoord) is returned by copying its elements as received, each element of the
 * message's own namespace moved to the return message's namespace, with the RetourCodes of each
 * class appended: the return messages' schemas are the incoming ones with those codes added at
 * the end of every class (in a JW302 also Relatie and Contact; in a JW320 Antwoord and
 * Woonplaatsbeginsel). */
#include "ijw/ijw_retour.h"

#include <libxml/tree.h>

#include <stdio.h>
#include <string.h>

#define OK_CODE "0200"          /* no remark on this class */
#define NOT_CHECKED "0233"      /* this class was not judged */
#define CLAIM_GRANTED "8001"    /* the claim is granted in full */

static const struct {
	enum jr_ijw_message kind, retour;
	int code;
	const char *ns;
} messages[] = {
	{JR_IJW_JW301, JR_IJW_JW302, 436, "http://www.istandaarden.nl/ijw/3_2/jw301/schema"},
	{JR_IJW_JW302, JR_IJW_UNKNOWN, 437, "http://www.istandaarden.nl/ijw/3_2/jw302/schema"},
	{JR_IJW_JW305, JR_IJW_JW306, 438, "http://www.istandaarden.nl/ijw/3_2/jw305/schema"},
	{JR_IJW_JW306, JR_IJW_UNKNOWN, 439, "http://www.istandaarden.nl/ijw/3_2/jw306/schema"},
	{JR_IJW_JW307, JR_IJW_JW308, 440, "http://www.istandaarden.nl/ijw/3_2/jw307/schema"},
	{JR_IJW_JW308, JR_IJW_UNKNOWN, 441, "http://www.istandaarden.nl/ijw/3_2/jw308/schema"},
	{JR_IJW_JW315, JR_IJW_JW316, 446, "http://www.istandaarden.nl/ijw/3_2/jw315/schema"},
	{JR_IJW_JW316, JR_IJW_UNKNOWN, 447, "http://www.istandaarden.nl/ijw/3_2/jw316/schema"},
	{JR_IJW_JW317, JR_IJW_JW318, 486, "http://www.istandaarden.nl/ijw/3_2/jw317/schema"},
	{JR_IJW_JW318, JR_IJW_UNKNOWN, 487, "http://www.istandaarden.nl/ijw/3_2/jw318/schema"},
	{JR_IJW_JW319, JR_IJW_JW320, 488, "http://www.istandaarden.nl/ijw/3_2/jw319/schema"},
	{JR_IJW_JW320, JR_IJW_UNKNOWN, 489, "http://www.istandaarden.nl/ijw/3_2/jw320/schema"},
	{JR_IJW_JW323, JR_IJW_JW325, 490, "http://www.istandaarden.nl/ijw/3_2/jw323/schema"},
	{JR_IJW_JW325, JR_IJW_UNKNOWN, 491, "http://www.istandaarden.nl/ijw/3_2/jw325/schema"},
};

static size_t entry_of(enum jr_ijw_message kind)
{
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++)
		if (messages[i].kind == kind)
			return i;
	return (size_t)-1;
}

enum jr_ijw_message jr_ijw_retour_kind(enum jr_ijw_message in)
{
	size_t i = entry_of(in);
	return i == (size_t)-1 ? JR_IJW_UNKNOWN : messages[i].retour;
}

const char *jr_ijw_namespace(enum jr_ijw_message kind)
{
	size_t i = entry_of(kind);
	return i == (size_t)-1 ? NULL : messages[i].ns;
}

int jr_ijw_message_code(enum jr_ijw_message kind)
{
	size_t i = entry_of(kind);
	return i == (size_t)-1 ? 0 : messages[i].code;
}

enum jr_err jr_ijw_put_text(struct jr_buf *out, const char *s)
{
	return jr_buf_put_escaped(out, s, "&apos;");
}

/* Writing goes through one of these; the first failure sticks and the rest is skipped. */
struct writer {
	struct jr_buf *out;
	const char *prefix; /* of the return message's namespace: "jw306" */
	enum jr_err err;
};

static void put(struct writer *w, const char *s)
{
	if (!w->err)
		w->err = jr_buf_puts(w->out, s);
}

static void text(struct writer *w, const char *s)
{
	if (!w->err)
		w->err = jr_ijw_put_text(w->out, s);
}

/* <prefix:name>value</prefix:name> with the value escaped; `basis` for the ijw namespace. */
static void leaf(struct writer *w, bool basis, const char *name, const char *value)
{
	if (!w->err)
		w->err = jr_buf_printf(w->out, "<%s:%s>", basis ? "ijw" : w->prefix, name);
	text(w, value);
	if (!w->err)
		w->err = jr_buf_printf(w->out, "</%s:%s>", basis ? "ijw" : w->prefix, name);
}

static void open_tag(struct writer *w, const char *name)
{
	if (!w->err)
		w->err = jr_buf_printf(w->out, "<%s:%s>", w->prefix, name);
}

static void close_tag(struct writer *w, const char *name)
{
	if (!w->err)
		w->err = jr_buf_printf(w->out, "</%s:%s>", w->prefix, name);
}

static void date_leaf(struct writer *w, bool basis, const char *name, jr_day d)
{
	char s[JR_DATE_STRLEN];
	jr_date_format(d, s);
	leaf(w, basis, name, s);
}

/* <RetourCodes> with the codes given, or with `fallback` when there are none. */
static void codes(struct writer *w, const char *const *list, size_t n, const char *fallback)
{
	open_tag(w, "RetourCodes");
	if (n == 0)
		leaf(w, false, "RetourCode", fallback);
	for (size_t i = 0; i < n; i++)
		leaf(w, false, "RetourCode", list[i]);
	close_tag(w, "RetourCodes");
}

/* The distinct codes of the findings at (place, index), at most `max`. */
static size_t codes_at(const struct jr_ijw_findings *f, enum jr_ijw_place at, size_t index,
		       const char **list, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < f->count && n < max; i++) {
		const struct jr_ijw_finding *x = &f->items[i];
		bool seen = false;
		if (x->at != at || (at != JR_IJW_AT_HEADER && at != JR_IJW_AT_CLASS && x->index != index))
			continue;
		for (size_t k = 0; k < n; k++)
			seen |= strcmp(list[k], x->code) == 0;
		if (!seen)
			list[n++] = x->code;
	}
	return n;
}

static bool any_at(const struct jr_ijw_findings *f, enum jr_ijw_place at)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->items[i].at == at)
			return true;
	return false;
}

static bool line_found(const struct jr_ijw_findings *f, size_t li)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->items[i].at == JR_IJW_AT_LINE && f->items[i].index == li)
			return true;
	return false;
}

/* Whether client `ci` or any of its lines has a finding (in a JW317, its Verzoek too; in a
 * JW301, its relations and contacts). */
static bool client_found(const struct jr_ijw_msg *m, const struct jr_ijw_findings *f, size_t ci)
{
	for (size_t i = 0; i < f->count; i++) {
		const struct jr_ijw_finding *x = &f->items[i];
		if ((x->at == JR_IJW_AT_CLIENT && x->index == ci) ||
		    (x->at == JR_IJW_AT_CLASS && m->header.kind == JR_IJW_JW317) ||
		    (x->at == JR_IJW_AT_LINE && x->index < m->line_count &&
		     m->lines[x->index].client == ci) ||
		    (x->at == JR_IJW_AT_RELATION && x->index < m->relation_count &&
		     m->relations[x->index].client == ci) ||
		    (x->at == JR_IJW_AT_CONTACT && x->index < m->contact_count &&
		     m->contacts[x->index].client == ci))
			return true;
	}
	return false;
}

#define CODES_MAX 16

/* The first part of every header: code, version, sender, receiver, identification. */
static void header_start(struct writer *w, enum jr_ijw_message kind, const char *afzender,
			 const char *ontvanger, const char *id, jr_day on)
{
	char code[8];

	snprintf(code, sizeof(code), "%d", jr_ijw_message_code(kind));
	open_tag(w, "Header");
	leaf(w, false, "BerichtCode", code);
	leaf(w, false, "BerichtVersie", "3");
	leaf(w, false, "BerichtSubversie", "2");
	leaf(w, false, "Afzender", afzender);
	leaf(w, false, "Ontvanger", ontvanger);
	open_tag(w, "BerichtIdentificatie");
	leaf(w, true, "Identificatie", id);
	date_leaf(w, true, "Dagtekening", on);
	close_tag(w, "BerichtIdentificatie");
}

static void xsd_version(struct writer *w, const char *name, const char *basis,
			const char *bericht)
{
	open_tag(w, name);
	leaf(w, true, "BasisschemaXsdVersie", basis);
	leaf(w, true, "BerichtXsdVersie", bericht);
	close_tag(w, name);
}

static void root_open(struct writer *w, enum jr_ijw_message kind)
{
	if (!w->err)
		w->err = jr_buf_printf(w->out,
				       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				       "<%s:Bericht xmlns:%s=\"%s\" xmlns:ijw=\"%s\">",
				       w->prefix, w->prefix, jr_ijw_namespace(kind),
				       JR_IJW_BASIS_NAMESPACE);
}

static void root_close(struct writer *w)
{
	close_tag(w, "Bericht");
	put(w, "\n");
}

/* Copies element `n` as received, moving the message's own namespace to the return message's,
 * and appends the RetourCodes of the class it is (a client or a line), if it is one. */
static void copy(struct writer *w, const struct jr_ijw_msg *m, const struct jr_ijw_findings *f,
		 const xmlNode *n)
{
	bool basis = n->ns && n->ns->href &&
		     strcmp((const char *)n->ns->href, JR_IJW_BASIS_NAMESPACE) == 0;
	const char *prefix = basis ? "ijw" : w->prefix;
	const char *list[CODES_MAX];
	size_t count = 0;
	bool class = false;

	for (size_t i = 0; i < m->client_count && !class; i++)
		if (m->clients[i].node == n) {
			class = true;
			count = codes_at(f, JR_IJW_AT_CLIENT, i, list, CODES_MAX);
		}
	for (size_t i = 0; i < m->line_count && !class; i++)
		if (m->lines[i].node == n) {
			class = true;
			count = codes_at(f, JR_IJW_AT_LINE, i, list, CODES_MAX);
		}
	for (size_t i = 0; i < m->relation_count && !class; i++)
		if (m->relations[i].node == n) {
			class = true;
			count = codes_at(f, JR_IJW_AT_RELATION, i, list, CODES_MAX);
		}
	for (size_t i = 0; i < m->contact_count && !class; i++)
		if (m->contacts[i].node == n) {
			class = true;
			count = codes_at(f, JR_IJW_AT_CONTACT, i, list, CODES_MAX);
		}
	if (!class && (m->change.node == n || m->reply.node == n)) {
		/* JW317's Verzoek, JW319's Antwoord */
		class = true;
		count = codes_at(f, JR_IJW_AT_CLASS, 0, list, CODES_MAX);
	}
	if (!class && m->reply.woonplaats_node == n) /* its findings are on the Antwoord */
		class = true;
	if (!w->err)
		w->err = jr_buf_printf(w->out, "<%s:%s>", prefix, (const char *)n->name);
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE)
			copy(w, m, f, c);
		else if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
			 !xmlIsBlankNode(c))
			text(w, (const char *)c->content);
	}
	if (class)
		codes(w, list, count, OK_CODE);
	if (!w->err)
		w->err = jr_buf_printf(w->out, "</%s:%s>", prefix, (const char *)n->name);
}

static enum jr_err write_retour(const struct jr_ijw_msg *m, const struct jr_ijw_findings *f,
				const char *id, jr_day on, struct jr_buf *out)
{
	enum jr_ijw_message kind = jr_ijw_retour_kind(m->header.kind);
	char prefix[8];
	struct writer w = {.out = out, .prefix = prefix};
	const char *list[CODES_MAX];
	size_t n;
	bool technical = jr_ijw_findings_technical(f), header = any_at(f, JR_IJW_AT_HEADER);

	/* the prefix is the message's name in lower case: jw306 */
	snprintf(prefix, sizeof(prefix), "jw%s", jr_ijw_message_name(kind) + 2);
	root_open(&w, kind);
	/* IV028: the header of the message received, with this return message's code */
	header_start(&w, kind, m->header.afzender, m->header.ontvanger, m->header.identificatie,
		     m->header.dagtekening);
	xsd_version(&w, "XsdVersie", m->header.basisschema_xsd, m->header.bericht_xsd);
	leaf(&w, false, "IdentificatieRetour", id);
	date_leaf(&w, false, "DagtekeningRetour", on);
	xsd_version(&w, "XsdVersieRetour", JR_IJW_XSD_VERSION, JR_IJW_XSD_VERSION);
	if (technical) {
		list[0] = "0001";
		codes(&w, list, 1, NULL);
	} else if (header) {
		n = codes_at(f, JR_IJW_AT_HEADER, 0, list, CODES_MAX);
		codes(&w, list, n, OK_CODE);
	} else if (f->count) {
		codes(&w, list, 0, OK_CODE);
	}
	close_tag(&w, "Header");
	/* OP065: only the clients with findings, each whole, every class with its codes; a JW320
	 * returns the Antwoord when it has findings */
	for (size_t ci = 0; !technical && !header && ci < m->client_count; ci++)
		if (client_found(m, f, ci))
			copy(&w, m, f, m->clients[ci].node);
	if (!technical && !header && m->reply.node && any_at(f, JR_IJW_AT_CLASS))
		copy(&w, m, f, m->reply.node);
	root_close(&w);
	return w.err;
}

/* JW325: IV087, IV088. */
static void amount(struct writer *w, const char *name, const char *inner, int64_t value,
		   bool debet)
{
	char v[24];

	snprintf(v, sizeof(v), "%lld", (long long)(value < 0 ? -value : value));
	open_tag(w, name);
	leaf(w, true, inner, v);
	leaf(w, true, "DebetCredit", debet ? "D" : "C");
	close_tag(w, name);
}

static void claim_line(struct writer *w, const struct jr_ijw_findings *f,
		       const struct jr_ijw_line *l, size_t li, bool client_rejected)
{
	const char *list[CODES_MAX];
	char v[24];
	size_t n = client_rejected ? 0 : codes_at(f, JR_IJW_AT_LINE, li, list, CODES_MAX);

	open_tag(w, "Prestatie");
	open_tag(w, "ProductReferentie");
	leaf(w, true, "ReferentieNummer", l->referentie);
	if (l->vorig_referentie[0])
		leaf(w, true, "VorigReferentieNummer", l->vorig_referentie);
	close_tag(w, "ProductReferentie");
	snprintf(v, sizeof(v), "%lld", (long long)l->toewijzing_nummer);
	leaf(w, false, "ToewijzingNummer", v);
	leaf(w, false, "ProductCategorie", l->product.categorie);
	leaf(w, false, "ProductCode", l->product.code);
	open_tag(w, "ProductPeriode");
	date_leaf(w, true, "Begindatum", l->begin);
	date_leaf(w, true, "Einddatum", l->end);
	close_tag(w, "ProductPeriode");
	snprintf(v, sizeof(v), "%lld", (long long)l->omvang.volume);
	leaf(w, false, "GeleverdVolume", v);
	leaf(w, false, "Eenheid", l->omvang.eenheid);
	if (l->has_tarief) {
		snprintf(v, sizeof(v), "%lld", (long long)l->tarief);
		leaf(w, false, "ProductTarief", v);
	}
	amount(w, "IngediendBedrag", "Bedrag", l->bedrag, l->debet);
	codes(w, list, n, client_rejected ? NOT_CHECKED : OK_CODE);
	close_tag(w, "Prestatie");
}

static enum jr_err write_claim_answer(const struct jr_ijw_msg *m, const struct jr_ijw_findings *f,
				      const char *id, jr_day on, struct jr_buf *out)
{
	struct writer w = {.out = out, .prefix = "jw325"};
	const char *list[CODES_MAX];
	size_t n;
	int64_t granted = 0;
	bool technical = jr_ijw_findings_technical(f), header = any_at(f, JR_IJW_AT_HEADER),
	     claim = any_at(f, JR_IJW_AT_CLASS), lines = false;

	root_open(&w, JR_IJW_JW325);
	/* the municipality answers the provider: sender and receiver change places */
	header_start(&w, JR_IJW_JW325, m->header.ontvanger, m->header.afzender, id, on);
	xsd_version(&w, "XsdVersie", JR_IJW_XSD_VERSION, JR_IJW_XSD_VERSION);
	open_tag(&w, "DeclaratieIdentificatie");
	leaf(&w, true, "Identificatie", m->header.identificatie);
	date_leaf(&w, true, "Dagtekening", m->header.dagtekening);
	close_tag(&w, "DeclaratieIdentificatie");
	xsd_version(&w, "XsdVersieDeclaratie", m->header.basisschema_xsd, m->header.bericht_xsd);
	if (technical) {
		list[0] = "0001";
		codes(&w, list, 1, NULL);
	} else if (header) {
		n = codes_at(f, JR_IJW_AT_HEADER, 0, list, CODES_MAX);
		codes(&w, list, n, OK_CODE);
	} else {
		codes(&w, list, 0, OK_CODE);
	}
	close_tag(&w, "Header");
	if (technical || header) {
		root_close(&w);
		return w.err;
	}
	/* what is granted: every line of a client without findings that has none itself */
	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		bool rejected = claim || line_found(f, i) ||
				codes_at(f, JR_IJW_AT_CLIENT, l->client, list, 1) > 0;
		if (!rejected)
			granted += l->debet ? l->bedrag : -l->bedrag;
		lines |= rejected;
	}
	open_tag(&w, "DeclaratieAntwoord");
	leaf(&w, false, "DeclaratieNummer", m->claim.nummer);
	amount(&w, "TotaalIngediendBedrag", "TotaalBedrag", m->claim.totaal, m->claim.totaal_debet);
	/* TR342: a claim rejected as a whole grants 0 */
	amount(&w, "TotaalToegekendBedrag", "TotaalBedrag", claim ? 0 : granted,
	       claim || granted >= 0);
	if (!claim && lines) {
		open_tag(&w, "Clienten");
		for (size_t ci = 0; ci < m->client_count; ci++) {
			size_t cn;
			if (!client_found(m, f, ci))
				continue;
			cn = codes_at(f, JR_IJW_AT_CLIENT, ci, list, CODES_MAX);
			open_tag(&w, "Client");
			leaf(&w, false, "Bsn", m->clients[ci].bsn);
			open_tag(&w, "Prestaties");
			for (size_t i = 0; i < m->line_count; i++) {
				if (m->lines[i].client != ci)
					continue;
				/* a client's rejection returns all its lines as not judged; else
				 * only the rejected lines are returned */
				if (cn || line_found(f, i))
					claim_line(&w, f, &m->lines[i], i, cn > 0);
			}
			close_tag(&w, "Prestaties");
			codes(&w, list, cn, OK_CODE);
			close_tag(&w, "Client");
		}
		close_tag(&w, "Clienten");
	}
	n = claim ? codes_at(f, JR_IJW_AT_CLASS, 0, list, CODES_MAX) : 0;
	if (!claim && !lines) {
		list[0] = CLAIM_GRANTED;
		n = 1;
	}
	codes(&w, list, n, OK_CODE);
	close_tag(&w, "DeclaratieAntwoord");
	root_close(&w);
	return w.err;
}

enum jr_err jr_ijw_retour_write(const struct jr_ijw_msg *m, const struct jr_ijw_findings *f,
				const char *id, jr_day on, struct jr_buf *out)
{
	switch (m->header.kind) {
	case JR_IJW_JW305:
	case JR_IJW_JW307:
	case JR_IJW_JW315:
	case JR_IJW_JW317:
	case JR_IJW_JW301:
	case JR_IJW_JW319: return write_retour(m, f, id, on, out);
	case JR_IJW_JW323: return write_claim_answer(m, f, id, on, out);
	default: return JR_ERR_INPUT;
	}
}

enum jr_err jr_ijw_answer_write(const struct jr_ijw_answer *a, struct jr_buf *out)
{
	struct writer w = {.out = out, .prefix = "jw319"};

	root_open(&w, JR_IJW_JW319);
	header_start(&w, JR_IJW_JW319, a->gemeente, a->aanbieder, a->identificatie, a->dagtekening);
	xsd_version(&w, "XsdVersie", JR_IJW_XSD_VERSION, JR_IJW_XSD_VERSION);
	close_tag(&w, "Header");
	open_tag(&w, "Antwoord");
	leaf(&w, false, "ReferentieAanbieder", a->referentie);
	leaf(&w, false, "VerzoekAntwoord", a->antwoord);
	/* CD085, CD086: a reason with a refusal (1) only; TR377, TR409: the responsible
	 * municipality with reason 8 (woonplaatsbeginsel) only */
	if (a->reden[0])
		leaf(&w, false, "RedenAfwijzingVerzoek", a->reden);
	if (strcmp(a->reden, "8") == 0) {
		open_tag(&w, "Woonplaatsbeginsel");
		leaf(&w, false, "Gemeente", a->woonplaats);
		close_tag(&w, "Woonplaatsbeginsel");
	}
	close_tag(&w, "Antwoord");
	root_close(&w);
	return w.err;
}
