/* refer: recording a referral as every adapter does it — judged by rule 7 (who may refer to
 * which form, under the child's court measure on the day of referral) and kept with that
 * judgement, valid or not, with the rule's explanation in Dutch. */
#ifndef JR_APP_REFER_H
#define JR_APP_REFER_H

#include "core/buf.h"
#include "store/store.h"

struct jr_policy_set;

/* Records `ref` (help request, referrer type, AGB, name, date, form filled in); sets ref->id and
 * ref->valid, and puts the explanation in `why`. JR_ERR_NOT_FOUND when the help request does not
 * exist; JR_ERR_POLICY when its municipality is in no policy. */
enum jr_err jr_app_refer(struct jr_store *s, const struct jr_actor *a,
			 const struct jr_policy_set *set, struct jr_referral *ref, struct jr_buf *why);

#endif
