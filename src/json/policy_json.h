/* policy_json: reads a region's policy file (format: docs/policy.md) into struct jr_policy.
 *
 * Validation is complete at load time: shape (unknown keys, types, duplicate keys), values (codes,
 * enums, ranges) and relations (ten forms in order, the settings the rules need, unique codes and
 * ids). On failure the diag names the JSON path and the problem; nothing is half-loaded. */
#ifndef JR_JSON_POLICY_JSON_H
#define JR_JSON_POLICY_JSON_H

#include <stddef.h>

#include "core/err.h"
#include "core/policy.h"
#include "core/diag.h"

#define JR_POLICY_FILE_MAX (1024 * 1024) /* bytes; real files are about 20 KiB */

/* Parses policy JSON text. JR_ERR_POLICY (or JR_ERR_TOO_BIG/NOMEM) with diag filled on failure. */
enum jr_err jr_policy_parse(const char *text, size_t len, struct jr_policy *out,
			    struct jr_diag *diag);

/* Reads and parses a policy file. JR_ERR_IO when it cannot be read (diag.path is "$"). */
enum jr_err jr_policy_load_file(const char *filename, struct jr_policy *out, struct jr_diag *diag);

#endif
