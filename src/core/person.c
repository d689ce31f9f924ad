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
	if (p->sex && p->sex != '0' && p->sex != '1' && p->sex != '2') {
		*field = "sex";
		*message = "verwacht 0 (onbekend), 1 (man) of 2 (vrouw)";
		return JR_ERR_INPUT;
	}
	return p->address.street[0] ? jr_address_check(&p->address, field, message) : JR_OK;
}

/* 1234AB: four digits, the first not 0, and two capital letters. */
static bool postcode_valid(const char *s)
{
	if (strlen(s) != 6 || s[0] < '1' || s[0] > '9')
		return false;
	for (int i = 1; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[4] >= 'A' && s[4] <= 'Z' && s[5] >= 'A' && s[5] <= 'Z';
}

/* Non-empty valid text of at most `chars` characters that is not only spaces. */
static bool text_within(const char *s, size_t chars)
{
	return jr_text_valid(s, 4 * chars + 1, false) && jr_text_chars(s) <= chars &&
	       strspn(s, " ") < strlen(s);
}

enum jr_err jr_address_check(const struct jr_address *a, const char **field,
			     const char **message)
{
	if (!text_within(a->street, JR_STREET_CHARS)) {
		*field = "address.street";
		*message = "verwacht een straatnaam van 1 tot 24 tekens";
		return JR_ERR_INPUT;
	}
	if (a->house_number < 1 || a->house_number > 99999) {
		*field = "address.house_number";
		*message = "verwacht een huisnummer van 1 tot en met 99999";
		return JR_ERR_INPUT;
	}
	if (a->house_letter[0] &&
	    !((a->house_letter[0] >= 'A' && a->house_letter[0] <= 'Z') ||
	      (a->house_letter[0] >= 'a' && a->house_letter[0] <= 'z'))) {
		*field = "address.house_letter";
		*message = "verwacht één letter";
		return JR_ERR_INPUT;
	}
	if (a->house_addition[0] && !text_within(a->house_addition, 4)) {
		*field = "address.house_addition";
		*message = "verwacht een toevoeging van 1 tot 4 tekens";
		return JR_ERR_INPUT;
	}
	if (!postcode_valid(a->postcode)) {
		*field = "address.postcode";
		*message = "verwacht een postcode als 7511AB: vier cijfers en twee hoofdletters";
		return JR_ERR_INPUT;
	}
	if (!text_within(a->place, JR_PLACE_CHARS)) {
		*field = "address.place";
		*message = "verwacht een woonplaats van 1 tot 80 tekens";
		return JR_ERR_INPUT;
	}
	return JR_OK;
}

const char *const jr_household_roles[] = {"child", "parent", "carer", NULL};

const char *jr_household_role_label(const char *name)
{
	static const char *const labels[] = {"kind", "ouder", "verzorger"};
	for (size_t i = 0; name && jr_household_roles[i]; i++)
		if (strcmp(jr_household_roles[i], name) == 0)
			return labels[i];
	return NULL;
}
