.eligible == false and (.why | test("Wmo") and test("Zvw|Zorgverzekeringswet"))
