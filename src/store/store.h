/* store: the records of the youth-care chain, kept safely. The one interface the rest of the
 * program uses to read and write records; it never shows SQL.
 *
 * Every operation is one transaction and writes its audit entry (who, which person, what, when,
 * from where, why) in that same transaction, so a change and its audit trail stand or fall
 * together. Every change to a record keeps what was there before (record_history) and carries
 * the version the writer read: an update of an older version is refused with JR_ERR_CONFLICT,
 * never silently applied. */
#ifndef JR_STORE_STORE_H
#define JR_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/course.h"
#include "core/err.h"
#include "core/person.h"
#include "core/policy.h"
#include "json/diag.h"

struct jr_store;

/* Who acts, from where, and why: the audit log's columns. All three are required. */
struct jr_actor {
	const char *who;
	const char *origin;
	const char *reason;
};

/* Opens the database at `url` with the BSN key file `key_file`. With `init`, creates what is
 * missing (database, key file) and migrates; without it, the database must exist at the
 * program's schema version. On failure diag.message says what and how to fix it. */
enum jr_err jr_store_open(const char *url, const char *key_file, bool init,
			  struct jr_store **out, struct jr_diag *diag);
void jr_store_close(struct jr_store *s);

/* The schema version found when the store was opened, and the one it has now. */
void jr_store_versions(const struct jr_store *s, int *found, int *now);

/* Persons. add: sets p->id and p->version (1); JR_ERR_CONFLICT when the BSN is known already.
 * get / find: JR_ERR_NOT_FOUND when there is no such person. update: p->version must be the
 * stored version (else JR_ERR_CONFLICT); on success p->version is the new one. */
enum jr_err jr_store_person_add(struct jr_store *s, const struct jr_actor *a, struct jr_person *p);
enum jr_err jr_store_person_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				struct jr_person *out);
enum jr_err jr_store_person_find_bsn(struct jr_store *s, const struct jr_actor *a, const char *bsn,
				     struct jr_person *out);
enum jr_err jr_store_person_update(struct jr_store *s, const struct jr_actor *a,
				   struct jr_person *p);

/* Users. The password is hashed with Argon2id; JR_ERR_CONFLICT when the name is taken. */
enum jr_err jr_store_user_add(struct jr_store *s, const struct jr_actor *a, const char *username,
			      const char *role, const char *password);
/* Whether a user with this name exists. */
enum jr_err jr_store_user_exists(struct jr_store *s, const char *username, bool *exists);

/* Records a policy file's content under its region and SHA-256, once per distinct content.
 * *added tells whether it was new. */
enum jr_err jr_store_policy_record(struct jr_store *s, const struct jr_actor *a, const char *region,
				   const char *content, bool *added);

/* Providers (zorgaanbieders) and their contracts (store_provider.c). */
struct jr_provider {
	int64_t id;
	char agb[9];  /* AGB code, 8 digits: the provider's identity in iJw */
	char kvk[9];  /* KvK number, 8 digits, or "" */
	char name[JR_PERSON_NAME_MAX];
	enum jr_provider_status status;
	char quality[256]; /* quality marks, free text */
	bool demo;
	int version;
};

/* add: sets id and version (1); JR_ERR_CONFLICT when the AGB code is known already. */
enum jr_err jr_store_provider_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_provider *p);
enum jr_err jr_store_provider_get(struct jr_store *s, int64_t id, struct jr_provider *out);
/* Changes the status from the version read (JR_ERR_CONFLICT when stale), keeping history. */
enum jr_err jr_store_provider_set_status(struct jr_store *s, const struct jr_actor *a,
					 struct jr_provider *p, enum jr_provider_status status);

/* A contract: one provider, the whole region (municipality "") or one municipality, a set of
 * forms, a period, a tariff and a capacity. */
struct jr_contract {
	int64_t id;
	int64_t provider_id;
	char region[JR_ID_MAX];   /* policy region id, e.g. "twente" */
	char municipality[5];     /* CBS code, or "" for every municipality of the region */
	unsigned forms;           /* 1u << form */
	char product_codes[256];  /* comma-separated, for product-regime municipalities */
	int64_t tariff_cents;     /* per unit; 0 = not given */
	char unit[16];            /* e.g. "uur", "dag", "week" */
	jr_day start;
	bool has_end;
	jr_day end;
	int capacity;             /* 0 = not given */
};

/* add: sets id; JR_ERR_NOT_FOUND when the provider does not exist. */
enum jr_err jr_store_contract_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_contract *c);
/* Whether some contract covers this provider, form and date, for `municipality` itself or its
 * whole `region`. */
enum jr_err jr_store_contract_covers(struct jr_store *s, int64_t provider_id, int form,
				     const char *region, const char *municipality, jr_day date,
				     bool *covers);

/* Help requests and their course (store_course.c). */
#define JR_TEXT_FIELD_MAX 2001 /* free text fields: 2000 bytes of UTF-8 */

struct jr_help_request {
	int64_t id;
	int64_t child_id;
	int64_t household_id; /* 0 = none */
	char raised_by[64];   /* who raised it: family, school, gp, police, veilig_thuis, … */
	jr_day raised_on;
	char question[JR_TEXT_FIELD_MAX]; /* in the family's words */
	char municipality[5];             /* responsible municipality (residence principle) */
	enum jr_hr_state state;
	int version;
};

/* add: state registered, version 1; JR_ERR_NOT_FOUND when the child does not exist. */
enum jr_err jr_store_help_request_add(struct jr_store *s, const struct jr_actor *a,
				      struct jr_help_request *h);
enum jr_err jr_store_help_request_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				      struct jr_help_request *out);
/* What the records hold about a help request's course (for jr_course_can_move). */
enum jr_err jr_store_course_facts(struct jr_store *s, int64_t id, struct jr_course_facts *f);
/* Moves the help request to `to` from the version read: JR_ERR_CONFLICT when stale,
 * JR_ERR_REFUSED with *why when a rule of the course forbids it. */
enum jr_err jr_store_help_request_move(struct jr_store *s, const struct jr_actor *a,
				       struct jr_help_request *h, enum jr_hr_state to,
				       const char **why);

struct jr_broad_analysis {
	int64_t help_request_id;
	jr_day made_on;
	unsigned char needs[JR_NEED_COUNT]; /* 0..4 per life domain */
	char explanation[JR_TEXT_FIELD_MAX];
	char participants[256];             /* e.g. "gezin, kind, school" */
	char hypotheses[JR_TEXT_FIELD_MAX];
};
enum jr_err jr_store_analysis_add(struct jr_store *s, const struct jr_actor *a,
				  const struct jr_broad_analysis *b);
/* The most recent broad analysis of a help request; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_analysis_latest(struct jr_store *s, int64_t help_request_id,
				     struct jr_broad_analysis *out);
enum jr_err jr_store_goal_add(struct jr_store *s, const struct jr_actor *a, int64_t help_request_id,
			      const char *text, bool has_review, jr_day review_on);
/* A light option weighed: an offer id from the policy (social base or no referral), whether it
 * was tried, and if it does not suffice, why. */
enum jr_err jr_store_light_option_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *kind,
				      const char *option_id, bool tried, const char *why_not_enough);
/* The routing answer as given (JSON), with the policy region it came from. */
enum jr_err jr_store_route_advice_add(struct jr_store *s, const struct jr_actor *a,
				      int64_t help_request_id, const char *region,
				      const char *answer_json);

#endif
