.id == 1 and .kind == "local_team" and .name == "Wijkteam Enschede Zuid" and .active == true
