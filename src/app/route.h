/* route: the use case "what help fits this request?" — one road for `jeugdroute route` (one
 * request or a batch of JSON Lines) and POST /api/v1/route.
 *
 * It parses the request (json/request_json.c), finds the policy of the responsible municipality
 * among the loaded ones — the request's, or during a running stay its residence_before_stay
 * (principle 13) — and routes it (core/route.c). Nothing is read from or written to the
 * records: the advice kept with a help request is app/advice.c's. Pure apart from the parse's
 * allocations, so that the batch lanes of the CLI can call it from several threads at once. */
#ifndef JR_APP_ROUTE_H
#define JR_APP_ROUTE_H

#include <stddef.h>

#include "core/date.h"
#include "core/diag.h"
#include "core/err.h"
#include "core/route.h"

struct jr_policy_set;

/* Routes the JSON request `text` (`len` bytes; `today` is the date of a request without one)
 * under `set` into *ans, with *req the request as parsed. Bad input — a malformed request
 * (JR_ERR_INPUT, JR_ERR_TOO_BIG), a municipality in none of the policies (JR_ERR_NOT_FOUND,
 * path "municipality"), one with no policy in force on the request's date (JR_ERR_NOT_FOUND,
 * path "date"), or JR_ERR_INPUT on "residence_before_stay", also when the history holds no
 * running stay — is explained in *diag. The policy is the version in force on the request's
 * date (issue 13, principle 11). */
enum jr_err jr_app_route(const struct jr_policy_set *set, const char *text, size_t len,
			 jr_day today, struct jr_request *req, struct jr_answer *ans,
			 struct jr_diag *diag);

#endif
