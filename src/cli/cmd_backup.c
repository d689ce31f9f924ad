/* cmd_backup: `jeugdroute backup --out DIR` — a consistent copy of the records (SQLite) and the
 * key files they are read with, made while servers may be writing: the use case of
 * app/backup.c, its summary printed by view/view_backup.c, its progress on stderr. */
#include <stdio.h>
#include <string.h>

#include "app/backup.h"
#include "cli/cli.h"
#include "cli/json_out.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "view/view_backup.h"

const char jr_usage_backup[] =
	"Gebruik: jeugdroute backup --out MAP [--db BESTAND] [--key BESTAND] [--audit-key BESTAND]\n"
	"                           [--audit-checkpoints BESTAND] [--reason TEKST]\n"
	"\n"
	"Maakt een back-up van de database (SQLite) in MAP, ook terwijl servers erin schrijven: een\n"
	"kopie van de database zoals die op één moment was (de online-back-up van SQLite), met de\n"
	"bestanden die erbij horen: het sleutelbestand (--key), het auditsleutelbestand en het\n"
	"controlepuntenbestand, elk onder zijn eigen naam. Zonder de sleutels is de kopie niet te\n"
	"gebruiken: bewaar de map even veilig als de database zelf.\n"
	"\n"
	"MAP wordt gemaakt (alleen voor de eigenaar, 0700) als hij nog niet bestaat; de bestanden\n"
	"krijgen 0600. Een map die al een database of back-up bevat, wordt geweigerd: een back-up\n"
	"wordt nooit overschreven. Alles wordt eerst onder een tijdelijke naam geschreven, op schijf\n"
	"vastgelegd en gecontroleerd (PRAGMA quick_check), en pas dan op zijn plaats gezet, de\n"
	"database als laatste. Bij een grote database staat de voortgang op stderr.\n"
	"\n"
	"Het antwoord is JSON: {\"out\": MAP, \"database\": naam, \"bytes\": n, \"pages\": n,\n"
	"\"key_files\": [namen], \"checkpoint_file\": naam}. De back-up komt in het auditlog van de\n"
	"database (backup.made), niet in de kopie. Controleer de kopie met\n"
	"  jeugdroute audit verify --db MAP/jeugdroute.db --key MAP/jeugdroute.db.key\n"
	"Terugzetten: stop de server, zet de bestanden op de plaats van de oude (docs/backup.md).\n"
	"\n"
	"PostgreSQL heeft eigen gereedschap: gebruik pg_basebackup (docs/deploy.md).\n"
	"\n"
	"Afsluitcode: 0 gelukt; 1 database- of schijffout; 2 ongeldige aanroep, MAP bevat al een\n"
	"back-up, of een PostgreSQL-database.\n";

/* The copy shows its progress when it takes more steps than this (of JR_BACKUP_PAGES_PER_STEP
 * pages each: some 8 MiB with pages of 4 KiB). */
#define PROGRESS_STEPS 8

/* Prints the percentage copied on stderr, every ten percent, for a large database. */
static void progress(void *ctx, int64_t done, int64_t total)
{
	int *shown = ctx;
	int percent;

	if (total <= (int64_t)PROGRESS_STEPS * JR_BACKUP_PAGES_PER_STEP || done > total)
		return;
	percent = (int)(done * 100 / total);
	if (percent / 10 <= *shown / 10)
		return;
	*shown = percent;
	jr_cli_error("backup: %d%% gekopieerd", percent);
}

int jr_cmd_backup(const struct jr_cli_command *self, int argc, char **argv)
{
	static const char *const allowed[] = {"out", NULL};
	struct jr_args h = {.command = "backup"};
	struct jr_backup_info info;
	struct jr_cli_session s;
	struct jr_json_writer w;
	struct jr_buf out;
	const char *dir;
	int status, shown = 0;
	enum jr_err err;

	jr_cli_session_init(&s, self, &h.db);
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)))
		goto out;
	dir = jr_args_get(&h, "out");
	if (h.id) {
		jr_cli_error("backup: een argument te veel; zie jeugdroute backup --help");
		status = 2;
		goto out;
	}
	if (!dir || !dir[0]) {
		jr_cli_error("backup: --out ontbreekt: geef de map voor de back-up; zie jeugdroute "
			     "backup --help");
		status = 2;
		goto out;
	}
	/* before connecting: PostgreSQL is backed up with its own tools */
	if (jr_app_db_is_postgres(h.db.db)) {
		jr_cli_error("backup: --db: gebruik pg_basebackup voor PostgreSQL; zie docs/deploy.md");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	if ((err = jr_app_backup(&s.app, dir, progress, &shown, &info))) {
		/* the option to blame, not "veld": --out, --db, --key, … */
		if (s.diag.path[0])
			jr_cli_error("backup: %s: %s", s.diag.path, s.diag.message);
		else
			jr_cli_app_fail("backup", err, &s.diag);
		status = jr_err_exit_status(err);
		goto out;
	}
	jr_cli_json_begin(&out, &w);
	jr_view_backup(&w, dir, &info);
	status = jr_cli_json_print("backup", &out, &w);
out:
	jr_cli_session_close(&s);
	return status;
}
