/* cmd_audit: `jeugdroute audit verify` — walks the hash chain of the audit log and says whether it
 * is whole, or where it was changed. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	"Gebruik: jeugdroute audit verify [--db URL] [--key BESTAND] [--reason TEKST]\n"
	"\n"
	"Het auditlog houdt elke inzage en wijziging van persoonsgegevens bij, als keten: elke regel\n"
	"draagt een hash over zijn eigen inhoud en de regel ervoor. verify loopt de hele keten na.\n"
	"Is er een regel gewijzigd, verwijderd of buiten jeugdroute om toegevoegd, dan noemt het de\n"
	"eerste regel die niet past en stopt met afsluitcode 1. Het antwoord is JSON.\n"
	"\n"
	"Afsluitcode: 0 keten heel; 1 keten gebroken, database- of interne fout; 2 ongeldige aanroep.\n";

int jr_cmd_audit(int argc, char **argv)
{
	static const char *const allowed[] = {NULL};
	struct jr_args h = {.command = "audit"};
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct jr_audit_verdict v;
	enum jr_err err;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (argc < 2 || strcmp(argv[1], "verify") != 0) {
		jr_cli_error("audit: kies verify; zie jeugdroute audit --help");
		return 2;
	}
	if ((status = jr_args_parse(argc, argv, 2, &h)) ||
	    (status = jr_args_only(&h, "verify", allowed)))
		goto out;
	if (h.id) {
		jr_cli_error("audit verify: een argument te veel; zie jeugdroute audit --help");
		status = 2;
		goto out;
	}
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("audit", &h.db, &store)))
		goto out;
	err = jr_store_audit_verify(store, &actor, &v);
	if (err) {
		jr_cli_error("audit verify: mislukt: %s", jr_err_name(err));
		status = 1;
		goto out;
	}
	if (v.bad_seq) {
		printf("{\"intact\":false,\"entries_checked\":%lld,\"first_bad_entry\":%lld}\n",
		       (long long)v.entries, (long long)v.bad_seq);
		jr_cli_error("audit verify: de keten is gebroken: %s", v.problem);
		status = 1;
	} else {
		printf("{\"intact\":true,\"entries\":%lld}\n", (long long)v.entries);
	}
out:
	jr_store_close(store);
	return status;
}
