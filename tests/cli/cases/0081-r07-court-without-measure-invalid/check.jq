.referral_check.valid == false
