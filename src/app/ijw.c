/* ijw (app): iJw messages against the records (ijw.h). The cross-message rules are checked
 * here, each named by its code where it is checked. */
#include "app/ijw.h"

#include <libxml/tree.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/refer.h"
#include "core/alloc.h"
#include "ijw/ijw_allocation.h"
#include "ijw/ijw_codes.h"
#include "ijw/ijw_message.h"
#include "ijw/ijw_retour.h"
#include "json/policy_set.h"

void jr_ijw_outcome_init(struct jr_ijw_outcome *o)
{
	memset(o, 0, sizeof(*o));
	jr_buf_init(&o->answer, 1 << 26);
	jr_buf_init(&o->refusals, 1 << 26);
}

void jr_ijw_outcome_release(struct jr_ijw_outcome *o)
{
	jr_ijw_findings_release(&o->findings);
	jr_buf_release(&o->answer);
	jr_buf_release(&o->refusals);
	memset(o, 0, sizeof(*o));
}

/* Where in a message a finding is (enum jr_ijw_place): its name in a problem and its label. */
static const char *const places[][2] = {
	{"header", "kop"},   {"message", "bericht"},   {"client", "cliënt"},
	{"line", "regel"}, {"relation", "relatie"}, {"contact", "contact"},
};

const char *jr_app_ijw_place_at(size_t i, const char **label)
{
	if (i >= sizeof(places) / sizeof(places[0]))
		return NULL;
	*label = places[i][1];
	return places[i][0];
}

enum jr_err jr_ijw_problems_json(struct jr_buf *out, const struct jr_ijw_outcome *o)
{
	const struct jr_ijw_problem *p = &o->problem;
	enum jr_err err;

	if (p->rule[0]) {
		if ((err = jr_buf_puts(out, "[{\"rule\":")) || (err = jr_buf_json_string(out, p->rule)) ||
		    (err = jr_buf_puts(out, ",\"code\":null,\"path\":")))
			return err;
		err = p->path[0] ? jr_buf_json_string(out, p->path) : jr_buf_puts(out, "null");
		if (!err)
			err = p->line > 0 ? jr_buf_printf(out, ",\"line\":%d,\"message\":", p->line)
					  : jr_buf_puts(out, ",\"line\":null,\"message\":");
		if (!err)
			err = jr_buf_json_string(out, p->message);
		return err ? err : jr_buf_puts(out, "}]");
	}
	if ((err = jr_buf_putc(out, '[')))
		return err;
	for (size_t i = 0; i < o->findings.count && !err; i++) {
		const struct jr_ijw_finding *f = &o->findings.items[i];
		err = jr_buf_printf(out, "%s{\"rule\":\"%s\",\"code\":\"%s\",\"at\":\"%s\",", i ? "," : "",
				    f->rule, f->code, places[f->at][0]);
		if (!err)
			err = f->at >= JR_IJW_AT_CLIENT ? jr_buf_printf(out, "\"index\":%zu,", f->index + 1)
							 : JR_OK;
		if (!err)
			err = f->line > 0 ? jr_buf_printf(out, "\"line\":%d,\"message\":", f->line)
					  : jr_buf_puts(out, "\"line\":null,\"message\":");
		if (!err)
			err = jr_buf_json_string(out, f->message);
		if (!err)
			err = jr_buf_putc(out, '}');
	}
	return err ? err : jr_buf_putc(out, ']');
}

static bool is_answer_to_ours(enum jr_ijw_message kind)
{
	return kind == JR_IJW_JW302 || kind == JR_IJW_JW320;
}

static bool takes_in(enum jr_ijw_message kind)
{
	return kind == JR_IJW_JW305 || kind == JR_IJW_JW307 || kind == JR_IJW_JW315 ||
	       kind == JR_IJW_JW317 || kind == JR_IJW_JW323 || is_answer_to_ours(kind);
}

/* The messages read and checked against the rules within them: those taken in, and
 * jeugdroute's own JW301 and JW319 as their receiver checks them. */
static bool has_rules(enum jr_ijw_message kind)
{
	return takes_in(kind) || kind == JR_IJW_JW301 || kind == JR_IJW_JW319;
}

/* The identification of an answer: "R" and 11 random hex digits (44 bits): unique for
 * jeugdroute as sender without asking the records, also for a message sent twice. */
static void answer_id(char out[13])
{
	unsigned char r[6];
	char hex[13];

	randombytes_buf(r, sizeof(r));
	sodium_bin2hex(hex, sizeof(hex), r, sizeof(r));
	snprintf(out, 13, "R%.11s", hex);
}


/* Levels 1 and 2; *doc and *msg are set when the message could be read (free them). */
static enum jr_err check_in_message(struct jr_ijw_parser *p, const char *data, size_t len,
				    jr_day today, bool rules, struct jr_ijw_outcome *o, xmlDoc **doc,
				    struct jr_ijw_msg *msg)
{
	enum jr_err err;

	*doc = NULL;
	memset(msg, 0, sizeof(*msg));
	jr_ijw_problem_clear(&o->problem);
	err = jr_ijw_parse(p, data, len, doc, &o->problem);
	if (err == JR_ERR_INPUT || err == JR_ERR_TOO_BIG)
		return err == JR_ERR_TOO_BIG ? err : JR_OK;
	if (err)
		return err;
	err = jr_ijw_check_structure(*doc, &o->kind, &o->problem);
	if (err == JR_ERR_INPUT)
		return JR_OK;
	if (err)
		return err;
	o->valid = true;
	if (!rules || !has_rules(o->kind))
		return JR_OK;
	if ((err = jr_ijw_read(*doc, o->kind, msg)) ||
	    (err = jr_ijw_check_rules(msg, today, &o->findings)))
		return err;
	o->lines = msg->line_count;
	o->valid = !jr_ijw_findings_technical(&o->findings);
	return JR_OK;
}

enum jr_err jr_app_ijw_validate(struct jr_ijw_parser *p, const char *data, size_t len,
				jr_day today, bool rules, bool answer, struct jr_ijw_outcome *o)
{
	xmlDoc *doc;
	struct jr_ijw_msg msg;
	char ident[13];
	enum jr_err err = check_in_message(p, data, len, today, rules, o, &doc, &msg);

	/* the return message its receiver sends after levels 1 and 2 (and the system date):
	 * IV028, as an import answers, without what only the records can tell */
	if (!err && answer && rules && !o->problem.rule[0] && has_rules(o->kind) &&
	    jr_ijw_retour_kind(o->kind) != JR_IJW_UNKNOWN) {
		o->answer_kind = jr_ijw_retour_kind(o->kind);
		answer_id(ident);
		err = jr_ijw_retour_write(&msg, &o->findings, ident, today, &o->answer);
	}
	jr_ijw_msg_release(&msg);
	xmlFreeDoc(doc);
	return err;
}

/* ------------------------------------------------------------------------------------------
 * Mappings between the records and the standard's codes (docs/ijw.md)
 * ---------------------------------------------------------------------------------------- */

/* A unit as the records name it and its WJ756 code. */
static const struct {
	const char *unit, *code;
} units[] = {
	{"minuut", "01"}, {"uur", "04"}, {"etmaal", "14"}, {"dagdeel", "16"},
	{"stuks", "84"},  {"euro", "83"},
};
/* A frequency as the records name it and its WMO757 code. */
static const struct {
	const char *frequency, *code;
} frequencies[] = {
	{"per dag", "1"},
	{"per week", "2"},
	{"per maand", "4"},
	{"totaal binnen geldigheidsduur", "6"},
};

const char *jr_app_ijw_unit_at(size_t i, const char **code)
{
	if (i >= sizeof(units) / sizeof(units[0]))
		return NULL;
	*code = units[i].code;
	return units[i].unit;
}

static const char *unit_code(const char *unit)
{
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i].unit, unit) == 0)
			return units[i].code;
	return NULL;
}

static const char *frequency_code(const char *frequency)
{
	for (size_t i = 0; i < sizeof(frequencies) / sizeof(frequencies[0]); i++)
		if (strcmp(frequencies[i].frequency, frequency) == 0)
			return frequencies[i].code;
	return NULL;
}

/* The product of an allocation as the standard has it (docs/ijw.md): the product regime's
 * own code; for the result regime the code names the intensity: category and "OB" and the level
 * ("45OB2"); otherwise the category only. */
static void product_of(const struct jr_ijw_allocation *al, struct jr_ijw_product *p)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->categorie, sizeof(p->categorie), "%s", al->jz020);
	if (strcmp(al->regime, "product") == 0 && al->product_code[0])
		snprintf(p->code, sizeof(p->code), "%.5s", al->product_code);
	else if (strcmp(al->regime, "result") == 0 && al->intensity >= 1 && al->intensity <= 4)
		snprintf(p->code, sizeof(p->code), "%.2sOB%d", al->jz020, al->intensity);
}

/* The form a JZ020 category stands for in the municipality's policy: the lightest form with
 * that category that needs a referral (a provider asks for care it was referred for), else form
 * 1; 0 when none has it. */
static int form_of_category(const struct jr_policy *pol, const char *jz020)
{
	for (int f = 2; f <= JR_FORM_COUNT; f++)
		if (strcmp(pol->forms[f].jz020, jz020) == 0)
			return f;
	return strcmp(pol->forms[1].jz020, jz020) == 0 ? 1 : 0;
}

/* ------------------------------------------------------------------------------------------
 * Taking a message in
 * ---------------------------------------------------------------------------------------- */

struct import {
	struct jr_store *s;
	const struct jr_actor *a;
	const struct jr_policy_set *set;
	const struct jr_ijw_msg *m;
	struct jr_ijw_outcome *o;
	struct jr_provider provider;
	int64_t message_id;
	jr_day today;
};

/* A finding of levels 3 and 4, on line i (or the client, or the claim). */
#define LINE_AT(im, i) JR_IJW_AT_LINE, (i), (im)->m->lines[i].line
#define CLIENT_AT(im, i) JR_IJW_AT_CLIENT, (i), (im)->m->clients[i].line
/* Adding a finding can only fail for want of memory; that ends the check. */
#define TRY_FINDING(expr)                                                                          \
	do {                                                                                       \
		if ((err = (expr)) != JR_OK)                                                       \
			return err;                                                                \
	} while (0)

static enum jr_err person_of(struct import *im, size_t client, struct jr_person *p, bool *found)
{
	enum jr_err err = jr_store_person_find_bsn(im->s, im->a, im->m->clients[client].bsn, p);

	*found = err == JR_OK;
	return err == JR_ERR_NOT_FOUND ? JR_OK : err;
}

/* TR019: the allocation a start or stop is about — by ToewijzingNummer, or in the generic
 * regime by product category and start date — made to this provider for this child. */
static enum jr_err allocation_of_delivery(struct import *im, size_t i, int64_t child,
					  struct jr_ijw_allocation *al, bool *found)
{
	const struct jr_ijw_line *l = &im->m->lines[i];
	enum jr_err err;

	*found = false;
	if (l->has_toewijzing_nummer)
		err = jr_store_ijw_allocation(im->s, l->toewijzing_nummer, al, found);
	else if (l->has_product)
		err = jr_store_ijw_allocation_generic(im->s, im->provider.id, child,
						      l->product.categorie, l->begin, al, found);
	else
		err = JR_OK;
	if (err || !*found)
		return err;
	*found = al->provider_id == im->provider.id && al->child_id == child &&
		 (l->has_toewijzing_nummer || strcmp(al->regime, "generic") == 0);
	return JR_OK;
}

/* JW305 and JW307: each line starts, stops or withdraws one delivery. */
static enum jr_err import_delivery(struct import *im)
{
	const struct jr_ijw_msg *m = im->m;
	bool stop = m->header.kind == JR_IJW_JW307;
	struct jr_delivery_rec d[JR_DELIVERIES_MAX];
	struct jr_ijw_allocation al;
	struct jr_person child;
	enum jr_err err = JR_OK;
	bool found, linked;

	if ((err = person_of(im, 0, &child, &found)))
		return err;
	for (size_t i = 0; i < m->line_count && !err; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		const struct jr_delivery_rec *same = NULL, *running = NULL;
		size_t n = 0;
		int64_t id;
		if (!found || (err = allocation_of_delivery(im, i, child.id, &al, &linked)))
			linked = false;
		if (err)
			break;
		if (!linked) {
			err = jr_ijw_finding_add(&im->o->findings, "TR019", "9019", LINE_AT(im, i),
						 "deze %s hoort bij geen toewijzing aan deze aanbieder "
						 "voor deze cliënt",
						 stop ? "stop" : "start");
			continue;
		}
		if ((err = jr_store_deliveries_of(im->s, al.id, d, &n)))
			break;
		for (size_t k = 0; k < n; k++) {
			if (d[k].started == l->begin)
				same = &d[k];
			if (!d[k].stopped)
				running = &d[k];
		}
		if (!stop && l->status == '1') {
			if (same) /* TR074: the key of a first delivery is new */
				err = jr_ijw_finding_add(&im->o->findings, "TR074", "9074",
							 LINE_AT(im, i),
							 "er is al een start met deze begindatum");
			else if (running) /* TR326: one current start per allocation */
				err = jr_ijw_finding_add(&im->o->findings, "TR326", "9326",
							 LINE_AT(im, i),
							 "de lopende levering is nog niet gestopt");
			else
				err = jr_store_delivery_start(im->s, im->a, al.id, l->begin, &id);
		} else if (!stop) {
			if (!same) /* TR063: a withdrawal needs the delivery withdrawn */
				err = jr_ijw_finding_add(&im->o->findings, "TR063", "9063",
							 LINE_AT(im, i),
							 "er is geen start met deze sleutel om te verwijderen");
			else if (same->stopped) /* TR071: not once the care has stopped */
				err = jr_ijw_finding_add(&im->o->findings, "TR071", "9071",
							 LINE_AT(im, i),
							 "deze start heeft al een stop en kan niet meer weg");
			else
				err = jr_store_delivery_remove(im->s, im->a, al.id, same->id);
		} else if (l->status == '1') {
			if (!same) /* TR382: a stop repeats the key of its start */
				err = jr_ijw_finding_add(&im->o->findings, "TR382", "9069",
							 LINE_AT(im, i),
							 "er is geen start met dezelfde sleutel");
			else if (same->stopped && strcmp(same->end_reason, "20") != 0)
				/* TR415: nothing after a definitive stop */
				err = jr_ijw_finding_add(&im->o->findings, "TR415", "9415",
							 LINE_AT(im, i),
							 "deze levering is al definitief gestopt");
			else if (same->stopped && strcmp(l->reden, "20") == 0)
				/* TR413: after a temporary stop (20), not another one */
				err = jr_ijw_finding_add(&im->o->findings, "TR413", "9413",
							 LINE_AT(im, i),
							 "na een tijdelijke stop (20) volgt geen tweede");
			else if (same->stopped && l->end < same->stopped_on)
				/* TR414: not before the temporary stop's end */
				err = jr_ijw_finding_add(&im->o->findings, "TR414", "9414",
							 LINE_AT(im, i),
							 "de einddatum ligt voor die van de tijdelijke stop");
			else
				err = jr_store_delivery_stop(im->s, im->a, al.id, same->id, l->end,
							     l->reden);
		} else {
			/* TR063: a stop withdrawn was sent before with the same key */
			if (!same || !same->stopped || same->stopped_on != l->end ||
			    strcmp(same->end_reason, l->reden) != 0)
				err = jr_ijw_finding_add(&im->o->findings, "TR063", "9063",
							 LINE_AT(im, i),
							 "er is geen stop met deze sleutel om te verwijderen");
			else
				err = jr_store_delivery_unstop(im->s, im->a, al.id, same->id);
		}
	}
	return err;
}

/* The raiser of a help request for a referrer of COD327 type `type`. */
static const char *raiser_of(const char *type)
{
	static const struct {
		const char *type, *raised_by;
	} map[] = {{"01", "local_team"}, {"02", "gp"},       {"03", "youth_health"},
		   {"04", "gi"},         {"05", "other"},    {"06", "family"},
		   {"08", "other"}};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].type, type) == 0)
			return map[i].raised_by;
	return "other";
}

/* A child new to the records, registered from the message (name, birth date, sex; resident in
 * the receiving municipality, as the message says: the records know no better). That gives no
 * one a reach it did not have: the receiving municipality's consulent sees what the provider
 * sent it anyway, the provider reaches the child only once an allocation is made to it, and the
 * referrer the message names reaches no child's file at all (app/access.c). */
static enum jr_err register_child(struct import *im, const struct jr_ijw_client *c,
				  struct jr_person *p)
{
	const char *field, *message;

	memset(p, 0, sizeof(*p));
	memcpy(p->bsn, c->bsn, sizeof(p->bsn));
	snprintf(p->family_name, sizeof(p->family_name), "%.40s%s%.59s", c->prefix,
		 c->prefix[0] ? " " : "", c->family_name);
	snprintf(p->given_names, sizeof(p->given_names), "%.100s",
		 c->given_names[0] ? c->given_names : c->initials[0] ? c->initials : "onbekend");
	p->birth_date = c->birth_date;
	p->sex = c->sex ? c->sex : '0';
	snprintf(p->municipality, sizeof(p->municipality), "%.4s", im->m->header.ontvanger);
	if (jr_person_check(p, im->today, &field, &message))
		return JR_ERR_INPUT;
	return jr_store_person_add(im->s, im->a, p);
}

/* What a requested product (JW315) or a product to change or add (JW317) asks, as a request of
 * the records (r->kind, change_of and referral_id are the caller's). */
static void request_of_line(const struct import *im, const struct jr_ijw_line *l,
			    int64_t help_request, const char *reference,
			    struct jr_ijw_request_rec *r)
{
	r->message_id = im->message_id;
	r->provider_id = im->provider.id;
	r->help_request_id = help_request;
	snprintf(r->reference, sizeof(r->reference), "%s", reference);
	if (l->has_product) {
		snprintf(r->jz020, sizeof(r->jz020), "%s", l->product.categorie);
		snprintf(r->product_code, sizeof(r->product_code), "%s", l->product.code);
	}
	r->start = l->begin;
	r->has_end = l->has_end;
	r->end = l->end;
	r->has_volume = l->has_omvang;
	r->volume = l->omvang.volume;
	snprintf(r->unit, sizeof(r->unit), "%s", l->omvang.eenheid);
	snprintf(r->frequency, sizeof(r->frequency), "%s", l->omvang.frequentie);
	r->has_budget = l->has_budget;
	r->budget_cents = l->budget;
}

/* The municipality of the header refuses a request for allocation because it is not the
 * child's: per requested product a JW319 with VerzoekAntwoord 1 (afgewezen) and
 * RedenAfwijzingVerzoek 8 (woonplaatsbeginsel, WJ759), whose Woonplaatsbeginsel names the
 * municipality responsible (OP359, IV095; TR377), recorded as sent so that the provider's JW320
 * finds it. */
static enum jr_err refuse_residence(struct import *im, const char *responsible)
{
	const struct jr_ijw_msg *m = im->m;
	struct jr_buf xml;
	enum jr_err err = JR_OK;

	jr_buf_init(&xml, 1 << 16);
	snprintf(im->o->responsible, sizeof(im->o->responsible), "%s", responsible);
	for (size_t i = 0; i < m->line_count && !err; i++) {
		struct jr_ijw_message_rec rec = {0};
		struct jr_ijw_answer ans = {0};
		char name[64];
		snprintf(rec.direction, sizeof(rec.direction), "out");
		snprintf(rec.code, sizeof(rec.code), "JW319");
		rec.dagtekening = im->today;
		snprintf(rec.sender, sizeof(rec.sender), "%s", m->header.ontvanger);
		snprintf(rec.receiver, sizeof(rec.receiver), "%s", m->header.afzender);
		snprintf(rec.status, sizeof(rec.status), "sent");
		rec.answers = im->message_id;
		if ((err = jr_store_ijw_message_add(im->s, im->a, &rec)))
			break;
		snprintf(ans.gemeente, sizeof(ans.gemeente), "%.4s", m->header.ontvanger);
		snprintf(ans.aanbieder, sizeof(ans.aanbieder), "%s", m->header.afzender);
		snprintf(ans.identificatie, sizeof(ans.identificatie), "%.12s", rec.identification);
		ans.dagtekening = im->today;
		snprintf(ans.referentie, sizeof(ans.referentie), "%s", m->lines[i].referentie);
		snprintf(ans.antwoord, sizeof(ans.antwoord), "1");
		snprintf(ans.reden, sizeof(ans.reden), "8");
		snprintf(ans.woonplaats, sizeof(ans.woonplaats), "%s", responsible);
		jr_buf_reset(&xml);
		snprintf(name, sizeof(name), "JW319-%.12s.xml", ans.identificatie);
		if (!(err = jr_ijw_answer_write(&ans, &xml)) &&
		    !(err = jr_buf_append(&im->o->refusals, name, strlen(name) + 1)) &&
		    !(err = jr_buf_append(&im->o->refusals, xml.data, xml.len + 1)))
			im->o->refusal_count++;
	}
	jr_buf_release(&xml);
	return err;
}

/* JW315: the child, a help request of the municipality responsible for it, the referral (judged
 * by rule 7) and one request per requested product, open until the municipality decides.
 *
 * The municipality responsible is the child's, from the records (woonplaatsbeginsel), not the
 * message's Ontvanger: a request addressed to another municipality is refused with reason 8
 * (refuse_residence) and nothing of it is kept, so that a provider opens no child's file to a
 * municipality of its choosing. The referrer the message names is recorded with the referral
 * (rule 7 judges it, the JW301 repeats it) but gives that referrer nothing: a referrer sees no
 * child's file, and a referral taken from a message is not in its list of referrals. */
static enum jr_err import_request(struct import *im)
{
	const struct jr_ijw_msg *m = im->m;
	const struct jr_policy *pol = jr_policy_set_find(im->set, m->header.ontvanger);
	struct jr_person child;
	struct jr_help_request h = {0};
	struct jr_buf why;
	enum jr_err err;
	bool found, used, open;
	size_t findings = im->o->findings.count;

	jr_buf_init(&why, 4096);
	if ((err = person_of(im, 0, &child, &found)))
		goto out;
	if (found) {
		/* TR374: no new request while one is open for this client and provider */
		if ((err = jr_store_ijw_request_seen(im->s, im->provider.id, "", child.id, &used,
						     &open)))
			goto out;
		if (open)
			err = jr_ijw_finding_add(&im->o->findings, "TR374", "9374", CLIENT_AT(im, 0),
						 "er is al een verzoek van deze aanbieder voor deze "
						 "cliënt onderhanden");
	}
	for (size_t i = 0; i < m->line_count && !err; i++) {
		/* TR347: a ReferentieAanbieder once per provider */
		if ((err = jr_store_ijw_request_seen(im->s, im->provider.id, m->lines[i].referentie,
						     found ? child.id : 0, &used, &open)))
			break;
		if (used)
			err = jr_ijw_finding_add(&im->o->findings, "TR347", "9347", LINE_AT(im, i),
						 "deze ReferentieAanbieder is al eerder gebruikt");
	}
	if (err || im->o->findings.count > findings)
		goto out;
	if (found && strcmp(child.municipality, m->header.ontvanger) != 0) {
		err = refuse_residence(im, child.municipality);
		goto out;
	}
	if (!found && (err = register_child(im, &m->clients[0], &child)))
		goto out;
	h.child_id = child.id;
	snprintf(h.raised_by, sizeof(h.raised_by), "%s", raiser_of(m->lines[0].verwijzer_type));
	h.raised_on = m->header.dagtekening;
	memcpy(h.municipality, child.municipality, sizeof(h.municipality));
	snprintf(h.question, sizeof(h.question),
		 "Verzoek om toewijzing van %.100s (iJw JW315, bericht %.12s)", im->provider.name,
		 m->header.identificatie);
	if ((err = jr_store_help_request_add(im->s, im->a, &h)))
		goto out;
	for (size_t i = 0; i < m->line_count && !err; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		struct jr_referral ref = {0};
		struct jr_ijw_request_rec r = {0};
		int form = pol && l->has_product ? form_of_category(pol, l->product.categorie) : 0;
		if (form) {
			ref.help_request_id = h.id;
			/* named in the provider's message: no referrer made it here (no organisation) */
			snprintf(ref.source, sizeof(ref.source), "ijw");
			ref.referrer_type = (int)strtol(l->verwijzer_type, NULL, 10);
			snprintf(ref.agb, sizeof(ref.agb), "%s", l->verwijzer_agb);
			snprintf(ref.referrer_name, sizeof(ref.referrer_name), "%.100s",
				 l->verwijzer_naam[0] ? l->verwijzer_naam : "(niet genoemd)");
			ref.referred_on = l->has_beschikking_begin ? l->beschikking_begin
								   : m->header.dagtekening;
			ref.form = form;
			jr_buf_reset(&why);
			if ((err = jr_app_refer(im->s, im->a, im->set, &ref, &why)))
				break;
		}
		request_of_line(im, l, h.id, l->referentie, &r);
		r.referral_id = ref.id;
		err = jr_store_ijw_request_add(im->s, im->a, child.id, &r);
	}
out:
	jr_buf_release(&why);
	return err;
}

/* JW317: a request for change of the allocations of a client the provider has now. It names
 * them all (TR349), each unchanged or with its change; new products may join. Kept as one
 * request per product to change or add, open until the municipality decides. */
#define CURRENT_MAX 64
static enum jr_err import_change(struct import *im)
{
	const struct jr_ijw_msg *m = im->m;
	struct jr_ijw_findings *f = &im->o->findings;
	struct jr_ijw_allocation current[CURRENT_MAX];
	struct jr_person child;
	size_t n = 0, findings = f->count;
	int64_t help_request = 0;
	bool found, used, open;
	enum jr_err err;

	if ((err = person_of(im, 0, &child, &found)))
		return err;
	if (!found) /* TR304: a change is asked for a client of the records */
		return jr_ijw_finding_add(f, "TR304", "8187", CLIENT_AT(im, 0),
					  "deze cliënt is hier niet bekend");
	if ((err = jr_store_ijw_request_seen(im->s, im->provider.id, m->change.referentie, child.id,
					     &used, &open)) ||
	    (err = jr_store_ijw_allocations_current(im->s, im->provider.id, child.id,
						    m->header.dagtekening, current, CURRENT_MAX,
						    &n)))
		return err;
	/* TR374: no new request while one is open; TR347: a reference once per provider */
	if (open)
		TRY_FINDING(jr_ijw_finding_add(f, "TR374", "9374", CLIENT_AT(im, 0),
					       "er is al een verzoek van deze aanbieder voor deze "
					       "cliënt onderhanden"));
	if (used)
		TRY_FINDING(jr_ijw_finding_add(f, "TR347", "9347", JR_IJW_AT_CLASS, 0,
					       m->change.line,
					       "deze ReferentieAanbieder is al eerder gebruikt"));
	/* TR349: every current allocation is named, unchanged or to change */
	for (size_t k = 0; k < n; k++) {
		bool named = false;
		for (size_t i = 0; i < m->line_count; i++)
			named |= m->lines[i].kind != 'N' &&
				 m->lines[i].toewijzing_nummer == current[k].id;
		if (!named)
			TRY_FINDING(jr_ijw_finding_add(f, "TR349", "9349", JR_IJW_AT_CLASS, 0,
						       m->change.line,
						       "toewijzing %lld ontbreekt in het verzoek",
						       (long long)current[k].id));
	}
	for (size_t i = 0; i < m->line_count; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		const struct jr_ijw_allocation *al = NULL;
		if (l->kind == 'N')
			continue;
		for (size_t k = 0; k < n; k++)
			if (current[k].id == l->toewijzing_nummer)
				al = &current[k];
		/* TR350, TR351: an unchanged or changed product is a current allocation */
		if (!al) {
			TRY_FINDING(jr_ijw_finding_add(
			    f, l->kind == 'O' ? "TR350" : "TR351", l->kind == 'O' ? "9350" : "9351",
			    LINE_AT(im, i), "dit is geen actuele toewijzing van deze cliënt"));
			continue;
		}
		help_request = help_request ? help_request : al->help_request_id;
		/* TR357: a change from a day already passed starts where the allocation did */
		if (l->kind == 'T' && l->begin <= m->header.dagtekening && l->begin != al->start)
			TRY_FINDING(jr_ijw_finding_add(f, "TR357", "9357", LINE_AT(im, i),
						       "een gewenste ingangsdatum in het verleden is de "
						       "ingangsdatum van de toewijzing"));
	}
	if (f->count > findings)
		return JR_OK;
	if (!help_request && n) /* only new products, and allocations (TR349 holds) */
		help_request = current[0].help_request_id;
	if (!help_request) /* nothing current to change: TR351 covers it, TR352 asks for one */
		return jr_ijw_finding_add(f, "TR351", "9351", JR_IJW_AT_CLASS, 0, m->change.line,
					  "deze cliënt heeft geen actuele toewijzing bij deze "
					  "aanbieder");
	for (size_t i = 0; i < m->line_count && !err; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		struct jr_ijw_request_rec r = {0};
		if (l->kind == 'O')
			continue;
		snprintf(r.kind, sizeof(r.kind), "JW317");
		r.change_of = l->kind == 'T' ? l->toewijzing_nummer : 0;
		request_of_line(im, l, help_request, m->change.referentie, &r);
		err = jr_store_ijw_request_add(im->s, im->a, child.id, &r);
	}
	return err;
}

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
	product_of(al, &product);
	/* TR339, TR340: the category, and the code when the allocation has one */
	if (strcmp(product.categorie, l->product.categorie) != 0)
		TRY_FINDING(jr_ijw_finding_add(f, "TR339", "9339", LINE_AT(im, i),
					       "de productcategorie is niet die van de toewijzing"));
	if (product.code[0] && strcmp(product.code, l->product.code) != 0)
		TRY_FINDING(jr_ijw_finding_add(f, "TR340", "9340", LINE_AT(im, i),
					       "de productcode is niet die van de toewijzing"));
	/* TR341: the unit fits the allocation's (hours may be claimed in minutes) */
	unit = strcmp(al->regime, "result") == 0 ? "82" : unit_code(al->unit);
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
	freq = strcmp(al->regime, "product") == 0 ? frequency_code(al->frequency) : NULL;
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
static enum jr_err import_claim(struct import *im)
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
		if ((err = person_of(im, c, &children[c], &found)))
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

/* Whether any finding rejects the message as a whole: all but a claim's line findings. */
static bool rejects_all(const struct jr_ijw_msg *m, const struct jr_ijw_findings *f)
{
	for (size_t i = 0; i < f->count; i++)
		if (m->header.kind != JR_IJW_JW323 || f->items[i].at != JR_IJW_AT_LINE)
			return true;
	return false;
}

static enum jr_err log_exchange(struct import *im, const char *answer_ident)
{
	const struct jr_ijw_msg *m = im->m;
	struct jr_ijw_message_rec out = {0};
	enum jr_err err;
	bool known;

	snprintf(out.direction, sizeof(out.direction), "out");
	snprintf(out.code, sizeof(out.code), "%s", jr_ijw_message_name(im->o->answer_kind));
	snprintf(out.identification, sizeof(out.identification), "%s", answer_ident);
	out.dagtekening = im->today;
	snprintf(out.sender, sizeof(out.sender), "%s", m->header.ontvanger);
	snprintf(out.receiver, sizeof(out.receiver), "%s", m->header.afzender);
	snprintf(out.status, sizeof(out.status), "sent");
	out.answers = im->message_id;
	/* the same answer twice is one answer (checked first: a refused add would fail the
	 * transaction) */
	if ((err = jr_store_ijw_message_known(im->s, "out", out.code, out.sender, answer_ident,
					      &known)) ||
	    known)
		return err;
	return jr_store_ijw_message_add(im->s, im->a, &out);
}

/* JW302, JW320: a provider's answer to one of jeugdroute's messages (a JW301, a JW319). The
 * header is that of the message answered, so it names it: that message becomes acknowledged,
 * or rejected with the codes the answer gives. An answer is not answered. */
static enum jr_err import_answer(struct jr_store *s, const struct jr_actor *a,
				 const struct jr_ijw_msg *m, struct jr_ijw_outcome *o)
{
	const char *ours = o->kind == JR_IJW_JW302 ? "JW301" : "JW319";
	struct jr_ijw_message_rec in = {0};
	char codes[JR_IJW_RETOUR_CODES * 5 + 1] = "";
	bool outer = jr_store_in_bulk(s), found, known;
	enum jr_err err, end;

	for (size_t i = 0, len = 0; i < m->retour.code_count; i++) {
		len += (size_t)snprintf(codes + len, sizeof(codes) - len, "%s%s", i ? "," : "",
					m->retour.codes[i]);
		if ((err = jr_ijw_finding_add(&o->findings, "RETOUR", m->retour.codes[i],
					      JR_IJW_AT_HEADER, 0, 0,
					      "de aanbieder keurt het bericht af met deze code")))
			return err;
	}
	if ((err = outer ? jr_store_part_begin(s) : jr_store_bulk_begin(s)))
		return err;
	snprintf(in.direction, sizeof(in.direction), "in");
	snprintf(in.code, sizeof(in.code), "%s", jr_ijw_message_name(o->kind));
	snprintf(in.identification, sizeof(in.identification), "%s", m->retour.identificatie);
	in.dagtekening = m->retour.dagtekening;
	snprintf(in.sender, sizeof(in.sender), "%s", m->header.ontvanger);
	snprintf(in.receiver, sizeof(in.receiver), "%s", m->header.afzender);
	snprintf(in.status, sizeof(in.status), "accepted");
	err = jr_store_ijw_message_known(s, "in", in.code, in.sender, in.identification, &known);
	if (!err && known) {
		snprintf(o->problem.rule, sizeof(o->problem.rule), "TR056");
		snprintf(o->problem.message, sizeof(o->problem.message),
			 "dit antwoord (deze IdentificatieRetour) is al eerder ontvangen");
	}
	if (!err && !known)
		err = jr_store_ijw_message_answered(s, a, ours, m->header.afzender,
						    m->header.identificatie, codes, &found);
	if (!err && !known && !found) {
		snprintf(o->problem.rule, sizeof(o->problem.rule), "ANTWOORD");
		snprintf(o->problem.path, sizeof(o->problem.path),
			 "/Bericht/Header/BerichtIdentificatie");
		snprintf(o->problem.message, sizeof(o->problem.message),
			 "er is geen %s met deze identificatie van deze gemeente verstuurd", ours);
	}
	if (!err && !known && found)
		err = jr_store_ijw_message_add(s, a, &in);
	o->accepted = !err && !o->problem.rule[0];
	o->valid = o->valid && !o->problem.rule[0];
	end = outer ? jr_store_part_end(s, o->accepted) : jr_store_bulk_end(s, o->accepted);
	if (!o->accepted && end == JR_ERR_REFUSED)
		end = JR_OK;
	return err ? err : end;
}

/* A message read and checked on its own: its tree and what was read of it. */
struct jr_ijw_incoming {
	xmlDoc *doc;
	struct jr_ijw_msg msg;
};

enum jr_err jr_app_ijw_read(struct jr_ijw_parser *p, const char *data, size_t len, jr_day today,
			    struct jr_ijw_incoming **out, struct jr_ijw_outcome *o)
{
	struct jr_ijw_incoming *in = jr_calloc(1, sizeof(*in));
	enum jr_err err;

	*out = NULL;
	if (!in)
		return JR_ERR_NOMEM;
	err = check_in_message(p, data, len, today, true, o, &in->doc, &in->msg);
	if (err) {
		jr_ijw_incoming_free(in);
		return err;
	}
	*out = in;
	return JR_OK;
}

void jr_ijw_incoming_free(struct jr_ijw_incoming *in)
{
	if (!in)
		return;
	jr_ijw_msg_release(&in->msg);
	xmlFreeDoc(in->doc);
	jr_free(in);
}

enum jr_err jr_app_ijw_import(struct jr_store *s, const struct jr_actor *a,
			      const struct jr_policy_set *set, struct jr_ijw_parser *p,
			      const char *data, size_t len, jr_day today, const char *only_sender,
			      struct jr_ijw_outcome *o)
{
	struct jr_ijw_incoming *in = NULL;
	enum jr_err err = jr_app_ijw_read(p, data, len, today, &in, o);

	if (!err)
		err = jr_app_ijw_take_in(s, a, set, in, today, only_sender, o);
	jr_ijw_incoming_free(in);
	return err;
}

enum jr_err jr_app_ijw_take_in(struct jr_store *s, const struct jr_actor *a,
			       const struct jr_policy_set *set, struct jr_ijw_incoming *incoming,
			       jr_day today, const char *only_sender, struct jr_ijw_outcome *o)
{
	struct jr_ijw_msg *msg = &incoming->msg;
	struct jr_ijw_message_rec in = {0};
	struct import im = {.s = s, .a = a, .set = set, .m = msg, .o = o, .today = today};
	char ident[13], object[48];
	bool known, bulk = false, outer = false;
	enum jr_err err = JR_OK;

	if (o->problem.rule[0])
		goto out;
	if (!takes_in(o->kind)) {
		err = JR_ERR_INPUT;
		goto out;
	}
	if (only_sender && strcmp(only_sender, is_answer_to_ours(o->kind) ? msg->header.ontvanger
									 : msg->header.afzender) != 0) {
		/* a provider sends its own messages only: nothing is read or answered */
		o->not_sender = true;
		snprintf(o->problem.rule, sizeof(o->problem.rule), "AFZENDER");
		snprintf(o->problem.path, sizeof(o->problem.path), "/Bericht/Header/Afzender");
		snprintf(o->problem.message, sizeof(o->problem.message),
			 "de afzender van het bericht is niet uw organisatie (AGB-code)");
		goto out;
	}
	if (is_answer_to_ours(o->kind)) {
		err = o->valid ? import_answer(s, a, msg, o) : JR_OK;
		goto out;
	}
	o->answer_kind = jr_ijw_retour_kind(o->kind);
	answer_id(ident);
	if (!o->valid)
		goto answer; /* level 2: the header with 0001, nothing else looked at */
	/* the sender must be a provider on record: the messages come from providers */
	if ((err = jr_store_provider_find_agb(s, msg->header.afzender, &im.provider))) {
		if (err == JR_ERR_NOT_FOUND) {
			snprintf(o->problem.rule, sizeof(o->problem.rule), "AFZENDER");
			snprintf(o->problem.path, sizeof(o->problem.path), "/Bericht/Header/Afzender");
			snprintf(o->problem.message, sizeof(o->problem.message),
				 "de afzender (AGB-code) is geen zorgaanbieder in de dossiers");
			o->answer_kind = JR_IJW_UNKNOWN;
			err = JR_OK;
		}
		goto out;
	}
	/* the message's own transaction, or its own part of the caller's (a batch of files) */
	outer = jr_store_in_bulk(s);
	if ((err = outer ? jr_store_part_begin(s) : jr_store_bulk_begin(s)))
		goto out;
	bulk = true;
	/* TR378: the receiving municipality is one of the region's */
	if (!jr_policy_set_find(set, msg->header.ontvanger))
		err = jr_ijw_finding_add(&o->findings, "TR378", "S300", JR_IJW_AT_HEADER, 0, 0,
					 "gemeente %s staat in geen beleidsbestand van de regio",
					 msg->header.ontvanger);
	/* TR056: an identification once per kind of message and sender */
	if (!err && !(err = jr_store_ijw_message_known(s, "in", jr_ijw_message_name(o->kind),
							 msg->header.afzender,
							 msg->header.identificatie, &known)) &&
	    known)
		err = jr_ijw_finding_add(&o->findings, "TR056", "9056", JR_IJW_AT_HEADER, 0, 0,
					 "dit bericht (deze identificatie) is al eerder ontvangen");
	if (err || o->findings.count)
		goto answer;
	snprintf(in.direction, sizeof(in.direction), "in");
	snprintf(in.code, sizeof(in.code), "%s", jr_ijw_message_name(o->kind));
	snprintf(in.identification, sizeof(in.identification), "%s", msg->header.identificatie);
	in.dagtekening = msg->header.dagtekening;
	snprintf(in.sender, sizeof(in.sender), "%s", msg->header.afzender);
	snprintf(in.receiver, sizeof(in.receiver), "%s", msg->header.ontvanger);
	snprintf(in.status, sizeof(in.status), "accepted");
	if ((err = jr_store_ijw_message_add(s, a, &in)))
		goto answer;
	im.message_id = in.id;
	switch (o->kind) {
	case JR_IJW_JW305:
	case JR_IJW_JW307: err = import_delivery(&im); break;
	case JR_IJW_JW315: err = import_request(&im); break;
	case JR_IJW_JW317: err = import_change(&im); break;
	default: err = import_claim(&im); break;
	}
answer:
	if (!err)
		err = jr_ijw_retour_write(msg, &o->findings, ident, today, &o->answer);
	o->accepted = !err && o->valid && !rejects_all(msg, &o->findings);
	if (bulk) {
		bool keep;
		enum jr_err end;
		if (o->accepted)
			err = log_exchange(&im, ident);
		keep = !err && o->accepted;
		end = outer ? jr_store_part_end(s, keep) : jr_store_bulk_end(s, keep);
		/* undone on purpose: a lookup that failed inside is no failure of the import */
		if (!keep && end == JR_ERR_REFUSED)
			end = JR_OK;
		err = err ? err : end;
		bulk = false;
	}
	if (!err && !o->accepted) {
		/* nothing of it is kept; the audit log still notes that it came */
		snprintf(object, sizeof(object), "ijw:%s:rejected", jr_ijw_message_name(o->kind));
		err = jr_store_audit_event(s, a, "ijw.message", 0, object);
	}
	if (!err && o->kind == JR_IJW_JW323)
		o->lines_rejected = o->accepted ? o->lines_rejected : o->lines;
out:
	if (bulk && outer)
		jr_store_part_end(s, false);
	else if (bulk)
		jr_store_bulk_end(s, false);
	return err;
}

/* ------------------------------------------------------------------------------------------
 * Export: JW301
 * ---------------------------------------------------------------------------------------- */

/* The allocations of an export, gathered: per (child, provider) one message. */
struct export {
	struct jr_store *s;
	const struct jr_actor *a;
	const struct jr_policy_set *set;
	jr_day today;
	const char *provider_agb; /* NULL: every provider */
	struct jr_ijw_allocation *list;
	size_t count, cap;
	enum jr_err err;
};

static enum jr_err gather(void *ctx, const struct jr_ijw_allocation *al)
{
	struct export *e = ctx;

	if (strcmp(al->regime, "generic") == 0)
		return JR_OK; /* taakgericht: no allocation message */
	if (e->provider_agb && strcmp(e->provider_agb, al->provider_agb) != 0)
		return JR_OK;
	if (e->count == e->cap) {
		size_t cap = e->cap ? 2 * e->cap : 64;
		struct jr_ijw_allocation *more = jr_realloc(e->list, cap * sizeof(*more));
		if (!more)
			return JR_ERR_NOMEM;
		e->list = more;
		e->cap = cap;
	}
	e->list[e->count++] = *al;
	return JR_OK;
}

/* One allocation as a ToegewezenProduct; false with *why when the standard cannot say it. */
static bool assigned_of(struct export *e, const struct jr_ijw_allocation *al,
			struct jr_ijw_assigned *t, const char **why)
{
	struct jr_ijw_request_rec req;

	memset(t, 0, sizeof(*t));
	t->toewijzing_nummer = al->id;
	product_of(al, &t->product);
	t->has_product = true;
	t->toewijzingsdatum = al->decided;
	snprintf(t->toewijzingstijd, sizeof(t->toewijzingstijd), "%s", al->decided_at);
	t->ingangsdatum = al->start;
	t->has_end = al->has_end;
	t->einddatum = al->end;
	snprintf(t->reden_wijziging, sizeof(t->reden_wijziging), "%s", al->change_reason);
	if (strcmp(al->regime, "product") == 0 && al->product_code[0]) {
		const char *u = unit_code(al->unit), *f = frequency_code(al->frequency);
		if (!u || !f) {
			*why = "de eenheid of frequentie heeft geen iJw-code (WJ756, WMO757)";
			return false;
		}
		t->has_omvang = true;
		t->omvang.volume = al->volume;
		snprintf(t->omvang.eenheid, sizeof(t->omvang.eenheid), "%s", u);
		snprintf(t->omvang.frequentie, sizeof(t->omvang.frequentie), "%s", f);
		if (strcmp(f, "2") == 0 && !al->has_end) { /* CD076 */
			*why = "een toewijzing per week vraagt een einddatum (CD076)";
			return false;
		}
	} else if (strcmp(al->regime, "result") == 0 && t->product.code[0]) {
		t->has_omvang = true; /* one result (traject) within the allocation's period */
		t->omvang.volume = 1;
		snprintf(t->omvang.eenheid, sizeof(t->omvang.eenheid), "82");
		snprintf(t->omvang.frequentie, sizeof(t->omvang.frequentie), "6");
	}
	/* IV097: the reference of the request this allocation honours; the request is answered.
	 * A changed allocation names the request for change (JW317) its change honoured. */
	if (al->change_reason[0] && !jr_store_ijw_request_of_change(e->s, al->id, &req) &&
	    req.reference[0]) {
		snprintf(t->referentie, sizeof(t->referentie), "%s", req.reference);
	} else if (al->referral_id &&
		   !jr_store_ijw_request_of_referral(e->s, al->referral_id, &req) &&
		   req.reference[0]) {
		snprintf(t->referentie, sizeof(t->referentie), "%s", req.reference);
		if (strcmp(req.status, "allocated") != 0 &&
		    jr_store_ijw_request_allocated(e->s, req.id, al->id))
			e->err = JR_ERR_STORE;
	}
	return true;
}

enum jr_err jr_app_ijw_export(struct jr_store *s, const struct jr_actor *a,
			      const struct jr_policy_set *set, jr_day since, jr_day today,
			      const char *provider_agb, jr_ijw_file_fn fn, void *ctx, size_t *written,
			      size_t *skipped, struct jr_buf *why)
{
	struct export e = {.s = s, .a = a, .set = set, .today = today,
			   .provider_agb = provider_agb};
	struct jr_ijw_assigned *products = NULL;
	struct jr_ijw_allocation *current = NULL;
	struct jr_buf xml;
	bool outer = jr_store_in_bulk(s);
	enum jr_err err;

	*written = *skipped = 0;
	jr_buf_init(&xml, 1 << 24);
	if ((err = jr_store_ijw_allocations_since(s, since, gather, &e)))
		goto out;
	if (e.count && (!(products = jr_calloc(e.count + CURRENT_MAX, sizeof(*products))) ||
			!(current = jr_calloc(CURRENT_MAX, sizeof(*current))))) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < e.count && !err; i++) {
		const struct jr_ijw_allocation *first = &e.list[i];
		struct jr_ijw_allocation_msg msg = {0};
		struct jr_ijw_message_rec rec = {0};
		struct jr_person child;
		const char *reason = NULL;
		size_t n = 0, nc = 0;
		char name[64];
		bool done = false;
		/* one message per child and provider: this one's allocations, once */
		for (size_t k = 0; k < i && !done; k++)
			done = e.list[k].child_id == first->child_id &&
			       e.list[k].provider_id == first->provider_id;
		if (done)
			continue;
		for (size_t k = i; k < e.count && !reason; k++)
			if (e.list[k].child_id == first->child_id &&
			    e.list[k].provider_id == first->provider_id &&
			    assigned_of(&e, &e.list[k], &products[n], &reason))
				n++;
		/* OP087: the message holds all the provider's allocations for this child that are
		 * current on its date, also those made before `since` */
		if (!reason && !(err = e.err))
			err = jr_store_ijw_allocations_current(s, first->provider_id, first->child_id,
							       today, current, CURRENT_MAX, &nc);
		if (!err && nc == CURRENT_MAX)
			reason = "meer actuele toewijzingen dan één bericht hier kan bevatten";
		for (size_t c = 0; !err && !reason && c < nc; c++) {
			bool listed = strcmp(current[c].regime, "generic") == 0;
			for (size_t k = i; k < e.count && !listed; k++)
				listed = e.list[k].id == current[c].id;
			if (!listed && assigned_of(&e, &current[c], &products[n], &reason))
				n++;
		}
		if (err || (err = e.err))
			break;
		if ((err = jr_store_person_get(s, a, first->child_id, &child)))
			break;
		msg.client = &child;
		snprintf(msg.gemeente, sizeof(msg.gemeente), "%.4s", first->municipality);
		snprintf(msg.aanbieder, sizeof(msg.aanbieder), "%s", first->provider_agb);
		msg.dagtekening = today;
		msg.products = products;
		msg.product_count = n;
		/* the identification comes from the log of messages sent (unique for the sender) */
		snprintf(rec.direction, sizeof(rec.direction), "out");
		snprintf(rec.code, sizeof(rec.code), "JW301");
		rec.dagtekening = today;
		snprintf(rec.sender, sizeof(rec.sender), "%s", msg.gemeente);
		snprintf(rec.receiver, sizeof(rec.receiver), "%s", msg.aanbieder);
		snprintf(rec.status, sizeof(rec.status), "sent");
		jr_buf_reset(&xml);
		if (!reason) {
			/* its own transaction, or its own part of the caller's (the server's) */
			if ((err = outer ? jr_store_part_begin(s) : jr_store_bulk_begin(s)))
				break;
			err = jr_store_ijw_message_add(s, a, &rec);
			if (!err) {
				snprintf(msg.identificatie, sizeof(msg.identificatie), "%s",
					 rec.identification);
				err = jr_ijw_allocation_write(&msg, &xml, &reason);
				if (err == JR_ERR_INPUT)
					err = JR_OK; /* reason says why: skipped below */
			}
			if (!err && !reason) {
				snprintf(name, sizeof(name), "JW301-%s.xml", rec.identification);
				err = fn(ctx, name, jr_buf_str(&xml), xml.len);
			}
			/* a message not written is not sent: its log entry goes too */
			if (outer)
				jr_store_part_end(s, !err && !reason);
			else
				jr_store_bulk_end(s, !err && !reason);
		}
		if (!err && reason) {
			(*skipped)++;
			err = jr_buf_printf(why, "toewijzing %lld: %s\n", (long long)first->id, reason);
		} else if (!err) {
			(*written)++;
		}
	}
out:
	jr_free(products);
	jr_free(current);
	jr_free(e.list);
	jr_buf_release(&xml);
	return err;
}

enum jr_err jr_app_ijw_answer(struct jr_store *s, const struct jr_actor *a, const char *agb,
			      const char *reference, bool investigating, const char *reason,
			      const char *residence, jr_day today, jr_ijw_file_fn fn, void *ctx,
			      const char **why)
{
	struct jr_ijw_answer ans = {0};
	struct jr_buf out;
	char name[64];
	struct jr_ijw_message_rec rec = {0};
	struct jr_provider provider;
	char status[14], municipality[5];
	int64_t child;
	bool found, outer = jr_store_in_bulk(s);
	enum jr_err err;

	*why = NULL;
	/* CD085, CD086: a refusal has a reason (WJ759), an investigation none; TR377, TR409: the
	 * municipality responsible with reason 8 (woonplaatsbeginsel), and only then */
	if (investigating ? reason[0] != '\0' : !jr_ijw_code_valid(JR_IJW_WJ759, reason, today))
		*why = investigating ? "een onderzoek heeft geen reden van afwijzing (CD086)"
				     : "geef een reden van afwijzing uit WJ759 (CD085)";
	else if ((strcmp(reason, "8") == 0) != (residence[0] != '\0'))
		*why = residence[0] ? "alleen bij reden 8 (woonplaatsbeginsel) een gemeente (TR409)"
				    : "bij reden 8 (woonplaatsbeginsel) de verantwoordelijke gemeente "
				      "(TR377)";
	if (*why)
		return JR_ERR_INPUT;
	if ((err = jr_store_provider_find_agb(s, agb, &provider))) {
		*why = "geen zorgaanbieder met deze AGB-code";
		return err;
	}
	if ((err = outer ? jr_store_part_begin(s) : jr_store_bulk_begin(s)))
		return err;
	err = jr_store_ijw_request_state(s, provider.id, reference, &found, status, municipality,
					 &child);
	if (!err && !found) {
		*why = "geen verzoek van deze aanbieder met deze referentie (TR355)";
		err = JR_ERR_NOT_FOUND;
	} else if (!err && strcmp(status, "allocated") == 0) {
		*why = "op dit verzoek is al een toewijzing gestuurd (TR359)";
		err = JR_ERR_CONFLICT;
	} else if (!err && strcmp(status, "refused") == 0) {
		*why = "dit verzoek is al afgewezen (TR365)";
		err = JR_ERR_CONFLICT;
	} else if (!err && investigating && strcmp(status, "investigating") == 0) {
		*why = "dit verzoek is al in onderzoek gemeld; dat kan één keer (TR360)";
		err = JR_ERR_CONFLICT;
	}
	if (!err)
		err = jr_store_ijw_request_set_status(s, a, provider.id, reference,
						      investigating ? "investigating" : "refused");
	if (!err) {
		snprintf(rec.direction, sizeof(rec.direction), "out");
		snprintf(rec.code, sizeof(rec.code), "JW319");
		rec.dagtekening = today;
		snprintf(rec.sender, sizeof(rec.sender), "%s", municipality);
		snprintf(rec.receiver, sizeof(rec.receiver), "%s", agb);
		snprintf(rec.status, sizeof(rec.status), "sent");
		err = jr_store_ijw_message_add(s, a, &rec);
	}
	if (!err) {
		snprintf(ans.gemeente, sizeof(ans.gemeente), "%s", municipality);
		snprintf(ans.aanbieder, sizeof(ans.aanbieder), "%s", agb);
		snprintf(ans.identificatie, sizeof(ans.identificatie), "%.12s", rec.identification);
		ans.dagtekening = today;
		snprintf(ans.referentie, sizeof(ans.referentie), "%s", reference);
		snprintf(ans.antwoord, sizeof(ans.antwoord), "%s", investigating ? "2" : "1");
		snprintf(ans.reden, sizeof(ans.reden), "%s", reason);
		snprintf(ans.woonplaats, sizeof(ans.woonplaats), "%s", residence);
		jr_buf_init(&out, 1 << 16);
		err = jr_ijw_answer_write(&ans, &out);
		snprintf(name, sizeof(name), "JW319-%.12s.xml", ans.identificatie);
		if (!err)
			err = fn(ctx, name, jr_buf_str(&out), out.len);
		jr_buf_release(&out);
	}
	if (outer) {
		enum jr_err end = jr_store_part_end(s, !err);
		return err ? err : end;
	}
	{
		/* undone on purpose after a refusal: its error is the one to tell */
		enum jr_err end = jr_store_bulk_end(s, !err);
		return err ? err : end;
	}
}
