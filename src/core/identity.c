/* identity: the family-name key and the identity check of a referral (identity.h). */
#include "core/identity.h"

#include <stdio.h>
#include <string.h>

#define KEY_MAX 512 /* a folded name of at most JR_PERSON_NAME_MAX bytes fits with room to spare \
	             */

/* U+00C0..U+00FF and U+0100..U+017F folded to one ASCII letter; '*' is folded to two letters
 * (special), '-' is no letter (×, ÷). */
static const char latin1[] = "aaaaaa*ceeeeiiiidnooooo-ouuuuy**aaaaaa*ceeeeiiiidnooooo-ouuuuy*y";
static const char latin_a[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkklllllll"
                              "lllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

_Static_assert(sizeof(latin1) == 0x100 - 0xC0 + 1, "one letter per code point U+00C0..U+00FF");
_Static_assert(sizeof(latin_a) == 0x180 - 0x100 + 1, "one letter per code point U+0100..U+017F");

/* Prefixes (tussenvoegsels) as they are folded: "'t" becomes "t", "d'" becomes "d". */
static const char *const prefixes[] = {
    "van", "de",  "der", "den", "het",  "t",    "ter",   "ten",   "te",  "in",
    "op",  "uit", "aan", "bij", "voor", "over", "onder", "tot",   "la",  "le",
    "les", "l",   "du",  "da",  "di",   "d",    "del",   "della", "des", "dos",
    "das", "von", "vom", "zu",  "zum",  "zur",  "am",    "auf",   "s",   NULL,
};

/* The next code point of UTF-8 text at *p (advanced); -1 when the text is not valid UTF-8. */
static long next_code_point(const unsigned char **p)
{
	const unsigned char *s = *p;
	long c;
	int more;

	if (s[0] < 0x80) {
		*p = s + 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		c = s[0] & 0x1F;
		more = 1;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		c = s[0] & 0x0F;
		more = 2;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		c = s[0] & 0x07;
		more = 3;
	} else {
		return -1;
	}
	for (int i = 1; i <= more; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((more == 2 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (more == 3 && (c < 0x10000 || c > 0x10FFFF)))
		return -1;
	*p = s + 1 + more;
	return c;
}

struct key {
	char text[KEY_MAX];
	size_t len;
	bool gap; /* a separator was seen since the last letter */
	bool full;
};

static void put(struct key *k, const char *s, size_t n)
{
	if (k->gap && k->len) {
		if (k->len + 1 >= sizeof(k->text)) {
			k->full = true;
			return;
		}
		k->text[k->len++] = ' ';
	}
	k->gap = false;
	if (k->len + n >= sizeof(k->text)) {
		k->full = true;
		return;
	}
	memcpy(k->text + k->len, s, n);
	k->len += n;
	k->text[k->len] = '\0';
}

/* The two letters of a special code point of the tables. */
static const char *pair_of(long c)
{
	switch (c) {
	case 0xC6:
	case 0xE6: return "ae";
	case 0xDE:
	case 0xFE: return "th";
	case 0xDF: return "ss";
	case 0x132:
	case 0x133: return "ij";
	case 0x152:
	case 0x153: return "oe";
	default: return "";
	}
}

/* Appends the folded letters of the n bytes at `s` to k; false when they are not valid UTF-8. */
static bool fold(struct key *k, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		const unsigned char *at = p;
		long c = next_code_point(&p);
		char letter;

		if (c < 0 || p > end)
			return false;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			letter = (char)c;
			put(k, &letter, 1);
		} else if (c >= 'A' && c <= 'Z') {
			letter = (char)(c - 'A' + 'a');
			put(k, &letter, 1);
		} else if (c >= 0xC0 && c < 0x180) {
			letter = c < 0x100 ? latin1[c - 0xC0] : latin_a[c - 0x100];
			if (letter == '*')
				put(k, pair_of(c), 2);
			else if (letter == '-')
				k->gap = true;
			else
				put(k, &letter, 1);
		} else if (c >= 0x300 && c <= 0x36F) {
			/* a combining diacritical mark: the letter before it counts without it */
		} else if (c < 0xC0 || (c >= 0x2B0 && c <= 0x2FF) || (c >= 0x2000 && c <= 0x206F)) {
			k->gap = true; /* spaces, punctuation, modifier letters such as ʼ */
		} else {
			put(k, (const char *)at, (size_t)(p - at)); /* another script: as written */
		}
	}
	return true;
}

static bool is_prefix(const char *word, size_t n)
{
	for (size_t i = 0; prefixes[i]; i++)
		if (strlen(prefixes[i]) == n && memcmp(prefixes[i], word, n) == 0)
			return true;
	return false;
}

bool jr_family_name_key(const char *name, char *out, size_t cap)
{
	struct key k = {.len = 0};
	const char *comma = strchr(name, ',');
	const char *core = k.text;
	size_t len;

	if (cap)
		out[0] = '\0';
	/* "Berg, van der": the part after the comma is the prefix and goes in front */
	if (comma && !fold(&k, comma + 1, strlen(comma + 1)))
		return false;
	k.gap = true;
	if (!fold(&k, name, comma ? (size_t)(comma - name) : strlen(name)) || k.full)
		return false;
	/* leave out the leading prefixes, never the last part */
	for (;;) {
		const char *space = strchr(core, ' ');
		if (!space || !is_prefix(core, (size_t)(space - core)))
			break;
		core = space + 1;
	}
	len = strlen(core);
	if (len + 1 > cap)
		return false;
	memcpy(out, core, len + 1);
	return true;
}

bool jr_family_name_same(const char *a, const char *b)
{
	char ka[KEY_MAX], kb[KEY_MAX];

	return jr_family_name_key(a, ka, sizeof(ka)) && jr_family_name_key(b, kb, sizeof(kb)) &&
	       ka[0] && strcmp(ka, kb) == 0;
}

/* The next word of a folded key at *p (advanced past it): its start and length; 0 at the end. */
static size_t next_word(const char **p, const char **word)
{
	const char *s = *p, *end;

	while (*s == ' ')
		s++;
	end = strchr(s, ' ');
	if (!end)
		end = s + strlen(s);
	*word = s;
	*p = end;
	return (size_t)(end - s);
}

bool jr_given_names_fit(const char *recorded, const char *stated)
{
	struct key r = {.len = 0}, g = {.len = 0};
	const char *rp = r.text, *gp = g.text, *rw, *gw;
	size_t rn, gn;
	bool whole = false;

	if (!recorded || !stated || !fold(&r, recorded, strlen(recorded)) ||
	    !fold(&g, stated, strlen(stated)) || r.full || g.full || !r.len || !g.len)
		return false;
	while ((gn = next_word(&gp, &gw)) > 0) {
		/* the next recorded word this stated word fits, in order */
		for (;;) {
			if ((rn = next_word(&rp, &rw)) == 0)
				return false;
			if (gn == 1 ? rw[0] == gw[0] : rn == gn && memcmp(rw, gw, gn) == 0)
				break;
		}
		whole = whole || gn > 1;
	}
	return whole;
}

unsigned jr_identity_mismatch(const struct jr_person *known, jr_day birth_date,
                              const char *family_name, const char *given_names)
{
	unsigned m = 0;

	if (!jr_given_names_fit(known->given_names, given_names))
		m |= JR_IDENTITY_GIVEN_NAMES;

	if (known->birth_date != birth_date)
		m |= JR_IDENTITY_BIRTH_DATE;
	if (!jr_family_name_same(known->family_name, family_name))
		m |= JR_IDENTITY_FAMILY_NAME;
	return m;
}

const char *jr_identity_mismatch_words(unsigned mismatch, char *out, size_t cap, bool *plural)
{
	static const struct {
		unsigned bit;
		const char *field, *words;
	} parts[] = {
	    {JR_IDENTITY_BIRTH_DATE, "birth_date", "de geboortedatum"},
	    {JR_IDENTITY_FAMILY_NAME, "family_name", "de achternaam"},
	    {JR_IDENTITY_GIVEN_NAMES, "given_names", "de voornamen"},
	};
	const char *first = NULL;
	size_t n = 0, count = 0, len;

	if (cap)
		out[0] = '\0';
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		count += (mismatch & parts[i].bit) != 0;
	*plural = count > 1 || mismatch == JR_IDENTITY_GIVEN_NAMES;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]) && cap; i++) {
		if (!(mismatch & parts[i].bit))
			continue;
		if (!first)
			first = parts[i].field;
		len = strlen(out);
		snprintf(out + len, cap - len, "%s%s",
		         n == 0 ? "" : n + 1 == count ? " en " : ", ", parts[i].words);
		n++;
	}
	if (cap && out[0])
		out[0] = (char)(out[0] - 'a' + 'A');
	return first;
}
