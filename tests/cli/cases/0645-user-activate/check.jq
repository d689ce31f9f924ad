.id == 2 and .active == true
