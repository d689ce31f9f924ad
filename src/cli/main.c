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
	"Opdrachten:\n"
	"  route    bepaal voor een kind welke hulp past, wie mag verwijzen en wie contracteert\n"
	"  policy   controleer of toon het beleidsbestand van een regio (check, show)\n"
	"  init     maak of werk de database voor de dossiers bij, met sleutel en beheerder\n"
	"  person   personen in de dossiers: add, show, find, update, involved (JSON)\n"
	"  provider zorgaanbieders: add, show, status (JSON)\n"
	"  contract contracten van zorgaanbieders: add, check (JSON)\n"
	"  help-request  hulpvragen en hun verloop: add, show, analysis, goal, light-option,\n"
	"           advice, move (JSON)\n"
	"  care     verwijzingen, maatregelen, toewijzingen, zorg: referral, measure,\n"
	"           allocate, start, stop (JSON)\n"
	"  signals  open signalen in de dossiers: hoppen, wachten, geen regisseur, … (JSON Lines)\n"
	"  demo     maak een realistische, fictieve regio aan om mee te oefenen\n"
	"  retention  bewaartermijn: dossiers 20 jaar na het einde van de zorg tonen of wissen\n"
	"  socialmap  de sociale kaart: voorzieningen in de wijk, met datum van controle\n"
	"  household  huishoudens en hun regisseur: add, member, show, coordinator (JSON)\n"
	"  organisation  organisaties (lokaal team, huisartsenpraktijk, GI, …): add, show, list\n"
	"  user     gebruikers met een rol: add, show, list, deactivate, activate, role,\n"
	"           reset-password, tokens, token-add, token-revoke (JSON)\n"
	"  audit    controleer de keten van het auditlog: verify\n"
	"  ijw      berichten van de iStandaard iJw 3.2: validate, import, export (JSON Lines)\n"
	"  figures  de cijfers van de regio per gemeente en periode (JSON of CSV)\n"
	"  serve    start de server: de API en de webtoepassing\n"
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

/* Every subcommand, by the name it is called with. */
static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"route", jr_cmd_route},
	{"policy", jr_cmd_policy},
	{"init", jr_cmd_init},
	{"person", jr_cmd_person},
	{"provider", jr_cmd_provider},
	{"contract", jr_cmd_contract},
	{"help-request", jr_cmd_help_request},
	{"care", jr_cmd_care},
	{"signals", jr_cmd_signals},
	{"demo", jr_cmd_demo},
	{"retention", jr_cmd_retention},
	{"socialmap", jr_cmd_socialmap},
	{"household", jr_cmd_household},
	{"organisation", jr_cmd_organisation},
	{"user", jr_cmd_user},
	{"audit", jr_cmd_audit},
	{"ijw", jr_cmd_ijw},
	{"figures", jr_cmd_figures},
	{"serve", jr_cmd_serve},
};

/* Runs subcommand `name` with argv[0] being its name; 2 after reporting an unknown one. */
static int run(const char *name, int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return commands[i].run(argc, argv);
	jr_cli_error("onbekende opdracht \"%s\"; zie jeugdroute --help", name);
	return 2;
}

int main(int argc, char **argv)
{
	const char *cmd;

	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	/* jansson allocates through our wrappers too, so tests can make its allocations fail. */
	json_set_alloc_funcs(jr_malloc, jr_free);
	cmd = argv[1];
	if (jr_cli_is_help(cmd)) {
		fputs(usage, stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
		printf("jeugdroute %s\n", JR_VERSION);
		return 0;
	}
	if (strcmp(cmd, "help") == 0) {
		static char help_arg[] = "--help";
		char *args[] = {argv[2], help_arg, NULL};
		if (argc < 3) {
			fputs(usage, stdout);
			return 0;
		}
		return run(argv[2], 2, args);
	}
	return run(cmd, argc - 1, argv + 1);
}
