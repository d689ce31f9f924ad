/* referral: a referrer (GP, youth doctor, medical specialist) refers a child — the one road for
 * it, whatever the adapter.
 *
 * The referrer always says who the child is: BSN, given names, family name, birth date and
 * municipality, so that its form is the same whether the records know the child or not. A child
 * the records know must fit: the birth date, the family name and the given names
 * (core/identity.h) given with its BSN, or the referral is refused naming what does not fit and
 * nothing is written — a BSN alone opens nothing, and a mistyped BSN of a brother or sister (a
 * twin shares birth date and family name) does not fit either. The referral letter is required:
 * the question, how urgent, what was tried, and who consented (as the child's age asks:
 * core/referral_letter.h); nothing of it is assumed. A child
 * of the age limit (18) or older on the day of referral is refused with the route that applies
 * instead. The same organisation referring the same child to the same form on the same day gets
 * its first referral back, and a request repeated with its Idempotency-Key gets the referral the
 * key made. Every refusal is audited; a referral made writes the child (when new), a help
 * request of the child's municipality and the referral, in one part of the caller's transaction
 * (or a transaction of its own). */
#ifndef JR_APP_REFERRAL_H
#define JR_APP_REFERRAL_H

#include "core/buf.h"
#include "core/identity.h"
#include "core/person.h"
#include "store/store.h"

struct jr_policy_set;

/* A referrer's mismatches of birth date or family name for one child before it is refused
 * outright, whatever it sends, for a day: naming the field that does not fit must not become a
 * way to find a child's birth date by trying. */
#define JR_REFERRAL_MISMATCHES_MAX          5
#define JR_REFERRAL_MISMATCH_WINDOW_SECONDS (24 * 3600)

struct jr_referral_order {
	/* who the child is, always all of it */
	char bsn[10];
	char given_names[JR_PERSON_NAME_MAX];
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	char municipality[5]; /* CBS code; for a child the records know, theirs counts */
	/* what is asked */
	int form;
	char question[JR_TEXT_FIELD_MAX];
	/* the referral letter: urgency and consent codes (core/referral_letter.h, both
	 * required), and what was tried before (required) */
	char urgency[16];
	char tried[JR_TEXT_FIELD_MAX];
	char consent[24];
	jr_day on;                                        /* the day of referral (today) */
	char idempotency_key[JR_IDEMPOTENCY_KEY_MAX + 1]; /* "" = none */
	/* who refers */
	int64_t organisation_id;
	int referrer_type;  /* COD327 number */
	char raised_by[64]; /* the help request's source: gp, youth_health, … */
	char agb[9];
	char referrer_name[JR_PERSON_NAME_MAX];
	char source[12]; /* "api", … */
};

enum jr_referral_outcome {
	JR_REFERRAL_MADE,     /* a new referral, its help request, and the child when new */
	JR_REFERRAL_SAME_DAY, /* this organisation referred the child to this form today already */
	JR_REFERRAL_REPLAYED, /* the referral the same Idempotency-Key made before */
};

enum jr_referral_refusal {
	JR_REFUSED_FIELD,    /* a field is wrong: field and message */
	JR_REFUSED_MISMATCH, /* the birth date and/or the family name do not fit the BSN */
	JR_REFUSED_ADULT,    /* the age limit or older on the day of referral */
	JR_REFUSED_KEY,      /* the Idempotency-Key was used for another request */
	JR_REFUSED_TOO_MANY, /* JR_REFERRAL_MISMATCHES_MAX mismatches for this child within a day */
};

struct jr_referral_result {
	enum jr_referral_outcome outcome;
	struct jr_referral ref; /* the referral made or found again, judged by rule 7 */
	char given_names[JR_PERSON_NAME_MAX]; /* the child as the records hold it */
	char family_name[JR_PERSON_NAME_MAX];
	jr_day birth_date;
	/* when refused */
	enum jr_referral_refusal refusal;
	const char *field; /* the request field named first (JSON name, or "Idempotency-Key") */
	unsigned mismatch; /* JR_IDENTITY_* of a mismatch */
	char message[640]; /* Dutch, for the referrer; never a value the records hold */
};

/* Refers the child of `o` (see the top of this file); the explanation of rule 7 goes to `why`.
 * JR_OK with res->outcome; JR_ERR_REFUSED with res->refusal, field and message when it may not
 * be (nothing is written but the audit entry of the refusal); JR_ERR_INPUT when the order
 * lacks its referrer or source; JR_ERR_CONFLICT when another request made the same referral
 * at the same moment (try again: the answer is then that referral); other store errors. */
enum jr_err jr_app_referral_make(struct jr_store *s, const struct jr_actor *a,
                                 const struct jr_policy_set *set, const struct jr_referral_order *o,
                                 struct jr_referral_result *res, struct jr_buf *why);

/* ------------------------------------------------------------------------------------------
 * The referrer's own use cases (struct jr_app; the principal is the referrer)
 * ---------------------------------------------------------------------------------------- */
struct jr_app;

/* Who refers: the principal's organisation as a referrer. */
struct jr_referring_org {
	int64_t organisation_id;
	int type;            /* COD327 number */
	char raised_by[16];  /* the help request's source: gp, youth_health, … */
	char agb[9];
	char municipality[5];
	char name[JR_PERSON_NAME_MAX];
};

/* The principal as a referrer: JR_ERR_FORBIDDEN when its role may not refer, it belongs to no
 * organisation, or its organisation is no referrer (GP practice, youth health care, hospital,
 * local team or GI); JR_ERR_USAGE at the command line (no principal). */
enum jr_err jr_app_referrer(struct jr_app *app, struct jr_referring_org *out);

/* The principal's organisation refers the child of `o` (jr_app_referral_make): its fields as the
 * request gave them; who refers, the day and the source ("api") are filled in here. */
enum jr_err jr_app_referral_add(struct jr_app *app, const struct jr_referral_order *o,
				struct jr_referral_result *res, struct jr_buf *why);

/* Audits a referral refused for its field `field` before it reached jr_app_referral_add (a
 * field that could not be read): every refusal of a referral is audited. */
enum jr_err jr_app_referral_refused(struct jr_app *app, const char *field);

/* The referrals the principal's organisation made, newest first: a page of `limit` after
 * `offset`, each to `fn`; *total in all. */
enum jr_err jr_app_referrals_mine(struct jr_app *app, int64_t offset, int64_t limit,
				  jr_referral_row_fn fn, void *ctx, int64_t *total);

/* Referral `id` when the principal's organisation made it; another's and one that does not
 * exist are both JR_ERR_NOT_FOUND (both audited). */
enum jr_err jr_app_referral_mine(struct jr_app *app, int64_t id, struct jr_referral_row *out);

/* The referrals that led to help request `help_request_id`, with their letters and answers, for
 * the local team that holds the help request (reach as for reading it); each to fn. */
enum jr_err jr_app_referrals_of_help_request(struct jr_app *app, int64_t help_request_id,
					     jr_referral_row_fn fn, void *ctx);

/* Whether the principal may answer the referrer of referral `id`: a consulent who may change
 * the help request it led to (*help_request), asked before a body is read. Referrals taken
 * from a provider's message have no referrer here to answer: JR_ERR_NOT_FOUND as for none. */
enum jr_err jr_app_referral_answer_reach(struct jr_app *app, int64_t id, int64_t *help_request);

/* The local team answers the referrer of referral `id` with a short message (1 to
 * JR_REFERRAL_ANSWER_MAX bytes, text as every free text field): a consulent who may change the
 * help request the referral led to. The referrer sees it in its list, with the progress; *out
 * is the referral as it is now. */
enum jr_err jr_app_referral_answer(struct jr_app *app, int64_t id, const char *answer,
				   struct jr_referral_row *out);

#endif
