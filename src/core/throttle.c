/* throttle: a bounded table of failures per key and the doubling waits they impose
 * (throttle.h). */
#include "core/throttle.h"

#include "core/alloc.h"

/* The slots a key may live in: WINDOW slots from its hash on. */
#define WINDOW 8

enum jr_err jr_throttle_init(struct jr_throttle *t, size_t cap)
{
	size_t n = 64;

	while (n < cap && n < ((size_t)1 << 24))
		n <<= 1;
	t->slots = jr_calloc(n, sizeof(*t->slots));
	t->cap = t->slots ? n : 0;
	return t->slots ? JR_OK : JR_ERR_NOMEM;
}

void jr_throttle_release(struct jr_throttle *t)
{
	JR_FREE(t->slots);
	t->cap = 0;
}

static size_t home(const struct jr_throttle *t, uint64_t key)
{
	return (size_t)(key ^ (key >> 29)) & (t->cap - 1);
}

static struct jr_throttle_slot *find(const struct jr_throttle *t, uint64_t key)
{
	size_t at = home(t, key);

	for (size_t i = 0; i < WINDOW; i++) {
		struct jr_throttle_slot *s = &t->slots[(at + i) & (t->cap - 1)];
		if (s->key == key)
			return s;
	}
	return NULL;
}

static bool forgotten(const struct jr_throttle_slot *s, const struct jr_throttle_rule *rule,
		      int64_t now)
{
	return now - s->last >= rule->forget_after && now >= s->until;
}

int64_t jr_throttle_wait(const struct jr_throttle *t, const struct jr_throttle_rule *rule,
			 uint64_t key, int64_t now)
{
	const struct jr_throttle_slot *s = key && t->cap ? find(t, key) : NULL;

	if (!s || forgotten(s, rule, now) || s->until <= now)
		return 0;
	return s->until - now;
}

unsigned jr_throttle_failures(const struct jr_throttle *t, const struct jr_throttle_rule *rule,
			      uint64_t key, int64_t now)
{
	const struct jr_throttle_slot *s = key && t->cap ? find(t, key) : NULL;

	return s && !forgotten(s, rule, now) ? s->failures : 0;
}

/* The wait after `failures` failures. */
static int64_t delay(const struct jr_throttle_rule *rule, unsigned failures)
{
	int64_t d = rule->first_delay;

	if (failures <= rule->free)
		return 0;
	for (unsigned i = rule->free + 1; i < failures && d < rule->max_delay; i++)
		d *= 2;
	return d < rule->max_delay ? d : rule->max_delay;
}

unsigned jr_throttle_fail(struct jr_throttle *t, const struct jr_throttle_rule *rule, uint64_t key,
			  int64_t now)
{
	struct jr_throttle_slot *s, *oldest = NULL;
	size_t at;

	if (!key || !t->cap)
		return 0;
	s = find(t, key);
	if (!s) {
		/* an empty or forgotten slot near the key's home, else the stalest one */
		at = home(t, key);
		for (size_t i = 0; i < WINDOW && !s; i++) {
			struct jr_throttle_slot *c = &t->slots[(at + i) & (t->cap - 1)];
			if (!c->key || (now - c->last >= rule->forget_after && now >= c->until))
				s = c;
			else if (!oldest || c->last < oldest->last)
				oldest = c;
		}
		if (!s)
			s = oldest;
		*s = (struct jr_throttle_slot){.key = key};
	} else if (forgotten(s, rule, now)) {
		s->failures = 0;
	}
	if (s->failures < UINT32_MAX)
		s->failures++;
	s->last = now;
	s->until = now + delay(rule, s->failures);
	return s->failures;
}

bool jr_throttle_note(struct jr_throttle *t, uint64_t key, int64_t now, int64_t every)
{
	struct jr_throttle_slot *s = key && t->cap ? find(t, key) : NULL;

	if (!s || (s->noted && now - s->noted < every))
		return false;
	s->noted = now;
	return true;
}

void jr_throttle_forget(struct jr_throttle *t, uint64_t key)
{
	struct jr_throttle_slot *s = key && t->cap ? find(t, key) : NULL;

	if (s)
		*s = (struct jr_throttle_slot){0};
}
