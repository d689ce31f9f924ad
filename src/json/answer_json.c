/* answer_json: writes answers as JSON directly into a buffer, through the JSON writer (which
 * escapes every string). No JSON tree is built: an answer is written once and thrown away, and
 * batch routing writes a million of them. */
#include "json/answer_json.h"

#include "core/why.h"
#include "json/json_writer.h"

/* An explanation (core/why.h) as the value of the key just written: the why functions append
 * their text straight into the answer, and the writer quotes it in place (escaping it only when
 * it must, which only policy names could make necessary). */
#define PUT_WHY(call)                                                                              \
	do {                                                                                       \
		size_t start_ = jr_jw_text_begin(w);                                               \
		jr_jw_text_end(w, start_, w->err ? w->err : (call), scratch);                     \
	} while (0)

static void put_option(struct jr_json_writer *w, struct jr_buf *scratch, const struct jr_answer *a,
		       const struct jr_option *o)
{
	struct jr_buf *out = w->out;

	jr_jw_object(w);
	jr_jw_kstring(w, "kind", jr_option_kind_name(o->kind));
	if (o->kind == JR_OPTION_YOUTH_CARE) {
		jr_jw_kint(w, "form", o->form);
		jr_jw_kstring(w, "setting", jr_setting_name(a->policy->forms[o->form].setting));
	} else if (o->kind == JR_OPTION_OTHER_DOMAIN) {
		jr_jw_kstring(w, "help", jr_other_help_name(o->other));
	} else if (o->offer) {
		jr_jw_kstring(w, "id", o->offer->id);
		jr_jw_kstring(w, "category",
			      o->kind == JR_OPTION_SOCIAL_BASE
				      ? jr_sb_category_name((enum jr_sb_category)o->offer->category)
				      : jr_nr_kind_name((enum jr_nr_kind)o->offer->category));
	}
	jr_jw_kstring(w, "name", jr_option_name(a, o));
	jr_jw_kbool(w, "referral_required", o->referral_required);
	jr_jw_key(w, "allowed_referrers");
	jr_jw_array(w);
	for (int c = 1; c < JR_REFERRER_CODES; c++) {
		if (o->referrers & (1u << c)) {
			char code[3] = {(char)('0' + c / 10 % 10), (char)('0' + c % 10), '\0'};
			jr_jw_string(w, code);
		}
	}
	jr_jw_end(w);
	if (o->kind == JR_OPTION_YOUTH_CARE) {
		jr_jw_kstring(w, "contracting", jr_contracting_name(o->contracting));
		if (o->has_regime)
			jr_jw_kstring(w, "regime", jr_regime_name(o->regime));
		if (o->has_regime && o->regime == JR_REGIME_GENERIC &&
		    a->municipality->main_provider[0])
			jr_jw_kstring(w, "provider", a->municipality->main_provider);
		jr_jw_kstring(w, "jz020", o->jz020);
		if (o->why == JR_WHY_YC_CRISIS) {
			/* principle 9: the region's crisis service, reachable around the clock */
			const struct jr_crisis_service *c = &a->policy->crisis_service;
			jr_jw_key(w, "crisis_service");
			jr_jw_object(w);
			jr_jw_kstring(w, "name", c->name);
			jr_jw_kstring(w, "reachability", c->reachability);
			if (c->has_since)
				jr_jw_kdate(w, "since", c->since, true);
			if (c->phone[0])
				jr_jw_kstring(w, "phone", c->phone);
			jr_jw_end(w);
		}
		if (o->why == JR_WHY_YC_URGENT_MENTAL_HEALTH)
			jr_jw_kbool(w, "urgent", true); /* principle 9: urgent youth mental health */
	}
	jr_jw_key(w, "requires");
	jr_jw_array(w);
	for (unsigned bit = 1; bit <= JR_REQUIRE_COURT_ORDER; bit <<= 1)
		if (o->requires & bit)
			jr_jw_string(w, jr_require_name((enum jr_require)bit));
	jr_jw_end(w);
	jr_jw_key(w, "why");
	PUT_WHY(jr_why_option(out, a, o));
	jr_jw_end(w);
}

enum jr_err jr_answer_write_json(struct jr_buf *out, struct jr_buf *scratch,
				 const struct jr_answer *a)
{
	const struct jr_policy *p = a->policy;
	const struct jr_municipality *m = a->municipality;
	struct jr_json_writer writer, *w = &writer;

	jr_jw_init(w, out);
	jr_jw_object(w);
	if (a->request->id[0])
		jr_jw_kstring(w, "id", a->request->id);
	jr_jw_key(w, "municipality");
	jr_jw_object(w);
	jr_jw_kstring(w, "code", m->code);
	jr_jw_kstring(w, "name", m->name);
	jr_jw_kstring(w, "region", p->name);
	jr_jw_kstring(w, "regional_body",
		      p->regional_body_short[0] ? p->regional_body_short : p->regional_body);
	jr_jw_kstring(w, "regime", jr_regime_name(m->regime));
	jr_jw_end(w);
	/* principle 13: who is responsible, and why (the stay rule, or the BRP) */
	jr_jw_key(w, "responsible_municipality");
	jr_jw_object(w);
	jr_jw_kstring(w, "code", m->code);
	jr_jw_kstring(w, "name", m->name);
	jr_jw_kstring(w, "basis", a->responsible_why == JR_WHY_RESP_BEFORE_STAY
					  ? "residence_before_stay" : "residence");
	jr_jw_key(w, "why");
	PUT_WHY(jr_why_responsible(out, a));
	jr_jw_end(w);
	jr_jw_kint(w, "age", a->age);
	jr_jw_kbool(w, "eligible", a->eligible);
	if (!a->eligible) {
		jr_jw_key(w, "why");
		PUT_WHY(jr_why_eligibility(out, a));
	}
	jr_jw_kstring(w, "framework", jr_framework_name(a->framework));
	jr_jw_key(w, "options");
	jr_jw_array(w);
	for (size_t i = 0; i < a->option_count; i++)
		put_option(w, scratch, a, &a->options[i]);
	jr_jw_end(w);
	jr_jw_key(w, "signals");
	jr_jw_array(w);
	for (size_t i = 0; i < a->signal_count; i++) {
		const struct jr_signal *s = &a->signals[i];
		jr_jw_object(w);
		jr_jw_kstring(w, "code", jr_signal_code_name(s->code));
		if (s->code == JR_SIGNAL_CRISIS_FOLLOWUP)
			jr_jw_kdate(w, "due", s->day, true);
		jr_jw_key(w, "why");
		PUT_WHY(jr_why_signal(out, a, s));
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_key(w, "warnings");
	jr_jw_array(w);
	for (size_t i = 0; i < a->warning_count; i++)
		PUT_WHY(jr_why_warning(out, a, a->warnings[i]));
	jr_jw_end(w);
	if (a->has_referral_check) {
		jr_jw_key(w, "referral_check");
		jr_jw_object(w);
		jr_jw_kbool(w, "valid", a->referral_valid);
		if (a->referral_form)
			jr_jw_kint(w, "form", a->referral_form);
		jr_jw_key(w, "why");
		PUT_WHY(jr_why_referral(out, a));
		jr_jw_end(w);
	}
	jr_jw_end(w);
	return jr_jw_finish(w);
}

enum jr_err jr_error_write_json(struct jr_buf *out, const struct jr_diag *d, const char *id)
{
	struct jr_json_writer w;

	jr_jw_init(&w, out);
	jr_jw_object(&w);
	if (id && id[0])
		jr_jw_kstring(&w, "id", id);
	jr_jw_key(&w, "error");
	jr_jw_object(&w);
	jr_jw_kstring(&w, "field", d->path);
	jr_jw_kstring(&w, "message", d->message);
	jr_jw_end(&w);
	jr_jw_end(&w);
	return jr_jw_finish(&w);
}
