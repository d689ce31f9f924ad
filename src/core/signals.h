/* signals: what needs attention in a child's records, computed from the course of its help.
 *
 * The store gathers one `struct jr_case` per open help request (its allocations and care, waiting
 * referrals and allocations, the analysis, who is involved, the coordinator); these pure functions
 * decide which signals stand, each with the facts for its explanation. `jeugdroute signals` lists
 * them over the whole database. */
#ifndef JR_CORE_SIGNALS_H
#define JR_CORE_SIGNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/policy.h"

#define JR_CASE_ITEMS_MAX 32

/* One allocation of the child and its care. */
struct jr_case_item {
	int form;
	jr_day allocated; /* the allocation's start date */
	bool started;
	jr_day start;
	bool stopped;
	jr_day stop;
	bool negative; /* ended with goals not reached, or broken off (JZ588 32, 33) */
};

struct jr_case {
	int64_t child_id;
	int64_t help_request_id;
	char municipality[5];
	size_t item_count;
	struct jr_case_item items[JR_CASE_ITEMS_MAX];
	int referrals_waiting;     /* valid referrals of this request without any allocation */
	jr_day oldest_referral;
	bool analysis;             /* a broad analysis is recorded */
	jr_day analysis_on;
	unsigned char needs[JR_NEED_COUNT]; /* the latest analysis's severities, 0..4 */
	int organisations;         /* distinct organisations involved with the child now */
	bool coordinator;          /* the child's household has a coordinator */
};

enum jr_case_signal_code {
	JR_CS_HOPPING,
	JR_CS_MULTI_AGENCY,
	JR_CS_ESCALATE,
	JR_CS_WAITING_REFERRAL,
	JR_CS_WAITING_START,
	JR_CS_CRISIS_FOLLOWUP,
	JR_CS_OUT_OF_HOME,
	JR_CS_COUNT
};

struct jr_case_signal {
	enum jr_case_signal_code code;
	int count;  /* hopping: endings; multi_agency: organisations; waiting: days; form */
	jr_day day; /* the date the signal counts from */
};

/* The public code ("hopping", "multi_agency", "escalate", "waiting", "crisis_followup",
 * "out_of_home"); both waiting signals are "waiting". */
const char *jr_case_signal_name(enum jr_case_signal_code c);

/* The signals that stand for `c` on `today`, at most `cap`; returns how many. */
size_t jr_case_signals(const struct jr_policy *p, const struct jr_case *c, jr_day today,
		       struct jr_case_signal *out, size_t cap);

/* A Dutch sentence for a signal, naming the rule and the policy key. */
enum jr_err jr_case_signal_why(struct jr_buf *b, const struct jr_policy *p,
			       const struct jr_case_signal *s);

#endif
