/* cmd_care: `jeugdroute care referral|allocate|change|start|stop` — who referred, what was
 * allocated to which provider (checked against every allocation rule), what was changed of it,
 * and when care started and stopped with its outcome. Answers in JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/care.h"
#include "app/refer.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "core/ident.h"
#include "core/rules.h"
#include "core/text.h"
#include "core/why.h"
#include "view/view_care.h"

const char jr_usage_care[] =
	"Gebruik: jeugdroute care referral HULPVRAAG --type 01-08 --name NAAM --form 1-10\n"
	"                                  [--agb AGB] [--referred-on JJJJ-MM-DD]\n"
	"         jeugdroute care allocate HULPVRAAG --provider ID --form 1-10\n"
	"                                  (--referral ID | --municipal-decision ja)\n"
	"                                  --start JJJJ-MM-DD [--end JJJJ-MM-DD]\n"
	"                                  [--result TEKST --intensity OB1-OB4]\n"
	"                                  [--product-code CODE --volume N --unit EENHEID\n"
	"                                   --frequency FREQUENTIE]\n"
	"         jeugdroute care choices HULPVRAAG [--form 1-10] [--start JJJJ-MM-DD]\n"
	"         jeugdroute care change TOEWIJZING --reason-code JZ002 [--end JJJJ-MM-DD]\n"
	"                                  [--volume N]\n"
	"         jeugdroute care measure KIND --kind ots|voorlopige_ots|voogdij|\n"
	"                                  jeugdreclassering|machtiging_gesloten\n"
	"                                  --court-date JJJJ-MM-DD --start JJJJ-MM-DD\n"
	"                                  [--end JJJJ-MM-DD] [--gi ORGANISATIE]\n"
	"                                  [--reference KENMERK]\n"
	"         jeugdroute care extend MAATREGEL --court-date JJJJ-MM-DD --end JJJJ-MM-DD\n"
	"                                  [--reference KENMERK]\n"
	"         jeugdroute care authorise MAATREGEL --kind uithuisplaatsing|gesloten\n"
	"                                  --court-date JJJJ-MM-DD --start JJJJ-MM-DD\n"
	"                                  --end JJJJ-MM-DD\n"
	"         jeugdroute care start TOEWIJZING [--on JJJJ-MM-DD]\n"
	"         jeugdroute care stop TOEWIJZING --goals-reached yes|partly|no\n"
	"                                  --continues-without-help ja|nee --satisfaction 1-10\n"
	"                                  --end-reason JZ588 [--on JJJJ-MM-DD]\n"
	"         jeugdroute care letters TOEWIJZING\n"
	"         jeugdroute care letter TOEWIJZING [--n N] [--html BESTAND | --pdf BESTAND]\n"
	"\n"
	"referral   legt een verwijzing vast (iJw COD327: 01 gemeente, 02 huisarts, 03 jeugdarts,\n"
	"           04 GI, 05 medisch specialist, 06 zelfverwijzer, 08 rechter/OvJ) en beoordeelt\n"
	"           hem met regel 7: mag deze verwijzer naar deze vorm verwijzen, met AGB-code?\n"
	"allocate   maakt een toewijzing, pas als alles klopt: aanbieder niet geschorst, een\n"
	"           contract voor vorm, gemeente en datum, een geldige verwijzing of een besluit van\n"
	"           de gemeente, de brede analyse waar nodig, en wat het regime van de gemeente\n"
	"           vraagt (resultaatgericht: resultaat en OB-niveau; productgericht: productcode en\n"
	"           omvang; generiek: geen product en geen einddatum). Anders: geweigerd, met reden.\n"
	"choices    wat het toewijzingsformulier biedt: per vorm de zorgaanbieders met een contract\n"
	"           voor die vorm in de gemeente op de begindatum (nooit een GI of een geschorste\n"
	"           aanbieder), met de productcodes van hun contract, en de velden van het regime.\n"
	"change     wijzigt de einddatum of het volume van een toewijzing, met de reden (iJw\n"
	"           JZ002: 04 verlenging, 05 verkorting, 13 verwijderd, …); een verzoek om\n"
	"           wijziging (JW317) van de aanbieder dat hierop wacht, is daarmee gehonoreerd.\n"
	"           De volgende ijw export stuurt de toewijzing opnieuw (JW301, RedenWijziging).\n"
	"measure    legt een maatregel van de rechter vast (gedwongen kader): daarna mag de GI\n"
	"           verwijzen en vraagt alle zorg voor dit kind eerst een brede analyse. Een\n"
	"           voorlopige OTS duurt ten hoogste drie maanden (art. 1:257 BW).\n"
	"extend     legt de verlenging van een maatregel door de rechter vast: de nieuwe\n"
	"           einddatum (een OTS telkens met ten hoogste een jaar, art. 1:260 BW).\n"
	"authorise  legt een machtiging van de rechter naast een maatregel vast, met een eigen\n"
	"           looptijd van ten hoogste een jaar: uithuisplaatsing (alleen bij een OTS, art.\n"
	"           1:265b BW) of gesloten jeugdhulp (art. 6.1.2 Jeugdwet).\n"
	"start/stop begin en einde van de zorg; bij het einde de uitkomst (doelen bereikt, verder\n"
	"           zonder hulp, tevredenheid) en de reden van beëindiging (iJw JZ588).\n"
	"letters    de beschikkingen (besluitbrieven) van een toewijzing: volgnummer, datum en\n"
	"           SHA-256 van het bewaarde document. Elke toewijzing en wijziging door de\n"
	"           gemeente krijgt er een.\n"
	"letter     drukt beschikking N (zonder --n: de laatste) opnieuw af zoals bewaard: HTML op\n"
	"           standaarduitvoer, of met --html of --pdf in een bestand (A4).\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND, --reason TEKST, --policy-dir MAP.\n";

/* Prints what the view renders (one JSON record, the API's), or reports the use case's
 * refusal ("geweigerd: …" for a rule). `err` is a variable (read twice). */
#define ANSWER(err, sub, view, ...)                                                                \
	answer_end(err, (sub), (jr_buf_init(&out, 16384), jr_jw_init(&jw, &out),                  \
			       err ? (void)0 : view(&jw, __VA_ARGS__), &out), &jw, diag)
static int answer_end(enum jr_err err, const char *sub, struct jr_buf *out,
		      const struct jr_json_writer *w, const struct jr_diag *diag)
{
	char what[48];

	struct jr_diag rule;

	snprintf(what, sizeof(what), "care %s%s", sub, err == JR_ERR_REFUSED ? ": geweigerd" : "");
	if (!err && !(err = jr_jw_finish(w)))
		printf("%s\n", jr_buf_str(out));
	jr_buf_release(out);
	if (err == JR_ERR_REFUSED && diag) {
		/* a rule refused it: its words, not a field to correct */
		rule = *diag;
		rule.path[0] = '\0';
		diag = &rule;
	}
	return err ? jr_cli_app_fail(what, err, diag) : 0;
}

/* A small integer option in [min, max]; 2 after reporting. */
static int int_opt(const struct jr_args *h, const char *name, int min, int max, bool required,
		   int *out)
{
	const char *v = jr_args_get(h, name);
	char *end = NULL;
	long n;

	*out = 0;
	if (!v && !required)
		return 0;
	n = v ? strtol(v, &end, 10) : 0;
	if (!v || !*v || *end || n < min || n > max) {
		jr_cli_error("care: veld %s: verwacht een geheel getal van %d tot en met %d", name, min,
			     max);
		return 2;
	}
	*out = (int)n;
	return 0;
}

static int yes_no(const struct jr_args *h, const char *name, bool *out)
{
	const char *v = jr_args_get(h, name);
	if (!v || (strcmp(v, "ja") && strcmp(v, "nee"))) {
		jr_cli_error("care: veld %s: verwacht ja of nee", name);
		return 2;
	}
	*out = strcmp(v, "ja") == 0;
	return 0;
}

static int cmd_referral(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"type", "name", "form", "agb", "referred-on", NULL};
	struct jr_referral ref = {.help_request_id = id};
	const char *type = jr_args_get(h, "type"), *agb = jr_args_get(h, "agb");
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf why, out;
	enum jr_err err;
	int status = 2;

	jr_buf_init(&why, 4096);
	if (jr_args_only(h, "referral", allowed) ||
	    jr_args_text(h, "name", true, ref.referrer_name, sizeof(ref.referrer_name)) ||
	    int_opt(h, "form", 1, JR_FORM_COUNT, true, &ref.form) ||
	    jr_args_date(h, "referred-on", app->today, &ref.referred_on))
		goto out;
	if (!type || strlen(type) != 2 || type[0] != '0' || type[1] < '1' || type[1] > '8' ||
	    type[1] == '7') {
		jr_cli_error("care referral: veld type: kies een verwijzerscode uit iJw COD327: 01 tot "
			     "en met 06 of 08");
		goto out;
	}
	if (agb && !jr_agb_valid(agb, strlen(agb))) {
		jr_cli_error("care referral: veld agb: verwacht een AGB-code van 8 cijfers");
		goto out;
	}
	ref.referrer_type = type[1] - '0';
	snprintf(ref.agb, sizeof(ref.agb), "%s", agb ? agb : "");
	snprintf(ref.source, sizeof(ref.source), "cli");
	err = jr_app_referral_record(app, &ref, &why);
	status = ANSWER(err, "referral", jr_view_referral, &ref, jr_buf_str(&why));
out:
	jr_buf_release(&why);
	return status;
}

static int cmd_allocate(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"provider", "form", "referral", "municipal-decision",
					      "start", "end", "result", "intensity", "product-code",
					      "volume", "unit", "frequency", NULL};
	struct jr_allocation *al = calloc(1, sizeof(*al));
	const char *intensity = jr_args_get(h, "intensity"), *code = jr_args_get(h, "product-code");
	const char *decision = jr_args_get(h, "municipal-decision");
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf out;
	enum jr_err err;
	int status = 2;

	if (!al) {
		status = 1;
		goto out;
	}
	al->help_request_id = id;
	if (jr_args_only(h, "allocate", allowed))
		goto out;
	if (jr_args_id(jr_args_get(h, "provider"), &al->provider_id)) {
		jr_cli_error("care allocate: veld provider: geef het nummer (id) van de aanbieder");
		goto out;
	}
	if (int_opt(h, "form", 1, JR_FORM_COUNT, true, &al->form) ||
	    jr_args_date(h, "start", 0, &al->start) ||
	    jr_args_text(h, "result", false, al->result_description,
			 sizeof(al->result_description)) ||
	    int_opt(h, "volume", 1, 100000, false, &al->volume) ||
	    jr_args_text(h, "unit", false, al->unit, sizeof(al->unit)) ||
	    jr_args_text(h, "frequency", false, al->frequency, sizeof(al->frequency)))
		goto out;
	if (!jr_args_get(h, "start")) {
		jr_cli_error("care allocate: veld start: geef de begindatum");
		goto out;
	}
	if (jr_args_get(h, "end")) {
		if (jr_args_date(h, "end", 0, &al->end))
			goto out;
		al->has_end = true;
	}
	if (jr_args_get(h, "referral") && jr_args_id(jr_args_get(h, "referral"), &al->referral_id)) {
		jr_cli_error("care allocate: veld referral: geef het nummer (id) van de verwijzing");
		goto out;
	}
	if (decision && strcmp(decision, "ja") != 0) {
		jr_cli_error("care allocate: veld municipal_decision: verwacht ja");
		goto out;
	}
	if (intensity) {
		if (strlen(intensity) != 3 || strncmp(intensity, "OB", 2) != 0 || intensity[2] < '1' ||
		    intensity[2] > '4') {
			jr_cli_error("care allocate: veld intensity: kies OB1, OB2, OB3 of OB4");
			goto out;
		}
		al->intensity = intensity[2] - '0';
	}
	if (code) {
		size_t n = strlen(code);
		bool ok = n >= 1 && n < sizeof(al->product_code);
		for (size_t i = 0; ok && i < n; i++)
			ok = (code[i] >= '0' && code[i] <= '9') || (code[i] >= 'A' && code[i] <= 'Z');
		if (!ok) {
			jr_cli_error("care allocate: veld product_code: verwacht 1 tot 16 hoofdletters "
				     "en cijfers");
			goto out;
		}
		memcpy(al->product_code, code, n + 1);
	}
	err = jr_app_allocation_add(app, al, decision != NULL);
	status = ANSWER(err, "allocate", jr_view_allocation_made, al);
out:
	free(al);
	return status;
}

static int cmd_choices(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"form", "start", NULL};
	struct jr_app_allocation_choices c;
	struct jr_json_writer jw;
	struct jr_buf out;
	jr_day start = 0;
	enum jr_err err;
	int form, status;

	if ((status = jr_args_only(h, "choices", allowed)) ||
	    (status = int_opt(h, "form", 1, JR_FORM_COUNT, false, &form)) ||
	    (status = jr_args_date(h, "start", 0, &start)))
		return status;
	if ((err = jr_app_allocation_choices(app, id, form, start, &c)))
		return jr_cli_app_fail("care choices", err, app->diag);
	jr_buf_init(&out, 1 << 20);
	jr_jw_init(&jw, &out);
	jr_view_allocation_choices(&jw, &c);
	jr_app_allocation_choices_release(&c);
	if ((err = jr_jw_finish(&jw)))
		status = jr_cli_app_fail("care choices", err, NULL);
	else
		printf("%s\n", jr_buf_str(&out));
	jr_buf_release(&out);
	return status;
}

/* Issue 15 point 3: the court's reference of a measure or extension, 1 to 64 characters of
 * text; 2 with a message when it is not. */
static int reference_of(const char *ref, const char *sub, char out[JR_MEASURE_REFERENCE_MAX])
{
	size_t n = strlen(ref);

	if (n == 0 || n >= JR_MEASURE_REFERENCE_MAX || !jr_text_valid(ref, JR_MEASURE_REFERENCE_MAX, false)) {
		jr_cli_error("care %s: veld reference: geef het kenmerk van de uitspraak, 1 tot 64 "
			     "tekens",
			     sub);
		return 2;
	}
	memcpy(out, ref, n + 1);
	return 0;
}

static int cmd_measure(struct jr_app *app, struct jr_args *h, int64_t child)
{
	static const char *const allowed[] = {"kind", "court-date", "start", "end", "gi",
					      "reference", NULL};
	struct jr_measure_record m = {.child_id = child};
	const char *kind = jr_args_get(h, "kind"), *gi = jr_args_get(h, "gi");
	const char *ref = jr_args_get(h, "reference");
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf out;
	enum jr_err err;
	int k, status;

	if ((status = jr_args_only(h, "measure", allowed)))
		return status;
	k = kind ? jr_measure_parse(kind) : -1;
	if (k <= 0) {
		jr_cli_error("care measure: veld kind: kies ots, voorlopige_ots, voogdij, "
			     "jeugdreclassering of machtiging_gesloten");
		return 2;
	}
	m.kind = (enum jr_measure)k;
	if (!jr_args_get(h, "court-date") || !jr_args_get(h, "start")) {
		jr_cli_error("care measure: geef --court-date en --start");
		return 2;
	}
	if ((status = jr_args_date(h, "court-date", 0, &m.court_date)) ||
	    (status = jr_args_date(h, "start", 0, &m.start)))
		return status;
	if (jr_args_get(h, "end")) {
		if ((status = jr_args_date(h, "end", 0, &m.end)))
			return status;
		m.has_end = true;
	}
	if (gi && jr_args_id(gi, &m.gi_organisation_id)) {
		jr_cli_error("care measure: veld gi: geef het nummer (id) van de gecertificeerde "
			     "instelling");
		return 2;
	}
	if (ref && (status = reference_of(ref, "measure", m.reference)))
		return status;
	err = jr_app_measure_add(app, &m);
	return ANSWER(err, "measure", jr_view_measure, &m);
}

/* Principle 8: the judge extends a measure. */
static int cmd_extend(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"court-date", "end", "reference", NULL};
	struct jr_measure_extension e = {.measure_id = id};
	const char *ref;
	struct jr_measure_record after = {0};
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf out;
	enum jr_err err;
	int status;

	if ((status = jr_args_only(h, "extend", allowed)))
		return status;
	if (!jr_args_get(h, "court-date") || !jr_args_get(h, "end")) {
		jr_cli_error("care extend: geef --court-date en --end");
		return 2;
	}
	if ((status = jr_args_date(h, "court-date", 0, &e.court_date)) ||
	    (status = jr_args_date(h, "end", 0, &e.new_end)))
		return status;
	if ((ref = jr_args_get(h, "reference")) && (status = reference_of(ref, "extend", e.reference)))
		return status;
	err = jr_app_measure_extend(app, &e, &after);
	return ANSWER(err, "extend", jr_view_measure_extension, &e, &after);
}

/* Principle 8: an authorisation of the judge beside a measure. */
static int cmd_authorise(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"kind", "court-date", "start", "end", NULL};
	struct jr_measure_authorisation au = {.measure_id = id};
	const char *kind = jr_args_get(h, "kind");
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf out;
	enum jr_err err;
	int k, status;

	if ((status = jr_args_only(h, "authorise", allowed)))
		return status;
	k = kind ? jr_authorisation_parse(kind) : -1;
	if (k < 0) {
		jr_cli_error("care authorise: veld kind: kies uithuisplaatsing of gesloten");
		return 2;
	}
	au.kind = (enum jr_authorisation)k;
	if (!jr_args_get(h, "court-date") || !jr_args_get(h, "start")) {
		jr_cli_error("care authorise: geef --court-date en --start");
		return 2;
	}
	if ((status = jr_args_date(h, "court-date", 0, &au.court_date)) ||
	    (status = jr_args_date(h, "start", 0, &au.start)))
		return status;
	if (jr_args_get(h, "end")) {
		if ((status = jr_args_date(h, "end", 0, &au.end)))
			return status;
		au.has_end = true;
	}
	err = jr_app_authorisation_add(app, &au);
	return ANSWER(err, "authorise", jr_view_authorisation, &au);
}

static int cmd_change(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"reason-code", "end", "volume", NULL};
	struct jr_allocation_change c = {0};
	const char *reason = jr_args_get(h, "reason-code");
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf out;
	enum jr_err err;
	int honoured = 0, status;

	if ((status = jr_args_only(h, "change", allowed)))
		return status;
	if (!reason || strlen(reason) != 2) {
		jr_cli_error("care change: veld reason-code: geef de reden van wijziging (iJw JZ002, "
			     "twee cijfers: 04 verlenging, 05 verkorting, …)");
		return 2;
	}
	memcpy(c.reason, reason, 3);
	c.has_end = jr_args_get(h, "end") != NULL;
	c.has_volume = jr_args_get(h, "volume") != NULL;
	if ((c.has_end && (status = jr_args_date(h, "end", 0, &c.end))) ||
	    (c.has_volume && (status = int_opt(h, "volume", 1, 100000, true, &c.volume))))
		return status;
	err = jr_app_allocation_change(app, id, &c, &honoured);
	return ANSWER(err, "change", jr_view_allocation_change, id, &c, honoured);
}

static int cmd_start(struct jr_app *app, struct jr_args *h, int64_t id,
		     struct jr_allocation_row *a)
{
	static const char *const allowed[] = {"on", NULL};
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf out;
	int64_t delivery;
	enum jr_err err;
	jr_day on;
	int status;

	if ((status = jr_args_only(h, "start", allowed)) ||
	    (status = jr_args_date(h, "on", app->today, &on)))
		return status;
	err = jr_app_care_start(app, id, on, &delivery, a);
	return ANSWER(err, "start", jr_view_allocation, a);
}

static int cmd_stop(struct jr_app *app, struct jr_args *h, int64_t id, struct jr_allocation_row *a)
{
	static const char *const allowed[] = {"on", "goals-reached", "continues-without-help",
					      "satisfaction", "end-reason", NULL};
	struct jr_care_outcome o;
	const char *goals = jr_args_get(h, "goals-reached"), *reason = jr_args_get(h, "end-reason");
	const struct jr_diag *diag = app->diag;
	struct jr_json_writer jw;
	struct jr_buf out;
	enum jr_err err;
	bool known = false;
	jr_day on;
	int status;

	memset(&o, 0, sizeof(o));
	if ((status = jr_args_only(h, "stop", allowed)) ||
	    (status = jr_args_date(h, "on", app->today, &on)) ||
	    (status = yes_no(h, "continues-without-help", &o.continues_without_help)) ||
	    (status = int_opt(h, "satisfaction", 1, 10, true, &o.satisfaction)))
		return status;
	if (!jr_goals_reached_label(goals)) {
		jr_cli_error("care stop: veld goals_reached: kies yes, partly of no");
		return 2;
	}
	for (const char *const *r = jr_end_reasons; reason && *r; r++)
		known |= strcmp(*r, reason) == 0;
	if (!known) {
		jr_cli_error("care stop: veld end_reason: kies een reden van beëindiging uit iJw JZ588 (02, "
			     "20, 31-39)");
		return 2;
	}
	snprintf(o.goals_reached, sizeof(o.goals_reached), "%s", goals);
	snprintf(o.end_reason, sizeof(o.end_reason), "%s", reason);
	err = jr_app_care_stop(app, id, on, &o, a);
	return ANSWER(err, "stop", jr_view_allocation, a);
}

int jr_cmd_care(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "care"};
	struct jr_cli_session s;
	struct jr_allocation_row *a = NULL;
	const char *sub = argc > 1 ? argv[1] : "";
	int64_t id = 0;
	int status;

	if (strcmp(sub, "referral") && strcmp(sub, "allocate") && strcmp(sub, "start") &&
	    strcmp(sub, "stop") && strcmp(sub, "measure") && strcmp(sub, "change") &&
	    strcmp(sub, "extend") && strcmp(sub, "authorise") && strcmp(sub, "choices") &&
	    strcmp(sub, "letter") && strcmp(sub, "letters")) {
		jr_cli_error("care: kies referral, allocate, choices, change, measure, extend, "
			     "authorise, start, stop, letter of letters; zie jeugdroute care --help");
		return 2;
	}
	jr_cli_session_init(&s, self, &h.db);
	if ((status = jr_args_parse(argc, argv, 2, &h)))
		goto out;
	if (jr_args_id(h.id, &id)) {
		jr_cli_error("care %s: geef het nummer (id) van %s", sub,
			     strcmp(sub, "referral") == 0 || strcmp(sub, "allocate") == 0 ||
				     strcmp(sub, "choices") == 0
				     ? "de hulpvraag"
			     : strcmp(sub, "measure") == 0 ? "het kind"
			     : strcmp(sub, "extend") == 0 || strcmp(sub, "authorise") == 0
				     ? "de maatregel"
				     : "de toewijzing");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_session_open(&s)))
		goto out;
	if (!(a = calloc(1, sizeof(*a)))) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	if (strcmp(sub, "referral") == 0)
		status = cmd_referral(&s.app, &h, id);
	else if (strcmp(sub, "allocate") == 0)
		status = cmd_allocate(&s.app, &h, id);
	else if (strcmp(sub, "choices") == 0)
		status = cmd_choices(&s.app, &h, id);
	else if (strcmp(sub, "measure") == 0)
		status = cmd_measure(&s.app, &h, id);
	else if (strcmp(sub, "change") == 0)
		status = cmd_change(&s.app, &h, id);
	else if (strcmp(sub, "extend") == 0)
		status = cmd_extend(&s.app, &h, id);
	else if (strcmp(sub, "authorise") == 0)
		status = cmd_authorise(&s.app, &h, id);
	else if (strncmp(sub, "letter", 6) == 0) /* cli/cmd_letter.c */
		status = jr_cli_care_letter(&s.app, &h, id, strcmp(sub, "letters") == 0);
	else if (strcmp(sub, "start") == 0)
		status = cmd_start(&s.app, &h, id, a);
	else
		status = cmd_stop(&s.app, &h, id, a);
out:
	free(a);
	jr_cli_session_close(&s);
	return status;
}
