/* diag: filling in an error's explanation (diag.h). */
#include "core/diag.h"

#include <stdarg.h>
#include <stdio.h>

void jr_diag_set(struct jr_diag *d, const char *path, const char *fmt, ...)
{
	va_list ap;

	snprintf(d->path, sizeof(d->path), "%s", path ? path : "");
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
}
