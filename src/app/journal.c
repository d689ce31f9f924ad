/* journal: the notes of a help request (journal.h). */
#include "app/journal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/access.h"
#include "core/text.h"

static const struct jr_note_kind kinds[] = {
    {"conversation", "gesprek"},
    {"phone_call", "telefoongesprek"},
    {"home_visit", "huisbezoek"},
    {"consultation", "consultatie"},
};

#define KIND_COUNT (sizeof(kinds) / sizeof(kinds[0]))

const struct jr_note_kind *jr_app_journal_kinds(size_t *count)
{
	*count = KIND_COUNT;
	return kinds;
}

const struct jr_note_kind *jr_app_journal_kind_find(const char *s)
{
	for (size_t i = 0; s && i < KIND_COUNT; i++)
		if (strcmp(s, kinds[i].code) == 0 || strcasecmp(s, kinds[i].label) == 0)
			return &kinds[i];
	return NULL;
}

static bool is(const struct jr_principal *p, const char *role)
{
	return strcmp(p->role, role) == 0;
}

/* Whether the principal reads (with `write`: adds to) the journal of help request `id`. Only a
 * consulent of the help request's own municipality and the GI of the child's measure: a
 * consulent of another municipality that sees the child (care it pays for) does not read the
 * notes of this municipality's conversations. Out of reach is answered as not found, with an
 * "access.denied" audit entry. */
enum jr_err jr_app_journal_reach(struct jr_app *app, int64_t id, bool write)
{
	const struct jr_principal *p = app->principal;
	struct jr_person_links l;
	struct jr_reach r;
	char municipality[5] = "", object[48];
	int64_t child = 0;
	bool found, seen = false;
	enum jr_err err;

	if ((err = jr_store_help_request_owner(app->store, id, &child, municipality, &found)))
		return err;
	if (!p) {
		if (!found)
			return jr_app_fail(
			    app, JR_ERR_NOT_FOUND, NULL,
			    "hulpvraag niet gevonden: geen hulpvraag met dit nummer");
		return JR_OK;
	}
	if (found && (is(p, "consulent") || is(p, "gi"))) {
		if ((err = jr_store_person_links(app->store, child, p, &l)))
			return err;
		jr_app_access_periods(app->policies, p, &l, app->today, &r);
		seen = jr_app_access_sees(p, &l, &r, app->today) &&
		       (is(p, "gi") || strcmp(municipality, p->municipality) == 0);
	}
	snprintf(object, sizeof(object), "journal:%lld", (long long)id);
	if (!seen) {
		if ((err = jr_store_audit_event(app->store, app->actor, "access.denied",
		                                found ? child : 0, object)))
			return err;
		return jr_app_fail(app, JR_ERR_NOT_FOUND, NULL,
		                   "geen hulpvraag met dit nummer binnen uw bereik");
	}
	if (write && !jr_app_access_changes_case(p, &l, &r, app->today, municipality)) {
		if ((err = jr_store_audit_event(app->store, app->actor, "access.denied", child,
		                                object)))
			return err;
		return jr_app_fail(app, JR_ERR_FORBIDDEN, NULL,
		                   "de maatregel is afgelopen: u kunt het journaal nog lezen, maar "
		                   "geen notitie meer toevoegen");
	}
	return JR_OK;
}

enum jr_err jr_app_journal_add(struct jr_app *app, const struct jr_note *in, struct jr_note *out)
{
	const struct jr_note_kind *k;
	enum jr_err err;

	if ((err = jr_app_journal_reach(app, in->help_request_id, true)))
		return err;
	if (!(k = jr_app_journal_kind_find(in->kind)))
		return jr_app_fail(app, JR_ERR_INPUT, "kind",
		                   "kies de soort notitie: gesprek, telefoongesprek, huisbezoek of "
		                   "consultatie");
	if (!in->text[0])
		return jr_app_fail(app, JR_ERR_INPUT, "text", "schrijf de notitie op");
	if (!jr_text_valid(in->text, JR_NOTE_TEXT_MAX + 1, true))
		return jr_app_fail(
		    app, JR_ERR_INPUT, "text",
		    "de notitie is te lang (ten hoogste %d bytes) of bevat tekens die "
		    "niet in een tekst horen",
		    JR_NOTE_TEXT_MAX);
	if (in->date > app->today)
		return jr_app_fail(
		    app, JR_ERR_INPUT, "date",
		    "de datum ligt in de toekomst: een notitie gaat over wat gebeurd is");
	if (in->corrects < 0)
		return jr_app_fail(app, JR_ERR_INPUT, "corrects", "geen notitie met dit nummer");
	*out = *in;
	snprintf(out->kind, sizeof(out->kind), "%s", k->code);
	if (!out->date)
		out->date = app->today;
	out->corrected_by = 0;
	err = jr_store_note_add(app->store, app->actor, out);
	if (err == JR_ERR_NOT_FOUND)
		return jr_app_fail(app, JR_ERR_INPUT, "corrects",
		                   "de notitie die u verbetert hoort niet bij deze hulpvraag");
	return err;
}

enum jr_err jr_app_journal_list(struct jr_app *app, int64_t id, jr_note_fn fn, void *ctx)
{
	enum jr_err err;

	if ((err = jr_app_journal_reach(app, id, false)))
		return err;
	return jr_store_notes_list(app->store, app->actor, id, fn, ctx);
}
