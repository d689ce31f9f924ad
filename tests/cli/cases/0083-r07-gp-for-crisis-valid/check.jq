.referral_check.valid == true and .referral_check.form == 8
