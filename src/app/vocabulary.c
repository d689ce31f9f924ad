/* vocabulary: the words the screens show, gathered from the policy, the iJw code lists and the
 * records' own tables (see vocabulary.h). */
#include "app/vocabulary.h"

#include <string.h>

#include "app/ijw.h"
#include "core/course.h"
#include "core/person.h"
#include "core/region.h"
#include "core/roles.h"
#include "core/route.h"
#include "ijw/ijw_codes.h"

/* The records' words that have no table of their own elsewhere: what the store writes into a
 * timeline (store_timeline.c) and a child's involvement (store_involvement.c), and the public
 * signal codes (core/signals.c, and app/signals.c's stale_social_map). unit_vocabulary checks
 * the signals against the core, tests/http/run.sh a family's timeline and a child's involvement
 * against the records. */
static const struct jr_vocab_word event_kinds[] = {
	{"help_request", "Hulpvraag"},
	{"analysis", "Brede analyse"},
	{"goal", "Doel"},
	{"advice", "Routeadvies"},
	{"light_option", "Licht aanbod gewogen"},
	{"referral", "Verwijzing"},
	{"measure", "Maatregel"},
	{"allocation", "Toewijzing"},
	{"alloc_change", "Toewijzing gewijzigd"},
	{"evaluation", "Evaluatie"},
	{"care_start", "Start zorg"},
	{"care_stop", "Einde zorg"},
	{"assignment", "Consulent toegewezen"},
};

static const struct jr_vocab_word involvement_kinds[] = {
	{"local_team", "lokaal team"},
	{"referrer", "verwijzer"},
	{"provider", "zorgaanbieder"},
	{"gi", "gecertificeerde instelling"},
};

static const struct jr_vocab_word signals[] = {
	{"hopping", "Van hulp naar hulp"},
	{"multi_agency", "Meerdere organisaties, geen regisseur"},
	{"waiting", "Wachttijd over de norm"},
	{"escalate", "Lichte hulp duurt te lang"},
	{"crisis_followup", "Vervolg na crisis"},
	{"out_of_home", "Uithuisplaatsing zonder ambulante poging"},
	{"stale_social_map", "Sociale kaart niet nagekeken"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void put(struct jr_vocab_list *l, const char *code, const char *label)
{
	if (code && label && l->count < JR_VOCAB_WORDS_MAX)
		l->items[l->count++] = (struct jr_vocab_word){code, label};
}

static void put_table(struct jr_vocab_list *l, const struct jr_vocab_word *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(l, t[i].code, t[i].label);
}

/* The codes of `names` (NULL-terminated) that `list` has and that are in force on `today`, each
 * labelled with the standard's text. */
static void put_ijw(struct jr_vocab_list *l, enum jr_ijw_codelist list,
		    const char *const *names, jr_day today)
{
	for (size_t i = 0; names[i]; i++)
		if (jr_ijw_code_valid(list, names[i], today))
			put(l, names[i], jr_ijw_code_text(list, names[i]));
}

static void region_words(const struct jr_policy *p, struct jr_vocabulary *v)
{
	bool used[JR_REGIME_COUNT] = {false};

	v->region = p;
	for (size_t i = 0; i < p->municipality_count; i++) {
		const struct jr_municipality *m = &p->municipalities[i];
		used[m->regime] = true;
		v->municipalities[v->municipality_count++] =
			(struct jr_vocab_municipality){m->code, m->name, jr_regime_name(m->regime)};
	}
	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		const struct jr_form *form = &p->forms[f];
		v->forms[v->form_count++] = (struct jr_vocab_form){
			.number = f,
			.label = form->name,
			.setting = jr_setting_name(form->setting),
			.setting_label = jr_setting_label(form->setting),
			.contracting = jr_contracting_name(form->contracting),
			.contracting_label = form->contracting == JR_CONTRACTING_LOCAL
						     ? "lokaal ingekocht"
						     : "regionaal ingekocht",
		};
	}
	for (int r = 0; r < JR_REGIME_COUNT; r++) {
		const struct jr_regime_info *info = &p->regimes[r];
		if (!used[r] && !p->regime_described[r])
			continue;
		v->regimes[v->regime_count++] = (struct jr_vocab_regime){
			.code = jr_regime_name((enum jr_regime)r),
			.label = jr_regime_label((enum jr_regime)r),
			.description = p->regime_described[r] ? info->description : "",
			.terms = p->regime_described[r] ? (const char(*)[JR_ID_MAX])info->terms : NULL,
			.term_count = p->regime_described[r] ? info->term_count : 0,
		};
	}
	for (size_t i = 0; i < p->social_base_count; i++) {
		const struct jr_offer *o = &p->social_base[i];
		v->light_options[v->light_option_count++] = (struct jr_vocab_offer){
			o->id, o->name, "social_base", jr_sb_category_name(o->category),
			jr_sb_category_label(o->category), o->needs};
	}
	for (size_t i = 0; i < p->no_referral_count; i++) {
		const struct jr_offer *o = &p->no_referral[i];
		v->light_options[v->light_option_count++] = (struct jr_vocab_offer){
			o->id, o->name, "no_referral", jr_nr_kind_name(o->category),
			jr_nr_kind_label(o->category), o->needs};
	}
	for (int c = 0; c < JR_REFERRER_CODES; c++) {
		const struct jr_referrer *r = &p->referrers[c];
		if (r->defined)
			v->referrer_types[v->referrer_type_count++] =
				(struct jr_vocab_referrer){r->code, r->name, r->forms};
	}
}

static void common_words(jr_day today, struct jr_vocabulary *v)
{
	const char *code, *label;

	for (int n = 0; n < JR_NEED_COUNT; n++)
		put(&v->needs, jr_need_name((enum jr_need)n), jr_need_label((enum jr_need)n));
	v->need_max_level = JR_NEED_MAX_LEVEL;
	for (int m = JR_MEASURE_NONE + 1; m < JR_MEASURE_COUNT; m++)
		put(&v->measures, jr_measure_name((enum jr_measure)m),
		    jr_measure_label((enum jr_measure)m));
	for (int a = 0; a < JR_AUTH_COUNT; a++)
		put(&v->authorisations, jr_authorisation_name((enum jr_authorisation)a),
		    jr_authorisation_label((enum jr_authorisation)a));
	for (int k = 0; k < JR_OPTION_KIND_COUNT; k++)
		put(&v->option_kinds, jr_option_kind_name((enum jr_option_kind)k),
		    jr_option_kind_label((enum jr_option_kind)k));
	for (int c = 0; c < JR_FC_COUNT; c++)
		put(&v->family_context, jr_family_context_name((enum jr_family_context)c),
		    jr_family_context_label((enum jr_family_context)c));
	for (int h = 0; h < JR_OTHER_COUNT; h++)
		put(&v->other_domain_help, jr_other_help_name((enum jr_other_help)h),
		    jr_other_help_label((enum jr_other_help)h));

	put_ijw(&v->end_reasons, JR_IJW_JZ588, jr_end_reasons, today);
	put_ijw(&v->change_reasons, JR_IJW_JZ002, jr_change_reasons, today);
	for (size_t i = 0; (label = jr_app_ijw_unit_at(i, &code)) && v->unit_count < JR_VOCAB_WORDS_MAX;
	     i++)
		if (jr_ijw_code_valid(JR_IJW_WJ756, code, today))
			v->units[v->unit_count++] = (struct jr_vocab_unit){
				label, jr_ijw_code_text(JR_IJW_WJ756, code), code};
	for (size_t i = 0; (code = jr_app_ijw_place_at(i, &label)); i++)
		put(&v->ijw_places, code, label);

	for (int s = 0; s < JR_HR_STATE_COUNT; s++) {
		int next = jr_hr_state_next((enum jr_hr_state)s);
		v->help_request_states[v->help_request_state_count++] = (struct jr_vocab_state){
			jr_hr_state_name((enum jr_hr_state)s), jr_hr_state_label((enum jr_hr_state)s),
			next < 0 ? NULL : jr_hr_state_name((enum jr_hr_state)next)};
	}
	for (size_t i = 0; jr_raisers[i]; i++)
		put(&v->raised_by, jr_raisers[i], jr_raiser_label(jr_raisers[i]));
	for (size_t i = 0; jr_goals_reached[i]; i++)
		put(&v->goals_reached, jr_goals_reached[i], jr_goals_reached_label(jr_goals_reached[i]));
	for (size_t i = 0; jr_evaluation_kinds[i]; i++)
		put(&v->evaluation_kinds, jr_evaluation_kinds[i],
		    jr_evaluation_kind_label(jr_evaluation_kinds[i]));
	for (size_t i = 0; jr_household_roles[i]; i++)
		put(&v->household_roles, jr_household_roles[i],
		    jr_household_role_label(jr_household_roles[i]));
	for (int s = 0; s < JR_PROVIDER_STATUS_COUNT; s++)
		put(&v->provider_statuses, jr_provider_status_name((enum jr_provider_status)s),
		    jr_provider_status_label((enum jr_provider_status)s));
	put_table(&v->event_kinds, event_kinds, COUNT(event_kinds));
	put_table(&v->involvement_kinds, involvement_kinds, COUNT(involvement_kinds));
	put_table(&v->signals, signals, COUNT(signals));
	for (size_t i = 0; (code = jr_role_at(i, &label)); i++)
		put(&v->roles, code, label);
	for (size_t i = 0; (code = jr_org_kind_at(i, &label)); i++)
		put(&v->organisation_kinds, code, label);
}

enum jr_err jr_app_vocabulary(const struct jr_policy_set *set, const struct jr_principal *p,
			      const char *municipality, const char *region, jr_day today,
			      struct jr_vocabulary *out, const char **bad_field)
{
	const struct jr_policy *policy = NULL;
	enum jr_err err = JR_OK;

	memset(out, 0, sizeof(*out));
	*bad_field = NULL;
	/* each region once, as the version in force today stands for it (principle 11) */
	for (size_t i = 0; i < set->count && i < JR_POLICY_SET_MAX; i++)
		if (jr_region_listed(set, i, today))
			out->regions[out->region_count++] =
				(struct jr_vocab_word){set->policies[i]->id, set->policies[i]->name};
	common_words(today, out);
	if (municipality) {
		policy = strlen(municipality) == 4 ? jr_policy_set_find(set, municipality, today)
						   : NULL;
		if (!policy) {
			*bad_field = "municipality";
			err = JR_ERR_NOT_FOUND;
			goto out;
		}
		memcpy(out->municipality, municipality, sizeof(out->municipality));
	} else if (region) {
		for (size_t i = 0; i < set->count && !policy; i++)
			if (strcmp(set->policies[i]->id, region) == 0 &&
			    jr_region_listed(set, i, today))
				policy = set->policies[i];
		if (!policy) {
			*bad_field = "region";
			err = JR_ERR_NOT_FOUND;
			goto out;
		}
	} else if (p->municipality[0] &&
		   (policy = jr_policy_set_find(set, p->municipality, today))) {
		memcpy(out->municipality, p->municipality, sizeof(out->municipality));
	} else if (out->region_count == 1) {
		for (size_t i = 0; i < set->count && !policy; i++)
			if (jr_region_listed(set, i, today))
				policy = set->policies[i];
	}
	if (policy)
		region_words(policy, out);
out:
	return err;
}
