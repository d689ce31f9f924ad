[.[] | .name] == ["Wijkteam Enschede Noord", "Wijkteam Enschede Zuid"] and ([.[] | .municipality] | unique) == ["0153"]
