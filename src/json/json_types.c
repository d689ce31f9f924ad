/* json_types: Dutch names of JSON value types (see json_types.h). */
#include "json/json_types.h"

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
