/* request_json: JSON routing requests, checked field by field (see request_json.h). */
#include "json/request_json.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/ident.h"
#include "json/json_common.h"
#include "json/request_fast.h"

__attribute__((format(printf, 3, 4))) static enum jr_err bad(struct jr_diag *d, const char *field,
							     const char *fmt, ...)
{
	va_list ap;

	snprintf(d->path, sizeof(d->path), "%s", field);
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
	return JR_ERR_INPUT;
}

static enum jr_err parse_date(struct jr_diag *d, const char *field, json_t *v, jr_day *out)
{
	if (!json_is_string(v))
		return bad(d, field, "is %s; verwacht een datum als \"JJJJ-MM-DD\"", jr_json_type_name(v));
	if (jr_date_parse(json_string_value(v), json_string_length(v), out))
		return bad(d, field, "\"%.40s\" is geen bestaande datum; verwacht \"JJJJ-MM-DD\" "
				     "tussen %d en %d",
			   json_string_value(v), JR_DATE_MIN_YEAR, JR_DATE_MAX_YEAR);
	return JR_OK;
}

static enum jr_err parse_needs(struct jr_diag *d, json_t *v, struct jr_request *r)
{
	const char *key;
	json_t *level;
	char field[64];

	if (!json_is_object(v))
		return bad(d, "needs", "is %s; verwacht een object zoals {\"parenting\": 2}",
			   jr_json_type_name(v));
	json_object_foreach(v, key, level) {
		int n = jr_need_parse(key);
		snprintf(field, sizeof(field), "needs.%.40s", key);
		if (n < 0)
			return bad(d, field, "onbekend domein; kies uit parenting, development, "
					     "behaviour, mental_health, school, family, social, "
					     "substance_use, safety, livelihood, disability");
		if (!json_is_integer(level))
			return bad(d, field, "is %s; verwacht een ernst van 0 tot en met 4",
				   jr_json_type_name(level));
		if (json_integer_value(level) < 0 || json_integer_value(level) > JR_NEED_MAX_LEVEL)
			return bad(d, field, "is %lld; verwacht een ernst van 0 tot en met 4",
				   (long long)json_integer_value(level));
		r->needs[n] = (unsigned char)json_integer_value(level);
	}
	return JR_OK;
}

/* A list of names as a bit set (1u << the name's number): `flags`, `family_context`. An unknown
 * name is refused at its element ("flags[2]"), with the names there are to choose from. */
static enum jr_err parse_name_list(struct jr_diag *d, const char *key, const char *example,
				   json_t *v, int (*parse)(const char *), const char *unknown,
				   unsigned *out)
{
	size_t i;
	json_t *x;
	char field[40];

	if (!json_is_array(v))
		return bad(d, key, "is %s; verwacht een lijst zoals [\"%s\"]", jr_json_type_name(v),
			   example);
	json_array_foreach(v, i, x) {
		int n = json_is_string(x) ? parse(json_string_value(x)) : -1;
		snprintf(field, sizeof(field), "%s[%zu]", key, i);
		if (n < 0)
			return bad(d, field, "%s", unknown);
		*out |= 1u << n;
	}
	return JR_OK;
}

static enum jr_err parse_flags(struct jr_diag *d, json_t *v, struct jr_request *r)
{
	return parse_name_list(d, "flags", "unsafe", v, jr_flag_parse,
			       "onbekend signaal; kies uit acute_crisis, psychiatric_disorder, "
			       "long_lasting, disability, unsafe, not_participating, offence",
			       &r->flags);
}

/* `family_context` (issue 13, principle 6): the parents' and the family's own problems, each
 * routed to its domain's help. */
static enum jr_err parse_family_context(struct jr_diag *d, json_t *v, struct jr_request *r)
{
	return parse_name_list(d, "family_context", "debts", v, jr_family_context_parse,
			       "onbekende gezinsomstandigheid; kies uit debts, housing, "
			       "parent_mental_health, parent_addiction, fighting_divorce",
			       &r->family_context);
}

/* Rejects history item i's `name` ("history[2].end"); the field is only formatted on error. */
__attribute__((format(printf, 4, 5))) static enum jr_err bad_item(struct jr_diag *d, size_t i,
								  const char *name, const char *fmt,
								  ...)
{
	va_list ap;

	snprintf(d->path, sizeof(d->path), "history[%zu]%s%.40s", i, name[0] ? "." : "", name);
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof(d->message), fmt, ap);
	va_end(ap);
	return JR_ERR_INPUT;
}

static enum jr_err parse_item_date(struct jr_diag *d, size_t i, const char *name, json_t *v,
				   jr_day *out)
{
	if (!json_is_string(v))
		return bad_item(d, i, name, "is %s; verwacht een datum als \"JJJJ-MM-DD\"",
				jr_json_type_name(v));
	if (jr_date_parse(json_string_value(v), json_string_length(v), out))
		return bad_item(d, i, name,
				"\"%.40s\" is geen bestaande datum; verwacht \"JJJJ-MM-DD\" tussen "
				"%d en %d",
				json_string_value(v), JR_DATE_MIN_YEAR, JR_DATE_MAX_YEAR);
	return JR_OK;
}

static enum jr_err parse_history(struct jr_diag *d, json_t *v, struct jr_request *r)
{
	size_t i;
	json_t *item;
	enum jr_err err;

	if (!json_is_array(v))
		return bad(d, "history", "is %s; verwacht een lijst met eerdere hulp", jr_json_type_name(v));
	if (json_array_size(v) > JR_HISTORY_MAX)
		return bad(d, "history", "bevat %zu trajecten; hoogstens %d", json_array_size(v),
			   JR_HISTORY_MAX);
	json_array_foreach(v, i, item) {
		struct jr_history_item *h = &r->history[i];
		json_t *form = NULL, *outcome = NULL, *start = NULL, *end = NULL, *x;
		const char *key;
		int o;

		if (!json_is_object(item))
			return bad_item(d, i, "", "is %s; verwacht een object met form, outcome, "
						  "start, end",
					jr_json_type_name(item));
		json_object_foreach(item, key, x) {
			if (strcmp(key, "form") == 0)
				form = x;
			else if (strcmp(key, "outcome") == 0)
				outcome = x;
			else if (strcmp(key, "start") == 0)
				start = x;
			else if (strcmp(key, "end") == 0)
				end = x;
			else if (strcmp(key, "comment") != 0)
				return bad_item(d, i, key, "onbekend veld; verwacht form, outcome, "
							   "start, end");
		}
		if (!form || !json_is_integer(form) || json_integer_value(form) < 0 ||
		    json_integer_value(form) > JR_FORM_COUNT)
			return bad_item(d, i, "form",
					"verwacht een vorm van 0 (sociale basis) tot en met 10");
		h->form = (int)json_integer_value(form);
		o = outcome && json_is_string(outcome) ? jr_outcome_parse(json_string_value(outcome))
						       : -1;
		if (o < 0)
			return bad_item(d, i, "outcome",
					"verwacht \"positive\", \"negative\" of \"neutral\"");
		h->outcome = (enum jr_outcome)o;
		if (!start)
			return bad_item(d, i, "start",
					"ontbreekt; verwacht een datum als \"JJJJ-MM-DD\"");
		if ((err = parse_item_date(d, i, "start", start, &h->start)))
			return err;
		h->ongoing = !end || json_is_null(end);
		if (!h->ongoing && (err = parse_item_date(d, i, "end", end, &h->end)))
			return err;
		if (!h->ongoing && h->end < h->start)
			return bad_item(d, i, "end", "ligt vóór start");
	}
	r->history_count = json_array_size(v);
	return JR_OK;
}

/* The judge's authorisations beside the measure: an array of distinct names. */
static enum jr_err parse_authorisations(struct jr_diag *d, json_t *v, struct jr_request *r)
{
	size_t i;
	json_t *x;

	if (!json_is_array(v))
		return bad(d, "authorisations", "is %s; verwacht een lijst zoals "
						"[\"uithuisplaatsing\"]",
			   jr_json_type_name(v));
	json_array_foreach(v, i, x) {
		int a = json_is_string(x) ? jr_authorisation_parse(json_string_value(x)) : -1;
		if (a < 0)
			return bad(d, "authorisations", "element %zu: verwacht \"uithuisplaatsing\" "
							"of \"gesloten\"",
				   i);
		if (r->authorisations & JR_AUTH_BIT(a))
			return bad(d, "authorisations", "element %zu: \"%s\" staat er al", i,
				   jr_authorisation_name((enum jr_authorisation)a));
		r->authorisations |= JR_AUTH_BIT(a);
	}
	return JR_OK;
}

static enum jr_err parse_referrer(struct jr_diag *d, json_t *v, struct jr_request *r)
{
	const char *key, *type;
	json_t *x;

	if (!json_is_object(v))
		return bad(d, "referrer", "is %s; verwacht {\"type\": \"02\", \"agb\": \"01234567\"}",
			   jr_json_type_name(v));
	json_object_foreach(v, key, x) {
		if (strcmp(key, "type") != 0 && strcmp(key, "agb") != 0) {
			char field[48];
			snprintf(field, sizeof(field), "referrer.%.30s", key);
			return bad(d, field, "onbekend veld; verwacht type en agb");
		}
	}
	x = json_object_get(v, "type");
	if (!x || !json_is_string(x))
		return bad(d, "referrer.type", "verwacht een verwijzerscode uit iJw COD327 als tekst, "
					       "zoals \"02\"");
	type = json_string_value(x);
	if (json_string_length(x) != 2 || type[0] != '0' || type[1] < '1' || type[1] > '8' ||
	    type[1] == '7')
		return bad(d, "referrer.type", "\"%.10s\" is geen verwijzerscode; kies uit 01 "
					       "gemeente, 02 huisarts, 03 jeugdarts, 04 "
					       "gecertificeerde instelling, 05 medisch specialist, 06 "
					       "zelfverwijzer, 08 rechter/OvJ",
			   type);
	r->referrer_type = type[1] - '0';
	x = json_object_get(v, "agb");
	if (x && !json_is_null(x)) {
		if (!json_is_string(x) || !jr_agb_valid(json_string_value(x), json_string_length(x)))
			return bad(d, "referrer.agb", "verwacht een AGB-code van 8 cijfers");
		memcpy(r->agb, json_string_value(x), 9);
	}
	r->has_referrer = true;
	return JR_OK;
}

static enum jr_err parse_object(json_t *root, jr_day today, struct jr_request *r,
				struct jr_diag *d)
{
	const char *key, *field = NULL, *message = NULL;
	json_t *v;
	enum jr_err err;
	bool has_birth = false;

	r->date = today;
	json_object_foreach(root, key, v) {
		if (strcmp(key, "id") == 0) {
			if (!json_is_string(v) || json_string_length(v) >= JR_REQUEST_ID_MAX ||
			    strlen(json_string_value(v)) != json_string_length(v))
				return bad(d, key, "verwacht een tekst van hoogstens %d tekens",
					   JR_REQUEST_ID_MAX - 1);
			memcpy(r->id, json_string_value(v), json_string_length(v) + 1);
		} else if (strcmp(key, "municipality") == 0) {
			if (!json_is_string(v) ||
			    !jr_cbs_code_valid(json_string_value(v), json_string_length(v)))
				return bad(d, key, "verwacht een CBS-gemeentecode van 4 cijfers als "
						   "tekst, zoals \"0153\"");
			memcpy(r->municipality, json_string_value(v), 5);
		} else if (strcmp(key, "birth_date") == 0) {
			if ((err = parse_date(d, key, v, &r->birth_date)))
				return err;
			has_birth = true;
		} else if (strcmp(key, "date") == 0) {
			if ((err = parse_date(d, key, v, &r->date)))
				return err;
		} else if (strcmp(key, "waiting_since") == 0) {
			if ((err = parse_date(d, key, v, &r->waiting_since)))
				return err;
			r->has_waiting_since = true;
		} else if (strcmp(key, "needs") == 0) {
			if ((err = parse_needs(d, v, r)))
				return err;
		} else if (strcmp(key, "flags") == 0) {
			if ((err = parse_flags(d, v, r)))
				return err;
		} else if (strcmp(key, "family_context") == 0) {
			if ((err = parse_family_context(d, v, r)))
				return err;
		} else if (strcmp(key, "court_measure") == 0) {
			int m = json_is_null(v)     ? JR_MEASURE_NONE
				: json_is_string(v) ? jr_measure_parse(json_string_value(v))
						    : -1;
			if (m < 0)
				return bad(d, key, "verwacht null, \"ots\", \"voorlopige_ots\", "
						   "\"voogdij\", \"jeugdreclassering\" of "
						   "\"machtiging_gesloten\"");
			r->measure = (enum jr_measure)m;
		} else if (strcmp(key, "authorisations") == 0) {
			if ((err = parse_authorisations(d, v, r)))
				return err;
		} else if (strcmp(key, "broad_analysis") == 0) {
			if (!json_is_boolean(v))
				return bad(d, key, "is %s; verwacht true of false", jr_json_type_name(v));
			r->broad_analysis = json_is_true(v);
		} else if (strcmp(key, "history") == 0) {
			if ((err = parse_history(d, v, r)))
				return err;
		} else if (strcmp(key, "referrer") == 0) {
			if (!json_is_null(v) && (err = parse_referrer(d, v, r)))
				return err;
		} else if (strcmp(key, "comment") == 0) {
			if (!json_is_string(v))
				return bad(d, key, "is %s; verwacht een tekst", jr_json_type_name(v));
		} else if (strcmp(key, "residence_before_stay") == 0) {
			/* principle 13: the municipality of residence just before a running stay */
			if (json_is_null(v))
				continue;
			if (!json_is_string(v) ||
			    !jr_cbs_code_valid(json_string_value(v), json_string_length(v)))
				return bad(d, key, "verwacht de CBS-code (4 cijfers, als tekst) van de "
						   "gemeente waar het kind vlak vóór het verblijf woonde");
			memcpy(r->residence_before_stay, json_string_value(v), 5);
		} else {
			return bad(d, key, "onbekend veld; verwacht municipality, birth_date, date, "
					   "needs, flags, family_context, court_measure, "
					   "authorisations, broad_analysis, history, referrer, "
					   "waiting_since, residence_before_stay, id");
		}
	}
	if (!r->municipality[0])
		return bad(d, "municipality", "ontbreekt; verwacht een CBS-gemeentecode zoals "
					      "\"0153\"");
	if (!has_birth)
		return bad(d, "birth_date", "ontbreekt; verwacht een datum als \"JJJJ-MM-DD\"");
	if (jr_request_check(r, &field, &message))
		return bad(d, field, "%s", message);
	return JR_OK;
}

enum jr_err jr_request_parse(const char *text, size_t len, jr_day today, struct jr_request *out,
			     struct jr_diag *d)
{
	if (jr_request_parse_fast(text, len, today, out)) {
		d->path[0] = '\0';
		d->message[0] = '\0';
		return JR_OK;
	}
	return jr_request_parse_full(text, len, today, out, d);
}

enum jr_err jr_request_parse_full(const char *text, size_t len, jr_day today,
				  struct jr_request *out, struct jr_diag *d)
{
	json_error_t jerr;
	json_t *root;
	enum jr_err err;

	memset(out, 0, offsetof(struct jr_request, history));
	out->history_count = 0;
	out->has_referrer = false;
	out->referrer_type = 0;
	out->agb[0] = '\0';
	out->residence_before_stay[0] = '\0';
	out->authorisations = 0;
	d->path[0] = '\0';
	d->message[0] = '\0';
	if (len > JR_REQUEST_MAX_BYTES) {
		bad(d, "(verzoek)", "is %zu bytes; hoogstens %d", len, JR_REQUEST_MAX_BYTES);
		return JR_ERR_TOO_BIG;
	}
	if (jr_json_depth(text, len, JR_REQUEST_MAX_DEPTH) > JR_REQUEST_MAX_DEPTH) {
		bad(d, "(verzoek)", "is dieper genest dan %d niveaus", JR_REQUEST_MAX_DEPTH);
		return JR_ERR_TOO_BIG;
	}
	if (jr_json_load(text, len, &root, &jerr) == JR_ERR_NOMEM)
		return JR_ERR_NOMEM;
	if (!root)
		return bad(d, "(json)", "geen geldige JSON (kolom %d): %s", jerr.column, jerr.text);
	if (!json_is_object(root))
		err = bad(d, "(verzoek)", "is %s; verwacht een JSON-object", jr_json_type_name(root));
	else
		err = parse_object(root, today, out, d);
	json_decref(root);
	return err;
}
