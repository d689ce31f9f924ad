has("referral_check") | not
