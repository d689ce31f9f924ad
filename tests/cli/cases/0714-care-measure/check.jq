.id == 1 and .kind == "ots" and .framework == "compulsory"
