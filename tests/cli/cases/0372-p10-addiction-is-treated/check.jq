forms == [4] and (option(4).why | test("middelengebruik")) and .referral_check.valid and whys_ok
