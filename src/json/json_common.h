/* json_common: what both JSON adapters (policy files, requests) need from jansson in the same
 * way: a strict load that tells allocation failure apart, a depth check before parsing, and
 * Dutch names of value types. The server's JSON bodies use the depth check too. */
#ifndef JR_JSON_JSON_COMMON_H
#define JR_JSON_JSON_COMMON_H

#include <jansson.h>

#include "core/err.h"

/* Parses `len` bytes as one JSON document, rejecting duplicate keys. JR_ERR_NOMEM when an
 * allocation failed (jansson reports some of those as syntax errors, so the allocation wrappers'
 * failure count decides), JR_ERR_INPUT with `jerr` filled for invalid JSON, JR_OK with *root. */
enum jr_err jr_json_load(const char *text, size_t len, json_t **root, json_error_t *jerr);

/* The nesting depth of a JSON text (arrays and objects, counted outside strings), stopping early
 * once it passes `max`: rejecting a deep document before the parser sees it bounds the
 * parser's recursion and memory. */
int jr_json_depth(const char *s, size_t len, int max);

/* "een object", "een lijst", "een tekst", … — for "is <type>; verwacht …" messages. */
const char *jr_json_type_name(const json_t *v);

#endif
