/* policy: the model of a youth-care region, as read from its policy file (docs/policy.md).
 *
 * A region's choices are data: its municipalities and their ambulant regime, the ten forms of youth
 * care with setting, contracting and iJw product category, the social base and no-referral offers,
 * who may refer to what, and the norms and thresholds the routing rules read. The engine
 * (rules.c, route.c) holds only the mechanism. All storage is fixed-size so that a loaded policy is
 * one plain struct: no pointers to free, safe to share read-only between threads. */
#ifndef JR_CORE_POLICY_H
#define JR_CORE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/monitor.h"

#define JR_FORM_COUNT 10       /* the ten forms of youth care, numbered 1..10 */
#define JR_MUNICIPALITY_MAX 64 /* per region; the largest Dutch region has fewer than 30 */
#define JR_OFFER_MAX 48        /* social base or no-referral offers per region */
#define JR_REFERRER_CODES 9    /* COD327 codes 01..08 are indexed by their number */
#define JR_REGIME_TERMS_MAX 8
#define JR_ID_MAX 48
#define JR_NAME_MAX 160  /* bytes of UTF-8, NUL included */
#define JR_TEXT_MAX 400

/* Need domains a request scores 0..4; order is the public order of the request's `needs`. */
enum jr_need {
	JR_NEED_PARENTING,
	JR_NEED_DEVELOPMENT,
	JR_NEED_BEHAVIOUR,
	JR_NEED_MENTAL_HEALTH,
	JR_NEED_SCHOOL,
	JR_NEED_FAMILY,
	JR_NEED_SOCIAL,
	JR_NEED_SUBSTANCE_USE,
	JR_NEED_SAFETY,
	JR_NEED_LIVELIHOOD,
	JR_NEED_DISABILITY,
	JR_NEED_COUNT
};
#define JR_NEED_MAX_LEVEL 4

enum jr_flag {
	JR_FLAG_ACUTE_CRISIS,
	JR_FLAG_PSYCHIATRIC_DISORDER,
	JR_FLAG_LONG_LASTING,
	JR_FLAG_DISABILITY,
	JR_FLAG_UNSAFE,
	JR_FLAG_NOT_PARTICIPATING,
	JR_FLAG_OFFENCE,
	JR_FLAG_COUNT
};
#define JR_FLAG_BIT(f) (1u << (f))

/* Court measures (the compulsory framework) and the authorisation for secure care. */
enum jr_measure {
	JR_MEASURE_NONE,
	JR_MEASURE_OTS,
	JR_MEASURE_VOOGDIJ,
	JR_MEASURE_JEUGDRECLASSERING,
	JR_MEASURE_MACHTIGING_GESLOTEN,
	/* voorlopige ondertoezichtstelling (art. 1:257 BW): at most three months; it routes as an
	 * OTS (jr_measure_routes_as) */
	JR_MEASURE_VOORLOPIGE_OTS,
	JR_MEASURE_COUNT
};

/* The provisional OTS lasts at most this many months (art. 1:257 lid 3 BW). */
#define JR_PROVISIONAL_OTS_MONTHS 3

/* The judge's authorisations that can come beside a measure: out-of-home placement under an
 * OTS (machtiging uithuisplaatsing, art. 1:265b BW) and secure care (machtiging gesloten
 * jeugdhulp, art. 6.1.2 Jeugdwet). A request carries them as a mask of 1u << value. */
enum jr_authorisation {
	JR_AUTH_UITHUISPLAATSING,
	JR_AUTH_GESLOTEN,
	JR_AUTH_COUNT
};
#define JR_AUTH_BIT(a) (1u << (a))

enum jr_setting {
	JR_SETTING_AMBULANT,
	JR_SETTING_OUT_OF_HOME,
	JR_SETTING_CRISIS,
	JR_SETTING_SECURE,
	JR_SETTING_MEASURE,
	JR_SETTING_COUNT
};

enum jr_contracting { JR_CONTRACTING_LOCAL, JR_CONTRACTING_REGIONAL, JR_CONTRACTING_COUNT };

/* How a municipality buys ambulant (local) youth care. */
enum jr_regime {
	JR_REGIME_RESULT,  /* Twents Model: the municipality writes the result to reach (OB1-OB4) */
	JR_REGIME_PRODUCT, /* product code, volume and frequency */
	JR_REGIME_GENERIC, /* one main provider, generic referral, no product or end date */
	JR_REGIME_COUNT
};

/* Social-base categories: free-access local provisions. */
enum jr_sb_category {
	JR_SB_CHILDCARE,
	JR_SB_SCHOOL,
	JR_SB_SPORT,
	JR_SB_SCOUTING,
	JR_SB_LIBRARY,
	JR_SB_MUSIC_SCHOOL,
	JR_SB_YOUTH_WORK,
	JR_SB_VOLUNTEERS,
	JR_SB_PARENTING_INFORMATION,
	JR_SB_JGZ,
	JR_SB_PARENTING_SUPPORT,
	JR_SB_LOCAL_TEAM,
	JR_SB_EARLY_EDUCATION,
	JR_SB_COUNT
};

/* Kinds of help without referral (Amersfoort region's "oplossingen zonder verwijzing"). */
enum jr_nr_kind {
	JR_NR_THEME_MEETING,
	JR_NR_COURSE,
	JR_NR_BUDDY,
	JR_NR_SELF_HELP,
	JR_NR_E_HEALTH,
	JR_NR_EXPERTS_BY_EXPERIENCE,
	JR_NR_COUNT
};

/* Issue 13, principle 14 ("the analysis decides"): the kind of help that addresses a need
 * domain, from the policy's `domains` table. Youth care is the default (zero), so that only
 * the domains a region maps elsewhere stop counting towards youth care for the child. */
enum jr_domain_kind {
	JR_DOMAIN_YOUTH_CARE,  /* a need here can make youth care for the child necessary (rule 2) */
	JR_DOMAIN_SOCIAL_BASE, /* the social base answers it (school's care team): youth care only
				* when other domains make it necessary */
	JR_DOMAIN_OTHER,       /* another domain's help for the parent or family, never youth care */
	JR_DOMAIN_KIND_COUNT
};

/* Issue 13, principle 6 ("the child is not the problem"): the help of the family's other
 * domains, each the municipality's organisation from the policy's `other_domains`. */
enum jr_other_help {
	JR_OTHER_DEBT_HELP,           /* schuldhulpverlening (Wet gemeentelijke schuldhulpverlening) */
	JR_OTHER_INCOME_SUPPORT,      /* bijstand and bijzondere bijstand (Participatiewet) */
	JR_OTHER_HOUSING,             /* housing: urgency, the housing corporation */
	JR_OTHER_ADULT_MENTAL_HEALTH, /* adult mental health care, via the parent's GP (Zvw) */
	JR_OTHER_ADDICTION_CARE,      /* addiction care for the parent, via the parent's GP (Zvw) */
	JR_OTHER_WMO,                 /* support for the parent under the Wmo 2015 */
	JR_OTHER_DIVORCE_HELP,        /* help with a fighting divorce: mediation, the municipality's
				       * divorce desk */
	JR_OTHER_COUNT
};

/* What a request can say about the parents' and the family's own problems (request field
 * `family_context`); each brings the help of its domain, never youth care by itself. */
enum jr_family_context {
	JR_FC_DEBTS,
	JR_FC_HOUSING,
	JR_FC_PARENT_MENTAL_HEALTH,
	JR_FC_PARENT_ADDICTION,
	JR_FC_FIGHTING_DIVORCE,
	JR_FC_COUNT
};

/* When a form fits, in the policy's own terms. A form is indicated when at least one of the
 * "any" parts matches (a need at or above its level, a flag, a measure, or enough domains at a
 * level) and every flag in all_flags is present. A form without indication is placed by the
 * rules alone (crisis, secure care, measures). */
struct jr_indication {
	bool present;
	uint8_t need_min[JR_NEED_COUNT]; /* 0 = domain not used */
	unsigned any_flags;              /* JR_FLAG_BIT mask */
	unsigned any_measures;           /* 1u << enum jr_measure */
	uint8_t domains_level;           /* with domains_count: at least count domains at level */
	uint8_t domains_count;           /* 0 = not used */
	unsigned all_flags;
};

struct jr_form {
	int number; /* 1..10 */
	char name[JR_NAME_MAX];
	enum jr_setting setting;
	enum jr_contracting contracting;
	char jz020[3];                             /* iJw product category, two digits */
	char jz020_by_measure[JR_MEASURE_COUNT][3]; /* "" = use jz020 */
	struct jr_indication indication;
	/* A stay in a family: foster care, a family home. A ward (voogdij) has no parental home to
	 * return to, and a young child away from home grows up in a family first (principle 2). */
	bool family_like;
};

/* The oldest age an offer may name: the Jeugdwet's reach ends before 23 (rule 11). */
#define JR_OFFER_AGE_MAX 22

struct jr_offer {
	char id[JR_ID_MAX];
	int category; /* enum jr_sb_category or enum jr_nr_kind */
	char name[JR_NAME_MAX];
	unsigned needs; /* 1u << enum jr_need: the needs this offer serves */
	/* the child's ages it serves, in whole years, both included: no toddler group for a
	 * teenager, no youth work for a toddler */
	int age_min, age_max;
};

struct jr_municipality {
	char code[5]; /* CBS code, 4 digits */
	char name[JR_NAME_MAX];
	enum jr_regime regime;
	char main_provider[JR_NAME_MAX]; /* generic regime: the one main provider */
	/* where its decision letters come from and where a bezwaarschrift goes (optional: "" when
	 * the policy names none): the postal address, its postcode and place */
	char postal_address[JR_NAME_MAX];
	char postcode[8];
	char place[JR_NAME_MAX];
};

struct jr_referrer {
	bool defined;
	char code[3]; /* COD327 */
	char name[JR_NAME_MAX];
	unsigned forms;           /* 1u << form number */
	bool agb_required;        /* a referral carries the referrer's 8-digit AGB code */
	bool agb_forbidden;       /* COD327: ZorgverlenerCode stays empty */
	bool within_measure_only; /* only under a court measure (the GI) */
	bool measure_forms_only;  /* only for forms placed by a court decision (the court) */
};

struct jr_regime_info {
	char description[JR_TEXT_MAX];
	char terms[JR_REGIME_TERMS_MAX][JR_ID_MAX]; /* intensities (OB1..) or frequencies */
	size_t term_count;
};

struct jr_norms {
	int age_limit;                 /* Jeugdwet until this age (18) */
	int continuation_until;        /* continuation of care up to this age, exclusive (23) */
	int continuation_resume_days;  /* care ended after 18 may resume within this many days */
	int hopping_window_days;       /* rule 9 window */
	int hopping_count;             /* rule 9: this many negative endings in the window */
	int crisis_followup_days;      /* rule 4: referral and broad analysis within this many days */
	int max_waiting_days;          /* waiting longer than this is a signal */
	int broad_analysis_from_form;  /* rule 8: forms from this number require a broad analysis */
	int specialist_from_form;      /* rule 3: the lightest specialist form */
	int intensive_ambulant_from_form; /* rule 10: an ambulant form at least this heavy */
	int max_first_offers;          /* social base / no-referral offers when they come first */
	int max_support_offers;        /* social base offers beside youth care */
	int escalate_after_days;       /* light help (forms 1-2) running longer, needs severe: signal */
	int social_map_stale_days;     /* a social map entry not verified for longer is stale */
	int family_like_first_until;   /* a ward younger than this: family-like care first (12) */
	int foster_care_until;         /* foster care continues after 18 up to this age, exclusive (21) */
	/* deadlines (core/deadlines.c) */
	int start_within_days;         /* care starts within this many days of an allocation (28) */
	int ending_within_days;        /* an allocation ending within this many days is shown (42) */
	int warn_within_days;          /* a calendar-day term this close is a warning (14) */
	int warn_within_workdays;      /* a working-day term this close is a warning (2) */
};

/* Who may see a child's file after the link that opened it ended (app/access.c): the days after
 * it ended that the link still counts. A consulent reaches the residents of its municipality and
 * the children with a help request of its municipality that is open or closed fewer than
 * closed_case_days ago; a provider the children with an allocation to it that runs or ended
 * fewer than care_ended_days ago; a GI the children under a measure with it as GI that runs or
 * ended fewer than measure_ended_days ago (it acts, though, only while the measure runs). */
struct jr_reach {
	int closed_case_days;   /* 182: the Awb's objection and decision terms, a repeat request */
	int care_ended_days;    /* 91: the last claims and their corrections */
	int measure_ended_days; /* 91: the closing report and the hand-over */
};

struct jr_thresholds {
	int normalise_max;           /* rule 1: all needs at most this and no flags: social base only */
	int youth_care_min;          /* rule 2: a need at least this: youth care */
	int specialist_mental_health; /* rule 3: mental_health at least this: specialist */
	int coordination_domains;    /* this many domains at youth_care_min or more: coordination */
	int specialist_substance_use; /* principle 10: substance_use at least this: treatment */
};

/* The region's crisis service, reachable around the clock (issue 13, principle 9): the gemeente
 * must make youth care in a crisis always directly reachable and available (art. 2.6 lid 1
 * sub b Jeugdwet), so every policy names the service that does it. */
#define JR_PHONE_MAX 32
struct jr_crisis_service {
	char name[JR_NAME_MAX];
	char reachability[JR_ID_MAX]; /* e.g. "24/7" */
	bool has_since;
	jr_day since; /* reachable like this since this day */
	char phone[JR_PHONE_MAX]; /* "" when the policy names none */
};

/* The bounds of an open period of validity (a policy without valid_from / valid_until). */
#define JR_POLICY_VALID_OPEN_FROM INT32_MIN
#define JR_POLICY_VALID_OPEN_UNTIL INT32_MAX

/* One other domain's help: the region's default name and, per municipality (indexed as
 * jr_policy.municipalities), the local organisation's name ("" = the default). */
struct jr_other_domain {
	char name[JR_NAME_MAX];
	char by_municipality[JR_MUNICIPALITY_MAX][JR_NAME_MAX];
};

struct jr_policy {
	char id[JR_ID_MAX];
	char name[JR_NAME_MAX];
	char regional_body[JR_NAME_MAX];       /* full name */
	char regional_body_short[JR_ID_MAX];   /* e.g. OZJT */
	char expert_team[JR_NAME_MAX];         /* the regional expert team consulted on hopping */
	bool no_referral_first;                /* rule 12: light and moderate needs start without referral */
	struct jr_municipality municipalities[JR_MUNICIPALITY_MAX];
	size_t municipality_count;
	struct jr_form forms[JR_FORM_COUNT + 1]; /* forms[n] is form n; forms[0] unused */
	struct jr_offer social_base[JR_OFFER_MAX];
	size_t social_base_count;
	struct jr_offer no_referral[JR_OFFER_MAX];
	size_t no_referral_count;
	struct jr_referrer referrers[JR_REFERRER_CODES]; /* referrers[n] is COD327 code 0n */
	struct jr_regime_info regimes[JR_REGIME_COUNT];
	bool regime_described[JR_REGIME_COUNT];
	struct jr_norms norms;
	struct jr_thresholds thresholds;
	struct jr_reach reach;
	/* principle 11: the days this version of the region's policy is in force, both included
	 * (JR_POLICY_VALID_OPEN_* when the file names no bound): a region may keep several versions
	 * whose periods do not overlap */
	jr_day valid_from, valid_until;
	/* principle 9: the 24/7 crisis service, required */
	struct jr_crisis_service crisis_service;
	/* principle 14: per need domain the kind of help, and for JR_DOMAIN_OTHER which help */
	enum jr_domain_kind domain_kind[JR_NEED_COUNT];
	enum jr_other_help domain_other[JR_NEED_COUNT];
	unsigned domains_social_base; /* 1u << enum jr_need mapped to the social base */
	unsigned domains_other;       /* 1u << enum jr_need mapped to another domain */
	/* principle 6: the organisations of the other domains */
	struct jr_other_domain other_domains[JR_OTHER_COUNT];
	/* issue 16: the Regiovisie monitor's targets and budgets (core/monitor.h) */
	struct jr_monitor monitor;
};

/* Whether policy `p` is in force on `day` (valid_from <= day <= valid_until). */
static inline bool jr_policy_in_force(const struct jr_policy *p, jr_day day)
{
	return day >= p->valid_from && day <= p->valid_until;
}

/* The kind of the region's light offer with this id: "social_base" or "no_referral"; NULL when
 * the policy has no such offer. */
const char *jr_policy_offer_kind(const struct jr_policy *p, const char *id);

/* Name tables: the public (JSON) spelling and a Dutch label for each enum value. The functions
 * return NULL for an out-of-range value; the *_parse functions return -1 for an unknown name. */
const char *jr_need_name(enum jr_need n);
const char *jr_need_label(enum jr_need n);
int jr_need_parse(const char *s);
const char *jr_flag_name(enum jr_flag f);
const char *jr_flag_label(enum jr_flag f);
int jr_flag_parse(const char *s);
const char *jr_measure_name(enum jr_measure m); /* "" for NONE */
const char *jr_measure_label(enum jr_measure m);
int jr_measure_parse(const char *s);
const char *jr_authorisation_name(enum jr_authorisation a);
const char *jr_authorisation_label(enum jr_authorisation a);
int jr_authorisation_parse(const char *s);
const char *jr_setting_name(enum jr_setting s);
const char *jr_setting_label(enum jr_setting s);
int jr_setting_parse(const char *s);
const char *jr_contracting_name(enum jr_contracting c);
int jr_contracting_parse(const char *s);
const char *jr_regime_name(enum jr_regime r);
const char *jr_regime_label(enum jr_regime r);
int jr_regime_parse(const char *s);
const char *jr_sb_category_name(enum jr_sb_category c);
int jr_sb_category_parse(const char *s);
const char *jr_sb_category_label(enum jr_sb_category c);
const char *jr_nr_kind_name(enum jr_nr_kind k);
const char *jr_nr_kind_label(enum jr_nr_kind k);
int jr_nr_kind_parse(const char *s);

const char *jr_domain_kind_name(enum jr_domain_kind k);
const char *jr_domain_kind_label(enum jr_domain_kind k);
int jr_domain_kind_parse(const char *s);
const char *jr_other_help_name(enum jr_other_help h);
const char *jr_other_help_label(enum jr_other_help h);
int jr_other_help_parse(const char *s);
const char *jr_family_context_name(enum jr_family_context c);
const char *jr_family_context_label(enum jr_family_context c);
int jr_family_context_parse(const char *s);

/* The other-domain helps (1u << enum jr_other_help) a family-context item brings. */
unsigned jr_family_context_helps(enum jr_family_context c);

/* The name of the organisation for other-domain help `h` in municipality `m` (a municipality
 * of this policy): the municipality's own when the policy names one, else the region's. */
const char *jr_policy_other_name(const struct jr_policy *p, enum jr_other_help h,
				 const struct jr_municipality *m);

/* The municipality with this CBS code (4 digits and a NUL, 5 bytes read), or NULL. */
const struct jr_municipality *jr_policy_municipality(const struct jr_policy *p, const char *code);

/* The form of a setting that the rules place themselves (crisis, secure, measure): the lightest
 * form with that setting, or 0 when the policy has none. */
int jr_policy_form_with_setting(const struct jr_policy *p, enum jr_setting s);

/* The policy's period of validity in Dutch, for a message: "geldig vanaf 2024-01-01", "geldig
 * van … tot en met …", "geldig tot en met …" or "altijd geldig". */
void jr_policy_describe_period(const struct jr_policy *p, char *out, size_t cap);

/* The lightest family-like stay form (foster care, family home), or 0 when the policy marks none. */
int jr_policy_family_like_form(const struct jr_policy *p);

/* Whether offer `o` serves a child of `age` whole years. */
static inline bool jr_offer_fits_age(const struct jr_offer *o, int age)
{
	return age >= o->age_min && age <= o->age_max;
}

/* The iJw JZ020 product category of a form under a measure (measure-specific when the policy
 * gives one). */
const char *jr_policy_jz020(const struct jr_policy *p, int form, enum jr_measure m);

/* True when a form's setting means the child lives away from home (out-of-home or secure). */
bool jr_setting_is_stay(enum jr_setting s);

/* The measure a measure routes as: a provisional OTS as an OTS (its policy indications, its
 * product category, the GI's referrals); every other measure as itself. */
enum jr_measure jr_measure_routes_as(enum jr_measure m);

/* Whether a measure is an OTS, provisional or not: the GI supervises, the parents keep custody,
 * and a stay away from home needs the judge's machtiging uithuisplaatsing. */
bool jr_measure_is_ots(enum jr_measure m);

#endif
