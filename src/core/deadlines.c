/* deadlines: the terms that run on a help request (see deadlines.h, docs/deadlines.md). */
#include "core/deadlines.h"

#include <stdio.h>
#include <string.h>

#include "core/workdays.h"

static const char *const kind_names[JR_DEADLINE_KIND_COUNT] = {
	"decision", "ijw_answer", "ijw_decision", "not_started",
	"ending", "goal_review", "turning_18", "measure_ending",
};

const char *jr_deadline_kind_name(enum jr_deadline_kind k)
{
	return (unsigned)k < JR_DEADLINE_KIND_COUNT ? kind_names[k] : "";
}

const char *jr_deadline_state_name(enum jr_deadline_state s)
{
	return s == JR_DEADLINE_OVERDUE ? "overdue" : s == JR_DEADLINE_WARNING ? "warning" : "ok";
}

const char *jr_deadline_state_label(enum jr_deadline_state s)
{
	return s == JR_DEADLINE_OVERDUE ? "verlopen" : s == JR_DEADLINE_WARNING ? "binnenkort"
										 : "op tijd";
}

/* DD-MM-YYYY, as the Dutch read a date. */
static void nl_date(jr_day d, char out[JR_DATE_STRLEN])
{
	int y, m, day;

	jr_date_to_ymd(d, &y, &m, &day);
	snprintf(out, JR_DATE_STRLEN, "%02d-%02d-%04d", day, m, y);
}

/* Adds one deadline; its state from the days left and the warning window of its unit. */
static struct jr_deadline *add(struct jr_deadlines *out, const struct jr_norms *n,
			       const struct jr_deadline_facts *f, enum jr_deadline_kind kind,
			       int64_t subject, jr_day due, bool workdays, const char *source)
{
	struct jr_deadline *d;

	if (out->count >= JR_DEADLINES_MAX)
		return NULL;
	d = &out->items[out->count++];
	memset(d, 0, sizeof *d);
	d->kind = kind;
	d->subject_id = subject;
	d->due = due;
	d->workdays = workdays;
	d->days_left = workdays ? jr_workdays_between(f->today, due) : (int)(due - f->today);
	/* A working-day term due today has 0 left; one whose due day is past counts negative. */
	if (due < f->today)
		d->state = JR_DEADLINE_OVERDUE;
	else if (d->days_left <= (workdays ? n->warn_within_workdays : n->warn_within_days))
		d->state = JR_DEADLINE_WARNING;
	else
		d->state = JR_DEADLINE_OK;
	d->source = source;
	return d;
}

static void decision(const struct jr_deadline_facts *f, const struct jr_norms *n,
		     struct jr_deadlines *out)
{
	char raised[JR_DATE_STRLEN], due_s[JR_DATE_STRLEN];
	/* Awb 4:13 second paragraph: at most eight weeks after receipt; Atw art. 1 moves an end on
	 * a weekend or holiday to the next working day. */
	jr_day due = jr_term_end(f->raised_on + 56);
	struct jr_deadline *d;

	if (!f->open || f->decided)
		return;
	d = add(out, n, f, JR_DEADLINE_DECISION, 0, due, false,
		"Awb art. 4:13 en 4:14; Algemene termijnenwet art. 1");
	if (!d)
		return;
	nl_date(f->raised_on, raised);
	nl_date(due, due_s);
	snprintf(d->label, sizeof d->label, "Besluit op de hulpvraag");
	snprintf(d->text, sizeof d->text,
		 "Op de hulpvraag van %s moet uiterlijk %s besloten zijn: binnen acht weken na de "
		 "aanvraag (Awb art. 4:13 en 4:14; Algemene termijnenwet art. 1).",
		 raised, due_s);
}

static void ijw(const struct jr_deadline_facts *f, const struct jr_norms *n,
		struct jr_deadlines *out)
{
	for (size_t i = 0; i < f->ijw_count && i < JR_DEADLINE_FACTS_MAX; i++) {
		const struct jr_deadline_ijw *r = &f->ijw[i];
		bool change = strcmp(r->kind, "JW317") == 0;
		const char *what = change ? "verzoek om wijziging" : "verzoek om toewijzing";
		char recv[JR_DATE_STRLEN], due_s[JR_DATE_STRLEN];
		struct jr_deadline *d;
		jr_day due;

		nl_date(r->received, recv);
		if (!r->investigating) {
			due = jr_workdays_add(r->received, 5);
			d = add(out, n, f, JR_DEADLINE_IJW_ANSWER, r->id, due, true,
				change ? "iJw-regel OP346" : "iJw-regel OP274");
			if (!d)
				return;
			nl_date(due, due_s);
			snprintf(d->label, sizeof d->label, "Antwoord op %s (%s)", what, r->kind);
			snprintf(d->text, sizeof d->text,
				 "Het %s (%s) van %s krijgt uiterlijk %s een toewijzing (JW301) of een "
				 "antwoord (JW319): binnen vijf werkdagen na ontvangst (iJw-regel %s).",
				 what, r->kind, recv, due_s, change ? "OP346" : "OP274");
		} else {
			due = jr_term_end(r->received + 56);
			d = add(out, n, f, JR_DEADLINE_IJW_DECISION, r->id, due, false,
				"iJw-regel OP274 en OP344; Algemene termijnenwet art. 1");
			if (!d)
				return;
			nl_date(due, due_s);
			snprintf(d->label, sizeof d->label, "Besluit op %s in onderzoek (%s)", what,
				 r->kind);
			snprintf(d->text, sizeof d->text,
				 "Het %s (%s) van %s is in onderzoek; uiterlijk %s volgt een toewijzing "
				 "of een afwijzing: binnen acht weken na het verzoek (iJw-regel OP274 en "
				 "OP344).",
				 what, r->kind, recv, due_s);
		}
	}
}

static void allocations(const struct jr_deadline_facts *f, const struct jr_norms *n,
			struct jr_deadlines *out)
{
	for (size_t i = 0; i < f->alloc_count && i < JR_DEADLINE_FACTS_MAX; i++) {
		const struct jr_deadline_allocation *a = &f->alloc[i];
		char when[JR_DATE_STRLEN], due_s[JR_DATE_STRLEN];
		struct jr_deadline *d;

		/* Not started: only while the allocation has not ended unused. */
		if (!a->started && f->open && (!a->has_end || a->end >= f->today)) {
			jr_day due = a->start + n->start_within_days;

			d = add(out, n, f, JR_DEADLINE_NOT_STARTED, a->id, due, false,
				"beleid norms.start_within_days; iJw-regel OP011 (startbericht JW305)");
			if (!d)
				return;
			nl_date(a->start, when);
			nl_date(due, due_s);
			snprintf(d->label, sizeof d->label, "Zorg niet gestart (toewijzing %s)",
				 a->number);
			snprintf(d->text, sizeof d->text,
				 "De zorg op toewijzing %s (ingangsdatum %s) is nog niet gestart; start "
				 "uiterlijk %s, %d dagen na de ingangsdatum (beleid van de gemeente; de "
				 "aanbieder meldt de start met JW305, iJw-regel OP011).",
				 a->number, when, due_s, n->start_within_days);
		}
		/* Ending: within the window, or passed while care still runs. */
		if (a->has_end && (a->running || !a->started) &&
		    ((a->end >= f->today && a->end - f->today <= n->ending_within_days) ||
		     (a->end < f->today && a->running))) {
			d = add(out, n, f, JR_DEADLINE_ENDING, a->id, a->end, false,
				"Jeugdwet art. 2.3; de beschikking (einddatum van de toewijzing)");
			if (!d)
				return;
			nl_date(a->end, due_s);
			snprintf(d->label, sizeof d->label, "Toewijzing loopt af (%s)", a->number);
			snprintf(d->text, sizeof d->text,
				 "Toewijzing %s loopt af op %s; is verdere jeugdhulp nodig, dan besluit "
				 "de gemeente vóór die datum over verlenging (Jeugdwet art. 2.3; "
				 "iJw-regel OP380).",
				 a->number, due_s);
		}
	}
}

static void goals(const struct jr_deadline_facts *f, const struct jr_norms *n,
		  struct jr_deadlines *out)
{
	if (!f->open)
		return;
	for (size_t i = 0; i < f->goal_count && i < JR_DEADLINE_FACTS_MAX; i++) {
		char due_s[JR_DATE_STRLEN];
		struct jr_deadline *d = add(out, n, f, JR_DEADLINE_GOAL_REVIEW, f->goal[i].id,
					    f->goal[i].review_on, false,
					    "Jeugdwet art. 2.3 en 4.1.1 (plan en evaluatie)");

		if (!d)
			return;
		nl_date(f->goal[i].review_on, due_s);
		snprintf(d->label, sizeof d->label, "Evaluatie van een doel");
		snprintf(d->text, sizeof d->text,
			 "Een doel in het plan wordt uiterlijk %s geëvalueerd: de datum die bij het "
			 "doel is afgesproken (Jeugdwet art. 2.3 en 4.1.1).",
			 due_s);
	}
}

static void turning_18(const struct jr_deadline_facts *f, const struct jr_norms *n,
		       struct jr_deadlines *out)
{
	jr_day adult = jr_date_add_years(f->birth_date, n->age_limit);
	char due_s[JR_DATE_STRLEN];
	struct jr_deadline *d;

	if (!f->open || f->birth_date == 0 || f->today >= adult ||
	    f->today < jr_date_add_months(adult, -6))
		return;
	d = add(out, n, f, JR_DEADLINE_TURNING_18, 0, adult, false,
		"Jeugdwet art. 1.1 (jeugdige) en art. 2.3 (verlengde jeugdhulp)");
	if (!d)
		return;
	nl_date(adult, due_s);
	snprintf(d->label, sizeof d->label, "Wordt %d (overgang 18-/18+)", n->age_limit);
	snprintf(d->text, sizeof d->text,
		 "De jeugdige wordt %d op %s; regel vóór die datum de overgang naar hulp na %d "
		 "jaar (verlengde jeugdhulp, Wmo of Zvw; Jeugdwet art. 1.1 en 2.3).",
		 n->age_limit, due_s, n->age_limit);
}

static void measures(const struct jr_deadline_facts *f, const struct jr_norms *n,
		     struct jr_deadlines *out)
{
	for (size_t i = 0; i < f->measure_count && i < JR_DEADLINE_FACTS_MAX; i++) {
		const struct jr_deadline_measure *m = &f->measure[i];
		char due_s[JR_DATE_STRLEN];
		struct jr_deadline *d;
		bool ots = m->kind == JR_MEASURE_OTS || m->kind == JR_MEASURE_VOORLOPIGE_OTS;

		if (m->end < f->today || f->today < jr_date_add_months(m->end, -3))
			continue;
		d = add(out, n, f, JR_DEADLINE_MEASURE_ENDING, m->id, m->end, false,
			ots ? "BW art. 1:260 (duur en verlenging van de ondertoezichtstelling)"
			    : "de uitspraak van de rechter");
		if (!d)
			return;
		nl_date(m->end, due_s);
		snprintf(d->label, sizeof d->label, "Maatregel loopt af (%s)",
			 jr_measure_label(m->kind));
		snprintf(d->text, sizeof d->text,
			 "De maatregel %s loopt af op %s; een verzoek tot verlenging ligt vóór die "
			 "datum bij de rechter (%s).",
			 jr_measure_label(m->kind), due_s,
			 ots ? "BW art. 1:260" : "uitspraak van de rechter");
	}
}

void jr_deadlines_compute(const struct jr_deadline_facts *f, const struct jr_norms *n,
			  struct jr_deadlines *out)
{
	out->count = 0;
	decision(f, n, out);
	ijw(f, n, out);
	allocations(f, n, out);
	goals(f, n, out);
	turning_18(f, n, out);
	measures(f, n, out);
	/* Nearest due first; insertion sort keeps equal dues in the order above (stable). */
	for (size_t i = 1; i < out->count; i++) {
		struct jr_deadline t = out->items[i];
		size_t j = i;

		while (j > 0 && out->items[j - 1].due > t.due) {
			out->items[j] = out->items[j - 1];
			j--;
		}
		out->items[j] = t;
	}
}
