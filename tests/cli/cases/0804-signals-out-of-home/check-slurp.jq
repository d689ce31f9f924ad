[.[] | select(.code == "out_of_home" and (.why | test("regel 10")))] | length == 1
