.framework == "compulsory" and .options[0].form == 10 and (option(10).allowed_referrers | index(["04"])) != null
 and (option(10) | has_req("court_order")) and .referral_check.valid == true and .referral_check.form == 10 and whys_ok
