/* why: the sentences that explain each decision to a consulent, in Dutch.
 *
 * The engine records which rule decided (enum jr_why) and the facts it used; these functions turn
 * that into text, naming the rule and the policy key. Kept apart from the engine so that routing
 * itself never formats strings. Every function appends to `b` (see buf.h). */
#ifndef JR_CORE_WHY_H
#define JR_CORE_WHY_H

#include "core/buf.h"
#include "core/route.h"

/* The display name of an option: the offer's or form's name from the policy, or the name of
 * coordination. */
const char *jr_option_name(const struct jr_answer *a, const struct jr_option *o);

enum jr_err jr_why_option(struct jr_buf *b, const struct jr_answer *a, const struct jr_option *o);
enum jr_err jr_why_signal(struct jr_buf *b, const struct jr_answer *a, const struct jr_signal *s);
enum jr_err jr_why_warning(struct jr_buf *b, const struct jr_answer *a, enum jr_warning w);
/* Why the request is not eligible (only meaningful when !a->eligible). */
enum jr_err jr_why_eligibility(struct jr_buf *b, const struct jr_answer *a);
/* The referral check's explanation (only meaningful when a->has_referral_check). */
enum jr_err jr_why_referral(struct jr_buf *b, const struct jr_answer *a);
/* Why a->municipality is responsible for the child (rule 13, woonplaatsbeginsel). */
enum jr_err jr_why_responsible(struct jr_buf *b, const struct jr_answer *a);

#endif
