.id == 1 and .municipality == "0153"
