/* args: the one option parser of the commands (table-driven options, or `--name value` pairs
 * collected once, then taken and checked by name), with one Dutch error line per problem. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/text.h"

/* What the one option parser below accepts besides the shared database options. */
struct parse {
	const char *what;		  /* the command, for messages */
	const char *sub;		  /* its subcommand, for messages; NULL when not named */
	int first;			  /* the first argument to parse */
	const struct jr_cli_opt *opts;	  /* the options, each of some subcommands */
	size_t nopts;
	struct jr_cli_db *db;
	struct jr_args *pairs;		  /* non-NULL: collects any other --name value pair */
	const char **id;		  /* non-NULL: takes one positional id */
	bool id_any;			  /* the id may start with '-' (when pairs are collected) */
	bool *demo;			  /* non-NULL: takes --demo */
};

static bool has_word(const char *list, const char *word);

/* The one option parser of the commands: argv[p->first..] into the database options, the
 * table's options, --name value pairs, --demo and one id, as `p` allows. Fills in the database
 * defaults. 0, or 2 after reporting. */
static int parse(int argc, char **argv, const struct parse *p)
{
	for (int i = p->first; i < argc; i++) {
		const char *arg = argv[i];
		const struct jr_cli_opt *o = NULL;
		int r = jr_cli_db_option(argc, argv, &i, p->db);
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		for (size_t k = 0; k < p->nopts && !o; k++)
			if (strcmp(arg, p->opts[k].name) == 0)
				o = &p->opts[k];
		if (o && !has_word(o->cmds, p->sub)) {
			jr_cli_error("%s %s: %s hoort niet bij deze opdracht; zie jeugdroute %s --help",
				     p->what, p->sub, o->name, p->what);
			return 2;
		}
		if (o) {
			if (i + 1 >= argc) {
				jr_cli_error("%s: %s verwacht een waarde", p->what, arg);
				return 2;
			}
			*o->slot = argv[++i];
		} else if (p->demo && strcmp(arg, "--demo") == 0) {
			*p->demo = true;
		} else if (p->pairs && strncmp(arg, "--", 2) == 0 && arg[2]) {
			struct jr_args *h = p->pairs;
			if (i + 1 >= argc || h->count >= JR_ARGS_MAX) {
				jr_cli_error("%s: %s verwacht een waarde", p->what, arg);
				return 2;
			}
			h->names[h->count] = arg + 2;
			h->values[h->count++] = argv[++i];
		} else if (p->id && !*p->id && (p->id_any || arg[0] != '-')) {
			*p->id = arg;
		} else if (p->pairs) {
			/* Not echoed: a stray argument may hold personal data. */
			jr_cli_error("%s: onverwacht extra argument; zie jeugdroute %s --help", p->what,
				     p->what);
			return 2;
		} else if (arg[0] == '-') {
			jr_cli_error("%s %s: onbekende optie \"%.40s\"; zie jeugdroute %s --help",
				     p->what, p->sub, arg, p->what);
			return 2;
		} else {
			/* a stray value is not echoed: it may be anything */
			jr_cli_error("%s %s: een argument te veel; zie jeugdroute %s --help", p->what,
				     p->sub, p->what);
			return 2;
		}
	}
	jr_cli_db_defaults(p->db);
	return 0;
}

int jr_args_parse(int argc, char **argv, int first, struct jr_args *h)
{
	const struct parse p = {.what = h->command, .first = first, .db = &h->db, .pairs = h,
				.id = &h->id, .id_any = true};

	return parse(argc, argv, &p);
}

const char *jr_args_get(const struct jr_args *h, const char *name)
{
	for (int i = 0; i < h->count; i++)
		if (strcmp(h->names[i], name) == 0)
			return h->values[i];
	return NULL;
}

int jr_args_only(const struct jr_args *h, const char *sub, const char *const *allowed)
{
	for (int i = 0; i < h->count; i++) {
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			ok |= strcmp(*a, h->names[i]) == 0;
		if (!ok) {
			jr_cli_error("%s%s%s: onbekende optie --%s; zie jeugdroute %s --help",
				     h->command, sub[0] ? " " : "", sub, h->names[i], h->command);
			return 2;
		}
	}
	return 0;
}

int jr_args_id(const char *s, int64_t *out)
{
	char *end = NULL;
	long long v = s ? strtoll(s, &end, 10) : 0;

	if (!s || !*s || *end || v <= 0)
		return -1;
	*out = v;
	return 0;
}

int jr_args_date(const struct jr_args *h, const char *name, jr_day dflt, jr_day *out)
{
	const char *v = jr_args_get(h, name);

	if (!v) {
		*out = dflt;
		return 0;
	}
	if (jr_date_parse(v, strlen(v), out)) {
		jr_cli_error("%s: veld %s: geen bestaande datum; verwacht JJJJ-MM-DD", h->command,
			     name);
		return 2;
	}
	return 0;
}

int jr_args_text(const struct jr_args *h, const char *name, bool required, char *dst, size_t cap)
{
	const char *v = jr_args_get(h, name);

	dst[0] = '\0';
	if (!v && !required)
		return 0;
	if (!v || !jr_text_valid(v, cap, true)) {
		jr_cli_error("%s: veld %s: verwacht tekst van 1 tot %zu tekens, zonder stuurtekens",
			     h->command, name, cap - 1);
		return 2;
	}
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

jr_day jr_args_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return jr_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Whether `word` is one of the space-separated words of `list`. */
static bool has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

int jr_cli_parse_table(int argc, char **argv, const char *what, const struct jr_cli_opt *opts,
		       size_t nopts, struct jr_cli_db *db, const char **id, bool *demo)
{
	/* Every subcommand but "add" takes an id. */
	const struct parse p = {.what = what, .sub = argv[1], .first = 2, .opts = opts,
				.nopts = nopts, .db = db, .id = id && strcmp(argv[1], "add") != 0 ? id : NULL,
				.demo = demo && strcmp(argv[1], "add") == 0 ? demo : NULL};

	return parse(argc, argv, &p);
}

int jr_cli_number(const char *s, long long min, long long max, long long *out)
{
	char *end = NULL;
	long long v;

	if (!isdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int jr_cli_field_error(const char *what, const char *field, const char *message)
{
	jr_cli_error("%s: veld %s: %s", what, field, message);
	return 2;
}
