.municipality.code == "0153" and .responsible_municipality == {code: "0153", name: "Enschede", basis: "residence", why: .responsible_municipality.why}
 and (.responsible_municipality.why | test("BRP") and test("regel 13"))
