.id == 2 and .corrects == 1 and .kind == "phone_call" and .kind_label == "telefoongesprek"
