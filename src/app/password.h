/* password: a new password for a person to read off the screen once — made by the command line
 * (init, user add, the demo's logins) and by the server (a new user) — and the hashing and
 * checking of passwords outside the store, so that the server does them outside every lock. */
#ifndef JR_APP_PASSWORD_H
#define JR_APP_PASSWORD_H

#include <stdbool.h>
#include <stddef.h>

/* len-1 random letters and digits without look-alikes (0/O, 1/l/I), from libsodium's generator,
 * and a terminating NUL. */
void jr_app_password(char *out, size_t len);

/* The slow part of setting and checking a password (Argon2id, libsodium's interactive limits:
 * tens of milliseconds and 64 MiB), for the server to do outside every lock and transaction and
 * hand to the store (jr_store_password_prepare). jr_app_password_hash: the hash into `out` (128
 * bytes); false when memory ran out. jr_app_password_matches: whether `password` is the one
 * `hash` was made of. */
bool jr_app_password_hash(const char *password, char out[128]);
bool jr_app_password_matches(const char *hash, const char *password);

#endif
