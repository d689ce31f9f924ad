/* text: UTF-8, control-character and format-character checks on free text (see text.h). */
#include "core/text.h"

#include <stdint.h>
#include <string.h>

/* Invisible characters that change how the text around them is shown or read, refused like the
 * control characters: the bidirectional embeddings, overrides and isolates (a name that
 * displays as another, "Trojan Source"), the marks that steer them, the line and paragraph
 * separators that split a line where no line break is allowed, the byte-order mark and the
 * interlinear annotations. Joiners (U+200C, U+200D) and the soft hyphen stay allowed: names and
 * words in several scripts need them and they reorder nothing. */
static bool format_control(uint32_t cp)
{
	return cp == 0x061C ||                   /* ARABIC LETTER MARK */
	       cp == 0x200E || cp == 0x200F ||   /* LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK */
	       cp == 0x2028 || cp == 0x2029 ||   /* LINE / PARAGRAPH SEPARATOR */
	       (cp >= 0x202A && cp <= 0x202E) || /* embeddings, pop, overrides */
	       (cp >= 0x2066 && cp <= 0x2069) || /* isolates */
	       (cp >= 0x206A && cp <= 0x206F) || /* deprecated shaping and digit controls */
	       cp == 0xFEFF ||                   /* BYTE ORDER MARK (zero-width no-break space) */
	       (cp >= 0xFFF9 && cp <= 0xFFFB);   /* interlinear annotation controls */
}

bool jr_text_valid(const char *s, size_t max_bytes, bool multiline)
{
	size_t len = strlen(s);
	const unsigned char *p = (const unsigned char *)s;

	if (len == 0 || len >= max_bytes)
		return false;
	while (*p) {
		int extra;
		uint32_t cp;
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
		cp = (uint32_t)p[0] & (0x7fu >> (extra + 1));
		for (int i = 1; i <= extra; i++)
			cp = cp << 6 | ((uint32_t)p[i] & 0x3f);
		/* the C1 control characters, and the invisible format characters above */
		if (cp < 0xa0 || format_control(cp))
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
