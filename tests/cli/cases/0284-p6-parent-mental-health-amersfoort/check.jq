.municipality.region == "Amersfoort" and .options[0].kind == "other_domain" and .options[0].help == "adult_mental_health"
 and (.options[0].why | test("huisarts van de ouder"))
 and .options[1].help == "wmo" and .options[1].name == "Wmo-loket gemeente Amersfoort"
 and .options[2].kind == "no_referral" and whys_ok
