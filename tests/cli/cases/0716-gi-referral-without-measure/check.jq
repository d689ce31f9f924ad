.valid == false and (.why | test("maatregel"))
