/* ijw_codes_internal: the compiled-in form of the iJw code lists, shared by ijw_codes.c and the
 * tables tools/ijw/gen-codes.py generates (ijw_codes_tables.c). */
#ifndef JR_IJW_IJW_CODES_INTERNAL_H
#define JR_IJW_IJW_CODES_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "ijw/ijw_codes.h"

/* An empty ingangsdatum or expiratiedatum: no bound on that side. */
#define JR_IJW_OPEN INT32_MIN

struct jr_ijw_code {
	const char *code; /* as in the XSD enumeration, leading zeros kept */
	const char *text;
	jr_day from;  /* ingangsdatum, or JR_IJW_OPEN */
	jr_day until; /* expiratiedatum (the last valid day), or JR_IJW_OPEN */
};

struct jr_ijw_codelist_def {
	const char *name;      /* "JZ020" */
	const char *type_name; /* the basisschema type that enumerates it, or NULL */
	const struct jr_ijw_code *codes; /* sorted by strcmp of code */
	unsigned short count;
};

/* Indexed by enum jr_ijw_codelist. */
extern const struct jr_ijw_codelist_def jr_ijw_codelists[];

/* Whether code `c` is in force on day `on`: from its ingangsdatum through its expiratiedatum,
 * an open side unbounded. */
bool jr_ijw_code_in_force(const struct jr_ijw_code *c, jr_day on);

#endif
