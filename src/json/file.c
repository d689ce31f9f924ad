/* file: whole-file reads with a size bound (see file.h). */
#include "json/file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum jr_err jr_file_read(const char *path, size_t max, struct jr_buf *out, int *errnum)
{
	enum jr_err err = JR_OK;
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	char chunk[16384];
	size_t n;

	*errnum = 0;
	if (!f) {
		*errnum = errno;
		return JR_ERR_IO;
	}
	out->max = max;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		err = jr_buf_append(out, chunk, n);
		if (err)
			goto out;
	}
	if (ferror(f)) {
		*errnum = errno ? errno : EIO;
		err = JR_ERR_IO;
	}
out:
	if (!is_stdin)
		fclose(f);
	return err;
}
