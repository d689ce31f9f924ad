.options[0].form == 8 and .options[0].crisis_service.name == "Coördinatiepunt Spoedhulp Jeugd Twente"
 and .options[0].crisis_service.reachability == "24/7" and .options[0].crisis_service.since == "2019-01-01"
 and (.options[0].why | test("via Coördinatiepunt Spoedhulp Jeugd Twente \\(24/7 bereikbaar\\)"))
 and .options[1].kind == "youth_care" and .options[1].form == 4 and .options[1].urgent == true
 and (.options[1].why | test("Acute psychiatrische crisis")) and (.options[1].why | test("jeugd-ggz"))
 and (.options[1] | has_req("broad_analysis") | not)
 and ([yc[] | select(.form == 4)] | length) == 1
 and signal("crisis_followup").due == "2026-12-05" and whys_ok
