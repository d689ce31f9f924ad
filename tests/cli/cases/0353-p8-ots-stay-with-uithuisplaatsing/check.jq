(option(5) | has_req("court_order") | not) and (option(5).why | test("machtiging uithuisplaatsing van de kinderrechter is er")) and .warnings == [] and (forms | index([9])) == null
