.municipality.code == "0153"
