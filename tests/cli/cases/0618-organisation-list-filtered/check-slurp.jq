[.[] | .name] == ["Wijkteam Enschede Noord", "Wijkteam Enschede Zuid"] and ([.[] | .municipality.name] | unique) == ["Enschede"]
