/* admin: what the administrator changes on organisations and on users' details
 * (store_admin.c). Each change is audited on its object ("organisation:ID", "user:ID"). */
#ifndef JR_STORE_ADMIN_H
#define JR_STORE_ADMIN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "store/provider.h"
#include "store/store_types.h"

/* Changes organisation o->id's kind, name, municipality and AGB to those of *o
 * (organisation.update). JR_ERR_NOT_FOUND: no such organisation; JR_ERR_REFUSED: a user of it
 * has a role the new kind does not fit (audited organisation.update.refused, committed). */
enum jr_err jr_store_organisation_update(struct jr_store *s, const struct jr_actor *a,
					 const struct jr_organisation *o);
/* Deactivates (organisation.deactivate) or reactivates (organisation.activate) organisation
 * `id`. Deactivation ends every browser session and API token of its users at once (*ended);
 * while it is inactive they cannot log in. Reactivation brings no session back.
 * JR_ERR_NOT_FOUND: no such organisation. */
enum jr_err jr_store_organisation_set_active(struct jr_store *s, const struct jr_actor *a,
					     int64_t id, bool active, int64_t *ended);
/* Sets user `id`'s name and e-mail address ("" for none) (user.details). JR_ERR_NOT_FOUND: no
 * such user. */
enum jr_err jr_store_user_set_details(struct jr_store *s, const struct jr_actor *a, int64_t id,
				      const char *full_name, const char *email);

#endif
