/* signals: the open signals of the records as JSON objects (signals.h). */
#include "app/signals.h"
#include "app/socialmap.h"

#include <string.h>

#include "core/signals.h"
#include "json/policy_set.h"

struct scan {
	const struct jr_policy_set *set;
	jr_day date;
	const char *municipality; /* "" = all */
	struct jr_buf line;
	struct jr_buf why;
	jr_signal_json_fn fn;
	void *ctx;
};

static enum jr_err emit(void *arg, const struct jr_case *c)
{
	struct scan *sc = arg;
	const struct jr_policy *p = jr_policy_set_find(sc->set, c->municipality);
	struct jr_case_signal sig[16];
	size_t n;
	enum jr_err err = JR_OK;

	if (!p || (sc->municipality[0] && strcmp(sc->municipality, c->municipality) != 0))
		return JR_OK; /* another municipality, or one no policy holds: nothing to judge by */
	n = jr_case_signals(p, c, sc->date, sig, 16);
	for (size_t i = 0; i < n && !err; i++) {
		char since[JR_DATE_STRLEN];
		jr_date_format(sig[i].day, since);
		jr_buf_reset(&sc->line);
		jr_buf_reset(&sc->why);
		err = jr_buf_printf(&sc->line,
				    "{\"code\":\"%s\",\"subject\":{\"child_id\":%lld,"
				    "\"help_request_id\":%lld,\"municipality\":\"%s\"},"
				    "\"since\":\"%s\",\"why\":",
				    jr_case_signal_name(sig[i].code), (long long)c->child_id,
				    (long long)c->help_request_id, c->municipality, since);
		if (!err)
			err = jr_case_signal_why(&sc->why, p, &sig[i]);
		if (!err)
			err = jr_buf_json_string(&sc->line, jr_buf_str(&sc->why));
		if (!err)
			err = jr_buf_putc(&sc->line, '}');
		if (!err)
			err = sc->fn(sc->ctx, jr_buf_str(&sc->line));
	}
	return err;
}

/* Social map entries not verified within the region's norm. */
static enum jr_err emit_stale(void *arg, const struct jr_social_entry *e)
{
	struct scan *sc = arg;
	const struct jr_policy *p = jr_policy_set_find(sc->set, e->municipality);
	char since[JR_DATE_STRLEN];
	enum jr_err err;

	if (!jr_app_socialmap_stale(sc->set, e, sc->date) ||
	    (sc->municipality[0] && strcmp(sc->municipality, e->municipality) != 0))
		return JR_OK;
	jr_date_format(e->verified_on, since);
	jr_buf_reset(&sc->line);
	jr_buf_reset(&sc->why);
	err = jr_buf_printf(&sc->why,
			    "Dit item van de sociale kaart is sinds %s niet nagekeken (norm %d "
			    "dagen): controleer het voordat het gezinnen getoond wordt. [sociale "
			    "kaart; beleid norms.social_map_stale_days = %d]",
			    since, p->norms.social_map_stale_days, p->norms.social_map_stale_days);
	if (!err)
		err = jr_buf_printf(&sc->line,
				    "{\"code\":\"stale_social_map\",\"subject\":{\"entry_id\":%lld,"
				    "\"municipality\":\"%s\"},\"since\":\"%s\",\"why\":",
				    (long long)e->id, e->municipality, since);
	if (!err)
		err = jr_buf_json_string(&sc->line, jr_buf_str(&sc->why));
	if (!err)
		err = jr_buf_putc(&sc->line, '}');
	if (!err)
		err = sc->fn(sc->ctx, jr_buf_str(&sc->line));
	return err;
}

enum jr_err jr_app_signals(struct jr_store *s, const struct jr_actor *a,
			   const struct jr_policy_set *set, jr_day date, const char *municipality,
			   jr_signal_json_fn fn, void *ctx)
{
	struct scan sc = {.set = set, .date = date, .municipality = municipality ? municipality : "",
			  .fn = fn, .ctx = ctx};
	enum jr_err err;

	jr_buf_init(&sc.line, 16384);
	jr_buf_init(&sc.why, 4096);
	err = jr_store_each_case(s, a, emit, &sc);
	if (!err)
		err = jr_store_social_each(s, sc.municipality, emit_stale, &sc);
	jr_buf_release(&sc.line);
	jr_buf_release(&sc.why);
	return err;
}
