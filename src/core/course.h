/* course: the course of a help request and the rules its steps must keep.
 *
 * A help request moves registered → analysed → planned → in care → evaluated → closed, and may
 * be withdrawn from any open state. Each step has preconditions on what the records hold; an
 * allocation of care has its own (who referred, is there a contract, is the provider reliable,
 * does the municipality's regime get what it needs). The functions are pure: the store gathers the
 * facts, these decide, and a refusal comes with a Dutch sentence that names the rule. */
#ifndef JR_CORE_COURSE_H
#define JR_CORE_COURSE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/err.h"
#include "core/policy.h"

enum jr_hr_state {
	JR_HR_REGISTERED,
	JR_HR_ANALYSED,
	JR_HR_PLANNED,
	JR_HR_IN_CARE,
	JR_HR_EVALUATED,
	JR_HR_CLOSED,
	JR_HR_WITHDRAWN,
	JR_HR_STATE_COUNT
};

const char *jr_hr_state_name(enum jr_hr_state s); /* "registered", … */
const char *jr_hr_state_label(enum jr_hr_state s); /* "aangemeld", … */
int jr_hr_state_parse(const char *s);
/* The step that follows `s` in the course (registered → analysed → … → closed), or -1 after
 * the last (closed) and for a withdrawn request: the one step jr_course_can_move allows besides
 * withdrawal. */
int jr_hr_state_next(enum jr_hr_state s);

/* Who raised a help request, as the records name it ("family", "school", …; NULL-terminated),
 * and the Dutch label of one ("Het gezin"; NULL for a name not in the list). */
extern const char *const jr_raisers[];
const char *jr_raiser_label(const char *name);

/* What the records hold about one help request, as far as its steps depend on it. */
struct jr_course_facts {
	enum jr_hr_state state;
	bool broad_analysis;        /* a broad explanatory analysis is recorded */
	int goals;                  /* goals in the plan */
	bool light_options_weighed; /* the route advice and the light options considered are recorded */
	int care_started;           /* allocations whose care has started */
	int care_running;           /* of those, not yet stopped */
	int outcomes_missing;       /* stopped care without a recorded outcome */
	int allocations;            /* allocations ever made on the request */
};

/* May the help request move to `to`? JR_OK, or JR_ERR_REFUSED with *why. */
enum jr_err jr_course_can_move(const struct jr_course_facts *f, enum jr_hr_state to,
			       const char **why);

enum jr_provider_status {
	JR_PROVIDER_ACTIVE,
	JR_PROVIDER_SUSPENDED,
	JR_PROVIDER_UNDER_INVESTIGATION,
	JR_PROVIDER_STATUS_COUNT
};

const char *jr_provider_status_name(enum jr_provider_status s);
const char *jr_provider_status_label(enum jr_provider_status s); /* "actief", … */
int jr_provider_status_parse(const char *s);

/* An allocation (toewijzing) to be made, with what the records say about it. */
struct jr_allocation_facts {
	int form;                      /* 1..10 */
	enum jr_measure measure;       /* the child's court measure, if any */
	unsigned authorisations;       /* the judge's authorisations beside it (JR_AUTH_BIT) */
	bool broad_analysis;           /* recorded for this help request */
	bool referral_valid;           /* a valid referral for this form */
	int referrer_type;             /* its referrer, COD327 number; 0 when none */
	bool municipal_decision;       /* or the municipality decided itself */
	bool provider_known;
	enum jr_provider_status provider_status;
	bool contract_covers;          /* a contract for this provider, form, municipality and date */
	bool provider_gi;              /* the provider is a certified institution (GI) */
	bool product_listed;           /* product: the code is one of the covering contract's, or
					  that contract lists none */
	enum jr_regime regime;         /* the responsible municipality's regime (local forms) */
	bool result_description;       /* result: the result to reach is written down */
	int intensity;                 /* result: OB level 1..4, 0 = none */
	bool product_code;             /* product: product code given */
	int volume;                    /* product: volume > 0 */
	bool unit_or_frequency;        /* product: a unit or frequency of the volume given */
	bool has_end_date;             /* generic: none, unless under a measure */
	jr_day start;
	jr_day end;                    /* when has_end_date */
};

/* The fields an allocation form asks, besides provider, form, basis and start (a mask). */
enum {
	JR_AF_RESULT = 1u << 0,       /* result: the result to reach */
	JR_AF_INTENSITY = 1u << 1,    /* result: OB1-OB4 */
	JR_AF_PRODUCT_CODE = 1u << 2, /* product */
	JR_AF_VOLUME = 1u << 3,
	JR_AF_UNIT = 1u << 4,
	JR_AF_FREQUENCY = 1u << 5,
	JR_AF_END = 1u << 6, /* an end date may be given */
};
/* The fields of form `form` under `regime` (the municipality's, for a local form) for a child
 * under a court measure or not: result and intensity (result), product code, volume, unit and
 * frequency (product), none (generic); an end date, except for the generic referral of the
 * municipal route. A regional form has no regime: an end date only. */
unsigned jr_allocation_fields(const struct jr_policy *p, int form, enum jr_regime regime,
			      bool under_measure);

/* May this allocation be made under policy `p`? JR_OK, or JR_ERR_REFUSED with *why and *field:
 * the request field the refusal is about ("provider_id", "form", "referral_id", "end",
 * "result", "intensity", "product_code", "volume", "unit"), NULL when it is about the case as a
 * whole (a broad analysis, the judge's authorisation). Under the regime of the municipality
 * (local forms) only that regime's fields may be given: result and intensity (result); product
 * code, volume, unit and frequency (product); none of them (generic). A certified institution
 * (GI) carries out the judge's measure: it is allocated to only under a court measure or on the
 * judge's referral, never by the choice of a consulent. */
enum jr_err jr_allocation_check(const struct jr_policy *p, const struct jr_allocation_facts *a,
				const char **why, const char **field);

/* An allocation already made for a child, as far as the rule against a second one of the same
 * kind in the same period needs it (jr_allocation_overlaps). */
struct jr_allocation_period {
	int form;
	char product_code[17]; /* "" = none */
	jr_day start;
	bool has_end;
	jr_day end;            /* the last day (iJw end dates are inclusive), when has_end */
	bool stopped;          /* the provider stopped the care, on stopped_on */
	jr_day stopped_on;
	bool withdrawn;        /* removed by the municipality (iJw JZ002 reason 13) */
};

/* Whether the new allocation `b` would run beside `a`, one of the same kind for the same child:
 * the same form, the same product code when both have one, a period that shares a day with
 * a's. a's period ends with its end date, or earlier on the day its care was stopped; an open
 * end runs on. A withdrawn allocation overlaps nothing; nor do periods that only touch (one
 * ends the day before the other starts). */
bool jr_allocation_overlaps(const struct jr_allocation_period *a,
			    const struct jr_allocation_period *b);
/* The last day of `a`'s period as it runs (*last): its end date, or the day its care stopped
 * when that comes first; false when it runs on without an end. */
bool jr_allocation_last_day(const struct jr_allocation_period *a, jr_day *last);

/* The iJw JZ588 reasons for ending care the records accept (NULL-terminated). */
extern const char *const jr_end_reasons[];
/* The iJw JZ002 reasons for changing an allocation the records accept: 02 through 14, 01 having
 * lapsed (NULL-terminated). */
extern const char *const jr_change_reasons[];
/* Whether `code` is one of jr_change_reasons. */
bool jr_change_reason_known(const char *code);

/* Whether the goals of ended care were reached, as the records name it ("yes", "partly", "no";
 * NULL-terminated), and the Dutch label of one (NULL for a name not in the list). */
extern const char *const jr_goals_reached[];
const char *jr_goals_reached_label(const char *name);

/* The kinds of evaluation of a help request's plan (issue 14, point 6): "interim", while care
 * runs, and "closing", after it ended (NULL-terminated), and the Dutch label of one (NULL for a
 * name not in the list). */
extern const char *const jr_evaluation_kinds[];
const char *jr_evaluation_kind_label(const char *name);

/* Principle 8: the terms of court measures and of the judge's authorisations beside them. A
 * measure as far as its term goes: kind, start and (current) end. */
struct jr_measure_term {
	enum jr_measure kind;
	jr_day start;
	bool has_end;
	jr_day end;
	jr_day birth_date; /* the child's; 0 = not known (its age is then not checked) */
};

/* The youngest age at which juvenile probation is imposed (DOMAIN.md: 12 to 23), and the age of
 * majority at which a child-protection measure ends by law (art. 1:233 BW). */
#define JR_JEUGDRECLASSERING_MIN_AGE 12
#define JR_MAJORITY_AGE              18

/* The longest term of the judge's authorisations and of one extension of an OTS, in years
 * (art. 1:260, 1:265c BW; art. 6.1.12 Jeugdwet). */
#define JR_COURT_TERM_YEARS 1

/* Whether a measure may be recorded with this term: NULL when it may, else a Dutch sentence. A
 * provisional OTS has an end at most JR_PROVISIONAL_OTS_MONTHS after its start (art. 1:257 BW);
 * an OTS an end at most JR_COURT_TERM_YEARS after its start (art. 1:258 BW); with the child's
 * birth date, a child-protection measure (OTS, provisional OTS, voogdij) starts before and ends
 * no later than its eighteenth birthday, and juvenile probation starts at twelve or older. */
const char *jr_measure_term_check(const struct jr_measure_term *m);
/* As jr_measure_term_check, with *field the request field it concerns ("end" or "start"). */
const char *jr_measure_term_check_field(const struct jr_measure_term *m, const char **field);

/* Whether measure `m` may be extended to `new_end` by the judge's decision of `court_date`: NULL
 * when it may, else a Dutch sentence and *field the request field it concerns ("end" or
 * "court_date"). Only a measure with an end that has not lapsed on the day of the decision is
 * extended, to a later end; a provisional OTS not beyond its three months, an OTS by at most a
 * year at a time (art. 1:260 BW). */
const char *jr_measure_extension_check(const struct jr_measure_term *m, jr_day court_date,
				       jr_day new_end, const char **field);

/* Whether the judge's authorisation `kind` from `start` to `end` fits measure `m`: NULL when it
 * does, else a Dutch sentence and *field the field it concerns ("kind", "start" or "end"). A
 * machtiging uithuisplaatsing only under an OTS or provisional OTS (art. 1:265b BW); a
 * machtiging gesloten jeugdhulp beside any other measure (art. 6.1.2 Jeugdwet); each with an end
 * at most a year after its start and not beyond the measure's end. */
const char *jr_authorisation_check(const struct jr_measure_term *m, enum jr_authorisation kind,
				   jr_day start, bool has_end, jr_day end, const char **field);

#endif
