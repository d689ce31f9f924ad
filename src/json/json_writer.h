/* json_writer: JSON written straight into a buffer, for rendering records the same way to the
 * command line and the API (issue 12).
 *
 * Every string goes through one escaping routine (quotes, backslashes, control characters; bytes
 * that are not valid UTF-8 become U+FFFD), so that no caller writes a "%s" between quotes. The
 * writer puts the commas and checks the nesting; the first error (a full buffer, a value where a
 * key is due, an unbalanced end) sticks and every later call is a no-op, so that a renderer calls
 * on and asks once, at the end (jr_jw_finish). */
#ifndef JR_JSON_JSON_WRITER_H
#define JR_JSON_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"

#define JR_JW_DEPTH_MAX 32

struct jr_json_writer {
	struct jr_buf *out;
	enum jr_err err;
	unsigned depth;
	/* per level: an object (true) or an array; whether a member came already; in an object,
	 * whether a key was written and waits for its value */
	bool object[JR_JW_DEPTH_MAX], some[JR_JW_DEPTH_MAX], keyed[JR_JW_DEPTH_MAX];
};

/* Writes into `out` (appending to what it holds). */
void jr_jw_init(struct jr_json_writer *w, struct jr_buf *out);
/* The first error, or JR_ERR_INTERNAL when an object or array is still open. */
enum jr_err jr_jw_finish(const struct jr_json_writer *w);

void jr_jw_object(struct jr_json_writer *w); /* { */
void jr_jw_array(struct jr_json_writer *w);  /* [ */
void jr_jw_end(struct jr_json_writer *w);    /* } or ] */
/* A member's name inside an object; its value follows. */
void jr_jw_key(struct jr_json_writer *w, const char *key);

void jr_jw_string(struct jr_json_writer *w, const char *s); /* NULL writes null */
void jr_jw_int(struct jr_json_writer *w, int64_t v);
void jr_jw_bool(struct jr_json_writer *w, bool v);
void jr_jw_null(struct jr_json_writer *w);
/* A day as "YYYY-MM-DD", or null when `has` is false. */
void jr_jw_date(struct jr_json_writer *w, jr_day d, bool has);
/* A share or other fraction with `decimals` digits after the point (0 to 6). */
void jr_jw_fixed(struct jr_json_writer *w, double v, int decimals);
/* A string value whose text another renderer appends to the writer's buffer itself (the route
 * answer's explanations, core/why.h, written in place to spare a copy): jr_jw_text_begin opens
 * the string and returns where its text starts; the caller appends the raw text to w->out;
 * jr_jw_text_end takes the error of that appending (JR_OK when it went well) and escapes what was
 * appended since `start` — in place when nothing needs escaping (the common case), else through
 * `scratch`, a work buffer the caller keeps. */
size_t jr_jw_text_begin(struct jr_json_writer *w);
void jr_jw_text_end(struct jr_json_writer *w, size_t start, enum jr_err err,
		    struct jr_buf *scratch);
/* A value that is JSON already (made by another renderer): copied as it is. */
void jr_jw_raw(struct jr_json_writer *w, const char *json);

/* A key and its value, the common case. */
void jr_jw_kstring(struct jr_json_writer *w, const char *key, const char *s);
void jr_jw_kint(struct jr_json_writer *w, const char *key, int64_t v);
void jr_jw_kbool(struct jr_json_writer *w, const char *key, bool v);
void jr_jw_kdate(struct jr_json_writer *w, const char *key, jr_day d, bool has);

/* Appends `s` as one JSON string to `out`, escaped as the writer does. */
enum jr_err jr_json_put_string(struct jr_buf *out, const char *s);
/* How many bytes at the start of `s` (len bytes) a JSON string holds as they are: valid UTF-8
 * without control characters, quotes, backslashes, DEL, U+2028 or U+2029. `len` when all. */
size_t jr_json_clean_len(const char *s, size_t len);

#endif
