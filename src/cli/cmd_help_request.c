/* cmd_help_request: `jeugdroute help-request`. Being written. */
#include "cli/cli.h"

int jr_cmd_help_request(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("help-request: nog niet beschikbaar");
	return 2;
}
