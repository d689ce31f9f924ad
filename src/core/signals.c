/* signals: record signals over one child's course (see signals.h). */
#include "core/signals.h"

static void add(struct jr_case_signal *out, size_t cap, size_t *n, enum jr_case_signal_code code,
		int count, jr_day day)
{
	if (*n < cap)
		out[(*n)++] = (struct jr_case_signal){.code = code, .count = count, .day = day};
}

const char *jr_case_signal_name(enum jr_case_signal_code c)
{
	static const char *const names[JR_CS_COUNT] = {
		[JR_CS_HOPPING] = "hopping",
		[JR_CS_MULTI_AGENCY] = "multi_agency",
		[JR_CS_ESCALATE] = "escalate",
		[JR_CS_WAITING_REFERRAL] = "waiting",
		[JR_CS_WAITING_START] = "waiting",
		[JR_CS_CRISIS_FOLLOWUP] = "crisis_followup",
		[JR_CS_OUT_OF_HOME] = "out_of_home",
	};
	return (unsigned)c < JR_CS_COUNT ? names[c] : NULL;
}

/* The highest severity among the domains youth care answers: a need the policy maps to the
 * social base or another domain (debts, school) never asks for heavier youth care (principles
 * 6 and 14). */
static int youth_care_need(const struct jr_policy *p, const struct jr_case *c)
{
	int max = 0;

	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (p->domain_kind[d] == JR_DOMAIN_YOUTH_CARE && c->needs[d] > max)
			max = c->needs[d];
	return max;
}

size_t jr_case_signals(const struct jr_policy *p, const struct jr_case *c, jr_day today,
		       struct jr_case_signal *out, size_t cap)
{
	const struct jr_norms *n = &p->norms;
	int negative = 0, crisis_form = jr_policy_form_with_setting(p, JR_SETTING_CRISIS);
	size_t count = 0;

	for (size_t i = 0; i < c->item_count; i++) {
		const struct jr_case_item *it = &c->items[i];
		const struct jr_form *f = it->form >= 1 && it->form <= JR_FORM_COUNT
						  ? &p->forms[it->form]
						  : NULL;
		if (!f)
			continue;
		/* Rule 9: interventions ended negatively within the window. */
		if (it->stopped && it->negative && it->stop <= today &&
		    it->stop >= today - n->hopping_window_days)
			negative++;
		/* Allocated but care has not started within the waiting norm. */
		if (!it->started && today - it->allocated > n->max_waiting_days)
			add(out, cap, &count, JR_CS_WAITING_START, today - it->allocated,
			    it->allocated);
		/* Rule 4: after crisis care the analysis follows within the norm. */
		if (it->form == crisis_form && it->started &&
		    today - it->start > n->crisis_followup_days &&
		    (!c->analysis || c->analysis_on < it->start))
			add(out, cap, &count, JR_CS_CRISIS_FOLLOWUP, n->crisis_followup_days,
			    it->start + n->crisis_followup_days);
		/* Rule 10: a stay away from home with no intensive ambulant attempt before it. */
		if (jr_setting_is_stay(f->setting)) {
			bool tried = false;
			for (size_t k = 0; k < c->item_count; k++) {
				const struct jr_case_item *o = &c->items[k];
				if (o->form >= n->intensive_ambulant_from_form &&
				    o->form <= JR_FORM_COUNT &&
				    p->forms[o->form].setting == JR_SETTING_AMBULANT && o->started &&
				    o->start <= it->allocated)
					tried = true;
			}
			if (!tried)
				add(out, cap, &count, JR_CS_OUT_OF_HOME, it->form, it->allocated);
		}
		/* Light help that runs long while the needs stay severe. */
		if (it->form <= 2 && it->started && !it->stopped &&
		    today - it->start > n->escalate_after_days &&
		    youth_care_need(p, c) >= p->thresholds.youth_care_min)
			add(out, cap, &count, JR_CS_ESCALATE, today - it->start, it->start);
	}
	if (negative >= n->hopping_count)
		add(out, cap, &count, JR_CS_HOPPING, negative, today - n->hopping_window_days);
	if (c->referrals_waiting > 0 && today - c->oldest_referral > n->max_waiting_days)
		add(out, cap, &count, JR_CS_WAITING_REFERRAL, today - c->oldest_referral,
		    c->oldest_referral);
	/* Two or more organisations and nobody holding the regie: share only that someone is
	 * involved (the automatic counterpart of the Verwijsindex). */
	if (c->organisations >= 2 && !c->coordinator)
		add(out, cap, &count, JR_CS_MULTI_AGENCY, c->organisations, today);
	return count;
}

enum jr_err jr_case_signal_why(struct jr_buf *b, const struct jr_policy *p,
			       const struct jr_case_signal *s)
{
	const struct jr_norms *n = &p->norms;
	char day[JR_DATE_STRLEN];

	jr_date_format(s->day, day);
	switch (s->code) {
	case JR_CS_HOPPING:
		return jr_buf_printf(b, "%d hulptrajecten zijn binnen %d dagen negatief geëindigd: "
					"één regisseur en overleg met %s. [regel 9 geen hoppen; beleid "
					"norms.hopping_count = %d, norms.hopping_window_days = %d]",
				     s->count, n->hopping_window_days, p->expert_team, n->hopping_count,
				     n->hopping_window_days);
	case JR_CS_MULTI_AGENCY:
		return jr_buf_printf(b, "%d organisaties zijn betrokken bij dit kind en het gezin "
					"heeft geen regisseur: wijs een regisseur aan (één gezin, één "
					"plan). [regie; betrokkenheid afgeleid uit toewijzingen]",
				     s->count);
	case JR_CS_ESCALATE:
		return jr_buf_printf(b, "Lichte hulp loopt sinds %s al %d dagen terwijl de ernst hoog "
					"blijft: bespreek opschalen. [regel 3 specialistisch op tijd; "
					"beleid norms.escalate_after_days = %d]",
				     day, s->count, n->escalate_after_days);
	case JR_CS_WAITING_REFERRAL:
		return jr_buf_printf(b, "Een verwijzing van %s heeft na %d dagen nog geen toewijzing "
					"(norm %d dagen). [wachttijd; beleid norms.max_waiting_days "
					"= %d]",
				     day, s->count, n->max_waiting_days, n->max_waiting_days);
	case JR_CS_WAITING_START:
		return jr_buf_printf(b, "Een toewijzing per %s is na %d dagen nog niet gestart (norm "
					"%d dagen). [wachttijd; beleid norms.max_waiting_days = %d]",
				     day, s->count, n->max_waiting_days, n->max_waiting_days);
	case JR_CS_CRISIS_FOLLOWUP:
		return jr_buf_printf(b, "Na crisishulp had de brede analyse uiterlijk %s moeten "
					"volgen. [regel 4 crisis; beleid norms.crisis_followup_days = "
					"%d]",
				     day, n->crisis_followup_days);
	case JR_CS_OUT_OF_HOME:
		return jr_buf_printf(b, "Vorm %d (verblijf buiten huis) per %s zonder eerdere "
					"intensieve ambulante hulp. [regel 10 thuis eerst; beleid "
					"norms.intensive_ambulant_from_form = %d]",
				     s->count, day, n->intensive_ambulant_from_form);
	case JR_CS_COUNT:
		break;
	}
	return JR_OK;
}
