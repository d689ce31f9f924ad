/* gen: deterministic, varied, valid routing requests for the benchmarks (see gen.h).
 *
 * The mix aims at a realistic day of requests, not at the engine's fast or slow paths: most
 * children are under 18 with a few light needs, some have severe needs, flags or a court
 * measure, a few are 18-22 with care that began before 18, and half carry earlier help. */
#include "gen.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"

struct out {
	char *buf;
	size_t len, cap;
};

__attribute__((format(printf, 2, 3))) static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len >= o->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
	if (o->len >= o->cap)
		o->len = o->cap - 1; /* truncated; cannot happen with JR_BENCH_LINE_MAX */
}

/* splitmix64: small, fast, good enough for a benchmark mix. */
static uint64_t next(struct jr_bench_gen *g)
{
	uint64_t z = (g->state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static int below(struct jr_bench_gen *g, int n)
{
	return (int)((next(g) >> 11) % (uint64_t)n);
}

/* True with probability per_mille / 1000. */
static bool chance(struct jr_bench_gen *g, int per_mille)
{
	return below(g, 1000) < per_mille;
}

/* An index into `weights` (count entries), chosen in proportion to the weights. */
static int pick(struct jr_bench_gen *g, const int *weights, int count)
{
	int total = 0, r;

	for (int i = 0; i < count; i++)
		total += weights[i];
	r = below(g, total);
	for (int i = 0; i < count; i++) {
		if (r < weights[i])
			return i;
		r -= weights[i];
	}
	return count - 1;
}

static void put_date(struct out *o, jr_day d)
{
	char s[JR_DATE_STRLEN];

	jr_date_format(d, s);
	put(o, "\"%s\"", s);
}

/* A day uniform in [lo, hi]. */
static jr_day day_between(struct jr_bench_gen *g, jr_day lo, jr_day hi)
{
	return hi <= lo ? lo : lo + below(g, hi - lo + 1);
}

static void put_agb(struct jr_bench_gen *g, struct out *o, const char *prefix)
{
	put(o, ",\"agb\":\"%s%06d\"", prefix, 1 + below(g, 999999));
}

static const char *const municipalities[] = {
	/* Twente (14) */
	"0141", "0147", "1774", "0153", "0158", "0163", "0164", "1735", "0168", "0173", "1742",
	"0183", "1700", "0189",
	/* Amersfoort region (7) */
	"0307", "0308", "0313", "0317", "0327", "0342", "0351",
};
#define MUNICIPALITY_COUNT ((int)(sizeof(municipalities) / sizeof(municipalities[0])))

enum { PARENTING, DEVELOPMENT, BEHAVIOUR, MENTAL_HEALTH, SCHOOL, FAMILY, SOCIAL, SUBSTANCE_USE,
       SAFETY, LIVELIHOOD, DISABILITY, NEEDS };
static const char *const need_names[NEEDS] = {
	"parenting", "development", "behaviour", "mental_health", "school", "family",
	"social", "substance_use", "safety", "livelihood", "disability",
};
static const int need_weights[NEEDS] = {14, 10, 14, 12, 12, 12, 9, 4, 6, 5, 4};

static const char *const comments[] = {
	"Aangemeld via het lokale team.",
	"Moeder belt; zorgen over slapen en boosheid.",
	"School meldt verzuim sinds de herfstvakantie.",
	"Vader vraagt om advies na de scheiding; \\\"het gaat niet meer\\\".",
	"Overleg met de jeugdarts van de GGD, vóór de zomer al besproken.",
	"Gezin verhuisd uit een andere regio.",
};
#define COMMENT_COUNT ((int)(sizeof(comments) / sizeof(comments[0])))

void jr_bench_gen_init(struct jr_bench_gen *g)
{
	g->state = JR_BENCH_SEED;
	g->today = jr_date_from_ymd(2026, 11, 23);
}

/* Needs: most requests one to three domains, mostly light; some severe. */
static void gen_needs(struct jr_bench_gen *g, int needs[NEEDS])
{
	static const int count_w[] = {15, 25, 25, 18, 10, 5, 2}; /* 0..6 domains */
	static const int level_w[] = {40, 33, 19, 8};             /* severity 1..4 */
	int count = pick(g, count_w, 7);

	for (int i = 0; i < NEEDS; i++)
		needs[i] = -1; /* absent */
	for (int i = 0; i < count; i++) {
		int d = pick(g, need_weights, NEEDS);
		needs[d] = 1 + pick(g, level_w, 4); /* a repeated domain keeps the last level */
	}
	if (chance(g, 50)) {
		int d = below(g, NEEDS);
		if (needs[d] < 0)
			needs[d] = 0; /* an explicit 0 now and then */
	}
}

static int level(const int needs[NEEDS], int d)
{
	return needs[d] < 0 ? 0 : needs[d];
}

static void gen_history_item(struct jr_bench_gen *g, struct out *o, jr_day from, jr_day to,
			     int form, int ongoing_per_mille)
{
	static const char *const outcomes[] = {"positive", "negative", "neutral"};
	static const int outcome_w[] = {40, 30, 30};
	jr_day start = day_between(g, from, to);

	put(o, "{\"form\":%d,\"outcome\":\"%s\",\"start\":", form, outcomes[pick(g, outcome_w, 3)]);
	put_date(o, start);
	put(o, ",\"end\":");
	if (chance(g, ongoing_per_mille))
		put(o, "null");
	else
		put_date(o, day_between(g, start, g->today));
	put(o, "}");
}

size_t jr_bench_gen_line(struct jr_bench_gen *g, unsigned long index, char *buf, size_t cap)
{
	static const int form_w[] = {20, 15, 20, 15, 12, 6, 4, 3, 3, 1, 1}; /* history forms 0..10 */
	static const int history_w[] = {50, 25, 13, 7, 5};                   /* 0..4 items */
	static const int referrer_w[] = {40, 25, 15, 8, 7, 3, 2};
	static const char *const referrer_codes[] = {"01", "02", "03", "04", "05", "06", "08"};
	struct out o = {buf, 0, cap};
	const jr_day today = g->today;
	const jr_day born_18 = jr_date_from_ymd(2008, 11, 23); /* turns 18 on today */
	const jr_day born_23 = jr_date_from_ymd(2003, 11, 23); /* turns 23 on today */
	int needs[NEEDS], nhist;
	bool adult = chance(g, 80), first = true, continuation;
	jr_day birth, turned_18, since;
	const char *measure = NULL;
	unsigned flags = 0;

	/* Age: 92 % under 18, 8 % 18-22. */
	birth = adult ? day_between(g, born_23 + 1, born_18) : day_between(g, born_18 + 1, today);
	turned_18 = jr_date_add_years(birth, 18);
	continuation = adult && chance(g, 800);

	put(&o, "{\"id\":\"bench-%07lu\",\"municipality\":\"%s\",\"birth_date\":", index,
	    municipalities[below(g, MUNICIPALITY_COUNT)]);
	put_date(&o, birth);
	put(&o, ",\"date\":\"%s\"", JR_BENCH_TODAY);

	gen_needs(g, needs);
	put(&o, ",\"needs\":{");
	for (int i = 0; i < NEEDS; i++) {
		if (needs[i] < 0)
			continue;
		put(&o, "%s\"%s\":%d", first ? "" : ",", need_names[i], needs[i]);
		first = false;
	}
	put(&o, "}");

	/* Flags, mildly correlated with the needs they describe. */
	if (chance(g, 15))
		flags |= 1u << 0;
	if (chance(g, level(needs, MENTAL_HEALTH) >= 3 ? 350 : 20))
		flags |= 1u << 1;
	if (chance(g, 100))
		flags |= 1u << 2;
	if (chance(g, level(needs, DISABILITY) >= 2 ? 600 : 10))
		flags |= 1u << 3;
	if (chance(g, level(needs, SAFETY) >= 3 ? 500 : 30))
		flags |= 1u << 4;
	if (chance(g, level(needs, SCHOOL) >= 3 ? 400 : 20))
		flags |= 1u << 5;
	if (chance(g, level(needs, BEHAVIOUR) >= 3 ? 150 : 10))
		flags |= 1u << 6;
	if (flags || chance(g, 500)) {
		static const char *const flag_names[] = {
			"acute_crisis", "psychiatric_disorder", "long_lasting", "disability",
			"unsafe", "not_participating", "offence"};
		first = true;
		put(&o, ",\"flags\":[");
		for (int i = 0; i < 7; i++) {
			if (!(flags & (1u << i)))
				continue;
			put(&o, "%s\"%s\"", first ? "" : ",", flag_names[i]);
			first = false;
		}
		put(&o, "]");
	}

	/* Court measure: mostly none; more likely when the child is unsafe or offended. */
	if ((flags & (1u << 4)) && chance(g, 300))
		measure = chance(g, 850) ? "ots" : "voogdij";
	else if ((flags & (1u << 6)) && chance(g, 500))
		measure = "jeugdreclassering";
	else if (adult && !continuation && chance(g, 100))
		measure = "jeugdreclassering";
	else if (chance(g, 40))
		measure = (const char *const[]){"ots", "voogdij", "jeugdreclassering",
						"machtiging_gesloten"}[pick(g, (const int[]){40, 10, 30, 20}, 4)];
	/* juvenile probation starts at 12 (the age of criminal responsibility): a younger child
	 * who offended is under a supervision order instead */
	if (measure && strcmp(measure, "jeugdreclassering") == 0 &&
	    jr_date_age_years(birth, today) < 12)
		measure = "ots";
	if (measure)
		put(&o, ",\"court_measure\":\"%s\"", measure);
	else if (chance(g, 250))
		put(&o, ",\"court_measure\":null");

	switch (pick(g, (const int[]){35, 45, 20}, 3)) {
	case 0: put(&o, ",\"broad_analysis\":true"); break;
	case 1: put(&o, ",\"broad_analysis\":false"); break;
	default: break; /* absent: false */
	}

	/* History: earlier help in the last four years (never before birth); for 18-22 year olds
	 * with continuation, care that began before 18 and is ongoing or ended recently. */
	nhist = pick(g, history_w, 5);
	if (nhist > 0 || continuation) {
		jr_day from = today - 4 * 365 > birth ? today - 4 * 365 : birth;
		put(&o, ",\"history\":[");
		for (int i = 0; i < nhist; i++) {
			if (i > 0)
				put(&o, ",");
			gen_history_item(g, &o, from, today, pick(g, form_w, 11), 200);
		}
		if (continuation) {
			jr_day start = day_between(g, turned_18 - 2 * 365, turned_18 - 1);
			jr_day end = today - below(g, 150);
			put(&o, "%s{\"form\":%d,\"outcome\":\"neutral\",\"start\":", nhist ? "," : "",
			    2 + below(g, 6));
			put_date(&o, start);
			put(&o, ",\"end\":");
			if (chance(g, 600))
				put(&o, "null");
			else
				put_date(&o, end < start ? start : end);
			put(&o, "}");
		}
		put(&o, "]");
	}

	if (chance(g, 450)) {
		int r = pick(g, referrer_w, 7);
		put(&o, ",\"referrer\":{\"type\":\"%s\"", referrer_codes[r]);
		if (r == 1)
			put_agb(g, &o, "01"); /* GP */
		else if (r == 2 || r == 4)
			put_agb(g, &o, "03"); /* youth doctor, medical specialist */
		else if (r == 3 && chance(g, 500))
			put_agb(g, &o, "75"); /* GI */
		put(&o, "}");
	}

	if (chance(g, 50)) {
		since = today - below(g, 120);
		put(&o, ",\"waiting_since\":");
		put_date(&o, since < birth ? birth : since);
	}
	if (chance(g, 100))
		put(&o, ",\"comment\":\"%s\"", comments[below(g, COMMENT_COUNT)]);
	put(&o, "}\n");
	return o.len;
}
