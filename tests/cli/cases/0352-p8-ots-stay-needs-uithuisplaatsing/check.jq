(option(5) | has_req("court_order")) and (option(5).why | test("1:265b BW"))
 and (option(3) | has_req("court_order") | not)
 and (.warnings | length) == 1 and (.warnings[0] | test("machtiging uithuisplaatsing.*de gecertificeerde instelling moet de kinderrechter"))
