/* cmd_household: `jeugdroute household`, `organisation`, `user`. Being written. */
#include "cli/cli.h"

int jr_cmd_household(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("household: nog niet beschikbaar");
	return 2;
}

int jr_cmd_organisation(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("organisation: nog niet beschikbaar");
	return 2;
}

int jr_cmd_user(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("user: nog niet beschikbaar");
	return 2;
}
