.framework == "compulsory" and forms[0:2] == [9, 10] and (.options[0].why | test("Machtiging gesloten"))
