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
	"  person   personen in de dossiers: add, show, find, update (JSON)\n"
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
	"  organisation  organisaties (lokaal team, huisartsenpraktijk, GI, …): add, show\n"
	"  user     gebruikers met een rol: add\n"
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
		char *args[] = {argv[0], help_arg, NULL};
		if (argc < 3) {
			fputs(usage, stdout);
			return 0;
		}
		if (strcmp(argv[2], "route") == 0)
			return jr_cmd_route(2, args);
		if (strcmp(argv[2], "policy") == 0)
			return jr_cmd_policy(2, args);
		if (strcmp(argv[2], "init") == 0)
			return jr_cmd_init(2, args);
		if (strcmp(argv[2], "person") == 0)
			return jr_cmd_person(2, args);
		if (strcmp(argv[2], "provider") == 0)
			return jr_cmd_provider(2, args);
		if (strcmp(argv[2], "contract") == 0)
			return jr_cmd_contract(2, args);
		if (strcmp(argv[2], "help-request") == 0)
			return jr_cmd_help_request(2, args);
		if (strcmp(argv[2], "care") == 0)
			return jr_cmd_care(2, args);
		if (strcmp(argv[2], "signals") == 0)
			return jr_cmd_signals(2, args);
		if (strcmp(argv[2], "demo") == 0)
			return jr_cmd_demo(2, args);
		if (strcmp(argv[2], "retention") == 0)
			return jr_cmd_retention(2, args);
		if (strcmp(argv[2], "socialmap") == 0)
			return jr_cmd_socialmap(2, args);
		if (strcmp(argv[2], "household") == 0)
			return jr_cmd_household(2, args);
		if (strcmp(argv[2], "organisation") == 0)
			return jr_cmd_organisation(2, args);
		if (strcmp(argv[2], "user") == 0)
			return jr_cmd_user(2, args);
		jr_cli_error("onbekende opdracht \"%s\"; zie jeugdroute --help", argv[2]);
		return 2;
	}
	if (strcmp(cmd, "route") == 0)
		return jr_cmd_route(argc - 1, argv + 1);
	if (strcmp(cmd, "policy") == 0)
		return jr_cmd_policy(argc - 1, argv + 1);
	if (strcmp(cmd, "init") == 0)
		return jr_cmd_init(argc - 1, argv + 1);
	if (strcmp(cmd, "person") == 0)
		return jr_cmd_person(argc - 1, argv + 1);
	if (strcmp(cmd, "provider") == 0)
		return jr_cmd_provider(argc - 1, argv + 1);
	if (strcmp(cmd, "contract") == 0)
		return jr_cmd_contract(argc - 1, argv + 1);
	if (strcmp(cmd, "help-request") == 0)
		return jr_cmd_help_request(argc - 1, argv + 1);
	if (strcmp(cmd, "care") == 0)
		return jr_cmd_care(argc - 1, argv + 1);
	if (strcmp(cmd, "signals") == 0)
		return jr_cmd_signals(argc - 1, argv + 1);
	if (strcmp(cmd, "demo") == 0)
		return jr_cmd_demo(argc - 1, argv + 1);
	if (strcmp(cmd, "retention") == 0)
		return jr_cmd_retention(argc - 1, argv + 1);
	if (strcmp(cmd, "socialmap") == 0)
		return jr_cmd_socialmap(argc - 1, argv + 1);
	if (strcmp(cmd, "household") == 0)
		return jr_cmd_household(argc - 1, argv + 1);
	if (strcmp(cmd, "organisation") == 0)
		return jr_cmd_organisation(argc - 1, argv + 1);
	if (strcmp(cmd, "user") == 0)
		return jr_cmd_user(argc - 1, argv + 1);
	jr_cli_error("onbekende opdracht \"%s\"; zie jeugdroute --help", cmd);
	return 2;
}
