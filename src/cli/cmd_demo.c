/* cmd_demo: `jeugdroute demo`. Being written. */
#include "cli/cli.h"

int jr_cmd_demo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jr_cli_error("demo: nog niet beschikbaar");
	return 2;
}
