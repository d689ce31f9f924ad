/* cmd_figures: `jeugdroute figures` — the regional figures of issue 4 §4 per municipality and for
 * the region, as the policy dashboard shows them (report/figures.c): JSON, or CSV with --csv.
 * Cells of fewer than five children are suppressed, and the figures they could be recomputed
 * from, here as everywhere. */
#include <stdio.h>
#include <string.h>

#include "app/figures.h"
#include "app/monitor.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"

const char jr_usage_figures[] =
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

int jr_cmd_figures(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "figures"};
	static const char *const allowed[] = {"from", "to", "csv", NULL};
	struct jr_cli_session s;
	struct jr_buf out;
	const char *csv;
	jr_day from, to;
	int status;
	enum jr_err err;

	/* issue 16: the monitor's tables have their own command (cmd_monitor.c) */
	if (argc > 1 && jr_app_monitor_kind_parse(argv[1]) >= 0)
		return jr_cmd_monitor(self, argc - 1, argv + 1);
	jr_cli_session_init(&s, self, &h.db);
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
	if ((status = jr_cli_session_open(&s)))
		goto out;
	err = jr_app_figures(&s.app, from, to, csv ? JR_APP_FIGURES_CSV : JR_APP_FIGURES_JSON, &out);
	if (err) {
		status = jr_cli_app_fail("figures", err, &s.diag);
		goto out;
	}
	fputs(jr_buf_str(&out), stdout);
out:
	jr_buf_release(&out);
	jr_cli_session_close(&s);
	return status;
}
