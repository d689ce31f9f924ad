/* answer_json: writes answers as JSON directly into a buffer. No JSON tree is built: an answer is
 * written once and thrown away, and batch routing writes a million of them. */
#include "json/answer_json.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/why.h"

/* Explanations are written straight into the answer and quoted in place: they rarely hold a
 * character JSON must escape (only policy names could), so the common case costs one scan and no
 * copy. `start` is where the raw text begins, just after its opening quote. */
static bool needs_escape(const char *s, size_t len)
{
	/* Eight bytes at a time: a byte below 0x20, a quote or a backslash sets its high bit in
	 * `hit` (the classic has-zero-byte test); bytes of multi-byte UTF-8 never do. */
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t x, q, bs, hit;
		memcpy(&x, s + i, 8);
		q = x ^ (ones * '"');
		bs = x ^ (ones * '\\');
		hit = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((bs - ones) & ~bs);
		hit &= highs;
		if (hit)
			return true;
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\')
			return true;
	}
	return false;
}

static enum jr_err quote_tail(struct jr_buf *out, struct jr_buf *scratch, size_t start)
{
	enum jr_err err;

	if (needs_escape(out->data + start, out->len - start)) {
		jr_buf_reset(scratch);
		err = jr_buf_append(scratch, out->data + start, out->len - start);
		if (err)
			return err;
		out->len = start - 1; /* drop the raw text and its opening quote */
		return jr_buf_json_string(out, jr_buf_str(scratch));
	}
	return jr_buf_putc(out, '"');
}

#define PUT_WHY(key, call)                                                                         \
	do {                                                                                       \
		size_t start_;                                                                     \
		TRY(jr_buf_puts(out, key "\""));                                                   \
		start_ = out->len;                                                                 \
		TRY(call);                                                                         \
		TRY(quote_tail(out, scratch, start_));                                             \
	} while (0)

static enum jr_err put_option(struct jr_buf *out, struct jr_buf *scratch,
			      const struct jr_answer *a, const struct jr_option *o)
{
	enum jr_err err = JR_OK;
	const char *sep = "";

	TRY(jr_buf_puts(out, "{\"kind\":\""));
	TRY(jr_buf_puts(out, jr_option_kind_name(o->kind)));
	TRY(jr_buf_putc(out, '"'));
	if (o->kind == JR_OPTION_YOUTH_CARE) {
		TRY(jr_buf_printf(out, ",\"form\":%d,\"setting\":\"%s\"", o->form,
				  jr_setting_name(a->policy->forms[o->form].setting)));
	} else if (o->offer) {
		TRY(jr_buf_puts(out, ",\"id\":"));
		TRY(jr_buf_json_string(out, o->offer->id));
		TRY(jr_buf_puts(out, ",\"category\":\""));
		TRY(jr_buf_puts(out, o->kind == JR_OPTION_SOCIAL_BASE
					     ? jr_sb_category_name((enum jr_sb_category)o->offer->category)
					     : jr_nr_kind_name((enum jr_nr_kind)o->offer->category)));
		TRY(jr_buf_putc(out, '"'));
	}
	TRY(jr_buf_puts(out, ",\"name\":"));
	TRY(jr_buf_json_string(out, jr_option_name(a, o)));
	TRY(jr_buf_puts(out, o->referral_required ? ",\"referral_required\":true"
						  : ",\"referral_required\":false"));
	TRY(jr_buf_puts(out, ",\"allowed_referrers\":["));
	for (int c = 1; c < JR_REFERRER_CODES; c++) {
		if (!(o->referrers & (1u << c)))
			continue;
		TRY(jr_buf_printf(out, "%s\"%02d\"", sep, c));
		sep = ",";
	}
	TRY(jr_buf_putc(out, ']'));
	if (o->kind == JR_OPTION_YOUTH_CARE) {
		TRY(jr_buf_printf(out, ",\"contracting\":\"%s\"", jr_contracting_name(o->contracting)));
		if (o->has_regime)
			TRY(jr_buf_printf(out, ",\"regime\":\"%s\"", jr_regime_name(o->regime)));
		if (o->has_regime && o->regime == JR_REGIME_GENERIC &&
		    a->municipality->main_provider[0]) {
			TRY(jr_buf_puts(out, ",\"provider\":"));
			TRY(jr_buf_json_string(out, a->municipality->main_provider));
		}
		TRY(jr_buf_printf(out, ",\"jz020\":\"%s\"", o->jz020));
	}
	TRY(jr_buf_puts(out, ",\"requires\":["));
	sep = "";
	for (unsigned bit = 1; bit <= JR_REQUIRE_COURT_ORDER; bit <<= 1) {
		if (!(o->requires & bit))
			continue;
		TRY(jr_buf_printf(out, "%s\"%s\"", sep, jr_require_name((enum jr_require)bit)));
		sep = ",";
	}
	TRY(jr_buf_putc(out, ']'));
	PUT_WHY(",\"why\":", jr_why_option(out, a, o));
	TRY(jr_buf_putc(out, '}'));
out:
	return err;
}

enum jr_err jr_answer_write_json(struct jr_buf *out, struct jr_buf *scratch,
				 const struct jr_answer *a)
{
	const struct jr_policy *p = a->policy;
	const struct jr_municipality *m = a->municipality;
	enum jr_err err = JR_OK;

	TRY(jr_buf_putc(out, '{'));
	if (a->request->id[0]) {
		TRY(jr_buf_puts(out, "\"id\":"));
		TRY(jr_buf_json_string(out, a->request->id));
		TRY(jr_buf_putc(out, ','));
	}
	TRY(jr_buf_printf(out, "\"municipality\":{\"code\":\"%s\",\"name\":", m->code));
	TRY(jr_buf_json_string(out, m->name));
	TRY(jr_buf_puts(out, ",\"region\":"));
	TRY(jr_buf_json_string(out, p->name));
	TRY(jr_buf_puts(out, ",\"regional_body\":"));
	TRY(jr_buf_json_string(out, p->regional_body_short[0] ? p->regional_body_short
							      : p->regional_body));
	TRY(jr_buf_printf(out, ",\"regime\":\"%s\"},\"age\":%d,\"eligible\":%s", jr_regime_name(m->regime),
			  a->age, a->eligible ? "true" : "false"));
	if (!a->eligible) {
		PUT_WHY(",\"why\":", jr_why_eligibility(out, a));
	}
	TRY(jr_buf_printf(out, ",\"framework\":\"%s\",\"options\":[",
			  jr_framework_name(a->framework)));
	for (size_t i = 0; i < a->option_count; i++) {
		if (i)
			TRY(jr_buf_putc(out, ','));
		TRY(put_option(out, scratch, a, &a->options[i]));
	}
	TRY(jr_buf_puts(out, "],\"signals\":["));
	for (size_t i = 0; i < a->signal_count; i++) {
		const struct jr_signal *s = &a->signals[i];
		TRY(jr_buf_printf(out, "%s{\"code\":\"%s\"", i ? "," : "",
				  jr_signal_code_name(s->code)));
		if (s->code == JR_SIGNAL_CRISIS_FOLLOWUP) {
			char due[JR_DATE_STRLEN];
			jr_date_format(s->day, due);
			TRY(jr_buf_printf(out, ",\"due\":\"%s\"", due));
		}
		PUT_WHY(",\"why\":", jr_why_signal(out, a, s));
		TRY(jr_buf_putc(out, '}'));
	}
	TRY(jr_buf_puts(out, "],\"warnings\":["));
	for (size_t i = 0; i < a->warning_count; i++) {
		if (i)
			TRY(jr_buf_putc(out, ','));
		PUT_WHY("", jr_why_warning(out, a, a->warnings[i]));
	}
	TRY(jr_buf_putc(out, ']'));
	if (a->has_referral_check) {
		TRY(jr_buf_printf(out, ",\"referral_check\":{\"valid\":%s",
				  a->referral_valid ? "true" : "false"));
		if (a->referral_form)
			TRY(jr_buf_printf(out, ",\"form\":%d", a->referral_form));
		PUT_WHY(",\"why\":", jr_why_referral(out, a));
		TRY(jr_buf_putc(out, '}'));
	}
	TRY(jr_buf_putc(out, '}'));
out:
	return err;
}

enum jr_err jr_error_write_json(struct jr_buf *out, const struct jr_diag *d, const char *id)
{
	enum jr_err err = JR_OK;

	TRY(jr_buf_putc(out, '{'));
	if (id && id[0]) {
		TRY(jr_buf_puts(out, "\"id\":"));
		TRY(jr_buf_json_string(out, id));
		TRY(jr_buf_putc(out, ','));
	}
	TRY(jr_buf_puts(out, "\"error\":{\"field\":"));
	TRY(jr_buf_json_string(out, d->path));
	TRY(jr_buf_puts(out, ",\"message\":"));
	TRY(jr_buf_json_string(out, d->message));
	TRY(jr_buf_puts(out, "}}"));
out:
	return err;
}
