/* api_letter: the decision letters of an allocation (app/letter.h).
 *
 *   GET /api/v1/allocations/{id}/letters       {"allocation_id","letters":[{"sequence",
 *                                               "issued_on","kind","sha256","created_at"}]}
 *   GET /api/v1/allocations/{id}/letters/{n}   the letter as kept: text/html (A4 print style
 *                                               sheet /letter.css); ?format=pdf: application/pdf
 *                                               with the same text (view/view_letter.c)
 *
 * Only the consulents of the municipality that decided; any other principal, and an allocation
 * that does not exist, get 404 alike. Every list and read is audited (letter.list,
 * letter.read with the document's hash). A letter is never changed or removed: there is no
 * POST, PUT or DELETE here — a letter is made by the allocation and its change. */
#include <stdio.h>
#include <string.h>

#include "app/letter.h"
#include "core/alloc.h"
#include "http/api.h"
#include "http/use_case.h"
#include "view/view_letter.h"

int jr_api_allocation_letters(struct jr_http_request *r)
{
	struct jr_json_writer w;
	struct jr_diag diag;
	struct jr_app app;
	int64_t help_request = 0;
	enum jr_err err;

	jr_http_app(r, &app, &diag);
	if ((err = jr_app_letter_help_request(&app, r->ids[0], &help_request)))
		return jr_http_app_fail(r, err, &diag);
	jr_buf_reset(&r->out);
	jr_jw_init(&w, &r->out);
	jr_view_letters_begin(&w, r->ids[0], help_request);
	if ((err = jr_app_letters_list(&app, r->ids[0], jr_view_letter_each, &w)))
		return jr_http_app_fail(r, err, &diag);
	jr_view_letters_end(&w);
	if ((err = jr_jw_finish(&w)) || (err = jr_buf_putc(&r->out, '\n')))
		return jr_reply_err(r, err, NULL);
	return jr_reply_json(r, 200);
}

/* A PDF is laid out between the steps, outside the database lock and every transaction (a
 * letter's layout takes longer than reading it): the first step reads the letter (audited), the
 * work makes the PDF, the next step answers. */
struct pdf_work {
	struct jr_letter_row row;
	struct jr_buf html, pdf;
	enum jr_err err;
};

static void pdf_work_free(void *state)
{
	struct pdf_work *w = state;

	jr_buf_release(&w->html);
	jr_buf_release(&w->pdf);
	jr_free(w);
}

static void pdf_work_do(struct jr_http_request *r)
{
	struct pdf_work *w = r->state;

	w->err = jr_view_letter_pdf(jr_buf_str(&w->html), w->row.issued_on, &w->pdf);
}

static int pdf_answer(struct jr_http_request *r)
{
	struct pdf_work *w = r->state;
	char disposition[96];
	enum jr_err err;

	jr_buf_reset(&r->out);
	if (w->err || (err = jr_buf_append(&r->out, w->pdf.data, w->pdf.len)))
		return jr_reply_err(r, w->err ? w->err : err, NULL);
	r->content_type = "application/pdf";
	snprintf(disposition, sizeof(disposition), "inline; filename=\"beschikking-%lld-%d.pdf\"",
	         (long long)w->row.allocation_id, w->row.sequence);
	jr_reply_header(r, "Content-Disposition", disposition);
	jr_reply_header(r, "X-Letter-SHA256", w->row.sha256);
	return r->status = 200;
}

int jr_api_allocation_letter(struct jr_http_request *r)
{
	struct pdf_work *w;
	struct jr_diag diag;
	struct jr_app app;
	char format[8] = "html";
	enum jr_err err;

	if (jr_http_query(r, "format", format, sizeof(format)) && strcmp(format, "html") &&
	    strcmp(format, "pdf"))
		return jr_reply_error(r, 422, "invalid", "format", "kies html of pdf");
	if (r->ids[1] > 1000000)
		return jr_reply_error(r, 404, "not_found", NULL,
		                      "geen beschikking met dit volgnummer bij deze toewijzing");
	if (!(w = jr_calloc(1, sizeof(*w))))
		return jr_reply_err(r, JR_ERR_NOMEM, NULL);
	jr_buf_init(&w->html, JR_LETTER_HTML_MAX);
	jr_buf_init(&w->pdf, 16u << 20);
	r->state = w;
	r->state_free = pdf_work_free;
	jr_http_app(r, &app, &diag);
	if ((err = jr_app_letter_get(&app, r->ids[0], (int)r->ids[1], &w->row, &w->html)))
		return jr_http_app_fail(r, err, &diag);
	if (strcmp(format, "pdf") == 0) {
		r->work = pdf_work_do;
		r->work_slow = true;
		r->next = pdf_answer;
		return 0;
	}
	jr_buf_reset(&r->out);
	if ((err = jr_buf_append(&r->out, w->html.data, w->html.len)))
		return jr_reply_err(r, err, NULL);
	r->content_type = "text/html; charset=utf-8";
	/* the kept document's fingerprint, for whoever checks it against the audit log */
	jr_reply_header(r, "X-Letter-SHA256", w->row.sha256);
	return r->status = 200;
}
