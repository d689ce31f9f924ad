/* cmd_route: `jeugdroute route` — routes one request (a file or stdin) or a batch of JSON Lines.
 * A thin adapter: read, parse (request_json), look up the region (policy_set), route (core),
 * write (answer_json or text). A batch is cut into blocks of whole lines; each block is split
 * over worker threads ("lanes") that share the read-only policies, and the lanes' output is
 * written in input order. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/route.h"
#include "cli/cli.h"
#include "cli/lanes.h"
#include "cli/session.h"
#include "core/alloc.h"
#include "json/answer_json.h"
#include "json/file.h"
#include "json/request_json.h"

const char jr_usage_route[] =
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
	"  --threads N          --batch met N threads (standaard: het aantal processoren, hoogstens 8)\n"
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
	int threads;
};

/* What every lane reads and nobody writes once routing starts. */
struct router {
	struct route_opts opts;
	struct jr_cli_db db;           /* the policy options, for the session */
	struct jr_cli_session session; /* its policies (route opens no records) */
};

#define LANE_OUT_MAX ((size_t)256 << 20)
#define BATCH_BLOCK (1024 * 1024) /* bytes of input routed per round */

/* One worker's state: its own request, answer and output, and the block of lines it routes. */
struct lane {
	const struct router *r;
	struct jr_request req;
	struct jr_answer ans;
	struct jr_buf out;
	struct jr_buf scratch;
	const char *data;
	size_t len;
	size_t lines;
	size_t bad_lines;
	enum jr_err err;
};

static int parse_args(int argc, char **argv, struct route_opts *o)
{
	long online = sysconf(_SC_NPROCESSORS_ONLN);

	o->today = jr_args_today();
	o->threads = online < 1 ? 1 : online > 8 ? 8 : (int)online;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--batch") == 0) {
			o->batch = true;
		} else if (strcmp(a, "--text") == 0) {
			o->text = true;
		} else if (strcmp(a, "--threads") == 0) {
			char *end = NULL;
			long n = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : 0;
			if (i + 1 >= argc || *end != '\0' || n < 1 || n > JR_CLI_LANES_MAX) {
				jr_cli_error("route: --threads verwacht een aantal van 1 tot en met %d",
					     JR_CLI_LANES_MAX);
				return 2;
			}
			o->threads = (int)n;
			i++;
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

/* Routes one request (app/route.c) into l->out (JSON or text). Bad input leaves an explanation
 * in *diag and returns JR_ERR_INPUT / JR_ERR_TOO_BIG / JR_ERR_NOT_FOUND. */
static enum jr_err route_one(struct lane *l, const char *text, size_t len, struct jr_diag *diag)
{
	const struct router *r = l->r;
	enum jr_err err;

	err = jr_app_route(&r->session.policies, text, len, r->opts.today, &l->req, &l->ans, diag);
	if (err)
		return err;
	if (r->opts.text)
		return jr_text_answer(&l->out, &l->scratch, &l->ans);
	return jr_answer_write_json(&l->out, &l->scratch, &l->ans);
}

static bool is_input_error(enum jr_err err)
{
	return err == JR_ERR_INPUT || err == JR_ERR_TOO_BIG || err == JR_ERR_NOT_FOUND;
}

static int run_single(struct router *r, struct lane *l)
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
	err = route_one(l, jr_buf_str(&in), in.len, &diag);
	if (is_input_error(err)) {
		jr_cli_error("verzoek: veld %s: %s", diag.path, diag.message);
		goto out;
	}
	if (err) {
		jr_cli_error("routeren mislukt: %s", jr_err_name(err));
		goto out;
	}
	if (!r->opts.text)
		err = jr_buf_putc(&l->out, '\n');
	if (!err && fwrite(l->out.data, 1, l->out.len, stdout) != l->out.len)
		err = JR_ERR_IO;
	if (err)
		jr_cli_error("uitvoer schrijven mislukt: %s", jr_err_name(err));
out:
	jr_buf_release(&in);
	return jr_err_exit_status(err);
}

/* One line of a batch: its answer, or its error object, then a newline. */
static enum jr_err batch_line(struct lane *l, const char *line, size_t len)
{
	struct jr_diag diag;
	size_t mark = l->out.len;
	enum jr_err err;

	l->req.id[0] = '\0';
	l->lines++;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (len > JR_REQUEST_MAX_BYTES) {
		snprintf(diag.path, sizeof(diag.path), "(verzoek)");
		snprintf(diag.message, sizeof(diag.message), "de regel is groter dan %d bytes",
			 JR_REQUEST_MAX_BYTES);
		err = JR_ERR_TOO_BIG;
	} else {
		err = route_one(l, line, len, &diag);
	}
	if (is_input_error(err)) {
		l->bad_lines++;
		l->out.len = mark; /* drop a partly written answer */
		err = jr_error_write_json(&l->out, &diag, l->req.id);
	}
	if (!err)
		err = jr_buf_putc(&l->out, '\n');
	return err;
}

/* Routes every line of the lane's block (the last one may lack its newline). */
static void *lane_run(void *arg)
{
	struct lane *l = arg;
	const char *p = l->data, *end = l->data + l->len;

	while (p < end && !l->err) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		l->err = batch_line(l, p, n);
		p += n + (nl ? 1 : 0);
	}
	return NULL;
}

/* Routes a block of whole lines over the lanes and writes their output in order. */
static enum jr_err route_block(struct lane *lanes, int count, const char *data, size_t len)
{
	size_t at[JR_CLI_LANES_MAX + 1];
	void *arg[JR_CLI_LANES_MAX];
	bool busy[JR_CLI_LANES_MAX];
	enum jr_err err = JR_OK;

	jr_cli_lanes_cut(data, len, count, at);
	for (int i = 0; i < count; i++) {
		lanes[i].data = data + at[i];
		lanes[i].len = at[i + 1] - at[i];
		arg[i] = &lanes[i];
		busy[i] = lanes[i].len > 0;
	}
	jr_cli_lanes_run(lane_run, arg, busy, count);
	for (int i = 0; i < count && !err; i++) {
		err = lanes[i].err;
		if (!err && lanes[i].out.len &&
		    fwrite(lanes[i].out.data, 1, lanes[i].out.len, stdout) != lanes[i].out.len)
			err = JR_ERR_IO;
		jr_buf_reset(&lanes[i].out);
	}
	return err;
}

static size_t total(const struct lane *lanes, int count, size_t (*field)(const struct lane *))
{
	size_t n = 0;
	for (int i = 0; i < count; i++)
		n += field(&lanes[i]);
	return n;
}

static size_t lines_of(const struct lane *l)
{
	return l->lines;
}

static size_t bad_lines_of(const struct lane *l)
{
	return l->bad_lines;
}

static int run_batch(struct router *r, struct lane *lanes)
{
	FILE *in = strcmp(r->opts.input, "-") == 0 ? stdin : fopen(r->opts.input, "rb");
	size_t cap = BATCH_BLOCK + JR_REQUEST_MAX_BYTES + 2, have = 0, lines = 0, next_report = 100000;
	char *buf = NULL;
	bool skipping = false, read_failed = false, progress = isatty(STDERR_FILENO);
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
		size_t n = fread(buf + have, 1, cap - have, in), start = 0, end;
		bool eof = n == 0; /* the buffer always has room: see the over-long check below */

		have += n;
		if (skipping) {
			/* The tail of an over-long line that was answered already. */
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
		if (end > start) {
			err = route_block(lanes, r->opts.threads, buf + start, end - start);
			if (err)
				goto out;
		}
		memmove(buf, buf + end, have - end);
		have -= end;
		if (!eof && have > JR_REQUEST_MAX_BYTES) {
			/* A line longer than any request: answer it now, drop the rest of it. */
			err = route_block(lanes, 1, buf, have);
			if (err)
				goto out;
			skipping = true;
			have = 0;
		}
		lines = total(lanes, r->opts.threads, lines_of);
		if (progress && lines >= next_report) {
			fprintf(stderr, "\rjeugdroute: %zu verzoeken gerouteerd", lines);
			next_report = lines + 100000;
		}
		if (eof)
			break;
	}
	if (ferror(in)) {
		jr_cli_error("%s: lezen mislukt: %s", r->opts.input, strerror(errno));
		read_failed = true;
		err = JR_ERR_IO;
		goto out;
	}
	if (fflush(stdout) != 0)
		err = JR_ERR_IO;
	if (progress && lines >= 100000)
		fputc('\n', stderr);
	if (!err && total(lanes, r->opts.threads, bad_lines_of))
		jr_cli_error("%zu van %zu regels afgewezen; zie de \"error\"-objecten in de uitvoer",
			     total(lanes, r->opts.threads, bad_lines_of), lines);
out:
	if (err == JR_ERR_IO && !read_failed)
		jr_cli_error("uitvoer schrijven mislukt");
	else if (err && !read_failed)
		jr_cli_error("batch afgebroken: %s", jr_err_name(err));
	jr_free(buf);
	if (in != stdin)
		fclose(in);
	return jr_err_exit_status(err) ? 1 : 0;
}

int jr_cmd_route(const struct jr_cli_command *self, int argc, char **argv)
{
	struct router *r = jr_calloc(1, sizeof(*r));
	struct lane *lanes = NULL;
	int status, count = 0;

	if (!r) {
		jr_cli_error("onvoldoende geheugen");
		return 1;
	}
	jr_cli_session_init(&r->session, self, &r->db);
	status = parse_args(argc, argv, &r->opts);
	if (status)
		goto out;
	if (!r->opts.batch)
		r->opts.threads = 1;
	count = r->opts.threads;
	lanes = jr_calloc((size_t)count, sizeof(*lanes));
	if (!lanes) {
		jr_cli_error("onvoldoende geheugen");
		status = 1;
		goto out;
	}
	for (int i = 0; i < count; i++) {
		lanes[i].r = r;
		jr_buf_init(&lanes[i].out, LANE_OUT_MAX);
		jr_buf_init(&lanes[i].scratch, 64 * 1024);
	}
	r->db.policy_file = r->opts.policy_file;
	r->db.policy_dir = r->opts.policy_dir ? r->opts.policy_dir : jr_cli_policy_dir();
	if ((status = jr_cli_session_open(&r->session)))
		goto out;
	/* jansson seeds its hash function on first use; do it before any thread starts. */
	json_object_seed(0);
	status = r->opts.batch ? run_batch(r, lanes) : run_single(r, &lanes[0]);
out:
	for (int i = 0; i < count && lanes; i++) {
		jr_buf_release(&lanes[i].out);
		jr_buf_release(&lanes[i].scratch);
	}
	jr_free(lanes);
	jr_cli_session_close(&r->session);
	jr_free(r);
	return status;
}
