/* ijw_schema_internal: the compiled-in form of the iJw 3.2 XSDs, shared by the structure checker
 * (ijw_schema.c) and the tables that tools/ijw/gen-schema.py generates (ijw_schema_tables.c).
 *
 * The schemas use few constructs, and the tables hold exactly those: complex types that are one
 * xs:sequence of element particles (minOccurs 0/1, maxOccurs 1/unbounded, no attributes, no
 * mixed content), and simple types that restrict xs:string, xs:integer, xs:date or xs:time with
 * length, range, enumeration and pattern facets. A restriction of a restriction is flattened: the
 * facets of both steps hold (patterns of different steps must all match, as in XSD 1.0). The
 * generator fails on anything else, so a new construct cannot be silently ignored. */
#ifndef JR_IJW_SCHEMA_INTERNAL_H
#define JR_IJW_SCHEMA_INTERNAL_H

#include <stdbool.h>

#include "ijw/ijw_schema.h"

/* The built-in type a simple type restricts; it decides the whitespace handling (xs:string keeps
 * it, the others collapse it) and the lexical space. */
enum jr_ijw_base {
	JR_IJW_BASE_STRING,
	JR_IJW_BASE_INTEGER,
	JR_IJW_BASE_DATE,
	JR_IJW_BASE_TIME,
};

/* The patterns the schemas use, each checked by a small function in ijw_schema.c instead of a
 * regular-expression engine. A pattern that is a plain literal ("436") is kept as `literal`. */
enum jr_ijw_pattern {
	JR_IJW_PAT_TEXT_LINE = 1u << 0,     /* .*[^\s].*  one line with a non-blank character */
	JR_IJW_PAT_TEXT = 1u << 1,          /* ([.\s]*\S+[.\s]*)+  a non-blank character */
	JR_IJW_PAT_DIGITS = 1u << 2,        /* [0-9]* */
	JR_IJW_PAT_DIGITS_4 = 1u << 3,      /* [0-9]{4} */
	JR_IJW_PAT_DIGITS_8 = 1u << 4,      /* [0-9]{8} */
	JR_IJW_PAT_DIGITS_9 = 1u << 5,      /* [0-9]{9} */
	JR_IJW_PAT_ALNUM = 1u << 6,         /* ([a-zA-Z0-9])+ */
	JR_IJW_PAT_INITIALS = 1u << 7,      /* ([a-zA-ZÀ-ỳ])+ */
	JR_IJW_PAT_VERSION = 1u << 8,       /* (0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*) */
	JR_IJW_PAT_NO_COLON_Z = 1u << 9,    /* [^:Z]*  a date without time zone */
	JR_IJW_PAT_NO_Z_PLUS_MINUS = 1u << 10, /* [^Z+-]+  a time without time zone */
};

struct jr_ijw_simple_type {
	const char *name;       /* "LDT_Datum" (basisschema namespace); NULL when anonymous */
	unsigned char base;     /* enum jr_ijw_base */
	int min_length;         /* in characters; -1 when absent (xs:string only) */
	int max_length;         /* in characters; -1 when absent */
	bool has_range;         /* min/max_inclusive hold (xs:integer only) */
	long long min_inclusive;
	long long max_inclusive;
	unsigned patterns;      /* enum jr_ijw_pattern bits; every one must match */
	const char *literal;    /* a literal pattern the whole value must equal, or NULL */
	const char *const *enums; /* the enumeration, sorted by strcmp; NULL when none */
	unsigned short enum_count;
};

/* One xs:element in a sequence. `max` 0 means unbounded. */
struct jr_ijw_particle {
	const char *name;
	unsigned short min, max;
	bool complex;        /* the type is in jr_ijw_complex_types, else in jr_ijw_simple_types */
	unsigned short type; /* index into that table */
};

/* A complex type: a sequence of particles. Its elements are qualified with the namespace of the
 * schema that declares the type: the message's own, or the basisschema's. */
struct jr_ijw_complex_type {
	const char *name;    /* "CDT_Adres", or "Header" for a type of a message schema */
	bool basisschema;    /* declared in basisschema.xsd, else in the message's schema */
	unsigned short first, count; /* jr_ijw_particles[first .. first + count) */
};

struct jr_ijw_message_def {
	const char *name;    /* "JW301" */
	const char *ns;      /* the message's target namespace */
	unsigned short root; /* the complex type of the root element Bericht */
};

extern const struct jr_ijw_simple_type jr_ijw_simple_types[];
extern const struct jr_ijw_particle jr_ijw_particles[];
extern const struct jr_ijw_complex_type jr_ijw_complex_types[];
/* Indexed by enum jr_ijw_message; entry JR_IJW_UNKNOWN is empty. */
extern const struct jr_ijw_message_def jr_ijw_messages[];
extern const unsigned jr_ijw_simple_type_count;
extern const unsigned jr_ijw_complex_type_count;
/* The deepest element nesting any message allows (Bericht is depth 1). */
extern const unsigned jr_ijw_schema_depth;

#define JR_IJW_NS_BASIS "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

#endif
