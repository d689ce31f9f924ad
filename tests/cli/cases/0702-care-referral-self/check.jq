.valid == false and (.why | test("opent geen jeugdhulp"))
