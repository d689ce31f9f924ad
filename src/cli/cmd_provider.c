/* cmd_provider: `jeugdroute provider add|show|status` and `jeugdroute contract add|check` —
 * scriptable access to the providers (zorgaanbieders) and their contracts, answering in JSON.
 * Every field is checked before the database is opened; a contract's region and municipality
 * must be those of a policy file. The store writes the audit entries. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/ident.h"
#include "core/text.h"
#include "json/policy_set.h"

static const char provider_usage[] =
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

static const char contract_usage[] =
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

/* A comma list of product codes, each 1 to 16 letters and digits, that fits in `size` bytes. */
static bool product_codes_valid(const char *s, size_t size)
{
	size_t run = 0;

	if (strlen(s) >= size)
		return false;
	for (const char *p = s;; p++) {
		if (*p == ',' || *p == '\0') {
			if (run == 0)
				return false;
			if (*p == '\0')
				return true;
			run = 0;
		} else if (isalnum((unsigned char)*p) && run < 16) {
			run++;
		} else {
			return false;
		}
	}
}

/* A unit such as "uur": 1 to 15 lower-case letters. */
static bool unit_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > 15)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

static bool digits8(const char *s)
{
	if (strlen(s) != 8)
		return false;
	for (size_t i = 0; i < 8; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int parse_date_field(const char *what, const char *field, const char *s, jr_day *out)
{
	if (jr_date_parse(s, strlen(s), out))
		return jr_cli_field_error(what, field, "geen bestaande datum; verwacht JJJJ-MM-DD");
	return 0;
}

/* Maps a store result to a message and an exit status. */
static int report(enum jr_err err, const char *what, const char *cmd)
{
	switch (err) {
	case JR_OK: return 0;
	case JR_ERR_NOT_FOUND:
		jr_cli_error("%s %s: zorgaanbieder niet gevonden", what, cmd);
		break;
	case JR_ERR_CONFLICT:
		jr_cli_error("%s %s: %s", what, cmd,
			     strcmp(cmd, "add") == 0
				     ? "er staat al een zorgaanbieder met deze AGB-code in de dossiers"
				     : "de zorgaanbieder is intussen gewijzigd; lees opnieuw (provider "
				       "show) en geef de nieuwe --version");
		break;
	case JR_ERR_INPUT: jr_cli_error("%s %s: ongeldige invoer", what, cmd); break;
	default: jr_cli_error("%s %s: mislukt: %s", what, cmd, jr_err_name(err)); break;
	}
	return jr_err_exit_status(err);
}

static void print_provider(const struct jr_provider *p)
{
	struct jr_buf b;

	jr_buf_init(&b, 4096);
	if (!jr_buf_printf(&b, "{\"id\":%lld,\"agb\":\"%s\",\"kvk\":", (long long)p->id, p->agb) &&
	    !(p->kvk[0] ? jr_buf_printf(&b, "\"%s\"", p->kvk) : jr_buf_puts(&b, "null")) &&
	    !jr_buf_puts(&b, ",\"name\":") && !jr_buf_json_string(&b, p->name) &&
	    !jr_buf_printf(&b, ",\"status\":\"%s\",\"quality\":",
			   jr_provider_status_name(p->status)) &&
	    !jr_buf_json_string(&b, p->quality) &&
	    !jr_buf_printf(&b, ",\"demo\":%s,\"version\":%d}\n", p->demo ? "true" : "false",
			   p->version))
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

/* Checks and fills in the fields of `provider add`; 0 when fine, 2 after reporting. */
static int provider_fields(const struct cmd_args *a, struct jr_provider *p)
{
	if (!a->agb || !a->name) {
		jr_cli_error("provider add: geef --agb en --name");
		return 2;
	}
	if (!jr_agb_valid(a->agb, strlen(a->agb)))
		return jr_cli_field_error("provider", "agb", "verwacht een AGB-code van 8 cijfers");
	if (a->kvk && !digits8(a->kvk))
		return jr_cli_field_error("provider", "kvk", "verwacht een KvK-nummer van 8 cijfers");
	if (!jr_name_valid(a->name))
		return jr_cli_field_error("provider", "name",
				   "verwacht de naam: 1 tot 100 tekens, zonder stuurtekens");
	if (a->status && jr_provider_status_parse(a->status) < 0)
		return jr_cli_field_error("provider", "status",
				   "verwacht active, suspended of under_investigation");
	if (a->quality && !jr_text_valid(a->quality, sizeof(p->quality), false))
		return jr_cli_field_error("provider", "quality",
				   "verwacht de kwaliteitskenmerken: 1 tot 255 tekens, zonder "
				   "stuurtekens");
	snprintf(p->agb, sizeof(p->agb), "%s", a->agb);
	snprintf(p->kvk, sizeof(p->kvk), "%s", a->kvk ? a->kvk : "");
	snprintf(p->name, sizeof(p->name), "%s", a->name);
	p->status = a->status ? (enum jr_provider_status)jr_provider_status_parse(a->status)
			      : JR_PROVIDER_ACTIVE;
	snprintf(p->quality, sizeof(p->quality), "%s", a->quality ? a->quality : "");
	p->demo = a->demo;
	return 0;
}

int jr_cmd_provider(int argc, char **argv)
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
	struct jr_store *store = NULL;
	struct jr_actor actor;
	const char *cmd = argc > 1 ? argv[1] : "";
	long long n;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(provider_usage, stdout);
			return 0;
		}
	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "status")) {
		jr_cli_error("provider: kies add, show of status; zie jeugdroute provider --help");
		return 2;
	}
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
	jr_cli_actor(&actor, &a.db);
	if ((status = jr_cli_open_store("provider", &a.db, &store)))
		goto out;
	if (strcmp(cmd, "add") == 0)
		status = report(jr_store_provider_add(store, &actor, &p), "provider", cmd);
	else if (strcmp(cmd, "show") == 0)
		status = report(jr_store_provider_get(store, p.id, &p), "provider", cmd);
	else
		status = report(jr_store_provider_set_status(
					store, &actor, &p,
					(enum jr_provider_status)jr_provider_status_parse(a.status)),
				"provider", cmd);
	if (!status)
		print_provider(&p);
out:
	jr_store_close(store);
	return status;
}

/* The policy of region `id`, or NULL. */
static const struct jr_policy *find_region(const struct jr_policy_set *set, const char *id)
{
	for (size_t i = 0; i < set->count; i++)
		if (strcmp(set->policies[i]->id, id) == 0)
			return set->policies[i];
	return NULL;
}

static int unknown_region(const struct jr_policy_set *set)
{
	struct jr_buf b;
	enum jr_err err = JR_OK;

	jr_buf_init(&b, 4096);
	for (size_t i = 0; i < set->count && !err; i++)
		err = jr_buf_printf(&b, "%s%s", i ? ", " : "", set->policies[i]->id);
	jr_cli_error("contract: veld region: verwacht de id van een regio met een beleidsbestand (%s)",
		     jr_buf_str(&b));
	jr_buf_release(&b);
	return 2;
}

/* Checks and fills in the fields of `contract add`; 0 when fine, 2 after reporting. */
static int contract_fields(const struct cmd_args *a, const struct jr_policy_set *set,
			   struct jr_contract *c)
{
	const struct jr_policy *pol;
	long long n;

	if (!a->provider || !a->region || !a->forms || !a->start) {
		jr_cli_error("contract add: geef --provider, --region, --forms en --start");
		return 2;
	}
	if (jr_cli_number(a->provider, 1, ID_MAX, &n))
		return jr_cli_field_error("contract", "provider",
				   "verwacht het nummer (id) van de zorgaanbieder");
	c->provider_id = (int64_t)n;
	pol = find_region(set, a->region);
	if (!pol)
		return unknown_region(set);
	snprintf(c->region, sizeof(c->region), "%s", pol->id);
	if (a->municipality) {
		if (!jr_cbs_code_valid(a->municipality, strlen(a->municipality)))
			return jr_cli_field_error("contract", "municipality",
					   "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
		if (!jr_policy_municipality(pol, a->municipality)) {
			jr_cli_error("contract: veld municipality: gemeente %s hoort niet bij regio %s",
				     a->municipality, pol->id);
			return 2;
		}
		snprintf(c->municipality, sizeof(c->municipality), "%s", a->municipality);
	}
	if (parse_forms(a->forms, &c->forms))
		return jr_cli_field_error("contract", "forms",
				   "verwacht vormen van 1 tot en met 10, gescheiden door komma's, "
				   "zoals 5,6,7");
	if (parse_date_field("contract", "start", a->start, &c->start))
		return 2;
	if (a->end) {
		if (parse_date_field("contract", "end", a->end, &c->end))
			return 2;
		if (c->end < c->start)
			return jr_cli_field_error("contract", "end",
					   "de einddatum ligt voor de begindatum");
		c->has_end = true;
	}
	if (a->tariff && parse_cents(a->tariff, &c->tariff_cents))
		return jr_cli_field_error("contract", "tariff",
				   "verwacht een bedrag in euro's van 0 of meer, met ten hoogste 2 "
				   "decimalen, zoals 65.50");
	if (a->unit && !unit_valid(a->unit))
		return jr_cli_field_error("contract", "unit",
				   "verwacht een eenheid zoals uur, dag of week: 1 tot 15 kleine "
				   "letters");
	if (a->unit)
		snprintf(c->unit, sizeof(c->unit), "%s", a->unit);
	if (a->capacity) {
		if (jr_cli_number(a->capacity, 1, CAPACITY_MAX, &n))
			return jr_cli_field_error("contract", "capacity",
					   "verwacht een geheel getal van 1 of meer");
		c->capacity = (int)n;
	}
	if (a->product_codes) {
		if (!product_codes_valid(a->product_codes, sizeof(c->product_codes)))
			return jr_cli_field_error("contract", "product_codes",
					   "verwacht productcodes van letters en cijfers, gescheiden "
					   "door komma's, zoals 45A01,45A02");
		snprintf(c->product_codes, sizeof(c->product_codes), "%s", a->product_codes);
	}
	return 0;
}

static void print_contract(const struct jr_contract *c)
{
	char start[JR_DATE_STRLEN], end[JR_DATE_STRLEN];
	struct jr_buf b;
	enum jr_err err;

	jr_date_format(c->start, start);
	jr_date_format(c->end, end);
	jr_buf_init(&b, 4096);
	err = jr_buf_printf(&b, "{\"id\":%lld,\"provider_id\":%lld,\"region\":\"%s\",\"municipality\":",
			    (long long)c->id, (long long)c->provider_id, c->region);
	if (!err)
		err = c->municipality[0] ? jr_buf_printf(&b, "\"%s\"", c->municipality)
					 : jr_buf_puts(&b, "null");
	if (!err)
		err = jr_buf_puts(&b, ",\"forms\":[");
	for (int f = 1, first = 1; f <= JR_FORM_COUNT && !err; f++)
		if (c->forms & (1u << f)) {
			err = jr_buf_printf(&b, "%s%d", first ? "" : ",", f);
			first = 0;
		}
	if (!err)
		err = jr_buf_puts(&b, "],\"product_codes\":");
	if (!err)
		err = jr_buf_json_string(&b, c->product_codes);
	if (!err)
		err = c->tariff_cents ? jr_buf_printf(&b, ",\"tariff\":\"%lld.%02lld\"",
						      (long long)(c->tariff_cents / 100),
						      (long long)(c->tariff_cents % 100))
				      : jr_buf_puts(&b, ",\"tariff\":null");
	if (!err)
		err = c->unit[0] ? jr_buf_printf(&b, ",\"unit\":\"%s\"", c->unit)
				 : jr_buf_puts(&b, ",\"unit\":null");
	if (!err)
		err = jr_buf_printf(&b, ",\"start\":\"%s\",\"end\":", start);
	if (!err)
		err = c->has_end ? jr_buf_printf(&b, "\"%s\"", end) : jr_buf_puts(&b, "null");
	if (!err)
		err = c->capacity ? jr_buf_printf(&b, ",\"capacity\":%d}\n", c->capacity)
				  : jr_buf_puts(&b, ",\"capacity\":null}\n");
	if (!err)
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

/* `contract check`: does a contract cover this provider, form, municipality and date? */
static int contract_check(const struct cmd_args *a, const struct jr_policy_set *set)
{
	const struct jr_policy *pol;
	const struct jr_municipality *m;
	struct jr_provider p;
	struct jr_store *store = NULL;
	struct jr_buf b;
	char date_text[JR_DATE_STRLEN];
	long long id, form;
	jr_day date;
	bool covers = false;
	int status = 2;

	jr_buf_init(&b, 4096);
	if (!a->provider || !a->form || !a->municipality || !a->date) {
		jr_cli_error("contract check: geef --provider, --form, --municipality en --date");
		goto out;
	}
	if (jr_cli_number(a->provider, 1, ID_MAX, &id)) {
		status = jr_cli_field_error("contract", "provider",
				     "verwacht het nummer (id) van de zorgaanbieder");
		goto out;
	}
	if (jr_cli_number(a->form, 1, JR_FORM_COUNT, &form)) {
		status = jr_cli_field_error("contract", "form", "verwacht een vorm van 1 tot en met 10");
		goto out;
	}
	if (!jr_cbs_code_valid(a->municipality, strlen(a->municipality))) {
		status = jr_cli_field_error("contract", "municipality",
				     "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
		goto out;
	}
	pol = jr_policy_set_find(set, a->municipality);
	if (!pol) {
		jr_cli_error("contract: veld municipality: gemeente %s staat in geen beleidsbestand",
			     a->municipality);
		goto out;
	}
	m = jr_policy_municipality(pol, a->municipality);
	if (parse_date_field("contract", "date", a->date, &date))
		goto out;
	if ((status = jr_cli_open_store("contract", &a->db, &store)))
		goto out;
	status = report(jr_store_provider_get(store, (int64_t)id, &p), "contract", "check");
	if (status)
		goto out;
	status = report(jr_store_contract_covers(store, p.id, (int)form, pol->id, a->municipality,
						 date, &covers),
			"contract", "check");
	if (status)
		goto out;
	jr_date_format(date, date_text);
	if (!jr_buf_printf(&b,
			   "{\"covers\":%s,\"provider_id\":%lld,\"provider_status\":\"%s\","
			   "\"form\":%lld,\"municipality\":{\"code\":\"%s\",\"name\":",
			   covers ? "true" : "false", (long long)p.id,
			   jr_provider_status_name(p.status), form, a->municipality) &&
	    !jr_buf_json_string(&b, m ? m->name : "") &&
	    !jr_buf_printf(&b, "},\"region\":\"%s\",\"date\":\"%s\",\"why\":", pol->id,
			   date_text) &&
	    !jr_buf_printf(&b,
			   covers ? "\"een contract van deze zorgaanbieder dekt vorm %lld in deze "
				    "gemeente op %s (voor de gemeente zelf of de hele regio %s)\"}\n"
				  : "\"geen contract van deze zorgaanbieder dekt vorm %lld in deze "
				    "gemeente op %s (niet voor de gemeente zelf en niet voor de hele "
				    "regio %s)\"}\n",
			   form, date_text, pol->id))
		fputs(jr_buf_str(&b), stdout);
out:
	jr_buf_release(&b);
	jr_store_close(store);
	return status;
}

int jr_cmd_contract(int argc, char **argv)
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
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	const char *cmd = argc > 1 ? argv[1] : "";
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(contract_usage, stdout);
			return 0;
		}
	if (strcmp(cmd, "add") && strcmp(cmd, "check")) {
		jr_cli_error("contract: kies add of check; zie jeugdroute contract --help");
		return 2;
	}
	jr_policy_set_init(&set);
	status = jr_cli_parse_table(argc, argv, "contract", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, NULL, NULL);
	if (status)
		goto out;
	if ((status = jr_cli_load_policies(&a.db, &set)))
		goto out;
	if (strcmp(cmd, "check") == 0) {
		status = contract_check(&a, &set);
		goto out;
	}
	if ((status = contract_fields(&a, &set, &c)))
		goto out;
	jr_cli_actor(&actor, &a.db);
	if ((status = jr_cli_open_store("contract", &a.db, &store)))
		goto out;
	status = report(jr_store_contract_add(store, &actor, &c), "contract", cmd);
	if (!status)
		print_contract(&c);
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	return status;
}
