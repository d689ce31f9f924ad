/* password: a new password for a person to read off the screen once — made by the command line
 * (init, user add, the demo's logins) and by the server (a new user). */
#ifndef JR_APP_PASSWORD_H
#define JR_APP_PASSWORD_H

#include <stddef.h>

/* len-1 random letters and digits without look-alikes (0/O, 1/l/I), from libsodium's generator,
 * and a terminating NUL. */
void jr_app_password(char *out, size_t len);

#endif
