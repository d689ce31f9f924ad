(.options | length) >= 4 and whys_ok and all(.signals[]; (.why | length) > 0) and (.referral_check.why | test("regel 7"))
