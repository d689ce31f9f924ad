/* cmd_person: `jeugdroute person add|show|find|update|involved` — scriptable access to person
 * records, answering in JSON. Every access is written to the audit log by the store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/ident.h"
#include "json/policy_set.h"

static const char usage[] =
	"Gebruik: jeugdroute person add --bsn BSN --given-names NAMEN --family-name NAAM\n"
	"                              --birth-date JJJJ-MM-DD --municipality CODE [--sex 0|1|2]\n"
	"                              [ADRES] [--demo]\n"
	"         jeugdroute person show ID\n"
	"         jeugdroute person find --bsn BSN\n"
	"         jeugdroute person update ID --version V [--given-names …] [--family-name …]\n"
	"                              [--birth-date …] [--municipality …] [--sex …] [ADRES]\n"
	"         jeugdroute person involved ID [--date JJJJ-MM-DD]\n"
	"\n"
	"Personen (kind, ouder of verzorger) in de dossiers. Het BSN wordt gecontroleerd met de\n"
	"elfproef en versleuteld opgeslagen; de gemeente is de woonplaatsgemeente (CBS-code) en moet\n"
	"in een beleidsbestand staan. Geslacht (--sex, iJw COD046): 0 onbekend (standaard), 1 man,\n"
	"2 vrouw. ADRES is het BRP-adres, dat een toewijzingsbericht (iJw JW301) meestuurt:\n"
	"--street STRAAT --house-number NR [--house-letter L] [--house-addition TOEV]\n"
	"--postcode 1234AB --place WOONPLAATS (alle vier de verplichte samen).\n"
	"Een wijziging noemt de versie die gelezen is: is de persoon\n"
	"intussen gewijzigd, dan wordt de wijziging geweigerd (lees opnieuw). Het antwoord is JSON.\n"
	"\n"
	"involved toont welke organisaties op de peildatum (standaard vandaag) bij een kind\n"
	"betrokken zijn, afgeleid uit de dossiers en nooit los ingevoerd: het lokale team van elke\n"
	"open hulpvraag, de verwijzer van elke verwijzing daarin, de aanbieder van elke toewijzing\n"
	"waarvan de zorg niet is gestopt en de GI van elke lopende maatregel.\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST\n"
	"(waarom, voor het auditlog), --policy-dir MAP.\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

struct person_args {
	struct jr_cli_db db;
	const char *bsn, *given_names, *family_name, *birth_date, *municipality, *version, *id;
	const char *date, *sex, *street, *house_number, *house_letter, *house_addition, *postcode,
		*place;
	bool demo;
};

static int parse(int argc, char **argv, struct person_args *p)
{
	const struct jr_cli_opt opts[] = {
		{"--bsn", "add find", &p->bsn},
		{"--given-names", "add update", &p->given_names},
		{"--family-name", "add update", &p->family_name},
		{"--birth-date", "add update", &p->birth_date},
		{"--municipality", "add update", &p->municipality},
		{"--sex", "add update", &p->sex},
		{"--street", "add update", &p->street},
		{"--house-number", "add update", &p->house_number},
		{"--house-letter", "add update", &p->house_letter},
		{"--house-addition", "add update", &p->house_addition},
		{"--postcode", "add update", &p->postcode},
		{"--place", "add update", &p->place},
		{"--version", "update", &p->version},
		{"--date", "involved", &p->date},
	};
	return jr_cli_parse_table(argc, argv, "person", opts, sizeof(opts) / sizeof(opts[0]),
				  &p->db, &p->id, &p->demo);
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
	    !jr_buf_printf(&b, "},\"sex\":\"%c\",\"address\":", p->sex ? p->sex : '0') &&
	    !jr_store_address_json(&p->address, &b) &&
	    !jr_buf_printf(&b, ",\"demo\":%s,\"version\":%d}\n", p->demo ? "true" : "false",
			   p->version))
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

/* The organisations involved with a child: the COD327 code for a referrer; provider_id for a
 * provider, else organisation_id (null when the records name no organisation). */
#define INVOLVED_MAX 64
static void print_involvement(int64_t child, jr_day on, const struct jr_involvement *inv,
			      size_t count)
{
	char day[JR_DATE_STRLEN], since[JR_DATE_STRLEN];
	struct jr_buf b;
	bool ok;

	jr_date_format(on, day);
	jr_buf_init(&b, 1 << 16);
	ok = !jr_buf_printf(&b, "{\"child_id\":%lld,\"date\":\"%s\",\"count\":%zu,\"involved\":[",
			    (long long)child, day, count);
	for (size_t i = 0; ok && i < count && i < INVOLVED_MAX; i++) {
		const struct jr_involvement *v = &inv[i];
		char id[24] = "null", type[8] = "null";
		if (v->organisation_id)
			snprintf(id, sizeof(id), "%lld", (long long)v->organisation_id);
		if (v->referrer_type)
			snprintf(type, sizeof(type), "\"%02d\"", v->referrer_type);
		jr_date_format(v->since, since);
		ok = !jr_buf_printf(&b,
				    "%s{\"via\":\"%s\",\"object_id\":%lld,\"kind\":\"%s\",\"%s\":%s,"
				    "\"name\":",
				    i ? "," : "", v->via, (long long)v->object_id, v->kind,
				    strcmp(v->kind, "provider") == 0 ? "provider_id" : "organisation_id",
				    id) &&
		     !jr_buf_json_string(&b, v->name) &&
		     !jr_buf_printf(&b, ",\"agb\":\"%s\",\"referrer_type\":%s,\"since\":\"%s\"}",
				    v->agb, type, since);
	}
	if (ok && !jr_buf_puts(&b, "]}\n"))
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

/* Checks the fields of a person to be written; 0 when fine, 2 after reporting. */
static int check_person(const struct jr_person *p, const struct jr_policy_set *set)
{
	const char *field, *message;

	if (jr_person_check(p, jr_args_today(), &field, &message)) {
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

/* Copies `value` into a field of `size` bytes; one that does not fit is left empty (the check
 * then says what is wrong) — and a given empty value empties the field. */
static void copy_field(char *field, size_t size, const char *value)
{
	if (!value)
		return;
	snprintf(field, size, "%s", strlen(value) < size ? value : "");
}

/* The address options over the address read (update) or none (add). */
static int set_address(struct jr_address *addr, const struct person_args *a)
{
	char *end = NULL;
	long n;

	copy_field(addr->street, sizeof(addr->street), a->street);
	copy_field(addr->house_letter, sizeof(addr->house_letter), a->house_letter);
	copy_field(addr->house_addition, sizeof(addr->house_addition), a->house_addition);
	copy_field(addr->postcode, sizeof(addr->postcode), a->postcode);
	copy_field(addr->place, sizeof(addr->place), a->place);
	if (a->house_number) {
		n = strtol(a->house_number, &end, 10);
		addr->house_number = *a->house_number && *end == '\0' && n > 0 && n <= 99999 ? (int)n : 0;
	}
	if (!addr->street[0] && (addr->house_number || addr->postcode[0] || addr->place[0])) {
		jr_cli_error("person: veld address.street: een adres heeft een straat; geef --street");
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
	if (a->sex)
		p->sex = strlen(a->sex) == 1 ? a->sex[0] : '?';
	return set_address(&p->address, a);
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
	const char *cmd = argc > 1 ? argv[1] : "";
	jr_day on = jr_args_today();
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "find") &&
	    strcmp(cmd, "update") && strcmp(cmd, "involved")) {
		jr_cli_error("person: kies add, show, find, update of involved; zie jeugdroute "
			     "person --help");
		return 2;
	}
	jr_policy_set_init(&set);
	status = parse(argc, argv, &a);
	if (status)
		goto out;
	if ((status = jr_cli_load_policies(&a.db, &set)))
		goto out;
	if (strcmp(cmd, "find") != 0 && strcmp(cmd, "add") != 0 &&
	    (!a.id || jr_args_id(a.id, &p.id))) {
		jr_cli_error("person %s: geef het nummer (id) van de persoon", cmd);
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "find") == 0 && a.id) {
		jr_cli_error("person find: zoek met --bsn, niet met een nummer");
		status = 2;
		goto out;
	}
	if (a.date && jr_date_parse(a.date, strlen(a.date), &on)) {
		jr_cli_error("person involved: --date verwacht een bestaande datum (JJJJ-MM-DD)");
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
	if ((status = jr_cli_open_store("person", &a.db, &store)))
		goto out;
	if (strcmp(cmd, "add") == 0) {
		status = report(jr_store_person_add(store, &actor, &p), cmd);
	} else if (strcmp(cmd, "show") == 0) {
		status = report(jr_store_person_get(store, &actor, p.id, &p), cmd);
	} else if (strcmp(cmd, "find") == 0) {
		status = report(jr_store_person_find_bsn(store, &actor, a.bsn, &p), cmd);
	} else if (strcmp(cmd, "involved") == 0) {
		struct jr_involvement inv[INVOLVED_MAX];
		size_t count = 0;
		status = report(jr_store_involvement(store, &actor, p.id, on, inv, INVOLVED_MAX,
						     &count),
				cmd);
		if (!status)
			print_involvement(p.id, on, inv, count);
		goto out;
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
