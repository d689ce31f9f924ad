/* cmd_init: `jeugdroute init` — creates or migrates the record database, creates the BSN key
 * file and the audit key file (and gives an audit log made before the audit key its key),
 * records the region policies, and creates the first administrator. Safe to run again: it only
 * adds what is missing. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/setup.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"

const char jr_usage_init[] =
	"Gebruik: jeugdroute init [--db URL] [--key BESTAND] [--audit-key BESTAND]\n"
	"                         [--audit-checkpoints BESTAND] [--policy-dir MAP]\n"
	"\n"
	"Maakt de database voor de dossiers of werkt haar schema bij, maakt het sleutelbestand\n"
	"waarmee BSN's versleuteld worden (modus 0600; bewaar het veilig, zonder sleutel zijn de\n"
	"BSN's niet meer te lezen) en het auditsleutelbestand waarmee het auditlog geketend en\n"
	"ondertekend wordt, legt de beleidsbestanden van de regio's vast en maakt de beheerder\n"
	"\"admin\" aan. Opnieuw draaien voegt alleen toe wat ontbreekt. Een auditlog van een\n"
	"eerdere jeugdroute (zonder sleutel) wordt eenmalig gecontroleerd en met de nieuwe\n"
	"sleutel opnieuw geketend.\n"
	"\n"
	"  --db URL                     SQLite-bestand (standaard var/jeugdroute.db)\n"
	"  --key BESTAND                sleutelbestand (standaard: het databasebestand + .key)\n"
	"  --audit-key BESTAND          auditsleutelbestand (standaard: naast --key, .audit.key)\n"
	"  --audit-checkpoints BESTAND  controlepunten van het auditlog (standaard: naast --key,\n"
	"                               .checkpoints)\n"
	"  --policy-dir MAP             de beleidsbestanden (standaard de map policy/ van\n"
	"                               jeugdroute)\n"
	"\n"
	"Het wachtwoord van admin komt uit JEUGDROUTE_ADMIN_PASSWORD (minstens 12 tekens); anders\n"
	"wordt er een gemaakt en eenmalig getoond.\n";

int jr_cmd_init(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_cli_db o = {0};
	struct jr_cli_session s;
	struct jr_app_setup done;
	int status = 0;
	const char *password;
	char shown[512];
	enum jr_err err;

	for (int i = 1; i < argc; i++) {
		int r = jr_cli_db_option(argc, argv, &i, &o);
		if (r < 0)
			return 2;
		if (r == 0) {
			jr_cli_error("init: onbekende optie \"%s\"; zie jeugdroute init --help",
				     argv[i]);
			return 2;
		}
	}
	jr_cli_db_defaults(&o);
	o.reason = "inrichting (jeugdroute init)";
	password = getenv("JEUGDROUTE_ADMIN_PASSWORD");
	if (password && strlen(password) < 12) {
		jr_cli_error("init: JEUGDROUTE_ADMIN_PASSWORD is korter dan 12 tekens");
		return 2;
	}
	/* JR_CMD_CREATE: the session makes var/ and creates or migrates the records, after it has
	 * read the policies, so a broken policy file leaves no new database behind */
	jr_cli_session_init(&s, self, &o);
	if ((status = jr_cli_session_open(&s)))
		goto out;
	if ((err = jr_app_setup(&s.app, password, &done))) {
		status = jr_cli_app_fail("init", err, &s.diag);
		goto out;
	}
	jr_app_db_shown(o.db, shown, sizeof(shown));
	printf("database: %s (schema versie %d%s)\n", shown, done.schema_now,
	       done.schema_found == done.schema_now ? ", was al bij"
	       : done.schema_found == 0	      ? ", nieuw"
					      : ", bijgewerkt");
	printf("sleutel:  %s (bewaar dit bestand veilig: zonder sleutel zijn BSN's niet te lezen)\n",
	       o.key);
	if (done.audit_key)
		printf("audit:    %s (sleutel %s; bewaar het apart van de database), "
		       "controlepunten in %s\n",
		       done.audit_key_file, done.audit_key_id, done.checkpoint_file);
	printf("beleid:   %d bestand(en), %d nieuw vastgelegd\n", done.policy_files,
	       done.policies_added);
	if (done.admin_existed)
		printf("beheerder: %s bestaat al\n", JR_APP_SETUP_ADMIN);
	else if (done.password[0])
		printf("beheerder: %s, wachtwoord %s (wordt niet opnieuw getoond)\n",
		       JR_APP_SETUP_ADMIN, done.password);
	else
		printf("beheerder: %s, wachtwoord uit JEUGDROUTE_ADMIN_PASSWORD\n",
		       JR_APP_SETUP_ADMIN);
	sodium_memzero(done.password, sizeof(done.password));
out:
	jr_cli_session_close(&s);
	return status;
}
