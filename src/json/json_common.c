/* json_common: the strict load and type names shared by the JSON adapters (see json_common.h). */
#include "json/json_common.h"

#include <stdbool.h>

#include "core/alloc.h"

enum jr_err jr_json_load(const char *text, size_t len, json_t **root, json_error_t *jerr)
{
	unsigned long failures = jr_alloc_failure_count();

	*root = json_loadb(text, len, JSON_REJECT_DUPLICATES, jerr);
	if (*root)
		return JR_OK;
	if (json_error_code(jerr) == json_error_out_of_memory ||
	    jr_alloc_failure_count() != failures)
		return JR_ERR_NOMEM;
	return JR_ERR_INPUT;
}

const char *jr_json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "een object";
	case JSON_ARRAY: return "een lijst";
	case JSON_STRING: return "een tekst";
	case JSON_INTEGER: return "een geheel getal";
	case JSON_REAL: return "een kommagetal";
	case JSON_TRUE:
	case JSON_FALSE: return "true/false";
	case JSON_NULL: return "null";
	}
	return "onbekend";
}

/* Nesting depth of a JSON text, counted outside strings, stopping early past `max`. Rejecting
 * deep documents before the parser sees them bounds its recursion and memory. */
int jr_json_depth(const char *s, size_t len, int max)
{
	int depth = 0, deepest = 0;
	bool in_string = false;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
			continue;
		}
		if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > deepest)
				deepest = depth;
			if (deepest > max)
				return deepest;
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return deepest;
}
