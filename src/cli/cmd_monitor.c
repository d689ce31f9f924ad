/* cmd_monitor: `jeugdroute figures targets|costs|waiting|capacity` — the Regiovisie monitor of
 * one region (app/monitor.c, docs/monitor.md): targets with their state, costs against budgets,
 * the waiting list and waits per month, contracted places against occupancy. JSON, CSV or
 * text; small cells suppressed as in every figure. cmd_figures.c hands these words here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/monitor.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"

#define COMMON_OPTIONS                                                                       \
	"  --region R     de id van het beleidsbestand van de regio (twente, amersfoort); verplicht\n" \
	"  --format F     json (standaard), csv (scheidingsteken ;, één tabel na de ander) of text\n"  \
	"  --db URL, --key BESTAND   de gegevens, zoals bij elke opdracht\n"                     \
	"\n"                                                                                    \
	"Cellen met 1 tot en met 4 kinderen of toewijzingen worden niet getoond (null in JSON, leeg\n" \
	"in CSV, – in tekst), en daarnaast zoveel andere cijfers als nodig is om ze niet uit totalen\n" \
	"terug te kunnen rekenen. Definities: docs/monitor.md.\n"

static const char usage_targets[] =
	"Gebruik: jeugdroute figures targets --region R [--year JJJJ | --date JJJJ-MM-DD]\n"
	"                                    [--format json|csv|text]\n"
	"\n"
	"De doelen van de regiovisie uit het beleidsbestand (monitor.targets) per gemeente en voor\n"
	"de regio in een kalenderjaar (standaard het jaar van --date of van vandaag): nulmeting,\n"
	"streefwaarde voor dat jaar, de waarde uit de gegevens en of de regio \"op koers\", \"niet op\n"
	"koers\" of \"onbekend\" is.\n\n" COMMON_OPTIONS;

static const char usage_costs[] =
	"Gebruik: jeugdroute figures costs --region R [--year JJJJ | --date JJJJ-MM-DD]\n"
	"                                  [--format json|csv|text]\n"
	"\n"
	"De kosten van jeugdhulp in een kalenderjaar per gemeente, vorm en aanbieder: verwacht\n"
	"(toewijzingen maal de tarieven van de contracten) en werkelijk (geaccepteerde declaraties,\n"
	"JW323), tegen het budget per gemeente uit het beleidsbestand en, waar de regio er een\n"
	"heeft, het budget van de hoofdaanbieder.\n\n" COMMON_OPTIONS;

static const char usage_waiting[] =
	"Gebruik: jeugdroute figures waiting --region R [--date JJJJ-MM-DD]\n"
	"                                    [--format json|csv|text]\n"
	"\n"
	"De wachtlijst op een peildatum (standaard vandaag) per aanbieder en vorm: toegewezen maar\n"
	"nog niet begonnen, en verwezen maar nog niet toegewezen; en de wachttijd van verwijzing\n"
	"tot toewijzing per maand over de twaalf maanden tot en met de peildatum.\n\n" COMMON_OPTIONS;

static const char usage_capacity[] =
	"Gebruik: jeugdroute figures capacity --region R [--date JJJJ-MM-DD]\n"
	"                                     [--format json|csv|text]\n"
	"\n"
	"De gecontracteerde plaatsen per aanbieder en vorm (jeugdroute provider capacity) tegen de\n"
	"bezetting: de toewijzingen die op de peildatum (standaard vandaag) lopen.\n\n" COMMON_OPTIONS;

static const char *const usages[JR_APP_MONITOR_KIND_COUNT] = {usage_targets, usage_costs,
							       usage_waiting, usage_capacity};

const char *jr_cli_sub_usage(const char *command, const char *sub)
{
	int k;

	if (strcmp(command, "figures") != 0 || (k = jr_app_monitor_kind_parse(sub)) < 0)
		return NULL;
	return usages[k];
}

static int bad(const char *what, const char *field, const char *message)
{
	jr_cli_error("figures %s: veld %s: %s; zie jeugdroute figures %s --help", what, field,
		     message, what);
	return 2;
}

int jr_cmd_monitor(const struct jr_cli_command *self, int argc, char **argv)
{
	static const char *const allowed[] = {"region", "year", "date", "format", NULL};
	int kind = jr_app_monitor_kind_parse(argv[0]);
	const char *what = argv[0];
	struct jr_args h = {.command = "figures"};
	struct jr_cli_session s;
	struct jr_buf out;
	const char *region, *year_s, *format_s;
	enum jr_mon_format format = JR_MON_JSON;
	bool by_year = kind == JR_APP_MONITOR_TARGETS || kind == JR_APP_MONITOR_COSTS;
	long year = 0;
	jr_day day;
	int status, y, m, d;
	enum jr_err err;

	jr_cli_session_init(&s, self, &h.db);
	jr_buf_init(&out, 1 << 26);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, what, allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &day)))
		goto out;
	region = jr_args_get(&h, "region");
	year_s = jr_args_get(&h, "year");
	format_s = jr_args_get(&h, "format");
	if (h.id) {
		status = bad(what, "argument", "onverwacht argument");
		goto out;
	}
	if (!region || !region[0]) {
		status = bad(what, "region", "ontbreekt; geef --region, bijv. --region twente");
		goto out;
	}
	if (format_s) {
		if (strcmp(format_s, "csv") == 0)
			format = JR_MON_CSV;
		else if (strcmp(format_s, "text") == 0)
			format = JR_MON_TEXT;
		else if (strcmp(format_s, "json") != 0) {
			status = bad(what, "format", "kies json, csv of text");
			goto out;
		}
	}
	if (year_s && !by_year) {
		status = bad(what, "year", "hoort niet bij deze tabel; geef --date");
		goto out;
	}
	if (year_s && jr_args_get(&h, "date")) {
		status = bad(what, "year", "geef --year of --date, niet beide");
		goto out;
	}
	jr_date_to_ymd(day, &y, &m, &d);
	year = y;
	if (year_s) {
		char *end = NULL;
		year = strtol(year_s, &end, 10);
		if (!*year_s || *end || year < JR_MON_YEAR_MIN || year > JR_MON_YEAR_MAX) {
			status = bad(what, "year", "verwacht een jaar van 2015 tot en met 2100");
			goto out;
		}
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	err = jr_app_monitor(&s.app, (enum jr_app_monitor_kind)kind, region, (int)year, day, format,
			     &out);
	if (err) {
		status = jr_cli_app_fail(what, err, &s.diag);
		goto out;
	}
	fputs(jr_buf_str(&out), stdout);
out:
	jr_buf_release(&out);
	jr_cli_session_close(&s);
	return status;
}
