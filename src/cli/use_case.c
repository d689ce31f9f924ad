/* use_case: a use case's context at the command line, and its errors as messages. */
#include "cli/use_case.h"

#include <string.h>

#include "cli/cli.h"

void jr_cli_app(struct jr_app *app, struct jr_store *store, const struct jr_actor *actor,
		const struct jr_policy_set *policies, struct jr_diag *diag)
{
	memset(diag, 0, sizeof(*diag));
	memset(app, 0, sizeof(*app));
	app->store = store;
	app->actor = actor;
	app->principal = NULL;
	app->policies = policies;
	app->today = jr_args_today();
	app->diag = diag;
}

int jr_cli_app_fail(const char *what, enum jr_err err, const struct jr_diag *diag)
{
	static const struct {
		enum jr_err err;
		const char *message;
	} plain[] = {
		{JR_ERR_NOMEM, "onvoldoende geheugen"},
		{JR_ERR_NOT_FOUND, "niet gevonden"},
		{JR_ERR_CONFLICT, "het gegeven is intussen gewijzigd of bestaat al"},
		{JR_ERR_STORE, "de database gaf een fout of is niet bruikbaar"},
		{JR_ERR_IO, "lezen of schrijven mislukte"},
	};
	const char *message = "er ging iets mis";

	if (diag && diag->message[0]) {
		if (diag->path[0])
			jr_cli_error("%s: veld %s: %s", what, diag->path, diag->message);
		else
			jr_cli_error("%s: %s", what, diag->message);
	} else {
		for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
			if (plain[i].err == err)
				message = plain[i].message;
		jr_cli_error("%s: %s (%s)", what, message, jr_err_name(err));
	}
	return jr_err_exit_status(err);
}
