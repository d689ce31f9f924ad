/* ijw/internal: what the files of src/app/ijw/ share — a message being taken in, the ways a
 * finding is placed, and the mappings between the records and the standard's codes. Not for
 * use outside src/app/ijw/ (the public face is app/ijw.h). */
#ifndef JR_APP_IJW_INTERNAL_H
#define JR_APP_IJW_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "app/app.h"
#include "app/ijw.h"
#include "ijw/ijw_allocation.h"
#include "ijw/ijw_codes.h"
#include "ijw/ijw_message.h"
#include "ijw/ijw_retour.h"
#include "ijw/ijw_rules.h"
#include "store/store.h"

struct jr_policy;

/* A message being taken in: the use case's context, the message read and what becomes of it. */
struct import {
	struct jr_app *app;
	struct jr_store *s;      /* app->store */
	const struct jr_actor *a; /* app->actor */
	const struct jr_policy_set *set;
	const struct jr_ijw_msg *m;
	struct jr_ijw_outcome *o;
	struct jr_provider provider;
	int64_t message_id;
	jr_day today;
};

/* A finding of levels 3 and 4, on line i (or the client, or the claim). */
#define LINE_AT(im, i) JR_IJW_AT_LINE, (i), (im)->m->lines[i].line
#define CLIENT_AT(im, i) JR_IJW_AT_CLIENT, (i), (im)->m->clients[i].line
/* Adding a finding can only fail for want of memory; that ends the check. */
#define TRY_FINDING(expr)                                                                          \
	do {                                                                                       \
		if ((err = (expr)) != JR_OK)                                                       \
			return err;                                                                \
	} while (0)

/* The most allocations of one child at one provider a message names. */
#define JR_APP_IJW_CURRENT_MAX 64

/* The records' person of the message's client (by BSN); *found false when there is none. */
enum jr_err jr_app_ijw_person_of(struct import *im, size_t client, struct jr_person *p,
				 bool *found);

/* JW323 against the records (claim.c): every line checked, the claim kept with its lines. */
enum jr_err jr_app_ijw_import_claim(struct import *im);

/* The most that may be claimed of allocation `al` in the product period [start, end] with
 * WMO757 frequency `freq` (claim.c, TR321): for the claim form of the browser (claim_form.c). */
int64_t jr_app_ijw_period_allowance(const struct jr_ijw_allocation *al, const char *freq,
				    jr_day start, jr_day end);

/* The WJ756 code of a unit and the WMO757 code of a frequency as the records name them; NULL
 * when the standard has none (export.c). */
const char *jr_app_ijw_unit_code(const char *unit);
const char *jr_app_ijw_frequency_code(const char *frequency);
/* The product of an allocation as the standard has it (docs/ijw.md). */
void jr_app_ijw_product_of(const struct jr_ijw_allocation *al, struct jr_ijw_product *p);
/* The form a JZ020 category stands for in a municipality's policy; 0 when none has it. */
int jr_app_ijw_form_of_category(const struct jr_policy *pol, const char *jz020);

/* Ends the transaction `tx` of a message, export or answer: kept when `keep` and no `err`,
 * undone otherwise — undone on purpose (a rejected message, a lookup that failed inside) is no
 * failure. Returns `err`, or the failure of keeping. */
enum jr_err jr_app_ijw_tx_end(struct jr_app *app, enum jr_app_tx tx, bool keep, enum jr_err err);

#endif
