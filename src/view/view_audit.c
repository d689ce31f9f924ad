/* view_audit: the audit log's answers as JSON (see view_audit.h). */
#include "view/view_audit.h"

void jr_view_audit_verdict(struct jr_json_writer *w, const struct jr_audit_verdict *v)
{
	jr_jw_object(w);
	jr_jw_kbool(w, "intact", !v->bad_seq && !v->bad_checkpoint_line);
	/* a broken chain was walked only up to where it broke */
	jr_jw_kint(w, v->bad_seq ? "entries_checked" : "entries", v->entries);
	if (v->bad_seq)
		jr_jw_kint(w, "first_bad_entry", v->bad_seq);
	jr_jw_kint(w, "checkpoints", v->checkpoints);
	jr_jw_kint(w, "last_checkpoint_seq", v->last_checkpoint_seq);
	if (v->checkpoints)
		jr_jw_kstring(w, "last_checkpoint_at", v->last_checkpoint_at);
	if (v->bad_checkpoint_line)
		jr_jw_kint(w, "bad_checkpoint_line", v->bad_checkpoint_line);
	jr_jw_end(w);
}

void jr_view_audit_keys(struct jr_json_writer *w, const struct jr_audit_key_info *keys,
			size_t count)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "key_file", count ? keys[0].key_file : "");
	jr_jw_kstring(w, "checkpoint_file", count ? keys[0].checkpoint_file : "");
	jr_jw_key(w, "keys");
	jr_jw_array(w);
	for (size_t i = 0; i < count; i++) {
		jr_jw_object(w);
		jr_jw_kstring(w, "id", keys[i].id);
		jr_jw_kstring(w, "public_key", keys[i].public_key);
		jr_jw_kbool(w, "in_use", keys[i].in_use);
		jr_jw_end(w);
	}
	jr_jw_end(w);
	jr_jw_end(w);
}

void jr_view_audit_rotated(struct jr_json_writer *w, const char *key_id)
{
	jr_jw_object(w);
	jr_jw_kbool(w, "rotated", true);
	jr_jw_kstring(w, "key", key_id);
	jr_jw_end(w);
}
