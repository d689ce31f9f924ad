/* ijw_codes: the iJw 3.2 code lists with the validity dates of each code, from compiled-in
 * tables (ijw_codes_tables.c, generated from the code lists by tools/ijw/gen-codes.py).
 *
 * The structural check (ijw_schema.h) already refuses a code that is not in the enumeration of
 * its XSD type; what it cannot know is whether the code is valid on a given day. That is a
 * rule-level check, made with jr_ijw_code_valid: a code is valid from its ingangsdatum through
 * its expiratiedatum, both inclusive, and an empty date is open. */
#ifndef JR_IJW_IJW_CODES_H
#define JR_IJW_IJW_CODES_H

#include <stdbool.h>

#include "core/date.h"

/* Every list, named as the standard numbers it. */
enum jr_ijw_codelist {
	JR_IJW_COD002, /* berichtcode */
	JR_IJW_COD032, /* land */
	JR_IJW_COD043, /* debet/credit */
	JR_IJW_COD046, /* geslacht */
	JR_IJW_COD170, /* datumgebruik */
	JR_IJW_COD260, /* ja/nee */
	JR_IJW_COD327, /* verwijzer */
	JR_IJW_COD467, /* status aanlevering */
	JR_IJW_COD472, /* soort relatie */
	JR_IJW_COD700, /* naamgebruik */
	JR_IJW_COD747, /* communicatievorm */
	JR_IJW_COD757, /* soort adres */
	JR_IJW_JZ002,  /* reden wijziging toewijzing */
	JR_IJW_JZ020,  /* productcategorie */
	JR_IJW_JZ588,  /* reden beëindiging */
	JR_IJW_NUM061, /* aanduiding woonadres */
	JR_IJW_WJ001,  /* retourcode */
	JR_IJW_WJ003,  /* wettelijke vertegenwoordiging */
	JR_IJW_WJ232,  /* juridische status */
	JR_IJW_WJ756,  /* eenheid */
	JR_IJW_WJ758,  /* reden verzoek */
	JR_IJW_WJ759,  /* reden afwijzing verzoek */
	JR_IJW_WJ760,  /* verzoek antwoord */
	JR_IJW_WMO757, /* frequentie */
	JR_IJW_CODELIST__COUNT
};

/* "JZ020" …; NULL for a value out of range. */
const char *jr_ijw_codelist_name(enum jr_ijw_codelist list);

/* The list whose codes are the enumeration of basisschema type `type_name` ("LDT_Geslacht");
 * false when no list belongs to that type. */
bool jr_ijw_codelist_of_type(const char *type_name, enum jr_ijw_codelist *out);

/* Whether `code` is in `list` and valid on day `on`: not before its ingangsdatum and not after
 * its expiratiedatum. False for an unknown list or code (and for NULL). */
bool jr_ijw_code_valid(enum jr_ijw_codelist list, const char *code, jr_day on);

/* The short Dutch text of `code` in `list` ("Jeugd-ggz"), whatever its dates; NULL when the code
 * is not in the list. */
const char *jr_ijw_code_text(enum jr_ijw_codelist list, const char *code);

#endif
