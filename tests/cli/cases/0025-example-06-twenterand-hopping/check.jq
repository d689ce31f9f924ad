.municipality.name == "Twenterand" and .options[0].kind == "coordination" and (codes | index(["hopping"])) != null
 and .referral_check.valid == true and whys_ok
