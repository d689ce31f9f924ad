/* cmd_letter: `jeugdroute care letters TOEWIJZING` and `care letter TOEWIJZING [--n N]
 * [--html BESTAND | --pdf BESTAND]` — the decision letters (beschikkingen) of an allocation,
 * listed (one JSON line, the API's) or one printed again as kept: HTML to standard output, or
 * into a file as HTML or PDF (view/view_letter.c), with a JSON line naming the letter, its hash
 * and the file. The operator at the command line reads every letter; each read is audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/letter.h"
#include "cli/cli.h"
#include "cli/use_case.h"
#include "view/view_letter.h"

/* Writes `len` bytes to `path` (a new or emptied file); 1 after reporting. */
static int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;

	if (f && fclose(f) != 0)
		ok = false;
	if (!ok) {
		jr_cli_error("care letter: kan %s niet schrijven", path);
		return 1;
	}
	return 0;
}

static int letters_list(struct jr_app *app, int64_t id)
{
	struct jr_json_writer w;
	struct jr_buf out;
	enum jr_err err;

	jr_buf_init(&out, 1u << 20);
	jr_jw_init(&w, &out);
	jr_view_letters_begin(&w, id, 0);
	err = jr_app_letters_list(app, id, jr_view_letter_each, &w);
	jr_view_letters_end(&w);
	if (!err && !(err = jr_jw_finish(&w)))
		printf("%s\n", jr_buf_str(&out));
	jr_buf_release(&out);
	return err ? jr_cli_app_fail("care letters", err, app->diag) : 0;
}

static int letter_get(struct jr_app *app, struct jr_args *h, int64_t id)
{
	static const char *const allowed[] = {"n", "html", "pdf", NULL};
	const char *n = jr_args_get(h, "n"), *html_file = jr_args_get(h, "html"),
	           *pdf_file = jr_args_get(h, "pdf");
	struct jr_letter_row row;
	struct jr_json_writer w;
	struct jr_buf html, pdf, out;
	char *end = NULL;
	long sequence = 0;
	enum jr_err err;
	int status;

	if ((status = jr_args_only(h, "letter", allowed)))
		return status;
	if (n) {
		sequence = strtol(n, &end, 10);
		if (!*n || *end || sequence < 1 || sequence > 1000000) {
			jr_cli_error(
			    "care letter: veld n: verwacht het volgnummer van de brief, 1 of "
			    "hoger");
			return 2;
		}
	}
	if (html_file && pdf_file) {
		jr_cli_error("care letter: kies --html of --pdf, niet beide");
		return 2;
	}
	jr_buf_init(&html, JR_LETTER_HTML_MAX);
	jr_buf_init(&pdf, 16u << 20);
	jr_buf_init(&out, 4096);
	if ((err = jr_app_letter_get(app, id, (int)sequence, &row, &html))) {
		status = jr_cli_app_fail("care letter", err, app->diag);
		goto out;
	}
	if (!html_file && !pdf_file) {
		fputs(jr_buf_str(&html), stdout);
		goto out;
	}
	if (pdf_file && (err = jr_view_letter_pdf(jr_buf_str(&html), row.issued_on, &pdf))) {
		status = jr_cli_app_fail("care letter", err, NULL);
		goto out;
	}
	if ((status = pdf_file ? write_file(pdf_file, pdf.data, pdf.len)
	                       : write_file(html_file, jr_buf_str(&html), html.len)))
		goto out;
	jr_jw_init(&w, &out);
	jr_view_letter_row(&w, &row);
	if (!jr_jw_finish(&w)) {
		/* the row and the file it went to, on one line */
		out.data[out.len - 1] = '\0';
		printf("%s,\"format\":\"%s\",\"file\":", jr_buf_str(&out),
		       pdf_file ? "pdf" : "html");
		jr_buf_reset(&out);
		if (!jr_buf_json_string(&out, pdf_file ? pdf_file : html_file))
			printf("%s}\n", jr_buf_str(&out));
	}
out:
	jr_buf_release(&html);
	jr_buf_release(&pdf);
	jr_buf_release(&out);
	return status;
}

int jr_cli_care_letter(struct jr_app *app, struct jr_args *h, int64_t id, bool list)
{
	if (list) {
		static const char *const none[] = {NULL};
		int status = jr_args_only(h, "letters", none);
		return status ? status : letters_list(app, id);
	}
	return letter_get(app, h, id);
}
