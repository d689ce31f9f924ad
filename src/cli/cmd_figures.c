/* cmd_figures: `jeugdroute figures` — the regional figures of issue 4 §4 per municipality and for
 * the region, as the policy dashboard shows them (report/figures.c): JSON, or CSV with --csv.
 * Cells of fewer than five children are suppressed, and the figures they could be recomputed
 * from, here as everywhere. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "json/policy_set.h"
#include "report/figures.h"

static const char usage[] =
	"Gebruik: jeugdroute figures [--from JJJJ-MM-DD] [--to JJJJ-MM-DD] [--csv ja]\n"
	"                            [--db URL] [--key BESTAND]\n"
	"\n"
	"De cijfers van de regio per gemeente en voor de hele regio over een periode (standaard de\n"
	"twaalf maanden tot en met vandaag): hulpvragen, het deel dat in de sociale basis bleef,\n"
	"jeugdhulp per vorm, licht en zwaar, verblijf buiten huis, gedwongen en vrijwillig kader,\n"
	"wie verwees, wachttijden (mediaan en 90e percentiel), signalen en uitkomsten. Cellen met\n"
	"1 tot en met 4 kinderen worden niet getoond (null in JSON, leeg in CSV), en daarnaast\n"
	"zoveel andere cijfers als nodig is om ze niet uit totalen en percentages terug te kunnen\n"
	"rekenen. Standaard JSON; --csv ja geeft de tabel als CSV (scheidingsteken ;).\n";

static const char *municipality_name(void *ctx, const char *code)
{
	const struct jr_policy_set *set = ctx;
	const struct jr_policy *p = jr_policy_set_find(set, code);
	const struct jr_municipality *m = p ? jr_policy_municipality(p, code) : NULL;
	return m ? m->name : NULL;
}

int jr_cmd_figures(int argc, char **argv)
{
	struct jr_args h = {.command = "figures"};
	static const char *const allowed[] = {"from", "to", "csv", NULL};
	struct jr_figures_raw rows[JR_MUNICIPALITY_MAX * 4];
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct jr_buf out;
	const char *csv;
	size_t count = 0;
	jr_day from, to;
	int status;
	enum jr_err err;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	jr_policy_set_init(&set);
	jr_buf_init(&out, 1 << 24);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "to", jr_args_today(), &to)) ||
	    (status = jr_args_date(&h, "from", jr_date_add_years(to, -1) + 1, &from)))
		goto out;
	csv = jr_args_get(&h, "csv");
	if (h.id || (csv && strcmp(csv, "ja") != 0) || from > to) {
		jr_cli_error("figures: %s; zie jeugdroute figures --help",
			     from > to ? "--from ligt na --to" : "onverwacht argument");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_load_policies(&h.db, &set)))
		goto out;
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("figures", &h.db, &store)))
		goto out;
	err = jr_store_figures(store, &actor, from, to, rows, sizeof(rows) / sizeof(rows[0]),
			       &count);
	if (!err)
		err = csv ? jr_figures_csv(&out, rows, count, municipality_name, &set)
			  : jr_figures_json(&out, rows, count, from, to, municipality_name, &set);
	jr_store_figures_release(rows, count);
	if (err == JR_ERR_TOO_BIG) {
		jr_cli_error("figures: de gegevens gaan over meer dan %d gemeenten; de cijfers zijn "
			     "per regio",
			     JR_FIGURES_MAX_ROWS);
		status = 1;
		goto out;
	}
	if (err) {
		jr_cli_error("figures: mislukt: %s", jr_err_name(err));
		status = 1;
		goto out;
	}
	fputs(jr_buf_str(&out), stdout);
out:
	jr_buf_release(&out);
	jr_store_close(store);
	jr_policy_set_release(&set);
	return status;
}
