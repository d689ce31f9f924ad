.id == "voorbeeld-13" and .municipality.code == "0164" and .municipality.region == "Twente"
 and .responsible_municipality.code == "0164" and .responsible_municipality.name == "Hengelo"
 and .responsible_municipality.basis == "residence_before_stay"
 and (.responsible_municipality.why | test("woonplaatsbeginsel") and test("Enschede") and test("art. 1.1 Jeugdwet"))
 and (option(3).why | test("Hengelo")) and whys_ok
