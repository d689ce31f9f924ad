/* buf: a growable byte buffer with a hard maximum, always NUL-terminated.
 *
 * Used to build output (JSON answers, readable text) and to read input. Every append checks the
 * maximum and returns JR_ERR_TOO_BIG instead of growing past it; on any error the buffer keeps its
 * previous, valid content. Lifecycle: jr_buf_init, use, jr_buf_release (or jr_buf_reset to reuse). */
#ifndef JR_CORE_BUF_H
#define JR_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "core/err.h"

struct jr_buf {
	char *data; /* NUL-terminated when cap > 0; NULL before the first append */
	size_t len;
	size_t cap;
	size_t max; /* the largest len allowed */
};

void jr_buf_init(struct jr_buf *b, size_t max);
void jr_buf_release(struct jr_buf *b);
/* Empties the buffer but keeps its memory for reuse. */
void jr_buf_reset(struct jr_buf *b);

/* Makes room for `extra` more bytes (plus the terminating NUL). */
enum jr_err jr_buf_reserve(struct jr_buf *b, size_t extra);
enum jr_err jr_buf_append(struct jr_buf *b, const void *data, size_t len);
enum jr_err jr_buf_puts(struct jr_buf *b, const char *s);
/* Appends `s` with the markup characters &, <, >, " escaped, and ' as `apostrophe` (XML has
 * "&apos;"; HTML's older readers know only "&#39;"): text and attribute values of XML or HTML. */
enum jr_err jr_buf_put_escaped(struct jr_buf *b, const char *s, const char *apostrophe);
enum jr_err jr_buf_putc(struct jr_buf *b, char c);
enum jr_err jr_buf_printf(struct jr_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum jr_err jr_buf_vprintf(struct jr_buf *b, const char *fmt, va_list ap);
/* Appends `s` as a JSON string literal, quotes included, escaping what JSON requires. */
enum jr_err jr_buf_json_string(struct jr_buf *b, const char *s);

/* Returns the content (never NULL: "" when empty). */
const char *jr_buf_str(const struct jr_buf *b);

#endif
