/* json_common: the strict load and type names shared by the JSON adapters (see json_common.h). */
#include "json/json_common.h"

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
