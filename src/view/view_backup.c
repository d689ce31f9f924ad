/* view_backup: what a backup holds, as JSON (see view_backup.h). */
#include "view/view_backup.h"

void jr_view_backup(struct jr_json_writer *w, const char *dir, const struct jr_backup_info *b)
{
	jr_jw_object(w);
	jr_jw_kstring(w, "out", dir);
	jr_jw_kstring(w, "database", b->database);
	jr_jw_kint(w, "bytes", b->bytes);
	jr_jw_kint(w, "pages", b->pages);
	jr_jw_key(w, "key_files");
	jr_jw_array(w);
	for (int i = 0; i < b->key_files && i < 2; i++)
		jr_jw_string(w, b->key_file[i]);
	jr_jw_end(w);
	jr_jw_kstring(w, "checkpoint_file", b->checkpoint_file[0] ? b->checkpoint_file : NULL);
	jr_jw_end(w);
}
