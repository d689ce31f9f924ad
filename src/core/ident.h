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

/* A BSN as a screen may show it without showing it whole: its last four digits after five
 * asterisks ("*****5678"), enough for a consulent to check it against the one a parent reads
 * out, too little to be used as the number (DESIGN.md §4: a person's data only as far as the
 * task needs). `out` holds JR_BSN_MASKED_LEN bytes; a BSN that is not 9 digits gives "". */
#define JR_BSN_MASKED_LEN 10
void jr_bsn_mask(const char *bsn, char out[JR_BSN_MASKED_LEN]);

#endif
