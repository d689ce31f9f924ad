.id == 1 and .active == true
