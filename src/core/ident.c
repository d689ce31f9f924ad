/* ident: BSN, AGB and CBS code checks (see ident.h). */
#include "core/ident.h"

#include <string.h>

static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool all_zero(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '0')
			return false;
	return true;
}

bool jr_bsn_valid(const char *s, size_t len)
{
	int sum = 0;

	if (len != 9 || !all_digits(s, len) || all_zero(s, len))
		return false;
	for (int i = 0; i < 8; i++)
		sum += (s[i] - '0') * (9 - i);
	sum -= s[8] - '0';
	return sum % 11 == 0;
}

bool jr_agb_valid(const char *s, size_t len)
{
	return len == 8 && all_digits(s, len) && !all_zero(s, len);
}

bool jr_cbs_code_valid(const char *s, size_t len)
{
	return len == 4 && all_digits(s, len) && !all_zero(s, len);
}

void jr_bsn_mask(const char *bsn, char out[JR_BSN_MASKED_LEN])
{
	out[0] = '\0';
	if (!bsn || strlen(bsn) != 9 || !all_digits(bsn, 9))
		return;
	memcpy(out, "*****", 5);
	memcpy(out + 5, bsn + 5, 4);
	out[9] = '\0';
}
