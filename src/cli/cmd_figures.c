/* cmd_figures: `jeugdroute figures` — the regional figures of issue 4 §4 per municipality and for
 * the region, as the policy dashboard shows them (report/figures.c): JSON, or CSV with --csv.
 * With --region or --grain, a series of one region over months, quarters or years (issue 16,
 * docs/figures.md). Cells of fewer than five children are suppressed, and the figures they
 * could be recomputed from, here as everywhere. */
#include <stdio.h>
#include <string.h>

#include "app/figures.h"
#include "app/monitor.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"

const char jr_usage_figures[] =
	"Gebruik: jeugdroute figures [--region ID] [--from JJJJ-MM-DD] [--to JJJJ-MM-DD]\n"
	"                            [--grain maand|kwartaal|jaar] [--csv ja]\n"
	"                            [--db URL] [--key BESTAND]\n"
	"\n"
	"De cijfers van de regio per gemeente en voor de hele regio over een maand, een kwartaal of\n"
	"een kalenderjaar (standaard het lopende kalenderjaar): hulpvragen, het deel dat in de sociale basis bleef,\n"
	"jeugdhulp per vorm, licht en zwaar, verblijf buiten huis, gedwongen en vrijwillig kader,\n"
	"wie verwees, wachttijden (mediaan en 90e percentiel), signalen en uitkomsten. Cellen met\n"
	"1 tot en met 4 kinderen worden niet getoond (null in JSON, leeg in CSV), en daarnaast\n"
	"zoveel andere cijfers als nodig is om ze niet uit totalen en percentages terug te kunnen\n"
	"rekenen. Standaard JSON; --csv ja geeft de tabel als CSV (scheidingsteken ;).\n"
	"\n"
	"Met --grain: een reeks per maand, kwartaal of jaar over --from tot en met --to (hele\n"
	"perioden: --from gaat terug naar het begin van zijn periode, --to door naar het einde);\n"
	"de CSV heeft dan de kolommen gemeentecode;gemeente;periode;indicator;waarde. Alleen de\n"
	"gemeenten van één regio en haar totaal: --region, of de enige regio van het beleid.\n"
	"Alles komt uit één patroon van verborgen cellen per kalenderjaar, zodat geen verborgen\n"
	"cijfer uit twee antwoorden terug te rekenen is. Zie docs/figures.md.\n"
	"\n"
	"De monitor van de regiovisie (docs/monitor.md), elk met een eigen --help:\n"
	"  jeugdroute figures targets   de doelen uit het beleid per gemeente, op koers of niet\n"
	"  jeugdroute figures costs     verwachte en werkelijke kosten tegen het budget\n"
	"  jeugdroute figures waiting   de wachtlijst per aanbieder en vorm, wachttijden per maand\n"
	"  jeugdroute figures capacity  gecontracteerde plaatsen tegen de bezetting\n";

/* The options of a period that `figures` and its subcommands share: --region, --from, --to,
 * --grain. */
struct jr_figures_period_opts {
	struct jr_app_figures_query q;
	bool series; /* --grain given: a series */
};

/* Reads --region, --from, --to (default: the calendar year of --to, and of today) and --grain
 * of h into p; 0, or 2 after naming the bad field. */
static int jr_figures_period_parse(const struct jr_args *h, struct jr_figures_period_opts *p)
{
	const char *region = jr_args_get(h, "region"), *grain = jr_args_get(h, "grain");
	int status;

	memset(p, 0, sizeof(*p));
	int y, m, d;

	jr_date_to_ymd(jr_args_today(), &y, &m, &d);
	if ((status = jr_args_date(h, "to", jr_date_from_ymd(y, 12, 31), &p->q.to)))
		return status;
	jr_date_to_ymd(p->q.to, &y, &m, &d);
	if ((status = jr_args_date(h, "from", jr_date_from_ymd(y, 1, 1), &p->q.from)))
		return status;
	if (p->q.from > p->q.to)
		return jr_cli_field_error(h->command, "from", "--from ligt na --to");
	p->q.grain = JR_APP_FIGURES_YEAR;
	if (grain && jr_app_figures_grain_parse(grain, &p->q.grain))
		return jr_cli_field_error(h->command, "grain", "kies maand, kwartaal of jaar");
	if (region && (!region[0] || strlen(region) >= sizeof(p->q.region)))
		return jr_cli_field_error(h->command, "region", "onbekende regio");
	if (region)
		snprintf(p->q.region, sizeof(p->q.region), "%s", region);
	p->series = grain != NULL;
	return 0;
}

int jr_cmd_figures(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "figures"};
	static const char *const allowed[] = {"from", "to", "csv", "region", "grain", NULL};
	struct jr_figures_period_opts p;
	struct jr_cli_session s;
	struct jr_buf out;
	const char *csv;
	enum jr_app_figures_format format;
	int status;
	enum jr_err err;

	/* issue 16: the monitor's tables have their own command (cmd_monitor.c) */
	if (argc > 1 && jr_app_monitor_kind_parse(argv[1]) >= 0)
		return jr_cmd_monitor(self, argc - 1, argv + 1);
	jr_cli_session_init(&s, self, &h.db);
	jr_buf_init(&out, 1 << 26);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_figures_period_parse(&h, &p)))
		goto out;
	csv = jr_args_get(&h, "csv");
	if (h.id || (csv && strcmp(csv, "ja") != 0)) {
		jr_cli_error("figures: onverwacht argument; zie jeugdroute figures --help");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	format = csv ? JR_APP_FIGURES_CSV : JR_APP_FIGURES_JSON;
	err = p.series ? jr_app_figures_series(&s.app, &p.q, format, &out)
		       : jr_app_figures(&s.app, &p.q, format, &out);
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
