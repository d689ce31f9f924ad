/* cmd_provider: `jeugdroute provider add|show|status|budget|capacity` and `jeugdroute contract
 * add|check|show|edit|end|tariff|tariffs` —
 * scriptable access to the providers (zorgaanbieders) and their contracts, answering in JSON.
 * Every field is checked before the database is opened; a contract's region and municipality
 * must be those of a policy file. The store writes the audit entries. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/contract.h"
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
	"         jeugdroute provider budget ID --year JJJJ [--ceiling EURO --version V]\n"
	"         jeugdroute provider capacity ID [--form VORM --places N]\n"
	"\n"
	"Zorgaanbieders: de AGB-code (8 cijfers) is hun identiteit in het iJw-berichtenverkeer en\n"
	"komt maar één keer voor; het KvK-nummer heeft 8 cijfers. De status is active (actief),\n"
	"suspended (geschorst: er wordt niet aan toegewezen) of under_investigation (in onderzoek);\n"
	"standaard active. --quality noemt de kwaliteitskenmerken (vrije tekst, ten hoogste 255\n"
	"tekens). Een statuswijziging noemt de versie die gelezen is: is de aanbieder intussen\n"
	"gewijzigd, dan wordt de wijziging geweigerd (lees opnieuw). De vorige status blijft in de\n"
	"historie bewaard. Het antwoord is JSON.\n"
	"\n"
	"provider budget toont het budgetplafond van een jaar, wat de geaccepteerde declaraties\n"
	"(JW323) met een periode in dat jaar samen zijn, en de waarschuwing bij 80 % en 100 %; met\n"
	"--ceiling (euro's, zoals 250000 of 250000,00) legt het het plafond vast, vanaf de gelezen\n"
	"--version (0 voor een nieuw plafond). provider capacity toont per vorm de plaatsen en de\n"
	"lopende toewijzingen van die vorm (de bezetting); met --form en --places (0: geen) legt het\n"
	"de plaatsen van een vorm vast.\n"
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
	"         jeugdroute contract show ID\n"
	"         jeugdroute contract edit ID --version V [--forms 1,2] [--product-codes A,B]\n"
	"                                  [--start DATUM] [--end DATUM|geen] [--tariff EURO]\n"
	"                                  [--unit EENHEID] [--capacity N]\n"
	"         jeugdroute contract end ID --version V --end JJJJ-MM-DD\n"
	"         jeugdroute contract tariff ID (--product-code CODE | --level 1-4) --amount EURO\n"
	"                                    --unit EENHEID --from JJJJ-MM-DD [--to JJJJ-MM-DD]\n"
	"         jeugdroute contract tariffs ID\n"
	"\n"
	"Contracten van zorgaanbieders. Een contract geldt voor één gemeente (--municipality, een\n"
	"CBS-code van die regio) of, zonder --municipality, voor alle gemeenten van de regio (de id\n"
	"van een beleidsbestand, zoals twente). --forms noemt de vormen van jeugdhulp (1 tot en met\n"
	"10); het contract loopt van --start tot en met --end, of zonder einde. --tariff is het\n"
	"tarief per eenheid in euro's, met ten hoogste 2 decimalen (65.50 of 65,50); --unit de\n"
	"eenheid (uur, dag, week …); --capacity het aantal plaatsen of trajecten (1 of meer);\n"
	"--product-codes de productcodes voor gemeenten die producten inkopen.\n"
	"\n"
	"De regio is de id van een geladen beleidsbestand (precies zo gespeld). Productcodes (1 tot 5\n"
	"letters en cijfers, als de iJw-ProductCode) horen bij het productgerichte regime: alleen\n"
	"voor een gemeente die producten inkoopt, of een regio waarin er een is.\n"
	"\n"
	"contract edit wijzigt een contract vanaf de gelezen --version (regio en gemeente blijven);\n"
	"--end geen haalt het einde weg. contract end beëindigt het op een dag. De vorige versie blijft\n"
	"in de historie. contract tariff legt een tarief vast per productcode van het contract of per\n"
	"resultaatniveau (OB1 tot en met OB4, resultaatgericht regime), per eenheid van de iJw-lijst\n"
	"(minuut, uur, etmaal, dagdeel, stuks, euro), binnen de looptijd van het contract.\n"
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
	/* tariffs, budget, capacity */
	const char *product_code, *level, *amount, *from, *to, *year, *ceiling, *places;
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

/* `provider budget ID --year Y [--ceiling EURO --version V]`: the budget, set first when asked. */
static int provider_budget(const struct cmd_args *a, struct jr_cli_session *s, int64_t id)
{
	struct jr_app_budget b;
	struct jr_json_writer w;
	struct jr_buf out;
	long long year, version = 0;
	int64_t ceiling = 0;
	enum jr_err err;
	int status;

	if (!a->year || jr_cli_number(a->year, 2000, 2100, &year))
		return jr_cli_field_error("provider", "year", "verwacht een jaar van 2000 tot en met 2100");
	if (a->ceiling && (parse_cents(a->ceiling, &ceiling) || ceiling < 1))
		return jr_cli_field_error("provider", "ceiling",
					  "verwacht een budgetplafond in euro's van meer dan 0, met ten "
					  "hoogste 2 decimalen");
	if (a->ceiling && (!a->version || jr_cli_number(a->version, 0, 1000000000, &version)))
		return jr_cli_field_error("provider", "version",
					  "verwacht de versie van het plafond die gelezen is (0: nog geen)");
	if (!a->ceiling && a->version)
		return jr_cli_field_error("provider", "ceiling", "geef --ceiling bij --version");
	if ((status = jr_cli_session_open(s)))
		return status;
	err = a->ceiling ? jr_app_budget_set(&s->app, id, (int)year, ceiling, (int)version, &b)
			 : jr_app_budget_get(&s->app, id, (int)year, &b);
	if (err)
		return jr_cli_app_fail("provider budget", err, &s->diag);
	jr_cli_json_begin(&out, &w);
	jr_view_budget(&w, &b);
	return jr_cli_json_print("provider budget", &out, &w);
}

struct capacity_printer {
	struct jr_json_writer w;
	struct jr_buf b;
};

/* One form's capacity as one line of JSON. */
static enum jr_err print_capacity(void *ctx, int form, const struct jr_occupancy *o)
{
	struct capacity_printer *pr = ctx;
	enum jr_err err;

	jr_buf_reset(&pr->b);
	jr_jw_init(&pr->w, &pr->b);
	jr_view_capacity(&pr->w, form, o);
	err = jr_jw_finish(&pr->w);
	if (!err)
		err = jr_buf_putc(&pr->b, '\n');
	if (!err && (fputs(jr_buf_str(&pr->b), stdout) == EOF || fflush(stdout)))
		err = JR_ERR_IO;
	return err;
}

/* `provider capacity ID [--form F --places N]`: one line per form, set first when asked. */
static int provider_capacity(const struct cmd_args *a, struct jr_cli_session *s, int64_t id)
{
	struct capacity_printer pr;
	long long form = 0, places = 0;
	enum jr_err err;
	int status;

	if ((a->form != NULL) != (a->places != NULL)) {
		jr_cli_error("provider capacity: geef --form en --places samen");
		return 2;
	}
	if (a->form && jr_cli_number(a->form, 1, JR_FORM_COUNT, &form))
		return jr_cli_field_error("provider", "form", "verwacht een vorm van 1 tot en met 10");
	if (a->places && jr_cli_number(a->places, 0, JR_CAPACITY_MAX, &places))
		return jr_cli_field_error("provider", "places",
					  "verwacht een aantal plaatsen van 0 tot en met 100000 (0: geen)");
	if ((status = jr_cli_session_open(s)))
		return status;
	if (a->form && (err = jr_app_capacity_set(&s->app, id, (int)form, (int)places)))
		return jr_cli_app_fail("provider capacity", err, &s->diag);
	jr_buf_init(&pr.b, 1 << 12);
	jr_jw_init(&pr.w, &pr.b);
	err = jr_app_capacity(&s->app, id, print_capacity, &pr);
	jr_buf_release(&pr.b);
	return err ? jr_cli_app_fail("provider capacity", err, &s->diag) : 0;
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
		{"--version", "status budget", &a.version},
		{"--year", "budget", &a.year},
		{"--ceiling", "budget", &a.ceiling},
		{"--form", "capacity", &a.form},
		{"--places", "capacity", &a.places},
	};
	struct jr_provider p = {0};
	struct jr_cli_session s;
	const char *cmd = argc > 1 ? argv[1] : "";
	char what[32];
	long long n;
	enum jr_err err;
	int status;

	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "status") &&
	    strcmp(cmd, "budget") && strcmp(cmd, "capacity")) {
		jr_cli_error("provider: kies add, show, status, budget of capacity; zie jeugdroute "
			     "provider --help");
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
	if (strcmp(cmd, "budget") == 0 || strcmp(cmd, "capacity") == 0) {
		status = strcmp(cmd, "budget") == 0 ? provider_budget(&a, &s, p.id)
						    : provider_capacity(&a, &s, p.id);
		goto out;
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

/* The fields of `contract edit` into *e (the app checks them); 0, or 2 after reporting. */
static int edit_fields(const struct cmd_args *a, struct jr_contract_edit *e)
{
	long long n;

	if (!a->version || jr_cli_number(a->version, 1, 1000000000, &n))
		return jr_cli_field_error("contract", "version",
					  "verwacht de versie die gelezen is (contract show)");
	e->version = (int)n;
	if (a->forms) {
		if (parse_forms(a->forms, &e->c.forms))
			return jr_cli_field_error("contract", "forms",
						  "verwacht vormen van 1 tot en met 10, gescheiden door "
						  "komma's, zoals 5,6,7");
		e->set |= JR_CONTRACT_SET_FORMS;
	}
	if (a->product_codes) {
		if (strlen(a->product_codes) >= sizeof(e->c.product_codes))
			return jr_cli_field_error("contract", "product_codes",
						  "verwacht productcodes van letters en cijfers, "
						  "gescheiden door komma's, zoals 45A01,45A02");
		snprintf(e->c.product_codes, sizeof(e->c.product_codes), "%s", a->product_codes);
		e->set |= JR_CONTRACT_SET_PRODUCT_CODES;
	}
	if (a->start) {
		if (parse_date_field("contract", "start", a->start, &e->c.start))
			return 2;
		e->set |= JR_CONTRACT_SET_START;
	}
	if (a->end) {
		if (strcmp(a->end, "geen") != 0) {
			if (parse_date_field("contract", "end", a->end, &e->c.end))
				return 2;
			e->c.has_end = true;
		}
		e->set |= JR_CONTRACT_SET_END;
	}
	if (a->tariff) {
		if (parse_cents(a->tariff, &e->c.tariff_cents))
			return jr_cli_field_error("contract", "tariff",
						  "verwacht een bedrag in euro's van 0 of meer, met ten "
						  "hoogste 2 decimalen, zoals 65.50");
		e->set |= JR_CONTRACT_SET_TARIFF;
	}
	if (a->unit) {
		if (strlen(a->unit) >= sizeof(e->c.unit))
			return jr_cli_field_error("contract", "unit",
						  "verwacht een eenheid zoals uur, dag of week: 1 tot 15 "
						  "kleine letters");
		snprintf(e->c.unit, sizeof(e->c.unit), "%s", a->unit);
		e->set |= JR_CONTRACT_SET_UNIT;
	}
	if (a->capacity) {
		if (jr_cli_number(a->capacity, 0, CAPACITY_MAX, &n))
			return jr_cli_field_error("contract", "capacity",
						  "verwacht een geheel getal van 0 of meer");
		e->c.capacity = (int)n;
		e->set |= JR_CONTRACT_SET_CAPACITY;
	}
	if (!e->set) {
		jr_cli_error("contract edit: geef ten minste één veld om te wijzigen");
		return 2;
	}
	return 0;
}

/* The fields of `contract tariff` into *t (the app checks them); 0, or 2 after reporting. */
static int tariff_fields(const struct cmd_args *a, struct jr_tariff *t)
{
	long long n;

	if (!a->amount || !a->unit || !a->from) {
		jr_cli_error("contract tariff: geef --amount, --unit en --from, en --product-code of "
			     "--level");
		return 2;
	}
	if (a->product_code) {
		if (strlen(a->product_code) >= sizeof(t->product_code))
			return jr_cli_field_error("contract", "product_code",
						  "verwacht een productcode van 1 tot 5 letters en "
						  "cijfers");
		snprintf(t->product_code, sizeof(t->product_code), "%s", a->product_code);
	}
	if (a->level) {
		if (jr_cli_number(a->level, 1, 4, &n))
			return jr_cli_field_error("contract", "level",
						  "verwacht een resultaatniveau van 1 tot en met 4 (OB1 "
						  "tot en met OB4)");
		t->level = (int)n;
	}
	if (parse_cents(a->amount, &t->amount_cents))
		return jr_cli_field_error("contract", "amount",
					  "verwacht een bedrag in euro's van 0 of meer, met ten hoogste "
					  "2 decimalen, zoals 65.50");
	if (strlen(a->unit) >= sizeof(t->unit))
		return jr_cli_field_error("contract", "unit",
					  "verwacht een eenheid van de iJw-lijst: minuut, uur, etmaal, "
					  "dagdeel, stuks of euro");
	snprintf(t->unit, sizeof(t->unit), "%s", a->unit);
	if (parse_date_field("contract", "valid_from", a->from, &t->valid_from))
		return 2;
	if (a->to) {
		if (parse_date_field("contract", "valid_to", a->to, &t->valid_to))
			return 2;
		t->has_to = true;
	}
	return 0;
}

struct tariff_printer {
	struct jr_json_writer w;
	struct jr_buf b;
};

static enum jr_err print_tariff(void *ctx, const struct jr_tariff *t)
{
	struct tariff_printer *pr = ctx;
	enum jr_err err;

	jr_buf_reset(&pr->b);
	jr_jw_init(&pr->w, &pr->b);
	jr_view_tariff(&pr->w, t);
	err = jr_jw_finish(&pr->w);
	if (!err)
		err = jr_buf_putc(&pr->b, '\n');
	if (!err && (fputs(jr_buf_str(&pr->b), stdout) == EOF || fflush(stdout)))
		err = JR_ERR_IO;
	return err;
}

/* `contract show|edit|end|tariff|tariffs ID`: after the options were parsed. */
static int contract_record(const char *cmd, const struct cmd_args *a, struct jr_cli_session *s)
{
	struct jr_contract_edit e = {0};
	struct jr_contract c = {0};
	struct jr_tariff t = {0};
	struct jr_json_writer w;
	struct jr_buf buf;
	char what[32];
	long long id, version = 0;
	jr_day end = 0;
	enum jr_err err;
	int status;

	snprintf(what, sizeof(what), "contract %s", cmd);
	if (!a->id || jr_cli_number(a->id, 1, ID_MAX, &id)) {
		jr_cli_error("contract %s: geef het nummer (id) van het contract", cmd);
		return 2;
	}
	e.id = t.contract_id = (int64_t)id;
	if (strcmp(cmd, "edit") == 0 && (status = edit_fields(a, &e)))
		return status;
	if (strcmp(cmd, "tariff") == 0 && (status = tariff_fields(a, &t)))
		return status;
	if (strcmp(cmd, "end") == 0) {
		if (!a->version || jr_cli_number(a->version, 1, 1000000000, &version))
			return jr_cli_field_error("contract", "version",
						  "verwacht de versie die gelezen is (contract show)");
		if (!a->end) {
			jr_cli_error("contract end: geef --end");
			return 2;
		}
		if (parse_date_field("contract", "end", a->end, &end))
			return 2;
	}
	if ((status = jr_cli_session_open(s)))
		return status;
	if (strcmp(cmd, "tariffs") == 0) {
		struct tariff_printer pr;
		if ((err = jr_app_contract_get(&s->app, e.id, &c)))
			return jr_cli_app_fail(what, err, &s->diag);
		jr_buf_init(&pr.b, 1 << 12);
		jr_jw_init(&pr.w, &pr.b);
		err = jr_app_tariffs(&s->app, e.id, print_tariff, &pr);
		jr_buf_release(&pr.b);
		return err ? jr_cli_app_fail(what, err, &s->diag) : 0;
	}
	if (strcmp(cmd, "tariff") == 0) {
		if ((err = jr_app_tariff_add(&s->app, &t)))
			return jr_cli_app_fail(what, err, &s->diag);
		jr_cli_json_begin(&buf, &w);
		jr_view_tariff(&w, &t);
		return jr_cli_json_print(what, &buf, &w);
	}
	if (strcmp(cmd, "show") == 0)
		err = jr_app_contract_get(&s->app, e.id, &c);
	else if (strcmp(cmd, "edit") == 0)
		err = jr_app_contract_edit(&s->app, &e, &c);
	else
		err = jr_app_contract_end(&s->app, e.id, (int)version, end, &c);
	if (err)
		return jr_cli_app_fail(what, err, &s->diag);
	jr_cli_json_begin(&buf, &w);
	jr_view_contract(&w, &c);
	return jr_cli_json_print(what, &buf, &w);
}

int jr_cmd_contract(const struct jr_cli_command *self, int argc, char **argv)
{
	struct cmd_args a = {0};
	const struct jr_cli_opt opts[] = {
		{"--provider", "add check", &a.provider},
		{"--region", "add", &a.region},
		{"--municipality", "add check", &a.municipality},
		{"--forms", "add edit", &a.forms},
		{"--start", "add edit", &a.start},
		{"--end", "add edit end", &a.end},
		{"--tariff", "add edit", &a.tariff},
		{"--unit", "add edit tariff", &a.unit},
		{"--capacity", "add edit", &a.capacity},
		{"--product-codes", "add edit", &a.product_codes},
		{"--form", "check", &a.form},
		{"--date", "check", &a.date},
		{"--version", "edit end", &a.version},
		{"--product-code", "tariff", &a.product_code},
		{"--level", "tariff", &a.level},
		{"--amount", "tariff", &a.amount},
		{"--from", "tariff", &a.from},
		{"--to", "tariff", &a.to},
	};
	struct jr_contract c = {0};
	struct jr_cli_session s;
	struct jr_json_writer w;
	struct jr_buf buf;
	const char *cmd = argc > 1 ? argv[1] : "";
	enum jr_err err;
	int status;

	if (strcmp(cmd, "add") && strcmp(cmd, "check") && strcmp(cmd, "show") &&
	    strcmp(cmd, "edit") && strcmp(cmd, "end") && strcmp(cmd, "tariff") &&
	    strcmp(cmd, "tariffs")) {
		jr_cli_error("contract: kies add, check, show, edit, end, tariff of tariffs; zie "
			     "jeugdroute contract --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &a.db);
	status = jr_cli_parse_table(argc, argv, "contract", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, strcmp(cmd, "check") ? &a.id : NULL, NULL);
	if (status)
		goto out;
	if (strcmp(cmd, "add") && strcmp(cmd, "check")) {
		status = contract_record(cmd, &a, &s);
		goto out;
	}
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
