.municipality.regional_body == "OZJT" and any(yc[] | select(.form >= 5); .why | test("OZJT"))
