/* buf: bounded growable buffer (see buf.h). */
#include "core/buf.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"

void jr_buf_init(struct jr_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void jr_buf_release(struct jr_buf *b)
{
	JR_FREE(b->data);
	b->len = 0;
	b->cap = 0;
}

void jr_buf_reset(struct jr_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

enum jr_err jr_buf_reserve(struct jr_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > b->max || b->len > b->max - extra)
		return JR_ERR_TOO_BIG;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return JR_OK;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
	if (b->max < (size_t)-1 && cap > b->max + 1)
		cap = b->max + 1;
	p = jr_realloc(b->data, cap);
	if (!p)
		return JR_ERR_NOMEM;
	if (!b->data)
		p[0] = '\0';
	b->data = p;
	b->cap = cap;
	return JR_OK;
}

enum jr_err jr_buf_append(struct jr_buf *b, const void *data, size_t len)
{
	enum jr_err err = jr_buf_reserve(b, len);
	if (err)
		return err;
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return JR_OK;
}

enum jr_err jr_buf_puts(struct jr_buf *b, const char *s)
{
	return jr_buf_append(b, s, strlen(s));
}

enum jr_err jr_buf_putc(struct jr_buf *b, char c)
{
	return jr_buf_append(b, &c, 1);
}

/* libc's formatter, for conversions the fast path below does not know. Tries the spare room
 * first so that the common case formats once. */
static enum jr_err libc_vprintf(struct jr_buf *b, const char *fmt, va_list ap)
{
	enum jr_err err;
	va_list ap2;
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return JR_ERR_INTERNAL;
	if ((size_t)n >= room) {
		err = jr_buf_reserve(b, (size_t)n);
		if (err) {
			if (b->data)
				b->data[b->len] = '\0';
			return err;
		}
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
	return JR_OK;
}

/* Appends a decimal integer, zero-padded to `width` digits. */
static enum jr_err put_int(struct jr_buf *b, long long v, int width)
{
	char tmp[24];
	size_t i = sizeof(tmp);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u && i > 1);
	while (sizeof(tmp) - i < (size_t)width && i > 1)
		tmp[--i] = '0';
	if (v < 0)
		tmp[--i] = '-';
	return jr_buf_append(b, tmp + i, sizeof(tmp) - i);
}

/* The answers are written with a handful of conversions (%s, %d, %02d, %zu, %%); formatting
 * them here instead of through vsnprintf halves the cost of writing an answer. Anything else
 * goes to libc from that point on. */
enum jr_err jr_buf_vprintf(struct jr_buf *b, const char *fmt, va_list ap)
{
	size_t mark = b->len;
	const char *p, *run = fmt;
	enum jr_err err = JR_OK;

	for (p = fmt; *p && !err; p++) {
		if (*p != '%')
			continue;
		err = jr_buf_append(b, run, (size_t)(p - run));
		if (err)
			break;
		if (p[1] == 's') {
			err = jr_buf_puts(b, va_arg(ap, const char *));
			p += 1;
		} else if (p[1] == 'd') {
			err = put_int(b, va_arg(ap, int), 0);
			p += 1;
		} else if (p[1] == '0' && p[2] == '2' && p[3] == 'd') {
			err = put_int(b, va_arg(ap, int), 2);
			p += 3;
		} else if (p[1] == 'z' && p[2] == 'u') {
			size_t v = va_arg(ap, size_t);
			err = put_int(b, (long long)v, 0);
			p += 2;
		} else if (p[1] == '%') {
			err = jr_buf_putc(b, '%');
			p += 1;
		} else {
			err = libc_vprintf(b, p, ap);
			run = p + strlen(p);
			p = run - 1;
			continue;
		}
		run = p + 1;
	}
	if (!err)
		err = jr_buf_append(b, run, strlen(run));
	if (err) {
		b->len = mark; /* keep the previous, valid content */
		if (b->data)
			b->data[mark] = '\0';
	}
	return err;
}

enum jr_err jr_buf_printf(struct jr_buf *b, const char *fmt, ...)
{
	enum jr_err err;
	va_list ap;

	va_start(ap, fmt);
	err = jr_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return err;
}

enum jr_err jr_buf_json_string(struct jr_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	enum jr_err err;
	size_t len = strlen(s);
	const char *run = s;
	const unsigned char *p;

	/* Worst case every byte becomes \u00XX; reserve once, then write without checks. */
	err = jr_buf_reserve(b, len * 6 + 2);
	if (err)
		return err;
	b->data[b->len++] = '"';
	for (p = (const unsigned char *)s; *p; p++) {
		char esc = 0;
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		memcpy(b->data + b->len, run, (size_t)((const char *)p - run));
		b->len += (size_t)((const char *)p - run);
		run = (const char *)p + 1;
		switch (*p) {
		case '"': esc = '"'; break;
		case '\\': esc = '\\'; break;
		case '\n': esc = 'n'; break;
		case '\t': esc = 't'; break;
		case '\r': esc = 'r'; break;
		default: break;
		}
		b->data[b->len++] = '\\';
		if (esc) {
			b->data[b->len++] = esc;
		} else {
			memcpy(b->data + b->len, "u00", 3);
			b->len += 3;
			b->data[b->len++] = hex[*p >> 4];
			b->data[b->len++] = hex[*p & 15];
		}
	}
	memcpy(b->data + b->len, run, (size_t)((const char *)p - run));
	b->len += (size_t)((const char *)p - run);
	b->data[b->len++] = '"';
	b->data[b->len] = '\0';
	return JR_OK;
}

const char *jr_buf_str(const struct jr_buf *b)
{
	return b->data ? b->data : "";
}

enum jr_err jr_buf_put_escaped(struct jr_buf *b, const char *s, const char *apostrophe)
{
	enum jr_err err = JR_OK;
	const char *run = s; /* the characters since the last escaped one, appended at once */

	for (const char *p = s; *p && !err; p++) {
		const char *e;
		switch (*p) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = apostrophe; break;
		default: continue;
		}
		if (!(err = jr_buf_append(b, run, (size_t)(p - run))))
			err = jr_buf_puts(b, e);
		run = p + 1;
	}
	if (!err)
		err = jr_buf_puts(b, run);
	return err;
}
