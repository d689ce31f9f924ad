([.options[] | select(.kind == "coordination")] | length == 1 and (.[0].why | test("lokale team ondersteunt")))
 and (signal("safety").why | test("de gecertificeerde instelling houdt de regie"))
 and (kinds | index(["coordination"])) > (kinds | rindex(["youth_care"]))
 and (kinds | index(["social_base"])) != null and whys_ok
