/* json_types: how the JSON adapters name a value's type in their (Dutch) error messages. */
#ifndef JR_JSON_JSON_TYPES_H
#define JR_JSON_JSON_TYPES_H

#include <jansson.h>

/* "een object", "een lijst", "een tekst", … — for "is <type>; verwacht …" messages. */
const char *jr_json_type_name(const json_t *v);

#endif
