.kind == "ots" and .reference == "C/08/301234 / JE RK 26-1077" and .court_date == "2026-10-01" and .end == "2027-10-01"
