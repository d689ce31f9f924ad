/* signals: the open signals of the records, judged by their policies (signals.h). */
#include "app/signals.h"
#include "app/socialmap.h"

#include <string.h>

#include "app/access.h"
#include "core/signals.h"
#include "json/policy_set.h"

struct scan {
	const struct jr_policy_set *set;
	jr_day date;
	const char *municipality; /* "" = all */
	struct jr_buf why;
	jr_open_signal_fn fn;
	void *ctx;
};

static enum jr_err emit(void *arg, const struct jr_case *c)
{
	struct scan *sc = arg;
	const struct jr_policy *p = jr_policy_set_find(sc->set, c->municipality, sc->date);
	struct jr_case_signal sig[16];
	size_t n;
	enum jr_err err = JR_OK;

	if (!p || (sc->municipality[0] && strcmp(sc->municipality, c->municipality) != 0))
		return JR_OK; /* another municipality, or one no policy holds: nothing to judge by */
	n = jr_case_signals(p, c, sc->date, sig, 16);
	for (size_t i = 0; i < n && !err; i++) {
		struct jr_open_signal s = {.code = jr_case_signal_name(sig[i].code),
				      .child_id = c->child_id,
				      .help_request_id = c->help_request_id,
				      .municipality = c->municipality,
				      .since = sig[i].day};
		jr_buf_reset(&sc->why);
		if (!(err = jr_case_signal_why(&sc->why, p, &sig[i]))) {
			s.why = jr_buf_str(&sc->why);
			err = sc->fn(sc->ctx, &s);
		}
	}
	return err;
}

/* Social map entries not verified within the region's norm. */
static enum jr_err emit_stale(void *arg, const struct jr_social_entry *e)
{
	struct scan *sc = arg;
	const struct jr_policy *p = jr_policy_set_find(sc->set, e->municipality, sc->date);
	struct jr_open_signal s = {.code = "stale_social_map",
			      .entry_id = e->id,
			      .municipality = e->municipality,
			      .since = e->verified_on};
	char since[JR_DATE_STRLEN];
	enum jr_err err;

	if (!jr_app_socialmap_stale(sc->set, e, sc->date) ||
	    (sc->municipality[0] && strcmp(sc->municipality, e->municipality) != 0))
		return JR_OK;
	jr_date_format(e->verified_on, since);
	jr_buf_reset(&sc->why);
	err = jr_buf_printf(&sc->why,
			    "Dit item van de sociale kaart is sinds %s niet nagekeken (norm %d "
			    "dagen): controleer het voordat het gezinnen getoond wordt. [sociale "
			    "kaart; beleid norms.social_map_stale_days = %d]",
			    since, p->norms.social_map_stale_days, p->norms.social_map_stale_days);
	if (err)
		return err;
	s.why = jr_buf_str(&sc->why);
	return sc->fn(sc->ctx, &s);
}

enum jr_err jr_app_signals(struct jr_app *app, jr_day date, jr_open_signal_fn fn, void *ctx)
{
	struct scan sc = {.set = app->policies, .date = date, .municipality = "", .fn = fn,
			  .ctx = ctx};
	enum jr_err err;

	if ((err = jr_app_access_require(app, JR_CAP_SIGNALS)))
		return err;
	if (app->principal) {
		if (!app->principal->municipality[0])
			return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
					   "uw organisatie hoort bij geen gemeente");
		sc.municipality = app->principal->municipality;
	}
	if (!app->policies)
		return jr_app_fail(app, JR_ERR_INTERNAL, NULL, "de beleidsbestanden zijn niet geladen");
	jr_buf_init(&sc.why, 4096);
	err = jr_store_each_case(app->store, app->actor, emit, &sc);
	if (!err)
		err = jr_store_social_each(app->store, sc.municipality, emit_stale, &sc);
	jr_buf_release(&sc.why);
	return err;
}
