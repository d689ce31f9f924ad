/* namekey: names folded for search (namekey.h). */
#include "core/namekey.h"

#include <string.h>

/* Base letters of U+00C0..U+00FF and U+0100..U+017F; a digit stands for two letters. */
static const char latin1[] = "aaaaaa1ceeeeiiiidnooooo ouuuuy23"
			     "aaaaaa1ceeeeiiiidnooooo ouuuuy2y";
static const char latin_ext_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii44jjkkk"
				  "llllllllllnnnnnnnnnoooooo55rrrrrrssssssssttttttuuuuuuuuuuuu"
				  "wwyyyzzzzzzs";
_Static_assert(sizeof(latin1) == 64 + 1, "one letter per code point U+00C0..U+00FF");
_Static_assert(sizeof(latin_ext_a) == 128 + 1, "one letter per code point U+0100..U+017F");

static const char *const pairs[] = {"", "ae", "th", "ss", "ij", "oe"};

/* The folded text of code point `cp`, in buf (NULL: keep the bytes as they are; "" drop). */
static const char *fold_cp(unsigned cp, char buf[2])
{
	char c;

	if (cp >= 0x300 && cp <= 0x36F)
		return "";
	if (cp >= 0xC0 && cp <= 0xFF)
		c = latin1[cp - 0xC0];
	else if (cp >= 0x100 && cp <= 0x17F)
		c = latin_ext_a[cp - 0x100];
	else
		return NULL;
	if (c >= '1' && c <= '5')
		return pairs[c - '0'];
	buf[0] = c;
	buf[1] = '\0';
	return buf;
}

/* The length of the UTF-8 sequence starting with byte b (1 for a stray byte). */
static size_t seq_len(unsigned char b)
{
	return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

size_t jr_name_fold(const char *in, char *out, size_t cap)
{
	size_t n = 0, word = 0; /* word: where the current word began in out */
	bool gap = false;

	if (!cap)
		return 0;
	for (const unsigned char *p = (const unsigned char *)in; p && *p;) {
		char one[2];
		const char *piece;
		size_t len = seq_len(*p), plen;
		bool space = false;

		for (size_t i = 1; i < len; i++)
			if (!p[i]) /* cut short: treat as the end */
				len = i;
		if (len == 1) {
			unsigned char c = *p;
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				one[0] = (char)c;
				one[1] = '\0';
				piece = one;
			} else {
				space = true;
				piece = "";
			}
		} else if (len == 2) {
			unsigned cp = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
			piece = fold_cp(cp, one);
			if (piece && *piece == ' ') {
				space = true;
				piece = "";
			}
		} else {
			piece = NULL;
		}
		plen = piece ? strlen(piece) : len;
		if (space) {
			gap = n > 0;
			p += len;
			continue;
		}
		if (plen && gap) {
			if (n + 1 + plen >= cap)
				break;
			out[n++] = ' ';
			word = n;
			gap = false;
		}
		if (n + plen >= cap) { /* too long: end at the last whole word */
			n = word ? word - 1 : 0;
			break;
		}
		memcpy(out + n, piece ? piece : (const char *)p, plen);
		n += plen;
		p += len;
	}
	out[n] = '\0';
	return n;
}

bool jr_name_fold_has_words(const char *text, const char *query)
{
	char word[JR_NAME_KEY_MAX];

	for (const char *p = query; *p;) {
		size_t n = strcspn(p, " ");
		if (n > 0) {
			if (n >= sizeof(word))
				return false; /* no word of a folded text is that long here */
			memcpy(word, p, n);
			word[n] = '\0';
			if (!strstr(text, word))
				return false;
		}
		p += n + (p[n] == ' ');
	}
	return true;
}

size_t jr_name_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Splits folded `s` (modified) into at most `max` words. */
static size_t split(char *s, char **words, size_t max)
{
	size_t n = 0;

	for (char *p = s; *p && n < max;) {
		words[n++] = p;
		p = strchr(p, ' ');
		if (!p)
			break;
		*p++ = '\0';
	}
	return n;
}

static size_t add_key(char keys[][JR_NAME_KEY_MAX], size_t n, char *const *words, size_t from,
		      size_t count)
{
	char key[JR_NAME_KEY_MAX];
	size_t len = 0;

	if (n >= JR_NAME_KEYS_MAX)
		return n;
	for (size_t i = from; i < count; i++) {
		size_t w = strlen(words[i]);
		if (len + (len ? 1 : 0) + w >= sizeof(key))
			break;
		if (len)
			key[len++] = ' ';
		memcpy(key + len, words[i], w);
		len += w;
	}
	key[len] = '\0';
	if (!len)
		return n;
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return n;
	memcpy(keys[n], key, len + 1);
	return n + 1;
}

size_t jr_name_keys(const char *given, const char *family, char keys[][JR_NAME_KEY_MAX])
{
	enum { WORDS = JR_NAME_KEYS_MAX / 2 };
	char g[JR_NAME_KEY_MAX], f[JR_NAME_KEY_MAX];
	char *gw[WORDS], *fw[WORDS], *order[WORDS];
	size_t gn, fn, n = 0, count;

	jr_name_fold(given, g, sizeof(g));
	jr_name_fold(family, f, sizeof(f));
	gn = split(g, gw, WORDS / 2);
	fn = split(f, fw, WORDS / 2);
	/* family name first, then given names first; each cut at every word */
	for (int pass = 0; pass < 2; pass++) {
		char **first = pass ? gw : fw, **second = pass ? fw : gw;
		size_t n1 = pass ? gn : fn, n2 = pass ? fn : gn;
		count = 0;
		for (size_t i = 0; i < n1; i++)
			order[count++] = first[i];
		for (size_t i = 0; i < n2; i++)
			order[count++] = second[i];
		for (size_t i = 0; i < count; i++)
			n = add_key(keys, n, order, i, count);
	}
	return n;
}

void jr_name_sort_key(const char *given, const char *family, char out[JR_NAME_KEY_MAX])
{
	char g[JR_NAME_KEY_MAX];
	size_t n = jr_name_fold(family, out, JR_NAME_KEY_MAX);

	jr_name_fold(given, g, sizeof(g));
	if (n + 1 + strlen(g) < JR_NAME_KEY_MAX && *g) {
		out[n] = ' ';
		memcpy(out + n + 1, g, strlen(g) + 1);
	}
}
