all(.options[]; .kind != "no_referral")
