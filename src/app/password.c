/* password: a readable random password (password.h). */
#include "app/password.h"

#include <sodium.h>

void jr_app_password(char *out, size_t len)
{
	/* No look-alikes (0/O, 1/l/I): it is read off a screen once. */
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	for (size_t i = 0; i + 1 < len; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[len - 1] = '\0';
}
