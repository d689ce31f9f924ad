.id > 0 and .form == 3
