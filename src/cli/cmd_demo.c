/* cmd_demo: `jeugdroute demo` — a believable synthetic youth-care region, loaded through the record
 * store (never SQL): households with one or two parents, help requests with their whole course
 * (broad analysis, goals, route advice from the real engine, light options weighed, referral,
 * allocation checked against every rule, start and stop of care with outcomes), court measures,
 * providers with contracts, organisations, a social map per municipality and a few coordinators
 * (regisseurs).
 *
 * The mix follows the reference figures in ../shared/reference/domain/ (the .tsv files) (CBS
 * referrer mix and durations, out-of-home and measure shares, municipality sizes and youth-care
 * shares); on purpose it also holds families that hop from help to help, children waiting too long
 * and children with two providers and nobody holding the regie, so that `jeugdroute signals` has
 * something to find.
 *
 * Everything is demo data: fictitious names, BSNs passing the eleven-test taken from the top of
 * the number space (see docs/records.md, "Demo data"), every person and provider marked demo.
 * The same --seed and --date give the same region (a splitmix64 generator; the store's own
 * randomness only touches allocation placeholders and passwords, never what is generated).
 *
 * Loading is done in bulk transactions of about DEMO_BATCH youths. A failing store operation
 * would roll a whole batch back, so every rule is checked here first with the same pure
 * functions the store uses (jr_allocation_check, jr_course_can_move, jr_rule_referral_check);
 * what they refuse is skipped and counted, never sent to the store.
 *
 * Layout of this file:
 *   1. usage, limits, the random generator
 *   2. reference figures (municipalities, referrer mix, durations, regional shares)
 *   3. fictitious names and Dutch texts
 *   4. the demo context and its counters
 *   5. setup: run number, BSN range, organisations, providers, contracts, users
 *   6. record operations (one store call each, pre-checked)
 *   7. stories: the course of one child's help
 *   8. households and the loading loop
 *   9. the command */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/password.h"
#include "cli/cli.h"
#include "core/ident.h"
#include "core/rules.h"
#include "json/answer_json.h"
#include "json/policy_set.h"

/* ---------------------------------------------------------------------------------------------
 * 1. Usage, limits, the random generator
 * ------------------------------------------------------------------------------------------- */

static const char usage[] =
    "Gebruik: jeugdroute demo --youth N [--region twente|amersfoort] [--seed S]\n"
    "                         [--date JJJJ-MM-DD] [--logins ja] [--db URL] [--key BESTAND]\n"
    "                         [--policy-dir MAP]\n"
    "\n"
    "Vult de database met een verzonnen maar geloofwaardige regio: N jeugdigen in gezinnen met\n"
    "één of twee ouders, over de gemeenten verdeeld naar inwonertal. Voor ongeveer één op de tien\n"
    "een hulpvraag met brede analyse, doelen, routeadvies, afgewogen lichte opties, verwijzing\n"
    "(verwijzersmix en trajectduur van het CBS), toewijzing, start en einde van de zorg;\n"
    "maatregelen, zorgaanbieders met contracten, een sociale kaart per gemeente en enkele\n"
    "regisseurs. Met opzet ook gezinnen die van hulp naar hulp gaan, wachtenden en kinderen met\n"
    "twee aanbieders zonder regisseur, zodat jeugdroute signals iets te melden heeft.\n"
    "\n"
    "Alles is demodata: verzonnen namen, BSN's die de elfproef doorstaan uit een vaste reeks (zie\n"
    "docs/records.md), elke persoon en aanbieder gemarkeerd als demo. Dezelfde --seed (standaard\n"
    "1) en --date geven dezelfde regio. --date is de peildatum (standaard vandaag). --region is\n"
    "de id van een beleidsbestand (standaard twente). Een tweede lading voegt toe.\n"
    "\n"
    "Met --logins ja komt er per rol een account om mee in te loggen (consulent, huisarts,\n"
    "jeugdbescherming, aanbieder, contractbeheer, beleid); het wachtwoord komt uit\n"
    "JEUGDROUTE_DEMO_PASSWORD of wordt gemaakt en eenmalig getoond. Alleen voor demodata.\n"
    "\n"
    "De voortgang staat op stderr, een samenvatting (aantallen, seconden) als JSON op stdout.\n"
    "Maak de database eerst met jeugdroute init.\n";

#define DEMO_YOUTH_MAX     1000000 /* about twice the national number of youths in care */
#define DEMO_BATCH         1000    /* youths per bulk transaction */
#define DEMO_PROVIDERS_MAX 40
#define DEMO_GPS           2   /* GP practices per municipality */
#define DEMO_KIDS_MAX      4   /* children per household */
#define DEMO_ITEMS_MAX     8   /* allocations per child in one story */
#define DEMO_RUNS_MAX      100 /* demo loads per database (AGB codes carry the run number) */
#define F(n)               (1u << (n))

/* splitmix64: small, fast and fully determined by the seed (as bench/gen.c). */
struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int rng_below(struct rng *r, int n)
{
	return n <= 1 ? 0 : (int)(rng_next(r) % (uint64_t)n);
}

/* Uniform in [lo, hi]. */
static int rng_range(struct rng *r, int lo, int hi)
{
	return hi <= lo ? lo : lo + rng_below(r, hi - lo + 1);
}

/* True with probability pm/1000. */
static bool rng_permille(struct rng *r, int pm)
{
	return rng_below(r, 1000) < pm;
}

/* An index into `w` with probability proportional to its weight. */
static int rng_weighted(struct rng *r, const int *w, int n)
{
	int total = 0, pick;

	for (int i = 0; i < n; i++)
		total += w[i];
	pick = rng_below(r, total);
	for (int i = 0; i < n; i++) {
		if (pick < w[i])
			return i;
		pick -= w[i];
	}
	return n - 1;
}

#define PICK(r, list) ((list)[rng_below((r), (int)(sizeof(list) / sizeof((list)[0])))])

/* ---------------------------------------------------------------------------------------------
 * 2. Reference figures (../shared/reference/domain/ (the .tsv files))
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
struct region_ref {
	const char *id;
	int out_of_home;
	int measure;
	int care;
};
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

/* The stories of a child in care, in permille of the youths in care. The rest follows the
 * ordinary course (COURSE_SHARE). */
enum story {
	ST_COURSE,
	ST_HOPPING,       /* two interventions ended negatively within a year, a third running */
	ST_MULTI,         /* two providers at once */
	ST_WAIT_REFERRAL, /* a valid referral and no allocation beyond the waiting norm */
	ST_WAIT_START,    /* an allocation that did not start beyond the waiting norm */
	ST_WITHDRAWN,     /* the family withdrew the request */
	ST_CRISIS,        /* crisis care first */
	ST_COUNT
};
static const int story_mix[ST_COUNT] = {830, 20, 35, 35, 15, 35, 30};
/* The first children in care of every load get these, so that even a small demo shows each
 * signal the issue asks for. */
static const enum story forced_stories[] = {ST_HOPPING, ST_MULTI, ST_WAIT_REFERRAL, ST_WAIT_START};

/* Ambulant forms 1-4 in the ordinary course (permille), and stays. */
static const int ambulant_mix[4] = {150, 250, 350, 250};
static const int stay_forms[4] = {5, 6, 7, 9};
static const int stay_mix[4] = {350, 400, 200, 50};

/* JZ588 reasons of ending and their mix on an ordinary stop. 32 and 33 (broken off) count as
 * negative endings, as do goals not reached. */
static const char *const end_reasons[] = {"31", "34", "32", "33", "35", "38", "39"};
static const int end_mix[] = {650, 100, 80, 40, 50, 40, 40};

/* ---------------------------------------------------------------------------------------------
 * 3. Fictitious names and Dutch texts. Family names are combinations of invented parts; any
 *    likeness to a real person is chance. Names are stored, never printed.
 * ------------------------------------------------------------------------------------------- */

static const char *const girls[] = {"Emma",   "Julia", "Mila",  "Tess",  "Sophie", "Zoë",
                                    "Sara",   "Nora",  "Yara",  "Eva",   "Lotte",  "Fleur",
                                    "Noor",   "Anna",  "Lieke", "Sanne", "Isa",    "Liv",
                                    "Fatima", "Aylin", "Maud",  "Femke", "Roos",   "Jade"};
static const char *const boys[] = {"Daan", "Sem",  "Lucas", "Noah",  "Finn",    "Levi",
                                   "Luuk", "Bram", "Jesse", "Thijs", "Milan",   "Ruben",
                                   "Mees", "Gijs", "Stijn", "Jens",  "Yusuf",   "Adam",
                                   "Tijn", "Sven", "Niels", "Teun",  "Mohamed", "Owen"};
static const char *const mothers[] = {"Kim",   "Linda",  "Sandra",  "Marloes", "Ilse",    "Esther",
                                      "Anouk", "Judith", "Miriam",  "Nicole",  "Priya",   "Ayşe",
                                      "Wendy", "Renate", "Monique", "Inge",    "Chantal", "Petra"};
static const char *const fathers[] = {"Mark",   "Jeroen", "Sander",  "Bas",   "Martijn", "Erik",
                                      "Dennis", "Remco",  "Vincent", "Hakan", "Arjen",   "Gerben",
                                      "Wouter", "Rik",    "Tim",     "Johan", "Koen",    "Ronald"};
/* Addresses: invented street names on the postcode range of the municipality (first and last
 * four digits; for a municipality not listed, the range of the region's first). */
static const char *const streets[] = {"Dorpsstraat",   "Kerkstraat",  "Schoolstraat", "Molenweg",
                                      "Beukenlaan",    "Esstraat",    "Veldweg",      "Lindelaan",
                                      "Brinkstraat",   "Havezateweg", "Eikenlaan",    "Markstraat",
                                      "Zonnebloemweg", "Berkenhof",   "Kastanjelaan", "Stationsweg"};
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

/* Per need domain (enum jr_need order): the question in the family's words, a goal (the result
 * to reach, also the allocation's result description) and a hypothesis. No names. */
struct domain_text {
	const char *question;
	const char *goal;
	const char *hypothesis;
};
static const struct domain_text domain_texts[JR_NEED_COUNT] = {
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

static const char *const participants[] = {
    "gezin, kind, lokaal team", "ouders, kind, school", "ouders, jeugdige, mentor",
    "gezin, huisarts, lokaal team", "ouders, kind, jeugdverpleegkundige"};
static const char *const not_enough[] = {
    "Geprobeerd, maar de zorgen bleven bestaan.",
    "Past niet bij de ernst van wat er speelt.",
    "Het gezin had dit al eerder; het hielp te weinig.",
    "Niet op tijd beschikbaar; de zorgen konden niet wachten.",
};

/* ---------------------------------------------------------------------------------------------
 * 4. The demo context and its counters
 * ------------------------------------------------------------------------------------------- */

struct demo_muni {
	const struct jr_municipality *pm; /* in the policy */
	int population;
	int care_permille;
	int64_t local_team_id;
	int64_t consulent_id;
	int64_t gp_org_id[DEMO_GPS];
	char gp_name[DEMO_GPS][JR_PERSON_NAME_MAX];
	char gp_agb[DEMO_GPS][9];
};

struct demo_provider {
	struct jr_provider rec;
	unsigned forms;      /* the forms it holds contracts for */
	uint64_t munis;      /* local contracts: bit i = municipality i */
	bool regional;       /* one contract for the whole region */
	bool suspend_at_end; /* suspended after the load: its clients stay on record */
	int64_t org_id;      /* a GI: its organisation */
	long allocations;    /* made to it in this load */
};

/* One allocation of a child and its care, as the story made it. */
struct demo_item {
	int form;
	int provider;
	int64_t allocation_id;
	jr_day start; /* allocation start */
	bool started;
	jr_day care_start;
	bool stopped;
	jr_day stop;
	bool negative;
};

struct demo_child {
	struct jr_person person;
	int age; /* on the peildatum */
	size_t mi;
	int64_t household_id;
	struct jr_help_request hr;
	bool planned;
	unsigned char needs[JR_NEED_COUNT];
	unsigned flags;
	int main_need;
	int referrer; /* COD327 for this child's youth-care referrals */
	enum jr_measure measure;
	jr_day measure_start;
	bool measure_has_end;
	jr_day measure_end;
	int measure_provider;
	size_t item_count;
	struct demo_item items[DEMO_ITEMS_MAX];
};

struct demo_household {
	struct jr_household rec;
	size_t kid_count;
	struct demo_child kids[DEMO_KIDS_MAX];
	int coordinator;     /* 0 none, 1 the local team's consulent, 2 the GI worker */
	bool no_coordinator; /* a story needs nobody holding the regie */
};

struct demo_counts {
	long persons, children, parents, households, help_requests, analyses, goals, light_options,
	    route_advice, referrals, referrals_valid, measures, allocations, allocations_refused,
	    deliveries, care_stopped, moves, moves_refused, coordinators, providers, contracts,
	    organisations, users, social_map, youths_with_request, youths_in_care, out_of_home;
	long stories[ST_COUNT];
};

struct demo {
	struct jr_store *store;
	const struct jr_actor *actor;
	const struct jr_policy *p;
	const struct region_ref *ref;
	struct rng rng;
	struct rng rng_address; /* its own stream: addresses do not shift the rest of the region */
	jr_day today;
	jr_day contract_start;
	int run;           /* which demo load in this database: in AGB codes and user names */
	uint32_t bsn_next; /* offset of the next BSN prefix below 99999999 */
	int agb_next;      /* next referrer AGB sequence number */
	size_t muni_count;
	struct demo_muni munis[JR_MUNICIPALITY_MAX];
	long population_total;
	size_t provider_count;
	struct demo_provider providers[DEMO_PROVIDERS_MAX];
	int64_t youth_health_id, hospital_id, gi_user_id, office_id, gi_org_id;
	char youth_health_name[JR_PERSON_NAME_MAX], youth_health_agb[9];
	char hospital_name[JR_PERSON_NAME_MAX], hospital_agb[9];
	int stay_permille, measure_permille; /* within the ordinary course */
	size_t forced;
	bool tty;
	int last_tenth;
	struct demo_counts n;
	/* work space, on the heap with the context */
	struct demo_household hh;
	struct jr_broad_analysis analysis;
	struct jr_allocation alloc;
	struct jr_request req;
	struct jr_answer ans;
	struct jr_buf out, scratch;
};

/* ---------------------------------------------------------------------------------------------
 * 5. Setup: run number, BSN range, organisations, providers, contracts, users
 * ------------------------------------------------------------------------------------------- */

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
static uint32_t bsn_from(uint32_t offset, char out[10])
{
	while (!bsn_at(offset, out))
		offset++;
	return offset;
}

#define BSN_OFFSET_MAX 89999999u /* prefixes down to 10000000 */

/* Whether the store holds a person with the BSN at (or just after) `offset`. */
static enum jr_err bsn_taken(struct demo *d, uint32_t offset, bool *taken)
{
	struct jr_person found;
	char bsn[10];
	enum jr_err err;

	bsn_from(offset, bsn);
	err = jr_store_person_find_bsn(d->store, d->actor, bsn, &found);
	sodium_memzero(bsn, sizeof(bsn));
	sodium_memzero(&found, sizeof(found));
	*taken = err == JR_OK;
	return err == JR_ERR_NOT_FOUND ? JR_OK : err;
}

/* Earlier demo loads took BSNs from 99999999x downward without gaps: find where they stopped
 * (exponential, then binary search; a few look-ups, each audited as a search). */
static enum jr_err find_bsn_start(struct demo *d)
{
	uint32_t lo = 0, hi = 1;
	bool taken;
	enum jr_err err;

	if ((err = bsn_taken(d, 0, &taken)))
		return err;
	if (!taken) {
		d->bsn_next = 0;
		return JR_OK;
	}
	for (;;) {
		if (hi >= BSN_OFFSET_MAX / 2)
			return JR_ERR_TOO_BIG;
		if ((err = bsn_taken(d, hi, &taken)))
			return err;
		if (!taken)
			break;
		lo = hi;
		hi *= 2;
	}
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if ((err = bsn_taken(d, mid, &taken)))
			return err;
		if (taken)
			lo = mid;
		else
			hi = mid;
	}
	d->bsn_next = hi;
	return JR_OK;
}

/* The first run number whose GI worker does not exist yet. */
static enum jr_err find_run(struct demo *d)
{
	for (int r = 0; r < DEMO_RUNS_MAX; r++) {
		char name[32];
		bool exists;
		enum jr_err err;
		snprintf(name, sizeof(name), "demo%d-gi", r);
		if ((err = jr_store_user_exists(d->store, name, &exists)))
			return err;
		if (!exists) {
			d->run = r;
			return JR_OK;
		}
	}
	return JR_ERR_TOO_BIG;
}

/* An AGB code of this run: kind 98 (referrers) or 99 (providers), the run, a sequence number. */
static void agb_code(const struct demo *d, int kind, int seq, char out[9])
{
	snprintf(out, 9, "%02u%02u%04u", (unsigned)kind % 100u, (unsigned)d->run % 100u,
	         (unsigned)seq % 10000u);
}

static const char *family_name(struct rng *r, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s%s%s", PICK(r, name_prefixes), PICK(r, name_roots),
	         PICK(r, name_suffixes));
	return buf;
}

static enum jr_err org_add(struct demo *d, const char *kind, const char *name,
                           const char *municipality, const char *agb, int64_t *id)
{
	struct jr_organisation o;
	enum jr_err err;

	memset(&o, 0, sizeof(o));
	snprintf(o.kind, sizeof(o.kind), "%s", kind);
	snprintf(o.name, sizeof(o.name), "%.100s", name);
	snprintf(o.municipality, sizeof(o.municipality), "%s", municipality);
	snprintf(o.agb, sizeof(o.agb), "%s", agb);
	if ((err = jr_store_organisation_add(d->store, d->actor, &o)))
		return err;
	d->n.organisations++;
	if (id)
		*id = o.id;
	return JR_OK;
}

/* A user with a random password nobody is told: demo coordinators, not accounts to log in with. */
static enum jr_err user_add(struct demo *d, const char *name, const char *role, int64_t org,
                            int64_t *id)
{
	unsigned char raw[16];
	char password[2 * sizeof(raw) + 1];
	enum jr_err err;

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(password, sizeof(password), raw, sizeof(raw));
	err = jr_store_user_add_in(d->store, d->actor, name, role, org, password, id);
	sodium_memzero(password, sizeof(password));
	sodium_memzero(raw, sizeof(raw));
	if (!err)
		d->n.users++;
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

static enum jr_err provider_add(struct demo *d, const char *name, unsigned forms,
                                enum jr_provider_status status, struct demo_provider **out)
{
	struct demo_provider *pr;
	enum jr_err err;

	if (d->provider_count >= DEMO_PROVIDERS_MAX)
		return JR_ERR_TOO_BIG;
	pr = &d->providers[d->provider_count];
	memset(pr, 0, sizeof(*pr));
	agb_code(d, 99, (int)d->provider_count + 1, pr->rec.agb);
	snprintf(pr->rec.kvk, sizeof(pr->rec.kvk), "99%02d%04zu", d->run, d->provider_count + 1);
	snprintf(pr->rec.name, sizeof(pr->rec.name), "%s", name);
	snprintf(pr->rec.quality, sizeof(pr->rec.quality), "%s",
	         status == JR_PROVIDER_UNDER_INVESTIGATION
	             ? "demo; onderzoek naar declaraties loopt"
	             : "demo; HKZ-certificaat, kwaliteitskader jeugd");
	pr->rec.status = status;
	pr->rec.demo = true;
	pr->forms = forms;
	if ((err = jr_store_provider_add(d->store, d->actor, &pr->rec)))
		return err;
	d->provider_count++;
	d->n.providers++;
	*out = pr;
	return JR_OK;
}

/* A contract of a provider: one municipality (code) or the whole region (""). */
static enum jr_err contract_add(struct demo *d, const struct demo_provider *pr, const char *code,
                                unsigned forms, enum jr_regime regime)
{
	struct jr_contract c;
	enum jr_err err;
	size_t at = 0;

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
	if (forms & (F(8) | F(9))) {
		c.tariff_cents = 45000;
		snprintf(c.unit, sizeof(c.unit), "etmaal");
		c.capacity = 25;
	} else if (forms & F(10)) {
		c.tariff_cents = 160000;
		snprintf(c.unit, sizeof(c.unit), "maand");
		c.capacity = 400;
	} else if (forms & (F(5) | F(6) | F(7))) {
		c.tariff_cents = forms == F(6) ? 5500 : 26000;
		snprintf(c.unit, sizeof(c.unit), "etmaal");
		c.capacity = 120;
	} else {
		c.tariff_cents = 7800;
		snprintf(c.unit, sizeof(c.unit), "uur");
		c.capacity = 300;
	}
	if ((err = jr_store_contract_add(d->store, d->actor, &c)))
		return err;
	d->n.contracts++;
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

static enum jr_err setup_providers(struct demo *d)
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
		if ((err = provider_add(d, MAIN_PROVIDER_NAME, local, JR_PROVIDER_ACTIVE, &pr)))
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
		if ((err = provider_add(d, sp->name, forms, sp->status, &pr)))
			return err;
		pr->regional = sp->regional;
		pr->suspend_at_end = sp->suspend_at_end;
		if (sp->gi && (err = org_add(d, "gi", sp->name, "", pr->rec.agb, &pr->org_id)))
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

/* The social map of one municipality: every social-base and no-referral offer of the policy, run
 * by an invented organisation, with an age range and cost that fit its category. Most entries were
 * verified in the past year; a few not (the stale_social_map signal stands for them). */
static enum jr_err social_map(struct demo *d, const struct demo_muni *m)
{
	/* Ages per social-base category (enum jr_sb_category order). */
	static const int ages[JR_SB_COUNT][2] = {
	    {0, 4},  {4, 18}, {4, 18}, {5, 18}, {0, 18}, {5, 18}, {10, 23},
	    {0, 18}, {0, 18}, {0, 18}, {0, 18}, {0, 23}, {2, 6},
	};
	struct jr_social_entry e;
	char fam[64];
	enum jr_err err;

	for (size_t k = 0; k < d->p->social_base_count + d->p->no_referral_count; k++) {
		bool base = k < d->p->social_base_count;
		const struct jr_offer *o =
		    base ? &d->p->social_base[k] : &d->p->no_referral[k - d->p->social_base_count];
		const char *category = base ? jr_sb_category_name((enum jr_sb_category)o->category)
		                            : jr_nr_kind_name((enum jr_nr_kind)o->category);
		memset(&e, 0, sizeof(e));
		if (base && o->category == JR_SB_LOCAL_TEAM)
			snprintf(e.organisation, sizeof(e.organisation), "Lokaal team %.80s",
			         m->pm->name);
		else if (base && o->category == JR_SB_JGZ)
			snprintf(e.organisation, sizeof(e.organisation), "%s",
			         d->youth_health_name);
		else
			snprintf(e.organisation, sizeof(e.organisation), "Stichting %s (demo)",
			         family_name(&d->rng, fam, sizeof(fam)));
		snprintf(e.service, sizeof(e.service), "%.100s", o->name);
		snprintf(e.location, sizeof(e.location), "%.80s, %s", m->pm->name,
		         rng_permille(&d->rng, 500) ? "centrum" : "wijkcentrum");
		memcpy(e.municipality, m->pm->code, sizeof(e.municipality));
		snprintf(e.categories, sizeof(e.categories), "%s", category ? category : "");
		e.needs = o->needs;
		e.age_min = base && o->category >= 0 && o->category < JR_SB_COUNT
		                ? ages[o->category][0]
		                : 12;
		e.age_max = base && o->category >= 0 && o->category < JR_SB_COUNT
		                ? ages[o->category][1]
		                : 23;
		snprintf(e.cost, sizeof(e.cost), "%s",
		         base && o->category == JR_SB_CHILDCARE ? "inkomensafhankelijke bijdrage"
		         : base &&
		                 (o->category == JR_SB_SPORT || o->category == JR_SB_MUSIC_SCHOOL ||
		                  o->category == JR_SB_SCOUTING)
		             ? "contributie; bijdrage jeugdfonds mogelijk"
		             : "gratis");
		e.no_referral = true;
		snprintf(e.contact, sizeof(e.contact), "via het lokaal team %.80s", m->pm->name);
		e.verified_on = d->today - (rng_permille(&d->rng, 40) ? rng_range(&d->rng, 400, 800)
		                                                      : rng_range(&d->rng, 0, 330));
		e.demo = true;
		if ((err = jr_store_social_add(d->store, d->actor, &e)))
			return err;
		d->n.social_map++;
	}
	return JR_OK;
}

static enum jr_err setup(struct demo *d)
{
	char name[JR_PERSON_NAME_MAX], agb[9], user[40], fam[64];
	int64_t gi_org = 0;
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
	if ((err = org_add(d, "regional_office",
	                   d->p->regional_body[0] ? d->p->regional_body : "Regionaal bureau (demo)",
	                   "", "", &d->office_id)) ||
	    (err = org_add(d, "expert_team", "Regionaal expertteam (demo)", "", "", NULL)))
		return err;
	agb_code(d, 98, d->agb_next++, d->youth_health_agb);
	snprintf(d->youth_health_name, sizeof(d->youth_health_name),
	         "Jeugdgezondheidszorg Twikkelbeek (demo)");
	agb_code(d, 98, d->agb_next++, d->hospital_agb);
	snprintf(d->hospital_name, sizeof(d->hospital_name), "Ziekenhuis Oostelhoeve (demo)");
	if ((err = org_add(d, "youth_health", d->youth_health_name, "", d->youth_health_agb,
	                   &d->youth_health_id)) ||
	    (err = org_add(d, "hospital", d->hospital_name, "", d->hospital_agb, &d->hospital_id)))
		return err;
	for (size_t i = 0; i < d->muni_count; i++) {
		struct demo_muni *m = &d->munis[i];
		snprintf(name, sizeof(name), "Lokaal team %.80s", m->pm->name);
		if ((err = org_add(d, "local_team", name, m->pm->code, "", &m->local_team_id)))
			return err;
		for (int g = 0; g < DEMO_GPS; g++) {
			agb_code(d, 98, d->agb_next++, agb);
			snprintf(m->gp_name[g], sizeof(m->gp_name[g]),
			         "Huisartsenpraktijk %s (demo)",
			         family_name(&d->rng, fam, sizeof(fam)));
			memcpy(m->gp_agb[g], agb, sizeof(agb));
			if ((err = org_add(d, "gp_practice", m->gp_name[g], m->pm->code, agb,
			                   &m->gp_org_id[g])))
				return err;
		}
		if ((err = social_map(d, m)))
			return err;
		snprintf(user, sizeof(user), "demo%d-%s", d->run, m->pm->code);
		if ((err = user_add(d, user, "consulent", m->local_team_id, &m->consulent_id)))
			return err;
	}
	return JR_OK;
}

/* ---------------------------------------------------------------------------------------------
 * 6. Record operations: one store call each, checked first with the store's own rules
 * ------------------------------------------------------------------------------------------- */

static bool measure_in_force(const struct demo_child *c, jr_day on)
{
	return c->measure != JR_MEASURE_NONE && c->measure_start <= on &&
	       (!c->measure_has_end || c->measure_end >= on);
}

static enum jr_err op_request(struct demo *d, struct demo_child *c, const char *raised_by,
                              jr_day on)
{
	enum jr_err err;

	memset(&c->hr, 0, sizeof(c->hr));
	c->hr.child_id = c->person.id;
	c->hr.household_id = c->household_id;
	snprintf(c->hr.raised_by, sizeof(c->hr.raised_by), "%s", raised_by);
	c->hr.raised_on = on;
	snprintf(c->hr.question, sizeof(c->hr.question), "%s", domain_texts[c->main_need].question);
	memcpy(c->hr.municipality, c->person.municipality, sizeof(c->hr.municipality));
	c->planned = false;
	if ((err = jr_store_help_request_add(d->store, d->actor, &c->hr)))
		return err;
	d->n.help_requests++;
	return JR_OK;
}

/* Moves the help request when the course's rules allow it (checked on the records first). */
static enum jr_err op_move(struct demo *d, struct demo_child *c, enum jr_hr_state to)
{
	struct jr_course_facts f;
	const char *why = NULL;
	enum jr_err err;

	if ((err = jr_store_course_facts(d->store, c->hr.id, &f)))
		return err;
	if (jr_course_can_move(&f, to, &why)) {
		d->n.moves_refused++;
		return JR_OK;
	}
	if ((err = jr_store_help_request_move(d->store, d->actor, &c->hr, to)))
		return err;
	d->n.moves++;
	return JR_OK;
}

/* A broad analysis with the child's current needs (capped at `cap`: a review that found less). */
static enum jr_err op_analysis(struct demo *d, struct demo_child *c, jr_day on, int cap, bool first)
{
	struct jr_broad_analysis *b = &d->analysis;
	enum jr_err err;
	int strong = 0;

	memset(b, 0, sizeof(*b));
	b->help_request_id = c->hr.id;
	b->made_on = on;
	for (int i = 0; i < JR_NEED_COUNT; i++) {
		b->needs[i] = (unsigned char)(c->needs[i] > cap ? cap : c->needs[i]);
		strong += b->needs[i] >= 3;
	}
	snprintf(b->explanation, sizeof(b->explanation),
	         "%s Samen met het gezin besproken: %s staat voorop%s.",
	         first ? "Brede verklarende analyse." : "Evaluatie van de analyse.",
	         jr_need_label((enum jr_need)c->main_need),
	         strong >= 2 ? "; de zorgen raken meerdere leefgebieden" : "");
	snprintf(b->participants, sizeof(b->participants), "%s", PICK(&d->rng, participants));
	snprintf(b->hypotheses, sizeof(b->hypotheses), "%s", domain_texts[c->main_need].hypothesis);
	if ((err = jr_store_analysis_add(d->store, d->actor, b)))
		return err;
	d->n.analyses++;
	return JR_OK;
}

/* The route advice of the real engine for this child on `on`, with the help it had so far,
 * stored as given; then the light options it offered, weighed. */
static enum jr_err record_advice(struct demo *d, struct demo_child *c, jr_day on, bool weigh)
{
	struct jr_request *req = &d->req;
	struct jr_answer *ans = &d->ans;
	const char *field, *message;
	size_t weighed = 0;
	enum jr_err err;

	memset(req, 0, sizeof(*req));
	snprintf(req->id, sizeof(req->id), "hulpvraag-%lld", (long long)c->hr.id);
	memcpy(req->municipality, c->person.municipality, sizeof(req->municipality));
	req->birth_date = c->person.birth_date;
	req->date = on;
	memcpy(req->needs, c->needs, sizeof(req->needs));
	req->flags = c->flags;
	req->measure = measure_in_force(c, on) ? c->measure : JR_MEASURE_NONE;
	req->broad_analysis = true;
	for (size_t i = 0; i < c->item_count && req->history_count < JR_HISTORY_MAX; i++) {
		const struct demo_item *it = &c->items[i];
		struct jr_history_item *h = &req->history[req->history_count];
		if (!it->started || it->care_start > on)
			continue;
		h->form = it->form;
		h->start = it->care_start;
		h->ongoing = !it->stopped || it->stop > on;
		h->end = h->ongoing ? 0 : it->stop;
		h->outcome = h->ongoing     ? JR_OUTCOME_NEUTRAL
		             : it->negative ? JR_OUTCOME_NEGATIVE
		                            : JR_OUTCOME_POSITIVE;
		req->history_count++;
	}
	if (jr_request_check(req, &field, &message))
		return JR_OK; /* nothing the engine could judge: no advice recorded */
	memset(ans, 0, sizeof(*ans));
	if ((err = jr_route(d->p, req, ans)))
		return err == JR_ERR_NOT_FOUND ? JR_OK : err;
	jr_buf_reset(&d->out);
	jr_buf_reset(&d->scratch);
	if ((err = jr_answer_write_json(&d->out, &d->scratch, ans)) ||
	    (err = jr_store_route_advice_add(d->store, d->actor, c->hr.id, d->p->id,
	                                     jr_buf_str(&d->out))))
		return err;
	d->n.route_advice++;
	if (!weigh)
		return JR_OK;
	/* Lightest help first, recorded: the light options the advice named, tried or not. */
	for (size_t i = 0; i < ans->option_count && weighed < 2; i++) {
		const struct jr_option *o = &ans->options[i];
		bool tried;
		if ((o->kind != JR_OPTION_SOCIAL_BASE && o->kind != JR_OPTION_NO_REFERRAL) ||
		    !o->offer)
			continue;
		tried = rng_permille(&d->rng, weighed ? 300 : 700);
		if ((err = jr_store_light_option_add(
		         d->store, d->actor, c->hr.id,
		         o->kind == JR_OPTION_SOCIAL_BASE ? "social_base" : "no_referral",
		         o->offer->id, tried, not_enough[rng_below(&d->rng, tried ? 2 : 4)])))
			return err;
		weighed++;
		d->n.light_options++;
	}
	/* The advice named none (heavy needs): the local team itself, not enough alone. */
	for (size_t i = 0; !weighed && i < d->p->social_base_count; i++) {
		const struct jr_offer *o = &d->p->social_base[i];
		if (!(o->needs & F(c->main_need)))
			continue;
		if ((err = jr_store_light_option_add(d->store, d->actor, c->hr.id, "social_base",
		                                     o->id, false, not_enough[1])))
			return err;
		weighed++;
		d->n.light_options++;
	}
	return JR_OK;
}

/* The route advice of `on`, stamped with that day. */
static enum jr_err op_advice(struct demo *d, struct demo_child *c, jr_day on, bool weigh)
{
	enum jr_err err;

	jr_store_set_record_day(d->store, on);
	err = record_advice(d, c, on, weigh);
	jr_store_set_record_day(d->store, 0);
	return err;
}

/* The plan: goals in the family's words with a review date, the route advice and the light
 * options weighed; then the step to planned. */
static enum jr_err op_plan(struct demo *d, struct demo_child *c, jr_day on)
{
	enum jr_err err;
	int second = -1;

	/* goals, advice and light options are stamped with the day of the plan, not today */
	jr_store_set_record_day(d->store, on);

	if ((err = jr_store_goal_add(d->store, d->actor, c->hr.id, domain_texts[c->main_need].goal,
	                             true, on + 91)))
		return err;
	d->n.goals++;
	for (int i = 0; i < JR_NEED_COUNT; i++)
		if (i != c->main_need && c->needs[i] >= 3)
			second = i;
	if (second >= 0) {
		if ((err = jr_store_goal_add(d->store, d->actor, c->hr.id,
		                             domain_texts[second].goal, true, on + 182)))
			return err;
		d->n.goals++;
	}
	err = record_advice(d, c, on, true);
	jr_store_set_record_day(d->store, 0);
	if (err || (err = op_move(d, c, JR_HR_PLANNED)))
		return err;
	c->planned = c->hr.state == JR_HR_PLANNED;
	return JR_OK;
}

/* A referral to `form` by a referrer of COD327 type `type`, judged by rule 7 with the child's
 * measure on that day. */
static enum jr_err op_referral(struct demo *d, struct demo_child *c, int type, int form, jr_day on,
                               int64_t *id, bool *valid)
{
	struct jr_referral ref;
	struct demo_muni *m = &d->munis[c->mi];
	enum jr_err err;
	int g = rng_below(&d->rng, DEMO_GPS);

	memset(&ref, 0, sizeof(ref));
	snprintf(ref.source, sizeof(ref.source), "demo");
	ref.help_request_id = c->hr.id;
	ref.referrer_type = type;
	ref.referred_on = on;
	ref.form = form;
	switch (type) {
	case 1:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Lokaal team %.80s",
		         m->pm->name);
		ref.organisation_id = m->local_team_id;
		break;
	case 2:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "%s", m->gp_name[g]);
		memcpy(ref.agb, m->gp_agb[g], sizeof(ref.agb));
		ref.organisation_id = m->gp_org_id[g];
		break;
	case 3:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Jeugdarts, %.80s",
		         d->youth_health_name);
		memcpy(ref.agb, d->youth_health_agb, sizeof(ref.agb));
		ref.organisation_id = d->youth_health_id;
		break;
	case 4:
		if (c->measure_provider >= 0) {
			const struct demo_provider *gi = &d->providers[c->measure_provider];
			snprintf(ref.referrer_name, sizeof(ref.referrer_name), "%s", gi->rec.name);
			memcpy(ref.agb, gi->rec.agb, sizeof(ref.agb));
			ref.organisation_id = gi->org_id;
		} else {
			snprintf(ref.referrer_name, sizeof(ref.referrer_name),
			         "Gecertificeerde instelling");
		}
		break;
	case 5:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Kinderarts, %.80s",
		         d->hospital_name);
		memcpy(ref.agb, d->hospital_agb, sizeof(ref.agb));
		ref.organisation_id = d->hospital_id;
		break;
	case 8:
		snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Kinderrechter (demo)");
		break;
	default: snprintf(ref.referrer_name, sizeof(ref.referrer_name), "Gezin zelf"); break;
	}
	memset(&d->req, 0, sizeof(d->req));
	d->req.has_referrer = true;
	d->req.referrer_type = type;
	memcpy(d->req.agb, ref.agb, sizeof(d->req.agb));
	d->req.measure = measure_in_force(c, on) ? c->measure : JR_MEASURE_NONE;
	ref.valid = jr_rule_referral_check(d->p, &d->req, form) == JR_WHY_RC_VALID;
	if ((err = jr_store_referral_add(d->store, d->actor, &ref)))
		return err;
	d->n.referrals++;
	d->n.referrals_valid += ref.valid;
	*id = ref.id;
	*valid = ref.valid;
	return JR_OK;
}

/* A provider with a contract for this form in the child's municipality, other than `avoid`s. */
static int pick_provider(struct demo *d, int form, size_t mi, int avoid1, int avoid2)
{
	int cand[DEMO_PROVIDERS_MAX], n = 0;

	for (size_t i = 0; i < d->provider_count; i++) {
		const struct demo_provider *pr = &d->providers[i];
		if (!(pr->forms & F(form)) || (int)i == avoid1 || (int)i == avoid2 ||
		    (!pr->regional && !(pr->munis & (UINT64_C(1) << mi))))
			continue;
		cand[n++] = (int)i;
	}
	if (n == 0)
		return avoid1 >= 0 ? pick_provider(d, form, mi, -1, -1) : -1;
	return cand[rng_below(&d->rng, n)];
}

/* Allocates `form` to provider `pi` from `start`: on the valid referral, or else by the
 * municipality's own decision. Checked first with jr_allocation_check on the facts this demo
 * holds; a refusal is counted and nothing is sent. *made tells whether it was made. */
static enum jr_err op_allocate(struct demo *d, struct demo_child *c, int form, int pi,
                               int64_t referral_id, bool referral_valid, jr_day start,
                               struct demo_item *it, bool *made)
{
	struct jr_allocation *al = &d->alloc;
	const struct demo_provider *pr = pi >= 0 ? &d->providers[pi] : NULL;
	const struct jr_municipality *m = d->munis[c->mi].pm;
	struct jr_allocation_facts f;
	const char *why = NULL;
	bool local = d->p->forms[form].contracting == JR_CONTRACTING_LOCAL;
	enum jr_err err;

	*made = false;
	memset(al, 0, sizeof(*al));
	al->help_request_id = c->hr.id;
	al->provider_id = pr ? pr->rec.id : 0;
	al->referral_id = referral_valid ? referral_id : 0;
	al->form = form;
	al->start = start;
	if (local && m->regime == JR_REGIME_RESULT) {
		snprintf(al->result_description, sizeof(al->result_description), "%s",
		         domain_texts[c->main_need].goal);
		al->intensity = form <= 4 ? form : 4;
		if (rng_permille(&d->rng, 250))
			al->intensity += al->intensity < 4 ? 1 : -1;
		al->has_end = true;
		al->end = start + (form <= 2 ? 182 : 365);
	} else if (local && m->regime == JR_REGIME_PRODUCT) {
		snprintf(al->product_code, sizeof(al->product_code), "%sA0%d",
		         d->p->forms[form].jz020, form);
		al->volume = rng_range(&d->rng, 1, form <= 2 ? 4 : 3);
		snprintf(al->unit, sizeof(al->unit), "uur");
		snprintf(al->frequency, sizeof(al->frequency), "per week");
		al->has_end = true;
		al->end = start + (form <= 2 ? 182 : 365);
	} else if (!local && form != 6 && form != 10) {
		al->has_end = true;
		al->end = start + (form == 8 ? 28 : form == 9 ? 182 : 365);
	} else if (form == 10 && c->measure_has_end && c->measure_end >= start) {
		al->has_end = true;
		al->end = c->measure_end;
	}
	f = (struct jr_allocation_facts){
	    .form = form,
	    .measure = measure_in_force(c, start) ? c->measure : JR_MEASURE_NONE,
	    .broad_analysis = true, /* every story records the analysis before allocating */
	    .referral_valid = referral_valid,
	    .municipal_decision = !referral_valid,
	    .provider_known = pr != NULL,
	    .provider_status = pr ? pr->rec.status : JR_PROVIDER_ACTIVE,
	    .contract_covers = pr && (pr->forms & F(form)) && start >= d->contract_start &&
	                       (pr->regional || (pr->munis & (UINT64_C(1) << c->mi))),
	    .regime = m->regime,
	    .result_description = al->result_description[0] != '\0',
	    .intensity = al->intensity,
	    .product_code = al->product_code[0] != '\0',
	    .volume = al->volume,
	    .has_end_date = al->has_end,
	    .start = al->start,
	    .end = al->end,
	};
	if (jr_allocation_check(d->p, &f, &why)) {
		d->n.allocations_refused++;
		return JR_OK;
	}
	al->regime = f.regime;
	snprintf(al->jz020, sizeof(al->jz020), "%s", jr_policy_jz020(d->p, form, f.measure));
	if ((err = jr_store_allocation_add(d->store, d->actor, al)))
		return err;
	d->n.allocations++;
	d->providers[pi].allocations++;
	memset(it, 0, sizeof(*it));
	it->form = form;
	it->provider = pi;
	it->allocation_id = al->id;
	it->start = start;
	*made = true;
	return JR_OK;
}

static enum jr_err op_start(struct demo *d, struct demo_item *it, jr_day on)
{
	int64_t delivery;
	enum jr_err err;

	if (on < it->start)
		on = it->start;
	if ((err = jr_store_care_start(d->store, d->actor, it->allocation_id, on, &delivery)))
		return err;
	it->started = true;
	it->care_start = on;
	d->n.deliveries++;
	return JR_OK;
}

enum stop_kind { STOP_NONE, STOP_NATURAL, STOP_NEGATIVE, STOP_SWITCH, STOP_PLANNED };

/* Stops running care with an outcome that fits how it ended. */
static enum jr_err op_stop(struct demo *d, struct demo_item *it, jr_day on, enum stop_kind kind)
{
	struct jr_care_outcome o;
	const char *reason;
	int goals; /* 0 no, 1 partly, 2 yes */
	enum jr_err err;

	if (on < it->care_start)
		on = it->care_start;
	memset(&o, 0, sizeof(o));
	switch (kind) {
	case STOP_NEGATIVE:
		reason = rng_permille(&d->rng, 600) ? "32" : "33";
		goals = rng_permille(&d->rng, 700) ? 0 : 1;
		break;
	case STOP_SWITCH:
		reason = rng_permille(&d->rng, 500) ? "37" : "38";
		goals = 1;
		break;
	case STOP_PLANNED:
		reason = "31";
		goals = rng_permille(&d->rng, 750) ? 2 : 1;
		break;
	default:
		reason = end_reasons[rng_weighted(&d->rng, end_mix,
		                                  (int)(sizeof(end_mix) / sizeof(end_mix[0])))];
		if (strcmp(reason, "31") == 0)
			goals = rng_permille(&d->rng, 650) ? 2 : 1;
		else if (strcmp(reason, "32") == 0 || strcmp(reason, "33") == 0)
			goals = rng_permille(&d->rng, 600) ? 0 : 1;
		else
			goals = rng_below(&d->rng, 3) == 0 ? 0 : 1;
		break;
	}
	snprintf(o.end_reason, sizeof(o.end_reason), "%s", reason);
	snprintf(o.goals_reached, sizeof(o.goals_reached), "%s",
	         goals == 2   ? "yes"
	         : goals == 1 ? "partly"
	                      : "no");
	o.continues_without_help = rng_permille(&d->rng, goals == 2 ? 850 : goals == 1 ? 450 : 150);
	o.satisfaction = goals == 2   ? rng_range(&d->rng, 7, 10)
	                 : goals == 1 ? rng_range(&d->rng, 5, 8)
	                              : rng_range(&d->rng, 3, 6);
	if ((err = jr_store_care_stop(d->store, d->actor, it->allocation_id, on, &o)))
		return err;
	it->stopped = true;
	it->stop = on;
	it->negative = goals == 0 || strcmp(reason, "32") == 0 || strcmp(reason, "33") == 0;
	d->n.care_stopped++;
	return JR_OK;
}

/* ---------------------------------------------------------------------------------------------
 * 7. Stories: the course of one child's help
 * ------------------------------------------------------------------------------------------- */

/* One trajectory of youth care: the referral, the allocation, the start and (when the stop lies
 * before the peildatum) the end. A step whose date lies after the peildatum does not happen yet,
 * nor what follows it. The item is appended to the child's when allocated. */
struct traj {
	int form;
	int referrer;
	jr_day referred;
	jr_day alloc_start;
	jr_day care_start;
	jr_day stop;
	enum stop_kind stop_kind;
	int avoid1, avoid2;
	int provider; /* -1: pick one */
};

static enum jr_err trajectory(struct demo *d, struct demo_child *c, const struct traj *t,
                              struct demo_item **out)
{
	struct demo_item *it;
	int64_t ref_id = 0;
	bool valid = false, made;
	int pi;
	enum jr_err err;

	*out = NULL;
	if (t->referred > d->today || c->item_count >= DEMO_ITEMS_MAX)
		return JR_OK;
	if ((err = op_referral(d, c, t->referrer, t->form, t->referred, &ref_id, &valid)))
		return err;
	if (t->alloc_start > d->today)
		return JR_OK;
	pi =
	    t->provider >= 0 ? t->provider : pick_provider(d, t->form, c->mi, t->avoid1, t->avoid2);
	it = &c->items[c->item_count];
	if ((err = op_allocate(d, c, t->form, pi, ref_id, valid, t->alloc_start, it, &made)) ||
	    !made)
		return err;
	c->item_count++;
	*out = it;
	if (t->care_start > d->today)
		return JR_OK;
	if ((err = op_start(d, it, t->care_start)))
		return err;
	if (t->stop_kind != STOP_NONE && t->stop <= d->today)
		err = op_stop(d, it, t->stop, t->stop_kind);
	return err;
}

/* A duration from the CBS mix of this referrer. */
static int duration(struct demo *d, int referrer)
{
	const int *mix =
	    duration_mix[referrer >= 1 && referrer <= 8 && duration_mix[referrer][0] ? referrer
	                                                                             : 1];
	int b = rng_weighted(&d->rng, mix, 7);
	return rng_range(&d->rng, duration_days[b][0], duration_days[b][1]);
}

/* A referrer of youth care from the CBS mix, without the GI (only under a measure) and the court
 * (only forms 9 and 10). */
static int draw_referrer(struct demo *d)
{
	int w[9];
	memcpy(w, referrer_mix, sizeof(w));
	w[4] = 0;
	w[8] = 0;
	return rng_weighted(&d->rng, w, 9);
}

static const char *raised_by_for(struct demo *d, int referrer)
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
static void gen_needs(struct demo *d, struct demo_child *c, int form)
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

static int max_need(const struct demo_child *c)
{
	int m = 0;
	for (int i = 0; i < JR_NEED_COUNT; i++)
		if (c->needs[i] > m)
			m = c->needs[i];
	return m;
}

/* The earliest day a help request for this child can be raised: six months after birth. */
static jr_day not_before(const struct demo_child *c, jr_day day)
{
	return day < c->person.birth_date + 182 ? c->person.birth_date + 182 : day;
}

/* Request, analysis (→ analysed), plan (→ planned) on the given days, as far as they lie before
 * the peildatum. *plan_on is the plan's day; false when the story stops before the plan. */
static enum jr_err intake(struct demo *d, struct demo_child *c, const char *raised_by,
                          jr_day raised, jr_day analysed, jr_day planned, bool *reached)
{
	enum jr_err err;

	*reached = false;
	if ((err = op_request(d, c, raised_by, raised)))
		return err;
	if (analysed > d->today)
		return JR_OK;
	if ((err = op_analysis(d, c, analysed, JR_NEED_MAX_LEVEL, true)) ||
	    (err = op_move(d, c, JR_HR_ANALYSED)))
		return err;
	if (planned > d->today)
		return JR_OK;
	if ((err = op_plan(d, c, planned)))
		return err;
	*reached = c->planned;
	return JR_OK;
}

/* After the story: in care when care started, evaluated when all of it stopped, and closed some
 * time after that. */
static enum jr_err conclude(struct demo *d, struct demo_child *c)
{
	bool started = false, running = false, stay = false;
	jr_day last = 0;
	enum jr_err err;

	for (size_t i = 0; i < c->item_count; i++) {
		const struct demo_item *it = &c->items[i];
		started |= it->started;
		running |= !it->stopped;
		if (it->stopped && it->stop > last)
			last = it->stop;
		stay |= jr_setting_is_stay(d->p->forms[it->form].setting);
	}
	if (c->item_count)
		d->n.youths_in_care++;
	d->n.out_of_home += stay;
	if (!c->planned || !started)
		return JR_OK;
	if ((err = op_move(d, c, JR_HR_IN_CARE)))
		return err;
	if (running)
		return JR_OK;
	if ((err = op_move(d, c, JR_HR_EVALUATED)))
		return err;
	if (last < d->today - 60 && rng_permille(&d->rng, 850))
		err = op_move(d, c, JR_HR_CLOSED);
	return err;
}

/* Light help that runs long: most get a review that finds the needs lower (else the escalate
 * signal stands, as it should). */
static enum jr_err review(struct demo *d, struct demo_child *c)
{
	for (size_t i = 0; i < c->item_count; i++) {
		const struct demo_item *it = &c->items[i];
		if (it->form <= 2 && it->started && !it->stopped &&
		    d->today - it->care_start > d->p->norms.escalate_after_days &&
		    max_need(c) >= d->p->thresholds.youth_care_min && rng_permille(&d->rng, 750))
			return op_analysis(d, c, it->care_start + rng_range(&d->rng, 120, 170),
			                   d->p->thresholds.youth_care_min - 1, false);
	}
	return JR_OK;
}

/* A court measure from `start`, carried out by a GI: recorded, and the GI allocated form 10 on
 * the court's referral. */
static enum jr_err measure(struct demo *d, struct demo_child *c, struct demo_household *hh,
                           jr_day start)
{
	struct jr_measure_record m;
	struct demo_item *it;
	struct traj t;
	enum jr_err err;
	int len;

	c->measure_start = start;
	len = c->measure == JR_MEASURE_OTS                 ? rng_range(&d->rng, 365, 1095)
	      : c->measure == JR_MEASURE_JEUGDRECLASSERING ? rng_range(&d->rng, 180, 540)
	                                                   : 0;
	c->measure_has_end = len > 0 && start + len <= d->today;
	c->measure_end = start + len;
	c->measure_provider = pick_provider(d, 10, c->mi, -1, -1);
	if (start > d->today || c->measure_provider < 0) {
		c->measure = JR_MEASURE_NONE;
		return JR_OK;
	}
	memset(&m, 0, sizeof(m));
	m.child_id = c->person.id;
	m.kind = c->measure;
	m.court_date = start - rng_range(&d->rng, 0, 5);
	m.gi_organisation_id = d->providers[c->measure_provider].org_id;
	m.start = start;
	m.has_end = c->measure_has_end;
	m.end = c->measure_end;
	if ((err = jr_store_measure_add(d->store, d->actor, &m)))
		return err;
	d->n.measures++;
	/* In the compulsory framework the GI's worker mostly holds the regie. */
	if (rng_permille(&d->rng, 850))
		hh->coordinator = 2;
	t = (struct traj){.form = 10,
	                  .referrer = 8,
	                  .referred = start,
	                  .alloc_start = start,
	                  .care_start = start,
	                  .stop = c->measure_end,
	                  .stop_kind = c->measure_has_end ? STOP_PLANNED : STOP_NONE,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = c->measure_provider};
	return trajectory(d, c, &t, &it);
}

/* Secure care (JeugdzorgPlus) only with the juvenile court's authorisation (machtiging gesloten
 * jeugdhulp, half a year), on the court's referral. */
static enum jr_err secure_authorisation(struct demo *d, struct demo_child *c, jr_day on)
{
	struct jr_measure_record m;
	enum jr_err err;

	memset(&m, 0, sizeof(m));
	m.child_id = c->person.id;
	m.kind = JR_MEASURE_MACHTIGING_GESLOTEN;
	m.court_date = on;
	m.start = on;
	m.has_end = true;
	m.end = on + 182;
	if ((err = jr_store_measure_add(d->store, d->actor, &m)))
		return err;
	c->measure = m.kind;
	c->measure_start = m.start;
	c->measure_has_end = true;
	c->measure_end = m.end;
	c->referrer = 8;
	d->n.measures++;
	return JR_OK;
}

/* The ordinary course: intake, maybe a measure, then ambulant help, or a stay after an intensive
 * ambulant attempt (home first, rule 10). */
static enum jr_err story_course(struct demo *d, struct demo_child *c, struct demo_household *hh)
{
	struct rng *r = &d->rng;
	struct demo_item *it;
	struct traj t;
	jr_day raised, analysed, planned;
	bool reached, stay;
	int form;
	enum jr_err err;

	c->measure = JR_MEASURE_NONE;
	if (rng_permille(r, d->measure_permille)) {
		int k = rng_below(r, 100);
		c->measure = k < 70   ? JR_MEASURE_OTS
		             : k < 82 ? JR_MEASURE_VOOGDIJ
		                      : JR_MEASURE_JEUGDRECLASSERING;
		if (c->measure == JR_MEASURE_JEUGDRECLASSERING && c->age < 13)
			c->measure = JR_MEASURE_OTS;
	}
	stay = c->measure != JR_MEASURE_NONE ? rng_permille(r, 450)
	                                     : rng_permille(r, d->stay_permille);
	if (c->measure == JR_MEASURE_VOOGDIJ)
		stay = true;
	if (stay) {
		form = stay_forms[rng_weighted(r, stay_mix, 4)];
		if (c->measure == JR_MEASURE_VOOGDIJ)
			form = 6;
		if (form == 9 && (c->measure != JR_MEASURE_NONE || c->age < 12))
			form = 5;
	} else {
		form = 1 + rng_weighted(r, ambulant_mix, 4);
	}
	c->referrer = draw_referrer(d);
	if (c->measure != JR_MEASURE_NONE && rng_permille(r, 600))
		c->referrer = 4;
	gen_needs(d, c, form);
	raised = not_before(c, d->today - rng_range(r, 10, 1000));
	if (raised > d->today)
		return JR_OK;
	analysed = raised + rng_range(r, 5, 25);
	planned = analysed + rng_range(r, 3, 20);
	if (c->measure != JR_MEASURE_NONE) {
		/* The measure comes with the analysis; the plan follows it. */
		if ((err = op_request(d, c, rng_permille(r, 500) ? "veilig_thuis" : "gi", raised)))
			return err;
		if (analysed > d->today)
			return conclude(d, c);
		if ((err = op_analysis(d, c, analysed, JR_NEED_MAX_LEVEL, true)) ||
		    (err = op_move(d, c, JR_HR_ANALYSED)) ||
		    (err = measure(d, c, hh, analysed + rng_range(r, 0, 10))))
			return err;
		if (planned > d->today)
			return conclude(d, c);
		if ((err = op_plan(d, c, planned)))
			return err;
		reached = c->planned;
	} else if ((err = intake(d, c, raised_by_for(d, c->referrer), raised, analysed, planned,
	                         &reached))) {
		return err;
	}
	if (!reached)
		return conclude(d, c);
	if (stay && (form == 9 || rng_permille(r, 900))) {
		/* Home first: intensive ambulant help, then the stay when it is not enough. */
		int amb = rng_permille(r, 500) ? 3 : 4;
		t = (struct traj){.form = amb,
		                  .referrer = c->referrer,
		                  .referred = planned + rng_range(r, 0, 10),
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_SWITCH};
		t.alloc_start = t.referred + rng_range(r, 7, 35);
		t.care_start = t.alloc_start + rng_range(r, 0, 7);
		t.stop = t.care_start + rng_range(r, 60, 240);
		if ((err = trajectory(d, c, &t, &it)))
			return err;
		if (!it || !it->stopped)
			return conclude(d, c);
		planned = it->stop - rng_range(r, 5, 20);
		if (form == 9 && (err = secure_authorisation(d, c, planned)))
			return err;
		t = (struct traj){.form = form,
		                  .referrer = c->referrer,
		                  .referred = planned,
		                  .alloc_start = it->stop,
		                  .care_start = it->stop,
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_NATURAL};
		t.stop = t.care_start + duration(d, c->referrer);
	} else {
		t = (struct traj){.form = form,
		                  .referrer = c->referrer,
		                  .referred = planned + rng_range(r, 0, 10),
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_NATURAL};
		t.alloc_start = t.referred + rng_range(r, 5, 38);
		t.care_start = t.alloc_start + rng_range(r, 0, 10);
		t.stop = t.care_start + duration(d, c->referrer);
	}
	if ((err = trajectory(d, c, &t, &it)) || (err = review(d, c)))
		return err;
	/* Several domains at once: the local team often takes the regie. */
	if (!hh->coordinator && max_need(c) >= 3 && c->needs[JR_NEED_FAMILY] >= 3 &&
	    rng_permille(r, 400))
		hh->coordinator = 1;
	return conclude(d, c);
}

/* Hopping: two interventions at two providers ended negatively within the year, a third runs. */
static enum jr_err story_hopping(struct demo *d, struct demo_child *c)
{
	struct rng *r = &d->rng;
	struct demo_item *a = NULL, *b = NULL, *x;
	struct traj t;
	jr_day stop1 = d->today - rng_range(r, 200, 320), care1 = stop1 - rng_range(r, 60, 150);
	jr_day referred1 = care1 - rng_range(r, 10, 35), planned = referred1 - rng_range(r, 0, 10);
	jr_day analysed = planned - rng_range(r, 5, 15), raised = analysed - rng_range(r, 5, 20);
	bool reached;
	enum jr_err err;

	c->measure = JR_MEASURE_NONE;
	c->referrer = rng_permille(r, 500) ? 1 : 2;
	gen_needs(d, c, 3);
	if ((err =
	         intake(d, c, raised_by_for(d, c->referrer), raised, analysed, planned, &reached)))
		return err;
	if (!reached)
		return conclude(d, c);
	t = (struct traj){.form = 3,
	                  .referrer = c->referrer,
	                  .referred = referred1,
	                  .alloc_start = care1 - rng_range(r, 0, 7),
	                  .care_start = care1,
	                  .stop = stop1,
	                  .stop_kind = STOP_NEGATIVE,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = -1};
	if ((err = trajectory(d, c, &t, &a)))
		return err;
	t.form = rng_permille(r, 500) ? 3 : 4;
	t.referrer = rng_permille(r, 500) ? 1 : 2;
	t.referred = stop1 + rng_range(r, 5, 15);
	t.alloc_start = t.referred + rng_range(r, 7, 20);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	t.stop = t.care_start + rng_range(r, 40, 100);
	t.avoid1 = a ? a->provider : -1;
	if ((err = trajectory(d, c, &t, &b)))
		return err;
	if (!b || !b->stopped)
		return conclude(d, c);
	/* A new advice with the history: the engine itself now names the hopping (rule 9). */
	if ((err = op_advice(d, c, b->stop + rng_range(r, 2, 6), false)))
		return err;
	t.form = rng_permille(r, 500) ? 3 : 2;
	t.referred = b->stop + rng_range(r, 7, 12);
	t.alloc_start = t.referred + rng_range(r, 5, 14);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	t.stop_kind = STOP_NONE;
	t.avoid2 = b->provider;
	if ((err = trajectory(d, c, &t, &x)))
		return err;
	return conclude(d, c);
}

/* Two providers at once: specialist support and, later, treatment elsewhere. */
static enum jr_err story_multi(struct demo *d, struct demo_child *c, struct demo_household *hh,
                               bool forced)
{
	struct rng *r = &d->rng;
	struct demo_item *a = NULL, *b;
	struct traj t;
	jr_day raised = not_before(c, d->today - rng_range(r, 200, 500));
	jr_day analysed = raised + rng_range(r, 5, 20), planned = analysed + rng_range(r, 3, 15);
	bool reached;
	enum jr_err err;

	c->measure = JR_MEASURE_NONE;
	c->referrer = rng_permille(r, 500) ? 1 : 2;
	gen_needs(d, c, 3);
	c->needs[JR_NEED_MENTAL_HEALTH] = 3;
	if ((err =
	         intake(d, c, raised_by_for(d, c->referrer), raised, analysed, planned, &reached)))
		return err;
	if (!reached)
		return conclude(d, c);
	t = (struct traj){.form = 3,
	                  .referrer = c->referrer,
	                  .referred = planned + rng_range(r, 0, 7),
	                  .stop_kind = STOP_NONE,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = -1};
	t.alloc_start = t.referred + rng_range(r, 7, 21);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	if ((err = trajectory(d, c, &t, &a)))
		return err;
	if (!a)
		return conclude(d, c);
	t.form = 4;
	t.referrer = rng_permille(r, 500) ? 5 : 2;
	t.referred = t.care_start + rng_range(r, 20, 60);
	if (t.referred > d->today - 20)
		t.referred = d->today - 20 > t.care_start ? d->today - 20 : t.care_start;
	t.alloc_start = t.referred + rng_range(r, 3, 10);
	t.care_start = t.alloc_start + rng_range(r, 0, 5);
	if (t.care_start > d->today)
		t.care_start = d->today;
	t.avoid1 = a->provider;
	if ((err = trajectory(d, c, &t, &b)))
		return err;
	if (forced || rng_permille(r, 750))
		hh->no_coordinator = true;
	else
		hh->coordinator = hh->coordinator ? hh->coordinator : 1;
	return conclude(d, c);
}

/* Waiting: a valid referral without allocation, or an allocation without start, past the norm. */
static enum jr_err story_waiting(struct demo *d, struct demo_child *c, bool start)
{
	struct rng *r = &d->rng;
	int norm = d->p->norms.max_waiting_days;
	jr_day alloc = d->today - rng_range(r, norm + 1, norm + 70);
	jr_day referred = alloc - rng_range(r, 7, 30);
	jr_day planned = referred - rng_range(r, 0, 10), analysed = planned - rng_range(r, 5, 15);
	jr_day raised = analysed - rng_range(r, 5, 20);
	struct demo_item *it;
	struct traj t;
	bool reached;
	enum jr_err err;

	if (!start) {
		/* Waiting for an allocation: the referral itself is past the norm. */
		referred = d->today - rng_range(r, norm + 1, norm + 120);
		planned = referred - rng_range(r, 0, 10);
		analysed = planned - rng_range(r, 5, 15);
		raised = analysed - rng_range(r, 5, 20);
	}
	c->measure = JR_MEASURE_NONE;
	c->referrer = 1 + rng_below(r, 3); /* local team, GP or youth doctor: a valid referral */
	gen_needs(d, c, rng_permille(r, 500) ? 3 : 4);
	if ((err = intake(d, c, raised_by_for(d, c->referrer), not_before(c, raised), analysed,
	                  planned, &reached)))
		return err;
	if (!reached)
		return conclude(d, c);
	t = (struct traj){
	    .form = c->main_need == JR_NEED_MENTAL_HEALTH && c->needs[c->main_need] >= 3 ? 4 : 3,
	    .referrer = c->referrer,
	    .referred = referred,
	    .alloc_start = start ? alloc : d->today + 1,
	    .care_start = d->today + 1,
	    .stop_kind = STOP_NONE,
	    .avoid1 = -1,
	    .avoid2 = -1,
	    .provider = -1};
	if ((err = trajectory(d, c, &t, &it)))
		return err;
	return conclude(d, c);
}

/* The family withdraws the request, sometimes after the analysis. */
static enum jr_err story_withdrawn(struct demo *d, struct demo_child *c)
{
	struct rng *r = &d->rng;
	jr_day raised = not_before(c, d->today - rng_range(r, 10, 900));
	enum jr_err err;

	if (raised > d->today)
		return JR_OK;
	c->measure = JR_MEASURE_NONE;
	gen_needs(d, c, 1 + rng_below(r, 2));
	if ((err = op_request(d, c, raised_by_for(d, draw_referrer(d)), raised)))
		return err;
	if (rng_permille(r, 500) && raised + 14 <= d->today &&
	    (err = op_analysis(d, c, raised + rng_range(r, 5, 14), JR_NEED_MAX_LEVEL, true)))
		return err;
	return op_move(d, c, JR_HR_WITHDRAWN);
}

/* Crisis first: a quick analysis, crisis care, the full analysis within the follow-up norm
 * (mostly), then a plan and often ambulant help. */
static enum jr_err story_crisis(struct demo *d, struct demo_child *c)
{
	struct rng *r = &d->rng;
	jr_day raised = not_before(c, d->today - rng_range(r, 20, 900)), follow;
	struct demo_item *crisis, *it;
	struct traj t;
	enum jr_err err;

	if (raised > d->today)
		return JR_OK;
	c->measure = JR_MEASURE_NONE;
	c->referrer = rng_permille(r, 700) ? 1 : 2;
	gen_needs(d, c, 8);
	if ((err = op_request(d, c, rng_permille(r, 600) ? "veilig_thuis" : "police", raised)) ||
	    (err = op_analysis(d, c, raised, JR_NEED_MAX_LEVEL, true)) ||
	    (err = op_move(d, c, JR_HR_ANALYSED)))
		return err;
	t = (struct traj){.form = 8,
	                  .referrer = c->referrer,
	                  .referred = raised,
	                  .alloc_start = raised,
	                  .care_start = raised + rng_range(r, 0, 1),
	                  .stop_kind = STOP_PLANNED,
	                  .avoid1 = -1,
	                  .avoid2 = -1,
	                  .provider = -1};
	t.stop = t.care_start + rng_range(r, 7, 42);
	if ((err = trajectory(d, c, &t, &crisis)))
		return err;
	if (!crisis || !crisis->started || !rng_permille(r, 900))
		return conclude(d, c); /* the follow-up did not come (the signal stands) */
	follow = crisis->care_start + rng_range(r, 3, 12);
	if (follow > d->today)
		return conclude(d, c);
	c->needs[JR_NEED_SAFETY] = 3;
	c->flags &= ~JR_FLAG_BIT(JR_FLAG_ACUTE_CRISIS);
	if ((err = op_analysis(d, c, follow, JR_NEED_MAX_LEVEL, true)))
		return err;
	if (follow + 5 > d->today)
		return conclude(d, c);
	if ((err = op_plan(d, c, follow + rng_range(r, 2, 5))))
		return err;
	if (c->planned && rng_permille(r, 600)) {
		t = (struct traj){.form = 3,
		                  .referrer = c->referrer,
		                  .referred = follow + rng_range(r, 5, 15),
		                  .avoid1 = -1,
		                  .avoid2 = -1,
		                  .provider = -1,
		                  .stop_kind = STOP_NATURAL};
		if (crisis->stopped && t.referred < crisis->stop)
			t.referred = crisis->stop;
		t.alloc_start = t.referred + rng_range(r, 5, 30);
		t.care_start = t.alloc_start + rng_range(r, 0, 7);
		t.stop = t.care_start + duration(d, c->referrer);
		if ((err = trajectory(d, c, &t, &it)))
			return err;
	}
	return conclude(d, c);
}

/* ---------------------------------------------------------------------------------------------
 * 8. Households and the loading loop
 * ------------------------------------------------------------------------------------------- */

static enum jr_err person_add(struct demo *d, struct jr_person *p)
{
	const char *field, *message;
	enum jr_err err;

	if (d->bsn_next >= BSN_OFFSET_MAX)
		return JR_ERR_TOO_BIG;
	d->bsn_next = bsn_from(d->bsn_next, p->bsn) + 1;
	p->demo = true;
	if (jr_person_check(p, d->today, &field, &message))
		err = JR_ERR_INTERNAL; /* a generator bug: nothing invalid goes to the store */
	else
		err = jr_store_person_add(d->store, d->actor, p);
	sodium_memzero(p->bsn, sizeof(p->bsn));
	if (!err)
		d->n.persons++;
	return err;
}

/* A municipality, weighted by population. */
static size_t pick_muni(struct demo *d)
{
	long pick = (long)(rng_next(&d->rng) % (uint64_t)d->population_total);
	for (size_t i = 0; i < d->muni_count; i++) {
		if (pick < d->munis[i].population)
			return i;
		pick -= d->munis[i].population;
	}
	return d->muni_count - 1;
}

/* The story of a child in care; the first ones of a load are forced (see forced_stories). */
static enum jr_err child_care(struct demo *d, struct demo_child *c, struct demo_household *hh)
{
	enum story st = (enum story)rng_weighted(&d->rng, story_mix, ST_COUNT);
	enum jr_err err;

	if (c->age >= 4 && d->forced < sizeof(forced_stories) / sizeof(forced_stories[0]))
		st = forced_stories[d->forced++];
	else if (c->age < 4 && st != ST_COURSE && st != ST_WITHDRAWN)
		st = ST_COURSE;
	d->n.stories[st]++;
	d->n.youths_with_request++;
	switch (st) {
	case ST_HOPPING: err = story_hopping(d, c); break;
	case ST_MULTI: err = story_multi(d, c, hh, d->n.stories[ST_MULTI] == 1); break;
	case ST_WAIT_REFERRAL: err = story_waiting(d, c, false); break;
	case ST_WAIT_START: err = story_waiting(d, c, true); break;
	case ST_WITHDRAWN: err = story_withdrawn(d, c); break;
	case ST_CRISIS: err = story_crisis(d, c); break;
	default: err = story_course(d, c, hh); break;
	}
	return err;
}

/* The household's address in municipality m, which all its members share. */
static void household_address(struct demo *d, const struct demo_muni *m, struct jr_address *a)
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

/* One household: one or two parents and up to `room` children of 0-17, in one municipality;
 * then the help of each child, and the coordinator the stories asked for. */
static enum jr_err household(struct demo *d, long room, long *kids)
{
	static const int kid_mix[DEMO_KIDS_MAX] = {35, 45, 15, 5};
	struct rng *r = &d->rng;
	struct demo_household *hh = &d->hh;
	struct demo_muni *m;
	struct jr_person parent;
	struct jr_address home;
	char fam[64];
	int count = 1 + rng_weighted(r, kid_mix, DEMO_KIDS_MAX),
	    parents = rng_permille(r, 280) ? 1 : 2;
	int age = rng_range(r, 0, 17);
	bool girl, mother;
	jr_day eldest = 0;
	size_t mi;
	enum jr_err err;

	memset(hh, 0, sizeof(*hh));
	mi = pick_muni(d);
	m = &d->munis[mi];
	memcpy(hh->rec.municipality, m->pm->code, sizeof(hh->rec.municipality));
	if ((err = jr_store_household_add(d->store, d->actor, &hh->rec)))
		return err;
	d->n.households++;
	family_name(r, fam, sizeof(fam));
	household_address(d, m, &home);
	if (count > room)
		count = (int)room;
	/* Children, eldest first, one to four years apart. */
	for (int k = 0; k < count && age >= 0; k++) {
		struct demo_child *c = &hh->kids[hh->kid_count];
		memset(c, 0, sizeof(*c));
		c->mi = mi;
		c->age = age;
		c->measure_provider = -1;
		c->household_id = hh->rec.id;
		c->person.birth_date = jr_date_add_years(d->today, -age) - rng_range(r, 0, 364);
		if (k == 0)
			eldest = c->person.birth_date;
		girl = rng_permille(r, 500);
		snprintf(c->person.given_names, sizeof(c->person.given_names), "%s",
		         girl ? PICK(r, girls) : PICK(r, boys));
		c->person.sex = girl ? '2' : '1';
		c->person.address = home;
		snprintf(c->person.family_name, sizeof(c->person.family_name), "%s", fam);
		memcpy(c->person.municipality, m->pm->code, sizeof(c->person.municipality));
		if ((err = person_add(d, &c->person)) ||
		    (err = jr_store_household_add_member(d->store, d->actor, hh->rec.id,
		                                         c->person.id, "child")))
			return err;
		d->n.children++;
		hh->kid_count++;
		age -= rng_range(r, 1, 4);
	}
	for (int k = 0; k < parents; k++) {
		memset(&parent, 0, sizeof(parent));
		parent.birth_date =
		    jr_date_add_years(eldest, -rng_range(r, 22, 40)) - rng_range(r, 0, 364);
		mother = (k == 0) == rng_permille(r, 850);
		snprintf(parent.given_names, sizeof(parent.given_names), "%s",
		         mother ? PICK(r, mothers) : PICK(r, fathers));
		parent.sex = mother ? '2' : '1';
		parent.address = home;
		if (k == 0 || rng_permille(r, 500))
			snprintf(parent.family_name, sizeof(parent.family_name), "%s", fam);
		else
			family_name(r, parent.family_name, sizeof(parent.family_name));
		memcpy(parent.municipality, m->pm->code, sizeof(parent.municipality));
		if ((err = person_add(d, &parent)) ||
		    (err = jr_store_household_add_member(d->store, d->actor, hh->rec.id, parent.id,
		                                         "parent")))
			return err;
		d->n.parents++;
	}
	*kids = (long)hh->kid_count;
	/* Youth care: the municipality's share, for children from two years old (scaled so the
	 * share holds over all youths). */
	for (size_t k = 0; k < hh->kid_count; k++) {
		struct demo_child *c = &hh->kids[k];
		if (c->age >= 2 && rng_permille(r, m->care_permille * 18 / 16) &&
		    (err = child_care(d, c, hh)))
			return err;
	}
	if (hh->coordinator && !hh->no_coordinator) {
		int64_t user = hh->coordinator == 2 ? d->gi_user_id : m->consulent_id;
		if ((err = jr_store_household_set_coordinator(d->store, d->actor, &hh->rec, user)))
			return err;
		d->n.coordinators++;
	}
	return JR_OK;
}

static void progress(struct demo *d, long done, long total)
{
	int tenth = (int)(done * 10 / total);

	if (d->tty) {
		fprintf(stderr, "\rjeugdroute: demo: %ld van %ld jongeren…", done, total);
		if (done == total)
			fputc('\n', stderr);
	} else if (tenth > d->last_tenth) {
		fprintf(stderr, "jeugdroute: demo: %ld van %ld jongeren…\n", done, total);
	}
	d->last_tenth = tenth;
	fflush(stderr);
}

/* Loads `total` youths in bulk transactions of about DEMO_BATCH. */
static enum jr_err load(struct demo *d, long total)
{
	long done = 0;
	enum jr_err err = JR_OK;

	while (done < total) {
		long in_batch = 0;
		if ((err = jr_store_bulk_begin(d->store)))
			return err;
		while (done < total && in_batch < DEMO_BATCH) {
			long kids = 0;
			if ((err = household(d, total - done, &kids)))
				break;
			done += kids;
			in_batch += kids;
		}
		if (err) {
			jr_store_bulk_end(d->store, false);
			return err;
		}
		if ((err = jr_store_bulk_end(d->store, true)))
			return err;
		progress(d, done, total);
	}
	/* The provider suspended after a fraud investigation: its clients stay on record, new
	 * allocations to it are refused from now on. */
	for (size_t i = 0; i < d->provider_count; i++) {
		struct demo_provider *pr = &d->providers[i];
		if (pr->suspend_at_end &&
		    (err = jr_store_provider_set_status(d->store, d->actor, &pr->rec,
		                                        JR_PROVIDER_SUSPENDED)))
			return err;
	}
	return JR_OK;
}

/* ---------------------------------------------------------------------------------------------
 * 9. The command
 * ------------------------------------------------------------------------------------------- */

/* --logins ja: one account per role to log in with, in the organisations where the demo has
 * most to show — the local team of the largest municipality and a GP practice there, the GI,
 * the provider with the most allocations (as an organisation of its own), the regional office
 * for contract management and policy. The consulent takes over the families whose regie the
 * municipality's demo consulent held. The passwords come from JEUGDROUTE_DEMO_PASSWORD or are
 * made up, and are shown once in the summary: demo accounts for fictitious data only. */
#define DEMO_LOGINS 6
struct demo_login {
	char username[40];
	const char *role;
	int64_t organisation_id;
	char password[32];
};

static enum jr_err make_logins(struct demo *d, const char *password, struct demo_login *out)
{
	static const char *const names[DEMO_LOGINS] = {"consulent",      "huisarts",
						       "jeugdbescherming", "aanbieder",
						       "contractbeheer", "beleid"};
	static const char *const roles[DEMO_LOGINS] = {"consulent", "verwijzer", "gi", "provider",
						       "contract_manager", "policy"};
	const struct demo_muni *big = &d->munis[0];
	const struct demo_provider *busy = NULL;
	char name[JR_PERSON_NAME_MAX];
	int64_t provider_org = 0, id, moved;
	enum jr_err err;

	for (size_t i = 1; i < d->muni_count; i++)
		if (d->munis[i].population > big->population)
			big = &d->munis[i];
	for (size_t i = 0; i < d->provider_count; i++)
		if (!d->providers[i].org_id && (!busy || d->providers[i].allocations > busy->allocations))
			busy = &d->providers[i];
	if (busy) {
		snprintf(name, sizeof(name), "%.100s", busy->rec.name);
		if ((err = org_add(d, "provider", name, "", busy->rec.agb, &provider_org)))
			return err;
	}
	{
		const int64_t orgs[DEMO_LOGINS] = {big->local_team_id, big->gp_org_id[0], d->gi_org_id,
						   provider_org, d->office_id, d->office_id};
		for (size_t i = 0; i < DEMO_LOGINS; i++) {
			struct demo_login *l = &out[i];
			if (d->run)
				snprintf(l->username, sizeof(l->username), "demo%d-%s", d->run, names[i]);
			else
				snprintf(l->username, sizeof(l->username), "%s", names[i]);
			l->role = roles[i];
			l->organisation_id = orgs[i];
			if (password)
				snprintf(l->password, sizeof(l->password), "%s", password);
			else
				jr_app_password(l->password, 17);
			if ((err = jr_store_user_add_in(d->store, d->actor, l->username, l->role,
							l->organisation_id, password ? password
										     : l->password,
							&id)))
				return err;
			d->n.users++;
			/* the consulent login holds the regie its municipality's demo consulent
			 * had, so that "my families" shows families */
			if (i == 0 && (err = jr_store_households_hand_over(
					       d->store, d->actor, big->consulent_id, id, &moved)))
				return err;
			if (password)
				snprintf(l->password, sizeof(l->password), "(JEUGDROUTE_DEMO_PASSWORD)");
		}
	}
	return JR_OK;
}

static void summary(const struct demo *d, long youths, uint64_t seed, double seconds,
                    const struct demo_login *logins, size_t login_count)
{
	const struct demo_counts *n = &d->n;
	char day[JR_DATE_STRLEN];

	jr_date_format(d->today, day);
	printf("{\"region\":\"%s\",\"seed\":%llu,\"date\":\"%s\",\"demo\":true,\"youths\":%ld,"
	       "\"persons\":%ld,\"children\":%ld,\"parents\":%ld,\"households\":%ld,"
	       "\"help_requests\":%ld,\"analyses\":%ld,\"goals\":%ld,\"route_advice\":%ld,"
	       "\"light_options\":%ld,\"referrals\":%ld,\"referrals_valid\":%ld,\"measures\":%ld,"
	       "\"allocations\":%ld,\"allocations_refused\":%ld,\"deliveries\":%ld,"
	       "\"deliveries_stopped\":%ld,\"moves\":%ld,\"moves_refused\":%ld,"
	       "\"providers\":%ld,\"contracts\":%ld,\"organisations\":%ld,\"users\":%ld,"
	       "\"social_map\":%ld,"
	       "\"coordinators\":%ld,\"youths_with_request\":%ld,\"youths_in_care\":%ld,"
	       "\"out_of_home\":%ld,\"stories\":{\"course\":%ld,\"hopping\":%ld,"
	       "\"multi_agency\":%ld,\"waiting_referral\":%ld,\"waiting_start\":%ld,"
	       "\"withdrawn\":%ld,\"crisis\":%ld},\"elapsed_seconds\":%.2f",
	       d->p->id, (unsigned long long)seed, day, youths, n->persons, n->children, n->parents,
	       n->households, n->help_requests, n->analyses, n->goals, n->route_advice,
	       n->light_options, n->referrals, n->referrals_valid, n->measures, n->allocations,
	       n->allocations_refused, n->deliveries, n->care_stopped, n->moves, n->moves_refused,
	       n->providers, n->contracts, n->organisations, n->users, n->social_map,
	       n->coordinators, n->youths_with_request, n->youths_in_care, n->out_of_home,
	       n->stories[ST_COURSE], n->stories[ST_HOPPING], n->stories[ST_MULTI],
	       n->stories[ST_WAIT_REFERRAL], n->stories[ST_WAIT_START], n->stories[ST_WITHDRAWN],
	       n->stories[ST_CRISIS], seconds);
	if (login_count) {
		printf(",\"logins\":[");
		for (size_t i = 0; i < login_count; i++)
			printf("%s{\"username\":\"%s\",\"role\":\"%s\",\"organisation_id\":%lld,"
			       "\"password\":\"%s\"}",
			       i ? "," : "", logins[i].username, logins[i].role,
			       (long long)logins[i].organisation_id, logins[i].password);
		printf("]");
	}
	printf("}\n");
}

/* The municipalities of the region with their population and youth-care share. */
static void setup_munis(struct demo *d)
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
	d->measure_permille = d->ref->measure * 1000 / story_mix[ST_COURSE];
	d->stay_permille =
	    (d->ref->out_of_home * 1000 / story_mix[ST_COURSE] - d->measure_permille * 450 / 1000) *
	    1000 / (1000 - d->measure_permille);
	if (d->stay_permille < 0)
		d->stay_permille = 0;
}

/* A whole number in [min, max] from text, digits only; -1 when it is not one. */
static int parse_count(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end = NULL;
	unsigned long long v;

	if (!s || !*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 19)
		return -1;
	v = strtoull(s, &end, 10);
	if (*end || v > max)
		return -1;
	*out = v;
	return 0;
}

int jr_cmd_demo(int argc, char **argv)
{
	static const char *const allowed[] = {"youth", "region", "seed", "date", "logins", NULL};
	struct jr_args h = {.command = "demo"};
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct demo *d = NULL;
	struct timespec t0, t1;
	const char *region, *seed_text, *logins_text, *demo_password;
	struct demo_login login[DEMO_LOGINS];
	unsigned long long youths = 0, seed = 1;
	bool logins;
	int status;
	enum jr_err err;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	jr_policy_set_init(&set);
	d = calloc(1, sizeof(*d));
	if (!d) {
		jr_cli_error("demo: onvoldoende geheugen");
		status = 1;
		goto out;
	}
	jr_buf_init(&d->out, 1 << 20);
	jr_buf_init(&d->scratch, 1 << 16);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &d->today)))
		goto out;
	status = 2;
	if (h.id) {
		jr_cli_error("demo: onverwacht argument; zie jeugdroute demo --help");
		goto out;
	}
	if (parse_count(jr_args_get(&h, "youth"), DEMO_YOUTH_MAX, &youths) || youths < 1) {
		jr_cli_error("demo: veld youth: verwacht een aantal jongeren van 1 tot en met %d",
		             DEMO_YOUTH_MAX);
		goto out;
	}
	seed_text = jr_args_get(&h, "seed");
	if (seed_text && parse_count(seed_text, UINT64_MAX, &seed)) {
		jr_cli_error("demo: veld seed: verwacht een geheel getal van 0 of meer");
		goto out;
	}
	logins_text = jr_args_get(&h, "logins");
	if (logins_text && strcmp(logins_text, "ja") != 0) {
		jr_cli_error("demo: veld logins: verwacht ja (maak per rol een account om mee in te "
		             "loggen)");
		goto out;
	}
	logins = logins_text != NULL;
	demo_password = getenv("JEUGDROUTE_DEMO_PASSWORD");
	if (demo_password && (strlen(demo_password) < 12 || strlen(demo_password) > 20)) {
		jr_cli_error("demo: JEUGDROUTE_DEMO_PASSWORD: verwacht 12 tot 20 tekens");
		goto out;
	}
	if (jr_cli_load_policies(&h.db, &set))
		goto out;
	region = jr_args_get(&h, "region");
	if (!region)
		region = "twente";
	for (size_t i = 0; i < set.count && !d->p; i++)
		if (strcmp(set.policies[i]->id, region) == 0)
			d->p = set.policies[i];
	if (!d->p || d->p->municipality_count == 0) {
		jr_cli_error(
		    "demo: veld region: onbekende regio; kies de id van een beleidsbestand "
		    "(twente of amersfoort)");
		goto out;
	}
	for (size_t i = 0; i < sizeof(region_refs) / sizeof(region_refs[0]); i++)
		if (strcmp(region_refs[i].id, d->p->id) == 0 || !region_refs[i].id[0]) {
			d->ref = &region_refs[i];
			break;
		}
	/* The audit log says why: demo data, unless --reason says otherwise. */
	if (strcmp(h.db.reason, "beheer via de opdrachtregel") == 0)
		h.db.reason = "demodata laden (jeugdroute demo)";
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("demo", &h.db, &store)))
		goto out;
	status = 1;
	d->store = store;
	d->actor = &actor;
	d->rng.state = seed;
	d->rng_address.state = seed ^ UINT64_C(0x5bd1e9955bd1e995);
	d->tty = isatty(STDERR_FILENO) == 1;
	d->last_tenth = 0;
	d->agb_next = 1;
	{
		int y, mo, dd;
		jr_date_to_ymd(d->today, &y, &mo, &dd);
		d->contract_start = jr_date_from_ymd(y - 4, 1, 1);
	}
	setup_munis(d);
	if ((err = find_run(d))) {
		jr_cli_error("demo: %s",
		             err == JR_ERR_TOO_BIG
		                 ? "deze database heeft al het maximale aantal demoladingen"
		                 : "de database lezen mislukt");
		goto out;
	}
	if ((err = find_bsn_start(d)) ||
	    d->bsn_next + youths * 3 + youths / 2 + 1000 >= BSN_OFFSET_MAX) {
		jr_cli_error("demo: %s", err && err != JR_ERR_TOO_BIG
		                             ? "de database lezen mislukt"
		                             : "geen ruimte meer in de reeks demo-BSN's");
		goto out;
	}
	if ((err = jr_store_bulk_begin(store)))
		goto store_failed;
	err = setup(d);
	if (err) {
		jr_store_bulk_end(store, false);
		goto store_failed;
	}
	if ((err = jr_store_bulk_end(store, true)) || (err = load(d, (long)youths)))
		goto store_failed;
	if (logins && (err = make_logins(d, demo_password, login)))
		goto store_failed;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	summary(d, (long)youths, seed,
	        (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, login,
	        logins ? DEMO_LOGINS : 0);
	status = 0;
	goto out;
store_failed:
	if (d->tty && d->last_tenth)
		fputc('\n', stderr);
	jr_cli_error(
	    "demo: laden mislukt (%s); wat al geladen was blijft staan, de lopende partij is "
	    "teruggedraaid",
	    jr_err_name(err));
	status = jr_err_exit_status(err) == 2 ? 1 : jr_err_exit_status(err);
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	if (d) {
		jr_buf_release(&d->out);
		jr_buf_release(&d->scratch);
		sodium_memzero(d, sizeof(*d));
		free(d);
	}
	return status;
}
