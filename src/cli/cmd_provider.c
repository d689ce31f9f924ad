/* cmd_provider: `jeugdroute provider` and `jeugdroute contract`. Being written. */
#include "cli/cli.h"

int jr_cmd_provider(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("provider: nog niet beschikbaar");
	return 2;
}

int jr_cmd_contract(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("contract: nog niet beschikbaar");
	return 2;
}
