/* router: which handler answers which method and path.
 *
 * A route is a method, a pattern of path segments where "{id}" stands for a positive number, a
 * handler and what it needs (a login; for a browser session writing, the CSRF token). Matching
 * fills the request's ids in order. A path that matches with another method is a 405 with the
 * methods that would do; no match at all is a 404. */
#ifndef JR_HTTP_ROUTER_H
#define JR_HTTP_ROUTER_H

#include <stddef.h>

#include "http/request.h"

typedef int (*jr_handler)(struct jr_http_request *r);

enum jr_http_route_need {
	JR_HTTP_ROUTE_PUBLIC = 0, /* anyone (health, metrics, login, the static UI) */
	JR_HTTP_ROUTE_LOGIN = 1,  /* a session or an API token */
	JR_HTTP_ROUTE_SELF = 2,   /* the same, also a session that must first choose a new password
				(after a reset): who am I, log out, change my password */
	/* anyone, and the handler's first step writes nothing but audit entries (a login reads
	 * the account; only its later step writes the outcome): that step commits without
	 * waiting for the disk, as a GET does, so that a stream of refused attempts cannot make
	 * every request wait for disk flushes */
	JR_HTTP_ROUTE_PUBLIC_FIRST_READS = 3,
	/* as SELF, also a browser session whose password was right but whose second factor is
	 * still to come (app/second_factor.h): who am I, log out, give the code */
	JR_HTTP_ROUTE_PENDING = 4,
	/* a session or an API token, and the handler writes nothing but audit entries: a read
	 * sent as a POST so that what it asks (a BSN, a name) stays out of the URL and the
	 * logs — the person search. It commits as a GET does, without waiting for the disk */
	JR_HTTP_ROUTE_LOGIN_READS = 5,
};

struct jr_http_route {
	const char *method;
	const char *pattern;
	jr_handler handler;
	enum jr_http_route_need need;
};

enum jr_http_route_match { JR_HTTP_ROUTE_FOUND, JR_HTTP_ROUTE_NO_PATH, JR_HTTP_ROUTE_NO_METHOD };

/* Finds the route for r->method and r->path among `routes`, filling r->ids. With
 * JR_HTTP_ROUTE_NO_METHOD, `allow` gets the methods that match the path ("GET, POST"). */
enum jr_http_route_match jr_http_route_find(const struct jr_http_route *routes, size_t count,
					    struct jr_http_request *r,
					    const struct jr_http_route **found, char *allow,
					    size_t allow_cap);

#endif
