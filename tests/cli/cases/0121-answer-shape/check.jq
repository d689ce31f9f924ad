(.municipality | has("code") and has("name") and has("region")) and (.eligible | type) == "boolean"
 and (.framework == "voluntary" or .framework == "compulsory") and (.signals | type) == "array" and (.warnings | type) == "array"
 and all(.options[]; (.kind | IN("social_base", "no_referral", "coordination", "youth_care")) and (.name | length) > 0
   and (.referral_required | type) == "boolean" and (.allowed_referrers | type) == "array" and (.requires | type) == "array"
   and all(.requires[]; IN("broad_analysis", "result_description", "product_code", "court_order")))
 and all(yc[]; .referral_required and (.form | IN(range(1; 11))) and (.contracting | IN("local", "regional")) and (.jz020 | test("^[0-9]{2}$")))
 and all(.options[] | select(.kind != "youth_care"); .referral_required == false)
 and (.referral_check | has("valid") and has("why"))
