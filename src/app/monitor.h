/* monitor: the Regiovisie monitor as use cases (issue 16; docs/monitor.md) — targets with
 * their state, costs against budgets, the waiting list and waits, contracted places against
 * occupancy, for one region. Behind `jeugdroute figures targets|costs|waiting|capacity` and
 * GET /api/v1/monitor/{targets,costs,waiting,capacity}.
 *
 * Like the figures, the answer is a published table (report/monitor.c), small cells suppressed;
 * the use case returns it as report/ writes it. */
#ifndef JR_APP_MONITOR_H
#define JR_APP_MONITOR_H

#include "app/app.h"
#include "core/buf.h"
#include "report/monitor.h"

enum jr_app_monitor_kind {
	JR_APP_MONITOR_TARGETS,
	JR_APP_MONITOR_COSTS,
	JR_APP_MONITOR_WAITING,
	JR_APP_MONITOR_CAPACITY,
	JR_APP_MONITOR_KIND_COUNT
};

/* "targets", "costs", "waiting", "capacity"; -1 from parse for another word. */
const char *jr_app_monitor_kind_name(enum jr_app_monitor_kind k);
int jr_app_monitor_kind_parse(const char *s);

/* Appends the monitor's `kind` for region `region` (a policy id) to `out`: targets and costs
 * for calendar year `year`, waiting and capacity on `day` (the waits over the twelve months up
 * to it); without a region (NULL or "") a user's own. JR_ERR_FORBIDDEN for a role without the figures or a user of another region
 * ("region"); JR_ERR_INPUT for an unknown region ("region") or a year outside 2015..2100
 * ("year"); each explained in app->diag. */
enum jr_err jr_app_monitor(struct jr_app *app, enum jr_app_monitor_kind kind, const char *region,
			   int year, jr_day day, enum jr_mon_format format, struct jr_buf *out);

#endif
