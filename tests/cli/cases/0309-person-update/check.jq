.version == 2 and .municipality == "0141" and .family_name == "de Vries"
