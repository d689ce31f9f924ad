/* view_letter: decision letters as JSON, text and PDF (view_letter.h). */
#include "view/view_letter.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

void jr_view_letter_row(struct jr_json_writer *w, const struct jr_letter_row *l)
{
	jr_jw_object(w);
	jr_jw_kint(w, "allocation_id", l->allocation_id);
	jr_jw_kint(w, "sequence", l->sequence);
	jr_jw_kdate(w, "issued_on", l->issued_on, true);
	jr_jw_kstring(w, "kind", l->kind);
	jr_jw_kstring(w, "sha256", l->sha256);
	jr_jw_kstring(w, "created_at", l->created_at);
	jr_jw_end(w);
}

void jr_view_letters_begin(struct jr_json_writer *w, int64_t allocation_id,
                           int64_t help_request_id)
{
	jr_jw_object(w);
	jr_jw_kint(w, "allocation_id", allocation_id);
	if (help_request_id > 0)
		jr_jw_kint(w, "help_request_id", help_request_id);
	jr_jw_key(w, "letters");
	jr_jw_array(w);
}

void jr_view_letters_end(struct jr_json_writer *w)
{
	jr_jw_end(w);
	jr_jw_end(w);
}

enum jr_err jr_view_letter_each(void *ctx, const struct jr_letter_row *l)
{
	jr_view_letter_row(ctx, l);
	return JR_OK;
}

/* ------------------------------------------------------------------------------------------
 * Reading the kept HTML back into blocks. The document is core/letter.c's: a known, small set
 * of tags, text escaped with five entities. Each block comes out twice: as plain text and as
 * Pango markup (which reads the same entities, and <b> for <strong>).
 * ---------------------------------------------------------------------------------------- */

enum block_kind { B_NONE, B_H1, B_H2, B_P, B_ROW, B_LI };

struct blocks {
	enum block_kind kind;
	struct jr_buf text, markup;
	bool space; /* a space is pending (collapsed white space) */
	bool in_th;
	enum jr_err (*emit)(void *ctx, enum block_kind kind, const char *text, const char *markup);
	void *ctx;
};

static bool tag_is(const char *p, size_t len, const char *name)
{
	size_t n = strlen(name);
	return len >= n && strncmp(p, name, n) == 0 &&
	       (len == n || p[n] == ' ' || p[n] == '>' || p[n] == '/');
}

static enum jr_err block_start(struct blocks *b, enum block_kind k)
{
	b->kind = k;
	b->space = false;
	jr_buf_reset(&b->text);
	jr_buf_reset(&b->markup);
	if (k == B_LI) {
		enum jr_err err = jr_buf_puts(&b->text, "• ");
		return err ? err : jr_buf_puts(&b->markup, "• ");
	}
	return JR_OK;
}

static enum jr_err block_end(struct blocks *b)
{
	enum jr_err err = JR_OK;

	if (b->kind != B_NONE && b->text.len > 0)
		err = b->emit(b->ctx, b->kind, jr_buf_str(&b->text), jr_buf_str(&b->markup));
	b->kind = B_NONE;
	return err;
}

/* Text between tags: white space collapsed; entities decoded for the text, kept for markup. */
static enum jr_err text_run(struct blocks *b, const char *p, size_t len)
{
	static const struct {
		const char *entity, *c;
	} ents[] = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
	enum jr_err err = JR_OK;

	if (b->kind == B_NONE)
		return JR_OK;
	for (size_t i = 0; i < len && !err; i++) {
		if (p[i] == '\n' || p[i] == ' ' || p[i] == '\t') {
			/* not at a block's start, nor at a line's (after <br>) */
			b->space = b->text.len > 0 && b->text.data[b->text.len - 1] != '\n';
			continue;
		}
		if (b->space) {
			b->space = false;
			if (!(err = jr_buf_putc(&b->text, ' ')))
				err = jr_buf_putc(&b->markup, ' ');
			if (err)
				break;
		}
		if (p[i] == '&') {
			size_t e;
			for (e = 0; e < sizeof(ents) / sizeof(ents[0]); e++) {
				size_t n = strlen(ents[e].entity);
				if (len - i >= n && strncmp(p + i, ents[e].entity, n) == 0) {
					if (!(err = jr_buf_puts(&b->text, ents[e].c)))
						err = jr_buf_puts(&b->markup, ents[e].entity);
					i += n - 1;
					break;
				}
			}
			if (e == sizeof(ents) / sizeof(ents[0]) &&
			    !(err = jr_buf_putc(&b->text, '&')))
				err = jr_buf_puts(&b->markup, "&amp;");
			continue;
		}
		if (!(err = jr_buf_putc(&b->text, p[i])))
			err = jr_buf_putc(&b->markup, p[i]);
	}
	return err;
}

static enum jr_err tag(struct blocks *b, const char *p, size_t len)
{
	bool close = len > 0 && p[0] == '/';
	enum jr_err err = JR_OK;

	if (close) {
		p++;
		len--;
	}
	if (tag_is(p, len, "h1") || tag_is(p, len, "h2") || tag_is(p, len, "p") ||
	    tag_is(p, len, "address") || tag_is(p, len, "tr") || tag_is(p, len, "li")) {
		enum block_kind k = tag_is(p, len, "h1")   ? B_H1
		                    : tag_is(p, len, "h2") ? B_H2
		                    : tag_is(p, len, "tr") ? B_ROW
		                    : tag_is(p, len, "li") ? B_LI
		                                           : B_P;
		return close ? block_end(b) : (err = block_end(b)) ? err : block_start(b, k);
	}
	if (b->kind == B_NONE)
		return JR_OK;
	if (tag_is(p, len, "br")) {
		b->space = false;
		if (!(err = jr_buf_putc(&b->text, '\n')))
			err = jr_buf_putc(&b->markup, '\n');
	} else if (tag_is(p, len, "strong")) {
		err = jr_buf_puts(&b->markup, close ? "</b>" : "<b>");
	} else if (tag_is(p, len, "th")) {
		/* a row: "label: value" as text; the label bold and a tab in the markup */
		b->in_th = !close;
		if (close && b->text.len > 0) {
			b->space = false;
			if (!(err = jr_buf_puts(&b->text, ": ")))
				err = jr_buf_puts(&b->markup, "</b>\t");
		} else if (close) {
			err = jr_buf_puts(&b->markup, "</b>\t");
		} else {
			err = jr_buf_puts(&b->markup, "<b>");
		}
	}
	return err;
}

static enum jr_err walk(const char *html, struct blocks *b)
{
	const char *p = strstr(html, "<main");
	const char *end = p ? strstr(p, "</main>") : NULL;
	enum jr_err err = JR_OK;

	if (!p || !end)
		return JR_ERR_INPUT;
	while (p < end && !err) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		const char *gt;
		if (!lt)
			lt = end;
		if ((err = text_run(b, p, (size_t)(lt - p))) || lt == end)
			break;
		if (!(gt = memchr(lt, '>', (size_t)(end - lt))))
			return JR_ERR_INPUT;
		err = tag(b, lt + 1, (size_t)(gt - lt - 1));
		p = gt + 1;
	}
	return err ? err : block_end(b);
}

static enum jr_err
blocks_run(const char *html,
           enum jr_err (*emit)(void *, enum block_kind, const char *, const char *), void *ctx)
{
	struct blocks b = {.kind = B_NONE, .emit = emit, .ctx = ctx};
	enum jr_err err;

	jr_buf_init(&b.text, JR_LETTER_HTML_MAX);
	jr_buf_init(&b.markup, JR_LETTER_HTML_MAX);
	err = walk(html, &b);
	jr_buf_release(&b.text);
	jr_buf_release(&b.markup);
	return err;
}

static enum jr_err text_block(void *ctx, enum block_kind kind, const char *text, const char *markup)
{
	struct jr_buf *out = ctx;
	enum jr_err err;

	(void)markup;
	if (kind == B_H1 || kind == B_H2)
		if ((err = jr_buf_putc(out, '\n')))
			return err;
	if ((err = jr_buf_puts(out, text)))
		return err;
	return jr_buf_putc(out, '\n');
}

enum jr_err jr_view_letter_text(const char *html, struct jr_buf *out)
{
	return blocks_run(html, text_block, out);
}

/* ------------------------------------------------------------------------------------------
 * The PDF: A4 in points, the margins of the print style sheet (core/letter.c).
 * ---------------------------------------------------------------------------------------- */

#define PT_PER_MM (72.0 / 25.4)
#define PAGE_W    (210.0 * PT_PER_MM)
#define PAGE_H    (297.0 * PT_PER_MM)
#define MARGIN_L  (25.0 * PT_PER_MM)
#define MARGIN_R  (18.0 * PT_PER_MM)
#define MARGIN_T  (20.0 * PT_PER_MM)
#define MARGIN_B  (22.0 * PT_PER_MM)

struct pdf {
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *body, *h1, *h2;
	double y;
	enum block_kind last;
};

static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
	return jr_buf_append(closure, data, length) ? CAIRO_STATUS_WRITE_ERROR
	                                            : CAIRO_STATUS_SUCCESS;
}

static enum jr_err pdf_block(void *ctx, enum block_kind kind, const char *text, const char *markup)
{
	struct pdf *d = ctx;
	PangoTabArray *tabs = NULL;
	int w, h;
	double before, height;

	(void)text;
	before = kind == B_H1                                         ? 14
	         : kind == B_H2                                       ? 10
	         : (kind == B_ROW || kind == B_LI) && d->last == kind ? 1
	                                                              : 6;
	pango_layout_set_font_description(d->layout, kind == B_H1   ? d->h1
	                                             : kind == B_H2 ? d->h2
	                                                            : d->body);
	pango_layout_set_indent(d->layout, 0);
	if (kind == B_ROW) { /* label and value in two columns, the value wrapped under itself */
		tabs = pango_tab_array_new_with_positions(1, TRUE, PANGO_TAB_LEFT, 160);
		pango_layout_set_indent(d->layout, -160 * PANGO_SCALE);
	} else if (kind == B_LI) {
		pango_layout_set_indent(d->layout, -10 * PANGO_SCALE);
	}
	pango_layout_set_tabs(d->layout, tabs);
	pango_layout_set_markup(d->layout, markup, -1);
	pango_layout_get_size(d->layout, &w, &h);
	height = (double)h / PANGO_SCALE;
	/* a heading keeps a few lines of what follows it on its page */
	if (d->y + before + height + (kind == B_H1 || kind == B_H2 ? 48 : 0) > PAGE_H - MARGIN_B &&
	    d->y > MARGIN_T) {
		cairo_show_page(d->cr);
		d->y = MARGIN_T;
		before = 0;
	}
	d->y += d->y > MARGIN_T ? before : 0;
	cairo_move_to(d->cr, MARGIN_L, d->y);
	pango_cairo_show_layout(d->cr, d->layout);
	d->y += height;
	d->last = kind;
	if (tabs)
		pango_tab_array_free(tabs);
	return JR_OK;
}

enum jr_err jr_view_letter_pdf(const char *html, jr_day issued_on, struct jr_buf *out)
{
	struct pdf d = {0};
	cairo_surface_t *surface;
	PangoFontMap *fonts;
	PangoContext *context;
	char date[JR_DATE_STRLEN], created[32];
	enum jr_err err;

	surface = cairo_pdf_surface_create_for_stream(pdf_write, out, PAGE_W, PAGE_H);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		return JR_ERR_NOMEM;
	}
	/* the same letter, the same bytes: the document's date is the letter's, not the clock's */
	jr_date_format(issued_on, date);
	snprintf(created, sizeof(created), "%sT12:00:00Z", date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, created);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Beschikking jeugdhulp");
	d.cr = cairo_create(surface);
	/* a font map of this rendering's own, released with it: no cache outlives the call (and
	 * no thread's default font map is shared between the server's workers) */
	fonts = pango_cairo_font_map_new();
	context = pango_font_map_create_context(fonts);
	pango_cairo_update_context(d.cr, context);
	d.layout = pango_layout_new(context);
	d.body = pango_font_description_from_string("DejaVu Serif 10");
	d.h1 = pango_font_description_from_string("DejaVu Serif Bold 15");
	d.h2 = pango_font_description_from_string("DejaVu Serif Bold 11.5");
	pango_layout_set_width(d.layout, (int)((PAGE_W - MARGIN_L - MARGIN_R) * PANGO_SCALE));
	pango_layout_set_wrap(d.layout, PANGO_WRAP_WORD_CHAR);
	d.y = MARGIN_T;
	err = blocks_run(html, pdf_block, &d);
	pango_font_description_free(d.body);
	pango_font_description_free(d.h1);
	pango_font_description_free(d.h2);
	g_object_unref(d.layout);
	g_object_unref(context);
	g_object_unref(fonts);
	cairo_destroy(d.cr);
	cairo_surface_finish(surface);
	if (!err && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
		err = JR_ERR_IO;
	cairo_surface_destroy(surface);
	return err;
}

/* LeakSanitizer (the test build): fontconfig keeps what it parsed of its configuration files
 * for the life of the process, and a few of those blocks are no longer pointed to once it has
 * loaded them (a known fontconfig leak, the same for every program that lays out text). They
 * are fontconfig's, once per process, not ours: named here so that the sanitized build's leak
 * check stays on for everything else. An unsanitized build never calls this. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ... and without the report of the suppression used on every exit. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}
