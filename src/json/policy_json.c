/* policy_json: policy file -> struct jr_policy, with full validation (see policy_json.h and
 * docs/policy.md). Every check reports the JSON path it was at; the loader walks the document
 * with a path stack kept in `struct ld`. */
#include "json/policy_json.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/alloc.h"
#include "core/ident.h"
#include "json/file.h"
#include "json/json_common.h"

#define FORMAT_ID "jeugdroute-policy/1"

struct ld {
	struct jr_diag *diag;
	char path[JR_DIAG_PATH_MAX];
	size_t len;
};

__attribute__((format(printf, 2, 3))) static enum jr_err fail(struct ld *ld, const char *fmt, ...)
{
	va_list ap;

	snprintf(ld->diag->path, sizeof(ld->diag->path), "%s", ld->path);
	va_start(ap, fmt);
	vsnprintf(ld->diag->message, sizeof(ld->diag->message), fmt, ap);
	va_end(ap);
	return JR_ERR_POLICY;
}

/* Path stack: push returns the previous length, pop restores it. Paths longer than the buffer
 * are cut (snprintf), which only shortens a diagnostic. */
static size_t push_key(struct ld *ld, const char *key)
{
	size_t old = ld->len;
	int n = snprintf(ld->path + old, sizeof(ld->path) - old, ".%s", key);
	ld->len = n < 0 ? old : old + (size_t)n >= sizeof(ld->path) ? sizeof(ld->path) - 1
								       : old + (size_t)n;
	return old;
}

static size_t push_index(struct ld *ld, size_t i)
{
	size_t old = ld->len;
	int n = snprintf(ld->path + old, sizeof(ld->path) - old, "[%zu]", i);
	ld->len = n < 0 ? old : old + (size_t)n >= sizeof(ld->path) ? sizeof(ld->path) - 1
								       : old + (size_t)n;
	return old;
}

static void pop(struct ld *ld, size_t old)
{
	ld->len = old;
	ld->path[old] = '\0';
}

/* Rejects keys other than those in the NULL-terminated `allowed` list: a typo in a policy file
 * must not silently fall back to a default. */
static enum jr_err check_keys(struct ld *ld, json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(*a, key) == 0)
				ok = true;
		if (!ok) {
			size_t old = push_key(ld, key);
			enum jr_err err = fail(ld, "onbekende sleutel \"%s\"", key);
			pop(ld, old);
			return err;
		}
	}
	return JR_OK;
}

/* Looks up obj[key] with the expected type. Missing and optional: *out = NULL, JR_OK. */
static enum jr_err member(struct ld *ld, json_t *obj, const char *key, json_type type,
			  bool required, const char *what, json_t **out)
{
	json_t *v = json_object_get(obj, key);
	size_t old;
	enum jr_err err = JR_OK;
	bool type_ok;

	*out = NULL;
	old = push_key(ld, key);
	if (!v) {
		if (required)
			err = fail(ld, "ontbreekt; verwacht %s", what);
		goto out;
	}
	type_ok = json_typeof(v) == type ||
		  (type == JSON_TRUE && json_typeof(v) == JSON_FALSE);
	if (!type_ok) {
		err = fail(ld, "is %s; verwacht %s", jr_json_type_name(v), what);
		goto out;
	}
	*out = v;
out:
	pop(ld, old);
	return err;
}

static enum jr_err get_string(struct ld *ld, json_t *obj, const char *key, bool required,
			      char *dst, size_t cap)
{
	json_t *v;
	size_t old, len;
	enum jr_err err = member(ld, obj, key, JSON_STRING, required, "een tekst", &v);

	if (err || !v)
		return err;
	len = json_string_length(v);
	old = push_key(ld, key);
	if (len == 0 && required)
		err = fail(ld, "is leeg");
	else if (len >= cap)
		err = fail(ld, "is te lang (%zu bytes, hoogstens %zu)", len, cap - 1);
	else if (memchr(json_string_value(v), '\0', len))
		err = fail(ld, "bevat een NUL-teken");
	else
		memcpy(dst, json_string_value(v), len + 1);
	pop(ld, old);
	return err;
}

static enum jr_err get_int(struct ld *ld, json_t *obj, const char *key, bool required, int min,
			   int max, int *out)
{
	json_t *v;
	size_t old;
	json_int_t n;
	char what[64];
	enum jr_err err;

	snprintf(what, sizeof(what), "een geheel getal van %d tot en met %d", min, max);
	err = member(ld, obj, key, JSON_INTEGER, required, what, &v);
	if (err || !v)
		return err;
	n = json_integer_value(v);
	if (n < min || n > max) {
		old = push_key(ld, key);
		err = fail(ld, "is %lld; verwacht %s", (long long)n, what);
		pop(ld, old);
		return err;
	}
	*out = (int)n;
	return JR_OK;
}

static enum jr_err get_bool(struct ld *ld, json_t *obj, const char *key, bool *out)
{
	json_t *v;
	enum jr_err err = member(ld, obj, key, JSON_TRUE, false, "true of false", &v);
	if (!err && v)
		*out = json_is_true(v);
	return err;
}

/* A string that must be one of an enum's names (parse returns -1 for unknown). */
static enum jr_err get_enum(struct ld *ld, json_t *obj, const char *key, int (*parse)(const char *),
			    const char *choices, int *out)
{
	char s[JR_ID_MAX];
	size_t old;
	enum jr_err err = get_string(ld, obj, key, true, s, sizeof(s));

	if (err)
		return err;
	*out = parse(s);
	if (*out < 0) {
		old = push_key(ld, key);
		err = fail(ld, "onbekende waarde \"%s\"; kies uit %s", s, choices);
		pop(ld, old);
	}
	return err;
}

/* An array of enum names, as a bit mask (1u << value). */
static enum jr_err get_name_mask(struct ld *ld, json_t *obj, const char *key, bool required,
				 int (*parse)(const char *), const char *choices, unsigned *out)
{
	json_t *arr, *v;
	size_t i, old, old2;
	enum jr_err err = member(ld, obj, key, JSON_ARRAY, required, "een lijst met namen", &arr);

	*out = 0;
	if (err || !arr)
		return err;
	old = push_key(ld, key);
	json_array_foreach(arr, i, v) {
		int n;
		old2 = push_index(ld, i);
		if (!json_is_string(v)) {
			err = fail(ld, "is %s; verwacht een naam uit %s", jr_json_type_name(v), choices);
			goto out;
		}
		n = parse(json_string_value(v));
		if (n < 0) {
			err = fail(ld, "onbekende waarde \"%s\"; kies uit %s", json_string_value(v),
				   choices);
			goto out;
		}
		*out |= 1u << n;
		pop(ld, old2);
	}
out:
	pop(ld, old);
	return err;
}

static const char NEED_CHOICES[] = "parenting, development, behaviour, mental_health, school, "
				   "family, social, substance_use, safety, livelihood, disability";
static const char FLAG_CHOICES[] = "acute_crisis, psychiatric_disorder, long_lasting, disability, "
				   "unsafe, not_participating, offence";
static const char MEASURE_CHOICES[] =
	"ots, voogdij, jeugdreclassering, machtiging_gesloten, voorlopige_ots";

/* iJw JZ020 product categories in force (2015 categories 31-38 and 40-55). */
static bool jz020_valid(const char *s)
{
	int n;
	if (strlen(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	n = (s[0] - '0') * 10 + (s[1] - '0');
	return (n >= 31 && n <= 38) || (n >= 40 && n <= 55);
}

static enum jr_err load_jz020(struct ld *ld, json_t *form, struct jr_form *f)
{
	static const char *const measure_keys[] = {"default", "ots", "voogdij", "jeugdreclassering",
						   "machtiging_gesloten", "voorlopige_ots", NULL};
	json_t *v = json_object_get(form, "jz020");
	size_t old = push_key(ld, "jz020");
	enum jr_err err = JR_OK;

	if (!v) {
		err = fail(ld, "ontbreekt; verwacht de iJw-productcategorie (JZ020), bijv. \"45\"");
	} else if (json_is_string(v)) {
		snprintf(f->jz020, sizeof(f->jz020), "%s", json_string_value(v));
		if (!jz020_valid(json_string_value(v)))
			err = fail(ld, "\"%s\" is geen iJw-productcategorie (JZ020: 31-38, 40-55)",
				   json_string_value(v));
	} else if (json_is_object(v)) {
		const char *key;
		json_t *code;
		err = check_keys(ld, v, measure_keys);
		if (err)
			goto out;
		json_object_foreach(v, key, code) {
			size_t old2 = push_key(ld, key);
			int m = jr_measure_parse(key);
			const char *s = json_is_string(code) ? json_string_value(code) : "";
			if (!jz020_valid(s)) {
				err = fail(ld, "verwacht een iJw-productcategorie (JZ020: 31-38, "
					       "40-55)");
				pop(ld, old2);
				goto out;
			}
			if (m < 0)
				snprintf(f->jz020, sizeof(f->jz020), "%s", s);
			else
				snprintf(f->jz020_by_measure[m], sizeof(f->jz020_by_measure[m]), "%s",
					 s);
			pop(ld, old2);
		}
		if (!f->jz020[0])
			err = fail(ld, "het object mist \"default\"");
	} else {
		err = fail(ld, "is %s; verwacht een tekst zoals \"45\" of een object per maatregel",
			   jr_json_type_name(v));
	}
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_indication(struct ld *ld, json_t *form, struct jr_indication *ind)
{
	static const char *const keys[] = {"needs", "flags", "measures", "domains", "all_flags", NULL};
	static const char *const domain_keys[] = {"level", "count", NULL};
	json_t *obj, *needs, *domains;
	const char *key;
	json_t *v;
	size_t old, old2;
	enum jr_err err = member(ld, form, "indication", JSON_OBJECT, false, "een object", &obj);
	int level, count;

	if (err || !obj)
		return err;
	ind->present = true;
	old = push_key(ld, "indication");
	if ((err = check_keys(ld, obj, keys)))
		goto out;
	if ((err = member(ld, obj, "needs", JSON_OBJECT, false,
			  "een object met behoefte en minimumniveau", &needs)))
		goto out;
	if (needs) {
		old2 = push_key(ld, "needs");
		json_object_foreach(needs, key, v) {
			int d = jr_need_parse(key);
			size_t old3 = push_key(ld, key);
			if (d < 0) {
				err = fail(ld, "onbekend domein; kies uit %s", NEED_CHOICES);
				goto out;
			}
			if (!json_is_integer(v) || json_integer_value(v) < 1 ||
			    json_integer_value(v) > JR_NEED_MAX_LEVEL) {
				err = fail(ld, "verwacht een niveau van 1 tot en met %d",
					   JR_NEED_MAX_LEVEL);
				goto out;
			}
			ind->need_min[d] = (uint8_t)json_integer_value(v);
			pop(ld, old3);
		}
		pop(ld, old2);
	}
	if ((err = get_name_mask(ld, obj, "flags", false, jr_flag_parse, FLAG_CHOICES,
				 &ind->any_flags)))
		goto out;
	if ((err = get_name_mask(ld, obj, "all_flags", false, jr_flag_parse, FLAG_CHOICES,
				 &ind->all_flags)))
		goto out;
	if ((err = get_name_mask(ld, obj, "measures", false, jr_measure_parse, MEASURE_CHOICES,
				 &ind->any_measures)))
		goto out;
	if ((err = member(ld, obj, "domains", JSON_OBJECT, false,
			  "een object {\"level\": 1-4, \"count\": 1-11}", &domains)))
		goto out;
	if (domains) {
		old2 = push_key(ld, "domains");
		if ((err = check_keys(ld, domains, domain_keys)) ||
		    (err = get_int(ld, domains, "level", true, 1, JR_NEED_MAX_LEVEL, &level)) ||
		    (err = get_int(ld, domains, "count", true, 1, JR_NEED_COUNT, &count)))
			goto out;
		ind->domains_level = (uint8_t)level;
		ind->domains_count = (uint8_t)count;
		pop(ld, old2);
	}
	if (!needs && !ind->any_flags && !ind->any_measures && !domains)
		err = fail(ld, "de indicatie noemt geen behoefte, signaal, maatregel of domeinen");
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_forms(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"form", "name", "setting", "contracting", "jz020",
					   "indication", "family_like", "description", NULL};
	json_t *arr, *v;
	size_t i, old, old2;
	enum jr_err err = member(ld, root, "forms", JSON_ARRAY, true,
				 "een lijst met de tien vormen van jeugdhulp", &arr);

	if (err)
		return err;
	old = push_key(ld, "forms");
	if (json_array_size(arr) != JR_FORM_COUNT) {
		err = fail(ld, "bevat %zu vormen; verwacht precies %d (vorm 1 tot en met 10, licht "
			       "naar zwaar)",
			   json_array_size(arr), JR_FORM_COUNT);
		goto out;
	}
	json_array_foreach(arr, i, v) {
		struct jr_form *f = &p->forms[i + 1];
		int n, setting, contracting;
		old2 = push_index(ld, i);
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object", jr_json_type_name(v));
			goto out;
		}
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_int(ld, v, "form", true, 1, JR_FORM_COUNT, &n)))
			goto out;
		if (n != (int)i + 1) {
			size_t old3 = push_key(ld, "form");
			err = fail(ld, "is %d; de vormen staan op volgorde, dus verwacht %zu", n,
				   i + 1);
			pop(ld, old3);
			goto out;
		}
		f->number = n;
		if ((err = get_string(ld, v, "name", true, f->name, sizeof(f->name))) ||
		    (err = get_enum(ld, v, "setting", jr_setting_parse,
				    "ambulant, out-of-home, crisis, secure, measure", &setting)) ||
		    (err = get_enum(ld, v, "contracting", jr_contracting_parse, "local, regional",
				    &contracting)) ||
		    (err = load_jz020(ld, v, f)) ||
		    (err = load_indication(ld, v, &f->indication)) ||
		    (err = get_bool(ld, v, "family_like", &f->family_like)))
			goto out;
		f->setting = (enum jr_setting)setting;
		f->contracting = (enum jr_contracting)contracting;
		if (f->family_like && !jr_setting_is_stay(f->setting)) {
			size_t old3 = push_key(ld, "family_like");
			err = fail(ld, "is true voor een vorm zonder verblijf (setting \"%s\"); alleen "
				       "pleegzorg of een gezinshuis is gezinsgericht verblijf",
				   jr_setting_name(f->setting));
			pop(ld, old3);
			goto out;
		}
		pop(ld, old2);
	}
	/* The rules place crisis, secure care and measures themselves: the policy must have them. */
	for (int s = JR_SETTING_CRISIS; s <= JR_SETTING_MEASURE; s++)
		if (!jr_policy_form_with_setting(p, (enum jr_setting)s)) {
			err = fail(ld, "geen vorm met setting \"%s\"; de regels voor crisis, gesloten "
				       "jeugdhulp en maatregelen hebben er een nodig",
				   jr_setting_name((enum jr_setting)s));
			goto out;
		}
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_offers(struct ld *ld, json_t *root, const char *key, const char *cat_key,
			       int (*parse)(const char *), const char *choices, bool required,
			       struct jr_offer *offers, size_t *count)
{
	const char *const keys[] = {"id", cat_key, "name", "needs", "age_min", "age_max",
				    "description", NULL};
	json_t *arr, *v;
	size_t i, old, old2;
	enum jr_err err = member(ld, root, key, JSON_ARRAY, required, "een lijst met aanbod", &arr);

	*count = 0;
	if (err || !arr)
		return err;
	old = push_key(ld, key);
	if (json_array_size(arr) > JR_OFFER_MAX) {
		err = fail(ld, "bevat %zu items; hoogstens %d", json_array_size(arr), JR_OFFER_MAX);
		goto out;
	}
	json_array_foreach(arr, i, v) {
		struct jr_offer *o = &offers[i];
		old2 = push_index(ld, i);
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object", jr_json_type_name(v));
			goto out;
		}
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_string(ld, v, "id", true, o->id, sizeof(o->id))) ||
		    (err = get_enum(ld, v, cat_key, parse, choices, &o->category)) ||
		    (err = get_string(ld, v, "name", true, o->name, sizeof(o->name))) ||
		    (err = get_name_mask(ld, v, "needs", true, jr_need_parse, NEED_CHOICES,
					 &o->needs)) ||
		    (err = get_int(ld, v, "age_min", true, 0, JR_OFFER_AGE_MAX, &o->age_min)) ||
		    (err = get_int(ld, v, "age_max", true, 0, JR_OFFER_AGE_MAX, &o->age_max)))
			goto out;
		if (o->age_max < o->age_min) {
			size_t old3 = push_key(ld, "age_max");
			err = fail(ld, "is %d, jonger dan age_min (%d); noem de leeftijden van de "
				       "kinderen die dit aanbod dient, van jong naar oud",
				   o->age_max, o->age_min);
			pop(ld, old3);
			goto out;
		}
		if (!o->needs) {
			size_t old3 = push_key(ld, "needs");
			err = fail(ld, "is leeg; noem de behoeften die dit aanbod dient");
			pop(ld, old3);
			goto out;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(offers[j].id, o->id) == 0) {
				size_t old3 = push_key(ld, "id");
				err = fail(ld, "\"%s\" komt al voor bij %s[%zu]", o->id, key, j);
				pop(ld, old3);
				goto out;
			}
		pop(ld, old2);
	}
	*count = json_array_size(arr);
out:
	pop(ld, old);
	return err;
}

/* A municipality's postal address for its decision letters (optional): {"address": "Postbus
 * 20", "postcode": "7500 AA", "place": "Enschede"}, each present and the postcode in the
 * Dutch shape (four digits, a space, two capitals). A placeholder that no Dutch address has
 * ("0000 XX": no postcode starts with 0) marks one the policy's author has not filled in. */
static enum jr_err load_postal_address(struct ld *ld, json_t *v, struct jr_municipality *m)
{
	static const char *const keys[] = {"address", "postcode", "place", NULL};
	json_t *a;
	size_t old;
	const char *pc;
	enum jr_err err = member(ld, v, "postal_address", JSON_OBJECT, false,
				 "een object {\"address\", \"postcode\", \"place\"}", &a);

	if (err || !a)
		return err;
	old = push_key(ld, "postal_address");
	if ((err = check_keys(ld, a, keys)) ||
	    (err = get_string(ld, a, "address", true, m->postal_address,
			      sizeof(m->postal_address))) ||
	    (err = get_string(ld, a, "postcode", true, m->postcode, sizeof(m->postcode))) ||
	    (err = get_string(ld, a, "place", true, m->place, sizeof(m->place))))
		goto out;
	pc = m->postcode;
	if (strlen(pc) != 7 || pc[4] != ' ' || !isdigit((unsigned char)pc[0]) ||
	    !isdigit((unsigned char)pc[1]) || !isdigit((unsigned char)pc[2]) ||
	    !isdigit((unsigned char)pc[3]) || !isupper((unsigned char)pc[5]) ||
	    !isupper((unsigned char)pc[6])) {
		size_t old2 = push_key(ld, "postcode");
		err = fail(ld, "\"%s\" is geen postcode; verwacht vier cijfers, een spatie en twee "
			       "hoofdletters, zoals \"7511 HC\"",
			   pc);
		pop(ld, old2);
	}
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_municipalities(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"code", "name", "regime", "main_provider",
					   "postal_address", NULL};
	json_t *arr, *v;
	size_t i, old, old2;
	enum jr_err err = member(ld, root, "municipalities", JSON_ARRAY, true,
				 "een lijst met gemeenten", &arr);

	if (err)
		return err;
	old = push_key(ld, "municipalities");
	if (json_array_size(arr) == 0 || json_array_size(arr) > JR_MUNICIPALITY_MAX) {
		err = fail(ld, "bevat %zu gemeenten; verwacht 1 tot en met %d", json_array_size(arr),
			   JR_MUNICIPALITY_MAX);
		goto out;
	}
	json_array_foreach(arr, i, v) {
		struct jr_municipality *m = &p->municipalities[i];
		int regime;
		old2 = push_index(ld, i);
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object", jr_json_type_name(v));
			goto out;
		}
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_string(ld, v, "code", true, m->code, sizeof(m->code))))
			goto out;
		if (!jr_cbs_code_valid(m->code, strlen(m->code))) {
			size_t old3 = push_key(ld, "code");
			err = fail(ld, "\"%s\" is geen CBS-gemeentecode; verwacht 4 cijfers, zoals "
				       "\"0153\"",
				   m->code);
			pop(ld, old3);
			goto out;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(p->municipalities[j].code, m->code) == 0) {
				size_t old3 = push_key(ld, "code");
				err = fail(ld, "gemeente %s komt al voor bij municipalities[%zu]",
					   m->code, j);
				pop(ld, old3);
				goto out;
			}
		if ((err = get_string(ld, v, "name", true, m->name, sizeof(m->name))) ||
		    (err = get_enum(ld, v, "regime", jr_regime_parse, "result, product, generic",
				    &regime)) ||
		    (err = get_string(ld, v, "main_provider", false, m->main_provider,
				      sizeof(m->main_provider))))
			goto out;
		m->regime = (enum jr_regime)regime;
		if ((err = load_postal_address(ld, v, m)))
			goto out;
		pop(ld, old2);
	}
	p->municipality_count = json_array_size(arr);
out:
	pop(ld, old);
	return err;
}

static int referrer_code_parse(const char *s)
{
	/* COD327: 01-06 and 08 (07 does not exist). */
	if (strlen(s) != 2 || s[0] != '0' || s[1] < '1' || s[1] > '8' || s[1] == '7')
		return -1;
	return s[1] - '0';
}

static enum jr_err load_referrers(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"code", "name", "forms", "agb", "within_measure_only",
					   NULL};
	json_t *arr, *v, *forms, *fv;
	size_t i, j, old, old2, old3;
	enum jr_err err = member(ld, root, "referrers", JSON_ARRAY, true,
				 "een lijst met verwijzers (iJw COD327)", &arr);

	if (err)
		return err;
	old = push_key(ld, "referrers");
	json_array_foreach(arr, i, v) {
		char code[4], agb[16] = "none";
		int c;
		struct jr_referrer *r;
		old2 = push_index(ld, i);
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object", jr_json_type_name(v));
			goto out;
		}
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_string(ld, v, "code", true, code, sizeof(code))))
			goto out;
		c = referrer_code_parse(code);
		old3 = push_key(ld, "code");
		if (c < 0) {
			err = fail(ld, "\"%s\" is geen verwijzerscode uit iJw COD327 (01-06, 08)",
				   code);
			goto out3;
		}
		if (p->referrers[c].defined) {
			err = fail(ld, "verwijzer %s komt twee keer voor", code);
			goto out3;
		}
		pop(ld, old3);
		r = &p->referrers[c];
		r->defined = true;
		memcpy(r->code, code, sizeof(r->code)); /* validated: two digits and NUL */
		if ((err = get_string(ld, v, "name", true, r->name, sizeof(r->name))) ||
		    (err = member(ld, v, "forms", JSON_ARRAY, true,
				  "een lijst met vormnummers (1-10), leeg als de verwijzer geen "
				  "jeugdhulp opent",
				  &forms)) ||
		    (err = get_string(ld, v, "agb", false, agb, sizeof(agb))) ||
		    (err = get_bool(ld, v, "within_measure_only", &r->within_measure_only)))
			goto out;
		old3 = push_key(ld, "forms");
		json_array_foreach(forms, j, fv) {
			size_t old4 = push_index(ld, j);
			if (!json_is_integer(fv) || json_integer_value(fv) < 1 ||
			    json_integer_value(fv) > JR_FORM_COUNT) {
				err = fail(ld, "verwacht een vormnummer van 1 tot en met %d",
					   JR_FORM_COUNT);
				goto out3;
			}
			r->forms |= 1u << json_integer_value(fv);
			pop(ld, old4);
		}
		pop(ld, old3);
		old3 = push_key(ld, "agb");
		if (strcmp(agb, "required") == 0)
			r->agb_required = true;
		else if (strcmp(agb, "none") == 0)
			r->agb_forbidden = true;
		else if (strcmp(agb, "optional") != 0) {
			err = fail(ld, "onbekende waarde \"%s\"; kies uit required, optional, none",
				   agb);
			goto out3;
		}
		pop(ld, old3);
		pop(ld, old2);
	}
	pop(ld, old);
	return JR_OK;
out3:
	pop(ld, old3);
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_regimes(struct ld *ld, json_t *root, struct jr_policy *p)
{
	json_t *obj, *v, *terms, *t;
	const char *key;
	size_t old, old2, i;
	enum jr_err err = member(ld, root, "regimes", JSON_OBJECT, false,
				 "een object met een beschrijving per regime", &obj);

	if (err || !obj)
		return err;
	old = push_key(ld, "regimes");
	json_object_foreach(obj, key, v) {
		static const char *const keys[] = {"description", "intensities", "frequencies", NULL};
		int r = jr_regime_parse(key);
		struct jr_regime_info *info;
		old2 = push_key(ld, key);
		if (r < 0) {
			err = fail(ld, "onbekend regime; kies uit result, product, generic");
			goto out;
		}
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object", jr_json_type_name(v));
			goto out;
		}
		info = &p->regimes[r];
		p->regime_described[r] = true;
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_string(ld, v, "description", true, info->description,
				      sizeof(info->description))))
			goto out;
		terms = json_object_get(v, "intensities");
		if (!terms)
			terms = json_object_get(v, "frequencies");
		if (terms) {
			if (!json_is_array(terms) || json_array_size(terms) > JR_REGIME_TERMS_MAX) {
				err = fail(ld, "intensities/frequencies: verwacht een lijst met "
					       "hoogstens %d namen",
					   JR_REGIME_TERMS_MAX);
				goto out;
			}
			json_array_foreach(terms, i, t) {
				if (!json_is_string(t) ||
				    json_string_length(t) >= sizeof(info->terms[0]) ||
				    json_string_length(t) == 0) {
					err = fail(ld, "intensities/frequencies[%zu]: verwacht een "
						       "korte naam",
						   i);
					goto out;
				}
				snprintf(info->terms[i], sizeof(info->terms[i]), "%s",
					 json_string_value(t));
			}
			info->term_count = json_array_size(terms);
		}
		pop(ld, old2);
	}
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_norms(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {
		"age_limit", "continuation_until", "continuation_resume_days",
		"hopping_window_days", "hopping_count", "crisis_followup_days", "max_waiting_days",
		"broad_analysis_from_form", "specialist_from_form", "intensive_ambulant_from_form",
		"max_first_offers", "max_support_offers", "escalate_after_days",
		"social_map_stale_days", "family_like_first_until", "foster_care_until",
		"start_within_days", "ending_within_days", "warn_within_days", "warn_within_workdays",
		NULL};
	struct jr_norms *n = &p->norms;
	json_t *obj;
	size_t old;
	enum jr_err err = member(ld, root, "norms", JSON_OBJECT, true, "een object met normen", &obj);

	if (err)
		return err;
	/* Defaults: the Jeugdwet and the defaults; a region overrides what it decides. */
	*n = (struct jr_norms){
		.age_limit = 18,
		.continuation_until = 23,
		.continuation_resume_days = 182,
		.hopping_window_days = 365,
		.hopping_count = 2,
		.crisis_followup_days = 14,
		.max_waiting_days = 42,
		.broad_analysis_from_form = 3,
		.specialist_from_form = 4,
		.intensive_ambulant_from_form = 3,
		.max_first_offers = 4,
		.max_support_offers = 2,
		.escalate_after_days = 182,
		.social_map_stale_days = 365,
		.family_like_first_until = 12,
		.foster_care_until = 21,
		.start_within_days = 28,
		.ending_within_days = 42,
		.warn_within_days = 14,
		.warn_within_workdays = 2,
	};
	old = push_key(ld, "norms");
	if ((err = check_keys(ld, obj, keys)) ||
	    (err = get_int(ld, obj, "age_limit", false, 12, 30, &n->age_limit)) ||
	    (err = get_int(ld, obj, "continuation_until", false, 12, 30, &n->continuation_until)) ||
	    (err = get_int(ld, obj, "continuation_resume_days", false, 0, 3650,
			   &n->continuation_resume_days)) ||
	    (err = get_int(ld, obj, "hopping_window_days", false, 1, 3650,
			   &n->hopping_window_days)) ||
	    (err = get_int(ld, obj, "hopping_count", false, 1, 20, &n->hopping_count)) ||
	    (err = get_int(ld, obj, "crisis_followup_days", false, 1, 365,
			   &n->crisis_followup_days)) ||
	    (err = get_int(ld, obj, "max_waiting_days", false, 1, 3650, &n->max_waiting_days)) ||
	    (err = get_int(ld, obj, "broad_analysis_from_form", false, 1, JR_FORM_COUNT,
			   &n->broad_analysis_from_form)) ||
	    (err = get_int(ld, obj, "specialist_from_form", false, 1, JR_FORM_COUNT,
			   &n->specialist_from_form)) ||
	    (err = get_int(ld, obj, "intensive_ambulant_from_form", false, 1, JR_FORM_COUNT,
			   &n->intensive_ambulant_from_form)) ||
	    (err = get_int(ld, obj, "max_first_offers", false, 0, 10, &n->max_first_offers)) ||
	    (err = get_int(ld, obj, "max_support_offers", false, 0, 10, &n->max_support_offers)) ||
	    (err = get_int(ld, obj, "escalate_after_days", false, 1, 3650,
			   &n->escalate_after_days)) ||
	    (err = get_int(ld, obj, "social_map_stale_days", false, 1, 3650,
			   &n->social_map_stale_days)) ||
	    (err = get_int(ld, obj, "family_like_first_until", false, 0, 30,
			   &n->family_like_first_until)) ||
	    (err = get_int(ld, obj, "foster_care_until", false, 12, 30, &n->foster_care_until)) ||
	    (err = get_int(ld, obj, "start_within_days", false, 1, 365, &n->start_within_days)) ||
	    (err = get_int(ld, obj, "ending_within_days", false, 1, 365,
			   &n->ending_within_days)) ||
	    (err = get_int(ld, obj, "warn_within_days", false, 0, 365, &n->warn_within_days)) ||
	    (err = get_int(ld, obj, "warn_within_workdays", false, 0, 20,
			   &n->warn_within_workdays)))
		goto out;
	if (n->continuation_until <= n->age_limit) {
		push_key(ld, "continuation_until");
		err = fail(ld, "is %d; moet hoger zijn dan age_limit (%d)", n->continuation_until,
			   n->age_limit);
	} else if (n->foster_care_until < n->age_limit ||
		   n->foster_care_until > n->continuation_until) {
		push_key(ld, "foster_care_until");
		err = fail(ld, "is %d; pleegzorg loopt door tot een leeftijd tussen age_limit (%d) "
			       "en continuation_until (%d)",
			   n->foster_care_until, n->age_limit, n->continuation_until);
	}
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_thresholds(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"normalise_max", "youth_care_min",
					   "specialist_mental_health", "coordination_domains",
					   "specialist_substance_use", NULL};
	struct jr_thresholds *t = &p->thresholds;
	json_t *obj;
	size_t old;
	enum jr_err err = member(ld, root, "thresholds", JSON_OBJECT, true,
				 "een object met drempels", &obj);

	if (err)
		return err;
	*t = (struct jr_thresholds){.normalise_max = 1,
				    .youth_care_min = 3,
				    .specialist_mental_health = 3,
				    .coordination_domains = 2,
				    .specialist_substance_use = 3};
	old = push_key(ld, "thresholds");
	if ((err = check_keys(ld, obj, keys)) ||
	    (err = get_int(ld, obj, "normalise_max", false, 0, 3, &t->normalise_max)) ||
	    (err = get_int(ld, obj, "youth_care_min", false, 1, 4, &t->youth_care_min)) ||
	    (err = get_int(ld, obj, "specialist_mental_health", false, 1, 4,
			   &t->specialist_mental_health)) ||
	    (err = get_int(ld, obj, "coordination_domains", false, 1, JR_NEED_COUNT,
			   &t->coordination_domains)) ||
	    (err = get_int(ld, obj, "specialist_substance_use", false, 1, 4,
			   &t->specialist_substance_use)))
		goto out;
	if (t->normalise_max >= t->youth_care_min) {
		push_key(ld, "normalise_max");
		err = fail(ld, "is %d; moet lager zijn dan youth_care_min (%d)", t->normalise_max,
			   t->youth_care_min);
	}
out:
	pop(ld, old);
	return err;
}

/* `reach`: how long a link to a child that ended still opens its file (app/access.c). The
 * section is required and names closed_case_days, the choice every region must make; the
 * other two have defaults. */
static enum jr_err load_reach(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"closed_case_days", "care_ended_days",
					   "measure_ended_days", NULL};
	struct jr_reach *r = &p->reach;
	json_t *obj;
	size_t old;
	enum jr_err err = member(ld, root, "reach", JSON_OBJECT, true,
				 "een object met het bereik, bijv. {\"closed_case_days\": 182}", &obj);

	if (err)
		return err;
	*r = (struct jr_reach){.closed_case_days = 182, .care_ended_days = 91,
			       .measure_ended_days = 91};
	old = push_key(ld, "reach");
	if (!(err = check_keys(ld, obj, keys)) &&
	    !(err = get_int(ld, obj, "closed_case_days", true, 0, 3650, &r->closed_case_days)) &&
	    !(err = get_int(ld, obj, "care_ended_days", false, 0, 3650, &r->care_ended_days)))
		err = get_int(ld, obj, "measure_ended_days", false, 0, 3650, &r->measure_ended_days);
	pop(ld, old);
	return err;
}

static const char OTHER_HELP_CHOICES[] = "debt_help, income_support, housing, "
					 "adult_mental_health, addiction_care, wmo, divorce_help";

/* `domains` (issue 13, principle 14): every need domain maps to the kind of help that addresses
 * it: "youth_care", "social_base", or the other domain's help that does (e.g. "income_support").
 * Required, with all eleven domains, so that a region decides each one. */
static enum jr_err load_domains(struct ld *ld, json_t *root, struct jr_policy *p)
{
	json_t *obj, *v;
	const char *key;
	size_t old, old2;
	unsigned seen = 0;
	enum jr_err err = member(ld, root, "domains", JSON_OBJECT, true,
				 "een object dat elk levensdomein koppelt aan de hulp die het "
				 "beantwoordt, bijv. {\"livelihood\": \"income_support\", ...}",
				 &obj);

	if (err)
		return err;
	old = push_key(ld, "domains");
	json_object_foreach(obj, key, v) {
		int d = jr_need_parse(key), k, h = -1;
		const char *s;
		old2 = push_key(ld, key);
		if (d < 0) {
			err = fail(ld, "onbekend domein; kies uit %s", NEED_CHOICES);
			goto out;
		}
		s = json_is_string(v) ? json_string_value(v) : "";
		k = jr_domain_kind_parse(s);
		if (k < 0 && (h = jr_other_help_parse(s)) >= 0)
			k = JR_DOMAIN_OTHER;
		if (k < 0 || k == JR_DOMAIN_OTHER) {
			if (h < 0) {
				err = fail(ld, "%s%s%s; kies uit youth_care, social_base of de hulp uit "
					       "een ander domein: %s",
					   json_is_string(v) ? "onbekende waarde \"" : "is ",
					   json_is_string(v) ? s : jr_json_type_name(v),
					   json_is_string(v) ? "\"" : "", OTHER_HELP_CHOICES);
				goto out;
			}
			p->domain_other[d] = (enum jr_other_help)h;
			p->domains_other |= 1u << d;
		} else if (k == JR_DOMAIN_SOCIAL_BASE) {
			p->domains_social_base |= 1u << d;
		}
		p->domain_kind[d] = (enum jr_domain_kind)k;
		seen |= 1u << d;
		pop(ld, old2);
	}
	for (int d = 0; d < JR_NEED_COUNT; d++)
		if (!(seen & (1u << d))) {
			err = fail(ld, "mist het domein \"%s\"; elk van de %d levensdomeinen hoort bij "
				       "jeugdhulp, de sociale basis of een ander domein",
				   jr_need_name((enum jr_need)d), JR_NEED_COUNT);
			goto out;
		}
out:
	pop(ld, old);
	return err;
}

/* `other_domains` (issue 13, principle 6): per help of another domain the organisation that
 * gives it, the region's default `name` and per municipality its own (`municipalities`, CBS
 * code -> name). Required, with every help, so that an answer can always name one. */
static enum jr_err load_other_domains(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"name", "municipalities", "description", NULL};
	json_t *obj, *v, *by, *n;
	const char *key, *code;
	size_t old, old2, old3;
	unsigned seen = 0;
	enum jr_err err = member(ld, root, "other_domains", JSON_OBJECT, true,
				 "een object met per hulp uit een ander domein de organisatie, bijv. "
				 "{\"debt_help\": {\"name\": ...}, ...}",
				 &obj);

	if (err)
		return err;
	old = push_key(ld, "other_domains");
	json_object_foreach(obj, key, v) {
		int h = jr_other_help_parse(key);
		struct jr_other_domain *o;
		old2 = push_key(ld, key);
		if (h < 0) {
			err = fail(ld, "onbekende hulp; kies uit %s", OTHER_HELP_CHOICES);
			goto out;
		}
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object {\"name\": ..., \"municipalities\": "
				       "{...}}",
				   jr_json_type_name(v));
			goto out;
		}
		o = &p->other_domains[h];
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_string(ld, v, "name", true, o->name, sizeof(o->name))) ||
		    (err = member(ld, v, "municipalities", JSON_OBJECT, false,
				  "een object met per CBS-gemeentecode de naam van de organisatie",
				  &by)))
			goto out;
		if (by) {
			old3 = push_key(ld, "municipalities");
			json_object_foreach(by, code, n) {
				const struct jr_municipality *m =
					strlen(code) == 4 ? jr_policy_municipality(p, code) : NULL;
				size_t i;
				if (!m) {
					push_key(ld, code);
					err = fail(ld, "is geen gemeente van deze regio");
					goto out;
				}
				i = (size_t)(m - p->municipalities);
				if ((err = get_string(ld, by, code, true, o->by_municipality[i],
						      sizeof(o->by_municipality[i]))))
					goto out;
			}
			pop(ld, old3);
		}
		seen |= 1u << h;
		pop(ld, old2);
	}
	for (int h = 0; h < JR_OTHER_COUNT; h++)
		if (!(seen & (1u << h))) {
			err = fail(ld, "mist \"%s\"; noem voor elke hulp uit een ander domein de "
				       "organisatie (%s)",
				   jr_other_help_name((enum jr_other_help)h), OTHER_HELP_CHOICES);
			goto out;
		}
out:
	pop(ld, old);
	return err;
}

/* Relations between sections, checked once everything is loaded. */
static enum jr_err check_relations(struct ld *ld, struct jr_policy *p)
{
	const struct jr_norms *n = &p->norms;
	enum jr_err err = JR_OK;
	bool has_stay = false, has_alternative = false;
	size_t old;

	for (int f = 1; f <= JR_FORM_COUNT; f++) {
		if (jr_setting_is_stay(p->forms[f].setting))
			has_stay = true;
		if (p->forms[f].setting == JR_SETTING_AMBULANT &&
		    f >= n->intensive_ambulant_from_form && f >= n->specialist_from_form)
			has_alternative = true;
	}
	old = push_key(ld, "norms");
	if (p->forms[n->specialist_from_form].setting != JR_SETTING_AMBULANT) {
		push_key(ld, "specialist_from_form");
		err = fail(ld, "vorm %d is niet ambulant; de lichtste specialistische vorm moet "
			       "ambulant zijn",
			   n->specialist_from_form);
	} else if (has_stay && !has_alternative) {
		push_key(ld, "intensive_ambulant_from_form");
		err = fail(ld, "er is geen ambulante vorm vanaf vorm %d; regel 10 (thuis eerst) heeft "
			       "er een nodig vóór verblijf buiten huis",
			   n->intensive_ambulant_from_form);
	}
	pop(ld, old);
	if (err)
		return err;
	/* Principle 14: a need the domains table gives to another domain never points to youth
	 * care, so a form's indication that names it contradicts the table. */
	for (int f = 1; f <= JR_FORM_COUNT; f++)
		for (int d = 0; d < JR_NEED_COUNT; d++)
			if (p->forms[f].indication.need_min[d] && (p->domains_other & (1u << d))) {
				char at[64];
				snprintf(at, sizeof(at), "forms[%d].indication.needs.%s", f - 1,
					 jr_need_name((enum jr_need)d));
				push_key(ld, at);
				return fail(ld, "%s hoort volgens domains bij hulp uit een ander domein "
						"(%s), niet bij jeugdhulp voor het kind; haal het uit de "
						"indicatie of koppel het domein aan youth_care",
					    jr_need_name((enum jr_need)d),
					    jr_other_help_name(p->domain_other[d]));
			}
	for (int c = 1; c < JR_REFERRER_CODES; c++)
		if (p->referrers[c].defined && p->referrers[c].forms)
			return JR_OK;
	push_key(ld, "referrers");
	return fail(ld, "geen enkele verwijzer mag naar een vorm van jeugdhulp verwijzen");
}

/* A date "YYYY-MM-DD" at obj[key]; *present tells whether the key was there. */
static enum jr_err get_date(struct ld *ld, json_t *obj, const char *key, bool required,
			    jr_day *out, bool *present)
{
	json_t *v;
	size_t old;
	enum jr_err err = member(ld, obj, key, JSON_STRING, required,
				 "een datum als \"JJJJ-MM-DD\"", &v);

	*present = false;
	if (err || !v)
		return err;
	if (jr_date_parse(json_string_value(v), json_string_length(v), out) != JR_OK) {
		old = push_key(ld, key);
		err = fail(ld, "\"%s\" is geen bestaande datum; verwacht \"JJJJ-MM-DD\"",
			   json_string_value(v));
		pop(ld, old);
		return err;
	}
	*present = true;
	return JR_OK;
}

/* region.crisis_service (issue 13, principle 9): the service that makes youth care in a crisis
 * reachable around the clock. Required: the gemeente must have one (art. 2.6 lid 1 sub b
 * Jeugdwet), and the answer's crisis option names it. */
static enum jr_err load_crisis_service(struct ld *ld, json_t *region, struct jr_policy *p)
{
	static const char *const keys[] = {"name", "reachability", "since", "phone", "description",
					   NULL};
	struct jr_crisis_service *c = &p->crisis_service;
	json_t *obj;
	size_t old;
	enum jr_err err = member(ld, region, "crisis_service", JSON_OBJECT, true,
				 "de crisisdienst die dag en nacht bereikbaar is, bijv. {\"name\": "
				 "\"Crisisdienst Jeugd\", \"reachability\": \"24/7\"}; elke regio "
				 "noemt haar crisisdienst (art. 2.6 lid 1 sub b Jeugdwet)",
				 &obj);

	if (err)
		return err;
	old = push_key(ld, "crisis_service");
	if (!(err = check_keys(ld, obj, keys)) &&
	    !(err = get_string(ld, obj, "name", true, c->name, sizeof(c->name))) &&
	    !(err = get_string(ld, obj, "reachability", true, c->reachability,
			       sizeof(c->reachability))) &&
	    !(err = get_date(ld, obj, "since", false, &c->since, &c->has_since)))
		err = get_string(ld, obj, "phone", false, c->phone, sizeof(c->phone));
	pop(ld, old);
	return err;
}

/* valid_from / valid_until (issue 13, principle 11): the period this version of the region's
 * policy is in force, both days included; a bound the file does not name is open. */
static enum jr_err load_validity(struct ld *ld, json_t *root, struct jr_policy *p)
{
	bool has_from, has_until;
	enum jr_err err;
	char from[JR_DATE_STRLEN];

	p->valid_from = JR_POLICY_VALID_OPEN_FROM;
	p->valid_until = JR_POLICY_VALID_OPEN_UNTIL;
	if ((err = get_date(ld, root, "valid_from", false, &p->valid_from, &has_from)) ||
	    (err = get_date(ld, root, "valid_until", false, &p->valid_until, &has_until)))
		return err;
	if (has_from && has_until && p->valid_until < p->valid_from) {
		size_t old = push_key(ld, "valid_until");
		jr_date_format(p->valid_from, from);
		err = fail(ld, "ligt vóór valid_from (%s); het beleid geldt van valid_from tot en met "
			       "valid_until",
			   from);
		pop(ld, old);
	}
	return err;
}

static enum jr_err load_region(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"id", "name", "regional_body", "expert_team",
					   "no_referral_first", "description", "crisis_service", NULL};
	static const char *const body_keys[] = {"name", "short", NULL};
	json_t *obj, *body;
	size_t old, old2;
	enum jr_err err = member(ld, root, "region", JSON_OBJECT, true, "een object", &obj);

	if (err)
		return err;
	old = push_key(ld, "region");
	if ((err = check_keys(ld, obj, keys)) ||
	    (err = get_string(ld, obj, "id", true, p->id, sizeof(p->id))) ||
	    (err = get_string(ld, obj, "name", true, p->name, sizeof(p->name))) ||
	    (err = member(ld, obj, "regional_body", JSON_OBJECT, true,
			  "een object {\"name\": ..., \"short\": ...}", &body)))
		goto out;
	old2 = push_key(ld, "regional_body");
	err = check_keys(ld, body, body_keys);
	if (!err)
		err = get_string(ld, body, "name", true, p->regional_body, sizeof(p->regional_body));
	if (!err)
		err = get_string(ld, body, "short", false, p->regional_body_short,
				 sizeof(p->regional_body_short));
	pop(ld, old2);
	if (err)
		goto out;
	snprintf(p->expert_team, sizeof(p->expert_team), "het regionale expertteam");
	if ((err = get_string(ld, obj, "expert_team", false, p->expert_team,
			      sizeof(p->expert_team))) ||
	    (err = get_bool(ld, obj, "no_referral_first", &p->no_referral_first)) ||
	    (err = load_crisis_service(ld, obj, p)))
		goto out;
out:
	pop(ld, old);
	return err;
}

/* ---- issue 16: the `monitor` section (docs/monitor.md) ---- */

/* A number (integer or real) at obj[key] within min..max. */
static enum jr_err get_number(struct ld *ld, json_t *obj, const char *key, bool required,
			      double min, double max, double *out)
{
	json_t *v = json_object_get(obj, key);
	size_t old = push_key(ld, key);
	enum jr_err err = JR_OK;

	if (!v) {
		if (required)
			err = fail(ld, "ontbreekt; verwacht een getal van %g tot en met %g", min, max);
	} else if (!json_is_number(v)) {
		err = fail(ld, "is %s; verwacht een getal van %g tot en met %g",
			   jr_json_type_name(v), min, max);
	} else if (json_number_value(v) < min || json_number_value(v) > max) {
		err = fail(ld, "is %g; verwacht een getal van %g tot en met %g",
			   json_number_value(v), min, max);
	} else {
		*out = json_number_value(v);
	}
	pop(ld, old);
	return err;
}

/* A year written as an object key: four digits within the monitor's years. */
static int year_key(const char *key)
{
	int y = 0;

	if (strlen(key) != 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)key[i]))
			return -1;
		y = y * 10 + (key[i] - '0');
	}
	return y >= JR_MON_YEAR_MIN && y <= JR_MON_YEAR_MAX ? y : -1;
}

/* The range of an indicator's values: shares 0..100 %, days up to ten years, counts. */
static double indicator_max(enum jr_mon_indicator i)
{
	return i == JR_MON_WAIT_DAYS ? 3650 : jr_mon_indicator_is_count(i) ? 1e6 : 100;
}

/* A municipality of this policy by its CBS code; its index or -1 (with the failure). */
static int monitor_municipality(struct ld *ld, const struct jr_policy *p, const char *code,
				enum jr_err *err)
{
	for (size_t i = 0; i < p->municipality_count; i++)
		if (strcmp(p->municipalities[i].code, code) == 0)
			return (int)i;
	*err = fail(ld, "\"%s\" is geen gemeente van deze regio (zie municipalities)", code);
	return -1;
}

static enum jr_err load_target_baseline(struct ld *ld, json_t *t, struct jr_policy *p,
					struct jr_mon_target *mt)
{
	static const char *const keys[] = {"year", "value", "municipalities", "source", NULL};
	double max = indicator_max(mt->indicator);
	json_t *obj, *by, *v;
	const char *code;
	size_t old, old2;
	enum jr_err err = member(ld, t, "baseline", JSON_OBJECT, true,
				 "de nulmeting, bijv. {\"year\": 2023, \"value\": 86}", &obj);

	if (err)
		return err;
	old = push_key(ld, "baseline");
	if ((err = check_keys(ld, obj, keys)) ||
	    (err = get_int(ld, obj, "year", true, JR_MON_YEAR_MIN, JR_MON_YEAR_MAX,
			   &mt->baseline_year)) ||
	    (err = get_number(ld, obj, "value", true, 0, max, &mt->baseline_value)) ||
	    (err = member(ld, obj, "municipalities", JSON_OBJECT, false,
			  "een object met per CBS-gemeentecode de eigen nulmeting", &by)) ||
	    !by)
		goto out;
	old2 = push_key(ld, "municipalities");
	json_object_foreach(by, code, v) {
		size_t old3 = push_key(ld, code);
		int m = monitor_municipality(ld, p, code, &err);
		if (m >= 0 && (!json_is_number(v) || json_number_value(v) < 0 ||
			       json_number_value(v) > max))
			err = fail(ld, "verwacht een getal van 0 tot en met %g", max);
		if (!err) {
			mt->municipal_baseline[m] = json_number_value(v);
			mt->has_municipal_baseline[m] = true;
		}
		pop(ld, old3);
		if (err)
			break;
	}
	pop(ld, old2);
out:
	pop(ld, old);
	return err;
}

/* The target line: change_per_year_percent, or per_year {"2025": value, ...}, not both. */
static enum jr_err load_target_line(struct ld *ld, json_t *t, struct jr_mon_target *mt)
{
	json_t *per = json_object_get(t, "per_year"), *v;
	bool has_change = json_object_get(t, "change_per_year_percent") != NULL;
	double max = indicator_max(mt->indicator);
	const char *key;
	size_t old;
	enum jr_err err = JR_OK;

	if (has_change == (per != NULL)) {
		return fail(ld, "%s; geef change_per_year_percent (verandering per jaar in %%) of "
				"per_year (streefwaarde per jaar)",
			    has_change ? "noemt beide" : "noemt geen streefwaarde");
	}
	if (has_change) {
		mt->relative = true;
		return get_number(ld, t, "change_per_year_percent", true, -100, 100,
				  &mt->change_percent);
	}
	if ((err = member(ld, t, "per_year", JSON_OBJECT, true,
			  "een object met per jaar de streefwaarde, bijv. {\"2026\": 88}", &per)))
		return err;
	old = push_key(ld, "per_year");
	if (json_object_size(per) == 0 || json_object_size(per) > JR_MON_POINT_MAX) {
		err = fail(ld, "noemt %zu jaren; verwacht 1 tot en met %d", json_object_size(per),
			   JR_MON_POINT_MAX);
		goto out;
	}
	json_object_foreach(per, key, v) {
		size_t old2 = push_key(ld, key);
		int y = year_key(key);
		struct jr_mon_point *pt = &mt->points[mt->point_count];
		if (y < 0)
			err = fail(ld, "is geen jaartal van %d tot en met %d", JR_MON_YEAR_MIN,
				   JR_MON_YEAR_MAX);
		else if (y <= mt->baseline_year)
			err = fail(ld, "ligt niet na het jaar van de nulmeting (%d)",
				   mt->baseline_year);
		else if (mt->point_count && y <= mt->points[mt->point_count - 1].year)
			err = fail(ld, "volgt niet op %d; noem de jaren oplopend",
				   mt->points[mt->point_count - 1].year);
		else if (!json_is_number(v) || json_number_value(v) < 0 ||
			 json_number_value(v) > max)
			err = fail(ld, "verwacht een getal van 0 tot en met %g", max);
		pop(ld, old2);
		if (err)
			goto out;
		pt->year = y;
		pt->value = json_number_value(v);
		mt->point_count++;
	}
out:
	pop(ld, old);
	return err;
}

static enum jr_err load_targets(struct ld *ld, json_t *mon, struct jr_policy *p)
{
	static const char *const keys[] = {"indicator", "name", "description", "baseline",
					   "change_per_year_percent", "per_year", NULL};
	struct jr_monitor *m = &p->monitor;
	json_t *arr, *v;
	size_t i, old, old2;
	char choices[160] = "";
	enum jr_err err = member(ld, mon, "targets", JSON_ARRAY, true,
				 "een lijst met doelen, bijv. [{\"indicator\": \"at_home_share\", "
				 "...}]",
				 &arr);

	if (err)
		return err;
	for (int k = 0; k < JR_MON_INDICATOR_COUNT; k++)
		snprintf(choices + strlen(choices), sizeof(choices) - strlen(choices), "%s%s",
			 k ? ", " : "", jr_mon_indicator_name((enum jr_mon_indicator)k));
	old = push_key(ld, "targets");
	if (json_array_size(arr) > JR_MON_TARGET_MAX) {
		err = fail(ld, "bevat %zu doelen; hoogstens %d", json_array_size(arr),
			   JR_MON_TARGET_MAX);
		goto out;
	}
	json_array_foreach(arr, i, v) {
		struct jr_mon_target *t = &m->targets[i];
		int ind;
		old2 = push_index(ld, i);
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object", jr_json_type_name(v));
			goto out;
		}
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_enum(ld, v, "indicator", jr_mon_indicator_parse, choices, &ind)))
			goto out;
		t->indicator = (enum jr_mon_indicator)ind;
		for (size_t j = 0; j < i; j++)
			if (m->targets[j].indicator == t->indicator) {
				size_t old3 = push_key(ld, "indicator");
				err = fail(ld, "\"%s\" heeft al een doel bij targets[%zu]",
					   jr_mon_indicator_name(t->indicator), j);
				pop(ld, old3);
				goto out;
			}
		if ((err = get_string(ld, v, "name", false, t->name, sizeof(t->name))) ||
		    (err = load_target_baseline(ld, v, p, t)) || (err = load_target_line(ld, v, t)))
			goto out;
		m->target_count++;
		pop(ld, old2);
	}
out:
	pop(ld, old);
	return err;
}

/* The largest budget: ten billion euros (beyond that it is a typo). */
#define MON_EURO_MAX 10000000000LL

static enum jr_err euro_value(struct ld *ld, json_t *v, int64_t *cents)
{
	if (!json_is_integer(v) || json_integer_value(v) < 0 ||
	    json_integer_value(v) > MON_EURO_MAX)
		return fail(ld, "verwacht een bedrag in hele euro's van 0 tot en met %lld",
			    (long long)MON_EURO_MAX);
	*cents = (int64_t)json_integer_value(v) * 100;
	return JR_OK;
}

/* budgets: {"2025": {"0153": euros, ...}, ...} */
static enum jr_err load_budgets(struct ld *ld, json_t *mon, struct jr_policy *p)
{
	struct jr_monitor *m = &p->monitor;
	json_t *obj, *by, *v;
	const char *ykey, *code;
	size_t old;
	enum jr_err err = member(ld, mon, "budgets", JSON_OBJECT, false,
				 "een object met per jaar per CBS-gemeentecode het budget in euro's, "
				 "bijv. {\"2025\": {\"0153\": 120000000}}",
				 &obj);

	if (err || !obj)
		return err;
	old = push_key(ld, "budgets");
	json_object_foreach(obj, ykey, by) {
		size_t old2 = push_key(ld, ykey);
		int y = year_key(ykey);
		if (y < 0)
			err = fail(ld, "is geen jaartal van %d tot en met %d", JR_MON_YEAR_MIN,
				   JR_MON_YEAR_MAX);
		else if (!json_is_object(by))
			err = fail(ld, "is %s; verwacht een object met per CBS-gemeentecode het "
				       "budget in euro's",
				   jr_json_type_name(by));
		if (!err)
			json_object_foreach(by, code, v) {
				size_t old3 = push_key(ld, code);
				struct jr_mon_budget *b = &m->budgets[m->budget_count];
				if (m->budget_count >= JR_MON_BUDGET_MAX)
					err = fail(ld, "te veel budgetten; hoogstens %d",
						   JR_MON_BUDGET_MAX);
				else if (monitor_municipality(ld, p, code, &err) >= 0)
					err = euro_value(ld, v, &b->cents);
				if (!err) {
					snprintf(b->municipality, sizeof(b->municipality), "%s", code);
					b->year = y;
					m->budget_count++;
				}
				pop(ld, old3);
				if (err)
					break;
			}
		pop(ld, old2);
		if (err)
			break;
	}
	pop(ld, old);
	return err;
}

/* main_provider_budgets: [{"municipality": "0307", "provider": "MetMaya", "year": 2025,
 * "amount_euro": 40000000}] */
static enum jr_err load_main_budgets(struct ld *ld, json_t *mon, struct jr_policy *p)
{
	static const char *const keys[] = {"municipality", "provider", "year", "amount_euro",
					   NULL};
	struct jr_monitor *m = &p->monitor;
	json_t *arr, *v;
	size_t i, old, old2;
	enum jr_err err = member(ld, mon, "main_provider_budgets", JSON_ARRAY, false,
				 "een lijst met budgetten van de hoofdaanbieder", &arr);

	if (err || !arr)
		return err;
	old = push_key(ld, "main_provider_budgets");
	if (json_array_size(arr) > JR_MON_MAIN_BUDGET_MAX) {
		err = fail(ld, "bevat %zu budgetten; hoogstens %d", json_array_size(arr),
			   JR_MON_MAIN_BUDGET_MAX);
		goto out;
	}
	json_array_foreach(arr, i, v) {
		struct jr_mon_main_budget *b = &m->main_budgets[i];
		json_t *amount;
		size_t old3;
		old2 = push_index(ld, i);
		if (!json_is_object(v)) {
			err = fail(ld, "is %s; verwacht een object", jr_json_type_name(v));
			goto out;
		}
		if ((err = check_keys(ld, v, keys)) ||
		    (err = get_string(ld, v, "municipality", true, b->municipality,
				      sizeof(b->municipality))))
			goto out;
		old3 = push_key(ld, "municipality");
		monitor_municipality(ld, p, b->municipality, &err);
		pop(ld, old3);
		if (err || (err = get_string(ld, v, "provider", true, b->provider,
					     sizeof(b->provider))) ||
		    (err = get_int(ld, v, "year", true, JR_MON_YEAR_MIN, JR_MON_YEAR_MAX,
				   &b->year)) ||
		    (err = member(ld, v, "amount_euro", JSON_INTEGER, true,
				  "een bedrag in hele euro's", &amount)))
			goto out;
		old3 = push_key(ld, "amount_euro");
		err = euro_value(ld, amount, &b->cents);
		pop(ld, old3);
		if (err)
			goto out;
		m->main_budget_count++;
		pop(ld, old2);
	}
out:
	pop(ld, old);
	return err;
}

/* `monitor` (issue 16): optional; targets required when the section is there. */
static enum jr_err load_monitor(struct ld *ld, json_t *root, struct jr_policy *p)
{
	static const char *const keys[] = {"description", "targets", "budgets",
					   "main_provider_budgets", NULL};
	json_t *obj;
	size_t old;
	enum jr_err err = member(ld, root, "monitor", JSON_OBJECT, false,
				 "een object met de doelen en budgetten van de regio", &obj);

	if (err || !obj)
		return err;
	p->monitor.present = true;
	old = push_key(ld, "monitor");
	if (!(err = check_keys(ld, obj, keys)) && !(err = load_targets(ld, obj, p)) &&
	    !(err = load_budgets(ld, obj, p)))
		err = load_main_budgets(ld, obj, p);
	pop(ld, old);
	return err;
}

enum jr_err jr_policy_parse(const char *text, size_t len, struct jr_policy *out,
			    struct jr_diag *diag)
{
	static const char *const keys[] = {"format", "region", "regimes", "municipalities",
					   "forms", "social_base", "no_referral", "referrers",
					   "norms", "thresholds", "reach", "description", "valid_from",
					   "valid_until", "domains", "other_domains", "monitor", NULL};
	struct ld ld = {.diag = diag, .path = "$", .len = 1};
	struct jr_policy *p = NULL;
	json_error_t jerr;
	json_t *root = NULL;
	char format[64];
	enum jr_err err;

	diag->path[0] = '\0';
	diag->message[0] = '\0';
	if (len > JR_POLICY_FILE_MAX) {
		err = fail(&ld, "het bestand is %zu bytes; hoogstens %d", len, JR_POLICY_FILE_MAX);
		return JR_ERR_TOO_BIG;
	}
	if (jr_json_load(text, len, &root, &jerr) == JR_ERR_NOMEM)
		return JR_ERR_NOMEM;
	if (!root) {
		return fail(&ld, "geen geldige JSON op regel %d, kolom %d: %s", jerr.line,
			    jerr.column, jerr.text);
	}
	if (!json_is_object(root)) {
		err = fail(&ld, "is %s; een beleidsbestand is een JSON-object", jr_json_type_name(root));
		goto out;
	}
	/* Build into a zeroed scratch copy so that `out` is only written when all is valid. */
	p = jr_calloc(1, sizeof(*p));
	if (!p) {
		err = JR_ERR_NOMEM;
		goto out;
	}
	if ((err = check_keys(&ld, root, keys)) ||
	    (err = get_string(&ld, root, "format", true, format, sizeof(format))))
		goto out;
	if (strcmp(format, FORMAT_ID) != 0) {
		push_key(&ld, "format");
		err = fail(&ld, "is \"%s\"; deze versie van jeugdroute leest \"%s\"", format,
			   FORMAT_ID);
		goto out;
	}
	if ((err = load_validity(&ld, root, p)) || (err = load_region(&ld, root, p)) ||
	    (err = load_regimes(&ld, root, p)) ||
	    (err = load_municipalities(&ld, root, p)) || (err = load_forms(&ld, root, p)) ||
	    (err = load_offers(&ld, root, "social_base", "category", jr_sb_category_parse,
			       "childcare, school, sport, scouting, library, music_school, "
			       "youth_work, volunteers, parenting_information, jgz, "
			       "parenting_support, local_team, early_education",
			       true, p->social_base, &p->social_base_count)) ||
	    (err = load_offers(&ld, root, "no_referral", "kind", jr_nr_kind_parse,
			       "theme_meeting, course, buddy, self_help, e_health, "
			       "experts_by_experience",
			       false, p->no_referral, &p->no_referral_count)) ||
	    (err = load_referrers(&ld, root, p)) || (err = load_norms(&ld, root, p)) ||
	    (err = load_thresholds(&ld, root, p)) || (err = load_reach(&ld, root, p)) ||
	    (err = load_domains(&ld, root, p)) || (err = load_other_domains(&ld, root, p)) ||
	    (err = check_relations(&ld, p)) || (err = load_monitor(&ld, root, p)))
		goto out;
	if (p->no_referral_first && p->no_referral_count == 0) {
		ld.len = 1;
		ld.path[1] = '\0';
		push_key(&ld, "region");
		push_key(&ld, "no_referral_first");
		err = fail(&ld, "is true, maar no_referral noemt geen aanbod zonder verwijzing");
		goto out;
	}
	*out = *p;
out:
	jr_free(p);
	json_decref(root);
	return err;
}

enum jr_err jr_policy_load_file(const char *filename, struct jr_policy *out, struct jr_diag *diag)
{
	struct jr_buf b;
	int errnum;
	enum jr_err err;

	jr_buf_init(&b, JR_POLICY_FILE_MAX);
	err = jr_file_read(filename, JR_POLICY_FILE_MAX, &b, &errnum);
	if (err) {
		snprintf(diag->path, sizeof(diag->path), "$");
		if (err == JR_ERR_TOO_BIG)
			snprintf(diag->message, sizeof(diag->message),
				 "het bestand is groter dan %d bytes", JR_POLICY_FILE_MAX);
		else if (err == JR_ERR_IO)
			snprintf(diag->message, sizeof(diag->message), "kan niet gelezen worden: %s",
				 strerror(errnum));
		else
			snprintf(diag->message, sizeof(diag->message), "%s", jr_err_name(err));
		goto out;
	}
	err = jr_policy_parse(jr_buf_str(&b), b.len, out, diag);
out:
	jr_buf_release(&b);
	return err;
}
