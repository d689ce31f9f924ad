/* libFuzzer target, differential: whenever the fast request reader accepts an input, the full
 * jansson-based parser must accept it too and produce the same request. (When the fast path
 * declines, the full parser decides alone, so declining is always safe.) */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json/request_fast.h"
#include "json/request_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same(const struct jr_request *a, const struct jr_request *b)
{
	if (strcmp(a->id, b->id) || strcmp(a->municipality, b->municipality) ||
	    a->birth_date != b->birth_date || a->date != b->date ||
	    memcmp(a->needs, b->needs, sizeof(a->needs)) || a->flags != b->flags ||
	    a->family_context != b->family_context ||
	    a->measure != b->measure || a->broad_analysis != b->broad_analysis ||
	    a->has_waiting_since != b->has_waiting_since ||
	    (a->has_waiting_since && a->waiting_since != b->waiting_since) ||
	    a->history_count != b->history_count || a->has_referrer != b->has_referrer ||
	    a->authorisations != b->authorisations ||
	    (a->has_referrer && (a->referrer_type != b->referrer_type || strcmp(a->agb, b->agb))))
		return 0;
	if (strcmp(a->residence_before_stay, b->residence_before_stay))
		return 0;
	for (size_t i = 0; i < a->history_count; i++) {
		const struct jr_history_item *x = &a->history[i], *y = &b->history[i];
		if (x->form != y->form || x->outcome != y->outcome || x->start != y->start ||
		    x->ongoing != y->ongoing || (!x->ongoing && x->end != y->end))
			return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jr_request fast, full;
	struct jr_diag diag;
	jr_day today = jr_date_from_ymd(2026, 11, 23);

	if (!jr_request_parse_fast((const char *)data, size, today, &fast))
		return 0;
	if (jr_request_parse_full((const char *)data, size, today, &full, &diag) != JR_OK)
		abort(); /* the fast path accepted what the full parser rejects */
	if (!same(&fast, &full))
		abort(); /* both accepted, with different results */
	return 0;
}
