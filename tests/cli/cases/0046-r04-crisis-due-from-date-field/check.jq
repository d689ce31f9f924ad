signal("crisis_followup").due == "2026-03-06"
