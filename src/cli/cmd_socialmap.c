/* cmd_socialmap: `jeugdroute socialmap add|list` — the social map of local provisions, each with
 * the date it was last verified; list flags stale entries instead of silently showing them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/socialmap.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/json_out.h"
#include "cli/use_case.h"
#include "view/view_socialmap.h"

const char jr_usage_socialmap[] =
	"Gebruik: jeugdroute socialmap add --municipality CODE --organisation NAAM --service NAAM\n"
	"                                  --needs domein,… --verified-on JJJJ-MM-DD\n"
	"                                  [--categories c,…] [--location PLAATS] [--age 4-12]\n"
	"                                  [--cost TEKST] [--no-referral ja|nee] [--contact TEKST]\n"
	"                                  [--description TEKST] [--address ADRES] [--phone NUMMER]\n"
	"                                  [--email ADRES] [--website https://…]\n"
	"         jeugdroute socialmap list [--municipality CODE] [--need DOMEIN] [--q TEKST]\n"
	"                                  [--age N] [--no-referral ja] [--date D]\n"
	"\n"
	"De sociale kaart: voorzieningen in de wijk (naar het idee van Open Referral HSDS), met de\n"
	"datum waarop elk item voor het laatst is nagekeken. Een item dat langer dan de norm van de\n"
	"regio (norms.social_map_stale_days) niet is nagekeken, staat in de lijst als \"stale\": true\n"
	"en geeft het signaal stale_social_map.\n"
	"\n"
	"list --q zoekt woorden in de naam en de beschrijving (hoofdletters en accenten maken niet\n"
	"uit); --age toont wat open staat voor een kind van die leeftijd.\n";

static int parse_needs(const char *list, unsigned *mask)
{
	*mask = 0;
	for (const char *p = list; p && *p;) {
		char name[32];
		size_t n = strcspn(p, ",");
		int d = -1;
		if (n > 0 && n < sizeof(name)) {
			memcpy(name, p, n);
			name[n] = '\0';
			d = jr_need_parse(name);
		}
		if (d < 0)
			return -1;
		*mask |= 1u << d;
		p += n + (p[n] == ',');
	}
	return *mask ? 0 : -1;
}

static int cmd_add(struct jr_app *app, struct jr_args *h)
{
	static const char *const allowed[] = {"municipality", "organisation", "service", "needs",
					      "verified-on", "categories", "location", "age",
					      "cost", "no-referral", "contact", "description",
					      "address", "phone", "email", "website", NULL};
	struct jr_social_entry *e = calloc(1, sizeof(*e));
	const char *m = jr_args_get(h, "municipality"), *age = jr_args_get(h, "age");
	const char *nr = jr_args_get(h, "no-referral");
	struct jr_json_writer w;
	struct jr_buf out;
	enum jr_err err;
	int status = 2;

	if (!e)
		return 1;
	e->age_min = e->age_max = -1;
	if (jr_args_only(h, "add", allowed) ||
	    jr_args_text(h, "organisation", true, e->organisation, sizeof(e->organisation)) ||
	    jr_args_text(h, "service", true, e->service, sizeof(e->service)) ||
	    jr_args_text(h, "location", false, e->location, sizeof(e->location)) ||
	    jr_args_text(h, "categories", false, e->categories, sizeof(e->categories)) ||
	    jr_args_text(h, "cost", false, e->cost, sizeof(e->cost)) ||
	    jr_args_text(h, "contact", false, e->contact, sizeof(e->contact)) ||
	    jr_args_text(h, "description", false, e->description, sizeof(e->description)) ||
	    jr_args_text(h, "address", false, e->address, sizeof(e->address)) ||
	    jr_args_text(h, "phone", false, e->phone, sizeof(e->phone)) ||
	    jr_args_text(h, "email", false, e->email, sizeof(e->email)) ||
	    jr_args_text(h, "website", false, e->website, sizeof(e->website)))
		goto out;
	snprintf(e->municipality, sizeof(e->municipality), "%.4s", m && strlen(m) == 4 ? m : "");
	if (jr_args_get(h, "needs") && parse_needs(jr_args_get(h, "needs"), &e->needs)) {
		jr_cli_error("socialmap add: veld needs: geef behoeften, bijv. parenting,school");
		goto out;
	}
	if (jr_args_get(h, "verified-on") && jr_args_date(h, "verified-on", 0, &e->verified_on))
		goto out;
	if (age) {
		char *end = NULL, *end2 = NULL;
		long lo = strtol(age, &end, 10), hi = end && *end == '-' ? strtol(end + 1, &end2, 10)
									   : -1;
		if (end == age || !end2 || *end2 || lo < 0 || hi < lo || hi > 27) {
			jr_cli_error("socialmap add: veld age: verwacht een leeftijd van-tot, bijv. "
				     "4-12");
			goto out;
		}
		e->age_min = (int)lo;
		e->age_max = (int)hi;
	}
	if (nr && strcmp(nr, "ja") && strcmp(nr, "nee")) {
		jr_cli_error("socialmap add: veld no_referral: verwacht ja of nee");
		goto out;
	}
	e->no_referral = !nr || strcmp(nr, "ja") == 0;
	if ((err = jr_app_socialmap_add(app, e))) {
		status = jr_cli_app_fail("socialmap add", err, app->diag);
		goto out;
	}
	jr_cli_json_begin(&out, &w);
	jr_view_social_entry(&w, e, jr_app_socialmap_stale(app->policies, e, app->today));
	status = jr_cli_json_print("socialmap add", &out, &w);
out:
	free(e);
	return status;
}

/* Prints one entry found, as a line of JSON. */
static enum jr_err print_entry(void *arg, const struct jr_social_entry *e, bool stale)
{
	struct jr_json_writer w;
	struct jr_buf out;

	(void)arg;
	jr_cli_json_begin(&out, &w);
	jr_view_social_entry(&w, e, stale);
	return jr_cli_json_print("socialmap list", &out, &w) ? JR_ERR_NOMEM : JR_OK;
}

static int cmd_list(struct jr_app *app, struct jr_args *h)
{
	static const char *const allowed[] = {"municipality", "need", "date", "q", "age",
					      "no-referral", NULL};
	struct jr_app_social_query q = {.age = -1};
	const char *m = jr_args_get(h, "municipality"), *need = jr_args_get(h, "need");
	const char *age = jr_args_get(h, "age"), *nr = jr_args_get(h, "no-referral");
	enum jr_err err;
	int status;

	if ((status = jr_args_only(h, "list", allowed)) ||
	    (status = jr_args_date(h, "date", jr_args_today(), &q.date)))
		return status;
	if (need && parse_needs(need, &q.need_mask)) {
		jr_cli_error("socialmap list: veld need: onbekende behoefte");
		return 2;
	}
	if ((status = jr_args_text(h, "q", false, q.q, sizeof(q.q))))
		return status;
	if (age) {
		char *end = NULL;
		long n = strtol(age, &end, 10);
		if (end == age || *end || n < 0 || n > 27)
			return jr_cli_field_error("socialmap list", "age",
						  "verwacht een leeftijd van 0 tot en met 27");
		q.age = (int)n;
	}
	if (nr && strcmp(nr, "ja"))
		return jr_cli_field_error("socialmap list", "no_referral", "verwacht ja");
	q.no_referral_only = nr != NULL;
	if (m && strlen(m) >= sizeof(q.municipality))
		return jr_cli_field_error("socialmap list", "municipality",
					  "verwacht de CBS-code van een gemeente van de regio");
	snprintf(q.municipality, sizeof(q.municipality), "%s", m ? m : "");
	if ((err = jr_app_socialmap_search(app, &q, print_entry, NULL)))
		return jr_cli_app_fail("socialmap list", err, app->diag);
	return 0;
}

int jr_cmd_socialmap(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "socialmap"};
	struct jr_cli_session s;
	const char *sub = argc > 1 ? argv[1] : "";
	int status;

	if (strcmp(sub, "add") && strcmp(sub, "list")) {
		jr_cli_error("socialmap: kies add of list; zie jeugdroute socialmap --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &h.db);
	if ((status = jr_args_parse(argc, argv, 2, &h)) || (status = jr_cli_session_open(&s)))
		goto out;
	status = strcmp(sub, "add") == 0 ? cmd_add(&s.app, &h) : cmd_list(&s.app, &h);
out:
	jr_cli_session_close(&s);
	return status;
}
