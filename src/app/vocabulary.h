/* vocabulary: the words the screens show, each with its code and its Dutch label, from where
 * their truth lives — so that no adapter (above all the browser UI) keeps a list of its own.
 *
 * Three sources:
 *   - the region's policy (a file in policy/, core/policy.h): the region, its municipalities and
 *     their regime, the forms of youth care from light to heavy, the regimes with their terms
 *     (intensities, frequencies), the light options (social base and help without referral),
 *     the referrer types in the region's words; and the routing engine's words (life domains,
 *     court measures, kinds of option);
 *   - the iJw standard's code lists (ijw/ijw_codes.h), as far as the records accept a code and
 *     it is in force on the day: reasons for ending care (JZ588), reasons for changing an
 *     allocation (JZ002), units (WJ756, with the word the records keep); and the places in a
 *     message that a problem with it names (header, client, line, …);
 *   - the records' own vocabulary: the steps of a help request, who raised it, whether goals
 *     were reached, a person's role in a household, a provider's status, the kinds of a timeline's events and of the
 *     organisations involved with a child, the signals, the roles and the kinds of organisation.
 *
 * Which region: the one of the municipality asked, else the region asked, else the region of
 * the principal's own municipality, else the only region when the program knows one; otherwise
 * none (the region's parts stay empty; `regions` names every region to ask for). Nothing here is
 * client data, and nothing is read from the records: any logged-in role may ask. */
#ifndef JR_APP_VOCABULARY_H
#define JR_APP_VOCABULARY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/err.h"
#include "core/policy.h"
#include "json/policy_set.h"
#include "store/store.h"

#define JR_VOCAB_WORDS_MAX 32 /* a list of the standard's or the records' words */

/* One word: its code as the API and the records use it, and its Dutch label. Both point into
 * static tables or into the policy, which outlive the vocabulary. */
struct jr_vocab_word {
	const char *code;
	const char *label;
};

/* A list of words. */
struct jr_vocab_list {
	struct jr_vocab_word items[JR_VOCAB_WORDS_MAX];
	size_t count;
};

struct jr_vocab_municipality {
	const char *code; /* CBS code */
	const char *label;
	const char *regime; /* enum jr_regime's name */
};

/* A form of youth care, in the policy's light-to-heavy order (form 1 is the lightest). */
struct jr_vocab_form {
	int number;
	const char *label; /* the policy's name */
	const char *setting, *setting_label;
	const char *contracting, *contracting_label;
};

struct jr_vocab_regime {
	const char *code; /* enum jr_regime's name */
	const char *label;
	const char *description; /* the policy's; "" when it gives none */
	const char (*terms)[JR_ID_MAX]; /* result: intensities (OB1…); product: frequencies */
	size_t term_count;
};

/* A light option: an offer of the social base or of help without referral. */
struct jr_vocab_offer {
	const char *code; /* the policy's id */
	const char *label;
	const char *kind; /* "social_base" or "no_referral" */
	const char *category, *category_label;
	unsigned needs; /* 1u << enum jr_need */
};

/* A referrer type (COD327) as the region names it, with the forms it may refer to. */
struct jr_vocab_referrer {
	const char *code;
	const char *label;
	unsigned forms; /* 1u << form number */
};

/* A step of a help request, and the one that follows it (NULL after the last). */
struct jr_vocab_state {
	const char *code;
	const char *label;
	const char *next;
};

/* A unit as the records keep it ("uur"), its WJ756 code and the standard's text. */
struct jr_vocab_unit {
	const char *code;
	const char *label;
	const char *ijw;
};

struct jr_vocabulary {
	/* the region */
	const struct jr_policy *region; /* NULL when none applies */
	char municipality[5];           /* the municipality asked or the principal's own; "" */
	struct jr_vocab_word regions[JR_POLICY_SET_MAX]; /* every region: id and name */
	size_t region_count;
	struct jr_vocab_municipality municipalities[JR_MUNICIPALITY_MAX];
	size_t municipality_count;
	struct jr_vocab_form forms[JR_FORM_COUNT];
	size_t form_count;
	struct jr_vocab_regime regimes[JR_REGIME_COUNT];
	size_t regime_count;
	struct jr_vocab_offer light_options[2 * JR_OFFER_MAX];
	size_t light_option_count;
	struct jr_vocab_referrer referrer_types[JR_REFERRER_CODES];
	size_t referrer_type_count;
	/* the routing engine's words */
	struct jr_vocab_list needs;
	int need_max_level;
	struct jr_vocab_list measures;
	struct jr_vocab_list authorisations; /* the judge's, beside a measure (principle 8) */
	struct jr_vocab_list option_kinds;
	struct jr_vocab_list family_context;    /* the request's family_context (principle 6) */
	struct jr_vocab_list other_domain_help; /* an other_domain option's help (principle 6) */
	/* the iJw standard's */
	struct jr_vocab_list end_reasons;    /* JZ588 */
	struct jr_vocab_list change_reasons; /* JZ002 */
	struct jr_vocab_unit units[JR_VOCAB_WORDS_MAX];
	size_t unit_count;
	struct jr_vocab_list ijw_places; /* where in a message a problem is */
	/* the records' own */
	struct jr_vocab_state help_request_states[JR_HR_STATE_COUNT];
	size_t help_request_state_count;
	struct jr_vocab_list raised_by;
	struct jr_vocab_list goals_reached;
	struct jr_vocab_list household_roles;
	struct jr_vocab_list provider_statuses;
	struct jr_vocab_list evaluation_kinds;  /* interim, closing (core/course.h) */
	struct jr_vocab_list event_kinds;       /* a timeline's events (store_timeline.c) */
	struct jr_vocab_list involvement_kinds; /* who is involved (store_involvement.c) */
	struct jr_vocab_list signals;           /* the public signal codes */
	struct jr_vocab_list roles;
	struct jr_vocab_list organisation_kinds;
};

/* Fills *out with the words for principal `p` on day `today` (the day decides which codes of
 * the standard are in force). `municipality` (a CBS code) or `region` (a policy's id) chooses
 * the region; both NULL: as the header says. JR_ERR_NOT_FOUND, with *bad_field naming
 * "municipality" or "region", when no region holds the municipality or has that id; *out is then
 * as empty as a vocabulary without a region. */
enum jr_err jr_app_vocabulary(const struct jr_policy_set *set, const struct jr_principal *p,
			      const char *municipality, const char *region, jr_day today,
			      struct jr_vocabulary *out, const char **bad_field);

#endif
