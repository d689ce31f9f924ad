/* fields: reading the fields of a JSON request body, each checked and, when wrong, answered with
 * 422 naming the field and saying what is expected (in Dutch). Every function returns 0 when
 * the field is fine (or optional and absent) and otherwise the status it answered with, so a
 * handler reads: if ((status = jr_field_text(r, body, "question", true, q, sizeof(q)))) … */
#ifndef JR_HTTP_FIELDS_H
#define JR_HTTP_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "http/request.h"

struct json_t;

/* Free text: UTF-8 without control characters but line breaks (jr_text_valid), 1..cap-1 bytes.
 * Absent and not required: dst is "". */
int jr_field_text(struct jr_http_request *r, struct json_t *obj, const char *name, bool required,
		  char *dst, size_t cap);
/* One of the NULL-terminated `allowed` words; `expect` is the Dutch list for the message. */
int jr_field_word(struct jr_http_request *r, struct json_t *obj, const char *name,
		  const char *const *allowed, const char *expect, char *dst, size_t cap);
/* A date "YYYY-MM-DD"; absent: *out = dflt (when required is false). */
int jr_field_date(struct jr_http_request *r, struct json_t *obj, const char *name, bool required,
		  jr_day dflt, jr_day *out);
/* An integer in [min, max]; absent and not required: *out = dflt. */
int jr_field_int(struct jr_http_request *r, struct json_t *obj, const char *name, bool required,
		 int64_t min, int64_t max, int64_t dflt, int64_t *out);
/* true or false; absent and not required: *out = dflt. */
int jr_field_bool(struct jr_http_request *r, struct json_t *obj, const char *name, bool required,
		  bool dflt, bool *out);
/* A list of names, added to *out as a bit set (1u << parse(name)); absent: nothing. Not a list:
 * 422 with `not_list`; a name `parse` does not know (-1): 422 with `unknown`. */
int jr_field_names(struct jr_http_request *r, struct json_t *obj, const char *name,
		   int (*parse)(const char *), const char *not_list, const char *unknown,
		   unsigned *out);
/* 422 for `name` with this message, unless the object has no other fields than the
 * NULL-terminated `known` (a misspelt field is refused, not ignored). */
int jr_field_only(struct jr_http_request *r, struct json_t *obj, const char *const *known);

/* A query parameter's number: plain digits in [min, max]; 0, or -1 when it is not one. */
int jr_http_number(const char *s, long long min, long long max, long long *out);

/* Today, local time (the default date of records). */
jr_day jr_http_today(void);

#endif
