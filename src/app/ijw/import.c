/* ijw/import (app): a message read, checked and taken in (app/ijw.h) — the outcome (rendered by
 * view/view_ijw.c), validation without the records, JW305 and JW307 (deliveries), JW315 and
 * JW317 (requests), the providers' answers JW302 and JW320, and the frame every message goes
 * through (its transaction, TR378, TR056, the return message). A claim (JW323) is claim.c's.
 * The cross-message rules are checked here, each named by its code where it is checked. */
#include <libxml/tree.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/course.h"
#include "app/ijw/internal.h"
#include "app/refer.h"
#include "core/alloc.h"
#include "core/identity.h"
#include "ijw/ijw_schema.h"
#include "ijw/ijw_xml.h"
#include "json/policy_set.h"

void jr_app_ijw_outcome_init(struct jr_ijw_outcome *o)
{
	memset(o, 0, sizeof(*o));
	jr_buf_init(&o->answer, 1 << 26);
	jr_buf_init(&o->refusals, 1 << 26);
}

void jr_app_ijw_outcome_release(struct jr_ijw_outcome *o)
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

enum jr_err jr_app_ijw_parser_new(struct jr_ijw_parser **out)
{
	return jr_ijw_parser_new(out);
}

void jr_app_ijw_parser_free(struct jr_ijw_parser *p)
{
	jr_ijw_parser_free(p);
}

const char *jr_app_ijw_kind_name(enum jr_ijw_message kind)
{
	return jr_ijw_message_name(kind);
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
enum jr_err jr_app_ijw_person_of(struct import *im, size_t client, struct jr_person *p,
				 bool *found)
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

	if ((err = jr_app_ijw_person_of(im, 0, &child, &found)))
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
			else if (!(err = jr_store_delivery_start(im->s, im->a, al.id, l->begin,
								  &id)))
				err = jr_app_help_request_care_started(im->app, al.id);
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

/* A JW315 about a child the records know by its BSN: the birth date, the family name (with its
 * prefix) and, when the message gives them, the given names must fit that child, as a GP's must
 * (core/identity.h). A BSN alone proves nothing; a mistyped one must not open a help request for
 * another child. There is no iJw return code for it (WJ001, WJ759), so the message is refused as
 * a whole, like one from an unknown sender: nothing is kept, and the provider is told in Dutch
 * which parts do not fit. False when they fit. */
static bool identity_refused(struct import *im, const struct jr_person *child)
{
	const struct jr_ijw_client *c = &im->m->clients[0];
	struct jr_ijw_outcome *o = im->o;
	char family[sizeof(c->prefix) + sizeof(c->family_name)], what[64];
	unsigned mismatch;
	bool plural;

	snprintf(family, sizeof(family), "%s%s%s", c->prefix, c->prefix[0] ? " " : "",
		 c->family_name);
	mismatch = jr_identity_mismatch(child, c->birth_date, family,
					c->given_names[0] ? c->given_names : child->given_names);
	/* a birth date only partly known (DatumGebruik) is not compared */
	if (c->date_usage[0])
		mismatch &= ~JR_IDENTITY_BIRTH_DATE;
	if (!mismatch)
		return false;
	snprintf(o->problem.rule, sizeof(o->problem.rule), "CLIENT");
	snprintf(o->problem.path, sizeof(o->problem.path), "/Bericht/Client/Bsn");
	jr_identity_mismatch_words(mismatch, what, sizeof(what), &plural);
	snprintf(o->problem.message, sizeof(o->problem.message),
		 "%s %s niet bij het kind met dit BSN; controleer het BSN en de cliëntgegevens "
		 "en stuur het verzoek opnieuw (er is niets vastgelegd)",
		 what, plural ? "passen" : "past");
	return true;
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
	/* the version in force on the message's date (principle 11) */
	const struct jr_policy *pol =
		jr_policy_set_find(im->set, m->header.ontvanger, m->header.dagtekening);
	struct jr_person child;
	struct jr_help_request h = {0};
	struct jr_buf why;
	enum jr_err err;
	bool found, used, open;
	size_t findings = im->o->findings.count;

	jr_buf_init(&why, 4096);
	if ((err = jr_app_ijw_person_of(im, 0, &child, &found)))
		goto out;
	if (found && identity_refused(im, &child))
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
	snprintf(h.question, sizeof(h.question),
		 "Verzoek om toewijzing van %.100s (iJw JW315, bericht %.12s)", im->provider.name,
		 m->header.identificatie);
	if ((err = jr_app_help_request_open(im->app, &h, &child)))
		goto out;
	for (size_t i = 0; i < m->line_count && !err; i++) {
		const struct jr_ijw_line *l = &m->lines[i];
		struct jr_referral ref = {0};
		struct jr_ijw_request_rec r = {0};
		int form = pol && l->has_product ? jr_app_ijw_form_of_category(pol, l->product.categorie) : 0;
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
static enum jr_err import_change(struct import *im)
{
	const struct jr_ijw_msg *m = im->m;
	struct jr_ijw_findings *f = &im->o->findings;
	struct jr_ijw_allocation current[JR_APP_IJW_CURRENT_MAX];
	struct jr_person child;
	size_t n = 0, findings = f->count;
	int64_t help_request = 0;
	bool found, used, open;
	enum jr_err err;

	if ((err = jr_app_ijw_person_of(im, 0, &child, &found)))
		return err;
	if (!found) /* TR304: a change is asked for a client of the records */
		return jr_ijw_finding_add(f, "TR304", "8187", CLIENT_AT(im, 0),
					  "deze cliënt is hier niet bekend");
	if ((err = jr_store_ijw_request_seen(im->s, im->provider.id, m->change.referentie, child.id,
					     &used, &open)) ||
	    (err = jr_store_ijw_allocations_current(im->s, im->provider.id, child.id,
						    m->header.dagtekening, current, JR_APP_IJW_CURRENT_MAX,
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
static enum jr_err import_answer(struct jr_app *app, const struct jr_ijw_msg *m,
				 struct jr_ijw_outcome *o)
{
	struct jr_store *s = app->store;
	const char *ours = o->kind == JR_IJW_JW302 ? "JW301" : "JW319";
	struct jr_ijw_message_rec in = {0};
	char codes[JR_IJW_RETOUR_CODES * 5 + 1] = "";
	enum jr_app_tx tx;
	bool found, known;
	enum jr_err err;

	for (size_t i = 0, len = 0; i < m->retour.code_count; i++) {
		len += (size_t)snprintf(codes + len, sizeof(codes) - len, "%s%s", i ? "," : "",
					m->retour.codes[i]);
		if ((err = jr_ijw_finding_add(&o->findings, "RETOUR", m->retour.codes[i],
					      JR_IJW_AT_HEADER, 0, 0,
					      "de aanbieder keurt het bericht af met deze code")))
			return err;
	}
	if ((err = jr_app_tx_begin(app, &tx)))
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
		err = jr_store_ijw_message_answered(s, app->actor, ours, m->header.afzender,
						    m->header.identificatie, codes, &found);
	if (!err && !known && !found) {
		snprintf(o->problem.rule, sizeof(o->problem.rule), "ANTWOORD");
		snprintf(o->problem.path, sizeof(o->problem.path),
			 "/Bericht/Header/BerichtIdentificatie");
		snprintf(o->problem.message, sizeof(o->problem.message),
			 "er is geen %s met deze identificatie van deze gemeente verstuurd", ours);
	}
	if (!err && !known && found)
		err = jr_store_ijw_message_add(s, app->actor, &in);
	o->accepted = !err && !o->problem.rule[0];
	o->valid = o->valid && !o->problem.rule[0];
	return jr_app_ijw_tx_end(app, tx, o->accepted, err);
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
		jr_app_ijw_incoming_free(in);
		return err;
	}
	*out = in;
	return JR_OK;
}

void jr_app_ijw_incoming_free(struct jr_ijw_incoming *in)
{
	if (!in)
		return;
	jr_ijw_msg_release(&in->msg);
	xmlFreeDoc(in->doc);
	jr_free(in);
}

enum jr_err jr_app_ijw_import(struct jr_app *app, struct jr_ijw_parser *p, const char *data,
			      size_t len, const char *only_sender, struct jr_ijw_outcome *o)
{
	struct jr_ijw_incoming *in = NULL;
	enum jr_err err = jr_app_ijw_read(p, data, len, app->today, &in, o);

	if (!err)
		err = jr_app_ijw_take_in(app, in, only_sender, o);
	jr_app_ijw_incoming_free(in);
	return err;
}

enum jr_err jr_app_ijw_take_in(struct jr_app *app, struct jr_ijw_incoming *incoming,
			       const char *only_sender, struct jr_ijw_outcome *o)
{
	struct jr_store *s = app->store;
	const struct jr_actor *a = app->actor;
	struct jr_ijw_msg *msg = &incoming->msg;
	struct jr_ijw_message_rec in = {0};
	struct import im = {.app = app, .s = s, .a = a, .set = app->policies, .m = msg, .o = o,
			    .today = app->today};
	char ident[13], object[48];
	enum jr_app_tx tx;
	bool known, open = false;
	enum jr_err err = JR_OK;

	if (o->problem.rule[0])
		return JR_OK;
	if (!takes_in(o->kind))
		return jr_app_fail(app, JR_ERR_INPUT, NULL,
				   "jeugdroute neemt %s niet in; wel JW302, JW305, JW307, JW315, "
				   "JW317, JW320 en JW323",
				   o->kind ? jr_ijw_message_name(o->kind) : "dit bericht");
	if (only_sender && strcmp(only_sender, is_answer_to_ours(o->kind) ? msg->header.ontvanger
									 : msg->header.afzender) != 0) {
		/* a provider sends its own messages only: nothing is read or answered */
		o->not_sender = true;
		snprintf(o->problem.rule, sizeof(o->problem.rule), "AFZENDER");
		snprintf(o->problem.path, sizeof(o->problem.path), "/Bericht/Header/Afzender");
		snprintf(o->problem.message, sizeof(o->problem.message),
			 "de afzender van het bericht is niet uw organisatie (AGB-code)");
		return JR_OK;
	}
	if (is_answer_to_ours(o->kind))
		return o->valid ? import_answer(app, msg, o) : JR_OK;
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
		return err;
	}
	/* the message's own transaction, or its own part of the caller's (a batch of files, the
	 * server's request) */
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	open = true;
	/* TR378: the receiving municipality is one of the region's */
	if (!jr_region_knows(app->policies, msg->header.ontvanger))
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
	default: err = jr_app_ijw_import_claim(&im); break;
	}
answer:
	if (o->problem.rule[0]) /* refused as a whole (identity_refused): no return message */
		o->answer_kind = JR_IJW_UNKNOWN;
	else if (!err)
		err = jr_ijw_retour_write(msg, &o->findings, ident, app->today, &o->answer);
	o->accepted = !err && o->valid && !o->problem.rule[0] && !rejects_all(msg, &o->findings);
	if (open) {
		if (o->accepted)
			err = log_exchange(&im, ident);
		err = jr_app_ijw_tx_end(app, tx, o->accepted, err);
	}
	if (!err && !o->accepted) {
		/* nothing of it is kept; the audit log still notes that it came */
		snprintf(object, sizeof(object), "ijw:%s:rejected", jr_ijw_message_name(o->kind));
		err = jr_store_audit_event(s, a, "ijw.message", 0, object);
	}
	if (!err && o->kind == JR_IJW_JW323)
		o->lines_rejected = o->accepted ? o->lines_rejected : o->lines;
	return err;
}

enum jr_err jr_app_ijw_batch_begin(struct jr_app *app)
{
	return jr_store_bulk_begin(app->store);
}

enum jr_err jr_app_ijw_batch_end(struct jr_app *app, bool keep)
{
	enum jr_err err = jr_store_bulk_end(app->store, keep);

	if (!keep)
		return JR_OK;
	return err == JR_ERR_REFUSED ? JR_ERR_STORE : err;
}

enum jr_err jr_app_ijw_tx_end(struct jr_app *app, enum jr_app_tx tx, bool keep, enum jr_err err)
{
	if (err || keep)
		return jr_app_tx_end(app, tx, err);
	/* undone on purpose: no failure of the use case */
	jr_app_tx_end(app, tx, JR_ERR_REFUSED);
	return JR_OK;
}
