/* Unit tests for core/text: free text from outside is valid UTF-8 without control characters
 * and without the invisible format characters that make text display as something else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/text.h"

static void test_plain_text(void **state)
{
	(void)state;
	assert_true(jr_text_valid("Sanne de Vries", 100, false));
	assert_true(jr_text_valid("Zoë Çelik-Ørsted", 100, false));
	assert_true(jr_text_valid("Eerste regel\nTweede\tregel", 100, true));
	assert_false(jr_text_valid("Eerste regel\nTweede", 100, false));
	assert_false(jr_text_valid("", 100, false));
	assert_false(jr_text_valid("te lang", 7, false));
	/* non-breaking space, soft hyphen and the joiners stay allowed */
	assert_true(jr_text_valid("Jan\xc2\xa0" "de\xc2\xad" "Vries", 100, false));
	assert_true(jr_text_valid("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7", 100, false));
}

static void test_control_characters(void **state)
{
	(void)state;
	assert_false(jr_text_valid("a\x01z", 100, true));
	assert_false(jr_text_valid("a\x7fz", 100, true));
	/* C1 controls: U+0080, U+0085 (next line), U+009F */
	assert_false(jr_text_valid("a\xc2\x80z", 100, true));
	assert_false(jr_text_valid("a\xc2\x85z", 100, true));
	assert_false(jr_text_valid("a\xc2\x9fz", 100, true));
}

/* Issue 11, finding 10: bidirectional overrides, embeddings and isolates (U+202A–U+202E,
 * U+2066–U+2069) were accepted in free text, so a name or note could display as another. */
static void test_format_characters(void **state)
{
	static const char *const refused[] = {
		"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
		"\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9", /* U+2066..2069 */
		"\xe2\x80\x8e", "\xe2\x80\x8f", "\xd8\x9c",                     /* LRM, RLM, ALM */
		"\xe2\x80\xa8", "\xe2\x80\xa9",                                 /* LS, PS */
		"\xef\xbb\xbf", "\xef\xbf\xb9",                                 /* BOM, U+FFF9 */
	};
	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		char text[32];
		snprintf(text, sizeof(text), "Jan%sde Vries", refused[i]);
		assert_false(jr_text_valid(text, 100, false));
		assert_false(jr_text_valid(text, 100, true));
	}
}

static void test_malformed_utf8(void **state)
{
	(void)state;
	assert_false(jr_text_valid("\xc0\xaf", 100, false));         /* overlong */
	assert_false(jr_text_valid("\xe0\x80\xaf", 100, false));     /* overlong */
	assert_false(jr_text_valid("\xed\xa0\x80", 100, false));     /* surrogate */
	assert_false(jr_text_valid("\xf4\x90\x80\x80", 100, false)); /* above U+10FFFF */
	assert_false(jr_text_valid("\xe2\x80", 100, false));         /* cut short */
	assert_true(jr_text_valid("\xf0\x9f\x98\x80", 100, false));  /* an emoji */
	assert_int_equal(jr_text_chars("Zoë"), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_control_characters),
		cmocka_unit_test(test_format_characters),
		cmocka_unit_test(test_malformed_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
