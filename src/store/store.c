/* store: records over the database interface (see store.h). SQL is written once, with $N
 * placeholders, for both engines. */
#include "store/store.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "store/migrate.h"
#include "store/store_internal.h"

void jr_store_now(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void jr_store_stamp(const struct jr_store *s, char out[21])
{
	char day[JR_DATE_STRLEN];

	if (!s->record_day) {
		jr_store_now(out);
		return;
	}
	jr_date_format(s->record_day, day);
	snprintf(out, 21, "%sT12:00:00Z", day);
}

void jr_store_set_record_day(struct jr_store *s, jr_day day)
{
	s->record_day = day;
}

bool jr_store_url_is_postgres(const char *url)
{
	return jr_db_url_is_postgres(url);
}

enum jr_err jr_store_open(const char *url, const char *key_file, bool init,
			  struct jr_store **out, struct jr_diag *diag)
{
	const struct jr_store_files files = {.key_file = key_file};

	return jr_store_open_files(url, &files, init, out, diag);
}

enum jr_err jr_store_open_files(const char *url, const struct jr_store_files *files, bool init,
				struct jr_store **out, struct jr_diag *diag)
{
	struct jr_store *s = jr_calloc(1, sizeof(*s));
	const char *key_file = files->key_file;
	char msg[JR_DB_ERRMSG_MAX > JR_VAULT_MSG_MAX ? JR_DB_ERRMSG_MAX : JR_VAULT_MSG_MAX];
	enum jr_err err;

	*out = NULL;
	snprintf(diag->path, sizeof(diag->path), "--db");
	diag->message[0] = '\0';
	if (!s)
		return JR_ERR_NOMEM;
	jr_buf_init(&s->pending_text, (size_t)1 << 30);
	jr_buf_init(&s->kept_text, (size_t)1 << 24);
	err = jr_db_open(url, init, &s->db, msg);
	if (err) {
		snprintf(diag->message, sizeof(diag->message), "%s", msg);
		err = err == JR_ERR_NOT_FOUND ? JR_ERR_STORE : err;
		goto out;
	}
	if (init) {
		err = jr_migrate(s->db, &s->version_found, msg);
	} else {
		err = jr_schema_version_of(s->db, &s->version_found);
		snprintf(msg, sizeof(msg), "%s", jr_db_errmsg(s->db));
		if (!err && s->version_found != jr_schema_version()) {
			snprintf(msg, sizeof(msg),
				 s->version_found == 0
					 ? "de database is nog leeg; maak hem eerst met jeugdroute init"
				 : s->version_found < jr_schema_version()
					 ? "de database heeft een ouder schema; werk hem bij met "
					   "jeugdroute init"
					 : "de database is nieuwer dan deze jeugdroute; gebruik een "
					   "nieuwere versie van het programma");
			err = JR_ERR_STORE;
		}
	}
	if (err) {
		snprintf(diag->message, sizeof(diag->message), "%s", msg);
		goto out;
	}
	s->version_now = jr_schema_version();
	if (init && s->version_found < 6 && (err = jr_store_audit_chain_old(s))) {
		snprintf(diag->message, sizeof(diag->message),
			 "het auditlog kon niet tot een keten worden gemaakt: %s", jr_db_errmsg(s->db));
		goto out;
	}
	/* migration 19: the persons already on record get their search keys (folded in C) */
	if (init && s->version_found > 0 && s->version_found < 19 &&
	    (err = jr_store_person_name_backfill(s))) {
		snprintf(diag->message, sizeof(diag->message),
			 "de zoeksleutels van de namen konden niet worden gemaakt: %s",
			 jr_db_errmsg(s->db));
		goto out;
	}
	if ((size_t)snprintf(s->key_path, sizeof(s->key_path), "%s", key_file) >=
	    sizeof(s->key_path)) {
		snprintf(diag->path, sizeof(diag->path), "--key");
		snprintf(diag->message, sizeof(diag->message), "de naam van het sleutelbestand is te lang");
		err = JR_ERR_TOO_BIG;
		goto out;
	}
	err = jr_vault_load(key_file, init, &s->vault, msg);
	if (err) {
		snprintf(diag->path, sizeof(diag->path), "--key");
		snprintf(diag->message, sizeof(diag->message), "%s", msg);
		goto out;
	}
	err = jr_store_audit_open(s, key_file, files->audit_key_file, files->checkpoint_file, init,
				  diag->message, sizeof(diag->message));
	if (err) {
		snprintf(diag->path, sizeof(diag->path), "--audit-key");
		goto out;
	}
	*out = s;
	s = NULL;
out:
	jr_store_close(s);
	return err;
}

void jr_store_close(struct jr_store *s)
{
	if (!s)
		return;
	jr_store_audit_close(s);
	jr_db_close(s->db);
	jr_store_audit_release(s);
	jr_store_keep_release(s);
	jr_vault_wipe(&s->vault);
	jr_free(s);
}

bool jr_store_single_writer(const struct jr_store *s)
{
	return jr_db_engine(s->db) == JR_DB_SQLITE;
}

enum jr_err jr_store_defer_wal_checkpoints(struct jr_store *s)
{
	return jr_db_engine(s->db) == JR_DB_SQLITE ? jr_db_exec(s->db, "PRAGMA wal_autocheckpoint=0")
						   : JR_OK;
}

enum jr_err jr_store_wal_checkpoint(struct jr_store *s)
{
	return jr_db_engine(s->db) == JR_DB_SQLITE
		   ? jr_db_exec(s->db, "PRAGMA wal_checkpoint(PASSIVE)")
		   : JR_OK;
}

enum jr_err jr_store_after_bulk_load(struct jr_store *s)
{
	if (s->bulk)
		return JR_ERR_INTERNAL; /* VACUUM cannot run in a transaction */
	return jr_db_engine(s->db) == JR_DB_POSTGRES ? jr_db_exec(s->db, "VACUUM ANALYZE") : JR_OK;
}

enum jr_err jr_store_day_col(struct jr_db_stmt *st, int col, jr_day *out, bool *has)
{
	const char *t = jr_db_col_null(st, col) ? "" : jr_db_col_text(st, col);
	size_t len = strlen(t);

	*out = 0;
	if (has)
		*has = len > 0;
	return len && jr_date_parse(t, len > 10 ? 10 : len, out) ? JR_ERR_STORE : JR_OK;
}

enum jr_err jr_store_count(struct jr_store *s, const char *sql, const char *key, int64_t id,
			   int64_t *total)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	*total = 0;
	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(key ? jr_db_bind_text(st, 1, key) : jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &row));
	*total = row ? jr_db_col_int(st, 0) : 0;
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_ping(struct jr_store *s)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_db_prepare(s->db, "SELECT 1", &st));
	TRY(jr_db_step(st, &row));
	if (!row)
		err = JR_ERR_STORE;
out:
	jr_db_finalize(st);
	return err;
}

void jr_store_versions(const struct jr_store *s, int *found, int *now)
{
	*found = s->version_found;
	*now = s->version_now;
}

enum jr_err jr_store_history(struct jr_store *s, const struct jr_actor *a, const char *table,
			     int64_t id, int version, const char *before_json)
{
	struct jr_db_stmt *st = NULL;
	char now[21];
	enum jr_err err;
	bool row;

	jr_store_stamp(s, now);
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO record_history (record_table, record_id, version, changed_at,"
			  " changed_by, before_json) VALUES ($1, $2, $3, $4, $5, $6)",
			  &st));
	TRY(jr_db_bind_text(st, 1, table));
	TRY(jr_db_bind_int(st, 2, id));
	TRY(jr_db_bind_int(st, 3, version));
	TRY(jr_db_bind_text(st, 4, now));
	TRY(jr_db_bind_text(st, 5, a->who));
	TRY(jr_db_bind_text(st, 6, before_json));
	TRY(jr_db_step(st, &row));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_must_exist(struct jr_store *s, const char *sql, int64_t id)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool found = false;

	TRY(jr_db_prepare(s->db, sql, &st));
	TRY(jr_db_bind_int(st, 1, id));
	TRY(jr_db_step(st, &found));
	if (!found)
		err = JR_ERR_NOT_FOUND;
out:
	jr_db_finalize(st);
	return err;
}

/* Passwords prepared for a transaction (jr_store_password_prepare) serve that one only. */
static void forget_prepared(struct jr_store *s)
{
	if (!s->prepared_hash && !s->prepared_check)
		return;
	s->prepared_hash = s->prepared_check = s->prepared_check_ok = false;
	sodium_memzero(s->prepared_hash_of, sizeof(s->prepared_hash_of));
	sodium_memzero(s->prepared_check_of, sizeof(s->prepared_check_of));
	sodium_memzero(s->prepared_hash_value, sizeof(s->prepared_hash_value));
	sodium_memzero(s->prepared_check_against, sizeof(s->prepared_check_against));
}

/* Commits the transaction, with the end of the audit chain it extended; rolls back when that
 * fails. */
static enum jr_err commit(struct jr_store *s)
{
	/* The last audit entries, the end of the chain and the commit need no answer in between:
	 * on PostgreSQL they go to the server together, one round trip for all three. */
	enum jr_err err = s->defer_writes ? JR_OK : jr_db_defer_writes(s->db, true);

	if (!err)
		err = jr_store_audit_flush(s);
	if (!err)
		err = jr_db_commit(s->db);
	if (!s->defer_writes) {
		enum jr_err off = jr_db_defer_writes(s->db, false);
		err = err ? err : off;
	}
	if (err)
		jr_db_rollback(s->db);
	else
		s->audit_unsealed = s->audit_unsealed || s->chain_loaded;
	jr_store_audit_forget(s);
	forget_prepared(s);
	return err;
}

static void rollback(struct jr_store *s)
{
	jr_db_rollback(s->db);
	jr_store_audit_forget(s);
	forget_prepared(s);
}

enum jr_err jr_store_begin(struct jr_store *s)
{
	return s->bulk ? JR_OK : jr_db_begin(s->db);
}

enum jr_err jr_store_set_durable(struct jr_store *s, bool durable)
{
	if (s->durable_known && s->durable == durable)
		return JR_OK;
	s->durable = durable;
	s->durable_known = true;
	if (jr_db_engine(s->db) == JR_DB_SQLITE)
		return jr_db_exec(s->db, durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
	return jr_db_exec(s->db, durable ? "SET synchronous_commit TO on"
					 : "SET synchronous_commit TO off");
}

enum jr_err jr_store_bulk_begin(struct jr_store *s)
{
	enum jr_err err;

	if (s->bulk)
		return JR_ERR_INTERNAL;
	err = jr_db_begin(s->db);
	if (!err) {
		s->bulk = true;
		s->bulk_failed = false;
	}
	return err;
}

enum jr_err jr_store_bulk_end(struct jr_store *s, bool do_commit)
{
	bool failed = s->bulk_failed;
	enum jr_err err;

	if (!s->bulk)
		return JR_ERR_INTERNAL;
	if (do_commit && !failed && jr_db_flush(s->db))
		failed = true; /* a deferred write failed: undone, as when an operation fails */
	s->bulk = false;
	s->part = false;
	if (!do_commit || failed) {
		rollback(s);
		/* what was undone stays on record: its audit entries, written again */
		err = jr_store_keep_replay(s);
		return err ? err : failed ? JR_ERR_REFUSED : JR_OK;
	}
	jr_store_keep_reset(s);
	return commit(s);
}

enum jr_err jr_store_bulk_defer_writes(struct jr_store *s, bool on)
{
	s->defer_writes = on;
	return jr_db_defer_writes(s->db, on);
}

enum jr_err jr_store_part_begin(struct jr_store *s)
{
	enum jr_err err;

	if (!s->bulk || s->part)
		return JR_ERR_INTERNAL;
	/* the entries of the parts before go in outside this part: undoing it keeps them */
	if ((err = jr_store_audit_write_pending(s)) || (err = jr_db_exec(s->db, "SAVEPOINT jr_part")))
		return err;
	s->part = true;
	s->part_kept_count = s->kept_count;
	s->part_was_failed = s->bulk_failed;
	s->bulk_failed = false;
	/* the end of the audit chain as it was: undoing the part undoes its entries */
	s->part_chain_loaded = s->chain_loaded;
	s->part_chain_seq = s->chain_seq;
	memcpy(s->part_chain_hash, s->chain_hash, sizeof(s->chain_hash));
	return JR_OK;
}

enum jr_err jr_store_part_end(struct jr_store *s, bool keep)
{
	bool failed = s->bulk_failed;
	enum jr_err err;

	if (!s->bulk || !s->part)
		return JR_ERR_INTERNAL;
	s->part = false;
	if (keep && !failed) {
		/* with deferred writes, this is where a failed write of the part shows: the part is
		 * then undone as for any failure inside it */
		if (!jr_db_exec(s->db, "RELEASE SAVEPOINT jr_part")) {
			s->bulk_failed = s->part_was_failed;
			return JR_OK;
		}
		failed = true;
	}
	err = jr_db_exec(s->db, "ROLLBACK TO SAVEPOINT jr_part");
	if (!err)
		err = jr_db_exec(s->db, "RELEASE SAVEPOINT jr_part");
	s->chain_loaded = s->part_chain_loaded;
	s->chain_seq = s->part_chain_seq;
	memcpy(s->chain_hash, s->part_chain_hash, sizeof(s->chain_hash));
	jr_store_audit_drop_pending(s);
	jr_store_keep_truncate(s, s->part_kept_count);
	s->bulk_failed = s->part_was_failed || err != JR_OK;
	return err ? err : failed && keep ? JR_ERR_REFUSED : JR_OK;
}

bool jr_store_in_bulk(const struct jr_store *s)
{
	return s->bulk;
}

bool jr_store_in_part(const struct jr_store *s)
{
	return s->part;
}

enum jr_err jr_store_finish(struct jr_store *s, enum jr_err err)
{
	if (s->bulk) {
		if (err)
			s->bulk_failed = true;
		return err;
	}
	if (err) {
		rollback(s);
		return err;
	}
	return commit(s);
}

#define PERSON_COLUMNS                                                                             \
	"id, bsn_sealed, given_names, family_name, birth_date, municipality, demo, version, sex,"  \
	" COALESCE(street, ''), COALESCE(house_number, 0), COALESCE(house_letter, ''),"            \
	" COALESCE(house_addition, ''), COALESCE(postcode, ''), COALESCE(place, '')"

static enum jr_err read_person(struct jr_store *s, struct jr_db_stmt *st, struct jr_person *p)
{
	size_t len;
	const void *sealed = jr_db_col_blob(st, 1, &len);
	const char *birth = jr_db_col_text(st, 4);

	memset(p, 0, sizeof(*p));
	p->id = jr_db_col_int(st, 0);
	if (jr_vault_open(&s->vault, sealed, len, p->bsn))
		return JR_ERR_STORE; /* the key file does not belong to this database */
	snprintf(p->given_names, sizeof(p->given_names), "%s", jr_db_col_text(st, 2));
	snprintf(p->family_name, sizeof(p->family_name), "%s", jr_db_col_text(st, 3));
	if (jr_date_parse(birth, strlen(birth), &p->birth_date))
		return JR_ERR_STORE;
	snprintf(p->municipality, sizeof(p->municipality), "%s", jr_db_col_text(st, 5));
	p->demo = jr_db_col_int(st, 6) != 0;
	p->version = (int)jr_db_col_int(st, 7);
	p->sex = jr_db_col_text(st, 8)[0];
	snprintf(p->address.street, sizeof(p->address.street), "%s", jr_db_col_text(st, 9));
	p->address.house_number = (int)jr_db_col_int(st, 10);
	snprintf(p->address.house_letter, sizeof(p->address.house_letter), "%s",
		 jr_db_col_text(st, 11));
	snprintf(p->address.house_addition, sizeof(p->address.house_addition), "%s",
		 jr_db_col_text(st, 12));
	snprintf(p->address.postcode, sizeof(p->address.postcode), "%s", jr_db_col_text(st, 13));
	snprintf(p->address.place, sizeof(p->address.place), "%s", jr_db_col_text(st, 14));
	return JR_OK;
}

/* Binds sex and address as parameters first..first+6: an address not known is NULLs. */
static enum jr_err bind_sex_address(struct jr_db_stmt *st, int first, const struct jr_person *p)
{
	const struct jr_address *a = &p->address;
	const char sex[2] = {p->sex ? p->sex : '0', '\0'};
	const char *text[] = {a->street, a->house_letter, a->house_addition, a->postcode, a->place};
	const int at[] = {1, 3, 4, 5, 6};
	enum jr_err err;

	TRY(jr_db_bind_text(st, first, sex));
	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		TRY(a->street[0] && text[i][0] ? jr_db_bind_text(st, first + at[i], text[i])
					       : jr_db_bind_null(st, first + at[i]));
	TRY(a->street[0] ? jr_db_bind_int(st, first + 2, a->house_number)
			 : jr_db_bind_null(st, first + 2));
out:
	return err;
}

enum jr_err jr_store_person_add(struct jr_store *s, const struct jr_actor *a, struct jr_person *p)
{
	struct jr_db_stmt *st = NULL;
	unsigned char hash[JR_VAULT_HASH_BYTES], sealed[JR_VAULT_SEALED_BYTES];
	char birth[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row = false;

	jr_vault_hash(&s->vault, p->bsn, hash);
	jr_vault_seal(&s->vault, p->bsn, sealed);
	jr_date_format(p->birth_date, birth);
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO persons (bsn_hash, bsn_sealed, given_names, family_name,"
			  " birth_date, municipality, demo, version, created_at, updated_at, sex,"
			  " street, house_number, house_letter, house_addition, postcode, place)"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9, $10, $11, $12, $13,"
			  " $14, $15) RETURNING id",
			  &st));
	TRY(jr_db_bind_blob(st, 1, hash, sizeof(hash)));
	TRY(jr_db_bind_blob(st, 2, sealed, sizeof(sealed)));
	TRY(jr_db_bind_text(st, 3, p->given_names));
	TRY(jr_db_bind_text(st, 4, p->family_name));
	TRY(jr_db_bind_text(st, 5, birth));
	TRY(jr_db_bind_text(st, 6, p->municipality));
	TRY(jr_db_bind_int(st, 7, p->demo));
	TRY(jr_db_bind_text(st, 8, now));
	TRY(bind_sex_address(st, 9, p));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_STORE;
		goto out;
	}
	p->id = jr_db_col_int(st, 0);
	p->version = 1;
	jr_db_finalize(st);
	st = NULL;
	TRY(jr_store_person_name_index(s, p->id, p->given_names, p->family_name));
	TRY(jr_store_audit(s, a, "person.add", p->id));
out:
	jr_db_finalize(st);
	sodium_memzero(hash, sizeof(hash));
	return jr_store_finish(s, err);
}

/* Looks a person up by id or (id == 0) by BSN hash, inside the caller's transaction. */
static enum jr_err fetch_person(struct jr_store *s, int64_t id, const unsigned char *hash,
				struct jr_person *out)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row = false;

	TRY(jr_db_prepare(s->db,
			  id ? "SELECT " PERSON_COLUMNS " FROM persons WHERE id = $1"
			     : "SELECT " PERSON_COLUMNS " FROM persons WHERE bsn_hash = $1",
			  &st));
	TRY(id ? jr_db_bind_int(st, 1, id) : jr_db_bind_blob(st, 1, hash, JR_VAULT_HASH_BYTES));
	TRY(jr_db_step(st, &row));
	if (!row) {
		err = JR_ERR_NOT_FOUND;
		goto out;
	}
	err = read_person(s, st, out);
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_person_get(struct jr_store *s, const struct jr_actor *a, int64_t id,
				struct jr_person *out)
{
	enum jr_err err;

	TRY(jr_store_begin(s));
	TRY(fetch_person(s, id, NULL, out));
	TRY(jr_store_audit(s, a, "person.read", out->id));
out:
	return jr_store_finish(s, err);
}

enum jr_err jr_store_person_find_bsn(struct jr_store *s, const struct jr_actor *a, const char *bsn,
				     struct jr_person *out)
{
	unsigned char hash[JR_VAULT_HASH_BYTES];
	enum jr_err err, found = JR_OK;

	if (strlen(bsn) != 9)
		return JR_ERR_NOT_FOUND;
	jr_vault_hash(&s->vault, bsn, hash);
	TRY(jr_store_begin(s));
	found = fetch_person(s, 0, hash, out);
	if (found != JR_OK && found != JR_ERR_NOT_FOUND) {
		err = found;
		goto out;
	}
	/* A search is an access too, found or not (NEN 7513). */
	TRY(jr_store_audit(s, a, found ? "person.search.none" : "person.search", found ? 0 : out->id));
out:
	sodium_memzero(hash, sizeof(hash));
	err = jr_store_finish(s, err);
	return err ? err : found;
}

/* The record as it was, for record_history; the BSN is left out on purpose. */
static enum jr_err person_json(const struct jr_person *p, struct jr_buf *b)
{
	char birth[JR_DATE_STRLEN];
	enum jr_err err;

	jr_date_format(p->birth_date, birth);
	TRY(jr_buf_puts(b, "{\"given_names\":"));
	TRY(jr_buf_json_string(b, p->given_names));
	TRY(jr_buf_puts(b, ",\"family_name\":"));
	TRY(jr_buf_json_string(b, p->family_name));
	TRY(jr_buf_printf(b, ",\"birth_date\":\"%s\",\"municipality\":\"%s\",\"sex\":\"%c\",", birth,
			  p->municipality, p->sex ? p->sex : '0'));
	TRY(jr_buf_puts(b, "\"address\":"));
	TRY(jr_store_address_json(&p->address, b));
	TRY(jr_buf_printf(b, ",\"version\":%d}", p->version));
out:
	return err;
}

enum jr_err jr_store_address_json(const struct jr_address *a, struct jr_buf *b)
{
	enum jr_err err;

	if (!a->street[0])
		return jr_buf_puts(b, "null");
	TRY(jr_buf_puts(b, "{\"street\":"));
	TRY(jr_buf_json_string(b, a->street));
	TRY(jr_buf_printf(b, ",\"house_number\":%d,\"house_letter\":", a->house_number));
	TRY(jr_buf_json_string(b, a->house_letter));
	TRY(jr_buf_puts(b, ",\"house_addition\":"));
	TRY(jr_buf_json_string(b, a->house_addition));
	TRY(jr_buf_printf(b, ",\"postcode\":\"%s\",\"place\":", a->postcode));
	TRY(jr_buf_json_string(b, a->place));
	TRY(jr_buf_putc(b, '}'));
out:
	return err;
}

enum jr_err jr_store_person_update(struct jr_store *s, const struct jr_actor *a,
				   struct jr_person *p)
{
	struct jr_db_stmt *st = NULL;
	struct jr_person before;
	struct jr_buf old;
	char birth[JR_DATE_STRLEN], now[21];
	enum jr_err err;
	bool row;

	jr_buf_init(&old, 4096);
	TRY(jr_store_begin(s));
	TRY(fetch_person(s, p->id, NULL, &before));
	if (before.version != p->version) {
		err = JR_ERR_CONFLICT; /* someone changed it since this writer read it */
		goto out;
	}
	if (strcmp(before.bsn, p->bsn) != 0) {
		err = JR_ERR_REFUSED; /* a BSN identifies the person; it is not edited */
		goto out;
	}
	TRY(person_json(&before, &old));
	jr_date_format(p->birth_date, birth);
	jr_store_stamp(s, now);
	TRY(jr_store_history(s, a, "persons", p->id, before.version, jr_buf_str(&old)));
	TRY(jr_db_prepare(s->db,
			  "UPDATE persons SET given_names = $1, family_name = $2, birth_date = $3,"
			  " municipality = $4, version = version + 1, updated_at = $5, sex = $8,"
			  " street = $9, house_number = $10, house_letter = $11, house_addition = $12,"
			  " postcode = $13, place = $14 WHERE id = $6 AND version = $7",
			  &st));
	TRY(jr_db_bind_text(st, 1, p->given_names));
	TRY(jr_db_bind_text(st, 2, p->family_name));
	TRY(jr_db_bind_text(st, 3, birth));
	TRY(jr_db_bind_text(st, 4, p->municipality));
	TRY(jr_db_bind_text(st, 5, now));
	TRY(jr_db_bind_int(st, 6, p->id));
	TRY(jr_db_bind_int(st, 7, p->version));
	TRY(bind_sex_address(st, 8, p));
	TRY(jr_db_step(st, &row));
	if (strcmp(before.given_names, p->given_names) || strcmp(before.family_name, p->family_name))
		TRY(jr_store_person_name_index(s, p->id, p->given_names, p->family_name));
	TRY(jr_store_audit(s, a, "person.update", p->id));
	p->version++;
out:
	jr_db_finalize(st);
	jr_buf_release(&old);
	return jr_store_finish(s, err);
}

enum jr_err jr_store_user_add(struct jr_store *s, const struct jr_actor *a, const char *username,
			      const char *role, const char *password)
{
	struct jr_db_stmt *st = NULL;
	char hash[crypto_pwhash_STRBYTES], now[21];
	enum jr_err err;
	bool row;

	if (crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return JR_ERR_NOMEM;
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO users (username, role, password_hash, created_at)"
			  " VALUES ($1, $2, $3, $4)",
			  &st));
	TRY(jr_db_bind_text(st, 1, username));
	TRY(jr_db_bind_text(st, 2, role));
	TRY(jr_db_bind_text(st, 3, hash));
	TRY(jr_db_bind_text(st, 4, now));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "user.add", 0));
out:
	jr_db_finalize(st);
	sodium_memzero(hash, sizeof(hash));
	return jr_store_finish(s, err);
}

enum jr_err jr_store_user_exists(struct jr_store *s, const char *username, bool *exists)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;

	*exists = false;
	TRY(jr_db_prepare(s->db, "SELECT 1 FROM users WHERE username = $1", &st));
	TRY(jr_db_bind_text(st, 1, username));
	TRY(jr_db_step(st, exists));
out:
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_store_policy_record(struct jr_store *s, const struct jr_actor *a, const char *region,
				   const char *content, bool *added)
{
	struct jr_db_stmt *st = NULL;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1], now[21];
	enum jr_err err;
	bool row;

	*added = false;
	crypto_hash_sha256(digest, (const unsigned char *)content, strlen(content));
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	jr_store_stamp(s, now);
	TRY(jr_store_begin(s));
	TRY(jr_db_prepare(s->db, "SELECT 1 FROM policies WHERE region = $1 AND sha256 = $2", &st));
	TRY(jr_db_bind_text(st, 1, region));
	TRY(jr_db_bind_text(st, 2, hex));
	TRY(jr_db_step(st, &row));
	jr_db_finalize(st);
	st = NULL;
	if (row)
		goto out;
	TRY(jr_db_prepare(s->db,
			  "INSERT INTO policies (region, sha256, loaded_at, content)"
			  " VALUES ($1, $2, $3, $4)",
			  &st));
	TRY(jr_db_bind_text(st, 1, region));
	TRY(jr_db_bind_text(st, 2, hex));
	TRY(jr_db_bind_text(st, 3, now));
	TRY(jr_db_bind_text(st, 4, content));
	TRY(jr_db_step(st, &row));
	TRY(jr_store_audit(s, a, "policy.load", 0));
	*added = true;
out:
	jr_db_finalize(st);
	return jr_store_finish(s, err);
}
