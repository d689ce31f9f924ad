/* json_writer: commas, nesting and escaping of JSON written into a buffer (json_writer.h).
 *
 * The route answers of `jeugdroute route --batch` are written through it a million at a time, so
 * each token is written with one check for room and one copy (room/wrote), and a string is
 * scanned eight bytes at a time and copied whole when nothing in it needs escaping. */
#include "json/json_writer.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void jr_jw_init(struct jr_json_writer *w, struct jr_buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
}

enum jr_err jr_jw_finish(const struct jr_json_writer *w)
{
	return w->err ? w->err : w->depth ? JR_ERR_INTERNAL : JR_OK;
}

static void fail(struct jr_json_writer *w, enum jr_err err)
{
	if (!w->err)
		w->err = err;
}

/* Room for `n` more bytes (and the NUL): where to write them, or NULL with the error kept. */
static char *room(struct jr_json_writer *w, size_t n)
{
	struct jr_buf *b = w->out;

	if (n > b->max - b->len || b->len + n >= b->cap) {
		enum jr_err err = jr_buf_reserve(b, n);
		if (err) {
			fail(w, err);
			return NULL;
		}
	}
	return b->data + b->len;
}

/* What was written into room() ends at `end`. */
static void wrote(struct jr_json_writer *w, char *end)
{
	w->out->len = (size_t)(end - w->out->data);
	*end = '\0';
}

/* A comma (when `comma`) and `n` bytes of text. */
static void put_token(struct jr_json_writer *w, bool comma, const char *text, size_t n)
{
	char *at = room(w, n + 1);

	if (!at)
		return;
	if (comma)
		*at++ = ',';
	memcpy(at, text, n);
	wrote(w, at + n);
}

/* Before a value: whether one may come here at all (in an object, only after its key): -1 not,
 * else 1 when a comma must go before it, 0 when not. */
static int value_here(struct jr_json_writer *w)
{
	unsigned d = w->depth;

	if (w->err)
		return -1;
	if (d == 0)
		return 0;
	if (w->object[d - 1]) {
		if (!w->keyed[d - 1]) {
			fail(w, JR_ERR_INTERNAL); /* a value where a key is due */
			return -1;
		}
		w->keyed[d - 1] = false;
		return 0;
	}
	if (w->some[d - 1])
		return 1;
	w->some[d - 1] = true;
	return 0;
}

static void open(struct jr_json_writer *w, bool object)
{
	int comma = value_here(w);

	if (comma < 0)
		return;
	if (w->depth == JR_JW_DEPTH_MAX) {
		fail(w, JR_ERR_TOO_BIG);
		return;
	}
	put_token(w, comma, object ? "{" : "[", 1);
	w->object[w->depth] = object;
	w->some[w->depth] = false;
	w->keyed[w->depth] = false;
	w->depth++;
}

void jr_jw_object(struct jr_json_writer *w)
{
	open(w, true);
}

void jr_jw_array(struct jr_json_writer *w)
{
	open(w, false);
}

void jr_jw_end(struct jr_json_writer *w)
{
	if (w->err)
		return;
	if (w->depth == 0 || w->keyed[w->depth - 1]) {
		fail(w, JR_ERR_INTERNAL); /* nothing open, or a key without its value */
		return;
	}
	w->depth--;
	put_token(w, false, w->object[w->depth] ? "}" : "]", 1);
}

/* The length of a UTF-8 sequence starting at p (at most `len` bytes there) that JSON may carry
 * as it is, or 0: not valid UTF-8 (truncated, overlong, a surrogate, beyond U+10FFFF), or
 * U+2028/U+2029, which end a line in JavaScript. */
static size_t utf8_clean(const unsigned char *p, size_t len)
{
	unsigned char c = p[0];
	size_t extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;

	if (!extra || extra >= len)
		return 0;
	for (size_t i = 1; i <= extra; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0) ||
	    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
		return 0;
	if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
		return 0;
	return extra + 1;
}

size_t jr_json_clean_len(const char *s, size_t len)
{
	/* Eight bytes at a time over plain ASCII: a byte below 0x20, a quote, a backslash, DEL or
	 * any byte with its high bit set marks the word (the classic has-zero-byte test), which is
	 * then looked at byte by byte; most text never leaves the fast loop. */
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		if (i + 8 <= len) {
			uint64_t x, q, bs, del, hit;
			memcpy(&x, p + i, 8);
			q = x ^ (ones * '"');
			bs = x ^ (ones * '\\');
			del = x ^ (ones * 0x7f);
			hit = ((x - ones * 0x20) | (q - ones) | (bs - ones) | (del - ones) | x) & highs;
			if (!hit) {
				i += 8;
				continue;
			}
		}
		/* one byte (or one UTF-8 sequence) at a time until the next clean word */
		for (size_t stop = i + 8 < len ? i + 8 : len; i < stop;) {
			unsigned char c = p[i];
			if (c >= 0x80) {
				size_t n = utf8_clean(p + i, len - i);
				if (!n)
					return i;
				i += n;
			} else if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
				return i;
			} else {
				i++;
			}
		}
	}
	return len;
}

/* Appends the escaped form of the one character (or byte that is not UTF-8) at p, which
 * jr_json_clean_len stopped at; returns how many bytes of the input it took. */
static size_t put_escaped(struct jr_buf *out, const unsigned char *p, size_t len,
			  enum jr_err *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c = p[0];

	if (c >= 0x80) {
		if (len >= 3 && c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			*err = jr_buf_puts(out, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
			return 3;
		}
		*err = jr_buf_puts(out, "\\ufffd"); /* not UTF-8: one byte at a time */
		return 1;
	}
	if (c == '"' || c == '\\') {
		char esc[2] = {'\\', (char)c};
		*err = jr_buf_append(out, esc, 2);
	} else if (c == '\n') {
		*err = jr_buf_puts(out, "\\n");
	} else if (c == '\r') {
		*err = jr_buf_puts(out, "\\r");
	} else if (c == '\t') {
		*err = jr_buf_puts(out, "\\t");
	} else {
		char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
		*err = jr_buf_append(out, esc, 6);
	}
	return 1;
}

/* `s` (len bytes, no NUL inside) as one JSON string, quotes included; `clean` bytes at its start
 * need no escaping (jr_json_clean_len). */
static enum jr_err put_string_len(struct jr_buf *out, const char *s, size_t len, size_t clean)
{
	const unsigned char *p = (const unsigned char *)s;
	enum jr_err err = jr_buf_reserve(out, len + 2);

	if (err)
		return err;
	if (clean == len) { /* the common case: one copy */
		char *at = out->data + out->len;
		at[0] = '"';
		memcpy(at + 1, s, len);
		at[len + 1] = '"';
		at[len + 2] = '\0';
		out->len += len + 2;
		return JR_OK;
	}
	err = jr_buf_putc(out, '"');
	while (!err && len) {
		size_t n = clean ? clean : jr_json_clean_len((const char *)p, len);
		clean = 0;
		if (n) {
			err = jr_buf_append(out, p, n);
			p += n;
			len -= n;
			continue;
		}
		n = put_escaped(out, p, len, &err);
		p += n;
		len -= n;
	}
	return err ? err : jr_buf_putc(out, '"');
}

enum jr_err jr_json_put_string(struct jr_buf *out, const char *s)
{
	size_t len = strlen(s);
	return put_string_len(out, s, len, jr_json_clean_len(s, len));
}
void jr_jw_key(struct jr_json_writer *w, const char *key)
{
	unsigned d = w->depth;
	bool comma;
	size_t len;
	char *at;

	if (w->err)
		return;
	if (d == 0 || !w->object[d - 1] || w->keyed[d - 1]) {
		fail(w, JR_ERR_INTERNAL); /* a key outside an object, or two in a row */
		return;
	}
	comma = w->some[d - 1];
	w->some[d - 1] = true;
	w->keyed[d - 1] = true;
	len = strlen(key);
	if (jr_json_clean_len(key, len) != len) {
		put_token(w, comma, "", 0);
		if (!w->err)
			fail(w, jr_json_put_string(w->out, key));
		put_token(w, false, ":", 1);
		return;
	}
	if (!(at = room(w, len + 4)))
		return;
	if (comma)
		*at++ = ',';
	*at++ = '"';
	memcpy(at, key, len);
	at += len;
	*at++ = '"';
	*at++ = ':';
	wrote(w, at);
}

void jr_jw_string(struct jr_json_writer *w, const char *s)
{
	int comma = value_here(w);
	size_t len, clean;
	char *at;

	if (comma < 0)
		return;
	if (!s) {
		put_token(w, comma, "null", 4);
		return;
	}
	len = strlen(s);
	clean = jr_json_clean_len(s, len);
	if (clean != len) {
		put_token(w, comma, "", 0);
		if (!w->err)
			fail(w, put_string_len(w->out, s, len, clean));
		return;
	}
	if (!(at = room(w, len + 3)))
		return;
	if (comma)
		*at++ = ',';
	*at++ = '"';
	memcpy(at, s, len);
	at += len;
	*at++ = '"';
	wrote(w, at);
}

void jr_jw_int(struct jr_json_writer *w, int64_t v)
{
	char tmp[24];
	size_t i = sizeof(tmp);
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	int comma = value_here(w);

	if (comma < 0)
		return;
	/* by hand rather than through printf: the route answers write many small numbers */
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	put_token(w, comma, tmp + i, sizeof(tmp) - i);
}

void jr_jw_bool(struct jr_json_writer *w, bool v)
{
	int comma = value_here(w);

	if (comma >= 0)
		put_token(w, comma, v ? "true" : "false", v ? 4 : 5);
}

void jr_jw_null(struct jr_json_writer *w)
{
	int comma = value_here(w);

	if (comma >= 0)
		put_token(w, comma, "null", 4);
}

void jr_jw_date(struct jr_json_writer *w, jr_day d, bool has)
{
	char text[JR_DATE_STRLEN];

	if (!has) {
		jr_jw_null(w);
		return;
	}
	jr_date_format(d, text);
	jr_jw_string(w, text);
}

void jr_jw_fixed(struct jr_json_writer *w, double v, int decimals)
{
	char text[64];
	int comma, n;

	if (decimals < 0 || decimals > 6) {
		fail(w, JR_ERR_INTERNAL);
		return;
	}
	if ((comma = value_here(w)) < 0)
		return;
	n = snprintf(text, sizeof(text), "%.*f", decimals, v);
	if (n < 0 || (size_t)n >= sizeof(text)) {
		fail(w, JR_ERR_INTERNAL); /* not a share: beyond 10^56 */
		return;
	}
	put_token(w, comma, text, (size_t)n);
}

size_t jr_jw_text_begin(struct jr_json_writer *w)
{
	int comma = value_here(w);

	if (comma >= 0)
		put_token(w, comma, "\"", 1);
	return w->out->len;
}

void jr_jw_text_end(struct jr_json_writer *w, size_t start, enum jr_err err,
		    struct jr_buf *scratch)
{
	struct jr_buf *out = w->out;
	size_t len, clean;

	fail(w, err);
	if (w->err)
		return;
	if (start == 0 || start > out->len) {
		fail(w, JR_ERR_INTERNAL); /* not a start jr_jw_text_begin gave */
		return;
	}
	len = out->len - start;
	clean = jr_json_clean_len(out->data + start, len);
	if (clean == len) {
		put_token(w, false, "\"", 1); /* the common case: nothing to escape */
		return;
	}
	/* the text moves aside and comes back escaped */
	jr_buf_reset(scratch);
	fail(w, jr_buf_append(scratch, out->data + start, len));
	if (w->err)
		return;
	out->len = start - 1; /* without the text and its opening quote */
	out->data[out->len] = '\0';
	fail(w, put_string_len(out, scratch->data, len, clean));
}

void jr_jw_raw(struct jr_json_writer *w, const char *json)
{
	int comma = value_here(w);

	if (comma >= 0)
		put_token(w, comma, json, strlen(json));
}

void jr_jw_kstring(struct jr_json_writer *w, const char *key, const char *s)
{
	jr_jw_key(w, key);
	jr_jw_string(w, s);
}

void jr_jw_kint(struct jr_json_writer *w, const char *key, int64_t v)
{
	jr_jw_key(w, key);
	jr_jw_int(w, v);
}

void jr_jw_kbool(struct jr_json_writer *w, const char *key, bool v)
{
	jr_jw_key(w, key);
	jr_jw_bool(w, v);
}

void jr_jw_kdate(struct jr_json_writer *w, const char *key, jr_day d, bool has)
{
	jr_jw_key(w, key);
	jr_jw_date(w, d, has);
}
