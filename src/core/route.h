/* route: the routing decision. For one child in one municipality: which help fits, as light and
 * close as possible and as heavy as needed, who may refer to it, under which framework, and who
 * contracts it.
 *
 * jr_route() is a pure function of (policy, request): no I/O, no allocation, no globals. Its answer
 * records *what* was decided and *which rule* decided it (enum jr_why with arguments); why.c turns
 * that into sentences a consulent reads. The rules themselves live in rules.c. */
#ifndef JR_CORE_ROUTE_H
#define JR_CORE_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "core/err.h"
#include "core/policy.h"

#define JR_HISTORY_MAX 64
#define JR_OPTIONS_MAX 40
#define JR_SIGNALS_MAX 16
#define JR_WARNINGS_MAX 8
#define JR_REQUEST_ID_MAX 65

enum jr_outcome { JR_OUTCOME_POSITIVE, JR_OUTCOME_NEGATIVE, JR_OUTCOME_NEUTRAL, JR_OUTCOME_COUNT };

struct jr_history_item {
	int form; /* 0 = social base, 1..10 = form of youth care */
	enum jr_outcome outcome;
	jr_day start;
	jr_day end; /* valid when !ongoing */
	bool ongoing;
};

/* A routing request, checked by its adapter: every value is in range, dates are real dates. */
struct jr_request {
	char id[JR_REQUEST_ID_MAX]; /* optional caller's id, echoed in the answer ("" = none) */
	char municipality[5];
	jr_day birth_date;
	jr_day date;
	unsigned char needs[JR_NEED_COUNT]; /* 0..4 */
	unsigned flags;                     /* JR_FLAG_BIT mask */
	unsigned family_context; /* 1u << enum jr_family_context: the parents' own problems */
	enum jr_measure measure;
	bool broad_analysis;
	bool has_waiting_since;
	jr_day waiting_since;
	size_t history_count;
	struct jr_history_item history[JR_HISTORY_MAX];
	bool has_referrer;
	int referrer_type; /* COD327 number, 1..8 */
	char agb[9];       /* "" when absent */
	/* principle 13: CBS code of the municipality where the child lived just before a stay
	 * that runs now ("" = none); responsible only while the history holds a running stay */
	char residence_before_stay[5];
	unsigned authorisations; /* JR_AUTH_BIT mask: the judge's authorisations in force */
};

enum jr_option_kind {
	JR_OPTION_SOCIAL_BASE,
	JR_OPTION_NO_REFERRAL,
	JR_OPTION_COORDINATION,
	JR_OPTION_YOUTH_CARE,
	JR_OPTION_OTHER_DOMAIN, /* principle 6: help for the parent or family from another domain */
	JR_OPTION_KIND_COUNT
};

enum jr_framework { JR_FRAMEWORK_VOLUNTARY, JR_FRAMEWORK_COMPULSORY };

/* What an option needs before a referral or allocation can go ahead. */
enum jr_require {
	JR_REQUIRE_BROAD_ANALYSIS = 1u << 0,
	JR_REQUIRE_RESULT_DESCRIPTION = 1u << 1,
	JR_REQUIRE_PRODUCT_CODE = 1u << 2,
	JR_REQUIRE_COURT_ORDER = 1u << 3,
};

/* The reason behind a decision; why.c holds one sentence per value. */
enum jr_why {
	JR_WHY_NONE,
	/* options */
	JR_WHY_SB_NORMALISE,     /* rule 1: social base only */
	JR_WHY_SB_FIRST,         /* moderate needs: social base first */
	JR_WHY_SB_SUPPORT,       /* rule 2: beside youth care, never alone */
	JR_WHY_NR_FIRST,         /* rule 12: no-referral offers first */
	JR_WHY_NR_SUPPORT,       /* rule 12: no-referral offer beside youth care */
	JR_WHY_COORD_HOPPING,    /* rule 9 */
	JR_WHY_COORD_COMPLEX,    /* regie: several domains or safety */
	JR_WHY_YC_INDICATED,     /* rule 2: the policy's indication for the form matches */
	JR_WHY_YC_FALLBACK,      /* rule 2: youth care needed, no form indicated: the lightest */
	JR_WHY_YC_SPECIALIST,    /* rule 3 */
	JR_WHY_YC_NEXT_STEP,     /* moderate needs: youth care if the social base is not enough */
	JR_WHY_YC_SUPPLEMENTARY, /* rule 12: youth care supplementary, generic referral */
	JR_WHY_YC_CRISIS,        /* rule 4 */
	JR_WHY_YC_MEASURE,       /* rule 5: the measure itself */
	JR_WHY_YC_SECURE,        /* rule 5: secure care with authorisation */
	JR_WHY_YC_HOME_FIRST,    /* rule 10: the intensive ambulant alternative */
	JR_WHY_YC_STAY,          /* rule 10: out-of-home after the alternative */
	JR_WHY_YC_PROBATION_ADULT, /* rule 11: 18+ juvenile probation */
	/* eligibility */
	JR_WHY_INELIGIBLE_ADULT,    /* rule 11: 18..22 without continuation */
	JR_WHY_INELIGIBLE_TOO_OLD,  /* rule 11: 23 or older */
	/* signals */
	JR_WHY_SIG_HOPPING,
	JR_WHY_SIG_CRISIS_FOLLOWUP,
	JR_WHY_SIG_SAFETY,
	JR_WHY_SIG_ESCALATE,
	JR_WHY_SIG_CONTINUATION,
	JR_WHY_SIG_WAITING,
	JR_WHY_SIG_BROAD_ANALYSIS,
	JR_WHY_SIG_BROAD_ANALYSIS_AFTER, /* rule 8: a legal route, the analysis afterwards */
	JR_WHY_SIG_CONNECT, /* rule 12: connect to help already in place */
	/* referral check */
	JR_WHY_RC_VALID,
	JR_WHY_RC_NO_YOUTH_CARE,
	JR_WHY_RC_SELF,
	JR_WHY_RC_NOT_FOR_FORM,
	JR_WHY_RC_MEASURE_ONLY,
	JR_WHY_RC_AGB_MISSING,
	JR_WHY_RC_AGB_FORBIDDEN,
	JR_WHY_RC_UNKNOWN,
	/* issue 13: as a professional would decide */
	JR_WHY_YC_CONTINUE,        /* principle 4: running care continues, first */
	JR_WHY_YC_CONTINUE_FOSTER, /* principle 4: foster care continues after 18 */
	JR_WHY_YC_WARD_FAMILY,     /* principle 2: a ward grows up in a family */
	JR_WHY_YC_STEP_UP,         /* principle 7: not the same form again after it failed */
	JR_WHY_COORD_EXPERT_TEAM,  /* principle 7: a complex case, the regional expert team */
	JR_WHY_SIG_NEW_ANALYSIS,   /* principle 7: after repeated failure, a new analysis */
	/* responsible municipality (rule 13, principle 13) */
	JR_WHY_RESP_RESIDENCE,    /* where the child lives by the BRP */
	JR_WHY_RESP_BEFORE_STAY,  /* where it lived just before the running stay */
	JR_WHY_YC_URGENT_MENTAL_HEALTH, /* principle 9: acute psychiatric crisis, urgent specialist */
	JR_WHY_COORD_GI, /* rule 5: under an OTS the GI coordinates, the local team supports */
	/* issue 13, principles 6 and 14 */
	JR_WHY_OTHER_DOMAIN, /* another domain's help for the parent or family, not youth care */
	JR_WHY_SB_DOMAIN,    /* a need the policy maps to the social base or another domain
			      * reaches youth_care_min, and nothing makes youth care necessary */
	JR_WHY_COUNT
};

enum jr_signal_code {
	JR_SIGNAL_HOPPING,
	JR_SIGNAL_CRISIS_FOLLOWUP,
	JR_SIGNAL_SAFETY,
	JR_SIGNAL_ESCALATE,
	JR_SIGNAL_CONTINUATION,
	JR_SIGNAL_WAITING,
	JR_SIGNAL_BROAD_ANALYSIS,
	JR_SIGNAL_BROAD_ANALYSIS_AFTER,
	JR_SIGNAL_CONNECT,
	JR_SIGNAL_NEW_BROAD_ANALYSIS, /* principle 7 */
	JR_SIGNAL_COUNT
};

enum jr_warning {
	JR_WARN_VEILIG_THUIS,         /* rule 5: unsafe without a measure */
	JR_WARN_SECURE_NOT_OFFERED,   /* rule 5: secure care would fit but there is no authorisation */
	JR_WARN_OFFENCE_NO_MEASURE,   /* an offence without juvenile probation */
	JR_WARN_ADULT_PROBATION_ONLY, /* rule 11: 18+ without youth care begun before 18: of the
	                               * Jeugdwet only juvenile probation applies */
	JR_WARN_OTS_NO_UITHUISPLAATSING, /* rule 5: a stay under an OTS needs the judge's machtiging
	                                  * uithuisplaatsing, which is not there */
	JR_WARN_COUNT
};

struct jr_option {
	enum jr_option_kind kind;
	int form;                    /* youth care: 1..10; else 0 */
	const struct jr_offer *offer; /* social base / no-referral: the offer */
	bool referral_required;
	unsigned referrers; /* 1u << COD327 number */
	enum jr_contracting contracting;
	bool has_regime; /* local youth care */
	enum jr_regime regime;
	const char *jz020; /* youth care: points into the policy */
	unsigned requires;  /* enum jr_require mask */
	enum jr_why why;
	unsigned why_needs; /* needs (1u << enum jr_need) that led here */
	unsigned why_flags; /* flags that led here */
	int why_form;       /* a related form (e.g. the stay form a home-first option precedes) */
	enum jr_other_help other; /* other domain: which help */
	unsigned why_context;     /* family context (1u << enum jr_family_context) that led here */
};

struct jr_signal {
	enum jr_signal_code code;
	enum jr_why why;
	int count; /* hopping: negative endings; escalate: the failed form; waiting: days */
	jr_day day; /* crisis follow-up: due date; escalate: when it ended */
};

enum jr_age_status {
	JR_AGE_YOUTH,          /* under the age limit: Jeugdwet */
	JR_AGE_CONTINUATION,   /* 18..22, continuing care that began before 18 */
	JR_AGE_PROBATION_ONLY, /* 18..22, juvenile probation only */
	JR_AGE_INELIGIBLE,
};

struct jr_answer {
	const struct jr_policy *policy;
	const struct jr_municipality *municipality;
	const struct jr_request *request;
	int age;
	enum jr_age_status age_status;
	bool eligible;
	enum jr_why why; /* when !eligible */
	enum jr_framework framework;
	size_t option_count;
	struct jr_option options[JR_OPTIONS_MAX];
	size_t signal_count;
	struct jr_signal signals[JR_SIGNALS_MAX];
	size_t warning_count;
	enum jr_warning warnings[JR_WARNINGS_MAX];
	bool has_referral_check;
	bool referral_valid;
	enum jr_why referral_why;
	int referral_form; /* the recommended youth-care form the check is about (0 = none) */
	/* principle 13: `municipality` above is the responsible one; why (JR_WHY_RESP_*), and
	 * for a stay the running stay it follows from */
	enum jr_why responsible_why;
	const struct jr_history_item *stay;
};

/* Whether an option continues care that runs already (principle 4). */
static inline bool jr_why_is_continuation(enum jr_why w)
{
	return w == JR_WHY_YC_CONTINUE || w == JR_WHY_YC_CONTINUE_FOSTER;
}

/* The youngest age at which a child can be under juvenile probation: the age of criminal
 * responsibility (art. 486 Sv). */
#define JR_PROBATION_AGE_MIN 12

/* Checks the relations between a request's fields that the adapter cannot check one field at a
 * time: birth date not after the date, juvenile probation not before JR_PROBATION_AGE_MIN
 * ("court_measure"), a machtiging uithuisplaatsing only under an OTS or provisional OTS
 * ("authorisations"), history periods in order and not in the future. On failure
 * sets *field to the JSON field name (history items as "history") and *message to a Dutch
 * sentence, both static strings, and returns JR_ERR_INPUT. */
enum jr_err jr_request_check(const struct jr_request *req, const char **field, const char **message);

/* Principle 13 (woonplaatsbeginsel, art. 1.1 Jeugdwet): the running stay in the request's
 * history — an item without end whose form has a stay setting (out-of-home or secure) in
 * policy `p` — the one that began last, or NULL. */
const struct jr_history_item *jr_request_running_stay(const struct jr_policy *p,
						      const struct jr_request *req);

/* The CBS code of the municipality responsible for the child under policy `p`: the request's
 * residence_before_stay when it has one and the history holds a running stay, else the
 * request's municipality (where the child lives by the BRP). */
const char *jr_request_responsible(const struct jr_policy *p, const struct jr_request *req);

/* Checks residence_before_stay against policy `p` (the policy of that municipality): a request
 * that names it must hold a running stay. On failure *field = "residence_before_stay", a Dutch
 * *message (static), JR_ERR_INPUT. JR_OK when the field is absent. */
enum jr_err jr_request_check_stay(const struct jr_policy *p, const struct jr_request *req,
				  const char **field, const char **message);

/* Routes one request under one policy. The answer refers to the policy and the request, which
 * must outlive it. JR_ERR_NOT_FOUND when the responsible municipality (jr_request_responsible)
 * is not in this policy (rule 13). */
enum jr_err jr_route(const struct jr_policy *p, const struct jr_request *req, struct jr_answer *ans);

/* The first youth-care option of an answer (the recommended one), or NULL. */
const struct jr_option *jr_answer_first_youth_care(const struct jr_answer *ans);

const char *jr_option_kind_name(enum jr_option_kind k);
const char *jr_option_kind_label(enum jr_option_kind k); /* "sociale basis", … */
const char *jr_framework_name(enum jr_framework f);
const char *jr_signal_code_name(enum jr_signal_code c);
const char *jr_outcome_name(enum jr_outcome o);
int jr_outcome_parse(const char *s);
const char *jr_require_name(enum jr_require r);

#endif
