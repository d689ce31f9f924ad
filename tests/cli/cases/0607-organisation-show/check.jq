.id == 1 and .kind == "local_team" and .name == "Wijkteam Enschede Noord" and .municipality == {"code": "0153", "name": "Enschede"} and .agb == null
