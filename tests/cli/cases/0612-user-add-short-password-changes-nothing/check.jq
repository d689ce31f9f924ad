.id == 2 and .username == "bob" and .role == "policy"
