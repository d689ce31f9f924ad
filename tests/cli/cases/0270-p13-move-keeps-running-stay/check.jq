.municipality == "0153" and .responsible_municipality == {code: "0164", basis: "residence_before_stay"}
 and (.notices | length) == 1 and (.notices[0] | test("Enschede \\(0153\\)") and test("blijft bij Hengelo \\(0164\\)") and test("woonplaatsbeginsel"))
