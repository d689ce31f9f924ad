/* provider_worklist (store): the provider's work list (issue 15 point 2) — its allocations in
 * groups by how far the care got, with the child, the extent and the consulent to contact, a
 * page at a time and the count of every group; read in two statements whatever the page holds
 * (no statement per row), over the indexes allocations_provider and deliveries_running. */
#ifndef JR_STORE_PROVIDER_WORKLIST_H
#define JR_STORE_PROVIDER_WORKLIST_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "store/portal.h"

struct jr_store;
struct jr_actor;

/* The groups, disjoint: every allocation is in exactly one of them. */
enum jr_pw_group {
	JR_PW_NEW,         /* care not started, the start term not yet passed */
	JR_PW_NOT_STARTED, /* care not started and the start term passed (start + start days < today) */
	JR_PW_RUNNING,     /* care runs, no end within the window */
	JR_PW_ENDING,      /* care runs and the allocation ends within the window (or ended) */
	JR_PW_ENDED,       /* care stopped, or the allocation ended unused */
	JR_PW_GROUP_COUNT
};

struct jr_pw_query {
	const char *agb;        /* the provider's */
	jr_day today;
	int start_within_days;  /* the policy's norms.start_within_days */
	int ending_within_days; /* the policy's norms.ending_within_days */
	int group;              /* enum jr_pw_group, or -1 for every group */
	int form;               /* 0: every form */
	int64_t offset, limit;
};

struct jr_pw_row {
	struct jr_allocation_row a;
	int group;              /* enum jr_pw_group */
	bool has_volume;
	int64_t volume;
	char unit[17];
	char frequency[17];
	int intensity;          /* 0: none */
	char contact[33];       /* username of the consulent the help request is assigned to, or
				 * the household's coordinator; "" when neither (the local team) */
	char municipality[5];   /* of the help request: the local team to contact */
};
typedef enum jr_err (*jr_pw_row_fn)(void *ctx, const struct jr_pw_row *r);

/* The counts of every group in counts[], and the page of q->group to fn (each child listed
 * audited as allocation.list); *total the count of that group (or of all). Ordered per group:
 * not started and ending by urgency (the oldest start, the nearest end first), the others
 * newest first. */
enum jr_err jr_store_provider_worklist(struct jr_store *s, const struct jr_actor *a,
				       const struct jr_pw_query *q,
				       int64_t counts[JR_PW_GROUP_COUNT], int64_t *total,
				       jr_pw_row_fn fn, void *ctx);

#endif
