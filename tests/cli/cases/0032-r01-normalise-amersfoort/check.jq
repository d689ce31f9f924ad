.options[0].kind == "no_referral" and all(.options[]; .kind == "no_referral" or .kind == "social_base") and whys_ok
