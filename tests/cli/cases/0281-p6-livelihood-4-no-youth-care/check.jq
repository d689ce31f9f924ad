(yc | length) == 0 and .options[0].kind == "other_domain" and .options[0].help == "income_support"
 and (.options[0].why | test("domains\\.livelihood = income_support"))
 and (.options[1:] | all(.kind == "social_base")) and (.options[1].why | test("principe 14")) and whys_ok
