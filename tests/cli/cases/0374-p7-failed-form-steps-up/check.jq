forms == [4] and (option(4).why | test("negatief afgesloten")) and (option(4).why | test("Vorm 3 ")) and whys_ok
