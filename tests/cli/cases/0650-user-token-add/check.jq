.id == 1 and .user_id == 2 and .name == "wijkteam-suite" and (.token | test("^[A-Za-z0-9_-]{43}$")) and (.expires_at | test("^20[0-9][0-9]-"))
