.framework == "voluntary" and any(.warnings[]; test("Veilig Thuis") and test("Raad voor de Kinderbescherming"))
 and (forms | index([10])) == null
