/* request_json: a routing request as JSON (docs/routing.md) -> struct jr_request.
 *
 * Input from outside is never trusted: size and nesting are bounded before parsing, duplicate and
 * unknown keys are rejected, every value is checked for type and range, dates must exist. On
 * failure the diag names the field ("needs.behaviour", "history[2].end") and the problem. */
#ifndef JR_JSON_REQUEST_JSON_H
#define JR_JSON_REQUEST_JSON_H

#include <stddef.h>

#include "core/date.h"
#include "core/err.h"
#include "core/route.h"
#include "core/diag.h"

#define JR_REQUEST_MAX_BYTES (64 * 1024)
#define JR_REQUEST_MAX_DEPTH 8

/* Parses one request. `today` is the default for a missing "date". Returns JR_ERR_INPUT or
 * JR_ERR_TOO_BIG with diag filled, JR_ERR_NOMEM, or JR_OK. Plain valid requests take the fast
 * path (request_fast.h); everything else, and every error, goes through jansson. */
enum jr_err jr_request_parse(const char *text, size_t len, jr_day today, struct jr_request *out,
			     struct jr_diag *diag);

/* The full parser alone (jansson), as jr_request_parse without the fast path; for the
 * differential tests of the fast path. */
enum jr_err jr_request_parse_full(const char *text, size_t len, jr_day today,
				  struct jr_request *out, struct jr_diag *diag);

#endif
