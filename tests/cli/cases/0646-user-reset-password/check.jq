.id == 2 and (.password | test("^[A-Za-z0-9]{20}$")) and .must_change_password == true and .ended_sessions == 0
