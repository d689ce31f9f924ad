.options[0].form == 8 and signal("crisis_followup").due == "2027-01-08"
