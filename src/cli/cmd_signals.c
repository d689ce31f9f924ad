/* cmd_signals: `jeugdroute signals` — every open signal over all records, as JSON Lines: hopping
 * families, multi-agency children without a coordinator, waits, overdue crisis follow-up, stays
 * away from home without an ambulant attempt, light help that should escalate. */
#include <stdio.h>
#include <string.h>

#include "app/signals.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "core/signals.h"
#include "cli/use_case.h"
#include "view/view_signal.h"

const char jr_usage_signals[] =
	"Gebruik: jeugdroute signals [--date JJJJ-MM-DD] [--db URL] [--key BESTAND]\n"
	"\n"
	"Toont elk open signaal in de dossiers, één JSON-object per regel: code, om welk kind en\n"
	"welke hulpvraag het gaat, sinds wanneer, en waarom (regel en beleidssleutel).\n"
	"  hopping          hulp die steeds negatief eindigt (regel 9)\n"
	"  multi_agency     twee of meer organisaties betrokken en geen regisseur\n"
	"  escalate         lichte hulp loopt lang terwijl de ernst hoog blijft\n"
	"  waiting          verwijzing zonder toewijzing, of toewijzing zonder start, te lang\n"
	"  crisis_followup  na crisishulp geen brede analyse binnen de norm (regel 4)\n"
	"  out_of_home      verblijf buiten huis zonder eerdere intensieve ambulante hulp (regel 10)\n"
	"  stale_social_map een item van de sociale kaart is te lang niet nagekeken\n"
	"\n"
	"--date is de peildatum (standaard vandaag). Het overzicht deelt alleen dát er iets is,\n"
	"niet wat: nummers van kind en hulpvraag, geen namen of BSN's.\n";

/* One signal a line, by the API's view. */
static enum jr_err print_line(void *ctx, const struct jr_open_signal *s)
{
	struct jr_buf *line = ctx;
	struct jr_json_writer w;
	enum jr_err err;

	jr_buf_reset(line);
	jr_jw_init(&w, line);
	jr_view_signal(&w, s);
	if ((err = jr_jw_finish(&w)))
		return err;
	puts(jr_buf_str(line));
	return ferror(stdout) ? JR_ERR_IO : JR_OK;
}

int jr_cmd_signals(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "signals"};
	static const char *const allowed[] = {"date", NULL};
	struct jr_cli_session s;
	struct jr_buf line;
	jr_day date;
	int status;
	enum jr_err err;

	jr_cli_session_init(&s, self, &h.db);
	jr_buf_init(&line, 16384);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &date)))
		goto out;
	if (h.id) {
		jr_cli_error("signals: onverwacht argument; zie jeugdroute signals --help");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	if ((err = jr_app_signals(&s.app, date, print_line, &line)))
		status = jr_cli_app_fail("signals", err, &s.diag);
out:
	jr_buf_release(&line);
	jr_cli_session_close(&s);
	return status;
}
