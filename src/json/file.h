/* file: reads a whole file (or standard input, for "-") into a bounded buffer. */
#ifndef JR_JSON_FILE_H
#define JR_JSON_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"

/* Reads `path` ("-" = standard input) into `out`, which must be initialised and empty.
 * JR_ERR_TOO_BIG when the file exceeds `max` bytes, JR_ERR_IO when it cannot be read;
 * `*errnum` receives errno for JR_ERR_IO (0 otherwise). */
enum jr_err jr_file_read(const char *path, size_t max, struct jr_buf *out, int *errnum);

#endif
