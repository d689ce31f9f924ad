/* ijw/export (app): the allocation messages (JW301) of the allocations made since a day, and
 * the mappings between the records and the standard's codes they (and the claims) need. */
#include <stdio.h>
#include <string.h>

#include "app/ijw/internal.h"
#include "core/alloc.h"
#include "json/policy_set.h"

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

const char *jr_app_ijw_unit_code(const char *unit)
{
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(units[i].unit, unit) == 0)
			return units[i].code;
	return NULL;
}

const char *jr_app_ijw_frequency_code(const char *frequency)
{
	for (size_t i = 0; i < sizeof(frequencies) / sizeof(frequencies[0]); i++)
		if (strcmp(frequencies[i].frequency, frequency) == 0)
			return frequencies[i].code;
	return NULL;
}

/* The product of an allocation as the standard has it (docs/ijw.md): the product regime's
 * own code; for the result regime the code names the intensity: category and "OB" and the level
 * ("45OB2"); otherwise the category only. */
void jr_app_ijw_product_of(const struct jr_ijw_allocation *al, struct jr_ijw_product *p)
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
int jr_app_ijw_form_of_category(const struct jr_policy *pol, const char *jz020)
{
	for (int f = 2; f <= JR_FORM_COUNT; f++)
		if (strcmp(pol->forms[f].jz020, jz020) == 0)
			return f;
	return strcmp(pol->forms[1].jz020, jz020) == 0 ? 1 : 0;
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
	jr_app_ijw_product_of(al, &t->product);
	t->has_product = true;
	t->toewijzingsdatum = al->decided;
	snprintf(t->toewijzingstijd, sizeof(t->toewijzingstijd), "%s", al->decided_at);
	t->ingangsdatum = al->start;
	t->has_end = al->has_end;
	t->einddatum = al->end;
	snprintf(t->reden_wijziging, sizeof(t->reden_wijziging), "%s", al->change_reason);
	if (strcmp(al->regime, "product") == 0 && al->product_code[0]) {
		const char *u = jr_app_ijw_unit_code(al->unit), *f = jr_app_ijw_frequency_code(al->frequency);
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

/* The initials of a child for a file name: the first letter of each given name and of the
 * last word of the family name ("Anna Maria van der Berg": "AMB"), ASCII letters only (a name
 * that starts otherwise gives none); at most cap - 1 of them. */
static void initials_of(const struct jr_person *p, char *out, size_t cap)
{
	size_t n = 0;
	const char *last = p->family_name;

	for (const char *c = p->given_names; *c && n + 1 < cap; c++)
		if ((c == p->given_names || c[-1] == ' ' || c[-1] == '-') &&
		    ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z')))
			out[n++] = (char)(*c >= 'a' ? *c - 'a' + 'A' : *c);
	for (const char *c = p->family_name; *c; c++)
		if (c[0] == ' ' && c[1])
			last = c + 1;
	if (n + 1 < cap && ((*last >= 'A' && *last <= 'Z') || (*last >= 'a' && *last <= 'z')))
		out[n++] = (char)(*last >= 'a' ? *last - 'a' + 'A' : *last);
	out[n] = '\0';
}

static enum jr_err export_messages(struct jr_app *app, jr_day since, const char *provider_agb,
				   bool by_child, jr_ijw_file_fn fn, void *ctx, size_t *written,
				   size_t *skipped, struct jr_buf *why)
{
	struct jr_store *s = app->store;
	const struct jr_actor *a = app->actor;
	jr_day today = app->today;
	struct export e = {.s = s, .a = a, .set = app->policies, .today = today,
			   .provider_agb = provider_agb};
	struct jr_ijw_assigned *products = NULL;
	struct jr_ijw_allocation *current = NULL;
	struct jr_buf xml;
	enum jr_app_tx tx;
	enum jr_err err;

	*written = *skipped = 0;
	jr_buf_init(&xml, 1 << 24);
	if ((err = jr_store_ijw_allocations_since(s, since, gather, &e)))
		goto out;
	if (e.count && (!(products = jr_calloc(e.count + JR_APP_IJW_CURRENT_MAX, sizeof(*products))) ||
			!(current = jr_calloc(JR_APP_IJW_CURRENT_MAX, sizeof(*current))))) {
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
		char name[64] = "", download[64] = "";
		bool done = false, fn_failed = false;
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
							       today, current, JR_APP_IJW_CURRENT_MAX, &nc);
		if (!err && nc == JR_APP_IJW_CURRENT_MAX)
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
			if ((err = jr_app_tx_begin(app, &tx)))
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
				if (by_child) {
					/* issue 15 point 2: the download named by allocation and
					 * child; the name only goes to fn, never to a message or log */
					char initials[16];
					initials_of(&child, initials, sizeof(initials));
					snprintf(download, sizeof(download), "JW301-%lld%s%s.xml",
						 (long long)first->id, initials[0] ? "-" : "",
						 initials);
				}
				err = fn(ctx, by_child ? download : name, jr_buf_str(&xml), xml.len);
				fn_failed = err != JR_OK;
				if (fn_failed)
					jr_app_fail(app, err, NULL, "het bericht %s kan niet geschreven "
								    "worden",
						    name);
			}
			/* a message not written is not sent: its log entry goes too */
			err = jr_app_ijw_tx_end(app, tx, !reason, err);
			if (err && !fn_failed)
				jr_app_fail(app, err, NULL,
					    "het bericht %s kon niet als verstuurd worden vastgelegd",
					    name);
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

enum jr_err jr_app_ijw_export(struct jr_app *app, jr_day since, const char *provider_agb,
			      jr_ijw_file_fn fn, void *ctx, size_t *written, size_t *skipped,
			      struct jr_buf *why)
{
	return export_messages(app, since, provider_agb, false, fn, ctx, written, skipped, why);
}

enum jr_err jr_app_ijw_export_download(struct jr_app *app, jr_day since, const char *provider_agb,
				       jr_ijw_file_fn fn, void *ctx, size_t *written,
				       size_t *skipped, struct jr_buf *why)
{
	return export_messages(app, since, provider_agb, true, fn, ctx, written, skipped, why);
}
