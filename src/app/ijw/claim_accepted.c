/* ijw/claim_accepted (app): a claim (JW323) recorded as accepted whole and answered (JW325),
 * as the exchange records one it took in (import.c, claim.c), for a loader that writes a past
 * it made itself — the demo's claims (src/demo/claims.c). The store's own functions record it:
 * the message in, the claim, its lines, the answer out. */
#include <stdio.h>
#include <string.h>

#include "app/ijw/internal.h"

/* The WJ756 code of a line's unit on allocation `al`: a result is claimed in pieces (82, as
 * claim.c's TR341 wants it); a unit the standard does not name (a month) in pieces too (84). */
static const char *unit_code(const struct jr_ijw_allocation *al, const char *unit)
{
	const char *code;

	if (strcmp(al->regime, "result") == 0)
		return "82";
	code = jr_app_ijw_unit_code(unit ? unit : "");
	return code ? code : "84";
}

/* The line's allocation, checked against the claim; its record into r. */
static enum jr_err line_of(struct jr_app *app, const struct jr_app_accepted_claim *c, size_t i,
			   struct jr_claim_line_rec *r)
{
	const struct jr_app_accepted_line *l = &c->lines[i];
	struct jr_ijw_allocation al;
	struct jr_ijw_product product;
	char path[32];
	bool found = false;
	enum jr_err err;

	snprintf(path, sizeof(path), "lines[%zu]", i);
	if ((err = jr_store_ijw_allocation(app->store, l->allocation_id, &al, &found)))
		return err;
	if (!found || al.provider_id != c->provider_id ||
	    strcmp(al.municipality, c->municipality) != 0)
		return jr_app_fail(app, JR_ERR_INPUT, path,
				   "de regel hoort bij geen toewijzing aan deze aanbieder in deze "
				   "gemeente");
	if (strcmp(al.regime, "generic") == 0)
		return jr_app_fail(app, JR_ERR_INPUT, path,
				   "in de taakgerichte uitvoeringsvariant wordt niet per toewijzing "
				   "gedeclareerd");
	if (l->end < l->begin || l->begin < al.start || (al.has_end && l->end > al.end) ||
	    l->begin < c->begin || l->end > c->end)
		return jr_app_fail(app, JR_ERR_INPUT, path,
				   "de productperiode ligt niet binnen de toewijzing en de "
				   "declaratieperiode");
	jr_app_ijw_product_of(&al, &product);
	memset(r, 0, sizeof(*r));
	r->provider_id = c->provider_id;
	r->allocation_id = al.id;
	r->child_id = al.child_id;
	snprintf(r->reference, sizeof(r->reference), "%s-%zu", c->number, i + 1);
	snprintf(r->jz020, sizeof(r->jz020), "%s", product.categorie);
	snprintf(r->product_code, sizeof(r->product_code), "%s", product.code);
	r->start = l->begin;
	r->end = l->end;
	r->volume = l->volume;
	snprintf(r->unit, sizeof(r->unit), "%s", unit_code(&al, l->unit));
	r->has_tariff = l->has_tariff;
	r->tariff_cents = l->tariff_cents;
	r->amount_cents = l->amount_cents;
	r->debit = true;
	r->accepted = true;
	return JR_OK;
}

enum jr_err jr_app_ijw_claim_accepted(struct jr_app *app, const struct jr_app_accepted_claim *c)
{
	struct jr_store *s = app->store;
	struct jr_ijw_message_rec in = {0}, out = {0};
	struct jr_claim_rec claim = {0};
	struct jr_claim_line_rec r;
	enum jr_app_tx tx;
	int64_t total = 0;
	enum jr_err err;

	if (app->principal)
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
				   "een declaratie komt binnen als JW323-bericht (jeugdroute ijw "
				   "import)");
	if (!c->line_count || !c->number[0] || !c->answer_ident[0] || c->end < c->begin)
		return jr_app_fail(app, JR_ERR_INPUT, "lines",
				   "een declaratie heeft een nummer, een periode en minstens één regel");
	for (size_t i = 0; i < c->line_count; i++)
		total += c->lines[i].amount_cents;
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	jr_app_stamp_day(app, c->sent);
	snprintf(in.direction, sizeof(in.direction), "in");
	snprintf(in.code, sizeof(in.code), "JW323");
	snprintf(in.identification, sizeof(in.identification), "%s", c->number);
	in.dagtekening = c->sent;
	snprintf(in.sender, sizeof(in.sender), "%s", c->provider_agb);
	snprintf(in.receiver, sizeof(in.receiver), "%s", c->municipality);
	snprintf(in.status, sizeof(in.status), "accepted");
	if ((err = jr_store_ijw_message_add(s, app->actor, &in)))
		goto out;
	claim.message_id = in.id;
	claim.provider_id = c->provider_id;
	snprintf(claim.number, sizeof(claim.number), "%s", c->number);
	claim.start = c->begin;
	claim.end = c->end;
	claim.submitted_cents = total;
	claim.granted_cents = total;
	if ((err = jr_store_claim_add(s, app->actor, &claim)))
		goto out;
	for (size_t i = 0; i < c->line_count; i++) {
		if ((err = line_of(app, c, i, &r)))
			goto out;
		r.claim_id = claim.id;
		if ((err = jr_store_claim_line_add(s, app->actor, &r)))
			goto out;
	}
	/* the answer: the claim granted whole (JW325), as import.c logs the exchange */
	snprintf(out.direction, sizeof(out.direction), "out");
	snprintf(out.code, sizeof(out.code), "JW325");
	snprintf(out.identification, sizeof(out.identification), "%s", c->answer_ident);
	out.dagtekening = c->sent;
	snprintf(out.sender, sizeof(out.sender), "%s", c->municipality);
	snprintf(out.receiver, sizeof(out.receiver), "%s", c->provider_agb);
	snprintf(out.status, sizeof(out.status), "sent");
	out.answers = in.id;
	err = jr_store_ijw_message_add(s, app->actor, &out);
out:
	jr_app_stamp_day(app, 0);
	return jr_app_tx_end(app, tx, err);
}
