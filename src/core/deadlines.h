/* deadlines: the terms that run on a help request, computed from plain facts the records hold
 * (no stored state of their own). Pure: the app gathers the facts (app/deadlines.c).
 *
 * Each deadline has a kind, a due date, the days left (working days where the term is in
 * working days, core/workdays.h), a state (ok, warning within the policy's warning window,
 * overdue once passed), a Dutch label and a Dutch sentence naming its legal source. See
 * docs/deadlines.md. */
#ifndef JR_CORE_DEADLINES_H
#define JR_CORE_DEADLINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/policy.h"

#define JR_DEADLINE_FACTS_MAX 16 /* of each kind of fact; more are not read */
#define JR_DEADLINES_MAX (8 * JR_DEADLINE_FACTS_MAX)

enum jr_deadline_kind {
	JR_DEADLINE_DECISION,       /* Awb 4:13: decide on the request for help within 8 weeks */
	JR_DEADLINE_IJW_ANSWER,     /* iJw OP274/OP346: answer a JW315/JW317 in 5 working days */
	JR_DEADLINE_IJW_DECISION,   /* iJw OP274: a request in investigation decided in 8 weeks */
	JR_DEADLINE_NOT_STARTED,    /* an allocation whose care has not started */
	JR_DEADLINE_ENDING,         /* an allocation ending soon */
	JR_DEADLINE_GOAL_REVIEW,    /* a goal due for review */
	JR_DEADLINE_TURNING_18,     /* the 18-/18+ transition */
	JR_DEADLINE_MEASURE_ENDING, /* a court measure ending */
	JR_DEADLINE_KIND_COUNT
};

enum jr_deadline_state { JR_DEADLINE_OK, JR_DEADLINE_WARNING, JR_DEADLINE_OVERDUE };

const char *jr_deadline_kind_name(enum jr_deadline_kind k);   /* "decision", … */
const char *jr_deadline_state_name(enum jr_deadline_state s); /* "ok", "warning", "overdue" */
const char *jr_deadline_state_label(enum jr_deadline_state s); /* "op tijd", "binnenkort", "verlopen" */

struct jr_deadline_ijw {
	int64_t id;
	char kind[6];       /* "JW315" or "JW317" */
	jr_day received;    /* the day the municipality received the request */
	bool investigating; /* answered "aanvraag in onderzoek" (JW319, VerzoekAntwoord 2) */
};
struct jr_deadline_allocation {
	int64_t id;
	char number[21];
	jr_day start;
	bool has_end;
	jr_day end;
	bool started; /* care started (JW305) */
	bool running; /* started and not stopped */
};
struct jr_deadline_goal {
	int64_t id;
	jr_day review_on;
};
struct jr_deadline_measure {
	int64_t id;
	enum jr_measure kind;
	jr_day end; /* measures without an end have no deadline and are not listed */
};

/* What the records hold, as far as the deadlines depend on it. Only the requests still waiting
 * (open or investigating), the help request's allocations, its goals with a review date and the
 * child's measures with an end are listed. */
struct jr_deadline_facts {
	jr_day today;
	jr_day raised_on;
	bool open;    /* neither closed nor withdrawn */
	bool decided; /* an allocation was made on it */
	jr_day birth_date;
	struct jr_deadline_ijw ijw[JR_DEADLINE_FACTS_MAX];
	size_t ijw_count;
	struct jr_deadline_allocation alloc[JR_DEADLINE_FACTS_MAX];
	size_t alloc_count;
	struct jr_deadline_goal goal[JR_DEADLINE_FACTS_MAX];
	size_t goal_count;
	struct jr_deadline_measure measure[JR_DEADLINE_FACTS_MAX];
	size_t measure_count;
};

struct jr_deadline {
	enum jr_deadline_kind kind;
	int64_t subject_id; /* the request, allocation, goal or measure; the help request's 0 */
	jr_day due;
	int days_left;      /* working days when `workdays`, else calendar days; < 0 overdue */
	bool workdays;
	enum jr_deadline_state state;
	char label[96];
	char text[320];
	const char *source; /* the legal (or policy) source, in Dutch */
};

struct jr_deadlines {
	struct jr_deadline items[JR_DEADLINES_MAX];
	size_t count;
};

/* The deadlines of `f` under the policy's norms (start_within_days, ending_within_days,
 * warn_within_days, warn_within_workdays, age_limit), nearest due first. */
void jr_deadlines_compute(const struct jr_deadline_facts *f, const struct jr_norms *n,
			  struct jr_deadlines *out);

#endif
