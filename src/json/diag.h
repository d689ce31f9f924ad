/* diag: where and why an input document was rejected.
 *
 * Shared by the JSON adapters: `path` is the JSON path of the offending value ("$.forms[3].setting"
 * for policy files, "needs.behaviour" for requests), `message` a sentence in Dutch saying what was
 * wrong and what is expected. Both are bounded and always NUL-terminated. */
#ifndef JR_JSON_DIAG_H
#define JR_JSON_DIAG_H

#define JR_DIAG_PATH_MAX 160
#define JR_DIAG_MESSAGE_MAX 320

struct jr_diag {
	char path[JR_DIAG_PATH_MAX];
	char message[JR_DIAG_MESSAGE_MAX];
};

#endif
