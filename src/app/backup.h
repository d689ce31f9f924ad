/* backup: the use case that copies the records and their key files into a directory while
 * servers may be writing (the store's jr_store_backup, store/backup.h), and puts it on record. */
#ifndef JR_APP_BACKUP_H
#define JR_APP_BACKUP_H

#include "app/app.h"

/* The action of the audit entry a backup leaves in the records it copied (not in the copy). */
#define JR_APP_BACKUP_ACTION "backup.made"

/* Writes a backup of the records into `dir` (store/backup.h: made 0700 when missing, never over
 * a backup; the database, the BSN key file, the audit key file and the checkpoint file), with
 * `progress` (may be NULL) called after each step of the copy; *info says what it holds. Then
 * writes the audit entry JR_APP_BACKUP_ACTION, with no personal data, to the records (the
 * copy, made before it, does not hold it). A refusal or failure is explained in app->diag, its
 * path the option to blame: JR_ERR_REFUSED on PostgreSQL ("--db"), JR_ERR_CONFLICT when `dir`
 * holds a backup or database ("--out"), JR_ERR_IO, JR_ERR_STORE otherwise. */
enum jr_err jr_app_backup(struct jr_app *app, const char *dir, jr_backup_progress_fn progress,
			  void *ctx, struct jr_backup_info *info);

#endif
