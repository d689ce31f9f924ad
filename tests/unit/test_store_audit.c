/* Unit tests for store/store_audit.c and store/audit_key.c: the audit chain's keyed MAC and its
 * signed checkpoints. Each test makes a fresh chain, tampers with the database (or the
 * checkpoint file) as someone with write access would, and checks that jr_store_audit_verify
 * names the first bad entry and the reason: a changed, deleted, inserted or reordered entry, a
 * chain recomputed without the key (unkeyed, as before the key, or with a wrong key), a
 * truncation with audit_head set back, a forged checkpoint; and the key's upgrade, rotation and
 * guarding. SQLite, or PostgreSQL with JR_TEST_DB_URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/audit_key.h"
#include "store/db.h"
#include "store/store.h"
#include "store_fixture.h"

static char audit_key[JR_AUDIT_PATH_MAX], checkpoints[JR_AUDIT_PATH_MAX];

static int setup(void **state)
{
	(void)state;
	if (fx_setup("audit") ||
	    jr_audit_default_paths(fx_key_path, audit_key, checkpoints) != JR_OK)
		return -1;
	jr_store_close(fx_open(true));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return fx_teardown();
}

/* Runs SQL on the database directly, as someone with write access would. */
static void sql(const char *text)
{
	struct jr_db *db;
	char msg[JR_DB_ERRMSG_MAX];
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	if (jr_db_exec(db, text) != JR_OK)
		fail_msg("%s: %s", text, jr_db_errmsg(db));
	jr_db_close(db);
}

/* A fresh keyed chain of `n` entries (a new audit key, no checkpoints yet), closed: the close
 * signs the first checkpoint. */
static void fresh(int n)
{
	struct jr_store *s;
	sql("DELETE FROM audit_log; UPDATE audit_head SET seq = 0, hash = '', key_id = NULL");
	unlink(audit_key);
	unlink(checkpoints);
	s = fx_open(true);
	for (int i = 0; i < n; i++)
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.read", 0, "dossier"), JR_OK);
	jr_store_close(s);
}

static void verify(struct jr_audit_verdict *v)
{
	struct jr_store *s = fx_open(false);
	assert_int_equal(jr_store_audit_verify(s, &fx_actor, v), JR_OK);
	jr_store_close(s);
}

/* Recomputes the MACs of entries 1..upto (all when 0) with `key` (NULL: unkeyed, the hash of
 * the chain before the key), as an attacker would after changing entries, and sets audit_head
 * to the new end when that is the last entry. */
static void recompute(const unsigned char *key, int64_t upto)
{
	struct jr_db *db;
	struct jr_db_stmt *st, *up;
	char msg[JR_DB_ERRMSG_MAX], prev[65] = "";
	char macs[64][65];
	int64_t seqs[64];
	size_t n = 0;
	bool row;
	assert_int_equal(jr_db_open(fx_db_path, false, &db, msg), JR_OK);
	assert_int_equal(jr_db_prepare(db,
				       "SELECT seq, at, actor, role, COALESCE(organisation_id, 0),"
				       " action, COALESCE(person_id, 0), object, origin, reason"
				       " FROM audit_log ORDER BY seq",
				       &st),
			 JR_OK);
	for (;;) {
		struct jr_audit_mac m;
		assert_int_equal(jr_db_step(st, &row), JR_OK);
		if (!row || (upto && jr_db_col_int(st, 0) > upto))
			break;
		assert_true(n < 64);
		jr_audit_mac_init(&m, key);
		jr_audit_mac_text(&m, prev);
		jr_audit_mac_number(&m, jr_db_col_int(st, 0));
		jr_audit_mac_text(&m, jr_db_col_text(st, 1));
		jr_audit_mac_text(&m, jr_db_col_text(st, 2));
		jr_audit_mac_text(&m, jr_db_col_text(st, 3));
		jr_audit_mac_number(&m, jr_db_col_int(st, 4));
		jr_audit_mac_text(&m, jr_db_col_text(st, 5));
		jr_audit_mac_number(&m, jr_db_col_int(st, 6));
		jr_audit_mac_text(&m, jr_db_col_text(st, 7));
		jr_audit_mac_text(&m, jr_db_col_text(st, 8));
		jr_audit_mac_text(&m, jr_db_col_text(st, 9));
		jr_audit_mac_final(&m, macs[n]);
		memcpy(prev, macs[n], sizeof(prev));
		seqs[n++] = jr_db_col_int(st, 0);
	}
	jr_db_finalize(st);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(jr_db_prepare(db, "UPDATE audit_log SET hash = $1 WHERE seq = $2", &up),
				 JR_OK);
		assert_int_equal(jr_db_bind_text(up, 1, macs[i]), JR_OK);
		assert_int_equal(jr_db_bind_int(up, 2, seqs[i]), JR_OK);
		assert_int_equal(jr_db_step(up, &row), JR_OK);
		jr_db_finalize(up);
	}
	if (n && !upto) {
		assert_int_equal(jr_db_prepare(db, "UPDATE audit_head SET seq = $1, hash = $2", &up),
				 JR_OK);
		assert_int_equal(jr_db_bind_int(up, 1, seqs[n - 1]), JR_OK);
		assert_int_equal(jr_db_bind_text(up, 2, macs[n - 1]), JR_OK);
		assert_int_equal(jr_db_step(up, &row), JR_OK);
		jr_db_finalize(up);
	}
	jr_db_close(db);
}

/* The audit key ring as the key file holds it. */
static void load_ring(struct jr_audit_ring *r)
{
	char msg[JR_AUDIT_MSG_MAX];
	assert_int_equal(jr_audit_ring_load(audit_key, r, msg), JR_OK);
}

static void assert_broken_at(const struct jr_audit_verdict *v, int64_t seq, const char *why)
{
	if (v->bad_seq != seq || !strstr(v->problem, why))
		fail_msg("expected entry %lld broken (\"%s\"), got %lld: %s", (long long)seq, why,
			 (long long)v->bad_seq, v->problem);
}

static void test_intact_chain_and_its_checkpoints(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	fresh(5);
	verify(&v);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(v.bad_checkpoint_line, 0);
	assert_int_equal(v.entries, 5);
	assert_true(v.checkpoint_file);
	assert_int_equal(v.checkpoints, 1);
	assert_int_equal(v.last_checkpoint_seq, 5);
	/* the verify wrote its own entry, and its close a checkpoint of it */
	verify(&v);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(v.entries, 6);
	assert_int_equal(v.checkpoints, 2);
	assert_int_equal(v.last_checkpoint_seq, 6);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE action = 'audit.verify'"
				  " AND object = 'intact'"),
			 2);
}

/* A transaction's entries are chained at its end: until then it does not hold the chain's
 * lock, and another writer's entries go in before them (on PostgreSQL; SQLite has one writer
 * at a time anyway). */
static void test_entries_chained_at_the_end(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	struct jr_store *reader, *other;

	fresh(0);
	reader = fx_open(false);
	assert_int_equal(jr_store_bulk_begin(reader), JR_OK);
	assert_int_equal(jr_store_audit_event(reader, &fx_actor, "test.read", 0, "eerste"), JR_OK);
	if (!fx_sqlite) {
		/* would wait for the reader's commit if its entry had taken the lock */
		other = fx_open(false);
		assert_int_equal(jr_store_audit_event(other, &fx_actor, "test.read", 0, "tweede"),
				 JR_OK);
		jr_store_close(other);
	}
	assert_int_equal(jr_store_bulk_end(reader, true), JR_OK);
	jr_store_close(reader);
	assert_int_equal(fx_count("SELECT seq FROM audit_log WHERE object = 'eerste'"),
			 fx_sqlite ? 1 : 2);
	if (!fx_sqlite)
		assert_int_equal(fx_count("SELECT seq FROM audit_log WHERE object = 'tweede'"), 1);
	verify(&v);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(v.bad_checkpoint_line, 0);
	assert_int_equal(v.entries, fx_sqlite ? 1 : 2);
}

static void test_changed_entry(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	fresh(5);
	sql("UPDATE audit_log SET reason = 'iets anders' WHERE seq = 3");
	verify(&v);
	assert_broken_at(&v, 3, "regel 3 is gewijzigd");
	assert_int_equal(v.entries, 2);
}

static void test_deleted_entry(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	fresh(5);
	sql("DELETE FROM audit_log WHERE seq = 2");
	verify(&v);
	assert_broken_at(&v, 2, "regel 2 ontbreekt");
}

static void test_inserted_entry(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	/* outside the chain */
	fresh(4);
	sql("INSERT INTO audit_log (at, actor, action, origin, reason) VALUES"
	    " ('2026-01-01T00:00:00Z', 'x', 'person.read', 'x', 'x')");
	verify(&v);
	assert_broken_at(&v, 5, "zonder plaats in de keten");
	/* given a place: the later entries renumbered, the MAC of another entry copied */
	fresh(4);
	sql("UPDATE audit_log SET seq = -seq WHERE seq > 2;"
	    "UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;"
	    "INSERT INTO audit_log (seq, at, actor, role, action, object, origin, reason, hash)"
	    " SELECT 3, at, 'indringer', role, action, object, origin, reason, hash"
	    " FROM audit_log WHERE seq = 2;"
	    "UPDATE audit_head SET seq = seq + 1, hash = (SELECT hash FROM audit_log WHERE seq = 5)");
	verify(&v);
	assert_broken_at(&v, 3, "regel 3 is gewijzigd");
}

static void test_reordered_pair(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	fresh(0); /* a chain whose entries 2 and 3 differ */
	{
		struct jr_store *s = fx_open(false);
		struct jr_actor other = fx_actor;
		other.reason = "tweede reden";
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.read", 0, "a"), JR_OK);
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.read", 0, "b"), JR_OK);
		assert_int_equal(jr_store_audit_event(s, &other, "test.change", 0, "c"), JR_OK);
		assert_int_equal(jr_store_audit_event(s, &fx_actor, "test.read", 0, "d"), JR_OK);
		jr_store_close(s);
	}
	sql("UPDATE audit_log SET seq = -1 WHERE seq = 2;"
	    "UPDATE audit_log SET seq = 2 WHERE seq = 3;"
	    "UPDATE audit_log SET seq = 3 WHERE seq = -1");
	verify(&v);
	assert_broken_at(&v, 2, "regel 2 is gewijzigd");
}

static void test_chain_recomputed_without_the_key(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	unsigned char wrong[32];
	/* the finding: a GP's entries deleted and the chain recomputed with the public hash */
	fresh(6);
	sql("DELETE FROM audit_log WHERE seq IN (3, 4);"
	    "UPDATE audit_log SET seq = seq - 2 WHERE seq > 4");
	recompute(NULL, 0);
	verify(&v);
	assert_broken_at(&v, 1, "zonder de sleutel herberekend");
	assert_int_equal(v.entries, 0);
	/* and with a key, not the one in the audit key file */
	fresh(6);
	sql("UPDATE audit_log SET actor = 'iemand anders' WHERE seq = 4");
	memset(wrong, 7, sizeof(wrong));
	recompute(wrong, 0);
	verify(&v);
	assert_broken_at(&v, 1, "MAC klopt niet");
}

static void test_truncation_before_the_last_checkpoint(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	fresh(6);
	/* the last entries removed and audit_head set back consistently: the chain alone holds */
	sql("DELETE FROM audit_log WHERE seq > 4;"
	    "UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4)");
	verify(&v);
	assert_broken_at(&v, 5, "afgekapt");
	assert_non_null(strstr(v.problem, "noemt regel 6"));
	assert_int_equal(v.entries, 4);
	assert_int_equal(v.last_checkpoint_seq, 6);
}

static void test_entry_changed_after_its_checkpoint(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	struct jr_audit_ring r;
	/* someone with the audit key but not the checkpoint file rewrites attested history */
	fresh(5);
	load_ring(&r);
	sql("UPDATE audit_log SET object = 'iets anders' WHERE seq = 2");
	recompute(r.keys[0].mac, 0);
	jr_audit_ring_wipe(&r);
	verify(&v);
	assert_broken_at(&v, 5, "wijkt af van het ondertekende controlepunt");
}

/* Appends a line to the checkpoint file. */
static void append_line(const char *line)
{
	FILE *f = fopen(checkpoints, "a");
	assert_non_null(f);
	fputs(line, f);
	fclose(f);
}

static void test_forged_checkpoints(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	struct jr_audit_ring other = {0};
	struct jr_audit_checkpoint c = {.seq = 99};
	char line[600], msg[JR_AUDIT_MSG_MAX], *at;
	FILE *f;
	fresh(3);
	/* a real line with its number changed: the signature no longer holds */
	f = fopen(checkpoints, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f));
	fclose(f);
	at = strstr(line, "seq=3 ");
	assert_non_null(at);
	at[4] = '9';
	append_line(line);
	verify(&v);
	assert_int_equal(v.bad_seq, 0); /* the chain itself holds */
	assert_int_equal(v.bad_checkpoint_line, 2);
	assert_non_null(strstr(v.checkpoint_problem, "handtekening klopt niet"));
	assert_int_equal(v.checkpoints, 1);
	/* a well-formed line signed by a key that is not ours */
	fresh(3);
	assert_int_equal(jr_audit_ring_add(&other), JR_OK);
	memset(c.mac, 'a', 64);
	snprintf(c.at, sizeof(c.at), "2026-12-01T00:00:00Z");
	assert_int_equal(jr_audit_checkpoint_append(checkpoints, &other.keys[0], &c, msg), JR_OK);
	jr_audit_ring_wipe(&other);
	verify(&v);
	assert_int_equal(v.bad_checkpoint_line, 2);
	assert_non_null(strstr(v.checkpoint_problem, "niet in het auditsleutelbestand"));
	assert_int_equal(v.last_checkpoint_seq, 3); /* the forged seq 99 is not believed */
	/* and lines that are no checkpoints at all */
	fresh(3);
	append_line("rommel\n");
	verify(&v);
	assert_int_equal(v.bad_checkpoint_line, 2);
	assert_non_null(strstr(v.checkpoint_problem, "onleesbaar"));
}

static void test_checkpoint_refuses_an_end_that_went_back(void **state)
{
	(void)state;
	struct jr_audit_checkpoint c;
	char msg[JR_STORE_AUDIT_MSG_MAX];
	struct jr_store *s;
	fresh(4);
	s = fx_open(false);
	assert_int_equal(jr_store_audit_checkpoint(s, false, &c, msg), JR_OK);
	assert_int_equal(c.seq, 4);
	/* not moved: nothing written, unless always */
	assert_int_equal(jr_store_audit_checkpoint(s, false, &c, msg), JR_OK);
	assert_int_equal(c.seq, 0);
	assert_int_equal(jr_store_audit_checkpoint(s, true, &c, msg), JR_OK);
	assert_int_equal(c.seq, 4);
	sql("DELETE FROM audit_log WHERE seq = 4;"
	    "UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3)");
	assert_int_equal(jr_store_audit_checkpoint(s, false, &c, msg), JR_ERR_REFUSED);
	assert_non_null(strstr(msg, "ging terug van regel 4 naar 3"));
	jr_store_close(s);
}

static void test_rotation(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	struct jr_audit_ring r;
	struct jr_audit_key_info k;
	struct jr_store *s, *running;
	char id[17], msg[JR_STORE_AUDIT_MSG_MAX];
	fresh(3);
	running = fx_open(false); /* a server that loaded the key file before the rotation */
	s = fx_open(false);
	assert_int_equal(jr_store_audit_rotate_key(s, &fx_actor, id, msg), JR_OK);
	assert_int_equal(jr_store_audit_key_info(s, 1, &k), JR_OK);
	assert_string_equal(k.id, id);
	assert_true(k.in_use);
	assert_int_equal(jr_store_audit_key_info(s, 0, &k), JR_OK);
	assert_false(k.in_use);
	assert_int_equal(jr_store_audit_key_info(s, 2, &k), JR_ERR_NOT_FOUND);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE seq = 4"
				  " AND action = 'audit.key_rotate'"),
			 1);
	/* the running one finds the new key in the file when the chain meets it */
	assert_int_equal(jr_store_audit_event(running, &fx_actor, "test.read", 0, "na"), JR_OK);
	jr_store_close(running);
	verify(&v);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(v.bad_checkpoint_line, 0);
	assert_int_equal(v.entries, 5);
	/* the retired key alone cannot rewrite what came before the rotation */
	load_ring(&r);
	assert_int_equal(r.count, 2);
	sql("UPDATE audit_log SET object = 'weggepoetst' WHERE seq = 2");
	recompute(r.keys[0].mac, 4);
	jr_audit_ring_wipe(&r);
	verify(&v);
	assert_broken_at(&v, 3, "wijkt af van het ondertekende controlepunt"); /* of close */
	unlink(checkpoints); /* even with the checkpoints gone: the first entry under the new key */
	verify(&v);
	assert_broken_at(&v, 5, "regel 5 is gewijzigd");
}

static void test_upgrade_of_a_chain_without_a_key(void **state)
{
	(void)state;
	struct jr_audit_verdict v;
	struct jr_store *s = NULL;
	struct jr_diag d;
	/* a database of the jeugdroute before the key: unkeyed chain, no key file, no checkpoints */
	fresh(4);
	recompute(NULL, 0);
	sql("UPDATE audit_head SET key_id = NULL");
	unlink(audit_key);
	unlink(checkpoints);
	/* not without init */
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, false, &s, &d), JR_ERR_IO);
	assert_null(s);
	/* init verifies it, re-chains it with the new key and says so in the chain */
	s = fx_open(true);
	jr_store_close(s);
	assert_int_equal(fx_count("SELECT COUNT(*) FROM audit_log WHERE seq = 5"
				  " AND action = 'audit.upgrade'"),
			 1);
	verify(&v);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(v.entries, 5);
	assert_int_equal(v.last_checkpoint_seq, 5);
	/* a broken old chain is not blessed with the key */
	fresh(4);
	sql("UPDATE audit_log SET reason = 'weg' WHERE seq = 2");
	recompute(NULL, 0);
	sql("UPDATE audit_log SET reason = 'terug' WHERE seq = 2; UPDATE audit_head SET key_id = NULL");
	unlink(audit_key);
	unlink(checkpoints);
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, true, &s, &d), JR_ERR_REFUSED);
	assert_non_null(strstr(d.message, "niet heel"));
	assert_int_equal(access(audit_key, F_OK), -1); /* and no key was left behind */
}

static void test_key_taken_away_again_is_refused(void **state)
{
	(void)state;
	struct jr_store *s = NULL;
	struct jr_diag d;
	/* someone marks the chain as keyless, hoping the next init blesses a rewritten chain:
	 * the checkpoints say it had a key */
	fresh(3);
	sql("UPDATE audit_head SET key_id = NULL");
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, true, &s, &d), JR_ERR_REFUSED);
	assert_string_equal(d.path, "--audit-key");
	assert_non_null(strstr(d.message, "controlepunten"));
	/* and without the checkpoints, the existing key file is not used to bless it either */
	unlink(checkpoints);
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, true, &s, &d), JR_ERR_REFUSED);
	assert_non_null(strstr(d.message, "bestaat al"));
	assert_null(s);
}

static void test_audit_key_file_is_guarded(void **state)
{
	(void)state;
	struct jr_store *s = NULL;
	struct jr_diag d;
	struct jr_store_files files = {.key_file = fx_key_path};
	char other[200];
	fresh(2);
	assert_int_equal(chmod(audit_key, 0640), 0);
	assert_int_equal(jr_store_open(fx_db_path, fx_key_path, false, &s, &d), JR_ERR_REFUSED);
	assert_string_equal(d.path, "--audit-key");
	assert_non_null(strstr(d.message, "chmod 600"));
	assert_int_equal(chmod(audit_key, 0600), 0);
	/* another audit key file: not this chain's key, and init does not make one over it */
	snprintf(other, sizeof(other), "%s/ander.audit.key", fx_dir);
	files.audit_key_file = other;
	assert_int_equal(jr_store_open_files(fx_db_path, &files, false, &s, &d), JR_ERR_IO);
	assert_int_equal(jr_store_open_files(fx_db_path, &files, true, &s, &d), JR_ERR_STORE);
	assert_non_null(strstr(d.message, "ontbreekt"));
	assert_int_equal(access(other, F_OK), -1);
	assert_null(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intact_chain_and_its_checkpoints),
		cmocka_unit_test(test_entries_chained_at_the_end),
		cmocka_unit_test(test_changed_entry),
		cmocka_unit_test(test_deleted_entry),
		cmocka_unit_test(test_inserted_entry),
		cmocka_unit_test(test_reordered_pair),
		cmocka_unit_test(test_chain_recomputed_without_the_key),
		cmocka_unit_test(test_truncation_before_the_last_checkpoint),
		cmocka_unit_test(test_entry_changed_after_its_checkpoint),
		cmocka_unit_test(test_forged_checkpoints),
		cmocka_unit_test(test_checkpoint_refuses_an_end_that_went_back),
		cmocka_unit_test(test_rotation),
		cmocka_unit_test(test_upgrade_of_a_chain_without_a_key),
		cmocka_unit_test(test_key_taken_away_again_is_refused),
		cmocka_unit_test(test_audit_key_file_is_guarded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
