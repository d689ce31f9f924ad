/* course: help-request steps and allocation rules (see course.h). */
#include "core/course.h"
#include "core/rules.h"

#include <string.h>

static const char *const state_names[JR_HR_STATE_COUNT][2] = {
	[JR_HR_REGISTERED] = {"registered", "aangemeld"},
	[JR_HR_ANALYSED] = {"analysed", "geanalyseerd"},
	[JR_HR_PLANNED] = {"planned", "plan gemaakt"},
	[JR_HR_IN_CARE] = {"in_care", "in zorg"},
	[JR_HR_EVALUATED] = {"evaluated", "geëvalueerd"},
	[JR_HR_CLOSED] = {"closed", "afgesloten"},
	[JR_HR_WITHDRAWN] = {"withdrawn", "ingetrokken"},
};

const char *jr_hr_state_name(enum jr_hr_state s)
{
	return (unsigned)s < JR_HR_STATE_COUNT ? state_names[s][0] : NULL;
}

const char *jr_hr_state_label(enum jr_hr_state s)
{
	return (unsigned)s < JR_HR_STATE_COUNT ? state_names[s][1] : NULL;
}

int jr_hr_state_parse(const char *s)
{
	for (int i = 0; i < JR_HR_STATE_COUNT; i++)
		if (strcmp(state_names[i][0], s) == 0)
			return i;
	return -1;
}

int jr_hr_state_next(enum jr_hr_state s)
{
	return (unsigned)s < JR_HR_CLOSED ? (int)s + 1 : -1;
}

/* A name the records hold and its Dutch label, in one table per vocabulary below. */
struct word {
	const char *name;
	const char *label;
};

static const char *label_in(const char *const *names, const char *const *labels,
			    const char *name)
{
	for (size_t i = 0; name && names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return labels[i];
	return NULL;
}

const char *const jr_raisers[] = {"family", "child",	    "school",	    "childcare",
				  "gp",	    "youth_health", "police",	    "veilig_thuis",
				  "local_team", "gi",	    "other",	    NULL};
static const char *const raiser_labels[] = {
	"Het gezin",	     "De jeugdige zelf", "School",	   "Kinderopvang",
	"Huisarts",	     "Jeugdgezondheidszorg", "Politie",	   "Veilig Thuis",
	"Lokaal team",	     "Gecertificeerde instelling", "Anders", NULL};

const char *jr_raiser_label(const char *name)
{
	return label_in(jr_raisers, raiser_labels, name);
}

const char *const jr_goals_reached[] = {"yes", "partly", "no", NULL};
static const char *const goals_reached_labels[] = {"Ja", "Gedeeltelijk", "Nee", NULL};

const char *jr_goals_reached_label(const char *name)
{
	return label_in(jr_goals_reached, goals_reached_labels, name);
}

const char *const jr_evaluation_kinds[] = {"interim", "closing", NULL};
static const char *const evaluation_kind_labels[] = {"Tussentijdse evaluatie", "Eindevaluatie",
						     NULL};

const char *jr_evaluation_kind_label(const char *name)
{
	return label_in(jr_evaluation_kinds, evaluation_kind_labels, name);
}

static const struct word provider_status_names[JR_PROVIDER_STATUS_COUNT] = {
	[JR_PROVIDER_ACTIVE] = {"active", "actief"},
	[JR_PROVIDER_SUSPENDED] = {"suspended", "geschorst"},
	[JR_PROVIDER_UNDER_INVESTIGATION] = {"under_investigation", "in onderzoek"},
};

const char *jr_provider_status_name(enum jr_provider_status s)
{
	return (unsigned)s < JR_PROVIDER_STATUS_COUNT ? provider_status_names[s].name : NULL;
}

const char *jr_provider_status_label(enum jr_provider_status s)
{
	return (unsigned)s < JR_PROVIDER_STATUS_COUNT ? provider_status_names[s].label : NULL;
}

int jr_provider_status_parse(const char *s)
{
	for (int i = 0; i < JR_PROVIDER_STATUS_COUNT; i++)
		if (strcmp(provider_status_names[i].name, s) == 0)
			return i;
	return -1;
}

static enum jr_err refuse(const char **why, const char *text)
{
	*why = text;
	return JR_ERR_REFUSED;
}

enum jr_err jr_course_can_move(const struct jr_course_facts *f, enum jr_hr_state to,
			       const char **why)
{
	*why = NULL;
	if (f->state == JR_HR_CLOSED || f->state == JR_HR_WITHDRAWN)
		return refuse(why, "de hulpvraag is al afgesloten of ingetrokken; registreer een "
				   "nieuwe hulpvraag [verloop]");
	if (to == JR_HR_WITHDRAWN)
		return JR_OK; /* an open request can always be withdrawn */
	/* settled without youth care (issue 16, docs/figures.md): the plan needed no allocation —
	 * the local team's own help or the social base was enough — and the request is closed */
	if (to == JR_HR_CLOSED && f->state == JR_HR_PLANNED && f->allocations == 0)
		return JR_OK;
	if ((unsigned)to >= JR_HR_STATE_COUNT || (int)to != jr_hr_state_next(f->state))
		return refuse(why, "deze stap volgt niet op de huidige: aangemeld, geanalyseerd, "
				   "plan gemaakt, in zorg, geëvalueerd, afgesloten [verloop]");
	switch (to) {
	case JR_HR_ANALYSED:
		if (!f->broad_analysis)
			return refuse(why, "eerst de brede verklarende analyse vastleggen, samen met "
					   "het gezin [verloop; regel 8 brede analyse eerst]");
		return JR_OK;
	case JR_HR_PLANNED:
		if (f->goals < 1)
			return refuse(why, "het plan heeft nog geen doel: leg minstens één te bereiken "
					   "resultaat vast, in de woorden van het gezin [verloop]");
		if (!f->light_options_weighed)
			return refuse(why, "leg eerst het routeadvies vast en per lichte optie of "
					   "die geprobeerd is of waarom die niet volstaat [verloop; "
					   "zo licht als mogelijk]");
		return JR_OK;
	case JR_HR_IN_CARE:
		if (f->care_started < 1)
			return refuse(why, "er is nog geen zorg gestart op een toewijzing [verloop]");
		return JR_OK;
	case JR_HR_EVALUATED:
		if (f->care_running > 0)
			return refuse(why, "er loopt nog zorg; stop die eerst [verloop]");
		if (f->outcomes_missing > 0)
			return refuse(why, "van beëindigde zorg ontbreekt de uitkomst (doelen bereikt, "
					   "verder zonder hulp, tevredenheid) [verloop; "
					   "outcome-indicatoren]");
		return JR_OK;
	case JR_HR_CLOSED:
	case JR_HR_REGISTERED:
	case JR_HR_WITHDRAWN:
	case JR_HR_STATE_COUNT:
		break;
	}
	return JR_OK;
}

/* A refusal about request field `name` (NULL: the case as a whole). */
static enum jr_err refuse_field(const char **why, const char **field, const char *name,
				const char *text)
{
	*field = name;
	return refuse(why, text);
}

unsigned jr_allocation_fields(const struct jr_policy *p, int form, enum jr_regime regime,
			      bool under_measure)
{
	if (form < 1 || form > JR_FORM_COUNT || p->forms[form].contracting != JR_CONTRACTING_LOCAL)
		return JR_AF_END;
	switch (regime) {
	case JR_REGIME_RESULT:
		return JR_AF_RESULT | JR_AF_INTENSITY | JR_AF_END;
	case JR_REGIME_PRODUCT:
		return JR_AF_PRODUCT_CODE | JR_AF_VOLUME | JR_AF_UNIT | JR_AF_FREQUENCY | JR_AF_END;
	case JR_REGIME_GENERIC:
		/* care under a court measure ends with the measure (docs/routing.md) */
		return under_measure ? JR_AF_END : 0;
	case JR_REGIME_COUNT:
		break;
	}
	return JR_AF_END;
}

/* The first field given that the regime does not ask (`fields`), else NULL. */
static const char *foreign_field(unsigned fields, const struct jr_allocation_facts *a)
{
	if (!(fields & JR_AF_RESULT) && a->result_description)
		return "result";
	if (!(fields & JR_AF_INTENSITY) && a->intensity)
		return "intensity";
	if (!(fields & JR_AF_PRODUCT_CODE) && a->product_code)
		return "product_code";
	if (!(fields & JR_AF_VOLUME) && a->volume)
		return "volume";
	if (!(fields & (JR_AF_UNIT | JR_AF_FREQUENCY)) && a->unit_or_frequency)
		return "unit";
	return NULL;
}

enum jr_err jr_allocation_check(const struct jr_policy *p, const struct jr_allocation_facts *a,
				const char **why, const char **field)
{
	const struct jr_form *form;
	const char *foreign;

	*why = NULL;
	*field = NULL;
	if (a->form < 1 || a->form > JR_FORM_COUNT)
		return refuse_field(why, field, "form",
				    "geen vorm van jeugdhulp (1 tot en met 10) [toewijzing]");
	form = &p->forms[a->form];
	if (!a->provider_known)
		return refuse_field(why, field, "provider_id",
				    "onbekende zorgaanbieder [toewijzing; betrouwbare aanbieders]");
	if (a->provider_status == JR_PROVIDER_SUSPENDED)
		return refuse_field(why, field, "provider_id",
				    "de zorgaanbieder is geschorst: er wordt niet aan toegewezen "
				    "[toewijzing; betrouwbare aanbieders]");
	if (!a->contract_covers)
		return refuse_field(why, field, "provider_id",
				    "de zorgaanbieder heeft geen contract voor deze vorm, gemeente en "
				    "datum [toewijzing; regel 6 contractering]");
	/* the GI carries out the judge's measure (Jeugdwet, chapter 3); the municipality does not
	 * choose it as a provider of youth care */
	if (a->provider_gi && a->measure == JR_MEASURE_NONE &&
	    !(a->referral_valid && a->referrer_type == 8))
		return refuse_field(why, field, "provider_id",
				    "een gecertificeerde instelling voert een maatregel van de "
				    "kinderrechter uit en krijgt alleen onder die maatregel of op "
				    "verwijzing van de rechter een toewijzing; kies een "
				    "gecontracteerde zorgaanbieder [toewijzing; regel 5 kaders]");
	if (!a->referral_valid && !a->municipal_decision)
		return refuse_field(why, field, "referral_id",
				    "er is geen geldige verwijzing en geen besluit van de gemeente "
				    "[toewijzing; regel 7 verwijzers]");
	/* the analysis first is the municipal route's working agreement: a court measure or the
	 * valid referral of a GP, youth doctor or medical specialist does not wait for it (rule 8,
	 * core/rules.h) */
	if (!a->broad_analysis && a->form >= p->norms.broad_analysis_from_form &&
	    a->measure == JR_MEASURE_NONE &&
	    !(a->referral_valid && jr_referrer_legal_route(a->referrer_type)))
		return refuse(why, "voor deze vorm is op de gemeentelijke route eerst een brede "
				   "verklarende analyse nodig (een verwijzing door huisarts, jeugdarts "
				   "of medisch specialist, of een maatregel, wacht er niet op) "
				   "[toewijzing; regel 8 brede analyse eerst]");
	/* principle 8: under an OTS the parents keep custody; a stay away from home needs the
	 * judge's machtiging uithuisplaatsing (art. 1:265b BW), in force when the stay starts */
	if (jr_measure_is_ots(a->measure) && form->setting == JR_SETTING_OUT_OF_HOME &&
	    !(a->authorisations & JR_AUTH_BIT(JR_AUTH_UITHUISPLAATSING)))
		return refuse(why, "verblijf buiten huis onder een ondertoezichtstelling vraagt een "
				   "machtiging uithuisplaatsing van de kinderrechter die op de "
				   "begindatum geldt; leg die eerst vast (care authorise) [toewijzing; "
				   "regel 5 kaders, art. 1:265b BW]");
	if (a->has_end_date && a->end < a->start)
		return refuse_field(why, field, "end",
				    "de einddatum ligt vóór de begindatum [toewijzing]");
	if (form->contracting != JR_CONTRACTING_LOCAL)
		return JR_OK;
	if ((foreign = foreign_field(jr_allocation_fields(p, a->form, a->regime, true), a)))
		return refuse_field(why, field, foreign,
				    a->regime == JR_REGIME_RESULT
					? "resultaatgericht: de gemeente koopt resultaten in; geef "
					  "geen productcode, omvang, eenheid of frequentie "
					  "[toewijzing; regel 6 contractering, regime result]"
				    : a->regime == JR_REGIME_PRODUCT
					? "productgericht: de gemeente koopt producten in; geef geen "
					  "resultaat of intensiteit [toewijzing; regel 6 "
					  "contractering, regime product]"
					: "generieke verwijzing: zonder product, resultaat, "
					  "intensiteit, omvang, eenheid of frequentie [toewijzing; regel 6 "
					  "contractering, regime generic]");
	switch (a->regime) {
	case JR_REGIME_RESULT:
		if (!a->result_description)
			return refuse_field(why, field, "result",
					    "resultaatgericht: beschrijf het te bereiken resultaat "
					    "[toewijzing; regel 6 contractering, regime result]");
		if (a->intensity < 1 || a->intensity > 4)
			return refuse_field(why, field, "intensity",
					    "resultaatgericht: kies een intensiteit OB1 tot en met "
					    "OB4 [toewijzing; regel 6 contractering, regime result]");
		break;
	case JR_REGIME_PRODUCT:
		if (!a->product_code || a->volume < 1)
			return refuse_field(why, field, !a->product_code ? "product_code" : "volume",
					    "productgericht: geef productcode, omvang en frequentie "
					    "[toewijzing; regel 6 contractering, regime product]");
		if (!a->product_listed)
			return refuse_field(why, field, "product_code",
					    "productgericht: deze productcode staat niet in het "
					    "contract van de zorgaanbieder voor deze vorm en gemeente "
					    "[toewijzing; regel 6 contractering, regime product]");
		break;
	case JR_REGIME_GENERIC:
		/* the open end is the municipal route's: care under a court measure ends with the
		 * measure, so the GI's allocation keeps its end date (docs/routing.md) */
		if (a->has_end_date && a->measure == JR_MEASURE_NONE)
			return refuse_field(why, field, "end",
					    "generieke verwijzing: zonder product, en zonder einddatum "
					    "tenzij de zorg binnen een kinderbeschermingsmaatregel of "
					    "jeugdreclassering valt [toewijzing; regel 6 contractering, "
					    "regime generic]");
		break;
	case JR_REGIME_COUNT:
		break;
	}
	return JR_OK;
}

bool jr_allocation_last_day(const struct jr_allocation_period *a, jr_day *last)
{
	if (a->stopped && (!a->has_end || a->stopped_on < a->end)) {
		*last = a->stopped_on;
		return true;
	}
	*last = a->end;
	return a->has_end;
}

bool jr_allocation_overlaps(const struct jr_allocation_period *a,
			    const struct jr_allocation_period *b)
{
	jr_day a_last, b_last;

	if (a->withdrawn || b->withdrawn || a->form != b->form)
		return false;
	if (a->product_code[0] && b->product_code[0] && strcmp(a->product_code, b->product_code))
		return false;
	if (jr_allocation_last_day(a, &a_last) && a_last < b->start)
		return false;
	return !(jr_allocation_last_day(b, &b_last) && b_last < a->start);
}

const char *const jr_end_reasons[] = {"02", "20", "31", "32", "33", "34", "35",
				      "36", "37", "38", "39", NULL};

const char *const jr_change_reasons[] = {"02", "03", "04", "05", "06", "07", "08",
					 "09", "10", "11", "12", "13", "14", NULL};

bool jr_change_reason_known(const char *code)
{
	for (size_t i = 0; code && jr_change_reasons[i]; i++)
		if (strcmp(jr_change_reasons[i], code) == 0)
			return true;
	return false;
}

/* A child-protection measure: over the child's custody, ending at its majority. */
static bool protects_minor(enum jr_measure k)
{
	return k == JR_MEASURE_OTS || k == JR_MEASURE_VOORLOPIGE_OTS || k == JR_MEASURE_VOOGDIJ;
}

const char *jr_measure_term_check_field(const struct jr_measure_term *m, const char **field)
{
	*field = "end";
	if (m->has_end && m->end < m->start)
		return "de einddatum ligt vóór de start";
	if (m->birth_date) {
		jr_day adult = jr_date_add_years(m->birth_date, JR_MAJORITY_AGE);

		*field = "start";
		if (m->start < m->birth_date)
			return "de maatregel begint vóór de geboortedatum van het kind";
		if (protects_minor(m->kind) && m->start >= adult)
			return "een kinderbeschermingsmaatregel geldt alleen voor een minderjarige: het "
			       "kind is op de startdatum 18 jaar of ouder (art. 1:233 BW)";
		if (m->kind == JR_MEASURE_JEUGDRECLASSERING &&
		    m->start < jr_date_add_years(m->birth_date, JR_JEUGDRECLASSERING_MIN_AGE))
			return "jeugdreclassering geldt voor jongeren van 12 jaar en ouder: het kind is "
			       "op de startdatum jonger dan 12";
		*field = "end";
		if (protects_minor(m->kind) && m->has_end && m->end > adult)
			return "een kinderbeschermingsmaatregel eindigt uiterlijk op de 18e verjaardag "
			       "van het kind (art. 1:233 BW): de einddatum ligt later";
	}
	*field = "end";
	if (m->kind == JR_MEASURE_OTS) {
		if (!m->has_end)
			return "de kinderrechter spreekt een ondertoezichtstelling uit voor ten hoogste "
			       "een jaar (art. 1:258 BW): geef de einddatum";
		if (m->end > jr_date_add_years(m->start, JR_COURT_TERM_YEARS))
			return "een ondertoezichtstelling duurt per uitspraak ten hoogste een jaar (art. "
			       "1:258 BW): de einddatum ligt later dan een jaar na de start; een langere "
			       "duur is een verlenging (art. 1:260 BW)";
		return NULL;
	}
	if (m->kind != JR_MEASURE_VOORLOPIGE_OTS)
		return NULL;
	if (!m->has_end)
		return "een voorlopige ondertoezichtstelling duurt ten hoogste drie maanden (art. 1:257 "
		       "BW): geef de einddatum";
	if (m->end > jr_date_add_months(m->start, JR_PROVISIONAL_OTS_MONTHS))
		return "een voorlopige ondertoezichtstelling duurt ten hoogste drie maanden (art. 1:257 "
		       "BW): de einddatum ligt later dan drie maanden na de start";
	return NULL;
}

const char *jr_measure_term_check(const struct jr_measure_term *m)
{
	const char *field;

	return jr_measure_term_check_field(m, &field);
}

const char *jr_measure_extension_check(const struct jr_measure_term *m, jr_day court_date,
				       jr_day new_end, const char **field)
{
	*field = "end";
	if (!m->has_end)
		return "de maatregel heeft geen einddatum: er valt niets te verlengen";
	if (new_end <= m->end)
		return "de nieuwe einddatum ligt niet na de huidige einddatum van de maatregel";
	if (m->kind == JR_MEASURE_VOORLOPIGE_OTS &&
	    new_end > jr_date_add_months(m->start, JR_PROVISIONAL_OTS_MONTHS))
		return "een voorlopige ondertoezichtstelling duurt ten hoogste drie maanden (art. 1:257 "
		       "BW) en wordt niet verder verlengd: de kinderrechter beslist over een "
		       "ondertoezichtstelling";
	if (m->kind == JR_MEASURE_OTS && new_end > jr_date_add_years(m->end, JR_COURT_TERM_YEARS))
		return "de kinderrechter verlengt een ondertoezichtstelling telkens met ten hoogste "
		       "een jaar (art. 1:260 BW)";
	if (m->birth_date && protects_minor(m->kind) &&
	    new_end > jr_date_add_years(m->birth_date, JR_MAJORITY_AGE))
		return "een kinderbeschermingsmaatregel eindigt uiterlijk op de 18e verjaardag van "
		       "het kind (art. 1:233 BW): de nieuwe einddatum ligt later";
	*field = "court_date";
	if (court_date > m->end)
		return "de maatregel was al afgelopen op de dag van de beslissing: een verlopen "
		       "maatregel wordt niet verlengd, de kinderrechter spreekt een nieuwe uit";
	return NULL;
}

const char *jr_authorisation_check(const struct jr_measure_term *m, enum jr_authorisation kind,
				   jr_day start, bool has_end, jr_day end, const char **field)
{
	*field = "kind";
	if (kind == JR_AUTH_UITHUISPLAATSING && !jr_measure_is_ots(m->kind))
		return "een machtiging uithuisplaatsing hoort bij een ondertoezichtstelling (art. "
		       "1:265b BW); deze maatregel is er geen";
	if (kind == JR_AUTH_GESLOTEN && m->kind == JR_MEASURE_MACHTIGING_GESLOTEN)
		return "deze maatregel is zelf al een machtiging gesloten jeugdhulp";
	*field = "start";
	if (start < m->start)
		return "de machtiging begint vóór de maatregel";
	if (m->has_end && start > m->end)
		return "de machtiging begint na het einde van de maatregel";
	*field = "end";
	if (!has_end)
		return "een machtiging van de kinderrechter geldt voor een bepaalde tijd: geef de "
		       "einddatum";
	if (end < start)
		return "de einddatum ligt vóór de start";
	if (end > jr_date_add_years(start, JR_COURT_TERM_YEARS))
		return kind == JR_AUTH_UITHUISPLAATSING
			       ? "een machtiging uithuisplaatsing geldt ten hoogste een jaar (art. "
				 "1:265c BW)"
			       : "een machtiging gesloten jeugdhulp geldt ten hoogste een jaar (art. "
				 "6.1.12 Jeugdwet)";
	if (m->has_end && end > m->end)
		return "de machtiging loopt niet langer dan de maatregel waar hij bij hoort";
	return NULL;
}
