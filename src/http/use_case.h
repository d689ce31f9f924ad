/* use_case: how a handler runs a use case of src/app/ — the request's context for it, and the
 * one way to answer when it refuses or fails.
 *
 * A handler parses (fields.c), fills a struct jr_app with jr_http_app, calls one jr_app_*
 * function, and renders what it returns (src/view/); on an error it returns
 * jr_http_app_fail, which maps the error to its status (request.c) and answers with the
 * diagnostics the use case wrote: the field that was wrong and a Dutch sentence. */
#ifndef JR_HTTP_USE_CASE_H
#define JR_HTTP_USE_CASE_H

#include "app/app.h"
#include "core/diag.h"
#include "http/request.h"

/* The context of a use case asked for by the logged-in user of `r`: this worker's store, the
 * user as actor and principal, the server's policies, today, and `diag` (cleared) for the
 * explanation. */
void jr_http_app(struct jr_http_request *r, struct jr_app *app, struct jr_diag *diag);

/* Answers the error `err` of a use case: the status of jr_http_status_of, the field of
 * diag->path (none when empty) and diag->message (the status's own words when empty).
 * Returns the status. */
int jr_http_app_fail(struct jr_http_request *r, enum jr_err err, const struct jr_diag *diag);

#endif
