/* view_audit: the audit log's answers as JSON — the verdict on the chain, the keys, a
 * rotation — for `jeugdroute audit` (and any API that shows them). */
#ifndef JR_VIEW_VIEW_AUDIT_H
#define JR_VIEW_VIEW_AUDIT_H

#include <stddef.h>

#include "app/audit.h"
#include "json/json_writer.h"

/* {"intact":…,"entries"|"entries_checked":…,["first_bad_entry":…,]"checkpoints":…,
 *  "last_checkpoint_seq":…[,"last_checkpoint_at":…][,"bad_checkpoint_line":…]} */
void jr_view_audit_verdict(struct jr_json_writer *w, const struct jr_audit_verdict *v);
/* {"key_file":…,"checkpoint_file":…,"keys":[{"id":…,"public_key":…,"in_use":…},…]} */
void jr_view_audit_keys(struct jr_json_writer *w, const struct jr_audit_key_info *keys,
			size_t count);
/* {"rotated":true,"key":…} */
void jr_view_audit_rotated(struct jr_json_writer *w, const char *key_id);

#endif
