/* text: a routing answer as readable Dutch text, for `route --text` and `make run`. */
#include "cli/cli.h"
#include "core/why.h"

static const char *kind_label(enum jr_option_kind k)
{
	switch (k) {
	case JR_OPTION_SOCIAL_BASE: return "sociale basis";
	case JR_OPTION_NO_REFERRAL: return "zonder verwijzing";
	case JR_OPTION_COORDINATION: return "regie";
	case JR_OPTION_YOUTH_CARE: return "jeugdhulp";
	case JR_OPTION_OTHER_DOMAIN: return "ander domein";
	case JR_OPTION_KIND_COUNT: break;
	}
	return "";
}

static const char *require_label(enum jr_require r)
{
	switch (r) {
	case JR_REQUIRE_BROAD_ANALYSIS: return "brede verklarende analyse";
	case JR_REQUIRE_RESULT_DESCRIPTION: return "resultaatomschrijving";
	case JR_REQUIRE_PRODUCT_CODE: return "productcode";
	case JR_REQUIRE_COURT_ORDER: return "rechterlijke uitspraak";
	}
	return "";
}

enum jr_err jr_text_answer(struct jr_buf *out, struct jr_buf *scratch, const struct jr_answer *a)
{
	const struct jr_policy *p = a->policy;
	const struct jr_municipality *m = a->municipality;
	enum jr_err err = JR_OK;

	TRY(jr_buf_printf(out, "%s (%s), regio %s — kind van %d jaar, %s kader\n", m->name, m->code,
			  p->name, a->age,
			  a->framework == JR_FRAMEWORK_COMPULSORY ? "gedwongen" : "vrijwillig"));
	if (a->responsible_why == JR_WHY_RESP_BEFORE_STAY) { /* principle 13 */
		jr_buf_reset(scratch);
		TRY(jr_why_responsible(scratch, a));
		TRY(jr_buf_printf(out, "  Verantwoordelijke gemeente: %s\n", jr_buf_str(scratch)));
	}
	if (!a->eligible) {
		jr_buf_reset(scratch);
		TRY(jr_why_eligibility(scratch, a));
		TRY(jr_buf_printf(out, "  Geen jeugdhulp mogelijk: %s\n", jr_buf_str(scratch)));
		return JR_OK;
	}
	TRY(jr_buf_puts(out, "Opties (de eerste is de aanbevolen eerste stap):\n"));
	for (size_t i = 0; i < a->option_count; i++) {
		const struct jr_option *o = &a->options[i];
		TRY(jr_buf_printf(out, "  %zu. [%s", i + 1, kind_label(o->kind)));
		if (o->kind == JR_OPTION_YOUTH_CARE)
			TRY(jr_buf_printf(out, ", vorm %d", o->form));
		TRY(jr_buf_printf(out, "] %s\n", jr_option_name(a, o)));
		if (o->kind == JR_OPTION_YOUTH_CARE) {
			const char *sep = "";
			TRY(jr_buf_printf(out, "     %s gecontracteerd",
					  o->contracting == JR_CONTRACTING_LOCAL ? "lokaal"
										 : "regionaal"));
			if (o->has_regime)
				TRY(jr_buf_printf(out, ", %s", jr_regime_label(o->regime)));
			TRY(jr_buf_printf(out, "; iJw-productcategorie %s; verwijzers: ", o->jz020));
			for (int c = 1; c < JR_REFERRER_CODES; c++) {
				if (!(o->referrers & (1u << c)))
					continue;
				TRY(jr_buf_printf(out, "%s%02d %s", sep, c, p->referrers[c].name));
				sep = ", ";
			}
			TRY(jr_buf_puts(out, "\n"));
			if (o->requires) {
				sep = "";
				TRY(jr_buf_puts(out, "     Vereist: "));
				for (unsigned bit = 1; bit <= JR_REQUIRE_COURT_ORDER; bit <<= 1) {
					if (!(o->requires & bit))
						continue;
					TRY(jr_buf_printf(out, "%s%s", sep,
							  require_label((enum jr_require)bit)));
					sep = ", ";
				}
				TRY(jr_buf_puts(out, "\n"));
			}
		} else if (o->kind == JR_OPTION_OTHER_DOMAIN) {
			TRY(jr_buf_printf(out, "     %s, voor ouder of gezin; geen jeugdhulp\n",
					  jr_other_help_label(o->other)));
		} else {
			TRY(jr_buf_puts(out, "     Vrij toegankelijk, geen verwijzing nodig\n"));
		}
		jr_buf_reset(scratch);
		TRY(jr_why_option(scratch, a, o));
		TRY(jr_buf_printf(out, "     Waarom: %s\n", jr_buf_str(scratch)));
	}
	if (a->signal_count)
		TRY(jr_buf_puts(out, "Signalen:\n"));
	for (size_t i = 0; i < a->signal_count; i++) {
		jr_buf_reset(scratch);
		TRY(jr_why_signal(scratch, a, &a->signals[i]));
		TRY(jr_buf_printf(out, "  ! %s: %s\n", jr_signal_code_name(a->signals[i].code),
				  jr_buf_str(scratch)));
	}
	if (a->warning_count)
		TRY(jr_buf_puts(out, "Waarschuwingen:\n"));
	for (size_t i = 0; i < a->warning_count; i++) {
		jr_buf_reset(scratch);
		TRY(jr_why_warning(scratch, a, a->warnings[i]));
		TRY(jr_buf_printf(out, "  - %s\n", jr_buf_str(scratch)));
	}
	if (a->has_referral_check) {
		jr_buf_reset(scratch);
		TRY(jr_why_referral(scratch, a));
		TRY(jr_buf_printf(out, "Verwijzing: %s — %s\n", a->referral_valid ? "geldig" : "niet geldig",
				  jr_buf_str(scratch)));
	}
out:
	return err;
}
