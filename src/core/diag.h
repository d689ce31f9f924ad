/* diag: what failed, where and why — the one shape of an error's explanation across the layers.
 *
 * `path` names where: the JSON path of an offending value ("$.forms[3].setting" for policy
 * files, "needs.behaviour" for requests), an option of the command line ("--db"), a file; it is
 * "" when there is no place to name. `message` is a sentence in Dutch saying what was wrong and
 * what is expected or what to do. Both are bounded and always NUL-terminated. It lives in core/
 * because every layer explains its errors with it. */
#ifndef JR_CORE_DIAG_H
#define JR_CORE_DIAG_H

#define JR_DIAG_PATH_MAX 160
#define JR_DIAG_MESSAGE_MAX 320

struct jr_diag {
	char path[JR_DIAG_PATH_MAX];
	char message[JR_DIAG_MESSAGE_MAX];
};

/* Sets both (path may be NULL for none); the message is printf-formatted and cut to fit. */
void jr_diag_set(struct jr_diag *d, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
