map(.id) == ["p", "q", "r"]
