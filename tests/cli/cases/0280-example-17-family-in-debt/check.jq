.id == "voorbeeld-17" and (yc | length) == 0
 and .options[0].kind == "other_domain" and .options[0].help == "debt_help"
 and .options[0].name == "Schuldhulpverlening gemeente Enschede"
 and (.options[0].why | test("schulden") and test("geen jeugdhulp voor het kind"))
 and .options[1].help == "income_support" and (.options[1].why | test("bestaanszekerheid \\(3\\)"))
 and any(.options[]; .kind == "social_base" and (.why | test("gedrag \\(2\\)")))
 and all(.options[] | select(.kind == "other_domain"); .referral_required == false and .allowed_referrers == [] and .requires == [])
 and whys_ok
