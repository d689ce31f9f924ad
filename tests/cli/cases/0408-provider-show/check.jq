.id == 1 and .agb == "12345678" and .name == "Jeugdhulp Oost" and .status == "active" and .version == 1
