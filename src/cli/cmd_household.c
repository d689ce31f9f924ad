/* cmd_household: `jeugdroute household add|member|show|coordinator` and `jeugdroute organisation
 * add|show|list` — scriptable access to households and their coordinator (regisseur) and to the
 * organisations of the chain (the users who work for them: cmd_user.c), answering in JSON. Each
 * subcommand is one use case of app/household.c or app/organisation.c, which checks the fields
 * (a municipality must be one of a policy file), printed by view/view_household.c. A household
 * is shown as person ids and roles only: never a name or a BSN. The store writes the audit
 * entries. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/household.h"
#include "app/organisation.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "view/view_account.h"
#include "view/view_household.h"

const char jr_usage_household[] =
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

const char jr_usage_organisation[] =
	"Gebruik: jeugdroute organisation add --kind SOORT --name NAAM [--municipality CODE]\n"
	"                                     [--agb AGB]\n"
	"         jeugdroute organisation edit ID --kind SOORT --name NAAM [--municipality CODE]\n"
	"                                     [--agb AGB]\n"
	"         jeugdroute organisation deactivate|activate ID\n"
	"         jeugdroute organisation show ID\n"
	"         jeugdroute organisation list [--kind SOORT] [--municipality CODE]\n"
	"\n"
	"Organisaties in de jeugdhulpketen. De soort is local_team (lokaal team of wijkteam van een\n"
	"gemeente), gp_practice (huisartsenpraktijk), youth_health (jeugdgezondheidszorg),\n"
	"hospital (ziekenhuis), gi (gecertificeerde instelling), provider (zorgaanbieder),\n"
	"regional_office (regionaal bureau, zoals OZJT) of expert_team (regionaal expertteam).\n"
	"De naam heeft 1 tot 100 tekens. --municipality is de CBS-code van de gemeente, uit een\n"
	"beleidsbestand; een lokaal team hoort altijd bij een gemeente, regionale organisaties\n"
	"meestal niet; een regionaal bureau met de gemeente waar het zit geeft zijn gebruikers\n"
	"(contractbeheer, beleid) de woorden en cijfers van die regio. --agb is de AGB-code (8 cijfers), voor wie er een heeft. Het antwoord is JSON;\n"
	"list geeft één organisatie per regel, eventueel alleen die van één soort of gemeente.\n"
	"edit zet soort, naam, gemeente en AGB-code opnieuw (weggelaten: leeg); een soort die niet\n"
	"past bij de rol van wie er werkt, wordt geweigerd. deactivate beëindigt meteen de sessies\n"
	"en API-tokens van haar gebruikers, die dan niet kunnen inloggen; activate maakt dat\n"
	"ongedaan (oude sessies komen niet terug).\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST\n"
	"(waarom, voor het auditlog), --policy-dir MAP.\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

#define ID_MAX 1000000000000000LL

struct cmd_args {
	struct jr_cli_db db;
	const char *id; /* the positional argument */
	/* organisation */
	const char *kind, *name, *municipality, *agb;
	/* household */
	const char *person, *user, *version, *role;
};

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

/* Copies an option's value into a field of `size` bytes; one that does not fit is left
 * empty, so that the use case's check names it. */
static void copy_field(char *field, size_t size, const char *value)
{
	if (value)
		snprintf(field, size, "%s", strlen(value) < size ? value : "");
}

/* Prints what `w` wrote into `b` as one line; JR_ERR_IO when stdout fails. */
static enum jr_err print_line(struct jr_json_writer *w, struct jr_buf *b)
{
	enum jr_err err = jr_jw_finish(w);

	if (!err)
		err = jr_buf_putc(b, '\n');
	if (!err && (fputs(jr_buf_str(b), stdout) == EOF || fflush(stdout)))
		err = JR_ERR_IO;
	jr_buf_reset(b);
	jr_jw_init(w, b);
	return err;
}

/* Who failed, for the message: a field's refusal is the command's ("household: veld role:
 * …"), a record's the subcommand's ("household show: huishouden niet gevonden"). */
static const char *what_failed(char what[32], const char *noun, const char *cmd,
			       const struct jr_diag *diag)
{
	snprintf(what, 32, "%s%s%s", noun, diag->path[0] ? "" : " ", diag->path[0] ? "" : cmd);
	return what;
}

/* Organisations. */

struct org_printer {
	struct jr_json_writer w;
	struct jr_buf b;
};

static enum jr_err print_organisation(void *ctx, const struct jr_organisation *o)
{
	struct org_printer *pr = ctx;

	jr_view_organisation(&pr->w, o); /* as GET /api/v1/organisations */
	return print_line(&pr->w, &pr->b);
}

int jr_cmd_organisation(const struct jr_cli_command *self, int argc, char **argv)
{
	struct cmd_args a = {0};
	const struct jr_cli_opt opts[] = {
		{"--kind", "add list edit", &a.kind},
		{"--name", "add edit", &a.name},
		{"--municipality", "add list edit", &a.municipality},
		{"--agb", "add edit", &a.agb},
	};
	struct jr_organisation o = {0};
	struct org_printer pr = {0};
	struct jr_cli_session s;
	const char *cmd = argc > 1 ? argv[1] : "";
	char what[32];
	enum jr_err err = JR_OK;
	int64_t ended = 0;
	bool edit = strcmp(cmd, "edit") == 0, by_id;
	int status;

	if (strcmp(cmd, "add") && strcmp(cmd, "show") && strcmp(cmd, "list") && !edit &&
	    strcmp(cmd, "deactivate") && strcmp(cmd, "activate")) {
		jr_cli_error("organisation: kies add, edit, deactivate, activate, show of list; zie "
			     "jeugdroute organisation --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &a.db);
	jr_buf_init(&pr.b, 1 << 16);
	jr_jw_init(&pr.w, &pr.b);
	status = jr_cli_parse_table(argc, argv, "organisation", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, &a.id, NULL);
	/* the policies first: bad input is refused by them before the records are opened */
	if (status || (status = jr_cli_session_open_only(&s, JR_CMD_POLICIES)))
		goto out;
	by_id = edit || strcmp(cmd, "show") == 0 || strcmp(cmd, "deactivate") == 0 ||
		strcmp(cmd, "activate") == 0;
	if ((strcmp(cmd, "add") == 0 || edit) && (!a.kind || !a.name)) {
		jr_cli_error("organisation %s: geef --kind en --name", cmd);
		status = 2;
		goto out;
	}
	if (strcmp(cmd, "list") == 0 && a.id) {
		jr_cli_error("organisation list: geen nummer; filter met --kind of --municipality");
		status = 2;
		goto out;
	}
	if (by_id && (status = parse_id(&a, "organisation", cmd, "de organisatie", &o.id)))
		goto out;
	if (strcmp(cmd, "add") == 0 || edit) {
		copy_field(o.kind, sizeof(o.kind), a.kind);
		copy_field(o.name, sizeof(o.name), a.name);
		copy_field(o.municipality, sizeof(o.municipality), a.municipality);
		copy_field(o.agb, sizeof(o.agb), a.agb);
		/* a municipality or AGB code too long to hold is still refused */
		if (a.municipality && !o.municipality[0])
			snprintf(o.municipality, sizeof(o.municipality), "x");
		if (a.agb && !o.agb[0])
			snprintf(o.agb, sizeof(o.agb), "x");
	}
	/* bad input is refused before the records are opened (s.app has no store yet) */
	err = strcmp(cmd, "add") == 0 || edit ? jr_app_organisation_check(&s.app, &o)
	      : strcmp(cmd, "list") == 0 ? jr_app_organisation_filters_check(&s.app, a.kind,
									    a.municipality)
					 : JR_OK;
	if (err || (status = jr_cli_session_open(&s)))
		goto out;
	if (strcmp(cmd, "list") == 0) {
		err = jr_app_organisations_list(&s.app, a.kind, a.municipality, print_organisation,
						&pr);
	} else {
		if (strcmp(cmd, "add") == 0) {
			err = jr_app_organisation_add(&s.app, &o);
		} else if (edit) {
			if (!(err = jr_app_organisation_update(&s.app, &o)))
				err = jr_app_organisation_get(&s.app, o.id, &o);
		} else if (strcmp(cmd, "show") != 0) {
			err = jr_app_organisation_set_active(&s.app, o.id, cmd[0] == 'a', &ended);
			if (!err)
				err = jr_app_organisation_get(&s.app, o.id, &o);
			if (!err && cmd[0] == 'd')
				fprintf(stderr, "jeugdroute: %lld sessies en API-tokens beëindigd\n",
					(long long)ended);
		} else {
			err = jr_app_organisation_get(&s.app, o.id, &o);
		}
		if (!err)
			err = print_organisation(&pr, &o);
	}
out:
	if (err)
		status = jr_cli_app_fail(what_failed(what, "organisation", cmd, &s.diag), err,
					 &s.diag);
	jr_cli_session_close(&s);
	jr_buf_release(&pr.b);
	return status;
}

/* Households. */

/* Checks the options of the household subcommands (their presence and form; the rules are the
 * use case's); 0 when fine, 2 after reporting. */
static int household_fields(const struct cmd_args *a, const char *cmd, struct jr_household *h,
			    int64_t *other_id)
{
	long long n;

	if (strcmp(cmd, "add") == 0) {
		if (!a->municipality) {
			jr_cli_error("household add: geef --municipality");
			return 2;
		}
		copy_field(h->municipality, sizeof(h->municipality), a->municipality);
		if (!h->municipality[0])
			snprintf(h->municipality, sizeof(h->municipality), "x");
		return 0;
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

int jr_cmd_household(const struct jr_cli_command *self, int argc, char **argv)
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
	struct jr_cli_session s;
	struct jr_json_writer w;
	struct jr_buf b;
	const char *cmd = argc > 1 ? argv[1] : "";
	char what[32];
	size_t count = 0;
	int64_t other = 0;
	enum jr_err err = JR_OK;
	int status;

	if (strcmp(cmd, "add") && strcmp(cmd, "member") && strcmp(cmd, "show") &&
	    strcmp(cmd, "coordinator")) {
		jr_cli_error("household: kies add, member, show of coordinator; zie jeugdroute "
			     "household --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &a.db);
	jr_buf_init(&b, 1 << 16);
	jr_jw_init(&w, &b);
	status = jr_cli_parse_table(argc, argv, "household", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, &a.id, NULL);
	/* the policies first: bad input is refused by them before the records are opened */
	if (status || (status = jr_cli_session_open_only(&s, JR_CMD_POLICIES)) ||
	    (status = household_fields(&a, cmd, &h, &other)))
		goto out;
	err = strcmp(cmd, "add") == 0	   ? jr_app_household_check(&s.app, &h)
	      : strcmp(cmd, "member") == 0 ? jr_app_household_role_check(&s.app, a.role)
					   : JR_OK;
	if (err || (status = jr_cli_session_open(&s)))
		goto out;
	if (strcmp(cmd, "add") == 0) {
		if (!(err = jr_app_household_add(&s.app, &h)))
			jr_view_household(&w, &h, members, 0, true);
	} else if (strcmp(cmd, "member") == 0) {
		if (!(err = jr_app_household_add_member(&s.app, h.id, other, a.role)))
			jr_view_membership(&w, h.id, other, a.role);
	} else if (strcmp(cmd, "show") == 0) {
		if (!(err = jr_app_household_get(&s.app, h.id, &h, members, &count)))
			jr_view_household(&w, &h, members, count, true);
	} else {
		if (!(err = jr_app_household_set_coordinator(&s.app, &h, other)))
			jr_view_household(&w, &h, members, 0, false);
	}
	if (!err)
		err = print_line(&w, &b);
out:
	if (err)
		status = jr_cli_app_fail(what_failed(what, "household", cmd, &s.diag), err, &s.diag);
	jr_cli_session_close(&s);
	jr_buf_release(&b);
	return status;
}
