/* cmd_provider: `jeugdroute provider add|show|status` and `jeugdroute contract add|check` —
 * scriptable access to the providers (zorgaanbieders) and their contracts, answering in JSON.
 * Every field is checked before the database is opened; a contract's region and municipality
 * must be those of a policy file. The store writes the audit entries. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/provider.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/json_out.h"
#include "cli/use_case.h"
#include "view/view_provider.h"

const char jr_usage_provider[] =
	"Gebruik: jeugdroute provider add --agb AGB --name NAAM [--kvk KVK]\n"
	"                                 [--status STATUS] [--quality TEKST] [--demo]\n"
	"         jeugdroute provider show ID\n"
	"         jeugdroute provider status ID --version V --status STATUS\n"
	"\n"
	"Zorgaanbieders: de AGB-code (8 cijfers) is hun identiteit in het iJw-berichtenverkeer en\n"
	"komt maar één keer voor; het KvK-nummer heeft 8 cijfers. De status is active (actief),\n"
	"suspended (geschorst: er wordt niet aan toegewezen) of under_investigation (in onderzoek);\n"
	"standaard active. --quality noemt de kwaliteitskenmerken (vrije tekst, ten hoogste 255\n"
	"tekens). Een statuswijziging noemt de versie die gelezen is: is de aanbieder intussen\n"
	"gewijzigd, dan wordt de wijziging geweigerd (lees opnieuw). De vorige status blijft in de\n"
	"historie bewaard. Het antwoord is JSON.\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST\n"
	"(waarom, voor het auditlog).\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

const char jr_usage_contract[] =
	"Gebruik: jeugdroute contract add --provider ID --region REGIO [--municipality CODE]\n"
	"                                 --forms 1,2,3 --start JJJJ-MM-DD [--end JJJJ-MM-DD]\n"
	"                                 [--tariff EURO] [--unit EENHEID] [--capacity N]\n"
	"                                 [--product-codes A,B]\n"
	"         jeugdroute contract check --provider ID --form VORM --municipality CODE\n"
	"                                   --date JJJJ-MM-DD\n"
	"\n"
	"Contracten van zorgaanbieders. Een contract geldt voor één gemeente (--municipality, een\n"
	"CBS-code van die regio) of, zonder --municipality, voor alle gemeenten van de regio (de id\n"
	"van een beleidsbestand, zoals twente). --forms noemt de vormen van jeugdhulp (1 tot en met\n"
	"10); het contract loopt van --start tot en met --end, of zonder einde. --tariff is het\n"
	"tarief per eenheid in euro's, met ten hoogste 2 decimalen (65.50 of 65,50); --unit de\n"
	"eenheid (uur, dag, week …); --capacity het aantal plaatsen of trajecten (1 of meer);\n"
	"--product-codes de productcodes voor gemeenten die producten inkopen.\n"
	"\n"
	"contract check zegt of een contract de vorm dekt in die gemeente op die datum: een\n"
	"contract voor de gemeente zelf of voor haar hele regio. Het antwoord is JSON.\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST\n"
	"(waarom, voor het auditlog), --policy-dir MAP.\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

#define TARIFF_MAX_EUROS 10000000L /* ten million euros per unit: beyond that it is a typo */
#define CAPACITY_MAX 1000000L
#define ID_MAX 1000000000000000LL

struct cmd_args {
	struct jr_cli_db db;
	const char *id; /* the positional argument */
	bool demo;
	/* provider */
	const char *agb, *kvk, *name, *status, *quality, *version;
	/* contract */
	const char *provider, *region, *municipality, *forms, *start, *end, *tariff, *unit,
		*capacity, *product_codes, *form, *date;
};



/* An amount in euros, "65", "65.5", "65.50" or "65,50", into cents; -1 when it is not one. */
static int parse_cents(const char *s, int64_t *out)
{
	char *end = NULL;
	long euros;
	int64_t cents = 0;

	if (!isdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	euros = strtol(s, &end, 10);
	if (errno || euros > TARIFF_MAX_EUROS)
		return -1;
	if (*end == '.' || *end == ',') {
		const char *frac = end + 1;
		size_t digits = strspn(frac, "0123456789");
		if (digits < 1 || digits > 2 || frac[digits] != '\0')
			return -1;
		cents = (frac[0] - '0') * 10 + (digits == 2 ? frac[1] - '0' : 0);
	} else if (*end != '\0') {
		return -1;
	}
	*out = (int64_t)euros * 100 + cents;
	return 0;
}

/* A comma list of forms 1..10 ("5,6,7") into a set (1u << form); -1 when it is not one. */
static int parse_forms(const char *s, unsigned *out)
{
	*out = 0;
	for (const char *p = s;;) {
		char *end = NULL;
		long f;
		if (!isdigit((unsigned char)*p))
			return -1;
		errno = 0;
		f = strtol(p, &end, 10);
		if (errno || f < 1 || f > JR_FORM_COUNT)
			return -1;
		*out |= 1u << f;
		if (*end == '\0')
			return 0;
		if (*end != ',')
			return -1;
		p = end + 1;
	}
}

static int parse_date_field(const char *what, const char *field, const char *s, jr_day *out)
{
	if (jr_date_parse(s, strlen(s), out))
		return jr_cli_field_error(what, field, "geen bestaande datum; verwacht JJJJ-MM-DD");
	return 0;
}

/* Prints the provider as one line of JSON; the exit status. */
static int print_provider(const char *what, const struct jr_provider *p)
{
	struct jr_json_writer w;
	struct jr_buf out;

	jr_cli_json_begin(&out, &w);
	jr_view_provider(&w, p);
	return jr_cli_json_print(what, &out, &w);
}

/* Fills in the fields of `provider add` (the app checks them); 0, or 2 after reporting. */
static int provider_fields(const struct cmd_args *a, struct jr_provider *p)
{
	if (!a->agb || !a->name) {
		jr_cli_error("provider add: geef --agb en --name");
		return 2;
	}
	if (a->status && jr_provider_status_parse(a->status) < 0)
		return jr_cli_field_error("provider", "status",
				   "verwacht active, suspended of under_investigation");
	/* a value that does not fit its field is handed on as one the app refuses, so that the
	 * app's rule and message stay the only ones */
	snprintf(p->agb, sizeof(p->agb), "%s", strlen(a->agb) < sizeof(p->agb) ? a->agb : "");
	if (a->kvk)
		snprintf(p->kvk, sizeof(p->kvk), "%s",
			 a->kvk[0] && strlen(a->kvk) < sizeof(p->kvk) ? a->kvk : "?");
	if (strlen(a->name) >= sizeof(p->name))
		return jr_cli_field_error("provider", "name",
				   "verwacht de naam: 1 tot 100 tekens, zonder stuurtekens");
	snprintf(p->name, sizeof(p->name), "%s", a->name);
	p->status = a->status ? (enum jr_provider_status)jr_provider_status_parse(a->status)
			      : JR_PROVIDER_ACTIVE;
	if (a->quality && strlen(a->quality) >= sizeof(p->quality))
		return jr_cli_field_error("provider", "quality",
				   "verwacht de kwaliteitskenmerken: 1 tot 255 tekens, zonder "
				   "stuurtekens");
	snprintf(p->quality, sizeof(p->quality), "%s", a->quality ? a->quality : "");
	if (a->quality && !a->quality[0])
		return jr_cli_field_error("provider", "quality",
				   "verwacht de kwaliteitskenmerken: 1 tot 255 tekens, zonder "
				   "stuurtekens");
	p->demo = a->demo;
	return 0;
}

int jr_cmd_provider(const struct jr_cli_command *self, int argc, char **argv)
{
	struct cmd_args a = {0};
	const struct jr_cli_opt opts[] = {
		{"--agb", "add", &a.agb},
		{"--kvk", "add", &a.kvk},
		{"--name", "add", &a.name},
		{"--quality", "add", &a.quality},
		{"--status", "add status", &a.status},
		{"--version", "status", &a.version},
	};
	struct jr_provider p = {0};
	struct jr_cli_session s;
	const char *cmd = argc > 1 ? argv[1] : "";
	char what[32];
	long long n;
	enum jr_err err;
	int status;

	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "status")) {
		jr_cli_error("provider: kies add, show of status; zie jeugdroute provider --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &a.db);
	status = jr_cli_parse_table(argc, argv, "provider", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, &a.id, &a.demo);
	if (status)
		goto out;
	if (strcmp(cmd, "add") == 0) {
		if ((status = provider_fields(&a, &p)))
			goto out;
	} else {
		if (!a.id || jr_cli_number(a.id, 1, ID_MAX, &n)) {
			jr_cli_error("provider %s: geef het nummer (id) van de zorgaanbieder", cmd);
			status = 2;
			goto out;
		}
		p.id = (int64_t)n;
	}
	if (strcmp(cmd, "status") == 0) {
		if (!a.version || jr_cli_number(a.version, 1, 1000000000, &n)) {
			status = jr_cli_field_error("provider", "version",
					     "verwacht de versie die gelezen is (provider show)");
			goto out;
		}
		p.version = (int)n;
		if (!a.status || jr_provider_status_parse(a.status) < 0) {
			status = jr_cli_field_error("provider", "status",
					     "verwacht active, suspended of under_investigation");
			goto out;
		}
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	snprintf(what, sizeof(what), "provider %s", cmd);
	if (strcmp(cmd, "add") == 0)
		err = jr_app_provider_add(&s.app, &p);
	else if (strcmp(cmd, "show") == 0)
		err = jr_app_provider_get(&s.app, p.id, &p);
	else
		err = jr_app_provider_set_status(
			&s.app, p.id, p.version,
			(enum jr_provider_status)jr_provider_status_parse(a.status), &p);
	status = err ? jr_cli_app_fail(what, err, &s.diag) : print_provider(what, &p);
out:
	jr_cli_session_close(&s);
	return status;
}

/* Parses the fields of `contract add` into *c (the app checks them); 0, or 2 after reporting. */
static int contract_fields(const struct cmd_args *a, struct jr_contract *c)
{
	long long n;

	if (!a->provider || !a->region || !a->forms || !a->start) {
		jr_cli_error("contract add: geef --provider, --region, --forms en --start");
		return 2;
	}
	if (jr_cli_number(a->provider, 1, ID_MAX, &n))
		return jr_cli_field_error("contract", "provider",
				   "verwacht het nummer (id) van de zorgaanbieder");
	c->provider_id = (int64_t)n;
	snprintf(c->region, sizeof(c->region), "%s", a->region);
	if (a->municipality && (strlen(a->municipality) != 4 || !a->municipality[0]))
		return jr_cli_field_error("contract", "municipality",
				   "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
	snprintf(c->municipality, sizeof(c->municipality), "%s", a->municipality ? a->municipality : "");
	if (parse_forms(a->forms, &c->forms))
		return jr_cli_field_error("contract", "forms",
				   "verwacht vormen van 1 tot en met 10, gescheiden door komma's, "
				   "zoals 5,6,7");
	if (parse_date_field("contract", "start", a->start, &c->start))
		return 2;
	if (a->end) {
		if (parse_date_field("contract", "end", a->end, &c->end))
			return 2;
		c->has_end = true;
	}
	if (a->tariff && parse_cents(a->tariff, &c->tariff_cents))
		return jr_cli_field_error("contract", "tariff",
				   "verwacht een bedrag in euro's van 0 of meer, met ten hoogste 2 "
				   "decimalen, zoals 65.50");
	if (a->unit && (!a->unit[0] || strlen(a->unit) >= sizeof(c->unit)))
		return jr_cli_field_error("contract", "unit",
				   "verwacht een eenheid zoals uur, dag of week: 1 tot 15 kleine "
				   "letters");
	snprintf(c->unit, sizeof(c->unit), "%s", a->unit ? a->unit : "");
	if (a->capacity) {
		if (jr_cli_number(a->capacity, 1, CAPACITY_MAX, &n))
			return jr_cli_field_error("contract", "capacity",
					   "verwacht een geheel getal van 1 of meer");
		c->capacity = (int)n;
	}
	if (a->product_codes) {
		if (!a->product_codes[0] || strlen(a->product_codes) >= sizeof(c->product_codes))
			return jr_cli_field_error("contract", "product_codes",
					   "verwacht productcodes van letters en cijfers, gescheiden "
					   "door komma's, zoals 45A01,45A02");
		snprintf(c->product_codes, sizeof(c->product_codes), "%s", a->product_codes);
	}
	return 0;
}

/* `contract check`: does a contract cover this provider, form, municipality and date? */
static int contract_check(const struct cmd_args *a, struct jr_app *app)
{
	struct jr_app_contract_cover cover;
	struct jr_json_writer w;
	struct jr_buf out;
	long long id, form;
	jr_day date;
	enum jr_err err;

	if (!a->provider || !a->form || !a->municipality || !a->date) {
		jr_cli_error("contract check: geef --provider, --form, --municipality en --date");
		return 2;
	}
	if (jr_cli_number(a->provider, 1, ID_MAX, &id))
		return jr_cli_field_error("contract", "provider",
				   "verwacht het nummer (id) van de zorgaanbieder");
	if (jr_cli_number(a->form, 1, JR_FORM_COUNT, &form))
		return jr_cli_field_error("contract", "form", "verwacht een vorm van 1 tot en met 10");
	if (parse_date_field("contract", "date", a->date, &date))
		return 2;
	if ((err = jr_app_contract_check(app, (int64_t)id, (int)form, a->municipality, date,
					 &cover)))
		return jr_cli_app_fail("contract check", err, app->diag);
	jr_cli_json_begin(&out, &w);
	jr_view_contract_cover(&w, &cover);
	return jr_cli_json_print("contract check", &out, &w);
}

int jr_cmd_contract(const struct jr_cli_command *self, int argc, char **argv)
{
	struct cmd_args a = {0};
	const struct jr_cli_opt opts[] = {
		{"--provider", "add check", &a.provider},
		{"--region", "add", &a.region},
		{"--municipality", "add check", &a.municipality},
		{"--forms", "add", &a.forms},
		{"--start", "add", &a.start},
		{"--end", "add", &a.end},
		{"--tariff", "add", &a.tariff},
		{"--unit", "add", &a.unit},
		{"--capacity", "add", &a.capacity},
		{"--product-codes", "add", &a.product_codes},
		{"--form", "check", &a.form},
		{"--date", "check", &a.date},
	};
	struct jr_contract c = {0};
	struct jr_cli_session s;
	struct jr_json_writer w;
	struct jr_buf buf;
	const char *cmd = argc > 1 ? argv[1] : "";
	enum jr_err err;
	int status;

	if (strcmp(cmd, "add") && strcmp(cmd, "check")) {
		jr_cli_error("contract: kies add of check; zie jeugdroute contract --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &a.db);
	status = jr_cli_parse_table(argc, argv, "contract", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, NULL, NULL);
	if (status)
		goto out;
	if (strcmp(cmd, "add") == 0 && (status = contract_fields(&a, &c)))
		goto out;
	if ((status = jr_cli_session_open(&s)))
		goto out;
	if (strcmp(cmd, "check") == 0) {
		status = contract_check(&a, &s.app);
		goto out;
	}
	if ((err = jr_app_contract_add(&s.app, &c))) {
		status = jr_cli_app_fail("contract add", err, &s.diag);
		goto out;
	}
	jr_cli_json_begin(&buf, &w);
	jr_view_contract(&w, &c);
	status = jr_cli_json_print("contract add", &buf, &w);
out:
	jr_cli_session_close(&s);
	return status;
}
