.municipality.name == "Wierden"
