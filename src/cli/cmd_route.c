/* cmd_route: `jeugdroute route` — routes one request (a file or stdin) or a batch of JSON Lines.
 * A thin adapter: read, parse (request_json), look up the region (policy_set), route (core),
 * write (answer_json or text). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/alloc.h"
#include "json/answer_json.h"
#include "json/file.h"
#include "json/policy_set.h"
#include "json/request_json.h"

static const char usage[] =
	"Gebruik: jeugdroute route [opties] [VERZOEK.json | -]\n"
	"\n"
	"Bepaalt voor één kind welke hulp past: zo licht en dichtbij als mogelijk, zo zwaar als\n"
	"nodig; wie mag verwijzen, onder welk kader, en wie contracteert. Leest het verzoek uit\n"
	"het bestand of, zonder bestand of met -, van standaardinvoer. Het antwoord is JSON\n"
	"(docs/routing.md beschrijft verzoek en antwoord).\n"
	"\n"
	"Opties:\n"
	"  --policy BESTAND     gebruik alleen dit beleidsbestand\n"
	"  --policy-dir MAP     zoek de regio van de gemeente in alle *.json in MAP\n"
	"                       (standaard: $JEUGDROUTE_POLICY_DIR of de map policy/ van jeugdroute)\n"
	"  --batch              JSON Lines: één verzoek per regel, één antwoord per regel; een\n"
	"                       ongeldige regel geeft {\"error\": {...}} en de rest gaat door\n"
	"  --text               leesbare tekst in plaats van JSON\n"
	"  --today JJJJ-MM-DD   de datum voor verzoeken zonder \"date\" (standaard: vandaag)\n"
	"  -h, --help           deze hulp\n"
	"\n"
	"Voorbeeld:\n"
	"  jeugdroute route --text examples/01-enschede-lichte-opvoedvraag.json\n"
	"\n"
	"Afsluitcode: 0 gelukt; 2 ongeldig verzoek (één regel op stderr noemt veld en probleem);\n"
	"1 interne of schijffout. In --batch is de afsluitcode 0 zolang elke regel beantwoord is.\n";

struct route_opts {
	const char *policy_file;
	const char *policy_dir;
	const char *input;
	bool batch;
	bool text;
	jr_day today;
};

struct router {
	struct route_opts opts;
	struct jr_policy_set set;
	struct jr_request req;
	struct jr_answer ans;
	struct jr_buf out;
	struct jr_buf scratch;
};

static jr_day today_local(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return jr_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int parse_args(int argc, char **argv, struct route_opts *o)
{
	o->today = today_local();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (jr_cli_is_help(a)) {
			fputs(usage, stdout);
			return -1;
		} else if (strcmp(a, "--batch") == 0) {
			o->batch = true;
		} else if (strcmp(a, "--text") == 0) {
			o->text = true;
		} else if (strcmp(a, "--policy") == 0 || strcmp(a, "--policy-dir") == 0 ||
			   strcmp(a, "--today") == 0) {
			if (i + 1 >= argc) {
				jr_cli_error("route: %s verwacht een waarde; zie jeugdroute route "
					     "--help",
					     a);
				return 2;
			}
			if (strcmp(a, "--policy") == 0)
				o->policy_file = argv[++i];
			else if (strcmp(a, "--policy-dir") == 0)
				o->policy_dir = argv[++i];
			else if (jr_date_parse(argv[i + 1], strlen(argv[i + 1]), &o->today)) {
				jr_cli_error("route: --today \"%s\" is geen bestaande datum; verwacht "
					     "JJJJ-MM-DD",
					     argv[i + 1]);
				return 2;
			} else {
				i++;
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			jr_cli_error("route: onbekende optie \"%s\"; zie jeugdroute route --help", a);
			return 2;
		} else if (o->input) {
			jr_cli_error("route: meer dan één invoerbestand; geef er één, of - voor "
				     "standaardinvoer");
			return 2;
		} else {
			o->input = a;
		}
	}
	if (o->policy_file && o->policy_dir) {
		jr_cli_error("route: geef --policy of --policy-dir, niet allebei");
		return 2;
	}
	if (!o->input)
		o->input = "-";
	return 0;
}

static enum jr_err load_policies(struct router *r)
{
	struct jr_diag diag;
	char bad_file[JR_PATH_MAX];
	enum jr_err err;

	if (r->opts.policy_file) {
		const char *bad;
		err = jr_policy_set_add_file(&r->set, r->opts.policy_file, &diag, &bad);
		if (err)
			jr_cli_error("%s: %s: %s", bad, diag.path, diag.message);
		return err;
	}
	err = jr_policy_set_load_dir(&r->set, r->opts.policy_dir ? r->opts.policy_dir
								  : jr_cli_policy_dir(),
				     &diag, bad_file, sizeof(bad_file));
	if (err)
		jr_cli_error("%s: %s: %s", bad_file, diag.path, diag.message);
	return err;
}

/* Parses and routes one request into r->out (JSON or text). Bad input leaves an explanation in
 * *diag and returns JR_ERR_INPUT / JR_ERR_TOO_BIG / JR_ERR_NOT_FOUND. */
static enum jr_err route_one(struct router *r, const char *text, size_t len, struct jr_diag *diag)
{
	const struct jr_policy *p;
	enum jr_err err;

	err = jr_request_parse(text, len, r->opts.today, &r->req, diag);
	if (err)
		return err;
	p = jr_policy_set_find(&r->set, r->req.municipality);
	if (!p) {
		snprintf(diag->path, sizeof(diag->path), "municipality");
		if (r->opts.policy_file)
			snprintf(diag->message, sizeof(diag->message),
				 "gemeente %s hoort niet bij regio %s (%s)", r->req.municipality,
				 r->set.policies[0]->name, r->opts.policy_file);
		else
			snprintf(diag->message, sizeof(diag->message),
				 "gemeente %s staat in geen beleidsbestand; elke gemeente hoort bij "
				 "de regio van haar beleidsbestand (policy/*.json)",
				 r->req.municipality);
		return JR_ERR_NOT_FOUND;
	}
	err = jr_route(p, &r->req, &r->ans);
	if (err)
		return err;
	if (r->opts.text)
		return jr_text_answer(&r->out, &r->scratch, &r->ans);
	return jr_answer_write_json(&r->out, &r->scratch, &r->ans);
}

static bool is_input_error(enum jr_err err)
{
	return err == JR_ERR_INPUT || err == JR_ERR_TOO_BIG || err == JR_ERR_NOT_FOUND;
}

static int run_single(struct router *r)
{
	struct jr_buf in;
	struct jr_diag diag;
	int errnum;
	enum jr_err err;

	jr_buf_init(&in, JR_REQUEST_MAX_BYTES + 1);
	err = jr_file_read(r->opts.input, JR_REQUEST_MAX_BYTES, &in, &errnum);
	if (err == JR_ERR_TOO_BIG) {
		jr_cli_error("verzoek: (verzoek): is groter dan %d bytes", JR_REQUEST_MAX_BYTES);
		goto out;
	}
	if (err) {
		jr_cli_error("%s: kan niet gelezen worden: %s", r->opts.input,
			     errnum ? strerror(errnum) : jr_err_name(err));
		goto out;
	}
	err = route_one(r, jr_buf_str(&in), in.len, &diag);
	if (is_input_error(err)) {
		jr_cli_error("verzoek: veld %s: %s", diag.path, diag.message);
		goto out;
	}
	if (err) {
		jr_cli_error("routeren mislukt: %s", jr_err_name(err));
		goto out;
	}
	if (!r->opts.text)
		err = jr_buf_putc(&r->out, '\n');
	if (!err && fwrite(r->out.data, 1, r->out.len, stdout) != r->out.len)
		err = JR_ERR_IO;
	if (err)
		jr_cli_error("uitvoer schrijven mislukt: %s", jr_err_name(err));
out:
	jr_buf_release(&in);
	return jr_err_exit_status(err);
}

/* Flushes the output buffer when it holds more than `threshold` bytes. */
static enum jr_err flush_out(struct jr_buf *out, size_t threshold)
{
	if (out->len <= threshold)
		return JR_OK;
	if (fwrite(out->data, 1, out->len, stdout) != out->len)
		return JR_ERR_IO;
	jr_buf_reset(out);
	return JR_OK;
}

/* One line of a batch: its answer, or its error object, then a newline. */
static enum jr_err batch_line(struct router *r, const char *line, size_t len, size_t *bad_lines)
{
	struct jr_diag diag;
	size_t mark = r->out.len;
	enum jr_err err;

	r->req.id[0] = '\0';
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (len > JR_REQUEST_MAX_BYTES) {
		snprintf(diag.path, sizeof(diag.path), "(verzoek)");
		snprintf(diag.message, sizeof(diag.message), "de regel is groter dan %d bytes",
			 JR_REQUEST_MAX_BYTES);
		err = JR_ERR_TOO_BIG;
	} else {
		err = route_one(r, line, len, &diag);
	}
	if (is_input_error(err)) {
		(*bad_lines)++;
		r->out.len = mark; /* drop a partly written answer */
		err = jr_error_write_json(&r->out, &diag, r->req.id);
	}
	if (!err)
		err = jr_buf_putc(&r->out, '\n');
	return err;
}

static int run_batch(struct router *r)
{
	enum { CHUNK = 1 << 20 };
	FILE *in = strcmp(r->opts.input, "-") == 0 ? stdin : fopen(r->opts.input, "rb");
	char *buf = NULL;
	size_t have = 0, cap = CHUNK + JR_REQUEST_MAX_BYTES + 2, lines = 0, bad_lines = 0;
	bool skipping = false, progress = isatty(STDERR_FILENO);
	enum jr_err err = JR_OK;

	if (!in) {
		jr_cli_error("%s: kan niet gelezen worden: %s", r->opts.input, strerror(errno));
		return 1;
	}
	buf = jr_malloc(cap);
	if (!buf) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	for (;;) {
		size_t n = fread(buf + have, 1, cap - have, in), start = 0;
		bool eof = n == 0;
		char *nl;

		have += n;
		while ((nl = memchr(buf + start, '\n', have - start)) != NULL) {
			size_t len = (size_t)(nl - (buf + start));
			if (skipping) {
				skipping = false; /* the tail of an over-long line, already answered */
			} else {
				err = batch_line(r, buf + start, len, &bad_lines);
				lines++;
				if (!err)
					err = flush_out(&r->out, CHUNK);
				if (err)
					goto out;
				if (progress && lines % 100000 == 0)
					fprintf(stderr, "\rjeugdroute: %zu verzoeken gerouteerd", lines);
			}
			start = len + 1 + start;
		}
		memmove(buf, buf + start, have - start);
		have -= start;
		if (have > JR_REQUEST_MAX_BYTES && !skipping) {
			/* A line longer than any request: answer it now, drop the rest of it. */
			err = batch_line(r, buf, have, &bad_lines);
			lines++;
			if (err)
				goto out;
			skipping = true;
			have = 0;
		} else if (skipping) {
			have = 0;
		}
		if (eof)
			break;
	}
	if (ferror(in)) {
		jr_cli_error("%s: lezen mislukt", r->opts.input);
		err = JR_ERR_IO;
		goto out;
	}
	if (have > 0 && !skipping) {
		err = batch_line(r, buf, have, &bad_lines); /* last line without newline */
		lines++;
	}
	if (!err)
		err = flush_out(&r->out, 0);
	if (progress && lines >= 100000)
		fputc('\n', stderr);
	if (!err && bad_lines)
		jr_cli_error("%zu van %zu regels afgewezen; zie de \"error\"-objecten in de uitvoer",
			     bad_lines, lines);
out:
	if (err == JR_ERR_IO)
		jr_cli_error("uitvoer schrijven mislukt");
	else if (err)
		jr_cli_error("batch afgebroken: %s", jr_err_name(err));
	jr_free(buf);
	if (in != stdin)
		fclose(in);
	return jr_err_exit_status(err) ? 1 : 0;
}

int jr_cmd_route(int argc, char **argv)
{
	struct router *r = jr_calloc(1, sizeof(*r));
	int status;

	if (!r) {
		jr_cli_error("onvoldoende geheugen");
		return 1;
	}
	status = parse_args(argc, argv, &r->opts);
	if (status) {
		status = status < 0 ? 0 : status;
		goto out;
	}
	jr_policy_set_init(&r->set);
	jr_buf_init(&r->out, (size_t)64 << 20);
	jr_buf_init(&r->scratch, 64 * 1024);
	if (load_policies(r)) {
		status = 2;
		goto release;
	}
	status = r->opts.batch ? run_batch(r) : run_single(r);
release:
	jr_policy_set_release(&r->set);
	jr_buf_release(&r->out);
	jr_buf_release(&r->scratch);
out:
	jr_free(r);
	return status;
}
