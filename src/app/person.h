/* person: the use cases on a person's records — register, show, find by BSN, change, which
 * organisations are involved, the course as one timeline, and who looked (the access log) — the
 * same for the command line (`jeugdroute person …`) and the API (GET /api/v1/persons…).
 *
 * Each checks reach first when a user asks (app->principal; app/access.c): a role that reads no
 * persons is refused (JR_ERR_FORBIDDEN), and a person out of reach is answered as one that does
 * not exist (JR_ERR_NOT_FOUND, the same explanation for both, the refusal audited), so that no
 * number or BSN tells whether the records hold someone. At the command line (principal NULL) the
 * operator reaches every record. The store writes the audit entry of every read and change. */
#ifndef JR_APP_PERSON_H
#define JR_APP_PERSON_H

#include "app/app.h"

/* A person's fields as given, as text (NULL: not given — left as it is on a change): the app
 * reads and checks them, so that the command line and any other road apply one rule. */
struct jr_person_input {
	const char *bsn; /* only when registering: a BSN is never changed */
	const char *given_names, *family_name;
	const char *birth_date;   /* YYYY-MM-DD */
	const char *municipality; /* CBS code of residence, of a policy file */
	const char *sex;          /* iJw COD046: 0, 1 or 2 */
	/* the BRP address: street, house number, letter, addition, postcode and place */
	const char *street, *house_number, *house_letter, *house_addition, *postcode, *place;
	bool demo; /* synthetic demo data (registering only) */
};

/* JR_OK when the principal may read person `id` (always at the command line); otherwise
 * JR_ERR_FORBIDDEN (the role reads no persons) or JR_ERR_NOT_FOUND (no such person, or out of
 * reach: alike, audited), explained in app->diag. For every use case on one person's file. */
enum jr_err jr_app_person_reach(struct jr_app *app, int64_t id);

/* Registers a person from `in` (BSN, names, birth date and municipality required): every field
 * checked (core/person.h), the municipality one of a policy file. *out is the person stored (id,
 * version 1). JR_ERR_INPUT naming the field; JR_ERR_CONFLICT when the BSN is known already. A
 * user needs a role that changes records (person_write). */
enum jr_err jr_app_person_add(struct jr_app *app, const struct jr_person_input *in,
                              struct jr_person *out);

/* The same for a person already given as a record (a loader's, the demo's): *p checked as
 * above and stored; its id and version set. */
enum jr_err jr_app_person_add_record(struct jr_app *app, struct jr_person *p);

/* Person `id` into *out (audited person.read). */
enum jr_err jr_app_person_get(struct jr_app *app, int64_t id, struct jr_person *out);

/* The person with this BSN into *out (the search audited, found or not). JR_ERR_INPUT (field
 * bsn) for a BSN that is not one; JR_ERR_NOT_FOUND when nobody has it or, for a user, it is out
 * of reach (one answer for both). */
enum jr_err jr_app_person_find_bsn(struct jr_app *app, const char *bsn, struct jr_person *out);

/* Changes person `id` from the version read (`version`) with the fields of `in` that are given
 * (not the BSN), checked as when registering; *out is the person as stored, with its new
 * version. JR_ERR_CONFLICT when the person changed since it was read (read again). */
enum jr_err jr_app_person_update(struct jr_app *app, int64_t id, int version,
                                 const struct jr_person_input *in, struct jr_person *out);

/* Principle 13, the woonplaatsbeginsel (art. 1.1 Jeugdwet): who is responsible for a child,
 * worked out from the care that runs. */
struct jr_responsibility {
	char code[5];      /* the responsible municipality */
	bool before_stay;  /* a running stay: the municipality responsible for it (the residence
	                    * just before the stay); else the child's BRP municipality */
	int stay_form;     /* the running stay's form (0 = none) */
	size_t running;    /* allocations whose care runs today */
	size_t elsewhere;  /* of those, the ones another municipality than the BRP's is
	                    * responsible for */
	char other[5];     /* the first such municipality ("" = none) */
};

/* The responsibility for `child` on app->today: a stay is an allocation whose care runs with a
 * form whose setting is out-of-home or secure in the policy of the municipality responsible
 * for it (the settings decide, not the numbers); the latest such stay decides. Not audited:
 * the caller has read the child. */
enum jr_err jr_app_responsibility(struct jr_app *app, const struct jr_person *child,
				  struct jr_responsibility *out);

/* Which organisations are involved with child `id` on day `on` (store_involvement.c): up to
 * `max` into `out`, *count how many there are. */
enum jr_err jr_app_person_involvement(struct jr_app *app, int64_t id, jr_day on,
                                      struct jr_involvement *out, size_t max, size_t *count);

/* Child `id`'s course as one timeline, oldest first, each event to `fn` (audited once). */
enum jr_err jr_app_person_timeline(struct jr_app *app, int64_t id, jr_timeline_fn fn, void *ctx);

/* Who looked at or changed person `id`'s records, newest first, at most `limit` entries, each to
 * `fn` (the reading itself audited). */
enum jr_err jr_app_person_access_log(struct jr_app *app, int64_t id, int limit, jr_audit_fn fn,
                                     void *ctx);

#endif
