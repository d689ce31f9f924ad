/* json_out: a view's JSON on stdout (see json_out.h). */
#include "cli/json_out.h"

#include <stdio.h>

#include "cli/cli.h"

void jr_cli_json_begin(struct jr_buf *out, struct jr_json_writer *w)
{
	jr_buf_init(out, 16u << 20);
	jr_jw_init(w, out);
}

int jr_cli_json_print(const char *what, struct jr_buf *out, const struct jr_json_writer *w)
{
	enum jr_err err = jr_jw_finish(w);
	int status = 0;

	if (err) {
		jr_cli_error("%s: het antwoord kon niet worden opgesteld (%s)", what,
			     jr_err_name(err));
		status = 1;
	} else {
		puts(jr_buf_str(out));
	}
	jr_buf_release(out);
	return status;
}
