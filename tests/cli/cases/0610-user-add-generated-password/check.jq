.id == 2 and .username == "anna.b" and .role == "consulent" and .organisation_id == 1 and (.password | test("^[A-Za-z0-9]{20}$"))
