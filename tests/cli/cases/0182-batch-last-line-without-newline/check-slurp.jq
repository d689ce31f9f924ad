length == 2 and .[1].id == "last" and .[1].municipality.name == "Hengelo"
