.referral_check.valid == true
