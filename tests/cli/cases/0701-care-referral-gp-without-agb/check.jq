.valid == false and (.why | test("AGB"))
