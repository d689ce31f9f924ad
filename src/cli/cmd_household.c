/* cmd_household: `jeugdroute household add|member|show|coordinator` and `jeugdroute organisation
 * add|show|list` — scriptable access to households and their coordinator (regisseur) and to the
 * organisations of the chain (the users who work for them: cmd_user.c), answering in JSON. Every field is checked before the database is opened; a municipality must be one of a
 * policy file. A household is shown as person ids and roles only: never a name or a BSN. The
 * store writes the audit entries. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/ident.h"
#include "json/policy_set.h"

static const char household_usage[] =
	"Gebruik: jeugdroute household add --municipality CODE\n"
	"         jeugdroute household member ID --person PID --role child|parent|carer\n"
	"         jeugdroute household show ID\n"
	"         jeugdroute household coordinator ID --user UID --version V\n"
	"\n"
	"Huishoudens: de personen (kind, ouder, verzorger) die samen een gezin vormen, met hun\n"
	"regisseur: de medewerker die de regie houdt (één gezin, één plan, één regisseur). De\n"
	"gemeente is een CBS-code uit een beleidsbestand. member voegt een persoon (zie jeugdroute\n"
	"person) toe met zijn rol: child (kind), parent (ouder) of carer (verzorger); een persoon\n"
	"hoort maar één keer bij een huishouden, een huishouden heeft ten hoogste 32 leden.\n"
	"show toont het huishouden met de nummers en rollen van de leden, nooit namen of BSN's.\n"
	"coordinator maakt een gebruiker (zie jeugdroute user) regisseur en noemt de versie die\n"
	"gelezen is: is het huishouden intussen gewijzigd, dan wordt de wijziging geweigerd (lees\n"
	"opnieuw). De vorige regisseur blijft in de historie bewaard. Het antwoord is JSON.\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST\n"
	"(waarom, voor het auditlog), --policy-dir MAP.\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

static const char organisation_usage[] =
	"Gebruik: jeugdroute organisation add --kind SOORT --name NAAM [--municipality CODE]\n"
	"                                     [--agb AGB]\n"
	"         jeugdroute organisation show ID\n"
	"         jeugdroute organisation list [--kind SOORT] [--municipality CODE]\n"
	"\n"
	"Organisaties in de jeugdhulpketen. De soort is local_team (lokaal team of wijkteam van een\n"
	"gemeente), gp_practice (huisartsenpraktijk), youth_health (jeugdgezondheidszorg),\n"
	"hospital (ziekenhuis), gi (gecertificeerde instelling), provider (zorgaanbieder),\n"
	"regional_office (regionaal bureau, zoals OZJT) of expert_team (regionaal expertteam).\n"
	"De naam heeft 1 tot 100 tekens. --municipality is de CBS-code van de gemeente, uit een\n"
	"beleidsbestand; een lokaal team hoort altijd bij een gemeente, regionale organisaties\n"
	"niet. --agb is de AGB-code (8 cijfers), voor wie er een heeft. Het antwoord is JSON;\n"
	"list geeft één organisatie per regel, eventueel alleen die van één soort of gemeente.\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST\n"
	"(waarom, voor het auditlog), --policy-dir MAP.\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

#define ID_MAX 1000000000000000LL

static const char kinds_text[] = "verwacht local_team, gp_practice, youth_health, hospital, gi, "
				 "provider, regional_office of expert_team";
static const char *const kinds[] = {"local_team", "gp_practice", "youth_health", "hospital",
				    "gi", "provider", "regional_office", "expert_team"};

struct cmd_args {
	struct jr_cli_db db;
	const char *id; /* the positional argument */
	/* organisation */
	const char *kind, *name, *municipality, *agb;
	/* household */
	const char *person, *user, *version, *role;
};



static bool one_of(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* The positional id of `what cmd`; 0 when fine, 2 after reporting. */
static int parse_id(const struct cmd_args *a, const char *what, const char *cmd,
		    const char *noun, int64_t *id)
{
	long long n;

	if (!a->id || jr_cli_number(a->id, 1, ID_MAX, &n)) {
		jr_cli_error("%s %s: geef het nummer (id) van %s", what, cmd, noun);
		return 2;
	}
	*id = (int64_t)n;
	return 0;
}

/* Checks a municipality: a CBS code that a policy file names. 0 when fine, 2 after reporting. */
static int municipality_field(const char *what, const char *code, const struct jr_policy_set *set,
			      char out[5])
{
	if (!jr_cbs_code_valid(code, strlen(code)))
		return jr_cli_field_error(what, "municipality",
				   "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153");
	if (!jr_policy_set_find(set, code)) {
		jr_cli_error("%s: veld municipality: gemeente %s staat in geen beleidsbestand", what,
			     code);
		return 2;
	}
	snprintf(out, 5, "%s", code);
	return 0;
}

/* Appends "municipality":{"code","name"} (null when there is none). */
static enum jr_err put_municipality(struct jr_buf *b, const char *code,
				    const struct jr_policy_set *set)
{
	const struct jr_policy *pol;
	const struct jr_municipality *m;
	enum jr_err err;

	if (!code[0])
		return jr_buf_puts(b, "\"municipality\":null");
	pol = jr_policy_set_find(set, code);
	m = pol ? jr_policy_municipality(pol, code) : NULL;
	err = jr_buf_printf(b, "\"municipality\":{\"code\":\"%s\",\"name\":", code);
	if (!err)
		err = jr_buf_json_string(b, m ? m->name : "");
	if (!err)
		err = jr_buf_putc(b, '}');
	return err;
}

/* Maps a store result to a message and an exit status; the messages say what was not found and
 * what conflicts in the words of the command. */
static int report(enum jr_err err, const char *what, const char *cmd, const char *not_found,
		  const char *conflict)
{
	switch (err) {
	case JR_OK: return 0;
	case JR_ERR_NOT_FOUND: jr_cli_error("%s %s: %s", what, cmd, not_found); break;
	case JR_ERR_CONFLICT: jr_cli_error("%s %s: %s", what, cmd, conflict); break;
	case JR_ERR_TOO_BIG:
		jr_cli_error("%s %s: het huishouden heeft al %d leden, het hoogste aantal", what, cmd,
			     JR_HOUSEHOLD_MEMBERS_MAX);
		break;
	case JR_ERR_INPUT: jr_cli_error("%s %s: ongeldige invoer", what, cmd); break;
	default: jr_cli_error("%s %s: mislukt: %s", what, cmd, jr_err_name(err)); break;
	}
	return jr_err_exit_status(err);
}

/* Organisations. */

static void print_organisation(const struct jr_organisation *o, const struct jr_policy_set *set)
{
	struct jr_buf b;

	jr_buf_init(&b, 4096);
	if (!jr_buf_printf(&b, "{\"id\":%lld,\"kind\":\"%s\",\"name\":", (long long)o->id,
			   o->kind) &&
	    !jr_buf_json_string(&b, o->name) && !jr_buf_putc(&b, ',') &&
	    !put_municipality(&b, o->municipality, set) &&
	    !(o->agb[0] ? jr_buf_printf(&b, ",\"agb\":\"%s\"}\n", o->agb)
			: jr_buf_puts(&b, ",\"agb\":null}\n")))
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

/* ctx: the policy set, for the municipality's name. */
static enum jr_err print_listed_organisation(void *ctx, const struct jr_organisation *o)
{
	print_organisation(o, ctx);
	return ferror(stdout) ? JR_ERR_IO : JR_OK;
}

/* The filters of `organisation list` into o->kind and o->municipality; 0, or 2 after reporting. */
static int list_filters(const struct cmd_args *a, const struct jr_policy_set *set,
			struct jr_organisation *o)
{
	if (a->id) {
		jr_cli_error("organisation list: geen nummer; filter met --kind of --municipality");
		return 2;
	}
	if (a->kind && !one_of(a->kind, kinds, sizeof(kinds) / sizeof(kinds[0])))
		return jr_cli_field_error("organisation", "kind", kinds_text);
	if (a->kind)
		snprintf(o->kind, sizeof(o->kind), "%s", a->kind);
	if (a->municipality && municipality_field("organisation", a->municipality, set,
						  o->municipality))
		return 2;
	return 0;
}

/* Checks and fills in the fields of `organisation add`; 0 when fine, 2 after reporting. */
static int organisation_fields(const struct cmd_args *a, const struct jr_policy_set *set,
			       struct jr_organisation *o)
{
	if (!a->kind || !a->name) {
		jr_cli_error("organisation add: geef --kind en --name");
		return 2;
	}
	if (!one_of(a->kind, kinds, sizeof(kinds) / sizeof(kinds[0])))
		return jr_cli_field_error("organisation", "kind", kinds_text);
	snprintf(o->kind, sizeof(o->kind), "%s", a->kind);
	if (!jr_name_valid(a->name))
		return jr_cli_field_error("organisation", "name",
				   "verwacht de naam: 1 tot 100 tekens, zonder stuurtekens");
	snprintf(o->name, sizeof(o->name), "%s", a->name);
	if (a->municipality) {
		if (municipality_field("organisation", a->municipality, set, o->municipality))
			return 2;
	} else if (strcmp(a->kind, "local_team") == 0) {
		return jr_cli_field_error("organisation", "municipality",
				   "een lokaal team hoort bij een gemeente; geef --municipality");
	}
	if (a->agb) {
		if (!jr_agb_valid(a->agb, strlen(a->agb)))
			return jr_cli_field_error("organisation", "agb",
					   "verwacht een AGB-code van 8 cijfers");
		snprintf(o->agb, sizeof(o->agb), "%s", a->agb);
	}
	return 0;
}

int jr_cmd_organisation(int argc, char **argv)
{
	struct cmd_args a = {0};
	const struct jr_cli_opt opts[] = {
		{"--kind", "add list", &a.kind},
		{"--name", "add", &a.name},
		{"--municipality", "add list", &a.municipality},
		{"--agb", "add", &a.agb},
	};
	struct jr_organisation o = {0};
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	const char *cmd = argc > 1 ? argv[1] : "";
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(organisation_usage, stdout);
			return 0;
		}
	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "list")) {
		jr_cli_error("organisation: kies add, show of list; zie jeugdroute organisation --help");
		return 2;
	}
	jr_policy_set_init(&set);
	status = jr_cli_parse_table(argc, argv, "organisation", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, &a.id, NULL);
	if (status || (status = jr_cli_load_policies(&a.db, &set)))
		goto out;
	if (strcmp(cmd, "add") == 0)
		status = organisation_fields(&a, &set, &o);
	else if (strcmp(cmd, "list") == 0)
		status = list_filters(&a, &set, &o);
	else
		status = parse_id(&a, "organisation", cmd, "de organisatie", &o.id);
	if (status || (status = jr_cli_open_store("organisation", &a.db, &store)))
		goto out;
	jr_cli_actor(&actor, &a.db);
	if (strcmp(cmd, "list") == 0) {
		status = report(jr_store_organisation_each(store, o.kind, o.municipality,
							   print_listed_organisation, &set),
				"organisation", cmd, "niet gevonden", "conflict");
		goto out;
	}
	if (strcmp(cmd, "add") == 0)
		status = report(jr_store_organisation_add(store, &actor, &o), "organisation", cmd,
				"niet gevonden", "bestaat al");
	else
		status = report(jr_store_organisation_get(store, o.id, &o), "organisation", cmd,
				"organisatie niet gevonden", "conflict");
	if (!status)
		print_organisation(&o, &set);
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	return status;
}

/* Households. */

static void print_household(const struct jr_household *h, const struct jr_policy_set *set,
			    const struct jr_household_member *members, size_t count,
			    bool with_members)
{
	struct jr_buf b;
	enum jr_err err;

	jr_buf_init(&b, 8192);
	err = jr_buf_printf(&b, "{\"id\":%lld,", (long long)h->id);
	if (!err)
		err = put_municipality(&b, h->municipality, set);
	if (!err)
		err = h->coordinator_user_id
			      ? jr_buf_printf(&b, ",\"coordinator_user_id\":%lld",
					      (long long)h->coordinator_user_id)
			      : jr_buf_puts(&b, ",\"coordinator_user_id\":null");
	if (!err)
		err = jr_buf_printf(&b, ",\"version\":%d", h->version);
	if (!err && with_members) {
		err = jr_buf_puts(&b, ",\"members\":[");
		for (size_t i = 0; i < count && !err; i++)
			err = jr_buf_printf(&b, "%s{\"person_id\":%lld,\"role\":\"%s\"}",
					    i ? "," : "", (long long)members[i].person_id,
					    members[i].role);
		if (!err)
			err = jr_buf_putc(&b, ']');
	}
	if (!err)
		err = jr_buf_puts(&b, "}\n");
	if (!err)
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

/* Checks the fields of the household subcommands; 0 when fine, 2 after reporting. */
static int household_fields(const struct cmd_args *a, const char *cmd,
			    const struct jr_policy_set *set, struct jr_household *h,
			    int64_t *other_id)
{
	long long n;

	if (strcmp(cmd, "add") == 0) {
		if (!a->municipality) {
			jr_cli_error("household add: geef --municipality");
			return 2;
		}
		return municipality_field("household", a->municipality, set, h->municipality);
	}
	if (parse_id(a, "household", cmd, "het huishouden", &h->id))
		return 2;
	if (strcmp(cmd, "member") == 0) {
		if (!a->person || !a->role) {
			jr_cli_error("household member: geef --person en --role");
			return 2;
		}
		if (jr_cli_number(a->person, 1, ID_MAX, &n))
			return jr_cli_field_error("household", "person",
					   "verwacht het nummer (id) van de persoon");
		*other_id = (int64_t)n;
		if (!jr_household_role_label(a->role))
			return jr_cli_field_error("household", "role", "verwacht child, parent of carer");
	} else if (strcmp(cmd, "coordinator") == 0) {
		if (!a->user || !a->version) {
			jr_cli_error("household coordinator: geef --user en --version");
			return 2;
		}
		if (jr_cli_number(a->user, 1, ID_MAX, &n))
			return jr_cli_field_error("household", "user",
					   "verwacht het nummer (id) van de gebruiker");
		*other_id = (int64_t)n;
		if (jr_cli_number(a->version, 1, 1000000000, &n))
			return jr_cli_field_error("household", "version",
					   "verwacht de versie die gelezen is (household show)");
		h->version = (int)n;
	}
	return 0;
}

int jr_cmd_household(int argc, char **argv)
{
	struct cmd_args a = {0};
	const struct jr_cli_opt opts[] = {
		{"--municipality", "add", &a.municipality},
		{"--person", "member", &a.person},
		{"--role", "member", &a.role},
		{"--user", "coordinator", &a.user},
		{"--version", "coordinator", &a.version},
	};
	struct jr_household h = {0};
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	const char *cmd = argc > 1 ? argv[1] : "";
	size_t count = 0;
	int64_t other = 0;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(household_usage, stdout);
			return 0;
		}
	if (strcmp(cmd, "add") && strcmp(cmd, "member") && strcmp(cmd, "show") &&
	    strcmp(cmd, "coordinator")) {
		jr_cli_error("household: kies add, member, show of coordinator; zie jeugdroute "
			     "household --help");
		return 2;
	}
	jr_policy_set_init(&set);
	status = jr_cli_parse_table(argc, argv, "household", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, &a.id, NULL);
	if (status || (status = jr_cli_load_policies(&a.db, &set)) ||
	    (status = household_fields(&a, cmd, &set, &h, &other)) ||
	    (status = jr_cli_open_store("household", &a.db, &store)))
		goto out;
	jr_cli_actor(&actor, &a.db);
	if (strcmp(cmd, "add") == 0) {
		status = report(jr_store_household_add(store, &actor, &h), "household", cmd,
				"niet gevonden", "bestaat al");
		if (!status)
			print_household(&h, &set, members, 0, true);
	} else if (strcmp(cmd, "member") == 0) {
		status = report(jr_store_household_add_member(store, &actor, h.id, other, a.role),
				"household", cmd, "huishouden of persoon niet gevonden",
				"de persoon hoort al bij dit huishouden");
		if (!status)
			printf("{\"household_id\":%lld,\"person_id\":%lld,\"role\":\"%s\"}\n",
			       (long long)h.id, (long long)other, a.role);
	} else if (strcmp(cmd, "show") == 0) {
		status = report(jr_store_household_get(store, &actor, h.id, &h, members, &count),
				"household", cmd, "huishouden niet gevonden", "conflict");
		if (!status)
			print_household(&h, &set, members, count, true);
	} else {
		status = report(jr_store_household_set_coordinator(store, &actor, &h, other),
				"household", cmd, "huishouden of gebruiker niet gevonden",
				"het huishouden is intussen gewijzigd; lees opnieuw (household "
				"show) en geef de nieuwe --version");
		if (!status)
			print_household(&h, &set, members, 0, false);
	}
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	return status;
}
