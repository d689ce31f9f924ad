/* cmd_socialmap: `jeugdroute socialmap add|list` — the social map of local provisions, each with
 * the date it was last verified; list flags stale entries instead of silently showing them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "json/policy_set.h"

static const char usage[] =
	"Gebruik: jeugdroute socialmap add --municipality CODE --organisation NAAM --service NAAM\n"
	"                                  --needs domein,… --verified-on JJJJ-MM-DD\n"
	"                                  [--categories c,…] [--location PLAATS] [--age 4-12]\n"
	"                                  [--cost TEKST] [--no-referral ja|nee] [--contact TEKST]\n"
	"         jeugdroute socialmap list [--municipality CODE] [--need DOMEIN] [--date D]\n"
	"\n"
	"De sociale kaart: voorzieningen in de wijk (naar het idee van Open Referral HSDS), met de\n"
	"datum waarop elk item voor het laatst is nagekeken. Een item dat langer dan de norm van de\n"
	"regio (norms.social_map_stale_days) niet is nagekeken, staat in de lijst als \"stale\": true\n"
	"en geeft het signaal stale_social_map.\n";

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

static int cmd_add(struct jr_store *store, const struct jr_actor *actor, struct jr_args *h,
		   const struct jr_policy_set *set)
{
	static const char *const allowed[] = {"municipality", "organisation", "service", "needs",
					      "verified-on", "categories", "location", "age",
					      "cost", "no-referral", "contact", NULL};
	struct jr_social_entry *e = calloc(1, sizeof(*e));
	const char *m = jr_args_get(h, "municipality"), *age = jr_args_get(h, "age");
	const char *nr = jr_args_get(h, "no-referral");
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
	    jr_args_text(h, "contact", false, e->contact, sizeof(e->contact)))
		goto out;
	if (!m || strlen(m) != 4 || !jr_policy_set_find(set, m)) {
		jr_cli_error("socialmap add: veld municipality: geef een CBS-code die in een "
			     "beleidsbestand staat");
		goto out;
	}
	memcpy(e->municipality, m, 5);
	if (parse_needs(jr_args_get(h, "needs"), &e->needs)) {
		jr_cli_error("socialmap add: veld needs: geef behoeften, bijv. parenting,school");
		goto out;
	}
	if (!jr_args_get(h, "verified-on")) {
		jr_cli_error("socialmap add: veld verified_on: wanneer is dit item nagekeken?");
		goto out;
	}
	if (jr_args_date(h, "verified-on", 0, &e->verified_on))
		goto out;
	if (e->verified_on > jr_args_today()) {
		jr_cli_error("socialmap add: veld verified_on: ligt in de toekomst");
		goto out;
	}
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
	if ((status = jr_store_social_add(store, actor, e) ? 1 : 0)) {
		jr_cli_error("socialmap add: vastleggen mislukt");
		goto out;
	}
	printf("{\"id\":%lld,\"municipality\":\"%s\"}\n", (long long)e->id, e->municipality);
out:
	free(e);
	return status;
}

struct listing {
	const struct jr_policy_set *set;
	jr_day date;
	unsigned need;
	struct jr_buf line;
};

static enum jr_err print_entry(void *arg, const struct jr_social_entry *e)
{
	struct listing *l = arg;
	const struct jr_policy *p = jr_policy_set_find(l->set, e->municipality);
	char verified[JR_DATE_STRLEN];
	bool stale = p && l->date - e->verified_on > p->norms.social_map_stale_days;
	enum jr_err err;
	const char *sep = "";

	if (l->need && !(e->needs & l->need))
		return JR_OK;
	jr_date_format(e->verified_on, verified);
	jr_buf_reset(&l->line);
	err = jr_buf_printf(&l->line, "{\"id\":%lld,\"municipality\":\"%s\",\"organisation\":",
			    (long long)e->id, e->municipality);
	if (!err)
		err = jr_buf_json_string(&l->line, e->organisation);
	if (!err)
		err = jr_buf_puts(&l->line, ",\"service\":");
	if (!err)
		err = jr_buf_json_string(&l->line, e->service);
	if (!err)
		err = jr_buf_puts(&l->line, ",\"needs\":[");
	for (int d = 0; d < JR_NEED_COUNT && !err; d++)
		if (e->needs & (1u << d)) {
			err = jr_buf_printf(&l->line, "%s\"%s\"", sep, jr_need_name((enum jr_need)d));
			sep = ",";
		}
	if (!err)
		err = jr_buf_printf(&l->line, "],\"no_referral\":%s,\"verified_on\":\"%s\","
					      "\"stale\":%s,\"demo\":%s}\n",
				    e->no_referral ? "true" : "false", verified,
				    stale ? "true" : "false", e->demo ? "true" : "false");
	if (!err)
		fputs(jr_buf_str(&l->line), stdout);
	return err;
}

int jr_cmd_socialmap(int argc, char **argv)
{
	struct jr_args h = {.command = "socialmap"};
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct listing l = {.set = &set};
	const char *sub = argc > 1 ? argv[1] : "";
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (strcmp(sub, "add") && strcmp(sub, "list")) {
		jr_cli_error("socialmap: kies add of list; zie jeugdroute socialmap --help");
		return 2;
	}
	jr_policy_set_init(&set);
	jr_buf_init(&l.line, 8192);
	if ((status = jr_args_parse(argc, argv, 2, &h)))
		goto out;
	if ((status = jr_cli_load_policies(&h.db, &set)))
		goto out;
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("socialmap", &h.db, &store)))
		goto out;
	if (strcmp(sub, "add") == 0) {
		status = cmd_add(store, &actor, &h, &set);
	} else {
		static const char *const allowed[] = {"municipality", "need", "date", NULL};
		const char *m = jr_args_get(&h, "municipality"), *need = jr_args_get(&h, "need");
		if ((status = jr_args_only(&h, "list", allowed)) ||
		    (status = jr_args_date(&h, "date", jr_args_today(), &l.date)))
			goto out;
		if (need && parse_needs(need, &l.need)) {
			jr_cli_error("socialmap list: veld need: onbekende behoefte");
			status = 2;
			goto out;
		}
		if (jr_store_social_each(store, m ? m : "", print_entry, &l)) {
			jr_cli_error("socialmap list: lezen mislukt");
			status = 1;
		}
	}
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	jr_buf_release(&l.line);
	return status;
}
