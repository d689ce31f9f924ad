/* person: field checks for persons (see person.h). */
#include "core/person.h"

#include <string.h>

#include "core/ident.h"

bool jr_name_valid(const char *s)
{
	size_t len = strlen(s);
	const unsigned char *p = (const unsigned char *)s;

	if (len == 0 || len >= JR_PERSON_NAME_MAX)
		return false;
	while (*p) {
		int extra;
		if (*p < 0x20 || *p == 0x7f)
			return false;
		if (*p < 0x80) {
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			extra = 1;
		else if (*p >= 0xe0 && *p <= 0xef)
			extra = 2;
		else if (*p >= 0xf0 && *p <= 0xf4)
			extra = 3;
		else
			return false;
		for (int i = 1; i <= extra; i++)
			if ((p[i] & 0xc0) != 0x80)
				return false;
		/* overlong three-byte forms, surrogates, and code points above U+10FFFF */
		if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] >= 0xa0) ||
		    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] >= 0x90))
			return false;
		p += extra + 1;
	}
	return true;
}

enum jr_err jr_person_check(const struct jr_person *p, jr_day today, const char **field,
			    const char **message)
{
	if (!jr_bsn_valid(p->bsn, strlen(p->bsn))) {
		*field = "bsn";
		*message = "geen geldig BSN: 9 cijfers die de elfproef doorstaan";
		return JR_ERR_INPUT;
	}
	if (!jr_name_valid(p->given_names)) {
		*field = "given_names";
		*message = "verwacht de voornamen: 1 tot 100 tekens, zonder stuurtekens";
		return JR_ERR_INPUT;
	}
	if (!jr_name_valid(p->family_name)) {
		*field = "family_name";
		*message = "verwacht de achternaam: 1 tot 100 tekens, zonder stuurtekens";
		return JR_ERR_INPUT;
	}
	if (p->birth_date > today) {
		*field = "birth_date";
		*message = "de geboortedatum ligt in de toekomst";
		return JR_ERR_INPUT;
	}
	if (!jr_cbs_code_valid(p->municipality, strlen(p->municipality))) {
		*field = "municipality";
		*message = "verwacht een CBS-gemeentecode van 4 cijfers, zoals 0153";
		return JR_ERR_INPUT;
	}
	return JR_OK;
}
