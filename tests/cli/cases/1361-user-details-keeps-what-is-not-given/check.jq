.full_name == "Anna Bakker" and .email == null
