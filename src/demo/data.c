/* data: the demo region's reference figures, fictitious names and texts, and the draws that
 * follow them (demo_internal.h). No records: only the generator.
 *
 * The mix follows the reference figures in ../shared/reference/domain/ (the .tsv files) (CBS
 * referrer mix and durations, out-of-home and measure shares, municipality sizes and youth-care
 * shares). */
#include <stdio.h>
#include <string.h>

#include "core/ident.h"
#include "demo/demo_internal.h"

/* ---------------------------------------------------------------------------------------------
 * Reference figures (../shared/reference/domain/ (the .tsv files))
 * ------------------------------------------------------------------------------------------- */

/* gemeenten.tsv: approximate population 2024 and, where given, the share of young people with
 * youth care (jeugdzorg_pct_lt23_H1_2021, in permille; "~5.0-5.5" taken as 52). 0 = not given:
 * the region's default below. */
struct muni_ref {
	const char *code;
	int population;
	int care_permille;
};
static const struct muni_ref muni_refs[] = {
    {"0141", 74000, 99},  {"0147", 24300, 0}, {"1774", 26500, 52}, {"0153", 161000, 83},
    {"0158", 24400, 0},   {"0163", 36700, 0}, {"0164", 81544, 92}, {"1735", 35300, 0},
    {"0168", 22900, 0},   {"0173", 31900, 0}, {"1742", 38900, 89}, {"0183", 21600, 52},
    {"1700", 34000, 89},  {"0189", 25000, 0}, {"0307", 161000, 0}, {"0308", 25000, 0},
    {"0313", 22500, 0},   {"0317", 9600, 0},  {"0327", 30700, 0},  {"0342", 47800, 0},
    {"0351", 14000, 107},
};

/* Regional shares, of the youths in care (permille):
 * - out_of_home: twente_amersfoort_kengetallen.tsv, Twente 2023 nulmeting 14% not living at home;
 *   elsewhere the national 10% (landelijk_jeugdzorg_cbs.tsv).
 * - measure: Twente 2018 16% of youths in care under a JB/JR measure (NL 10%).
 * - care: the default share of youths with youth care where gemeenten.tsv gives none: Twente
 *   11.2% of under-18s (2018), Amersfoort 9.5% (~2021), else the national 10.5%. */
static const struct region_ref region_refs[] = {
    {"twente", 140, 160, 112},
    {"amersfoort", 100, 100, 95},
    {"", 100, 100, 105},
};

/* verwijzers_cbs.tsv, trajectories begun in 2021 (pct × 100) by COD327 code 01..08. 07
 * (unknown) cannot be chosen when recording a referral (as in `jeugdroute care referral`); its
 * share goes to 06 (no referrer). */
static const int referrer_mix[9] = {0, 3085, 3846, 309, 808, 487, 1341 + 80, 0, 43};

/* trajectduur_cbs_2021.tsv: ended trajectories by duration per referrer (pct × 10) in the buckets
 * 0-3 months, 3-6 m, 6-12 m, 1-2 years, 2-3 y, 3-4 y, 4 y and more. */
static const int duration_mix[9][7] = {
    [1] = {134, 164, 310, 270, 64, 31, 28}, [2] = {156, 189, 330, 211, 59, 26, 29},
    [3] = {135, 183, 347, 243, 57, 20, 14}, [4] = {210, 146, 248, 197, 71, 37, 92},
    [5] = {233, 198, 241, 189, 65, 33, 41}, [6] = {181, 158, 220, 249, 91, 43, 58},
    [8] = {178, 207, 407, 158, 41, 0, 8},
};
static const int duration_days[7][2] = {{21, 91},    {92, 182},    {183, 365},  {366, 730},
                                        {731, 1095}, {1096, 1460}, {1461, 2190}};

/* The stories of a child in care (enum jr_demo_story), in permille of the youths in care. */
const int jr_demo_story_mix[JR_DEMO_ST_COUNT] = {830, 20, 35, 35, 15, 35, 30};
/* The first children in care of every load get these, so that even a small demo shows each
 * signal the issue asks for. */
const enum jr_demo_story jr_demo_forced_stories[4] = {
    JR_DEMO_ST_HOPPING, JR_DEMO_ST_MULTI, JR_DEMO_ST_WAIT_REFERRAL, JR_DEMO_ST_WAIT_START};

/* Ambulant forms 1-4 in the ordinary course (permille), and stays. */
const int jr_demo_ambulant_mix[4] = {150, 250, 350, 250};
const int jr_demo_stay_forms[4] = {5, 6, 7, 9};
const int jr_demo_stay_mix[4] = {350, 400, 200, 50};

/* JZ588 reasons of ending and their mix on an ordinary stop. 32 and 33 (broken off) count as
 * negative endings, as do goals not reached. */
const char *const jr_demo_end_reasons[] = {"31", "34", "32", "33", "35", "38", "39"};
const int jr_demo_end_mix[] = {650, 100, 80, 40, 50, 40, 40};

/* ---------------------------------------------------------------------------------------------
 * Fictitious names and Dutch texts. Family names are combinations of invented parts; any
 *    likeness to a real person is chance. Names are stored, never printed.
 * ------------------------------------------------------------------------------------------- */

const char *const jr_demo_girls[] = {"Emma",   "Julia", "Mila",  "Tess",  "Sophie", "Zoë",
                                     "Sara",   "Nora",  "Yara",  "Eva",   "Lotte",  "Fleur",
                                     "Noor",   "Anna",  "Lieke", "Sanne", "Isa",    "Liv",
                                     "Fatima", "Aylin", "Maud",  "Femke", "Roos",   "Jade"};
const char *const jr_demo_boys[] = {"Daan", "Sem",  "Lucas", "Noah",  "Finn",    "Levi",
                                    "Luuk", "Bram", "Jesse", "Thijs", "Milan",   "Ruben",
                                    "Mees", "Gijs", "Stijn", "Jens",  "Yusuf",   "Adam",
                                    "Tijn", "Sven", "Niels", "Teun",  "Mohamed", "Owen"};
const char *const jr_demo_mothers[] = {"Kim",   "Linda",  "Sandra",  "Marloes", "Ilse",    "Esther",
                                       "Anouk", "Judith", "Miriam",  "Nicole",  "Priya",   "Ayşe",
                                       "Wendy", "Renate", "Monique", "Inge",    "Chantal", "Petra"};
const char *const jr_demo_fathers[] = {"Mark",   "Jeroen", "Sander",  "Bas",   "Martijn", "Erik",
                                       "Dennis", "Remco",  "Vincent", "Hakan", "Arjen",   "Gerben",
                                       "Wouter", "Rik",    "Tim",     "Johan", "Koen",    "Ronald"};
/* Addresses: invented street names on the postcode range of the municipality (first and last
 * four digits; for a municipality not listed, the range of the region's first). */
static const char *const streets[] = {
    "Dorpsstraat",   "Kerkstraat", "Schoolstraat", "Molenweg",    "Beukenlaan", "Esstraat",
    "Veldweg",       "Lindelaan",  "Brinkstraat",  "Havezateweg", "Eikenlaan",  "Markstraat",
    "Zonnebloemweg", "Berkenhof",  "Kastanjelaan", "Stationsweg"};
static const struct {
	const char *code;
	int first, last;
} postcode_ranges[] = {
    {"0141", 7600, 7609}, {"0147", 7620, 7625}, {"1774", 7590, 7597}, {"0153", 7511, 7548},
    {"0158", 7480, 7483}, {"0163", 7440, 7448}, {"0164", 7550, 7559}, {"1735", 7470, 7478},
    {"0168", 7580, 7588}, {"0173", 7570, 7577}, {"1742", 7460, 7463}, {"0183", 7650, 7668},
    {"1700", 7670, 7687}, {"0189", 7640, 7645}, {"0307", 3811, 3829}, {"0308", 3740, 3744},
    {"0313", 3750, 3752}, {"0317", 3755, 3755}, {"0327", 3830, 3835}, {"0342", 3760, 3769},
    {"0351", 3930, 3931},
};

static const char *const name_prefixes[] = {"",     "",     "",        "",        "",
                                            "ter ", "ten ", "van de ", "op den ", "van der "};
static const char *const name_roots[] = {"Zwanen", "Lemsel",  "Brammel", "Twikkel", "Oostel",
                                         "Tubben", "Weusten", "Kolkers", "Haver",   "Dinkel",
                                         "Esrand", "Hooi",    "Rouw",    "Meulen",  "Veltkers",
                                         "Bolder", "Griet",   "Kemper",  "Lutter",  "Sleeu"};
static const char *const name_suffixes[] = {"kate", "ink",  "borg",  "hoeve", "wier",
                                            "loo",  "hues", "brink", "kamp",  "beek"};

/* Per need domain (enum jr_need order): struct domain_text. No names. */
const struct domain_text jr_demo_domain_texts[JR_NEED_COUNT] = {
    {"Wij lopen vast in de opvoeding; elke dag is er ruzie over kleine dingen.",
     "Wij hebben weer rust en overzicht in de opvoeding.",
     "Ouders missen handvatten en steun; de spanning houdt zichzelf in stand."},
    {"Ons kind loopt achter in de ontwikkeling en we weten niet hoe we kunnen helpen.",
     "Ons kind leert stap voor stap wat past bij de leeftijd.",
     "Een ontwikkelingsachterstand die nog niet goed is onderzocht."},
    {"Thuis en op school zijn er steeds woedeaanvallen; we weten niet meer wat we moeten doen.",
     "Ons kind kan boosheid weer op een rustige manier laten zien.",
     "Het gedrag is een reactie op spanning thuis en overvraging op school."},
    {"Ons kind is al maanden somber, slaapt slecht en trekt zich terug.",
     "Ons kind voelt zich beter en doet weer mee met vrienden.",
     "Somberheid met angst; mogelijk een stoornis die behandeling vraagt."},
    {"Ons kind gaat al weken niet meer naar school.", "Ons kind gaat weer elke dag naar school.",
     "Schoolverzuim door angst en een ongunstige klas; school en thuis werken langs elkaar."},
    {"Na de scheiding gaat het thuis niet goed; er is veel spanning.",
     "Thuis is het weer rustig en ouders maken samen afspraken.",
     "Een complexe scheiding; het kind zit klem tussen de ouders."},
    {"Ons kind heeft geen vrienden en wordt gepest.",
     "Ons kind heeft een paar vrienden en voelt zich veilig in de groep.",
     "Weinig sociale vaardigheden en een klein netwerk."},
    {"We maken ons zorgen over blowen en drinken.", "Ons kind gebruikt geen middelen meer.",
     "Middelengebruik als uitlaatklep; vrienden die gebruiken."},
    {"Er zijn zorgen over de veiligheid thuis.", "Iedereen in het gezin is thuis veilig.",
     "Spanningen lopen uit de hand; ouders kunnen de veiligheid nu niet alleen bieden."},
    {"Door schulden en geldzorgen lukt het thuis niet meer.",
     "Wij hebben grip op geld en de basis is weer op orde.",
     "Geldzorgen en huisvesting vragen alle aandacht van de ouders."},
    {"Ons kind heeft een beperking en wij raken uitgeput.",
     "Wij kunnen de zorg thuis weer volhouden, met hulp die bij ons past.",
     "Een beperking die veel vraagt; ouders zijn overbelast."},
};

const char *const jr_demo_participants[] = {
    "gezin, kind, lokaal team", "ouders, kind, school", "ouders, jeugdige, mentor",
    "gezin, huisarts, lokaal team", "ouders, kind, jeugdverpleegkundige"};
const char *const jr_demo_not_enough[] = {
    "Geprobeerd, maar de zorgen bleven bestaan.",
    "Past niet bij de ernst van wat er speelt.",
    "Het gezin had dit al eerder; het hielp te weinig.",
    "Niet op tijd beschikbaar; de zorgen konden niet wachten.",
};

/* The BSN whose first eight digits are 99999999 - offset, when the eleven-test leaves a check
 * digit (10 in every 11 prefixes); false otherwise. */
static bool bsn_at(uint32_t offset, char out[10])
{
	uint32_t prefix = 99999999u - offset;
	int sum = 0;

	for (int i = 7; i >= 0; i--) {
		out[i] = (char)('0' + prefix % 10);
		prefix /= 10;
	}
	for (int i = 0; i < 8; i++)
		sum += (9 - i) * (out[i] - '0');
	if (sum % 11 == 10)
		return false;
	out[8] = (char)('0' + sum % 11);
	out[9] = '\0';
	return jr_bsn_valid(out, 9);
}

/* The lowest offset >= `offset` that gives a BSN. */
uint32_t jr_demo_bsn_from(uint32_t offset, char out[10])
{
	while (!bsn_at(offset, out))
		offset++;
	return offset;
}

/* An AGB code of this run: kind 98 (referrers) or 99 (providers), the run, a sequence number. */
void jr_demo_agb_code(const struct jr_demo *d, int kind, int seq, char out[9])
{
	snprintf(out, 9, "%02u%02u%04u", (unsigned)kind % 100u, (unsigned)d->run % 100u,
	         (unsigned)seq % 10000u);
}

const char *jr_demo_family_name(struct rng *r, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s%s%s", PICK(r, name_prefixes), PICK(r, name_roots),
	         PICK(r, name_suffixes));
	return buf;
}

/* A duration from the CBS mix of this referrer. */
int jr_demo_duration(struct jr_demo *d, int referrer)
{
	const int *mix =
	    duration_mix[referrer >= 1 && referrer <= 8 && duration_mix[referrer][0] ? referrer
	                                                                             : 1];
	int b = rng_weighted(&d->rng, mix, 7);
	return rng_range(&d->rng, duration_days[b][0], duration_days[b][1]);
}

/* A referrer of youth care from the CBS mix, without the GI (only under a measure) and the court
 * (only forms 9 and 10). */
int jr_demo_draw_referrer(struct jr_demo *d)
{
	int w[9];
	memcpy(w, referrer_mix, sizeof(w));
	w[4] = 0;
	w[8] = 0;
	return rng_weighted(&d->rng, w, 9);
}

const char *jr_demo_raised_by_for(struct jr_demo *d, int referrer)
{
	static const char *const family[] = {"family",     "family", "school",
	                                     "local_team", "child",  "childcare"};
	switch (referrer) {
	case 2: return rng_permille(&d->rng, 600) ? "gp" : "family";
	case 3: return "youth_health";
	case 4: return "gi";
	case 5: return "other";
	case 8: return "police";
	default: return PICK(&d->rng, family);
	}
}

/* The needs (0-4 per domain) and flags that fit a form, and the domain the question is about. */
void jr_demo_gen_needs(struct jr_demo *d, struct demo_child *c, int form)
{
	static const int light[] = {JR_NEED_PARENTING, JR_NEED_FAMILY, JR_NEED_LIVELIHOOD};
	static const int guidance[] = {JR_NEED_PARENTING, JR_NEED_FAMILY, JR_NEED_SCHOOL,
	                               JR_NEED_SOCIAL, JR_NEED_LIVELIHOOD};
	static const int specialist[] = {JR_NEED_BEHAVIOUR,     JR_NEED_DEVELOPMENT,
	                                 JR_NEED_SUBSTANCE_USE, JR_NEED_DISABILITY,
	                                 JR_NEED_BEHAVIOUR,     JR_NEED_DEVELOPMENT};
	struct rng *r = &d->rng;
	unsigned char *n = c->needs;
	int focus;

	memset(n, 0, JR_NEED_COUNT);
	c->flags = 0;
	for (int i = 0; i < JR_NEED_COUNT; i++)
		n[i] = rng_permille(r, 250) ? 1 : 0;
	switch (form) {
	case 1:
		focus = PICK(r, light);
		n[focus] = 2;
		n[PICK(r, light)] = 2;
		break;
	case 2:
		focus = PICK(r, guidance);
		n[focus] = 3;
		n[PICK(r, guidance)] |= 2;
		if (focus == JR_NEED_SCHOOL && rng_permille(r, 500))
			c->flags |= JR_FLAG_BIT(JR_FLAG_NOT_PARTICIPATING);
		break;
	case 3:
		if (rng_permille(r, 300)) {
			focus = JR_NEED_MENTAL_HEALTH;
			n[focus] = 2;
		} else {
			focus = PICK(r, specialist);
			n[focus] = 3;
		}
		if (focus == JR_NEED_SUBSTANCE_USE && c->age < 12) {
			focus = JR_NEED_BEHAVIOUR;
			n[focus] = 3;
		}
		if (n[JR_NEED_DISABILITY] >= 3)
			c->flags |= JR_FLAG_BIT(JR_FLAG_DISABILITY);
		n[JR_NEED_PARENTING] |= 2;
		break;
	case 4:
		focus = JR_NEED_MENTAL_HEALTH;
		n[focus] = 3;
		n[JR_NEED_SOCIAL] |= 2;
		if (rng_permille(r, 500))
			c->flags |= JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER);
		if (rng_permille(r, 300))
			c->flags |= JR_FLAG_BIT(JR_FLAG_LONG_LASTING);
		break;
	case 5:
		focus = rng_permille(r, 500) ? JR_NEED_SAFETY : JR_NEED_FAMILY;
		n[focus] = 4;
		n[JR_NEED_PARENTING] = 3;
		if (focus == JR_NEED_SAFETY)
			c->flags |= JR_FLAG_BIT(JR_FLAG_UNSAFE);
		break;
	case 6:
		focus = JR_NEED_FAMILY;
		n[focus] = 4;
		n[JR_NEED_PARENTING] = 4;
		n[JR_NEED_SAFETY] = 3;
		c->flags |= JR_FLAG_BIT(JR_FLAG_LONG_LASTING) | JR_FLAG_BIT(JR_FLAG_UNSAFE);
		break;
	case 7:
		focus = JR_NEED_BEHAVIOUR;
		n[JR_NEED_BEHAVIOUR] = 3;
		n[JR_NEED_MENTAL_HEALTH] = 3;
		n[JR_NEED_FAMILY] = 3;
		n[JR_NEED_SCHOOL] = 3;
		if (rng_permille(r, 500))
			c->flags |= JR_FLAG_BIT(JR_FLAG_PSYCHIATRIC_DISORDER);
		break;
	case 8:
		focus = JR_NEED_SAFETY;
		n[focus] = (unsigned char)rng_range(r, 3, 4);
		n[JR_NEED_FAMILY] = 3;
		c->flags |= JR_FLAG_BIT(JR_FLAG_ACUTE_CRISIS);
		if (rng_permille(r, 500))
			c->flags |= JR_FLAG_BIT(JR_FLAG_UNSAFE);
		break;
	case 9:
		focus = JR_NEED_BEHAVIOUR;
		n[JR_NEED_SAFETY] = 4;
		n[JR_NEED_BEHAVIOUR] = 4;
		n[JR_NEED_SUBSTANCE_USE] = 3;
		c->flags |= JR_FLAG_BIT(JR_FLAG_UNSAFE);
		break;
	default:
		focus = JR_NEED_PARENTING;
		n[focus] = 2;
		break;
	}
	if (c->measure == JR_MEASURE_OTS || c->measure == JR_MEASURE_VOOGDIJ) {
		if (n[JR_NEED_SAFETY] < 3)
			n[JR_NEED_SAFETY] = 3;
		c->flags |= JR_FLAG_BIT(JR_FLAG_UNSAFE);
	} else if (c->measure == JR_MEASURE_JEUGDRECLASSERING) {
		if (n[JR_NEED_BEHAVIOUR] < 3)
			n[JR_NEED_BEHAVIOUR] = 3;
		c->flags |= JR_FLAG_BIT(JR_FLAG_OFFENCE);
	}
	if (c->age < 12)
		n[JR_NEED_SUBSTANCE_USE] = 0;
	c->main_need = focus;
}

int jr_demo_max_need(const struct demo_child *c)
{
	int m = 0;
	for (int i = 0; i < JR_NEED_COUNT; i++)
		if (c->needs[i] > m)
			m = c->needs[i];
	return m;
}

/* The earliest day a help request for this child can be raised: six months after birth. */
jr_day jr_demo_not_before(const struct demo_child *c, jr_day day)
{
	return day < c->person.birth_date + 182 ? c->person.birth_date + 182 : day;
}

/* A municipality, weighted by population. */
size_t jr_demo_pick_muni(struct jr_demo *d)
{
	long pick = (long)(rng_next(&d->rng) % (uint64_t)d->population_total);
	for (size_t i = 0; i < d->muni_count; i++) {
		if (pick < d->munis[i].population)
			return i;
		pick -= d->munis[i].population;
	}
	return d->muni_count - 1;
}

/* The household's address in municipality m, which all its members share. */
void jr_demo_household_address(struct jr_demo *d, const struct demo_muni *m, struct jr_address *a)
{
	struct rng *r = &d->rng_address;
	int first = 1000, last = 9999;

	for (size_t i = 0; i < sizeof(postcode_ranges) / sizeof(postcode_ranges[0]); i++)
		if (strcmp(postcode_ranges[i].code, m->pm->code) == 0) {
			first = postcode_ranges[i].first;
			last = postcode_ranges[i].last;
		}
	memset(a, 0, sizeof(*a));
	snprintf(a->street, sizeof(a->street), "%s", PICK(r, streets));
	a->house_number = rng_range(r, 1, 180);
	if (rng_permille(r, 80))
		snprintf(a->house_letter, sizeof(a->house_letter), "%c", 'a' + rng_below(r, 4));
	snprintf(a->postcode, sizeof(a->postcode), "%04d%c%c", rng_range(r, first, last),
	         'A' + rng_below(r, 26), 'A' + rng_below(r, 26));
	snprintf(a->place, sizeof(a->place), "%.80s", m->pm->name);
}

/* The municipalities of the region with their population and youth-care share. */
void jr_demo_setup_munis(struct jr_demo *d)
{
	d->muni_count = d->p->municipality_count;
	d->population_total = 0;
	for (size_t i = 0; i < d->muni_count; i++) {
		struct demo_muni *m = &d->munis[i];
		m->pm = &d->p->municipalities[i];
		m->population = 25000;
		m->care_permille = d->ref->care;
		for (size_t k = 0; k < sizeof(muni_refs) / sizeof(muni_refs[0]); k++)
			if (strcmp(muni_refs[k].code, m->pm->code) == 0) {
				m->population = muni_refs[k].population;
				if (muni_refs[k].care_permille)
					m->care_permille = muni_refs[k].care_permille;
			}
		d->population_total += m->population;
	}
	/* The ordinary course carries all measures and stays; scale their share so it holds over
	 * every child in care (the other stories have neither). */
	d->measure_permille = d->ref->measure * 1000 / jr_demo_story_mix[JR_DEMO_ST_COURSE];
	d->stay_permille = (d->ref->out_of_home * 1000 / jr_demo_story_mix[JR_DEMO_ST_COURSE] -
	                    d->measure_permille * 450 / 1000) *
	                   1000 / (1000 - d->measure_permille);
	if (d->stay_permille < 0)
		d->stay_permille = 0;
}

const struct region_ref *jr_demo_region_ref(const char *policy_id)
{
	for (size_t i = 0; i < sizeof(region_refs) / sizeof(region_refs[0]); i++)
		if (strcmp(region_refs[i].id, policy_id) == 0 || !region_refs[i].id[0])
			return &region_refs[i];
	return &region_refs[sizeof(region_refs) / sizeof(region_refs[0]) - 1];
}
