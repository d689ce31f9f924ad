/* person: field checks for persons (see person.h). */
#include "core/person.h"

#include <string.h>

#include "core/ident.h"
#include "core/text.h"

bool jr_name_valid(const char *s)
{
	return jr_text_valid(s, JR_PERSON_NAME_MAX, false);
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
