/* migrate: numbered migrations and their runner (see migrate.h).
 *
 * The SQL is written once for both engines; two tokens stand for what differs: {ID} (an
 * auto-numbered primary key) and {BLOB} (binary data). Never edit a migration that has shipped:
 * add a new one. */
#include "store/migrate.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"

struct migration {
	int version;
	const char *name;
	const char *sql;
};

static const struct migration migrations[] = {
	{1, "records: organisations, users, persons, households, history, audit, policies",
	 "CREATE TABLE organisations ("
	 " id {ID},"
	 " kind TEXT NOT NULL,"
	 " name TEXT NOT NULL,"
	 " municipality TEXT,"
	 " agb TEXT,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE users ("
	 " id {ID},"
	 " username TEXT NOT NULL UNIQUE,"
	 " role TEXT NOT NULL,"
	 " organisation_id BIGINT REFERENCES organisations(id),"
	 " password_hash TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE persons ("
	 " id {ID},"
	 " bsn_hash {BLOB} NOT NULL UNIQUE,"
	 " bsn_sealed {BLOB} NOT NULL,"
	 " given_names TEXT NOT NULL,"
	 " family_name TEXT NOT NULL,"
	 " birth_date TEXT NOT NULL,"
	 " municipality TEXT NOT NULL,"
	 " demo INTEGER NOT NULL DEFAULT 0,"
	 " version INTEGER NOT NULL DEFAULT 1,"
	 " created_at TEXT NOT NULL,"
	 " updated_at TEXT NOT NULL);"
	 "CREATE TABLE households ("
	 " id {ID},"
	 " municipality TEXT NOT NULL,"
	 " version INTEGER NOT NULL DEFAULT 1,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE household_members ("
	 " household_id BIGINT NOT NULL REFERENCES households(id),"
	 " person_id BIGINT NOT NULL REFERENCES persons(id),"
	 " role TEXT NOT NULL,"
	 " PRIMARY KEY (household_id, person_id));"
	 "CREATE TABLE record_history ("
	 " id {ID},"
	 " record_table TEXT NOT NULL,"
	 " record_id BIGINT NOT NULL,"
	 " version INTEGER NOT NULL,"
	 " changed_at TEXT NOT NULL,"
	 " changed_by TEXT NOT NULL,"
	 " before_json TEXT NOT NULL);"
	 "CREATE INDEX record_history_record ON record_history (record_table, record_id);"
	 "CREATE TABLE audit_log ("
	 " id {ID},"
	 " at TEXT NOT NULL,"
	 " actor TEXT NOT NULL,"
	 " action TEXT NOT NULL,"
	 " person_id BIGINT,"
	 " origin TEXT NOT NULL,"
	 " reason TEXT NOT NULL);"
	 "CREATE INDEX audit_log_person ON audit_log (person_id);"
	 "CREATE TABLE policies ("
	 " id {ID},"
	 " region TEXT NOT NULL,"
	 " sha256 TEXT NOT NULL,"
	 " loaded_at TEXT NOT NULL,"
	 " content TEXT NOT NULL,"
	 " UNIQUE (region, sha256));"},
	{2, "course: providers, contracts, help requests, analyses, goals, light options, referrals,"
	    " measures, allocations, deliveries",
	 "CREATE TABLE providers ("
	 " id {ID},"
	 " agb TEXT NOT NULL UNIQUE,"
	 " kvk TEXT,"
	 " name TEXT NOT NULL,"
	 " status TEXT NOT NULL,"
	 " quality TEXT NOT NULL DEFAULT '',"
	 " demo INTEGER NOT NULL DEFAULT 0,"
	 " version INTEGER NOT NULL DEFAULT 1,"
	 " created_at TEXT NOT NULL,"
	 " updated_at TEXT NOT NULL);"
	 /* A contract covers one municipality, or the whole region when municipality is NULL. */
	 "CREATE TABLE contracts ("
	 " id {ID},"
	 " provider_id BIGINT NOT NULL REFERENCES providers(id),"
	 " region TEXT NOT NULL,"
	 " municipality TEXT,"
	 " forms TEXT NOT NULL,"
	 " product_codes TEXT NOT NULL DEFAULT '',"
	 " tariff_cents BIGINT,"
	 " unit TEXT,"
	 " start_date TEXT NOT NULL,"
	 " end_date TEXT,"
	 " capacity INTEGER,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX contracts_provider ON contracts (provider_id);"
	 "CREATE TABLE help_requests ("
	 " id {ID},"
	 " child_id BIGINT NOT NULL REFERENCES persons(id),"
	 " household_id BIGINT REFERENCES households(id),"
	 " raised_by TEXT NOT NULL,"
	 " raised_on TEXT NOT NULL,"
	 " question TEXT NOT NULL,"
	 " municipality TEXT NOT NULL,"
	 " state TEXT NOT NULL,"
	 " version INTEGER NOT NULL DEFAULT 1,"
	 " created_at TEXT NOT NULL,"
	 " updated_at TEXT NOT NULL);"
	 "CREATE INDEX help_requests_child ON help_requests (child_id);"
	 "CREATE TABLE broad_analyses ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " made_on TEXT NOT NULL,"
	 " needs TEXT NOT NULL,"
	 " explanation TEXT NOT NULL,"
	 " participants TEXT NOT NULL,"
	 " hypotheses TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE goals ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " text TEXT NOT NULL,"
	 " review_on TEXT,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE route_advice ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " given_at TEXT NOT NULL,"
	 " policy_region TEXT NOT NULL,"
	 " answer TEXT NOT NULL);"
	 "CREATE TABLE light_options ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " kind TEXT NOT NULL,"
	 " option_id TEXT NOT NULL,"
	 " tried INTEGER NOT NULL,"
	 " why_not_enough TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE referrals ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " referrer_type TEXT NOT NULL,"
	 " agb TEXT,"
	 " referrer_name TEXT NOT NULL,"
	 " referred_on TEXT NOT NULL,"
	 " form INTEGER NOT NULL,"
	 " status TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE measures ("
	 " id {ID},"
	 " child_id BIGINT NOT NULL REFERENCES persons(id),"
	 " kind TEXT NOT NULL,"
	 " court_date TEXT NOT NULL,"
	 " gi_organisation_id BIGINT REFERENCES organisations(id),"
	 " start_date TEXT NOT NULL,"
	 " end_date TEXT,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE allocations ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " number TEXT NOT NULL UNIQUE,"
	 " provider_id BIGINT NOT NULL REFERENCES providers(id),"
	 " referral_id BIGINT REFERENCES referrals(id),"
	 " form INTEGER NOT NULL,"
	 " jz020 TEXT NOT NULL,"
	 " regime TEXT NOT NULL,"
	 " result_description TEXT,"
	 " intensity INTEGER,"
	 " product_code TEXT,"
	 " volume INTEGER,"
	 " unit TEXT,"
	 " frequency TEXT,"
	 " start_date TEXT NOT NULL,"
	 " end_date TEXT,"
	 " change_reason TEXT,"
	 " version INTEGER NOT NULL DEFAULT 1,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX allocations_help_request ON allocations (help_request_id);"
	 "CREATE TABLE deliveries ("
	 " id {ID},"
	 " allocation_id BIGINT NOT NULL REFERENCES allocations(id),"
	 " started_on TEXT NOT NULL,"
	 " stopped_on TEXT,"
	 " end_reason TEXT,"
	 " goals_reached TEXT,"
	 " continues_without_help INTEGER,"
	 " satisfaction INTEGER,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX deliveries_allocation ON deliveries (allocation_id);"},
	{3, "households: coordinator (regisseur)",
	 "ALTER TABLE households ADD COLUMN coordinator_user_id BIGINT REFERENCES users(id);"},
	{4, "social map",
	 "CREATE TABLE social_map ("
	 " id {ID},"
	 " organisation TEXT NOT NULL,"
	 " service TEXT NOT NULL,"
	 " location TEXT,"
	 " municipality TEXT NOT NULL,"
	 " categories TEXT NOT NULL,"
	 " needs TEXT NOT NULL,"
	 " age_min INTEGER,"
	 " age_max INTEGER,"
	 " cost TEXT,"
	 " no_referral INTEGER NOT NULL,"
	 " contact TEXT,"
	 " verified_on TEXT NOT NULL,"
	 " demo INTEGER NOT NULL DEFAULT 0,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX social_map_municipality ON social_map (municipality);"},
	/* Every look-up by a foreign key that v2 left without an index: without them reading a
	 * course scans whole tables, which made the demo quadratic (docs/BENCHMARKS.md). */
	{5, "indexes on the foreign keys a course is read by",
	 "CREATE INDEX broad_analyses_help_request ON broad_analyses (help_request_id);"
	 "CREATE INDEX goals_help_request ON goals (help_request_id);"
	 "CREATE INDEX route_advice_help_request ON route_advice (help_request_id);"
	 "CREATE INDEX light_options_help_request ON light_options (help_request_id);"
	 "CREATE INDEX referrals_help_request ON referrals (help_request_id);"
	 "CREATE INDEX measures_child ON measures (child_id);"
	 "CREATE INDEX household_members_person ON household_members (person_id);"
	 "CREATE INDEX help_requests_household ON help_requests (household_id);"
	 "CREATE INDEX allocations_provider ON allocations (provider_id);"},
	/* The audit log becomes a hash chain (store_audit.c): every entry carries its place in the
	 * chain and a hash over the one before and its own fields; audit_head holds the end of the
	 * chain, so that a removed last entry shows too, and its row lock orders the writers.
	 * Entries written before v6 are chained by jr_store_open on init. The new columns say who
	 * acted in which role for which organisation, and on which object. */
	{6, "audit log: hash chain, role, organisation, object",
	 "ALTER TABLE audit_log ADD COLUMN seq BIGINT;"
	 "ALTER TABLE audit_log ADD COLUMN role TEXT NOT NULL DEFAULT '';"
	 "ALTER TABLE audit_log ADD COLUMN organisation_id BIGINT;"
	 "ALTER TABLE audit_log ADD COLUMN object TEXT NOT NULL DEFAULT '';"
	 "ALTER TABLE audit_log ADD COLUMN hash TEXT;"
	 "CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);"
	 "CREATE TABLE audit_head ("
	 " id INTEGER PRIMARY KEY,"
	 " seq BIGINT NOT NULL,"
	 " hash TEXT NOT NULL);"
	 "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');"},
	/* Login for the server (store_session.c): browser sessions and API tokens in one table, by
	 * the hash of their token only; per user the failed attempts in a row and the moment before
	 * which no new attempt is taken (the rising delay and the temporary lock). */
	{7, "sessions and API tokens; failed logins",
	 "CREATE TABLE sessions ("
	 " id {ID},"
	 " token_hash TEXT NOT NULL UNIQUE,"
	 " user_id BIGINT NOT NULL REFERENCES users(id),"
	 " kind TEXT NOT NULL,"
	 " name TEXT NOT NULL DEFAULT '',"
	 " csrf TEXT NOT NULL,"
	 " created_at TEXT NOT NULL,"
	 " expires_at BIGINT NOT NULL);" /* Unix seconds, as next_login_at */
	 "CREATE INDEX sessions_user ON sessions (user_id);"
	 "ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE users ADD COLUMN next_login_at BIGINT NOT NULL DEFAULT 0;"},
	{8, "persons: sex and address (what an iJw allocation message carries)",
	 "ALTER TABLE persons ADD COLUMN sex TEXT NOT NULL DEFAULT '0';"
	 "ALTER TABLE persons ADD COLUMN street TEXT;"
	 "ALTER TABLE persons ADD COLUMN house_number INTEGER;"
	 "ALTER TABLE persons ADD COLUMN house_letter TEXT;"
	 "ALTER TABLE persons ADD COLUMN house_addition TEXT;"
	 "ALTER TABLE persons ADD COLUMN postcode TEXT;"
	 "ALTER TABLE persons ADD COLUMN place TEXT;"},
	{9, "iJw: messages exchanged, requests for allocation, claims",
	 /* what was exchanged, without its content (which holds BSNs); TR056: an identification
	  * once per kind of message and sender */
	 "CREATE TABLE ijw_messages ("
	 " id {ID},"
	 " direction TEXT NOT NULL,"
	 " code TEXT NOT NULL,"
	 " identification TEXT NOT NULL,"
	 " dagtekening TEXT NOT NULL,"
	 " sender TEXT NOT NULL,"
	 " receiver TEXT NOT NULL,"
	 " status TEXT NOT NULL,"
	 " answers BIGINT REFERENCES ijw_messages(id),"
	 " answer_codes TEXT NOT NULL DEFAULT '',"
	 " created_at TEXT NOT NULL);"
	 "CREATE UNIQUE INDEX ijw_messages_key ON ijw_messages (direction, code, sender,"
	 " identification);"
	 "CREATE INDEX ijw_messages_answers ON ijw_messages (answers);"
	 /* JW315, JW317: a provider's request for allocation or for change (one row per product
	  * asked; the products of one JW317 share its reference), waiting for the municipality's
	  * decision; change_of is the allocation a JW317 asks to change */
	 "CREATE TABLE ijw_requests ("
	 " id {ID},"
	 " kind TEXT NOT NULL,"
	 " change_of BIGINT REFERENCES allocations(id),"
	 " message_id BIGINT NOT NULL REFERENCES ijw_messages(id),"
	 " provider_id BIGINT NOT NULL REFERENCES providers(id),"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " referral_id BIGINT REFERENCES referrals(id),"
	 " reference TEXT NOT NULL,"
	 " jz020 TEXT,"
	 " product_code TEXT,"
	 " start_date TEXT NOT NULL,"
	 " end_date TEXT,"
	 " volume BIGINT,"
	 " unit TEXT,"
	 " frequency TEXT,"
	 " budget_cents BIGINT,"
	 " status TEXT NOT NULL,"
	 " allocation_id BIGINT REFERENCES allocations(id),"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX ijw_requests_reference ON ijw_requests (provider_id, reference);"
	 "CREATE INDEX ijw_requests_change_of ON ijw_requests (change_of);"
	 "CREATE INDEX ijw_requests_message ON ijw_requests (message_id);"
	 "CREATE INDEX ijw_requests_help_request ON ijw_requests (help_request_id);"
	 "CREATE INDEX ijw_requests_referral ON ijw_requests (referral_id);"
	 "CREATE INDEX ijw_requests_allocation ON ijw_requests (allocation_id);"
	 /* JW323: a provider's claim and its lines, each accepted or rejected with its codes */
	 "CREATE TABLE claims ("
	 " id {ID},"
	 " message_id BIGINT NOT NULL REFERENCES ijw_messages(id),"
	 " provider_id BIGINT NOT NULL REFERENCES providers(id),"
	 " number TEXT NOT NULL,"
	 " period_start TEXT NOT NULL,"
	 " period_end TEXT NOT NULL,"
	 " submitted_cents BIGINT NOT NULL,"
	 " granted_cents BIGINT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE UNIQUE INDEX claims_number ON claims (provider_id, number);"
	 "CREATE INDEX claims_message ON claims (message_id);"
	 "CREATE TABLE claim_lines ("
	 " id {ID},"
	 " claim_id BIGINT NOT NULL REFERENCES claims(id),"
	 " provider_id BIGINT NOT NULL REFERENCES providers(id),"
	 " allocation_id BIGINT REFERENCES allocations(id),"
	 " reference TEXT NOT NULL,"
	 " previous_reference TEXT,"
	 " jz020 TEXT NOT NULL,"
	 " product_code TEXT NOT NULL,"
	 " period_start TEXT NOT NULL,"
	 " period_end TEXT NOT NULL,"
	 " volume BIGINT NOT NULL,"
	 " unit TEXT NOT NULL,"
	 " tariff_cents BIGINT,"
	 " amount_cents BIGINT NOT NULL,"
	 " debit INTEGER NOT NULL,"
	 " status TEXT NOT NULL,"
	 " codes TEXT NOT NULL DEFAULT '',"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX claim_lines_claim ON claim_lines (claim_id);"
	 "CREATE INDEX claim_lines_allocation ON claim_lines (allocation_id);"
	 "CREATE INDEX claim_lines_reference ON claim_lines (provider_id, reference);"},
	{10, "allocations: when the end or extent was last changed (sent again as a JW301)",
	 "ALTER TABLE allocations ADD COLUMN changed_at TEXT;"},
	/* The audit chain gets a key (store_audit.c): entries are MACed with keyed BLAKE2b, the
	 * key in a file outside the database. audit_head names the key that MACs the end of the
	 * chain (its id); NULL is a chain without a key, which jr_store_open on init verifies and
	 * re-chains with the key once. */
	{11, "audit log: keyed chain (the key of the chain's end)",
	 "ALTER TABLE audit_head ADD COLUMN key_id TEXT;"},
	/* Accounts an administrator manages (store_session.c): a user can be deactivated (its
	 * sessions and API tokens end, it cannot log in) and made to choose a new password at the
	 * next login (after a reset); an API token records when it was last used, to the minute. */
	{12, "accounts: deactivation, a password to change, when an API token was last used",
	 "ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;"
	 "ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;"
	 "ALTER TABLE sessions ADD COLUMN last_used_at BIGINT NOT NULL DEFAULT 0;"},
	/* A referral says how it came in (source: api, cli, ijw — named in a provider's JW315 —,
	 * demo, or migrated for one recorded before) and which organisation made it: a referrer's
	 * list and reach follow the organisation that referred, not an AGB code a message names.
	 * An API referral keeps the client's Idempotency-Key (one per organisation) with a keyed
	 * fingerprint of the request it answered, and once_key (child/form/day), so that the same
	 * referral is made once a day even by two requests at the same moment. Referrals recorded
	 * before: from a JW315 when a request names them, otherwise the one referring organisation
	 * with their AGB code, if there is exactly one. */
	{13, "referrals: source, referring organisation, idempotency key",
	 "ALTER TABLE referrals ADD COLUMN source TEXT NOT NULL DEFAULT 'migrated';"
	 "ALTER TABLE referrals ADD COLUMN organisation_id BIGINT REFERENCES organisations(id);"
	 "ALTER TABLE referrals ADD COLUMN idempotency_key TEXT;"
	 "ALTER TABLE referrals ADD COLUMN fingerprint TEXT;"
	 "ALTER TABLE referrals ADD COLUMN once_key TEXT;"
	 "CREATE UNIQUE INDEX referrals_idempotency ON referrals (organisation_id, idempotency_key);"
	 "CREATE UNIQUE INDEX referrals_once ON referrals (organisation_id, once_key);"
	 "CREATE INDEX referrals_organisation ON referrals (organisation_id, referred_on);"
	 "UPDATE referrals SET source = 'ijw' WHERE id IN"
	 " (SELECT referral_id FROM ijw_requests WHERE referral_id IS NOT NULL);"
	 "UPDATE referrals SET organisation_id = (SELECT MIN(o.id) FROM organisations o"
	 "  WHERE o.agb = referrals.agb"
	 "  AND o.kind IN ('gp_practice', 'youth_health', 'hospital', 'local_team', 'gi'))"
	 " WHERE source = 'migrated' AND agb IS NOT NULL AND (SELECT COUNT(*) FROM organisations o"
	 "  WHERE o.agb = referrals.agb"
	 "  AND o.kind IN ('gp_practice', 'youth_health', 'hospital', 'local_team', 'gi')) = 1;"},
	/* Who decided an allocation: a GI within its measure, or (NULL) the municipality. A GI
	 * changes only its own (app/access.c). */
	{14, "allocations: the GI whose decision an allocation is",
	 "ALTER TABLE allocations ADD COLUMN gi_organisation_id BIGINT REFERENCES organisations(id);"},
	/* the addresses a user logged in from: when an outsider has made the account reach its
	 * limit of failed attempts, these still get in (app/login.c, docs/security.md) */
	{15, "login: the client addresses of each user's successful logins",
	 "CREATE TABLE login_addresses ("
	 " user_id BIGINT NOT NULL REFERENCES users(id),"
	 " address TEXT NOT NULL,"
	 " last_at TEXT NOT NULL,"
	 " PRIMARY KEY (user_id, address));"},
	/* Whether a debit was credited (TR323, TR390, TR389: store_ijw.c) looks up claim lines by
	 * the reference they credit: without an index every claim line read all the provider's
	 * lines, so taking in claims grew with the square of the lines kept (bench/ijw.sh). */
	{16, "claim lines: by the reference a credit line refers to",
	 "CREATE INDEX claim_lines_previous ON claim_lines (provider_id, previous_reference);"},
	/* The woonplaatsbeginsel (art. 1.1 Jeugdwet; docs/routing.md, issue 13 principle 13): a
	 * help request's municipality is the responsible one; it now also says on what basis
	 * (the BRP residence, or the residence before a running stay) and where the child lived by
	 * the BRP when it was opened. An allocation keeps its own responsible municipality, so
	 * that a move of the child's address does not silently move running care. Recorded before:
	 * both as the help request's municipality. */
	{17, "responsible municipality: a help request's basis, an allocation's own",
	 "ALTER TABLE help_requests ADD COLUMN responsible_basis TEXT NOT NULL DEFAULT 'residence';"
	 "ALTER TABLE help_requests ADD COLUMN residence_municipality TEXT;"
	 "UPDATE help_requests SET residence_municipality = municipality;"
	 "ALTER TABLE allocations ADD COLUMN responsible_municipality TEXT;"
	 "UPDATE allocations SET responsible_municipality = (SELECT h.municipality"
	 " FROM help_requests h WHERE h.id = allocations.help_request_id);"
	 "CREATE INDEX allocations_responsible ON allocations (responsible_municipality);"},
	/* The compulsory framework (issue 13, principle 8): the judge extends a measure to a new
	 * end (measures.end_date holds the end in force; each extension keeps the end before it),
	 * and gives authorisations beside it with their own term (machtiging uithuisplaatsing under
	 * an OTS, machtiging gesloten jeugdhulp). Numbered 18: 17 is the responsible municipality's
	 * (principle 13), made beside it. */
	{18, "measures: extensions and the judge's authorisations",
	 "CREATE TABLE measure_extensions ("
	 " id {ID},"
	 " measure_id BIGINT NOT NULL REFERENCES measures(id),"
	 " court_date TEXT NOT NULL,"
	 " previous_end TEXT NOT NULL,"
	 " new_end TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX measure_extensions_measure ON measure_extensions (measure_id);"
	 "CREATE TABLE measure_authorisations ("
	 " id {ID},"
	 " measure_id BIGINT NOT NULL REFERENCES measures(id),"
	 " kind TEXT NOT NULL,"
	 " court_date TEXT NOT NULL,"
	 " start_date TEXT NOT NULL,"
	 " end_date TEXT,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX measure_authorisations_measure ON measure_authorisations (measure_id);"},
	/* Search (issue 14): names folded (core/namekey.h) into keys, indexed for a prefix search,
	 * and a sort key on the person; {C} compares bytes in PostgreSQL too, so that a prefix is a
	 * range of the index. Existing persons get their keys from the store when it migrates
	 * (store.c), as folding is C, not SQL. docs/security.md, "Names in the search index". */
	{19, "persons: name keys for search",
	 "ALTER TABLE persons ADD COLUMN name_sort TEXT{C};"
	 "CREATE TABLE person_name_keys ("
	 " person_id BIGINT NOT NULL REFERENCES persons(id),"
	 " name_key TEXT{C} NOT NULL);"
	 "CREATE INDEX person_name_keys_key ON person_name_keys (name_key, person_id);"
	 "CREATE INDEX person_name_keys_person ON person_name_keys (person_id);"
	 "CREATE INDEX persons_name_sort ON persons (name_sort, id);"
	 "CREATE INDEX persons_birth_date ON persons (birth_date);"},
	/* Issue 14 point 4: the journal of a help request. A note is never changed: a correction is
	 * a new note naming the one it corrects (corrects), so the record of what was written and
	 * when stays whole. The engine refuses an UPDATE (a trigger on each engine); rows are
	 * deleted only by erasure at the end of the retention period (store_retention.c). */
	{20, "journal: notes per help request, append-only",
	 "CREATE TABLE journal_notes ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " note_date TEXT NOT NULL,"
	 " kind TEXT NOT NULL,"
	 " text TEXT NOT NULL,"
	 " author TEXT NOT NULL,"
	 " corrects BIGINT REFERENCES journal_notes(id),"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX journal_notes_help_request ON journal_notes (help_request_id);"},
	/* Issue 14 point 2: a help request is assigned to a consulent of its municipality's local
	 * team (NULL: in the team's queue). Every assignment and its undoing is a row of
	 * help_request_assignments (who to, by whom, when), so the help request's history shows it.
	 * The indexes serve the work list, which reads the facts of the deadlines of all of a
	 * municipality's open help requests at once (store_deadlines.c): each covers what one of its
	 * queries reads, so that two thousand help requests cost index ranges, not ten thousand
	 * row look-ups (docs/BENCHMARKS.md, "Issue 14: work list"). The column names a user
	 * without a REFERENCES clause (SQLite cannot drop a column that has one, and users are
	 * never deleted, only deactivated); the store checks the assignee before it writes. */
	{21, "work list: help requests assigned to a consulent",
	 "ALTER TABLE help_requests ADD COLUMN assignee_user_id BIGINT;"
	 "CREATE INDEX help_requests_work_list ON help_requests"
	 " (municipality, state, assignee_user_id, child_id, raised_on);"
	 "CREATE INDEX goals_review ON goals (help_request_id, review_on);"
	 "CREATE INDEX allocations_deadlines ON allocations"
	 " (help_request_id, number, start_date, end_date);"
	 "CREATE INDEX deliveries_running ON deliveries (allocation_id, stopped_on);"
	 "CREATE TABLE help_request_assignments ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " assignee_user_id BIGINT REFERENCES users(id),"
	 " assigned_by TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX help_request_assignments_help_request ON help_request_assignments"
	 " (help_request_id);"},
	/* Issue 14 point 5: the decision letter (beschikking) of an allocation, one per decision
	 * (sequence 1 the allocation, each change the next), kept as it was sent: the rendered
	 * HTML, the facts it was rendered from, and the document's SHA-256 (also in the audit
	 * entry letter.issue). The engine refuses an UPDATE, and a DELETE while the allocation
	 * exists: only erasure at the end of the retention period, which removes the allocation
	 * first, takes the letters with it (store_retention.c, by child_id). No foreign key to
	 * allocations for that reason; the store checks the allocation when it adds a letter. */
	{22, "decision letters: one per allocation decision, append-only",
	 "CREATE TABLE decision_letters ("
	 " id {ID},"
	 " allocation_id BIGINT NOT NULL,"
	 " child_id BIGINT NOT NULL,"
	 " sequence INTEGER NOT NULL,"
	 " issued_on TEXT NOT NULL,"
	 " kind TEXT NOT NULL,"
	 " facts TEXT NOT NULL,"
	 " html TEXT NOT NULL,"
	 " sha256 TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE UNIQUE INDEX decision_letters_allocation ON decision_letters"
	 " (allocation_id, sequence);"
	 "CREATE INDEX decision_letters_child ON decision_letters (child_id);"},
	/* Issue 14 point 8: the social map tells what an offer is (its description, searched with
	 * the names), where it is (its address) and how to reach the offer itself (phone, e-mail,
	 * website), beside the free-text contact it had. */
	{23, "social map: description, address and the offer's own contact",
	 "ALTER TABLE social_map ADD COLUMN description TEXT;"
	 "ALTER TABLE social_map ADD COLUMN address TEXT;"
	 "ALTER TABLE social_map ADD COLUMN phone TEXT;"
	 "ALTER TABLE social_map ADD COLUMN email TEXT;"
	 "ALTER TABLE social_map ADD COLUMN website TEXT;"},
	/* Issue 14 point 6: the case page that tells. An evaluation of the plan, between while care
	 * runs and a closing one after, with the facts the consulent states with the family; and
	 * each change of an allocation by the municipality kept as a row of its own (its day and
	 * JZ002 reason), so that the history shows every change, not only the last one the
	 * allocation row holds. Changes made before keep only that last reason: recorded from it. */
	{24, "case page: evaluations and the changes of allocations",
	 "CREATE TABLE evaluations ("
	 " id {ID},"
	 " help_request_id BIGINT NOT NULL REFERENCES help_requests(id),"
	 " kind TEXT NOT NULL,"
	 " held_on TEXT NOT NULL,"
	 " goals_reached TEXT NOT NULL,"
	 " family_view TEXT NOT NULL,"
	 " next_steps TEXT NOT NULL,"
	 " author TEXT NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX evaluations_help_request ON evaluations (help_request_id);"
	 "CREATE TABLE allocation_changes ("
	 " id {ID},"
	 " allocation_id BIGINT NOT NULL REFERENCES allocations(id),"
	 " changed_on TEXT NOT NULL,"
	 " reason TEXT NOT NULL,"
	 " end_date TEXT,"
	 " volume INTEGER,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX allocation_changes_allocation ON allocation_changes (allocation_id);"
	 "INSERT INTO allocation_changes (allocation_id, changed_on, reason, end_date, volume,"
	 " created_at) SELECT id, substr(COALESCE(changed_at, created_at), 1, 10), change_reason,"
	 " end_date, volume, COALESCE(changed_at, created_at) FROM allocations"
	 " WHERE change_reason IS NOT NULL AND change_reason <> '';"},
	/* Issue 14 point 1 at a million persons: a consulent's search by name reads only its own
	 * municipality's keys. Each key carries its person's municipality and sort key, so that the
	 * residents matching a prefix are one range of one index, in the order of the answer's
	 * pages (store_search.c); the persons linked to a municipality that they do not live in
	 * (a help request or responsible care there) are listed apart, kept by the engine's
	 * triggers (engine_sql below), a superset the app still decides on. */
	{25, "search: name keys per municipality, persons linked from outside",
	 "ALTER TABLE person_name_keys ADD COLUMN municipality TEXT;"
	 "ALTER TABLE person_name_keys ADD COLUMN name_sort TEXT{C};"
	 "UPDATE person_name_keys SET"
	 " municipality = (SELECT p.municipality FROM persons p"
	 "  WHERE p.id = person_name_keys.person_id),"
	 " name_sort = (SELECT p.name_sort FROM persons p WHERE p.id = person_name_keys.person_id);"
	 "CREATE INDEX person_name_keys_municipality"
	 " ON person_name_keys (municipality, name_key, name_sort, person_id);"
	 "CREATE INDEX persons_municipality_name ON persons (municipality, name_sort, id);"
	 "CREATE TABLE person_outside_links ("
	 " municipality TEXT NOT NULL,"
	 " person_id BIGINT NOT NULL REFERENCES persons(id),"
	 " PRIMARY KEY (municipality, person_id));"
	 "CREATE INDEX person_outside_links_person ON person_outside_links (person_id);"
	 "CREATE INDEX measures_gi ON measures (gi_organisation_id, child_id);"
	 "INSERT INTO person_outside_links (municipality, person_id)"
	 " SELECT h.municipality, h.child_id FROM help_requests h JOIN persons p ON p.id = h.child_id"
	 " WHERE p.municipality <> h.municipality"
	 " UNION SELECT COALESCE(a.responsible_municipality, h.municipality), h.child_id"
	 " FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
	 " JOIN persons p ON p.id = h.child_id"
	 " WHERE p.municipality <> COALESCE(a.responsible_municipality, h.municipality);"},
	/* Issue 15 point 1: a GP's referral carries a letter (how urgent, what was tried, who
	 * consented; the question is the help request's), and the local team answers the referrer
	 * with a short message that the referrer sees with the progress, without the child's file.
	 * One answer per referral, the latest kept (each one written is in the audit log). The
	 * columns are part of the referral: erased with it (store_retention.c). */
	{26, "referrals: the referral letter and the local team's answer",
	 "ALTER TABLE referrals ADD COLUMN urgency TEXT;"
	 "ALTER TABLE referrals ADD COLUMN tried TEXT;"
	 "ALTER TABLE referrals ADD COLUMN consent TEXT;"
	 "ALTER TABLE referrals ADD COLUMN answer TEXT;"
	 "ALTER TABLE referrals ADD COLUMN answered_on TEXT;"
	 "ALTER TABLE referrals ADD COLUMN answered_by TEXT;"},
	/* Issue 15 point 3: the GI records its measures with the court's reference (the number of
	 * the decision, zaak- or rekestnummer), and each extension keeps its own reference beside
	 * its date and new end. NULL for what was recorded before. Numbered 28: 26 and 27 are
	 * other parts of issue 15, made beside it. */
	{28, "measures: the court's reference of a measure and of each extension",
	 "ALTER TABLE measures ADD COLUMN reference TEXT;"
	 "ALTER TABLE measure_extensions ADD COLUMN reference TEXT;"},
	/* Issue 15 point 4: the contract manager at work. A contract's region is the id of a
	 * policy file (the rows written as free text, "Twente" beside "twente", are made that id);
	 * a contract is edited from the version read and ended, its earlier versions kept in
	 * record_history. Tariffs per product code or result level (OB1..OB4) with their period;
	 * a budget ceiling per provider per year; places per form per provider. None of these
	 * holds anything about a person. */
	{29, "contracts: regions normalised, versions, tariffs, budget ceilings, capacity per form",
	 "UPDATE contracts SET region = LOWER(TRIM(region)) WHERE region <> LOWER(TRIM(region));"
	 "ALTER TABLE contracts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	 "ALTER TABLE contracts ADD COLUMN updated_at TEXT;"
	 "CREATE TABLE contract_tariffs ("
	 " id {ID},"
	 " contract_id BIGINT NOT NULL REFERENCES contracts(id),"
	 " product_code TEXT NOT NULL DEFAULT '',"
	 " level INTEGER NOT NULL DEFAULT 0,"
	 " amount_cents BIGINT NOT NULL,"
	 " unit TEXT NOT NULL,"
	 " valid_from TEXT NOT NULL,"
	 " valid_to TEXT,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX contract_tariffs_contract ON contract_tariffs (contract_id);"
	 "CREATE TABLE budget_ceilings ("
	 " id {ID},"
	 " provider_id BIGINT NOT NULL REFERENCES providers(id),"
	 " year INTEGER NOT NULL,"
	 " amount_cents BIGINT NOT NULL,"
	 " version INTEGER NOT NULL DEFAULT 1,"
	 " created_at TEXT NOT NULL,"
	 " updated_at TEXT NOT NULL,"
	 " UNIQUE (provider_id, year));"
	 "CREATE TABLE provider_capacities ("
	 " provider_id BIGINT NOT NULL REFERENCES providers(id),"
	 " form INTEGER NOT NULL,"
	 " places INTEGER NOT NULL,"
	 " updated_at TEXT NOT NULL,"
	 " PRIMARY KEY (provider_id, form));"
		 "CREATE INDEX allocations_provider_form ON allocations (provider_id, form, start_date);"},
	/* Issue 15 point 5: the administrator at work. Organisations are deactivated (their users
	 * cannot log in), users carry their name and e-mail, and a second factor: a TOTP secret
	 * (RFC 6238) sealed with the vault's key, the last time step used (a code counts once),
	 * and ten recovery codes, each kept as an Argon2id hash behind a short public lookup
	 * part, each used once. A browser session whose password was right but whose code is
	 * still to come is pending. */
	{30, "administration: organisations deactivated, users' name and e-mail, second factor",
	 "ALTER TABLE organisations ADD COLUMN active INTEGER NOT NULL DEFAULT 1;"
	 "ALTER TABLE users ADD COLUMN full_name TEXT;"
	 "ALTER TABLE users ADD COLUMN email TEXT;"
	 "ALTER TABLE sessions ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"
	 "CREATE TABLE second_factors ("
	 " user_id BIGINT PRIMARY KEY REFERENCES users(id),"
	 " secret_sealed {BLOB} NOT NULL,"
	 " confirmed INTEGER NOT NULL DEFAULT 0,"
	 " last_step BIGINT NOT NULL DEFAULT 0,"
	 " created_at TEXT NOT NULL);"
	 "CREATE TABLE recovery_codes ("
	 " id {ID},"
	 " user_id BIGINT NOT NULL REFERENCES users(id),"
	 " lookup TEXT NOT NULL,"
	 " code_hash TEXT NOT NULL,"
	 " used_at TEXT);"
	 "CREATE UNIQUE INDEX recovery_codes_lookup ON recovery_codes (user_id, lookup);"},
};

/* What a migration needs that each engine spells its own way (a trigger's body), run after the
 * migration's own SQL in its transaction. */
static const struct {
	int version;
	const char *sqlite, *postgres;
} engine_sql[] = {
	/* migration 20: the journal is append-only; an UPDATE of a note is refused by the engine */
	{20,
	 "CREATE TRIGGER journal_notes_append_only BEFORE UPDATE ON journal_notes"
	 " BEGIN SELECT RAISE(ABORT, 'journal notes are append-only'); END;",
	 "CREATE FUNCTION journal_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS"
	 " $body$ BEGIN RAISE EXCEPTION 'journal notes are append-only'; END $body$;"
	 "CREATE TRIGGER journal_notes_append_only BEFORE UPDATE ON journal_notes"
	 " FOR EACH ROW EXECUTE FUNCTION journal_notes_append_only();"},
	/* migration 22: a decision letter is never changed, nor removed while its allocation is */
	{22,
	 "CREATE TRIGGER decision_letters_no_update BEFORE UPDATE ON decision_letters"
	 " BEGIN SELECT RAISE(ABORT, 'decision letters are append-only'); END;"
	 "CREATE TRIGGER decision_letters_no_delete BEFORE DELETE ON decision_letters"
	 " WHEN EXISTS (SELECT 1 FROM allocations WHERE id = OLD.allocation_id)"
	 " BEGIN SELECT RAISE(ABORT, 'decision letters are append-only'); END;",
	 "CREATE FUNCTION decision_letters_append_only() RETURNS trigger LANGUAGE plpgsql AS"
	 " $body$ BEGIN"
	 " IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM allocations WHERE id = OLD.allocation_id)"
	 " THEN RAISE EXCEPTION 'decision letters are append-only'; END IF;"
	 " RETURN OLD; END $body$;"
	 "CREATE TRIGGER decision_letters_append_only BEFORE UPDATE OR DELETE ON decision_letters"
	 " FOR EACH ROW EXECUTE FUNCTION decision_letters_append_only();"},
	/* migration 25: the links from outside follow every help request, responsible care and
	 * move; a key follows its person's move. Rows are never removed but by erasure: a stale
	 * link only offers the app a candidate it then refuses. */
	{25,
	 "CREATE TRIGGER help_requests_outside AFTER INSERT ON help_requests BEGIN"
	 " INSERT OR IGNORE INTO person_outside_links (municipality, person_id)"
	 "  SELECT NEW.municipality, NEW.child_id FROM persons p"
	 "  WHERE p.id = NEW.child_id AND p.municipality <> NEW.municipality; END;"
	 "CREATE TRIGGER help_requests_outside_change AFTER UPDATE OF municipality, child_id"
	 " ON help_requests BEGIN"
	 " INSERT OR IGNORE INTO person_outside_links (municipality, person_id)"
	 "  SELECT NEW.municipality, NEW.child_id FROM persons p"
	 "  WHERE p.id = NEW.child_id AND p.municipality <> NEW.municipality; END;"
	 "CREATE TRIGGER allocations_outside AFTER INSERT ON allocations BEGIN"
	 " INSERT OR IGNORE INTO person_outside_links (municipality, person_id)"
	 "  SELECT COALESCE(NEW.responsible_municipality, h.municipality), h.child_id"
	 "  FROM help_requests h JOIN persons p ON p.id = h.child_id WHERE h.id = NEW.help_request_id"
	 "  AND p.municipality <> COALESCE(NEW.responsible_municipality, h.municipality); END;"
	 "CREATE TRIGGER allocations_outside_change AFTER UPDATE OF responsible_municipality,"
	 " help_request_id ON allocations BEGIN"
	 " INSERT OR IGNORE INTO person_outside_links (municipality, person_id)"
	 "  SELECT COALESCE(NEW.responsible_municipality, h.municipality), h.child_id"
	 "  FROM help_requests h JOIN persons p ON p.id = h.child_id WHERE h.id = NEW.help_request_id"
	 "  AND p.municipality <> COALESCE(NEW.responsible_municipality, h.municipality); END;"
	 "CREATE TRIGGER persons_moved AFTER UPDATE OF municipality ON persons"
	 " WHEN OLD.municipality IS NOT NEW.municipality BEGIN"
	 " UPDATE person_name_keys SET municipality = NEW.municipality WHERE person_id = NEW.id;"
	 " INSERT OR IGNORE INTO person_outside_links (municipality, person_id)"
	 "  SELECT h.municipality, h.child_id FROM help_requests h"
	 "  WHERE h.child_id = NEW.id AND h.municipality <> NEW.municipality"
	 "  UNION SELECT COALESCE(a.responsible_municipality, h.municipality), h.child_id"
	 "  FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
	 "  WHERE h.child_id = NEW.id"
	 "  AND COALESCE(a.responsible_municipality, h.municipality) <> NEW.municipality; END;",
	 /* PostgreSQL: one function per trigger, the same statements */
	 "CREATE FUNCTION help_requests_outside() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN"
	 " INSERT INTO person_outside_links (municipality, person_id)"
	 "  SELECT NEW.municipality, NEW.child_id FROM persons p"
	 "  WHERE p.id = NEW.child_id AND p.municipality <> NEW.municipality"
	 "  ON CONFLICT DO NOTHING; RETURN NULL; END $body$;"
	 "CREATE TRIGGER help_requests_outside AFTER INSERT OR UPDATE OF municipality, child_id"
	 " ON help_requests FOR EACH ROW EXECUTE FUNCTION help_requests_outside();"
	 "CREATE FUNCTION allocations_outside() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN"
	 " INSERT INTO person_outside_links (municipality, person_id)"
	 "  SELECT COALESCE(NEW.responsible_municipality, h.municipality), h.child_id"
	 "  FROM help_requests h JOIN persons p ON p.id = h.child_id WHERE h.id = NEW.help_request_id"
	 "  AND p.municipality <> COALESCE(NEW.responsible_municipality, h.municipality)"
	 "  ON CONFLICT DO NOTHING; RETURN NULL; END $body$;"
	 "CREATE TRIGGER allocations_outside AFTER INSERT OR UPDATE OF responsible_municipality,"
	 " help_request_id ON allocations FOR EACH ROW EXECUTE FUNCTION allocations_outside();"
	 "CREATE FUNCTION persons_moved() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN"
	 " UPDATE person_name_keys SET municipality = NEW.municipality WHERE person_id = NEW.id;"
	 " INSERT INTO person_outside_links (municipality, person_id)"
	 "  SELECT h.municipality, h.child_id FROM help_requests h"
	 "  WHERE h.child_id = NEW.id AND h.municipality <> NEW.municipality"
	 "  UNION SELECT COALESCE(a.responsible_municipality, h.municipality), h.child_id"
	 "  FROM allocations a JOIN help_requests h ON h.id = a.help_request_id"
	 "  WHERE h.child_id = NEW.id"
	 "  AND COALESCE(a.responsible_municipality, h.municipality) <> NEW.municipality"
	 "  ON CONFLICT DO NOTHING; RETURN NULL; END $body$;"
	 "CREATE TRIGGER persons_moved AFTER UPDATE OF municipality ON persons FOR EACH ROW"
	 " WHEN (OLD.municipality IS DISTINCT FROM NEW.municipality)"
	 " EXECUTE FUNCTION persons_moved();"},
};

#define MIGRATION_COUNT (sizeof(migrations) / sizeof(migrations[0]))

int jr_schema_version(void)
{
	return migrations[MIGRATION_COUNT - 1].version;
}

/* The migration's SQL with the engine's spelling of {ID}, {BLOB} and {C}. */
static enum jr_err render(const char *sql, enum jr_db_engine engine, struct jr_buf *out)
{
	const char *id = engine == JR_DB_SQLITE ? "INTEGER PRIMARY KEY"
						: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
	const char *blob = engine == JR_DB_SQLITE ? "BLOB" : "BYTEA";
	enum jr_err err = JR_OK;

	for (const char *p = sql; *p && !err; p++) {
		if (strncmp(p, "{ID}", 4) == 0) {
			err = jr_buf_puts(out, id);
			p += 3;
		} else if (strncmp(p, "{BLOB}", 6) == 0) {
			err = jr_buf_puts(out, blob);
			p += 5;
		} else if (strncmp(p, "{C}", 3) == 0) { /* byte order: a prefix is a range */
			err = engine == JR_DB_SQLITE ? JR_OK : jr_buf_puts(out, " COLLATE \"C\"");
			p += 2;
		} else {
			err = jr_buf_putc(out, *p);
		}
	}
	return err;
}

enum jr_err jr_schema_version_of(struct jr_db *db, int *version)
{
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row;

	*version = 0;
	err = jr_db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
			     " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
			     " applied_at TEXT NOT NULL)");
	if (!err)
		err = jr_db_prepare(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", &st);
	if (!err)
		err = jr_db_step(st, &row);
	if (!err && row)
		*version = (int)jr_db_col_int(st, 0);
	jr_db_finalize(st);
	return err;
}

enum jr_err jr_migrate(struct jr_db *db, int *from, char msg[JR_DB_ERRMSG_MAX])
{
	struct jr_buf sql;
	struct jr_db_stmt *st = NULL;
	enum jr_err err;
	bool row, in_tx = false;

	msg[0] = '\0';
	jr_buf_init(&sql, 1 << 20);
	err = jr_schema_version_of(db, from);
	if (err) {
		snprintf(msg, JR_DB_ERRMSG_MAX, "schemaversie lezen mislukt: %s", jr_db_errmsg(db));
		goto out;
	}
	if (*from > jr_schema_version()) {
		snprintf(msg, JR_DB_ERRMSG_MAX,
			 "de database heeft schemaversie %d, nieuwer dan deze jeugdroute (%d); "
			 "gebruik een nieuwere versie van het programma",
			 *from, jr_schema_version());
		err = JR_ERR_STORE;
		goto out;
	}
	for (size_t i = 0; i < MIGRATION_COUNT; i++) {
		const struct migration *m = &migrations[i];
		char version_pragma[48];
		if (m->version <= *from)
			continue;
		jr_buf_reset(&sql);
		if ((err = render(m->sql, jr_db_engine(db), &sql)))
			goto fail;
		for (size_t e = 0; !err && e < sizeof(engine_sql) / sizeof(engine_sql[0]); e++)
			if (engine_sql[e].version == m->version)
				err = jr_buf_puts(&sql, jr_db_engine(db) == JR_DB_SQLITE
								? engine_sql[e].sqlite
								: engine_sql[e].postgres);
		if (err || (err = jr_db_begin(db)))
			goto fail;
		in_tx = true;
		if ((err = jr_db_exec(db, jr_buf_str(&sql))) ||
		    (err = jr_db_prepare(db, "INSERT INTO schema_migrations (version, name, applied_at)"
					     " VALUES ($1, $2, CURRENT_TIMESTAMP)",
					 &st)) ||
		    (err = jr_db_bind_int(st, 1, m->version)) ||
		    (err = jr_db_bind_text(st, 2, m->name)) || (err = jr_db_step(st, &row)))
			goto fail;
		jr_db_finalize(st);
		st = NULL;
		if (jr_db_engine(db) == JR_DB_SQLITE) {
			snprintf(version_pragma, sizeof(version_pragma), "PRAGMA user_version = %d",
				 m->version);
			if ((err = jr_db_exec(db, version_pragma)))
				goto fail;
		}
		if ((err = jr_db_commit(db)))
			goto fail;
		in_tx = false;
	}
	goto out;
fail:
	snprintf(msg, JR_DB_ERRMSG_MAX, "migratie mislukt: %s", jr_db_errmsg(db));
	jr_db_finalize(st);
	if (in_tx)
		jr_db_rollback(db);
out:
	jr_buf_release(&sql);
	return err;
}
