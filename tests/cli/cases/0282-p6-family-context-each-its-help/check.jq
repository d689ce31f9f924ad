(yc | length) == 0
 and [.options[] | select(.kind == "other_domain") | .help] == ["debt_help","housing","adult_mental_health","addiction_care","wmo","divorce_help"]
 and (.options[] | select(.help == "wmo") | .why | test("psychische problemen van een ouder, verslaving van een ouder"))
 and (.options[] | select(.help == "wmo") | .name) == "Wmo-loket gemeente Hengelo"
 and .options[-1].kind == "social_base" and whys_ok
