/* letter: the decision letter rendered from its facts (letter.h). */
#include "core/letter.h"

#include <string.h>

static const char *const months[] = {"januari",   "februari", "maart",    "april",
                                     "mei",       "juni",     "juli",     "augustus",
                                     "september", "oktober",  "november", "december"};

void jr_letter_date(jr_day d, char out[24])
{
	int y, m, day;
	struct jr_buf b;

	jr_date_to_ymd(d, &y, &m, &day);
	/* a fixed buffer of the caller's: format by hand, bounded */
	jr_buf_init(&b, 23);
	if (jr_buf_printf(&b, "%d %s %d", day, months[(m - 1) % 12], y) == JR_OK)
		memcpy(out, jr_buf_str(&b), b.len + 1);
	else
		out[0] = '\0';
	jr_buf_release(&b);
}

enum jr_err jr_letter_escape(struct jr_buf *out, const char *s)
{
	return jr_buf_put_escaped(out, s, "&#39;");
}

/* The writer's state: the first error sticks, so that the document reads as a list of lines. */
struct w {
	struct jr_buf *b;
	enum jr_err err;
};

static void raw(struct w *w, const char *s)
{
	if (!w->err)
		w->err = jr_buf_puts(w->b, s);
}

static void text(struct w *w, const char *s)
{
	if (!w->err)
		w->err = jr_letter_escape(w->b, s);
}

static void day(struct w *w, jr_day d)
{
	char s[24];
	jr_letter_date(d, s);
	text(w, s);
}

/* A row of the decision's table: th the label, td the value (escaped). */
static void row(struct w *w, const char *label, const char *value)
{
	raw(w, "<tr><th scope=\"row\">");
	text(w, label);
	raw(w, "</th><td>");
	text(w, value);
	raw(w, "</td></tr>\n");
}

static void row_day(struct w *w, const char *label, jr_day d)
{
	char s[24];
	jr_letter_date(d, s);
	row(w, label, s);
}

/* The style sheet is linked, not inline: the server's Content-Security-Policy allows style
 * from its own origin only (web/letter.css holds the screen and print rules, A4). */
static const char style[] = "<link rel=\"stylesheet\" href=\"/letter.css\">\n";

enum jr_err jr_letter_html(const struct jr_letter_facts *f, struct jr_buf *out)
{
	struct w w = {out, JR_OK};
	const char *gemeente = f->municipality;

	raw(&w, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<title>Beschikking ");
	text(&w, f->number);
	raw(&w, "</title>\n");
	raw(&w, style);
	raw(&w, "</head>\n<body>\n<main class=\"letter\">\n");

	/* the sender and the addressees */
	raw(&w, "<p class=\"sender\"><strong>Gemeente ");
	text(&w, gemeente);
	raw(&w, "</strong><br>\n");
	if (f->postal_address[0]) {
		text(&w, f->postal_address);
		raw(&w, "<br>\n");
		text(&w, f->postcode);
		raw(&w, " ");
		text(&w, f->place);
		raw(&w, "\n");
	}
	raw(&w, "</p>\n<address>\n");
	if (f->parent_count == 0) {
		raw(&w, "Aan de ouders of verzorgers van ");
		text(&w, f->child_name);
		raw(&w, "<br>\n");
	}
	for (size_t i = 0; i < f->parent_count; i++) {
		text(&w, f->parents[i].name);
		raw(&w, "<br>\n");
	}
	if (f->address_line[0]) {
		text(&w, f->address_line);
		raw(&w, "<br>\n");
		text(&w, f->address_place);
		raw(&w, "\n");
	}
	raw(&w, "</address>\n");

	raw(&w, "<table class=\"meta\">\n");
	row_day(&w, "Datum", f->issued_on);
	row(&w, "Kenmerk", f->number);
	row(&w, "Onderwerp",
	    f->change ? "Wijziging van uw beschikking jeugdhulp" : "Beschikking jeugdhulp");
	raw(&w, "</table>\n");

	raw(&w, "<h1>");
	raw(&w, f->change ? "Wijziging van de beschikking jeugdhulp" : "Beschikking jeugdhulp");
	raw(&w, "</h1>\n<p>Geachte ouder, verzorger,</p>\n<p>");
	if (f->change) {
		raw(&w, "Wij hebben eerder besloten over jeugdhulp voor ");
		text(&w, f->child_name);
		raw(&w, " (toewijzing ");
		text(&w, f->allocation_number);
		raw(&w, "). In deze brief leest u dat wij dat besluit wijzigen, en waarom.");
	} else {
		raw(&w, "U hebt met ons gesproken over hulp voor ");
		text(&w, f->child_name);
		raw(&w, ". In deze brief leest u wat wij hebben besloten, en waarom.");
	}
	raw(&w, "</p>\n");

	raw(&w, "<h2>Ons besluit</h2>\n<p>");
	raw(&w, f->change ? "Wij wijzigen de jeugdhulp die u is toegewezen. U krijgt voor "
	                  : "U krijgt voor ");
	text(&w, f->child_name);
	raw(&w, " jeugdhulp toegewezen: <strong>");
	text(&w, f->form_name);
	raw(&w, "</strong>, bij ");
	text(&w, f->provider);
	raw(&w, ". ");
	raw(&w, f->has_end ? "Het besluit geldt van " : "Het besluit geldt vanaf ");
	day(&w, f->start);
	if (f->has_end) {
		raw(&w, " tot en met ");
		day(&w, f->end);
	}
	raw(&w, f->has_end ? "." : ", zonder einddatum.");
	raw(&w, "</p>\n<table class=\"decision\">\n");
	row(&w, "Kind", f->child_name);
	row_day(&w, "Geboortedatum", f->child_birth);
	for (size_t i = 0; i < f->parent_count; i++) {
		struct jr_buf v;
		jr_buf_init(&v, 2 * JR_LETTER_NAME_MAX);
		if (!jr_buf_printf(&v, "%s (%s)", f->parents[i].name, f->parents[i].role))
			row(&w, i == 0 ? "Ouders en verzorgers" : "", jr_buf_str(&v));
		jr_buf_release(&v);
	}
	{
		struct jr_buf v;
		jr_buf_init(&v, JR_LETTER_NAME_MAX + 16);
		if (!jr_buf_printf(&v, "%s (vorm %d)", f->form_name, f->form))
			row(&w, "Vorm van jeugdhulp", jr_buf_str(&v));
		jr_buf_release(&v);
	}
	row(&w, "Jeugdhulpaanbieder", f->provider);
	if (f->regime[0])
		row(&w, "Manier van inkoop", f->regime);
	if (f->result[0])
		row(&w, "Te bereiken resultaat", f->result);
	if (f->intensity[0])
		row(&w, "Intensiteit", f->intensity);
	if (f->product_code[0])
		row(&w, "Product", f->product_code);
	if (f->volume > 0) {
		struct jr_buf v;
		jr_buf_init(&v, 128);
		if (!jr_buf_printf(&v, "%d %s%s%s", f->volume, f->unit, f->frequency[0] ? " " : "",
		                   f->frequency))
			row(&w, "Omvang", jr_buf_str(&v));
		jr_buf_release(&v);
	}
	row_day(&w, "Ingangsdatum", f->start);
	if (f->has_end)
		row_day(&w, "Einddatum", f->end);
	else
		row(&w, "Einddatum", "geen einddatum");
	row(&w, "Toewijzingsnummer", f->allocation_number);
	raw(&w, "</table>\n");

	raw(&w, "<h2>Waarom wij zo besluiten</h2>\n");
	if (f->change && f->change_reason[0]) {
		raw(&w, "<p>Reden van de wijziging: ");
		text(&w, f->change_reason);
		raw(&w, ".</p>\n");
	}
	raw(&w, "<p>");
	text(&w, f->reasons);
	raw(&w, "</p>\n");

	raw(&w, "<h2>Wettelijke grondslag</h2>\n<p>");
	text(&w, f->legal_basis);
	raw(&w, "</p>\n");

	raw(&w,
	    "<h2>Bent u het niet eens met dit besluit?</h2>\n"
	    "<p>Dan kunt u bezwaar maken. Dat doet u binnen zes weken na de dag waarop deze "
	    "brief is verzonden (artikel 6:7 en 6:8 van de Algemene wet bestuursrecht). Stuur uw "
	    "bezwaarschrift naar het college van burgemeester en wethouders van de gemeente ");
	text(&w, gemeente);
	if (f->postal_address[0]) {
		raw(&w, ", ");
		text(&w, f->postal_address);
		raw(&w, ", ");
		text(&w, f->postcode);
		raw(&w, " ");
		text(&w, f->place);
	}
	raw(&w,
	    ".</p>\n<p>In uw bezwaarschrift zet u (artikel 6:5 Awb):</p>\n<ul>\n"
	    "<li>uw naam en adres;</li>\n"
	    "<li>de datum;</li>\n"
	    "<li>het besluit waartegen u bezwaar maakt: stuur een kopie van deze brief mee of noem "
	    "het kenmerk ");
	text(&w, f->number);
	raw(&w,
	    ";</li>\n"
	    "<li>waarom u het niet eens bent met het besluit;</li>\n"
	    "<li>uw handtekening.</li>\n</ul>\n"
	    "<p>Een bezwaar houdt het besluit niet tegen. Is een snelle beslissing nodig, dan kunt "
	    "u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening "
	    "(artikel 8:81 Awb). Dat kan als u bezwaar hebt gemaakt. Voor zo'n verzoek betaalt u "
	    "griffierecht.</p>\n"
	    "<p>Hebt u vragen over deze brief? Neem dan contact op met uw consulent jeugd van de "
	    "gemeente ");
	text(&w, gemeente);
	raw(&w, ". Noem daarbij het kenmerk ");
	text(&w, f->number);
	raw(&w, ".</p>\n<p>Met vriendelijke groet,</p>\n<p>Het college van burgemeester en "
	        "wethouders van de gemeente ");
	text(&w, gemeente);
	raw(&w, ",<br>\nnamens dezen, de consulent jeugd</p>\n</main>\n</body>\n</html>\n");
	return w.err;
}
