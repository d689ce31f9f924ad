/* cmd_signals: `jeugdroute signals` — every open signal over all records, as JSON Lines: hopping
 * families, multi-agency children without a coordinator, waits, overdue crisis follow-up, stays
 * away from home without an ambulant attempt, light help that should escalate. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/signals.h"
#include "json/policy_set.h"

static const char usage[] =
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

struct scan {
	const struct jr_policy_set *set;
	jr_day date;
	struct jr_buf line;
	struct jr_buf why;
	size_t count;
};

static enum jr_err emit(void *arg, const struct jr_case *c)
{
	struct scan *sc = arg;
	const struct jr_policy *p = jr_policy_set_find(sc->set, c->municipality);
	struct jr_case_signal sig[16];
	size_t n;
	enum jr_err err = JR_OK;

	if (!p)
		return JR_OK; /* a municipality no policy holds: nothing to judge by */
	n = jr_case_signals(p, c, sc->date, sig, 16);
	for (size_t i = 0; i < n && !err; i++) {
		char since[JR_DATE_STRLEN];
		jr_date_format(sig[i].day, since);
		jr_buf_reset(&sc->line);
		jr_buf_reset(&sc->why);
		err = jr_buf_printf(&sc->line,
				    "{\"code\":\"%s\",\"subject\":{\"child_id\":%lld,"
				    "\"help_request_id\":%lld,\"municipality\":\"%s\"},"
				    "\"since\":\"%s\",\"why\":",
				    jr_case_signal_name(sig[i].code), (long long)c->child_id,
				    (long long)c->help_request_id, c->municipality, since);
		if (!err)
			err = jr_case_signal_why(&sc->why, p, &sig[i]);
		if (!err)
			err = jr_buf_json_string(&sc->line, jr_buf_str(&sc->why));
		if (!err)
			err = jr_buf_puts(&sc->line, "}\n");
		if (!err) {
			fputs(jr_buf_str(&sc->line), stdout);
			sc->count++;
		}
	}
	return err;
}

/* Social map entries not verified within the region's norm. */
static enum jr_err emit_stale(void *arg, const struct jr_social_entry *e)
{
	struct scan *sc = arg;
	const struct jr_policy *p = jr_policy_set_find(sc->set, e->municipality);
	char since[JR_DATE_STRLEN];
	enum jr_err err;

	if (!p || sc->date - e->verified_on <= p->norms.social_map_stale_days)
		return JR_OK;
	jr_date_format(e->verified_on, since);
	jr_buf_reset(&sc->line);
	jr_buf_reset(&sc->why);
	err = jr_buf_printf(&sc->why,
			    "Dit item van de sociale kaart is sinds %s niet nagekeken (norm %d "
			    "dagen): controleer het voordat het gezinnen getoond wordt. [sociale "
			    "kaart; beleid norms.social_map_stale_days = %d]",
			    since, p->norms.social_map_stale_days, p->norms.social_map_stale_days);
	if (!err)
		err = jr_buf_printf(&sc->line,
				    "{\"code\":\"stale_social_map\",\"subject\":{\"entry_id\":%lld,"
				    "\"municipality\":\"%s\"},\"since\":\"%s\",\"why\":",
				    (long long)e->id, e->municipality, since);
	if (!err)
		err = jr_buf_json_string(&sc->line, jr_buf_str(&sc->why));
	if (!err)
		err = jr_buf_puts(&sc->line, "}\n");
	if (!err) {
		fputs(jr_buf_str(&sc->line), stdout);
		sc->count++;
	}
	return err;
}

int jr_cmd_signals(int argc, char **argv)
{
	struct jr_args h = {.command = "signals"};
	static const char *const allowed[] = {"date", NULL};
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct scan sc = {.set = &set};
	int status;
	enum jr_err err;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	jr_policy_set_init(&set);
	jr_buf_init(&sc.line, 16384);
	jr_buf_init(&sc.why, 4096);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &sc.date)))
		goto out;
	if (h.id) {
		jr_cli_error("signals: onverwacht argument; zie jeugdroute signals --help");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_load_policies(&h.db, &set)))
		goto out;
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("signals", &h.db, &store)))
		goto out;
	err = jr_store_each_case(store, &actor, emit, &sc);
	if (!err)
		err = jr_store_social_each(store, "", emit_stale, &sc);
	if (err) {
		jr_cli_error("signals: mislukt: %s", jr_err_name(err));
		status = 1;
	}
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	jr_buf_release(&sc.line);
	jr_buf_release(&sc.why);
	return status;
}
