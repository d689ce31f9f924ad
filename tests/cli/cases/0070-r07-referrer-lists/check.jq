(yc | length) >= 2 and all(yc[]; (.allowed_referrers | length) > 0 and (.allowed_referrers | index(["01"])) != null)
 and all(yc[] | select(.form != 9 and .form != 10); .allowed_referrers | index(["02"]) != null and index(["03"]) != null and index(["05"]) != null)
 and no_06 and all(yc[]; .referral_required == true)
