/* router: matching a method and path against the route table (router.h). */
#include "http/router.h"

#include <stdio.h>
#include <string.h>

/* Whether `path` fits `pattern`; the {id} segments into ids (at most JR_HTTP_IDS_MAX). */
static bool fits(const char *pattern, const char *path, int64_t *ids, size_t *count)
{
	*count = 0;
	while (*pattern && *path) {
		if (*pattern != '/' || *path != '/')
			return false;
		pattern++;
		path++;
		if (strncmp(pattern, "{id}", 4) == 0) {
			int64_t v = 0;
			size_t digits = 0;
			while (*path >= '0' && *path <= '9') {
				if (v > (INT64_MAX - 9) / 10)
					return false;
				v = v * 10 + (*path - '0');
				path++;
				digits++;
			}
			if (digits == 0 || v == 0 || (*path && *path != '/') ||
			    *count >= JR_HTTP_IDS_MAX)
				return false;
			ids[(*count)++] = v;
			pattern += 4;
		} else {
			size_t n = strcspn(pattern, "/");
			if (strncmp(pattern, path, n) != 0 || (path[n] && path[n] != '/'))
				return false;
			pattern += n;
			path += n;
		}
	}
	/* a trailing slash is not the same resource */
	return *pattern == '\0' && *path == '\0';
}

enum jr_http_route_match jr_http_route_find(const struct jr_http_route *routes, size_t count,
					    struct jr_http_request *r,
					    const struct jr_http_route **found, char *allow,
					    size_t allow_cap)
{
	enum jr_http_route_match result = JR_HTTP_ROUTE_NO_PATH;
	int64_t ids[JR_HTTP_IDS_MAX];
	size_t n, used = 0;

	*found = NULL;
	if (allow_cap)
		allow[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		if (!fits(routes[i].pattern, r->path, ids, &n))
			continue;
		if (strcmp(routes[i].method, r->method) == 0 ||
		    (strcmp(r->method, "HEAD") == 0 && strcmp(routes[i].method, "GET") == 0)) {
			*found = &routes[i];
			memcpy(r->ids, ids, sizeof(ids));
			r->id_count = n;
			return JR_HTTP_ROUTE_FOUND;
		}
		result = JR_HTTP_ROUTE_NO_METHOD;
		if (used < allow_cap) {
			int w = snprintf(allow + used, allow_cap - used, "%s%s", used ? ", " : "",
					 routes[i].method);
			used += w > 0 ? (size_t)w : 0;
		}
	}
	return result;
}
