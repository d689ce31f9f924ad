/* cmd_ijw: `jeugdroute ijw validate FILE...` — checks iJw 3.2 messages against their schema and
 * prints one JSON verdict per file. The group keeps room for import and export. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "cli/cli.h"
#include "ijw/ijw_schema.h"
#include "ijw/ijw_xml.h"

static const char usage[] =
	"Gebruik: jeugdroute ijw validate BESTAND...\n"
	"\n"
	"Berichten van de iStandaard iJw 3.2 (JW301 … JW325).\n"
	"\n"
	"  validate  controleert elk bericht tegen zijn XSD: welk bericht het is (de namespace van\n"
	"            Bericht), de volgorde en het aantal elementen, en elke waarde (lengte, datum,\n"
	"            getal, codelijst). Per bestand één JSON-object op een regel:\n"
	"            {\"file\":…,\"bericht\":\"JW301\",\"valid\":true} of met \"valid\":false en\n"
	"            \"problems\":[{\"rule\",\"path\",\"line\",\"message\"}] (het eerste probleem).\n"
	"            BESTAND - leest standaardinvoer. Een bestand groter dan 16 MiB of met een\n"
	"            DOCTYPE wordt geweigerd.\n"
	"\n"
	"Afsluitcode: 0 alle berichten geldig, 2 een bericht ongeldig of een verkeerde aanroep,\n"
	"1 een bestand kon niet gelezen worden.\n";

/* Why a file could not be read, in Dutch. */
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
	default: return NULL;
	}
}

/* Reads the file at `path` ("-": standard input) into `buf` (emptied first). A regular file
 * larger than JR_IJW_MAX_SIZE is refused from its size, before it is read; other input is read
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
	if (S_ISREG(st.st_mode) && st.st_size > (off_t)JR_IJW_MAX_SIZE) {
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

/* One line of output: the verdict on one file. */
static enum jr_err verdict_line(struct jr_buf *out, const char *path, enum jr_ijw_message kind,
				enum jr_err verdict, const struct jr_ijw_problem *problem)
{
	const char *name = jr_ijw_message_name(kind);
	enum jr_err err;

	jr_buf_reset(out);
	if ((err = jr_buf_puts(out, "{\"file\":")) || (err = jr_buf_json_string(out, path)) ||
	    (err = jr_buf_puts(out, ",\"bericht\":")))
		return err;
	err = name ? jr_buf_json_string(out, name) : jr_buf_puts(out, "null");
	if (err)
		return err;
	if (!verdict)
		return jr_buf_puts(out, ",\"valid\":true}\n");
	if ((err = jr_buf_puts(out, ",\"valid\":false,\"problems\":[{\"rule\":")) ||
	    (err = jr_buf_json_string(out, problem->rule[0] ? problem->rule : "XML")) ||
	    (err = jr_buf_puts(out, ",\"path\":")))
		return err;
	err = problem->path[0] ? jr_buf_json_string(out, problem->path) : jr_buf_puts(out, "null");
	if (err)
		return err;
	if (problem->line > 0)
		err = jr_buf_printf(out, ",\"line\":%d,\"message\":", problem->line);
	else
		err = jr_buf_puts(out, ",\"line\":null,\"message\":");
	if (err || (err = jr_buf_json_string(out, problem->message[0] ? problem->message
									 : jr_err_name(verdict))))
		return err;
	return jr_buf_puts(out, "}]}\n");
}

static int validate(int argc, char **argv)
{
	struct jr_ijw_parser *parser = NULL;
	struct jr_buf in, out;
	bool invalid = false, unreadable = false;
	int status = 0;
	enum jr_err err;

	if (argc < 1) {
		jr_cli_error("ijw validate: geef een of meer berichten; zie jeugdroute ijw --help");
		return jr_err_exit_status(JR_ERR_USAGE);
	}
	for (int i = 0; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			jr_cli_error("ijw validate: onbekende optie \"%s\"; zie jeugdroute ijw --help",
				     argv[i]);
			return jr_err_exit_status(JR_ERR_USAGE);
		}
	jr_buf_init(&in, JR_IJW_MAX_SIZE + 1);
	jr_buf_init(&out, 4096);
	err = jr_ijw_parser_new(&parser);
	if (err) {
		jr_cli_error("ijw validate: %s", jr_err_name(err));
		status = jr_err_exit_status(err);
		goto out;
	}
	for (int i = 0; i < argc; i++) {
		struct jr_ijw_problem problem;
		enum jr_ijw_message kind = JR_IJW_UNKNOWN;
		xmlDoc *doc = NULL;
		int errnum;
		enum jr_err verdict = read_message(argv[i], &in, &errnum);

		jr_ijw_problem_clear(&problem);
		if (verdict == JR_ERR_IO || verdict == JR_ERR_NOMEM) {
			const char *why = read_error(errnum);
			if (why)
				jr_cli_error("ijw validate: %s: %s", argv[i], why);
			else
				jr_cli_error("ijw validate: %s: kan niet gelezen worden (%s)", argv[i],
					     errnum ? strerror(errnum) : jr_err_name(verdict));
			unreadable = true;
			continue;
		}
		if (verdict == JR_ERR_TOO_BIG) {
			snprintf(problem.rule, sizeof(problem.rule), "XML");
			snprintf(problem.message, sizeof(problem.message),
				 "het bestand is groter dan %u MiB", JR_IJW_MAX_SIZE / (1024u * 1024u));
		} else {
			verdict = jr_ijw_parse(parser, jr_buf_str(&in), in.len, &doc, &problem);
			if (!verdict)
				verdict = jr_ijw_check_structure(doc, &kind, &problem);
			xmlFreeDoc(doc);
		}
		if (verdict == JR_ERR_NOMEM || verdict == JR_ERR_INTERNAL) {
			jr_cli_error("ijw validate: %s: %s", argv[i], jr_err_name(verdict));
			status = jr_err_exit_status(verdict);
			goto out;
		}
		invalid |= verdict != JR_OK;
		err = verdict_line(&out, argv[i], kind, verdict, &problem);
		if (!err && fwrite(out.data, 1, out.len, stdout) != out.len)
			err = JR_ERR_IO;
		if (err) {
			jr_cli_error("ijw validate: uitvoer schrijven mislukt: %s", jr_err_name(err));
			status = 1;
			goto out;
		}
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
	jr_ijw_parser_free(parser);
	jr_buf_release(&in);
	jr_buf_release(&out);
	return status;
}

int jr_cmd_ijw(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return jr_err_exit_status(JR_ERR_USAGE);
	}
	for (int i = 1; i < argc; i++)
		if (jr_cli_is_help(argv[i])) {
			fputs(usage, stdout);
			return 0;
		}
	if (strcmp(argv[1], "validate") == 0)
		return validate(argc - 2, argv + 2);
	jr_cli_error("ijw: onbekende opdracht \"%s\"; kies validate", argv[1]);
	return jr_err_exit_status(JR_ERR_USAGE);
}
