/* api_system: GET /healthz, GET /api/v1/openapi.json and the files of the browser UI (only
 * those: ui_files). /metrics has a listener of its own (server.c, --metrics-listen). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/api.h"

#define STATIC_FILE_MAX (4u << 20)

int jr_api_healthz(struct jr_http_request *r)
{
	enum jr_err err = jr_store_ping(r->store);

	jr_buf_reset(&r->out);
	if (err) {
		jr_buf_puts(&r->out, "{\"status\":\"unavailable\",\"database\":\"unavailable\"}\n");
		return jr_reply_json(r, 503);
	}
	jr_buf_puts(&r->out, "{\"status\":\"ok\",\"database\":\"ok\"}\n");
	return jr_reply_json(r, 200);
}

static const char *content_type_of(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"},
		{".json", "application/json; charset=utf-8"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".ico", "image/x-icon"},
		{".woff2", "font/woff2"},
	};
	const char *dot = strrchr(path, '.');

	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return NULL;
}

/* Reads web_dir/rel into r->out; false when there is no such regular file of a known type. */
static bool send_file(struct jr_http_request *r, const char *web_dir, const char *rel)
{
	char path[1024];
	struct stat st;
	const char *type = content_type_of(rel);
	int fd = -1;
	bool ok = false;

	if (!web_dir || !type ||
	    (size_t)snprintf(path, sizeof(path), "%s/%s", web_dir, rel) >= sizeof(path))
		return false;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || fstat(fd, &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size > STATIC_FILE_MAX)
		goto out;
	jr_buf_reset(&r->out);
	if (jr_buf_reserve(&r->out, (size_t)st.st_size + 1))
		goto out;
	for (;;) {
		char chunk[16384];
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto out;
		if (n == 0)
			break;
		if (jr_buf_append(&r->out, chunk, (size_t)n))
			goto out;
	}
	r->content_type = type;
	r->status = 200;
	ok = true;
out:
	if (fd >= 0)
		close(fd);
	return ok;
}

int jr_api_openapi(struct jr_http_request *r)
{
	if (!send_file(r, r->web_dir, "openapi.json"))
		return jr_reply_error(r, 404, "not_found", NULL,
				      "het OpenAPI-document ontbreekt (web/openapi.json)");
	return r->status;
}

/* The browser UI's own files, and nothing else under web/: not package.json or
 * package-lock.json (they name versions an attacker would look up), not the rest of
 * node_modules/. A new file of the UI is added here. */
static const char *const ui_files[] = {
	"index.html",
	"app.js",
	"app.css",
	"node_modules/@utrecht/design-tokens/dist/index.css",
	"node_modules/@utrecht/component-library-css/dist/index.css",
	"node_modules/qrcode-generator/dist/qrcode.mjs",
	"deadlines.js",
	"journal.js",
	"allocation.js",
	"socialmap.js",
	"search.js",
	"worklist.js",
	"casepage.js",
	"provider.js",
	"dates.js",
	"letter.js",
	"letter.css",
	"gi.js",
	"referrer.js",
	"admin.js",
	"secondfactor.js",
	"contracts.js",
	"scenario.js", /* issue 16 */
	"monitor.js", /* issue 16 */
	"figures.js",
};

bool jr_api_static(struct jr_http_request *r)
{
	const char *rel = r->path + 1;
	bool listed = false;

	if (strcmp(r->method, "GET") != 0 && strcmp(r->method, "HEAD") != 0)
		return false;
	if (r->path[0] != '/')
		return false;
	if (rel[0] == '\0')
		rel = "index.html";
	for (size_t i = 0; i < sizeof(ui_files) / sizeof(ui_files[0]) && !listed; i++)
		listed = strcmp(rel, ui_files[i]) == 0;
	if (!listed || !send_file(r, r->web_dir, rel))
		return false;
	jr_reply_header(r, "Cache-Control", "no-cache");
	return true;
}
