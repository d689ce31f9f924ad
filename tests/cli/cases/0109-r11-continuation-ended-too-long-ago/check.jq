.eligible == false and (.why | test("Wmo"))
