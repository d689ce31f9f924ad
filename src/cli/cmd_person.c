/* cmd_person: `jeugdroute person add|show|find|update|involved` — scriptable access to person
 * records, answering in JSON: each subcommand is one use case of app/person.c, printed by
 * view/view_person.c as the API answers it. Every access is written to the audit log by the
 * store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/person.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "app/search.h"
#include "view/view_person.h"
#include "view/view_search.h"

const char jr_usage_person[] =
	"Gebruik: jeugdroute person add --bsn BSN --given-names NAMEN --family-name NAAM\n"
	"                              --birth-date JJJJ-MM-DD --municipality CODE [--sex 0|1|2]\n"
	"                              [ADRES] [--demo]\n"
	"         jeugdroute person show ID\n"
	"         jeugdroute person find --bsn BSN\n"
	"         jeugdroute person update ID --version V [--given-names …] [--family-name …]\n"
	"                              [--birth-date …] [--municipality …] [--sex …] [ADRES]\n"
	"         jeugdroute person involved ID [--date JJJJ-MM-DD]\n"
	"         jeugdroute person search [--bsn BSN] [--name NAAM] [--birth-date JJJJ-MM-DD]\n"
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
	"search zoekt personen op BSN (elfproef), naam en geboortedatum, samen of apart (ten\n"
	"minste één): een naam vindt het begin van de achternaam en/of de voornamen, zonder\n"
	"verschil tussen hoofd- en kleine letters of accenten (\"de vries\" vindt \"De Vries\");\n"
	"ten minste 2 letters. Hooguit 50 resultaten, op achternaam en voornamen, met leeftijd,\n"
	"gemeente en open hulpvragen; \"more\" zegt dat er meer zijn. De zoekvraag komt in het\n"
	"auditlog met de soorten zoekgegevens (nooit het BSN of de naam zelf) en wie gevonden is.\n"
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
	const char *name;
};

static int parse(int argc, char **argv, struct person_args *p)
{
	const struct jr_cli_opt opts[] = {
		{"--bsn", "add find search", &p->bsn},
		{"--given-names", "add update", &p->given_names},
		{"--family-name", "add update", &p->family_name},
		{"--birth-date", "add update search", &p->birth_date},
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
		{"--name", "search", &p->name},
	};
	return jr_cli_parse_table(argc, argv, "person", opts, sizeof(opts) / sizeof(opts[0]),
				  &p->db, &p->id, &p->demo);
}

/* Prints what `w` wrote into `b` as one line; JR_ERR_IO when stdout fails. */
static enum jr_err print_line(struct jr_json_writer *w, struct jr_buf *b)
{
	enum jr_err err = jr_jw_finish(w);

	if (!err)
		err = jr_buf_putc(b, '\n');
	if (!err && (fputs(jr_buf_str(b), stdout) == EOF || fflush(stdout)))
		err = JR_ERR_IO;
	return err;
}

static enum jr_err print_person(const struct jr_person *p)
{
	struct jr_json_writer w;
	struct jr_buf b;
	enum jr_err err;

	jr_buf_init(&b, 1 << 16);
	jr_jw_init(&w, &b);
	jr_view_person(&w, p);
	err = print_line(&w, &b);
	jr_buf_release(&b);
	return err;
}

/* The organisations involved with a child. */
#define INVOLVED_MAX 64
static enum jr_err print_involvement(int64_t child, jr_day on, const struct jr_involvement *inv,
				     size_t count)
{
	struct jr_json_writer w;
	struct jr_buf b;
	enum jr_err err;

	jr_buf_init(&b, 1 << 20);
	jr_jw_init(&w, &b);
	jr_view_involvement(&w, child, on, inv, count, INVOLVED_MAX);
	err = print_line(&w, &b);
	jr_buf_release(&b);
	return err;
}

/* `person search`: the answer printed, one line of JSON. */
static enum jr_err search(struct jr_app *app, const struct person_args *a)
{
	const struct jr_search_input in = {.bsn = a->bsn, .name = a->name,
					   .birth_date = a->birth_date};
	struct jr_search_answer *ans = calloc(1, sizeof(*ans));
	struct jr_json_writer w;
	struct jr_buf b;
	enum jr_err err;

	if (!ans)
		return JR_ERR_NOMEM;
	jr_buf_init(&b, 1 << 20);
	err = jr_app_person_search(app, &in, ans);
	if (!err) {
		jr_jw_init(&w, &b);
		jr_view_person_search(&w, ans);
		err = print_line(&w, &b);
	}
	jr_buf_release(&b);
	free(ans);
	return err;
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

/* The fields given on the command line, as text for the app to read and check. */
static void input_of(const struct person_args *a, struct jr_person_input *in)
{
	*in = (struct jr_person_input){
		.bsn = a->bsn,
		.given_names = a->given_names,
		.family_name = a->family_name,
		.birth_date = a->birth_date,
		.municipality = a->municipality,
		.sex = a->sex,
		.street = a->street,
		.house_number = a->house_number,
		.house_letter = a->house_letter,
		.house_addition = a->house_addition,
		.postcode = a->postcode,
		.place = a->place,
		.demo = a->demo,
	};
}

int jr_cmd_person(const struct jr_cli_command *self, int argc, char **argv)
{
	struct person_args a = {0};
	struct jr_person p = {0};
	struct jr_person_input in;
	struct jr_cli_session s;
	const char *cmd = argc > 1 ? argv[1] : "";
	char what[32];
	jr_day on = jr_args_today();
	int64_t id = 0;
	int version = 0;
	enum jr_err err = JR_OK;
	int status;

	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "find") &&
	    strcmp(cmd, "update") && strcmp(cmd, "involved") && strcmp(cmd, "search")) {
		jr_cli_error("person: kies add, show, find, update, involved of search; zie "
			     "jeugdroute person --help");
		return 2;
	}
	snprintf(what, sizeof(what), "person %s", cmd);
	jr_cli_session_init(&s, self, &a.db);
	status = parse(argc, argv, &a);
	if (status)
		goto out;
	if (strcmp(cmd, "search") == 0 && a.id) {
		jr_cli_error("person search: zoek met --bsn, --name of --birth-date, niet met een "
			     "nummer");
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "find") != 0 && strcmp(cmd, "add") != 0 && strcmp(cmd, "search") != 0 &&
	    (!a.id || jr_args_id(a.id, &id))) {
		jr_cli_error("person %s: geef het nummer (id) van de persoon", cmd);
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "find") == 0 && (a.id || !a.bsn)) {
		jr_cli_error("person find: zoek met --bsn, niet met een nummer");
		status = 2;
		goto out;
	}
	if (a.date && jr_date_parse(a.date, strlen(a.date), &on)) {
		jr_cli_error("person involved: --date verwacht een bestaande datum (JJJJ-MM-DD)");
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "add") == 0 &&
	    (!a.bsn || !a.given_names || !a.family_name || !a.birth_date || !a.municipality)) {
		jr_cli_error("person add: geef --bsn, --given-names, --family-name, --birth-date en "
			     "--municipality");
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "update") == 0 && (!a.version || parse_version(a.version, &version))) {
		jr_cli_error("person update: --version verwacht de versie die gelezen is");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	input_of(&a, &in);
	if (strcmp(cmd, "add") == 0) {
		err = jr_app_person_add(&s.app, &in, &p);
	} else if (strcmp(cmd, "show") == 0) {
		err = jr_app_person_get(&s.app, id, &p);
	} else if (strcmp(cmd, "find") == 0) {
		err = jr_app_person_find_bsn(&s.app, a.bsn, &p);
	} else if (strcmp(cmd, "search") == 0) {
		err = search(&s.app, &a);
		goto out;
	} else if (strcmp(cmd, "update") == 0) {
		err = jr_app_person_update(&s.app, id, version, &in, &p);
		if (!err && p.notice[0]) /* principle 13: the move keeps running care where it was */
			fprintf(stderr, "jeugdroute: person update: let op: %s\n", p.notice);
	} else {
		struct jr_involvement inv[INVOLVED_MAX];
		size_t count = 0;
		err = jr_app_person_involvement(&s.app, id, on, inv, INVOLVED_MAX, &count);
		if (!err)
			err = print_involvement(id, on, inv, count);
		goto out;
	}
	if (!err)
		err = print_person(&p);
out:
	if (err) /* a field's refusal is the command's, a record's the subcommand's */
		status = jr_cli_app_fail(s.diag.path[0] ? "person" : what, err, &s.diag);
	jr_cli_session_close(&s);
	return status;
}
