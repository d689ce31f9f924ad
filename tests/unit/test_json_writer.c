/* Unit tests for json/json_writer: commas and nesting put by the writer, every string escaped
 * (also bytes that are not UTF-8), and the first mistake kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "json/json_writer.h"

static void test_nesting_and_commas(void **state)
{
	struct jr_buf b;
	struct jr_json_writer w;
	json_error_t e;
	json_t *doc;

	(void)state;
	jr_buf_init(&b, 1 << 16);
	jr_jw_init(&w, &b);
	jr_jw_object(&w);
	jr_jw_kint(&w, "id", 42);
	jr_jw_kstring(&w, "name", "Sanne de Vries");
	jr_jw_kbool(&w, "demo", false);
	jr_jw_kdate(&w, "born", jr_date_from_ymd(2015, 4, 2), true);
	jr_jw_kdate(&w, "ended", 0, false);
	jr_jw_key(&w, "share");
	jr_jw_fixed(&w, 0.4567, 3);
	jr_jw_key(&w, "items");
	jr_jw_array(&w);
	for (int i = 0; i < 3; i++) {
		jr_jw_object(&w);
		jr_jw_kint(&w, "n", i);
		jr_jw_end(&w);
	}
	jr_jw_end(&w);
	jr_jw_key(&w, "nested");
	jr_jw_raw(&w, "{\"a\":[1,2]}");
	jr_jw_kstring(&w, "none", NULL);
	jr_jw_end(&w);
	assert_int_equal(jr_jw_finish(&w), JR_OK);
	assert_string_equal(jr_buf_str(&b),
			    "{\"id\":42,\"name\":\"Sanne de Vries\",\"demo\":false,"
			    "\"born\":\"2015-04-02\",\"ended\":null,\"share\":0.457,"
			    "\"items\":[{\"n\":0},{\"n\":1},{\"n\":2}],\"nested\":{\"a\":[1,2]},"
			    "\"none\":null}");
	doc = json_loads(jr_buf_str(&b), 0, &e);
	assert_non_null(doc);
	json_decref(doc);
	jr_buf_release(&b);
}

/* Every string escaped: quotes, backslashes, control characters, the line separators of
 * JavaScript, and bytes that are not UTF-8 (as U+FFFD): the result always parses. */
static void test_strings_escaped(void **state)
{
	static const char *const nasty[] = {
		"\"quoted\" \\ back", "line\nbreak\ttab\rcr", "bell\x07 del\x7f",
		"sep\xe2\x80\xa8para\xe2\x80\xa9", "bad \xff\xfe byte", "cut \xe2\x80",
		"overlong \xc0\xaf", "surrogate \xed\xa0\x80", "Zo\xc3\xab \xf0\x9f\x98\x80",
	};
	struct jr_buf b;
	json_error_t e;

	(void)state;
	jr_buf_init(&b, 1 << 16);
	for (size_t i = 0; i < sizeof(nasty) / sizeof(nasty[0]); i++) {
		json_t *doc;
		jr_buf_reset(&b);
		assert_int_equal(jr_json_put_string(&b, nasty[i]), JR_OK);
		doc = json_loads(jr_buf_str(&b), JSON_DECODE_ANY, &e);
		assert_non_null(doc);
		assert_true(json_is_string(doc));
		json_decref(doc);
	}
	jr_buf_reset(&b);
	assert_int_equal(jr_json_put_string(&b, "a\"b\\c\n\x01\xe2\x80\xa8\xff"), JR_OK);
	assert_string_equal(jr_buf_str(&b), "\"a\\\"b\\\\c\\n\\u0001\\u2028\\ufffd\"");
	jr_buf_reset(&b);
	assert_int_equal(jr_json_put_string(&b, "Zo\xc3\xab"), JR_OK);
	assert_string_equal(jr_buf_str(&b), "\"Zo\xc3\xab\"");
	jr_buf_release(&b);
}

/* The fast scan agrees with the escaping byte for byte: clean text is copied as it is, and
 * anything after a long clean run (past the eight-byte steps) is still found. */
static void test_clean_len(void **state)
{
	(void)state;
	assert_int_equal(jr_json_clean_len("", 0), 0);
	assert_int_equal(jr_json_clean_len("plain text of some length", 25), 25);
	assert_int_equal(jr_json_clean_len("Zo\xc3\xab \xf0\x9f\x98\x80 ok", 12), 12);
	assert_int_equal(jr_json_clean_len("0123456789abcdef\"tail", 21), 16);
	assert_int_equal(jr_json_clean_len("0123456789abcde\\", 16), 15);
	assert_int_equal(jr_json_clean_len("0123456789abcdefghij\x7f", 21), 20);
	assert_int_equal(jr_json_clean_len("0123456789\x1f", 11), 10);
	assert_int_equal(jr_json_clean_len("01234567\xe2\x80\xa8", 11), 8);
	assert_int_equal(jr_json_clean_len("0123456\xc3", 8), 7); /* cut short */
	assert_int_equal(jr_json_clean_len("abc\xed\xa0\x80", 6), 3); /* a surrogate */
}

/* A string whose text a renderer appends itself is escaped like any other, in place. */
static void test_text_in_place(void **state)
{
	static const char *const texts[] = {"plain", "", "a \"quote\" and a \\ here",
					     "bad \xff byte, line\nbreak"};
	struct jr_buf b, scratch, want;
	struct jr_json_writer w;

	(void)state;
	jr_buf_init(&b, 1 << 16);
	jr_buf_init(&scratch, 1 << 16);
	jr_buf_init(&want, 1 << 16);
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		size_t start;
		jr_buf_reset(&b);
		jr_buf_reset(&want);
		jr_jw_init(&w, &b);
		jr_jw_array(&w);
		jr_jw_int(&w, -12);
		start = jr_jw_text_begin(&w);
		jr_jw_text_end(&w, start, jr_buf_puts(&b, texts[i]), &scratch);
		jr_jw_end(&w);
		assert_int_equal(jr_jw_finish(&w), JR_OK);
		jr_buf_puts(&want, "[-12,");
		jr_json_put_string(&want, texts[i]);
		jr_buf_puts(&want, "]");
		assert_string_equal(jr_buf_str(&b), jr_buf_str(&want));
	}
	/* the renderer's own error sticks */
	jr_buf_reset(&b);
	jr_jw_init(&w, &b);
	jr_jw_text_end(&w, jr_jw_text_begin(&w), JR_ERR_TOO_BIG, &scratch);
	assert_int_equal(jr_jw_finish(&w), JR_ERR_TOO_BIG);
	jr_buf_release(&b);
	jr_buf_release(&scratch);
	jr_buf_release(&want);
}

/* A mistake sticks, and every later call is a no-op. */
static void test_mistakes_kept(void **state)
{
	struct jr_buf b;
	struct jr_json_writer w;

	(void)state;
	jr_buf_init(&b, 1 << 16);
	jr_jw_init(&w, &b);
	jr_jw_object(&w);
	jr_jw_int(&w, 1); /* a value where a key is due */
	jr_jw_end(&w);
	assert_int_equal(jr_jw_finish(&w), JR_ERR_INTERNAL);
	jr_buf_reset(&b);
	jr_jw_init(&w, &b);
	jr_jw_array(&w);
	jr_jw_key(&w, "x"); /* a key in an array */
	assert_int_equal(jr_jw_finish(&w), JR_ERR_INTERNAL);
	jr_buf_reset(&b);
	jr_jw_init(&w, &b);
	jr_jw_object(&w);
	assert_int_equal(jr_jw_finish(&w), JR_ERR_INTERNAL); /* still open */
	jr_jw_end(&w);
	jr_jw_end(&w); /* one end too many */
	assert_int_equal(jr_jw_finish(&w), JR_ERR_INTERNAL);
	/* a full buffer */
	jr_buf_release(&b);
	jr_buf_init(&b, 16);
	jr_jw_init(&w, &b);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "long", "more than sixteen bytes of text");
	jr_jw_end(&w);
	assert_int_equal(jr_jw_finish(&w), JR_ERR_TOO_BIG);
	jr_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nesting_and_commas),
		cmocka_unit_test(test_strings_escaped),
		cmocka_unit_test(test_mistakes_kept),
		cmocka_unit_test(test_clean_len),
		cmocka_unit_test(test_text_in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
