.file == "-" and .bericht == "JW305" and .valid == true
