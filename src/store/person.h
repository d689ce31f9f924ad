/* person: the persons on record (store.c): children, parents and carers, with their BSN kept
 * in the vault. */
#ifndef JR_STORE_PERSON_H
#define JR_STORE_PERSON_H

#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/person.h"

#include "store/store_types.h"

/* Persons. add: sets p->id and p->version (1); JR_ERR_CONFLICT when the BSN is known already.
 * get / find: JR_ERR_NOT_FOUND when there is no such person. update: p->version must be the
 * stored version (else JR_ERR_CONFLICT); on success p->version is the new one. */
/* Appends an address as JSON ({"street":…,"house_number":…,"house_letter":…,"house_addition":…,
 * "postcode":…,"place":…}), or null when it is not known: the one shape the store's history,
 * the command line and the API show. */
enum jr_err jr_store_address_json(const struct jr_address *a, struct jr_buf *b);
enum jr_err jr_store_person_add(struct jr_store *s, const struct jr_actor *a, struct jr_person *p);
enum jr_err jr_store_person_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				struct jr_person *out);
enum jr_err jr_store_person_find_bsn(struct jr_store *s, const struct jr_actor *a, const char *bsn,
				     struct jr_person *out);
enum jr_err jr_store_person_update(struct jr_store *s, const struct jr_actor *a,
				   struct jr_person *p);

#endif
