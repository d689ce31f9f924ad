/* casefile: the page of a help request and the use cases around it (casefile.h). */
#include "app/casefile.h"

#include <stdio.h>
#include <string.h>

#include "app/access.h"
#include "app/household.h"
#include "core/ident.h"

static enum jr_err add_goal(void *ctx, const struct jr_goal_rec *g)
{
	struct jr_case_page *c = ctx;

	if (c->goal_count < JR_CASE_GOALS_MAX)
		c->goals[c->goal_count++] = *g;
	return JR_OK;
}

static enum jr_err add_evaluation(void *ctx, const struct jr_evaluation *e)
{
	struct jr_case_page *c = ctx;

	if (c->evaluation_count < JR_CASE_EVALUATIONS_MAX)
		c->evaluations[c->evaluation_count++] = *e;
	return JR_OK;
}

/* The household of the help request (or, when it names none, the child's) with its
 * coordinator's name; nothing when the child belongs to none. */
static enum jr_err household_of(struct jr_app *app, struct jr_case_page *c)
{
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	int64_t id = c->course.h.household_id;
	struct jr_user u;
	size_t count;
	enum jr_err err;

	if (!id && (err = jr_store_household_of_person(app->store, c->child.id, &id)))
		return err;
	if (!id)
		return JR_OK;
	if ((err = jr_app_household_get(app, id, &c->household, members, &count)))
		return err;
	if (!c->household.coordinator_user_id)
		return JR_OK;
	err = jr_store_user_get(app->store, c->household.coordinator_user_id, &u);
	if (err == JR_ERR_NOT_FOUND)
		return JR_OK;
	if (!err)
		snprintf(c->coordinator_name, sizeof(c->coordinator_name), "%s", u.username);
	return err;
}

enum jr_err jr_app_help_request_case(struct jr_app *app, int64_t id, struct jr_case_page *out,
				     struct jr_buf *advice)
{
	enum jr_err err;

	memset(out, 0, sizeof(*out));
	/* reach, and the read of the help request (audited) */
	if ((err = jr_app_help_request_get(app, id, &out->course)))
		return err;
	/* who the child is: a read of the person, audited as one */
	if ((err = jr_store_person_get(app->store, app->actor, out->course.h.child_id,
				       &out->child)))
		return err;
	out->age = jr_date_age_years(out->child.birth_date, app->today);
	jr_bsn_mask(out->child.bsn, out->bsn_masked);
	memset(out->child.bsn, 0, sizeof(out->child.bsn)); /* not shown: kept no longer either */
	if ((err = household_of(app, out)))
		return err;
	err = jr_store_analysis_latest(app->store, id, &out->analysis);
	if (err && err != JR_ERR_NOT_FOUND)
		return err;
	out->has_analysis = !err;
	if ((err = jr_store_route_advice_latest(app->store, id, &out->advice, advice,
						&out->has_advice)))
		return err;
	if ((err = jr_store_goals_of(app->store, id, add_goal, out)))
		return err;
	return jr_store_evaluations_of(app->store, id, add_evaluation, out);
}

static bool listed(const char *const *names, const char *name)
{
	for (size_t i = 0; names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

enum jr_err jr_app_evaluation_add(struct jr_app *app, struct jr_evaluation *e,
				  struct jr_course_view *out)
{
	struct jr_course_view *now = out;
	const char *why = NULL;
	bool closing;
	enum jr_app_tx tx;
	enum jr_err err;

	if ((err = jr_app_help_request_reach(app, e->help_request_id, true)))
		return err;
	if (!listed(jr_evaluation_kinds, e->kind))
		return jr_app_fail(app, JR_ERR_INPUT, "kind",
				   "kies interim (tussentijds, terwijl de zorg loopt) of closing "
				   "(eindevaluatie, nadat de zorg stopte)");
	if (e->held_on > app->today)
		return jr_app_fail(app, JR_ERR_INPUT, "held_on", "de datum ligt in de toekomst");
	if (!jr_goals_reached_label(e->goals_reached))
		return jr_app_fail(app, JR_ERR_INPUT, "goals_reached",
				   "kies of de doelen bereikt zijn: yes, partly of no");
	if (!e->family_view[0])
		return jr_app_fail(app, JR_ERR_INPUT, "family_view",
				   "schrijf op hoe het gezin de hulp en de doelen ziet");
	closing = strcmp(e->kind, "closing") == 0;
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = jr_app_help_request_get(app, e->help_request_id, now)))
		goto out;
	/* interim while care runs; closing once care started and none runs any more */
	if (!closing && now->f.care_running < 1) {
		err = jr_app_fail(app, JR_ERR_REFUSED, "kind",
				  "er loopt geen zorg: een tussentijdse evaluatie is er terwijl de "
				  "zorg loopt; na de zorg volgt de eindevaluatie");
		goto out;
	}
	if (closing && (now->f.care_started < 1 || now->f.care_running > 0)) {
		err = jr_app_fail(app, JR_ERR_REFUSED, "kind",
				  now->f.care_running > 0
					  ? "er loopt nog zorg: de eindevaluatie volgt als de zorg "
					    "gestopt is; nu kan een tussentijdse evaluatie"
					  : "er is nog geen zorg gestart om af te sluiten");
		goto out;
	}
	if ((err = jr_store_evaluation_add(app->store, app->actor, e))) {
		if (err == JR_ERR_NOT_FOUND)
			err = jr_app_fail(app, err, NULL, "hulpvraag niet gevonden");
		goto out;
	}
	/* the closing evaluation takes a help request in care on to evaluated, when the course
	 * allows it (an outcome of every ended care recorded) */
	if (closing && now->h.state == JR_HR_IN_CARE &&
	    !jr_course_can_move(&now->f, JR_HR_EVALUATED, &why))
		err = jr_app_help_request_move(app, e->help_request_id, JR_HR_EVALUATED,
					       now->h.version, now);
	else
		err = jr_app_help_request_get(app, e->help_request_id, now);
out:
	return jr_app_tx_end(app, tx, err);
}

/* The consulents of a municipality: passed on, or looked for (find: the one with user id). */
struct consulents {
	jr_user_fn fn;
	void *ctx;
	int64_t find;
	bool found;
	char name[33];
};

static enum jr_err each_consulent(void *ctx, const struct jr_user *u)
{
	struct consulents *c = ctx;

	if (c->fn)
		return c->fn(c->ctx, u);
	if (u->id == c->find) {
		c->found = true;
		snprintf(c->name, sizeof(c->name), "%s", u->username);
	}
	return JR_OK;
}

/* Household `id` read within reach (audited), for a consulent: the one who coordinates. */
static enum jr_err coordinated(struct jr_app *app, int64_t id, struct jr_household *h)
{
	struct jr_household_member members[JR_HOUSEHOLD_MEMBERS_MAX];
	size_t count;
	enum jr_err err;

	if (app->principal && (err = jr_app_access_require(app, JR_CAP_WORK_LIST)))
		return err;
	return jr_app_household_get(app, id, h, members, &count);
}

enum jr_err jr_app_household_coordination_reach(struct jr_app *app, int64_t id)
{
	struct jr_household h;

	return coordinated(app, id, &h);
}

enum jr_err jr_app_household_coordinators(struct jr_app *app, int64_t id, jr_user_fn fn,
					  void *ctx)
{
	struct consulents c = {.fn = fn, .ctx = ctx};
	struct jr_household h;
	enum jr_err err;

	if ((err = coordinated(app, id, &h)))
		return err;
	return jr_store_consulents_of(app->store, h.municipality, each_consulent, &c);
}

enum jr_err jr_app_household_assign_coordinator(struct jr_app *app, struct jr_household *h,
						int64_t user_id, char name[33])
{
	struct consulents c = {.find = user_id};
	struct jr_household now;
	int version = h->version;
	enum jr_app_tx tx;
	enum jr_err err;

	name[0] = '\0';
	if ((err = jr_app_tx_begin(app, &tx)))
		return err;
	if ((err = coordinated(app, h->id, &now)) ||
	    (err = jr_store_consulents_of(app->store, now.municipality, each_consulent, &c)))
		goto out;
	if (!c.found) {
		err = jr_app_fail(app, JR_ERR_INPUT, "user_id",
				  "kies een consulent van de gemeente van het gezin");
		goto out;
	}
	now.version = version;
	if ((err = jr_app_household_set_coordinator(app, &now, user_id)))
		goto out;
	now.coordinator_user_id = user_id;
	*h = now;
	snprintf(name, 33, "%s", c.name);
out:
	return jr_app_tx_end(app, tx, err);
}
