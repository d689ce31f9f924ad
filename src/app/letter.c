/* letter: the decision letters of allocations (letter.h). */
#include "app/letter.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "core/alloc.h"
#include "core/person.h"
#include "ijw/ijw_codes.h"
#include "json/json_writer.h"

/* Formats into a field of the letter's facts; what does not fit is cut (the fields are sized
 * for what the records hold, a long address or result is the exception). */
__attribute__((format(printf, 3, 4))) static void put(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(dst, size, fmt, ap);
	va_end(ap);
}

#define COPY(dst, src) put((dst), sizeof(dst), "%s", (src))

static void full_name(char *out, size_t size, const char *given, const char *family)
{
	put(out, size, "%s%s%s", given, given[0] ? " " : "", family);
}

static void day_text(jr_day d, char out[24])
{
	jr_letter_date(d, out);
}

/* What the decision rests on, in words: the referral, or the municipality's own inquiry. */
static void reasons(const struct jr_policy *p, const struct jr_letter_source *src,
                    struct jr_letter_facts *f)
{
	char a[24], b[24], c[24];
	const char *who = NULL;

	if (src->referrer_type > 0 && src->referrer_type < JR_REFERRER_CODES &&
	    p->referrers[src->referrer_type].defined)
		who = p->referrers[src->referrer_type].name;
	if (src->al.referral_id && src->referred_on) {
		day_text(src->referred_on, a);
		put(f->reasons, sizeof(f->reasons),
		    "U hebt een verwijzing voor deze jeugdhulp (verwijzer: %s%s%s), gedateerd "
		    "%s. De verwijzing is een verwijzing naar %s. Wij hebben nagegaan dat de "
		    "jeugdhulpaanbieder voor deze hulp een contract met de gemeente heeft. "
		    "Daarom wijzen wij de hulp toe.",
		    src->referrer_name[0] ? src->referrer_name : "",
		    who && src->referrer_name[0] ? ", " : "", who ? who : "", a, f->form_name);
		return;
	}
	day_text(src->raised_on, a);
	if (src->analysis_on && src->advice_on) {
		day_text(src->analysis_on, b);
		day_text(src->advice_on, c);
		put(f->reasons, sizeof(f->reasons),
		    "U hebt op %s om hulp gevraagd. Samen met u hebben wij op %s de situatie "
		    "breed onderzocht: wat gaat goed, wat is nodig, bij het kind, de ouders, het "
		    "gezin en de omgeving. Op %s hebben wij op grond daarvan bekeken welke hulp "
		    "past, van licht naar zwaar. Wij vinden dat deze hulp nodig is en dat lichtere "
		    "hulp of hulp zonder verwijzing niet genoeg is. Daarom wijzen wij deze hulp "
		    "toe.",
		    a, b, c);
	} else if (src->analysis_on || src->advice_on) {
		day_text(src->analysis_on ? src->analysis_on : src->advice_on, b);
		put(f->reasons, sizeof(f->reasons),
		    "U hebt op %s om hulp gevraagd. Op %s hebben wij met u bekeken welke hulp "
		    "past, van licht naar zwaar. Wij vinden dat deze hulp nodig is en dat lichtere "
		    "hulp niet genoeg is. Daarom wijzen wij deze hulp toe.",
		    a, b);
	} else {
		put(f->reasons, sizeof(f->reasons),
		    "U hebt op %s om hulp gevraagd. In gesprek met u hebben wij bekeken welke "
		    "hulp past. Wij vinden dat deze hulp nodig is. Daarom wijzen wij deze hulp "
		    "toe.",
		    a);
	}
}

/* The legal basis: the college's duty and decision (Jeugdwet art. 2.3), and a medical referral
 * (art. 2.6 lid 1 onder g) when the allocation rests on one. */
static void legal_basis(const struct jr_letter_source *src, struct jr_letter_facts *f)
{
	bool medical = src->al.referral_id && (src->referrer_type == 2 || src->referrer_type == 3 ||
	                                       src->referrer_type == 5);

	put(f->legal_basis, sizeof(f->legal_basis),
	    "Dit besluit is genomen op grond van artikel 2.3, eerste lid, van de Jeugdwet: de "
	    "gemeente zorgt voor passende jeugdhulp als de jeugdige en de ouders die nodig "
	    "hebben en er zelf of met hun netwerk niet uit komen.%s Het is een besluit in de "
	    "zin van artikel 1:3 van de Algemene wet bestuursrecht.",
	    medical ? " De hulp volgt op een verwijzing door een huisarts, jeugdarts of "
	              "medisch specialist (artikel 2.6, eerste lid, onder g, van de Jeugdwet)."
	            : "");
}

static enum jr_err facts_from(struct jr_app *app, const struct jr_letter_source *src, int sequence,
                              struct jr_letter_facts *f)
{
	const struct jr_municipality *m;
	const struct jr_policy *p;
	const char *code = src->al.responsible[0] ? src->al.responsible : src->municipality;
	const struct jr_address *ad = &src->address;
	enum jr_err err;

	memset(f, 0, sizeof(*f));
	if ((err = jr_app_region(app, JR_ERR_INPUT, code, src->al.start, &p)))
		return err;
	if (!p || !(m = jr_policy_municipality(p, code)))
		return jr_app_fail(
		    app, JR_ERR_INPUT, NULL,
		    "de gemeente van de toewijzing (%s) staat in geen beleidsbestand", code);
	put(f->number, sizeof(f->number), "%s/%d", src->al.number, sequence);
	f->sequence = sequence;
	f->change = src->changed;
	f->issued_on = app->today;
	COPY(f->municipality, m->name);
	/* a placeholder address (no Dutch postcode starts with 0) is shown as one */
	put(f->postal_address, sizeof(f->postal_address), "%s%s", m->postal_address,
	    m->postcode[0] == '0' ? " (plaatshouder: het beleid noemt het postadres nog niet)"
	                          : "");
	if (!m->postal_address[0])
		f->postal_address[0] = '\0';
	COPY(f->postcode, m->postcode);
	COPY(f->place, m->place);
	full_name(f->child_name, sizeof(f->child_name), src->child_given, src->child_family);
	f->child_birth = src->child_birth;
	if (ad->house_number > 0) {
		put(f->address_line, sizeof(f->address_line), "%s %d%s%s%s", ad->street,
		    ad->house_number, ad->house_letter, ad->house_addition[0] ? "-" : "",
		    ad->house_addition);
		if (strlen(ad->postcode) == 6)
			put(f->address_place, sizeof(f->address_place), "%.4s %.2s  %s",
			    ad->postcode, ad->postcode + 4, ad->place);
		else
			COPY(f->address_place, ad->place);
	}
	for (size_t i = 0; i < src->parent_count && i < JR_LETTER_PARENTS_MAX; i++) {
		const char *label = jr_household_role_label(src->parents[i].role);
		full_name(f->parents[i].name, sizeof(f->parents[i].name), src->parents[i].given,
		          src->parents[i].family);
		COPY(f->parents[i].role, label ? label : src->parents[i].role);
		f->parent_count++;
	}
	COPY(f->allocation_number, src->al.number);
	f->form = src->al.form;
	if (src->al.form >= 1 && src->al.form <= JR_FORM_COUNT)
		COPY(f->form_name, p->forms[src->al.form].name);
	COPY(f->provider, src->provider);
	COPY(f->regime, jr_regime_label(src->al.regime));
	COPY(f->result, src->al.result_description);
	if (src->al.intensity >= 1 && src->al.intensity <= 4)
		put(f->intensity, sizeof(f->intensity), "OB%d", src->al.intensity);
	COPY(f->product_code, src->al.product_code);
	f->volume = src->al.volume;
	COPY(f->unit, src->al.unit);
	COPY(f->frequency, src->al.frequency);
	f->start = src->al.start;
	f->has_end = src->al.has_end;
	f->end = src->al.end;
	reasons(p, src, f);
	if (src->changed && src->change_reason[0]) {
		const char *t = jr_ijw_code_text(JR_IJW_JZ002, src->change_reason);
		put(f->change_reason, sizeof(f->change_reason), "%s (code %s)", t ? t : "wijziging",
		    src->change_reason);
	}
	legal_basis(src, f);
	return JR_OK;
}

enum jr_err jr_app_letter_facts(struct jr_app *app, int64_t id, int sequence,
                                struct jr_letter_facts *f, int64_t *child_id)
{
	struct jr_letter_source src;
	enum jr_err err = jr_store_letter_source(app->store, id, &src);

	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
		                   "toewijzing niet gevonden: geen toewijzing met dit nummer");
	if (err || (err = facts_from(app, &src, sequence, f)))
		return err;
	if (child_id)
		*child_id = src.child_id;
	return JR_OK;
}

/* The facts as JSON, kept beside the document: what it said, in fields. */
static enum jr_err facts_json(const struct jr_letter_facts *f, struct jr_buf *out)
{
	struct jr_json_writer w;

	jr_jw_init(&w, out);
	jr_jw_object(&w);
	jr_jw_key(&w, "number"), jr_jw_string(&w, f->number);
	jr_jw_key(&w, "sequence"), jr_jw_int(&w, f->sequence);
	jr_jw_key(&w, "change"), jr_jw_bool(&w, f->change);
	jr_jw_key(&w, "issued_on"), jr_jw_date(&w, f->issued_on, true);
	jr_jw_key(&w, "municipality"), jr_jw_string(&w, f->municipality);
	jr_jw_key(&w, "postal_address"), jr_jw_string(&w, f->postal_address);
	jr_jw_key(&w, "postcode"), jr_jw_string(&w, f->postcode);
	jr_jw_key(&w, "place"), jr_jw_string(&w, f->place);
	jr_jw_key(&w, "child_name"), jr_jw_string(&w, f->child_name);
	jr_jw_key(&w, "child_birth"), jr_jw_date(&w, f->child_birth, true);
	jr_jw_key(&w, "address_line"), jr_jw_string(&w, f->address_line);
	jr_jw_key(&w, "address_place"), jr_jw_string(&w, f->address_place);
	jr_jw_key(&w, "parents");
	jr_jw_array(&w);
	for (size_t i = 0; i < f->parent_count; i++) {
		jr_jw_object(&w);
		jr_jw_key(&w, "name"), jr_jw_string(&w, f->parents[i].name);
		jr_jw_key(&w, "role"), jr_jw_string(&w, f->parents[i].role);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	jr_jw_key(&w, "allocation_number"), jr_jw_string(&w, f->allocation_number);
	jr_jw_key(&w, "form"), jr_jw_int(&w, f->form);
	jr_jw_key(&w, "form_name"), jr_jw_string(&w, f->form_name);
	jr_jw_key(&w, "provider"), jr_jw_string(&w, f->provider);
	jr_jw_key(&w, "regime"), jr_jw_string(&w, f->regime);
	jr_jw_key(&w, "result"), jr_jw_string(&w, f->result);
	jr_jw_key(&w, "intensity"), jr_jw_string(&w, f->intensity);
	jr_jw_key(&w, "product_code"), jr_jw_string(&w, f->product_code);
	jr_jw_key(&w, "volume"), jr_jw_int(&w, f->volume);
	jr_jw_key(&w, "unit"), jr_jw_string(&w, f->unit);
	jr_jw_key(&w, "frequency"), jr_jw_string(&w, f->frequency);
	jr_jw_key(&w, "start"), jr_jw_date(&w, f->start, true);
	jr_jw_key(&w, "end"), jr_jw_date(&w, f->end, f->has_end);
	jr_jw_key(&w, "reasons"), jr_jw_string(&w, f->reasons);
	jr_jw_key(&w, "change_reason"), jr_jw_string(&w, f->change_reason);
	jr_jw_key(&w, "legal_basis"), jr_jw_string(&w, f->legal_basis);
	jr_jw_end(&w);
	return jr_jw_finish(&w);
}

enum jr_err jr_app_letter_issue(struct jr_app *app, int64_t id, struct jr_letter_row *out)
{
	struct jr_letter_source src;
	struct jr_letter_facts *f = NULL;
	struct jr_letter_row row, last = {0};
	struct jr_buf html, facts;
	enum jr_err err;

	jr_buf_init(&html, JR_LETTER_HTML_MAX);
	jr_buf_init(&facts, JR_LETTER_HTML_MAX);
	memset(&row, 0, sizeof(row));
	TRY(jr_store_letter_source(app->store, id, &src));
	if (src.al.gi_organisation_id) /* the GI's decision, not the college's: no letter */
		goto out;
	if (!(f = jr_malloc(sizeof(*f)))) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	/* the number is known once the store has counted: render with the next sequence */
	TRY(jr_store_letter_next(app->store, id, &last.sequence));
	TRY(facts_from(app, &src, last.sequence, f));
	TRY(jr_letter_html(f, &html));
	TRY(facts_json(f, &facts));
	TRY(jr_store_letter_add(app->store, app->actor, id, src.child_id, f->issued_on, f->change,
	                        jr_buf_str(&facts), jr_buf_str(&html), &row));
	if (row.sequence != last.sequence)
		err =
		    JR_ERR_CONFLICT; /* another letter came in between: undo, never mis-numbered */
out:
	if (out)
		*out = row;
	jr_free(f);
	jr_buf_release(&html);
	jr_buf_release(&facts);
	return err;
}

enum jr_err jr_app_letter_reach(struct jr_app *app, int64_t id)
{
	const struct jr_principal *p = app->principal;
	struct jr_allocation_owner owner;
	enum jr_access_verdict v = JR_ACCESS_UNSEEN;
	const char *why = NULL;
	char object[48];
	enum jr_err err;

	if (!p)
		return JR_OK;
	if (strcmp(p->role, "consulent") == 0) {
		/* the consulents of the municipality that decided (app/access.c: who changes it) */
		if ((err = jr_app_access_allocation(app->store, app->actor, p, app->policies, id,
		                                    app->today, JR_ALLOCATION_CHANGE, &owner, &v,
		                                    &why)))
			return err;
	} else {
		snprintf(object, sizeof(object), "letter:%lld", (long long)id);
		if ((err =
		         jr_store_audit_event(app->store, app->actor, "access.denied", 0, object)))
			return err;
	}
	if (v != JR_ACCESS_ALLOWED)
		return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
		                   "geen toewijzing met dit nummer binnen uw bereik");
	return JR_OK;
}

enum jr_err jr_app_letter_help_request(struct jr_app *app, int64_t id, int64_t *help_request_id)
{
	struct jr_allocation_owner owner;
	bool found = false;
	enum jr_err err;

	*help_request_id = 0;
	if ((err = jr_app_letter_reach(app, id)) ||
	    (err = jr_store_allocation_owner(app->store, id, &owner, &found)))
		return err;
	if (!found)
		return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
		                   "toewijzing niet gevonden: geen toewijzing met dit nummer");
	*help_request_id = owner.help_request_id;
	return JR_OK;
}

enum jr_err jr_app_letters_list(struct jr_app *app, int64_t id, jr_letter_fn fn, void *ctx)
{
	struct jr_allocation_state st;
	enum jr_err err;

	if ((err = jr_app_letter_reach(app, id)))
		return err;
	if ((err = jr_store_allocation_state(app->store, id, &st)) == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
		                   "toewijzing niet gevonden: geen toewijzing met dit nummer");
	return err ? err : jr_store_letters_list(app->store, app->actor, id, fn, ctx);
}

enum jr_err jr_app_letter_get(struct jr_app *app, int64_t id, int sequence,
                              struct jr_letter_row *out, struct jr_buf *html)
{
	bool intact = false;
	enum jr_err err;

	if ((err = jr_app_letter_reach(app, id)))
		return err;
	if (sequence < 0)
		return jr_app_fail(app, JR_ERR_INPUT, "n",
		                   "verwacht het volgnummer van de brief: "
		                   "1 of hoger");
	err = jr_store_letter_get(app->store, app->actor, id, sequence, out, html, &intact);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, err, NULL,
		                   sequence
		                       ? "geen beschikking met dit volgnummer bij deze toewijzing"
		                       : "er is nog geen beschikking bij deze toewijzing");
	if (!err && !intact) {
		jr_buf_reset(html);
		return jr_app_fail(app, JR_ERR_STORE, NULL,
		                   "de bewaarde beschikking klopt niet meer met haar vingerafdruk "
		                   "(SHA-256): zij wordt niet getoond; meld dit aan de beheerder");
	}
	return err;
}
