/* text: UTF-8 and control-character checks on free text (see text.h). */
#include "core/text.h"

#include <string.h>

bool jr_text_valid(const char *s, size_t max_bytes, bool multiline)
{
	size_t len = strlen(s);
	const unsigned char *p = (const unsigned char *)s;

	if (len == 0 || len >= max_bytes)
		return false;
	while (*p) {
		int extra;
		if (*p < 0x20 || *p == 0x7f) {
			if (!multiline || (*p != '\n' && *p != '\r' && *p != '\t'))
				return false;
			p++;
			continue;
		}
		if (*p < 0x80) {
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			extra = 1;
		else if (*p >= 0xe0 && *p <= 0xef)
			extra = 2;
		else if (*p >= 0xf0 && *p <= 0xf4)
			extra = 3;
		else
			return false;
		for (int i = 1; i <= extra; i++)
			if ((p[i] & 0xc0) != 0x80)
				return false;
		/* overlong three- and four-byte forms, surrogates, code points above U+10FFFF */
		if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] >= 0xa0) ||
		    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] >= 0x90))
			return false;
		p += extra + 1;
	}
	return true;
}

size_t jr_text_chars(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xc0) != 0x80; /* continuation bytes belong to the character before */
	return n;
}
