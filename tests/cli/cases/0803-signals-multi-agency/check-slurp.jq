[.[] | select(.code == "multi_agency" and (.why | test("geen regisseur")))] | length == 1
