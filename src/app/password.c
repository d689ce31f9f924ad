/* password: a readable random password; hashing and checking passwords (password.h). */
#include "app/password.h"

#include <sodium.h>
#include <string.h>

void jr_app_password(char *out, size_t len)
{
	/* No look-alikes (0/O, 1/l/I): it is read off a screen once. */
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	for (size_t i = 0; i + 1 < len; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[len - 1] = '\0';
}

bool jr_app_password_hash(const char *password, char out[128])
{
	return crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
}

bool jr_app_password_matches(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}
