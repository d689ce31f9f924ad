/* why: Dutch explanations of routing decisions (see why.h). Each sentence ends with the rule in
 * square brackets and, where a policy value decided, the policy key and its value. */
#include "core/why.h"

#include "core/rules.h"

#include <string.h>

#define COORDINATION_NAME "Regie bij het lokale team: één gezin, één plan, één regisseur"
#define COORDINATION_GI_NAME                                                                       \
	"Regie bij de gecertificeerde instelling (jeugdbeschermer), het lokale team ondersteunt"

const char *jr_option_name(const struct jr_answer *a, const struct jr_option *o)
{
	switch (o->kind) {
	case JR_OPTION_SOCIAL_BASE:
	case JR_OPTION_NO_REFERRAL:
		return o->offer ? o->offer->name : "";
	case JR_OPTION_COORDINATION:
		return o->why == JR_WHY_COORD_GI ? COORDINATION_GI_NAME : COORDINATION_NAME;
	case JR_OPTION_YOUTH_CARE:
		return a->policy->forms[o->form].name;
	case JR_OPTION_OTHER_DOMAIN:
		return jr_policy_other_name(a->policy, o->other, a->municipality);
	case JR_OPTION_KIND_COUNT:
		break;
	}
	return "";
}

/* "gedrag (3), opvoeding (2)" for the needs in `mask`. */
static enum jr_err put_needs(struct jr_buf *b, const struct jr_request *r, unsigned mask)
{
	enum jr_err err = JR_OK;
	const char *sep = "";

	for (int d = 0; d < JR_NEED_COUNT && !err; d++) {
		if (!(mask & (1u << d)))
			continue;
		err = jr_buf_printf(b, "%s%s (%d)", sep, jr_need_label((enum jr_need)d),
				    r->needs[d]);
		sep = ", ";
	}
	return err;
}

static enum jr_err put_flags(struct jr_buf *b, unsigned mask, const char *sep)
{
	enum jr_err err = JR_OK;

	for (int f = 0; f < JR_FLAG_COUNT && !err; f++) {
		if (!(mask & JR_FLAG_BIT(f)))
			continue;
		err = jr_buf_printf(b, "%s%s", sep, jr_flag_label((enum jr_flag)f));
		sep = ", ";
	}
	return err;
}

/* "gedrag (3), psychische stoornis", or `none` when both masks are empty. */
static enum jr_err put_reasons(struct jr_buf *b, const struct jr_request *r, unsigned needs,
			       unsigned flags, const char *none)
{
	enum jr_err err;

	if (!needs && !flags)
		return jr_buf_puts(b, none);
	err = put_needs(b, r, needs);
	if (!err)
		err = put_flags(b, flags, needs ? ", " : "");
	return err;
}

/* The law behind another domain's help, as a clause after its name ("" when none). */
static const char *other_help_law(enum jr_other_help h)
{
	switch (h) {
	case JR_OTHER_DEBT_HELP: return " (Wet gemeentelijke schuldhulpverlening)";
	case JR_OTHER_INCOME_SUPPORT: return " (Participatiewet: bijstand, bijzondere bijstand)";
	case JR_OTHER_HOUSING: return " (gemeente en woningcorporatie)";
	case JR_OTHER_ADULT_MENTAL_HEALTH:
	case JR_OTHER_ADDICTION_CARE: return " (Zorgverzekeringswet, via de huisarts van de ouder)";
	case JR_OTHER_WMO: return " (Wmo 2015)";
	case JR_OTHER_DIVORCE_HELP: return " (bemiddeling en ouderschapsplan)";
	case JR_OTHER_COUNT: break;
	}
	return "";
}

/* Principle 6: another domain's help for the parent or the family, naming the domain(s) and
 * the family context that led to it. */
static enum jr_err put_other_domain(struct jr_buf *b, const struct jr_answer *a,
				    const struct jr_option *o)
{
	const struct jr_policy *p = a->policy;
	const char *label = jr_other_help_label(o->other), *sep = "";
	enum jr_err err;

	err = jr_buf_printf(b, "%c%s%s: hulp voor de ouder of het gezin uit een ander domein, geen "
			       "jeugdhulp voor het kind. Aanleiding: ",
			    label[0] >= 'a' && label[0] <= 'z' ? label[0] - 'a' + 'A' : label[0],
			    label + 1, other_help_law(o->other));
	if (!err)
		err = put_needs(b, a->request, o->why_needs);
	sep = o->why_needs ? ", " : "";
	for (int c = 0; c < JR_FC_COUNT && !err; c++) {
		if (!(o->why_context & (1u << c)))
			continue;
		err = jr_buf_printf(b, "%s%s", sep, jr_family_context_label((enum jr_family_context)c));
		sep = ", ";
	}
	if (!err)
		err = jr_buf_printf(b, ". Dit maakt op zichzelf geen jeugdhulp voor het kind nodig; wat "
				       "het kind zelf nodig heeft, staat ernaast. [regel 2 "
				       "niet-vrij-toegankelijke hulp alleen waar nodig; principe 6 het "
				       "kind is niet het probleem; beleid ");
	for (int d = 0; d < JR_NEED_COUNT && !err; d++)
		if ((o->why_needs & (1u << d)) && p->domain_kind[d] == JR_DOMAIN_OTHER)
			err = jr_buf_printf(b, "domains.%s = %s, ", jr_need_name((enum jr_need)d),
					    jr_other_help_name(p->domain_other[d]));
	if (!err)
		err = jr_buf_printf(b, "other_domains.%s]", jr_other_help_name(o->other));
	return err;
}

/* Principle 14: "school (4) vraagt om sociale basis" for each need at youth_care_min that the
 * policy maps away from youth care. */
static enum jr_err put_served_elsewhere(struct jr_buf *b, const struct jr_answer *a)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	enum jr_err err = JR_OK;
	const char *sep = "";

	for (int d = 0; d < JR_NEED_COUNT && !err; d++) {
		if (p->domain_kind[d] == JR_DOMAIN_YOUTH_CARE ||
		    r->needs[d] < p->thresholds.youth_care_min)
			continue;
		err = jr_buf_printf(b, "%s%s (%d) vraagt om %s", sep, jr_need_label((enum jr_need)d),
				    r->needs[d], jr_domain_kind_label(p->domain_kind[d]));
		sep = ", ";
	}
	return err;
}

/* The policy keys of put_served_elsewhere: "domains.school = social_base, ". */
static enum jr_err put_served_elsewhere_keys(struct jr_buf *b, const struct jr_answer *a)
{
	const struct jr_policy *p = a->policy;
	enum jr_err err = JR_OK;

	for (int d = 0; d < JR_NEED_COUNT && !err; d++) {
		if (p->domain_kind[d] == JR_DOMAIN_YOUTH_CARE ||
		    a->request->needs[d] < p->thresholds.youth_care_min)
			continue;
		err = jr_buf_printf(b, "domains.%s = %s, ", jr_need_name((enum jr_need)d),
				    p->domain_kind[d] == JR_DOMAIN_OTHER
					    ? jr_other_help_name(p->domain_other[d])
					    : jr_domain_kind_name(p->domain_kind[d]));
	}
	return err;
}

static const char *regional_body(const struct jr_policy *p)
{
	return p->regional_body_short[0] ? p->regional_body_short : p->regional_body;
}

/* Rule 6: who contracts the form and under which regime. */
static enum jr_err put_contracting(struct jr_buf *b, const struct jr_answer *a,
				   const struct jr_option *o)
{
	const struct jr_municipality *m = a->municipality;

	if (o->contracting == JR_CONTRACTING_REGIONAL)
		return jr_buf_printf(b, " Regionaal gecontracteerd door %s voor alle gemeenten van "
					"regio %s. [regel 6 contractering; beleid forms[%d].contracting "
					"= regional]",
				     regional_body(a->policy), a->policy->name, o->form - 1);
	switch (m->regime) {
	case JR_REGIME_RESULT:
		return jr_buf_printf(b, " Lokaal gecontracteerd door %s, resultaatgericht: de "
					"gemeente beschrijft het te bereiken resultaat, de aanbieder "
					"bepaalt hoe. [regel 6 contractering; beleid "
					"municipalities[%s].regime = result]",
				     m->name, m->code);
	case JR_REGIME_PRODUCT:
		return jr_buf_printf(b, " Lokaal gecontracteerd door %s, productgericht: de "
					"toewijzing noemt productcode, omvang en frequentie. [regel 6 "
					"contractering; beleid municipalities[%s].regime = product]",
				     m->name, m->code);
	case JR_REGIME_GENERIC:
		return jr_buf_printf(b, " Lokaal via de hoofdaanbieder%s%s met een generieke "
					"verwijzing, zonder product of einddatum. [regel 6 "
					"contractering; beleid municipalities[%s].regime = generic]",
				     m->main_provider[0] ? " " : "", m->main_provider, m->code);
	case JR_REGIME_COUNT:
		break;
	}
	return JR_OK;
}

/* Principle 4: running care continues first; after 18 by the law's continuation. */
static enum jr_err put_continuation(struct jr_buf *b, const struct jr_answer *a,
				    const struct jr_option *o)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	char since[JR_DATE_STRLEN] = "";

	for (size_t i = 0; i < r->history_count; i++)
		if (r->history[i].ongoing && r->history[i].form == o->form) {
			jr_date_format(r->history[i].start, since);
			break;
		}
	if (o->why == JR_WHY_YC_CONTINUE_FOSTER)
		return jr_buf_printf(b, "Pleegzorg loopt sinds %s en gaat na het %de jaar door tot %d "
					"jaar (verlengde pleegzorg), zonder nieuwe brede verklarende "
					"analyse. [lopende hulp eerst; regel 11 leeftijd; beleid "
					"norms.foster_care_until = %d]",
				     since, p->norms.age_limit, p->norms.foster_care_until,
				     p->norms.foster_care_until);
	if (a->age >= p->norms.age_limit)
		return jr_buf_printf(b, "Deze hulp loopt sinds %s en begon vóór het %de jaar: hij kan "
					"als voortzetting doorgaan tot %d jaar als de jongere hem nodig "
					"heeft (art. 1.1 Jeugdwet), zonder nieuwe brede verklarende "
					"analyse. [lopende hulp eerst; regel 11 leeftijd; beleid "
					"norms.continuation_until = %d]",
				     since, p->norms.age_limit, p->norms.continuation_until,
				     p->norms.continuation_until);
	return jr_buf_printf(b, "Deze hulp loopt al sinds %s: voortzetten is de eerste optie, zonder "
				"nieuwe brede verklarende analyse; bespreek met het gezin en de "
				"aanbieder of hij nog past. [regel 2 hulp waar nodig, lopende hulp eerst]",
			     since);
}

static enum jr_err put_youth_care_reason(struct jr_buf *b, const struct jr_answer *a,
					 const struct jr_option *o)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	enum jr_err err = JR_OK;
	char due[JR_DATE_STRLEN];

	switch (o->why) {
	case JR_WHY_YC_INDICATED:
	case JR_WHY_YC_NEXT_STEP:
	case JR_WHY_YC_SUPPLEMENTARY:
	case JR_WHY_YC_STAY:
		if (o->why == JR_WHY_YC_NEXT_STEP)
			err = jr_buf_puts(b, "Als de sociale basis niet volstaat: ");
		else if (o->why == JR_WHY_YC_SUPPLEMENTARY)
			err = jr_buf_puts(b, "Aanvullend op de oplossingen zonder verwijzing en "
					     "aansluitend bij de hulp die er al is: ");
		if (!err)
			err = jr_buf_printf(b, "vorm %d past bij ", o->form);
		if (!err)
			err = put_reasons(b, r, o->why_needs, o->why_flags, "de maatregel");
		if (!err && o->why == JR_WHY_YC_STAY)
			err = jr_buf_puts(b, "; verblijf buiten huis alleen als het ambulante "
					     "alternatief hierboven niet volstaat");
		if (!err)
			err = jr_buf_printf(b, ". [%s; beleid forms[%d].indication]",
					    o->why == JR_WHY_YC_STAY ? "regel 10 thuis eerst"
					    : o->why == JR_WHY_YC_SUPPLEMENTARY
						    ? "regel 12 zonder verwijzing eerst"
						    : "regel 2 niet-vrij-toegankelijke hulp waar nodig",
					    o->form - 1);
		return err;
	case JR_WHY_YC_FALLBACK:
		err = jr_buf_puts(b, "Niet-vrij-toegankelijke hulp is nodig (");
		if (!err)
			err = put_reasons(b, r, o->why_needs, o->why_flags, "zie de signalen");
		if (!err)
			err = jr_buf_printf(b, ") en geen vorm past specifieker: de lichtste vorm is "
					       "%d. [regel 2 niet-vrij-toegankelijke hulp waar nodig; "
					       "beleid thresholds.youth_care_min = %d]",
					    o->form, p->thresholds.youth_care_min);
		return err;
	case JR_WHY_YC_SPECIALIST: {
		bool mental = ((r->flags & JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER)) &&
			       (r->flags & JR_FLAG_BIT(JR_FLAG_LONG_LASTING))) ||
			      r->needs[JR_NEED_MENTAL_HEALTH] >= p->thresholds.specialist_mental_health;

		err = jr_buf_puts(b, "Specialistische hulp op tijd: ");
		if (!err && (r->flags & JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER)) &&
		    (r->flags & JR_FLAG_BIT(JR_FLAG_LONG_LASTING)))
			err = jr_buf_puts(b, "een psychische stoornis die langdurig is");
		else if (!err && mental)
			err = jr_buf_printf(b, "psychische gezondheid op niveau %d",
					    r->needs[JR_NEED_MENTAL_HEALTH]);
		/* Principle 10: severe substance use needs treatment, not support alone. */
		if (!err && r->needs[JR_NEED_SUBSTANCE_USE] >= p->thresholds.specialist_substance_use)
			return jr_buf_printf(b, "%sernstig middelengebruik (niveau %d) vraagt behandeling, "
						"niet alleen begeleiding: niet lichter dan vorm %d; "
						"klinisch alleen als het zeer ernstig is. [regel 3 "
						"specialistisch op tijd, verslaving; beleid "
						"thresholds.specialist_substance_use = %d]",
					     mental ? "; " : "", r->needs[JR_NEED_SUBSTANCE_USE],
					     p->norms.specialist_from_form,
					     p->thresholds.specialist_substance_use);
		if (!err)
			err = jr_buf_printf(b, ", dus niet lichter dan vorm %d. [regel 3 specialistisch "
					       "op tijd; beleid norms.specialist_from_form = %d, "
					       "thresholds.specialist_mental_health = %d]",
					    p->norms.specialist_from_form, p->norms.specialist_from_form,
					    p->thresholds.specialist_mental_health);
		return err;
	}
	case JR_WHY_YC_CRISIS:
		jr_date_format(jr_rule_crisis_due(p, r), due);
		err = jr_buf_printf(b, "Acute crisis: crisishulp eerst, direct en zonder wachttijd, "
				       "via %s (%s bereikbaar",
				    p->crisis_service.name, p->crisis_service.reachability);
		if (!err && p->crisis_service.phone[0])
			err = jr_buf_printf(b, ", telefoon %s", p->crisis_service.phone);
		if (!err)
			err = jr_buf_printf(b, "). Verwijzing en brede verklarende analyse volgen "
					       "uiterlijk %s. [regel 4 crisis; beleid "
					       "norms.crisis_followup_days = %d, region.crisis_service]",
					    due, p->norms.crisis_followup_days);
		return err;
	case JR_WHY_YC_URGENT_MENTAL_HEALTH:
		err = jr_buf_puts(b, "Acute psychiatrische crisis (");
		if (!err)
			err = put_reasons(b, r, o->why_needs, o->why_flags, "acute crisis");
		if (!err)
			err = jr_buf_printf(b, "): naast de crisisopvang direct spoedeisende "
					       "specialistische jeugd-ggz (vorm %d), niet alleen opvang. De "
					       "brede verklarende analyse volgt, zoals na crisishulp. [regel "
					       "4 crisis; regel 3 specialistisch op tijd; beleid "
					       "norms.specialist_from_form = %d]",
					    o->form, p->norms.specialist_from_form);
		return err;
	case JR_WHY_YC_MEASURE:
		if (r->measure == JR_MEASURE_JEUGDRECLASSERING)
			return jr_buf_puts(b, "Jeugdreclassering, opgelegd door de rechter: gedwongen "
					      "kader; de jeugdreclasseerder van de gecertificeerde "
					      "instelling begeleidt de jongere. [regel 5 kaders]");
		if (r->measure == JR_MEASURE_VOORLOPIGE_OTS)
			return jr_buf_printf(b, "Voorlopige ondertoezichtstelling, uitgesproken door de "
						"kinderrechter voor ten hoogste %d maanden (art. 1:257 "
						"BW): gedwongen kader, als een OTS; de gecertificeerde "
						"instelling voert de maatregel uit en mag naar elke vorm "
						"verwijzen. [regel 5 kaders]",
					     JR_PROVISIONAL_OTS_MONTHS);
		if (r->measure == JR_MEASURE_VOOGDIJ)
			return jr_buf_puts(b, "Voogdij, uitgesproken door de kinderrechter: de "
					      "gecertificeerde instelling is de voogd, heeft de regie en "
					      "beslist over de jeugdhulp; er is geen ouderlijk huis om "
					      "naar terug te keren, dus 'thuis eerst' geldt niet. [regel 5 "
					      "kaders; voogdij, art. 1:245 BW]");
		return jr_buf_puts(b, "Ondertoezichtstelling (OTS), uitgesproken door de "
				      "kinderrechter: gedwongen kader; de gecertificeerde instelling "
				      "voert de maatregel uit en mag naar elke vorm verwijzen. [regel 5 "
				      "kaders]");
	case JR_WHY_YC_SECURE:
		return jr_buf_puts(b, "Machtiging gesloten jeugdhulp van de kinderrechter: de rechter "
				      "heeft geoordeeld dat gesloten jeugdhulp nodig is (art. 6.1.2 "
				      "Jeugdwet), dus JeugdzorgPlus is de eerste optie; een lichter "
				      "alternatief is al gewogen. [regel 5 kaders; principe 8 gedwongen "
				      "kader]");
	case JR_WHY_YC_HOME_FIRST:
		err = jr_buf_printf(b, "Thuis eerst: vóór vorm %d (%s) komt intensieve ambulante hulp "
				       "als alternatief dat eerst overwogen wordt",
				    o->why_form, p->forms[o->why_form].name);
		if (!err && (o->why_needs || o->why_flags)) {
			/* principle 14: the problem behind it, the same as the stay's */
			err = jr_buf_puts(b, ", voor ");
			if (!err)
				err = put_reasons(b, r, o->why_needs, o->why_flags, "");
		}
		if (!err)
			err = jr_buf_printf(b, ". [regel 10 thuis eerst; beleid "
					       "norms.intensive_ambulant_from_form = %d]",
					    p->norms.intensive_ambulant_from_form);
		return err;
	case JR_WHY_YC_PROBATION_ADULT:
		return jr_buf_printf(b, "%d jaar, zonder jeugdhulp die vóór het %de jaar begon: voor "
					"deze jongere valt alleen de jeugdreclassering nog onder de "
					"Jeugdwet, tot %d jaar. [regel 11 leeftijd; beleid "
					"norms.continuation_until = %d]",
				     a->age, p->norms.age_limit, p->norms.continuation_until,
				     p->norms.continuation_until);
	case JR_WHY_YC_CONTINUE:
	case JR_WHY_YC_CONTINUE_FOSTER:
		return put_continuation(b, a, o);
	case JR_WHY_YC_WARD_FAMILY:
		if (a->age < p->norms.family_like_first_until)
			return jr_buf_printf(b, "Voogdij en nog geen woonplek: een kind onder de %d "
						"groeit bij voorkeur op in een gezin, dus eerst "
						"gezinsgericht verblijf (pleegzorg of een gezinshuis). De "
						"voogd beslist. [regel 10 thuis eerst, bij voogdij een gezin; beleid "
						"norms.family_like_first_until = %d, forms[%d].family_like]",
					     p->norms.family_like_first_until,
					     p->norms.family_like_first_until, o->form - 1);
		return jr_buf_printf(b, "Voogdij en nog geen woonplek: ook voor een kind van %d "
					"jaar is een gezin (pleegzorg of een gezinshuis) een optie; de "
					"voogd beslist. [regel 10 thuis eerst, bij voogdij een gezin; beleid "
					"forms[%d].family_like]",
				     a->age, o->form - 1);
	case JR_WHY_YC_STEP_UP:
		err = jr_buf_printf(b, "Vorm %d (%s) is in de afgelopen %d dagen negatief afgesloten: niet "
				       "opnieuw hetzelfde, maar de volgende stap, vorm %d, voor ",
				    o->why_form, p->forms[o->why_form].name,
				    p->norms.hopping_window_days, o->form);
		if (!err)
			err = put_reasons(b, r, o->why_needs, o->why_flags, "dezelfde vraag");
		if (!err)
			err = jr_buf_printf(b, ". [regel 9 geen hoppen, getrapte zorg; beleid "
					       "norms.hopping_window_days = %d]",
					    p->norms.hopping_window_days);
		return err;
	default:
		break;
	}
	return JR_OK;
}

enum jr_err jr_why_option(struct jr_buf *b, const struct jr_answer *a, const struct jr_option *o)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	enum jr_err err = JR_OK;

	switch (o->why) {
	case JR_WHY_SB_NORMALISE:
		/* Only running care can stand beside it (principle 4). */
		err = jr_buf_printf(b, "Gewoon opgroeien: alle behoeften zijn hoogstens %d en er zijn "
				       "geen signalen of maatregelen, dus %s. Sluit aan bij ",
				    p->thresholds.normalise_max,
				    jr_answer_first_youth_care(a)
					    ? "naast de lopende hulp geen nieuwe jeugdhulp maar de "
					      "sociale basis"
					    : "geen jeugdhulp maar de sociale basis");
		if (!err)
			err = put_reasons(b, r, o->why_needs, 0, "de vraag van het gezin");
		if (!err)
			err = jr_buf_printf(b, ". [regel 1 normaliseren; beleid "
					       "thresholds.normalise_max = %d]",
					    p->thresholds.normalise_max);
		return err;
	case JR_WHY_SB_FIRST:
		err = jr_buf_printf(b, "Zo licht en dichtbij als mogelijk: geen behoefte bereikt "
				       "niveau %d en niets maakt jeugdhulp noodzakelijk, dus eerst de "
				       "sociale basis. Sluit aan bij ",
				    p->thresholds.youth_care_min);
		if (!err)
			err = put_reasons(b, r, o->why_needs, 0, "de vraag van het gezin");
		if (!err)
			err = jr_buf_printf(b, ". [regel 2 niet-vrij-toegankelijke hulp alleen waar "
					       "nodig; beleid thresholds.youth_care_min = %d]",
					    p->thresholds.youth_care_min);
		return err;
	case JR_WHY_SB_DOMAIN:
		err = jr_buf_puts(b, "Zo licht en dichtbij als mogelijk: volgens het beleid ");
		if (!err)
			err = put_served_elsewhere(b, a);
		if (!err)
			err = jr_buf_puts(b, ", niet om jeugdhulp, en niets anders maakt jeugdhulp voor "
					     "het kind noodzakelijk. Sluit aan bij ");
		if (!err)
			err = put_reasons(b, r, o->why_needs, 0, "de vraag van het gezin");
		if (!err)
			err = jr_buf_puts(b, ". [regel 2 niet-vrij-toegankelijke hulp alleen waar "
					     "nodig; principe 14 de analyse beslist; beleid ");
		if (!err)
			err = put_served_elsewhere_keys(b, a);
		if (!err)
			err = jr_buf_printf(b, "thresholds.youth_care_min = %d]",
					    p->thresholds.youth_care_min);
		return err;
	case JR_WHY_OTHER_DOMAIN:
		return put_other_domain(b, a, o);
	case JR_WHY_SB_SUPPORT:
		err = jr_buf_puts(b, "Ter ondersteuning naast de jeugdhulp, nooit als enige antwoord. "
				     "Sluit aan bij ");
		if (!err)
			err = put_reasons(b, r, o->why_needs, 0, "de vraag van het gezin");
		if (!err)
			err = jr_buf_printf(b, ". [regel 2 niet-vrij-toegankelijke hulp waar nodig; "
					       "beleid norms.max_support_offers = %d]",
					    p->norms.max_support_offers);
		return err;
	case JR_WHY_NR_FIRST:
	case JR_WHY_NR_SUPPORT:
		err = jr_buf_printf(b, "Oplossing zonder verwijzing (%s): geen verwijzing of "
				       "beschikking nodig. Sluit aan bij ",
				    jr_nr_kind_label((enum jr_nr_kind)o->offer->category));
		if (!err)
			err = put_reasons(b, r, o->why_needs, 0, "de vraag van het gezin");
		if (!err)
			err = jr_buf_puts(b, ". [regel 12 zonder verwijzing eerst; beleid "
					     "region.no_referral_first = true]");
		return err;
	case JR_WHY_COORD_HOPPING:
		return jr_buf_printf(b, "%d hulptrajecten zijn in de afgelopen %d dagen negatief "
					"afgesloten: het gezin dreigt van hulp naar hulp te gaan. Eerst "
					"één regisseur voor het gezin en overleg met %s, vóór een "
					"zwaardere vorm wordt ingezet. [regel 9 geen hoppen; beleid "
					"norms.hopping_count = %d, norms.hopping_window_days = %d]",
				     jr_rule_hopping_count(p, r), p->norms.hopping_window_days,
				     p->expert_team, p->norms.hopping_count,
				     p->norms.hopping_window_days);
	case JR_WHY_COORD_EXPERT_TEAM:
		err = jr_buf_puts(b, "Een complexe situatie: ernstige problemen op meer domeinen (");
		if (!err)
			err = put_reasons(b, r, o->why_needs,
					  r->flags & (JR_FLAG_BIT(JR_FLAG_LONG_LASTING) |
						      JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER)),
					  "");
		if (!err)
			err = jr_buf_printf(b, "). Eén regisseur voor het gezin en nu al %s erbij, ook "
					       "zonder eerdere mislukte hulp. [regel 9 geen hoppen, "
					       "complexe zorg; beleid thresholds.coordination_domains = %d]",
					    p->expert_team, p->thresholds.coordination_domains);
		return err;
	case JR_WHY_COORD_GI:
		return jr_buf_printf(b, "%s: de gecertificeerde instelling (jeugdbeschermer) houdt "
					"de regie en stelt het plan op; het lokale team ondersteunt het "
					"gezin daarbij met hulp uit de sociale basis. [regel 5 kaders; "
					"art. 1:255 en 1:262 BW]",
				     r->measure == JR_MEASURE_VOORLOPIGE_OTS
					     ? "Voorlopige ondertoezichtstelling"
					     : "Ondertoezichtstelling");
	case JR_WHY_COORD_COMPLEX:
		err = jr_buf_puts(b, "Problemen op meer domeinen of onveiligheid (");
		if (!err)
			err = put_reasons(b, r, o->why_needs,
					  r->flags & JR_FLAG_BIT(JR_FLAG_UNSAFE), "");
		if (!err)
			err = jr_buf_printf(b, "): het lokale team houdt de regie, zodat het gezin "
					       "niet van hulp naar hulp gaat. [regel 9 geen hoppen, "
					       "regie; beleid thresholds.coordination_domains = %d]",
					    p->thresholds.coordination_domains);
		return err;
	default:
		break;
	}
	if (o->kind != JR_OPTION_YOUTH_CARE)
		return JR_OK;
	err = put_youth_care_reason(b, a, o);
	if (!err)
		err = put_contracting(b, a, o);
	if (!err && o->kind == JR_OPTION_YOUTH_CARE && jr_rule_ots(r) &&
	    p->forms[o->form].setting == JR_SETTING_OUT_OF_HOME)
		err = jr_buf_puts(b, (o->requires & JR_REQUIRE_COURT_ORDER)
					     ? " Onder een ondertoezichtstelling kan verblijf buiten huis "
					       "alleen met een machtiging uithuisplaatsing van de "
					       "kinderrechter (art. 1:265b BW): de gecertificeerde "
					       "instelling vraagt die eerst aan. [regel 5 kaders]"
					     : " De machtiging uithuisplaatsing van de kinderrechter is "
					       "er (art. 1:265b BW). [regel 5 kaders]");
	if (!err && (o->requires & JR_REQUIRE_BROAD_ANALYSIS))
		err = jr_buf_printf(b, " Eerst een brede verklarende analyse met het gezin (kind, "
				       "ouders, gezin, omgeving): de werkafspraak van de regio voor de "
				       "gemeentelijke route. [regel 8 brede analyse eerst; beleid "
				       "norms.broad_analysis_from_form = %d]",
				    p->norms.broad_analysis_from_form);
	return err;
}

enum jr_err jr_why_signal(struct jr_buf *b, const struct jr_answer *a, const struct jr_signal *s)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	char d1[JR_DATE_STRLEN], d2[JR_DATE_STRLEN];

	jr_date_format(s->day, d1);
	jr_date_format(r->date, d2);
	switch (s->code) {
	case JR_SIGNAL_CRISIS_FOLLOWUP:
		return jr_buf_printf(b, "Na de crisishulp: verwijzing en brede verklarende analyse "
					"uiterlijk %s (%d dagen na %s). [regel 4 crisis; beleid "
					"norms.crisis_followup_days = %d]",
				     d1, s->count, d2, p->norms.crisis_followup_days);
	case JR_SIGNAL_HOPPING:
		return jr_buf_printf(b, "%d hulptrajecten negatief afgesloten binnen %d dagen (norm: "
					"%d): stel één regisseur aan en bespreek het gezin met %s. "
					"[regel 9 geen hoppen; beleid norms.hopping_count = %d, "
					"norms.hopping_window_days = %d]",
				     s->count, p->norms.hopping_window_days, p->norms.hopping_count,
				     p->expert_team, p->norms.hopping_count,
				     p->norms.hopping_window_days);
	case JR_SIGNAL_SAFETY:
		return jr_buf_printf(b, "De veiligheid van het kind is in het geding (veiligheid op "
					"niveau %d%s): volg de meldcode huiselijk geweld en "
					"kindermishandeling; %s. [regel 5 "
					"kaders; beleid thresholds.youth_care_min = %d]",
				     s->count,
				     (r->flags & JR_FLAG_BIT(JR_FLAG_UNSAFE)) ? ", gemeld als onveilig"
									     : "",
				     /* principle 8: under an OTS the GI leads */
				     jr_rule_ots(r) ? "de gecertificeerde instelling houdt de regie, "
						      "het lokale team ondersteunt"
						    : "het lokale team houdt de regie",
				     p->thresholds.youth_care_min);
	case JR_SIGNAL_ESCALATE:
		return jr_buf_printf(b, "Vorm %d (%s) is op %s negatief afgesloten en de aanbevolen "
					"vorm is niet zwaarder: bespreek opschalen of een andere aanpak "
					"in plaats van dezelfde hulp opnieuw. [regel 9 geen hoppen; "
					"beleid norms.hopping_window_days = %d]",
				     s->count, p->forms[s->count].name, d1,
				     p->norms.hopping_window_days);
	case JR_SIGNAL_CONTINUATION:
		return jr_buf_printf(b, "%d jaar: verlengde jeugdhulp, als voortzetting van hulp die "
					"vóór het %de jaar begon, kan tot %d jaar. Bereid de overgang "
					"naar Wmo of Zorgverzekeringswet tijdig voor. [regel 11 leeftijd; "
					"beleid norms.age_limit = %d, norms.continuation_until = %d]",
				     s->count, p->norms.age_limit, p->norms.continuation_until,
				     p->norms.age_limit, p->norms.continuation_until);
	case JR_SIGNAL_WAITING:
		return jr_buf_printf(b, "Het gezin wacht sinds %s al %d dagen, langer dan de norm "
					"van %d dagen: zet overbruggingshulp in en meld de wachttijd. "
					"[signaal wachttijd, regel 2 hulp op tijd; beleid "
					"norms.max_waiting_days = %d]",
				     d1, s->count, p->norms.max_waiting_days,
				     p->norms.max_waiting_days);
	case JR_SIGNAL_BROAD_ANALYSIS:
		return jr_buf_printf(b, "De brede verklarende analyse is nog niet gemaakt: opties die "
					"hem vereisen starten pas daarna. [regel 8 brede analyse eerst; "
					"beleid norms.broad_analysis_from_form = %d]",
				     p->norms.broad_analysis_from_form);
	case JR_SIGNAL_BROAD_ANALYSIS_AFTER:
		return jr_buf_printf(b, "%s: de jeugdhulp wacht niet op de brede verklarende analyse "
					"(art. 2.6 en 2.4 Jeugdwet). Het lokale team maakt hem daarna "
					"met het gezin, zoals na crisishulp, zodat ook de vragen achter "
					"de vraag in beeld komen. [regel 8 brede analyse; wettelijke "
					"verwijsroute]",
				     r->measure != JR_MEASURE_NONE
					     ? "De zorg valt binnen een maatregel van de rechter"
				     : r->authorisations
					     ? "De zorg valt binnen een machtiging van de rechter"
					     : "Verwezen door de huisarts, jeugdarts of medisch specialist");
	case JR_SIGNAL_NEW_BROAD_ANALYSIS:
		return jr_buf_printf(b, "Na %d mislukte trajecten niet meer van hetzelfde: maak "
					"opnieuw een brede verklarende analyse met het gezin, met %s, "
					"om te zien welk probleem achter de vraag ligt. [getrapte zorg "
					"leert van de geschiedenis; regel 9 geen hoppen]",
				     s->count, p->expert_team);
	case JR_SIGNAL_CONNECT:
		if (s->count > 0)
			return jr_buf_printf(b, "Er %s al %d lopend%s traject%s: de aanvullende "
						"jeugdhulp sluit daarbij aan. [regel 12 zonder "
						"verwijzing eerst]",
					     s->count == 1 ? "is" : "zijn", s->count,
					     s->count == 1 ? "" : "e", s->count == 1 ? "" : "en");
		return jr_buf_puts(b, "De aanvullende jeugdhulp sluit aan bij wat er al is: school, "
				      "kinderopvang, lokaal team. [regel 12 zonder verwijzing eerst]");
	case JR_SIGNAL_COUNT:
		break;
	}
	return JR_OK;
}

enum jr_err jr_why_warning(struct jr_buf *b, const struct jr_answer *a, enum jr_warning w)
{
	int secure = jr_policy_form_with_setting(a->policy, JR_SETTING_SECURE);

	switch (w) {
	case JR_WARN_VEILIG_THUIS:
		return jr_buf_puts(b, "De veiligheid van het kind is in het geding zonder maatregel: "
				      "de hulp is vrijwillig. Raadpleeg Veilig Thuis volgens de "
				      "meldcode; herstelt vrijwillige hulp de veiligheid niet, dan is de "
				      "route een verzoek tot onderzoek bij de Raad voor de "
				      "Kinderbescherming, die de kinderrechter om een maatregel kan "
				      "vragen. [regel 5 kaders]");
	case JR_WARN_SECURE_NOT_OFFERED:
		return jr_buf_printf(b, "Gesloten jeugdhulp (vorm %d) wordt niet aangeboden: dat kan "
					"alleen met een machtiging van de kinderrechter. [regel 5 "
					"kaders]",
				     secure);
	case JR_WARN_OFFENCE_NO_MEASURE:
		return jr_buf_puts(b, "Er is een strafbaar feit maar geen jeugdreclassering: die legt "
				      "alleen de rechter op. Overweeg Halt of overleg met de Raad voor de "
				      "Kinderbescherming. [regel 5 kaders]");
	case JR_WARN_ADULT_PROBATION_ONLY:
		return jr_buf_puts(b, "Deze jongere is 18 of ouder, zonder jeugdhulp die vóór het 18e "
				      "jaar begon en nog loopt of kort geleden eindigde: dan geldt de "
				      "Jeugdwet alleen nog voor de jeugdreclassering. Andere hulp loopt "
				      "via de Wmo 2015 (gemeente) of de Zorgverzekeringswet. Jeugdhulp die "
				      "vóór het 18e jaar begon, kan wel doorlopen tot 23 jaar (art. 1.1 "
				      "Jeugdwet). [regel 11 leeftijd]");
	case JR_WARN_OTS_NO_UITHUISPLAATSING:
		return jr_buf_puts(b, "Verblijf buiten huis onder een ondertoezichtstelling kan alleen "
				      "met een machtiging uithuisplaatsing van de kinderrechter (art. "
				      "1:265b BW), en die is er niet: de gecertificeerde instelling "
				      "moet de kinderrechter daarom vragen voordat het kind uit huis "
				      "gaat; bij acuut gevaar met een spoedmachtiging. [regel 5 kaders; "
				      "principe 8 gedwongen kader]");
	case JR_WARN_COUNT:
		break;
	}
	return JR_OK;
}

enum jr_err jr_why_eligibility(struct jr_buf *b, const struct jr_answer *a)
{
	const struct jr_norms *n = &a->policy->norms;

	if (a->why == JR_WHY_INELIGIBLE_TOO_OLD)
		return jr_buf_printf(b, "%d jaar: ouder dan de grens voor verlengde jeugdhulp (%d). "
					"Route: Wmo 2015 (gemeente) voor ondersteuning, "
					"Zorgverzekeringswet voor ggz via de huisarts. [regel 11 "
					"leeftijd; beleid norms.continuation_until = %d]",
				     a->age, n->continuation_until, n->continuation_until);
	return jr_buf_printf(b, "%d jaar, geen voortzetting van jeugdhulp die vóór het %de jaar "
				"begon en geen jeugdreclassering: de Jeugdwet is niet van toepassing. "
				"Route: Wmo 2015 (gemeente) voor ondersteuning, Zorgverzekeringswet "
				"voor ggz via de huisarts. [regel 11 leeftijd; beleid norms.age_limit "
				"= %d, norms.continuation_until = %d, "
				"norms.continuation_resume_days = %d]",
			     a->age, n->age_limit, n->age_limit, n->continuation_until,
			     n->continuation_resume_days);
}

enum jr_err jr_why_referral(struct jr_buf *b, const struct jr_answer *a)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	const struct jr_referrer *ref = NULL;
	const char *name = "onbekend";
	enum jr_err err = JR_OK;
	int form = a->referral_form;

	if (r->referrer_type > 0 && r->referrer_type < JR_REFERRER_CODES &&
	    p->referrers[r->referrer_type].defined) {
		ref = &p->referrers[r->referrer_type];
		name = ref->name;
	}
	switch (a->referral_why) {
	case JR_WHY_RC_VALID:
		return jr_buf_printf(b, "%02d %s mag verwijzen naar vorm %d (%s)%s. [regel 7 "
					"verwijzers; beleid referrers[%02d]]",
				     r->referrer_type, name, form, p->forms[form].name,
				     r->agb[0] ? ", met AGB-code" : "", r->referrer_type);
	case JR_WHY_RC_NO_YOUTH_CARE:
		return jr_buf_puts(b, "Er is geen jeugdhulpoptie, dus geen verwijzing nodig: de "
				      "sociale basis is vrij toegankelijk. [regel 7 verwijzers]");
	case JR_WHY_RC_SELF:
		return jr_buf_printf(b, "%02d %s opent geen jeugdhulp: een verwijzing van de gemeente, "
					"huisarts, jeugdarts of medisch specialist is nodig. [regel 7 "
					"verwijzers; beleid referrers[%02d].forms]",
				     r->referrer_type, name, r->referrer_type);
	case JR_WHY_RC_MEASURE_ONLY:
		return jr_buf_printf(b, "%02d %s verwijst alleen binnen een maatregel (OTS, voogdij of "
					"jeugdreclassering), en die is er niet. [regel 7 verwijzers; "
					"beleid referrers[%02d].within_measure_only]",
				     r->referrer_type, name, r->referrer_type);
	case JR_WHY_RC_NOT_FOR_FORM: {
		unsigned allowed = jr_rule_referrers(p, form, r->measure);
		const char *sep = "";
		err = jr_buf_printf(b, "%02d %s mag niet verwijzen naar vorm %d (%s); wel: ",
				    r->referrer_type, name, form, p->forms[form].name);
		for (int c = 1; c < JR_REFERRER_CODES && !err; c++) {
			if (!(allowed & (1u << c)))
				continue;
			err = jr_buf_printf(b, "%s%02d %s", sep, c, p->referrers[c].name);
			sep = ", ";
		}
		if (!err)
			err = jr_buf_printf(b, ". [regel 7 verwijzers; beleid referrers[%02d].forms]",
					    r->referrer_type);
		return err;
	}
	case JR_WHY_RC_AGB_MISSING:
		return jr_buf_printf(b, "%02d %s moet de eigen AGB-code (8 cijfers) meegeven en die "
					"ontbreekt. [regel 7 verwijzers; beleid "
					"referrers[%02d].agb = required]",
				     r->referrer_type, name, r->referrer_type);
	case JR_WHY_RC_AGB_FORBIDDEN:
		return jr_buf_printf(b, "Bij verwijzer %02d %s blijft de AGB-code leeg (iJw COD327). "
					"[regel 7 verwijzers; beleid referrers[%02d].agb = none]",
				     r->referrer_type, name, r->referrer_type);
	case JR_WHY_RC_UNKNOWN:
		return jr_buf_printf(b, "Verwijzer %02d komt niet voor in het beleid van regio %s. "
					"[regel 7 verwijzers]",
				     r->referrer_type, p->name);
	default:
		break;
	}
	return err;
}

enum jr_err jr_why_responsible(struct jr_buf *b, const struct jr_answer *a)
{
	const struct jr_policy *p = a->policy;
	const struct jr_request *r = a->request;
	const struct jr_municipality *brp;
	char since[JR_DATE_STRLEN];
	enum jr_err err;

	if (a->responsible_why != JR_WHY_RESP_BEFORE_STAY || !a->stay)
		return jr_buf_printf(b, "Gemeente %s is verantwoordelijk: daar woont het kind "
					"volgens de BRP. [regel 13 woonplaatsbeginsel; art. 1.1 "
					"Jeugdwet]",
				     a->municipality->name);
	/* the municipality of the BRP may lie in another region: named by code when this policy
	 * does not hold it */
	brp = jr_policy_municipality(p, r->municipality);
	jr_date_format(a->stay->start, since);
	err = jr_buf_printf(b, "Gemeente %s is verantwoordelijk: het kind verblijft sinds %s in "
			       "jeugdhulp met verblijf (vorm %d, %s) en woonde vlak vóór dat "
			       "verblijf in %s.",
			    a->municipality->name, since, a->stay->form,
			    p->forms[a->stay->form].name, a->municipality->name);
	if (!err && brp && brp != a->municipality)
		err = jr_buf_printf(b, " Dat het kind nu volgens de BRP in %s woont, verandert dat "
				       "niet.", brp->name);
	else if (!err && !brp)
		err = jr_buf_printf(b, " Dat het kind nu volgens de BRP in gemeente %s woont, buiten "
				       "regio %s, verandert dat niet.", r->municipality, p->name);
	if (!err)
		err = jr_buf_printf(b, " Het beleid van regio %s geldt. [regel 13 woonplaatsbeginsel: "
				       "woonplaats vóór het verblijf, art. 1.1 Jeugdwet; beleid "
				       "forms[%d].setting = %s]",
				    p->name, a->stay->form - 1,
				    jr_setting_name(p->forms[a->stay->form].setting));
	return err;
}
