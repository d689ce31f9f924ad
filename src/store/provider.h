/* provider: the providers (zorgaanbieders) and their contracts (store_provider.c), and the
 * organisations of the region (store_household.c). */
#ifndef JR_STORE_PROVIDER_H
#define JR_STORE_PROVIDER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/course.h"
#include "core/date.h"
#include "core/err.h"
#include "core/person.h"
#include "core/policy.h"

#include "store/store_types.h"

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

typedef enum jr_err (*jr_provider_fn)(void *ctx, const struct jr_provider *p);
/* Every provider, by name. */
enum jr_err jr_store_provider_each(struct jr_store *s, jr_provider_fn fn, void *ctx);

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
	int version;              /* 1 when added; each edit or end adds one */
};

/* add: sets id; JR_ERR_NOT_FOUND when the provider does not exist. */
enum jr_err jr_store_contract_add(struct jr_store *s, const struct jr_actor *a,
				  struct jr_contract *c);
/* Contract `id` into *out; JR_ERR_NOT_FOUND when there is none. */
enum jr_err jr_store_contract_get(struct jr_store *s, int64_t id, struct jr_contract *out);
/* Writes contract `c` (its forms, product codes, period, tariff, unit and capacity; the provider,
 * region and municipality stay) from c->version, the version read: JR_ERR_CONFLICT when it
 * changed since. The contract as it was goes to record_history; the audit entry is `action`
 * ("contract.edit", "contract.end"). Sets c->version to the new one. */
enum jr_err jr_store_contract_update(struct jr_store *s, const struct jr_actor *a,
				     struct jr_contract *c, const char *action);
typedef enum jr_err (*jr_contract_fn)(void *ctx, const struct jr_contract *c);
/* A provider's contracts, oldest first; JR_ERR_NOT_FOUND when the provider does not exist. */
enum jr_err jr_store_contract_each(struct jr_store *s, int64_t provider_id, jr_contract_fn fn,
				   void *ctx);
typedef enum jr_err (*jr_contracted_fn)(void *ctx, const struct jr_provider *p,
				       const struct jr_contract *c, bool gi);
/* Every contract in force on `date` for `municipality` itself or its whole `region`, with its
 * provider and whether that provider is a certified institution (an organisation of kind gi has
 * its AGB): by provider name, a provider's contracts together. Not client data. */
enum jr_err jr_store_contracted_each(struct jr_store *s, const char *region,
				     const char *municipality, jr_day date,
				     jr_contracted_fn fn, void *ctx);
/* Whether some contract covers this provider, form and date, for `municipality` itself or its
 * whole `region`. */
enum jr_err jr_store_contract_covers(struct jr_store *s, int64_t provider_id, int form,
				     const char *region, const char *municipality, jr_day date,
				     bool *covers);

/* Organisations (store_household.c). */
struct jr_organisation {
	int64_t id;
	char kind[JR_ORG_KIND_MAX]; /* local_team, gp_practice, youth_health, hospital, gi, provider,
				       regional_office, expert_team */
	char name[JR_PERSON_NAME_MAX];
	char municipality[5]; /* CBS code, or "" for regional organisations */
	char agb[9];          /* "" when none */
	bool active;          /* false after deactivation: its users cannot log in */
};
enum jr_err jr_store_organisation_add(struct jr_store *s, const struct jr_actor *a,
				      struct jr_organisation *o);
enum jr_err jr_store_organisation_get(struct jr_store *s, int64_t id, struct jr_organisation *out);
typedef enum jr_err (*jr_organisation_fn)(void *ctx, const struct jr_organisation *o);
/* Every organisation, oldest first, of one kind and/or municipality ("" = any); stops at the
 * first error `fn` returns. */
enum jr_err jr_store_organisation_each(struct jr_store *s, const char *kind,
				       const char *municipality, jr_organisation_fn fn, void *ctx);

/* The kind of organisation `id` into `kind`; *found false (and JR_OK) when there is none. */
enum jr_err jr_store_organisation_kind(struct jr_store *s, int64_t id,
				       char kind[JR_ORG_KIND_MAX], bool *found);

#endif
