.id == 1 and .kind == "local_team" and .name == "Wijkteam Enschede Noord" and .municipality == "0153" and .agb == ""
