/* referral_letter: the words of a referral letter that are the system's, not a region's — how
 * urgent the referral is and who consented to it — each a code the records keep and the Dutch
 * label the screens show (served by GET /api/v1/referrals/choices), and the check of a letter's
 * consent against the child's age. */
#ifndef JR_CORE_REFERRAL_LETTER_H
#define JR_CORE_REFERRAL_LETTER_H

#include <stddef.h>

/* One word: its code and its Dutch label. */
struct jr_referral_word {
	const char *code;
	const char *label;
};

/* How urgent a referral is: "regular", "soon", "urgent". */
extern const struct jr_referral_word jr_referral_urgencies[];
extern const size_t jr_referral_urgency_count;

/* Who consented to the referral: "parents", "youth", "parents_and_youth". */
extern const struct jr_referral_word jr_referral_consents[];
extern const size_t jr_referral_consent_count;

/* The label of `code` among the `n` words, NULL when it is none of them. */
const char *jr_referral_word_label(const struct jr_referral_word *words, size_t n,
                                   const char *code);

/* Whether the consent `code` suffices for a child of `age` years (the WGBO's ages, which the
 * Jeugdwet follows: under 12 the parents, from 12 to 15 the parents and the youth, from 16 the
 * youth). NULL when it does; else a Dutch sentence saying whose consent is needed. */
const char *jr_referral_consent_problem(const char *code, int age);

#endif
