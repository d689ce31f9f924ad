/* json_writer: commas, nesting and escaping of JSON written into a buffer (json_writer.h). */
#include "json/json_writer.h"

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

/* Before a value: the comma, and whether a value may come here at all (in an object, only
 * after its key). */
static bool value_here(struct jr_json_writer *w)
{
	unsigned d = w->depth;

	if (w->err)
		return false;
	if (d == 0)
		return true;
	if (w->object[d - 1]) {
		if (!w->keyed[d - 1]) {
			fail(w, JR_ERR_INTERNAL); /* a value where a key is due */
			return false;
		}
		w->keyed[d - 1] = false;
		return true;
	}
	if (w->some[d - 1])
		fail(w, jr_buf_putc(w->out, ','));
	w->some[d - 1] = true;
	return !w->err;
}

static void open(struct jr_json_writer *w, bool object)
{
	if (!value_here(w))
		return;
	if (w->depth == JR_JW_DEPTH_MAX) {
		fail(w, JR_ERR_TOO_BIG);
		return;
	}
	fail(w, jr_buf_putc(w->out, object ? '{' : '['));
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
	fail(w, jr_buf_putc(w->out, w->object[w->depth] ? '}' : ']'));
}

enum jr_err jr_json_put_string(struct jr_buf *out, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	enum jr_err err = jr_buf_putc(out, '"');

	while (!err && *p) {
		unsigned char c = *p;
		int extra = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2
						   : c >= 0xf0 && c <= 0xf4 ? 3
									    : -1;
		bool valid = extra >= 0;
		for (int i = 1; valid && i <= extra; i++)
			valid = (p[i] & 0xc0) == 0x80;
		/* overlong forms, surrogates, beyond U+10FFFF */
		if (valid && extra >= 2 &&
		    ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0) ||
		     (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90)))
			valid = false;
		if (!valid) {
			err = jr_buf_puts(out, "\\ufffd");
			p++;
			continue;
		}
		if (extra) {
			/* U+2028 and U+2029 end a line in JavaScript: escaped for any reader */
			if (c == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
				err = jr_buf_puts(out, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
			else
				err = jr_buf_append(out, p, (size_t)extra + 1);
			p += extra + 1;
			continue;
		}
		if (c == '"' || c == '\\') {
			char esc[2] = {'\\', (char)c};
			err = jr_buf_append(out, esc, 2);
		} else if (c == '\n') {
			err = jr_buf_puts(out, "\\n");
		} else if (c == '\r') {
			err = jr_buf_puts(out, "\\r");
		} else if (c == '\t') {
			err = jr_buf_puts(out, "\\t");
		} else if (c < 0x20 || c == 0x7f) {
			char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			err = jr_buf_append(out, esc, 6);
		} else {
			err = jr_buf_putc(out, (char)c);
		}
		p++;
	}
	return err ? err : jr_buf_putc(out, '"');
}

void jr_jw_key(struct jr_json_writer *w, const char *key)
{
	unsigned d = w->depth;

	if (w->err)
		return;
	if (d == 0 || !w->object[d - 1] || w->keyed[d - 1]) {
		fail(w, JR_ERR_INTERNAL); /* a key outside an object, or two in a row */
		return;
	}
	if (w->some[d - 1])
		fail(w, jr_buf_putc(w->out, ','));
	w->some[d - 1] = true;
	w->keyed[d - 1] = true;
	fail(w, jr_json_put_string(w->out, key));
	fail(w, jr_buf_putc(w->out, ':'));
}

void jr_jw_string(struct jr_json_writer *w, const char *s)
{
	if (value_here(w))
		fail(w, s ? jr_json_put_string(w->out, s) : jr_buf_puts(w->out, "null"));
}

void jr_jw_int(struct jr_json_writer *w, int64_t v)
{
	if (value_here(w))
		fail(w, jr_buf_printf(w->out, "%lld", (long long)v));
}

void jr_jw_bool(struct jr_json_writer *w, bool v)
{
	if (value_here(w))
		fail(w, jr_buf_puts(w->out, v ? "true" : "false"));
}

void jr_jw_null(struct jr_json_writer *w)
{
	if (value_here(w))
		fail(w, jr_buf_puts(w->out, "null"));
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
	if (decimals < 0 || decimals > 6) {
		fail(w, JR_ERR_INTERNAL);
		return;
	}
	if (value_here(w))
		fail(w, jr_buf_printf(w->out, "%.*f", decimals, v));
}

void jr_jw_raw(struct jr_json_writer *w, const char *json)
{
	if (value_here(w))
		fail(w, jr_buf_puts(w->out, json));
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
