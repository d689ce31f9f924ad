/* cmd_person: `jeugdroute person add|show|find|update` — scriptable access to person records,
 * answering in JSON. Every access is written to the audit log by the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/ident.h"
#include "json/policy_set.h"

static const char usage[] =
	"Gebruik: jeugdroute person add --bsn BSN --given-names NAMEN --family-name NAAM\n"
	"                              --birth-date JJJJ-MM-DD --municipality CODE [--demo]\n"
	"         jeugdroute person show ID\n"
	"         jeugdroute person find --bsn BSN\n"
	"         jeugdroute person update ID --version V [--given-names …] [--family-name …]\n"
	"                              [--birth-date …] [--municipality …]\n"
	"\n"
	"Personen (kind, ouder of verzorger) in de dossiers. Het BSN wordt gecontroleerd met de\n"
	"elfproef en versleuteld opgeslagen; de gemeente is de woonplaatsgemeente (CBS-code) en moet\n"
	"in een beleidsbestand staan. Een wijziging noemt de versie die gelezen is: is de persoon\n"
	"intussen gewijzigd, dan wordt de wijziging geweigerd (lees opnieuw). Het antwoord is JSON.\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST\n"
	"(waarom, voor het auditlog), --policy-dir MAP.\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

struct person_args {
	struct jr_cli_db db;
	const char *bsn, *given_names, *family_name, *birth_date, *municipality, *version, *id;
	bool demo;
};

static int parse(int argc, char **argv, struct person_args *p)
{
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = strcmp(a, "--bsn") == 0		? &p->bsn
				    : strcmp(a, "--given-names") == 0	? &p->given_names
				    : strcmp(a, "--family-name") == 0	? &p->family_name
				    : strcmp(a, "--birth-date") == 0	? &p->birth_date
				    : strcmp(a, "--municipality") == 0	? &p->municipality
				    : strcmp(a, "--version") == 0	? &p->version
									: NULL;
		int r = jr_cli_db_option(argc, argv, &i, &p->db);
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		if (strcmp(a, "--demo") == 0) {
			p->demo = true;
		} else if (slot) {
			if (i + 1 >= argc) {
				jr_cli_error("person: %s verwacht een waarde", a);
				return 2;
			}
			*slot = argv[++i];
		} else if (a[0] != '-' && !p->id) {
			p->id = a;
		} else {
			jr_cli_error("person: onbekend argument \"%s\"; zie jeugdroute person --help", a);
			return 2;
		}
	}
	jr_cli_db_defaults(&p->db);
	return 0;
}

static jr_day today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return jr_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void print_person(const struct jr_person *p, const struct jr_policy_set *set)
{
	const struct jr_policy *pol = jr_policy_set_find(set, p->municipality);
	const struct jr_municipality *m = pol ? jr_policy_municipality(pol, p->municipality) : NULL;
	char birth[JR_DATE_STRLEN];
	struct jr_buf b;

	jr_date_format(p->birth_date, birth);
	jr_buf_init(&b, 4096);
	if (!jr_buf_printf(&b, "{\"id\":%lld,\"bsn\":\"%s\",\"given_names\":", (long long)p->id,
			   p->bsn) &&
	    !jr_buf_json_string(&b, p->given_names) && !jr_buf_puts(&b, ",\"family_name\":") &&
	    !jr_buf_json_string(&b, p->family_name) &&
	    !jr_buf_printf(&b, ",\"birth_date\":\"%s\",\"municipality\":{\"code\":\"%s\",\"name\":",
			   birth, p->municipality) &&
	    !jr_buf_json_string(&b, m ? m->name : "") &&
	    !jr_buf_printf(&b, "},\"demo\":%s,\"version\":%d}\n", p->demo ? "true" : "false",
			   p->version))
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

/* Checks the fields of a person to be written; 0 when fine, 2 after reporting. */
static int check_person(const struct jr_person *p, const struct jr_policy_set *set)
{
	const char *field, *message;

	if (jr_person_check(p, today(), &field, &message)) {
		jr_cli_error("person: veld %s: %s", field, message);
		return 2;
	}
	if (!jr_policy_set_find(set, p->municipality)) {
		jr_cli_error("person: veld municipality: gemeente %s staat in geen beleidsbestand",
			     p->municipality);
		return 2;
	}
	return 0;
}

static int set_fields(struct jr_person *p, const struct person_args *a)
{
	/* A value of the wrong length is left empty, so that the check rejects it. */
	if (a->bsn)
		snprintf(p->bsn, sizeof(p->bsn), "%s", strlen(a->bsn) == 9 ? a->bsn : "");
	if (a->given_names && strlen(a->given_names) < sizeof(p->given_names))
		memcpy(p->given_names, a->given_names, strlen(a->given_names) + 1);
	else if (a->given_names)
		p->given_names[0] = '\0'; /* too long: the check below says so */
	if (a->family_name && strlen(a->family_name) < sizeof(p->family_name))
		memcpy(p->family_name, a->family_name, strlen(a->family_name) + 1);
	else if (a->family_name)
		p->family_name[0] = '\0';
	if (a->birth_date && jr_date_parse(a->birth_date, strlen(a->birth_date), &p->birth_date)) {
		jr_cli_error("person: veld birth_date: geen bestaande datum; verwacht JJJJ-MM-DD");
		return 2;
	}
	if (a->municipality)
		snprintf(p->municipality, sizeof(p->municipality), "%s",
			 strlen(a->municipality) == 4 ? a->municipality : "");
	return 0;
}

/* A version number as --version gives it: a positive integer. */
static int parse_version(const char *s, int *out)
{
	char *end = NULL;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > 1000000000)
		return -1;
	*out = (int)v;
	return 0;
}

static int report(enum jr_err err, const char *what)
{
	switch (err) {
	case JR_OK: return 0;
	case JR_ERR_NOT_FOUND: jr_cli_error("person: %s: niet gevonden", what); break;
	case JR_ERR_CONFLICT:
		jr_cli_error("person: %s: %s", what,
			     strcmp(what, "add") == 0
				     ? "er staat al een persoon met dit BSN in de dossiers"
				     : "de persoon is intussen gewijzigd; lees opnieuw (person show) "
				       "en geef de nieuwe --version");
		break;
	case JR_ERR_REFUSED: jr_cli_error("person: %s: het BSN van een persoon wordt niet gewijzigd", what); break;
	default: jr_cli_error("person: %s: mislukt: %s", what, jr_err_name(err)); break;
	}
	return jr_err_exit_status(err);
}

int jr_cmd_person(int argc, char **argv)
{
	struct person_args a = {0};
	struct jr_person p = {0};
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct jr_diag diag;
	char bad[JR_PATH_MAX];
	const char *cmd = argc > 1 ? argv[1] : "";
	int status;
	char *end = NULL;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "find") &&
	    strcmp(cmd, "update")) {
		jr_cli_error("person: kies add, show, find of update; zie jeugdroute person --help");
		return 2;
	}
	jr_policy_set_init(&set);
	status = parse(argc, argv, &a);
	if (status)
		goto out;
	if (jr_policy_set_load_dir(&set, a.db.policy_dir, &diag, bad, sizeof(bad))) {
		jr_cli_error("%s: %s: %s", bad, diag.path, diag.message);
		status = 2;
		goto out;
	}
	if ((strcmp(cmd, "show") == 0 || strcmp(cmd, "update") == 0) &&
	    (!a.id || (p.id = strtoll(a.id, &end, 10)) <= 0 || *end)) {
		jr_cli_error("person %s: geef het nummer (id) van de persoon", cmd);
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "find") == 0 && (!a.bsn || !jr_bsn_valid(a.bsn, strlen(a.bsn)))) {
		jr_cli_error("person find: --bsn verwacht een geldig BSN (9 cijfers, elfproef)");
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "add") == 0) {
		if (!a.bsn || !a.given_names || !a.family_name || !a.birth_date || !a.municipality) {
			jr_cli_error("person add: geef --bsn, --given-names, --family-name, "
				     "--birth-date en --municipality");
			status = 2;
			goto out;
		}
		p.demo = a.demo;
		if ((status = set_fields(&p, &a)) || (status = check_person(&p, &set)))
			goto out;
	}
	if (strcmp(cmd, "update") == 0 && (!a.version || parse_version(a.version, &p.version))) {
		jr_cli_error("person update: --version verwacht de versie die gelezen is");
		status = 2;
		goto out;
	}
	jr_cli_actor(&actor, &a.db);
	if (jr_store_open(a.db.db, a.db.key, false, &store, &diag)) {
		jr_cli_error("person: %s: %s", a.db.db, diag.message);
		status = 1;
		goto out;
	}
	if (strcmp(cmd, "add") == 0) {
		status = report(jr_store_person_add(store, &actor, &p), cmd);
	} else if (strcmp(cmd, "show") == 0) {
		status = report(jr_store_person_get(store, &actor, p.id, &p), cmd);
	} else if (strcmp(cmd, "find") == 0) {
		status = report(jr_store_person_find_bsn(store, &actor, a.bsn, &p), cmd);
	} else {
		int version = p.version;
		status = report(jr_store_person_get(store, &actor, p.id, &p), cmd);
		if (status)
			goto out;
		p.version = version;
		if ((status = set_fields(&p, &a)) || (status = check_person(&p, &set)))
			goto out;
		status = report(jr_store_person_update(store, &actor, &p), cmd);
	}
	if (!status)
		print_person(&p, &set);
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	return status;
}
