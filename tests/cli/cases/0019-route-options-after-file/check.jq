.id == "voorbeeld-01" and .age == 9
