/* refer: recording a referral as every adapter does it — judged by rule 7 (who may refer to
 * which form, under the child's court measure on the day of referral) and kept with that
 * judgement, valid or not, with the rule's explanation in Dutch. A referrer's own referral of a
 * child by BSN goes through app/referral.h, which checks who the child is first. */
#ifndef JR_APP_REFER_H
#define JR_APP_REFER_H

#include "core/buf.h"
#include "store/store.h"

struct jr_policy_set;

/* Judges `ref` (help request, referrer type, AGB, date, form) by rule 7 without recording it:
 * sets ref->valid and puts the explanation in `why`. JR_ERR_NOT_FOUND when the help request does
 * not exist; JR_ERR_POLICY when its municipality is in no policy. */
enum jr_err jr_app_refer_judge(struct jr_store *s, const struct jr_actor *a,
			       const struct jr_policy_set *set, struct jr_referral *ref,
			       struct jr_buf *why);

/* Records `ref` (help request, referrer type, AGB, name, date, form filled in, its source and,
 * when an organisation made it, that organisation), judged as jr_app_refer_judge does; sets
 * ref->id and ref->valid, and puts the explanation in `why`. Errors as jr_app_refer_judge, and
 * those of jr_store_referral_add. */
enum jr_err jr_app_refer(struct jr_store *s, const struct jr_actor *a,
			 const struct jr_policy_set *set, struct jr_referral *ref, struct jr_buf *why);

struct jr_app;
/* The use case of recording a referral on help request ref->help_request_id (at the command
 * line: any referrer type, name, AGB and date; with a principal, one who may change the help
 * request), judged and recorded as jr_app_refer does; source "cli" when none is set. */
enum jr_err jr_app_referral_record(struct jr_app *app, struct jr_referral *ref,
				   struct jr_buf *why);

#endif
