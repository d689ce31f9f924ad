/* fields: checked reading of JSON request fields (fields.h). */
#include "http/fields.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/text.h"

jr_day jr_http_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return jr_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int jr_http_number(const char *s, long long min, long long max, long long *out)
{
	long long v = 0;

	if (!*s || strlen(s) > 18)
		return -1;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int bad(struct jr_http_request *r, const char *name, const char *message)
{
	return jr_reply_error(r, 422, "invalid", name, message);
}

int jr_field_text(struct jr_http_request *r, json_t *obj, const char *name, bool required,
		  char *dst, size_t cap)
{
	json_t *v = json_object_get(obj, name);
	const char *s;
	char msg[160];

	dst[0] = '\0';
	if (!v || json_is_null(v)) {
		if (!required)
			return 0;
		snprintf(msg, sizeof(msg), "ontbreekt; verwacht tekst (1 tot %zu tekens)", cap - 1);
		return bad(r, name, msg);
	}
	s = json_string_value(v);
	if (!s || !jr_text_valid(s, cap, true)) {
		snprintf(msg, sizeof(msg),
			 "verwacht tekst van 1 tot %zu bytes, zonder stuurtekens", cap - 1);
		return bad(r, name, msg);
	}
	memcpy(dst, s, strlen(s) + 1);
	return 0;
}

int jr_field_word(struct jr_http_request *r, json_t *obj, const char *name,
		  const char *const *allowed, const char *expect, char *dst, size_t cap)
{
	const char *s = json_string_value(json_object_get(obj, name));
	char msg[300];

	for (const char *const *w = allowed; s && *w; w++)
		if (strcmp(*w, s) == 0 && strlen(s) < cap) {
			memcpy(dst, s, strlen(s) + 1);
			return 0;
		}
	snprintf(msg, sizeof(msg), "kies %s", expect);
	return bad(r, name, msg);
}

int jr_field_date(struct jr_http_request *r, json_t *obj, const char *name, bool required,
		  jr_day dflt, jr_day *out)
{
	json_t *v = json_object_get(obj, name);
	const char *s = json_string_value(v);

	*out = dflt;
	if (!v || json_is_null(v)) {
		if (!required)
			return 0;
		return bad(r, name, "ontbreekt; verwacht een datum JJJJ-MM-DD");
	}
	if (!s || jr_date_parse(s, strlen(s), out))
		return bad(r, name, "verwacht een bestaande datum JJJJ-MM-DD");
	return 0;
}

int jr_field_int(struct jr_http_request *r, json_t *obj, const char *name, bool required,
		 int64_t min, int64_t max, int64_t dflt, int64_t *out)
{
	json_t *v = json_object_get(obj, name);
	char msg[120];

	*out = dflt;
	if (!v || json_is_null(v)) {
		if (!required)
			return 0;
	} else if (json_is_integer(v) && json_integer_value(v) >= min &&
		   json_integer_value(v) <= max) {
		*out = json_integer_value(v);
		return 0;
	}
	snprintf(msg, sizeof(msg), "%sverwacht een geheel getal van %lld tot en met %lld",
		 v ? "" : "ontbreekt; ", (long long)min, (long long)max);
	return bad(r, name, msg);
}

int jr_field_bool(struct jr_http_request *r, json_t *obj, const char *name, bool required,
		  bool dflt, bool *out)
{
	json_t *v = json_object_get(obj, name);

	*out = dflt;
	if (!v || json_is_null(v))
		return required ? bad(r, name, "ontbreekt; verwacht true of false") : 0;
	if (!json_is_boolean(v))
		return bad(r, name, "verwacht true of false");
	*out = json_is_true(v);
	return 0;
}

int jr_field_names(struct jr_http_request *r, json_t *obj, const char *name,
		   int (*parse)(const char *), const char *not_list, const char *unknown,
		   unsigned *out)
{
	json_t *list = json_object_get(obj, name), *v;
	size_t i;

	if (!list)
		return 0;
	if (!json_is_array(list))
		return bad(r, name, not_list);
	json_array_foreach(list, i, v)
	{
		int n = json_is_string(v) ? parse(json_string_value(v)) : -1;
		if (n < 0)
			return bad(r, name, unknown);
		*out |= 1u << n;
	}
	return 0;
}

int jr_field_only(struct jr_http_request *r, json_t *obj, const char *const *known)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v)
	{
		bool ok = false;
		for (const char *const *k = known; *k && !ok; k++)
			ok = strcmp(*k, key) == 0;
		if (!ok)
			return bad(r, key, "onbekend veld; zie /api/v1/openapi.json");
	}
	return 0;
}
