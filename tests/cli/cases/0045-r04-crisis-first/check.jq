.options[0].kind == "youth_care" and .options[0].form == 8 and .options[0].contracting == "regional"
 and signal("crisis_followup").due == "2026-12-07" and (signal("crisis_followup").why | test("regel 4")) and whys_ok
