/* organisation: the use cases on the organisations of the youth-care chain — local teams, GP
 * practices, youth health care, hospitals, certified institutions (GI), providers, the regional
 * office and expert teams — for `jeugdroute organisation …` (the users who work for them:
 * app/accounts.c).
 *
 * A user (app->principal) needs the admin's role (JR_CAP_ADMIN); at the command line (principal
 * NULL) the operator may do them all. */
#ifndef JR_APP_ORGANISATION_H
#define JR_APP_ORGANISATION_H

#include "app/app.h"

/* Adds organisation *o (kind, name, and municipality and AGB where it has them); o->id is set.
 * The kind is one of the chain's; the name 1 to 100 characters; the municipality a CBS code of
 * a policy file, required for a local team; the AGB 8 digits. JR_ERR_INPUT naming the field. */
enum jr_err jr_app_organisation_add(struct jr_app *app, struct jr_organisation *o);

/* The rules of jr_app_organisation_add on the fields of *o alone, without the records: for an
 * adapter that refuses bad input before it opens them. The same explanations. */
enum jr_err jr_app_organisation_check(struct jr_app *app, const struct jr_organisation *o);

/* Changes organisation o->id to the kind, name, municipality and AGB of *o (checked as for
 * add). JR_ERR_NOT_FOUND: no such organisation; JR_ERR_REFUSED: a user who works there has a
 * role that the new kind does not fit (change the user first). */
enum jr_err jr_app_organisation_update(struct jr_app *app, const struct jr_organisation *o);

/* Deactivates or reactivates organisation `id`. Deactivation ends the sessions and API tokens
 * of all its users at once (*ended) and refuses their logins while it lasts; reactivation brings
 * no session back. JR_ERR_NOT_FOUND: no such organisation. */
enum jr_err jr_app_organisation_set_active(struct jr_app *app, int64_t id, bool active,
					   int64_t *ended);

/* The filters of jr_app_organisations_list (NULL or "" for any), checked without the records. */
enum jr_err jr_app_organisation_filters_check(struct jr_app *app, const char *kind,
                                              const char *municipality);

/* Organisation `id` into *out; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_app_organisation_get(struct jr_app *app, int64_t id, struct jr_organisation *out);

/* Every organisation, oldest first, of kind `kind` and/or municipality `municipality` (NULL or
 * "" for any; checked as for add), each to `fn`. */
enum jr_err jr_app_organisations_list(struct jr_app *app, const char *kind,
                                      const char *municipality, jr_organisation_fn fn, void *ctx);

#endif
