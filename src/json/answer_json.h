/* answer_json: a routing answer as one line of JSON (the public contract in docs/routing.md),
 * and the error object that takes an answer's place in a batch. */
#ifndef JR_JSON_ANSWER_JSON_H
#define JR_JSON_ANSWER_JSON_H

#include "core/buf.h"
#include "core/route.h"
#include "core/diag.h"

/* Appends the answer as compact JSON (no trailing newline). `scratch` is a work buffer for the
 * explanations; both are reused across calls by batch callers. */
enum jr_err jr_answer_write_json(struct jr_buf *out, struct jr_buf *scratch,
				 const struct jr_answer *a);

/* Appends {"error": {"field": ..., "message": ...}} (with "id" when given, else omitted). */
enum jr_err jr_error_write_json(struct jr_buf *out, const struct jr_diag *d, const char *id);

#endif
