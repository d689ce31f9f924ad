/* referral_letter: the urgencies and consents of a referral letter (referral_letter.h). */
#include "core/referral_letter.h"

#include <stdbool.h>
#include <string.h>

const struct jr_referral_word jr_referral_urgencies[] = {
    {"regular", "Regulier: binnen de gewone termijn"},
    {"soon", "Met voorrang: binnen een week"},
    {"urgent", "Spoed: vandaag of morgen contact"},
};
const size_t jr_referral_urgency_count =
    sizeof(jr_referral_urgencies) / sizeof(jr_referral_urgencies[0]);

const struct jr_referral_word jr_referral_consents[] = {
    {"parents", "De ouders of gezaghebbers"},
    {"youth", "De jeugdige zelf"},
    {"parents_and_youth", "De ouders of gezaghebbers en de jeugdige"},
};
const size_t jr_referral_consent_count =
    sizeof(jr_referral_consents) / sizeof(jr_referral_consents[0]);

const char *jr_referral_word_label(const struct jr_referral_word *words, size_t n, const char *code)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(words[i].code, code) == 0)
			return words[i].label;
	return NULL;
}

const char *jr_referral_consent_problem(const char *code, int age)
{
	bool parents = strcmp(code, "parents") == 0 || strcmp(code, "parents_and_youth") == 0;
	bool youth = strcmp(code, "youth") == 0 || strcmp(code, "parents_and_youth") == 0;

	if (age < 12 && !parents)
		return "een kind jonger dan 12 jaar wordt verwezen met toestemming van de ouders "
		       "of "
		       "gezaghebbers";
	if (age >= 12 && age < 16 && !(parents && youth))
		return "een jeugdige van 12 tot en met 15 jaar wordt verwezen met toestemming van "
		       "de "
		       "ouders of gezaghebbers én van de jeugdige zelf";
	if (age >= 16 && !youth)
		return "een jeugdige van 16 jaar of ouder geeft zelf toestemming voor de "
		       "verwijzing";
	return NULL;
}
