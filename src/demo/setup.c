/* setup: what a demo region stands on before its families come — providers with their
 * contracts, the organisations (local teams, GP practices, youth health care, hospital, GI,
 * regional office), the social map of every municipality, the demo's coordinators, and the
 * accounts of --logins ja. The records are written through records.c; users through the app
 * layer (app/accounts.h), which checks that each role fits its organisation. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/accounts.h"
#include "app/contract.h"
#include "app/password.h"
#include "core/alloc.h"
#include "demo/demo_internal.h"

/* A user through the app layer (the role must fit the organisation), counted. */
static enum jr_err account_add(struct jr_demo *d, const char *name, const char *role, int64_t org,
                               const char *password, int64_t *id)
{
	enum jr_err err = jr_app_user_add(&d->app, name, role, org, password, id);

	if (!err)
		d->n.users++;
	return err;
}

/* A user with a random password nobody is told: demo coordinators, not accounts to log in with. */
static enum jr_err user_add(struct jr_demo *d, const char *name, const char *role, int64_t org,
                            int64_t *id)
{
	unsigned char raw[16];
	char password[2 * sizeof(raw) + 1];
	enum jr_err err;

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(password, sizeof(password), raw, sizeof(raw));
	err = account_add(d, name, role, org, password, id);
	sodium_memzero(password, sizeof(password));
	sodium_memzero(raw, sizeof(raw));
	return err;
}

/* Providers: local ambulant help (forms 1-4), contracted per municipality, for municipalities
 * with a result or product regime; one main provider for those with a generic regime; regional
 * providers for forms 5-9 and the certified institutions (GI) for form 10, contracted for the
 * whole region by the regional body. All names are invented. `reach` 0 = every municipality,
 * else a window of that many. */
struct provider_spec {
	const char *name;
	unsigned forms;
	int reach;
	bool regional;
	enum jr_provider_status status;
	bool suspend_at_end;
	bool gi;
};
static const struct provider_spec provider_specs[] = {
    {"Jeugdhulp Esrand (demo)", F(1) | F(2), 0, false, JR_PROVIDER_ACTIVE, false, false},
    {"Gezinsbegeleiding Hooiland (demo)", F(1) | F(2) | F(3), 0, false, JR_PROVIDER_ACTIVE, false,
     false},
    {"Kind en Gezin Kampweide (demo)", F(2) | F(3), 0, false, JR_PROVIDER_ACTIVE, false, false},
    {"Praktijk Molenbeek (demo)", F(3) | F(4), 0, false, JR_PROVIDER_ACTIVE, false, false},
    {"Jeugd-ggz Lindehof (demo)", F(3) | F(4), 0, false, JR_PROVIDER_ACTIVE, false, false},
    {"Behandelcentrum Zwanenkate (demo)", F(4), 0, false, JR_PROVIDER_ACTIVE, false, false},
    {"Thuisbegeleiding Dinkeloord (demo)", F(1) | F(2), 5, false, JR_PROVIDER_ACTIVE, false, false},
    {"Ambulant Team Haverkamp (demo)", F(2) | F(3), 5, false, JR_PROVIDER_UNDER_INVESTIGATION,
     false, false},
    {"Opvoedpraktijk Lemselink (demo)", F(1) | F(2) | F(3), 4, false, JR_PROVIDER_ACTIVE, false,
     false},
    {"Orthopedagogisch Centrum Brammelborg (demo)", F(3), 6, false, JR_PROVIDER_ACTIVE, false,
     false},
    {"Jeugdpsychologen Twikkelhoeve (demo)", F(3) | F(4), 5, false, JR_PROVIDER_ACTIVE, false,
     false},
    {"Gezinscoaching Oostelwier (demo)", F(1) | F(2), 4, false, JR_PROVIDER_ACTIVE, false, false},
    {"Leerhulp Tubbenloo (demo)", F(2) | F(3), 4, false, JR_PROVIDER_UNDER_INVESTIGATION, false,
     false},
    {"Kinderpraktijk Weustenborg (demo)", F(3) | F(4), 5, false, JR_PROVIDER_ACTIVE, false, false},
    {"Zorgboerderij Kolkershoeve (demo)", F(2) | F(3), 3, false, JR_PROVIDER_ACTIVE, true, false},
    {"Autismecentrum Hooikate (demo)", F(3) | F(4), 6, false, JR_PROVIDER_ACTIVE, false, false},
    {"Gezinshulp Esloo (demo)", F(1) | F(2), 5, false, JR_PROVIDER_ACTIVE, false, false},
    {"Jongerencoach Rouwink (demo)", F(2), 4, false, JR_PROVIDER_ACTIVE, false, false},
    {"Traumapraktijk Dinkelwier (demo)", F(4), 5, false, JR_PROVIDER_ACTIVE, false, false},
    {"Dagbehandeling Haverborg (demo)", F(3) | F(4), 4, false, JR_PROVIDER_ACTIVE, false, false},
    {"Verblijfsgroepen Oostel (demo)", F(5) | F(7), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"Gezinshuizen Twikkelhof (demo)", F(5) | F(6), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"Pleegzorg Zwanenbeek (demo)", F(6), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"Pleegzorg Esrandhoeve (demo)", F(6), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"Behandelgroep Kolkbeek (demo)", F(7), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"Crisisdienst Lutterkamp (demo)", F(8), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"Crisisopvang Lemselhof (demo)", F(5) | F(8), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"JeugdzorgPlus Sleeuwier (demo)", F(9), 0, true, JR_PROVIDER_ACTIVE, false, false},
    {"Gecertificeerde Instelling Bolderbrink (demo)", F(10), 0, true, JR_PROVIDER_ACTIVE, false,
     true},
    {"Jeugdbescherming Grietkamp (demo)", F(10), 0, true, JR_PROVIDER_ACTIVE, false, true},
};
#define MAIN_PROVIDER_NAME "Hoofdaanbieder Meulenbeek (demo)"

const int64_t jr_demo_result_tariffs[5] = {0, 180000, 360000, 650000, 1100000};

void jr_demo_contract_tariff(unsigned forms, int64_t *cents, const char **unit, int *capacity)
{
	if (forms & (F(8) | F(9))) {
		*cents = 45000;
		*unit = "etmaal";
		*capacity = 25;
	} else if (forms & F(10)) {
		*cents = 160000;
		*unit = "maand";
		*capacity = 400;
	} else if (forms & (F(5) | F(6) | F(7))) {
		*cents = forms == F(6) ? 5500 : 26000;
		*unit = "etmaal";
		*capacity = 120;
	} else {
		*cents = 7800;
		*unit = "uur";
		*capacity = 300;
	}
}

/* A contract of a provider: one municipality (code) or the whole region (""). */
static enum jr_err contract_add(struct jr_demo *d, const struct demo_provider *pr, const char *code,
                                unsigned forms, enum jr_regime regime)
{
	struct jr_contract c;
	const char *unit;
	size_t at = 0;
	enum jr_err err;

	memset(&c, 0, sizeof(c));
	c.provider_id = pr->rec.id;
	snprintf(c.region, sizeof(c.region), "%s", d->p->id);
	snprintf(c.municipality, sizeof(c.municipality), "%s", code);
	c.forms = forms;
	c.start = d->contract_start;
	if (regime == JR_REGIME_PRODUCT)
		for (int f = 1; f <= JR_FORM_COUNT; f++)
			if (forms & F(f)) {
				int w =
				    snprintf(c.product_codes + at, sizeof(c.product_codes) - at,
				             "%s%sA0%d", at ? "," : "", d->p->forms[f].jz020, f);
				if (w > 0 && (size_t)w < sizeof(c.product_codes) - at)
					at += (size_t)w;
			}
	jr_demo_contract_tariff(forms, &c.tariff_cents, &unit, &c.capacity);
	snprintf(c.unit, sizeof(c.unit), "%s", unit);
	if ((err = jr_demo_contract_add(d, &c)))
		return err;
	/* issue 16: a municipality's result regime pays per result (OB1..OB4), one price per
	 * trajectory, so that the monitor's expected costs mean something */
	if (regime == JR_REGIME_RESULT && code[0])
		for (int level = 1; level <= 4; level++) {
			struct jr_tariff t = {.contract_id = c.id, .level = level,
					      .amount_cents = jr_demo_result_tariffs[level],
					      .valid_from = d->contract_start};
			snprintf(t.unit, sizeof(t.unit), "stuks");
			if ((err = jr_app_tariff_add(&d->app, &t)))
				return err;
		}
	return JR_OK;
}

/* The forms a policy contracts locally (by the municipality) or regionally. */
static unsigned forms_contracted(const struct jr_policy *p, enum jr_contracting c)
{
	unsigned mask = 0;
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		if (p->forms[f].contracting == c)
			mask |= F(f);
	return mask;
}

/* The region's largest municipality: where the demo seats the organisations that work for the
 * whole region (the regional office, the GI, the provider of the logins), so that their users see
 * their own region's words and figures — not every region's — when a server holds two. */
static const struct demo_muni *largest_municipality(const struct jr_demo *d)
{
	const struct demo_muni *seat = &d->munis[0];

	for (size_t i = 1; i < d->muni_count; i++)
		if (d->munis[i].population > seat->population)
			seat = &d->munis[i];
	return seat;
}

static enum jr_err setup_providers(struct jr_demo *d)
{
	const unsigned local = forms_contracted(d->p, JR_CONTRACTING_LOCAL);
	const unsigned regional = forms_contracted(d->p, JR_CONTRACTING_REGIONAL);
	bool any_generic = false, any_other = false;
	struct demo_provider *pr;
	enum jr_err err;
	size_t spec_no = 0;

	for (size_t i = 0; i < d->muni_count; i++) {
		if (d->munis[i].pm->regime == JR_REGIME_GENERIC)
			any_generic = true;
		else
			any_other = true;
	}
	/* The generic regime: one main provider for all local forms. */
	if (any_generic && local) {
		if ((err = jr_demo_provider_add(d, MAIN_PROVIDER_NAME, local, JR_PROVIDER_ACTIVE,
		                                &pr)))
			return err;
		for (size_t i = 0; i < d->muni_count; i++)
			if (d->munis[i].pm->regime == JR_REGIME_GENERIC) {
				pr->munis |= UINT64_C(1) << i;
				if ((err = contract_add(d, pr, d->munis[i].pm->code, local,
				                        JR_REGIME_GENERIC)))
					return err;
			}
	}
	for (size_t s = 0; s < sizeof(provider_specs) / sizeof(provider_specs[0]); s++) {
		const struct provider_spec *sp = &provider_specs[s];
		unsigned forms = sp->forms & (sp->regional ? regional : local);
		if (!forms || (!sp->regional && !any_other))
			continue;
		if ((err = jr_demo_provider_add(d, sp->name, forms, sp->status, &pr)))
			return err;
		pr->regional = sp->regional;
		pr->suspend_at_end = sp->suspend_at_end;
		if (sp->gi &&
		    (err = jr_demo_org_add(d, "gi", sp->name, largest_municipality(d)->pm->code,
		                           pr->rec.agb, &pr->org_id)))
			return err;
		if (sp->regional) {
			if ((err = contract_add(d, pr, "", forms, JR_REGIME_RESULT)))
				return err;
			continue;
		}
		/* A window of municipalities (non-generic), starting at a spread-out place. */
		for (size_t k = 0, i = (spec_no * 3) % d->muni_count; k < d->muni_count;
		     k++, i = (i + 1) % d->muni_count) {
			const struct jr_municipality *m = d->munis[i].pm;
			if (m->regime == JR_REGIME_GENERIC)
				continue;
			if (sp->reach && __builtin_popcountll(pr->munis) >= sp->reach)
				break;
			pr->munis |= UINT64_C(1) << i;
			if ((err = contract_add(d, pr, m->code, forms, m->regime)))
				return err;
		}
		spec_no++;
	}
	return JR_OK;
}

/* What each kind of offer is, for the social map's description (enum jr_sb_category order, then
 * enum jr_nr_kind order): written for a consulent who looks for the lightest help. */
static const char *const sb_descriptions[JR_SB_COUNT] = {
    "Opvang voor baby's, peuters en schoolkinderen; op de peuteropvang spelenderwijs aandacht "
    "voor taal. Pedagogisch medewerkers zien zorgen vroeg en denken mee met ouders.",
    "Begeleiding op school door mentor en intern begeleider; het zorgteam bespreekt zorgen over "
    "leren, gedrag en verzuim samen met ouders en leerling.",
    "Sporten bij een vereniging in de buurt; de buurtsportcoach helpt kinderen die moeilijk "
    "aansluiten en regelt zo nodig een bijdrage uit het jeugdfonds.",
    "Wekelijkse opkomsten met buitenactiviteiten en kampen: samenwerken, zelfvertrouwen en "
    "vriendschappen in een vaste groep.",
    "Voorlezen, taalspelletjes en huiswerkhulp; voor ouders informatie over opvoeden, digitale "
    "vaardigheden en hulp bij lezen en schrijven.",
    "Muziekles en cultuur in de wijk, ook in kleine groepjes: meedoen en jezelf uiten zonder "
    "prestatiedruk.",
    "Jongerenwerkers op straat en in het jongerencentrum: een luisterend oor, activiteiten en "
    "hulp bij school, werk en vrije tijd.",
    "Een getrainde vrijwilliger komt wekelijks langs als maatje voor het kind of als steun voor "
    "het gezin, bijvoorbeeld Home-Start.",
    "Informatie en advies over opvoeden en opgroeien: online, telefonisch en op inloopochtenden, "
    "over slapen, eten, ruzie en puberteit.",
    "Consultatiebureau, jeugdarts en jeugdverpleegkundige volgen groei en ontwikkeling; vragen "
    "over gezondheid, slapen en gedrag zijn welkom.",
    "Opvoedspreekuur en oudercursussen zoals Positief Opvoeden voor ouders die vastlopen in de "
    "opvoeding.",
    "Het lokale team denkt mee bij vragen over opvoeden, geld, wonen en gezondheid en zoekt met "
    "het gezin de lichtste hulp die past.",
    "Voor- en vroegschoolse educatie voor peuters en kleuters met een taal- of "
    "ontwikkelingsachterstand, op de peuteropvang en de basisschool.",
};
static const char *const nr_descriptions[JR_NR_COUNT] = {
    "Themabijeenkomsten voor ouders en jongeren over scheiding, pesten, sociale media en stress.",
    "Cursussen en trainingen in een groep, bijvoorbeeld weerbaarheid, faalangst of omgaan met "
    "emoties.",
    "Een buddy van ongeveer dezelfde leeftijd die helpt om weer mee te doen op school en in de "
    "vrije tijd.",
    "Zelfhulpgroepen waarin ouders of jongeren ervaringen delen, begeleid door een getrainde "
    "vrijwilliger.",
    "Online hulp en apps met oefeningen; anoniem chatten met een hulpverlener.",
    "Ervaringsdeskundigen die zelf meemaakten wat het gezin doormaakt, en daarover het gesprek "
    "aangaan.",
};
static const char *const streets[] = {
    "Marktstraat", "Kerkstraat", "Stationsplein", "Schoolstraat", "Molenstraat", "Parkweg",
    "Wilhelminastraat", "Oranjestraat", "Dorpsstraat", "Julianalaan", "Beatrixstraat", "Hoofdstraat",
    "Veldweg",
};

/* `name` as a host name: lower-case letters and digits only, at most 30 of them. */
static void host_of(const char *name, char out[32])
{
	size_t n = 0;

	for (const char *p = name; *p && n < 30; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			out[n++] = *p;
		else if (*p >= 'A' && *p <= 'Z')
			out[n++] = (char)(*p - 'A' + 'a');
	out[n] = '\0';
}

/* The social map of one municipality: every social-base and no-referral offer of the policy, run
 * by an invented organisation, with what it is, the ages the policy gives it, a cost that fits
 * its category, an address in the municipality and a contact of its own. Most entries were
 * verified in the past year; a few not (the stale_social_map signal stands for them). Address,
 * phone, e-mail and website are made up and say so: a phone number of the demo's own range
 * (053-999 or 033-999), an e-mail address and a website under .example (RFC 2606); they come
 * from the offer's place in the list, not from the random stream, so that the rest of the
 * demo's draws stay as they were. */
static enum jr_err social_map(struct jr_demo *d, const struct demo_muni *m, size_t mi)
{
	bool amersfoort = strcmp(d->p->id, "amersfoort") == 0;
	struct jr_social_entry *e;
	char fam[64], host[32];
	enum jr_err err = JR_OK;

	if (!(e = jr_calloc(1, sizeof(*e))))
		return JR_ERR_NOMEM;
	for (size_t k = 0; !err && k < d->p->social_base_count + d->p->no_referral_count; k++) {
		bool base = k < d->p->social_base_count;
		const struct jr_offer *o =
		    base ? &d->p->social_base[k] : &d->p->no_referral[k - d->p->social_base_count];
		const char *category = base ? jr_sb_category_name((enum jr_sb_category)o->category)
		                            : jr_nr_kind_name((enum jr_nr_kind)o->category);
		unsigned serial = (unsigned)(mi * 37 + k * 11);
		memset(e, 0, sizeof(*e));
		if (base && o->category == JR_SB_LOCAL_TEAM)
			snprintf(e->organisation, sizeof(e->organisation), "Lokaal team %.80s",
			         m->pm->name);
		else if (base && o->category == JR_SB_JGZ)
			snprintf(e->organisation, sizeof(e->organisation), "%s",
			         d->youth_health_name);
		else
			snprintf(e->organisation, sizeof(e->organisation), "Stichting %s (demo)",
			         jr_demo_family_name(&d->rng, fam, sizeof(fam)));
		snprintf(e->service, sizeof(e->service), "%.100s", o->name);
		snprintf(e->location, sizeof(e->location), "%.80s, %s", m->pm->name,
		         rng_permille(&d->rng, 500) ? "centrum" : "wijkcentrum");
		memcpy(e->municipality, m->pm->code, sizeof(e->municipality));
		snprintf(e->categories, sizeof(e->categories), "%s", category ? category : "");
		e->needs = o->needs;
		/* the ages the policy says the offer serves */
		e->age_min = o->age_min;
		e->age_max = o->age_max;
		snprintf(e->cost, sizeof(e->cost), "%s",
		         base && o->category == JR_SB_CHILDCARE ? "inkomensafhankelijke bijdrage"
		         : base &&
		                 (o->category == JR_SB_SPORT || o->category == JR_SB_MUSIC_SCHOOL ||
		                  o->category == JR_SB_SCOUTING)
		             ? "contributie; bijdrage jeugdfonds mogelijk"
		             : "gratis");
		e->no_referral = true;
		snprintf(e->contact, sizeof(e->contact), "inloop op werkdagen van 9.00 tot 12.00 uur");
		snprintf(e->description, sizeof(e->description), "%s",
		         base && o->category >= 0 && o->category < JR_SB_COUNT
		             ? sb_descriptions[o->category]
		         : !base && o->category >= 0 && o->category < JR_NR_COUNT
		             ? nr_descriptions[o->category]
		             : "");
		snprintf(e->address, sizeof(e->address), "%s %u, %s%02u %c%c %.60s",
		         streets[serial % (sizeof(streets) / sizeof(streets[0]))], 1 + serial % 97,
		         amersfoort ? "38" : "75", serial * 7 % 100, 'A' + (int)(serial % 18),
		         'B' + (int)(k % 20), m->pm->name);
		snprintf(e->phone, sizeof(e->phone), "%s-999%04u", amersfoort ? "033" : "053",
		         serial % 10000);
		host_of(e->organisation, host);
		snprintf(e->email, sizeof(e->email), "info@%s.example", host);
		snprintf(e->website, sizeof(e->website), "https://www.%s.example", host);
		e->verified_on = d->today - (rng_permille(&d->rng, 40) ? rng_range(&d->rng, 400, 800)
		                                                       : rng_range(&d->rng, 0, 330));
		e->demo = true;
		err = jr_demo_social_add(d, e);
	}
	jr_free(e);
	return err;
}

enum jr_err jr_demo_setup(struct jr_demo *d)
{
	char name[JR_PERSON_NAME_MAX], agb[9], user[40], fam[64];
	int64_t gi_org = 0;
	const struct demo_muni *seat = largest_municipality(d);
	enum jr_err err;

	/* The GI worker first: its name marks this run as taken. */
	if ((err = setup_providers(d)))
		return err;
	for (size_t i = 0; i < d->provider_count; i++)
		if (d->providers[i].org_id && !gi_org)
			gi_org = d->providers[i].org_id;
	d->gi_org_id = gi_org;
	snprintf(user, sizeof(user), "demo%d-gi", d->run);
	if ((err = user_add(d, user, "gi", gi_org, &d->gi_user_id)))
		return err;
	if ((err = jr_demo_org_add(d, "regional_office",
	                           d->p->regional_body[0] ? d->p->regional_body
	                                                  : "Regionaal bureau (demo)",
	                           seat->pm->code, "", &d->office_id)) ||
	    (err = jr_demo_org_add(d, "expert_team", "Regionaal expertteam (demo)", "", "", NULL)))
		return err;
	jr_demo_agb_code(d, 98, d->agb_next++, d->youth_health_agb);
	snprintf(d->youth_health_name, sizeof(d->youth_health_name),
	         "Jeugdgezondheidszorg Twikkelbeek (demo)");
	jr_demo_agb_code(d, 98, d->agb_next++, d->hospital_agb);
	snprintf(d->hospital_name, sizeof(d->hospital_name), "Ziekenhuis Oostelhoeve (demo)");
	if ((err = jr_demo_org_add(d, "youth_health", d->youth_health_name, "", d->youth_health_agb,
	                           &d->youth_health_id)) ||
	    (err = jr_demo_org_add(d, "hospital", d->hospital_name, "", d->hospital_agb,
	                           &d->hospital_id)))
		return err;
	for (size_t i = 0; i < d->muni_count; i++) {
		struct demo_muni *m = &d->munis[i];
		snprintf(name, sizeof(name), "Lokaal team %.80s", m->pm->name);
		if ((err = jr_demo_org_add(d, "local_team", name, m->pm->code, "",
		                           &m->local_team_id)))
			return err;
		for (int g = 0; g < DEMO_GPS; g++) {
			jr_demo_agb_code(d, 98, d->agb_next++, agb);
			snprintf(m->gp_name[g], sizeof(m->gp_name[g]),
			         "Huisartsenpraktijk %s (demo)",
			         jr_demo_family_name(&d->rng, fam, sizeof(fam)));
			memcpy(m->gp_agb[g], agb, sizeof(agb));
			if ((err = jr_demo_org_add(d, "gp_practice", m->gp_name[g], m->pm->code,
			                           agb, &m->gp_org_id[g])))
				return err;
		}
		if ((err = social_map(d, m, i)))
			return err;
		snprintf(user, sizeof(user), "demo%d-%s", d->run, m->pm->code);
		if ((err = user_add(d, user, "consulent", m->local_team_id, &m->consulent_id)))
			return err;
	}
	return JR_OK;
}

/* The user name of a login: the role's word for the first load ("consulent"); for a later load
 * the word and the region ("consulent.amersfoort"), so that `make run`'s second region reads as
 * such; "demoN-consulent" when that name is taken already (a second load of the same region). */
static enum jr_err login_name(struct jr_demo *d, const char *word, char *out, size_t size)
{
	bool exists = false;
	enum jr_err err;

	if (!d->run) {
		snprintf(out, size, "%s", word);
		return JR_OK;
	}
	/* a user name has at most 32 characters: the region's id is cut to fit */
	snprintf(out, size, "%s.%.*s", word, (int)(32 - 1 - strlen(word)), d->p->id);
	if ((err = jr_app_user_exists(&d->app, out, &exists)))
		return err;
	if (exists)
		snprintf(out, size, "demo%d-%s", d->run, word);
	return JR_OK;
}

/* --logins ja: one account per role to log in with, in the organisations where the demo has
 * most to show — the local team of the largest municipality and a GP practice there, the GI,
 * the provider with the most allocations (as an organisation of its own), the regional office
 * for contract management and policy. The consulent takes over the families whose regie the
 * municipality's demo consulent held. The passwords come from JEUGDROUTE_DEMO_PASSWORD or are
 * made up, and are shown once in the summary: demo accounts for fictitious data only. */
enum jr_err jr_demo_make_logins(struct jr_demo *d)
{
	static const char *const names[JR_DEMO_LOGINS] = {
	    "consulent", "huisarts", "jeugdbescherming", "aanbieder", "contractbeheer", "beleid"};
	static const char *const roles[JR_DEMO_LOGINS] = {
	    "consulent", "verwijzer", "gi", "provider", "contract_manager", "policy"};
	const struct demo_muni *big = largest_municipality(d);
	const struct demo_provider *busy = NULL;
	char name[JR_PERSON_NAME_MAX];
	const char *password = d->password;
	int64_t provider_org = 0, id;
	enum jr_err err;

	for (size_t i = 0; i < d->provider_count; i++)
		if (!d->providers[i].org_id &&
		    (!busy || d->providers[i].allocations > busy->allocations))
			busy = &d->providers[i];
	if (busy) {
		snprintf(name, sizeof(name), "%.100s", busy->rec.name);
		if ((err = jr_demo_org_add(d, "provider", name, big->pm->code, busy->rec.agb,
		                           &provider_org)))
			return err;
	}
	{
		const int64_t orgs[JR_DEMO_LOGINS] = {big->local_team_id, big->gp_org_id[0],
		                                      d->gi_org_id,       provider_org,
		                                      d->office_id,       d->office_id};
		for (size_t i = 0; i < JR_DEMO_LOGINS; i++) {
			struct jr_demo_login *l = &d->login[i];
			if ((err = login_name(d, names[i], l->username, sizeof(l->username))))
				return err;
			l->role = roles[i];
			l->organisation_id = orgs[i];
			if (password)
				snprintf(l->password, sizeof(l->password), "%s", password);
			else
				jr_app_password(l->password, 17);
			if ((err = account_add(d, l->username, l->role, l->organisation_id,
			                       password ? password : l->password, &id)))
				return err;
			/* the consulent login holds the regie its municipality's demo consulent
			 * had, so that "my families" shows families */
			if (i == 0 && (err = jr_demo_hand_over(d, big->consulent_id, id)))
				return err;
			if (password)
				snprintf(l->password, sizeof(l->password),
				         "(JEUGDROUTE_DEMO_PASSWORD)");
		}
	}
	d->login_count = JR_DEMO_LOGINS;
	return JR_OK;
}
