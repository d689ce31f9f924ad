/* view_socialmap: an entry of the social map as JSON, the same for `jeugdroute socialmap` and
 * GET /api/v1/socialmap: {"id","municipality","organisation","service","location","categories",
 * "needs":[…],"age_min","age_max","cost","no_referral","contact","verified_on","stale","demo"}
 * (age bounds -1 when not given; "stale" by app/socialmap.c's rule). */
#ifndef JR_VIEW_VIEW_SOCIALMAP_H
#define JR_VIEW_VIEW_SOCIALMAP_H

#include <stdbool.h>

#include "app/socialmap.h"
#include "json/json_writer.h"

void jr_view_social_entry(struct jr_json_writer *w, const struct jr_social_entry *e, bool stale);

#endif
