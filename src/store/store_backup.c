/* store_backup: a backup of the records and their key files into a directory (see backup.h). */
#include "store/backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "store/audit.h"
#include "store/db.h"
#include "store/store_internal.h"

/* The temporary names in the backup directory: hidden, and never taken for a database there. */
#define TMP_PREFIX ".jr-backup-"
#define PATH_CAP (1024 + JR_BACKUP_NAME_MAX + 16)
#define CHUNK 16384

/* The files of a backup, in the order they are copied; the database is placed last. */
enum { F_CHECKPOINTS, F_DB, F_KEY, F_AUDIT_KEY, F_COUNT };

struct file {
	const char *src;    /* where it is copied from; NULL when there is nothing (no checkpoints) */
	const char *option; /* the option that names it, for messages */
	char name[JR_BACKUP_NAME_MAX]; /* its base name in the backup directory */
	char tmp[PATH_CAP];            /* the temporary file, "" before it is made */
	char dest[PATH_CAP];           /* dir/name */
	bool linked;                   /* dest is ours: linked by this backup */
};

struct backup {
	const char *dir;
	int dir_fd;
	struct file f[F_COUNT];
	struct jr_audit_key_info keys; /* the audit files' paths */
	struct jr_diag *diag;
};

/* The last component of `path` into out; JR_ERR_INPUT when there is none. */
static enum jr_err base_name(const char *path, char out[JR_BACKUP_NAME_MAX])
{
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;

	if (!name[0] || strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
	    (size_t)snprintf(out, JR_BACKUP_NAME_MAX, "%s", name) >= JR_BACKUP_NAME_MAX)
		return JR_ERR_INPUT;
	return JR_OK;
}

/* fsync of the directory at `path`; JR_ERR_IO when it fails. */
static enum jr_err sync_dir_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	enum jr_err err = JR_OK;

	if (fd < 0)
		return JR_ERR_IO;
	if (fsync(fd) != 0)
		err = JR_ERR_IO;
	close(fd);
	return err;
}

/* The directory `dir` opened, made (0700) when missing, its making synced into its parent. */
static enum jr_err open_dir(struct backup *b)
{
	char parent[PATH_CAP];
	size_t len;
	char *slash;

	if (mkdir(b->dir, 0700) == 0) {
		len = (size_t)snprintf(parent, sizeof(parent), "%s", b->dir);
		while (len > 1 && parent[len - 1] == '/')
			parent[--len] = '\0';
		slash = strrchr(parent, '/');
		if (!slash)
			snprintf(parent, sizeof(parent), ".");
		else
			slash[slash == parent ? 1 : 0] = '\0';
		if (sync_dir_path(parent)) {
			jr_diag_set(b->diag, "--out", "%s: de nieuwe map is niet vast te leggen: %s",
				    b->dir, strerror(errno));
			return JR_ERR_IO;
		}
	} else if (errno == ENOENT || errno == ENOTDIR) {
		jr_diag_set(b->diag, "--out", "%s: de map erboven bestaat niet", b->dir);
		return JR_ERR_INPUT;
	} else if (errno != EEXIST) {
		jr_diag_set(b->diag, "--out", "%s: de map is niet te maken: %s", b->dir,
			    strerror(errno));
		return JR_ERR_IO;
	}
	b->dir_fd = open(b->dir, O_RDONLY | O_DIRECTORY);
	if (b->dir_fd < 0 && errno == ENOTDIR) {
		jr_diag_set(b->diag, "--out", "%s is een bestand, geen map", b->dir);
		return JR_ERR_INPUT;
	}
	if (b->dir_fd < 0) {
		jr_diag_set(b->diag, "--out", "%s: de map is niet te openen: %s", b->dir,
			    strerror(errno));
		return JR_ERR_IO;
	}
	return JR_OK;
}

/* Whether the file `name` in the directory starts as a SQLite database does. */
static bool is_database(int dir_fd, const char *name)
{
	static const char magic[16] = "SQLite format 3";
	char head[sizeof(magic)];
	struct stat st;
	bool yes = false;
	int fd = openat(dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);

	if (fd < 0)
		return false;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    read(fd, head, sizeof(head)) == (ssize_t)sizeof(head))
		yes = memcmp(head, magic, sizeof(magic)) == 0;
	close(fd);
	return yes;
}

/* JR_ERR_CONFLICT when the directory holds a database (an earlier backup, or the records
 * themselves) or any file this backup would write, or the journal of one: a backup is never
 * written over, and a stale write-ahead log beside the copy would be read into it. */
static enum jr_err check_dir(struct backup *b)
{
	static const char *const db_side[] = {"", "-wal", "-shm", "-journal"};
	static const int order[F_COUNT] = {F_DB, F_KEY, F_AUDIT_KEY, F_CHECKPOINTS};
	char name[JR_BACKUP_NAME_MAX + 16];
	const struct dirent *e;
	struct stat st;
	enum jr_err err = JR_OK;
	DIR *d;
	int fd;

	for (int j = 0; j < F_COUNT; j++)
		for (size_t k = 0, n = order[j] == F_DB ? 4 : 1; k < n; k++) {
			snprintf(name, sizeof(name), "%s%s", b->f[order[j]].name, db_side[k]);
			if (fstatat(b->dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 ||
			    errno != ENOENT) {
				jr_diag_set(b->diag, "--out",
					    "%s bevat al %s; een back-up wordt nooit overschreven: "
					    "kies een nieuwe map",
					    b->dir, name);
				return JR_ERR_CONFLICT;
			}
		}
	if ((fd = dup(b->dir_fd)) < 0 || !(d = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		jr_diag_set(b->diag, "--out", "%s: de map is niet te lezen", b->dir);
		return JR_ERR_IO;
	}
	rewinddir(d);
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0 ||
		    !is_database(b->dir_fd, e->d_name))
			continue;
		jr_diag_set(b->diag, "--out",
			    "%s bevat al een database (%.80s); een back-up wordt nooit overschreven: "
			    "kies een nieuwe map",
			    b->dir, e->d_name);
		err = JR_ERR_CONFLICT;
		break;
	}
	closedir(d);
	return err;
}

/* A new temporary file in the directory (mode 0600), its name in f->tmp; the open file in *fd. */
static enum jr_err make_tmp(struct backup *b, struct file *f, int *fd)
{
	if ((size_t)snprintf(f->tmp, sizeof(f->tmp), "%s/%sXXXXXX", b->dir, TMP_PREFIX) >=
	    sizeof(f->tmp)) {
		f->tmp[0] = '\0';
		jr_diag_set(b->diag, "--out", "de naam van de map is te lang");
		return JR_ERR_TOO_BIG;
	}
	*fd = mkstemp(f->tmp);
	if (*fd < 0 || fchmod(*fd, 0600) != 0) {
		jr_diag_set(b->diag, "--out", "%s: geen bestand te maken in de map: %s", b->dir,
			    strerror(errno));
		if (*fd >= 0)
			close(*fd);
		else
			f->tmp[0] = '\0';
		*fd = -1;
		return JR_ERR_IO;
	}
	return JR_OK;
}

/* Writes all of buf[0..len) to fd; false when that fails. */
static bool write_all(int fd, const unsigned char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

/* Copies f->src into a new temporary file, synced. With `optional`, a missing source is nothing
 * to copy (f->src becomes NULL). The source is read under a shared lock, so that a checkpoint
 * line appended meanwhile (under an exclusive one, audit_key.c) is copied whole or not at all. */
static enum jr_err copy_file(struct backup *b, struct file *f, bool optional)
{
	unsigned char buf[CHUNK];
	enum jr_err err = JR_OK;
	int in = open(f->src, O_RDONLY), out = -1;
	ssize_t n;

	if (in < 0 && errno == ENOENT && optional) {
		f->src = NULL;
		return JR_OK;
	}
	if (in < 0) {
		jr_diag_set(b->diag, f->option, "%s: niet te lezen: %s", f->src, strerror(errno));
		return JR_ERR_IO;
	}
	if (flock(in, LOCK_SH) != 0) {
		jr_diag_set(b->diag, f->option, "%s: niet te vergrendelen: %s", f->src,
			    strerror(errno));
		err = JR_ERR_IO;
		goto out;
	}
	TRY(make_tmp(b, f, &out));
	for (;;) {
		n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			jr_diag_set(b->diag, f->option, "%s: lezen mislukt: %s", f->src,
				    strerror(errno));
			err = JR_ERR_IO;
			goto out;
		}
		if (n == 0)
			break;
		if (!write_all(out, buf, (size_t)n)) {
			jr_diag_set(b->diag, "--out", "%s: schrijven mislukt: %s", b->dir,
				    strerror(errno));
			err = JR_ERR_IO;
			goto out;
		}
	}
	if (fsync(out) != 0) {
		jr_diag_set(b->diag, "--out", "%s: vastleggen mislukt: %s", b->dir, strerror(errno));
		err = JR_ERR_IO;
	}
out:
	sodium_memzero(buf, sizeof(buf)); /* key material */
	if (out >= 0 && close(out) != 0 && !err) {
		jr_diag_set(b->diag, "--out", "%s: schrijven mislukt: %s", b->dir, strerror(errno));
		err = JR_ERR_IO;
	}
	close(in); /* releases the lock */
	return err;
}

/* PRAGMA quick_check on the copy at `path`: JR_ERR_STORE unless it answers "ok". */
static enum jr_err quick_check(struct backup *b, const char *path)
{
	char msg[JR_DB_ERRMSG_MAX];
	struct jr_db *db = NULL;
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	if ((err = jr_db_open(path, false, &db, msg))) {
		jr_diag_set(b->diag, "--out", "de kopie is niet te openen: %s", msg);
		return JR_ERR_STORE;
	}
	err = jr_db_prepare(db, "PRAGMA quick_check", &st);
	if (!err)
		err = jr_db_step(st, &row);
	if (err || !row || strcmp(jr_db_col_text(st, 0), "ok") != 0) {
		jr_diag_set(b->diag, "--db", "de kopie doorstaat de controle (quick_check) niet: %.120s",
			    err || !row ? jr_db_errmsg(db) : jr_db_col_text(st, 0));
		err = JR_ERR_STORE;
	}
	jr_db_finalize(st);
	jr_db_close(db);
	return err;
}

/* Removes `path` with `suffix`, when it is there. */
static void remove_side(const char *path, const char *suffix)
{
	char side[PATH_CAP + 16];

	if ((size_t)snprintf(side, sizeof(side), "%s%s", path, suffix) < sizeof(side))
		unlink(side);
}

/* Copies the database into a new temporary file: the snapshot, the check, the sync. */
static enum jr_err copy_database(struct backup *b, struct jr_store *s,
				 jr_backup_progress_fn progress, void *ctx,
				 struct jr_backup_info *info)
{
	char msg[JR_DB_ERRMSG_MAX];
	struct file *f = &b->f[F_DB];
	struct stat st;
	enum jr_err err;
	int fd = -1;

	TRY(make_tmp(b, f, &fd));
	close(fd); /* SQLite writes it; an empty file is an empty database */
	fd = -1;
	if ((err = jr_db_backup(s->db, f->tmp, JR_BACKUP_PAGES_PER_STEP, progress, ctx,
				&info->pages, msg))) {
		jr_diag_set(b->diag, err == JR_ERR_IO ? "--out" : "--db", "%s", msg);
		goto out;
	}
	TRY(quick_check(b, f->tmp));
	/* a clean close removes them; a check that failed may leave them behind */
	remove_side(f->tmp, "-wal");
	remove_side(f->tmp, "-shm");
	fd = open(f->tmp, O_RDONLY);
	if (fd < 0 || fsync(fd) != 0 || fstat(fd, &st) != 0) {
		jr_diag_set(b->diag, "--out", "%s: vastleggen mislukt: %s", b->dir, strerror(errno));
		err = JR_ERR_IO;
		goto out;
	}
	info->bytes = (int64_t)st.st_size;
out:
	if (fd >= 0)
		close(fd);
	return err;
}

/* Links the temporary file of f into place (never over a file already there), and syncs the
 * directory. */
static enum jr_err place(struct backup *b, struct file *f)
{
	if (link(f->tmp, f->dest) != 0) {
		if (errno == EEXIST) {
			jr_diag_set(b->diag, "--out",
				    "%s bevat al %s; een back-up wordt nooit overschreven: kies een "
				    "nieuwe map",
				    b->dir, f->name);
			return JR_ERR_CONFLICT;
		}
		jr_diag_set(b->diag, "--out", "%s: %s plaatsen mislukt: %s", b->dir, f->name,
			    strerror(errno));
		return JR_ERR_IO;
	}
	f->linked = true;
	if (fsync(b->dir_fd) != 0) {
		jr_diag_set(b->diag, "--out", "%s: de map vastleggen mislukt: %s", b->dir,
			    strerror(errno));
		return JR_ERR_IO;
	}
	return JR_OK;
}

/* Fills in what is copied from where and under which names. */
static enum jr_err plan(struct backup *b, struct jr_store *s)
{
	static const char *const options[F_COUNT] = {
	    [F_CHECKPOINTS] = "--audit-checkpoints", [F_DB] = "--db", [F_KEY] = "--key",
	    [F_AUDIT_KEY] = "--audit-key"};
	size_t dir_len, name_len;
	enum jr_err err;

	if (jr_db_engine(s->db) != JR_DB_SQLITE || !jr_db_filename(s->db)[0]) {
		jr_diag_set(b->diag, "--db", "gebruik pg_basebackup voor PostgreSQL; zie docs/deploy.md");
		return JR_ERR_REFUSED;
	}
	if ((err = jr_store_audit_key_info(s, 0, &b->keys))) {
		jr_diag_set(b->diag, "--audit-key", "de auditsleutels zijn niet te vinden");
		return err;
	}
	b->f[F_CHECKPOINTS].src = b->keys.checkpoint_file;
	b->f[F_DB].src = jr_db_filename(s->db);
	b->f[F_KEY].src = s->key_path;
	b->f[F_AUDIT_KEY].src = b->keys.key_file;
	for (int i = 0; i < F_COUNT; i++) {
		struct file *f = &b->f[i];
		f->option = options[i];
		if (base_name(f->src, f->name) ||
		    strncmp(f->name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0) {
			jr_diag_set(b->diag, f->option, "%.200s: geen bruikbare bestandsnaam", f->src);
			return JR_ERR_INPUT;
		}
		for (int k = 0; k < i; k++)
			if (strcmp(b->f[k].name, f->name) == 0) {
				jr_diag_set(b->diag, f->option,
					    "%s en %s heten allebei %s; de back-up bewaart ze onder "
					    "hun eigen naam",
					    b->f[k].option, f->option, f->name);
				return JR_ERR_INPUT;
			}
		dir_len = strlen(b->dir);
		name_len = strlen(f->name);
		if (dir_len + 1 + name_len >= sizeof(f->dest)) {
			jr_diag_set(b->diag, "--out", "de naam van de map is te lang");
			return JR_ERR_TOO_BIG;
		}
		memcpy(f->dest, b->dir, dir_len);
		f->dest[dir_len] = '/';
		memcpy(f->dest + dir_len + 1, f->name, name_len + 1);
	}
	return JR_OK;
}

enum jr_err jr_store_backup(struct jr_store *s, const char *dir, jr_backup_progress_fn progress,
			    void *ctx, struct jr_backup_info *info, struct jr_diag *diag)
{
	struct backup b = {.dir = dir, .dir_fd = -1, .diag = diag};
	enum jr_err err;

	memset(info, 0, sizeof(*info));
	if (strlen(dir) >= 1024) {
		jr_diag_set(diag, "--out", "de naam van de map is te lang");
		return JR_ERR_TOO_BIG;
	}
	TRY(plan(&b, s));
	TRY(open_dir(&b));
	TRY(check_dir(&b));
	/* checkpoints before the snapshot, keys after it (backup.h) */
	TRY(copy_file(&b, &b.f[F_CHECKPOINTS], true));
	TRY(copy_database(&b, s, progress, ctx, info));
	TRY(copy_file(&b, &b.f[F_KEY], false));
	TRY(copy_file(&b, &b.f[F_AUDIT_KEY], false));
	/* the database last: where it stands, the rest stands too */
	TRY(place(&b, &b.f[F_KEY]));
	TRY(place(&b, &b.f[F_AUDIT_KEY]));
	if (b.f[F_CHECKPOINTS].src)
		TRY(place(&b, &b.f[F_CHECKPOINTS]));
	TRY(place(&b, &b.f[F_DB]));
	snprintf(info->database, sizeof(info->database), "%s", b.f[F_DB].name);
	info->key_files = 2;
	snprintf(info->key_file[0], sizeof(info->key_file[0]), "%s", b.f[F_KEY].name);
	snprintf(info->key_file[1], sizeof(info->key_file[1]), "%s", b.f[F_AUDIT_KEY].name);
	if (b.f[F_CHECKPOINTS].src)
		snprintf(info->checkpoint_file, sizeof(info->checkpoint_file), "%s",
			 b.f[F_CHECKPOINTS].name);
out:
	for (int i = 0; i < F_COUNT; i++) {
		struct file *f = &b.f[i];
		if (err && f->linked)
			unlink(f->dest);
		if (!f->tmp[0])
			continue;
		unlink(f->tmp);
		if (i == F_DB) {
			remove_side(f->tmp, "-journal");
			remove_side(f->tmp, "-wal");
			remove_side(f->tmp, "-shm");
		}
	}
	if (b.dir_fd >= 0) {
		if (fsync(b.dir_fd) != 0 && !err) {
			jr_diag_set(diag, "--out", "%s: de map vastleggen mislukt: %s", dir,
				    strerror(errno));
			err = JR_ERR_IO;
		}
		close(b.dir_fd);
	}
	if (err)
		memset(info, 0, sizeof(*info));
	return err;
}
