/* backup: a copy of the records, with the files they are read with, made while servers may be
 * writing (store_backup.c).
 *
 * A backup is a directory holding the SQLite database, copied as one consistent snapshot with
 * SQLite's online backup API (db.h, jr_db_backup), and, under their own base names, the BSN key
 * file, the audit key file and the audit checkpoint file (when there is one): the copy is useless
 * without the keys, and its audit chain is verified with them (jeugdroute audit verify). Every
 * file is written under a temporary name, synced, checked (PRAGMA quick_check on the database)
 * and only then linked into place, the database last, so that a crash leaves no database file
 * that looks like a good backup; a file already there is never replaced. PostgreSQL is backed up
 * with its own tools (pg_basebackup, docs/deploy.md). */
#ifndef JR_STORE_BACKUP_H
#define JR_STORE_BACKUP_H

#include <stdint.h>

#include "core/diag.h"
#include "core/err.h"
#include "store/store_types.h"

#define JR_BACKUP_NAME_MAX 256   /* a file's base name in the backup directory */
#define JR_BACKUP_PAGES_PER_STEP 256 /* pages copied per step of the online backup */

/* What a backup holds: base names of the files in its directory. */
struct jr_backup_info {
	char database[JR_BACKUP_NAME_MAX]; /* the copy of the database (the source's base name) */
	int64_t bytes;                     /* its size */
	int64_t pages;                     /* its size in pages */
	int key_files;                     /* 2: the BSN key file, then the audit key file */
	char key_file[2][JR_BACKUP_NAME_MAX];
	char checkpoint_file[JR_BACKUP_NAME_MAX]; /* "" when the store has none (yet) */
};

/* Called after each step of the copy with the pages copied so far and the pages in all. */
typedef void (*jr_backup_progress_fn)(void *ctx, int64_t done, int64_t total);

/* Writes a backup of store `s` into directory `dir`, made (mode 0700) when it does not exist;
 * its files get mode 0600. The checkpoint file is copied before the snapshot is taken (so that
 * no checkpoint attests entries the copy lacks), the key files after it (so that the copy's
 * every key is there: a key file only grows). Outside a transaction.
 * Fails with diag set (path the option to blame: "--out", "--db") and nothing left in `dir`
 * but what was there: JR_ERR_REFUSED on PostgreSQL; JR_ERR_CONFLICT when `dir` already holds a
 * database or a file the backup would write; JR_ERR_INPUT when `dir` is a file or its parent
 * is missing, or two of the files share a base name; JR_ERR_IO when a file cannot be read or written; JR_ERR_STORE when the copy failed or
 * did not pass the integrity check. */
enum jr_err jr_store_backup(struct jr_store *s, const char *dir, jr_backup_progress_fn progress,
			    void *ctx, struct jr_backup_info *info, struct jr_diag *diag);

#endif
