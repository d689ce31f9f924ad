.id == 1 and .active == false
