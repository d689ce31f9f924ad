/* provider: the providers (zorgaanbieders) and their contracts as use cases — adding a
 * provider, reading one, changing its status from the version read, adding and listing its
 * contracts, and whether a contract covers a form in a municipality on a date. For
 * `jeugdroute provider|contract` and /api/v1/providers/….
 *
 * The rules of the fields live here, once: an AGB code of 8 digits (the provider's identity in
 * iJw, unique), a KvK number of 8 digits, a contract for a region of a policy file and, when it
 * names one, a municipality of that region, forms 1 to 10, an end not before the start, a unit of
 * lower-case letters, product codes of letters and digits. The store writes the audit entries
 * and the history. Never client data: contract managers (and the operator) only. */
#ifndef JR_APP_PROVIDER_H
#define JR_APP_PROVIDER_H

#include <stdbool.h>

#include "app/app.h"

/* Adds provider `p` (agb, kvk or "", name, status, quality, demo): sets its id and version.
 * JR_ERR_INPUT with the field for a bad one; JR_ERR_CONFLICT when the AGB code is known. */
enum jr_err jr_app_provider_add(struct jr_app *app, struct jr_provider *p);

/* Provider `id` into *p; JR_ERR_NOT_FOUND (explained) when there is none. */
enum jr_err jr_app_provider_get(struct jr_app *app, int64_t id, struct jr_provider *p);

/* Sets the status of provider `id` from `version` (the one read): *p is the provider as it is
 * now. JR_ERR_NOT_FOUND when there is none; JR_ERR_CONFLICT (field "version") when it changed
 * since. The previous status stays in the history. */
enum jr_err jr_app_provider_set_status(struct jr_app *app, int64_t id, int version,
				       enum jr_provider_status status, struct jr_provider *p);

/* Every provider, oldest first (for the lists of the contract manager and the consulent). */
enum jr_err jr_app_providers(struct jr_app *app, jr_provider_fn fn, void *ctx);

/* Adds contract `c` for provider c->provider_id: sets its id. JR_ERR_INPUT with the field for a
 * bad one (a region without a policy file names the ones there are); JR_ERR_NOT_FOUND when the
 * provider does not exist. */
enum jr_err jr_app_contract_add(struct jr_app *app, struct jr_contract *c);

/* The contracts of provider `provider_id`, oldest first; JR_ERR_NOT_FOUND when there is no
 * such provider. */
enum jr_err jr_app_contracts(struct jr_app *app, int64_t provider_id, jr_contract_fn fn,
			     void *ctx);

/* Contract `id` into *c; JR_ERR_NOT_FOUND (explained) when there is none. */
enum jr_err jr_app_contract_get(struct jr_app *app, int64_t id, struct jr_contract *c);

/* What an edit of a contract changes: the fields named in `set` are taken from `c`. */
enum {
	JR_CONTRACT_SET_FORMS = 1u << 0,
	JR_CONTRACT_SET_PRODUCT_CODES = 1u << 1,
	JR_CONTRACT_SET_START = 1u << 2,
	JR_CONTRACT_SET_END = 1u << 3, /* c.has_end false: no end any more */
	JR_CONTRACT_SET_TARIFF = 1u << 4,
	JR_CONTRACT_SET_UNIT = 1u << 5,
	JR_CONTRACT_SET_CAPACITY = 1u << 6,
};
struct jr_contract_edit {
	int64_t id;
	int version; /* the version read */
	unsigned set;
	struct jr_contract c;
};
/* Edits contract e->id from e->version: the same checks as a new one (the region and
 * municipality stay). *c is the contract as it is now. JR_ERR_CONFLICT (field "version") when it
 * changed since it was read; the earlier version stays in the history; audited
 * ("contract.edit"). */
enum jr_err jr_app_contract_edit(struct jr_app *app, const struct jr_contract_edit *e,
				 struct jr_contract *c);
/* Ends contract `id` from `version` on `end` (not before its start, not after an end it has):
 * allocations after that day find no contract. Audited ("contract.end"). */
enum jr_err jr_app_contract_end(struct jr_app *app, int64_t id, int version, jr_day end,
				struct jr_contract *c);

/* Whether a contract covers a form in a municipality on a day, and why. */
struct jr_app_contract_cover {
	bool covers;
	struct jr_provider provider;
	int form;
	char municipality[5];
	char municipality_name[JR_NAME_MAX];
	char region[JR_ID_MAX]; /* the municipality's region (policy id) */
	jr_day date;
	char why[320]; /* in Dutch, for the contract manager */
};
/* Fills *out: a contract of provider `provider_id` for municipality `municipality` itself or
 * for its whole region covers form `form` (1-10) on `date`. JR_ERR_INPUT for a municipality of
 * no policy file or a form outside 1-10; JR_ERR_NOT_FOUND for an unknown provider. */
enum jr_err jr_app_contract_check(struct jr_app *app, int64_t provider_id, int form,
				  const char *municipality, jr_day date,
				  struct jr_app_contract_cover *out);

#endif
