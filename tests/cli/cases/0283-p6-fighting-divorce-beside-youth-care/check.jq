.options[0].kind == "youth_care" and (forms | index([3])) != null
 and ([.options[] | .kind] | index("other_domain")) > ([.options[] | .kind] | index("youth_care"))
 and (.options[] | select(.kind == "other_domain") | .help) == "divorce_help"
 and (.options[] | select(.help == "divorce_help") | .why | test("gezin \\(3\\), vechtscheiding"))
 and whys_ok
