/* libFuzzer target: the request parser and the routing engine, end to end. Any input must give
 * either a clean input error or an answer that renders as JSON; never a crash, leak or UB.
 * Build: make fuzz (clang, -fsanitize=fuzzer,address,undefined). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/buf.h"
#include "json/answer_json.h"
#include "json/policy_set.h"
#include "json/request_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct jr_policy_set set;
static int loaded;

static void load_policies(void)
{
	struct jr_diag diag;
	char bad[JR_PATH_MAX];

	jr_policy_set_init(&set);
	if (jr_policy_set_load_dir(&set, JR_DEFAULT_POLICY_DIR, &diag, bad, sizeof(bad))) {
		fprintf(stderr, "fuzz: cannot load policies: %s: %s: %s\n", bad, diag.path,
			diag.message);
		abort();
	}
	loaded = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jr_request req;
	static struct jr_answer ans;
	struct jr_diag diag;
	struct jr_buf out, scratch;
	const struct jr_policy *p;

	if (!loaded)
		load_policies();
	if (jr_request_parse((const char *)data, size, jr_date_from_ymd(2026, 11, 23), &req, &diag))
		return 0;
	p = jr_policy_set_find(&set, req.municipality, req.date);
	if (!p || jr_route(p, &req, &ans))
		return 0;
	jr_buf_init(&out, 1 << 20);
	jr_buf_init(&scratch, 1 << 16);
	if (jr_answer_write_json(&out, &scratch, &ans))
		abort(); /* a valid request must always render */
	jr_buf_release(&out);
	jr_buf_release(&scratch);
	return 0;
}
