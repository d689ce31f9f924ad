/* cmd_demo: `jeugdroute demo` — a believable synthetic youth-care region (src/demo/): the
 * options, the records opened, and the summary of what was loaded as JSON on stdout. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/session.h"
#include "demo/demo.h"
#include "json/json_writer.h"

const char jr_usage_demo[] =
    "Gebruik: jeugdroute demo --youth N [--region twente|amersfoort] [--seed S]\n"
    "                         [--date JJJJ-MM-DD] [--years N] [--logins ja]\n"
    "                         [--db URL] [--key BESTAND]\n"
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
    "--years N (1 tot en met 5) spreidt de hulpvragen over N jaar terug (standaard ruim twee en\n"
    "een half), niet verder terug dan de contracten (vier kalenderjaren). Een deel van de\n"
    "hulpvragen wordt afgesloten zonder jeugdhulp (de sociale basis of het lokale team\n"
    "volstond), en een kwart daarvan komt binnen een jaar terug met een nieuwe hulpvraag, zodat\n"
    "de cijfers (jeugdroute figures) iets te zeggen hebben.\n"
    "\n"
    "Met --logins ja komt er per rol een account om mee in te loggen (consulent, huisarts,\n"
    "jeugdbescherming, aanbieder, contractbeheer, beleid); het wachtwoord komt uit\n"
    "JEUGDROUTE_DEMO_PASSWORD of wordt gemaakt en eenmalig getoond. Alleen voor demodata.\n"
    "\n"
    "De voortgang staat op stderr, een samenvatting (aantallen, seconden) als JSON op stdout.\n"
    "Maak de database eerst met jeugdroute init.\n";

/* The summary on stdout: what was loaded, in the order of the load, and the logins with their
 * passwords (shown once). JR_ERR_NOMEM when it did not fit its buffer. */
static enum jr_err summary(const struct jr_demo *d, const struct jr_policy *p, long youths,
                           jr_day today, uint64_t seed, double seconds)
{
	static const char *const stories[JR_DEMO_ST_COUNT] = {
	    "course",        "hopping",   "multi_agency", "waiting_referral",
	    "waiting_start", "withdrawn", "crisis"};
	const struct jr_demo_counts *n = jr_demo_counts(d);
	const struct {
		const char *key;
		long value;
	} counts[] = {
	    {"youths", youths},
	    {"persons", n->persons},
	    {"children", n->children},
	    {"parents", n->parents},
	    {"households", n->households},
	    {"help_requests", n->help_requests},
	    {"analyses", n->analyses},
	    {"goals", n->goals},
	    {"route_advice", n->route_advice},
	    {"light_options", n->light_options},
	    {"referrals", n->referrals},
	    {"referrals_valid", n->referrals_valid},
	    {"measures", n->measures},
	    {"allocations", n->allocations},
	    {"allocations_refused", n->allocations_refused},
	    {"deliveries", n->deliveries},
	    {"deliveries_stopped", n->care_stopped},
	    {"moves", n->moves},
	    {"moves_refused", n->moves_refused},
	    {"providers", n->providers},
	    {"contracts", n->contracts},
	    {"organisations", n->organisations},
	    {"users", n->users},
	    {"social_map", n->social_map},
	    {"coordinators", n->coordinators},
	    {"youths_with_request", n->youths_with_request},
	    {"youths_in_care", n->youths_in_care},
	    {"out_of_home", n->out_of_home},
	    {"settled_without_youth_care", n->settled},
	    {"repeat_requests", n->repeat_requests},
	    {"claims", n->claims},
	    {"claim_lines", n->claim_lines},
	    {"claimed_cents", (long)n->claimed_cents},
	};
	struct jr_json_writer w;
	struct jr_buf out;
	char number[24];
	size_t login_count;
	const struct jr_demo_login *logins = jr_demo_logins(d, &login_count);
	enum jr_err err;

	jr_buf_init(&out, 1 << 16);
	jr_jw_init(&w, &out);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "region", p->id);
	snprintf(number, sizeof(number), "%llu", (unsigned long long)seed); /* may pass INT64_MAX */
	jr_jw_key(&w, "seed");
	jr_jw_raw(&w, number);
	jr_jw_kdate(&w, "date", today, true);
	jr_jw_kbool(&w, "demo", true);
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		jr_jw_kint(&w, counts[i].key, counts[i].value);
	jr_jw_key(&w, "stories");
	jr_jw_object(&w);
	for (int i = 0; i < JR_DEMO_ST_COUNT; i++)
		jr_jw_kint(&w, stories[i], n->stories[i]);
	jr_jw_end(&w);
	jr_jw_key(&w, "elapsed_seconds");
	jr_jw_fixed(&w, seconds, 2);
	if (login_count) {
		jr_jw_key(&w, "logins");
		jr_jw_array(&w);
		for (size_t i = 0; i < login_count; i++) {
			jr_jw_object(&w);
			jr_jw_kstring(&w, "username", logins[i].username);
			jr_jw_kstring(&w, "role", logins[i].role);
			jr_jw_kint(&w, "organisation_id", logins[i].organisation_id);
			jr_jw_kstring(&w, "password", logins[i].password);
			jr_jw_end(&w);
		}
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	if (!(err = jr_jw_finish(&w)))
		printf("%s\n", jr_buf_str(&out));
	jr_buf_release(&out);
	return err;
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

int jr_cmd_demo(const struct jr_cli_command *self, int argc, char **argv)
{
	static const char *const allowed[] = {"youth", "region", "seed", "date", "logins", "years",
	                                      NULL};
	struct jr_args h = {.command = "demo"};
	struct jr_cli_session s;
	struct jr_demo_options o = {0};
	struct jr_demo *d = NULL;
	struct timespec t0, t1;
	const char *region, *seed_text, *logins_text;
	unsigned long long youths = 0, seed = 1;
	int status;
	enum jr_err err;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	jr_cli_session_init(&s, self, &h.db);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &o.today)))
		goto out;
	status = 2;
	if (h.id) {
		jr_cli_error("demo: onverwacht argument; zie jeugdroute demo --help");
		goto out;
	}
	if (parse_count(jr_args_get(&h, "youth"), JR_DEMO_YOUTH_MAX, &youths) || youths < 1) {
		jr_cli_error("demo: veld youth: verwacht een aantal jongeren van 1 tot en met %d",
		             JR_DEMO_YOUTH_MAX);
		goto out;
	}
	if (jr_args_get(&h, "years")) {
		unsigned long long years = 0;
		if (parse_count(jr_args_get(&h, "years"), JR_DEMO_YEARS_MAX, &years) || years < 1) {
			jr_cli_error("demo: veld years: verwacht een aantal jaren van 1 tot en met %d",
			             JR_DEMO_YEARS_MAX);
			goto out;
		}
		o.years = (int)years;
	}
	seed_text = jr_args_get(&h, "seed");
	if (seed_text && parse_count(seed_text, UINT64_MAX, &seed)) {
		jr_cli_error("demo: veld seed: verwacht een geheel getal van 0 of meer");
		goto out;
	}
	logins_text = jr_args_get(&h, "logins");
	if (logins_text && strcmp(logins_text, "ja") != 0) {
		jr_cli_error(
		    "demo: veld logins: verwacht ja (maak per rol een account om mee in te "
		    "loggen)");
		goto out;
	}
	o.logins = logins_text != NULL;
	o.password = getenv("JEUGDROUTE_DEMO_PASSWORD");
	if (o.password && (strlen(o.password) < 12 || strlen(o.password) > 20)) {
		jr_cli_error("demo: JEUGDROUTE_DEMO_PASSWORD: verwacht 12 tot 20 tekens");
		goto out;
	}
	/* The audit log says why: demo data, unless --reason says otherwise (the session's actor
	 * takes the reason when it opens). */
	if (strcmp(h.db.reason, "beheer via de opdrachtregel") == 0)
		h.db.reason = "demodata laden (jeugdroute demo)";
	/* the policies first: the region is checked before the records are opened */
	if (jr_cli_session_open_only(&s, JR_CMD_POLICIES))
		goto out;
	region = jr_args_get(&h, "region");
	if (!region)
		region = "twente";
	/* the version of the region in force on the demo's day (principle 11), or its latest */
	for (size_t i = 0; i < s.policies.count && !o.policy; i++)
		if (strcmp(s.policies.policies[i]->id, region) == 0 &&
		    jr_region_listed(&s.policies, i, o.today))
			o.policy = s.policies.policies[i];
	if (!o.policy || o.policy->municipality_count == 0) {
		jr_cli_error(
		    "demo: veld region: onbekende regio; kies de id van een beleidsbestand "
		    "(twente of amersfoort)");
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	status = 1;
	o.store = s.store;
	o.actor = &s.actor;
	o.seed = seed;
	o.youths = (long)youths;
	o.progress_tty = isatty(STDERR_FILENO) == 1;
	d = jr_demo_new(&o);
	if (!d) {
		jr_cli_error("demo: onvoldoende geheugen");
		goto out;
	}
	if ((err = jr_demo_prepare(d)) && err != JR_ERR_TOO_BIG) {
		jr_cli_error("demo: de database lezen mislukt");
		goto out;
	}
	if (err || !jr_demo_room(d)) {
		jr_cli_error("demo: %s",
		             err ? "deze database heeft al het maximale aantal demoladingen"
		                 : "geen ruimte meer in de reeks demo-BSN's");
		goto out;
	}
	if ((err = jr_demo_load(d)))
		goto load_failed;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (summary(d, o.policy, (long)youths, o.today, seed,
	            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9)) {
		jr_cli_error("demo: onvoldoende geheugen voor de samenvatting");
		goto out;
	}
	status = 0;
	goto out;
load_failed:
	if (jr_demo_progress_open(d))
		fputc('\n', stderr);
	jr_cli_error(
	    "demo: laden mislukt (%s); wat al geladen was blijft staan, de lopende partij is "
	    "teruggedraaid",
	    jr_err_name(err));
	status = jr_err_exit_status(err) == 2 ? 1 : jr_err_exit_status(err);
out:
	jr_demo_free(d);
	jr_cli_session_close(&s);
	return status;
}
