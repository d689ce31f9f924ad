/* api_vocabulary: GET /api/v1/vocabulary[?municipality=CODE | ?region=ID] — the words the
 * screens show, each with its code and its Dutch label: the region's (from its policy), the iJw
 * standard's and the records' own. Gathered by app/vocabulary.c; rendered here. Any logged-in
 * role may read them: they hold no client data. */
#include <stdio.h>
#include <string.h>

#include "app/vocabulary.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/fields.h"

/* `"key":` after a comma unless it is the first member. */
static enum jr_err key(struct jr_buf *b, const char *name)
{
	return jr_buf_printf(b, ",\"%s\":", name);
}

/* {"code":…,"label":…  — left open for more members. */
static enum jr_err word_open(struct jr_buf *b, size_t i, const char *code, const char *label)
{
	enum jr_err err;

	TRY(jr_buf_puts(b, i ? ",{\"code\":" : "{\"code\":"));
	TRY(jr_buf_json_string(b, code));
	TRY(jr_buf_puts(b, ",\"label\":"));
	err = jr_buf_json_string(b, label);
out:
	return err;
}

static enum jr_err list_json(struct jr_buf *b, const char *name, const struct jr_vocab_list *l)
{
	enum jr_err err;

	TRY(key(b, name));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < l->count; i++) {
		TRY(word_open(b, i, l->items[i].code, l->items[i].label));
		TRY(jr_buf_putc(b, '}'));
	}
	err = jr_buf_putc(b, ']');
out:
	return err;
}

/* The members of a bit set as a JSON array: numbers (forms) or need names. */
static enum jr_err forms_json(struct jr_buf *b, unsigned forms)
{
	enum jr_err err = jr_buf_putc(b, '[');

	for (int f = 1, n = 0; !err && f <= JR_FORM_COUNT; f++)
		if (forms & 1u << f)
			err = jr_buf_printf(b, "%s%d", n++ ? "," : "", f);
	return err ? err : jr_buf_putc(b, ']');
}

static enum jr_err needs_json(struct jr_buf *b, unsigned needs)
{
	enum jr_err err = jr_buf_putc(b, '[');

	for (int k = 0, n = 0; !err && k < JR_NEED_COUNT; k++)
		if (needs & 1u << k)
			err = jr_buf_printf(b, "%s\"%s\"", n++ ? "," : "",
					    jr_need_name((enum jr_need)k));
	return err ? err : jr_buf_putc(b, ']');
}

static enum jr_err region_json(struct jr_buf *b, const struct jr_vocabulary *v)
{
	const struct jr_policy *p = v->region;
	enum jr_err err;

	if (!p)
		return jr_buf_puts(b, "\"region\":null");
	TRY(jr_buf_puts(b, "\"region\":{\"code\":"));
	TRY(jr_buf_json_string(b, p->id));
	TRY(jr_buf_puts(b, ",\"label\":"));
	TRY(jr_buf_json_string(b, p->name));
	TRY(jr_buf_puts(b, ",\"regional_body\":"));
	TRY(jr_buf_json_string(b, p->regional_body));
	TRY(jr_buf_puts(b, ",\"regional_body_short\":"));
	TRY(jr_buf_json_string(b, p->regional_body_short));
	err = jr_buf_putc(b, '}');
out:
	return err;
}

static enum jr_err vocabulary_json(struct jr_buf *b, const struct jr_vocabulary *v)
{
	enum jr_err err;

	TRY(jr_buf_putc(b, '{'));
	TRY(region_json(b, v));
	TRY(key(b, "municipality"));
	TRY(v->municipality[0] ? jr_buf_printf(b, "\"%s\"", v->municipality)
				    : jr_buf_puts(b, "null"));
	TRY(key(b, "regions"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->region_count; i++) {
		TRY(word_open(b, i, v->regions[i].code, v->regions[i].label));
		TRY(jr_buf_putc(b, '}'));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(key(b, "municipalities"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->municipality_count; i++) {
		const struct jr_vocab_municipality *m = &v->municipalities[i];
		TRY(word_open(b, i, m->code, m->label));
		TRY(jr_buf_printf(b, ",\"regime\":\"%s\"}", m->regime));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(key(b, "forms"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->form_count; i++) {
		const struct jr_vocab_form *f = &v->forms[i];
		char code[8];
		snprintf(code, sizeof(code), "%d", f->number);
		TRY(word_open(b, i, code, f->label));
		TRY(jr_buf_printf(b, ",\"number\":%d,\"setting\":\"%s\",\"setting_label\":",
				       f->number, f->setting));
		TRY(jr_buf_json_string(b, f->setting_label));
		TRY(jr_buf_printf(b, ",\"contracting\":\"%s\",\"contracting_label\":",
				       f->contracting));
		TRY(jr_buf_json_string(b, f->contracting_label));
		TRY(jr_buf_putc(b, '}'));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(key(b, "regimes"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->regime_count; i++) {
		const struct jr_vocab_regime *g = &v->regimes[i];
		TRY(word_open(b, i, g->code, g->label));
		TRY(jr_buf_puts(b, ",\"description\":"));
		TRY(jr_buf_json_string(b, g->description));
		TRY(jr_buf_puts(b, ",\"terms\":["));
		for (size_t t = 0; t < g->term_count; t++) {
			TRY(t ? jr_buf_putc(b, ',') : JR_OK);
			TRY(jr_buf_json_string(b, g->terms[t]));
		}
		TRY(jr_buf_puts(b, "]}"));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(key(b, "light_options"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->light_option_count; i++) {
		const struct jr_vocab_offer *o = &v->light_options[i];
		TRY(word_open(b, i, o->code, o->label));
		TRY(jr_buf_printf(b, ",\"kind\":\"%s\",\"category\":\"%s\",\"category_label\":",
				       o->kind, o->category));
		TRY(jr_buf_json_string(b, o->category_label));
		TRY(jr_buf_puts(b, ",\"needs\":"));
		TRY(needs_json(b, o->needs));
		TRY(jr_buf_putc(b, '}'));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(key(b, "referrer_types"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->referrer_type_count; i++) {
		const struct jr_vocab_referrer *r = &v->referrer_types[i];
		TRY(word_open(b, i, r->code, r->label));
		TRY(jr_buf_puts(b, ",\"forms\":"));
		TRY(forms_json(b, r->forms));
		TRY(jr_buf_putc(b, '}'));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(list_json(b, "needs", &v->needs));
	TRY(jr_buf_printf(b, ",\"need_max_level\":%d", v->need_max_level));
	TRY(list_json(b, "measures", &v->measures));
	TRY(list_json(b, "option_kinds", &v->option_kinds));
	TRY(list_json(b, "end_reasons", &v->end_reasons));
	TRY(list_json(b, "change_reasons", &v->change_reasons));

	TRY(key(b, "units"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->unit_count; i++) {
		TRY(word_open(b, i, v->units[i].code, v->units[i].label));
		TRY(jr_buf_printf(b, ",\"ijw\":\"%s\"}", v->units[i].ijw));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(list_json(b, "ijw_places", &v->ijw_places));

	TRY(key(b, "help_request_states"));
	TRY(jr_buf_putc(b, '['));
	for (size_t i = 0; i < v->help_request_state_count; i++) {
		const struct jr_vocab_state *s = &v->help_request_states[i];
		TRY(word_open(b, i, s->code, s->label));
		TRY(s->next ? jr_buf_printf(b, ",\"next\":\"%s\"}", s->next)
				 : jr_buf_puts(b, ",\"next\":null}"));
	}
	TRY(jr_buf_putc(b, ']'));

	TRY(list_json(b, "raised_by", &v->raised_by));
	TRY(list_json(b, "goals_reached", &v->goals_reached));
	TRY(list_json(b, "household_roles", &v->household_roles));
	TRY(list_json(b, "provider_statuses", &v->provider_statuses));
	TRY(list_json(b, "event_kinds", &v->event_kinds));
	TRY(list_json(b, "involvement_kinds", &v->involvement_kinds));
	TRY(list_json(b, "signals", &v->signals));
	TRY(list_json(b, "roles", &v->roles));
	TRY(list_json(b, "organisation_kinds", &v->organisation_kinds));
	err = jr_buf_puts(b, "}\n");
out:
	return err;
}

/* A query parameter as sent (NULL when absent); longer than 64 bytes counts as present and is
 * refused by the app as unknown. */
static const char *argument(const struct jr_http_request *r, const char *name)
{
	const char *v = r->argument ? r->argument(r->conn, name) : NULL;
	return v && strlen(v) > 64 ? "" : v;
}

int jr_api_vocabulary(struct jr_http_request *r)
{
	struct jr_vocabulary *v = jr_calloc(1, sizeof(*v));
	const char *bad = NULL;
	enum jr_err err;
	int status;

	if (!v)
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	err = jr_app_vocabulary(r->policies, &r->who, argument(r, "municipality"),
				argument(r, "region"), jr_http_today(), v, &bad);
	if (err == JR_ERR_NOT_FOUND && bad) {
		status = jr_reply_error(r, 422, "invalid", bad,
					strcmp(bad, "region") == 0
						? "geen regio met deze naam; zie regions"
						: "verwacht de CBS-code van een gemeente van een regio");
		goto out;
	}
	jr_buf_reset(&r->out);
	if (!err)
		err = vocabulary_json(&r->out, v);
	status = err ? jr_reply_err(r, err, NULL) : jr_reply_json(r, 200);
out:
	jr_free(v);
	return status;
}
