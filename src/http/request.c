/* request: headers, query parameters, JSON bodies and answers for the handlers (request.h). */
#include "http/request.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "json/json_common.h"
#include "json/json_writer.h"

const char *jr_http_header(const struct jr_http_request *r, const char *name)
{
	return r->header ? r->header(r->conn, name) : NULL;
}

bool jr_http_query(const struct jr_http_request *r, const char *name, char *out, size_t cap)
{
	const char *v = r->argument ? r->argument(r->conn, name) : NULL;

	if (!v || strlen(v) >= cap)
		return false;
	memcpy(out, v, strlen(v) + 1);
	return true;
}

bool jr_reply_header(struct jr_http_request *r, const char *name, const char *value)
{
	if (r->header_count >= JR_HTTP_HEADERS_OUT_MAX || strlen(value) >= 256)
		return false;
	r->header_names[r->header_count] = name;
	memcpy(r->header_values[r->header_count], value, strlen(value) + 1);
	r->header_count++;
	return true;
}

void jr_http_session_cookie(const struct jr_http_request *r, const char *token, char *out,
			    size_t cap)
{
	snprintf(out, cap, "jr_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", token,
		 token[0] ? JR_SESSION_SECONDS : 0, r->secure ? "; Secure" : "");
}

static bool has_header(const struct jr_http_request *r, const char *name)
{
	for (size_t i = 0; i < r->header_count; i++)
		if (strcasecmp(r->header_names[i], name) == 0)
			return true;
	return false;
}

int jr_reply_json(struct jr_http_request *r, int status)
{
	/* 503 is always "not now" (the database away, a failover, the queue full): say when to
	 * try again, unless the caller already did */
	if (status == 503 && !has_header(r, "Retry-After"))
		jr_reply_header(r, "Retry-After", "2");
	r->status = status;
	r->content_type = "application/json; charset=utf-8";
	return status;
}

int jr_reply_csv(struct jr_http_request *r, const char *filename)
{
	char disposition[128];

	snprintf(disposition, sizeof(disposition), "attachment; filename=\"%s\"", filename);
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	jr_reply_header(r, "Content-Disposition", disposition);
	return r->status;
}

/* Copies `in` to `out` as valid UTF-8 without control characters: what is not (a parser's
 * quote of bad input, a name cut in the middle of a character) becomes '?'. An error answer
 * must itself be valid JSON, whatever the request held. */
static const char *clean_text(const char *in, char *out, size_t cap)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t o = 0;

	while (*s && o + 5 < cap) {
		size_t n = *s < 0x80 ? 1 : (*s & 0xE0) == 0xC0 ? 2 : (*s & 0xF0) == 0xE0 ? 3
					: (*s & 0xF8) == 0xF0 ? 4 : 0;
		bool ok = n > 0 && (n > 1 || (*s >= 0x20 && *s != 0x7F)) && !(n == 2 && *s < 0xC2);
		for (size_t k = 1; ok && k < n; k++)
			ok = (s[k] & 0xC0) == 0x80;
		if (ok) {
			memcpy(out + o, s, n);
			o += n;
			s += n;
		} else {
			out[o++] = '?';
			s++;
		}
	}
	out[o] = '\0';
	return out;
}

int jr_reply_error(struct jr_http_request *r, int status, const char *code, const char *field,
		   const char *message)
{
	char clean_message[512], clean_field[128];
	struct jr_json_writer w;

	message = clean_text(message ? message : "", clean_message, sizeof(clean_message));
	if (field)
		field = clean_text(field, clean_field, sizeof(clean_field));
	/* the field for the audit entry of the refusal: a name of letters, digits and "_.-[]"
	 * only (a misspelt field is the client's text) */
	r->refused_field[0] = '\0';
	if (field && strlen(field) < sizeof(r->refused_field) &&
	    strspn(field, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-[]") ==
		strlen(field))
		memcpy(r->refused_field, field, strlen(field) + 1);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_jw_object(&w);
	jr_jw_key(&w, "error");
	jr_jw_object(&w);
	jr_jw_kint(&w, "status", status);
	jr_jw_kstring(&w, "code", code);
	jr_jw_kstring(&w, "message", message);
	jr_jw_kstring(&w, "field", field); /* null when none */
	jr_jw_end(&w);
	jr_jw_end(&w);
	if (jr_jw_finish(&w) || jr_buf_putc(&r->out, '\n')) {
		/* the message did not fit: the status says enough */
		jr_buf_reset(&r->out);
		jr_buf_puts(&r->out, "{\"error\":{\"status\":500,\"code\":\"internal\"}}\n");
	}
	return jr_reply_json(r, status);
}

int jr_http_status_of(enum jr_err err)
{
	static const int statuses[JR_ERR__COUNT] = {
		[JR_OK] = 200,
		[JR_ERR_NOMEM] = 503,
		[JR_ERR_INPUT] = 422,
		[JR_ERR_TOO_BIG] = 413,
		[JR_ERR_NOT_FOUND] = 404,
		[JR_ERR_POLICY] = 500,
		[JR_ERR_IO] = 500,
		[JR_ERR_USAGE] = 400,
		[JR_ERR_CONFLICT] = 409,
		[JR_ERR_REFUSED] = 422,
		[JR_ERR_FORBIDDEN] = 403,
		[JR_ERR_STORE] = 503,
		[JR_ERR_INTERNAL] = 500,
	};
	return (unsigned)err < JR_ERR__COUNT ? statuses[err] : 500;
}

int jr_reply_err(struct jr_http_request *r, enum jr_err err, const char *message)
{
	int status = jr_http_status_of(err);
	static const struct {
		int status;
		const char *code;
		const char *message;
	} fallback[] = {
		{404, "not_found", "niet gevonden"},
		{403, "forbidden", "dit mag u met uw rol of voor deze persoon niet doen"},
		{409, "conflict", "het gegeven is intussen gewijzigd of bestaat al; lees opnieuw"},
		{413, "too_large", "de invoer is te groot"},
		{422, "unprocessable", "de invoer klopt niet"},
		{400, "bad_request", "de aanvraag klopt niet"},
		{503, "unavailable", "de database is tijdelijk niet beschikbaar; probeer het zo opnieuw"},
	};
	const char *code = "internal";
	const char *text = "er ging iets mis in de server; het is vastgelegd";

	for (size_t i = 0; i < sizeof(fallback) / sizeof(fallback[0]); i++)
		if (fallback[i].status == status) {
			code = fallback[i].code;
			text = fallback[i].message;
		}
	return jr_reply_error(r, status, code, NULL, message ? message : text);
}

struct json_t *jr_http_json_body(struct jr_http_request *r)
{
	const char *type = jr_http_header(r, "Content-Type");
	json_error_t error;
	json_t *v;
	char msg[200];

	if (!type || strncmp(type, "application/json", 16) != 0) {
		jr_reply_error(r, 415, "unsupported_media_type", NULL,
			       "stuur de gegevens als JSON (Content-Type: application/json)");
		return NULL;
	}
	if (jr_json_depth(r->body, r->body_len, JR_HTTP_JSON_DEPTH_MAX) > JR_HTTP_JSON_DEPTH_MAX) {
		jr_reply_error(r, 400, "too_deep", NULL, "de JSON is te diep genest (meer dan 32 lagen)");
		return NULL;
	}
	v = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &error);
	if (!v) {
		snprintf(msg, sizeof(msg), "geen geldige JSON: %s (regel %d, kolom %d)", error.text,
			 error.line, error.column);
		jr_reply_error(r, 400, "bad_json", NULL, msg);
		return NULL;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		jr_reply_error(r, 400, "bad_json", NULL, "verwacht een JSON-object");
		return NULL;
	}
	return v;
}
