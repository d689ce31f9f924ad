/* ijw_codes: look-ups in the generated code lists (see ijw_codes.h). */
#include "ijw/ijw_codes.h"

#include <stdlib.h>
#include <string.h>

#include "ijw/ijw_codes_internal.h"

const char *jr_ijw_codelist_name(enum jr_ijw_codelist list)
{
	if ((unsigned)list >= JR_IJW_CODELIST__COUNT)
		return NULL;
	return jr_ijw_codelists[list].name;
}

bool jr_ijw_codelist_of_type(const char *type_name, enum jr_ijw_codelist *out)
{
	for (unsigned i = 0; type_name && i < JR_IJW_CODELIST__COUNT; i++)
		if (jr_ijw_codelists[i].type_name &&
		    strcmp(jr_ijw_codelists[i].type_name, type_name) == 0) {
			*out = (enum jr_ijw_codelist)i;
			return true;
		}
	return false;
}

static int compare_code(const void *key, const void *item)
{
	return strcmp(key, ((const struct jr_ijw_code *)item)->code);
}

static const struct jr_ijw_code *find(enum jr_ijw_codelist list, const char *code)
{
	const struct jr_ijw_codelist_def *l;

	if ((unsigned)list >= JR_IJW_CODELIST__COUNT || !code)
		return NULL;
	l = &jr_ijw_codelists[list];
	return bsearch(code, l->codes, l->count, sizeof(l->codes[0]), compare_code);
}

bool jr_ijw_code_in_force(const struct jr_ijw_code *c, jr_day on)
{
	if (c->from != JR_IJW_OPEN && on < c->from)
		return false;
	if (c->until != JR_IJW_OPEN && on > c->until)
		return false;
	return true;
}

bool jr_ijw_code_valid(enum jr_ijw_codelist list, const char *code, jr_day on)
{
	const struct jr_ijw_code *c = find(list, code);

	return c && jr_ijw_code_in_force(c, on);
}

const char *jr_ijw_code_text(enum jr_ijw_codelist list, const char *code)
{
	const struct jr_ijw_code *c = find(list, code);

	return c ? c->text : NULL;
}
