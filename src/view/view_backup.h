/* view_backup: what a backup holds, as JSON, for `jeugdroute backup`. */
#ifndef JR_VIEW_VIEW_BACKUP_H
#define JR_VIEW_VIEW_BACKUP_H

#include "app/backup.h"
#include "json/json_writer.h"

/* {"out":DIR,"database":NAME,"bytes":N,"pages":N,"key_files":[NAME,…],
 *  "checkpoint_file":NAME|null}: the directory as given, the files' base names in it. */
void jr_view_backup(struct jr_json_writer *w, const char *dir, const struct jr_backup_info *b);

#endif
