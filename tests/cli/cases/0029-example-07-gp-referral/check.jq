.referral_check.valid == true and (option(.referral_check.form) | has_req("broad_analysis") | not)
 and (codes | index(["broad_analysis_after"])) != null and (codes | index(["broad_analysis"])) == null
 and (signal("broad_analysis_after").why | test("huisarts")) and whys_ok
