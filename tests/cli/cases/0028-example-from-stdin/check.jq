.id == "voorbeeld-04" and .municipality.name == "Almelo"
