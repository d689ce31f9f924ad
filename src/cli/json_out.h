/* json_out: printing a record that a src/view/ renderer writes, the same bytes the API answers,
 * as one line of JSON on stdout.
 *
 *	struct jr_buf out; struct jr_json_writer w;
 *	jr_cli_json_begin(&out, &w);
 *	jr_view_provider(&w, &p);
 *	return jr_cli_json_print("provider show", &out, &w);
 */
#ifndef JR_CLI_JSON_OUT_H
#define JR_CLI_JSON_OUT_H

#include "core/buf.h"
#include "json/json_writer.h"

/* Starts `w` on a fresh buffer `out` (at most 16 MiB). */
void jr_cli_json_begin(struct jr_buf *out, struct jr_json_writer *w);
/* Prints what `w` wrote and a newline, releases `out`; 0, or 1 after saying (as command
 * `what`) that it could not be written. */
int jr_cli_json_print(const char *what, struct jr_buf *out, const struct jr_json_writer *w);

#endif
