/* Unit tests for the record store (store/store, db, migrate, vault): persons are stored with the
 * BSN unreadable, found by BSN, updated only from the version read, with history and an audit
 * entry for every access; the schema and key file are guarded. The same tests run on SQLite (a
 * temporary file) and, with JR_TEST_DB_URL=postgres://… (tools/pg-test.sh), on PostgreSQL. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/audit_key.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/store.h"
#include "store/search.h"
#include "store_fixture.h"

static int setup(void **state)
{
	(void)state;
	return fx_setup("store");
}

static int teardown(void **state)
{
	(void)state;
	return fx_teardown();
}

static struct jr_person sanne(const char *bsn)
{
	struct jr_person p = {0};
	snprintf(p.bsn, sizeof(p.bsn), "%s", bsn);
	snprintf(p.given_names, sizeof(p.given_names), "Sanne");
	snprintf(p.family_name, sizeof(p.family_name), "de Vries");
	snprintf(p.municipality, sizeof(p.municipality), "0153");
	p.birth_date = jr_date_from_ymd(2015, 4, 2);
	return p;
}

/* Whether `needle` occurs in the database files (main file and WAL). */
static bool in_files(const char *needle)
{
	if (!fx_sqlite)
		return false; /* PostgreSQL's files are the server's; the sealing is the same code */
	static const char *const suffix[] = {"", "-wal"};
	for (size_t k = 0; k < 2; k++) {
		char path[160], buf[1 << 16];
		size_t n, nl = strlen(needle), carry = 0;
		FILE *f;
		snprintf(path, sizeof(path), "%s%s", fx_db_path, suffix[k]);
		f = fopen(path, "rb");
		if (!f)
			continue;
		while ((n = fread(buf + carry, 1, sizeof(buf) - carry, f)) > 0) {
			n += carry;
			for (size_t i = 0; i + nl <= n; i++)
				if (memcmp(buf + i, needle, nl) == 0) {
					fclose(f);
					return true;
				}
			carry = nl - 1 < n ? nl - 1 : n;
			memmove(buf, buf + n - carry, carry);
		}
		fclose(f);
	}
	return false;
}

static void test_init_creates_schema_and_key(void **state)
{
	(void)state;
	struct stat st;
	struct jr_store *s = fx_open(true);
	int found, now;
	jr_store_versions(s, &found, &now);
	assert_int_equal(found, 0);
	assert_int_equal(now, jr_schema_version());
	jr_store_close(s);
	assert_int_equal(stat(fx_key_path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 64);
	/* a second init finds the schema current and keeps the key */
	s = fx_open(true);
	jr_store_versions(s, &found, &now);
	assert_int_equal(found, now);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT MAX(version) FROM schema_migrations"),
			 jr_schema_version());
	if (fx_sqlite) {
		assert_int_equal(fx_count("PRAGMA user_version"), jr_schema_version());
		assert_int_equal(fx_count("SELECT COUNT(*) FROM pragma_journal_mode"
					  " WHERE journal_mode = 'wal'"),
				 1);
	}
}

static void test_person_round_trip_and_bsn_unreadable(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_person p = sanne("123456782"), got;
	assert_int_equal(jr_store_person_add(s, &fx_actor, &p), JR_OK);
	assert_true(p.id > 0);
	assert_int_equal(p.version, 1);
	assert_int_equal(jr_store_person_get(s, &fx_actor, p.id, &got), JR_OK);
	assert_string_equal(got.bsn, "123456782");
	assert_string_equal(got.family_name, "de Vries");
	assert_int_equal(got.birth_date, p.birth_date);
	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "123456782", &got), JR_OK);
	assert_int_equal(got.id, p.id);
	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "111111110", &got),
			 JR_ERR_NOT_FOUND);
	assert_int_equal(jr_store_person_get(s, &fx_actor, 9999, &got), JR_ERR_NOT_FOUND);
	jr_store_close(s);
	assert_false(in_files("123456782"));
	if (fx_sqlite)
		assert_true(in_files("de Vries")); /* the check itself can find text */
}

/* Sex and address are kept and read back; an update can replace and clear the address. */
static void test_sex_and_address_round_trip(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_person p = sanne("100000046"), got;
	p.sex = '2';
	snprintf(p.address.street, sizeof(p.address.street), "Hengelosestraat");
	p.address.house_number = 12;
	snprintf(p.address.house_letter, sizeof(p.address.house_letter), "a");
	snprintf(p.address.postcode, sizeof(p.address.postcode), "7514AE");
	snprintf(p.address.place, sizeof(p.address.place), "Enschede");
	assert_int_equal(jr_store_person_add(s, &fx_actor, &p), JR_OK);
	assert_int_equal(jr_store_person_get(s, &fx_actor, p.id, &got), JR_OK);
	assert_int_equal(got.sex, '2');
	assert_string_equal(got.address.street, "Hengelosestraat");
	assert_int_equal(got.address.house_number, 12);
	assert_string_equal(got.address.house_letter, "a");
	assert_string_equal(got.address.house_addition, "");
	assert_string_equal(got.address.postcode, "7514AE");
	assert_string_equal(got.address.place, "Enschede");
	memset(&got.address, 0, sizeof(got.address));
	got.sex = '0';
	assert_int_equal(jr_store_person_update(s, &fx_actor, &got), JR_OK);
	assert_int_equal(jr_store_person_get(s, &fx_actor, p.id, &got), JR_OK);
	assert_int_equal(got.sex, '0');
	assert_string_equal(got.address.street, "");
	assert_int_equal(got.address.house_number, 0);
	jr_store_close(s);
	/* the history keeps the address as it was */
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM record_history WHERE record_table ="
				     " 'persons' AND record_id = %lld AND before_json LIKE"
				     " '%%\"postcode\":\"7514AE\"%%'",
				     p.id),
			 1);
	assert_int_equal(fx_count_id("SELECT COUNT(*) FROM persons WHERE id = %lld AND street IS NULL"
				     " AND house_number IS NULL AND postcode IS NULL",
				     p.id),
			 1);
}

static void test_duplicate_bsn_is_a_conflict(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_person p = sanne("123456782");
	int64_t before = fx_count("SELECT COUNT(*) FROM audit_log");
	assert_int_equal(jr_store_person_add(s, &fx_actor, &p), JR_ERR_CONFLICT);
	jr_store_close(s);
	/* nothing half-written: no person, no audit entry */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons"), 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), before);
}

static void test_update_needs_the_version_read(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_person p, stale;
	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "123456782", &p), JR_OK);
	stale = p;
	snprintf(p.family_name, sizeof(p.family_name), "Jansen");
	assert_int_equal(jr_store_person_update(s, &fx_actor, &p), JR_OK);
	assert_int_equal(p.version, 2);
	snprintf(stale.family_name, sizeof(stale.family_name), "Bakker");
	assert_int_equal(jr_store_person_update(s, &fx_actor, &stale), JR_ERR_CONFLICT);
	assert_int_equal(jr_store_person_get(s, &fx_actor, p.id, &stale), JR_OK);
	assert_string_equal(stale.family_name, "Jansen");
	/* the BSN identifies the person and is never edited */
	snprintf(stale.bsn, sizeof(stale.bsn), "111111110");
	assert_int_equal(jr_store_person_update(s, &fx_actor, &stale), JR_ERR_REFUSED);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM record_history"
				  " WHERE record_table = 'persons'"
				  " AND version = 1 AND before_json LIKE '%de Vries%'"),
			 1);
	assert_false(in_files("123456782"));
}

static void test_every_access_is_audited(void **state)
{
	(void)state;
	int64_t before = fx_count("SELECT COUNT(*) FROM audit_log");
	struct jr_store *s = fx_open(false);
	struct jr_person p;
	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "123456782", &p), JR_OK);
	assert_int_equal(jr_store_person_get(s, &fx_actor, p.id, &p), JR_OK);
	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "111111110", &p), JR_ERR_NOT_FOUND);
	jr_store_close(s);
	char sql[200];
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), before + 3);
	snprintf(sql, sizeof(sql),
		 "SELECT COUNT(*) FROM audit_log WHERE id > %lld AND action = 'person.search.none'"
		 " AND person_id IS NULL AND actor = 'test' AND reason = 'test'",
		 (long long)before);
	assert_int_equal(fx_count(sql), 1);
}

static void test_newer_schema_is_refused(void **state)
{
	(void)state;
	struct jr_db *db;
	struct jr_store *s = NULL;
	struct jr_diag d;
	char msg[JR_DB_ERRMSG_MAX];
	int from;
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, "INSERT INTO schema_migrations VALUES (99, 'future', 'x')"),
			 JR_OK);
	assert_int_equal(jr_migrate(db, &from, msg), JR_ERR_STORE);
	assert_non_null(strstr(msg, "nieuwer"));
	jr_db_close(db);
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, false, &s, &d), JR_ERR_STORE);
	assert_null(s);
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, true, &s, &d), JR_ERR_STORE);
	assert_non_null(strstr(d.message, "nieuwer"));
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, "DELETE FROM schema_migrations WHERE version = 99"), JR_OK);
	jr_db_close(db);
}

/* Migration 16 (the index of claim lines by the reference a credit names) applies to a database
 * made by the version before it, with records in it: the database is taken back to version 15 and
 * opened again. */
static int64_t claim_lines_previous_indexes(void)
{
	return fx_count(fx_sqlite ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'"
				    " AND name = 'claim_lines_previous'"
				  : "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'claim_lines_previous'");
}

/* Undoes migration 29 (issue 15 point 4: the contract manager): its tables, indexes and
 * columns (the regions it normalised stay normalised). */
static void undo_migration_29(struct jr_db *db)
{
	assert_int_equal(jr_db_exec(db, "DROP TABLE contract_tariffs;"
					"DROP TABLE budget_ceilings;"
					"DROP TABLE provider_capacities;"
					"DROP INDEX allocations_provider_form;"
					"ALTER TABLE contracts DROP COLUMN version;"
					"ALTER TABLE contracts DROP COLUMN updated_at"),
			 JR_OK);
}

/* Undoes migration 26 (issue 15: the referral letter and the local team's answer): its
 * columns. */
static void undo_migration_26(struct jr_db *db)
{
	static const char *const columns[] = {"urgency", "tried",       "consent",
					      "answer",  "answered_on", "answered_by"};
	char sql[80];

	for (size_t i = 0; i < sizeof(columns) / sizeof(columns[0]); i++) {
		snprintf(sql, sizeof(sql), "ALTER TABLE referrals DROP COLUMN %s", columns[i]);
		assert_int_equal(jr_db_exec(db, sql), JR_OK);
	}
}

/* Undoes migration 30 (issue 15 point 5: the administrator at work): the second factor's
 * tables and the columns of organisations, users and sessions. */
static void undo_migration_30(struct jr_db *db)
{
	assert_int_equal(jr_db_exec(db, "DROP TABLE recovery_codes;"
					"DROP TABLE second_factors;"
					"ALTER TABLE sessions DROP COLUMN pending;"
					"ALTER TABLE users DROP COLUMN email;"
					"ALTER TABLE users DROP COLUMN full_name;"
					"ALTER TABLE organisations DROP COLUMN active"),
			 JR_OK);
}

/* Undoes migration 25 (search per municipality): its triggers, table, indexes and columns. */
static void undo_migration_25(struct jr_db *db)
{
	static const char *const triggers[][2] = {
		{"help_requests_outside", "help_requests"},
		{"help_requests_outside_change", "help_requests"},
		{"allocations_outside", "allocations"},
		{"allocations_outside_change", "allocations"},
		{"persons_moved", "persons"},
	};
	char sql[160];

	for (size_t i = 0; i < sizeof(triggers) / sizeof(triggers[0]); i++) {
		if (fx_sqlite)
			snprintf(sql, sizeof(sql), "DROP TRIGGER %s", triggers[i][0]);
		else
			snprintf(sql, sizeof(sql), "DROP TRIGGER IF EXISTS %s ON %s", triggers[i][0],
				 triggers[i][1]);
		assert_int_equal(jr_db_exec(db, sql), JR_OK);
	}
	if (!fx_sqlite)
		assert_int_equal(jr_db_exec(db, "DROP FUNCTION help_requests_outside();"
						"DROP FUNCTION allocations_outside();"
						"DROP FUNCTION persons_moved()"),
				 JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP TABLE person_outside_links;"
					"DROP INDEX measures_gi;"
					"DROP INDEX persons_municipality_name;"
					"DROP INDEX person_name_keys_municipality;"
					"ALTER TABLE person_name_keys DROP COLUMN municipality;"
					"ALTER TABLE person_name_keys DROP COLUMN name_sort"),
			 JR_OK);
}

/* Undoes migration 24 (the case page, issue 14): its two tables. */
static void undo_migration_24(struct jr_db *db)
{
	assert_int_equal(jr_db_exec(db, "DROP TABLE evaluations"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP TABLE allocation_changes"), JR_OK);
}

/* Undoes what migration 23 (the social map's description, address and contact, issue 14) made. */
static void undo_migration_23(struct jr_db *db)
{
	static const char *const columns[] = {"description", "address", "phone", "email", "website"};
	char sql[80];

	for (size_t i = 0; i < sizeof(columns) / sizeof(columns[0]); i++) {
		snprintf(sql, sizeof(sql), "ALTER TABLE social_map DROP COLUMN %s", columns[i]);
		assert_int_equal(jr_db_exec(db, sql), JR_OK);
	}
}

/* Undoes what migration 28 (issue 15 point 3: the court's references of measures and of their
 * extensions) made. */
static void undo_migration_28(struct jr_db *db)
{
	assert_int_equal(jr_db_exec(db, "ALTER TABLE measures DROP COLUMN reference"), JR_OK);
	assert_int_equal(jr_db_exec(db, "ALTER TABLE measure_extensions DROP COLUMN reference"),
			 JR_OK);
}

/* Undoes migration 20 (issue 14: the journal; the table, with it its trigger, and PostgreSQL's
 * trigger function) for a test that winds the schema back to a version before it, and those
 * made after it (but 28: undo_migration_28, called first by each test that goes back before
 * it), the newest first where one depends on another. */
static void drop_journal(struct jr_db *db)
{
	undo_migration_26(db);
	undo_migration_30(db);
	undo_migration_29(db);
	undo_migration_25(db);
	undo_migration_24(db);
	undo_migration_23(db);
	assert_int_equal(jr_db_exec(db, "DROP TABLE journal_notes"), JR_OK);
	if (!fx_sqlite)
		assert_int_equal(jr_db_exec(db, "DROP FUNCTION journal_notes_append_only()"), JR_OK);
	/* and migration 22's (issue 14 point 5: decision letters), made after it too */
	assert_int_equal(jr_db_exec(db, "DROP TABLE decision_letters"), JR_OK);
	if (!fx_sqlite)
		assert_int_equal(jr_db_exec(db, "DROP FUNCTION decision_letters_append_only()"),
				 JR_OK);
}

/* Undoes what migration 21 (the work list, issue 14) made. */
static void undo_migration_21(struct jr_db *db)
{
	assert_int_equal(jr_db_exec(db, "DROP TABLE help_request_assignments"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP INDEX help_requests_work_list"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP INDEX goals_review"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP INDEX allocations_deadlines"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP INDEX deliveries_running"), JR_OK);
	assert_int_equal(jr_db_exec(db, "ALTER TABLE help_requests DROP COLUMN assignee_user_id"),
			 JR_OK);
}

/* Undoes what migration 19 (search, issue 14) made, so that an older version can be made
 * again: its table, its indexes and the sort column. */
static void undo_migration_19(struct jr_db *db)
{
	assert_int_equal(jr_db_exec(db, "DROP TABLE person_name_keys"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP INDEX persons_name_sort"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP INDEX persons_birth_date"), JR_OK);
	assert_int_equal(jr_db_exec(db, "ALTER TABLE persons DROP COLUMN name_sort"), JR_OK);
}


/* Migration 29 (issue 15 point 4): a contract's region written as free text ("Twente ", beside
 * "twente") becomes the policy file's id, and every contract gets version 1. */
static void test_migration_29_normalises_regions(void **state)
{
	(void)state;
	struct jr_db *db;
	struct jr_store *s;
	char msg[JR_DB_ERRMSG_MAX];
	int found, now;

	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	/* back to 28: migration 30, made after it, goes too */
	undo_migration_30(db);
	undo_migration_29(db);
	assert_int_equal(jr_db_exec(db, "INSERT INTO providers (agb, name, status, created_at,"
					" updated_at) VALUES ('29290029', 'Migratie 29', 'active',"
					" '2026-01-01', '2026-01-01');"
					"INSERT INTO contracts (provider_id, region, forms, start_date,"
					" created_at) SELECT id, 'Twente ', ',5,', '2026-01-01', '2026-01-01'"
					" FROM providers WHERE agb = '29290029';"
					"INSERT INTO contracts (provider_id, region, forms, start_date,"
					" created_at) SELECT id, 'twente', ',6,', '2026-01-01', '2026-01-01'"
					" FROM providers WHERE agb = '29290029';"
					"DELETE FROM schema_migrations WHERE version >= 29"),
			 JR_OK);
	if (fx_sqlite)
		assert_int_equal(jr_db_exec(db, "PRAGMA user_version = 28"), JR_OK);
	jr_db_close(db);
	s = fx_open(true);
	jr_store_versions(s, &found, &now);
	assert_int_equal(found, 28);
	assert_int_equal(now, jr_schema_version());
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM contracts c JOIN providers p ON"
				  " p.id = c.provider_id WHERE p.agb = '29290029' AND c.region = 'twente'"
				  " AND c.version = 1"),
			 2);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM contracts WHERE region <> LOWER(TRIM(region))"),
			 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM budget_ceilings"), 0);
}

static void test_migration_16_on_an_existing_database(void **state)
{
	(void)state;
	struct jr_db *db;
	struct jr_store *s;
	char msg[JR_DB_ERRMSG_MAX];
	int from, found, now;
	int64_t persons = fx_count("SELECT COUNT(*) FROM persons");
	assert_true(persons > 0);
	assert_int_equal(claim_lines_previous_indexes(), 1);
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	undo_migration_28(db);
	drop_journal(db); /* first: migration 25's triggers name migration 17's columns */
	assert_int_equal(jr_db_exec(db, "DROP INDEX claim_lines_previous"), JR_OK);
	/* back to 15 means without migration 17's columns too (principle 13), so that both run */
	assert_int_equal(jr_db_exec(db, "DROP INDEX allocations_responsible"), JR_OK);
	assert_int_equal(jr_db_exec(db, "ALTER TABLE allocations DROP COLUMN responsible_municipality"),
			 JR_OK);
	assert_int_equal(jr_db_exec(db, "ALTER TABLE help_requests DROP COLUMN responsible_basis"),
			 JR_OK);
	assert_int_equal(jr_db_exec(db, "ALTER TABLE help_requests DROP COLUMN"
					" residence_municipality"),
			 JR_OK);
	/* and what migration 18 made (principle 8), so that the database is the one of version 15 */
	assert_int_equal(jr_db_exec(db, "DROP TABLE measure_extensions"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP TABLE measure_authorisations"), JR_OK);
	undo_migration_21(db);
	undo_migration_19(db); /* and migration 19's (search) */
	assert_int_equal(jr_db_exec(db, "DELETE FROM schema_migrations WHERE version >= 16"), JR_OK);
	if (fx_sqlite)
		assert_int_equal(jr_db_exec(db, "PRAGMA user_version = 15"), JR_OK);
	assert_int_equal(jr_schema_version_of(db, &from), JR_OK);
	assert_int_equal(from, 15);
	jr_db_close(db);
	assert_int_equal(claim_lines_previous_indexes(), 0);
	/* opening migrates: from 15 to the current version, the records kept */
	s = fx_open(true);
	jr_store_versions(s, &found, &now);
	assert_int_equal(found, 15);
	assert_int_equal(now, jr_schema_version());
	jr_store_close(s);
	assert_true(jr_schema_version() >= 16);
	assert_int_equal(claim_lines_previous_indexes(), 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM schema_migrations WHERE version = 16"), 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons"), persons);
	/* migration 17: what was recorded before keeps the help request's municipality as the
	 * responsible one, on the basis of residence */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM schema_migrations WHERE version = 17"), 1);
	/* migration 28: the court's references, none for what was recorded before */
	assert_int_equal(fx_count("SELECT COUNT(*) FROM schema_migrations WHERE version = 28"), 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measures WHERE reference IS NOT NULL"), 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM help_requests WHERE responsible_basis <>"
				  " 'residence' OR residence_municipality IS NULL"
				  " OR residence_municipality <> municipality"),
			 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM allocations a WHERE"
				  " a.responsible_municipality IS NULL OR a.responsible_municipality"
				  " <> (SELECT h.municipality FROM help_requests h"
				  " WHERE h.id = a.help_request_id)"),
			 0);
	if (fx_sqlite) {
		assert_int_equal(fx_count("PRAGMA user_version"), jr_schema_version());
		/* the look-up of TR323 and TR390 uses it */
		assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
		struct jr_db_stmt *st;
		bool row, uses = false;
		assert_int_equal(jr_db_prepare(db,
					       "EXPLAIN QUERY PLAN SELECT 1 FROM claim_lines"
					       " WHERE provider_id = 1 AND previous_reference = 'x'"
					       " AND debit = 0 AND status = 'accepted'",
					       &st),
				 JR_OK);
		while (jr_db_step(st, &row) == JR_OK && row)
			uses = uses || strstr(jr_db_col_text(st, 3), "claim_lines_previous") != NULL;
		jr_db_finalize(st);
		jr_db_close(db);
		assert_true(uses);
	}
	/* opening again changes nothing */
	s = fx_open(true);
	jr_store_versions(s, &found, &now);
	assert_int_equal(found, now);
	jr_store_close(s);
}

/* Migration 18 (issue 13, principle 8): a database of the version before gains the tables of the
 * measures' extensions and authorisations, its measures kept. */
static void test_migration_18_on_an_existing_database(void **state)
{
	(void)state;
	struct jr_db *db;
	struct jr_store *s;
	char msg[JR_DB_ERRMSG_MAX], pragma[48];
	int from, found, now;
	int64_t persons = fx_count("SELECT COUNT(*) FROM persons");
	int64_t measures = fx_count("SELECT COUNT(*) FROM measures");
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	undo_migration_28(db);
	assert_int_equal(jr_db_exec(db, "DROP TABLE measure_extensions"), JR_OK);
	assert_int_equal(jr_db_exec(db, "DROP TABLE measure_authorisations"), JR_OK);
	undo_migration_21(db);
	drop_journal(db);
	undo_migration_19(db); /* and migration 19's (search) */
	assert_int_equal(jr_db_exec(db, "DELETE FROM schema_migrations WHERE version >= 18"), JR_OK);
	assert_int_equal(jr_schema_version_of(db, &from), JR_OK);
	assert_true(from >= 16 && from < 18);
	if (fx_sqlite) {
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", from);
		assert_int_equal(jr_db_exec(db, pragma), JR_OK);
	}
	jr_db_close(db);
	s = fx_open(true);
	jr_store_versions(s, &found, &now);
	assert_int_equal(found, from);
	assert_int_equal(now, jr_schema_version());
	jr_store_close(s);
	assert_true(jr_schema_version() >= 18);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM schema_migrations WHERE version = 18"), 1);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measure_extensions"), 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measure_authorisations"), 0);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons"), persons);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM measures"), measures);
}

/* Migration 19 (issue 14, search): the persons already on record get their name keys and sort
 * key when the store migrates, and are found by name. */
static void test_migration_19_on_an_existing_database(void **state)
{
	(void)state;
	struct jr_db *db;
	struct jr_store *s;
	struct jr_person_hit hits[4];
	struct jr_person_query q = {.name = "jans"}; /* Sanne, renamed above */
	char msg[JR_DB_ERRMSG_MAX];
	int found, now;
	size_t n = 0;
	int64_t persons = fx_count("SELECT COUNT(*) FROM persons");

	assert_true(persons > 0);
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	undo_migration_28(db);
	undo_migration_21(db);
	drop_journal(db); /* migration 20's, made after it */
	undo_migration_19(db);
	assert_int_equal(jr_db_exec(db, "DELETE FROM schema_migrations WHERE version >= 19"), JR_OK);
	if (fx_sqlite)
		assert_int_equal(jr_db_exec(db, "PRAGMA user_version = 18"), JR_OK);
	jr_db_close(db);
	s = fx_open(true);
	jr_store_versions(s, &found, &now);
	assert_int_equal(found, 18);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons WHERE name_sort IS NULL"), 0);
	assert_int_equal(fx_count("SELECT COUNT(DISTINCT person_id) FROM person_name_keys"), persons);
	assert_int_equal(jr_store_person_candidates(s, &q, "", 0, hits, 4, &n), JR_OK);
	assert_true(n >= 1);
	assert_string_equal(hits[0].family_name, "Jansen");
	jr_store_close(s);
}

static void test_key_file_is_guarded(void **state)
{
	(void)state;
	struct jr_store *s = NULL;
	struct jr_diag d;
	char other[160], audit_key[JR_AUDIT_PATH_MAX], checkpoints[JR_AUDIT_PATH_MAX];
	struct jr_store_files files = {
	    .key_file = other, .audit_key_file = audit_key, .checkpoint_file = checkpoints};
	struct jr_person p;
	assert_int_equal(chmod(fx_key_path, 0644), 0);
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, false, &s, &d), JR_ERR_REFUSED);
	assert_string_equal(d.path, "--key");
	assert_non_null(strstr(d.message, "chmod 600"));
	assert_int_equal(chmod(fx_key_path, 0600), 0);
	/* without init, a missing key file is not created */
	snprintf(other, sizeof(other), "%s/other.key", fx_dir);
	assert_int_equal(jr_store_open(fx_db_path, other, false, &s, &d), JR_ERR_IO);
	assert_int_equal(access(other, F_OK), -1);
	/* with another key the BSNs do not open: a read fails instead of giving garbage (the
	 * audit key stays the database's own) */
	s = NULL;
	assert_int_equal(jr_audit_default_paths(fx_key_path, audit_key, checkpoints), JR_OK);
	assert_int_equal(jr_store_open_files(fx_db_path, &files, true, &s, &d), JR_OK);
	assert_int_equal(jr_store_person_get(s, &fx_actor, 1, &p), JR_ERR_STORE);
	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "123456782", &p), JR_ERR_NOT_FOUND);
	jr_store_close(s);
}

static void test_uninitialised_database_is_refused(void **state)
{
	(void)state;
	struct jr_store *s = NULL;
	struct jr_diag d;
	char empty[160];
	snprintf(empty, sizeof(empty), "%s/empty.db", fx_dir);
	assert_int_equal(jr_store_open(empty, fx_key_path, false, &s, &d), JR_ERR_STORE);
	assert_non_null(strstr(d.message, "jeugdroute init"));
	assert_int_equal(access(empty, F_OK), -1); /* and nothing was created */
}

static void test_users_and_policies(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	bool exists, added;
	assert_int_equal(jr_store_user_exists(s, "admin", &exists), JR_OK);
	assert_false(exists);
	assert_int_equal(jr_store_user_add(s, &fx_actor, "admin", "admin", "correct horse battery"),
			 JR_OK);
	assert_int_equal(jr_store_user_add(s, &fx_actor, "admin", "admin", "x"), JR_ERR_CONFLICT);
	assert_int_equal(jr_store_user_exists(s, "admin", &exists), JR_OK);
	assert_true(exists);
	assert_int_equal(jr_store_policy_record(s, &fx_actor, "twente", "{\"a\":1}", &added),
			 JR_OK);
	assert_true(added);
	assert_int_equal(jr_store_policy_record(s, &fx_actor, "twente", "{\"a\":1}", &added),
			 JR_OK);
	assert_false(added);
	jr_store_close(s);
	assert_false(in_files("correct horse battery"));
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users"
				  " WHERE password_hash LIKE '$argon2id$%'"),
			 1);
}

static void test_bulk_is_all_or_nothing(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_person a = sanne("111111110"), b = sanne("999999990"), dup = sanne("123456782");
	int64_t before = fx_count("SELECT COUNT(*) FROM persons");
	/* a failing operation spoils the whole bulk transaction */
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	assert_int_equal(jr_store_person_add(s, &fx_actor, &a), JR_OK);
	assert_int_equal(jr_store_person_add(s, &fx_actor, &dup), JR_ERR_CONFLICT);
	assert_int_equal(jr_store_bulk_end(s, true), JR_ERR_REFUSED);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons"), before);
	/* and a good one commits everything at once */
	a = sanne("111111110");
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	assert_int_equal(jr_store_bulk_begin(s), JR_ERR_INTERNAL); /* not nested */
	assert_int_equal(jr_store_person_add(s, &fx_actor, &a), JR_OK);
	assert_int_equal(jr_store_person_add(s, &fx_actor, &b), JR_OK);
	assert_int_equal(jr_store_bulk_end(s, true), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM persons"), before + 2);
	/* rolled back on purpose */
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	assert_int_equal(jr_store_bulk_end(s, false), JR_OK);
	assert_int_equal(jr_store_bulk_end(s, true), JR_ERR_INTERNAL);
	jr_store_close(s);
}

static enum jr_err add_user(struct jr_store *s, const char *name)
{
	return jr_store_user_add(s, &fx_actor, name, "consulent", "correct horse battery");
}

/* Bulk work may defer its writes (pipelined on PostgreSQL): what commits is the same, a read
 * sees the writes before it, and a write that failed is still found — by an operation after
 * it, at the latest by the end of its part or bulk transaction, which undo it as for any
 * failure. */
static void test_deferred_writes(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	int64_t users = fx_count("SELECT COUNT(*) FROM users");
	enum jr_err err;
	bool exists;
	struct jr_audit_verdict v;

	assert_int_equal(jr_store_bulk_defer_writes(s, true), JR_OK);
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	assert_int_equal(add_user(s, "anna"), JR_OK);
	assert_int_equal(add_user(s, "bram"), JR_OK);
	assert_int_equal(jr_store_user_exists(s, "bram", &exists), JR_OK);
	assert_true(exists);
	assert_int_equal(jr_store_bulk_end(s, true), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users"), users + 2);

	/* a duplicate: refused at once on SQLite; on PostgreSQL the write was only sent, and the
	 * end finds it; nothing is kept */
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	assert_int_equal(add_user(s, "carla"), JR_OK);
	err = add_user(s, "anna");
	assert_int_equal(err, jr_db_url_is_postgres(fx_db_path) ? JR_OK : JR_ERR_CONFLICT);
	assert_int_equal(jr_store_bulk_end(s, true), JR_ERR_REFUSED);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users"), users + 2);

	/* in a part: the part is undone, the bulk transaction goes on */
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	assert_int_equal(add_user(s, "dirk"), JR_OK);
	assert_int_equal(jr_store_part_begin(s), JR_OK);
	assert_int_equal(add_user(s, "erik"), JR_OK);
	err = add_user(s, "anna");
	assert_true(err == JR_OK || err == JR_ERR_CONFLICT);
	assert_int_equal(jr_store_part_end(s, true), JR_ERR_REFUSED);
	assert_int_equal(add_user(s, "fleur"), JR_OK);
	assert_int_equal(jr_store_bulk_end(s, true), JR_OK);
	assert_int_equal(jr_store_bulk_defer_writes(s, false), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users"), users + 4);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM users WHERE username IN ('carla', 'erik')"),
			 0);
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
	assert_string_equal(v.problem, "");
	jr_store_close(s);
}

struct social_seen {
	int count;
	struct jr_social_entry last;
};

static enum jr_err see_social(void *arg, const struct jr_social_entry *e)
{
	struct social_seen *seen = arg;
	seen->count++;
	seen->last = *e;
	return JR_OK;
}

static void test_social_map(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_social_entry e = {.age_min = 4, .age_max = 12, .no_referral = true};
	struct social_seen seen = {0};
	snprintf(e.organisation, sizeof(e.organisation), "Bibliotheek");
	snprintf(e.service, sizeof(e.service), "Voorleesexpress");
	memcpy(e.municipality, "0164", 5);
	e.needs = (1u << JR_NEED_SCHOOL) | (1u << JR_NEED_DEVELOPMENT);
	e.verified_on = jr_date_from_ymd(2026, 5, 1);
	assert_int_equal(jr_store_social_add(s, &fx_actor, &e), JR_OK);
	assert_true(e.id > 0);
	assert_int_equal(jr_store_social_each(s, "0153", see_social, &seen), JR_OK);
	assert_int_equal(seen.count, 0);
	assert_int_equal(jr_store_social_each(s, "", see_social, &seen), JR_OK);
	assert_int_equal(seen.count, 1);
	assert_int_equal(seen.last.needs, e.needs);
	assert_int_equal(seen.last.age_min, 4);
	assert_int_equal(seen.last.age_max, 12);
	assert_int_equal(seen.last.verified_on, e.verified_on);
	assert_string_equal(seen.last.location, "");
	jr_store_close(s);
}

/* Runs `sql` with one integer parameter and returns the first column of its one row. */
static int64_t one_value(struct jr_db *db, const char *sql, int64_t param)
{
	struct jr_db_stmt *st;
	bool row;
	int64_t v;
	assert_int_equal(jr_db_prepare(db, sql, &st), JR_OK);
	assert_int_equal(jr_db_bind_int(st, 1, param), JR_OK);
	assert_int_equal(jr_db_step(st, &row), JR_OK);
	assert_true(row);
	v = jr_db_col_int(st, 0);
	jr_db_finalize(st);
	return v;
}

/* The drivers keep statements for reuse (SQLite's cache, PostgreSQL's named statements): the
 * same SQL gives fresh results with fresh parameters, SQL from a buffer that is overwritten
 * afterwards is not confused with its old text, and a failed statement leaves the next one
 * working. */
static void test_statement_reuse(void **state)
{
	struct jr_db *db;
	struct jr_db_stmt *st;
	char msg[JR_DB_ERRMSG_MAX], sql[64];
	bool row;
	(void)state;
	jr_store_close(fx_open(true));
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	for (int64_t i = 1; i <= 100; i++)
		assert_int_equal(one_value(db, "SELECT $1 + 1", i), i + 1);
	snprintf(sql, sizeof(sql), "SELECT $1 * 2");
	assert_int_equal(one_value(db, sql, 21), 42);
	snprintf(sql, sizeof(sql), "SELECT $1 * 3");
	assert_int_equal(one_value(db, sql, 21), 63);
	/* a unique violation inside a transaction, rolled back; the same SQL then succeeds */
	assert_int_equal(jr_db_exec(db, "CREATE TABLE reuse_t (k INTEGER PRIMARY KEY)"), JR_OK);
	assert_int_equal(jr_db_begin(db), JR_OK);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(jr_db_prepare(db, "INSERT INTO reuse_t (k) VALUES ($1)", &st), JR_OK);
		assert_int_equal(jr_db_bind_int(st, 1, 7), JR_OK);
		assert_int_equal(jr_db_step(st, &row), k == 0 ? JR_OK : JR_ERR_CONFLICT);
		jr_db_finalize(st);
	}
	assert_int_equal(jr_db_rollback(db), JR_OK);
	assert_int_equal(jr_db_prepare(db, "INSERT INTO reuse_t (k) VALUES ($1)", &st), JR_OK);
	assert_int_equal(jr_db_bind_int(st, 1, 7), JR_OK);
	assert_int_equal(jr_db_step(st, &row), JR_OK);
	jr_db_finalize(st);
	assert_int_equal(one_value(db, "SELECT COUNT(*) FROM reuse_t WHERE k = $1", 7), 1);
	jr_db_close(db);
}

/* Runs SQL on its own connection (a hand that edits the database behind the store's back). */
static void tamper(const char *sql)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, sql), JR_OK);
	jr_db_close(db);
}

/* Ends every other connection to the database on the server, as the death of a primary does to
 * the connections of the servers on it. */
static void lose_connections(void)
{
	tamper("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
	       " WHERE datname = current_database() AND pid <> pg_backend_pid()");
}

static enum jr_err insert_key(struct jr_db *db, int64_t k)
{
	struct jr_db_stmt *st;
	enum jr_err err;
	bool row;

	assert_int_equal(jr_db_prepare(db, "INSERT INTO lost_t (k) VALUES ($1)", &st), JR_OK);
	assert_int_equal(jr_db_bind_int(st, 1, k), JR_OK);
	err = jr_db_step(st, &row);
	jr_db_finalize(st);
	return err;
}

/* Which --db names PostgreSQL; and, on PostgreSQL, a connection the server ends: between
 * transactions the next one begins on a new connection (with the session's settings made
 * again); during a transaction every statement of it fails and nothing of it is committed,
 * and the one after the rollback succeeds. SQLite has no connection to lose. */
static void test_connection_lost(void **state)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];
	(void)state;
	assert_true(jr_db_url_is_postgres("postgres://jr@a:5432,b:5432/jr?target_session_attrs=read-write"));
	assert_true(jr_db_url_is_postgres("postgresql://jr@localhost/jr"));
	assert_true(jr_db_url_is_postgres("host=a,b dbname=jr target_session_attrs=read-write"));
	assert_true(jr_db_url_is_postgres("host=/var/run/postgresql dbname=jr"));
	assert_false(jr_db_url_is_postgres("data=old.db"));
	assert_false(jr_db_url_is_postgres("var/jeugdroute.db"));
	assert_false(jr_db_url_is_postgres("/srv/data=old/jeugdroute.db"));
	assert_false(jr_db_url_is_postgres("jeugdroute.db"));
	assert_int_equal(jr_db_url_is_postgres(fx_db_path), !fx_sqlite);
	if (fx_sqlite)
		return;

	jr_store_close(fx_open(true));
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_exec(db, "CREATE TABLE lost_t (k INTEGER PRIMARY KEY)"), JR_OK);
	assert_int_equal(jr_db_exec(db, "SET synchronous_commit TO off"), JR_OK);

	/* lost while idle: the transaction begins on a new connection, the setting made again */
	lose_connections();
	assert_int_equal(jr_db_begin(db), JR_OK);
	assert_int_equal(insert_key(db, 1), JR_OK);
	assert_int_equal(jr_db_commit(db), JR_OK);
	{
		struct jr_db_stmt *st;
		bool row;
		assert_int_equal(jr_db_prepare(db, "SHOW synchronous_commit", &st), JR_OK);
		assert_int_equal(jr_db_step(st, &row), JR_OK);
		assert_true(row);
		assert_string_equal(jr_db_col_text(st, 0), "off");
		jr_db_finalize(st);
	}

	/* lost in the middle: the rest fails, the commit too; nothing of it is there */
	assert_int_equal(jr_db_begin(db), JR_OK);
	assert_int_equal(insert_key(db, 2), JR_OK);
	lose_connections();
	assert_int_equal(insert_key(db, 3), JR_ERR_STORE);
	assert_int_equal(insert_key(db, 4), JR_ERR_STORE);
	assert_non_null(strstr(jr_db_errmsg(db), "viel weg tijdens de transactie"));
	assert_int_equal(jr_db_commit(db), JR_ERR_STORE);
	assert_int_equal(jr_db_rollback(db), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM lost_t WHERE k > 1"), 0);

	/* the next transaction is whole again */
	assert_int_equal(jr_db_begin(db), JR_OK);
	assert_int_equal(insert_key(db, 5), JR_OK);
	assert_int_equal(jr_db_commit(db), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM lost_t"), 2);
	jr_db_close(db);
}

/* The audit log is one chain across transactions, connections, bulk loads and rollbacks; a
 * changed, removed or smuggled-in entry is found, and the first such entry is named. */
static enum jr_err count_entry(void *ctx, const struct jr_audit_entry *e)
{
	(void)e;
	++*(int *)ctx;
	return JR_OK;
}

/* A bulk transaction writes its entries many to a statement (more than one statement's worth
 * here, on either engine): a part that is undone drops its own entries only, also when a read of
 * the log inside it wrote them already; what is kept is one unbroken chain. */
static void test_audit_bulk(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false);
	struct jr_audit_verdict v;
	struct jr_person got;
	int seen = 0, seen_before = 0;
	int64_t before;

	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "123456782", &got), JR_OK);
	assert_int_equal(jr_store_audit_of_person(s, &fx_actor, got.id, 1000, count_entry,
						  &seen_before),
			 JR_OK);
	before = fx_count("SELECT COUNT(*) FROM audit_log");

	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	for (int i = 0; i < 300; i++)
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.bulk", 0, "a"), JR_OK);
	assert_int_equal(jr_store_part_begin(s), JR_OK);
	for (int i = 0; i < 70; i++)
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.undone", 0, "b"), JR_OK);
	assert_int_equal(jr_store_part_end(s, false), JR_OK);
	assert_int_equal(jr_store_part_begin(s), JR_OK);
	for (int i = 0; i < 3; i++)
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.undone", 0, "c"), JR_OK);
	/* a read of the log writes what is pending first, inside the part */
	assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "123456782", &got), JR_OK);
	assert_int_equal(jr_store_audit_of_person(s, &fx_actor, got.id, 1000, count_entry, &seen),
			 JR_OK);
	assert_int_equal(seen, seen_before + 2); /* the reading before, and the search just made */
	assert_int_equal(jr_store_part_end(s, false), JR_OK);
	assert_int_equal(jr_store_part_begin(s), JR_OK);
	for (int i = 0; i < 5; i++)
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.kept", 0, "d"), JR_OK);
	assert_int_equal(jr_store_part_end(s, true), JR_OK);
	assert_int_equal(jr_store_bulk_end(s, true), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log"), before + 305);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'test.undone'"), 0);
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
	assert_string_equal(v.problem, "");
	assert_int_equal(v.entries, before + 305);
	/* a bulk rolled back keeps none */
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	for (int i = 0; i < 10; i++)
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.undone", 0, "e"), JR_OK);
	assert_int_equal(jr_store_bulk_end(s, false), JR_OK);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'test.undone'"), 0);
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
	jr_store_close(s);
}

static void test_audit_chain(void **state)
{
	(void)state;
	struct jr_store *s = fx_open(false), *t = fx_open(false);
	struct jr_audit_verdict v;
	struct jr_person p, got;
	char sql[200];
	int64_t entries;
	/* interleaved writers, a bulk load and a rolled-back bulk load */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(jr_store_person_find_bsn(s, &fx_actor, "123456782", &got), JR_OK);
		assert_int_equal(jr_store_person_find_bsn(t, &fx_actor, "123456782", &got), JR_OK);
	}
	assert_int_equal(jr_store_bulk_begin(s), JR_OK);
	p = sanne("100000009");
	assert_int_equal(jr_store_person_add(s, &fx_actor, &p), JR_OK);
	assert_int_equal(jr_store_person_get(s, &fx_actor, p.id, &got), JR_OK);
	assert_int_equal(jr_store_bulk_end(s, true), JR_OK);
	assert_int_equal(jr_store_bulk_begin(t), JR_OK);
	p = sanne("100000010");
	assert_int_equal(jr_store_person_add(t, &fx_actor, &p), JR_OK);
	assert_int_equal(jr_store_bulk_end(t, false), JR_OK);
	assert_int_equal(jr_store_person_get(t, &fx_actor, 1, &got), JR_OK);
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);
	assert_string_equal(v.problem, "");
	entries = fx_count("SELECT COUNT(*) FROM audit_log");
	assert_int_equal(v.entries, entries - 1); /* verify's own entry comes after */
	assert_int_equal(fx_count("SELECT seq FROM audit_head"), entries);
	assert_int_equal(fx_count("SELECT MAX(seq) FROM audit_log"), entries);

	/* a changed reason */
	tamper("UPDATE audit_log SET reason = 'iets anders' WHERE seq = 3");
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 3);
	assert_int_equal(v.entries, 2);
	assert_non_null(strstr(v.problem, "regel 3 is gewijzigd"));
	jr_store_close(t);
	/* put back as it was (every test entry has the reason "test"): whole again */
	tamper("UPDATE audit_log SET reason = 'test' WHERE seq = 3");
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 0);

	/* a removed entry at the end, and one in the middle */
	snprintf(sql, sizeof(sql), "DELETE FROM audit_log WHERE seq = %lld",
		 (long long)fx_count("SELECT MAX(seq) FROM audit_log"));
	tamper(sql);
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_non_null(strstr(v.problem, "het einde van de keten klopt niet"));
	tamper("DELETE FROM audit_log WHERE seq = 2");
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_int_equal(v.bad_seq, 2);
	assert_non_null(strstr(v.problem, "regel 2 ontbreekt"));
	/* an entry written beside the store */
	tamper("INSERT INTO audit_log (at, actor, action, origin, reason)"
	       " VALUES ('2026-01-01T00:00:00Z', 'x', 'person.read', 'x', 'x')");
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, &v), JR_OK);
	assert_non_null(strstr(v.problem, "zonder plaats in de keten"));
	jr_store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_creates_schema_and_key),
		cmocka_unit_test(test_person_round_trip_and_bsn_unreadable),
		cmocka_unit_test(test_duplicate_bsn_is_a_conflict),
		cmocka_unit_test(test_update_needs_the_version_read),
		cmocka_unit_test(test_every_access_is_audited),
		cmocka_unit_test(test_newer_schema_is_refused),
		cmocka_unit_test(test_migration_29_normalises_regions),
		cmocka_unit_test(test_migration_16_on_an_existing_database),
		cmocka_unit_test(test_migration_18_on_an_existing_database),
		cmocka_unit_test(test_migration_19_on_an_existing_database),
		cmocka_unit_test(test_key_file_is_guarded),
		cmocka_unit_test(test_uninitialised_database_is_refused),
		cmocka_unit_test(test_users_and_policies),
		cmocka_unit_test(test_bulk_is_all_or_nothing),
		cmocka_unit_test(test_deferred_writes),
		cmocka_unit_test(test_social_map),
		cmocka_unit_test(test_statement_reuse),
		cmocka_unit_test(test_connection_lost),
		cmocka_unit_test(test_sex_and_address_round_trip),
		cmocka_unit_test(test_audit_bulk),
		cmocka_unit_test(test_audit_chain), /* leaves the log broken: last */
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
