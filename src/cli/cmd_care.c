/* cmd_care: `jeugdroute care`. Being written. */
#include "cli/cli.h"

int jr_cmd_care(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("care: nog niet beschikbaar");
	return 2;
}
