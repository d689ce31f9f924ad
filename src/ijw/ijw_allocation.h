/* ijw_allocation: the allocation message JW301 from a municipality to a provider — one client
 * with all its current allocations to that provider (OP087) — written as XML text from plain
 * values (the app layer fills them from the records; this module knows no store).
 *
 * How an allocation of each regime becomes a ToegewezenProduct (docs/ijw.md):
 *   product  (inspanningsgericht, specifiek): Product (JZ020 category + product code) and
 *            Omvang (volume, WJ756 unit, WMO757 frequency);
 *   result   (outputgericht, specifiek, eenheid stuks): the Product code names the result's
 *            intensity level, Omvang 1 piece (82) in total within the allocation's period (6);
 *   generic  (taakgericht): no JW301 at all — the caller does not write one;
 *   no product code and no result (a regional form): aspecifiek, the category only. */
#ifndef JR_IJW_IJW_ALLOCATION_H
#define JR_IJW_IJW_ALLOCATION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "core/person.h"
#include "ijw/ijw_message.h"

struct jr_ijw_assigned {
	int64_t toewijzing_nummer;
	char referentie[36 * 4 + 1]; /* ReferentieAanbieder of the request honoured, or "" */
	bool has_product;
	struct jr_ijw_product product;
	jr_day toewijzingsdatum; /* when the municipality decided */
	char toewijzingstijd[9]; /* HH:MM:SS */
	jr_day ingangsdatum;
	bool has_end;
	jr_day einddatum;
	char reden_wijziging[3]; /* JZ002, "" for a first allocation */
	bool has_omvang;
	struct jr_ijw_extent omvang;
};

struct jr_ijw_allocation_msg {
	char gemeente[5];       /* Afzender: CBS code */
	char aanbieder[9];      /* Ontvanger: AGB code */
	char identificatie[12 * 4 + 1]; /* 1 to 12 characters, unique per kind for the sender */
	jr_day dagtekening;
	const struct jr_person *client; /* with BSN, sex and address */
	const struct jr_ijw_assigned *products;
	size_t product_count;
};

/* Appends the JW301 as XML to `out`. JR_ERR_INPUT when the client has no address (TR061: at
 * least one address of kind 01, 02 or 03), there is no product, or the message would break a
 * rule its receiver checks (ijw_rules.c) that the records do not rule out — TR134 (allocated
 * after the Dagtekening), CS003, CS338 (whole days, day parts, euros or pieces per day), TR302
 * (one product twice for overlapping periods); *why then says so, naming the rule. Nothing is
 * appended then. */
enum jr_err jr_ijw_allocation_write(const struct jr_ijw_allocation_msg *m, struct jr_buf *out,
				    const char **why);

/* Splits a family name as the records keep it ("van der Berg") into the prefix the standard
 * keeps apart (Voorvoegsel, "van der", at most 10 characters) and the rest (Achternaam). */
void jr_ijw_split_family_name(const char *name, char *prefix, size_t prefix_cap, char *rest,
			      size_t rest_cap);

#endif
