/* main: the jeugdroute program — dispatches to a subcommand and prints help and version. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/alloc.h"

static const char usage[] =
	"jeugdroute — de jeugdhulpketen van een regio: van hulpvraag naar passende hulp\n"
	"\n"
	"Gebruik: jeugdroute <opdracht> [opties]\n"
	"\n"
	"Opdrachten:\n";

/* After the command list, which is printed from the table. */
static const char usage_tail[] =
	"  help     toon de hulp bij een opdracht: jeugdroute help route\n"
	"\n"
	"Opties:\n"
	"  -h, --help     deze hulp\n"
	"  --version      de versie\n"
	"\n"
	"Elke opdracht heeft eigen hulp: jeugdroute <opdracht> --help.\n"
	"Afsluitcode: 0 gelukt, 2 ongeldige invoer of aanroep, 1 interne of schijffout.\n";

void jr_cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("jeugdroute: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

bool jr_cli_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

const char *jr_cli_policy_dir(void)
{
	const char *env = getenv("JEUGDROUTE_POLICY_DIR");
	return env && env[0] ? env : JR_DEFAULT_POLICY_DIR;
}

/* Every subcommand, by the name it is called with: what it needs opened (its session opens that
 * and nothing else, session.h) and its help, in one place. */
static const struct jr_cli_command commands[] = {
	{"route", jr_cmd_route, JR_CMD_POLICIES,
	 "bepaal voor een kind welke hulp past, wie mag verwijzen en wie contracteert",
	 jr_usage_route},
	{"policy", jr_cmd_policy, 0,
	 "controleer of toon het beleidsbestand van een regio (check, show)", jr_usage_policy},
	{"init", jr_cmd_init, JR_CMD_STORE | JR_CMD_CREATE | JR_CMD_POLICIES,
	 "maak of werk de database voor de dossiers bij, met sleutel en beheerder", jr_usage_init},
	{"person", jr_cmd_person, JR_CMD_STORE | JR_CMD_POLICIES,
	 "personen in de dossiers: add, show, find, update, involved (JSON)", jr_usage_person},
	{"provider", jr_cmd_provider, JR_CMD_STORE,
	 "zorgaanbieders: add, show, status, budget, capacity (JSON)", jr_usage_provider},
	{"contract", jr_cmd_contract, JR_CMD_STORE | JR_CMD_POLICIES,
	 "contracten van zorgaanbieders: add, check, show, edit, end, tariff, tariffs (JSON)", jr_usage_contract},
	{"help-request", jr_cmd_help_request, JR_CMD_STORE | JR_CMD_POLICIES,
	 "hulpvragen en hun verloop: add, show, analysis, goal, light-option,\n"
	 "           advice, move; het journaal: note, notes (JSON)",
	 jr_usage_help_request},
	{"care", jr_cmd_care, JR_CMD_STORE | JR_CMD_POLICIES,
	 "verwijzingen, maatregelen, toewijzingen, zorg: referral, measure,\n"
	 "           allocate, start, stop (JSON)",
	 jr_usage_care},
	{"signals", jr_cmd_signals, JR_CMD_STORE | JR_CMD_POLICIES,
	 "open signalen in de dossiers: hoppen, wachten, geen regisseur, … (JSON Lines)",
	 jr_usage_signals},
	{"demo", jr_cmd_demo, JR_CMD_STORE | JR_CMD_POLICIES,
	 "maak een realistische, fictieve regio aan om mee te oefenen", jr_usage_demo},
	{"retention", jr_cmd_retention, JR_CMD_STORE,
	 "bewaartermijn: dossiers 20 jaar na het einde van de zorg tonen of wissen",
	 jr_usage_retention},
	{"socialmap", jr_cmd_socialmap, JR_CMD_STORE | JR_CMD_POLICIES,
	 "de sociale kaart: voorzieningen in de wijk, met datum van controle", jr_usage_socialmap},
	{"household", jr_cmd_household, JR_CMD_STORE | JR_CMD_POLICIES,
	 "huishoudens en hun regisseur: add, member, show, coordinator (JSON)",
	 jr_usage_household},
	{"organisation", jr_cmd_organisation, JR_CMD_STORE | JR_CMD_POLICIES,
	 "organisaties (lokaal team, huisartsenpraktijk, GI, …): add, show, list",
	 jr_usage_organisation},
	{"user", jr_cmd_user, JR_CMD_STORE,
	 "gebruikers met een rol: add, show, list, deactivate, activate, role,\n"
	 "           reset-password, tokens, token-add, token-revoke (JSON)",
	 jr_usage_user},
	{"audit", jr_cmd_audit, JR_CMD_STORE, "controleer de keten van het auditlog: verify",
	 jr_usage_audit},
	{"backup", jr_cmd_backup, JR_CMD_STORE,
	 "maak een back-up van de database (SQLite) en haar sleutels in een nieuwe map",
	 jr_usage_backup},
	{"ijw", jr_cmd_ijw, JR_CMD_STORE | JR_CMD_POLICIES,
	 "berichten van de iStandaard iJw 3.2: validate, import, export (JSON Lines)",
	 jr_usage_ijw},
	{"figures", jr_cmd_figures, JR_CMD_STORE | JR_CMD_POLICIES,
	 "de cijfers van de regio per gemeente en periode (JSON of CSV)", jr_usage_figures},
	{"scenario", jr_cmd_scenario, JR_CMD_STORE | JR_CMD_POLICIES,
	 "wat een ander beleid zou doen: herrouteer hulpvragen, met spreiding", jr_usage_scenario},
	/* The server opens its records itself from the --db options (one shared connection on
	 * SQLite, one per worker thread on PostgreSQL), so serve's session only loads the
	 * policies. */
	{"serve", jr_cmd_serve, JR_CMD_POLICIES,
	 "start de server: de API en de webtoepassing", jr_usage_serve},
};

/* The program's help: the command list comes from the table, one summary per command. */
static void print_usage(FILE *f)
{
	fputs(usage, f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		const char *name = commands[i].name;
		/* Names are padded to a column of 8; a longer one is followed by two spaces. */
		fprintf(f, "  %-8s %s%s\n", name, strlen(name) > 8 ? " " : "",
			commands[i].summary);
	}
	fputs(usage_tail, f);
}

static const struct jr_cli_command *find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	jr_cli_error("onbekende opdracht \"%s\"; zie jeugdroute --help", name);
	return NULL;
}

/* Runs subcommand argv[0] with its arguments; its help, wherever -h or --help stands among
 * them, is answered here once for every command. 2 after reporting an unknown one. */
static int run(int argc, char **argv)
{
	const struct jr_cli_command *c = find(argv[0]);
	const char *sub_usage = c && argc > 1 ? jr_cli_sub_usage(c->name, argv[1]) : NULL;

	if (!c)
		return 2;
	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(sub_usage ? sub_usage : c->usage, stdout);
			return 0;
		}
	return c->run(c, argc, argv);
}

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2) {
		print_usage(stderr);
		return 2;
	}
	/* jansson allocates through our wrappers too, so tests can make its allocations fail. */
	json_set_alloc_funcs(jr_malloc, jr_free);
	cmd = argv[1];
	if (jr_cli_is_help(cmd)) {
		print_usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("jeugdroute %s\n", JR_VERSION);
		return 0;
	}
	if (strcmp(cmd, "help") == 0) {
		const struct jr_cli_command *c;
		if (argc < 3) {
			print_usage(stdout);
			return 0;
		}
		if (!(c = find(argv[2])))
			return 2;
		fputs(c->usage, stdout);
		return 0;
	}
	return run(argc - 1, argv + 1);
}
