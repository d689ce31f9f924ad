/* cmd_help_request: `jeugdroute help-request` — a family's question for help and its course:
 * register it, record the broad analysis, the goals, the light options weighed and the route
 * advice, and move it step by step (each step checked by core/course.c). Answers in JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/advice.h"
#include "app/course.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "json/answer_json.h"
#include "view/view_course.h"
#include "app/deadlines.h"
#include "cli/json_out.h"
#include "view/view_deadline.h"
#include "view/view_journal.h"
#include "view/view_worklist.h"
#include "app/worklist.h"
#include "app/casefile.h"
#include "view/view_casefile.h"

const char jr_usage_help_request[] =
	"Gebruik: jeugdroute help-request add --child ID --raised-by WIE --question TEKST\n"
	"                                     [--raised-on JJJJ-MM-DD] [--household ID]\n"
	"         jeugdroute help-request show ID\n"
	"         jeugdroute help-request analysis ID --needs domein=ernst,… --explanation TEKST\n"
	"                                     --participants WIE [--hypotheses TEKST] [--made-on D]\n"
	"         jeugdroute help-request goal ID --text TEKST [--review-on JJJJ-MM-DD]\n"
	"         jeugdroute help-request light-option ID --option AANBOD --tried ja|nee\n"
	"                                     [--why-not-enough TEKST]\n"
	"         jeugdroute help-request advice ID [--flags a,b] [--court-measure M] [--today D]\n"
	"                                     (zonder --court-measure: de maatregel uit de dossiers)\n"
	"         jeugdroute help-request move ID --to STAP --version V\n"
	"         jeugdroute help-request deadlines ID [--today JJJJ-MM-DD]\n"
	"         jeugdroute help-request note ID --kind SOORT --text TEKST [--date JJJJ-MM-DD]\n"
	"                                     [--corrects NOTITIE]\n"
	"         jeugdroute help-request notes ID\n"
	"         jeugdroute help-request assign ID --to GEBRUIKER|--none ja [--version V]\n"
	"         jeugdroute help-request list --municipality CODE [--mine GEBRUIKER]\n"
	"                                     [--assignee GEBRUIKER|none] [--state STAP]\n"
	"                                     [--deadline overdue|soon|any] [--sort deadline|raised]\n"
	"                                     [--page N] [--per-page N] [--today JJJJ-MM-DD]\n"
	"         jeugdroute help-request case ID [--today JJJJ-MM-DD]\n"
	"         jeugdroute help-request evaluation ID --kind interim|closing\n"
	"                                     --goals-reached yes|partly|no --family-view TEKST\n"
	"                                     [--next-steps TEKST] [--held-on JJJJ-MM-DD]\n"
	"\n"
	"Een hulpvraag hoort bij een kind (person) en bij de gemeente waar het kind woont. Het\n"
	"verloop: registered → analysed → planned → in_care → evaluated → closed; withdrawn kan\n"
	"altijd zolang de vraag open is. Elke stap wordt gecontroleerd: geanalyseerd pas na de brede\n"
	"analyse, een plan pas met een doel en met het routeadvies en de afgewogen lichte opties, …\n"
	"Een geweigerde stap zegt waarom (afsluitcode 2).\n"
	"\n"
	"  --raised-by   family, child, school, childcare, gp, youth_health, police,\n"
	"                veilig_thuis, local_team, gi, other\n"
	"  --needs       ernst 0-4 per domein: parenting, development, behaviour, mental_health,\n"
	"                school, family, social, substance_use, safety, livelihood, disability\n"
	"  --option      een aanbod uit de sociale basis of zonder verwijzing van de regio\n"
	"                (zie jeugdroute policy show); --why-not-enough is nodig bij niet geprobeerd\n"
	"                of niet voldoende\n"
	"  advice        routeert met de laatste analyse, legt het antwoord vast en toont het\n"
	"  deadlines     de termijnen die lopen (besluit, iJw-antwoord, start, einde, evaluatie,\n"
	"                18 jaar, maatregel) met hun stand en wettelijke bron; zie docs/deadlines.md\n"
	"  note          een notitie in het journaal: --kind gesprek, telefoongesprek, huisbezoek of\n"
	"                consultatie; --date standaard vandaag; een notitie wordt nooit gewijzigd:\n"
	"                --corrects NOTITIE voegt een verbetering toe en laat het origineel staan\n"
	"  notes         het journaal van de hulpvraag, nieuwste eerst\n"
	"  assign        wijst de hulpvraag toe aan een actieve consulent van het lokale team\n"
	"                van haar gemeente (--to: nummer of gebruikersnaam), of zet haar terug in\n"
	"                de wachtrij van het team (--none ja); --version: de gelezen versie\n"
	"                (zonder: de huidige); komt in de geschiedenis van de hulpvraag\n"
	"  list          de werklijst van een gemeente met het aantal per stap: --mine of\n"
	"                --assignee (gebruikersnaam, nummer of none: de wachtrij van het team),\n"
	"                --state (open, all, review_due of een stap), --deadline (de\n"
	"                dichtstbijzijnde termijn verlopen of binnenkort), --sort deadline\n"
	"                (dichtstbijzijnde termijn eerst); zie docs/worklist.md\n"
	"  case          de pagina van de hulpvraag: het kind (BSN gemaskeerd, leeftijd op --today),\n"
	"                huishouden en regisseur, analyse, laatste routeadvies, doelen, evaluaties\n"
	"  evaluation    een evaluatie: interim terwijl de zorg loopt, closing nadat ze stopte (brengt\n"
	"                een hulpvraag in zorg naar evaluated); niets wordt aangenomen\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND, --reason TEKST, --policy-dir MAP.\n";


/* Reports the failure of a use case on a help request: "geweigerd: …" and the rule's words for
 * a refusal by a rule of the course, the field and message otherwise; the exit status. */
static int fail(enum jr_err err, const struct jr_diag *diag, const char *sub)
{
	char what[48];

	snprintf(what, sizeof(what), "help-request %s%s", sub,
		 err == JR_ERR_REFUSED ? ": geweigerd" : "");
	if (err == JR_ERR_REFUSED && diag) {
		/* a rule refused the step: its words, not a field to correct */
		struct jr_diag rule = *diag;
		rule.path[0] = '\0';
		return jr_cli_app_fail(what, err, &rule);
	}
	return jr_cli_app_fail(what, err, diag);
}

/* The answer of a use case that returns the help request: printed by the one view (the API's),
 * or its failure reported (fail). */
static int answer(enum jr_err err, const struct jr_diag *diag, const char *sub,
		  const struct jr_course_view *v)
{
	struct jr_json_writer w;
	struct jr_buf b;

	if (err)
		return fail(err, diag, sub);
	jr_buf_init(&b, 16384);
	jr_jw_init(&w, &b);
	jr_view_course(&w, v);
	if (!(err = jr_jw_finish(&w)))
		printf("%s\n", jr_buf_str(&b));
	jr_buf_release(&b);
	return err ? fail(err, NULL, sub) : 0;
}

static int cmd_add(struct jr_app *app, struct jr_args *h, struct jr_course_view *v)
{
	static const char *const allowed[] = {"child", "raised-by", "question", "raised-on",
					      "household", NULL};
	struct jr_help_request r = {0};
	const char *by = jr_args_get(h, "raised-by");
	bool known = false;
	int status;

	if ((status = jr_args_only(h, "add", allowed)))
		return status;
	if (jr_args_id(jr_args_get(h, "child"), &r.child_id)) {
		jr_cli_error("help-request add: veld child: geef het nummer (id) van het kind");
		return 2;
	}
	if (jr_args_get(h, "household") && jr_args_id(jr_args_get(h, "household"), &r.household_id)) {
		jr_cli_error("help-request add: veld household: geef het nummer (id) van het "
			     "huishouden");
		return 2;
	}
	for (const char *const *k = jr_raisers; by && *k; k++)
		known |= strcmp(*k, by) == 0;
	if (!known) {
		jr_cli_error("help-request add: veld raised_by: kies family, child, school, childcare, "
			     "gp, youth_health, police, veilig_thuis, local_team, gi of other");
		return 2;
	}
	snprintf(r.raised_by, sizeof(r.raised_by), "%s", by);
	if ((status = jr_args_text(h, "question", true, r.question, sizeof(r.question))) ||
	    (status = jr_args_date(h, "raised-on", app->today, &r.raised_on)))
		return status;
	return answer(jr_app_help_request_add(app, &r, v), app->diag, "add", v);
}

static int cmd_analysis(struct jr_app *app, struct jr_args *h, int64_t id,
			struct jr_course_view *v)
{
	static const char *const allowed[] = {"needs", "explanation", "participants", "hypotheses",
					      "made-on", NULL};
	struct jr_broad_analysis *b = calloc(1, sizeof(*b));
	const char *needs = jr_args_get(h, "needs");
	int status = 2;

	if (!b) {
		jr_cli_error("onvoldoende geheugen");
		return 1;
	}
	b->help_request_id = id;
	if (jr_args_only(h, "analysis", allowed) ||
	    jr_args_text(h, "explanation", true, b->explanation, sizeof(b->explanation)) ||
	    jr_args_text(h, "participants", true, b->participants, sizeof(b->participants)) ||
	    jr_args_text(h, "hypotheses", false, b->hypotheses, sizeof(b->hypotheses)) ||
	    jr_args_date(h, "made-on", app->today, &b->made_on))
		goto out;
	if (!needs || !needs[0]) {
		jr_cli_error("help-request analysis: veld needs: geef domein=ernst, bijv. "
			     "parenting=2,behaviour=3");
		goto out;
	}
	for (const char *p = needs; *p;) {
		char name[32];
		const char *eq = strchr(p, '='), *comma = strchr(p, ',');
		size_t n = eq ? (size_t)(eq - p) : 0;
		int d;
		if (!eq || (comma && comma < eq) || n == 0 || n >= sizeof(name) || eq[1] < '0' ||
		    eq[1] > '4' || (eq[2] != ',' && eq[2] != '\0')) {
			jr_cli_error("help-request analysis: veld needs: verwacht domein=ernst (0-4), "
				     "gescheiden door komma's");
			goto out;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		d = jr_need_parse(name);
		if (d < 0) {
			jr_cli_error("help-request analysis: veld needs: onbekend domein \"%s\"", name);
			goto out;
		}
		b->needs[d] = (unsigned char)(eq[1] - '0');
		p = eq[2] == ',' ? eq + 3 : eq + 2;
	}
	status = answer(jr_app_analysis_add(app, b, v), app->diag, "analysis", v);
out:
	free(b);
	return status;
}

static int cmd_goal(struct jr_app *app, struct jr_args *h, int64_t id, struct jr_course_view *v)
{
	static const char *const allowed[] = {"text", "review-on", NULL};
	char text[JR_TEXT_FIELD_MAX];
	jr_day review = 0;
	int status;

	if ((status = jr_args_only(h, "goal", allowed)) ||
	    (status = jr_args_text(h, "text", true, text, sizeof(text))) ||
	    (status = jr_args_date(h, "review-on", 0, &review)))
		return status;
	return answer(jr_app_goal_add(app, id, text, review, v), app->diag, "goal", v);
}

/* An offer of the policy of the help request's municipality: social base or no referral. */
static int cmd_light_option(struct jr_app *app, struct jr_args *h, int64_t id,
			    struct jr_course_view *v)
{
	static const char *const allowed[] = {"option", "tried", "why-not-enough", NULL};
	const char *option = jr_args_get(h, "option"), *tried = jr_args_get(h, "tried");
	char why[JR_TEXT_FIELD_MAX];
	int status;

	if ((status = jr_args_only(h, "light-option", allowed)) ||
	    (status = jr_args_text(h, "why-not-enough", false, why, sizeof(why))))
		return status;
	if (!tried || (strcmp(tried, "ja") && strcmp(tried, "nee"))) {
		jr_cli_error("help-request light-option: veld tried: verwacht ja of nee");
		return 2;
	}
	return answer(jr_app_light_option_add(app, id, option, strcmp(tried, "ja") == 0, why, v),
		      app->diag, "light-option", v);
}

static int cmd_move(struct jr_app *app, struct jr_args *h, int64_t id, struct jr_course_view *v)
{
	static const char *const allowed[] = {"to", "version", NULL};
	const char *to = jr_args_get(h, "to");
	int64_t version;
	int state, status;

	if ((status = jr_args_only(h, "move", allowed)))
		return status;
	state = to ? jr_hr_state_parse(to) : -1;
	if (state < 0) {
		jr_cli_error("help-request move: veld to: kies analysed, planned, in_care, evaluated, "
			     "closed of withdrawn");
		return 2;
	}
	if (jr_args_id(jr_args_get(h, "version"), &version) || version > 1000000000) {
		jr_cli_error("help-request move: veld version: geef de versie die gelezen is");
		return 2;
	}
	return answer(jr_app_help_request_move(app, id, (enum jr_hr_state)state, (int)version, v),
		      app->diag, "move", v);
}

/* Routes the child's question with the latest broad analysis and records the answer as the
 * route advice given (app/advice.c), and prints it. */
static int cmd_advice(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"flags", "court-measure", "today", NULL};
	struct jr_advice_input in = {0};
	struct jr_buf out;
	const char *flags = jr_args_get(h, "flags"), *measure = jr_args_get(h, "court-measure");
	enum jr_err err;
	int status = 2;

	jr_buf_init(&out, 1 << 20);
	if (jr_args_only(h, "advice", allowed) || jr_args_date(h, "today", app->today, &in.date))
		goto out;
	if (measure && jr_measure_parse(measure) < 0) {
		jr_cli_error("help-request advice: veld court_measure: kies ots, voogdij, "
			     "jeugdreclassering of machtiging_gesloten");
		goto out;
	}
	/* Without --court-measure, the measure the records hold for the child that day. */
	in.measure_given = measure != NULL;
	in.measure = measure ? (enum jr_measure)jr_measure_parse(measure) : JR_MEASURE_NONE;
	for (const char *f = flags; f && *f;) {
		char name[32];
		size_t n = strcspn(f, ",");
		int flag = -1;
		if (n > 0 && n < sizeof(name)) {
			memcpy(name, f, n);
			name[n] = '\0';
			flag = jr_flag_parse(name);
		}
		if (flag < 0) {
			jr_cli_error("help-request advice: veld flags: onbekend signaal; kies uit "
				     "acute_crisis, psychiatric_disorder, long_lasting, disability, "
				     "unsafe, not_participating, offence");
			goto out;
		}
		in.flags |= JR_FLAG_BIT(flag);
		f += n + (f[n] == ',');
	}
	err = jr_app_advise(app, id, &in, &out);
	status = err ? fail(err, app->diag, "advice") : 0;
	if (!status)
		printf("%s\n", jr_buf_str(&out));
out:
	jr_buf_release(&out);
	return status;
}

/* The terms that run on the help request (app/deadlines.c), as the API shows them; --today
 * counts from another day (the operator's look ahead or back). */
static int cmd_deadlines(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"today", NULL};
	struct jr_deadlines *d = NULL;
	struct jr_json_writer w;
	struct jr_buf out;
	enum jr_err err;
	int status;

	if ((status = jr_args_only(h, "deadlines", allowed)) ||
	    (status = jr_args_date(h, "today", app->today, &app->today)))
		return status;
	if (!(d = calloc(1, sizeof(*d)))) {
		jr_cli_error("onvoldoende geheugen");
		return 1;
	}
	err = jr_app_help_request_deadlines(app, id, d);
	if (err) {
		status = fail(err, app->diag, "deadlines");
		goto out;
	}
	jr_cli_json_begin(&out, &w);
	jr_view_deadlines(&w, id, app->today, d);
	status = jr_cli_json_print("help-request deadlines", &out, &w);
out:
	free(d);
	return status;
}

/* Prints a note, or the journal (with the kinds a note may have), as JSON. */
static int print_note(const struct jr_note *n)
{
	struct jr_json_writer w;
	struct jr_buf b;
	enum jr_err err;

	jr_buf_init(&b, 16384);
	jr_jw_init(&w, &b);
	jr_view_note(&w, n);
	if (!(err = jr_jw_finish(&w)))
		printf("%s\n", jr_buf_str(&b));
	jr_buf_release(&b);
	return err ? fail(err, NULL, "note") : 0;
}

static int cmd_note(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"kind", "text", "date", "corrects", NULL};
	const char *corrects = jr_args_get(h, "corrects");
	struct jr_note *in = calloc(1, sizeof(*in)), *out = calloc(1, sizeof(*out));
	const char *kind = jr_args_get(h, "kind");
	enum jr_err err;
	int status = 2;

	if (!in || !out) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	if (jr_args_only(h, "note", allowed) ||
	    jr_args_text(h, "text", true, in->text, sizeof(in->text)) ||
	    jr_args_date(h, "date", 0, &in->date))
		goto out;
	if (corrects && jr_args_id(corrects, &in->corrects)) {
		jr_cli_error("help-request note: veld corrects: geef het nummer van de notitie die u "
			     "verbetert");
		goto out;
	}
	in->help_request_id = id;
	snprintf(in->kind, sizeof(in->kind), "%s", kind && strlen(kind) < sizeof(in->kind) ? kind : "?");
	err = jr_app_journal_add(app, in, out);
	status = err ? fail(err, app->diag, "note") : print_note(out);
out:
	free(in);
	free(out);
	return status;
}

static int cmd_notes(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {NULL};
	struct jr_json_writer w;
	struct jr_buf b;
	enum jr_err err;
	int status;

	if ((status = jr_args_only(h, "notes", allowed)))
		return status;
	jr_buf_init(&b, 1 << 22);
	jr_jw_init(&w, &b);
	jr_view_journal_begin(&w, id);
	err = jr_app_journal_list(app, id, jr_view_note_each, &w);
	jr_view_journal_end(&w);
	if (!err && !(err = jr_jw_finish(&w)))
		printf("%s\n", jr_buf_str(&b));
	jr_buf_release(&b);
	return err ? fail(err, app->diag, "notes") : 0;
}

/* The user `who` names (a number, or the username of a consulent of `municipality`): *id, or
 * 0 when no consulent there has that name. */
struct named {
	const char *name;
	int64_t id;
};

static enum jr_err find_named(void *ctx, const struct jr_assignee *u)
{
	struct named *n = ctx;

	if (strcmp(u->username, n->name) == 0)
		n->id = u->user_id;
	return JR_OK;
}

static int user_named(struct jr_app *app, const char *municipality, const char *who,
		      const char *sub, const char *field, int64_t *id)
{
	struct named n = {.name = who, .id = 0};
	enum jr_err err;

	if (jr_args_id(who, id) == 0)
		return 0;
	if ((err = jr_app_assignees(app, municipality, find_named, &n)))
		return fail(err, app->diag, sub);
	if (!n.id) {
		jr_cli_error("help-request %s: veld %s: %s is geen actieve consulent van het lokale "
			     "team van gemeente %s",
			     sub, field, who, municipality);
		return 2;
	}
	*id = n.id;
	return 0;
}

/* Assigns the help request to a consulent, or back to the team's queue. */
static int cmd_assign(struct jr_app *app, struct jr_args *h, int64_t id, struct jr_course_view *v)
{
	static const char *const allowed[] = {"to", "none", "version", NULL};
	const char *to = jr_args_get(h, "to");
	const char *none = jr_args_get(h, "none");
	const char *version_text = jr_args_get(h, "version");
	int64_t user = 0, version;
	enum jr_err err;
	int status;

	if ((status = jr_args_only(h, "assign", allowed)))
		return status;
	if ((to && none) || (!to && (!none || strcmp(none, "ja") != 0))) {
		jr_cli_error("help-request assign: veld to: geef --to GEBRUIKER of --none ja, niet "
			     "allebei");
		return 2;
	}
	if (version_text &&
	    (jr_args_id(version_text, &version) || version > 1000000000)) {
		jr_cli_error("help-request assign: veld version: geef de versie die gelezen is");
		return 2;
	}
	/* the help request as it is: its municipality (whose consulents may take it) and, when no
	 * version was given, the version to change */
	if ((err = jr_app_help_request_get(app, id, v)))
		return fail(err, app->diag, "assign");
	if (!version_text)
		version = v->h.version;
	if (to && (status = user_named(app, v->h.municipality, to, "assign", "to", &user)))
		return status;
	return answer(jr_app_help_request_assign(app, id, user, (int)version, v), app->diag,
		      "assign", v);
}

/* One item of the list into the open array of the writer ctx. */
static enum jr_err print_item(void *ctx, const struct jr_work_item *it)
{
	jr_view_work_item(ctx, it);
	return JR_OK;
}

/* A number option in [1, max] (default dflt when absent); 2 after reporting. */
static int number_opt(const struct jr_args *h, const char *name, long long max, int64_t dflt,
		      int64_t *out)
{
	const char *v = jr_args_get(h, name);
	long long n;

	*out = dflt;
	if (!v)
		return 0;
	if (jr_cli_number(v, 1, max, &n) < 0) {
		jr_cli_error("help-request list: veld %s: geef een getal van 1 tot en met %lld", name,
			     max);
		return 2;
	}
	*out = n;
	return 0;
}

/* The work list of a municipality with the counts per step (app/worklist.c), as the API's. */
static int cmd_list(struct jr_app *app, struct jr_args *h)
{
	static const char *const allowed[] = {"municipality", "mine", "assignee", "state",
					      "deadline", "sort", "page", "per-page", "today",
					      NULL};
	const char *muni = jr_args_get(h, "municipality");
	const char *mine = jr_args_get(h, "mine");
	const char *assignee = jr_args_get(h, "assignee");
	const char *state = jr_args_get(h, "state");
	const char *deadline = jr_args_get(h, "deadline");
	const char *sort = jr_args_get(h, "sort");
	struct jr_work_query q = {0};
	struct jr_work_counts counts;
	struct jr_json_writer w;
	struct jr_buf out;
	int64_t page, per_page;
	enum jr_err err;
	int status, step;

	if ((status = jr_args_only(h, "list", allowed)) ||
	    (status = jr_args_date(h, "today", app->today, &app->today)) ||
	    (status = number_opt(h, "page", 1000000, 1, &page)) ||
	    (status = number_opt(h, "per-page", 1000, 25, &per_page)))
		return status;
	if (!muni || strlen(muni) != 4) {
		jr_cli_error("help-request list: veld municipality: geef de gemeente (CBS-code, "
			     "bijv. 0153)");
		return 2;
	}
	snprintf(q.municipality, sizeof q.municipality, "%s", muni);
	if (mine && assignee) {
		jr_cli_error("help-request list: veld assignee: geef --mine of --assignee, niet "
			     "allebei");
		return 2;
	}
	if (mine)
		assignee = mine;
	if (assignee && strcmp(assignee, "none") == 0) {
		q.assignee = JR_ASSIGNEE_NOBODY;
	} else if (assignee) {
		q.assignee = JR_ASSIGNEE_USER;
		if ((status = user_named(app, q.municipality, assignee, "list",
					 mine ? "mine" : "assignee", &q.user_id)))
			return status;
	}
	if (!state || strcmp(state, "open") == 0) {
		q.steps = JR_WORK_OPEN;
	} else if (strcmp(state, "all") == 0) {
		q.steps = JR_WORK_ALL;
	} else if (strcmp(state, "review_due") == 0) {
		q.steps = JR_WORK_REVIEW_DUE;
	} else if ((step = jr_hr_state_parse(state)) >= 0) {
		q.steps = JR_WORK_STEP;
		q.step = (enum jr_hr_state)step;
	} else {
		jr_cli_error("help-request list: veld state: kies open, all, review_due of een stap: "
			     "registered, analysed, planned, in_care, evaluated, closed, withdrawn");
		return 2;
	}
	if (!deadline || strcmp(deadline, "any") == 0) {
		q.deadline = JR_WORK_DEADLINE_ANY;
	} else if (strcmp(deadline, "overdue") == 0) {
		q.deadline = JR_WORK_DEADLINE_OVERDUE;
	} else if (strcmp(deadline, "soon") == 0) {
		q.deadline = JR_WORK_DEADLINE_SOON;
	} else {
		jr_cli_error("help-request list: veld deadline: kies overdue, soon of any");
		return 2;
	}
	if (!sort || strcmp(sort, "raised") == 0) {
		q.sort = JR_WORK_SORT_RAISED;
	} else if (strcmp(sort, "deadline") == 0) {
		q.sort = JR_WORK_SORT_DEADLINE;
	} else {
		jr_cli_error("help-request list: veld sort: kies deadline of raised");
		return 2;
	}
	q.offset = (page - 1) * per_page;
	q.limit = per_page;
	jr_cli_json_begin(&out, &w);
	jr_jw_object(&w);
	jr_jw_kstring(&w, "municipality", q.municipality);
	jr_jw_kdate(&w, "today", app->today, true);
	jr_jw_key(&w, "items");
	jr_jw_array(&w);
	err = jr_app_work_list(app, &q, print_item, &w, &counts);
	jr_jw_end(&w);
	jr_jw_kint(&w, "total", counts.total);
	jr_jw_kint(&w, "page", page);
	jr_jw_kint(&w, "per_page", per_page);
	jr_view_work_counts(&w, &counts);
	jr_jw_end(&w);
	if (err) {
		jr_buf_release(&out);
		return fail(err, app->diag, "list");
	}
	return jr_cli_json_print("help-request list", &out, &w);
}

/* The page of the help request (app/casefile.h), as the API shows it. */
static int cmd_case(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"today", NULL};
	struct jr_case_page *c = calloc(1, sizeof(*c));
	struct jr_json_writer w;
	struct jr_buf advice, b;
	enum jr_err err;
	int status;

	jr_buf_init(&advice, 1 << 22);
	jr_buf_init(&b, 1 << 22);
	if (!c) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	if ((status = jr_args_only(h, "case", allowed)) ||
	    (status = jr_args_date(h, "today", app->today, &app->today)))
		goto out;
	if ((err = jr_app_help_request_case(app, id, c, &advice))) {
		status = fail(err, app->diag, "case");
		goto out;
	}
	jr_jw_init(&w, &b);
	jr_view_case(&w, c, jr_buf_str(&advice));
	if ((err = jr_jw_finish(&w)))
		status = fail(err, NULL, "case");
	else
		printf("%s\n", jr_buf_str(&b));
out:
	jr_buf_release(&advice);
	jr_buf_release(&b);
	free(c);
	return status;
}

/* An evaluation of the plan; prints it with the help request after it. */
static int cmd_evaluation(struct jr_app *app, struct jr_args *h, int64_t id,
			  struct jr_course_view *v)
{
	static const char *const allowed[] = {"kind",       "goals-reached", "family-view",
					      "next-steps", "held-on",       NULL};
	struct jr_evaluation *e = calloc(1, sizeof(*e));
	struct jr_json_writer w;
	struct jr_buf b;
	enum jr_err err;
	int status = 2;

	jr_buf_init(&b, 1 << 16);
	if (!e) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	/* what the evaluation found is stated: kind and goals reached pass to the use case as
	 * given ("" when not), which names the one that is missing or wrong */
	if (jr_args_only(h, "evaluation", allowed) ||
	    jr_args_text(h, "kind", false, e->kind, sizeof(e->kind)) ||
	    jr_args_text(h, "goals-reached", false, e->goals_reached, sizeof(e->goals_reached)) ||
	    jr_args_text(h, "family-view", false, e->family_view, sizeof(e->family_view)) ||
	    jr_args_text(h, "next-steps", false, e->next_steps, sizeof(e->next_steps)) ||
	    jr_args_date(h, "held-on", app->today, &e->held_on))
		goto out;
	e->help_request_id = id;
	if ((err = jr_app_evaluation_add(app, e, v))) {
		status = fail(err, app->diag, "evaluation");
		goto out;
	}
	jr_jw_init(&w, &b);
	jr_jw_object(&w);
	jr_jw_key(&w, "evaluation");
	jr_view_evaluation(&w, e);
	jr_jw_key(&w, "help_request");
	jr_view_course(&w, v);
	jr_jw_end(&w);
	if ((err = jr_jw_finish(&w))) {
		status = fail(err, NULL, "evaluation");
		goto out;
	}
	printf("%s\n", jr_buf_str(&b));
	status = 0;
out:
	jr_buf_release(&b);
	free(e);
	return status;
}

int jr_cmd_help_request(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "help-request"};
	struct jr_cli_session s;
	struct jr_course_view *v = NULL;
	const char *sub = argc > 1 ? argv[1] : "";
	int64_t id = 0;
	int status;

	if (strcmp(sub, "add") && strcmp(sub, "show") && strcmp(sub, "analysis") &&
	    strcmp(sub, "goal") && strcmp(sub, "light-option") && strcmp(sub, "advice") &&
	    strcmp(sub, "move") && strcmp(sub, "deadlines") && strcmp(sub, "note") &&
	    strcmp(sub, "notes") && strcmp(sub, "assign") && strcmp(sub, "list") &&
	    strcmp(sub, "case") && strcmp(sub, "evaluation")) {
		jr_cli_error("help-request: kies add, show, analysis, goal, light-option, advice, "
			     "move, deadlines, note, notes, assign, list, case of evaluation; zie jeugdroute "
			     "help-request --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &h.db);
	if ((status = jr_args_parse(argc, argv, 2, &h)))
		goto out;
	if (strcmp(sub, "add") != 0 && strcmp(sub, "list") != 0 && jr_args_id(h.id, &id)) {
		jr_cli_error("help-request %s: geef het nummer (id) van de hulpvraag", sub);
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	if (!(v = calloc(1, sizeof(*v)))) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	if (strcmp(sub, "add") == 0)
		status = cmd_add(&s.app, &h, v);
	else if (strcmp(sub, "show") == 0)
		status = answer(jr_app_help_request_get(&s.app, id, v), &s.diag, "show", v);
	else if (strcmp(sub, "analysis") == 0)
		status = cmd_analysis(&s.app, &h, id, v);
	else if (strcmp(sub, "goal") == 0)
		status = cmd_goal(&s.app, &h, id, v);
	else if (strcmp(sub, "light-option") == 0)
		status = cmd_light_option(&s.app, &h, id, v);
	else if (strcmp(sub, "advice") == 0)
		status = cmd_advice(&s.app, &h, id);
	else if (strcmp(sub, "deadlines") == 0)
		status = cmd_deadlines(&s.app, &h, id);
	else if (strcmp(sub, "note") == 0)
		status = cmd_note(&s.app, &h, id);
	else if (strcmp(sub, "notes") == 0)
		status = cmd_notes(&s.app, &h, id);
	else if (strcmp(sub, "assign") == 0)
		status = cmd_assign(&s.app, &h, id, v);
	else if (strcmp(sub, "list") == 0)
		status = cmd_list(&s.app, &h);
	else if (strcmp(sub, "case") == 0)
		status = cmd_case(&s.app, &h, id);
	else if (strcmp(sub, "evaluation") == 0)
		status = cmd_evaluation(&s.app, &h, id, v);
	else
		status = cmd_move(&s.app, &h, id, v);
out:
	free(v);
	jr_cli_session_close(&s);
	return status;
}
