.id == 1 and .number == "1" and .jz020 == "45" and .regime == "result" and .form == 3
