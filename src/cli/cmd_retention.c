/* cmd_retention: `jeugdroute retention [--apply]` — lists, and with --apply erases, the records of
 * children whose care ended longer ago than the Jeugdwet retention period (20 years). */
#include <stdio.h>

#include "cli/cli.h"

static const char usage[] =
	"Gebruik: jeugdroute retention [--date JJJJ-MM-DD] [--apply ja] [--db URL] [--key BESTAND]\n"
	"\n"
	"Dossiers worden bewaard tot 20 jaar na het einde van de zorg (Jeugdwet). Zonder --apply\n"
	"toont dit welke kinderen daarvoorbij zijn (JSON Lines: nummer, laatste activiteit);\n"
	"met --apply ja worden hun dossiers gewist: hulpvragen met alles wat eraan hangt,\n"
	"maatregelen, lidmaatschap van een huishouden, geschiedenis en de persoon zelf. Het auditlog\n"
	"houdt vast dát er gewist is. Een kind met een open hulpvraag wordt nooit gewist.\n";

struct retention {
	struct jr_store *store;
	const struct jr_actor *actor;
	jr_day date;
	bool apply;
	size_t count;
};

static enum jr_err print_candidate(void *arg, int64_t child, jr_day last)
{
	struct retention *r = arg;
	char day[JR_DATE_STRLEN];

	jr_date_format(last, day);
	printf("{\"child_id\":%lld,\"last_activity\":\"%s\"}\n", (long long)child, day);
	r->count++;
	return JR_OK;
}

/* Collected first, erased after: the scan's transaction must end before the erasing ones. */
struct ids {
	int64_t *id;
	size_t count, cap;
};

static enum jr_err collect(void *arg, int64_t child, jr_day last)
{
	struct ids *ids = arg;
	(void)last;
	if (ids->count == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 64;
		int64_t *n = jr_realloc(ids->id, cap * sizeof(*n));
		if (!n)
			return JR_ERR_NOMEM;
		ids->id = n;
		ids->cap = cap;
	}
	ids->id[ids->count++] = child;
	return JR_OK;
}

int jr_cmd_retention(int argc, char **argv)
{
	static const char *const allowed[] = {"date", "apply", NULL};
	struct jr_args h = {.command = "retention"};
	struct retention r = {0};
	struct ids ids = {0};
	struct jr_store *store = NULL;
	struct jr_actor actor;
	const char *apply;
	jr_day cutoff;
	enum jr_err err = JR_OK;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &r.date)))
		goto out;
	apply = jr_args_get(&h, "apply");
	if (h.id || (apply && (apply[0] != 'j' || apply[1] != 'a' || apply[2]))) {
		jr_cli_error("retention: verwacht alleen --date en --apply ja; zie jeugdroute "
			     "retention --help");
		status = 2;
		goto out;
	}
	r.apply = apply != NULL;
	cutoff = jr_date_add_years(r.date, -JR_RETENTION_YEARS);
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("retention", &h.db, &store)))
		goto out;
	if (!r.apply) {
		err = jr_store_retention_candidates(store, &actor, cutoff, print_candidate, &r);
	} else {
		err = jr_store_retention_candidates(store, &actor, cutoff, collect, &ids);
		for (size_t i = 0; !err && i < ids.count; i++) {
			err = jr_store_erase_child(store, &actor, ids.id[i]);
			if (!err)
				printf("{\"child_id\":%lld,\"erased\":true}\n", (long long)ids.id[i]);
		}
	}
	if (err) {
		jr_cli_error("retention: mislukt: %s", jr_err_name(err));
		status = 1;
	}
out:
	jr_free(ids.id);
	jr_store_close(store);
	return status;
}
