/* search: finding a child within one's reach by BSN, name and birth date (issue 14), the same
 * for the command line (`jeugdroute person search`) and the API (POST /api/v1/persons/search).
 *
 * The store finds the candidates (store/search.h: the BSN through its keyed hash, the name
 * through folded keys, the birth date exactly); a user sees only those in its reach
 * (app/access.c), the others are left out as if they did not exist. The search is audited with
 * the kinds of criteria given — never their values — and every person returned. */
#ifndef JR_APP_SEARCH_H
#define JR_APP_SEARCH_H

#include "app/app.h"
#include "store/search.h"

#define JR_SEARCH_LIMIT 50    /* results at most; more says there are others */
#define JR_SEARCH_OPEN_MAX 8  /* open help requests shown per person */
#define JR_SEARCH_SCAN_MAX 2000 /* candidates a user's search looks at before it stops */

/* The criteria as given, as text; NULL or "" is not given. */
struct jr_search_input {
	const char *bsn;        /* 9 digits, elfproef */
	const char *name;       /* at least 2 letters: a prefix of family and/or given names */
	const char *birth_date; /* YYYY-MM-DD */
};

struct jr_search_result {
	struct jr_person_hit person;
	int age; /* on app->today */
	struct jr_open_request open[JR_SEARCH_OPEN_MAX];
	size_t open_count; /* how many there are (may be more than shown) */
};

struct jr_search_answer {
	char criteria[32]; /* the kinds given, e.g. "name+birth_date" */
	struct jr_search_result results[JR_SEARCH_LIMIT];
	size_t count;
	bool more; /* there are more than JR_SEARCH_LIMIT, or the search stopped looking: refine */
};

/* Searches; *out filled (sorted by family name, given names). JR_ERR_FORBIDDEN for a role that
 * reads no persons; JR_ERR_INPUT naming the field (bsn, name, birth_date; none given: no
 * field). Nothing found is JR_OK with count 0. */
enum jr_err jr_app_person_search(struct jr_app *app, const struct jr_search_input *in,
				 struct jr_search_answer *out);

#endif
