/* ijw_rules: the business rules of the iJw 3.2 rule report (Regelrapport) that a message can be
 * checked against on its own — the "bericht inhoud" rules (TR, CS, CD with return code 0001) of
 * the messages jeugdroute takes in (JW305, JW307, JW315, JW317, JW323) and of its own JW301 and
 * JW319 (checked as their receiver checks them, `ijw validate`), and the two that need only the
 * system date or the message itself (TR135, TR346). Rules that need earlier messages or the
 * records (TR019, TR338, TR418, …) are checked where the records are (app/ijw_import.c).
 *
 * Every rule is cited by its code where it is checked; each finding names the rule, its return
 * code (WJ001), where it is (the header, a client or a line) and says in Dutch what is wrong.
 * A code that is not valid on the message's date (the validity dates of the code lists) is
 * refused too, named by its list ("WJ756") with return code 0001. */
#ifndef JR_IJW_IJW_RULES_H
#define JR_IJW_IJW_RULES_H

#include <stddef.h>

#include "core/date.h"
#include "core/err.h"
#include "ijw/ijw_message.h"

/* Where a finding is: the header, the message's own class (the Declaratie of a claim, JW323;
 * the Verzoek of a request for change, JW317; the Antwoord of a JW319), a client, a line, or
 * in a JW301 a Relatie or a Contact (index into the message's relations or contacts). */
enum jr_ijw_place {
	JR_IJW_AT_HEADER,
	JR_IJW_AT_CLASS,
	JR_IJW_AT_CLIENT,
	JR_IJW_AT_LINE,
	JR_IJW_AT_RELATION,
	JR_IJW_AT_CONTACT
};

struct jr_ijw_finding {
	char rule[8];   /* "TR134" */
	char code[5];   /* the return code (WJ001): "0001", "8848", … */
	enum jr_ijw_place at;
	size_t index;   /* the client or line it is about */
	int line;       /* its line in the file, 0 when unknown */
	char message[240];
};

/* The findings of one message, in the order found; at most JR_IJW_FINDINGS_MAX are kept (the
 * rest are counted in `dropped`, until the checks of pairs of lines stop because the message is
 * rejected whole anyway: then `dropped` is a lower bound). */
#define JR_IJW_FINDINGS_MAX 1000
struct jr_ijw_findings {
	struct jr_ijw_finding *items;
	size_t count, cap, dropped;
};

/* Adds a finding (the message formatted like printf). JR_ERR_NOMEM when memory ran out. */
enum jr_err jr_ijw_finding_add(struct jr_ijw_findings *f, const char *rule, const char *code,
			       enum jr_ijw_place at, size_t index, int line, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
void jr_ijw_findings_release(struct jr_ijw_findings *f);

/* Whether any finding has return code 0001: a "bericht inhoud" error, which rejects the whole
 * message and is answered with the header only (IV028). */
bool jr_ijw_findings_technical(const struct jr_ijw_findings *f);

/* Checks `m` against the rules of its kind, with `today` as the system date (TR135); appends
 * to *f. JR_OK also when rules are broken (they are in *f); JR_ERR_NOMEM when memory ran out. */
enum jr_err jr_ijw_check_rules(const struct jr_ijw_msg *m, jr_day today,
			       struct jr_ijw_findings *f);

#endif
