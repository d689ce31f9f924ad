/* care: allocations, the start and stop of care, and court measures — the one road for the
 * command line, the API (and the demo loader).
 *
 * jr_app_allocation_add is the one place where the allocation rules are checked (core/course.c,
 * jr_allocation_check): who may allocate (a consulent of the help request's municipality; a GI
 * under its running measure, its own decision), a valid referral for the form or a municipal
 * decision, the broad analysis where the form or the measure asks for it, a provider that is not
 * suspended with a contract covering form, municipality and date, and what the municipality's
 * regime asks. The store only reads the facts and writes what was decided. The same holds for a
 * change of an allocation, the start and stop of care, and a measure.
 *
 * Reach as in app/course.h: app->principal NULL is the operator at the command line. */
#ifndef JR_APP_CARE_H
#define JR_APP_CARE_H

#include "app/access.h"
#include "app/app.h"
#include "core/deadlines.h"
#include "core/person.h"

/* Makes allocation `al` on help request al->help_request_id (provider, form, start; referral_id
 * or `municipal_decision`; the regime's fields) when every rule allows it: JR_ERR_REFUSED with
 * the rule's why otherwise. Sets id, number, regime and jz020 (and, for a GI, its organisation as
 * the one whose decision it is). */
enum jr_err jr_app_allocation_add(struct jr_app *app, struct jr_allocation *al,
				  bool municipal_decision);

/* What the allocation form of a help request offers (issue 14 point 7): per form of youth care
 * the providers with a contract for it in the help request's municipality (or its whole
 * region) in force on the start date, never a certified institution (GI: it carries out the
 * judge's measure, jr_allocation_check) nor a suspended provider; and the fields the
 * municipality's regime asks (jr_allocation_fields). */
struct jr_app_contracted {
	struct jr_provider provider;
	struct jr_contract contract; /* the one that covers: the municipality's own first */
};
#define JR_APP_CONTRACTED_MAX 1024
struct jr_app_allocation_choices {
	int64_t help_request_id;
	char municipality[5];
	const struct jr_policy *policy; /* the region's, in force on `date` */
	enum jr_regime regime;          /* the municipality's, for the local forms */
	jr_day date;                    /* the start date asked */
	bool under_measure;             /* the child is under a court measure on `date` */
	bool gi_decision;               /* an allocation without referral is the principal GI's own
					   decision within its measure, not the municipality's */
	int form;                       /* the form asked; 0 = every form */
	size_t count;
	struct jr_app_contracted *items; /* owned; released by jr_app_allocation_choices_release */
};
/* Fills *out for help request `id` on day `date` (0 = today), for form `form` (0 = all): the
 * same reach as jr_app_allocation_add (JR_ERR_NOT_FOUND alike for one that does not exist and
 * one out of reach). Audited as a read of the help request. */
enum jr_err jr_app_allocation_choices(struct jr_app *app, int64_t id, int form, jr_day date,
				      struct jr_app_allocation_choices *out);
void jr_app_allocation_choices_release(struct jr_app_allocation_choices *c);
/* Whether item `i` of `c` is a provider for form `form`: its contract covers the form and no
 * earlier item names the same provider for it. */
bool jr_app_allocation_choice_for(const struct jr_app_allocation_choices *c, size_t i, int form);

/* Whether the principal may do `act` on allocation `id` (care: the provider it is made to;
 * change: who decided it), answered as the use cases answer it: for an adapter that must know
 * before it reads its input. */
enum jr_err jr_app_allocation_reach(struct jr_app *app, int64_t id, enum jr_allocation_act act);

/* Changes the end or volume of allocation `id` with reason c->reason (iJw JZ002), when it may
 * be; *honoured: the provider's requests for change it honours. */
enum jr_err jr_app_allocation_change(struct jr_app *app, int64_t id,
				     const struct jr_allocation_change *c, int *honoured);

/* Starts care on allocation `id` on day `on` (one running start at a time: JR_ERR_CONFLICT);
 * *delivery_id the start's; `out` (may be NULL) the allocation after. */
enum jr_err jr_app_care_start(struct jr_app *app, int64_t id, jr_day on, int64_t *delivery_id,
			      struct jr_allocation_row *out);

/* Stops the running care of allocation `id` on day `on` (not before it started) with outcome
 * `o`; `out` (may be NULL) the allocation after. JR_ERR_CONFLICT when no care runs. */
enum jr_err jr_app_care_stop(struct jr_app *app, int64_t id, jr_day on,
			     const struct jr_care_outcome *o, struct jr_allocation_row *out);

/* The allocations made to the principal's provider (its organisation's AGB code), newest first:
 * a page of `limit` after `offset`, each to `fn`; *total in all. */
enum jr_err jr_app_allocations_mine(struct jr_app *app, int64_t offset, int64_t limit,
				    jr_allocation_row_fn fn, void *ctx, int64_t *total);

/* Records court measure `m` for child m->child_id (the end, when given, not before the start):
 * the compulsory framework. */
enum jr_err jr_app_measure_add(struct jr_app *app, struct jr_measure_record *m);

/* Principle 8. Records the judge's extension of measure e->measure_id to e->new_end
 * (jr_measure_extension_check: a later end, not after the measure lapsed; a provisional OTS not
 * beyond three months, an OTS by at most a year); `after` (may be NULL) the measure after. By
 * the operator at the command line or the measure's own GI (another's: JR_ERR_NOT_FOUND). */
enum jr_err jr_app_measure_extend(struct jr_app *app, struct jr_measure_extension *e,
				  struct jr_measure_record *after);

/* Principle 8. Records the judge's authorisation au->kind beside measure au->measure_id with
 * its own term (jr_authorisation_check: uithuisplaatsing only under an (provisional) OTS, each
 * at most a year and within the measure). Who may, as jr_app_measure_extend. */
enum jr_err jr_app_authorisation_add(struct jr_app *app, struct jr_measure_authorisation *au);

/* Whether the principal may record an extension or authorisation of measure `id`, answered as
 * those use cases answer it: for an adapter that must know before it reads its input. */
enum jr_err jr_app_measure_reach(struct jr_app *app, int64_t id);

/* A measure in a GI's list, with its deadline (core/deadlines.c: a measure ending within three
 * months, the consulent's rule) when it has one on the day asked. */
struct jr_measure_item {
	struct jr_measure_row row;
	bool has_deadline;
	struct jr_deadline deadline;
};
typedef enum jr_err (*jr_measure_item_fn)(void *ctx, const struct jr_measure_item *m);

/* The measures with the principal's organisation as GI of `status` on app->today (running:
 * soonest end first; ended: latest end first; all: newest first), paged as above. */
enum jr_err jr_app_measures_mine(struct jr_app *app, enum jr_measure_status status,
				 int64_t offset, int64_t limit, jr_measure_item_fn fn, void *ctx,
				 int64_t *total);

/* Issue 15 point 3: a GI records a measure the judge imposed. The child is named as a referrer
 * names it (app/referral.h): BSN, birth date and family name, which must fit a child the records
 * know; for a child they do not know also its given names and municipality, and it is recorded.
 * The measure is the principal's GI's, checked by kind (jr_measure_term_check_field). */
struct jr_measure_order {
	char bsn[10];
	jr_day birth_date;
	char family_name[JR_PERSON_NAME_MAX];
	char given_names[JR_PERSON_NAME_MAX]; /* only for a child new to the records */
	char municipality[5];                 /* idem */
	enum jr_measure kind;
	jr_day court_date;
	char reference[JR_MEASURE_REFERENCE_MAX];
	jr_day start;
	bool has_end;
	jr_day end;
};
/* Records the measure of `o` for the principal's GI (out: the measure, *child_new whether the
 * child was recorded with it). JR_ERR_INPUT with the field for what does not fit (a mismatch of
 * birth date or family name says so, nothing else about the child), JR_ERR_FORBIDDEN for a role
 * that is no GI's; one transaction: nothing half-written. */
enum jr_err jr_app_measure_register(struct jr_app *app, const struct jr_measure_order *o,
				    struct jr_measure_record *out, bool *child_new);

/* Measure `id` of the principal's GI (another's: JR_ERR_NOT_FOUND), with its extensions oldest
 * first to `fn` (may be NULL) and its deadline on app->today (*has_deadline). Audited. */
enum jr_err jr_app_measure_get(struct jr_app *app, int64_t id, struct jr_measure_record *m,
			       jr_measure_extension_fn fn, void *ctx, bool *has_deadline,
			       struct jr_deadline *deadline);

#endif
