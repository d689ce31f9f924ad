.id == 1 and .valid == true and (.why | test("regel 7"))
