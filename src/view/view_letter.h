/* view_letter: the decision letters of an allocation, for `jeugdroute care letter(s)` and
 * /api/v1/allocations/{id}/letters:
 *   - the list as JSON: {"allocation_id","letters":[{"sequence","issued_on","kind","sha256",
 *     "created_at"}]};
 *   - a letter's text, read back from the kept HTML (for the PDF, and for a check that the PDF
 *     says what the HTML says);
 *   - a letter as PDF (A4), laid out by Pango and written by cairo from the kept HTML: the same
 *     text, block by block, headings bold. The PDF is made on demand, not kept: the kept
 *     document is the HTML, whose hash is in the audit log. The same HTML gives the same PDF
 *     (its creation date is the letter's date). */
#ifndef JR_VIEW_VIEW_LETTER_H
#define JR_VIEW_VIEW_LETTER_H

#include "app/letter.h"
#include "json/json_writer.h"

void jr_view_letter_row(struct jr_json_writer *w, const struct jr_letter_row *l);

/* The list's frame: begin opens {"allocation_id", "help_request_id" (when > 0), "letters":[ ;
 * end closes it. */
void jr_view_letters_begin(struct jr_json_writer *w, int64_t allocation_id,
                           int64_t help_request_id);
void jr_view_letters_end(struct jr_json_writer *w);
/* A jr_letter_fn writing each row to the writer `ctx`. */
enum jr_err jr_view_letter_each(void *ctx, const struct jr_letter_row *l);

/* The text of the letter in `html` (as core/letter.c writes it): one line per block (heading,
 * paragraph, table row "label: value", list item "• …"), entities decoded, tags dropped. */
enum jr_err jr_view_letter_text(const char *html, struct jr_buf *out);

/* The letter in `html` as a PDF document into `out`, dated `issued_on`. */
enum jr_err jr_view_letter_pdf(const char *html, jr_day issued_on, struct jr_buf *out);

#endif
