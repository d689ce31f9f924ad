.municipality.name == "Soest" and .options[0].kind == "no_referral"
