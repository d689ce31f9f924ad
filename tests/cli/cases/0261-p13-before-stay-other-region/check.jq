.municipality.code == "0307" and .municipality.region == "Amersfoort" and .municipality.regime == "generic"
 and .responsible_municipality.basis == "residence_before_stay"
 and (.responsible_municipality.why | test("gemeente 0153") and test("regio Amersfoort"))
 and all(yc[]; .contracting == "regional" or .regime == "generic") and whys_ok
