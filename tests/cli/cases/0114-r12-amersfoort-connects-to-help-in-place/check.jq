(codes | index(["connect"])) != null and (signal("connect").why | test("regel 12"))
