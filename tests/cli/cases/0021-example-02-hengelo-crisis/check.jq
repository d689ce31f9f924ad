.municipality.name == "Hengelo" and .options[0].kind == "youth_care" and .options[0].form == 8
 and .framework == "voluntary" and signal("crisis_followup").due == "2026-12-07"
 and (codes | index(["safety"])) != null
 and .referral_check.valid == true and .referral_check.form == 8
 and any(.warnings[]; test("Veilig Thuis")) and home_first and whys_ok
