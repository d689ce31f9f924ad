/* request_fast: single-pass, allocation-free reading of plain routing requests (see
 * request_fast.h). Every function returns false to decline; nothing here reports errors. */
#include "json/request_fast.h"

#include <string.h>

#include "core/ident.h"
#include "json/request_json.h"

struct scan {
	const char *p;
	const char *end;
};

static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

/* Consumes `c` after optional whitespace. */
static bool take(struct scan *s, char c)
{
	skip_ws(s);
	if (s->p < s->end && *s->p == c) {
		s->p++;
		return true;
	}
	return false;
}

/* Consumes a literal word (null, true, false) after optional whitespace. */
static bool take_word(struct scan *s, const char *word, size_t len)
{
	skip_ws(s);
	if ((size_t)(s->end - s->p) < len || memcmp(s->p, word, len) != 0)
		return false;
	s->p += len;
	return true;
}

/* A string of printable ASCII without escapes; points into the input. */
static bool plain_string(struct scan *s, const char **str, size_t *len)
{
	const char *start;

	if (!take(s, '"'))
		return false;
	start = s->p;
	while (s->p < s->end) {
		unsigned char c = (unsigned char)*s->p;
		if (c == '"') {
			*str = start;
			*len = (size_t)(s->p - start);
			s->p++;
			return true;
		}
		if (c == '\\' || c < 0x20 || c >= 0x80)
			return false;
		s->p++;
	}
	return false;
}

/* A non-negative integer of at most six digits, without fraction or exponent. */
static bool small_int(struct scan *s, int *out)
{
	int v = 0, digits = 0;

	skip_ws(s);
	if (s->p < s->end && *s->p == '0' && s->end - s->p > 1 && s->p[1] >= '0' && s->p[1] <= '9')
		return false; /* leading zero: not JSON */
	while (s->p < s->end && *s->p >= '0' && *s->p <= '9' && digits < 7) {
		v = v * 10 + (*s->p - '0');
		s->p++;
		digits++;
	}
	if (digits == 0 || digits > 6)
		return false;
	if (s->p < s->end && (*s->p == '.' || *s->p == 'e' || *s->p == 'E'))
		return false;
	*out = v;
	return true;
}

static bool is(const char *str, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(str, name, len) == 0;
}

/* Index of a name in an enum's table via its parse function, for a string that is not
 * NUL-terminated; -1 when unknown. Names are short, so a bounded copy does. */
static int parse_name(const char *str, size_t len, int (*parse)(const char *))
{
	char tmp[32];

	if (len == 0 || len >= sizeof(tmp))
		return -1;
	memcpy(tmp, str, len);
	tmp[len] = '\0';
	return parse(tmp);
}

static bool date_value(struct scan *s, jr_day *out)
{
	const char *str;
	size_t len;
	return plain_string(s, &str, &len) && jr_date_parse(str, len, out) == JR_OK;
}

/* `{ "key": value, … }`, calling `member` for each pair; `{}` is fine. */
static bool object(struct scan *s, bool (*member)(struct scan *, const char *, size_t, void *),
		   void *ctx)
{
	const char *key;
	size_t klen;

	if (!take(s, '{'))
		return false;
	if (take(s, '}'))
		return true;
	do {
		if (!plain_string(s, &key, &klen) || !take(s, ':') || !member(s, key, klen, ctx))
			return false;
	} while (take(s, ','));
	return take(s, '}');
}

/* `[ value, … ]`, calling `element` for each; `[]` is fine. */
static bool array(struct scan *s, bool (*element)(struct scan *, void *), void *ctx)
{
	if (!take(s, '['))
		return false;
	if (take(s, ']'))
		return true;
	do {
		if (!element(s, ctx))
			return false;
	} while (take(s, ','));
	return take(s, ']');
}

/* Per-object state: the request and the keys seen so far (duplicates are declined). */
struct ctx {
	struct jr_request *r;
	unsigned seen;
	struct jr_history_item *item;
	bool has_outcome;
};

static bool once(struct ctx *c, unsigned bit)
{
	if (c->seen & bit)
		return false;
	c->seen |= bit;
	return true;
}

static bool need_member(struct scan *s, const char *key, size_t klen, void *arg)
{
	struct ctx *c = arg;
	int d = parse_name(key, klen, jr_need_parse), level;

	if (d < 0 || !once(c, 1u << d) || !small_int(s, &level) || level > JR_NEED_MAX_LEVEL)
		return false;
	c->r->needs[d] = (unsigned char)level;
	return true;
}

static bool flag_element(struct scan *s, void *arg)
{
	struct ctx *c = arg;
	const char *str;
	size_t len;
	int f;

	if (!plain_string(s, &str, &len) || (f = parse_name(str, len, jr_flag_parse)) < 0)
		return false;
	c->r->flags |= JR_FLAG_BIT(f);
	return true;
}

static bool family_context_element(struct scan *s, void *arg)
{
	struct ctx *c = arg;
	const char *str;
	size_t len;
	int f;

	if (!plain_string(s, &str, &len) || (f = parse_name(str, len, jr_family_context_parse)) < 0)
		return false;
	c->r->family_context |= 1u << f;
	return true;
}

static bool history_member(struct scan *s, const char *key, size_t klen, void *arg)
{
	struct ctx *c = arg;
	struct jr_history_item *h = c->item;
	const char *str;
	size_t len;
	int v;

	if (is(key, klen, "form"))
		return once(c, 1) && small_int(s, &v) && v <= JR_FORM_COUNT && (h->form = v, true);
	if (is(key, klen, "outcome")) {
		if (!once(c, 2) || !plain_string(s, &str, &len) ||
		    (v = parse_name(str, len, jr_outcome_parse)) < 0)
			return false;
		h->outcome = (enum jr_outcome)v;
		return true;
	}
	if (is(key, klen, "start"))
		return once(c, 4) && date_value(s, &h->start);
	if (is(key, klen, "end")) {
		if (!once(c, 8))
			return false;
		h->ongoing = take_word(s, "null", 4);
		return h->ongoing || date_value(s, &h->end);
	}
	if (is(key, klen, "comment"))
		return once(c, 16) && plain_string(s, &str, &len);
	return false;
}

static bool history_element(struct scan *s, void *arg)
{
	struct ctx *c = arg;
	struct ctx item;
	struct jr_history_item *h;

	if (c->r->history_count >= JR_HISTORY_MAX)
		return false;
	h = &c->r->history[c->r->history_count];
	*h = (struct jr_history_item){.ongoing = true};
	item = (struct ctx){.r = c->r, .item = h};
	/* form, outcome and start are required; an absent end means ongoing */
	if (!object(s, history_member, &item) || (item.seen & 7) != 7)
		return false;
	if (!h->ongoing && h->end < h->start)
		return false;
	c->r->history_count++;
	return true;
}

static bool referrer_member(struct scan *s, const char *key, size_t klen, void *arg)
{
	struct ctx *c = arg;
	const char *str;
	size_t len;

	if (is(key, klen, "type")) {
		if (!once(c, 1) || !plain_string(s, &str, &len) || len != 2 || str[0] != '0' ||
		    str[1] < '1' || str[1] > '8' || str[1] == '7')
			return false;
		c->r->referrer_type = str[1] - '0';
		return true;
	}
	if (is(key, klen, "agb")) {
		if (!once(c, 2))
			return false;
		if (take_word(s, "null", 4))
			return true;
		if (!plain_string(s, &str, &len) || !jr_agb_valid(str, len))
			return false;
		memcpy(c->r->agb, str, len);
		c->r->agb[len] = '\0';
		return true;
	}
	return false;
}

enum {
	K_ID = 1u << 0,
	K_MUNICIPALITY = 1u << 1,
	K_BIRTH_DATE = 1u << 2,
	K_DATE = 1u << 3,
	K_NEEDS = 1u << 4,
	K_FLAGS = 1u << 5,
	K_MEASURE = 1u << 6,
	K_BROAD = 1u << 7,
	K_HISTORY = 1u << 8,
	K_REFERRER = 1u << 9,
	K_WAITING = 1u << 10,
	K_COMMENT = 1u << 11,
	K_FAMILY_CONTEXT = 1u << 12,
};

static bool request_member(struct scan *s, const char *key, size_t klen, void *arg)
{
	struct ctx *c = arg;
	struct jr_request *r = c->r;
	struct ctx sub = {.r = r};
	const char *str;
	size_t len;
	int m;

	switch (klen ? key[0] : 0) {
	case 'i':
		if (!is(key, klen, "id") || !once(c, K_ID) || !plain_string(s, &str, &len) ||
		    len >= JR_REQUEST_ID_MAX)
			return false;
		memcpy(r->id, str, len);
		r->id[len] = '\0';
		return true;
	case 'm':
		if (!is(key, klen, "municipality") || !once(c, K_MUNICIPALITY) ||
		    !plain_string(s, &str, &len) || !jr_cbs_code_valid(str, len))
			return false;
		memcpy(r->municipality, str, 4);
		r->municipality[4] = '\0';
		return true;
	case 'b':
		if (is(key, klen, "birth_date"))
			return once(c, K_BIRTH_DATE) && date_value(s, &r->birth_date);
		if (is(key, klen, "broad_analysis")) {
			if (!once(c, K_BROAD))
				return false;
			r->broad_analysis = take_word(s, "true", 4);
			return r->broad_analysis || take_word(s, "false", 5);
		}
		return false;
	case 'd':
		return is(key, klen, "date") && once(c, K_DATE) && date_value(s, &r->date);
	case 'w':
		return is(key, klen, "waiting_since") && once(c, K_WAITING) &&
		       date_value(s, &r->waiting_since) && (r->has_waiting_since = true);
	case 'n':
		return is(key, klen, "needs") && once(c, K_NEEDS) && object(s, need_member, &sub);
	case 'f':
		if (is(key, klen, "family_context"))
			return once(c, K_FAMILY_CONTEXT) && array(s, family_context_element, &sub);
		return is(key, klen, "flags") && once(c, K_FLAGS) && array(s, flag_element, &sub);
	case 'h':
		return is(key, klen, "history") && once(c, K_HISTORY) &&
		       array(s, history_element, &sub);
	case 'r':
		if (!is(key, klen, "referrer") || !once(c, K_REFERRER))
			return false;
		if (take_word(s, "null", 4))
			return true;
		r->has_referrer = true;
		return object(s, referrer_member, &sub) && (sub.seen & 1);
	case 'c':
		if (is(key, klen, "court_measure")) {
			if (!once(c, K_MEASURE))
				return false;
			if (take_word(s, "null", 4))
				return true;
			if (!plain_string(s, &str, &len) ||
			    (m = parse_name(str, len, jr_measure_parse)) < 0)
				return false;
			r->measure = (enum jr_measure)m;
			return true;
		}
		return is(key, klen, "comment") && once(c, K_COMMENT) && plain_string(s, &str, &len);
	default:
		return false;
	}
}

bool jr_request_parse_fast(const char *text, size_t len, jr_day today, struct jr_request *out)
{
	struct scan s = {.p = text, .end = text + len};
	struct ctx c = {.r = out};
	const char *field, *message;

	if (len > JR_REQUEST_MAX_BYTES)
		return false;
	memset(out, 0, offsetof(struct jr_request, history));
	out->history_count = 0;
	out->has_referrer = false;
	out->referrer_type = 0;
	out->agb[0] = '\0';
	out->residence_before_stay[0] = '\0'; /* the fast path declines the field: full parser */
	out->authorisations = 0; /* "authorisations" is the full parser's: the fast path declines */
	out->date = today;
	if (!object(&s, request_member, &c))
		return false;
	skip_ws(&s);
	if (s.p != s.end)
		return false;
	if ((c.seen & (K_MUNICIPALITY | K_BIRTH_DATE)) != (K_MUNICIPALITY | K_BIRTH_DATE))
		return false;
	return jr_request_check(out, &field, &message) == JR_OK;
}
