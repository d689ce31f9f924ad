.municipality.code == "0001" and .municipality.region == "Testregio" and all(yc[] | select(.form >= 5); .contracting == "regional")
