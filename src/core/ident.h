/* ident: the identifiers of the youth-care chain, checked at the edge.
 *
 * BSN (burgerservicenummer): 9 digits passing the eleven-test (sum of d1*9 .. d8*2 minus d9 is a
 * multiple of 11, and not 0 as a whole number). AGB code (Algemeen GegevensBeheer, the care
 * provider register): 8 digits, not all zero. CBS municipality code: 4 digits, not 0000.
 * All functions take a length so that they can check slices of larger input. */
#ifndef JR_CORE_IDENT_H
#define JR_CORE_IDENT_H

#include <stdbool.h>
#include <stddef.h>

bool jr_bsn_valid(const char *s, size_t len);
bool jr_agb_valid(const char *s, size_t len);
bool jr_cbs_code_valid(const char *s, size_t len);

#endif
