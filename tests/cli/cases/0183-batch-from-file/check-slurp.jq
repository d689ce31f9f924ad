map(.id) == ["r1", "r2", "r3"] and .[0].options[0].form == 8 and .[1].options[0].kind == "coordination"
 and ([.[0], .[2]] | map(.signals[] | select(.code == "crisis_followup") | .due)) == ["2026-12-07", "2026-03-06"]
