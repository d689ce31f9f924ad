.id == 2 and .username == "anna.b" and (.created_at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")) and (has("password") | not)
