/* ijw/answer (app): the municipality answers a provider's request without an allocation —
 * refused or under investigation — with a JW319. */
#include <stdio.h>
#include <string.h>

#include "app/ijw/internal.h"

enum jr_err jr_app_ijw_answer(struct jr_app *app, const char *agb, const char *reference,
			      bool investigating, const char *reason, const char *residence,
			      jr_ijw_file_fn fn, void *ctx)
{
	struct jr_store *s = app->store;
	const struct jr_actor *a = app->actor;
	struct jr_ijw_answer ans = {0};
	struct jr_buf out;
	char name[64];
	struct jr_ijw_message_rec rec = {0};
	struct jr_provider provider;
	char status[14], municipality[5];
	int64_t child;
	enum jr_app_tx tx;
	bool found;
	enum jr_err err;

	/* CD085, CD086: a refusal has a reason (WJ759), an investigation none; TR377, TR409: the
	 * municipality responsible with reason 8 (woonplaatsbeginsel), and only then */
	if (investigating && reason[0])
		return jr_app_fail(app, JR_ERR_INPUT, "refuse",
				   "een onderzoek heeft geen reden van afwijzing (CD086)");
	if (!investigating && !jr_ijw_code_valid(JR_IJW_WJ759, reason, app->today))
		return jr_app_fail(app, JR_ERR_INPUT, "refuse",
				   "\"%s\" is geen reden van afwijzing; geef een reden uit WJ759 "
				   "(CD085)",
				   reason);
	if (strcmp(reason, "8") != 0 && residence[0])
		return jr_app_fail(app, JR_ERR_INPUT, "residence",
				   "alleen bij reden 8 (woonplaatsbeginsel) een gemeente (TR409)");
	if (strcmp(reason, "8") == 0 && !residence[0])
		return jr_app_fail(app, JR_ERR_INPUT, "residence",
				   "bij reden 8 (woonplaatsbeginsel) de verantwoordelijke gemeente "
				   "(TR377)");
	if ((err = jr_store_provider_find_agb(s, agb, &provider)))
		return err == JR_ERR_NOT_FOUND
			       ? jr_app_fail(app, err, "provider",
					     "geen zorgaanbieder met AGB-code %s in de dossiers", agb)
			       : err;
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	err = jr_store_ijw_request_state(s, provider.id, reference, &found, status, municipality,
					 &child);
	if (!err && !found)
		err = jr_app_fail(app, JR_ERR_NOT_FOUND, "reference",
				  "geen verzoek van deze aanbieder met referentie %s (TR355)",
				  reference);
	else if (!err && strcmp(status, "allocated") == 0)
		err = jr_app_fail(app, JR_ERR_CONFLICT, "reference",
				  "op dit verzoek is al een toewijzing gestuurd (TR359)");
	else if (!err && strcmp(status, "refused") == 0)
		err = jr_app_fail(app, JR_ERR_CONFLICT, "reference",
				  "dit verzoek is al afgewezen (TR365)");
	else if (!err && investigating && strcmp(status, "investigating") == 0)
		err = jr_app_fail(app, JR_ERR_CONFLICT, "investigating",
				  "dit verzoek is al in onderzoek gemeld; dat kan één keer (TR360)");
	if (!err)
		err = jr_store_ijw_request_set_status(s, a, provider.id, reference,
						      investigating ? "investigating" : "refused");
	if (!err) {
		snprintf(rec.direction, sizeof(rec.direction), "out");
		snprintf(rec.code, sizeof(rec.code), "JW319");
		rec.dagtekening = app->today;
		snprintf(rec.sender, sizeof(rec.sender), "%s", municipality);
		snprintf(rec.receiver, sizeof(rec.receiver), "%s", agb);
		snprintf(rec.status, sizeof(rec.status), "sent");
		err = jr_store_ijw_message_add(s, a, &rec);
	}
	if (!err) {
		snprintf(ans.gemeente, sizeof(ans.gemeente), "%s", municipality);
		snprintf(ans.aanbieder, sizeof(ans.aanbieder), "%s", agb);
		snprintf(ans.identificatie, sizeof(ans.identificatie), "%.12s", rec.identification);
		ans.dagtekening = app->today;
		snprintf(ans.referentie, sizeof(ans.referentie), "%s", reference);
		snprintf(ans.antwoord, sizeof(ans.antwoord), "%s", investigating ? "2" : "1");
		snprintf(ans.reden, sizeof(ans.reden), "%s", reason);
		snprintf(ans.woonplaats, sizeof(ans.woonplaats), "%s", residence);
		jr_buf_init(&out, 1 << 16);
		err = jr_ijw_answer_write(&ans, &out);
		snprintf(name, sizeof(name), "JW319-%.12s.xml", ans.identificatie);
		if (!err && (err = fn(ctx, name, jr_buf_str(&out), out.len)))
			jr_app_fail(app, err, NULL, "het antwoord %s kan niet geschreven worden",
				    name);
		jr_buf_release(&out);
	}
	/* undone after a refusal: its error is the one to tell */
	return jr_app_ijw_tx_end(app, tx, true, err);
}
