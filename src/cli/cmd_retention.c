/* cmd_retention: `jeugdroute retention [--apply]` — lists, and with --apply erases, the records of
 * children whose care ended longer ago than the Jeugdwet retention period (20 years): the use
 * cases of app/retention.c, printed by view/view_person.c. */
#include <stdio.h>

#include "app/retention.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "view/view_person.h"

const char jr_usage_retention[] =
	"Gebruik: jeugdroute retention [--date JJJJ-MM-DD] [--apply ja] [--db URL] [--key BESTAND]\n"
	"\n"
	"Dossiers worden bewaard tot 20 jaar na het einde van de zorg (Jeugdwet). Zonder --apply\n"
	"toont dit welke kinderen daarvoorbij zijn (JSON Lines: nummer, laatste activiteit);\n"
	"met --apply ja worden hun dossiers gewist: hulpvragen met alles wat eraan hangt,\n"
	"maatregelen, lidmaatschap van een huishouden, geschiedenis en de persoon zelf. Het auditlog\n"
	"houdt vast dát er gewist is. Een kind met een open hulpvraag wordt nooit gewist.\n";

/* Prints one JSON value per line. */
struct printer {
	struct jr_json_writer w;
	struct jr_buf b;
};

static enum jr_err print_line(struct printer *pr)
{
	enum jr_err err = jr_jw_finish(&pr->w);

	if (!err)
		err = jr_buf_putc(&pr->b, '\n');
	if (!err && (fputs(jr_buf_str(&pr->b), stdout) == EOF || fflush(stdout)))
		err = JR_ERR_IO;
	jr_buf_reset(&pr->b);
	jr_jw_init(&pr->w, &pr->b);
	return err;
}

static enum jr_err print_candidate(void *ctx, int64_t child, jr_day last)
{
	struct printer *pr = ctx;

	jr_view_retention_candidate(&pr->w, child, last);
	return print_line(pr);
}

static enum jr_err print_erased(void *ctx, int64_t child)
{
	struct printer *pr = ctx;

	jr_view_erased(&pr->w, child);
	return print_line(pr);
}

int jr_cmd_retention(const struct jr_cli_command *self, int argc, char **argv)
{
	static const char *const allowed[] = {"date", "apply", NULL};
	struct jr_args h = {.command = "retention"};
	struct printer pr;
	struct jr_cli_session s;
	const char *apply;
	jr_day date;
	enum jr_err err;
	int status;

	jr_cli_session_init(&s, self, &h.db);
	jr_buf_init(&pr.b, 1 << 12);
	jr_jw_init(&pr.w, &pr.b);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &date)))
		goto out;
	apply = jr_args_get(&h, "apply");
	if (h.id || (apply && (apply[0] != 'j' || apply[1] != 'a' || apply[2]))) {
		jr_cli_error("retention: verwacht alleen --date en --apply ja; zie jeugdroute "
			     "retention --help");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	err = apply ? jr_app_retention_erase(&s.app, date, print_erased, &pr)
		    : jr_app_retention_candidates(&s.app, date, print_candidate, &pr);
	if (err)
		status = jr_cli_app_fail("retention", err, &s.diag);
out:
	jr_buf_release(&pr.b);
	jr_cli_session_close(&s);
	return status;
}
