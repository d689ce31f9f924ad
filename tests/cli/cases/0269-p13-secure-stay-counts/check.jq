.municipality.name == "Almelo" and .responsible_municipality.basis == "residence_before_stay"
 and (.responsible_municipality.why | test("vorm 9") and test("forms\\[8\\].setting = secure") and test("Hof van Twente"))
