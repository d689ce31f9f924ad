/* request_fast: the fast path of request parsing, for the common case of a plain, valid request.
 *
 * It reads the JSON text in one pass without building a tree or allocating. It accepts only what
 * it is sure the full parser (request_json.c, on jansson) would accept with the same result, and
 * declines everything else: escapes and non-ASCII bytes in strings, numbers that are not small
 * plain integers, unknown or duplicate keys, any value out of range, any error at all. A declined
 * request goes to the full parser, which gives the diagnostic. A differential fuzz target
 * (tests/fuzz/fuzz_request_fast.c) checks that both agree whenever the fast path accepts. */
#ifndef JR_JSON_REQUEST_FAST_H
#define JR_JSON_REQUEST_FAST_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/route.h"

/* True when the text was a plain valid request, now in *out; false when declined (then *out is
 * unspecified and the caller must parse with the full parser). */
bool jr_request_parse_fast(const char *text, size_t len, jr_day today, struct jr_request *out);

#endif
