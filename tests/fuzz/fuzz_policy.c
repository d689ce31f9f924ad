/* libFuzzer target: the policy file loader. Any input must be rejected cleanly or load into a
 * policy the engine can route with; never a crash, leak or UB. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/route.h"
#include "json/policy_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jr_policy p;
	static struct jr_request req;
	static struct jr_answer ans;
	struct jr_diag diag;

	if (jr_policy_parse((const char *)data, size, &p, &diag))
		return 0;
	/* A policy that loads must route a heavy and a light request in its first municipality. */
	memset(&req, 0, sizeof(req));
	memcpy(req.municipality, p.municipalities[0].code, 5);
	req.birth_date = jr_date_from_ymd(2012, 1, 1);
	req.date = jr_date_from_ymd(2026, 11, 23);
	if (jr_route(&p, &req, &ans))
		abort();
	for (int d = 0; d < JR_NEED_COUNT; d++)
		req.needs[d] = 4;
	req.flags = (1u << JR_FLAG_COUNT) - 1;
	req.measure = JR_MEASURE_MACHTIGING_GESLOTEN;
	if (jr_route(&p, &req, &ans))
		abort();
	return 0;
}
