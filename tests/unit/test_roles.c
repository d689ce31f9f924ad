/* Unit tests for core/roles.c: the table of roles and the organisation kinds they belong to,
 * and the reasons given when they do not fit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/roles.h"

static void test_every_role_and_kind(void **state)
{
	(void)state;
	/* one row per role: the kinds it fits, "" for no organisation */
	static const struct {
		const char *role;
		const char *fits;
	} table[] = {
		{"consulent", "local_team"},
		{"verwijzer", "gp_practice youth_health hospital"},
		{"gi", "gi"},
		{"provider", "provider"},
		{"contract_manager", "regional_office -"},
		{"policy", "regional_office -"},
		{"admin", "-"},
	};
	static const char *const kinds[] = {"local_team", "gp_practice", "youth_health",
					    "hospital", "gi", "provider",
					    "regional_office", "expert_team", ""};
	for (size_t r = 0; r < sizeof(table) / sizeof(table[0]); r++) {
		assert_true(jr_role_known(table[r].role));
		for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			char word[32];
			const char *at;
			bool listed = false;
			snprintf(word, sizeof(word), "%s", kinds[k][0] ? kinds[k] : "-");
			for (at = strstr(table[r].fits, word); at; at = strstr(at + 1, word))
				listed |= (at == table[r].fits || at[-1] == ' ') &&
					  (at[strlen(word)] == ' ' || at[strlen(word)] == '\0');
			if (jr_role_fits(table[r].role, kinds[k]) != listed)
				fail_msg("%s at '%s': expected %s", table[r].role, kinds[k],
					 listed ? "fits" : "does not fit");
		}
	}
	assert_false(jr_role_known("ouder"));
	assert_false(jr_role_known(""));
	assert_false(jr_role_fits("ouder", ""));
	assert_false(jr_role_fits("consulent", "gemeente"));
}

static void test_reasons_name_the_field(void **state)
{
	(void)state;
	char why[240];
	/* the finding: a consulent at a GP practice */
	assert_string_equal(jr_role_misfit("consulent", "gp_practice", why, sizeof(why)), "role");
	assert_string_equal(why, "een consulent werkt bij een lokaal team, niet bij een "
				 "huisartsenpraktijk; kies een andere rol of een andere organisatie");
	assert_string_equal(jr_role_misfit("consulent", "", why, sizeof(why)), "organisation_id");
	assert_string_equal(why, "een consulent werkt bij een lokaal team; kies de organisatie");
	assert_string_equal(jr_role_misfit("admin", "local_team", why, sizeof(why)),
			    "organisation_id");
	assert_string_equal(why, "een beheerder hoort bij geen organisatie; laat de organisatie leeg");
	assert_string_equal(jr_role_misfit("verwijzer", "local_team", why, sizeof(why)), "role");
	assert_non_null(strstr(why, "een huisartsenpraktijk, de jeugdgezondheidszorg of een "
				    "ziekenhuis, niet bij een lokaal team"));
	assert_string_equal(jr_role_misfit("policy", "gi", why, sizeof(why)), "role");
	assert_non_null(strstr(why, "een regionaal bureau of bij geen organisatie, niet bij een "
				    "gecertificeerde instelling"));
	assert_string_equal(jr_role_misfit("ouder", "", why, sizeof(why)), "role");
	assert_non_null(strstr(why, "onbekende rol"));
	/* they fit: NULL and an empty reason */
	assert_null(jr_role_misfit("gi", "gi", why, sizeof(why)));
	assert_string_equal(why, "");
	assert_null(jr_role_misfit("policy", "", why, sizeof(why)));
	/* a small buffer is cut, never overrun */
	char small[10];
	assert_string_equal(jr_role_misfit("consulent", "hospital", small, sizeof(small)), "role");
	assert_int_equal(strlen(small), 9);
	assert_string_equal(jr_role_misfit("consulent", "hospital", small, 0), "role");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_role_and_kind),
		cmocka_unit_test(test_reasons_name_the_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
