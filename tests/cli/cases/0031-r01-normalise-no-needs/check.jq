(.options | length) > 0 and all(.options[]; .kind == "social_base" and .referral_required != true) and whys_ok
