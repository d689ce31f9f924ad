/* cmd_ijw: `jeugdroute ijw validate|import|export|answer` — iJw 3.2 messages on the command
 * line: validate checks messages (structure and the rules within them) and prints one JSON
 * verdict per file, with --antwoord also writing the return message their receiver sends
 * (JW302 to a JW301, JW320 to a JW319, …); import takes messages into the records and writes
 * the answers; export writes the allocation messages (JW301); answer writes a JW319. The checks
 * and the records' side are app/ijw/, reached through app/ijw.h only. Every file that cannot be
 * read or written is named, with the reason. */
#define _GNU_SOURCE /* syncfs: one sync of the answers' file system per batch */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


#include "app/ijw.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "cli/session.h"
#include "cli/use_case.h"
#include "view/view_ijw.h"

const char jr_usage_ijw[] =
	"Gebruik: jeugdroute ijw validate BESTAND... [--rules nee] [--antwoord MAP]\n"
	"                                [--date JJJJ-MM-DD]\n"
	"         jeugdroute ijw import BESTAND... [--out MAP] [--date JJJJ-MM-DD]\n"
	"                                [--db URL] [--key BESTAND] [--policy-dir MAP]\n"
	"         jeugdroute ijw export [--since JJJJ-MM-DD] [--out MAP] [--date JJJJ-MM-DD]\n"
	"                                [--db URL] [--key BESTAND] [--policy-dir MAP]\n"
	"         jeugdroute ijw answer REFERENTIE --provider AGB (--refuse REDEN\n"
	"                                [--residence GEMEENTE] | --investigating ja)\n"
	"                                [--out MAP] [--date JJJJ-MM-DD] [--db URL] [--key BESTAND]\n"
	"\n"
	"Berichten van de iStandaard iJw 3.2 (JW301 … JW325); zie docs/ijw.md.\n"
	"\n"
	"  validate  controleert elk bericht tegen zijn XSD (welk bericht het is, de volgorde en\n"
	"            het aantal elementen, elke waarde) en, voor JW301, JW305, JW307, JW315, JW317,\n"
	"            JW319 en JW323, tegen de regels binnen het bericht (TR, CS, CD). Per bestand\n"
	"            één JSON-object op een regel: {\"file\":…,\"bericht\":\"JW305\",\"valid\":true}\n"
	"            of met \"valid\":false en \"problems\":[{\"rule\",\"code\",\"path\",\"line\",\n"
	"            \"message\"}]. BESTAND - leest standaardinvoer. Met --rules nee alleen de\n"
	"            structuur (wat xmllint --schema controleert).\n"
	"            Met --antwoord MAP schrijft validate voor elk bericht dat de structuur doorstaat\n"
	"            het retourbericht dat de ontvanger stuurt in MAP: JW302 op een JW301, JW320 op\n"
	"            een JW319 (zo toetst een aanbieder zonder eigen systeem, of jeugdroute zijn eigen\n"
	"            berichten), en JW306, JW308, JW316, JW318, JW325 op de andere. Zonder de\n"
	"            dossiers: alleen de structuur, de regels binnen het bericht en de\n"
	"            systeemdatum (TR135) tellen. De JSON-regel noemt het bestand (\"answer\").\n"
	"  import    neemt JW305 (start zorg), JW307 (stop zorg), JW315 (verzoek om toewijzing),\n"
	"            JW317 (verzoek om wijziging) en JW323 (declaratie) op in de dossiers, na ook\n"
	"            de regels over berichten heen (TR019, TR056, TR338, TR418, …). Een\n"
	"            afgekeurd bericht verandert niets. Ook JW302 en JW320: het antwoord van een\n"
	"            aanbieder op een JW301 of JW319 van jeugdroute (bevestigd of afgekeurd).\n"
	"            Het antwoord (JW306, JW308, JW316, JW318, JW325) komt in MAP (standaard .). Per\n"
	"            bestand één JSON-regel: accepted, de bevindingen en het antwoordbestand.\n"
	"            Een JW315 aan een gemeente waar het kind niet woont, wordt meteen afgewezen\n"
	"            met een JW319 per product (reden 8, woonplaatsbeginsel, met de gemeente die\n"
	"            wel verantwoordelijk is), ook in MAP (\"refusals\"); er wordt niets vastgelegd.\n"
	"  export    schrijft een JW301 per kind en aanbieder voor de toewijzingen sinds --since\n"
	"            (standaard vandaag), in het product- en resultaatregime (generiek: geen\n"
	"            toewijzingsbericht). Een kind zonder bekend adres wordt overgeslagen, met reden.\n"
	"  answer    beantwoordt een verzoek (JW315, JW317) zonder toewijzing met een JW319:\n"
	"            afgewezen (--refuse, reden uit WJ759; bij 8, woonplaatsbeginsel, ook\n"
	"            --residence met de verantwoordelijke gemeente) of in onderzoek (één keer).\n"
	"\n"
	"--date is de systeemdatum voor de controles en de antwoorden (standaard vandaag).\n"
	"Een bestand groter dan 16 MiB of met een DOCTYPE wordt geweigerd.\n"
	"\n"
	"Afsluitcode: 0 alles geldig of opgenomen, 2 een bericht ongeldig of afgekeurd of een\n"
	"verkeerde aanroep, 1 een bestand of de database kon niet gelezen of geschreven worden.\n";

/* Why a file could not be read, in Dutch; NULL when there are no Dutch words for it (then the
 * system's text, strerror). */
static const char *read_error(int errnum)
{
	switch (errnum) {
	case ENOENT: return "bestand bestaat niet";
	case EACCES:
	case EPERM: return "geen toestemming om het bestand te lezen";
	case EISDIR: return "is een map, geen bestand";
	case ENOTDIR: return "een deel van het pad is geen map";
	case ELOOP: return "te veel symbolische koppelingen";
	case ENAMETOOLONG: return "de bestandsnaam is te lang";
	case EIO: return "leesfout van de schijf";
	default: return NULL;
	}
}

/* Why a file could not be written in a map, in Dutch; the system's text when there are no
 * Dutch words for it. */
static const char *write_error(int errnum)
{
	switch (errnum) {
	case 0: return "onbekende fout";
	case ENOENT: return "de map bestaat niet";
	case EACCES:
	case EPERM: return "geen toestemming om in de map te schrijven";
	case ENOTDIR: return "een deel van het pad is geen map";
	case EISDIR: return "er staat een map met die naam";
	case ENOSPC: return "de schijf is vol";
	case EDQUOT: return "de schijfruimte (quotum) is op";
	case EROFS: return "het bestandssysteem is alleen te lezen";
	case ENAMETOOLONG: return "de bestandsnaam is te lang";
	case ELOOP: return "te veel symbolische koppelingen";
	case EIO: return "schrijffout van de schijf";
	default: return strerror(errnum);
	}
}

/* Before anything is read or taken in: `dir` (the map of option `option`) is a map that can be
 * written in, so that no message is taken in whose answer cannot be written. 0, or the exit
 * status after reporting "<what> kan niet in DIR geschreven worden: <why> (<option>)". */
static int check_dir(const char *cmd, const char *what, const char *option, const char *dir)
{
	struct stat st;
	const char *why = NULL;

	if (stat(dir, &st) != 0)
		why = write_error(errno);
	else if (!S_ISDIR(st.st_mode))
		why = "dat is geen map";
	else if (access(dir, W_OK | X_OK) != 0)
		why = write_error(errno);
	if (!why)
		return 0;
	jr_cli_error("ijw %s: %s kan niet in %s geschreven worden: %s (%s)", cmd, what, dir, why,
		     option);
	return jr_err_exit_status(JR_ERR_IO);
}

/* Reads the file at `path` ("-": standard input) into `buf` (emptied first). A regular file
 * larger than JR_APP_IJW_MAX_SIZE is refused from its size, before it is read; other input is read
 * up to one byte past the limit. JR_ERR_TOO_BIG, or JR_ERR_IO with *errnum set. */
static enum jr_err read_message(const char *path, struct jr_buf *buf, int *errnum)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	enum jr_err err = JR_OK;
	struct stat st;
	size_t want;

	*errnum = 0;
	jr_buf_reset(buf);
	if (fd < 0) {
		*errnum = errno;
		return JR_ERR_IO;
	}
	if (fstat(fd, &st) != 0) {
		*errnum = errno;
		err = JR_ERR_IO;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		*errnum = EISDIR;
		err = JR_ERR_IO;
		goto out;
	}
	if (S_ISREG(st.st_mode) && st.st_size > (off_t)JR_APP_IJW_MAX_SIZE) {
		err = JR_ERR_TOO_BIG;
		goto out;
	}
	/* The buffer's maximum is one byte past the limit: reading that byte means too big. */
	want = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	for (;;) {
		size_t room = buf->max - buf->len;
		ssize_t n;

		if (room == 0) {
			err = JR_ERR_TOO_BIG;
			goto out;
		}
		if ((err = jr_buf_reserve(buf, want < room ? want : room)) != JR_OK)
			goto out;
		n = read(fd, buf->data + buf->len, buf->cap - 1 - buf->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*errnum = errno;
			err = JR_ERR_IO;
			goto out;
		}
		if (n == 0)
			break;
		buf->len += (size_t)n;
		buf->data[buf->len] = '\0';
		want = 65536;
	}
out:
	if (!is_stdin)
		close(fd);
	return err;
}

static int write_out(const char *cmd, const struct jr_buf *out)
{
	/* nothing to write (every file unreadable): no fwrite of an empty buffer's NULL */
	if (out->len && fwrite(out->data, 1, out->len, stdout) != out->len) {
		jr_cli_error("ijw %s: uitvoer schrijven mislukt", cmd);
		return 1;
	}
	return 0;
}

/* The arguments of validate, import and export: files, --out, --date, --since and the
 * database's options. 0, or the exit status after reporting. */
struct ijw_args {
	struct jr_cli_db db;
	const char **files; /* the file arguments: argv's own strings, in an array of argc */
	int file_count;
	const char *out, *since, *rules, *antwoord;
	jr_day today, since_day;
};

static int parse_args_in(const char *cmd, int argc, char **argv, struct ijw_args *a, bool files,
			 bool store)
{
	const char *date = NULL;

	memset(a, 0, sizeof(*a));
	if (files && !(a->files = jr_calloc((size_t)argc + 1, sizeof(*a->files)))) {
		jr_cli_error("ijw %s: geen geheugen", cmd);
		return 1;
	}
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		int used = store ? jr_cli_db_option(argc, argv, &i, &a->db) : 0;
		const char **slot = strcmp(arg, "--date") == 0 ? &date
				    : store && strcmp(arg, "--out") == 0 ? &a->out
				    : !files && strcmp(arg, "--since") == 0 ? &a->since
				    : files && !store && strcmp(arg, "--rules") == 0 ? &a->rules
				    : files && !store && strcmp(arg, "--antwoord") == 0 ? &a->antwoord
										      : NULL;
		if (used < 0)
			return 2;
		if (used)
			continue;
		if (slot) {
			if (i + 1 >= argc || argv[i + 1][0] == '\0') {
				jr_cli_error("ijw %s: %s verwacht een waarde", cmd, arg);
				return 2;
			}
			*slot = argv[++i];
		} else if (arg[0] == '-' && arg[1] != '\0') {
			jr_cli_error("ijw %s: onbekende optie \"%s\"; zie jeugdroute ijw --help", cmd,
				     arg);
			return 2;
		} else if (!files) {
			jr_cli_error("ijw %s: onverwacht argument; zie jeugdroute ijw --help", cmd);
			return 2;
		} else {
			a->files[a->file_count++] = arg;
		}
	}
	if (files && a->file_count == 0) {
		jr_cli_error("ijw %s: geef een of meer berichten; zie jeugdroute ijw --help", cmd);
		return 2;
	}
	a->today = jr_args_today();
	if (date && jr_date_parse(date, strlen(date), &a->today)) {
		jr_cli_error("ijw %s: --date verwacht een bestaande datum (JJJJ-MM-DD)", cmd);
		return 2;
	}
	a->since_day = a->today;
	if (a->since && jr_date_parse(a->since, strlen(a->since), &a->since_day)) {
		jr_cli_error("ijw %s: --since verwacht een bestaande datum (JJJJ-MM-DD)", cmd);
		return 2;
	}
	if (a->rules && strcmp(a->rules, "nee") != 0 && strcmp(a->rules, "ja") != 0) {
		jr_cli_error("ijw %s: --rules verwacht ja of nee", cmd);
		return 2;
	}
	if (a->antwoord && a->rules && strcmp(a->rules, "nee") == 0) {
		jr_cli_error("ijw %s: een antwoord (--antwoord) volgt op de regels; --rules nee "
			     "past daar niet bij",
			     cmd);
		return 2;
	}
	if (!a->out)
		a->out = ".";
	if (store)
		jr_cli_db_defaults(&a->db);
	return 0;
}

/* parse_args_in, and nothing left to free when it fails (a->files is freed by the caller
 * otherwise). */
static int parse_args(const char *cmd, int argc, char **argv, struct ijw_args *a, bool files,
		      bool store)
{
	int status = parse_args_in(cmd, argc, argv, a, files, store);

	if (status) {
		jr_free(a->files);
		a->files = NULL;
	}
	return status;
}

/* Reads one file; 0, or 1 after reporting why it cannot be read (the caller goes on). An
 * oversized file is not an error of reading: it comes back as JR_ERR_TOO_BIG. */
static int read_file(const char *cmd, const char *path, struct jr_buf *in, enum jr_err *verdict)
{
	int errnum;

	*verdict = read_message(path, in, &errnum);
	if (*verdict == JR_ERR_IO || *verdict == JR_ERR_NOMEM) {
		const char *why = read_error(errnum);
		if (why)
			jr_cli_error("ijw %s: %s: %s", cmd, path, why);
		else
			jr_cli_error("ijw %s: %s: kan niet gelezen worden (%s)", cmd, path,
				     errnum ? strerror(errnum) : jr_err_name(*verdict));
		return 1;
	}
	return 0;
}

static void too_big(struct jr_ijw_outcome *o)
{
	snprintf(o->problem.rule, sizeof(o->problem.rule), "XML");
	snprintf(o->problem.message, sizeof(o->problem.message), "het bestand is groter dan %u MiB",
		 JR_APP_IJW_MAX_SIZE / (1024u * 1024u));
}

/* Writes `len` bytes to DIR/NAME whole or not at all: a temporary file renamed. With `sync` the
 * file is on disk before the rename; without, the caller syncs the file system after a batch
 * (sync_dir). The path written is put in `path`; on JR_ERR_IO *errnum says why. */
static enum jr_err write_file(const char *dir, const char *name, const char *data, size_t len,
			      bool sync, char *path, size_t cap, int *errnum)
{
	char tmp[4200];
	FILE *f;
	bool ok;

	*errnum = 0;
	if ((size_t)snprintf(path, cap, "%s/%s", dir, name) >= cap ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp)) {
		*errnum = ENAMETOOLONG;
		return JR_ERR_IO;
	}
	if (!(f = fopen(tmp, "wb"))) {
		*errnum = errno;
		return JR_ERR_IO;
	}
	ok = fwrite(data, 1, len, f) == len && fflush(f) == 0 && (!sync || fsync(fileno(f)) == 0);
	if (!ok)
		*errnum = errno;
	if (fclose(f) != 0 && ok) {
		*errnum = errno;
		ok = false;
	}
	if (ok && rename(tmp, path) != 0) {
		*errnum = errno;
		ok = false;
	}
	if (!ok) {
		remove(tmp);
		return JR_ERR_IO;
	}
	return JR_OK;
}

/* Puts what was written in `dir` on disk: one sync of its file system for a whole batch. On
 * JR_ERR_IO *errnum says why. */
static enum jr_err sync_dir(const char *dir, int *errnum)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool ok = fd >= 0 && syncfs(fd) == 0;

	*errnum = ok ? 0 : errno;
	if (fd >= 0)
		close(fd);
	return ok ? JR_OK : JR_ERR_IO;
}

/* The answer's file name: its kind and its identification, from the XML written. */
static void answer_name(const struct jr_ijw_outcome *o, char *name, size_t cap)
{
	const char *x = jr_buf_str(&o->answer), *id = strstr(x, "IdentificatieRetour>");
	size_t n = 0;

	if (!id && (id = strstr(x, "<ijw:Identificatie>")))
		id += strlen("<ijw:Identificatie>");
	else if (id)
		id += strlen("IdentificatieRetour>");
	while (id && id[n] && id[n] != '<' && n < 12)
		n++;
	snprintf(name, cap, "%s-%.*s.xml", jr_app_ijw_kind_name(o->answer_kind), (int)n,
		 id ? id : "");
}

/* Writes the answers gathered in `answers` (name NUL xml NUL, one after another) to `dir`, each
 * whole (a temporary file renamed into place), then puts them on disk with one sync of the file
 * system. 0, or 1 after reporting. */
static int write_answers(const char *cmd, const struct jr_buf *answers, const char *dir)
{
	char path[4096];
	int errnum;

	for (size_t at = 0; at < answers->len;) {
		const char *name = answers->data + at, *xml = name + strlen(name) + 1;
		size_t len = strlen(xml);
		if (write_file(dir, name, xml, len, false, path, sizeof(path), &errnum)) {
			jr_cli_error("ijw %s: het antwoord %s kan niet in %s geschreven worden: %s", cmd,
				     name, dir, write_error(errnum));
			return 1;
		}
		at += strlen(name) + 1 + len + 1;
	}
	if (answers->len && sync_dir(dir, &errnum)) {
		jr_cli_error("ijw %s: de antwoorden in %s kunnen niet op schijf gezet worden: %s", cmd,
			     dir, write_error(errnum));
		return 1;
	}
	return 0;
}

/* Adds the answer of `o` to `answers` (name NUL xml NUL) and its path in `dir` to `path`. */
static enum jr_err gather_answer(const struct jr_ijw_outcome *o, const char *dir,
				 struct jr_buf *answers, char *path, size_t cap)
{
	char name[64];
	enum jr_err err;

	answer_name(o, name, sizeof(name));
	snprintf(path, cap, "%s/%s", dir, name);
	err = jr_buf_append(answers, name, strlen(name) + 1);
	return err ? err : jr_buf_append(answers, o->answer.data, o->answer.len + 1);
}

/* Messages are checked, taken in and answered by batches of this many. */
#define IMPORT_BATCH 1000

static int validate(int argc, char **argv)
{
	struct jr_ijw_parser *parser = NULL;
	struct ijw_args a;
	struct jr_buf in, out, answers;
	bool invalid = false, unreadable = false;
	size_t pending = 0;
	int status;
	enum jr_err err;

	if ((status = parse_args("validate", argc, argv, &a, true, false)))
		return status;
	if (a.antwoord && (status = check_dir("validate", "het antwoord", "--antwoord", a.antwoord))) {
		jr_free(a.files);
		return status;
	}
	jr_buf_init(&in, JR_APP_IJW_MAX_SIZE + 1);
	jr_buf_init(&out, (size_t)1 << 30);
	jr_buf_init(&answers, (size_t)1 << 31);
	if ((err = jr_app_ijw_parser_new(&parser))) {
		jr_cli_error("ijw validate: %s", jr_err_name(err));
		status = jr_err_exit_status(err);
		goto out;
	}
	for (int i = 0; i < a.file_count; i++) {
		struct jr_ijw_outcome o;
		char path[4096] = "";
		enum jr_err verdict;
		if (read_file("validate", a.files[i], &in, &verdict)) {
			unreadable = true;
			continue;
		}
		jr_app_ijw_outcome_init(&o);
		if (verdict == JR_ERR_TOO_BIG)
			too_big(&o);
		else
			err = jr_app_ijw_validate(parser, jr_buf_str(&in), in.len, a.today,
						  !(a.rules && strcmp(a.rules, "nee") == 0),
						  a.antwoord != NULL, &o);
		if (verdict != JR_ERR_TOO_BIG && err == JR_ERR_TOO_BIG) {
			too_big(&o);
			err = JR_OK;
		}
		if (verdict != JR_ERR_TOO_BIG && err) {
			jr_cli_error("ijw validate: %s: %s", a.files[i], jr_err_name(err));
			jr_app_ijw_outcome_release(&o);
			status = jr_err_exit_status(err);
			goto out;
		}
		/* here every finding counts: a message the receiver would reject is not valid */
		o.valid = o.valid && !o.problem.rule[0] && o.findings.count == 0;
		invalid |= !o.valid;
		err = a.antwoord && o.answer.len
			      ? gather_answer(&o, a.antwoord, &answers, path, sizeof(path))
			      : JR_OK;
		if (!err)
			err = jr_view_ijw_validate_line(&out, a.files[i], &o, o.valid, a.antwoord != NULL,
							path);
		jr_app_ijw_outcome_release(&o);
		if (err) {
			jr_cli_error("ijw validate: %s", jr_err_name(err));
			status = 1;
			goto out;
		}
		/* with answers, the verdicts of a batch come out once its answers are on disk */
		if (!a.antwoord || ++pending == IMPORT_BATCH || i + 1 == a.file_count) {
			if ((a.antwoord && write_answers("validate", &answers, a.antwoord)) ||
			    write_out("validate", &out)) {
				status = 1;
				goto out;
			}
			jr_buf_reset(&out);
			jr_buf_reset(&answers);
			pending = 0;
		}
	}
	if (pending && ((a.antwoord && write_answers("validate", &answers, a.antwoord)) ||
			write_out("validate", &out))) {
		status = 1;
		goto out;
	}
	if (fflush(stdout) != 0) {
		jr_cli_error("ijw validate: uitvoer schrijven mislukt");
		status = 1;
	} else if (unreadable) {
		status = jr_err_exit_status(JR_ERR_IO);
	} else if (invalid) {
		status = jr_err_exit_status(JR_ERR_INPUT);
	}
out:
	jr_app_ijw_parser_free(parser);
	jr_buf_release(&in);
	jr_buf_release(&out);
	jr_buf_release(&answers);
	jr_free(a.files);
	return status;
}

/* Messages are taken in by batches: one transaction for a batch, each message a part of it that
 * is kept or undone on its own; the answers and the verdicts come out once the batch is
 * committed, so that no answer speaks of what was not kept.
 *
 * A committed batch's answers and verdicts are written by a thread of their own while the next
 * batch is checked and taken in: creating a thousand files costs the file system about as much
 * time as the records cost the database, and the two need not wait for each other. The next batch
 * is committed only once the answers before it are on disk, so that a failure to write them
 * stops the import with nothing more kept. */

struct batch {
	struct jr_buf lines;   /* the verdicts, JSON Lines */
	struct jr_buf answers; /* name NUL xml NUL, one after another */
	size_t count;
};

struct answer_writer {
	pthread_t thread;
	bool busy;          /* a thread writes `batch` */
	struct batch batch; /* the committed batch being written */
	const char *dir;
	int status; /* of the last batch written: 0, or 1 after reporting */
};

static void batch_init(struct batch *b)
{
	jr_buf_init(&b->lines, 1 << 26);
	jr_buf_init(&b->answers, (size_t)1 << 31);
	b->count = 0;
}

static void batch_release(struct batch *b)
{
	jr_buf_release(&b->lines);
	jr_buf_release(&b->answers);
}

static void *write_batch(void *arg)
{
	struct answer_writer *w = arg;

	w->status = write_answers("import", &w->batch.answers, w->dir) ||
		    write_out("import", &w->batch.lines);
	return NULL;
}

/* Waits for the batch being written; its status, and its buffers emptied for reuse. */
static int writer_wait(struct answer_writer *w)
{
	if (w->busy) {
		pthread_join(w->thread, NULL);
		w->busy = false;
	}
	jr_buf_reset(&w->batch.lines);
	jr_buf_reset(&w->batch.answers);
	w->batch.count = 0;
	return w->status;
}

/* Commits batch `b` once the batch before it is on disk, hands it to the writer and begins the
 * next when `more`; *open says whether a batch is open after. 0, or the exit status after
 * reporting. */
static int flush_batch(struct jr_app *app, bool *open, struct batch *b, struct answer_writer *w,
		       bool more)
{
	struct batch next;
	enum jr_err err;

	if (writer_wait(w)) {
		jr_app_ijw_batch_end(app, false);
		*open = false;
		jr_cli_error("ijw import: de %zu berichten daarna zijn niet opgenomen", b->count);
		return 1;
	}
	err = jr_app_ijw_batch_end(app, true);
	*open = false;
	if (err) {
		jr_cli_error("ijw import: de laatste %zu berichten konden niet worden vastgelegd (%s); "
			     "er is niets van opgenomen",
			     b->count, jr_err_name(err));
		return 1;
	}
	/* the writer takes the batch; its emptied buffers become the next batch */
	next = w->batch;
	w->batch = *b;
	*b = next;
	w->busy = pthread_create(&w->thread, NULL, write_batch, w) == 0;
	if (!w->busy)
		write_batch(w); /* no thread to be had: write it here */
	if (!w->busy && w->status)
		return 1;
	if (more) {
		if ((err = jr_app_ijw_batch_begin(app))) {
			jr_cli_error("ijw import: de database begint geen transactie (%s)",
				     jr_err_name(err));
			return 1;
		}
		*open = true;
	}
	return 0;
}

static int import(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_ijw_parser *parser = NULL;
	struct jr_cli_session s;
	struct jr_app *app = &s.app;
	struct jr_diag *diag = &s.diag;
	struct ijw_args a;
	struct jr_buf in;
	struct batch b;
	struct answer_writer w = {.busy = false};
	bool refused = false, unreadable = false, open = false;
	int status;
	enum jr_err err;

	jr_cli_session_init(&s, self, &a.db);
	s.what = "ijw import";
	jr_buf_init(&in, JR_APP_IJW_MAX_SIZE + 1);
	batch_init(&b);
	batch_init(&w.batch);
	if ((status = parse_args("import", argc, argv, &a, true, true)) ||
	    (status = check_dir("import", "het antwoord", "--out", a.out)) ||
	    (status = jr_cli_session_open(&s)))
		goto out;
	w.dir = a.out;
	app->today = a.today;
	if ((err = jr_app_ijw_parser_new(&parser)) || (err = jr_app_ijw_batch_begin(app))) {
		jr_cli_error("ijw import: %s", jr_err_name(err));
		status = jr_err_exit_status(err);
		goto out;
	}
	open = true;
	for (int i = 0; i < a.file_count; i++) {
		struct jr_ijw_outcome o;
		char path[4096] = "";
		enum jr_err verdict;
		if (read_file("import", a.files[i], &in, &verdict)) {
			unreadable = true;
			continue;
		}
		jr_app_ijw_outcome_init(&o);
		memset(diag, 0, sizeof(*diag));
		err = verdict == JR_ERR_TOO_BIG
			      ? JR_ERR_TOO_BIG
			      : jr_app_ijw_import(app, parser, jr_buf_str(&in), in.len, NULL, &o);
		if (err == JR_ERR_TOO_BIG) {
			too_big(&o);
			err = JR_OK;
		} else if (err == JR_ERR_INPUT) {
			/* a kind not taken in: a verdict on the file, as the use case explains it */
			snprintf(o.problem.rule, sizeof(o.problem.rule), "BERICHT");
			snprintf(o.problem.message, sizeof(o.problem.message), "%.255s", diag->message);
			err = JR_OK;
		}
		if (err) {
			char what[4200];
			snprintf(what, sizeof(what), "ijw import: %s", a.files[i]);
			jr_app_ijw_outcome_release(&o);
			status = jr_cli_app_fail(what, err, diag);
			goto out;
		}
		if (o.answer.len)
			err = gather_answer(&o, a.out, &b.answers, path, sizeof(path));
		if (!err && o.refusal_count) /* the JW319s: name NUL xml NUL, as the answers */
			err = jr_buf_append(&b.answers, o.refusals.data, o.refusals.len);
		refused |= !o.accepted || o.lines_rejected;
		if (!err)
			err = jr_view_ijw_import_line(&b.lines, a.files[i], &o, path, a.out);
		jr_app_ijw_outcome_release(&o);
		if (err) {
			jr_cli_error("ijw import: %s", jr_err_name(err));
			status = 1;
			goto out;
		}
		if (++b.count == IMPORT_BATCH &&
		    (status = flush_batch(app, &open, &b, &w, i + 1 < a.file_count)))
			goto out;
	}
	if (open && (status = flush_batch(app, &open, &b, &w, false)))
		goto out;
	if ((status = writer_wait(&w)))
		goto out;
	fflush(stdout);
	status = unreadable ? jr_err_exit_status(JR_ERR_IO)
			    : refused ? jr_err_exit_status(JR_ERR_INPUT)
				      : 0;
out:
	if (open)
		jr_app_ijw_batch_end(app, false);
	writer_wait(&w); /* what was committed is answered, also when the import stops */
	jr_app_ijw_parser_free(parser);
	jr_cli_session_close(&s);
	jr_buf_release(&in);
	batch_release(&b);
	batch_release(&w.batch);
	jr_free(a.files);
	return status;
}

/* Where an export or an answer writes, and what failed when a message could not be written. */
struct export_ctx {
	const char *dir;
	struct jr_buf names; /* export: the messages written, NUL after each name */
	char failed[4096];   /* the path that could not be written; empty while all went well */
	int errnum;          /* and why */
};

/* Writes one message of an export to the directory under its name with ".tmp" added, not yet
 * synced: the export's log of messages sent is committed first, and only then is every message
 * put in place and synced at once (place_exported). One transaction and one sync for the whole
 * export instead of two syncs a message: the export went at some 40 messages a second. */
static enum jr_err export_file(void *ctx, const char *name, const char *xml, size_t len)
{
	struct export_ctx *e = ctx;
	char tmp[256], path[4096];
	enum jr_err err;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", name) >= sizeof(tmp))
		return JR_ERR_INPUT;
	if ((err = write_file(e->dir, tmp, xml, len, false, path, sizeof(path), &e->errnum))) {
		snprintf(e->failed, sizeof(e->failed), "%s", path);
		return err;
	}
	if ((err = jr_buf_puts(&e->names, name)) || (err = jr_buf_putc(&e->names, '\0'))) {
		remove(path);
		return err;
	}
	return JR_OK;
}

/* After the commit of the export's log: every message written is renamed into place, said on a
 * line of its own ({"file":…,"bericht":"JW301"}), and the directory's file system synced once.
 * Without `committed` the messages are not sent: their files go. 0, or 1 after reporting. */
static int place_exported(struct export_ctx *e, bool committed)
{
	char from[4200], to[4096];
	struct jr_buf line;
	int status = 0, errnum;

	jr_buf_init(&line, 8192);
	for (size_t at = 0; at < e->names.len; at += strlen(e->names.data + at) + 1) {
		const char *name = e->names.data + at;
		snprintf(to, sizeof(to), "%s/%s", e->dir, name);
		snprintf(from, sizeof(from), "%s.tmp", to);
		if (!committed) {
			remove(from);
			continue;
		}
		if (rename(from, to) != 0) {
			jr_cli_error("ijw export: %s kan niet in %s gezet worden (%s); het bericht staat "
				     "als verstuurd vastgelegd: zet %s.tmp zelf op zijn plaats",
				     name, e->dir, write_error(errno), to);
			status = 1;
			continue;
		}
		jr_buf_reset(&line);
		if (jr_view_ijw_file_line(&line, to, name)) {
			status = 1;
			break;
		}
		fputs(jr_buf_str(&line), stdout);
	}
	jr_buf_release(&line);
	if (committed && e->names.len && sync_dir(e->dir, &errnum)) {
		jr_cli_error("ijw export: de berichten in %s kunnen niet op schijf gezet worden: %s",
			     e->dir, write_error(errnum));
		status = 1;
	}
	return status;
}

/* Writes the one message of an answer (JW319) to the directory, synced, and says so on a line
 * of its own: {"file":…,"bericht":"JW319"}. */
static enum jr_err answer_file(void *ctx, const char *name, const char *xml, size_t len)
{
	struct export_ctx *e = ctx;
	struct jr_buf line;
	char path[4096];
	enum jr_err err = write_file(e->dir, name, xml, len, true, path, sizeof(path), &e->errnum);

	if (err) {
		snprintf(e->failed, sizeof(e->failed), "%s", path);
		return err;
	}
	jr_buf_init(&line, 8192);
	err = jr_view_ijw_file_line(&line, path, name);
	if (!err && fputs(jr_buf_str(&line), stdout) == EOF)
		err = JR_ERR_IO;
	jr_buf_release(&line);
	return err;
}

/* Reports the failure of an export or an answer: the file that could not be written and why,
 * or what the use case explained. The exit status. */
static int export_fail(const char *what, enum jr_err err, const struct export_ctx *e,
		       const struct jr_diag *diag)
{
	if (!e->failed[0])
		return jr_cli_app_fail(what, err, diag);
	jr_cli_error("%s: %s kan niet geschreven worden: %s", what, e->failed,
		     write_error(e->errnum));
	return jr_err_exit_status(JR_ERR_IO);
}

static int export(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_cli_session s;
	struct jr_app *app = &s.app;
	struct ijw_args a;
	struct export_ctx e = {0};
	struct jr_buf why;
	size_t written = 0, skipped = 0;
	int status;
	enum jr_err err;

	jr_cli_session_init(&s, self, &a.db);
	s.what = "ijw export";
	jr_buf_init(&why, 1 << 20);
	jr_buf_init(&e.names, 1 << 26);
	if ((status = parse_args("export", argc, argv, &a, false, true)) ||
	    (status = check_dir("export", "een bericht", "--out", a.out)) ||
	    (status = jr_cli_session_open(&s)))
		goto out;
	app->today = a.today;
	e.dir = a.out;
	/* one transaction: each message its own part of it (app/ijw/export.c), kept or undone on
	 * its own */
	if (!(err = jr_app_ijw_batch_begin(app))) {
		enum jr_err end;
		err = jr_app_ijw_export(app, a.since_day, NULL, export_file, &e, &written, &skipped,
					&why);
		/* what was sent before a failure stays sent, as when each message committed alone */
		end = jr_app_ijw_batch_end(app, true);
		if (place_exported(&e, end == JR_OK) && !err && !end)
			status = 1;
		if (end)
			written = 0;
		if (!err && end)
			err = jr_app_fail(app, end, NULL,
					  "de database kon de verstuurde berichten niet vastleggen; er "
					  "is niets verstuurd");
	}
	if (err) {
		status = export_fail("ijw export", err, &e, &s.diag);
		goto out;
	}
	if (why.len)
		fputs(jr_buf_str(&why), stderr);
	fprintf(stderr, "jeugdroute: ijw export: %zu bericht(en) geschreven, %zu overgeslagen\n",
		written, skipped);
out:
	jr_cli_session_close(&s);
	jr_buf_release(&why);
	jr_buf_release(&e.names);
	return status;
}

static int answer(const struct jr_cli_command *self, int argc, char **argv)
{
	struct jr_args h = {.command = "ijw answer"};
	static const char *const allowed[] = {"provider", "refuse", "residence", "investigating",
					      "out", "date", NULL};
	struct jr_cli_session s;
	struct export_ctx e = {0};
	const char *agb, *refuse, *residence, *investigating;
	jr_day today;
	int status;
	enum jr_err err;

	jr_cli_session_init(&s, self, &h.db);
	s.what = "ijw answer";
	if ((status = jr_args_parse(argc, argv, 1, &h)) ||
	    (status = jr_args_only(&h, "", allowed)) ||
	    (status = jr_args_date(&h, "date", jr_args_today(), &today)))
		goto out;
	agb = jr_args_get(&h, "provider");
	refuse = jr_args_get(&h, "refuse");
	residence = jr_args_get(&h, "residence");
	investigating = jr_args_get(&h, "investigating");
	e.dir = jr_args_get(&h, "out") ? jr_args_get(&h, "out") : ".";
	if (!h.id || !agb || !refuse == !investigating ||
	    (investigating && strcmp(investigating, "ja") != 0)) {
		jr_cli_error("ijw answer: geef de referentie, --provider en --refuse REDEN of "
			     "--investigating ja; zie jeugdroute ijw --help");
		status = 2;
		goto out;
	}
	if ((status = check_dir("answer", "het antwoord", "--out", e.dir)))
		goto out;
	/* An answer (JW301) needs the records only: the policies are not read, so a wrong
	 * --policy-dir does not stop a provider's answer. */
	if ((status = jr_cli_session_open_only(&s, JR_CMD_STORE)))
		goto out;
	s.app.today = today;
	err = jr_app_ijw_answer(&s.app, agb, h.id, investigating != NULL, refuse ? refuse : "",
				residence ? residence : "", answer_file, &e);
	if (err)
		status = export_fail("ijw answer", err, &e, &s.diag);
out:
	jr_cli_session_close(&s);
	return status;
}

int jr_cmd_ijw(const struct jr_cli_command *self, int argc, char **argv)
{
	if (argc < 2) {
		fputs(jr_usage_ijw, stderr);
		return jr_err_exit_status(JR_ERR_USAGE);
	}
	if (strcmp(argv[1], "validate") == 0)
		return validate(argc - 2, argv + 2);
	if (strcmp(argv[1], "import") == 0)
		return import(self, argc - 2, argv + 2);
	if (strcmp(argv[1], "export") == 0)
		return export(self, argc - 2, argv + 2);
	if (strcmp(argv[1], "answer") == 0)
		return answer(self, argc - 1, argv + 1);
	jr_cli_error("ijw: onbekende opdracht \"%s\"; kies validate, import, export of answer",
		     argv[1]);
	return jr_err_exit_status(JR_ERR_USAGE);
}
