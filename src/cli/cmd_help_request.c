/* cmd_help_request: `jeugdroute help-request` — a family's question for help and its course:
 * register it, record the broad analysis, the goals, the light options weighed and the route
 * advice, and move it step by step (each step checked by core/course.c). Answers in JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/text.h"
#include "json/answer_json.h"
#include "json/policy_set.h"

static const char usage[] =
	"Gebruik: jeugdroute help-request add --child ID --raised-by WIE --question TEKST\n"
	"                                     [--raised-on JJJJ-MM-DD] [--household ID]\n"
	"         jeugdroute help-request show ID\n"
	"         jeugdroute help-request analysis ID --needs domein=ernst,… --explanation TEKST\n"
	"                                     --participants WIE [--hypotheses TEKST] [--made-on D]\n"
	"         jeugdroute help-request goal ID --text TEKST [--review-on JJJJ-MM-DD]\n"
	"         jeugdroute help-request light-option ID --option AANBOD --tried ja|nee\n"
	"                                     [--why-not-enough TEKST]\n"
	"         jeugdroute help-request advice ID [--flags a,b] [--court-measure M] [--today D]\n"
	"         jeugdroute help-request move ID --to STAP --version V\n"
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
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND, --reason TEKST, --policy-dir MAP.\n";

static const char *const raisers[] = {"family", "child",	"school",	"childcare",
				      "gp",	"youth_health", "police",	"veilig_thuis",
				      "local_team", "gi",	"other",	NULL};

/* The options of one invocation: name/value pairs, checked per subcommand. */
#define OPTS_MAX 16
struct hr_args {
	struct jr_cli_db db;
	const char *id;
	const char *names[OPTS_MAX];
	const char *values[OPTS_MAX];
	int count;
};

static const char *opt(const struct hr_args *h, const char *name)
{
	for (int i = 0; i < h->count; i++)
		if (strcmp(h->names[i], name) == 0)
			return h->values[i];
	return NULL;
}

static int parse(int argc, char **argv, struct hr_args *h)
{
	for (int i = 2; i < argc; i++) {
		int r = jr_cli_db_option(argc, argv, &i, &h->db);
		if (r < 0)
			return 2;
		if (r > 0)
			continue;
		if (strncmp(argv[i], "--", 2) == 0 && argv[i][2]) {
			if (i + 1 >= argc || h->count >= OPTS_MAX) {
				jr_cli_error("help-request: %s verwacht een waarde", argv[i]);
				return 2;
			}
			h->names[h->count] = argv[i] + 2;
			h->values[h->count++] = argv[++i];
		} else if (!h->id) {
			h->id = argv[i];
		} else {
			jr_cli_error("help-request: onbekend argument \"%s\"", argv[i]);
			return 2;
		}
	}
	jr_cli_db_defaults(&h->db);
	return 0;
}

/* Only the options in `allowed` (NULL-terminated) may be given. */
static int only(const struct hr_args *h, const char *sub, const char *const *allowed)
{
	for (int i = 0; i < h->count; i++) {
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			ok |= strcmp(*a, h->names[i]) == 0;
		if (!ok) {
			jr_cli_error("help-request %s: onbekende optie --%s; zie jeugdroute "
				     "help-request --help",
				     sub, h->names[i]);
			return 2;
		}
	}
	return 0;
}

static int parse_id(const char *s, int64_t *out)
{
	char *end = NULL;
	long long v = s ? strtoll(s, &end, 10) : 0;
	if (!s || *end || v <= 0)
		return -1;
	*out = v;
	return 0;
}

static int parse_date_opt(const struct hr_args *h, const char *name, jr_day dflt, jr_day *out)
{
	const char *v = opt(h, name);
	if (!v) {
		*out = dflt;
		return 0;
	}
	if (jr_date_parse(v, strlen(v), out)) {
		jr_cli_error("help-request: veld %s: geen bestaande datum; verwacht JJJJ-MM-DD", name);
		return 2;
	}
	return 0;
}

static int text_opt(const struct hr_args *h, const char *name, bool required, char *dst,
		    size_t cap)
{
	const char *v = opt(h, name);
	dst[0] = '\0';
	if (!v && !required)
		return 0;
	if (!v || !jr_text_valid(v, cap, true)) {
		jr_cli_error("help-request: veld %s: verwacht tekst van 1 tot %zu tekens, zonder "
			     "stuurtekens",
			     name, cap - 1);
		return 2;
	}
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

static jr_day today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return jr_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void print_help_request(const struct jr_help_request *h, const struct jr_course_facts *f)
{
	char raised[JR_DATE_STRLEN];
	struct jr_buf b;

	jr_date_format(h->raised_on, raised);
	jr_buf_init(&b, 8192);
	if (!jr_buf_printf(&b, "{\"id\":%lld,\"child_id\":%lld,", (long long)h->id,
			   (long long)h->child_id) &&
	    !(h->household_id ? jr_buf_printf(&b, "\"household_id\":%lld,", (long long)h->household_id)
			      : jr_buf_puts(&b, "\"household_id\":null,")) &&
	    !jr_buf_printf(&b, "\"raised_by\":\"%s\",\"raised_on\":\"%s\",\"question\":", h->raised_by,
			   raised) &&
	    !jr_buf_json_string(&b, h->question) &&
	    !jr_buf_printf(&b, ",\"municipality\":\"%s\",\"state\":\"%s\",\"state_label\":\"%s\","
			       "\"version\":%d",
			   h->municipality, jr_hr_state_name(h->state), jr_hr_state_label(h->state),
			   h->version) &&
	    !(f ? jr_buf_printf(&b, ",\"course\":{\"broad_analysis\":%s,\"goals\":%d,"
				    "\"light_options_weighed\":%s,\"care_started\":%d,"
				    "\"care_running\":%d,\"outcomes_missing\":%d}",
				f->broad_analysis ? "true" : "false", f->goals,
				f->light_options_weighed ? "true" : "false", f->care_started,
				f->care_running, f->outcomes_missing)
		: JR_OK) &&
	    !jr_buf_puts(&b, "}\n"))
		fputs(jr_buf_str(&b), stdout);
	jr_buf_release(&b);
}

static int report(enum jr_err err, const char *sub, const char *why)
{
	switch (err) {
	case JR_OK: return 0;
	case JR_ERR_NOT_FOUND:
		jr_cli_error("help-request %s: niet gevonden (hulpvraag, kind of huishouden)", sub);
		break;
	case JR_ERR_CONFLICT:
		jr_cli_error("help-request %s: de hulpvraag is intussen gewijzigd; lees opnieuw "
			     "(help-request show) en geef de nieuwe --version",
			     sub);
		break;
	case JR_ERR_REFUSED:
		jr_cli_error("help-request %s: geweigerd: %s", sub, why ? why : "regel");
		break;
	default: jr_cli_error("help-request %s: mislukt: %s", sub, jr_err_name(err)); break;
	}
	return jr_err_exit_status(err);
}

static int cmd_add(struct jr_store *store, const struct jr_actor *actor, struct hr_args *h)
{
	static const char *const allowed[] = {"child", "raised-by", "question", "raised-on",
					      "household", NULL};
	struct jr_help_request r = {0};
	struct jr_person child;
	const char *by = opt(h, "raised-by");
	bool known = false;
	int status;

	if ((status = only(h, "add", allowed)))
		return status;
	if (parse_id(opt(h, "child"), &r.child_id)) {
		jr_cli_error("help-request add: veld child: geef het nummer (id) van het kind");
		return 2;
	}
	if (opt(h, "household") && parse_id(opt(h, "household"), &r.household_id)) {
		jr_cli_error("help-request add: veld household: geef het nummer (id) van het "
			     "huishouden");
		return 2;
	}
	for (const char *const *k = raisers; by && *k; k++)
		known |= strcmp(*k, by) == 0;
	if (!known) {
		jr_cli_error("help-request add: veld raised_by: kies family, child, school, childcare, "
			     "gp, youth_health, police, veilig_thuis, local_team, gi of other");
		return 2;
	}
	snprintf(r.raised_by, sizeof(r.raised_by), "%s", by);
	if ((status = text_opt(h, "question", true, r.question, sizeof(r.question))) ||
	    (status = parse_date_opt(h, "raised-on", today(), &r.raised_on)))
		return status;
	if (r.raised_on > today()) {
		jr_cli_error("help-request add: veld raised_on: de datum ligt in de toekomst");
		return 2;
	}
	/* Residence principle: the child's municipality is responsible. */
	if ((status = report(jr_store_person_get(store, actor, r.child_id, &child), "add", NULL)))
		return status;
	memcpy(r.municipality, child.municipality, sizeof(r.municipality));
	if ((status = report(jr_store_help_request_add(store, actor, &r), "add", NULL)))
		return status;
	print_help_request(&r, NULL);
	return 0;
}

static int cmd_show(struct jr_store *store, const struct jr_actor *actor, int64_t id)
{
	struct jr_help_request r;
	struct jr_course_facts f;
	int status = report(jr_store_help_request_get(store, actor, id, &r), "show", NULL);

	if (!status)
		status = report(jr_store_course_facts(store, id, &f), "show", NULL);
	if (!status)
		print_help_request(&r, &f);
	return status;
}

static int cmd_analysis(struct jr_store *store, const struct jr_actor *actor, struct hr_args *h,
			int64_t id)
{
	static const char *const allowed[] = {"needs", "explanation", "participants", "hypotheses",
					      "made-on", NULL};
	struct jr_broad_analysis *b = calloc(1, sizeof(*b));
	const char *needs = opt(h, "needs");
	int status = 2;

	if (!b) {
		jr_cli_error("onvoldoende geheugen");
		return 1;
	}
	b->help_request_id = id;
	if (only(h, "analysis", allowed) ||
	    text_opt(h, "explanation", true, b->explanation, sizeof(b->explanation)) ||
	    text_opt(h, "participants", true, b->participants, sizeof(b->participants)) ||
	    text_opt(h, "hypotheses", false, b->hypotheses, sizeof(b->hypotheses)) ||
	    parse_date_opt(h, "made-on", today(), &b->made_on))
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
	status = report(jr_store_analysis_add(store, actor, b), "analysis", NULL);
	if (!status)
		status = cmd_show(store, actor, id);
out:
	free(b);
	return status;
}

static int cmd_goal(struct jr_store *store, const struct jr_actor *actor, struct hr_args *h,
		    int64_t id)
{
	static const char *const allowed[] = {"text", "review-on", NULL};
	char text[JR_TEXT_FIELD_MAX];
	jr_day review = 0;
	int status;

	if ((status = only(h, "goal", allowed)) ||
	    (status = text_opt(h, "text", true, text, sizeof(text))) ||
	    (status = parse_date_opt(h, "review-on", 0, &review)))
		return status;
	status = report(jr_store_goal_add(store, actor, id, text, opt(h, "review-on") != NULL,
					  review),
			"goal", NULL);
	return status ? status : cmd_show(store, actor, id);
}

/* Finds the offer in the policy of the help request's municipality: social base or no
 * referral. */
static const char *offer_kind(const struct jr_policy *p, const char *id)
{
	for (size_t i = 0; i < p->social_base_count; i++)
		if (strcmp(p->social_base[i].id, id) == 0)
			return "social_base";
	for (size_t i = 0; i < p->no_referral_count; i++)
		if (strcmp(p->no_referral[i].id, id) == 0)
			return "no_referral";
	return NULL;
}

static int cmd_light_option(struct jr_store *store, const struct jr_actor *actor,
			    struct hr_args *h, int64_t id, const struct jr_policy_set *set)
{
	static const char *const allowed[] = {"option", "tried", "why-not-enough", NULL};
	struct jr_help_request r;
	const struct jr_policy *p;
	const char *option = opt(h, "option"), *tried = opt(h, "tried"), *kind;
	char why[JR_TEXT_FIELD_MAX];
	int status;

	if ((status = only(h, "light-option", allowed)) ||
	    (status = text_opt(h, "why-not-enough", false, why, sizeof(why))))
		return status;
	if (!tried || (strcmp(tried, "ja") && strcmp(tried, "nee"))) {
		jr_cli_error("help-request light-option: veld tried: verwacht ja of nee");
		return 2;
	}
	if ((status = report(jr_store_help_request_get(store, actor, id, &r), "light-option", NULL)))
		return status;
	p = jr_policy_set_find(set, r.municipality);
	kind = p && option ? offer_kind(p, option) : NULL;
	if (!kind) {
		jr_cli_error("help-request light-option: veld option: geen aanbod van deze regio; zie "
			     "jeugdroute policy show");
		return 2;
	}
	if (!why[0]) {
		jr_cli_error("help-request light-option: veld why_not_enough: zeg waarom dit aanbod "
			     "niet (genoeg) helpt");
		return 2;
	}
	status = report(jr_store_light_option_add(store, actor, id, kind, option,
						  strcmp(tried, "ja") == 0, why),
			"light-option", NULL);
	return status ? status : cmd_show(store, actor, id);
}

static int cmd_move(struct jr_store *store, const struct jr_actor *actor, struct hr_args *h,
		    int64_t id)
{
	static const char *const allowed[] = {"to", "version", NULL};
	struct jr_help_request r;
	const char *to = opt(h, "to"), *why = NULL;
	int64_t version;
	enum jr_err err;
	int state, status;

	if ((status = only(h, "move", allowed)))
		return status;
	state = to ? jr_hr_state_parse(to) : -1;
	if (state < 0) {
		jr_cli_error("help-request move: veld to: kies analysed, planned, in_care, evaluated, "
			     "closed of withdrawn");
		return 2;
	}
	if (parse_id(opt(h, "version"), &version)) {
		jr_cli_error("help-request move: veld version: geef de versie die gelezen is");
		return 2;
	}
	if ((status = report(jr_store_help_request_get(store, actor, id, &r), "move", NULL)))
		return status;
	r.version = (int)version;
	/* Call first: `why` is filled by the call (argument order is unspecified). */
	err = jr_store_help_request_move(store, actor, &r, (enum jr_hr_state)state, &why);
	status = report(err, "move", why);
	return status ? status : cmd_show(store, actor, id);
}

/* Routes the child's question with the latest broad analysis (core/route.c), records the answer
 * as the route advice given, and prints it. */
static int cmd_advice(struct jr_store *store, const struct jr_actor *actor, struct hr_args *h,
		      int64_t id, const struct jr_policy_set *set)
{
	static const char *const allowed[] = {"flags", "court-measure", "today", NULL};
	struct jr_help_request r;
	struct jr_person child;
	struct jr_broad_analysis *b = calloc(1, sizeof(*b));
	struct jr_request *req = calloc(1, sizeof(*req));
	struct jr_answer *ans = calloc(1, sizeof(*ans));
	struct jr_buf out, scratch;
	const struct jr_policy *p;
	const char *flags = opt(h, "flags"), *measure = opt(h, "court-measure");
	enum jr_err err;
	int status = 2;

	jr_buf_init(&out, 1 << 20);
	jr_buf_init(&scratch, 1 << 16);
	if (!b || !req || !ans) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	if (only(h, "advice", allowed) || parse_date_opt(h, "today", today(), &req->date))
		goto out;
	if (measure && jr_measure_parse(measure) < 0) {
		jr_cli_error("help-request advice: veld court_measure: kies ots, voogdij, "
			     "jeugdreclassering of machtiging_gesloten");
		goto out;
	}
	req->measure = measure ? (enum jr_measure)jr_measure_parse(measure) : JR_MEASURE_NONE;
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
		req->flags |= JR_FLAG_BIT(flag);
		f += n + (f[n] == ',');
	}
	if ((status = report(jr_store_help_request_get(store, actor, id, &r), "advice", NULL)) ||
	    (status = report(jr_store_person_get(store, actor, r.child_id, &child), "advice", NULL)))
		goto out;
	err = jr_store_analysis_latest(store, id, b);
	if (err == JR_ERR_NOT_FOUND) {
		jr_cli_error("help-request advice: leg eerst de brede analyse vast (help-request "
			     "analysis): het advies gaat uit van de ernst per domein");
		status = 2;
		goto out;
	}
	if ((status = report(err, "advice", NULL)))
		goto out;
	p = jr_policy_set_find(set, r.municipality);
	if (!p) {
		jr_cli_error("help-request advice: gemeente %s staat in geen beleidsbestand",
			     r.municipality);
		status = 2;
		goto out;
	}
	snprintf(req->id, sizeof(req->id), "hulpvraag-%lld", (long long)id);
	memcpy(req->municipality, r.municipality, sizeof(req->municipality));
	req->birth_date = child.birth_date;
	memcpy(req->needs, b->needs, sizeof(req->needs));
	req->broad_analysis = true;
	if (req->birth_date > req->date) {
		jr_cli_error("help-request advice: de geboortedatum ligt na --today");
		status = 2;
		goto out;
	}
	if (jr_route(p, req, ans) || jr_answer_write_json(&out, &scratch, ans)) {
		jr_cli_error("help-request advice: routeren mislukt");
		status = 1;
		goto out;
	}
	status = report(jr_store_route_advice_add(store, actor, id, p->id, jr_buf_str(&out)),
			"advice", NULL);
	if (!status)
		printf("%s\n", jr_buf_str(&out));
out:
	jr_buf_release(&out);
	jr_buf_release(&scratch);
	free(b);
	free(req);
	free(ans);
	return status;
}

int jr_cmd_help_request(int argc, char **argv)
{
	struct hr_args h = {0};
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	struct jr_diag diag;
	char bad[JR_PATH_MAX];
	const char *sub = argc > 1 ? argv[1] : "";
	int64_t id = 0;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (strcmp(sub, "add") && strcmp(sub, "show") && strcmp(sub, "analysis") &&
	    strcmp(sub, "goal") && strcmp(sub, "light-option") && strcmp(sub, "advice") &&
	    strcmp(sub, "move")) {
		jr_cli_error("help-request: kies add, show, analysis, goal, light-option, advice of "
			     "move; zie jeugdroute help-request --help");
		return 2;
	}
	jr_policy_set_init(&set);
	if ((status = parse(argc, argv, &h)))
		goto out;
	if (strcmp(sub, "add") != 0 && parse_id(h.id, &id)) {
		jr_cli_error("help-request %s: geef het nummer (id) van de hulpvraag", sub);
		status = 2;
		goto out;
	}
	if (jr_policy_set_load_dir(&set, h.db.policy_dir, &diag, bad, sizeof(bad))) {
		jr_cli_error("%s: %s: %s", bad, diag.path, diag.message);
		status = 2;
		goto out;
	}
	jr_cli_actor(&actor, &h.db);
	if (jr_store_open(h.db.db, h.db.key, false, &store, &diag)) {
		jr_cli_error("help-request: %s: %s", h.db.db, diag.message);
		status = 1;
		goto out;
	}
	if (strcmp(sub, "add") == 0)
		status = cmd_add(store, &actor, &h);
	else if (strcmp(sub, "show") == 0)
		status = cmd_show(store, &actor, id);
	else if (strcmp(sub, "analysis") == 0)
		status = cmd_analysis(store, &actor, &h, id);
	else if (strcmp(sub, "goal") == 0)
		status = cmd_goal(store, &actor, &h, id);
	else if (strcmp(sub, "light-option") == 0)
		status = cmd_light_option(store, &actor, &h, id, &set);
	else if (strcmp(sub, "advice") == 0)
		status = cmd_advice(store, &actor, &h, id, &set);
	else
		status = cmd_move(store, &actor, &h, id);
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	return status;
}
