.id == 2 and .start == "2027-06-01" and .end == null and .intensity == 1
