.municipality.name == "Baarn" and .municipality.region == "Amersfoort" and .municipality.regime == "generic"
