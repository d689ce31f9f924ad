/* view_care: referrals, allocations, care and measures as JSON (view_care.h). */
#include "view/view_care.h"

#include <stdio.h>
#include <string.h>

#include "core/referral_letter.h"
#include "view/view_record.h"

void jr_view_referral(struct jr_json_writer *w, const struct jr_referral *r, const char *why)
{
	char type[4];

	snprintf(type, sizeof(type), "%02d", r->referrer_type % 100);
	jr_jw_object(w);
	jr_jw_kint(w, "id", r->id);
	jr_jw_kint(w, "help_request_id", r->help_request_id);
	jr_jw_kstring(w, "type", type);
	jr_jw_kint(w, "form", r->form);
	jr_jw_kdate(w, "referred_on", r->referred_on, true);
	jr_jw_kbool(w, "valid", r->valid);
	if (why)
		jr_jw_kstring(w, "why", why);
	jr_jw_end(w);
}

void jr_view_referral_row(struct jr_json_writer *w, const struct jr_referral_row *row)
{
	bool withdrawn = strcmp(row->state, "withdrawn") == 0;
	const char *step = row->closed_on ? "closed"
			   : row->allocated ? "allocated"
			   : row->accepted  ? "accepted"
					    : "received";
	const char *label = row->closed_on ? (withdrawn ? "ingetrokken" : "afgesloten")
			    : row->allocated ? "toegewezen"
			    : row->accepted  ? "opgepakt door het lokale team"
					     : "ontvangen";

	jr_jw_object(w);
	jr_jw_key(w, "referral");
	jr_view_referral(w, &row->r, NULL);
	jr_view_child_member(w, row->given_names, row->family_name, row->birth_date);
	jr_jw_kstring(w, "question", row->question);
	/* who referred and how it came in (api: a referrer's own request, with its letter) */
	jr_jw_kstring(w, "referrer_name", row->r.referrer_name);
	jr_jw_kstring(w, "source", row->r.source);
	jr_jw_key(w, "letter");
	if (row->r.urgency[0] || row->r.consent[0] || row->r.tried[0]) {
		jr_jw_object(w);
		jr_jw_kstring(w, "urgency", row->r.urgency);
		jr_jw_kstring(w, "urgency_label",
			      jr_referral_word_label(jr_referral_urgencies, jr_referral_urgency_count,
						     row->r.urgency));
		jr_jw_kstring(w, "tried", row->r.tried);
		jr_jw_kstring(w, "consent", row->r.consent);
		jr_jw_kstring(w, "consent_label",
			      jr_referral_word_label(jr_referral_consents, jr_referral_consent_count,
						     row->r.consent));
		jr_jw_end(w);
	} else {
		jr_jw_null(w);
	}
	jr_jw_key(w, "progress");
	jr_jw_object(w);
	jr_jw_kstring(w, "step", step);
	jr_jw_kstring(w, "label", label);
	jr_jw_kdate(w, "received_on", row->r.referred_on, row->r.referred_on != 0);
	jr_jw_kbool(w, "accepted", row->accepted);
	jr_jw_key(w, "allocation");
	if (row->allocated) {
		jr_jw_object(w);
		jr_jw_kstring(w, "provider", row->provider_name);
		jr_jw_kdate(w, "from", row->allocated_from, row->allocated_from != 0);
		jr_jw_kdate(w, "care_started_on", row->care_started, row->care_started != 0);
		jr_jw_kdate(w, "care_stopped_on", row->care_stopped, row->care_stopped != 0);
		jr_jw_end(w);
	} else {
		jr_jw_null(w);
	}
	jr_jw_key(w, "closed");
	if (row->closed_on) {
		jr_jw_object(w);
		jr_jw_kdate(w, "on", row->closed_on, true);
		jr_jw_kstring(w, "how", withdrawn ? "withdrawn" : "closed");
		jr_jw_kstring(w, "label", withdrawn ? "ingetrokken" : "afgesloten");
		jr_jw_end(w);
	} else {
		jr_jw_null(w);
	}
	jr_jw_key(w, "answer");
	if (row->answer[0]) {
		jr_jw_object(w);
		jr_jw_kstring(w, "message", row->answer);
		jr_jw_kdate(w, "on", row->answered_on, row->answered_on != 0);
		jr_jw_end(w);
	} else {
		jr_jw_null(w);
	}
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_referral_result(struct jr_json_writer *w, const char *outcome, const char *message,
			     const struct jr_referral_result *res, const char *why)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "outcome", outcome);
	jr_jw_kstring(w, "message", message);
	jr_jw_key(w, "referral");
	jr_view_referral(w, &res->ref, why);
	jr_view_child_member(w, res->given_names, res->family_name, res->birth_date);
	jr_jw_end(w);
}

void jr_view_allocation_made(struct jr_json_writer *w, const struct jr_allocation *al)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", al->id);
	jr_jw_kstring(w, "number", al->number);
	jr_jw_kint(w, "help_request_id", al->help_request_id);
	jr_jw_kint(w, "provider_id", al->provider_id);
	jr_jw_kint(w, "form", al->form);
	jr_jw_kstring(w, "jz020", al->jz020);
	jr_jw_kstring(w, "regime", jr_regime_name(al->regime));
	jr_jw_kdate(w, "start", al->start, true);
	jr_jw_kdate(w, "end", al->end, al->has_end);
	jr_jw_kstring(w, "result", al->result_description[0] ? al->result_description : NULL);
	if (al->intensity)
		jr_jw_kint(w, "intensity", al->intensity);
	else
		jr_jw_kstring(w, "intensity", NULL);
	jr_jw_kstring(w, "product_code", al->product_code[0] ? al->product_code : NULL);
	if (al->volume)
		jr_jw_kint(w, "volume", al->volume);
	else
		jr_jw_kstring(w, "volume", NULL);
	jr_jw_kstring(w, "unit", al->unit[0] ? al->unit : NULL);
	jr_jw_kstring(w, "frequency", al->frequency[0] ? al->frequency : NULL);
	jr_jw_kstring(w, "responsible_municipality", al->responsible);
	/* issue 15 point 3: a GI's allocation within its measure is its own decision, never a
	 * municipal one (no decision letter is made for it) */
	jr_jw_kstring(w, "decided_by", al->gi_organisation_id ? "gi" : "municipality");
	jr_jw_end(w);
}

/* The comma-separated `list` as a JSON array of strings. */
static void string_list(struct jr_json_writer *w, const char *key, const char *list)
{
	char item[64];

	jr_jw_key(w, key);
	jr_jw_array(w);
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		if (n > 0 && n < sizeof(item)) {
			memcpy(item, p, n);
			item[n] = '\0';
			jr_jw_string(w, item);
		}
		p += n + (p[n] == ',');
	}
	jr_jw_end(w);
}

static void choice_form(struct jr_json_writer *w, const struct jr_app_allocation_choices *c,
			int f)
{
	static const struct {
		unsigned bit;
		const char *name;
	} fields[] = {{JR_AF_RESULT, "result"},   {JR_AF_INTENSITY, "intensity"},
		      {JR_AF_PRODUCT_CODE, "product_code"}, {JR_AF_VOLUME, "volume"},
		      {JR_AF_UNIT, "unit"},       {JR_AF_FREQUENCY, "frequency"},
		      {JR_AF_END, "end"}};
	const struct jr_policy *p = c->policy;
	unsigned asked = jr_allocation_fields(p, f, c->regime, c->under_measure);
	const struct jr_regime_info *result = &p->regimes[JR_REGIME_RESULT];
	const struct jr_regime_info *product = &p->regimes[JR_REGIME_PRODUCT];

	jr_jw_object(w);
	jr_jw_kint(w, "number", f);
	jr_jw_kstring(w, "label", p->forms[f].name);
	jr_jw_kstring(w, "contracting", jr_contracting_name(p->forms[f].contracting));
	jr_jw_key(w, "fields");
	jr_jw_array(w);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (asked & fields[i].bit)
			jr_jw_string(w, fields[i].name);
	jr_jw_end(w);
	/* the terms of the regime's fields, from the policy */
	jr_jw_key(w, "intensities");
	jr_jw_array(w);
	for (size_t i = 0; (asked & JR_AF_INTENSITY) && i < result->term_count; i++)
		jr_jw_string(w, result->terms[i]);
	jr_jw_end(w);
	jr_jw_key(w, "frequencies");
	jr_jw_array(w);
	for (size_t i = 0; (asked & JR_AF_FREQUENCY) && i < product->term_count; i++)
		jr_jw_string(w, product->terms[i]);
	jr_jw_end(w);
	jr_jw_key(w, "providers");
	jr_jw_array(w);
	for (size_t i = 0; i < c->count; i++) {
		const struct jr_app_contracted *k = &c->items[i];
		if (!jr_app_allocation_choice_for(c, i, f))
			continue;
		jr_jw_object(w);
		jr_jw_kint(w, "id", k->provider.id);
		jr_jw_kstring(w, "name", k->provider.name);
		jr_jw_kstring(w, "agb", k->provider.agb);
		jr_jw_kstring(w, "status", jr_provider_status_name(k->provider.status));
		jr_jw_kstring(w, "status_label", jr_provider_status_label(k->provider.status));
		jr_jw_kint(w, "contract_id", k->contract.id);
		jr_jw_kstring(w, "contract_scope", k->contract.municipality[0] ? "municipality"
									       : "region");
		string_list(w, "product_codes",
			    (asked & JR_AF_PRODUCT_CODE) ? k->contract.product_codes : "");
		jr_jw_kstring(w, "unit", k->contract.unit[0] ? k->contract.unit : NULL);
		jr_jw_kdate(w, "contract_end", k->contract.end, k->contract.has_end);
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_allocation_choices(struct jr_json_writer *w,
				const struct jr_app_allocation_choices *c)
{
	const struct jr_municipality *m = jr_policy_municipality(c->policy, c->municipality);

	jr_jw_object(w);
	jr_jw_kint(w, "help_request_id", c->help_request_id);
	jr_jw_kstring(w, "municipality", c->municipality);
	jr_jw_kstring(w, "municipality_name", m ? m->name : c->municipality);
	jr_jw_kstring(w, "region", c->policy->id);
	jr_jw_kstring(w, "regime", jr_regime_name(c->regime));
	jr_jw_kdate(w, "date", c->date, true);
	jr_jw_kbool(w, "under_measure", c->under_measure);
	/* issue 15 point 3: whose decision an allocation without referral is */
	jr_jw_kstring(w, "decision_by", c->gi_decision ? "gi" : "municipality");
	jr_jw_key(w, "forms");
	jr_jw_array(w);
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (!c->form || c->form == f)
			choice_form(w, c, f);
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_allocation(struct jr_json_writer *w, const struct jr_allocation_row *a)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", a->id);
	jr_jw_kstring(w, "number", a->number);
	jr_jw_kint(w, "help_request_id", a->help_request_id);
	jr_jw_kint(w, "form", a->form);
	jr_jw_kdate(w, "start", a->start, true);
	jr_jw_kstring(w, "regime", a->regime);
	jr_jw_kstring(w, "result", a->result_description);
	jr_jw_kstring(w, "product_code", a->product_code);
	jr_jw_kstring(w, "responsible_municipality", a->responsible);
	jr_view_child_member(w, a->given_names, a->family_name, a->birth_date);
	jr_jw_key(w, "care");
	jr_jw_object(w);
	jr_jw_kbool(w, "running", a->care_running);
	if (a->care_started)
		jr_jw_kdate(w, "started_on", a->care_started, true);
	if (a->care_stopped)
		jr_jw_kdate(w, "stopped_on", a->care_stopped, true);
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_allocation_change(struct jr_json_writer *w, int64_t id,
			       const struct jr_allocation_change *c, int honoured)
{
	jr_jw_object(w);
	jr_jw_kint(w, "allocation_id", id);
	jr_jw_kstring(w, "reason_code", c->reason);
	jr_jw_kdate(w, "end", c->end, c->has_end);
	jr_jw_key(w, "volume");
	if (c->has_volume)
		jr_jw_int(w, c->volume);
	else
		jr_jw_null(w);
	jr_jw_kint(w, "requests_honoured", honoured);
	jr_jw_end(w);
}

/* The measure's deadline, or null. */
static void measure_deadline(struct jr_json_writer *w, bool has, const struct jr_deadline *d)
{
	jr_jw_key(w, "deadline");
	if (has)
		jr_view_deadline(w, d);
	else
		jr_jw_null(w);
}

void jr_view_measure_row(struct jr_json_writer *w, const struct jr_measure_item *it, jr_day today)
{
	const struct jr_measure_row *m = &it->row;
	int kind = jr_measure_parse(m->kind);

	jr_jw_object(w);
	jr_jw_kint(w, "id", m->id);
	jr_jw_kint(w, "child_id", m->child_id);
	jr_jw_kstring(w, "kind", m->kind);
	jr_jw_kstring(w, "label", kind > 0 ? jr_measure_label((enum jr_measure)kind) : m->kind);
	jr_jw_kdate(w, "court_date", m->court_date, m->court_date != 0);
	jr_jw_kstring(w, "reference", m->reference[0] ? m->reference : NULL);
	jr_jw_kdate(w, "start", m->start, true);
	jr_jw_kdate(w, "end", m->end, m->end != 0);
	jr_jw_kbool(w, "running", m->end == 0 || m->end >= today);
	jr_jw_kint(w, "extensions", m->extensions);
	jr_jw_kstring(w, "municipality", m->municipality);
	jr_view_child_member(w, m->given_names, m->family_name, m->birth_date);
	measure_deadline(w, it->has_deadline, &it->deadline);
	jr_jw_end(w);
}

void jr_view_measure(struct jr_json_writer *w, const struct jr_measure_record *m)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", m->id);
	jr_jw_kint(w, "child_id", m->child_id);
	jr_jw_kstring(w, "kind", jr_measure_name(m->kind));
	jr_jw_kdate(w, "court_date", m->court_date, m->court_date != 0);
	jr_jw_kstring(w, "reference", m->reference[0] ? m->reference : NULL);
	jr_jw_kdate(w, "start", m->start, true);
	jr_jw_kdate(w, "end", m->end, m->has_end);
	jr_jw_kstring(w, "framework", "compulsory");
	jr_jw_end(w);
}

void jr_view_measure_detail(struct jr_json_writer *w, const struct jr_measure_record *m,
			    const struct jr_measure_extension *ext, size_t n_ext, jr_day today,
			    bool has_deadline, const struct jr_deadline *deadline)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", m->id);
	jr_jw_kint(w, "child_id", m->child_id);
	jr_jw_kstring(w, "kind", jr_measure_name(m->kind));
	jr_jw_kstring(w, "label", jr_measure_label(m->kind));
	jr_jw_kdate(w, "court_date", m->court_date, m->court_date != 0);
	jr_jw_kstring(w, "reference", m->reference[0] ? m->reference : NULL);
	jr_jw_kdate(w, "start", m->start, true);
	jr_jw_kdate(w, "end", m->end, m->has_end);
	jr_jw_kbool(w, "running", !m->has_end || m->end >= today);
	jr_jw_kstring(w, "framework", "compulsory");
	measure_deadline(w, has_deadline, deadline);
	jr_jw_key(w, "extensions");
	jr_jw_array(w);
	for (size_t i = 0; i < n_ext; i++) {
		jr_jw_object(w);
		jr_jw_kint(w, "id", ext[i].id);
		jr_jw_kdate(w, "court_date", ext[i].court_date, true);
		jr_jw_kstring(w, "reference", ext[i].reference[0] ? ext[i].reference : NULL);
		jr_jw_kdate(w, "previous_end", ext[i].previous_end, true);
		jr_jw_kdate(w, "end", ext[i].new_end, true);
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_measure_extension(struct jr_json_writer *w, const struct jr_measure_extension *e,
			       const struct jr_measure_record *after)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", e->id);
	jr_jw_kint(w, "measure_id", e->measure_id);
	jr_jw_kdate(w, "court_date", e->court_date, true);
	jr_jw_kstring(w, "reference", e->reference[0] ? e->reference : NULL);
	jr_jw_kdate(w, "previous_end", e->previous_end, true);
	jr_jw_kdate(w, "end", e->new_end, true);
	jr_jw_key(w, "measure");
	jr_view_measure(w, after);
	jr_jw_end(w);
}

void jr_view_authorisation(struct jr_json_writer *w, const struct jr_measure_authorisation *au)
{
	jr_jw_object(w);
	jr_jw_kint(w, "id", au->id);
	jr_jw_kint(w, "measure_id", au->measure_id);
	jr_jw_kstring(w, "kind", jr_authorisation_name(au->kind));
	jr_jw_kstring(w, "label", jr_authorisation_label(au->kind));
	jr_jw_kdate(w, "court_date", au->court_date, true);
	jr_jw_kdate(w, "start", au->start, true);
	jr_jw_kdate(w, "end", au->end, au->has_end);
	jr_jw_end(w);
}
