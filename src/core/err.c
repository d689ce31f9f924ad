/* err: names and exit statuses for enum jr_err: the one table (the HTTP statuses are the
 * server's: http/request.c). */
#include "core/err.h"

static const struct {
	const char *name;
	int exit_status;
} err_table[JR_ERR__COUNT] = {
	[JR_OK] = {"ok", 0},
	[JR_ERR_NOMEM] = {"out of memory", 1},
	[JR_ERR_INPUT] = {"invalid input", 2},
	[JR_ERR_TOO_BIG] = {"input too large", 2},
	[JR_ERR_NOT_FOUND] = {"not found", 2},
	[JR_ERR_POLICY] = {"invalid policy", 2},
	[JR_ERR_IO] = {"i/o error", 1},
	[JR_ERR_USAGE] = {"usage error", 2},
	[JR_ERR_CONFLICT] = {"conflict", 2},
	[JR_ERR_REFUSED] = {"refused", 2},
	[JR_ERR_FORBIDDEN] = {"forbidden", 1},
	[JR_ERR_STORE] = {"database error", 1},
	[JR_ERR_INTERNAL] = {"internal error", 1},
};

const char *jr_err_name(enum jr_err err)
{
	if ((unsigned)err >= JR_ERR__COUNT)
		return "unknown error";
	return err_table[err].name;
}

int jr_err_exit_status(enum jr_err err)
{
	if ((unsigned)err >= JR_ERR__COUNT)
		return 1;
	return err_table[err].exit_status;
}
