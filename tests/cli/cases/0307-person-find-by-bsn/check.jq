.id == 1 and .family_name == "de Vries"
