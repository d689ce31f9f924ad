.id == 1 and .kind == "regional_office" and .name == "OZJT" and .municipality == "" and .agb == "12345678"
