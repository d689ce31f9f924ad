/* cmd_audit: `jeugdroute audit verify | rotate-key | keys` — checks the keyed chain of the audit
 * log and its signed checkpoints and says whether they hold, or where they were changed;
 * switches the chain to a new audit key; shows the audit keys' ids and public keys. */
#include <stdio.h>
#include <string.h>

#include "app/audit.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/json_out.h"
#include "cli/use_case.h"
#include "view/view_audit.h"

const char jr_usage_audit[] =
	"Gebruik: jeugdroute audit verify [--db URL] [--key BESTAND] [--audit-key BESTAND]\n"
	"                                 [--audit-checkpoints BESTAND] [--reason TEKST]\n"
	"         jeugdroute audit rotate-key [dezelfde opties]\n"
	"         jeugdroute audit keys [dezelfde opties]\n"
	"\n"
	"Het auditlog houdt elke inzage en wijziging van persoonsgegevens bij, als keten: elke regel\n"
	"draagt een MAC (BLAKE2b met de auditsleutel) over zijn eigen inhoud en de regel ervoor.\n"
	"De auditsleutel staat buiten de database, in het auditsleutelbestand (standaard naast\n"
	"--key: x.key geeft x.audit.key). Het einde van de keten wordt geregeld ondertekend\n"
	"(Ed25519) en als controlepunt achteraan het controlepuntenbestand gezet (standaard x.checkpoints),\n"
	"door de server elke paar seconden dat er iets gebeurt en bij het stoppen, en door elke\n"
	"opdracht die regels toevoegde.\n"
	"\n"
	"verify loopt de hele keten na en vergelijkt haar met elk controlepunt. Is er een regel\n"
	"gewijzigd, verwijderd, tussengevoegd of verwisseld, is de keten zonder de sleutel opnieuw\n"
	"berekend, of zijn er regels van het eind afgehaald (ook als audit_head mee is teruggezet),\n"
	"dan noemt het de eerste regel die niet past en de reden, en stopt met afsluitcode 1. Een\n"
	"controlepunt waarvan de handtekening niet klopt, wordt ook gemeld. Het antwoord is JSON: hoeveel\n"
	"regels en controlepunten er zijn nagelopen en tot welke regel het laatste controlepunt gaat.\n"
	"\n"
	"rotate-key zet een nieuwe sleutel achteraan het auditsleutelbestand (de oude blijven, om\n"
	"oudere regels en controlepunten te kunnen nagaan) en legt de wissel vast in de keten; alle\n"
	"regels daarna gebruiken de nieuwe sleutel. Draaiende servers lezen het bestand dan opnieuw.\n"
	"\n"
	"keys toont per auditsleutel de naam (id) en de publieke sleutel waarmee controlepunten\n"
	"te controleren zijn; bewaar die ook buiten deze machine.\n"
	"\n"
	"Afsluitcode: 0 keten heel; 1 keten gebroken, database- of interne fout; 2 ongeldige aanroep.\n";

/* Prints the verdict as JSON and says on stderr what is broken; the exit status. */
static int report(const struct jr_audit_verdict *v)
{
	bool intact = !v->bad_seq && !v->bad_checkpoint_line;
	struct jr_json_writer w;
	struct jr_buf out;
	int status;

	jr_cli_json_begin(&out, &w);
	jr_view_audit_verdict(&w, v);
	if ((status = jr_cli_json_print("audit verify", &out, &w)))
		return status;
	if (v->bad_seq)
		jr_cli_error("audit verify: de keten is gebroken: %s", v->problem);
	if (v->bad_checkpoint_line)
		jr_cli_error("audit verify: controlepunt ongeldig: %s", v->checkpoint_problem);
	if (!v->checkpoint_file)
		jr_cli_error("audit verify: let op: er is geen controlepuntenbestand; regels die van "
			     "het eind zijn afgehaald, zijn zonder controlepunten niet te zien");
	return intact ? 0 : 1;
}

/* Runs subcommand `sub` (verify, rotate-key or keys) and prints its answer; the exit status. */
static int run(struct jr_app *app, const char *sub)
{
	static struct jr_audit_key_info keys[JR_APP_AUDIT_KEYS_MAX];
	struct jr_audit_verdict v;
	struct jr_json_writer w;
	struct jr_buf out;
	char id[17];
	size_t count;
	enum jr_err err;

	if (strcmp(sub, "keys") == 0) {
		if ((err = jr_app_audit_keys(app, keys, JR_APP_AUDIT_KEYS_MAX, &count)))
			return jr_cli_app_fail("audit keys", err, app->diag);
		jr_cli_json_begin(&out, &w);
		jr_view_audit_keys(&w, keys, count);
		return jr_cli_json_print("audit keys", &out, &w);
	}
	if (strcmp(sub, "rotate-key") == 0) {
		if ((err = jr_app_audit_rotate_key(app, id)))
			return jr_cli_app_fail("audit rotate-key", err, app->diag);
		jr_cli_json_begin(&out, &w);
		jr_view_audit_rotated(&w, id);
		return jr_cli_json_print("audit rotate-key", &out, &w);
	}
	if ((err = jr_app_audit_verify(app, &v)))
		return jr_cli_app_fail("audit verify", err, app->diag);
	return report(&v);
}

int jr_cmd_audit(const struct jr_cli_command *self, int argc, char **argv)
{
	static const char *const allowed[] = {NULL};
	struct jr_args h = {.command = "audit"};
	struct jr_cli_session s;
	const char *sub = argc >= 2 ? argv[1] : "";
	int status;

	if (strcmp(sub, "verify") != 0 && strcmp(sub, "rotate-key") != 0 &&
	    strcmp(sub, "keys") != 0) {
		jr_cli_error("audit: kies verify, rotate-key of keys; zie jeugdroute audit --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &h.db);
	if ((status = jr_args_parse(argc, argv, 2, &h)) ||
	    (status = jr_args_only(&h, sub, allowed)))
		goto out;
	if (h.id) {
		jr_cli_error("audit %s: een argument te veel; zie jeugdroute audit --help", sub);
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	status = run(&s.app, sub);
out:
	jr_cli_session_close(&s);
	return status;
}
