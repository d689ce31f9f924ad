.id == 1 and .status == "suspended" and .version == 2 and .agb == "12345678"
