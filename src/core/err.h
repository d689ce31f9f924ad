/* err: the one error enum of jeugdroute and its names.
 *
 * Every fallible function returns enum jr_err; outputs go through pointers. JR_OK is 0 so that
 * `if (err) goto out;` reads naturally. One table maps them to the CLI's exit statuses
 * (jr_err_exit_status); the server maps them to HTTP statuses itself (jr_http_status_of in
 * http/request.h): the core knows no protocol. */
#ifndef JR_CORE_ERR_H
#define JR_CORE_ERR_H

enum jr_err {
	JR_OK = 0,
	JR_ERR_NOMEM,     /* an allocation failed */
	JR_ERR_INPUT,     /* input from outside is malformed or out of range */
	JR_ERR_TOO_BIG,   /* input exceeds a bound (size, depth, count) */
	JR_ERR_NOT_FOUND, /* a looked-up thing (municipality, file) does not exist */
	JR_ERR_POLICY,    /* a policy file is invalid */
	JR_ERR_IO,        /* reading or writing a file failed */
	JR_ERR_USAGE,     /* the command line is wrong */
	JR_ERR_CONFLICT,  /* the record exists already, or changed since it was read */
	JR_ERR_REFUSED,   /* a rule forbids the change (the caller explains which) */
	JR_ERR_FORBIDDEN, /* the one who asks may not do this (role or reach; the caller explains) */
	JR_ERR_STORE,     /* the database failed or is not usable (e.g. newer than the program) */
	JR_ERR_INTERNAL,  /* a bug: a state that should be impossible */
	JR_ERR__COUNT
};

/* `err = expr`, and on failure to the function's `out:` label: the one way a function with a
 * single exit stops at the first error (declare `enum jr_err err` and end with `out:`). */
#define TRY(expr)                                                                                  \
	do {                                                                                       \
		if ((err = (expr)) != JR_OK)                                                       \
			goto out;                                                                  \
	} while (0)

/* Short English name of an error, for logs; never NULL. */
const char *jr_err_name(enum jr_err err);

/* Process exit status for an error: 0 ok, 2 bad input or usage, 1 everything else. */
int jr_err_exit_status(enum jr_err err);

#endif
