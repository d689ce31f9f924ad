/* view_vocabulary: the vocabulary as JSON (see view_vocabulary.h). */
#include "view/view_vocabulary.h"

#include <stdio.h>

/* {"code":…,"label":…  — left open for more members. */
static void word_open(struct jr_json_writer *w, const char *code, const char *label)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "code", code);
	jr_jw_kstring(w, "label", label);
}

static void list(struct jr_json_writer *w, const char *name, const struct jr_vocab_list *l)
{
	jr_jw_key(w, name);
	jr_jw_array(w);
	for (size_t i = 0; i < l->count; i++) {
		word_open(w, l->items[i].code, l->items[i].label);
		jr_jw_end(w);
	}
	jr_jw_end(w);
}

/* The members of a bit set as a JSON array: form numbers, or need names. */
static void forms(struct jr_json_writer *w, unsigned set)
{
	jr_jw_array(w);
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (set & 1u << f)
			jr_jw_int(w, f);
	jr_jw_end(w);
}

static void needs(struct jr_json_writer *w, unsigned set)
{
	jr_jw_array(w);
	for (int k = 0; k < JR_NEED_COUNT; k++)
		if (set & 1u << k)
			jr_jw_string(w, jr_need_name((enum jr_need)k));
	jr_jw_end(w);
}

static void region(struct jr_json_writer *w, const struct jr_policy *p)
{
	jr_jw_key(w, "region");
	if (!p) {
		jr_jw_null(w);
		return;
	}
	jr_jw_object(w);
	jr_jw_kstring(w, "code", p->id);
	jr_jw_kstring(w, "label", p->name);
	jr_jw_kstring(w, "regional_body", p->regional_body);
	jr_jw_kstring(w, "regional_body_short", p->regional_body_short);
	jr_jw_end(w);
}

/* The region's own words: its regions, municipalities, forms, regimes, light options and
 * referrer types. */
static void region_words(struct jr_json_writer *w, const struct jr_vocabulary *v)
{
	jr_jw_key(w, "regions");
	jr_jw_array(w);
	for (size_t i = 0; i < v->region_count; i++) {
		word_open(w, v->regions[i].code, v->regions[i].label);
		jr_jw_end(w);
	}
	jr_jw_end(w);

	jr_jw_key(w, "municipalities");
	jr_jw_array(w);
	for (size_t i = 0; i < v->municipality_count; i++) {
		const struct jr_vocab_municipality *m = &v->municipalities[i];
		word_open(w, m->code, m->label);
		jr_jw_kstring(w, "regime", m->regime);
		jr_jw_end(w);
	}
	jr_jw_end(w);

	jr_jw_key(w, "forms");
	jr_jw_array(w);
	for (size_t i = 0; i < v->form_count; i++) {
		const struct jr_vocab_form *f = &v->forms[i];
		char code[12];
		snprintf(code, sizeof(code), "%d", f->number);
		word_open(w, code, f->label);
		jr_jw_kint(w, "number", f->number);
		jr_jw_kstring(w, "setting", f->setting);
		jr_jw_kstring(w, "setting_label", f->setting_label);
		jr_jw_kstring(w, "contracting", f->contracting);
		jr_jw_kstring(w, "contracting_label", f->contracting_label);
		jr_jw_end(w);
	}
	jr_jw_end(w);

	jr_jw_key(w, "regimes");
	jr_jw_array(w);
	for (size_t i = 0; i < v->regime_count; i++) {
		const struct jr_vocab_regime *g = &v->regimes[i];
		word_open(w, g->code, g->label);
		jr_jw_kstring(w, "description", g->description);
		jr_jw_key(w, "terms");
		jr_jw_array(w);
		for (size_t t = 0; t < g->term_count; t++)
			jr_jw_string(w, g->terms[t]);
		jr_jw_end(w);
		jr_jw_end(w);
	}
	jr_jw_end(w);

	jr_jw_key(w, "light_options");
	jr_jw_array(w);
	for (size_t i = 0; i < v->light_option_count; i++) {
		const struct jr_vocab_offer *o = &v->light_options[i];
		word_open(w, o->code, o->label);
		jr_jw_kstring(w, "kind", o->kind);
		jr_jw_kstring(w, "category", o->category);
		jr_jw_kstring(w, "category_label", o->category_label);
		jr_jw_key(w, "needs");
		needs(w, o->needs);
		jr_jw_end(w);
	}
	jr_jw_end(w);

	jr_jw_key(w, "referrer_types");
	jr_jw_array(w);
	for (size_t i = 0; i < v->referrer_type_count; i++) {
		const struct jr_vocab_referrer *r = &v->referrer_types[i];
		word_open(w, r->code, r->label);
		jr_jw_key(w, "forms");
		forms(w, r->forms);
		jr_jw_end(w);
	}
	jr_jw_end(w);
}

void jr_view_vocabulary(struct jr_json_writer *w, const struct jr_vocabulary *v)
{
	jr_jw_object(w);
	region(w, v->region);
	jr_jw_kstring(w, "municipality", v->municipality[0] ? v->municipality : NULL);
	region_words(w, v);

	list(w, "needs", &v->needs);
	jr_jw_kint(w, "need_max_level", v->need_max_level);
	list(w, "measures", &v->measures);
	list(w, "authorisations", &v->authorisations);
	list(w, "option_kinds", &v->option_kinds);
	list(w, "family_context", &v->family_context);
	list(w, "other_domain_help", &v->other_domain_help);
	list(w, "end_reasons", &v->end_reasons);
	list(w, "change_reasons", &v->change_reasons);

	jr_jw_key(w, "units");
	jr_jw_array(w);
	for (size_t i = 0; i < v->unit_count; i++) {
		word_open(w, v->units[i].code, v->units[i].label);
		jr_jw_kstring(w, "ijw", v->units[i].ijw);
		jr_jw_end(w);
	}
	jr_jw_end(w);

	list(w, "ijw_places", &v->ijw_places);

	jr_jw_key(w, "help_request_states");
	jr_jw_array(w);
	for (size_t i = 0; i < v->help_request_state_count; i++) {
		const struct jr_vocab_state *s = &v->help_request_states[i];
		word_open(w, s->code, s->label);
		jr_jw_kstring(w, "next", s->next); /* null after the last */
		jr_jw_end(w);
	}
	jr_jw_end(w);

	list(w, "raised_by", &v->raised_by);
	list(w, "goals_reached", &v->goals_reached);
	list(w, "household_roles", &v->household_roles);
	list(w, "provider_statuses", &v->provider_statuses);
	list(w, "evaluation_kinds", &v->evaluation_kinds);
	list(w, "event_kinds", &v->event_kinds);
	list(w, "involvement_kinds", &v->involvement_kinds);
	list(w, "signals", &v->signals);
	list(w, "roles", &v->roles);
	list(w, "organisation_kinds", &v->organisation_kinds);
	jr_jw_end(w);
}
