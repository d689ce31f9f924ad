/* cmd_user: `jeugdroute user add|show|list|deactivate|activate|role|details|reset-password|
 * second-factor-reset|tokens|token-add|token-revoke` — the accounts of the people who work with the records, for the
 * operator with direct access to the database, answering in JSON. Every field is checked before
 * the database is opened; a role must fit its organisation's kind (core/roles.h). The use cases
 * are app/accounts.h, as the server has them; the store writes the audit entries. A password or
 * API token made here is shown once and never again; show and list never show a password, a
 * token or a hash. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/accounts.h"
#include "app/password.h"
#include "app/second_factor.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/json_out.h"
#include "cli/use_case.h"
#include "view/view_account.h"
#include "core/roles.h"

const char jr_usage_user[] =
	"Gebruik: jeugdroute user add --username NAAM --role ROL [--organisation ID]\n"
	"         jeugdroute user show ID\n"
	"         jeugdroute user list\n"
	"         jeugdroute user deactivate ID\n"
	"         jeugdroute user activate ID\n"
	"         jeugdroute user role ID --role ROL [--organisation ID]\n"
	"         jeugdroute user details ID [--full-name NAAM] [--email ADRES]\n"
	"         jeugdroute user reset-password ID\n"
	"         jeugdroute user second-factor-reset ID\n"
	"         jeugdroute user tokens ID\n"
	"         jeugdroute user token-add ID --name NAAM [--days DAGEN]\n"
	"         jeugdroute user token-revoke ID --token NUMMER\n"
	"\n"
	"Gebruikers met een rol: consulent (consulent of regisseur van een lokaal team),\n"
	"verwijzer (huisarts, jeugdarts, medisch specialist), gi (medewerker van een gecertificeerde\n"
	"instelling), provider (zorgaanbieder), contract_manager (contractbeheer), policy (beleid)\n"
	"of admin (beheer). De gebruikersnaam heeft 3 tot 32 tekens: kleine letters, cijfers, punt,\n"
	"liggend streepje of koppelteken, en komt maar één keer voor. --organisation is het nummer\n"
	"van de organisatie waarvoor de gebruiker werkt (zie jeugdroute organisation).\n"
	"\n"
	"De rol moet passen bij de soort organisatie: consulent bij een lokaal team (local_team);\n"
	"verwijzer bij een huisartsenpraktijk, de jeugdgezondheidszorg of een ziekenhuis\n"
	"(gp_practice, youth_health, hospital); gi bij een gecertificeerde instelling (gi);\n"
	"provider bij een zorgaanbieder (provider); contract_manager en policy bij een regionaal\n"
	"bureau (regional_office) of bij geen organisatie (een gemeente); admin bij geen\n"
	"organisatie. Een gebruiker wiens rol niet past wordt niet binnengelaten.\n"
	"\n"
	"Het wachtwoord komt uit JEUGDROUTE_USER_PASSWORD (12 tot 1024 tekens); anders wordt er een\n"
	"gemaakt en eenmalig getoond in het antwoord (veld password). Het antwoord is JSON; show\n"
	"en list tonen nooit een wachtwoord of de hash ervan, list één gebruiker per regel.\n"
	"\n"
	"deactivate beëindigt meteen alle sessies en API-tokens van de gebruiker; hij kan niet meer\n"
	"inloggen. activate laat hem weer toe (oude sessies komen niet terug). De laatste actieve\n"
	"beheerder blijft. role geeft een andere rol en/of organisatie (zonder --organisation: geen)\n"
	"en beëindigt de sessies en tokens. reset-password maakt een nieuw wachtwoord, eenmalig\n"
	"getoond; de gebruiker kiest bij de volgende inlog een eigen wachtwoord en zijn\n"
	"browsersessies eindigen. details zet de naam (1 tot 100 tekens) en het werk-e-mailadres;\n"
	"een lege waarde (--email '') haalt het weg, wat niet gegeven is blijft. second-factor-reset\n"
	"haalt de tweede factor (TOTP) en de herstelcodes weg, bijvoorbeeld na een verloren telefoon:\n"
	"de browsersessies eindigen en de gebruiker stelt bij de volgende inlog een nieuwe in.\n"
	"tokens toont de geldige API-tokens (nooit het token zelf);\n"
	"token-add geeft er een uit, --days 1 tot 3660 (standaard 90), eenmalig getoond (veld token);\n"
	"token-revoke trekt het token met dat nummer in.\n"
	"\n"
	"Opties: --db URL, --key BESTAND (zie jeugdroute init --help), --reason TEKST (waarom, voor\n"
	"het auditlog).\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige invoer, onbekend of conflict; 1 database- of interne fout.\n";

#define ID_MAX 1000000000000000LL

static const char roles_text[] = "verwacht consulent, verwijzer, gi, provider, contract_manager, "
				 "policy of admin";

static const char *const commands[] = {"add",		   "show",		  "list",
				       "deactivate",	   "activate",		  "role",
				       "details",	   "reset-password",	  "second-factor-reset",
				       "tokens",	   "token-add",		  "token-revoke",
				       NULL};

struct user_args {
	struct jr_cli_db db;
	const char *id; /* the positional argument */
	const char *username, *role, *organisation, *name, *days, *token, *full_name, *email;
};

/* A user name: 3 to 32 of a-z, 0-9, '.', '_' and '-'. */
static bool username_valid(const char *s)
{
	size_t n = strlen(s);

	return n >= 3 && n <= 32 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

/* Prints a user as show and list give it (no password field at all); with `say_password` also
 * the password made (shown once; NULL: null), and the sessions ended (`ended` < 0: not said). */
static enum jr_err print_user(const struct jr_user *u, bool say_password, const char *password,
			      int64_t ended)
{
	struct jr_json_writer w;
	struct jr_buf out;

	jr_cli_json_begin(&out, &w);
	jr_jw_object(&w);
	jr_view_user_members(&w, u);
	if (say_password)
		jr_jw_kstring(&w, "password", password);
	if (ended >= 0)
		jr_jw_kint(&w, "ended_sessions", ended);
	jr_jw_end(&w);
	return jr_cli_json_print("user", &out, &w) ? JR_ERR_IO : JR_OK;
}

static enum jr_err print_listed_user(void *ctx, const struct jr_user *u)
{
	(void)ctx;
	return print_user(u, false, NULL, -1);
}

static enum jr_err print_token(void *ctx, const struct jr_api_token *t)
{
	struct jr_json_writer w;
	struct jr_buf out;

	(void)ctx;
	jr_cli_json_begin(&out, &w);
	jr_view_token(&w, t);
	return jr_cli_json_print("user tokens", &out, &w) ? JR_ERR_IO : JR_OK;
}

/* Reports a refused use case (app/accounts.h) in the command line's words, naming the option
 * (--organisation) where the use case names the field; the exit status. */
static int refused(const char *cmd, enum jr_err err, const struct jr_diag *diag)
{
	const char *field = diag->path[0] ? diag->path : NULL;

	if (field && strcmp(field, "organisation_id") == 0)
		field = "organisation";
	if (field && strcmp(field, "full_name") == 0)
		field = "full-name";
	if (!diag->message[0])
		jr_cli_error("user %s: mislukt: %s", cmd, jr_err_name(err));
	else if (field && strcmp(field, "id") != 0)
		jr_cli_error("user %s: veld %s: %s", cmd, field, diag->message);
	else
		jr_cli_error("user %s: %s", cmd, diag->message);
	return jr_err_exit_status(err);
}

/* Reports a store result that is not a use case's; the exit status. */
static int report(const char *cmd, enum jr_err err, const char *not_found)
{
	if (!err)
		return 0;
	if (err == JR_ERR_NOT_FOUND)
		jr_cli_error("user %s: %s", cmd, not_found);
	else
		jr_cli_error("user %s: mislukt: %s", cmd, jr_err_name(err));
	return jr_err_exit_status(err);
}

/* Checks the options of `cmd` before the database is opened; 0, or 2 after reporting. */
static int check_args(const struct user_args *a, const char *cmd, int64_t *id,
		      int64_t *organisation, int64_t *number)
{
	long long n;

	*id = 0;
	*organisation = 0;
	*number = 0;
	if (strcmp(cmd, "add") != 0 && strcmp(cmd, "list") != 0) {
		if (!a->id || jr_cli_number(a->id, 1, ID_MAX, &n)) {
			jr_cli_error("user %s: geef het nummer (id) van de gebruiker", cmd);
			return 2;
		}
		*id = (int64_t)n;
	} else if (strcmp(cmd, "list") == 0 && a->id) {
		jr_cli_error("user list: geen nummer; zie jeugdroute user --help");
		return 2;
	}
	if (strcmp(cmd, "add") == 0) {
		if (!a->username || !a->role) {
			jr_cli_error("user add: geef --username en --role");
			return 2;
		}
		if (!username_valid(a->username))
			return jr_cli_field_error("user", "username",
						  "verwacht 3 tot 32 tekens: kleine letters, "
						  "cijfers, punt, liggend streepje of koppelteken");
	}
	if (strcmp(cmd, "details") == 0 && !a->full_name && !a->email) {
		jr_cli_error("user details: geef --full-name en/of --email");
		return 2;
	}
	if (strcmp(cmd, "role") == 0 && !a->role) {
		jr_cli_error("user role: geef --role (en --organisation, tenzij de rol bij geen "
			     "organisatie hoort)");
		return 2;
	}
	if (a->role && !jr_role_known(a->role))
		return jr_cli_field_error("user", "role", roles_text);
	if (a->organisation) {
		if (jr_cli_number(a->organisation, 1, ID_MAX, &n))
			return jr_cli_field_error("user", "organisation",
						  "verwacht het nummer (id) van de organisatie");
		*organisation = (int64_t)n;
	}
	if (strcmp(cmd, "token-add") == 0) {
		if (!a->name) {
			jr_cli_error("user token-add: geef --name (waarvoor het token is)");
			return 2;
		}
		*number = 90;
		if (a->days) {
			if (jr_cli_number(a->days, 1, JR_TOKEN_DAYS_MAX, &n))
				return jr_cli_field_error("user", "days",
							  "verwacht een looptijd van 1 tot 3660 "
							  "dagen");
			*number = (int64_t)n;
		}
	}
	if (strcmp(cmd, "token-revoke") == 0) {
		if (!a->token || jr_cli_number(a->token, 1, ID_MAX, &n)) {
			jr_cli_error("user token-revoke: geef --token met het nummer van het token (zie "
				     "jeugdroute user tokens)");
			return 2;
		}
		*number = (int64_t)n;
	}
	return 0;
}

/* `user add`: the password from JEUGDROUTE_USER_PASSWORD, or made and shown once. */
static int user_add(struct jr_app *app, const struct user_args *a, int64_t organisation)
{
	const char *password = getenv("JEUGDROUTE_USER_PASSWORD");
	char generated[JR_RESET_PASSWORD_LEN + 1];
	struct jr_user u;
	int64_t id = 0;
	enum jr_err err;
	int status;

	generated[0] = '\0';
	if (!password) {
		jr_app_password(generated, sizeof(generated));
		password = generated;
	}
	err = jr_app_user_add(app, a->username, a->role, organisation, password, &id);
	if (err) {
		status = refused("add", err, app->diag);
		goto out;
	}
	if ((err = jr_app_user_get(app, id, &u))) {
		status = jr_cli_app_fail("user add", err, app->diag);
		goto out;
	}
	status = report("add", print_user(&u, true, password == generated ? generated : NULL, -1), "");
out:
	sodium_memzero(generated, sizeof(generated));
	return status;
}

/* The subcommands that change an account, on the open store. */
static int user_change(struct jr_app *app, const char *cmd, int64_t id, int64_t organisation,
		       int64_t number, const struct user_args *a)
{
	char secret[JR_RESET_PASSWORD_LEN + 1], token[JR_TOKEN_LEN + 1];
	struct jr_json_writer w;
	struct jr_api_token t;
	struct jr_buf out;
	int64_t ended = 0;
	struct jr_user u;
	enum jr_err err;
	int status;

	secret[0] = token[0] = '\0';
	if (strcmp(cmd, "token-revoke") == 0) {
		if ((err = jr_app_token_revoke(app, id, number)))
			return refused(cmd, err, app->diag);
		jr_cli_json_begin(&out, &w);
		jr_view_token_revoked(&w, id, number);
		return jr_cli_json_print("user token-revoke", &out, &w);
	}
	if (strcmp(cmd, "token-add") == 0) {
		if ((err = jr_app_token_issue(app, id, a->name, (int)number, token, &t))) {
			status = refused(cmd, err, app->diag);
			goto out;
		}
		jr_cli_json_begin(&out, &w);
		jr_jw_object(&w);
		jr_view_token_members(&w, &t);
		jr_jw_kint(&w, "user_id", id);
		jr_jw_kstring(&w, "token", token);
		jr_jw_end(&w);
		status = jr_cli_json_print("user token-add", &out, &w);
		goto out;
	}
	if (strcmp(cmd, "details") == 0) {
		/* what is not given stays as it is */
		if (!(err = jr_app_user_get(app, id, &u)))
			err = jr_app_user_set_details(app, id, a->full_name ? a->full_name : u.full_name,
						      a->email ? a->email : u.email);
	} else if (strcmp(cmd, "second-factor-reset") == 0)
		err = jr_app_second_factor_reset(app, id, &ended);
	else if (strcmp(cmd, "deactivate") == 0 || strcmp(cmd, "activate") == 0)
		err = jr_app_user_set_active(app, id, strcmp(cmd, "activate") == 0, &ended);
	else if (strcmp(cmd, "role") == 0)
		err = jr_app_user_set_role(app, id, a->role, organisation, &ended);
	else
		err = jr_app_user_reset_password(app, id, secret, &ended);
	if (err) {
		status = refused(cmd, err, app->diag);
		goto out;
	}
	if ((err = jr_app_user_get(app, id, &u))) {
		status = jr_cli_app_fail(strcmp(cmd, "role") == 0 ? "user role" : "user", err,
					 app->diag);
		goto out;
	}
	status = report(cmd, print_user(&u, secret[0] != '\0', secret,
					strcmp(cmd, "details") == 0 ? -1 : ended), "");
out:
	sodium_memzero(secret, sizeof(secret));
	sodium_memzero(token, sizeof(token));
	return status;
}

int jr_cmd_user(const struct jr_cli_command *self, int argc, char **argv)
{
	struct user_args a = {0};
	const struct jr_cli_opt opts[] = {
		{"--username", "add", &a.username},
		{"--role", "add role", &a.role},
		{"--organisation", "add role", &a.organisation},
		{"--name", "token-add", &a.name},
		{"--days", "token-add", &a.days},
		{"--token", "token-revoke", &a.token},
		{"--full-name", "details", &a.full_name},
		{"--email", "details", &a.email},
	};
	struct jr_cli_session s;
	const char *cmd = argc > 1 ? argv[1] : "";
	const char *password = getenv("JEUGDROUTE_USER_PASSWORD");
	char what[32];
	int64_t id, organisation, number;
	bool known = false;
	struct jr_user u;
	enum jr_err err;
	int status;

	for (size_t i = 0; commands[i]; i++)
		known |= strcmp(cmd, commands[i]) == 0;
	if (!known) {
		jr_cli_error("user: kies add, show, list, deactivate, activate, role, details, "
			     "reset-password, second-factor-reset, tokens, token-add of token-revoke; "
			     "zie jeugdroute user --help");
		return 2;
	}
	status = jr_cli_parse_table(argc, argv, "user", opts, sizeof(opts) / sizeof(opts[0]),
				    &a.db, &a.id, NULL);
	if (status || (status = check_args(&a, cmd, &id, &organisation, &number)))
		return status;
	if (strcmp(cmd, "add") == 0 && password && strlen(password) < JR_PASSWORD_MIN)
		return jr_cli_field_error("user", "password",
					  "JEUGDROUTE_USER_PASSWORD is korter dan 12 tekens");
	if (strcmp(cmd, "add") == 0 && password && strlen(password) > JR_PASSWORD_MAX)
		return jr_cli_field_error("user", "password",
					  "JEUGDROUTE_USER_PASSWORD is langer dan 1024 tekens");
	jr_cli_session_init(&s, self, &a.db);
	if ((status = jr_cli_session_open(&s)))
		goto out;
	snprintf(what, sizeof(what), "user %s", cmd);
	if (strcmp(cmd, "add") == 0) {
		status = user_add(&s.app, &a, organisation);
	} else if (strcmp(cmd, "list") == 0) {
		if ((err = jr_app_users(&s.app, print_listed_user, NULL)))
			status = jr_cli_app_fail(what, err, &s.diag);
	} else if (strcmp(cmd, "show") == 0) {
		if ((err = jr_app_user_get(&s.app, id, &u)))
			status = jr_cli_app_fail(what, err, &s.diag);
		else
			status = report(cmd, print_user(&u, false, NULL, -1), "");
	} else if (strcmp(cmd, "tokens") == 0) {
		if ((err = jr_app_tokens(&s.app, id, print_token, NULL)))
			status = jr_cli_app_fail(what, err, &s.diag);
	} else {
		status = user_change(&s.app, cmd, id, organisation, number, &a);
	}
out:
	jr_cli_session_close(&s);
	return status;
}
