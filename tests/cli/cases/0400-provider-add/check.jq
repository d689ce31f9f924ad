.id == 1 and .agb == "12345678" and .kvk == "87654321" and .name == "Jeugdhulp Oost" and .status == "active" and .quality == "HKZ-certificaat" and .demo == false and .version == 1
