.version == 2 and .municipality.name == "Almelo" and .family_name == "de Vries"
