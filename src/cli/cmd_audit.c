/* cmd_audit: `jeugdroute audit verify | rotate-key | keys` — checks the keyed chain of the audit
 * log and its signed checkpoints and says whether they hold, or where they were changed;
 * switches the chain to a new audit key; shows the audit keys' ids and public keys. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/buf.h"

static const char usage[] =
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

	printf("{\"intact\":%s,\"%s\":%lld,", intact ? "true" : "false",
	       v->bad_seq ? "entries_checked" : "entries", (long long)v->entries);
	if (v->bad_seq)
		printf("\"first_bad_entry\":%lld,", (long long)v->bad_seq);
	printf("\"checkpoints\":%lld,\"last_checkpoint_seq\":%lld", (long long)v->checkpoints,
	       (long long)v->last_checkpoint_seq);
	if (v->checkpoints)
		printf(",\"last_checkpoint_at\":\"%s\"", v->last_checkpoint_at);
	if (v->bad_checkpoint_line)
		printf(",\"bad_checkpoint_line\":%lld", (long long)v->bad_checkpoint_line);
	printf("}\n");
	if (v->bad_seq)
		jr_cli_error("audit verify: de keten is gebroken: %s", v->problem);
	if (v->bad_checkpoint_line)
		jr_cli_error("audit verify: controlepunt ongeldig: %s", v->checkpoint_problem);
	if (!v->checkpoint_file)
		jr_cli_error("audit verify: let op: er is geen controlepuntenbestand; regels die van "
			     "het eind zijn afgehaald, zijn zonder controlepunten niet te zien");
	return intact ? 0 : 1;
}

/* Prints the audit keys as one JSON object. */
static int list_keys(struct jr_store *store)
{
	struct jr_audit_key_info k;
	struct jr_buf out;
	enum jr_err err = JR_OK;
	int status = 0;

	jr_buf_init(&out, 64 * 1024);
	for (int i = 0; !err && jr_store_audit_key_info(store, i, &k) == JR_OK; i++) {
		if (i == 0) {
			err = jr_buf_puts(&out, "{\"key_file\":");
			err = err ? err : jr_buf_json_string(&out, k.key_file);
			err = err ? err : jr_buf_puts(&out, ",\"checkpoint_file\":");
			err = err ? err : jr_buf_json_string(&out, k.checkpoint_file);
			err = err ? err : jr_buf_puts(&out, ",\"keys\":[");
		}
		err = err ? err
			  : jr_buf_printf(&out,
					  "%s{\"id\":\"%s\",\"public_key\":\"%s\",\"in_use\":%s}",
					  i ? "," : "", k.id, k.public_key,
					  k.in_use ? "true" : "false");
	}
	if (!err)
		err = jr_buf_puts(&out, "]}");
	if (err) {
		jr_cli_error("audit keys: mislukt: %s", jr_err_name(err));
		status = 1;
	} else {
		puts(jr_buf_str(&out));
	}
	jr_buf_release(&out);
	return status;
}

int jr_cmd_audit(int argc, char **argv)
{
	static const char *const allowed[] = {NULL};
	struct jr_args h = {.command = "audit"};
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct jr_audit_verdict v;
	char id[17], msg[JR_STORE_AUDIT_MSG_MAX];
	const char *sub = argc >= 2 ? argv[1] : "";
	enum jr_err err;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (strcmp(sub, "verify") != 0 && strcmp(sub, "rotate-key") != 0 &&
	    strcmp(sub, "keys") != 0) {
		jr_cli_error("audit: kies verify, rotate-key of keys; zie jeugdroute audit --help");
		return 2;
	}
	if ((status = jr_args_parse(argc, argv, 2, &h)) ||
	    (status = jr_args_only(&h, sub, allowed)))
		goto out;
	if (h.id) {
		jr_cli_error("audit %s: een argument te veel; zie jeugdroute audit --help", sub);
		status = 2;
		goto out;
	}
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("audit", &h.db, &store)))
		goto out;
	if (strcmp(sub, "keys") == 0) {
		status = list_keys(store);
		goto out;
	}
	if (strcmp(sub, "rotate-key") == 0) {
		err = jr_store_audit_rotate_key(store, &actor, id, msg);
		if (err) {
			jr_cli_error("audit rotate-key: mislukt: %s", msg[0] ? msg : jr_err_name(err));
			status = 1;
		} else {
			printf("{\"rotated\":true,\"key\":\"%s\"}\n", id);
		}
		goto out;
	}
	err = jr_store_audit_verify(store, &actor, &v);
	if (err) {
		jr_cli_error("audit verify: mislukt: %s%s%s", jr_err_name(err),
			     v.checkpoint_problem[0] ? ": " : "", v.checkpoint_problem);
		status = 1;
		goto out;
	}
	status = report(&v);
out:
	jr_store_close(store);
	return status;
}
