.referral_check.valid == false and (.referral_check.why | test("regel 7"))
