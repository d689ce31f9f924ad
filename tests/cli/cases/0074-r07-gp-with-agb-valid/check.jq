.referral_check.valid == true and .referral_check.form == 2 and (.referral_check.why | test("regel 7"))
