/* cmd_care: `jeugdroute care referral|allocate|change|start|stop` — who referred, what was
 * allocated to which provider (checked against every allocation rule), what was changed of it,
 * and when care started and stopped with its outcome. Answers in JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/refer.h"
#include "cli/cli.h"
#include "core/ident.h"
#include "core/rules.h"
#include "core/why.h"
#include "json/policy_set.h"

static const char usage[] =
	"Gebruik: jeugdroute care referral HULPVRAAG --type 01-08 --name NAAM --form 1-10\n"
	"                                  [--agb AGB] [--referred-on JJJJ-MM-DD]\n"
	"         jeugdroute care allocate HULPVRAAG --provider ID --form 1-10\n"
	"                                  (--referral ID | --municipal-decision ja)\n"
	"                                  --start JJJJ-MM-DD [--end JJJJ-MM-DD]\n"
	"                                  [--result TEKST --intensity OB1-OB4]\n"
	"                                  [--product-code CODE --volume N --unit EENHEID\n"
	"                                   --frequency FREQUENTIE]\n"
	"         jeugdroute care change TOEWIJZING --reason-code JZ002 [--end JJJJ-MM-DD]\n"
	"                                  [--volume N]\n"
	"         jeugdroute care measure KIND --kind ots|voogdij|jeugdreclassering|\n"
	"                                  machtiging_gesloten --court-date JJJJ-MM-DD\n"
	"                                  --start JJJJ-MM-DD [--end JJJJ-MM-DD] [--gi ORGANISATIE]\n"
	"         jeugdroute care start TOEWIJZING [--on JJJJ-MM-DD]\n"
	"         jeugdroute care stop TOEWIJZING --goals-reached yes|partly|no\n"
	"                                  --continues-without-help ja|nee --satisfaction 1-10\n"
	"                                  --end-reason JZ588 [--on JJJJ-MM-DD]\n"
	"\n"
	"referral   legt een verwijzing vast (iJw COD327: 01 gemeente, 02 huisarts, 03 jeugdarts,\n"
	"           04 GI, 05 medisch specialist, 06 zelfverwijzer, 08 rechter/OvJ) en beoordeelt\n"
	"           hem met regel 7: mag deze verwijzer naar deze vorm verwijzen, met AGB-code?\n"
	"allocate   maakt een toewijzing, pas als alles klopt: aanbieder niet geschorst, een\n"
	"           contract voor vorm, gemeente en datum, een geldige verwijzing of een besluit van\n"
	"           de gemeente, de brede analyse waar nodig, en wat het regime van de gemeente\n"
	"           vraagt (resultaatgericht: resultaat en OB-niveau; productgericht: productcode en\n"
	"           omvang; generiek: geen product en geen einddatum). Anders: geweigerd, met reden.\n"
	"change     wijzigt de einddatum of het volume van een toewijzing, met de reden (iJw\n"
	"           JZ002: 04 verlenging, 05 verkorting, 13 verwijderd, …); een verzoek om\n"
	"           wijziging (JW317) van de aanbieder dat hierop wacht, is daarmee gehonoreerd.\n"
	"           De volgende ijw export stuurt de toewijzing opnieuw (JW301, RedenWijziging).\n"
	"measure    legt een maatregel van de rechter vast (gedwongen kader): daarna mag de GI\n"
	"           verwijzen en vraagt alle zorg voor dit kind eerst een brede analyse.\n"
	"start/stop begin en einde van de zorg; bij het einde de uitkomst (doelen bereikt, verder\n"
	"           zonder hulp, tevredenheid) en de reden van beëindiging (iJw JZ588).\n"
	"\n"
	"Voor elke opdracht: --db URL, --key BESTAND, --reason TEKST, --policy-dir MAP.\n";

static int report(enum jr_err err, const char *sub, const char *why)
{
	switch (err) {
	case JR_OK: return 0;
	case JR_ERR_NOT_FOUND:
		jr_cli_error("care %s: niet gevonden (kind, hulpvraag, aanbieder, organisatie, "
			     "toewijzing of lopende zorg)",
			     sub);
		break;
	case JR_ERR_CONFLICT: jr_cli_error("care %s: de zorg op deze toewijzing loopt al", sub); break;
	case JR_ERR_REFUSED: jr_cli_error("care %s: geweigerd: %s", sub, why ? why : "regel"); break;
	case JR_ERR_INPUT: jr_cli_error("care %s: de einddatum ligt vóór de start van de zorg", sub); break;
	default: jr_cli_error("care %s: mislukt: %s", sub, jr_err_name(err)); break;
	}
	return jr_err_exit_status(err);
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

/* The help request and the policy of its municipality. */
static int request_policy(struct jr_store *store, const struct jr_actor *actor, int64_t id,
			  const struct jr_policy_set *set, const char *sub,
			  struct jr_help_request *r, const struct jr_policy **p)
{
	int status = report(jr_store_help_request_get(store, actor, id, r), sub, NULL);
	if (status)
		return status;
	*p = jr_policy_set_find(set, r->municipality);
	if (!*p) {
		jr_cli_error("care %s: gemeente %s staat in geen beleidsbestand", sub, r->municipality);
		return 2;
	}
	return 0;
}

static int cmd_referral(struct jr_store *store, const struct jr_actor *actor, struct jr_args *h,
			int64_t id, const struct jr_policy_set *set)
{
	static const char *const allowed[] = {"type", "name", "form", "agb", "referred-on", NULL};
	struct jr_referral ref = {.help_request_id = id};
	const char *type = jr_args_get(h, "type"), *agb = jr_args_get(h, "agb");
	struct jr_buf why, q;
	enum jr_err err;
	int status = 2;

	jr_buf_init(&why, 4096);
	jr_buf_init(&q, 8192);
	if (jr_args_only(h, "referral", allowed) ||
	    jr_args_text(h, "name", true, ref.referrer_name, sizeof(ref.referrer_name)) ||
	    int_opt(h, "form", 1, JR_FORM_COUNT, true, &ref.form) ||
	    jr_args_date(h, "referred-on", jr_args_today(), &ref.referred_on))
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
	err = jr_app_refer(store, actor, set, &ref, &why);
	if (err == JR_ERR_POLICY) {
		jr_cli_error("care referral: de gemeente van de hulpvraag staat in geen beleidsbestand");
		goto out;
	}
	if ((status = report(err, "referral", NULL)))
		goto out;
	if (!jr_buf_json_string(&q, jr_buf_str(&why)))
		printf("{\"id\":%lld,\"help_request_id\":%lld,\"type\":\"%s\",\"form\":%d,"
		       "\"valid\":%s,\"why\":%s}\n",
		       (long long)ref.id, (long long)id, type, ref.form, ref.valid ? "true" : "false",
		       jr_buf_str(&q));
out:
	jr_buf_release(&why);
	jr_buf_release(&q);
	return status;
}

static int cmd_allocate(struct jr_store *store, const struct jr_actor *actor, struct jr_args *h,
			int64_t id, const struct jr_policy_set *set)
{
	static const char *const allowed[] = {"provider", "form", "referral", "municipal-decision",
					      "start", "end", "result", "intensity", "product-code",
					      "volume", "unit", "frequency", NULL};
	struct jr_allocation *al = calloc(1, sizeof(*al));
	struct jr_help_request *r = calloc(1, sizeof(*r));
	const struct jr_policy *p;
	const char *intensity = jr_args_get(h, "intensity"), *code = jr_args_get(h, "product-code");
	const char *why = NULL, *decision = jr_args_get(h, "municipal-decision");
	char start[JR_DATE_STRLEN];
	bool municipal = false;
	enum jr_err err;
	int status = 2;

	if (!al || !r) {
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
	municipal = decision != NULL;
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
	if ((status = request_policy(store, actor, id, set, "allocate", r, &p)))
		goto out;
	err = jr_store_allocation_add(store, actor, p, al, municipal, &why);
	if ((status = report(err, "allocate", why)))
		goto out;
	jr_date_format(al->start, start);
	printf("{\"id\":%lld,\"number\":\"%s\",\"help_request_id\":%lld,\"provider_id\":%lld,"
	       "\"form\":%d,\"jz020\":\"%s\",\"regime\":\"%s\",\"start\":\"%s\"}\n",
	       (long long)al->id, al->number, (long long)id, (long long)al->provider_id, al->form,
	       al->jz020, jr_regime_name(al->regime), start);
out:
	free(al);
	free(r);
	return status;
}

static int cmd_measure(struct jr_store *store, const struct jr_actor *actor, struct jr_args *h,
		       int64_t child)
{
	static const char *const allowed[] = {"kind", "court-date", "start", "end", "gi", NULL};
	struct jr_measure_record m = {.child_id = child};
	const char *kind = jr_args_get(h, "kind"), *gi = jr_args_get(h, "gi");
	char start[JR_DATE_STRLEN];
	int k, status;

	if ((status = jr_args_only(h, "measure", allowed)))
		return status;
	k = kind ? jr_measure_parse(kind) : -1;
	if (k <= 0) {
		jr_cli_error("care measure: veld kind: kies ots, voogdij, jeugdreclassering of "
			     "machtiging_gesloten");
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
		if (m.end < m.start) {
			jr_cli_error("care measure: veld end: ligt vóór de start");
			return 2;
		}
	}
	if (gi && jr_args_id(gi, &m.gi_organisation_id)) {
		jr_cli_error("care measure: veld gi: geef het nummer (id) van de gecertificeerde "
			     "instelling");
		return 2;
	}
	if ((status = report(jr_store_measure_add(store, actor, &m), "measure", NULL)))
		return status;
	jr_date_format(m.start, start);
	printf("{\"id\":%lld,\"child_id\":%lld,\"kind\":\"%s\",\"start\":\"%s\",\"framework\":"
	       "\"compulsory\"}\n",
	       (long long)m.id, (long long)child, jr_measure_name(m.kind), start);
	return 0;
}

static int cmd_change(struct jr_store *store, const struct jr_actor *actor, struct jr_args *h,
		      int64_t id)
{
	static const char *const allowed[] = {"reason-code", "end", "volume", NULL};
	struct jr_allocation_change c = {0};
	const char *reason = jr_args_get(h, "reason-code"), *why = NULL;
	char day[JR_DATE_STRLEN];
	int honoured = 0, status;
	enum jr_err err;

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
	err = jr_store_allocation_change(store, actor, id, &c, &honoured, &why);
	if ((status = report(err, "change", why)))
		return status;
	printf("{\"allocation_id\":%lld,\"reason_code\":\"%s\",\"end\":", (long long)id,
	       c.reason);
	if (c.has_end) {
		jr_date_format(c.end, day);
		printf("\"%s\"", day);
	} else {
		fputs("null", stdout);
	}
	if (c.has_volume)
		printf(",\"volume\":%d", c.volume);
	else
		fputs(",\"volume\":null", stdout);
	printf(",\"requests_honoured\":%d}\n", honoured);
	return 0;
}

static int cmd_start(struct jr_store *store, const struct jr_actor *actor, struct jr_args *h,
		     int64_t id)
{
	static const char *const allowed[] = {"on", NULL};
	char day[JR_DATE_STRLEN];
	int64_t delivery;
	jr_day on;
	int status;

	if ((status = jr_args_only(h, "start", allowed)) ||
	    (status = jr_args_date(h, "on", jr_args_today(), &on)) ||
	    (status = report(jr_store_care_start(store, actor, id, on, &delivery), "start", NULL)))
		return status;
	jr_date_format(on, day);
	printf("{\"allocation_id\":%lld,\"delivery_id\":%lld,\"started_on\":\"%s\"}\n",
	       (long long)id, (long long)delivery, day);
	return 0;
}

static int cmd_stop(struct jr_store *store, const struct jr_actor *actor, struct jr_args *h,
		    int64_t id)
{
	static const char *const allowed[] = {"on", "goals-reached", "continues-without-help",
					      "satisfaction", "end-reason", NULL};
	struct jr_care_outcome o;
	const char *goals = jr_args_get(h, "goals-reached"), *reason = jr_args_get(h, "end-reason");
	char day[JR_DATE_STRLEN];
	bool known = false;
	jr_day on;
	int status;

	memset(&o, 0, sizeof(o));
	if ((status = jr_args_only(h, "stop", allowed)) ||
	    (status = jr_args_date(h, "on", jr_args_today(), &on)) ||
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
	if ((status = report(jr_store_care_stop(store, actor, id, on, &o), "stop", NULL)))
		return status;
	jr_date_format(on, day);
	printf("{\"allocation_id\":%lld,\"stopped_on\":\"%s\",\"goals_reached\":\"%s\","
	       "\"continues_without_help\":%s,\"satisfaction\":%d,\"reason\":\"%s\"}\n",
	       (long long)id, day, o.goals_reached, o.continues_without_help ? "true" : "false",
	       o.satisfaction, o.end_reason);
	return 0;
}

int jr_cmd_care(int argc, char **argv)
{
	struct jr_args h = {.command = "care"};
	struct jr_policy_set set;
	struct jr_store *store = NULL;
	struct jr_actor actor;
	const char *sub = argc > 1 ? argv[1] : "";
	int64_t id = 0;
	int status;

	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (strcmp(sub, "referral") && strcmp(sub, "allocate") && strcmp(sub, "start") &&
	    strcmp(sub, "stop") && strcmp(sub, "measure") && strcmp(sub, "change")) {
		jr_cli_error("care: kies referral, allocate, change, measure, start of stop; zie "
			     "jeugdroute care --help");
		return 2;
	}
	jr_policy_set_init(&set);
	if ((status = jr_args_parse(argc, argv, 2, &h)))
		goto out;
	if (jr_args_id(h.id, &id)) {
		jr_cli_error("care %s: geef het nummer (id) van %s", sub,
			     strcmp(sub, "referral") == 0 || strcmp(sub, "allocate") == 0
				     ? "de hulpvraag"
			     : strcmp(sub, "measure") == 0 ? "het kind"
							    : "de toewijzing");
		status = 2;
		goto out;
	}
	if ((status = jr_cli_load_policies(&h.db, &set)))
		goto out;
	jr_cli_actor(&actor, &h.db);
	if ((status = jr_cli_open_store("care", &h.db, &store)))
		goto out;
	if (strcmp(sub, "referral") == 0)
		status = cmd_referral(store, &actor, &h, id, &set);
	else if (strcmp(sub, "allocate") == 0)
		status = cmd_allocate(store, &actor, &h, id, &set);
	else if (strcmp(sub, "measure") == 0)
		status = cmd_measure(store, &actor, &h, id);
	else if (strcmp(sub, "change") == 0)
		status = cmd_change(store, &actor, &h, id);
	else if (strcmp(sub, "start") == 0)
		status = cmd_start(store, &actor, &h, id);
	else
		status = cmd_stop(store, &actor, &h, id);
out:
	jr_store_close(store);
	jr_policy_set_release(&set);
	return status;
}
