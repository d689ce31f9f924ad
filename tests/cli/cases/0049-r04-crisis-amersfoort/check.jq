.options[0].form == 8 and signal("crisis_followup").due == "2026-12-07"
