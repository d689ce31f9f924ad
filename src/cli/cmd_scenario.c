/* cmd_scenario: `jeugdroute scenario` — what a changed policy would do to a population of help
 * requests (issue 16 §6, docs/scenario.md). A thin adapter: it loads the base policy (the
 * region's from --policy-dir, or --base FILE) and the scenario (--policy FILE, checked as
 * `policy check` checks it), takes the population from a JSON Lines file (--requests: routed in
 * blocks over worker threads, as `route --batch` does) or from the records (app/scenario.c),
 * runs the bootstrap (report/scenario.c) and writes JSON or Dutch text. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/scenario.h"
#include "cli/cli.h"
#include "cli/lanes.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "core/alloc.h"
#include "core/region.h"
#include "json/file.h"
#include "json/policy_set.h"
#include "json/request_json.h"

const char jr_usage_scenario[] =
	"Gebruik: jeugdroute scenario --policy BESTAND (--region ID | --base BESTAND)\n"
	"                             [--requests BESTAND.jsonl] [--costs BESTAND] [--seed N]\n"
	"                             [--resamples N] [--threads N] [--outcomes ja|nee]\n"
	"                             [--date JJJJ-MM-DD] [--format json|text]\n"
	"                             [--db URL] [--key BESTAND] [--policy-dir MAP]\n"
	"\n"
	"Wat zou een ander beleid doen? Routeert een populatie hulpvragen twee keer: onder het\n"
	"huidige beleid (--region: dat van de regio in --policy-dir; of --base BESTAND) en onder het\n"
	"scenario (--policy BESTAND, gecontroleerd als bij jeugdroute policy check). Geeft per vorm\n"
	"en per gemeente de opties en de verwachte toewijzingen, het verschil, het aandeel verblijf\n"
	"buiten huis, de verwachte kosten en de spreiding (p5, p50, p95) uit een bootstrap.\n"
	"Cellen van 1 tot en met 4 hulpvragen worden niet getoond, net als in de cijfers.\n"
	"\n"
	"Opties:\n"
	"  --requests BESTAND  de populatie: routeerverzoeken als JSON Lines (zoals route --batch);\n"
	"                      zonder deze optie: de hulpvragen van de regio in de registratie\n"
	"  --costs BESTAND     tarief per vorm (examples/scenarios/kosten-per-vorm.json)\n"
	"  --seed N            het startgetal van de bootstrap (standaard 1)\n"
	"  --resamples N       het aantal herhalingen van de bootstrap (standaard 1000)\n"
	"  --threads N         routeren met N threads (standaard: het aantal processoren, max. 8)\n"
	"  --outcomes ja|nee   ja: weeg met de historische uitkomsten uit de registratie (welk deel\n"
	"                      van de geadviseerde hulp werd toegewezen); nee: geen registratie\n"
	"                      nodig. Standaard ja zonder --requests, nee met --requests.\n"
	"  --date JJJJ-MM-DD   de datum voor verzoeken zonder \"date\" en van het beleid van de\n"
	"                      regio (standaard vandaag; --today is hetzelfde)\n"
	"  --format json|text  standaard json\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldige aanroep, onbekende regio, ongeldig bestand of beleid\n"
	"(één regel op stderr noemt bestand, veld en reden); 1 interne of schijffout.\n";

#define BLOCK (4 * 1024 * 1024)

struct scen_opts {
	const char *policy, *region, *base, *requests, *costs, *format;
	uint64_t seed;
	int resamples, threads;
	bool outcomes, text;
	jr_day today;
};

/* One worker: its scratch space, its part of the tally, its block of lines. */
struct lane {
	const struct jr_scen_run *run;
	struct jr_scen_work *work;
	struct jr_scen_tally *tally;
	const char *data;
	size_t len;
};

static int number_opt(const struct jr_args *h, const char *name, long long min, long long max,
		      long long dflt, long long *out)
{
	const char *v = jr_args_get(h, name);

	*out = dflt;
	if (v && jr_cli_number(v, min, max, out) != 0) {
		jr_cli_error("scenario: --%s \"%s\": verwacht een geheel getal van %lld tot en met "
			     "%lld",
			     name, v, min, max);
		return 2;
	}
	return 0;
}

static int parse_opts(struct jr_args *h, struct scen_opts *o)
{
	static const char *const allowed[] = {"policy",  "region",  "base",	"requests",
					      "costs",	 "seed",    "resamples", "threads",
					      "outcomes", "date",   "today",	"format",
					      NULL};
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	long long n;
	const char *v;
	int status;

	if ((status = jr_args_only(h, "", allowed)))
		return status;
	if (h->id) {
		jr_cli_error("scenario: onverwacht argument \"%s\"; zie jeugdroute scenario --help",
			     h->id);
		return 2;
	}
	o->policy = jr_args_get(h, "policy");
	o->region = jr_args_get(h, "region");
	o->base = jr_args_get(h, "base");
	o->requests = jr_args_get(h, "requests");
	o->costs = jr_args_get(h, "costs");
	if (!o->policy) {
		jr_cli_error("scenario: --policy ontbreekt: het beleidsbestand van het scenario");
		return 2;
	}
	if (!o->region == !o->base) {
		jr_cli_error("scenario: geef --region ID of --base BESTAND (één van beide): het "
			     "beleid waarmee het scenario vergeleken wordt");
		return 2;
	}
	if ((status = number_opt(h, "seed", 0, 999999999999LL, 1, &n)))
		return status;
	o->seed = (uint64_t)n;
	if ((status = number_opt(h, "resamples", 1, JR_SCEN_RESAMPLES_MAX, 1000, &n)))
		return status;
	o->resamples = (int)n;
	if ((status = number_opt(h, "threads", 1, JR_CLI_LANES_MAX,
				 online < 1 ? 1 : online > 8 ? 8 : online, &n)))
		return status;
	o->threads = (int)n;
	v = jr_args_get(h, "outcomes");
	if (v && strcmp(v, "ja") != 0 && strcmp(v, "nee") != 0) {
		jr_cli_error("scenario: --outcomes \"%s\": verwacht ja of nee", v);
		return 2;
	}
	o->outcomes = v ? strcmp(v, "ja") == 0 : !o->requests;
	v = jr_args_get(h, "format");
	if (v && strcmp(v, "json") != 0 && strcmp(v, "text") != 0) {
		jr_cli_error("scenario: --format \"%s\": verwacht json of text", v);
		return 2;
	}
	o->text = v && strcmp(v, "text") == 0;
	if (jr_args_get(h, "date") && jr_args_get(h, "today")) {
		jr_cli_error("scenario: geef --date of --today, niet allebei");
		return 2;
	}
	if ((status = jr_args_date(h, jr_args_get(h, "today") ? "today" : "date", jr_args_today(),
				   &o->today)))
		return status;
	return 0;
}

/* Loads one policy file into `set`, as `policy check` does; 2 after naming what is wrong. */
static int load_policy(struct jr_policy_set *set, const char *file, const char *what)
{
	struct jr_diag diag;
	const char *bad;
	enum jr_err err = jr_policy_set_add_file(set, file, &diag, &bad);

	if (!err)
		return 0;
	jr_cli_error("scenario: %s %s: %s: %s", what, bad, diag.path[0] ? diag.path : "$",
		     diag.message[0] ? diag.message : jr_err_name(err));
	return jr_err_exit_status(err);
}

static int load_costs(const char *file, struct jr_scen_params *p)
{
	struct jr_buf in;
	struct jr_diag diag;
	int errnum = 0, status = 0;
	enum jr_err err;

	jr_buf_init(&in, 1 << 20);
	err = jr_file_read(file, 1 << 20, &in, &errnum);
	if (err) {
		jr_cli_error("scenario: --costs %s: kan niet gelezen worden: %s", file,
			     errnum ? strerror(errnum) : jr_err_name(err));
		status = 2;
		goto out;
	}
	err = jr_app_scenario_tariffs(jr_buf_str(&in), in.len, p->tariff, &diag);
	if (err) {
		jr_cli_error("scenario: --costs %s: %s: %s", file, diag.path, diag.message);
		status = jr_err_exit_status(err);
		goto out;
	}
	p->has_tariffs = true;
	snprintf(p->tariffs_source, sizeof(p->tariffs_source), "het bestand %.100s", file);
out:
	jr_buf_release(&in);
	return status;
}

static void *lane_run(void *arg)
{
	struct lane *l = arg;
	const char *p = l->data, *end = l->data + l->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && !(n == 1 && p[0] == '\r'))
			jr_app_scenario_line(l->run, p, n, l->work, l->tally);
		p += n + (nl ? 1 : 0);
	}
	return NULL;
}

/* Splits a block of whole lines over the lanes and routes it. */
static void route_block(struct lane *lanes, int count, const char *data, size_t len)
{
	size_t at[JR_CLI_LANES_MAX + 1];
	void *arg[JR_CLI_LANES_MAX];
	bool busy[JR_CLI_LANES_MAX];

	jr_cli_lanes_cut(data, len, count, at);
	for (int i = 0; i < count; i++) {
		lanes[i].data = data + at[i];
		lanes[i].len = at[i + 1] - at[i];
		arg[i] = &lanes[i];
		busy[i] = lanes[i].len > 0;
	}
	jr_cli_lanes_run(lane_run, arg, busy, count);
}

/* Routes every line of `file` into lanes[*].tally. 0, or 2 when it cannot be read. */
static int read_requests(const char *file, struct lane *lanes, int count)
{
	FILE *in = fopen(file, "rb");
	size_t cap = BLOCK + JR_REQUEST_MAX_BYTES + 2, have = 0;
	char *buf = NULL;
	bool skipping = false;
	int status = 0;

	if (!in) {
		jr_cli_error("scenario: --requests %s: kan niet gelezen worden: %s", file,
			     strerror(errno));
		return 2;
	}
	buf = jr_malloc(cap);
	if (!buf) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	for (;;) {
		size_t n = fread(buf + have, 1, cap - have, in), start = 0, end;
		bool eof = n == 0;

		have += n;
		if (skipping) { /* the tail of an over-long line, counted already */
			const char *nl = memchr(buf, '\n', have);
			if (!nl) {
				have = 0;
				if (eof)
					break;
				continue;
			}
			start = (size_t)(nl - buf) + 1;
			skipping = false;
		}
		end = have;
		if (!eof)
			while (end > start && buf[end - 1] != '\n')
				end--;
		if (end > start)
			route_block(lanes, count, buf + start, end - start);
		memmove(buf, buf + end, have - end);
		have -= end;
		if (!eof && have > JR_REQUEST_MAX_BYTES) {
			/* longer than any request: counted as refused, the rest skipped */
			lanes[0].tally->read++;
			lanes[0].tally->refused++;
			skipping = true;
			have = 0;
		}
		if (eof)
			break;
	}
	if (ferror(in)) {
		jr_cli_error("scenario: --requests %s: lezen mislukt: %s", file, strerror(errno));
		status = 2;
	}
out:
	jr_free(buf);
	fclose(in);
	return status;
}

int jr_cmd_scenario(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "scenario"};
	struct scen_opts o = {0};
	struct jr_cli_session s;
	struct jr_policy_set *own = jr_calloc(2, sizeof(*own)); /* [0] --base, [1] --policy */
	struct jr_scen_params *params = jr_calloc(1, sizeof(*params));
	struct jr_scen_tally *tally = jr_calloc(1, sizeof(*tally));
	struct jr_scen_run run = {0};
	struct lane *lanes = NULL;
	struct jr_buf out;
	int status = 0, count = 0;
	enum jr_err err;

	jr_cli_session_init(&s, self, &h.db);
	jr_buf_init(&out, (size_t)64 << 20);
	if (!own || !params || !tally) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	jr_policy_set_init(&own[0]);
	jr_policy_set_init(&own[1]);
	if ((status = jr_args_parse(argc, argv, 1, &h)) || (status = parse_opts(&h, &o)))
		goto out;
	if ((status = load_policy(&own[1], o.policy, "--policy")))
		goto out;
	run.scen = own[1].policies[0];
	run.today = o.today;
	if (o.base) {
		if ((status = load_policy(&own[0], o.base, "--base")))
			goto out;
		run.base_set = &own[0];
		run.base = own[0].policies[0];
	} else {
		if ((status = jr_cli_session_open_only(&s, JR_CMD_POLICIES)))
			goto out;
		run.base_set = &s.policies;
		run.base = jr_region_by_id(&s.policies, o.region, o.today);
		if (!run.base) {
			bool known = false;
			for (size_t i = 0; i < s.policies.count; i++)
				known |= strcmp(s.policies.policies[i]->id, o.region) == 0;
			jr_cli_error("scenario: --region \"%s\": %s", o.region,
				     known ? "de regio heeft geen beleid dat op --date geldt"
					   : "onbekende regio; zie de beleidsbestanden in "
					     "--policy-dir");
			status = 2;
			goto out;
		}
	}
	if (o.costs && (status = load_costs(o.costs, params)))
		goto out;
	params->seed = o.seed;
	params->resamples = o.resamples;
	params->has_outcomes = o.outcomes;
	jr_app_scenario_prepare(&run, params);
	if (o.requests) {
		count = o.threads;
		lanes = jr_calloc((size_t)count, sizeof(*lanes));
		if (!lanes) {
			jr_cli_error("onvoldoende geheugen");
			status = 1;
			goto out;
		}
		for (int i = 0; i < count; i++) {
			lanes[i].run = &run;
			lanes[i].work = jr_calloc(1, sizeof(*lanes[i].work));
			lanes[i].tally = jr_calloc(1, sizeof(*lanes[i].tally));
			if (!lanes[i].work || !lanes[i].tally) {
				jr_cli_error("onvoldoende geheugen");
				status = 1;
				goto out;
			}
		}
		json_object_seed(0); /* before any thread parses */
		if ((status = read_requests(o.requests, lanes, count)))
			goto out;
		for (int i = 0; i < count; i++)
			jr_app_scenario_merge(tally, lanes[i].tally);
	}
	if (!o.requests || o.outcomes) {
		if ((status = jr_cli_session_open(&s)))
			goto out;
		err = jr_app_scenario_records(&s.app, &run, !o.requests, tally, params);
		if (!err && !o.costs) { /* no tariff file: the contracts' tariffs of the year */
			int y, m, d;
			jr_date_to_ymd(run.today, &y, &m, &d);
			err = jr_app_scenario_contract_tariffs(&s.app, run.base, y, params);
		}
		if (err) {
			status = jr_cli_app_fail("scenario", err, &s.diag);
			goto out;
		}
	}
	err = jr_app_scenario_report(&run, tally, params, o.text, &out);
	if (!err && !o.text)
		err = jr_buf_putc(&out, '\n');
	if (err) {
		jr_cli_error("scenario: %s", jr_err_name(err));
		status = jr_err_exit_status(err);
		goto out;
	}
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		jr_cli_error("uitvoer schrijven mislukt");
		status = 1;
	}
out:
	for (int i = 0; i < count && lanes; i++) {
		jr_free(lanes[i].work);
		jr_free(lanes[i].tally);
	}
	jr_free(lanes);
	if (own) {
		jr_policy_set_release(&own[0]);
		jr_policy_set_release(&own[1]);
	}
	jr_free(own);
	jr_free(params);
	jr_free(tally);
	jr_buf_release(&out);
	jr_cli_session_close(&s);
	return status;
}
